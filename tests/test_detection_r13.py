"""Round 13 (detect13): quotes cut by the excerpt's end, and documents filed with an actor.

Invented sentences only, through the real French model."""

from __future__ import annotations

import pytest

from allegiance.analysis import analyze, default_context

pytestmark = pytest.mark.model


def _quotes(text: str) -> list[tuple[str, str, str | None]]:
    a = analyze(text, lang="fr", published="2025-03-04", context=default_context())
    return [(q.kind, q.text, q.speaker.entity if q.speaker else None) for q in a.quotes]


def test_cut_quote_opening_its_paragraph_is_not_given_to_the_previous_speaker() -> None:
    """A quoted paragraph cut after a few words at the excerpt's end: its incise was cut, its
    speaker is unknown, the gold skips it."""
    text = (
        "« Le chantier reprendra lundi », a assuré le maire Paul Dubreuil.\n\n"
        "« Les ouvriers de la commune ont pour l"
    )
    found = _quotes(text)
    assert not any(t.startswith("Les ouvriers") for _, t, _ in found)
    assert any(t.startswith("Le chantier") and s == "paul-dubreuil" for _, t, s in found)


def test_guard_cut_quote_introduced_by_a_colon_stays() -> None:
    """Guard: a colon names the speaker of the cut quote that follows it."""
    text = (
        "Le maire Paul Dubreuil a ensuite pris la parole :\n\n"
        "« Nous sommes en période de vacances, certains élus ne sont pas là, ce serait un man"
    )
    found = _quotes(text)
    assert any(t.startswith("Nous sommes en période") and s == "paul-dubreuil" for _, t, s in found)


def test_guard_cut_quote_inside_a_paragraph_about_its_speaker_stays() -> None:
    """Guard: a cut quote inside the paragraph that speaks of someone is theirs."""
    text = (
        "Le maire Paul Dubreuil dément les rumeurs de fermeture. « Nous avons perdu beaucoup, "
        "mais nous allons rebâtir. Le chantier commencera dès que nous aur"
    )
    found = _quotes(text)
    assert any(t.startswith("Nous avons perdu") and s == "paul-dubreuil" for _, t, s in found)


def test_documents_filed_with_a_regulator_are_not_its_words() -> None:
    """``selon des documents déposés auprès de X`` / ``une déclaration à X``: X receives the
    filing, it does not author it; a document without a named author is no one's quote."""
    for text in (
        "La société Orvane a versé 12 millions d'euros au parti, selon des documents déposés "
        "auprès de l'Autorité des marchés financiers.",
        "Elon Musk a donné 74 millions à America PAC, selon une déclaration à la Commission "
        "électorale fédérale.",
    ):
        assert not [q for q in _quotes(text) if q[0] == "indirect"], text


def test_guard_document_published_by_an_actor_stays_its_report() -> None:
    """Guard: ``selon des documents publiés par X``: X is the source."""
    text = (
        "La société Orvane a versé 12 millions d'euros au parti, selon des documents publiés "
        "par l'Autorité des marchés financiers."
    )
    assert any(k == "indirect" and s is not None for k, _, s in _quotes(text))


def test_incise_made_root_by_the_parser() -> None:
    """``Le Conseil fédéral était préparé, a-t-il déclaré.``: the parser makes the incise the
    sentence's root and the clause before it an adverbial clause; it is still the content."""
    found = _quotes(
        "Le ministre Paul Durand a parlé mardi. Le Conseil fédéral était préparé, a-t-il déclaré."
    )
    assert ("indirect", "Le Conseil fédéral était préparé", "paul-durand") in found


def test_incise_followed_by_adjuncts() -> None:
    """``…, a-t-il déclaré dans une interview accordée au « Temps ».``: adjuncts after the
    inverted pronoun, with no finite verb, still close the incise."""
    found = _quotes(
        "Le ministre Paul Durand a parlé mardi. Le pays était prêt, a-t-il déclaré dans une "
        "interview accordée au « Temps »."
    )
    assert ("indirect", "Le pays était prêt", "paul-durand") in found


def test_incise_followed_by_a_clause_is_not_closed() -> None:
    """Guard: a finite verb of a new clause after the incise (``…, et il est reparti``) is no
    adjunct tail; the sentence is left to the other rules. (A relative clause on the adjunct's
    noun, ``à des journalistes qui l'attendaient``, is part of the adjunct since session 14.)"""
    found = _quotes(
        "Le ministre Paul Durand a parlé mardi. Le pays est prêt, a-t-il dit à des journalistes "
        "devant le palais, il est reparti aussitôt."
    )
    assert not any(t == "Le pays est prêt" for _, t, _ in found)


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Paul Durand a spécifié que la réforme entrerait en vigueur en mai.", "la réforme"),
        ("Paul Durand a décrit mardi la maison de son enfance.", None),
        ("« C'est fini ! », a hurlé Paul Durand devant la mairie.", "C'est fini"),
        ("Paul Durand a insinué que le maire avait menti.", "le maire avait menti"),
    ],
)
def test_reporting_verbs_added_to_the_lexicon(text: str, content: str | None) -> None:
    """Common reporting verbs the lexicon lacked (``spécifier``, ``insinuer``); guards: a marked
    quote with ``hurler`` was already attributed, and ``décrire`` with a noun object reports
    no clause."""
    found = [(t, s) for _, t, s in _quotes(text)]
    if content is None:
        assert found == []
    else:
        assert any(content in t and s == "paul-durand" for t, s in found), found
