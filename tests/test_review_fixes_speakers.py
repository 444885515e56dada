"""Regressions for the review of the speaker rules (issue #3, findings 2, 6a, 9, 10, 11, 13, 14):
each test runs the reviewer's invented sentence (or one like it) through the real models."""

from __future__ import annotations

import pytest

from allegiance.clean.normalize import normalize_for_nlp
from allegiance.extract.media import is_outlet
from allegiance.extract.quote_context import MentionRef
from allegiance.models import Entity
from entity_helpers import entities_named
from quote_helpers import quote_with, quotes_of

NAMES = {
    "jean-martin": ["Jean Martin"],
    "paul-leroy": ["Paul Leroy", "Leroy"],
    "org-economie": ["Économie"],
    "org-renault": ["Renault"],
    "org-le-monde": ["Le Monde"],
    "org-american-express": ["American Express"],
    "org-tesla": ["Tesla"],
    "org-apple": ["Apple"],
}


# -- finding 2: a singular pronoun falls back to an organisation only in French, only for the
# subject of the sentences just before, and never before a person of its gender ---------------
@pytest.mark.model
def test_il_is_not_an_organisation_named_in_passing(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le ministre de l'Économie a présenté son budget. "
        "Il a expliqué que les dépenses allaient baisser."
    )
    quote = quote_with(quotes_of(fr_nlp, body, NAMES), "dépenses allaient baisser")
    assert quote.speaker is None or quote.speaker.entity != "org-economie"


@pytest.mark.model
def test_il_stands_for_the_organisation_subject_before(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Le groupe Renault a publié ses comptes. Il a indiqué que les ventes avaient chuté."
    quote = quote_with(quotes_of(fr_nlp, body, NAMES), "ventes avaient chuté")
    assert quote.speaker is not None and quote.speaker.entity == "org-renault"


@pytest.mark.model
@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        (
            "Apple reported weak sales on Tuesday. He said the results were disappointing.",
            "results were disappointing",
        ),
        (
            "Tesla shares fell 5 percent. He added that the company would recover.",
            "company would recover",
        ),
    ],
)
def test_he_never_stands_for_an_organisation(en_nlp, body: str, fragment: str) -> None:  # type: ignore[no-untyped-def]
    quote = quote_with(quotes_of(en_nlp, body, NAMES, "en"), fragment)
    assert quote.speaker is None or quote.speaker.entity not in {"org-apple", "org-tesla"}


# -- finding 6(a): the ``selon`` passed over for the verb's subject builds no indirect quote ----
@pytest.mark.model
def test_passed_over_selon_builds_no_indirect_quote(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Le Premier ministre a qualifié la réforme d'« absurde » mardi, selon Le Monde."
    quotes = quotes_of(fr_nlp, body, NAMES)
    assert [q.kind for q in quotes] == ["partial"]
    assert quotes[0].text == "absurde"
    assert quotes[0].speaker is not None and "ministre" in quotes[0].speaker.name


@pytest.mark.model
def test_passed_over_selon_is_reported_as_used(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    from allegiance.extract.attribution import attribute_marked
    from allegiance.extract.quote_context import QuoteContext

    body = "Le Premier ministre a qualifié la réforme d'« absurde » mardi, selon Le Monde."
    ctx = QuoteContext(fr_nlp(normalize_for_nlp(body)), entities_named(body, NAMES), "fr")
    open_at, close_at = body.index("«"), body.index("»")
    got = attribute_marked(ctx, open_at, close_at, (open_at + 2, close_at - 1))
    assert got.cue is not None and got.cue.lemma_ == "qualifier"
    assert got.passed_selon is not None and got.passed_selon.lower_ == "selon"


# -- finding 9: a next sentence whose subject is a role noun still frames the quote ------------
@pytest.mark.model
def test_role_subject_after_a_closed_quote_is_its_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Nous n'avons rien à cacher. » Le ministre a ensuite quitté la salle sans répondre "
        "aux questions."
    )
    quote = quote_with(quotes_of(fr_nlp, body, NAMES), "rien à cacher")
    assert quote.speaker is not None and quote.speaker.name == "Le ministre"


# -- finding 10: a person who is a subject between two quotes takes the next one only when
# they speak (or agree), never when they refused to comment ----------------------------------
_FIRST = "« Nous n'avons rien à cacher », a assuré Jean Martin. "
_NEXT = "« C'est une affaire de justice. »"


@pytest.mark.model
@pytest.mark.parametrize(
    "between",
    [
        "Le ministre de l'Intérieur, Paul Leroy, a refusé de commenter. ",
        "Paul Leroy a refusé de commenter.\n",
        "Paul Leroy a quitté la salle.\n",
    ],
)
def test_silent_newcomer_does_not_take_the_next_quote(fr_nlp, between: str) -> None:  # type: ignore[no-untyped-def]
    quote = quote_with(quotes_of(fr_nlp, _FIRST + between + _NEXT, NAMES), "affaire de justice")
    assert quote.speaker is None or quote.speaker.entity != "paul-leroy"


@pytest.mark.model
@pytest.mark.parametrize(
    "between", ["Paul Leroy a répliqué aussitôt.\n", "Un constat que partage Paul Leroy.\n"]
)
def test_speaking_newcomer_takes_the_next_quote(fr_nlp, between: str) -> None:  # type: ignore[no-untyped-def]
    quote = quote_with(quotes_of(fr_nlp, _FIRST + between + _NEXT, NAMES), "affaire de justice")
    assert quote.speaker is not None and quote.speaker.entity == "paul-leroy"


# -- finding 11: an explainer's ``vous`` subheads make no interview ---------------------------
@pytest.mark.model
def test_explainer_subheads_are_no_interview(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Impôts 2025 : ce qui change pour vous\n"
        "Le ministre des Comptes publics, Paul Leroy, a présenté mardi la nouvelle déclaration "
        "en ligne.\n"
        "Quand devez-vous déclarer vos revenus ?\n"
        "La date limite est fixée au 22 mai.\n"
        "Comment pouvez-vous corriger une erreur ?\n"
        "Vous pouvez signaler à l'administration que votre situation a changé. Vous direz que "
        "vous avez déménagé.\n"
        "« Nous voulons simplifier la vie des Français », a expliqué Paul Leroy."
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    leroy = [q.text for q in quotes if q.speaker is not None and q.speaker.entity == "paul-leroy"]
    assert leroy == ["Nous voulons simplifier la vie des Français"]


# -- finding 13: a repeated pronoun is no part of the speaker's name --------------------------
@pytest.mark.model
def test_dislocated_pronoun_is_not_in_the_speaker_name(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    quote = quote_with(
        quotes_of(fr_nlp, "Le gouvernement, lui, affirme que les chiffres sont bons.", NAMES),
        "chiffres",
    )
    assert quote.speaker is not None and quote.speaker.name == "Le gouvernement"


# -- finding 14: everyday words do not make a company an outlet -------------------------------
class _NoPublishing:
    """A context stand-in: only names are judged, no mention publishes."""


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        ("Croix-Rouge", False),
        ("American Express", False),
        ("Deutsche Post", False),
        ("Le Temps des Cerises", False),
        ("Le Monde", True),
        ("La Croix", True),
        ("The Washington Post", True),
        ("Wall Street Journal", True),
        ("Les Échos", True),
        ("Agence France-Presse", True),
    ],
)
def test_outlet_names(name: str, outlet: bool) -> None:
    entity = Entity(name.lower().replace(" ", "-"), name, "organization")
    assert is_outlet(_NoPublishing(), MentionRef(0, len(name), entity)) is outlet  # type: ignore[arg-type]


@pytest.mark.model
def test_media_description_never_falls_back_to_a_company(en_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "American Express cut its forecast. The newspaper reported that the bank was worried."
    quote = quote_with(quotes_of(en_nlp, body, NAMES, "en"), "bank was worried")
    assert quote.speaker is None or quote.speaker.entity != "org-american-express"


@pytest.mark.model
def test_share_price_is_no_outlet(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    from allegiance.extract.media import is_media_noun

    doc = fr_nlp("Le titre a chuté de 5 % en Bourse. Le site d'information a révélé l'affaire.")
    titre = next(t for t in doc if t.lower_ == "titre")
    site = next(t for t in doc if t.lower_ == "site")
    assert not is_media_noun("fr", "titre", titre)
    assert is_media_noun("fr", "site", site)
    assert is_media_noun("fr", "quotidien")


@pytest.mark.model
def test_a_cue_in_a_relative_clause_after_the_quote_is_not_its_incise() -> None:
    from allegiance.analysis import analyze

    text = (
        "Interrogé jeudi, Donald Trump s'est dit « très déçu » par Elon Musk, "
        "qui a critiqué son projet de loi."
    )
    quotes = analyze(text, "fr", "2025-06-05").quotes
    assert [(q.text, q.speaker and q.speaker.name) for q in quotes] == [
        ("très déçu", "Donald Trump")
    ]
    incise = analyze("« Nous avons gagné », a déclaré Marie Dupont, qui dirige le syndicat.", "fr")
    assert [q.speaker and q.speaker.name for q in incise.quotes] == ["Marie Dupont"]
