"""French speakers, tuned on real news (round 8): words of time between an inverted cue and its
subject (``», a déclaré jeudi la directrice, X``); a name apposed to a feminine noun names a
woman whatever its first part says (``la vice-présidente, Lee-Anne X`` … ``cette dirigeante``);
an organisation's name closing a subject description with no comma (``Le géant américain de la
tech X a annoncé``) or set off by a comma after it (``selon le régulateur de la bourse, la X``)
says which body the description is. One test per rule, on invented sentences through the real
French model."""

from __future__ import annotations

import pytest

from quote_helpers import speaker_of

NAMES = {
    "claire-fontanel": ["Claire Fontanel"],
    "lee-anne-obakwe": ["Lee-Anne Obakwe"],
    "marc-delorme": ["Marc Delorme"],
    "org-bellerive": ["Bellerive"],
    "org-microsoft": ["Microsoft"],
    "org-sec": ["SEC"],
    "org-force-unie": ["Force Unie"],
    "ines-garnier": ["Inès Garnier"],
    "org-france-inter": ["France Inter"],
    "etienne-marchal": ["Étienne Marchal"],
    "khalid-al-bakri": ["Khalid Al-Bakri"],
    "fode-diallo": ["Fodé Diallo"],
    "paul-durand": ["Paul Durand"],
}


@pytest.mark.model
def test_a_day_between_the_cue_and_its_inverted_subject_is_skipped(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Ce prix ne reflète pas la valeur de nos marques », a déclaré jeudi la directrice "
        "générale de Bellerive, Claire Fontanel, lors d'une conférence téléphonique avec des "
        "analystes."
    )
    assert speaker_of(fr_nlp, body, NAMES, "Ce prix") == "claire-fontanel"


@pytest.mark.model
def test_ce_lundi_soir_before_the_inverted_subject_is_skipped(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Nous ne céderons pas », a affirmé ce lundi soir le président du syndicat Force "
        "Unie, Marc Delorme."
    )
    assert speaker_of(fr_nlp, body, NAMES, "céderons") == "marc-delorme"


@pytest.mark.model
def test_a_name_apposed_to_a_feminine_noun_is_a_woman(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Notre décision est prise », a affirmé la vice-présidente des affaires juridiques "
        "de l'entreprise, Lee-Anne Obakwe. Dans un communiqué, cette dirigeante a dénoncé "
        "« une amende injustifiée »."
    )
    assert speaker_of(fr_nlp, body, NAMES, "amende injustifiée") == "lee-anne-obakwe"


@pytest.mark.model
def test_an_organisation_name_closing_a_subject_description_speaks(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le géant américain de la tech Microsoft a annoncé qu'il allait contester l'amende "
        "devant la justice."
    )
    assert speaker_of(fr_nlp, body, NAMES, "contester") == "org-microsoft"


@pytest.mark.model
def test_an_organisation_apposed_after_a_comma_to_a_description_speaks(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "La filiale était également accusée de fraude, selon le régulateur américain de la "
        "bourse, la SEC."
    )
    assert speaker_of(fr_nlp, body, NAMES, "accusée de fraude") == "org-sec"


@pytest.mark.model
def test_a_name_after_a_preposition_following_a_participle_is_no_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le nom de l'ancienne directrice du festival, Inès Garnier, circule avec insistance. "
        "Interrogée sur France Inter, celle-ci s'est contentée de sourire : « Je ne suis "
        "candidate à rien. »"
    )
    assert speaker_of(fr_nlp, body, NAMES, "candidate à rien") == "ines-garnier"


@pytest.mark.model
def test_a_name_after_a_fronted_phrase_is_the_subject_il_continues(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Nous allons construire », a lancé Étienne Marchal en ouvrant le sommet. Le "
        "président a chiffré à 112 milliards le total des engagements.\n\n"
        "Premier à lui succéder au pupitre, Khalid Al-Bakri, directeur général du fonds Al "
        "Noor, a confirmé une enveloppe de 15 milliards. « Nous ne venons pas ici par "
        "sympathie », a-t-il expliqué."
    )
    assert speaker_of(fr_nlp, body, NAMES, "par sympathie") == "khalid-al-bakri"


@pytest.mark.model
def test_a_name_the_parser_apposes_to_a_feminine_thing_keeps_il(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Paul Durand est « en train de tout faire pour modifier les résultats », a accusé "
        "devant la presse Fodé Diallo, directeur de campagne. « Les administrateurs sont "
        "tous mobilisés pour réaliser cette fraude », a-t-il ajouté."
    )
    assert speaker_of(fr_nlp, body, NAMES, "administrateurs") == "fode-diallo"
