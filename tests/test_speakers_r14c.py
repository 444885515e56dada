"""Speakers from the realdev4-6 round (helper spkr456): invented sentences only."""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


def _speakers(text: str, ctx) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    result = analyze(text, lang="fr", published="2025-03-04", context=ctx)
    return {q.text[:20]: (q.speaker.entity if q.speaker else None) for q in result.quotes}


def test_riding_after_de_is_no_apposed_name(ctx) -> None:  # type: ignore[no-untyped-def]
    """``le député de Jacques-Cartier``: a name right after ``de`` completes the role noun
    (a riding that looks like a person's name), it never names the speaker."""
    text = (
        "«Ridicule», a commenté de son côté le député libéral Pierre Lemieux, sur Twitter. "
        "Il a finalement retiré son message. «Pardon», a dit le député de Jacques-Cartier "
        "en s'adressant à Jean Martin."
    )
    speakers = _speakers(text, ctx)
    assert speakers["Pardon"] != "jacques-cartier"
    assert speakers["Pardon"] == "pierre-lemieux"


def test_apposed_name_still_names_the_role(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: ``le maire, Jean Dupont`` keeps its apposed name."""
    text = "« Nous rouvrirons la piscine », a déclaré le maire, Jean Dupont, lundi."
    assert _speakers(text, ctx)["Nous rouvrirons la p"] == "jean-dupont"


@pytest.mark.parametrize("adverb", ["même", "ensuite", "aussi"])
def test_inner_incise_with_adverb_after_auxiliary(ctx, adverb: str) -> None:  # type: ignore[no-untyped-def]
    """``« …, a même estimé X. … »``: an incise inside the marks whose auxiliary is followed by
    an adverb names the speaker as the plain ``a estimé X`` does."""
    text = (
        f"« Il ne criait jamais sur personne, a {adverb} estimé Julie Marchand pendant le "
        "procès. Il était toujours calme. »"
    )
    result = analyze(text, lang="fr", published="2025-03-04", context=ctx)
    assert result.quotes
    assert result.quotes[0].speaker is not None
    assert result.quotes[0].speaker.entity == "julie-marchand"


def test_channel_adjective_before_inverted_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    """``», a déclaré dans un communiqué commun sur X le ministre Y``: the channel phrase's
    adjective and its complement come before the inverted subject, whose name is the
    speaker (not the platform's)."""
    text = (
        "Le ministère a publié sur X un bilan. « Nous avons gagné », a déclaré dans un "
        "communiqué commun sur X le ministre Paul Diop."
    )
    assert _speakers(text, ctx)["Nous avons gagné"] == "paul-diop"


def test_former_role_noun_is_a_person(ctx) -> None:  # type: ignore[no-untyped-def]
    """``l'ex-leader de Noir Désir``: a role noun with ``ex-`` still names a person, so the
    band in its complement is no speaker (the description stays unnamed without a holder)."""
    text = (
        "Le festival a annoncé sur Facebook l'annulation du concert. Lundi, la salle de Lyon "
        "a été visée par des militants. « Merci au public de Lyon, sans succès ! », a salué "
        "dans un message distinct sur Facebook l'ex-leader de Noir Désir, en légende d'une "
        "photo de lui et de son groupe sur scène."
    )
    result = analyze(text, lang="fr", published="2025-03-04", context=ctx)
    quote = next(q for q in result.quotes if q.text.startswith("Merci"))
    assert quote.speaker is not None
    assert quote.speaker.entity not in {"noir-desir", "meta"}


def test_role_of_another_constituency_named_later(ctx) -> None:  # type: ignore[no-untyped-def]
    """``la députée du Var`` is not the ``députée de la Drôme X`` the article names later."""
    text = (
        "Le parti et sa présidente Anne Morel ont réagi. « Nous sommes indignés », écrit la "
        "députée du Var sur Twitter. Plusieurs élus ont suivi. Du côté de la droite, la "
        "députée de la Drôme Julie Ferrand a choisi d'ironiser."
    )
    assert _speakers(text, ctx)["Nous sommes indignés"] != "julie-ferrand"


def test_title_complement_still_matches_later_name(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: ``le procureur de la République`` is the ``procureur de Montbéliard, X`` named
    next (``de la République`` belongs to the title), and ``le maire de Verdun`` the ``maire
    de Verdun, X``."""
    text = (
        "Un incendie a eu lieu, a indiqué lundi le procureur de la République. Les flammes se "
        "sont propagées, a précisé à l'AFP le procureur de Montbéliard, Paul Morin."
    )
    assert _speakers(text, ctx)["Un incendie a eu lie"] == "paul-morin"
    text = (
        "« Nous rouvrirons l'école », a promis le maire de Verdun. Plus tard, le maire de "
        "Verdun, Paul Roux, a précisé le calendrier."
    )
    assert _speakers(text, ctx)["Nous rouvrirons l'éc"] == "paul-roux"
