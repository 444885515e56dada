"""Round 11 detection rules: named schemes, postposed ``pour X``, dash dialogue incises,
headline labels and the wording of legal texts (invented sentences)."""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context
from allegiance.models import Article

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def context():  # type: ignore[no-untyped-def]
    return default_context()


def _run(text: str, context) -> Article:  # type: ignore[no-untyped-def]
    return analyze(text, lang="fr", published="2025-03-04", context=context)


def _speaker_of(article: Article, fragment: str) -> str | None:
    quote = next(q for q in article.quotes if fragment in q.text)
    return quote.speaker.entity if quote.speaker is not None else None


def test_named_scheme_after_speech_verb_is_no_quote(context) -> None:  # type: ignore[no-untyped-def]
    art = _run("Damien Roux a annoncé le plan « Cap Avenir » lundi.", context)
    assert not any("Cap Avenir" in q.text for q in art.quotes)


def test_guard_judgement_on_a_law_stays_a_quote(context) -> None:  # type: ignore[no-untyped-def]
    """Guard: a lower-case judgement after ``une loi`` is the speaker's word."""
    art = _run("Hélène Morvan a dénoncé une loi « injuste et brutale ».", context)
    assert _speaker_of(art, "injuste") == "helene-morvan"


def test_postposed_pour_names_the_source(context) -> None:  # type: ignore[no-untyped-def]
    art = _run("Le vote a eu lieu. « Une honte », pour Damien Roux.", context)
    assert _speaker_of(art, "Une honte") == "damien-roux"


def test_guard_pour_naming_no_one(context) -> None:  # type: ignore[no-untyped-def]
    """Guard: ``pour la première fois`` names no source."""
    art = _run("« Nous avons gagné la finale », pour la première fois depuis dix ans.", context)
    assert all(q.speaker is None or q.speaker.entity is None for q in art.quotes)


def test_dash_dialogue_with_named_incise(context) -> None:  # type: ignore[no-untyped-def]
    art = _run("Le juge l'interroge.\n\n— Jamais de la vie, répond Damien Roux.", context)
    assert _speaker_of(art, "Jamais de la vie") == "damien-roux"


def test_headline_label_with_bracket_and_role(context) -> None:  # type: ignore[no-untyped-def]
    art = _run("Olivier Faure (PS) : « Le tram passera par le centre »", context)
    assert _speaker_of(art, "tram passera") == "olivier-faure"
    art = _run(
        "Hélène Morvan, directrice de Sodira : « Nous recruterons cent personnes »",
        context,
    )
    assert _speaker_of(art, "recruterons") == "helene-morvan"


def test_wording_of_a_decree_is_no_quote(context) -> None:  # type: ignore[no-untyped-def]
    art = _run(
        "L'arrêté préfectoral précise que « la baignade est interdite après 20 heures ».",
        context,
    )
    assert not art.quotes
