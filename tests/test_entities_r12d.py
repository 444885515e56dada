"""Round 12 entity rules (invented sentences): hyphenated given names at a text's start, a
media title with its article after a quotation, a company the knowledge base knows only as a
company speaking under a place label, lower-case education administrations."""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context

pytestmark = pytest.mark.model


def _speakers(text: str) -> list[str | None]:
    a = analyze(text, lang="fr", published="2025-03-04", context=default_context())
    names = {e.id: e.name for e in a.entities}
    return [
        names.get(q.speaker.entity) if q.speaker and q.speaker.entity else None for q in a.quotes
    ]


def test_hyphenated_given_name_opening_the_text() -> None:
    text = "Anicet-Georges Dologuélé a dénoncé « une mascarade électorale » lundi à Bangui."
    assert _speakers(text) == ["Anicet-Georges Dologuélé"]


def test_media_title_keeps_its_article_after_a_quote() -> None:
    text = (
        '"Il est suivi par un psychologue." Selon La Dépêche, le médecin vient de '
        "diagnostiquer une dépression."
    )
    assert "La Dépêche" in _speakers(text)


def test_known_company_under_a_place_label_speaks() -> None:
    text = (
        "Orange a annoncé mardi la suppression de 2000 postes. "
        "« C'est une nécessité », a expliqué le groupe."
    )
    assert _speakers(text) == ["Orange"]


def test_lower_case_academie_with_its_seat() -> None:
    text = "Dans un courrier, l'académie de Versailles a jugé ces propos « inacceptables »."
    assert [s and s.lower() for s in _speakers(text)] == ["académie de versailles"]


def test_guard_hyphenated_name_mid_sentence_unchanged() -> None:
    """Guard: a hyphenated given name after a comma was already read whole."""
    text = "Lundi, Jean-Marie Bockel a répondu : « C'est faux. »"
    assert _speakers(text) == ["Jean-Marie Bockel"]
