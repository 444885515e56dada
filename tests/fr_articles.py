"""Shared helpers for tests that run invented French passages through the whole pipeline."""

from __future__ import annotations

from allegiance.analysis import analyze, default_context
from allegiance.models import Article

PUBLISHED = "2025-03-04"


def analyze_fr(text: str) -> Article:
    """The article for an invented French passage, published on :data:`PUBLISHED`."""
    return analyze(text, lang="fr", published=PUBLISHED, context=default_context())


def speaker_id(article: Article, fragment: str) -> str | None:
    """The speaker entity of the first quote holding ``fragment`` (StopIteration if none)."""
    quote = next(q for q in article.quotes if fragment in q.text)
    return quote.speaker.entity if quote.speaker is not None else None


def quotes_of(text: str) -> list[tuple[str, str, str | None]]:
    """``(kind, text, speaker name)`` of each quote of an invented French passage."""
    article = analyze_fr(text)
    return [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in article.quotes]
