"""Speaker rules of 2026-11-26 (fourth session), each on invented sentences through the whole
French pipeline: pronominal incise verbs and a role written before a name the parser misread."""

from __future__ import annotations

import pytest

from fr_articles import analyze_fr as _analyze
from fr_articles import speaker_id as _speaker

pytestmark = pytest.mark.model


def test_a_pronominal_incise_inverts_its_subject() -> None:
    """``», s'est félicité le PDG d'Arkos, Paul Durand``: the reflexive clitic stands between
    the closing mark and the verb; the noun after the verb is its subject, not its object."""
    article = _analyze(
        "Arkos a signé. « C'est une étape majeure », s'est félicité le PDG d'Arkos, Paul Durand."
    )
    assert _speaker(article, "étape majeure") == "paul-durand"
    article = _analyze("« C'est une victoire », se réjouit la maire de Valbourg, Inès Garnier.")
    assert _speaker(article, "victoire") == "ines-garnier"


def test_a_pronominal_incise_the_tagger_took_for_an_adjective_is_a_cue() -> None:
    """``», s'indigne X``: ``indigne`` read as the adjective still opens an incise."""
    article = _analyze("« C'est inacceptable », s'indigne Inès Garnier, porte-parole du collectif.")
    assert _speaker(article, "inacceptable") == "ines-garnier"


def test_a_role_before_a_comma_and_a_name_parsed_as_a_second_object() -> None:
    """``a reçu le maire de Valbourg, Marc Aubert``: the parser makes the name a second object,
    word order still gives Marc Aubert the role, so ``le maire`` later is him."""
    article = _analyze(
        "Le ministre Paul Durand a reçu le maire de Valbourg, Marc Aubert. « Nous avons trouvé "
        "un accord », a déclaré le maire."
    )
    assert _speaker(article, "un accord") == "marc-aubert"


def test_a_role_first_met_unnamed_beside_another_subject_stays_unnamed() -> None:
    """``Selon le ministre de l'Intérieur, X a menti``: X is the subject the role only
    complements, so ``le ministre`` who answers later is the unnamed minister, not X."""
    article = _analyze(
        "Selon le ministre de l'Intérieur, Marc Aubert a menti. « C'est faux », a répondu le "
        "ministre."
    )
    assert _speaker(article, "C'est faux") is None
    # the role beside its own name still resolves
    article = _analyze(
        "Le ministre Paul Durand est arrivé mardi. Les syndicats l'attendaient. « Rien n'est "
        "décidé », a répondu le ministre."
    )
    assert _speaker(article, "Rien n'est") == "paul-durand"


def test_an_actor_right_after_the_channel_is_the_inverted_subject() -> None:
    """``», a déclaré à l'AFP Renault``: a name right after the channel's name starts the
    subject, a company as much as a person; ``auprès de l'AFP`` is a channel too, and an
    indefinite source after it (``un proche de …``) is the unnamed subject, not the agency."""
    article = _analyze("« Tout va bien », a déclaré à l'AFP Valmonde Industries.")
    assert _speaker(article, "Tout va bien") == "valmonde-industries"
    article = _analyze(
        "« C'est une décision courageuse », a estimé auprès de l'AFP un proche de la ministre."
    )
    assert _speaker(article, "courageuse") != "afp"
    # a channel with its own common noun keeps the person after it as the subject
    article = _analyze("« Tout va bien », a déclaré à la chaîne BFMTV le ministre Paul Durand.")
    assert _speaker(article, "Tout va bien") == "paul-durand"


def test_any_verb_inverting_a_named_subject_after_the_marks_is_an_incise() -> None:
    """``« … », sourit X``, ``« … », s'emporte X``, ``« … », a éludé X``: verbs outside the
    cue lexicon still make an incise of saying when they invert a named subject."""
    for text, fragment in [
        ("« Rien n'est encore signé », sourit Karim Haddad.", "encore signé"),
        ("« Ce n'est pas à moi de juger », a éludé Karim Haddad.", "moi de juger"),
        ("« C'est inadmissible, on nous méprise », s'emporte Karim Haddad.", "inadmissible"),
        ("« Le marché va repartir », reprend le directeur, Karim Haddad.", "marché va"),
    ]:
        assert _speaker(_analyze(text), fragment) == "karim-haddad", text
    # a medium inverted after its own verb is the speaker too
    article = _analyze("Karim Haddad est arrivé. « Le marché va repartir », titrait Le Parisien.")
    assert _speaker(article, "marché va") == "le-parisien"


def test_a_reprise_frame_after_the_quote_names_its_speaker() -> None:
    """``« … » C'est par ces mots que X a annoncé …``, ``Ainsi s'exprime X``, ``Le message de
    X est clair``: a fixed frame taking up the words just quoted names their speaker."""
    for text, fragment, speaker in [
        ("« Nous avons été trahis. » Ainsi s'exprime Martine Vauclair.", "trahis",
         "martine-vauclair"),
        ("« On ne pouvait plus continuer. » C'est par ces mots que Claire Dubosc, maire de "
         "Saint-Aubin, a annoncé sa démission.", "continuer", "claire-dubosc"),
        ("« Ce n'est qu'un début. » Le message de Kévin Laborde est clair.", "un début",
         "kevin-laborde"),
    ]:  # fmt: skip
        assert _speaker(_analyze(text), fragment) == speaker, text
