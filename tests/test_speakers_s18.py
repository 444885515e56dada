"""Session 18: speakers from a new blind set of real excerpts (health, education and science;
housing, transport and city life; elections and campaigns), rebuilt as invented passages."""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context
from quote_helpers import analyzed_quotes as _quotes
from quote_helpers import find_quote as _find


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


def _speaker_name(text: str, fragment: str, ctx) -> str | None:  # type: ignore[no-untyped-def]
    quote = _find(_quotes(text, ctx), fragment)
    assert quote is not None, fragment
    return quote.speaker.name if quote.speaker is not None else None


@pytest.mark.model
def test_a_name_after_a_named_complement_is_the_described_person(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le dirigeant d’Afek Tounes Karim Ben Salah a, quant à lui, été interpellé pour une "
        "publication appelant à manifester contre la politique du président Saïed, selon la "
        "même source."
    )
    assert _speaker_name(text, "manifester contre", ctx) == "Karim Ben Salah"


@pytest.mark.model
def test_a_name_after_a_common_noun_complement_stays_that_nouns(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La mère de l'otage Matan Zangauker a dénoncé dimanche « un abandon total » des "
        "familles par le gouvernement."
    )
    quote = _find(_quotes(text, ctx), "abandon total")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity is None  # his mother, unnamed, not the hostage


@pytest.mark.model
def test_a_capitalised_role_before_the_channel_is_the_subject_not_the_channel(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La Première ministre Sophie Wilmès a visité l'hôpital samedi. « Il faut pouvoir "
        "entendre quand ça ne va pas », a réagi la Première au micro de RTL."
    )
    assert _speaker_name(text, "quand ça ne va pas", ctx) == "Sophie Wilmès"


@pytest.mark.model
def test_a_website_word_is_not_part_of_the_body_name(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le laboratoire Servier a été condamné en appel. D'après le site Internet de Servier, "
        "plus de 3700 victimes ont déjà été indemnisées."
    )
    analysis = analyze(text, lang="fr", context=ctx)
    assert not any("Internet" in e.name for e in analysis.entities)
    assert _speaker_name(text, "3700 victimes", ctx) == "Servier"


@pytest.mark.model
def test_a_view_on_a_body_whose_verb_is_quoted_is_the_holders(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Le lanceur est prêt », s'est félicité jeudi Philippe Baptiste, à la tête du Centre "
        "national d'études spatiales (CNES). Pour le patron du CNES, Arianespace « répond "
        "parfaitement aux besoins du marché »."
    )
    assert _speaker_name(text, "répond parfaitement", ctx) == "Philippe Baptiste"


@pytest.mark.model
def test_a_view_with_the_authors_own_verb_stays_the_subjects(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Jean Dupont a parlé lundi. Pour Jean Dupont, le fait que Marie Durand l'ait classé "
        "« dangereux » est grave."
    )
    assert _speaker_name(text, "dangereux", ctx) == "Marie Durand"


@pytest.mark.model
def test_the_subject_of_a_partial_quote_is_not_the_description_after_it(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Philippe Baptiste dirige l'agence spatiale depuis deux ans. Thomas Pesquet « est "
        "arrivé au centre de l'ESA, tout le monde était impressionné », a ajouté le "
        "responsable."
    )
    assert _speaker_name(text, "est arrivé au centre", ctx) == "Philippe Baptiste"


@pytest.mark.model
def test_a_channel_acronym_glued_to_a_given_name_is_cut(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Ils nous répétaient ça toutes les cinq minutes, donc on a attendu longtemps », "
        "raconte à RMC Annick, une passagère bloquée. « Arrêtons de nous considérer comme des "
        "usagers », peste sur RMC et RMC Story Kevin Bossuet."
    )
    analysis = analyze(text, lang="fr", context=ctx)
    names = {e.name for e in analysis.entities}
    assert "Annick" in names and "Kevin Bossuet" in names
    assert "RMC Annick" not in names
    assert _speaker_name(text, "toutes les cinq minutes", ctx) == "Annick"
    assert _speaker_name(text, "Arrêtons de nous", ctx) == "Kevin Bossuet"


@pytest.mark.model
def test_an_incise_verb_before_an_adverbial_and_a_comma_finds_its_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Ce sont des trains automatisés, c'est pour ça que ça a duré », explique Willy, ancien "
        "conducteur. « Il faut communiquer davantage avec les voyageurs », abonde de son côté, "
        "Sébastien, agent de la RATP."
    )
    assert _speaker_name(text, "communiquer davantage", ctx) == "Sébastien"


@pytest.mark.model
def test_a_shows_title_in_marks_is_a_channel_not_a_quote(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« C'était impossible du temps où j'étais conducteur », assure ce jeudi sur le plateau "
        "des « Grandes Gueules », Willy, ancien conducteur de métro."
    )
    quotes = _quotes(text, ctx)
    assert _find(quotes, "Grandes Gueules") is None
    assert _speaker_name(text, "impossible du temps", ctx) == "Willy"


@pytest.mark.model
def test_a_relative_clause_on_the_inverted_subject_names_no_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Vinci, premier opérateur du pays, précise que le gel sera partiel. Puis, « deux tiers "
        "des trajets de moins de 50 km seront concernés », précise le groupe qui comprend les "
        "Autoroutes du Sud de la France (ASF), Cofiroute et Escota."
    )
    assert _speaker_name(text, "deux tiers des trajets", ctx) == "Vinci"


@pytest.mark.model
def test_laisser_tomber_is_a_speech_cue(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Carlos Leitão a parlé le premier. « Savez-vous pourquoi il y a des gens qui réagissent "
        "comme ça ? Parce que vous leur faites peur », a laissé tomber M. Couillard. Le vent a "
        "laissé tomber des branches sur la route."
    )
    quote = _find(_quotes(text, ctx), "vous leur faites peur")
    assert quote is not None and quote.cue is not None and quote.cue.text == "tomber"
    assert quote.speaker is not None and quote.speaker.name == "Couillard"


@pytest.mark.model
def test_a_description_in_the_lead_is_the_person_named_next_with_its_noun(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ce conservateur de 61 ans affirme avoir remporté le premier tour. L'universitaire "
        "conservateur Kais Saïed a déclaré dimanche que les sondages lui donnaient raison."
    )
    assert _speaker_name(text, "remporté le premier tour", ctx) == "Kais Saïed"


@pytest.mark.model
def test_a_description_in_the_lead_needs_its_noun_in_the_next_sentence(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ce conservateur de 61 ans affirme avoir remporté le premier tour. L'universitaire "
        "Paul Durand a déclaré dimanche que les sondages lui donnaient raison."
    )
    quote = _find(_quotes(text, ctx), "remporté le premier tour")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity is None


@pytest.mark.model
def test_a_name_the_parser_made_a_second_subject_is_the_role_in_apposition(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le syndicat étudiant l'Unef donnait ce mardi sa conférence de presse pour présenter "
        "ses priorités, comme « la sélection en master et la gestion des problèmes "
        "d'inscription des étudiants », a indiqué le syndicat."
    )
    assert _speaker_name(text, "sélection en master", ctx) == "Unef"


_DINNER = (
    "Le maire Marchand aurait dû claquer la porte, a estimé Claude Villeneuve.\n\n"
    "« Je ne peux pas croire que Bruno Marchand soit resté dans la salle », a déploré "
    "M. Villeneuve.\n\n"
    "Selon lui, ce n’est pas le premier « dîner de cons » auquel le gouvernement convie le "
    "maire. En novembre, M. Marchand a ainsi accepté de participer à un point de presse, alors "
    "que le gouvernement Legault venait de mettre le projet de tramway sur pause.\n\n"
    "« M. Marchand, ça fait une couple de fois qu’il se fait inviter à des dîners de cons. Il "
    "fut un temps où on avait des maires qui se faisaient respecter », a-t-il lancé."
)


@pytest.mark.model
def test_the_person_the_quote_names_is_not_its_pronoun_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    assert _speaker_name(_DINNER, "une couple de fois", ctx) == "Claude Villeneuve"


@pytest.mark.model
def test_a_name_after_a_bodys_noun_is_no_pronoun_antecedent(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le premier ministre François Legault était absent. Jean Tremblay, le maire, a parlé "
        "longuement de la réforme. Selon lui, le tramway est nécessaire. Lundi, le "
        "gouvernement Legault a gelé le projet.\n\n"
        "« C'est une erreur historique pour la ville et ses habitants », a-t-il lancé."
    )
    assert _speaker_name(text, "erreur historique", ctx) == "Jean Tremblay"


@pytest.mark.model
def test_a_que_clause_the_parser_hung_on_an_adjunct_is_the_reported_content(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La présidente Claire Morel a en effet annoncé, lors d’une allocution retransmise en "
        "direct sur les chaînes de télévision régionales, qu’un couvre-feu allait de nouveau être "
        "imposé dans toute la province."
    )
    quote = _find(_quotes(text, ctx), "couvre-feu allait")
    assert quote is not None and quote.kind == "indirect"
    assert quote.speaker is not None and quote.speaker.name == "Claire Morel"


@pytest.mark.model
def test_a_relative_que_after_an_adjuncts_comma_reports_nothing(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Cette cour a décidé de clouer au pilori une innocente », a déclaré Paula Moreau, peu "
        "avant l'annonce de sa condamnation, qu'elle a accueillie d'un léger sourire."
    )
    assert _find(_quotes(text, ctx), "léger sourire") is None


@pytest.mark.model
def test_a_heading_quote_sharing_a_long_run_with_a_quote_below_is_its_speakers(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Voyageurs bloqués dans le tramway : « Cela ne serait jamais arrivé avec un conducteur »\n\n"
        "Des centaines de personnes sont restées bloquées mardi soir.\n\n"
        "« C'était impossible du temps où j'étais conducteur, cela ne serait jamais arrivé "
        "ainsi », assure Willy, ancien conducteur de tramway."
    )
    quote = _find(_quotes(text, ctx), "avec un conducteur")
    assert quote is not None and quote.speaker is not None and quote.speaker.name == "Willy"


@pytest.mark.model
def test_review_a_lead_description_needs_its_noun_beside_the_name(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ce médecin affirme avoir été menacé par des patients. Le ministre Paul Roux a répondu "
        "jeudi que les médecins exagéraient la situation."
    )
    quote = _find(_quotes(text, ctx), "menacé par des patients")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity is None  # the unnamed doctor, not the minister answering him


@pytest.mark.model
def test_review_a_studio_set_before_a_speech_verb_keeps_the_quote(ctx) -> None:  # type: ignore[no-untyped-def]
    assert (
        _speaker_name(
            "Sur le plateau de LCI, Paul Roux a répondu « Pas question ».", "Pas question", ctx
        )
        == "Paul Roux"
    )
    text = (
        "L'épidémie a atteint un plateau, « Pas de quoi se réjouir », a estimé l'épidémiologiste "
        "Paul Roux."
    )
    quote = _find(_quotes(text, ctx), "Pas de quoi se réjouir")
    assert quote is not None and quote.kind == "partial"
    assert "plateau" not in quote.text


@pytest.mark.model
def test_review_a_name_after_a_role_noun_missing_from_the_lexicon_stays_a_person(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "L'attaquant Paul Roux a marqué deux buts samedi. « On a montré du caractère », a-t-il déclaré."
    assert _speaker_name(text, "montré du caractère", ctx) == "Paul Roux"


@pytest.mark.model
def test_review_laisser_tomber_outside_an_incise_is_no_cue(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Les électeurs ont laissé tomber le « candidat du peuple » dès le premier tour."
    assert _find(_quotes(text, ctx), "candidat du peuple") is None


@pytest.mark.model
def test_a_pronoun_after_an_indefinite_person_subject_is_that_person(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Emmanuel Macron a annoncé mercredi un nouveau confinement. En direct sur BFMTV, un "
        "restaurateur a exprimé toute sa détresse face à ce nouveau confinement. Pour lui et sa "
        "centaine d’employés, c’est une véritable mise à mort."
    )
    quote = _find(_quotes(text, ctx), "véritable mise à mort")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity is None and quote.speaker.name == "un restaurateur"


@pytest.mark.model
def test_a_pronoun_after_an_indefinite_subject_of_the_other_gender_looks_further(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le ministre Paul Roux a annoncé mercredi un nouveau confinement. Une restauratrice a "
        "exprimé toute sa détresse. Selon lui, « la mesure est indispensable »."
    )
    assert _speaker_name(text, "mesure est indispensable", ctx) == "Paul Roux"


@pytest.mark.model
def test_review_a_plain_pronoun_after_an_indefinite_subject_keeps_the_named_actor(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le maire Paul Roux a reçu mardi les commerçants du centre-ville. Un boulanger a perdu "
        "la moitié de son chiffre d'affaires. Il a promis « une aide d'urgence » aux commerçants."
    )
    assert _speaker_name(text, "aide d'urgence", ctx) != "un boulanger"
    text = "Un policier a interpellé le suspect au moment où il criait « Je suis innocent »."
    assert _speaker_name(text, "Je suis innocent", ctx) != "Un policier"


@pytest.mark.model
def test_review_a_stock_phrase_shared_with_a_heading_is_no_echo(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Réforme des retraites : « il n'y a pas de plan B »\n\n"
        "La ministre Claire Martin a défendu son texte mardi.\n\n"
        "« Il n'y a pas de majorité pour ce texte », a répondu le député Paul Roux."
    )
    assert _speaker_name(text, "pas de plan B", ctx) != "Paul Roux"


@pytest.mark.model
def test_review_a_protest_movement_keeps_its_quote(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le mouvement de contestation a dénoncé « une répression brutale » après les "
        "arrestations de samedi."
    )
    assert _find(_quotes(text, ctx), "répression brutale") is not None


@pytest.mark.model
def test_review_laisser_tomber_after_an_adverb_or_before_a_colon(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "« Nous ne lâcherons rien », a finalement laissé tomber Paul Roux."
    assert _speaker_name(text, "lâcherons rien", ctx) == "Paul Roux"
    text = (
        "Interrogé sur son avenir, le député Paul Roux a laissé tomber : « Je ne me "
        "représenterai pas »."
    )
    quote = _find(_quotes(text, ctx), "représenterai pas")
    assert quote is not None and quote.cue is not None and quote.cue.text == "tomber"
