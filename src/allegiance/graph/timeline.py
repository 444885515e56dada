"""What an actor said and did, and what was said and done about it, in date order.

Each line is one fact (the reports of one event counted once, with their number of articles),
with its strongest report as evidence. The newest ``limit`` facts of the window are kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

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
from allegiance.graph.relation import Fact
from allegiance.graph.scoring import from_day
from allegiance.store import Store


@dataclass(slots=True)
class TimelineEntry:
    date: str
    role: str  # "did" (X is the source) | "undergone" (X is the target)
    fact: Fact
    evidence: Evidence | None


@dataclass(slots=True)
class Timeline:
    entity: Node
    entries: list[TimelineEntry]
    nodes: dict[int, Node]

    def as_dict(self) -> dict[str, Any]:
        return {
            "entity": self.entity.label,
            "entries": [
                {
                    "date": e.date,
                    "role": e.role,
                    "type": e.fact.type,
                    "component": e.fact.component,
                    "source": self.nodes[e.fact.src].label,
                    "target": self.nodes[e.fact.tgt].label,
                    "contribution": round(e.fact.contribution, 4),
                    "articles": e.fact.articles,
                    "evidence": evidence_dict(e.evidence, self.nodes) if e.evidence else None,
                }
                for e in self.entries
            ],
        }


def timeline(
    store: Store,
    entity: str | int,
    *,
    since: str | date | None = None,
    until: str | date | None = None,
    limit: int = 100,
    cluster_days: int = 7,
) -> Timeline:
    window = make_window(since, until, cluster_days=cluster_days)
    with store.engine.connect() as conn:
        focus = resolve_entity(conn, entity)
        scope = q.Scope(window, window_end(conn, window), entity=focus)
        sql = q.clusters_sql(conn.dialect.name, scope) + (
            "SELECT src, tgt, type, comp, contrib, articles, day, ref FROM clusters "
            f"ORDER BY day DESC, ref DESC LIMIT {int(limit)}"
        )
        facts = [
            Fact(r.src, r.tgt, r.type, r.comp, float(r.contrib), int(r.articles), int(r.day), r.ref)
            for r in conn.execute(q.statement(sql), scope.bind()).all()
        ]
        facts.reverse()
        details = report_details(conn, [(f.ref, f.src, f.tgt, f.contribution) for f in facts])
        nodes = load_nodes(conn, {i for f in facts for i in (f.src, f.tgt)} | {focus})
    entries = [
        TimelineEntry(
            from_day(f.day).isoformat(),
            "did" if f.src == focus else "undergone",
            f,
            details.get(f.ref),
        )
        for f in facts
    ]
    return Timeline(nodes[focus], entries, nodes)
