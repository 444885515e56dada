"""The states lexicon (:mod:`allegiance.resolve.states`): capitals, nationality adjectives, organ
nouns and the countries' own names, read from ``data/lexicons/states.yaml`` and the knowledge base.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import yaml

from allegiance.errors import KnowledgeBaseError
from allegiance.resolve.kb import key

if TYPE_CHECKING:
    from allegiance.resolve.kb import KnowledgeBase

LEXICON_FILE = Path(__file__).resolve().parent.parent / "data" / "lexicons" / "states.yaml"
#: the lexicon's unions of states: their adjective (``européen``) names no one's nationality
SUPRANATIONAL = frozenset({"european-union"})


@dataclass(frozen=True)
class StateLexicon:
    """Surface forms (folded with :func:`allegiance.resolve.kb.key`) -> the state's KB id."""

    names: dict[str, str]  # the country's own names ("chine", "etats unis")
    capitals: dict[str, str]  # capitals read as the government ("pekin", "moscow")
    demonyms: dict[str, str]  # nationality adjectives ("chinoise", "chinese")
    organs: frozenset[str]  # organ head nouns, lower case
    spokespeople: frozenset[str]  # nouns of the people speaking for an organ
    capitalised: frozenset[str]  # all-caps forms ("US", "UK") that only match in capitals
    institutions: dict[str, str] = field(default_factory=dict)  # "Matignon" -> its country


def _inflect(base: str) -> list[str]:
    """The four French forms of a nationality adjective given in the masculine singular."""
    if base.endswith("e"):
        return [base, base + "s"]
    if base.endswith(("ien", "éen", "en")):
        return [base, base + "ne", base + "s", base + "nes"]
    if base.endswith(("s", "x")):
        return [base, base + "e", base + "es"]
    return [base, base + "e", base + "s", base + "es"]


def _strings(raw: object, where: str) -> list[str]:
    if raw is None:
        return []
    if not isinstance(raw, list) or not all(isinstance(x, str) for x in raw):
        raise KnowledgeBaseError(f"{where} must be a list of strings", path=LEXICON_FILE)
    return list(raw)


def _read(path: Path) -> dict[str, Any]:
    try:
        return yaml.safe_load(path.read_text("utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise KnowledgeBaseError(f"cannot read the states lexicon: {exc}", path=path) from exc


@cache
def state_ids(path: Path = LEXICON_FILE) -> frozenset[str]:
    """The knowledge-base ids of the lexicon's states (``united-states``, ``china``)."""
    return frozenset((_read(path).get("countries") or {}).keys())


@cache
def demonym_states(path: Path = LEXICON_FILE) -> Mapping[str, str]:
    """Nationality adjectives, every inflection, folded (``chinoise``, ``chinese``) -> the
    state's id; read without the knowledge base."""
    demonyms: dict[str, str] = {}
    for ident, info in (_read(path).get("countries") or {}).items():
        info = info or {}
        for form in _strings(info.get("en"), f"{ident}.en"):
            demonyms.setdefault(key(form), ident)
        for base in _strings(info.get("fr"), f"{ident}.fr"):
            for form in _inflect(base):
                demonyms.setdefault(key(form), ident)
    return MappingProxyType(demonyms)


def load_lexicon(kb: KnowledgeBase, path: Path = LEXICON_FILE) -> StateLexicon:
    """Read the states lexicon; the countries' names come from the knowledge base."""
    data = _read(path)
    names: dict[str, str] = {}
    capitals: dict[str, str] = {}
    capitalised: set[str] = set()
    institutions: dict[str, str] = {}
    for ident, info in (data.get("countries") or {}).items():
        info = info or {}
        entry = kb.get(ident)
        forms = _strings(info.get("names"), f"{ident}.names")
        if entry is not None:
            skip = set(entry.no_pattern)
            forms += [s for s in entry.surfaces if s not in skip]
        for form in forms:
            if form.replace(".", "").isupper():
                capitalised.add(key(form))
            names.setdefault(key(form), ident)
        for form in _strings(info.get("capitals"), f"{ident}.capitals"):
            capitals.setdefault(key(form), ident)
        for form in _strings(info.get("institutions"), f"{ident}.institutions"):
            institutions.setdefault(form, ident)
    organs = data.get("organs") or {}
    people = data.get("spokespeople") or {}
    return StateLexicon(
        names=names,
        capitals=capitals,
        demonyms=dict(demonym_states(path)),
        organs=frozenset(w.lower() for lang in organs.values() for w in _strings(lang, "organs")),
        spokespeople=frozenset(
            w.lower() for lang in people.values() for w in _strings(lang, "spokespeople")
        ),
        capitalised=frozenset(capitalised),
        institutions=institutions,
    )


@cache
def state_lexicon(kb: KnowledgeBase) -> StateLexicon:
    return load_lexicon(kb)
