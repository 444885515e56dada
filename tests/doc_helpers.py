"""Hand-built French Docs for the unit tests of extraction rules (no model needed)."""

from __future__ import annotations

from typing import Any

import spacy
from spacy.tokens import Doc

VOCAB = spacy.blank("fr").vocab


def parsed_doc(
    rows: list[tuple[str, int, str, str]], ents: list[str] | None = None, **extra: Any
) -> Doc:
    """A Doc from rows of (word, head index, dep, pos); ``ents`` as IOB tags; any other Doc
    annotation (``sent_starts``, ``morphs``) passed through."""
    return Doc(
        VOCAB,
        words=[r[0] for r in rows],
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        ents=ents,
        **extra,
    )


def flat_doc(words: list[str], ents: list[str]) -> Doc:
    """A flat Doc (every word hangs on the first) with the given IOB entity labels: capitalised
    words are names, the others untagged; spaced as French prints it (none before ``.``,
    ``,``, ``:``, none around a hyphen, none after an elided ``l'``)."""
    spaces = [
        i + 1 < len(words)
        and words[i + 1] not in {".", ",", "-", ":"}
        and words[i] != "-"
        and not words[i].endswith("'")
        for i in range(len(words))
    ]
    return Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        heads=[0] * len(words),
        deps=["ROOT"] + ["dep"] * (len(words) - 1),
        pos=["PROPN" if w[:1].isupper() else "X" for w in words],
        ents=ents,
    )
