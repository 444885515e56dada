"""Quote detection, round 12d: sources named by ``si l'on en croit X`` / ``à en croire X``,
``apprend-on`` with a day before its source, and a verb the tagger read as a noun in a
``selon`` report (invented sentences)."""

from __future__ import annotations

import pytest

from fr_articles import quotes_of as _quotes

pytestmark = pytest.mark.model


def test_postposed_si_l_on_en_croit() -> None:
    """``…, si l'on en croit X.``: X is the source of the claim before the comma."""
    quotes = _quotes(
        "Cette boulangerie est loin d'être un cas isolé, si l'on en croit Karine Morel."
    )
    assert any(
        k == "indirect" and t == "Cette boulangerie est loin d'être un cas isolé" and s
        for k, t, s in quotes
    )
    assert any(s is not None and "Morel" in s for _, _, s in quotes)


def test_preposed_a_en_croire() -> None:
    """``À en croire X, …``: the claim after the comma; an unnamed source keeps its words."""
    quotes = _quotes("À en croire la maire du village, les travaux dureront encore deux ans.")
    assert ("indirect", "les travaux dureront encore deux ans", "la maire du village") in quotes


def test_croire_without_source_idiom() -> None:
    """Guard: ``croire`` outside the idiom reports nothing."""
    quotes = _quotes("Il faut le voir pour le croire, a-t-on coutume de dire au village.")
    assert not any(t.startswith("Il faut le voir") for _, t, _ in quotes)


def test_learned_from_sources_after_a_day() -> None:
    """``…, apprend-on jeudi de deux sources proches du dossier``: the parser hangs the source
    on the day."""
    quotes = _quotes(
        "Le régulateur infligera lundi une amende au groupe pour pratiques déloyales, "
        "apprend-on jeudi de deux sources au fait du dossier."
    )
    assert any(
        k == "indirect" and t.startswith("Le régulateur infligera") and s and "sources" in s
        for k, t, s in quotes
    )


def test_selon_report_with_verb_read_as_noun() -> None:
    """``Le tour de table de X valorise la société …, selon des proches``: ``valorise`` tagged
    as a noun still makes the content a clause."""
    quotes = _quotes(
        "Le premier tour de financement de Nexalis AI valorise la société lyonnaise à "
        "80 millions d'euros, fonds levés compris, selon des proches de l'entreprise."
    )
    assert any(k == "indirect" and "valorise la société" in t for k, t, _ in quotes)


def test_selon_noun_phrase_stays_out() -> None:
    """Guard: a bare noun phrase with ``selon`` reports nothing (no verb)."""
    quotes = _quotes("Une hausse des prix de 4 %, selon des proches de l'entreprise.")
    assert not any(k == "indirect" for k, _, _ in quotes)
