"""The distributed engine: analyse a corpus on a Spark cluster, then load the results.

``allegiance ingest`` analyses with a pool of processes on one machine. For corpora that need a
cluster, :func:`spark_analyse` runs the same two steps (:func:`~allegiance.ingest.workers.prepare`
and :func:`~allegiance.ingest.workers.analyse`) in Spark executors and writes one JSON line per
article (the analysis, its fingerprints and lemmas) or per failure; ``allegiance load`` then
writes those lines into the store (:func:`allegiance.ingest.load.load_analyses`), with the
same deduplication and cross-article entity resolution as ``ingest``. The store keeps one writer;
the costly part, the NLP, is what is spread.

What is distributed is the list of *units*: each article file of a folder, each WARC file, feed,
URL list or URL given. An executor reads its units itself (paths must be visible to every
executor: a shared file system or object store mount), loads the knowledge base and the spaCy
pipelines once per Python worker, and streams its articles. Output order follows the order of
the units, so loading the output twice stores the same things.

PySpark is optional (``pip install 'allegiance[spark]'``); it needs Java 17 or later.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict
from functools import partial
from pathlib import Path
from typing import Any

from allegiance.errors import AllegianceError, ConfigError, MissingInputError
from allegiance.ingest.files import iter_articles
from allegiance.ingest.sources import SourceError, classify, iter_items


def work_units(sources: Sequence[str]) -> list[str]:
    """The sources as units of work: a folder becomes its article files (the ``.txt`` companion
    of an ``x.html`` left out, as ``ingest`` does); anything else is one unit."""
    units: list[str] = []
    for source in sources:
        kind = classify(source)
        if kind == "missing":
            raise MissingInputError("no such file or folder", path=source)
        if kind == "folder":
            units.extend(str(p) for p in iter_articles(source))
        else:
            units.append(source)
    return units


def analyse_units(
    units: Iterable[str], lang: str | None = None, kb_paths: tuple[str, ...] = ()
) -> Iterator[str]:
    """One Spark partition's work (also callable without Spark): a JSON line per article —
    ``{"source", "url", "analysis", "content_hash", "signature", "lemmas", "lang", "outlet"}`` —
    or per failure, ``{"source", "error"}``. Never raises for a bad article or source."""
    from allegiance.ingest import workers
    from allegiance.ingest.workers import Failed, analyse, prepare

    if workers._CONTEXT is None:  # once per Python worker process, not per partition
        workers.init_worker(kb_paths, (lang,) if lang else ())
    errors: list[SourceError] = []

    def failures() -> Iterator[str]:
        while errors:
            err = errors.pop(0)
            yield json.dumps({"source": err.source, "error": err.message}, ensure_ascii=False)

    for item in iter_items(list(units), errors=errors):
        yield from failures()
        prepared = prepare(item, lang)
        done = prepared if isinstance(prepared, Failed) else analyse(prepared)
        if isinstance(done, Failed):
            yield json.dumps({"source": done.source, "error": done.error}, ensure_ascii=False)
        else:
            yield json.dumps(asdict(done), ensure_ascii=False, default=str)
    yield from failures()


def spark_session(master: str | None = None, app_name: str = "allegiance") -> Any:
    """A SparkSession (``master`` e.g. ``local[4]`` or ``spark://host:7077``; default: what
    ``spark-submit`` or the environment says, else ``local[*]``)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise ConfigError(
            "the Spark engine needs PySpark: pip install 'allegiance[spark]' (and Java 17+)"
        ) from exc
    # Local executors must run this interpreter (the one with allegiance and the models
    # installed), not whatever "python3" is on the PATH; a cluster sets its own.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName(app_name).config("spark.ui.enabled", "false")
    if master:
        builder = builder.master(master)
    return builder.getOrCreate()


def spark_analyse(
    sources: Sequence[str],
    out: str | Path,
    *,
    spark: Any = None,
    master: str | None = None,
    lang: str | None = None,
    kb_paths: Iterable[str | Path] = (),
    partitions: int | None = None,
) -> int:
    """Analyse every article the ``sources`` lead to on Spark; write JSON Lines part files into
    the folder ``out`` (which must not exist). Returns the number of units distributed."""
    out = Path(out)
    if out.exists():
        raise ConfigError("the output folder already exists: give a new one", path=str(out))
    units = work_units(sources)
    if not units:
        raise MissingInputError("no article files in the sources given")
    session = spark or spark_session(master)
    context = session.sparkContext
    slices = partitions or min(len(units), max(1, context.defaultParallelism * 4))
    kb = tuple(str(Path(p).resolve()) for p in kb_paths)
    work = partial(analyse_units, lang=lang, kb_paths=kb)
    try:
        context.parallelize(units, slices).mapPartitions(work).saveAsTextFile(str(out))
    except Exception as exc:  # a Py4J/Java error: say it in one line, as every error is
        if isinstance(exc, AllegianceError):
            raise
        raise ConfigError(f"the Spark job failed: {str(exc).splitlines()[0]}") from exc
    finally:
        if spark is None:
            session.stop()
    return len(units)
