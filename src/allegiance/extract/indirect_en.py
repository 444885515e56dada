"""English reported speech: which verb objects are what was said, and which cues report nothing.

Split from :mod:`allegiance.extract.indirect`: the checks that only English needs — noun-phrase
objects of speech verbs (``criticized the plan``) but not of actions (``sought more funding``),
amounts never being content, agentless passives, evidence verbs, subjects that are events
rather than speakers, content kept within its paragraph.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.report_filters import contiguous, trailing_punct

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.models import Speaker

#: English cues whose noun-phrase object is what is reported (``criticized the plan``,
#: ``defended his tweets``): PolNeAR annotates these objects as contents. The others take a
#: person (``told reporters``) or a dummy (``said it``) as object.
NP_OBJECT_EXCLUDED = {
    "say",
    "tell",
    "ask",
    "thank",
    "go",
    "put",
    "begin",
    "continue",
    "read",
    "add",
    "call",
    "feel",
    "write",
    "post",
    "tweet",
    "answer",
    "interrupt",
    "find",
    # stance-less or non-speech readings: ``sought more funding``, ``pledged $1 billion``,
    # ``showed little interest``, ``maintain access``, ``know the answer`` (PolNeAR matches
    # these objects at a third of the time or less, and on news they are mostly actions)
    "seek",
    "pledge",
    "promise",
    "vow",
    "show",
    "highlight",
    "maintain",
    "know",
    "realize",
    "consider",
    "celebrate",
    "want",
    "hope",
    "expect",
    "worry",
    "welcome",
    "promote",
    "signal",
}
#: entity labels of an object that is an amount, never what was said (``pledged $1 billion``)
_AMOUNT_LABELS = {"MONEY", "CARDINAL", "PERCENT", "QUANTITY"}
#: head nouns of English subjects that are events, claims or figures, never speakers
#: (``the announcement … sought``, ``claims of bias … finding``, ``this launch shows``)
_NOT_ACTORS_EN = {
    "announcement",
    "claim",
    "advance",
    "launch",
    "number",
    "figure",
    "plea",
    "departure",
    "move",
    "decision",
    "effort",
    "order",
    "deal",
    "bid",
    "offer",
    "event",
    "development",
    "fact",
    "news",
    "step",
    "change",
    "shift",
    "trend",
    "rise",
    "fall",
    "growth",
    "increase",
    "decline",
    "drop",
}
#: cues that report evidence rather than speech when set as a participle after the main clause
#: (``…, highlighting the need``, ``the report showing the contributions``)
_EVIDENCE_CUES_EN = {"highlight", "show", "find", "signal", "indicate", "underscore", "reflect"}


def english_object(cue: Token, lemma: str) -> list[Token] | None:
    """What an English cue is about when it takes no clause: ``called the charges unfounded``
    (object + predicate), ``criticized the plan`` (object), ``called for a repeal`` (``for``,
    ``about``, ``of``, ``on``, ``against`` + noun)."""
    children = list(cue.children)
    obj = next((c for c in children if c.dep_ == "dobj" and c.pos_ != "PRON"), None)
    if obj is not None:
        pred = next(
            (c for c in children if c.dep_ in {"oprd", "xcomp", "ccomp"} and c.i > obj.i), None
        )
        if pred is not None:  # ``called X a hoax``
            return contiguous([t for t in cue.doc[obj.left_edge.i : pred.right_edge.i + 1]])
        if lemma not in NP_OBJECT_EXCLUDED and obj.ent_type_ not in _AMOUNT_LABELS:
            return contiguous(list(obj.subtree))
    for prep in children:
        if prep.dep_ == "prep" and prep.lower_ in {"for", "about", "of", "on", "against"}:
            pobj = next((c for c in prep.children if c.dep_ in {"pobj", "pcomp"}), None)
            if pobj is not None and pobj.pos_ != "PRON":
                return contiguous(list(pobj.subtree))
    return None


def english_report(cue: Token) -> bool:
    """Whether an English cue, by its form and its subject, can report someone's words: not a
    passive with no agent (``Trump is being urged to …``: the urgers are unnamed), not the
    question put to the speaker (``Asked about X, Musk said``), not evidence in a participle
    (``…, highlighting the need``), not an infinitive on a noun (``the financing to back the
    bid``), not a cue whose subject is an event or a figure (``the announcement … sought``)."""
    children = list(cue.children)
    lemma = cue.lemma_.lower()
    if lemma == "according" or cue.lower_ == "according":
        return True
    if any(c.dep_ in {"nsubjpass", "auxpass"} for c in children) and not any(
        c.dep_ == "agent" or (c.dep_ == "prep" and c.lower_ == "by") for c in children
    ):
        return False
    subject = next((c for c in children if c.dep_ in {"nsubj", "csubj"}), None)
    if lemma == "ask":
        if subject is None and cue.tag_ == "VBN":
            return False  # ``Asked about …, X responded``, ``when asked about …``
        if any(c.dep_ == "xcomp" and c.lower_ in {"be"} for c in children) or any(
            t.lower_ in {"identified", "named"} for t in cue.doc[cue.i + 1 : cue.i + 6]
        ):
            return False  # ``who asked not to be identified``
    if cue.tag_ == "VBG" and lemma in _EVIDENCE_CUES_EN and subject is None:
        head = cue.head
        if cue.dep_ in {"advcl", "acl", "xcomp", "conj"} and head.lemma_.lower() not in {
            "say",
            "tell",
            "write",
            "add",
        }:
            return False
    if cue.tag_ == "VBG" and any(
        t.lower_ in {"identified", "named", "anonymity"} for t in cue.doc[max(0, cue.i - 3) : cue.i]
    ):
        return False  # ``who asked not to be identified discussing private talks``
    if cue.dep_ in {"acl", "relcl"} and any(c.dep_ == "aux" and c.lower_ == "to" for c in children):
        return False  # ``the financing to back the bid``, ``pleas to maintain access``
    if (
        subject is not None
        and subject.pos_ == "NOUN"
        and subject.lemma_.lower() in _NOT_ACTORS_EN
        and not any(c.ent_type_ in {"PERSON", "ORG", "NORP", "GPE"} for c in subject.subtree)
    ):
        return False
    if cue.dep_ == "relcl":
        clause = next((c for c in children if c.dep_ == "ccomp"), None)
        if clause is not None and not any(
            c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in clause.children
        ):
            return False  # ``funds that X feels are not in line``: the clause lost its subject
    return True


def speaker_is_subject(cue: Token, speaker: Speaker) -> bool:
    """An English cue with a subject speaks for that subject: a speaker found elsewhere (``2 in
    10 say it describes Trump better`` gave Harris, named earlier) is a wrong guess. The parser
    may give an incise two subjects (``The museum, Carter said, …``): any of them will do."""
    subjects = [c for c in cue.children if c.dep_ in {"nsubj", "csubj"}]
    if not subjects or speaker.mention is None:
        return True
    if any(s.lower_ in {"who", "that", "which"} for s in subjects):
        return True  # a relative's speaker is its antecedent
    for subject in subjects:
        words = list(subject.subtree)
        lo, hi = words[0].idx, words[-1].idx + len(words[-1].text)
        if speaker.mention.start < hi and lo < speaker.mention.end:
            return True
    return False


def in_paragraph(cue: Token, content: list[Token]) -> list[Token] | None:
    """An English content cut to the cue's paragraph (a heading, a bullet or the next
    paragraph is never part of it), and kept only if words remain (``argues about it on X``
    left ``X`` and spaces)."""
    doc = cue.doc
    start, end = cue.sent.start, cue.sent.end
    for k in range(cue.i - 1, -1, -1):
        if doc[k].is_space and "\n" in doc[k].text:
            start = k + 1
            break
    else:
        start = 0
    for k in range(cue.i + 1, len(doc)):
        if doc[k].is_space and "\n" in doc[k].text:
            end = k
            break
    else:
        end = len(doc)
    kept = [t for t in content if start <= t.i < end]
    if 2 * len(kept) < len(content) and not any(t.pos_ in {"VERB", "AUX"} for t in kept):
        return None  # the parser took a heading for the content: what is left is a stray piece
    if len(kept) < len(content):
        kept = contiguous(kept) or []
    while kept and (kept[-1].is_space or trailing_punct(kept[-1], {"»", "”", '"'})):
        kept = kept[:-1]
    words = [t for t in kept if t.is_alpha]
    return kept if len(words) >= 2 else None
