"""News outlets as speakers: ``le quotidien américain``, ``le journal satirique``, ``peut-on lire``.

Articles cite other media all the time, and then refer back to them with a description (``Le
quotidien américain avait rapporté …``) or no name at all (``… », peut-on lire.``). Those point
to the latest outlet the article named, not to the latest organisation: the company the outlet
wrote about is usually named in between.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from allegiance.extract.speaker_words import (
    AMBIGUOUS_MEDIA_NOUNS,
    MEDIA_NAME_WORDS,
    MEDIA_NAMES,
    MEDIA_NOUNS,
    PRESS_QUALIFIERS,
    PUBLISHING_VERBS,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.quote_context import MentionRef, QuoteContext
    from allegiance.models import Entity

#: how far back an outlet may have been named
_WINDOW = 3000
#: a leading article, left out when a name is compared with :data:`MEDIA_NAMES`
_ARTICLE = re.compile(r"^(?:(?:les|le|la|the)\s+|l')")


def is_media_noun(lang: str, lemma: str, noun: Token | None = None) -> bool:
    """``journal``, ``quotidien``, ``newspaper``: a noun describing an outlet. A noun with an
    everyday sense too (``le titre a chuté``, ``le site de production``) counts only with a
    press word after it (``le site d'information``) or as the subject of a publishing verb."""
    if lemma not in MEDIA_NOUNS.get(lang, set()):
        return False
    if lemma not in AMBIGUOUS_MEDIA_NOUNS:
        return True
    if noun is None:
        return False
    after = {t.lemma_.lower() for t in noun.doc[noun.i + 1 : noun.i + 4]}
    if after & PRESS_QUALIFIERS:
        return True
    return noun.dep_.startswith("nsubj") and noun.head.lemma_.lower() in PUBLISHING_VERBS


def is_outlet(ctx: QuoteContext, ref: MentionRef) -> bool:
    """An organisation that is a news outlet: a name with a press word (``Wall Street Journal``,
    ``Le Monde``, ``Financial Times``), or one the article shows publishing (``Mediapart
    publie``, ``révèle Le Point``)."""
    entity = ref.entity
    if entity.type != "organization":
        return False
    return named_as_press(entity) or any(_publishes(ctx, m.start) for m in entity.mentions)


def named_as_press(entity: Entity) -> bool:
    """An organisation whose name says it is the press: a press word (``Wall Street
    Journal``, ``Financial Times``) or a known outlet (``Le Monde``, ``AFP``)."""
    if entity.type != "organization":
        return False
    name = " ".join(entity.name.replace("-", " ").replace("’", "'").lower().split())
    words = {w.strip("'") for w in name.split()}
    return bool(words & MEDIA_NAME_WORDS) or _ARTICLE.sub("", name) in MEDIA_NAMES


def _publishes(ctx: QuoteContext, start: int) -> bool:
    tok = ctx.token_at(start)
    if tok is None:
        return False
    return tok.dep_.startswith("nsubj") and tok.head.lemma_.lower() in PUBLISHING_VERBS


def latest_outlet(ctx: QuoteContext, pos: int) -> Entity | None:
    """The outlet named last before ``pos`` (within a few paragraphs)."""
    for ref in reversed(ctx.mentions_in(max(0, pos - _WINDOW), pos)):
        if is_outlet(ctx, ref):
            return ref.entity
    return None
