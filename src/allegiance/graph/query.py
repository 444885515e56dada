"""The signed graph of a time window: who stands with whom, with the evidence behind each edge.

``build_graph(store, since=..., until=...)`` runs one aggregate statement for the edges (their
components from the stored weekly clusters, their support from the reports), one for states,
and one for the strongest evidence of each edge; nothing the size of the events table ever
reaches Python.
"""

from __future__ import annotations

import bisect
import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any

import sqlalchemy as sa

from allegiance.errors import ConfigError, NotFoundError
from allegiance.graph import sql as q
from allegiance.graph.scoring import (
    COMPONENTS,
    STATE_WEIGHT,
    Window,
    decay,
    from_day,
    parse_day,
)
from allegiance.store import Store
from allegiance.store import schema as t
from allegiance.store.keys import name_key


@dataclass(slots=True)
class Evidence:
    """One report behind an edge: which article said it, when, in which words."""

    kind: str  # "event" | "quote" | "state"
    type: str
    source: int
    target: int
    contribution: float  # weight × modality × confidence (before decay)
    article_id: int
    title: str | None
    url: str | None
    outlet: str | None
    date: str | None
    text: str
    modality: str = "asserted"


@dataclass(slots=True)
class Edge:
    source: int
    target: int
    verbal: float = 0.0
    material: float = 0.0
    state: float = 0.0
    facts: int = 0  # distinct facts (clusters of reports), each counted once
    articles: int = 0  # distinct articles reporting them
    outlets: int = 0
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def score(self) -> float:
        return self.verbal + self.material + self.state

    @property
    def sign(self) -> int:
        return (self.score > 0) - (self.score < 0)

    def as_dict(self, names: dict[int, Node]) -> dict[str, Any]:
        return {
            "source": names[self.source].label,
            "target": names[self.target].label,
            "score": round(self.score, 4),
            "sign": self.sign,
            "verbal": round(self.verbal, 4),
            "material": round(self.material, 4),
            "state": round(self.state, 4),
            "facts": self.facts,
            "articles": self.articles,
            "outlets": self.outlets,
            "evidence": [evidence_dict(e, names) for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class Node:
    id: int
    name: str
    kb_id: str | None
    type: str

    @property
    def label(self) -> str:
        """The stable key users pass back: the KB id when there is one, else the name."""
        return self.kb_id or self.name


@dataclass(slots=True)
class SignedGraph:
    since: date | None
    until: date  # the window's end: decay is measured from here
    nodes: dict[int, Node]
    edges: list[Edge]

    def edge(self, source: int, target: int) -> Edge | None:
        return next((e for e in self.edges if (e.source, e.target) == (source, target)), None)

    def as_dict(self) -> dict[str, Any]:
        return {
            "since": self.since.isoformat() if self.since else None,
            "until": self.until.isoformat(),
            "nodes": [
                {"id": n.label, "name": n.name, "kb_id": n.kb_id, "type": n.type}
                for n in sorted(self.nodes.values(), key=lambda n: n.name)
            ],
            "edges": [e.as_dict(self.nodes) for e in self.edges],
        }


def evidence_dict(ev: Evidence, names: dict[int, Node]) -> dict[str, Any]:
    out = asdict(ev)
    out["source"] = names[ev.source].name if ev.source in names else ev.source
    out["target"] = names[ev.target].name if ev.target in names else ev.target
    out["contribution"] = round(ev.contribution, 4)
    return out


# -- entities ----------------------------------------------------------------------------------


def resolve_entity(conn: sa.Connection, text: str | int) -> int:
    """A store entity id from an id, a KB id, a name, an alias or a bare surname.

    Several entities answering the same words is an error that lists them: silently picking
    one would put somebody else's quarrels in the answer.
    """
    e, al = t.entities.c, t.entity_aliases.c
    if isinstance(text, int) or (isinstance(text, str) and text.isdigit()):
        found = conn.scalar(sa.select(e.id).where(e.id == int(text)))
        if found is not None:
            return int(found)
    text = str(text).strip()
    found = conn.scalar(sa.select(e.id).where(e.kb_id == text))
    if found is not None:
        return int(found)
    key = name_key(text)
    lookups = [
        sa.select(e.id).where(e.name_key == key),
        sa.select(al.entity_id).where(al.alias_key == key),
        sa.select(e.id).where(e.surname_key == key),
    ]
    for stmt in lookups:
        ids = sorted({int(i) for i in conn.scalars(stmt)})
        if len(ids) == 1:
            return ids[0]
        if len(ids) > 1:
            nodes = load_nodes(conn, ids)
            listed = "; ".join(
                f"{n.name} ({n.kb_id or '#' + str(n.id)}, {n.type})" for n in nodes.values()
            )
            raise ConfigError(f"{text!r} is ambiguous: {listed}. Pass a KB id or #id instead.")
    raise NotFoundError(f"no entity {text!r} (try a full name, an alias or a KB id)")


def load_nodes(conn: sa.Connection, ids: Iterable[int]) -> dict[int, Node]:
    # The ids are integers from the store, written into the statement: a month's graph names
    # thousands of actors, and binding (and compiling) thousands of parameters cost more than
    # the lookup itself.
    wanted = sorted({int(i) for i in ids})
    out: dict[int, Node] = {}
    for start in range(0, len(wanted), 5000):
        listed = ", ".join(map(str, wanted[start : start + 5000]))
        sql = f"SELECT id, name, kb_id, type FROM entities WHERE id IN ({listed})"
        for id_, name, kb_id, type_ in conn.exec_driver_sql(sql).all():
            out[id_] = Node(id_, name, kb_id, type_)
    return out


# -- windows -----------------------------------------------------------------------------------


def window_end(conn: sa.Connection, window: Window) -> date:
    """The window's end: ``until``, else the latest dated fact in the store, else today."""
    if window.until is not None:
        return window.until
    latest_event = conn.scalar(sa.select(sa.func.max(t.events.c.date)))
    latest_article = conn.scalar(sa.select(sa.func.max(t.articles.c.published)))
    candidates = [parse_day(str(v)[:10]) for v in (latest_event, latest_article) if v]
    days = [d for d in candidates if d is not None]
    return max(days) if days else date.today()


def make_window(
    since: str | date | None = None,
    until: str | date | None = None,
    *,
    half_life_days: float = 90.0,
    cluster_days: int = 7,
) -> Window:
    return Window(
        parse_day(since, "--since"), parse_day(until, "--until"), half_life_days, cluster_days
    )


# -- the graph ---------------------------------------------------------------------------------


def build_graph(
    store: Store,
    since: str | date | None = None,
    until: str | date | None = None,
    *,
    entity: str | int | None = None,
    min_support: int = 1,
    evidence: int = 3,
    half_life_days: float = 90.0,
    cluster_days: int = 7,
    evidence_top: int | None = None,
) -> SignedGraph:
    """The directed signed graph of [since, until]; ``entity``: only the edges touching it.

    ``min_support``: drop edges reported by fewer distinct articles. ``evidence``: the strongest
    reports kept per edge (0: none, faster). ``evidence_top``: look evidence up for the N
    strongest edges only (None: every edge; a month of a large store has tens of thousands).
    """
    window = make_window(since, until, half_life_days=half_life_days, cluster_days=cluster_days)
    with store.engine.connect() as conn:
        focus = resolve_entity(conn, entity) if entity is not None else None
        scope = q.Scope(window, window_end(conn, window), entity=focus)
        # edge_scores answers strongest first: filtering keeps that order.
        ordered = [e for e in edge_scores(conn, scope).values() if e.articles >= min_support]
        if evidence > 0 and ordered:
            shown = ordered if evidence_top is None else ordered[: max(evidence_top, 0)]
            attach_evidence(conn, scope, {(e.source, e.target): e for e in shown}, evidence)
        nodes = load_nodes(conn, {i for e in ordered for i in (e.source, e.target)})
    return SignedGraph(window.since, scope.end, nodes, ordered)


def _strongest_first(e: Edge) -> tuple[float, int, int]:
    """The graph's order: largest |score| first, then by ids (a stable answer for ties)."""
    return (-abs(e.verbal + e.material + e.state), e.source, e.target)


@contextmanager
def _bulk_objects() -> Iterator[None]:
    """Pause the cyclic garbage collector while tens of thousands of edges are made.

    None of them is garbage, but each allocation counts towards a collection, and the
    collections re-scan the whole heap: two thirds of the time of a month's edges.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def edge_scores(conn: sa.Connection, scope: q.Scope) -> dict[tuple[int, int], Edge]:
    """Every edge of the scope with its verbal, material and state components and support,
    strongest first (largest |score|, then source and target ids).

    One statement, one row per edge (the components pivoted, the support joined and the rows
    ordered in SQL), read as plain tuples: a month of a large store has tens of thousands of
    edges, and Python's per-row cost is what is left once SQL has grouped. Only the edges a
    state changes move in Python.
    """
    # An actor's edges are two index ranges of graph_facts (sql.reports_sql); the stored weeks
    # serve the whole window's graph, where clustering a month of reports is the dear part.
    weeks = q.stored_weeks(scope) if scope.entity is None else None
    sql = (
        "SELECT p.src, p.tgt, p.verbal, p.material, p.facts, s.articles, s.outlets "
        f"FROM ({parts_sql(scope, weeks)}) p "
        f"JOIN ({support_sql(scope)}) s ON s.src = p.src AND s.tgt = p.tgt "
        # The order of _strongest_first (state is 0 here): the same doubles, the same sum.
        "ORDER BY ABS(p.verbal + p.material) DESC, p.src, p.tgt"
    )
    rows = q.tuples(conn, sql, {**scope.bind(), **(weeks or {})})
    with _bulk_objects():
        edges = {
            (src, tgt): Edge(src, tgt, verbal, material, 0.0, facts, articles, outlets)
            for src, tgt, verbal, material, facts, articles, outlets in rows
        }
    moved: set[tuple[int, int]] = set()
    for state in load_states(conn, scope):
        edge = edges.get((state.src, state.tgt))
        if edge is None:
            edge = edges[(state.src, state.tgt)] = Edge(state.src, state.tgt)
        edge.state += state.score
        edge.facts += 1
        edge.articles += state.articles  # an article with a state and an event counts twice
        moved.add((state.src, state.tgt))
    if not moved:
        return edges
    # States are few: the other edges keep SQL's order, each moved one is put back in place
    # (a key per probe, not one per edge of the window).
    ordered = [e for key, e in edges.items() if key not in moved]
    for key in moved:
        bisect.insort(ordered, edges[key], key=_strongest_first)
    return {(e.source, e.target): e for e in ordered}


def support_sql(scope: q.Scope) -> str:
    """src, tgt, and the distinct articles and outlets of each edge's reports (not additive
    over weeks, so always counted from the reports themselves)."""
    return (
        "SELECT src, tgt, COUNT(DISTINCT article_id) AS articles, "
        f"COUNT(DISTINCT outlet) AS outlets FROM ({q.reports_sql('', scope)}) r GROUP BY src, tgt"
    )


def parts_sql(scope: q.Scope, weeks: dict[str, int] | None) -> str:
    """src, tgt, decayed verbal and material sums and the number of facts (clusters) per edge.

    With ``weeks`` (:func:`sql.stored_weeks`; the whole window, no actor), its whole weeks are
    read already clustered from ``graph_clusters`` (its ``week`` index) and only the odd days at
    both ends are clustered here: a month's reports are ~3/4 whole weeks, and clustering them (a
    sort on six keys) was the dearest step of the month's graph.
    """
    width = int(scope.window.cluster_days)

    def clustered(lo: str, hi: str) -> str:
        return (
            "SELECT source_id AS src, target_id AS tgt, component AS comp, "
            "AVG(contribution) AS contrib, MIN(day) AS day FROM graph_facts "
            f"WHERE day BETWEEN {lo} AND {hi} "
            f"GROUP BY source_id, target_id, type, component, amount, day / {width}"
        )

    if weeks is None:
        clusters = (
            "SELECT src, tgt, comp, AVG(contrib) AS contrib, MIN(day) AS day "
            f"FROM ({q.reports_sql('', scope)}) r "
            f"GROUP BY src, tgt, type, comp, amount, day / {width}"
        )
    else:
        clusters = (
            "SELECT source_id AS src, target_id AS tgt, component AS comp, "
            "contribution AS contrib, day FROM graph_clusters "
            f"WHERE week BETWEEN :w_lo AND :w_hi UNION ALL {clustered(':lo_day', ':p1')} "
            f"UNION ALL {clustered(':p2', ':hi_day')}"
        )
    decayed = f"contrib * {q.decay_sql(scope)}"
    # ELSE 0.0: a float sum even for an edge without that component (SQLite's SUM of integer
    # zeros is the integer 0).
    return (
        "SELECT src, tgt, "
        f"SUM(CASE WHEN comp = 'verbal' THEN {decayed} ELSE 0.0 END) AS verbal, "
        f"SUM(CASE WHEN comp = 'material' THEN {decayed} ELSE 0.0 END) AS material, "
        f"COUNT(*) AS facts FROM ({clusters}) c GROUP BY src, tgt"
    )


@dataclass(slots=True)
class StateFact:
    src: int
    tgt: int
    type: str
    score: float  # sign × weight × mean confidence × decay of the latest assertion
    articles: int
    day: int
    refs: list[int]


def load_states(conn: sa.Connection, scope: q.Scope) -> list[StateFact]:
    """States in the scope, one fact per (source, target, type) however many articles say it."""
    grouped: dict[tuple[int, int, str], list[Any]] = {}
    for row in conn.execute(q.statement(q.states_sql(conn.dialect.name, scope)), scope.bind()):
        grouped.setdefault((row.src, row.tgt, row.type), []).append(row)
    end = scope.bind()["end_day"]
    out = []
    for (src, tgt, type_), rows in grouped.items():
        latest = max(r.day for r in rows)
        confidence = sum(r.confidence for r in rows) / len(rows)
        sign = 1 if sum(r.sign for r in rows) > 0 else -1
        score = sign * STATE_WEIGHT * confidence * decay(end - latest, scope.window.half_life_days)
        articles = len({r.article_id for r in rows})
        out.append(StateFact(src, tgt, type_, score, articles, latest, [r.ref for r in rows]))
    return out


FEW_EDGES = 500  # up to this many edges, evidence is looked up edge by edge
EDGES_PER_STATEMENT = 100  # SQLite allows 500 SELECTs in one compound statement


def attach_evidence(
    conn: sa.Connection, scope: q.Scope, edges: dict[tuple[int, int], Edge], per_edge: int
) -> None:
    """The ``per_edge`` strongest reports of each edge (by |contribution|, newest first).

    A few edges: each edge's own index range, read in order with a LIMIT, a hundred edges to a
    statement (one round trip, not one per edge: on PostgreSQL the round trips were most of
    the CLI's evidence time). Many: one ranking of every report of the scope (cheaper than
    thousands of index ranges).
    """
    if not edges:
        return
    params = scope.bind()
    order = "ORDER BY ABS(contribution) DESC, day DESC, ref DESC"
    picked: list[Any]
    if len(edges) <= FEW_EDGES:
        picked = []
        pairs = list(edges)
        for start in range(0, len(pairs), EDGES_PER_STATEMENT):
            # Store ids written in (integers); ``k`` keeps the edges' order and each edge's own.
            branches = " UNION ALL ".join(
                f"SELECT * FROM (SELECT {k} AS k, source_id AS src, target_id AS tgt, ref, "
                "contribution AS contrib, day FROM graph_facts "
                f"WHERE source_id = {int(src)} AND target_id = {int(tgt)} "
                f"AND day BETWEEN :lo_day AND :hi_day {order} LIMIT {int(per_edge)}) e{k}"
                for k, (src, tgt) in enumerate(pairs[start : start + EDGES_PER_STATEMENT])
            )
            sql = (
                f"SELECT src, tgt, ref, contrib FROM ({branches}) picked "
                "ORDER BY k, ABS(contrib) DESC, day DESC, ref DESC"
            )
            picked += q.tuples(conn, sql, params)
    else:
        sql = (
            f"WITH reports AS ({q.reports_sql(conn.dialect.name, scope)}), ranked AS ("
            "SELECT src, tgt, ref, contrib, ROW_NUMBER() OVER (PARTITION BY src, tgt "
            "ORDER BY ABS(contrib) DESC, day DESC, ref DESC) AS rn FROM reports) "
            f"SELECT src, tgt, ref, contrib FROM ranked WHERE rn <= {int(per_edge)}"
        )
        # Plain tuples: every edge of the window ranks here (tens of thousands of rows), the
        # edges asked for are often a fraction of them.
        picked = [row for row in q.tuples(conn, sql, params) if (row[0], row[1]) in edges]
    details = report_details(conn, [(ref, src, tgt, contrib) for src, tgt, ref, contrib in picked])
    for src, tgt, ref, _ in picked:
        found = details.get(ref)
        if found is not None:
            edges[(src, tgt)].evidence.append(found)
    states = [s for s in load_states(conn, scope) if (s.src, s.tgt) in edges]
    for state_ev in state_details(conn, states):
        edge = edges[(state_ev.source, state_ev.target)]
        if len(edge.evidence) < per_edge + 1:
            edge.evidence.append(state_ev)
    for edge in edges.values():
        edge.evidence.sort(key=lambda e: (-abs(e.contribution), e.date or ""))


def _chunks(items: Sequence[int], size: int = 900) -> Iterable[list[int]]:
    for start in range(0, len(items), size):
        yield list(items[start : start + size])


def report_details(
    conn: sa.Connection, refs: Sequence[tuple[int, int, int, float]]
) -> dict[int, Evidence]:
    """Evidence records for report refs (event ids, minus quote ids) with their article.

    The ids are integers from the store, written into the statement, and the rows read as
    plain tuples: a month's graph with evidence for every edge asks for tens of thousands of
    reports, where binding 900 parameters a statement and building ``Row`` objects cost more
    than the lookups. ``published`` is a date (PostgreSQL) or ISO text (SQLite): ``str()`` of
    either is the ISO day.
    """
    meta = {ref: (src, tgt, contrib) for ref, src, tgt, contrib in refs}
    out: dict[int, Evidence] = {}
    event_ids = sorted(r for r in meta if r > 0)
    quote_ids = sorted(-r for r in meta if r < 0)
    for chunk in _chunks(event_ids, 5000):
        sql = (
            "SELECT e.id, e.type, e.modality, e.date, e.evidence_text, a.id, a.title, a.url, "
            "a.outlet, a.published FROM events e JOIN articles a ON a.id = e.article_id "
            f"WHERE e.id IN ({', '.join(map(str, chunk))})"
        )
        for id_, type_, modality, when, text, aid, title, url, outlet, published in q.tuples(
            conn, sql, {}
        ):
            src, tgt, contrib = meta[id_]
            out[id_] = Evidence(
                "event",
                type_,
                src,
                tgt,
                float(contrib),
                aid,
                title,
                url,
                outlet,
                when or (str(published)[:10] if published else None),
                text,
                modality,
            )
    for chunk in _chunks(quote_ids, 5000):
        sql = (
            "SELECT qq.id, qq.text, qq.speaker_name, a.id, a.title, a.url, a.outlet, a.published "
            "FROM quotes qq JOIN articles a ON a.id = qq.article_id "
            f"WHERE qq.id IN ({', '.join(map(str, chunk))})"
        )
        for qid, quoted, speaker, aid, title, url, outlet, published in q.tuples(conn, sql, {}):
            src, tgt, contrib = meta[-qid]
            kind = "PRAISE" if contrib > 0 else "CRITICIZE"
            out[-qid] = Evidence(
                "quote",
                kind,
                src,
                tgt,
                float(contrib),
                aid,
                title,
                url,
                outlet,
                str(published)[:10] if published else None,
                f"« {quoted} » ({speaker})" if speaker else quoted,
            )
    return out


def state_details(conn: sa.Connection, states: Sequence[StateFact]) -> list[Evidence]:
    """One evidence line per state fact: its latest assertion."""
    a, s = t.articles.c, t.states.c
    wanted = {max(st.refs): st for st in states}
    out = []
    for chunk in _chunks(sorted(wanted)):
        stmt = (
            sa.select(
                s.id,
                s.evidence_text,
                a.id.label("aid"),
                a.title,
                a.url,
                a.outlet,
                a.published,
            )
            .join(t.articles, a.id == s.article_id)
            .where(s.id.in_(chunk))
        )
        for row in conn.execute(stmt).all():
            st = wanted[row.id]
            out.append(
                Evidence(
                    "state",
                    st.type,
                    st.src,
                    st.tgt,
                    st.score,
                    row.aid,
                    row.title,
                    row.url,
                    row.outlet,
                    from_day(st.day).isoformat(),
                    row.evidence_text,
                )
            )
    return out


__all__ = [
    "COMPONENTS",
    "Edge",
    "Evidence",
    "Node",
    "SignedGraph",
    "build_graph",
    "edge_scores",
    "load_nodes",
    "make_window",
    "resolve_entity",
    "window_end",
]
