"""Shared fixtures: paths to the demo article and the shared corpus, a skip for the corpus, and
the packaged spaCy pipelines (loaded once per test session, skipped where not installed)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "musk-altman-fr.txt"
EXAMPLE_GOLD = ROOT / "examples" / "musk-altman-fr.gold.json"
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is absent (the shared corpus is read at run time, never copied)")
    return CORPUS


@pytest.fixture(scope="session")
def fr_nlp():  # type: ignore[no-untyped-def]
    """The French pipeline exactly as packaged (the tests judge the rules on its parse). A
    missing model fails the tests (ModelError) rather than skipping them: `make test` installs
    it, so its absence is a broken install, not an optional feature."""
    from allegiance.nlp.models import bare

    return bare("fr")


@pytest.fixture(scope="session")
def en_nlp():  # type: ignore[no-untyped-def]
    """The English pipeline exactly as packaged (a missing model fails, as for French)."""
    from allegiance.nlp.models import bare

    return bare("en")
