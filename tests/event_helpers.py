"""Events found by the real pipeline in an invented text, for the events and relations tests.

Each test file keeps its own actor table and publication date; what runs them through
``find_events`` (and the few amounts the sentences carry) lives here once.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from allegiance.clean.normalize import normalize_for_nlp
from allegiance.extract.events import find_events
from allegiance.models import Amount, DateMention, Event, Quote, State
from entity_helpers import ActorTable, entities_from_table

if TYPE_CHECKING:
    from spacy.language import Language

#: "$5 billion" and "5 milliards de dollars": group 1 is the number of billions
BILLIONS_EN = r"\$(\d+) billion"
BILLIONS_FR = r"(\d+) milliards de dollars"

#: the cast of the English and precision tests (each other file keeps its own, different table)
TECH_ACTORS: ActorTable = {
    "elon-musk": ("Elon Musk", "person", ["Elon Musk", "Musk"]),
    "sam-altman": ("Sam Altman", "person", ["Sam Altman", "Altman"]),
    "donald-trump": ("Donald Trump", "person", ["Donald Trump", "Trump"]),
    "openai": ("OpenAI", "organization", ["OpenAI"]),
    "tesla": ("Tesla", "organization", ["Tesla"]),
    "microsoft": ("Microsoft", "organization", ["Microsoft"]),
}


def usd_billions(text: str, pattern: str) -> list[Amount]:
    """Every sum of ``pattern`` in ``text`` as an Amount in US dollars (the sentences are
    invented, so two patterns stand in for the amount extractor)."""
    return [
        Amount(m.group(0), m.start(), m.end(), float(m.group(1)) * 1e9, "USD")
        for m in re.finditer(pattern, text)
    ]


def events_in(
    nlp: Language,
    text: str,
    actors: ActorTable,
    lang: str,
    published: date,
    quotes: list[Quote] | None = None,
    amounts: list[Amount] | None = None,
    dates: list[DateMention] | None = None,
) -> tuple[list[Event], list[State]]:
    """``find_events`` over ``text`` parsed on its normalised form (same offsets), with the
    actors of ``actors`` that the text names."""
    doc = nlp(normalize_for_nlp(text))
    return find_events(
        doc,
        entities_from_table(text, actors),
        quotes or [],
        amounts or [],
        dates or [],
        lang,
        published,
        body=text,
    )


def pairs(events: list[Event]) -> set[tuple[str, str, str, str]]:
    """(type, source, target, modality) for every source and target of every event."""
    return {(e.type, s, t, e.modality) for e in events for s in e.source for t in e.target}
