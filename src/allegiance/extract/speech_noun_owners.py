"""Marked words completing a noun of a speech act whose author the noun names: ``la promesse
de X de combattre « … »``, ``l'appel de X à « … »``, ``les propos de X sur « … »``.

The marks are the author's words whatever verb governs the noun phrase (``Y a ironisé sur la
promesse de X de …``: Y speaks of X's promise, in X's words). Only the noun's content counts:
an infinitive (``de``/``à`` + verb), the object of a call (``à``) or the topic of words
(``sur``); never an adjective judging the noun (``a jugé la proposition de X « irréaliste »``:
Y's word), nor a passive or copula infinitive (``la menace de X d'être « exclue »``: X is
threatened).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.frames import tokens_between, tops_of
from allegiance.extract.speaker_words import of_complement

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.quote_context import QuoteContext

#: nouns of a speech act whose content an infinitive gives (``la promesse de X de …``)
_INFINITIVE_NOUNS = frozenset(
    {"promesse", "proposition", "engagement", "menace", "demande", "exigence", "appel",
     "injonction", "invitation", "vœu", "serment"}
)  # fmt: skip

#: nouns with a prepositional content: ``l'appel de X à « … »``, ``les propos de X sur « … »``
_PREPOSITION_NOUNS = {
    "appel": "à",
    "invitation": "à",
    "injonction": "à",
    "propos": "sur",
    "déclaration": "sur",
    "discours": "sur",
}

#: how many heads up from the marked words the noun may stand
_MAX_STEPS = 3


def _marked_root(ctx: QuoteContext, open_at: int, close_at: int) -> Token | None:
    """The word of the marked span whose head lies outside it."""
    inside = [t for t in tokens_between(ctx, open_at + 1, close_at) if open_at < t.idx < close_at]
    return next(iter(tops_of(inside)), None)


def _content_infinitive(verb: Token) -> bool:
    """An active infinitive of content (``de combattre``), not ``d'être exclue``."""
    return (
        verb.pos_ == "VERB"
        and verb.dep_ in {"acl", "xcomp"}
        and "Inf" in verb.morph.get("VerbForm", [])
        and verb.lemma_ != "être"
        and not any(c.dep_ in {"aux:pass", "cop"} for c in verb.children)
    )


def act_noun_author(ctx: QuoteContext, open_at: int, close_at: int) -> Token | None:
    """The author named in ``de X`` on a speech-act noun that the marked words are the content
    of, through an infinitive or the noun's content preposition."""
    if ctx.lang != "fr":
        return None
    root = _marked_root(ctx, open_at, close_at)
    if root is None or root.pos_ == "ADJ":
        return None
    tok, infinitive = root, False
    for _ in range(_MAX_STEPS):
        if tok.head.i == tok.i:
            return None
        below, tok = tok, tok.head
        if tok.pos_ == "VERB" and below is root and not infinitive:
            noun = _object_before(tok, root)
            if noun is not None:  # ``a critiqué les propos de X sur « … »``
                tok = noun
        if tok.pos_ == "VERB":
            if not _content_infinitive(tok):
                return None  # a clause of its own: its verb governs the marks
            infinitive = True
            continue
        if tok.pos_ != "NOUN":
            return None
        lemma = tok.lemma_.lower()
        if infinitive and lemma in _INFINITIVE_NOUNS:
            return _author(ctx, tok, open_at)
        preposition = _PREPOSITION_NOUNS.get(lemma)
        if (
            not infinitive
            and below is root
            and preposition is not None
            and any(
                c.dep_ == "case" and c.lower_ in {preposition, "au", "aux"} for c in root.children
            )
        ):
            return _author(ctx, tok, open_at)
        return None
    return None


def _object_before(verb: Token, root: Token) -> Token | None:
    """The speech noun the parser should have hung the marked words' preposition on: the
    verb's object or complement, a noun of :data:`_PREPOSITION_NOUNS` whose phrase ends right
    before that preposition, the one the noun takes (``a critiqué [les propos de X] sur
    « … »``)."""
    case = next((c for c in root.children if c.dep_ == "case"), None)
    if case is None:
        return None
    for obj in verb.children:
        preposition = _PREPOSITION_NOUNS.get(obj.lemma_.lower())
        if (
            obj.dep_ in {"obj", "obl", "obl:mod", "obl:arg"}
            and obj.right_edge.i + 1 == case.i
            and preposition is not None
            and case.lower_ in {preposition, "au", "aux"}
        ):
            return obj
    return None


def _name_beside(tok: Token) -> bool:
    """A name hung on a noun with no comma nor preposition between (``son homologue lyonnais
    Julien Morel``: ``appos`` or a bare ``nmod`` in the parse)."""
    return (
        tok.dep_ in {"appos", "nmod"}
        and tok.pos_ == "PROPN"
        and tok.nbor(-1).text != ","
        and not any(c.dep_ == "case" for c in tok.children)
    )


def _author(ctx: QuoteContext, noun: Token, open_at: int) -> Token | None:
    """The person or organisation of ``de X`` on the noun, before the marks: X itself, or the
    name right after the noun X (``de son homologue bordelais Willy Sagnol``)."""
    for child in noun.children:
        if child.dep_ != "nmod" or child.idx >= open_at or not of_complement(child):
            continue
        # the parser hangs that name on the complement or on the noun itself; no comma before
        named = [child]
        named += [c for c in child.rights if _name_beside(c)]
        named += [c for c in noun.rights if c.dep_ == "appos" and c.i == child.right_edge.i + 1]
        for tok in named:
            if tok.idx >= open_at:
                break
            ref = ctx.mention_of(tok)
            if ref is not None and ref.entity.type in {"person", "organization"}:
                return tok
    return None


__all__ = ["act_noun_author"]
