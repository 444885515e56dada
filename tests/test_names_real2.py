"""Names of real French news copy the model misses or cuts: newspaper titles with their article
("Le Soir", "De Morgen") or a closing participle ("Le Canard enchaîné"), a title behind a
contracted article ("une information du Soir"), a party named by its apposition ("le Pastef,
parti de …"), a body whose name runs over "des" ("Centre … de Surveillance des Séismes").
Invented sentences and invented outlets through the real model."""

from __future__ import annotations

import pytest

from name_helpers import entities_of, named

pytestmark = pytest.mark.model


def test_titles_coordinated_after_a_plural_media_noun() -> None:
    entities = entities_of(
        "La mobilisation grandit dans les usines, annoncent les quotidiens De Ochtend et Le Réveil."
    )
    assert named(entities, "De Ochtend").type == "organization"
    assert named(entities, "Le Réveil").type == "organization"


def test_contracted_article_after_a_content_noun_restores_the_title() -> None:
    entities = entities_of(
        "La grève aura lieu le 3 mars, confirmant une information du Réveil. "
        "Le ministre a démenti ces chiffres, rapporte Le Réveil."
    )
    title = named(entities, "Le Réveil")
    assert title.type == "organization"
    assert len(title.mentions) == 2  # "du Réveil" and "Le Réveil" are one title


def test_broadcaster_named_by_a_number_after_micro() -> None:
    entities = entities_of("Le chanteur l'a confié mardi au micro de Radio Galet 2.")
    assert named(entities, "Radio Galet 2").type == "organization"


def test_title_closing_on_a_participle_is_kept_whole() -> None:
    entities = entities_of("Le ministre savait tout, selon Le Hérisson enchaîné.")
    assert named(entities, "Le Hérisson enchaîné").type == "organization"


def test_party_named_by_its_apposition_is_an_organisation() -> None:
    entities = entities_of(
        "Dans un communiqué dimanche, le Pavex, parti de M. Ndiaye, condamne la répression."
    )
    assert named(entities, "Pavex").type == "organization"


def test_body_name_runs_over_des_and_capitalised_words() -> None:
    entities = entities_of(
        "Le Centre marocain de Prévision des Crues a indiqué que la rivière baissait."
    )
    assert named(entities, "Centre marocain de Prévision des Crues").type == "organization"


def test_article_inside_a_person_name_is_no_title() -> None:
    entities = entities_of("Marine Le Pen a déclaré que la ville était belle, rapporte l'agence.")
    assert named(entities, "Marine Le Pen").type == "person"
    assert not [e for e in entities if e.name.startswith("Le ")]
