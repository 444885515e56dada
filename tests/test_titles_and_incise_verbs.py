"""A personal title makes a person (``M. Nalder``); a speech participle the parser tagged as an
adjective after ``a-t-il`` is a verb again. Docs built by hand, no model loaded."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from allegiance.nlp.incise_verbs import retag_incise_participles
from allegiance.resolve.person_names import find_people

VOCAB = spacy.blank("fr").vocab


def _people(
    words: list[str], ents: list[str], pos: list[str] | None = None
) -> list[tuple[str, str]]:
    doc = Doc(VOCAB, words=words, ents=ents, pos=pos)
    return [(s.text, s.label_) for s in find_people(doc, list(doc.ents), "fr")]


def test_a_title_makes_the_misc_span_after_it_a_person() -> None:
    words = ["M.", "Nalder", "a", "dénoncé", "une", "initiative"]
    assert _people(words, ["O", "B-MISC", "O", "O", "O", "O"]) == [("Nalder", "PER")]


def test_a_title_makes_an_untagged_capitalised_word_a_person() -> None:
    words = ["Selon", "Mme", "Ntap", ",", "la", "grève", "est", "illégale"]
    assert _people(words, ["O"] * len(words)) == [("Ntap", "PER")]


def test_no_title_no_person_and_a_pronoun_me_is_no_title() -> None:
    words = ["Le", "Nalder", "a", "coulé"]
    assert _people(words, ["O", "B-MISC", "O", "O"]) == [("Nalder", "MISC")]
    words = ["Me", "voici", "à", "Paris"]
    assert _people(words, ["O"] * 4) == []


def _incise(participle: str, pos: str, clitic: str = "-il") -> Doc:
    words = ["«", "C'", "est", "faux", "»", ",", "a", "-t", clitic, participle, "."]
    poses = ["PUNCT", "PRON", "AUX", "ADJ", "PUNCT", "PUNCT", "AUX", "PRON", "PRON", pos, "PUNCT"]
    lemmas = ["«", "ce", "être", "faux", "»", ",", "avoir", "-t", "il", participle, "."]
    return Doc(VOCAB, words=words, pos=poses, lemmas=lemmas)


def test_speech_participle_after_inverted_clitic_is_a_verb_again() -> None:
    doc = retag_incise_participles(_incise("martelé", "ADJ"))
    tok = doc[9]
    assert (tok.pos_, tok.lemma_) == ("VERB", "marteler")
    assert "Part" in tok.morph.get("VerbForm")
    doc = retag_incise_participles(_incise("nuancé", "NOUN", "-elle"))
    assert (doc[9].pos_, doc[9].lemma_) == ("VERB", "nuancer")


def test_other_words_after_a_clitic_keep_their_tag() -> None:
    doc = retag_incise_participles(_incise("heureux", "ADJ"))
    assert doc[9].pos_ == "ADJ"
    doc = Doc(VOCAB, words=["il", "est", "martelé"], pos=["PRON", "AUX", "ADJ"])
    assert retag_incise_participles(doc)[2].pos_ == "ADJ"  # no inverted clitic


def test_a_name_set_off_by_commas_after_a_role_is_a_person() -> None:
    """``Le ministre du Travail, Innocence Ntap, a …``: an unknown given name the model left
    untagged; the role and the commas around the two capitalised words make the person."""
    words = ["Le", "ministre", "du", "Travail", ",", "Innocence", "Ntap", ",", "a", "parlé"]
    pos = ["DET", "NOUN", "ADP", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "AUX", "VERB"]
    assert _people(words, ["O"] * len(words), pos) == [("Innocence Ntap", "PER")]


def test_no_role_before_the_comma_no_person() -> None:
    words = ["Le", "bâtiment", "du", "port", ",", "Grande", "Halle", ",", "a", "brûlé"]
    pos = ["DET", "NOUN", "ADP", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT", "AUX", "VERB"]
    assert _people(words, ["O"] * len(words), pos) == []
    words = ["Le", "ministre", "a", "visité", "la", "commune", ",", "Grand", "Mornay", ","]
    pos = ["DET", "NOUN", "AUX", "VERB", "DET", "NOUN", "PUNCT", "PROPN", "PROPN", "PUNCT"]
    assert _people(words, ["O"] * len(words), pos) == []  # a place before the comma
    words = ["Le", "ministre", "a", "parlé", ".", "Innocence", "Ntap", ",", "a", "dit"]
    pos = ["DET", "NOUN", "AUX", "VERB", "PUNCT", "PROPN", "PROPN", "PUNCT", "AUX", "VERB"]
    assert _people(words, ["O"] * len(words), pos) == []


def test_retagged_participle_keeps_gender_and_number() -> None:
    words = ["«", "Non", "»", ",", "a", "-t", "-elle", "tranché", "."]
    poses = ["PUNCT", "ADV", "PUNCT", "PUNCT", "AUX", "PRON", "PRON", "ADJ", "PUNCT"]
    lemmas = ["«", "non", "»", ",", "avoir", "-t", "elle", "tranché", "."]
    morphs = ["", "", "", "", "", "", "", "Gender=Fem|Number=Sing", ""]
    doc = Doc(VOCAB, words=words, pos=poses, lemmas=lemmas, morphs=morphs)
    tok = retag_incise_participles(doc)[7]
    assert tok.pos_ == "VERB" and tok.morph.get("Gender") == ["Fem"]
