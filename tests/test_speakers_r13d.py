"""Round 13d (spkr45): a lead quote whose speaker the next sentence introduces, with no speech verb.

All sentences are invented.
"""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


def _speakers(text: str, ctx) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    art = analyze(text, lang="fr", published="2025-03-04", context=ctx)
    return {q.text[:20]: (q.speaker.entity if q.speaker else None) for q in art.quotes}


def test_portrait_after_lead_quote(ctx) -> None:  # type: ignore[no-untyped-def]
    """``« … » Face au port, X, patron pêcheur, serre les poings.``: X said it."""
    text = (
        "Les pêcheurs ont manifesté mardi à Brest contre les quotas.\n\n"
        "«Nous ne pouvons plus vivre de notre métier. Les quotas nous étranglent.» Face au port "
        "désert, Yannick Le Goff, patron pêcheur, serre les poings. Cela fait trente ans qu'il "
        "sort en mer."
    )
    assert _speakers(text, ctx)["Nous ne pouvons plus"] == "yannick-le-goff"


def test_fronted_role_then_name(ctx) -> None:  # type: ignore[no-untyped-def]
    """``« … » Responsable de X à la CGT, Paul Mercier ne cache pas sa colère``: the body named
    inside the fronted role does not block the person."""
    text = (
        "Le site fermera en juin.\n\n"
        "«C'est une catastrophe! Il faut penser aux familles.» Responsable de la métallurgie à "
        "la CGT, Paul Mercier ne cache pas sa colère après l'annonce de la fermeture."
    )
    assert _speakers(text, ctx)["C'est une catastroph"] == "paul-mercier"


def test_guard_quote_inside_paragraph_keeps_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: a quote that does not open its paragraph is not given to the next subject."""
    text = (
        "«Les quotas nous étranglent», a déclaré Marc Olier, délégué syndical. «Nous irons "
        "jusqu'au bout.» Marie Tessier, la préfète, a reçu une délégation jeudi."
    )
    assert _speakers(text, ctx)["Nous irons jusqu'au "] == "marc-olier"


def test_questioned_noun_answers_not_the_medium(ctx) -> None:  # type: ignore[no-untyped-def]
    """``« … », s'emporte un riverain interrogé par X``: the incise verb is not a speech verb,
    the participle of questioning is the cue, and the one questioned answered, not the medium."""
    art = analyze(
        "«On nous a oubliés», s'emporte un riverain interrogé par France Bleu.",
        lang="fr",
        published="2025-03-04",
        context=ctx,
    )
    (quote,) = art.quotes
    assert quote.speaker is not None
    assert quote.speaker.entity != "france-bleu"
    assert "riverain" in quote.speaker.name


def test_questioned_candidate_is_named_earlier(ctx) -> None:  # type: ignore[no-untyped-def]
    """``« … », s'est lamenté le candidat de l'opposition interrogé par l'AFP``: the candidate
    named before speaks, not the news agency."""
    text = (
        "Le général Jean Ouedraogo, principal candidat de l'opposition, conteste les résultats.\n\n"
        "«Comment accepter un tel résultat?», s'est lamenté le candidat de l'opposition "
        "interrogé par l'AFP à Ouagadougou."
    )
    assert _speakers(text, ctx)["Comment accepter un "] == "jean-ouedraogo"


def test_guard_selon_with_questioned_apposition(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: ``Selon X, un habitant interrogé par l'AFP, « … »`` keeps X."""
    assert (
        _speakers("Selon Marc Petit, un habitant interrogé par l'AFP, «tout a brûlé».", ctx)[
            "tout a brûlé"
        ]
        == "marc-petit"
    )
