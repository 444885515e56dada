"""Round 13, speakers named by a description: demonyms and role nouns before a mistyped name.

All sentences are invented.
"""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context

pytestmark = pytest.mark.model


def _speaker_of(text: str, fragment: str) -> tuple[str | None, str | None]:
    analysis = analyze(text, lang="fr", published="2025-03-04", context=default_context())
    for quote in analysis.quotes:
        if fragment in quote.text:
            assert quote.speaker is not None, quote
            return quote.speaker.entity, quote.speaker.name
    raise AssertionError(f"no quote with {fragment!r}: {[q.text for q in analysis.quotes]}")


def test_role_and_adjectives_before_a_name_make_it_a_person() -> None:
    """``le conseiller présidentiel ukrainien X``: the adjectives between the role noun and
    the name do not hide the role; the name is a person's even when the model calls it a place,
    and the quote is that person's, not the president's."""
    text = (
        "Le président ukrainien Volodymir Zelensky a parlé mercredi. "
        '"Nous n\'avons aucune information sur ces attaques", a déclaré le conseiller '
        "présidentiel ukrainien Myjailo Podolyak sur son compte Twitter."
    )
    entity, _ = _speaker_of(text, "aucune information")
    assert entity == "myjailo-podolyak"


def test_demonym_takes_up_the_person_with_that_gender() -> None:
    """``a regretté le Zougois``: a capitalised demonym with the definite article is a person
    taken up by their canton; the masculine one is not either of the two women named since."""
    text = (
        "Le chef du groupe, Marc Keller, a présenté la position du parti lundi. "
        "Ni la Vaudoise Anne Rochat ni la Genevoise Julie Morel n'ont convaincu. "
        "« Aucune des deux ne nous a tendu la main », a regretté le Zougois devant la presse."
    )
    entity, _ = _speaker_of(text, "tendu la main")
    assert entity == "marc-keller"


def test_demonym_after_selon() -> None:
    """``Selon le Neuchâtelois, …`` after a named politician: that politician."""
    text = (
        "Christian Dubois a dénoncé la décision du Conseil. Il a ajouté que la base était "
        "furieuse. Selon le Neuchâtelois, la ministre savait très bien ce qu'elle faisait."
    )
    entity, _ = _speaker_of(text, "la ministre savait")
    assert entity == "christian-dubois"


def test_guard_a_place_noun_is_no_demonym() -> None:
    """Guard (unchanged): ``le Palais`` ends like a demonym but is a building, never the
    person named last."""
    text = (
        "Le président Paul Girard a reçu les délégués au Palais. "
        "« Nous avons avancé », a indiqué le Palais dans la soirée."
    )
    entity, _ = _speaker_of(text, "Nous avons avancé")
    assert entity != "paul-girard"
