"""Drawings: the signed graph (green for, red against) and one relationship over time.

matplotlib runs headless (Agg). Large graphs are cut to the ``top`` nodes by weighted degree
(sum of |score| of their edges), so labels stay readable.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.dates as mdates  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import networkx as nx  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

from allegiance.graph.query import SignedGraph  # noqa: E402
from allegiance.graph.relation import Period, Relation  # noqa: E402

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


def _period_span(period: Period, by: str) -> timedelta:
    """How long a period lasts (a month: to the first of the next)."""
    if by == "week":
        return timedelta(days=7)
    first = period.start
    following = (
        first.replace(year=first.year + 1, month=1)
        if first.month == 12
        else first.replace(month=first.month + 1)
    )
    return following - first


def _x(day: date) -> float:
    """A date as a matplotlib date number (days since the epoch matplotlib uses)."""
    return float(mdates.date2num(day))


def _series(rel: Relation, value: Callable[[Period], float]) -> tuple[list[float], list[float]]:
    """Dates and values of one direction, with a gap (NaN) wherever periods without a fact lie
    between two points: a line drawn across them would show a trend nobody reported. The
    dates are matplotlib date numbers (days), the axis' own unit."""
    xs: list[float] = []
    ys: list[float] = []
    previous: Period | None = None
    for period in rel.periods:
        if previous is not None and period.start > previous.start + _period_span(previous, rel.by):
            xs.append(_x(previous.start + _period_span(previous, rel.by)))
            ys.append(math.nan)
        xs.append(_x(period.start))
        ys.append(value(period))
        previous = period
    return xs, ys


def relation_figure(rel: Relation) -> Figure:
    """Score per period in both directions against real dates; turning points marked.

    Each period is drawn at its first day on a date axis, so a quiet year between two
    quarrels takes a year of width. A turning point of one direction is circled on that
    direction's line; a turning point of the pair as a whole ("both") is a dotted vertical line.
    """
    fig, ax = plt.subplots(figsize=(10, 5), dpi=100)
    starts = {p.key: _x(p.start) for p in rel.periods}
    values = {p.key: p for p in rel.periods}
    ax.axhline(0, color=GREY, linewidth=0.8)
    ab_x, ab_y = _series(rel, lambda p: p.ab)
    ba_x, ba_y = _series(rel, lambda p: p.ba)
    ax.plot(ab_x, ab_y, marker="o", color="#0969da", label=f"{rel.a.name} → {rel.b.name}")
    ax.plot(ba_x, ba_y, marker="s", color="#8250df", label=f"{rel.b.name} → {rel.a.name}")
    for turn in rel.turning_points:
        when = starts.get(turn.period)
        if when is None:
            continue
        if turn.direction == "both":
            ax.axvline(when, color=RED if turn.after < 0 else GREEN, linestyle=":", linewidth=1)
            continue
        period = values[turn.period]
        y = period.ab if turn.direction == "a->b" else period.ba
        ax.scatter(
            [when],
            [y],
            s=160,
            facecolors="none",
            edgecolors=RED if y < 0 else GREEN,
            linewidths=2,
            zorder=3,
        )
        ax.annotate(
            turn.kind,
            (when, y),
            textcoords="offset points",
            xytext=(0, 10),
            ha="center",
            fontsize=8,
        )
    if rel.periods:
        # Half a period of margin each side, so the first and last points are not on the frame.
        first, last = rel.periods[0], rel.periods[-1]
        ax.set_xlim(
            _x(first.start) - _period_span(first, rel.by).days / 2,
            _x(last.start) + _period_span(last, rel.by).days / 2,
        )
    locator = mdates.AutoDateLocator(minticks=3, maxticks=12)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
    ax.set_ylabel(f"score (sum of facts in the {rel.by})")
    ax.set_title(f"{rel.a.name} and {rel.b.name}, by {rel.by}")
    ax.legend(loc="best")
    fig.tight_layout()
    return fig


def plot_relation(rel: Relation, path: str | Path) -> None:
    """The relation drawn by :func:`relation_figure`, saved (PNG, SVG: by the file's suffix)."""
    fig = relation_figure(rel)
    fig.savefig(path)
    plt.close(fig)
