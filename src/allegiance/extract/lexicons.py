"""The quote finder's word lists (speech cues, evaluative words), read once from ``data/lexicons``.

Each list is a plain text file a linguist can edit: ``entry<TAB>polarity[<TAB>flag]``, ``#``
comments.
Single words are lemmas; entries with a space or an apostrophe are phrases matched on the
lower-cased surface text.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

_DIR = Path(__file__).resolve().parent.parent / "data" / "lexicons"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Lemma -> polarity for single words, phrase -> polarity for multi-word entries."""

    words: dict[str, int] = field(default_factory=dict)
    phrases: dict[str, int] = field(default_factory=dict)
    attitude: frozenset[str] = frozenset()  # verbs whose stance belongs to their own subject


def _read(name: str) -> Lexicon:
    words: dict[str, int] = {}
    phrases: dict[str, int] = {}
    attitude: set[str] = set()
    text = (_DIR / name).read_text("utf-8")
    for raw in text.splitlines():
        line = raw.split("#", 1)[0].rstrip() if raw.lstrip().startswith("#") else raw.rstrip()
        if not line.strip():
            continue
        parts = line.split("\t")
        entry = parts[0].strip().lower().replace("\u2019", "'")
        polarity = int(parts[1]) if len(parts) > 1 and parts[1].strip() else 0
        if len(parts) > 2 and parts[2].strip() == "attitude":
            attitude.add(entry)
        if " " in entry or ("'" in entry and len(entry) > 3):
            phrases[entry] = polarity
        else:
            words[entry] = polarity
    return Lexicon(words, phrases, frozenset(attitude))


@cache
def speech_cues(lang: str) -> Lexicon:
    """Speech and attribution cues (verbs as lemmas, ``selon``/``according to`` as phrases)."""
    return _read(f"speech_verbs_{lang}.txt")


@cache
def stance_words(lang: str) -> Lexicon:
    """Evaluative words and their polarity."""
    return _read(f"stance_{lang}.txt")


@cache
def speaker_nouns(lang: str) -> frozenset[str]:
    """Head nouns (lemmas) of descriptions that can name a speaker (people, groups, bodies),
    with the shared or deputy forms of each (``coprésident``, ``vice-présidente``).

    Empty for a language without a list: then any noun phrase may be a speaker.
    """
    path = _DIR / f"speaker_nouns_{lang}.txt"
    if not path.exists():
        return frozenset()
    lines = path.read_text("utf-8").splitlines()
    words = {w.strip().lower() for w in lines if w.strip() and not w.startswith("#")}
    prefixes = _ROLE_PREFIXES.get(lang, ())
    return frozenset(words | {p + w for w in words for p in prefixes if " " not in w})


#: prefixes that make a role shared or deputy (``coprésident``, ``vice-présidente``)
_ROLE_PREFIXES = {"fr": ("co", "co-", "vice-")}


@cache
def first_names() -> dict[str, str]:
    """Common given names (French and English) -> ``m``, ``f`` or ``u`` (ambiguous), keyed in
    lower case. A known first name says a capitalised word is a person's, and often the gender."""
    out: dict[str, str] = {}
    for line in (_DIR / "first_names.tsv").read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, _, gender = line.partition("\t")
        key = unicodedata.normalize("NFC", name.strip().lower())
        out[key] = gender.strip() or "u"
        # texts keep accents either composed or decomposed (``Rémy`` as ``Re\u0301my``):
        # both spellings must find the name
        out.setdefault(unicodedata.normalize("NFD", key), out[key])
    return out


def first_name_gender(name: str) -> str | None:
    """``Fem``/``Masc`` from the first word of a full name (``Jeanne Dupont``), else None.

    A single word is not read: alone it is as likely a surname (``Martin``) as a given name.
    """
    words = name.split()
    if len(words) < 2:
        return None
    first = words[0].split("-")[0] if words[0].lower() not in first_names() else words[0]
    gender = first_names().get(first.lower())
    return {"m": "Masc", "f": "Fem"}.get(gender or "")
