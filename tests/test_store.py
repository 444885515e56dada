"""The store on SQLite and PostgreSQL: round trip, transactions, duplicates, search, entities."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from allegiance.errors import NotFoundError, StoreError
from allegiance.models import Event, State
from allegiance.store import Store, open_store
from allegiance.store import schema as t
from allegiance.store.engine import MIGRATIONS, resolve_url
from allegiance.store.schema import include_name
from store_fixtures import (
    BACKENDS,
    MUSK_BODY,
    MUSK_LEMMAS,
    analysis,
    backend_url,
    entity,
    musk_analysis,
    pg_url,
    span,
)


@pytest.fixture(params=BACKENDS)
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return backend_url(request.param, tmp_path)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    with open_store(store_url) as opened:
        yield opened


def rows(store: Store, stmt: sa.Select[tuple[object, ...]]) -> list[tuple[object, ...]]:
    with store.engine.connect() as conn:
        return [tuple(r) for r in conn.execute(stmt)]


def entity_names(store: Store) -> list[str]:
    return sorted(r[0].name for r in store.entities(limit=100))  # type: ignore[union-attr]


# -- round trip and transactions ----------------------------------------------------------------


def test_round_trip_keeps_the_analysis_and_spreads_its_facts(store: Store) -> None:
    data = musk_analysis()
    article_id = store.save_analysis(data, content_hash="h1", signature=123, lemmas=MUSK_LEMMAS)

    assert store.get_analysis(article_id) == data
    assert store.get_analysis("https://example.org/musk-openai?utm_source=x") == data
    assert store.get_analysis("http://www.example.org/musk-openai/") == data  # canonical form
    with pytest.raises(NotFoundError):
        store.get_analysis(article_id + 1)
    assert store.counts() == {
        "articles": 1,
        "entities": 4,
        "mentions": 6,  # Elon Musk, Musk, OpenAI x2, Microsoft, Sam Altman
        "quotes": 1,
        "events": 1,
        "states": 1,
        "duplicates": 0,
    }
    e, q, ev, ea, qt = t.entities, t.quotes, t.events, t.event_actors, t.quote_targets
    assert rows(
        store,
        sa.select(ev.c.type, ev.c.date, ea.c.role, e.c.name)
        .join(ea, ea.c.event_id == ev.c.id)
        .join(e, e.c.id == ea.c.entity_id)
        .order_by(ea.c.role),
    ) == [
        ("CRITICIZE", "2025-01-20", "source", "Elon Musk"),
        ("CRITICIZE", "2025-01-20", "target", "OpenAI"),
    ]
    assert rows(
        store,
        sa.select(e.c.name, qt.c.stance).join(qt, qt.c.entity_id == e.c.id).order_by(e.c.name),
    ) == [("Microsoft", 0), ("OpenAI", -1)]
    speaker, cue, start, end = rows(
        store,
        sa.select(e.c.name, q.c.cue_text, q.c.start, q.c.end).join(
            e, e.c.id == q.c.speaker_entity_id
        ),
    )[0]
    assert (speaker, cue) == ("Elon Musk", "a déclaré")
    assert MUSK_BODY[int(start) : int(end)] == "OpenAI est devenu une filiale de Microsoft"  # type: ignore[call-overload]
    assert rows(store, sa.select(e.c.kb_id, e.c.wikidata).where(e.c.name == "OpenAI")) == [
        ("openai", "Q21708200")
    ]
    assert rows(store, sa.select(e.c.kb_id, e.c.ticker).where(e.c.name == "Microsoft")) == [
        ("microsoft", "MSFT")  # a ticker makes the id a KB key
    ]
    assert rows(store, sa.select(e.c.kb_id).where(e.c.name == "Sam Altman")) == [(None,)]


def test_a_failing_save_leaves_nothing(store: Store) -> None:
    store.save_analysis(musk_analysis(), content_hash="ok")
    before = store.counts()
    bad = musk_analysis(url="https://example.org/other")
    bad["entities"].append(
        {**bad["entities"][0], "id": "new-person", "name": "Nouvelle Personne", "kb": False}
    )
    # The event is written after entities, mentions and quotes: its bad reference must undo them.
    bad["events"][0]["target"] = ["nobody"]
    with pytest.raises(StoreError, match="nobody"):
        store.save_analysis(bad, content_hash="bad")
    assert store.counts() == before
    assert store.find_by_hash("bad") is None
    assert "Nouvelle Personne" not in [r[0] for r in rows(store, sa.select(t.entities.c.name))]
    with pytest.raises(StoreError, match="malformed"):
        store.save_analysis({"schema": "allegiance.analysis/1", "article": {}}, content_hash="x")
    with pytest.raises(StoreError, match="schema"):
        store.save_analysis({"schema": "other/2"}, content_hash="y")
    assert store.counts() == before


def test_saving_the_same_content_again_replaces_it(store: Store) -> None:
    first = store.save_analysis(musk_analysis(), content_hash="same")
    assert store.find_by_hash("same") == first
    assert store.find_by_hash("other") is None
    newer = musk_analysis()
    newer["events"] = []
    assert store.save_analysis(newer, content_hash="same") == first
    counts = store.counts()
    assert (counts["articles"], counts["events"], counts["mentions"]) == (1, 0, 6)
    assert store.get_analysis(first)["events"] == []


# -- duplicates ----------------------------------------------------------------------------------

SIG = 0xF0F0_1234_ABCD_8001  # top bit set: stored signed on PostgreSQL


def test_near_duplicates_by_simhash_banding(store: Store) -> None:
    original = store.save_analysis(musk_analysis(), content_hash="h", signature=SIG)
    other = analysis("Texte sans rapport.", [], url="https://example.org/x")
    store.save_analysis(
        other, content_hash="h2", signature=SIG ^ ((1 << 64) - 1)
    )  # all bits differ

    assert store.find_near_duplicate(SIG, "fr") == original
    assert store.find_near_duplicate(SIG ^ 0b111, "fr") == original  # 3 bits, one band
    three_bands = SIG ^ (1 << 63) ^ (1 << 40) ^ (1 << 20)  # 3 bits in 3 different bands
    assert store.find_near_duplicate(three_bands, "fr") == original
    four_bands = three_bands ^ (1 << 5)  # distance 4 touching all four bands: no candidate
    assert store.find_near_duplicate(four_bands, "fr") is None
    four_bits_one_band = SIG ^ 0b1111  # distance 4, three bands equal: candidate, then rejected
    assert store.find_near_duplicate(four_bits_one_band, "fr") is None
    assert store.find_near_duplicate(SIG, "en") is None
    assert store.find_near_duplicate(SIG.to_bytes(8, "big")) == original
    with pytest.raises(StoreError):
        store.find_near_duplicate(b"short")


def test_link_duplicate_counts_extra_sources(store: Store) -> None:
    article_id = store.save_analysis(musk_analysis(), content_hash="h")
    assert not store.has_url("https://other.example/copy")
    assert store.link_duplicate(article_id, "https://other.example/copy?fbclid=1", "Other")
    assert not store.link_duplicate(article_id, "https://other.example/copy", "Other")  # known
    assert not store.link_duplicate(article_id, "https://example.org/musk-openai", "Le Journal")
    assert store.has_url("https://other.example/copy")
    assert (
        store.get_analysis("https://other.example/copy")["article"]["title"] == "Musk contre OpenAI"
    )
    assert store.sources(article_id) == [("https://other.example/copy?fbclid=1", "Other")]
    assert store.counts()["duplicates"] == 1
    with pytest.raises(NotFoundError):
        store.link_duplicate(article_id + 99, "https://x.example/", None)


# -- search --------------------------------------------------------------------------------------


def test_search_folds_accents_and_matches_lemmas(store: Store) -> None:
    musk = store.save_analysis(musk_analysis(), content_hash="h1", lemmas=MUSK_LEMMAS)
    body = "The bank raised its rates in March. Bankers were pleased."
    english = store.save_analysis(
        analysis(
            body, [], title="Rates", lang="en", published=date(2024, 3, 2), url="https://e.x/r"
        ),
        content_hash="h2",
        lemmas="the bank raise its rate in march banker be pleased",
    )

    def ids(query: str, **kw: object) -> list[int]:
        return [hit.article_id for hit in store.search(query, **kw)]  # type: ignore[arg-type]

    assert ids("negociation") == [musk]  # only the lemma column has the singular
    assert ids("négociations") == [musk]
    assert ids("NEGOCIATIONS echoue") == [musk]  # accent folding on the body, all words needed
    assert ids("négociations banane") == []
    assert ids("négocier", query_lemmas="négociation") == [musk]
    assert ids("raised") == [english]
    assert ids("raise", query_lemmas="raise") == [english]
    assert ids("Musk", lang="en") == []
    assert ids("", lang="en") == [english]
    assert ids("", since="2025-01-01") == [musk]
    assert ids("", until=date(2025, 1, 1)) == [english]
    assert ids("", entity="Elon Musk") == [musk]
    assert ids("", entity="elon-musk") == [musk]  # KB id
    with pytest.raises(NotFoundError):
        store.search("x", entity="Personne Inconnue")
    hit = store.search("negociation")[0]
    assert (hit.title, hit.published) == ("Musk contre OpenAI", date(2025, 1, 21))
    assert "négociations" in hit.snippet


# -- entity resolution across articles -----------------------------------------------------------


def _person_article(body: str, *people: tuple[str, str], kb: bool = False) -> dict[str, object]:
    return analysis(body, [entity(body, pid, name, kb=kb) for pid, name in people])


def test_kb_id_merges_across_articles(store: Store) -> None:
    one = _person_article("Elon Musk parle.", ("elon-musk", "Elon Musk"), kb=True)
    two = _person_article("Elon Reeve Musk répond.", ("elon-musk", "Elon Reeve Musk"), kb=True)
    store.save_analysis(one, content_hash="1")
    store.save_analysis(two, content_hash="2")
    [(record, mentions, articles)] = store.entities()
    assert (record.kb_id, record.name, mentions, articles) == ("elon-musk", "Elon Musk", 2, 2)
    assert record.aliases == ("Elon Reeve Musk",)


def test_surname_joins_the_only_full_name(store: Store) -> None:
    store.save_analysis(_person_article("Elon Musk parle.", ("p1", "Elon Musk")), content_hash="1")
    store.save_analysis(_person_article("Musk répond.", ("p2", "Musk")), content_hash="2")
    [(record, mentions, articles)] = store.entities()
    assert (record.name, mentions, articles) == ("Elon Musk", 2, 2)
    assert "Musk" in record.aliases
    # A non-KB full name also finds the KB entity by its name.
    store.save_analysis(_person_article("Elon Musk encore.", ("x", "Elon Musk")), content_hash="3")
    assert len(store.entities()) == 1


def test_two_people_sharing_a_surname_stay_apart(store: Store) -> None:
    store.save_analysis(_person_article("Elon Musk parle.", ("p", "Elon Musk")), content_hash="1")
    store.save_analysis(
        _person_article("Kimbal Musk parle.", ("p", "Kimbal Musk")), content_hash="2"
    )
    assert entity_names(store) == ["Elon Musk", "Kimbal Musk"]
    # A bare "Musk" is ambiguous in the store: it stays on its own.
    store.save_analysis(_person_article("Musk se tait.", ("p", "Musk")), content_hash="3")
    assert entity_names(store) == ["Elon Musk", "Kimbal Musk", "Musk"]
    # ... unless the article itself names one of them.
    body = "Kimbal Musk investit. Musk confirme."
    store.save_analysis(
        _person_article(body, ("k", "Kimbal Musk"), ("m", "Musk")), content_hash="4"
    )
    by_name = {r.name: (m, a) for r, m, a in store.entities()}
    assert by_name["Kimbal Musk"] == (3, 2)
    assert by_name["Musk"] == (1, 1)


def test_same_name_different_type_or_first_name(store: Store) -> None:
    body = "Jean Martin et Paul Martin visitent Orange, en Orange."
    store.save_analysis(
        analysis(
            body,
            [
                entity(body, "jm", "Jean Martin"),
                entity(body, "pm", "Paul Martin"),
                entity(body, "o1", "Orange", "organization", forms=("Orange",)),
            ],
        ),
        content_hash="1",
    )
    again = "Orange (la ville) et Jean Martin."
    store.save_analysis(
        analysis(
            again, [entity(again, "o", "Orange", "location"), entity(again, "j", "Jean Martin")]
        ),
        content_hash="2",
    )
    types = sorted((r.name, r.type, a) for r, _, a in store.entities())
    assert types == [
        ("Jean Martin", "person", 2),
        ("Orange", "location", 1),
        ("Orange", "organization", 1),
        ("Paul Martin", "person", 1),
    ]


# -- corrections ---------------------------------------------------------------------------------


def _org_article(body: str, name: str) -> dict[str, object]:
    return analysis(body, [entity(body, "org", name, "organization")])


def test_merge_correction_survives_resave(store: Store) -> None:
    first = _org_article("OpenAI publie un modèle.", "OpenAI")
    second = _org_article("Open AI recrute.", "Open AI")
    store.save_analysis(first, content_hash="1")
    store.save_analysis(second, content_hash="2")
    ids = {r.name: r.id for r, _, _ in store.entities()}
    assert set(ids) == {"OpenAI", "Open AI"}
    store.merge_entities(ids["OpenAI"], ids["Open AI"])
    assert [(r.name, m, a) for r, m, a in store.entities()] == [("OpenAI", 2, 2)]
    store.save_analysis(second, content_hash="2")  # re-ingestion
    store.save_analysis(_org_article("Open AI encore.", "Open AI"), content_hash="3")
    [(record, mentions, articles)] = store.entities()
    assert (record.id, mentions, articles) == (ids["OpenAI"], 3, 3)
    assert store.counts()["entities"] == 1
    with pytest.raises(NotFoundError):
        store.merge_entities(ids["OpenAI"], ids["Open AI"])  # it is gone
    with pytest.raises(StoreError):
        store.merge_entities(ids["OpenAI"], ids["OpenAI"])


def test_merge_moves_facts_without_duplicating_links(store: Store) -> None:
    body = "Musk critique Elon Musk."  # an upstream miss: two entities for one person
    data = analysis(
        body,
        [entity(body, "a", "Musk"), entity(body, "b", "Elon Musk")],
        events=[Event("CRITICIZE", -0.5, ["a", "b"], ["b"], span(body, body))],
        states=[State("RIVAL_OF", -1, "a", "b", span(body, body))],
    )
    data["entities"][0]["name"] = "M. Musk le jeune"  # keep them apart at save time
    store.save_analysis(data, content_hash="1")
    ids = {r.name: r.id for r, _, _ in store.entities()}
    store.merge_entities(ids["Elon Musk"], ids["M. Musk le jeune"])
    ea = t.event_actors.c
    assert sorted(rows(store, sa.select(ea.entity_id, ea.role))) == [
        (ids["Elon Musk"], "source"),
        (ids["Elon Musk"], "target"),
    ]
    st = t.states.c
    assert rows(store, sa.select(st.source_entity_id, st.target_entity_id)) == [
        (ids["Elon Musk"], ids["Elon Musk"])
    ]


def test_split_correction_survives_resave(store: Store) -> None:
    body = "Elon Musk et Kimbal Musk. Kimbal Musk a parlé."
    # Upstream wrongly folded Kimbal into Elon's entity.
    data = analysis(body, [entity(body, "e", "Elon Musk", forms=("Elon Musk", "Kimbal Musk"))])
    store.save_analysis(data, content_hash="1")
    [(elon, mentions, _)] = store.entities()
    assert mentions == 3
    kimbal_id = store.split_entity(elon.id, "Kimbal Musk")
    by_name = {r.name: (r.id, m) for r, m, _ in store.entities()}
    assert by_name == {"Elon Musk": (elon.id, 1), "Kimbal Musk": (kimbal_id, 2)}
    assert "Kimbal Musk" not in store.entity(elon.id).aliases
    store.save_analysis(copy.deepcopy(data), content_hash="1")  # re-ingestion, same mistake
    assert {r.name: (r.id, m) for r, m, _ in store.entities()} == by_name
    assert "Kimbal Musk" not in store.entity(elon.id).aliases
    # An article that only knows Kimbal under the wrong entity goes wholly to Kimbal.
    only = "Kimbal Musk investit."
    store.save_analysis(
        analysis(only, [entity(only, "e", "Elon Musk", forms=("Kimbal Musk",))]), content_hash="2"
    )
    assert {r.name: m for r, m, _ in store.entities()} == {"Elon Musk": 1, "Kimbal Musk": 3}
    with pytest.raises(NotFoundError):
        store.split_entity(elon.id, "Errol Musk")
    with pytest.raises(StoreError):
        store.split_entity(elon.id, "elon musk")


def test_entities_query_ignores_accents(store: Store) -> None:
    body = "Emmanuel Macron et Élisabeth Borne."
    store.save_analysis(
        analysis(
            body, [entity(body, "m", "Emmanuel Macron"), entity(body, "b", "Élisabeth Borne")]
        ),
        content_hash="1",
    )
    assert [r.name for r, _, _ in store.entities(query="elisabeth")] == ["Élisabeth Borne"]
    assert store.entity("ELISABETH BORNE").name == "Élisabeth Borne"


# -- runs, opening, migrations -------------------------------------------------------------------


def test_ingest_runs_record_errors(store: Store) -> None:
    run = store.begin_run(["feeds.txt"])
    store.save_analysis(musk_analysis(), content_hash="h", run_id=run)
    store.record_error(run, "https://bad.example/", ValueError("no body"))
    done = store.finish_run(run, {"saved": 1, "failed": 1})
    assert done["counts"] == {"saved": 1, "failed": 1}
    assert done["errors"] == [{"source": "https://bad.example/", "error": "ValueError: no body"}]
    assert done["finished_at"] is not None
    with pytest.raises(NotFoundError):
        store.finish_run(run + 1)


def test_migrations_build_the_declared_schema(store: Store) -> None:
    with store.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_name": include_name})
        head = ScriptDirectory(str(MIGRATIONS)).get_current_head()
        assert head is not None and head.startswith("0004")
        assert context.get_current_revision() == head
        assert compare_metadata(context, t.metadata) == []
        names = sa.inspect(conn).get_table_names()
        if store.backend == "sqlite":
            assert "articles_fts" in names
        else:
            columns = {c["name"] for c in sa.inspect(conn).get_columns("articles")}
            assert "search_tsv" in columns


def test_a_newer_schema_is_refused(store_url: str) -> None:
    with open_store(store_url) as opened, opened.engine.begin() as conn:
        conn.execute(sa.text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(StoreError, match="newer"):
        open_store(store_url)


def test_reopening_keeps_data(store_url: str) -> None:
    with open_store(store_url) as first:
        first.save_analysis(musk_analysis(), content_hash="h")
    with open_store(store_url) as second:
        assert second.counts()["articles"] == 1


def test_store_locations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("ALLEGIANCE_DB", raising=False)
    assert resolve_url(None).database == str(tmp_path / "allegiance.sqlite")
    monkeypatch.setenv("ALLEGIANCE_DB", str(tmp_path / "env.sqlite"))
    with open_store() as opened:
        assert opened.backend == "sqlite"
    assert (tmp_path / "env.sqlite").exists()
    with open_store(f"sqlite:///{tmp_path / 'url.sqlite'}"):
        pass
    assert (tmp_path / "url.sqlite").exists()
    assert resolve_url("postgresql://u@h/db").drivername == "postgresql+psycopg"
    assert resolve_url("postgres://u@h/db").drivername == "postgresql+psycopg"
    with pytest.raises(StoreError):
        open_store(tmp_path / "missing" / "x.sqlite")
    with pytest.raises(StoreError):
        open_store("mysql://u@h/db")
    with pytest.raises(StoreError, match="cannot open"):
        open_store("postgresql://nobody@127.0.0.1:1/none")


# -- both backends agree -------------------------------------------------------------------------


@pytest.mark.postgres
def test_counts_equal_on_both_backends(tmp_path: Path) -> None:
    if pg_url() is None:
        pytest.skip("ALLEGIANCE_TEST_PG is not set")
    results = []
    for backend in ("sqlite", "postgres"):
        with open_store(backend_url(backend, tmp_path)) as opened:
            opened.save_analysis(
                musk_analysis(), content_hash="1", signature=SIG, lemmas=MUSK_LEMMAS
            )
            opened.save_analysis(
                _person_article(
                    "Musk répond. Kimbal Musk aussi.", ("m", "Musk"), ("k", "Kimbal Musk")
                ),
                content_hash="2",
            )
            opened.save_analysis(_org_article("Open AI recrute.", "Open AI"), content_hash="3")
            ids = {r.name: r.id for r, _, _ in opened.entities()}
            opened.merge_entities(ids["OpenAI"], ids["Open AI"])
            opened.link_duplicate(1, "https://copy.example/a", "Copy")
            results.append(
                (
                    opened.counts(),
                    sorted((r.name, m, a) for r, m, a in opened.entities()),
                    [h.article_id for h in opened.search("negociation")],
                    opened.find_near_duplicate(SIG ^ 1),
                )
            )
    assert results[0] == results[1]
    assert results[0][0]["articles"] == 3
