"""Names as real French news copy writes them: a title glued to the surname, relatives sharing
a surname, the Arabic article of a surname, a seat named once in full and then bare. Invented
sentences through the real model."""

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


def _holder(entities: list[Entity], mention: str) -> Entity:
    found = [e for e in entities if any(m.text == mention for m in e.mentions)]
    assert len(found) == 1, [(e.id, [m.text for m in e.mentions]) for e in entities]
    return found[0]


def test_title_glued_to_surname_is_its_own_token() -> None:
    doc = load("fr")("Selon M.Hazard, le concert aura lieu. Mme.Durand et (M.Leclerc) aussi.")
    words = [t.text for t in doc]
    assert words[1:3] == ["M.", "Hazard"]
    assert "Leclerc" in words and "Durand" in words


def test_glued_title_surname_joins_the_full_name() -> None:
    entities = _entities(
        "Le maire Samuel Gorvelec a annulé le spectacle lundi. "
        "« Nous avons reçu des menaces », a expliqué M.Gorvelec mardi."
    )
    assert _holder(entities, "Gorvelec").name == "Samuel Gorvelec"


def test_hyphenated_surname_joins_the_full_name() -> None:
    entities = _entities(
        "Le porte-parole Karim Al-Moutawa a parlé lundi à Doha. "
        "Selon M. Al-Moutawa, les discussions se poursuivent."
    )
    assert _holder(entities, "Al-Moutawa").name == "Karim Al-Moutawa"


def test_bare_surname_is_not_the_relative_introduced_by_kinship() -> None:
    entities = _entities(
        "Le président Bohdan Kravetsky s'est exprimé lundi devant le Parlement. "
        "Son épouse Iryna Kravetsky était présente à New York. "
        "Mardi, Kravetsky a promis de nouvelles réformes."
    )
    bare = _holder(entities, "Kravetsky")
    assert bare.name == "Bohdan Kravetsky"
    assert any(e.name == "Iryna Kravetsky" for e in entities)


def test_surname_after_glued_arabic_article() -> None:
    entities = _entities(
        "Le général Abdel Karim al-Moukhtar est arrivé dimanche à Khartoum. "
        "Moukhtar a passé les troupes en revue."
    )
    assert _holder(entities, "Moukhtar").name == "Abdel Karim al-Moukhtar"


def test_bare_seat_joins_the_seat_named_in_full() -> None:
    entities = _entities(
        "La mairie de Saint-Aubin-les-Fresnes a annulé le concert prévu samedi. "
        "La mairie a dénoncé des propos inacceptables."
    )
    seats = [e for e in entities if e.name.lower().startswith("mairie de saint-aubin")]
    assert len(seats) == 1
    assert sum(m.text == "La mairie" for m in seats[0].mentions) >= 1
