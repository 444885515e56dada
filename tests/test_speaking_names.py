"""A name the model typed as a place or a thing becomes an organisation where it stands as a
source ("selon le Philadelphia Sentinel", "a indiqué Ukrenergo"); states, capitals and
run-on spans stay out. Invented sentences, Docs built by hand."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.resolve.entities import resolve_entities
from allegiance.resolve.kb import KnowledgeBase, default_kb

VOCAB = spacy.blank("fr").vocab


def make_doc(tokens: list[str], ents: list[str], lemmas: list[str] | None = None) -> Doc:
    spaces = [i + 1 < len(tokens) and tokens[i + 1] not in {",", "."} for i in range(len(tokens))]
    pos = [
        "PUNCT" if not t[:1].isalnum() else "PROPN" if t[:1].isupper() else "NOUN" for t in tokens
    ]
    return Doc(VOCAB, words=tokens, spaces=spaces, ents=ents, pos=pos, lemmas=lemmas or tokens)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_kb()


def actors(doc: Doc, kb: KnowledgeBase) -> dict[str, str]:
    return {e.name: e.type for e in resolve_entities(doc, "fr", kb, None)}


def test_a_place_named_after_selon_is_an_organisation(kb: KnowledgeBase) -> None:
    doc = make_doc(
        ["Selon", "le", "Philadelphia", "Sentinel", ",", "le", "fonds", "a", "payé", "."],
        ["O", "O", "B-LOC", "I-LOC", "O", "O", "O", "O", "O", "O"],
    )
    assert actors(doc, kb) == {"Philadelphia Sentinel": "organization"}


def test_every_occurrence_of_a_speaking_name_joins_it(kb: KnowledgeBase) -> None:
    tokens = ["Ukrenergo", "répare", "le", "réseau", ",", "a", "indiqué", "Ukrenergo", "."]
    lemmas = ["Ukrenergo", "réparer", "le", "réseau", ",", "avoir", "indiquer", "Ukrenergo", "."]
    ents = ["B-LOC", "O", "O", "O", "O", "O", "O", "B-LOC", "O"]
    entities = resolve_entities(make_doc(tokens, ents, lemmas), "fr", kb, None)
    assert [(e.name, e.type, len(e.mentions)) for e in entities] == [
        ("Ukrenergo", "organization", 2)
    ]


def test_a_place_that_is_no_source_stays_out(kb: KnowledgeBase) -> None:
    doc = make_doc(
        ["Le", "fonds", "a", "investi", "pour", "Sentinel", "."],
        ["O", "O", "O", "O", "O", "B-LOC", "O"],
    )
    assert actors(doc, kb) == {}


def test_a_capital_after_selon_is_no_new_organisation(kb: KnowledgeBase) -> None:
    doc = make_doc(
        ["Selon", "Oslo", ",", "le", "quota", "baisse", "."],
        ["O", "B-LOC", "O", "O", "O", "O", "O"],
    )
    assert "Oslo" not in actors(doc, kb)


def test_a_span_run_on_over_lower_case_words_is_no_organisation(kb: KnowledgeBase) -> None:
    doc = make_doc(
        ["Selon", "Raman", "au", "Ledger", ",", "tout", "va", "."],
        ["O", "B-LOC", "I-LOC", "I-LOC", "O", "O", "O", "O"],
    )
    assert "Raman au Ledger" not in actors(doc, kb)
