"""Inter-annotator agreement between two folders of gold files (invented article)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from allegiance.errors import MissingInputError
from allegiance.evaluation.agreement import compare_folders

ARTICLE = (
    "# date: 2025-03-04\n\n"
    "« Nous ne céderons pas », a déclaré Claire Fontanel mardi. Le syndicat estime que la "
    "réforme est injuste. « C'est un jour noir », a ajouté M. Delorme.\n"
)


def _gold(folder: Path, entities: list[dict[str, object]], quotes: list[dict[str, object]]) -> None:
    folder.mkdir(exist_ok=True)
    (folder / "a.gold.json").write_text(
        json.dumps(
            {
                "format": "allegiance-gold/1",
                "text_file": "../article.txt",
                "lang": "fr",
                "published": "2025-03-04",
                "entities": entities,
                "quotes": quotes,
            }
        ),
        encoding="utf-8",
    )


def test_agreement_pairs_quotes_and_compares_speakers_by_name(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    claire = {"key": "cf", "name": "Claire Fontanel", "type": "person"}
    marc = {"key": "md", "name": "Marc Delorme", "type": "person", "aliases": ["Delorme"]}
    _gold(
        tmp_path / "a",
        [claire, marc],
        [
            {"text": "Nous ne céderons pas", "kind": "direct", "speaker": "cf"},
            {"text": "la réforme est injuste", "kind": "indirect", "speaker": None},
            {"text": "C'est un jour noir", "kind": "direct", "speaker": "md"},
        ],
    )
    # B keys its entities its own way, misses the indirect quote, gives the last quote to Claire
    _gold(
        tmp_path / "b",
        [{"key": "fontanel", "name": "Fontanel", "type": "person", "aliases": ["Claire Fontanel"]}],
        [
            {"text": "Nous ne céderons pas", "kind": "direct", "speaker": "fontanel"},
            {"text": "C'est un jour noir", "kind": "direct", "speaker": "fontanel"},
        ],
    )
    result = compare_folders(tmp_path / "a", tmp_path / "b").as_dict()
    assert (result["quotes_a"], result["quotes_b"], result["paired"]) == (3, 2, 2)
    assert result["recall"] == pytest.approx(2 / 3) and result["precision"] == 1.0
    assert (result["speakers_same"], result["speakers_judged"]) == (1, 2)


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(MissingInputError) as err:
        compare_folders(tmp_path / "nowhere", tmp_path)
    assert "nowhere" in str(err.value)


def test_no_pair_is_f1_zero_and_unlocated_quotes_are_counted(tmp_path: Path) -> None:
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    _gold(tmp_path / "a", [], [{"text": "Nous ne céderons pas", "kind": "direct"}])
    _gold(
        tmp_path / "b",
        [],
        [
            {"text": "C'est un jour noir", "kind": "direct"},
            {"text": "une phrase absente de l'article", "kind": "direct"},
        ],
    )
    result = compare_folders(tmp_path / "a", tmp_path / "b").as_dict()
    assert result["paired"] == 0 and result["f1"] == 0.0
    assert (result["quotes_b"], result["unlocated_b"]) == (1, 1)
