"""Fixtures and hand-made analyses for the store tests, on SQLite and on PostgreSQL.

``BACKENDS`` parametrises a fixture over both backends; the PostgreSQL case runs when
``ALLEGIANCE_TEST_PG`` names a server (``eval "$(scripts/pg_test_server.sh)"`` starts one) and is
skipped otherwise. The PostgreSQL database is wiped before every test: use a throwaway one.

Analyses are built with the real records (``models.Article(...).as_dict()``) so they have the
exact shape of the JSON contract; mentions are found in the invented body by their text.
"""

from __future__ import annotations

import os
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from allegiance.models import (
    Article,
    ArticleMeta,
    Entity,
    Event,
    Mention,
    Quote,
    Span,
    Speaker,
    State,
    Target,
)

PG_ENV = "ALLEGIANCE_TEST_PG"
NO_PG = f'{PG_ENV} is not set: start a server with `eval "$(scripts/pg_test_server.sh)"`'


def pg_url() -> str | None:
    return os.environ.get(PG_ENV) or None


def reset_pg(url: str) -> None:
    """Empty the test database (schema, extension and all), as a fresh server would be."""
    engine = sa.create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


def backend_url(backend: str, tmp_path: Path) -> str:
    if backend == "sqlite":
        return str(tmp_path / "store.sqlite")
    url = pg_url()
    if url is None:
        pytest.skip(NO_PG)
    reset_pg(url)
    return url


# Parameters for a fixture over both backends (see tests/test_store.py).
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


# -- hand-made analyses ---------------------------------------------------------------------


def span(body: str, text: str, nth: int = 0) -> Span:
    starts = [m.start() for m in re.finditer(re.escape(text), body)]
    return Span(text, starts[nth], starts[nth] + len(text))


def entity(
    body: str,
    entity_id: str,
    name: str,
    type_: str = "person",
    forms: tuple[str, ...] = (),
    **extra: Any,
) -> Entity:
    """An entity with a mention at every occurrence of each form (default: the name)."""
    mentions = [
        Mention(form, m.start(), m.end())
        for form in forms or (name,)
        for m in re.finditer(r"\b" + re.escape(form) + r"\b", body)
        # "Musk" inside "Elon Musk" is part of the longer name, not a mention of its own
        if " " in form or not re.search(r"\b[A-Z]\w+ $", body[: m.start()])
    ]
    mentions.sort(key=lambda m: m.start)
    aliases = [f for f in forms if f != name]
    return Entity(entity_id, name, type_, mentions, aliases, 0.5, **extra)  # type: ignore[arg-type]


def analysis(
    body: str,
    entities: list[Entity],
    *,
    title: str = "Un titre",
    lang: str = "fr",
    published: date | None = date(2025, 1, 21),
    url: str | None = None,
    source: str | None = "Le Journal",
    quotes: list[Quote] | None = None,
    events: list[Event] | None = None,
    states: list[State] | None = None,
) -> dict[str, Any]:
    meta = ArticleMeta(id="a1", title=title, url=url, published=published, lang=lang, source=source)
    article = Article(
        meta,
        raw_text=body,
        body=body,
        entities=entities,
        quotes=quotes or [],
        events=events or [],
        states=states or [],
    )
    out = article.as_dict()
    # The lead adds "kb" to as_dict; until then, carry it over from the records.
    for record, data in zip(entities, out["entities"], strict=True):
        data.setdefault("kb", record.kb)
    return out


MUSK_BODY = (
    "Elon Musk a critiqué OpenAI lundi. « OpenAI est devenu une filiale de Microsoft », "
    "a déclaré Musk. Les négociations avec Sam Altman ont échoué."
)


def musk_analysis(
    url: str | None = "https://example.org/musk-openai?utm_source=x",
) -> dict[str, Any]:
    """A small article with every kind of fact: mentions, a quote, an event, a state."""
    body = MUSK_BODY
    musk = entity(body, "elon-musk", "Elon Musk", forms=("Elon Musk", "Musk"), kb=True)
    openai = entity(body, "openai", "OpenAI", "organization", kb=True, wikidata="Q21708200")
    microsoft = entity(body, "microsoft", "Microsoft", "organization", ticker="MSFT")
    altman = entity(body, "sam-altman", "Sam Altman")
    quote_span = span(body, "OpenAI est devenu une filiale de Microsoft")
    quote = Quote(
        quote_span.text,
        quote_span.start,
        quote_span.end,
        "direct",
        cue=span(body, "a déclaré"),
        speaker=Speaker("elon-musk", "Elon Musk", span(body, "Musk", 1)),
        about=[Target("openai", -1), Target("microsoft", 0)],
        confidence=0.9,
    )
    event = Event(
        "CRITICIZE",
        -0.6,
        ["elon-musk"],
        ["openai"],
        span(body, "Elon Musk a critiqué OpenAI"),
        date="2025-01-20",
        granularity="day",
        confidence=0.8,
        quote=None,
    )
    state = State("RIVAL_OF", -1, "elon-musk", "sam-altman", span(body, "Les négociations"), 0.6)
    return analysis(
        body,
        [musk, openai, microsoft, altman],
        title="Musk contre OpenAI",
        url=url,
        quotes=[quote],
        events=[event],
        states=[state],
    )


MUSK_LEMMAS = (
    "elon musk critiquer openai lundi openai devenir filiale microsoft déclarer musk "
    "le négociation avec sam altman avoir échouer"
)
