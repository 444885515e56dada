"""RSS, Atom and sitemaps, read as a stream of entries.

One reader covers the five XML forms that list articles: RSS 2.0 (``<rss>``), RSS 1.0
(``<rdf:RDF>``), Atom (``<feed>``), sitemaps (``<urlset>``, with the Google News extension) and
sitemap indexes (``<sitemapindex>``, whose entries are further sitemaps). The root element decides.

Sitemaps hold up to 50,000 URLs, so parsing is incremental (``iterparse``) and each entry is
removed from the tree once yielded: memory stays flat whatever the file size. Gzipped sitemaps
(``.xml.gz``) are decompressed on the fly.
"""

from __future__ import annotations

import email.utils
import gzip
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, cast
from urllib.parse import urljoin

from allegiance.errors import InputError

FEED_ROOTS = frozenset({"rss", "RDF", "feed", "urlset", "sitemapindex"})
FEED_MEDIA_TYPES = frozenset(
    {
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
        "application/x-gzip",
        "application/gzip",
    }
)

_CONTENT_NS = "http://purl.org/rss/1.0/modules/content/"
_DC_NS = "http://purl.org/dc/elements/1.1/"
_NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9"
_ENTRY_TAG = {
    "rss": "item",
    "RDF": "item",
    "feed": "entry",
    "urlset": "url",
    "sitemapindex": "sitemap",
}


@dataclass
class FeedEntry:
    """One item of a feed, one ``<url>`` of a sitemap, or one child sitemap of an index."""

    url: str | None
    meta: dict[str, str] = field(default_factory=dict)  # title, date, author, outlet
    content: str | None = None  # the entry's HTML (content:encoded, Atom content), if any
    is_sitemap: bool = False  # a child of a sitemap index: a sitemap to follow, not an article


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _ns(tag: str) -> str:
    return tag[1:].split("}", 1)[0] if tag.startswith("{") else ""


_ROOT_TAG = re.compile(
    rb"\A(?:\s|<\?[^>]*\?>|<!--.*?-->|<!DOCTYPE[^>\[]*(?:\[.*?\])?\s*>)*<([A-Za-z_][\w.:-]*)", re.S
)


def feed_root(head: bytes) -> str | None:
    """The feed kind the bytes start with (``rss``, ``RDF``, ``feed``, ``urlset``,
    ``sitemapindex``), or None for anything else (an HTML page, plain text). Gzip is looked into.
    """
    if head.startswith(b"\x1f\x8b"):
        try:
            head = gzip.GzipFile(fileobj=io.BytesIO(head)).read(4096)
        except (OSError, EOFError):
            return None
    head = head.lstrip(b"\xef\xbb\xbf")
    m = _ROOT_TAG.match(head[:8192])
    if not m:
        return None
    name = m.group(1).decode("ascii", "replace").rsplit(":", 1)[-1]
    return name if name in FEED_ROOTS else None


def _text(elem: ET.Element | None) -> str | None:
    if elem is None:
        return None
    text = "".join(elem.itertext()).strip()
    return text or None


def _child(elem: ET.Element, name: str, ns: str | None = None) -> ET.Element | None:
    for c in elem:
        if _local(c.tag) == name and (ns is None or _ns(c.tag) == ns):
            return c
    return None


def _rfc822_to_iso(value: str) -> str:
    """RSS dates are RFC 822 ("Tue, 05 Mar 2024 10:00:00 +0100"); ISO is easier downstream."""
    try:
        return email.utils.parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError):
        return value


def _atom_link(entry: ET.Element) -> str | None:
    fallback = None
    for c in entry:
        if _local(c.tag) != "link":
            continue
        rel = c.get("rel", "alternate")
        href = c.get("href")
        if href and rel == "alternate" and c.get("type", "text/html") in ("text/html", ""):
            return href
        if href and rel == "alternate" and fallback is None:
            fallback = href
    return fallback


def _rss_link(item: ET.Element) -> str | None:
    link = _text(_child(item, "link"))
    if link:
        return link
    guid = _child(item, "guid")
    value = _text(guid)
    if guid is not None and value and guid.get("isPermaLink", "true").lower() == "true":
        return value if value.startswith(("http://", "https://")) else None
    about = item.get("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
    return about or None


def _entry(root: str, elem: ET.Element, outlet: str | None) -> FeedEntry | None:
    meta: dict[str, str] = {}
    content: str | None = None
    if root in ("urlset", "sitemapindex"):
        loc = _text(_child(elem, "loc"))
        lastmod = _text(_child(elem, "lastmod"))
        if lastmod:
            meta["date"] = lastmod
        news = _child(elem, "news", _NEWS_NS)
        if news is not None:  # Google News sitemaps carry title, date and publication name
            title = _text(_child(news, "title", _NEWS_NS))
            date = _text(_child(news, "publication_date", _NEWS_NS))
            pub = _child(news, "publication", _NEWS_NS)
            name = _text(_child(pub, "name", _NEWS_NS)) if pub is not None else None
            meta.update(
                {k: v for k, v in (("title", title), ("date", date), ("outlet", name)) if v}
            )
        return FeedEntry(url=loc, meta=meta, is_sitemap=_local(elem.tag) == "sitemap")
    if root == "feed":
        url = _atom_link(elem)
        date = _text(_child(elem, "published")) or _text(_child(elem, "updated"))
        author_el = _child(elem, "author")
        author = _text(_child(author_el, "name")) if author_el is not None else None
        body = _child(elem, "content")
        if body is not None and body.get("type", "text") in ("html", "xhtml"):
            if body.get("type") == "xhtml":
                content = "".join(ET.tostring(c, encoding="unicode") for c in body)
            else:
                content = body.text
    else:  # RSS 2.0 and RSS 1.0
        url = _rss_link(elem)
        date = _text(_child(elem, "pubDate"))
        date = _rfc822_to_iso(date) if date else _text(_child(elem, "date", _DC_NS))
        author = _text(_child(elem, "creator", _DC_NS)) or _text(_child(elem, "author"))
        encoded = _child(elem, "encoded", _CONTENT_NS)
        content = encoded.text if encoded is not None else None
    title = _text(_child(elem, "title"))
    for key, value in (("title", title), ("date", date), ("author", author), ("outlet", outlet)):
        if value:
            meta[key] = value
    return FeedEntry(url=url, meta=meta, content=(content or "").strip() or None)


def iter_feed(
    source: str | Path | IO[bytes], *, base_url: str | None = None, name: str | None = None
) -> Iterator[FeedEntry]:
    """The entries of a feed or sitemap, streamed; relative links resolved against ``base_url``.

    ``source`` is a path or a binary stream (gzip is detected). Raises :class:`InputError` when
    the XML is malformed or is not one of the five forms (entries before the fault are yielded).
    """
    label = name or (str(source) if isinstance(source, str | Path) else "<feed>")
    with ExitStack() as stack:
        if isinstance(source, str | Path):
            try:
                raw: IO[bytes] = stack.enter_context(open(source, "rb"))
            except OSError as exc:
                msg = f"cannot read the file: {exc.strerror or exc}"
                raise InputError(msg, path=label) from exc
        else:
            raw = source
        head = raw.read(2)
        raw.seek(-len(head), io.SEEK_CUR)
        if head == b"\x1f\x8b":
            raw = stack.enter_context(gzip.GzipFile(fileobj=raw))  # type: ignore[arg-type]
        yield from _iter_stream(raw, base_url, label)


def _iter_stream(stream: IO[bytes], base_url: str | None, label: str) -> Iterator[FeedEntry]:
    root_kind: str | None = None
    outlet: str | None = None
    stack: list[ET.Element] = []
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start", "end"))
    try:
        while True:
            chunk = stream.read(65536)
            if not chunk:
                break
            if root_kind is None and b"<!ENTITY" in chunk:
                # entity declarations have no business in a feed; refusing them closes the door
                # on entity-expansion attacks whatever the expat version
                raise InputError("the feed declares XML entities; refused", path=label)
            parser.feed(chunk)
            for item in parser.read_events():
                event, elem = cast(tuple[str, ET.Element], item)  # only start/end asked for
                tag = _local(elem.tag)
                if event == "start":
                    if root_kind is None:
                        if tag not in FEED_ROOTS:
                            raise InputError(
                                f"not a feed or sitemap (root element <{tag}>)", path=label
                            )
                        root_kind = tag
                    stack.append(elem)
                    continue
                stack.pop()
                parent = stack[-1] if stack else None
                if (
                    tag == "title"
                    and parent is not None
                    and _local(parent.tag)
                    in (
                        "channel",
                        "feed",
                    )
                ):
                    outlet = _text(elem)
                elif root_kind and tag == _ENTRY_TAG[root_kind] and parent is not None:
                    entry = _entry(root_kind, elem, outlet)
                    parent.remove(elem)  # keep memory flat on 50,000-URL sitemaps
                    if entry is not None and entry.url:
                        entry.url = urljoin(base_url, entry.url.strip()) if base_url else entry.url
                        yield entry
        parser.close()
    except ET.ParseError as exc:
        raise InputError(f"malformed XML: {exc}", path=label) from exc
    except (OSError, EOFError) as exc:  # a truncated or corrupt gzip
        raise InputError(f"cannot read the feed: {exc}", path=label) from exc
    if root_kind is None:
        raise InputError("not a feed or sitemap (no XML element)", path=label)
