"""The antecedent of a relative pronoun that is a cue's subject (French and English).

``X, qui a accusé …``: the speaker is the name just before the relative; past an adjective or a
``de`` complement that names nobody (``une source proche du dossier, qui …``, ``un appel du
ministre de l'Intérieur, qui …``) it is the noun they complete. Split from
:mod:`allegiance.extract.cue_speakers`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from allegiance.extract.speaker_words import FR_OF
from allegiance.models import Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.quote_context import QuoteContext
    from allegiance.models import Entity

__all__ = ["RELATIVE_VIEW", "relative_antecedent", "relative_view_holder"]

#: a relative opening someone's view: ``X, selon qui …``, ``Y, pour laquelle …``
RELATIVE_VIEW = re.compile(
    r",\s*(?:selon|pour|d'après|d’après)\s+(?P<rel>qui|lequel|laquelle|lesquels|lesquelles)\b",
    re.IGNORECASE,
)

#: the gender a relative pronoun gives its antecedent
_RELATIVE_GENDER = {"lequel": "Masc", "laquelle": "Fem"}

#: prepositions before a relative pronoun that opens a view (``selon qui``, ``pour laquelle``)
_PREPOSITIONS = frozenset({"selon", "pour", "après", "d'", "d’", "according", "to"})


def relative_antecedent(ctx: QuoteContext, rel: Token, exclude: tuple[int, int]) -> Speaker | None:
    """``X, qui a accusé …``: the name just before the relative pronoun is the speaker; the
    mention is the pronoun itself, the cue's subject (as for ``il``/``she``)."""
    doc = ctx.doc
    k = rel.i - 1
    # ``X, selon qui …``, ``une source selon laquelle …``, ``X, d'après lequel …``: past the
    # preposition; ``lequel``/``laquelle`` agree with their antecedent
    k0 = k
    while k >= 0 and k >= rel.i - 2 and doc[k].lower_ in _PREPOSITIONS:
        k -= 1
    gender = _RELATIVE_GENDER.get(rel.lower_) if k != k0 else None
    # with no comma the relative completes the noun right before it: a speaking noun (``une
    # source selon laquelle``), never a name inside a thing's complement (``l'argument de la
    # société X selon lequel``)
    bound = k != k0 and k >= 0 and not doc[k].is_punct
    if bound and not (doc[k].pos_ in {"NOUN", "ADJ"} and doc[k].is_lower):
        return None
    while k >= 0 and doc[k].is_punct:
        if doc[k].text == ")":  # ``le ministre X (Ecolo), qui``: the name before the brackets
            opening = next(
                (j for j in range(k - 1, max(k - 8, -1), -1) if doc[j].text == "("), None
            )
            if opening is not None and opening > 0 and ctx.mention_of(doc[opening - 1]) is not None:
                k = opening  # not ``le maire sortant (Paul Martin), qui``: the name is inside
        k -= 1
    if k < 0:
        return None
    adjective = doc[k]
    if adjective.is_lower and adjective.pos_ in {"ADJ", "PROPN"} and adjective.head.i < k:
        k = adjective.head.i  # ``le trentenaire nigérian qui``: the noun, not its adjective
    if (
        gender is not None
        and doc[k].pos_ == "NOUN"
        and doc[k].morph.get("Gender", [])
        not in (
            [],
            [gender],
        )
    ):
        return None  # ``l'argument de la firme selon lequel``: the argument's content
    here = Span(rel.text, rel.idx, rel.idx + len(rel.text))
    ref = ctx.mention_of(doc[k])
    if ref is not None:
        if gender is not None and not _agrees(ctx, ref.entity, gender):
            return None  # ``l'annonce faite par X, selon laquelle``: the announcement's content
        return Speaker(ref.entity.id, ref.entity.name, here)
    speaker = ctx.speaker_from_tokens(doc[k], exclude)
    if speaker is None:
        speaker = _described_by_adjective(ctx, doc[k], exclude)
    if speaker is not None and speaker.entity is not None:
        return Speaker(speaker.entity, speaker.name, here)
    return speaker


def _described_by_adjective(
    ctx: QuoteContext, complement: Token, exclude: tuple[int, int]
) -> Speaker | None:
    """``une source proche du dossier, qui …``, ``un responsable chargé de l'enquête, qui …``,
    ``du ministre de l'Intérieur, qui …``: the relative's antecedent is the noun an adjective
    or participle describes through its ``de`` complement, or the first noun of a chain of
    ``de`` complements that can speak, when the complement itself names nobody (``les
    opposants au texte, qui``: the relative may go with ``texte``)."""
    head = complement.head
    if complement.dep_ not in {"obl:arg", "obl:mod", "nmod"} or head.i >= complement.i:
        return None
    if head.pos_ in {"NOUN", "PROPN"} and complement.dep_ == "nmod":
        # ``le président de la fédération de pêche, qui``: the first noun of the ``de`` chain
        # that can speak (not ``un appel`` in ``un appel du ministre de l'Intérieur, qui``)
        noun, speaking = complement, None
        while (
            noun.dep_ == "nmod"
            and noun.head.i < noun.i
            and noun.head.pos_ in {"NOUN", "PROPN"}
            and any(c.dep_ == "case" and c.lower_ in FR_OF for c in noun.children)
        ):
            noun = noun.head
            if ctx.can_speak(noun):
                speaking = noun
        return ctx.speaker_from_tokens(speaking, exclude) if speaking is not None else None
    if head.pos_ not in {"ADJ", "VERB"} or head.dep_ not in {"amod", "acl"}:
        return None
    if not any(c.dep_ == "case" and c.lower_ in FR_OF for c in complement.children):
        return None  # ``la mère du garçon tué dans l'accident, qui``: the relative may be hers
    noun = head.head
    if noun.i >= head.i or noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    return ctx.speaker_from_tokens(noun, exclude)


def relative_view_holder(
    ctx: QuoteContext, f_start: int, open_at: int, exclude: tuple[int, int]
) -> tuple[Token, Speaker] | None:
    """``Y, pour qui la mesure est « une faute »``: the last view-opening relative of the
    sentence before the marks and its antecedent, the marks' speaker unless a verb of saying
    stands between them (checked by the caller: ``X, pour qui Y a dénoncé « … »``)."""
    found = None
    for m in RELATIVE_VIEW.finditer(ctx.text, f_start, open_at):
        found = m
    if found is None or re.search(r"[;:«“]", ctx.text[found.end() : open_at]):
        return None
    rel = ctx.token_at(found.start("rel"))
    if rel is None:
        return None
    speaker = relative_antecedent(ctx, rel, exclude)
    return (rel, speaker) if speaker is not None else None


def _agrees(ctx: QuoteContext, entity: Entity, gender: str) -> bool:
    """``lequel``/``laquelle`` after a body, or after a person the article marks of its
    gender (a person of unknown gender is more often the agent of a noun it completes:
    ``l'annonce faite par X, selon laquelle``)."""
    return entity.type != "person" or ctx.gender_of(entity) == gender
