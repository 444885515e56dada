"""Question-and-answer interviews: who ``vous`` is, and whose words a headline quote is; and
social-media posts embedded in an article (the text of the post, then its signature line).

In an interview the author's questions address the interviewee (``ainsi que vous l'avez
expliqué``), who is named in the title or standfirst and seldom again; the quote a title opens
with is the interviewee's too.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from allegiance.extract.speaker_words import SECOND_PERSON
from allegiance.models import Quote, Span, Speaker

if TYPE_CHECKING:
    from allegiance.extract.quote_context import QuoteContext
    from allegiance.models import Entity

#: how many answered question paragraphs addressed to ``vous`` make an interview by
#: themselves (an explainer's subheads, ``Quand devez-vous déclarer … ?``, ask one or two)
_MIN_QUESTIONS = 3
#: with a word saying the piece is an interview, two answered questions are enough
_MIN_MARKED_QUESTIONS = 2
_MARKER = re.compile(
    r"\b(?:entretien|propos recueillis|interview(?:ée?s?)?|interviewed|q ?& ?a)\b",
    re.IGNORECASE,
)
#: the title and standfirst, where the interviewee is named
_HEAD_CHARS = 600
_WORD = re.compile(r"\w+")


def interviewee(ctx: QuoteContext) -> Entity | None:
    """The person interviewed, when the article is a Q/A interview: paragraphs that ask
    (end with ``?``) and address ``vous``/``you``, and a person named in the opening lines."""
    if "" in ctx.interview_cache:
        return ctx.interview_cache[""]
    found: Entity | None = None
    second = SECOND_PERSON.get(ctx.lang, set())
    paras = [p.strip() for p in ctx.text.split("\n") if p.strip()]
    questions = 0
    for para, nxt in zip(paras, paras[1:], strict=False):
        asks = para.endswith("?") and {w.lower() for w in _WORD.findall(para)} & second
        if asks and not nxt.endswith("?"):  # a question and its answer
            questions += 1
    if questions >= _MIN_QUESTIONS or (
        questions >= _MIN_MARKED_QUESTIONS and _MARKER.search(ctx.text) is not None
    ):
        head = [r for r in ctx.mentions_in(0, _HEAD_CHARS) if r.entity.type == "person"]
        if head:
            found = head[0].entity
    ctx.interview_cache[""] = found
    return found


def opens_article(ctx: QuoteContext, open_at: int) -> bool:
    """The quote stands in the title or the first line of the article."""
    return "\n" not in ctx.text[:open_at].strip()


#: the signature line an embedded post ends with, as the platforms' embed code prints it:
#: ``— Jeanne Dupont (@jdupont) 10 février 2025`` (the dash normalised to ``-``)
_POST_SIGNATURE = re.compile(
    r"^[ \t]*[-–—][ \t]*(?P<name>[^\n(@]{2,60}?)[ \t]*\(@\w{1,30}\)[^\n]{0,60}$",
    re.MULTILINE,
)


#: the same signature run on at the end of the post's own paragraph, after the post's picture
#: or short link (``… dans les rues de Paris. pic.twitter.com/x1Y2 — Utopia 56 (@Utopia_56) May
#: 28, 2024``)
_INLINE_SIGNATURE = re.compile(
    r"(?P<link>(?:pic\.twitter\.com|https?://t\.co)/\S+)[ \t]+[-–—][ \t]*"
    r"(?P<name>[^\n(@]{2,60}?)[ \t]*\(@\w{1,30}\)[^\n]{0,60}$",
    re.MULTILINE,
)


def embedded_posts(ctx: QuoteContext, marked: list[tuple[int, int]]) -> list[Quote]:
    """Posts embedded in the article: the paragraph right above a signature line (``— Name
    (@handle) date``), or the paragraph a signature closes after the post's link, is a direct
    quote of the signing author, marks or no marks. A paragraph already inside a marked quote
    is left to it; marks inside the post are the post's (the caller drops their quotes)."""
    text = ctx.text
    out: list[Quote] = []
    signatures = [(sig, sig.start()) for sig in _POST_SIGNATURE.finditer(text)]
    signatures += [(sig, sig.start("link")) for sig in _INLINE_SIGNATURE.finditer(text)]
    for sig, post_end in sorted(signatures, key=lambda s: s[1]):
        end = len(text[:post_end].rstrip())
        start = text.rfind("\n", 0, end) + 1
        while start < end and text[start] in ' \t«“"':
            start += 1
        while end > start and text[end - 1] in ' \t»”"':
            end -= 1
        # marks straddling the paragraph's edge hold it; marks inside it are the post's own
        # (``détourne le “risque terroriste”``), taken with it
        if end - start < 10 or any(
            s < end and start < e and not (start <= s and e <= end) for s, e in marked
        ):
            continue
        n_start, n_end = sig.start("name"), sig.end("name")
        ref = ctx.mention_at(n_start, n_end)
        name = text[n_start:n_end]
        mention = Span(name, n_start, n_end)
        speaker = (
            Speaker(ref.entity.id, ref.entity.name, mention)
            if ref
            else Speaker(None, name, mention)
        )
        out.append(Quote(text[start:end], start, end, "direct", None, speaker, [], 0.7))
    return out


#: a dialogue turn: a line opening on a dash, an utterance, then an inverted incise
#: (``— Je ne partirai pas, dit-elle.``; the dash normalised to ``-``)
#: The incise takes the three forms of French prose: the verb and an inverted pronoun
#: (``dit-elle``), an inverted compound tense (``a-t-il lancé``), or the verb, simple or
#: compound, before a named or described subject (``répond Jérôme Valette``, ``a lancé le
#: maire``); the cue must still be a speech verb
_LOWER = r"[a-zàâçéèêëîïôûù]"
#: the marks of speech in a turn with a named incise: a person speaking (first or second person)
_PERSONAL = re.compile(r"\b(?:je|j'|nous|vous|tu|me|m'|moi|te|t'|on)\b", re.IGNORECASE)


#: verbs of a conversation's turns (``répond X``), which summary bullets do not use
_EXCHANGE_VERBS = frozenset(
    {"répondre", "rétorquer", "répliquer", "lancer", "interrompre", "reprendre", "insister",
     "protester", "objecter", "s'écrier", "s'exclamer", "demander", "questionner", "relancer",
     "couper", "enchaîner", "murmurer", "souffler", "soupirer", "crier"}
)  # fmt: skip


def _spoken(said: str, stop: str) -> bool:
    """A dash line with a named incise is a dialogue turn, not a summary bullet (``- Le
    chômage a reculé, indique Pôle emploi.``), when it speaks: a question, an exclamation, a
    first or second person."""
    return stop in {"!", "?", "…"} or _PERSONAL.search(said.replace("’", "'")) is not None


_DIALOGUE_TURN = re.compile(
    r"^[ \t]*[-–—][ \t]+(?P<said>[^\n]{3,}?)(?P<stop>[,!?…])[ \t]+(?:"
    r"(?:a|avait|ont|avaient)-t?-?(?:il|elle|ils|elles)[ \t]+(?P<cue2>" + _LOWER + r"+)"
    r"|(?P<cue>" + _LOWER + r"+)-(?:t-)?(?P<who>il|elle|ils|elles)\b"
    r"|(?:(?:a|avait|ont|avaient)[ \t]+)?(?P<cue3>" + _LOWER + r"+)[ \t]+"
    r"(?=[A-ZÀ-Ý]|(?:le|la|les|l'|son|sa|leur|un|une)[ \t']))[^\n]*$",
    re.MULTILINE,
)


def dialogue_turns(ctx: QuoteContext, marked: list[tuple[int, int]]) -> list[Quote]:
    """Dialogue set with dashes, as French prose prints it: ``— Je ne partirai pas, dit-elle.``
    A line that opens on a dash and carries an inverted speech incise is a direct quote; a dash
    line without such an incise (a bulleted list) is not. The speaker is the incise's pronoun,
    resolved as any pronoun subject."""
    from allegiance.extract.attribution import is_cue, speaker_of_cue
    from allegiance.extract.frames import tokens_between

    text = ctx.text
    out: list[Quote] = []
    for turn in _DIALOGUE_TURN.finditer(text):
        start, end = turn.start("said"), turn.end("said")
        if turn.group("stop") in "!?…":
            end = turn.end("stop")
        if any(s < end and start < e for s, e in marked):
            continue
        group = next(g for g in ("cue", "cue2", "cue3") if turn.group(g) is not None)
        cue = next(
            (t for t in tokens_between(ctx, turn.start(group), turn.end(group)) if is_cue(ctx, t)),
            None,
        )
        if cue is None:
            continue
        if group == "cue3" and not (
            _spoken(turn.group("said"), turn.group("stop")) or cue.lemma_.lower() in _EXCHANGE_VERBS
        ):
            continue  # "- Les prix ont augmenté, indique l'Insee.": a bullet, not a dialogue turn
        speaker = speaker_of_cue(ctx, cue, (start, end))
        cue_span = Span(cue.text, cue.idx, cue.idx + len(cue.text))
        out.append(Quote(text[start:end], start, end, "direct", cue_span, speaker, [], 0.65))
    return out
