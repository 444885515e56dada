"""French reported speech as wire copy writes it (invented sentences): a postposed cue whose
inverted subject stands past words of time and adjuncts, ``a fait savoir X``, a ``que`` far
from its cue, a report ended by a colon that announces a quote, and the charge of ``accuser``
hung on the accused."""

from __future__ import annotations

import pytest

from allegiance.models import Quote
from quote_helpers import quotes_of

NAMES = {
    "terre-vive": ["Terre Vive"],
    "paul-martin": ["Paul Martin", "Martin"],
    "le-courrier-du-nord": ["Le Courrier du Nord"],
    "unsa": ["UNSA"],
}


def _reports(quotes: list[Quote]) -> list[tuple[str, str | None]]:
    return [
        (q.text, q.speaker.entity if q.speaker else None) for q in quotes if q.kind == "indirect"
    ]


@pytest.mark.model
def test_inverted_subject_past_a_day_and_an_addressee(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Trois gardiens ont été blessés lors de la mutinerie, a indiqué samedi à la presse "
        "l'association Terre Vive."
    )
    assert _reports(quotes_of(fr_nlp, body, NAMES)) == [
        ("Trois gardiens ont été blessés lors de la mutinerie", "terre-vive")
    ]


@pytest.mark.model
def test_inverted_subject_after_a_day_is_a_newspaper(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "La mairie pourrait fermer deux écoles à la rentrée, indique lundi le quotidien "
        "Le Courrier du Nord."
    )
    assert _reports(quotes_of(fr_nlp, body, NAMES)) == [
        ("La mairie pourrait fermer deux écoles à la rentrée", "le-courrier-du-nord")
    ]


@pytest.mark.model
def test_fait_savoir_with_its_subject_after_a_day(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Les agents ont fixé la date du 12 mai pour une journée de grève, a fait savoir "
        "jeudi l'UNSA."
    )
    assert _reports(quotes_of(fr_nlp, body, NAMES)) == [
        ("Les agents ont fixé la date du 12 mai pour une journée de grève", "unsa")
    ]


@pytest.mark.model
def test_que_after_a_long_adjunct(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Paul Martin a déclaré lors d'une conférence de presse à Lille qu'aucun accord "
        "n'avait été trouvé."
    )
    assert _reports(quotes_of(fr_nlp, body, NAMES)) == [
        ("aucun accord n'avait été trouvé", "paul-martin")
    ]


@pytest.mark.model
def test_a_colon_announcing_a_quote_ends_the_report(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Paul Martin a répété que le site ne fermerait pas : « Personne ne partira, je "
        "m'y engage. »"
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    assert _reports(quotes) == [("le site ne fermerait pas", "paul-martin")]
    assert [q.kind for q in quotes if q.text.startswith("Personne")] == ["direct"]


@pytest.mark.model
def test_the_charge_hung_on_the_accused(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Terre Vive a accusé des dizaines d'élus de mentir sur les rejets de l'usine."
    assert _reports(quotes_of(fr_nlp, body, NAMES)) == [
        ("de mentir sur les rejets de l'usine", "terre-vive")
    ]


@pytest.mark.model
def test_a_marked_word_in_a_report_is_the_reporter_s_partial_quote(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Un feu qui a pris samedi près de Nîmes était « maîtrisé » dans la soirée, après avoir "
        "détruit 40 hectares de garrigue, a indiqué la préfecture."
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    assert [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in quotes] == [
        ("partial", "maîtrisé", "la préfecture")
    ]


@pytest.mark.model
def test_a_term_in_marks_leaves_the_report_whole(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Trois « gigafactories » seront construites dans la région d'ici à 2030, après des "
        "années de négociations, a annoncé Paul Martin."
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    assert [(q.kind, q.speaker.entity if q.speaker else None) for q in quotes] == [
        ("indirect", "paul-martin")
    ]
    assert quotes[0].text.startswith("Trois « gigafactories » seront construites")
