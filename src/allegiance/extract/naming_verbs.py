"""Verbs of naming right before marked words: ``qualifié de « … »``, ``jugée « … » par X``.

The marked words are the namer's: the subject of the verb, or, for a participle, the agent
``par X`` after the marks (the parser often hangs that agent on the marked words themselves).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.frames import tokens_between

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.quote_context import QuoteContext


#: verbs whose attribute in marks is the subject's word for something (``l'a classé « … »``)
_NAMING_VERBS = {"qualifier", "classer", "traiter", "surnommer", "décrire", "juger", "considérer"}


#: words between the verb and the marks (the parser may split ``d'`` in two tokens)
_LINKS = frozenset({"de", "d'", "d’", "d", "'", "’", "comme"})


def naming_verb(ctx: QuoteContext, open_at: int) -> Token | None:
    """The verb of naming right before the marks, past adverbs and ``de``/``comme``."""
    toks = [t for t in tokens_between(ctx, max(0, open_at - 40), open_at) if t.idx < open_at]
    while toks and (toks[-1].pos_ == "ADV" or toks[-1].lower_ in _LINKS):
        toks.pop()
    if not toks or toks[-1].lemma_.lower() not in _NAMING_VERBS:
        return None
    return toks[-1]


def naming_agent(ctx: QuoteContext, open_at: int) -> Token | None:
    """``jugée « … » par X``: the agent, after the marks, of a naming participle right before
    them, when it can speak (the parser often hangs the agent on the marked words)."""
    verb = naming_verb(ctx, open_at)
    if verb is None:
        return None
    if "Part" not in verb.morph.get("VerbForm", []) and verb.pos_ != "ADJ":
        return None
    close = next((k for k in range(open_at, len(ctx.text)) if ctx.text[k] in "»”\n"), -1)
    if close < 0 or ctx.text[close] == "\n":
        return None
    after = tokens_between(ctx, close + 1, min(len(ctx.text), close + 60))
    after = [t for t in after if t.idx > close and not t.is_space]
    if len(after) < 2 or after[0].lower_ != "par":
        return None
    agent = next((t for t in after[1:4] if t.pos_ in {"PROPN", "NOUN"}), None)
    if agent is None:
        return None
    named = ctx.mention_of(agent) is not None
    return agent if named or agent.pos_ == "PROPN" or ctx.can_speak(agent) else None


__all__ = ["naming_agent", "naming_verb"]
