"""Session 26: French reports the parser or the punctuation hides (a source without its comma,
…)."""

from __future__ import annotations

import pytest

from allegiance.analysis import default_context
from quote_helpers import analyzed_quotes as _quotes
from quote_helpers import find_quote


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


@pytest.mark.model
def test_a_capitalised_source_closing_the_sentence_needs_no_comma(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Les boulangeries augmentent leurs prix. Des hausses décidées par la moitié des "
        "artisans selon le Syndicat des boulangers."
    )
    quote = find_quote(_quotes(text, ctx), "hausses décidées")
    assert quote is not None and quote.kind == "indirect"
    assert quote.speaker is not None and quote.speaker.name.startswith("Syndicat")


@pytest.mark.model
def test_a_lower_case_phrase_after_selon_without_a_comma_is_no_source(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Les boulangeries augmentent leurs prix. Des hausses décidées par la moitié des "
        "artisans selon les régions."
    )
    assert find_quote(_quotes(text, ctx), "hausses décidées") is None


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        ("La ministre a promis sur France Inter de punir les fraudeurs.", "de punir les fraudeurs"),
        ("Le maire a demandé dans un courrier au préfet de fermer la route.", "de fermer la route"),
        (
            "Le patron a promis lors de son discours de verser une prime aux salariés.",
            "de verser une prime",
        ),
        # an audience after ``devant``, whatever its noun
        (
            "Le Premier ministre a promis devant les députés de ne pas recourir au 49.3.",
            "de ne pas recourir",
        ),
    ],
)
def test_a_promise_or_request_after_an_adjunct_of_channel_or_occasion(
    ctx, sentence, content
) -> None:  # type: ignore[no-untyped-def]
    quote = find_quote(_quotes(f"La grève continue. {sentence}", ctx), content)
    assert quote is not None and quote.kind == "indirect"
    assert quote.text.startswith("de ") and quote.speaker is not None


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        # the infinitive completes the adjunct's noun: a hope, not what was promised
        "Le patron a promis dans l'espoir de calmer les salariés.",
        # a noun object after the adjunct: nothing to report
        "Le maire a demandé lors de la réunion de lundi des moyens supplémentaires.",
        # a circumstance or a purpose, not what was promised or asked
        "Le candidat a beaucoup promis lors de ses meetings avant de décevoir ses électeurs.",
        "Le candidat a beaucoup promis lors de ses meetings au lieu de présenter un budget.",
        "Le syndicat a demandé lors de la réunion avec Matignon dans le but de débloquer la "
        "situation une hausse des salaires.",
        # the object holds the infinitive: the means were promised, not the rebuilding
        "La ministre a promis lors de sa visite à Mayotte les moyens de reconstruire l'île.",
        # the subject is asked, not asking
        "Le préfet s'est vu demander dans un courrier du maire de fermer la route.",
        # an oath that is a curse
        "Le joueur a juré à l'antenne avant d'être coupé par le présentateur.",
    ],
)
def test_no_promise_from_an_adjunct_without_an_infinitive_of_the_cue(ctx, sentence) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(f"La grève continue. {sentence}", ctx)
    assert all(q.kind != "indirect" for q in quotes), [q.text for q in quotes]


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        # the participle read as a relative clause, a party's initials in brackets before it
        (
            "Le ton est monté entre une vingtaine de riverains opposés à un parking, et un Paul "
            "Roche (DVD) les invitant à écrire au préfet.",
            "Paul Roche",
        ),
        # the speaker's description leaves out the conjunction before it
        (
            "La réunion a opposé des riverains et un maire les invitant à écrire au préfet.",
            "un maire",
        ),
    ],
)
def test_a_present_participle_after_a_noun_has_it_for_speaker(ctx, text, speaker) -> None:  # type: ignore[no-untyped-def]
    quote = find_quote(_quotes(text, ctx), "à écrire au préfet")
    assert quote is not None and quote.kind == "indirect"
    assert quote.speaker is not None and quote.speaker.name == speaker


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        (
            "Les avocats des familles ont plaidé pour que l'État verse des indemnités aux victimes.",
            "l'État verse des indemnités",
        ),
        (
            "La syndicaliste milite depuis des années pour que les saisonniers soient mieux payés.",
            "les saisonniers soient mieux payés",
        ),
    ],
)
def test_the_clause_after_pour_que_of_a_cue_of_advocacy(ctx, sentence, content) -> None:  # type: ignore[no-untyped-def]
    quote = find_quote(_quotes(f"Le procès touche à sa fin. {sentence}", ctx), content)
    assert quote is not None and quote.kind == "indirect"
    assert quote.text.startswith(content) and quote.speaker is not None


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        "Le jeune homme milite au Parti socialiste depuis dix ans.",
        "Elle milite pour l'abolition de la peine de mort.",
    ],
)
def test_militer_without_a_clause_reports_nothing(ctx, sentence) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(f"Le procès touche à sa fin. {sentence}", ctx) == []


@pytest.mark.model
def test_a_promise_after_an_adjunct_ends_where_a_new_clause_starts(ctx) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La grève continue. Le maire a demandé dans un courrier au préfet de fermer la route "
        "dès lundi et les commerçants ont aussitôt protesté."
    )
    quote = find_quote(_quotes(text, ctx), "de fermer la route")
    assert quote is not None and "commerçants" not in quote.text


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        "Aux Etats-Unis, l'âge légal pour boire varie selon l'Etat.",
        "Les délais d'attente varient de deux à six mois selon l'Hôpital.",
        "Les tarifs des cantines varient selon le Syndicat des communes.",
        "Les prières sont récitées cinq fois par jour selon l'Islam.",
    ],
)
def test_a_capital_after_selon_depending_on_is_no_source(ctx, sentence) -> None:  # type: ignore[no-untyped-def]
    assert _quotes(f"Le débat est relancé. {sentence}", ctx) == []


@pytest.mark.model
@pytest.mark.parametrize("source", ["la CGT", "l'Intersyndicale"])
def test_a_source_without_comma_vouches_for_the_last_clause_only(ctx, source) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Le débat est relancé. Le ministre a appelé au calme dimanche, et la grève se "
        f"poursuit selon {source}."
    )
    quote = find_quote(_quotes(text, ctx), "la grève se poursuit")
    assert quote is not None and quote.text == "la grève se poursuit"


@pytest.mark.model
@pytest.mark.parametrize(
    ("sentence", "content", "speaker"),
    [
        (
            "Tous les manifestants ont été libérés dans la soirée indiquent leurs avocats.",
            "Tous les manifestants ont été libérés dans la soirée",
            "leurs avocats",
        ),
        (
            "Le dossier est désormais clos confirme la procureure qui refuse tout commentaire.",
            "Le dossier est désormais clos",
            "la procureure",
        ),
    ],
)
def test_an_incise_whose_comma_was_left_out(ctx, sentence, content, speaker) -> None:  # type: ignore[no-untyped-def]
    quote = find_quote(_quotes(f"L'audience a repris lundi. {sentence}", ctx), content)
    assert quote is not None and quote.text == content
    assert quote.speaker is not None and quote.speaker.name.startswith(speaker)


@pytest.mark.model
@pytest.mark.parametrize(
    "sentence",
    [
        "Le projet que défendent les élus a été adopté.",
        "La maison où vivent les familles a brûlé.",
        "Sur place, les rares témoignages qui arrivent décrivent une ville dévastée.",
        "Les salariés ont quitté l'usine et annoncent une grève.",
    ],
)
def test_no_uncommaed_incise_in_ordinary_word_order(ctx, sentence) -> None:  # type: ignore[no-untyped-def]
    quotes = _quotes(f"L'audience a repris lundi. {sentence}", ctx)
    assert all(q.kind != "indirect" for q in quotes), [q.text for q in quotes]
