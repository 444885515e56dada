"""Session 28: the condition of a reported demand or advice is part of what was said."""

from __future__ import annotations

import pytest

from allegiance.analysis import default_context
from quote_helpers import analyzed_quotes, find_quote


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


@pytest.mark.model
def test_a_condition_after_the_reported_advice_is_kept(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le rapport du Sénat recommande de bloquer l'application en France si la société "
        "n'apporte pas des réponses claires avant l'an prochain."
    )
    quote = find_quote(analyzed_quotes(text, ctx), "bloquer l'application")
    assert quote is not None
    assert quote.text.endswith("avant l'an prochain")


@pytest.mark.model
def test_a_condition_after_a_comma_is_the_speaker_s_own(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Le ministre a annoncé qu'il démissionnerait, s'il le fallait, dès lundi."
    quote = find_quote(analyzed_quotes(text, ctx), "démissionnerait")
    assert quote is not None
    assert "fallait" not in quote.text
