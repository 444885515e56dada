"""Shared fixtures: paths to the demo article and the shared corpus, and a skip for the corpus."""

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
