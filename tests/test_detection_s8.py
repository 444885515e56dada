"""Session 8: quote detection on constructions found missed on the blind dev sets, rebuilt
here as invented passages (other names, other topics, same grammar)."""

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


def test_short_quote_with_incise_then_a_second_quote(ctx) -> None:  # type: ignore[no-untyped-def]
    """``« C'est honteux », a jugé X, rappelant que « … »``: a short quote opening its sentence
    with its own incise is said, though a longer quote shares the sentence."""
    quotes = _quotes(
        "« C'est honteux », a jugé la sénatrice Hélène Marchal, rappelant que « les loyers ont "
        "doublé en dix ans ».",
        ctx,
    )
    q = _find(quotes, "C'est honteux")
    assert q is not None and q.kind == "direct"
    assert "Marchal" in _name(q)
    assert _find(quotes, "les loyers ont doublé") is not None


def test_short_label_inside_sentence_with_longer_quote(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: a short marked label inside a sentence that quotes at length stays a label."""
    quotes = _quotes(
        "Le « geste » du groupe est une « opération de communication sans aucun lendemain », "
        "a dit le député Paul Viel.",
        ctx,
    )
    assert _find(quotes, "geste") is None
    assert _find(quotes, "opération de communication") is not None


def test_incise_participle_tagged_adjective(ctx) -> None:  # type: ignore[no-untyped-def]
    """``« C'est faux », a-t-il martelé.``: the parser tags ``martelé`` an adjective after the
    inverted clitic; the short quote was lost and the long one had no cue."""
    quotes = _quotes(
        "Julien Mercier a pris la parole devant les députés.\n\n« C'est faux », a-t-il martelé.",
        ctx,
    )
    q = _find(quotes, "C'est faux")
    assert q is not None and "Mercier" in _name(q)
    assert q.cue is not None and q.cue.text == "martelé"


def test_titled_surname_is_a_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    """``M. Nalder a dénoncé …`` then ``a-t-il ajouté``: the model tagged the unknown surname
    MISC; after a personal title it is a person, the pronoun's antecedent."""
    quotes = _quotes(
        "M. Nalder a immédiatement dénoncé une initiative sans précédent. « Personne ne peut "
        "être au-dessus de la loi », a-t-il ajouté.",
        ctx,
    )
    q = _find(quotes, "Personne ne peut")
    assert q is not None and "Nalder" in _name(q)


def test_one_word_quote_before_a_long_incise(ctx) -> None:  # type: ignore[no-untyped-def]
    """``« Jamais », a déclaré la présidente de la région, Claire Fontaine.``: a capitalised
    word alone in marks, then an incise of more than four words, is an utterance."""
    quotes = _quotes("« Jamais », a déclaré la présidente de la région, Claire Fontaine.", ctx)
    q = _find(quotes, "Jamais")
    assert q is not None and "Fontaine" in _name(q)


def test_one_capitalised_word_in_a_sentence_stays_a_name(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: the word inside the author's sentence is still a name."""
    quotes = _quotes("Le mouvement « Renaissance », a déclaré Paul Viel, sera dissous.", ctx)
    assert _find(quotes, "Renaissance") is None


def test_postposed_selon_with_name_in_apposition(ctx) -> None:  # type: ignore[no-untyped-def]
    """``« … », selon le porte-parole du ministère, Jean Valois.``: the name closing the
    sentence after a comma is the source's, not the subject of a new clause."""
    quotes = _quotes(
        "« Nous ne céderons pas », selon le porte-parole du ministère, Jean Valois.", ctx
    )
    q = _find(quotes, "Nous ne céderons pas")
    assert q is not None and "Valois" in _name(q)


def test_pronoun_after_a_doubled_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    """``X, ministre, a rencontré Y mardi. Il a déclaré que …``: the parser makes Y a second
    subject after the verb; the subject before it is the antecedent."""
    quotes = _quotes(
        "Julien Mercier, ministre de l'Économie, a rencontré Paul Viel mardi. Il a ensuite "
        "déclaré que le gouvernement doit revoir sa copie.",
        ctx,
    )
    q = _find(quotes, "revoir sa copie")
    assert q is not None and "Mercier" in _name(q)


def test_role_of_a_subject_name_without_closing_comma(ctx) -> None:  # type: ignore[no-untyped-def]
    """``La maire de Lille, Claire Fontaine a réagi``: the author left out the comma closing
    the apposition; ``la maire`` later still refers back to her."""
    quotes = _quotes(
        "La maire de Lille, Claire Fontaine a réagi mardi. « Nous ne laisserons pas les salariés "
        "payer seuls le prix de cette crise », a ajouté la maire.",
        ctx,
    )
    q = _find(quotes, "salariés payer")
    assert q is not None and "Fontaine" in _name(q)


def test_parler_de_marked_words(ctx) -> None:  # type: ignore[no-untyped-def]
    """``X parle d'une « … »``: the speaker's words, like ``évoque``; three fragments in a row."""
    quotes = _quotes("Julien Mercier parle d'une « situation explosive » dans la région.", ctx)
    q = _find(quotes, "situation explosive")
    assert q is not None and q.kind == "partial" and "Mercier" in _name(q)
    quotes = _quotes(
        "Claire Fontaine a reconnu les faits. Durant l'audience, elle a parlé d'une « erreur », "
        "d'un « accident », d'un coup de « folie ».",
        ctx,
    )
    for word in ("erreur", "accident", "folie"):
        q = _find(quotes, word)
        assert q is not None and "Fontaine" in _name(q)


def test_parler_guards(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guards: a refusal or an avoidance, an infinitive anyone may use, ``parler avec``: the
    marked word is nobody's quote."""
    for text, word in (
        ("Le juge Paul Viel a refusé de parler d'« erreur judiciaire ».", "erreur"),
        ("Rien n'empêche de parler de « suspicions » dans ce dossier.", "suspicions"),
        ("Julien Mercier a parlé avec Claire Fontaine de la « loi travail ».", "loi travail"),
        ("Julien Mercier a évité de parler de « crise » devant les journalistes.", "crise"),
        ("Julien Mercier n'ose pas parler de « récession » devant les patrons.", "récession"),
        ("Julien Mercier a renoncé à parler de « faillite ».", "faillite"),
    ):
        assert _find(_quotes(text, ctx), word) is None, text


def test_coordinated_clause_after_the_marks(ctx) -> None:  # type: ignore[no-untyped-def]
    """``X parle d'une « … », et Y estime que …``: the cue of the clause after the marks, with
    its own subject before it, is Y's report, not the quote's incise."""
    quotes = _quotes(
        "Le candidat Paul Viel parle d'une « France à l'abandon », et Claire Fontaine estime que "
        "le pays est passé à « l'ensauvagement ».",
        ctx,
    )
    q = _find(quotes, "France à l'abandon")
    assert q is not None and "Viel" in _name(q)
    q = _find(quotes, "ensauvagement")
    assert q is not None and "Fontaine" in _name(q)


def test_parler_as_complement_of_a_named_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    """``X n'hésite pas à parler de « … »``: the infinitive reports X's words."""
    quotes = _quotes("Julien Mercier n'hésite pas à parler de « trahison ».", ctx)
    q = _find(quotes, "trahison")
    assert q is not None and "Mercier" in _name(q)


def test_one_word_after_cue_and_colon(ctx) -> None:  # type: ignore[no-untyped-def]
    """``X a déclaré : « Jamais ».``: a cue and a colon introduce the word, which ends the
    sentence: an utterance, not a name."""
    quotes = _quotes("Julien Mercier a déclaré : « Jamais ».", ctx)
    q = _find(quotes, "Jamais")
    assert q is not None and "Mercier" in _name(q)


def test_one_word_with_postposed_selon(ctx) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes("« Jamais », selon le ministre de l'Économie Julien Mercier.", ctx)
    q = _find(quotes, "Jamais")
    assert q is not None and "Mercier" in _name(q)


def test_short_sentence_framed_by_pour(ctx) -> None:  # type: ignore[no-untyped-def]
    """``Pour X, « C'est faux ».``: the framing source says the whole short sentence."""
    quotes = _quotes("Pour Julien Mercier, « C'est faux ».", ctx)
    q = _find(quotes, "C'est faux")
    assert q is not None and "Mercier" in _name(q)


def test_role_after_a_fronted_complement_is_not_the_subjects(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: ``Face au ministre de l'Intérieur, X a dénoncé …``: X is not the minister, so
    ``a ajouté le ministre`` later is not X."""
    quotes = _quotes(
        "Face au ministre de l'Intérieur, Julien Mercier a dénoncé une dérive autoritaire. Le "
        "texte sera examiné en juin. « Nous ne céderons pas », a ajouté le ministre.",
        ctx,
    )
    q = _find(quotes, "ne céderons pas")
    assert q is not None and q.speaker is not None and q.speaker.entity != "julien-mercier"


def test_name_in_marks_before_an_inserted_selon_is_no_utterance(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: ``« Horizons », selon son fondateur X, compte …``: the marked name is the subject
    of the clause that goes on after the incise."""
    for text, word in (
        ("« Libération », selon nos informations, sera racheté par un fonds belge.", "Libération"),
        (
            "« Horizons », selon son fondateur Julien Mercier, compte désormais 40 000 adhérents.",
            "Horizons",
        ),
    ):
        assert _find(_quotes(text, ctx), word) is None, text


def test_short_quote_with_inverted_incise_then_a_second_quote(ctx) -> None:  # type: ignore[no-untyped-def]
    """``« C'est honteux », a-t-elle jugé, rappelant que « … »``: the incise's ``a-t-elle``."""
    quotes = _quotes(
        "La sénatrice Hélène Marchal a réagi mardi. « C'est honteux », a-t-elle jugé, rappelant "
        "que « les loyers ont doublé en dix ans ».",
        ctx,
    )
    q = _find(quotes, "C'est honteux")
    assert q is not None and "Marchal" in _name(q)


def test_a_short_heading_line_ends_before_the_next_line() -> None:
    """``Autres déclarations du Kremlin`` / ``La Russie avait …``: a short line with no final
    punctuation, then a capital on the next line: a sub-heading, whose next line starts a
    sentence (the parser joined them and took the heading's body for the speaker)."""
    import spacy
    from spacy.tokens import Doc

    from allegiance.nlp.sentences import mark_paragraphs

    vocab = spacy.blank("fr").vocab
    words = ["Autres", "déclarations", "du", "Kremlin", "\n", "La", "Russie", "a", "dit", "."]
    spaces = [True, True, True, False, False, True, True, True, False, False]
    doc = mark_paragraphs(Doc(vocab, words=words, spaces=spaces))
    assert doc[5].is_sent_start is True
    # guard: a long line cut mid-sentence, and a line ending on a comma, start nothing
    words = ["Il", "a", "rencontré", "mardi", "à", "Paris", "le", "ministre", "de", "la"]
    words += ["Santé", "\n", "Paul", "Viel", "."]
    doc = Doc(vocab, words=words, spaces=[True] * 10 + [False, False, True, False, False])
    assert not mark_paragraphs(doc)[12].is_sent_start
    words = ["Selon", "lui", ",", "\n", "Paul", "Viel", "ment", "."]
    doc = Doc(vocab, words=words, spaces=[True, False, False, False, True, True, False, False])
    assert not mark_paragraphs(doc)[4].is_sent_start


def test_a_body_named_in_marks_before_its_acronym(ctx) -> None:  # type: ignore[no-untyped-def]
    """``la « commission pour l'efficacité gouvernementale » (DOGE)``: a name, not a quote; a
    quote followed by an agency's credit stays one."""
    quotes = _quotes(
        "Les membres de la « commission pour l'efficacité gouvernementale » (DOGE) ont "
        "démissionné, a rapporté le Washington Post.",
        ctx,
    )
    # the clause is the Post's indirect report; the marked name is no partial quote of it
    assert not [q for q in quotes if q.kind == "partial" and "commission" in q.text]
    quotes = _quotes("« Nous partons » (AFP), a dit Paul Viel.", ctx)
    q = _find(quotes, "Nous partons")
    assert q is not None and "Viel" in _name(q)


def test_quote_paragraph_after_a_selon_source(ctx) -> None:  # type: ignore[no-untyped-def]
    """``Selon X, … .`` then a paragraph that is only a quote: X goes on, as after ``X a
    estimé que …``."""
    for opener in ("Selon Julien Mercier", "Pour Julien Mercier", "D'après Julien Mercier"):
        quotes = _quotes(
            f"Le maire a réagi. {opener}, l'invitation ressemble à un signe de réticence.\n\n"
            "« Si vous ne voulez pas de cette rencontre, invitez-moi à Moscou. »",
            ctx,
        )
        q = _find(quotes, "invitez-moi")
        assert q is not None and "Mercier" in _name(q), opener
