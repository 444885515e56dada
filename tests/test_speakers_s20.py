"""Session 20: speakers from a new blind set of real excerpts (media and platforms; consumers
and prices; French-speaking Africa), rebuilt as invented passages."""

from __future__ import annotations

import pytest

from allegiance.analysis import default_context
from allegiance.extract.headline_quotes import MAIN_VOICE_CONFIDENCE
from quote_helpers import analyzed_quotes as _quotes
from quote_helpers import speaker_named


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


@pytest.mark.model
def test_a_body_is_no_antecedent_of_words_in_the_first_person_singular(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le chroniqueur Marc Veyrat a accusé de persécution le régulateur, l'Arcom, lundi "
        "soir.\n\n"
        "L'Arcom a décidé en juillet de retirer la fréquence de la chaîne, qui a cumulé des "
        "amendes pour les dérapages de sa vedette.\n\n"
        "« Depuis des années, je fais l'objet d'un harcèlement » et « j'ai décidé de saisir la "
        "justice », a-t-il annoncé."
    )
    quotes = _quotes(text, ctx)
    assert speaker_named(quotes, "je fais l'objet") == "Marc Veyrat"
    assert speaker_named(quotes, "j'ai décidé de saisir") == "Marc Veyrat"


@pytest.mark.model
def test_a_body_speaking_as_nous_stays_the_pronouns_antecedent(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le chroniqueur Marc Veyrat a critiqué le groupe Vectis lundi.\n\n"
        "Le groupe Vectis a décidé en juillet de fermer deux usines dans le Nord.\n\n"
        "« Nous n'avions pas le choix », a-t-il expliqué."
    )
    assert speaker_named(_quotes(text, ctx), "Nous n'avions pas le choix") == "Vectis"


_HEADLINE_ECHO = (
    "«J'ai bien plus peur de la prison à Lisbonne» que des tempêtes\n\n"
    "Tom Rivet est un influenceur britannique installé au Portugal. Depuis les tempêtes, il "
    "doit faire attention à ce qu'il publie.\n\n"
    "L'influenceur Tom Rivet s'est confié au Daily Mail. Il a complété sa déclaration par ces "
    "mots :\n\n"
)


@pytest.mark.model
def test_a_headline_quote_echoed_by_a_body_quote_after_a_colon_takes_its_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    text = _HEADLINE_ECHO + (
        "«J'ai bien plus peur d'aller en prison ou de payer une amende que des tempêtes.»"
    )
    assert speaker_named(_quotes(text, ctx), "de la prison à Lisbonne") == "Tom Rivet"


@pytest.mark.model
def test_a_headline_quote_the_body_does_not_echo_keeps_no_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    text = _HEADLINE_ECHO + "«Les lois sur les contenus me préoccupent parfois.»"
    assert speaker_named(_quotes(text, ctx), "de la prison à Lisbonne") is None


@pytest.mark.model
def test_a_narrative_infinitive_after_an_aside_is_said_by_the_name_before_it(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "L'avocat Paul Mercier a rendu visite à son client. Me Paul Mercier visiblement content "
        "de retrouver son client d'ajouter : « C'est un droit humain. »"
    )
    assert speaker_named(_quotes(text, ctx), "C'est un droit humain") == "Paul Mercier"


@pytest.mark.model
def test_a_name_inside_the_aside_does_not_say_the_narrative_infinitive(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Paul Durand a parlé. Et la ministre Anne Roy, visiblement agacée par Paul Durand, de "
        "lancer : « Il a menti sur toute la ligne depuis le début. »"
    )
    assert speaker_named(_quotes(text, ctx), "Il a menti sur toute la ligne") != "Paul Durand"


def _veyrat_and_body(quote: str, verb: str = "a-t-il assuré") -> str:
    return (
        "Le député Paul Girard a interpellé le groupe Vectis sur ses délais de livraison.\n\n"
        "Le groupe Vectis a reconnu lundi des retards dans une centaine de magasins.\n\n"
        f"« {quote} », {verb}."
    )


@pytest.mark.model
def test_review_words_a_body_quotes_in_turn_do_not_make_it_speak_as_one(ctx) -> None:  # type: ignore[no-untyped-def]
    text = _veyrat_and_body(
        "Quand un client nous dit : je n'ai toujours pas reçu mon colis, nous le remboursons "
        "sous 48 heures"
    )
    assert speaker_named(_quotes(text, ctx), "nous le remboursons") == "Vectis"


@pytest.mark.model
def test_review_a_product_named_ma_is_no_first_person(ctx) -> None:  # type: ignore[no-untyped-def]
    text = _veyrat_and_body("Ma Vectis Box comptera un million de clients à la fin de l'année")
    assert speaker_named(_quotes(text, ctx), "Ma Vectis Box") == "Vectis"


@pytest.mark.model
def test_review_me_alone_says_first_person(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le chroniqueur Marc Veyrat a accusé de persécution le régulateur, l'Arcom, lundi "
        "soir.\n\n"
        "L'Arcom a décidé en juillet de retirer la fréquence de la chaîne.\n\n"
        "« Depuis des années, on me harcèle et on veut me faire taire », a-t-il dénoncé."
    )
    assert speaker_named(_quotes(text, ctx), "on me harcèle") == "Marc Veyrat"


@pytest.mark.model
def test_a_bare_government_is_not_the_association_named_last(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "L'association Familles Unies conteste l'efficacité du plan mis en place par le "
        "gouvernement en mars. L'association affirme que certains prix ont augmenté. Selon le "
        "gouvernement, les prix des produits concernés ont baissé de 13 %."
    )
    assert speaker_named(_quotes(text, ctx), "ont baissé de 13") != "Familles Unies"


@pytest.mark.model
def test_a_bare_government_stays_the_state_of_the_article(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le Sénégal a présenté lundi son budget à Dakar. L'opposition sénégalaise dénonce un "
        "budget insincère. Selon le gouvernement, le déficit sera résorbé en deux ans."
    )
    assert speaker_named(_quotes(text, ctx), "le déficit sera résorbé") == "Senegal"


_VOICE_BODY = (
    "Un incendie a ravagé la mairie de Saint-Alban dans la nuit de mardi à mercredi. "
    "« Quand je suis arrivé, les pompiers étaient déjà là », témoigne le maire, Jean Ferrand. "
    "« On pensait que le feu allait s'arrêter, mais il a pris à un autre endroit », détaille "
    "Jean Ferrand."
)


@pytest.mark.model
def test_an_unsourced_headline_quote_takes_the_voice_of_the_article(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Une mairie dévastée par les flammes : « C'est tout un symbole »\n\n" + _VOICE_BODY
    quotes = _quotes(text, ctx)
    assert speaker_named(quotes, "C'est tout un symbole") == "Jean Ferrand"
    # a guess: below the confidence of the body's attributed quotes, with no mention
    headline = next(q for q in quotes if q.text == "C'est tout un symbole")
    assert headline.confidence <= MAIN_VOICE_CONFIDENCE
    assert headline.speaker is not None and headline.speaker.mention is None
    assert all(q.confidence > MAIN_VOICE_CONFIDENCE for q in quotes if q is not headline)


@pytest.mark.model
def test_an_unsourced_headline_quote_over_two_equal_voices_keeps_no_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Une mairie dévastée par les flammes : « C'est tout un symbole »\n\n"
        + _VOICE_BODY
        + " « L'eau gelait sur les toits », a expliqué le capitaine Paul Garrec. « Nous avons "
        "lutté toute la nuit contre les flammes », a ajouté Paul Garrec."
    )
    assert speaker_named(_quotes(text, ctx), "C'est tout un symbole") is None


@pytest.mark.model
def test_review_a_headline_echo_with_a_cue_outranks_one_without(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "«On ne touchera pas aux impôts» : la promesse oubliée du maire de Sète\n\n"
        "Le conseil municipal de Sète a voté lundi une hausse de 8 % de la taxe foncière. Dans "
        "l'opposition, Anne Roy brandit le programme de campagne du maire, qu'elle a gardé :\n\n"
        "« On ne touchera pas aux impôts locaux pendant tout le mandat. »\n\n"
        "Le maire Paul Diop avait en effet déclaré en 2020 : « On ne touchera pas aux impôts "
        "locaux. » Il assure aujourd'hui que « la situation a changé »."
    )
    headline = [q for q in _quotes(text, ctx) if q.text == "On ne touchera pas aux impôts"]
    assert [q.speaker.name if q.speaker else None for q in headline] == ["Paul Diop"]


@pytest.mark.model
def test_review_the_object_of_a_participle_in_the_aside_does_not_speak(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La ministre Anne Roy a refusé de répondre. La ministre, ignorant Paul Durand, "
        "visiblement agacée, de lancer : « Nous avons déjà tout dit sur ce dossier. »"
    )
    assert speaker_named(_quotes(text, ctx), "Nous avons déjà tout dit") != "Paul Durand"


@pytest.mark.model
def test_review_a_seat_of_government_stays_the_bare_governments_antecedent(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le Kremlin a démenti mardi toute mobilisation de réservistes. Selon le gouvernement, "
        "« aucune mesure de ce type n'est à l'étude »."
    )
    assert speaker_named(_quotes(text, ctx), "aucune mesure de ce type") == "Kremlin"


@pytest.mark.model
def test_review_a_possessive_of_the_first_person_says_one_person(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le PDG de Vectis, Marc Roux, a rencontré les syndicats lundi à Lyon.\n\n"
        "Le groupe Vectis a annoncé mardi la fermeture de deux usines dans le Rhône.\n\n"
        "« C'est ma responsabilité, et celle de personne d'autre », a-t-il reconnu."
    )
    assert speaker_named(_quotes(text, ctx), "C'est ma responsabilité") == "Marc Roux"


@pytest.mark.model
def test_advice_with_de_and_an_infinitive_is_reported(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le président Paulo Lima a suggéré à l'Ukraine de céder la Crimée à la Russie pour "
        "mettre fin à la guerre."
    )
    assert speaker_named(_quotes(text, ctx), "de céder la Crimée") == "Paulo Lima"


@pytest.mark.model
def test_a_conseiller_who_decides_reports_nothing(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Le conseiller municipal Paul Roux a décidé de démissionner de son poste lundi."
    assert not [q for q in _quotes(text, ctx) if "démissionner" in q.text]


@pytest.mark.model
def test_review_a_body_saying_nous_keeps_its_words(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La ministre du Travail, Anne Roy, a reçu les grévistes lundi. La CGT maintient pourtant "
        "son préavis pour jeudi. « Nous irons jusqu'au bout, je vous le garantis », a-t-elle "
        "prévenu."
    )
    assert speaker_named(_quotes(text, ctx), "Nous irons jusqu'au bout") != "Anne Roy"


@pytest.mark.model
def test_review_words_after_a_colon_are_not_the_bodys_own(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "L'association de locataires CLCV a assigné mardi le bailleur Habitat 44 devant le "
        "tribunal judiciaire de Nantes. « Le message des locataires est simple : je paie mon "
        "loyer, je veux un logement sain », a-t-elle déclaré."
    )
    assert speaker_named(_quotes(text, ctx), "Le message des locataires") == "CLCV"


@pytest.mark.model
def test_review_a_firm_named_last_is_not_the_government(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le groupe Lactalis a annoncé mardi la fermeture de son usine de Vitré. Selon le "
        "gouvernement, « une solution de reprise est à l'étude »."
    )
    assert speaker_named(_quotes(text, ctx), "une solution de reprise") != "Lactalis"


@pytest.mark.model
def test_a_subject_before_an_aside_with_a_noun_still_speaks(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Au terme de l'audience, Paul Durand, l'air grave, de déclarer : « Mon client est "
        "innocent de tous les faits. »"
    )
    assert speaker_named(_quotes(text, ctx), "Mon client est innocent") == "Paul Durand"


@pytest.mark.model
def test_review_a_question_headline_is_not_the_main_voices(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Peut-on encore se loger à Annecy ? » Notre enquête\n\n"
        "Les prix ont bondi de 12 % en un an. « Les familles locales ne peuvent plus suivre », "
        "constate Franck Collet. « Un T3 se vend désormais plus de 450 000 euros », précise "
        "Franck Collet."
    )
    assert speaker_named(_quotes(text, ctx), "Peut-on encore se loger") is None


@pytest.mark.model
def test_review_a_headline_about_ones_son_is_not_the_officials(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Drame de la route : « Mon fils devait rentrer pour Noël »\n\n"
        "Six personnes ont été tuées dimanche près de Grenoble. Le colonel Éric Vasseur a fait le "
        "point lundi. « Le conducteur n'avait consommé ni alcool ni stupéfiants », a indiqué "
        "Éric Vasseur. « Les causes restent inconnues à ce stade », a ajouté Éric Vasseur."
    )
    assert speaker_named(_quotes(text, ctx), "Mon fils devait rentrer") is None


@pytest.mark.model
def test_review_the_speakers_own_colon_keeps_the_first_person(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Jean Dupont préside le club depuis 2015. Le PSG a officialisé lundi le départ de son "
        "entraîneur. « Soyons clairs : je ne regrette rien », a-t-il déclaré."
    )
    assert speaker_named(_quotes(text, ctx), "je ne regrette rien") != "PSG"


@pytest.mark.model
def test_review_nous_as_an_object_is_no_group_voice(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Paul Martin, 54 ans, tient une boulangerie rue Nationale. Le Crédit agricole a refusé "
        "son prêt en mars. « Je les ai appelés dix fois, ils nous ont ignorés », a-t-il raconté."
    )
    assert speaker_named(_quotes(text, ctx), "Je les ai appelés") == "Paul Martin"


@pytest.mark.model
def test_review_a_question_beside_the_headline_quote_leaves_it_voiced(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Pourquoi la mairie ferme ses piscines ? « Nous n'avons plus le choix »\n\n"
        "Le maire Paul Girard a annoncé lundi la fermeture de deux bassins. « La facture "
        "d'énergie a triplé », a expliqué Paul Girard. « Nous rouvrirons dès que possible », a "
        "assuré Paul Girard."
    )
    assert speaker_named(_quotes(text, ctx), "Nous n'avons plus le choix") == "Paul Girard"


@pytest.mark.model
def test_review_words_before_a_message_nouns_colon_are_the_speakers_own(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Jean Dupont préside le club depuis 2015. Le PSG a officialisé lundi le départ de son "
        "entraîneur. « Le mot est fort, je l'assume : c'est une trahison », a-t-il déclaré."
    )
    assert speaker_named(_quotes(text, ctx), "Le mot est fort") != "PSG"


@pytest.mark.model
def test_review_nous_before_vous_is_a_group_voice(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Marie Lenoir, 38 ans, attendait son train depuis trois heures à Lyon. La SNCF a reconnu "
        "lundi un dysfonctionnement majeur. « Je veux dire aux voyageurs que nous vous devons "
        "des excuses », a-t-elle déclaré."
    )
    assert speaker_named(_quotes(text, ctx), "nous vous devons des excuses") == "SNCF"


@pytest.mark.model
def test_review_words_a_body_was_told_after_a_participle_are_not_its_own(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Pierre Garnier, 61 ans, est abonné depuis dix ans. L'association UFC-Que Choisir a reçu "
        "plus de 300 plaintes. « Un abonné nous a raconté : je paie 80 euros par mois pour "
        "rien », a-t-elle indiqué."
    )
    assert speaker_named(_quotes(text, ctx), "Un abonné nous a raconté") == "UFC-Que Choisir"


@pytest.mark.model
def test_review_a_headline_quote_put_as_a_question_is_unvoiced(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Un gâchis d'argent public » ? Le maire de Vierzon défend ses choix\n\n"
        "L'opposition dénonce un projet trop cher. Le maire Paul Girard assume. « Ce projet "
        "était nécessaire », a expliqué Paul Girard. « Nous tiendrons le budget », a assuré Paul "
        "Girard."
    )
    assert speaker_named(_quotes(text, ctx), "Un gâchis d'argent public") is None


@pytest.mark.model
def test_review_figures_that_suggest_give_no_advice(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Les chiffres de l'Insee suggèrent de revoir à la baisse la prévision de croissance."
    assert not [q for q in _quotes(text, ctx) if "revoir à la baisse" in q.text]
