"""Quote detection, round 12c: views opened by ``Pour M. X,`` or after a headline's colon,
denied speech verbs, and medial incises in a compound tense (invented sentences)."""

from __future__ import annotations

import pytest

from fr_articles import quotes_of as _quotes

pytestmark = pytest.mark.model


def test_view_of_titled_person() -> None:
    """``Pour M. X,``: the parser heads the phrase on the title; the view is still X's."""
    quotes = _quotes(
        "Pour M. Lemaire, le gouvernement cherche à gagner du temps avant les élections."
    )
    assert any(k == "indirect" and t.startswith("le gouvernement cherche") for k, t, _ in quotes)
    assert any(s is not None and "Lemaire" in s for _, _, s in quotes)


def test_view_after_headline_colon() -> None:
    """``Retraites: pour la CGT, …``: a kicker and a colon before the view."""
    quotes = _quotes("Retraites: pour la CGT, aucune des propositions du gouvernement ne convient")
    assert ("indirect", "aucune des propositions du gouvernement ne convient", "CGT") in [
        (k, t, s) for k, t, s in quotes
    ]


def test_denied_speech_verb_reports_nothing() -> None:
    """``n'a pas annoncé que``, ``n'a pas encore signalé son intention de``: nothing was said."""
    assert _quotes("Le ministre Paul Durand n'a pas annoncé qu'il démissionnerait.") == []
    assert (
        _quotes("La maire Anne Roux n'a pas encore signalé son intention de briguer un mandat.")
        == []
    )


def test_denied_guards() -> None:
    """Guards: a negated auxiliary verb before the cue (``ne cesse de répéter que``) and a plain
    report still give their quotes."""
    assert _quotes("Le ministre Paul Durand ne cesse de répéter que la réforme est juste.")
    assert _quotes("Le ministre Paul Durand a annoncé qu'il démissionnerait.")


def test_medial_incise_compound_tense() -> None:
    """``Les négociations, a-t-elle précisé, reprendront lundi.``: the inverted pronoun stands
    before the participle; the whole sentence is the report, the incise's pronoun its speaker."""
    quotes = _quotes(
        "La ministre Anne Durand était à Lyon. "
        "Les négociations, a-t-elle précisé, reprendront lundi."
    )
    assert (
        "indirect",
        "Les négociations, a-t-elle précisé, reprendront lundi",
        "Anne Durand",
    ) in quotes


def test_medial_incise_guards() -> None:
    """Guards: a participle qualifying the subject is no incise; the simple-tense incise keeps
    working."""
    assert (
        _quotes("Le ministre Paul Durand était à Lyon. Les élus, soutenus par lui, ont voté.") == []
    )
    quotes = _quotes("Le ministre Paul Durand était à Lyon. La réforme, estime-t-il, va trop loin.")
    assert ("indirect", "La réforme, estime-t-il, va trop loin", "Paul Durand") in quotes
