"""French marked fragments and testimonies of real news (invented sentences): a cue whose subject
the parser lost owns its fragment; a view set by a possessive (``À son avis, …``)."""

from __future__ import annotations

import pytest
from spacy.tokens import Doc

from allegiance.extract.fragment_cues import governing_cue
from allegiance.extract.quote_context import QuoteContext
from quote_helpers import quotes_of

NAMES = {"sophie-martin": ["Sophie Martin"], "paul-durand": ["Paul Durand"]}


def _lost_subject_doc(fr_nlp, subject: str) -> Doc:  # type: ignore[no-untyped-def]
    # the parse the tagger gave a real sentence: the subject hung on the verb as ``obl:mod``
    words = [subject, ",", "a", "dénoncé", "vendredi", "une", "«", "censure", "»", "."]
    return Doc(
        fr_nlp.vocab,
        words=words,
        spaces=[False, True, True, True, True, True, True, True, False, False],
        heads=[3, 3, 3, 3, 3, 7, 7, 4, 7, 3],
        deps=[
            "obl:mod",
            "punct",
            "aux:tense",
            "ROOT",
            "obl:mod",
            "det",
            "punct",
            "appos",
            "punct",
            "punct",
        ],  # fmt: skip
        pos=["NOUN", "PUNCT", "AUX", "VERB", "NOUN", "DET", "PUNCT", "NOUN", "PUNCT", "PUNCT"],
        morphs=["", "", "VerbForm=Fin", "VerbForm=Part|Tense=Past", "", "", "", "", "", ""],
        lemmas=[
            subject.lower(),
            ",",
            "avoir",
            "dénoncer",
            "vendredi",
            "un",
            "«",
            "censure",
            "»",
            ".",
        ],  # fmt: skip
    )


def test_a_cue_whose_subject_the_parser_lost_owns_the_fragment(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    doc = _lost_subject_doc(fr_nlp, "Chanteuse")
    ctx = QuoteContext(doc, [], "fr")
    assert governing_cue(ctx, doc[6].idx, doc[8].idx)
    # a noun that cannot speak, misread the same way, owns nothing
    doc = _lost_subject_doc(fr_nlp, "Décision")
    ctx = QuoteContext(doc, [], "fr")
    assert not governing_cue(ctx, doc[6].idx, doc[8].idx)


@pytest.mark.model
def test_a_view_set_by_a_possessive_is_its_owner_s(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "La mère de la victime, Sophie Martin, n'a pas caché sa colère. A son avis, ce n'est "
        "pas normal que des parents laissent traîner leurs enfants dans la rue."
    )
    found = [q for q in quotes_of(fr_nlp, body, NAMES) if q.kind == "indirect"]
    assert [q.text[:26] for q in found] == ["ce n'est pas normal que de"]
    assert found[0].speaker is not None and found[0].speaker.entity == "sophie-martin"
    # ``à son tour`` sets no view
    body = "Paul Durand a parlé. À son tour, la ministre a pris la parole devant les élus."
    assert not [q for q in quotes_of(fr_nlp, body, NAMES) if q.kind == "indirect"]


@pytest.mark.model
def test_a_marked_predicate_the_parser_hung_on_a_relative_clause(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    # ``était "fixé"`` heads its own clause: the parser hangs it on ``qui s'est déclaré``
    body = (
        'Un incendie qui s\'est déclaré samedi près de Lens était "fixé" dans la soirée, '
        "après avoir détruit 70 hectares de forêt, a indiqué la préfecture."
    )
    found = quotes_of(fr_nlp, body, {})  # an unnamed speaker: no entity owns the marks
    assert [(q.kind, q.text) for q in found] == [("partial", "fixé")]


@pytest.mark.model
def test_a_circumstance_after_the_cue_is_no_content(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Est-ce que je regrette ? Bien sûr », a-t-il dit aux juges avant que ceux-ci ne "
        "partent délibérer."
    )
    found = quotes_of(fr_nlp, body, NAMES)
    assert [q.kind for q in found] == ["direct"]
