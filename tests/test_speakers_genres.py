"""French speakers in the genres the second dev set brought in (trials, disasters, diplomacy):
one test per rule, on short invented sentences through the real French model."""

from __future__ import annotations

import pytest

from quote_helpers import speaker_of

NAMES = {
    "paul-durand": ["Paul Durand", "Durand"],
    "jean-martin": ["Jean Martin", "Martin"],
    "marie-leroy": ["Marie Leroy", "Leroy"],
}


@pytest.mark.model
def test_a_main_clause_subject_takes_the_pronoun_from_the_last_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Paul Durand a témoigné le premier. « Nous avons tout perdu », a-t-il raconté. "
        "Jean Martin a eu la parole en dernier. « Je pense à eux tous les jours », "
        "a-t-il seulement déclaré."
    )
    assert speaker_of(fr_nlp, body, NAMES, "tous les jours") == "jean-martin"
    assert speaker_of(fr_nlp, body, NAMES, "tout perdu") == "paul-durand"


@pytest.mark.model
def test_a_subject_inside_reported_words_does_not_take_the_pronoun(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Selon Paul Durand, les « patrons de la tech » ont changé de camp une fois que "
        "Jean Martin a semblé gagner. « Ils sont brisés en ce moment », il a déclaré."
    )
    assert speaker_of(fr_nlp, body, NAMES, "brisés") == "paul-durand"


@pytest.mark.model
def test_a_quote_after_a_new_subject_is_not_given_to_a_cue_paragraphs_back() -> None:
    # the pipeline as analysis runs it: a blank line starts a sentence before the parser runs
    from allegiance.nlp.models import load

    fr_nlp = load("fr")
    body = (
        "Interrogé la veille, Paul Durand avait reconnu des erreurs. « J'ai toujours rendu "
        "service à ces gens », a-t-il affirmé.\n\n"
        "« Vous lui avez vendu un cercueil »\n\n"
        "Marie Leroy, la mère de la victime, 19 ans au moment du drame, a pris la parole mardi. "
        "« Ma fille m'a appelée à 3 h 12. Après, plus rien. »"
    )
    assert speaker_of(fr_nlp, body, NAMES, "Ma fille") == "marie-leroy"


def test_a_blank_line_starts_a_sentence_before_the_parser_runs() -> None:
    import spacy
    from spacy.tokens import Doc

    from allegiance.nlp.sentences import mark_paragraphs

    words = ["Un", "titre", "\n\n", "Marie", "parle", "\n", "encore", "."]
    doc = mark_paragraphs(
        Doc(spacy.blank("fr").vocab, words=words, spaces=[True, False] + [False] * 6)
    )
    assert doc[3].is_sent_start is True  # after the blank line
    assert not doc[6].is_sent_start  # a single line break decides nothing


@pytest.mark.model
def test_a_board_chair_is_not_the_italian_prime_minister() -> None:
    # "présidente du conseil" alone is any board's chair; only "… du conseil italien" names Meloni
    from allegiance.analysis import analyze

    body = (
        "Parallax a rejeté l'offre mardi. « Ce n'est rien de personnel », a déclaré la "
        "présidente du conseil. La présidente du conseil italien n'a pas commenté."
    )
    article = analyze(body, lang="fr", published="2025-09-18")
    quote = next(q for q in article.quotes if "personnel" in q.text)
    assert quote.speaker is None or quote.speaker.entity != "giorgia-meloni"
    assert "giorgia-meloni" in {e.id for e in article.entities}  # the qualified title still does
