"""The distributed engine: analyse in Spark executors (or the same function without Spark), then
``load`` the JSON Lines into the store — the store must end up as ``ingest`` leaves it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from allegiance.cli import main
from allegiance.errors import ConfigError, MissingInputError
from allegiance.ingest.load import load_analyses, read_records
from allegiance.ingest.runner import ingest
from allegiance.ingest.spark import analyse_units, spark_analyse, work_units
from allegiance.models import Article, ArticleMeta
from allegiance.store import open_store
from test_ingest_runner import article_txt, write_articles


def _stored(db: Path) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Row counts, and every stored (entity, quote text) pair: what ingest would leave."""
    with open_store(db) as store:
        counts = store.counts()
        with store.engine.connect() as conn:
            quotes = conn.exec_driver_sql(
                "SELECT e.name, q.text FROM quotes q LEFT JOIN entities e"
                " ON e.id = q.speaker_entity_id ORDER BY q.text"
            ).all()
    counts.pop("duplicates", None)
    return counts, [(str(a), str(b)) for a, b in quotes]


def _corpus(tmp_path: Path) -> Path:
    folder = write_articles(tmp_path / "in", range(4))
    # the same article at another URL: a copy to link, not a new article
    (folder / "z-copy.txt").write_text(
        article_txt(1, url=True).replace("https://", "https://mirror."), encoding="utf-8"
    )
    (folder / "zz-broken.txt").write_bytes(b"\x00\x01 not text \x00" * 20)
    return folder


def test_work_units_list_a_folder_and_refuse_a_missing_source(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "in", range(3))
    (folder / "0.html").write_text("<html><body><p>x</p></body></html>", encoding="utf-8")
    (folder / "0.txt").write_text("the companion of 0.html", encoding="utf-8")
    units = work_units([str(folder), "https://example.org/feed.xml"])
    assert str(folder / "0.txt") not in units and str(folder / "0.html") in units
    assert units[-1] == "https://example.org/feed.xml"
    with pytest.raises(MissingInputError):
        work_units([str(tmp_path / "nowhere")])


def test_bad_lines_are_recorded_with_file_and_line(tmp_path: Path) -> None:
    lines = tmp_path / "part-00000"
    lines.write_text('{"source": "a.txt", "error": "empty"}\nnot json\n[1, 2]\n', encoding="utf-8")
    records = list(read_records([tmp_path]))
    assert records[0] == {"source": "a.txt", "error": "empty"}
    assert records[1]["source"] == f"{lines}:2" and "not a JSON line" in records[1]["error"]
    assert records[2] == {"source": f"{lines}:3", "error": "not an analysis record"}
    assert all(set(r) == {"source", "error"} for r in records)
    summary = load_analyses(records, tmp_path / "db.sqlite")
    assert (summary.ingested, summary.errors) == (0, 3)


@pytest.mark.model
def test_analysed_lines_load_into_the_same_store_as_ingest(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    lines = tmp_path / "analyses.jsonl"
    lines.write_text("\n".join(analyse_units(work_units([str(folder)]))) + "\n", "utf-8")
    loaded = load_analyses(read_records([lines]), tmp_path / "loaded.sqlite")
    ingested = ingest([str(folder)], tmp_path / "ingested.sqlite", workers=0)
    assert (loaded.ingested, loaded.duplicates, loaded.errors) == (4, 1, 1)
    assert (ingested.ingested, ingested.duplicates, ingested.errors) == (4, 1, 1)
    assert _stored(tmp_path / "loaded.sqlite") == _stored(tmp_path / "ingested.sqlite")
    again = load_analyses(read_records([lines]), tmp_path / "loaded.sqlite")
    assert (again.ingested, again.skipped) == (0, 5)


def test_cli_load_reports_a_bad_line_and_stores_the_rest(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = {
        "source": "a.txt",
        "url": "https://example.org/a",
        "analysis": Article(ArticleMeta("a", lang="fr"), "Texte.", body="Texte.").as_dict(),
        "content_hash": "0" * 40,
        "signature": 12345,
        "lemmas": "texte",
        "lang": "fr",
        "outlet": None,
    }
    lines = tmp_path / "in.jsonl"
    no_quotes = {
        **record,
        "analysis": {k: v for k, v in record["analysis"].items() if k != "quotes"},
    }
    lines.write_text(json.dumps(record) + "\n{broken\n" + json.dumps(no_quotes) + "\n", "utf-8")
    db = tmp_path / "db.sqlite"
    assert main(["load", str(lines), "--db", str(db)]) == 0
    err = capsys.readouterr().err
    assert f"{lines}:2" in err and "ingested 1 article" in err
    assert f"{lines}:3: the analysis has no quotes" in err
    with open_store(db) as store:
        assert store.has_url("https://example.org/a")


def _spark_or_skip() -> None:
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("the Spark engine needs Java 17+")


@pytest.mark.spark
@pytest.mark.model
def test_spark_job_then_load_equals_ingest(tmp_path: Path) -> None:
    _spark_or_skip()
    folder = _corpus(tmp_path)
    out = tmp_path / "out"
    units = spark_analyse([str(folder)], out, master="local[2]", partitions=3)
    assert units == 6
    assert len(list(out.glob("part-*"))) == 3
    loaded = load_analyses(read_records([out]), tmp_path / "loaded.sqlite")
    ingest([str(folder)], tmp_path / "ingested.sqlite", workers=0)
    assert (loaded.ingested, loaded.duplicates, loaded.errors) == (4, 1, 1)
    assert _stored(tmp_path / "loaded.sqlite") == _stored(tmp_path / "ingested.sqlite")
    with pytest.raises(ConfigError, match="already exists"):
        spark_analyse([str(folder)], out, master="local[1]")
