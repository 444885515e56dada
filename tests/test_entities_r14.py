"""Round 14 entity rules (invented sentences): a bare given name the article introduces with
an apposition is the article's own person, never a public figure the knowledge base knows by
that word (``Warren, voisin du couple`` is no Elizabeth Warren)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.analysis import analyze, default_context
from allegiance.resolve.person_names import introduced_after


def _doc(words: list[str], pos: list[str]) -> Doc:
    doc = Doc(spacy.blank("fr").vocab, words=words, pos=pos)
    doc.ents = [doc.char_span(doc[0].idx, doc[0].idx + len(doc[0].text), label="PER")]
    return doc


def test_role_word_tagged_adjective_introduces_the_name() -> None:
    doc = _doc(["Karim", ",", "voisin", "du", "couple"], ["PROPN", "PUNCT", "ADJ", "ADP", "NOUN"])
    assert introduced_after(doc.ents[0])


def test_plain_adjective_after_the_name_introduces_nothing() -> None:
    doc = _doc(["Karim", ",", "seul", "dans", "la"], ["PROPN", "PUNCT", "ADJ", "ADP", "DET"])
    assert not introduced_after(doc.ents[0])


def test_age_apposition_introduces_the_name() -> None:
    doc = _doc(["Nadia", ",", "52", "ans", ","], ["PROPN", "PUNCT", "NUM", "NOUN", "PUNCT"])
    assert introduced_after(doc.ents[0])


def _speakers(text: str) -> list[str | None]:
    a = analyze(text, lang="fr", published="2025-03-04", context=default_context())
    return [q.speaker.entity if q.speaker else None for q in a.quotes if q.kind != "indirect"]


@pytest.mark.model
def test_introduced_given_name_is_no_public_figure() -> None:
    text = (
        "« On ne comprend pas ce qui est arrivé », résume Warren, voisin et ami du couple. "
        "Le village est sous le choc. Warren, lui, a vite compris. « Il m'a dit de partir », "
        "raconte-t-il."
    )
    assert _speakers(text) == ["warren", "warren"]


@pytest.mark.model
def test_guard_bare_surname_of_a_public_figure_still_links() -> None:
    """Guard: without an apposition, the bare word keeps its knowledge-base bearer."""
    text = "Au Sénat, Warren a dénoncé « une dérive grave » des banques."
    assert _speakers(text) == ["elizabeth-warren"]
