"""Session 18: speakers from a new blind set of real excerpts (health, education and science;
housing, transport and city life; elections and campaigns), rebuilt as invented passages."""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context
from quote_helpers import analyzed_quotes as _quotes
from quote_helpers import find_quote as _find
from quote_helpers import speaker_named


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


@pytest.mark.model
def test_a_name_after_a_named_complement_is_the_described_person(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le dirigeant d’Afek Tounes Karim Ben Salah a, de son côté, été arrêté pour un message "
        "appelant à défiler contre le chef de l'État Kaïs Saïed, selon la même source."
    )
    assert speaker_named(_quotes(text, ctx), "défiler contre") == "Karim Ben Salah"


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
        "La Première ministre Hélène Lambert a visité une maternité samedi. « Nous devons "
        "écouter celles et ceux qui soignent », a réagi la Première au micro de RTL."
    )
    assert speaker_named(_quotes(text, ctx), "écouter celles et ceux") == "Hélène Lambert"


@pytest.mark.model
def test_a_website_word_is_not_part_of_the_body_name(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le laboratoire Novalix a été condamné. D'après le site Internet de Novalix, 1200 "
        "patients ont déjà reçu une indemnité."
    )
    analysis = analyze(text, lang="fr", context=ctx)
    assert not any("Internet" in e.name for e in analysis.entities)
    assert speaker_named(_quotes(text, ctx), "1200 patients") == "Novalix"


@pytest.mark.model
def test_a_view_on_a_body_whose_verb_is_quoted_is_the_holders(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Le lanceur est prêt », s'est félicité jeudi Marc Vidal, à la tête de l'Agence "
        "spatiale nationale (ASN). Pour le patron de l'ASN, Ariane Group « tient toutes ses "
        "promesses commerciales »."
    )
    assert speaker_named(_quotes(text, ctx), "promesses commerciales") == "Marc Vidal"


@pytest.mark.model
def test_a_view_with_the_authors_own_verb_stays_the_subjects(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Jean Dupont a parlé lundi. Pour Jean Dupont, le fait que Marie Durand l'ait classé "
        "« dangereux » est grave."
    )
    assert speaker_named(_quotes(text, ctx), "dangereux") == "Marie Durand"


@pytest.mark.model
def test_the_subject_of_a_partial_quote_is_not_the_description_after_it(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Marc Vidal dirige l'agence depuis deux ans. Le spationaute Paul Aubry « a rejoint le "
        "centre d'entraînement, tout le monde a salué sa forme », a ajouté le responsable."
    )
    assert speaker_named(_quotes(text, ctx), "a rejoint le centre") == "Marc Vidal"


@pytest.mark.model
def test_a_channel_acronym_glued_to_a_given_name_is_cut(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« On a attendu deux heures sans information », raconte à RMC Josiane, une voyageuse "
        "coincée. « La direction doit enfin rendre des comptes aux usagers », peste sur RMC et "
        "RMC Story Thomas Girard."
    )
    analysis = analyze(text, lang="fr", context=ctx)
    names = {e.name for e in analysis.entities}
    assert "Josiane" in names and "Thomas Girard" in names
    assert "RMC Josiane" not in names
    assert speaker_named(_quotes(text, ctx), "deux heures sans information") == "Josiane"
    assert speaker_named(_quotes(text, ctx), "rendre des comptes") == "Thomas Girard"


@pytest.mark.model
def test_an_incise_verb_before_an_adverbial_and_a_comma_finds_its_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Les rames automatiques ne savent pas gérer ce genre de panne », explique Marcel, "
        "ancien chef de ligne. « Il faut informer les voyageurs bien plus tôt », abonde de son "
        "côté, Karim, agent de la RATP."
    )
    assert speaker_named(_quotes(text, ctx), "informer les voyageurs") == "Karim"


@pytest.mark.model
def test_a_shows_title_in_marks_is_a_channel_not_a_quote(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Jamais on n'aurait laissé les passagers ainsi », assure ce mardi sur le plateau des "
        "« Vraies Voix », Marcel, ancien chef de ligne."
    )
    quotes = _quotes(text, ctx)
    assert _find(quotes, "Vraies Voix") is None
    assert speaker_named(_quotes(text, ctx), "laissé les passagers") == "Marcel"


@pytest.mark.model
def test_a_relative_clause_on_the_inverted_subject_names_no_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le groupe Vialis, premier concessionnaire du pays, précise que la hausse sera limitée. "
        "Puis, « la moitié des trajets quotidiens resteront au même tarif », précise le groupe "
        "qui comprend la Société des Autoroutes de l'Est (SAE), Viapass et Routalis."
    )
    assert speaker_named(_quotes(text, ctx), "trajets quotidiens") == "Vialis"


@pytest.mark.model
def test_laisser_tomber_is_a_speech_cue(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Marc Lenoir a parlé le premier. « Vous ne savez même pas combien coûte votre mesure ? "
        "Alors n'en parlez pas », a laissé tomber M. Dufresne. Le vent a laissé tomber des "
        "branches sur la route."
    )
    quote = _find(_quotes(text, ctx), "combien coûte votre mesure")
    assert quote is not None and quote.cue is not None and quote.cue.text == "tomber"
    assert quote.speaker is not None and quote.speaker.name == "Dufresne"


@pytest.mark.model
def test_a_description_in_the_lead_is_the_person_named_next_with_its_noun(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ce conservateur de 58 ans affirme avoir gagné le premier tour du scrutin. Le "
        "professeur conservateur Karim Mansour a déclaré dimanche que les résultats lui "
        "donnaient raison."
    )
    assert speaker_named(_quotes(text, ctx), "gagné le premier tour") == "Karim Mansour"


@pytest.mark.model
def test_a_description_in_the_lead_needs_its_noun_in_the_next_sentence(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ce conservateur de 58 ans affirme avoir gagné le premier tour du scrutin. "
        "L'universitaire Paul Durand a déclaré dimanche que les résultats lui donnaient raison."
    )
    quote = _find(_quotes(text, ctx), "gagné le premier tour")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity is None


@pytest.mark.model
def test_a_name_the_parser_made_a_second_subject_is_the_role_in_apposition(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le syndicat lycéen l'UNL tenait ce lundi sa conférence de rentrée pour présenter ses "
        "revendications, comme « la fin des classes surchargées et la gestion des problèmes "
        "d'affectation », a indiqué le syndicat."
    )
    assert speaker_named(_quotes(text, ctx), "classes surchargées") == "UNL"


_DINNER = (
    "Le maire Tremblay aurait dû quitter la salle, a estimé Marc Gagnon.\n\n"
    "« Je ne comprends pas que Luc Tremblay soit resté assis », a déploré M. Gagnon.\n\n"
    "Selon lui, ce n’est pas la première « réunion de façade » à laquelle le gouvernement "
    "invite le maire. En mars, M. Tremblay a ainsi accepté une rencontre, alors que le "
    "gouvernement Lavoie venait de geler le projet de métro.\n\n"
    "« M. Tremblay, ça fait plusieurs fois qu’il se fait convoquer pour rien. Avant, les maires "
    "savaient se faire respecter », a-t-il lancé."
)


@pytest.mark.model
def test_the_person_the_quote_names_is_not_its_pronoun_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    assert speaker_named(_quotes(_DINNER, ctx), "plusieurs fois") == "Marc Gagnon"


@pytest.mark.model
def test_a_name_after_a_bodys_noun_is_no_pronoun_antecedent(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le premier ministre Jacques Lavoie était absent. Jean Tremblay, le maire, a parlé "
        "longuement de la réforme. Selon lui, le métro est nécessaire. Lundi, le "
        "gouvernement Lavoie a gelé le projet.\n\n"
        "« C'est une erreur historique pour la ville et ses habitants », a-t-il lancé."
    )
    assert speaker_named(_quotes(text, ctx), "erreur historique") == "Jean Tremblay"


@pytest.mark.model
def test_a_que_clause_the_parser_hung_on_an_adjunct_is_the_reported_content(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La gouverneure Claire Morel a en effet annoncé, lors d’une intervention diffusée en "
        "direct sur les radios locales, qu’un couvre-feu allait de nouveau être instauré dans "
        "toute la province."
    )
    quote = _find(_quotes(text, ctx), "couvre-feu allait")
    assert quote is not None and quote.kind == "indirect"
    assert quote.speaker is not None and quote.speaker.name == "Claire Morel"


@pytest.mark.model
def test_a_relative_que_after_an_adjuncts_comma_reports_nothing(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Ce tribunal a choisi de sacrifier une innocente », a déclaré Léa Fournier, peu "
        "avant l'annonce de sa sentence, qu'elle a accueillie d'un léger sourire."
    )
    assert _find(_quotes(text, ctx), "léger sourire") is None


@pytest.mark.model
def test_a_heading_quote_sharing_a_long_run_with_a_quote_below_is_its_speakers(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Tramway en panne : « Une telle attente serait impossible avec un wattman »\n\n"
        "Des centaines de voyageurs sont restés coincés mardi soir.\n\n"
        "« Quand j'étais wattman, une telle attente serait impossible, croyez-moi », assure "
        "Marcel, ancien wattman."
    )
    quote = _find(_quotes(text, ctx), "avec un wattman")
    assert quote is not None and quote.speaker is not None and quote.speaker.name == "Marcel"


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
        speaker_named(
            _quotes("Sur le plateau de LCI, Paul Roux a répondu « Pas question ».", ctx),
            "Pas question",
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
    assert speaker_named(_quotes(text, ctx), "montré du caractère") == "Paul Roux"


@pytest.mark.model
def test_review_laisser_tomber_outside_an_incise_is_no_cue(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Les électeurs ont laissé tomber le « candidat du peuple » dès le premier tour."
    assert _find(_quotes(text, ctx), "candidat du peuple") is None


@pytest.mark.model
def test_a_pronoun_after_an_indefinite_person_subject_is_that_person(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le ministre Paul Roux a annoncé mercredi la fermeture des salles de sport. Sur France "
        "Bleu, un gérant de salle a dit toute sa colère face à cette décision. Pour lui et ses "
        "vingt salariés, c’est un coup fatal."
    )
    quote = _find(_quotes(text, ctx), "coup fatal")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity is None and quote.speaker.name == "un gérant de salle"


@pytest.mark.model
def test_a_pronoun_after_an_indefinite_subject_of_the_other_gender_looks_further(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le ministre Paul Roux a annoncé mercredi un nouveau confinement. Une restauratrice a "
        "exprimé toute sa détresse. Selon lui, « la mesure est indispensable »."
    )
    assert speaker_named(_quotes(text, ctx), "mesure est indispensable") == "Paul Roux"


@pytest.mark.model
def test_review_a_plain_pronoun_after_an_indefinite_subject_keeps_the_named_actor(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le maire Paul Roux a reçu mardi les commerçants du centre-ville. Un boulanger a perdu "
        "la moitié de son chiffre d'affaires. Il a promis « une aide d'urgence » aux commerçants."
    )
    assert speaker_named(_quotes(text, ctx), "aide d'urgence") != "un boulanger"
    text = "Un policier a interpellé le suspect au moment où il criait « Je suis innocent »."
    assert speaker_named(_quotes(text, ctx), "Je suis innocent") != "Un policier"


@pytest.mark.model
def test_review_a_stock_phrase_shared_with_a_heading_is_no_echo(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Réforme des retraites : « il n'y a pas de plan B »\n\n"
        "La ministre Claire Martin a défendu son texte mardi.\n\n"
        "« Il n'y a pas de majorité pour ce texte », a répondu le député Paul Roux."
    )
    assert speaker_named(_quotes(text, ctx), "pas de plan B") != "Paul Roux"


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
    assert speaker_named(_quotes(text, ctx), "lâcherons rien") == "Paul Roux"
    text = (
        "Interrogé sur son avenir, le député Paul Roux a laissé tomber : « Je ne me "
        "représenterai pas »."
    )
    quote = _find(_quotes(text, ctx), "représenterai pas")
    assert quote is not None and quote.cue is not None and quote.cue.text == "tomber"
