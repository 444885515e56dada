"""Session 20: speakers from a new blind set of real excerpts (media and platforms; consumers
and prices; French-speaking Africa), rebuilt as invented passages."""

from __future__ import annotations

import pytest

from allegiance.analysis import default_context
from quote_helpers import analyzed_quotes as _quotes
from quote_helpers import speaker_named


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


@pytest.mark.model
def test_a_body_is_no_antecedent_of_words_in_the_first_person_singular(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le chroniqueur Marc Veyrat a accusé de persécution le régulateur, l'Arcom, lundi "
        "soir.\n\n"
        "L'Arcom a décidé en juillet de retirer la fréquence de la chaîne, qui a cumulé des "
        "amendes pour les dérapages de sa vedette.\n\n"
        "« Depuis des années, je fais l'objet d'un harcèlement » et « j'ai décidé de saisir la "
        "justice », a-t-il annoncé."
    )
    quotes = _quotes(text, ctx)
    assert speaker_named(quotes, "je fais l'objet") == "Marc Veyrat"
    assert speaker_named(quotes, "j'ai décidé de saisir") == "Marc Veyrat"


@pytest.mark.model
def test_a_body_speaking_as_nous_stays_the_pronouns_antecedent(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le chroniqueur Marc Veyrat a critiqué le groupe Vectis lundi.\n\n"
        "Le groupe Vectis a décidé en juillet de fermer deux usines dans le Nord.\n\n"
        "« Nous n'avions pas le choix », a-t-il expliqué."
    )
    assert speaker_named(_quotes(text, ctx), "Nous n'avions pas le choix") == "Vectis"
