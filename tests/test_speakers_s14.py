"""Session 14: indirect reports (the kind found least often on the held-out set), found missing
on the dev halves of the blind sets and rebuilt here as invented passages (model tests) or a
blank tokenizer (unit tests)."""

from __future__ import annotations

import pytest
import spacy

from allegiance.analysis import default_context
from allegiance.extract.incise_subjects import skip_adverbial
from allegiance.extract.report_filters import trailing_punct
from quote_helpers import analyzed_quotes as _quotes
from quote_helpers import find_quote as _find
from quote_helpers import speaker_name as _name


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


# --- unit tests ------------------------------------------------------------------------------


def test_a_period_phrase_is_skipped_as_an_adverbial() -> None:
    nlp = spacy.blank("fr")
    doc = nlp("a proposé l'été dernier d'abandonner")
    assert doc[skip_adverbial(doc, 2)].text == "d'"
    doc = nlp("a annoncé cette semaine vouloir partir")
    assert doc[skip_adverbial(doc, 2)].text == "vouloir"
    # an article and a period with no adjective may open a subject: not skipped
    doc = nlp("a déclaré l'an de grâce")
    assert skip_adverbial(doc, 2) == 2


def test_a_percent_sign_is_not_trimmed_off_a_content() -> None:
    doc = spacy.blank("fr")("baissé de 5 % .")
    assert not trailing_punct(doc[3])
    assert trailing_punct(doc[4])
    assert not trailing_punct(doc[4], {"."})


# --- model tests: the ``de`` + infinitive of a charge, promise or refusal --------------------


@pytest.mark.model
def test_a_charge_with_a_copula_infinitive(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le porte-parole du gouvernement a accusé le parti d'être responsable de la montée de "
        "l'extrême droite."
    )
    quote = _find(_quotes(text, ctx), "d'être responsable")
    assert quote is not None and quote.kind == "indirect"
    assert _name(quote) == "Le porte-parole du gouvernement"


@pytest.mark.model
def test_a_reproach_whose_copula_infinitive_hangs_on_the_one_reproached(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes("Il reproche à la ministre d'être trop lente.", ctx)
    assert _find(quotes, "trop lente") is not None
    quotes = _quotes("Elle reprochait l'an dernier à ses adversaires d'être des moutons.", ctx)
    assert _find(quotes, "des moutons") is not None


@pytest.mark.model
def test_an_infinitive_after_a_period_phrase(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "La société Acme a proposé l'été dernier d'abandonner ses règles de paiement."
    quote = _find(_quotes(text, ctx), "abandonner ses règles")
    assert quote is not None and _name(quote) == "Acme"


@pytest.mark.model
def test_a_reiterated_claim_in_the_infinitive(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le porte-parole du gouvernement, Patrick Mulanda, a réitéré avoir des preuves du "
        "soutien étranger aux rebelles."
    )
    quote = _find(_quotes(text, ctx), "avoir des preuves")
    assert quote is not None and _name(quote) == "Patrick Mulanda"


@pytest.mark.model
def test_ruling_out_an_action_is_a_statement_but_not_expelling_or_hedging(ctx) -> None:  # type: ignore[no-untyped-def]
    quote = _find(
        _quotes("La présidente Salomé Martin a exclu de démissionner avant les élections.", ctx),
        "démissionner",
    )
    assert quote is not None and _name(quote) == "Salomé Martin"
    assert not _quotes("Le maire Paul Roux a exclu deux conseillers du groupe.", ctx)
    text = (
        "Martine Roussel a annoncé une journée de grève et n'exclut pas d'appeler à une grève "
        "reconductible."
    )
    assert _find(_quotes(text, ctx), "grève reconductible") is None


@pytest.mark.model
def test_a_name_ending_is_no_infinitive_content(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le ministre de l'Économie défend, sur France Inter ce mardi 27 septembre, le projet "
        "du gouvernement pour le budget."
    )
    assert _find(_quotes(text, ctx), "Inter") is None


# --- model tests: subjects the parser lost ----------------------------------------------------


@pytest.mark.model
def test_a_conjugated_verb_read_as_a_modifier_of_the_name_before_it(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "L'Organisation mondiale de la santé (OMS) rappelle de son côté que les vaccins ont été "
        "évalués chez des milliers d'enfants."
    )
    quote = _find(_quotes(text, ctx), "les vaccins ont été évalués")
    assert quote is not None and "Organisation mondiale de la santé" in _name(quote)
    # an apposition between commas is not the speaker: the name it describes is
    text = (
        "Face aux flammes, des habitants se sont réfugiés sur le toit. Stéphanie, une autre "
        "habitante, résume: « J'ai vu des gens qui avaient la mort devant eux. »"
    )
    quote = _find(_quotes(text, ctx), "la mort devant eux")
    assert quote is not None and _name(quote) == "Stéphanie"


@pytest.mark.model
def test_a_person_named_before_an_age_speaks(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "À Kharkiv, Olena, 52 ans, retraitée, raconte avoir passé la nuit dans le couloir."
    quote = _find(_quotes(text, ctx), "passé la nuit")
    assert quote is not None and _name(quote) == "Olena"
    # a name completing a noun is not the subject
    text = "Le fils de Marie Dupont, 34 ans, explique qu'il a passé la nuit dans le couloir."
    quote = _find(_quotes(text, ctx), "passé la nuit")
    assert quote is not None and _name(quote) != "Marie Dupont"


@pytest.mark.model
def test_the_antecedent_of_qui_past_an_adjective_or_a_de_complement(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Il n'y a pas eu de délit de fuite, explique une source proche du dossier, qui ajoute "
        "que les deux jeunes hommes n'ont opposé aucune résistance."
    )
    quote = _find(_quotes(text, ctx), "aucune résistance")
    assert quote is not None and _name(quote) == "source"
    text = (
        "La maire a reçu un appel du ministre de l'Intérieur, qui lui a promis de débloquer un "
        "fonds d'urgence."
    )
    quote = _find(_quotes(text, ctx), "débloquer un fonds")
    assert quote is not None and _name(quote) == "ministre de l'Intérieur"


# --- model tests: sources ---------------------------------------------------------------------


@pytest.mark.model
def test_learned_from_a_source_after_auprès_read_as_an_adverb(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le conducteur a été mis en examen pour homicide involontaire, a-t-on appris lundi "
        "auprès du parquet."
    )
    quote = _find(_quotes(text, ctx), "mis en examen")
    assert quote is not None and _name(quote) == "parquet"


@pytest.mark.model
def test_two_contrasted_views_in_one_sentence(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Pour le syndicat, il est scandaleux que les deux hommes soient libres, mais pour le "
        "parquet, il n'y avait pas suffisamment d'éléments probants."
    )
    quotes = _quotes(text, ctx)
    first = _find(quotes, "scandaleux")
    second = _find(quotes, "éléments probants")
    assert first is not None and "parquet" not in first.text and _name(first) == "le syndicat"
    assert second is not None and _name(second) == "le parquet"


@pytest.mark.model
def test_d_apres_after_its_clause_without_a_comma(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "À Bordeaux, 250 postes sont à pourvoir d'après Pascal Gaubert, dont 150 postes "
        "d'infirmiers."
    )
    quote = _find(_quotes(text, ctx), "250 postes")
    assert quote is not None and _name(quote) == "Pascal Gaubert"


@pytest.mark.model
def test_a_reported_percentage_keeps_its_sign(ctx) -> None:  # type: ignore[no-untyped-def]
    quote = _find(_quotes("Les ventes ont baissé de 5 % selon Paul Martin.", ctx), "ventes")
    assert quote is not None and quote.text.endswith("5 %")


# --- model tests: incises, echoes and authors -------------------------------------------------


@pytest.mark.model
def test_an_incise_with_an_adverb_and_a_relative_on_its_addressee(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La ministre Mélanie Jolin a reçu son homologue. Nous n'acceptons jamais d'atteinte à "
        "notre souveraineté, a-t-elle encore dit à celui qui était ambassadeur."
    )
    quote = _find(_quotes(text, ctx), "atteinte à notre souveraineté")
    assert quote is not None and _name(quote) == "Mélanie Jolin"
    assert "encore" not in quote.text


@pytest.mark.model
def test_laisser_entendre_reports_its_clause(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Le ministre Paul Roux a laissé entendre qu'il pourrait démissionner avant l'été."
    quote = _find(_quotes(text, ctx), "pourrait démissionner")
    assert quote is not None and _name(quote) == "Paul Roux"


@pytest.mark.model
def test_a_participle_after_a_document_speaks_for_its_author(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le ministre Paul Roux a reçu une lettre de la CGT affirmant que les salaires étaient "
        "trop bas."
    )
    quote = _find(_quotes(text, ctx), "salaires")
    assert quote is not None and _name(quote) == "CGT"
    # after a comma the participle goes with the clause's subject
    text = "Le ministre Paul Roux a lu la lettre, affirmant que les salaires étaient trop bas."
    quote = _find(_quotes(text, ctx), "salaires")
    assert quote is not None and _name(quote) == "Paul Roux"


@pytest.mark.model
def test_a_closed_quote_echoed_by_the_next_sentence(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Le Canada ne tolérera jamais aucune ingérence. » C'est ce qu'a affirmé la ministre "
        "des Affaires étrangères, Mélanie Jolin, lors de sa rencontre avec son homologue."
    )
    quote = _find(_quotes(text, ctx), "ne tolérera jamais")
    assert quote is not None and _name(quote) == "Mélanie Jolin"
    assert quote.cue is not None and quote.cue.text == "affirmé"


# --- model tests: more reports the parser broke ------------------------------------------------


@pytest.mark.model
def test_a_que_clause_headed_on_a_noun_runs_to_its_verb(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Elle a précisé que les trois blessés, deux hommes et une femme âgés de 24 à 61 ans, "
        "avaient été transportés à l'hôpital."
    )
    quote = _find(_quotes(text, ctx), "trois blessés")
    assert quote is not None and "transportés à l'hôpital" in quote.text
    # a new clause after a verbless report is not taken in
    assert _find(_quotes("Paul Roux a dit que oui, puis il est parti.", ctx), "parti") is None


@pytest.mark.model
def test_a_subject_the_parser_gave_to_the_reported_verb(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "À Jérusalem, le bureau du Premier ministre israélien a fait savoir qu'Israël ne se "
        "sentirait pas lié par un éventuel accord."
    )
    quote = _find(_quotes(text, ctx), "pas lié")
    assert quote is not None and _name(quote) == "le bureau du Premier ministre israélien"


@pytest.mark.model
def test_a_de_infinitive_read_as_an_adverbial_clause_after_an_apposition(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "L'ancien ministre de la Santé a reproché aux insoumis, très remontés à la suite de "
        "cette réponse, de ne pas avoir participé dimanche à la marche."
    )
    quote = _find(_quotes(text, ctx), "participé dimanche")
    assert quote is not None and _name(quote) == "L'ancien ministre de la Santé"
    # ``afin de`` is a purpose, no content
    assert not _quotes("Le ministre a annoncé la mesure afin de rassurer les marchés.", ctx)


# --- review: problems a reader found in the rules above, each fixed ------------------------------


@pytest.mark.model
def test_review_d_apres_without_comma_stops_at_the_source(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Le chômage a reculé d'après l'Insee, mais l'emploi des jeunes continue de se dégrader."
    quotes = _quotes(text, ctx)
    assert _find(quotes, "jeunes") is None
    quote = _find(quotes, "Le chômage a reculé")
    assert quote is not None and _name(quote) == "Insee"
    assert not _quotes("Le chômage, qui a reculé d'après l'Insee, reste supérieur à 7 %.", ctx)


@pytest.mark.model
def test_review_second_views_need_view_holders(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Pour la ministre, les prix vont baisser, mais pour les syndicats, la hausse continuera "
        "jusqu'en juin."
    )
    quote = _find(_quotes(text, ctx), "la hausse continuera")
    assert quote is not None and _name(quote) == "les syndicats"
    text = (
        "Pour financer la réforme, le gouvernement va augmenter la TVA, mais pour les "
        "retraités, la pension sera revalorisée de 2 %."
    )
    assert _find(_quotes(text, ctx), "revalorisée") is None
    text = (
        "Pour les agriculteurs, la situation est critique, mais pour autant ils ne bloqueront "
        "pas les routes."
    )
    quote = _find(_quotes(text, ctx), "la situation est critique")
    assert quote is not None and "bloqueront" in quote.text


@pytest.mark.model
def test_review_relative_past_a_participle_of_place(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le juge a reçu la mère du garçon tué dans l'accident, qui affirme que le conducteur "
        "roulait trop vite."
    )
    assert all(_name(q) != "garçon" for q in _quotes(text, ctx))


@pytest.mark.model
def test_review_excluding_someone_else_is_no_statement(ctx) -> None:  # type: ignore[no-untyped-def]
    assert not _quotes("Le comité olympique a exclu la Russie de participer aux Jeux.", ctx)


@pytest.mark.model
def test_review_a_document_s_topic_is_not_its_author(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le journaliste a supprimé un message sur Emmanuel Macron affirmant que le président "
        "était malade."
    )
    quote = _find(_quotes(text, ctx), "était malade")
    assert quote is not None and _name(quote) != "Emmanuel Macron"
    text = (
        "Le ministre David Heurtel a reçu des appuis. À preuve, un courriel de la Fondation "
        "David Suzuki lui indiquant qu'une fausse impression s'était dégagée d'une rencontre."
    )
    quote = _find(_quotes(text, ctx), "fausse impression")
    assert quote is not None and _name(quote) != "David Heurtel"


@pytest.mark.model
def test_review_a_question_s_pronoun_repeats_its_noun_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Le ministre a-t-il vraiment dit que la réforme était abandonnée ?"
    quote = _find(_quotes(text, ctx), "réforme")
    assert quote is not None and _name(quote) == "Le ministre"


@pytest.mark.model
def test_review_echoes_that_quote_nobody_new(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le maire a été clair lundi. « Nous ne fermerons pas l'école. » C'est aussi ce qu'a "
        "affirmé la rectrice, Sophie Martin."
    )
    quote = _find(_quotes(text, ctx), "fermerons")
    assert quote is not None and _name(quote) != "Sophie Martin"
    text = "« Il n'y aura pas de hausse d'impôts. » C'est ce qu'on appelle une promesse."
    quote = _find(_quotes(text, ctx), "hausse d'impôts")
    assert quote is None or quote.cue is None


@pytest.mark.model
def test_review_a_denied_suggestion_reports_nothing(ctx) -> None:  # type: ignore[no-untyped-def]
    assert not _quotes("La ministre n'a pas laissé entendre qu'elle démissionnerait.", ctx)


@pytest.mark.model
def test_an_inverted_description_with_a_participle_closed_by_a_name(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La situation a changé depuis l'annonce samedi de Donald Trump, a indiqué de son côté le "
        "ministre français chargé du Budget Laurent Saint-Marc."
    )
    quote = _find(_quotes(text, ctx), "La situation a changé")
    assert quote is not None and _name(quote) == "Laurent Saint-Marc"


# --- second review: the late rules above, each problem fixed -----------------------------------


@pytest.mark.model
def test_review2_adverbial_de_infinitives_are_no_content(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes("Le syndicat a menacé, plutôt que de céder, de durcir le mouvement.", ctx)
    assert _find(quotes, "céder") is None and _find(quotes, "durcir le mouvement") is not None
    text = "Le ministre a affirmé, en plus de démentir, que la plainte était diffamatoire."
    quotes = _quotes(text, ctx)
    assert _find(quotes, "démentir") is None and _find(quotes, "diffamatoire") is not None
    text = "Le club a exigé des excuses publiques, plutôt que de porter plainte."
    assert _find(_quotes(text, ctx), "porter plainte") is None


@pytest.mark.model
def test_review2_a_verbless_que_clause_stops_at_its_verb_phrase(ctx) -> None:  # type: ignore[no-untyped-def]
    assert not _quotes("Le ministre a répondu que non, avant de quitter la salle.", ctx)
    text = (
        "Elle a précisé que les trois blessés, deux hommes et une femme âgés de 24 à 61 ans, "
        "avaient été transportés à l'hôpital, selon un communiqué publié mardi."
    )
    quote = _find(_quotes(text, ctx), "trois blessés")
    assert quote is not None and "selon" not in quote.text
    text = (
        "Elle a précisé que les trois blessés, deux hommes et une femme âgés de 24 à 61 ans, "
        "avaient été transportés à Lyon et à Grenoble."
    )
    quote = _find(_quotes(text, ctx), "trois blessés")
    assert quote is not None and quote.text.endswith("à Grenoble")


@pytest.mark.model
def test_review2_a_participle_leading_to_someone_else_s_name(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Je n'ai rien vu », a affirmé le policier mis en cause dans la mort du jeune Lucas "
        "Moreau."
    )
    quote = _find(_quotes(text, ctx), "rien vu")
    assert quote is not None and _name(quote) == "le policier"
    text = (
        "« Nous suivons toutes les pistes », a déclaré le gendarme chargé de l'enquête sur la "
        "disparition de la petite Emma Rousse."
    )
    quote = _find(_quotes(text, ctx), "toutes les pistes")
    assert quote is not None and _name(quote) == "le gendarme"
