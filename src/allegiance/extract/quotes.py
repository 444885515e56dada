"""Who said what about whom: quotes, their speakers, their targets and the speaker's stance.

:func:`find_quotes` is the public entry point. The work is split by question:

* :mod:`allegiance.extract.quote_marks` — where are the quotation marks (broken pairs included);
* :mod:`allegiance.extract.attribution` — which cue and which speaker;
* :mod:`allegiance.extract.quote_fallbacks` — speakers for quotes whose frame names none;
* :mod:`allegiance.extract.indirect` — reported speech without marks;
* :mod:`allegiance.extract.stance` — targets and stance.

This module decides which marked stretches are quotes at all (not scare quotes, titles or names),
whether a quote is direct or partial, and in which order the speaker rules are asked.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from allegiance.extract.attribution import (
    NAMED_THING_BEFORE,
    NAMING,
    NOT_SPEECH_BEFORE,
    Attribution,
    attribute_marked,
    frame,
    is_cue,
    lemma_guesses,
    tokens_between,
)
from allegiance.extract.frames import source_noun
from allegiance.extract.headline_quotes import heading_speakers, headline_echoes
from allegiance.extract.indirect import find_indirect
from allegiance.extract.interviews import (
    dialogue_turns,
    embedded_posts,
    interviewee,
    opens_article,
)
from allegiance.extract.nested_quotes import nested_quotes
from allegiance.extract.quote_context import SECOND_PERSON, QuoteContext
from allegiance.extract.quote_fallbacks import fallback_speaker, inner_incise, subjectless_cue
from allegiance.extract.quote_marks import MarkedSpan, find_marked_spans, join_continued
from allegiance.extract.report_fragments import reportable_fragment
from allegiance.extract.reprises import taken_up_after
from allegiance.extract.scare_quotes import judge_marked
from allegiance.extract.shared_speakers import (
    share_heading_speaker,
    share_listed_speaker,
    share_repeated_words,
    share_role_mention,
    share_sentence_speaker,
)
from allegiance.extract.short_utterances import INCISE_HEAD
from allegiance.extract.speaker_words import pronoun_gender
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
    text = ctx.text  # the context read Doc.text (rebuilt from every token on each access)
    found: list[tuple[Quote, Token | None]] = []
    used_cues: set[int] = set()
    previous: Quote | None = None
    marked_ranges: list[tuple[int, int]] = []
    # fragments without a cue of their own: an indirect report around one makes it a quote
    fragments: list[tuple[int, int, int, int]] = []
    unspoken: list[tuple[int, int]] = []  # marked spans not judged speech (yet)
    # straight single marks too: a French elision is glued on both sides, never a mark
    spans = find_marked_spans(text, single_quotes=True)
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
        if ctx.lang == "fr" and _cut_unattributed(ctx, ms, open_at, attribution, previous):
            continue
        if not _is_speech(ctx, ms, start, end, attribution):
            if ctx.lang == "fr" and reportable_fragment(ctx, ms, start, end):
                fragments.append((open_at, close_at, start, end))
            unspoken.append((start, end))
            continue
        if (
            ctx.lang == "fr"
            and attribution.speaker is None
            and _asks_addressee(ctx, start, end)
            and not _goes_on(ctx, previous, open_at)
        ):
            continue  # the interviewer's question, not the interviewee's words
        kind = _kind(ctx, open_at, close_at, start, end, attribution)
        speaker, confidence = attribution.speaker, attribution.confidence
        if speaker is None or (ctx.lang == "fr" and _pronoun_speaker(speaker)):
            # ``« A, a affirmé X, sur MTV. B », a-t-il ajouté``: the name of the incise inside
            # the marks says whom the closing pronoun stands for
            inner, inner_confidence = inner_incise(ctx, start, end)
            if speaker is None or _agreeing_name(ctx, inner, speaker):
                speaker, confidence = inner, inner_confidence
        if speaker is None and attribution.cue is not None:
            speaker, confidence = subjectless_cue(ctx, previous, attribution.cue, open_at)
        if speaker is None:  # ``« … » C'est par ces mots que X a annoncé …``
            speaker, confidence = taken_up_after(ctx, close_at), 0.7
        if speaker is None:
            speaker, confidence = fallback_speaker(ctx, previous, ms, start, end, kind)
        if speaker is None and opens_article(ctx, open_at):
            asked = interviewee(ctx)  # an interview's title quotes the interviewee
            if asked is not None:
                speaker, confidence = Speaker(asked.id, asked.name, None), 0.5
        if speaker is None and attribution.cue is None and _uncued_term(ctx, ms, start, end):
            # ``une situation de « ni guerre ni paix »``: a term, no one's words
            if reportable_fragment(ctx, ms, start, end):
                fragments.append((open_at, close_at, start, end))
            unspoken.append((start, end))
            continue
        quote = Quote(
            text[start:end],
            start,
            end,
            kind,
            attribution.cue_span,
            speaker,
            [],
            confidence,
        )
        if ms.orphan or ms.unclosed:
            quote.confidence = round(quote.confidence * 0.85, 3)
        if attribution.cue is not None:
            used_cues.add(attribution.cue.i)
        if attribution.passed_selon is not None:  # ``… d'« absurde » mardi, selon Le Monde``
            used_cues.add(attribution.passed_selon.i)
        if speaker is not None and not attribution.embedded:
            ctx.speakers_seen.append((start, speaker))
        marked_ranges.append((open_at, close_at + 1))
        found.append((quote, attribution.cue))
        if ctx.lang == "fr":
            found += nested_quotes(ctx, ms.start, ms.end)  # a quote inside the quote
        previous = quote
    for post in embedded_posts(ctx, marked_ranges):
        # the marks inside a post are the author's, part of the post: one quote
        found = [(q, c) for q, c in found if not (post.start <= q.start and q.end <= post.end)]
        marked_ranges.append((post.start, post.end))
        found.append((post, None))
    if ctx.lang == "fr":
        for spoken in dialogue_turns(ctx, marked_ranges):
            marked_ranges.append((spoken.start, spoken.end))
            found.append((spoken, None))
    share_repeated_words([q for q, _ in found])
    share_sentence_speaker(ctx, [q for q, _ in found])
    share_listed_speaker(ctx, [q for q, _ in found])
    if ctx.lang == "fr":
        share_heading_speaker(ctx, sorted((q for q, _ in found), key=lambda q: q.start))
    found += [
        (q, c)
        for q, c in find_indirect(ctx, marked_ranges, used_cues, fragments)
        if (q.kind == "partial" or _reported_clause(ctx, q))
        and not _speaker_inside(q, marked_ranges)
    ]
    if ctx.lang == "fr":
        found += [(q, None) for q in headline_echoes(ctx, unspoken, [q for q, _ in found])]
    found.sort(key=lambda qc: qc[0].start)
    if ctx.lang == "fr":
        heading_speakers(ctx, [q for q, _ in found], [c for _, c in found])
        share_role_mention([q for q, _ in found], ctx)
    for quote, cue in found:
        quote.about = targets(ctx, quote, cue)
    return [q for q, _ in found]


#: the end of a whole sentence inside a quote
_SENTENCE_END = re.compile(r"[.!?…](?=\s)")


def _cut_unattributed(
    ctx: QuoteContext,
    ms: MarkedSpan,
    open_at: int,
    attribution: Attribution,
    previous: Quote | None,
) -> bool:
    """A quote opening its own paragraph and cut off by the end of the excerpt, with nothing
    naming its speaker: a stand-alone quoted paragraph takes its speaker from the incise that
    follows it (``…», a-t-il ajouté``), and that incise was cut with it. The gold guideline
    annotates a cut quote only when its speaker is known: a cue or a source frames it, a colon
    introduces it (``X a ensuite pris la parole :`` then ``« …``), or it goes on from the same
    speaker's quote. A cut quote inside a paragraph about someone (``Il dément les rumeurs.
    « C'est faux de dire que``) is that person's and stays, and so does a cut quote that still
    holds a whole sentence (``« C'est dur. Je suis fatigué et je ne peux pas``): it reads as the
    previous speaker going on, not as a few words whose speaker was cut off."""
    if not ms.unclosed or ctx.text[ms.end :].strip():
        return False
    if _SENTENCE_END.search(ctx.text, ms.start, ms.end):
        return False
    if attribution.cue is not None or attribution.speaker is not None:
        return False
    before = ctx.text[:open_at].rstrip(" \t")
    if before and not before.endswith("\n"):
        return False  # the mark does not open its paragraph
    if before.rstrip().endswith(":"):
        return False
    return not _goes_on(ctx, previous, open_at)


def _goes_on(ctx: QuoteContext, previous: Quote | None, open_at: int) -> bool:
    """A quote right after another one in the same paragraph (``… », a-t-il dit. « Comment
    voulez-vous que … »``): the speaker going on, asking the court or the reader, not an
    interviewer's question, which stands in a paragraph of its own."""
    if previous is None or previous.speaker is None:
        return False
    gap = ctx.text[previous.end : open_at]
    return "\n" not in gap and len(gap) < 200


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


#: a content right after the conjunction ``que`` and a verb (not ``ses Mémoires, qu'elle …``)
_AFTER_QUE = re.compile(r"\b[^\W\d_]+\s+qu(?:e\s+|['’]\s*)$", re.I)
#: the end of a sentence right after a content
_SENTENCE_CLOSE = re.compile(r"\s*(?:[.!?;…]|\n|$)")


def _whole_que_clause(ctx: QuoteContext, quote: Quote) -> bool:
    """The content follows ``que`` right after a word (no comma: not a relative set off after
    its noun) and runs to the end of its sentence: a whole completive clause, not the piece
    of one that a marked quote or a second report cut off."""
    before = ctx.text[max(0, quote.start - 40) : quote.start]
    match = _AFTER_QUE.search(before)
    if match is None:
        return False
    word = ctx.token_at(max(0, quote.start - len(before) + match.start()))
    if word is None or word.pos_ in {"NOUN", "PROPN", "PRON"}:
        return False  # ``la lettre que …``: a relative pronoun after its noun
    return bool(_SENTENCE_CLOSE.match(ctx.text, quote.end))


def _reported_clause(ctx: QuoteContext, quote: Quote) -> bool:
    """French reported speech says something: its content holds a finite verb or an infinitive
    (a request), not a bare noun phrase ("annonçant le soi-disant projet X" reports nothing).
    English keeps noun-phrase contents ("criticized the plan"), as attribution corpora count them."""
    if ctx.lang != "fr":
        return True
    span = ctx.doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return True
    if _elliptic_claim(ctx, quote, span):
        return True
    if _whole_que_clause(ctx, quote) and len(span) >= 3:
        # ``affirme que les gangs contrôlent …``: a ``que`` clause always holds a finite verb,
        # even one the tagger read as an adjective (``contrôlent``)
        return True
    return any(
        t.pos_ in {"VERB", "AUX"}
        and (
            bool({"Fin", "Inf"} & set(t.morph.get("VerbForm", [])))
            # ``que l'eau fait l'objet de …``: a form read as a participle but with a subject
            # of its own inside the content is a finite verb
            or any(c.dep_ == "nsubj" and c.i in range(span.start, span.end) for c in t.children)
        )
        or _verb_read_as_noun(t, span.start, span.end)
        for t in span
    )


#: the elided ``de`` of ``d'après``
_OF = frozenset({"d'", "d’"})


def _elliptic_claim(ctx: QuoteContext, quote: Quote, span: SpacySpan) -> bool:
    """``Plus de 3.500 postes supprimés à Toulouse, selon FO``: a source named by ``selon`` or
    ``d'après`` closing its sentence reports a headline's elliptic passive, a noun with the
    past participle that says what befell it, as well as a whole clause (a content with a
    conjugated verb never gets here). Not ``un âge modulé selon la pénibilité, selon X`` (the
    content's own ``selon`` is "depending on"), nor ``Le nombre de postes supprimés, selon FO,
    atteint …`` (the source sits inside a clause that goes on)."""
    cue = quote.cue
    at = None if cue is None else ctx.doc.char_span(cue.start, cue.end, alignment_mode="expand")
    if at is None or at[-1].lower_ not in {"selon", "après"}:
        return False
    if any(
        t.lower_ == "selon" or (t.lower_ == "après" and t.i > 0 and t.nbor(-1).lower_ in _OF)
        for t in span
    ):
        return False
    source = source_noun(at[-1])
    phrase = {t.i for t in source.subtree}
    for tok in ctx.doc[source.i + 1 : source.sent.end]:
        if tok.is_space and "\n" in tok.text:
            break  # the headline's line ends
        if tok.i not in phrase and not (tok.is_punct or tok.is_space):
            return False
    return any(
        t.pos_ == "VERB"
        and t.dep_ == "acl"
        and "Part" in t.morph.get("VerbForm", [])
        and "Past" in t.morph.get("Tense", [])
        and t.head.pos_ == "NOUN"
        and span.start <= t.head.i < t.i < span.end
        for t in span
    )


def _verb_read_as_noun(tok: Token, start: int, end: int) -> bool:
    """``Le tour de table de X valorise la société à …``: a verb form the tagger took for a noun
    (``valorise``, ``finalise``) but that governs a direct object or a reflexive clitic inside
    the content (``que l'économie s'achemine vers …``) is the clause's verb: a noun takes
    neither, and a real noun would have a determiner or a preposition of its own (or a
    copula, as a predicate). A subject alone does not say so: the parser gives one to the
    noun of a relative clause it misread (``ses Mémoires, qu'elle destine à …``)."""
    if tok.pos_ != "NOUN":
        return False
    deps = {c.dep_ for c in tok.children if start <= c.i < end}
    return bool(deps & _VERB_DEPS) and not deps & {"det", "case", "cop"}


#: dependents only a verb takes: an object, a reflexive clitic
_VERB_DEPS = frozenset({"obj", "expl:pass", "expl:comp", "expl:pv"})


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
    for entity in ctx.people_surnamed(label):
        if entity.name.split()[-1].upper() == label:
            return Speaker(entity.id, entity.name, Span(label, start, end))
    return Speaker(None, label, Span(label, start, end))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in ' \t\n"«»“”':
        end -= 1
    return start, end


def _pronoun_speaker(speaker: Speaker) -> bool:
    """A speaker found through a subject pronoun (``-il``, ``elle``)."""
    mention = speaker.mention
    return mention is not None and mention.text.lower().lstrip("-") in {"il", "elle"}


def _agreeing_name(ctx: QuoteContext, inner: Speaker | None, pronoun: Speaker) -> bool:
    """An inner incise's named speaker that the pronoun may stand for (``-elle`` is not X)."""
    if inner is None or inner.entity is None or pronoun.mention is None:
        return False
    entity = ctx.entity(inner.entity)
    gender = pronoun_gender(pronoun.mention.text.lower().lstrip("-"))
    return entity is not None and ctx.agrees(entity, gender)


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


#: verbs by which a legal or official text lays down its content, and the texts that do so
_DOCUMENT_VERBS = frozenset(
    {"prévoir", "disposer", "stipuler", "préciser", "indiquer", "mentionner", "énoncer"}
)
_DOCUMENT_NOUNS = frozenset(
    {"texte", "article", "décret", "loi", "projet", "proposition", "amendement", "arrêté",
     "circulaire", "règlement", "ordonnance", "code", "contrat", "accord", "convention",
     "charte", "directive", "traité", "clause", "alinéa", "protocole", "statut", "cahier"}
)  # fmt: skip


def _governing_verb(ctx: QuoteContext, start: int, end: int) -> Token | None:
    """The verb whose clausal complement the marked content is (``stipule que « … »``)."""
    inside = tokens_between(ctx, start, end)
    idx = {t.i for t in inside}
    root = next((t for t in inside if t.head.i not in idx), None)
    if root is None or root.dep_ not in {"ccomp", "obj"}:
        return None
    return root.head if root.head.pos_ in {"VERB", "AUX"} else None


def _document_cue(cue: Token | None) -> bool:
    """``Le texte prévoit que « … »``, ``L'article 4 dispose que « … »``: a verb of laying
    down whose subject is a legal or official text quotes that text's wording, which no one
    speaks (the lemma is guessed too: the tagger leaves ``stipule`` unlemmatised)."""
    if cue is None:
        return False
    lemmas = {cue.lemma_.lower(), *lemma_guesses(cue.lower_)}
    if not lemmas & _DOCUMENT_VERBS:
        return False
    return any(
        c.dep_ in {"nsubj", "nsubj:pass"} and c.lemma_.lower() in _DOCUMENT_NOUNS
        for c in cue.children
    )


#: nouns of things before marks that may name the thing (``le programme « Erasmus »``) or
#: carry the speaker's judgement of it (``un programme « irréaliste »``)
_THING_WORDS = frozenset(
    {"projet", "opération", "programme", "film", "livre", "show", "émission", "album"}
)


def _judged_thing(ctx: QuoteContext, word: str, start: int, end: int, cue: Token | None) -> bool:
    """``X a dénoncé un programme « irréaliste »``: lower-case adjectives in marks after a
    thing's noun, governed by a cue before them, judge it; a name would not be adjectives.
    With no cue before (``lancera un programme « familial », a annoncé X``) the marks stay a
    label and the sentence an indirect report."""
    if ctx.lang != "fr" or word.lower() not in _THING_WORDS:
        return False
    if cue is None or cue.idx > start:
        return False
    content = [t for t in tokens_between(ctx, start, end) if t.idx < end and not t.is_punct]
    return (
        bool(content)
        and len(content) <= 3
        and ctx.text[start : start + 1].islower()
        and all(t.pos_ == "ADJ" or t.lower_ in {"et", "mais", "très", "trop"} for t in content)
        and content[0].pos_ == "ADJ"
    )


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
    cue = attribution.cue
    naming = cue is not None and cue.lemma_.lower() in NAMING[ctx.lang]
    naming_word = NOT_SPEECH_BEFORE.search(before)
    # ``a qualifié le projet « d'aberration »``: a label's complement, never the thing's name
    label = naming and content.lstrip().startswith(("de ", "d'", "d’"))
    if (
        naming_word is not None
        and _whole_word(before, naming_word.start())
        and not label
        and not _judged_thing(ctx, naming_word.group(1), start, end, cue)
    ):
        return False
    named_thing = NAMED_THING_BEFORE.search(before)
    first = next((c for c in content if c.isalpha()), "")
    if named_thing is not None and _whole_word(before, named_thing.start()) and first.isupper():
        return False  # ``a lancé le dispositif « Mon Vélo »``: the scheme's name, not speech
    if attribution.speaker is None and _document_cue(_governing_verb(ctx, start, end)):
        return False  # ``Le décret stipule que « … »``: the wording of a text, no one's speech
    verdict = judge_marked(ctx, ms, start, end, attribution)  # French scare quotes, titles
    if verdict is not None:
        return verdict
    if words <= 3:
        if naming and (ms.open_mark or start) - cue.idx < 40:  # type: ignore[union-attr]
            return True
        if attribution.speaker is None or cue is None:
            # ``Pour X, « C'est faux ».``: a source framing the whole sentence says it
            return _short_sentence(ctx, ms, start, end, framed=attribution.speaker is not None)
        # a short quote sharing its sentence with a longer one is a label, not the speech,
        # unless it opens the sentence with its own incise: ``« C'est indécent », a estimé X,
        # rappelant que « … »``
        f_start, f_end = frame(ctx, ms.open_mark or start, ms.close_mark or end)
        others = [
            s
            for s in find_marked_spans(text[f_start:f_end], single_quotes=True)
            if s.end - s.start > 1
        ]
        if len(others) > 1 and not _opens_with_incise(ctx, ms, cue):
            return False
        return not (words == 1 and content[:1].isupper())
    if attribution.speaker is None and cue is None and words <= 6:
        tokens = content.split()
        if all(w[:1].isupper() for w in tokens if w[:1].isalpha()):
            return False  # a title or a name
    return True


def _opens_with_incise(ctx: QuoteContext, ms: MarkedSpan, cue: Token) -> bool:
    """The marked span starts its sentence and its cue follows the closing mark at once."""
    if ms.open_mark is None or ms.close_mark is None or cue.idx < ms.close_mark:
        return False
    before = ctx.text[: ms.open_mark].rstrip(" ")
    if before and before[-1] not in ".!?:\n":
        return False
    gap = ctx.text[ms.close_mark + 1 : cue.idx]
    return len(gap) <= 20 and INCISE_HEAD.fullmatch(gap) is not None


def _short_sentence(
    ctx: QuoteContext, ms: MarkedSpan, start: int, end: int, *, framed: bool = False
) -> bool:
    """``« … », a-t-il ajouté. « Ce sera douloureux ». La banque …``: a short marked span that is
    a sentence of its own (a sentence end or a line break before its opening mark, one after its
    closing mark) and holds a finite verb is an utterance, not a scare quote or a label, even
    with no cue: the speaker comes from the context like any uncued quote's. With a speaker
    found, a comma (``Pour X, « … »``) or a colon (``X sourit : « … »``) may stand before it."""
    text = ctx.text
    if ctx.lang != "fr" or ms.open_mark is None or ms.close_mark is None or ms.continued:
        return False  # an unclosed or orphan mark (an excerpt cut short) holds no sentence
    open_at, close_at = ms.open_mark, ms.close_mark
    before = text[:open_at].rstrip(" ")
    # ``Pour X, « … »`` and ``X sourit : « On verra bien. »``: a source or a speaker's own
    # clause frames the sentence
    framing = framed and (
        before[-1:] == "," or (before[-1:] == ":" and _speaker_clause(ctx, open_at))
    )
    if before and before[-1] not in ".!?\n" and not framing:
        return False
    after = text[close_at + 1 :].lstrip(" ")
    whole = text[start:end].rstrip()[-1:] in {".", "!", "?", "…"}
    if after and not (
        after[0] == "\n"
        or (after[0] in ".!?" and after[1:2] in {"", " ", "\n"})
        # ``X sourit : « On verra bien. » Elle quitte la salle.``: the next sentence
        or (whole and after[0].isupper())
    ):
        return False
    inside = [t for t in tokens_between(ctx, start, end) if t.idx < end]
    return any(t.pos_ in {"VERB", "AUX"} and "Fin" in t.morph.get("VerbForm", []) for t in inside)


def _speaker_clause(ctx: QuoteContext, colon_at: int) -> bool:
    """The words between the line's start and the colon before ``colon_at`` make a clause of
    their own, with a conjugated verb (``Claire Dubois sourit :``), not a label (``Le film
    de X :``, ``Hommage à X :``, ``Sondage Ifop :``)."""
    line = ctx.text.rfind("\n", 0, colon_at) + 1
    return any(
        t.pos_ == "VERB" and "Fin" in t.morph.get("VerbForm", [])
        for t in tokens_between(ctx, line, colon_at)
        if t.idx < colon_at
    )


def _uncued_term(ctx: QuoteContext, ms: MarkedSpan, start: int, end: int) -> bool:
    """A short verbless phrase in lower case (four to six words: shorter ones are scare quotes
    already), marked inside the author's sentence, with no cue and no speaker found for it,
    neither near it nor in the context (``la « commission pour l'efficacité gouvernementale »``,
    ``une situation de « ni guerre ni paix »``, ``les centrales d'« enrobé à chaud »``): the
    marks set off a set phrase, a technical term or a name, as scare quotes do for shorter
    words; nobody is quoted. A phrase that ends a sentence of its own (``« quelle honte ! »``)
    or holds a finite verb is left to the general rules."""
    content = ctx.text[start:end].strip()
    if ctx.lang != "fr" or not 4 <= _words(content) <= 6:
        return False
    if not content[:1].islower() or content[-1:] in ".!?…":
        return False
    f_start, _ = frame(ctx, ms.open_mark or start, ms.close_mark or end)
    if not ctx.text[f_start : ms.open_mark or start].strip():
        return False  # the marks open the sentence: a whole utterance, not a term in it
    inside = [t for t in tokens_between(ctx, start, end) if t.idx < end and not t.is_punct]
    if not inside or inside[0].pos_ == "ADP" or inside[0].lower_ in {"de", "d'", "du", "des"}:
        return False  # ``la source « de la calomnie »``: a complement someone may have worded
    if any("Fin" in t.morph.get("VerbForm", []) for t in inside):
        return False
    return _hangs_on_noun(ctx, ms.open_mark or start)


def _hangs_on_noun(ctx: QuoteContext, open_at: int) -> bool:
    """The marks complete a noun (``une situation de « … »``, ``les membres de la « … »``) or
    stand in apposition after a comma (``l'IGPN, « la police des polices »``), not the object of
    a verb (``qualifieront de « … »``, ``invoquant des « … »``: the verb's subject may own the
    words)."""
    window = ctx.doc.char_span(max(0, open_at - 60), open_at, alignment_mode="contract")
    before = list(window) if window is not None else []
    while before and (
        before[-1].pos_ == "DET"
        or before[-1].lower_ in {"de", "d'", "du", "des"}
        or before[-1].is_quote
    ):
        before.pop()
    return bool(before) and (before[-1].pos_ in {"NOUN", "PROPN"} or before[-1].text in {",", ")"})


#: a closed pair of quotation marks with what it holds
_CLOSED_QUOTE = re.compile(r"«[^«»]*»|“[^“”]*”")


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
    # quotes closed before this one (``« … » « … »``) are no author's words introducing it
    # (nor is the closing mark of a quote whose last sentence ended the frame before: ``… train. »``)
    lead = _CLOSED_QUOTE.sub("", text[f_start:open_at]).strip().lstrip("»” ")
    first = text[start : start + 1]
    starts_upper = first.isupper() or first in "[(" or first.isdigit()
    if not lead:
        return "direct"
    if lead.endswith(":") and starts_upper:
        return "direct"
    cue = attribution.cue
    if starts_upper and cue is not None and cue.idx < open_at:
        tail = text[cue.idx + len(cue.text) : open_at]
        # ``parle d'une « France … »`` names words the way ``qualifie de`` does
        if _words(tail) <= 4 and cue.lemma_.lower() not in NAMING[ctx.lang] | {"parler"}:
            return "direct"
    if starts_upper and _words(lead) <= 3 and lead.endswith(","):
        return "direct"
    return "partial"
