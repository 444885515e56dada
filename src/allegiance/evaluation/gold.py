"""Score analyses against gold files in the ``allegiance-gold/1`` format.

A gold file names its article (``text_file``, relative to the gold file, the working directory or
the repository), its language and publication date, and lists what a reader found: boilerplate
lines, entities (key, name, type, aliases, ticker), quotes, relations, amounts and dates. Entities
are matched by name or alias (accent- and case-insensitive); every other gold item refers to
entities by key, so the entity match maps gold keys to predicted ids before anything else is scored.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from allegiance.errors import GoldFormatError, MissingInputError
from allegiance.extract.speaker_words import FR_HONORIFICS
from allegiance.models import Article
from allegiance.resolve.entities import fold

FORMAT = "allegiance-gold/1"


@dataclass
class Tally:
    """Counts behind a precision/recall pair."""

    found: int = 0  # gold items matched
    gold: int = 0
    correct_predicted: int = 0  # predicted items that match a gold item
    predicted: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        self.found += other.found
        self.gold += other.gold
        self.correct_predicted += other.correct_predicted
        self.predicted += other.predicted
        self.misses += other.misses

    def as_dict(self) -> dict[str, Any]:
        recall = self.found / self.gold if self.gold else None
        precision = self.correct_predicted / self.predicted if self.predicted else None
        f1 = (
            2 * precision * recall / (precision + recall)
            if precision is not None and recall is not None and precision + recall
            else None
        )
        return {
            "found": self.found,
            "gold": self.gold,
            "recall": recall,
            "precision": precision,
            "f1": f1,
            "correct_predicted": self.correct_predicted,
            "predicted": self.predicted,
            "misses": self.misses,
        }


ENTITY_TYPES = frozenset({"person", "organization", "location"})


def load_gold(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise MissingInputError("no such gold file", path=path) from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"not valid JSON: {exc}", path=path) from exc
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise GoldFormatError(f'not an {FORMAT} file (missing "format": "{FORMAT}")', path=path)
    for key in ("text_file", "entities"):
        if key not in data:
            raise GoldFormatError(f"missing field {key!r}", path=path)
    for n, entity in enumerate(data["entities"]):
        if not isinstance(entity, dict) or not all(
            isinstance(entity.get(k), str) for k in ("key", "name", "type")
        ):
            raise GoldFormatError(f"entity #{n + 1} needs string key, name and type", path=path)
        if entity["type"] not in ENTITY_TYPES:
            raise GoldFormatError(
                f"entity {entity['key']!r} has type {entity['type']!r}, not one of "
                + ", ".join(sorted(ENTITY_TYPES)),
                path=path,
            )
    return data


def text_path(gold_path: Path, gold: dict[str, Any]) -> Path:
    name = Path(gold["text_file"])
    candidates = [gold_path.parent / name, Path.cwd() / name]
    candidates += [parent / name for parent in gold_path.resolve().parents]
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    raise MissingInputError(
        f"the article {gold['text_file']!r} named by the gold file is not found", path=gold_path
    )


def gold_files(paths: Iterable[Path]) -> list[Path]:
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files += sorted(path.rglob("*.gold.json"))
        elif path.exists():
            files.append(path)
        else:
            raise MissingInputError("no such gold file or folder", path=path)
    return files


# --- matching ---------------------------------------------------------------------------------


def match_entities(
    article: Article, gold: dict[str, Any]
) -> tuple[dict[str, str], Tally, Tally, Tally]:
    """Map gold keys to predicted entity ids; tally entity recall, type and ticker accuracy."""
    entities = Tally()
    types = Tally()
    tickers = Tally()
    mapping: dict[str, str] = {}
    for g in gold["entities"]:
        entities.gold += 1
        names = {fold(g["name"])}
        best = None
        for e in article.entities:
            if fold(e.name) in names:
                best = e
                break
        if best is None:  # the gold name is one of a predicted entity's forms
            for e in article.entities:
                if names & {fold(a) for a in e.aliases}:
                    best = e
                    break
        if best is None:  # another gold form is: "Pékin" for gold "Chine", named "China"
            forms = {_bare(fold(a)) for a in g.get("aliases", [])}
            # ``M. Grossi``: the predicted entity *named* by the surname alone (not one that
            # has it as an alias: ``Jean-Marie Le Pen`` for ``Mme Le Pen``)
            surnames = {fold(f) for a in g.get("aliases", []) if (f := _untitled(a))}
            taken = set(mapping.values())
            for e in article.entities:
                if e.id in taken:
                    continue
                if (
                    forms & {_bare(fold(e.name)), *(_bare(fold(a)) for a in e.aliases)}
                    or fold(e.name) in surnames
                ):
                    best = e
                    break
        if best is None:
            entities.misses.append(g["name"])
            continue
        entities.found += 1
        mapping[g["key"]] = best.id
        types.gold += 1
        if best.type == g.get("type"):
            types.found += 1
        else:
            types.misses.append(f"{g['name']}: {best.type} (gold {g.get('type')})")
        if g.get("ticker"):
            tickers.gold += 1
            if (best.ticker or "").upper() == g["ticker"].upper():
                tickers.found += 1
            else:
                tickers.misses.append(f"{g['name']}: {best.ticker} (gold {g['ticker']})")
    entities.predicted = len(article.entities)
    entities.correct_predicted = len(set(mapping.values()))
    return mapping, entities, types, tickers


def _bare(form: str) -> str:
    """A folded form without its leading article: gold aliases are often written as the text
    has them (``L'Agence régionale de santé``), entity names without it."""
    for article in ("l'", "le ", "la ", "les "):
        if form.startswith(article) and len(form) > len(article) + 1:
            return form[len(article) :]
    return form


def _untitled(alias: str) -> str | None:
    """``M. Julien`` without its title: the surname the article calls the person by."""
    head, _, rest = alias.partition(" ")
    if rest and head.lower() in FR_HONORIFICS:
        return rest
    return None


def _overlapping_text(a: str, b: str) -> bool:
    return fold(a) in fold(b) or fold(b) in fold(a)


def _one_to_one(
    gold_items: list[dict[str, Any]],
    predicted: Sequence[Any],
    same: Callable[[dict[str, Any], Any], bool],
    describe: Callable[[dict[str, Any]], str],
) -> Tally:
    """Each gold item takes the first unused prediction that ``same`` accepts."""
    tally = Tally(gold=len(gold_items), predicted=len(predicted))
    used: set[int] = set()
    for g in gold_items:
        hit = next((i for i, p in enumerate(predicted) if i not in used and same(g, p)), None)
        if hit is None:
            tally.misses.append(describe(g))
        else:
            used.add(hit)
            tally.found += 1
    tally.correct_predicted = len(used)
    return tally


def score_amounts(article: Article, gold: dict[str, Any]) -> Tally:
    def same(g: dict[str, Any], a: Any) -> bool:
        value = float(g["value"])
        return (
            abs(a.value - value) < 1e-6 * max(1.0, value)
            and a.currency == g["currency"]
            and _overlapping_text(g["text"], a.text)
        )

    return _one_to_one(
        gold.get("amounts", []),
        article.amounts,
        same,
        lambda g: f"{g['text']} = {g['value']} {g['currency']}",
    )


def score_dates(article: Article, gold: dict[str, Any]) -> Tally:
    return _one_to_one(
        gold.get("dates", []),
        article.dates,
        lambda g, d: d.date == g["date"] and _overlapping_text(g["text"], d.text),
        lambda g: f"{g['text']} = {g['date']}",
    )


def score_boilerplate(article: Article, gold: dict[str, Any]) -> Tally:
    """A gold boilerplate line counts as removed when the body no longer holds it."""
    lines = gold.get("boilerplate", [])
    tally = Tally(gold=len(lines), predicted=len(article.removed))
    for line in lines:
        if line in article.body:
            tally.misses.append(line)
        else:
            tally.found += 1
    tally.correct_predicted = sum(
        1 for r in article.removed if any(g in r.text or r.text in g for g in lines)
    )
    return tally


# --- driver -----------------------------------------------------------------------------------


def evaluate_article(article: Article, gold: dict[str, Any]) -> dict[str, Any]:
    mapping, entities, types, tickers = match_entities(article, gold)
    result: dict[str, Tally] = {
        "entities": entities,
        "entity_types": types,
        "tickers": tickers,
        "amounts": score_amounts(article, gold),
        "dates": score_dates(article, gold),
        "boilerplate": score_boilerplate(article, gold),
    }
    from allegiance.evaluation.relations import score_quotes_gold, score_relations

    result.update(score_quotes_gold(article, gold, mapping))
    result["relations"] = score_relations(article, gold, mapping)
    return {k: v.as_dict() for k, v in result.items()}


def evaluate_files(paths: Sequence[Path], kb_paths: Sequence[Path] = ()) -> dict[str, Any]:
    from allegiance.analysis import analyze_path, default_context

    context = default_context(kb_paths)
    per_file: dict[str, Any] = {}
    totals: dict[str, Tally] = {}
    for gold_path in gold_files(paths):
        gold = load_gold(gold_path)
        article = analyze_path(
            text_path(gold_path, gold), gold.get("lang"), gold.get("published"), context=context
        )
        scores = evaluate_article(article, gold)
        per_file[gold.get("id") or gold_path.stem] = scores
        for name, value in scores.items():
            totals.setdefault(name, Tally()).add(
                Tally(
                    value["found"],
                    value["gold"],
                    value["correct_predicted"],
                    value["predicted"],
                    [f"{gold_path.stem}: {m}" for m in value["misses"]],
                )
            )
    return {"files": per_file, "totals": {k: v.as_dict() for k, v in totals.items()}}


def render_scores(report: dict[str, Any]) -> str:
    lines = []
    for name, scores in report["files"].items():
        lines.append(name)
        for metric, v in scores.items():
            lines.append("  " + _line(metric, v))
    if len(report["files"]) > 1:
        lines.append("all files")
        for metric, v in report["totals"].items():
            lines.append("  " + _line(metric, v))
    return "\n".join(lines) + "\n"


def _line(metric: str, v: dict[str, Any]) -> str:
    def pct(x: float | None) -> str:
        return "   —  " if x is None else f"{100 * x:5.1f}%"

    text = f"{metric:<18} {v['found']:>4}/{v['gold']:<4} recall {pct(v['recall'])}"
    if v.get("precision") is not None:
        text += f"  precision {pct(v['precision'])}"
    if v["misses"]:  # quote lines say what kind of error each one is; the others list misses
        label = "errors" if metric.startswith(("quotes", "speaker", "targets")) else "missed"
        text += f"  {label}: " + "; ".join(v["misses"][:4])
    return text
