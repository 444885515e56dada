"""Marked words in a headline that echo a quote of the article body.

A headline or a sub-heading shortens the body's quotes into a few marked words with no speech
verb: ``Moscou dénonce des « provocations »`` over ``… a dénoncé des « provocations » de Kiev``,
``Les comptes des hôpitaux « très dégradés »`` over ``se sont « très fortement dégradés »,
selon la Drees``. Alone, so short a fragment reads as a scare quote; echoed by an attributed quote
further down, it is that speaker's partial quote (the way readers annotate headlines).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from allegiance.extract.frames import heading_line, line_bounds
from allegiance.models import Quote, Speaker

if TYPE_CHECKING:
    from allegiance.extract.quote_context import MentionRef, QuoteContext

__all__ = ["MAIN_VOICE_CONFIDENCE", "heading_speakers", "headline_echoes"]

_WORD = re.compile(r"\w+")
#: how far below its heading an echoing quote may start, in characters
_ECHO_REACH = 4000
#: the letters from which a word counts as a content word in a shared run (``aurait``,
#: ``jamais``; not ``il``, ``pas``, ``de``)
_CONTENT_LETTERS = 4


#: the confidence of a heading quote given to the article's main voice (a guess, no mention)
MAIN_VOICE_CONFIDENCE = 0.35

#: an indefinite description of a heading's source: ``Un virologue belge``
_UNNAMED = re.compile(r"(?P<det>(?i:une?))\s+(?P<words>\w[\w'’-]*(?:\s+\w[\w'’-]*){0,3})")
#: the definite articles that take up an indefinite one, by gender (``l'`` for either)
_DEFINITE = {"un": r"[Ll]e\s+|[Ll]['’]\s*", "une": r"[Ll]a\s+|[Ll]['’]\s*"}
_GENDER = {"un": "Masc", "une": "Fem"}


def _named_below(
    ctx: QuoteContext, described: str, after: int, quotes: list[Quote]
) -> MentionRef | None:
    """The person the body names right after the heading's description, made definite
    (``Un virologue belge`` over ``… le virologue belge Jan Peeters estime …``): an article of
    the same gender, a person of that gender, and one the article quotes (a third party
    described with the same words, who says nothing, is not the heading's source)."""
    found = _UNNAMED.fullmatch(described.strip())
    if found is None:
        return None
    det = found.group("det").lower()
    words = found.group("words").split()
    phrase = re.compile(
        r"\b(?:" + _DEFINITE[det] + r")" + r"\s+".join(map(re.escape, words)) + r",?\s+"
    )
    speaking = {q.speaker.entity for q in quotes if q.speaker is not None and q.speaker.entity}
    for match in phrase.finditer(ctx.text, after, after + _ECHO_REACH):
        ref = ctx.mention_at(match.end(), match.end() + 1)
        if ref is None or ref.start != match.end() or ref.entity.type != "person":
            continue
        gender = ctx.gender_of(ref.entity)
        if ref.entity.id in speaking and gender in (None, _GENDER[det]):
            return ref
    return None


def _in_order(words: list[str], within: list[str]) -> bool:
    """Every word of ``words`` found in ``within``, in the same order (words may come between:
    ``très dégradés`` in ``très fortement dégradés``)."""
    it = iter(within)
    return all(any(w == x for x in it) for w in words)


def headline_echoes(
    ctx: QuoteContext, fragments: list[tuple[int, int]], quotes: list[Quote]
) -> list[Quote]:
    """Partial quotes for the marked ``fragments`` (content offsets) that were not judged
    speech: those in a heading line, starting in lowercase (a name in marks is a title, not
    words), whose words a later marked quote with a named speaker repeats in order."""
    text = ctx.text
    echoes: list[Quote] = []
    for start, end in fragments:
        content = text[start:end]
        words = [w.lower() for w in _WORD.findall(content)]
        if not words or not content[:1].islower() or not heading_line(text, start, end):
            continue
        if any(q.start < end and start < q.end for q in quotes):
            continue
        for later in quotes:
            if later.start <= end or later.start - end > _ECHO_REACH:
                continue
            if later.kind == "indirect" or later.speaker is None or later.speaker.entity is None:
                continue
            if _in_order(words, [w.lower() for w in _WORD.findall(later.text)]):
                echoes.append(Quote(content, start, end, "partial", None, later.speaker, [], 0.45))
                break
    return echoes


def _echoes(heading: list[str], later: list[str]) -> bool:
    """The later quote repeats the heading's words in order, or its own words are a run of
    the heading's, three or more and at least half of them (``« On est dans les temps de
    passage »`` over ``était « dans les temps de passage »``), or it holds a run of the
    heading's words, five or more and at least half of them, three of which are no short
    function words (``« Une telle attente serait impossible avec un wattman »`` over ``« Quand
    j'étais wattman, une telle attente serait impossible »``; not a stock
    ``il n'y a pas de``)."""
    if _in_order(heading, later):
        return True
    n = len(later)
    if (
        n >= 3
        and 2 * n >= len(heading)
        and any(heading[i : i + n] == later for i in range(len(heading) - n + 1))
    ):
        return True
    run = max(5, (len(heading) + 1) // 2)
    if len(heading) < run:
        return False
    runs = {tuple(later[j : j + run]) for j in range(len(later) - run + 1)}
    return any(
        tuple(heading[i : i + run]) in runs
        and sum(len(w) >= _CONTENT_LETTERS for w in heading[i : i + run]) >= 3
        for i in range(len(heading) - run + 1)
    )


def heading_speakers(ctx: QuoteContext, quotes: list[Quote], cues: list[object]) -> None:
    """A quote standing as a sub-heading (no cue of its own: ``La sécurité : « On est dans les
    temps … »``) takes the speaker of the attributed quote below that repeats its words, in
    place of the speaker the rules guessed from the quotes before it; not when the heading
    line names its source itself (``Le gouvernement : « … »``), except that a source the
    heading leaves unnamed (``Un virologue belge : « … »``) is the person the body names
    with the same words (``le virologue belge Jan Peeters``)."""
    text = ctx.text
    for quote, cue in zip(quotes, cues, strict=True):
        if cue is not None or quote.kind == "indirect":
            continue
        if not heading_line(text, quote.start, quote.end):
            continue
        line_start, _ = line_bounds(text, quote.start, quote.end)
        mention = quote.speaker.mention if quote.speaker is not None else None
        if mention is not None and line_start <= mention.start < quote.start:
            if quote.speaker is not None and quote.speaker.entity is None:
                named = _named_below(ctx, mention.text, quote.end, quotes)
                quote.speaker = named.speaker(text) if named is not None else quote.speaker
            continue
        words = [w.lower() for w in _WORD.findall(quote.text)]
        # quotes with a cue of their own first: one with none has a guessed speaker
        below = sorted(zip(quotes, cues, strict=True), key=lambda qc: qc[1] is None)
        for later, later_cue in below:
            if later.start <= quote.end or later.start - quote.end > _ECHO_REACH:
                continue
            if later.speaker is None or later.speaker.entity is None:
                continue
            if later_cue is None and heading_line(text, later.start, later.end):
                continue  # another heading: its speaker is a guess too
            if _echoes(words, [w.lower() for w in _WORD.findall(later.text)]):
                quote.speaker = later.speaker
                break
        else:
            if quote.speaker is None and _may_be_voiced(text, quote):
                # nobody before it either: the voice of the article, a guess the confidence
                # says (below a continuation's 0.45); no mention to point at
                quote.speaker = _main_voice(ctx, quotes, cues, quote.end)
                if quote.speaker is not None:
                    quote.confidence = min(quote.confidence, MAIN_VOICE_CONFIDENCE)


def _main_voice(
    ctx: QuoteContext, quotes: list[Quote], cues: list[object], after: int
) -> Speaker | None:
    """The person whose direct quotes the article below ``after`` gives most, by cues of their
    own: at least twice, and more than all the other direct quotes with a cue together (named
    or not, people or bodies). The voice a heading's unsourced quote gives (``Une mairie
    dévastée : « C'est tout un symbole »`` over the mayor's account)."""
    counts: Counter[str] = Counter()
    speakers: dict[str, Speaker] = {}
    others = 0
    for later, cue in zip(quotes, cues, strict=True):
        if later.start <= after or cue is None or later.kind != "direct":
            continue
        speaker = later.speaker
        entity = ctx.entity(speaker.entity) if speaker and speaker.entity else None
        if speaker is None or entity is None or entity.type != "person":
            others += 1
            continue
        counts[entity.id] += 1
        speakers.setdefault(entity.id, speaker)
    ranked = counts.most_common(1)
    if not ranked or ranked[0][1] < 2 or 2 * ranked[0][1] <= sum(counts.values()) + others:
        return None
    best = speakers[ranked[0][0]]
    return Speaker(best.entity, best.name, None)


#: words of a quote that speak of one's own kin: a relative's words, not an official's
_KIN_WORDS = re.compile(
    r"\b(?:mon|ma|mes|notre|nos)\s+(?:fils|fille|filles|père|mère|parents|mari|femme|épouse|"
    r"frère|sœur|enfants?|petits?-enfants|bébé)\b",
    re.IGNORECASE,
)


def _may_be_voiced(text: str, quote: Quote) -> bool:
    """A heading quote the article's main voice may have said: not a question, asked inside the
    marks or right after them (``« Un gâchis » ?``: the paper puts the critics' words to the
    test), not words about one's own kin (a relative's)."""
    after = text[quote.end : quote.end + 6].lstrip(' \u00a0»”"')
    return (
        "?" not in quote.text
        and not after.startswith("?")
        and _KIN_WORDS.search(quote.text) is None
    )
