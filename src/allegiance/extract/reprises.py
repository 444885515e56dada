"""A quote taken up by the sentence after it, which names its speaker (French).

Features and regional press open on a quote and name its speaker in the next sentence with a
fixed frame that refers back to the words just quoted: ``« … » C'est ce qu'a déclaré X``,
``C'est par ces mots que X a annoncé …``, ``Ainsi s'exprime X``, ``Le message de X est clair``,
``Tels sont les mots de X``. The frame is what makes the link safe: a bare ``X est formel``
after a quote is left to the continuity rules.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from allegiance.models import Span, Speaker

if TYPE_CHECKING:
    from allegiance.extract.quote_context import QuoteContext

#: frames opening the next sentence that take up the words just quoted; the speaker is the first
#: actor named after the frame, in the same sentence
_REPRISE = re.compile(
    r"(?:C'est|Ce sont) (?:ce qu[e']|ainsi que|en ces termes que|avec ces mots que|"
    r"par ces mots que|sur ces mots que|là le (?:message|constat) que)"
    r"|Ainsi (?:s'exprime|s'est exprimée?|parle|a parlé|réagit|a réagi|témoigne|résume|conclut)"
    r"|(?:Le|Tel est le|Voilà le|Voici le) (?:message|constat|cri|cri d'alarme|avertissement|"
    r"credo|mot d'ordre|verdict|sentiment|coup de gueule|appel|plaidoyer|réquisitoire) "
    r"(?:de|d'|du|des)\s?"
    r"|(?:Tels sont|Ce sont|Voici|Voilà) les (?:mots|propos|paroles) (?:de|d'|du|des)\s?",
)


def taken_up_after(ctx: QuoteContext, close_at: int) -> Speaker | None:
    """The speaker a reprise frame right after the closing mark at ``close_at`` names, if any."""
    if ctx.lang != "fr":
        return None
    text = ctx.text
    k = close_at + 1
    while k < len(text) and text[k] in " \t\u00a0\n":  # the next sentence or paragraph
        k += 1
    found = _REPRISE.match(text, k)  # the Doc's text: apostrophes already plain
    if found is None:
        return None
    # the frame's own subject: right after it, past the verb of ``C'est ce qu'a déclaré`` and
    # its adverbs; a determiner there opens an unnamed subject (``les manifestants devant la
    # mairie de X``), which no later name replaces
    doc = ctx.doc
    first = next((t for t in doc if t.idx >= found.end() and not t.is_space), None)
    skipped = 0
    while first is not None and skipped < 4 and first.pos_ in {"AUX", "VERB", "ADV"}:
        first = doc[first.i + 1] if first.i + 1 < len(doc) else None
        skipped += 1
    if first is None:
        return None
    ref = ctx.mention_of(first)
    if ref is None or ref.start != first.idx or ref.entity.type not in {"person", "organization"}:
        return None
    return Speaker(
        ref.entity.id, ref.entity.name, Span(text[ref.start : ref.end], ref.start, ref.end)
    )
