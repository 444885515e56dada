"""Removing what is not article text: ads, captions, credits, notices, share buttons, repeats.

A line-based classifier: the text is cut into lines and each line is kept or dropped as a whole,
with a reason, so that the user can see (``Article.removed``) exactly what was not analysed and why.
Two kinds of rules:

* lexicon rules (``data/lexicons/boilerplate.yaml``): a line that *is* "Publicité", "Advertisement",
  "Photo : Reuters", "We may earn a commission…", "Lire aussi : …" — whole-line regular expressions,
  each reason with a maximum line length, so a sentence of the article never matches;
* layout rules, for photo captions, which have no fixed words: a short line without final
  punctuation that carries "(à gauche)"/"(left)"/"pictured", that is repeated on the next line, or
  that sits right before/after a credit line.

Conservative by design: the article's first line (its title) is never a caption, a line that holds
a quotation is only dropped by the anchored notice rules, and no rule drops a line longer than its
reason's ``max_chars`` (but an exact repeat of the line before it goes, whatever its length: the
first copy stays). Offsets in :class:`Removed` point into the *input* text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import yaml

from allegiance.models import Removed

_LANGS = ("fr", "en")
# list bullets, emphasis, quote marks of Markdown, brackets: decoration around a button's label
_DECORATION = " \t-–—*_>#[]|•·"
_FINAL_PUNCT = ".!?…:;»\"”'"
_QUOTED = re.compile(
    r"«[^»]*\w+\W+\w+\W+\w+[^»]*»|“[^”]*\w+\W+\w+\W+\w+[^”]*”|\"[^\"]*\w+\W+\w+\W+\w+[^\"]*\""
)
_CAPTION_MARKER = re.compile(
    r"\((?:[àa] gauche|[àa] droite|au centre|de gauche [àa] droite|de g\. [àa] d\.|en haut|en bas"
    r"|left|right|center|centre|from left|top|bottom|l|r|c)\)"
    r"|\b(?:pictured|photographed|seen here|ci-dessus|ci-contre|photographi[ée]e?s?)\b"
    r"|\{\{<\s*figure\b|^!\[[^\]]*\]\(",
    re.IGNORECASE,
)
_MAX_CAPTION = 200
_NOTICE_PARAGRAPH = 800  # a notice paragraph is a few short sentences, never an article passage
_NEVER_LONGER = 500  # no rule removes a line longer than this, whatever the lexicon says


@dataclass(frozen=True, slots=True)
class _Reason:
    name: str
    max_chars: int
    patterns: dict[str, tuple[re.Pattern[str], ...]]  # language ("common", "fr", "en") -> patterns

    def matches(self, line: str, langs: tuple[str, ...]) -> bool:
        if len(line) > self.max_chars:
            return False
        return any(
            p.fullmatch(line) for lang in ("common", *langs) for p in self.patterns.get(lang, ())
        )


@cache
def _lexicon() -> tuple[_Reason, ...]:
    raw = yaml.safe_load(
        resources.files("allegiance.data").joinpath("lexicons/boilerplate.yaml").read_text("utf-8")
    )
    reasons = []
    for name, spec in raw.items():
        flags = 0 if spec.get("case_sensitive") else re.IGNORECASE
        patterns = {
            lang: tuple(re.compile(p, flags) for p in spec.get(lang) or ())
            for lang in ("common", *_LANGS)
        }
        reasons.append(_Reason(name, min(int(spec["max_chars"]), _NEVER_LONGER), patterns))
    return tuple(reasons)


@dataclass(slots=True)
class _Line:
    start: int
    end: int  # of the stripped content
    text: str  # stripped
    key: str  # what the lexicon sees: decoration stripped, apostrophes folded
    reason: str | None = None


def _split(text: str) -> list[_Line]:
    lines = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        lead = len(body) - len(body.lstrip())
        stripped = body.strip()
        start = pos + lead
        key = stripped.strip(_DECORATION).replace("\u2019", "'").replace("\u00a0", " ")
        lines.append(_Line(start, start + len(stripped), stripped, key))
        pos += len(raw)
    return lines


def _unfinished(line: str) -> bool:
    """No final sentence punctuation: a label, a caption or a title, not a sentence."""
    return not line.rstrip(")]").endswith(tuple(_FINAL_PUNCT)) or line.endswith(("...", "…"))


def _sentence(key: str) -> bool:
    """A long line ending like a sentence, no "Label:" at its head ("Read more carefully, …")."""
    return len(key) > 60 and key.endswith((".", "!")) and ":" not in key[:25]


def _caption_like(line: _Line) -> bool:
    return (
        0 < len(line.text) <= _MAX_CAPTION
        and _unfinished(line.text)
        and not _QUOTED.search(line.text)
        and not line.text.startswith("#")
    )


def _classify(lines: list[_Line], langs: tuple[str, ...]) -> None:
    content = [i for i, ln in enumerate(lines) if ln.text]
    title = content[0] if content else -1
    lexicon = _lexicon()

    # 1. lexicon rules, line by line
    for i in content:
        ln = lines[i]
        key = ln.key or ln.text  # a line of decoration only ("-----") is matched as it is
        for reason in lexicon:
            if reason.matches(key, langs):
                quoted = _QUOTED.search(ln.text) is not None
                anchored = reason.name in ("translation-notice", "affiliate-disclaimer")
                if quoted and not anchored:
                    break
                if reason.name == "byline" and not _unfinished(ln.text):
                    break
                if reason.name == "share-subscribe" and _sentence(ln.key):
                    break
                ln.reason = reason.name
                break

    # 2. a translation notice takes its whole (short) paragraph with it
    for i in content:
        if lines[i].reason == "translation-notice":
            block = _paragraph(lines, i)
            if sum(len(lines[j].text) for j in block) <= _NOTICE_PARAGRAPH:
                for j in block:
                    lines[j].reason = lines[j].reason or "translation-notice"

    # 3. a bare "Lire aussi" / "Read more" marker: the headline on the next line goes with it
    for a, b in zip(content, content[1:], strict=False):
        if (
            lines[a].reason == "share-subscribe"
            and len(lines[a].key) <= 40
            and re.match(
                r"(?i)(à |a )?(lire|voir) aussi|read (more|also)|see also|related", lines[a].key
            )
            and lines[b].reason is None
            and b != title
            and _caption_like(lines[b])
        ):
            lines[b].reason = "share-subscribe"

    # 4. captions: a marker, a repeat, or a credit line next to it
    for n, i in enumerate(content):
        ln = lines[i]
        if ln.reason or i == title or not _caption_like(ln):
            continue
        prev_i = content[n - 1] if n else None
        next_i = content[n + 1] if n + 1 < len(content) else None
        nxt = lines[next_i] if next_i is not None else None
        prv = lines[prev_i] if prev_i is not None else None
        if (
            _CAPTION_MARKER.search(ln.text)
            or (nxt is not None and nxt.text == ln.text)
            or (nxt is not None and nxt.reason == "photo-credit")
            or (prv is not None and prv.reason == "photo-credit" and prev_i != title)
        ):
            ln.reason = "caption"
    # a caption repeated (the image and its zoom, say) is a caption both times
    for a, b in zip(content, content[1:], strict=False):
        if lines[a].reason == "caption" and lines[b].text == lines[a].text:
            lines[b].reason = "caption"

    # 5. an exact repeat of the line before it (blank lines between do not matter)
    for a, b in zip(content, content[1:], strict=False):
        if lines[b].reason is None and lines[b].text == lines[a].text:
            lines[b].reason = "duplicate"


def _paragraph(lines: list[_Line], i: int) -> list[int]:
    lo = i
    while lo > 0 and lines[lo - 1].text:
        lo -= 1
    hi = i
    while hi + 1 < len(lines) and lines[hi + 1].text:
        hi += 1
    return list(range(lo, hi + 1))


def strip_boilerplate(text: str, lang: str | None = None) -> tuple[str, list[Removed]]:
    """The clean body of ``text`` and the lines removed from it.

    ``lang`` ("fr", "en") picks the language rules; unknown or None applies both. The body keeps the
    kept lines in order, paragraphs separated by one blank line, without leading/trailing blanks.
    """
    langs = (lang,) if lang in _LANGS else _LANGS
    lines = _split(text)
    _classify(lines, langs)
    removed = [Removed(ln.text, ln.reason, ln.start, ln.end) for ln in lines if ln.reason]
    out: list[str] = []
    blank = False
    for ln in lines:
        if ln.reason:
            continue
        if not ln.text:
            blank = bool(out)
            continue
        if blank:
            out.append("")
            blank = False
        out.append(ln.text)
    return "\n".join(out), removed


def guess_title(body: str) -> str | None:
    """The first line of ``body`` if it reads as a title: short, no final period, then a blank."""
    first, sep, rest = body.strip().partition("\n")
    first = first.strip()
    if not first or len(first) >= 200 or first.endswith("."):
        return None
    if not sep or rest.partition("\n")[0].strip():
        return None
    return first.lstrip("#").strip() or None
