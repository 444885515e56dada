"""Round 14 speaker rules (invented sentences, through the real model)."""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context

pytestmark = pytest.mark.model


def _speakers(text: str) -> list[str | None]:
    a = analyze(text, lang="fr", published="2025-03-04", context=default_context())
    return [q.speaker.name if q.speaker else None for q in a.quotes]


def test_territory_name_hung_on_the_verb_is_no_speaker() -> None:
    """``a lancé la présidente de la région X précisant …``: the parser hangs X on the verb;
    the speaker is the role noun before the territory, here taken back to the person named."""
    text = (
        "Valérie Martin s'est dite « très préoccupée » par ce préavis. « Je demande que le "
        "service minimum soit respecté », a lancé la présidente de la région Ile-de-France "
        "précisant qu'un train sur trois devrait circuler."
    )
    assert _speakers(text) == ["Valérie Martin"] * 3


def test_guard_territory_alone_after_the_cue_still_speaks() -> None:
    """Guard: a territory's own name as the inverted subject keeps speaking."""
    text = "« Nous ne céderons pas », a prévenu la région Bretagne lundi."
    assert _speakers(text) == ["Bretagne"]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("« Il faut changer », a ainsi assuré l'ancien maire de Lyon.", "l'ancien maire de Lyon"),
        ("« Il faut changer », a encore insisté le ministre.", "le ministre"),
        ("« Il faut changer », a d'ailleurs rappelé le ministre.", "le ministre"),
    ],
)
def test_adverb_between_auxiliary_and_incise_verb(text: str, speaker: str) -> None:
    """``», a ainsi assuré le ministre``: the adverb does not hide the inverted subject."""
    a = analyze(text, lang="fr", published="2025-03-04", context=default_context())
    assert [(q.kind, q.speaker.name if q.speaker else None) for q in a.quotes] == [
        ("direct", speaker)
    ]
