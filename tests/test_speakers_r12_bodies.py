"""Speakers, round 12 (helper r12spk2): straight quotation marks hide their words from the
author's, a noun after a fronted complement is no apposition to the name inside it, a body
described by its place in another (``la direction du lycée``) is not the latest body named, and a
participle after an incise speaks with the incise's speaker. Invented sentences through the
whole French pipeline."""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context
from allegiance.models import Article

pytestmark = pytest.mark.model


def _analyze(text: str) -> Article:
    return analyze(text, lang="fr", published="2025-03-04", context=default_context())


def _speaker(article: Article, fragment: str) -> tuple[str | None, str | None]:
    quote = next(q for q in article.quotes if fragment in q.text)
    if quote.speaker is None:
        return None, None
    return quote.speaker.entity, quote.speaker.name


def test_a_name_inside_straight_marks_is_no_actor_on_stage() -> None:
    """``"J'allais appeler Jean-Marc"``: a name inside straight quotation marks belongs to the
    quoted words, so it neither speaks nor stops ``le procureur`` from taking up the procureur
    named earlier."""
    article = _analyze(
        "Le procureur de Lorient Yann Morvan a confirmé le décès dans un communiqué.\n\n"
        "La victime allait fêter ses 70 ans, selon un ami qui s'est confié au Télégramme. "
        '"J\'allais appeler Jean-Marc pour son anniversaire", confie-t-il.\n\n'
        "Une autopsie aura lieu lundi, a précisé le procureur."
    )
    assert _speaker(article, "Une autopsie")[0] == "yann-morvan"
    assert _speaker(article, "J'allais appeler")[0] != "jean-marc"


def test_the_subject_after_a_fronted_complement_is_not_its_names_apposition() -> None:
    """``Dans des courriers révélés par la chaîne X, la direction du lycée jugeait …``: the
    noun after the comma is the main clause's subject (an unnamed source), not a role of the
    channel; the ``Elle`` that follows goes on with it, not with the minister named before."""
    article = _analyze(
        "La ministre Claire Durand a dénoncé une «honte». Dans des courriers révélés samedi "
        "par la chaîne BFMTV, la direction du lycée jugeait «inacceptables» certains propos "
        "des parents. Elle leur demandait d'adopter une «attitude respectueuse»."
    )
    assert _speaker(article, "inacceptables") == (None, "la direction du lycée")
    assert _speaker(article, "attitude respectueuse") == (None, "la direction du lycée")
    assert _speaker(article, "honte")[0] == "claire-durand"  # guard


def test_a_body_described_by_its_place_in_another_is_not_the_latest_body() -> None:
    """``La direction du lycée`` is the lycée's, an unnamed source, not the channel named
    just before; guard: ``la direction de la chaîne`` is that channel's."""
    article = _analyze(
        "La chaîne BFMTV a publié samedi les lettres. La direction du lycée a jugé "
        "«inacceptables» les propos des parents."
    )
    assert _speaker(article, "inacceptables") == (None, "La direction du lycée")
    article = _analyze(
        "La chaîne BFMTV a publié samedi les lettres. La direction de la chaîne a jugé "
        "«inacceptables» les propos des parents."
    )
    assert _speaker(article, "inacceptables")[0] == "bfmtv"


def test_a_participle_after_an_incise_speaks_with_its_speaker() -> None:
    """``"…", a déclaré à l'AFP le chanteur de 37 ans, natif de la ville, dénonçant un "…"``:
    the participle's subject is the incise's inverted subject (the quote's speaker), never the
    ``je`` inside the straight-marked quote."""
    article = _analyze(
        "Le chanteur Paul Mercier a dénoncé vendredi l'annulation de son concert. "
        '"Je ne vais pas me taire, on me censure", a déclaré à l\'AFP le chanteur de 37 ans, '
        'natif de la ville, dénonçant un "procès d\'intention" de la part du maire.'
    )
    assert _speaker(article, "procès d'intention")[0] == "paul-mercier"
    assert _speaker(article, "pas me taire")[0] == "paul-mercier"  # guard
