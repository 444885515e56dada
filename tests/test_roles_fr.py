"""Role nouns and pronouns to the right person: ``l'avocat`` after ``Me X``, ``l'officier``
after ``le capitaine X``, ``la même source``, a gender read from the article itself. Invented
sentences through the real French model, plus the role lexicon on its own."""

from __future__ import annotations

import pytest

from allegiance.extract.speaker_roles import role_kin
from quote_helpers import speaker_of

NAMES = {
    "luc-moreau": ["Luc Moreau", "Moreau"],
    "remi-caron": ["Rémi Caron", "Caron"],
    "alice-fontaine": ["Alice Fontaine", "Fontaine"],
    "odile-marchal": ["Odile Marchal", "Marchal"],
    "bastien-roux": ["Bastien Roux", "Roux"],
    "org-amis-du-lac": ["Les Amis du lac", "Amis du lac"],
    "org-ligue-regionale": ["Ligue régionale de volley", "Ligue régionale"],
}


def test_the_role_lexicon_links_broad_nouns_to_narrow_roles() -> None:
    kin = role_kin("fr")
    assert "lieutenant" in kin["officier"] and "maire" in kin["élue"]
    assert "me" in kin["avocat"] and "avocat" in kin["avocat"]
    assert "fédération" in kin["instance"]
    assert "maire" not in kin["avocat"]


@pytest.mark.model
def test_l_avocat_goes_to_the_lawyer_introduced_by_his_title(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Rémi Caron, le gardien de l'immeuble, a raconté la nuit de l'incendie. « J'ai vu la "
        "fumée », a-t-il dit. Pour la défense, Me Luc Moreau a demandé la relaxe. L'avocat a "
        "dénoncé un « dossier vide » devant le tribunal."
    )
    assert speaker_of(fr_nlp, body, NAMES, "dossier vide") == "luc-moreau"


@pytest.mark.model
def test_a_broad_role_noun_goes_to_the_person_with_the_narrow_role(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Nous avons évacué l'école », a indiqué le capitaine Luc Moreau. Le sous-préfet "
        "Bastien Roux a visité le village. L'officier a précisé que « deux maisons sont "
        "détruites »."
    )
    assert speaker_of(fr_nlp, body, NAMES, "deux maisons") == "luc-moreau"


@pytest.mark.model
def test_l_elue_goes_to_the_mayor_named_in_apposition(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "La maire de Villebois, Odile Marchal, a ouvert le gymnase aux sinistrés. Alice "
        "Fontaine, une voisine, a apporté des couvertures. « Il faut reconstruire vite », estime l'élue."
    )
    assert speaker_of(fr_nlp, body, NAMES, "reconstruire vite") == "odile-marchal"


@pytest.mark.model
def test_the_feminine_description_skips_a_man_with_the_same_role(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Me Alice Fontaine défend les locataires. Me Luc Moreau, lui, défend le propriétaire "
        "et parle d'un « malentendu ». Pour l'avocate, « le dossier est accablant »."
    )
    assert speaker_of(fr_nlp, body, NAMES, "accablant") == "alice-fontaine"


@pytest.mark.model
def test_l_instance_goes_to_the_body_whose_name_opens_with_that_kind(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "La Ligue régionale de volley a suspendu le club pour un match. Dans un communiqué, "
        "l'instance estime que « les règles valent pour tous »."
    )
    assert speaker_of(fr_nlp, body, NAMES, "valent pour tous") == "org-ligue-regionale"


@pytest.mark.model
def test_la_meme_source_is_the_source_quoted_just_before(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Le feu est maîtrisé », a déclaré la porte-parole des pompiers, Odile Marchal. "
        "Deux bâtiments restent fermés, selon la même source."
    )
    assert speaker_of(fr_nlp, body, NAMES, "feu est maîtrisé") == "odile-marchal"
    from quote_helpers import quotes_of

    quotes = quotes_of(fr_nlp, body, NAMES)
    sourced = [q for q in quotes if "bâtiments" in q.text]
    if sourced:  # an indirect quote is found: its speaker is the same source
        assert sourced[0].speaker is not None
        assert sourced[0].speaker.entity == "odile-marchal"


@pytest.mark.model
def test_the_agent_of_a_fronted_participle_is_not_the_pronoun(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Bastien Roux, 64 ans, comparaît pour escroquerie. Le prévenu a écouté sans un mot. "
        "Interrogé la veille par le président du tribunal, Luc Moreau, il avait reconnu "
        "« des maladresses »."
    )
    assert speaker_of(fr_nlp, body, NAMES, "des maladresses") == "bastien-roux"


@pytest.mark.model
def test_a_quoted_je_is_not_the_subject_of_a_following_participle(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le ministre Luc Moreau est arrivé tôt. « Je ne signerai pas ce texte », avait-il "
        "lancé jeudi, qualifiant le projet de « fiasco annoncé »."
    )
    assert speaker_of(fr_nlp, body, NAMES, "fiasco annoncé") == "luc-moreau"
