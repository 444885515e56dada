"""Batched analysis (nlp.pipe inside analyze_many / analyze_texts) gives what analyze() gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from allegiance.analysis import analyze, analyze_many, analyze_texts, default_context
from allegiance.pipeline import Failure

TEXTS = [
    "« Sam Altman est un escroc », a déclaré Elon Musk mardi à Paris.",
    "Donald Trump praised Sam Altman on Tuesday. “This is a great day,” he said.",
    "   \n\n  ",  # nothing to analyse: a Failure, the batch goes on
    "Emmanuel Macron a salué l'accord. « C'est historique », a-t-il ajouté.",
]


@pytest.mark.model
def test_batched_texts_equal_one_by_one_and_keep_order() -> None:
    context = default_context()
    batched = list(analyze_texts(TEXTS, published="2025-01-21", context=context, batch_size=2))
    assert len(batched) == len(TEXTS)
    assert isinstance(batched[2], Failure) and batched[2].source == "text #2"
    for text, got in zip(TEXTS, batched, strict=True):
        if not text.strip():
            continue
        assert not isinstance(got, Failure)
        alone = analyze(text, published="2025-01-21", context=context)
        assert got.as_dict() == alone.as_dict()
    assert [a.meta.lang for a in batched if not isinstance(a, Failure)] == ["fr", "en", "fr"]


@pytest.mark.model
def test_analyze_many_reports_the_bad_file_and_goes_on(tmp_path: Path) -> None:
    paths = []
    for i, text in enumerate(TEXTS):
        path = tmp_path / f"a{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    missing = tmp_path / "missing.txt"
    results = list(analyze_many([*paths[:2], missing, *paths[2:]], batch_size=3))
    assert len(results) == 5
    failures = [r for r in results if isinstance(r, Failure)]
    assert {Path(f.source).name for f in failures} == {"missing.txt", "a2.txt"}
    stems = [Path(r.meta.path or "").stem for r in results if not isinstance(r, Failure)]
    assert stems == ["a0", "a1", "a3"]
    assert any(q.speaker and q.speaker.name == "Elon Musk" for q in results[0].quotes)
