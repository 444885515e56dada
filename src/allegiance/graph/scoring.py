"""How one fact becomes a signed contribution to an edge, and how that contribution fades.

An event reported by an article contributes ``weight × modality factor × confidence``; a cluster
of reports of the same event (same source, target, type and amount, dates in the same
``cluster_days`` window) contributes the *mean* of its reports once, whatever the number of
articles, and keeps that number as support. The cluster then fades with its age at the end of the
window: ``× 0.5 ** (age_days / half_life_days)``.

The tables here are the whole policy; ``docs/graph.md`` repeats them for users.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta

from allegiance.errors import ConfigError
from allegiance.timeutil import parse_partial_date

# How much a reported fact counts, by the modality the extractor gave it. A negated event did not
# happen; hypothetical and future ones are intentions or threats (they say something about the
# relation, less than deeds); "reported" (selon, allegedly) is second-hand.
MODALITY_FACTOR: dict[str, float] = {
    "asserted": 1.0,
    "historical": 0.8,  # old news retold; the age decay does the rest
    "future": 0.6,
    "reported": 0.5,
    "hypothetical": 0.3,
    "negated": 0.0,
}

# Words versus deeds. Everything not listed as material is verbal (quotes, statements, praise).
MATERIAL_TYPES: frozenset[str] = frozenset(
    {
        "MEET",
        "PARTNER",
        "INVEST",
        "BID",  # an unsolicited offer to buy: money on the table, not words
        "DONATE",
        "APPOINT",
        "CONCEDE",
        "SUE",
        "INVESTIGATE",
        "SANCTION",
        "DISENGAGE",
        "PROTEST",
        "ATTACK",
    }
)
COMPONENTS = ("verbal", "material", "state")

# A quote whose speaker is an entity and whose target has stance ±1 counts as PRAISE / CRITICIZE
# (the ontology's weights), with the extractor's rule for quote-event confidence.
QUOTE_WEIGHT = 0.6
QUOTE_TYPES = {1: "PRAISE", -1: "CRITICIZE"}


def quote_confidence(quote_confidence: float) -> float:
    return 0.4 + 0.4 * quote_confidence


# States asserted by the text (ALLY_OF +, RIVAL_OF −): the ontology's state weight, once per
# (source, target, type) in the window, at the date of the latest article asserting it.
STATE_WEIGHT = 0.8

EPOCH = date(1970, 1, 1)


def day_number(value: date) -> int:
    return (value - EPOCH).days


def from_day(day: int) -> date:
    return EPOCH + timedelta(days=day)


def decay(age_days: float, half_life_days: float) -> float:
    """The share of a contribution left after ``age_days`` (1 for facts at or after the end)."""
    if half_life_days <= 0:
        return 1.0
    return 0.5 ** (max(age_days, 0.0) / half_life_days)


def component_of(event_type: str) -> str:
    return "material" if event_type in MATERIAL_TYPES else "verbal"


@dataclass(frozen=True, slots=True)
class Window:
    """The time window of a query and the scoring settings that go with it.

    ``until`` None: the latest fact in the store (so an old collection does not decay to zero).
    ``since`` None: from the first fact.
    """

    since: date | None = None
    until: date | None = None
    half_life_days: float = 90.0
    cluster_days: int = 7

    def __post_init__(self) -> None:
        if self.since and self.until and self.since > self.until:
            raise ConfigError(f"--since {self.since} is after --until {self.until}")
        if self.cluster_days < 1:
            raise ConfigError("the clustering window must be at least one day")
        if self.half_life_days < 0 or math.isnan(self.half_life_days):
            raise ConfigError("the half-life must be a positive number of days (0: no decay)")


def parse_day(value: str | date | None, what: str = "date") -> date | None:
    """A user-given ISO date (``2025-01``, ``2025`` are the first day of the period)."""
    return parse_partial_date(value, what=what)[0]
