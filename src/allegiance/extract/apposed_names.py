"""Names the parser hung away from the description they name: a person or a body set off by a
comma after a speaker's phrase (``a souligné l'avocate générale, Florence Lecoq.``, ``selon le
régulateur américain de la bourse, la SEC.``), or a body's name closing a subject description
(``Le géant américain de la tech Microsoft a annoncé …``). :meth:`QuoteContext.speaker_from_tokens`
asks here when the description has no name of its own in the parse.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.speaker_words import ORG_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from allegiance.extract.quote_context import MentionRef, QuoteContext

_CLOSING = {",", ".", ";", ")", "!"}


def named_after_comma(ctx: QuoteContext, head: Token, kind: str) -> MentionRef | None:
    """The actor of ``kind`` named after a comma right after ``head``'s phrase, closing its
    clause. A body's name may follow its article and needs an organisation noun as ``head``.
    A name that is a verb's subject starts a clause of its own (``Selon la police, X a
    tiré``), unless a person's name is a second subject of the same verb as ``head``."""
    if kind == "organization" and head.lemma_.lower() not in ORG_NOUNS[ctx.lang]:
        return None
    doc = head.doc
    k = _past_loose_complement(doc, head.right_edge.i + 1)
    if k + 1 >= len(doc) or doc[k].text != ",":
        return None
    name = doc[k + 1]
    if kind == "organization" and name.pos_ == "DET" and k + 2 < len(doc):
        name = doc[k + 2]
    if name.dep_.startswith("nsubj") and not (
        kind == "person" and head.dep_.startswith("nsubj") and name.head.i == head.head.i
    ):
        return None
    ref = ctx.mention_of(name)
    if ref is None or ref.entity.type != kind:
        return None
    if kind == "organization" and ref.start < name.idx:
        return None
    after = doc.char_span(ref.end, len(ctx.text), alignment_mode="expand")
    closing = after is None or len(after) == 0 or after[0].text in _CLOSING
    return ref if closing else None


#: prepositions opening a role's complement (``le commissaire au Commerce``, ``de la Santé``)
_COMPLEMENT_CASES = {"à", "au", "aux", "de", "du", "des", "d'", "chargé", "chargée", "pour"}


def _past_loose_complement(doc: Doc, k: int) -> int:
    """The token after a role's short complement that the parser hung on the verb instead
    of the role noun (``a déclaré le commissaire européen au Commerce, X``, ``la secrétaire
    d'État au Numérique, X``): a preposition, an optional article and a capitalised noun
    (the portfolio) or the field of a body (``une porte-parole du Haut-Commissariat des
    Nations unies pour les réfugiés, X``), with at most one adjective. ``k`` is returned
    unchanged otherwise."""
    j = k
    if j >= len(doc) or doc[j].lower_.replace("’", "'") not in _COMPLEMENT_CASES:
        return k
    j += 1
    if j < len(doc) and doc[j].pos_ == "DET":
        j += 1
    if j >= len(doc) or doc[j].pos_ not in {"NOUN", "PROPN"}:
        return k
    if not doc[j].text[:1].isupper() and doc[k].lower_ != "pour":
        return k  # ``pour les réfugiés``; ``à la presse`` is no portfolio
    j += 1
    if j < len(doc) and doc[j].pos_ == "ADJ":
        j += 1
    return j if j < len(doc) and doc[j].text == "," else k


def _own_name(ctx: QuoteContext, head: Token) -> MentionRef | None:
    """``Le syndicat Force ouvrière de Michelin a …``, ``Les syndicats FRSEA et des Jeunes
    agriculteurs (JA) demandent``: an organisation's name right after the noun, the phrase
    going on after it, is the body's own name (what follows names whom it belongs to, or
    other bodies with it)."""
    doc = head.doc
    if head.i + 1 >= len(doc):
        return None
    own = ctx.mention_of(doc[head.i + 1])
    if own is None or own.entity.type != "organization" or own.start != doc[head.i + 1].idx:
        return None
    k = head.i + 1
    while k < len(doc) and doc[k].idx < own.end:
        k += 1
    nxt = doc[k] if k < len(doc) else None
    if nxt is None or nxt.pos_ in {"AUX", "VERB"} or (nxt.is_punct and nxt.text != "("):
        return None  # ``La société Acme soulève``: the whole phrase is the mention
    return own


def organisation_closing_subject(ctx: QuoteContext, head: Token) -> MentionRef | None:
    """``Le géant américain de la tech Microsoft a annoncé …``: an organisation noun opening
    a subject whose words, with no comma, run up to the verb and end on an organisation's
    name; the parser often hangs the name on the sector noun (``tech``) or makes that
    noun a subject of its own, but the name is the body the description introduces. A name
    right after the noun is the body's own (``Le syndicat Force ouvrière de Michelin``)."""
    if not head.dep_.startswith("nsubj") or head.lemma_.lower() not in ORG_NOUNS[ctx.lang]:
        return None
    doc = head.doc
    own = _own_name(ctx, head)
    if own is not None:
        return own
    k = head.i + 1
    while k < len(doc) and doc[k].pos_ in {"ADJ", "ADP", "DET", "NOUN", "PROPN"}:
        k += 1
    if k == head.i + 1 or k >= len(doc) or doc[k].pos_ not in {"AUX", "VERB"}:
        return None
    last = doc[k - 1]
    ref = ctx.mention_of(last)
    if ref is None or ref.entity.type != "organization" or ref.end != last.idx + len(last.text):
        return None
    return ref if ref.start > head.idx else None
