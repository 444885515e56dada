"""Who said what about whom: quotes, their speakers, their targets and the speaker's stance.

:func:`find_quotes` is the public entry point. The work is split by question:

* :mod:`allegiance.extract.quote_marks` — where are the quotation marks (broken pairs included);
* :mod:`allegiance.extract.attribution` — which cue and which speaker;
* :mod:`allegiance.extract.indirect` — reported speech without marks;
* :mod:`allegiance.extract.stance` — targets and stance.

This module decides which marked stretches are quotes at all (not scare quotes, titles or names),
whether a quote is direct or partial, and carries speakers over to continuation quotes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from allegiance.extract.attribution import (
    NAMING,
    NOT_SPEECH_BEFORE,
    Attribution,
    attribute_marked,
    frame,
    is_cue,
    sentence_subject,
    speaker_of_cue,
    tokens_between,
)
from allegiance.extract.frames import kept_silent, lemma_guesses
from allegiance.extract.indirect import find_indirect
from allegiance.extract.interviews import (
    dialogue_turns,
    embedded_posts,
    interviewee,
    opens_article,
)
from allegiance.extract.nested_quotes import nested_quotes
from allegiance.extract.quote_context import (
    PRONOUNS_PL,
    PRONOUNS_SG,
    SECOND_PERSON,
    QuoteContext,
)
from allegiance.extract.quote_marks import MarkedSpan, find_marked_spans, join_continued
from allegiance.extract.scare_quotes import judge_marked, naming_agent
from allegiance.extract.stance import targets
from allegiance.models import Entity, Quote, QuoteKind, Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

__all__ = ["find_quotes"]

_WORD = re.compile(r"\w+")
_EDGE = " \t\n'\",;:«»“”"


def find_quotes(doc: Doc, entities: list[Entity], lang: str) -> list[Quote]:
    """Every quote of the article ``doc`` (a Doc of ``normalize_for_nlp(body)``), in text order.

    ``entities`` are the article's resolved actors; speakers and targets are their ids. Offsets are
    body offsets of the quote's content (quotation marks excluded).
    """
    ctx = QuoteContext(doc, entities, lang)
    text = doc.text
    found: list[tuple[Quote, Token | None]] = []
    used_cues: set[int] = set()
    previous: Quote | None = None
    marked_ranges: list[tuple[int, int]] = []
    spans = find_marked_spans(text, single_quotes=(lang == "en"))
    if lang == "fr":  # the French gold counts a quote over paragraphs once
        spans = join_continued(spans)
    for ms in spans:
        if ms.orphan:
            ms = _narrow_orphan(ctx, ms)
        start, end = _trim(text, ms.start, ms.end)
        if end - start < 1:
            continue
        open_at = ms.open_mark if ms.open_mark is not None else start
        close_at = ms.close_mark if ms.close_mark is not None else end
        label = _SPEAKER_LABEL.match(text, start, end)
        if label is not None:  # a transcript turn: ``"SMITH: Well, …``
            start = label.end()
            turn = _label_speaker(ctx, label.start(1), label.end(1))
            quote = Quote(text[start:end], start, end, "direct", None, turn, [], 0.75)
            ctx.speakers_seen.append((start, turn))
            marked_ranges.append((open_at, close_at + 1))
            found.append((quote, None))
            previous = quote
            continue
        attribution = attribute_marked(ctx, open_at, close_at, (start, end))
        if not _is_speech(ctx, ms, start, end, attribution):
            continue
        if ctx.lang == "fr" and attribution.speaker is None and _asks_addressee(ctx, start, end):
            continue  # the interviewer's question, not the interviewee's words
        kind = _kind(ctx, open_at, close_at, start, end, attribution)
        speaker, confidence = attribution.speaker, attribution.confidence
        if speaker is None:
            speaker, confidence = _inner_incise(ctx, start, end)
        if speaker is None and attribution.cue is not None:
            speaker, confidence = _subjectless_cue(ctx, previous, attribution.cue, open_at)
        if speaker is None:
            speaker, confidence = _fallback_speaker(ctx, previous, ms, start, end, kind)
        if speaker is None and opens_article(ctx, open_at):
            asked = interviewee(ctx)  # an interview's title quotes the interviewee
            if asked is not None:
                speaker, confidence = Speaker(asked.id, asked.name, None), 0.5
        quote = Quote(
            text[start:end], start, end, kind, attribution.cue_span, speaker, [], confidence
        )
        if ms.orphan or ms.unclosed:
            quote.confidence = round(quote.confidence * 0.85, 3)
        if attribution.cue is not None:
            used_cues.add(attribution.cue.i)
        if attribution.passed_selon is not None:  # ``… d'« absurde » mardi, selon Le Monde``
            used_cues.add(attribution.passed_selon.i)
        if speaker is not None:
            ctx.speakers_seen.append((start, speaker))
        marked_ranges.append((open_at, close_at + 1))
        found.append((quote, attribution.cue))
        if ctx.lang == "fr":
            found += nested_quotes(ctx, ms.start, ms.end)  # a quote inside the quote
        previous = quote
    for post in embedded_posts(ctx, marked_ranges):
        marked_ranges.append((post.start, post.end))
        found.append((post, None))
    if ctx.lang == "fr":
        for spoken in dialogue_turns(ctx, marked_ranges):
            marked_ranges.append((spoken.start, spoken.end))
            found.append((spoken, None))
    _share_repeated_words([q for q, _ in found])
    _share_sentence_speaker(ctx, [q for q, _ in found])
    _share_listed_speaker(ctx, [q for q, _ in found])
    found += [
        (q, c)
        for q, c in find_indirect(ctx, marked_ranges, used_cues)
        if _reported_clause(ctx, q) and not _speaker_inside(q, marked_ranges)
    ]
    found.sort(key=lambda qc: qc[0].start)
    for quote, cue in found:
        quote.about = targets(ctx, quote, cue)
    return [q for q, _ in found]


#: words opening a French or English question
_INTERROGATIVE = re.compile(
    r"(est-ce|pourquoi|comment|quel(?:le)?s?|que pensez|qu'est-ce|why|how|what|do you|did you|"
    r"are you|is it)\b",
    re.IGNORECASE,
)


def _asks_addressee(ctx: QuoteContext, start: int, end: int) -> bool:
    """A question put to someone (``Pourquoi avez-vous …?``, ``… selon vous ?``): a marked span
    that asks (ends with ``?`` or opens with an interrogative) and addresses ``vous``/``you``."""
    content = ctx.text[start:end]
    # only the first sentence counts: ``« En télé, vous allez interroger quelqu'un … Dans quel
    # contexte ? »`` is an answer that goes on with rhetorical questions
    first = _FIRST_SENTENCE.match(content)
    opening = first.group() if first is not None else content
    asks = opening.rstrip(' .»"”').endswith("?") or _INTERROGATIVE.match(content) is not None
    if not asks:
        return False
    words = {w.lower().lstrip("-") for w in _WORD_DASH.findall(content)}
    return bool(words & SECOND_PERSON[ctx.lang])


_WORD_DASH = re.compile(r"-?\w+")
_FIRST_SENTENCE = re.compile(r".*?[.!?…](?=\s|$)", re.DOTALL)


def _reported_clause(ctx: QuoteContext, quote: Quote) -> bool:
    """French reported speech says something: its content holds a finite verb or an infinitive
    (a request), not a bare noun phrase ("annonçant le soi-disant projet X" reports nothing).
    English keeps noun-phrase contents ("criticized the plan"), as attribution corpora count them."""
    if ctx.lang != "fr":
        return True
    span = ctx.doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return True
    return any(
        t.pos_ in {"VERB", "AUX"}
        and (
            bool({"Fin", "Inf"} & set(t.morph.get("VerbForm", [])))
            # ``que l'eau fait l'objet de …``: a form read as a participle but with a subject
            # of its own inside the content is a finite verb
            or any(c.dep_ == "nsubj" and c.i in range(span.start, span.end) for c in t.children)
        )
        for t in span
    )


def _speaker_inside(quote: Quote, marked: list[tuple[int, int]]) -> bool:
    """A speaker named inside someone else's quotation marks ("ce que j'ai lu") is not the
    speaker of reported speech outside them."""
    mention = quote.speaker.mention if quote.speaker is not None else None
    if mention is None:
        return False
    inside = any(a <= mention.start and mention.end <= b for a, b in marked)
    return inside and not any(a <= quote.start and quote.end <= b for a, b in marked)


#: a speaker's name in capitals and a colon opening a quoted turn of a transcript or interview
_SPEAKER_LABEL = re.compile(r"((?:[A-ZÀ-Ý][A-ZÀ-Ý.'-]+ ){0,2}[A-ZÀ-Ý][A-ZÀ-Ý'-]+)\s?:\s+")


def _label_speaker(ctx: QuoteContext, start: int, end: int) -> Speaker:
    """The actor a transcript label names (``PENCE`` -> Mike Pence when the article names him)."""
    ref = ctx.mention_at(start, end)
    if ref is not None:
        return Speaker(ref.entity.id, ref.entity.name, Span(ctx.text[start:end], start, end))
    label = ctx.text[start:end]
    for entity in ctx.entities:
        if entity.type == "person" and entity.name.split()[-1].upper() == label:
            return Speaker(entity.id, entity.name, Span(label, start, end))
    return Speaker(None, label, Span(label, start, end))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in ' \t\n"«»“”':
        end -= 1
    return start, end


def _narrow_orphan(ctx: QuoteContext, ms: MarkedSpan) -> MarkedSpan:
    """A closing mark with no opening: start after the last cue before it (``a qualifié de``)."""
    toks = [t for t in tokens_between(ctx, ms.start, ms.end) if t.idx < ms.end]
    for k in range(len(toks) - 1, -1, -1):
        tok = toks[k]
        if is_cue(ctx, tok) and tok.pos_ == "VERB":
            nxt = k + 1
            while nxt < len(toks) and toks[nxt].text in {":", ","}:
                nxt += 1
            if ctx.lang == "en" and nxt < len(toks) and toks[nxt].lower_ in {"that", "as"}:
                nxt += 1
            if nxt < len(toks):
                return MarkedSpan(toks[nxt].idx, ms.end, None, ms.close_mark, orphan=True)
            break
    return ms


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _whole_word(text: str, at: int) -> bool:
    """Whether a word matched at ``at`` starts a word (``book`` in ``sa page Facebook :`` does
    not name a book)."""
    return at == 0 or not text[at - 1].isalnum()


def _is_speech(
    ctx: QuoteContext, ms: MarkedSpan, start: int, end: int, attribution: Attribution
) -> bool:
    """Reject scare quotes, titles and names: short, uncued, or introduced as a name."""
    text = ctx.text
    content = text[start:end]
    words = _words(content)
    if words == 0:
        return False
    before = text[max(0, (ms.open_mark or start) - 40) : ms.open_mark or start]
    naming_word = NOT_SPEECH_BEFORE.search(before)
    if naming_word is not None and _whole_word(before, naming_word.start()):
        return False
    verdict = judge_marked(ctx, ms, start, end, attribution)  # French scare quotes, titles
    if verdict is not None:
        return verdict
    cue = attribution.cue
    naming = cue is not None and cue.lemma_.lower() in NAMING[ctx.lang]
    if words <= 3:
        if naming and (ms.open_mark or start) - cue.idx < 40:  # type: ignore[union-attr]
            return True
        if attribution.speaker is None or cue is None:
            return False
        # a short quote sharing its sentence with a longer one is a label, not the speech
        f_start, f_end = frame(ctx, ms.open_mark or start, ms.close_mark or end)
        others = [s for s in find_marked_spans(text[f_start:f_end]) if s.end - s.start > 1]
        if len(others) > 1:
            return False
        return not (words == 1 and content[:1].isupper())
    if attribution.speaker is None and cue is None and words <= 6:
        tokens = content.split()
        if all(w[:1].isupper() for w in tokens if w[:1].isalpha()):
            return False  # a title or a name
    return True


def _kind(
    ctx: QuoteContext,
    open_at: int,
    close_at: int,
    start: int,
    end: int,
    attribution: Attribution,
) -> QuoteKind:
    """``direct`` for a whole utterance, ``partial`` for a fragment inside the author's words."""
    text = ctx.text
    f_start, _ = frame(ctx, open_at, close_at)
    lead = text[f_start:open_at].strip()
    first = text[start : start + 1]
    starts_upper = first.isupper() or first in "[(" or first.isdigit()
    if not lead:
        return "direct"
    if lead.endswith(":") and starts_upper:
        return "direct"
    cue = attribution.cue
    if starts_upper and cue is not None and cue.idx < open_at:
        tail = text[cue.idx + len(cue.text) : open_at]
        if _words(tail) <= 4 and cue.lemma_.lower() not in NAMING[ctx.lang]:
            return "direct"
    if starts_upper and _words(lead) <= 3 and lead.endswith(","):
        return "direct"
    return "partial"


def _fallback_speaker(
    ctx: QuoteContext,
    previous: Quote | None,
    ms: MarkedSpan,
    start: int,
    end: int,
    kind: QuoteKind,
) -> tuple[Speaker | None, float]:
    """No cue in the sentence: continue the previous speaker, or the subject of the sentence."""
    text = ctx.text
    open_at = ms.open_mark if ms.open_mark is not None else start
    intro = _colon_intro(ctx, open_at, end)
    if intro is not None:
        return intro, 0.65
    after = _source_after(ctx, ms, start, end)
    if after is not None:
        return after, 0.6
    if kind == "direct":
        reported = _previous_sentence_cue(ctx, open_at, end)
        if reported is not None:
            return reported, 0.6
    if previous is not None and previous.speaker is not None:
        gap = text[previous.end : open_at]
        if ms.continued or (gap.count("\n\n") <= 1 and len(gap) < 400 and kind == "direct"):
            if not ms.continued:
                newcomer = _newcomer(ctx, previous, open_at)
                if newcomer is not None:  # ``Un constat que partage X. « … »``
                    return newcomer, 0.55
            return previous.speaker, 0.6
    if kind == "direct":
        introduced = _introduced_speaker(ctx, previous, open_at, end)
        if introduced is not None:
            return introduced, 0.5
    if kind == "partial":
        toks = tokens_between(ctx, start, end)
        if toks:
            speaker = sentence_subject(ctx, toks[0], (start, end))
            if speaker is not None:
                return speaker, 0.5
        if previous is not None and previous.speaker is not None:
            # ``« … », dit X. Mais « loin de … », il faut « … »``: fragments right after a
            # quote, in the same paragraph with no other actor named between, go on with it
            gap = text[previous.end : open_at]
            if "\n" not in gap and len(gap) < 200 and not _other_actor(ctx, previous, open_at):
                return previous.speaker, 0.45
    return None, 0.3


def _newcomer(ctx: QuoteContext, previous: Quote, pos: int) -> Speaker | None:
    """The latest person other than ``previous``'s speaker who is the subject of a clause in
    the author's words between that quote and ``pos``: a quote after it is theirs."""
    same = previous.speaker.entity if previous.speaker is not None else None
    text = ctx.text
    for ref in reversed(ctx.mentions_in(previous.end, pos)):
        if ref.entity.type != "person" or ref.entity.id == same:
            continue
        before = text[previous.end : ref.start]
        if before.count("«") + before.count("“") > before.count("»") + before.count("”"):
            continue  # named inside a quotation
        toks = tokens_between(ctx, ref.start, ref.end)
        subj = next((t for t in toks if t.dep_ in {"nsubj", "nsubj:pass"}), None)
        if subj is not None and _speaks_up(ctx, subj.head, pos):
            span = Span(text[ref.start : ref.end], ref.start, ref.end)
            return Speaker(ref.entity.id, ref.entity.name, span)
    return None


#: verbs (and ``être d'accord``) of sharing a view (``Un constat que partage X. « … »``,
#: ``… avec lequel X est en accord``), beside the speech and stance lexicons
_SHARING = frozenset({"partager", "abonder", "souscrire", "accord", "share", "echo", "agree"})


def _speaks_up(ctx: QuoteContext, verb: Token, pos: int) -> bool:
    """Whether a newcomer's clause hands them the next quote: a speech or stance verb they did
    not decline (``X a refusé de commenter. « … »`` is someone else's), or a colon before it."""
    if ctx.text[:pos].rstrip().endswith(":"):
        return True
    if kept_silent(verb):
        return False
    forms = {verb.lemma_.lower(), *lemma_guesses(verb.lower_)}
    return (
        is_cue(ctx, verb)
        or bool(forms & _SHARING)
        or any(f in ctx.stance.words or f in ctx.stance.attitude for f in forms)
    )


def _other_actor(ctx: QuoteContext, previous: Quote, pos: int) -> bool:
    """Whether an actor other than ``previous``'s speaker is named between it and ``pos``."""
    same = previous.speaker.entity if previous.speaker is not None else None
    return any(
        r.entity.id != same and r.entity.type in {"person", "organization"}
        for r in ctx.mentions_in(previous.end, pos)
    )


def _subjectless_cue(
    ctx: QuoteContext, previous: Quote | None, cue: Token, open_at: int
) -> tuple[Speaker | None, float]:
    """``Et d'ajouter que « … »``: a narrative infinitive has no subject of its own; it goes on
    with the speaker of the quote just before, in the same paragraph."""
    if cue.morph.get("VerbForm", []) != ["Inf"] or previous is None or previous.speaker is None:
        return None, 0.3
    gap = ctx.text[previous.end : open_at]
    if "\n" in gap or len(gap) > 400 or _other_actor(ctx, previous, cue.idx):
        return None, 0.3
    return previous.speaker, 0.6


def _share_repeated_words(quotes: list[Quote]) -> None:
    """The same words quoted twice (a sub-heading ``« Un chantage permanent »`` and the body's
    ``a dénoncé « un chantage permanent »``) are one speaker's: a copy without a speaker takes
    the speaker of the other."""
    by_words: dict[str, Quote] = {}
    for quote in quotes:
        if quote.speaker is not None:
            by_words.setdefault(_same_words(quote.text), quote)
    for quote in quotes:
        if quote.speaker is None:
            other = by_words.get(_same_words(quote.text))
            if other is not None and len(_WORD.findall(quote.text)) >= 2:
                quote.speaker, quote.confidence = other.speaker, 0.5


def _same_words(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def _share_sentence_speaker(ctx: QuoteContext, quotes: list[Quote]) -> None:
    """``Et ce, « malgré … » dû à « … », explique X``: quotes of one sentence with a single
    attributed speaker all belong to it (the cue only reaches the nearest one)."""
    by_sent: dict[int, list[Quote]] = {}
    bounds: dict[int, tuple[int, int]] = {}
    for quote in quotes:
        tok = ctx._token_at(quote.start)
        if tok is not None:
            by_sent.setdefault(tok.sent.start, []).append(quote)
            bounds[tok.sent.start] = (tok.sent.start_char, tok.sent.end_char)
    for key, group in by_sent.items():
        ids = {q.speaker.entity for q in group if q.speaker is not None and q.speaker.entity}
        if len(ids) != 1:
            continue
        lo, hi = bounds[key]
        others = [
            r
            for r in ctx.mentions_in(lo, hi)
            if r.entity.id not in ids
            and r.entity.type in {"person", "organization"}
            and not any(q.start <= r.start < q.end for q in group)
        ]
        if others:  # ``X analyse « … » : « … » selon Y``: two actors, two owners
            continue
        source = next(q for q in group if q.speaker is not None and q.speaker.entity in ids)
        for quote in group:
            if quote.speaker is None:
                quote.speaker = source.speaker
                quote.confidence = min(source.confidence, 0.55)


#: what may separate two quotes listed one after the other (``« … », « … » et « … »``)
_LIST_GAP = re.compile(r"[\s»”\"“«,;]*(?:(?:et|ou|and|or)[\s»”\"“«]*)?")


def _share_listed_speaker(ctx: QuoteContext, quotes: list[Quote]) -> None:
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


def _inner_incise(ctx: QuoteContext, start: int, end: int) -> tuple[Speaker | None, float]:
    """An incise the author put inside the marks: ``« Absurde. C'est la norme, explique X. … »``.

    A cue right after a comma, followed by its inverted subject (``-t-elle``, a name) and then a
    comma or a sentence end, names the speaker of the whole marked passage.
    """
    doc = ctx.doc
    for tok in tokens_between(ctx, start, end):
        if tok.idx >= end or tok.i == 0 or doc[tok.i - 1].text not in {",", "-"}:
            continue
        if not is_cue(ctx, tok) or tok.lemma_.lower() in NAMING[ctx.lang]:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is None or not (
            nxt.lower_ in PRONOUNS_SG[ctx.lang] | PRONOUNS_PL[ctx.lang] | {"-t"}
            or nxt.pos_ == "PROPN"
            or ctx.mention_at(nxt.idx, nxt.idx + len(nxt.text)) is not None
        ):
            continue
        speaker = speaker_of_cue(ctx, tok, (start, start))
        if speaker is not None:
            return speaker, 0.75
    return None, 0.3


def _previous_sentence_cue(ctx: QuoteContext, open_at: int, end: int) -> Speaker | None:
    """A quote standing alone after a sentence of the same paragraph that reports speech
    (``X pense qu'il faut documenter. « Le traitement … »``): that cue's speaker."""
    text = ctx.text
    para_start = text.rfind("\n", 0, open_at) + 1
    if not text[para_start:open_at].strip():
        return None
    toks = [t for t in tokens_between(ctx, para_start, open_at) if t.idx < open_at]
    if not toks:
        return None
    sent = toks[-1].sent
    if sent.start_char < para_start:  # the parser ran a sentence over a paragraph break
        sent = ctx.doc[toks[0].i : toks[-1].i + 1]
    cues = [t for t in sent if t.idx < open_at and is_cue(ctx, t) and not kept_silent(t)]
    for cue in reversed(cues):
        speaker = speaker_of_cue(ctx, cue, (open_at, end))
        if speaker is not None and (speaker.entity or speaker.name[:1].isupper()):
            return speaker
    # no cue: a sentence about a named actor (``X est en accord.``, ``Il insiste sur …``) just
    # before a quote standing alone lends it its subject
    if toks[-1].text in {".", ":", "!", ";"}:
        return _named_subject(ctx, sent, (open_at, end))
    return None


def _named_subject(ctx: QuoteContext, sent: SpacySpan, excl: tuple[int, int]) -> Speaker | None:
    """The subject of ``sent``'s main verb when it is a named actor or a resolved pronoun."""
    root = sent.root
    if kept_silent(root) or any(kept_silent(c) for c in root.children if c.dep_ == "xcomp"):
        return None  # ``X a refusé de commenter. « … »``: the quote is someone else's
    for child in root.children:
        if child.dep_ in {"nsubj", "nsubj:pass"} and not (excl[0] <= child.idx < excl[1]):
            speaker = ctx.speaker_from_tokens(child, excl)
            if speaker is not None and speaker.entity is not None:
                return speaker
    return None


def _introduced_speaker(
    ctx: QuoteContext, previous: Quote | None, open_at: int, end: int
) -> Speaker | None:
    """Interviews and portraits: a quote standing alone as its paragraph belongs to the actor
    the text last introduced as a speaker, until another one is introduced. The latest person
    subject between the previous quote and this one is the newcomer; with none, the previous
    speaker goes on (within a few paragraphs)."""
    text = ctx.text
    para_start = text.rfind("\n", 0, open_at) + 1
    if text[para_start:open_at].strip():
        return None  # not at a paragraph start
    since = previous.end if previous is not None else max(0, open_at - 1500)
    since = max(since, open_at - 1500)
    for ref in ctx.mentions_before(open_at, open_at - since):
        if ref.entity.type != "person":
            continue
        tok = ctx._token_at(ref.start)
        if tok is not None and tok.dep_.startswith("nsubj"):
            span = Span(text[ref.start : ref.end], ref.start, ref.end)
            return Speaker(ref.entity.id, ref.entity.name, span)
        return None  # a new person is named but not as a speaker: do not guess
    if previous is not None and previous.speaker is not None and open_at - previous.end < 1500:
        return previous.speaker
    return None


#: the source in brackets right after the closing mark: ``« … » (Jeanne Dupont)``
_BRACKETED_SOURCE = re.compile(r"[ \t]*\(([^()\n]{2,60})\)")


def _source_after(ctx: QuoteContext, ms: MarkedSpan, start: int, end: int) -> Speaker | None:
    """A source named right after the marks: in brackets (``« … » (Jeanne Dupont)``), or the
    agent of a naming participle (``une dette jugée « préoccupante » par la Cour``)."""
    if ms.open_mark is not None:
        agent = naming_agent(ctx, ms.open_mark)
        if agent is not None:
            return ctx.speaker_from_tokens(agent, (start, end))
    if ms.close_mark is None:
        return None
    m = _BRACKETED_SOURCE.match(ctx.text, ms.close_mark + 1)
    if m is None:
        return None
    toks = [t for t in tokens_between(ctx, m.start(1), m.end(1)) if t.pos_ in {"PROPN", "NOUN"}]
    named = [t for t in toks if ctx.mention_at(t.idx, t.idx + len(t.text)) is not None]
    if not named:
        return None
    return ctx.speaker_from_tokens(named[0], (start, end))


def _colon_intro(ctx: QuoteContext, open_at: int, end: int) -> Speaker | None:
    """The sentence before ends with a colon (``Caddell continued:``): its cue's subject."""
    text = ctx.text
    prev_end = len(text[:open_at].rstrip())
    if prev_end == 0 or text[prev_end - 1] != ":":
        return None
    toks = tokens_between(ctx, max(0, prev_end - 300), prev_end - 1)
    if not toks:
        return None
    sent_toks = [t for t in toks if t.sent.start == toks[-1].sent.start]
    cues = [t for t in sent_toks if is_cue(ctx, t)]
    if cues:
        speaker = speaker_of_cue(ctx, cues[-1], (open_at, end))
        if speaker is not None:
            return speaker
    return sentence_subject(ctx, toks[-1].sent.root, (open_at, end))
