"""French quote detection: which marked stretches are quotes (scare quotes, charges, titles,
short partial quotes, nested quotes) and which cues report speech (invented sentences)."""

from __future__ import annotations

import pytest

from allegiance.extract.nested_quotes import inner_pairs
from allegiance.models import Quote
from quote_helpers import quotes_of

NAMES = {
    "paul-durand": ["Paul Durand", "Durand"],
    "marie-leroy": ["Marie Leroy", "Leroy"],
    "org-acme": ["Acme"],
    "org-canard": ["Le Canard enchaîné"],
}


def test_inner_pairs_inside_an_outer_quote() -> None:
    text = "« Il nous disait « c'est fini » et “jamais” », a dit Paul."
    pairs = inner_pairs(text, 1, text.index(" »,") + 1)
    assert [text[a + 1 : b] for a, b in pairs] == [" c'est fini ", "jamais"]


def test_inner_pairs_none_without_inner_marks() -> None:
    text = "« Rien à signaler », a dit Paul."
    assert inner_pairs(text, 1, text.index(" »")) == []


# -- through the real model ----------------------------------------------------------------------


def _texts(quotes: list[Quote]) -> list[str]:
    return [q.text for q in quotes]


@pytest.mark.model
def test_legal_charges_are_not_quotes(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Paul Durand a été mis en examen pour « abus de biens sociaux », « recel » et "
        "« blanchiment aggravé en bande organisée » le 3 mars."
    )
    assert _texts(quotes_of(fr_nlp, body, NAMES)) == []


@pytest.mark.model
def test_short_fragments_listed_with_a_cued_one_are_quotes(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Marie Leroy aurait fait construire la maison « sans permis », ni « déclaration "
        "préalable », écrit Le Canard enchaîné."
    )
    texts = _texts(quotes_of(fr_nlp, body, NAMES))
    assert "sans permis" in texts and "déclaration préalable" in texts


@pytest.mark.model
def test_short_fragment_after_an_accusation_is_a_quote(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Paul Durand est accusé par Acme d'avoir « saboté » la fusion et proposé une offre « fictive »."
    quotes = quotes_of(fr_nlp, body, NAMES)
    texts = _texts(quotes)
    assert "saboté" in texts and "fictive" in texts
    # only the marked fragments: the clause around them is not added as an indirect quote
    assert not any(q.kind == "indirect" for q in quotes)


@pytest.mark.model
def test_imaginary_quote_is_not_a_quote(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "« Tout va très bien », pourrait commenter Paul Durand."
    assert _texts(quotes_of(fr_nlp, body, NAMES)) == []


@pytest.mark.model
def test_name_in_marks_as_subject_is_not_a_quote(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Selon Marie Leroy, « Les Amis du Lac » organisent une marche dimanche prochain."
    quotes = quotes_of(fr_nlp, body, NAMES)
    assert "Les Amis du Lac" not in _texts(quotes)


@pytest.mark.model
def test_bibliographic_reference_is_not_a_quote(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Paul Durand, « La ville et ses ombres », Le Monde diplomatique, juin 2018."
    assert _texts(quotes_of(fr_nlp, body, NAMES)) == []


@pytest.mark.model
def test_nested_quote_with_its_own_cue(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Nous avons reçu un courriel qui nous disait « Payez maintenant ou partez » », "
        "raconte Paul Durand."
    )
    quotes = quotes_of(fr_nlp, body, NAMES)
    assert "Payez maintenant ou partez" in _texts(quotes)
    assert any(q.text.startswith("Nous avons reçu") for q in quotes)


@pytest.mark.model
def test_indirect_rejections(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Rien ne dit que la croissance reviendra l'an prochain. "
        "Il est accusé d'avoir détourné des fonds publics pendant des années. "
        "La commission pourra saisir le juge si elle estime que la loi est violée. "
        "Acme vérifie les comptes afin de s'assurer qu'ils respectent les règles."
    )
    assert [q for q in quotes_of(fr_nlp, body, NAMES) if q.kind == "indirect"] == []


@pytest.mark.model
def test_indirect_report_stays_in_its_paragraph(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Paul Durand a promis de surpasser toute autre offre, ce qui pourrait gêner Acme.\n\n"
        "Marie Leroy a répondu mardi."
    )
    quote = next(q for q in quotes_of(fr_nlp, body, NAMES) if q.kind == "indirect")
    assert quote.text == "de surpasser toute autre offre"


@pytest.mark.model
def test_source_before_colon_reports_what_precedes(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Une hausse qui n'est pas surprenante selon Marie Leroy : les prix montent partout."
    quote = next(q for q in quotes_of(fr_nlp, body, NAMES) if q.kind == "indirect")
    assert quote.text == "Une hausse qui n'est pas surprenante"
    assert quote.speaker is not None and quote.speaker.entity == "marie-leroy"


@pytest.mark.model
def test_eyes_of_the_latest_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Le produit est dangereux », a déclaré Marie Leroy mardi. "
        "À ses yeux, certains résidus pourraient avoir un effet négatif sur la santé."
    )
    quote = next(q for q in quotes_of(fr_nlp, body, NAMES) if q.kind == "indirect")
    assert quote.text.startswith("certains résidus pourraient")
    assert quote.speaker is not None and quote.speaker.entity == "marie-leroy"


@pytest.mark.model
def test_scare_quote_far_from_its_cue_is_not_a_quote(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "La part des annonces relevant de « multi-annonceurs » est passée de 29 % en 2018 à "
        "38 % en 2024 dans la région, relève Acme."
    )
    assert "multi-annonceurs" not in _texts(quotes_of(fr_nlp, body, NAMES))
