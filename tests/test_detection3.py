"""French quote detection, third round (invented sentences): a participle of making known after
a marked qualifier, fragments governed by a cue whose subject the speaker rules cannot name,
negated cues, preposed ``comme l'a souligné X,`` incises, and subjects the tagger misreads."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from allegiance.extract.quote_context import QuoteContext
from allegiance.extract.report_filters import subject_speaker
from allegiance.models import Quote
from quote_helpers import quotes_of

NAMES = {
    "le-matin": ["Le Matin"],
    "openai": ["OpenAI"],
    "microsoft": ["Microsoft"],
}


def _texts(quotes: list[Quote], kind: str) -> list[str]:
    return [q.text for q in quotes if q.kind == kind]


@pytest.mark.model
def test_participle_of_making_known_does_not_quote_its_agent(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le maire a démissionné jeudi après une affaire « très embarrassante pour la majorité » "
        "révélée la semaine dernière par l'hebdomadaire Le Matin."
    )
    assert _texts(quotes_of(fr_nlp, body, NAMES), "partial") == []


@pytest.mark.model
def test_wording_noun_before_the_marks_keeps_the_quote(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Le maire a dénoncé une « cabale politique » orchestrée contre lui, selon Le Matin."
    assert _texts(quotes_of(fr_nlp, body, NAMES), "partial") == ["cabale politique"]


@pytest.mark.model
def test_listed_fragments_after_a_cue_are_quotes(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Les infirmières dénoncent des horaires « intenables », des salaires gelés et des "
        "méthodes jugées « brutales »."
    )
    assert _texts(quotes_of(fr_nlp, body, NAMES), "partial") == ["intenables", "brutales"]


@pytest.mark.model
def test_a_group_accusing_is_a_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Les rebelles, dans un communiqué, ont accusé l'armée d'utiliser les civils comme "
        "« boucliers humains »."
    )
    assert _texts(quotes_of(fr_nlp, body, NAMES), "partial") == ["boucliers humains"]


@pytest.mark.model
def test_a_negated_cue_quotes_nobody(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Aucun journal n'a pensé à rappeler qu'en matière de violences, être « agent public » "
        "peut aussi constituer une « circonstance aggravante » devant le tribunal."
    )
    assert "circonstance aggravante" not in _texts(quotes_of(fr_nlp, body, NAMES), "partial")


@pytest.mark.model
def test_preposed_comme_incise_reports_the_main_clause(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Comme l'avait indiqué le ministre lors de sa visite, les travaux reprendront en septembre."
    )
    assert _texts(quotes_of(fr_nlp, body, NAMES), "indirect") == [
        "les travaux reprendront en septembre"
    ]


@pytest.mark.model
def test_comme_inside_the_sentence_is_not_preposed(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Les travaux reprendront, comme l'avait indiqué le ministre, en septembre."
    assert "en septembre" not in _texts(quotes_of(fr_nlp, body, NAMES), "indirect")


@pytest.mark.model
def test_a_marked_name_as_subject_speaks(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "«Les voix des Femmes» appelle les élus concernés à prendre en considération ces chiffres."
    )
    indirect = [q for q in quotes_of(fr_nlp, body, NAMES) if q.kind == "indirect"]
    assert [q.text for q in indirect] == ["à prendre en considération ces chiffres"]
    assert indirect[0].speaker is not None and indirect[0].speaker.name == "Les voix des Femmes"


def test_a_name_misread_before_the_auxiliary_is_the_subject(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    # the parse the tagger gave a real sentence: the name read as an auxiliary hung by ``cc``
    words = ["Toutefois", ",", "Acme", "a", "assuré", "maintenir", "son", "contrat", "."]
    doc = Doc(
        fr_nlp.vocab,
        words=words,
        spaces=[False, True, True, True, True, True, True, False, False],
        heads=[4, 4, 4, 4, 4, 4, 7, 5, 4],
        deps=["advmod", "punct", "cc", "aux:tense", "ROOT", "xcomp", "det", "obj", "punct"],
        pos=["ADV", "PUNCT", "AUX", "AUX", "VERB", "VERB", "DET", "NOUN", "PUNCT"],
        lemmas=["toutefois", ",", "acme", "avoir", "assurer", "maintenir", "son", "contrat", "."],
    )
    ctx = QuoteContext(doc, [], "fr")
    content = (doc[5].idx, doc[7].idx + len(doc[7].text))
    speaker = subject_speaker(ctx, doc[4], content)
    assert speaker is not None and speaker.name == "Acme"
    # a real subject wins: nothing is guessed from word order
    assert subject_speaker(ctx, doc[5], content) is None
