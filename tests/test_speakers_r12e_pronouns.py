"""Pronoun speakers (round 12): a subject whose own quotes come between it and ``il``/``elle``,
names inside straight quotation marks, plural subjects and repeated pronouns in a chain, and a
person named as the addressee. Invented sentences only."""

from __future__ import annotations

import pytest

from fr_articles import analyze_fr, speaker_id

pytestmark = pytest.mark.model


def _speaker(text: str, fragment: str) -> str | None:
    return speaker_id(analyze_fr(text), fragment)


def test_pronoun_continues_subject_whose_own_quote_intervenes() -> None:
    """``La direction de X jugeait « … ». Elle demandait « … »``: the quote between the subject
    and ``elle`` is the subject's own, so ``elle`` goes on with it, not with an earlier woman."""
    text = (
        "La ministre Hélène Marchais a qualifié de « choquante » la réponse faite aux familles. "
        "Dans un courrier, la direction de l'Agence Valmonde jugeait « inacceptables » les "
        "propos des familles.\nElle leur demandait une « attitude respectueuse »."
    )
    assert _speaker(text, "attitude respectueuse") == "agence-valmonde"


def test_own_quote_guard_other_subject_named_since() -> None:
    """Guard: the subject's own quote, then another person named as the next sentence's
    subject: ``il`` is that person (the continuity rules decide)."""
    text = (
        "Marc Ferrand, chef de l'opposition, a revendiqué lundi la victoire « dès le premier "
        "tour ». Mais le président de la commission électorale, Luc Bamba, a dénoncé « une "
        "annonce prématurée et nulle », a-t-il ajouté."
    )
    assert _speaker(text, "annonce prématurée") == "luc-bamba"


def test_pronoun_skips_names_in_straight_quotes_and_plural_subjects() -> None:
    """``Il a ajouté … Il a commenté … Les forces avaient … "… MM. X et Y …", a-t-il
    précisé``: names inside straight marks are what the speaker talks about, a plural subject
    is no ``il``, and a chain of ``il`` subjects leads back to the spokesman."""
    text = (
        "Le porte-parole du gouvernement, Igor Lesnik, a qualifié mardi ces accusations "
        "d'absurdes. Il a affirmé que la marine ne bloquait pas le trafic. Il a ajouté que la "
        "navigation se faisait normalement. Il a également commenté la déclaration de M. Dubois "
        "qui a affirmé que le président Karl Weber était injoignable.\nCe jour-là, les forces "
        'navales avaient saisi trois navires. "Je ne peux que confirmer que MM. Weber et Dubois '
        'ne se sont pas parlé", a-t-il précisé.'
    )
    assert _speaker(text, "Je ne peux que confirmer") == "igor-lesnik"


def test_pronoun_prefers_asker_over_addressee() -> None:
    """``celle qu'a défendue X au chef écologiste, Y. « … », avait-il tonné``: with no subject
    found, the person the sentence addresses (``à``/``au``) ranks below the other one."""
    text = (
        "La proposition de M. Roche est celle qu'a défendue la semaine dernière le maire de "
        "Lyon, Paul Verdier, au chef écologiste, Marc-Antoine Lenoir.\n« Ce conseil ne sert à "
        "rien », avait-il tonné à la mairie."
    )
    assert _speaker(text, "Ce conseil ne sert à rien") == "paul-verdier"


def test_lone_addressee_guard() -> None:
    """Guard: a person named alone after ``à`` (``faire appel à X, l'avocat : « … »``) keeps
    the pronoun: no other person of that sentence outranks them."""
    text = (
        "Le club a décidé de faire appel à Jean Klavier, l'avocat de la ligue : « Je n'ai pas "
        "encore reçu le dossier », précise-t-il."
    )
    assert _speaker(text, "pas encore reçu") == "jean-klavier"
