"""French quote detection across genres and constructions (invented sentences): quotes running
over paragraphs, embedded social-media posts, sources opening a sentence, incises of
``apprendre``, causative cues, coordinated reported clauses, and cues shared with a marked
quote."""

from __future__ import annotations

import pytest

from allegiance.extract.quote_marks import find_marked_spans, join_continued
from allegiance.models import Quote
from quote_helpers import quotes_of

NAMES = {
    "jeanne-dupont": ["Jeanne Dupont", "Dupont"],
    "terre-vive": ["Terre Vive"],
    "force-ouvriere": ["Force Ouvrière"],
    "paul-martin": ["Paul Martin", "Martin"],
}


def _indirect(quotes: list[Quote]) -> list[str]:
    return [q.text for q in quotes if q.kind == "indirect"]


def test_a_quote_over_paragraphs_is_one_span() -> None:
    text = "Elle raconte :\n\n« Tout a tremblé.\n\n« Puis plus rien. »\n\nLa suite."
    spans = join_continued(find_marked_spans(text))
    assert len(spans) == 1
    assert text[spans[0].start : spans[0].end] == " Tout a tremblé.\n\n« Puis plus rien. "


def test_separate_quotes_stay_apart() -> None:
    text = "« Un. » dit-il.\n\n« Deux. » ajoute-t-il."
    assert len(join_continued(find_marked_spans(text))) == 2


@pytest.mark.model
def test_quote_over_paragraphs_is_one_direct_quote(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Jeanne Dupont raconte la nuit du séisme :\n\n"
        "« Le sol a bougé d'un coup. Nous avons couru dehors.\n\n"
        "« Ensuite, plus personne ne répondait au téléphone. »\n\nLa ville reste sans eau."
    )
    quotes = [q for q in quotes_of(fr_nlp, body, NAMES) if q.kind == "direct"]
    assert len(quotes) == 1
    assert quotes[0].text.startswith("Le sol a bougé") and quotes[0].text.endswith("téléphone.")


@pytest.mark.model
@pytest.mark.parametrize(
    "post",
    [
        # the signature on a line of its own
        "Assez de promesses. Nous voulons des actes. Nous ne jouerons pas samedi.\n\n"
        "— Jeanne Dupont (@JDupont9) 3 mars 2025",
        # the embed code printed on one line: the text, the picture's link, the signature
        "Assez de promesses. Nous ne jouerons pas samedi. pic.twitter.com/x1Y2z3 — Jeanne "
        "Dupont (@JDupont9) March 3, 2025",
    ],
)
def test_embedded_post_is_a_direct_quote_of_its_author(fr_nlp, post: str) -> None:  # type: ignore[no-untyped-def]
    body = (
        f"La capitaine Jeanne Dupont a publié un message sur X.\n\n{post}\n\n"
        "La direction n'a pas réagi."
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    quote = next(q for q in quotes if q.text.startswith("Assez de promesses"))
    assert quote.kind == "direct" and quote.text.endswith("samedi.")
    assert quote.speaker is not None and quote.speaker.entity == "jeanne-dupont"


@pytest.mark.model
def test_marks_inside_a_post_are_part_of_the_post(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "La capitaine Jeanne Dupont a publié un message sur X.\n\n"
        "Le club détourne le “règlement” pour nous punir. Nous ne jouerons pas samedi. "
        "pic.twitter.com/x1Y2z3 — Jeanne Dupont (@JDupont9) March 3, 2025\n\nFin."
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    assert [q.text[:9] for q in quotes] == ["Le club d"]
    assert quotes[0].kind == "direct" and quotes[0].text.endswith("samedi.")


@pytest.mark.model
def test_a_link_in_a_sentence_signs_no_post(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Le club a publié la vidéo pic.twitter.com/x1Y2z3 - un montage de ses buts - mardi."
    assert all(q.kind != "direct" for q in quotes_of(fr_nlp, body, NAMES))


@pytest.mark.model
def test_quote_after_a_facebook_page_is_speech(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Jeanne Dupont s'est félicitée du vote sur sa page Facebook : « Nous avons tenu bon. "
        "Nos familles sont protégées. »"
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    assert [q.text for q in quotes if q.kind == "direct"] == [
        "Nous avons tenu bon. Nos familles sont protégées."
    ]


@pytest.mark.model
def test_source_opening_a_sentence_with_a_relative_aside(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "D'après l'association Terre Vive, qui travaille dans une vingtaine de communes, près "
        "de 30 % des foyers n'avaient pas d'eau potable jeudi."
    )
    assert _indirect(quotes_of(fr_nlp, body, NAMES)) == [
        "près de 30 % des foyers n'avaient pas d'eau potable jeudi"
    ]


@pytest.mark.model
def test_source_pronoun_is_the_speaker_not_the_subject(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "D'après lui, le gouvernement craint surtout une grève dans les transports."
    quotes = quotes_of(fr_nlp, body, NAMES)
    assert _indirect(quotes) == ["le gouvernement craint surtout une grève dans les transports"]
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "lui"


@pytest.mark.model
def test_relative_clause_after_a_closing_source_is_not_the_report(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Plus de 200 personnes ont été arrêtées depuis lundi, selon le ministère de l'Intérieur, "
        "dont les chiffres sont contestés par l'opposition."
    )
    assert _indirect(quotes_of(fr_nlp, body, NAMES)) == [
        "Plus de 200 personnes ont été arrêtées depuis lundi"
    ]


@pytest.mark.model
def test_learned_from_a_source(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Le tribunal a fermé ses portes mardi, a-t-on appris de source judiciaire."
    quotes = quotes_of(fr_nlp, body, NAMES)
    assert _indirect(quotes) == ["Le tribunal a fermé ses portes mardi"]
    assert quotes[0].speaker is not None and quotes[0].speaker.name == "source judiciaire"


@pytest.mark.model
def test_faire_savoir_reports_a_clause(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Plusieurs communes ont fait savoir qu'elles saisiraient le Conseil d'État."
    assert _indirect(quotes_of(fr_nlp, body, NAMES)) == ["elles saisiraient le Conseil d'État"]


@pytest.mark.model
def test_coordinated_clause_without_marks_is_its_own_report(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Jeanne Dupont a assuré que la taxe serait « provisoire » et qu'elle serait supprimée "
        "dans trois ans."
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    assert [q.text for q in quotes if q.kind == "partial"] == ["provisoire"]
    assert _indirect(quotes) == ["elle serait supprimée dans trois ans"]


@pytest.mark.model
def test_coordinated_clauses_without_marks_stay_one_report(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Le maire a dit que la ville était prête et que les routes seraient rouvertes lundi."
    assert len(_indirect(quotes_of(fr_nlp, body, NAMES))) == 1


@pytest.mark.model
def test_second_verb_after_a_marked_quote_reports_a_clause(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le syndicat Force Ouvrière a dénoncé un « coup monté » et rappelé que l'enquête "
        "n'avait pas établi les responsabilités."
    )
    assert _indirect(quotes_of(fr_nlp, body, NAMES)) == [
        "l'enquête n'avait pas établi les responsabilités"
    ]


@pytest.mark.model
def test_verb_inside_a_report_with_marks_adds_no_report(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Jeanne Dupont a annoncé qu'elle transmettrait un « dossier complet » au Conseil et "
        "demanderait à être entendue par les juges."
    )
    assert _indirect(quotes_of(fr_nlp, body, NAMES)) == []


@pytest.mark.model
def test_participle_and_advocacy_cues(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "La mairie de Lille a publié mardi un démenti, rappelant que l'eau fait l'objet de "
        "milliers de contrôles par an.\n\nL'association Terre Vive a salué « un pas important », "
        "tout en plaidant pour aller plus loin sur la fiscalité du numérique."
    )
    assert _indirect(quotes_of(fr_nlp, body, NAMES)) == [
        "l'eau fait l'objet de milliers de contrôles par an",
        "pour aller plus loin sur la fiscalité du numérique",
    ]


@pytest.mark.model
def test_telling_verbs_with_an_infinitive(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Une voisine, encore sous le choc, explique avoir vu deux hommes désarmer l'agresseur."
    assert _indirect(quotes_of(fr_nlp, body, NAMES)) == [
        "avoir vu deux hommes désarmer l'agresseur"
    ]


@pytest.mark.model
def test_pronoun_subject_read_as_expletive(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Jeanne Dupont a confirmé l'incident. Il m'a assuré que le dossier serait examiné en "
        "priorité par la région."
    )
    assert _indirect(quotes_of(fr_nlp, body, NAMES)) == [
        "le dossier serait examiné en priorité par la région"
    ]


@pytest.mark.model
def test_passive_naming_participle_with_agent_is_a_partial_quote(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le déficit reste lourd. La dette, jugée « explosive » par Paul Martin, dépasse le budget."
    )
    quote = next(q for q in quotes_of(fr_nlp, body, NAMES) if q.text == "explosive")
    assert quote.kind == "partial"
    assert quote.speaker is not None and quote.speaker.entity == "paul-martin"


@pytest.mark.model
def test_second_fragment_after_a_repeated_determiner(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Jeanne Dupont dénonce une « farce » et une « honte » pour les locataires."
    texts = [q.text for q in quotes_of(fr_nlp, body, NAMES)]
    assert "farce" in texts and "honte" in texts


@pytest.mark.model
def test_no_quote_in_marks_for_titles_ratings_and_denials(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Paul Martin a publié l'an dernier « Les Chemins de mon père », un récit d'enfance. "
        "Son roman, « La Maison du bout du monde », sort en mai. "
        "Une analyste a relevé sa recommandation de « vendre » à « neutre ».\n\n"
        "Non, le lait n'a pas été déclaré « dangereux pour la santé »\n\nIl reste en vente."
    )
    assert quotes_of(fr_nlp, body, NAMES) == []


@pytest.mark.model
def test_a_post_on_x_after_a_colon_is_not_a_title(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Jeanne Dupont a publié sur X : « Honte à vous »."
    assert [q.text for q in quotes_of(fr_nlp, body, NAMES)] == ["Honte à vous"]


@pytest.mark.model
def test_asking_not_to_be_named_reports_nothing(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Un employé, qui a demandé à ne pas être cité, a dit que la direction mentait. "
        "Une voisine a demandé à garder l'anonymat."
    )
    assert _indirect(quotes_of(fr_nlp, body, NAMES)) == ["la direction mentait"]


@pytest.mark.model
def test_postposed_cue_with_an_adjunct_before_its_subject(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Le tunnel sera fermé, comme l'avait annoncé à l'époque Jeanne Dupont."
    quote = next(q for q in quotes_of(fr_nlp, body, NAMES) if q.kind == "indirect")
    assert quote.text == "Le tunnel sera fermé"
    assert quote.speaker is not None and quote.speaker.entity == "jeanne-dupont"


@pytest.mark.model
def test_marked_subheading_takes_the_speaker_of_its_repeat(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le sommet de Genève\n\n« Une farce sinistre »\n\n"
        "Les débats ont duré la nuit. Jeanne Dupont a dénoncé « une farce sinistre » et quitté "
        "la salle."
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    heading = next(q for q in quotes if q.text == "Une farce sinistre")
    assert heading.speaker is not None and heading.speaker.entity == "jeanne-dupont"


@pytest.mark.model
def test_source_in_brackets_after_the_quote(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "La grève continue. « Nous ne lâcherons rien. » (Jeanne Dupont)"
    quote = next(q for q in quotes_of(fr_nlp, body, NAMES) if q.kind == "direct")
    assert quote.speaker is not None and quote.speaker.entity == "jeanne-dupont"


@pytest.mark.model
def test_dialogue_dash_with_an_incise_is_a_direct_quote(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Jeanne Dupont ferme la porte.\n"
        "— Je ne reviendrai pas, dit-elle.\n"
        "Les mesures :\n- baisser les loyers, geler les charges\n"
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    assert [q.text for q in quotes] == ["Je ne reviendrai pas"]
    assert quotes[0].kind == "direct"
    assert quotes[0].speaker is not None and quotes[0].speaker.entity == "jeanne-dupont"
