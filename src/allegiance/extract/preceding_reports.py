"""The report just before a quote that stands alone: the sentence before it in its paragraph
(``X pense qu'il faut documenter. « … »``), or the paragraph before it, past a sub-heading
(``Le technicien estime que … ¶ « … »``). Split from :mod:`allegiance.extract.quote_fallbacks`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.attribution import is_cue, speaker_of_cue, tokens_between
from allegiance.extract.frames import kept_silent, quoted
from allegiance.extract.incise_subjects import after_closing_mark
from allegiance.extract.quote_context import QuoteContext
from allegiance.extract.subject_chains import opinion_holder_before
from allegiance.extract.verb_chains import questioned_subject
from allegiance.models import Speaker

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token


def previous_sentence_cue(ctx: QuoteContext, open_at: int, end: int) -> Speaker | None:
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
    # a quote of that sentence already attributed: its speaker (``X « … », a indiqué le Comité.
    # « … », est-il précisé``), not the cue read again apart from the quote it introduced
    seen = [(at, sp) for at, sp in ctx.speakers_seen if sent.start_char <= at < open_at]
    cues = [t for t in sent if t.idx < open_at and is_cue(ctx, t) and not kept_silent(t)]
    if seen and seen[-1][1].entity:
        at, attributed = seen[-1]
        # not when another report follows that quote (``« … », mais le ministre, X, lui a
        # répondu. « … »``); the quote's own incise (``», a indiqué le Comité``) is no other
        if not any(c.idx > at and not quoted(ctx, c) and not after_closing_mark(c) for c in cues):
            return attributed
    for cue in reversed(cues):
        questioned = questioned_subject(cue) if ctx.lang == "fr" else None
        if questioned is not None:  # ``Interrogé par X, le député botte en touche. « … »``
            speaker = ctx.speaker_from_tokens(questioned, (open_at, end))
            if speaker is not None:
                return speaker
            continue
        speaker = speaker_of_cue(ctx, cue, (open_at, end))
        if speaker is not None and (speaker.entity or speaker.name[:1].isupper()):
            return speaker
    # no cue: a sentence about a named actor (``X est en accord.``, ``Il insiste sur …``) just
    # before a quote standing alone lends it its subject
    if toks[-1].text in {".", ":", "!", ";"}:
        return (
            opinion_holder_before(ctx, sent, open_at)
            or _named_subject(ctx, sent, (open_at, end))
            or _subject_before_apposition(ctx, toks[:-1])
        )
    return None


#: the longest line read as a sub-heading between a report and the quote that goes on with it
_HEADING_LINE = 100


def previous_paragraph_cue(ctx: QuoteContext, open_at: int, end: int) -> Speaker | None:
    """A quote opening its own paragraph, after a paragraph (maybe then a short sub-heading)
    whose last sentence reports the speech of a named actor: ``Le technicien estime que … .
    ¶ « on doit décider vite » ¶ « Je crois que … »``: the named speaker goes on."""
    text = ctx.text
    line_start = text.rfind("\n", 0, open_at) + 1
    if text[line_start:open_at].strip():
        return None
    # the lines before, with their offsets (a blank line between paragraphs)
    lines: list[tuple[int, str]] = []
    pos = line_start
    while pos > 0 and len(lines) < 2:
        prev_start = text.rfind("\n", 0, pos - 1) + 1
        line = text[prev_start : pos - 1] if pos > 0 else ""
        if line.strip():
            lines.append((prev_start, line.rstrip()))
        pos = prev_start
    if len(lines) == 2 and _sub_heading(lines[0][1]):
        lines.pop(0)  # a sub-heading between the report and the quote
    if not lines:
        return None
    para_start, para = lines[0]
    toks = tokens_between(ctx, para_start, para_start + len(para))
    if not toks or toks[-1].text not in {".", "!"}:
        return None
    sent = toks[-1].sent
    for cue in reversed([t for t in sent if is_cue(ctx, t) and not kept_silent(t)]):
        if cue.idx < para_start:
            continue  # a sentence the parser ran over the paragraph break
        speaker = speaker_of_cue(ctx, cue, (open_at, end))
        entity = ctx.entity(speaker.entity) if speaker is not None and speaker.entity else None
        if entity is not None and entity.type == "person":
            # a person goes on speaking; a body's announcement is followed by others' reactions
            return speaker
    return None


def _sub_heading(line: str) -> bool:
    """A short line with no sentence-final punctuation, or a quotation alone on its line
    (``« on doit décider vite »``): a sub-heading, not a sentence of the story."""
    line = line.strip()
    if len(line) > _HEADING_LINE:
        return False
    if line[:1] in '«“"' and line[-1:] in '»”"':
        return True
    return line[-1:] not in {".", "!", "?", ":", "»", "”", '"', ")", "…"}


def _subject_before_apposition(ctx: QuoteContext, toks: list[Token]) -> Speaker | None:
    """``À Châteaulin, Claire, 41 ans, a vu un arbre tomber. « … »``: a person named at the head
    of the sentence (maybe after a fronted phrase) and set off by a comma before an age or an
    occupation is the subject of the sentence's verb. The parser often ends a sentence at such
    an apposition and leaves the verb without a subject, so the words, not the parse, say it."""
    k = max(
        (i for i, t in enumerate(toks) if t.text in {".", "!", "?", "»", "”"}),
        default=-1,
    )
    words = toks[k + 1 :]
    for i, tok in enumerate(words):
        ref = ctx.mention_of(tok)
        if ref is None:
            continue
        if ref.entity.type != "person" or (i > 0 and words[i - 1].text != ","):
            return None  # the first actor named is the subject, or no rule applies
        rest = [t for t in words[i + 1 :] if t.idx >= ref.end]
        if not rest or rest[0].text != ",":
            return None
        for verb in rest:
            if verb.pos_ not in {"VERB", "AUX"} or "Fin" not in verb.morph.get("VerbForm", []):
                continue
            head = verb.head if verb.pos_ == "AUX" else verb
            subjects = [c for c in head.children if c.dep_.startswith("nsubj")]
            if any(c.lower_ in {"qui", "qu'", "que"} for c in subjects):
                continue  # ``Claire, qui a 41 ans, …``: a relative clause about the name
            if subjects:
                return None
            return ref.speaker(ctx.text)
        return None
    return None


def _named_subject(ctx: QuoteContext, sent: SpacySpan, excl: tuple[int, int]) -> Speaker | None:
    """The subject of ``sent``'s main verb when it is a named actor or a resolved pronoun."""
    root = sent.root
    speech = [root, *(c for c in root.children if c.dep_ == "xcomp")]
    if any(kept_silent(t) for t in speech) and (
        root.lemma_.lower() in {"refuser", "décliner"} or any(is_cue(ctx, t) for t in speech)
    ):
        # ``X a refusé de commenter. « … »``, ``X n'a pas souhaité répondre``: the quote is
        # someone else's; a negation on any other verb (``ne se doutait pas``) silences nobody
        return None
    subjects = [c for c in root.children if c.dep_ in {"nsubj", "nsubj:pass"}]
    if not subjects:
        # ``Christine, propriétaire de l'appartement, ne se doutait de rien.``: the parser
        # reads a name set off by a comma before the verb as an address; it is the subject
        subjects = [
            c for c in root.children if c.dep_ in {"vocative", "dislocated"} and c.i < root.i
        ]
    for child in subjects:
        if not (excl[0] <= child.idx < excl[1]):
            speaker = ctx.speaker_from_tokens(child, excl)
            if speaker is not None and speaker.entity is not None:
                return speaker
    return None
