"""Person or body, as real French copy shows it: a name that always follows an article is a
body's ("Le Vernet a fait appel", a club), a family name closed by a sector word of another
language is a company's ("Rinaldi Alimentare"), a name set off by "le service …" is an
administration's. Invented sentences and invented names."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.analysis import analyze, default_context
from allegiance.models import Mention
from allegiance.resolve.name_types import article_name, context_type
from name_helpers import entities_of, named


def _mentions(text: str, word: str) -> list[Mention]:
    found, start = [], text.find(word)
    while start >= 0:
        found.append(Mention(word, start, start + len(word)))
        start = text.find(word, start + 1)
    return found


def test_name_always_after_an_article_keeps_it_and_is_no_person() -> None:
    text = "Pour Le Vernet, la saison est finie. Dans ce dossier, Le Vernet fait appel."
    assert article_name(text, _mentions(text, "Vernet")) == "Le Vernet"


def test_lower_case_article_before_every_mention_is_no_person() -> None:
    text = "Le maire soutient la Brûlonne. Les joueurs de la Brûlonne ont gagné."
    assert article_name(text, _mentions(text, "Brûlonne")) == "Brûlonne"


def test_one_mention_without_article_leaves_a_person() -> None:
    text = "Yann Goarnic a parlé. Selon Le Goarnic, rien. Goarnic a ajouté un mot."
    assert article_name(text, _mentions(text, "Goarnic")) is None


def test_known_given_name_in_a_mention_leaves_a_person() -> None:
    text = "Ils ont vu la Marie Kerdanet. La Marie Kerdanet a ri."
    assert article_name(text, _mentions(text, "Marie Kerdanet")) is None


@pytest.mark.model
def test_club_named_with_its_article_does_not_take_the_lawyers_words() -> None:
    text = (
        "Avec cette sanction, Le Vernet perd un point. Pour Le Vernet, la saison est finie. "
        "Dans ce dossier, Le Vernet a décidé de faire appel à Marc Dulac, l'avocat du club : "
        "« Nous irons jusqu'au bout », précise-t-il."
    )
    article = analyze(text, lang="fr", published="2024-08-25", context=default_context())
    club = named(article.entities, "Le Vernet")
    assert club.type == "organization"
    (quote,) = [q for q in article.quotes if "jusqu'au bout" in q.text]
    assert quote.speaker is not None and quote.speaker.entity == "marc-dulac"


@pytest.mark.model
def test_family_name_with_a_foreign_sector_word_is_a_company() -> None:
    entities = entities_of(
        "Le conseil a rejeté mercredi l'offre lancée par l'italien Rinaldi Alimentare, "
        "qui propose 40 euros par action."
    )
    assert named(entities, "Rinaldi Alimentare").type == "organization"


@pytest.mark.model
def test_name_set_off_by_le_service_is_a_body() -> None:
    entities = entities_of(
        "D'où vient la rumeur ? Selon Vigilox, le service de l'État chargé de la vigilance, "
        "elle est née à l'étranger."
    )
    assert named(entities, "Vigilox").type == "organization"


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    ents = ["O", "B-PER"] + ["O"] * (len(words) - 2)
    return Doc(spacy.blank("fr").vocab, words=words, heads=heads, deps=deps, pos=pos, ents=ents)


def test_body_noun_opening_the_next_clause_describes_no_name() -> None:
    doc = _parsed(
        ["Selon", "Zorvek", ",", "le", "service", "affirme", "le", "contraire"],
        [1, 5, 5, 4, 5, 5, 7, 5],
        ["case", "obl:mod", "punct", "det", "nsubj", "ROOT", "det", "obj"],
        ["ADP", "PROPN", "PUNCT", "DET", "NOUN", "VERB", "DET", "NOUN"],
    )
    assert context_type(doc.ents[0], "fr") is None


def test_body_noun_in_apposition_makes_the_name_a_body() -> None:
    doc = _parsed(
        ["Selon", "Zorvek", ",", "le", "service", "de", "l'", "État", ",", "elle", "ment"],
        [1, 10, 4, 4, 1, 7, 7, 4, 10, 10, 10],
        [
            "case",
            "obl:mod",
            "punct",
            "det",
            "appos",
            "case",
            "det",
            "nmod",
            "punct",
            "nsubj",
            "ROOT",
        ],
        ["ADP", "PROPN", "PUNCT", "DET", "NOUN", "ADP", "DET", "PROPN", "PUNCT", "PRON", "VERB"],
    )
    assert context_type(doc.ents[0], "fr") == "organization"
