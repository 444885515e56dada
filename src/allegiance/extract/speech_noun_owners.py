"""Marked words completing a noun of a speech act whose author the noun names: ``la promesse
de X de combattre « … »``, ``l'appel de X à « … »``, ``la déclaration de X sur « … »``.

The marks are the author's words whatever verb governs the noun phrase (``Y a ironisé sur la
promesse de X de …``: Y speaks of X's promise, in X's words).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.frames import tokens_between
from allegiance.extract.speaker_words import FR_OF

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.quote_context import QuoteContext

#: nouns of a speech act that take a content (``de`` + infinitive, ``à``, marks)
_ACT_NOUNS = frozenset(
    {"promesse", "appel", "proposition", "engagement", "menace", "demande", "exigence",
     "déclaration", "annonce", "accusation", "affirmation", "propos", "discours", "formule",
     "injonction", "invitation", "plaidoyer", "avertissement", "réponse", "réplique",
     "message", "slogan", "mot", "mots", "vœu", "serment"}
)  # fmt: skip

#: how many heads up from the marked words the noun may stand
_MAX_STEPS = 3


def _marked_root(ctx: QuoteContext, open_at: int, close_at: int) -> Token | None:
    """The word of the marked span whose head lies outside it."""
    inside = [t for t in tokens_between(ctx, open_at + 1, close_at) if open_at < t.idx < close_at]
    ids = {t.i for t in inside}
    return next((t for t in inside if t.head.i not in ids and not t.is_punct), None)


def act_noun_author(ctx: QuoteContext, open_at: int, close_at: int) -> Token | None:
    """The author named in ``de X`` on a speech-act noun that the marked words complete,
    directly or through an infinitive (``la promesse de X de combattre « … »``)."""
    if ctx.lang != "fr":
        return None
    tok = _marked_root(ctx, open_at, close_at)
    for _ in range(_MAX_STEPS):
        if tok is None or tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ == "VERB" and not (
            tok.dep_ in {"acl", "xcomp"} and "Inf" in tok.morph.get("VerbForm", [])
        ):
            return None  # a clause of its own: its verb governs the marks
        if tok.pos_ == "NOUN" and tok.lemma_.lower() in _ACT_NOUNS:
            return _author(ctx, tok, open_at)
    return None


def _author(ctx: QuoteContext, noun: Token, open_at: int) -> Token | None:
    for child in noun.children:
        if (
            child.dep_ == "nmod"
            and child.idx < open_at
            and any(c.dep_ == "case" and c.lower_ in FR_OF for c in child.children)
            and (ctx.mention_of(child) is not None or child.pos_ == "PROPN")
        ):
            return child
    return None


__all__ = ["act_noun_author"]
