"""Source and targets of a noun cue: "les attaques de X contre Y", "X, donateur de Y",
"la brouille entre X et Y", "the Trump-Musk feud"."""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.event_arguments import subject_of, targets_of
from allegiance.extract.event_context import ActorIndex
from allegiance.extract.event_cues import Cue, lemma_of, load_lexicon
from allegiance.extract.event_nominals import nominal_actors, preposition

if TYPE_CHECKING:
    from spacy.tokens import Token

POSSESSIVES = {"son", "sa", "ses", "leur", "leurs", "his", "her", "its", "their"}


def noun_arguments(cue: Token, spec: Cue, index: ActorIndex) -> tuple[list[str], list[str], float]:
    """Source and targets of a noun cue ("les attaques de X contre Y")."""
    if any(c.lower_ in POSSESSIVES and c.i < cue.i for c in cue.children):
        # "ses critiques": the possessor is not resolved, do not guess; but in "X maintient
        # sa collaboration avec Y" the possessor is the subject of a verb that carries on
        # its own action
        carry_on = load_lexicon(index.lang).words("carry_on")
        if cue.dep_ not in {"obj", "dobj"} or lemma_of(cue.head) not in carry_on:
            return [], [], 0.0
        owner, sure = subject_of(cue.head, index)
        if not owner:
            return [], [], 0.0
        targets, t_sure = targets_of(cue, spec, index, owner)
        return owner, targets, 0.7 * sure * t_sure
    if spec.agent:
        return _agent_arguments(cue, spec, index)
    source: list[str] = []
    certainty = 0.85
    for c in cue.children:
        prep = preposition(c)
        if prep in {"de", "d'", "du", "des", "part", "par", "by", "from"} or c.dep_ == "poss":
            actors, sure = nominal_actors(c, index, set())
            if actors:
                source, certainty = actors, certainty * sure
                break
        if c.dep_ == "prep" and c.lower_ in {"by", "from"}:  # "an offer from X"
            pobj = next((p for p in c.children if p.dep_ == "pobj"), None)
            if pobj is not None and (actors := nominal_actors(pobj, index, set())[0]):
                source = actors
                break
    if not source and not _agent_written(cue):
        head = cue
        for _ in range(4):
            if head.dep_ not in {
                "nmod",
                "obj",
                "dobj",
                "obl",
                "obl:arg",
                "obl:mod",
                "pobj",
                "prep",
                "conj",
            }:
                break
            head = head.head
            if head.pos_ == "VERB":
                source, sure = subject_of(head, index)
                certainty *= sure * 0.9
                break
    if spec.between:
        members = _between(cue, index)
        if len(members) >= 2:
            return members[:1], members[1:], certainty
    targets, sure = targets_of(cue, spec, index, source)
    if not targets:
        targets = _verb_complement_targets(cue, spec, index, source)
    return source, targets, certainty * sure


def _verb_complement_targets(
    cue: Token, spec: Cue, index: ActorIndex, source: list[str]
) -> list[str]:
    """The target the parser hung on the verb whose object the noun is: "imposer des droits de
    douane à X", "décréter un embargo contre X" (the complement is the measure's, not the
    verb's: the verb only carries it out)."""
    if cue.dep_ not in {"obj", "dobj"} or cue.head.pos_ != "VERB":
        return []
    out: list[str] = []
    for c in cue.head.children:
        if c.i < cue.i or c.dep_ not in {"obl", "obl:arg", "obl:mod", "iobj"}:
            continue
        if preposition(c) in spec.targets:
            actors, _ = nominal_actors(c, index, set(source))
            out += [a for a in actors if a not in out]
    return out


def _agent_arguments(
    cue: Token, spec: Cue, index: ActorIndex
) -> tuple[list[str], list[str], float]:
    """A noun that names its source ("X est (l'un des) donateur(s) de Y", "X is a donor to
    Y", "X, donateur de Y"): the source is what the noun is said of, the complements are the
    targets."""
    source: list[str] = []
    node = cue
    for _ in range(3):
        if node.dep_ == "appos":
            source = nominal_actors(node.head, index, set())[0]
            break
        subjects = [c for c in node.children if c.dep_ in {"nsubj", "nsubj:pass"}]
        if not subjects and node.dep_ == "attr":  # English copula: "X is a donor"
            subjects = [c for c in node.head.children if c.dep_ == "nsubj"]
        if subjects:
            source = nominal_actors(subjects[0], index, set())[0]
            break
        if node.dep_ not in {"nmod", "pobj", "prep"} or node.head.i == node.i:
            break
        node = node.head
    if not source:
        return [], [], 0.0
    targets, sure = targets_of(cue, spec, index, source)
    return source, targets, 0.75 * sure


def between_members(cue: Token, index: ActorIndex) -> list[str]:
    """The actors a cue is between: "entre X et Y" after it, or the pair before it."""
    return _between(cue, index)


def _between(cue: Token, index: ActorIndex) -> list[str]:
    """Actors listed after "entre" / "between" following a noun cue."""
    doc = cue.doc
    j = cue.i + 1
    if j + 1 < len(doc) and doc[j].text == "-":  # "falling-out between X and Y"
        j += 2
    if j >= len(doc) or doc[j].lower_ not in {"entre", "between"}:
        return _paired_before(cue, index)
    out: list[str] = []
    j += 1
    depth = 0
    while j < len(doc) and j < cue.i + 25:
        t = doc[j]
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth -= 1
        elif depth == 0:
            ent = index.actor(t)
            if ent:
                if ent not in out:
                    out.append(ent)
            elif (
                t.lower_ not in {"et", "and", ","}
                and not t.is_space
                or t.lower_ in {"et", "and"}
                and j + 1 < len(doc)
                and not index.actor(doc[j + 1])
            ):
                break
        j += 1
    return out


def _paired_before(cue: Token, index: ActorIndex) -> list[str]:
    """The pair written before a noun of mutual relation: "X and Y's falling-out", "the
    Trump-Musk feud", "la brouille Trump-Musk" is after it (read on the words: the parser
    splits these anywhere)."""
    doc = cue.doc
    out: list[str] = []
    j = cue.i - 1
    if j >= 0 and doc[j].text in {"'s", "'"}:
        j -= 1
    while j >= 0 and j > cue.i - 12:
        t = doc[j]
        ent = index.actor(t)
        if ent:
            if ent not in out:
                out.insert(0, ent)
        elif t.lower_ not in {"and", "et", ",", "-", "–"}:
            break
        j -= 1
    if len(out) < 2:  # "la brouille Trump-Musk"
        out = []
        j = cue.i + 1
        while j < len(doc) and j < cue.i + 8:
            t = doc[j]
            ent = index.actor(t)
            if ent:
                if ent not in out:
                    out.append(ent)
            elif t.text not in {"-", "–"}:
                break
            j += 1
    return out if len(out) >= 2 else []


def _agent_written(cue: Token) -> bool:
    """The noun names its author, though not an actor we know: "a bid by a former rival",
    "une offensive menée par des élus". Then the subject of the verb above is not the author
    ("Christie might align with a bid by a former rival")."""
    for c in cue.children:
        if (
            c.dep_ in {"prep", "agent"}
            and c.lower_ == "by"
            and any(p.dep_ == "pobj" for p in c.children)
        ):
            return True
        if preposition(c) == "par" and c.pos_ in {"NOUN", "PROPN", "PRON"}:
            return True
        if c.dep_ == "acl" and any(g.dep_ in {"obl:agent", "agent"} for g in c.children):
            return True
    return False
