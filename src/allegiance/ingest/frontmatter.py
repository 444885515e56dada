"""Metadata written at the top of a text article: YAML front matter or ``# key: value`` headers.

Two forms are common in the files users hand us:

* YAML front matter between two ``---`` lines at the very top (static-site generators, our own
  exports). Any key is tolerated; the ones we know are mapped onto the article metadata.
* ``# key: value`` comment headers, as written by scraper dumps (and by the ``.txt`` companions of
  the shared corpus). Only *consecutive leading* lines whose key is in :data:`HEADER_KEYS` count,
  so a Markdown heading such as ``# Musk sues OpenAI`` stays article text.

Dates stay strings: the pipeline parses them, with the user's date options.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from typing import Any

import yaml

from allegiance.errors import InputError

#: Keys of the ``# key: value`` header form. Closed on purpose: a heading is not metadata.
HEADER_KEYS = frozenset(
    {"title", "date", "url", "source", "outlet", "lang", "author", "text_origin"}
)

#: Spellings we accept for each metadata key (lower-cased); the value is the canonical key.
_ALIASES = {
    "title": "title",
    "headline": "title",
    "date": "date",
    "published": "date",
    "pubdate": "date",
    "published_at": "date",
    "publication_date": "date",
    "url": "url",
    "link": "url",
    "source_url": "url",
    "canonical": "url",
    "canonical_url": "url",
    "lang": "lang",
    "language": "lang",
    "outlet": "outlet",
    "sitename": "outlet",
    "site_name": "outlet",
    "site": "outlet",
    "publisher": "outlet",
    "author": "author",
    "authors": "author",
    "byline": "author",
    "text_origin": "text_origin",
}

_HEADER_LINE = re.compile(r"#[ \t]*([A-Za-z_]+)[ \t]*:[ \t]*(.*?)[ \t]*\r?")
_FENCE = re.compile(r"(?:---|\.\.\.)[ \t]*\r?")
# ``source`` is the outlet in some dumps, and a provenance note (repo@commit:path, a sentence)
# in others: only a short name-like value is taken as the outlet.
_OUTLET_LIKE = re.compile(r"[^@:/\n]{1,60}")


def split_front_matter(text: str, *, path: str | None = None) -> tuple[dict[str, str], str, int]:
    """Split leading metadata from ``text``.

    Returns ``(meta, rest, removed)``: ``meta`` with canonical keys (title, date, url, lang,
    outlet, author, text_origin) as strings, ``rest`` the text after the metadata and the blank
    lines that follow it, and ``removed`` the number of characters cut from the front, so that
    ``text[removed:] == rest``. Raises :class:`InputError` (with the line) on malformed YAML.
    """
    meta: dict[str, str] = {}
    pos = 1 if text.startswith("\ufeff") else 0
    pos = _yaml_block(text, pos, meta, path)
    pos = _header_block(text, pos, meta)
    if pos and not meta and not text[:pos].strip("\ufeff \t\r\n"):
        pos = 0  # nothing found: do not eat leading blank lines of a plain text
    return meta, text[pos:], pos


def _lines_from(text: str, pos: int) -> list[tuple[int, str]]:
    """(start offset, line without its newline) for every line from ``pos``."""
    out = []
    while pos < len(text):
        nl = text.find("\n", pos)
        end = len(text) if nl < 0 else nl
        out.append((pos, text[pos:end]))
        pos = end + 1
    return out


def _skip_blank(text: str, pos: int) -> int:
    for start, line in _lines_from(text, pos):
        if line.strip():
            return start
    return len(text)


def _yaml_block(text: str, pos: int, meta: dict[str, str], path: str | None) -> int:
    lines = _lines_from(text, pos)
    if not lines or lines[0][1].rstrip() != "---":
        return pos
    for i, (start, line) in enumerate(lines[1:], start=1):
        if _FENCE.fullmatch(line):
            body = "\n".join(ln for _, ln in lines[1:i])
            end = start + len(line) + 1
            break
    else:
        return pos  # an opening rule with no closing one: a Markdown horizontal rule, not metadata
    try:
        data = yaml.safe_load(body)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line_no = mark.line + 2 if mark is not None else 2  # +1: 1-based, +1: the opening ---
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise InputError(f"bad YAML front matter at line {line_no}: {problem}", path=path) from exc
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError("YAML front matter is not a mapping of key: value", path=path)
    for key, value in data.items():
        _store(meta, str(key), value)
    return _skip_blank(text, min(end, len(text)))


def _header_block(text: str, pos: int, meta: dict[str, str]) -> int:
    start_pos = _skip_blank(text, pos)
    found = False
    end = pos
    for start, line in _lines_from(text, start_pos):
        m = _HEADER_LINE.fullmatch(line)
        if not m or m.group(1).lower() not in HEADER_KEYS:
            break
        _store(meta, m.group(1), m.group(2))
        found = True
        end = start + len(line) + 1
    return _skip_blank(text, min(end, len(text))) if found else pos


def _store(meta: dict[str, str], key: str, value: Any) -> None:
    """Put one metadata value under its canonical key; the first value of a key wins."""
    k = key.strip().lower()
    canonical = _ALIASES.get(k)
    if canonical is None and k == "source":
        text = _as_text(value, "outlet")
        if text and _OUTLET_LIKE.fullmatch(text):
            meta.setdefault("outlet", text)
        return
    if canonical is None:
        return
    text = _as_text(value, canonical)
    if text:
        meta.setdefault(canonical, text)


def _as_text(value: Any, key: str) -> str | None:
    if value is None or isinstance(value, dict):
        return None
    if isinstance(value, list | tuple):
        items = [v for v in (_as_text(v, key) for v in value) if v]
        if not items:
            return None
        return ", ".join(items) if key == "author" else items[0]
    if isinstance(value, datetime | date):
        return value.isoformat()
    text = str(value).strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        text = text[1:-1].strip()  # header lines are not YAML: their quotes are literal
    return text or None
