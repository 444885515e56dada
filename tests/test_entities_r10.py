"""Round 10 entity rules, on invented sentences through the real French model.

- a portfolio ("ministre de l'Intérieur") is no actor;
- a common noun capitalised only by its position (a heading "Grève aux urgences") is no actor;
- a title abbreviation ("la Pre X") and a role with its complement before a comma ("le
  commissaire européen à la Pêche, X,") make a name a person's;
- a body's head noun alone ("la Fédération") joins the one body of the article it heads;
- a compound surname without its given name ("M. St-Pierre Plamondon") joins its bearer.
"""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context
from allegiance.models import Entity

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


def _entities(ctx, text: str) -> list[Entity]:  # type: ignore[no-untyped-def]
    return analyze(text, lang="fr", published="2024-08-25", context=ctx).entities


def _names(ctx, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.name for e in _entities(ctx, text)}


def test_portfolio_of_an_office_is_no_actor(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le ministre de l'Intérieur a déclaré que la situation était sous contrôle. "
        "La ministre norvégienne de la Pêche, Sigrid Holmvik, a défendu les quotas."
    )
    names = _names(ctx, text)
    assert "Intérieur" not in names
    assert "Pêche" not in names
    assert "Sigrid Holmvik" in names


def test_ministry_itself_stays_a_body(ctx) -> None:  # type: ignore[no-untyped-def]
    names = _names(ctx, "Le ministère de l'Intérieur a démenti toute interdiction.")
    assert any("Intérieur" in n and n != "Intérieur" for n in names)


def test_heading_common_noun_is_no_actor(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Grève aux urgences de Quimperlé : les infirmières réclament des moyens.\n\n"
        "La grève dure depuis trois semaines, a déclaré Marie Kerdoncuff, infirmière."
    )
    names = _names(ctx, text)
    assert "Grève" not in names
    assert "Marie Kerdoncuff" in names


def test_title_abbreviation_before_given_name(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Pour la Pre Anne-Sophie Kerlouan, infectiologue au CHU de Brest, la rumeur inquiète."
    people = {e.name for e in _entities(ctx, text) if e.type == "person"}
    assert "Anne-Sophie Kerlouan" in people


def test_role_with_complement_before_name(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Le commissaire européen à la Pêche, Costas Elefantis, a accusé Oslo de tricher."
    people = {e.name for e in _entities(ctx, text) if e.type == "person"}
    assert "Costas Elefantis" in people


def test_head_noun_joins_the_body_it_heads(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La Fédération française de volley a suspendu le joueur. "
        "Selon Paul Martinot, capitaine, la décision est injuste. "
        "La Fédération a répondu qu'elle ne reculerait pas."
    )
    ents = _entities(ctx, text)
    assert "Fédération" not in {e.name for e in ents}
    body = next(e for e in ents if e.name == "Fédération française de volley")
    assert len(body.mentions) == 2


def test_head_noun_shared_by_two_bodies_stays_apart(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La Fédération française de volley et la Fédération française de handball ont signé. "
        "La Fédération a ensuite démenti."
    )
    ents = _entities(ctx, text)
    assert all(len(e.mentions) == 1 for e in ents if e.name.startswith("Fédération française"))


def test_compound_surname_joins_its_bearer(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le chef du parti, Paul Duval Lamarre, a réagi mardi. "
        "« J'ai gagné mon élection », a écrit M. Duval Lamarre sur les réseaux sociaux."
    )
    people = [e for e in _entities(ctx, text) if e.type == "person"]
    assert [e.name for e in people] == ["Paul Duval Lamarre"]
    assert len(people[0].mentions) >= 2


def test_demonym_noun_is_no_actor(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Jean Moulinard a quitté la présidence du parti mardi. "
        "Selon le Vaudois, la décision était prise depuis longtemps."
    )
    names = _names(ctx, text)
    assert "Vaudois" not in names
    assert "Jean Moulinard" in names
