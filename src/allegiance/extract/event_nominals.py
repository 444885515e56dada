"""What a nominal argument of a cue stands for.

A name is its entity; a list gives all its members; a relative pronoun its antecedent; a
pronoun the latest compatible actor; a definite description ("la start-up") the company the
story is about. A thing stands for its owner where the event judges a person through what he
did ("Musk's bid", "l'offre de Musk"), and a purchase for what is bought.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from allegiance.extract.event_context import (
    OBJECT_CLITICS,
    PERSON_PRONOUNS,
    RELATIVE_WORDS,
    SUBJECT_DEPS,
    ActorIndex,
)
from allegiance.extract.event_cues import lemma_of, load_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

OTHERS = {"autres", "other", "others"}
FIRST_PERSON = {"je", "j'", "nous", "me", "m'", "moi", "i", "we", "us"}


def preposition(tok: Token) -> str | None:
    """The preposition introducing ``tok`` ("contre", "à l'égard de" -> "égard", "with")."""
    if tok.dep_ == "pobj" and tok.head.dep_ in {"prep", "agent"}:
        return tok.head.lower_
    cases = [c for c in tok.children if c.dep_ in {"case", "mark"} and c.i < tok.i]
    if not cases:
        return None
    word = cases[0].lower_
    if word in {"de", "d'", "du", "des"} and tok.i >= 3:
        doc = tok.doc
        before = {doc[j].lower_ for j in range(max(0, cases[0].i - 2), cases[0].i)}
        for locution in ("égard", "part", "encontre", "côtés"):  # "à l'égard de", "aux côtés de"
            if locution in before:
                return locution
    return word


def _conjoined(tok: Token, index: ActorIndex) -> list[str]:
    out: list[str] = []
    for c in tok.children:
        if c.dep_ == "conj" and (ent := index.nominal(c)):
            out.append(ent)
            out.extend(_conjoined(c, index))
    return out


def _coordinated_before(tok: Token, index: ActorIndex) -> list[str]:
    """Actors listed before "et d'autres entreprises" / "and other companies"."""
    doc = tok.doc
    j = tok.i - 1
    while j >= 0 and doc[j].lower_ in {"d'", "de", "des", "autres", "other"}:
        j -= 1
    if j < 0 or doc[j].lower_ not in {"et", "and", ","}:
        return []
    out: list[str] = []
    depth = 0
    while j >= 0 and j > tok.i - 20:
        t = doc[j]
        if t.text == ")":
            depth += 1
        elif t.text == "(":
            depth -= 1
        elif depth == 0:
            ent = index.actor(t)
            if ent:
                if ent not in out:
                    out.append(ent)
            elif t.lower_ in {"et", "and", ","} or t.is_space:
                pass
            elif t.lower_ in {"entre", "between"}:
                break
            else:
                break
        j -= 1
    return list(reversed(out))


def nominal_actors(tok: Token, index: ActorIndex, exclude: set[str]) -> tuple[list[str], float]:
    """The actors a nominal argument stands for, and how sure we are of the link."""
    if _plural(tok) and len(members := group_members(tok, index)) > 1:
        return members, 0.8  # "executives including X, Y and Z": not only the first name
    if ent := index.nominal(tok):
        return [ent, *[e for e in _conjoined(tok, index) if e != ent]], 1.0
    if tok.lower_ in RELATIVE_WORDS:
        return index.antecedent(tok), 0.9
    if tok.lower_ in FIRST_PERSON and tok.pos_ == "PRON":
        # "« Nous sommes ravis de collaborer avec X », a déclaré Y": we/I is the speaker
        quote = index.in_quote(tok)
        if quote is not None and quote.speaker is not None and quote.speaker.entity:
            return [quote.speaker.entity], 0.8
        return [], 0.0
    if tok.lower_ in PERSON_PRONOUNS or (
        tok.pos_ in {"PRON", "DET"} and tok.lower_ in OBJECT_CLITICS
    ):
        ent = index.resolve_pronoun(tok, exclude)
        return ([ent], 0.75) if ent else ([], 0.0)
    if any(c.lower_ in OTHERS for c in tok.children):
        return _coordinated_before(tok, index), 0.8
    conj = _conjoined(tok, index)
    if not conj and (topic := _described_company(tok, index, exclude)):
        return [topic], 0.7
    if not conj and (members := group_members(tok, index)):
        return members, 0.8
    return conj, 0.8


#: words that open the list of a group's members: "un consortium comprenant X et Y", "several
#: executives, including X and Y", "des investisseurs, dont X", "des géants comme X"
MEMBERSHIP = {"including", "comprenant", "incluant", "notamment", "dont", "comme", "like"}
MEMBERSHIP |= {"parmi", "among", "such"}
_OWNER_CASES = {"de", "d'", "du", "des", "of"}
_CLAUSES = {"acl", "acl:relcl", "relcl", "advcl", "ccomp", "parataxis"}


def group_members(tok: Token, index: ActorIndex) -> list[str]:
    """The named members of a group written as a common noun: "un consortium comprenant X,
    Y et Z", "executives including X and Y", "les géants du numérique Nvidia ou Cisco" (a
    plural noun followed by the names). An owner ("la société d'Elon Musk", "OpenAI's
    founders") or a name inside a relative clause is no member."""
    if tok.pos_ != "NOUN" or index.actor(tok):
        return []
    doc = tok.doc
    span = [t for t in tok.subtree if t.i > tok.i]
    opener = next(
        (
            t.i
            for t in span
            if t.lower_ in MEMBERSHIP
            and (nxt := _skip_determiners(doc, t.i + 1)) is not None
            and index.actor(doc[nxt])
        ),
        None,
    )
    if opener is None and not _plural(tok):
        return []
    out: list[str] = []
    for t in span:
        if opener is not None and t.i <= opener:
            continue
        ent = index.actor(t)
        if ent is None or ent in out or _owner_or_modifier(t, tok, index):
            continue
        if opener is None and _in_clause(t, tok):
            continue
        out.append(ent)
    return out if opener is not None or len(out) >= 2 else []


def _plural(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and ("Plur" in tok.morph.get("Number", []) or tok.tag_ == "NNS")


def _skip_determiners(doc: Any, j: int) -> int | None:
    while j < len(doc) and doc[j].pos_ in {"DET", "ADJ"} or j < len(doc) and doc[j].text == "as":
        j += 1
    return j if j < len(doc) else None


def _owner_or_modifier(t: Token, group: Token, index: ActorIndex) -> bool:
    """The actor of ``t`` is an owner ("d'Elon Musk", "OpenAI's") or a modifier of another
    name ("LinkedIn co-founder Reid Hoffman"), judged on the root token of its mention."""
    ent = index.actor(t)
    root = t
    while root.head.i != root.i and root.head.i != group.i and index.actor(root.head) == ent:
        root = root.head
    if root.dep_ in {"poss", "compound", "nmod:poss"}:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "of":
        return True
    return any(c.dep_ == "case" and c.lower_ in _OWNER_CASES for c in root.children)


def _in_clause(t: Token, group: Token) -> bool:
    node = t
    while node.i != group.i and node.head.i != node.i:
        if node.dep_ in _CLAUSES:
            return True
        node = node.head
    return False


_DEFINITE = {"le", "la", "l'", "the", "ce", "cette", "this"}
_NAMING = {"de", "d'", "du", "des", "of", "qui", "que", "qu'", "dont", "which", "that", "called"}


def _described_company(tok: Token, index: ActorIndex, exclude: set[str]) -> str | None:
    """ "la start-up californienne", "the company": the organisation that was a subject in the
    last sentences, when the description is definite and names nothing itself. Read on the
    words, not the parse: the model splits "start-up" and attaches its pieces anywhere."""
    if tok.pos_ != "NOUN" or lemma_of(tok) not in load_lexicon(index.lang).words("company_nouns"):
        return None
    doc = index.doc
    if tok.i == 0 or doc[tok.i - 1].lower_ not in _DEFINITE:
        return None
    j = tok.i + 1
    while j < len(doc) and (doc[j].text in {"-", "up"} or doc[j].pos_ == "ADJ"):
        j += 1
    if j < len(doc) and (doc[j].lower_ in _NAMING or index.actor(doc[j])):
        return None  # "la société de X", "le groupe qui ...", "la start-up X"
    return index.topic_organization(tok, exclude)


#: event types aimed at a person through what they did or said: rejecting "Musk's bid",
#: praising "le travail de X" judges its owner (investing in "X's company" does not)
JUDGING = {"REJECT", "CRITICIZE", "ACCUSE", "PRAISE", "ENDORSE", "PROTEST", "DEMAND"}


def owner_actors(tok: Token, index: ActorIndex) -> list[str]:
    """The actor owning a nominal argument: "Musk's proposal", "l'offre de Musk"."""
    if index.actor(tok):
        return []
    for c in tok.children:
        if c.dep_ == "poss" or (
            c.dep_ in {"nmod", "nmod:poss"} and preposition(c) in {"de", "d'", "du", "of"}
        ):
            actors, _sure = nominal_actors(c, index, set())
            if actors:
                return actors
        if c.dep_ == "prep" and c.lower_ in {"of", "from", "by"}:
            # "the offer from Musk", "the claims of X" (English attaches the noun to the prep)
            for p in c.children:
                if p.dep_ == "pobj" and (actors := nominal_actors(p, index, set())[0]):
                    return actors
    return []


def deep_owner_actors(tok: Token, index: ActorIndex, depth: int = 3) -> list[str]:
    """The owner of a thing, looked for down a chain of complements: "les contrats des
    entreprises de Musk", "le projet de loi budgétaire de Trump", "Musk's companies"."""
    if actors := owner_actors(tok, index):
        return actors
    if depth <= 0:
        return []
    for c in tok.children:
        if c.dep_ in {"nmod", "conj"} and c.pos_ in {"NOUN", "PROPN"} and not index.actor(c):
            if c.dep_ == "nmod" and preposition(c) not in {"de", "d'", "du", "des"}:
                continue
            if actors := deep_owner_actors(c, index, depth - 1):
                return actors
        if c.dep_ == "prep" and c.lower_ == "of":
            for p in c.children:
                if p.dep_ == "pobj" and (actors := deep_owner_actors(p, index, depth - 1)):
                    return actors
    return []


#: event types aimed at the owner of what they are about: threatening to cut "Musk's
#: contracts" threatens Musk
OWNER_TARGETED = {"THREATEN"}


def bid_of(noun: Token, index: ActorIndex) -> Token | None:
    """The bid noun ``noun`` is the object of: "bid on X", "l'offre sur X"."""
    bid = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ == "nmod" else None
    if bid is None or bid.i == noun.i or bid.pos_ != "NOUN":
        return None
    return bid if lemma_of(bid) in load_lexicon(index.lang).words("bid_nouns") else None


#: verbs of buying (the object of a bid) and of controlling ("the entity that controls X")
PURCHASE_VERBS = {"racheter", "acheter", "acquérir", "reprendre", "buy", "acquire", "purchase"}
_CONTROL_VERBS = {"contrôler", "gouverner", "diriger", "posséder", "détenir"}
_CONTROL_VERBS |= {"control", "govern", "run", "own", "oversee"}


def purchased(verb: Token, index: ActorIndex) -> list[str]:
    """Who a purchase verb buys: its object, the owner of its object ("la branche d'OpenAI"),
    or what its object controls ("the nonprofit that governs OpenAI")."""
    for obj in verb.children:
        if obj.dep_ not in {"obj", "dobj"}:
            continue
        if actors := nominal_actors(obj, index, set())[0] or owner_actors(obj, index):
            return actors
        for rel in obj.children:
            if rel.dep_ in {"acl:relcl", "relcl"} and lemma_of(rel) in _CONTROL_VERBS:
                for o in rel.children:
                    if o.dep_ in {"obj", "dobj"} and (ent := index.nominal(o)):
                        return [ent]
    for c in verb.children:  # "racheter la branche à but non lucratif d'OpenAI" (parse split)
        if c.dep_ in {"obl", "obl:arg"}:
            for g in c.subtree:
                if g.dep_ == "nmod" and preposition(g) in {"de", "d'", "du"} and index.actor(g):
                    return [index.actor(g) or ""]
            for rel in c.subtree:
                # "l'entité à but non lucratif qui contrôle X" with the relative clause hung
                # on the wrong noun, its verb tagged as a noun and X as an adverb
                if rel.dep_ in {"acl:relcl", "relcl"} and _controls(rel):
                    for o in rel.children:
                        if o.i > rel.i and o.dep_ != "punct" and (ent := index.actor(o)):
                            return [ent]
    return []


def _controls(rel: Token) -> bool:
    """A control verb, also when the tagger took it for its noun ("qui contrôle" -> NOUN)."""
    if lemma_of(rel) in _CONTROL_VERBS:
        return True
    return any(c.lower_ in RELATIVE_WORDS and c.dep_ in SUBJECT_DEPS for c in rel.children) and any(
        rel.lower_.startswith(v[:-2]) for v in _CONTROL_VERBS if v.endswith("er")
    )
