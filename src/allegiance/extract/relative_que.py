"""A ``que`` after a noun that is the relative pronoun, not the start of reported content.

``a répondu aux critiques que les habitants avaient formulées``: the clause describes the noun.
Split out of :mod:`allegiance.extract.report_filters` (module size); pure token logic, read by
:func:`allegiance.extract.indirect_clauses.que_after`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["agreeing_relative"]

_RELATIVE_QUE = frozenset({"que", "qu'", "qu"})
#: endings of a past participle that agrees in gender or number
_AGREEING = ("ée", "ées", "és", "ise", "ises", "ite", "ites", "ues", "ue", "us", "ie", "ies")


#: object pronouns before ``avoir`` that make its participle agree in a plain clause
_ACCUSATIVE_CLITICS = frozenset({"le", "la", "les", "l'", "me", "m'", "te", "t'", "nous", "vous"})


def agreeing_relative(que: Token, *, past_comma: bool = False) -> bool:
    """``a répondu aux critiques que les habitants avaient formulées``, ``d'insultes que des
    témoins disent avoir entendues``: after a noun, a ``que`` whose clause has a participle of
    ``avoir`` agreeing with something before it is the relative pronoun, the object of that
    participle; the clause describes the noun and reports nothing. (A participle of ``avoir``
    agrees only with a direct object placed before it; an object pronoun before ``avoir``,
    ``que la police l'avait arrêtée``, is such an object, and the clause is reported.)"""
    doc = que.doc
    before = que.i - 1
    if past_comma and before > 0 and doc[before].text == ",":
        before -= 1  # ``l'annonce de sa sentence, qu'elle a accueillie d'un sourire``
    if que.i == 0 or doc[before].pos_ not in {"NOUN", "PROPN"}:
        return False
    for tok in doc[que.i + 1 : min(que.i + 10, que.sent.end)]:
        if tok.is_punct or tok.lower_ in _RELATIVE_QUE:
            return False
        prev = doc[tok.i - 1]
        if (
            prev.lemma_ == "avoir"
            and doc[prev.i - 1].lower_ not in _ACCUSATIVE_CLITICS  # ``la police l'avait arrêtée``
            and tok.lower_.endswith(_AGREEING)
            and tok.lower_ not in {"tous", "plus", "dessus", "dessous"}
            and ("Part" in tok.morph.get("VerbForm", []) or tok.pos_ in {"VERB", "ADJ"})
        ):
            return True
    return False
