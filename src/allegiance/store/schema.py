"""The tables of the store, as SQLAlchemy Core metadata (no ORM: rows are plain dicts).

The analysis JSON (``Article.as_dict()``) is kept whole in ``articles.analysis`` so ``show`` gives
back exactly what was saved; the other tables spread the same facts out so the graph can be
queried across articles (who criticised whom, when) without parsing JSON.

Entity ids in an analysis are article-local slugs; here every row points to a store-wide
``entities.id`` chosen by :class:`~allegiance.store.resolver.EntityResolver` at save time.

The full-text index is not in this metadata: it is backend-specific (an FTS5 table and triggers
on SQLite, a ``tsvector`` column and trigger on PostgreSQL) and is created by the migration.

This module is the schema *now*; the migrations in ``migrations/versions`` are how a database gets
there, and ``tests/test_store.py`` checks the two agree.
"""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
    }
)

_TS = sa.DateTime(timezone=True)


def _fk(target: str, *, cascade: bool = False) -> sa.ForeignKey:
    return sa.ForeignKey(target, ondelete="CASCADE" if cascade else None)


ingest_runs = sa.Table(
    "ingest_runs",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("started_at", _TS, nullable=False),
    sa.Column("finished_at", _TS),
    sa.Column("sources", sa.JSON, nullable=False),
    sa.Column("counts", sa.JSON),
    sa.Column("errors", sa.JSON),
)

ingest_errors = sa.Table(
    "ingest_errors",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("run_id", sa.Integer, _fk("ingest_runs.id", cascade=True), index=True),
    sa.Column("source", sa.Text, nullable=False),
    sa.Column("error", sa.Text, nullable=False),
    sa.Column("created_at", _TS, nullable=False),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("url", sa.Text, index=True),
    sa.Column("canonical_url", sa.Text, index=True),
    sa.Column("content_hash", sa.String(128), nullable=False, unique=True),
    # SimHash of the body, 64 bits stored signed (PostgreSQL has no unsigned bigint), and its four
    # 16-bit bands: two signatures within Hamming distance 3 agree on at least one band
    # (pigeonhole), so an indexed equality on the bands finds every candidate.
    sa.Column("simhash", sa.BigInteger),
    sa.Column("band0", sa.Integer, index=True),
    sa.Column("band1", sa.Integer, index=True),
    sa.Column("band2", sa.Integer, index=True),
    sa.Column("band3", sa.Integer, index=True),
    sa.Column("duplicate_of", sa.Integer, _fk("articles.id"), index=True),
    sa.Column("title", sa.Text),
    sa.Column("published", sa.Date, index=True),
    sa.Column("lang", sa.String(16)),
    sa.Column("outlet", sa.Text),
    sa.Column("body", sa.Text, nullable=False),
    # Space-joined folded lemmas of the body, from the caller's lemmatiser: the full-text index
    # matches the query's lemmas here, so "negociation" finds "négociations".
    sa.Column("lemmas", sa.Text, nullable=False, server_default=""),
    sa.Column("analysis", sa.JSON, nullable=False),
    sa.Column("ingested_at", _TS, nullable=False),
    sa.Column("run_id", sa.Integer, _fk("ingest_runs.id")),
)

article_sources = sa.Table(
    "article_sources",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.Integer, _fk("articles.id", cascade=True), nullable=False),
    sa.Column("url", sa.Text),
    sa.Column("canonical_url", sa.Text, index=True),
    sa.Column("outlet", sa.Text),
    sa.Column("added_at", _TS, nullable=False),
    sa.UniqueConstraint("article_id", "canonical_url"),
)

entities = sa.Table(
    "entities",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kb_id", sa.Text, unique=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("name_key", sa.Text, nullable=False),
    # Folded last name of a full person name: finds "Elon Musk" when an article says "Musk".
    sa.Column("surname_key", sa.Text),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("ticker", sa.Text),
    sa.Column("exchange", sa.Text),
    sa.Column("wikidata", sa.Text),
    sa.Index(None, "type", "name_key"),
    sa.Index(None, "type", "surname_key"),
)

entity_aliases = sa.Table(
    "entity_aliases",
    metadata,
    sa.Column("entity_id", sa.Integer, _fk("entities.id", cascade=True), primary_key=True),
    sa.Column("alias_key", sa.Text, primary_key=True),
    sa.Column("alias", sa.Text, nullable=False),
    sa.Index(None, "alias_key"),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.Integer, _fk("articles.id", cascade=True), nullable=False),
    sa.Column("entity_id", sa.Integer, _fk("entities.id"), nullable=False, index=True),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Index(None, "article_id", "entity_id"),
)

quotes = sa.Table(
    "quotes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.Integer, _fk("articles.id", cascade=True), nullable=False),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("cue_text", sa.Text),
    sa.Column("cue_start", sa.Integer),
    sa.Column("cue_end", sa.Integer),
    sa.Column("speaker_entity_id", sa.Integer, _fk("entities.id"), index=True),
    sa.Column("speaker_name", sa.Text),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.UniqueConstraint("article_id", "idx"),
)

quote_targets = sa.Table(
    "quote_targets",
    metadata,
    sa.Column("quote_id", sa.Integer, _fk("quotes.id", cascade=True), primary_key=True),
    sa.Column("entity_id", sa.Integer, _fk("entities.id"), primary_key=True, index=True),
    sa.Column("stance", sa.Integer, nullable=False),
)

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.Integer, _fk("articles.id", cascade=True), nullable=False),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("type", sa.String(64), nullable=False, index=True),
    sa.Column("weight", sa.Float, nullable=False),
    sa.Column("modality", sa.String(16), nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    # ISO date truncated to its granularity ("2025-01-21", "2024-12", "2018"): sorts as text.
    sa.Column("date", sa.String(10), index=True),
    sa.Column("granularity", sa.String(16)),
    sa.Column("date_is_fallback", sa.Boolean, nullable=False),
    sa.Column("amount_text", sa.Text),
    sa.Column("amount_value", sa.Float),
    sa.Column("amount_currency", sa.String(3)),
    sa.Column("role", sa.Text),
    sa.Column("evidence_text", sa.Text, nullable=False),
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
    sa.Column("quote_idx", sa.Integer),
    sa.UniqueConstraint("article_id", "idx"),
)

event_actors = sa.Table(
    "event_actors",
    metadata,
    sa.Column("event_id", sa.Integer, _fk("events.id", cascade=True), primary_key=True),
    sa.Column("entity_id", sa.Integer, _fk("entities.id"), primary_key=True),
    sa.Column("role", sa.String(8), primary_key=True),  # 'source' | 'target'
    sa.Index(None, "entity_id", "event_id"),
)

states = sa.Table(
    "states",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.Integer, _fk("articles.id", cascade=True), nullable=False),
    sa.Column("idx", sa.Integer, nullable=False),
    sa.Column("type", sa.String(64), nullable=False),
    sa.Column("sign", sa.Integer, nullable=False),
    sa.Column("source_entity_id", sa.Integer, _fk("entities.id"), nullable=False, index=True),
    sa.Column("target_entity_id", sa.Integer, _fk("entities.id"), nullable=False, index=True),
    sa.Column("evidence_text", sa.Text, nullable=False),
    sa.Column("evidence_start", sa.Integer, nullable=False),
    sa.Column("evidence_end", sa.Integer, nullable=False),
    sa.Column("confidence", sa.Float, nullable=False),
    sa.UniqueConstraint("article_id", "idx"),
)

# One row per (report, source, target): what the graph queries read (allegiance.graph), filled
# at save time by ``store.facts`` from the events and quotes above and kept in step by merges and
# splits. A report is an event of an article (``ref`` = its id) or a quote with an entity speaker
# and a ±1 stance target (``ref`` = minus the quote id); ``day`` counts days since 1970-01-01
# (the event's date, else the article's publication date); ``contribution`` is
# weight × modality factor × confidence (``graph.scoring``). Each index holds every column a
# query needs, so a window, an actor or a pair is one index range read without the table.
GRAPH_FACT_COLUMNS = (
    "type",
    "component",
    "amount",
    "contribution",
    "article_id",
    "ref",
    "outlet",
)
graph_facts = sa.Table(
    "graph_facts",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("article_id", sa.Integer, _fk("articles.id", cascade=True), nullable=False),
    sa.Column("day", sa.Integer, nullable=False),
    sa.Column("source_id", sa.Integer, _fk("entities.id"), nullable=False),
    sa.Column("target_id", sa.Integer, _fk("entities.id"), nullable=False),
    sa.Column("type", sa.String(64), nullable=False),
    sa.Column("component", sa.String(8), nullable=False),  # verbal | material
    sa.Column("contribution", sa.Float, nullable=False),
    sa.Column("amount", sa.Float),
    sa.Column("outlet", sa.Text),
    sa.Column("ref", sa.Integer, nullable=False),
    sa.Index(None, "article_id"),
    sa.Index("ix_graph_facts_window", "day", "source_id", "target_id", *GRAPH_FACT_COLUMNS),
    sa.Index("ix_graph_facts_source", "source_id", "target_id", "day", *GRAPH_FACT_COLUMNS),
    sa.Index("ix_graph_facts_target", "target_id", "source_id", "day", *GRAPH_FACT_COLUMNS),
)

# The reports of ``graph_facts`` clustered by week (``day / 7``, the graph's default
# clustering): one row per (source, target, type, component, amount, week) with the cluster's
# mean contribution, first day, reports and distinct articles. Kept in step with ``graph_facts``
# by ``store.facts`` (each save, merge or split recomputes the weeks it touched), so an actor's
# standing over years reads clusters instead of re-clustering hundreds of thousands of reports,
# and a window's graph reads its whole weeks through the ``week`` index (migration 0004).
CLUSTER_DAYS = 7
graph_clusters = sa.Table(
    "graph_clusters",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("source_id", sa.Integer, _fk("entities.id"), nullable=False),
    sa.Column("target_id", sa.Integer, _fk("entities.id"), nullable=False),
    sa.Column("type", sa.String(64), nullable=False),
    sa.Column("component", sa.String(8), nullable=False),
    sa.Column("amount", sa.Float),
    sa.Column("week", sa.Integer, nullable=False),
    sa.Column("day", sa.Integer, nullable=False),
    sa.Column("reports", sa.Integer, nullable=False),
    sa.Column("articles", sa.Integer, nullable=False),
    sa.Column("contribution", sa.Float, nullable=False),
    sa.Column("ref", sa.Integer, nullable=False),
    sa.Index(
        "ix_graph_clusters_source",
        "source_id",
        "week",
        "target_id",
        "component",
        "contribution",
        "day",
        "articles",
    ),
    sa.Index(
        "ix_graph_clusters_target",
        "target_id",
        "week",
        "source_id",
        "component",
        "contribution",
        "day",
        "articles",
    ),
    sa.Index(
        "ix_graph_clusters_week",
        "week",
        "source_id",
        "target_id",
        "component",
        "contribution",
        "day",
    ),
)

corrections = sa.Table(
    "corrections",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),  # 'merge' | 'split'
    sa.Column("payload", sa.JSON, nullable=False),
    sa.Column("created_at", _TS, nullable=False),
)

# Backend-specific search objects are created by the migrations but are not in the metadata:
# Alembic's comparison (autogenerate, and the schema test) must not see them as extra.
SEARCH_OBJECTS = frozenset({"articles_fts", "search_tsv", "ix_articles_search_tsv"})


def include_name(name: str | None, type_: str, parent_names: object) -> bool:
    """Alembic ``include_name`` hook: skip the search index objects (FTS5 shadow tables too)."""
    if name is None:
        return True
    return name not in SEARCH_OBJECTS and not name.startswith("articles_fts_")
