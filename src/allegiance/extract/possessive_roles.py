"""Whom a French role under a possessive stands for: ``prévient sa présidente``.

``sa présidente`` is the president of a body the sentence or the one before names (``MG France
« … », prévient sa présidente``). When the article has introduced that body's president by name
(``X, présidente de MG France``), the possessive role is that person; otherwise it stays an
unnamed description, never the body itself (the guideline's ``les avocats d'Elon Musk``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.frames import quoted
from allegiance.extract.speaker_roles import is_former
from allegiance.extract.speaker_words import FR_OF, FR_POSSESSIVES, ORG_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.quote_context import QuoteContext
    from allegiance.models import Entity


def possessive(head: Token) -> bool:
    """The noun has a French possessive determiner (``sa``, ``son``, ``leur``)."""
    return any(c.dep_.startswith("det") and c.lower_ in FR_POSSESSIVES for c in head.children)


def possessive_holder(ctx: QuoteContext, head: Token) -> Entity | None:
    """The person introduced earlier as ``head``'s role of a body (same noun, the body in its
    ``de`` complement, the name apposed to the noun), when that body is the subject of a
    clause in the author's words of ``head``'s sentence or the one before."""
    lemma = head.lemma_.lower()
    if head.pos_ != "NOUN" or lemma in ORG_NOUNS["fr"] or head.morph.get("Number", []) == ["Plur"]:
        return None
    subjects = _subjects_before(ctx, head)
    former = is_former(head)
    for tok in reversed(ctx.doc[: head.left_edge.i]):
        if tok.pos_ != "NOUN" or tok.lemma_.lower() != lemma or is_former(tok) != former:
            continue
        body = _complement_body(ctx, tok)
        if body is None or body.id not in subjects:
            continue
        holder = _holder(ctx, tok)
        if holder is not None and holder.id != body.id:
            return holder
    return None


def _subjects_before(ctx: QuoteContext, head: Token) -> set[str]:
    """The actors named as a clause's subject, outside quotation marks, in ``head``'s sentence
    before it and in the sentence before (past a sentence the parser made of a lone mark)."""
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
        if tok.dep_.startswith("nsubj") or tok.head.dep_.startswith("nsubj"):
            out.add(ref.entity.id)
    return out


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
    """The person the role noun is apposed to (``X, présidente de Y``), or the one apposed to
    it (``la présidente de Y, X``)."""
    doc = ctx.doc
    linked = [noun.head] if noun.dep_ == "appos" else []
    linked += [c for c in noun.rights if c.dep_ == "appos"]
    if noun.i >= 2 and doc[noun.i - 1].text == ",":
        linked.append(doc[noun.i - 2])  # ``X, présidente de Y`` hung elsewhere by the parser
    for tok in linked:
        ref = ctx.mention_of(tok)
        if ref is not None and ref.entity.type == "person":
            return ref.entity
    return None
