"""Ingest throughput and memory next to bare spaCy, side by side in one run.

    python benchmarks/bench_ingest.py [--corpus ../shared/corpus/fr] [--limit N] [--workers 1,2]

Reads the French corpus at run time (© its publishers: never copied into the repository; the
doubled copy below lives in a temporary folder and is deleted). Measures:

* bare: the packaged spaCy pipeline, ``nlp.pipe`` over the clean bodies of the same articles,
  model loaded and warmed up before the clock starts;
* ingest with each worker count, into a fresh SQLite file, in a fresh process (so its memory is
  its own): the corpus once (1x), then the corpus doubled (2x: every article a second time, with
  one added sentence so its content hash differs; near-duplicate detection is off for both runs,
  so every copy is analysed);
* peak memory: maximum RSS of the parent (reader + single writer) and of the largest worker.

Ingest wall time includes starting the workers and loading the model in each (seconds). The
*steady* rate counts from the first saved batch to the end of the 2x run, which leaves that
fixed cost out; it is what the ratios compare (targets: ingest 1 worker / bare >= 0.8,
2 workers / 1 worker >= 1.5). CPU seconds per article (parent + workers, marginal between the
1x and 2x runs) are printed too: unlike wall time they do not depend on what else the machine
runs. Flat memory shows as equal peaks for 1x and 2x.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "fr"
ADDED = "Cette dépêche est reprise dans l'édition du lendemain, sans autre changement."


def _mib(kib: int) -> float:
    return kib / 1024  # ru_maxrss is in KiB on Linux


def _own_peak_kib() -> int:
    """This process's peak RSS. Not ``getrusage(RUSAGE_SELF)``: across fork+exec Linux carries
    the parent's high-water mark over, so a child started by a big parent would report it."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def child(workers: int, db: str, sources: list[str]) -> None:
    """One ingest run in this fresh process; prints its figures as JSON on stdout."""
    from allegiance.ingest.runner import IngestSummary, ingest

    first: list[tuple[float, int]] = []  # (time, articles) when the first analyses came back

    def progress(summary: IngestSummary) -> None:
        if summary.ingested and not first:
            first.append((time.perf_counter(), summary.ingested))

    started = time.perf_counter()
    summary = ingest(
        sources, db, workers=workers, batch_size=5, lang="fr", dedup=False, progress=progress
    )
    wall = time.perf_counter() - started
    # Steady state: from the first saved batch (workers started, model loaded) to the end.
    t_first, n_first = first[0] if first else (started, 0)
    steady = (summary.ingested - n_first) / max(1e-9, started + wall - t_first)
    own = _own_peak_kib()
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)  # the pool is joined by now
    me = resource.getrusage(resource.RUSAGE_SELF)
    workers_peak = kids.ru_maxrss
    json.dump(
        {
            "wall": wall,
            "steady": steady,
            "ingested": summary.ingested,
            "errors": summary.errors,
            "skipped": summary.skipped,
            "parent_mib": _mib(own),
            "worker_mib": _mib(workers_peak) if workers else 0.0,
            "cpu": me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime,
        },
        sys.stdout,
    )


def run_child(workers: int, db: Path, sources: list[Path]) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--child", str(workers), str(db), *map(str, sources)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"ingest run failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout)  # type: ignore[no-any-return]


def make_copies(corpus: Path, limit: int | None, into: Path) -> tuple[Path, Path, list[str]]:
    """Copy A (the articles as they are) and copy B (one sentence added, URLs changed), and the
    clean bodies."""
    from allegiance.ingest.sources import iter_items
    from allegiance.ingest.workers import Prepared, prepare

    a, b = into / "a", into / "b"
    a.mkdir()
    b.mkdir()
    bodies = []
    for n, item in enumerate(iter_items([str(corpus)])):
        if limit is not None and n >= limit:
            break
        path = Path(item.source)
        prepared = prepare(item)
        if not isinstance(prepared, Prepared):
            continue
        bodies.append(prepared.article.body)
        shutil.copy(path, a / path.name)
        # Another URL for copy B (host prefixed), or it would be skipped as already stored.
        text = item.data.decode("utf-8", errors="replace").replace("://", "://b.")
        text = _add_sentence(text, prepared.article.body, html=path.suffix.lower() in HTML)
        copy = prepare(replace(item, source=str(b / path.name), data=text.encode("utf-8")))
        if isinstance(copy, Prepared) and copy.content_hash == prepared.content_hash:
            # the sentence did not land in the extracted text: this copy goes as plain text
            meta = f"---\nurl: {copy.url}\n---\n\n" if copy.url else ""
            text = meta + prepared.article.body + "\n\n" + ADDED + "\n"
            (b / (path.stem + ".txt")).write_text(text, encoding="utf-8")
        else:
            (b / path.name).write_text(text, encoding="utf-8")
    return a, b, bodies


HTML = (".html", ".htm")


def _add_sentence(text: str, body: str, *, html: bool) -> str:
    """``text`` with ADDED in its article text: before the first body paragraph of a page (found
    by its opening words, wherever they occur), at the end of a text file."""
    if not html:
        return text.rstrip("\n") + "\n\n" + ADDED + "\n"
    for paragraph in body.split("\n"):
        words = paragraph.split()[:5]
        if len(words) < 5:
            continue
        pattern = r"\s+".join(re.escape(w) for w in words)
        # before every occurrence: the same words also sit in <meta> descriptions and JSON-LD
        text, found = re.subn(pattern, lambda m: ADDED + " " + m.group(), text)
        if found:
            return text
    return text


def bare_rate(bodies: list[str]) -> tuple[float, float, float]:
    """Articles/s, CPU s/article and peak MiB of the packaged pipeline alone, on the bodies."""
    from allegiance.clean.normalize import normalize_for_nlp
    from allegiance.nlp.models import bare

    nlp = bare("fr")
    texts = [normalize_for_nlp(b) for b in bodies]
    list(nlp.pipe(texts[:3]))  # warm-up
    before = resource.getrusage(resource.RUSAGE_SELF)
    started = time.perf_counter()
    for _doc in nlp.pipe(texts):
        pass
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    return len(texts) / seconds, cpu / len(texts), _mib(_own_peak_kib())


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(int(sys.argv[2]), sys.argv[3], sys.argv[4:])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="use the first N articles only")
    parser.add_argument("--workers", default="1,2", help="worker counts to compare (default 1,2)")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"Error: {args.corpus}: corpus folder not found", file=sys.stderr)
        return 1
    counts = [int(w) for w in args.workers.split(",")]

    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        root = Path(tmp)
        a, b, bodies = make_copies(args.corpus, args.limit, root)
        n = len(bodies)
        print(f"{n} articles ({sum(map(len, bodies)):,} characters of clean text)")
        bare_aps, bare_cpu, bare_mib = bare_rate(bodies)
        print(
            f"bare spaCy nlp.pipe       {bare_aps:6.2f} articles/s   {bare_cpu:.3f} CPU s/article"
            f"   peak {bare_mib:6.0f} MiB"
        )
        marginal: dict[int, float] = {}
        cpu_per_article: dict[int, float] = {}
        for workers in counts:
            once = run_child(workers, root / f"w{workers}-1x.sqlite", [a])
            twice = run_child(workers, root / f"w{workers}-2x.sqlite", [a, b])
            if once["ingested"] != n or twice["ingested"] != 2 * n:
                print(
                    f"  warning: ingested {once['ingested']} and {twice['ingested']}, "
                    f"expected {n} and {2 * n}"
                )
            extra = max(1, twice["ingested"] - once["ingested"])
            marginal[workers] = twice["steady"]
            cpu_per_article[workers] = (twice["cpu"] - once["cpu"]) / extra
            for label, r in (("1x", once), ("2x", twice)):
                print(
                    f"ingest {workers} worker(s) {label}  {r['ingested'] / r['wall']:6.2f} "
                    f"articles/s ({r['steady']:5.2f} steady)   {r['wall']:6.1f} s   parent peak {r['parent_mib']:6.0f} MiB"
                    f"   worker peak {r['worker_mib']:6.0f} MiB"
                )
            print(
                f"  2x/1x time {twice['wall'] / once['wall']:.2f}   "
                f"{cpu_per_article[workers]:.3f} CPU s/article (marginal)"
                f"   memory 2x/1x parent "
                f"{twice['parent_mib'] / once['parent_mib']:.2f} worker "
                f"{(twice['worker_mib'] / once['worker_mib']) if once['worker_mib'] else 0:.2f}"
            )
        if 1 in marginal:
            print(
                f"ratio ingest(1 worker)/bare, steady: {marginal[1] / bare_aps:.2f} (target >= 0.8)"
            )
            print(
                f"  same in CPU time (bare CPU s/article / ingest CPU s/article, immune to other"
                f" load on the machine): {bare_cpu / cpu_per_article[1]:.2f}"
            )
            if 2 in marginal:
                print(
                    f"ratio 2 workers/1 worker, steady: {marginal[2] / marginal[1]:.2f} (target >= 1.5)"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
