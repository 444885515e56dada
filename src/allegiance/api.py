"""The JSON API: the library's analysis, store and graph queries over HTTP (FastAPI).

A thin shell like the CLI: every route calls one library function and returns its ``as_dict()``;
every :class:`~allegiance.errors.AllegianceError` becomes one JSON error with its stable code::

    {"error": {"code": "E061", "kind": "NotFoundError", "message": "...", "path": null}}

Run it with ``allegiance serve [--db FILE|URL] [--host H] [--port P]`` or mount
``create_app(db)`` in another ASGI server. Routes (all GET but ``/analyze``)::

    POST /analyze                       {text, lang?, published?, title?, url?} -> analysis
    GET  /health                        version, store and its row counts
    GET  /articles/{id}                 a stored analysis (the JSON contract)
    GET  /search?q=&entity=&lang=&since=&until=&limit=
    GET  /entities?q=&limit=            most mentioned first, with counts
    GET  /entities/{key}                by id, KB id, name or alias
    GET  /graph?since=&until=&entity=&min_support=&half_life=&evidence=
    GET  /relation?a=&b=&by=&since=&until=
    GET  /allies/{key}, /rivals/{key}   ?since=&until=&limit=
    GET  /triad?a=&b=&c=&by=&since=&until=
    GET  /flips?since=&until=&by=&limit=
    GET  /timeline/{key}?since=&until=&limit=
    GET  /camps?since=&until=&min_support=

The store is opened once for the app's lifetime. Analyses run one at a time behind a lock: the
spaCy pipelines are shared and the work is CPU-bound, so concurrency would not make it faster.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import Body, FastAPI, Query, Request
from fastapi.responses import JSONResponse

from allegiance import __version__
from allegiance.errors import (
    AllegianceError,
    ConfigError,
    InputError,
    KnowledgeBaseError,
    NotFoundError,
)
from allegiance.store import Store, open_store

_STATUS: tuple[tuple[type[AllegianceError], int], ...] = (
    (NotFoundError, 404),
    (InputError, 422),
    (ConfigError, 400),
    (KnowledgeBaseError, 500),
)


def status_of(error: AllegianceError) -> int:
    """The HTTP status of a library error: 404 not stored, 422 bad article, 400 bad option."""
    for kind, status in _STATUS:
        if isinstance(error, kind):
            return status
    return 500


def create_app(db: str | None = None, *, kb: Sequence[Path] = ()) -> FastAPI:
    """The API over the store at ``db`` (SQLite path or PostgreSQL URL; default
    ``$ALLEGIANCE_DB`` or ./allegiance.sqlite), with extra knowledge-base files ``kb``."""
    state: dict[str, Any] = {}
    analysis_lock = threading.Lock()

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        state["store"] = open_store(db)
        try:
            yield
        finally:
            state.pop("store").close()

    app = FastAPI(
        title="Allegiance",
        version=__version__,
        summary="Who said what about whom, and who stands with whom, in French and English news.",
        lifespan=lifespan,
    )

    def store() -> Store:
        return state["store"]  # type: ignore[no-any-return]

    @app.exception_handler(AllegianceError)
    async def _library_error(_request: Request, exc: AllegianceError) -> JSONResponse:
        body = {
            "code": exc.code,
            "kind": type(exc).__name__,
            "message": exc.message,
            "path": exc.path,
        }
        return JSONResponse({"error": body}, status_code=status_of(exc))

    @app.post("/analyze")
    def analyze_text(
        text: str = Body(..., description="article text, Markdown with front matter, or HTML"),
        lang: str | None = Body(None, pattern="^(fr|en)$"),
        published: str | None = Body(None, description="YYYY-MM-DD, YYYY-MM or YYYY"),
        title: str | None = Body(None),
        url: str | None = Body(None),
    ) -> dict[str, Any]:
        from allegiance.analysis import analyze, default_context

        with analysis_lock:
            if "context" not in state:
                state["context"] = default_context(list(kb))
            article = analyze(
                text,
                lang,
                published,
                title=title,
                url=url,
                source="api",
                context=state["context"],
            )
        return article.as_dict()

    @app.get("/health")
    def health() -> dict[str, Any]:
        return {"version": __version__, "store": repr(store()), "counts": store().counts()}

    @app.get("/articles/{article_id}")
    def article(article_id: int) -> dict[str, Any]:
        return store().get_analysis(article_id)

    @app.get("/search")
    def search(
        q: str,
        entity: str | None = None,
        lang: str | None = Query(None, pattern="^(fr|en)$"),
        since: str | None = None,
        until: str | None = None,
        limit: int = Query(20, ge=1, le=500),
        lemmas: bool = True,
    ) -> list[dict[str, object]]:
        from allegiance.analysis import query_lemmas

        query_lemma_text = query_lemmas(q, lang)[1] if lemmas and q.strip() else None
        hits = store().search(
            q,
            query_lemmas=query_lemma_text,
            entity=entity or None,
            lang=lang,
            since=since,
            until=until,
            limit=limit,
        )
        return [hit.as_dict() for hit in hits]

    @app.get("/entities")
    def entities(
        q: str | None = None, limit: int = Query(50, ge=1, le=5000)
    ) -> list[dict[str, Any]]:
        rows = store().entities(limit=limit, query=q)
        return [{**r.as_dict(), "mentions": m, "articles": a} for r, m, a in rows]

    @app.get("/entities/{key}")
    def entity(key: str) -> dict[str, Any]:
        return store().entity(key).as_dict()

    @app.get("/graph")
    def graph(
        since: str | None = None,
        until: str | None = None,
        entity: str | None = None,
        min_support: int = Query(1, ge=1),
        half_life: float = Query(90.0, ge=0),
        evidence: int = Query(3, ge=0, le=50),
    ) -> dict[str, Any]:
        from allegiance.graph.query import build_graph

        return build_graph(
            store(),
            since,
            until,
            entity=entity or None,
            min_support=min_support,
            evidence=evidence,
            half_life_days=half_life,
        ).as_dict()

    @app.get("/relation")
    def relation(
        a: str,
        b: str,
        by: str = Query("month", pattern="^(week|month)$"),
        since: str | None = None,
        until: str | None = None,
        half_life: float = Query(90.0, ge=0),
    ) -> dict[str, Any]:
        from allegiance.graph.relation import relation as relation_of

        return relation_of(
            store(), a, b, by=by, since=since, until=until, half_life_days=half_life
        ).as_dict()

    def _ranking(kind: str, key: str, since: str | None, until: str | None, limit: int) -> Any:
        from allegiance.graph.rank import rank

        return rank(store(), key, kind, since=since, until=until, limit=limit).as_dict()

    @app.get("/allies/{key}")
    def allies(
        key: str,
        since: str | None = None,
        until: str | None = None,
        limit: int = Query(10, ge=1, le=500),
    ) -> dict[str, Any]:
        return _ranking("allies", key, since, until, limit)  # type: ignore[no-any-return]

    @app.get("/rivals/{key}")
    def rivals(
        key: str,
        since: str | None = None,
        until: str | None = None,
        limit: int = Query(10, ge=1, le=500),
    ) -> dict[str, Any]:
        return _ranking("rivals", key, since, until, limit)  # type: ignore[no-any-return]

    @app.get("/triad")
    def triad(
        a: str,
        b: str,
        c: str,
        by: str = Query("month", pattern="^(week|month)$"),
        since: str | None = None,
        until: str | None = None,
    ) -> dict[str, Any]:
        from allegiance.graph.camps import triad as triad_of

        return triad_of(store(), a, b, c, by=by, since=since, until=until).as_dict()

    @app.get("/flips")
    def flips(
        since: str | None = None,
        until: str | None = None,
        by: str = Query("month", pattern="^(week|month)$"),
        limit: int = Query(50, ge=1, le=1000),
    ) -> list[dict[str, Any]]:
        from allegiance.graph.relation import flips as flips_of

        return [f.as_dict() for f in flips_of(store(), since, until, by=by, limit=limit)]

    @app.get("/timeline/{key}")
    def timeline(
        key: str,
        since: str | None = None,
        until: str | None = None,
        limit: int = Query(100, ge=1, le=5000),
    ) -> dict[str, Any]:
        from allegiance.graph.timeline import timeline as timeline_of

        return timeline_of(store(), key, since=since, until=until, limit=limit).as_dict()

    @app.get("/camps")
    def camps(
        since: str | None = None,
        until: str | None = None,
        min_support: int = Query(1, ge=1),
    ) -> dict[str, Any]:
        from allegiance.graph.camps import camps as camps_of

        return camps_of(store(), since, until, min_support=min_support).as_dict()

    return app
