"""Durable states between actors, read from appositions, titles and copulas.

``Musk, le PDG de Tesla et principal allié de Trump`` gives CEO_OF(Musk, Tesla) and
ALLY_OF(Musk, Trump); ``X, le réseau social dont il est propriétaire`` gives OWNS(<il>, X);
``Tesla CEO Elon Musk``, ``Musk, Trump's ally``, ``Musk en tant que conseiller de Trump``,
``Musk est le patron de Tesla`` likewise. The role words come from the ``roles`` table of the cue
lexicon. A former role ("ancien conseiller de Trump", "former adviser") is reported with
``former=True`` and a lower confidence; see docs/ontology.md.

These are patterns over tokens more than over the parse: appositions are where the statistical
parsers go wrong most often (a headline glued to the standfirst, a ticker in parentheses), and
the token order of an apposition is reliable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.event_cues import Lexicon, load_ontology
from allegiance.models import State

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from allegiance.extract.event_context import ActorIndex

_SEGMENT_END = {",", ";", ".", ")", ":", "qui", "who", "which", "«", "»", "“", "”", '"'}
_DETS = {
    "le",
    "la",
    "l'",
    "les",
    "un",
    "une",
    "son",
    "sa",
    "the",
    "a",
    "an",
    "his",
    "her",
    "its",
    "principal",
    "principale",
    "main",
    "top",
    "key",
    "close",
    "proche",
}
_ETRE = {"est", "était", "sont", "étaient", "is", "was", "are", "were"}


def _skip_ticker(doc: Doc, j: int) -> int:
    """Index after an optional "(TICKER)" at ``j``."""
    if j < len(doc) and doc[j].text == "(":
        k = j + 1
        while k < len(doc) and k < j + 5 and doc[k].text != ")":
            k += 1
        return k + 1
    return j


def _role_at(doc: Doc, i: int, lex: Lexicon) -> tuple[str, int] | None:
    """The state type of the role word(s) starting at ``i`` and their length."""
    if i >= len(doc):
        return None
    if i + 1 < len(doc):
        two = f"{doc[i].lower_} {doc[i + 1].lower_}"
        if two in lex.roles:
            return lex.roles[two], 2
    word = doc[i].lower_
    for cand in (word, (doc[i].lemma_ or word).lower(), word.removeprefix("ex-")):
        if cand in lex.roles:
            return lex.roles[cand], 1
    return None


def _former(doc: Doc, i: int, lex: Lexicon) -> bool:
    before = {doc[j].lower_ for j in range(max(0, i - 2), i)}
    return bool(before & lex.former) or doc[i].lower_.startswith("ex-")


class _Collector:
    def __init__(self, index: ActorIndex, lex: Lexicon, body: str | None) -> None:
        self.index = index
        self.lex = lex
        self.body = body
        self.states: dict[tuple[str, str, str], State] = {}
        self.signs = {k: int(v.get("sign", 0)) for k, v in load_ontology()["states"].items()}

    def add(
        self, kind: str, source: str | None, target: str | None, at: Token, former: bool
    ) -> None:
        if not source or not target or source == target:
            return
        key = (kind, source, target)
        confidence = 0.5 if former else 0.8
        old = self.states.get(key)
        if old is not None and old.confidence >= confidence:
            return
        evidence = self.index.sentence(at).span(self.index.doc, self.body)
        self.states[key] = State(
            type=kind,
            sign=self.signs.get(kind, 0),
            source=source,
            target=target,
            evidence=evidence,
            confidence=confidence,
            former=former,
        )

    def entity_at(self, j: int) -> str | None:
        """The actor whose mention starts at ``j`` (determiners skipped)."""
        doc = self.index.doc
        while j < len(doc) and doc[j].lower_ in _DETS:
            j += 1
        if j < len(doc) and self.index.mention_start.get(j) == j:
            return self.index.by_token[j]
        return None


def _role_phrases(c: _Collector, holder: str, lo: int, hi: int, anchor: Token) -> None:
    """Roles inside an apposition [lo, hi) that describe ``holder``."""
    doc, lex, index = c.index.doc, c.lex, c.index
    i = lo
    while i < hi:
        role = _role_at(doc, i, lex)
        if role is None:
            i += 1
            continue
        kind, size = role
        former = _former(doc, i, lex)
        j = i + size
        while j < hi and doc[j].pos_ == "ADJ":
            j += 1
        if j < hi and doc[j].lower_ in lex.role_preps:
            c.add(kind, holder, c.entity_at(j + 1), anchor, former)
        # "la Tesla (TSLA) PDG", "Tesla CEO", "Trump's ally"
        k = i - 1
        while k >= lo and doc[k].pos_ == "ADJ":
            k -= 1
        if k >= lo and doc[k].text == ")":
            while k >= lo and doc[k].text != "(":
                k -= 1
            k -= 1
        if k >= lo and doc[k].text in {"'s", "'"}:
            k -= 1
        if k >= lo and (ent := index.by_token.get(k)):
            c.add(kind, holder, ent, anchor, former)
        # "X, le réseau social dont il est propriétaire" -> OWNS(il, X)
        if i >= lo + 3 and doc[i - 1].lower_ in _ETRE and doc[i - 3].lower_ in {"dont", "whose"}:
            owner = index.resolve_pronoun(doc[i - 2], {holder})
            c.add(kind, owner, holder, anchor, former)
        i = j


def _title_before(c: _Collector, holder: str, s: int) -> None:
    """A role written right before the person's name, with its organisation."""
    doc, index, lex = c.index.doc, c.index, c.lex
    p = s - 1
    if doc[p].text == ",":
        p -= 1
    if _role_at(doc, p, lex) is not None and doc[s - 1].text != ",":
        _role_phrases(c, holder, max(0, p - 4), p + 1, doc[s])
        return
    if p in index.by_token:
        q = index.mention_start[p] - 1
        if q >= 1 and doc[q].lower_ in lex.role_preps and (role := _role_at(doc, q - 1, lex)):
            c.add(role[0], holder, index.by_token[p], doc[s], _former(doc, q - 1, lex))


def find_states(index: ActorIndex, lex: Lexicon, body: str | None = None) -> list[State]:
    """All states the text asserts between resolved actors."""
    c = _Collector(index, lex, body)
    doc = index.doc
    starts = sorted({s for s in index.mention_start.values()})
    for s in starts:
        holder = index.by_token[s]
        end = index.mention_end[s]
        # apposition: "E, le PDG de F et allié de G,"
        j = _skip_ticker(doc, end)
        if j < len(doc) and doc[j].text == ",":
            hi = j + 1
            depth = 0
            while hi < len(doc) and hi < j + 18:
                t = doc[hi]
                if t.text == "(":
                    depth += 1
                elif t.text == ")" and depth:
                    depth -= 1
                elif depth == 0 and (
                    t.lower_ in _SEGMENT_END
                    or t.is_space
                    or t.pos_ in {"VERB", "AUX"}
                    and t.lower_ not in _ETRE
                    and _role_at(doc, hi, c.lex) is None
                ):
                    break
                hi += 1
            _role_phrases(c, holder, j + 1, hi, doc[s])
        # "E en tant que conseiller de F", "E as adviser to F"
        k = end
        if k + 2 < len(doc) and doc[k].lower_ == "en" and doc[k + 1].lower_ == "tant":
            _role_phrases(c, holder, k + 3, min(len(doc), k + 10), doc[s])
        elif k < len(doc) and doc[k].lower_ == "as":
            _role_phrases(c, holder, k + 1, min(len(doc), k + 8), doc[s])
        # title before a person: "Tesla CEO Elon Musk", "le PDG de Tesla, Elon Musk"
        if index.types.get(holder) == "person" and s >= 2:
            _title_before(c, holder, s)
    # copula: "Musk est le PDG de Tesla", "Musk is Tesla's CEO"
    for tok in doc:
        role = _role_at(doc, tok.i, lex)
        if role is None or not any(ch.dep_ == "cop" for ch in tok.children):
            continue
        subj = next((ch for ch in tok.children if ch.dep_ in {"nsubj", "nsubj:pass"}), None)
        owner = index.by_token.get(subj.i) if subj is not None else None
        if owner:
            _role_phrases(c, owner, tok.i, min(len(doc), tok.i + 8), tok)
    return list(c.states.values())
