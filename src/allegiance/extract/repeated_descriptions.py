"""A description that names its holder by what the article wrote before: the same role noun
with the same qualifiers written beside a name (``la ministre de la Culture, X``), or another
public office (``le préfet`` is not ``le maire X``). Split from
:mod:`allegiance.extract.described_speakers`, which calls these before and after its salience
rules; ``other_subject`` tells a name that is another clause's subject from a role's holder.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.speaker_roles import known_roles, role_contradicts, same_description

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from allegiance.extract.quote_context import MentionRef, QuoteContext
    from allegiance.models import Entity


#: public offices one person rarely holds together: a description naming one of them is not
#: the person the article introduced with another
_OFFICES = frozenset(
    {"maire", "préfet", "préfète", "ministre", "député", "députée", "sénateur", "sénatrice",
     "juge", "procureur", "procureure", "avocat", "avocate", "gouverneur", "ambassadeur",
     "ambassadrice", "recteur", "rectrice", "proviseur", "proviseure", "magistrat", "magistrate",
     "eurodéputé", "eurodéputée",
     # clergy: ``le vicaire`` is not ``le curé X``
     "curé", "vicaire", "évêque", "archevêque", "nonce", "imam", "rabbin", "pasteur"}
)  # fmt: skip


def other_office(ctx: QuoteContext, head: Token, lemma: str, entity: Entity, start: int) -> bool:
    """``entity`` was introduced with an office (``le maire X``) and the description names
    another one that none of its role words is covered by."""
    if lemma not in _OFFICES:
        return False
    roles = known_roles(ctx, entity, start)
    return bool(roles & (_OFFICES - {lemma})) and role_contradicts(ctx, head, entity, start)


def written_in_full(ctx: QuoteContext, head: Token, lemma: str, kind: str) -> Entity | None:
    """The actor named beside the latest earlier writing of the same role noun with all the
    description's qualifiers (``la ministre de la Culture``, ``l'élu écologiste``), when the
    description has some."""
    doc = ctx.doc
    for tok in reversed(doc[: head.left_edge.i]):
        if tok.lemma_.lower() != lemma or tok.pos_ != "NOUN" or not same_description(tok, head):
            continue
        # beside: right after the description's phrase (``la ministre de la Culture, X``,
        # ``l'élu écologiste X``) or right before it (``X, la ministre de la Culture``)
        left = tok.left_edge.i
        right = max(
            [tok.i]
            + [c.right_edge.i for c in tok.children if c.i > tok.i and c.dep_ in {"amod", "nmod"}]
        )
        lo, hi = max(tok.sent.start, left - 2), min(tok.sent.end, right + 4)
        refs = [
            r
            for r in ctx.mentions_in(doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text))
            if r.entity.type == kind
            and not other_subject(doc, tok, r)
            and (r.end <= doc[left].idx or r.start > doc[right].idx)
        ]
        if refs:
            return min(refs, key=lambda r: abs(r.start - tok.idx)).entity
        return None
    return None


#: adjectives that qualify any holder of a role and tell nobody apart
_PLAIN_ADJECTIVES = frozenset(
    {"nouveau", "nouvel", "nouvelle", "ancien", "ancienne", "premier", "première", "dernier",
     "dernière", "même", "autre", "seul", "seule", "jeune", "grand", "grande", "actuel",
     "actuelle", "principal", "principale", "haut", "haute"}
)  # fmt: skip


def _qualifiers(head: Token) -> set[str]:
    return {
        c.lower_
        for c in head.children
        if c.dep_ == "amod" and c.pos_ == "ADJ" and c.lower_ not in _PLAIN_ADJECTIVES
    }


def qualified_instead(
    ctx: QuoteContext, head: Token, entity: Entity, start: int, kind: str
) -> Entity | None:
    """Another actor of ``kind`` with an adjective of the description written beside its
    name, when ``entity`` (found by its role noun) has none (``l'entraîneur de Lens X …
    son homologue bordelais Y … L'entraîneur bordelais``: Y): the latest such actor."""
    if not _qualifiers(head) or qualifier_beside(ctx, head, entity, start):
        return None
    seen = {entity.id}
    for ref in reversed(ctx.mentions_in(max(0, start - 3000), start)):
        other = ref.entity
        if other.type != kind or other.id in seen:
            continue
        seen.add(other.id)
        if qualifier_beside(ctx, head, other, start):
            return other
    return None


def qualifier_beside(ctx: QuoteContext, head: Token, entity: Entity, start: int) -> bool:
    """An adjective of the description qualified a noun written as ``entity``'s apposition
    before ``start``: right before the name, with only adjectives between (``son homologue
    bordelais Willy Sagnol … L'entraîneur bordelais``), or right after it past a comma
    (``Willy Sagnol, l'entraîneur bordelais``). The description takes up that person, whatever
    role noun came with the name."""
    qualifiers = _qualifiers(head)
    if not qualifiers:
        return False
    doc = ctx.doc
    for m in entity.mentions:
        if m.start >= start:
            break
        first = ctx.token_at(m.start)
        last = ctx.token_at(max(m.start, m.end - 1))
        if first is None or last is None:
            continue
        k = first.i - 1  # ``homologue bordelais [Willy Sagnol]``
        while k >= first.sent.start and doc[k].pos_ == "ADJ":
            if doc[k].lower_ in qualifiers and doc[k].head.pos_ == "NOUN":
                return True
            k -= 1
        after = doc[last.i + 1 : min(first.sent.end, last.i + 6)]  # ``X, l'entraîneur bordelais``
        if len(after) and after[0].text == ",":
            for t in after[1:]:
                if t.pos_ == "ADJ" and t.lower_ in qualifiers:
                    return True
                if t.pos_ not in {"DET", "NOUN", "ADJ"}:
                    break
    return False


def other_subject(doc: Doc, role: Token, ref: MentionRef) -> bool:
    """``Selon le ministre de l'Intérieur, X a menti``: a name that is the subject of a clause
    the role noun only complements is someone else, not the holder of the role."""
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    name = span.root
    return (
        name.dep_.startswith("nsubj")
        and role.head.i != name.i
        and not (role.left_edge.i <= name.i <= role.right_edge.i)
        and not (name.left_edge.i <= role.i <= name.right_edge.i)
        # ``Le syndicat lycéen l'UNL tenait``: a second subject right after the role's
        # phrase is its name in apposition, which the parser read as two subjects
        and not (
            role.dep_.startswith("nsubj")
            and name.head.i == role.head.i
            and name.left_edge.i == role.right_edge.i + 1
            and not doc[role.right_edge.i].is_punct
        )
    )


__all__ = ["other_office", "other_subject", "written_in_full"]
