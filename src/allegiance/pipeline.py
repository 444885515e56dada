"""The stages an :class:`~allegiance.models.Article` goes through, in order.

Each stage is registered by name with what it *requires* and what it *provides* (names of
``Article`` fields), as spaCy components are; :func:`check_order` proves at import time that every
stage finds what it needs. A stage is a plain function ``(article, context) -> None`` that fills its
own fields and touches nothing else.

A batch (``analysis.analyze_many``) turns a bad article into a :class:`Failure` and goes on, as
spaCy's per-document error handler does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from allegiance.extract.speaker_ranking import SpeakerRanker
    from allegiance.models import Article
    from allegiance.resolve.kb import KnowledgeBase

StageFn = Callable[["Article", "Context"], None]


@dataclass
class Context:
    """What stages share besides the article: settings and loaded resources."""

    kb: KnowledgeBase
    #: the trained last resort for French quotes the rules leave without a speaker (None: off)
    speaker_ranker: SpeakerRanker | None = None


@dataclass(frozen=True)
class Stage:
    name: str
    fn: StageFn
    requires: tuple[str, ...]
    provides: tuple[str, ...]


STAGES: list[Stage] = []


def stage(name: str, *, requires: Iterable[str] = (), provides: Iterable[str] = ()):  # type: ignore[no-untyped-def]
    """Register a stage function under ``name`` (decorator)."""

    def register(fn: StageFn) -> StageFn:
        STAGES.append(Stage(name, fn, tuple(requires), tuple(provides)))
        return fn

    return register


def check_order(stages: list[Stage], initial: Iterable[str] = ("meta", "raw_text")) -> None:
    """Raise if a stage requires a field no earlier stage provides."""
    available = set(initial)
    for s in stages:
        missing = [r for r in s.requires if r not in available]
        if missing:
            raise RuntimeError(f"stage {s.name!r} requires {missing} before it is provided")
        available.update(s.provides)


def run(article: Article, context: Context, stages: list[Stage] | None = None) -> Article:
    for s in stages if stages is not None else STAGES:
        s.fn(article, context)
    return article


@dataclass
class Failure:
    """A bad article in a batch: where it came from and what was wrong."""

    source: str
    error: str
