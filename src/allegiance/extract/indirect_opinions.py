"""French opinions set at the head of a sentence: ``Pour Jeanne Dupont, …``, ``Pour lui, …``.

No speech verb: the clause after the comma (and after any verbless apposition of the
person) is the opinion of the person or body the sentence opens on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.attribution import cue_span
from allegiance.extract.indirect_sources import LEADING
from allegiance.extract.quote_context import QuoteContext
from allegiance.extract.report_filters import contiguous
from allegiance.models import Quote, Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SENTENCE_END = {".", "!", "?", "«", ";"}


def _opens_sentence(tok: Token) -> bool:
    """First word of its sentence, or of a paragraph or a sentence the parser ran together
    with the previous one (after ``.``, ``»``, a line break), ``Et``/``Mais`` aside."""
    doc = tok.doc
    k = tok.i - 1
    while k >= 0 and doc[k].lower_ in LEADING:
        k -= 1
    if k < 0 or doc[k + 1].is_sent_start:
        return True
    prev = doc[k]
    return prev.text in {".", "!", "?", "»", "”", '"'} or (prev.is_space and "\n" in prev.text)


def _sentence_stop(doc: Doc, k: int) -> int:
    """Index of the token ending the sentence begun at ``k`` (sentence parse or punctuation)."""
    end = doc[k].sent.end
    for tok in doc[k + 1 : end]:
        if tok.text in _SENTENCE_END or (tok.is_space and "\n" in tok.text):
            return tok.i
    return end


#: ``Pour X, …``: the opinion of X, when X is someone (not ``pour la première fois``)
_OPINION_PREPS = {"pour"}


def opinion_quotes(ctx: QuoteContext, taken: list[tuple[int, int]]) -> list[tuple[Quote, Token]]:
    """``Pour Jeanne Dupont, directrice de X, les choix relèvent de …``, ``Pour lui, …``: the
    clause after the comma is the opinion of the person (or body) the sentence opens on."""
    doc = ctx.doc
    out: list[tuple[Quote, Token]] = []
    for prep in doc:
        if prep.lower_ not in _OPINION_PREPS or not _opens_sentence(prep):
            continue
        k = prep.i
        stop = _sentence_stop(doc, k)
        if stop - k < 5:
            continue
        if stop < len(doc) and doc[stop].text == "«":
            continue  # ``Pour X, … une « vraie connaissance »``: only the marked words count
        noun = prep.head if prep.dep_ == "case" and prep.head.i > prep.i else doc[k + 1]
        if noun.i > k + 5:
            continue
        comma = next((t.i for t in doc[k + 1 : min(k + 8, stop)] if t.text == ","), None)
        if comma is None:
            continue
        if noun.pos_ == "PRON":
            if noun.lower_ not in {"lui", "elle", "eux", "elles"}:
                continue
        elif noun.pos_ not in {"PROPN", "NOUN"} or not ctx.can_speak(noun):
            continue
        sent_end = stop
        # an apposition after the name (``, directrice de la rédaction,``): skip it
        start_i = comma + 1
        for _ in range(3):  # ``, sociologue, auteur de X, …``: verbless appositions
            nxt = next(
                (t.i for t in doc[start_i : min(start_i + 16, sent_end)] if t.text == ","), None
            )
            if nxt is None or any(t.pos_ in {"VERB", "AUX"} for t in doc[start_i:nxt]):
                break
            start_i = nxt + 1
        content = contiguous(list(doc[start_i:sent_end]))
        if content is None or len(content) < 4:
            continue
        if not any(t.pos_ in {"VERB", "AUX"} for t in content):
            continue
        start, end = content[0].idx, content[-1].idx + len(content[-1].text)
        if any(s < end and start < e for s, e in taken):
            continue
        speaker = ctx.speaker_from_tokens(noun, (start, end))
        if speaker is None and noun.pos_ == "PRON":  # ``Pour eux, …`` with no clear antecedent
            speaker = Speaker(None, noun.text, Span(noun.text, noun.idx, noun.idx + len(noun.text)))
        if speaker is None:
            continue
        if speaker.entity is not None:
            ent = ctx.entity(speaker.entity)
            if ent is None or ent.type not in {"person", "organization"}:
                continue
        quote = Quote(
            ctx.text[start:end],
            start,
            end,
            "indirect",
            cue_span(prep),
            speaker,
            [],
            0.5 if speaker.entity else 0.4,
        )
        taken.append((start, end))
        out.append((quote, prep))
    return out
