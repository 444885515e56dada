"""Entity fixes of the ninth session: a state authoring a speech noun, a person's full name past
a naming noun's cut, a first name after a reflexive incise verb. Invented sentences, Docs built by
hand (with the parser's and tagger's mistakes where the fix is about them)."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.resolve.entities import resolve_entities
from allegiance.resolve.kb import KnowledgeBase, default_kb
from allegiance.resolve.states import state_mentions

VOCAB = spacy.blank("fr").vocab


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return default_kb()


def parsed(rows: list[tuple[str, int, str, str, str]], ents: list[str] | None = None) -> Doc:
    """Rows of (word, head index, dep, pos, lemma)."""
    words = [r[0] for r in rows]
    spaces = [
        i + 1 < len(words)
        and words[i + 1] not in {",", ".", "-"}
        and not words[i].endswith("'")
        and words[i] != "-"
        for i in range(len(words))
    ]
    return Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        lemmas=[r[4] for r in rows],
        ents=ents,
    )


def test_a_state_authoring_a_speech_noun_is_an_actor(kb: KnowledgeBase) -> None:
    # Les accusations de la Russie selon lesquelles Kiev a frappé sont fausses .
    doc = parsed(
        [
            ("Les", 1, "det", "DET", "le"),
            ("accusations", 10, "nsubj", "NOUN", "accusation"),
            ("de", 4, "case", "ADP", "de"),
            ("la", 4, "det", "DET", "le"),
            ("Russie", 1, "nmod", "PROPN", "Russie"),
            ("selon", 8, "case", "ADP", "selon"),
            ("lesquelles", 8, "obl", "PRON", "lequel"),
            ("Kiev", 8, "nsubj", "PROPN", "Kiev"),
            ("a", 8, "aux:tense", "AUX", "avoir"),
            ("frappé", 1, "acl:relcl", "VERB", "frapper"),
            ("sont", 10, "cop", "AUX", "être"),
            ("fausses", 10, "ROOT", "ADJ", "faux"),
            (".", 10, "punct", "PUNCT", "."),
        ]
    )
    found = state_mentions(doc, kb)
    assert [m.text for m in found.get("russia", [])] == ["Russie"]


def test_a_state_after_a_noun_of_no_speech_stays_a_place(kb: KnowledgeBase) -> None:
    # Les exportations de la Russie augmentent .
    doc = parsed(
        [
            ("Les", 1, "det", "DET", "le"),
            ("exportations", 5, "nsubj", "NOUN", "exportation"),
            ("de", 4, "case", "ADP", "de"),
            ("la", 4, "det", "DET", "le"),
            ("Russie", 1, "nmod", "PROPN", "Russie"),
            ("augmentent", 5, "ROOT", "VERB", "augmenter"),
            (".", 5, "punct", "PUNCT", "."),
        ]
    )
    assert "russia" not in state_mentions(doc, kb)


def _naming_noun_doc(first: str) -> Doc:
    # le PDG du groupe néerlandais <First> de Juniac a démissionné .
    rows = [
        ("le", 1, "det", "DET", "le"),
        ("PDG", 10, "nsubj", "NOUN", "pdg"),
        ("du", 3, "case", "ADP", "de"),
        ("groupe", 1, "nmod", "NOUN", "groupe"),
        ("néerlandais", 3, "amod", "ADJ", "néerlandais"),
        (first, 3, "appos", "PROPN", first),
        ("de", 7, "case", "ADP", "de"),
        ("Juniac", 5, "flat:name", "PROPN", "Juniac"),
        ("a", 10, "aux:tense", "AUX", "avoir"),
        ("vraiment", 10, "advmod", "ADV", "vraiment"),
        ("démissionné", 10, "ROOT", "VERB", "démissionner"),
        (".", 10, "punct", "PUNCT", "."),
    ]
    ents = ["O"] * 5 + ["B-PER", "I-PER", "I-PER"] + ["O"] * 4
    return parsed(rows, ents)


def test_a_full_name_from_a_first_name_outlives_a_naming_nouns_cut(kb: KnowledgeBase) -> None:
    entities = resolve_entities(_naming_noun_doc("Alexandre"), "fr", kb, None)
    assert [(e.name, e.type) for e in entities] == [("Alexandre de Juniac", "person")]


def test_a_body_after_a_naming_noun_keeps_its_name_without_a_first_name(
    kb: KnowledgeBase,
) -> None:
    entities = resolve_entities(_naming_noun_doc("Vertbois"), "fr", kb, None)
    types = {e.name: e.type for e in entities}
    assert "person" not in types.values()
    assert [t for n, t in types.items() if n.startswith("Vertbois")] == ["organization"]


def _reflexive_incise_doc(opener: str) -> Doc:
    # « Il faut qu' il pleuve » <opener> s' alarme Sébastien .  (the tagger read a noun)
    rows = [
        ("«", 1, "punct", "PUNCT", "«"),
        ("Il", 2, "expl", "PRON", "il"),
        ("faut", 2, "ROOT", "VERB", "falloir"),
        ("qu'", 5, "mark", "SCONJ", "que"),
        ("il", 5, "nsubj", "PRON", "il"),
        ("pleuve", 2, "ccomp", "VERB", "pleuvoir"),
        ("»", 2, "punct", "PUNCT", "»"),
        (opener, 9, "punct", "PUNCT", opener),
        ("s'", 9, "expl", "PRON", "se"),
        ("alarme", 2, "parataxis", "NOUN", "alarme"),
        ("Sébastien", 9, "nmod", "PROPN", "Sébastien"),
        (".", 2, "punct", "PUNCT", "."),
    ]
    return parsed(rows, ["O"] * 10 + ["B-MISC", "O"])


def test_a_first_name_after_a_reflexive_incise_verb_is_a_person(kb: KnowledgeBase) -> None:
    entities = resolve_entities(_reflexive_incise_doc(","), "fr", kb, None)
    assert [(e.name, e.type) for e in entities] == [("Sébastien", "person")]


def test_the_reflexive_incise_needs_its_opening_comma(kb: KnowledgeBase) -> None:
    entities = resolve_entities(_reflexive_incise_doc(":"), "fr", kb, None)
    assert ("Sébastien", "person") not in [(e.name, e.type) for e in entities]


def _named_after(noun: str, label: str) -> Doc:
    # les élèves du <noun> Louise-Michel sont choqués .
    rows = [
        ("les", 1, "det", "DET", "le"),
        ("élèves", 8, "nsubj", "NOUN", "élève"),
        ("du", 3, "case", "ADP", "de"),
        (noun, 1, "nmod", "NOUN", noun),
        ("Louise", 3, "appos", "PROPN", "Louise"),
        ("-", 4, "punct", "PUNCT", "-"),
        ("Michel", 4, "flat:name", "PROPN", "Michel"),
        ("sont", 8, "cop", "AUX", "être"),
        ("choqués", 8, "ROOT", "ADJ", "choqué"),
        (".", 8, "punct", "PUNCT", "."),
    ]
    ents = ["O"] * 4 + [f"B-{label}", f"I-{label}", f"I-{label}"] + ["O"] * 3
    return parsed(rows, ents)


@pytest.mark.parametrize("label", ["PER", "LOC"])
def test_a_street_named_after_a_person_is_no_actor(kb: KnowledgeBase, label: str) -> None:
    assert resolve_entities(_named_after("quartier", label), "fr", kb, None) == []


@pytest.mark.parametrize("label", ["PER", "LOC"])
def test_a_school_named_after_a_person_is_a_body(kb: KnowledgeBase, label: str) -> None:
    entities = resolve_entities(_named_after("lycée", label), "fr", kb, None)
    assert [(e.name, e.type) for e in entities] == [("Louise-Michel", "organization")]


def test_a_person_after_a_role_noun_stays_a_person(kb: KnowledgeBase) -> None:
    entities = resolve_entities(_named_after("directeur", "PER"), "fr", kb, None)
    assert [(e.name, e.type) for e in entities] == [("Louise-Michel", "person")]


def test_a_name_word_before_a_known_given_name_opens_the_name(kb: KnowledgeBase) -> None:
    """``…, Amani Osman Abdelrahim, infirmière`` missed by the model: ``Osman`` is a known given
    name, but the name starts one word earlier."""
    rows = [
        ("Joignable", 4, "advcl", "ADJ", "joignable"),
        (",", 0, "punct", "PUNCT", ","),
        ("Amani", 4, "nsubj", "PROPN", "Amani"),
        ("Osman", 2, "flat:name", "PROPN", "Osman"),
        ("Abdelrahim", 2, "flat:name", "PROPN", "Abdelrahim"),
        (",", 6, "punct", "PUNCT", ","),
        ("infirmière", 2, "appos", "NOUN", "infirmière"),
        (",", 8, "punct", "PUNCT", ","),
        ("témoigne", 8, "ROOT", "VERB", "témoigner"),
        (".", 8, "punct", "PUNCT", "."),
    ]
    from allegiance.resolve.person_names import find_people

    doc = parsed(rows, ["O"] * len(rows))
    assert [s.text for s in find_people(doc, [], "fr")] == ["Amani Osman Abdelrahim"]


def _two_names(second: list[str]) -> Doc:
    # Amani Osman Abdelrahim a parlé . <second> a ri .
    rows = [
        ("Amani", 4, "nsubj", "PROPN", "Amani"),
        ("Osman", 0, "flat:name", "PROPN", "Osman"),
        ("Abdelrahim", 0, "flat:name", "PROPN", "Abdelrahim"),
        ("a", 4, "aux:tense", "AUX", "avoir"),
        ("parlé", 4, "ROOT", "VERB", "parler"),
        (".", 4, "punct", "PUNCT", "."),
    ]
    k = len(rows)
    rows += [(w, k, "flat:name" if i else "nsubj", "PROPN", w) for i, w in enumerate(second)]
    rows += [
        ("a", k + len(second) + 1, "aux:tense", "AUX", "avoir"),
        ("ri", k + len(second) + 1, "ROOT", "VERB", "rire"),
        (".", k + len(second) + 1, "punct", "PUNCT", "."),
    ]
    rows = [(w, h if w != second[0] or d != "nsubj" else k + len(second) + 1, d, p, lem)
            for w, h, d, p, lem in rows]  # fmt: skip
    ents = ["B-PER", "I-PER", "I-PER", "O", "O", "O"]
    ents += ["B-PER"] + ["I-PER"] * (len(second) - 1) + ["O", "O", "O"]
    return parsed(rows, ents)


def test_the_opening_words_of_a_longer_name_are_that_person(kb: KnowledgeBase) -> None:
    entities = resolve_entities(_two_names(["Amani", "Osman"]), "fr", kb, None)
    assert [(e.name, len(e.mentions)) for e in entities] == [("Amani Osman Abdelrahim", 2)]


def test_a_generation_suffix_keeps_two_people(kb: KnowledgeBase) -> None:
    doc = _two_names(["Amani", "Osman", "Abdelrahim", "Jr."])
    # the son's name is the longer one here: the father's full name opens it
    names = sorted(e.name for e in resolve_entities(doc, "fr", kb, None))
    assert names == ["Amani Osman Abdelrahim", "Amani Osman Abdelrahim Jr."]


def test_a_place_noun_as_a_complement_names_no_place(kb: KnowledgeBase) -> None:
    # sa camarade de lycée Louise - Michel … : ``de lycée`` qualifies ``camarade``
    rows = [
        ("sa", 1, "det", "DET", "son"),
        ("camarade", 7, "nsubj", "NOUN", "camarade"),
        ("de", 3, "case", "ADP", "de"),
        ("lycée", 1, "nmod", "NOUN", "lycée"),
        ("Louise", 1, "appos", "PROPN", "Louise"),
        ("-", 4, "punct", "PUNCT", "-"),
        ("Michel", 4, "flat:name", "PROPN", "Michel"),
        ("témoigne", 7, "ROOT", "VERB", "témoigner"),
        (".", 7, "punct", "PUNCT", "."),
    ]
    ents = ["O"] * 4 + ["B-PER", "I-PER", "I-PER", "O", "O"]
    entities = resolve_entities(parsed(rows, ents), "fr", kb, None)
    assert [(e.name, e.type) for e in entities] == [("Louise-Michel", "person")]


def test_a_shorter_name_written_first_is_someone_else(kb: KnowledgeBase) -> None:
    """``Mohamed Ali, 30 ans, … Son voisin Mohamed Ali Hassan``: the short name came first, so
    it is its own person, not the longer name's."""
    rows = [
        ("Amani", 3, "nsubj", "PROPN", "Amani"),
        ("Osman", 0, "flat:name", "PROPN", "Osman"),
        ("a", 3, "aux:tense", "AUX", "avoir"),
        ("ri", 3, "ROOT", "VERB", "rire"),
        (".", 3, "punct", "PUNCT", "."),
        ("Amani", 9, "nsubj", "PROPN", "Amani"),
        ("Osman", 5, "flat:name", "PROPN", "Osman"),
        ("Abdelrahim", 5, "flat:name", "PROPN", "Abdelrahim"),
        ("a", 9, "aux:tense", "AUX", "avoir"),
        ("parlé", 9, "ROOT", "VERB", "parler"),
        (".", 9, "punct", "PUNCT", "."),
    ]
    ents = ["B-PER", "I-PER", "O", "O", "O", "B-PER", "I-PER", "I-PER", "O", "O", "O"]
    names = sorted(e.name for e in resolve_entities(parsed(rows, ents), "fr", kb, None))
    assert names == ["Amani Osman", "Amani Osman Abdelrahim"]


def test_a_plural_state_authoring_a_speech_noun_is_an_actor(kb: KnowledgeBase) -> None:
    # Les accusations des États-Unis selon lesquelles Pékin a menti sont graves .
    doc = parsed(
        [
            ("Les", 1, "det", "DET", "le"),
            ("accusations", 10, "nsubj", "NOUN", "accusation"),
            ("des", 3, "case", "ADP", "de"),
            ("États-Unis", 1, "nmod", "PROPN", "États-Unis"),
            ("selon", 5, "case", "ADP", "selon"),
            ("lesquelles", 8, "obl", "PRON", "lequel"),
            ("Pékin", 8, "nsubj", "PROPN", "Pékin"),
            ("a", 8, "aux:tense", "AUX", "avoir"),
            ("menti", 1, "acl:relcl", "VERB", "mentir"),
            ("sont", 10, "cop", "AUX", "être"),
            ("graves", 10, "ROOT", "ADJ", "grave"),
            (".", 10, "punct", "PUNCT", "."),
        ]
    )
    found = state_mentions(doc, kb)
    assert [m.text for m in found.get("united-states", [])] == ["États-Unis"]
