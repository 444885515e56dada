"""Quote detection and sentence fixes of 2026-11-26 (fourth session), found by probing invented
constructions; each test on invented sentences through the whole French pipeline."""

from __future__ import annotations

import pytest

from fr_articles import analyze_fr as _analyze
from fr_articles import speaker_id as _speaker

pytestmark = pytest.mark.model


def test_a_naming_word_ending_the_previous_sentence_makes_no_title() -> None:
    """``… son livre. « J'ai mis dix ans … »``: ``livre`` before a quote names a title only in
    the same sentence (``son livre « Les Années grises »``)."""
    article = _analyze(
        "Hélène Marchal a présenté son livre. « J'ai mis dix ans à l'écrire », a-t-elle confié."
    )
    assert _speaker(article, "dix ans") == "helene-marchal"
    article = _analyze("Hélène Marchal a présenté mardi son livre « Les Années grises ».")
    assert not any("Années grises" in q.text for q in article.quotes)


def test_a_verbless_quote_before_an_incise_is_no_name() -> None:
    """``« Une politique d'amateurs », a dit X``: the parser makes the quote the subject of
    ``dit``, but the comma makes the verb an incise with its own subject."""
    article = _analyze("« Une politique d'amateurs », a dit Vincent Moreau.")
    assert _speaker(article, "amateurs") == "vincent-moreau"
    # a name in marks that is the subject of the verb after it stays a name (the clause may be
    # an indirect report of ``le journal``; the name alone is no quote)
    article = _analyze("Selon le journal, « Valmonde Avenir » dédie ses fonds à la campagne.")
    assert not any(q.text.strip() == "Valmonde Avenir" for q in article.quotes)


def test_an_exclamation_and_its_incise_are_one_sentence() -> None:
    """``« Quelle honte ! », a lancé X``: the parser cuts after ``!``; the closing mark and the
    incise belong to the exclamation's sentence."""
    article = _analyze("« Quelle honte ! », a lancé Thomas Morel.")
    assert _speaker(article, "Quelle honte") == "thomas-morel"


def test_an_opening_mark_starts_the_sentence_after_a_full_stop() -> None:
    """``… un tweet. « Il faut partir »``: the parser hangs the mark on the sentence before and
    starts the next one at ``Il``; the mark opens the quote's sentence."""
    article = _analyze("Paul Durand a écrit un message. « Il faut partir maintenant », dit-il.")
    assert article.doc is not None
    starts = [s[0].text for s in article.doc.sents]
    assert starts == ["Paul", "«"]


def test_a_quote_in_brackets_is_said_when_it_makes_a_clause() -> None:
    """``(« Le calendrier sera tenu », a-t-il répété)``: a bare bracket before the marks was
    read as ``(lire « … »)``; a clause in them is speech, a list of names stays out."""
    article = _analyze(
        "Marc Fesneau a exclu tout report (« Le calendrier sera tenu », a-t-il répété mercredi)."
    )
    assert _speaker(article, "calendrier sera tenu") == "marc-fesneau"
    article = _analyze(
        "La grève prend diverses formes : ateliers (« Comment tenir une assemblée ? », "
        "« Dessiner une affiche »), projections."
    )
    assert not any("Dessiner" in q.text for q in article.quotes)


def test_a_participle_after_avoir_is_a_verb_whatever_its_tag() -> None:
    """``a tweeté``: the tagger reads the new verb as a name."""
    article = _analyze("« Nous ne céderons rien », a tweeté Inès Garnier mardi soir.")
    assert _speaker(article, "céderons rien") == "ines-garnier"


def test_a_works_title_in_spaced_marks_is_no_quote() -> None:
    """``signe avec « La Nuit des loups »`` (French spaces inside the marks hid the word before
    them) and ``a écrit « La Nuit des loups »`` (a verb of making a work) name a title."""
    for text in [
        "Karim Benali signe avec « La Nuit des loups » un thriller haletant.",
        "Karim Benali a écrit « La Nuit des loups ».",
        "Inès Garnier publie « Les Heures blanches » chez Gallimard.",
    ]:
        assert not any("loups" in q.text or "Heures" in q.text for q in _analyze(text).quotes)
    # guards: what the same verbs introduce as words said stays a quote
    assert _speaker(_analyze("« Une honte », a écrit Inès Garnier sur X."), "honte") == (
        "ines-garnier"
    )
    article = _analyze("Inès Garnier a écrit : « Nous ne céderons pas. »")
    assert _speaker(article, "céderons") == "ines-garnier"


def test_a_target_read_through_a_pronoun_crashes_nothing() -> None:
    """``« On m'a promis du temps, on ne m'en a pas donné. »``: the event's target came from
    the clitic ``m'`` (no token of the actor in the verb's phrase); looking for one raised
    StopIteration and lost the whole article (found by the discourse probe)."""
    article = _analyze(
        "Franck Audoin est amer. « On m'a promis du temps, on ne m'en a pas donné. »"
    )
    assert any("promis du temps" in q.text for q in article.quotes)


def test_no_sentence_starts_without_a_break_before_it() -> None:
    """``Claire Maubert accuse Thomas Lenoir d'avoir menti``: the parser cut the sentence twice
    between names with no punctuation and lost the report; a sentence now starts only after an
    end mark, a colon, a closing mark or a line break."""
    article = _analyze("Claire Maubert accuse Thomas Lenoir d'avoir menti aux enquêteurs.")
    assert article.doc is not None and len(list(article.doc.sents)) == 1
    assert _speaker(article, "menti aux enquêteurs") == "claire-maubert"
    # a full stop still ends a sentence
    article = _analyze("Paul Durand est parti. Inès Garnier est restée.")
    assert article.doc is not None and len(list(article.doc.sents)) == 2


def test_a_word_before_a_line_break_is_no_word_before_the_marks() -> None:
    """The title test reads the few characters before a quote's content; ``$`` also matched
    before a final line break, so a word ending the previous line counted as right before."""
    from allegiance.extract.scare_quotes import _AFTER_WORD

    assert _AFTER_WORD.search("avec « ")
    assert _AFTER_WORD.search("signe ")
    assert not _AFTER_WORD.search("fin du mot\n")
