"""Review findings 3 and 8 (issue #3): feelings and fought problems are no criticism, and the
stance and event lexicons hold general vocabulary only.

3. A feeling counts only when the speaker feels it (``je suis déçu par X``), not when the quote
   says how the person named feels (``X est inquiète``); a problem fought or suffered
   (``combattre la corruption``, ``victime d'une fraude``) judges no one, in quote stance and in
   damaging claims alike.
8. Entries copied from one story or that evaluate nothing are gone.

Hand-built Docs test the scorer without a model; the reviewer's sentences go through the real
models (``model`` marker).
"""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.clean.normalize import normalize_for_nlp
from allegiance.extract.event_cues import load_lexicon
from allegiance.extract.events import find_events
from allegiance.extract.lexicons import stance_words
from allegiance.extract.quote_context import QuoteContext
from allegiance.extract.stance import Voice, polarity
from allegiance.models import Event
from entity_helpers import entities_named
from quote_helpers import quotes_of

# -- the scorer on hand-built Docs ----------------------------------------------------------------

Row = tuple[str, int, str, str, str]  # word, head, dep, pos, lemma


def _doc(rows: list[Row]) -> Doc:
    return Doc(
        spacy.blank("fr").vocab,
        words=[r[0] for r in rows],
        spaces=[True] * len(rows),
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        lemmas=[r[4] for r in rows],
    )


def _score(rows: list[Row], names: dict[str, list[str]], voice: Voice) -> int:
    doc = _doc(rows)
    ctx = QuoteContext(doc, entities_named(doc.text, names), "fr")
    return polarity(ctx, list(doc), voice)


MARIE = {"marie-dupont": ["Marie"], "paul-leroy": ["Leroy"]}
JEAN_SPEAKS = Voice(speaker="jean-martin")


def _feeling(subject: str, pos: str) -> list[Row]:
    # <subject> est inquiète
    return [
        (subject, 2, "nsubj", pos, subject.lower()),
        ("est", 2, "cop", "AUX", "être"),
        ("inquiète", 2, "ROOT", "ADJ", "inquiet"),
    ]


def test_a_feeling_counts_only_when_the_speaker_feels_it() -> None:
    assert _score(_feeling("Marie", "PROPN"), MARIE, JEAN_SPEAKS) == 0
    assert _score(_feeling("je", "PRON"), MARIE, JEAN_SPEAKS) == -1
    # reported speech: ``il`` is the speaker, and the speaker's own name is the speaker too
    assert _score(_feeling("il", "PRON"), MARIE, Voice("jean-martin", reported=True)) == -1
    assert _score(_feeling("il", "PRON"), MARIE, JEAN_SPEAKS) == 0
    assert _score(_feeling("Marie", "PROPN"), MARIE, Voice("marie-dupont", reported=True)) == -1


def test_concern_for_someone_is_no_blame() -> None:
    # je suis inquiète pour Marie
    rows = _feeling("je", "PRON") + [
        ("pour", 4, "case", "ADP", "pour"),
        ("Marie", 2, "obl:arg", "PROPN", "marie"),
    ]
    assert _score(rows, MARIE, JEAN_SPEAKS) == 0


def _fight(verb: str, lemma: str, obj: list[Row]) -> list[Row]:
    # Marie a <verb> la corruption [...]
    return [
        ("Marie", 2, "nsubj", "PROPN", "marie"),
        ("a", 2, "aux:tense", "AUX", "avoir"),
        (verb, 2, "ROOT", "VERB", lemma),
        ("la", 4, "det", "DET", "le"),
        ("corruption", 2, "obj", "NOUN", "corruption"),
        *obj,
    ]


def test_a_problem_fought_judges_no_one() -> None:
    assert _score(_fight("combattu", "combattre", []), MARIE, JEAN_SPEAKS) == 0
    # ``dénoncer`` (-1) with a problem for its object is no criticism either
    assert _score(_fight("dénoncé", "dénoncer", []), MARIE, JEAN_SPEAKS) == 0
    # the same problem not fought is an accusation
    assert _score(_fight("organisé", "organiser", []), MARIE, JEAN_SPEAKS) == -1


def test_a_fought_problem_that_names_an_actor_still_counts() -> None:
    # Marie a dénoncé la corruption de Leroy
    rows = _fight(
        "dénoncé",
        "dénoncer",
        [("de", 6, "case", "ADP", "de"), ("Leroy", 4, "nmod", "PROPN", "leroy")],
    )
    assert _score(rows, MARIE, JEAN_SPEAKS) == -1


# -- finding 8: general vocabulary only -----------------------------------------------------------


def test_story_specific_and_non_evaluative_entries_are_gone() -> None:
    fr = stance_words("fr")
    for entry in (
        "redevenir",
        "il est temps que",
        "il est temps qu'",
        "dévier",
        "approprier",
        "charme",
        "charmant",
        "non merci",
        "ne tient pas",
        "à la poubelle",
        "bénéfice personnel",
        "précarité",
        "misère",
    ):
        assert entry not in fr.words and entry not in fr.phrases, entry
    for lang in ("fr", "en"):
        lex = load_lexicon(lang)
        assert "epstein" not in lex.words("scandal")
        assert "doge" not in lex.words("posts")
        assert lex.words("scandal") >= ({"corruption"})


# -- the reviewer's sentences through the models --------------------------------------------------

NAMES_FR = {"marie-dupont": ["Marie Dupont"], "jean-martin": ["Jean Martin"]}
NAMES_EN = {"jane-roe": ["Jane Roe"], "john-smith": ["John Smith"]}


def _stances(nlp, body: str, names: dict[str, list[str]], lang: str) -> dict[str, int]:  # type: ignore[no-untyped-def]
    quotes = quotes_of(nlp, body, names, lang)
    assert len(quotes) == 1, [q.text for q in quotes]
    return {t.entity: t.stance for t in quotes[0].about}


def _events(nlp, body: str, names: dict[str, list[str]], lang: str) -> list[Event]:  # type: ignore[no-untyped-def]
    doc = nlp(normalize_for_nlp(body))
    events, _ = find_events(doc, entities_named(body, names), [], [], [], lang, None, body=body)
    return events


@pytest.mark.model
@pytest.mark.parametrize(
    ("body", "stance"),
    [
        ("« Marie Dupont est très inquiète pour ses enfants », a confié Jean Martin.", 0),
        ("« Marie Dupont est très inquiète », a confié Jean Martin.", 0),
        (
            "« Marie Dupont a combattu la précarité et la misère toute sa vie », "
            "a salué Jean Martin.",
            0,
        ),
        ("« Marie Dupont a combattu la corruption toute sa vie », a salué Jean Martin.", 0),
        ("« Marie Dupont a eu le courage de dénoncer la corruption », a dit Jean Martin.", 0),
        ("« Je suis très déçu par Marie Dupont », a confié Jean Martin.", -1),
        ("Jean Martin a dit qu'il était très déçu par Marie Dupont.", -1),
    ],
)
def test_fr_feelings_and_fights(fr_nlp, body: str, stance: int) -> None:  # type: ignore[no-untyped-def]
    assert _stances(fr_nlp, body, NAMES_FR, "fr") == {"marie-dupont": stance}


@pytest.mark.model
@pytest.mark.parametrize(
    ("body", "stance"),
    [
        ('"Jane Roe was deeply disappointed by the verdict," John Smith said.', 0),
        ('"Jane Roe fought injustice and abuse all her life," John Smith said.', 0),
        ('"I am disappointed in Jane Roe," John Smith said.', -1),
        ("John Smith said he was disappointed in Jane Roe.", -1),
    ],
)
def test_en_feelings_and_fights(en_nlp, body: str, stance: int) -> None:  # type: ignore[no-untyped-def]
    assert _stances(en_nlp, body, NAMES_EN, "en") == {"jane-roe": stance}


@pytest.mark.model
def test_damaging_claim_needs_the_scandal_said_of_the_subject(fr_nlp, en_nlp) -> None:  # type: ignore[no-untyped-def]
    fought = [
        (en_nlp, "John Smith said Jane Roe had fought corruption for decades.", NAMES_EN, "en"),
        (en_nlp, "John Smith said Jane Roe was a victim of fraud.", NAMES_EN, "en"),
        (
            fr_nlp,
            "Marie Dupont a déclaré que Jean Martin luttait contre la corruption depuis vingt ans.",
            NAMES_FR,
            "fr",
        ),
        (
            fr_nlp,
            "Marie Dupont a affirmé que Jean Martin avait été victime d'une escroquerie.",
            NAMES_FR,
            "fr",
        ),
    ]
    for nlp, body, names, lang in fought:
        assert _events(nlp, body, names, lang) == [], body
    said = "John Smith said Jane Roe was involved in a corruption scheme."
    assert [(e.type, e.source, e.target) for e in _events(en_nlp, said, NAMES_EN, "en")] == [
        ("ACCUSE", ["john-smith"], ["jane-roe"])
    ]
