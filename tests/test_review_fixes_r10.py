"""Fixes from the review of the 2026-11-26 rules, each on invented sentences through the whole
French pipeline: the rule stays, its over-reach goes."""

from __future__ import annotations

import pytest

from fr_articles import analyze_fr as _analyze
from fr_articles import speaker_id as _speaker

pytestmark = pytest.mark.model


def test_only_a_portfolio_after_an_office_is_dropped() -> None:
    names = {e.name for e in _analyze("La porte-parole de Valmonde Industries a refusé.").entities}
    assert "Valmonde Industries" in names
    names = {
        e.name for e in _analyze("Le ministre de l'Intérieur a annoncé des renforts.").entities
    }
    assert "Intérieur" not in names


def test_a_person_inside_the_report_is_no_cataphora() -> None:
    article = _analyze(
        "Le maire de Lyon a réagi mardi soir. Il a affirmé que l'arrestation de Paul Durand "
        "était « injuste »."
    )
    assert _speaker(article, "injuste") != "paul-durand"


def test_a_lead_paragraph_first_line_echoes_nothing() -> None:
    """The lead's marked word is no headline echo of the later quote: not Paul Durand's (since
    ``parler de « … »`` is a cue, it is the government's own partial quote)."""
    article = _analyze(
        "Le gouvernement parle d'une réforme « historique ».\n\n« C'est une provocation, pas "
        "une réforme historique », a déclaré Paul Durand."
    )
    lead = [q for q in article.quotes if q.text == "historique"]
    assert lead and lead[0].speaker is not None
    assert lead[0].speaker.entity != "paul-durand"
    assert lead[0].speaker.name.lower() == "le gouvernement"
    article = _analyze(
        "Le gouvernement présente une réforme « historique ».\n\n« C'est une provocation, pas "
        "une réforme historique », a déclaré Paul Durand."
    )
    assert not any(q.text == "historique" for q in article.quotes)


def test_par_ailleurs_is_no_byline() -> None:
    article = _analyze(
        "Par ailleurs, Paul Durand a démissionné.\n« Je pars la tête haute », a-t-il déclaré."
    )
    assert _speaker(article, "tête haute") == "paul-durand"


def test_a_document_someone_reacted_to_is_not_theirs() -> None:
    article = _analyze(
        "« C'est une honte », a réagi Paul Durand après la lecture du communiqué publié par "
        "l'Élysée. Selon le communiqué, la réforme sera « appliquée dès lundi »."
    )
    assert _speaker(article, "appliquée") != "paul-durand"


def test_a_noun_feminine_whatever_the_sex_leaves_a_man_a_man() -> None:
    article = _analyze(
        "Paul Durand, la victime, a porté plainte. Sa voisine est venue. « Je veux la vérité », "
        "a-t-il dit."
    )
    assert _speaker(article, "la vérité") == "paul-durand"
