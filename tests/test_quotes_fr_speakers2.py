"""French speaker attribution, second round: one test per rule, on short invented sentences
through the real French model (the rules read its parse)."""

from __future__ import annotations

import pytest

from quote_helpers import quotes_of, speaker_of

NAMES = {
    "paul-durand": ["Paul Durand", "Durand"],
    "marie-leroy": ["Marie Leroy", "Leroy"],
    "jean-martin": ["Jean Martin"],
    "org-acme": ["Acme"],
    "org-openai": ["OpenAI"],
    "org-reuters": ["Reuters"],
    "org-le-monde": ["Le Monde"],
    "org-wsj": ["Wall Street Journal"],
}


@pytest.mark.model
def test_speech_verb_subject_wins_over_closing_selon(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Paul Durand a qualifié Marie Leroy d'« escroc » mardi, selon Reuters."
    assert speaker_of(fr_nlp, body, NAMES, "escroc") == "paul-durand"


@pytest.mark.model
def test_closing_selon_still_speaks_without_a_speech_verb(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "La société va « réduire ses effectifs de moitié » cette année, selon Reuters."
    assert speaker_of(fr_nlp, body, NAMES, "réduire ses effectifs") == "org-reuters"


@pytest.mark.model
def test_passive_agent_after_par_is_the_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Paul Durand est accusé par OpenAI d'avoir « orchestré » des attaques médiatiques, "
        "déposé des recours juridiques abusifs et proposé une offre « fictive » de rachat."
    )
    assert speaker_of(fr_nlp, body, NAMES, "orchestré") == "org-openai"
    # a speech verb above the cue speaks for the whole clause
    assert speaker_of(fr_nlp, body, NAMES, "fictive") == "org-openai"


@pytest.mark.model
def test_manner_adverb_between_incise_and_inverted_subject(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Paul Durand a claqué la porte au nez de Marie Leroy lundi. « Non, ce n'est pas "
        "suffisant », a répondu sèchement le président américain à un journaliste qui "
        "l'interrogeait sur cette main tendue."
    )
    assert speaker_of(fr_nlp, body, NAMES, "pas suffisant") == "paul-durand"


@pytest.mark.model
def test_sentence_opening_pour_x_gives_the_view(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Pour Marie Leroy, une des difficultés repose dans le manque d'interlocuteurs ayant une "
        "« vraie connaissance » des questions de doctrine."
    )
    assert speaker_of(fr_nlp, body, NAMES, "vraie connaissance") == "marie-leroy"


@pytest.mark.model
def test_pour_x_yields_to_an_actor_named_after_it(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Pour Marie Leroy, le fait qu'Acme ait classé ce produit « cancérogène probable » a clos "
        "le débat."
    )
    assert speaker_of(fr_nlp, body, NAMES, "cancérogène probable") != "marie-leroy"


@pytest.mark.model
def test_read_in_outlet_after_the_quote(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le 4 décembre, Paul Durand est mis en examen. « Au total, une douzaine de responsables "
        "ont été mis en examen dans cette affaire », peut-on lire dans Le Monde."
    )
    assert speaker_of(fr_nlp, body, NAMES, "une douzaine de responsables") == "org-le-monde"


@pytest.mark.model
def test_read_with_no_source_is_the_outlet_just_cited(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le 27 septembre, Le Monde publie un article sur ce député. Paul Durand, président de la "
        "commission, est « visé par une enquête préliminaire pour concussion », peut-on lire."
    )
    assert speaker_of(fr_nlp, body, NAMES, "visé par une enquête") == "org-le-monde"


@pytest.mark.model
def test_outlet_description_refers_to_the_outlet_not_the_company(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Nous avons levé 40 milliards de dollars », a déclaré Acme lundi, d'après un article "
        "du Wall Street Journal.\nLe quotidien américain avait déjà rapporté qu'Acme « pourrait investir "
        "25 milliards de dollars » dans la société."
    )
    assert speaker_of(fr_nlp, body, NAMES, "pourrait investir") == "org-wsj"


@pytest.mark.model
def test_answer_going_on_with_questions_is_kept(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Paul Durand insiste sur l'importance de donner la parole aux personnes. « En télé, vous "
        "allez interroger quelqu'un pendant cinq minutes pour diffuser vingt secondes. Dans quel "
        "contexte ? Au milieu de quel sujet ? » Autant de facteurs qui expliquent les craintes."
    )
    assert speaker_of(fr_nlp, body, NAMES, "En télé") == "paul-durand"


@pytest.mark.model
def test_interviewer_question_is_still_dropped(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "« Pourquoi avez-vous quitté la société ? Était-ce prévu ? »\nLa réponse tarde."
    assert not [q for q in quotes_of(fr_nlp, body, NAMES) if "quitté la société" in q.text]


@pytest.mark.model
def test_description_after_a_newer_person_is_theirs(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Les médias se nourrissent de faits alternatifs. » Jean Martin, journaliste, dans une "
        "étude.\nPour Paul Durand, le manque d'interlocuteurs pose « un vrai problème » au "
        "métier. Selon le jeune journaliste « on le voit sur la question des armes et du "
        "discours officiel du ministère ». "
    )
    assert speaker_of(fr_nlp, body, NAMES, "on le voit") == "paul-durand"


@pytest.mark.model
def test_inverted_pronoun_reaches_back_to_a_person_of_its_gender(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Les éditions Acme rééditent l'ouvrage de Paul Durand sur la crise financière.\n"
        "Le livre dénonçait déjà le caractère intimidant de certains mots. Ces mots alimentent "
        "une rhétorique de l'urgence. C'est ainsi que prend forme le consensus. Le langage se "
        "fige. L'anthropologue utilise les ressources de la pragmatique. Les termes techniques "
        "permettent de se payer de mots. « Il faudrait rendre grâce à la science - observe-t-il "
        "dans un autre livre. La démocratie ne pourrait que mieux s'en porter. »"
    )
    assert speaker_of(fr_nlp, body, NAMES, "rendre grâce") == "paul-durand"


@pytest.mark.model
def test_listed_quote_takes_the_sourced_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Comment une voix fait-elle une radio ? » Marie Leroy analyse « la fabrique d'une voix "
        "radiophonique » avec notre consœur Fip : « une voix en mini-jupe », « intime et "
        "rieuse. Un mélange de charme et d'ironie » selon Paul Durand."
    )
    assert speaker_of(fr_nlp, body, NAMES, "mini-jupe") == "paul-durand"


_INTERVIEW = (
    "« Il y a, d'abord, le poids de la géographie ». Entretien sur les migrations avec "
    "Paul Durand\n"
    "Dans votre travail, vous expliquez qu'il est difficile d'unifier les politiques. "
    "Pourquoi ?\n"
    "Les histoires migratoires des pays diffèrent beaucoup.\n"
    "Peut-on parler d'une immigration « de droit », ainsi que vous l'avez expliqué dans une "
    "de vos conférences ?\n"
    "Certes, on accueille la plupart des migrants au nom du droit.\n"
)


@pytest.mark.model
def test_vous_in_interview_questions_is_the_interviewee(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    assert speaker_of(fr_nlp, _INTERVIEW, NAMES, "de droit") == "paul-durand"


@pytest.mark.model
def test_interview_title_quote_is_the_interviewee(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    assert speaker_of(fr_nlp, _INTERVIEW, NAMES, "poids de la géographie") == "paul-durand"


@pytest.mark.model
def test_title_quote_outside_an_interview_gets_no_guess(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Il y a, d'abord, le poids de la géographie ». Sur les migrations avec Paul Durand\n"
        "Les histoires migratoires des pays diffèrent beaucoup.\n"
    )
    assert speaker_of(fr_nlp, body, NAMES, "poids de la géographie") is None
