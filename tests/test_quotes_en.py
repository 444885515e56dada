"""English quotes through the real model, on invented sentences."""

from __future__ import annotations

import pytest

from allegiance.extract.quote_marks import find_marked_spans
from allegiance.models import Quote
from quote_helpers import quote_with, quotes_of

NAMES = {
    "john-carter": ["John Carter", "Carter", "John"],
    "anna-price": ["Anna Price", "Price", "Anna"],
    "org-globex": ["Globex"],
}


def test_single_quotes_only_when_paired_at_word_boundaries() -> None:
    text = "It's the voters' choice, he said, calling it 'a real mess' today."
    spans = find_marked_spans(text, single_quotes=True)
    assert [text[s.start : s.end] for s in spans] == ["a real mess"]


def test_straight_double_quotes() -> None:
    text = 'He said "we will win" and "soon."'
    assert [text[s.start : s.end] for s in find_marked_spans(text)] == ["we will win", "soon."]


def _speaker(q: Quote) -> str | None:
    return q.speaker.entity if q.speaker else None


@pytest.mark.model
def test_said_after_quote_inverted(en_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "“We will fight this decision in court,” said John Carter, the chief executive of Globex."
    )
    q = quote_with(quotes_of(en_nlp, body, NAMES, "en"), "fight")
    assert q.kind == "direct" and _speaker(q) == "john-carter"
    assert q.cue is not None and q.cue.text == "said"


@pytest.mark.model
def test_speaker_said_before_quote(en_nlp) -> None:  # type: ignore[no-untyped-def]
    body = 'Anna Price said "John Carter is a liar and a fraud."'
    q = quote_with(quotes_of(en_nlp, body, NAMES, "en"), "liar")
    assert _speaker(q) == "anna-price"
    assert ("john-carter", -1) in [(t.entity, t.stance) for t in q.about]


@pytest.mark.model
def test_pronoun_speaker_and_continuation(en_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Anna Price spoke to reporters on Monday. “The plan is working,” she said. "
        "“We expect more growth next year.”\n\n“And we will hire.”"
    )
    quotes = quotes_of(en_nlp, body, NAMES, "en")
    for fragment in ("working", "growth", "hire"):
        assert _speaker(quote_with(quotes, fragment)) == "anna-price", fragment


@pytest.mark.model
def test_according_to_and_indirect(en_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "According to John Carter, Globex will close two factories. "
        "Anna Price said that the company had misled its workers."
    )
    quotes = quotes_of(en_nlp, body, NAMES, "en")
    q1 = quote_with(quotes, "close two factories")
    assert q1.kind == "indirect" and _speaker(q1) == "john-carter"
    q2 = quote_with(quotes, "misled")
    assert q2.kind == "indirect" and _speaker(q2) == "anna-price"
    assert "the company" not in (q2.speaker.name if q2.speaker else "")


@pytest.mark.model
def test_unnamed_role_speaker(en_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "“The investigation is ongoing,” a spokesman for the ministry told reporters."
    q = quote_with(quotes_of(en_nlp, body, NAMES, "en"), "investigation")
    assert q.speaker is not None and q.speaker.entity is None
    assert "spokesman" in q.speaker.name


@pytest.mark.model
def test_so_called_is_a_scare_quote(en_nlp) -> None:  # type: ignore[no-untyped-def]
    body = 'The so-called "efficiency" plan was announced by Globex on Tuesday.'
    assert not [q for q in quotes_of(en_nlp, body, NAMES, "en") if q.text == "efficiency"]


@pytest.mark.model
def test_partial_quote_called(en_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Carter attacked Anna Price on Twitter, calling her “a total disgrace” on Friday."
    q = quote_with(quotes_of(en_nlp, body, NAMES, "en"), "disgrace")
    assert q.kind == "partial" and _speaker(q) == "john-carter"
    assert ("anna-price", -1) in [(t.entity, t.stance) for t in q.about]


@pytest.mark.model
def test_negated_praise(en_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "“John Carter is not a great leader,” Anna Price said."
    q = quote_with(quotes_of(en_nlp, body, NAMES, "en"), "leader")
    assert _speaker(q) == "anna-price"
    assert [(t.entity, t.stance) for t in q.about] == [("john-carter", -1)]


def test_doubled_apostrophes_are_double_quotation_marks() -> None:
    text = "''We will win,'' he said. ''It's a start.''"
    spans = find_marked_spans(text, single_quotes=True)
    assert [text[s.start : s.end] for s in spans] == ["We will win,", "It's a start."]


@pytest.mark.model
def test_noun_phrase_object_of_a_stance_verb(en_nlp) -> None:  # type: ignore[no-untyped-def]
    quotes = quotes_of(en_nlp, "John Carter criticized the new tax plan on Monday.", NAMES, "en")
    q = quote_with(quotes, "the new tax plan")
    assert q.kind == "indirect"
    assert _speaker(q) == "john-carter"


@pytest.mark.model
def test_called_object_and_predicate(en_nlp) -> None:  # type: ignore[no-untyped-def]
    quotes = quotes_of(en_nlp, "Anna Price called the charges completely false.", NAMES, "en")
    q = quote_with(quotes, "the charges completely false")
    assert _speaker(q) == "anna-price"


@pytest.mark.model
def test_incise_splits_the_reported_sentence(en_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "The museum, John Carter said, celebrates many heroes of the country."
    quotes = quotes_of(en_nlp, body, NAMES, "en")
    texts = {q.text for q in quotes}
    assert "The museum" in texts
    assert any(t.startswith("celebrates many heroes") for t in texts)
    assert all(_speaker(q) == "john-carter" for q in quotes)


@pytest.mark.model
def test_definite_description_refers_back(en_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Anna Price, the senator from Ohio, spoke on Monday. "
        '"We are ready for this fight," the senator said.'
    )
    q = quote_with(quotes_of(en_nlp, body, NAMES, "en"), "We are ready")
    assert _speaker(q) == "anna-price"


@pytest.mark.model
def test_title_abbreviation_does_not_end_the_sentence(en_nlp) -> None:  # type: ignore[no-untyped-def]
    body = 'The vote is next week.  "It will be our first task," Mr. Carter said.'
    q = quote_with(quotes_of(en_nlp, body, NAMES, "en"), "first task")
    assert _speaker(q) == "john-carter"
    assert q.cue is not None and q.cue.text == "said"


@pytest.mark.model
def test_transcript_label_names_the_speaker(en_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Anna Price was interviewed on Sunday. A transcript follows:\n\n"
        '"HOST: Why did you sign it?\n\n"PRICE: Well, the deal is fair to everyone.'
    )
    q = quote_with(quotes_of(en_nlp, body, NAMES, "en"), "fair to everyone")
    assert q.text.startswith("Well")  # the label is not part of the speech
    assert _speaker(q) == "anna-price"
    host = quote_with(quotes_of(en_nlp, body, NAMES, "en"), "Why did")
    assert host.speaker is not None and host.speaker.name == "HOST"


@pytest.mark.model
def test_name_after_a_dash_signs_the_quote(en_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Readers sent us their views. “The plan is a disgrace and a waste of money.”― Anna Price "
        "“We deserve a better deal than this one.” ―John Carter."
    )
    quotes = quotes_of(en_nlp, body, NAMES, "en")
    assert _speaker(quote_with(quotes, "disgrace")) == "anna-price"
    assert _speaker(quote_with(quotes, "better deal")) == "john-carter"


@pytest.mark.model
def test_weekday_after_the_cue_is_not_the_speaker(en_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "The inquiry goes on.  “I make this promise to you: we will find the truth,” "
        "Globex chief John Carter said Monday. “I want to reassure everyone.”"
    )
    quotes = quotes_of(en_nlp, body, NAMES, "en")
    assert _speaker(quote_with(quotes, "promise")) == "john-carter"
    assert _speaker(quote_with(quotes, "reassure")) == "john-carter"


@pytest.mark.model
def test_relative_pronoun_subject_is_the_mention(en_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "The talks failed because of Anna Price, who said that the offer was far too low."
    q = quote_with(quotes_of(en_nlp, body, NAMES, "en"), "offer was far too low")
    assert _speaker(q) == "anna-price"
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == "who"
