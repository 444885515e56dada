"""Construction probes: loading (clear errors naming the file and line) and scoring."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from allegiance.errors import GoldFormatError, MissingInputError
from allegiance.evaluation.probes import load_probes, run_probes


def _write(tmp_path: Path, lines: list[object]) -> Path:
    path = tmp_path / "p.jsonl"
    path.write_text(
        "\n".join(x if isinstance(x, str) else json.dumps(x, ensure_ascii=False) for x in lines),
        "utf-8",
    )
    return path


def test_load_reads_lines_and_defaults(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [
            "# a comment",
            {"text": "« Oui », dit Paul Durand.", "fragment": "Oui", "speaker": "paul-durand"},
            "",
            {"text": "« Non », dit un témoin.", "fragment": "Non", "speaker": None, "lang": "fr"},
        ],
    )
    probes = load_probes(path)
    assert [p.speaker for p in probes] == ["paul-durand", None]
    assert probes[0].where == "p.jsonl:2" and probes[1].where == "p.jsonl:4"
    assert probes[0].published == "2025-03-04"


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ("{not json", "not JSON"),
        ('["a list"]', "expected an object"),
        ('{"text": "abc", "fragment": "xyz", "speaker": null}', "fragment is not in the text"),
        ('{"text": "abc", "fragment": "a", "speaker": 3}', "'speaker' must be"),
        ('{"text": "abc", "fragment": "a", "quote": "no"}', "'quote' must be"),
    ],
)
def test_a_bad_line_names_the_file_and_line(tmp_path: Path, line: str, problem: str) -> None:
    path = _write(tmp_path, [{"text": "abc", "fragment": "b", "speaker": None}, line])
    with pytest.raises(GoldFormatError, match=rf"p\.jsonl: line 2: .*{problem}"):
        load_probes(path)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(MissingInputError, match="nope.jsonl"):
        load_probes(tmp_path / "nope.jsonl")


@pytest.mark.model
def test_run_counts_passes_and_reports_failures(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        [
            {"text": "« Nous tiendrons », a déclaré Paul Durand.", "fragment": "tiendrons",
             "speaker": "paul-durand"},
            # a wrong expectation on purpose: the probe must fail and say what was found
            {"text": "« Nous tiendrons », a déclaré Paul Durand.", "fragment": "tiendrons",
             "speaker": "ines-garnier"},
            {"text": "Il fait beau à Lyon.", "fragment": "beau", "speaker": None},
            # a negative probe: a film title in marks is no quote
            {"text": "Le film « Un été à Tulle » sort mercredi.", "fragment": "Un été",
             "quote": False},
            {"text": "« Nous tiendrons », a déclaré Paul Durand.", "fragment": "tiendrons",
             "quote": False},
        ],
    )  # fmt: skip
    report = run_probes(load_probes(path))
    assert report.passed == 2
    failed = report.as_dict()["failures"]
    assert [(f["expected"], f["got"]) for f in failed] == [
        ("ines-garnier", "paul-durand"),
        (None, "no quote"),
        ("no quote", "paul-durand"),
    ]


def test_a_crash_is_a_failed_probe_not_a_lost_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import allegiance.analysis as analysis

    def broken(*args: object, **kwargs: object) -> None:
        raise StopIteration

    monkeypatch.setattr(analysis, "analyze", broken)
    path = _write(tmp_path, [{"text": "« Oui », dit X.", "fragment": "Oui", "speaker": None}])
    report = run_probes(load_probes(path), context=object())  # type: ignore[arg-type]
    assert report.passed == 0
    assert report.as_dict()["failures"][0]["got"] == "crash: StopIteration"
