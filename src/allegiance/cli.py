"""The ``allegiance`` command: one thin function per command over the library.

Each command parses its options, calls one library function and prints; every
:class:`~allegiance.errors.AllegianceError` becomes one ``Error: …`` line and exit status 1
(2 for usage errors, as argparse does).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from allegiance import __version__
from allegiance.errors import AllegianceError, MissingInputError


def _use_color(stream: TextIO) -> bool:
    return stream.isatty() and "NO_COLOR" not in os.environ


def _dump(obj: Any, stream: TextIO, *, pretty: bool = True) -> None:
    json.dump(obj, stream, ensure_ascii=False, indent=2 if pretty else None, default=str)
    stream.write("\n")


# --- analyze ----------------------------------------------------------------------------------


def cmd_analyze(args: argparse.Namespace) -> int:
    from allegiance.analysis import analyze_many, analyze_path, default_context
    from allegiance.ingest.files import iter_articles
    from allegiance.pipeline import Failure

    context = default_context(args.kb)
    source = Path(args.source)
    out_dir = Path(args.out) if args.out else None
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)

    if args.source != "-" and not source.exists():
        raise MissingInputError("no such file or folder", path=args.source)

    if args.source != "-" and source.is_dir():
        failures = 0
        done = 0
        for result in analyze_many(
            iter_articles(source), args.lang, args.published, context=context
        ):
            if isinstance(result, Failure):
                failures += 1
                print(f"Error: {result.error}", file=sys.stderr)
                continue
            done += 1
            _emit(result, args, out_dir, folder=True)
        print(f"{done} analysed, {failures} failed", file=sys.stderr)
        return 1 if failures and not done else 0

    article = analyze_path(args.source, args.lang, args.published, context=context)
    _emit(article, args, out_dir, folder=False)
    return 0


def _emit(article, args: argparse.Namespace, out_dir: Path | None, *, folder: bool) -> None:  # type: ignore[no-untyped-def]
    from allegiance.report import render

    if out_dir is not None:
        stem = Path(article.meta.path).stem if article.meta.path not in (None, "-") else "stdin"
        target = out_dir / f"{stem}.json"
        with target.open("w", encoding="utf-8") as fh:
            _dump(article.as_dict(), fh)
        if args.format == "text" and not folder:
            sys.stdout.write(render(article, color=_use_color(sys.stdout)))
        return
    if args.format == "text":
        sys.stdout.write(render(article, color=_use_color(sys.stdout)))
        if folder:
            sys.stdout.write("\n")
    else:  # one pretty object for one file; JSON Lines for a folder
        _dump(article.as_dict(), sys.stdout, pretty=not folder)
        sys.stdout.flush()


# --- eval -------------------------------------------------------------------------------------


def cmd_eval(args: argparse.Namespace) -> int:
    from allegiance.evaluation.gold import evaluate_files, render_scores

    report = evaluate_files([Path(p) for p in args.gold], kb_paths=args.kb)
    if args.json:
        _dump(report, sys.stdout)
    else:
        sys.stdout.write(render_scores(report))
    return 0


# --- serve ------------------------------------------------------------------------------------


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from allegiance.api import create_app
    from allegiance.store import open_store

    open_store(args.db).close()  # a bad --db fails here, as one clear line, not in a worker
    uvicorn.run(create_app(args.db, kb=args.kb), host=args.host, port=args.port, log_level="info")
    return 0


# --- parser -----------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="allegiance",
        description="Who said what about whom, and who stands with whom, in French and English news.",
    )
    parser.add_argument("--version", action="version", version=f"allegiance {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    kb_help = "an extra knowledge-base YAML file (repeatable; also $ALLEGIANCE_KB)"

    p = sub.add_parser(
        "analyze",
        help="analyse articles: clean text, entities, tickers, amounts, dates, quotes, events",
        description="Analyse one article (text, Markdown or HTML file, or - for stdin) or a folder "
        "of them. A folder prints JSON Lines (one object per file) unless --out or --format text.",
    )
    p.add_argument("source", help="a file, a folder, or - for standard input")
    p.add_argument("--lang", choices=["fr", "en"], help="language (default: detected)")
    p.add_argument(
        "--published",
        metavar="DATE",
        help="publication date YYYY-MM-DD (default: the file's metadata, else unknown)",
    )
    p.add_argument(
        "--format",
        choices=["text", "json"],
        default=None,
        help="output format (default: text for one file, JSON Lines for a folder)",
    )
    p.add_argument("--out", metavar="DIR", help="write one <stem>.json per input into DIR")
    p.add_argument("--kb", action="append", type=Path, default=[], metavar="FILE", help=kb_help)
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser(
        "eval",
        help="score the analysis against gold files (allegiance-gold/1)",
        description="Score entities, tickers, amounts, dates, boilerplate, quotes and relations "
        "against gold files in the allegiance-gold/1 format, or folders of them. Each line names "
        "its errors (missed items; missed, spurious and mis-attributed quotes; missed and "
        "extra quote targets): all of them with --json. Quote targets are scored on matched "
        "quotes, with a recall and a precision; unnamed|matched is the share of matched quotes "
        "of an unnamed source that the system did not pin on a named actor. quotes@30 KIND "
        "and speaker|KIND give detection and speakers per kind (direct, partial, indirect): "
        "recall over the gold quotes of the kind, precision over the predictions of the kind.",
    )
    p.add_argument("gold", nargs="+", help="gold files (*.gold.json) or folders of them")
    p.add_argument("--json", action="store_true", help="print the scores as JSON")
    p.add_argument("--kb", action="append", type=Path, default=[], metavar="FILE", help=kb_help)
    p.set_defaults(func=cmd_eval)

    p = sub.add_parser(
        "serve",
        help="serve the JSON API (analysis, search, entities, graph queries) over HTTP",
        description="Serve the JSON API over the store: POST /analyze, GET /articles/{id}, "
        "/search, /entities, /graph, /relation, /allies/{x}, /rivals/{x}, /triad, /flips, "
        "/timeline/{x}, /camps; interactive documentation at /docs.",
    )
    p.add_argument("--db", help="database: SQLite path or postgresql:// URL ($ALLEGIANCE_DB)")
    p.add_argument("--host", default="127.0.0.1", help="interface to listen on (default 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    p.add_argument("--kb", action="append", type=Path, default=[], metavar="FILE", help=kb_help)
    p.set_defaults(func=cmd_serve)

    from allegiance.cli_corpus import add_corpus_commands
    from allegiance.cli_graph import add_graph_commands

    add_corpus_commands(sub)
    add_graph_commands(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command == "analyze" and args.format is None:
        folder = args.source != "-" and Path(args.source).is_dir()
        args.format = "jsonl" if folder else "text"
    try:
        return int(args.func(args))
    except AllegianceError as exc:
        print(f"Error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Error: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
