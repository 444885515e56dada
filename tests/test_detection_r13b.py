"""Round 13b (realdev4) detection rules, on invented sentences.

Each test fails on the code before the rule and passes with it; guards say what must not move.
"""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


def _quotes(text: str, ctx):  # type: ignore[no-untyped-def]
    return analyze(text, lang="fr", published="2025-03-04", context=ctx).quotes


def _find(quotes, start: str):  # type: ignore[no-untyped-def]
    return next((q for q in quotes if q.text.startswith(start)), None)


def test_coordinated_subject_of_que_clause(ctx) -> None:  # type: ignore[no-untyped-def]
    """``a expliqué que Marie et Jean avaient menti``: the parser takes the coordinated subject
    for the clause and hangs the verb on the cue; the whole clause is the report."""
    quotes = _quotes("Paul Girard a expliqué que Marie et Jean avaient menti.", ctx)
    quote = _find(quotes, "Marie et Jean avaient menti")
    assert quote is not None and quote.kind == "indirect"
    assert quote.speaker is not None and quote.speaker.entity == "paul-girard"
    quotes = _quotes("Paul Girard a affirmé que Lemoine et la société Kelto l'avaient ignoré.", ctx)
    assert _find(quotes, "Lemoine et la société Kelto l'avaient ignoré") is not None


def test_coordinated_subject_guard(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: a coordinated subject the parser reads right stays one clause, unchanged."""
    quotes = _quotes("Paul Girard a dit que le maire et son adjoint étaient partis.", ctx)
    quote = _find(quotes, "le maire et son adjoint étaient partis")
    assert quote is not None and quote.text == "le maire et son adjoint étaient partis"


def test_postposed_cue_with_addressee_before_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    """``…, a indiqué à l'AFP un de ses dirigeants`` / ``… à l'AFP Paul Girard``: the addressee
    stands between the postposed cue and its inverted subject."""
    text = "La société va embaucher 300 personnes, a indiqué à l'AFP un de ses dirigeants."
    quote = _find(_quotes(text, ctx), "La société va embaucher 300 personnes")
    assert quote is not None and quote.kind == "indirect"
    text = "La société va embaucher 300 personnes, a indiqué à l'AFP Paul Girard."
    quote = _find(_quotes(text, ctx), "La société va embaucher 300 personnes")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity == "paul-girard"


def test_clitic_incise_followed_by_adjuncts(ctx) -> None:  # type: ignore[no-untyped-def]
    """``…, a-t-elle déclaré dans une interview.``: adjuncts after an inverted incise leave the
    sentence before it the report, as with a bare ``a-t-elle déclaré``."""
    text = (
        "Claire Dubois a parlé à la radio. Le gouvernement était préparé, "
        "a-t-elle déclaré dans une interview."
    )
    quote = _find(_quotes(text, ctx), "Le gouvernement était préparé")
    assert quote is not None and quote.kind == "indirect"
    assert quote.speaker is not None and quote.speaker.entity == "claire-dubois"


def test_clitic_incise_guard(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: a cue with its own clause after it is no incise (``a-t-elle dit que …``)."""
    text = "Claire Dubois est venue. Puis, a-t-elle dit que la ville était sûre ?"
    assert _find(_quotes(text, ctx), "Puis") is None


def test_specifier_is_a_speech_verb(ctx) -> None:  # type: ignore[no-untyped-def]
    """``a spécifié que …`` reports speech like ``a précisé que …``."""
    quotes = _quotes("Paul Girard a spécifié que la réunion aurait lieu à Lyon.", ctx)
    quote = _find(quotes, "la réunion aurait lieu à Lyon")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity == "paul-girard"
