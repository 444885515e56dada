"""The work done in the worker processes of ``allegiance ingest``, in two steps per article.

1. :func:`prepare`: decode the raw bytes, extract the text of a page, remove boilerplate, find
   the language, and fingerprint the clean body (hash, SimHash). Cheap: milliseconds.
2. :func:`analyse`: the spaCy pipeline and every extractor, then the lemma string for search.
   Expensive: this is what the pool exists for.

The parent checks the store between the two steps, so a duplicate costs a ``prepare`` and never
an ``analyse`` (see :mod:`allegiance.ingest.runner`). Only plain, picklable values cross the
process boundary: :class:`~allegiance.ingest.sources.SourceItem` in, an :class:`Article` without
its Doc between the steps, and the analysis dict (``Article.as_dict()``) out. A spaCy Doc never
leaves the worker.

Each worker builds its :class:`~allegiance.pipeline.Context` (knowledge base) once, in
:func:`init_worker`, and loads each language's pipeline once (``nlp.models.load`` is cached per
process). The same functions run in the parent when ``workers=0``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import allegiance.analysis  # noqa: F401 - importing it registers the stages in STAGES
from allegiance.errors import AllegianceError
from allegiance.ingest.fingerprint import content_hash, lemma_string, simhash
from allegiance.ingest.sources import SourceItem, to_raw_document
from allegiance.models import Article
from allegiance.pipeline import STAGES, Context, run

_CONTEXT: Context | None = None
# The stages up to the language are the cheap "prepare" half; the rest is the analysis.
_SPLIT = next(i for i, s in enumerate(STAGES) if s.name == "language") + 1
PREPARE_STAGES = STAGES[:_SPLIT]
ANALYSE_STAGES = STAGES[_SPLIT:]


@dataclass
class Prepared:
    """An article cleaned and fingerprinted, waiting for the parent's verdict and the NLP."""

    source: str
    url: str | None
    article: Article  # body, removed and meta filled; no Doc
    content_hash: str
    signature: int
    outlet: str | None


@dataclass
class Analysed:
    """An article fully analysed: what the parent saves."""

    source: str
    url: str | None
    analysis: dict[str, Any]
    content_hash: str
    signature: int
    lemmas: str
    lang: str | None
    outlet: str | None


@dataclass
class Failed:
    """An article that could not be read or analysed: recorded as an ingest error, then skipped."""

    source: str
    error: str


def _exit_with_parent() -> None:
    """Exit when the parent process dies (``kill -9`` included).

    A pool worker waits on a queue whose write end it holds itself, so it would never see the
    parent go and would linger with its model loaded. A daemon thread waits on the parent's
    sentinel instead and ends the process.
    """
    import multiprocessing
    import threading
    from multiprocessing.connection import wait as wait_for

    parent = multiprocessing.parent_process()
    if parent is None or parent.sentinel is None:
        return

    def watch() -> None:
        wait_for([parent.sentinel])
        os._exit(1)

    threading.Thread(target=watch, name="allegiance-parent-watch", daemon=True).start()


def init_worker(
    kb_paths: tuple[str, ...] = (), preload: tuple[str, ...] = (), *, pool: bool = False
) -> None:
    """Process initializer: the knowledge base once, and the pipelines already known to be needed.

    ``pool``: this is a worker process (not the parent running ``workers=0``).
    """
    global _CONTEXT
    from allegiance.analysis import default_context
    from allegiance.nlp.models import load

    if pool:
        import signal

        # Ctrl-C reaches the whole process group: the parent handles it and shuts the pool down.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _exit_with_parent()
    _CONTEXT = default_context([Path(p) for p in kb_paths])
    for lang in preload:
        load(lang)


def _context() -> Context:
    if _CONTEXT is None:
        init_worker()
    assert _CONTEXT is not None
    return _CONTEXT


def _message(exc: BaseException) -> str:
    if isinstance(exc, AllegianceError):
        return str(exc)
    # A bug in one extractor must not stop a night's ingest: record it loudly and go on.
    return f"internal error: {type(exc).__name__}: {exc}"


def _id_hint(item: SourceItem) -> str | None:
    if item.url:
        stem = Path(urlsplit(item.url).path).stem
        return stem[:40] or None
    return Path(item.source).stem or None


def build_article(item: SourceItem, lang: str | None = None) -> Article:
    """The Article for a raw item, built as ``analysis.analyze_path`` builds one for a file."""
    from allegiance.analysis import new_article

    raw = to_raw_document(item)
    return new_article(
        raw.text,
        is_html=raw.is_html,
        meta=raw.meta,
        lang=lang,
        url=item.url,
        path=None if item.url else item.source,
        id_hint=_id_hint(item),
    )


def prepare(item: SourceItem, lang: str | None = None) -> Prepared | Failed:
    """Step 1 (see the module docstring); never raises for a bad article."""
    try:
        article = build_article(item, lang)
        run(article, _context(), PREPARE_STAGES)
        return Prepared(
            source=item.source,
            url=article.meta.url,
            article=article,
            content_hash=content_hash(article.body),
            signature=simhash(article.body, article.meta.title),
            outlet=article.meta.source,
        )
    except Exception as exc:  # noqa: BLE001 - one bad article is recorded, never fatal
        return Failed(item.source, _message(exc))


def analyse(prepared: Prepared) -> Analysed | Failed:
    """Step 2: the NLP and the extractors on a prepared article; never raises for a bad one."""
    article = prepared.article
    try:
        run(article, _context(), ANALYSE_STAGES)
        assert article.doc is not None
        lemmas = lemma_string(article.doc)
        article.doc = None  # free it here: only the dict goes back
        return Analysed(
            source=prepared.source,
            url=prepared.url,
            analysis=article.as_dict(),
            content_hash=prepared.content_hash,
            signature=prepared.signature,
            lemmas=lemmas,
            lang=article.meta.lang,
            outlet=prepared.outlet,
        )
    except Exception as exc:  # noqa: BLE001 - see prepare
        return Failed(prepared.source, _message(exc))
