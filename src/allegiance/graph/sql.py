"""The SQL behind every graph query: reports of facts between actors, clustered and decayed in SQL.

A *report* is one article's account of one fact between a source and a target: a row of
``graph_facts``, which the store fills at save time from the events and quotes of each article
(``store.facts.graph_facts_select`` holds the rules: which quotes count, how a report is dated,
its precomputed contribution). A *cluster* is the reports of one fact: same source, target, type
and amount, day numbers in the same ``cluster_days`` bucket. Every statement here is an index
range of ``graph_facts`` (a window by day, an actor by source or by target, a pair) and a GROUP
BY: nothing the size of the store reaches Python, and no join is left at query time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa

from allegiance.graph.scoring import Window, day_number
from allegiance.store.schema import CLUSTER_DAYS

LN2 = 0.6931471805599453
FAR_PAST = date(1, 1, 1)
FIRST_DAY = -1_000_000  # before any date a report can carry (day numbers count from 1970)


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
            "lo_day": day_number(since) if since else FIRST_DAY,
            "hi_day": day_number(until),
            "lo_date": since or FAR_PAST,
            "hi_date": until,
            "end_day": day_number(self.end),
        }
        if self.entity is not None:
            params["x"] = self.entity
        if self.other is not None:
            params["y"] = self.other
        params.update(self.params)
        return params


REPORT_COLUMNS = (
    "f.source_id AS src, f.target_id AS tgt, f.type AS type, f.component AS comp, "
    "f.contribution AS contrib, f.amount AS amount, f.article_id AS article_id, "
    "f.outlet AS outlet, f.ref AS ref, f.day AS day"
)


def reports_sql(dialect: str, scope: Scope) -> str:
    """SELECT of reports: src, tgt, type, comp, contrib, amount, article_id, outlet, ref, day.

    ``ref`` is the event id, or minus the quote id for a quote-made report. An actor's reports
    are read once as source and once as target (two index ranges, no ``OR`` the planner cannot
    index); a pair's, as the two directions of the (source, target, day) index.
    """
    del dialect  # the same SQL on both backends
    span = "f.day BETWEEN :lo_day AND :hi_day"
    select = f"SELECT {REPORT_COLUMNS} FROM graph_facts f WHERE "
    if scope.entity is None:
        return select + span
    if scope.other is not None:
        return (
            f"{select}f.source_id = :x AND f.target_id = :y AND {span} UNION ALL "
            f"{select}f.source_id = :y AND f.target_id = :x AND {span}"
        )
    return f"{select}f.source_id = :x AND {span} UNION ALL {select}f.target_id = :x AND {span}"


def clusters_sql(dialect: str, scope: Scope) -> str:
    """WITH reports, clusters: one row per fact, its mean contribution and its support."""
    width = int(scope.window.cluster_days)
    return (
        f"WITH reports AS NOT MATERIALIZED ({reports_sql(dialect, scope)}), "
        "clusters AS (SELECT src, tgt, type, comp, amount, "
        "COUNT(DISTINCT article_id) AS articles, AVG(contrib) AS contrib, "
        "MIN(day) AS day, MAX(day) AS last_day, MAX(ref) AS ref "
        f"FROM reports GROUP BY src, tgt, type, comp, amount, day / {width}) "
    )


def stored_weeks(scope: Scope) -> dict[str, int] | None:
    """Where the window can read ``graph_clusters`` (the store's weekly clusters).

    The whole weeks inside the window (``w_lo``..``w_hi``) are read as stored; the days of the
    window before and after them (``lo_day``..``p1``, ``p2``..``hi_day``, up to six each) are
    clustered from ``graph_facts`` as usual. None: the window clusters by another width, or
    holds no whole week, or starts in 1970's first week (weeks round toward zero before it).
    """
    width = CLUSTER_DAYS
    if scope.window.cluster_days != width:
        return None
    bound = scope.bind()
    lo, hi = bound["lo_day"], bound["hi_day"]
    if hi < width - 1 or (lo != FIRST_DAY and lo < 1):
        return None
    w_lo = FIRST_DAY // width if lo == FIRST_DAY else -(-lo // width)
    w_hi = (hi + 1) // width - 1
    if w_lo > w_hi:
        return None
    p1 = lo - 1 if lo == FIRST_DAY else w_lo * width - 1
    return {"w_lo": w_lo, "w_hi": w_hi, "p1": p1, "p2": (w_hi + 1) * width}


def decay_sql(scope: Scope, day: str = "day") -> str:
    half_life = float(scope.window.half_life_days)
    if half_life <= 0:
        return "1.0"
    # DOUBLE PRECISION: PostgreSQL types a literal like 0.0077 as numeric, and exp() of a
    # numeric is arbitrary-precision arithmetic, ~2 µs a row (most of an allies query).
    return f"exp(CAST(:end_day - {day} AS DOUBLE PRECISION) * {-LN2 / half_life!r})"


def statement(sql: str) -> sa.TextClause:
    """A text statement whose dates bind as dates."""
    clause = sa.text(sql)
    binds = [
        sa.bindparam(name, type_=sa.Date()) for name in ("lo_date", "hi_date") if f":{name}" in sql
    ]
    return clause.bindparams(*binds)


def tuples(conn: sa.Connection, sql: str, params: dict[str, Any]) -> list[tuple[Any, ...]]:
    """Every row of a statement as the driver's plain tuples.

    For the statements that return one row per edge of a window (tens of thousands): building
    SQLAlchemy ``Row`` objects for them cost as much client time as PostgreSQL's whole answer.
    The statement still runs through SQLAlchemy (binding, transaction); only the rows are read
    from the DBAPI cursor underneath.
    """
    result = conn.execute(statement(sql), params)
    try:
        return list(result.cursor.fetchall())
    finally:
        result.close()


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
