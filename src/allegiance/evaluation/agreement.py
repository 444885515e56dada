"""How far two annotators agree on the quotes and speakers of the same articles.

A system's score means little without the ceiling two careful readers reach: this compares a
second annotation (folder B) with a first one (folder A), file by file (same file names), the way
:func:`allegiance.evaluation.quotes.score_quotes` compares a system with a gold file — quotes paired
one to one when their shared words cover at least 30 % of both, and, for each pair whose A quote
has a named speaker, whether B names the same actor (the two files key their entities
independently, so an actor is the same when one of its names or aliases is).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from allegiance.errors import MissingInputError
from allegiance.evaluation.gold import load_gold, text_path
from allegiance.evaluation.quotes import locate_all, pair_spans
from allegiance.ingest.frontmatter import split_front_matter
from allegiance.resolve.kb import key


@dataclass
class Agreement:
    """Counts of one comparison of annotation B against annotation A."""

    files: int = 0
    quotes_a: int = 0
    quotes_b: int = 0
    paired: int = 0
    speakers_judged: int = 0  # paired quotes whose A speaker is a named actor
    speakers_same: int = 0
    unlocated_a: int = 0  # gold quotes whose text is not found in the article (left out)
    unlocated_b: int = 0

    def as_dict(self) -> dict[str, Any]:
        precision = self.paired / self.quotes_b if self.quotes_b else None
        recall = self.paired / self.quotes_a if self.quotes_a else None
        f1 = None
        if precision is not None and recall is not None:
            f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        speakers = self.speakers_same / self.speakers_judged if self.speakers_judged else None
        return {
            "files": self.files,
            "quotes_a": self.quotes_a,
            "quotes_b": self.quotes_b,
            "paired": self.paired,
            "precision": precision,
            "recall": recall,
            "f1": f1,
            "speakers_judged": self.speakers_judged,
            "speakers_same": self.speakers_same,
            "speaker_agreement": speakers,
            "unlocated_a": self.unlocated_a,
            "unlocated_b": self.unlocated_b,
        }


def _actor_forms(gold: dict[str, Any]) -> dict[str, set[str]]:
    """Each entity key's folded names and aliases."""
    return {
        e["key"]: {key(e["name"]), *(key(a) for a in e.get("aliases", []))}
        for e in gold["entities"]
    }


def _located(gold: dict[str, Any], body: str) -> list[tuple[dict[str, Any], tuple[int, int]]]:
    located = []
    quotes = gold.get("quotes", [])
    for quote, span in zip(quotes, locate_all(body, [q["text"] for q in quotes]), strict=True):
        if span is not None:
            located.append((quote, span))
    return located


def compare_file(path_a: Path, path_b: Path, *, overlap: float = 0.3) -> Agreement:
    """Agreement of annotation ``path_b`` with annotation ``path_a`` of the same article."""
    gold_a, gold_b = load_gold(path_a), load_gold(path_b)
    raw = text_path(path_a, gold_a).read_text(encoding="utf-8")
    _, body, _ = split_front_matter(raw, path=str(path_a))
    quotes_a, quotes_b = _located(gold_a, body), _located(gold_b, body)
    forms_a, forms_b = _actor_forms(gold_a), _actor_forms(gold_b)
    result = Agreement(files=1, quotes_a=len(quotes_a), quotes_b=len(quotes_b))
    result.unlocated_a = len(gold_a.get("quotes", [])) - len(quotes_a)
    result.unlocated_b = len(gold_b.get("quotes", [])) - len(quotes_b)
    pairs = pair_spans(body, [s for _, s in quotes_a], [s for _, s in quotes_b], overlap)
    for i, j in pairs:
        result.paired += 1
        speaker_a, speaker_b = quotes_a[i][0].get("speaker"), quotes_b[j][0].get("speaker")
        if not speaker_a:
            continue
        result.speakers_judged += 1
        names_a = forms_a.get(speaker_a, {key(speaker_a)})
        names_b = forms_b.get(speaker_b, set()) if speaker_b else set()
        result.speakers_same += bool(names_a & names_b)
    return result


def compare_folders(folder_a: Path, folder_b: Path, *, overlap: float = 0.3) -> Agreement:
    """Agreement over every gold file of ``folder_b`` that ``folder_a`` annotates too."""
    if not folder_a.is_dir() or not folder_b.is_dir():
        missing = folder_a if not folder_a.is_dir() else folder_b
        raise MissingInputError("no such gold folder", path=missing)
    total = Agreement()
    for path_b in sorted(folder_b.glob("*.gold.json")):
        path_a = folder_a / path_b.name
        if not path_a.is_file():
            continue
        one = compare_file(path_a, path_b, overlap=overlap)
        for name in vars(total):
            setattr(total, name, getattr(total, name) + getattr(one, name))
    return total
