"""Camps (communities of allies) and structural balance of triads.

Camps: the directed signed graph is folded into an undirected one (A–B scores the sum of A→B
and B→A); communities are found by greedy modularity on the *positive* edges, weighted by score;
then every negative edge inside a camp and every positive edge between camps is a frustrated
edge (the camps explain the graph less well the more there are).

Triads: A, B, C are balanced when the product of the three dyad signs is positive ("the friend
of my friend is my friend", "the enemy of my enemy is my friend").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

import networkx as nx

from allegiance.graph.query import Node, SignedGraph, build_graph, load_nodes, resolve_entity
from allegiance.graph.relation import relation
from allegiance.store import Store


def undirected(graph: SignedGraph) -> nx.Graph:
    """A–B weighted by the sum of both directions' scores; zero-score pairs dropped."""
    folded = nx.Graph()
    for node in graph.nodes.values():
        folded.add_node(node.id)
    for edge in graph.edges:
        a, b = sorted((edge.source, edge.target))
        if folded.has_edge(a, b):
            folded[a][b]["score"] += edge.score
        else:
            folded.add_edge(a, b, score=edge.score)
    folded.remove_edges_from([(a, b) for a, b, s in folded.edges(data="score") if s == 0])
    return folded


@dataclass(slots=True)
class Camp:
    members: list[Node]
    bonds: list[tuple[Node, Node, float]]  # the positive edges holding it together, strongest first


@dataclass(slots=True)
class Camps:
    camps: list[Camp]
    frustrated: list[tuple[Node, Node, float]]  # negative inside a camp or positive across
    negative_between: int

    def as_dict(self) -> dict[str, Any]:
        return {
            "camps": [
                {
                    "members": [m.label for m in camp.members],
                    "bonds": [
                        {"a": a.label, "b": b.label, "score": round(s, 4)} for a, b, s in camp.bonds
                    ],
                }
                for camp in self.camps
            ],
            "frustration": len(self.frustrated),
            "frustrated": [
                {"a": a.label, "b": b.label, "score": round(s, 4)} for a, b, s in self.frustrated
            ],
            "negative_between_camps": self.negative_between,
        }


def find_camps(graph: SignedGraph, *, min_size: int = 2, bonds: int = 5) -> Camps:
    folded = undirected(graph)
    positive = nx.Graph()
    positive.add_nodes_from(folded.nodes)
    positive.add_weighted_edges_from((a, b, s) for a, b, s in folded.edges(data="score") if s > 0)
    if positive.number_of_edges():
        groups = nx.community.greedy_modularity_communities(positive, weight="weight")
    else:
        groups = [frozenset({n}) for n in positive.nodes]
    camp_of = {n: i for i, group in enumerate(groups) for n in group}
    nodes = graph.nodes
    camps = []
    for group in groups:
        if len(group) < min_size:
            continue
        inside = sorted(
            ((a, b, s) for a, b, s in positive.subgraph(group).edges(data="weight")),
            key=lambda e: -e[2],
        )
        members = sorted((nodes[n] for n in group), key=lambda n: n.name)
        camps.append(Camp(members, [(nodes[a], nodes[b], s) for a, b, s in inside[:bonds]]))
    camps.sort(key=lambda c: -len(c.members))
    frustrated, negative_between = [], 0
    for a, b, s in folded.edges(data="score"):
        same = camp_of[a] == camp_of[b]
        if (s < 0 and same) or (s > 0 and not same):
            frustrated.append((nodes[a], nodes[b], s))
        elif s < 0:
            negative_between += 1
    frustrated.sort(key=lambda e: -abs(e[2]))
    return Camps(camps, frustrated, negative_between)


def camps(
    store: Store,
    since: str | date | None = None,
    until: str | date | None = None,
    *,
    min_support: int = 1,
    **kw: Any,
) -> Camps:
    graph = build_graph(store, since, until, min_support=min_support, evidence=0, **kw)
    return find_camps(graph)


# -- triads ------------------------------------------------------------------------------------


def _sign(x: float) -> int:
    return (x > 0) - (x < 0)


@dataclass(slots=True)
class Triad:
    a: Node
    b: Node
    c: Node
    signs: dict[str, int]  # "a-b", "a-c", "b-c" (both directions summed), and directed ones
    scores: dict[str, float]
    balanced: bool | None  # None when one of the three dyads is empty
    per_period: list[dict[str, Any]] = field(default_factory=list)
    sentences: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "a": self.a.label,
            "b": self.b.label,
            "c": self.c.label,
            "signs": self.signs,
            "scores": {k: round(v, 4) for k, v in self.scores.items()},
            "balanced": self.balanced,
            "periods": self.per_period,
            "summary": self.sentences,
        }


_WORD = {1: "positive", -1: "negative", 0: "neutral"}
_SYMBOL = {1: "+", -1: "−", 0: "0"}


def triad(
    store: Store,
    a: str | int,
    b: str | int,
    c: str | int,
    *,
    by: str = "month",
    since: str | date | None = None,
    until: str | date | None = None,
    **kw: Any,
) -> Triad:
    """How A and B each stand toward C and toward each other, over time, and the balance."""
    with store.engine.connect() as conn:
        ids = [resolve_entity(conn, x) for x in (a, b, c)]
        nodes = load_nodes(conn, ids)
    ia, ib, ic = ids
    pairs = {"a-b": (ia, ib), "a-c": (ia, ic), "b-c": (ib, ic)}
    rels = {
        k: relation(store, x, y, by=by, since=since, until=until, **kw)
        for k, (x, y) in pairs.items()
    }
    scores: dict[str, float] = {}
    for key, rel in rels.items():
        first, second = key.split("-")
        scores[key] = rel.score_ab + rel.score_ba
        scores[f"{first}->{second}"] = rel.score_ab
        scores[f"{second}->{first}"] = rel.score_ba
    signs = {k: _sign(v) for k, v in scores.items()}
    product = signs["a-b"] * signs["a-c"] * signs["b-c"]
    balanced = None if product == 0 else product > 0
    periods = sorted({p.key for rel in rels.values() for p in rel.periods})
    per_period = []
    for key in periods:
        row: dict[str, Any] = {"period": key}
        for name, rel in rels.items():
            found = next((p for p in rel.periods if p.key == key), None)
            row[name] = round(found.dyad, 4) if found else None
        known = [row[k] for k in pairs if row[k]]
        row["balanced"] = (
            None if len(known) < 3 else _sign(known[0]) * _sign(known[1]) * _sign(known[2]) > 0
        )
        per_period.append(row)
    names = {"a": nodes[ia], "b": nodes[ib], "c": nodes[ic]}
    sentences = _tell(names, signs, rels, balanced)
    return Triad(nodes[ia], nodes[ib], nodes[ic], signs, scores, balanced, per_period, sentences)


def _tell(
    names: dict[str, Node], signs: dict[str, int], rels: dict[str, Any], balanced: bool | None
) -> list[str]:
    def short(node: Node) -> str:
        return node.name.split()[-1] if node.type == "person" else node.name

    def because(key: str, direction: str, sign: int) -> str:
        """The strongest fact of the sign being told (the latest on a tie): a negative standing
        is never explained by an alliance that came before it."""
        rel = rels[key]
        best = None
        for period in rel.periods:
            for ev in rel.evidence.get(period.key, []):
                forward = ev.source == rel.a.id
                wanted = direction == "both" or forward == (direction == "ab")
                if not wanted or _sign(ev.contribution) != sign:
                    continue
                rank = (abs(ev.contribution), ev.date or "")
                if best is None or rank >= (abs(best.contribution), best.date or ""):
                    best = ev
        return f" ({best.type.lower()}, {best.date}: “{best.text}”)" if best else ""

    out = []
    a, b, c = names["a"], names["b"], names["c"]
    ab = signs["a-b"]
    if ab > 0:
        out.append(
            f"{short(a)} and {short(b)} are on the same side (+){because('a-b', 'both', 1)}."
        )
    elif ab < 0:
        out.append(f"{short(a)} and {short(b)} are opposed (−){because('a-b', 'both', -1)}.")
    else:
        out.append(f"Nothing links {short(a)} and {short(b)} in the window.")
    for x, key in ((a, "a-c"), (b, "b-c")):
        first, _ = key.split("-")
        s = signs[f"{first}->c"]
        if s:
            out.append(
                f"{short(x)} is {_WORD[s]} toward {short(c)} ({_SYMBOL[s]}){because(key, 'ab', s)}."
            )
        back = signs[f"c->{first}"]
        if back:
            out.append(
                f"{short(c)} is {_WORD[back]} toward {short(x)} ({_SYMBOL[back]})"
                f"{because(key, 'ba', back)}."
            )
    if balanced is None:
        out.append("The triad is incomplete: one of the three pairs has no signed fact.")
    elif balanced:
        out.append(
            "The triad is balanced: the product of the three signs is positive "
            f"({_SYMBOL[signs['a-b']]}{_SYMBOL[signs['a-c']]}{_SYMBOL[signs['b-c']]})."
        )
    else:
        out.append(
            "The triad is unbalanced (product of the signs negative: "
            f"{_SYMBOL[signs['a-b']]}{_SYMBOL[signs['a-c']]}{_SYMBOL[signs['b-c']]}): "
            "something should give."
        )
    return out
