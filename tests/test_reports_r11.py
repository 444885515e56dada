"""Round 11 (reported speech): invented sentences for the rules of the ``reports`` helper.

Each test fails on the code before the change; the guards (marked in their docstrings) must not
change.
"""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


def _quote(ctx, text: str, fragment: str):  # type: ignore[no-untyped-def]
    result = analyze(text, lang="fr", published="2025-03-04", context=ctx)
    hits = [q for q in result.quotes if fragment in q.text]
    assert hits, f"no quote holding {fragment!r}: {[q.text for q in result.quotes]}"
    return hits[0]


def _speaker(ctx, text: str, fragment: str) -> str | None:  # type: ignore[no-untyped-def]
    quote = _quote(ctx, text, fragment)
    return quote.speaker.entity if quote.speaker else None


# -- an adverbial between the auxiliary (or ``faire``) and the participle ----------------------


def test_adverbial_between_auxiliary_and_participle(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Bertrand Olivier a une nouvelle fois affirmé que la ligne serait rouverte."
    assert _speaker(ctx, text, "la ligne serait rouverte") == "bertrand-olivier"


def test_phrase_between_commas_after_auxiliary(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Bertrand Olivier a, dans une lettre aux salariés, affirmé que l'usine resterait ouverte."
    )
    assert _speaker(ctx, text, "l'usine resterait ouverte") == "bertrand-olivier"


def test_causative_faire_savoir(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Inès Garnier a fait savoir qu'elle quitterait la présidence du club en juin."
    assert _speaker(ctx, text, "quitterait la présidence") == "ines-garnier"


def test_accused_is_not_the_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    """The object of ``accuser`` after ``a une nouvelle fois`` was taken for the speaker."""
    text = "Bertrand Olivier a une nouvelle fois accusé Corvalis de « chantage permanent »."
    assert _speaker(ctx, text, "chantage permanent") == "bertrand-olivier"


def test_day_between_commas_no_garbage(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Bertrand Olivier a, mardi, accusé Corvalis de « chantage permanent »."
    result = analyze(text, lang="fr", published="2025-03-04", context=ctx)
    assert [(q.kind, q.speaker.entity if q.speaker else None) for q in result.quotes] == [
        ("partial", "bertrand-olivier")
    ]


def test_headline_present_object_is_not_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Pékin accuse Tokyo de « mensonges éhontés »."
    assert _speaker(ctx, text, "mensonges éhontés") == "china"


def test_guard_postposed_fait_savoir(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: ``…, a fait savoir X`` still reports the clause before it."""
    text = "Les deux syndicats ont fixé la grève au 12 mai, a fait savoir mercredi la CGT."
    assert _speaker(ctx, text, "fixé la grève") == "cgt"


# -- ``dément`` read as an adjective --------------------------------------------------------


def test_dement_infinitive(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Bertrand Olivier dément avoir signé le moindre contrat avec la mairie."
    assert _speaker(ctx, text, "signé le moindre contrat") == "bertrand-olivier"


def test_dement_coordinated_report(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Le groupe Orbitel dément toute fraude et assure que ses comptes sont sincères."
    assert _speaker(ctx, text, "ses comptes sont sincères") == "orbitel"


# -- a contrast clause after a partial quote -------------------------------------------------


def test_contrast_clause_keeps_the_first_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Bertrand Olivier a dénoncé une « mascarade », tandis que Lucie Ferrand réclamait un vote."
    )
    assert _speaker(ctx, text, "mascarade") == "bertrand-olivier"


# -- an outlet relaying in an incise ---------------------------------------------------------


def test_relaying_incise_keeps_the_speech_verb_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Bertrand Olivier a jugé la réforme « irréaliste », a rapporté Le Figaro."
    result = analyze(text, lang="fr", published="2025-03-04", context=ctx)
    assert [(q.kind, q.speaker.entity if q.speaker else None) for q in result.quotes] == [
        ("partial", "bertrand-olivier")
    ]


# -- ``d'après une source …, ORG …`` ---------------------------------------------------------


def test_unnamed_source_before_organisation(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "D'après une source syndicale, Corvalis Industries pourrait annoncer un plan de départs."
    quote = _quote(ctx, text, "pourrait annoncer un plan")
    assert quote.speaker is not None and quote.speaker.entity is None


def test_guard_source_with_apposed_name(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: ``Selon sa porte-parole, NAME, …`` names the source."""
    text = (
        "Lucie Ferrand a quitté la salle. Selon son porte-parole, Bertrand Olivier, "
        "la réunion a été « un fiasco »."
    )
    assert _speaker(ctx, text, "un fiasco") == "bertrand-olivier"


# -- a source between commas inside the sentence ---------------------------------------------


def test_selon_inside_sentence(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Le chantier, selon Bertrand Olivier, sera terminé en juin."
    quote = _quote(ctx, text, "sera terminé en juin")
    assert quote.text.startswith("Le chantier")  # the subject belongs to the reported clause
    assert quote.speaker is not None and quote.speaker.entity == "bertrand-olivier"


def test_verb_incise_inside_sentence(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Les travaux, estime Bertrand Olivier, reprendront à la rentrée."
    assert _speaker(ctx, text, "reprendront à la rentrée") == "bertrand-olivier"


def test_guard_participle_between_commas(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: a participle set off by commas (``soutenus par X``) is no source."""
    text = "Les efforts de la Norvège, soutenus par le Canada, n'ont pas abouti."
    result = analyze(text, lang="fr", published="2025-03-04", context=ctx)
    assert not [q for q in result.quotes if "abouti" in q.text]


# -- ``annoncer son intention de`` ----------------------------------------------------------


def test_announced_intention(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Bertrand Olivier a annoncé son intention de vendre le club."
    assert _speaker(ctx, text, "vendre le club") == "bertrand-olivier"


def test_guard_denied_intent_is_no_report(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: ``contester toute intention de nuire`` has a noun phrase object only."""
    text = "Bertrand Olivier a contesté toute intention de nuire."
    result = analyze(text, lang="fr", published="2025-03-04", context=ctx)
    assert not [q for q in result.quotes if "nuire" in q.text]
