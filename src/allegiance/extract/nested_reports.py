"""Reported speech inside a direct quote: ``« Il m'a dit qu'il avait retrouvé des barres de fer »``.

A witness quoted in marks often reports what a third party told them (``ils m'ont dit de
mettre de l'eau partout``, ``ce sont les voisins qui m'ont prévenu qu'il y avait le feu``,
``d'après les pompiers, c'est un poêle qui a pris feu``). The gold guidelines annotate such a
report as an indirect quote of that third party, nested in the outer direct quote, which stays.

The indirect finder skips every cue inside quotation marks (a cue quoted as a word is not the
author's); :func:`nested_report` is its hook for cues inside a direct quote. It stays
conservative: the cue's subject must be someone other than the quote's own speaker (a
third-person pronoun, a name, a noun that can speak, never ``je``/``nous``/``on``/``vous``),
and the cue must report a ``que`` clause, ``de`` + infinitive, or stand as ``selon X`` /
``d'après X``. A third-person pronoun inside a first-person quote never refers to the quote's
speaker: it resolves to the persons named before the quote, else the speaker stays unnamed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from allegiance.extract.attribution import cue_span
from allegiance.extract.indirect_sources import reported_quote
from allegiance.extract.speaker_words import pronoun_gender
from allegiance.models import Quote, Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.quote_context import QuoteContext

#: subjects that are the quote's own speaker or their addressee, not a third party
_OWN = {"je", "j'", "nous", "on", "vous", "tu", "moi", "ce", "c'", "ça", "cela", "ceci"}
#: third-person subject pronouns, resolved to someone named before the quote
_THIRD = {"il", "elle", "ils", "elles"}
#: verbs whose ``de`` + infinitive is what was said (``ils m'ont dit de …``)
_INFINITIVE_CUES = {
    "dire",
    "demander",
    "conseiller",
    "ordonner",
    "recommander",
    "prévenir",
}
#: verbs of thinking: what a third party thought, quoted by a witness, is no report of speech
_THOUGHT = {"penser", "croire", "espérer", "imaginer", "considérer", "savoir", "craindre"}
#: words that open a relative clause whose antecedent is the cue's subject
_RELATIVE = {"qui"}

ContentOf = Callable[["QuoteContext", "Token"], "list[Token] | None"]
SpeakerOf = Callable[["QuoteContext", "Token", tuple[int, int]], "Speaker | None"]


def outer_quote(cue: Token, marked: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The marked quote (open mark, close mark + 1) the cue lies in, if any."""
    return next(((s, e) for s, e in marked if s <= cue.idx < e), None)


def nested_report(
    ctx: QuoteContext,
    cue: Token,
    outer: tuple[int, int],
    content_of: ContentOf,
    speaker_of: SpeakerOf,
) -> Quote | None:
    """The indirect quote a third party's speech verb ``cue`` reports inside the direct quote
    ``outer`` (marks included), or None. ``content_of`` and ``speaker_of`` are the indirect
    finder's own content and speaker rules."""
    if ctx.lang != "fr":
        return None
    if _asks(ctx, cue, outer):
        return None
    source = _third_party(ctx, cue)
    if source is None or source.idx <= outer[0]:
        return None  # a subject before the marks: the quote opens on the report itself
    close = outer[1] - 1
    # the parse may run the content over the closing mark into the outer quote's incise
    found = content_of(ctx, cue) or _after_source(source)
    content = [t for t in found if outer[0] < t.idx < close]
    while content and (content[-1].is_punct or content[-1].is_space):
        content = content[:-1]
    if not content:
        return None
    start = content[0].idx
    end = content[-1].idx + len(content[-1].text)
    if start <= outer[0] or end >= outer[1] or (cue.pos_ != "ADP" and start < cue.idx):
        return None  # the content must lie inside the quote (after a verb cue)
    while end > start and ctx.text[end - 1] in ".,;:!? ":
        end -= 1
    if len(ctx.text[start:end].split()) < 2:
        return None
    outer_speaker = next((sp for off, sp in ctx.speakers_seen if outer[0] <= off < outer[1]), None)
    speaker = _speaker(ctx, cue, source, (start, end), outer, outer_speaker, speaker_of)
    if speaker is None:
        return None
    return reported_quote(ctx, cue_span(cue), speaker, start, end)


def _asks(ctx: QuoteContext, cue: Token, outer: tuple[int, int]) -> bool:
    """``« Est-ce qu'il reconnaît qu'il a trahi ses engagements ? »``: the quoted speaker asks
    whether the third party says it; a question reports no one's words."""
    text = ctx.text
    ends = [i for i in (text.find(p, cue.idx, outer[1]) for p in ".!?…") if i != -1]
    return bool(ends) and text[min(ends)] == "?"


def _after_source(source: Token) -> list[Token]:
    """``d'après les pompiers, c'est un poêle qui a pris feu``: the rest of the sentence after
    the fronted source and its comma (the parse hangs the source on the clause's verb)."""
    doc = source.doc
    k = source.right_edge.i + 1
    if k >= len(doc) or doc[k].text != ",":
        return []
    return list(doc[k + 1 : source.sent.end])


def _third_party(ctx: QuoteContext, cue: Token) -> Token | None:
    """The word naming who speaks through ``cue`` when it is a third party: the subject of a
    speech verb (a relative ``qui`` gives its antecedent) or the noun after ``selon`` /
    ``d'après``; None for the quote's speaker (``je``, ``nous``, ``on``) or no subject."""
    if cue.lower_ in {"selon", "après"}:
        noun = cue.head if cue.dep_ == "case" else None
        if cue.dep_ == "fixed":  # ``d'après``
            noun = cue.head.head
        if noun is None or noun.i < cue.i or noun.lower_ in _OWN | {"moi", "eux", "lui"}:
            return None
        return noun if noun.pos_ in {"NOUN", "PROPN"} and _speaks(ctx, noun) else None
    if cue.pos_ != "VERB" or cue.lemma_.lower() in _THOUGHT:
        return None
    if not _reports_clause(cue):
        return None
    subject = next(
        (
            c
            for c in cue.children
            if c.dep_ == "nsubj" or (c.dep_ == "expl:subj" and c.lower_ in _THIRD)
        ),
        None,
    )
    if subject is None:
        return None
    if subject.lower_ in _RELATIVE and cue.dep_ == "acl:relcl":
        subject = cue.head  # ``ce sont les voisins qui m'ont prévenu que …``
    if subject.lower_ in _OWN:
        return None
    if subject.lower_ in _THIRD or (subject.pos_ in {"NOUN", "PROPN"} and _speaks(ctx, subject)):
        return subject
    return None


def _speaks(ctx: QuoteContext, noun: Token) -> bool:
    """A name, or a noun that can name a speaker (``les voisins``, not ``les analyses``)."""
    return noun.pos_ == "PROPN" or ctx.can_speak(noun)


def _reports_clause(cue: Token) -> bool:
    """A ``que`` clause, or ``de`` + infinitive after a verb of telling or asking."""
    for child in cue.children:
        marks = {c.lower_ for c in child.children if c.dep_ == "mark"}
        if child.dep_ == "ccomp" and marks & {"que", "qu'"}:
            return True
        if (
            child.dep_ in {"xcomp", "ccomp"}
            and marks & {"de", "d'"}
            and cue.lemma_.lower() in _INFINITIVE_CUES
        ):
            return True
    return False


def _speaker(
    ctx: QuoteContext,
    cue: Token,
    source: Token,
    content: tuple[int, int],
    outer: tuple[int, int],
    outer_speaker: Speaker | None,
    speaker_of: SpeakerOf,
) -> Speaker | None:
    """The speaker as the indirect finder resolves it, except that a third-person pronoun never
    refers to the outer quote's speaker (``« Il m'a dit … »`` is someone else): it then takes the
    person named before the quote, or stays unnamed."""
    speaker = speaker_of(ctx, cue, content)
    own = outer_speaker.entity if outer_speaker is not None else None
    pronoun = source.lower_ in _THIRD
    if speaker is not None and not (own and speaker.entity == own):
        return speaker
    if not pronoun:
        return _unnamed(source)
    plural = source.lower_ in {"ils", "elles"}
    exclude = {own} if own else set()
    entity = ctx.resolve_pronoun(
        outer[0],
        plural=plural,
        exclude=exclude,
        speakers=False,
        gender=None if plural else pronoun_gender(source.lower_),
    )
    if entity is not None:
        return Speaker(entity.id, entity.name, _span(source))
    return Speaker(None, source.text, _span(source))


def _unnamed(source: Token) -> Speaker:
    """An unnamed source: the noun phrase (``les pompiers``, ``mes parents``)."""
    words = [
        t
        for t in source.subtree
        if t.i <= source.i and "case" not in {t.dep_, t.head.dep_} and t.dep_ != "acl:relcl"
    ]
    first = words[0] if words else source
    span = source.doc[first.i : source.i + 1]
    return Speaker(None, span.text, Span(span.text, span.start_char, span.end_char))


def _span(tok: Token) -> Span:
    return Span(tok.text, tok.idx, tok.idx + len(tok.text))
