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
