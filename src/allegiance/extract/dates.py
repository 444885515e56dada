"""Date mentions in French and English news, resolved against the publication date.

Candidates are found with our own regular expressions over the clean body (lexicon:
``data/lexicons/dates_lexicon.yaml``), never by ``dateparser.search`` on raw text, which is slow
and finds dates in every "mai" and "2 000". Common shapes are resolved with plain arithmetic;
only counted relative phrases ("il y a deux ans", "in two weeks") go to :mod:`dateparser`,
through a cache keyed by (phrase, language, publication date).

What a :class:`~allegiance.models.DateMention` holds:

* ``date``: ISO, truncated to the granularity: ``2025-01-21`` (day), ``2024-12`` (month),
  ``2018`` (year). Week: the ISO date of that week's **Monday** (``cette semaine`` in an article
  of Friday 2025-01-24 is ``2025-01-20``). Quarter: ``2024-Q3``. Decade: its first year
  (``les années 1990`` is ``1990``).
* ``None`` when the phrase needs the publication date (weekdays, relative phrases, a day or month
  without a year) and none is known; ``granularity`` is still set.

News sense, written down because each is a choice:

* a weekday alone ("mardi", "on Tuesday") is the most recent such day on or before publication;
  "mardi dernier"/"last Tuesday" strictly before; "mardi prochain"/"next Tuesday" strictly after;
  "ce mardi"/"this Tuesday" the one in the week of publication.
* a day or month without a year ("21 janvier", "en mars") takes the year that puts it closest to
  publication (ties go to the past); "depuis"/"since"/"dernier"/"last" force the past,
  "prochain"/"next" the future.
* a 4-digit number is a year only in a date context: after a preposition ("en 2018", "depuis 2018",
  "remonte à 2018", "mi-2020"), in parentheses, or alone when punctuation or a function word
  follows. "2018 voitures", "500 salariés", "2 000 personnes" and amounts are not dates; "en 2018
  voitures" is not either (a count noun follows).
* the span is the date phrase without a leading article or preposition: "21 janvier 2025" (not
  "le 21 janvier 2025"), "2018" (not "en 2018"), "Tuesday" (not "on Tuesday"); words that change
  the meaning stay in ("mardi dernier", "ce mardi", "last week", "le mois dernier").
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any, Literal

import yaml

from allegiance.models import DateMention, Granularity

__all__ = ["find_dates"]

_LEXICON = "data/lexicons/dates_lexicon.yaml"
Direction = Literal["near", "past", "future", "recent", "this"]
_WS = r"[ \u00a0\u202f\u2009]+"


@dataclass(slots=True)
class _Cand:
    start: int
    end: int
    date: str | None
    granularity: Granularity
    relative: bool = False  # resolved from the publication date, not read in the text


_ORDER: dict[str, int] = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4, "decade": 5}


def _clamp(cand: _Cand, published: date, precision: Granularity) -> None:
    """A weekday or "hier" in an article dated only "2025-02" is somewhere in February 2025:
    a relative phrase is never finer than the date it is relative to."""
    if not cand.relative or _ORDER[cand.granularity] >= _ORDER[precision]:
        return
    cand.granularity = precision
    cand.date = published.isoformat()[:7] if precision == "month" else str(published.year)


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    text = resources.files("allegiance").joinpath(_LEXICON).read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


@lru_cache(maxsize=4)
def month_names(lang: str) -> frozenset[str]:
    """The month names of ``lang`` (lower case, abbreviations and unaccented spellings
    included), from the lexicon every date rule reads."""
    return frozenset(str(k).lower() for k in _lexicon()["months"][lang])


def _alt(forms: list[str] | dict[str, Any]) -> str:
    """Alternation of phrases, longest first; "'" matches ' and ’, a space any run of spaces."""
    parts = []
    for form in sorted(forms, key=len, reverse=True):
        esc = re.escape(form).replace(r"\ ", _WS).replace("'", "['’]")
        parts.append(esc)
    return "(?:" + "|".join(parts) + ")"


def _key(s: str) -> str:
    return re.sub(r"\s+", " ", s.replace("’", "'")).lower()


@dataclass(slots=True)
class _Lang:
    months: dict[str, int]
    weekdays: dict[str, int]
    numbers: dict[str, int]
    units: dict[str, str]
    relative: dict[str, tuple[str, int]]
    after_year_ok: frozenset[str]
    full: list[re.Pattern[str]]
    numeric: re.Pattern[str]
    iso: re.Pattern[str]
    month_year: re.Pattern[str]
    month_ctx: re.Pattern[str]
    weekday: re.Pattern[str]
    rel: re.Pattern[str]
    counted: re.Pattern[str]
    year: re.Pattern[str]
    strong_before: re.Pattern[str]
    weak_before: re.Pattern[str]
    decade: re.Pattern[str]
    quarter: list[re.Pattern[str]]


_ORD_QUARTER = {
    "premier": 1, "1er": 1, "deuxième": 2, "second": 2, "2e": 2, "2ème": 2, "troisième": 3,
    "3e": 3, "3ème": 3, "quatrième": 4, "4e": 4, "4ème": 4, "first": 1, "1st": 1,
    "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4,
}  # fmt: skip
_NO_YEAR_BEFORE = re.compile(
    r"(?:n°|no\.?|num[ée]ro|page|p\.|art\.|article|rue|route|ligne|vol\.|code|#)\s*$", re.I
)


@lru_cache(maxsize=4)
def _lang(lang: str) -> _Lang:
    lex = _lexicon()
    months = {_key(k): v for k, v in lex["months"][lang].items()}
    weekdays = {_key(k): v for k, v in lex["weekdays"][lang].items()}
    numbers = {_key(k): v for k, v in lex["numbers"][lang].items()}
    units = {_key(k): v for k, v in lex["units"][lang].items()}
    relative = {_key(k): (v[0], int(v[1])) for k, v in lex["relative"][lang].items()}
    fr = lang == "fr"
    # English month and weekday names are capitalised; French ones may be either.
    flags = re.I if fr else 0
    month = "(?P<month>" + _alt(list(lex["months"][lang])) + r")(?<=\.|[^\W\d_])(?![\w])"
    wd = "(?P<wd>" + _alt(list(lex["weekdays"][lang])) + r")\b"
    wd_opt = r"(?:" + wd + r",?" + _WS + r")?"
    year = r"(?P<year>\d{4})(?!\d)"
    if fr:
        day = r"(?P<day>1er|[12]\d|3[01]|0?[1-9])(?!\d)"
        full = [re.compile(r"\b" + wd_opt + day + _WS + month + r"(?:" + _WS + year + ")?", flags)]
        month_year = re.compile(r"\b" + month + _WS + year, flags)
        month_ctx = re.compile(
            r"(?:\b(?P<pre>en|depuis|dès|début|fin|mi|courant|jusqu['’]en|au mois de|le mois de"
            r"|d['’]ici)(?:"
            + _WS
            + r"|-))?"
            + month
            + r"(?:"
            + _WS
            + r"(?P<post>dernier|prochain))?",
            re.I,
        )
        weekday = re.compile(
            r"\b(?:(?P<pre>ce|dès|depuis)" + _WS + r")?" + wd
            + r"(?:" + _WS + r"(?P<post>dernier|passé|prochain)\b)?",
            re.I,
        )  # fmt: skip
        counted = re.compile(
            r"\b(?:il" + _WS + r"y" + _WS + r"a|dans)" + _WS + r"(?P<n>\d{1,3}|"
            + _alt(list(numbers)) + r")" + _WS + r"(?P<unit>" + _alt(list(units)) + r")\b",
            re.I,
        )  # fmt: skip
        decade = re.compile(r"\bannées" + _WS + r"(?P<y>(?:19|20)?\d0)\b", re.I)
        quarter = [
            re.compile(
                r"\b(?P<q>premier|1er|deuxième|second|2e|2ème|troisième|3e|3ème|quatrième|4e|4ème)"
                + _WS + r"trimestre(?:" + _WS + r"(?:de" + _WS + r"|d['’])?" + year + r")?",
                re.I,
            ),
            re.compile(r"\bT(?P<qn>[1-4])" + _WS + year),
        ]  # fmt: skip
    else:
        day = r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
        full = [
            re.compile(
                r"\b" + wd_opt + month + _WS + day + r"(?:,?" + _WS + year + r")?"
            ),
            re.compile(
                r"\b" + wd_opt + r"(?:the" + _WS + r")?" + day + _WS + r"(?:of" + _WS + r")?"
                + month + r"(?:,?" + _WS + year + r")?"
            ),
        ]  # fmt: skip
        month_year = re.compile(r"\b" + month + r",?" + _WS + r"(?:of" + _WS + r")?" + year)
        month_ctx = re.compile(
            r"\b(?P<pre>(?i:in|since|by|early|late|mid|until|during|from|through|last|next|this))"
            r"(?:" + _WS + r"|-)" + month + r"(?!" + _WS + r"\d)"
        )
        weekday = re.compile(r"\b(?:(?P<pre>(?i:last|next|this|on|since))" + _WS + r")?" + wd)
        counted = re.compile(
            r"\b(?:(?P<n>\d{1,3}|" + _alt(list(numbers)) + r")" + _WS + r"(?P<unit>"
            + _alt(list(units)) + r")" + _WS + r"ago|in" + _WS + r"(?P<n2>\d{1,3}|"
            + _alt(list(numbers)) + r")" + _WS + r"(?P<unit2>" + _alt(list(units)) + r"))\b",
            re.I,
        )  # fmt: skip
        decade = re.compile(r"(?:\b(?P<y>(?:19|20)\d0)|['’](?P<y2>\d0))s\b")
        quarter = [
            re.compile(
                r"\b(?P<q>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[ \u00a0-]+(?i:quarter)"
                r"(?:" + _WS + r"(?:of" + _WS + r")?" + year + r")?"
            ),
            re.compile(r"\bQ(?P<qn>[1-4])(?:[ \u00a0]?" + year + r")?\b"),
        ]  # fmt: skip
    numeric = re.compile(r"(?<![\d/.])(?P<a>\d{1,2})([/.])(?P<b>\d{1,2})\2(?P<y>\d{4})(?![\d])")
    iso = re.compile(r"(?<![\d-])(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")
    rel = re.compile(r"(?<![\w-])" + _alt(list(lex["relative"][lang])) + r"(?![\w-])", re.I)
    year_re = re.compile(r"(?<![\w.,/:$€£#])(?P<year>\d{4})(?!\d)(?![.,]\d)(?!\s?%)")
    before = lex["year_before"][lang]
    strong_before = re.compile(r"(?:^|\W)" + _alt(before["strong"]) + r"(?:\s+|-)$", re.I)
    weak_before = re.compile(r"(?:^|\W)" + _alt(before["weak"]) + r"\s+$", re.I)
    return _Lang(
        months, weekdays, numbers, units, relative,
        frozenset(_key(w) for w in lex["after_year_ok"][lang]),
        full, numeric, iso, month_year, month_ctx, weekday, rel, counted, year_re,
        strong_before, weak_before, decade, quarter,
    )  # fmt: skip


# ---------------------------------------------------------------- calendar arithmetic


def _monday(d: date) -> date:
    return d - timedelta(days=d.weekday())


def _shift_month(y: int, m: int, n: int) -> tuple[int, int]:
    i = y * 12 + (m - 1) + n
    return i // 12, i % 12 + 1


def _valid(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


def _pick_year(
    month: int, day: int | None, published: date, direction: Direction = "near"
) -> int | None:
    """The year that puts (month, day) closest to publication in the wanted direction."""
    best: tuple[int, int] | None = None  # (distance, year)
    for y in (published.year - 1, published.year, published.year + 1):
        if day is not None:
            if not _valid(y, month, day):
                continue
            delta = (date(y, month, day) - published).days
        else:
            delta = (y * 12 + month) - (published.year * 12 + published.month)
        if direction == "past" and delta > 0 or direction == "future" and delta <= 0:
            continue
        dist = abs(delta) * 2 + (1 if delta > 0 else 0)  # ties go to the past
        if best is None or dist < best[0]:
            best = (dist, y)
    return best[1] if best else None


def _weekday_date(wd: int, published: date, direction: Direction) -> date:
    if direction == "this":
        return _monday(published) + timedelta(days=wd)
    if direction == "future":
        return published + timedelta(days=(wd - published.weekday()) % 7 or 7)
    back = (published.weekday() - wd) % 7
    if direction == "past" and back == 0:
        back = 7
    return published - timedelta(days=back)


def _shift(unit: str, n: int, published: date) -> str:
    if unit == "day":
        return (published + timedelta(days=n)).isoformat()
    if unit == "week":
        return (_monday(published) + timedelta(weeks=n)).isoformat()
    if unit == "month":
        y, m = _shift_month(published.year, published.month, n)
        return f"{y:04d}-{m:02d}"
    if unit == "quarter":
        i = published.year * 4 + (published.month - 1) // 3 + n
        return f"{i // 4:04d}-Q{i % 4 + 1}"
    return f"{published.year + n:04d}"


def _truncate(d: date, unit: str) -> str:
    if unit == "week":
        return _monday(d).isoformat()
    if unit == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if unit == "year":
        return f"{d.year:04d}"
    return d.isoformat()


@lru_cache(maxsize=16)
def _parser(lang: str, published: date) -> Any:
    from dateparser import DateDataParser  # heavy import, paid only when a phrase needs it

    base = datetime(published.year, published.month, published.day)
    return DateDataParser(languages=[lang], settings={"RELATIVE_BASE": base})


@lru_cache(maxsize=4096)
def _dateparser_date(phrase: str, lang: str, published: date) -> date | None:
    result = _parser(lang, published).get_date_data(phrase)
    return result.date_obj.date() if result.date_obj else None


# ---------------------------------------------------------------- candidate finders


def _day_date(
    y: int | None, m: int, d: int, published: date | None, direction: Direction = "near"
) -> str | None:
    if y is None:
        if published is None:
            return None
        y = _pick_year(m, d, published, direction)
        if y is None:
            return None
    return date(y, m, d).isoformat() if _valid(y, m, d) else None


def _full_dates(text: str, L: _Lang, published: date | None, out: list[_Cand]) -> None:
    for pattern in L.full:
        for mt in pattern.finditer(text):
            d = 1 if mt["day"].lower() == "1er" else int(re.sub(r"\D", "", mt["day"]))
            m = L.months[_key(mt["month"])]
            y = int(mt["year"]) if mt["year"] else None
            if y is not None and not 1000 <= y <= 2200:
                y = None
            if not _valid(y or 2024, m, d):  # 30 février, 31 avril
                continue
            end = mt.end()
            direction: Direction = "near"
            tail = _TAIL.match(text, end) if y is None else None
            if tail:  # "21 janvier dernier", "le 5 mars prochain"
                direction = "future" if _key(tail[1]) in {"prochain", "next"} else "past"
                end = tail.end()
            out.append(_Cand(mt.start(), end, _day_date(y, m, d, published, direction), "day"))
    for mt in L.iso.finditer(text):
        y, m, d = int(mt["y"]), int(mt["m"]), int(mt["d"])
        if _valid(y, m, d):
            out.append(_Cand(mt.start(), mt.end(), date(y, m, d).isoformat(), "day"))


_TAIL = re.compile(r"[ \u00a0\u202f]+(dernier|passé|prochain)\b", re.I)


def _numeric_dates(text: str, L: _Lang, lang: str, out: list[_Cand]) -> None:
    """21/01/2025 (day first in French; in English month first unless that cannot be)."""
    for mt in L.numeric.finditer(text):
        a, b, y = int(mt["a"]), int(mt["b"]), int(mt["y"])
        day, month = (a, b) if lang == "fr" or a > 12 else (b, a)
        if not 1900 <= y <= 2100 or not _valid(y, month, day):
            continue
        out.append(_Cand(mt.start(), mt.end(), date(y, month, day).isoformat(), "day"))


def _months(text: str, L: _Lang, published: date | None, out: list[_Cand]) -> None:
    for mt in L.month_year.finditer(text):
        y = int(mt["year"])
        if 1000 <= y <= 2200:
            m = L.months[_key(mt["month"])]
            out.append(_Cand(mt.start(), mt.end(), f"{y:04d}-{m:02d}", "month"))
    for mt in L.month_ctx.finditer(text):
        pre = _key(mt["pre"] or "")
        post = _key(mt.groupdict().get("post") or "")
        if not pre and not post:
            continue  # a month name alone is too often something else (Mars, May)
        m = L.months[_key(mt["month"])]
        direction: Direction = "near"
        if pre in {"depuis", "since", "last"} or post == "dernier":
            direction = "past"
        elif pre in {"next", "d'ici"} or post == "prochain":
            direction = "future"
        start = mt.start("pre") if pre in {"last", "next", "this"} else mt.start("month")
        value = None
        if published is not None:
            year = published.year if pre == "this" else _pick_year(m, None, published, direction)
            value = f"{year:04d}-{m:02d}" if year is not None else None
        out.append(_Cand(start, mt.end(), value, "month"))


def _weekdays(text: str, L: _Lang, published: date | None, out: list[_Cand]) -> None:
    for mt in L.weekday.finditer(text):
        pre = _key(mt["pre"] or "")
        post = _key(mt.groupdict().get("post") or "")
        direction: Direction = "recent"
        if pre == "last" or post in {"dernier", "passé"}:
            direction = "past"
        elif pre == "next" or post == "prochain":
            direction = "future"
        elif pre in {"ce", "this"}:
            direction = "this"
        start = mt.start("pre") if pre in {"ce", "this", "last", "next"} else mt.start("wd")
        if not pre and (
            _HABIT_BEFORE.search(text, max(0, start - 14), start)
            or _HABIT_AFTER.match(text, mt.end())
        ):
            continue
        wd = L.weekdays[_key(mt["wd"])]
        value = _weekday_date(wd, published, direction).isoformat() if published else None
        out.append(_Cand(start, mt.end(), value, "day", relative=True))


def _relatives(text: str, L: _Lang, lang: str, published: date | None, out: list[_Cand]) -> None:
    for mt in L.rel.finditer(text):
        unit, n = L.relative[_key(mt.group())]
        value = _shift(unit, n, published) if published else None
        out.append(_Cand(mt.start(), mt.end(), value, unit, relative=True))  # type: ignore[arg-type]
    for mt in L.counted.finditer(text):
        unit = L.units[_key(mt.groupdict().get("unit") or mt.groupdict().get("unit2") or "")]
        value = None
        if published is not None:
            parsed = _dateparser_date(_key(mt.group()), lang, published)
            value = _truncate(parsed, unit) if parsed else None
        out.append(_Cand(mt.start(), mt.end(), value, unit, relative=True))  # type: ignore[arg-type]


_YEAR_RANGE = re.compile(r"\d{4}-\d{4}(?!\d)")
# A weekday that names a habit, a series or a show, not a day: "chaque mercredi", "le premier
# mercredi du mois", "every Wednesday", "Super Tuesday", "Saturday Night Live".
_HABIT_BEFORE = re.compile(
    r"(?:\b(?:chaque|premier|deuxième|dernier|un|les|tous\s+les|every|each|a|Super)\s+)$", re.I
)
_HABIT_AFTER = re.compile(
    r"\s+(?:suivant|précédent|d['’]après|du\s+mois|sur\s+deux|Night\s+(?:Live|Football))\b"
    r"|s\b",
    re.I,
)


def _next_word(text: str, end: int) -> str | None:
    """The word right after a year, or None when punctuation or the line end comes first."""
    m = re.match(r"[ \u00a0\u202f\u2009]*([^\W\d_]+['’]?)", text[end : end + 30])
    return _key(m.group(1)) if m else None


def _years(text: str, L: _Lang, out: list[_Cand]) -> None:
    for mt in L.year.finditer(text):
        y = int(mt["year"])
        s = mt.start()
        before = text[max(0, s - 24) : s]
        if _NO_YEAR_BEFORE.search(before) or re.search(r"\d[ \u00a0\u202f]$", before):
            continue  # "n° 2018", "rue", or the tail of "12 2018"
        if before.endswith("-") and not re.search(r"(?:\bmid?|\b\d{4})-$", before, re.I):
            continue  # "trump-2025-1" in a URL, "JO-2024": a name, not a date mention
        if re.match(r"-\d", text[mt.end() : mt.end() + 2]) and not _YEAR_RANGE.match(text, s):
            continue  # "2025-1)" in a URL slug
        after = text[mt.end() : mt.end() + 4]
        if re.match(r"[ \u00a0\u202f]\d{3}(?!\d)|[ \u00a0\u202f]?[$€£¥%‰]", after):
            continue  # "2018 000"-like grouping, "2018 €", "2018 %": a number, not a year
        word = _next_word(text, mt.end())
        ok_after = word is None or word in L.after_year_ok
        if L.strong_before.search(before):
            good = 1500 <= y <= 2100 and (ok_after or not re.search(r"[sx]$", word or ""))
        elif L.weak_before.search(before):
            good = 1500 <= y <= 2100 and ok_after
        else:
            good = 1900 <= y <= 2100 and ok_after
        if good:
            out.append(_Cand(s, mt.end(), f"{y:04d}", "year"))


def _decades_quarters(text: str, L: _Lang, published: date | None, out: list[_Cand]) -> None:
    for mt in L.decade.finditer(text):
        raw = mt.groupdict().get("y") or mt.groupdict().get("y2") or ""
        y = int(raw) if len(raw) == 4 else 1900 + int(raw)
        out.append(_Cand(mt.start(), mt.end(), f"{y:04d}", "decade"))
    for mt in (m for pattern in L.quarter for m in pattern.finditer(text)):
        groups = mt.groupdict()
        q = int(groups["qn"]) if groups.get("qn") else _ORD_QUARTER[groups["q"].lower()]
        value = None
        if groups.get("year"):
            value = f"{int(mt['year']):04d}-Q{q}"
        elif published is not None:
            # the most recent such quarter already begun: results news look back
            qyear = _pick_year(3 * q - 2, 1, published, "past")
            value = f"{qyear:04d}-Q{q}" if qyear else None
        out.append(_Cand(mt.start(), mt.end(), value, "quarter"))


def find_dates(
    text: str, lang: str, published: date | None, published_precision: Granularity = "day"
) -> list[DateMention]:
    """Every date mention in ``text``, in text order, resolved against ``published``.

    ``published_precision`` says how much of ``published`` is known ("month" for an article
    dated "2025-02"): relative phrases are then resolved only to that precision.

    Overlapping candidates are settled longest first ("mardi 21 janvier 2025" beats "mardi" and
    "2025"). See the module docstring for the conventions.
    """
    lang = "fr" if lang.startswith("fr") else "en"
    if isinstance(published, datetime):  # a timestamp from the metadata: keep its calendar day
        published = published.date()
    L = _lang(lang)
    cands: list[_Cand] = []
    _full_dates(text, L, published, cands)
    _numeric_dates(text, L, lang, cands)
    _months(text, L, published, cands)
    _weekdays(text, L, published, cands)
    _relatives(text, L, lang, published, cands)
    _years(text, L, cands)
    _decades_quarters(text, L, published, cands)
    kept: list[_Cand] = []
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.start)):
        if all(c.end <= k.start or c.start >= k.end for k in kept):
            kept.append(c)
    kept.sort(key=lambda c: c.start)
    if published is not None and published_precision != "day":
        for c in kept:
            _clamp(c, published, published_precision)
    return [DateMention(text[c.start : c.end], c.start, c.end, c.date, c.granularity) for c in kept]
