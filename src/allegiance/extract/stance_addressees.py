"""The one a cue addresses is a target of the quote: ``reprocher à X``, ``appeler X à``,
``promettre à X``, ``exprimer sa « solidarité » avec X``.

Called by :func:`allegiance.extract.stance.targets` through
:mod:`allegiance.extract.stance_targets`, which re-exports :func:`addressed_targets`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.quote_context import QuoteContext
from allegiance.extract.stance_actors import OPENING_MARKS, Add, described_actor, in_quote
from allegiance.models import Quote

if TYPE_CHECKING:
    from spacy.tokens import Token


#: cues whose direct object is the one spoken to or of (``appeler X à « … »``, ``accuser X``)
ADDRESS_OBJECT = {
    "fr": {
        "appeler", "exhorter", "inviter", "sommer", "enjoindre", "presser", "implorer",
        "supplier", "accuser", "menacer", "avertir", "féliciter", "remercier", "saluer",
        "soupçonner", "blâmer", "fustiger", "critiquer", "attaquer", "interpeller",
        "mettre en garde",
    },
    "en": {"urge", "call", "invite", "accuse", "warn", "threaten", "praise", "thank", "blame"},
}  # fmt: skip
#: cues whose ``à`` complement is the one spoken to (``reprocher à X de « … »``)
ADDRESS_DATIVE = {
    "fr": {
        "reprocher", "promettre", "demander", "réclamer", "ordonner", "conseiller",
        "recommander", "répondre", "rétorquer", "répliquer", "lancer", "adresser", "rappeler",
        "enjoindre", "opposer", "imputer", "exprimer", "garantir", "assurer",
    },
    "en": {"reply", "respond", "promise", "tell", "ask", "demand"},
}  # fmt: skip
#: prepositions of the addressee: ``à X``, ``au gouvernement``, ``avec X`` for a feeling shown
#: to someone (``exprimé sa « solidarité » avec X``)
_DATIVE_CASES = {"à", "au", "aux", "to"}
_WITH_CASES = {"avec", "envers", "with", "towards"}
#: nouns of a feeling or stance shown toward someone (``sa solidarité avec X``)
_TOWARD_NOUNS = {"solidarité", "soutien", "sympathie", "condoléances", "hostilité", "colère"}


def _case(tok: Token) -> str:
    case = next((c for c in tok.children if c.dep_ == "case"), None)
    return case.lower_ if case is not None else ""


def _governors(ctx: QuoteContext, quote: Quote, cue: Token | None) -> list[Token]:
    """The cue and, for a fragment, the verb outside the marks it hangs on (``a exprimé sa
    « solidarité »``, ``promet « un hiver de colère » au …``)."""
    out = [cue] if cue is not None else []
    if quote.kind != "partial":
        return out
    tok = ctx.token_at(quote.start)
    while tok is not None and tok.text in OPENING_MARKS and tok.i + 1 < len(tok.doc):
        tok = tok.doc[tok.i + 1]
    if tok is None:
        return out
    node = tok
    for _ in range(6):
        if not in_quote(quote, node) and node.pos_ in {"VERB", "AUX"}:
            if all(node.i != o.i for o in out):
                out.append(node)
            break
        if node.head.i == node.i:
            break
        node = node.head
    return out


def addressed_targets(
    ctx: QuoteContext, quote: Quote, cue: Token | None, exclude: set[str], whole: int, add: Add
) -> None:
    """The one a cue speaks to or of, outside the marks: the object of ``appeler``/``accuser``
    (``a appelé les membres du Conseil à « se ressaisir »``), the ``à`` complement of
    ``reprocher``/``promettre``/``demander`` (``a reproché au Hamas de « … »``), the ``avec``
    complement of a feeling shown (``a exprimé sa « solidarité totale » avec X``)."""
    lang = ctx.lang
    for verb in _governors(ctx, quote, cue):
        lemma = verb.lemma_.lower()
        pol = ctx.cues.words.get(lemma, 0)
        stance = whole if whole != 0 else pol
        for child in verb.children:
            if in_quote(quote, child):
                continue
            case = _case(child)
            if child.dep_ in {"obj", "dobj"} and lemma in ADDRESS_OBJECT.get(lang, set()):
                _add_addressee(ctx, quote, child, exclude, stance, add)
            elif child.dep_ in {"iobj", "obl", "obl:arg", "obl:mod", "dative"} and (
                case in _DATIVE_CASES or child.lower_ in {"lui", "leur"}
            ):
                if lemma in ADDRESS_DATIVE.get(lang, set()) and child.pos_ != "PRON":
                    _add_addressee(ctx, quote, child, exclude, stance, add)
            elif case in _WITH_CASES and _shows_feeling(verb, quote):
                _add_addressee(ctx, quote, child, exclude, stance, add)
    if quote.kind != "partial":
        return
    # ``sa « solidarité totale » avec la Belgique``: the quoted noun's own complement
    span = ctx.doc.char_span(quote.start, quote.end, alignment_mode="expand")
    for tok in span if span is not None else []:
        if tok.lemma_.lower() not in _TOWARD_NOUNS:
            continue
        for child in tok.children:
            if not in_quote(quote, child) and _case(child) in _WITH_CASES:
                _add_addressee(ctx, quote, child, exclude, whole, add)


def _shows_feeling(verb: Token, quote: Quote) -> bool:
    """``exprimer sa solidarité avec X``: the verb's object is a feeling toward someone."""
    return any(
        c.dep_ in {"obj", "dobj"} and c.lemma_.lower() in _TOWARD_NOUNS for c in verb.children
    )


def _add_addressee(
    ctx: QuoteContext, quote: Quote, node: Token, exclude: set[str], stance: int, add: Add
) -> None:
    """The actor a complement names: a mention in its phrase (``les membres du Conseil``), else
    the actor a role description stands for (``au chef de l'Etat``)."""
    left, right = node.left_edge, node.right_edge
    if right.i - left.i > 10:
        right = node
    refs = [
        r
        for r in ctx.mentions_in(left.idx, right.idx + len(right.text))
        if r.entity.type in {"person", "organization"} and not quote.start <= r.start < quote.end
    ]
    if refs:
        if refs[0].entity.id not in exclude:
            add(refs[0].entity.id, stance)
        return
    described = described_actor(ctx, node, quote.start)
    if described is not None and described.id not in exclude:
        add(described.id, stance)
