"""``allegiance ingest``: sources in, analyses stored, each article once, crash-safe and streaming.

The parent process reads the sources (:func:`~allegiance.ingest.sources.iter_items`, a generator),
hands each raw item to a pool of worker processes, and is the only process that writes to the
store. Per item:

1. **URL already stored** (as an article or as another source of one): skipped in the parent,
   before any work is sent out.
2. **prepare** (worker): decode, extract, clean, language, content hash and SimHash.
3. The parent checks the store: the **same content hash** is the same article (skipped, or linked
   as another source when it came from a new URL); a **near-duplicate** (SimHash within Hamming
   distance 3 of a stored original, same language) is linked to the original with
   ``link_duplicate`` and counted as an extra source of it. The same two checks run against the
   articles of this run still in flight, so a copy arriving while its original is being analysed
   waits for the original to be saved, then is linked. Only what passes goes on to
4. **analyse** (worker): spaCy and the extractors, then the lemmas for search.
5. The parent saves the analysis (one transaction per article: all its facts or nothing), after
   re-checking the hash, which covers another process writing the same store meanwhile.

Trade-off: an article round-trips parent -> worker -> parent -> worker, so its text crosses the
process boundary three times (cheap next to the NLP), and the cleaning runs before the store can
say "duplicate"; in exchange the NLP, which is most of the cost, never runs for a duplicate that
is already stored or in flight. Items without a URL (local files) cannot be skipped before step 2;
their re-ingestion costs a read and a clean each, not an analysis.

Memory stays flat whatever the corpus size: items are pulled from the generator only while fewer
than ``window`` tasks are in flight, and results are written in batches of ``batch_size``.

Crash safety: every save and every link is its own transaction, and the skips above are exactly
what a re-run needs, so after a ``kill -9`` the same command stores each remaining article once
and nothing twice. A bad article (undecodable, empty, unsupported language, an extractor bug) is
recorded with ``record_error`` under the run and skipped.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from allegiance.errors import AllegianceError
from allegiance.ingest.fingerprint import hamming
from allegiance.ingest.http import HttpClient
from allegiance.ingest.sources import SourceError, SourceItem, iter_items
from allegiance.ingest.workers import Analysed, Failed, Prepared, analyse, init_worker, prepare
from allegiance.store import Store, open_store
from allegiance.store.dedup import MAX_DISTANCE

DEFAULT_BATCH = 20
MAX_ERRORS_KEPT = 100  # errors listed in the summary; all of them are in the store


@dataclass
class IngestSummary:
    """What a run did. ``ingested`` counts new articles analysed and saved; ``duplicates`` the
    copies linked to an original as extra sources; ``skipped`` what was already stored."""

    run_id: int | None = None
    ingested: int = 0
    duplicates: int = 0
    skipped: int = 0
    errors: int = 0
    seconds: float = 0.0
    workers: int = 0
    error_list: list[dict[str, str]] = field(default_factory=list)

    @property
    def seen(self) -> int:
        return self.ingested + self.duplicates + self.skipped + self.errors

    @property
    def rate(self) -> float:
        """Articles analysed per second."""
        return self.ingested / self.seconds if self.seconds > 0 else 0.0

    def counts(self) -> dict[str, int]:
        return {
            "ingested": self.ingested,
            "duplicates": self.duplicates,
            "skipped": self.skipped,
            "errors": self.errors,
        }

    def as_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["seconds"] = round(self.seconds, 3)
        out["rate"] = round(self.rate, 3)
        return out

    def line(self) -> str:
        """``ingested 97 articles (3 duplicates, 0 errors) in 41.2 s``, plus skips if any."""
        noun = "article" if self.ingested == 1 else "articles"
        dup = "duplicate" if self.duplicates == 1 else "duplicates"
        err = "error" if self.errors == 1 else "errors"
        extra = f", {self.skipped} already stored" if self.skipped else ""
        return (
            f"ingested {self.ingested} {noun} ({self.duplicates} {dup}, {self.errors} {err}"
            f"{extra}) in {self.seconds:.1f} s"
        )


Progress = Callable[[IngestSummary], None]


class _InlineExecutor(Executor):
    """``workers=0``: the same tasks, run at once in this process (tests, debugging, tiny runs)."""

    def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
        future: Future[Any] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as exc:  # noqa: BLE001 - delivered through the future, as a pool does
            future.set_exception(exc)
        return future


def _executor(workers: int, kb_paths: tuple[str, ...], preload: tuple[str, ...]) -> Executor:
    if workers <= 0:
        init_worker(kb_paths, preload)
        return _InlineExecutor()
    # spawn: a clean interpreter per worker, nothing inherited from the parent's state (open
    # database connections, threads of the HTTP client); the model is loaded once per worker.
    return ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=partial(init_worker, pool=True),
        initargs=(kb_paths, preload),
    )


@dataclass
class _InFlight:
    """An article of this run being analysed, and the copies of it waiting for its id."""

    content_hash: str
    signature: int
    lang: str | None
    waiting: list[Prepared] = field(default_factory=list)


class _Run:
    def __init__(
        self,
        store: Store,
        executor: Executor,
        summary: IngestSummary,
        *,
        lang: str | None,
        batch_size: int,
        dedup: bool,
        progress: Progress | None,
    ) -> None:
        self.store = store
        self.executor = executor
        self.summary = summary
        self.lang = lang
        self.batch_size = max(1, batch_size)
        self.dedup = dedup
        self.progress = progress
        self.tasks: dict[Future[Any], str] = {}  # future -> "prepare" | "analyse"
        self.in_flight: dict[str, _InFlight] = {}  # by source
        # Results are written in the order the sources gave the articles, whatever order the
        # workers finish in: cross-article entity resolution depends on what is already stored,
        # so two runs over the same sources must store the same things.
        self.order: deque[str] = deque()  # sources handed to the workers, in source order
        self.finished: dict[str, Analysed | None] = {}  # None: settled with nothing to write
        self.waiting = 0  # copies held until their original is saved: they count as in flight
        self.started = time.perf_counter()

    # -- bookkeeping ---------------------------------------------------------------------------

    def tick(self) -> None:
        self.summary.seconds = time.perf_counter() - self.started
        if self.progress is not None:
            self.progress(self.summary)

    def error(self, source: str, message: str) -> None:
        self.summary.errors += 1
        if len(self.summary.error_list) < MAX_ERRORS_KEPT:
            self.summary.error_list.append({"source": source, "error": message})
        self.store.record_error(self.summary.run_id, source, message)

    def link(self, original: int, prepared: Prepared) -> None:
        """Another place ``original`` appeared: a duplicate when new, a skip when known."""
        if self.store.link_duplicate(original, prepared.url, prepared.outlet):
            self.summary.duplicates += 1
        else:
            self.summary.skipped += 1

    # -- the steps -----------------------------------------------------------------------------

    def submit(self, kind: str, fn: Callable[..., Any], *args: Any) -> None:
        self.tasks[self.executor.submit(fn, *args)] = kind

    def take(self, item: SourceItem) -> None:
        if item.url and self.store.has_url(item.url):
            self.summary.skipped += 1
            return
        self.order.append(item.source)
        self.submit("prepare", prepare, item, self.lang)

    def known(self, prepared: Prepared) -> bool:
        """Settle a prepared article that is already stored or in flight; False if it is new."""
        found = self.store.find_by_hash(prepared.content_hash)
        if found is not None:
            if prepared.url:
                self.link(found, prepared)  # the same text at another URL: one more source
            else:
                self.summary.skipped += 1  # a local file seen again: nothing new to record
            return True
        lang = prepared.article.meta.lang
        if self.dedup:
            original = self.store.find_near_duplicate(prepared.signature, lang)
            if original is not None:
                self.link(original, prepared)
                return True
        for flight in self.in_flight.values():
            if flight.content_hash == prepared.content_hash or (
                self.dedup
                and flight.lang == lang
                and hamming(flight.signature, prepared.signature) <= MAX_DISTANCE
            ):
                flight.waiting.append(prepared)
                self.waiting += 1
                return True
        return False

    def on_prepared(self, prepared: Prepared) -> None:
        self.finished.pop(prepared.source, None)  # a copy analysed after its original failed
        if self.known(prepared):
            self.finished.setdefault(prepared.source, None)
            return
        self.in_flight[prepared.source] = _InFlight(
            prepared.content_hash, prepared.signature, prepared.article.meta.lang
        )
        self.submit("analyse", analyse, prepared)

    def on_failed(self, failed: Failed) -> None:
        self.finished[failed.source] = None
        self.error(failed.source, failed.error)
        flight = self.in_flight.pop(failed.source, None)
        for copy in flight.waiting if flight else ():
            self.waiting -= 1
            self.on_prepared(copy)  # the original failed: its first copy is analysed instead

    def save(self, done: Analysed) -> None:
        flight = self.in_flight.pop(done.source, None)
        found = self.store.find_by_hash(done.content_hash)  # another writer may have saved it
        if found is None:
            article_id = self.store.save_analysis(
                done.analysis,
                url=done.url,
                content_hash=done.content_hash,
                signature=done.signature,
                lemmas=done.lemmas,
                run_id=self.summary.run_id,
            )
            self.summary.ingested += 1
        else:
            article_id = found
            self.summary.skipped += 1
        for copy in flight.waiting if flight else ():
            self.waiting -= 1
            self.link(article_id, copy)

    def flush(self, *, final: bool = False) -> None:
        """Write the settled results at the head of the source order (all of them when final)."""
        while self.order and (final or self.order[0] in self.finished):
            result = self.finished.pop(self.order.popleft(), None)
            if result is not None:
                self.save(result)
        for source in [s for s, r in self.finished.items() if r is not None]:
            if source not in self.order:  # a copy re-analysed after its slot was written
                result = self.finished.pop(source)
                assert result is not None
                self.save(result)
        self.tick()

    def settle(self, future: Future[Any]) -> None:
        kind = self.tasks.pop(future)
        try:
            result = future.result()  # tasks never raise for an article; a broken pool does
        except BrokenProcessPool as exc:
            raise AllegianceError(
                "an analysis process died (out of memory?); the articles stored so far are "
                "kept: run the same command again to go on"
            ) from exc
        if isinstance(result, Failed):
            self.on_failed(result)
        elif kind == "prepare":
            self.on_prepared(result)
        else:
            self.finished[result.source] = result
            if len(self.finished) >= self.batch_size:
                self.flush()

    def drain(self, source_errors: list[SourceError]) -> None:
        while source_errors:
            err = source_errors.pop(0)
            self.error(err.source, err.message)

    def go(
        self, items: Iterator[SourceItem], source_errors: list[SourceError], window: int
    ) -> None:
        exhausted = False
        last_tick = 0.0
        while True:
            # Results held for source order get their own, larger bound: counting them in the
            # task window would leave workers idle behind one slow article.
            while (
                not exhausted
                and len(self.tasks) + self.waiting < window
                and len(self.finished) < 4 * window
            ):
                item = next(items, None)
                self.drain(source_errors)
                if item is None:
                    exhausted = True
                else:
                    self.take(item)
            if not self.tasks:
                if self.finished:  # copies may be waiting for an original still in the buffer
                    before = len(self.finished)
                    self.flush()
                    if len(self.finished) < before or self.tasks:
                        continue
                break
            done, _ = wait(list(self.tasks), return_when=FIRST_COMPLETED)
            for future in [f for f in self.tasks if f in done]:  # in submission order
                self.settle(future)
            if len(self.order) and self.order[0] in self.finished:
                self.flush()
            now = time.perf_counter()
            if now - last_tick > 0.2:
                last_tick = now
                self.tick()
        self.flush(final=True)


def ingest(
    sources: Sequence[str],
    store_url: str | os.PathLike[str] | None = None,
    *,
    workers: int = 1,
    batch_size: int = DEFAULT_BATCH,
    lang: str | None = None,
    client: HttpClient | None = None,
    kb_paths: Iterable[str | os.PathLike[str]] = (),
    dedup: bool = True,
    progress: Progress | None = None,
    store: Store | None = None,
) -> IngestSummary:
    """Ingest every article the ``sources`` lead to into the store at ``store_url``.

    ``workers``: analysis processes (0: analyse in this process). ``batch_size``: analyses
    written per flush. ``lang`` forces the language (default: detected per article). ``client``
    fetches http(s) sources (default: a polite client with default settings). ``dedup=False``
    turns off the near-duplicate check (exact duplicates are always caught): benchmarks use it.
    ``progress`` is called with the running summary a few times a second. An open ``store`` may
    be given instead of ``store_url`` (it is then left open).
    """
    own_store = store is None
    store = store or open_store(store_url)
    summary = IngestSummary(workers=workers)
    source_errors: list[SourceError] = []
    executor: Executor | None = None
    try:
        summary.run_id = store.begin_run(list(sources))
        kb = tuple(str(Path(p)) for p in kb_paths)
        executor = _executor(workers, kb, (lang,) if lang else ())
        state = _Run(
            store,
            executor,
            summary,
            lang=lang,
            batch_size=batch_size,
            dedup=dedup,
            progress=progress,
        )
        items = iter_items(sources, client=client, errors=source_errors)
        try:
            state.go(items, source_errors, window=2 * max(1, workers) + 2)
        finally:
            close = getattr(items, "close", None)  # a generator: close it to end the HTTP client
            if close is not None:
                close()
        state.drain(source_errors)
        summary.seconds = time.perf_counter() - state.started
        store.finish_run(summary.run_id, summary.counts())
        return summary
    finally:
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)
        if own_store:
            store.close()
