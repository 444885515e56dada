"""Initial schema: articles and their facts, entities, ingest runs, corrections, search index.

Revision ID: 0001_initial
Revises:
Create Date: 2025-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001_initial"
down_revision: str | None = None
branch_labels: str | None = None
depends_on: str | None = None

# SQLite: an external-content FTS5 index over the articles table, kept in step by triggers.
# unicode61 with remove_diacritics 2 folds accents on both the indexed text and the query.
SQLITE_SEARCH = [
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body, lemmas, content='articles', content_rowid='id',
        tokenize="unicode61 remove_diacritics 2")""",
    """CREATE TRIGGER articles_fts_ai AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, body, lemmas)
        VALUES (new.id, new.title, new.body, new.lemmas);
    END""",
    """CREATE TRIGGER articles_fts_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body, lemmas)
        VALUES ('delete', old.id, old.title, old.body, old.lemmas);
    END""",
    """CREATE TRIGGER articles_fts_au AFTER UPDATE OF title, body, lemmas ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body, lemmas)
        VALUES ('delete', old.id, old.title, old.body, old.lemmas);
        INSERT INTO articles_fts(rowid, title, body, lemmas)
        VALUES (new.id, new.title, new.body, new.lemmas);
    END""",
]

# PostgreSQL: a tsvector column filled by a trigger. Title and body are parsed with the article
# language's configuration (french/english stemming, else simple) after unaccent; the caller's
# lemmas go in unstemmed ('simple'). A generated column cannot be used: unaccent() is not
# IMMUTABLE.
PG_SEARCH = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    "ALTER TABLE articles ADD COLUMN search_tsv tsvector",
    """CREATE FUNCTION allegiance_search_config(lang text) RETURNS regconfig
        LANGUAGE sql IMMUTABLE AS $$
        SELECT CASE lower(split_part(coalesce(lang, ''), '-', 1))
            WHEN 'fr' THEN 'french'::regconfig
            WHEN 'en' THEN 'english'::regconfig
            ELSE 'simple'::regconfig END
    $$""",
    """CREATE FUNCTION articles_search_tsv() RETURNS trigger LANGUAGE plpgsql AS $$
    DECLARE cfg regconfig := allegiance_search_config(NEW.lang);
    BEGIN
        NEW.search_tsv :=
            setweight(to_tsvector(cfg, unaccent(coalesce(NEW.title, ''))), 'A')
            || setweight(to_tsvector(cfg, unaccent(coalesce(NEW.body, ''))), 'B')
            || setweight(to_tsvector('simple', unaccent(coalesce(NEW.lemmas, ''))), 'C');
        RETURN NEW;
    END $$""",
    """CREATE TRIGGER articles_search_tsv BEFORE INSERT OR UPDATE OF title, body, lemmas, lang
        ON articles FOR EACH ROW EXECUTE FUNCTION articles_search_tsv()""",
    "CREATE INDEX ix_articles_search_tsv ON articles USING gin (search_tsv)",
]


def upgrade() -> None:
    op.create_table(
        "corrections",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("payload", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_corrections")),
    )
    op.create_table(
        "entities",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kb_id", sa.Text(), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("name_key", sa.Text(), nullable=False),
        sa.Column("surname_key", sa.Text(), nullable=True),
        sa.Column("type", sa.String(length=16), nullable=False),
        sa.Column("ticker", sa.Text(), nullable=True),
        sa.Column("exchange", sa.Text(), nullable=True),
        sa.Column("wikidata", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_entities")),
        sa.UniqueConstraint("kb_id", name=op.f("uq_entities_kb_id")),
    )
    op.create_index(
        op.f("ix_entities_type_name_key"), "entities", ["type", "name_key"], unique=False
    )
    op.create_index(
        op.f("ix_entities_type_surname_key"), "entities", ["type", "surname_key"], unique=False
    )
    op.create_table(
        "ingest_runs",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("sources", sa.JSON(), nullable=False),
        sa.Column("counts", sa.JSON(), nullable=True),
        sa.Column("errors", sa.JSON(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingest_runs")),
    )
    op.create_table(
        "articles",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("canonical_url", sa.Text(), nullable=True),
        sa.Column("content_hash", sa.String(length=128), nullable=False),
        sa.Column("simhash", sa.BigInteger(), nullable=True),
        sa.Column("band0", sa.Integer(), nullable=True),
        sa.Column("band1", sa.Integer(), nullable=True),
        sa.Column("band2", sa.Integer(), nullable=True),
        sa.Column("band3", sa.Integer(), nullable=True),
        sa.Column("duplicate_of", sa.Integer(), nullable=True),
        sa.Column("title", sa.Text(), nullable=True),
        sa.Column("published", sa.Date(), nullable=True),
        sa.Column("lang", sa.String(length=16), nullable=True),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("lemmas", sa.Text(), server_default="", nullable=False),
        sa.Column("analysis", sa.JSON(), nullable=False),
        sa.Column("ingested_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["duplicate_of"], ["articles.id"], name=op.f("fk_articles_duplicate_of_articles")
        ),
        sa.ForeignKeyConstraint(
            ["run_id"], ["ingest_runs.id"], name=op.f("fk_articles_run_id_ingest_runs")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_articles")),
        sa.UniqueConstraint("content_hash", name=op.f("uq_articles_content_hash")),
    )
    op.create_index(op.f("ix_articles_band0"), "articles", ["band0"], unique=False)
    op.create_index(op.f("ix_articles_band1"), "articles", ["band1"], unique=False)
    op.create_index(op.f("ix_articles_band2"), "articles", ["band2"], unique=False)
    op.create_index(op.f("ix_articles_band3"), "articles", ["band3"], unique=False)
    op.create_index(op.f("ix_articles_canonical_url"), "articles", ["canonical_url"], unique=False)
    op.create_index(op.f("ix_articles_duplicate_of"), "articles", ["duplicate_of"], unique=False)
    op.create_index(op.f("ix_articles_published"), "articles", ["published"], unique=False)
    op.create_index(op.f("ix_articles_url"), "articles", ["url"], unique=False)
    op.create_table(
        "entity_aliases",
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("alias_key", sa.Text(), nullable=False),
        sa.Column("alias", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"],
            ["entities.id"],
            name=op.f("fk_entity_aliases_entity_id_entities"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("entity_id", "alias_key", name=op.f("pk_entity_aliases")),
    )
    op.create_index(
        op.f("ix_entity_aliases_alias_key"), "entity_aliases", ["alias_key"], unique=False
    )
    op.create_table(
        "ingest_errors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("run_id", sa.Integer(), nullable=True),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("error", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["run_id"],
            ["ingest_runs.id"],
            name=op.f("fk_ingest_errors_run_id_ingest_runs"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ingest_errors")),
    )
    op.create_index(op.f("ix_ingest_errors_run_id"), "ingest_errors", ["run_id"], unique=False)
    op.create_table(
        "article_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("canonical_url", sa.Text(), nullable=True),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_article_sources_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_article_sources")),
        sa.UniqueConstraint(
            "article_id", "canonical_url", name=op.f("uq_article_sources_article_id_canonical_url")
        ),
    )
    op.create_index(
        op.f("ix_article_sources_canonical_url"), "article_sources", ["canonical_url"], unique=False
    )
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=64), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("modality", sa.String(length=16), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("date", sa.String(length=10), nullable=True),
        sa.Column("granularity", sa.String(length=16), nullable=True),
        sa.Column("date_is_fallback", sa.Boolean(), nullable=False),
        sa.Column("amount_text", sa.Text(), nullable=True),
        sa.Column("amount_value", sa.Float(), nullable=True),
        sa.Column("amount_currency", sa.String(length=3), nullable=True),
        sa.Column("role", sa.Text(), nullable=True),
        sa.Column("evidence_text", sa.Text(), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("evidence_end", sa.Integer(), nullable=False),
        sa.Column("quote_idx", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_events_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        sa.UniqueConstraint("article_id", "idx", name=op.f("uq_events_article_id_idx")),
    )
    op.create_index(op.f("ix_events_date"), "events", ["date"], unique=False)
    op.create_index(op.f("ix_events_type"), "events", ["type"], unique=False)
    op.create_table(
        "mentions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_mentions_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name=op.f("fk_mentions_entity_id_entities")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_mentions")),
    )
    op.create_index(
        op.f("ix_mentions_article_id_entity_id"),
        "mentions",
        ["article_id", "entity_id"],
        unique=False,
    )
    op.create_index(op.f("ix_mentions_entity_id"), "mentions", ["entity_id"], unique=False)
    op.create_table(
        "quotes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("cue_text", sa.Text(), nullable=True),
        sa.Column("cue_start", sa.Integer(), nullable=True),
        sa.Column("cue_end", sa.Integer(), nullable=True),
        sa.Column("speaker_entity_id", sa.Integer(), nullable=True),
        sa.Column("speaker_name", sa.Text(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_quotes_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["speaker_entity_id"],
            ["entities.id"],
            name=op.f("fk_quotes_speaker_entity_id_entities"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_quotes")),
        sa.UniqueConstraint("article_id", "idx", name=op.f("uq_quotes_article_id_idx")),
    )
    op.create_index(
        op.f("ix_quotes_speaker_entity_id"), "quotes", ["speaker_entity_id"], unique=False
    )
    op.create_table(
        "states",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("idx", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=64), nullable=False),
        sa.Column("sign", sa.Integer(), nullable=False),
        sa.Column("source_entity_id", sa.Integer(), nullable=False),
        sa.Column("target_entity_id", sa.Integer(), nullable=False),
        sa.Column("evidence_text", sa.Text(), nullable=False),
        sa.Column("evidence_start", sa.Integer(), nullable=False),
        sa.Column("evidence_end", sa.Integer(), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_states_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_entity_id"], ["entities.id"], name=op.f("fk_states_source_entity_id_entities")
        ),
        sa.ForeignKeyConstraint(
            ["target_entity_id"], ["entities.id"], name=op.f("fk_states_target_entity_id_entities")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_states")),
        sa.UniqueConstraint("article_id", "idx", name=op.f("uq_states_article_id_idx")),
    )
    op.create_index(
        op.f("ix_states_source_entity_id"), "states", ["source_entity_id"], unique=False
    )
    op.create_index(
        op.f("ix_states_target_entity_id"), "states", ["target_entity_id"], unique=False
    )
    op.create_table(
        "event_actors",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("role", sa.String(length=8), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name=op.f("fk_event_actors_entity_id_entities")
        ),
        sa.ForeignKeyConstraint(
            ["event_id"],
            ["events.id"],
            name=op.f("fk_event_actors_event_id_events"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("event_id", "entity_id", "role", name=op.f("pk_event_actors")),
    )
    op.create_index(
        op.f("ix_event_actors_entity_id_event_id"),
        "event_actors",
        ["entity_id", "event_id"],
        unique=False,
    )
    op.create_table(
        "quote_targets",
        sa.Column("quote_id", sa.Integer(), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=False),
        sa.Column("stance", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["entity_id"], ["entities.id"], name=op.f("fk_quote_targets_entity_id_entities")
        ),
        sa.ForeignKeyConstraint(
            ["quote_id"],
            ["quotes.id"],
            name=op.f("fk_quote_targets_quote_id_quotes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("quote_id", "entity_id", name=op.f("pk_quote_targets")),
    )
    op.create_index(
        op.f("ix_quote_targets_entity_id"), "quote_targets", ["entity_id"], unique=False
    )

    dialect = op.get_bind().dialect.name
    for statement in SQLITE_SEARCH if dialect == "sqlite" else PG_SEARCH:
        op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "sqlite":
        op.execute("DROP TABLE IF EXISTS articles_fts")  # its triggers go with the articles table
    else:
        op.execute("DROP TRIGGER IF EXISTS articles_search_tsv ON articles")
        op.execute("DROP FUNCTION IF EXISTS articles_search_tsv()")
        op.execute("DROP FUNCTION IF EXISTS allegiance_search_config(text)")
    for table in (
        "quote_targets",
        "event_actors",
        "states",
        "quotes",
        "events",
        "mentions",
        "article_sources",
        "ingest_errors",
        "entity_aliases",
        "articles",
        "ingest_runs",
        "entities",
        "corrections",
    ):
        op.drop_table(table)
