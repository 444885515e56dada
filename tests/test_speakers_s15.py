"""Session 15: who speaks the marked words embedded in the author's sentence when several actors
compete (passive agents, verbs of naming, descriptions of a body's kind or a feminine title),
rebuilt as invented passages (model tests) or a blank tokenizer (unit tests)."""

from __future__ import annotations

import pytest

from allegiance.analysis import default_context
from allegiance.extract.org_classes import kind_of_noun
from allegiance.resolve.roles import _feminine
from quote_helpers import analyzed_quotes as _quotes
from quote_helpers import find_quote as _find
from quote_helpers import speaker_named as _speaker


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


# --- unit tests ------------------------------------------------------------------------------


def test_the_feminine_of_a_nationality_after_a_feminine_role() -> None:
    assert _feminine("première ministre", "italien") == "italienne"
    assert _feminine("présidente", "grec") == "grecque"
    assert _feminine("présidente", "allemand") == "allemande"
    assert _feminine("présidente", "belge") is None  # already feminine
    assert _feminine("président", "italien") is None  # a masculine role


def test_kinds_of_body_nouns() -> None:
    assert kind_of_noun("syndicat") == "union"
    assert kind_of_noun("constructeur") == "company:maker"
    assert kind_of_noun("groupe") is None  # says nothing of the kind


# --- model tests -----------------------------------------------------------------------------


@pytest.mark.model
def test_the_agent_of_a_passive_naming_speaks_not_its_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le ministre de l'Intérieur Bruno Retailleau a été qualifié de « ministre de la honte » "
        "par Jean-Luc Mélenchon lundi."
    )
    assert _speaker(_quotes(text, ctx), "ministre de la honte") == "Jean-Luc Mélenchon"


@pytest.mark.model
def test_the_agent_of_a_naming_participle_after_the_sentence_cue(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Sophie Binet a salué la décision de la Première ministre Élisabeth Borne, jugée "
        "« courageuse » par la CGT."
    )
    assert _speaker(_quotes(text, ctx), "courageuse") == "CGT"
    text = (
        "Les propos de Gérald Darmanin, qualifiés d'« inacceptables » par Amnesty "
        "International, ont choqué."
    )
    assert _speaker(_quotes(text, ctx), "inacceptables") == "Amnesty International"


@pytest.mark.model
def test_a_naming_verb_before_the_marks_wins_over_a_later_cue(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Valérie Pécresse, que Xavier Bertrand a qualifiée de « candidate de l'échec », ne "
        "répond pas."
    )
    assert _speaker(_quotes(text, ctx), "candidate de l'échec") == "Xavier Bertrand"


@pytest.mark.model
def test_a_description_of_a_body_s_kind_skips_a_body_of_another_kind(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le syndicat Force ouvrière a rencontré la direction de Renault. Le constructeur a promis "
        "un plan « ambitieux »."
    )
    assert _speaker(_quotes(text, ctx), "ambitieux") == "Renault"
    # a listed company is no NGO
    text = (
        "Le PDG de TotalEnergies Patrick Pouyanné a répondu à Greenpeace. L'ONG dénonce un "
        "« double discours »."
    )
    assert _speaker(_quotes(text, ctx), "double discours") == "Greenpeace"


@pytest.mark.model
def test_a_feminine_head_of_government_with_a_masculine_nationality(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ursula von der Leyen a rencontré Giorgia Meloni à Rome. La cheffe du gouvernement "
        "italien a plaidé pour une « approche commune »."
    )
    assert _speaker(_quotes(text, ctx), "approche commune") == "Giorgia Meloni"


@pytest.mark.model
def test_adjectives_in_marks_after_a_thing_s_noun_judge_it(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Jordan Bardella a débattu avec Gabriel Attal. Le Premier ministre a dénoncé un "
        "programme « irréaliste »."
    )
    assert _speaker(_quotes(text, ctx), "irréaliste") == "Gabriel Attal"
    # a name after the noun stays a name
    text = "Le ministre a lancé le programme « Erasmus » et présenté le film « Les Misérables »."
    assert not _quotes(text, ctx)


@pytest.mark.model
def test_the_agent_of_a_judging_participle_before_or_after_the_marks(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Les propos de Paul Ferrand, dénoncés comme « une insulte aux agriculteurs » par Claire "
        "Morin, ont provoqué un tollé."
    )
    assert _speaker(_quotes(text, ctx), "une insulte aux agriculteurs") == "Claire Morin"
    text = (
        "Le plan annoncé par Paul Ferrand a été accueilli par Claire Morin comme « un signal "
        "dont le pays avait besoin »."
    )
    assert _speaker(_quotes(text, ctx), "un signal dont") == "Claire Morin"
    text = (
        "Jugée « irresponsable » la semaine dernière par le Medef, la taxe proposée par Paul "
        "Ferrand revient en commission."
    )
    assert _speaker(_quotes(text, ctx), "irresponsable") == "Medef"
    # straight marks and a compound passive (``a été salué``)
    text = 'Le campus de Paul Ferrand avait été présenté comme "une révolution" par Claire Morin.'
    assert _speaker(_quotes(text, ctx), "une révolution") == "Claire Morin"


@pytest.mark.model
def test_an_agent_before_a_conjunction_is_not_the_next_marks_agent(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "L'ONG Human Rights Watch a exhorté la Tunisie à « enquêter sur les abus » dénoncés par "
        "les migrants et « à punir les coupables »."
    )
    quote = _find(_quotes(text, ctx), "à punir les coupables")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name != "les migrants"


@pytest.mark.model
def test_a_capital_agent_of_a_passive_is_its_state(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Les sanctions ont été jugées « illégales et contre-productives » par Moscou."
    quote = _find(_quotes(text, ctx), "illégales")
    assert quote is not None and quote.speaker is not None and quote.speaker.entity == "russia"


@pytest.mark.model
def test_a_view_opening_relative_gives_the_marks_to_its_antecedent(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le ministre Paul Ferrand a reçu Claire Morin, pour qui la mesure est « une faute "
        "sociale »."
    )
    assert _speaker(_quotes(text, ctx), "une faute sociale") == "Claire Morin"
    text = (
        "La direction de la SNCF a rencontré Sud-Rail, selon qui la grève sera « reconductible "
        "jusqu'à nouvel ordre »."
    )
    assert _speaker(_quotes(text, ctx), "reconductible") == "Sud-Rail"
    # a verb of saying after the relative speaks for its own subject
    text = "Paul Ferrand a reçu Claire Morin, pour qui Marc Dubois a dénoncé « une faute »."
    assert _speaker(_quotes(text, ctx), "une faute") == "Marc Dubois"


@pytest.mark.model
def test_lequel_as_a_cue_subject_is_its_antecedent(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Paul Ferrand s'en est pris à Marc Dubois, lequel avait dénoncé « la complaisance » des "
        "élus envers Moscou."
    )
    assert _speaker(_quotes(text, ctx), "la complaisance") == "Marc Dubois"


@pytest.mark.model
def test_selon_lequel_after_a_thing_is_no_one_s_view(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Les médias ont cité une source égyptienne selon laquelle une délégation arriverait au "
        "Caire dans les deux jours."
    )
    quote = _find(_quotes(text, ctx), "une délégation arriverait")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name == "une source égyptienne"
    text = (
        "Elle a jugé fragile l'argument de la firme selon lequel les investisseurs auraient dû "
        "tout lire."
    )
    assert _find(_quotes(text, ctx), "les investisseurs auraient") is None


@pytest.mark.model
def test_a_verb_after_the_marks_with_its_subject_before_them_is_no_incise(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Paul Ferrand, auquel Claire Morin a reproché « un mépris total des ouvriers », a "
        "maintenu son calendrier."
    )
    assert _speaker(_quotes(text, ctx), "un mépris total") == "Claire Morin"


@pytest.mark.model
def test_an_infinitive_cue_whose_verb_has_its_own_subject_opens_a_clause(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Alors que Paul Ferrand évoque « un nouveau départ », Claire Morin préfère parler de "
        "« continuité »."
    )
    quotes = _quotes(text, ctx)
    assert _speaker(quotes, "un nouveau départ") == "Paul Ferrand"
    assert _speaker(quotes, "continuité") == "Claire Morin"


@pytest.mark.model
def test_an_ngo_the_knowledge_base_knows_is_a_body(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Amnesty International a interpellé TotalEnergies sur son projet en Ouganda. L'ONG "
        "réclame « une suspension immédiate des travaux »."
    )
    quote = _find(_quotes(text, ctx), "une suspension immédiate")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity == "amnesty-international"


@pytest.mark.model
def test_a_speech_act_noun_s_author_owns_its_marked_content(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Paul Ferrand a ironisé sur la promesse de Claire Morin de combattre « la finance, cet "
        "adversaire sans visage »."
    )
    assert _speaker(_quotes(text, ctx), "cet adversaire") == "Claire Morin"
    text = "L'appel de Claire Morin à « plus d'armes » a été entendu par Paul Ferrand."
    assert _speaker(_quotes(text, ctx), "plus d'armes") == "Claire Morin"


@pytest.mark.model
def test_a_description_written_in_full_beside_a_name_is_that_person_s(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La ministre de la Culture, Béatrice Noël, et la ministre du Travail, Chantal Ribeiro, "
        "ont présenté le plan. « Aucun artiste ne perdra ses droits », a assuré la ministre de "
        "la Culture."
    )
    assert _speaker(_quotes(text, ctx), "Aucun artiste") == "Béatrice Noël"
    text = (
        "L'élu écologiste Damien Carlier a interpellé le maire, Pierre Lagarde, sur la "
        "pollution. « Vous avez laissé faire », a accusé l'élu écologiste."
    )
    assert _speaker(_quotes(text, ctx), "Vous avez laissé faire") == "Damien Carlier"


@pytest.mark.model
def test_a_description_naming_another_office_is_no_one_named(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le maire Gilles Tardieu et son adjointe Karine Lefort ont présenté le budget. « Les "
        "impôts n'augmenteront pas », a promis le préfet, présent dans la salle."
    )
    quote = _find(_quotes(text, ctx), "Les impôts")
    assert quote is not None and quote.speaker is not None and quote.speaker.entity is None


# --- review of the rules above: each failed on the reviewed state ------------------------------


@pytest.mark.model
def test_review_a_pour_qui_view_yields_to_an_incise_and_a_benefit_is_no_view(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "C'est une victoire pour les salariés, pour qui la fermeture du site était « une "
        "catastrophe », a affirmé le délégué CGT Jean Martin."
    )
    assert _speaker(_quotes(text, ctx), "une catastrophe") == "Jean Martin"
    text = (
        "Marine Tondelier a appelé à voter pour Lucie Castets, pour qui elle a organisé un "
        "« grand meeting » à Lille."
    )
    assert _speaker(_quotes(text, ctx), "grand meeting") == "Marine Tondelier"


@pytest.mark.model
def test_review_a_naming_verb_yields_to_the_incise_closing_the_sentence(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Les enquêteurs qualifient de « très sérieuse » la piste criminelle, a indiqué mardi le "
        "procureur de Paris Laure Beccuau."
    )
    assert _speaker(_quotes(text, ctx), "très sérieuse") == "Laure Beccuau"
    text = "Le ministre a jugé « inacceptable » ce comportement, a déclaré son porte-parole."
    assert _speaker(_quotes(text, ctx), "inacceptable") == "son porte-parole"


@pytest.mark.model
def test_review_a_judged_thing_needs_a_cue_before_the_marks(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La chaîne lancera en mars un programme « familial et populaire » le samedi soir, a "
        "annoncé son directeur."
    )
    quote = _find(_quotes(text, ctx), "lancera en mars")
    assert quote is not None and quote.kind == "indirect"


@pytest.mark.model
def test_review_the_noun_a_body_s_name_opens_with_is_no_kind(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La Société protectrice des animaux a lancé lundi une campagne contre les abandons. « Les "
        "refuges sont saturés », a déploré l'association."
    )
    assert _speaker(_quotes(text, ctx), "Les refuges") == "Société protectrice des animaux"


@pytest.mark.model
def test_review_a_relative_without_comma_completes_its_phrase_s_head(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Le journal cite un conseiller du président selon lequel la décision est « imminente »."
    assert _speaker(_quotes(text, ctx), "imminente") == "conseiller"


@pytest.mark.model
def test_review_lequel_laquelle_agree_with_their_antecedent(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Le maire a rencontré la fille du ministre, laquelle a déclaré : « Je suis soulagée »."
    assert _speaker(_quotes(text, ctx), "Je suis soulagée") == "la fille du ministre"
    text = "Le juge a entendu le fils de la ministre, lequel a affirmé être « innocent »."
    assert _speaker(_quotes(text, ctx), "innocent") == "le fils de la ministre"


@pytest.mark.model
def test_review_adverbial_marks_after_a_participle_are_no_naming(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le président, accueilli « en héros » par les habitants de Kiev, a promis de nouvelles "
        "armes."
    )
    assert _find(_quotes(text, ctx), "en héros") is None


@pytest.mark.model
def test_review_a_selon_source_after_the_agent_reports_the_naming(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Une réforme perçue comme « injuste » par une majorité de Français selon un sondage Ifop."
    )
    assert _speaker(_quotes(text, ctx), "injuste") == "Ifop"


@pytest.mark.model
def test_review_marks_describing_a_subject_after_selon(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Selon Le Parisien, le ministre, « très serein », a affirmé qu'il resterait en poste."
    assert _speaker(_quotes(text, ctx), "très serein") == "ministre"


@pytest.mark.model
def test_review_a_capital_on_a_route_is_no_actor(ctx) -> None:  # type: ignore[no-untyped-def]
    from allegiance.analysis import analyze

    article = analyze(
        "Les armes ont été acheminées par Varsovie jusqu'en Ukraine.",
        lang="fr",
        published="2025-03-04",
        context=ctx,
    )
    assert "poland" not in {e.id for e in article.entities}


# --- second review: each failed on the reviewed state (fe51491) -------------------------------


@pytest.mark.model
def test_review2_a_speech_noun_judged_by_someone_else_keeps_their_word(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Paul Ferrand a jugé la proposition de Claire Morin « irréaliste »."
    assert _speaker(_quotes(text, ctx), "irréaliste") == "Paul Ferrand"
    # session 21: an attribute judged over an object is the judge's word (``trouve X « … »``)
    text = "Paul Ferrand trouve la déclaration de Claire Morin « indécente »."
    assert _speaker(_quotes(text, ctx), "indécente") == "Paul Ferrand"


@pytest.mark.model
def test_review2_the_de_of_a_speech_noun_is_not_always_its_author(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Paul Ferrand a dénoncé la menace de Claire Morin d'être « exclue du parti », qu'il "
        "juge injuste."
    )
    assert _speaker(_quotes(text, ctx), "exclue du parti") == "Paul Ferrand"
    text = "Paul Ferrand a salué la réponse de Claire Morin aux « gilets jaunes »."
    quote = _find(_quotes(text, ctx), "gilets jaunes")
    assert quote is None or _speaker([quote], "gilets jaunes") != "Claire Morin"


@pytest.mark.model
def test_review2_an_infinitive_cue_s_own_subject_keeps_the_marks(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Claire Morin, que Paul Ferrand a choisi de critiquer pour sa « trahison », a répliqué "
        "mardi."
    )
    assert _speaker(_quotes(text, ctx), "trahison") == "Paul Ferrand"


@pytest.mark.model
def test_review2_a_description_written_in_full_needs_the_same_qualifiers_beside_a_name(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Béatrice Noël, la ministre de la Culture, a reçu lundi l'ancienne ministre de la "
        "Culture Rachida Dati. « Nous avons parlé du patrimoine », a déclaré la ministre de la "
        "Culture."
    )
    assert _speaker(_quotes(text, ctx), "patrimoine") == "Béatrice Noël"
    text = (
        "Le ministre allemand de l'Intérieur, Hans Weber, a rencontré son homologue français, "
        "Bruno Retailleau, à Paris. « Nos frontières doivent être mieux protégées », a déclaré "
        "le ministre de l'Intérieur."
    )
    assert _speaker(_quotes(text, ctx), "Nos frontières") == "Bruno Retailleau"


@pytest.mark.model
def test_review2_apres_alone_or_an_unnamed_document_is_no_later_source(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La ministre Claire Morin a présenté lundi un texte jugé « brutal » par Paul Ferrand, "
        "après avoir consulté les syndicats."
    )
    assert _speaker(_quotes(text, ctx), "brutal") == "Paul Ferrand"
    text = "Le plan a été critiqué comme « insuffisant » par Paul Ferrand, d'après un communiqué."
    assert _speaker(_quotes(text, ctx), "insuffisant") == "Paul Ferrand"


@pytest.mark.model
def test_review2_pour_qui_views_beyond_copulas(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Paul Ferrand, pour qui la réforme reste « une faute historique », votera contre."
    assert _speaker(_quotes(text, ctx), "une faute historique") == "Paul Ferrand"
    text = "Paul Ferrand, pour qui le gouvernement a « trahi » les agriculteurs, votera contre."
    assert _speaker(_quotes(text, ctx), "trahi") == "Paul Ferrand"


@pytest.mark.model
def test_review2_a_possessive_says_no_gender(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Paul Ferrand a rencontré son ancienne adjointe, laquelle a dénoncé un « climat délétère »."
    )
    assert _speaker(_quotes(text, ctx), "climat délétère") == "son ancienne adjointe"
