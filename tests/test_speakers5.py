"""French speakers, fifth round: a pronoun continues the main-clause subject before it, over
``il``/``elle`` of the same gender and over subjects of the other gender, even when that
subject is a description (``l'infirmière``) and a person of the same gender was quoted in
between; a name introduced by an organisation noun (``le cabinet comptable X``) is a body, no
person's ``elle``. One test per rule, on invented sentences through the real French model."""

from __future__ import annotations

import pytest

from quote_helpers import speaker_of

NAMES = {
    "marie-leroy": ["Marie Leroy"],
    "rose-martin": ["Rose Martin"],
    "paul-petit": ["Paul Petit"],
    "jeanne-morel": ["Jeanne Morel"],
    "dalton-price": ["Dalton Price"],
}


@pytest.mark.model
def test_a_pronoun_continues_a_described_subject_past_a_quoted_woman(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Marie Leroy, infirmière de 40 ans, a accepté de raconter sa vie à la clinique.\n\n"
        "Le syndicat a cité sa porte-parole, Rose Martin, qui a évoqué une « situation "
        "grave » dans la région.\n\n"
        "Le soir, l'infirmière dort peu. Elle tient un carnet où elle note chaque décès, "
        "« pour que quelqu'un se souvienne d'eux »."
    )
    assert speaker_of(fr_nlp, body, NAMES, "pour que quelqu'un") == "marie-leroy"


@pytest.mark.model
def test_a_pronoun_passes_over_a_subject_of_the_other_gender(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Jeanne Morel, boulangère du quartier, a perdu sa maison.\n\n"
        "Son voisin, Paul Petit, a été blessé en mars alors qu'il rentrait chez lui. "
        "« Il ne marche plus depuis ce jour-là », dit-elle d'une voix calme."
    )
    assert speaker_of(fr_nlp, body, NAMES, "Il ne marche plus") == "jeanne-morel"


@pytest.mark.model
def test_a_name_introduced_by_an_organisation_noun_is_no_persons_pronoun(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "La juge Marie Leroy a autorisé la plainte contre le cabinet comptable Dalton Price.\n\n"
        "« Ce n'est qu'un premier pas », a-t-elle précisé."
    )
    assert speaker_of(fr_nlp, body, NAMES, "premier pas") == "marie-leroy"
