"""Entity fixes of the nineteenth session. Invented sentences, Docs built by hand with the
model's mistakes where the fix is about them."""

from __future__ import annotations

import pytest

from allegiance.resolve.entities import resolve_entities
from allegiance.resolve.kb import KnowledgeBase, default_kb
from doc_helpers import flat_doc as _doc


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_kb()


def test_a_hyphenated_surname_tagged_as_a_body_joins_its_bearer(kb: KnowledgeBase) -> None:
    # L'économiste Omar El-Fassi critique. Plus tard, El-Fassi persiste.
    words = ["L'", "économiste", "Omar", "El", "-", "Fassi", "critique", ".",
             "Plus", "tard", ",", "El", "-", "Fassi", "persiste", "."]  # fmt: skip
    ents = ["O", "O", "B-PER", "I-PER", "I-PER", "I-PER", "O", "O",
            "O", "O", "O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]  # fmt: skip
    entities = resolve_entities(_doc(words, ents), "fr", kb)
    people = [e for e in entities if e.type == "person"]
    assert [e.name for e in people] == ["Omar El-Fassi"]
    assert [m.text for m in people[0].mentions] == ["Omar El-Fassi", "El-Fassi"]
    assert not [e for e in entities if e.type == "organization"]


def test_a_hyphenated_body_name_no_person_bears_stays_a_body(kb: KnowledgeBase) -> None:
    # L'économiste Omar Bensaïd critique Saint-Gobain.
    words = ["L'", "économiste", "Omar", "Bensaïd", "critique", "Saint", "-", "Gobain", "."]
    ents = ["O", "O", "B-PER", "I-PER", "O", "B-ORG", "I-ORG", "I-ORG", "O"]
    entities = resolve_entities(_doc(words, ents), "fr", kb)
    assert any(e.type == "organization" and e.name == "Saint-Gobain" for e in entities)


def test_review_a_hyphenated_firm_with_a_body_apposed_stays_a_body(kb: KnowledgeBase) -> None:
    # Paul Vasseur-Lamy a quitté Lille. Vasseur-Lamy, l'entreprise familiale, recrute.
    words = ["Paul", "Vasseur", "-", "Lamy", "a", "quitté", "Lille", ".",
             "Vasseur", "-", "Lamy", ",", "l'", "entreprise", "familiale", ",", "recrute", "."]  # fmt: skip
    ents = ["B-PER", "I-PER", "I-PER", "I-PER", "O", "O", "B-LOC", "O",
            "B-ORG", "I-ORG", "I-ORG", "O", "O", "O", "O", "O", "O", "O"]  # fmt: skip
    doc = _doc(words, ents)
    for i, pos in ((11, "PUNCT"), (12, "DET"), (13, "NOUN"), (14, "ADJ")):
        doc[i].pos_ = pos
    entities = resolve_entities(doc, "fr", kb)
    assert any(e.type == "organization" and e.name == "Vasseur-Lamy" for e in entities)
