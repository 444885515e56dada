"""Markdown mark-up turned into the plain text a reader sees.

Scraped articles stored as Markdown carry links (``[Donald Trump](https://…)``), emphasis and
heading marks; left in, they glue URLs onto names and the NER reads ``Trump](https`` as part of a
person. Run after boilerplate removal (which needs the raw lines to spot image captions), before
the NLP; the body the user gets is this plain text, and every offset points into it.
"""

from __future__ import annotations

import re

_IMAGE = re.compile(r"!\[([^\]\n]*)\]\([^)\n]*\)")
_LINK = re.compile(r"\[([^\]\n]+)\]\((?:[^()\n]|\([^()\n]*\))*\)")
_REFERENCE_LINK = re.compile(r"\[([^\]\n]+)\]\[[^\]\n]*\]")
_AUTOLINK = re.compile(r"<(https?://[^>\s]+)>")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_HEADING = re.compile(r"^#{1,6}[ \t]+", re.MULTILINE)
_HTML_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def strip_inline_markdown(text: str) -> str:
    """Links keep their words, images and emphasis marks go, heading marks go."""
    if (
        "[" not in text
        and "*" not in text
        and "_" not in text
        and "#" not in text
        and "<" not in text
    ):
        return text
    text = _IMAGE.sub("", text)
    text = _LINK.sub(r"\1", text)
    text = _REFERENCE_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _STRONG.sub(r"\2", text)
    text = _HEADING.sub("", text)
    return _HTML_BREAK.sub("\n", text)
