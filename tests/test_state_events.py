"""Events between states: a country, its capital or its government as source or target."""

from __future__ import annotations

import pytest

from allegiance.analysis import default_context
from allegiance.resolve.states import load_lexicon

_LEAD = "Le ton monte encore cette semaine entre les capitales. "


def _events(text: str) -> list[tuple[str, list[str], list[str], int]]:
    from allegiance.analysis import analyze

    article = analyze(_LEAD + text, lang="fr", published="2025-03-01")
    return [(e.type, e.source, e.target, (e.weight > 0) - (e.weight < 0)) for e in article.events]


def test_lexicon_covers_smaller_states() -> None:
    lex = load_lexicon(default_context(()).kb)
    assert lex.names["perou"] == "peru"
    assert lex.names["soudan"] == "sudan"
    assert lex.names["norvege"] == "norway"
    assert lex.capitals["oslo"] == "norway"
    assert lex.demonyms["peruviennes"] == "peru"
    assert lex.institutions["Kremlin"] == "russia"


@pytest.mark.model
def test_sanction_imposed_on_a_state_goes_from_the_imposer() -> None:
    events = _events("L'Union européenne a imposé des sanctions à la Russie.")
    assert ("SANCTION", ["european-union"], ["russia"], -1) in events
    assert not any(ev[1] == ["russia"] for ev in events)


@pytest.mark.model
def test_sanctions_against_a_capital() -> None:
    events = _events("Les Vingt-Sept ont adopté un nouveau paquet de sanctions contre Moscou.")
    assert any(ev[0] == "SANCTION" and ev[2] == ["russia"] for ev in events)


@pytest.mark.model
def test_state_criticises_a_smaller_state() -> None:
    events = _events("Le Canada a critiqué la Norvège pour sa politique de pêche.")
    assert ("CRITICIZE", ["canada"], ["norway"], -1) in events


@pytest.mark.model
def test_capital_accused_by_an_unnamed_diplomat_is_the_state() -> None:
    from allegiance.analysis import analyze

    article = analyze(
        _LEAD + "Le diplomate a accusé Paris de précipiter le vote.",
        lang="fr",
        published="2025-03-01",
    )
    assert article.entity("france") is not None


@pytest.mark.model
def test_tariffs_and_embargoes_are_hostile_measures_against_their_target() -> None:
    events = _events("Le Japon a imposé des droits de douane à la Corée du Sud.")
    assert ("SANCTION", ["japan"], ["south-korea"], -1) in events
    events = _events("Le Canada a décrété un embargo contre la Norvège.")
    assert ("SANCTION", ["canada"], ["norway"], -1) in events
    # "les droits" alone are no measure: "défendre les droits de X" is nobody's sanction
    events = _events("Le Canada a rappelé les droits de la Norvège.")
    assert not any(ev[0] == "SANCTION" for ev in events)


@pytest.mark.model
def test_a_capital_coordinated_with_a_state_subject_is_a_state() -> None:
    from allegiance.analysis import analyze

    article = analyze(
        _LEAD + "Kiev et Ankara ont échangé des prisonniers.", lang="fr", published="2025-03-01"
    )
    assert article.entity("ukraine") is not None
    assert article.entity("turkey") is not None
