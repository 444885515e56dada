"""Load analyses made elsewhere (the Spark engine, :mod:`allegiance.ingest.spark`) into the store.

Each JSON line is one article as ``ingest`` would have saved it (the analysis, its content hash,
SimHash signature and lemmas) or one failure (``{"source", "error"}``). Lines are written in the
order they come (part files in name order), through the same steps as ``ingest``: a URL already
stored is skipped, the same text is linked as another source of its original, a near duplicate
likewise, and a failure is recorded under the run. A line that is not an analysis is recorded as
an error naming the file and line, and the load goes on.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from allegiance.errors import MissingInputError
from allegiance.ingest.runner import DEFAULT_BATCH, IngestSummary, Progress, _InlineExecutor, _Run
from allegiance.ingest.workers import Analysed, Prepared
from allegiance.models import SCHEMA, Article, ArticleMeta
from allegiance.store import Store, open_store

_FIELDS = ("source", "url", "analysis", "content_hash", "signature", "lemmas", "lang", "outlet")
_ANALYSIS_KEYS = ("article", "body", "entities", "quotes", "events", "states")


def _problem(record: object) -> str | None:
    """Why a parsed line is not a record to load, or None."""
    if not isinstance(record, dict):
        return "not an analysis record"
    if "error" in record:
        return None
    missing = [k for k in _FIELDS if k not in record]
    if missing:
        return f"not an analysis record (no {', '.join(missing)})"
    analysis = record["analysis"]
    if not isinstance(analysis, dict) or analysis.get("schema") != SCHEMA:
        return f"the analysis is not {SCHEMA}"
    absent = [k for k in _ANALYSIS_KEYS if k not in analysis]
    return f"the analysis has no {', '.join(absent)}" if absent else None


def _files(location: Path) -> list[Path]:
    if location.is_dir():  # Spark writes part-00000, part-00001 ... (and _SUCCESS, .crc files)
        return sorted(
            p
            for p in location.iterdir()
            if p.is_file() and (p.name.startswith("part-") or p.suffix == ".jsonl")
        )
    if location.is_file():
        return [location]
    raise MissingInputError("no such file or folder", path=str(location))


def read_records(locations: Sequence[str | Path]) -> Iterator[dict[str, Any]]:
    """The records of JSON Lines files or folders of part files, in order; a line that is not a
    record becomes an error record naming its file and line."""
    for location in locations:
        for path in _files(Path(location)):
            with path.open(encoding="utf-8") as fh:
                for number, line in enumerate(fh, 1):
                    if not line.strip():
                        continue
                    where = f"{path}:{number}"
                    try:
                        record = json.loads(line)
                    except json.JSONDecodeError as exc:
                        yield {"source": where, "error": f"not a JSON line ({exc.msg})"}
                        continue
                    problem = _problem(record)
                    if problem is not None:
                        yield {"source": where, "error": problem}
                        continue
                    yield record


def _prepared(done: Analysed) -> Prepared:
    """What the deduplication steps read of an article, rebuilt from its record."""
    meta = ArticleMeta(
        id=str(done.analysis.get("article", {}).get("id", done.source)),
        url=done.url,
        lang=done.lang,
        source=done.outlet,
    )
    return Prepared(
        done.source,
        done.url,
        Article(meta=meta, raw_text=""),
        done.content_hash,
        done.signature,
        done.outlet,
    )


def load_analyses(
    records: Iterable[dict[str, Any]],
    store_url: str | os.PathLike[str] | None = None,
    *,
    label: str = "analyses",
    dedup: bool = True,
    batch_size: int = DEFAULT_BATCH,
    progress: Progress | None = None,
    store: Store | None = None,
) -> IngestSummary:
    """Write analysis records (:func:`read_records`) into the store, as ``ingest`` would have.

    ``label`` names the run (the files loaded). See :func:`allegiance.ingest.runner.ingest` for
    ``dedup``, ``batch_size``, ``progress`` and ``store``."""
    own_store = store is None
    store = store or open_store(store_url)
    summary = IngestSummary(workers=0)
    try:
        summary.run_id = store.begin_run([label])
        state = _Run(
            store,
            _InlineExecutor(),
            summary,
            lang=None,
            batch_size=batch_size,
            dedup=dedup,
            progress=progress,
        )
        for record in records:
            if "error" in record:
                state.error(str(record.get("source", "?")), str(record["error"]))
                continue
            done = Analysed(**{k: record[k] for k in _FIELDS})
            if done.url and store.has_url(done.url):
                summary.skipped += 1
            elif not state.known(_prepared(done)):
                state.save(done)
            state.tick()
        summary.seconds = time.perf_counter() - state.started
        store.finish_run(summary.run_id, summary.counts())
        return summary
    finally:
        if own_store:
            store.close()
