"""Names of real French news copy the model misses or cuts: newspaper titles with their article
("Le Soir", "De Morgen") or a closing participle ("Le Canard enchaîné"), a title behind a
contracted article ("une information du Soir"), a party named by its apposition ("le Pastef,
parti de …"), a body whose name runs over "des" ("Centre … de Surveillance des Séismes").
Invented sentences and invented outlets through the real model."""

from __future__ import annotations

from datetime import date

import pytest

from allegiance.clean.normalize import normalize_for_nlp
from allegiance.models import Entity
from allegiance.nlp.models import load
from allegiance.resolve.entities import resolve_entities
from allegiance.resolve.kb import default_kb

pytestmark = pytest.mark.model


def _entities(text: str) -> list[Entity]:
    doc = load("fr")(normalize_for_nlp(text))
    return resolve_entities(doc, "fr", default_kb(), date(2024, 5, 2))


def _named(entities: list[Entity], name: str) -> Entity:
    found = [e for e in entities if e.name == name]
    assert len(found) == 1, [(e.name, e.type, [m.text for m in e.mentions]) for e in entities]
    return found[0]


def test_titles_coordinated_after_a_plural_media_noun() -> None:
    entities = _entities(
        "La mobilisation grandit dans les usines, annoncent les quotidiens De Ochtend et Le Réveil."
    )
    assert _named(entities, "De Ochtend").type == "organization"
    assert _named(entities, "Le Réveil").type == "organization"


def test_contracted_article_after_a_content_noun_restores_the_title() -> None:
    entities = _entities(
        "La grève aura lieu le 3 mars, confirmant une information du Réveil. "
        "Le ministre a démenti ces chiffres, rapporte Le Réveil."
    )
    title = _named(entities, "Le Réveil")
    assert title.type == "organization"
    assert len(title.mentions) == 2  # "du Réveil" and "Le Réveil" are one title


def test_broadcaster_named_by_a_number_after_micro() -> None:
    entities = _entities("Le chanteur l'a confié mardi au micro de Radio Galet 2.")
    assert _named(entities, "Radio Galet 2").type == "organization"


def test_title_closing_on_a_participle_is_kept_whole() -> None:
    entities = _entities("Le ministre savait tout, selon Le Hérisson enchaîné.")
    assert _named(entities, "Le Hérisson enchaîné").type == "organization"


def test_party_named_by_its_apposition_is_an_organisation() -> None:
    entities = _entities(
        "Dans un communiqué dimanche, le Pavex, parti de M. Ndiaye, condamne la répression."
    )
    assert _named(entities, "Pavex").type == "organization"


def test_body_name_runs_over_des_and_capitalised_words() -> None:
    entities = _entities(
        "Le Centre marocain de Prévision des Crues a indiqué que la rivière baissait."
    )
    assert _named(entities, "Centre marocain de Prévision des Crues").type == "organization"


def test_article_inside_a_person_name_is_no_title() -> None:
    entities = _entities("Marine Le Pen a déclaré que la ville était belle, rapporte l'agence.")
    assert _named(entities, "Marine Le Pen").type == "person"
    assert not [e for e in entities if e.name.startswith("Le ")]
