"""Articles out of WARC files, built in the test with warcio (gzipped and plain)."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from allegiance.ingest.sources import SourceError, classify, iter_items
from allegiance.ingest.warc import iter_warc

PAGE_A = "<html><head><title>A</title></head><body><p>Le maire a été réélu.</p></body></html>"
PAGE_B = "<html><body><p>The mayor was re-elected.</p></body></html>"


def write_warc(path: Path, *, gzip: bool, big: bool = False) -> None:
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=gzip)

        def response(url: str, status: str, content_type: str, body: bytes) -> None:
            headers = StatusAndHeaders(
                status, [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "response",
                    payload=io.BytesIO(body),
                    length=len(body),  # without it warcio spools to a temp file it never closes
                    http_headers=headers,
                )
            )

        request = b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n"
        writer.write_record(
            writer.create_warc_record(
                "https://news.example/a",
                "request",
                payload=io.BytesIO(request),
                length=len(request),
            )
        )
        response("https://news.example/a", "200 OK", "text/html; charset=utf-8", PAGE_A.encode())
        response("https://news.example/gone", "404 Not Found", "text/html", b"<p>not here</p>")
        response("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n")
        response("https://news.example/b", "200 OK", "text/html", PAGE_B.encode())
        if big:
            response("https://news.example/huge", "200 OK", "text/html", b"<p>" + b"z" * 5000)


@pytest.mark.parametrize("gzip", [True, False])
def test_two_articles_out_of_a_warc(tmp_path: Path, gzip: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if gzip else "crawl.warc")
    write_warc(path, gzip=gzip)
    assert classify(str(path)) == "warc"
    errors: list[SourceError] = []
    items = list(iter_items([str(path)], errors=errors))
    assert [i.url for i in items] == ["https://news.example/a", "https://news.example/b"]
    assert errors == []
    a, b = items
    assert a.data.decode("utf-8") == PAGE_A and b.data.decode("utf-8") == PAGE_B
    assert a.content_type == "text/html; charset=utf-8"
    assert a.source.startswith(f"{path}#urn:uuid:") and a.source != b.source
    assert a.fetched_at is not None and a.fetched_at.tzinfo is not None
    assert a.meta["url"] == "https://news.example/a" and "warc_date" in a.meta


def test_warc_detected_without_its_suffix(tmp_path: Path) -> None:
    path = tmp_path / "crawl.bin"
    write_warc(path, gzip=True)
    assert classify(str(path)) == "warc"
    assert len(list(iter_items([str(path)]))) == 2


def test_same_url_in_two_warcs_yielded_once(tmp_path: Path) -> None:
    write_warc(tmp_path / "one.warc.gz", gzip=True)
    write_warc(tmp_path / "two.warc", gzip=False)
    items = list(iter_items([str(tmp_path / "one.warc.gz"), str(tmp_path / "two.warc")]))
    assert [i.url for i in items] == ["https://news.example/a", "https://news.example/b"]
    assert all(i.source.startswith(str(tmp_path / "one.warc.gz")) for i in items)


def test_oversized_record_skipped_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, gzip=True, big=True)
    errors: list[SourceError] = []
    items = list(iter_items([str(path)], errors=errors, max_bytes=1000))
    assert [i.url for i in items] == ["https://news.example/a", "https://news.example/b"]
    assert len(errors) == 1 and "over 1,000 bytes" in errors[0].message
    assert errors[0].source.startswith(f"{path}#urn:uuid:")


def test_broken_warcs_never_stop_the_batch(tmp_path: Path) -> None:
    good = tmp_path / "good.warc"
    write_warc(good, gzip=False)
    data = good.read_bytes()
    cut = data.index(b"https://news.example/b") + 40  # inside the last response's headers
    truncated = tmp_path / "truncated.warc"
    truncated.write_bytes(data[:cut])
    not_warc = tmp_path / "notes.warc"
    not_warc.write_text("hello, this is not an archive\n")
    errors: list[SourceError] = []
    sources = [str(truncated), str(not_warc), str(tmp_path / "absent.warc.gz"), str(good)]
    items = list(iter_items(sources, errors=errors))
    # the truncated archive gives what came before the cut; the good one the rest
    assert [(Path(i.source.split("#")[0]).name, i.url) for i in items] == [
        ("truncated.warc", "https://news.example/a"),
        ("good.warc", "https://news.example/b"),
    ]
    assert [(Path(e.source).name, e.message[-6:]) for e in errors] == [
        ("notes.warc", "[E010]"),
        ("absent.warc.gz", "[E011]"),
    ]


def test_iter_warc_is_lazy(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, gzip=True)
    records = iter_warc(path)
    first = next(records)
    assert first.url == "https://news.example/a"
    records.close()  # closing early releases the file (warnings are errors: a leak would fail)
