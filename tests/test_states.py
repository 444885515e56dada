"""States as actors: a country, its capital and its organs speaking or acting are one entity."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.models import Entity, Mention
from allegiance.resolve.kb import KBEntry, KnowledgeBase
from allegiance.resolve.states import add_state_actors, load_lexicon, state_mentions

VOCAB = spacy.blank("fr").vocab


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase(
        [
            KBEntry("china", "China", "location", ("Chine",), wikidata="Q148", curated=True),
            KBEntry("russia", "Russia", "location", ("Russie",), curated=True),
            KBEntry("united-states", "United States", "location", ("États-Unis",), curated=True),
        ]
    )


def parsed(rows: list[tuple[str, int, str, str]]) -> Doc:
    """Rows of (word, head index, dep, pos); one space between words except before punctuation."""
    words = [r[0] for r in rows]
    spaces = [i + 1 < len(words) and words[i + 1] not in {",", "."} for i in range(len(words))]
    return Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        lemmas=[r[0].lower() for r in rows],
    )


def texts(found: dict[str, list[Mention]]) -> dict[str, list[str]]:
    return {k: [m.text for m in v] for k, v in found.items()}


def test_lexicon_inflects_french_adjectives_and_keeps_kb_names(kb: KnowledgeBase) -> None:
    lex = load_lexicon(kb)
    assert lex.demonyms["chinoises"] == "china"
    assert lex.demonyms["israeliennes"] == "israel"  # folded: accents off
    assert lex.names["chine"] == "china"
    assert lex.capitals["pekin"] == "china"
    assert lex.capitals["bruxelles"] == "european-union"
    assert "gouvernement" in lex.organs and "porte-parole" in lex.spokespeople


def test_country_subject_is_an_actor(kb: KnowledgeBase) -> None:
    # La Chine a dénoncé la décision .
    doc = parsed(
        [
            ("La", 1, "det", "DET"),
            ("Chine", 3, "nsubj", "PROPN"),
            ("a", 3, "aux:tense", "AUX"),
            ("dénoncé", 3, "ROOT", "VERB"),
            ("la", 5, "det", "DET"),
            ("décision", 3, "obj", "NOUN"),
            (".", 3, "punct", "PUNCT"),
        ]
    )
    found = state_mentions(doc, kb)
    assert texts(found) == {"china": ["Chine"]}  # the article is left out of the mention


def test_country_as_a_place_is_no_actor(kb: KnowledgeBase) -> None:
    # Les exportations vers la Chine augmentent .
    doc = parsed(
        [
            ("Les", 1, "det", "DET"),
            ("exportations", 5, "nsubj", "NOUN"),
            ("vers", 4, "case", "ADP"),
            ("la", 4, "det", "DET"),
            ("Chine", 1, "nmod", "PROPN"),
            ("augmentent", 5, "ROOT", "VERB"),
            (".", 5, "punct", "PUNCT"),
        ]
    )
    assert state_mentions(doc, kb) == {}


def test_capital_as_source_of_selon(kb: KnowledgeBase) -> None:
    # Selon Moscou , l' attaque a échoué .
    doc = parsed(
        [
            ("Selon", 1, "case", "ADP"),
            ("Moscou", 6, "obl:mod", "PROPN"),
            (",", 1, "punct", "PUNCT"),
            ("l'", 4, "det", "DET"),
            ("attaque", 6, "nsubj", "NOUN"),
            ("a", 6, "aux:tense", "AUX"),
            ("échoué", 6, "ROOT", "VERB"),
            (".", 6, "punct", "PUNCT"),
        ]
    )
    assert texts(state_mentions(doc, kb)) == {"russia": ["Moscou"]}


def test_capital_as_a_place_is_no_actor(kb: KnowledgeBase) -> None:
    # Il vit à Moscou .
    doc = parsed(
        [
            ("Il", 1, "nsubj", "PRON"),
            ("vit", 1, "ROOT", "VERB"),
            ("à", 3, "case", "ADP"),
            ("Moscou", 1, "obl:mod", "PROPN"),
            (".", 1, "punct", "PUNCT"),
        ]
    )
    assert state_mentions(doc, kb) == {}


def test_organ_phrase_with_a_nationality_adjective(kb: KnowledgeBase) -> None:
    # Le ministère chinois des Affaires étrangères a protesté .
    doc = parsed(
        [
            ("Le", 1, "det", "DET"),
            ("ministère", 7, "nsubj", "NOUN"),
            ("chinois", 1, "amod", "ADJ"),
            ("des", 4, "case", "ADP"),
            ("Affaires", 1, "nmod", "PROPN"),
            ("étrangères", 4, "amod", "ADJ"),
            ("a", 7, "aux:tense", "AUX"),
            ("protesté", 7, "ROOT", "VERB"),
            (".", 7, "punct", "PUNCT"),
        ]
    )
    found = state_mentions(doc, kb)
    assert texts(found) == {"china": ["ministère chinois des Affaires étrangères"]}


def test_spokesperson_of_an_organ_is_not_the_state(kb: KnowledgeBase) -> None:
    # Le porte-parole du gouvernement chinois a protesté .
    doc = parsed(
        [
            ("Le", 1, "det", "DET"),
            ("porte-parole", 6, "nsubj", "NOUN"),
            ("du", 3, "case", "ADP"),
            ("gouvernement", 1, "nmod", "NOUN"),
            ("chinois", 3, "amod", "ADJ"),
            ("a", 6, "aux:tense", "AUX"),
            ("protesté", 6, "ROOT", "VERB"),
            (".", 6, "punct", "PUNCT"),
        ]
    )
    assert state_mentions(doc, kb) == {}


def test_state_mention_replaces_an_institution_on_the_same_words(kb: KnowledgeBase) -> None:
    # Les autorités de Pékin ont démenti .
    doc = parsed(
        [
            ("Les", 1, "det", "DET"),
            ("autorités", 5, "nsubj", "NOUN"),
            ("de", 3, "case", "ADP"),
            ("Pékin", 1, "nmod", "PROPN"),
            ("ont", 5, "aux:tense", "AUX"),
            ("démenti", 5, "ROOT", "VERB"),
            (".", 5, "punct", "PUNCT"),
        ]
    )
    start = doc[1].idx
    institution = Entity("autorites", "autorités de Pékin", "organization")
    institution.mentions = [Mention("autorités de Pékin", start, start + 18)]
    out = add_state_actors(doc, kb, [institution])
    assert [(e.id, e.type, e.name) for e in out] == [("china", "organization", "China")]
    assert [m.text for m in out[0].mentions] == ["autorités de Pékin"]
    assert out[0].kb and out[0].wikidata == "Q148"


# -- the real models ---------------------------------------------------------------------------


def _analyse(text: str, lang: str):  # type: ignore[no-untyped-def]
    from allegiance.analysis import analyze

    return analyze(text, lang=lang, published="2025-03-01")


def _speakers(article) -> list[str | None]:  # type: ignore[no-untyped-def]
    return [q.speaker.entity if q.speaker else None for q in article.quotes]


@pytest.mark.model
def test_country_capital_and_organ_speak_as_one_state() -> None:
    article = _analyse(
        "Le ton monte entre les deux pays. « Nous rejetons ces accusations », a déclaré la "
        "Chine mardi. Selon Pékin, les sanctions violent le droit international. Le "
        "gouvernement chinois a affirmé que les négociations étaient rompues.",
        "fr",
    )
    china = article.entity("china")
    assert china is not None and china.type == "organization" and china.kb
    assert {m.text for m in china.mentions} == {"Chine", "Pékin", "gouvernement chinois"}
    assert _speakers(article) and all(s == "china" for s in _speakers(article))
    assert [e.id for e in article.entities if e.id != "china"] == []


@pytest.mark.model
def test_event_between_two_states_fr() -> None:
    article = _analyse(
        "Le conflit commercial s'aggrave. Pékin accuse Washington de mener une guerre commerciale.",
        "fr",
    )
    assert {e.id for e in article.entities} == {"china", "united-states"}
    assert any(ev.source == ["china"] and ev.target == ["united-states"] for ev in article.events)


@pytest.mark.model
def test_place_only_country_and_denzel_washington_are_no_state() -> None:
    article = _analyse(
        "Les exportations vers la Chine ont augmenté en 2024. Denzel Washington a déclaré "
        "que le film était réussi.",
        "fr",
    )
    assert article.entity("china") is None
    assert article.entity("united-states") is None


@pytest.mark.model
def test_spokesperson_stays_a_description() -> None:
    article = _analyse(
        "Le porte-parole du ministère chinois des Affaires étrangères a déclaré que les "
        "accusations étaient infondées.",
        "fr",
    )
    assert article.quotes
    speaker = article.quotes[0].speaker
    assert speaker is not None and speaker.entity is None
    assert "porte-parole" in speaker.name


@pytest.mark.model
def test_english_forms() -> None:
    article = _analyse(
        "Tensions rose again on Monday. Moscow said the strike killed ten people. The Chinese "
        "government accused Washington of bullying. Exports to Brazil rose in 2024.",
        "en",
    )
    ids = {e.id for e in article.entities}
    assert {"russia", "china", "united-states"} <= ids
    assert "brazil" not in ids
    assert "russia" in _speakers(article)
    assert any(ev.source == ["china"] and ev.target == ["united-states"] for ev in article.events)


# -- a bare government noun goes to the country the article is about ---------------------------


def _government_doc() -> Doc:
    # La France prépare la réforme . En France , le gouvernement a tranché .
    return parsed(
        [
            ("La", 1, "det", "DET"),
            ("France", 2, "nsubj", "PROPN"),
            ("prépare", 2, "ROOT", "VERB"),
            ("la", 4, "det", "DET"),
            ("réforme", 2, "obj", "NOUN"),
            (".", 2, "punct", "PUNCT"),
            ("En", 7, "case", "ADP"),
            ("France", 12, "obl", "PROPN"),
            (",", 7, "punct", "PUNCT"),
            ("le", 10, "det", "DET"),
            ("gouvernement", 12, "nsubj", "NOUN"),
            ("a", 12, "aux:tense", "AUX"),
            ("tranché", 12, "ROOT", "VERB"),
            (".", 12, "punct", "PUNCT"),
        ]
    )


def test_bare_government_goes_to_the_dominant_country(kb: KnowledgeBase) -> None:
    found = texts(state_mentions(_government_doc(), _kb_with_france(kb)))
    assert found == {"france": ["France", "gouvernement"]}


def test_bare_government_stays_a_description_when_no_country_dominates(kb: KnowledgeBase) -> None:
    # La Chine critique la Russie . Le gouvernement a répondu .
    doc = parsed(
        [
            ("La", 1, "det", "DET"),
            ("Chine", 2, "nsubj", "PROPN"),
            ("critique", 2, "ROOT", "VERB"),
            ("la", 4, "det", "DET"),
            ("Russie", 2, "obj", "PROPN"),
            (".", 2, "punct", "PUNCT"),
            ("Le", 7, "det", "DET"),
            ("gouvernement", 9, "nsubj", "NOUN"),
            ("a", 9, "aux:tense", "AUX"),
            ("répondu", 9, "ROOT", "VERB"),
            (".", 9, "punct", "PUNCT"),
        ]
    )
    assert texts(state_mentions(doc, kb)) == {"china": ["Chine"], "russia": ["Russie"]}


def test_qualified_government_is_another_body(kb: KnowledgeBase) -> None:
    # La France prépare la réforme . En France , les autorités locales ont tranché .
    rows = [(t.text, t.head.i, t.dep_, t.pos_) for t in _government_doc()][:9]
    rows += [
        ("les", 10, "det", "DET"),
        ("autorités", 13, "nsubj", "NOUN"),
        ("locales", 10, "amod", "ADJ"),
        ("ont", 13, "aux:tense", "AUX"),
        ("tranché", 13, "ROOT", "VERB"),
        (".", 13, "punct", "PUNCT"),
    ]
    rows = [(w, 13 if h == 12 else h, d, p) for w, h, d, p in rows]
    found = texts(state_mentions(parsed(rows), _kb_with_france(kb)))
    assert found == {"france": ["France"]}


def test_home_state_counts_titles_of_known_people(kb: KnowledgeBase) -> None:
    from datetime import date

    from allegiance.resolve.home_state import home_state
    from allegiance.resolve.kb import Title

    pm = KBEntry(
        "jeanne-exemple",
        "Jeanne Exemple",
        "person",
        titles=(Title(("première ministre française",), date(2020, 1, 1)),),
        curated=True,
    )
    full = _kb_with_france(kb, pm)
    # Le gouvernement a tranché . (no country named at all)
    doc = parsed(
        [
            ("Le", 1, "det", "DET"),
            ("gouvernement", 3, "nsubj", "NOUN"),
            ("a", 3, "aux:tense", "AUX"),
            ("tranché", 3, "ROOT", "VERB"),
            (".", 3, "punct", "PUNCT"),
        ]
    )
    lex = load_lexicon(full)
    assert home_state(doc, full, lex) is None
    person = Entity("jeanne-exemple", "Jeanne Exemple", "person", kb=True)
    assert home_state(doc, full, lex, [person]) == "france"
    assert texts(state_mentions(doc, full, [person])) == {"france": ["gouvernement"]}


def _kb_with_france(kb: KnowledgeBase, *more: KBEntry) -> KnowledgeBase:
    entries = [kb.get(i) for i in ("china", "russia", "united-states")]
    france = KBEntry("france", "France", "location", (), curated=True)
    return KnowledgeBase([e for e in entries if e is not None] + [france, *more])
