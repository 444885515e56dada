"""Round 13b (realdev5 speakers): role descriptions taken up after the holder is named, and
incises led by ``venir``. Invented sentences only."""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context

pytestmark = pytest.mark.model


def _speakers(text: str) -> dict[str, str | None]:
    article = analyze(text, lang="fr", published="2025-03-04", context=default_context())
    return {q.text: (q.speaker.entity if q.speaker else None) for q in article.quotes}


def _speaker_of(text: str, fragment: str) -> str | None:
    found = _speakers(text)
    keys = [k for k in found if fragment in k]
    assert keys, found
    return found[keys[0]]


def test_head_of_body_takes_up_the_person_just_named() -> None:
    """``Le patron de X`` right after a person named with no role is that person."""
    text = (
        "Même son de cloche pour Paul Girard qui a confié au journal de France 2 qu'il "
        "s'agissait d'une \"mauvaise nouvelle pour les patients\". Le patron de l'AP-HP a "
        'également estimé que cette grève était "un peu précipitée par rapport aux '
        'négociations".'
    )
    assert _speaker_of(text, "précipitée") == "paul-girard"


def test_head_of_body_guard_other_role_stays_unnamed() -> None:
    """Guard: the person just named has another role (``délégué syndical``): the head of the
    body is someone else, unnamed."""
    text = (
        'Jean Dupont, délégué syndical, a dénoncé une "provocation". Le patron de la SNCF a '
        'répondu que cette grève était "injustifiée".'
    )
    assert _speaker_of(text, "injustifiée") is None


def test_relatum_guard_lawyer_of_body_stays_unnamed() -> None:
    """Guard: ``l'avocat de la SNCF`` is no unique head of the body: unnamed."""
    text = (
        'Jean Dupont a dénoncé une "provocation". L\'avocat de la SNCF a répondu que cette '
        'grève était "injustifiée".'
    )
    assert _speaker_of(text, "injustifiée") is None


def test_running_handle_reaches_past_a_long_quotation() -> None:
    """``le ministre`` written before with no name, then after a two-sentence quotation: the
    person the author named a few sentences back."""
    text = (
        "La baisse était attendue, mais le ministre vient de la confirmer. Une baisse des "
        "impôts était annoncée pour le 1er mars, sans plus de détails. Si ce n'était la "
        "promesse de Paul Girard de ne pas dépasser 5%. Ce lundi, le ministre, invité sur le "
        "plateau de France 2, a été clair : la baisse sera de 3%.\n\n"
        "«Sur les petits revenus, la baisse sera de 3 %. Sur les autres, elle sera de 2%», a "
        "précisé le ministre."
    )
    assert _speaker_of(text, "petits revenus") == "paul-girard"


def test_name_of_the_complement_noun_is_not_the_speaker() -> None:
    """``a lancé la présidente de la région Bretagne``: the place names the région; the
    speaker is the présidente, the woman just named."""
    text = (
        'De son côté, Martine Leroux s\'est dite "très inquiète" par ce préavis. "Je demande '
        "à l'Etat que le service minimum soit respecté\", a lancé la présidente de la région "
        "Bretagne."
    )
    assert _speaker_of(text, "service minimum") == "martine-leroux"


def test_incise_led_by_venir() -> None:
    """``», est venu dire … le directeur, X``: ``venir`` leads the infinitive cue and inverts
    the subject of both."""
    text = (
        "Les ouvriers ont bloqué l'entrée de l'usine mardi.\n"
        "« Nous allons devoir fermer le site, je sais que c'est un choc pour vous », est venu "
        "dire devant le portail le directeur de l'usine, Paul Martin, entouré de ses salariés."
    )
    assert _speaker_of(text, "fermer le site") == "paul-martin"
