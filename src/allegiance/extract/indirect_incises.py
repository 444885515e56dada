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
from allegiance.extract.speaker_words import FR_INVERTED, FR_TIME_WORDS, adverbs_before
from allegiance.models import Quote, Speaker

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
        return refs[0].speaker(ctx.text)
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
    k = adverbs_before(doc, k)  # ``a-t-elle encore dit``: adverbs before the verb
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
        # ``…, a-t-il indiqué, « mais pas un dollar … »``: a quote goes on after the incise
        or doc[j].text == ","
        and j + 1 < len(doc)
        and doc[j + 1].text in {"«", "“", '"'}
    )


def _adjunct_tail(tail: list[Token]) -> bool:
    """``a-t-elle déclaré dans une interview accordée à la NZZ.``, ``a-t-il dit mardi.``: after
    the inverted pronoun, only adjuncts (a preposition or a word of time first, no finite verb,
    no ``que``) up to the end of the sentence: the incise still closes it."""
    words = [t for t in tail if not t.is_punct and not t.is_space]
    if not words or not (words[0].pos_ == "ADP" or words[0].lower_ in FR_TIME_WORDS):
        return False
    # ``a-t-elle dit à celui qui était ambassadeur``: a relative clause on the adjunct's noun
    relative = next((k for k, t in enumerate(words) if t.lower_ in _RELATIVES), len(words))
    return not any(
        t.morph.get("VerbForm", []) == ["Fin"] or t.lower_ in {"que", "qu'"}
        for t in words[:relative]
    )


def inverted_clitic(tok: Token) -> bool:
    """An inverted subject pronoun or the euphonic ``-t`` of ``a-t-il``."""
    return tok.lower_ in _PERSONAL or tok.lower_ == "-t"


#: relative pronouns that open a relative clause set off after the cue's adjuncts
_RELATIVES = frozenset(
    {"qui", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles", "auquel"}
    | {"auxquels", "auxquelles", "duquel", "desquels", "desquelles"}
)


def que_past_relative(ctx: QuoteContext, cue: Token) -> Token | None:
    """``Il a déclaré à la chaîne X lundi, à laquelle il a accordé un entretien, qu'il ne
    céderait pas``: a relative clause set between commas after the cue's adjuncts delays its
    ``que`` clause, which the parser then hangs on the relative clause's verb. The ``que`` right
    after the closing comma is the cue's content when the relative clause holds no speech verb
    and nothing but adjuncts (no verb, no comma) stands between the cue and the relative. (The
    parser may also make the relative clause the cue's content: its verb is then skipped.)"""
    doc = cue.doc
    end = min(cue.i + 12, cue.sent.end - 2)
    comma = next((t.i for t in doc[cue.i + 1 : end] if t.is_punct), None)
    if comma is None or doc[comma].text != "," or comma == cue.i + 1:
        return None
    if any(t.pos_ in {"VERB", "AUX"} for t in doc[cue.i + 1 : comma]):
        return None
    close = next((t.i for t in doc[comma + 1 : cue.sent.end] if t.is_punct), None)
    if close is None or doc[close].text != "," or close + 2 >= cue.sent.end:
        return None
    que = doc[close + 1]
    if que.lower_ not in {"que", "qu'"} or que.head.dep_ == "acl:relcl":
        return None  # ``…, qu'il juge excessives``: a relative ``que`` describes a noun
    stretch = doc[comma + 1 : close]
    if not any(t.lower_ in _RELATIVES for t in stretch):
        return None
    if any(is_cue(ctx, t) for t in stretch):
        return None
    inside = {t.i for t in stretch}
    if any(c.dep_ in _CONTENT and c.i not in inside for c in cue.children):
        return None  # the cue has a content of its own
    return que if que.head.i in inside or que.head.head.i in inside else None


#: dependents of a cue that hold its content
_CONTENT = {"ccomp", "parataxis:obj", "xcomp"}


def relative_after_source(cue: Token) -> list[Token] | None:
    """``Le suspect, qui, selon la police, était armé, …``, ``un plan … et qui, selon eux,
    menace l'emploi``: a source set right after the relative pronoun ``qui`` reports the
    relative clause's predicate, from the comma closing the source to the end of the clause; the
    antecedent and the main clause are the author's."""
    doc = cue.doc
    first = cue.i - 1 if cue.lower_ == "après" else cue.i
    if first < 2 or doc[first - 1].text != "," or doc[first - 2].lower_ != "qui":
        return None
    verb = doc[first - 2].head
    if verb.i <= cue.i or not doc[first - 2].dep_.startswith("nsubj"):
        return None
    comma = next((t.i for t in doc[cue.i + 1 : verb.i] if t.text == ","), None)
    if comma is None:
        return None
    # the parser often hangs the clause's objects elsewhere: the clause runs to the next stop
    end = next(
        (t.i for t in doc[comma + 1 : cue.sent.end] if t.text in _CLAUSE_STOPS or t.is_space),
        cue.sent.end,
    )
    toks = list(doc[comma + 1 : end])
    return toks if len(toks) >= 2 else None


#: what ends a relative clause set after its source (a comma closes ``qui, selon X, …,``)
_CLAUSE_STOPS = {",", ".", ";", ":", "!", "?", "«", "»", '"', "“", "”", "("}
