"""Round 14d (detr4567): quote detection on constructions missed or wrongly found on the dev
parts of realdev4-7, rebuilt here as invented passages (other names, other topics, same
grammar)."""

from __future__ import annotations

import pytest

from allegiance.analysis import default_context
from allegiance.pipeline import Context
from quote_helpers import analyzed_quotes, find_quote, speaker_name

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def ctx() -> Context:
    return default_context()


def test_one_word_before_inverted_incise_with_adverb(ctx: Context) -> None:
    """``« Faux », a-t-il ensuite publié au-dessus d'un extrait``: the euphonic ``-t-`` is no
    word (the lead ``a-t-il ensuite`` is as short as ``a ensuite``), and the parser's
    ``aux:pass`` on that ``-t`` does not make the incise passive."""
    quotes = analyzed_quotes(
        "Le ministre Paul Martin a vite réagi. « Faux », a-t-il ensuite publié au-dessus "
        "d'un extrait de l'entretien.",
        ctx,
    )
    quote = find_quote(quotes, "Faux")
    assert quote is not None
    assert quote.kind == "direct"
    assert speaker_name(quote) == "Paul Martin"


def test_one_word_before_inverted_incise_with_adverb_and_object(ctx: Context) -> None:
    """``« Faux », a-t-il aussitôt répondu au maire``: the same with an adverb and an
    addressee after the participle."""
    quotes = analyzed_quotes(
        "Le ministre Paul Martin a vite réagi. « Absurde », a-t-il aussitôt répondu au maire.",
        ctx,
    )
    assert find_quote(quotes, "Absurde") is not None


def test_wealth_noun_subject_reports(ctx: Context) -> None:
    """``Le multimilliardaire a assuré que …``: a description by wealth names a person, so the
    que-clause is reported (it was dropped as having no possible speaker)."""
    quotes = analyzed_quotes(
        "Le multimilliardaire a assuré qu'il avait reçu un coup de son neveu.", ctx
    )
    quote = find_quote(quotes, "reçu un coup")
    assert quote is not None
    assert speaker_name(quote) == "Le multimilliardaire"


def test_weekly_subject_reports(ctx: Context) -> None:
    """``L'hebdomadaire indique en outre que …``: a news weekly speaks, as a daily does."""
    quotes = analyzed_quotes(
        "L'hebdomadaire indique en outre que le suspect n'a pas résisté aux gendarmes.", ctx
    )
    assert find_quote(quotes, "le suspect n'a pas résisté") is not None


def test_selon_source_with_restrictive_relative(ctx: Context) -> None:
    """``Selon un rapport de X qui a étudié …, <clause>``: a relative clause with no comma
    before it is part of the source phrase; the clause after the comma closing it is
    reported."""
    quotes = analyzed_quotes(
        "Selon un rapport de l'Observatoire qui a étudié treize quartiers, le sentiment de "
        "solitude est très fort.",
        ctx,
    )
    assert find_quote(quotes, "le sentiment de solitude est très fort") is not None


def test_selon_source_with_comma_relative_guard(ctx: Context) -> None:
    """Guard: the relative set off by commas was already skipped."""
    quotes = analyzed_quotes(
        "Selon une étude de l'Insee, qui a interrogé mille ménages, le pouvoir d'achat a reculé.",
        ctx,
    )
    assert find_quote(quotes, "le pouvoir d'achat a reculé") is not None


def test_relative_que_on_a_noun_completing_the_object(ctx: Context) -> None:
    """``a estimé la hausse des loyers que l'agence pourrait proposer``: the relative hangs on
    ``loyers``, a noun completing the cue's object; it describes the noun, it reports
    nothing."""
    quotes = analyzed_quotes(
        "La directrice avait estimé la hausse des loyers que l'agence pourrait proposer pour "
        "le 1er mars, entre 5 et 8 %.",
        ctx,
    )
    assert find_quote(quotes, "l'agence pourrait proposer") is None


def test_person_object_then_que_guard(ctx: Context) -> None:
    """Guard: ``a averti la population qu'…`` reports the clause (the object is the
    addressee, the ``que`` a conjunction)."""
    quotes = analyzed_quotes("Le préfet a averti la population qu'une tempête arrivait.", ctx)
    assert find_quote(quotes, "une tempête arrivait") is not None


def test_epithet_in_marks_after_a_name(ctx: Context) -> None:
    """``convoqués par la Direction des enquêtes (DE), « le gendarme des gendarmes », pour …``:
    a marked noun phrase opened by ``le`` right after a name and between commas is the name's
    epithet, not a quote; the clause reported by the closing ``a-t-on appris`` is kept."""
    quotes = analyzed_quotes(
        'Trois agents ont été convoqués par la Direction des enquêtes (DE), "le gendarme des '
        "gendarmes\", pour des propos tenus lors d'une fête, a-t-on appris jeudi de sources "
        "concordantes.",
        ctx,
    )
    assert [q.kind for q in quotes] == ["indirect"]
    assert quotes[0].text.startswith("Trois agents ont été convoqués")


def test_epithet_after_selon_source_guard(ctx: Context) -> None:
    """Guard: after ``selon X,`` the marked phrase is the source's words."""
    quotes = analyzed_quotes(
        "Selon Paul Durand, « la pire crise depuis 1945 », les prix vont monter.", ctx
    )
    assert find_quote(quotes, "la pire crise") is not None
