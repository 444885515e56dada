"""Cue words of events: the lexicons, the ontology, and which entry a token realises.

A cue is a verb ("critiquer", "sue"), a multiword verb ("intenter un procès", "break with"), a
noun ("des attaques contre X", "une collaboration entre X et Y") or an adjective with a copula
("il était plus gentil à X"), read from ``data/lexicons/event_cues_{lang}.yaml``. How a cue is
linked to its actors is ``event_arguments`` (``event_nominals``, ``event_nouns``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

import yaml

from allegiance.errors import ConfigError
from allegiance.extract.event_context import SUBJECT_DEPS

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True)
class Cue:
    """One lexicon entry."""

    lemma: str
    type: str
    kind: str  # verb, noun, adjective
    obj: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    evaluative: bool = False
    between: bool = False
    amount_role: str | None = None
    #: the noun names the source itself ("X est un donateur de Y"): the source is what the
    #: noun is said of, and "de Y" is the target
    agent: bool = False
    #: the relation goes both ways ("la brouille entre X et Y", "X et Y se déchirent", "X and
    #: Y made up"): the event is given in both directions, and conjoined subjects without a
    #: target are one another's targets
    mutual: bool = False


@dataclass
class Lexicon:
    lang: str
    verbs: dict[str, list[Cue]] = field(default_factory=dict)
    nouns: dict[str, list[Cue]] = field(default_factory=dict)
    adjectives: dict[str, list[Cue]] = field(default_factory=dict)
    positive: frozenset[str] = frozenset()
    negative: frozenset[str] = frozenset()
    roles: dict[str, str] = field(default_factory=dict)
    former: frozenset[str] = frozenset()
    role_preps: frozenset[str] = frozenset()
    modality: dict[str, frozenset[str]] = field(default_factory=dict)
    #: word classes the argument rules use: object_control ("permettre à X de"), production
    #: ("faire des changements qui ..."), carry_on ("maintenir sa collaboration"), group_nouns
    #: ("les rangs de X")
    syntax: dict[str, frozenset[str]] = field(default_factory=dict)

    def words(self, key: str) -> frozenset[str]:
        return self.syntax.get(key, frozenset())


def _words(values: Any, where: str) -> list[str]:
    """A word list of the lexicon; YAML reads an unquoted on / no / yes / off as a boolean."""
    out = list(values or ())
    if any(isinstance(v, bool) for v in out):
        raise ConfigError(f"lexicon {where}: quote on/off/yes/no, YAML reads them as booleans")
    return [str(v) for v in out]


def _entries(raw: dict[str, Any], kind: str, default_targets: list[str]) -> dict[str, list[Cue]]:
    out: dict[str, list[Cue]] = {}
    for lemma, spec in (raw or {}).items():
        for item in spec if isinstance(spec, list) else [spec]:
            if "type" not in item:
                raise ConfigError(f"lexicon cue {lemma!r} has no type")
            for key in ("obj", "needs", "targets"):
                _words(item.get(key), f"cue {lemma!r} {key}")
            out.setdefault(str(lemma), []).append(
                Cue(
                    lemma=str(lemma),
                    type=str(item["type"]),
                    kind=kind,
                    obj=tuple(item.get("obj", ())),
                    needs=tuple(item.get("needs", ())),
                    targets=tuple(item.get("targets", default_targets)),
                    evaluative=bool(item.get("evaluative", False)),
                    between=bool(item.get("between", False)),
                    amount_role=item.get("amount_role"),
                    agent=bool(item.get("agent", False)),
                    mutual=bool(item.get("mutual", False)),
                )
            )
    return out


@cache
def load_lexicon(lang: str) -> Lexicon:
    """The cue lexicon of ``lang`` (cached)."""
    path = resources.files("allegiance.data") / "lexicons" / f"event_cues_{lang}.yaml"
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise ConfigError(f"no event lexicon for language {lang!r}") from exc
    defaults = _words(raw.get("default_targets"), "default_targets")
    for section in ("modality", "syntax"):
        for key, values in (raw.get(section) or {}).items():
            _words(values, f"{section} {key}")
    ev = raw.get("evaluative", {})
    return Lexicon(
        lang=lang,
        verbs=_entries(raw.get("verbs", {}), "verb", defaults),
        nouns=_entries(raw.get("nouns", {}), "noun", []),
        adjectives=_entries(raw.get("adjectives", {}), "adjective", defaults),
        positive=frozenset(ev.get("positive", [])),
        negative=frozenset(ev.get("negative", [])),
        roles={str(k): str(v) for k, v in raw.get("roles", {}).items()},
        former=frozenset(raw.get("former", [])),
        role_preps=frozenset(raw.get("role_preps", [])),
        modality={k: frozenset(v) for k, v in raw.get("modality", {}).items()},
        syntax={k: frozenset(v) for k, v in raw.get("syntax", {}).items()},
    )


@cache
def load_ontology() -> dict[str, Any]:
    """``data/ontology.yaml``: types, weights, PLOVER and CAMEO codes."""
    path = resources.files("allegiance.data") / "ontology.yaml"
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return data


# -- finding cues ----------------------------------------------------------------------------


def lemma_of(tok: Token) -> str:
    """The lower-cased lemma of ``tok`` (its text when the tagger gave none)."""
    return (tok.lemma_ or tok.text).lower()


def _children_words(tok: Token) -> set[str]:
    return {c.lower_ for c in tok.children} | {lemma_of(c) for c in tok.children}


def match_cue(tok: Token, lex: Lexicon) -> Cue | None:
    """The lexicon entry ``tok`` realises, multiword conditions checked."""
    lemma = lemma_of(tok)
    if (hyphenated := _hyphenated_noun(tok, lex)) is not None:
        return hyphenated
    if mistagged_noun(tok):  # "l'offre" tagged as a form of "offrir"
        for form in (tok.lower_, tok.lower_.removesuffix("s")):
            if form in lex.nouns:
                return lex.nouns[form][0]
        return None
    if tok.pos_ in {"VERB", "AUX"} or (
        tok.pos_ == "NOUN" and lemma in lex.verbs and tok.tag_ == "VBG"
    ):
        table = lex.verbs
    elif tok.pos_ == "NOUN":
        table = lex.nouns
    elif tok.pos_ == "ADJ":
        table = lex.adjectives
    else:
        return None
    if table is lex.verbs and (feeling := _participle_adjective(tok, lex)) is not None:
        return feeling
    for cue in table.get(lemma, []):
        if cue.obj and not _has_object(tok, cue.obj):
            continue
        if cue.needs and not _has_needed(tok, cue.needs):
            continue
        return cue
    return None


def _hyphenated_noun(tok: Token, lex: Lexicon) -> Cue | None:
    """A hyphenated noun cue the tokenizer split ("falling" "-" "out"): matched on the words,
    the cue is the first piece."""
    doc = tok.doc
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].text != "-":
        return None
    entries = lex.nouns.get(f"{tok.lower_}-{doc[tok.i + 2].lower_}")
    return entries[0] if entries else None


def _participle_adjective(tok: Token, lex: Lexicon) -> Cue | None:
    """A past participle of feeling the tagger took for a verb ("très déçu par X", "déçue"):
    the adjective entry, whose subject is the one who feels it (not the passive's patient)."""
    if "Part" not in tok.morph.get("VerbForm", []) and tok.tag_ != "VBN":
        return None
    if any(lemma_of(c) == "avoir" and c.dep_.startswith("aux") for c in tok.children):
        return None  # "X a déçu Y": an active verb
    form = tok.lower_
    for cand in (form, form.removesuffix("s"), form.removesuffix("s").removesuffix("e")):
        if cand in lex.adjectives:
            return lex.adjectives[cand][0]
    return None


def mistagged_noun(tok: Token) -> bool:
    """A noun the tagger took for a verb: it has a determiner ("l'offre", "une offre")."""
    return tok.pos_ == "VERB" and any(c.dep_ == "det" for c in tok.lefts)  # lefts: c.i < tok.i


def _has_object(tok: Token, nouns: tuple[str, ...]) -> bool:
    return any(
        (lemma_of(c) in nouns or c.lower_ in nouns) and c.dep_ not in SUBJECT_DEPS
        for c in tok.children
    )


def _has_needed(tok: Token, words: tuple[str, ...]) -> bool:
    near = _children_words(tok)
    for c in tok.children:
        near |= _children_words(c)
    if tok.dep_ == "acl":  # "le torchon brûle entre X et Y", the verb hung on its subject
        near |= {tok.head.lower_, lemma_of(tok.head)}
    return any(w in near for w in words)


def evaluative_sign(cue: Token, lex: Lexicon, target_tokens: set[int]) -> int:
    """Sign of the label in "qualifier X de escroc" / "called X a crook" (0 when unknown)."""
    score = 0
    for t in cue.subtree:
        if t.i in target_tokens or t.i == cue.i:
            continue
        lemma = lemma_of(t)
        if lemma in lex.negative or t.lower_ in lex.negative:
            score -= 1
        elif lemma in lex.positive or t.lower_ in lex.positive:
            score += 1
    return (score > 0) - (score < 0)
