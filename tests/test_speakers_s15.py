"""Session 15: who speaks the marked words embedded in the author's sentence when several actors
compete (passive agents, verbs of naming, descriptions of a body's kind or a feminine title),
rebuilt as invented passages (model tests) or a blank tokenizer (unit tests)."""

from __future__ import annotations

import pytest

from allegiance.analysis import default_context
from allegiance.extract.org_classes import kind_of_noun
from allegiance.resolve.roles import _feminine
from quote_helpers import analyzed_quotes as _quotes
from quote_helpers import find_quote as _find


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


def _speaker(quotes, fragment):  # type: ignore[no-untyped-def]
    quote = _find(quotes, fragment)
    assert quote is not None, [q.text for q in quotes]
    return quote.speaker.name if quote.speaker is not None else None


# --- unit tests ------------------------------------------------------------------------------


def test_the_feminine_of_a_nationality_after_a_feminine_role() -> None:
    assert _feminine("première ministre", "italien") == "italienne"
    assert _feminine("présidente", "grec") == "grecque"
    assert _feminine("présidente", "allemand") == "allemande"
    assert _feminine("présidente", "belge") is None  # already feminine
    assert _feminine("président", "italien") is None  # a masculine role


def test_kinds_of_body_nouns() -> None:
    assert kind_of_noun("syndicat") == "union"
    assert kind_of_noun("constructeur") == "company:maker"
    assert kind_of_noun("groupe") is None  # says nothing of the kind


# --- model tests -----------------------------------------------------------------------------


@pytest.mark.model
def test_the_agent_of_a_passive_naming_speaks_not_its_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le ministre de l'Intérieur Bruno Retailleau a été qualifié de « ministre de la honte » "
        "par Jean-Luc Mélenchon lundi."
    )
    assert _speaker(_quotes(text, ctx), "ministre de la honte") == "Jean-Luc Mélenchon"


@pytest.mark.model
def test_the_agent_of_a_naming_participle_after_the_sentence_cue(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Sophie Binet a salué la décision de la Première ministre Élisabeth Borne, jugée "
        "« courageuse » par la CGT."
    )
    assert _speaker(_quotes(text, ctx), "courageuse") == "CGT"
    text = (
        "Les propos de Gérald Darmanin, qualifiés d'« inacceptables » par Amnesty "
        "International, ont choqué."
    )
    assert _speaker(_quotes(text, ctx), "inacceptables") == "Amnesty International"


@pytest.mark.model
def test_a_naming_verb_before_the_marks_wins_over_a_later_cue(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Valérie Pécresse, que Xavier Bertrand a qualifiée de « candidate de l'échec », ne "
        "répond pas."
    )
    assert _speaker(_quotes(text, ctx), "candidate de l'échec") == "Xavier Bertrand"


@pytest.mark.model
def test_a_description_of_a_body_s_kind_skips_a_body_of_another_kind(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le syndicat Force ouvrière a rencontré la direction de Renault. Le constructeur a promis "
        "un plan « ambitieux »."
    )
    assert _speaker(_quotes(text, ctx), "ambitieux") == "Renault"
    # a listed company is no NGO
    text = (
        "Le PDG de TotalEnergies Patrick Pouyanné a répondu à Greenpeace. L'ONG dénonce un "
        "« double discours »."
    )
    assert _speaker(_quotes(text, ctx), "double discours") == "Greenpeace"


@pytest.mark.model
def test_a_feminine_head_of_government_with_a_masculine_nationality(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ursula von der Leyen a rencontré Giorgia Meloni à Rome. La cheffe du gouvernement "
        "italien a plaidé pour une « approche commune »."
    )
    assert _speaker(_quotes(text, ctx), "approche commune") == "Giorgia Meloni"


@pytest.mark.model
def test_adjectives_in_marks_after_a_thing_s_noun_judge_it(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Jordan Bardella a débattu avec Gabriel Attal. Le Premier ministre a dénoncé un "
        "programme « irréaliste »."
    )
    assert _speaker(_quotes(text, ctx), "irréaliste") == "Gabriel Attal"
    # a name after the noun stays a name
    text = "Le ministre a lancé le programme « Erasmus » et présenté le film « Les Misérables »."
    assert not _quotes(text, ctx)
