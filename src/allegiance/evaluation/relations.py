"""Quotes and relations scored against a gold file, once gold keys are mapped to entity ids."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from allegiance.evaluation.gold import Tally
from allegiance.models import Article

if TYPE_CHECKING:
    from allegiance.evaluation.quotes import QuoteScores


def _sign(x: float) -> int:
    return (x > 0) - (x < 0)


def predicted_pairs(article: Article) -> set[tuple[str, str, int]]:
    """(source, target, sign) of every signed event and state; repeats count once."""
    pairs: set[tuple[str, str, int]] = set()
    for ev in article.events:
        if ev.modality == "negated" or _sign(ev.weight) == 0:
            continue
        for s in ev.source:
            for t in ev.target:
                if s != t:
                    pairs.add((s, t, _sign(ev.weight)))
    for st in article.states:
        if st.sign:
            pairs.add((st.source, st.target, st.sign))
    return pairs


def score_relations(article: Article, gold: dict[str, Any], mapping: dict[str, str]) -> Tally:
    """A gold relation is found when a signed event or state links the same two actors, in the
    same direction, with the same sign; precision counts distinct predicted (source, target, sign)."""
    relations = gold.get("relations", [])
    predicted = predicted_pairs(article)
    tally = Tally(gold=len(relations), predicted=len(predicted))
    matched: set[tuple[str, str, int]] = set()
    for rel in relations:
        key = (mapping.get(rel["source"], "?"), mapping.get(rel["target"], "?"), rel["polarity"])
        if key in predicted:
            tally.found += 1
            matched.add(key)
        else:
            tally.misses.append(f"{rel['source']}→{rel['target']} {rel['polarity']:+d}")
    tally.correct_predicted = len(matched)
    return tally


def score_quotes_gold(
    article: Article, gold: dict[str, Any], mapping: dict[str, str]
) -> dict[str, Tally]:
    """Quote detection at 30 % and 80 % word overlap, speakers, targets and stance."""
    from allegiance.evaluation.quotes import GoldQuote, locate_all, score_quotes

    golds: list[GoldQuote] = []
    quotes = gold.get("quotes", [])
    spans = locate_all(article.body, [q["text"] for q in quotes])
    for q, span in zip(quotes, spans, strict=True):
        golds.append(
            GoldQuote(
                text=q["text"],
                start=span[0] if span else -1,
                end=span[1] if span else -1,
                kind=q.get("kind", "direct"),
                speaker=mapping.get(q["speaker"], f"?{q['speaker']}") if q.get("speaker") else None,
                speaker_span=None,
                about=[mapping.get(a, f"?{a}") for a in q.get("about", [])],
                polarity=q.get("polarity"),
                label=q.get("speaker"),
                unnamed=not q.get("speaker"),
            )
        )
    out: dict[str, Tally] = {}
    for overlap, suffix in ((0.3, "@30"), (0.8, "@80")):
        s = score_quotes(article.quotes, golds, article.body, overlap=overlap)
        errors = [f"missed {m}" for m in s.missed] + [f"spurious {m}" for m in s.spurious]
        out[f"quotes{suffix}"] = Tally(s.matched, s.gold, s.matched, s.predicted, errors)
        if suffix == "@30":
            out["quote+speaker@30"] = Tally(s.speaker_right, s.gold, s.speaker_right, s.predicted)
            out["speaker|matched"] = Tally(
                s.speaker_right, s.speaker_judged, 0, 0, s.wrong_speakers
            )
            out["unnamed|matched"] = Tally(s.unnamed_kept, s.unnamed_judged, 0, 0, s.misnamed)
            out["targets|matched"] = Tally(
                s.targets_found,
                s.targets_gold,
                s.targets_right,
                s.targets_predicted,
                s.wrong_targets,
            )
            out["stance|matched"] = Tally(s.stance_right, s.stance_judged)
            out.update(_by_kind(s))
    return out


QUOTE_KINDS = ("direct", "partial", "indirect")


def _by_kind(s: QuoteScores) -> dict[str, Tally]:
    """Detection at 30 % and speakers on matched quotes, per kind: recall counts the gold
    quotes of the kind, precision the predictions of the kind (a gold direct quote found as a
    partial one counts for both)."""
    out: dict[str, Tally] = {}
    for kind in QUOTE_KINDS:
        out[f"quotes@30 {kind}"] = Tally(
            s.matched_gold_kinds.count(kind),
            s.gold_kinds.count(kind),
            s.matched_predicted_kinds.count(kind),
            s.predicted_kinds.count(kind),
        )
        judged = [right for k, right in s.speakers_by_kind if k == kind]
        out[f"speaker|{kind}"] = Tally(sum(judged), len(judged))
    return out
