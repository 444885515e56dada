"""Over-reaches left by the 2026-11-26 review of the demonym rule, on invented sentences through
the whole French pipeline: a title the knowledge base knows and a name after a demonym."""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context
from allegiance.models import Article

pytestmark = pytest.mark.model


def _analyze(text: str) -> Article:
    return analyze(text, lang="fr", published="2025-03-04", context=default_context())


def _speaker(article: Article, fragment: str) -> str | None:
    quote = next(q for q in article.quotes if fragment in q.text)
    return quote.speaker.entity if quote.speaker is not None else None


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
