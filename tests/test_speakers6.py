"""French speakers, sixth round: a name in apposition headed by a title (``Son avocat, Me X,``)
or hung by the parser on a place at the end of the subject (``Son représentant à Genève, X,``)
is the speaker; an object clitic before the verb of an incise (``», nous a confié X``) is
whom the speaker told, and ``nous a-t-il répondu`` inverts its subject after the auxiliary.
One test per rule, on invented sentences through the real French model."""

from __future__ import annotations

import pytest

from quote_helpers import speaker_of

NAMES = {
    "patrick-lemoine": ["Patrick Lemoine"],
    "lemoine-garnier": ["Lemoine Garnier"],
    "claire-morel": ["Claire Morel"],
    "paul-petit": ["Paul Petit"],
    "russie": ["Russie"],
    "jean-dupont": ["Jean Dupont"],
}


@pytest.mark.model
def test_a_name_under_a_title_in_apposition_speaks(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Claire Morel a porté plainte.\n\n"
        "Son avocat, Me Patrick Lemoine, a dit que la décision était "
        "« une victoire pour les petits épargnants »."
    )
    assert speaker_of(fr_nlp, body, NAMES, "une victoire") == "patrick-lemoine"


@pytest.mark.model
def test_a_name_closing_the_subject_after_a_place_speaks(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "La Russie, elle, joue les arbitres. Son représentant permanent auprès des "
        "organisations internationales à Genève, Paul Petit, a dénoncé sur X l'obsession "
        "occidentale, estimant que les Européens « portent une part de responsabilité » "
        "dans l'impasse."
    )
    assert speaker_of(fr_nlp, body, NAMES, "portent une part") == "paul-petit"


@pytest.mark.model
def test_an_object_clitic_before_an_incise_is_not_its_subject(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Jean Dupont, 61 ans, ancien maire de la ville, a confirmé son départ. "
        "« Oui, nous partons, et nous sommes contents », nous a confié l'ancien maire, "
        "joint par téléphone lundi."
    )
    assert speaker_of(fr_nlp, body, NAMES, "nous partons") == "jean-dupont"


@pytest.mark.model
def test_a_pronoun_inverted_after_the_auxiliary_is_the_subject(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Contacté, Jean Dupont maintient sa version. "
        "« Je ne fais que poser des questions », nous a-t-il répondu par message."
    )
    assert speaker_of(fr_nlp, body, NAMES, "poser des questions") == "jean-dupont"


@pytest.mark.model
def test_le_principal_interesse_is_the_person_the_story_is_about(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Jean Dupont, ancien maire de la ville, a confirmé son départ. Jean Dupont quittera "
        "la ville en mai.\n\n"
        "Sa voisine, Claire Morel, a déposé une plainte. Son avocat, Me Patrick Lemoine, a "
        "fait savoir que sa cliente « attend des excuses ».\n\n"
        "Le principal intéressé balaie les critiques. Selon lui, le conflit était "
        "« réglé depuis longtemps »."
    )
    assert speaker_of(fr_nlp, body, NAMES, "réglé depuis") == "jean-dupont"


@pytest.mark.model
def test_a_titled_name_after_an_inverted_description_speaks(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "L'agence régionale dément. « Aucune anomalie n'a été relevée sur le réseau », "
        "nous a répondu son directeur médical, le docteur Paul Petit."
    )
    assert speaker_of(fr_nlp, body, NAMES, "Aucune anomalie") == "paul-petit"
