"""Speed of the graph queries on a synthetic store of one million events.

    .venv/bin/python benchmarks/bench_graph.py --db /tmp/graph-bench.sqlite
    eval "$(scripts/pg_test_server.sh)"
    .venv/bin/python benchmarks/bench_graph.py --db "$ALLEGIANCE_TEST_PG" --fresh

The PostgreSQL tests reset the database of $ALLEGIANCE_TEST_PG: to keep a built store while
tests run, give the benchmark a database of its own (``CREATE DATABASE graphbench``, then
``--db postgresql://…/graphbench``).

The store (built once, kept at --db; --fresh rebuilds it) holds ~2,000 entities chosen with a
power law (a few actors are in most of the news, as in real coverage), 250,000 articles over two
years and 1,000,000 events, a fifth of them re-reports of an earlier event by another article
(the clustering must count those once), plus quotes with stance targets. Rows go in with
SQLAlchemy Core executemany in chunks, so memory stays flat; the graph's own tables
(``graph_facts``, ``graph_clusters``) are then derived in SQL, as saving would have filled them.

Timed (median of --repeat runs, warm cache; wall time and this process' CPU time, which a
machine shared with other jobs disturbs less): ``graph`` for a one-month window, ``relation A B``
by month for a busy pair and a typical pair, ``allies X`` for the busiest actor and a typical one.
Target: under 200 ms each.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import numpy as np
import sqlalchemy as sa

from allegiance.store import open_store
from allegiance.store import schema as t
from allegiance.store.facts import refresh_graph_facts

ENTITIES = 2_000
ARTICLES = 250_000
EVENTS = 1_000_000
QUOTES = 100_000
START = date(2023, 7, 1)
DAYS = 730
TYPES = [
    ("PRAISE", 0.6),
    ("ENDORSE", 0.7),
    ("MEET", 0.2),
    ("PARTNER", 0.6),
    ("INVEST", 0.6),
    ("CRITICIZE", -0.6),
    ("ACCUSE", -0.7),
    ("SUE", -0.8),
    ("REJECT", -0.5),
    ("SANCTION", -0.8),
]
MODALITIES = ["asserted"] * 7 + ["reported", "future", "historical", "hypothetical", "negated"]
OUTLETS = [f"Outlet {i}" for i in range(60)]
CHUNK = 20_000


def build(url: str, seed: int = 7) -> None:  # noqa: C901
    rng = np.random.default_rng(seed)
    rand = random.Random(seed)
    ranks = np.arange(1, ENTITIES + 1)
    weights = 1.0 / ranks**1.0
    weights /= weights.sum()
    # Each entity leans positive or negative toward each "side": a stable bias per pair keeps
    # the graph from being noise (camps exist), with sign flips over time for some pairs.
    side = rng.integers(0, 2, ENTITIES + 1)
    now = datetime.now(UTC)
    with open_store(url) as store, store.engine.begin() as conn:
        conn.execute(
            t.entities.insert(),
            [
                {
                    "id": i,
                    "kb_id": f"actor-{i}",
                    "name": f"Actor {i}",
                    "name_key": f"actor {i}",
                    "type": "person" if i % 3 else "organization",
                }
                for i in range(1, ENTITIES + 1)
            ],
        )
        for start in range(0, ARTICLES, CHUNK):
            conn.execute(
                t.articles.insert(),
                [
                    {
                        "id": i + 1,
                        "content_hash": f"h{i}",
                        "title": f"Article {i}",
                        "url": f"https://news.example/{i}",
                        "published": START + timedelta(days=int(i * DAYS / ARTICLES)),
                        "lang": "en",
                        "outlet": OUTLETS[i % len(OUTLETS)],
                        "body": "-",
                        "lemmas": "",
                        "analysis": {},
                        "ingested_at": now,
                    }
                    for i in range(start, min(start + CHUNK, ARTICLES))
                ],
            )
        print(f"  {ARTICLES} articles", file=sys.stderr)
        previous: list[tuple[int, int, int, str, float, str]] = []
        event_id = 0
        for start in range(0, EVENTS, CHUNK):
            n = min(CHUNK, EVENTS - start)
            sources = rng.choice(ranks, size=n, p=weights)
            targets = rng.choice(ranks, size=n, p=weights)
            events, actors = [], []
            for k in range(n):
                event_id += 1
                article = int(rng.integers(1, ARTICLES + 1))
                pub = START + timedelta(days=int((article - 1) * DAYS / ARTICLES))
                if previous and rand.random() < 0.2:  # another outlet reports a known event
                    _, src, tgt, type_, weight, when = rand.choice(previous)
                else:
                    src, tgt = int(sources[k]), int(targets[k])
                    if src == tgt:
                        tgt = src % ENTITIES + 1
                    friendly = side[src] == side[tgt]
                    if (pub.toordinal() // 120 + src + tgt) % 5 == 0:
                        friendly = not friendly  # a phase where the pair turns around
                    pool = TYPES[:5] if friendly ^ (rand.random() < 0.15) else TYPES[5:]
                    type_, weight = rand.choice(pool)
                    when = (pub - timedelta(days=rand.randint(0, 3))).isoformat()
                    if len(previous) < 50_000:
                        previous.append((0, src, tgt, type_, weight, when))
                    else:
                        previous[rand.randrange(len(previous))] = (0, src, tgt, type_, weight, when)
                events.append(
                    {
                        "id": event_id,
                        "article_id": article,
                        "idx": event_id,  # unique per article without tracking counts
                        "type": type_,
                        "weight": weight,
                        "modality": rand.choice(MODALITIES),
                        "confidence": 0.6 + 0.2 * rand.random(),
                        "date": when,
                        "granularity": "day",
                        "date_is_fallback": False,
                        "amount_value": None,
                        "evidence_text": f"Actor {src} and Actor {tgt}: {type_.lower()}.",
                        "evidence_start": 0,
                        "evidence_end": 10,
                    }
                )
                actors.append({"event_id": event_id, "entity_id": src, "role": "source"})
                actors.append({"event_id": event_id, "entity_id": tgt, "role": "target"})
            conn.execute(t.events.insert(), events)
            conn.execute(t.event_actors.insert(), actors)
            print(f"  {start + n} events", file=sys.stderr)
        speakers = rng.choice(ranks, size=QUOTES, p=weights)
        about = rng.choice(ranks, size=QUOTES, p=weights)
        for start in range(0, QUOTES, CHUNK):
            quotes, links = [], []
            for k in range(start, min(start + CHUNK, QUOTES)):
                src, tgt = int(speakers[k]), int(about[k])
                if src == tgt:
                    tgt = src % ENTITIES + 1
                quotes.append(
                    {
                        "id": k + 1,
                        "article_id": int(rng.integers(1, ARTICLES + 1)),
                        "idx": k,
                        "text": f"Actor {tgt} is something.",
                        "start": 0,
                        "end": 10,
                        "kind": "direct",
                        "speaker_entity_id": src,
                        "speaker_name": f"Actor {src}",
                        "confidence": 0.8,
                    }
                )
                stance = 1 if side[src] == side[tgt] else -1
                links.append({"quote_id": k + 1, "entity_id": tgt, "stance": stance})
            conn.execute(t.quotes.insert(), quotes)
            conn.execute(t.quote_targets.insert(), links)
        print(f"  {QUOTES} quotes", file=sys.stderr)
        # Rows went in under the store's API: derive the graph's tables as saving would have.
        refresh_graph_facts(conn)
        print("  graph_facts and graph_clusters", file=sys.stderr)
        if conn.dialect.name == "postgresql":
            for name in ("entities", "articles", "quotes", "events"):
                conn.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                    f"(SELECT max(id) FROM {name}))"
                )
    with open_store(url) as store, store.engine.connect() as conn:
        if conn.dialect.name == "postgresql":
            conn.commit()
            raw = conn.connection.dbapi_connection
            raw.autocommit = True  # type: ignore[union-attr]
            with raw.cursor() as cur:  # type: ignore[union-attr]
                cur.execute("VACUUM ANALYZE")
        else:
            conn.exec_driver_sql("ANALYZE")
            conn.commit()


def timed(fn: Callable[[], Any], repeat: int) -> tuple[float, float]:
    """Median wall time and median CPU time of this process (ms), after one warm-up run.

    The CPU time is the client's own work (SQLite's included; a PostgreSQL server's not): on a
    machine shared with other jobs it moves far less than the wall time does.
    """
    fn()  # warm the cache
    walls, cpus = [], []
    for _ in range(repeat):
        began, began_cpu = time.perf_counter(), time.process_time()
        fn()
        walls.append((time.perf_counter() - began) * 1000)
        cpus.append((time.process_time() - began_cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def run(url: str, repeat: int) -> dict[str, tuple[float, float]]:
    from allegiance.graph.query import build_graph
    from allegiance.graph.rank import allies
    from allegiance.graph.relation import relation

    out: dict[str, tuple[float, float]] = {}
    with open_store(url) as store:
        with store.engine.connect() as conn:
            events = conn.scalar(sa.select(sa.func.count()).select_from(t.events))
        print(f"store: {events} events", file=sys.stderr)
        month = ("2025-03-01", "2025-03-31")
        out["graph one month, no evidence"] = timed(
            lambda: build_graph(store, *month, evidence=0), repeat
        )
        out["graph one month, 1 evidence/edge"] = timed(
            lambda: build_graph(store, *month, evidence=1), repeat
        )
        out["graph one month, 3 evidence for the 40 shown (CLI text)"] = timed(
            lambda: build_graph(store, *month, evidence=3, evidence_top=40), repeat
        )
        out["graph one month, min-support 3, 3 evidence"] = timed(
            lambda: build_graph(store, *month, evidence=3, min_support=3), repeat
        )
        out["relation busy pair (actor-1, actor-2) by month"] = timed(
            lambda: relation(store, "actor-1", "actor-2", by="month"), repeat
        )
        out["relation typical pair (actor-40, actor-90) by month"] = timed(
            lambda: relation(store, "actor-40", "actor-90", by="month"), repeat
        )
        out["allies busiest actor (actor-1), last year"] = timed(
            lambda: allies(store, "actor-1", since="2024-07-01"), repeat
        )
        out["allies typical actor (actor-100), all time"] = timed(
            lambda: allies(store, "actor-100"), repeat
        )
        out["allies busiest actor (actor-1), all time"] = timed(
            lambda: allies(store, "actor-1"), repeat
        )
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="SQLite path or postgresql:// URL")
    parser.add_argument("--fresh", action="store_true", help="rebuild the synthetic store")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    with open_store(args.db) as store:
        count = store.counts()["events"]
    if args.fresh or count == 0:
        if args.db.startswith("postgres"):
            engine = sa.create_engine(args.db.replace("postgresql://", "postgresql+psycopg://"))
            with engine.begin() as conn:
                conn.exec_driver_sql("DROP SCHEMA public CASCADE")
                conn.exec_driver_sql("CREATE SCHEMA public")
            engine.dispose()
        elif count:
            raise SystemExit("--fresh on SQLite: delete the file instead")
        began = time.perf_counter()
        build(args.db)
        print(f"built in {time.perf_counter() - began:.0f} s", file=sys.stderr)
    results = run(args.db, args.repeat)
    if args.json:
        print(
            json.dumps({k: {"wall_ms": w, "cpu_ms": c} for k, (w, c) in results.items()}, indent=2)
        )
    else:
        print("    wall  client CPU (medians of --repeat runs)")
        for name, (ms, cpu) in results.items():
            flag = "" if ms < 200 else "  (over 200 ms)"
            print(f"{ms:8.1f} {cpu:8.1f} ms  {name}{flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
