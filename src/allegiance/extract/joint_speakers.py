"""Quotes said by several named actors at once: one quote per speaker.

``Jean Dupont et Marie Durand ont confirmé que …``, ``« … », ont déclaré X et Y``, ``selon Le
Monde et Libération, …``, ``X a rapporté, tout comme Y, que …``: the words are each speaker's,
and the graph needs an edge from each. The quote stage finds one speaker (the first); this
step adds a copy of the quote for every other actor coordinated with that speaker's mention.

Only named actors are added (``X et son avocat`` adds no unnamed source), only through
``et``/``and`` or ``tout comme``/``ainsi que`` (never ``ou``, ``ni``), and a French verb
between the subjects and the quote must be plural (``X et Y ont dit``; with ``X, avec Y, a
dit`` the singular verb says Y is company, not a speaker).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from allegiance.extract.joint_sources import coordinated_sources, plural_verb
from allegiance.extract.speaker_words import PRONOUNS_PL
from allegiance.models import Entity, Quote, Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

_AND = frozenset({"et", "and", "&"})
#: ``tout comme Y``, ``ainsi que Y``, ``de même que Y``: a second source set beside the first
_LIKEWISE = (("tout", "comme"), ("ainsi", "que"), ("de", "même", "que"), ("as", "did"))
_SUBJECTS = frozenset({"nsubj", "nsubj:pass", "nsubjpass"})


def with_joint_speakers(doc: Doc, entities: list[Entity], quotes: list[Quote]) -> list[Quote]:
    """``quotes`` with a copy of each jointly said quote for every other named co-speaker,
    each copy right after its original (same text, offsets, cue and kind)."""
    owner: dict[int, Entity] = {}  # token index -> the named actor whose mention covers it
    for entity in entities:
        if entity.type not in ("person", "organization"):
            continue
        for named in entity.mentions:
            span = doc.char_span(named.start, named.end, alignment_mode="expand")
            for tok in span if span is not None else ():
                owner.setdefault(tok.i, entity)
    out: list[Quote] = []
    for quote in quotes:
        out.append(quote)
        speaker = quote.speaker
        if speaker is None or speaker.mention is None:
            continue
        # who says it already: entity ids, and the lower-cased words of unnamed sources
        said = {speaker.entity or speaker.name.lower()}
        others = []
        if speaker.entity is not None:
            others = _co_speakers(doc, owner, speaker.mention, quote.cue)
        pron = doc.char_span(speaker.mention.start, speaker.mention.end, alignment_mode="expand")
        plural = pron is not None and len(pron) == 1 and _plural_person_pronoun(pron[0])
        if not others and pron is not None and plural:
            # ``ses avocats, Me X et Me Y, ont … « … », ont-ils estimé``: each of the people
            others = people_named_before(pron[0], owner.get, lambda t: _in_quote(t, quotes))
        for tok, entity in others:
            if entity.id in said:
                continue
            said.add(entity.id)
            # the co-speaker's whole name as written there (``Marie Durand``), not its head word
            mention = next(
                (
                    Span(m.text, m.start, m.end)
                    for m in entity.mentions
                    if m.start <= tok.idx < m.end
                ),
                Span(tok.text, tok.idx, tok.idx + len(tok.text)),
            )
            about = [t for t in quote.about if t.entity != entity.id]
            out.append(
                replace(
                    quote,
                    speaker=Speaker(entity.id, entity.name, mention),
                    about=about,
                    confidence=round(quote.confidence * 0.9, 3),
                )
            )
        if pron is not None and not plural:
            out.extend(_listed_copies(doc, owner, quote, pron, said))
    return out


def _listed_copies(
    doc: Doc, owner: dict[int, Entity], quote: Quote, mention: SpacySpan, said: set[str]
) -> list[Quote]:
    """A copy of ``quote`` for each other source listed with its speaker's ``mention`` that
    is not in ``said`` yet, read from the words where the parse made no list of them
    (:mod:`allegiance.extract.joint_sources`): named actors and descriptions (``le syndicat
    et les préfectures concernées``) alike. ``said`` gains the sources copied."""
    cue = (
        doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
        if quote.cue
        else None
    )
    if cue is None:
        return []
    copies = []
    for source in coordinated_sources(doc, owner, (mention.start, mention.end), cue.root):
        words = doc[source.start : source.end]
        if source.entity is not None:
            key = source.entity.id
            named = next(
                (m for m in source.entity.mentions if words.start_char <= m.start < words.end_char),
                None,
            )
            mention_span = Span(named.text, named.start, named.end) if named else None
            new = Speaker(source.entity.id, source.entity.name, mention_span)
        else:
            key = words.text.lower()
            new = Speaker(None, words.text, Span(words.text, words.start_char, words.end_char))
        if key in said:
            continue
        said.add(key)
        about = [t for t in quote.about if t.entity != new.entity]
        copies.append(
            replace(quote, speaker=new, about=about, confidence=round(quote.confidence * 0.9, 3))
        )
    return copies


def _co_speakers(
    doc: Doc, owner: dict[int, Entity], mention: Span, cue: Span | None
) -> list[tuple[Token, Entity]]:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    cue_span = doc.char_span(cue.start, cue.end, alignment_mode="expand") if cue else None
    if span is None or cue_span is None:
        return []
    said = cue_span.root
    head = span.root
    first = owner.get(head.i)
    if first is None:
        return []
    # the first of the coordinated names carries the others as ``conj`` (UD)
    top = head.head if head.dep_ == "conj" else head
    # the names must be the cue's own: its subject (``X et Y ont dit``), the object of its
    # ``selon`` (``selon X et Y``), not an object coordinated with the next clause's subject
    if not (said.i in (top.head.i, top.head.head.i) or said in top.children):
        return []
    conjs = [c for c in top.children if c.dep_ == "conj"]
    for appos in (c for c in top.children if c.dep_ == "appos" and not conjs):
        # ``A, B et C`` parsed as A with the apposition B, itself coordinated with C
        tail = [c for c in appos.children if c.dep_ == "conj"]
        if tail and appos.i in owner:
            conjs = [appos, *tail]
    if not conjs or _cc(conjs[-1]) not in _AND or any(_cc(c) for c in conjs[:-1]):
        return _likewise(doc, owner, head, first)  # no ``A, B et C`` list (an apposition)
    members = [top, *conjs]
    found = [(t, owner[t.i]) for t in members if t.i in owner and owner[t.i].id != first.id]
    if found and doc.lang_ == "fr" and top.dep_ in _SUBJECTS and not plural_verb(top.head):
        found = []  # a singular verb: the parse joined names that do not speak together
    return found + _likewise(doc, owner, head, first)


def _cc(conj: Token) -> str | None:
    """The coordinating word before a ``conj`` member; in ``A, B et C`` only C has one."""
    return next((c.lower_ for c in conj.children if c.dep_ == "cc"), None)


def _likewise(
    doc: Doc, owner: dict[int, Entity], head: Token, first: Entity
) -> list[tuple[Token, Entity]]:
    """``X a rapporté, tout comme Y, que …``: a named actor set beside the speaker's verb by
    ``tout comme`` within the speaker's clause: the twelve words after its verb, up to the end
    of the sentence or a colon or semicolon."""
    verb = head.head if head.dep_ in _SUBJECTS else None
    if verb is None:
        return []
    found: list[tuple[Token, Entity]] = []
    limit = min(len(doc), verb.i + 12)
    for i in range(verb.i + 1, limit):
        for words in _LIKEWISE:
            n = len(words)
            if i + n >= limit or tuple(t.lower_ for t in doc[i : i + n]) != words:
                continue
            for tok in doc[i + n : min(limit, i + n + 5)]:
                if tok.is_punct:
                    break
                entity = owner.get(tok.i)
                if entity is not None and entity.id != first.id:
                    found.append((tok, entity))
                    break
        if doc[i].text in {".", ";", ":"}:
            break
    return found


#: plural subject pronouns (``ils``, ``-elles``, ``they``), not a stressed ``eux``/``them``
_PLURAL_SUBJECTS = (PRONOUNS_PL["fr"] | PRONOUNS_PL["en"]) - {"eux", "them"}


def _plural_person_pronoun(tok: Token) -> bool:
    return tok.lower_ in _PLURAL_SUBJECTS


def _in_quote(tok: Token, quotes: list[Quote]) -> bool:
    return any(q.start <= tok.idx < q.end for q in quotes)


def people_named_before(
    pron: Token, named: Callable[[int], Entity | None], quoted: Callable[[Token], bool]
) -> list[tuple[Token, Entity]]:
    """The named people of the latest plural subject before the pronoun ``pron`` (in its
    sentence or the two before), outside quotation marks (``quoted``): ``Me X et Me Y ont …``,
    ``ses avocats, Me X et Me Y, ont …``. ``named`` gives the entity a token's mention names.
    A nearer subject that names no two people and is not marked singular (``les juges ont
    …``, ``Many of them were angry``) ends the search: it is the pronoun's antecedent."""
    sent = pron.sent
    for _ in range(3):
        subjects = [
            t
            for t in sent
            if t.dep_ in _SUBJECTS and t.i < pron.i and t.head.dep_ == "ROOT" and not quoted(t)
        ]
        for subj in reversed(subjects):
            for group in (subj, *(c for c in subj.children if c.dep_ == "appos")):
                members = [group, *(c for c in group.children if c.dep_ == "conj")]
                found = [m for t in members if (m := _named_member(t, named)) is not None]
                if len({e.id for _, e in found}) >= 2:
                    return found
            if subj.morph.get("Number", []) != ["Sing"]:
                return []
        if sent.start == 0:
            return []
        sent = pron.doc[sent.start - 1].sent
    return []


def _named_member(tok: Token, named: Callable[[int], Entity | None]) -> tuple[Token, Entity] | None:
    """The person a coordinated member names, and the token naming it: the member itself or,
    after a title the mention leaves out (``Me Christophe Ingrain``), the name hung on it."""
    for t in (tok, *(c for c in tok.subtree if c.dep_ in {"flat:name", "flat"})):
        entity = named(t.i)
        if entity is not None and entity.type == "person":
            return t, entity
    return None
