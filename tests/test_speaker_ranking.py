"""The trained last resort: candidates' features, the pick and its threshold, the fit."""

from __future__ import annotations

import json

import pytest
from spacy.tokens import Doc

from allegiance.extract.speaker_ranking import (
    FEATURES,
    WEIGHTS,
    SpeakerRanker,
    _pickable,
    abstention_features,
    fit_ranker,
    packaged_ranker,
    quote_candidates,
    with_ranked_speakers,
)
from allegiance.models import Entity, Mention, Quote, Span, Speaker, Target
from doc_helpers import flat_doc, parsed_doc

# Marie Dupont a déclaré à Paul Martin . « Tout va bien » .
_ROWS = [
    ("Marie", 3, "nsubj", "PROPN"),
    ("Dupont", 0, "flat:name", "PROPN"),
    ("a", 3, "aux:tense", "AUX"),
    ("déclaré", 3, "ROOT", "VERB"),
    ("à", 5, "case", "ADP"),
    ("Paul", 3, "obl:arg", "PROPN"),
    ("Martin", 5, "flat:name", "PROPN"),
    (".", 3, "punct", "PUNCT"),
    ("«", 10, "punct", "PUNCT"),
    ("Tout", 10, "nsubj", "PRON"),
    ("va", 10, "ROOT", "VERB"),
    ("bien", 10, "advmod", "ADV"),
    ("»", 10, "punct", "PUNCT"),
    (".", 10, "punct", "PUNCT"),
]


_LEMMAS = {"déclaré": "déclarer", "va": "aller"}


def _parsed(rows: list[tuple[str, int, str, str]]) -> Doc:
    """A Doc of ``rows`` whose second sentence opens at the quote mark; no space around a
    paragraph break."""
    return parsed_doc(
        rows,
        lemmas=[_LEMMAS.get(w, w.lower()) for w, *_ in rows],
        sent_starts=[i == 0 or w == "«" for i, (w, *_) in enumerate(rows)],
        spaces=[w != "\n" and rows[i + 1][0] != "\n" for i, (w, *_) in enumerate(rows[:-1])]
        + [False],
    )


def _doc() -> Doc:
    return _parsed(_ROWS)


def _entity(doc: Doc, first: int, last: int, kind: str = "person") -> Entity:
    span = doc[first : last + 1]
    key = span.text.lower().replace(" ", "-")
    return Entity(key, span.text, kind, [Mention(span.text, span.start_char, span.end_char)])  # type: ignore[arg-type]


def _quote(doc: Doc, speaker: Speaker | None = None) -> Quote:
    span = doc[8:13]
    return Quote(span.text, span.start_char, span.end_char, "direct", speaker=speaker)


def test_candidates_read_position_syntax_and_speech_verbs() -> None:
    doc = _doc()
    marie, paul = _entity(doc, 0, 1), _entity(doc, 5, 6)
    got = {e.id: f for e, _, f in quote_candidates(doc, [marie, paul], [_quote(doc)], 0)}
    assert set(got) == {"marie-dupont", "paul-martin"}
    assert got["marie-dupont"]["subject_of_speech"] == 1.0
    assert got["marie-dupont"]["before"] == 1.0 and got["marie-dupont"]["after"] == 0.0
    assert "same_sentence" not in got["marie-dupont"]  # the quote is the next sentence
    assert got["paul-martin"]["oblique"] == 1.0
    assert "subject" not in got["paul-martin"]


def test_the_rules_speaker_of_the_quote_before_is_a_feature() -> None:
    doc = _doc()
    marie, paul = _entity(doc, 0, 1), _entity(doc, 5, 6)
    said = Quote("Marie", 0, 5, "partial", speaker=Speaker(marie.id, marie.name, None))
    got = {e.id: f for e, _, f in quote_candidates(doc, [marie, paul], [said, _quote(doc)], 1)}
    assert got["marie-dupont"]["previous_speaker"] == 1.0
    assert got["marie-dupont"]["rule_count"] > 0
    assert got["paul-martin"]["previous_speaker"] == 0.0


def test_a_mention_inside_the_quote_is_no_candidate() -> None:
    doc = _doc()
    inside = Entity("tout", "Tout", "person", [Mention("Tout", doc[9].idx, doc[9].idx + 4)])
    assert quote_candidates(doc, [inside], [_quote(doc)], 0) == []


def test_a_quote_without_a_speaker_gets_the_best_candidate_above_the_threshold() -> None:
    doc = _doc()
    marie, paul = _entity(doc, 0, 1), _entity(doc, 5, 6)
    ranker = SpeakerRanker({"subject_of_speech": 3.0}, threshold=0.5)
    [out] = with_ranked_speakers(doc, [marie, paul], [_quote(doc)], ranker)
    assert out.speaker is not None and out.speaker.entity == "marie-dupont"
    assert out.speaker.mention == Span("Marie Dupont", 0, 12)
    assert out.confidence <= 0.5


def test_whom_the_quote_is_about_is_no_candidate() -> None:
    doc = _doc()
    marie, paul = _entity(doc, 0, 1), _entity(doc, 5, 6)
    quote = _quote(doc)
    quote.about = [Target(marie.id, -1)]
    ranker = SpeakerRanker({"subject_of_speech": 3.0}, threshold=0.5)
    [out] = with_ranked_speakers(doc, [marie, paul], [quote], ranker)
    assert out.speaker is not None and out.speaker.entity == "paul-martin"
    assert out.about == [Target(marie.id, -1)]


def test_below_the_threshold_the_quote_keeps_no_speaker() -> None:
    doc = _doc()
    marie, paul = _entity(doc, 0, 1), _entity(doc, 5, 6)
    ranker = SpeakerRanker({}, threshold=0.6)  # two equal candidates: 0.5 each
    [out] = with_ranked_speakers(doc, [marie, paul], [_quote(doc)], ranker)
    assert out.speaker is None


def test_a_description_or_a_named_speaker_is_left_to_the_rules() -> None:
    doc = _doc()
    marie, paul = _entity(doc, 0, 1), _entity(doc, 5, 6)
    ranker = SpeakerRanker({"subject_of_speech": 3.0}, threshold=0.1)
    unnamed = _quote(doc, Speaker(None, "un porte-parole", None))
    named = _quote(doc, Speaker(paul.id, paul.name, None))
    out = with_ranked_speakers(doc, [marie, paul], [unnamed, named], ranker)
    assert out[0].speaker == Speaker(None, "un porte-parole", None)
    assert out[1].speaker is not None and out[1].speaker.entity == "paul-martin"


def test_places_are_no_candidates() -> None:
    doc = _doc()
    place = _entity(doc, 0, 1, "location")
    ranker = SpeakerRanker({}, threshold=0.0)
    [out] = with_ranked_speakers(doc, [place], [_quote(doc)], ranker)
    assert out.speaker is None


def _two_paragraphs() -> Doc:
    """Marie Dupont a déclaré à Paul Martin . ¶ « Tout va bien » ."""
    rows = _ROWS[:8] + [("\n", 7, "dep", "SPACE")] + [(w, h + 1, d, p) for w, h, d, p in _ROWS[8:]]
    return _parsed(rows)


def test_an_actor_named_only_in_the_paragraph_before_is_no_pick() -> None:
    doc = _two_paragraphs()
    marie, paul = _entity(doc, 0, 1), _entity(doc, 5, 6)
    span = doc[9:14]
    quote = Quote(span.text, span.start_char, span.end_char, "direct")
    # the features still see them (the window reaches the paragraph before) …
    assert {e.id for e, *_ in quote_candidates(doc, [marie, paul], [quote], 0)} == {
        "marie-dupont",
        "paul-martin",
    }
    # … but a new paragraph's quote is no one's from there
    eager = SpeakerRanker({"subject_of_speech": 5.0, "person": 5.0}, threshold=0.1)
    [out] = with_ranked_speakers(doc, [marie, paul], [quote], eager)
    assert out.speaker is None


def test_an_actor_named_only_inside_another_quote_is_no_pick() -> None:
    doc = _doc()
    marie, paul = _entity(doc, 0, 1), _entity(doc, 5, 6)
    other = doc[0:4]  # « Marie Dupont a déclaré », another source's words
    said = Quote(other.text, other.start_char, other.end_char, "partial")
    said.speaker = Speaker(None, "un élu", None)
    eager = SpeakerRanker({"subject_of_speech": 5.0}, threshold=0.1)
    out = with_ranked_speakers(doc, [marie, paul], [said, _quote(doc)], eager)
    assert out[1].speaker is not None and out[1].speaker.entity == "paul-martin"


def test_an_actor_named_only_as_an_object_is_no_pick() -> None:
    doc = _parsed([r if i != 5 else ("Paul", 3, "obj", "PROPN") for i, r in enumerate(_ROWS)])
    paul = _entity(doc, 5, 6)
    eager = SpeakerRanker({"person": 5.0}, threshold=0.1)
    [out] = with_ranked_speakers(doc, [paul], [_quote(doc)], eager)
    assert out.speaker is None
    [out] = with_ranked_speakers(doc, [paul, _entity(doc, 0, 1)], [_quote(doc)], eager)
    assert out.speaker is not None and out.speaker.entity == "marie-dupont"


def test_a_name_past_the_window_does_not_open_the_paragraph_to_an_actor() -> None:
    filler = ["mot"] * 80
    words = ["«", "Tout", "va", "bien", "»", ",", *filler, "Marie", "Dupont", "."]
    doc = flat_doc(words, ["O"] * len(words))
    quote = Quote("Tout va bien", doc[1].idx, doc[3].idx + 4, "direct")
    far = _entity(doc, len(words) - 3, len(words) - 2)
    assert far.mentions[0].start > quote.end + 300
    assert not _pickable(doc, [quote], 0, far, set())
    near = Entity("x", "X", "person", [Mention("mot", doc[7].idx, doc[7].idx + 3)])
    assert _pickable(doc, [quote], 0, near, set())
    assert not _pickable(doc, [quote], 0, near, {"x"})


def test_only_a_quote_in_a_first_line_over_more_lines_opens_as_a_headline() -> None:
    text = "« Tout va bien », dit-il."
    quote = Quote("Tout va bien", 2, 14, "direct")
    assert abstention_features(text, quote) == {"null": 1.0}
    assert abstention_features(text + "\nSuite.", quote) == {"null": 1.0, "null_headline": 1.0}
    described = Quote("Tout va bien ?", 2, 16, "direct", speaker=Speaker(None, "un élu", None))
    assert abstention_features("« Tout va bien ? »", described) == {
        "null": 1.0,
        "null_question": 1.0,
        "null_described": 1.0,
    }


def test_the_fit_learns_which_feature_marks_the_speaker() -> None:
    rows = [
        [({"same_sentence": 1.0, "person": 1.0}, True), ({"after": 1.0, "person": 1.0}, False)],
        [({"after": 1.0}, False), ({"same_sentence": 1.0}, True), ({"oblique": 1.0}, False)],
        [({"oblique": 1.0}, False), ({"same_sentence": 1.0, "oblique": 1.0}, True)],
        [({"same_sentence": 1.0}, False), ({"after": 1.0}, False)],  # no right one: skipped
    ]
    ranker = fit_ranker(rows, threshold=0.4, iterations=200)
    assert ranker.weights["same_sentence"] > 0 > ranker.weights["after"]
    assert ranker.threshold == 0.4
    p = ranker.probabilities([{"after": 1.0}, {"same_sentence": 1.0}])
    assert p[1] > 0.5 > p[0]
    assert abs(sum(p) - 1) < 1e-9


def test_the_packaged_weights_cover_the_features_and_came_from_dev_sets_only() -> None:
    ranker = packaged_ranker()
    assert set(ranker.weights) == set(FEATURES)
    assert 0 < ranker.threshold < 1
    data = json.loads(WEIGHTS.read_text("utf-8"))
    assert data["features"] == list(FEATURES)
    assert not {"fr-test", "fr-test-b", "fr-synth3"} & set(data["trained_on"])
    # the rules' own answer weighs most: the model only fills gaps
    assert max(ranker.weights, key=lambda k: abs(ranker.weights[k])) == "rule"


@pytest.mark.parametrize("weights", [{"person": 2.0}, {"oblique": 4.0}])
def test_the_pick_follows_the_weights(weights: dict[str, float]) -> None:
    doc = _doc()
    marie, bank = _entity(doc, 0, 1), _entity(doc, 5, 6, "organization")
    [out] = with_ranked_speakers(doc, [marie, bank], [_quote(doc)], SpeakerRanker(weights, 0.5))
    expected = "marie-dupont" if "person" in weights else "paul-martin"
    assert out.speaker is not None and out.speaker.entity == expected


_GAP = (
    "La ministre de la Santé Claire Vautrin a reçu les syndicats lundi à Paris. Le dossier des "
    "urgences, « c'est une priorité absolue pour tout le gouvernement », et les négociations "
    "reprendront en mars."
)
#: a ranker that takes any person it is offered: the stage's wiring, not the shipped weights
_EAGER = SpeakerRanker({"person": 5.0}, threshold=0.3)


def _contexts():  # type: ignore[no-untyped-def]
    from allegiance.pipeline import Context
    from allegiance.resolve.kb import default_kb

    return Context(kb=default_kb(), speaker_ranker=_EAGER), Context(kb=default_kb())


@pytest.mark.model
def test_the_pipeline_fills_a_french_gap_only_with_a_ranker() -> None:
    from allegiance.analysis import analyze, default_context

    on, off = (analyze(_GAP, lang="fr", published="2025-03-04", context=c) for c in _contexts())
    assert [q.speaker for q in off.quotes] == [None]
    [quote] = on.quotes
    assert quote.speaker is not None and quote.speaker.name == "Claire Vautrin"
    assert quote.confidence <= 0.5
    assert default_context().speaker_ranker == packaged_ranker()


@pytest.mark.model
def test_english_quotes_are_left_to_the_rules() -> None:
    from allegiance.analysis import analyze

    text = (
        "Health minister Claire Vautrin met the unions on Monday in Paris. The emergency file, "
        '"a top priority for the whole government", and talks resume in March.'
    )
    on, off = (analyze(text, lang="en", published="2025-03-04", context=c) for c in _contexts())
    assert [q.speaker for q in off.quotes] == [None]  # a gap the French ranker would fill
    assert [q.speaker for q in on.quotes] == [None]


_BANNER = (
    "Des milliers de manifestants ont défilé à Lyon derrière Sophie Binet. Sur les banderoles, "
    "on pouvait lire « Bayrou, rends-nous nos retraites »."
)


@pytest.mark.model
def test_a_written_text_gets_no_one() -> None:
    from allegiance.analysis import analyze

    on, off = (analyze(_BANNER, lang="fr", published="2025-03-04", context=c) for c in _contexts())
    assert [q.speaker for q in off.quotes] == [None]
    assert [q.speaker for q in on.quotes] == [None]
    # the same quote with nothing read out is the eager ranker's to give
    heard = _BANNER.replace("Sur les banderoles, on pouvait lire ", "")
    [quote] = analyze(heard, lang="fr", published="2025-03-04", context=_contexts()[0]).quotes
    assert quote.speaker is not None and quote.speaker.name == "Sophie Binet"
