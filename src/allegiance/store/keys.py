"""The keys the store matches on: accent-folded names, query terms, canonical URLs.

One folding function serves every comparison the store makes (entity names, aliases, lemmas,
search terms), so "Négociation", "negociation" and "NÉGOCIATION" always meet. It mirrors what
SQLite's ``unicode61 remove_diacritics 2`` tokenizer does to indexed text: decompose, drop the
combining marks, lowercase. Ligatures (œ, æ) are left alone on purpose: the SQLite tokenizer keeps
them too, and folding only one side would make "cœur" unfindable.
"""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_WORD = re.compile(r"\w+", re.UNICODE)

# Tokens that may open a surname ("de Gaulle", "van Rossum"): a surname-only name is one real
# token after them.
_PARTICLES = frozenset(
    {"de", "du", "des", "d", "la", "le", "van", "von", "der", "den", "di", "da", "del", "dos", "st"}
)
# Honorifics the NER sometimes keeps in the span ("M. Musk", "Mrs Dupont").
_HONORIFICS = frozenset({"m", "mr", "mrs", "ms", "mme", "mlle", "dr", "me", "pr", "sir", "lady"})

# Query parameters that only track the click: two URLs differing by them are the same page.
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|xtor|at_medium|at_campaign|ref)$")


def fold(text: str) -> str:
    """Lowercase, accent-free form of ``text`` (same rule as the SQLite FTS tokenizer)."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
    return unicodedata.normalize("NFC", stripped).casefold()


def terms(text: str) -> list[str]:
    """The folded word tokens of ``text``, in order, as the full-text indexes see them."""
    return _WORD.findall(fold(text))


def name_key(name: str) -> str:
    """Key two surface forms of one name share: folded, punctuation-free, single-spaced."""
    return " ".join(terms(name))


def _person_tokens(name: str) -> list[str]:
    tokens = terms(name)
    while tokens and tokens[0] in _HONORIFICS and len(tokens) > 1:
        tokens = tokens[1:]
    return tokens


def surname_only(name: str) -> str | None:
    """The folded surname when ``name`` is a bare surname ("Musk", "de Gaulle"), else None."""
    tokens = [t for t in _person_tokens(name) if t not in _PARTICLES]
    return tokens[0] if len(tokens) == 1 else None


def surname_of_full_name(name: str) -> str | None:
    """The folded last name of a full person name ("Elon Musk" -> "musk"); None for one token."""
    tokens = _person_tokens(name)
    real = [t for t in tokens if t not in _PARTICLES]
    return tokens[-1] if len(real) >= 2 else None


def canonical_url(url: str) -> str:
    """The URL without what does not change the page: fragment, trackers, host case, final /."""
    parts = urlsplit(url.strip())
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not _TRACKING.match(k)
        ]
    )
    path = parts.path.rstrip("/") or "/"
    host = parts.netloc.lower()
    if host.startswith("www."):
        host = host[4:]
    scheme = parts.scheme.lower()
    if scheme in ("", "http"):  # the same page is served on both; most sites redirect to https
        scheme = "https"
    return urlunsplit((scheme, host, path, query, ""))
