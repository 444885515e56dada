"""Round 12 (r12dspk): a description noun (``l'opérateur``) taken up after a sentence that
ends with it: the name opening the next sentence is not "next to" the noun."""

from __future__ import annotations

import pytest

from fr_articles import analyze_fr, speaker_id

pytestmark = pytest.mark.model


def _speaker_of(text: str, fragment: str) -> str | None:
    return speaker_id(analyze_fr(text), fragment)


def test_description_noun_ending_a_sentence_is_not_the_next_subject() -> None:
    """``… ne passe pas pour l'opérateur historique. La CNIL a observé …``: the CNIL opens the
    next sentence; it neither holds the noun nor makes ``d'après l'opérateur`` an unnamed
    source. The operator is the company the article is about."""
    text = (
        "Sanctionné par la CNIL, Bouygues Telecom juge la décision « injuste ». L'amende ne "
        "passe pas pour l'opérateur historique. La CNIL a observé que la société affichait des "
        "annonces. Bouygues Telecom a annoncé un recours. D'après l'opérateur, « les faits "
        "reprochés ne visent aucune faute »."
    )
    assert _speaker_of(text, "faits reprochés") == "bouygues"


def test_guard_role_noun_with_another_subject_stays_unnamed() -> None:
    """Guard: ``Selon le ministre de l'Intérieur, X a menti … a répondu le ministre``: the
    same sentence names someone else as subject, so the minister stays an unnamed source."""
    text = (
        "Selon le ministre de l'Intérieur, Paul Girard a menti. « C'est faux », a répondu le "
        "ministre."
    )
    assert _speaker_of(text, "C'est faux") is None
