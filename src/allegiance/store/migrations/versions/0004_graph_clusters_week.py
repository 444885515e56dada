"""The weekly clusters by week: a window's graph reads its whole weeks already clustered.

Revision ID: 0004_graph_clusters_week
Revises: 0003_graph_facts
Create Date: 2025-11-26

``graph`` for a window used to cluster every report of the window (a GROUP BY on source,
target, type, component, amount and week: a sort of ~45,000 rows for a month of a
million-event store, the dearest step of the query). ``graph_clusters`` already holds those
clusters for every whole week, but its two indexes start with an actor. This one starts with
the week and covers what an edge's score needs (source, target, component, mean contribution,
first day), so the whole weeks of a window are one index range read without the table; only
the odd days at both ends of the window are clustered at query time.
"""

from __future__ import annotations

from alembic import op

revision = "0004_graph_clusters_week"
down_revision: str | None = "0003_graph_facts"
branch_labels: str | None = None
depends_on: str | None = None

COLUMNS = ["week", "source_id", "target_id", "component", "contribution", "day"]


def upgrade() -> None:
    op.create_index("ix_graph_clusters_week", "graph_clusters", COLUMNS, unique=False)


def downgrade() -> None:
    op.drop_index("ix_graph_clusters_week", table_name="graph_clusters")
