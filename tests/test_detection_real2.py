"""French reports on constructions of real news (invented sentences): a source phrase the
parser cut off, a gerund of speech closing a content, a source opening a paragraph after a
quote, a subject cut off by the parser, an outlet reporting someone's marked words, an
opinion frame after a closing mark."""

from __future__ import annotations

import pytest

from allegiance.models import Quote
from quote_helpers import quotes_of

NAMES = {
    "org-bbc": ["BBC"],
    "org-chine": ["Chine"],
    "org-le-matin": ["Le Matin"],
    "org-cftc": ["Commodity Futures Trading Commission", "CFTC"],
    "jean-dupont": ["Jean Dupont", "Dupont"],
}


def _indirect(quotes: list[Quote]) -> list[Quote]:
    return [q for q in quotes if q.kind == "indirect"]


@pytest.mark.model
def test_source_phrase_cut_off_before_its_comma(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    # the parser closes ``Selon la BBC`` before the comma and cuts the clause again
    body = (
        "Selon la BBC, le Qatar et l'Égypte ont formulé une nouvelle proposition pour mettre "
        "fin à la guerre à Gaza."
    )
    found = _indirect(quotes_of(fr_nlp, body, NAMES))
    assert [q.text[:30] for q in found] == ["le Qatar et l'Égypte ont formu"]
    assert found[0].speaker is not None and found[0].speaker.entity == "org-bbc"


@pytest.mark.model
def test_gerund_of_speech_closes_the_charge(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "De son côté, la Chine a accusé lundi les autorités japonaises d'avoir violé l'accord "
        'de pêche dans la région, tout en assurant que le niveau restait "normal".'
    )
    found = _indirect(quotes_of(fr_nlp, body, NAMES))
    assert [q.text for q in found] == ["d'avoir violé l'accord de pêche dans la région"]


@pytest.mark.model
def test_source_opening_a_paragraph_after_an_incise(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Je ne comprends pas », s'est-elle demandée avec émotion.\n"
        "Selon une source policière, le suspect est un adolescent de seize ans."
    )
    texts = [q.text for q in _indirect(quotes_of(fr_nlp, body, NAMES))]
    assert texts == ["le suspect est un adolescent de seize ans"]


@pytest.mark.model
def test_subject_cut_off_by_the_parser(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le 5 mars, la Commodity Futures Trading Commission (CFTC) des États-Unis a accusé "
        "des dizaines de courtiers de tricher à l'examen."
    )
    found = _indirect(quotes_of(fr_nlp, body, NAMES))
    assert [q.text for q in found] == ["de tricher à l'examen"]
    assert found[0].speaker is not None and found[0].speaker.entity == "org-cftc"


@pytest.mark.model
def test_outlet_reports_someone_elses_marked_words(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le syndicat pourrait appeler à une grève nationale durant la première semaine de mars "
        "afin de s'opposer à la politique “injuste” du gouvernement, indique mardi le quotidien "
        "Le Matin."
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    found = _indirect(quotes)
    assert len(found) == 1 and found[0].text.startswith("Le syndicat pourrait appeler")
    assert "injuste" in [q.text for q in quotes if q.kind == "partial"]


@pytest.mark.model
def test_own_marked_words_leave_only_the_marks(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    # the speaker is a person, not an outlet: only the marks count, and ``pour les familles``
    # after a closing mark opens no ``Pour X, …`` opinion
    body = (
        "Le ministre veut supprimer cette taxe “injuste” pour les familles, a déclaré mardi "
        "Jean Dupont."
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    assert _indirect(quotes) == []
    assert [q.text for q in quotes] == ["injuste"]
