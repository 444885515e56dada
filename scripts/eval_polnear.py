"""Score the English quote finder on PolNeAR (brat attributions): direct quotes, all attributions.

    .venv/bin/python scripts/eval_polnear.py --split dev [--limit N] [--bare]

The documents go through the product's pipeline (our spaCy components, the knowledge base, the
resolver), dated by the date in their file name, as `allegiance analyze` would run them;
``--bare`` uses the packaged model alone. Tune on train/dev only; the test split is run once,
at the end.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

from allegiance.clean.normalize import normalize_for_nlp
from allegiance.evaluation.brat import read_split
from allegiance.evaluation.quotes import QuoteScores, score_quotes
from allegiance.extract.quotes import find_quotes
from allegiance.models import Entity, Mention
from allegiance.nlp.models import bare, load

DEFAULT_ROOT = Path("/work/shared/eval/polnear/data")


def stand_in_entities(doc) -> list[Entity]:  # type: ignore[no-untyped-def]
    """Until the resolver is importable: PERSON/ORG entities grouped by their last token."""
    groups: dict[str, Entity] = {}
    for ent in doc.ents:
        if ent.label_ not in {"PERSON", "ORG", "PER", "NORP"}:
            continue
        key = ent[-1].text.lower().removesuffix("'s")
        kind = "person" if ent.label_ in {"PERSON", "PER"} else "organization"
        entity = groups.setdefault(key, Entity(key, ent.text, kind))  # type: ignore[arg-type]
        if len(ent.text) > len(entity.name):
            entity.name = ent.text
        entity.mentions.append(Mention(ent.text, ent.start_char, ent.end_char))
    return list(groups.values())


_KB: list[object] = []


def entities_for(doc, lang: str, published=None):  # type: ignore[no-untyped-def]
    try:
        from allegiance.resolve.entities import resolve_entities
        from allegiance.resolve.kb import KnowledgeBase
    except ImportError:
        return stand_in_entities(doc)
    try:
        if not _KB:
            _KB.append(KnowledgeBase.load())
        return resolve_entities(doc, lang, _KB[0], published)  # type: ignore[arg-type]
    except Exception as exc:  # the resolver is not ours: fall back rather than stop the run
        print(f"resolver failed ({exc}); using stand-in entities", file=sys.stderr)
        return stand_in_entities(doc)


def _date_in_name(name: str):  # type: ignore[no-untyped-def]
    """PolNeAR file names carry the publication date: breitbart_2016-09-12_…"""
    import re
    from datetime import date

    found = re.search(r"(\d{4})-(\d{2})-(\d{2})", name)
    return date(*map(int, found.groups())) if found else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--split", default="dev", choices=["train", "dev", "test"])
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--root", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--stand-in", action="store_true", help="do not use the resolver")
    parser.add_argument("--bare", action="store_true", help="the packaged model, no components")
    args = parser.parse_args()
    nlp = bare("en") if args.bare else load("en")
    docs = read_split(args.root, args.split)
    if args.limit:
        docs = docs[: args.limit]
    scores: dict[tuple[str, float], QuoteScores] = defaultdict(QuoteScores)
    for name, body, gold in docs:
        doc = nlp(normalize_for_nlp(body))
        published = _date_in_name(name)
        entities = stand_in_entities(doc) if args.stand_in else entities_for(doc, "en", published)
        predicted = find_quotes(doc, entities, "en")
        direct_pred = [q for q in predicted if q.kind == "direct"]
        direct_gold = [g for g in gold if g.kind == "direct"]
        for overlap in (0.3, 0.8):
            scores[("direct", overlap)].add(
                score_quotes(direct_pred, direct_gold, body, overlap=overlap)
            )
            scores[("all", overlap)].add(score_quotes(predicted, gold, body, overlap=overlap))
    print(f"PolNeAR {args.split}: {len(docs)} documents")
    for (subset, overlap), s in sorted(scores.items()):
        print(f"{subset:6s} @{overlap:.0%}: {s}")


if __name__ == "__main__":
    main()
