"""The :class:`Store`: saving analyses, finding duplicates, searching, listing entities.

One code path serves SQLite and PostgreSQL; the few differences (search index, write lock) live
in :mod:`~allegiance.store.engine` and :mod:`~allegiance.store.search`. Every write runs in one
transaction: an article is stored with all its mentions, quotes, events and states, or not at all.

Saving an analysis whose ``content_hash`` is already stored *replaces* that article's analysis
(same article id), which is how re-ingestion with a newer pipeline works.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa

from allegiance.errors import AllegianceError, ConfigError, NotFoundError, StoreError
from allegiance.models import SCHEMA
from allegiance.store import corrections, dedup
from allegiance.store import schema as t
from allegiance.store.engine import create_engine, display, migrate, resolve_url, write_lock
from allegiance.store.facts import drop_graph_facts, save_facts
from allegiance.store.keys import canonical_url, fold, name_key, terms
from allegiance.store.resolver import EntityResolver
from allegiance.store.search import SearchHit, search
from allegiance.timeutil import parse_partial_date


@dataclass(frozen=True, slots=True)
class EntityRecord:
    id: int
    kb_id: str | None
    name: str
    type: str
    ticker: str | None
    exchange: str | None
    wikidata: str | None
    aliases: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "type": self.type,
            "kb_id": self.kb_id,
            "ticker": self.ticker,
            "exchange": self.exchange,
            "wikidata": self.wikidata,
            "aliases": list(self.aliases),
        }


def _date(value: str | date | None) -> date | None:
    """A stored date: ISO, or a partial one ("2025-02" is its first day)."""
    try:
        return parse_partial_date(value)[0]
    except ConfigError as exc:
        raise StoreError(f"not an ISO date: {value!r}") from exc


class Store:
    """An open database. Use :func:`open_store`; close it (or use ``with``) when done."""

    def __init__(self, engine: sa.Engine, *, resolver: EntityResolver | None = None) -> None:
        self.engine = engine
        self.resolver = resolver or EntityResolver()
        self.backend = engine.dialect.name  # "sqlite" | "postgresql"

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.engine.dispose()

    def __repr__(self) -> str:
        return f"Store({display(self.engine.url)!r})"

    # -- transactions --------------------------------------------------------------------------

    @contextmanager
    def _write(self) -> Iterator[sa.Connection]:
        try:
            conn = self.engine.connect().execution_options(allegiance_write=True)
            with conn, conn.begin():
                write_lock(conn)
                yield conn
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"database write failed: {getattr(exc, 'orig', None) or exc}") from exc

    @contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except sa.exc.SQLAlchemyError as exc:
            raise StoreError(f"database read failed: {getattr(exc, 'orig', None) or exc}") from exc

    # -- articles ------------------------------------------------------------------------------

    def save_analysis(
        self,
        analysis: Mapping[str, Any],
        *,
        url: str | None = None,
        content_hash: str,
        signature: int | bytes | None = None,
        lemmas: str = "",
        run_id: int | None = None,
        resolver: EntityResolver | None = None,
        duplicate_of: int | None = None,
    ) -> int:
        """Store one analysis (``Article.as_dict()``) and every fact in it; return the article id.

        ``lemmas``: the body's lemmas, space-joined (folded here); they make the article findable
        by dictionary forms. ``signature``: the body's 64-bit SimHash, for near-duplicates.
        """
        if analysis.get("schema") != SCHEMA:
            raise StoreError(f"not an {SCHEMA} analysis (schema={analysis.get('schema')!r})")
        resolver = resolver or self.resolver
        with self._write() as conn:
            try:
                article_id = self._save_article(
                    conn, analysis, url, content_hash, signature, lemmas, run_id, duplicate_of
                )
                resolved = resolver.resolve(conn, analysis["entities"])
                save_facts(conn, article_id, analysis, resolved)
            except (KeyError, TypeError, ValueError) as exc:
                raise StoreError(f"malformed analysis: {type(exc).__name__}: {exc}") from exc
        return article_id

    def _save_article(
        self,
        conn: sa.Connection,
        analysis: Mapping[str, Any],
        url: str | None,
        content_hash: str,
        signature: int | bytes | None,
        lemmas: str,
        run_id: int | None,
        duplicate_of: int | None,
    ) -> int:
        meta = analysis["article"]
        url = url or meta.get("url")
        row: dict[str, Any] = {
            "url": url,
            "canonical_url": canonical_url(url) if url else None,
            "content_hash": content_hash,
            "duplicate_of": duplicate_of,
            "title": meta.get("title"),
            "published": _date(meta.get("published")),
            "lang": meta.get("lang"),
            "outlet": meta.get("source"),
            "body": analysis["body"],
            "lemmas": " ".join(terms(lemmas)),
            "analysis": dict(analysis),
            "ingested_at": datetime.now(UTC),
            "run_id": run_id,
            "simhash": None,
            **{f"band{i}": None for i in range(dedup.BANDS)},
        }
        if signature is not None:
            value = dedup.signature_int(signature)
            row["simhash"] = dedup.to_signed(value)
            row.update({f"band{i}": band for i, band in enumerate(dedup.bands(value))})
        a = t.articles.c
        existing = conn.scalar(sa.select(a.id).where(a.content_hash == content_hash))
        if existing is None:
            return int(conn.execute(t.articles.insert().returning(a.id), row).scalar_one())
        drop_graph_facts(conn, [existing])
        for name in ("mentions", "quotes", "events", "states"):  # link rows cascade
            table = t.metadata.tables[name]
            conn.execute(table.delete().where(table.c.article_id == existing))
        conn.execute(t.articles.update().where(a.id == existing).values(**row))
        return int(existing)

    def _article_id_for_url(self, conn: sa.Connection, url: str) -> int | None:
        a, s = t.articles.c, t.article_sources.c
        key = canonical_url(url)
        found = conn.scalar(
            sa.select(a.id)
            .where(sa.or_(a.url == url, a.canonical_url == key))
            .order_by(a.id)
            .limit(1)
        )
        if found is None:
            found = conn.scalar(
                sa.select(s.article_id).where(s.canonical_url == key).order_by(s.id).limit(1)
            )
        return found

    def has_url(self, url: str) -> bool:
        """True when ``url`` (or the same page under a tracking-free form) is stored or linked."""
        with self._read() as conn:
            return self._article_id_for_url(conn, url) is not None

    def find_by_hash(self, content_hash: str) -> int | None:
        with self._read() as conn:
            return conn.scalar(
                sa.select(t.articles.c.id).where(t.articles.c.content_hash == content_hash)
            )

    def find_near_duplicate(self, signature: int | bytes, lang: str | None = None) -> int | None:
        """The stored original closest to ``signature`` within Hamming distance 3, if any."""
        value = dedup.signature_int(signature)
        a = t.articles.c
        band_cols = [a.band0, a.band1, a.band2, a.band3]
        stmt = sa.select(a.id, a.simhash).where(
            sa.or_(*(col == band for col, band in zip(band_cols, dedup.bands(value), strict=True))),
            a.duplicate_of.is_(None),
        )
        if lang:
            stmt = stmt.where(a.lang == lang)
        with self._read() as conn:
            rows = conn.execute(stmt).all()
        scored = [
            (dedup.hamming(value, dedup.to_unsigned(row.simhash)), row.id)
            for row in rows
            if row.simhash is not None
        ]
        best = min((s for s in scored if s[0] <= dedup.MAX_DISTANCE), default=None)
        return best[1] if best else None

    def link_duplicate(self, article_id: int, url: str | None, outlet: str | None) -> bool:
        """Record another place an article appeared (extra support); False if already known."""
        with self._write() as conn:
            a, s = t.articles.c, t.article_sources.c
            own = conn.scalar(sa.select(a.canonical_url).where(a.id == article_id))
            if own is None and conn.scalar(sa.select(a.id).where(a.id == article_id)) is None:
                raise NotFoundError(f"no article with id {article_id}")
            key = canonical_url(url) if url else None
            if key is not None and key == own:
                return False
            seen = conn.scalar(
                sa.select(s.id).where(
                    s.article_id == article_id,
                    s.canonical_url.is_(None) if key is None else s.canonical_url == key,
                    s.outlet.is_(None) if outlet is None else s.outlet == outlet,
                )
            )
            if seen is not None:
                return False
            conn.execute(
                t.article_sources.insert(),
                {
                    "article_id": article_id,
                    "url": url,
                    "canonical_url": key,
                    "outlet": outlet,
                    "added_at": datetime.now(UTC),
                },
            )
            return True

    def get_analysis(self, key: int | str) -> dict[str, Any]:
        """The analysis saved for an article id or URL (exactly the dict that was saved)."""
        with self._read() as conn:
            if isinstance(key, str) and key.isdigit():
                key = int(key)  # an id as a user types it; a URL is never only digits
            article_id = key if isinstance(key, int) else self._article_id_for_url(conn, key)
            analysis = None
            if article_id is not None:
                analysis = conn.scalar(
                    sa.select(t.articles.c.analysis).where(t.articles.c.id == article_id)
                )
        if analysis is None:
            raise NotFoundError(f"no stored article {key!r}")
        return dict(analysis)

    def sources(self, article_id: int) -> list[tuple[str | None, str | None]]:
        """Where else an article appeared, as (url, outlet) pairs (see :meth:`link_duplicate`)."""
        s = t.article_sources.c
        with self._read() as conn:
            rows = conn.execute(
                sa.select(s.url, s.outlet).where(s.article_id == article_id).order_by(s.id)
            )
            return [(row.url, row.outlet) for row in rows]

    # -- search --------------------------------------------------------------------------------

    def search(
        self,
        query: str,
        *,
        query_lemmas: str | None = None,
        entity: int | str | None = None,
        lang: str | None = None,
        since: date | str | None = None,
        until: date | str | None = None,
        limit: int = 20,
    ) -> list[SearchHit]:
        """Articles matching ``query`` (see :mod:`allegiance.store.search`), best first."""
        with self._read() as conn:
            entity_ids = None if entity is None else [self._entity_id(conn, entity)]
            return search(
                conn,
                query,
                query_lemmas=query_lemmas,
                entity_ids=entity_ids,
                lang=lang,
                since=_date(since),
                until=_date(until),
                limit=limit,
            )

    # -- entities ------------------------------------------------------------------------------

    @staticmethod
    def _entity_id(conn: sa.Connection, entity: int | str) -> int:
        """An entity id from an id (a number, or digits as typed by a user), a KB id, a name or an
        alias."""
        e, al = t.entities.c, t.entity_aliases.c
        if isinstance(entity, int) or entity.isdigit():
            found = conn.scalar(sa.select(e.id).where(e.id == int(entity)))
        else:
            key = name_key(entity)
            found = conn.scalar(sa.select(e.id).where(e.kb_id == entity))
            if found is None:
                found = conn.scalar(
                    sa.select(e.id).where(e.name_key == key).order_by(e.id).limit(1)
                )
            if found is None:
                found = conn.scalar(
                    sa.select(al.entity_id)
                    .where(al.alias_key == key)
                    .order_by(al.entity_id)
                    .limit(1)
                )
        if found is None:
            raise NotFoundError(f"no entity {entity!r}")
        return int(found)

    def entity(self, entity: int | str) -> EntityRecord:
        with self._read() as conn:
            entity_id = self._entity_id(conn, entity)
            return self._records(conn, [entity_id])[entity_id]

    @staticmethod
    def _records(conn: sa.Connection, ids: Sequence[int]) -> dict[int, EntityRecord]:
        e, al = t.entities.c, t.entity_aliases.c
        aliases: dict[int, list[str]] = {}
        for row in conn.execute(
            sa.select(al.entity_id, al.alias).where(al.entity_id.in_(ids)).order_by(al.alias)
        ):
            aliases.setdefault(row.entity_id, []).append(row.alias)
        return {
            row.id: EntityRecord(
                row.id,
                row.kb_id,
                row.name,
                row.type,
                row.ticker,
                row.exchange,
                row.wikidata,
                tuple(aliases.get(row.id, ())),
            )
            for row in conn.execute(sa.select(t.entities).where(e.id.in_(ids)))
        }

    def entities(
        self, limit: int = 50, query: str | None = None
    ) -> list[tuple[EntityRecord, int, int]]:
        """Entities with their mention and article counts, most mentioned first.

        ``query`` keeps those whose name or an alias contains it (accents and case ignored).
        """
        e, m = t.entities.c, t.mentions.c
        mention_count = sa.func.count(m.id).label("mentions")
        article_count = sa.func.count(sa.distinct(m.article_id)).label("articles")
        stmt = (
            sa.select(e.id, mention_count, article_count)
            .join(t.mentions, m.entity_id == e.id)
            .group_by(e.id)
            .order_by(mention_count.desc(), e.id)
            .limit(limit)
        )
        if query:
            pattern = f"%{fold(query).strip()}%"
            al = t.entity_aliases.c
            stmt = stmt.where(
                sa.or_(
                    e.name_key.like(pattern),
                    e.id.in_(sa.select(al.entity_id).where(al.alias_key.like(pattern))),
                )
            )
        with self._read() as conn:
            rows = conn.execute(stmt).all()
            records = self._records(conn, [row.id for row in rows])
        return [(records[row.id], row.mentions, row.articles) for row in rows]

    def merge_entities(self, keep_id: int, other_id: int) -> None:
        """Fold ``other_id`` into ``keep_id``, now and in every later save."""
        with self._write() as conn:
            corrections.merge_entities(conn, keep_id, other_id)

    def split_entity(self, entity_id: int, alias: str) -> int:
        """Give the form ``alias`` of an entity its own entity, now and later; return its id."""
        with self._write() as conn:
            return corrections.split_entity(conn, entity_id, alias)

    # -- bookkeeping ---------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        tables = (
            "articles",
            "entities",
            "mentions",
            "quotes",
            "events",
            "states",
            "article_sources",
        )
        with self._read() as conn:
            out = {
                name: int(
                    conn.scalar(sa.select(sa.func.count()).select_from(t.metadata.tables[name]))
                    or 0
                )
                for name in tables
            }
        out["duplicates"] = out.pop("article_sources")
        return out

    def begin_run(self, sources: Sequence[str] | str) -> int:
        sources = [sources] if isinstance(sources, str) else list(sources)
        with self._write() as conn:
            return int(
                conn.execute(
                    t.ingest_runs.insert().returning(t.ingest_runs.c.id),
                    {"started_at": datetime.now(UTC), "sources": sources},
                ).scalar_one()
            )

    def record_error(self, run_id: int | None, source: str, error: str | BaseException) -> None:
        if isinstance(error, AllegianceError):
            text = str(error)
        elif isinstance(error, BaseException):
            text = f"{type(error).__name__}: {error}"
        else:
            text = error
        with self._write() as conn:
            conn.execute(
                t.ingest_errors.insert(),
                {
                    "run_id": run_id,
                    "source": source,
                    "error": text,
                    "created_at": datetime.now(UTC),
                },
            )

    def finish_run(self, run_id: int, counts: Mapping[str, int] | None = None) -> dict[str, Any]:
        """Close a run: store its counts and the errors recorded under it; return the run row."""
        r, err = t.ingest_runs.c, t.ingest_errors.c
        with self._write() as conn:
            if conn.scalar(sa.select(r.id).where(r.id == run_id)) is None:
                raise NotFoundError(f"no ingest run {run_id}")
            errors = [
                {"source": row.source, "error": row.error}
                for row in conn.execute(
                    sa.select(err.source, err.error).where(err.run_id == run_id).order_by(err.id)
                )
            ]
            conn.execute(
                t.ingest_runs.update()
                .where(r.id == run_id)
                .values(finished_at=datetime.now(UTC), counts=dict(counts or {}), errors=errors)
            )
            return dict(
                conn.execute(sa.select(t.ingest_runs).where(r.id == run_id)).mappings().one()
            )


def open_store(url: str | os.PathLike[str] | None = None) -> Store:
    """Open the database at ``url``, creating and migrating it as needed (see ``resolve_url``)."""
    resolved = resolve_url(url)
    engine = create_engine(resolved)
    try:
        migrate(engine)
    except AllegianceError:
        engine.dispose()
        raise
    except Exception as exc:  # driver, network, permissions: one clean StoreError
        engine.dispose()
        cause = getattr(exc, "orig", None) or exc
        raise StoreError(f"cannot open {display(resolved)}: {cause}") from exc
    return Store(engine)
