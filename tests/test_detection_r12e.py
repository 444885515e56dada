"""Round 12e detection rules, on invented sentences: ``faire part de son intention de``,
``l'accusation de X selon laquelle …``, ``mettre en garde contre « … »``."""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context

pytestmark = pytest.mark.model


def _quotes(text: str) -> list[tuple[str, str, str | None, str | None]]:
    art = analyze(text, lang="fr", published="2025-03-04", context=default_context())
    return [
        (
            q.kind,
            q.text,
            q.speaker.entity if q.speaker else None,
            q.speaker.name if q.speaker else None,
        )
        for q in art.quotes
    ]


def test_faire_part_de_son_intention() -> None:
    found = _quotes("Le directeur, Paul Martin, fait part de son souhait de rester en poste.")
    assert ("indirect", "de rester en poste", "paul-martin", "Paul Martin") in found


def test_faire_part_without_intent_is_no_report() -> None:
    """Guard: ``faire part de son inquiétude`` has a noun-phrase object only."""
    assert _quotes("Le syndicat a fait part de son inquiétude après la fermeture du site.") == []


def test_claim_of_named_source_selon_laquelle() -> None:
    found = _quotes(
        "Le groupe Valmonde dément les affirmations de la CGT selon lesquelles "
        "l'usine va fermer en juin."
    )
    assert [(k, t, e) for k, t, e, _ in found] == [("indirect", "l'usine va fermer en juin", "cgt")]


def test_claim_stops_before_the_main_clause_going_on() -> None:
    found = _quotes(
        "Le groupe Valmonde a rejeté lundi l'accusation de la CGT selon laquelle il aurait caché "
        "des pertes, et a rappelé que ses comptes sont publics."
    )
    claims = [t for k, t, e, _ in found if e == "cgt"]
    assert claims == ["il aurait caché des pertes"]


def test_idea_selon_laquelle_has_no_source() -> None:
    """Guard: ``l'idée selon laquelle`` / ``l'argument de X selon lequel`` name no speech act."""
    assert _quotes("Les chiffres contredisent l'idée selon laquelle les usines ferment.") == []
    found = _quotes(
        "Il balaie l'argument de la société Valmonde selon lequel les clients auraient dû lire "
        "le contrat."
    )
    assert found == []


def test_warning_against_marked_term() -> None:
    found = _quotes("Paul Martin a mis en garde contre une « pénurie » de chauffeurs cet hiver.")
    assert ("partial", "pénurie", "paul-martin", "Paul Martin") in found
