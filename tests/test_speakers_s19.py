"""Session 19: speakers from a new blind set of real excerpts (justice and courts; experts
commenting the news; industry, defence and farming), rebuilt as invented passages."""

from __future__ import annotations

import pytest

from allegiance.analysis import default_context
from quote_helpers import analyzed_quotes as _quotes
from quote_helpers import find_quote as _find


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


def _speaker_name(text: str, fragment: str, ctx) -> str | None:  # type: ignore[no-untyped-def]
    quote = _find(_quotes(text, ctx), fragment)
    assert quote is not None, fragment
    return quote.speaker.name if quote.speaker is not None else None


@pytest.mark.model
def test_the_seat_of_an_office_names_its_holder(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Vladimir Poutine a reçu les délégués africains mardi. Plus tard, l'hôte du Kremlin a "
        "assuré que « rien ne presse » dans ce dossier."
    )
    assert _speaker_name(text, "rien ne presse", ctx) == "Vladimir Putin"


@pytest.mark.model
def test_a_seat_role_keeps_its_holder_when_the_seat_is_also_tagged(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le Kremlin a démenti toute rencontre. Vladimir Poutine, lui, n'a rien dit. Le soir, "
        "le maître du Kremlin a toutefois estimé que « la porte reste ouverte »."
    )
    assert _speaker_name(text, "la porte reste ouverte", ctx) == "Vladimir Putin"


@pytest.mark.model
def test_figures_with_no_author_are_no_speaker_of_marked_words(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le sondeur Bastien Marol juge la course serrée. « Rien n'est fait », prévient-il. "
        "Pour l'heure, la sortante selon les derniers chiffres garde « une petite avance »."
    )
    quote = _find(_quotes(text, ctx), "une petite avance")
    assert quote is not None  # the sondeur's words, not the figures'
    assert quote.speaker is None or "chiffres" not in quote.speaker.name


@pytest.mark.model
def test_figures_that_name_their_author_still_speak(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Selon les prévisions de la Banque de France, la croissance restera faible l'an prochain."
    )
    assert _speaker_name(text, "la croissance restera faible", ctx) == "Banque de France"


@pytest.mark.model
def test_a_headline_source_left_unnamed_is_the_person_the_body_names_so(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Un virologue belge : «La Belgique sera bientôt débordée»\n"
        "Très écouté depuis la pandémie, le virologue belge Jan Peeters estime que la vague "
        "sera courte."
    )
    assert _speaker_name(text, "La Belgique sera bientôt débordée", ctx) == "Jan Peeters"


@pytest.mark.model
def test_a_headline_source_stays_unnamed_when_the_body_describes_someone_else(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Un virologue belge : «La Belgique sera bientôt débordée»\n"
        "Très écouté depuis la pandémie, le virologue français Marc Gilles estime que la vague "
        "sera courte."
    )
    quote = _find(_quotes(text, ctx), "La Belgique sera bientôt débordée")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity is None


@pytest.mark.model
def test_a_view_relative_after_an_apposition_takes_up_the_person(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« On demande un plan social », a déclaré à l'AFP Bernard Lasalle, à la tête du comité "
        "organisateur de la marche, pour qui « la crise dure depuis dix ans »."
    )
    assert _speaker_name(text, "la crise dure depuis dix ans", ctx) == "Bernard Lasalle"


@pytest.mark.model
def test_a_subject_after_names_joined_by_et_is_no_apposition(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La CGT pointe dans son communiqué les choix du dirigeant. Le syndicat ne digère pas "
        "non plus la création de Volta. En partageant le capital avec Geely et Aramco, le "
        "syndicat affirme que « l'entreprise a troqué sa souveraineté »."
    )
    assert _speaker_name(text, "l'entreprise a troqué sa souveraineté", ctx) == "CGT"


@pytest.mark.model
def test_a_reflexive_verb_read_as_a_noun_still_makes_a_reported_clause(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "L'économiste Karim Ben Salah considère que l’économie s’achemine vers la faillite, "
        "estimant que la crise sera déclarée fin 2013."
    )
    assert _speaker_name(text, "l’économie s’achemine vers la faillite", ctx) == "Karim Ben Salah"
