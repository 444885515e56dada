"""Modality of an event cue: asserted, negated, future, hypothetical, reported or historical.

Read from the parse around the cue, in this order of precedence (the first that applies wins):

* negated: a negation on the cue, on its auxiliary or on the verb that governs it ("n'a pas
  critiqué", "did not endorse", "never sued", "n'a pas voulu critiquer"), or a negating governor
  ("a refusé de critiquer", "declined to endorse");
* hypothetical: a modal governor ("pourrait poursuivre", "could sue", "would back") or a
  condition ("si", "if");
* reported: only a third party claims it ("selon X", "according to", "allegedly", the French
  journalistic conditional "aurait investi", or a cue inside a reporting clause of somebody else);
* future: future tense or auxiliary ("investira", "will invest"), or a governor of intention
  ("va investir", "prévoit de", "plans to", "threatened to sue" -> the suing is future);
* historical: the event's date lies more than a year before publication, or an iterative or
  past marker ("à plusieurs reprises", "repeatedly", "ses critiques passées");
* asserted otherwise.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from allegiance.models import Modality

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.event_cues import Lexicon

HISTORICAL_AFTER = timedelta(days=365)
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}


def _words(lex: Lexicon, key: str) -> frozenset[str]:
    return lex.modality.get(key, frozenset())


def _lemma(tok: Token) -> str:
    return (tok.lemma_ or tok.text).lower()


def _is_negated(tok: Token, lex: Lexicon) -> bool:
    neg = _words(lex, "negation")
    for c in tok.children:
        if c.dep_ == "neg" or "Neg" in c.morph.get("Polarity", []):
            return True
        if c.lower_ in neg and c.dep_ in {"advmod", "neg", "det", "nmod"}:
            return True
    return False


def governors(cue: Token) -> list[Token]:
    """The verbs that take the cue as complement ("va investir" -> aller), nearest first."""
    out: list[Token] = []
    tok = cue
    while (
        tok.dep_ in {"xcomp", "ccomp", "obl:arg", "conj", "acomp"}
        and tok.head.i != tok.i
        and len(out) < 3
    ):
        if tok.dep_ == "conj":
            tok = tok.head
            continue
        out.append(tok.head)
        tok = tok.head
    return out


def _auxiliaries(tok: Token) -> list[Token]:
    return [c for c in tok.children if c.dep_ in {"aux", "aux:tense", "aux:pass", "auxpass"}]


def date_end(iso: str) -> date | None:
    """The last day of an ISO date truncated to a year, month or day ("2018" -> 2018-12-31)."""
    try:
        parts = [int(p) for p in iso.split("-")]
    except ValueError:
        return None
    if len(parts) == 1:
        return date(parts[0], 12, 31)
    if len(parts) == 2:
        nxt = date(parts[0] + (parts[1] == 12), parts[1] % 12 + 1, 1)
        return nxt - timedelta(days=1)
    if len(parts) == 3:
        return date(parts[0], parts[1], parts[2])
    return None


def is_old(iso: str | None, published: date | None) -> bool:
    """True when the date ends more than a year before publication."""
    if not iso or published is None:
        return False
    end = date_end(iso)
    return end is not None and end < published - HISTORICAL_AFTER


def _clause_words(cue: Token) -> list[Token]:
    """The cue's own clause: its subtree without embedded clauses of their own."""
    out: list[Token] = []
    stack = [cue]
    while stack:
        tok = stack.pop()
        out.append(tok)
        for c in tok.children:
            if c.dep_ in {"ccomp", "acl:relcl", "relcl", "parataxis"}:
                continue
            stack.append(c)
    return out


def _in_subordinate(marker: Token, cue: Token) -> bool:
    """The marker qualifies a clause below the cue, not the cue: "criticized X for allegedly
    abandoning ..." reports the criticism as a fact."""
    head = marker.head
    if head.i == cue.i or head.i == marker.i:
        return False
    node = head
    for _ in range(8):
        if node.i == cue.i:
            return True
        if node.head.i == node.i:
            return False
        node = node.head
    return False


def modality_of(
    cue: Token,
    lex: Lexicon,
    *,
    source: list[str] | None = None,
    event_date: str | None = None,
    published: date | None = None,
    reported_by_other: bool = False,
) -> Modality:
    """The modality of the event whose cue is ``cue`` (see the module docstring)."""
    govs = governors(cue)
    auxes = _auxiliaries(cue)
    # negated
    if _is_negated(cue, lex) or any(_is_negated(a, lex) for a in auxes):
        return "negated"
    if govs and (_is_negated(govs[0], lex) or _lemma(govs[0]) in _words(lex, "negating_governors")):
        return "negated"
    # hypothetical
    hypo = _words(lex, "hypothetical_governors")
    if any(_lemma(a) in hypo or a.lower_ in hypo for a in auxes):
        return "hypothetical"
    if govs and _lemma(govs[0]) in hypo:
        return "hypothetical"
    marks = _words(lex, "hypothetical_marks")
    for c in cue.children:  # "we will buy X if you want": the cue governs a condition
        if c.dep_ == "advcl" and any(g.dep_ == "mark" and g.lower_ in marks for g in c.children):
            return "hypothetical"
    clause = cue
    for _ in range(3):
        if any(c.dep_ == "mark" and c.lower_ in marks for c in clause.children):
            return "hypothetical"
        if clause.dep_ not in {"xcomp", "conj"}:
            break
        clause = clause.head
    # reported
    conditional = "Cnd" in cue.morph.get("Mood", []) or any(
        "Cnd" in a.morph.get("Mood", []) for a in auxes
    )
    if conditional:
        return "reported"
    markers = _words(lex, "reported_markers")
    if any(t.lower_ in markers and not _in_subordinate(t, cue) for t in cue.sent):
        return "reported"
    if reported_by_other:
        return "reported"
    # future
    if "Fut" in cue.morph.get("Tense", []) or any(a.lower_ in _FUTURE_AUX for a in auxes):
        return "future"
    if any("Fut" in a.morph.get("Tense", []) for a in auxes):
        return "future"
    future = _words(lex, "future_governors")
    if govs and (_lemma(govs[0]) in future or "Fut" in govs[0].morph.get("Tense", [])):
        return "future"
    if any(a.lower_ in _FUTURE_AUX for g in govs[:2] for a in _auxiliaries(g)):
        return "future"  # "he will be able to meet X": will -> be -> able -> meet
    # historical
    if is_old(event_date, published):
        return "historical"
    iterative = _words(lex, "iterative")
    clause_tokens = _clause_words(cue)
    words = {t.lower_ for t in clause_tokens}
    text = " ".join(t.lower_ for t in clause_tokens)
    if words & iterative or any(" " in w and w in text for w in iterative):
        return "historical"
    return "asserted"
