"""Actors a quote refers to without a mention the resolver marked there, for its targets.

* a name the resolver left: the capital or name of a state the article has as an actor
  (``les ordres de Washington``), or a name the article gives an actor elsewhere;
* a definite role description pointing back to an actor introduced with that role before
  (``le président``, ``la ministre``).

Also the small pieces the target rules share (:data:`Add`, :func:`in_quote`). The rules
themselves are in :mod:`allegiance.extract.stance_targets` and
:mod:`allegiance.extract.stance_addressees`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

import yaml

from allegiance.extract.quote_context import ORG_NOUNS, MentionRef, QuoteContext
from allegiance.extract.speaker_roles import description_covers
from allegiance.models import Entity, Quote
from allegiance.resolve.kb import key
from allegiance.resolve.states import LEXICON_FILE

if TYPE_CHECKING:
    from spacy.tokens import Token

#: how a rule gives a target: ``add(entity_id, stance)``
Add = Callable[[str, int], None]
OPENING_MARKS = {"«", "“", '"', "'"}


def in_quote(quote: Quote, tok: Token) -> bool:
    return quote.start <= tok.idx < quote.end


@cache
def _state_words() -> dict[str, str]:
    """Folded capital, name and institution of each state -> its id (``pekin`` -> china):
    inside a quote ``Washington`` or ``Bruxelles`` names the state wherever it stands, while
    the resolver reads a capital as an actor only in an actor's position."""
    data = yaml.safe_load(LEXICON_FILE.read_text("utf-8")) or {}
    out: dict[str, str] = {}
    for ident, info in (data.get("countries") or {}).items():
        for field in ("capitals", "names", "institutions"):
            for form in (info or {}).get(field) or []:
                out.setdefault(key(form), ident)
    return out


def _surfaces(ctx: QuoteContext) -> dict[str, Entity]:
    """Folded words by which the article names each actor (its mentions), and the state words
    of the states it holds as actors."""
    out: dict[str, Entity] = {}
    by_id = {e.id: e for e in ctx.entities if e.type in {"person", "organization"}}
    for entity in by_id.values():
        for m in entity.mentions:
            if m.text[:1].isupper() and len(m.text) > 2:
                out.setdefault(key(m.text), entity)
        out.setdefault(key(entity.name), entity)
    for word, ident in _state_words().items():
        if ident in by_id:
            out.setdefault(word, by_id[ident])
    return out


#: prepositions that make a state's name a place (``en France``, ``aux Etats-Unis``)
_PLACE_PREPS = {"en", "au", "aux", "à", "dans", "vers", "in", "to", "into"}


def named_again(ctx: QuoteContext, tokens: list[Token]) -> list[MentionRef]:
    """Actors named in the quote by a name the resolver did not mark there: the capital or
    name of a state the article has as an actor (``les ordres de Washington``, ``négocier avec
    Budapest``), or a name the article gives an actor elsewhere."""
    surfaces = _surfaces(ctx)
    found: list[MentionRef] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        prev = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
        if not tok.text[:1].isupper() or prev in _PLACE_PREPS or ctx.mention_of(tok):
            i += 1
            continue
        for n in range(min(4, len(tokens) - i), 0, -1):
            last = tokens[i + n - 1]
            entity = surfaces.get(key(ctx.text[tok.idx : last.idx + len(last.text)]))
            if entity is not None:
                found.append(MentionRef(tok.idx, last.idx + len(last.text), entity))
                i += n
                break
        else:
            i += 1
    return found


#: determiners of a description that points back to someone (``le président``, ``ce juge``)
_POINTING = {"fr": {"le", "la", "l'", "l", "ce", "cet", "cette"}, "en": {"the", "this"}}


def described_actor(ctx: QuoteContext, tok: Token, start: int) -> Entity | None:
    """The actor a definite role description stands for (``le président``, ``la ministre``,
    ``le prévenu``): the latest one introduced with that role (or a narrower one) before
    ``start``. Only a singular role noun; a thing (``le texte``) names no one."""
    if tok.pos_ != "NOUN" or tok.morph.get("Number", []) == ["Plur"] or tok.tag_ == "NNS":
        return None
    det = next((c for c in tok.children if c.dep_ in {"det", "det:poss"}), None)
    if det is None or det.lower_ not in _POINTING.get(ctx.lang, set()):
        return None
    if ctx.mention_of(tok) is not None or not ctx.can_speak(tok):
        return None
    kind = "organization" if tok.lemma_.lower() in ORG_NOUNS[ctx.lang] else "person"
    return _introduced_as(ctx, tok, start, kind)


#: how far back (characters) a role description may point
_ROLE_WINDOW = 8000


def _introduced_as(ctx: QuoteContext, tok: Token, start: int, kind: str) -> Entity | None:
    """The latest actor of ``kind`` written with the role ``tok`` names (or a narrower one:
    ``l'élue`` for a maire) before ``start``: ``du président Étienne X`` then ``le président``.

    Unlike the speaker finder's lookup, an actor whose role is unknown does not stop the
    search: a target is named by its role where the speaker of the sentence is not.
    """
    wanted = description_covers(ctx, tok)
    det = next((c for c in tok.children if c.dep_ == "det"), None)
    gender = None
    if kind == "person" and det is not None:
        gender = {"la": "Fem", "cette": "Fem", "le": "Masc", "ce": "Masc", "cet": "Masc"}.get(
            det.lower_
        )
    seen: set[str] = set()
    for ref in reversed(ctx.mentions_in(max(0, start - _ROLE_WINDOW), start)):
        entity = ref.entity
        if entity.type != kind or entity.id in seen:
            continue
        seen.add(entity.id)
        earlier = (r for r in ctx.mentions_in(0, start) if r.entity.id == entity.id)
        if not set().union(*(ctx.roles_of(r) for r in earlier)) & wanted:
            continue
        known = ctx.gender_of(entity) if gender is not None else None
        if known is not None and known != gender:
            continue
        return entity
    return None


def described_inside(ctx: QuoteContext, quote: Quote, tokens: list[Token]) -> list[MentionRef]:
    """Role descriptions in the quote that point back to an actor (``Le président a choisi de
    faire payer la crise``, ``si la ministre ne retire pas ce texte``)."""
    out = []
    for tok in tokens:
        entity = described_actor(ctx, tok, quote.start)
        if entity is not None:
            out.append(MentionRef(tok.idx, tok.idx + len(tok.text), entity))
    return out
