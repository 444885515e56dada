"""Writing the facts of one analysis: mentions, quotes and their targets, events, states.

Article-local entity ids are turned into store ids through the resolver's answer; a fact naming an
entity the analysis lacks is an error (the caller's transaction then stores nothing).

The graph's narrow table (``graph_facts``: one row per report, source and target) is derived
from the rows just written by one INSERT … SELECT (:func:`fill_graph_facts`): the same statement
rebuilds it for the articles a merge or split touched, or for a whole store, so the three ways
in can never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from allegiance.errors import StoreError
from allegiance.graph.scoring import MATERIAL_TYPES, MODALITY_FACTOR
from allegiance.store import schema as t
from allegiance.store.resolver import Resolved


def save_facts(
    conn: sa.Connection,
    article_id: int,
    analysis: Mapping[str, Any],
    resolved: dict[str, Resolved],
) -> None:
    def entity_id(local: str, what: str) -> int:
        if local not in resolved:
            raise StoreError(f"{what} refers to entity {local!r}, which the analysis lacks")
        return resolved[local].entity_id

    mention_rows = [
        {
            "article_id": article_id,
            "entity_id": resolved[e["id"]].for_mention(m["text"]),
            "text": m["text"],
            "start": m["start"],
            "end": m["end"],
        }
        for e in analysis["entities"]
        for m in e["mentions"]
    ]
    if mention_rows:
        conn.execute(t.mentions.insert(), mention_rows)

    quote_rows, targets = [], []
    for idx, q in enumerate(analysis["quotes"]):
        speaker, cue = q.get("speaker") or {}, q.get("cue") or {}
        speaker_id = None
        if speaker.get("entity"):
            speaker_id = entity_id(speaker["entity"], f"quote {idx} speaker")
            if speaker.get("mention"):
                speaker_id = resolved[speaker["entity"]].for_mention(speaker["mention"]["text"])
        quote_rows.append(
            {
                "article_id": article_id,
                "idx": idx,
                "text": q["text"],
                "start": q["start"],
                "end": q["end"],
                "kind": q["kind"],
                "cue_text": cue.get("text"),
                "cue_start": cue.get("start"),
                "cue_end": cue.get("end"),
                "speaker_entity_id": speaker_id,
                "speaker_name": speaker.get("name"),
                "confidence": q.get("confidence", 0.5),
            }
        )
        stances: dict[int, int] = {}
        for target in q.get("about", []):
            stances.setdefault(entity_id(target["entity"], f"quote {idx}"), target["stance"])
        targets.append(stances)
    if quote_rows:
        ids = conn.execute(
            t.quotes.insert().returning(t.quotes.c.id, sort_by_parameter_order=True), quote_rows
        ).scalars()
        link = [
            {"quote_id": qid, "entity_id": ent, "stance": stance}
            for qid, stances in zip(ids, targets, strict=True)
            for ent, stance in stances.items()
        ]
        if link:
            conn.execute(t.quote_targets.insert(), link)

    event_rows, actors = [], []
    for idx, ev in enumerate(analysis["events"]):
        amount, evidence = ev.get("amount") or {}, ev["evidence"]
        event_rows.append(
            {
                "article_id": article_id,
                "idx": idx,
                "type": ev["type"],
                "weight": ev["weight"],
                "modality": ev.get("modality", "asserted"),
                "confidence": ev.get("confidence", 0.5),
                "date": ev.get("date"),
                "granularity": ev.get("granularity"),
                "date_is_fallback": bool(ev.get("date_is_fallback", False)),
                "amount_text": amount.get("text"),
                "amount_value": amount.get("value"),
                "amount_currency": amount.get("currency"),
                "role": ev.get("role"),
                "evidence_text": evidence["text"],
                "evidence_start": evidence["start"],
                "evidence_end": evidence["end"],
                "quote_idx": ev.get("quote"),
            }
        )
        actors.append(
            {
                (entity_id(local, f"event {idx}"), role)
                for role in ("source", "target")
                for local in ev[role]
            }
        )
    if event_rows:
        ids = conn.execute(
            t.events.insert().returning(t.events.c.id, sort_by_parameter_order=True), event_rows
        ).scalars()
        link = [
            {"event_id": eid, "entity_id": ent, "role": role}
            for eid, pairs in zip(ids, actors, strict=True)
            for ent, role in sorted(pairs)
        ]
        if link:
            conn.execute(t.event_actors.insert(), link)

    state_rows = [
        {
            "article_id": article_id,
            "idx": idx,
            "type": s["type"],
            # a former alliance ("ancien allié") says nothing of where the two stand now: it is
            # kept (with its evidence, and in the stored analysis) but carries no sign in the graph
            "sign": 0 if s.get("former") else s["sign"],
            "source_entity_id": entity_id(s["source"], f"state {idx}"),
            "target_entity_id": entity_id(s["target"], f"state {idx}"),
            "evidence_text": s["evidence"]["text"],
            "evidence_start": s["evidence"]["start"],
            "evidence_end": s["evidence"]["end"],
            "confidence": s.get("confidence", 0.5),
        }
        for idx, s in enumerate(analysis["states"])
    ]
    if state_rows:
        conn.execute(t.states.insert(), state_rows)
    fill_graph_facts(conn, [article_id])
    _recluster(conn, _weeks_of(conn, [article_id]))


# -- the graph's reports -------------------------------------------------------------------------


def _day(dialect: str, col: str, *, text: bool) -> str:
    """Days since 1970-01-01 of a date column: ISO text of any granularity (events.date: a month
    or a year is its first day), or a DATE (articles.published; text on SQLite)."""
    if text:
        col = (
            f"(CASE length({col}) WHEN 4 THEN {col} || '-01-01' "
            f"WHEN 7 THEN {col} || '-01' ELSE {col} END)"
        )
    if dialect == "sqlite":
        return f"CAST(julianday({col}) - 2440587.5 AS INTEGER)"
    if text:
        return f"(to_date({col}, 'YYYY-MM-DD') - DATE '1970-01-01')"
    return f"({col} - DATE '1970-01-01')"


def graph_facts_select(dialect: str, where_article: str = "") -> str:
    """The graph's reports as a SELECT in ``graph_facts`` column order.

    ``where_article``: an SQL condition on ``{alias}.article_id`` (``{alias}`` is replaced per
    branch), empty for every article. Rules (the graph's policy, ``graph.scoring``):
    an event gives one report per (source, target) pair with different entities, dated by its
    own date, else by its article's publication date (undated in both: left out). Quotes count
    through the events the event extractor read from them (``events.quote_idx``): that is where
    a question put to someone, a name merely mentioned inside an attack or a project named in a
    quote are told from a real target, so a raw quote stance is never a report of its own.
    """
    modality = " ".join(f"WHEN '{m}' THEN {f!r}" for m, f in MODALITY_FACTOR.items())
    material = ", ".join(f"'{t}'" for t in sorted(MATERIAL_TYPES))
    event_day = (
        f"COALESCE({_day(dialect, 'e.date', text=True)}, "
        f"{_day(dialect, 'a.published', text=False)})"
    )
    scope_e = f" AND {where_article.format(alias='e')}" if where_article else ""
    events = (
        f"SELECT e.article_id, {event_day}, s.entity_id, g.entity_id, e.type, "
        f"CASE WHEN e.type IN ({material}) THEN 'material' ELSE 'verbal' END, "
        f"e.weight * (CASE e.modality {modality} ELSE 1.0 END) * e.confidence, "
        "e.amount_value, a.outlet, e.id "
        "FROM events e JOIN articles a ON a.id = e.article_id "
        "JOIN event_actors s ON s.event_id = e.id AND s.role = 'source' "
        "JOIN event_actors g ON g.event_id = e.id AND g.role = 'target' "
        "WHERE s.entity_id <> g.entity_id "
        f"AND (e.date IS NOT NULL OR a.published IS NOT NULL){scope_e}"
    )
    return events


_COLUMNS = (
    "article_id, day, source_id, target_id, type, component, contribution, amount, outlet, ref"
)


def fill_graph_facts(conn: sa.Connection, article_ids: Sequence[int] | None = None) -> None:
    """Add the graph's reports of these articles (all articles: None) to ``graph_facts``."""
    dialect = conn.dialect.name
    if article_ids is None:
        conn.exec_driver_sql(f"INSERT INTO graph_facts ({_COLUMNS}) {graph_facts_select(dialect)}")
        return
    for chunk in _chunks(sorted(set(article_ids))):
        listed = ", ".join(str(int(i)) for i in chunk)
        where = f"{{alias}}.article_id IN ({listed})"
        conn.exec_driver_sql(
            f"INSERT INTO graph_facts ({_COLUMNS}) {graph_facts_select(dialect, where)}"
        )


def refresh_graph_facts(conn: sa.Connection, article_ids: Iterable[int] | None = None) -> None:
    """Rebuild ``graph_facts`` and their clusters for these articles (every article: None),
    e.g. after a merge, a split, or a change of the scoring tables (contributions are stored
    precomputed)."""
    gf = t.graph_facts
    if article_ids is None:
        conn.execute(gf.delete())
        fill_graph_facts(conn)
        fill_graph_clusters(conn)
        return
    wanted = sorted(set(article_ids))
    weeks = _weeks_of(conn, wanted)
    for chunk in _chunks(wanted):
        conn.execute(gf.delete().where(gf.c.article_id.in_(chunk)))
    fill_graph_facts(conn, wanted)
    _recluster(conn, weeks | _weeks_of(conn, wanted))


def drop_graph_facts(conn: sa.Connection, article_ids: Sequence[int]) -> None:
    """Remove these articles' reports (an article saved again) and re-cluster their weeks."""
    gf = t.graph_facts
    weeks = _weeks_of(conn, article_ids)
    for chunk in _chunks(sorted(set(article_ids))):
        conn.execute(gf.delete().where(gf.c.article_id.in_(chunk)))
    _recluster(conn, weeks)


# -- weekly clusters -----------------------------------------------------------------------------

# Integer division truncates on both backends, as in the graph's queries (``day / 7``).
_CLUSTER_SELECT = (
    "SELECT source_id, target_id, type, component, amount, day / {width}, MIN(day), COUNT(*), "
    "COUNT(DISTINCT article_id), AVG(contribution), MAX(ref) FROM graph_facts{where} "
    "GROUP BY source_id, target_id, type, component, amount, day / {width}"
).format(width=t.CLUSTER_DAYS, where="{where}")
_CLUSTER_INSERT = (
    "INSERT INTO graph_clusters (source_id, target_id, type, component, amount, week, day, "
    "reports, articles, contribution, ref) "
)


def fill_graph_clusters(conn: sa.Connection) -> None:
    """Rebuild every weekly cluster from ``graph_facts``."""
    conn.execute(t.graph_clusters.delete())
    conn.exec_driver_sql(_CLUSTER_INSERT + _CLUSTER_SELECT.format(where=""))


def _weeks_of(conn: sa.Connection, article_ids: Sequence[int]) -> set[tuple[int, int, int]]:
    """The (source, target, week) cells holding these articles' reports."""
    gf = t.graph_facts.c
    out: set[tuple[int, int, int]] = set()
    for chunk in _chunks(sorted(set(article_ids))):
        stmt = (
            sa.select(gf.source_id, gf.target_id, gf.day).where(gf.article_id.in_(chunk)).distinct()
        )
        out.update((s, g, int(day / t.CLUSTER_DAYS)) for s, g, day in conn.execute(stmt))
    return out


def _recluster(conn: sa.Connection, weeks: set[tuple[int, int, int]]) -> None:
    """Recompute the clusters of these (source, target, week) cells from ``graph_facts``.

    The day range is a loose bound for the index (weeks round toward zero before 1970);
    ``day / 7 = :w`` is the exact test.
    """
    if not weeks:
        return
    width = t.CLUSTER_DAYS
    gc = t.graph_clusters.c
    cells = [
        {"s": s, "g": g, "w": w, "lo": w * width - width + 1, "hi": w * width + width - 1}
        for s, g, w in sorted(weeks)
    ]
    conn.execute(
        t.graph_clusters.delete().where(
            gc.source_id == sa.bindparam("s"),
            gc.week == sa.bindparam("w"),
            gc.target_id == sa.bindparam("g"),
        ),
        cells,
    )
    where = (
        " WHERE source_id = :s AND target_id = :g AND day BETWEEN :lo AND :hi "
        f"AND day / {width} = :w"
    )
    conn.execute(sa.text(_CLUSTER_INSERT + _CLUSTER_SELECT.format(where=where)), cells)


def _chunks(items: Sequence[int], size: int = 500) -> Iterable[list[int]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])
