"""One relationship over time: A→B and B→A per week or month, turning points, and flips.

A period's score is the plain sum of the facts dated in it (each fact once, not decayed: it says
what happened that period). A *turning point* is a period whose sign differs from the previous
non-empty period's (a flip), or whose score moved by at least ``swing`` (a swing). ``flips``
scans every dyad of a window for sign changes of the two directions together.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa

from allegiance.errors import ConfigError
from allegiance.graph import sql as q
from allegiance.graph.query import (
    Evidence,
    Node,
    evidence_dict,
    load_nodes,
    make_window,
    report_details,
    resolve_entity,
    window_end,
)
from allegiance.graph.scoring import STATE_WEIGHT, decay, from_day
from allegiance.store import Store
from allegiance.store import schema as t

PERIODS = ("week", "month")


def period_of(day: date, by: str) -> tuple[str, date]:
    """The key ("2025-01", "2025-W03") and first day of the period holding ``day``."""
    if by == "month":
        return day.isoformat()[:7], day.replace(day=1)
    if by == "week":
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}", day - timedelta(days=day.weekday())
    raise ConfigError(f"unknown period {by!r}: use week or month")


@dataclass(slots=True)
class Fact:
    """One clustered fact between the two actors (or a state assertion)."""

    src: int
    tgt: int
    type: str
    component: str
    contribution: float
    articles: int
    day: int
    ref: int  # event id, minus a quote id, or 0 for a state (evidence in ``state``)
    state: Evidence | None = None


@dataclass(slots=True)
class Period:
    key: str
    start: date
    ab: float = 0.0
    ba: float = 0.0
    facts: list[Fact] = field(default_factory=list)

    @property
    def dyad(self) -> float:
        return self.ab + self.ba


@dataclass(slots=True)
class TurningPoint:
    period: str
    direction: str  # "a->b", "b->a" or "both"
    before: float
    after: float
    kind: str  # "flip" | "swing"
    evidence: list[Evidence] = field(default_factory=list)


@dataclass(slots=True)
class Relation:
    a: Node
    b: Node
    by: str
    since: date | None
    until: date
    score_ab: float  # decayed standing at ``until``, as on the graph's edge
    score_ba: float
    periods: list[Period]
    turning_points: list[TurningPoint]
    evidence: dict[str, list[Evidence]]  # period key -> strongest facts of the period

    def as_dict(self) -> dict[str, Any]:
        names = {self.a.id: self.a, self.b.id: self.b}
        return {
            "a": self.a.label,
            "b": self.b.label,
            "by": self.by,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat(),
            "score_ab": round(self.score_ab, 4),
            "score_ba": round(self.score_ba, 4),
            "periods": [
                {
                    "period": p.key,
                    "start": p.start.isoformat(),
                    "ab": round(p.ab, 4),
                    "ba": round(p.ba, 4),
                    "facts": len(p.facts),
                    "evidence": [evidence_dict(e, names) for e in self.evidence.get(p.key, [])],
                }
                for p in self.periods
            ],
            "turning_points": [
                {
                    "period": tp.period,
                    "direction": tp.direction,
                    "kind": tp.kind,
                    "before": round(tp.before, 4),
                    "after": round(tp.after, 4),
                    "evidence": [evidence_dict(e, names) for e in tp.evidence],
                }
                for tp in self.turning_points
            ],
        }


def _sign(x: float, floor: float = 1e-9) -> int:
    return 0 if abs(x) < floor else (1 if x > 0 else -1)


def pair_facts(conn: sa.Connection, scope: q.Scope) -> list[Fact]:
    """The clustered facts between ``scope.entity`` and ``scope.other``, states included."""
    dialect = conn.dialect.name
    sql = q.clusters_sql(dialect, scope) + (
        "SELECT src, tgt, type, comp, contrib, articles, day, ref FROM clusters ORDER BY day, ref"
    )
    facts = [
        Fact(src, tgt, type_, comp, float(contrib), int(articles), int(day), ref)
        for src, tgt, type_, comp, contrib, articles, day, ref in conn.execute(
            q.statement(sql), scope.bind()
        ).all()
    ]
    s, a = t.states.c, t.articles.c
    rows = list(conn.execute(q.statement(q.states_sql(dialect, scope)), scope.bind()))
    details = (
        {
            d.id: d
            for d in conn.execute(
                sa.select(s.id, s.evidence_text, a.title, a.url, a.outlet)
                .join(t.articles, a.id == s.article_id)
                .where(s.id.in_([r.ref for r in rows]))
            )
        }
        if rows
        else {}
    )
    for row in rows:
        detail = details[row.ref]
        contrib = row.sign * STATE_WEIGHT * row.confidence
        evidence = Evidence(
            "state",
            row.type,
            row.src,
            row.tgt,
            contrib,
            row.article_id,
            detail.title,
            detail.url,
            detail.outlet,
            from_day(row.day).isoformat(),
            detail.evidence_text,
        )
        facts.append(Fact(row.src, row.tgt, row.type, "state", contrib, 1, row.day, 0, evidence))
    facts.sort(key=lambda f: (f.day, f.ref))
    return facts


def _pair_scope(conn: sa.Connection, window: Any, a: int, b: int) -> q.Scope:
    """Drive the pair query from the rarer actor: its index range is the shorter scan."""
    # Both directions of a pair are ranges of the (source, target, day) index: no side is
    # cheaper to start from, so the order is only made stable.
    x, y = min(a, b), max(a, b)
    return q.Scope(window, window_end(conn, window), entity=x, other=y)


def _strongest(facts: Iterable[Fact], limit: int, sign: int = 0) -> list[Fact]:
    return sorted(
        (f for f in facts if sign == 0 or _sign(f.contribution) == sign),
        key=lambda f: -abs(f.contribution),
    )[:limit]


def _evidence_of(chosen: list[Fact], details: dict[int, Evidence]) -> list[Evidence]:
    out = []
    for f in chosen:
        found = f.state if f.ref == 0 else details.get(f.ref)
        if found is not None:
            out.append(found)
    return out


def _details(conn: sa.Connection, chosen: Iterable[Fact]) -> dict[int, Evidence]:
    """Evidence records of the chosen facts, in one lookup per table (not one per period)."""
    return report_details(
        conn, [(f.ref, f.src, f.tgt, f.contribution) for f in chosen if f.ref != 0]
    )


def _evidence_for(
    conn: sa.Connection, facts: Iterable[Fact], limit: int, sign: int = 0
) -> list[Evidence]:
    chosen = _strongest(facts, limit, sign)
    return _evidence_of(chosen, _details(conn, chosen))


def relation(
    store: Store,
    a: str | int,
    b: str | int,
    *,
    by: str = "month",
    since: str | date | None = None,
    until: str | date | None = None,
    swing: float = 0.5,
    evidence: int = 3,
    half_life_days: float = 90.0,
    cluster_days: int = 7,
) -> Relation:
    """The A↔B relationship per period, its turning points and the evidence behind each."""
    if by not in PERIODS:
        raise ConfigError(f"unknown period {by!r}: use week or month")
    window = make_window(since, until, half_life_days=half_life_days, cluster_days=cluster_days)
    with store.engine.connect() as conn:
        ida, idb = resolve_entity(conn, a), resolve_entity(conn, b)
        if ida == idb:
            raise ConfigError("a relation needs two different entities")
        nodes = load_nodes(conn, [ida, idb])
        scope = _pair_scope(conn, window, ida, idb)
        facts = pair_facts(conn, scope)
        end_day = scope.bind()["end_day"]
        periods: dict[str, Period] = {}
        score_ab = score_ba = 0.0
        for fact in facts:
            key, start = period_of(from_day(fact.day), by)
            period = periods.setdefault(key, Period(key, start))
            faded = fact.contribution * decay(end_day - fact.day, window.half_life_days)
            if fact.src == ida:
                period.ab += fact.contribution
                score_ab += faded
            else:
                period.ba += fact.contribution
                score_ba += faded
            period.facts.append(fact)
        ordered = sorted(periods.values(), key=lambda p: p.start)
        turns = turning_points(ordered, swing)
        by_period = {p.key: p for p in ordered}
        turn_facts = [
            _strongest(
                (
                    f
                    for f in by_period[turn.period].facts
                    if turn.direction == "both" or (f.src == ida) == (turn.direction == "a->b")
                ),
                evidence,
                _sign(turn.after),
            )
            for turn in turns
        ]
        period_facts = {p.key: _strongest(p.facts, evidence) for p in ordered} if evidence else {}
        details = _details(
            conn, [f for chosen in (*turn_facts, *period_facts.values()) for f in chosen]
        )
        for turn, chosen in zip(turns, turn_facts, strict=True):
            turn.evidence = _evidence_of(chosen, details)
        shown = {key: _evidence_of(chosen, details) for key, chosen in period_facts.items()}
    return Relation(
        nodes[ida],
        nodes[idb],
        by,
        window.since,
        scope.end,
        score_ab,
        score_ba,
        ordered,
        turns,
        shown,
    )


def turning_points(periods: list[Period], swing: float) -> list[TurningPoint]:
    """Sign changes and big swings, per direction and for the dyad, between non-empty periods."""
    out: list[TurningPoint] = []
    for direction, value in (
        ("a->b", lambda p: p.ab),
        ("b->a", lambda p: p.ba),
        ("both", lambda p: p.dyad),
    ):
        previous: float | None = None
        for period in periods:
            current = value(period)
            if _sign(current) == 0:
                continue
            if previous is not None:
                if _sign(current) != _sign(previous):
                    out.append(TurningPoint(period.key, direction, previous, current, "flip"))
                elif abs(current - previous) >= swing:
                    out.append(TurningPoint(period.key, direction, previous, current, "swing"))
            previous = current
    return out


# -- flips across the store --------------------------------------------------------------------


@dataclass(slots=True)
class Flip:
    a: Node
    b: Node
    period: str
    before_period: str
    before: float
    after: float
    evidence: list[Evidence] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        names = {self.a.id: self.a, self.b.id: self.b}
        return {
            "a": self.a.label,
            "b": self.b.label,
            "from_period": self.before_period,
            "period": self.period,
            "before": round(self.before, 4),
            "after": round(self.after, 4),
            "evidence": [evidence_dict(e, names) for e in self.evidence],
        }


def flips(
    store: Store,
    since: str | date | None = None,
    until: str | date | None = None,
    *,
    by: str = "month",
    min_score: float = 0.1,
    limit: int = 50,
    evidence: int = 2,
    cluster_days: int = 7,
) -> list[Flip]:
    """Dyads (both directions together) whose sign changed from one non-empty period to the next.

    Periods scoring under ``min_score`` in absolute value are noise and skipped. Biggest swings
    first; each flip carries the facts of the new sign that turned it.
    """
    if by not in PERIODS:
        raise ConfigError(f"unknown period {by!r}: use week or month")
    window = make_window(since, until, cluster_days=cluster_days)
    with store.engine.connect() as conn:
        dialect = conn.dialect.name
        scope = q.Scope(window, window_end(conn, window))
        lo, hi = q.least(dialect, "src", "tgt"), q.greatest(dialect, "src", "tgt")
        period_sql = q.month_of_day(dialect, "day") if by == "month" else "(day + 3) / 7"
        sql = q.clusters_sql(dialect, scope) + (
            f"SELECT {lo} AS lo, {hi} AS hi, {period_sql} AS period, SUM(contrib) AS score "
            f"FROM clusters GROUP BY {lo}, {hi}, {period_sql}"
        )
        series: dict[tuple[int, int], list[tuple[str, float]]] = defaultdict(list)
        for row in conn.execute(q.statement(sql), scope.bind()).all():
            if abs(row.score) >= min_score:
                series[(row.lo, row.hi)].append((_period_key(row.period, by), float(row.score)))
        found: list[tuple[int, int, str, str, float, float]] = []
        for (x, y), points in series.items():
            points.sort()
            for (p0, s0), (p1, s1) in zip(points, points[1:], strict=False):
                if _sign(s0) != _sign(s1):
                    found.append((x, y, p0, p1, s0, s1))
        found.sort(key=lambda f: (-abs(f[5] - f[4]), f[3], f[0], f[1]))
        found = found[:limit]
        nodes = load_nodes(conn, {i for f in found for i in f[:2]})
        out = []
        for x, y, p0, p1, s0, s1 in found:
            flip = Flip(nodes[x], nodes[y], p1, p0, s0, s1)
            if evidence:
                start, end = _period_bounds(p1, by)
                sub = q.Scope(make_window(start, end, cluster_days=cluster_days), end, x, y)
                flip.evidence = _evidence_for(conn, pair_facts(conn, sub), evidence, _sign(s1))
            out.append(flip)
    return out


def _period_key(value: Any, by: str) -> str:
    if by == "month":
        return str(value)
    monday = from_day(int(value) * 7 - 3)
    return period_of(monday, "week")[0]


def _period_bounds(key: str, by: str) -> tuple[date, date]:
    if by == "month":
        first = date.fromisoformat(key + "-01")
        nxt = (
            first.replace(year=first.year + 1, month=1)
            if first.month == 12
            else first.replace(month=first.month + 1)
        )
        return first, nxt - timedelta(days=1)
    year, week = key.split("-W")
    monday = date.fromisocalendar(int(year), int(week), 1)
    return monday, monday + timedelta(days=6)
