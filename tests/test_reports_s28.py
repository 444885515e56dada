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


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "fragment", "left_out"),
    [
        (
            "La CGT a demandé d'ouvrir des négociations si l'on en croit le communiqué publié "
            "hier soir par la direction.",
            "ouvrir des négociations",
            "croit",
        ),
        (
            "Le maire demandera de fermer l'école si les analyses confirment la pollution.",
            "fermer l'école",
            "analyses",
        ),
    ],
)
def test_a_source_hedge_or_a_future_request_keeps_its_si_clause_out(
    ctx, text: str, fragment: str, left_out: str
) -> None:  # type: ignore[no-untyped-def]
    quote = find_quote(analyzed_quotes(text, ctx), fragment)
    assert quote is not None
    assert left_out not in quote.text


@pytest.mark.model
def test_a_diocese_named_by_its_seat_is_an_actor(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le diocèse de Nantes a déclaré à l'AFP que le prêtre « a été suspendu ». « Ce n'est "
        "pas une sanction », a souligné le diocèse."
    )
    quotes = analyzed_quotes(text, ctx)
    for fragment in ("suspendu", "pas une sanction"):
        quote = find_quote(quotes, fragment)
        assert quote is not None and quote.speaker is not None
        assert quote.speaker.entity == "diocese-de-nantes"
