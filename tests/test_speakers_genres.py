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
