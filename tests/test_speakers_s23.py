"""Session 23: speakers of scraped text whose lines break inside a sentence."""

from __future__ import annotations

import pytest

from allegiance.analysis import default_context
from allegiance.clean.normalize import normalize_for_nlp
from quote_helpers import analyzed_quotes as _quotes
from quote_helpers import find_quote


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


def test_a_break_inside_a_sentence_becomes_a_space() -> None:
    body = "« On a tenu »,\na déclaré Paul Durand.\nLe maire a réagi.\n\nil pleut\nsur la ville"
    out = normalize_for_nlp(body)
    assert len(out) == len(body)
    assert out.startswith("« On a tenu », a déclaré Paul Durand.\nLe maire a réagi.\n\n")
    assert out.endswith("il pleut sur la ville")


def test_a_line_opening_on_a_comma_or_a_lower_case_word_goes_on() -> None:
    body = "« Tout est bloqué »\n, a lancé un paysan.\nElle promet « des actions »\npar la suite."
    out = normalize_for_nlp(body)
    assert out == body.replace("»\n,", "» ,").replace("»\npar", "» par")


@pytest.mark.parametrize(
    "body",
    [
        "Le maire a réagi.\nla suite demain",  # a full stop ends the line
        "« Une victoire »\nLe maire a réagi",  # an upper-case word starts the next line
        "un paragraphe,\n\nun autre",  # a blank line is a paragraph break
        "une ligne,\nDeux",  # an upper-case word starts the next one
    ],
)
def test_paragraph_breaks_stay(body: str) -> None:
    assert normalize_for_nlp(body) == body


@pytest.mark.model
def test_a_cue_on_the_next_line_names_the_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le blocage a été levé à la mi-journée, a indiqué la gendarmerie.\n"
        '"On est très satisfait, on a tenu 24 heures",\n'
        "a déclaré à l'AFP Paul Durand, président du syndicat du département.\n"
        "Ce nouvel épisode intervient avec en toile de fond des élections."
    )
    quote = find_quote(_quotes(text, ctx), "On est très satisfait")
    assert quote is not None and quote.speaker is not None and quote.speaker.entity == "paul-durand"


@pytest.mark.model
def test_a_quote_on_a_broken_line_is_no_sub_heading(ctx) -> None:  # type: ignore[no-untyped-def]
    """A fragment set on a line of its own by the scraper, the sentence going on below it, does
    not take the speaker of the next quotation as a sub-heading would."""
    text = (
        "Une responsable a assuré que le blocage était\n"
        '"prévu pour toute la nuit"\n'
        ", avant\n"
        '"d\'autres points de chute"\n'
        "par la suite.\n"
        "Le convoi avait fait étape sur un parking.\n"
        '"On est très satisfait, on a tenu 24 heures", a déclaré Paul Durand, agriculteur.'
    )
    quotes = _quotes(text, ctx)
    for fragment in ("prévu pour toute la nuit", "d'autres points de chute"):
        quote = find_quote(quotes, fragment)
        assert quote is None or quote.speaker is None or quote.speaker.entity != "paul-durand"


@pytest.mark.model
def test_a_bracketed_acronym_does_not_hide_the_apposed_name(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Il a décidé de présider toutes les séances, comme l'explique son camarade au sein du "
        "groupe Les Républicains (LR), Paul Karman : « Après le spectacle donné par "
        "l'Assemblée, il est logique que le président du Sénat se dise que c'est au Sénat que "
        "le débat doit avoir lieu. »"
    )
    quote = find_quote(_quotes(text, ctx), "Après le spectacle")
    assert quote is not None and quote.speaker is not None and quote.speaker.entity == "paul-karman"


_SECTIONS = (
    "Le Sénat examine la réforme. Il a décidé de présider les séances, comme l'explique son "
    "collègue, Paul Karman : « Il est logique que le Sénat organise ce débat. »\n\n"
    "« {heading} »\n\n"
    "Une méthode que la sénatrice Julie Morel a pu observer : « Il respecte les minorités. "
    "Mais on va voir si on serait à un petit changement de cap ? »"
)


@pytest.mark.model
def test_a_question_heading_repeated_below_is_the_section_speakers(ctx) -> None:  # type: ignore[no-untyped-def]
    quote = find_quote(_quotes(_SECTIONS.format(heading="Changement de cap ?"), ctx), "Changement")
    assert quote is not None and quote.speaker is not None and quote.speaker.entity == "julie-morel"


@pytest.mark.model
def test_a_question_alone_on_its_line_goes_on_with_the_speaker_before(ctx) -> None:  # type: ignore[no-untyped-def]
    quote = find_quote(
        _quotes(_SECTIONS.format(heading="Et qui paiera la note ?"), ctx), "qui paiera"
    )
    assert quote is not None and quote.speaker is not None and quote.speaker.entity == "paul-karman"
