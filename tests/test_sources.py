"""One stream of raw articles from folders, feeds, sitemaps, URL lists and URLs.

HTTP goes to httpx.MockTransport (a dict of fake pages) with a fake clock, except one test that
serves an Atom feed and two articles from a real HTTP server on 127.0.0.1.
"""

from __future__ import annotations

import gzip
import http.server
import random
import threading
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from allegiance.ingest.feeds import feed_root, iter_feed
from allegiance.ingest.http import HttpClient
from allegiance.ingest.sources import (
    SourceError,
    SourceItem,
    classify,
    is_url_list,
    iter_items,
    normalize_url,
    to_raw_document,
)

HTML = "text/html; charset=utf-8"
SITE = "https://news.example"


def page(title: str) -> bytes:
    return f"<html><head><title>{title}</title></head><body><p>{title}.</p></body></html>".encode()


ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Le Quotidien</title>
  <link rel="self" href="{SITE}/feed.atom"/>
  <entry>
    <title>Le maire réélu</title>
    <link rel="alternate" type="text/html" href="{SITE}/a"/>
    <published>2024-03-05T10:00:00+01:00</published>
    <author><name>Jeanne Martin</name></author>
  </entry>
  <entry>
    <title>Second</title>
    <link href="/b"/>
    <updated>2024-03-06T08:00:00Z</updated>
  </entry>
</feed>
"""


def rss(items: str) -> str:
    return f"""<?xml version="1.0"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
     xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>The Daily</title><link>{SITE}/</link>
<image><url>{SITE}/logo.png</url><title>logo</title></image>
{items}
</channel></rss>"""


class FakeWeb:
    """Pages by URL for MockTransport; anything else is a 404. Records the URLs requested."""

    def __init__(self, pages: dict[str, tuple[int, str, bytes]]) -> None:
        self.pages = pages
        self.requested: list[str] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        url = str(request.url)
        self.requested.append(url)
        if request.url.path == "/robots.txt" and url not in self.pages:
            return httpx.Response(404)
        status, ctype, body = self.pages.get(url, (404, "text/plain", b"not found"))
        return httpx.Response(status, headers={"Content-Type": ctype}, content=body)

    def client(self) -> HttpClient:
        return HttpClient(
            transport=httpx.MockTransport(self),
            min_interval=0.0,
            clock=lambda: 0.0,
            sleep=lambda s: None,
            rng=random.Random(1),
        )

    def pages_fetched(self) -> list[str]:
        return [u for u in self.requested if not u.endswith("/robots.txt")]


def run(
    sources: list[str], web: FakeWeb | None = None, **kw: object
) -> tuple[list[SourceItem], list[SourceError]]:
    errors: list[SourceError] = []
    client = (web or FakeWeb({})).client()
    with client:
        items = list(iter_items(sources, client=client, errors=errors, **kw))  # type: ignore[arg-type]
    return items, errors


# --- files and folders -------------------------------------------------------------------------


def test_folder_prefers_html_over_its_txt_companion(tmp_path: Path) -> None:
    (tmp_path / "x.html").write_bytes(page("X"))
    (tmp_path / "x.txt").write_text("# title: X\n\nX as text.\n")
    (tmp_path / "y.txt").write_text("Only a text version.\n")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "z.md").write_text("# Z\n\nMarkdown article.\n")
    (tmp_path / "sub" / "x.txt").write_text("Another x, in another folder.\n")
    (tmp_path / ".hidden.txt").write_text("skip me\n")
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    items, errors = run([str(tmp_path)])
    names = [Path(i.source).relative_to(tmp_path).as_posix() for i in items]
    assert names == ["sub/x.txt", "sub/z.md", "x.html", "y.txt"]
    assert [i.content_type for i in items] == [
        "text/plain",
        "text/markdown",
        "text/html",
        "text/plain",
    ]
    assert items[2].data == page("X") and items[2].url is None and errors == []


def test_single_file_and_missing_source(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Un article.\n")
    items, errors = run([str(tmp_path / "nope.txt"), str(tmp_path / "a.txt")])
    assert [Path(i.source).name for i in items] == ["a.txt"]
    assert errors == [SourceError(str(tmp_path / "nope.txt"), "no such file or folder [E011]")]


def test_the_same_file_twice_is_yielded_once(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Un article.\n")
    items, _ = run([str(tmp_path), str(tmp_path / "a.txt")])
    assert len(items) == 1


def test_oversized_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("word " * 1000)
    (tmp_path / "small.txt").write_text("small\n")
    items, errors = run([str(tmp_path)], max_bytes=1000)
    assert [Path(i.source).name for i in items] == ["small.txt"]
    assert len(errors) == 1 and errors[0].source.endswith("big.txt")
    assert "[E015]" in errors[0].message


# --- URL lists ------------------------------------------------------------------------------------


def test_url_list_detection(tmp_path: Path) -> None:
    urls = tmp_path / "urls.txt"
    urls.write_text(f"# my reading list\n\n{SITE}/a\n  {SITE}/b  \n")
    article = tmp_path / "article.txt"
    article.write_text(f"Le maire a parlé.\n{SITE}/a\n")
    assert is_url_list(urls) and classify(str(urls)) == "url-list"
    assert not is_url_list(article) and classify(str(article)) == "file"
    only_comments = tmp_path / "empty.txt"
    only_comments.write_text("# nothing yet\n")
    assert not is_url_list(only_comments)


def test_url_list_fetches_each_url_and_reports_bad_lines(tmp_path: Path) -> None:
    web = FakeWeb({f"{SITE}/a": (200, HTML, page("A")), f"{SITE}/b": (200, HTML, page("B"))})
    lst = tmp_path / "batch.lst"
    lst.write_text(f"{SITE}/a\nnot a url\n{SITE}/missing\n{SITE}/b\n")
    items, errors = run([str(lst)], web)
    assert [i.url for i in items] == [f"{SITE}/a", f"{SITE}/b"]
    assert items[0].data == page("A") and items[0].fetched_at is not None
    assert items[0].source == f"{SITE}/a" and items[0].content_type == HTML
    assert [(e.source, e.message) for e in errors] == [
        (f"{lst}:2", "not an http(s) URL"),
        (f"{SITE}/missing", "HTTP 404 [E011]"),
    ]


def test_url_list_inside_a_folder_is_expanded(tmp_path: Path) -> None:
    web = FakeWeb({f"{SITE}/a": (200, HTML, page("A"))})
    (tmp_path / "links.txt").write_text(f"{SITE}/a\n")
    (tmp_path / "note.txt").write_text("A real article.\n")
    items, _ = run([str(tmp_path)], web)
    assert [i.url or Path(i.source).name for i in items] == [f"{SITE}/a", "note.txt"]


# --- feeds ----------------------------------------------------------------------------------------


def test_local_atom_feed_links_fetched_with_entry_meta(tmp_path: Path) -> None:
    web = FakeWeb({f"{SITE}/a": (200, HTML, page("A")), f"{SITE}/b": (200, HTML, page("B"))})
    feed = tmp_path / "feed.atom"
    feed.write_text(ATOM.replace(f"{SITE}/feed.atom", "x"), encoding="utf-8")
    items, errors = run([str(feed)], web)
    assert errors == [SourceError("/b", "not an http(s) URL [E010]")]  # relative, no base URL
    assert [i.url for i in items] == [f"{SITE}/a"]
    assert items[0].meta == {
        "title": "Le maire réélu",
        "date": "2024-03-05T10:00:00+01:00",
        "author": "Jeanne Martin",
        "outlet": "Le Quotidien",
        "url": f"{SITE}/a",
    }


def test_feed_url_relative_links_and_lazy_streaming() -> None:
    web = FakeWeb(
        {
            f"{SITE}/feed.atom": (200, "application/atom+xml", ATOM.encode()),
            f"{SITE}/a": (200, HTML, page("A")),
            f"{SITE}/b": (200, HTML, page("B")),
        }
    )
    with web.client() as client:
        stream = iter_items([f"{SITE}/feed.atom"], client=client)
        first = next(stream)
        assert first.url == f"{SITE}/a"
        assert web.pages_fetched() == [f"{SITE}/feed.atom", f"{SITE}/a"]  # /b not yet
        rest = list(stream)
    assert [i.url for i in rest] == [f"{SITE}/b"]
    assert (
        rest[0].meta["outlet"] == "Le Quotidien" and rest[0].meta["date"] == "2024-03-06T08:00:00Z"
    )


FULL = "<p>" + "Un long article complet. " * 100 + "</p>"


def test_rss_full_content_used_short_content_fetched() -> None:
    items_xml = f"""
<item><title>Full</title><link>{SITE}/full</link><pubDate>Tue, 05 Mar 2024 10:00:00 +0100</pubDate>
  <dc:creator>J. M.</dc:creator><content:encoded><![CDATA[{FULL}]]></content:encoded></item>
<item><title>Teaser</title><link>{SITE}/teaser</link>
  <content:encoded><![CDATA[<p>Read more...</p>]]></content:encoded></item>
<item><title>Gone</title><guid>{SITE}/gone</guid>
  <content:encoded><![CDATA[<p>Only the feed has it.</p>]]></content:encoded></item>
"""
    web = FakeWeb(
        {
            f"{SITE}/rss": (200, "application/rss+xml", rss(items_xml).encode()),
            f"{SITE}/teaser": (200, HTML, page("Teaser")),
        }
    )
    items, errors = run([f"{SITE}/rss"], web)
    assert [i.url for i in items] == [f"{SITE}/full", f"{SITE}/teaser", f"{SITE}/gone"]
    full, teaser, gone = items
    assert f"{SITE}/full" not in web.requested  # its content was enough
    assert full.meta["text_origin"] == "feed" and full.meta["author"] == "J. M."
    assert full.meta["date"] == "2024-03-05T10:00:00+01:00" and full.meta["outlet"] == "The Daily"
    assert b"Un long article complet." in full.data and full.content_type == HTML
    assert teaser.data == page("Teaser") and "text_origin" not in teaser.meta
    assert b"Only the feed has it." in gone.data and gone.meta["text_origin"] == "feed"
    assert errors == []  # the 404 of /gone was recovered from the feed's content
    web.requested.clear()
    items, _ = run([f"{SITE}/rss"], web, feed_content_min_chars=None)  # None: always fetch
    assert f"{SITE}/full" in web.requested  # a 404 there, so the feed's content stands in
    assert [i.meta.get("text_origin") for i in items] == ["feed", None, "feed"]


def test_bad_feed_xml_is_an_error_not_fatal(tmp_path: Path) -> None:
    bad = tmp_path / "broken.xml"
    bad.write_text("<rss><channel><item><title>oops</channel></rss>")
    html_named_xml = tmp_path / "page.xml"
    html_named_xml.write_text("<html><body>hi</body></html>")
    good = tmp_path / "ok.txt"
    good.write_text("An article.\n")
    items, errors = run([str(bad), str(html_named_xml), str(good)])
    assert [Path(i.source).name for i in items] == ["ok.txt"]
    assert [Path(e.source).name for e in errors] == ["broken.xml", "page.xml"]
    assert "malformed XML" in errors[0].message and "root element <html>" in errors[1].message


def test_entity_declarations_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaa">]><rss>&a;</rss>')
    items, errors = run([str(bomb)])
    assert items == [] and "entities" in errors[0].message


# --- sitemaps -------------------------------------------------------------------------------------

SITEMAP_INDEX = f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <sitemap><loc>{SITE}/sitemap-1.xml</loc></sitemap>
  <sitemap><loc>{SITE}/sitemap-news.xml.gz</loc></sitemap>
  <sitemap><loc>{SITE}/sitemap.xml</loc></sitemap>
</sitemapindex>"""
SITEMAP_1 = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
  <url><loc>{SITE}/a</loc><lastmod>2024-03-05</lastmod></url>
  <url><loc>{SITE}/b</loc></url>
</urlset>"""
SITEMAP_NEWS = f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>{SITE}/c</loc>
    <news:news><news:publication><news:name>Le Quotidien</news:name></news:publication>
      <news:publication_date>2024-03-07T09:00:00+01:00</news:publication_date>
      <news:title>Troisième article</news:title></news:news></url>
  <url><loc>{SITE}/a</loc></url>
</urlset>"""


def test_sitemap_index_followed_gzip_and_loops_handled() -> None:
    web = FakeWeb(
        {
            f"{SITE}/sitemap.xml": (200, "application/xml", SITEMAP_INDEX.encode()),
            f"{SITE}/sitemap-1.xml": (200, "application/xml", SITEMAP_1.encode()),
            f"{SITE}/sitemap-news.xml.gz": (
                200,
                "application/x-gzip",
                gzip.compress(SITEMAP_NEWS.encode()),
            ),
            f"{SITE}/a": (200, HTML, page("A")),
            f"{SITE}/b": (200, HTML, page("B")),
            f"{SITE}/c": (200, HTML, page("C")),
        }
    )
    items, errors = run([f"{SITE}/sitemap.xml"], web)
    assert [i.url for i in items] == [f"{SITE}/a", f"{SITE}/b", f"{SITE}/c"]  # /a once
    assert items[0].meta["date"] == "2024-03-05"
    assert items[2].meta == {
        "title": "Troisième article",
        "date": "2024-03-07T09:00:00+01:00",
        "outlet": "Le Quotidien",
        "url": f"{SITE}/c",
    }
    assert errors == []
    assert web.pages_fetched().count(f"{SITE}/sitemap.xml") == 1  # the self-reference not refetched


def test_local_gzipped_sitemap(tmp_path: Path) -> None:
    path = tmp_path / "sitemap.xml.gz"
    path.write_bytes(gzip.compress(SITEMAP_1.encode()))
    assert classify(str(path)) == "feed"
    entries = list(iter_feed(path))
    assert [e.url for e in entries] == [f"{SITE}/a", f"{SITE}/b"]


def test_feed_root_sniffing() -> None:
    assert feed_root(ATOM.encode()) == "feed"
    assert feed_root(rss("").encode()) == "rss"
    assert feed_root(SITEMAP_INDEX.encode()) == "sitemapindex"
    assert feed_root(gzip.compress(SITEMAP_1.encode())) == "urlset"
    rdf = b'<?xml version="1.0"?>\n<!-- c --><rdf:RDF xmlns:rdf="x"><item/></rdf:RDF>'
    assert feed_root(rdf) == "RDF"
    assert feed_root(b'<?xml version="1.0"?><!DOCTYPE html><html></html>') is None
    assert feed_root(b"Just text.") is None


# --- URLs, dedup, errors --------------------------------------------------------------------------


def test_same_url_from_feed_and_list_yielded_once(tmp_path: Path) -> None:
    web = FakeWeb(
        {
            f"{SITE}/feed.atom": (200, "application/atom+xml", ATOM.encode()),
            f"{SITE}/a": (200, HTML, page("A")),
            f"{SITE}/b": (200, HTML, page("B")),
            f"{SITE}/c": (200, HTML, page("C")),
        }
    )
    lst = tmp_path / "urls.txt"
    lst.write_text(f"HTTPS://NEWS.EXAMPLE/a#comments\n{SITE}:443/b\n{SITE}/c\n")
    items, errors = run([f"{SITE}/feed.atom", str(lst), f"{SITE}/a"], web)
    assert [i.url for i in items] == [f"{SITE}/a", f"{SITE}/b", f"{SITE}/c"]
    assert web.pages_fetched().count(f"{SITE}/a") == 1 and errors == []


def test_normalize_url() -> None:
    assert normalize_url("HTTPS://News.Example:443/a?x=1#top") == "https://news.example/a?x=1"
    assert normalize_url("http://news.example") == "http://news.example/"
    assert normalize_url("http://news.example:8080/a") == "http://news.example:8080/a"


def test_redirect_to_a_seen_url_is_not_yielded_twice() -> None:
    web = FakeWeb({f"{SITE}/a": (200, HTML, page("A"))})
    web.pages[f"{SITE}/short"] = (301, "text/plain", b"")

    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/short":
            web.requested.append(str(request.url))
            return httpx.Response(301, headers={"Location": f"{SITE}/a"})
        return web(request)

    errors: list[SourceError] = []
    client = HttpClient(transport=httpx.MockTransport(answer), min_interval=0, sleep=lambda s: None)
    with client:
        items = list(iter_items([f"{SITE}/a", f"{SITE}/short"], client=client, errors=errors))
    assert [i.url for i in items] == [f"{SITE}/a"] and errors == []


def test_robots_refusal_404_and_non_article_are_errors() -> None:
    web = FakeWeb(
        {
            f"{SITE}/robots.txt": (200, "text/plain", b"User-agent: *\nDisallow: /private\n"),
            f"{SITE}/private/x": (200, HTML, page("secret")),
            f"{SITE}/doc.pdf": (200, "application/pdf", b"%PDF-1.4"),
            f"{SITE}/ok": (200, HTML, page("ok")),
        }
    )
    sources = [f"{SITE}/private/x", f"{SITE}/nothing", f"{SITE}/doc.pdf", f"{SITE}/ok"]
    items, errors = run(sources, web)
    assert [i.url for i in items] == [f"{SITE}/ok"]
    assert [e.message for e in errors] == [
        "disallowed by the site's robots.txt [E010]",
        "HTTP 404 [E011]",
        "not an article (content type application/pdf) [E010]",
    ]
    assert f"{SITE}/private/x" not in web.requested


def test_errors_logged_when_no_list_is_given(caplog: pytest.LogCaptureFixture) -> None:
    with FakeWeb({}).client() as client:
        assert list(iter_items([f"{SITE}/nothing"], client=client)) == []
    assert "HTTP 404" in caplog.text


def test_to_raw_document_carries_the_metadata() -> None:
    item = SourceItem(
        source=f"{SITE}/a",
        url=f"{SITE}/a",
        data=b"<p>Bare</p>",  # too bare to be sniffed as HTML: the content type decides
        content_type=HTML,
        fetched_at=None,
        meta={"title": "From the feed", "outlet": "Le Quotidien"},
    )
    doc = to_raw_document(item)
    assert doc.is_html and doc.text == "<p>Bare</p>"
    assert doc.meta == {"title": "From the feed", "outlet": "Le Quotidien", "url": f"{SITE}/a"}
    text = SourceItem("a.txt", None, b"---\ntitle: Own\n---\nBody.\n", "text/plain", None, {})
    text.meta["title"] = "Other"
    assert to_raw_document(text).meta["title"] == "Own"  # the file's own front matter wins


# --- a real HTTP server on 127.0.0.1 --------------------------------------------------------------


@pytest.fixture()
def local_site() -> Iterator[tuple[str, list[str]]]:
    requested: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - the http.server API
            requested.append(self.path)
            base = f"http://{self.headers['Host']}"  # 127.0.0.1:<the port picked>
            pages = {
                "/robots.txt": ("text/plain", b"User-agent: *\nDisallow: /admin\n"),
                "/feed.atom": ("application/atom+xml", ATOM.replace(SITE, base).encode()),
                "/a": (HTML, page("Article A")),
                "/b": (HTML, page("Article B")),
            }
            if self.path not in pages:
                self.send_error(404)
                return
            ctype, body = pages[self.path]
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", requested
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_real_local_server_feed_and_articles(local_site: tuple[str, list[str]]) -> None:
    base, requested = local_site
    errors: list[SourceError] = []
    with HttpClient(min_interval=0, connect_timeout=5, read_timeout=5) as client:
        items = list(iter_items([f"{base}/feed.atom"], client=client, errors=errors))
    assert errors == []
    assert [i.url for i in items] == [f"{base}/a", f"{base}/b"]
    assert [i.data for i in items] == [page("Article A"), page("Article B")]
    assert items[0].meta["title"] == "Le maire réélu" and items[0].content_type == HTML
    assert requested == ["/robots.txt", "/feed.atom", "/a", "/b"]
