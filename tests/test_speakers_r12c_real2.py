"""Round 12 (helper r12c2): speaker rules from realdev2 errors, on invented sentences.

Each test fails on the code before the change; guards (marked so) must not change."""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context

pytestmark = pytest.mark.model


def _speakers(text: str) -> dict[str, str | None]:
    analysis = analyze(text, lang="fr", published="2025-03-04", context=default_context())
    return {q.text: (q.speaker.entity if q.speaker else None) for q in analysis.quotes}


def test_unaccented_head_of_state_role_at_sentence_end() -> None:
    """``le chef de l'Etat vénézuélien.`` (capital without accent, then a new sentence) is
    the country's president, not the parliament's chief named before."""
    got = _speakers(
        "Nicolas Maduro a estimé mardi que Julio Borges, le chef du parlement, devrait être "
        "poursuivi : « Ce que Borges a fait est une violation de la constitution », a insisté "
        "le chef de l'Etat vénézuélien.\nEn trois semaines, la vague de manifestations a fait "
        "cinq morts."
    )
    assert got["Ce que Borges a fait est une violation de la constitution"] == "nicolas-maduro"


def test_manner_complement_before_inverted_subject() -> None:
    """``», a affirmé d'une voix très émue la première secrétaire X``: the subject follows
    the manner complement; not the source quoted before."""
    got = _speakers(
        "Selon un cadre du parti, le résultat est « mauvais ». « Je prends toute la mesure de "
        "notre échec », a affirmé d'une voix très émue la première secrétaire Claire Durand, "
        "qui voit son test s'achever."
    )
    assert got["Je prends toute la mesure de notre échec"] == "claire-durand"


def test_conjoined_quote_sentence_continues_speaker() -> None:
    """``Et « … ».`` after a quote whose incise names the AFP goes on with the speaker."""
    got = _speakers(
        "« Nous avons été choqués par cette lettre », a déclaré le maire Paul Renard à l'AFP. "
        "Et « nous ne savons toujours pas si une sanction a été prise »."
    )
    assert got["nous ne savons toujours pas si une sanction a été prise"] == "paul-renard"


def test_conjoined_guard_other_source() -> None:
    """Guard: a conjoined fragment with its own ``selon`` source keeps that source."""
    got = _speakers(
        "« Nous avons été choqués », a déclaré le maire Paul Renard à l'AFP. Et « le préfet », "
        "selon Marc Olivier, « ne répond pas »."
    )
    assert got["le préfet"] == "marc-olivier"


def test_headline_label_speaker_before_topic() -> None:
    """``Martin sur Dubois : « … »``: the name before ``sur`` speaks, the one after is the
    topic."""
    got = _speakers(
        "Martin sur Dubois : « Quand on a commis une faute, on la reconnaît »\n\n"
        "Le premier secrétaire du parti, Paul Martin, répond à Marc Dubois."
    )
    assert got["Quand on a commis une faute, on la reconnaît"] == "paul-martin"
