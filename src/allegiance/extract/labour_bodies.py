"""Which body ``la centrale`` and ``la direction`` may name in labour news.

``la centrale`` is a union federation (``la centrale dirigée par X juge …``) unless its kind,
fuel or place makes it a power plant (``la centrale nucléaire``, ``de Flamanville``);
``la direction`` of a firm on strike is its management, never a union the article named, unless
the union's own leadership was (``la direction de la CGT``). Split from
:mod:`allegiance.extract.described_speakers`, whose description rules ask these two questions.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from allegiance.resolve.kb import fold

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.quote_context import QuoteContext

__all__ = ["power_plant", "unions_named"]


#: what makes ``centrale`` a power plant: its kind (``la centrale nucléaire``)
_PLANT_KINDS = frozenset(
    {"nucléaire", "électrique", "thermique", "solaire", "hydraulique", "hydroélectrique",
     "éolienne", "photovoltaïque", "géothermique", "atomique"}
)  # fmt: skip
_PLANT_FUELS = frozenset({"charbon", "gaz", "fioul", "biomasse", "lignite"})


def power_plant(head: Token) -> bool:
    """``la centrale nucléaire``, ``la centrale de Flamanville``, ``la centrale à charbon``:
    a power plant (its kind, its fuel or the place it stands), not the union federation
    (``la centrale dirigée par X``, ``la centrale à l'origine du mouvement``)."""
    if head.lower_ not in {"centrale", "centrales"}:
        return False
    doc = head.doc
    after = [t.lower_ for t in doc[head.i + 1 : head.i + 3]]
    place = (
        len(after) == 2
        and after[0] in {"de", "d'"}
        and doc[head.i + 2].text[:1].isupper()
        and doc[head.i + 2].pos_ == "PROPN"
    )
    return (
        any(c.lower_ in _PLANT_KINDS for c in head.children)
        or (bool(after) and after[0] in _PLANT_KINDS)
        or (len(after) == 2 and after[0] in {"à", "au"} and after[1] in _PLANT_FUELS)
        or place
    )


#: the French unions' own names and acronyms (folded), and the nouns that introduce a union
_UNION_NAMES = frozenset(
    {"cgt", "cfdt", "fo", "force ouvriere", "cfe-cgc", "cftc", "unsa", "sud", "solidaires",
     "fsu", "stc", "snes", "snes-fsu", "fgtb", "csc", "unia", "ig metall"}
)  # fmt: skip
_UNION_NOUNS = frozenset({"syndicat", "intersyndicale", "centrale", "confédération"})
_DIRECTION_OF = re.compile(r"\bdirection\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*$", re.I)


def unions_named(ctx: QuoteContext, start: int) -> set[str]:
    """The unions named before ``start``: by their own name, or introduced as ``le syndicat
    X``; not one whose own leadership the article named (``la direction de la CGT``)."""
    found: set[str] = set()
    led: set[str] = set()  # ``la direction de la CGT``: a union's own leadership
    for ref in ctx.mentions_in(0, start):
        entity = ref.entity
        if entity.type != "organization":
            continue
        if _DIRECTION_OF.search(ctx.text[max(0, ref.start - 30) : ref.start]):
            led.add(entity.id)
        names = {fold(entity.name), *(fold(a) for a in entity.aliases)}
        if names & _UNION_NAMES or ctx.roles_of(ref) & _UNION_NOUNS:
            found.add(entity.id)
    return found - led
