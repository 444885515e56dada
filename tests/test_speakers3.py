"""French speakers, third round: inverted descriptions with an apposed name, addressees between
an incise verb and its subject, ``que`` closing the inverted subject, ``selon lui`` inside a
sentence with a named subject, place names built on a person's name, apposed names before the
verb. One test per rule, on invented sentences through the real French model."""

from __future__ import annotations

import re

import pytest

from allegiance.extract.attribution import NOT_SPEECH_BEFORE
from allegiance.extract.quote_context import QuoteContext
from entity_helpers import entities_named
from quote_helpers import speaker_of

NAMES = {
    "paul-durand": ["Paul Durand", "Durand"],
    "marie-leroy": ["Marie Leroy", "Leroy"],
    "org-acme": ["Acme"],
    "org-sante": ["Santé"],
    "org-radio": ["Radio Plus"],
    "org-italie": ["Italie"],
}


@pytest.mark.model
def test_an_inverted_description_gives_way_to_its_apposed_name(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "« Les prix vont baisser », a affirmé le ministre de la Santé, Paul Durand, hier."
    assert speaker_of(fr_nlp, body, NAMES, "baisser") == "paul-durand"


@pytest.mark.model
def test_a_possessive_inverted_description_with_a_name(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "« Les prix vont baisser », estime sa directrice, Marie Leroy."
    assert speaker_of(fr_nlp, body, NAMES, "baisser") == "marie-leroy"


@pytest.mark.model
def test_the_addressee_between_the_incise_verb_and_its_subject_is_skipped(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Les prix vont baisser », a expliqué à Radio Plus le docteur Paul Durand, "
        "qui dirige la mission."
    )
    assert speaker_of(fr_nlp, body, NAMES, "baisser") == "paul-durand"


@pytest.mark.model
def test_the_subject_of_a_que_clause_is_not_an_inverted_subject(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le ministère a fustigé une « intimidation ». « Il faut entendre : protéger leur "
        "monopole », a lancé son porte-parole, Paul Durand, avant de prévenir que l'Italie "
        "« prendrait les mesures nécessaires »."
    )
    assert speaker_of(fr_nlp, body, NAMES, "mesures nécessaires") == "paul-durand"


@pytest.mark.model
def test_selon_lui_refers_to_the_named_subject_of_its_sentence(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Paul Durand a parlé hier. « Nous ferons appel », a-t-il dit. Dans un communiqué, le "
        "groupe Acme dénonce une décision prise selon lui « pour plaire aux électeurs »."
    )
    assert speaker_of(fr_nlp, body, NAMES, "électeurs") == "org-acme"


@pytest.mark.model
def test_a_person_name_after_a_place_noun_is_no_speaker_mention(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Marie Leroy a visité l'hôpital Marie Leroy et la rue Paul Durand."
    ctx = QuoteContext(fr_nlp(body), entities_named(body, NAMES), "fr")
    assert [body[r.start : r.end] for r in ctx.mentions] == ["Marie Leroy"]
    assert ctx.mentions[0].start == 0


@pytest.mark.model
def test_an_apposed_name_right_before_the_verb_is_its_subject(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Contacté par Acme, l'avocat de la ministre, Me Paul Durand, assure que sa cliente "
        "« a tous les justificatifs »."
    )
    assert speaker_of(fr_nlp, body, NAMES, "justificatifs") == "paul-durand"


def test_naming_words_match_whole_words_only() -> None:
    assert NOT_SPEECH_BEFORE.search("Il a écrit sur Facebook ") is None
    assert NOT_SPEECH_BEFORE.search("dans son livre ") is not None
    assert re.search(NOT_SPEECH_BEFORE, "le book ") is not None
