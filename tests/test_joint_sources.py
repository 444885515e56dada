"""Co-sources read from the words of a list (``TF1 et M6 ont indiqué``, ``ont indiqué le
syndicat et les préfectures concernées``) where the parse makes no list of them."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.analysis import default_context
from allegiance.extract.joint_sources import coordinated_sources
from allegiance.extract.joint_speakers import with_joint_speakers
from allegiance.models import Entity, Mention, Quote, Span, Speaker
from quote_helpers import analyzed_quotes

_VOCAB = {"fr": spacy.blank("fr").vocab, "en": spacy.blank("en").vocab}
_PLURAL_AUX = ("AUX", "Mood=Ind|Number=Plur|Person=3|Tense=Pres")


def _doc(words: str, cue: int, tags: dict[int, tuple[str, str]], lang: str = "fr") -> Doc:
    """A Doc of the space-separated ``words``, every word hung on the cue (index ``cue``,
    the root), auxiliaries as ``aux:tense``; ``tags`` gives (pos, morph) by index, the other
    words are nouns unless they look like punctuation or a determiner."""
    split = words.split()
    pos, morphs, deps = [], [], []
    for i, w in enumerate(split):
        p, m = tags.get(i, ("PUNCT" if not w[0].isalnum() else "NOUN", ""))
        if i not in tags and w.lower() in {"le", "la", "les", "l'", "un", "une", "des"}:
            p = "DET"
        if i not in tags and w.lower() in {"et", "and"}:
            p = "CCONJ"
        pos.append(p)
        morphs.append(m)
        deps.append("ROOT" if i == cue else ("aux:tense" if p == "AUX" else "dep"))
    return Doc(
        _VOCAB[lang],
        words=split,
        spaces=[True] * len(split),
        heads=[cue] * len(split),
        deps=deps,
        pos=pos,
        morphs=morphs,
        lemmas=[w.lower().removesuffix("s") for w in split],  # ``préfectures``: a noun of bodies
    )


def _named(doc: Doc, *indices: int) -> dict[int, Entity]:
    owner = {}
    for i in indices:
        tok = doc[i]
        owner[i] = Entity(
            tok.lower_,
            tok.text,
            "organization",
            [Mention(tok.text, tok.idx, tok.idx + len(tok.text))],
        )
    return owner


def _words(doc: Doc, sources) -> list[str]:  # type: ignore[no-untyped-def]
    return [doc[s.start : s.end].text for s in sources]


def test_a_name_the_parse_left_out_of_the_subject_is_a_co_source() -> None:
    # ``TF1`` tagged a noun and hung nowhere near the verb: the words still list it
    doc = _doc("TF1 et M6 ont indiqué avoir reçu un avis .", 4, {3: _PLURAL_AUX, 4: ("VERB", "")})
    owner = _named(doc, 0, 2)
    sources = coordinated_sources(doc, owner, (2, 3), doc[4])
    assert [s.entity.id for s in sources if s.entity] == ["tf1"]


def test_a_description_after_an_inverted_verb_is_an_unnamed_co_source() -> None:
    words = (
        "Le blocage a été levé , ont indiqué à l' AFP le syndicat et les préfectures concernées ."
    )
    tags = {6: _PLURAL_AUX, 7: ("VERB", ""), 8: ("ADP", ""), 16: ("VERB", "VerbForm=Part")}
    doc = _doc(words, 7, tags)
    sources = coordinated_sources(doc, _named(doc, 10), (11, 13), doc[7])
    assert _words(doc, sources) == ["les préfectures concernées"]
    assert sources[0].entity is None


@pytest.mark.parametrize(
    ("words", "cue", "tags", "mention"),
    [
        # a singular verb: the list is not the verb's subject
        ("TF1 et M6 a indiqué avoir reçu un avis .", 4, {3: ("AUX", "Number=Sing"), 4: ("VERB", "")}, (2, 3)),
        # a thing in the list: not a list of sources
        ("Paul et la loi ont affirmé que rien ne change .", 5, {0: ("PROPN", ""), 4: _PLURAL_AUX, 5: ("VERB", "")}, (0, 1)),
        # the list after an inverted verb is followed by a verb: a new clause's subject
        ("Rien , ont dit Paul et les élus ont applaudi .", 3, {2: _PLURAL_AUX, 3: ("VERB", ""), 4: ("PROPN", ""), 8: ("AUX", "Number=Plur"), 9: ("VERB", "")}, (4, 5)),
        # a name the preposition holds: ``parlé avec X … et les deux hommes ont convenu``
        ("Il a parlé avec Justin ce matin et les deux hommes ont convenu que rien .", 12, {0: ("PRON", ""), 1: ("AUX", ""), 2: ("VERB", ""), 3: ("ADP", ""), 4: ("PROPN", ""), 11: _PLURAL_AUX, 12: ("VERB", "")}, (8, 11)),
    ],
)  # fmt: skip
def test_words_that_make_no_list_of_sources(words, cue, tags, mention) -> None:  # type: ignore[no-untyped-def]
    doc = _doc(words, cue, tags)
    owner = _named(
        doc,
        *(i for i, t in enumerate(doc) if t.pos_ == "PROPN" or t.text[:1].isupper() and t.i > 0),
    )
    assert coordinated_sources(doc, owner, mention, doc[cue]) == []


def test_a_name_behind_a_fronted_preposition_is_not_listed() -> None:
    words = "Pour Paul , l' agence et le laboratoire ont dit que rien ."
    tags = {0: ("ADP", ""), 1: ("PROPN", ""), 8: _PLURAL_AUX, 9: ("VERB", "")}
    doc = _doc(words, 9, tags)
    sources = coordinated_sources(doc, _named(doc, 1), (6, 8), doc[9])
    assert _words(doc, sources) == ["l' agence"]


def test_english_lists_are_left_to_the_parse() -> None:
    doc = _doc("TF1 and M6 said so .", 3, {3: ("VERB", "")}, lang="en")
    assert coordinated_sources(doc, _named(doc, 0, 2), (2, 3), doc[3]) == []


def test_an_unnamed_speaker_gets_its_listed_co_source_copied() -> None:
    words = (
        "Le blocage a été levé , ont indiqué à l' AFP le syndicat et les préfectures concernées ."
    )
    tags = {6: _PLURAL_AUX, 7: ("VERB", ""), 8: ("ADP", ""), 16: ("VERB", "VerbForm=Part")}
    doc = _doc(words, 7, tags)
    cue, first = doc[7], doc[11:13]
    quote = Quote(
        doc[:5].text, 0, doc[4].idx + len(doc[4]), "indirect",
        Span(cue.text, cue.idx, cue.idx + len(cue)),
        Speaker(None, first.text, Span(first.text, first.start_char, first.end_char)),
    )  # fmt: skip
    quotes = with_joint_speakers(doc, [], [quote])
    assert [q.speaker.name for q in quotes if q.speaker] == [
        "le syndicat",
        "les préfectures concernées",
    ]
    assert quotes[1].speaker is not None and quotes[1].speaker.entity is None
    assert (quotes[1].start, quotes[1].end) == (quote.start, quote.end)


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            "Le blocage de la rocade a été levé dans le calme, ont indiqué à l'AFP le syndicat "
            "et les gendarmes présents.",
            ["le syndicat", "les gendarmes présents"],
        ),
        (
            "Selon la police et les organisateurs, la marche a rassemblé 400 personnes.",
            ["la police", "les organisateurs"],
        ),
        (
            "La réforme doit être votée, ont insisté le sénateur Paul Roux et la députée "
            "Marie Durand.",
            ["Paul Roux", "Marie Durand"],
        ),
    ],
)
def test_every_listed_source_says_the_report(ctx, text: str, speakers: list[str]) -> None:  # type: ignore[no-untyped-def]
    quotes = [q for q in analyzed_quotes(text, ctx) if q.kind == "indirect"]
    assert len({(q.start, q.end) for q in quotes}) == 1, [q.text for q in quotes]
    assert sorted(q.speaker.name for q in quotes if q.speaker) == sorted(speakers)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        # a time phrase after the list is when, not who
        (
            "« Le projet reste sur les rails », ont assuré le maire et son adjoint lundi soir.",
            ["le maire", "son adjoint"],
        ),
        # a headline's list ends with its line
        (
            "Grève : les bus « ne circuleront pas jeudi », préviennent la direction et les "
            "syndicats\n\nMis à jour le 03/01/2025 à 17:45:12\n\nLe trafic est perturbé.",
            ["la direction", "les syndicats"],
        ),
    ],
)
def test_the_listed_source_stops_at_a_time_phrase_or_a_line_break(ctx, text, speakers) -> None:  # type: ignore[no-untyped-def]
    quotes = analyzed_quotes(text, ctx)
    assert sorted(q.speaker.name for q in quotes if q.speaker) == sorted(speakers)


@pytest.mark.model
def test_a_list_that_is_another_verbs_object_adds_no_source(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "Mardi, la cour a relaxé Marie Durand et ses avocats ont aussitôt déclaré : « Justice est rendue. »"
    quotes = analyzed_quotes(text, ctx)
    assert len(quotes) == 1, [q.speaker for q in quotes]


@pytest.mark.model
def test_a_time_adjective_before_a_noun_stays_in_the_listed_source(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "« Cette gestion a été désastreuse », ont dénoncé l'ancien maire et son dernier adjoint."
    speakers = [q.speaker.name for q in analyzed_quotes(text, ctx) if q.speaker]
    assert speakers == ["l'ancien maire", "son dernier adjoint"]
