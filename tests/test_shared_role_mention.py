"""One description names one actor in an article: ``share_role_mention`` (no model needed)."""

from __future__ import annotations

from allegiance.extract.shared_speakers import share_role_mention
from allegiance.models import Quote, Span, Speaker


def _quote(start: int, entity: str | None, mention: str) -> Quote:
    name = entity or mention
    return Quote(
        "…",
        start,
        start + 10,
        "direct",
        None,
        Speaker(entity, name, Span(mention, start, start + len(mention))),
    )


def test_unresolved_description_takes_the_actor_of_the_same_description() -> None:
    resolved = _quote(0, "gerald-darmanin", "le ministre de l'Intérieur")
    left = _quote(100, None, "le ministre de l'Intérieur")
    share_role_mention([resolved, left])
    assert left.speaker is not None and left.speaker.entity == "gerald-darmanin"
    assert left.speaker.mention is not None and left.speaker.mention.start == 100  # its own words


def test_two_actors_behind_one_description_share_nothing() -> None:
    one = _quote(0, "a", "la présidente du parti")
    other = _quote(50, "b", "la présidente du parti")
    left = _quote(100, None, "la présidente du parti")
    share_role_mention([one, other, left])
    assert left.speaker is not None and left.speaker.entity is None


def test_a_bare_role_or_a_pronoun_is_too_vague_to_share() -> None:
    resolved = _quote(0, "a", "le ministre")
    left = _quote(100, None, "le ministre")
    pronoun_resolved = _quote(200, "a", "il")
    pronoun_left = _quote(300, None, "il")
    share_role_mention([resolved, left, pronoun_resolved, pronoun_left])
    assert left.speaker is not None and left.speaker.entity is None
    assert pronoun_left.speaker is not None and pronoun_left.speaker.entity is None


def test_plural_possessive_and_partitive_descriptions_are_not_shared() -> None:
    """``leur avocat``, ``les syndicats``, ``l'un des manifestants``, ``le porte-parole`` (one
    word): no definite singular description of two words, so nothing is shared."""
    for mention in ("leur avocat", "les syndicats", "l'un des manifestants", "le porte-parole"):
        resolved = _quote(0, "a", mention)
        left = _quote(100, None, mention)
        share_role_mention([resolved, left])
        assert left.speaker is not None and left.speaker.entity is None, mention
