"""Speakers from the realdev4-7 round (helper spkr4567), on invented sentences: the fixed
second word of ``d'après`` is no part of the source's name; an adverbial infinitive cue
(``…, avant de préciser « … »``) speaks with the main clause's subject, not with the subject of
the ``que`` clause the parser hung it on; a detached adjective after the subject (``le maire,
« choqué », adressait ses « … »``) does not take the subject away from the verb after it."""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


def _quotes(text: str, ctx):  # type: ignore[no-untyped-def]
    analysis = analyze(text, lang="fr", published="2025-03-04", context=ctx)
    return {q.text: q.speaker for q in analysis.quotes}


def test_dapres_source_name_drops_the_preposition(ctx) -> None:  # type: ignore[no-untyped-def]
    got = _quotes("D'après ses proches, le chanteur souhaitait arrêter sa carrière.", ctx)
    speaker = got["le chanteur souhaitait arrêter sa carrière"]
    assert speaker is not None
    assert speaker.name == "ses proches"


def test_adverbial_infinitive_cue_skips_the_que_clause(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le ministre Paul Kremer a reconnu que les syndicats avaient raison, avant de préciser "
        "« nous irons jusqu'au bout »."
    )
    got = _quotes(text, ctx)
    assert got["nous irons jusqu'au bout"].entity == "paul-kremer"
    text = (
        "La juge Anne Moreau a estimé que le prévenu mentait, avant d'ajouter "
        "« il n'a aucun remords »."
    )
    assert _quotes(text, ctx)["il n'a aucun remords"].entity == "anne-moreau"


def test_adverbial_infinitive_with_colon(ctx) -> None:  # type: ignore[no-untyped-def]
    """With a colon too, the quote goes to the main clause's subject, not the que clause's."""
    text = "Paul Kremer a dit que Marie Lenz voulait partir, avant d'ajouter : « Elle a raison. »"
    assert _quotes(text, ctx)["Elle a raison."].entity == "paul-kremer"


def test_detached_adjective_keeps_the_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    for opening in ("Absent au moment des faits, le", "Le"):
        text = (
            f"{opening} maire de Vianden, Paul Kremer, « bouleversé », adressait ses "
            "« pensées à la famille de la victime »."
        )
        speaker = _quotes(text, ctx)["pensées à la famille de la victime"]
        assert speaker is not None
        assert speaker.entity == "paul-kremer"


def test_detached_adjective_guard(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: a plain subject with its own verb keeps it."""
    text = (
        "Absent au moment des faits, le maire de Vianden, Paul Kremer, adressait ses "
        "« pensées à la famille de la victime »."
    )
    assert _quotes(text, ctx)["pensées à la famille de la victime"].entity == "paul-kremer"
