"""Who owns a short marked fragment: the rules that make a word or two in marks someone's words.

Split from :mod:`allegiance.extract.scare_quotes`, which rejects titles, names and charges and
hands the remaining short fragments (three words or fewer) to these rules. A fragment is a
quote when it belongs to a speaker:

* a speech cue with a speaker governs it closely (:func:`near_cue`), or governs the content
  clause it sits in (:func:`in_content_clause`: ``X a souligné que les conditions … permettraient
  au groupe « de se réarmer »``, however deep the parse puts it);
* the sentence opens on ``Pour X,`` / ``Selon X,`` where X can speak, a trial's party included
  (:func:`opinion_frame`: ``Pour l'accusation, l'homme n'était pas « fou »``);
* a relative ``selon qui`` / ``pour qui`` after a noun that can speak introduces it
  (:func:`relative_opinion`: ``…, a dit le responsable, selon qui la « seule issue » est …``);
* a verb of naming with a subject or agent that can speak stands right before it
  (:func:`naming_verb_before`; the verbs are in :mod:`allegiance.extract.naming_verbs`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from allegiance.extract.attribution import frame, is_cue, tokens_between
from allegiance.extract.fragment_cues import NEGATION, clause_head, clause_path, valid_cue
from allegiance.extract.frames import tops_of
from allegiance.extract.naming_verbs import namer_of, naming_agent, naming_verb
from allegiance.extract.relative_antecedents import last_relative_view
from allegiance.extract.speaker_words import TRIAL_PARTIES

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.attribution import Attribution
    from allegiance.extract.quote_context import QuoteContext


def near_cue(ctx: QuoteContext, attribution: Attribution, open_at: int, close_at: int) -> bool:
    """A speech cue with a speaker that owns the fragment: it governs the fragment's clause, or
    the fragment governs it (the incise ``« … », a-t-il lâché``), or nothing between them opens
    another clause. Counted in clauses, not characters: a long aside between the cue and the
    fragment (``a dénoncé mardi, lors d'une longue conférence …, une « trahison »``) does not
    make the fragment a scare quote."""
    cue = attribution.cue
    if cue is None or attribution.speaker is None or not valid_cue(cue):
        return False
    fragment = [t for t in tokens_between(ctx, open_at, close_at + 1) if not t.is_space]
    if not fragment:
        return False
    inside = {t.i for t in fragment}
    tops = tops_of(fragment)
    if any(cue in clause_path(top) for top in tops):
        return True  # ``a dénoncé … une « trahison »``
    if any(t.i in inside for t in clause_path(cue)):
        return True  # ``« … », a-t-il lâché``
    doc = cue.doc
    lo, hi = (cue.i + 1, fragment[0].i) if cue.i < fragment[0].i else (fragment[-1].i + 1, cue.i)
    return cue.sent.start == fragment[0].sent.start and not any(
        clause_head(t) for t in doc[lo:hi] if t.head.i != cue.i
    )


#: the conjunction opening a speech verb's content clause, a few words after the verb at most
#: (``a souligné que``, ``a déclaré mardi à la presse qu'``)
_QUE = re.compile(r"\b(?:que|qu')", re.IGNORECASE)
#: relative pronouns: a relative clause inside the reported clause is the author's description
_RELATIVE = {"qui", "dont", "où", "lequel", "laquelle", "lesquels", "lesquelles"}
#: what ends the reported clause before the fragment: another quote, a list, a clause the author
#: adds (``…, mais depuis il y a eu un « mais »``)
_CLAUSE_BREAK = re.compile(r"[;:«»“”\"]|,\s*(?:mais|car|or|donc|alors que|tandis que)\b")


def in_content_clause(
    ctx: QuoteContext, attribution: Attribution, open_at: int, close_at: int
) -> bool:
    """``X a souligné que les conditions posées par Y permettraient au groupe « de se réarmer »``:
    the fragment sits in the content clause (``que …``) of a speech verb with a speaker, in the
    same sentence, with no other speech verb or ``selon`` between them: the speaker reports it,
    in their words, however many clauses deep it lies (the parser often splits such sentences at
    a dash or hangs the clause elsewhere). The ``que`` must follow the verb closely, with no
    object of the verb between (``a rappelé les conditions que …`` opens a relative clause), and
    a relative clause of the reported clause still open at the fragment describes a noun in the
    author's words (``a affirmé que la réforme, qui vise les « petits » patrons, …``)."""
    cue = attribution.cue
    if cue is None or attribution.speaker is None or cue.pos_ != "VERB" or not valid_cue(cue):
        return False
    cue_end = cue.idx + len(cue.text)
    if cue_end >= open_at or any(c.lower_ in NEGATION for c in cue.children):
        return False
    f_start, _ = frame(ctx, open_at, close_at)
    if cue.idx < f_start:
        return False
    que = _QUE.search(ctx.text, cue_end, min(open_at, cue_end + 40))
    if que is None or _CLAUSE_BREAK.search(ctx.text, cue_end, open_at):
        return False
    for tok in tokens_between(ctx, cue_end, que.start()):
        if tok.idx < cue_end or tok.idx >= que.start():
            continue
        if tok.pos_ in {"VERB", "AUX"} or (tok.head.i == cue.i and tok.dep_ == "obj"):
            return False  # ``a rappelé les conditions que …``: a relative clause
    relative = False  # inside a relative clause not closed yet (``la réforme, qui vise les « … »``)
    for tok in tokens_between(ctx, que.end(), open_at):
        if tok.idx < que.end() or tok.idx >= open_at:
            continue
        if tok.lower_ in _RELATIVE or "Rel" in tok.morph.get("PronType", []):
            relative = True
        elif tok.text in {",", "–", "-", "(", ")"}:
            relative = False
        if tok.lower_ in {"selon", "d'après"} or (
            tok.pos_ == "VERB" and is_cue(ctx, tok) and clause_head(tok)
        ):
            return False  # another speaker's words may be quoted there
    return not relative  # the fragment qualifies a noun of the clause, in the author's words


_OPINION_OPENING = re.compile(
    r"\W*(?:pour|selon|d'après|à (?:ses|leurs) yeux)\s+([^,]{2,80}),", re.IGNORECASE
)


def opinion_frame(ctx: QuoteContext, open_at: int, close_at: int) -> bool:
    """The sentence opens on ``Pour X,`` / ``Selon X,`` / ``D'après X,`` where X can speak: the
    fragment is X's word. A party of a trial (``l'accusation``, ``la défense``, ``le parquet``)
    speaks through its counsel."""
    f_start, _ = frame(ctx, open_at, close_at)
    m = _OPINION_OPENING.match(ctx.text, f_start, open_at)
    if m is None:
        return False
    if TRIAL_PARTIES.fullmatch(m.group(1).strip()):
        return True
    toks = tokens_between(ctx, m.start(1), m.end(1))
    head = next((t for t in toks if t.pos_ in {"PROPN", "NOUN", "PRON"}), None)
    if head is None:
        return m.group(0).lower().lstrip(' «»"').startswith("à")
    return _can_own(ctx, head)


def _can_own(ctx: QuoteContext, head: Token) -> bool:
    return (
        head.pos_ == "PROPN"
        or head.lower_ in {"lui", "elle", "eux", "elles"}
        or ctx.mention_of(head) is not None
        or (head.pos_ == "NOUN" and ctx.can_speak(head))
    )


def relative_opinion(ctx: QuoteContext, open_at: int, close_at: int) -> bool:
    """``…, a expliqué le responsable, selon qui la « seule issue » est de « négocier »``: a
    relative ``selon qui`` (``pour qui``, ``d'après lequel``) earlier in the sentence, after a
    noun that can speak, makes the fragments of its clause that noun's words."""
    f_start, _ = frame(ctx, open_at, close_at)
    found = last_relative_view(ctx, f_start, open_at)
    if found is None:
        return False
    before = [t for t in tokens_between(ctx, max(f_start, found.start() - 40), found.start())]
    before = [t for t in before if t.idx < found.start() and not t.is_space and not t.is_punct]
    if not before:
        return False
    last = before[-1]
    if last.pos_ == "PROPN" or ctx.mention_of(last) is not None:
        return True
    return last.pos_ in {"NOUN", "ADJ"} and any(
        t.pos_ == "NOUN" and ctx.can_speak(t) for t in before[-3:]
    )


def naming_verb_before(ctx: QuoteContext, open_at: int) -> bool:
    """``le CIRC l'a classé « cancérogène probable »``: a verb of naming right before the marks,
    with a subject that can speak."""
    if naming_agent(ctx, open_at) is not None:
        return True  # ``une dette jugée « préoccupante » par les magistrats``
    verb = naming_verb(ctx, open_at)
    return verb is not None and namer_of(ctx, verb) is not None


__all__ = [
    "in_content_clause",
    "naming_verb_before",
    "near_cue",
    "opinion_frame",
    "relative_opinion",
]
