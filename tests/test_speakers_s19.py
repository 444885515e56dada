"""Session 19: speakers from a new blind set of real excerpts (justice and courts; experts
commenting the news; industry, defence and farming), rebuilt as invented passages."""

from __future__ import annotations

import pytest

from allegiance.analysis import default_context
from quote_helpers import analyzed_quotes as _quotes
from quote_helpers import find_quote as _find
from quote_helpers import speaker_named


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


@pytest.mark.model
def test_the_seat_of_an_office_names_its_holder(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Vladimir Poutine a reçu les délégués africains mardi. Plus tard, le locataire du "
        "Kremlin a assuré que « rien ne presse » dans ce dossier."
    )
    assert speaker_named(_quotes(text, ctx), "rien ne presse") == "Vladimir Putin"


@pytest.mark.model
def test_a_seat_role_keeps_its_holder_when_the_seat_is_also_tagged(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le Kremlin a démenti toute rencontre. Vladimir Poutine, lui, n'a rien dit. Le soir, "
        "le maître du Kremlin a toutefois estimé que « la porte reste ouverte »."
    )
    assert speaker_named(_quotes(text, ctx), "la porte reste ouverte") == "Vladimir Putin"


@pytest.mark.model
def test_figures_with_no_author_are_no_speaker_of_marked_words(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le sondeur Bastien Marol juge la course serrée. « Rien n'est fait », prévient-il. "
        "Pour l'heure, la sortante selon les derniers chiffres garde « une petite avance »."
    )
    assert (
        speaker_named(_quotes(text, ctx), "une petite avance") == "Bastien Marol"
    )  # not the figures


@pytest.mark.model
def test_figures_that_name_their_author_still_speak(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Selon les prévisions de la Banque de France, la croissance restera faible l'an prochain."
    )
    assert speaker_named(_quotes(text, ctx), "la croissance restera faible") == "Banque de France"


@pytest.mark.model
def test_a_headline_source_left_unnamed_is_the_person_the_body_names_so(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Un virologue belge : «La Belgique sera bientôt débordée»\n"
        "Très écouté depuis la pandémie, le virologue belge Jan Peeters estime que la vague "
        "sera courte."
    )
    assert speaker_named(_quotes(text, ctx), "La Belgique sera bientôt débordée") == "Jan Peeters"


@pytest.mark.model
def test_a_headline_source_stays_unnamed_when_the_body_describes_someone_else(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Un virologue belge : «La Belgique sera bientôt débordée»\n"
        "Très écouté depuis la pandémie, le virologue français Marc Gilles estime que la vague "
        "sera courte."
    )
    quote = _find(_quotes(text, ctx), "La Belgique sera bientôt débordée")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity is None


@pytest.mark.model
def test_a_view_relative_after_an_apposition_takes_up_the_person(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« On demande un plan social », a déclaré à l'AFP Bernard Lasalle, à la tête du comité "
        "organisateur de la marche, pour qui « la crise dure depuis dix ans »."
    )
    assert speaker_named(_quotes(text, ctx), "la crise dure depuis dix ans") == "Bernard Lasalle"


@pytest.mark.model
def test_a_subject_after_names_joined_by_et_is_no_apposition(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La CGT pointe dans son communiqué les choix du dirigeant. Le syndicat ne digère pas "
        "non plus la création de Volta. En partageant le capital avec Geely et Aramco, le "
        "syndicat affirme que « l'entreprise a troqué sa souveraineté »."
    )
    assert speaker_named(_quotes(text, ctx), "l'entreprise a troqué sa souveraineté") == "CGT"


@pytest.mark.model
def test_a_reflexive_verb_read_as_a_noun_still_makes_a_reported_clause(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "L'économiste Karim Ben Salah considère que l’économie s’achemine vers la faillite, "
        "estimant que la crise sera déclarée fin 2013."
    )
    assert (
        speaker_named(_quotes(text, ctx), "l’économie s’achemine vers la faillite")
        == "Karim Ben Salah"
    )


@pytest.mark.model
def test_review_a_guest_of_the_kremlin_is_not_its_holder(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le président chinois Xi Jinping a été reçu en grande pompe à Moscou. Lors du dîner, "
        "l'hôte du Kremlin, venu avec dix ministres, a salué « une amitié sans limite »."
    )
    assert speaker_named(_quotes(text, ctx), "une amitié sans limite") != "Vladimir Putin"


@pytest.mark.model
def test_review_figures_published_by_a_body_are_that_bodys(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Nous gagnerons dimanche », a lancé le candidat Paul Verdier. Selon les chiffres "
        "publiés mardi par le ministère de l'Intérieur, la délinquance « explose » dans sa ville."
    )
    assert speaker_named(_quotes(text, ctx), "explose") == "Ministère de l'Intérieur"


@pytest.mark.model
def test_review_a_term_after_figures_is_not_the_last_speakers(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Nous irons jusqu'au bout », a lancé la candidate Anne Morel. Selon les derniers "
        "chiffres, le « vote utile » profiterait pourtant à son rival."
    )
    quote = _find(_quotes(text, ctx), "vote utile")
    assert quote is None or quote.speaker is None or quote.speaker.name != "Anne Morel"


@pytest.mark.model
def test_review_a_heading_source_is_not_a_silent_third_party(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Un médecin urgentiste : « Nous sommes à bout »\nIl témoigne sous couvert d'anonymat. "
        "Le mois dernier, la médecin urgentiste Claire Vidal avait démissionné avec fracas."
    )
    quote = _find(_quotes(text, ctx), "Nous sommes à bout")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name != "Claire Vidal"


@pytest.mark.model
def test_review_a_list_before_a_view_relative_is_no_apposition(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La réunion a rassemblé le maire, Paul Roux, les parents d'élèves et les enseignants, "
        "pour qui « la fermeture de la classe est inacceptable »."
    )
    quote = _find(_quotes(text, ctx), "la fermeture de la classe")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name != "Paul Roux"


@pytest.mark.model
def test_a_request_by_a_speaking_subject_needs_nobody_asked(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Le collectif des riverains demande de fermer la route avant l'été."
    quote = _find(_quotes(text, ctx), "fermer la route avant l'été")
    assert quote is not None and quote.kind == "indirect"
    assert quote.speaker is not None and "collectif" in quote.speaker.name


@pytest.mark.model
def test_a_request_by_a_document_with_nobody_asked_stays_no_report(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "La pétition demande d'interdire les trottinettes."
    assert _find(_quotes(text, ctx), "interdire les trottinettes") is None


@pytest.mark.model
def test_a_colon_after_a_marked_verb_goes_on_with_the_quoted_expert(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« La crue était prévisible », explique le géographe Yves Ardouin à France Bleu. "
        "Malgré tout, les pompiers « ont tout donné » : « En deux jours, ils ont évacué trois "
        "villages entiers. »"
    )
    assert speaker_named(_quotes(text, ctx), "En deux jours, ils ont évacué") == "Yves Ardouin"


@pytest.mark.model
def test_a_closing_incise_reports_its_sentence_over_a_speech_verb_inside(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Les employés sont soulagés », affirme Marc Bélanger, président du syndicat des "
        "machinistes. Son syndicat ne pouvait pas demander mieux qu’une aide de cet ordre, "
        "explique-t-il."
    )
    assert (
        speaker_named(_quotes(text, ctx), "Son syndicat ne pouvait pas demander mieux")
        == "Marc Bélanger"
    )


@pytest.mark.model
def test_a_label_naming_a_role_then_the_person_gives_the_person(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Une nostalgie bien dans le ton, après des centaines d'heures de débats. Commentaire du "
        "président du Conseil des Etats, Marc Favre (PLR/NE): «Cette session a été rude.»"
    )
    assert speaker_named(_quotes(text, ctx), "Cette session a été rude.") == "Marc Favre"


@pytest.mark.model
def test_a_document_read_by_an_agency_speaks_for_its_authors(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La riposte des écologistes d'EELV n'a pris que quelques minutes. Le texte de leur "
        "motion de censure, consulté par l'AFP, dénonce la « dérive autoritaire » du gouvernement."
    )
    quote = _find(_quotes(text, ctx), "dérive autoritaire")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.name != "AFP"
    assert quote.speaker.entity is not None  # the group whose motion it is


@pytest.mark.model
def test_data_published_by_a_body_stay_that_bodys(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Selon les données publiées par l'Insee, le chômage a reculé au printemps."
    assert speaker_named(_quotes(text, ctx), "le chômage a reculé") == "Insee"


@pytest.mark.model
def test_a_signature_line_under_a_quote_names_its_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le chef du groupe, Marc Tanguay, a critiqué le bilan. « On récolte ce qu'on a semé », "
        "a affirmé M. Tanguay.\nLe leader parlementaire du parti, M. Derraji, a pointé un projet "
        "de loi déposé vendredi.\n« Je mets en garde le gouvernement : nous verrons ses réelles "
        "priorités. »\n— Monsef Derraji\nLe principe du projet de loi a été adopté."
    )
    quote = _find(_quotes(text, ctx), "Je mets en garde le gouvernement")
    assert quote is not None and quote.speaker is not None and quote.speaker.entity is not None
    assert quote.speaker.name.endswith("Derraji")  # the M. Derraji of the line before


@pytest.mark.model
def test_a_dash_line_that_opens_a_sentence_is_no_signature(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Nous ne lâcherons rien », a lancé la députée Claire Morin.\n"
        "— Paris reste calme ce soir, selon la préfecture."
    )
    assert speaker_named(_quotes(text, ctx), "Nous ne lâcherons rien") == "Claire Morin"


@pytest.mark.model
def test_review_a_first_person_quote_after_a_marked_predicate_is_the_subjects(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« La situation est sous contrôle », a assuré le préfet Henri Lavaud. Les habitants du "
        "quartier « sont furieux » : « Personne ne nous avait prévenus. »"
    )
    assert speaker_named(_quotes(text, ctx), "Personne ne nous avait prévenus") != "Henri Lavaud"


@pytest.mark.model
def test_review_a_relayed_report_with_its_own_subject_keeps_it(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Nous restons prudents », confie Léa Mercier, porte-parole de l'association. Le préfet "
        "Paul Girard a promis que la route rouvrirait lundi, rappelle-t-elle."
    )
    assert speaker_named(_quotes(text, ctx), "la route rouvrirait lundi") == "Paul Girard"


@pytest.mark.model
def test_review_figures_transmitted_by_a_body_are_that_bodys(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Selon un bilan communiqué par la préfecture de l'Hérault, trois personnes ont été blessées."
    assert (
        speaker_named(_quotes(text, ctx), "trois personnes ont été blessées")
        == "préfecture de l'Hérault"
    )


@pytest.mark.model
def test_review_an_audit_of_their_accounts_is_not_their_words(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Les élus d'EELV ont quitté l'hémicycle mardi. Un audit de leurs comptes « relève de "
        "nombreuses irrégularités »."
    )
    quote = _find(_quotes(text, ctx), "relève de nombreuses irrégularités")
    assert quote is None or quote.speaker is None or quote.speaker.entity is None


@pytest.mark.model
def test_review_a_tribute_label_names_whom_it_honours_not_the_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Ce fut un honneur de servir Vernon », a déclaré le maire Pierre Vidal lors de la "
        "cérémonie. Hommage du maire à son prédécesseur, Jacques Martin (LR) : « Il a tout donné "
        "à cette ville. »"
    )
    assert speaker_named(_quotes(text, ctx), "Il a tout donné à cette ville") == "Pierre Vidal"


@pytest.mark.model
def test_review_a_place_under_a_labelled_quote_is_no_signature(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Sophie Lenoir (PS) : « Ce budget est une faute. »\n— Paris\nLe vote a lieu mardi."
    assert speaker_named(_quotes(text, ctx), "Ce budget est une faute") == "Sophie Lenoir"


@pytest.mark.model
def test_review_a_byline_under_the_last_quote_is_no_signature(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le maire de Lyon, Paul Hervé, ne décolère pas.\n« La ville doit se réveiller. »\n"
        "— Julien Marchal"
    )
    assert speaker_named(_quotes(text, ctx), "La ville doit se réveiller") != "Julien Marchal"


@pytest.mark.model
def test_review_a_note_revealed_by_a_newspaper_is_not_the_newspapers(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Les syndicats dénoncent un plan social déguisé. Une note interne, révélée par "
        "Mediapart, évoque « un risque majeur pour les usagers »."
    )
    quote = _find(_quotes(text, ctx), "un risque majeur pour les usagers")
    assert quote is None or quote.speaker is None or quote.speaker.name != "Mediapart"


@pytest.mark.model
def test_review_their_leaflet_is_their_words(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Les cheminots de Sud-Rail ont distribué des tracts en gare. Leur tract dénonce « un "
        "mépris total de la direction »."
    )
    assert speaker_named(_quotes(text, ctx), "un mépris total de la direction") == "Sud-Rail"


@pytest.mark.model
def test_the_person_a_feeling_verb_moves_speaks(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le Parlement a ratifié l'accord. « Une avancée majeure », se félicite Christian Levrat, "
        "président du PS. La réforme agace l’avocat genevois Yves Nidegger (UDC): "
        "« Nous avons enterré une disposition de 1934. »"
    )
    assert (
        speaker_named(_quotes(text, ctx), "Nous avons enterré une disposition") == "Yves Nidegger"
    )


@pytest.mark.model
def test_a_reflexive_feeling_verb_keeps_its_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "La ministre Anne Roux s'inquiète : « Nous manquons de médecins. »"
    assert speaker_named(_quotes(text, ctx), "Nous manquons de médecins") == "Anne Roux"


@pytest.mark.model
def test_review_a_person_who_moves_others_is_still_the_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le ministre de la Santé, Paul Durand, a inquiété les syndicats hospitaliers : « Nous "
        "fermerons dix services d'urgence. »"
    )
    assert speaker_named(_quotes(text, ctx), "Nous fermerons dix services") == "Paul Durand"


@pytest.mark.model
def test_review_a_pronoun_for_a_person_who_moves_others_stays_the_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La ministre Claire Dubois était à Rennes jeudi. Elle a inquiété les agriculteurs : « Les "
        "aides baisseront de moitié. »"
    )
    assert speaker_named(_quotes(text, ctx), "Les aides baisseront de moitié") == "Claire Dubois"


@pytest.mark.model
def test_review_words_that_moved_others_are_their_authors(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Les propos du ministre Paul Roy, « les chômeurs n'ont qu'à traverser la rue », ont "
        "indigné les syndicats."
    )
    assert (
        speaker_named(_quotes(text, ctx), "les chômeurs n'ont qu'à traverser la rue") == "Paul Roy"
    )
