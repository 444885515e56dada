"""Entity fixes of the twentieth session. Invented sentences, Docs built by hand with the
model's mistakes the fixes are about (a given name tagged as a place, a double surname cut in
a headline)."""

from __future__ import annotations

import pytest

from allegiance.resolve.entities import resolve_entities
from allegiance.resolve.kb import KnowledgeBase, default_kb
from doc_helpers import flat_doc as _doc


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_kb()


def _people(words: list[str], ents: list[str], kb: KnowledgeBase) -> dict[str, list[str]]:
    entities = resolve_entities(_doc(words, ents), "fr", kb)
    return {e.name: [m.text for m in e.mentions] for e in entities if e.type == "person"}


def test_a_given_name_tagged_as_a_place_beside_a_person_is_a_person(kb: KnowledgeBase) -> None:
    # Certains, comme Sandrine, Ludovic et leurs enfants, ont roulé. Sandrine a tout prévu.
    words = ["Certains", ",", "comme", "Sandrine", ",", "Ludovic", "et", "leurs", "enfants",
             ",", "ont", "roulé", ".", "Sandrine", "a", "tout", "prévu", "."]  # fmt: skip
    ents = ["O", "O", "O", "B-LOC", "O", "B-PER", "O", "O", "O",
            "O", "O", "O", "O", "B-LOC", "O", "O", "O", "O"]  # fmt: skip
    people = _people(words, ents, kb)
    assert people.get("Sandrine") == ["Sandrine", "Sandrine"]


def test_a_given_name_after_a_person_and_et_is_a_person(kb: KnowledgeBase) -> None:
    # Ludovic et Sandrine ont roulé sept heures.
    words = ["Ludovic", "et", "Sandrine", "ont", "roulé", "sept", "heures", "."]
    ents = ["B-PER", "O", "B-MISC", "O", "O", "O", "O", "O"]
    assert "Sandrine" in _people(words, ents, kb)


def test_a_given_name_tagged_as_a_place_alone_stays_no_person(kb: KnowledgeBase) -> None:
    # Sandrine a tout prévu. (no person beside it: the model's label stands)
    words = ["Sandrine", "a", "tout", "prévu", "."]
    ents = ["B-LOC", "O", "O", "O", "O"]
    assert "Sandrine" not in _people(words, ents, kb)


def test_a_town_that_is_also_a_given_name_stays_a_place(kb: KnowledgeBase) -> None:
    # Ludovic, Nancy et Metz accueillent le salon. (Nancy: a town the knowledge base knows)
    words = ["Ludovic", ",", "Nancy", "et", "Metz", "accueillent", "le", "salon", "."]
    ents = ["B-PER", "O", "B-LOC", "O", "B-LOC", "O", "O", "O", "O"]
    assert "Nancy" not in _people(words, ents, kb)


def test_a_headline_name_a_hyphen_carries_on_is_the_same_person(kb: KnowledgeBase) -> None:
    # Claire Vautrin : « … » (headline) ¶ La présidente, Claire Vautrin-Mercier, a répondu.
    words = ["Claire", "Vautrin", ":", "«", "Non", "»", "\n\n", "La", "présidente", ",",
             "Claire", "Vautrin", "-", "Mercier", ",", "a", "répondu", "."]  # fmt: skip
    ents = ["B-PER", "I-PER", "O", "O", "O", "O", "O", "O", "O", "O",
            "B-PER", "I-PER", "I-PER", "I-PER", "O", "O", "O", "O"]  # fmt: skip
    people = _people(words, ents, kb)
    assert list(people) == ["Claire Vautrin-Mercier"]
    assert people["Claire Vautrin-Mercier"] == ["Claire Vautrin", "Claire Vautrin-Mercier"]


def test_review_a_short_name_introduced_apart_stays_apart_from_a_hyphenated_one(
    kb: KnowledgeBase,
) -> None:
    # Anne Roux, 72 ans, témoigne. Sa belle-fille, Anne Roux-Delmas, l'accompagne. (two women)
    words = ["Anne", "Roux", ",", "72", "ans", ",", "témoigne", ".", "Sa", "belle-fille", ",",
             "Anne", "Roux", "-", "Delmas", ",", "l'", "accompagne", "."]  # fmt: skip
    ents = ["B-PER", "I-PER"] + ["O"] * 9 + ["B-PER", "I-PER", "I-PER", "I-PER"] + ["O"] * 4
    assert len(_people(words, ents, kb)) == 2


def test_a_longer_name_after_a_short_one_without_a_hyphen_stays_apart(kb: KnowledgeBase) -> None:
    # Mohamed Ali, 30 ans, témoigne. Mohamed Ali Hassan, son voisin, aussi. (two men)
    words = ["Mohamed", "Ali", ",", "30", "ans", ",", "témoigne", ".",
             "Mohamed", "Ali", "Hassan", ",", "son", "voisin", ",", "aussi", "."]  # fmt: skip
    ents = ["B-PER", "I-PER", "O", "O", "O", "O", "O", "O",
            "B-PER", "I-PER", "I-PER", "O", "O", "O", "O", "O", "O"]  # fmt: skip
    assert len(_people(words, ents, kb)) == 2


def test_a_capitalised_role_with_its_adjective_is_no_name(kb: KnowledgeBase) -> None:
    # « … », a répondu le Président algérien. (the model took "Président algérien" for a name)
    words = ["«", "Non", "»", ",", "a", "répondu", "le", "Président", "algérien", "."]
    ents = ["O", "O", "O", "O", "O", "O", "O", "B-PER", "I-PER", "O"]
    doc = _doc(words, ents)
    doc[7].pos_, doc[8].pos_ = "NOUN", "ADJ"
    entities = resolve_entities(doc, "fr", kb)
    assert not [e.name for e in entities if "Président" in e.name]


def test_a_capitalised_role_before_a_name_keeps_the_name(kb: KnowledgeBase) -> None:
    # a répondu le Président Karim Benali.
    words = ["a", "répondu", "le", "Président", "Karim", "Benali", "."]
    ents = ["O", "O", "O", "B-PER", "I-PER", "I-PER", "O"]
    people = _people(words, ents, kb)
    assert any("Karim Benali" in name for name in people)


def test_a_capitalised_role_after_an_indefinite_article_is_no_name(kb: KnowledgeBase) -> None:
    # C'est la première fois qu'un Président algérien parle ainsi.
    words = ["C'", "est", "la", "première", "fois", "qu'", "un", "Président", "algérien",
             "parle", "ainsi", "."]  # fmt: skip
    ents = ["O"] * 7 + ["B-PER", "I-PER"] + ["O"] * 3
    doc = _doc(words, ents)
    doc[8].pos_ = "ADJ"
    entities = resolve_entities(doc, "fr", kb)
    assert not [e.name for e in entities if "Président" in e.name]


def test_review_a_fronted_town_before_a_person_is_no_given_name(kb: KnowledgeBase) -> None:
    # À Nancy, Mathieu Klein et son adjoint ont présenté le budget.
    words = ["À", "Nancy", ",", "Mathieu", "Klein", "et", "son", "adjoint", "ont", "présenté",
             "le", "budget", "."]  # fmt: skip
    ents = ["O", "B-LOC", "O", "B-PER", "I-PER"] + ["O"] * 8
    assert "Nancy" not in _people(words, ents, kb)


def test_review_a_given_name_before_a_person_with_no_et_is_no_list(kb: KnowledgeBase) -> None:
    # Avec Julie, Marc Roux a tout rénové. (a fronted complement, no list)
    words = ["Avec", "Julie", ",", "Marc", "Roux", "a", "tout", "rénové", "."]
    ents = ["O", "B-LOC", "O", "B-PER", "I-PER", "O", "O", "O", "O"]
    assert "Julie" not in _people(words, ents, kb)


def test_review_a_capitalised_role_after_an_adjective_is_no_name(kb: KnowledgeBase) -> None:
    # a répondu le nouveau Président ivoirien.
    words = ["a", "répondu", "le", "nouveau", "Président", "ivoirien", "."]
    ents = ["O", "O", "O", "O", "B-PER", "I-PER", "O"]
    doc = _doc(words, ents)
    doc[3].pos_, doc[4].pos_, doc[5].pos_ = "ADJ", "NOUN", "ADJ"
    entities = resolve_entities(doc, "fr", kb)
    assert not [e.name for e in entities if "Président" in e.name]


def test_review_a_given_name_that_is_a_town_is_a_person_where_no_town_is_meant(
    kb: KnowledgeBase,
) -> None:
    # Hier, Florence, Ludovic Martin et leurs enfants ont dormi dans leur voiture.
    words = ["Hier", ",", "Florence", ",", "Ludovic", "Martin", "et", "leurs", "enfants", "ont",
             "dormi", "."]  # fmt: skip
    ents = ["O", "O", "B-LOC", "O", "B-PER", "I-PER"] + ["O"] * 6
    assert "Florence" in _people(words, ents, kb)


def test_review_a_list_joined_by_ou_is_a_list(kb: KnowledgeBase) -> None:
    # Certains, comme Sandrine, Karim Benali ou Sofiane, ont dormi dehors.
    words = ["Certains", ",", "comme", "Sandrine", ",", "Karim", "Benali", "ou", "Sofiane",
             ",", "ont", "dormi", "dehors", "."]  # fmt: skip
    ents = ["O", "O", "O", "B-LOC", "O", "B-PER", "I-PER", "O", "B-PER"] + ["O"] * 5
    assert "Sandrine" in _people(words, ents, kb)


def test_a_headline_apposition_does_not_set_a_short_name_apart(kb: KnowledgeBase) -> None:
    # Sophie Martin, maire de Trévoux : « Non » ¶ La maire, Sophie Martin-Lacroix, a répondu.
    words = ["Sophie", "Martin", ",", "maire", "de", "Trévoux", ":", "«", "Non", "»", "\n\n",
             "La", "maire", ",", "Sophie", "Martin", "-", "Lacroix", ",", "a", "répondu", "."]  # fmt: skip
    ents = ["B-PER", "I-PER", "O", "O", "O", "B-LOC", "O", "O", "O", "O", "O",
            "O", "O", "O", "B-PER", "I-PER", "I-PER", "I-PER", "O", "O", "O", "O"]  # fmt: skip
    assert list(_people(words, ents, kb)) == ["Sophie Martin-Lacroix"]


def test_review_an_age_in_a_headline_does_not_split_a_double_surname(kb: KnowledgeBase) -> None:
    # Léa Dupont, 16 ans, sacrée championne (headline) ¶ Léa Dupont-Moreau a remporté le titre.
    words = ["Léa", "Dupont", ",", "16", "ans", ",", "sacrée", "championne", "\n\n", "Léa",
             "Dupont", "-", "Moreau", "a", "remporté", "le", "titre", "."]  # fmt: skip
    ents = ["B-PER", "I-PER"] + ["O"] * 7 + ["B-PER", "I-PER", "I-PER", "I-PER"] + ["O"] * 5
    assert list(_people(words, ents, kb)) == ["Léa Dupont-Moreau"]
