"""Whom a French role under a possessive stands for: ``prévient sa présidente``.

``sa présidente`` is the president of a body the sentence or the one before names (``MG France
« … », prévient sa présidente``). When the article has introduced that body's president by name
(``X, présidente de MG France``), the possessive role is that person; otherwise it stays an
unnamed description, never the body itself (the guideline's ``les avocats d'Elon Musk``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.speaker_words import FR_OF, FR_POSSESSIVES, ORG_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.quote_context import QuoteContext
    from allegiance.models import Entity

#: how many words from the role noun its holder's name may stand (``X, présidente de Y``,
#: ``la présidente de Y, X``)
_NAME_REACH = 8


def possessive(head: Token) -> bool:
    """The noun has a French possessive determiner (``sa``, ``son``, ``leur``)."""
    return any(c.dep_.startswith("det") and c.lower_ in FR_POSSESSIVES for c in head.children)


def possessive_holder(ctx: QuoteContext, head: Token) -> Entity | None:
    """The person introduced earlier as ``head``'s role of a body (same noun, the body in its
    ``de`` complement), when that body is named in ``head``'s sentence or the one before."""
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN" or lemma in ORG_NOUNS["fr"] or head.morph.get("Number", []) == ["Plur"]:
        return None
    doc = ctx.doc
    sent = head.sent
    before = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    near = {r.entity.id for r in ctx.mentions_in(doc[before].idx, head.idx)}
    for tok in reversed(doc[: head.left_edge.i]):
        if tok.pos_ != "NOUN" or tok.lemma_.lower() != lemma:
            continue
        body = _complement_body(ctx, tok)
        if body is None or body.id not in near:
            continue
        holder = _holder(ctx, tok)
        if holder is not None and holder.id != body.id:
            return holder
    return None


def _complement_body(ctx: QuoteContext, noun: Token) -> Entity | None:
    """The actor named in the noun's ``de`` complement (``présidente de MG France``)."""
    for child in noun.rights:
        if child.dep_ != "nmod" or not any(
            c.dep_ == "case" and c.lower_ in FR_OF | {"du", "des"} for c in child.children
        ):
            continue
        for tok in child.subtree:
            ref = ctx.mention_of(tok)
            if ref is not None:  # a body, whatever type the NER gave its name
                return ref.entity
    return None


def _holder(ctx: QuoteContext, noun: Token) -> Entity | None:
    """The person named next to the role noun in its sentence, outside its complement."""
    doc = ctx.doc
    sent = noun.sent
    lo, hi = max(sent.start, noun.i - _NAME_REACH), min(sent.end, noun.i + _NAME_REACH + 1)
    inner = {t.i for t in noun.subtree}
    people = [
        (abs(t.i - noun.i), ref.entity)
        for t in doc[lo:hi]
        if t.i not in inner or t.dep_ == "appos"
        if (ref := ctx.mention_of(t)) is not None and ref.entity.type == "person"
    ]
    return min(people, key=lambda p: p[0])[1] if people else None
