"""Round 13b (realdev5) detection rules, on invented French sentences.

* a postposed incise the sentence segmenter cut off from its report (``…, a été prolongée | ,
  a indiqué jeudi le parquet.``): the report is the sentence before;
* a pronominal speech verb (``s'est surtout dit « … »``) is active, even when the tagger marks
  its participle passive.
"""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context

pytestmark = pytest.mark.model


def _quotes(text: str) -> list[tuple[str, str, str | None]]:
    article = analyze(text, lang="fr", published="2025-03-04", context=default_context())
    return [
        (q.kind, q.text, q.speaker.name if q.speaker is not None else None) for q in article.quotes
    ]


def test_incise_cut_off_by_the_segmenter() -> None:
    quotes = _quotes(
        "La détention de cet homme a été prolongée, a indiqué jeudi le parquet de Rennes."
    )
    assert any(
        kind == "indirect" and text.startswith("La détention de cet homme a été prolongée")
        for kind, text, _ in quotes
    ), quotes


def test_incise_cut_off_after_a_long_report() -> None:
    quotes = _quotes(
        "La détention d'un homme âgé de 40 ans, soupçonné d'avoir incendié un entrepôt, "
        "a été prolongée, a indiqué jeudi le parquet."
    )
    assert any(
        kind == "indirect" and "a été prolongée" in text and "indiqué" not in text
        for kind, text, _ in quotes
    ), quotes


def test_guard_incise_in_one_sentence() -> None:
    """Guard: an incise the segmenter keeps in its sentence is read as before."""
    quotes = _quotes("La réunion du conseil a été reportée à lundi, a indiqué mardi la mairie.")
    assert [(k, t) for k, t, _ in quotes] == [
        ("indirect", "La réunion du conseil a été reportée à lundi")
    ]


def test_pronominal_speech_verb_with_adverb() -> None:
    quotes = _quotes('Paul Martin s\'est surtout dit "consterné" par les accusations.')
    assert ("partial", "consterné", "Paul Martin") in quotes, quotes


def test_guard_passive_without_agent() -> None:
    """Guard: a true passive without agent still reports nobody's words."""
    quotes = _quotes('Il a été dit "non" au projet de la mairie.')
    assert not any(text == "non" for _, text, _ in quotes), quotes


@pytest.mark.parametrize(
    ("text", "content", "name"),
    [
        (
            "Les enquêteurs ont indiqué que le suspect avait fui vers la Belgique.",
            "le suspect avait fui vers la Belgique",
            "Les enquêteurs",
        ),
        (
            "Les organisateurs ont déclaré qu'ils maintenaient le concert, d'après la radio.",
            "ils maintenaient le concert",
            "Les organisateurs",
        ),
    ],
)
def test_plural_agent_nouns_speak(text: str, content: str, name: str) -> None:
    """``Les enquêteurs ont indiqué que …``: a plural agent noun (the suffix is on the lemma, the
    form ends in ``s``) is an unnamed source like the singular; a closing ``d'après X`` is no
    part of the reported clause."""
    a = analyze(text, lang="fr", published="2025-03-04", context=default_context())
    found = [(q.text, q.speaker.name if q.speaker else None) for q in a.quotes]
    assert (content, name) in found, found


def test_participle_qualifying_a_noun_reports_nothing() -> None:
    """``le parcours annoncé pour se diriger vers …``: a past participle qualifying the noun
    before it says what was announced; no clause is reported, by anyone."""
    a = analyze(
        "Une manifestation contre les usines dont les militants dénoncent le caractère polluant "
        "avait quitté le parcours annoncé pour se diriger vers le chantier.",
        lang="fr",
        published="2025-03-04",
        context=default_context(),
    )
    assert [q.text for q in a.quotes] == []
