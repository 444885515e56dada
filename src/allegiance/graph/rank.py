"""Allies and rivals of one actor, ranked, with the strongest evidence line for each.

The standing between X and Y is the decayed score of X→Y plus Y→X (what X does to Y and what Y
does to X both say where they stand). One aggregate statement over X's own rows gives every
counterpart at once; a second picks the strongest report for the few counterparts shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa

from allegiance.graph import sql as q
from allegiance.graph.query import (
    Evidence,
    Node,
    evidence_dict,
    load_nodes,
    load_states,
    make_window,
    report_details,
    resolve_entity,
    state_details,
    window_end,
)
from allegiance.store import Store


@dataclass(slots=True)
class Standing:
    other: Node
    outgoing: float = 0.0  # X → other
    incoming: float = 0.0  # other → X
    verbal: float = 0.0
    material: float = 0.0
    state: float = 0.0
    facts: int = 0
    articles: int = 0
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def score(self) -> float:
        return self.outgoing + self.incoming

    def as_dict(self, names: dict[int, Node]) -> dict[str, Any]:
        return {
            "entity": self.other.label,
            "name": self.other.name,
            "score": round(self.score, 4),
            "outgoing": round(self.outgoing, 4),
            "incoming": round(self.incoming, 4),
            "verbal": round(self.verbal, 4),
            "material": round(self.material, 4),
            "state": round(self.state, 4),
            "facts": self.facts,
            "articles": self.articles,
            "evidence": [evidence_dict(e, names) for e in self.evidence],
        }


@dataclass(slots=True)
class Ranking:
    entity: Node
    kind: str  # "allies" | "rivals"
    since: date | None
    until: date
    standings: list[Standing]

    def as_dict(self) -> dict[str, Any]:
        names = {s.other.id: s.other for s in self.standings}
        names[self.entity.id] = self.entity
        return {
            "entity": self.entity.label,
            "kind": self.kind,
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat(),
            self.kind: [s.as_dict(names) for s in self.standings],
        }


def standings(conn: sa.Connection, scope: q.Scope) -> dict[int, Standing]:
    """Every counterpart of ``scope.entity`` with the decayed scores both ways."""
    assert scope.entity is not None
    width = int(scope.window.cluster_days)
    weeks = q.stored_weeks(scope)
    params = {**scope.bind(), **(weeks or {})}
    raw: dict[int, dict[str, Any]] = {}
    # X's outgoing reports, then its incoming ones: each an index range whose clusters are
    # grouped by the counterpart directly (no CASE on the side, no UNION to materialise).
    # Whole weeks come clustered from graph_clusters when the window clusters by week; only
    # the odd days at its ends are clustered here.
    for mine, theirs, way in (("source_id", "target_id", "out"), ("target_id", "source_id", "in")):

        def clustered(lo: str, hi: str, mine: str = mine, theirs: str = theirs) -> str:
            return (
                f"SELECT {theirs} AS other, component AS comp, AVG(contribution) AS contrib, "
                "MIN(day) AS day, COUNT(DISTINCT article_id) AS articles FROM graph_facts "
                f"WHERE {mine} = :x AND day BETWEEN {lo} AND {hi} "
                f"GROUP BY {theirs}, component, type, amount, day / {width}"
            )

        if weeks is None:
            parts = clustered(":lo_day", ":hi_day")
        else:
            parts = (
                f"SELECT {theirs} AS other, component AS comp, contribution AS contrib, day, "
                f"articles FROM graph_clusters WHERE {mine} = :x "
                f"AND week BETWEEN :w_lo AND :w_hi UNION ALL {clustered(':lo_day', ':p1')} "
                f"UNION ALL {clustered(':p2', ':hi_day')}"
            )
        sql = (
            f"SELECT other, comp, SUM(contrib * {q.decay_sql(scope)}) AS score, "
            f"COUNT(*) AS facts, SUM(articles) AS articles FROM ({parts}) c GROUP BY other, comp"
        )
        for other, comp, score, facts, articles in conn.execute(q.statement(sql), params).all():
            slot = raw.setdefault(other, {"out": 0.0, "in": 0.0, "facts": 0, "articles": 0})
            value = float(score or 0.0)
            slot[way] += value
            slot[comp] = slot.get(comp, 0.0) + value
            slot["facts"] += int(facts)
            slot["articles"] += int(articles)
    for state in load_states(conn, scope):
        other = state.tgt if state.src == scope.entity else state.src
        slot = raw.setdefault(other, {"out": 0.0, "in": 0.0, "facts": 0, "articles": 0})
        slot["out" if state.src == scope.entity else "in"] += state.score
        slot["state"] = slot.get("state", 0.0) + state.score
        slot["facts"] += 1
        slot["articles"] += state.articles
    nodes = load_nodes(conn, raw)
    return {
        other: Standing(
            nodes[other],
            slot["out"],
            slot["in"],
            slot.get("verbal", 0.0),
            slot.get("material", 0.0),
            slot.get("state", 0.0),
            slot["facts"],
            slot["articles"],
        )
        for other, slot in raw.items()
    }


def _strongest(conn: sa.Connection, scope: q.Scope, chosen: list[Standing], sign: int) -> None:
    """Attach the strongest report of the ranking's sign to each chosen standing."""
    if not chosen:
        return
    # Per counterpart and direction, the pair's index range read in contribution order: the
    # first row is the one wanted (a window function over all of X's reports would rank
    # hundreds of thousands of rows for the busiest actors).
    order = "contribution DESC" if sign > 0 else "contribution ASC"
    sql = q.statement(
        "SELECT source_id AS src, target_id AS tgt, ref, contribution AS contrib, day "
        "FROM graph_facts WHERE source_id = :s AND target_id = :t "
        f"AND day BETWEEN :lo_day AND :hi_day ORDER BY {order}, day DESC, ref DESC LIMIT 1"
    )
    params = scope.bind()
    rows = []
    for standing in chosen:
        candidates = [
            row
            for pair in ((scope.entity, standing.other.id), (standing.other.id, scope.entity))
            for row in conn.execute(sql, {**params, "s": pair[0], "t": pair[1]}).all()
        ]
        if candidates:
            rows.append(max(candidates, key=lambda r: (sign * r.contrib, r.day, r.ref)))
    details = report_details(conn, [(r.ref, r.src, r.tgt, r.contrib) for r in rows])
    by_other = {s.other.id: s for s in chosen}
    for row in rows:
        found = details.get(row.ref)
        other = row.tgt if row.src == scope.entity else row.src
        if found is not None and (found.contribution > 0) == (sign > 0):
            by_other[other].evidence.append(found)
    states = [s for s in load_states(conn, scope) if (s.score > 0) == (sign > 0)]
    for ev in state_details(conn, states):
        other = ev.target if ev.source == scope.entity else ev.source
        if other in by_other and not by_other[other].evidence:
            by_other[other].evidence.append(ev)


def rank(
    store: Store,
    entity: str | int,
    kind: str = "allies",
    *,
    since: str | date | None = None,
    until: str | date | None = None,
    limit: int = 10,
    half_life_days: float = 90.0,
    cluster_days: int = 7,
) -> Ranking:
    """The ``limit`` strongest allies (positive standing) or rivals (negative) of ``entity``."""
    sign = 1 if kind == "allies" else -1
    window = make_window(since, until, half_life_days=half_life_days, cluster_days=cluster_days)
    with store.engine.connect() as conn:
        focus = resolve_entity(conn, entity)
        scope = q.Scope(window, window_end(conn, window), entity=focus)
        found = [s for s in standings(conn, scope).values() if s.score * sign > 0]
        found.sort(key=lambda s: (-abs(s.score), s.other.name))
        chosen = found[:limit]
        _strongest(conn, scope, chosen, sign)
        me = load_nodes(conn, [focus])[focus]
    return Ranking(me, kind, window.since, scope.end, chosen)


def allies(store: Store, entity: str | int, **kw: Any) -> Ranking:
    return rank(store, entity, "allies", **kw)


def rivals(store: Store, entity: str | int, **kw: Any) -> Ranking:
    return rank(store, entity, "rivals", **kw)
