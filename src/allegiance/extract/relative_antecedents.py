"""The antecedent of a relative pronoun that is a cue's subject (French and English).

``X, qui a accusé …``: the speaker is the name just before the relative; past an adjective or a
``de`` complement that names nobody (``une source proche du dossier, qui …``, ``un appel du
ministre de l'Intérieur, qui …``) it is the noun they complete. Split from
:mod:`allegiance.extract.cue_speakers`.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from allegiance.extract.speaker_roles import determiner_gender
from allegiance.extract.speaker_words import FR_OF, of_complement
from allegiance.models import Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.quote_context import QuoteContext

__all__ = [
    "RELATIVE_VIEW",
    "last_relative_view",
    "relative_across_aside",
    "relative_antecedent",
    "relative_view_holder",
]

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
    # preposition
    k0 = k
    while k >= 0 and k >= rel.i - 2 and doc[k].lower_ in _PREPOSITIONS:
        k -= 1
    # with no comma the relative completes the noun phrase right before it, which must be a
    # speaking noun (``une source selon laquelle``, ``un conseiller du président selon
    # lequel``), never a thing (``l'argument de la société X selon lequel``)
    bound = k != k0 and k >= 0 and not doc[k].is_punct
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
    if not bound:
        holder = _apposition_holder(ctx, k)
        if holder is None:
            holder = _phrase_apposition_holder(ctx, k)
        if holder is not None:  # ``Henri Proglio, P-DG d'EDF, pour qui``: the person
            k = holder
    if bound:
        top = _phrase_head(doc[k])
        if not (top.pos_ == "NOUN" and ctx.can_speak(top)):
            return None
        k = top.i
    gender = _RELATIVE_GENDER.get(rel.lower_)
    if gender is not None:
        # ``la fille du ministre, laquelle …``: the noun of the phrase that agrees
        agreeing = _agreeing_noun(ctx, doc[k], gender)
        if agreeing is None:
            return None  # ``l'annonce faite par X, selon laquelle``: the announcement's content
        k = agreeing.i
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


#: the longest aside (in tokens) set off by commas between ``qui`` and its verb
_ASIDE = 14


def relative_across_aside(
    ctx: QuoteContext, cue: Token, exclude: tuple[int, int]
) -> Speaker | None:
    """``avec X qui, sans parvenir à …, a jugé « … »``: the parser hangs ``qui`` on the
    infinitive of the aside set off by commas and leaves the conjugated cue after it with no
    subject; the relative is that cue's subject, so its antecedent speaks (French). The aside
    holds no conjugated verb of its own (``qui, dit-il, …`` is an incise, ``qui, lorsqu'il
    …`` a clause)."""
    if ctx.lang != "fr" or any(c.dep_.startswith("nsubj") for c in cue.children):
        return None
    doc = ctx.doc
    k = cue.i - 1
    while k > cue.sent.start and doc[k].pos_ in {"AUX", "ADV"}:
        k -= 1
    if doc[k].text != ",":
        return None
    if "Fin" not in cue.morph.get("VerbForm", []) and not any(
        doc[j].pos_ == "AUX" for j in range(k + 1, cue.i)
    ):
        return None  # conjugated, or with its auxiliary: not ``, qui …, jugeant``
    opening = next(
        (j for j in range(k - 1, max(cue.sent.start, k - _ASIDE) - 1, -1) if doc[j].text == ","),
        None,
    )
    if opening is None or opening < 1 or opening + 1 >= k:
        return None
    rel = doc[opening - 1]
    if rel.lower_ != "qui" or "Rel" not in rel.morph.get("PronType", []):
        return None
    aside = doc[opening + 1 : k]
    if any("Fin" in t.morph.get("VerbForm", []) or t.is_quote for t in aside):
        return None
    if rel.head.i == cue.i or exclude[0] <= rel.idx < exclude[1]:
        return None
    return relative_antecedent(ctx, rel, exclude)


def _apposition_holder(ctx: QuoteContext, k: int) -> int | None:
    """The person named before a role apposition ending at ``k`` on a body's name (``Henri
    Proglio, P-DG d'EDF, pour qui``: a role noun opening the apposition, the body in its ``de``
    complement): the relative takes up the person, not the body."""
    doc = ctx.doc
    ref = ctx.mention_of(doc[k])
    first = ctx.token_at(ref.start) if ref is not None else None
    if ref is None or first is None or ref.entity.type != "organization":
        return None
    if first.i == 0 or doc[first.i - 1].lower_ not in FR_OF:
        return None  # ``Marie Dupont, puis la CGT, qui``: no ``de`` complement
    for c in range(first.i - 2, max(-1, first.i - 8), -1):
        if doc[c].text == ",":
            role = doc[c + 1]
            before = ctx.mention_of(doc[c - 1]) if c > 0 else None
            if role.pos_ not in {"NOUN", "PROPN"} or ctx.mention_of(role) is not None:
                return None  # the apposition opens on a role noun, not a name
            return c - 1 if before is not None and before.entity.type == "person" else None
        if doc[c].pos_ in {"VERB", "AUX", "ADP"} and doc[c].lower_ not in FR_OF:
            return None
    return None


#: how many words an apposition of common nouns may span before the relative
_APPOSITION_REACH = 14


def _phrase_apposition_holder(ctx: QuoteContext, k: int) -> int | None:
    """The person named before an apposition of common nouns ending at ``k`` (``Léa Morin, à
    la tête du comité des riverains, pour qui``, ``Paul Roux, porte-parole de l'association
    des parents, selon qui``): the relative takes up the person the apposition describes, not
    the last noun of its ``de`` chain. The apposition has no verb, no name and no ``et`` of
    its own (``le maire, Paul Roux, les parents et les enseignants, pour qui`` is a list), and
    its first noun is singular, as one person is."""
    doc = ctx.doc
    if ctx.mention_of(doc[k]) is not None or doc[k].pos_ != "NOUN":
        return None
    for c in range(k - 1, max(-1, k - _APPOSITION_REACH), -1):
        tok = doc[c]
        if tok.text == ",":
            before = ctx.mention_of(doc[c - 1]) if c > 0 else None
            if before is None or before.entity.type != "person":
                return None
            if before.end != doc[c - 1].idx + len(doc[c - 1].text):
                return None  # the comma does not close the name
            opener = doc[c + 1]
            if opener.pos_ not in {"NOUN", "DET", "ADP", "ADJ"}:
                return None
            first_noun = next((t for t in doc[c + 1 : k + 1] if t.pos_ == "NOUN"), None)
            if first_noun is None or "Plur" in first_noun.morph.get("Number", []):
                return None
            return c - 1
        if tok.pos_ in {"VERB", "AUX", "PRON", "PROPN", "SCONJ", "CCONJ"} or tok.is_punct:
            return None
    return None


def _phrase_head(tok: Token) -> Token:
    """The first noun of the ``de`` chain ``tok`` ends (``conseiller`` for ``un conseiller du
    président``), or ``tok``."""
    while (
        tok.dep_ == "nmod"
        and tok.head.i < tok.i
        and tok.head.pos_ in {"NOUN", "PROPN"}
        and of_complement(tok)
    ):
        tok = tok.head
    return tok


def _agreeing_noun(ctx: QuoteContext, tok: Token, gender: str) -> Token | None:
    """``tok`` or a noun up its ``de`` chain that ``lequel``/``laquelle`` of ``gender`` may
    stand for: a common noun of that gender, a body, or a person the article marks of it (a
    person of unknown gender is more often the agent of a noun it completes)."""
    for _ in range(4):
        ref = ctx.mention_of(tok)
        if ref is not None:
            entity = ref.entity
            if entity.type != "person" or ctx.gender_of(entity) == gender:
                return tok
        elif tok.pos_ == "NOUN" and _noun_gender(tok) in (None, gender):
            return tok
        # ``la porte-parole du ministre Paul Ferrand, selon laquelle``: past the name to the
        # title it follows, then up the ``de`` chain
        while tok.dep_ in {"flat:name", "flat"} and tok.head.i < tok.i:
            tok = tok.head
        if tok.dep_ not in {"nmod", "appos"} or tok.head.i >= tok.i:
            return None
        tok = tok.head
    return None


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


def last_relative_view(ctx: QuoteContext, f_start: int, open_at: int) -> re.Match[str] | None:
    """The last view-opening relative (``, selon qui``, ``, pour laquelle``) of the frame
    before the marks, unless a colon or a semicolon stands between (other marked words of the
    clause may: ``selon qui la « seule voie » est de « signer la paix »``)."""
    found = None
    for m in RELATIVE_VIEW.finditer(ctx.text, f_start, open_at):
        found = m
    if found is None or re.search(r"[;:]", ctx.text[found.end() : open_at]):
        return None
    return found


def relative_view_holder(
    ctx: QuoteContext, f_start: int, open_at: int, exclude: tuple[int, int]
) -> tuple[Token, Speaker] | None:
    """``Y, pour qui la mesure est « une faute »``: the last view-opening relative of the
    sentence before the marks and its antecedent, the marks' speaker unless a verb of saying
    stands between them (checked by the caller: ``X, pour qui Y a dénoncé « … »``). A ``pour
    qui`` clause is a view only when it judges (a copula, ``il s'agit``, ``il faut``), not a
    benefit (``les familles, pour qui une cérémonie sera organisée``)."""
    found = last_relative_view(ctx, f_start, open_at)
    if found is None:
        return None
    rel = ctx.token_at(found.start("rel"))
    if rel is None:
        return None
    if found.group(0).lower().lstrip(", ").startswith("pour") and not _judging_clause(rel, open_at):
        return None
    speaker = relative_antecedent(ctx, rel, exclude)
    return (rel, speaker) if speaker is not None else None


#: personal pronouns: ``pour qui elle a organisé …`` does something for the antecedent
_PERSONAL = frozenset({"il", "elle", "ils", "elles", "on", "nous", "je", "vous"})


def _judging_clause(rel: Token, open_at: int) -> bool:
    """A ``pour qui`` clause that gives a view (``pour qui la réforme reste « … »``), not a
    benefit: no passive (``pour qui une cérémonie sera organisée``) and no personal pronoun
    doing something for the antecedent (``pour qui elle a organisé …``)."""
    words = [t for t in rel.doc[rel.i + 1 :] if t.idx < open_at]
    if words and words[0].lower_ in _PERSONAL:
        return False
    return not any(
        t.pos_ == "VERB" and any(c.dep_ == "aux:pass" for c in t.children) for t in words
    )


def _noun_gender(noun: Token) -> str | None:
    """A noun's gender as its determiner says it (``la ministre``), else as tagged
    (possessives say nothing: ``son ancienne adjointe``)."""
    said = determiner_gender(noun)
    if said is not None:
        return said
    if noun.i > 0 and noun.doc[noun.i - 1].lower_ in {"du", "au"}:
        return "Masc"
    tagged = noun.morph.get("Gender", [])
    return tagged[0] if len(tagged) == 1 else None
