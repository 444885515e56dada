"""Regression tests for the review of the French quote detection (issue #3, findings 1, 4, 5,
6(b), 7 and 12): invented sentences, through the real model where the parse matters."""

from __future__ import annotations

import time
from types import SimpleNamespace
from typing import TYPE_CHECKING, cast

import pytest

from allegiance.clean.normalize import normalize_for_nlp
from allegiance.extract.report_filters import fit_to_quoted, passive_voice, quoted_stretches
from allegiance.extract.scare_quotes import _previous_in_list, is_charge
from allegiance.models import Quote
from quote_helpers import quotes_of

if TYPE_CHECKING:
    from allegiance.extract.quote_context import QuoteContext

NAMES = {
    "donald-trump": ["Donald Trump", "Trump"],
    "elon-musk": ["Elon Musk", "Musk"],
    "marie-dupont": ["Marie Dupont"],
    "paul-leroy": ["Paul Leroy"],
    "jean-dupont": ["Jean Dupont"],
    "org-cgt": ["CGT"],
    "org-monde": ["Le Monde"],
}


def _text_ctx(text: str) -> QuoteContext:
    """The list walks read only the text of the context."""
    return cast("QuoteContext", SimpleNamespace(text=text))


# -- finding 7: list walks are linear and bounded ------------------------------------------------


def test_long_list_after_a_charge_is_bounded_and_fast() -> None:
    text = "Il est poursuivi pour " + ", ".join(f"« grief {i} »" for i in range(2000)) + "."
    ctx = _text_ctx(text)
    opens = [i for i, ch in enumerate(text) if ch == "«"]
    started = time.perf_counter()
    verdicts = [is_charge(ctx, at) for at in opens]  # used to recurse once per earlier item
    assert time.perf_counter() - started < 5.0
    assert all(verdicts[:9])  # the charge and the 8 fragments listed after it
    assert not any(verdicts[9:])  # beyond the cap the list no longer counts


def test_previous_in_list_follows_joiners_only() -> None:
    text = "Le texte cite « un » et « deux » puis parle de « trois »."
    ctx = _text_ctx(text)
    second, third = text.index("« deux"), text.index("« trois")
    previous = _previous_in_list(ctx, second)
    assert previous is not None and text[previous.start : previous.end] == " un "
    assert _previous_in_list(ctx, third) is None  # ``puis parle de`` is no list joiner


# -- finding 6(b): an indirect content never cuts a quoted stretch -------------------------------


def test_fit_to_quoted_takes_the_whole_stretch() -> None:
    text = "Une enquête vise le maire pour « prise illégale d'intérêts », a annoncé le parquet."
    quoted = quoted_stretches(_text_ctx(text))
    cut = text.index("intérêts") + len("intérêts")  # the closing mark token was dropped
    assert fit_to_quoted(text, 0, cut, quoted) == (0, text.index("»") + 1)
    before = text.index(" «")  # a content ending right before the opening mark
    assert fit_to_quoted(text, 0, before, quoted) == (0, text.index("»") + 1)
    assert fit_to_quoted(text, 0, text.index(" vise"), quoted) == (0, text.index(" vise"))


def test_fit_to_quoted_refuses_a_stretch_in_another_paragraph() -> None:
    text = "Il a dit que tout allait bien « pour\nle moment » hier."
    quoted = [(text.index("«"), text.index("»") + 1)]
    assert fit_to_quoted(text, 0, text.index(" «"), quoted) is None


# -- through the real model ----------------------------------------------------------------------


def _found(quotes: list[Quote]) -> list[tuple[str, str, str | None]]:
    return [(q.kind, q.text, q.speaker.name if q.speaker else None) for q in quotes]


def _uncut(quotes: list[Quote]) -> bool:
    """No quote text holds an opening mark without its closing mark, or the reverse."""
    return all(q.text.count("«") == q.text.count("»") for q in quotes)


# finding 1: ``se dit « … »`` / ``X dit « … »`` report words; only nicknames are names


@pytest.mark.model
@pytest.mark.parametrize(
    ("body", "fragment", "speaker"),
    [
        ("Donald Trump s'est dit « très déçu » par Elon Musk.", "très déçu", "Donald Trump"),
        ("La ministre se dit « préoccupée » par la hausse du chômage.", "préoccupée", None),
        ("Le syndicat dit « non » à la réforme des retraites.", "non", None),
        ("Marie Dupont dit « avoir été trompée » par son employeur.", "avoir été trompée", None),
    ],
)
def test_dit_before_marks_reports_words(
    fr_nlp, body: str, fragment: str, speaker: str | None
) -> None:  # type: ignore[no-untyped-def]
    quotes = quotes_of(fr_nlp, body, NAMES)
    assert fragment in [q.text for q in quotes]
    assert _uncut(quotes)  # no indirect ``avoir été trompée » par son employeur``
    if speaker is not None:
        assert next(q for q in quotes if q.text == fragment).speaker.name == speaker  # type: ignore[union-attr]


@pytest.mark.model
@pytest.mark.parametrize(
    "body",
    [
        "Jean Dupont, dit « le Boucher », a été condamné à dix ans de prison.",
        "La loi dite « Macron » a été votée.",
        "Le tueur en série dit « le Boucher » a été arrêté.",
    ],
)
def test_nicknames_after_dit_are_not_quotes(fr_nlp, body: str) -> None:  # type: ignore[no-untyped-def]
    assert not any(q.kind != "indirect" for q in quotes_of(fr_nlp, body, NAMES))


# finding 4: ``pour`` + speech verb reports speech; ``pour`` + a verb of checking does not


@pytest.mark.model
@pytest.mark.parametrize(
    ("body", "content"),
    [
        (
            "Marie Dupont a pris la parole pour dire que la réforme était injuste et dangereuse.",
            "la réforme était injuste et dangereuse",
        ),
        (
            "La CGT a profité de la conférence pour annoncer que la grève continuerait.",
            "la grève continuerait",
        ),
    ],
)
def test_pour_with_a_speech_verb_reports(fr_nlp, body: str, content: str) -> None:  # type: ignore[no-untyped-def]
    assert [q.text for q in quotes_of(fr_nlp, body, NAMES) if q.kind == "indirect"] == [content]


@pytest.mark.model
def test_pour_with_a_verb_of_checking_is_a_purpose(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Marie Dupont s'est rendue sur place pour constater que les digues avaient cédé."
    assert quotes_of(fr_nlp, body, NAMES) == []


# finding 5: short whole-sentence quotes with a verb or an incise are utterances


@pytest.mark.model
@pytest.mark.parametrize(
    ("body", "content"),
    [
        ("« C'est faux », a-t-il répondu.", "C'est faux"),
        ("Paul Leroy n'a pas caché sa colère. « C'est inadmissible », a-t-il lâché.", None),
        ("« Jamais », a-t-il ajouté.", "Jamais"),
        ("« Non », a répondu Marie Dupont.", "Non"),
    ],
)
def test_short_direct_quotes_are_kept(fr_nlp, body: str, content: str | None) -> None:  # type: ignore[no-untyped-def]
    quotes = quotes_of(fr_nlp, body, NAMES)
    assert [q.kind for q in quotes] == ["direct"]
    if content is not None:
        assert quotes[0].text == content
    else:
        assert quotes[0].speaker is not None and quotes[0].speaker.name == "Paul Leroy"


@pytest.mark.model
def test_inverted_clitic_and_avoir_make_an_active_verb(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    doc = fr_nlp(normalize_for_nlp("« C'est faux », a-t-il répondu. Il a été interpellé."))
    verbs = {t.lower_: t for t in doc if t.pos_ == "VERB"}
    assert not passive_voice(verbs["répondu"])
    assert passive_voice(verbs["interpellé"])


# finding 6(b): a rejected marked span (a charge) stays whole inside the indirect content


@pytest.mark.model
@pytest.mark.parametrize(
    ("body", "ending"),
    [
        (
            "Une enquête a été ouverte contre le maire pour « prise illégale d'intérêts », "
            "a annoncé le parquet.",
            "« prise illégale d'intérêts »",
        ),
        (
            "Le procureur a requis la relaxe pour « absence de preuves », a indiqué l'avocat "
            "de Paul Leroy.",
            "« absence de preuves »",
        ),
    ],
)
def test_indirect_content_is_not_cut_by_marks(fr_nlp, body: str, ending: str) -> None:  # type: ignore[no-untyped-def]
    quotes = quotes_of(fr_nlp, body, NAMES)
    assert _uncut(quotes)
    assert [q.text.endswith(ending) for q in quotes if q.kind == "indirect"] == [True]


@pytest.mark.model
def test_marks_inside_a_selon_content_do_not_cut_it(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Le ministre a jugé la réforme « injuste » et brutale, selon Le Monde."
    quotes = quotes_of(fr_nlp, body, NAMES)
    assert _uncut(quotes)
    assert "Le ministre a jugé la réforme" not in [q.text for q in quotes]


# finding 12: a cue owns a short fragment by clause, not by characters


@pytest.mark.model
def test_cue_far_away_in_the_same_clause_owns_the_fragment(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le ministre a dénoncé mardi, lors d'une longue conférence de presse à Paris devant des "
        "dizaines de journalistes, une « trahison »."
    )
    assert [(q.kind, q.text) for q in quotes_of(fr_nlp, body, NAMES)] == [("partial", "trahison")]


@pytest.mark.model
def test_fragment_in_another_clause_is_not_the_cue_s(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le ministre a affirmé mardi que la réforme, qui vise les « petits » patrons, serait votée."
    )
    assert "petits" not in [q.text for q in quotes_of(fr_nlp, body, NAMES)]
