"""A role named before its holder: ``…, dénonce le président de la commission d'enquête`` in a
headline, and further down ``Mickaël Vallet, président de la commission d'enquête``.

News headlines and leads often give a speaker's office first and the name later. When a
definite description finds no actor before it (:mod:`allegiance.extract.described_speakers`
looks back first), the article may name its holder further on, with the same role word and,
when the description has a complement, the same complement noun beside the name.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.speaker_roles import (
    description_covers,
    description_gender,
    is_former,
    relatum,
)
from allegiance.extract.speaker_words import FR_TIME_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.quote_context import QuoteContext
    from allegiance.models import Entity

#: articles and possessives that make a description definite (``le président``, ``son
#: président``); ``un porte-parole`` stays an unnamed source
_ARTICLES = frozenset({"le", "la", "l'", "l’"})
_DEFINITE = _ARTICLES | {"son", "sa"}
#: how many words either side of a later name (in its sentence) its role and complement may
#: stand
_BESIDE = 8


def _complement_nouns(head: Token) -> set[str]:
    """The nouns of the description's own complement (``de la commission d'enquête``)."""
    return {
        t.lemma_.lower()
        for t in head.subtree
        if t.i > head.i
        and t.pos_ in {"NOUN", "PROPN"}
        and t.i - head.i <= 6
        and t.lower_ not in FR_TIME_WORDS  # ``son avocat mercredi``: when, not whose
        and t.lemma_.lower() not in FR_TIME_WORDS
    }


#: the longest first line read as a headline
_HEADLINE = 250


def _in_headline(ctx: QuoteContext, head: Token) -> bool:
    """``head`` stands on the article's first line, a headline (short, followed by a line
    break)."""
    end = ctx.text.find("\n")
    line = ctx.text[:end].rstrip()
    # a full sentence closing on a period is the body's first line, not a headline
    return 0 < end <= _HEADLINE and head.idx < end and not line.endswith(".")


def named_later(ctx: QuoteContext, head: Token, start: int) -> Entity | None:
    """The one person named after ``start`` with a role word that the definite description
    ``head`` covers and its complement nouns beside the name, agreeing in gender; None for a
    description with no complement, or when no person or several fit, or one already fits
    before ``start``."""
    if ctx.lang != "fr" or head.pos_ != "NOUN" or not ctx.can_speak(head):
        return None
    det = next((c for c in head.children if c.dep_ in {"det", "det:poss"}), None)
    if det is None or det.lower_ not in _DEFINITE or "Plur" in head.morph.get("Number", []):
        return None
    wanted = description_covers(ctx, head)
    gender = description_gender(head)
    complement = _complement_nouns(head)
    if not complement and not (det.lower_ in _ARTICLES and _in_headline(ctx, head)):
        # ``son avocat``, ``son président``: any lawyer or president named later; a headline's
        # bare ``assure le préfet`` is the one its article names
        return None
    doc = ctx.doc
    fits: dict[str, Entity] = {}
    earlier = False
    for ref in ctx.mentions:
        name = ctx.token_at(ref.start)
        if ref.entity.type != "person" or name is None:
            continue
        sent = name.sent
        before = doc[max(sent.start, name.i - _BESIDE) : name.i]
        near = doc[max(sent.start, name.i - _BESIDE) : min(sent.end, name.i + _BESIDE)]
        # ``le préfet de Loire-Atlantique X``: the role word a few words before the name, past
        # its complement, as well as the roles written next to it
        roles = ctx.roles_of(ref) | {
            t.lemma_.lower()
            for t in before
            if t.pos_ == "NOUN"
            and t.i >= name.i - 6
            # the name in the role's own phrase (``le préfet de Loire-Atlantique X``), not the
            # object of a verb the role is the subject of (``Le préfet a reçu le député X``)
            and t.left_edge.i <= name.i <= t.right_edge.i
            and not is_former(t)  # ``l'ancien préfet X``
            # ``l'avocat de X``: X is whom the role is related to, not its holder
            and all(r.i != name.i for r in relatum(t))
        }
        if not roles & wanted or head.left_edge.idx <= ref.start <= head.right_edge.idx:
            continue
        if ref.start < start:
            earlier = True
            continue
        if gender is not None and ctx.gender_of(ref.entity) not in {None, gender}:
            continue
        if complement <= {t.lemma_.lower() for t in near} | {t.lower_ for t in near}:
            fits[ref.entity.id] = ref.entity
    if earlier or len(fits) != 1:
        return None
    return next(iter(fits.values()))
