"""French speakers as real news copy gives them (invented sentences): a witness introduced in
the sentence before her quote (parsed as an address), the narrative infinitive (``X de dire :``,
``Et d'ajouter :``), ``l'un d'eux, Name``, a sub-heading quote taking its section's speaker,
and reflexive verbs that report no speech."""

from __future__ import annotations

import pytest

from quote_helpers import quotes_of, speaker_of

NAMES = {
    "christine-leroy": ["Christine Leroy", "Christine"],
    "paul-diop": ["Paul Diop", "Diop"],
    "claude-martin": ["Claude Martin"],
    "jeanne-dupont": ["Jeanne Dupont", "Dupont"],
}


@pytest.mark.model
def test_the_person_introduced_before_a_quote_says_it(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le feu a pris vers midi.\n\nChristine, voisine du dessous, ne se doutait pas de ce "
        "qu'il se passait en haut. "
        "« J'ai entendu un bruit, puis j'ai vu la fumée. »"
    )
    assert speaker_of(fr_nlp, body, NAMES, "J'ai entendu") == "christine-leroy"


@pytest.mark.model
def test_a_narrative_infinitive_speaks_for_the_phrase_before_it(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Concernant les opposants arrêtés, le ministre de l'Intérieur Paul Diop de dire : "
        "« Nous allons voir avec le procureur. »"
    )
    assert speaker_of(fr_nlp, body, NAMES, "Nous allons voir") == "paul-diop"


@pytest.mark.model
def test_et_d_ajouter_goes_on_with_the_last_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Je regrette », a déclaré Paul Diop aux juges. Et d'ajouter : « Comment voulez-vous "
        "que je ne regrette pas ? »"
    )
    assert speaker_of(fr_nlp, body, NAMES, "Comment voulez-vous") == "paul-diop"


@pytest.mark.model
def test_one_of_them_named_in_apposition(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "« On n'a jamais vu ça », assure l'un d'eux, Claude Martin."
    assert speaker_of(fr_nlp, body, NAMES, "jamais vu") == "claude-martin"


@pytest.mark.model
def test_a_sub_heading_quote_takes_its_section_s_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "La grève a commencé lundi.\n\n« On ne lâchera rien »\n\n"
        "Jeanne Dupont, déléguée syndicale, ne cède pas. « Nous irons jusqu'au bout, "
        "la direction le sait », a-t-elle déclaré mardi."
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    heading = next(q for q in quotes if q.text == "On ne lâchera rien")
    assert heading.speaker is not None and heading.speaker.entity == "jeanne-dupont"


@pytest.mark.model
def test_a_reflexive_douter_reports_nothing(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Christine Leroy ne se doutait pas de ce qu'il se passait au troisième étage."
    assert quotes_of(fr_nlp, body, NAMES) == []


@pytest.mark.model
def test_rassurer_in_an_incise_is_a_cue(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "« Il n'y a pas eu de blessé », rassure tout de suite Claude Martin, un voisin."
    assert speaker_of(fr_nlp, body, NAMES, "pas eu de blessé") == "claude-martin"


@pytest.mark.model
def test_a_role_named_before_its_person_is_that_person(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le maire de Lunel a confié que des appels insultants venaient saturer le standard. "
        "Le maire de Lunel, Paul Diop, a maintenu le concert."
    )
    assert speaker_of(fr_nlp, body, NAMES, "appels insultants") == "paul-diop"


@pytest.mark.model
def test_a_name_closing_an_inverted_description_speaks(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    names = {**NAMES, "parti-liberal": ["Parti libéral"]}
    body = (
        "« Ces propos sont indignes », a déclaré le chef par intérim du Parti libéral "
        "(PLQ) Paul Diop."
    )
    assert speaker_of(fr_nlp, body, names, "indignes") == "paul-diop"


@pytest.mark.model
def test_selon_a_name_not_the_agent_of_its_apposition(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    names = {**NAMES, "afp": ["AFP"]}
    body = (
        "Selon Claude Martin, un habitant du quartier interrogé par l'AFP, « il y avait des "
        "gens en panique »."
    )
    assert speaker_of(fr_nlp, body, names, "gens en panique") == "claude-martin"


@pytest.mark.model
def test_a_name_after_the_comma_closing_an_inverted_role(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le verdict est attendu. « Il n'obéit qu'à sa loi », a souligné l'avocate générale, "
        "Christine Leroy. Paul Diop a pleuré."
    )
    assert speaker_of(fr_nlp, body, NAMES, "obéit") == "christine-leroy"


@pytest.mark.model
def test_a_subject_after_selon_s_comma_is_no_apposition(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Selon la police, Paul Diop a tiré « sans sommation »."
    assert speaker_of(fr_nlp, body, NAMES, "sans sommation") is None


@pytest.mark.model
def test_a_run_in_heading_takes_the_speaker_of_its_section(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le procès s'achève.\n\n« Tellement de choses à dire ». En larmes, Paul Diop a pris "
        "la parole. « J'ai tant de choses à dire et si peu de mots », a-t-il déclaré."
    )
    assert speaker_of(fr_nlp, body, NAMES, "Tellement de choses") == "paul-diop"


@pytest.mark.model
def test_selon_qui_speaks_for_its_antecedent(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Nous cherchons des moyens urgents », a fait savoir Claude Martin, selon qui la "
        "« solution évidente » est de « cesser le combat »."
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    direct = next(q for q in quotes if q.text.startswith("Nous cherchons"))
    assert direct.cue is not None and direct.cue.text == "savoir"
    assert speaker_of(fr_nlp, body, NAMES, "solution évidente") == "claude-martin"


@pytest.mark.model
def test_a_trial_party_frames_its_view(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Le verdict est attendu. Pour l'accusation, l'homme n'était pas « psychotique »."
    quote = next(q for q in quotes_of(fr_nlp, body, NAMES) if q.text == "psychotique")
    assert quote.speaker is not None and quote.speaker.name == "l'accusation"


@pytest.mark.model
def test_s_inquieter_is_a_cue_in_every_form(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    names = {**NAMES, "onu": ["ONU"]}
    body = "Au Soudan, l'ONU s'inquiète d'une « situation sans précédent » après les combats."
    assert speaker_of(fr_nlp, body, names, "sans précédent") == "onu"
