"""Round 14c (detr7): quote detection on constructions found missed or wrongly found on a fresh
blind set (realdev7), rebuilt here as invented passages (other names, other topics, same
grammar)."""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context
from allegiance.models import Quote

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


def _quotes(text: str, ctx) -> list[Quote]:  # type: ignore[no-untyped-def]
    return analyze(text, lang="fr", published="2025-03-04", context=ctx).quotes


def _find(quotes: list[Quote], words: str) -> Quote | None:
    return next((q for q in quotes if words in q.text), None)


def _name(q: Quote) -> str:
    return q.speaker.name if q.speaker is not None else ""


def test_selon_a_wording_is_no_source(ctx) -> None:  # type: ignore[no-untyped-def]
    """``« stabilisé », selon l'expression consacrée``: a wording after ``selon`` names a usage,
    not a speaker: the marked word is a term and the clause after reports nothing."""
    quotes = _quotes(
        'Le barrage est "stabilisé", selon l\'expression consacrée : il ne cède plus mais '
        "pourrait encore le faire dans les prochains jours.",
        ctx,
    )
    assert quotes == []


def test_selon_whose_terms_still_a_source(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: ``selon ses termes`` and ``selon les termes de X`` name whose words they are."""
    quotes = _quotes("Le projet est « gelé », selon les termes de Paul Durand.", ctx)
    q = _find(quotes, "gelé")
    assert q is not None and "Durand" in _name(q)
    quotes = _quotes(
        "Son but est de faire émerger, selon ses termes, « la vérité des urnes ».", ctx
    )
    assert _find(quotes, "vérité des urnes") is not None


def test_selon_nos_informations_reports_nothing(ctx) -> None:  # type: ignore[no-untyped-def]
    """``Selon nos informations, …``: the newspaper's own finding, no one's report."""
    quotes = _quotes(
        "Selon nos informations, le suspect vivait dans un appartement voisin de la pharmacie.",
        ctx,
    )
    assert quotes == []


def test_ce_qui_suggere_is_no_report(ctx) -> None:  # type: ignore[no-untyped-def]
    """``…, ce qui pourrait suggérer que …``: a speech verb whose subject is ``ce qui`` (the
    fact just told) is the author's inference; the first report stays."""
    quotes = _quotes(
        "Marc Dupont a aussi dit que la société comptait de bons ingénieurs, ce qui pourrait "
        "suggérer que ses cadres pourraient garder leur poste.",
        ctx,
    )
    assert _find(quotes, "bons ingénieurs") is not None
    assert _find(quotes, "garder leur poste") is None


def test_denied_infinitive_after_adjunct(ctx) -> None:  # type: ignore[no-untyped-def]
    """``a assuré jeudi ne pas avoir informé …``: a denied infinitive after a time adjunct."""
    quotes = _quotes(
        "La Turquie a assuré jeudi ne pas avoir informé la Grèce avant de lancer l'opération.",
        ctx,
    )
    q = _find(quotes, "ne pas avoir informé la Grèce")
    assert q is not None and q.kind == "indirect"


def test_avant_de_preciser_opens_next_report(ctx) -> None:  # type: ignore[no-untyped-def]
    """``a reconnu que … avant de préciser « … »``: the first content ends before ``avant de``
    with a speech verb, and is found beside the marked words."""
    quotes = _quotes(
        "La porte-parole a toutefois reconnu que les manifestants avaient envoyé une lettre "
        "avant de préciser « qu'elle n'était pas valable ».",
        ctx,
    )
    q = _find(quotes, "les manifestants avaient envoyé une lettre")
    assert q is not None and q.kind == "indirect"
    assert "préciser" not in q.text


def test_que_clause_after_relative_aside(ctx) -> None:  # type: ignore[no-untyped-def]
    """``a déclaré à la chaîne X lundi, à laquelle il a accordé un entretien, qu'il …``: a
    relative clause between commas delays the cue's ``que`` clause."""
    for subject in ("Il a également", "Le ministre Paul Girard a"):
        quotes = _quotes(
            f"{subject} déclaré à la chaîne ABC lundi soir, à laquelle il a accordé un "
            "entretien, qu'il ne céderait pas aux syndicats.",
            ctx,
        )
        q = _find(quotes, "il ne céderait pas aux syndicats")
        assert q is not None and q.kind == "indirect"
        assert "laquelle" not in q.text


def test_short_sentence_quote_after_quote(ctx) -> None:  # type: ignore[no-untyped-def]
    """``« … », a déclaré X. « Ce sera long ». …``: a short marked sentence with a finite verb
    standing alone is an utterance."""
    quotes = _quotes(
        "« Il faudra faire des choix difficiles », a déclaré Paul Martin. « Ce sera long ». "
        "La société a annoncé des résultats en baisse.",
        ctx,
    )
    q = _find(quotes, "Ce sera long")
    assert q is not None and q.kind == "direct"


def test_selon_before_marked_continuation(ctx) -> None:  # type: ignore[no-untyped-def]
    """``<clause>, selon le procureur, « mais … »``: the source reports the clause before it as
    well as the marked words after it."""
    quotes = _quotes(
        "Des témoins ont été entendus et des images ont été saisies, selon le procureur, "
        "« mais elles sont floues ».",
        ctx,
    )
    q = _find(quotes, "Des témoins ont été entendus")
    assert q is not None and q.kind == "indirect"
    assert _find(quotes, "mais elles sont floues") is not None


def test_inserted_pour_opinion(ctx) -> None:  # type: ignore[no-untyped-def]
    """``Mais tout cela, pour le procureur X, c'est une manœuvre``: ``pour X`` between commas
    after a short topic opens X's opinion."""
    quotes = _quotes("Mais tout cela, pour le procureur Jean Dubois, c'est une manœuvre.", ctx)
    q = _find(quotes, "c'est une manœuvre")
    assert q is not None and "Dubois" in _name(q)
    quotes = _quotes("Ce projet, pour le maire Paul Roux, est une erreur.", ctx)
    q = _find(quotes, "est une erreur")
    assert q is not None and "Roux" in _name(q)


def test_inserted_pour_guard(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: ``pour la première fois`` between commas names nobody."""
    assert _quotes("Le stade, pour la première fois, a été rempli.", ctx) == []


def test_source_after_relative_qui(ctx) -> None:  # type: ignore[no-untyped-def]
    """``un plan … et qui, selon eux, menace l'emploi``: a source right after ``qui`` reports
    the relative clause's predicate, not the main clause."""
    quotes = _quotes(
        "Les salariés rejettent un plan derrière lequel ils voient la main de la direction et "
        "qui, selon eux, menace l'emploi local et va affaiblir le site.",
        ctx,
    )
    q = _find(quotes, "menace l'emploi local et va affaiblir le site")
    assert q is not None and q.kind == "indirect"
    assert "rejettent" not in q.text
    quotes = _quotes("Le suspect, qui, selon la police, était armé, a été arrêté mardi.", ctx)
    q = _find(quotes, "était armé")
    assert q is not None and "arrêté" not in q.text
