"""Fit the speaker ranker (the last resort for French quotes the rules leave without a speaker).

    .venv/bin/python scripts/train_speaker_ranker.py [GOLD_DIR ...] [--threshold 0.4] [--out F]
    .venv/bin/python scripts/train_speaker_ranker.py --check   # is the packaged file current?

Each gold file's article goes through the pipeline with the ranker off; every predicted quote
that matches a gold quote with a named speaker (30 % shared words, as ``allegiance eval``
pairs them) gives one training example: the features of its candidates
(``allegiance.extract.speaker_ranking.quote_candidates``) and which candidate is the gold
speaker. The default sets are the repository's French dev gold; the held-out ones
(``fr-test``, ``fr-test-b``, ``fr-synth3``) are never read. The fit is deterministic, so
``--check`` refits and compares with ``src/allegiance/data/models/speaker_ranker.json``.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from allegiance.analysis import analyze_path
from allegiance.evaluation.gold import gold_files, load_gold, match_entities, text_path
from allegiance.evaluation.quotes import locate_all, pair_spans
from allegiance.extract.speaker_ranking import (
    WEIGHTS,
    abstention_features,
    fit_ranker,
    quote_candidates,
)
from allegiance.pipeline import Context
from allegiance.resolve.kb import default_kb

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_SETS = [ROOT / "eval" / "gold" / name for name in ("fr-dev", "fr-synth", "fr-synth2")]


def examples(paths: list[Path]) -> tuple[list[list[tuple[dict[str, float], bool]]], int, int]:
    """The choices of each matched quote (its candidates, then nobody), how many of them the
    rules gave the gold speaker, and how many have a named gold speaker."""
    context = Context(kb=default_kb(), speaker_ranker=None)
    out: list[list[tuple[dict[str, float], bool]]] = []
    rules_right = named = 0
    for gold_path in gold_files(paths):
        gold = load_gold(gold_path)
        article = analyze_path(
            text_path(gold_path, gold), gold.get("lang"), gold.get("published"), context=context
        )
        if article.doc is None:
            continue
        mapping, *_ = match_entities(article, gold)
        golds = gold.get("quotes", [])
        spans = locate_all(article.body, [q["text"] for q in golds])
        found = [(q, s) for q, s in zip(golds, spans, strict=True) if s is not None]
        pairs = pair_spans(
            article.body,
            [(q.start, q.end) for q in article.quotes],
            [s for _, s in found],
            0.3,
        )
        for i, j in pairs:
            key = found[j][0].get("speaker")
            right = mapping.get(key) if key else None
            said = article.quotes[i].speaker
            rules_right += said is not None and said.entity is not None and said.entity == right
            candidates = quote_candidates(article.doc, article.entities, article.quotes, i)
            choices = [(f, entity.id == right) for entity, _, f in candidates]
            # nobody is right for an unnamed source and for a speaker not among the candidates
            nobody = abstention_features(article.body, article.quotes[i])
            choices.append((nobody, not any(r for _, r in choices)))
            out.append(choices)
            named += key is not None
    return out, rules_right, named


def _check(fitted: dict[str, Any], shipped: dict[str, Any]) -> int:
    """0 when the shipped file is what the fit gives now (weights within 0.01: another machine's
    arithmetic may differ in the last digits), else 1 with the differences."""
    differ = [
        key
        for key in ("features", "threshold", "trained_on", "quotes")
        if fitted[key] != shipped[key]
    ] + [
        f"weight {k} {shipped['weights'].get(k)} -> {v}"
        for k, v in fitted["weights"].items()
        if abs(v - shipped["weights"].get(k, float("inf"))) > 0.01
    ]
    if differ:
        print(
            "speaker_ranker.json is stale (run `make ranker`): " + "; ".join(differ),
            file=sys.stderr,
        )
        return 1
    print("speaker_ranker.json is current", file=sys.stderr)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("gold", nargs="*", type=Path, default=DEFAULT_SETS)
    parser.add_argument("--threshold", type=float, default=0.4)
    parser.add_argument("--out", type=Path, default=WEIGHTS)
    parser.add_argument("--check", action="store_true", help="compare with the packaged file")
    args = parser.parse_args()
    rows, rules_right, named = examples(args.gold)
    ranker = fit_ranker(rows, threshold=args.threshold)
    ranked_right = sum(
        c[max(range(len(c)), key=ranker.probabilities([f for f, _ in c]).__getitem__)][1]
        for c in rows
    )
    print(
        f"{len(rows)} matched quotes, {named} with a named gold speaker (the rules give "
        f"{rules_right} of them); the ranker alone makes the right choice (nobody for the "
        f"others and for a speaker not among the candidates) for {ranked_right}",
        file=sys.stderr,
    )
    sets = [p.name for p in args.gold]
    text = ranker.to_json(trained_on=sets, quotes=len(rows)) + "\n"
    if args.check:
        return _check(json.loads(text), json.loads(args.out.read_text("utf-8")))
    args.out.write_text(text, "utf-8")
    print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
