"""Tests on a candidate antecedent of a pronoun, for
:meth:`allegiance.extract.quote_context.QuoteContext.resolve_pronoun`: where the mention stands
(after a dative ``à``, after a preposition, inside quotation marks, as the agent of a fronted
participle) says whether it can be the person the pronoun goes on with."""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.speaker_gender import morph_gender
from allegiance.extract.speaker_words import NAME_PARTS, ORG_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.quote_context import MentionRef, QuoteContext


def after_dative(ctx: QuoteContext, start: int) -> bool:
    """Whether the mention at ``start`` follows a dative ``à``/``au``/``aux``, directly
    (``à Jean Dupont``) or over role words and a comma (``au chef du parti, Jean Dupont``)."""
    tok = ctx.token_at(start)
    if tok is None:
        return False
    doc, k = ctx.doc, tok.i - 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
        floor = k - 4
        while k > floor and k >= 0 and doc[k].pos_ in {"NOUN", "ADJ"}:
            k -= 1
    if k >= 0 and doc[k].pos_ == "DET":
        k -= 1
    return k >= 0 and doc[k].lower_ in {"à", "au", "aux"}


def after_preposition(ctx: QuoteContext, start: int) -> bool:
    """Whether a preposition (over a determiner) comes right before the mention at
    ``start``: ``devant la Cour``, ``à l'ONU``."""
    tok = ctx.token_at(start)
    if tok is None:
        return False
    k = tok.i - 1
    if k >= 0 and ctx.doc[k].pos_ == "DET":
        k -= 1
    return k >= 0 and ctx.doc[k].pos_ == "ADP"


def agent_of_fronted_participle(ctx: QuoteContext, ref: MentionRef, pos: int) -> bool:
    """``Interrogé par le juge, X, il a reconnu``: the agent of a participle set before the
    pronoun's clause acts on the pronoun's referent, so it is someone else."""
    tok, pron = ctx.token_at(ref.start), ctx.token_at(pos)
    if tok is None or pron is None or tok.sent.start != pron.sent.start:
        return False
    while tok.dep_ in NAME_PARTS and tok.head.i < tok.i:  # ``le juge, X``: up to ``juge``
        tok = tok.head
    part = tok.head
    return (
        tok.dep_ in {"obl:agent", "agent"}
        and part.dep_ == "advcl"
        and part.i < pron.i
        and part.head.i == pron.head.i
    )


def opens_author_sentence(subj: Token) -> bool:
    """``… une médaille.\nJean Dupuis a été interrogé …``: a subject whose phrase opens a
    sentence of the author's (after a full stop or a line break) belongs to a main clause,
    even where the parser ran the two sentences together and hung its verb on the one before
    as a complement clause."""
    first = subj.left_edge
    if first.i == 0:
        return True
    before = subj.doc[first.i - 1]
    return before.text in {".", "!", "?"} or (before.is_space and "\n" in before.text)


#: what introduces an adverbial infinitive (``avant de préciser``, ``pour ajouter``, ``sans dire``)
_ADVERBIAL_MARKS = frozenset({"avant", "pour", "sans", "afin", "après"})


def completive_under_adverbial(cue: Token, head: Token) -> bool:
    """``X a reconnu que les syndicats avaient raison, avant de préciser « … »``: an adverbial
    infinitive cue takes the subject of the main clause; a completive ``que`` clause the parser
    hung it on (``head``) is the reported content, and its subject is not the speaker."""
    return (
        "Inf" in cue.morph.get("VerbForm", [])
        and any(c.dep_ in {"mark", "case"} and c.lower_ in _ADVERBIAL_MARKS for c in cue.children)
        and any(c.dep_ == "mark" and c.lower_ in {"que", "qu'"} for c in head.children)
    )


def second_subject(tok: Token) -> bool:
    """``X, ministre, a rencontré Y mardi``: the parser gave the verb a second subject after
    it, where a declarative sentence puts its object; the one before the verb is the subject."""
    verb = tok.head
    return (
        tok.dep_.startswith("nsubj")
        and tok.i > verb.i
        and any(c.dep_.startswith("nsubj") and c.i < verb.i for c in verb.children)
    )


def introduced_on_stage(ctx: QuoteContext, ref: MentionRef) -> bool:
    """The mention introduces its person with an age or a role set after it (``Raphaël,
    apiculteur à Pithiviers``, ``Nadia, 52 ans``): a new person on stage, whatever the parse
    makes of the sentence."""
    from allegiance.resolve.person_names import introduced_after

    span = ctx.doc.char_span(ref.start, ref.end, alignment_mode="expand")
    return span is not None and introduced_after(span)


#: prepositions naming a report's source; ``d'après`` is ``d'`` with ``après`` fixed to it
_SOURCE_CASES = frozenset({"selon", "according"})
_ELIDED_DE = frozenset({"d'", "d’"})


def reported_source(tok: Token) -> bool:
    """``Selon le chef du camp Dil Mohammad, …``, ``Selon X, …``: the name (or the role noun it
    is apposed to) is the source of a report, which a later ``il`` takes up as it would a
    subject's name."""
    for t in (tok, tok.head) if tok.dep_ in {"appos", "flat:name"} else (tok,):
        for c in t.children:
            if c.dep_ != "case" or c.i > t.i:
                continue
            if c.lower_ in _SOURCE_CASES:
                return True
            if c.lower_ in _ELIDED_DE and any(f.lower_ == "après" for f in c.children):
                return True
    return False


def body_named_as(ctx: QuoteContext, start: int, gender: str | None) -> bool:
    """Whether the organisation named at offset ``start`` is written after a body's noun of
    ``gender`` (``la fédération VCI``, ``le groupe Renault``): French ``elle``/``il`` of that
    gender may go on with it as with a person. A bare name shows no gender."""
    tok = ctx.token_at(start)
    if gender is None or tok is None or tok.i == 0:
        return False
    noun = tok.doc[tok.i - 1]
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in ORG_NOUNS[ctx.lang]:
        return False
    det = next((c for c in noun.children if c.dep_ in {"det", "det:poss"}), None)
    return (morph_gender(det) or morph_gender(noun)) == gender
