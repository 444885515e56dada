"""Feuds and ruptures between allies, and reconciliations, in French and English.

Invented sentences written the way news agencies report a falling-out (issue #6): threats,
criticism through a thing the target owns, disappointment, calls for impeachment, damaging
claims, nouns of rupture "entre X et Y", reciprocal verbs, and the opposites. Most go through
the real models (``model`` marker); the lexicon guard and one parse are built by hand.
"""

from __future__ import annotations

from datetime import date

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.errors import ConfigError
from allegiance.extract import event_cues
from allegiance.extract.events import find_events
from allegiance.models import DateMention, Quote, Speaker, Target
from entity_helpers import entities_from_table
from event_helpers import events_in, pairs

PUBLISHED = date(2025, 6, 6)
ACTORS = {
    "elon-musk": ("Elon Musk", "person", ["Elon Musk", "Musk"]),
    "donald-trump": ("Donald Trump", "person", ["Donald Trump", "Trump"]),
    "kamala-harris": ("Kamala Harris", "person", ["Kamala Harris", "Harris"]),
    "white-house": ("Maison Blanche", "organization", ["Maison Blanche", "White House"]),
}
MUSK_TRUMP = {("elon-musk", "donald-trump"), ("donald-trump", "elon-musk")}


def run(nlp, text: str, lang: str, dates=None, quotes=None):  # type: ignore[no-untyped-def]
    events, _ = events_in(nlp, text, ACTORS, lang, PUBLISHED, quotes, dates=dates)
    return events


# -- French ---------------------------------------------------------------------------------------


@pytest.mark.model
def test_threat_to_cut_what_the_target_owns(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Trump a menacé de couper les contrats et subventions fédéraux des entreprises de Musk."
    events = run(fr_nlp, text, "fr")
    assert pairs(events) == {("THREATEN", "donald-trump", "elon-musk", "asserted")}
    assert events[0].weight < 0 and events[0].evidence.text == text


@pytest.mark.model
def test_label_of_the_targets_bill_is_criticism(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    events = run(
        fr_nlp,
        "Musk a qualifié le projet de loi budgétaire de Trump d'« abomination répugnante ».",
        "fr",
    )
    assert pairs(events) == {("CRITICIZE", "elon-musk", "donald-trump", "asserted")}


@pytest.mark.model
def test_disappointed_in_someone(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Trump s'est dit « très déçu » par Elon Musk.",
        "Trump s'est dit très déçu par Elon Musk.",
    ):
        assert pairs(run(fr_nlp, text, "fr")) == {
            ("CRITICIZE", "donald-trump", "elon-musk", "asserted")
        }, text


@pytest.mark.model
def test_call_for_impeachment_and_damaging_claim(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    assert pairs(run(fr_nlp, "Musk a appelé à la destitution de Trump.", "fr")) == {
        ("DEMAND", "elon-musk", "donald-trump", "asserted")
    }
    claim = "Musk a affirmé que Trump figurait dans un dossier de corruption."
    assert pairs(run(fr_nlp, claim, "fr")) == {("ACCUSE", "elon-musk", "donald-trump", "asserted")}
    assert pairs(run(fr_nlp, "Musk a affirmé que Trump figurait sur la photo.", "fr")) == set()


@pytest.mark.model
def test_rupture_between_two_allies_goes_both_ways_with_its_date(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Le 5 juin, la rupture entre Donald Trump et Elon Musk est consommée."
    when = DateMention("5 juin", 3, 9, "2025-06-05", "day")
    events = run(fr_nlp, text, "fr", dates=[when])
    assert {(e.type, e.source[0], e.target[0]) for e in events} == {
        ("DISENGAGE", a, b) for a, b in MUSK_TRUMP
    }
    assert all(e.date == "2025-06-05" and not e.date_is_fallback for e in events)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Le divorce entre Trump et Musk est consommé.", "DISENGAGE"),
        ("La brouille entre Trump et Musk s'aggrave.", "DISENGAGE"),
        ("Le torchon brûle entre Trump et Musk.", "CRITICIZE"),
        ("Trump et Musk se déchirent.", "CRITICIZE"),
        ("La réconciliation entre Trump et Musk a surpris.", "PARTNER"),
        ("Trump et Musk se sont réconciliés.", "PARTNER"),
        ("Musk a fait la paix avec Trump.", "PARTNER"),
    ],
)
def test_mutual_relations(fr_nlp, text: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    events = run(fr_nlp, text, "fr")
    assert {(e.type, e.source[0], e.target[0], e.modality) for e in events} == {
        (kind, a, b, "asserted") for a, b in MUSK_TRUMP
    }


@pytest.mark.model
def test_one_sided_breaks(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    for text in ("Musk rompt avec Trump.", "Musk a pris ses distances avec Trump."):
        assert pairs(run(fr_nlp, text, "fr")) == {
            ("DISENGAGE", "elon-musk", "donald-trump", "asserted")
        }, text


@pytest.mark.model
def test_leaving_a_post_is_no_break(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Musk a quitté le gouvernement.",
        "Musk a quitté ses fonctions.",
        "Musk a quitté la Maison Blanche.",
    ):
        assert run(fr_nlp, text, "fr") == [], text


@pytest.mark.model
def test_negated_reported_hypothetical(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    assert pairs(run(fr_nlp, "Trump n'a pas menacé Musk.", "fr")) == {
        ("THREATEN", "donald-trump", "elon-musk", "negated")
    }
    assert pairs(run(fr_nlp, "Trump aurait menacé Musk.", "fr")) == {
        ("THREATEN", "donald-trump", "elon-musk", "reported")
    }
    assert pairs(run(fr_nlp, "Musk pourrait rompre avec Trump.", "fr")) == {
        ("DISENGAGE", "elon-musk", "donald-trump", "hypothetical")
    }


# -- English --------------------------------------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind", "source", "target"),
    [
        (
            "Trump threatened to cut Musk's government contracts.",
            "THREATEN",
            "donald-trump",
            "elon-musk",
        ),
        (
            "Musk called Trump's budget bill a disgusting abomination.",
            "CRITICIZE",
            "elon-musk",
            "donald-trump",
        ),
        ("Trump said he was very disappointed in Musk.", "CRITICIZE", "donald-trump", "elon-musk"),
        ("Musk called for Trump's impeachment.", "DEMAND", "elon-musk", "donald-trump"),
        (
            "Musk claimed that Trump was involved in a corruption scheme.",
            "ACCUSE",
            "elon-musk",
            "donald-trump",
        ),
        ("Trump said Musk had gone crazy.", "CRITICIZE", "donald-trump", "elon-musk"),
        ("Musk broke with Trump.", "DISENGAGE", "elon-musk", "donald-trump"),
        ("Musk turned on Trump.", "CRITICIZE", "elon-musk", "donald-trump"),
    ],
)
def test_one_sided_hostility(en_nlp, text: str, kind: str, source: str, target: str) -> None:  # type: ignore[no-untyped-def]
    assert pairs(run(en_nlp, text, "en")) == {(kind, source, target, "asserted")}


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("The feud between Trump and Musk escalated.", "CRITICIZE"),
        ("Trump and Musk's falling-out shocked Washington.", "DISENGAGE"),
        ("Musk and Trump clashed over the bill.", "CRITICIZE"),
        ("Trump and Musk made up.", "PARTNER"),
        ("Musk made peace with Trump.", "PARTNER"),
    ],
)
def test_mutual_relations_en(en_nlp, text: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    events = run(en_nlp, text, "en")
    assert {(e.type, e.source[0], e.target[0]) for e in events} == {
        (kind, a, b) for a, b in MUSK_TRUMP
    }


@pytest.mark.model
def test_english_modality_and_posts(en_nlp) -> None:  # type: ignore[no-untyped-def]
    assert pairs(run(en_nlp, "Trump did not threaten Musk.", "en")) == {
        ("THREATEN", "donald-trump", "elon-musk", "negated")
    }
    assert pairs(run(en_nlp, "Trump reportedly threatened Musk.", "en")) == {
        ("THREATEN", "donald-trump", "elon-musk", "reported")
    }
    assert pairs(run(en_nlp, "Musk could break with Trump.", "en")) == {
        ("DISENGAGE", "elon-musk", "donald-trump", "hypothetical")
    }
    assert pairs(run(en_nlp, "Trump said Musk was not crazy.", "en")) == set()
    assert run(en_nlp, "Musk left the White House.", "en") == []
    assert run(en_nlp, "Musk left the government.", "en") == []


@pytest.mark.model
def test_pronoun_of_the_other_gender_is_not_the_subject(en_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Trump rejects polls that suggest Kamala Harris is ahead even as he lashes out at her."
    assert ("CRITICIZE", "donald-trump", "kamala-harris", "asserted") in pairs(
        run(en_nlp, text, "en")
    )
    assert not any("kamala-harris" in e.source for e in run(en_nlp, text, "en"))


@pytest.mark.model
def test_hostile_quote_gives_a_negative_verbal_event(en_nlp) -> None:  # type: ignore[no-untyped-def]
    """A quote against a target is a CRITICIZE event (weight < 0), which the graph counts
    as a verbal report (graph.scoring: CRITICIZE is not a material type)."""
    from allegiance.graph.scoring import component_of

    text = 'Trump wrote: "Elon has gone crazy."'
    said = "Elon has gone crazy."
    start = text.index(said)
    quote = Quote(
        text=said,
        start=start,
        end=start + len(said),
        kind="direct",
        speaker=Speaker("donald-trump", "Donald Trump", None),
        about=[Target("elon-musk", -1)],
        confidence=0.8,
    )
    events = run(en_nlp, text, "en", quotes=[quote])
    hostile = [e for e in events if e.quote == 0]
    assert [(e.type, e.source, e.target) for e in hostile] == [
        ("CRITICIZE", ["donald-trump"], ["elon-musk"])
    ]
    assert hostile[0].weight < 0 and component_of(hostile[0].type) == "verbal"


# -- without the model ----------------------------------------------------------------------------


def test_hand_built_reciprocal_verb_splits_its_subjects() -> None:
    """ "Trump et Musk se déchirent": conjoined subjects, no object, each is the other's target."""
    doc = Doc(
        spacy.blank("fr").vocab,
        words=["Trump", "et", "Musk", "se", "déchirent", "."],
        spaces=[True, True, True, True, False, False],
        heads=[4, 2, 0, 4, 4, 4],
        deps=["nsubj", "cc", "conj", "expl:comp", "ROOT", "punct"],
        pos=["PROPN", "CCONJ", "PROPN", "PRON", "VERB", "PUNCT"],
        lemmas=["Trump", "et", "Musk", "se", "déchirer", "."],
    )
    events, _ = find_events(doc, entities_from_table(doc.text, ACTORS), [], [], [], "fr", PUBLISHED)
    assert {(e.type, e.source[0], e.target[0]) for e in events} == {
        ("CRITICIZE", a, b) for a, b in MUSK_TRUMP
    }


def test_unquoted_yaml_boolean_in_a_word_list_is_refused() -> None:
    """YAML reads an unquoted on/no as a boolean: the loader says so instead of matching True."""
    with pytest.raises(ConfigError):
        event_cues._words(["to", True], "default_targets")
    lex = event_cues.load_lexicon("en")
    assert "no" in lex.modality["negation"]
    assert "on" in next(c for c in lex.verbs["turn"] if c.type == "CRITICIZE").needs
