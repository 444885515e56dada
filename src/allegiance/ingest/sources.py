"""Where articles come from: one stream of raw articles out of any mix of sources.

``allegiance ingest SOURCE...`` accepts, in any mix:

* an article file (HTML, ``.txt``, ``.md``) or a folder of them (recursively; when a folder holds
  ``x.html`` and ``x.txt`` of one article, the HTML is the original and the text its companion,
  so only the HTML is read);
* an RSS/Atom feed or a sitemap (a local ``.xml``/``.rss``/``.atom``/``.xml.gz`` file or an
  http(s) URL): entries' links are fetched, sitemap indexes followed;
* a list of URLs (a ``.txt``/``.lst``/``.urls`` file whose non-empty lines are all URLs, ``#``
  starting a comment line);
* a WARC file (``.warc``, ``.warc.gz``): its HTML/text responses with status 200;
* a single http(s) URL: an article, or a feed/sitemap (recognised by its root element).

Everything is a generator, so a corpus or a WARC of any size streams through one article at a
time. A URL is yielded once per run, whichever source named it first. A source that fails
(missing, malformed, HTTP error, refused by robots.txt) becomes a :class:`SourceError` and the
batch goes on: one dead link must not cost a night's ingest.
"""

from __future__ import annotations

import html
import io
import logging
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import httpx

from allegiance.errors import AllegianceError, InputError, InputTooLargeError, MissingInputError
from allegiance.ingest.feeds import FeedEntry, feed_root, iter_feed
from allegiance.ingest.files import (
    DEFAULT_MAX_BYTES,
    HTML_SUFFIXES,
    TEXT_SUFFIXES,
    RawDocument,
    iter_articles,
    read_bytes,
)
from allegiance.ingest.http import HttpClient, HttpResponse
from allegiance.ingest.warc import ARTICLE_MEDIA_TYPES, is_warc_name, iter_warc

logger = logging.getLogger(__name__)

FEED_SUFFIXES = (".xml", ".rss", ".atom", ".rdf", ".xml.gz")
URL_LIST_SUFFIXES = frozenset({".txt", ".lst", ".urls"})
MAX_SITEMAP_DEPTH = 3  # index -> sitemap is the norm; nested indexes exist; loops must end
SITEMAP_MAX_BYTES = 50 * 1024 * 1024  # the sitemap protocol's own limit, above an article's
DEFAULT_FEED_CONTENT_MIN_CHARS = 2000  # shorter content:encoded is a teaser: fetch the page
#: Failures that cost one source, never the batch (bugs in our code still surface).
_RECOVERABLE = (AllegianceError, OSError, httpx.HTTPError, httpx.InvalidURL, ValueError)


@dataclass
class SourceItem:
    """One raw article, before decoding: what :func:`to_raw_document` turns into a RawDocument."""

    source: str  # where it came from: a path, a URL, "crawl.warc.gz#urn:uuid:..."
    url: str | None
    data: bytes
    content_type: str | None  # e.g. "text/html; charset=utf-8"
    fetched_at: datetime | None
    meta: dict[str, str] = field(default_factory=dict)  # title, date, outlet, author, warc_date


@dataclass(frozen=True)
class SourceError:
    """A source (or one entry of it) that yielded nothing: reported, then skipped."""

    source: str
    message: str

    def __str__(self) -> str:
        return f"{self.source}: {self.message}"


# --- recognising sources -------------------------------------------------------------------------


def is_url(text: str) -> bool:
    parts = urlsplit(text.strip())
    return parts.scheme in ("http", "https") and bool(parts.netloc) and " " not in text.strip()


def normalize_url(url: str) -> str:
    """The dedup key of a URL: scheme and host lower-cased, default port and fragment dropped."""
    parts = urlsplit(url.strip())
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").lower()
    port = parts.port
    netloc = (
        host
        if port is None or (scheme, port) in (("http", 80), ("https", 443))
        else (f"{host}:{port}")
    )
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def _url_lines(path: Path) -> Iterator[tuple[int, str]]:
    """``(line number, text)`` of the non-empty, non-comment lines, read lazily."""
    with open(path, encoding="utf-8", errors="replace") as f:
        for n, line in enumerate(f, 1):
            text = line.strip()
            if text and not text.startswith("#"):
                yield n, text


def is_url_list(path: str | Path) -> bool:
    """A text file whose non-empty, non-comment lines are all http(s) URLs (at least one)."""
    found = False
    try:
        for _n, text in _url_lines(Path(path)):
            if not is_url(text):
                return False  # an article's first sentence ends the scan at once
            found = True
    except OSError:
        return False
    return found


def _sniff(path: Path) -> str:
    """What an unknown-suffix file holds: ``warc``, ``feed`` or ``file``."""
    try:
        with open(path, "rb") as f:
            head = f.read(8192)
    except OSError:
        return "file"
    if head.startswith(b"WARC/"):
        return "warc"
    if head.startswith(b"\x1f\x8b"):
        import gzip

        try:
            if gzip.GzipFile(fileobj=io.BytesIO(head)).read(5) == b"WARC/":
                return "warc"
        except (OSError, EOFError):
            pass
    return "feed" if feed_root(head) else "file"


def classify(source: str) -> str:
    """``url``, ``folder``, ``warc``, ``feed``, ``url-list``, ``file`` or ``missing``."""
    if is_url(source):
        return "url"
    path = Path(source)
    if not path.exists():
        return "missing"
    if path.is_dir():
        return "folder"
    name = path.name.lower()
    if is_warc_name(name):
        return "warc"
    if name.endswith(FEED_SUFFIXES):
        return "feed"
    suffix = path.suffix.lower()
    if suffix in (".lst", ".urls") or (suffix == ".txt" and is_url_list(path)):
        return "url-list"
    if suffix in TEXT_SUFFIXES or suffix in HTML_SUFFIXES:
        return "file"
    return _sniff(path)


def _media_type(content_type: str | None) -> str | None:
    if not content_type:
        return None
    return content_type.split(";", 1)[0].strip().lower() or None


def _content_type_for(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "text/html"
    return "text/markdown" if suffix in (".md", ".markdown") else "text/plain"


_TAG = re.compile(r"<[^>]+>")


def _feed_content_item(entry: FeedEntry, label: str) -> SourceItem:
    """A feed entry's own HTML, wrapped as a page so the HTML extractor reads it like any other."""
    title = html.escape(entry.meta.get("title", ""))
    page = (
        '<!DOCTYPE html><html><head><meta charset="utf-8">'
        f"<title>{title}</title></head><body><article>{entry.content}</article></body></html>"
    )
    meta = {**entry.meta, "text_origin": "feed"}
    if entry.url:
        meta["url"] = entry.url
    return SourceItem(
        source=f"{label}#{entry.url}" if entry.url else label,
        url=entry.url,
        data=page.encode("utf-8"),
        content_type="text/html; charset=utf-8",
        fetched_at=None,
        meta=meta,
    )


# --- the run ----------------------------------------------------------------------------------


class _Run:
    """The state of one ``iter_items`` call: the URLs seen, the errors, a lazily made client."""

    def __init__(
        self,
        client: HttpClient | None,
        errors: list[SourceError] | None,
        max_bytes: int,
        feed_content_min_chars: int | None,
    ) -> None:
        self._client = client
        self._owns_client = False
        self.errors = errors
        self.max_bytes = max_bytes
        self.feed_content_min_chars = feed_content_min_chars
        self.seen: set[str] = set()

    @property
    def client(self) -> HttpClient:
        if self._client is None:
            self._client = HttpClient(max_bytes=self.max_bytes)
            self._owns_client = True
        return self._client

    def close(self) -> None:
        if self._owns_client and self._client is not None:
            self._client.close()

    def fail(self, source: str, exc: BaseException | str) -> None:
        if isinstance(exc, AllegianceError):
            message = f"{exc.message} [{exc.code}]" if exc.path in (None, source) else str(exc)
        else:
            message = str(exc) or type(exc).__name__
        error = SourceError(source, message)
        if self.errors is not None:
            self.errors.append(error)
        else:
            logger.warning("skipped %s", error)

    def first_time(self, key: str) -> bool:
        if key in self.seen:
            return False
        self.seen.add(key)
        return True

    # --- dispatch -----------------------------------------------------------------------------

    def expand(self, source: str) -> Iterator[SourceItem]:
        try:
            kind = classify(source)
            if kind == "missing":
                raise MissingInputError("no such file or folder", path=source)
            if kind == "url":
                yield from self.url(source, meta={})
            elif kind == "folder":
                yield from self.folder(Path(source))
            elif kind == "warc":
                yield from self.warc(Path(source))
            elif kind == "feed":
                yield from self.feed_file(Path(source))
            elif kind == "url-list":
                yield from self.url_list(Path(source))
            else:
                yield from self.file(Path(source))
        except _RECOVERABLE as exc:
            self.fail(source, exc)

    # --- local files --------------------------------------------------------------------------

    def file(self, path: Path) -> Iterator[SourceItem]:
        if not self.first_time("file:" + str(path.resolve())):
            return
        size = path.stat().st_size
        if size > self.max_bytes:
            raise InputTooLargeError(f"{size:,} bytes, over the limit of {self.max_bytes:,}")
        yield SourceItem(
            source=str(path),
            url=None,
            data=path.read_bytes(),
            content_type=_content_type_for(path),
            fetched_at=None,
            meta={},
        )

    def folder(self, root: Path) -> Iterator[SourceItem]:
        for path in iter_articles(root):  # the .txt companion of x.html is skipped
            suffix = path.suffix.lower()
            try:
                if suffix == ".txt" and is_url_list(path):
                    yield from self.url_list(path)
                else:
                    yield from self.file(path)
            except _RECOVERABLE as exc:
                self.fail(str(path), exc)

    def warc(self, path: Path) -> Iterator[SourceItem]:
        skipped: list[tuple[str, str]] = []
        try:
            for record in iter_warc(path, max_bytes=self.max_bytes, skipped=skipped):
                if not self.first_time(normalize_url(record.url)):
                    continue
                yield SourceItem(
                    source=f"{path}#{record.record_id}",
                    url=record.url,
                    data=record.data,
                    content_type=record.content_type,
                    fetched_at=record.fetched_at,
                    meta=record.meta,
                )
        finally:
            for record_id, reason in skipped:
                self.fail(f"{path}#{record_id}", reason)

    def url_list(self, path: Path) -> Iterator[SourceItem]:
        for n, text in _url_lines(path):
            if not is_url(text):
                self.fail(f"{path}:{n}", "not an http(s) URL")
                continue
            try:
                yield from self.url(text, meta={})
            except _RECOVERABLE as exc:
                self.fail(text, exc)

    # --- feeds and sitemaps -------------------------------------------------------------------

    def feed_file(self, path: Path) -> Iterator[SourceItem]:
        yield from self.feed_entries(iter_feed(path), str(path), depth=0)

    def feed_entries(
        self, entries: Iterator[FeedEntry], label: str, depth: int
    ) -> Iterator[SourceItem]:
        for entry in entries:
            assert entry.url is not None  # iter_feed yields only entries with a link
            try:
                if entry.is_sitemap:
                    yield from self.sitemap(entry.url, depth + 1)
                else:
                    yield from self.feed_entry(entry, label)
            except _RECOVERABLE as exc:
                self.fail(entry.url, exc)

    def sitemap(self, url: str, depth: int) -> Iterator[SourceItem]:
        if depth > MAX_SITEMAP_DEPTH:
            raise InputError(f"sitemaps nested deeper than {MAX_SITEMAP_DEPTH}", path=url)
        if not self.first_time(normalize_url(url)):
            return
        response = self.client.get(url, max_bytes=max(SITEMAP_MAX_BYTES, self.max_bytes))
        yield from self.feed_response(response, depth)

    def feed_response(self, response: HttpResponse, depth: int) -> Iterator[SourceItem]:
        entries = iter_feed(io.BytesIO(response.data), base_url=response.url, name=response.url)
        yield from self.feed_entries(entries, response.url, depth)

    def feed_entry(self, entry: FeedEntry, label: str) -> Iterator[SourceItem]:
        assert entry.url is not None
        content = entry.content
        minimum = self.feed_content_min_chars
        if (
            content
            and minimum is not None
            and len(_TAG.sub("", content).strip()) >= minimum
            and is_url(entry.url)
        ):
            if self.first_time(normalize_url(entry.url)):
                yield _feed_content_item(entry, label)
            return
        try:
            yield from self.url(entry.url, meta=entry.meta, article_only=True)
        except _RECOVERABLE as exc:
            if not content:
                raise
            # the page is out of reach (404, robots, network) but the feed gave us its text
            logger.info("%s: %s; using the feed's own content", entry.url, exc)
            yield _feed_content_item(entry, label)

    # --- URLs ---------------------------------------------------------------------------------

    def url(
        self, url: str, *, meta: dict[str, str], article_only: bool = False
    ) -> Iterator[SourceItem]:
        if not is_url(url):
            raise InputError("not an http(s) URL", path=url)
        if not self.first_time(normalize_url(url)):
            return
        response = self.client.get(url)
        final = normalize_url(response.url)
        if final != normalize_url(url) and not self.first_time(final):
            return  # redirected to a page this run already has
        media = _media_type(response.content_type)
        if feed_root(response.data[:8192]):
            if article_only:
                raise InputError("a feed or sitemap where an article was expected", path=url)
            yield from self.feed_response(response, depth=0)
            return
        if media is not None and media not in ARTICLE_MEDIA_TYPES and media != "text/markdown":
            raise InputError(f"not an article (content type {media})", path=url)
        item_meta = {**meta, "url": response.url}
        yield SourceItem(
            source=url,
            url=response.url,
            data=response.data,
            content_type=response.content_type,
            fetched_at=response.fetched_at,
            meta=item_meta,
        )


def iter_items(
    sources: Sequence[str],
    *,
    client: HttpClient | None = None,
    errors: list[SourceError] | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    feed_content_min_chars: int | None = DEFAULT_FEED_CONTENT_MIN_CHARS,
) -> Iterator[SourceItem]:
    """Every article the ``sources`` lead to, streamed, each URL once.

    ``client`` fetches http(s) resources (one with default politeness is made, and closed, when
    needed and not given). Failures go to ``errors`` as :class:`SourceError` (logged as warnings
    when ``errors`` is None). A feed entry whose own content (``content:encoded``, Atom
    ``content``) has at least ``feed_content_min_chars`` characters of text is used as is instead
    of fetching its link (None: always fetch); the content is also the fallback when the link
    cannot be fetched.
    """
    run = _Run(client, errors, max_bytes, feed_content_min_chars)
    try:
        for source in sources:
            yield from run.expand(source)
    finally:
        run.close()


def to_raw_document(item: SourceItem, *, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDocument:
    """Decode an item (:func:`allegiance.ingest.files.read_bytes`'s checks apply) and carry its
    metadata over; the document's own front matter wins over what a feed or archive said."""
    doc = read_bytes(item.data, name=item.source, max_bytes=max_bytes)
    if _media_type(item.content_type) in ("text/html", "application/xhtml+xml"):
        doc.is_html = True  # the server said so, even when the page is too bare to sniff
    merged = {k: v for k, v in item.meta.items() if v}
    if item.url:
        merged.setdefault("url", item.url)
    merged.update({k: v for k, v in doc.meta.items() if v})
    doc.meta = merged
    return doc
