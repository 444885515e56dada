"""Event precision rules through the real models (short invented sentences): who is the
source of a list, a noun that names its own author, a pledge of an investment, a purchase of
nobody, two sentences run together, a group named by its members."""

from __future__ import annotations

from datetime import date

import pytest

from allegiance.models import Event
from event_helpers import BILLIONS_EN, TECH_ACTORS, events_in, usd_billions

PUBLISHED = date(2025, 1, 24)


def run(nlp, text: str, lang: str = "en") -> list[Event]:  # type: ignore[no-untyped-def]
    amounts = usd_billions(text, BILLIONS_EN)
    events, _ = events_in(nlp, text, TECH_ACTORS, lang, PUBLISHED, amounts=amounts)
    return events


@pytest.mark.model
def test_members_listed_after_including_are_all_sources(en_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Several executives, including Musk, Altman and Trump, pledged $5 billion to the fund."
    events = run(en_nlp, text)
    pledges = [e for e in events if e.type == "PLEDGE"]
    assert len(pledges) == 1
    assert set(pledges[0].source) == {"elon-musk", "sam-altman", "donald-trump"}


@pytest.mark.model
def test_bid_by_someone_else_is_not_the_subjects(en_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Altman might yet align with a final bid by a former rival of Tesla."
    events = run(en_nlp, text)
    assert not [e for e in events if "sam-altman" in e.source]


@pytest.mark.model
def test_pledge_to_invest_is_one_investment(en_nlp) -> None:  # type: ignore[no-untyped-def]
    events = run(en_nlp, "Musk pledged to invest $5 billion in OpenAI.")
    assert [(e.type, e.source, e.target) for e in events] == [("INVEST", ["elon-musk"], ["openai"])]
    assert events[0].role == "pledged"


@pytest.mark.model
def test_buying_nobody_known_is_no_event(en_nlp) -> None:  # type: ignore[no-untyped-def]
    assert run(en_nlp, "Altman said he will buy a newspaper for $9 billion.") == []


@pytest.mark.model
def test_name_before_a_conjoined_verb_is_its_subject(en_nlp) -> None:  # type: ignore[no-untyped-def]
    # a missing full stop: the parser hangs "invested" on the first sentence's verb
    text = "Tesla is a major partner of the project, to build centers in the U.S. Microsoft has invested $10 billion into OpenAI."
    invest = [e for e in run(en_nlp, text) if e.type == "INVEST"]
    assert invest and all(e.source == ["microsoft"] for e in invest)


@pytest.mark.model
def test_plural_group_named_by_its_members_fr(fr_nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Les géants du numérique Microsoft ou Tesla, qui fournissent des puces, vont également soutenir OpenAI."
    events = run(fr_nlp, text, "fr")
    sources = {s for e in events if e.target == ["openai"] for s in e.source}
    assert sources == {"microsoft", "tesla"}
