"""French names the model cuts or misses: titles, hyphenated and untagged names, witnesses by
their first name, public bodies named by a lower-case head. Invented sentences, Docs by hand."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.nlp.components import repair_entities
from allegiance.resolve.entities import resolve_entities
from allegiance.resolve.kb import KnowledgeBase
from allegiance.resolve.person_names import without_title

VOCAB = spacy.blank("fr").vocab
_GLUED = {"-", "'"}


def make_doc(tokens: list[str], ents: list[str] | None = None, pos: list[str] | None = None) -> Doc:
    """One space between tokens, none before punctuation nor around a glued hyphen or after an
    elided article; ``ents`` are IOB tags, ``pos`` defaults to PROPN for capitals, else NOUN."""
    spaces = []
    for i, tok in enumerate(tokens):
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        spaces.append(
            nxt is not None
            and nxt not in {",", "."}
            and nxt != "-"
            and tok != "-"
            and not tok.endswith("'")
        )
    pos = pos or [
        "PUNCT" if not t[:1].isalnum() else "PROPN" if t[:1].isupper() else "NOUN" for t in tokens
    ]
    return Doc(VOCAB, words=tokens, spaces=spaces, ents=ents or ["O"] * len(tokens), pos=pos)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return KnowledgeBase([])


def names(doc: Doc, kb: KnowledgeBase) -> dict[str, list[str]]:
    return {e.name: e.aliases for e in resolve_entities(doc, "fr", kb, None)}


@pytest.mark.parametrize(
    ("tokens", "name"),
    [
        (["Me", "Lucien", "Garnaud"], "Lucien Garnaud"),
        (["Mgr", "Aubertin"], "Aubertin"),
        (["Lieutenant", "-", "colonel", "Roux"], "Roux"),
        (["Cheikh", "Tarik", "ben", "Saleh"], "Tarik ben Saleh"),
        (["Cheikh", "Anta", "Diop"], "Cheikh Anta Diop"),  # a given name, not a title, here
        (["M.", "le", "maire"], "M. le maire"),  # no name left: kept as it is
    ],
)
def test_a_title_or_a_rank_is_not_part_of_the_name(tokens: list[str], name: str) -> None:
    doc = make_doc(tokens)
    assert without_title(doc[:]).text == name


def test_english_keeps_french_honorifics(kb: KnowledgeBase) -> None:
    doc = make_doc(["Me", "Too"])
    assert without_title(doc[:], "en").text == "Me Too"


def test_a_lawyer_by_title_and_by_full_name_is_one_person(kb: KnowledgeBase) -> None:
    doc = make_doc(
        ["Me", "Lucien", "Garnaud", "plaide", ".", "Me", "Garnaud", "conclut", "."],
        ["B-PER", "I-PER", "I-PER", "O", "O", "B-PER", "I-PER", "O", "O"],
    )
    assert names(doc, kb) == {"Lucien Garnaud": ["Garnaud"]}


def test_an_untagged_given_name_and_surname_are_a_person(kb: KnowledgeBase) -> None:
    doc = make_doc(["l'", "économiste", "Paul", "Vernier", "doute", "."])
    assert names(doc, kb) == {"Paul Vernier": []}


def test_a_tagged_given_name_grows_over_its_surname(kb: KnowledgeBase) -> None:
    doc = make_doc(
        ["la", "syndicaliste", "Valeria", "Ortega", "proteste"],
        ["O", "O", "B-MISC", "O", "O"],
    )
    assert names(doc, kb) == {"Valeria Ortega": []}


def test_a_street_named_after_someone_is_no_person(kb: KnowledgeBase) -> None:
    doc = make_doc(["Il", "vit", "rue", "Victor", "Hugo", "."])
    assert names(doc, kb) == {}


def test_a_hyphenated_given_name_opens_the_name(kb: KnowledgeBase) -> None:
    doc = make_doc(["Anne", "-", "Sophie", "Ravel", ":", "oui"])
    assert names(doc, kb) == {"Anne-Sophie Ravel": []}


@pytest.mark.parametrize(
    "tokens",
    [
        ["Nadia", ",", "52", "ans", ",", "attend", "."],
        ["Nadia", ",", "52", "ans", ",", "attend", "."],
    ],
)
def test_a_witness_by_first_name_and_age_is_a_person(tokens: list[str], kb: KnowledgeBase) -> None:
    for ents in (["O"] * len(tokens), ["B-MISC"] + ["O"] * (len(tokens) - 1)):
        doc = make_doc(tokens, ents)
        assert names(doc, kb) == {"Nadia": []}


def test_a_lone_first_name_without_apposition_is_not_taken(kb: KnowledgeBase) -> None:
    doc = make_doc(["Nadia", "attend", "."])
    assert names(doc, kb) == {}


def test_a_glued_hyphen_inside_a_given_name_does_not_split_it() -> None:
    doc = make_doc(["Lin", "Mei", "-", "hua", "répond"], ["B-PER", "I-PER", "I-PER", "I-PER", "O"])
    repair_entities(doc, "fr")
    assert [e.text for e in doc.ents] == ["Lin Mei-hua"]


def test_a_time_phrase_glued_after_a_name_is_trimmed() -> None:
    doc = make_doc(
        ["le", "Comité", "de", "veille", "national", "dans", "l'", "après-midi", "a"],
        ["O", "B-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "I-ORG", "O", "O"],
    )
    repair_entities(doc, "fr")
    assert [e.text for e in doc.ents] == ["Comité de veille national"]


@pytest.mark.parametrize(
    ("tokens", "name"),
    [
        (["Le", "parquet", "de", "Rennes", "requiert", "."], "parquet de Rennes"),
        (["la", "mairie", "de", "Brest", "dément", "."], "mairie de Brest"),
        (["le", "ministère", "des", "Sports", "suit", "."], "ministère des Sports"),
        (["la", "cour", "d'", "appel", "de", "Nancy", "tranche"], "cour d'appel de Nancy"),
        (
            ["la", "chambre", "régionale", "des", "comptes", "publie"],
            "chambre régionale des comptes",
        ),
        (["le", "parquet", "national", "financier", "enquête"], "parquet national financier"),
    ],
)
def test_a_public_body_named_by_its_seat_or_field(
    tokens: list[str], name: str, kb: KnowledgeBase
) -> None:
    ents = ["B-LOC" if t in {"Rennes", "Brest", "Nancy"} else "O" for t in tokens]
    assert list(names(make_doc(tokens, ents), kb)) == [name]


def test_a_generic_body_of_a_town_needs_to_speak(kb: KnowledgeBase) -> None:
    doc = make_doc(["une", "association", "de", "Brest", "organise"], ["O", "O", "O", "B-LOC", "O"])
    assert names(doc, kb) == {}


@pytest.mark.model
def test_titles_and_witnesses_through_the_model() -> None:
    from allegiance.clean.normalize import normalize_for_nlp
    from allegiance.nlp.models import load
    from allegiance.resolve.kb import default_kb

    text = (
        "« Nous ferons appel », a déclaré Me Lucien Garnaud devant le tribunal correctionnel "
        "de Rennes. Me Garnaud a ensuite quitté la salle. Sonia, 47 ans, attendait dehors."
    )
    doc = load("fr")(normalize_for_nlp(text))
    found = {e.name: e for e in resolve_entities(doc, "fr", default_kb(), None)}
    assert found["Lucien Garnaud"].aliases == ["Garnaud"]
    assert found["Lucien Garnaud"].type == "person"
    assert "tribunal correctionnel de Rennes" in found
    assert found["Sonia"].type == "person"


# --- second round: bodies with lower-case complements, titles, handles, described names -------


@pytest.fixture(scope="module")
def real() -> object:
    from allegiance.nlp.models import load

    return load("fr")


def real_names(nlp: object, text: str) -> dict[str, tuple[str, list[str]]]:
    from allegiance.clean.normalize import normalize_for_nlp
    from allegiance.resolve.kb import default_kb

    doc = nlp(normalize_for_nlp(text))  # type: ignore[operator]
    return {
        e.name: (e.type, [m.text for m in e.mentions])
        for e in resolve_entities(doc, "fr", default_kb())
    }


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Hier soir, le Bureau des relations publiques de Norvège a démenti toute rencontre.",
            "Bureau des relations publiques de Norvège",
        ),
        (
            "Selon le Service régional de protection et de secours (Srps 12), trois maisons "
            "ont brûlé.",
            "Service régional de protection et de secours",
        ),
        (
            "Les chiffres viennent du ministère de l'Agriculture de Moldavie, qui les publie "
            "chaque mois.",
            "ministère de l'Agriculture de Moldavie",
        ),
    ],
)
def test_a_capitalised_body_takes_its_complements_and_seat(
    real: object, text: str, name: str
) -> None:
    found = real_names(real, text)
    assert found.get(name, ("", []))[0] == "organization", found


@pytest.mark.model
def test_a_body_named_short_then_with_its_seat_is_one(real: object) -> None:
    text = (
        "Le ministère de l'Agriculture a annoncé mardi une aide. Selon le ministère de "
        "l'Agriculture de Moldavie, la récolte a baissé."
    )
    found = real_names(real, text)
    kind, mentions = found["ministère de l'Agriculture de Moldavie"]
    assert mentions == ["ministère de l'Agriculture", "ministère de l'Agriculture de Moldavie"]


@pytest.mark.model
def test_a_country_glued_by_a_hyphen_to_a_word_names_a_body(real: object) -> None:
    text = "D'après Météo-France, la pluie reviendra vendredi sur tout le littoral."
    assert real_names(real, text).get("Météo-France", ("", []))[0] == "organization"


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Jeudi, le collectif Toits solidaires 42 a demandé un relogement des familles.",
            "Toits solidaires 42",
        ),
        (
            "L'affaire a été révélée par l'hebdomadaire L'Écluse, qui cite des factures.",
            "L'Écluse",
        ),
        (
            "Selon Le Courrier du Vercors, les travaux dureront encore un an.",
            "Le Courrier du Vercors",
        ),
    ],
)
def test_a_naming_noun_or_a_media_title_gives_the_name(real: object, text: str, name: str) -> None:
    found = real_names(real, text)
    assert found.get(name, ("", []))[0] == "organization", found


@pytest.mark.model
def test_an_account_handle_is_the_author_of_a_post(real: object) -> None:
    text = "Le message, publié lundi par le compte @LeVraiMeteo73, a été partagé mille fois."
    assert real_names(real, text).get("@LeVraiMeteo73", ("", []))[0] == "person"


@pytest.mark.model
def test_a_role_description_before_a_name_is_a_mention_of_it(real: object) -> None:
    text = "Le maire du village, Bernard Vauclair, a critiqué le projet mardi."
    kind, mentions = real_names(real, text)["Bernard Vauclair"]
    assert kind == "person"
    assert mentions == ["Le maire du village", "Bernard Vauclair"]


def types(doc: Doc, kb: KnowledgeBase) -> dict[str, str]:
    return {e.name: e.type for e in resolve_entities(doc, "fr", kb, None)}


def test_a_name_after_a_qualified_company_noun_is_an_organisation(kb: KnowledgeBase) -> None:
    # "le cabinet comptable Vorlen Batt": the model's PER gives way to the company noun
    tokens = ["Selon", "le", "cabinet", "comptable", "Vorlen", "Batt", ",", "tout", "va", "."]
    pos = ["ADP", "DET", "NOUN", "ADJ", "PROPN", "PROPN", "PUNCT", "PRON", "VERB", "PUNCT"]
    ents = ["O", "O", "O", "O", "B-PER", "I-PER", "O", "O", "O", "O"]
    assert types(make_doc(tokens, ents, pos), kb) == {"Vorlen Batt": "organization"}


def test_a_name_after_a_company_noun_and_its_complement_is_found(kb: KnowledgeBase) -> None:
    # "la firme d'audit Brelane Oaks": no model label at all, the naming noun finds the name
    tokens = ["La", "firme", "d'", "audit", "Brelane", "Oaks", "refuse", "."]
    pos = ["DET", "NOUN", "ADP", "NOUN", "PROPN", "PROPN", "VERB", "PUNCT"]
    assert types(make_doc(tokens, None, pos), kb) == {"Brelane Oaks": "organization"}


def test_a_place_or_misc_label_after_an_organisation_noun_is_an_organisation(
    kb: KnowledgeBase,
) -> None:
    # "l'institut Vexor" (MISC) and "Norvolt, l'opérateur national" (LOC)
    tokens = [
        "L'",
        "institut",
        "Vexor",
        "et",
        "Norvolt",
        ",",
        "l'",
        "opérateur",
        ",",
        "disent",
        ".",
    ]
    pos = [
        "DET",
        "NOUN",
        "PROPN",
        "CCONJ",
        "PROPN",
        "PUNCT",
        "DET",
        "NOUN",
        "PUNCT",
        "VERB",
        "PUNCT",
    ]
    ents = ["O", "O", "B-MISC", "O", "B-LOC", "O", "O", "O", "O", "O", "O"]
    found = types(make_doc(tokens, ents, pos), kb)
    assert found == {"Vexor": "organization", "Norvolt": "organization"}


def test_a_place_without_organisation_noun_stays_out(kb: KnowledgeBase) -> None:
    tokens = ["Le", "maire", "de", "Castelnoir", "parle", "."]
    pos = ["DET", "NOUN", "ADP", "PROPN", "VERB", "PUNCT"]
    ents = ["O", "O", "O", "B-LOC", "O", "O"]
    assert "Castelnoir" not in types(make_doc(tokens, ents, pos), kb)


def test_a_foreign_title_keeps_its_link(kb: KnowledgeBase) -> None:
    tokens = ["Le", "quotidien", "argentin", "La", "Voz", "del", "Sur", "écrit", "."]
    pos = ["DET", "NOUN", "ADJ", "DET", "PROPN", "ADP", "PROPN", "VERB", "PUNCT"]
    assert types(make_doc(tokens, None, pos), kb) == {"La Voz del Sur": "organization"}


def seat_mentions(doc: Doc, kb: KnowledgeBase) -> dict[str, list[str]]:
    return {
        e.name: [m.text for m in e.mentions]
        for e in resolve_entities(doc, "fr", kb, None)
        if e.type == "organization"
    }


def test_a_bare_seat_takes_its_place_from_the_role_holder(kb: KnowledgeBase) -> None:
    tokens = ["Le", "préfet", "de", "la", "Somme", "parle", ".", "La", "préfecture", "appelle", "."]
    pos = ["DET", "NOUN", "ADP", "DET", "PROPN", "VERB", "PUNCT", "DET", "NOUN", "VERB", "PUNCT"]
    found = seat_mentions(make_doc(tokens, None, pos), kb)
    assert found == {"préfecture de la Somme": ["La préfecture"]}


def test_a_bare_seat_with_two_role_places_stays_unnamed(kb: KnowledgeBase) -> None:
    tokens = ["Le", "maire", "de", "Lorville", "et", "le", "maire", "de", "Brassac", "."]
    tokens += ["La", "mairie", "répond", "."]
    pos = ["DET", "NOUN", "ADP", "PROPN", "CCONJ", "DET", "NOUN", "ADP", "PROPN", "PUNCT"]
    pos += ["DET", "NOUN", "VERB", "PUNCT"]
    assert not any(
        name.startswith("mairie") for name in seat_mentions(make_doc(tokens, None, pos), kb)
    )


def test_a_seat_after_a_preposition_is_a_place(kb: KnowledgeBase) -> None:
    tokens = ["Le", "maire", "de", "Lorville", "parle", "à", "la", "mairie", "."]
    pos = ["DET", "NOUN", "ADP", "PROPN", "VERB", "ADP", "DET", "NOUN", "PUNCT"]
    assert not any(
        name.startswith("mairie") for name in seat_mentions(make_doc(tokens, None, pos), kb)
    )


def test_a_person_of_a_firm_stays_a_person(kb: KnowledgeBase) -> None:
    # "Paul Roussel, du cabinet Orvan", the firm's member, not the firm
    tokens = ["Paul", "Roussel", ",", "du", "cabinet", "Orvan", ",", "répond", "."]
    pos = ["PROPN", "PROPN", "PUNCT", "ADP", "NOUN", "PROPN", "PUNCT", "VERB", "PUNCT"]
    ents = ["B-PER", "I-PER", "O", "O", "O", "B-ORG", "O", "O", "O"]
    assert types(make_doc(tokens, ents, pos), kb)["Paul Roussel"] == "person"


def test_a_place_before_a_capitalised_name_is_no_apposition(kb: KnowledgeBase) -> None:
    # "Réunis à Malvik, l'Union nordique et ...": "Union" opens a second name
    tokens = ["Réunis", "à", "Malvik", ",", "l'", "Union", "nordique", "votent", "."]
    pos = ["VERB", "ADP", "PROPN", "PUNCT", "DET", "PROPN", "ADJ", "VERB", "PUNCT"]
    ents = ["O", "O", "B-LOC", "O", "O", "B-ORG", "I-ORG", "O", "O"]
    assert "Malvik" not in types(make_doc(tokens, ents, pos), kb)
