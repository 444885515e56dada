"""Speakers of verbless opinion frames, of the impersonal ``on`` located at a body, of incises
with a channel before their subject and of negated ``exclure`` (round 11, helper ``frames``).
Each test on invented sentences through the whole French pipeline; guards (cases that must not
change) are said so in the docstrings."""

from __future__ import annotations

import pytest

from fr_articles import analyze_fr as _analyze
from fr_articles import speaker_id as _speaker

pytestmark = pytest.mark.model


def test_pour_role_then_apposed_name_gives_the_name() -> None:
    """``Pour le directeur de X, Jean Dupont, « … »``: the name apposed to the role speaks,
    before a marked quote and before a partial quote later in the clause."""
    article = _analyze(
        "Pour la directrice du lycée, Sylvie Arnoux, « les élèves ont été exemplaires »."
    )
    assert _speaker(article, "exemplaires") == "sylvie-arnoux"
    article = _analyze("Pour le préfet, Gérard Poulain, il s'agit d'un « échec collectif ».")
    assert _speaker(article, "échec collectif") == "gerard-poulain"


def test_pour_frame_guards() -> None:
    """Guards: ``Pour X, « … »`` still gives X, and ``Pour X, le fait que Y ait qualifié … de
    « … »`` still gives Y."""
    article = _analyze("Pour Sylvie Arnoux, « les élèves ont été exemplaires ».")
    assert _speaker(article, "exemplaires") == "sylvie-arnoux"
    article = _analyze(
        "Pour Sylvie Arnoux, le fait que Gérard Poulain ait qualifié la grève "
        "d'« irresponsable » est choquant."
    )
    assert _speaker(article, "irresponsable") == "gerard-poulain"


def test_view_locutions_before_a_marked_quote() -> None:
    """``Aux yeux de X, « … »``, ``De l'avis de X, « … »``, ``À en croire X, « … »``: X's view,
    like ``Pour X``."""
    article = _analyze("Aux yeux de Gérard Poulain, « cette fusion ne profitera à personne ».")
    assert _speaker(article, "fusion") == "gerard-poulain"
    article = _analyze("De l'avis de Sylvie Arnoux, « le calendrier est intenable ».")
    assert _speaker(article, "intenable") == "sylvie-arnoux"
    article = _analyze("À en croire Gérard Poulain, « le chantier sera livré à temps ».")
    assert _speaker(article, "livré à temps") == "gerard-poulain"


def test_verbless_side_frames_with_a_colon() -> None:
    """``Même son de cloche chez X : « … »`` and ``Du côté de X, on se veut … : « … »``: the
    body the sentence opens on."""
    article = _analyze(
        "Même son de cloche chez Michelin : « Les volumes reculent depuis le printemps. »"
    )
    assert _speaker(article, "volumes reculent") == "michelin"
    article = _analyze(
        "Du côté de Michelin, on se veut confiant : « Les usines tournent à plein régime. »"
    )
    assert _speaker(article, "usines tournent") == "michelin"


def test_impersonal_on_located_at_a_body() -> None:
    """``« … », précise-t-on à Matignon``, ``fait-on valoir chez X``, ``Chez X, on assure que
    « … »``: the impersonal ``on`` speaks for the body it is located at."""
    article = _analyze("« La réforme sera présentée en juin », précise-t-on à Matignon.")
    assert _speaker(article, "présentée en juin") == "matignon"
    article = _analyze("« Aucune usine ne fermera », fait-on valoir chez Michelin.")
    assert _speaker(article, "Aucune usine") == "michelin"
    article = _analyze("Chez Michelin, on assure que « rien n'est encore arbitré ».")
    assert _speaker(article, "arbitré") == "michelin"


def test_impersonal_on_in_a_circle_or_told_to_a_newsroom_is_nobody() -> None:
    """``glisse-t-on dans l'entourage de X``: X's circle, not X (it used to resolve ``-on`` as a
    pronoun to the person just named); guard: ``indique-t-on à l'AFP`` is whom it was told."""
    article = _analyze("« La décision est prise », glisse-t-on dans l'entourage de Gérard Poulain.")
    assert _speaker(article, "décision est prise") is None
    article = _analyze("« La décision est prise », indique-t-on à l'AFP.")
    assert _speaker(article, "décision est prise") is None


def test_channel_or_addressee_between_incise_verb_and_subject() -> None:
    """``», a insisté au micro de RTL X``, ``», a répondu face à Y la ministre X``: past the
    channel or addressee comes the subject; ``», écrivent les élus dans Le Figaro``: the
    outlet after the subject is where, not who."""
    article = _analyze("« Nous irons jusqu'au bout », a insisté au micro de RTL Sylvie Arnoux.")
    assert _speaker(article, "jusqu'au bout") == "sylvie-arnoux"
    article = _analyze(
        "« Nous irons jusqu'au bout », a répondu face à Gérard Poulain la ministre Sylvie Arnoux."
    )
    assert _speaker(article, "jusqu'au bout") == "sylvie-arnoux"
    article = _analyze("« Le pays décroche », écrivent les économistes dans Le Figaro.")
    assert _speaker(article, "décroche") is None


def test_inner_incise_with_role_and_apposed_name() -> None:
    """``« …, admet la directrice, Sylvie Arnoux. … »``: the name apposed to the role of an
    incise inside the marks speaks."""
    article = _analyze(
        "« Les moyens manquent, admet la directrice du lycée, Sylvie Arnoux. Mais nous tiendrons. »"
    )
    assert _speaker(article, "nous tiendrons") == "sylvie-arnoux"


def test_negated_exclure_reports_a_view() -> None:
    """``X n'a pas exclu que …``, ``X ne peut exclure que …``: a view reported; guard: ``a exclu
    le joueur`` (expelled) reports nothing."""
    article = _analyze("Gérard Poulain n'a pas exclu que l'usine soit vendue l'an prochain.")
    assert _speaker(article, "usine soit vendue") == "gerard-poulain"
    article = _analyze("La députée Sylvie Arnoux ne peut exclure que le scrutin soit reporté.")
    assert _speaker(article, "scrutin soit reporté") == "sylvie-arnoux"
    article = _analyze("Le club a exclu le joueur pour trois matchs.")
    assert not article.quotes
