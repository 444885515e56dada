"""Who a description naming only a body stands for: ``le président du sp.a``, ``son homologue
de l'Open Vld``, ``le patron du PS``.

French political and news writing introduces a figure once with the body they belong to or
lead, either in parentheses after the name (``Egbert X (Open Vld) et Conner Y (sp.a)``) or
with a role noun whose complement is the body (``le premier secrétaire du Parti socialiste,
Olivier X``, ``le président du MR Georges-Louis Y``, ``Paul Z, président du PS``). It then takes
the figure up by the body alone: ``a ajouté le président du sp.a``, ``a admis son homologue de
l'Open Vld``. This module finds, for such a description, the one person the article tied to
the body in its complement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.speaker_roles import (
    description_covers,
    known_roles,
    relatum,
    role_contradicts,
)
from allegiance.extract.speaker_words import FR_OF, ORG_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from allegiance.extract.quote_context import MentionRef, QuoteContext
    from allegiance.models import Entity

#: how far back (characters) the person tied to the body may have been introduced
_WINDOW = 6000
#: determiners of a description that refers back (``le président du X``, ``son homologue de
#: X``); an indefinite one (``un élu du PS``) introduces someone new
_BACK = frozenset({"le", "la", "l'", "l", "son", "sa"})
#: nouns for a body's figure that fit whatever role the article gave them first (``le patron
#: du PS`` for its premier secrétaire, ``son homologue de X`` for X's préformateur)
_FIGURE_NOUNS = frozenset(
    {"patron", "patronne", "chef", "cheffe", "président", "présidente", "leader", "dirigeant",
     "dirigeante", "homologue", "responsable", "numéro", "représentant", "représentante"}
)  # fmt: skip


def affiliated_person(ctx: QuoteContext, head: Token, start: int) -> Entity | None:
    """The one person introduced before ``start`` as belonging to the body named in the ``de``
    complement of the description ``head`` (``le président du sp.a`` after ``Conner Y
    (sp.a)``), of the description's gender; ``None`` when nobody or several people fit."""
    if ctx.lang != "fr" or head.pos_ != "NOUN":
        return None
    lemma = head.lemma_.lower()
    if lemma in ORG_NOUNS[ctx.lang] or not ctx.can_speak(head):
        return None  # ``le groupe du PS``: a body, not its figure
    det = next((c for c in head.children if c.dep_ in {"det", "det:poss"}), None)
    if det is None or det.lower_.replace("’", "'") not in _BACK:
        return None
    body = _body_keys(ctx, relatum(head))
    if not body:
        return None
    gender = _gender(head, det)
    generic = bool({lemma, head.lower_} & _FIGURE_NOUNS)
    found: dict[str, Entity] = {}
    for ref in ctx.mentions_in(max(0, start - _WINDOW), start):
        entity = ref.entity
        if entity.type != "person" or entity.id in found or not (_tied_to(ctx, ref) & body):
            continue
        if gender is not None and ctx.gender_of(entity) not in {None, gender}:
            continue
        if not generic and role_contradicts(ctx, head, entity, start):
            continue  # ``l'avocat du PS`` is not the PS figure introduced as its président
        found[entity.id] = entity
    if len(found) > 1:  # ``la députée Y (PS) … le président X (PS) … le président du PS``: X
        covers = description_covers(ctx, head)
        fitting = [e for e in found.values() if known_roles(ctx, e, start) & covers]
        return fitting[0] if len(fitting) == 1 else None
    return next(iter(found.values()), None)


def _gender(head: Token, det: Token) -> str | None:
    """The gender the description says: its article, else the noun (``son homologue`` is
    epicene)."""
    if det.lower_ in {"la", "sa"}:
        return "Fem"
    if det.lower_ == "le":
        return "Masc"
    if head.lower_.endswith(("ente", "trice", "ière", "euse", "esse")):
        return "Fem"
    return None


def _key_text(tokens: list[Token]) -> str:
    return "".join(t.lower_ for t in tokens)


def _body_keys(ctx: QuoteContext, related: list[Token]) -> set[str]:
    """The keys of the body in a description's complement: its entity and its written form
    (``du sp.a``: the form, should the resolver have missed the name). Empty when the
    complement names a person (``l'avocat de X``) or no name at all (``le maire de la ville``)."""
    if not related:
        return set()
    child = related[0]
    words = [t for t in child.subtree if t.dep_ not in {"case", "det"} and not t.is_punct]
    if not words or len(words) > 5:
        return set()
    if not any(t.pos_ == "PROPN" or t.text[:1].isupper() for t in words):
        # ``du sp.a``: a lower-case name is a body only when the article put it in
        # parentheses after someone's name; ``le maire de la ville`` names none
        return {"par:" + _key_text(words)}
    keys = {"txt:" + _key_text(words)}
    for ref in ctx.mentions_in(words[0].idx, words[-1].idx + len(words[-1].text)):
        if ref.entity.type == "person":
            return set()
        keys.add("id:" + ref.entity.id)
    return keys


def _tied_to(ctx: QuoteContext, ref: MentionRef) -> set[str]:
    """The keys of the bodies a person mention is tied to by the article's own words: a name in
    parentheses right after it (``X (Open Vld)``), or a role noun whose complement names the
    body, before the name (``le président du MR X``, ``le premier secrétaire du PS, X``) or
    apposed after it (``X, président du PS``)."""
    doc = ctx.doc
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None or not len(span):
        return set()
    keys: set[str] = set()
    j = span.end
    if j < len(doc) and doc[j].text == "(":
        close = next((k for k in range(j + 1, min(len(doc), j + 8)) if doc[k].text == ")"), None)
        if close is not None and close > j + 1:
            inside = _keys_of(ctx, doc, j + 1, close)
            keys |= inside | {"par:" + k[4:] for k in inside if k.startswith("txt:")}
    k = span.start - 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    if k >= 1:
        body = _body_ending(ctx, doc, k)
        if body is not None and _role_before(ctx, doc, body[0] - 1):
            keys |= _keys_of(ctx, doc, body[0], body[1])
    j = span.end
    if j + 3 < len(doc) and doc[j].text == ",":
        j = _skip(doc, j + 1, {"DET", "ADJ"})
        if j < len(doc) and _is_role_noun(ctx, doc[j]):
            j = _skip(doc, j + 1, {"ADJ"})
            if j < len(doc) and _of(doc[j]):
                j = _skip(doc, j + 1, {"DET"})
                body = _body_starting(ctx, doc, j)
                if body is not None:
                    keys |= _keys_of(ctx, doc, body[0], body[1])
    return keys


def _keys_of(ctx: QuoteContext, doc: Doc, lo: int, hi: int) -> set[str]:
    """The keys of the body written in tokens ``lo`` to ``hi`` (excluded), its article aside."""
    words = [t for t in doc[lo:hi] if t.pos_ != "DET" and not t.is_punct]
    if not words:
        return set()
    keys = {"txt:" + _key_text(words)}
    for ref in ctx.mentions_in(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)):
        if ref.entity.type != "person":
            keys.add("id:" + ref.entity.id)
    return keys


def _body_ending(ctx: QuoteContext, doc: Doc, k: int) -> tuple[int, int] | None:
    """The tokens of an organisation's name that ends at token ``k``."""
    end = doc[k].idx + len(doc[k].text)
    for ref in ctx.mentions_in(doc[max(0, k - 6)].idx, end):
        if ref.end == end and ref.entity.type == "organization":
            first = doc.char_span(ref.start, ref.end, alignment_mode="expand")
            if first is not None and len(first):
                return first.start, k + 1
    return None


def _body_starting(ctx: QuoteContext, doc: Doc, j: int) -> tuple[int, int] | None:
    """The tokens of an organisation's name that starts at token ``j``."""
    ref = ctx.mention_of(doc[j])
    if ref is None or ref.entity.type != "organization" or ref.start != doc[j].idx:
        return None
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    return (span.start, span.end) if span is not None and len(span) else None


def _role_before(ctx: QuoteContext, doc: Doc, k: int) -> bool:
    """Token ``k`` closes ``<role> (adjectives) de (article)`` before a body's name."""
    if k >= 0 and doc[k].pos_ == "DET" and not _of(doc[k]):
        k -= 1
    if k < 1 or not _of(doc[k]):
        return False
    k -= 1
    while k > 0 and doc[k].pos_ == "ADJ":
        k -= 1
    return _is_role_noun(ctx, doc[k])


def _is_role_noun(ctx: QuoteContext, tok: Token) -> bool:
    return (
        tok.pos_ == "NOUN" and tok.lemma_.lower() not in ORG_NOUNS[ctx.lang] and ctx.can_speak(tok)
    )


def _skip(doc: Doc, j: int, pos: set[str]) -> int:
    n = 0
    while j < len(doc) and doc[j].pos_ in pos and n < 3:
        j, n = j + 1, n + 1
    return j


def _of(tok: Token) -> bool:
    return tok.lower_.replace("’", "'") in FR_OF
