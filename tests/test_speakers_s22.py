"""Session 22: French unions of workers, farmers and employers known by name."""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context
from quote_helpers import analyzed_quotes as _quotes
from quote_helpers import find_quote


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "fragment", "entity"),
    [
        (
            "La Coordination rurale demande « des actes rapidement pour sauver nos exploitations ».",
            "des actes rapidement",
            "coordination-rurale",
        ),
        (
            "Selon la Confédération paysanne, les prix payés aux éleveurs ont encore baissé.",
            "les prix payés",
            "confederation-paysanne",
        ),
        (
            "La FNSEA a jugé les annonces du gouvernement « insuffisantes ».",
            "insuffisantes",
            "fnsea",
        ),
    ],
)
def test_farmers_unions_speak_by_name(ctx, text: str, fragment: str, entity: str) -> None:  # type: ignore[no-untyped-def]
    quote = find_quote(_quotes(text, ctx), fragment)
    assert quote is not None and quote.speaker is not None and quote.speaker.entity == entity


@pytest.mark.model
def test_bare_initials_of_a_union_name_no_union(ctx) -> None:  # type: ignore[no-untyped-def]
    """``JA`` and ``CR`` are no aliases: alone they are other things (a ``CR`` is a report,
    ``JA`` initials), and the NER tags them as organisations."""
    article = analyze("Le CR de la réunion a été envoyé à JA Martin lundi.", lang="fr", context=ctx)
    ids = {e.id for e in article.entities}
    assert not ids & {"coordination-rurale", "jeunes-agriculteurs"}
    article = analyze(
        "Les Jeunes Agriculteurs (JA) et la Coordination rurale (CR) bloquent le périphérique. "
        "Les JA réclament des prix planchers.",
        lang="fr",
        context=ctx,
    )
    names = {e.id: e for e in article.entities}
    assert {"jeunes-agriculteurs", "coordination-rurale"} <= set(names)


@pytest.mark.model
def test_the_acronym_of_a_known_body_joins_its_entry(ctx) -> None:  # type: ignore[no-untyped-def]
    """``la Coordination rurale (CR)``: the knowledge base knows the name, not the acronym;
    each later ``CR`` is the same body, not a body of its own."""
    text = (
        "La FNSEA et la Coordination rurale (CR) bloquent le périphérique. La CR demande « des "
        "actes rapidement »."
    )
    article = analyze(text, lang="fr", context=ctx)
    by_id = {e.id: [m.text for m in e.mentions] for e in article.entities}
    assert "CR" in by_id["coordination-rurale"]
    assert "cr" not in by_id
    quote = find_quote(article.quotes, "des actes")
    assert quote is not None and quote.speaker is not None
    assert quote.speaker.entity == "coordination-rurale"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "known"),
    [
        (
            "La Fondation Nicolas Hulot (FNH) publie un rapport. Selon la FNH, les aides doivent "
            "être conditionnées. Nicolas Hulot, lui, s'est retiré de la vie publique.",
            "nicolas-hulot",
        ),
        (
            "Renault Trucks (RT) ferme une ligne à Bourg-en-Bresse. RT emploie 1 500 personnes. "
            "Renault n'est plus actionnaire de la marque depuis 2001.",
            "renault",
        ),
    ],
)
def test_review_a_known_name_inside_a_longer_one_takes_no_acronym(
    ctx, text: str, known: str
) -> None:  # type: ignore[no-untyped-def]
    """The acronym spells the longer name (a foundation, a subsidiary), not the known person
    or parent company inside it."""
    article = analyze(text, lang="fr", context=ctx)
    by_id = {e.id: [m.text for m in e.mentions] for e in article.entities}
    acronym = text[text.index("(") + 1 : text.index(")")]
    assert acronym not in by_id.get(known, [])
