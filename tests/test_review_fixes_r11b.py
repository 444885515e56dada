"""Over-reaches found by the review of the 2026-11-26 (fourth session) rules, each on an
invented passage that went wrong with the rule and is right again: the rule stays, its
over-reach goes."""

from __future__ import annotations

import pytest

from fr_articles import analyze_fr as _analyze
from fr_articles import speaker_id as _speaker

pytestmark = pytest.mark.model


def test_a_headline_ending_on_a_scheme_noun_names_nothing_on_the_next_line() -> None:
    article = _analyze(
        "Grève à la SNCF : les syndicats durcissent le mouvement\n"
        "« Nous irons jusqu'au bout », assure Jean Dupont, secrétaire général du syndicat."
    )
    quote = next(q for q in article.quotes if "jusqu'au bout" in q.text)
    assert quote.kind == "direct" and _speaker(article, "jusqu'au bout") == "jean-dupont"


def test_speech_verbs_are_no_verbs_of_making_a_work() -> None:
    for text, fragment in [
        ("À la fin du meeting, Jean Dupont a lancé « Vive la République » sous les "
         "applaudissements.", "Vive la"),
        ("Jean Dupont a écrit « Honte à ce gouvernement » sur Facebook.", "Honte"),
    ]:  # fmt: skip
        assert _speaker(_analyze(text), fragment) == "jean-dupont", text


def test_only_a_medium_relays_a_fragment() -> None:
    """``…, « une promesse intenable », a écrit l'économiste X dans Les Échos``: the incise's
    subject is no outlet, so the words are the economist's."""
    article = _analyze(
        "Le président a promis des baisses d'impôts, « une promesse intenable », a écrit "
        "l'économiste Jean Dupont dans Les Échos."
    )
    assert _speaker(article, "promesse intenable") == "jean-dupont"


def test_a_bare_ministry_stays_french_in_an_article_naming_the_french() -> None:
    article = _analyze(
        "Crise en Ukraine : Kiev sous les bombes. Les frappes russes sur l'Ukraine se sont "
        "intensifiées.\nLe ministère des Affaires étrangères a recommandé aux Français de "
        "quitter l'Ukraine « sans délai »."
    )
    assert _speaker(article, "sans délai") == "quai-d-orsay"


def test_a_reprise_frame_with_an_unnamed_subject_names_nobody() -> None:
    for text, fragment in [
        ("« Rendez-nous notre hôpital ! » C'est ce que scandaient samedi les manifestants "
         "devant la mairie de Valbourg, où Jean Dupont les a reçus.", "Rendez-nous"),
        ("« Je ne démissionnerai pas. » C'est ce qu'a répété mardi le ministre, interrogé par "
         "Marie Lefèvre sur France Inter.", "démissionnerai"),
    ]:  # fmt: skip
        assert _speaker(_analyze(text), fragment) is None, text


def test_a_day_word_is_no_part_of_a_company_name() -> None:
    article = _analyze("« Nous supprimerons 300 postes », a annoncé le fabricant Brodec jeudi.")
    assert _speaker(article, "300 postes") == "brodec"


def test_summary_bullets_are_no_dialogue_turns() -> None:
    article = _analyze(
        "Ce qu'il faut retenir :\n- La réforme entrera en vigueur en juin, a annoncé le "
        "ministre.\n- Le chômage a reculé, indique Pôle emploi."
    )
    assert {q.kind for q in article.quotes} == {"indirect"}


def test_a_place_named_after_a_person_keeps_its_name() -> None:
    article = _analyze("La Maison Jean Vilar a annoncé qu'elle fermerait ses portes en juin.")
    assert "Jean Vilar" not in {e.name for e in article.entities}


def test_a_label_about_the_person_named_first_gives_them_no_words() -> None:
    """``X, la réplique de Y : « Elle … »``: the quote is about X, said by Y (or unnamed)."""
    article = _analyze("Marine Valmont, la réplique de Paul Durand : « Elle n'a aucun programme »")
    assert _speaker(article, "aucun programme") != "marine-valmont"
    # a role after the name still makes the label the speaker's
    article = _analyze("Hélène Morvan, directrice de Sodira : « Nous recruterons cent personnes »")
    assert _speaker(article, "recruterons") == "helene-morvan"


def test_the_reporters_on_is_no_body() -> None:
    article = _analyze(
        "Chez Valmonde Industries, on a recueilli le témoignage d'une caissière : « On nous demande "
        "toujours plus. »"
    )
    assert _speaker(article, "toujours plus") is None
