"""French quote detection on constructions of real news (invented sentences): marks that lie
about their direction, fragments deep in a speech verb's content clause, ``appeler « à … »``,
the parties of a trial and relative ``selon qui`` as opinion frames, run-in headings, links to
other articles."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from allegiance.clean.normalize import normalize_for_nlp
from allegiance.extract.quote_marks import find_marked_spans
from allegiance.extract.quotes import find_quotes
from allegiance.models import Quote
from entity_helpers import entities_named
from quote_helpers import quotes_of

NAMES = {
    "paul-durand": ["Paul Durand", "Durand"],
    "jeanne-martin": ["Jeanne Martin", "Martin"],
    "lea-roux": ["Léa Roux", "Roux"],
}


def _texts(quotes: list[Quote], kind: str | None = None) -> list[str]:
    return [q.text for q in quotes if kind is None or q.kind == kind]


# --- marks whose shape lies (machine translation) -------------------------------------------


def test_english_opening_mark_closing_a_guillemet() -> None:
    text = "« Où est-il ? Qui l'a vu ? “, demande-t-il. “Rien ne change”, a-t-il ajouté."
    spans = find_marked_spans(text)
    contents = [text[s.start : s.end].strip() for s in spans]
    assert contents == ["Où est-il ? Qui l'a vu ?", "Rien ne change"]


def test_opening_mark_after_a_word_closes() -> None:
    text = "“Jamais“ a-t-il dit, puis “Toujours”."
    contents = [text[s.start : s.end] for s in find_marked_spans(text)]
    assert contents == ["Jamais", "Toujours"]


def test_closing_mark_before_a_word_opens() -> None:
    text = "Il a répondu ”Non merci” puis il est parti."
    spans = find_marked_spans(text)
    assert [text[s.start : s.end] for s in spans] == ["Non merci"]
    assert not spans[0].orphan


def test_ordinary_curly_marks_unchanged() -> None:
    text = "Elle a dit : “ Bonjour à tous ” et “ au revoir ”."
    assert [text[s.start : s.end].strip() for s in find_marked_spans(text)] == [
        "Bonjour à tous",
        "au revoir",
    ]


@pytest.mark.model
def test_run_of_translated_quotes_is_split(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Pourquoi tant de bruit ? Qu'avons-nous appris de neuf ? “, demande Paul Durand. "
        "“Notre ligne reste la même”, a ajouté le ministre."
    )
    direct = _texts(quotes_of(fr_nlp, body, NAMES), "direct")
    assert "Pourquoi tant de bruit ? Qu'avons-nous appris de neuf ?" in direct
    assert "Notre ligne reste la même" in direct


# --- fragments that belong to a speaker -----------------------------------------------------


@pytest.mark.model
def test_fragment_deep_in_a_que_clause(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    """The parser often cuts such a sentence at the dashes of an aside: rebuild the parse cut
    there, so that the fragment's clause is no longer under the cue at all."""
    body = (
        "Paul Durand a affirmé que les offres du syndicat – hausse des salaires – "
        'permettraient au groupe "de tout bloquer".'
    )
    parsed = fr_nlp(normalize_for_nlp(body))
    dash = next(t.i for t in parsed if t.text in "–-")
    cue = next(t.i for t in parsed if t.text == "affirmé")
    heads = []
    for tok in parsed:
        head = tok.head.i
        if tok.i == dash or (tok.i > dash and head < dash):
            head = dash  # the aside and what follows become a sentence of their own
        elif tok.i < dash and head >= dash:
            head = cue
        heads.append(head)
    doc = Doc(
        parsed.vocab,
        words=[t.text for t in parsed],
        spaces=[bool(t.whitespace_) for t in parsed],
        heads=heads,
        deps=["ROOT" if t.i in (dash, cue) else t.dep_ for t in parsed],
        pos=[t.pos_ for t in parsed],
        lemmas=[t.lemma_ for t in parsed],
        morphs=[str(t.morph) for t in parsed],
    )
    assert len(list(doc.sents)) > 1
    quotes = find_quotes(doc, entities_named(body, NAMES), "fr")
    assert "de tout bloquer" in _texts(quotes, "partial")


@pytest.mark.model
def test_author_clause_after_mais_is_not_the_speakers(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Paul Durand et Jeanne Martin rappellent que la règle était simple dans la maison, "
        "mais depuis lors il y a eu un « hélas » dans les couloirs."
    )
    assert "hélas" not in _texts(quotes_of(fr_nlp, body, NAMES))


@pytest.mark.model
def test_appeler_a_is_a_call_not_a_name(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Jeanne Martin a appelé «au calme» mardi soir sur les réseaux sociaux."
    assert "au calme" in _texts(quotes_of(fr_nlp, body, NAMES), "partial")


@pytest.mark.model
def test_appele_before_a_name_still_names(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Jeanne Martin a lancé un mouvement appelé « Demain ensemble » mardi."
    assert "Demain ensemble" not in _texts(quotes_of(fr_nlp, body, NAMES))


@pytest.mark.model
def test_trial_party_opinion_frame(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le procès a repris lundi à Lyon. Pour l'accusation, le prévenu n'était pas \"fou\". "
        "Le verdict est attendu mardi."
    )
    assert "fou" in _texts(quotes_of(fr_nlp, body, NAMES), "partial")


@pytest.mark.model
def test_relative_selon_qui(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Nous cherchons une issue », a fait savoir Léa Roux, selon qui la « seule voie » "
        "est de « signer la paix »."
    )
    partial = _texts(quotes_of(fr_nlp, body, NAMES), "partial")
    assert "seule voie" in partial and "signer la paix" in partial


@pytest.mark.model
def test_run_in_heading_repeated_in_a_quote(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le procès s'achève.\n\n"
        'Des peines "trop lourdes". "Ces peines sont trop lourdes pour un homme seul", '
        "a estimé Paul Durand, l'avocat de la défense."
    )
    assert "trop lourdes" in _texts(quotes_of(fr_nlp, body, NAMES), "partial")


@pytest.mark.model
def test_read_also_link_is_not_a_quote(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        'Le tribunal a rendu sa décision.\n\n>> A lire aussi :Durand : "je ne veux plus vivre"\n\n'
        "L'audience a duré deux jours."
    )
    assert "je ne veux plus vivre" not in _texts(quotes_of(fr_nlp, body, NAMES))
