"""A polite HTTP client for fetching articles, feeds and sitemaps.

News sites are third-party servers we owe courtesy to, and they are flaky, so every request goes
through :class:`HttpClient`, which:

* sends an identifying User-Agent (configurable) and honours ``robots.txt`` (fetched once per host
  and cached; a robots file that cannot be fetched means "allowed", except 401/403, which mean
  "disallowed", the convention crawlers follow);
* waits a minimum interval between two requests to one host (1 s by default, longer when the
  site's ``Crawl-delay`` asks for it, up to a cap);
* retries connection errors, 5xx and 429 with exponential back-off plus jitter, and honours
  ``Retry-After`` (giving up rather than sleeping for hours when it asks too much);
* streams the body and stops past a size limit, so a huge or endless response cannot fill memory;
* follows redirects itself, so each hop is rate-limited and checked against its host's robots.

The transport, the clock, the sleep function and the random source are injectable: tests use
``httpx.MockTransport`` and a fake clock, and never sleep or touch the network.
"""

from __future__ import annotations

import email.utils
import logging
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import TracebackType
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from allegiance import __version__
from allegiance.errors import InputError, InputTooLargeError, MissingInputError
from allegiance.ingest.files import DEFAULT_MAX_BYTES

logger = logging.getLogger(__name__)

#: The project's home page is not settled yet; the placeholder keeps the UA format crawlers expect.
PROJECT_URL = "https://github.com/allegiance-project/allegiance"
DEFAULT_USER_AGENT = f"Allegiance/{__version__} (+{PROJECT_URL})"
DEFAULT_MIN_INTERVAL = 1.0  # seconds between two requests to one host
MAX_CRAWL_DELAY = 30.0  # a robots Crawl-delay above this is capped, not obeyed literally
MAX_REDIRECTS = 5
ROBOTS_MAX_BYTES = 512_000  # Google reads the first 500 KiB of a robots.txt; so do we
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


@dataclass
class HttpResponse:
    """A successful (2xx) response, body read in full (within the size limit)."""

    url: str  # the final URL, after redirects
    status: int
    data: bytes
    content_type: str | None  # the raw Content-Type header, charset included
    headers: dict[str, str] = field(default_factory=dict)
    fetched_at: datetime | None = None

    @property
    def media_type(self) -> str | None:
        """``text/html`` for ``text/html; charset=utf-8``."""
        if not self.content_type:
            return None
        return self.content_type.split(";", 1)[0].strip().lower() or None


def parse_retry_after(value: str | None, now: datetime) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - now).total_seconds())


def host_key(url: str) -> str:
    """``scheme://host:port``: rate limits and robots files are per origin."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


class HttpClient:
    """Polite, bounded HTTP GETs. Use as a context manager, or call :meth:`close`.

    ``min_interval`` is the per-host rate limit in seconds (``--rate`` on the command line);
    ``retries`` the number of extra attempts after a retryable failure; ``max_retry_after`` the
    longest ``Retry-After`` we accept to wait (beyond it the fetch fails instead).
    """

    def __init__(
        self,
        *,
        user_agent: str = DEFAULT_USER_AGENT,
        min_interval: float = DEFAULT_MIN_INTERVAL,
        connect_timeout: float = 10.0,
        read_timeout: float = 30.0,
        retries: int = 3,
        backoff: float = 1.0,
        max_backoff: float = 60.0,
        max_retry_after: float = 120.0,
        max_bytes: int = DEFAULT_MAX_BYTES,
        respect_robots: bool = True,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
        rng: random.Random | None = None,
    ) -> None:
        self.user_agent = user_agent
        self.min_interval = max(0.0, min_interval)
        self.retries = max(0, retries)
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.max_retry_after = max_retry_after
        self.max_bytes = max_bytes
        self.respect_robots = respect_robots
        self._clock = clock
        self._sleep = sleep
        self._now = now
        self._rng = rng or random.Random()
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, RobotFileParser | None] = {}  # None: everything allowed
        self._crawl_delay: dict[str, float] = {}
        self._client = httpx.Client(
            transport=transport,
            timeout=httpx.Timeout(read_timeout, connect=connect_timeout),
            headers={"User-Agent": user_agent},
            follow_redirects=False,  # we follow them ourselves: robots and rate per hop
        )
        self.requests_sent = 0  # counted for tests and for the CLI's summary

    # --- context manager ----------------------------------------------------------------------

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> HttpClient:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- public -------------------------------------------------------------------------------

    def get(self, url: str, *, max_bytes: int | None = None) -> HttpResponse:
        """GET ``url``; raises :class:`InputError` (404/410: :class:`MissingInputError`; over the
        size limit: :class:`InputTooLargeError`) when no article body can be had."""
        limit = self.max_bytes if max_bytes is None else max_bytes
        current = url
        for _hop in range(MAX_REDIRECTS + 1):
            _check_url(current)
            if not self.allowed(current):
                raise InputError("disallowed by the site's robots.txt", path=current)
            response = self._fetch(current, limit)
            if response.status in (301, 302, 303, 307, 308):
                location = response.headers.get("location")
                if not location:
                    raise InputError(f"HTTP {response.status} without a Location", path=current)
                current = urljoin(current, location)
                continue
            if response.status >= 400:
                cls = MissingInputError if response.status in (404, 410) else InputError
                raise cls(f"HTTP {response.status}", path=current)
            return response
        raise InputError(f"more than {MAX_REDIRECTS} redirects", path=url)

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets us fetch ``url`` (always true with ``respect_robots=False``)."""
        if not self.respect_robots:
            return True
        key = host_key(url)
        if key not in self._robots:
            self._robots[key] = self._load_robots(key)
        parser = self._robots[key]
        return parser is None or parser.can_fetch(self.user_agent, url)

    # --- internals ----------------------------------------------------------------------------

    def _load_robots(self, key: str) -> RobotFileParser | None:
        robots_url = key + "/robots.txt"
        parser = RobotFileParser(robots_url)
        try:
            response = self._fetch(robots_url, ROBOTS_MAX_BYTES, truncate=True)
        except InputError as exc:  # network failure, even after retries: allowed
            logger.info("robots.txt of %s unavailable (%s): crawling allowed", key, exc.message)
            return None
        if response.status in (401, 403):
            parser.disallow_all = True  # type: ignore[attr-defined]
            return parser
        if response.status >= 400:
            return None  # no robots file (or a broken server): allowed
        if response.status >= 300:
            # a redirected robots.txt is rare; rather than chase it, read it as "allowed"
            return None
        text = response.data.decode("utf-8", errors="replace")
        parser.parse(text.splitlines())
        delay = parser.crawl_delay(self.user_agent)
        if delay is not None:
            self._crawl_delay[key] = min(float(delay), MAX_CRAWL_DELAY)
        return parser

    def _wait_turn(self, key: str) -> None:
        """Sleep until ``key``'s host may receive another request."""
        interval = max(self.min_interval, self._crawl_delay.get(key, 0.0))
        last = self._last_request.get(key)
        if last is not None and interval > 0:
            wait = last + interval - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last_request[key] = self._clock()

    def _backoff_delay(self, attempt: int) -> float:
        """Exponential back-off with "equal jitter": half fixed, half random."""
        base = min(self.max_backoff, self.backoff * (2**attempt))
        return base / 2 + self._rng.uniform(0, base / 2)

    def _fetch(self, url: str, limit: int, *, truncate: bool = False) -> HttpResponse:
        """One request (no redirect following), with retries; any status is returned."""
        key = host_key(url)
        attempt = 0
        while True:
            self._wait_turn(key)
            self.requests_sent += 1
            try:
                response = self._stream(url, limit, truncate)
            except httpx.TransportError as exc:
                if attempt >= self.retries:
                    raise InputError(
                        f"cannot fetch: {exc or type(exc).__name__}", path=url
                    ) from exc
                delay = self._backoff_delay(attempt)
                logger.info("fetch of %s failed (%s); retrying in %.1f s", url, exc, delay)
            else:
                if response.status not in RETRY_STATUSES or attempt >= self.retries:
                    return response
                delay = self._backoff_delay(attempt)
                retry_after = parse_retry_after(response.headers.get("retry-after"), self._now())
                if retry_after is not None:
                    if retry_after > self.max_retry_after:
                        raise InputError(
                            f"HTTP {response.status}, Retry-After {retry_after:.0f} s is over "
                            f"our limit of {self.max_retry_after:.0f} s",
                            path=url,
                        )
                    delay = max(delay, retry_after)
                logger.info("HTTP %s from %s; retrying in %.1f s", response.status, url, delay)
            attempt += 1
            self._sleep(delay)

    def _stream(self, url: str, limit: int, truncate: bool) -> HttpResponse:
        with self._client.stream("GET", url) as response:
            headers = {k.lower(): v for k, v in response.headers.items()}
            status = response.status_code
            body = bytearray()
            if 200 <= status < 300:  # error pages and redirects: their bodies are not needed
                declared = headers.get("content-length", "")
                if declared.isdigit() and int(declared) > limit and not truncate:
                    raise InputTooLargeError(
                        f"the response declares {int(declared):,} bytes, over the limit "
                        f"of {limit:,}",
                        path=url,
                    )
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > limit:
                        if truncate:
                            del body[limit:]
                            break
                        raise InputTooLargeError(
                            f"the response is over the limit of {limit:,} bytes", path=url
                        )
            return HttpResponse(
                url=url,
                status=status,
                data=bytes(body),
                content_type=headers.get("content-type"),
                headers=headers,
                fetched_at=self._now(),
            )


def _check_url(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InputError("not an http(s) URL", path=url)
