"""Round 13b (realdev4 speakers): ``a-t-on appris auprès de X``, ``l'un des avocats``, a
fronted ``selon X`` for every fragment of its sentence, ``la partie américaine``.

All sentences are invented.
"""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context

pytestmark = pytest.mark.model


def _quotes(text: str) -> list[tuple[str, str | None]]:
    a = analyze(text, lang="fr", published="2025-03-04", context=default_context())
    return [(q.text, q.speaker.entity if q.speaker else None) for q in a.quotes]


def _speaker_of(found: list[tuple[str, str | None]], start: str) -> str | None:
    return next(s for t, s in found if t.startswith(start))


def test_learned_from_body_after_aupres() -> None:
    """``« … », a-t-on appris auprès du rectorat de X``: the body said the words."""
    found = _quotes(
        "Plusieurs élèves ont été exclus mardi du lycée Victor-Hugo. "
        '"Les sanctions ont été prononcées, une enquête est ouverte", '
        "a-t-on appris mercredi auprès du rectorat de Nantes."
    )
    assert _speaker_of(found, "Les sanctions") == "rectorat-de-nantes"


def test_learned_by_outlet_from_body() -> None:
    """``« … », a appris l'AFP auprès de la mairie de X``: the outlet only heard them."""
    found = _quotes(
        "La piscine restera fermée. "
        '"Les travaux prendront six mois", a appris l\'AFP auprès de la mairie de Lyon.'
    )
    assert _speaker_of(found, "Les travaux") == "mairie-de-lyon"


def test_learned_from_unnamed_source_is_not_previous_speaker() -> None:
    """``a-t-on appris dans son entourage`` names nobody: an unnamed source, never the
    previous speaker."""
    found = _quotes(
        "Jean Dupont a parlé lundi. "
        '"Les sanctions ont été prononcées", a-t-on appris dans son entourage.'
    )
    assert _speaker_of(found, "Les sanctions") is None


def test_one_of_the_lawyers_in_headline() -> None:
    """``dénonce l'un des avocats de la famille`` in a headline: the lawyer the lead names."""
    found = _quotes(
        'Décès en garde à vue : "Ce procès est une mascarade", dénonce l\'un des avocats '
        "de la famille\nMe Paul Martin, l'un des avocats de la famille de Jean Roux, a été "
        "formel jeudi sur RTL. Il demande une enquête."
    )
    assert _speaker_of(found, "Ce procès") == "paul-martin"


def test_one_of_the_lawyers_introduced_before() -> None:
    """Guard: ``l'une des avocates``: the woman introduced before as the family's lawyer
    (right before the change too, by the pronoun reading of ``une``)."""
    found = _quotes(
        "Marie Roux, avocate de la famille, a pris la parole mardi. "
        '"Ce procès est une mascarade", dénonce l\'une des avocates.'
    )
    assert _speaker_of(found, "Ce procès") == "marie-roux"


def test_one_of_unnamed_employees_stays_unnamed() -> None:
    """Guard: ``l'un des salariés`` introduced nowhere is an unnamed source."""
    found = _quotes("\"Nous sommes inquiets\", affirme l'un des salariés de l'usine.")
    assert _speaker_of(found, "Nous sommes") is None


def test_fronted_selon_gives_every_fragment() -> None:
    """``Toujours selon la porte-parole, le gouvernement serait en train de « … » l'économie
    « … »``: the second fragment too is the source's, not the clause subject's."""
    found = _quotes(
        "Marie Leroy a critiqué le gouvernement. «Ils ne l'ont pas voté», a-t-elle poursuivi.\n"
        "Toujours selon la porte-parole du parti, le gouvernement serait en train de "
        "«saborder» l'économie «soit par paresse, soit par ignorance des dossiers»."
    )
    assert _speaker_of(found, "soit par paresse") == "marie-leroy"


def test_side_in_negotiations_is_the_state() -> None:
    """``la partie américaine a déclaré que …``: the state's side, not the person named
    before."""
    found = _quotes(
        "Samedi, Paul Martin a exprimé sa surprise face à la réunion prévue, malgré le fait "
        "que la partie américaine a déclaré plus tôt que Kiev avait été invitée."
    )
    assert _speaker_of(found, "Kiev avait") == "united-states"


def test_part_of_a_place_is_no_state() -> None:
    """Guard: ``la partie française de l'île`` is a place, no mention of France."""
    a = analyze(
        "Paul Martin vit dans la partie française de l'île. Il a déclaré que la route était "
        "fermée.",
        lang="fr",
        published="2025-03-04",
        context=default_context(),
    )
    assert all(e.id != "france" for e in a.entities)
