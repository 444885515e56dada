"""Indexes for the graph queries (allegiance.graph): an actor's events by role, events by date.

Revision ID: 0002_graph_indexes
Revises: 0001_initial
Create Date: 2025-11-26

* ``event_actors (entity_id, role, event_id)``: ``allies X``, ``relation A B`` and ``timeline X``
  start from one actor's rows as source (or as target); with the role in the key that is one
  index range, and the event ids come from the index itself.
* ``events (date, id, type, weight, modality, confidence, amount_value, article_id)``: a window's
  events read from the index alone (SQLite otherwise visits each table row, evidence text and
  all, for six numbers).
"""

from __future__ import annotations

from alembic import op

revision = "0002_graph_indexes"
down_revision: str | None = "0001_initial"
branch_labels: str | None = None
depends_on: str | None = None

EVENT_COLUMNS = [
    "date",
    "id",
    "type",
    "weight",
    "modality",
    "confidence",
    "amount_value",
    "article_id",
]


def upgrade() -> None:
    op.create_index(
        "ix_event_actors_entity_id_role_event_id",
        "event_actors",
        ["entity_id", "role", "event_id"],
        unique=False,
    )
    op.create_index("ix_events_date_scores", "events", EVENT_COLUMNS, unique=False)


def downgrade() -> None:
    op.drop_index("ix_events_date_scores", table_name="events")
    op.drop_index("ix_event_actors_entity_id_role_event_id", table_name="event_actors")
