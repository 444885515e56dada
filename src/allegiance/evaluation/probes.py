"""Construction probes: short invented passages, each with one quote and its expected speaker.

A gold article scores a system on the constructions one text happens to use; a probe file
covers one family of French (or English) attribution constructions on purpose — incises,
descriptions and pronouns, bodies and states, reported speech, layouts — with passages written
for the purpose, so a failure is a gap in the system's grammar rather than in one article. Each
line of a probe file (JSON Lines) is::

    {"text": "...", "fragment": "words inside the quote", "speaker": "entity-id" or null,
     "note": "the construction", "lang": "fr", "published": "2025-03-04"}

A probe passes when a quote whose text contains ``fragment`` is found and its speaker's entity
is ``speaker`` (``null``: an unnamed source, so no entity). ``lang`` and ``published`` are
optional (French, 2025-03-04). A line with ``"quote": false`` (and no ``speaker``) is a
negative probe: marked words that are no quote (a title, a scare quote, a name); it passes when
no quote holds the fragment.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from allegiance.errors import GoldFormatError, MissingInputError

if TYPE_CHECKING:
    from allegiance.pipeline import Context

DEFAULT_PUBLISHED = "2025-03-04"


@dataclass(frozen=True)
class Probe:
    text: str
    fragment: str
    speaker: str | None
    note: str = ""
    lang: str = "fr"
    published: str = DEFAULT_PUBLISHED
    where: str = ""  # "file.jsonl:12", for reports
    quote: bool = True  # False: the fragment must be in no quote


@dataclass
class ProbeOutcome:
    probe: Probe
    found: bool  # a quote holding the fragment was found
    speaker: str | None  # its speaker's entity id
    mention: str | None  # the words naming the speaker
    error: str | None = None  # the analysis failed: what it raised

    @property
    def passed(self) -> bool:
        if self.error is not None:
            return False
        if not self.probe.quote:
            return not self.found
        return self.found and self.speaker == self.probe.speaker


@dataclass
class ProbeReport:
    outcomes: list[ProbeOutcome] = field(default_factory=list)

    @property
    def passed(self) -> int:
        return sum(o.passed for o in self.outcomes)

    @property
    def failed(self) -> list[ProbeOutcome]:
        return [o for o in self.outcomes if not o.passed]

    def as_dict(self) -> dict[str, Any]:
        total = len(self.outcomes)
        return {
            "probes": total,
            "passed": self.passed,
            "rate": round(self.passed / total, 4) if total else None,
            "failures": [
                {
                    "where": o.probe.where,
                    "note": o.probe.note,
                    "expected": o.probe.speaker if o.probe.quote else "no quote",
                    "got": o.error or (o.speaker if o.found else "no quote"),
                    "mention": o.mention,
                }
                for o in self.failed
            ],
        }


def load_probes(path: str | Path) -> list[Probe]:
    """The probes of one JSON Lines file; blank lines and lines starting with ``#`` are skipped.
    A malformed line raises :class:`GoldFormatError` naming the file and the line."""
    path = Path(path)
    if not path.is_file():
        raise MissingInputError(f"{path}: no such probe file")
    probes: list[Probe] = []
    for n, raw in enumerate(path.read_text("utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        where = f"{path.name}:{n}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise GoldFormatError(f"{path}: line {n}: not JSON ({exc.msg})") from exc
        if not isinstance(item, dict):
            raise GoldFormatError(f"{path}: line {n}: expected an object")
        text, fragment, speaker = item.get("text"), item.get("fragment"), item.get("speaker")
        if not isinstance(text, str) or not isinstance(fragment, str) or not fragment:
            raise GoldFormatError(f"{path}: line {n}: 'text' and 'fragment' must be strings")
        if fragment not in text:
            raise GoldFormatError(f"{path}: line {n}: the fragment is not in the text")
        if speaker is not None and not isinstance(speaker, str):
            raise GoldFormatError(f"{path}: line {n}: 'speaker' must be an id or null")
        is_quote = item.get("quote", True)
        if not isinstance(is_quote, bool):
            raise GoldFormatError(f"{path}: line {n}: 'quote' must be true or false")
        probes.append(
            Probe(
                text,
                fragment,
                speaker,
                str(item.get("note", "")),
                str(item.get("lang", "fr")),
                str(item.get("published", DEFAULT_PUBLISHED)),
                where,
                is_quote,
            )
        )
    return probes


def run_probes(probes: list[Probe], context: Context | None = None) -> ProbeReport:
    """Analyse each probe's passage and compare the speaker of the quote holding its fragment."""
    from allegiance.analysis import analyze, default_context

    context = context or default_context()
    report = ProbeReport()
    for probe in probes:
        try:
            article = analyze(probe.text, probe.lang, probe.published, context=context)
        except Exception as exc:  # noqa: BLE001 - a crash is a failed probe, not a lost run
            report.outcomes.append(
                ProbeOutcome(probe, False, None, None, f"crash: {type(exc).__name__}")
            )
            continue
        # the innermost quote holding the fragment: a nested quote has its own speaker
        holding = [q for q in article.quotes if probe.fragment in q.text]
        quote = min(holding, key=lambda q: q.end - q.start) if holding else None
        speaker = quote.speaker if quote is not None else None
        report.outcomes.append(
            ProbeOutcome(
                probe,
                quote is not None,
                speaker.entity if speaker is not None else None,
                speaker.mention.text if speaker is not None and speaker.mention else None,
            )
        )
    return report
