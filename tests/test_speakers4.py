"""French speakers, fourth round: a participle right after its noun, a ``que`` clause's pronoun
standing for the governing subject, ``ces derniers``, organisation descriptions resolved past a
preposition, a compound noun in an inverted subject, an adverbial between auxiliary and verb,
sub-headings and headlines quoting the body's words, the subject of the sentence that introduces
a witness, ``l'organisation`` for a body the resolver typed as a person. One test per rule, on
invented sentences through the real French model."""

from __future__ import annotations

import pytest

from quote_helpers import quote_with, quotes_of, speaker_of

NAMES = {
    "paul-durand": ["Paul Durand"],
    "marie-leroy": ["Marie Leroy"],
    "rose-martin": ["Rose Martin"],
    "paul-petit": ["Paul Petit"],
    "org-acme": ["Acme Energy", "Acme"],
    "org-nordia": ["Nordia"],
    "org-cour": ["Cour suprême"],
    "org-verts": ["Brigades vertes"],
    "org-etat": ["gouvernement"],
    "org-sports": ["ministère des Sports"],
}


@pytest.mark.model
def test_a_participle_right_after_a_noun_has_that_noun_for_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Nordia a promis de réagir vite, le ministère des Sports regrettant une décision "
        "« précipitée »."
    )
    assert speaker_of(fr_nlp, body, NAMES, "précipitée") == "org-sports"


@pytest.mark.model
def test_a_participle_after_a_comma_goes_with_the_clause_subject(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Nordia a déposé une plainte contre Paul Durand, accusant ce dernier de mener une "
        "campagne de dénigrement contre le groupe."
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    speaker = quote_with(quotes, "campagne").speaker
    assert speaker is not None and speaker.entity == "org-nordia"


@pytest.mark.model
def test_a_que_clause_pronoun_stands_for_the_governing_subject(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Paul Durand a parlé longtemps devant les joueurs. Le ministère des Sports a fait savoir "
        "jeudi qu'il suivait le dossier « avec attention » et a appelé les deux parties à "
        "« renouer le dialogue au plus vite »."
    )
    assert speaker_of(fr_nlp, body, NAMES, "attention") == "org-sports"
    assert speaker_of(fr_nlp, body, NAMES, "renouer") == "org-sports"


@pytest.mark.model
def test_ces_dernieres_are_the_body_named_last(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le gouvernement a regretté que le texte ne cite pas les Brigades vertes. Ces dernières, "
        "dans un communiqué, ont assuré qu'elles « ne bloquent aucun convoi »."
    )
    assert speaker_of(fr_nlp, body, NAMES, "convoi") == "org-verts"


@pytest.mark.model
def test_an_organisation_description_prefers_a_body_named_without_preposition(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "La sanction la plus lourde vise Acme Energy. Son directeur, Paul Durand, a annoncé que "
        "le groupe ferait appel devant la Cour suprême. Dans un communiqué, le pétrolier "
        "dénonce une décision « politique »."
    )
    assert speaker_of(fr_nlp, body, NAMES, "politique") == "org-acme"


@pytest.mark.model
def test_a_hyphenated_rank_in_an_inverted_subject_keeps_its_name(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Les prix vont baisser », a assuré dans un communiqué le lieutenant-colonel "
        "Paul Durand, porte-parole de l'armée."
    )
    assert speaker_of(fr_nlp, body, NAMES, "baisser") == "paul-durand"


@pytest.mark.model
def test_an_adverbial_between_auxiliary_and_verb_keeps_the_named_subject(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "À Lyon, le ministre de la Santé, Paul Durand, a de son côté promis de poursuivre les "
        "réformes « jusqu'à ce que le dernier hôpital soit rénové »."
    )
    assert speaker_of(fr_nlp, body, NAMES, "dernier hôpital") == "paul-durand"


@pytest.mark.model
def test_a_sub_heading_quote_takes_the_speaker_of_the_same_words_below(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Paul Durand a longuement parlé aux journalistes. « Nous tiendrons bon », a-t-il dit.\n\n"
        "« Une menace constante »\n\n"
        "Les délégations ont protesté. La ministre, Marie Leroy, a dénoncé « une menace "
        "constante » et réclamé des mesures."
    )
    assert speaker_of(fr_nlp, body, NAMES, "Une menace constante") == "marie-leroy"


@pytest.mark.model
def test_a_headline_quote_shortening_a_body_quote_takes_its_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Inondations : « on a porté les enfants sur le toit »\n\n"
        "La rivière est sortie de son lit dans la nuit. « L'eau montait vite. Alors on a porté "
        "les enfants sur le toit, puis les voisins », raconte Rose Martin, 61 ans."
    )
    assert speaker_of(fr_nlp, body, NAMES, "enfants sur le toit") == "rose-martin"


@pytest.mark.model
def test_the_subject_introducing_a_witness_owns_the_next_paragraph(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Les habitants fuient toujours. Rose Martin, 61 ans, a quitté la maison de Paul Petit "
        "jeudi avec ses petits-enfants.\n\n"
        "« On nous dit de partir, mais il n'y a ni eau ni abri là-bas. Où voulez-vous aller ? »"
    )
    assert speaker_of(fr_nlp, body, NAMES, "ni eau") == "rose-martin"


@pytest.mark.model
def test_l_organisation_is_the_ngo_even_typed_as_a_person(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    names = {"terra-viva": ["Terra Viva"], "marie-leroy": ["Marie Leroy"]}  # both "persons"
    body = (
        "D'après l'ONG Terra Viva, rien n'a été fait. « Ce retard a coûté cher », estime sa "
        "coordinatrice, Marie Leroy. L'organisation accuse les autorités d'avoir « sous-estimé » "
        "les dégâts."
    )
    assert speaker_of(fr_nlp, body, names, "sous-estimé") == "terra-viva"
