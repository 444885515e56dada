"""The JSON API (allegiance.api) over a store holding the hand-made Musk–Altman–Trump story."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from allegiance.api import create_app, status_of
from allegiance.errors import ConfigError, EmptyInputError, NotFoundError, StoreError
from allegiance.store import open_store
from test_graph_story import save_story


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = str(tmp_path_factory.mktemp("api") / "store.sqlite")
    with open_store(db) as store:
        save_story(store)
    with TestClient(create_app(db)) as opened:
        yield opened


def _names(graph: dict, edge: dict) -> tuple[str, str]:
    nodes = {n["id"]: n["name"] for n in graph["nodes"]}
    return nodes[edge["source"]], nodes[edge["target"]]


def test_health_counts_the_stored_articles(client: TestClient) -> None:
    body = client.get("/health").json()
    assert body["counts"]["articles"] == 5
    assert body["counts"]["entities"] >= 3


def test_graph_edges_carry_sign_and_evidence(client: TestClient) -> None:
    graph = client.get("/graph", params={"since": "2025-01-01", "until": "2025-02-28"}).json()
    edges = {_names(graph, e): e for e in graph["edges"]}
    musk_altman = edges[("Elon Musk", "Sam Altman")]
    assert musk_altman["score"] < 0
    assert musk_altman["evidence"], "every edge points to its evidence"
    assert edges[("Donald Trump", "Sam Altman")]["score"] > 0


def test_relation_shows_the_flip_and_entity_lookup_by_alias(client: TestClient) -> None:
    rel = client.get("/relation", params={"a": "Musk", "b": "Trump", "half_life": 0}).json()
    periods = {p["period"]: p for p in rel["periods"]}
    assert periods["2025-01"]["ab"] > 0 > periods["2025-02"]["ab"]
    flips = client.get("/flips", params={"since": "2025-01-01", "until": "2025-02-28"}).json()
    turned = [f for f in flips if {f["a"], f["b"]} == {"elon-musk", "donald-trump"}]
    assert turned and turned[0]["period"] == "2025-02" and turned[0]["after"] < 0
    assert client.get("/entities/Musk").json()["name"] == "Elon Musk"


def test_allies_rivals_triad_timeline_camps_answer(client: TestClient) -> None:
    rivals = client.get("/rivals/Sam Altman", params={"until": "2025-02-28"}).json()
    assert rivals["rivals"][0]["name"] == "Elon Musk"
    triad = client.get("/triad", params={"a": "Musk", "b": "Altman", "c": "Trump"}).json()
    assert triad["balanced"] is True
    assert triad["summary"][0].startswith("Musk and Altman are opposed")
    timeline = client.get("/timeline/Elon Musk").json()
    assert len(timeline["entries"]) >= 3
    assert "camps" in client.get("/camps").json()
    listed = client.get("/entities", params={"q": "musk"}).json()
    assert [e["name"] for e in listed] == ["Elon Musk"]


def test_library_errors_become_json_errors_with_their_code(client: TestClient) -> None:
    missing = client.get("/entities/Nobody Here")
    assert missing.status_code == 404
    assert missing.json()["error"]["code"] == NotFoundError.code
    assert client.get("/articles/999999").status_code == 404
    backwards = client.get("/graph", params={"since": "2025-03-01", "until": "2025-01-01"})
    assert backwards.status_code == 400
    assert backwards.json()["error"]["kind"] == "ConfigError"
    empty = client.post("/analyze", json={"text": "   \n  "})
    assert empty.status_code == 422
    assert empty.json()["error"]["code"] == EmptyInputError.code


def test_status_of_maps_the_error_tree() -> None:
    assert status_of(NotFoundError("x")) == 404
    assert status_of(ConfigError("x")) == 400
    assert status_of(EmptyInputError("x")) == 422
    assert status_of(StoreError("x")) == 500


def test_stored_article_is_the_saved_analysis(client: TestClient) -> None:
    hits = client.get("/search", params={"q": "Stargate", "lemmas": "false"}).json()
    assert hits and hits[0]["title"] == "Stargate à la Maison Blanche"
    stored = client.get(f"/articles/{hits[0]['id']}").json()
    assert "Stargate" in stored["body"]


@pytest.mark.model
def test_analyze_returns_the_json_contract(tmp_path: Path) -> None:
    with TestClient(create_app(str(tmp_path / "empty.sqlite"))) as fresh:
        text = "« Sam Altman est un escroc », a déclaré Elon Musk mardi."
        body = fresh.post(
            "/analyze", json={"text": text, "lang": "fr", "published": "2025-01-23"}
        ).json()
    assert body["article"]["lang"] == "fr" and body["article"]["published"] == "2025-01-23"
    names = {e["name"] for e in body["entities"]}
    assert {"Elon Musk", "Sam Altman"} <= names
    assert any(q["speaker"] and q["speaker"]["name"] == "Elon Musk" for q in body["quotes"])


def test_ids_typed_as_digits_name_stored_entities_and_articles(client: TestClient) -> None:
    musk = client.get("/entities/Musk").json()
    assert client.get(f"/entities/{musk['id']}").json()["name"] == "Elon Musk"
    allies = client.get(f"/rivals/{musk['id']}").json()
    assert allies["entity"] == "elon-musk"
    hits = client.get("/search", params={"q": "Stargate", "lemmas": "false", "entity": musk["id"]})
    assert hits.status_code == 200
