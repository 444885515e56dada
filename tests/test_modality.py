"""Modality of event cues: negation, future, hypothetical, reported, historical."""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.extract.event_cues import load_lexicon
from allegiance.extract.modality import date_end, is_old, modality_of


def _fr_doc(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    lemmas: list[str],
    morphs: list[str],
) -> Doc:
    vocab = spacy.blank("fr").vocab
    return Doc(
        vocab,
        words=words,
        spaces=[True] * (len(words) - 1) + [False],
        heads=heads,
        deps=deps,
        pos=pos,
        lemmas=lemmas,
        morphs=morphs,
    )


def test_hand_built_negation_and_assertion() -> None:
    lex = load_lexicon("fr")
    neg = _fr_doc(
        ["Musk", "n'", "a", "pas", "critiqué", "Altman", "."],
        [4, 4, 4, 4, 4, 4, 4],
        ["nsubj", "advmod", "aux:tense", "advmod", "ROOT", "obj", "punct"],
        ["PROPN", "ADV", "AUX", "ADV", "VERB", "PROPN", "PUNCT"],
        ["Musk", "ne", "avoir", "pas", "critiquer", "Altman", "."],
        ["", "Polarity=Neg", "Mood=Ind|Tense=Pres", "Polarity=Neg", "VerbForm=Part", "", ""],
    )
    pos = _fr_doc(
        ["Musk", "a", "critiqué", "Altman", "."],
        [2, 2, 2, 2, 2],
        ["nsubj", "aux:tense", "ROOT", "obj", "punct"],
        ["PROPN", "AUX", "VERB", "PROPN", "PUNCT"],
        ["Musk", "avoir", "critiquer", "Altman", "."],
        ["", "Mood=Ind|Tense=Pres", "VerbForm=Part", "", ""],
    )
    assert modality_of(neg[4], lex) == "negated"
    assert modality_of(pos[2], lex) == "asserted"


def test_hand_built_conditional_is_reported_and_modal_is_hypothetical() -> None:
    lex = load_lexicon("fr")
    reported = _fr_doc(
        ["Musk", "aurait", "investi", "dans", "xAI"],
        [2, 2, 2, 4, 2],
        ["nsubj", "aux:tense", "ROOT", "case", "obl:arg"],
        ["PROPN", "AUX", "VERB", "ADP", "PROPN"],
        ["Musk", "avoir", "investir", "dans", "xAI"],
        ["", "Mood=Cnd|Tense=Pres", "VerbForm=Part", "", ""],
    )
    hypo = _fr_doc(
        ["Musk", "pourrait", "poursuivre", "OpenAI"],
        [1, 1, 1, 2],
        ["nsubj", "ROOT", "xcomp", "obj"],
        ["PROPN", "VERB", "VERB", "PROPN"],
        ["Musk", "pouvoir", "poursuivre", "OpenAI"],
        ["", "Mood=Cnd|Tense=Pres", "VerbForm=Inf", ""],
    )
    assert modality_of(reported[2], lex) == "reported"
    assert modality_of(hypo[2], lex) == "hypothetical"


def test_historical_by_date() -> None:
    assert date_end("2018") == date(2018, 12, 31)
    assert date_end("2024-02") == date(2024, 2, 29)
    assert is_old("2018", date(2025, 1, 24))
    assert not is_old("2024-12", date(2025, 1, 24))
    assert not is_old("2018", None)


def _cue(doc: Doc, lemma: str):  # type: ignore[no-untyped-def]
    return next(t for t in doc if t.lemma_.lower() == lemma)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "lemma", "expected"),
    [
        ("Musk n'a pas critiqué Altman.", "critiquer", "negated"),
        ("Musk a critiqué Altman.", "critiquer", "asserted"),
        ("Musk pourrait poursuivre OpenAI.", "poursuivre", "hypothetical"),
        ("Tesla va investir 5 milliards de dollars dans Rivian.", "investir", "future"),
        ("Selon le journal, Musk aurait investi dans xAI.", "investir", "reported"),
        ("Musk a menacé de poursuivre OpenAI.", "poursuivre", "future"),
        ("Musk a menacé de poursuivre OpenAI.", "menacer", "asserted"),
        ("Musk a à plusieurs reprises attaqué OpenAI.", "attaquer", "historical"),
    ],
)
def test_french_modality(fr_nlp, text: str, lemma: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    doc = fr_nlp(text)
    assert modality_of(_cue(doc, lemma), load_lexicon("fr")) == expected


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "lemma", "expected"),
    [
        ("Musk did not endorse Trump.", "endorse", "negated"),
        ("Musk never sued OpenAI.", "sue", "negated"),
        ("Musk endorsed Trump.", "endorse", "asserted"),
        ("Musk threatened to sue OpenAI.", "sue", "future"),
        ("Musk threatened to sue OpenAI.", "threaten", "asserted"),
        ("Musk sued OpenAI.", "sue", "asserted"),
        ("Musk could sue OpenAI.", "sue", "hypothetical"),
        ("Microsoft will invest $10 billion in OpenAI.", "invest", "future"),
        ("Musk allegedly backed the coup.", "back", "reported"),
        ("Musk has repeatedly attacked OpenAI.", "attack", "historical"),
        ("We will buy Tesla if you want.", "buy", "hypothetical"),
    ],
)
def test_english_modality(en_nlp, text: str, lemma: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    doc = en_nlp(text)
    assert modality_of(_cue(doc, lemma), load_lexicon("en")) == expected
