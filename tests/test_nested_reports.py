"""Round 13: reported speech inside a direct quote (:mod:`allegiance.extract.nested_reports`).

All sentences are invented."""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def context():  # type: ignore[no-untyped-def]
    return default_context()


def _quotes(text: str, context):  # type: ignore[no-untyped-def]
    return analyze(text, lang="fr", published="2025-03-04", context=context).quotes


def _indirect(quotes, fragment: str):  # type: ignore[no-untyped-def]
    return [q for q in quotes if q.kind == "indirect" and fragment in q.text]


def test_pronoun_report_inside_quote_names_person_before(context) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le gardien Paul Martin a raconté la soirée. « Il m'a dit qu'il avait trouvé des "
        "couteaux dans un carton et qu'il avait peur pour nous », explique Marc Dubois, "
        "un étudiant."
    )
    quotes = _quotes(text, context)
    nested = _indirect(quotes, "trouvé des couteaux")
    assert len(nested) == 1
    assert nested[0].speaker is not None and nested[0].speaker.entity == "paul-martin"
    assert any(
        q.kind == "direct" and q.speaker and q.speaker.entity == "marc-dubois" for q in quotes
    )


def test_relative_subject_and_fronted_source(context) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Ce sont les voisins qui m'ont prévenu qu'il y avait de la fumée dans l'escalier », "
        "témoigne Sophie Lenoir. « La maison est détruite. D'après les gendarmes, c'est une "
        "bougie qui a mis le feu. »"
    )
    quotes = _quotes(text, context)
    smoke = _indirect(quotes, "fumée dans l'escalier")
    assert len(smoke) == 1 and smoke[0].speaker is not None and smoke[0].speaker.entity is None
    fire = _indirect(quotes, "bougie qui a mis le feu")
    assert len(fire) == 1 and fire[0].speaker is not None and fire[0].speaker.entity is None


def test_de_infinitive_after_dire(context) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« J'ai appelé mes cousins, ils m'ont dit de fermer toutes les fenêtres », "
        "raconte Julie, une habitante."
    )
    nested = _indirect(_quotes(text, context), "fermer toutes les fenêtres")
    assert len(nested) == 1
    assert nested[0].speaker is not None and nested[0].speaker.entity != "julie"


def test_first_person_report_stays_inside(context) -> None:  # type: ignore[no-untyped-def]
    """Guard: the quote's speaker reporting their own words gives no nested quote."""
    text = "« Je lui ai dit que c'était trop tard », a déclaré Paul Martin."
    quotes = _quotes(text, context)
    assert not [q for q in quotes if q.kind == "indirect"]
    assert len(quotes) == 1


def test_thought_and_document_subjects_stay_inside(context) -> None:  # type: ignore[no-untyped-def]
    """Guard: a third party's thought (``ils pensaient que``) or a non-speaking subject (``les
    analyses ont montré que``) inside a quote gives no nested report."""
    text = (
        "« Ils pensaient que nos camions ne passeraient jamais le col », raconte Luc Ferrand, "
        "un chauffeur. « Les analyses ont montré que le puits était pollué », ajoute-t-il."
    )
    assert not [q for q in _quotes(text, context) if q.kind == "indirect"]
