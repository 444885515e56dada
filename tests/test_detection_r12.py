"""Round 12 detection rules (invented sentences): guillemets whose direction a machine
translation lost, incises with an inverted pronoun read as adverbial clauses, infinitives after a
day, and the dependents of a speech verb that are never its content (``sans`` + infinitive, the
addressee ``à X``)."""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context
from allegiance.extract.quote_marks import find_marked_spans
from allegiance.models import Article

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def context():  # type: ignore[no-untyped-def]
    return default_context()


def _run(text: str, context) -> Article:  # type: ignore[no-untyped-def]
    return analyze(text, lang="fr", published="2025-03-04", context=context)


def _texts(article: Article) -> list[str]:
    return [q.text for q in article.quotes]


def test_alternating_marks_glued_to_words_pair_up() -> None:
    text = (
        "Il a dénoncé un «mépris total“du parti s’il votait, et du côté des Verts”perte de"
        " repères“pour un”parti sérieux« . Elle a dit que chacun avait «une part du travail«"
        " en espérant que prévale »le bien commun« ."
    )
    contents = [text[s.start : s.end] for s in find_marked_spans(text)]
    assert contents == [
        "mépris total",
        "perte de repères",
        "parti sérieux",
        "une part du travail",
        "le bien commun",
    ]


def test_guard_well_formed_marks_unchanged() -> None:
    """Guard: spaced guillemets and a nested curly quote keep their reading."""
    text = "Il a dit « Oui » et « l’affaire “Roux” est close »."
    contents = [text[s.start : s.end].strip() for s in find_marked_spans(text)]
    assert contents == ["Oui", "l’affaire “Roux” est close"]


def test_broken_guillemets_give_partial_quotes(context) -> None:  # type: ignore[no-untyped-def]
    art = _run(
        "Le ministre Paul Garnier a souligné que chaque député avait «une part de"
        " responsabilité« dans la crise.",
        context,
    )
    assert "une part de responsabilité" in _texts(art)


def test_inverted_incise_read_as_adverbial_clause(context) -> None:  # type: ignore[no-untyped-def]
    art = _run(
        "La présidente de l'agence, Claire Dumont, s'est exprimée dimanche. Après la fusion"
        " des deux banques, l'accent sera mis sur la stabilité, ajoute-t-elle. L'agence"
        " envisage aussi de recruter des experts, a-t-elle ajouté.",
        context,
    )
    texts = _texts(art)
    assert "Après la fusion des deux banques, l'accent sera mis sur la stabilité" in texts
    assert "L'agence envisage aussi de recruter des experts" in texts


def test_infinitive_after_a_day_is_the_content(context) -> None:  # type: ignore[no-untyped-def]
    art = _run("Le Front uni a affirmé vendredi avoir tué 200 soldats dans la région.", context)
    assert any(t.startswith("avoir tué 200 soldats") for t in _texts(art))


def test_sans_infinitive_is_no_content(context) -> None:  # type: ignore[no-untyped-def]
    art = _run(
        '"Ces chiffres sont faux", a déclaré le porte-parole Paul Martin à la presse, sans'
        " fournir de bilan des combats.",
        context,
    )
    assert "Ces chiffres sont faux" in _texts(art)
    assert not any("sans fournir" in t for t in _texts(art))


def test_addressee_is_no_content(context) -> None:  # type: ignore[no-untyped-def]
    art = _run(
        "L'un des avocats du groupe a annoncé à Bloomberg son intention de contre-attaquer"
        " et de revoir à la baisse les 10 millions de dollars exigés.",
        context,
    )
    texts = _texts(art)
    assert "à Bloomberg" not in texts
    assert any(t.startswith("de contre-attaquer") for t in texts)


def test_guard_incise_inside_the_sentence_untouched(context) -> None:  # type: ignore[no-untyped-def]
    """Guard: an incise inside the sentence with more after it is not read as final."""
    art = _run(
        "Le ministre Paul Durand a été interrogé. Vous viendrez demain, a-t-il dit, et nous"
        " verrons.",
        context,
    )
    assert not any("Vous viendrez demain, a-t-il" in t for t in _texts(art))
