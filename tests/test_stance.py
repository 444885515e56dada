"""Quote targets and stance: hand-built Docs for the scorer, invented sentences for the rules."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.extract.quote_context import QuoteContext
from allegiance.extract.stance import polarity
from allegiance.models import Quote
from quote_helpers import quote_with, quotes_of

# -- the scorer on hand-built Docs (no model) ----------------------------------------------------


def _doc(rows: list[tuple[str, int, str, str, str]], *, parsed: bool = True) -> Doc:
    """Rows of (word, head index, dep, pos, lemma); every word followed by a space."""
    words = [r[0] for r in rows]
    kwargs = {
        "words": words,
        "spaces": [True] * len(words),
        "pos": [r[3] for r in rows],
        "lemmas": [r[4] for r in rows],
    }
    if parsed:
        kwargs["heads"] = [r[1] for r in rows]
        kwargs["deps"] = [r[2] for r in rows]
    # a language's vocab, not a bare one: the scorer reads ``lower_``
    return Doc(spacy.blank("fr").vocab, **kwargs)  # type: ignore[arg-type]


def _polarity(doc: Doc, lang: str = "fr") -> int:
    ctx = QuoteContext(doc, [], lang)
    return polarity(ctx, list(doc))


# l'expérience est un échec et Acme n' est pas efficace
_COORDINATED = [
    ("l'", 1, "det", "DET", "le"),
    ("expérience", 4, "nsubj", "NOUN", "expérience"),
    ("est", 4, "cop", "AUX", "être"),
    ("un", 4, "det", "DET", "un"),
    ("échec", 4, "ROOT", "NOUN", "échec"),
    ("et", 10, "cc", "CCONJ", "et"),
    ("Acme", 10, "nsubj", "PROPN", "Acme"),
    ("n'", 10, "advmod", "ADV", "ne"),
    ("est", 10, "cop", "AUX", "être"),
    ("pas", 10, "advmod", "ADV", "pas"),
    ("efficace", 4, "conj", "ADJ", "efficace"),
]


def test_negation_reaches_only_its_own_clause() -> None:
    # ``pas`` negates ``efficace`` (-1), not the ``échec`` of the other conjunct (-1): hostile.
    assert _polarity(_doc(_COORDINATED)) == -1


def test_without_a_parse_negation_covers_the_clause() -> None:
    # no dependency parse: the old clause-wide rule, échec -1 and efficace +1 cancel out
    assert _polarity(_doc(_COORDINATED, parsed=False)) == 0


def test_negated_praise_is_hostile() -> None:
    rows = [
        ("ce", 4, "nsubj", "PRON", "ce"),
        ("n'", 4, "advmod", "ADV", "ne"),
        ("est", 4, "cop", "AUX", "être"),
        ("pas", 4, "advmod", "ADV", "pas"),
        ("suffisant", 4, "ROOT", "ADJ", "suffisant"),
    ]
    assert _polarity(_doc(rows)) == -1


def test_a_phrase_hides_its_words() -> None:
    # ``mauvaise foi`` (-1) hides its ``mauvais`` (-1), and ``mais`` doubles ``bonne`` (+2): +1,
    # where counting ``mauvais`` again would make 0
    rows = [
        ("mauvaise", 1, "amod", "ADJ", "mauvais"),
        ("foi", 1, "ROOT", "NOUN", "foi"),
        ("mais", 4, "cc", "CCONJ", "mais"),
        ("bonne", 4, "amod", "ADJ", "bon"),
        ("volonté", 1, "conj", "NOUN", "volonté"),
    ]
    assert _polarity(_doc(rows, parsed=False)) == 1


def test_a_phrase_holding_its_own_negation_is_not_flipped() -> None:
    # no parse: ``not`` reaches every hit of the clause, but ``no thanks`` holds its own negation
    rows = [
        ("no", 1, "det", "DET", "no"),
        ("thanks", 1, "ROOT", "NOUN", "thank"),
        ("not", 3, "neg", "PART", "not"),
        ("now", 1, "advmod", "ADV", "now"),
    ]
    assert _polarity(_doc(rows, parsed=False), "en") == -1


def test_english_negation_scope() -> None:
    # the plan was a failure and Acme was not honest
    rows = [
        ("the", 1, "det", "DET", "the"),
        ("plan", 4, "nsubj", "NOUN", "plan"),
        ("was", 4, "cop", "AUX", "be"),
        ("a", 4, "det", "DET", "a"),
        ("failure", 4, "ROOT", "NOUN", "failure"),
        ("and", 9, "cc", "CCONJ", "and"),
        ("Acme", 9, "nsubj", "PROPN", "Acme"),
        ("was", 9, "cop", "AUX", "be"),
        ("not", 9, "neg", "PART", "not"),
        ("honest", 4, "conj", "ADJ", "honest"),
    ]
    assert _polarity(_doc(rows), "en") == -1


# -- French rules through the real model ---------------------------------------------------------

NAMES_FR = {
    "paul-durand": ["Paul Durand", "Durand", "Paul"],
    "marie-leroy": ["Marie Leroy", "Leroy", "Marie"],
    "jean-martin": ["Jean Martin", "Martin"],
    "org-acme": ["Acme"],
}


def _about(q: Quote) -> dict[str, int]:
    return {t.entity: t.stance for t in q.about}


@pytest.mark.model
def test_fr_negation_does_not_cross_a_coordination(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Marie Leroy estime que l'expérience a été un échec et que Acme n'a pas été en mesure "
        "de gérer le service."
    )
    q = quote_with(quotes_of(fr_nlp, body, NAMES_FR, "fr"), "échec")
    assert _about(q).get("org-acme") == -1


@pytest.mark.model
def test_fr_reply_is_about_the_previous_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Nous voulons racheter Acme », a déclaré Paul Durand lundi. "
        "« Non, ce n'est pas suffisant », a répondu Marie Leroy."
    )
    q = quote_with(quotes_of(fr_nlp, body, NAMES_FR, "fr"), "suffisant")
    assert q.speaker is not None and q.speaker.entity == "marie-leroy"
    assert _about(q) == {"paul-durand": -1}


@pytest.mark.model
def test_fr_same_speaker_carries_on_about_the_same_actor(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Les études de Paul Durand sont absurdes », a déclaré Marie Leroy. "
        "Elle poursuit : « Ces études sont truffées de biais. »"
    )
    quotes = quotes_of(fr_nlp, body, NAMES_FR, "fr")
    assert _about(quote_with(quotes, "absurdes")) == {"paul-durand": -1}
    later = quote_with(quotes, "truffées")
    assert later.speaker is not None and later.speaker.entity == "marie-leroy"
    assert _about(later) == {"paul-durand": -1}


@pytest.mark.model
def test_fr_follow_on_quote_without_pointer_names_no_one(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    """Without a demonstrative pointing back, the same speaker's next quote is not taken to be
    about the actor of the previous one (the guideline lists named or addressed actors only)."""
    body = (
        "« Les études de Paul Durand sont absurdes », a déclaré Marie Leroy. "
        "Elle poursuit : « Nous ferons appel dès lundi. »"
    )
    quotes = quotes_of(fr_nlp, body, NAMES_FR, "fr")
    later = quote_with(quotes, "appel")
    assert later.speaker is not None and later.speaker.entity == "marie-leroy"
    assert _about(later) == {}


@pytest.mark.model
def test_fr_follow_on_judgement_carries_on(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    """A follow-on quote that goes on judging, with no pointer, keeps the previous targets."""
    body = (
        "« Les études de Paul Durand sont absurdes », a déclaré Marie Leroy. "
        "Elle poursuit : « C'est une honte absolue. »"
    )
    later = quote_with(quotes_of(fr_nlp, body, NAMES_FR, "fr"), "honte")
    assert _about(later) == {"paul-durand": -1}


@pytest.mark.model
def test_fr_possessive_points_to_the_antecedent(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Paul Durand a présenté son plan mardi. « Son bilan est désastreux », a jugé Marie Leroy."
    )
    q = quote_with(quotes_of(fr_nlp, body, NAMES_FR, "fr"), "bilan")
    assert _about(q) == {"paul-durand": -1}


@pytest.mark.model
def test_fr_silent_sentence_takes_the_quote_stance(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Nous ne dépendons plus de Acme. Nous restons des alliés fidèles et des partenaires "
        "loyaux », a déclaré Marie Leroy."
    )
    q = quote_with(quotes_of(fr_nlp, body, NAMES_FR, "fr"), "alliés")
    assert _about(q) == {"org-acme": 1}


@pytest.mark.model
def test_fr_someone_elses_attitude_stays_neutral(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Les gens du projet sont brillants. Mais Paul Durand est l'une des personnes qu'il "
        "déteste », a déclaré Marie Leroy."
    )
    q = quote_with(quotes_of(fr_nlp, body, NAMES_FR, "fr"), "déteste")
    assert _about(q).get("paul-durand") == 0


@pytest.mark.model
def test_fr_listener_of_je_vous_dis_is_no_target(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Paul Durand a présenté le projet lundi. "
        "« Je vous le dis, ce projet est formidable », a déclaré Marie Leroy."
    )
    q = quote_with(quotes_of(fr_nlp, body, NAMES_FR, "fr"), "formidable")
    assert "paul-durand" not in _about(q)


@pytest.mark.model
def test_fr_report_cue_is_factual(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Le journal Acme rapporte que Paul Durand a menti à ses actionnaires."
    q = quote_with(quotes_of(fr_nlp, body, NAMES_FR, "fr"), "menti")
    assert _about(q) == {"paul-durand": 0}


@pytest.mark.model
def test_fr_joint_action_with_the_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Le président Durand et moi-même nous pencherons sur les questions urgentes », "
        "a écrit Marie Leroy."
    )
    q = quote_with(quotes_of(fr_nlp, body, NAMES_FR, "fr"), "pencherons")
    assert _about(q) == {"paul-durand": 1}


# -- English rules through the real model --------------------------------------------------------

NAMES_EN = {
    "john-carter": ["John Carter", "Carter", "John"],
    "anna-price": ["Anna Price", "Price", "Anna"],
    "org-globex": ["Globex"],
}


@pytest.mark.model
def test_en_negation_scope(en_nlp) -> None:  # type: ignore[no-untyped-def]
    body = '"The plan was a failure and Globex was not honest about it," Anna Price said.'
    q = quote_with(quotes_of(en_nlp, body, NAMES_EN, "en"), "failure")
    assert _about(q) == {"org-globex": -1}


@pytest.mark.model
def test_en_reply_no_thanks(en_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        '"We want to buy your company," John Carter said on Monday. '
        '"No thanks, we are not for sale," Anna Price replied.'
    )
    q = quote_with(quotes_of(en_nlp, body, NAMES_EN, "en"), "No thanks")
    assert q.speaker is not None and q.speaker.entity == "anna-price"
    assert _about(q) == {"john-carter": -1}


@pytest.mark.model
def test_en_praise_words(en_nlp) -> None:  # type: ignore[no-untyped-def]
    body = '"Globex has been a reliable partner and I applaud its work," Anna Price said.'
    q = quote_with(quotes_of(en_nlp, body, NAMES_EN, "en"), "reliable")
    assert _about(q) == {"org-globex": 1}


@pytest.mark.model
def test_en_negated_praise_is_hostile(en_nlp) -> None:  # type: ignore[no-untyped-def]
    body = '"John Carter is not a credible leader," Anna Price said.'
    q = quote_with(quotes_of(en_nlp, body, NAMES_EN, "en"), "credible")
    assert _about(q) == {"john-carter": -1}


@pytest.mark.model
def test_an_indirect_question_takes_no_side_but_a_request_does() -> None:
    from allegiance.analysis import analyze

    asked = analyze(
        "On lui a demandé s'il était gêné par les critiques d'Elon Musk.", "fr", "2025-01-22"
    )
    assert [[(t.entity, t.stance) for t in q.about] for q in asked.quotes] == [[("elon-musk", 0)]]
    told = analyze(
        "Donald Trump a demandé à Elon Musk de cesser ses attaques honteuses.", "fr", "2025-01-22"
    )
    assert [[(t.entity, t.stance) for t in q.about] for q in told.quotes] == [[("elon-musk", -1)]]
