"""English reported speech without marks: verb objects that are not speech (issue #3).

Invented sentences through the packaged English model: what must not be reported (a sum
pledged, funding sought, evidence highlighted, a passive with no agent, the question put to a
speaker, a heading) and what must stay (stance objects, ``called X a Y``, real clauses).
"""

from __future__ import annotations

import pytest

from allegiance.models import Quote
from quote_helpers import quotes_of

pytestmark = pytest.mark.model

NAMES = {
    "john-carter": ["John Carter", "Carter", "John"],
    "anna-price": ["Anna Price", "Price", "Anna"],
    "org-globex": ["Globex"],
}


def _indirect(nlp, body: str) -> list[Quote]:  # type: ignore[no-untyped-def]
    return [q for q in quotes_of(nlp, body, NAMES, "en") if q.kind == "indirect"]


@pytest.mark.parametrize(
    "body",
    [
        "Anna Price pledged $1 billion to the project.",
        "The announcement of the merger sought more funding from investors.",
        "Globex raised only $130 million, highlighting the need for further funding.",
        "John Carter is being urged to cancel the rocket program.",
        "Some lawmakers showed little interest in the hearing.",
        "The company is expected to pay a fair value for the assets.",
    ],
)
def test_non_speech_objects_are_not_quotes(en_nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert [q.text for q in _indirect(en_nlp, body)] == []


def test_question_put_to_the_speaker_is_not_his_quote(en_nlp) -> None:  # type: ignore[no-untyped-def]
    quotes = _indirect(en_nlp, "Asked about the lawsuit, John Carter said the claims were false.")
    assert [q.text for q in quotes] == ["the claims were false"]
    assert quotes[0].speaker is not None and quotes[0].speaker.entity == "john-carter"


def test_that_as_subject_stays_in_the_content(en_nlp) -> None:  # type: ignore[no-untyped-def]
    quotes = _indirect(en_nlp, "Anna Price believes that is still the case on Monday.")
    assert [q.text for q in quotes] == ["that is still the case on Monday"]


def test_clause_after_participle_cue_not_the_text_before(en_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "The bill passed the committee, with Globex fearing it was rushed."
    assert [q.text for q in _indirect(en_nlp, body)] == ["it was rushed"]


def test_content_stops_at_the_paragraph(en_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "John Carter called Anna Price a liar on X.\n\nPrice hit back on Monday."
    texts = [q.text for q in _indirect(en_nlp, body)]
    assert len(texts) == 1 and texts[0].startswith("Anna Price a liar on X")
    assert "hit back" not in texts[0]


def test_heading_with_empty_object_gives_nothing(en_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Carter sues Globex, argues about it on X\n\nBy 2024 things had come to a head."
    assert [q.text for q in _indirect(en_nlp, body)] == []


@pytest.mark.parametrize(
    ("body", "content"),
    [
        ("Anna Price criticized the plan on Tuesday.", "the plan"),
        ("Globex announced a new partnership with a chip maker.", "a new partnership"),
        ("John Carter defended the program and its workers.", "the program and its workers"),
    ],
)
def test_stance_objects_of_speech_verbs_stay(en_nlp, body: str, content: str) -> None:  # type: ignore[no-untyped-def]
    texts = [q.text for q in _indirect(en_nlp, body)]
    assert any(t.startswith(content) for t in texts), texts
