"""Quotes said by several named actors at once get one copy per speaker."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.analysis import analyze, default_context
from allegiance.extract.joint_speakers import with_joint_speakers
from allegiance.models import Entity, Mention, Quote, Span, Speaker

_VOCAB = spacy.blank("fr").vocab


def _doc(rows: list[tuple[str, int, str, str, str]]) -> Doc:
    """rows: (word, head index, dep, pos, morph)."""
    words = [r[0] for r in rows]
    doc = Doc(
        _VOCAB,
        words=words,
        spaces=[True] * len(words),
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        morphs=[r[4] for r in rows],
    )
    return doc


def _entity(doc: Doc, i: int) -> Entity:
    tok = doc[i]
    m = Mention(tok.text, tok.idx, tok.idx + len(tok.text))
    return Entity(tok.lower_, tok.text, "person", [m])


def _quote(doc: Doc, speaker: Entity, cue: int, start: int) -> Quote:
    m = speaker.mentions[0]
    c = doc[cue]
    return Quote(
        doc[start:].text,
        doc[start].idx,
        len(doc.text),
        "indirect",
        Span(c.text, c.idx, c.idx + len(c.text)),
        Speaker(speaker.id, speaker.name, Span(m.text, m.start, m.end)),
    )


@pytest.mark.parametrize(
    ("number", "speakers"),
    [("Plur", ["jean", "marie"]), ("Sing", ["jean"])],
)
def test_coordinated_subjects_speak_with_a_plural_verb(number: str, speakers: list[str]) -> None:
    """``Jean et Marie ont confirmé``: each speaks; ``Jean et Marie a confirmé``: the singular
    verb says the parse joined names that do not speak together."""
    doc = _doc(
        [
            ("Jean", 4, "nsubj", "PROPN", ""),
            ("et", 2, "cc", "CCONJ", ""),
            ("Marie", 0, "conj", "PROPN", ""),
            ("ont" if number == "Plur" else "a", 4, "aux:tense", "AUX", f"Number={number}"),
            ("confirmé", 4, "ROOT", "VERB", ""),
            ("que", 7, "mark", "SCONJ", ""),
            ("tout", 7, "nsubj", "PRON", ""),
            ("change", 4, "ccomp", "VERB", ""),
        ]
    )
    jean, marie = _entity(doc, 0), _entity(doc, 2)
    quotes = with_joint_speakers(doc, [jean, marie], [_quote(doc, jean, 4, 6)])
    assert [q.speaker.entity for q in quotes if q.speaker] == speakers
    assert all(q.start == quotes[0].start and q.cue == quotes[0].cue for q in quotes)


def test_or_coordination_is_no_joint_report() -> None:
    doc = _doc(
        [
            ("Selon", 1, "case", "ADP", ""),
            ("Jean", 5, "obl:mod", "PROPN", ""),
            ("ou", 3, "cc", "CCONJ", ""),
            ("Marie", 1, "conj", "PROPN", ""),
            ("tout", 5, "nsubj", "PRON", ""),
            ("change", 5, "ROOT", "VERB", ""),
        ]
    )
    jean, marie = _entity(doc, 1), _entity(doc, 3)
    quotes = with_joint_speakers(doc, [jean, marie], [_quote(doc, jean, 0, 4)])
    assert len(quotes) == 1


def test_names_coordinated_outside_the_cue_are_not_speakers() -> None:
    """``Jean a remercié Paul et Marie a dit que …``: Paul and Marie are joined by the parse, but
    Paul is the object of another verb."""
    doc = _doc(
        [
            ("Jean", 2, "nsubj", "PROPN", ""),
            ("a", 2, "aux:tense", "AUX", "Number=Sing"),
            ("remercié", 2, "ROOT", "VERB", ""),
            ("Paul", 2, "obj", "PROPN", ""),
            ("et", 5, "cc", "CCONJ", ""),
            ("Marie", 3, "conj", "PROPN", ""),
            ("a", 7, "aux:tense", "AUX", "Number=Sing"),
            ("dit", 2, "conj", "VERB", ""),
            ("que", 10, "mark", "SCONJ", ""),
            ("tout", 10, "nsubj", "PRON", ""),
            ("change", 7, "ccomp", "VERB", ""),
        ]
    )
    paul, marie = _entity(doc, 3), _entity(doc, 5)
    quotes = with_joint_speakers(doc, [paul, marie], [_quote(doc, marie, 7, 9)])
    assert [q.speaker.entity for q in quotes if q.speaker] == ["marie"]


def _speakers(text: str) -> list[tuple[str, str | None]]:
    a = analyze(text, lang="fr", published="2025-03-04", context=default_context())
    return [(q.text, q.speaker.name if q.speaker else None) for q in a.quotes]


@pytest.mark.model
def test_inverted_list_of_three_speakers() -> None:
    text = "« C'est fini », ont déclaré Jean Dupont, Paul Martin et Marie Durand."
    assert [s for _, s in _speakers(text)] == ["Jean Dupont", "Paul Martin", "Marie Durand"]


@pytest.mark.model
def test_tout_comme_adds_the_second_source() -> None:
    text = (
        "Le Wall Street Journal a rapporté, tout comme le Financial Times, que le groupe "
        "préparait une offre."
    )
    assert {s for _, s in _speakers(text)} == {"The Wall Street Journal", "Financial Times"}


@pytest.mark.model
def test_guard_apposition_adds_no_speaker() -> None:
    """Guard: ``X, directeur de campagne de son opposant, Y`` names Y, who does not speak."""
    text = (
        "« C'est faux », a accusé devant la presse Jean Dupont, directeur de campagne de son "
        "principal opposant, Paul Martin."
    )
    assert [s for _, s in _speakers(text)] == ["Jean Dupont"]
