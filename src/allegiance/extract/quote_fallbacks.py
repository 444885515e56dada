"""Speakers for quotes whose frame names none: fallbacks, and speakers shared between quotes.

:func:`allegiance.extract.quotes.find_quotes` asks, in turn, when the cue gave no speaker:

* :func:`inner_incise` — an incise inside the marks (``« … C'est la norme, explique X. … »``);
* :func:`subjectless_cue` — a narrative infinitive (``Et d'ajouter que « … »``) goes on with the
  previous speaker;
* :func:`fallback_speaker` — no cue at all: a colon intro (``Caddell continued:``), a source in
  brackets or a naming agent after the marks, the cue of the sentence before, the previous
  speaker (unless a newcomer took the floor), the actor an interview last introduced, the
  subject of a partial quote's sentence.

Once every quote has its speaker, :mod:`allegiance.extract.shared_speakers` gives a speakerless
quote the speaker of a quote it goes with.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from allegiance.extract.attribution import (
    NAMING,
    is_cue,
    sentence_subject,
    speaker_of_cue,
    tokens_between,
)
from allegiance.extract.frames import (
    kept_silent,
    lemma_guesses,
    line_bounds,
    line_goes_on,
    quoted,
    stands_apart,
)
from allegiance.extract.incise_subjects import (
    OBJECT_CLITICS,
    REFLEXIVE,
    impersonal_body,
    incise_description,
    name_before,
)
from allegiance.extract.media import is_outlet
from allegiance.extract.naming_verbs import naming_agent
from allegiance.extract.preceding_reports import previous_paragraph_cue, previous_sentence_cue
from allegiance.extract.quote_context import (
    PRONOUNS_PL,
    PRONOUNS_SG,
    MentionRef,
    QuoteContext,
)
from allegiance.extract.quote_marks import OPENING_MARKS, MarkedSpan
from allegiance.extract.source_nouns import fronted_source
from allegiance.extract.speaker_words import FR_HONORIFICS, FR_INVERTED, FR_ON
from allegiance.extract.subject_chains import (
    detached_adjective_subject,
    split_auxiliary_subject,
)
from allegiance.extract.verbless_speakers import introduced_after
from allegiance.models import Quote, QuoteKind, Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token


def fallback_speaker(
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
        reported = previous_sentence_cue(ctx, open_at, end)
        if reported is not None:
            return reported, 0.6
    if _heading(ctx, ms, start, end):
        # ``« Un chantage permanent »`` on a line of its own: a sub-heading quoting words the
        # section below attributes (:func:`share_repeated_words`), not the previous speaker's
        return None, 0.3
    if kind == "direct" and ms.close_mark is not None and not ms.continued:
        spoke = previous is not None and previous.speaker is not None
        portrait = introduced_after(ctx, open_at, ms.close_mark, known=spoke)
        if portrait is not None:  # ``« … » Face au port, X, pêcheur, serre les poings.``
            return portrait, 0.5
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
        reported = previous_paragraph_cue(ctx, open_at, end)
        if reported is not None:
            return reported, 0.5
    if kind == "partial" and previous and previous.speaker and _conjoined(text, ms, previous.end):
        return previous.speaker, 0.5  # ``« … », a dit X à l'AFP. Et « … ».``: X goes on
    if kind == "partial":
        toks = tokens_between(ctx, start, end)
        reporter = _reporting_cue_speaker(ctx, toks[0], (start, end)) if toks else None
        if reporter is not None:
            return reporter, 0.55
        fronted = _fronted_selon(ctx, toks[0], (start, end)) if toks else None
        if fronted is not None:
            return fronted, 0.55
        if toks:
            speaker = sentence_subject(ctx, toks[0], (start, end))
            if speaker is None and ctx.lang == "fr":  # two French parse repairs
                speaker = split_auxiliary_subject(
                    ctx, open_at, (start, end)
                ) or detached_adjective_subject(ctx, toks[0], (start, end))
            if (
                speaker is not None
                and _counted_group(ctx, speaker)
                and _goes_on(ctx, previous, open_at)
            ):
                # ``« … », a-t-il poursuivi. Si neuf personnes « ont retrouvé un travail », les
                # autres restent « … »``: a counted group is what the fragment is about; the
                # speaker just quoted goes on
                return previous.speaker, 0.45  # type: ignore[union-attr]
            if speaker is not None:
                return speaker, 0.5
        if previous is not None and previous.speaker is not None:
            # ``« … », dit X. Mais « loin de … », il faut « … »``: fragments right after a
            # quote, in the same paragraph with no other actor named between, go on with it
            gap = text[previous.end : open_at]
            if "\n" not in gap and len(gap) < 200 and not _other_actor(ctx, previous, open_at):
                return previous.speaker, 0.45
            if _after_connective(ctx, open_at) and _goes_on(ctx, previous, open_at):
                # ``« … ». ¶ En clair, « chacun s'occupe de son jardin … »``: a quote that
                # all but opens its paragraph goes on with the speaker just quoted
                return previous.speaker, 0.45
    return None, 0.3


#: conjunctions that open a sentence going on with what was said before
_CONJUNCTIONS = frozenset(
    {"et", "mais", "puis", "et puis", "or", "en outre", "de plus", "par ailleurs", "enfin"}
)


def _conjoined(text: str, ms: MarkedSpan, previous_end: int) -> bool:
    """A sentence of its own, in the paragraph of the quote ending at ``previous_end`` or the
    next one, made of a conjunction and the quotation alone (``Et « … ».``, ``En outre,
    « … ».``): it names nobody, so it goes on with the words before."""
    if ms.open_mark is None or ms.close_mark is None or ms.open_mark <= previous_end:
        return False
    gap = text[previous_end : ms.open_mark]
    if "\n" in gap and gap[: gap.rfind("\n")].strip(" \n»”.!?…"):
        return False  # past a paragraph break, only when the quote before ended that paragraph
    cut = max(gap.rfind(c) for c in ".!?…\n")
    if cut < 0 or gap[:cut].count("«") + gap[:cut].count("“") > 0:
        return False
    if gap[cut + 1 :].strip().rstrip(",:").strip().lower() not in _CONJUNCTIONS:
        return False
    rest = text[ms.close_mark + 1 : ms.close_mark + 4].lstrip()
    return rest[:1] in {".", "!", "?", "…"}


def _reporting_cue_speaker(ctx: QuoteContext, tok: Token, excl: tuple[int, int]) -> Speaker | None:
    """``X a estimé que l'Europe devait « … » et qu'elle disposait « … »``: a fragment in a
    ``que`` clause coordinated with the complement clause of a speech verb is reported by that
    verb's subject, not said by the clause's own subject (``elle`` is Europe). The cue itself
    went to the first fragment, so the frame of the second does not find it."""
    head = tok
    for _ in range(8):
        if head.dep_ == "conj" and _que_clause(head) and head.head.dep_ == "ccomp":
            cue = head.head.head
            if is_cue(ctx, cue) and not kept_silent(cue):
                return speaker_of_cue(ctx, cue, excl)
            return None
        if head.dep_ == "conj" and _que_clause(head):
            # quotation marks often break the parse of the first clause (``assure que sa
            # cliente « a … » et qu'elle …``): ``et que`` repeats the ``que`` of the speech verb
            # before it, so the nearest cue followed by ``que`` reports this clause too
            repeated = _cue_before_que(ctx, head)
            return speaker_of_cue(ctx, repeated, excl) if repeated is not None else None
        if head.dep_ == "ccomp" or head.head.i == head.i:
            return None  # a clause of its own: the usual rules decide
        head = head.head
    return None


def _cue_before_que(ctx: QuoteContext, clause: Token) -> Token | None:
    """The speech verb of the sentence whose ``que`` comes before ``clause``'s own ``et que``."""
    mark = next(c for c in clause.children if c.dep_ == "mark")
    sent = clause.sent
    ques = [t for t in sent if t.i < mark.i and t.lower_ in {"que", "qu'"}]
    if not ques:
        return None
    cues = [t for t in sent if t.i < ques[-1].i and is_cue(ctx, t) and not kept_silent(t)]
    if not cues or any(
        t.pos_ in {"VERB", "AUX"}
        for t in sent[cues[-1].i - sent.start + 1 : ques[-1].i - sent.start]
    ):
        return None
    return cues[-1]


def _que_clause(verb: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ in {"que", "qu'"} for c in verb.children)


#: the longest sub-heading quote, in characters
_HEADING_MAX = 90


def _heading(ctx: QuoteContext, ms: MarkedSpan, start: int, end: int) -> bool:
    """A short quote alone on its line (maybe between dashes: ``- "…" -``), with no sentence
    end inside: a sub-heading, the way French news sets apart a section's key words."""
    if ms.open_mark is None or ms.close_mark is None or end - start > _HEADING_MAX:
        return False
    text = ctx.text
    line_start, line_end = line_bounds(text, ms.open_mark, ms.close_mark)
    around = text[line_start : ms.open_mark] + text[ms.close_mark + 1 : line_end]
    if around.strip(" \t-–—") or line_start == 0 or line_goes_on(text, line_start, line_end):
        return False
    words = text[start:end].rstrip()
    if words[-1:] in {"?", "!"}:
        # ``« Changement de cap ? »`` set apart over a section whose speaker asks ``… un petit
        # changement de cap ? »``: a question or an exclamation is a heading when the section
        # below repeats it
        key = words.rstrip(" ?!").lower()
        section_end = text.find("\n\n«", ms.close_mark)  # the next heading, or the reach
        reach = ms.close_mark + 1 + _ECHO_REACH
        below = text[ms.close_mark + 1 : reach if section_end < 0 else min(section_end, reach)]
        below = below.lower()
        return stands_apart(text, line_start, line_end) and len(key) >= _ECHO_MIN and key in below
    return words[-1:] not in {".", "…"}


#: the fewest characters of a heading's words that the section below must repeat, and how far
#: below it may repeat them
_ECHO_MIN = 10
_ECHO_REACH = 3000


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
            return ref.speaker(text)
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


def _counted_group(ctx: QuoteContext, speaker: Speaker) -> bool:
    """An unnamed subject opening on a number (``neuf personnes``; not ``un``/``une``, which
    the tagger counts too) or ``les autres``/``d'autres``: people counted, not a source
    (``plusieurs fédérations``, ``une source syndicale`` may well speak)."""
    if speaker.entity is not None or speaker.mention is None:
        return False
    first = ctx.token_at(speaker.mention.start)
    if first is None:
        return False
    nxt = first.nbor(1) if first.i + 1 < len(first.doc) else None
    return (first.like_num and first.lower_ not in {"un", "une"}) or (
        first.lower_ in {"les", "d'"} and nxt is not None and nxt.lower_ == "autres"
    )


#: connectives of the author's that go on with what was said (``En clair, « … »``)
_CONNECTIVES = _CONJUNCTIONS | frozenset(
    {"en clair", "bref", "en bref", "autrement dit", "pour autant", "en somme", "en résumé",
     "en effet", "en fait", "au fond", "de fait", "surtout", "mieux", "pire", "plus encore",
     "en d'autres termes", "pour le dire autrement", "ainsi", "car"}
)  # fmt: skip


def _after_connective(ctx: QuoteContext, open_at: int) -> bool:
    """Only a connective of :data:`_CONNECTIVES` set off by a comma stands before the opening
    mark in its sentence (``En clair, « … »``, ``Bref, « … »``)."""
    mark = ctx.token_at(open_at)
    if mark is None:
        return False
    before = ctx.text[mark.sent.start_char : open_at].strip()
    return before.endswith(",") and before[:-1].strip().lower().replace("’", "'") in _CONNECTIVES


def _goes_on(ctx: QuoteContext, previous: Quote | None, pos: int) -> bool:
    """A quote with a speaker just before ``pos``, in the same paragraph or the one before,
    and no other actor named since."""
    if previous is None or previous.speaker is None:
        return False
    gap = ctx.text[previous.end : pos]
    breaks = len(re.findall(r"\n+", gap))  # a paragraph is a line: one or more newlines
    return breaks <= 1 and len(gap) < 400 and not _other_actor(ctx, previous, pos)


def _other_actor(ctx: QuoteContext, previous: Quote, pos: int) -> bool:
    """Whether an actor other than ``previous``'s speaker is named between it and ``pos``."""
    same = previous.speaker.entity if previous.speaker is not None else None
    return any(
        r.entity.id != same and r.entity.type in {"person", "organization"}
        for r in ctx.mentions_in(previous.end, pos)
    )


def subjectless_cue(
    ctx: QuoteContext, previous: Quote | None, cue: Token, open_at: int
) -> tuple[Speaker | None, float]:
    """``Et d'ajouter que « … »``: a narrative infinitive has no subject of its own; it goes on
    with the speaker of the quote just before, in the same paragraph or the next one."""
    if cue.morph.get("VerbForm", []) != ["Inf"] or previous is None or previous.speaker is None:
        return None, 0.3
    if not _goes_on(ctx, previous, cue.idx):  # ``« … », a-t-elle dit. ¶ Et d'ajouter, « … »``
        return None, 0.3
    return previous.speaker, 0.6


def inner_incise(ctx: QuoteContext, start: int, end: int) -> tuple[Speaker | None, float]:
    """An incise the author put inside the marks: ``« Absurde. C'est la norme, explique X. … »``.

    A cue right after a comma, followed by its inverted subject (``-t-elle``, a name) and then a
    comma or a sentence end, names the speaker of the whole marked passage.
    """
    doc = ctx.doc
    for tok in tokens_between(ctx, start, end):
        if tok.idx >= end or tok.i == 0:
            continue
        inverted = _inverted_auxiliary(tok)
        # ``« Quelles alternatives ? s'est interrogé X. … »``: after a question mark too, a
        # French incise in lower case (not ``? Interrogez X``, an imperative)
        opener = doc[_before_clitics(tok)].text
        if opener in {"?", "!"} and (
            ctx.lang != "fr" or not doc[_before_clitics(tok) + 1].is_lower
        ):
            continue
        if opener not in {",", "-", "?", "!"} and not inverted:
            continue
        if not is_cue(ctx, tok) or tok.lemma_.lower() in NAMING[ctx.lang]:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and not inverted:
            # ``, reconnaît la présidente, Hélène Marchal. …``: a role then its name in apposition
            described = incise_description(ctx, nxt.i, lambda t: False)
            if described is not None:
                return described, 0.75
        if inverted:  # ``, a-t-elle précisé.``: the subject is the inverted pronoun
            speaker = speaker_of_cue(ctx, tok, (start, start))
            if speaker is not None:
                return speaker, 0.75
            continue
        if nxt is not None and nxt.lower_ in FR_HONORIFICS and nxt.i + 1 < len(doc):
            nxt = doc[nxt.i + 1]  # ``, a écrit Mme Joly dans un communiqué.``
        if nxt is None or not (
            nxt.lower_ in PRONOUNS_SG[ctx.lang] | PRONOUNS_PL[ctx.lang] | {"-t"}
            or nxt.pos_ == "PROPN"
            or ctx.mention_of(nxt) is not None
        ):
            continue
        speaker = speaker_of_cue(ctx, tok, (start, start))
        if speaker is not None:
            return speaker, 0.75
    return None, 0.3


#: adverbs of a negated verb, which no incise has (``, n'a pas dit X`` is no incise)
_NEGATION = frozenset({"pas", "ne", "n'", "jamais", "plus", "point"})


def _before_clitics(cue: Token) -> int:
    """The index before the clitics and auxiliary of an incise verb: ``, se désole X``,
    ``, nous confie X``, ``, s'est indigné X`` (a pronominal or addressed verb inverts its
    subject like any other)."""
    doc = cue.doc
    k = cue.i - 1
    j = k
    while j >= 1 and j > cue.i - 3 and doc[j].pos_ == "ADV" and doc[j].lower_ not in _NEGATION:
        j -= 1  # ``, a même estimé X``, ``, a ensuite ajouté X``: an adverb after the auxiliary
    if j >= 1 and doc[j].pos_ == "AUX":
        k = j - 1
    if k >= 1 and doc[k].lower_ in REFLEXIVE | OBJECT_CLITICS:
        k -= 1
    return k


def _inverted_auxiliary(cue: Token) -> bool:
    """``…, a-t-elle précisé. …``: a participle after a comma, an auxiliary and its inverted
    subject pronoun, the compound tense of an incise."""
    doc = cue.doc
    k = cue.i - 1
    if k < 2 or doc[k].lower_ not in FR_INVERTED:
        return False
    k -= 1
    if doc[k].lower_ == "-t":
        k -= 1
    return k >= 1 and doc[k].pos_ == "AUX" and doc[k - 1].text in {",", "-"}


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
    people = [r for r in ctx.mentions_before(open_at, open_at - since) if r.entity.type == "person"]
    for ref in people:
        tok = ctx.token_at(ref.start)
        if tok is not None and (tok.dep_.startswith("nsubj") or fronted_source(tok)):
            # ``X a estimé que …`` or ``Selon X, …`` just before: X goes on in the quote
            return ref.speaker(text)
        # ``X, 52 ans, a quitté Y jeudi.``: a person named after the subject of the same
        # sentence is what the subject acts on; the subject is the one introduced
        subject = _earlier_subject_in_sentence(ctx, people, ref)
        if subject is not None:
            span = Span(text[subject.start : subject.end], subject.start, subject.end)
            return Speaker(subject.entity.id, subject.entity.name, span)
        return None  # a new person is named but not as a speaker: do not guess
    if previous is not None and previous.speaker is not None and open_at - previous.end < 1500:
        return previous.speaker
    return None


def _earlier_subject_in_sentence(
    ctx: QuoteContext, people: list[MentionRef], ref: MentionRef
) -> MentionRef | None:
    """The person mention that is the main subject of ``ref``'s sentence, before ``ref``."""
    tok = ctx.token_at(ref.start)
    if tok is None:
        return None
    sent = tok.sent
    for other in people:
        if other.start >= ref.start or other.start < sent.start_char:
            continue
        subj = ctx.token_at(other.start)
        if subj is not None and subj.dep_.startswith("nsubj") and subj.head.dep_ == "ROOT":
            return other
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
    learned = _learned_from(ctx, ms.close_mark, start, end)
    if learned is not None:
        return learned
    m = _BRACKETED_SOURCE.match(ctx.text, ms.close_mark + 1)
    if m is None:
        return None
    toks = [t for t in tokens_between(ctx, m.start(1), m.end(1)) if t.pos_ in {"PROPN", "NOUN"}]
    named = [t for t in toks if ctx.mention_of(t) is not None]
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
    # the clause the colon closes, not the sentence's root: ``Dans une interview à CNN, dont
    # des extraits ont été diffusés, Milei a fait référence à Petro dans ces termes :``
    colon = ctx.token_at(prev_end - 1)
    if (
        colon is not None
        and colon.head.i < colon.i
        and quoted(ctx, colon.head)
        and not _first_person(ctx, open_at, end)
    ):
        # ``les pompiers « ont tout donné » : « En deux jours, ils … »``: the clause's head is
        # someone's marked words, so its subject is what they speak of, and a quote that does
        # not speak as that subject (no ``je``/``nous``) goes on from them; ``Les habitants
        # « sont furieux » : « Personne ne nous avait prévenus »`` is the subject's own
        return None
    if colon is not None and colon.head.pos_ in {"VERB", "AUX"}:
        verb = colon.head
        if ctx.lang == "fr" and not any(c.dep_.startswith("nsubj") for c in verb.children):
            # ``…, X, maire de Y, en a remis une couche :`` with X hung elsewhere: the name
            # right before the verb, past its clitics and apposition
            named = name_before(ctx, verb, lambda t: open_at <= t.idx < end)
            if named is not None:
                return named
        speaker = sentence_subject(ctx, verb, (open_at, end))
        if speaker is not None:
            return speaker
    return sentence_subject(ctx, toks[-1].sent.root, (open_at, end))


_FIRST_PERSON_WORD = re.compile(r"\b(?:je|j'|nous|me|m'|moi|mon|ma|mes|notre|nos)\b", re.IGNORECASE)


def _first_person(ctx: QuoteContext, start: int, end: int) -> bool:
    """Whether the quote at [start, end) speaks in the first person (not the impersonal
    ``on``, which also stands for people in general)."""
    return _FIRST_PERSON_WORD.search(ctx.text, start, end) is not None


def _learned_from(ctx: QuoteContext, close: int, start: int, end: int) -> Speaker | None:
    """``« … », a-t-on appris auprès du parquet``, ``apprend-on auprès de la mairie``, ``a
    appris l'AFP auprès de la préfecture``: news writing's incise of ``apprendre`` says where
    the words were learned; the body after ``auprès de`` said them (the impersonal ``on`` or
    the outlet only heard them). ``de source judiciaire`` names nobody: an unnamed source."""
    toks = tokens_between(ctx, close + 1, min(len(ctx.text), close + 40))
    if len(toks) < 3 or toks[0].text != ",":
        return None
    verb = next(
        (t for t in toks[1:5] if t.lemma_.lower() == "apprendre" and t.pos_ == "VERB"),
        None,
    )
    if verb is None or verb.sent.start != toks[0].sent.start:
        return None
    doc = ctx.doc
    before = doc[toks[0].i + 1 : verb.i]
    if not all(t.pos_ == "AUX" or t.lower_ in FR_ON | {"-t"} for t in before):
        return None  # ``», a appris X``: whoever learned, spoke no words
    subject = next((t for t in before if t.lower_ in FR_ON), None)
    if subject is None and verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ in FR_ON:
        subject = doc[verb.i + 1]  # ``apprend-on``
    if subject is None:
        subject = _outlet_after(ctx, verb)  # ``a appris l'AFP auprès de …``
    if subject is None:
        return None
    # as for ``a-t-on indiqué``: an unnamed ``on`` when no body is named (``de source
    # policière``, ``dans son entourage``), never the previous speaker
    return impersonal_body(ctx, subject, verb, lambda t: start <= t.idx < end)


def _outlet_after(ctx: QuoteContext, verb: Token) -> Token | None:
    """The news outlet inverted after ``appris`` (``a appris l'AFP``), its last token."""
    doc = ctx.doc
    i = verb.i + 1
    if i < len(doc) and doc[i].lower_ in {"l'", "le", "la", "les"}:
        i += 1
    if i >= len(doc):
        return None
    ref = ctx.mention_of(doc[i])
    if ref is None or not is_outlet(ctx, ref):
        return None
    last = ctx.token_at(ref.end - 1)
    return last if last is not None else doc[i]


#: words that may open a sentence before its fronted ``selon X,`` (``Toujours selon X``)
_SELON_OPENERS = frozenset({"toujours", "mais", "et", "or", "ainsi", "enfin", "encore", "aussi"})


def _fronted_selon(ctx: QuoteContext, tok: Token, excl: tuple[int, int]) -> Speaker | None:
    """``Toujours selon X, le parti serait en train de « saborder » l'économie « soit par
    paresse … »``: a ``selon X`` (``d'après X``) opening the sentence, set off by a comma,
    gives the source of everything the sentence says, so of each fragment in it, not only the
    first one (whose frame holds the ``selon``); never the clause's own subject."""
    doc = ctx.doc
    i = tok.sent.start
    for k in range(tok.sent.start, tok.i):
        # the parser may run a sentence on across a line break or a closed quote's full stop
        if doc[k].is_space or "\n" in doc[k].whitespace_ or doc[k].text in {".", "!", "?"}:
            i = k + 1
    while i < tok.i and (doc[i].text in OPENING_MARKS or doc[i].lower_ in _SELON_OPENERS):
        i += 1
    if i + 1 >= tok.i:
        return None
    if doc[i].lower_ == "selon":
        cue = doc[i]
    elif doc[i].lower_ in {"d'", "d"} and doc[i + 1].lower_ == "après":
        cue = doc[i + 1]
    else:
        return None
    comma = next((t for t in doc[cue.i + 1 : tok.i] if t.text == ","), None)
    if comma is None or any(t.text in OPENING_MARKS for t in doc[cue.i + 1 : comma.i]):
        return None
    return speaker_of_cue(ctx, cue, excl)
