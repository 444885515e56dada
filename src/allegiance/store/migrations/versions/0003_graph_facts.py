"""The graph's tables: one row per (report, source, target), and those reports clustered by week.

Revision ID: 0003_graph_facts
Revises: 0002_graph_indexes
Create Date: 2025-11-26

Every graph query used to join events, their actors and articles (and quotes, their targets)
on the fly; on a million events the join alone took ~100 ms a month. ``graph_facts`` holds the
result of that join once, with the contribution precomputed, and three covering indexes: by day
(a window), by source then target then day (an actor's or a pair's outgoing reports), by target
then source then day (incoming). Existing stores are backfilled here. The two 0002 indexes only
served the on-the-fly join and are dropped (they cost every insert).

``graph_clusters`` holds the reports clustered by week (the graph's default clustering): an
actor's standing over years reads ~half as many rows, none of them to re-cluster.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from allegiance.store.facts import fill_graph_clusters, fill_graph_facts

revision = "0003_graph_facts"
down_revision: str | None = "0002_graph_indexes"
branch_labels: str | None = None
depends_on: str | None = None

CLUSTER_COVERED = ["component", "contribution", "day", "articles"]
COVERED = ["type", "component", "amount", "contribution", "article_id", "ref", "outlet"]


def upgrade() -> None:
    op.create_table(
        "graph_facts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("article_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=64), nullable=False),
        sa.Column("component", sa.String(length=8), nullable=False),
        sa.Column("contribution", sa.Float(), nullable=False),
        sa.Column("amount", sa.Float(), nullable=True),
        sa.Column("outlet", sa.Text(), nullable=True),
        sa.Column("ref", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["article_id"],
            ["articles.id"],
            name=op.f("fk_graph_facts_article_id_articles"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["source_id"], ["entities.id"], name=op.f("fk_graph_facts_source_id_entities")
        ),
        sa.ForeignKeyConstraint(
            ["target_id"], ["entities.id"], name=op.f("fk_graph_facts_target_id_entities")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_graph_facts")),
    )
    # Backfill before indexing: one bulk insert, then each index built in one pass.
    fill_graph_facts(op.get_bind())
    op.create_index(op.f("ix_graph_facts_article_id"), "graph_facts", ["article_id"], unique=False)
    op.create_index(
        "ix_graph_facts_window", "graph_facts", ["day", "source_id", "target_id", *COVERED]
    )
    op.create_index(
        "ix_graph_facts_source", "graph_facts", ["source_id", "target_id", "day", *COVERED]
    )
    op.create_index(
        "ix_graph_facts_target", "graph_facts", ["target_id", "source_id", "day", *COVERED]
    )
    op.create_table(
        "graph_clusters",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        sa.Column("target_id", sa.Integer(), nullable=False),
        sa.Column("type", sa.String(length=64), nullable=False),
        sa.Column("component", sa.String(length=8), nullable=False),
        sa.Column("amount", sa.Float(), nullable=True),
        sa.Column("week", sa.Integer(), nullable=False),
        sa.Column("day", sa.Integer(), nullable=False),
        sa.Column("reports", sa.Integer(), nullable=False),
        sa.Column("articles", sa.Integer(), nullable=False),
        sa.Column("contribution", sa.Float(), nullable=False),
        sa.Column("ref", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["source_id"], ["entities.id"], name=op.f("fk_graph_clusters_source_id_entities")
        ),
        sa.ForeignKeyConstraint(
            ["target_id"], ["entities.id"], name=op.f("fk_graph_clusters_target_id_entities")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_graph_clusters")),
    )
    fill_graph_clusters(op.get_bind())
    op.create_index(
        "ix_graph_clusters_source",
        "graph_clusters",
        ["source_id", "week", "target_id", *CLUSTER_COVERED],
    )
    op.create_index(
        "ix_graph_clusters_target",
        "graph_clusters",
        ["target_id", "week", "source_id", *CLUSTER_COVERED],
    )
    op.drop_index("ix_events_date_scores", table_name="events")
    op.drop_index("ix_event_actors_entity_id_role_event_id", table_name="event_actors")


def downgrade() -> None:
    op.create_index(
        "ix_event_actors_entity_id_role_event_id",
        "event_actors",
        ["entity_id", "role", "event_id"],
        unique=False,
    )
    op.create_index(
        "ix_events_date_scores",
        "events",
        ["date", "id", "type", "weight", "modality", "confidence", "amount_value", "article_id"],
        unique=False,
    )
    op.drop_table("graph_clusters")
    op.drop_table("graph_facts")
