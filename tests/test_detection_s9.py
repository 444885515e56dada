"""Session 9: straight single quotation marks in French web text ('…'), rebuilt as invented
passages; French elisions (l', n', d') stay apostrophes."""

from __future__ import annotations

import pytest

from allegiance.analysis import default_context
from quote_helpers import analyzed_quotes as _quotes
from quote_helpers import find_quote as _find
from quote_helpers import speaker_name as _name

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


def test_straight_single_marks_make_french_partial_quotes(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        "La ministre Hélène Marchal a jugé que la réforme 'n'est pas acceptable' et a qualifié "
        "la décision 'd'une erreur historique' devant les députés.",
        ctx,
    )
    first = _find(quotes, "n'est pas acceptable")
    second = _find(quotes, "d'une erreur historique")
    assert first is not None and first.text == "n'est pas acceptable" and first.kind == "partial"
    assert second is not None and second.text == "d'une erreur historique"
    assert _name(first) == _name(second) == "Hélène Marchal"


def test_elisions_alone_make_no_quote(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(
        "L'usine d'Arras n'ouvrira pas lundi : l'entreprise l'a fermée aujourd'hui, jusqu'à "
        "l'été prochain, et l'a vidée d'une partie de ses machines.",
        ctx,
    )
    assert quotes == []


def test_a_label_complement_after_a_naming_noun_is_a_partial_quote(ctx) -> None:  # type: ignore[no-untyped-def]
    """``a qualifié le projet « d'erreur historique »``: ``projet`` before the marks usually
    names the project (``le projet « Horizon »``), but a label's ``de`` complement names nothing."""
    quotes = _quotes(
        "Le sénateur Paul Verdier a qualifié le projet « d'erreur historique » devant la "
        "commission, puis il a présenté le projet « Horizon » aux élus.",
        ctx,
    )
    label = _find(quotes, "d'erreur historique")
    assert label is not None and label.kind == "partial" and _name(label) == "Paul Verdier"
    assert _find(quotes, "Horizon") is None


def test_lemma_guesses_undo_french_stem_changes() -> None:
    from allegiance.extract.frames import lemma_guesses

    assert "marteler" in lemma_guesses("martèle")  # grave accent before a mute ending
    assert "répéter" in lemma_guesses("répète")
    assert "rappeler" in lemma_guesses("rappelle")  # doubled consonant
    assert "jeter" in lemma_guesses("jettent")
    assert lemma_guesses("indique") == ["indiquer"]  # no stem change: one guess, as before


@pytest.mark.parametrize("verb", ["grommelle", "bafouille", "bredouille", "ronchonne", "chuchote"])
def test_manner_of_speaking_verbs_in_an_incise(ctx, verb: str) -> None:  # type: ignore[no-untyped-def]
    """The tagger reads these incise verbs as nouns or adjectives; listed as speech verbs, the
    incise's inverted subject is the speaker."""
    quotes = _quotes(f"« Ce n'est pas fini, on reviendra », {verb} le maire, Paul Martin.", ctx)
    q = _find(quotes, "Ce n'est pas fini")
    assert q is not None and _name(q) == "Paul Martin"


def test_an_indefinite_inverted_subject_is_kept_as_an_unnamed_source(ctx) -> None:  # type: ignore[no-untyped-def]
    """``« … », témoigne une habitante``: the unnamed source speaks, not the mayor quoted just
    before (the quote went to him), and the quote after it goes on with her."""
    quotes = _quotes(
        "Le maire Paul Martin a réuni les habitants mardi. « Nous allons installer des "
        "clôtures », a-t-il annoncé. « On n'a jamais vu autant de sangliers », témoigne une "
        "habitante, inquiète. « Mes enfants ont peur le soir. »",
        ctx,
    )
    mayor = _find(quotes, "installer des clôtures")
    witness = _find(quotes, "autant de sangliers")
    after = _find(quotes, "Mes enfants")
    assert mayor is not None and _name(mayor) == "Paul Martin"
    assert witness is not None and witness.speaker is not None
    assert witness.speaker.entity is None and witness.speaker.name == "une habitante"
    assert after is not None and after.speaker is not None and after.speaker.entity is None


def test_an_indefinite_document_is_no_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes("« Nous étudions la question », précise un communiqué de la mairie.", ctx)
    q = _find(quotes, "Nous étudions la question")
    assert q is not None and (q.speaker is None or "communiqué" not in q.speaker.name)


def test_the_outlet_spoken_to_is_not_part_of_the_description(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes("« Les digues ont tenu », a raconté le maire à l'AFP.", ctx)
    q = _find(quotes, "Les digues ont tenu")
    assert q is not None and q.speaker is not None and q.speaker.name == "le maire"


def test_a_body_description_never_goes_to_a_news_agency(ctx) -> None:  # type: ignore[no-untyped-def]
    """``a précisé le parquet`` after a photo credit ``via AFP``: the agency named last is no
    parquet; the body stays unnamed."""
    quotes = _quotes(
        "Un suspect a été interpellé. (Illustration) © Photo via AFP. « La garde à vue vient "
        "d'être prolongée », a précisé le parquet.",
        ctx,
    )
    q = _find(quotes, "garde à vue")
    assert q is not None and q.speaker is not None
    assert q.speaker.entity is None and q.speaker.name == "le parquet"


def test_a_stray_space_in_an_elision_makes_no_quotation_mark() -> None:
    from allegiance.extract.quote_marks import find_marked_spans

    text = "Dans les années '90, il se souvient aujourd' hui que l 'association ira jusqu' au bout."
    assert find_marked_spans(text, single_quotes=True) == []
    marked = "Il juge que cette action 'n'est pas bonne' et part."
    spans = find_marked_spans(marked, single_quotes=True)
    assert [marked[s.start : s.end] for s in spans] == ["n'est pas bonne"]
