"""How a cue is linked to its source and target actors.

The source is the cue's subject (a relative pronoun stands for its antecedent, a personal
pronoun for the latest compatible subject, conjunctions give lists); the target is an object or
a complement introduced by one of the cue's prepositions. Both must be resolved entities linked
to the cue in the parse of the same sentence: nothing is stitched from elsewhere in the story.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from allegiance.extract.event_context import RELATIVE_WORDS, SUBJECT_DEPS, ActorIndex
from allegiance.extract.event_cues import Cue, lemma_of, load_lexicon, match_cue, mistagged_noun
from allegiance.extract.event_nominals import (
    JUDGING,
    OWNER_TARGETED,
    PURCHASE_VERBS,
    bid_of,
    deep_owner_actors,
    nominal_actors,
    owner_actors,
    preposition,
    purchased,
)

if TYPE_CHECKING:
    from spacy.tokens import Token

OBJECT_DEPS = {"obj", "dobj", "iobj", "dative", "attr", "oprd", "xcomp", "advmod", "obl:arg"}
PASSIVE_AGENT_DEPS = {"obl:agent", "agent"}
CLAUSE_DEPS = {"ccomp", "advcl", "acl:relcl", "relcl", "parataxis", "csubj"}


def subject_of(cue: Token, index: ActorIndex, depth: int = 0) -> tuple[list[str], float]:
    """The source actors of a verb or adjective cue."""
    for c in cue.children:
        if c.dep_ in SUBJECT_DEPS and c.dep_ not in {"nsubj:pass", "nsubjpass"}:
            if c.dep_ == "expl:subj" and cue.pos_ != "ADJ":
                continue
            if _is_cleft_focus(c):
                continue
            actors, certainty = nominal_actors(c, index, set())
            if actors or c.lower_ not in {"qui", "who"}:
                return actors, certainty
    if not any(c.dep_ in SUBJECT_DEPS for c in cue.children):
        # "Musk rompt avec Trump": the parser took the name before the verb for an adverb
        for c in cue.children:
            if c.dep_ == "advmod" and c.pos_ == "PROPN" and c.i < cue.i and index.actor(c):
                return nominal_actors(c, index, set())[0], 0.9
    if depth < 3 and cue.dep_ == "acomp" and cue.pos_ == "ADJ":
        # "he was very disappointed in X": the subject is the copula's
        return subject_of(cue.head, index, depth + 1)
    if depth < 3 and cue.dep_ in {"acl:relcl", "relcl"}:
        return _maker(cue.head, index, depth)
    if (
        depth < 3
        and cue.dep_ in {"xcomp", "advcl", "acl"}
        and _is_infinitive(cue)
        and lemma_of(cue.head) in load_lexicon(index.lang).words("object_control")
        and (controller := _controller(cue.head, index)) is not None
    ):
        return controller, 0.8  # [] when the object is no actor: not the governor's subject
    if cue.dep_ == "conj" and (named := _name_before(cue, index)) is not None:
        return [named], 0.7
    if depth < 3 and cue.dep_ in {"xcomp", "conj", "advcl", "acl"}:
        if cue.dep_ == "acl" and cue.head.pos_ in {"NOUN", "PROPN"}:
            return nominal_actors(cue.head, index, set()) if index.actor(cue.head) else ([], 0.0)
        if (
            cue.dep_ == "advcl"
            and "Part" not in cue.morph.get("VerbForm", [])
            and cue.tag_ != "VBG"
        ):
            return [], 0.0
        actors, certainty = subject_of(cue.head, index, depth + 1)
        return actors, certainty * 0.9
    return [], 0.0


def _name_before(verb: Token, index: ActorIndex) -> str | None:
    """A conjoined verb right after a name ("... in the U.S. Microsoft has invested $14
    billion"): two sentences the segmenter ran together, the name is the verb's subject, not
    the first verb's."""
    first = min([verb.i, *(c.i for c in verb.children if c.dep_.startswith("aux"))])
    if first == 0:
        return None
    before = verb.doc[first - 1]
    if before.pos_ != "PROPN" or not (ent := index.actor(before)):
        return None
    return ent if before.head.i != verb.head.i else None


def _is_infinitive(verb: Token) -> bool:
    return "Inf" in verb.morph.get("VerbForm", []) or verb.tag_ == "VB"


def _controller(head: Token, index: ActorIndex) -> list[str] | None:
    """The object of an object-control verb: "permettre à X", "ouvrir les portes à X"; [] when
    that object is not an actor ("ordered agencies to ..."), None when there is no object."""
    found = False
    for c in head.children:
        if c.dep_ in SUBJECT_DEPS:
            continue
        if c.dep_ in {"obj", "dobj", "iobj", "dative", "obl:arg", "obl"} and (
            c.dep_ not in {"obl", "obl:arg"} or preposition(c) in {"à", "au", "aux"}
        ):
            actors, _ = nominal_actors(c, index, set())
            if actors:
                return actors
            found = found or c.pos_ in {"NOUN", "PROPN", "PRON"}
        if c.dep_ in {"obj", "dobj"}:  # "ouvrir les portes à X"
            for g in c.children:
                if g.dep_ == "nmod" and preposition(g) in {"à", "au", "aux"}:
                    actors, _ = nominal_actors(g, index, set())
                    if actors:
                        return actors
    return [] if found else None


def _maker(thing: Token, index: ActorIndex, depth: int) -> tuple[list[str], float]:
    """Who made the thing a relative clause is about: "X a fait une série de modifications
    qui plaisent à Y" -> X. Only through a verb of the lexicon's ``production`` class."""
    if index.nominal(thing):
        return [], 0.0  # the antecedent is an actor: the relative pronoun was tried already
    node = thing
    for _ in range(2):
        if node.dep_ == "nmod" and node.head.pos_ == "NOUN":
            node = node.head
    production = load_lexicon(index.lang).words("production")
    if node.dep_ in {"obj", "dobj"} and lemma_of(node.head) in production:
        actors, certainty = subject_of(node.head, index, depth + 1)
        return actors, certainty * 0.8
    return [], 0.0


def _is_cleft_focus(tok: Token) -> bool:
    """``tok`` is the focus of "c'est X que/avec qui ..." (then it is not the subject)."""
    doc = tok.doc
    j = tok.i - 1
    while j >= 0 and doc[j].pos_ == "DET":
        j -= 1
    return j >= 1 and doc[j].lower_ in {"est", "était"} and doc[j - 1].lower_ in {"c'", "ce"}


def targets_of(
    cue: Token, spec: Cue, index: ActorIndex, sources: list[str]
) -> tuple[list[str], float]:
    """Target actors of a cue: objects, complements with the cue's prepositions, a cleft focus."""
    out: list[str] = []
    certainty = 1.0
    exclude = set(sources)
    groups = load_lexicon(index.lang).words("group_nouns")

    def add(tok: Token) -> None:
        nonlocal certainty
        if (
            spec.type in JUDGING
            and tok.lower_ in RELATIVE_WORDS
            and cue.dep_ in {"acl:relcl", "relcl"}
            and cue.head.pos_ == "NOUN"
            and not index.nominal(cue.head)
        ):
            # "Musk's bid for X, which Altman rejected": what is judged is the bid, so its
            # owner, never the actor written just before the pronoun
            for a in owner_actors(cue.head, index):
                if a not in out and a not in exclude:
                    out.append(a)
                    certainty = min(certainty, 0.7)
            return
        if (
            spec.type == "REJECT"
            and tok.lower_ in RELATIVE_WORDS
            and cue.dep_ in {"acl:relcl", "relcl"}
            and (bid := bid_of(cue.head, index)) is not None
            and (owners := owner_actors(bid, index))
        ):
            # "Musk's bid on OpenAI, which Altman rejected": the clause hangs on the last noun,
            # but what is rejected is the bid, so its owner
            for a in owners:
                if a not in out and a not in exclude:
                    out.append(a)
                    certainty = min(certainty, 0.7)
            return
        actors, sure = nominal_actors(tok, index, exclude)
        if not actors and spec.type in JUDGING:
            actors, sure = owner_actors(tok, index), 0.7
        if not actors and (spec.type in OWNER_TARGETED or spec.evaluative):
            # "qualifier le projet de loi de Trump d'abomination", "threatened to cut Musk's
            # contracts": the owner of the thing is aimed at
            actors, sure = deep_owner_actors(tok, index), 0.7
        for a in actors:
            if a not in out and a not in exclude:
                out.append(a)
                certainty = min(certainty, sure)

    for c in cue.children:
        if c.dep_ in SUBJECT_DEPS and not _is_cleft_focus(c):
            continue
        if c.dep_ in {"punct", "aux", "aux:tense", "aux:pass", "cop", "cc", "det"}:
            continue
        if c.dep_ in CLAUSE_DEPS:
            if index.actor(c) and c.i > cue.i:  # a name the parser took for a verb
                add(c)
            elif spec.type in {"THREATEN", "DEMAND", "PLEDGE"} and c.dep_ == "advcl":
                _embedded_targets(c, spec, index, sources, add)
            continue
        if c.dep_ == "xcomp" and c.pos_ == "VERB" and spec.type in {"THREATEN", "DEMAND", "PLEDGE"}:
            # "menacer de poursuivre X", "threatened to sue X": the threat is aimed at X
            _embedded_targets(c, spec, index, sources, add)
            continue
        prep = preposition(c)
        if c.dep_ == "prep":
            for p in c.children:
                if p.dep_ == "pobj" and c.lower_ in spec.targets:
                    add(p)
            continue
        if c.dep_ in {"flat:name", "flat"} and cue.pos_ == "VERB" and c.i > cue.i:
            if index.actor(c):  # "Trump n'a pas menacé Musk": the object taken for a name part
                add(c)
            continue
        if _is_cleft_focus(c):
            add(c)
        elif prep is None and (c.dep_ in OBJECT_DEPS or spec.kind != "verb"):
            if c.pos_ != "VERB" or index.actor(c) or mistagged_noun(c):
                add(c)
        elif prep is not None and prep in spec.targets:
            add(c)
        # one level down: "intenter un procès contre X", "investir 10 milliards dans X"
        if not index.actor(c) and c.pos_ in {"NOUN", "NUM"}:
            for g in c.children:
                gp = preposition(g)
                if g.dep_ == "prep":
                    group = g.lower_ == "of" and lemma_of(c) in groups
                    for p in g.children:
                        if p.dep_ == "pobj" and (g.lower_ in spec.targets or group):
                            add(p)
                elif gp is not None and gp in spec.targets and gp not in {"de", "d'", "of"}:
                    add(g)
                elif gp in {"de", "d'", "du", "des", "of"} and lemma_of(c) in groups:
                    add(g)  # "rejoindre les rangs de X", "joined the ranks of X"
    if not out and spec.kind == "adjective" and cue.dep_ == "xcomp":
        # "Trump s'est dit « très déçu » par Musk": the complement hangs on "dire"
        for c in cue.head.children:
            if c.i > cue.i and c.dep_ not in SUBJECT_DEPS and preposition(c) in spec.targets:
                add(c)
    if not out and spec.type == "BID":
        # "une offre pour racheter la branche d'OpenAI", "offered to buy the nonprofit that
        # governs OpenAI": the bid is aimed at what the purchase is of
        for verb in (*cue.children, *(cue.head.children if cue.dep_ != "ROOT" else ())):
            if verb.dep_ in {"xcomp", "acl", "advcl"} and lemma_of(verb) in PURCHASE_VERBS:
                for a in purchased(verb, index):
                    if a not in out and a not in exclude:
                        out.append(a)
                        certainty = min(certainty, 0.8)
    # "c'est Altman que Trump a qualifié ...", "OpenAI, qu'Altman dirige"
    relative_object = any(c.lower_ in {"que", "qu'", "whom", "that"} for c in cue.children)
    clause = cue.dep_ in {"ccomp", "acl:relcl", "relcl"}
    if not out and clause and relative_object and index.actor(cue.head):
        add(cue.head)
        certainty = min(certainty, 0.85)
    if not out and spec.type in {"SUE", "THREATEN", "SANCTION", "INVESTIGATE"}:
        # "a intenté un procès pour l'arrêter": the purpose clause's object clitic
        for c in cue.children:
            if c.dep_ in {"xcomp", "advcl"} and c.pos_ == "VERB":
                for g in c.children:
                    if g.lower_ in {"l'", "le", "la"} and g.i < c.i:
                        ent = index.resolve_pronoun(g, exclude)
                        if ent:
                            out.append(ent)
                            certainty = min(certainty, 0.6)
    return out, certainty


def _embedded_targets(
    verb: Token, spec: Cue, index: ActorIndex, sources: list[str], add: Any
) -> None:
    embedded = match_cue(verb, load_lexicon(index.lang))
    inner = embedded or Cue(lemma=spec.lemma, type=spec.type, kind="verb", targets=spec.targets)
    found, _ = targets_of(verb, inner, index, sources)
    for ent in found:
        # a target read through a pronoun (``on m'a promis``) has no token of its own here
        tok = next((t for t in verb.subtree if index.actor(t) == ent), None)
        if tok is not None:
            add(tok)
