"""Acronyms the model left unlabelled that speak as a body: ``Pour le SNPS, il est scandaleux
que …``, ``a dénoncé la FSU``, ``selon l'UNSA``.

A French word all in capitals behind a definite article names a body when it stands where a
source stands; the common nouns French writes as acronyms (``le PIB``, ``la TVA``) are left out
(``not_entities.txt``), and so are the acronyms of a role or a code (``le DGS``, ``le CGI``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from allegiance.nlp.components import not_entities
from allegiance.resolve.institutions import spelt_initials
from allegiance.resolve.person_names import speaking_name

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from spacy.tokens import Doc, Token

    from allegiance.resolve.entities import NameCluster

T = TypeVar("T")

#: acronyms of a role or a legal code: ``a prévenu le DGS`` (the director-general, a person
#: described), ``selon le CGI`` (a code); left to the descriptions. Common nouns written as
#: acronyms (``le PIB``) are in ``not_entities.txt``
_NOT_BODIES = frozenset({"DGS", "DSI", "DAF", "DASEN", "CGI", "RGPD", "RN"})

_ARTICLES = frozenset({"le", "la", "l'"})


def speaking_acronyms(doc: Doc, lang: str, taken: set[int]) -> list[Token]:
    """The unlabelled acronyms of ``doc`` that stand where a source stands (token starts in
    ``taken`` already belong to an entity). ``RN`` is left to the knowledge base."""
    if lang != "fr":
        return []
    found = []
    for tok in doc[1:]:
        text = tok.text
        if (
            tok.idx in taken
            or not (2 <= len(text) <= 6 and text.isalpha() and text.isupper())
            or text in _NOT_BODIES
            or text in not_entities()
            or doc[tok.i - 1].lower_ not in _ARTICLES
        ):
            continue
        if speaking_name(doc[tok.i : tok.i + 1], lang) or _view_of(doc, tok):
            found.append(tok)
    return found


def _view_of(doc: Doc, tok: Token) -> bool:
    """``Pour le SNPS, …`` opening a sentence or a clause after a comma: whose view follows."""
    k = tok.i - 2
    if k < 0 or doc[k].lower_ != "pour" or tok.i + 1 >= len(doc) or doc[tok.i + 1].text != ",":
        return False
    return doc[k].is_sent_start or (k > 0 and doc[k - 1].text in {",", "mais", "et"})


def initials(name: str) -> str:
    """The capitals an acronym of ``name`` would spell (``Agence régionale de santé``: ARS)."""
    words = name.replace("\u2019", "'").replace("'", "' ").replace("-", " ").split()
    return spelt_initials(w for w in words if w[:1].isalpha()).upper()


def _capitals(word: str) -> str | None:
    """The initials an acronym spells: ``ARS``, or the capitals of ``SdJ`` (its lower-case
    letters stand for the links, ``Société des journalistes``); None for a word that is no
    acronym."""
    if not (2 <= len(word) <= 6 and word.isalpha() and word[0].isupper() and word[-1].isupper()):
        return None
    capitals = "".join(ch for ch in word if ch.isupper())
    if word.isupper():
        return word if len(word) >= 3 else None
    return capitals if len(capitals) >= 2 else None


def spelt_acronyms(
    doc: Doc, taken: set[int], names: dict[str, list[str]]
) -> list[tuple[int, int, str]]:
    """Acronyms the model left unlabelled (``l'ARS``, ``la SdJ``) that spell the initials of
    exactly one organisation the article names in full with three words or more (``l'Agence
    régionale de santé``): their character spans, each with that organisation's key. ``names``
    maps each organisation's key to its names; token starts in ``taken`` already belong to an
    entity."""
    spelling = _spelling(names.items())
    found = []
    for tok in doc:
        text = tok.text
        if tok.idx in taken or text in _NOT_BODIES or text in not_entities():
            continue
        text = text[:-1] if text.endswith(".") else text  # ``la SdJ.`` ending its sentence
        spelt = _capitals(text)
        if spelt is None:
            continue
        keys = spelling.get(spelt, [])
        if len(keys) == 1:
            found.append((tok.idx, tok.idx + len(text), keys[0]))
    return found


def _spelling(named: Iterable[tuple[T, Iterable[str]]]) -> dict[str, list[T]]:
    """The bodies each set of initials spells, from their names of three words or more."""
    out: dict[str, list[T]] = {}
    for body, names in named:
        for spelt in {initials(n) for n in names if len(n.split()) >= 3}:
            out.setdefault(spelt, []).append(body)
    return out


def join_spelt_acronyms(clusters: list[NameCluster], known: Callable[[str], bool]) -> None:
    """An acronym the model labelled as a body of its own (``l'ARS``) joins the one body of
    the article named in full whose initials it spells (``l'Agence régionale de santé``);
    not an acronym the knowledge base knows (``known``)."""
    bodies = [c for c in clusters if c.type == "organization" and c.mentions]
    spelling = _spelling((c, c.names) for c in bodies)
    for short in bodies:
        names = set(short.names)
        if short.kb is not None or len(names) != 1:
            continue
        word = names.pop()
        spelt = _capitals(word)
        if spelt is None or known(word):
            continue
        longer = [c for c in spelling.get(spelt, []) if c is not short and c.mentions]
        if len(longer) == 1:
            longer[0].mentions.extend(short.mentions)
            short.mentions = []
