"""Over-reaches left by the 2026-11-26 review of the demonym rule, on invented sentences through
the whole French pipeline: a title the knowledge base knows and a name after a demonym."""

from __future__ import annotations

import pytest

from fr_articles import analyze_fr as _analyze
from fr_articles import speaker_id as _speaker

pytestmark = pytest.mark.model


def test_a_known_title_with_its_article_in_lower_case_speaks() -> None:
    """``le Parisien`` in running text is the newspaper, not a demonym nor a place."""
    article = _analyze("Le maire de Valbourg va démissionner, selon le Parisien.")
    assert _speaker(article, "démissionner") == "le-parisien"


def test_an_unknown_title_stays_unknown() -> None:
    """Only a title the knowledge base holds is read so: ``le Valbourgeois`` names nobody."""
    article = _analyze("Le maire va démissionner, selon le Valbourgeois.")
    assert all(e.name != "Le Valbourgeois" for e in article.entities)


def test_a_name_after_a_demonym_is_the_speaker() -> None:
    article = _analyze("« Non, pas question », a dit le Fribourgeois Jean Valmont.")
    assert _speaker(article, "pas question") == "jean-valmont"
    # the same with a role noun, which already worked: the rule changes nothing there
    article = _analyze("« Non, pas question », a dit le ministre Jean Valmont.")
    assert _speaker(article, "pas question") == "jean-valmont"
