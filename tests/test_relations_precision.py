"""How a quote with a stance becomes a relation event, and when it must not (issue #3/#4).

Short invented French sentences through the real model; the quotes are built by hand with the
stance the stance module would give them, so that only the quote-to-event step is judged. Each
case has a control sentence showing the same quote does make an event when the cause is absent.
"""

from __future__ import annotations

from datetime import date

import pytest

from allegiance.models import Event, Quote, QuoteKind, Span, Speaker, Target
from event_helpers import events_in

PUBLISHED = date(2025, 2, 12)
ACTORS = {
    "elon-musk": ("Elon Musk", "person", ["Elon Musk", "Musk"]),
    "sam-altman": ("Sam Altman", "person", ["Sam Altman", "Altman"]),
    "donald-trump": ("Donald Trump", "person", ["Donald Trump", "Trump"]),
    "openai": ("OpenAI", "organization", ["OpenAI"]),
    "le-monde": ("Le Monde", "organization", ["Le Monde"]),
}


def span_of(text: str, words: str, after: int = 0) -> Span:
    start = text.index(words, after)
    return Span(words, start, start + len(words))


def quote(
    text: str,
    content: str,
    kind: QuoteKind,
    speaker: str,
    speaker_words: str,
    about: dict[str, int],
    cue: str | None = None,
) -> Quote:
    where = span_of(text, content)
    return Quote(
        text=content,
        start=where.start,
        end=where.end,
        kind=kind,
        cue=span_of(text, cue) if cue else None,
        speaker=Speaker(speaker, ACTORS[speaker][0], span_of(text, speaker_words)),
        about=[Target(entity=e, stance=s) for e, s in about.items()],
        confidence=0.8,
    )


def run(nlp, text: str, quotes: list[Quote]) -> list[Event]:  # type: ignore[no-untyped-def]
    events, _ = events_in(nlp, text, ACTORS, "fr", PUBLISHED, quotes)
    return events


def pairs(events: list[Event]) -> set[tuple[str, str, int]]:
    return {
        (s, t, (e.weight > 0) - (e.weight < 0))
        for e in events
        if e.weight and e.modality != "negated"
        for s in e.source
        for t in e.target
    }


def test_compared_reads_the_locution_before_the_name() -> None:
    """The parse often makes the compared actor the subject of the clause that follows
    ("A la manière d'un X, les militants mentent": X nsubj): the surface decides."""
    import spacy
    from spacy.tokens import Doc

    from allegiance.extract.event_context import compared

    vocab = spacy.blank("fr").vocab

    words = ["A", "la", "manière", "d'", "un", "Donald", "Trump", ",", "ils", "mentent", "."]
    pos = ["ADP", "DET", "NOUN", "ADP", "DET", "PROPN", "PROPN", "PUNCT", "PRON", "VERB", "PUNCT"]
    heads = [2, 2, 9, 5, 5, 9, 5, 9, 9, 9, 9]
    deps = ["case", "det", "obl:mod", "case", "det", "nsubj", "flat:name", "punct", "nsubj"]
    deps += ["ROOT", "punct"]
    doc = Doc(vocab, words=words, pos=pos, heads=heads, deps=deps)
    assert compared(doc[5], 0)
    assert not compared(doc[5], 4)  # the locution lies before the quote: not read

    words = ["Ils", "ternissent", "l'", "image", "de", "Donald", "Trump", "."]
    pos = ["PRON", "VERB", "DET", "NOUN", "ADP", "PROPN", "PROPN", "PUNCT"]
    heads = [1, 1, 3, 1, 5, 3, 5, 1]
    deps = ["nsubj", "ROOT", "det", "obj", "case", "nmod", "flat:name", "punct"]
    doc = Doc(vocab, words=words, pos=pos, heads=heads, deps=deps)
    assert not compared(doc[5], 0)  # "l'image de X" is X's image, not "à l'image de X"

    words = ["Ils", "aiment", "comme", "Donald", "Trump", "."]
    pos = ["PRON", "VERB", "ADP", "PROPN", "PROPN", "PUNCT"]
    heads = [1, 1, 3, 1, 3, 1]
    deps = ["nsubj", "ROOT", "case", "obl:mod", "flat:name", "punct"]
    doc = Doc(vocab, words=words, pos=pos, heads=heads, deps=deps)
    assert compared(doc[3], 0)


@pytest.mark.model
def test_comme_x_is_a_comparison(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    content = "Comme Donald Trump, ces militants refusent les faits."
    text = f"« {content} », écrit Sam Altman."
    q = quote(text, content, "direct", "sam-altman", "Sam Altman", {"donald-trump": -1}, "écrit")
    assert ("sam-altman", "donald-trump", -1) not in pairs(run(fr_nlp, text, [q]))


@pytest.mark.model
def test_nested_quote_does_not_lend_its_words_to_the_outer_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    inner = "C'est maintenant dix milliards, et ne vous plaignez pas"
    outer = f"Nous avons reçu un email qui nous disait « {inner} »"
    text = f"Elon Musk mène la levée. « {outer} », indique Sam Altman."
    q = quote(text, outer, "direct", "sam-altman", "Sam Altman", {"elon-musk": 1}, "indique")
    # the outer quote alone addresses "vous": taken as aimed at the actor named before
    assert ("sam-altman", "elon-musk", 1) in pairs(run(fr_nlp, text, [q]))
    start = text.index(inner)
    email = Quote(
        text=inner,
        start=start,
        end=start + len(inner),
        kind="direct",
        cue=span_of(text, "disait"),
        speaker=Speaker(None, "un email", span_of(text, "un email")),
    )
    assert ("sam-altman", "elon-musk", 1) not in pairs(run(fr_nlp, text, [q, email]))


@pytest.mark.model
def test_positive_tone_does_not_reach_a_negated_clause(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    content = "Nous ne sommes plus liés par OpenAI, mais nous restons de fidèles partenaires."
    text = f"« {content} », a déclaré Elon Musk."
    q = quote(text, content, "direct", "elon-musk", "Elon Musk", {"openai": 1}, "déclaré")
    assert ("elon-musk", "openai", 1) not in pairs(run(fr_nlp, text, [q]))

    control = "Nous sommes liés par OpenAI, et nous restons de fidèles partenaires."
    text2 = f"« {control} », a déclaré Elon Musk."
    q2 = quote(text2, control, "direct", "elon-musk", "Elon Musk", {"openai": 1}, "déclaré")
    assert ("elon-musk", "openai", 1) in pairs(run(fr_nlp, text2, [q2]))


@pytest.mark.model
def test_wishing_an_actor_back_to_its_past_is_no_praise(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    content = "Il est temps qu'OpenAI redevienne la force positive qu'elle était autrefois."
    text = f"Elon Musk a déclaré : « {content} »"
    q = quote(text, content, "direct", "elon-musk", "Elon Musk", {"openai": 1}, "déclaré")
    assert ("elon-musk", "openai", 1) not in pairs(run(fr_nlp, text, [q]))


@pytest.mark.model
def test_a_quoted_charge_is_not_the_outlets_stance(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    content = "détournement de fonds publics"
    text = f"Le député Sam Altman est soupçonné de « {content} », peut-on lire dans Le Monde."
    q = quote(text, content, "partial", "le-monde", "Le Monde", {"sam-altman": -1})
    assert not any(s == "le-monde" for s, _, _ in pairs(run(fr_nlp, text, [q])))

    text2 = f"Sam Altman est accusé par Le Monde de « {content} »."
    q2 = quote(text2, content, "partial", "le-monde", "Le Monde", {"sam-altman": -1}, "accusé")
    assert ("le-monde", "sam-altman", -1) in pairs(run(fr_nlp, text2, [q2]))


@pytest.mark.model
def test_the_body_a_case_is_referred_to_is_not_judged(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    content = "Le fisc a saisi OpenAI en vue d'une possible plainte pénale pour fraude."
    text = f"Le Monde révèle ces raisons : « {content} »"
    q = quote(text, content, "direct", "le-monde", "Le Monde", {"openai": -1}, "révèle")
    assert ("le-monde", "openai", -1) not in pairs(run(fr_nlp, text, [q]))

    control = "OpenAI a commis une fraude massive."
    text2 = f"Le Monde révèle ces raisons : « {control} »"
    q2 = quote(text2, control, "direct", "le-monde", "Le Monde", {"openai": -1}, "révèle")
    assert ("le-monde", "openai", -1) in pairs(run(fr_nlp, text2, [q2]))


@pytest.mark.model
def test_a_fragment_is_not_aimed_at_an_actor_of_another_sentence(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    content = "c'est une opportunité rare de dialogue"
    text = f"Elon Musk critique la loi de Donald Trump. Pour lui, « {content} »."
    q = quote(text, content, "partial", "elon-musk", "lui", {"donald-trump": 1})
    assert ("elon-musk", "donald-trump", 1) not in pairs(run(fr_nlp, text, [q]))

    text2 = f"Elon Musk qualifie Donald Trump de « {'génie'} »."
    q2 = quote(text2, "génie", "partial", "elon-musk", "Elon Musk", {"donald-trump": 1}, "qualifie")
    assert ("elon-musk", "donald-trump", 1) in pairs(run(fr_nlp, text2, [q2]))


@pytest.mark.model
def test_a_reported_clause_asked_as_a_question_is_no_stance(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    content = "la seule solution est-elle de sortir d'OpenAI"
    text = f"Pour un candidat, {content}, comme l'avait suggéré Elon Musk en 2017 ?"
    q = quote(text, content, "indirect", "elon-musk", "Elon Musk", {"openai": 1}, "suggéré")
    assert ("elon-musk", "openai", 1) not in pairs(run(fr_nlp, text, [q]))

    text2 = f"Pour un candidat, {content}, comme l'avait suggéré Elon Musk en 2017."
    q2 = quote(text2, content, "indirect", "elon-musk", "Elon Musk", {"openai": 1}, "suggéré")
    assert ("elon-musk", "openai", 1) in pairs(run(fr_nlp, text2, [q2]))
