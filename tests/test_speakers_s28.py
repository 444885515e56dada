"""Session 28: a second office joined to the first by ``et``, ending on the person's name."""

from __future__ import annotations

import pytest

from allegiance.analysis import default_context
from quote_helpers import analyzed_quotes, analyzed_speaker, find_quote


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


@pytest.mark.model
def test_a_second_office_ending_on_the_name(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le sénateur de la Gironde et président du conseil départemental Marc Leblanc (LR) "
        "avait demandé au gouvernement « une réponse immédiate à la crise du logement », "
        "dans un communiqué."
    )
    speaker = analyzed_speaker(ctx, text, "réponse immédiate")
    assert speaker.name == "Marc Leblanc"


@pytest.mark.model
def test_two_offices_with_their_own_articles_are_two_people(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le sénateur de la Gironde et le président du conseil départemental Marc Leblanc "
        "ont demandé « une réponse immédiate à la crise du logement »."
    )
    speaker = analyzed_speaker(ctx, text, "réponse immédiate")
    assert speaker.name.startswith("Le sénateur")  # not Marc Leblanc alone


@pytest.mark.model
def test_the_subject_of_the_reported_clause_is_not_the_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    # the parser loses the main subject after ``a suite à``: better no speaker than the
    # person the reported words are about
    text = (
        "Le ministre Paul Girard a suite à cette annonce du Kremlin, affirmé que la détention "
        "de Jean Moreau « n'est en rien une décision politique »."
    )
    quote = find_quote(analyzed_quotes(text, ctx), "décision politique")
    assert quote is not None
    assert quote.speaker is None or quote.speaker.name != "Jean Moreau"


@pytest.mark.model
def test_a_subject_hung_on_suite_a_is_the_main_verb_s(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le ministre Paul Girard a suite à cette annonce du Kremlin, affirmé que la détention "
        "de Jean Moreau « n'est en rien une décision politique ». Il a ajouté qu'il « revient "
        "aux juges de statuer »."
    )
    assert analyzed_speaker(ctx, text, "décision politique").name == "Paul Girard"
    assert analyzed_speaker(ctx, text, "aux juges").name == "Paul Girard"


@pytest.mark.model
def test_a_concession_inside_a_report_keeps_the_reporter(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le porte-parole du Kremlin Dmitri Peskov a souligné que même si le président "
        "Paul Girard a nié que la détention soit politique, « certaines accusations sont "
        "portées »."
    )
    assert analyzed_speaker(ctx, text, "certaines accusations").name == "Dmitri Peskov"


@pytest.mark.model
def test_a_headline_role_named_further_down(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Pollution de la Loire : « Nous avons été baladés », dénonce le président du comité "
        "d'enquête\n\n"
        "Un comité d'enquête du conseil régional recommande de fermer l'usine. « Nous avons eu "
        "droit à des auditions d'évitement », assure ce vendredi son président.\n\n"
        "La direction de l'usine n'a pas répondu. « Nous avons été baladés », a dénoncé jeudi "
        "le conseiller Marc Aubry, président du comité d'enquête."
    )
    quotes = analyzed_quotes(text, ctx)
    first = min((q for q in quotes if "baladés" in q.text), key=lambda q: q.start)
    assert first.speaker is not None and first.speaker.name == "Marc Aubry"


@pytest.mark.model
def test_a_role_two_people_hold_below_stays_unnamed(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La séance a été ouverte. « Nous avons été baladés », dénonce le président du comité."
        "\n\nMarc Aubry, président du comité, et Paul Leroy, président du comité des finances, "
        "ont répondu."
    )
    speaker = analyzed_speaker(ctx, text, "baladés")
    assert speaker.entity is None


@pytest.mark.model
def test_an_incise_after_a_time_phrase_and_an_outlet(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le comité recommande de fermer l'usine. « C'est fini » lors de l'audition des "
        "représentants de l'entreprise, dénonce vendredi 7 juillet sur France Inter Paul Roux, "
        "sénateur de la Loire."
    )
    assert analyzed_speaker(ctx, text, "C'est fini").name == "Paul Roux"


@pytest.mark.model
def test_figures_announced_by_an_officer_named_in_apposition(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le maire sortant Paul Girard a obtenu 12 400 voix, selon les chiffres officiels "
        "annoncés par le président de la Commission électorale régionale, Marc Aubry, "
        "après le dépouillement de tous les bulletins."
    )
    assert analyzed_speaker(ctx, text, "12 400 voix").name == "Marc Aubry"  # not the commission


@pytest.mark.model
def test_a_role_with_no_complement_is_not_looked_for_below(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Accusé de fraude, le chef d'entreprise nie tout. « Mon client n'a jamais détourné un "
        "euro », a déclaré son avocat mercredi.\n\nAu tribunal, Me Jean Moreau, avocat de la "
        "partie civile, a réclamé un renvoi."
    )
    assert analyzed_speaker(ctx, text, "détourné").entity is None  # the other side's lawyer


@pytest.mark.model
def test_an_adjunct_after_the_conceded_cue_keeps_its_object(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le maire a souligné que si le préfet a annoncé, lundi, « des renforts immédiats », "
        "aucun gendarme n'est arrivé."
    )
    assert analyzed_speaker(ctx, text, "renforts immédiats").name == "le préfet"


@pytest.mark.model
def test_a_time_phrase_after_a_partial_in_its_own_clause_is_no_incise(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le comité recommande de fermer l'usine. Marie Lefèvre a parlé d'« un gâchis » pendant "
        "toute la durée de l'audition au Sénat, a raconté vendredi sur France Inter Paul Roux."
    )
    quote = find_quote(analyzed_quotes(text, ctx), "gâchis")
    assert quote is None or quote.speaker is None or quote.speaker.name != "Paul Roux"


@pytest.mark.model
def test_an_incise_after_a_time_phrase_when_the_mark_opens_a_paragraph(ctx) -> None:  # type: ignore[no-untyped-def]
    # the parser leaves a paragraph's opening mark alone as a sentence of its own
    text = (
        "La commission a rendu son rapport.\n\n"
        "\"Nous avons été baladés\" lors de l'audition des représentants de l'entreprise, "
        "dénonce vendredi 7 juillet sur France Inter Paul Roux, sénateur de la Loire."
    )
    assert analyzed_speaker(ctx, text, "baladés").name == "Paul Roux"


@pytest.mark.model
def test_an_indefinite_description_after_a_name_describes_it(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "En tête des sondages pour la mairie, Claire Dumas, une Lyonnaise de 52 ans qui, jeune "
        "militante, disait admirer Mitterrand, est parvenue à rassembler la gauche."
    )
    assert analyzed_speaker(ctx, text, "admirer Mitterrand").name == "Claire Dumas"


@pytest.mark.model
def test_a_description_after_a_source_behind_a_preposition_is_someone_else(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Après Paul Roux, une habitante a affirmé que « rien ne va plus dans le quartier »."
    assert analyzed_speaker(ctx, text, "rien ne va").name == "une habitante"


@pytest.mark.model
def test_an_incise_after_a_time_phrase_following_another_quote(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le sénateur a été clair : « C'est inacceptable. » « Nous avons été baladés » lors de "
        "l'audition des représentants de l'entreprise, dénonce vendredi 7 juillet sur France "
        "Inter Paul Roux."
    )
    assert analyzed_speaker(ctx, text, "baladés").name == "Paul Roux"


@pytest.mark.model
def test_a_headline_s_bare_role_and_a_lead_s_seat_named_below(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Fermeture de la maternité : le service « a vocation à rouvrir », assure le préfet\n\n"
        "Publié le 11/05/2023 12:01:41\n\n"
        "Le maire de Fécamp démissionne. Ce qui n'empêchera pas le service de rouvrir, selon "
        "le préfet de Seine-Maritime.\n\n"
        "Le projet « va poursuivre son cours ». C'est ce qu'assure le préfet de Seine-Maritime "
        "Marc Aubry dans les colonnes de Ouest-France."
    )
    assert analyzed_speaker(ctx, text, "vocation à rouvrir").name == "Marc Aubry"
    assert analyzed_speaker(ctx, text, "empêchera pas").name == "Marc Aubry"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (
            "Sécheresse : « les restrictions seront levées lundi », annonce le préfet\n\n"
            "Les agriculteurs attendaient cette décision. Le préfet a reçu jeudi le député "
            "Jean-René Cazeneuve et plusieurs exploitants.",
            "restrictions",
        ),
        (
            "Agression d'un chauffeur : « une enquête est ouverte », selon la procureure\n\n"
            "Une femme a été placée en garde à vue. Lundi, la procureure a requis contre Marie "
            "Dubois six mois de prison ferme.",
            "enquête est ouverte",
        ),
    ],
)
def test_a_headline_role_is_not_the_object_of_that_role_below(
    ctx, text: str, fragment: str
) -> None:  # type: ignore[no-untyped-def]
    assert analyzed_speaker(ctx, text, fragment).entity is None


@pytest.mark.model
def test_a_verb_after_a_qui_clause_and_its_auxiliary_shares_the_relative_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« C'est une mauvaise blague », explique Paul Roux. Il a également visé Claire Dumas, la "
        "ministre déléguée à l'égalité entre les femmes et les hommes, qui avait adressé un "
        "signalement au régulateur et avait évoqué une « blague indigne »."
    )
    assert analyzed_speaker(ctx, text, "blague indigne").name == "Claire Dumas"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "fragment", "speaker"),
    [
        (
            "Le Premier ministre a salué le travail de la commission, qui a siégé pendant six "
            "mois, et a promis « des mesures dès l'automne ».",
            "mesures dès",
            "Le Premier ministre",
        ),
        (
            "Le maire a reçu vendredi Nathalie Roche, la présidente de l'association des "
            "riverains, qui avait lancé une pétition et avait dénoncé « un projet absurde ».",
            "projet absurde",
            "Nathalie Roche",
        ),
    ],
)
def test_a_relative_conjunct_needs_no_comma_and_takes_the_apposition_s_holder(
    ctx, text: str, fragment: str, speaker: str
) -> None:  # type: ignore[no-untyped-def]
    assert analyzed_speaker(ctx, text, fragment).name == speaker
