"""The signed graph in other tools' formats: networkx, GraphML, GEXF, CSV, a standalone HTML page.

GraphML and GEXF hold scalar attributes only, so each edge carries its scores and support and
its single strongest evidence line (text, article title, URL, date); the JSON output has it all.
"""

from __future__ import annotations

import csv
import html
import io
from pathlib import Path

import networkx as nx

from allegiance.errors import ConfigError
from allegiance.graph.query import SignedGraph

FORMATS = ("text", "json", "graphml", "gexf", "csv", "png", "svg", "html")


def to_networkx(graph: SignedGraph) -> nx.DiGraph:
    g = nx.DiGraph(since=graph.since.isoformat() if graph.since else "", until=str(graph.until))
    for node in graph.nodes.values():
        g.add_node(node.label, name=node.name, type=node.type, kb_id=node.kb_id or "")
    for e in graph.edges:
        best = e.evidence[0] if e.evidence else None
        g.add_edge(
            graph.nodes[e.source].label,
            graph.nodes[e.target].label,
            score=round(e.score, 6),
            sign=e.sign,
            verbal=round(e.verbal, 6),
            material=round(e.material, 6),
            state=round(e.state, 6),
            facts=e.facts,
            articles=e.articles,
            outlets=e.outlets,
            evidence=best.text if best else "",
            evidence_title=(best.title or "") if best else "",
            evidence_url=(best.url or "") if best else "",
            evidence_date=(best.date or "") if best else "",
        )
    return g


def to_csv(graph: SignedGraph) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(
        [
            "source",
            "target",
            "score",
            "sign",
            "verbal",
            "material",
            "state",
            "facts",
            "articles",
            "outlets",
            "evidence",
            "evidence_url",
            "evidence_date",
        ]
    )
    for e in graph.edges:
        best = e.evidence[0] if e.evidence else None
        writer.writerow(
            [
                graph.nodes[e.source].label,
                graph.nodes[e.target].label,
                f"{e.score:.4f}",
                e.sign,
                f"{e.verbal:.4f}",
                f"{e.material:.4f}",
                f"{e.state:.4f}",
                e.facts,
                e.articles,
                e.outlets,
                best.text if best else "",
                (best.url or "") if best else "",
                (best.date or "") if best else "",
            ]
        )
    return out.getvalue()


def write_graph(graph: SignedGraph, fmt: str, path: str | Path, *, top: int = 40) -> None:
    """Write ``graph`` as ``fmt`` to ``path`` (binary formats need a path)."""
    path = Path(path)
    if fmt == "graphml":
        nx.write_graphml(to_networkx(graph), path)
    elif fmt == "gexf":
        nx.write_gexf(to_networkx(graph), path)
    elif fmt == "csv":
        path.write_text(to_csv(graph), encoding="utf-8")
    elif fmt in ("png", "svg"):
        from allegiance.graph.plot import plot_graph

        plot_graph(graph, path, top=top)
    elif fmt == "html":
        path.write_text(to_html(graph, top=top), encoding="utf-8")
    else:
        raise ConfigError(f"cannot write a graph as {fmt!r}: use one of {', '.join(FORMATS)}")


def to_html(graph: SignedGraph, *, top: int = 40) -> str:
    """One self-contained page: the drawing as inline SVG, then every edge with its evidence."""
    from allegiance.graph.plot import graph_svg

    svg = graph_svg(graph, top=top)
    svg = svg[svg.find("<svg") :]  # drop the XML prolog: the SVG is inlined
    rows = []
    for e in graph.edges:
        colour = "#1a7f37" if e.sign > 0 else "#cf222e" if e.sign < 0 else "#57606a"
        evidence = "".join(
            f"<li>{html.escape(ev.date or '')} — {html.escape(ev.text)} "
            + (
                f'<a href="{html.escape(ev.url)}">{html.escape(ev.title or ev.url)}</a>'
                if ev.url
                else html.escape(ev.title or "")
            )
            + (f" ({html.escape(ev.outlet)})" if ev.outlet else "")
            + "</li>"
            for ev in e.evidence
        )
        rows.append(
            "<tr>"
            f"<td>{html.escape(graph.nodes[e.source].name)}</td>"
            f"<td>{html.escape(graph.nodes[e.target].name)}</td>"
            f'<td style="color:{colour}">{e.score:+.3f}</td>'
            f"<td>{e.verbal:+.2f} / {e.material:+.2f} / {e.state:+.2f}</td>"
            f"<td>{e.articles}</td><td><ul>{evidence}</ul></td></tr>"
        )
    since = graph.since.isoformat() if graph.since else "the beginning"
    title = f"Allegiance graph, {since} to {graph.until.isoformat()}"
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title><style>"
        "body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #d0d7de;padding:4px 8px;vertical-align:top}"
        "ul{margin:0;padding-left:1.2em}svg{max-width:100%;height:auto}"
        "</style></head><body>"
        f"<h1>{html.escape(title)}</h1>{svg}"
        "<table><thead><tr><th>source</th><th>target</th><th>score</th>"
        "<th>verbal / material / state</th><th>articles</th><th>evidence</th></tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table></body></html>\n"
    )
