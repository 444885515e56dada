"""Quotes found by the real pipeline in an invented body, for the quote, speaker and stance tests.

Each test file keeps its own table of names; what runs them through ``find_quotes`` and picks a
quote or its speaker out lives here once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.analysis import analyze
from allegiance.clean.normalize import normalize_for_nlp
from allegiance.extract.quotes import find_quotes
from allegiance.models import Quote, Speaker
from allegiance.pipeline import Context
from entity_helpers import entities_named

if TYPE_CHECKING:
    from spacy.language import Language


def quotes_of(
    nlp: Language, body: str, names: dict[str, list[str]], lang: str = "fr"
) -> list[Quote]:
    """``find_quotes`` over ``body`` parsed on its normalised form (same offsets), with an
    entity for each name of ``names`` that the body holds."""
    doc = nlp(normalize_for_nlp(body))
    return find_quotes(doc, entities_named(body, names), lang)


def quote_with(quotes: list[Quote], fragment: str) -> Quote:
    """The first quote whose text holds ``fragment``; failing the test when none does."""
    found = [q for q in quotes if fragment in q.text]
    assert found, f"no quote with {fragment!r} in {[q.text for q in quotes]}"
    return found[0]


def speaker_of(
    nlp: Language, body: str, names: dict[str, list[str]], fragment: str, lang: str = "fr"
) -> str | None:
    """The entity id of the speaker of the quote holding ``fragment`` (None: no known speaker)."""
    speaker = quote_with(quotes_of(nlp, body, names, lang), fragment).speaker
    return speaker.entity if speaker is not None else None


def analyzed_quotes(text: str, context: Context) -> list[Quote]:
    """The quotes of the whole pipeline (``analyze``) over an invented French ``text``."""
    return analyze(text, lang="fr", published="2025-03-04", context=context).quotes


def analyzed_speaker(context: Context, text: str, fragment: str) -> Speaker:
    """The speaker of the pipeline's quote holding ``fragment`` in an invented French
    ``text``; failing the test when no quote holds it or the quote has no speaker."""
    quote = find_quote(analyzed_quotes(text, context), fragment)
    assert quote is not None and quote.speaker is not None, fragment
    return quote.speaker


def find_quote(quotes: list[Quote], fragment: str) -> Quote | None:
    """The first quote whose text holds ``fragment``, or None (for tests that a quote is gone)."""
    return next((q for q in quotes if fragment in q.text), None)


def speaker_name(quote: Quote) -> str:
    """The speaker's name or description; empty when the quote has no speaker."""
    return quote.speaker.name if quote.speaker is not None else ""


def speaker_named(quotes: list[Quote], fragment: str) -> str | None:
    """The speaker's name or description of the quote holding ``fragment`` (None: no speaker);
    failing the test when no quote holds it."""
    speaker = quote_with(quotes, fragment).speaker
    return speaker.name if speaker is not None else None
