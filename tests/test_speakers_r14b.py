"""Round 14 (spkr6): incises whose inverted subject carries a civil title, and the impersonal
``il`` of a passive speech verb. Invented sentences only."""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def ctx():  # type: ignore[no-untyped-def]
    return default_context()


def _speaker(ctx, text: str, fragment: str):  # type: ignore[no-untyped-def]
    art = analyze(text, lang="fr", published="2025-03-04", context=ctx)
    quote = next(q for q in art.quotes if fragment in q.text)
    return quote.speaker


@pytest.mark.parametrize(
    ("text", "entity"),
    [
        (
            "«Trois témoins l'ont accusé. Combien d'autres n'ont pas osé parler?» a amorcé "
            "Me Julie Perrin, avocate d'une des victimes.",
            "julie-perrin",
        ),
        (
            "«Rien ne tient dans ce dossier», a amorcé M. Paul Durand, porte-parole du collectif.",
            "paul-durand",
        ),
    ],
)
def test_unlisted_incise_verb_before_titled_name(ctx, text: str, entity: str) -> None:  # type: ignore[no-untyped-def]
    """``», a amorcé Me X``: any verb inverting a named subject after the closing mark is an
    incise of saying, also when a civil title stands before the name."""
    speaker = _speaker(ctx, text, "dossier" if "dossier" in text else "témoins")
    assert speaker is not None and speaker.entity == entity


def test_impersonal_passive_il_is_no_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    """``», a-t-il été ajouté``: the ``il`` of a passive speech verb is impersonal; it does not
    stand for the minister named before (the words go on with the body quoted before)."""
    text = (
        "Le ministre Paul Durand a présenté son plan lundi. «Il doit rendre des comptes», a "
        "écrit la Fédération des infirmières sur X. «En tant que ministre, il a un devoir de "
        "transparence», a-t-il été ajouté dans la publication."
    )
    speaker = _speaker(ctx, text, "devoir de transparence")
    assert speaker is not None and speaker.entity is not None
    assert speaker.entity != "paul-durand"


def test_guard_inverted_il_active_still_resolves(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: an active ``a-t-il ajouté`` keeps its pronoun speaker."""
    text = (
        "Le ministre Paul Durand a présenté son plan lundi. «Nous irons vite», a-t-il ajouté "
        "devant la presse."
    )
    speaker = _speaker(ctx, text, "Nous irons vite")
    assert speaker is not None and speaker.entity == "paul-durand"


def test_partial_quote_between_auxiliary_and_participle(ctx) -> None:  # type: ignore[no-untyped-def]
    """``le gardien … a « tout de suite vu »``: a partial quote that opens between a finite
    auxiliary and its participle belongs to the subject before the auxiliary, however the
    parser hangs the split verb."""
    text = (
        "Paul Mercier n'a rien pu faire. Dans la nuit de samedi, le gardien du site de 300 "
        "hectares de Vernon a \"tout de suite vu\" ce qui se passait lorsqu'il a entendu l'alarme."
    )
    speaker = _speaker(ctx, text, "tout de suite vu")
    assert speaker is not None and speaker.entity == "paul-mercier"
    text = (
        "Paul Mercier n'a rien pu faire. Dans la nuit du lundi 17 au mardi 18 août, le gardien "
        "du site de 300 hectares de Vernon - le plus grand de l'Eure - a \"tout de suite "
        "compris\" ce qu'il se passait lorsqu'il a entendu l'alarme."
    )
    speaker = _speaker(ctx, text, "tout de suite compris")
    assert speaker is not None and speaker.entity == "paul-mercier"


def test_connective_alone_goes_on_with_previous_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    """``En outre, « … ».`` opening the next paragraph names nobody: the fragment goes on with
    the speaker of the quote that ended the paragraph before."""
    text = (
        "L'avocate Julie Perrin a contesté la sanction devant le tribunal.\n\n"
        "Elle a fait valoir « qu'elle avait eu des difficultés à réunir toutes les pièces »\n\n"
        "En outre, « le retard est imputable au greffe et ne relève pas d'une volonté "
        "délibérée »."
    )
    speaker = _speaker(ctx, text, "imputable au greffe")
    assert speaker is not None and speaker.name is not None


def test_guard_connective_with_own_subject_keeps_its_speaker(ctx) -> None:  # type: ignore[no-untyped-def]
    """Guard: ``En outre, Y a dénoncé « … »`` has its own cue and speaker."""
    text = (
        "Julie Perrin a dit « qu'elle avait eu des difficultés ».\n\n"
        "En outre, le juge Paul Durand a dénoncé « un retard inacceptable »."
    )
    speaker = _speaker(ctx, text, "retard inacceptable")
    assert speaker is not None and speaker.entity == "paul-durand"
