"""The antecedent of a relative pronoun that is a cue's subject (French and English).

``X, qui a accusé …``: the speaker is the name just before the relative; past an adjective or a
``de`` complement that names nobody (``une source proche du dossier, qui …``, ``un appel du
ministre de l'Intérieur, qui …``) it is the noun they complete. Split from
:mod:`allegiance.extract.cue_speakers`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.speaker_words import FR_OF
from allegiance.models import Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.quote_context import QuoteContext

__all__ = ["relative_antecedent"]


def relative_antecedent(ctx: QuoteContext, rel: Token, exclude: tuple[int, int]) -> Speaker | None:
    """``X, qui a accusé …``: the name just before the relative pronoun is the speaker; the
    mention is the pronoun itself, the cue's subject (as for ``il``/``she``)."""
    doc = ctx.doc
    k = rel.i - 1
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
    here = Span(rel.text, rel.idx, rel.idx + len(rel.text))
    ref = ctx.mention_of(doc[k])
    if ref is not None:
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
