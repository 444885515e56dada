"""French quote detection, fifth round (invented sentences): guillemets written backwards, the
request cue the lemmatizer leaves uninflected (``demande à X de …``), and a published document
as the subject of a cue (``Une vidéo publiée par X accuse Y de …``): the accused is no speaker,
the document speaks for its author."""

from __future__ import annotations

import pytest

from allegiance.extract.quote_marks import find_marked_spans
from allegiance.models import Quote
from quote_helpers import quotes_of

NAMES = {
    "jeanne-roux": ["Jeanne Roux"],
    "paul-morel": ["Paul Morel"],
    "marc-blanc": ["Marc Blanc"],
}


def _indirect(quotes: list[Quote]) -> list[tuple[str, str | None]]:
    """(content, speaker name) of each indirect quote."""
    return [(q.text, q.speaker.name if q.speaker else None) for q in quotes if q.kind == "indirect"]


def _contents(text: str) -> list[str]:
    return [text[s.start : s.end] for s in find_marked_spans(text)]


def test_backwards_guillemets_enclose_the_quote() -> None:
    text = "Le maire a répondu » nous ne céderons pas « avant de partir."
    spans = find_marked_spans(text)
    assert _contents(text) == [" nous ne céderons pas "]
    assert not any(s.orphan or s.unclosed for s in spans)


def test_guillemets_in_order_are_left_alone() -> None:
    text = "« Nous ne céderons pas », a dit le maire. Il a ajouté « jamais »."
    assert _contents(text) == [" Nous ne céderons pas ", " jamais "]
    assert _contents("Il a dit « oui » puis « non ».") == [" oui ", " non "]


def test_a_closing_then_opening_mark_across_sentences_is_not_reversed() -> None:
    # the end of one quote and the start of another, not a reversed pair
    text = "fin de la phrase », a dit le maire. Puis « une autre"
    spans = find_marked_spans(text)
    assert spans[0].orphan and spans[-1].unclosed


@pytest.mark.model
@pytest.mark.parametrize(
    ("body", "content", "speaker"),
    [
        ("Jeanne Roux demande à Paul Morel de retirer sa plainte.", "de retirer sa", "Jeanne Roux"),
        (
            "Paul Morel exhorte les élus de la région à voter le budget.",
            "à voter le budget",
            "Paul Morel",
        ),
    ],
)
def test_request_cue_in_the_present(fr_nlp, body: str, content: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    found = _indirect(quotes_of(fr_nlp, body, NAMES))
    assert len(found) == 1
    assert content in found[0][0]
    assert found[0][1] == speaker


@pytest.mark.model
@pytest.mark.parametrize(
    "body",
    [
        "Une vidéo publiée par Marc Blanc accuse Paul Morel de mentir sur ses revenus.",
        "Marc Blanc a publié dimanche une vidéo. La vidéo accuse Paul Morel de mentir sur ses revenus.",
    ],
)
def test_a_document_speaks_for_its_author(fr_nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    found = _indirect(quotes_of(fr_nlp, body, NAMES))
    assert found == [("de mentir sur ses revenus", "Marc Blanc")]


@pytest.mark.model
def test_the_accused_is_never_the_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Une vidéo anonyme accuse Paul Morel de mentir sur ses revenus."
    assert all(s != "Paul Morel" for _, s in _indirect(quotes_of(fr_nlp, body, NAMES)))


@pytest.mark.model
def test_an_inverted_subject_read_as_object_stays_the_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    # ``comme l'a souligné X, …``: X follows the cue but the content is no ``de``-clause
    body = "Comme l'a souligné Jeanne Roux, il est parfois difficile de vérifier ces chiffres."
    found = _indirect(quotes_of(fr_nlp, body, NAMES))
    assert found and found[0][1] == "Jeanne Roux"


@pytest.mark.model
def test_a_guessed_request_with_nobody_asked_is_no_request(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Celle sur les engrais demande d'interdire la vente de ces produits aux particuliers."
    assert _indirect(quotes_of(fr_nlp, body, NAMES)) == []
