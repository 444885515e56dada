"""French events and states: cues in the parse, quotes, appositions, slots, the user's example."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
import spacy
from spacy.tokens import Doc

from allegiance.clean.normalize import normalize_for_nlp
from allegiance.extract.events import find_events
from allegiance.models import Amount, DateMention, Quote, Speaker, Target
from entity_helpers import entities_from_table
from event_helpers import BILLIONS_FR, events_in, pairs, usd_billions

PUBLISHED = date(2025, 1, 24)
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


ACTORS = {
    "elon-musk": ("Elon Musk", "person", ["Elon Musk", "Musk"]),
    "sam-altman": ("Sam Altman", "person", ["Sam Altman", "Altman"]),
    "donald-trump": ("Donald Trump", "person", ["Donald Trump", "Trump"]),
    "openai": ("OpenAI", "organization", ["OpenAI"]),
    "tesla": ("Tesla", "organization", ["Tesla"]),
    "xai": ("xAI", "organization", ["xAI"]),
    "oracle": ("Oracle", "organization", ["Oracle"]),
    "softbank": ("SoftBank", "organization", ["SoftBank"]),
    "x": ("X", "organization", ["X"]),
}


def dates_in(text: str) -> list[DateMention]:
    return [
        DateMention(m.group(0), m.start(), m.end(), m.group(0), "year")
        for m in re.finditer(r"\b(19|20)\d\d\b", text)
    ]


def test_hand_built_sue_with_subject_and_object() -> None:
    """A hand-built parse: "intenter un procès contre" links subject and target."""
    words = ["Musk", "a", "intenté", "un", "procès", "contre", "OpenAI", "."]
    doc = Doc(
        spacy.blank("fr").vocab,
        words=words,
        spaces=[True, True, True, True, True, True, False, False],
        heads=[2, 2, 2, 4, 2, 6, 4, 2],
        deps=["nsubj", "aux:tense", "ROOT", "det", "obj", "case", "nmod", "punct"],
        pos=["PROPN", "AUX", "VERB", "DET", "NOUN", "ADP", "PROPN", "PUNCT"],
        lemmas=["Musk", "avoir", "intenter", "un", "procès", "contre", "OpenAI", "."],
    )
    ents = entities_from_table(doc.text, ACTORS)
    events, _ = find_events(doc, ents, [], [], [], "fr", PUBLISHED)
    assert [(e.type, e.source, e.target) for e in events] == [("SUE", ["elon-musk"], ["openai"])]
    assert events[0].date == "2025-01-24" and events[0].date_is_fallback
    assert events[0].evidence.text == doc.text


def test_hand_built_without_object_gives_no_event() -> None:
    """ "intenter" without "procès" is not the SUE cue, and no target means no event."""
    doc = Doc(
        spacy.blank("fr").vocab,
        words=["Musk", "a", "intenté", "sa", "chance", "."],
        spaces=[True, True, True, True, False, False],
        heads=[2, 2, 2, 4, 2, 2],
        deps=["nsubj", "aux:tense", "ROOT", "det", "obj", "punct"],
        pos=["PROPN", "AUX", "VERB", "DET", "NOUN", "PUNCT"],
        lemmas=["Musk", "avoir", "intenter", "son", "chance", "."],
    )
    events, _ = find_events(doc, entities_from_table(doc.text, ACTORS), [], [], [], "fr", PUBLISHED)
    assert events == []


def test_quote_gives_event_with_its_index() -> None:
    doc = Doc(spacy.blank("fr").vocab, words=["«", "Escroc", "»", ",", "a", "écrit", "Musk", "."])
    text = doc.text
    ents = entities_from_table(text, ACTORS)
    quote = Quote(
        text="Escroc",
        start=text.index("Escroc"),
        end=text.index("Escroc") + 6,
        kind="direct",
        speaker=Speaker("elon-musk", "Elon Musk", None),
        about=[Target("sam-altman", -1)],
    )
    neutral = Quote(
        text="Escroc",
        start=quote.start,
        end=quote.end,
        kind="direct",
        speaker=Speaker("elon-musk", "Elon Musk", None),
        about=[Target("sam-altman", 0)],
    )
    doc[0].is_sent_start = True
    events, _ = find_events(doc, ents, [neutral, quote], [], [], "fr", PUBLISHED)
    assert [(e.type, e.source, e.target, e.quote) for e in events] == [
        ("CRITICIZE", ["elon-musk"], ["sam-altman"], 1)
    ]


def run(nlp, text: str, quotes: list[Quote] | None = None):  # type: ignore[no-untyped-def]
    amounts = usd_billions(text, BILLIONS_FR)
    return events_in(nlp, text, ACTORS, "fr", PUBLISHED, quotes, amounts, dates_in(text))


@pytest.mark.model
def test_negated_criticism(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run(fr_nlp, "Musk n'a pas critiqué Altman.")
    assert pairs(events) == {("CRITICIZE", "elon-musk", "sam-altman", "negated")}


@pytest.mark.model
def test_hypothetical_lawsuit(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run(fr_nlp, "Musk pourrait poursuivre OpenAI en justice.")
    assert pairs(events) == {("SUE", "elon-musk", "openai", "hypothetical")}


@pytest.mark.model
def test_threat_then_future_lawsuit(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run(fr_nlp, "Musk a menacé d'intenter un procès à OpenAI.")
    assert pairs(events) == {
        ("THREATEN", "elon-musk", "openai", "asserted"),
        ("SUE", "elon-musk", "openai", "future"),
    }


@pytest.mark.model
def test_future_investment_carries_pledged_amount(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run(fr_nlp, "Tesla va investir 5 milliards de dollars dans xAI.")
    (event,) = events
    assert (event.type, event.source, event.target, event.modality) == (
        "INVEST",
        ["tesla"],
        ["xai"],
        "future",
    )
    assert event.amount is not None and event.amount.value == 5e9 and event.role == "pledged"


@pytest.mark.model
def test_accusation_amount_is_claimed_and_old_date_is_historical(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run(
        fr_nlp, "En 2018, Elon Musk a accusé SoftBank d'avoir moins de 10 milliards de dollars."
    )
    (event,) = events
    assert (event.type, event.source, event.target) == ("ACCUSE", ["elon-musk"], ["softbank"])
    assert event.role == "claimed" and event.date == "2018" and event.modality == "historical"


@pytest.mark.model
def test_states_from_apposition(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Musk, le PDG de Tesla et principal allié de Trump, a parlé. "
        "Sur X, le réseau social dont il est propriétaire, Musk a publié un message."
    )
    _, states = run(fr_nlp, text)
    got = {(s.type, s.source, s.target, s.sign) for s in states}
    assert ("CEO_OF", "elon-musk", "tesla", 0) in got
    assert ("ALLY_OF", "elon-musk", "donald-trump", 1) in got
    assert ("OWNS", "elon-musk", "x", 0) in got
    assert not any(s.source == "donald-trump" for s in states)


@pytest.mark.model
def test_user_example(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    """The user's demo article: most gold relations, with the right sign, and key slots."""
    gold = json.loads((EXAMPLES / "musk-altman-fr.gold.json").read_text(encoding="utf-8"))
    raw = (EXAMPLES / "musk-altman-fr.txt").read_text(encoding="utf-8")
    drop = tuple(gold["boilerplate"])
    lines = [ln for ln in raw.split("\n") if not ln.startswith(drop)]
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    norm = normalize_for_nlp(body)
    actors = {
        e["key"]: (e["name"], e["type"], [e["name"], *e["aliases"]]) for e in gold["entities"]
    }
    ents = entities_from_table(norm, actors)
    amounts = [
        Amount(
            a["text"],
            norm.index(a["text"]),
            norm.index(a["text"]) + len(a["text"]),
            a["value"],
            a["currency"],
        )
        for a in gold["amounts"]
    ]
    quotes = []
    for q in gold["quotes"]:
        text = normalize_for_nlp(q["text"]).rstrip(".")
        at = norm.index(text)
        quotes.append(
            Quote(
                text,
                at,
                at + len(text),
                q["kind"],
                speaker=Speaker(q["speaker"], q["speaker"], None),
                about=[Target(a, q["polarity"]) for a in q["about"]],
                confidence=0.7,
            )
        )
    events, states = find_events(
        fr_nlp(norm), ents, quotes, amounts, [], "fr", PUBLISHED, body=body
    )
    got = {
        (s, t, (e.weight > 0) - (e.weight < 0)) for e in events for s in e.source for t in e.target
    }
    got |= {(s.source, s.target, s.sign) for s in states if s.sign}
    wanted = {(r["source"], r["target"], r["polarity"]) for r in gold["relations"]}
    assert len(wanted & got) >= 11
    # no event between actors the text does not relate, nor in the wrong direction
    assert ("sam-altman", "elon-musk", -1) in got and ("softbank", "elon-musk", -1) not in got
    assert not {p for p in got if p[0] in {"steve-bannon", "tesla", "x"}}
    # "modifications qui plaisent à la nouvelle administration": Zuckerberg accommodates Trump
    assert ("mark-zuckerberg", "donald-trump", 1) in got
    # a question put to Trump is not his statement; a victim named in an attack is no target
    assert ("donald-trump", "stargate", -1) not in got
    assert ("mike-cernovich", "donald-trump", -1) not in got
    stargate = [e for e in events if e.amount is not None and e.amount.value == 500e9]
    assert stargate and stargate[0].modality == "future" and stargate[0].role == "pledged"
    sue = [e for e in events if e.type == "SUE"]
    assert [(e.source, e.target, e.modality) for e in sue] == [
        (["elon-musk"], ["openai"], "historical")
    ]
    kinds = {(s.type, s.source, s.target) for s in states}
    assert {("ALLY_OF", "elon-musk", "donald-trump"), ("CEO_OF", "elon-musk", "tesla")} <= kinds
    for e in events:
        assert body[e.evidence.start : e.evidence.end] == e.evidence.text


# -- round 2: quote targets, argument rules, new cues ------------------------------------------

MORE = {
    **ACTORS,
    "stargate": ("Stargate", "organization", ["Stargate"]),
    "meta": ("Meta", "organization", ["Meta"]),
    "jd-vance": ("JD Vance", "person", ["JD Vance"]),
}


def run_more(nlp, text: str, quotes: list[Quote] | None = None):  # type: ignore[no-untyped-def]
    return events_in(nlp, text, MORE, "fr", PUBLISHED, quotes)


def quote_of(text: str, part: str, kind: str, speaker: str, about: dict[str, int]) -> Quote:
    at = text.index(part)
    return Quote(
        part,
        at,
        at + len(part),
        kind,  # type: ignore[arg-type]
        speaker=Speaker(speaker, speaker, None),
        about=[Target(k, v) for k, v in about.items()],
        confidence=0.8,
    )


@pytest.mark.model
def test_question_put_to_speaker_is_not_his_statement(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Lorsqu'on lui a demandé s'il était gêné par les critiques de Musk, Trump a souri."
    q = quote_of(text, "s'il était gêné par les critiques de Musk", "indirect", "donald-trump", {})
    q.about = [Target("elon-musk", -1)]
    events, _ = run_more(fr_nlp, text, [q])
    assert not [e for e in events if e.quote is not None]


@pytest.mark.model
def test_quote_targets_its_subject_not_the_victim_inside(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "« Altman est un menteur qui a voulu piéger Trump », a déclaré Musk."
    q = quote_of(
        text,
        "Altman est un menteur qui a voulu piéger Trump",
        "direct",
        "elon-musk",
        {"sam-altman": -1, "donald-trump": -1},
    )
    events, _ = run_more(fr_nlp, text, [q])
    assert pairs(events) == {("CRITICIZE", "elon-musk", "sam-altman", "asserted")}


@pytest.mark.model
def test_project_is_no_target_of_a_quote(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "« Le projet Stargate est une arnaque », a déclaré Musk."
    q = quote_of(
        text, "Le projet Stargate est une arnaque", "direct", "elon-musk", {"stargate": -1}
    )
    events, _ = run_more(fr_nlp, text, [q])
    assert events == []


@pytest.mark.model
def test_bought_company_is_not_judged_and_we_is_the_speaker(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "« Nous pourrions racheter Tesla si tu veux », a répondu Altman."
    q = quote_of(
        text, "Nous pourrions racheter Tesla si tu veux", "direct", "sam-altman", {"tesla": -1}
    )
    events, _ = run_more(fr_nlp, text, [q])
    assert pairs(events) == {("INVEST", "sam-altman", "tesla", "hypothetical")}


@pytest.mark.model
def test_feelings_of_the_target_are_described_not_judged(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "« Il déteste tout le monde dans cette affaire », a déclaré Trump."
    q = quote_of(text, "Il déteste tout le monde dans cette affaire", "direct", "donald-trump", {})
    q.about = [Target("elon-musk", -1)]
    events, _ = run_more(fr_nlp, text, [q])
    assert events == []


@pytest.mark.model
def test_administration_is_the_sitting_president(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Donald Trump a prêté serment. "
        "Meta a fait une série de modifications qui plaisent à la nouvelle administration."
    )
    events, _ = run_more(fr_nlp, text)
    assert ("CONCEDE", "meta", "donald-trump", "asserted") in pairs(events)


@pytest.mark.model
def test_campaign_stands_for_its_candidate(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run_more(fr_nlp, "Musk a critiqué la campagne de Trump.")
    assert pairs(events) == {("CRITICIZE", "elon-musk", "donald-trump", "asserted")}


@pytest.mark.model
def test_object_control_gives_the_doer(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run_more(fr_nlp, "Trump a permis à Tesla de critiquer OpenAI.")
    assert ("CRITICIZE", "tesla", "openai", "asserted") in pairs(events)
    assert not [e for e in events if e.type == "CRITICIZE" and "donald-trump" in e.source]


def gathering_doc(subject: list[str], pos: list[str], lemmas: list[str]) -> Doc:
    """ "<subject> réunit Oracle et Tesla ." built by hand; the subject's last word heads it."""
    n = len(subject)
    words = [*subject, "réunit", "Oracle", "et", "Tesla", "."]
    heads = [n - 1] * (n - 1) + [n] + [n, n, n + 3, n + 1, n]
    if subject[-1] == "Stargate":  # "Le projet Stargate": the name hangs from "projet"
        heads = [1, n, 1] + [n, n, n + 3, n + 1, n]
    deps = ["det"] * (n - 1) + ["nsubj", "ROOT", "obj", "cc", "conj", "punct"]
    if subject[-1] == "Stargate":
        deps = ["det", "nsubj", "nmod", "ROOT", "obj", "cc", "conj", "punct"]
    return Doc(
        spacy.blank("fr").vocab,
        words=words,
        spaces=[True] * (len(words) - 2) + [False, False],
        heads=heads,
        deps=deps,
        pos=[*pos, "VERB", "PROPN", "CCONJ", "PROPN", "PUNCT"],
        lemmas=[*lemmas, "réunir", "Oracle", "et", "Tesla", "."],
    )


def test_gathering_project_makes_members_partners() -> None:
    doc = gathering_doc(
        ["Le", "projet", "Stargate"], ["DET", "NOUN", "PROPN"], ["le", "projet", "Stargate"]
    )
    events, _ = find_events(doc, entities_from_table(doc.text, MORE), [], [], [], "fr", PUBLISHED)
    assert pairs(events) == {("PARTNER", "oracle", "tesla", "asserted")}
    doc = gathering_doc(["Ils"], ["PRON"], ["il"])  # who "they" are is not said
    events, _ = find_events(doc, entities_from_table(doc.text, MORE), [], [], [], "fr", PUBLISHED)
    assert events == []


@pytest.mark.model
def test_possessive_action_noun_under_a_carry_on_verb(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run_more(fr_nlp, "OpenAI a maintenu sa collaboration avec Oracle.")
    assert pairs(events) == {("PARTNER", "openai", "oracle", "asserted")}
    events, _ = run_more(fr_nlp, "Musk a attiré l'attention sur ses critiques contre Trump.")
    assert events == []


@pytest.mark.model
def test_join_ranks_and_join_a_person(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run_more(fr_nlp, "Altman a rejoint les rangs d'OpenAI.")
    assert pairs(events) == {("JOIN", "sam-altman", "openai", "asserted")}
    events, _ = run_more(fr_nlp, "Altman a rejoint Trump dans le Bureau ovale.")
    assert {e.type for e in events} == {"MEET"}


@pytest.mark.model
def test_investigation_opened_against(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run_more(fr_nlp, "Tesla a ouvert une enquête à l'encontre de Musk.")
    assert pairs(events) == {("INVESTIGATE", "tesla", "elon-musk", "asserted")}


@pytest.mark.model
def test_running_mate_is_an_ally(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    _, states = run_more(fr_nlp, "Le colistier de Donald Trump, JD Vance, a parlé.")
    assert ("ALLY_OF", "jd-vance", "donald-trump", 1) in {
        (s.type, s.source, s.target, s.sign) for s in states
    }


@pytest.mark.model
def test_criticising_someones_plan_is_aimed_at_its_owner() -> None:
    from allegiance.analysis import analyze

    article = analyze(
        "Paul Martin a critiqué le plan de Marie Durand.", lang="fr", published="2025-02-11"
    )
    assert [(e.type, e.source, e.target) for e in article.events] == [
        ("CRITICIZE", ["paul-martin"], ["marie-durand"])
    ]


# -- round 3: offres de rachat, conseils d'administration, départs --------------------------------

ACHETEURS = {
    "jean-dupont": ("Jean Dupont", "person", ["Jean Dupont", "Dupont"]),
    "marie-curie": ("Marie Curie", "person", ["Marie Curie"]),
    "zorgon": ("Zorgon", "organization", ["Zorgon"]),
}


def run_achat(nlp, text: str):  # type: ignore[no-untyped-def]
    amounts = usd_billions(text, BILLIONS_FR)
    return events_in(nlp, text, ACHETEURS, "fr", PUBLISHED, amounts=amounts)


@pytest.mark.model
def test_offre_pour_racheter_la_filiale_est_une_offre_hostile(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run_achat(
        fr_nlp,
        "Jean Dupont a fait une offre de 10 milliards de dollars pour racheter la filiale de Zorgon.",
    )
    assert pairs(events) == {("BID", "jean-dupont", "zorgon", "asserted")}
    assert events[0].weight < 0


@pytest.mark.model
def test_conseil_d_administration_decide_pour_l_entreprise(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run_achat(
        fr_nlp, "Le conseil d'administration de Zorgon a rejeté l'offre de Jean Dupont."
    )
    assert pairs(events) == {("REJECT", "zorgon", "jean-dupont", "asserted")}


@pytest.mark.model
def test_claquer_la_porte(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run_achat(fr_nlp, "Marie Curie a claqué la porte de Zorgon en mars.")
    assert pairs(events) == {("DISENGAGE", "marie-curie", "zorgon", "asserted")}


# -- funding rounds (funding.py), invented companies ---------------------------------------------

FUNDERS = {
    "zentor": ("Zentor", "organization", ["Zentor"]),
    "kora": ("Kora", "organization", ["Kora"]),
    "alpha": ("Alpha Capital", "organization", ["Alpha Capital"]),
    "beta": ("Beta Partners", "organization", ["Beta Partners"]),
    "gamma": ("Gamma Ventures", "organization", ["Gamma Ventures"]),
    "jean": ("Jean Dupont", "person", ["Jean Dupont"]),
    "paul": ("Paul Martin", "person", ["Paul Martin"]),
}


def invests(nlp, text: str) -> set[tuple[str, str]]:  # type: ignore[no-untyped-def]
    doc = nlp(normalize_for_nlp(text))
    events, _ = find_events(doc, entities_from_table(text, FUNDERS), [], [], [], "fr", PUBLISHED)
    return {(s, t) for e in events if e.type == "INVEST" for s in e.source for t in e.target}


@pytest.mark.model
def test_investors_listed_after_parmi(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "La société Zentor a levé 300 millions d'euros la semaine dernière. "
        "Parmi les investisseurs figurent Alpha Capital, Beta Partners et Gamma Ventures."
    )
    assert invests(fr_nlp, text) == {("alpha", "zentor"), ("beta", "zentor"), ("gamma", "zentor")}


@pytest.mark.model
def test_round_gathers_investors(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Zentor a annoncé avoir levé 2 milliards de dollars. Ce tour de table a réuni plusieurs "
        "fonds, à commencer par Alpha Capital ou Beta Partners, ainsi que le fonds Gamma Ventures."
    )
    assert invests(fr_nlp, text) == {("alpha", "zentor"), ("beta", "zentor"), ("gamma", "zentor")}


@pytest.mark.model
def test_raised_from_investors(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Zentor a levé 50 millions d'euros auprès de Alpha Capital et Beta Partners."
    assert invests(fr_nlp, text) == {("alpha", "zentor"), ("beta", "zentor")}


@pytest.mark.model
def test_round_with_participation(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Zentor a bouclé une levée de fonds avec la participation de Alpha Capital."
    assert invests(fr_nlp, text) == {("alpha", "zentor")}


@pytest.mark.model
def test_described_company_is_the_latest_organisation(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    """ "La start-up" that raised stands for the organisation named as subject just before."""
    text = (
        "Zentor change de dimension. La start-up a annoncé avoir bouclé une levée record. "
        "Parmi les investisseurs devraient se trouver Alpha Capital et Beta Partners."
    )
    assert invests(fr_nlp, text) == {("alpha", "zentor"), ("beta", "zentor")}


@pytest.mark.model
def test_gathering_without_a_round_is_no_investment(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Kora a signé un contrat. La société a réuni Jean Dupont et Paul Martin pour un dîner."
    assert invests(fr_nlp, text) == set()


# -- round 5: bids referred to again, platforms, clashing evaluations ---------------------------


@pytest.mark.model
def test_bid_rejected_without_owner_targets_latest_bidder(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    """ "Une proposition aussitôt rejetée par Y": the bid has no owner, the latest bidder is it."""
    text = (
        "Elon Musk a offert 12 milliards de dollars pour racheter OpenAI. "
        "Une proposition aussitôt rejetée par Sam Altman."
    )
    events, _ = run(fr_nlp, text)
    assert ("REJECT", "sam-altman", "elon-musk", "asserted") in pairs(events)
    assert not any(e.type == "REJECT" and "openai" in e.target for e in events)


@pytest.mark.model
def test_rejected_proposal_without_a_bid_before_has_no_target(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Tesla a publié ses résultats. Une proposition aussitôt rejetée par Sam Altman."
    events, _ = run(fr_nlp, text)
    assert not any(e.type == "REJECT" for e in events)


@pytest.mark.model
def test_bought_company_in_a_quote_is_not_praised(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    """ "nous pourrions acheter X si tu veux": X is what is bought, not whom the quote judges."""
    text = "« Non merci, nous pourrions acheter Tesla si tu veux », a répondu Altman sur X."
    q = quote_of(
        text, "Non merci, nous pourrions acheter Tesla si tu veux", "direct", "sam-altman", {}
    )
    q.about = [Target("tesla", 1), Target("x", 1)]
    events, _ = run(fr_nlp, text, [q])
    assert not any("tesla" in e.target or "x" in e.target for e in events)


@pytest.mark.model
def test_failure_words_veto_a_positive_stance(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    """A stance read as positive while the quote calls the outcome a failure makes no event."""
    text = (
        "Donald Trump estime que le projet a été un échec et que Tesla et Oracle n'ont pas été "
        "en mesure de le mener à bien."
    )
    part = "le projet a été un échec et que Tesla et Oracle n'ont pas été en mesure de le mener"
    q = quote_of(text, part, "indirect", "donald-trump", {"tesla": 1, "oracle": 1})
    events, _ = run(fr_nlp, text, [q])
    assert not any(e.type == "PRAISE" for e in events)
    q.about = [Target("tesla", -1), Target("oracle", -1)]
    events, _ = run(fr_nlp, text, [q])
    assert ("CRITICIZE", "donald-trump", "tesla", "asserted") in pairs(events)


DONORS = {
    "paul-durand": ("Paul Durand", "person", ["Paul Durand"]),
    "marc-lemoine": ("Marc Lemoine", "person", ["Marc Lemoine"]),
    "luc-martin": ("Luc Martin", "person", ["Luc Martin"]),
    "acme-capital": ("Acme Capital", "organization", ["Acme Capital"]),
    "avenir-pac": ("Avenir PAC", "organization", ["Avenir PAC"]),
    "greenpeace": ("Greenpeace", "organization", ["Greenpeace"]),
    "bolt": ("Bolt", "organization", ["Bolt"]),
    "microsoft": ("Microsoft", "organization", ["Microsoft"]),
}


def run_donors(nlp, text: str):  # type: ignore[no-untyped-def]
    return events_in(nlp, text, DONORS, "fr", PUBLISHED)


@pytest.mark.model
def test_donor_list_and_its_continuation(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run_donors(
        fr_nlp,
        "Parmi les donateurs à Avenir PAC figurent Paul Durand et Marc Lemoine. La liste "
        "comprend également Luc Martin, associé au sein de la société Acme Capital.",
    )
    found = {(e.type, s, t) for e in events for s in e.source for t in e.target}
    assert found == {
        ("DONATE", "paul-durand", "avenir-pac"),
        ("DONATE", "marc-lemoine", "avenir-pac"),
        ("DONATE", "luc-martin", "avenir-pac"),
    }  # the company that describes a donor gives nothing


@pytest.mark.model
def test_donor_noun_with_copula(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run_donors(fr_nlp, "Paul Durand est un donateur de Greenpeace.")
    assert pairs(events) == {("DONATE", "paul-durand", "greenpeace", "asserted")}


@pytest.mark.model
def test_definite_company_description_is_the_recent_subject(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run_donors(
        fr_nlp, "Bolt a présenté mardi un nouveau modèle. Microsoft a investi dans la start-up."
    )
    assert pairs(events) == {("INVEST", "microsoft", "bolt", "asserted")}
    # a description that names its own company, or an indefinite one, is left alone
    events, _ = run_donors(
        fr_nlp, "Bolt a présenté un modèle. Microsoft a investi dans la start-up de Paul Durand."
    )
    assert not any(e.target == ["bolt"] for e in events)
    events, _ = run_donors(
        fr_nlp, "Bolt a présenté un modèle. Microsoft a investi dans une start-up."
    )
    assert not events
