"""One article in, one :class:`Article` out: the stages wired in order.

``analyze()`` takes text or HTML already in memory; ``analyze_path()`` reads a file (decoding,
front matter, HTML extraction) first. Both run the same registered stages (see
:mod:`allegiance.pipeline`), so the CLI, the API and the ingest workers share one code path.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

from allegiance.errors import ConfigError, EmptyInputError, UnsupportedLanguageError
from allegiance.models import Article, ArticleMeta, Granularity
from allegiance.pipeline import STAGES, Context, Failure, Stage, check_order, run, stage
from allegiance.timeutil import parse_partial_date

_HTML_SNIFF = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<\?xml)", re.IGNORECASE)


def parse_date(value: str | date | None, *, what: str = "date") -> date | None:
    """An ISO date, or a year-month / year (taken as the first day), from metadata or a flag."""
    return parse_partial_date(value, what=what)[0]


def metadata_date(value: str | None) -> tuple[date | None, Granularity | None]:
    """A date read from front matter, HTML or a feed: ISO or a phrase such as "24 janvier 2025";
    one that does not parse is dropped (the article is still analysed, its date unknown)."""
    if not value:
        return None, None
    try:
        return parse_partial_date(value)
    except ConfigError:
        import dateparser

        parsed = dateparser.parse(str(value), settings={"PREFER_DAY_OF_MONTH": "first"})
        return (parsed.date(), "day") if parsed else (None, None)


def detect_language(text: str) -> str:
    import py3langid

    lang, _score = py3langid.classify(text[:5000])
    return str(lang)


def query_lemmas(query: str, lang: str | None = None) -> tuple[str, str]:
    """``(lang, lemmas)`` of a search query: its lemmas (folded, space-joined) in ``lang``, else
    in its detected language (French when the detection names a language we do not analyse).

    Stored articles are indexed by lemma as well as by word (``Store.search``), so that
    ``négocier`` finds ``négociations``; the query goes through the same lemmatiser."""
    from allegiance.ingest.fingerprint import lemma_string
    from allegiance.nlp.models import SUPPORTED_LANGUAGES, bare

    if lang is None:
        detected = detect_language(query)
        lang = detected if detected in SUPPORTED_LANGUAGES else "fr"
    return lang, lemma_string(bare(lang)(query))


# --- the stages -------------------------------------------------------------------------------


@stage("clean", requires=("raw_text",), provides=("body", "removed"))
def _clean(article: Article, context: Context) -> None:
    from allegiance.clean.boilerplate import guess_title, strip_boilerplate
    from allegiance.clean.markdown import strip_inline_markdown

    body, removed = strip_boilerplate(article.raw_text, article.meta.lang)
    # Composed accents: some sites store "é" as "e" + U+0301, which splits names for the NER
    # and the lexicons. The body is ours, so every offset is taken after this.
    body = unicodedata.normalize("NFC", strip_inline_markdown(body))
    if not body.strip():
        raise EmptyInputError("no article text left after cleaning", path=article.meta.path)
    article.body, article.removed = body, removed
    if article.meta.title is None:
        article.meta.title = guess_title(body)


@stage("language", requires=("body",), provides=("lang",))
def _language(article: Article, context: Context) -> None:
    from allegiance.nlp.models import SUPPORTED_LANGUAGES

    lang = article.meta.lang or detect_language(article.body)
    lang = lang.lower().split("-")[0].split("_")[0]
    if lang not in SUPPORTED_LANGUAGES:
        raise UnsupportedLanguageError(
            f"the article is in {lang!r}, which Allegiance does not analyse "
            f"(supported: {', '.join(SUPPORTED_LANGUAGES)}; use --lang to force one)",
            path=article.meta.path,
        )
    article.meta.lang = lang


@stage("nlp", requires=("body", "lang"), provides=("doc",))
def _nlp(article: Article, context: Context) -> None:
    from allegiance.clean.normalize import normalize_for_nlp
    from allegiance.nlp.models import load

    assert article.meta.lang is not None
    article.doc = load(article.meta.lang)(normalize_for_nlp(article.body))


@stage("entities", requires=("doc",), provides=("entities",))
def _entities(article: Article, context: Context) -> None:
    from allegiance.resolve.entities import resolve_entities

    assert article.doc is not None and article.meta.lang is not None
    article.entities = resolve_entities(
        article.doc, article.meta.lang, context.kb, article.meta.published
    )


@stage("amounts", requires=("body", "lang"), provides=("amounts",))
def _amounts(article: Article, context: Context) -> None:
    from allegiance.extract.amounts import find_amounts

    assert article.meta.lang is not None
    article.amounts = find_amounts(article.body, article.meta.lang)


@stage("dates", requires=("body", "lang"), provides=("dates",))
def _dates(article: Article, context: Context) -> None:
    from allegiance.extract.dates import find_dates

    assert article.meta.lang is not None
    article.dates = find_dates(
        article.body,
        article.meta.lang,
        article.meta.published,
        article.meta.published_precision or "day",
    )


@stage("quotes", requires=("doc", "entities"), provides=("quotes",))
def _quotes(article: Article, context: Context) -> None:
    from allegiance.extract.joint_speakers import with_joint_speakers
    from allegiance.extract.quotes import find_quotes
    from allegiance.extract.speaker_ranking import with_ranked_speakers

    assert article.doc is not None and article.meta.lang is not None
    quotes = find_quotes(article.doc, article.entities, article.meta.lang)
    quotes = with_joint_speakers(article.doc, article.entities, quotes)
    if article.meta.lang == "fr" and context.speaker_ranker is not None:
        quotes = with_ranked_speakers(article.doc, article.entities, quotes, context.speaker_ranker)
    article.quotes = quotes


@stage(
    "events",
    requires=("doc", "entities", "quotes", "amounts", "dates"),
    provides=("events", "states"),
)
def _events(article: Article, context: Context) -> None:
    from allegiance.extract.events import find_events

    assert article.doc is not None and article.meta.lang is not None
    article.events, article.states = find_events(
        article.doc,
        article.entities,
        article.quotes,
        article.amounts,
        article.dates,
        article.meta.lang,
        article.meta.published,
        body=article.body,
        kb=context.kb,
        published_precision=article.meta.published_precision or "day",
    )


@stage(
    "evidence",
    requires=("body", "entities", "amounts", "dates", "quotes", "events", "states"),
    provides=("evidence",),
)
def _evidence(article: Article, context: Context) -> None:
    """Every span's text is the body's own: the stages read the normalised Doc (’ became '),
    but the user's evidence must be the article's characters, ``body[start:end]``."""
    from allegiance.clean.normalize import normalize_for_nlp

    body = article.body

    def own(span: Any) -> None:
        if span is not None and 0 <= span.start <= span.end <= len(body):
            span.text = body[span.start : span.end]

    for entity in article.entities:
        # names given beside the mentions (a state's own names the article writes) stay
        read = {m.text for m in entity.mentions}
        given = [a for a in entity.aliases if a not in read]
        for mention in entity.mentions:
            own(mention)
        if not entity.kb:  # a name read off the text: spelled as the text spells it
            # (not across a line break the NLP text read as a space: ``Philippe\nde Villiers``)
            same = [
                m.text
                for m in entity.mentions
                if "\n" not in m.text and normalize_for_nlp(m.text) == entity.name
            ]
            entity.name = same[0] if same else entity.name
        seen = [" ".join(m.text.split()) if "\n" in m.text else m.text for m in entity.mentions]
        seen += [a for a in given if a not in seen]
        entity.aliases = sorted({a for a in seen if a != entity.name}, key=seen.index)
    for item in (*article.amounts, *article.dates):
        own(item)
    for quote in article.quotes:
        own(quote)
        own(quote.cue)
        if quote.speaker is not None:
            own(quote.speaker.mention)
    for event in article.events:
        own(event.evidence)
    for state in article.states:
        own(state.evidence)


check_order(STAGES)


# --- entry points -----------------------------------------------------------------------------


def default_context(kb_paths: Iterable[Path] = ()) -> Context:
    from allegiance.extract.speaker_ranking import packaged_ranker
    from allegiance.resolve.kb import KnowledgeBase, default_kb

    paths = list(kb_paths)
    return Context(
        kb=KnowledgeBase.load(paths) if paths else default_kb(), speaker_ranker=packaged_ranker()
    )


def _article_id(text: str, hint: str | None) -> str:
    digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]
    return f"{hint}-{digest}" if hint else digest


def new_article(
    text: str,
    *,
    is_html: bool = False,
    meta: dict[str, Any] | None = None,
    lang: str | None = None,
    published: str | date | None = None,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    path: str | None = None,
    id_hint: str | None = None,
) -> Article:
    """The :class:`Article` for one input, before any stage: HTML turned into text, metadata
    (front matter, HTML, feed) merged under the explicit arguments. Every entry point (files,
    stdin, the API, the ingest workers) builds its articles here."""
    meta = dict(meta or {})
    if is_html:
        from allegiance.ingest.html import html_to_text

        text, html_meta = html_to_text(text, url or meta.get("url"), name=path)
        meta = {**html_meta, **{k: v for k, v in meta.items() if v}}
    if not text.strip():
        raise EmptyInputError("no article text found", path=path)
    if published:
        when, precision = parse_partial_date(published, what="--published")
    else:
        when, precision = metadata_date(meta.get("date"))
    return Article(
        meta=ArticleMeta(
            id=_article_id(text, id_hint),
            title=title or meta.get("title") or None,
            url=url or meta.get("url") or None,
            published=when,
            published_precision=precision,
            lang=(lang or meta.get("lang") or None),
            source=source or meta.get("outlet") or meta.get("source") or None,
            author=meta.get("author") or None,
            path=path,
        ),
        raw_text=text,
    )


def _article_from_text(
    text_or_html: str,
    lang: str | None = None,
    published: str | date | None = None,
    *,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
) -> Article:
    from allegiance.ingest.frontmatter import split_front_matter

    front: dict[str, Any] | None = None
    text = text_or_html
    if not _HTML_SNIFF.match(text_or_html):
        front, text, _cut = split_front_matter(text_or_html)
    return new_article(
        text,
        is_html=front is None,
        meta=front,
        lang=lang,
        published=published,
        title=title,
        url=url,
        source=source,
    )


def analyze(
    text_or_html: str,
    lang: str | None = None,
    published: str | date | None = None,
    *,
    title: str | None = None,
    url: str | None = None,
    source: str | None = None,
    context: Context | None = None,
) -> Article:
    """Analyse one article given as text (optionally with front matter) or as HTML."""
    article = _article_from_text(text_or_html, lang, published, title=title, url=url, source=source)
    return run(article, context or default_context())


def _article_from_path(path: str | Path, lang: str | None, published: str | date | None) -> Article:
    from allegiance.ingest.files import read_path, read_stdin

    stdin = str(path) == "-"
    raw = read_stdin() if stdin else read_path(path)  # front matter already split
    return new_article(
        raw.text,
        is_html=raw.is_html,
        meta=raw.meta,
        lang=lang,
        published=published,
        path=str(path),
        id_hint="stdin" if stdin else Path(str(path)).stem,
    )


def analyze_path(
    path: str | Path,
    lang: str | None = None,
    published: str | date | None = None,
    *,
    context: Context | None = None,
) -> Article:
    """Read a file (or ``-`` for stdin) and analyse it."""
    return run(_article_from_path(path, lang, published), context or default_context())


def _split_at_nlp() -> tuple[list[Stage], list[Stage]]:
    names = [s.name for s in STAGES]
    cut = names.index("nlp")
    return STAGES[:cut], STAGES[cut + 1 :]


def _run_batch(
    items: list[tuple[str, Article | Failure]], context: Context, batch_size: int
) -> list[Article | Failure]:
    """Run the stages over a batch, the spaCy pipeline through ``nlp.pipe`` (per language).

    ``nlp.pipe`` batches the tagger and parser: the same documents, faster than one call each.
    Every other stage runs article by article, and a bad article becomes a :class:`Failure` at
    the stage that found it while the rest of the batch goes on."""
    from allegiance.clean.normalize import normalize_for_nlp
    from allegiance.errors import AllegianceError
    from allegiance.nlp.models import load

    before, after = _split_at_nlp()
    out: list[Article | Failure] = [item for _name, item in items]
    by_lang: dict[str, list[int]] = {}
    for i, (name, item) in enumerate(items):
        if isinstance(item, Failure):
            continue
        try:
            run(item, context, before)
        except AllegianceError as exc:
            out[i] = Failure(name, str(exc))
            continue
        assert item.meta.lang is not None
        by_lang.setdefault(item.meta.lang, []).append(i)
    for lang, indices in by_lang.items():
        articles = [out[i] for i in indices]
        texts = (normalize_for_nlp(a.body) for a in articles if isinstance(a, Article))
        for article, doc in zip(
            articles, load(lang).pipe(texts, batch_size=batch_size), strict=True
        ):
            assert isinstance(article, Article)
            article.doc = doc
    for indices in by_lang.values():
        for i in indices:
            article = out[i]
            assert isinstance(article, Article)
            try:
                run(article, context, after)
            except AllegianceError as exc:
                out[i] = Failure(items[i][0], str(exc))
    return out


def _chunks(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    chunk: list[Any] = []
    for item in items:
        chunk.append(item)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _in_batches(
    named: Iterable[tuple[str, Callable[[], Article]]], context: Context, batch_size: int
) -> Iterator[Article | Failure]:
    """Build each article (a bad input becomes a :class:`Failure` under its name) and run the
    stages ``batch_size`` articles at a time."""
    from allegiance.errors import AllegianceError

    for chunk in _chunks(named, batch_size):
        items: list[tuple[str, Article | Failure]] = []
        for name, build in chunk:
            try:
                items.append((name, build()))
            except AllegianceError as exc:
                items.append((name, Failure(name, str(exc))))
        yield from _run_batch(items, context, batch_size)


def analyze_many(
    paths: Iterable[Path],
    lang: str | None = None,
    published: str | date | None = None,
    *,
    context: Context | None = None,
    batch_size: int = 16,
) -> Iterator[Article | Failure]:
    """Analyse files in order, ``batch_size`` at a time through ``nlp.pipe``; a bad file yields a
    :class:`Failure` and the batch goes on."""
    named = ((str(p), partial(_article_from_path, p, lang, published)) for p in paths)
    return _in_batches(named, context or default_context(), batch_size)


def analyze_texts(
    texts: Iterable[str],
    lang: str | None = None,
    published: str | date | None = None,
    *,
    context: Context | None = None,
    batch_size: int = 16,
) -> Iterator[Article | Failure]:
    """:func:`analyze` over many texts (plain, front matter or HTML), in order and batched like
    :func:`analyze_many`; a bad text yields a :class:`Failure` named ``text #i``."""
    named = (
        (f"text #{i}", partial(_article_from_text, text, lang, published))
        for i, text in enumerate(texts)
    )
    return _in_batches(named, context or default_context(), batch_size)
