"""Money amounts in French and English news: "50 milliards de dollars", "600 000 $", "$97.4bn".

Pure regular expressions over the clean body (no spaCy), driven by the lexicon
``data/lexicons/amounts_lexicon.yaml`` (currency symbols, names and scale words). Three shapes:

* a currency before the number: ``$97.4 billion``, ``€109bn``, ``US$ 3 billion``, ``£2.5m``;
* a currency after the number: ``600 000 $``, ``40 Md$``, ``1,5 million d'euros``, ``5bn yen``;
* a scaled number with no currency (``500 milliards``): reported only when an amount with a currency
  stands in the same sentence, whose currency it inherits ("100 milliards de dollars, visant 500
  milliards"). A bare number with no scale and no currency is never an amount (counts, years).

A range shares its tail's scale and currency: in "entre 10 et 20 millions d'euros" the ``10`` is
10 million euros. Values are exact: the digits are read as a :class:`~decimal.Decimal` and only the
product is turned into a float, so "97,4 milliards" is exactly ``97400000000.0``.

Number format depends on the language: in French the comma is the decimal mark and spaces
(plain, NBSP, narrow NBSP) or dots group thousands; in English the dot is decimal and commas
group thousands.
A dot followed by groups of exactly three digits ("1.000.000") is read as grouping in both.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from allegiance.models import Amount

__all__ = ["find_amounts", "parse_number"]

_LEXICON = "data/lexicons/amounts_lexicon.yaml"

# A number: digit groups of three after a separator (space, NBSP, narrow NBSP, thin space, dot,
# comma), then an optional decimal part; or plain digits with an optional decimal part. It may not
# start in the middle of a word or of another number.
_NUM = (
    r"(?<![\w.,])(?:\d{1,3}(?:[ \u00a0\u202f\u2009.,]\d{3})+(?![\d])(?:[.,]\d+)?"
    r"|\d+(?:[.,]\d+)?)(?!\d)(?![.,]\d)"
)
_SP = r"[ \u00a0\u202f\u2009]"  # one space of any kind, never a newline
# Words after a scaled, currency-less amount that say it counts things ("500 millions d'habitants").
_FR_COUNT_AFTER = re.compile(r"[ \u00a0\u202f]*(?:de|d['’]|des|du)\b|[ \u00a0\u202f]*d['’]", re.I)
# English words that may follow a bare scaled amount ("visiting 500 billion in ..."); any other word
# makes it a count ("500 million users").
_EN_FUNCTION_WORDS = frozenset(
    {
        "in", "on", "for", "to", "of", "from", "by", "and", "or", "but", "over", "that", "which",
        "with", "as", "at", "into", "towards", "toward", "a", "an", "the", "this", "is", "was",
        "will", "would", "were", "are", "has", "have", "had", "more", "less", "so", "than", "per",
        "each", "through", "across", "under", "within",
    }
)  # fmt: skip
_RANGE_TAIL = re.compile(
    r"(?:(?P<cur>US\$|\$|€|£)" + _SP + r"?)?(?P<num>" + _NUM + r")" + _SP + r"*"
    r"(?:à|et|ou|-|–|and|to|or)" + _SP + r"*$",
    re.I,
)
_SENTENCE_END = re.compile(r"[.!?;](?=\s)|\n")


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    number: str  # the digits as written
    num_start: int
    scale: int  # 1 when no scale word
    currency: str | None


def _alternation(forms: list[str]) -> str:
    """Regex alternation of literal forms, longest first so "dollars canadiens" beats "dollars"."""
    parts = []
    for form in sorted(forms, key=len, reverse=True):
        escaped = re.escape(form).replace(r"\ ", _SP + "+").replace("'", "['’]")
        parts.append(escaped)
    return "(?:" + "|".join(parts) + ")"


@dataclass(slots=True)
class _Patterns:
    prefixed: re.Pattern[str]
    suffixed: re.Pattern[str]
    bare: re.Pattern[str]
    prefix: dict[str, str]
    suffix: dict[str, str]
    words: dict[str, str]  # lower-cased name -> ISO
    scaled_only: frozenset[str]
    scales: dict[str, int]  # scale word (lower-cased) or abbreviation (as written) -> factor


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, Any]:
    text = resources.files("allegiance").joinpath(_LEXICON).read_text(encoding="utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


@lru_cache(maxsize=4)
def _patterns(lang: str) -> _Patterns:
    lex = _lexicon()
    other = "en" if lang == "fr" else "fr"
    words: dict[str, str] = {}
    for form, iso in lex["words"][lang].items():
        words[form.lower()] = iso
    scale_words: dict[str, int] = {k.lower(): int(v) for k, v in lex["scales"][other].items()}
    scale_words.update({k.lower(): int(v) for k, v in lex["scales"][lang].items()})  # lang wins
    abbr: dict[str, int] = {k: int(v) for k, v in lex["abbreviations"].items()}
    prefix_abbr: dict[str, int] = {k: int(v) for k, v in lex["prefix_only_abbreviations"].items()}
    scales = {**scale_words, **abbr, **prefix_abbr}

    word_scale = "(?i:" + _alternation(list(scale_words)) + ")"
    abbr_scale = _alternation(list(abbr))
    any_scale = _alternation(list(abbr) + list(prefix_abbr))
    prefix = dict(lex["prefix"])
    suffix = dict(lex["suffix_symbols"])
    cur_words = "(?i:" + _alternation(list(lex["words"][lang])) + ")"

    # "$97.4 billion", "€109bn", "US$ 3 billion", "£2.5m": the symbol, the number, a scale.
    # ISO codes need a word boundary before them ("EUR", not "LEUR").
    prefix_forms = _alternation(list(prefix))
    prefixed = re.compile(
        r"(?<![\w$€£¥])(?P<cur>" + prefix_forms + r")" + _SP + r"?(?P<num>" + _NUM + r")"
        r"(?:(?:" + _SP + r"|-)?(?P<scale>" + word_scale + r"(?![\w])|" + any_scale + r"(?![\w]))"
        r"|(?P<scale2>" + any_scale + r")(?![\w]))?"
    )
    # "600 000 $", "40 Md$", "2 Mds €", "1,5 million d'euros", "50 milliards de dollars",
    # "3 billion Swiss francs". "de"/"d'"/"of" between only after a scale word.
    suffix_forms = _alternation(list(suffix))
    scale_part = (
        r"(?:" + _SP + r"*(?P<scale>" + word_scale + r"(?![\w])|" + abbr_scale + r"(?![a-zA-Z]))"
        r"(?P<de>" + _SP + r"+(?:de|d['’]|of)" + _SP + r"*)?)?"
    )
    suffixed = re.compile(
        r"(?P<num>" + _NUM + r")" + scale_part + _SP + r"*"
        r"(?:(?P<sym>" + suffix_forms + r")(?![\w$€£])|(?P<word>" + cur_words + r")(?![\w]))"
    )
    bare = re.compile(
        r"(?P<num>" + _NUM + r")" + _SP + r"*(?P<scale>"
        r"(?i:milliards?|millions?|billions?|trillions?)(?![\w])|(?:bn|Mds?|Md|Mrds?)(?![\w]))"
    )
    return _Patterns(
        prefixed=prefixed,
        suffixed=suffixed,
        bare=bare,
        prefix=prefix,
        suffix={re.sub(r"\s+", " ", k): v for k, v in suffix.items()},
        words=words,
        scaled_only=frozenset(x.lower() for x in lex["scaled_only"]),
        scales=scales,
    )


def parse_number(digits: str, lang: str) -> Decimal:
    """The value of a number as written in ``lang`` ("1,5" -> 1.5 in French, "1,500" -> 1500 in
    English; "600 000" -> 600000; "1.000.000" -> 1000000 in both)."""
    s = re.sub(r"[ \u00a0\u202f\u2009]", "", digits)
    if re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", s) or (
        lang == "fr" and re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s)
    ):
        s = s.replace(".", "").replace(",", ".")
    elif lang == "fr":
        s = s.replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?", s):
        s = s.replace(",", "")
    else:
        s = s.replace(",", ".")
    try:
        return Decimal(s)
    except InvalidOperation:  # pragma: no cover - the regex only lets digits through
        return Decimal(0)


def _scale_of(p: _Patterns, scale: str | None) -> int:
    if not scale:
        return 1
    if scale in p.scales:  # abbreviations are case-sensitive
        return p.scales[scale]
    return p.scales.get(re.sub(r"\s+", " ", scale.lower()), 1)


def _candidates(text: str, lang: str, p: _Patterns) -> list[_Hit]:
    hits: list[_Hit] = []
    for m in p.prefixed.finditer(text):
        scale = m.group("scale") or m.group("scale2")
        hits.append(
            _Hit(
                m.start(),
                m.end(),
                m.group("num"),
                m.start("num"),
                _scale_of(p, scale),
                p.prefix[m.group("cur")],
            )
        )
    for m in p.suffixed.finditer(text):
        scale = m.group("scale")
        if m.group("de") and not scale:
            continue
        if m.group("sym"):
            currency = p.suffix.get(re.sub(r"\s+", " ", m.group("sym")))
        else:
            word = re.sub(r"\s+", " ", m.group("word").lower()).replace("’", "'")
            if word in p.scaled_only and not scale:
                continue
            currency = p.words.get(word)
        if currency is None:
            continue
        hits.append(
            _Hit(m.start(), m.end(), m.group("num"), m.start("num"), _scale_of(p, scale), currency)
        )
    for m in p.bare.finditer(text):
        after = text[m.end() : m.end() + 30]
        if lang == "fr" and _FR_COUNT_AFTER.match(after):
            continue
        if lang == "en":
            next_word = re.match(r"\s*([A-Za-z]+)", after)
            if next_word and next_word.group(1).lower() not in _EN_FUNCTION_WORDS:
                continue
        if after[:1] == "%" or after.lstrip()[:1] == "%":
            continue
        hits.append(
            _Hit(m.start(), m.end(), m.group("num"), m.start("num"), _scale_of(p, m["scale"]), None)
        )
    return hits


def _select(hits: list[_Hit]) -> list[_Hit]:
    """Longest match first, then keep those that overlap nothing already kept."""
    kept: list[_Hit] = []
    for hit in sorted(hits, key=lambda h: (-(h.end - h.start), h.currency is None, h.start)):
        if all(hit.end <= k.start or hit.start >= k.end for k in kept):
            kept.append(hit)
    return sorted(kept, key=lambda h: h.start)


def _sentence_bounds(text: str) -> list[int]:
    return [m.end() for m in _SENTENCE_END.finditer(text)]


def _inherit_currency(text: str, hits: list[_Hit]) -> list[_Hit]:
    """Give each currency-less amount the currency of the nearest amount in its sentence."""
    if all(h.currency for h in hits):
        return hits
    ends = _sentence_bounds(text)

    def sentence(pos: int) -> int:
        return sum(1 for e in ends if e <= pos)

    out: list[_Hit] = []
    for hit in hits:
        if hit.currency is None:
            # Prefer an amount before it in the sentence ("100 milliards de dollars, visant 500
            # milliards"); one after it only when close ("30 et 50 milliards d'euros" is handled
            # as a range): a far one is often in another currency ("ces 109 milliards [d'euros]
            # ... 500 milliards de dollars").
            here = sentence(hit.start)
            before = [h for h in hits if h.currency and h.end <= hit.start]
            before = [h for h in before if sentence(h.start) == here]
            after = [h for h in hits if h.currency and h.start >= hit.end]
            after = [h for h in after if sentence(h.start) == here and h.start - hit.end <= 40]
            if before:
                hit.currency = before[-1].currency
            elif after:
                hit.currency = after[0].currency
            else:
                continue
        out.append(hit)
    return out


def _ranges(text: str, lang: str, hits: list[_Hit]) -> list[_Hit]:
    """Share a scaled amount's scale and currency with the bare number before it in a range."""
    out = list(hits)
    for hit in hits:
        if hit.scale == 1 or hit.currency is None:
            continue
        window_start = max(0, hit.start - 40)
        m = _RANGE_TAIL.search(text, window_start, hit.start)
        if not m:
            continue
        first = parse_number(m.group("num"), lang)
        if first >= parse_number(hit.number, lang) or first == 0:
            continue  # "en 2020 et 500 milliards": not a range
        start = m.start("cur") if m.group("cur") else m.start("num")
        end = m.end("num")
        out = [h for h in out if h.end <= start or h.start >= end]
        out.append(_Hit(start, end, m.group("num"), m.start("num"), hit.scale, hit.currency))
    return sorted(out, key=lambda h: h.start)


_YEAR_BEFORE = re.compile(r"(?:^|\W)(?:en|in|of|de|depuis|since)" + _SP + r"+$", re.I)


def _is_dated_currency(text: str, hit: _Hit) -> bool:
    """ "in 2018 dollars" / "en 2018 euros" name a year's money, not 2018 dollars."""
    return (
        hit.scale == 1
        and hit.num_start == hit.start
        and re.fullmatch(r"(?:19|20)\d\d", hit.number) is not None
        and _YEAR_BEFORE.search(text, max(0, hit.start - 12), hit.start) is not None
    )


def find_amounts(text: str, lang: str) -> list[Amount]:
    """Every money amount in ``text`` (French or English), in text order.

    Each :class:`~allegiance.models.Amount` has exact offsets (``text[start:end] == amount.text``),
    the value as a float (scale applied: "1,5 million" -> 1500000.0) and the ISO 4217 currency.
    """
    lang = "fr" if lang.startswith("fr") else "en"
    if not any(c.isdigit() for c in text):
        return []
    p = _patterns(lang)
    hits = _select(_candidates(text, lang, p))
    hits = _ranges(text, lang, _inherit_currency(text, hits))
    amounts: list[Amount] = []
    for h in hits:
        if h.currency is None or _is_dated_currency(text, h):
            continue
        value = float(parse_number(h.number, lang) * h.scale)
        amounts.append(Amount(text[h.start : h.end], h.start, h.end, value, h.currency))
    return amounts
