"""User corrections of entity resolution: merge two entities, split a surface form off one.

Each correction changes the rows already stored *and* is recorded in ``corrections``, so the
resolver applies it again to every article saved later (re-ingestion included): the merged-away
KB id and name lead to the kept entity, and the split-off form goes to the new entity.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from allegiance.errors import NotFoundError, StoreError
from allegiance.store import schema as t
from allegiance.store.facts import refresh_graph_facts
from allegiance.store.keys import name_key, surname_of_full_name
from allegiance.store.resolver import add_aliases


def _entity(conn: sa.Connection, entity_id: int) -> sa.RowMapping:
    row = conn.execute(sa.select(t.entities).where(t.entities.c.id == entity_id)).mappings().first()
    if row is None:
        raise NotFoundError(f"no entity with id {entity_id}")
    return row


def _record(conn: sa.Connection, kind: str, payload: dict[str, Any]) -> None:
    conn.execute(
        t.corrections.insert(),
        {"kind": kind, "payload": payload, "created_at": datetime.now(UTC)},
    )


def _repoint(conn: sa.Connection, old: int, new: int, article_ids: list[int] | None) -> None:
    """Make every fact about entity ``old`` (in ``article_ids``, or all) point to ``new``."""

    def scoped(table: sa.Table, stmt: Any) -> Any:
        return stmt if article_ids is None else stmt.where(table.c.article_id.in_(article_ids))

    # The graph's reports naming ``old`` are rebuilt from the repointed rows afterwards: a
    # report can become a self-loop (dropped) or a duplicate of one ``new`` already had.
    gf = t.graph_facts.c
    reports = sa.select(gf.article_id).where(sa.or_(gf.source_id == old, gf.target_id == old))
    touched = set(conn.scalars(scoped(t.graph_facts, reports.distinct())))

    q, ev = t.quotes.c, t.events.c
    conn.execute(
        scoped(t.quotes, t.quotes.update().where(q.speaker_entity_id == old)).values(
            speaker_entity_id=new
        )
    )
    for col in ("source_entity_id", "target_entity_id"):
        conn.execute(
            scoped(t.states, t.states.update().where(t.states.c[col] == old)).values({col: new})
        )
    qt, ea = t.quote_targets, t.event_actors
    in_quotes: sa.ColumnElement[bool] = sa.true()
    in_events: sa.ColumnElement[bool] = sa.true()
    if article_ids is not None:
        in_quotes = qt.c.quote_id.in_(sa.select(q.id).where(q.article_id.in_(article_ids)))
        in_events = ea.c.event_id.in_(sa.select(ev.id).where(ev.article_id.in_(article_ids)))
    # Link tables have composite keys: drop a row that would duplicate one ``new`` already has.
    dup_quotes = sa.select(qt.c.quote_id).where(qt.c.entity_id == new).scalar_subquery()
    conn.execute(qt.delete().where(qt.c.entity_id == old, qt.c.quote_id.in_(dup_quotes), in_quotes))
    conn.execute(qt.update().where(qt.c.entity_id == old, in_quotes).values(entity_id=new))
    for role in ("source", "target"):
        dup = sa.select(ea.c.event_id).where(ea.c.entity_id == new, ea.c.role == role)
        conn.execute(
            ea.delete().where(
                ea.c.entity_id == old,
                ea.c.role == role,
                ea.c.event_id.in_(dup.scalar_subquery()),
                in_events,
            )
        )
    conn.execute(ea.update().where(ea.c.entity_id == old, in_events).values(entity_id=new))
    if touched:
        refresh_graph_facts(conn, touched)


def merge_entities(conn: sa.Connection, keep_id: int, other_id: int) -> None:
    """Fold entity ``other_id`` into ``keep_id``: its facts, names and KB id go to ``keep_id``."""
    if keep_id == other_id:
        raise StoreError("cannot merge an entity with itself")
    keep, other = _entity(conn, keep_id), _entity(conn, other_id)
    e = t.entities.c
    conn.execute(
        t.mentions.update().where(t.mentions.c.entity_id == other_id).values(entity_id=keep_id)
    )
    _repoint(conn, other_id, keep_id, None)
    other_aliases = list(
        conn.scalars(
            sa.select(t.entity_aliases.c.alias).where(t.entity_aliases.c.entity_id == other_id)
        )
    )
    conn.execute(t.entities.delete().where(e.id == other_id))  # frees its unique kb_id
    updates = {
        col: other[col]
        for col in ("kb_id", "ticker", "exchange", "wikidata")
        if keep[col] is None and other[col] is not None
    }
    if updates:
        conn.execute(t.entities.update().where(e.id == keep_id).values(**updates))
    add_aliases(conn, keep_id, [other["name"], *other_aliases], blocked=[keep["name_key"]])
    _record(
        conn,
        "merge",
        {
            "keep": keep_id,
            "other": other_id,
            "keep_name": keep["name"],
            "other_name": other["name"],
            "other_name_key": other["name_key"],
            "other_type": other["type"],
            "other_kb_id": other["kb_id"],
        },
    )


def split_entity(conn: sa.Connection, entity_id: int, alias: str) -> int:
    """Give the surface form ``alias`` of an entity an entity of its own; return the new id.

    Mentions written that way move to the new entity; in articles where the old entity is left
    with no mention at all, its quotes, events and states move too.
    """
    entity = _entity(conn, entity_id)
    key = name_key(alias)
    if key == entity["name_key"]:
        raise StoreError(f"{alias!r} is the canonical name of entity {entity_id}: nothing to split")
    m = t.mentions.c
    moved = [
        (row.id, row.article_id)
        for row in conn.execute(
            sa.select(m.id, m.article_id, m.text).where(m.entity_id == entity_id)
        )
        if name_key(row.text) == key
    ]
    a = t.entity_aliases.c
    known = conn.scalar(sa.select(a.alias).where(a.entity_id == entity_id, a.alias_key == key))
    if not moved and known is None:
        raise NotFoundError(f"entity {entity_id} ({entity['name']}) has no alias {alias!r}")
    new_name = known or alias
    new_id = int(
        conn.execute(
            t.entities.insert().returning(t.entities.c.id),
            {
                "name": new_name,
                "name_key": key,
                "surname_key": surname_of_full_name(new_name)
                if entity["type"] == "person"
                else None,
                "type": entity["type"],
            },
        ).scalar_one()
    )
    if moved:
        conn.execute(
            t.mentions.update().where(m.id.in_([i for i, _ in moved])).values(entity_id=new_id)
        )
    touched = sorted({article for _, article in moved})
    still = set(
        conn.scalars(
            sa.select(m.article_id).where(m.entity_id == entity_id, m.article_id.in_(touched))
        )
    )
    emptied = [article for article in touched if article not in still]
    if emptied:
        _repoint(conn, entity_id, new_id, emptied)
    conn.execute(t.entity_aliases.delete().where(a.entity_id == entity_id, a.alias_key == key))
    _record(
        conn,
        "split",
        {"entity": entity_id, "alias": new_name, "alias_key": key, "new": new_id},
    )
    return new_id
