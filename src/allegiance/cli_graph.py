"""The graph commands: graph, relation, allies, rivals, triad, flips, timeline, camps.

``cli.py`` registers them with one call, ``add_graph_commands(sub)``; each command opens the store,
calls one library function from :mod:`allegiance.graph` and prints text or JSON (or writes a file).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from allegiance.errors import ConfigError


def _store(args: argparse.Namespace) -> Any:
    from allegiance.store import open_store

    return open_store(args.db)


def _emit_json(obj: Any, args: argparse.Namespace) -> None:
    text = json.dumps(obj, ensure_ascii=False, indent=2, default=str) + "\n"
    if getattr(args, "out", None):
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _emit_text(lines: list[str], args: argparse.Namespace) -> None:
    text = "\n".join(lines) + "\n"
    if getattr(args, "out", None):
        Path(args.out).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _ev_line(ev: Any, names: dict[int, Any] | None = None) -> str:
    where = ev.title or ev.url or f"article {ev.article_id}"
    outlet = f", {ev.outlet}" if ev.outlet else ""
    return f"{ev.date or '?'} {ev.type.lower()}: “{ev.text}” ({where}{outlet})"


def _window(args: argparse.Namespace) -> dict[str, Any]:
    return {"since": args.since, "until": args.until, "half_life_days": args.half_life}


def _need_out(args: argparse.Namespace) -> None:
    if not args.out:
        raise ConfigError(f"--format {args.format} writes a file: give --out FILE")


# --- commands ---------------------------------------------------------------------------------


def cmd_graph(args: argparse.Namespace) -> int:
    from allegiance.graph.export import write_graph
    from allegiance.graph.query import build_graph

    with _store(args) as store:
        graph = build_graph(
            store,
            entity=args.entity,
            min_support=args.min_support,
            evidence=args.evidence,
            # text shows the --top edges only: their evidence is all that is looked up
            evidence_top=args.top if args.format == "text" else None,
            **_window(args),
        )
    if args.format == "json":
        _emit_json(graph.as_dict(), args)
    elif args.format == "text":
        since = graph.since.isoformat() if graph.since else "the beginning"
        lines = [f"{len(graph.edges)} edges, {len(graph.nodes)} actors, {since} to {graph.until}"]
        for e in graph.edges[: args.top]:
            a, b = graph.nodes[e.source].name, graph.nodes[e.target].name
            lines.append(
                f"{e.score:+.3f}  {a} → {b}  (verbal {e.verbal:+.2f}, material {e.material:+.2f},"
                f" state {e.state:+.2f}; {e.facts} facts, {e.articles} articles,"
                f" {e.outlets} outlets)"
            )
            lines.extend(f"          {_ev_line(ev)}" for ev in e.evidence)
        _emit_text(lines, args)
    else:
        _need_out(args)
        write_graph(graph, args.format, args.out, top=args.top)
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


def cmd_relation(args: argparse.Namespace) -> int:
    from allegiance.graph.relation import relation

    with _store(args) as store:
        rel = relation(store, args.a, args.b, by=args.by, **_window(args))
    if args.format == "json":
        _emit_json(rel.as_dict(), args)
    elif args.format in ("png", "svg"):
        from allegiance.graph.plot import plot_relation

        _need_out(args)
        plot_relation(rel, args.out)
        print(f"wrote {args.out}", file=sys.stderr)
    else:
        a, b = rel.a.name, rel.b.name
        lines = [
            f"{a} → {b}: {rel.score_ab:+.3f}   {b} → {a}: {rel.score_ba:+.3f}   (at {rel.until})",
            f"{'period':<10} {a + ' → ' + b:>24} {b + ' → ' + a:>24}",
        ]
        for p in rel.periods:
            lines.append(f"{p.key:<10} {p.ab:>+24.3f} {p.ba:>+24.3f}")
        if rel.turning_points:
            lines.append("Turning points:")
        for tp in rel.turning_points:
            who = {"a->b": f"{a} → {b}", "b->a": f"{b} → {a}", "both": f"{a} ↔ {b}"}
            lines.append(
                f"  {tp.period} {tp.kind} {who[tp.direction]}: {tp.before:+.2f} → {tp.after:+.2f}"
            )
            lines.extend(f"      {_ev_line(ev)}" for ev in tp.evidence)
        _emit_text(lines, args)
    return 0


def cmd_rank(args: argparse.Namespace) -> int:
    from allegiance.graph.rank import rank

    with _store(args) as store:
        ranking = rank(store, args.entity, args.command, limit=args.limit, **_window(args))
    if args.format == "json":
        _emit_json(ranking.as_dict(), args)
        return 0
    lines = [f"{args.command.capitalize()} of {ranking.entity.name} (at {ranking.until}):"]
    if not ranking.standings:
        lines.append("  none in this window")
    for i, s in enumerate(ranking.standings, 1):
        lines.append(
            f"{i:>3}. {s.other.name}  {s.score:+.3f} (gives {s.outgoing:+.2f}, receives "
            f"{s.incoming:+.2f}; {s.facts} facts, {s.articles} articles)"
        )
        lines.extend(f"       {_ev_line(ev)}" for ev in s.evidence[:1])
    _emit_text(lines, args)
    return 0


def cmd_triad(args: argparse.Namespace) -> int:
    from allegiance.graph.camps import triad

    with _store(args) as store:
        tri = triad(store, args.a, args.b, args.c, by=args.by, **_window(args))
    if args.format == "json":
        _emit_json(tri.as_dict(), args)
        return 0
    lines = list(tri.sentences)
    if tri.per_period:
        lines.append("")
        lines.append(f"{'period':<10} {'A–B':>8} {'A–C':>8} {'B–C':>8}  balanced")
        for row in tri.per_period:
            cells = [
                f"{row[k]:+8.2f}" if row[k] is not None else f"{'·':>8}"
                for k in ("a-b", "a-c", "b-c")
            ]
            state = {True: "yes", False: "no", None: "-"}[row["balanced"]]
            lines.append(f"{row['period']:<10} {' '.join(cells)}  {state}")
    _emit_text(lines, args)
    return 0


def cmd_flips(args: argparse.Namespace) -> int:
    from allegiance.graph.relation import flips

    with _store(args) as store:
        found = flips(store, args.since, args.until, by=args.by, limit=args.limit)
    if args.format == "json":
        _emit_json([f.as_dict() for f in found], args)
        return 0
    lines = [] if found else ["no dyad changed sign in this window"]
    for f in found:
        lines.append(
            f"{f.a.name} ↔ {f.b.name}: {f.before:+.2f} ({f.before_period}) → {f.after:+.2f} "
            f"({f.period})"
        )
        lines.extend(f"    {_ev_line(ev)}" for ev in f.evidence)
    _emit_text(lines, args)
    return 0


def cmd_timeline(args: argparse.Namespace) -> int:
    from allegiance.graph.timeline import timeline

    with _store(args) as store:
        tl = timeline(store, args.entity, since=args.since, until=args.until, limit=args.limit)
    if args.format == "json":
        _emit_json(tl.as_dict(), args)
        return 0
    lines = [f"Timeline of {tl.entity.name}:"]
    for e in tl.entries:
        other = tl.nodes[e.fact.tgt if e.role == "did" else e.fact.src].name
        arrow = f"→ {other}" if e.role == "did" else f"← {other}"
        text = f"“{e.evidence.text}”" if e.evidence else ""
        support = f" [{e.fact.articles} articles]" if e.fact.articles > 1 else ""
        lines.append(f"{e.date} {e.fact.type.lower():<11} {arrow}  {text}{support}")
    _emit_text(lines, args)
    return 0


def cmd_camps(args: argparse.Namespace) -> int:
    from allegiance.graph.camps import camps

    with _store(args) as store:
        found = camps(
            store,
            args.since,
            args.until,
            min_support=args.min_support,
            half_life_days=args.half_life,
        )
    if args.format == "json":
        _emit_json(found.as_dict(), args)
        return 0
    lines = []
    for i, camp in enumerate(found.camps, 1):
        lines.append(f"Camp {i}: {', '.join(m.name for m in camp.members)}")
        lines.extend(f"    {a.name} — {b.name} {s:+.2f}" for a, b, s in camp.bonds)
    lines.append(
        f"Frustration: {len(found.frustrated)} edges against the camps; "
        f"{found.negative_between} negative edges fall between camps."
    )
    lines.extend(f"    {a.name} — {b.name} {s:+.2f}" for a, b, s in found.frustrated[:10])
    _emit_text(lines, args)
    return 0


# --- parser -----------------------------------------------------------------------------------


def _common(p: argparse.ArgumentParser, formats: tuple[str, ...] = ("text", "json")) -> None:
    p.add_argument("--db", help="database: SQLite path or postgresql:// URL ($ALLEGIANCE_DB)")
    p.add_argument("--since", metavar="DATE", help="window start (YYYY-MM-DD, YYYY-MM, YYYY)")
    p.add_argument("--until", metavar="DATE", help="window end (default: latest fact stored)")
    p.add_argument(
        "--half-life",
        type=float,
        default=90.0,
        metavar="DAYS",
        help="facts lose half their weight every DAYS before the window end "
        "(default 90; 0: no decay)",
    )
    p.add_argument("--format", choices=formats, default="text", help="output format")
    p.add_argument("--out", metavar="FILE", help="write the output to FILE")


def add_graph_commands(sub: Any) -> None:
    """Register the graph commands on ``cli.py``'s subparsers."""
    p = sub.add_parser(
        "graph",
        help="the signed graph of a time window (who stands with whom)",
        description="The directed signed graph of actors over a time window.",
    )
    _common(p, ("text", "json", "graphml", "gexf", "csv", "png", "svg", "html"))
    p.add_argument("--entity", help="only the edges touching this actor")
    p.add_argument(
        "--min-support",
        type=int,
        default=1,
        metavar="N",
        help="keep edges reported by at least N articles",
    )
    p.add_argument(
        "--evidence",
        type=int,
        default=3,
        metavar="K",
        help="evidence lines kept per edge (default 3; 0 is faster)",
    )
    p.add_argument(
        "--top",
        type=int,
        default=40,
        metavar="N",
        help="text: edges shown; drawings: nodes kept (by weighted degree)",
    )
    p.set_defaults(func=cmd_graph)

    p = sub.add_parser("relation", help="A and B over time: scores, turning points, evidence")
    p.add_argument("a")
    p.add_argument("b")
    _common(p, ("text", "json", "png", "svg"))
    p.add_argument("--by", choices=["week", "month"], default="month")
    p.set_defaults(func=cmd_relation)

    for name, what in (("allies", "strongest allies"), ("rivals", "strongest rivals")):
        p = sub.add_parser(name, help=f"the {what} of an actor, with evidence")
        p.add_argument("entity")
        _common(p)
        p.add_argument("--limit", type=int, default=10)
        p.set_defaults(func=cmd_rank)

    p = sub.add_parser("triad", help="how A and B stand toward C and each other; balance")
    p.add_argument("a")
    p.add_argument("b")
    p.add_argument("c")
    _common(p)
    p.add_argument("--by", choices=["week", "month"], default="month")
    p.set_defaults(func=cmd_triad)

    p = sub.add_parser("flips", help="pairs whose relation changed sign, and what turned them")
    _common(p)
    p.add_argument("--by", choices=["week", "month"], default="month")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=cmd_flips)

    p = sub.add_parser("timeline", help="what an actor said and did, and what was said of it")
    p.add_argument("entity")
    _common(p)
    p.add_argument("--limit", type=int, default=100)
    p.set_defaults(func=cmd_timeline)

    p = sub.add_parser("camps", help="communities of allies and the edges that frustrate them")
    _common(p)
    p.add_argument("--min-support", type=int, default=1, metavar="N")
    p.set_defaults(func=cmd_camps)
