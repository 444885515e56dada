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
    if pairs:
        return pairs
    # typewriter marks inside guillemets (``« … crier : "Va-t'en !" … »``): an outer quote that
    # holds straight double marks was not opened by one, so they pair up in order
    straight = [i for i in range(start, end) if text[i] == '"']
    if len(straight) >= 2 and len(straight) % 2 == 0:
        pairs = list(zip(straight[::2], straight[1::2], strict=True))
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
        if _names_after_noun(ctx, cue, open_at, text[c_start:c_end]):
            continue
        speaker = (
            _perceived(cue) or speaker_of_cue(ctx, cue, (open_at, close_at + 1)) or _antecedent(cue)
        )
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


def _names_after_noun(ctx: QuoteContext, cue: Token, open_at: int, content: str) -> bool:
    """``les faits évoqués par le quotidien « Libération »``: capitalised words in marks after a
    noun that follows the cue name that noun's referent (a newspaper, a book), while speech
    follows its verb at once or after a colon (``crier : « Va-t'en ! »``)."""
    words = _WORD.findall(content)
    if not words or len(words) > 4 or not all(w[:1].isupper() for w in words):
        return False
    gap = [t for t in tokens_between(ctx, cue.idx + len(cue.text), open_at) if t.idx < open_at]
    return any(t.pos_ in {"NOUN", "PROPN"} for t in gap)


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


#: verbs of perception whose object an infinitive speech verb follows: ``j'ai entendu la
#: voisine crier « … »``, ``on l'a vu lancer « … »``
_PERCEPTION = frozenset({"entendre", "écouter", "voir"})


def _perceived(cue: Token) -> Speaker | None:
    """``elle a entendu la mère crier « … »``: the object of a verb of perception is the
    subject of the infinitive speech verb after it; the parser hangs the infinitive on the verb
    (``xcomp``) or on the noun itself (``amod``, ``acl``)."""
    if "Inf" not in cue.morph.get("VerbForm", []):
        return None
    if cue.dep_ in {"amod", "acl"} and cue.head.dep_ == "obj" and cue.head.i < cue.i:
        noun, verb = cue.head, cue.head.head
    elif cue.dep_ == "xcomp":
        verb = cue.head
        noun = next((c for c in verb.children if c.dep_ == "obj" and c.i < cue.i), verb)
    else:
        return None
    if verb.lemma_.lower() not in _PERCEPTION or noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    first = noun.left_edge if noun.left_edge.i >= noun.i - 3 else noun
    words = cue.doc[first.i : noun.i + 1]
    return Speaker(None, words.text, Span(words.text, words.start_char, words.end_char))


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
