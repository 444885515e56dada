"""The text report: an :class:`Article` laid out for a person to read.

Sections with aligned columns; colour only when writing to a terminal (``color=True``) and never
when ``NO_COLOR`` is set. The JSON twin is ``Article.as_dict()``.
"""

from __future__ import annotations

import re
import textwrap
from collections.abc import Iterable, Sequence

from allegiance.models import Article, Entity

_CODES = {"bold": "1", "dim": "2", "red": "31", "green": "32", "yellow": "33", "cyan": "36"}


class _Style:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, text: str, *styles: str) -> str:
        if not self.color or not styles:
            return text
        codes = ";".join(_CODES[s] for s in styles)
        return f"\x1b[{codes}m{text}\x1b[0m"


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _width(cell: str) -> int:
    """What the cell takes on screen: colour codes take none."""
    return len(_ANSI.sub("", cell))


def _table(rows: Sequence[Sequence[str]], indent: str = "  ") -> list[str]:
    if not rows:
        return [indent + "(none)"]
    widths = [max(_width(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    lines = []
    for row in rows:
        cells = [c + " " * (w - _width(c)) for c, w in zip(row[:-1], widths, strict=False)]
        cells.append(row[-1])
        lines.append((indent + "  ".join(cells)).rstrip())
    return lines


def _stance(value: int, style: _Style) -> str:
    if value > 0:
        return style("+", "green")
    if value < 0:
        return style("−", "red")
    return style("0", "dim")


def _clip(text: str, width: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def render(article: Article, *, color: bool = False) -> str:
    """The readable report of one analysed article."""
    s = _Style(color)
    meta = article.meta
    names = {e.id: e.name for e in article.entities}
    out: list[str] = []
    out.append(s(meta.title or meta.id, "bold"))
    facts = [
        ("published", meta.published_iso or "unknown"),
        ("language", meta.lang or "?"),
        ("source", meta.source or "—"),
        ("url", meta.url or "—"),
        ("file", meta.path or "—"),
    ]
    out += _table([(k, v) for k, v in facts if v != "—" or k in ("source",)])
    out.append(
        f"  {len(article.body)} characters of clean text, {len(article.removed)} lines removed"
    )

    out.append("")
    out.append(s("Removed", "bold"))
    out += _table([(r.reason, _clip(r.text, 80)) for r in article.removed])

    out.append("")
    out.append(s(f"Entities ({len(article.entities)})", "bold"))
    out += _table([_entity_row(e) for e in article.entities])

    out.append("")
    out.append(s(f"Amounts ({len(article.amounts)})", "bold"))
    out += _table([(a.text, f"{a.value:,.0f} {a.currency}") for a in article.amounts])

    out.append("")
    out.append(s(f"Dates ({len(article.dates)})", "bold"))
    out += _table([(d.text, d.date or "unresolved", d.granularity or "") for d in article.dates])

    out.append("")
    out.append(s(f"Quotes ({len(article.quotes)})", "bold"))
    if not article.quotes:
        out.append("  (none)")
    for i, q in enumerate(article.quotes, 1):
        speaker = q.speaker.name if q.speaker else "unattributed"
        about = ", ".join(
            f"{names.get(t.entity, t.entity)} {_stance(t.stance, s)}" for t in q.about
        )
        cue = f" ({q.cue.text})" if q.cue else ""
        out.append(
            f"  {i:>2}. {s(speaker, 'cyan')}{cue} [{q.kind}]" + (f" → {about}" if about else "")
        )
        out += textwrap.wrap(
            f"«{q.text}»", width=96, initial_indent="      ", subsequent_indent="       "
        )

    out.append("")
    out.append(s(f"Events ({len(article.events)})", "bold"))
    out += _table([_event_row(ev, names, s) for ev in article.events])
    if article.states:
        out.append("")
        out.append(s(f"States ({len(article.states)})", "bold"))
        out += _table(
            [
                (
                    names.get(st.source, st.source),
                    st.type,
                    names.get(st.target, st.target),
                    _clip(st.evidence.text, 70),
                )
                for st in article.states
            ]
        )
    return "\n".join(out) + "\n"


def _entity_row(e: Entity) -> tuple[str, ...]:
    ticker = f"{e.ticker}" + (f" ({e.exchange})" if e.exchange else "") if e.ticker else ""
    aliases = ", ".join(e.aliases[:4])
    return (e.name, e.type, f"{len(e.mentions)}×", f"{e.relevance:.2f}", ticker, aliases)


def _event_row(ev, names: dict[str, str], s: _Style) -> tuple[str, ...]:  # type: ignore[no-untyped-def]
    def actors(ids: Iterable[str]) -> str:
        return ", ".join(names.get(i, i) for i in ids) or "?"

    amount = f"{ev.amount.value:,.0f} {ev.amount.currency}" if ev.amount else ""
    sign = s(ev.type, "green" if ev.weight > 0 else "red" if ev.weight < 0 else "dim")
    return (
        actors(ev.source),
        sign,
        actors(ev.target),
        ev.modality,
        ev.date or "",
        amount,
        _clip(ev.evidence.text, 60),
    )
