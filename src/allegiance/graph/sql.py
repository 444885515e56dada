"""The SQL behind every graph query: reports of facts between actors, clustered and decayed in SQL.

A *report* is one article's account of one fact between a source and a target: an event
(``events`` × ``event_actors``), or a quote with an entity speaker and a ±1 stance target
(``quotes`` × ``quote_targets``) that the event extractor did not already turn into an event.
A *cluster* is the reports of one fact: same source, target, type and amount, day numbers in the
same ``cluster_days`` bucket. Aggregating in SQL (GROUP BY on indexed columns) keeps Python away
from the millions of rows a large store holds.

The statements are text, with a few dialect-specific pieces (day numbers of ISO text dates,
``LEAST``/``GREATEST``), because SQLite and PostgreSQL spell date arithmetic differently.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa

from allegiance.graph.scoring import (
    MATERIAL_TYPES,
    MODALITY_FACTOR,
    QUOTE_TYPES,
    QUOTE_WEIGHT,
    Window,
    day_number,
)

LN2 = 0.6931471805599453
FAR_PAST = date(1, 1, 1)
FAR_FUTURE = date(9999, 12, 31)


def _padded(col: str) -> str:
    """An ISO text date of any granularity as a full day: a month or a year is its first day."""
    return (
        f"(CASE length({col}) WHEN 4 THEN {col} || '-01-01' "
        f"WHEN 7 THEN {col} || '-01' ELSE {col} END)"
    )


def text_day(dialect: str, col: str) -> str:
    """Days since 1970-01-01 of a text ISO date column (events.date)."""
    if dialect == "sqlite":
        return f"CAST(julianday({_padded(col)}) - 2440587.5 AS INTEGER)"
    return f"(to_date({_padded(col)}, 'YYYY-MM-DD') - DATE '1970-01-01')"


def date_day(dialect: str, col: str) -> str:
    """Days since 1970-01-01 of a DATE column (articles.published; text on SQLite)."""
    if dialect == "sqlite":
        return f"CAST(julianday({col}) - 2440587.5 AS INTEGER)"
    return f"({col} - DATE '1970-01-01')"


def least(dialect: str, a: str, b: str) -> str:
    return f"MIN({a}, {b})" if dialect == "sqlite" else f"LEAST({a}, {b})"


def greatest(dialect: str, a: str, b: str) -> str:
    return f"MAX({a}, {b})" if dialect == "sqlite" else f"GREATEST({a}, {b})"


def month_of_day(dialect: str, col: str) -> str:
    if dialect == "sqlite":
        return f"strftime('%Y-%m', {col} + 2440587.5)"
    return f"to_char(DATE '1970-01-01' + {col}, 'YYYY-MM')"


def _modality_case() -> str:
    whens = " ".join(f"WHEN '{m}' THEN {f!r}" for m, f in MODALITY_FACTOR.items())
    return f"(CASE e.modality {whens} ELSE 1.0 END)"


def _component_case() -> str:
    listed = ", ".join(f"'{t}'" for t in sorted(MATERIAL_TYPES))
    return f"(CASE WHEN e.type IN ({listed}) THEN 'material' ELSE 'verbal' END)"


def coarse_dates(since: date, until: date) -> list[str]:
    """Month and year dates ("2025-01", "2025") whose first day falls in [since, until].

    They sort before their first day as text, so ``date BETWEEN since AND until`` misses them.
    """
    out: list[str] = []
    year, month = since.year, since.month
    while (year, month) <= (until.year, until.month):
        first = date(year, month, 1)
        if since <= first <= until:
            out.append(first.isoformat()[:7])
            if month == 1:
                out.append(str(year))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return out


@dataclass(slots=True)
class Scope:
    """Which reports a query reads: a window, and optionally an actor and its counterpart."""

    window: Window
    end: date  # the window's end (decay reference)
    entity: int | None = None  # reports where this entity is source or target
    other: int | None = None  # ... and this one the other side (a dyad)
    params: dict[str, Any] = field(default_factory=dict)

    def bind(self) -> dict[str, Any]:
        since = self.window.since
        until = self.window.until or self.end
        params: dict[str, Any] = {
            "lo_text": since.isoformat() if since else "",
            "hi_text": until.isoformat(),
            "lo_date": since or FAR_PAST,
            "hi_date": until,
            "coarse": coarse_dates(since, until) if since else [],
            "end_day": day_number(self.end),
        }
        if self.entity is not None:
            params["x"] = self.entity
        if self.other is not None:
            params["y"] = self.other
        params.update(self.params)
        return params


def _event_date_filter(scope: Scope) -> str:
    """Dated events in the window; month and year dates only when the window holds their start.

    Events with no date at all are read by :func:`_undated_branch` (they are rare; an ``OR`` here
    would keep SQLite from using the date index).
    """
    if scope.window.since is None:
        return "e.date <= :hi_text"
    if scope.bind()["coarse"]:
        return "(e.date BETWEEN :lo_text AND :hi_text OR e.date IN :coarse)"
    return "e.date BETWEEN :lo_text AND :hi_text"


def reports_sql(dialect: str, scope: Scope) -> str:
    """SELECT of reports: src, tgt, type, comp, contrib, amount, article_id, ref, day.

    ``ref`` is the event id, or minus the quote id for a quote-made report.
    """
    contrib = f"e.weight * {_modality_case()} * e.confidence"
    event_cols = (
        f"e.type AS type, {_component_case()} AS comp, {contrib} AS contrib, "
        "e.amount_value AS amount, e.article_id AS article_id, e.id AS ref"
    )
    dated = (
        f"{text_day(dialect, 'e.date')} AS day",
        "",
        _event_date_filter(scope),
    )
    # Events the extractor could not date take their article's publication date.
    undated = (
        f"{date_day(dialect, 'a.published')} AS day",
        " JOIN articles a ON a.id = e.article_id",
        "e.date IS NULL AND a.published BETWEEN :lo_date AND :hi_date",
    )
    qconf = "(0.4 + 0.4 * q.confidence)"
    qtype = f"(CASE WHEN qt.stance > 0 THEN '{QUOTE_TYPES[1]}' ELSE '{QUOTE_TYPES[-1]}' END)"
    quote_cols = (
        f"{qtype} AS type, 'verbal' AS comp, qt.stance * {QUOTE_WEIGHT!r} * {qconf} AS contrib, "
        "NULL AS amount, q.article_id AS article_id, -q.id AS ref, "
        f"{date_day(dialect, 'a.published')} AS day"
    )
    quote_where = (
        "qt.stance <> 0 AND q.speaker_entity_id IS NOT NULL "
        "AND q.speaker_entity_id <> qt.entity_id "
        "AND a.published BETWEEN :lo_date AND :hi_date "
        "AND NOT EXISTS (SELECT 1 FROM events e2 "
        "WHERE e2.article_id = q.article_id AND e2.quote_idx = q.idx)"
    )
    quote_from = (
        "FROM quotes q JOIN quote_targets qt ON qt.quote_id = q.id "
        "JOIN articles a ON a.id = q.article_id"
    )
    branches = []
    if scope.entity is None:
        for day, join, where in (dated, undated):
            branches.append(
                f"SELECT s.entity_id AS src, t.entity_id AS tgt, {event_cols}, {day} "
                f"FROM events e{join} "
                "JOIN event_actors s ON s.event_id = e.id AND s.role = 'source' "
                "JOIN event_actors t ON t.event_id = e.id AND t.role = 'target' "
                f"WHERE {where} AND s.entity_id <> t.entity_id"
            )
        branches.append(
            f"SELECT q.speaker_entity_id AS src, qt.entity_id AS tgt, {quote_cols} "
            f"{quote_from} WHERE {quote_where}"
        )
        return " UNION ALL ".join(branches)
    # An actor's reports: driven from its own rows (indexed on entity_id), once as source and
    # once as target, so no branch needs an OR the planner cannot index.
    other = " AND o.entity_id = :y" if scope.other is not None else " AND o.entity_id <> :x"
    for mine, theirs in (("source", "target"), ("target", "source")):
        src, tgt = ("x", "o") if mine == "source" else ("o", "x")
        for day, join, where in (dated, undated):
            branches.append(
                f"SELECT {src}.entity_id AS src, {tgt}.entity_id AS tgt, {event_cols}, {day} "
                f"FROM event_actors x JOIN events e ON e.id = x.event_id{join} "
                f"JOIN event_actors o ON o.event_id = e.id AND o.role = '{theirs}' "
                f"WHERE x.entity_id = :x AND x.role = '{mine}' AND {where}{other}"
            )
    qother_t = " AND qt.entity_id = :y" if scope.other is not None else ""
    qother_s = " AND q.speaker_entity_id = :y" if scope.other is not None else ""
    branches.append(
        f"SELECT q.speaker_entity_id AS src, qt.entity_id AS tgt, {quote_cols} {quote_from} "
        f"WHERE q.speaker_entity_id = :x AND {quote_where}{qother_t}"
    )
    branches.append(
        f"SELECT q.speaker_entity_id AS src, qt.entity_id AS tgt, {quote_cols} {quote_from} "
        f"WHERE qt.entity_id = :x AND {quote_where}{qother_s}"
    )
    return " UNION ALL ".join(branches)


def clusters_sql(dialect: str, scope: Scope) -> str:
    """WITH reports, clusters: one row per fact, its mean contribution and its support."""
    width = int(scope.window.cluster_days)
    return (
        f"WITH reports AS ({reports_sql(dialect, scope)}), "
        "clusters AS (SELECT src, tgt, type, comp, amount, "
        "COUNT(DISTINCT article_id) AS articles, AVG(contrib) AS contrib, "
        "MIN(day) AS day, MAX(day) AS last_day, MAX(ref) AS ref "
        f"FROM reports GROUP BY src, tgt, type, comp, amount, day / {width}) "
    )


def decay_sql(scope: Scope, day: str = "day") -> str:
    half_life = float(scope.window.half_life_days)
    if half_life <= 0:
        return "1.0"
    return f"exp(-{LN2!r} * (:end_day - {day}) / {half_life!r})"


def statement(sql: str) -> sa.TextClause:
    """A text statement whose ``:coarse`` list expands and whose dates bind as dates."""
    clause = sa.text(sql)
    binds = [
        sa.bindparam(name, type_=sa.Date()) for name in ("lo_date", "hi_date") if f":{name}" in sql
    ]
    if ":coarse" in sql:
        binds.append(sa.bindparam("coarse", expanding=True))
    return clause.bindparams(*binds)


def states_sql(dialect: str, scope: Scope) -> str:
    """States asserted in the window (sign ≠ 0): src, tgt, type, sign, confidence, article, day."""
    where = ["st.sign <> 0", "a.published BETWEEN :lo_date AND :hi_date"]
    if scope.entity is not None:
        if scope.other is not None:
            where.append(
                "((st.source_entity_id = :x AND st.target_entity_id = :y) OR "
                "(st.source_entity_id = :y AND st.target_entity_id = :x))"
            )
        else:
            where.append("(st.source_entity_id = :x OR st.target_entity_id = :x)")
    return (
        "SELECT st.source_entity_id AS src, st.target_entity_id AS tgt, st.type AS type, "
        "st.sign AS sign, st.confidence AS confidence, st.article_id AS article_id, "
        f"st.id AS ref, {date_day(dialect, 'a.published')} AS day "
        "FROM states st JOIN articles a ON a.id = st.article_id "
        f"WHERE {' AND '.join(where)} AND st.source_entity_id <> st.target_entity_id"
    )
