"""Quotes inside quotes: ``« Nous avons reçu un email qui disait « C'est 6 milliards … » »``.

:func:`allegiance.extract.quote_marks.find_marked_spans` reports only outermost stretches; the
gold guidelines annotate a quote nested in another one too, with its own speaker. A nested
stretch is kept only when the outer quote's own words give it a speech cue and a speaker
(``qui nous disait « … »``, ``Emmanuel Macron se dit “calme et déterminé”``): otherwise marks
inside a quote are the speaker's scare quotes or titles.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from allegiance.extract.attribution import cue_span, is_cue, speaker_of_cue, tokens_between
from allegiance.extract.quote_marks import CLOSERS, OPENERS
from allegiance.models import Quote, QuoteKind, Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.quote_context import QuoteContext

_WORD = re.compile(r"\w+")


def inner_pairs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(open mark, close mark) offsets of the top-level pairs of directed marks (« » “ ”) inside
    the content ``text[start:end]`` of an outer quote."""
    pairs: list[tuple[int, int]] = []
    depth = 0
    open_at = -1
    for i in range(start, end):
        ch = text[i]
        if ch in OPENERS:
            if depth == 0:
                open_at = i
            depth += 1
        elif ch in CLOSERS and depth > 0:
            depth -= 1
            if depth == 0:
                pairs.append((open_at, i))
    return pairs


def nested_quotes(ctx: QuoteContext, start: int, end: int) -> list[tuple[Quote, Token | None]]:
    """The quotes nested in the outer quote whose content is ``[start, end)``."""
    text = ctx.text
    out: list[tuple[Quote, Token | None]] = []
    for open_at, close_at in inner_pairs(text, start, end):
        c_start, c_end = open_at + 1, close_at
        while c_start < c_end and text[c_start].isspace():
            c_start += 1
        while c_end > c_start and text[c_end - 1].isspace():
            c_end -= 1
        if not _WORD.search(text[c_start:c_end]):
            continue
        cue = _cue_before(ctx, start, open_at)
        if cue is None:
            continue  # only a cue of the outer speaker's own words, right before the marks
        speaker = speaker_of_cue(ctx, cue, (open_at, close_at + 1)) or _antecedent(cue)
        if speaker is None:
            continue
        first = text[c_start : c_start + 1]
        kind: QuoteKind = "direct" if first.isupper() else "partial"
        quote = Quote(
            text[c_start:c_end],
            c_start,
            c_end,
            kind,
            cue_span(cue),
            speaker,
            [],
            0.6,
        )
        out.append((quote, cue))
    return out


def _cue_before(ctx: QuoteContext, start: int, open_at: int) -> Token | None:
    """The speech cue closest before the inner opening mark, within 40 characters and inside
    the outer quote (``qui nous disait dans les grandes lignes « … »``)."""
    lo = max(start, open_at - 60)
    toks = [t for t in tokens_between(ctx, lo, open_at) if lo <= t.idx < open_at]
    for tok in reversed(toks):
        if tok.text in {".", "!", "?", "»", "”"}:
            return None
        if is_cue(ctx, tok):
            return tok if open_at - (tok.idx + len(tok.text)) <= 40 else None
    return None


def _antecedent(cue: Token) -> Speaker | None:
    """``un email qui nous disait « … »``: the noun a relative clause's cue hangs from (a
    message, a letter) speaks for its unnamed sender."""
    if cue.dep_ != "acl:relcl" or cue.head.pos_ not in {"NOUN", "PROPN"}:
        return None
    if not any(c.dep_ == "nsubj" and c.lower_ == "qui" for c in cue.children):
        return None
    noun = cue.head
    first = noun.left_edge if noun.left_edge.i >= noun.i - 3 else noun
    words = cue.doc[first.i : noun.i + 1]
    return Speaker(None, words.text, Span(words.text, words.start_char, words.end_char))
