"""Read brat standoff attribution corpora (PolNeAR, PARC-style) into :class:`GoldQuote` lists.

An ``.ann`` file has ``T`` lines (``T3<TAB>Content 13 98;120 130<TAB>text``: label, one or more
character ranges, the text) and ``E`` lines tying a cue to its source and content
(``E1<TAB>Attribution:T4 Content:T3 Cue:T2 Source:T1``). A content of several ranges (a quote
interrupted by its incise) becomes one :class:`GoldQuote` per range, all with the same source.
PolNeAR has several annotators for some articles (``<name>_<annotator>.ann``); :func:`read_split`
keeps the first annotation of each article.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from allegiance.errors import GoldFormatError
from allegiance.evaluation.quotes import GoldQuote

_MARKS = "\"“”«»'‘’"


@dataclass(slots=True)
class _TextBound:
    label: str
    ranges: list[tuple[int, int]]
    text: str


def parse_ann(ann: str, body: str, *, path: str | None = None) -> list[GoldQuote]:
    """The attributions of one document as gold quotes (kind ``direct`` when in quotation marks)."""
    spans: dict[str, _TextBound] = {}
    events: list[dict[str, str]] = []
    for n, line in enumerate(ann.splitlines(), 1):
        if not re.match(r"[TEARN#*]\d*\t", line):
            continue  # blank, or the rest of a span text that contained a line break
        parts = line.split("\t")
        try:
            if line.startswith("T"):
                label, _, ranges = parts[1].partition(" ")
                pairs = [tuple(int(x) for x in r.split()) for r in ranges.split(";")]
                spans[parts[0]] = _TextBound(
                    label, [(a, b) for a, b in pairs], parts[2] if len(parts) > 2 else ""
                )
            elif line.startswith("E"):
                roles = dict(arg.split(":", 1) for arg in parts[1].split())
                events.append(roles)
        except (IndexError, ValueError) as exc:
            raise GoldFormatError(f"line {n}: not brat standoff: {line!r}", path=path) from exc
    gold: list[GoldQuote] = []
    for roles in events:
        content = spans.get(roles.get("Content", ""))
        if content is None:
            continue
        source = spans.get(roles.get("Source", ""))
        speaker_span = source.ranges[0] if source else None
        speaker = body[speaker_span[0] : speaker_span[1]] if speaker_span else None
        for start, end in content.ranges:
            gold.append(
                GoldQuote(
                    body[start:end],
                    start,
                    end,
                    "direct" if _in_marks(body, start, end) else "indirect",
                    speaker,
                    speaker_span,
                    [],
                    None,
                )
            )
    gold.sort(key=lambda g: g.start)
    return gold


def _in_marks(body: str, start: int, end: int) -> bool:
    """Content that starts and ends at quotation marks (inside or just outside the range)."""
    text = body[start:end].strip()
    before = body[max(0, start - 2) : start].strip()
    after = body[end : end + 3].strip().lstrip(".,;:!?")
    opens = text[:1] in _MARKS or (before[-1:] in _MARKS if before else False)
    closes = (
        text.rstrip(".,;:!?")[-1:] in _MARKS
        or text[-1:] in _MARKS
        or (after[:1] in _MARKS if after else False)
    )
    return opens and closes


def read_split(root: str | Path, split: str) -> list[tuple[str, str, list[GoldQuote]]]:
    """(document name, text, gold quotes) of each article of ``root/<split>``."""
    base = Path(root) / split
    texts = base / "text"
    seen: set[str] = set()
    out: list[tuple[str, str, list[GoldQuote]]] = []
    for ann_path in sorted((base / "attributions").glob("*.ann")):
        name = re.sub(r"_[0-9a-f]{4}$", "", ann_path.stem)
        if name in seen:
            continue
        text_path = texts / f"{name}.txt"
        if not text_path.exists():
            continue
        seen.add(name)
        body = text_path.read_text("utf-8")
        gold = parse_ann(ann_path.read_text("utf-8"), body, path=str(ann_path))
        out.append((name, body, gold))
    return out
