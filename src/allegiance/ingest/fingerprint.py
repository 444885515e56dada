"""What the store needs to know an article again: a content hash, a SimHash, a lemma string.

* :func:`content_hash`: SHA-256 of the clean body with runs of whitespace collapsed, so the same
  text extracted from a page and from its ``.txt`` companion, or re-wrapped, hashes the same.
  Equal hashes are the same article (skipped, or linked as another source of it).
* :func:`simhash`: a 64-bit SimHash over word 3-shingles of the folded body (the same folding as
  the store's search keys). Two bodies within Hamming distance 3 are near-duplicates: the same
  wire story with another headline, a "mis à jour" line or a signature added. The title line is
  left out of the signature when the body opens with it (plain-text articles keep their headline
  as the first line), and so is a short last line: a new headline and a trailing byline or
  update note are the most common edits between two copies of one story.
* :func:`lemma_string`: the body's lemmas, lowercase and accent-folded, space-joined, which the
  store indexes so that ``negociation`` finds ``négociations``.

All three are pure functions of strings (and a Doc for the lemmas), cheap next to the NLP, and
computed in the worker processes.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

import numpy as np

from allegiance.store.keys import fold, terms

if TYPE_CHECKING:
    from spacy.tokens import Doc

BITS = 64
SHORT_LINE_WORDS = 12  # a last line shorter than this is left out of the SimHash
SHINGLE = 3  # words per shingle: long enough to capture order, short enough to survive edits


def content_hash(body: str) -> str:
    """SHA-256 (hex) of ``body`` with whitespace runs collapsed to one space and the ends stripped."""
    return hashlib.sha256(" ".join(body.split()).encode("utf-8")).hexdigest()


def _feature(shingle: str) -> int:
    return int.from_bytes(hashlib.blake2b(shingle.encode("utf-8"), digest_size=8).digest(), "big")


def _signature_text(body: str, title: str | None) -> str:
    """``body`` without the lines copies of one story most often differ by (module docstring):
    the first line when it is the title, the last line when it is short (a byline, "mis à jour
    à 18 h", "avec AFP") and the body has more than three lines."""
    lines = [line for line in body.splitlines() if line.strip()]
    if title and lines and terms(lines[0]) == terms(title):
        lines = lines[1:]
    if len(lines) > 3 and len(terms(lines[-1])) < SHORT_LINE_WORDS:
        lines = lines[:-1]
    return "\n".join(lines)


def simhash(body: str, title: str | None = None, *, shingle: int = SHINGLE) -> int:
    """The unsigned 64-bit SimHash of ``body``'s word shingles (each shingle weighs 1)."""
    words = terms(_signature_text(body, title))
    if len(words) < shingle:
        shingles = [" ".join(words)] if words else []
    else:
        shingles = [" ".join(words[i : i + shingle]) for i in range(len(words) - shingle + 1)]
    if not shingles:
        return 0
    values = np.fromiter(
        map(_feature, dict.fromkeys(shingles)), dtype=">u8"
    )  # big-endian, so unpackbits gives bit 63 first
    bits = np.unpackbits(values.view(np.uint8).reshape(-1, 8), axis=1)  # (n, 64), MSB first
    ones = bits.sum(axis=0, dtype=np.int64)
    out = 0
    for count in ones:  # a bit is set when more shingles have it set than not
        out = out << 1 | int(2 * int(count) > len(values))
    return out


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()


def lemma_string(doc: Doc) -> str:
    """The lemmas of the word tokens of ``doc``, folded (lowercase, no accents), space-joined."""
    return " ".join(
        fold(token.lemma_ or token.text)
        for token in doc
        if not (token.is_punct or token.is_space) and any(ch.isalnum() for ch in token.text)
    )
