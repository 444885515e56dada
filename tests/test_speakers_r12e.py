"""Round 12 (r12espk): a former role (``l'ancien président``, ``l'ex-président``) and the
present one (``le président``) are two different actors when a description takes one up."""

from __future__ import annotations

import pytest

from fr_articles import analyze_fr, speaker_id

pytestmark = pytest.mark.model


def _speaker_of(text: str, fragment: str) -> str | None:
    return speaker_id(analyze_fr(text), fragment)


def test_present_role_is_not_the_former_holder() -> None:
    """``le président de droite`` after ``Le président X … l'ancien président Y``: the one in
    office, not the former president named last."""
    text = (
        "Le président Marc Lenoir a répondu aux critiques de l'ancien président Jean Dupuis, "
        "lancées lors d'une interview. Connu pour son franc-parler, le président de droite a "
        "répliqué avec ironie, déclarant qu'il pensait que la prison était confortable. Le "
        "président en a profité pour critiquer la « démagogie » de son parti."
    )
    assert _speaker_of(text, "prison était confortable") == "marc-lenoir"
    assert _speaker_of(text, "démagogie") == "marc-lenoir"


def test_former_role_is_not_the_present_holder() -> None:
    """``L'ancien président`` after ``L'ex-président Y … Le président X``: the former one, the
    present president being named last."""
    text = (
        "L'ex-président Jean Dupuis a donné sa première interview depuis sa condamnation. Le "
        "président Marc Lenoir a répondu aux propos tenus par Dupuis. L'ancien président y "
        "traitait le gouvernement de « fou »."
    )
    assert _speaker_of(text, "fou") == "jean-dupuis"


def test_guard_former_role_written_the_same_way() -> None:
    """Guard (passes before and after): ``l'ancien président X`` taken up as ``l'ancien
    président`` after the present president is named."""
    text = (
        "L'ancien président Jean Dupuis a donné sa première interview depuis sa condamnation. "
        "Le président Marc Lenoir a répondu mardi aux propos tenus par Dupuis. L'ancien "
        "président y traitait le gouvernement de « fou »."
    )
    assert _speaker_of(text, "fou") == "jean-dupuis"


def test_guard_former_role_in_apposition() -> None:
    """Guard: ``X, ancien ministre de la Santé, …`` then ``l'ancien ministre``: X, though
    another person has been named since."""
    text = (
        "Paul Girard, ancien ministre de la Santé, a critiqué la réforme. La députée Claire "
        "Moreau l'a défendue devant l'Assemblée. « Cette réforme est une erreur », a insisté "
        "l'ancien ministre."
    )
    assert _speaker_of(text, "une erreur") == "paul-girard"


def test_inverted_subject_after_channel_and_time_adjuncts() -> None:
    """``», a expliqué dans X Matin, ce mercredi sur RMC et RMC Story, le procureur Y``: a
    subject never takes a preposition, so the inverted subject comes after all the channel and
    time complements set off by commas, not the programme's name."""
    text = (
        '"Le conducteur roulait sans doute trop vite. Il a perdu le contrôle", a expliqué dans '
        "Apolline Matin, ce mercredi sur RMC et RMC Story, le procureur Frédéric Lavaud."
    )
    assert _speaker_of(text, "perdu le contrôle") == "frederic-lavaud"


def test_inverted_subject_after_addressee_and_place() -> None:
    """``», a affirmé jeudi à l'AFP, depuis Bruxelles, la ministre X``: the addressee (the
    agency) and the place are complements; the minister after the comma is the subject."""
    text = (
        "« Nous ne céderons pas », a affirmé jeudi à l'AFP, depuis Bruxelles, la ministre "
        "Claire Moreau."
    )
    assert _speaker_of(text, "Nous ne céderons pas") == "claire-moreau"


def test_guard_channel_then_inverted_subject() -> None:
    """Guard (passes before and after): ``», a expliqué sur France Inter le procureur Y``
    and ``», a déclaré Y, le procureur de Z`` (no complement: the name is the subject)."""
    text = (
        "« Le dossier avance », a expliqué sur France Inter le procureur Frédéric Lavaud. "
        "« Rien n'est exclu », a déclaré Paul Girard, le procureur de Lyon."
    )
    assert _speaker_of(text, "Le dossier avance") == "frederic-lavaud"
    assert _speaker_of(text, "Rien n'est exclu") == "paul-girard"
