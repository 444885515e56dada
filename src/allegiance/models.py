"""The records Allegiance produces, and the one :class:`Article` that carries them through the stages.

Every offset (``start``, ``end``) is a character offset into :attr:`Article.body`, the clean text,
so ``article.body[m.start:m.end] == m.text`` holds for every span we report. ``as_dict()`` gives the
documented JSON contract (``docs/json-contract.md``, schema ``allegiance.analysis/1``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # spaCy is heavy; the records themselves do not need it
    from spacy.tokens import Doc

SCHEMA = "allegiance.analysis/1"

EntityType = Literal["person", "organization", "location", "other"]
Granularity = Literal["day", "week", "month", "quarter", "year", "decade"]
QuoteKind = Literal["direct", "partial", "indirect"]
Modality = Literal["asserted", "negated", "future", "hypothetical", "reported", "historical"]


@dataclass(slots=True)
class Span:
    """A piece of the clean body."""

    text: str
    start: int
    end: int


@dataclass(slots=True)
class Removed:
    """A piece of the input that is not article text, and why we dropped it.

    ``start``/``end`` are offsets into the text *before* cleaning (``Article.raw_text``).
    """

    text: str
    reason: str
    start: int = -1
    end: int = -1


@dataclass(slots=True)
class Mention:
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Entity:
    """One real-world actor as seen in one article (all its mentions resolved to it)."""

    id: str  # stable slug, e.g. "elon-musk"; the knowledge-base key when known
    name: str  # canonical name
    type: EntityType
    mentions: list[Mention] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)  # surface forms seen, canonical name excluded
    relevance: float = 0.0
    ticker: str | None = None
    exchange: str | None = None
    wikidata: str | None = None
    kb: bool = False  # True when the identity comes from the knowledge base


@dataclass(slots=True)
class Amount:
    text: str
    start: int
    end: int
    value: float
    currency: str  # ISO 4217


@dataclass(slots=True)
class DateMention:
    text: str
    start: int
    end: int
    date: str | None  # ISO, truncated to the granularity: "2025-01-21", "2024-12", "2018"
    granularity: Granularity | None


@dataclass(slots=True)
class Speaker:
    entity: str | None  # Entity.id, or None for an unnamed source ("un porte-parole")
    name: str  # canonical name, or the description of an unnamed source
    mention: Span | None  # the words in the text that name the speaker (a pronoun included)


@dataclass(slots=True)
class Target:
    entity: str  # Entity.id
    stance: int  # +1 supportive, -1 hostile, 0 neither


@dataclass(slots=True)
class Quote:
    text: str
    start: int
    end: int
    kind: QuoteKind
    cue: Span | None = None
    speaker: Speaker | None = None
    about: list[Target] = field(default_factory=list)
    confidence: float = 0.5


@dataclass(slots=True)
class Event:
    type: str  # ontology type, e.g. "CRITICIZE" (docs/ontology.md)
    weight: float  # signed, in [-1, 1]
    source: list[str]  # Entity.id
    target: list[str]
    evidence: Span
    amount: Amount | None = None
    role: str | None = None  # role of the amount: invested, pledged, donated, claimed …
    date: str | None = None
    granularity: Granularity | None = None
    date_is_fallback: bool = (
        False  # True when the date is the publication date, not read in the text
    )
    modality: Modality = "asserted"
    confidence: float = 0.5
    quote: int | None = None  # index into Article.quotes when the event comes from a quote


@dataclass(slots=True)
class State:
    """A durable relation asserted by the text: ALLY_OF (+), RIVAL_OF (-), CEO_OF, OWNS …"""

    type: str
    sign: int
    source: str
    target: str
    evidence: Span
    confidence: float = 0.5
    former: bool = False  # "ancien conseiller de Trump": the role is over


@dataclass(slots=True)
class ArticleMeta:
    id: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    published_precision: Granularity | None = None  # "month" when only "2025-02" is known
    lang: str | None = None
    source: str | None = None  # the outlet
    author: str | None = None
    path: str | None = None  # file the article was read from, if any

    @property
    def published_iso(self) -> str | None:
        """The publication date as known: "2025-01-24", or "2025-01" when only the month is."""
        return _partial(self.published, self.published_precision)


def _partial(when: date | None, precision: str | None) -> str | None:
    if when is None:
        return None
    text = when.isoformat()
    return text[:7] if precision == "month" else text[:4] if precision == "year" else text


@dataclass
class Article:
    """One article on its way through the pipeline; each stage fills its own fields."""

    meta: ArticleMeta
    raw_text: str  # the text before boilerplate removal (HTML already turned into text)
    body: str = ""  # the clean text; every offset points into it
    removed: list[Removed] = field(default_factory=list)
    doc: Doc | None = None  # the spaCy Doc over the normalised body (same length, same offsets)
    entities: list[Entity] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    states: list[State] = field(default_factory=list)

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def as_dict(self) -> dict[str, Any]:
        meta = self.meta
        return {
            "schema": SCHEMA,
            "article": {
                "id": meta.id,
                "title": meta.title,
                "url": meta.url,
                "published": meta.published_iso,
                "lang": meta.lang,
                "source": meta.source,
                "author": meta.author,
            },
            "body": self.body,
            "removed": [{"text": r.text, "reason": r.reason} for r in self.removed],
            "entities": [
                {
                    "id": e.id,
                    "name": e.name,
                    "type": e.type,
                    "ticker": e.ticker,
                    "exchange": e.exchange,
                    "wikidata": e.wikidata,
                    "kb": e.kb,
                    "aliases": list(e.aliases),
                    "relevance": round(e.relevance, 4),
                    "mentions": [asdict(m) for m in e.mentions],
                }
                for e in self.entities
            ],
            "amounts": [asdict(a) for a in self.amounts],
            "dates": [asdict(d) for d in self.dates],
            "quotes": [asdict(q) for q in self.quotes],
            "events": [asdict(ev) for ev in self.events],
            "states": [asdict(s) for s in self.states],
        }
