"""Round 9, pronouns and continuity: gender from sexed nouns, an age marks a person, ``ce
dernier`` in a chain of subjects, a fragment of a coordinated ``que`` clause. Invented sentences."""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context


@pytest.fixture(scope="module")
def fr_context():  # type: ignore[no-untyped-def]
    return default_context()


def _speaker_of(text: str, opening: str, ctx) -> str | None:  # type: ignore[no-untyped-def]
    """The speaker's name of the quote of ``text`` that starts with ``opening``."""
    article = analyze(text, lang="fr", published="2024-05-02", context=ctx)
    (quote,) = [q for q in article.quotes if q.text.startswith(opening)]
    return quote.speaker.name if quote.speaker else None


@pytest.mark.model
def test_a_kinship_noun_gives_the_name_its_gender(fr_context) -> None:  # type: ignore[no-untyped-def]
    # ``Son frère cadet, Karim`` is a man: the ``dit-elle`` after his sentence is the sister's
    text = (
        "Joignable par téléphone, Leïla Bensaïd, infirmière de 41 ans à Lyon, a accepté de "
        "raconter son quotidien.\n\n"
        "Son frère cadet, Karim, a été tué en janvier alors qu'il attendait devant la gare. "
        "« Il était parti chercher du pain. Il n'est jamais revenu », dit-elle d'une voix égale."
    )
    assert _speaker_of(text, "Il était parti cherch", fr_context) == "Leïla Bensaïd"


@pytest.mark.model
def test_a_fragment_of_a_coordinated_que_clause_is_the_reporters(fr_context) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le ministre du Commerce, Paul Lenoir, a estimé que l'Europe devait « cesser d'être "
        "naïve » et qu'elle disposait « de tous les outils pour se défendre », y compris "
        "les taxes. La Commission européenne, dirigée par Anna Weber, prépare une liste."
    )
    assert _speaker_of(text, "de tous les outils po", fr_context) == "Paul Lenoir"


@pytest.mark.model
def test_ce_dernier_carries_a_chain_of_subjects(fr_context) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Jean Morel, député de la Loire, a été arrêté. La marche visait à exiger la démission "
        "du ministre de l'Intérieur Louis Gaspard.\n\n"
        "Ce dernier est au cœur de la polémique depuis qu'il a soutenu Henri Brun.\n\n"
        "« Je ferai tout pour qu'Henri Brun gagne. Vous pouvez me croire », avait-il déclaré."
    )
    assert _speaker_of(text, "Je ferai tout pour q", fr_context) == "Louis Gaspard"


def test_sexed_nouns_and_ages_read_from_word_order() -> None:
    import spacy
    from spacy.tokens import Doc

    from allegiance.extract.quote_context import QuoteContext
    from allegiance.models import Entity, Mention

    vocab = spacy.blank("fr").vocab
    words = ["Le", "père", "Anselmo", "Ccori", "prie", ".", "Nuit", "Lomé", ",", "41", "ans", ","]
    words += ["vend", ".", "Marc", "Dubois", ",", "analyste", ",", "écrit", "."]
    pos = ["DET", "NOUN", "PROPN", "PROPN", "VERB", "PUNCT", "NOUN", "PROPN", "PUNCT", "NUM"]
    pos += ["NOUN", "PUNCT", "VERB", "PUNCT", "PROPN", "PROPN", "PUNCT", "NOUN", "PUNCT"]
    pos += ["VERB", "PUNCT"]
    morphs = [""] * len(words)
    morphs[17] = "Gender=Fem"  # the tagger's guess for an epicene noun
    doc = Doc(vocab, words=words, pos=pos, morphs=morphs)
    text = doc.text
    priest = Entity("ac", "Anselmo Ccori", "person", [Mention("Anselmo Ccori", 10, 23)])
    start = text.index("Nuit")
    seller = Entity("nl", "Nuit Lomé", "person", [Mention("Nuit Lomé", start, start + 9)])
    start = text.index("Marc")
    analyst = Entity("md", "Marc Dubois", "person", [Mention("Marc Dubois", start, start + 11)])
    ctx = QuoteContext(doc, [priest, seller, analyst], "fr")
    assert ctx.gender_of(priest) == "Masc"  # ``le père`` names a man
    assert ctx.may_be_antecedent(seller)  # an age: a person, whatever the tag of Nuit
    assert ctx.gender_of(analyst) == "Masc"  # ``analyste`` is epicene: the given name decides
