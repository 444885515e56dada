"""Entity fixes of 2026-11-26 (fourth session), found by probing invented constructions: names
that speakers need and the resolver missed, cut or typed wrongly."""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context
from allegiance.nlp.components import company_name

pytestmark = pytest.mark.model


def _entities(text: str) -> dict[str, str]:
    article = analyze(text, lang="fr", published="2025-03-04", context=default_context())
    return {e.name: e.type for e in article.entities}


def test_company_shaped_names() -> None:
    assert company_name("Valmonde Industries")
    assert company_name("Aubrac Motors")
    assert not company_name("Paul Durand")


def test_a_company_shaped_subject_of_a_speech_verb_stays_a_company() -> None:
    """``Valmonde Industries a annoncé``: being the subject of a speech verb made the name a
    person's; a trade word closing it says company."""
    assert _entities("Valmonde Industries a annoncé la fermeture de son usine.") == {
        "Valmonde Industries": "organization"
    }


def test_trade_nouns_and_federations_introduce_a_body_name() -> None:
    """``le géant américain Nexora``, ``la fédération Force commune`` (a name in sentence case
    closing the subject)."""
    assert _entities("Le géant américain Nexora a été condamné.") == {"Nexora": "organization"}
    names = _entities("La fédération Force commune a prévenu les exploitants.")
    assert names == {"Force commune": "organization"}


def test_an_origin_noun_before_a_name_is_not_part_of_it() -> None:
    """``le Breton Erwan Kerjean``: the model glues the origin noun to the person's name."""
    assert _entities("Le Breton Erwan Kerjean a remporté l'étape.") == {"Erwan Kerjean": "person"}
    assert _entities("Selon la Lyonnaise Inès Garnier, rien ne change.") == {
        "Inès Garnier": "person"
    }


def test_a_public_broadcaster_speaks_under_its_own_name() -> None:
    """``selon France Inter``: the station is the source the text names, not the holding group
    (Radio France) the knowledge base folded it into."""
    article = analyze(
        "D'après les informations de France Inter, le projet de loi sera présenté mardi.",
        lang="fr",
        published="2025-03-04",
        context=default_context(),
    )
    assert [q.speaker.entity for q in article.quotes if q.speaker] == ["france-inter"]


def test_a_ministry_named_by_its_portfolio_alone_is_the_home_countrys() -> None:
    """``Le ministère des Affaires étrangères`` in an article about China is China's, not the
    French ministry the knowledge base spells so; a complement after the portfolio (``de la
    Santé de Gaza``) says whose it is and is left alone."""
    article = analyze(
        "La Chine a convoqué l'ambassadeur japonais. Pékin proteste. Le ministère des Affaires "
        "étrangères a jugé les propos « inacceptables ».",
        lang="fr",
        published="2025-03-04",
        context=default_context(),
    )
    quote = next(q for q in article.quotes if "inacceptables" in q.text)
    assert quote.speaker is not None and quote.speaker.entity == "china"
