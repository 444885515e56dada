"""Analysis throughput next to bare spaCy on the same texts, measured side by side in one run.

    python benchmarks/bench_analyze.py [--corpus ../shared/corpus/fr] [--repeat 2]

Reads the French corpus at run time (the texts are © their publishers and never copied into the
repository), takes each article's text (``.txt`` companions, metadata header stripped), and times:

* bare: the packaged pipeline, ``nlp.pipe(texts)``, nothing else;
* allegiance: ``analyze_texts()`` over the texts (boilerplate, language, the pipeline with our
  components through ``nlp.pipe`` in batches, entity resolution, amounts, dates, quotes,
  events) — what ``allegiance analyze FOLDER`` does;
* one by one: ``analyze()`` on each text, as the API analyses a single article.

The figure is the ratio allegiance/bare in characters per second; models are loaded and warmed up
before either clock starts, so the ratio is the cost of our work per article.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "fr"


def load_texts(folder: Path) -> list[str]:
    from allegiance.ingest.frontmatter import split_front_matter

    texts = []
    for path in sorted(folder.glob("*.txt")):
        _meta, text, _n = split_front_matter(path.read_text(encoding="utf-8"))
        if text.strip():
            texts.append(text)
    return texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeat", type=int, default=3, help="interleaved passes; best is kept")
    parser.add_argument("--lang", default="fr")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        print(f"Error: {args.corpus}: corpus folder not found", file=sys.stderr)
        return 1

    from allegiance.analysis import analyze, analyze_texts, default_context
    from allegiance.clean.normalize import normalize_for_nlp
    from allegiance.nlp.models import bare, load

    texts = load_texts(args.corpus)
    bare_nlp = bare(args.lang)
    context = default_context()
    load(args.lang)
    # warm-up: first calls fill caches (vocab, lexeme tables, lemmatizer lookups, date parsers)
    list(bare_nlp.pipe(texts[:3]))
    for text in texts[:3]:
        analyze(text, lang=args.lang, published="2025-01-24", context=context)

    # Interleaved passes, best of each: the machine's other load hits both sides alike.
    bare_times, ours_times, single_times = [], [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        for _doc in bare_nlp.pipe(normalize_for_nlp(t) for t in texts):
            pass
        bare_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for _article in analyze_texts(texts, args.lang, "2025-01-24", context=context):
            pass
        ours_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        for text in texts:
            analyze(text, lang=args.lang, published="2025-01-24", context=context)
        single_times.append(time.perf_counter() - start)
    bare_s, ours_s, single_s = min(bare_times), min(ours_times), min(single_times)

    n = len(texts)
    chars = sum(len(t) for t in texts)
    print(
        f"corpus            {args.corpus} ({len(texts)} articles, {chars:,} characters; "
        f"best of {args.repeat} interleaved passes)"
    )
    print(f"bare nlp.pipe     {n / bare_s:8.1f} articles/s  {chars / bare_s:12,.0f} chars/s")
    print(f"allegiance        {n / ours_s:8.1f} articles/s  {chars / ours_s:12,.0f} chars/s")
    print(f"one by one        {n / single_s:8.1f} articles/s  {chars / single_s:12,.0f} chars/s")
    print(
        f"ratio allegiance/bare  {bare_s / ours_s:.2f}   (one by one/bare {bare_s / single_s:.2f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
