"""Shared helpers of the tests on real-copy names: resolve the entities of an invented French
text through the real model, and pick one by name."""

from __future__ import annotations

from datetime import date

from allegiance.clean.normalize import normalize_for_nlp
from allegiance.models import Entity
from allegiance.nlp.models import load
from allegiance.resolve.entities import resolve_entities
from allegiance.resolve.kb import default_kb


def entities_of(text: str) -> list[Entity]:
    doc = load("fr")(normalize_for_nlp(text))
    return resolve_entities(doc, "fr", default_kb(), date(2024, 5, 2))


def named(entities: list[Entity], name: str) -> Entity:
    found = [e for e in entities if e.name == name]
    assert len(found) == 1, [(e.name, e.type, [m.text for m in e.mentions]) for e in entities]
    return found[0]
