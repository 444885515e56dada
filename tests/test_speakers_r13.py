"""Round 13: speakers of ``C'est ce qu'a confirmé X`` when X is a role, an apposition or a list.

All sentences are invented.
"""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context

pytestmark = pytest.mark.model


def _quotes(text: str) -> list[tuple[str, str | None, str | None]]:
    a = analyze(text, lang="fr", published="2025-03-04", context=default_context())
    return [
        (q.text, q.speaker.entity if q.speaker else None, q.speaker.name if q.speaker else None)
        for q in a.quotes
    ]


def test_echo_with_role_and_apposed_name() -> None:
    """``C'est ce qu'a confirmé l'avocat de la famille, X``: the inverted subject, which the
    parser reads as the object of the cue, is the speaker of the sentence before."""
    found = _quotes(
        "La famille a décidé de porter plainte. "
        "C'est ce qu'a confirmé l'avocat de la famille, Paul Ferrandi."
    )
    assert ("La famille a décidé de porter plainte", "paul-ferrandi", "Paul Ferrandi") in found


def test_echo_with_time_words_and_titled_name() -> None:
    """Guard: ``C'est ce qu'a confirmé vendredi matin la ministre X`` (a name: already right)."""
    found = _quotes(
        "Le pays sera prêt à riposter sur-le-champ. "
        "C'est ce qu'a confirmé vendredi matin la ministre Claire Dumontel."
    )
    assert any(s == "claire-dumontel" and t.startswith("Le pays sera prêt") for t, s, _ in found)


def test_echo_with_unnamed_source_keeps_the_description() -> None:
    """An unnamed source is kept as its description (``l'avocat de la famille``)."""
    found = _quotes(
        "La famille a décidé de porter plainte. C'est ce qu'a confirmé l'avocat de la famille."
    )
    assert [(t, s, n) for t, s, n in found if t.startswith("La famille")] == [
        ("La famille a décidé de porter plainte", None, "l'avocat de la famille")
    ]


def test_lone_given_name_after_an_incise_verb_speaks() -> None:
    """``« … », soupire Valérie, qui …``: a known given name standing alone as the inverted
    subject of a speech verb (even one the tagger reads as a noun) is a person who speaks."""
    found = _quotes("« Ici, il n'y a plus rien à faire », soupire Valérie, qui vit là depuis 1990.")
    assert found == [("Ici, il n'y a plus rien à faire", "valerie", "Valérie")]


def test_guessed_verb_counts_only_in_incise_position() -> None:
    """Guard, on hand-built Docs: ``tempête`` also reads as a form of ``tempêter``, but only
    right after the comma or mark of an incise does a guessed verb make the name a speaker's
    (``la tempête Zeus`` names a storm)."""
    import spacy
    from spacy.tokens import Doc

    from allegiance.resolve.person_names import _speech_position

    vocab = spacy.blank("fr").vocab
    storm = Doc(vocab, words=["à", "la", "tempête", "Zeus"], lemmas=["à", "le", "tempête", "Zeus"])
    incise = Doc(
        vocab, words=["»", ",", "soupire", "Valérie"], lemmas=["»", ",", "soupire", "Valérie"]
    )
    assert not _speech_position(storm[3:4], "fr")
    assert _speech_position(incise[3:4], "fr")
