"""Marked words in a headline echoing a quote of the body are that speaker's partial quote
(invented articles through the real French model)."""

from __future__ import annotations

import pytest

from quote_helpers import quotes_of

NAMES = {"sophie-arnaud": ["Sophie Arnaud"], "org-valmonde": ["Valmonde"]}


@pytest.mark.model
def test_headline_words_take_the_speaker_of_the_body_quote_they_shorten(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Valmonde juge l'offre « très insuffisante »\n\n"
        "Le conseil d'administration du groupe a rejeté mercredi l'offre. « C'est une offre "
        "hostile et largement insuffisante », a déclaré sa présidente, Sophie Arnaud."
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    echo = [q for q in quotes if q.text == "très insuffisante"]
    # "très … insuffisante" is not in the body quote in that order with "très": no echo
    assert not echo
    body = body.replace("largement insuffisante", "très largement insuffisante")
    echo = [q for q in quotes_of(fr_nlp, body, NAMES) if q.text == "très insuffisante"]
    assert echo and echo[0].kind == "partial"
    assert echo[0].speaker is not None and echo[0].speaker.entity == "sophie-arnaud"


@pytest.mark.model
def test_a_question_headline_reports_nobody(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le vaccin provoque-t-il des « arrêts cardiaques » ?\n\n"
        "« Les hôpitaux sont débordés d'arrêts cardiaques », écrit Sophie Arnaud sur son compte."
    )
    texts = [q.text for q in quotes_of(fr_nlp, body, NAMES)]
    assert "arrêts cardiaques" not in texts


@pytest.mark.model
def test_a_name_in_marks_in_a_headline_is_no_echo(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Sophie Arnaud lance « Horizon » à Lyon\n\n"
        "« Horizon changera la ville », a déclaré Sophie Arnaud mardi."
    )
    assert "Horizon" not in [q.text for q in quotes_of(fr_nlp, body, NAMES)]
