"""French speakers, tuned on real news (round 9). One test per rule, on invented sentences
through the real French model: a word the author put in quotation marks is not the subject who
speaks (``« Fixé », le feu n'avait « plus évolué »``); a line opening with a quotation mark
starts a sentence (the parser used to run the line above into a quoted paragraph, and the
incise closing it lost its subject: +4 speakers on the real-text dev sample); the object a
request is made to (``appeler X à``, ``exhorter X à`` + infinitive) is not the speaker; a text
opening on ``« … », dit-il`` before naming anyone names the speaker later in that paragraph;
``Pour X, professeur à Lyon, la réforme « … »`` keeps X's view past the apposition."""

from __future__ import annotations

import pytest

from quote_helpers import speaker_of

NAMES = {
    "org-securite-civile": ["Direction de la sécurité civile"],
    "angela-ruiz": ["Angela Ruiz"],
    "org-fec": ["Commission électorale fédérale", "FEC"],
    "paul-durand": ["Paul Durand"],
    "ines-garnier": ["Inès Garnier"],
    "paul-lemercier": ["Paul Lemercier"],
    "org-universite-lyon": ["université de Lyon"],
}


@pytest.mark.model
def test_a_quoted_word_is_no_subject_who_speaks(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Le feu a détruit « 1 650 hectares », déplore la Direction de la sécurité civile dans "
        "un communiqué transmis samedi. « Fixé », le feu n'avait, à ce moment-là, « plus évolué "
        "depuis trente-six heures »."
    )
    assert speaker_of(fr_nlp, body, NAMES, "plus évolué") == "org-securite-civile"


def test_a_line_opening_with_a_quotation_mark_starts_a_sentence() -> None:
    import spacy
    from spacy.tokens import Doc

    from allegiance.nlp.sentences import mark_paragraphs

    words = ["Il", "refuse", ".", "\n", "«", "Non", "»", ",", "dit", "-il", "\n", "puis", "part"]
    doc = mark_paragraphs(Doc(spacy.blank("fr").vocab, words=words, spaces=[False] * 13))
    assert doc[4].is_sent_start is True  # the quoted line
    assert not doc[11].is_sent_start  # a line going on in lowercase decides nothing


@pytest.mark.model
def test_whom_a_request_is_made_to_is_not_who_makes_it(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "La sénatrice Angela Ruiz a qualifié le comité de « machine à blanchir » et appelé la "
        "Commission électorale fédérale (FEC) à ouvrir une enquête."
    )
    assert speaker_of(fr_nlp, body, NAMES, "ouvrir une enquête") == "angela-ruiz"
    # an inverted subject after an incise stays the speaker, whatever the parser calls it
    body = "« Ce n'est pas fini », a déclaré mardi Paul Durand."
    assert speaker_of(fr_nlp, body, NAMES, "pas fini") == "paul-durand"


@pytest.mark.model
def test_a_pronoun_nobody_precedes_takes_the_person_named_next(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "« Nous tiendrons bon », dit-il dans sa vidéo du soir. « Rien ne change », a ajouté "
        "le président, Paul Durand.\nLa ministre Inès Garnier a salué ces propos."
    )
    assert speaker_of(fr_nlp, body, NAMES, "tiendrons bon") == "paul-durand"
    # a person named in the next paragraph only is no antecedent
    body = "« Nous tiendrons bon », dit-il dans sa vidéo du soir.\nPaul Durand a voté contre."
    assert speaker_of(fr_nlp, body, NAMES, "tiendrons bon") is None


@pytest.mark.model
def test_pour_x_keeps_his_view_past_his_apposition(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    body = (
        "Pour l'économiste Paul Lemercier, professeur à l'université de Lyon, la réforme « ne "
        "créera pas d'emplois »."
    )
    assert speaker_of(fr_nlp, body, NAMES, "créera pas") == "paul-lemercier"
    # someone named after the frame, outside an apposition, still speaks for himself
    body = "Pour Paul Durand, le fait que Inès Garnier ait qualifié le texte de « chiffon » pèse."
    assert speaker_of(fr_nlp, body, NAMES, "chiffon") == "ines-garnier"


def test_a_hard_wrapped_text_keeps_a_quote_in_its_sentence() -> None:
    """A dispatch wrapped at a fixed width breaks lines mid-sentence: a mark opening a line there
    goes on the sentence before it, unless that line ended its sentence."""
    import spacy

    from allegiance.nlp.sentences import hard_wrapped, mark_paragraphs

    wrapped = (
        "Le ministre de l'Intérieur a répondu mardi aux députés qui l'interrogeaient\n"
        "sur la réforme, la jugeant « nécessaire et urgente » avant de quitter la salle\n"
        "sous les huées de l'opposition, qui a dénoncé un passage en force et un\n"
        "« mépris » du Parlement. Le texte sera examiné jeudi en commission des lois\n"
        "avant un vote solennel prévu la semaine prochaine à l'Assemblée nationale."
    )
    assert hard_wrapped(wrapped)
    one_per_line = "Il refuse tout compromis.\n« Non », dit-il.\nPuis il part.\nFin."
    assert not hard_wrapped(one_per_line)
    nlp = spacy.blank("fr")
    doc = mark_paragraphs(nlp(wrapped))
    mark = next(t for t in doc if t.text == "«" and doc[t.i + 1].text == "mépris")
    assert not mark.is_sent_start  # « mépris » goes on « un passage en force et un »
    # a line that ended its sentence still lets the quoted line start one
    doc = mark_paragraphs(nlp(wrapped.replace("et un\n« mépris", "et un mépris.\n« Non")))
    mark = next(t for t in doc if t.text == "«" and doc[t.i + 1].text == "Non")
    assert mark.is_sent_start
