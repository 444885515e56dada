"""Question-and-answer interviews: who ``vous`` is, and whose words a headline quote is.

In an interview the author's questions address the interviewee (``ainsi que vous l'avez
expliqué``), who is named in the title or standfirst and seldom again; the quote a title opens
with is the interviewee's too.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from allegiance.extract.speaker_words import SECOND_PERSON

if TYPE_CHECKING:
    from allegiance.extract.quote_context import QuoteContext
    from allegiance.models import Entity

#: how many answered question paragraphs addressed to ``vous`` make an interview by
#: themselves (an explainer's subheads, ``Quand devez-vous déclarer … ?``, ask one or two)
_MIN_QUESTIONS = 3
#: with a word saying the piece is an interview, two answered questions are enough
_MIN_MARKED_QUESTIONS = 2
_MARKER = re.compile(
    r"\b(?:entretien|propos recueillis|interview(?:ée?s?)?|interviewed|q ?& ?a)\b", re.IGNORECASE
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
