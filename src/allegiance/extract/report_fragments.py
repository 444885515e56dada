"""Marked words inside a French indirect report: the reporter's speaker said them.

The gold convention (eval/gold/README.md) annotates only the marked fragments of an indirect report
that holds some: "était « fixe » dans la soirée, a indiqué la préfecture" is the préfecture's
partial quote « fixe », not an indirect quote of the whole clause. A short fragment with no cue of
its own is rejected by the scare-quote rules when it is read alone; the report around it is the cue
it lacked. Only fragments that read as words, not names, qualify: they open in lower case, are
short, and are neither a legal charge nor introduced as a name ("le projet dit « … »").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from allegiance.extract.attribution import NOT_SPEECH_BEFORE
from allegiance.extract.fragment_cues import clause_head
from allegiance.extract.frames import tokens_between
from allegiance.extract.scare_quotes import is_charge

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.quote_context import QuoteContext
    from allegiance.extract.quote_marks import MarkedSpan

#: (opening mark, closing mark, content start, content end) of a fragment
Fragment = tuple[int, int, int, int]

_WORD = re.compile(r"\w+")
_MAX_WORDS = 8
_RELATIVE_PRONOUNS = frozenset({"qui", "que", "qu'", "dont", "où", "lequel", "laquelle"})
_COMPLEMENT_BEFORE = re.compile(r"\b(?:de|d'|des|du)\s*$", re.IGNORECASE)


def reportable_fragment(ctx: QuoteContext, ms: MarkedSpan, start: int, end: int) -> bool:
    """A rejected marked span that an indirect report around it would make a quote."""
    content = ctx.text[start:end]
    first = next((c for c in content if c.isalpha()), "")
    if not first.islower() or len(_WORD.findall(content)) > _MAX_WORDS:
        return False  # a name, a title, or a sentence that stood alone
    open_at = ms.open_mark if ms.open_mark is not None else start
    before = ctx.text[max(0, open_at - 40) : open_at]
    if NOT_SPEECH_BEFORE.search(before) is not None or is_charge(ctx, open_at):
        return False
    if _COMPLEMENT_BEFORE.search(before):
        return False  # ``relevant de « multi-annonceurs »``: a noun's complement names a thing
    return not _names_a_thing(tokens_between(ctx, start, end))


def _names_a_thing(tokens: list[Token]) -> bool:
    """A noun phrase in marks inside a report is most often a term the report uses (« multi-
    annonceurs », des « gigafactories »), not the speaker's judgement, which is an adjective, a
    participle or a clause (« fixe », « pas intéressé », « de se réarmer »), or a circumstance
    opening on its preposition (« au détriment de nos eaux », « par courrier recommandé »)."""
    words = [t for t in tokens if not t.is_punct]
    if words and words[0].pos_ == "ADP" and words[0].dep_ == "case":
        return False
    inside = {t.i for t in tokens}
    heads = [t for t in tokens if not t.is_punct and t.head.i not in inside]
    return bool(heads) and all(t.pos_ in {"NOUN", "PROPN"} for t in heads)


def fragments_in(
    ctx: QuoteContext, content: list[Token], fragments: list[Fragment], cue: Token
) -> list[Fragment]:
    """The fragments whose marks lie inside a reported clause, outside any relative clause of
    it (``que la réforme, qui vise les « petits » patrons, …``: the author's description)."""
    lo = content[0].idx
    hi = content[-1].idx + len(content[-1].text)
    return [
        f
        for f in fragments
        if lo <= f[0] and f[1] <= hi and not _in_relative_clause(ctx, f[2], f[3], cue)
    ]


def _in_relative_clause(ctx: QuoteContext, start: int, end: int, cue: Token) -> bool:
    """The fragment's own clause (the first verb above it) is a relative clause with its
    relative pronoun; clauses above it are left alone, the parser often hanging a coordinated
    ``et qu'il …`` on the relative clause before it."""
    tokens = tokens_between(ctx, start, end)
    tok = tokens[0] if tokens else None
    if tok is not None and _own_clause(tok):
        # ``était « fixé » dans la soirée``: the marked predicate heads its own clause, whatever
        # clause the parser hung it on
        return _relative(tok)
    while tok is not None and tok.head.i != tok.i and tok.i != cue.i:
        tok = tok.head
        if tok.pos_ in {"VERB", "AUX"} or clause_head(tok):
            return _relative(tok)
    return False


def _relative(tok: Token) -> bool:
    return tok.dep_ == "acl:relcl" and any(c.lower_ in _RELATIVE_PRONOUNS for c in tok.children)


def _own_clause(tok: Token) -> bool:
    """A verb or a predicate with its own finite auxiliary or copula (``était « fixé »``)."""
    return clause_head(tok) or any(
        c.dep_ in {"cop", "aux:pass", "aux:tense"} and "Fin" in c.morph.get("VerbForm", [])
        for c in tok.children
    )
