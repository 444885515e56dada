"""Round 14 (detr6): quote detection on constructions found missed or wrongly found on a fresh
blind set, rebuilt here as invented passages (other names, other topics, same grammar)."""

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


def test_short_utterance_before_long_incise(ctx) -> None:  # type: ignore[no-untyped-def]
    """``« Inacceptable », a commenté de son côté la députée X, sur Twitter.``: a word or two
    quoted alone, then an incise however long, is said."""
    quotes = _quotes(
        "« Inacceptable », a commenté de son côté la députée Claire Fontaine, sur Twitter.",
        ctx,
    )
    q = _find(quotes, "Inacceptable")
    assert q is not None and q.kind == "direct"
    assert "Fontaine" in _name(q)
    quotes = _quotes("« Injuste et honteux », a déclaré la députée Claire Fontaine.", ctx)
    q = _find(quotes, "Injuste et honteux")
    assert q is not None and "Fontaine" in _name(q)


def test_short_utterance_guard_name_in_sentence(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: a capitalised word in marks inside the author's sentence stays a name."""
    quotes = _quotes("Le parti a pris le nom de « Renaissance » en 2017.", ctx)
    assert _find(quotes, "Renaissance") is None


def test_infinitive_of_time_is_no_content(ctx) -> None:  # type: ignore[no-untyped-def]
    """``…, rappelle-t-il avant d'ajouter : « … »``: ``avant de`` + infinitive says what the
    speaker did next, not what was said."""
    quotes = _quotes(
        "Le maire « ne tient jamais ses promesses », rappelle-t-il avant d'ajouter : "
        "« il n'a pas construit la piscine. »",
        ctx,
    )
    assert _find(quotes, "avant d'ajouter") is None
    assert _find(quotes, "construit la piscine") is not None


def test_promise_infinitive_guard(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: a bare ``de`` + infinitive after a verb of promise is still its content."""
    assert _find(_quotes("Le ministre a promis de construire une piscine.", ctx), "construire")


def test_subject_after_medium_adjunct(ctx) -> None:  # type: ignore[no-untyped-def]
    """``…, a indiqué dans un tweet le ministre``: the parser hangs the inverted subject on the
    medium (``le tweet le ministre``); read on the surface, the incise still has its subject."""
    quotes = _quotes(
        "Depuis janvier, trois cents personnes sont mortes, a indiqué dans un tweet le ministre.",
        ctx,
    )
    q = _find(quotes, "trois cents personnes")
    assert q is not None and "ministre" in _name(q)


def test_learned_from_publication(ctx) -> None:  # type: ignore[no-untyped-def]
    """``…, a-t-on appris dans un communiqué de la mairie``: the body that published the
    communiqué is the source."""
    quotes = _quotes(
        "Une pétition a été remise lundi à la direction, a-t-on appris dans un communiqué de "
        "la mairie.",
        ctx,
    )
    q = _find(quotes, "pétition")
    assert q is not None and "mairie" in _name(q)


def test_typewriter_marks_nested_in_guillemets(ctx) -> None:  # type: ignore[no-untyped-def]
    """``« … elle a entendu la voisine crier : "…" … »``: straight marks inside guillemets nest
    a quote, whose speaker is the object of the verb of perception."""
    quotes = _quotes(
        "L'avocate raconte : « Ma cliente a été réveillée par le bruit et elle a entendu la "
        "voisine crier: \"Tu l'as... Frappe-le!\" Elle a pu s'enfuir. »",
        ctx,
    )
    inner = [q for q in quotes if "Frappe-le" in q.text and not q.text.startswith("Ma cliente")]
    assert len(inner) == 1
    assert "voisine" in _name(inner[0])


def test_nested_name_after_noun_guard(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: a newspaper's name in straight marks inside a quote is no quote of its own."""
    quotes = _quotes(
        'Le gouvernement dément « totalement les faits évoqués par le quotidien "Le Matin" ».',
        ctx,
    )
    assert not any(q.text.strip() == "Le Matin" for q in quotes)


def test_question_reports_nothing(ctx) -> None:  # type: ignore[no-untyped-def]
    """``« … Est-ce qu'il reconnaît qu'il a trahi ses électeurs ? »``: a question inside a
    quote asks whether someone says it; no report."""
    quotes = _quotes(
        "« Il a promis une chose et il a fait le contraire, a poursuivi le chef de "
        "l'opposition. Est-ce qu'il reconnaît qu'il a trahi ses électeurs ? »",
        ctx,
    )
    assert not any(q.kind == "indirect" and "trahi" in q.text for q in quotes)


def test_nested_report_guard(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: a statement inside a quote still reports the third party."""
    quotes = _quotes(
        "« Les voisins m'ont dit qu'il y avait le feu. Je suis sorti tout de suite », "
        "raconte Paul Morin.",
        ctx,
    )
    assert any(q.kind == "indirect" and "le feu" in q.text for q in quotes)
