"""Round 12 (helper r12c3): speakers in French news conventions met in real reports.

All sentences are invented. Each test fails on the code before this round's change unless its
docstring marks it as a guard.
"""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context

pytestmark = pytest.mark.model


def _speakers(text: str) -> dict[str, str | None]:
    analysis = analyze(text, lang="fr", published="2025-03-04", context=default_context())
    return {q.text: (q.speaker.entity if q.speaker else None) for q in analysis.quotes}


def _speaker_of(text: str, fragment: str) -> str | None:
    found = [spk for quote, spk in _speakers(text).items() if fragment in quote]
    assert found, f"no quote holding {fragment!r}"
    return found[0]


def test_addressee_before_inverted_subject_is_not_the_speaker() -> None:
    """``», a indiqué à l'AFP X``: the phrase behind ``à`` is whom the speaker told."""
    text = (
        "«Les flammes se sont propagées à deux maisons», a indiqué à l'AFP Marc Delorme, "
        "le procureur de Rouen."
    )
    assert _speaker_of(text, "Les flammes") == "marc-delorme"


def test_addressee_before_inverted_description_in_unmarked_report() -> None:
    """``…, a précisé à l'AFP le procureur de X, Y``: the inverted description and its name."""
    text = (
        "Le feu a pris vers minuit dans un hangar. Les flammes se sont propagées à deux autres "
        "voitures et à un atelier, a précisé à l'AFP le procureur de Besançon, Paul Lallemand, "
        "confirmant une information."
    )
    assert _speaker_of(text, "Les flammes") == "paul-lallemand"


def test_role_apposition_of_name_hung_on_verb() -> None:
    """``La maison du maire de Y, X, qui …``: X is the maire, so ``le procureur`` later is the
    procureur introduced before, not X."""
    text = (
        "Un incendie a visé la maison d'un élu, a indiqué le procureur de Rouen, Paul-Édouard "
        "Lallemand. La maison du maire de Vernay, Jean-Pierre Hocard, qui se trouvait seul à "
        "son domicile, n'a pas été endommagée. «Les premières constatations nous laissent "
        "penser à un acte volontaire», a déclaré le procureur, qui a ouvert une enquête."
    )
    assert _speaker_of(text, "Les premières constatations") == "paul-edouard-lallemand"


def test_pronominal_incise_inside_the_marks() -> None:
    """``"…, se désole X, gérant. …"``: a pronominal verb inverts its subject in an incise."""
    text = (
        'Les commerçants sont inquiets. "Je ne comprends pas ce choix, se désole Paul Martin, '
        "gérant d'un magasin. Le mois de juillet est important pour nous.\""
    )
    assert _speaker_of(text, "Je ne comprends pas") == "paul-martin"


def test_addressed_incise_inside_the_marks() -> None:
    """``« …, nous confie X. … »``: the object clitic before the incise verb."""
    text = (
        "Le chantier dure. «Nous avons tout perdu, nous confie Paul Martin. Le mois de juillet "
        "est important pour nous.»"
    )
    assert _speaker_of(text, "Nous avons tout perdu") == "paul-martin"


def test_postposed_pour_without_comma_after_a_quoted_sentence() -> None:
    """``"…" pour X, restaurateur.``: the comma before ``pour`` is often left out."""
    text = (
        'Le chantier inquiète. "Les travaux nous coûtent cher" pour Luc Bernard, boulanger '
        "dans la rue."
    )
    assert _speaker_of(text, "Les travaux nous") == "luc-bernard"


def test_guard_pour_without_comma_inside_a_sentence() -> None:
    """Guard: ``réclame des « mesures » pour X``: for whom, the cue's subject speaks."""
    text = "Le syndicat agricole réclame des «mesures d'urgence» pour Luc Bernard."
    assert _speaker_of(text, "mesures d'urgence") != "luc-bernard"


def test_incise_pronoun_takes_subject_of_its_own_sentence() -> None:
    """``X a dénoncé « … », a-t-il ajouté``: the subject of the same sentence, a given name
    the tagger does not know (read as a common noun) included, over an earlier speaker."""
    text = (
        "Lansana Keita a revendiqué la victoire «dès le premier tour», sans attendre les "
        "résultats. Mais le numéro 2 de la commission électorale, Bakary Sangaré, a dénoncé "
        "«une proclamation prématurée et nulle», a-t-il ajouté."
    )
    assert _speaker_of(text, "proclamation") == "bakary-sangare"
