"""Full-text search over stored articles, one query path for SQLite FTS5 and PostgreSQL.

A query matches an article when all its words occur in the title or body (accents and case
ignored), or when all its lemmas occur among the article's lemmas. The second branch is what
makes "negociation" find "négociations": the caller lemmatises both the article (saved with it)
and the query (``query_lemmas``); without query lemmas the folded query words are tried against
the lemma column too, which works whenever the query is already in its dictionary form.

On PostgreSQL the title and body are also stemmed with the article language's configuration
(french, english, else simple), so recall there is a little higher than on SQLite; everything else
(filters, ranking order of the fields, snippets) is the same code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from allegiance.store import schema as t
from allegiance.store.keys import fold, terms

SNIPPET_CHARS = 160
_PG_CONFIGS = ("french", "english", "simple")


@dataclass(frozen=True, slots=True)
class SearchHit:
    article_id: int
    title: str | None
    published: date | None
    snippet: str
    url: str | None = None

    def as_dict(self) -> dict[str, object]:
        return {
            "id": self.article_id,
            "title": self.title,
            "published": self.published.isoformat() if self.published else None,
            "url": self.url,
            "snippet": self.snippet,
        }


def _fts5_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def fts5_match(words: list[str], lemmas: list[str]) -> str:
    """The FTS5 MATCH expression: words in title/body, or lemmas in the lemma column."""
    branches = []
    if words:
        all_words = " AND ".join(_fts5_phrase(w) for w in words)
        branches.append(f"{{title body}} : ({all_words})")
    for group in (lemmas, words):
        if group:
            branches.append("lemmas : (" + " AND ".join(_fts5_phrase(w) for w in group) + ")")
    return " OR ".join(f"({b})" for b in dict.fromkeys(branches))


def _pg_tsquery(query: str, lemmas: str) -> sa.ColumnElement[object]:
    q = sa.func.unaccent(sa.bindparam("fts_query", query, type_=sa.Text))
    parts: list[sa.ColumnElement[object]] = [
        sa.func.plainto_tsquery(sa.literal_column(f"'{cfg}'::regconfig"), q) for cfg in _PG_CONFIGS
    ]
    if lemmas:
        lq = sa.func.unaccent(sa.bindparam("fts_lemmas", lemmas, type_=sa.Text))
        parts.append(sa.func.plainto_tsquery(sa.literal_column("'simple'::regconfig"), lq))
    combined = parts[0]
    for part in parts[1:]:
        combined = combined.op("||")(part)
    return combined


def search(
    conn: sa.Connection,
    query: str,
    *,
    query_lemmas: str | None = None,
    entity_ids: list[int] | None = None,
    lang: str | None = None,
    since: date | None = None,
    until: date | None = None,
    limit: int = 20,
) -> list[SearchHit]:
    a = t.articles.c
    words = terms(query)
    lemmas = terms(query_lemmas) if query_lemmas else []
    stmt = sa.select(a.id, a.title, a.published, a.url, a.body).where(a.duplicate_of.is_(None))
    if lang:
        stmt = stmt.where(a.lang == lang)
    if since:
        stmt = stmt.where(a.published >= since)
    if until:
        stmt = stmt.where(a.published <= until)
    if entity_ids is not None:
        m = t.mentions.c
        stmt = stmt.where(
            sa.exists()
            .where(m.article_id == a.id, m.entity_id.in_(entity_ids))
            .correlate(t.articles)
        )
    if not words and not lemmas:
        stmt = stmt.order_by(a.published.desc().nulls_last(), a.id.desc())
    elif conn.dialect.name == "sqlite":
        fts = sa.table("articles_fts", sa.column("rowid"))
        stmt = (
            stmt.join(fts, fts.c.rowid == a.id)
            .where(
                sa.text("articles_fts MATCH :fts_match").bindparams(
                    fts_match=fts5_match(words, lemmas)
                )
            )
            # bm25 weights: a word in the title counts most, in the lemmas least (it is a fallback).
            .order_by(sa.literal_column("bm25(articles_fts, 5.0, 1.0, 0.5)"), a.id)
        )
    else:
        tsv: sa.ColumnElement[object] = sa.literal_column("articles.search_tsv")
        tsq = _pg_tsquery(" ".join(words), " ".join(lemmas))
        stmt = stmt.where(tsv.op("@@")(tsq)).order_by(sa.func.ts_rank_cd(tsv, tsq).desc(), a.id)
    rows = conn.execute(stmt.limit(limit)).all()
    return [
        SearchHit(row.id, row.title, row.published, snippet(row.body, words + lemmas), row.url)
        for row in rows
    ]


def _fold_same_length(text: str) -> str:
    """``fold`` applied character by character, so index i of the result is index i of ``text``."""
    out = []
    for ch in text:
        folded = fold(ch)
        out.append(folded if len(folded) == 1 else ch.lower())
    return "".join(out)


def snippet(body: str, words: list[str], width: int = SNIPPET_CHARS) -> str:
    """A window of ``body`` around the first word starting like a query word or lemma."""
    folded = _fold_same_length(body)
    starts = [
        m.start()
        for w in dict.fromkeys(words)
        if (m := re.search(r"\b" + re.escape(w[: max(4, len(w) - 2)]), folded))
    ]
    at = min(starts) if starts else 0
    begin = max(0, at - width // 3)
    if begin:
        space = body.rfind(" ", 0, begin)
        begin = space + 1 if space >= 0 and begin - space < 20 else begin
    end = min(len(body), begin + width)
    if end < len(body):
        space = body.find(" ", end)
        end = space if 0 <= space < end + 20 else end
    text = " ".join(body[begin:end].split())
    return ("…" if begin else "") + text + ("…" if end < len(body) else "")
