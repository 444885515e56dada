"""``ingest()``: folders, WARC files and feeds into the store, each article once, crash-safe.

Every article here is invented in this file (names, numbers and sentences varied by a seed); no
corpus text. Tests that run the real pipeline are marked ``model`` and run in-process
(``workers=0``, one model load for the whole module) except the pool and the kill -9 tests.
"""

from __future__ import annotations

import html
import http.server
import io
import json
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from allegiance.ingest.fingerprint import content_hash, hamming, simhash
from allegiance.ingest.runner import IngestSummary, ingest
from allegiance.ingest.sources import SourceItem
from allegiance.ingest.workers import Failed, Prepared, prepare
from allegiance.store import open_store
from store_fixtures import BACKENDS, backend_url

# --- invented articles -------------------------------------------------------------------------

FR_PEOPLE = [
    "Camille Lefranc",
    "Julien Moreau",
    "Sophie Garnier",
    "Antoine Rivière",
    "Nadia Benali",
    "Hugo Castel",
    "Léa Marchand",
    "Bruno Fabre",
    "Inès Delorme",
    "Paul Verdier",
]
FR_ORGS = ["Vellane", "la société Ortalis", "le groupe Brenval", "Quarzis", "la banque Solvère"]
FR_CITIES = ["Lyon", "Nantes", "Grenoble", "Rennes", "Toulouse", "Lille", "Dijon"]
FR_SENTENCES = [
    "{p1} a annoncé lundi à {city} un plan d'investissement de {n} millions d'euros pour {org}.",
    "« Nous ne céderons rien sur les salaires », a déclaré {p2} devant les salariés réunis.",
    "Les négociations entre {p1} et {p2} ont repris mardi après {k} semaines de blocage.",
    "Selon {p2}, {org} devra supprimer {k} postes d'ici la fin de l'année {year}.",
    "Le conseil municipal de {city} a voté une subvention de {m} euros pour le nouveau stade.",
    "{p1} a vivement critiqué la décision du gouvernement, jugée « irresponsable ».",
    "Les syndicats de {org} appellent à la grève le {k} mars pour défendre l'emploi.",
    "{p2} s'est félicité d'un accord trouvé dans la nuit avec les représentants du personnel.",
    "Le chiffre d'affaires de {org} a progressé de {k} % sur un an, à {n} millions d'euros.",
    "À {city}, les habitants attendent toujours la réouverture de la ligne de tramway.",
    "{p1} rencontrera le ministre de l'Économie jeudi pour évoquer la situation du site.",
    "La direction de {org} assure que l'usine de {city} ne fermera pas avant {year}.",
]
EN_PEOPLE = [
    "Margaret Holloway",
    "Daniel Ashford",
    "Priya Raman",
    "Oliver Brandt",
    "Grace Whitfield",
]
EN_ORGS = ["Norvale", "Castleport Bank", "the Redfern Group", "Ambrix", "Tidewell"]
EN_CITIES = ["Leeds", "Bristol", "Glasgow", "Cardiff", "Norwich"]
EN_SENTENCES = [
    "{p1} announced on Monday in {city} that {org} would invest {n} million pounds.",
    '"We will not accept these cuts," {p2} told reporters outside the plant.',
    "Talks between {p1} and {p2} resumed on Tuesday after {k} weeks of deadlock.",
    "According to {p2}, {org} plans to cut {k} jobs by the end of {year}.",
    "The council in {city} approved a grant of {m} pounds for the new library.",
    "{p1} sharply criticised the board's decision, calling it reckless.",
    "Revenue at {org} rose {k} percent from a year earlier to {n} million pounds.",
    "{p2} welcomed the agreement reached overnight with the unions.",
]


def invented_article(i: int) -> tuple[str, str, str, str]:
    """(lang, title, published, body) of invented article ``i`` (French for most, some English)."""
    lang = "en" if i % 3 == 2 else "fr"
    people, orgs, cities, pool = (
        (EN_PEOPLE, EN_ORGS, EN_CITIES, EN_SENTENCES)
        if lang == "en"
        else (FR_PEOPLE, FR_ORGS, FR_CITIES, FR_SENTENCES)
    )
    values = {
        "p1": people[i % len(people)],
        "p2": people[(i * 3 + 1) % len(people)],
        "org": orgs[(i * 7) % len(orgs)],
        "city": cities[(i * 5) % len(cities)],
        "n": str(12 + i * 17),
        "m": f"{(i + 2) * 25_000}",
        "k": str(3 + i % 9),
        "year": str(2020 + i % 6),
    }
    start = (i * 5) % len(pool)
    picked = [pool[(start + j * (1 + i % 2)) % len(pool)] for j in range(6)]
    paragraphs = [s.format(**values) for s in picked]
    paragraphs = [p[0].upper() + p[1:] for p in paragraphs]
    org = values["org"].split()[-1].capitalize()
    title = (
        f"{org} : {values['p1']} à {values['city']}"
        if lang == "fr"
        else (f"{org}: {values['p1']} in {values['city']}")
    )
    published = (date(2025, 1, 6) + timedelta(days=i)).isoformat()
    return lang, title, published, "\n\n".join(paragraphs)


def article_url(i: int) -> str:
    return f"https://news.example/2025/article-{i}"


def article_txt(i: int, *, url: bool = False) -> str:
    lang, title, published, body = invented_article(i)
    header = (
        f"---\ntitle: {json.dumps(title, ensure_ascii=False)}\ndate: {published}\nlang: {lang}\n"
    )
    if url:
        header += f"url: {article_url(i)}\n"
    return header + "---\n\n" + body + "\n"


def article_html(i: int) -> str:
    lang, title, published, body = invented_article(i)
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in body.split("\n\n"))
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>"
        f'<meta property="article:published_time" content="{published}">'
        f"</head><body><nav><a href='/'>Accueil</a></nav><article><h1>{html.escape(title)}</h1>"
        f"{paragraphs}</article><footer>© News Example</footer></body></html>"
    )


def write_articles(folder: Path, indexes: range | list[int]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i in indexes:
        (folder / f"article-{i:02d}.txt").write_text(article_txt(i), encoding="utf-8")
    return folder


def stored_titles(db: Path | str) -> list[str]:
    with open_store(db) as store:
        hits = store.search("", limit=1000)
    return sorted(h.title or "" for h in hits)


# --- without the model -------------------------------------------------------------------------


def test_invented_articles_are_not_near_duplicates_of_each_other() -> None:
    signatures = [simhash(invented_article(i)[3]) for i in range(30)]
    closest = min(hamming(a, b) for n, a in enumerate(signatures) for b in signatures[n + 1 :])
    assert closest > 3


def test_prepare_fingerprints_and_reports_bad_bytes_without_raising() -> None:
    good = SourceItem("a.txt", None, article_txt(0).encode(), "text/plain", None, {})
    prepared = prepare(good)
    assert isinstance(prepared, Prepared)
    assert prepared.article.meta.title == invented_article(0)[1]
    assert prepared.article.meta.lang == "fr"
    assert prepared.content_hash == content_hash(invented_article(0)[3])
    assert prepared.article.doc is None  # nothing heavy crosses the process boundary yet
    bad = prepare(SourceItem("b.txt", None, b"\x89PNG\r\n\x1a\n\x00\x00", "text/plain", None, {}))
    assert isinstance(bad, Failed) and "PNG" in bad.error


def test_summary_line_and_json() -> None:
    summary = IngestSummary(run_id=3, ingested=97, duplicates=3, errors=0, seconds=41.23)
    assert summary.line() == "ingested 97 articles (3 duplicates, 0 errors) in 41.2 s"
    data = summary.as_dict()
    assert (
        data["ingested"] == 97
        and data["duplicates"] == 3
        and data["rate"] == pytest.approx(97 / 41.23, abs=1e-3)
    )


# --- the real pipeline, in this process ----------------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize("backend", BACKENDS)
def test_second_run_adds_nothing_and_bad_file_is_recorded(tmp_path: Path, backend: str) -> None:
    folder = write_articles(tmp_path / "in", range(5))
    (folder / "zz-broken.txt").write_bytes(b"\x00\x01\x02 not text \x00" * 20)
    (folder / "zz-empty.txt").write_text("   \n")
    db = backend_url(backend, tmp_path)
    first = ingest([str(folder)], db, workers=0, batch_size=2)
    assert (first.ingested, first.duplicates, first.errors) == (5, 0, 2)
    assert {e["source"] for e in first.error_list} == {
        str(folder / "zz-broken.txt"),
        str(folder / "zz-empty.txt"),
    }
    with open_store(db) as store:
        counts = store.counts()
        with store.engine.connect() as conn:
            recorded = conn.exec_driver_sql("SELECT run_id, source FROM ingest_errors").all()
    assert sorted(recorded) == sorted(
        (first.run_id, str(folder / name)) for name in ("zz-broken.txt", "zz-empty.txt")
    )
    second = ingest([str(folder)], db, workers=0)
    assert (second.ingested, second.duplicates, second.skipped) == (0, 0, 5)
    with open_store(db) as store:
        assert store.counts() == counts
    assert counts["articles"] == 5
    assert stored_titles(db) == sorted(invented_article(i)[1] for i in range(5))


@pytest.mark.model
def test_near_duplicate_is_linked_not_analysed(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    original = article_txt(4, url=True)
    lang, title, published, body = invented_article(4)
    copy = (
        f"---\ntitle: {json.dumps('Nouveau : ' + title, ensure_ascii=False)}\ndate: {published}\nlang: {lang}\n"
        f"url: https://other.example/copie\n---\n\n{body}\n\nMis à jour à 18 h 05.\n"
    )
    (folder / "a-original.txt").write_text(original, encoding="utf-8")
    (folder / "b-copy.txt").write_text(copy, encoding="utf-8")
    db = tmp_path / "db.sqlite"
    summary = ingest([str(folder)], db, workers=0)
    assert (summary.ingested, summary.duplicates) == (1, 1)
    with open_store(db) as store:
        assert store.counts()["articles"] == 1
        (article_id,) = [h.article_id for h in store.search("", limit=5)]
        assert store.sources(article_id) == [("https://other.example/copie", None)]
        assert store.has_url("https://other.example/copie")
    again = ingest([str(folder)], db, workers=0)
    assert (again.ingested, again.duplicates, again.skipped) == (0, 0, 2)


def _atom(base: str, indexes: list[int]) -> str:
    entries = "".join(
        f"<entry><title>{html.escape(invented_article(i)[1])}</title>"
        f'<link rel="alternate" href="{base}/article-{i}.html"/>'
        f"<updated>{invented_article(i)[2]}T08:00:00Z</updated><id>tag:{i}</id></entry>"
        for i in indexes
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>News</title><id>tag:feed</id><updated>2025-02-01T00:00:00Z</updated>{entries}</feed>"
    )


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A real HTTP server on 127.0.0.1 serving the pages of articles 0-3 and an Atom feed."""
    root = tmp_path / "site"
    root.mkdir()
    for i in range(4):
        (root / f"article-{i}.html").write_text(article_html(i), encoding="utf-8")

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kw):  # type: ignore[no-untyped-def]
            super().__init__(*args, directory=str(root), **kw)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    (root / "feed.atom").write_text(_atom(base, list(range(4))), encoding="utf-8")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base, root
    finally:
        server.shutdown()
        server.server_close()


def _warc(path: Path, indexes: list[int]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        for i in indexes:
            data = article_html(i).encode("utf-8")
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    article_url(i),
                    "response",
                    payload=io.BytesIO(data),
                    length=len(data),
                    http_headers=headers,
                )
            )


@pytest.mark.model
def test_folder_warc_and_feed_give_the_same_articles(
    tmp_path: Path, site: tuple[str, Path]
) -> None:
    from allegiance.ingest.http import HttpClient

    indexes = [0, 1, 2, 3]
    folder = write_articles(tmp_path / "in", indexes)
    warc = tmp_path / "crawl.warc.gz"
    _warc(warc, indexes)
    base, _root = site
    results = {}
    for name, source in (
        ("folder", str(folder)),
        ("warc", str(warc)),
        ("feed", f"{base}/feed.atom"),
    ):
        db = tmp_path / f"{name}.sqlite"
        with HttpClient(min_interval=0.0, respect_robots=False) as client:
            summary = ingest([source], db, workers=0, client=client)
        assert (summary.ingested, summary.errors) == (4, 0), (name, summary.error_list)
        with open_store(db) as store:
            hits = store.search("", limit=10)
            bodies = {store.get_analysis(h.article_id)["body"] for h in hits}
        results[name] = (sorted(h.title or "" for h in hits), bodies)
    assert results["folder"][0] == results["warc"][0] == results["feed"][0]
    assert results["folder"][0] == sorted(invented_article(i)[1] for i in indexes)
    assert results["folder"][1] == results["warc"][1] == results["feed"][1]
    # A second pass over all three sources into one store adds nothing new.
    db = tmp_path / "all.sqlite"
    with HttpClient(min_interval=0.0, respect_robots=False) as client:
        first = ingest([str(folder), str(warc), f"{base}/feed.atom"], db, workers=0, client=client)
        second = ingest([str(folder), str(warc), f"{base}/feed.atom"], db, workers=0, client=client)
    assert first.ingested == 4 and first.errors == 0
    assert second.ingested == 0 and second.duplicates == 0
    with open_store(db) as store:
        assert store.counts()["articles"] == 4


# --- the pool, and a kill -9 in the middle ---------------------------------------------------------

RUNNER = textwrap.dedent(
    """
    import sys
    from allegiance.ingest.runner import ingest
    s = ingest([sys.argv[1]], sys.argv[2], workers=int(sys.argv[3]), batch_size=2)
    print(s.ingested, s.duplicates, s.skipped, s.errors)
    """
)


def _run_ingest(
    folder: Path, db: Path, workers: int, *, output: bool = True
) -> subprocess.Popen[str]:
    pipe = subprocess.PIPE if output else subprocess.DEVNULL
    return subprocess.Popen(
        [sys.executable, "-c", RUNNER, str(folder), str(db), str(workers)],
        stdout=pipe,
        stderr=pipe,
        text=True,
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )


def _article_count(db: Path) -> int:
    import sqlite3

    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as conn:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    except sqlite3.OperationalError:  # the schema is being created
        return 0


def _facts(db: Path) -> dict[str, object]:
    with open_store(db) as store:
        counts = store.counts()
        with store.engine.connect() as conn:
            hashes = conn.exec_driver_sql(
                "SELECT content_hash, count(*) FROM articles GROUP BY content_hash"
            ).all()
    return {"counts": counts, "per_hash": sorted(n for _h, n in hashes)}


@pytest.mark.model
def test_kill_9_then_rerun_stores_every_article_exactly_once(tmp_path: Path) -> None:
    folder = write_articles(tmp_path / "in", range(30))
    db = tmp_path / "killed.sqlite"
    proc = _run_ingest(folder, db, workers=2, output=False)
    deadline = time.monotonic() + 240
    while _article_count(db) < 4 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before the kill"
    os.kill(proc.pid, signal.SIGKILL)  # the parent: its spawned workers exit when their pipe closes
    proc.wait()
    at_kill = _article_count(db)
    assert 4 <= at_kill < 30

    rerun = _run_ingest(folder, db, workers=2)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    ingested, duplicates, skipped, errors = map(int, out.split())
    assert ingested == 30 - at_kill and skipped == at_kill and (duplicates, errors) == (0, 0)
    facts = _facts(db)
    assert facts["per_hash"] == [1] * 30  # every article exactly once
    clean_db = tmp_path / "clean.sqlite"
    clean = ingest([str(folder)], clean_db, workers=0)
    assert clean.ingested == 30
    assert facts == _facts(clean_db)
