"""French speakers named by a description (round 10): one test per rule, on invented sentences
through the real French model.

- nouns for a body acting together (``le mouvement``, ``la milice``, ``la formation``) describe
  an organisation, never a person named in between;
- a body named bare (no role word) as a clause subject since an earlier ``l'agence X`` may be
  the one a later ``l'agence`` describes;
- a role's short complement the parser hangs on the verb (``le commissaire au Commerce, X``)
  does not hide the name apposed after it.
"""

from __future__ import annotations

import pytest

from quote_helpers import speaker_of


@pytest.mark.model
def test_the_movement_is_the_group_not_the_person_named_since(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    names = {"org-front": ["Front du Sud"], "p-cohen": ["Yossi Cohen"]}
    body = (
        "Le Front du Sud a dénoncé un massacre. Le colonel Yossi Cohen, porte-parole de "
        "l'armée, a défendu la frappe. Dans un message, le mouvement accuse l'armée de vouloir "
        "« vider la ville de ses habitants »."
    )
    assert speaker_of(fr_nlp, body, names, "vider la ville") == "org-front"


@pytest.mark.model
def test_the_agency_is_the_body_last_named_as_subject(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    names = {"org-sc": ["Santé Canada"], "org-epa": ["EPA"]}
    body = (
        "L'agence Santé Canada a confirmé l'autorisation en janvier. Le 30 avril, l'EPA "
        "américaine n'a pas changé d'avis. « Le produit ne présente aucun risque pour la "
        "santé », écrit l'agence."
    )
    assert speaker_of(fr_nlp, body, names, "aucun risque") == "org-epa"


@pytest.mark.model
def test_an_agency_named_with_a_role_since_still_wins(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    # the guard is for bare names only: a ministry named since is no agency
    names = {"org-sc": ["Santé Canada"], "org-min": ["Ministère de la Santé"]}
    body = (
        "L'agence Santé Canada a confirmé l'autorisation en janvier. Le ministère de la Santé "
        "a salué la décision. « Le produit ne présente aucun risque pour la santé », écrit "
        "l'agence."
    )
    assert speaker_of(fr_nlp, body, names, "aucun risque") == "org-sc"


@pytest.mark.model
def test_a_name_apposed_after_the_role_complement_is_the_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    names = {"p-vidal": ["Paul Vidal"]}
    body = (
        "« Nous ne voulons pas choisir entre deux camps », a déclaré le commissaire européen "
        "au Commerce, Paul Vidal, à l'issue de la réunion."
    )
    assert speaker_of(fr_nlp, body, names, "choisir entre deux") == "p-vidal"
