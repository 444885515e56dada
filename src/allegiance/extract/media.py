"""News outlets as speakers: ``le quotidien américain``, ``le journal satirique``, ``peut-on lire``.

Articles cite other media all the time, and then refer back to them with a description (``Le
quotidien américain avait rapporté …``) or no name at all (``… », peut-on lire.``). Those point
to the latest outlet the article named, not to the latest organisation: the company the outlet
wrote about is usually named in between.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.speaker_words import MEDIA_NAME_WORDS, MEDIA_NOUNS, PUBLISHING_VERBS

if TYPE_CHECKING:
    from allegiance.extract.quote_context import MentionRef, QuoteContext
    from allegiance.models import Entity

#: how far back an outlet may have been named
_WINDOW = 3000


def is_media_noun(lang: str, lemma: str) -> bool:
    """``journal``, ``quotidien``, ``newspaper``: a noun describing an outlet."""
    return lemma in MEDIA_NOUNS.get(lang, set())


def is_outlet(ctx: QuoteContext, ref: MentionRef) -> bool:
    """An organisation that is a news outlet: a name with a press word (``Wall Street Journal``,
    ``Le Monde``, ``Financial Times``), or one the article shows publishing (``Mediapart
    publie``, ``révèle Le Point``)."""
    entity = ref.entity
    if entity.type != "organization":
        return False
    words = {w.strip("'’").lower() for w in entity.name.replace("-", " ").split()}
    if words & MEDIA_NAME_WORDS:
        return True
    return any(_publishes(ctx, m.start) for m in entity.mentions)


def _publishes(ctx: QuoteContext, start: int) -> bool:
    tok = ctx._token_at(start)
    if tok is None:
        return False
    return tok.dep_.startswith("nsubj") and tok.head.lemma_.lower() in PUBLISHING_VERBS


def latest_outlet(ctx: QuoteContext, pos: int) -> Entity | None:
    """The outlet named last before ``pos`` (within a few paragraphs)."""
    for ref in reversed(ctx.mentions_in(max(0, pos - _WINDOW), pos)):
        if is_outlet(ctx, ref):
            return ref.entity
    return None
