"""Descriptive speakers, round 11: ``l'avocat de X`` is not X, ``ce dernier`` / ``celui-ci``
take up the actor named last. Each test on invented sentences through the whole French
pipeline."""

from __future__ import annotations

import pytest

from allegiance.models import Article
from fr_articles import analyze_fr as _analyze
from fr_articles import speaker_id as _speaker

pytestmark = pytest.mark.model


def _name(article: Article, fragment: str) -> str | None:
    quote = next(q for q in article.quotes if fragment in q.text)
    return quote.speaker.name if quote.speaker is not None else None


def test_a_relation_noun_does_not_speak_as_its_complement() -> None:
    """``l'avocat de X``, ``un proche de X``, ``l'entourage de X`` speak about X, not as X: an
    unnamed source (null), whether the phrase is inverted after an incise or the subject."""
    article = _analyze("« Mon client ne fuira pas », a assuré l'avocat de Gilles Ferrand.")
    assert _speaker(article, "Mon client") is None
    assert _name(article, "Mon client") == "l'avocat de Gilles Ferrand"
    article = _analyze("« Il reviendra en juin », souffle un proche de Gilles Ferrand.")
    assert _speaker(article, "reviendra en juin") is None
    article = _analyze("L'entourage de Gilles Ferrand assure qu'il ne démissionnera pas.")
    assert all(q.speaker is None or q.speaker.entity is None for q in article.quotes)
    article = _analyze("« Nous refusons ce plan », ont déclaré les représentants de Transalpa.")
    assert _speaker(article, "refusons ce plan") is None


def test_a_relation_noun_still_resolves_to_its_own_holder() -> None:
    """Guards: the role noun itself may still name someone: a name apposed to it, or the
    person introduced earlier with that role (``Me X`` is an avocat), never the complement."""
    article = _analyze(
        "« Mon client ne fuira pas », a assuré l'avocat de Gilles Ferrand, Me Hugo Valette."
    )
    assert _speaker(article, "Mon client") == "hugo-valette"
    article = _analyze(
        "Me Hugo Valette défend Gilles Ferrand depuis 2019. « Mon client ne fuira pas », "
        "a assuré l'avocat de Gilles Ferrand."
    )
    assert _speaker(article, "Mon client") == "hugo-valette"
    # a newspaper's name opening with the Dutch article ``De`` is no complement
    article = _analyze(
        "La grève pourrait durer jusqu'en mars, indique mardi le quotidien De Standaard."
    )
    assert any(q.speaker and q.speaker.entity == "de-standaard" for q in article.quotes)


def test_ce_dernier_after_an_incise_verb_is_the_person_named_last() -> None:
    """``», a confié ce dernier``: the parser reads ``dernier`` as an object adjective (and
    ``ce dernier`` looked like ``ce lundi dernier``); it is the inverted subject, the person
    named last, not the subject of the previous sentence."""
    article = _analyze(
        "Karim Vidal a salué Joël Martinet devant la mairie. "
        "« Je ne lui dois rien », a confié ce dernier."
    )
    assert _speaker(article, "lui dois rien") == "joel-martinet"
    article = _analyze(
        "Nadia Ferrier a reçu Aline Morvan lundi. « Le budget est trop court », a estimé "
        "cette dernière."
    )
    assert _speaker(article, "budget est trop court") == "aline-morvan"


def test_celui_ci_is_the_person_named_last_not_the_subject() -> None:
    """``Celui-ci`` / ``celle-ci`` take up the actor of their gender named last, unlike
    ``il``; a name in a phrase of the pronoun's own verb is not its antecedent."""
    article = _analyze(
        "Karim Vidal a salué Joël Martinet devant la mairie. Celui-ci a tourné les talons : "
        "« Je ne lui dois rien. »"
    )
    assert _speaker(article, "lui dois rien") == "joel-martinet"
    article = _analyze(
        "Karim Vidal a salué Joël Martinet. « Je ne lui dois rien », a répondu celui-ci."
    )
    assert _speaker(article, "lui dois rien") == "joel-martinet"
    # guard: ``Interrogée sur Radio Nova, celle-ci …``: the radio is no antecedent
    article = _analyze(
        "Le nom de la députée Aline Morvan circule. Interrogée jeudi sur Radio Nova, "
        "celle-ci a souri : « Je ne suis candidate à rien. »"
    )
    assert _speaker(article, "candidate à rien") == "aline-morvan"


def test_an_organisation_noun_keeps_its_singular_article_and_its_hyphen() -> None:
    """``l'ONG`` (the tagger reads the invariable acronym as plural) and ``la start-up``
    (split ``start`` ``-`` ``up``) take up the organisation named before; the hyphen is no
    name."""
    article = _analyze(
        "Greenpeace a publié une étude sur les forêts. « Rien n'a changé », déplore l'ONG."
    )
    assert _speaker(article, "Rien n'a changé") == "greenpeace"
    article = _analyze(
        "La start-up Mistral AI a signé un contrat. « Nous allons embaucher des ingénieurs », indique la "
        "start-up."
    )
    assert _speaker(article, "allons embaucher") == "mistral-ai"
