"""The corpus commands: ``ingest``, ``entities``, ``merge``, ``split``, ``search``, ``show``.

Thin functions over the library (:func:`allegiance.ingest.runner.ingest` and
:class:`allegiance.store.Store`), registered on the main parser by :func:`add_corpus_commands`.
Each prints to stdout (``--json`` for machines), reports progress and problems on stderr, and lets
:class:`~allegiance.errors.AllegianceError` through to ``cli.main``, which prints one clean line.

Every command takes ``--db URL`` (a SQLite file or a ``postgresql://`` URL); the default is
``$ALLEGIANCE_DB``, else ``allegiance.sqlite`` in the working directory.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from datetime import date
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from allegiance.ingest.runner import IngestSummary
    from allegiance.models import Article
    from allegiance.store import Store


def _dump(obj: Any, stream: TextIO | None = None) -> None:
    stream = stream or sys.stdout  # looked up at call time: tests and callers may redirect it
    json.dump(obj, stream, ensure_ascii=False, indent=2, default=str)
    stream.write("\n")


def _open(args: argparse.Namespace) -> Store:
    from allegiance.store import open_store

    return open_store(args.db)


# --- ingest -------------------------------------------------------------------------------------


class _ProgressLine:
    """One ``\\r``-rewritten status line on a terminal, at most five times a second."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream
        self.last = 0.0
        self.width = 0

    def __call__(self, summary: IngestSummary) -> None:
        now = time.monotonic()
        if now - self.last < 0.2:
            return
        self.last = now
        text = (
            f"{summary.ingested} ingested, {summary.duplicates} duplicates, "
            f"{summary.skipped} already stored, {summary.errors} errors "
            f"- {summary.rate:.2f} articles/s, {summary.seconds:.0f} s"
        )
        self.width = max(self.width, len(text))
        self.stream.write("\r" + text.ljust(self.width))
        self.stream.flush()

    def clear(self) -> None:
        if self.width:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()


def cmd_ingest(args: argparse.Namespace) -> int:
    from allegiance.ingest.http import HttpClient
    from allegiance.ingest.runner import ingest

    client_options: dict[str, Any] = {"respect_robots": not args.no_robots}
    if args.rate is not None:
        client_options["min_interval"] = args.rate
    if args.user_agent:
        client_options["user_agent"] = args.user_agent
    progress = _ProgressLine(sys.stderr) if sys.stderr.isatty() and not args.quiet else None
    with HttpClient(**client_options) as client:
        try:
            summary = ingest(
                args.sources,
                args.db,
                workers=args.workers,
                batch_size=args.batch,
                lang=args.lang,
                client=client,
                kb_paths=args.kb,
                progress=progress,
            )
        finally:
            if progress is not None:
                progress.clear()
    return _report(summary, args)


def _report(summary: IngestSummary, args: argparse.Namespace) -> int:
    """Errors, then the summary line (or JSON); status 1 when nothing at all could be read."""
    for error in summary.error_list:
        source, message = error["source"], error["error"]
        where = "" if message.startswith(source) else f"{source}: "
        print(f"Error: {where}{message}", file=sys.stderr)
    if summary.errors > len(summary.error_list):
        print(f"… and {summary.errors - len(summary.error_list)} more errors", file=sys.stderr)
    if args.json:
        _dump(summary.as_dict())
    if not args.quiet:
        print(summary.line(), file=sys.stderr)
    nothing_read = not (summary.ingested or summary.duplicates or summary.skipped)
    return 1 if summary.errors and nothing_read else 0


def cmd_spark(args: argparse.Namespace) -> int:
    from allegiance.ingest.spark import spark_analyse

    units = spark_analyse(
        args.sources,
        args.out,
        master=args.master,
        lang=args.lang,
        kb_paths=args.kb,
        partitions=args.partitions,
    )
    print(
        f"analysed {units} units into {args.out}; store them with: allegiance load {args.out}",
        file=sys.stderr,
    )
    return 0


def cmd_load(args: argparse.Namespace) -> int:
    from allegiance.ingest.load import load_analyses, read_records

    progress = _ProgressLine(sys.stderr) if sys.stderr.isatty() and not args.quiet else None
    try:
        summary = load_analyses(
            read_records(args.analyses),
            args.db,
            label=" ".join(args.analyses),
            batch_size=args.batch,
            progress=progress,
        )
    finally:
        if progress is not None:
            progress.clear()
    return _report(summary, args)


# --- entities, merge, split -------------------------------------------------------------------


def cmd_entities(args: argparse.Namespace) -> int:
    with _open(args) as store:
        rows = store.entities(limit=args.limit, query=args.query)
    if args.json:
        _dump([{**r.as_dict(), "mentions": m, "articles": a} for r, m, a in rows])
        return 0
    if not rows:
        print("no entities", file=sys.stderr)
        return 0
    table = [
        (
            str(r.id),
            r.name,
            r.type,
            str(mentions),
            str(articles),
            r.ticker or r.kb_id or "",
            ", ".join(r.aliases[:4]),
        )
        for r, mentions, articles in rows
    ]
    header = ("id", "name", "type", "mentions", "articles", "kb", "aliases")
    widths = [max(len(row[i]) for row in [header, *table]) for i in range(len(header) - 1)]
    for row in [header, *table]:
        cells = [c.ljust(w) for c, w in zip(row[:-1], widths, strict=True)] + [row[-1]]
        print("  ".join(cells).rstrip())
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    with _open(args) as store:
        keep, other = store.entity(args.keep), store.entity(args.other)
        store.merge_entities(keep.id, other.id)
    print(f"merged {other.name} (#{other.id}) into {keep.name} (#{keep.id})")
    return 0


def cmd_split(args: argparse.Namespace) -> int:
    with _open(args) as store:
        entity = store.entity(args.entity)
        new_id = store.split_entity(entity.id, args.alias)
    print(f"split {args.alias!r} off {entity.name} (#{entity.id}): now entity #{new_id}")
    return 0


# --- search -------------------------------------------------------------------------------------


def cmd_search(args: argparse.Namespace) -> int:
    lemmas = None
    if args.query.strip() and not args.no_lemmas:
        from allegiance.analysis import query_lemmas

        _lang, lemmas = query_lemmas(args.query, args.lang)
    with _open(args) as store:
        hits = store.search(
            args.query,
            query_lemmas=lemmas,
            entity=args.entity or None,
            lang=args.lang,
            since=args.since,
            until=args.until,
            limit=args.limit,
        )
    if args.json:
        _dump([h.as_dict() for h in hits])
        return 0
    if not hits:
        print("no matching articles", file=sys.stderr)
        return 0
    for h in hits:
        when = h.published.isoformat() if h.published else "----------"
        print(f"{h.article_id:>6}  {when}  {h.title or '(untitled)'}")
        if h.url:
            print(f"        {h.url}")
        print(f"        {h.snippet}")
    return 0


# --- show ---------------------------------------------------------------------------------------


def article_from_dict(data: dict[str, Any]) -> Article:
    """An :class:`Article` rebuilt from its ``as_dict()`` form (the JSON contract), for the report.

    The spaCy Doc and the raw text are not part of the contract: ``doc`` is None and
    ``raw_text`` is the body.
    """
    from allegiance.models import (
        Amount,
        Article,
        ArticleMeta,
        DateMention,
        Entity,
        Event,
        Mention,
        Quote,
        Removed,
        Span,
        Speaker,
        State,
        Target,
    )

    def span(value: dict[str, Any] | None) -> Span | None:
        return Span(value["text"], value["start"], value["end"]) if value else None

    def amount(value: dict[str, Any] | None) -> Amount | None:
        return Amount(**value) if value else None

    meta = data["article"]
    published = meta.get("published")
    article = Article(
        meta=ArticleMeta(
            id=meta["id"],
            title=meta.get("title"),
            url=meta.get("url"),
            published=date.fromisoformat(published) if published else None,
            lang=meta.get("lang"),
            source=meta.get("source"),
            author=meta.get("author"),
        ),
        raw_text=data["body"],
        body=data["body"],
        removed=[Removed(r["text"], r["reason"]) for r in data.get("removed", [])],
    )
    article.entities = [
        Entity(
            id=e["id"],
            name=e["name"],
            type=e["type"],
            mentions=[Mention(**m) for m in e.get("mentions", [])],
            aliases=list(e.get("aliases", [])),
            relevance=e.get("relevance", 0.0),
            ticker=e.get("ticker"),
            exchange=e.get("exchange"),
            wikidata=e.get("wikidata"),
            kb=bool(e.get("kb", False)),
        )
        for e in data.get("entities", [])
    ]
    article.amounts = [Amount(**a) for a in data.get("amounts", [])]
    article.dates = [DateMention(**d) for d in data.get("dates", [])]
    article.quotes = [
        Quote(
            text=q["text"],
            start=q["start"],
            end=q["end"],
            kind=q["kind"],
            cue=span(q.get("cue")),
            speaker=Speaker(
                q["speaker"]["entity"], q["speaker"]["name"], span(q["speaker"].get("mention"))
            )
            if q.get("speaker")
            else None,
            about=[Target(t["entity"], t["stance"]) for t in q.get("about", [])],
            confidence=q.get("confidence", 0.5),
        )
        for q in data.get("quotes", [])
    ]
    article.events = [
        Event(
            **{
                **ev,
                "evidence": span(ev["evidence"]),
                "amount": amount(ev.get("amount")),
                "source": list(ev.get("source", [])),
                "target": list(ev.get("target", [])),
            }
        )
        for ev in data.get("events", [])
    ]
    article.states = [
        State(**{**st, "evidence": span(st["evidence"])}) for st in data.get("states", [])
    ]
    return article


def cmd_show(args: argparse.Namespace) -> int:
    from allegiance.report import render

    key = args.article
    with _open(args) as store:
        analysis = store.get_analysis(key)
        # other places the article appeared (the store maps a URL to its id only internally)
        sources = store.sources(int(key)) if key.isdigit() else []
    if args.format == "json":
        _dump(analysis)
        return 0
    color = sys.stdout.isatty() and "NO_COLOR" not in os.environ
    sys.stdout.write(render(article_from_dict(analysis), color=color))
    if sources:
        sys.stdout.write("\nAlso published at\n")
        for url, outlet in sources:
            sys.stdout.write(f"  {outlet or '—'}  {url or '(no URL)'}\n")
    return 0


# --- the parser ---------------------------------------------------------------------------------


def _db_option(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--db",
        metavar="URL",
        default=None,
        help="the database: a SQLite file or postgresql:// URL "
        "(default: $ALLEGIANCE_DB, else ./allegiance.sqlite)",
    )


def _kb_option(p: argparse.ArgumentParser) -> None:
    from pathlib import Path

    p.add_argument(
        "--kb",
        action="append",
        type=Path,
        default=[],
        metavar="FILE",
        help="an extra knowledge-base YAML file (repeatable)",
    )


def _run_options(p: argparse.ArgumentParser) -> None:
    """What a run that writes into the store takes: batch size, summary as JSON, quiet."""
    p.add_argument("--batch", type=int, default=20, metavar="N", help="articles per write batch")
    p.add_argument("--json", action="store_true", help="print the run summary as JSON on stdout")
    p.add_argument("--quiet", action="store_true", help="no progress line and no summary line")


def _positive(text: str) -> int:
    value = int(text)
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def add_corpus_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register the corpus commands on the main parser's subparsers (called from ``cli.py``)."""
    p = sub.add_parser(
        "ingest",
        help="analyse and store articles from files, folders, feeds, sitemaps, URL lists, WARCs",
        description="Analyse every article the sources lead to and store it in the database. "
        "Articles already stored are skipped, copies are linked to their original, and an "
        "interrupted run can simply be started again.",
    )
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="file, folder, feed, URL, WARC")
    _db_option(p)
    p.add_argument(
        "--workers",
        type=_positive,
        default=max(1, min(4, (os.cpu_count() or 2) - 1)),
        metavar="N",
        help="analysis processes (0: analyse in this process; default: CPU cores - 1, max 4)",
    )
    _run_options(p)
    p.add_argument("--lang", choices=["fr", "en"], help="force the language (default: detected)")
    p.add_argument(
        "--rate",
        type=float,
        metavar="SECONDS",
        help="minimum seconds between two requests to one host (default: 1)",
    )
    p.add_argument("--user-agent", metavar="UA", help="the User-Agent sent with each request")
    p.add_argument(
        "--no-robots", action="store_true", help="do not honour robots.txt (your own sites only)"
    )
    _kb_option(p)
    p.set_defaults(func=cmd_ingest)

    p = sub.add_parser(
        "spark",
        help="analyse sources on a Spark cluster into JSON Lines (then: allegiance load)",
        description="The distributed engine (needs PySpark and Java 17+): every article file "
        "of the folders, and each WARC, feed, URL list or URL given, is analysed in Spark "
        "executors; one JSON line per article or failure is written into the new folder OUT. "
        "Paths must be visible to every executor.",
    )
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="file, folder, feed, URL, WARC")
    p.add_argument("--out", required=True, metavar="DIR", help="output folder (must not exist)")
    p.add_argument(
        "--master", metavar="URL", help="Spark master, e.g. local[4] or spark://host:7077"
    )
    p.add_argument("--partitions", type=_positive, metavar="N", help="Spark partitions")
    p.add_argument("--lang", choices=["fr", "en"], help="force the language (default: detected)")
    _kb_option(p)
    p.set_defaults(func=cmd_spark)

    p = sub.add_parser(
        "load",
        help="store analyses made by `allegiance spark` (JSON Lines files or folders)",
        description="Write analysis records into the database in order, skipping what is "
        "stored, linking copies to their original and recording failures, as ingest does.",
    )
    p.add_argument("analyses", nargs="+", metavar="PATH", help="a JSON Lines file or a folder")
    _db_option(p)
    _run_options(p)
    p.set_defaults(func=cmd_load)

    p = sub.add_parser(
        "entities",
        help="list stored entities with their mention counts",
        description="Entities across the stored articles, most mentioned first.",
    )
    _db_option(p)
    p.add_argument("--query", "-q", metavar="Q", help="names or aliases containing Q")
    p.add_argument("--limit", type=int, default=50, metavar="N")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_entities)

    p = sub.add_parser(
        "merge",
        help="merge entity OTHER into entity KEEP (kept on re-ingestion)",
        description="Fold OTHER into KEEP (ids, KB ids or names): its mentions, quotes, events "
        "and names. The correction is recorded and applied to articles stored later.",
    )
    p.add_argument("keep", metavar="KEEP")
    p.add_argument("other", metavar="OTHER")
    _db_option(p)
    p.set_defaults(func=cmd_merge)

    p = sub.add_parser(
        "split",
        help="give the form ALIAS of ENTITY an entity of its own (kept on re-ingestion)",
        description="Mentions of ENTITY written ALIAS move to a new entity; the correction is "
        "recorded and applied to articles stored later.",
    )
    p.add_argument("entity", metavar="ENTITY")
    p.add_argument("alias", metavar="ALIAS")
    _db_option(p)
    p.set_defaults(func=cmd_split)

    p = sub.add_parser(
        "search",
        help="full-text search of stored articles (accents and word forms ignored)",
        description="Articles containing every word of QUERY (accents and case ignored, or in "
        "any inflected form through the lemmas), best first.",
    )
    p.add_argument("query", metavar="QUERY")
    _db_option(p)
    p.add_argument("--entity", metavar="X", help="only articles mentioning entity X")
    p.add_argument("--lang", choices=["fr", "en"], help="only articles in this language")
    p.add_argument("--since", metavar="DATE", help="published on or after DATE (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="published on or before DATE (YYYY-MM-DD)")
    p.add_argument("--limit", type=int, default=20, metavar="N")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--no-lemmas",
        action="store_true",
        help="match the words only (skips loading the language model)",
    )
    p.set_defaults(func=cmd_search)

    p = sub.add_parser(
        "show",
        help="print a stored article's analysis, as analyze prints it",
        description="The stored analysis of ARTICLE (an article id or URL).",
    )
    p.add_argument("article", metavar="ARTICLE")
    _db_option(p)
    p.add_argument("--format", choices=["text", "json"], default="text")
    p.set_defaults(func=cmd_show)
