"""Drawings: the signed graph (green for, red against) and one relationship over time.

matplotlib runs headless (Agg). Large graphs are cut to the ``top`` nodes by weighted degree
(sum of |score| of their edges), so labels stay readable.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from allegiance.graph.query import SignedGraph  # noqa: E402
from allegiance.graph.relation import Relation  # noqa: E402

GREEN, RED, GREY = "#1a7f37", "#cf222e", "#8c959f"


def top_nodes(graph: SignedGraph, top: int) -> set[int]:
    strength: dict[int, float] = {}
    for e in graph.edges:
        for n in (e.source, e.target):
            strength[n] = strength.get(n, 0.0) + abs(e.score)
    return set(sorted(strength, key=lambda n: (-strength[n], n))[:top])


def _main_components(g: nx.DiGraph) -> nx.DiGraph:
    """The largest connected group and any other of three actors or more: isolated pairs
    crowd the picture and say little about who stands with whom."""
    parts = sorted(nx.weakly_connected_components(g), key=len, reverse=True)
    kept = [p for i, p in enumerate(parts) if i == 0 or len(p) >= 3]
    return g.subgraph(set().union(*kept)).copy() if kept else g


def _packed_layout(g: nx.DiGraph) -> dict[int, Any]:
    """Each group laid out on its own: the largest fills the picture, smaller ones stand in a
    column on the right (one spring layout for all pushes the groups apart and crushes each)."""
    parts = sorted(nx.weakly_connected_components(g), key=len, reverse=True)
    layout: dict[int, Any] = {}
    column_y = 1.0
    for i, part in enumerate(parts):
        sub = g.subgraph(part).to_undirected()
        k = 2.0 / max(len(part), 1) ** 0.5
        pos = nx.spring_layout(sub, seed=7, k=k, iterations=200, scale=1.0 if i == 0 else 0.25)
        for node, (x, y) in pos.items():
            layout[node] = (x, y) if i == 0 else (x + 1.65, y + column_y)
        if i:
            column_y -= 0.65
    return layout


def _graph_figure(graph: SignedGraph, top: int) -> Figure:
    keep = top_nodes(graph, top)
    g = nx.DiGraph()
    for e in graph.edges:
        if e.source in keep and e.target in keep and e.score != 0:
            g.add_edge(e.source, e.target, score=e.score)
    g = _main_components(g)
    fig, ax = plt.subplots(figsize=(13, 9), dpi=100)
    ax.set_axis_off()
    since = f"from {graph.since.isoformat()}" if graph.since else "all facts"
    ax.set_title(f"Who stands with whom ({since} to {graph.until.isoformat()})")
    if g.number_of_nodes():
        layout = _packed_layout(g)
        biggest = max(abs(s) for _, _, s in g.edges(data="score")) or 1.0
        strength = {n: sum(abs(d["score"]) for *_, d in g.edges(n, data=True)) for n in g}
        strength.update(
            {n: strength[n] + sum(abs(d["score"]) for *_, d in g.in_edges(n, data=True)) for n in g}
        )
        most = max(strength.values()) or 1.0
        nx.draw_networkx_nodes(
            g,
            layout,
            ax=ax,
            node_color="#ddf4ff",
            edgecolors="#0969da",
            node_size=[300 + 1500 * strength[n] / most for n in g],
        )
        edges = list(g.edges(data="score"))
        nx.draw_networkx_edges(
            g,
            layout,
            ax=ax,
            edgelist=[(a, b) for a, b, _ in edges],
            edge_color=[GREEN if s > 0 else RED for *_, s in edges],
            width=[0.8 + 4.0 * abs(s) / biggest for *_, s in edges],
            arrows=True,
            arrowsize=12,
            connectionstyle="arc3,rad=0.08",
        )
        nx.draw_networkx_labels(
            g,
            layout,
            ax=ax,
            labels={n: graph.nodes[n].name for n in g},
            font_size=9,
            bbox={"boxstyle": "round,pad=0.2", "fc": "white", "ec": "none", "alpha": 0.8},
        )
    else:
        ax.text(0.5, 0.5, "no signed edge in this window", ha="center", va="center")
    fig.tight_layout()
    return fig


def plot_graph(graph: SignedGraph, path: str | Path, *, top: int = 40) -> None:
    fig = _graph_figure(graph, top)
    fig.savefig(path)
    plt.close(fig)


def graph_svg(graph: SignedGraph, *, top: int = 40) -> str:
    fig = _graph_figure(graph, top)
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg")
    plt.close(fig)
    return buffer.getvalue()


def plot_relation(rel: Relation, path: str | Path) -> None:
    """Score per period in both directions; turning points marked and labelled."""
    fig, ax = plt.subplots(figsize=(10, 5), dpi=100)
    keys = [p.key for p in rel.periods]
    xs = list(range(len(keys)))
    ab = [p.ab for p in rel.periods]
    ba = [p.ba for p in rel.periods]
    ax.axhline(0, color=GREY, linewidth=0.8)
    ax.plot(xs, ab, marker="o", color="#0969da", label=f"{rel.a.name} → {rel.b.name}")
    ax.plot(xs, ba, marker="s", color="#8250df", label=f"{rel.b.name} → {rel.a.name}")
    for turn in rel.turning_points:
        if turn.direction == "both" or turn.period not in keys:
            continue
        i = keys.index(turn.period)
        y = ab[i] if turn.direction == "a->b" else ba[i]
        ax.scatter(
            [i],
            [y],
            s=160,
            facecolors="none",
            edgecolors=RED if y < 0 else GREEN,
            linewidths=2,
            zorder=3,
        )
        ax.annotate(
            turn.kind, (i, y), textcoords="offset points", xytext=(0, 10), ha="center", fontsize=8
        )
    ax.set_xticks(
        xs, keys, rotation=45 if len(keys) > 8 else 0, ha="right" if len(keys) > 8 else "center"
    )
    ax.set_ylabel("score (sum of facts in the period)")
    ax.set_title(f"{rel.a.name} and {rel.b.name}, by {rel.by}")
    ax.legend(loc="best")
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
