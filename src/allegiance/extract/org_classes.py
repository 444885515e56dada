"""What kind of body an organisation is, so that a description of one kind (``le syndicat``,
``l'ONG``, ``le constructeur``) does not stand for a body of another kind named just before.

A body's kind comes from the nouns the article wrote next to its name (``le syndicat Force
ouvrière``, ``la banque X``) and, for a company, from its stock-market listing (a ticker).
Generic company nouns (``la société``, ``l'entreprise``) fit any company; two trades
(``le constructeur``, ``la banque``) do not fit each other; ``le groupe`` says nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.speaker_roles import known_roles

if TYPE_CHECKING:
    from allegiance.extract.quote_context import QuoteContext
    from allegiance.models import Entity

_COMPANY = "company"

#: French organisation nouns that say what kind of body it is
_KINDS = {
    "syndicat": "union",
    "intersyndicale": "union",
    "confédération": "union",
    "parti": "party",
    "ong": "ngo",
    "association": "ngo",
    "collectif": "ngo",
    "société": _COMPANY,
    "entreprise": _COMPANY,
    "firme": _COMPANY,
    "compagnie": _COMPANY,
    "start-up": _COMPANY,
    "startup": _COMPANY,
    "conglomérat": _COMPANY,
    "constructeur": "company:maker",
    "fabricant": "company:maker",
    "banque": "company:bank",
    "assureur": "company:insurer",
    "laboratoire": "company:lab",
    "pétrolier": "company:oil",
}


def _fits(a: str, b: str) -> bool:
    """Two kinds that may name one body: the same, or a generic company and a trade."""
    if a == b:
        return True
    return _COMPANY in {a, b} and a.startswith(_COMPANY) and b.startswith(_COMPANY)


def kind_of_noun(lemma: str) -> str | None:
    return _KINDS.get(lemma)


def kinds_of(ctx: QuoteContext, entity: Entity, start: int) -> set[str]:
    """The kinds the article gave ``entity`` before ``start`` (a listed company is one)."""
    # the noun a body's own name opens with is no kind (``la Société protectrice des animaux``
    # is an association)
    own = entity.name.lower().split()[:1]
    kinds = {
        k
        for w in known_roles(ctx, entity, start)
        if w not in own and (k := _KINDS.get(w)) is not None
    }
    if entity.ticker is not None:
        kinds.add(_COMPANY)
    return kinds


def kind_apart(ctx: QuoteContext, lemma: str, entity: Entity, start: int) -> bool:
    """The description noun ``lemma`` names a kind of body that none of ``entity``'s known
    kinds fits (``le constructeur`` after ``le syndicat Force ouvrière``)."""
    wanted = _KINDS.get(lemma)
    if wanted is None:
        return False
    kinds = kinds_of(ctx, entity, start)
    return bool(kinds) and not any(_fits(wanted, k) for k in kinds)


__all__ = ["kind_apart", "kind_of_noun", "kinds_of"]
