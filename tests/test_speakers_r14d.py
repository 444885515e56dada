"""Speakers from the realdev7 round (helper spkr7), on invented sentences: an incise pronoun
goes with the sentence's fronted opinion source (``pour X, … : « … », dit-il``); an inverted
description closed by a name before a channel (``le député X Paul Y sur France Inter``); a
present participle the parser coordinated into a reported clause (``assurant que … et
condamnant « … »``); a subject opening a sentence the parser ran on from the last."""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


def _speakers(text: str, ctx) -> dict[str, str | None]:  # type: ignore[no-untyped-def]
    analysis = analyze(text, lang="fr", published="2025-03-04", context=ctx)
    return {q.text: (q.speaker.entity if q.speaker else None) for q in analysis.quotes}


def test_incise_pronoun_takes_fronted_opinion_source(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Karim B., 42 ans, a été condamné. Il a parlé d\'un "malheur".\n\n'
        "Mais tout cela, pour l'avocat de la famille Maître Paul Roussel, c'est une manœuvre : "
        "\"Peu importe l'enfance\" de l'accusé, dit-il, \"frapper un homme à terre, c'est un "
        'crime".'
    )
    got = _speakers(text, ctx)
    assert got["Peu importe l'enfance"] == "paul-roussel"
    assert got["frapper un homme à terre, c'est un crime"] == "paul-roussel"


def test_incise_pronoun_takes_selon_source_in_apposition(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Karim B., 42 ans, a été condamné. Selon le procureur, Marc Dumas, "
        '"il n\'a rien compris", a-t-il dit.'
    )
    assert _speakers(text, ctx)["il n'a rien compris"] == "marc-dumas"


def test_opinion_source_guards(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guards: a plain subject pronoun inside the opinion, a later sentence's incise, and a
    source of the other gender keep their reading."""
    text = (
        "Karim B., 42 ans, a été condamné. Pour l'avocat Marc Dumas, il a menti. "
        '"Je suis innocent", a-t-il répété.'
    )
    assert _speakers(text, ctx)["Je suis innocent"] == "karim-b"
    text = (
        'Karim B., 42 ans, a été condamné. Pour sa mère, Julie, "il n\'a rien compris", a-t-il dit.'
    )
    assert _speakers(text, ctx)["il n'a rien compris"] != "julie"


def test_inverted_description_closed_by_name_before_channel(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        '"C\'est ridicule", a estimé de son côté le député LFI Paul Marchal sur France Inter, '
        'rappelant que "les prix ont doublé" à l\'heure actuelle.'
    )
    assert _speakers(text, ctx)["les prix ont doublé"] == "paul-marchal"
    text = (
        '"On est sur une mesurette", a aussi regretté le numéro 2 du Parti socialiste Pierre '
        "Lemaire sur Europe 1."
    )
    assert _speakers(text, ctx)["On est sur une mesurette"] == "pierre-lemaire"


def test_participle_coordinated_into_reported_clause(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le ministre Paul Martin a salué son équipe, assurant que la femme la plus riche du "
        "pays avait apporté un « changement colossal » et condamnant « les attaques » ayant "
        "selon lui visé Anne Dupuis."
    )
    got = _speakers(text, ctx)
    assert got["les attaques"] == "paul-martin"
    assert got["changement colossal"] == "paul-martin"


def test_subject_opening_run_on_sentence_ends_speaker_continuity(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "« Les équipes continuent leur travail », a assuré Paul Martin, à propos de la "
        "commission. Il a offert à son allié une médaille.\n"
        "Jean Dupuis a été interrogé sur sa blessure. « Je jouais avec le petit Léo », "
        "a-t-il raconté."
    )
    got = _speakers(text, ctx)
    assert got["Je jouais avec le petit Léo"] == "jean-dupuis"
    assert got["Les équipes continuent leur travail"] == "paul-martin"  # guard


def test_participle_after_relative_clause_goes_with_main_subject(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La ministre Anne Morel a commenté les accusations du Brésil selon lesquelles "
        "l'Argentine aurait bloqué le port de Santos avec des navires, affirmant qu'une telle "
        "action 'n'est pas acceptable' et qu'il n'est pas le bon moment pour de telles manœuvres."
    )
    got = _speakers(text, ctx)
    # the straight single marks make the words a partial quote (session 9); its speaker is
    # still the participle's main subject, not the author of the accusations
    said = next(t for t in got if "n'est pas acceptable" in t)
    assert got[said] == "anne-morel"


def test_national_mission_speaks_for_its_state(ctx) -> None:  # type: ignore[no-untyped-def]
    text = "La mission française auprès de l'ONU a averti samedi la Russie de « rester à l'écart »."
    assert _speakers(text, ctx)["rester à l'écart"] == "france"
    text = "« Nous avons agi en légitime défense », a indiqué la représentation française à l'ONU."
    assert _speakers(text, ctx)["Nous avons agi en légitime défense"] == "france"


def test_lone_quote_after_fronted_opinion_holder(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Pour Marie Dubois, tous les habitants devraient se sentir concernés. « Ce combat "
        "n'est pas celui des cheminots uniquement. C'est le combat de tous. »"
    )
    got = _speakers(text, ctx)
    alone = next(t for t in got if t.startswith("Ce combat"))
    assert got[alone] == "marie-dubois"
    # guard: a person named as a subject since takes the quote
    text = (
        "Pour Marie Dubois, la réforme est injuste. Le ministre Paul Girard a répondu mardi. "
        "« Nous ne reculerons pas. »"
    )
    assert _speakers(text, ctx)["Nous ne reculerons pas."] == "paul-girard"
