"""Session 27: a headline's incise over its date line, and marks echoed by the next sentence."""

from __future__ import annotations

import pytest

from allegiance.analysis import default_context
from quote_helpers import analyzed_quotes, analyzed_speaker, find_quote


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


@pytest.mark.model
def test_a_headline_incise_ends_at_its_line(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Fermeture de l'usine : le site « a vocation à rester ouvert », assure le préfet\n\n"
        "Publié le 12/03/2024 09:14:27\n\n"
        "La gare de Saint-Lô est fermée depuis une semaine."
    )
    speaker = analyzed_speaker(ctx, text, "rester ouvert")
    assert speaker.name == "le préfet"  # not the time on the date line


@pytest.mark.model
@pytest.mark.parametrize(
    "echo",
    [
        "C'est ce qu'assure le maire Paul Roux dans les colonnes du Télégramme.",
        "C'est ce qu'a affirmé Paul Roux.",
        "C'est ce que Paul Roux a déclaré lundi.",
    ],
)
def test_marks_without_a_cue_take_the_speaker_of_the_next_sentence_echo(ctx, echo: str) -> None:  # type: ignore[no-untyped-def]
    text = f"Le chantier du port « va reprendre dès lundi ». {echo}"
    speaker = analyzed_speaker(ctx, text, "va reprendre")
    assert speaker.name == "Paul Roux"


@pytest.mark.model
@pytest.mark.parametrize(
    "after",
    [
        "C'est aussi ce qu'a affirmé Paul Roux.",  # a second speaker agrees
        "Paul Roux a affirmé le contraire.",  # no echo of the words
    ],
)
def test_the_next_sentence_lends_no_speaker_without_an_echo(ctx, after: str) -> None:  # type: ignore[no-untyped-def]
    text = f"Le chantier du port « va reprendre dès lundi ». {after}"
    quote = find_quote(analyzed_quotes(text, ctx), "va reprendre")
    assert quote is None or quote.speaker is None or quote.speaker.name != "Paul Roux"


@pytest.mark.model
@pytest.mark.parametrize(
    ("spoken_to", "speaker"),
    [
        ("à l'AFP", "paul-roux"),  # an outlet: the apposition after it is the name's role
        ("à Marie Durand", "marie-durand"),  # a person: the apposition is hers
    ],
)
def test_an_apposition_after_whom_a_name_spoke_to(ctx, spoken_to: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    text = (
        f"« Rien n'est prouvé », a déclaré Paul Roux {spoken_to}, avocat de l'imam. "
        "« C'est une première victoire », a poursuivi l'avocat."
    )
    assert analyzed_speaker(ctx, text, "première victoire").entity == speaker


@pytest.mark.model
@pytest.mark.parametrize("description", ["L'évêque", "L'archevêque"])
def test_the_bishop_is_monseigneur_named_later(ctx, description: str) -> None:  # type: ignore[no-untyped-def]
    # ``Mgr`` is a bishop's title: the lead's description is the prelate named further on
    text = (
        f"{description} de Rodez a suspendu un prêtre du diocèse, rapporte le quotidien La "
        f"Croix. « J'ai appris des gestes déplacés », a expliqué {description.lower()}. Le "
        "prêtre va prendre du recul, indique Mgr Paul Roux."
    )
    speaker = analyzed_speaker(ctx, text, "gestes déplacés")
    assert speaker.entity == "paul-roux"


@pytest.mark.model
@pytest.mark.parametrize(
    "after",
    [
        "C'est ce qu'a démenti mardi la direction du groupe.",
        "C'est ce que conteste fermement le syndicat CFDT.",
    ],
)
def test_a_next_sentence_that_gainsays_the_marks_lends_noanalyzed_speaker(ctx, after: str) -> None:  # type: ignore[no-untyped-def]
    quote = find_quote(
        analyzed_quotes(f"L'usine « va fermer d'ici l'été ». {after}", ctx), "fermer"
    )
    assert quote is not None and quote.speaker is None


@pytest.mark.model
def test_a_diocese_speaks_and_no_outlet_near_it_is_the_diocese(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "L'archevêque de Lyon a remis sa démission, a déclaré à l'AFP le diocèse de Lyon, "
        "confirmant une information du Figaro. En 2012, « il a eu un comportement ambigu », "
        "a admis le diocèse."
    )
    speaker = analyzed_speaker(ctx, text, "comportement ambigu")
    # the diocese itself (an institution since session 28), never the outlet near it
    assert speaker.entity == "diocese-de-lyon"


@pytest.mark.model
def test_a_body_named_by_its_outlet_is_still_that_outlet(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Le groupe Le Monde a été racheté. « Nous restons indépendants », a assuré le groupe."
    assert analyzed_speaker(ctx, text, "indépendants").entity == "le-monde"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "Le porte-parole a expliqué que « les modalités devaient encore être travaillées » "
            "mais que personne ne serait oublié.",
            "personne ne serait oublié",
        ),
        (
            "Bien que le ministre ait assuré que « la laïcité est une liberté » et qu'il ne faut "
            "pas deviner les opinions des élèves, tous n'ont pas accepté la règle.",
            "il ne faut pas deviner les opinions des élèves",
        ),
    ],
)
def test_a_clause_coordinated_with_a_marked_que_clause_is_its_own_report(ctx, text, clause) -> None:  # type: ignore[no-untyped-def]
    quotes = analyzed_quotes(text, ctx)
    report = next((q for q in quotes if q.kind == "indirect"), None)
    assert report is not None and report.text == clause
    marked = next(q for q in quotes if q.kind == "partial")
    assert report.speaker is not None and marked.speaker is not None
    assert report.speaker.name == marked.speaker.name


@pytest.mark.model
@pytest.mark.parametrize("paper", ["Nice-Matin", "Var-Matin", "Corse-Matin"])
def test_a_regional_paper_named_with_matin_is_one_source(ctx, paper: str) -> None:  # type: ignore[no-untyped-def]
    text = f"Selon {paper}, le groupe déambulait vendredi soir dans les rues de la ville."
    quote = find_quote(analyzed_quotes(text, ctx), "déambulait")
    assert quote is not None and quote.text.startswith("le groupe")
    assert quote.speaker is not None and quote.speaker.name == paper


@pytest.mark.model
def test_a_time_word_after_a_name_is_still_cut_off(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Le ministre Paul Roux a déclaré lundi matin que la réforme serait votée."
    assert analyzed_speaker(ctx, text, "réforme").name == "Paul Roux"


@pytest.mark.model
def test_a_next_sentence_that_denounces_lends_its_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Les salariés sont « traités comme des pions ». C'est ce qu'a dénoncé mardi Paul Roux."
    assert analyzed_speaker(ctx, text, "pions").name == "Paul Roux"


@pytest.mark.model
@pytest.mark.parametrize(
    "aside",
    ["l'avocat de la famille n'ayant pas souhaité s'exprimer", "l'avocat adverse ayant refusé"],
)
def test_a_phrase_with_its_article_after_the_outlet_is_not_the_speakers_role(ctx, aside) -> None:  # type: ignore[no-untyped-def]
    role = "l'avocat"
    text = (
        f"« La commission n'a rien prouvé », a déclaré Paul Roux à l'AFP, {aside}. "
        f"« C'est une première victoire », a poursuivi {role}."
    )
    assert analyzed_speaker(ctx, text, "première victoire").entity != "paul-roux"


@pytest.mark.model
def test_a_role_beside_a_monseigneur_says_which_prelate(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Mgr Paul Roux, évêque de Rodez, a reçu mardi Mgr Jean Martin, archevêque de Toulouse. "
        "« Nous avons parlé des abus », a expliqué l'évêque."
    )
    assert analyzed_speaker(ctx, text, "abus").entity == "paul-roux"


@pytest.mark.model
def test_the_church_is_no_ministry_named_before(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le ministère de l'Intérieur a publié les chiffres. « Nous sommes inquiets », a réagi "
        "l'Église."
    )
    assert analyzed_speaker(ctx, text, "inquiets").entity is None


@pytest.mark.model
def test_the_episcopate_is_the_bishops_conference_named_before(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La Conférence des évêques de France a publié mardi un rapport. « Nous sommes "
        "inquiets », a réagi l'épiscopat."
    )
    assert analyzed_speaker(ctx, text, "inquiets").entity == "conference-des-eveques-de-france"


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # the subjunctive: ``et que`` continues ``Bien que``
        "Bien que le maire ait affirmé que « la piscine rouvrira en mai » et que les travaux "
        "soient terminés, les riverains restent sceptiques.",
        # a reason: the author's, not the mayor's
        "Parce que le maire a dit que « le projet est d'intérêt général » et que personne ne "
        "l'a contredit, les travaux ont commencé.",
    ],
)
def test_a_coordinated_que_clause_of_a_concession_or_reason_is_no_report(ctx, text) -> None:  # type: ignore[no-untyped-def]
    assert all(q.kind != "indirect" for q in analyzed_quotes(text, ctx))


@pytest.mark.model
def test_an_apposition_with_its_article_after_the_outlet_is_still_the_speakers(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Nous irons jusqu'au bout », a déclaré Paul Roux à l'AFP, le maire de la commune. "
        "« C'est une question de principe », a ajouté le maire."
    )
    assert analyzed_speaker(ctx, text, "question de principe").entity == "paul-roux"


@pytest.mark.model
def test_a_demand_in_the_subjunctive_keeps_its_coordinated_clause(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "La famille a exigé que « justice soit rendue » et qu'une enquête indépendante soit ouverte."
    report = find_quote(analyzed_quotes(text, ctx), "enquête indépendante")
    assert report is not None and report.kind == "indirect"


@pytest.mark.model
def test_another_office_of_the_clergy_is_not_the_latest_priest(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "L'abbé Pierre Durand, curé de la paroisse, a ouvert l'église. « Tout le monde est le "
        "bienvenu », a souligné le vicaire."
    )
    assert analyzed_speaker(ctx, text, "bienvenu").entity is None
