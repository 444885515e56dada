"""The corpus end to end: ingest the shared corpus and the demo article, then ask the graph.

Reads ../shared/corpus at run time (the articles are © their publishers and never copied into
the repository) and skips when it is absent. Runs the real pipelines with two workers, on
SQLite and, when ALLEGIANCE_TEST_PG is set, on PostgreSQL: both stores must agree.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from allegiance.graph.camps import triad
from allegiance.graph.query import build_graph
from allegiance.graph.relation import flips, relation
from allegiance.ingest.runner import ingest
from allegiance.store import open_store
from conftest import CORPUS, EXAMPLE

pytestmark = [pytest.mark.model, pytest.mark.corpus]

ACTORS = {
    "elon-musk": "Elon Musk",
    "sam-altman": "Sam Altman",
    "donald-trump": "Donald Trump",
    "openai": "OpenAI",
    "xai": "xAI",
}


def _sources() -> list[str]:
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is absent (read at run time, never copied)")
    return [str(CORPUS / "fr"), str(CORPUS / "en"), str(EXAMPLE)]


@pytest.fixture(scope="module")
def sqlite_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = str(tmp_path_factory.mktemp("corpus") / "corpus.sqlite")
    summary = ingest(_sources(), url, workers=2)
    assert summary.errors == 0, summary.error_list
    return url


def test_every_article_is_stored_once_and_a_second_run_adds_nothing(sqlite_url: str) -> None:
    with open_store(sqlite_url) as store:
        before = store.counts()
    # 57 French + 40 English articles (HTML preferred over its text companion) + the demo
    assert before["articles"] == 98
    summary = ingest(_sources(), sqlite_url, workers=0)
    assert summary.ingested == 0
    with open_store(sqlite_url) as store:
        assert store.counts() == before


def test_the_main_actors_are_one_entity_each_across_articles(sqlite_url: str) -> None:
    with open_store(sqlite_url) as store:
        for kb_id, name in ACTORS.items():
            rows = [r for r in store.entities(limit=50, query=name) if r[0].name == name]
            assert len(rows) == 1, (name, rows)
            record, mentions, articles = rows[0]
            assert record.kb_id == kb_id
            assert articles >= 5, (name, articles)


@pytest.mark.skipif("ALLEGIANCE_TEST_PG" not in os.environ, reason="ALLEGIANCE_TEST_PG is not set")
def test_postgresql_stores_the_same_counts(sqlite_url: str) -> None:
    from store_fixtures import backend_url

    url = backend_url("postgres", Path("unused"))
    ingest(_sources(), url, workers=2)
    with open_store(url) as pg, open_store(sqlite_url) as lite:
        assert pg.counts() == lite.counts()


def test_musk_and_altman_oppose_each_other_with_evidence_from_several_articles(
    sqlite_url: str,
) -> None:
    with open_store(sqlite_url) as store:
        graph = build_graph(store, half_life_days=0, evidence=10)
        names = {n.id: n.name for n in graph.nodes.values()}
        edges = {(names[e.source], names[e.target]): e for e in graph.edges}
        musk_altman = edges[("Elon Musk", "Sam Altman")]
        assert musk_altman.score < 0
        assert len({ev.article_id for ev in musk_altman.evidence}) >= 2
        assert edges[("Sam Altman", "Elon Musk")].score < 0
        assert edges[("Donald Trump", "Sam Altman")].score > 0


def test_musk_stands_with_trump_in_early_2025(sqlite_url: str) -> None:
    with open_store(sqlite_url) as store:
        rel = relation(store, "Elon Musk", "Donald Trump", by="month", half_life_days=0)
        early = [p for p in rel.periods if p.key in ("2025-01", "2025-02")]
        assert early and sum(p.ab for p in early) > 0


def test_the_triad_tells_the_seed_story(sqlite_url: str) -> None:
    with open_store(sqlite_url) as store:
        told = triad(store, "Elon Musk", "Sam Altman", "Donald Trump")
        text = "\n".join(told.sentences)
        assert "Musk and Altman are opposed" in text
        assert "Trump is positive toward Altman" in text


def test_musk_and_trump_turn_negative_around_june_2025(sqlite_url: str) -> None:
    # Week by week, as the story ran: Trump's farewell praise in the last week of May, the open
    # break in the first week of June. A month would sum the two.
    with open_store(sqlite_url) as store:
        rel = relation(store, "Elon Musk", "Donald Trump", by="week", half_life_days=0)
        june = [p for p in rel.periods if "2025-W23" <= p.key <= "2025-W26"]
        assert june and june[0].ab < 0 and june[0].ab + june[0].ba < 0
        turned = [
            f
            for f in flips(store, "2025-01-01", "2025-07-31", by="week")
            if {f.a.label, f.b.label} == {"elon-musk", "donald-trump"}
        ]
    assert turned, "flips must report the Musk–Trump break"
    assert turned[0].before > 0 > turned[0].after
    assert "2025-W22" <= turned[0].period <= "2025-W26"
    assert turned[0].evidence and all(ev.date for ev in turned[0].evidence)


def test_the_whole_corpus_graph_renders(sqlite_url: str, tmp_path: Path) -> None:
    from PIL import Image

    from allegiance.graph.export import write_graph

    with open_store(sqlite_url) as store:
        graph = build_graph(store, min_support=1)
    target = tmp_path / "corpus.png"
    write_graph(graph, "png", target, top=40)
    with Image.open(target) as image:
        assert image.size[0] > 400 and image.size[1] > 300
