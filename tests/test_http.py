"""The polite HTTP client: robots.txt, per-host rate limit, retries, size limit, redirects.

Every test runs on httpx.MockTransport with a fake clock: nothing sleeps, nothing leaves the box.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from datetime import UTC, datetime

import httpx
import pytest

from allegiance.errors import InputError, InputTooLargeError, MissingInputError
from allegiance.ingest.http import DEFAULT_USER_AGENT, HttpClient, parse_retry_after

NOW = datetime(2024, 3, 5, 12, 0, 0, tzinfo=UTC)
Handler = Callable[[httpx.Request], httpx.Response]


class FakeClock:
    """A monotonic clock that only moves when someone sleeps."""

    def __init__(self) -> None:
        self.t = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.t

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.t += seconds


class Recorder:
    """A MockTransport handler that logs the requests and answers from a function."""

    def __init__(self, answer: Handler) -> None:
        self.answer = answer
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.answer(request)

    def paths(self) -> list[str]:
        return [f"{r.url.host}{r.url.path}" for r in self.requests]


def make_client(recorder: Recorder, clock: FakeClock, **kw: object) -> HttpClient:
    return HttpClient(
        transport=httpx.MockTransport(recorder),
        clock=clock,
        sleep=clock.sleep,
        now=lambda: NOW,
        rng=random.Random(7),
        **kw,  # type: ignore[arg-type]
    )


def no_robots(request: httpx.Request) -> httpx.Response:
    if request.url.path == "/robots.txt":
        return httpx.Response(404)
    return httpx.Response(200, html="<html><p>ok</p></html>")


# --- user agent and robots.txt -------------------------------------------------------------------


def test_user_agent_sent_on_every_request() -> None:
    rec, clock = Recorder(no_robots), FakeClock()
    with make_client(rec, clock) as client:
        response = client.get("https://news.example/a")
    assert response.status == 200 and response.data == b"<html><p>ok</p></html>"
    assert response.media_type == "text/html"
    assert response.fetched_at == NOW
    assert rec.paths() == ["news.example/robots.txt", "news.example/a"]
    assert {r.headers["user-agent"] for r in rec.requests} == {DEFAULT_USER_AGENT}
    assert DEFAULT_USER_AGENT.startswith("Allegiance/")


def test_custom_user_agent() -> None:
    rec, clock = Recorder(no_robots), FakeClock()
    with make_client(rec, clock, user_agent="MyBot/2.0") as client:
        client.get("https://news.example/a")
    assert rec.requests[-1].headers["user-agent"] == "MyBot/2.0"


ROBOTS = "User-agent: *\nDisallow: /private/\n"


def robots_site(request: httpx.Request, robots: str = ROBOTS) -> httpx.Response:
    if request.url.path == "/robots.txt":
        return httpx.Response(200, text=robots)
    return httpx.Response(200, html="<p>page</p>")


def test_robots_disallow_and_cache() -> None:
    rec, clock = Recorder(robots_site), FakeClock()
    with make_client(rec, clock, min_interval=0) as client:
        client.get("https://news.example/public/1")
        with pytest.raises(InputError, match="robots"):
            client.get("https://news.example/private/2")
        client.get("https://news.example/public/3")
        assert not client.allowed("https://news.example/private/x")
    # robots fetched once for the host; the disallowed page never requested
    assert rec.paths() == [
        "news.example/robots.txt",
        "news.example/public/1",
        "news.example/public/3",
    ]


def test_robots_rules_for_our_agent_token() -> None:
    """A group naming "Allegiance" applies to our full User-Agent string (and replaces "*")."""
    robots = "User-agent: *\nDisallow: /\n\nUser-agent: Allegiance\nDisallow: /no-allegiance\n"
    rec, clock = Recorder(lambda r: robots_site(r, robots)), FakeClock()
    with make_client(rec, clock, min_interval=0) as client:
        assert client.allowed("https://news.example/fine")
        assert not client.allowed("https://news.example/no-allegiance")
    with make_client(rec, clock, min_interval=0, user_agent="OtherBot/1.0") as client:
        assert not client.allowed("https://news.example/fine")


@pytest.mark.parametrize(
    ("status", "allowed"), [(404, True), (410, True), (500, True), (401, False), (403, False)]
)
def test_robots_fetch_failures(status: int, allowed: bool) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(status)
        return httpx.Response(200, text="x")

    rec, clock = Recorder(answer), FakeClock()
    with make_client(rec, clock, min_interval=0, retries=1) as client:
        assert client.allowed("https://news.example/a") is allowed


def test_robots_network_failure_means_allowed() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            raise httpx.ConnectError("refused", request=request)
        return httpx.Response(200, text="x")

    rec, clock = Recorder(answer), FakeClock()
    with make_client(rec, clock, min_interval=0, retries=1) as client:
        assert client.get("https://news.example/a").data == b"x"


def test_no_robots_option_skips_the_fetch() -> None:
    rec, clock = Recorder(robots_site), FakeClock()
    with make_client(rec, clock, respect_robots=False) as client:
        client.get("https://news.example/private/2")
    assert rec.paths() == ["news.example/private/2"]


# --- rate limit -----------------------------------------------------------------------------------


def test_rate_limit_per_host() -> None:
    rec, clock = Recorder(no_robots), FakeClock()
    with make_client(rec, clock, respect_robots=False, min_interval=2.5) as client:
        client.get("https://a.example/1")
        client.get("https://b.example/1")  # another host: no wait
        assert clock.sleeps == []
        client.get("https://a.example/2")
        assert clock.sleeps == [pytest.approx(2.5)]
        clock.t += 10  # time passes (parsing, storing): no wait needed any more
        client.get("https://a.example/3")
        assert len(clock.sleeps) == 1


def test_default_interval_is_one_second() -> None:
    rec, clock = Recorder(no_robots), FakeClock()
    with make_client(rec, clock, respect_robots=False) as client:
        client.get("https://a.example/1")
        client.get("https://a.example/2")
    assert clock.sleeps == [pytest.approx(1.0)]


def test_crawl_delay_lengthens_the_interval() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(200, text="User-agent: *\nCrawl-delay: 5\n")
        return httpx.Response(200, text="x")

    rec, clock = Recorder(answer), FakeClock()
    with make_client(rec, clock) as client:
        client.get("https://a.example/1")
        client.get("https://a.example/2")
    # the robots request, then 5 s before page 1 and 5 s before page 2 (instead of 1 s)
    assert clock.sleeps == [pytest.approx(5.0), pytest.approx(5.0)]


# --- retries --------------------------------------------------------------------------------------


def scripted(*answers: int | type[Exception]) -> Handler:
    """Answer with the given statuses (or raise the given transport errors) in turn."""
    queue: Iterator[int | type[Exception]] = iter(answers)

    def answer(request: httpx.Request) -> httpx.Response:
        step = next(queue)
        if isinstance(step, int):
            return httpx.Response(step, text=f"status {step}")
        raise step("boom", request=request)  # type: ignore[call-arg]

    return answer


def test_retries_5xx_with_exponential_backoff_and_jitter() -> None:
    rec, clock = Recorder(scripted(503, 502, 200)), FakeClock()
    with make_client(rec, clock, respect_robots=False, min_interval=0, backoff=1.0) as client:
        response = client.get("https://a.example/x")
    assert response.data == b"status 200"
    assert len(rec.requests) == 3
    first, second = clock.sleeps
    assert 0.5 <= first <= 1.0 and 1.0 <= second <= 2.0  # base 1 s then 2 s, half jittered
    assert first not in (0.5, 1.0) or second not in (1.0, 2.0)  # jitter: not the bare bounds


def test_retries_connect_errors() -> None:
    rec, clock = Recorder(scripted(httpx.ConnectError, httpx.ConnectTimeout, 200)), FakeClock()
    with make_client(rec, clock, respect_robots=False, min_interval=0) as client:
        assert client.get("https://a.example/x").data == b"status 200"
    assert len(rec.requests) == 3


def test_gives_up_after_the_retries() -> None:
    rec, clock = Recorder(scripted(500, 500, 500)), FakeClock()
    with (
        make_client(rec, clock, respect_robots=False, min_interval=0, retries=2) as client,
        pytest.raises(InputError, match="HTTP 500"),
    ):
        client.get("https://a.example/x")
    assert len(rec.requests) == 3

    rec = Recorder(scripted(httpx.ConnectError, httpx.ConnectError))
    with (
        make_client(rec, clock, respect_robots=False, min_interval=0, retries=1) as client,
        pytest.raises(InputError, match="cannot fetch"),
    ):
        client.get("https://a.example/x")
    assert len(rec.requests) == 2


def test_retry_after_seconds_is_honoured() -> None:
    answers = iter([httpx.Response(429, headers={"Retry-After": "7"}), httpx.Response(200)])
    rec, clock = Recorder(lambda r: next(answers)), FakeClock()
    with make_client(rec, clock, respect_robots=False, min_interval=0) as client:
        assert client.get("https://a.example/x").status == 200
    assert clock.sleeps == [pytest.approx(7.0)]


def test_retry_after_date_and_excessive_wait() -> None:
    date = "Tue, 05 Mar 2024 12:00:30 GMT"  # NOW + 30 s
    answers = iter([httpx.Response(503, headers={"Retry-After": date}), httpx.Response(200)])
    rec, clock = Recorder(lambda r: next(answers)), FakeClock()
    with make_client(rec, clock, respect_robots=False, min_interval=0) as client:
        client.get("https://a.example/x")
    assert clock.sleeps == [pytest.approx(30.0)]

    rec = Recorder(lambda r: httpx.Response(429, headers={"Retry-After": "3600"}))
    with (
        make_client(rec, clock, respect_robots=False, min_interval=0) as client,
        pytest.raises(InputError, match="Retry-After"),
    ):
        client.get("https://a.example/x")
    assert len(rec.requests) == 1


def test_parse_retry_after() -> None:
    assert parse_retry_after("120", NOW) == 120.0
    assert parse_retry_after("Tue, 05 Mar 2024 11:00:00 GMT", NOW) == 0.0  # in the past
    assert parse_retry_after("soon", NOW) is None
    assert parse_retry_after(None, NOW) is None


def test_404_is_missing_and_not_retried() -> None:
    rec, clock = Recorder(scripted(404)), FakeClock()
    with (
        make_client(rec, clock, respect_robots=False) as client,
        pytest.raises(MissingInputError, match="HTTP 404"),
    ):
        client.get("https://a.example/gone")
    assert len(rec.requests) == 1 and clock.sleeps == []


# --- size limit and redirects ---------------------------------------------------------------------


def test_declared_size_over_the_limit() -> None:
    rec, clock = Recorder(lambda r: httpx.Response(200, content=b"x" * 2000)), FakeClock()
    with (
        make_client(rec, clock, respect_robots=False, max_bytes=1000) as client,
        pytest.raises(InputTooLargeError),
    ):
        client.get("https://a.example/big")


def test_streamed_body_is_cut_past_the_limit() -> None:
    produced: list[int] = []

    def endless() -> Iterator[bytes]:
        for i in range(1000):
            produced.append(i)
            yield b"y" * 500

    rec = Recorder(lambda r: httpx.Response(200, content=endless()))  # chunked, no length
    clock = FakeClock()
    with (
        make_client(rec, clock, respect_robots=False, max_bytes=1200) as client,
        pytest.raises(InputTooLargeError),
    ):
        client.get("https://a.example/endless")
    assert len(produced) < 10  # stopped after about 3 chunks, not 1000


def test_redirects_followed_with_robots_per_hop() -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            if request.url.host == "other.example":
                return httpx.Response(200, text="User-agent: *\nDisallow: /\n")
            return httpx.Response(404)
        if request.url.path == "/old":
            return httpx.Response(301, headers={"Location": "/new"})
        if request.url.path == "/away":
            return httpx.Response(302, headers={"Location": "https://other.example/p"})
        return httpx.Response(200, text=f"at {request.url.path}")

    rec, clock = Recorder(answer), FakeClock()
    with make_client(rec, clock, min_interval=0) as client:
        response = client.get("https://a.example/old")
        assert response.url == "https://a.example/new" and response.data == b"at /new"
        with pytest.raises(InputError, match="robots"):
            client.get("https://a.example/away")
    assert "other.example/p" not in rec.paths()


def test_non_http_url_refused() -> None:
    rec, clock = Recorder(no_robots), FakeClock()
    with make_client(rec, clock) as client, pytest.raises(InputError, match="http"):
        client.get("ftp://a.example/file")
    assert rec.requests == []
