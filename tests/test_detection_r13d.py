"""Round 13 (detr45): reports the French detection missed or invented, on invented sentences."""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context

pytestmark = pytest.mark.model


def _quotes(text: str) -> list[tuple[str, str, str | None]]:
    article = analyze(text, lang="fr", published="2025-03-04", context=default_context())
    return [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in article.quotes]


def test_firm_predicate_before_colon_reports_the_clause() -> None:
    """``X a été clair : …``: the clause after the colon is what X said."""
    quotes = _quotes("Paul Martin a été clair : il compte se présenter aux élections.")
    assert ("indirect", "il compte se présenter aux élections", "Paul Martin") in quotes


def test_firm_predicate_past_adjuncts_and_apposition() -> None:
    """``le ministre, invité sur …, a été formel sur ce point : …``."""
    quotes = _quotes(
        "Ce lundi, le ministre, invité sur le plateau de France 3, a été formel : "
        "la hausse des loyers sera limitée à 5%."
    )
    assert any(
        k == "indirect" and t == "la hausse des loyers sera limitée à 5%" for k, t, _ in quotes
    )
    quotes = _quotes(
        "Ce samedi 4 mars, le ministre, invité sur le plateau de France 3, a été formel : "
        "la hausse du prix du gaz sera entre 3,5% et 4,1%."
    )
    assert ("indirect", "la hausse du prix du gaz sera entre 3,5% et 4,1%", "le ministre") in quotes
    quotes = _quotes(
        "Le ministre a été très ferme sur ce point : la réforme entrera en vigueur en juin."
    )
    assert any(t == "la réforme entrera en vigueur en juin" for _, t, _ in quotes)


def test_firm_predicate_guard_no_speaker() -> None:
    """Guard: a thing that is clear (``La situation est claire :``) reports nobody."""
    assert _quotes("La situation est claire : personne ne bougera.") == []


def test_echo_with_subject_before_the_verb() -> None:
    """``C'est ce que X a déclaré``, ``C'est du moins ce que X, président de Y, a déclaré``:
    the sentence before is X's report."""
    quotes = _quotes(
        "Le chantier prendra deux ans de plus. C'est ce que Paul Durand a déclaré lundi au Figaro."
    )
    assert ("indirect", "Le chantier prendra deux ans de plus", "Paul Durand") in quotes
    quotes = _quotes(
        "Le chantier prendra deux ans de plus. C'est du moins ce que Paul Durand, le président "
        "du syndicat, a déclaré lundi."
    )
    assert ("indirect", "Le chantier prendra deux ans de plus", "Paul Durand") in quotes


def test_echo_guard_inverted_subject() -> None:
    """Guard: ``C'est ce qu'a affirmé X`` still reports the sentence before."""
    quotes = _quotes("Le chantier prendra deux ans de plus. C'est ce qu'a affirmé le maire.")
    assert [(k, t) for k, t, _ in quotes] == [("indirect", "Le chantier prendra deux ans de plus")]


def test_adverbial_clause_is_no_content() -> None:
    """``ce qu'elle a pensé lorsque …`` and ``confirmait le plan à venir``: no report."""
    assert not _quotes(
        "Marie Durand ne veut pas dévoiler ce qu'elle a pensé lorsque le ministre a présenté "
        "son fameux graphique."
    )
    quotes = _quotes(
        "Les ouvriers ont bloqué l'entrée de l'usine, tandis que leur directeur confirmait le "
        "plan social à venir."
    )
    assert all(t != "à venir" for _, t, _ in quotes)


def test_adverbial_clause_guards() -> None:
    """Guards: ``a demandé quand …`` is a question reported; a que-clause holding a ``quand``
    clause stays whole."""
    assert ("indirect", "quand le rapport serait publié", "Le ministre") in _quotes(
        "Le ministre a demandé quand le rapport serait publié."
    )
    assert (
        "indirect",
        "il partirait quand le rapport serait publié",
        "Paul",
    ) in _quotes("Paul a déclaré qu'il partirait quand le rapport serait publié.")
