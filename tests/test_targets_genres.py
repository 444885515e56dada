"""Whom a French quote is about beyond tech news: states, roles, addressees, ceasing verbs.

Invented sentences only: the rules are stated on constructions of general French (a capital
inside a quote, a role description, the ``à`` complement of ``reprocher``), not on the texts
they were tuned on.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.clean.normalize import normalize_for_nlp
from allegiance.extract.quote_context import QuoteContext
from allegiance.extract.quotes import find_quotes
from allegiance.extract.stance import polarity
from allegiance.models import Entity, Mention, Quote
from quote_helpers import quote_with, quotes_of

NAMES = {
    "paul-durand": ["Paul Durand", "Durand"],
    "marie-leroy": ["Marie Leroy", "Leroy"],
    "org-acme": ["Acme"],
}


def _about(quote: Quote) -> dict[str, int]:
    return {t.entity: t.stance for t in quote.about}


# -- states named inside the quote by a capital ----------------------------------------------------


def _with_state(nlp, body: str) -> list[Quote]:  # type: ignore[no-untyped-def]
    """Quotes of ``body`` where ``La Russie`` (first words) is the state actor ``russia`` and
    ``Paul Durand`` a person."""
    doc = nlp(normalize_for_nlp(body))
    russia = Entity("russia", "Russie", "organization", [Mention("La Russie", 0, 9)])
    start = body.index("Paul Durand")
    person = Entity(
        "paul-durand", "Paul Durand", "person", [Mention("Paul Durand", start, start + 11)]
    )
    return find_quotes(doc, [russia, person], "fr")


@pytest.mark.model
def test_a_capital_inside_the_quote_names_its_state(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "La Russie a rejeté le texte lundi. « Notre pays ne recevra jamais d'ordres de Moscou », "
        "a déclaré Paul Durand."
    )
    assert "russia" in _about(quote_with(_with_state(fr_nlp, body), "ordres"))


@pytest.mark.model
def test_a_state_as_a_place_is_no_target(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "La Russie a rejeté le texte lundi. « Nos usines en Russie tournent normalement », "
        "a déclaré Paul Durand."
    )
    assert "russia" not in _about(quote_with(_with_state(fr_nlp, body), "usines"))


# -- role descriptions ----------------------------------------------------------------------------


@pytest.mark.model
def test_a_role_inside_the_quote_points_back_to_its_holder(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le ministre Paul Durand a présenté sa réforme mardi. "
        "« Le ministre a trahi les électeurs », a déclaré Marie Leroy."
    )
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "trahi")
    assert _about(q) == {"paul-durand": -1}


@pytest.mark.model
def test_the_accused_role_is_a_target(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le président Paul Durand a annoncé la réforme lundi. "
        "Marie Leroy accuse le président d'avoir « méprisé » les syndicats."
    )
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "méprisé")
    assert "paul-durand" in _about(q)


@pytest.mark.model
def test_the_role_subject_of_a_fragment_is_a_target(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le président Paul Durand a présenté son plan lundi. "
        "Marie Leroy a assuré que le président « respecte le droit de grève »."
    )
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "grève")
    assert "paul-durand" in _about(q)


# -- the one a cue addresses ----------------------------------------------------------------------


@pytest.mark.model
def test_the_dative_of_reprocher_is_a_target(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Marie Leroy a reproché à Paul Durand de « fuir ses responsabilités »."
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "fuir")
    assert "paul-durand" in _about(q)


@pytest.mark.model
def test_a_feeling_shown_with_someone(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Marie Leroy a exprimé sa « solidarité totale » avec Acme et a rappelé que la ville "
        "restait unie."
    )
    q = quote_with(quotes_of(fr_nlp, body, NAMES), "solidarité")
    assert _about(q).get("org-acme") == 1


# -- stance: verbs of ceasing and general evaluative words (hand-built Docs, no model) -----------


def _polarity(rows: list[tuple[str, int, str, str, str]]) -> int:
    words = [r[0] for r in rows]
    doc = Doc(
        spacy.blank("fr").vocab,
        words=words,
        spaces=[True] * len(words),
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        lemmas=[r[4] for r in rows],
    )
    return polarity(QuoteContext(doc, [], "fr"), list(doc))


def test_not_ceasing_to_support_is_support() -> None:
    # nous ne cesserons pas de soutenir Acme
    rows = [
        ("nous", 2, "nsubj", "PRON", "nous"),
        ("ne", 2, "advmod", "ADV", "ne"),
        ("cesserons", 2, "ROOT", "VERB", "cesser"),
        ("pas", 2, "advmod", "ADV", "pas"),
        ("de", 5, "mark", "ADP", "de"),
        ("soutenir", 2, "xcomp", "VERB", "soutenir"),
        ("Acme", 5, "obj", "PROPN", "Acme"),
    ]
    assert _polarity(rows) == 1


def test_ceasing_to_support_is_hostile() -> None:
    # ils ont cessé de soutenir Acme
    rows = [
        ("ils", 2, "nsubj", "PRON", "il"),
        ("ont", 2, "aux:tense", "AUX", "avoir"),
        ("cessé", 2, "ROOT", "VERB", "cesser"),
        ("de", 4, "mark", "ADP", "de"),
        ("soutenir", 2, "xcomp", "VERB", "soutenir"),
        ("Acme", 4, "obj", "PROPN", "Acme"),
    ]
    assert _polarity(rows) == -1


def test_groundless_claims_are_hostile() -> None:
    # ces accusations sont sans fondement
    rows = [
        ("ces", 1, "det", "DET", "ce"),
        ("accusations", 4, "nsubj", "NOUN", "accusation"),
        ("sont", 4, "cop", "AUX", "être"),
        ("sans", 4, "case", "ADP", "sans"),
        ("fondement", 4, "ROOT", "NOUN", "fondement"),
    ]
    assert _polarity(rows) == -1


def test_ceasing_a_wrong_still_judges_it() -> None:
    # il ne cesse pas de mentir
    rows = [
        ("il", 2, "nsubj", "PRON", "il"),
        ("ne", 2, "advmod", "ADV", "ne"),
        ("cesse", 2, "ROOT", "VERB", "cesser"),
        ("pas", 2, "advmod", "ADV", "pas"),
        ("de", 5, "mark", "ADP", "de"),
        ("mentir", 2, "xcomp", "VERB", "mentir"),
    ]
    assert _polarity(rows) == -1
