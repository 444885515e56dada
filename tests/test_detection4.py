"""French quote detection, fourth round (invented sentences): reporting verbs of the general
inventory that the lexicon lacked, speakers named by a common noun the speaker list lacked
(office holders, the anonymous press source, kin and age nouns, bodies), and views set at the
head of a sentence by a locution (``Aux yeux de X``, ``De l'avis de X``, ``Aux dires de X``)."""

from __future__ import annotations

import pytest

from allegiance.models import Quote
from quote_helpers import quotes_of

NAMES = {
    "jeanne-roux": ["Jeanne Roux"],
    "paul-morel": ["Paul Morel"],
}


def _indirect(quotes: list[Quote]) -> list[tuple[str, str | None]]:
    """(content, speaker name) of each indirect quote."""
    return [(q.text, q.speaker.name if q.speaker else None) for q in quotes if q.kind == "indirect"]


@pytest.mark.model
@pytest.mark.parametrize(
    ("body", "content"),
    [
        ("Jeanne Roux avance que la digue a cédé sous la pression.", "la digue a cédé sous"),
        ("Paul Morel maintient que le contrat était valable.", "le contrat était valable"),
        ("Jeanne Roux redoute que la grève ne s'éternise.", "la grève ne s'éternise"),
        ("Paul Morel prétend avoir été menacé par ses voisins.", "avoir été menacé"),
        ("Jeanne Roux a réaffirmé que la réforme serait votée.", "la réforme serait votée"),
    ],
)
def test_reporting_verbs_of_the_general_inventory(fr_nlp, body: str, content: str) -> None:  # type: ignore[no-untyped-def]
    found = _indirect(quotes_of(fr_nlp, body, NAMES))
    assert len(found) == 1
    assert content in found[0][0]
    assert found[0][1] in {"Jeanne Roux", "Paul Morel"}


@pytest.mark.model
@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        ("Le préfet a assuré que la situation était sous contrôle.", "Le préfet"),
        ("Le vice-ministre a assuré que des progrès avaient été accomplis.", "Le vice-ministre"),
        ("La quinquagénaire raconte avoir passé la nuit dehors.", "La quinquagénaire"),
        ("Les travaux reprendront lundi, a indiqué une source proche du dossier.", "une source"),
        (
            "Le bureau du maire a fait savoir que la ville ne se sentait pas concernée.",
            "Le bureau du maire",
        ),
    ],
)
def test_common_nouns_of_people_and_bodies_are_speakers(fr_nlp, body: str, speaker: str) -> None:  # type: ignore[no-untyped-def]
    found = _indirect(quotes_of(fr_nlp, body, NAMES))
    assert len(found) == 1
    assert found[0][1] is not None and found[0][1].startswith(speaker)


@pytest.mark.model
def test_a_thing_after_the_verb_is_still_no_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    # ``conteste les accusations``: a trial word as object names nobody
    body = "Paul Morel, qui a quitté le club en 2019, conteste les accusations portées contre lui."
    assert all(s != "les accusations" for _, s in _indirect(quotes_of(fr_nlp, body, NAMES)))


@pytest.mark.model
@pytest.mark.parametrize(
    ("body", "content", "speaker", "cue"),
    [
        (
            "Aux yeux de Jeanne Roux, la réforme est un échec.",
            "la réforme est un échec",
            "Jeanne Roux",
            "Aux yeux de",
        ),
        (
            "De l'avis de Paul Morel, la réforme ne passera pas au Sénat.",
            "la réforme ne passera pas au Sénat",
            "Paul Morel",
            "De l'avis de",
        ),
        (
            "Aux dires du préfet, la digue a cédé sous la pression des eaux.",
            "la digue a cédé sous la pression des eaux",
            "préfet",
            "Aux dires du",
        ),
    ],
)
def test_view_locutions_heading_a_sentence(
    fr_nlp, body: str, content: str, speaker: str, cue: str
) -> None:  # type: ignore[no-untyped-def]
    quotes = [q for q in quotes_of(fr_nlp, body, NAMES) if q.kind == "indirect"]
    assert [q.text for q in quotes] == [content]
    assert quotes[0].speaker is not None and quotes[0].speaker.name.endswith(speaker)
    assert quotes[0].cue is not None and quotes[0].cue.text == cue


@pytest.mark.model
@pytest.mark.parametrize(
    "body",
    [
        "De l'avis général, la réforme est un échec.",  # no one named: nobody's view
        "Aux yeux de la loi, ce contrat est nul et non avenu.",  # a thing, not a speaker
    ],
)
def test_view_locutions_need_someone(fr_nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert _indirect(quotes_of(fr_nlp, body, NAMES)) == []
