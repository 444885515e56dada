"""Session 26: French reports the parser or the punctuation hides (a source without its comma,
…)."""

from __future__ import annotations

import pytest

from allegiance.analysis import default_context
from quote_helpers import analyzed_quotes as _quotes
from quote_helpers import find_quote


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


@pytest.mark.model
def test_a_capitalised_source_closing_the_sentence_needs_no_comma(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Les boulangeries augmentent leurs prix. Des hausses décidées par la moitié des "
        "artisans selon le Syndicat des boulangers."
    )
    quote = find_quote(_quotes(text, ctx), "hausses décidées")
    assert quote is not None and quote.kind == "indirect"
    assert quote.speaker is not None and quote.speaker.name.startswith("Syndicat")


@pytest.mark.model
def test_a_lower_case_phrase_after_selon_without_a_comma_is_no_source(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Les boulangeries augmentent leurs prix. Des hausses décidées par la moitié des "
        "artisans selon les régions."
    )
    assert find_quote(_quotes(text, ctx), "hausses décidées") is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("La ministre a promis sur France Inter de punir les fraudeurs.", "de punir les fraudeurs"),
        ("Le maire a demandé dans un courrier au préfet de fermer la route.", "de fermer la route"),
        (
            "Le patron a promis lors de son discours de verser une prime aux salariés.",
            "de verser une prime",
        ),
    ],
)
def test_a_promise_or_request_after_an_adjunct_of_channel_or_occasion(
    ctx, sentence, content
) -> None:  # type: ignore[no-untyped-def]
    quote = find_quote(_quotes(f"La grève continue. {sentence}", ctx), content)
    assert quote is not None and quote.kind == "indirect"
    assert quote.text.startswith("de ") and quote.speaker is not None


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        # the infinitive completes the adjunct's noun: a hope, not what was promised
        "Le patron a promis dans l'espoir de calmer les salariés.",
        # a noun object after the adjunct: nothing to report
        "Le maire a demandé lors de la réunion de lundi des moyens supplémentaires.",
    ],
)
def test_no_promise_from_an_adjunct_without_an_infinitive_of_the_cue(ctx, sentence) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(f"La grève continue. {sentence}", ctx)
    assert all(q.kind != "indirect" for q in quotes), [q.text for q in quotes]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the participle read as a relative clause, a party's initials in brackets before it
        (
            "Le ton est monté entre une vingtaine de riverains opposés à un parking, et un Paul "
            "Roche (DVD) les invitant à écrire au préfet.",
            "Paul Roche",
        ),
        # the speaker's description leaves out the conjunction before it
        (
            "La réunion a opposé des riverains et un maire les invitant à écrire au préfet.",
            "un maire",
        ),
    ],
)
def test_a_present_participle_after_a_noun_has_it_for_speaker(ctx, text, speaker) -> None:  # type: ignore[no-untyped-def]
    quote = find_quote(_quotes(text, ctx), "à écrire au préfet")
    assert quote is not None and quote.kind == "indirect"
    assert quote.speaker is not None and quote.speaker.name == speaker
