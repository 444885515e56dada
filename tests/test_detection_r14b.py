"""Round 14b (detr456): quote detection on constructions found missed or wrongly found on the
blind sets realdev4-6, rebuilt here as invented passages (other names, other topics, same
grammar)."""

from __future__ import annotations

import pytest

from allegiance.analysis import default_context
from quote_helpers import analyzed_quotes as _quotes
from quote_helpers import find_quote as _find
from quote_helpers import speaker_name as _name

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


def test_set_phrase_completing_a_noun_is_no_quote(ctx) -> None:  # type: ignore[no-untyped-def]
    """``une situation de « ni oui ni non »``: a lower-case verbless phrase completing a noun,
    with no cue and no speaker, is a set phrase set off by marks, not someone's words."""
    quotes = _quotes(
        "Le village est bloqué depuis 1990 par une situation de « ni oui ni non ». "
        "Les élus attendent une décision.",
        ctx,
    )
    assert _find(quotes, "ni oui ni non") is None


def test_marked_name_of_a_body_is_no_quote(ctx) -> None:  # type: ignore[no-untyped-def]
    """``les agents de la « agence pour la qualité du service »``: the name of a body."""
    quotes = _quotes(
        "Près de la moitié des agents de la « agence pour la qualité du service » ont démissionné.",
        ctx,
    )
    assert _find(quotes, "agence pour la qualité") is None


def test_guard_phrase_after_naming_verb_is_kept(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: ``que les élus qualifieront de « … »``: the object of a verb of naming stays a
    quote (its subject owns the words)."""
    quotes = _quotes(
        "Un scandale que les élus qualifieront de « tempête dans un bol d'eau ». "
        "Le conseil a voté.",
        ctx,
    )
    assert _find(quotes, "tempête dans un bol") is not None


def test_guard_phrase_with_speaker_is_kept(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: the same phrase with a speech cue and its speaker is a partial quote."""
    quotes = _quotes(
        "Le maire Paul Martin dénonce une situation de « ni oui ni non » au village.", ctx
    )
    q = _find(quotes, "ni oui ni non")
    assert q is not None and "Martin" in _name(q)


def test_mettre_en_avant_incise(ctx) -> None:  # type: ignore[no-untyped-def]
    """``« … » et « … », a-t-elle mis en avant.``: ``mettre en avant`` closing an incise is a
    verb of saying."""
    quotes = _quotes(
        "La ministre Claire Dupont a répondu aux critiques lundi. "
        "« Aucune règle n'a été enfreinte » et « je reste à mon poste », a-t-elle mis en avant.",
        ctx,
    )
    q = _find(quotes, "je reste à mon poste")
    assert q is not None and "Dupont" in _name(q)


def test_mettre_en_avant_que(ctx) -> None:  # type: ignore[no-untyped-def]
    """``X a mis en avant que …``: the content clause is reported speech."""
    quotes = _quotes("La ministre Claire Dupont a mis en avant que le budget restait fragile.", ctx)
    q = _find(quotes, "le budget restait fragile")
    assert q is not None and q.kind == "indirect" and "Dupont" in _name(q)


def test_guard_mettre_en_avant_object(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: ``a mis en avant sa grand-mère``: with a noun object it reports nothing."""
    quotes = _quotes(
        "La candidate Claire Dupont a mis en avant sa grand-mère pendant la convention.", ctx
    )
    assert quotes == []


def test_relative_que_with_agreeing_participle(ctx) -> None:  # type: ignore[no-untyped-def]
    """``a répondu aux critiques que les habitants avaient formulées``: the participle of
    ``avoir`` agrees with the ``que`` before it, a relative pronoun; no content clause."""
    quotes = _quotes(
        "Le maire Paul Martin a répondu aux critiques que les habitants avaient formulées.", ctx
    )
    assert _find(quotes, "habitants avaient formulées") is None


def test_relative_que_before_speech_verb(ctx) -> None:  # type: ignore[no-untyped-def]
    """``répondre d'insultes que des supporters disent avoir entendues``: the relative clause is
    no content of ``répondre`` (whether the supporters' own ``disent avoir entendues`` is a
    report is left open: the gold sets disagree)."""
    quotes = _quotes(
        "Le joueur Marc Lenoir a dû répondre d'insultes que des supporters disent avoir entendues.",
        ctx,
    )
    assert not [q for q in quotes if "supporters disent" in q.text or "Lenoir" in _name(q)]


def test_guard_content_clause_after_noun(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: ``a répondu aux critiques que tout était en règle`` and ``disent avoir entendu
    des insultes`` are reports (no agreeing participle)."""
    quotes = _quotes(
        "Le maire Paul Martin a répondu aux critiques que tout était en règle. "
        "Des supporters disent avoir entendu des insultes, selon le club.",
        ctx,
    )
    q = _find(quotes, "tout était en règle")
    assert q is not None and "Martin" in _name(q)
    assert _find(quotes, "avoir entendu des insultes") is not None


@pytest.mark.parametrize(
    "text",
    [
        "Il a expliqué au juge que la police l'avait arrêtée.",
        "Elle a raconté aux enquêteurs que ses voisins les avaient menacés.",
    ],
)
def test_object_pronoun_before_avoir_keeps_the_report(text: str, ctx) -> None:  # type: ignore[no-untyped-def]
    """``que la police l'avait arrêtée``: the participle agrees with the pronoun ``l'``, not with
    a relative ``que``; the clause is reported."""
    assert [q.kind for q in _quotes(text, ctx)] == ["indirect"]
