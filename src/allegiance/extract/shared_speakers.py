"""Speakers shared between quotes, once every quote has its own: a speakerless quote (or one with
a weak guess) takes the speaker of a quote it goes with: :func:`share_repeated_words` (the same
words quoted twice), :func:`share_sentence_speaker` (one sentence), :func:`share_listed_speaker`
(a list of quotes) and :func:`share_heading_speaker` (a sub-heading quote and its section).

Split from :mod:`allegiance.extract.quote_fallbacks`, which finds a quote's own speaker.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from allegiance.extract.frames import line_bounds, line_goes_on
from allegiance.models import Quote, Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.quote_context import QuoteContext

_WORD = re.compile(r"\w+")


def share_repeated_words(quotes: list[Quote]) -> None:
    """The same words quoted twice (a sub-heading ``« Un chantage permanent »`` and the body's
    ``a dénoncé « un chantage permanent »``) are one speaker's: a copy without a speaker takes
    the speaker of the other."""
    by_words: dict[str, Quote] = {}
    for quote in quotes:
        if quote.speaker is not None:
            by_words.setdefault(_same_words(quote.text), quote)
    for quote in quotes:
        if quote.speaker is None:
            words = _same_words(quote.text)
            other = by_words.get(words)
            if other is None and len(_WORD.findall(quote.text)) >= _SHORTENED_MIN:
                # a headline shortens the body's quote: ``« on a creusé avec nos mains »`` out
                # of ``« … Alors on a creusé avec nos mains, les voisins … »``; one source only
                holders = {
                    q.speaker.entity
                    for w, q in by_words.items()
                    if f" {words} " in f" {w} " and q.speaker is not None
                }
                if len(holders) == 1:
                    other = next(q for w, q in by_words.items() if f" {words} " in f" {w} ")
            if other is not None and len(_WORD.findall(quote.text)) >= 2:
                quote.speaker, quote.confidence = other.speaker, 0.5


#: the fewest words a quote repeated as part of a longer one must have (``« Trop c'est trop »``
#: is anyone's; ``« on a creusé avec nos mains »`` is one witness's)
_SHORTENED_MIN = 4


def share_role_mention(quotes: list[Quote], ctx: QuoteContext | None = None) -> None:
    """``Pour le ministre de l'Intérieur, « … »`` resolved to the minister named earlier, then
    ``« … », assène enfin le ministre de l'Intérieur`` left unresolved: one description names one
    actor within an article, so a speaker mention without an actor takes the actor another
    quote's identical mention was resolved to, when only one actor was. A mention that is the
    role noun alone (``cheffe``) is read with its words in the text (``la cheffe de file du
    RN``) when ``ctx`` is given; the lede's quote may come before the naming one."""
    resolved: dict[str, dict[str, Speaker]] = {}  # description -> actor id -> its speaker
    for quote in quotes:
        spk = quote.speaker
        if spk is not None and spk.entity is not None and spk.mention is not None:
            key = _mention_key(spk.mention, ctx)
            if key is not None:
                resolved.setdefault(key, {}).setdefault(spk.entity, spk)
    for quote in quotes:
        spk = quote.speaker
        if spk is None or spk.entity is not None or spk.mention is None:
            continue
        key = _mention_key(spk.mention, ctx)
        actors = resolved.get(key, {}) if key is not None else {}
        if len(actors) == 1:
            (source,) = actors.values()
            quote.speaker = Speaker(source.entity, source.name, spk.mention)


def _mention_key(mention: Span, ctx: QuoteContext | None) -> str | None:
    """The description key of a speaker mention: its role noun read with its determiner,
    adjectives and ``de`` complements in the text (the mention may be the noun alone,
    ``cheffe``, or run on past them, ``… du RN aux médias dimanche``)."""
    tok = ctx.token_at(mention.start) if ctx is not None else None
    if tok is not None and tok.pos_ == "DET":
        tok = tok.head  # ``la cheffe de file du RN aux médias dimanche``: its noun
    if tok is not None and tok.pos_ == "NOUN" and mention.start <= tok.idx < mention.end:
        if _dated(tok):
            return None  # ``le ministre de l'Intérieur à l'époque``: the holder of another time
        return _role_key(_description_words(tok))
    return _role_key(mention.text)


_YEAR = re.compile(r"^(?:19|20)\d\d$")


def _dated(head: Token) -> bool:
    """A time said right after the description (``à l'époque``, ``d'alors``, ``en 2015``)."""
    doc = head.doc
    end = min(head.sent.end, head.i + 9)
    for k in range(head.i + 1, end):
        low = doc[k].lower_
        if low == "époque":
            return True
        if low == "alors" and (k + 1 >= end or doc[k + 1].lower_ not in {"que", "qu'"}):
            return True  # ``d'alors``, not ``alors que``
        if _YEAR.match(doc[k].text) and doc[k - 1].lower_ == "en":
            # ``en 2015``, not ``élu en 2023`` (when the holder took office)
            return k < 2 or doc[k - 2].lower_ not in _TOOK_OFFICE
    return False


#: words before ``en <year>`` that date the holder's start, not the description
_TOOK_OFFICE = frozenset({"élu", "élue", "nommé", "nommée", "réélu", "réélue", "depuis"})


#: the links of a role's complements (``la cheffe de file du RN``); ``aux médias`` or ``à
#: Hénin-Beaumont`` say where it was said, not who
_GENITIVE = frozenset({"de", "du", "des", "d'", "d’"})


def _description_words(head: Token) -> str:
    """The words of the description ``head`` is the noun of, in text order: its determiner and
    adjectives before it, its adjectives and ``de`` complements after it, up to the first
    other dependent."""
    keep = [c for c in head.children if c.i < head.i and c.dep_ in {"det", "amod"}]
    keep.append(head)
    for child in (c for c in head.children if c.i > head.i):
        if child.is_punct:
            break
        genitive = child.dep_ == "nmod" and any(
            c.dep_ == "case" and c.lower_ in _GENITIVE for c in child.children
        )
        if child.dep_ != "amod" and not genitive:
            break
        keep += list(child.subtree)
    keep.sort(key=lambda t: t.i)
    return " ".join(t.text for t in keep)


#: a definite description: ``le ministre de l'Intérieur``, ``la présidente du RN``
_DEFINITE = re.compile(r"^(?:(?:le|la)\s+|l['’]\s*)(\S.*)$", re.IGNORECASE)


def _role_key(mention: str) -> str | None:
    """The words of a definite singular description of two words or more, else None: a
    pronoun, a name, a plural, ``l'un des …`` or a bare ``le ministre`` may mean anyone."""
    m = _DEFINITE.match(mention.strip())
    if m is None or len(m.group(1).split()) < 2:
        return None
    rest = m.group(1)
    if rest.split()[0].lower() in {"un", "une"}:
        return None
    return _same_words(rest)


def _same_words(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def share_sentence_speaker(ctx: QuoteContext, quotes: list[Quote]) -> None:
    """``Et ce, « malgré … » dû à « … », explique X``: quotes of one sentence with a single
    attributed speaker all belong to it (the cue only reaches the nearest one)."""
    by_sent: dict[int, list[Quote]] = {}
    bounds: dict[int, tuple[int, int]] = {}
    for quote in quotes:
        tok = ctx.token_at(quote.start)
        if tok is not None:
            by_sent.setdefault(tok.sent.start, []).append(quote)
            bounds[tok.sent.start] = (tok.sent.start_char, tok.sent.end_char)
    for key, group in by_sent.items():
        ids = {q.speaker.entity for q in group if q.speaker is not None and q.speaker.entity}
        if len(ids) != 1:
            continue
        lo, hi = bounds[key]
        source = next(q for q in group if q.speaker is not None and q.speaker.entity in ids)
        last = max(q.end for q in group)
        closing = [q.cue.start for q in group if q.cue is not None and q.cue.start >= last]
        spoken_last = any(q.end == last and q.speaker and q.speaker.entity in ids for q in group)
        if closing and spoken_last:
            hi = closing[0]  # the closing incise's own words: ``le chef de la CGT X, sur RTL``
        others = [
            r
            for r in ctx.mentions_in(lo, hi)
            if r.entity.id not in ids
            and r.entity.type in {"person", "organization"}
            and not any(q.start <= r.start < q.end for q in group)
        ]
        if others:  # ``X analyse « … » : « … » selon Y``: two actors, two owners
            continue
        for quote in group:
            # ``Les géants d'internet « … » et sont « … », a-t-il insisté``: the closing incise
            # speaks for the sentence's fragments, not its subject guessed for want of a cue
            guessed = (
                quote.speaker is not None
                and quote.speaker.entity is None
                and quote.cue is None
                and quote.confidence <= 0.5
                and bool(closing)
                and spoken_last
            )
            if quote.speaker is None or guessed:
                quote.speaker = source.speaker
                quote.confidence = min(source.confidence, 0.55)


#: what may separate two quotes listed one after the other (``« … », « … » et « … »``)
_LIST_GAP = re.compile(r"[\s»”\"“«,;]*(?:(?:et|ou|and|or)[\s»”\"“«]*)?")


def share_listed_speaker(ctx: QuoteContext, quotes: list[Quote]) -> None:
    """Quotes listed with only commas or ``et`` between them are one speaker's words: ``« une
    voix en mini-jupe », « intime et rieuse » selon X`` gives X both."""
    for a, b in zip(quotes, quotes[1:], strict=False):
        if a.speaker is None and b.speaker is None:
            continue
        weak = _weak_guess(a, b) or _weak_guess(b, a)
        if (a.speaker is None) == (b.speaker is None) and not weak:
            continue
        gap = _LIST_GAP.fullmatch(ctx.text, a.end, b.start)
        if gap is None or "\n" in ctx.text[a.end : b.start]:
            continue
        if weak:
            source, target = (b, a) if _weak_guess(a, b) else (a, b)
        else:
            source, target = (b, a) if a.speaker is None else (a, b)
        target.speaker = source.speaker
        target.confidence = min(source.confidence, 0.55)


#: how far below a sub-heading quote the section's first attributed quote may start
_SECTION_REACH = 700


def share_heading_speaker(ctx: QuoteContext, quotes: list[Quote]) -> None:
    """A quote set on a line of its own (a sub-heading, ``« J'ai entendu un boum »``) with no
    speaker quotes the section below it: it takes the speaker of that section's first quote,
    when one starts in the next paragraph or the one after, before another heading."""
    text = ctx.text
    for k, quote in enumerate(quotes):
        if quote.speaker is not None or quote.kind != "direct":
            continue
        line_start, line_end = line_bounds(text, quote.start, quote.end)
        before = text[line_start : quote.start].strip(' \t-–—«»“”"')
        after = text[quote.end : line_end].strip(' \t-–—«»“”"')
        # a heading on its own line, or run in: ``« Tellement de choses à dire ». En larmes, …``
        run_in = not before and after.startswith(".") and len(after) > 1
        if not run_in and (before or after or line_end == len(text)):
            continue
        if line_goes_on(text, line_start, line_end):
            continue  # a fragment the scraper set on a line of its own, mid-sentence
        for later in quotes[k + 1 :]:
            if later.start - quote.end > _SECTION_REACH:
                break
            if later.speaker is not None and later.speaker.entity is not None:
                quote.speaker, quote.confidence = later.speaker, 0.45
                break


def _weak_guess(target: Quote, source: Quote) -> bool:
    """``target``'s speaker is a fallback guess (no cue) where ``source``'s was found by a cue
    or a frame: in a list of quotes the sourced one tells whose they all are."""
    return (
        target.speaker is not None
        and source.speaker is not None
        and target.cue is None
        and target.confidence < 0.7
        and source.confidence >= 0.85
    )
