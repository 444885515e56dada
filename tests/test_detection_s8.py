"""Session 8: quote detection on constructions found missed on the blind dev sets, rebuilt
here as invented passages (other names, other topics, same grammar)."""

from __future__ import annotations

import pytest

from allegiance.analysis import default_context
from quote_helpers import analyzed_quotes as _quotes
from quote_helpers import find_quote as _find
from quote_helpers import speaker_name as _name

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


def test_short_quote_with_incise_then_a_second_quote(ctx) -> None:  # type: ignore[no-untyped-def]
    """``« C'est honteux », a jugé X, rappelant que « … »``: a short quote opening its sentence
    with its own incise is said, though a longer quote shares the sentence."""
    quotes = _quotes(
        "« C'est honteux », a jugé la sénatrice Hélène Marchal, rappelant que « les loyers ont "
        "doublé en dix ans ».",
        ctx,
    )
    q = _find(quotes, "C'est honteux")
    assert q is not None and q.kind == "direct"
    assert "Marchal" in _name(q)
    assert _find(quotes, "les loyers ont doublé") is not None


def test_short_label_inside_sentence_with_longer_quote(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: a short marked label inside a sentence that quotes at length stays a label."""
    quotes = _quotes(
        "Le « geste » du groupe est une « opération de communication sans aucun lendemain », "
        "a dit le député Paul Viel.",
        ctx,
    )
    assert _find(quotes, "geste") is None
    assert _find(quotes, "opération de communication") is not None
