"""Articles out of web archives (WARC files, gzipped or not).

Crawls (our own, Common Crawl, Heritrix, ``wget --warc-file``) store each fetched page as a
``response`` record. An article is a response whose HTTP status is 200 and whose content type is
HTML or text; requests, metadata, revisits, redirects, errors, images and scripts are skipped.
FastWARC's :class:`~fastwarc.warc.ArchiveIterator` reads the file as a stream (it detects gzip by
itself), so a WARC of any size is read one record at a time, and records we skip are never read
into memory.
"""

from __future__ import annotations

import logging
from collections.abc import Generator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from allegiance.errors import InputError, InputTooLargeError
from allegiance.ingest.files import DEFAULT_MAX_BYTES

logger = logging.getLogger(__name__)

#: The content types that can hold an article (``text/plain``: some archives of text dumps).
ARTICLE_MEDIA_TYPES = frozenset({"text/html", "application/xhtml+xml", "text/plain"})
WARC_SUFFIXES = (".warc", ".warc.gz")


@dataclass
class WarcArticle:
    """One article response of a WARC."""

    url: str
    record_id: str
    data: bytes  # the HTTP payload, transfer and content encodings undone
    content_type: str | None  # the HTTP Content-Type header, charset included
    fetched_at: datetime | None  # WARC-Date
    meta: dict[str, str] = field(default_factory=dict)


def is_warc_name(name: str) -> bool:
    return name.lower().endswith(WARC_SUFFIXES)


def _article_filter(record: WarcRecord) -> bool:
    """Cheap test, run before the payload is touched: status 200 and an article content type."""
    headers = record.http_headers
    if headers is None or headers.status_code != 200:
        return False
    media = (record.http_content_type or "").lower()
    return media in ARTICLE_MEDIA_TYPES


def iter_warc(
    path: str | Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    skipped: list[tuple[str, str]] | None = None,
) -> Generator[WarcArticle, None, None]:
    """The article responses of one WARC, in file order.

    A record over ``max_bytes`` is skipped (and noted in ``skipped`` as ``(record id, reason)``);
    a WARC that cannot be opened or is corrupt raises :class:`InputError`, after yielding the
    records before the fault.
    """
    name = str(path)
    try:
        stream = open(path, "rb")  # noqa: SIM115 - closed in the finally below
    except OSError as exc:
        raise InputError(f"cannot read the WARC: {exc.strerror or exc}", path=name) from exc
    try:
        records = ArchiveIterator(
            stream,
            record_types=WarcRecordType.response,
            parse_http=True,
            auto_decode="all",  # chunked transfer and gzip/br content encodings undone
            func_filter=_article_filter,
        )
        for record in records:
            record_id = (record.record_id or "?").strip("<>")
            url = (record.headers.get("WARC-Target-URI") or "").strip("<> ")
            if not url:
                continue
            data = record.reader.read(max_bytes + 1)
            if len(data) > max_bytes:
                reason = str(InputTooLargeError(f"record over {max_bytes:,} bytes", path=url))
                logger.info("%s#%s skipped: %s", name, record_id, reason)
                if skipped is not None:
                    skipped.append((record_id, reason))
                continue
            http = record.http_headers
            content_type = http.get("Content-Type") if http is not None else None
            date = record.record_date
            meta = {"url": url, "warc_record_id": record_id}
            warc_date = record.headers.get("WARC-Date")
            if warc_date:
                meta["warc_date"] = warc_date
            yield WarcArticle(
                url=url,
                record_id=record_id,
                data=data,
                content_type=content_type,
                fetched_at=date,
                meta=meta,
            )
    except OSError as exc:  # FastWARC reports corrupt or truncated archives as OSError
        raise InputError(f"cannot read the WARC: {exc}", path=name) from exc
    finally:
        stream.close()
