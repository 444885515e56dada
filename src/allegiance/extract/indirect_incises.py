"""French sources set between commas inside the sentence they report.

``Le projet, selon X, est mort.``, ``Le chômage, d'après l'Insee, a reculé.``, ``Les négociations,
estime X, reprendront lundi.``, ``Le projet, a affirmé X, sera abandonné.``: the source (a
``selon``/``d'après`` phrase or a speech verb with its inverted subject) splits the reported
clause after its subject. The parser reads the subject before the incise as the speech verb's
own, or hangs the source on the subject noun, so neither the clause paths nor the speaker paths
of :mod:`allegiance.extract.indirect` see the report. The quote covers the whole sentence, the
incise included (as a direct quote keeps an incise set inside its marks); the speaker is the
source named in the incise.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.attribution import cue_span, is_cue
from allegiance.extract.indirect_sources import LEADING, line_start
from allegiance.extract.report_filters import MARK_TOKENS, fit_to_quoted
from allegiance.extract.speaker_words import FR_INVERTED, FR_TIME_WORDS
from allegiance.models import Quote, Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.quote_context import QuoteContext

#: words that end the reported sentence
_ENDS = {".", "!", "?", ";", ":"}
#: words opening a relative clause or a comparison, not a source (``, selon qui``)
_NOT_SOURCE = {"qui", "que", "qu'", "dont", "lequel", "laquelle", "lesquels", "lesquelles", "les"}
#: the longest subject phrase and incise taken
_MAX_SUBJECT = 10
_MAX_INCISE = 10


def _clitic(tok: Token) -> bool:
    """An inverted subject clitic of a compound tense (``avait-il plaidé``, ``a-t-elle
    ajouté``, ``a-t-on dit``), or its euphonic ``-t``."""
    return tok.lower_ in FR_INVERTED or tok.lower_ == "-t"


def _source_cue(cue: Token) -> bool:
    return cue.lower_ in {"selon", "après"}


def parenthetical_bounds(ctx: QuoteContext, cue: Token) -> tuple[int, int, int, int] | None:
    """``(first, open_comma, close_comma, end)`` token indices when ``cue`` opens a source set
    between commas after the verbless subject phrase ``doc[first:open_comma]`` at the start of
    its sentence, with a clause holding a verb in ``doc[close_comma + 1:end]``; else None."""
    if ctx.lang != "fr":
        return None
    doc = ctx.doc
    k = cue.i - 1
    if cue.lower_ == "après":
        if k < 0 or doc[k].lower_ not in {"d'", "d"}:
            return None
        k -= 1
    elif cue.lower_ != "selon" and (cue.pos_ != "VERB" or "Inf" in cue.morph.get("VerbForm", [])):
        return None
    if (
        cue.pos_ == "VERB"
        and "Part" in cue.morph.get("VerbForm", [])
        and doc[k].pos_ != "AUX"
        and not _clitic(doc[k])
    ):
        return None  # ``X, soutenus par Y, …``: a participle qualifying the subject
    while k >= 0 and (doc[k].pos_ == "AUX" or _clitic(doc[k])) and not _source_cue(cue):
        k -= 1  # ``, a affirmé X,``, ``, avait-il plaidé,``
    if k < 1 or doc[k].text != ",":
        return None
    first = line_start(cue)
    if doc[first].lower_ in LEADING:
        first += 1
    subject = list(doc[first:k])
    if (
        not subject
        or len(subject) > _MAX_SUBJECT
        or subject[0].pos_ not in {"DET", "PROPN", "NOUN"}
    ):
        return None
    if any(t.pos_ in {"VERB", "AUX", "SCONJ"} or t.is_punct or t.is_space for t in subject):
        return None
    stop = min(cue.sent.end, cue.i + _MAX_INCISE + 1)
    close = next((t.i for t in doc[cue.i + 1 : stop] if t.is_punct), None)
    if close is None or doc[close].text != ",":
        return None
    incise = list(doc[cue.i + 1 : close])
    if not incise and any(_clitic(t) for t in doc[k + 1 : cue.i]):
        incise = [t for t in doc[k + 1 : cue.i] if _clitic(t)]  # ``, avait-il plaidé,``
    if not incise or incise[0].lower_ in _NOT_SOURCE or incise[0].pos_ == "ADP":
        return None
    if any(t.pos_ in {"VERB", "AUX"} for t in incise):
        return None
    end = close + 1
    while end < len(doc) and doc[end].text not in _ENDS and "\n" not in doc[end].text:
        if doc[end].text in MARK_TOKENS:
            return None  # marks in the clause: the marked-quote rules decide
        end += 1
    rest = list(doc[close + 1 : end])
    if len(rest) < 2 or not any(t.pos_ in {"VERB", "AUX"} for t in rest):
        return None
    return first, k, close, end


def _incise_speaker(
    ctx: QuoteContext, cue: Token, close: int, exclude: tuple[int, int]
) -> Speaker | None:
    """The source named in the incise: a mention, else the first pronoun or noun that can
    speak (``selon lui``, ``estime-t-il``, ``selon le ministre``)."""
    doc = ctx.doc
    incise = doc[cue.i + 1 : close]
    if not len(incise):  # ``, avait-il plaidé,``: the inverted pronoun before the participle
        k = cue.i - 1
        while k >= 0 and (doc[k].pos_ == "AUX" or _clitic(doc[k])):
            k -= 1
        incise = doc[k + 1 : cue.i]
    start, end = incise.start_char, incise.end_char
    refs = ctx.mentions_in(start, end)
    if refs:
        ref = refs[0]
        span = Span(ctx.text[ref.start : ref.end], ref.start, ref.end)
        return Speaker(ref.entity.id, ref.entity.name, span)
    for tok in incise:
        if tok.lower_ == "-t":
            continue  # the euphonic ``-t-`` of ``a-t-il``
        if tok.pos_ == "PRON" or (tok.pos_ in {"NOUN", "PROPN"} and ctx.can_speak(tok)):
            return ctx.speaker_from_tokens(tok, exclude, any_noun=tok.pos_ != "PRON")
        if tok.pos_ in {"NOUN", "PROPN"}:
            return None  # ``selon les cas``: a noun that does not speak
    return None


def parenthetical_quote(
    ctx: QuoteContext,
    cue: Token,
    taken: list[tuple[int, int]],
    quoted: list[tuple[int, int]],
) -> Quote | None:
    """The indirect quote of a source set between commas inside its sentence (see the module
    docstring), when its speaker is found and it overlaps no quote already taken."""
    if not (_source_cue(cue) or is_cue(ctx, cue)):
        return None
    bounds = parenthetical_bounds(ctx, cue)
    if bounds is None:
        return None
    first, _open, close, end = bounds
    doc = ctx.doc
    rest = (doc[close + 1].idx, doc[end - 1].idx + len(doc[end - 1].text))
    speaker = _incise_speaker(ctx, cue, close, rest)
    if speaker is None:
        return None
    fitted = fit_to_quoted(ctx.text, doc[first].idx, rest[1], quoted)
    if fitted is None:
        return None
    start, stop = fitted
    if any(s < stop and start < e for s, e in taken):
        return None
    conf = 0.6 if speaker.entity else 0.45
    return Quote(ctx.text[start:stop], start, stop, "indirect", cue_span(cue), speaker, [], conf)


#: inverted personal pronouns: an impersonal ``estime-t-on`` is left to the rules for ``on``
_PERSONAL = FR_INVERTED - {"-on", "-t-on"}


def inverted_incise(cue: Token) -> bool:
    """``…, ajoute-t-elle.`` / ``…, a-t-il ajouté.`` read as an adverbial clause of the verb
    before: a speech verb after a comma, with its subject pronoun inverted and nothing after
    it but the sentence end, is an incise whatever the parser calls it (French inverts the
    subject only in questions and incises, and a question has no comma before its verb)."""
    doc = cue.doc
    k = cue.i - 1
    while k >= 0 and (doc[k].pos_ == "AUX" or inverted_clitic(doc[k])):
        k -= 1
    if k < 0 or doc[k].text != ",":
        return False
    if not any(t.lower_ in _PERSONAL for t in doc[k + 1 : min(cue.i + 3, len(doc))]):
        return False
    j = cue.i + 1
    while j < len(doc) and inverted_clitic(doc[j]):
        j += 1
    return (
        j >= len(doc)
        or doc[j].text in {".", "!", ";"}
        or doc[j].is_space
        or _adjunct_tail(list(doc[j : cue.sent.end]))
    )


def _adjunct_tail(tail: list[Token]) -> bool:
    """``a-t-elle déclaré dans une interview accordée à la NZZ.``, ``a-t-il dit mardi.``: after
    the inverted pronoun, only adjuncts (a preposition or a word of time first, no finite verb,
    no ``que``) up to the end of the sentence: the incise still closes it."""
    words = [t for t in tail if not t.is_punct and not t.is_space]
    if not words or not (words[0].pos_ == "ADP" or words[0].lower_ in FR_TIME_WORDS):
        return False
    return not any(
        t.morph.get("VerbForm", []) == ["Fin"] or t.lower_ in {"que", "qu'"} for t in words
    )


def inverted_clitic(tok: Token) -> bool:
    """An inverted subject pronoun or the euphonic ``-t`` of ``a-t-il``."""
    return tok.lower_ in _PERSONAL or tok.lower_ == "-t"
