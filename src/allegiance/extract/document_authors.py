"""The author of a document a quote is attributed to (``selon le communiqué``, ``selon ces
résolutions``): the actor who said a quote in it or issued it a few sentences before."""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.speaker_words import of_complement

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from allegiance.extract.quote_context import QuoteContext
    from allegiance.models import Entity


#: determiners that point back to a thing already named (``le communiqué``, ``ces résolutions``)
_ANAPHORIC = {"fr": {"le", "la", "l'", "les", "ce", "cet", "cette", "ces"}, "en": {"the", "this"}}
#: how many sentences back a document's earlier mention may lie
_DOCUMENT_SENTENCES = 3


def document_author(ctx: QuoteContext, head: Token, start: int) -> Entity | None:
    """The author of a document cited again (``selon le communiqué``, ``selon ces
    résolutions``): the same noun a few sentences before, in a sentence whose quote is
    attributed (``« … », a affirmé X dans un communiqué``) or whose subject issued it (``X a
    publié un rapport``), unless that noun names its author (``un article de Mediapart``)."""
    det = next((c for c in head.children if c.dep_ in {"det", "det:poss"}), None)
    if det is None or det.lower_.replace("’", "'") not in _ANAPHORIC.get(ctx.lang, set()):
        return None
    lemma = head.lemma_.lower()
    doc = ctx.doc
    sents = 0
    current = head.sent.start
    for tok in reversed(doc[: head.left_edge.i]):
        if tok.sent.start != current:
            current, sents = tok.sent.start, sents + 1
            if sents > _DOCUMENT_SENTENCES:
                return None
        if tok.pos_ != "NOUN" or tok.lemma_.lower() != lemma:
            continue
        named = _named_author(ctx, tok)
        if named is not None:  # ``un article de Mediapart … Selon cet article``
            return named
        sent = tok.sent
        lo = _incise_sentence_start(doc, sent.start)
        said = [
            (offset, sp.entity)
            for offset, sp in ctx.speakers_seen
            if sp.entity and doc[lo].idx <= offset < sent.end_char and offset < start
        ]
        if said and _where_said(tok):  # the quote nearest before the document, else the first
            before = [s for s in said if s[0] <= tok.idx]
            entity = ctx.entity((before[-1] if before else said[0])[1])
            if entity is not None:
                return entity
        return _issuer(ctx, tok)
    return None


#: documents whose ``de X`` names their author (a biography's, a portrait's names its subject)
_AUTHORED = frozenset(
    {"article", "rapport", "communiqué", "étude", "enquête", "note", "lettre", "courrier",
     "déclaration", "témoignage", "avis", "tribune", "dépêche", "message", "publication",
     "entretien", "interview", "communication"}
)  # fmt: skip


def _named_author(ctx: QuoteContext, document: Token) -> Entity | None:
    """The person or organisation of the document's ``de X`` (``un article de Mediapart``),
    for the documents whose complement is their author (:data:`_AUTHORED`)."""
    if document.lemma_.lower() not in _AUTHORED:
        return None
    for child in document.children:
        if child.dep_ != "nmod" or child.i < document.i or not of_complement(child):
            continue
        ref = ctx.mention_of(child)
        if ref is not None and ref.entity.type in {"person", "organization"}:
            return ref.entity
    return None


#: no sentence opens with these: the parser cut a quote from its incise (``», a dit X``)
_NO_OPENING = {",", "»", "”"}
#: no sentence ends with these: an opening mark the parser left alone
_NO_CLOSING = {"«", "“"}


def _incise_sentence_start(doc: Doc, start: int) -> int:
    """The first token of the sentence starting at token ``start``, taken back over the quote
    the parser cut off from its incise (``« … »`` / ``, a affirmé X dans un communiqué.``)."""
    for _ in range(3):
        if start == 0:
            break
        prev = doc[start - 1]
        if doc[start].text not in _NO_OPENING and prev.text not in _NO_CLOSING:
            break
        start = prev.sent.start
    return start


def _where_said(doc_tok: Token) -> bool:
    """The document is where a quote of its sentence was said (``a affirmé X dans un
    communiqué``, ``a déclaré X par communiqué``): a complement of a verb, not of a noun
    (``après la lecture du communiqué`` is what X reacted to)."""
    return doc_tok.dep_.startswith("obl") and doc_tok.head.pos_ == "VERB"


#: verbs by which an actor issues a document (``X a publié un rapport``)
_ISSUING = frozenset(
    {"publier", "diffuser", "adopter", "rendre", "signer", "transmettre", "présenter", "émettre",
     "rédiger", "envoyer", "adresser", "voter", "approuver", "issue", "publish", "release"}
)  # fmt: skip


def _issuer(ctx: QuoteContext, doc_tok: Token) -> Entity | None:
    """Who issued a document: the named subject of an issuing verb it is the object of (``X a
    publié un rapport``), or the agent of the participle it carries (``le communiqué publié par
    X``)."""
    verb = doc_tok.head
    if doc_tok.dep_ in {"obj", "dobj"} and verb.pos_ == "VERB":
        if verb.lemma_.lower() not in _ISSUING:
            return None  # ``X a critiqué le rapport``: a reader, not its author
        agents = [c for c in verb.children if c.dep_ == "nsubj"]
    else:
        issued = [c for c in doc_tok.children if c.dep_ == "acl" and c.lemma_.lower() in _ISSUING]
        agents = [a for c in issued for a in c.children if a.dep_ in {"obl:agent", "agent"}]
    for child in agents:
        ref = ctx.mention_of(child)
        if ref is not None and ref.entity.type in {"person", "organization"}:
            return ref.entity
    return None
