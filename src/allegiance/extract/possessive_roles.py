"""Whom a French role under a possessive stands for: ``prévient sa présidente``.

``sa présidente`` is the president of a body acting in the sentence or the one before: its
subject, an agent, a source (``MG France « … », prévient sa présidente``; not ``a manifesté contre
Y``). When the article has introduced that body's president by name (``X, présidente de MG
France``, ``la présidente de MG France, X``), the possessive role is that person, unless that
person held the role over past years or is of the other gender; otherwise it stays an unnamed
description, never the body itself (the guideline's ``les avocats d'Elon Musk``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.frames import quoted
from allegiance.extract.speaker_gender import morph_gender
from allegiance.extract.speaker_roles import is_former
from allegiance.extract.speaker_words import FR_OF, FR_POSSESSIVES, ORG_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from allegiance.extract.quote_context import QuoteContext
    from allegiance.models import Entity


def possessive(head: Token) -> bool:
    """The noun has a French possessive determiner (``sa``, ``son``, ``leur``)."""
    return any(c.dep_.startswith("det") and c.lower_ in FR_POSSESSIVES for c in head.children)


def possessive_holder(ctx: QuoteContext, head: Token) -> Entity | None:
    """The person introduced earlier as ``head``'s role of a body (same noun, the body in its
    ``de`` complement, the name apposed to the noun), when that body acts in the author's words
    of ``head``'s sentence or the one before (not as an object: ``a répondu à Y``)."""
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN" or lemma in ORG_NOUNS["fr"] or head.morph.get("Number", []) == ["Plur"]:
        return None
    actors = _actors_before(ctx, head)
    former = is_former(head)
    gender = morph_gender(head)
    for tok in reversed(ctx.doc[: head.left_edge.i]):
        if tok.pos_ != "NOUN" or tok.lemma_.lower() != lemma or is_former(tok) != former:
            continue
        if _dated_past(tok):
            continue  # ``président de la FNSEA de 2017 à 2024``
        body = _complement_body(ctx, tok)
        if body is None or body.id not in actors:
            continue
        holder = _holder(ctx, tok)
        if holder is None or holder.id == body.id:
            continue
        known = ctx.gender_of(holder)
        if gender is not None and known is not None and known != gender:
            continue  # ``sa présidente`` is not the man introduced as ``président``
        return holder
    return None


#: prepositions under which a body acts: an agent, a source, a place of speech (``chez Y``)
_ACTING_CASES = frozenset({"par", "selon", "d'après", "pour", "chez"})
#: prepositions that make a role phrase a source, whose apposed name is someone else
_SOURCE_CASES = frozenset({"selon", "pour", "d'après", "après"})


def _actors_before(ctx: QuoteContext, head: Token) -> set[str]:
    """The actors named in the author's words, not as objects, in ``head``'s sentence before it
    and in the sentence before (past a sentence the parser made of a lone mark)."""
    doc = ctx.doc
    start = head.sent.start
    for _ in range(2):
        if start == 0:
            break
        start = doc[start - 1].sent.start
        if len(doc[start : doc[start].sent.end].text.strip(' «»“”"\n')) > 1:
            break  # a real sentence, not ``«`` alone
    out: set[str] = set()
    for ref in ctx.mentions_in(doc[start].idx, head.idx):
        tok = ctx.token_at(ref.start)
        if tok is None or quoted(ctx, tok):
            continue
        word = tok.head if tok.dep_ in {"flat:name", "flat"} else tok
        if word.dep_ in {"appos", "flat:name", "flat", "nmod"} and (
            word.head.dep_.startswith("nsubj") or word.head.lemma_.lower() == "côté"
        ):
            word = (
                word.head
            )  # ``le syndicat FO``, ``le premier syndicat, la FNSEA``, ``du côté de Y``
        cases = {c.lower_ for c in word.children if c.dep_ == "case"}
        # a subject, an agent (``par Y``), a source (``selon Y``); not ``contre Y``, ``à Y``
        if word.dep_.startswith("nsubj") or cases & _ACTING_CASES or word.lemma_ == "côté":
            out.add(ref.entity.id)
    return out


def _dated_past(noun: Token) -> bool:
    """``président de la FNSEA de 2017 à 2024``: a role held over years now past."""
    years = [t for t in noun.subtree if t.like_num and len(t.text) == 4]
    return len(years) >= 2


#: how far past the complement's parsed edge its name may run, in characters
_NAME_OVERRUN = 60


def _complement_body(ctx: QuoteContext, noun: Token) -> Entity | None:
    """The actor named in the noun's ``de`` complement (``présidente de MG France``); not a
    person set after a comma (``la présidente de Y, X``: X is the holder)."""
    doc = ctx.doc
    for child in noun.rights:
        if child.dep_ != "nmod" or not any(
            c.dep_ == "case" and c.lower_ in FR_OF | {"du", "des"} for c in child.children
        ):
            continue
        lo, hi = child.left_edge.idx, child.right_edge.idx + len(child.right_edge.text)
        # mentions starting in the complement (a name may run past its parsed edge)
        for ref in (r for r in ctx.mentions_in(lo, hi + _NAME_OVERRUN) if r.start < hi):
            tok = ctx.token_at(ref.start)
            if tok is None or (tok.i > 0 and doc[tok.i - 1].text == ","):
                continue
            return ref.entity  # a body, whatever type the NER gave its name
    return None


def _holder(ctx: QuoteContext, noun: Token) -> Entity | None:
    """The person the role noun is apposed to (``X, présidente de Y``, ``X, 54 ans,
    présidente``, ``X (EELV), présidente``), the one apposed to it (``la présidente de Y, X``),
    or the subject of the clause a fronted role opens (``Présidente de Y depuis 2019, X …``)."""
    doc = ctx.doc
    linked = [noun.head] if noun.dep_ == "appos" else []
    linked += [c for c in noun.rights if c.dep_ == "appos"]
    k = _skip_back(doc, noun.i - 1)
    if k >= 0:
        linked.append(doc[k])  # ``X, présidente de Y`` hung elsewhere by the parser
    opened = noun.left_edge.i
    behind = any(doc[k].lower_ in _SOURCE_CASES for k in (opened - 1, opened) if k >= 0)
    if not behind:  # not ``Selon le président de Y, X …``: X is someone else
        end = noun.right_edge.i + 1
        if end + 1 < len(doc) and doc[end].text == ",":
            linked.append(doc[end + 1])  # ``la présidente de Y, X``, or a fronted role
        # ``la présidente de Y, X`` with X hung on Y by the parser
        linked += [t for t in noun.subtree if t.i > noun.i and doc[t.i - 1].text == ","]
    for tok in linked:
        ref = ctx.mention_of(tok)
        if ref is not None and ref.entity.type == "person":
            return ref.entity
    return None


def _skip_back(doc: Doc, k: int) -> int:
    """From the comma before a role noun, the last token of the name it is apposed to, past an
    age (``, 54 ans,``) or a bracket (``(EELV),``); -1 when no comma stands there."""
    if k < 1 or doc[k].text != ",":
        return -1
    k -= 1
    if k >= 2 and doc[k].lower_ == "ans" and doc[k - 1].like_num and doc[k - 2].text == ",":
        k -= 3  # ``X, 54 ans, présidente``
    if k >= 0 and doc[k].text == ")":
        while k >= 0 and doc[k].text != "(":
            k -= 1
        k -= 1  # ``X (EELV), présidente``
    return k
