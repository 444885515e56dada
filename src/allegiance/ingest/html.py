"""From an HTML page to the article text and its metadata, with trafilatura.

trafilatura finds the main text well, but keeps a few things we do not want to analyse as
article text: "Lire aussi / Read more" teasers set inside the body, and figure captions. Those are
pruned from the tree first (:func:`_prune`), since in the text they are glued to real sentences
("À LIRE AUSSI Antisémitisme : retour au Moyen ÂgeSon domicile...") and no line rule can cut them.
What is left of the page furniture is a matter for :mod:`allegiance.clean.boilerplate`.

Extraction settings: trafilatura's balanced mode (``favor_precision`` drops whole articles on
layout-table pages; ``favor_recall`` adds newsletter boxes and "Read more" lists), no comments,
no tables (a table gives cells, not sentences; a page whose text is all in layout tables is
retried with tables). The title is returned in the metadata and not prepended to the body.
"""

from __future__ import annotations

import re
from typing import Any

import trafilatura
from lxml import html as lxml_html
from lxml.etree import ParserError

from allegiance.errors import EmptyInputError

_TEASER = re.compile(
    r"\s*(?:[àa]\s+)?(?:lire|voir|(?:re)?d[ée]couvrir|[ée]couter|regarder)\s+(?:aussi|également|plus)\b"
    r"|\s*(?:read|see|watch|listen)\s+(?:more|also|next)\b|\s*related(?:\s+(?:articles?|stories|coverage))?\s*:",
    re.IGNORECASE,
)
_CAPTION_CLASS = re.compile(
    r"(?:^|[\s_-])(?:fig-?caption|caption|legende|légende|credits?|copyright|photo-credit)(?:$|[\s_-])",
    re.IGNORECASE,
)
_TEASER_CLASS = re.compile(
    r"(?:^|[\s_-])(?:lire-aussi|read-more|readmore|related|see-also|voir-aussi|capsule|inread)(?:$|[\s_-])",
    re.IGNORECASE,
)
_MAX_TEASER = 300  # characters: a teaser is a marker plus a headline, never a paragraph
_MIN_WORDS = 5  # fewer words than this is a menu or a button, not an article


def _prune(root: Any) -> None:
    """Drop figure captions and "read also" teasers from the parsed page, keeping tail text."""
    doomed = []
    for el in root.iter("figcaption", "figure"):
        doomed.append(el)
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue  # comments, processing instructions
        cls = f"{el.get('class', '')} {el.get('id', '')}"
        if (_CAPTION_CLASS.search(cls) or _TEASER_CLASS.search(cls)) and len(
            el.text_content()
        ) < _MAX_TEASER:
            doomed.append(el)
        elif el.text and _TEASER.match(el.text) and len(el.text_content()) < _MAX_TEASER:
            # the marker alone is often in its own <span>: climb to the box holding the headline,
            # but never to a paragraph that also holds article text
            box = el
            parent = box.getparent()
            while (
                parent is not None
                and parent.tag not in ("body", "article", "main")
                and len(parent.text_content()) < _MAX_TEASER
                and not _other_text(parent, box)
            ):
                box, parent = parent, parent.getparent()
            doomed.append(box)
    for el in doomed:
        if el.getparent() is not None:
            el.drop_tree()  # keeps el.tail, the text that follows the teaser in its paragraph


def _other_text(parent: Any, box: Any) -> bool:
    """Whether ``parent`` holds text besides ``box`` and links (a teaser's headline is a link)."""
    parts = [parent.text or ""]
    for child in parent:
        if child is not box and child.tag != "a" and not len(child.xpath(".//a")):
            parts.append(child.text_content())
        parts.append(child.tail or "")
    return len("".join(parts).strip(" \t\n:.>»-")) > 3


def _lang(root: Any) -> str | None:
    value = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not value:
        for meta in root.iter("meta"):
            if (meta.get("http-equiv") or "").lower() == "content-language" or (
                meta.get("property") or ""
            ).lower() == "og:locale":
                value = meta.get("content")
                break
    if not value:
        return None
    code = re.split(r"[-_]", value.strip().lower())[0]
    return code if code.isalpha() and 2 <= len(code) <= 3 else None


def _extract(root: Any, url: str | None, tables: bool) -> Any:
    return trafilatura.bare_extraction(
        root,
        url=url,
        include_comments=False,
        include_tables=tables,
        include_images=False,
        with_metadata=True,
    )


def html_to_text(
    html: str, url: str | None = None, *, name: str | None = None
) -> tuple[str, dict[str, str]]:
    """The article text of ``html`` (paragraphs separated by a blank line) and its metadata
    (title, date, author, outlet, url, lang when found). ``name`` is the file, for errors.

    Raises :class:`EmptyInputError` when the page holds no article text.
    """
    try:
        root = lxml_html.document_fromstring(html.encode("utf-8"), parser=_parser())
    except (ParserError, ValueError) as exc:
        raise EmptyInputError(f"no article text found in the HTML ({exc})", path=name) from exc
    lang = _lang(root)
    _prune(root)
    doc = _extract(root, url, tables=False)
    if doc is None or not (doc.text or "").strip():
        root = lxml_html.document_fromstring(html.encode("utf-8"), parser=_parser())
        doc = _extract(root, url, tables=True)  # pages laid out in tables
    if doc is None or len(re.findall(r"\w+", doc.text or "")) < _MIN_WORDS:
        raise EmptyInputError("no article text found in the HTML", path=name)
    paragraphs = [line.strip() for line in doc.text.splitlines() if line.strip()]
    if doc.title and paragraphs and _same(paragraphs[0], doc.title):
        paragraphs = paragraphs[1:]  # the <h1>: the title goes to the metadata, not the body
    text = "\n\n".join(paragraphs)
    meta: dict[str, str] = {}
    for key, value in (
        ("title", doc.title),
        ("date", doc.date),
        ("author", doc.author),
        ("outlet", doc.sitename),
        ("url", doc.url or url),
        ("lang", lang),
    ):
        if value and str(value).strip():
            meta[key] = str(value).strip()
    if "date" not in meta:
        meta.update(_htmldate(html))
    return text, meta


def _same(a: str, b: str) -> bool:
    def fold(s: str) -> str:
        return re.sub(r"\W+", " ", s).strip().casefold()

    return fold(a) == fold(b)


def _parser() -> Any:
    # the text is already decoded: tell lxml so it does not guess again from <meta charset>
    return lxml_html.HTMLParser(encoding="utf-8", remove_comments=True)


def _htmldate(html: str) -> dict[str, str]:
    from htmldate import find_date

    found = find_date(html, original_date=True, outputformat="%Y-%m-%d")
    return {"date": found} if found else {}
