"""Round 11 (disc): a description is not given to the latest person when that person's known
role does not fit it and the article wrote the same noun next to someone else before."""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context

pytestmark = pytest.mark.model


def _speaker(text: str, fragment: str) -> str | None:
    art = analyze(text, lang="fr", published="2025-03-04", context=default_context())
    quote = next(q for q in art.quotes if fragment in q.text)
    return quote.speaker.entity if quote.speaker else None


def test_description_skips_newcomer_apposed_to_other_role() -> None:
    """``Son rival, Y, …`` (name hung on the verb) gives Y the role ``rival``, so a later
    ``le maire`` goes back to the one written next to ``maire``."""
    text = (
        "Le maire de Valbonne-sur-Lys, Étienne Roubaud, a présenté son budget. "
        "Son rival, Thibault Carrère, a fustigé une gestion opaque. "
        "« Mon concurrent invente des chiffres », a répondu le maire."
    )
    assert _speaker(text, "invente des chiffres") == "etienne-roubaud"


def test_object_apposition_role() -> None:
    """``a renvoyé l'entraîneur, X``: X is the entraîneur; a later ``l'entraîneur`` stands for
    him, not for the president who spoke since."""
    text = (
        "Le conseil d'administration a renvoyé l'entraîneur, Hugues Delmotte. "
        "« Les résultats ne suivaient plus », a expliqué le président du club, Armand Quéré. "
        "L'entraîneur regrette « un choix précipité »."
    )
    assert _speaker(text, "un choix précipité") == "hugues-delmotte"


def test_guard_pénaliste_still_the_lawyer() -> None:
    """Guard: ``le pénaliste`` stays the lawyer introduced as ``Me X``."""
    text = (
        "Le procès de Lionel Abadie s'est ouvert lundi. Son avocat, Me Cyril Vanhove, a plaidé "
        "la relaxe. « Le dossier est vide », a lancé le pénaliste."
    )
    assert _speaker(text, "Le dossier est vide") == "cyril-vanhove"
