"""French speakers named by a description (round 9): one test per rule, on invented sentences
through the real French model.

- a document cited again (``selon le communiqué``, ``selon ces résolutions``) speaks for the
  author of its earlier mention: the speaker of that sentence's quote, or the subject who
  issued it;
- a name written after a role noun's adjectives or complement, without a comma (``le maire
  socialiste de la ville X``, ``la firme d'audit X``), carries that role, so a later (or
  earlier) description with the role finds it;
- a media description (``le journal``) goes to the latest name the article introduced with a
  media noun (``l'hebdomadaire X``), even one no press lexicon knows.
- an organisation description other than a state noun (``l'agence``, ``la firme``, not ``le
  gouvernement``) never stands for a state.
"""

from __future__ import annotations

import pytest

from allegiance.clean.normalize import normalize_for_nlp
from allegiance.extract.quotes import find_quotes
from entity_helpers import entities_named
from quote_helpers import quote_with, speaker_of


@pytest.mark.model
def test_the_communique_speaks_for_who_issued_it(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    names = {"org-armee": ["Armée du Nord"], "p-brun": ["Paul Brun"]}
    body = (
        "« La situation est grave », a déclaré Paul Brun dans un entretien. « Nos unités ont "
        "été visées toute la nuit », a affirmé l'Armée du Nord dans un communiqué. Les tirs ont "
        "touché « deux dépôts de carburant », selon le communiqué."
    )
    assert speaker_of(fr_nlp, body, names, "deux dépôts") == "org-armee"


@pytest.mark.model
def test_these_resolutions_speak_for_the_body_that_adopted_them(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    names = {"org-union": ["Union des ports"]}
    body = (
        "L'Union des ports a adopté trois résolutions à la fin de la réunion. Faute d'accord, "
        "la grève « sera étendue à tous les terminaux », selon ces résolutions."
    )
    assert speaker_of(fr_nlp, body, names, "étendue à tous") == "org-union"


@pytest.mark.model
def test_a_role_written_over_a_complement_names_the_person(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    names = {"p-morel": ["Henri Morel"], "p-dupuis": ["Claire Dupuis"]}
    body = (
        "Le maire de Vernon a confié que « le standard de la mairie était saturé ». "
        "La députée Claire Dupuis a dénoncé une « campagne de haine ». "
        "Le maire socialiste de la ville Henri Morel a déclaré que le choix était collectif."
    )
    assert speaker_of(fr_nlp, body, names, "standard de la mairie") == "p-morel"


@pytest.mark.model
def test_the_firm_is_the_one_introduced_with_its_trade(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    names = {
        "org-hartley": ["Hartley Brooks"],
        "org-pelletier": ["Pelletier Roy"],
        "p-pelletier": ["Luc Pelletier"],
    }
    body = (
        "Un juge autorise une action collective contre la firme d'audit Hartley Brooks. "
        "Leur avocat, Me Luc Pelletier, du cabinet Pelletier Roy, salue « une victoire ». "
        "Hartley Brooks conteste les allégations. Dans une déclaration, la firme a affirmé avoir "
        "« respecté toutes les normes »."
    )
    assert speaker_of(fr_nlp, body, names, "respecté toutes") == "org-hartley"


@pytest.mark.model
def test_the_paper_is_the_outlet_introduced_with_a_media_noun(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    names = {"org-vigie": ["La Vigie"], "org-ferral": ["Ferral"], "p-roux": ["Anne Roux"]}
    body = (
        "Anne Roux a quitté le ministère après une enquête de l'hebdomadaire La Vigie sur le "
        "groupe Ferral. Selon le journal, Ferral aurait « réglé une partie des travaux »."
    )
    assert speaker_of(fr_nlp, body, names, "réglé une partie") == "org-vigie"


@pytest.mark.model
def test_the_agency_is_no_state_that_spoke_in_between(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Selon le Programme alimentaire mondial, 200 000 personnes sont piégées dans la ville. "
        "Les États-Unis ont indiqué qu'ils « travaillaient à un nouveau texte ». L'agence estime "
        "avoir « besoin de 60 millions de dollars » d'ici décembre."
    )
    entities = entities_named(
        body, {"org-pam": ["Programme alimentaire mondial"], "united-states": ["États-Unis"]}
    )
    for entity in entities:
        entity.type = "organization"  # a state is an organisation, by its knowledge-base id
    doc = fr_nlp(normalize_for_nlp(body))
    quote = quote_with(find_quotes(doc, entities, "fr"), "besoin de 60")
    assert quote.speaker is not None and quote.speaker.entity == "org-pam"
