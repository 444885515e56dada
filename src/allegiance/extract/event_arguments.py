"""How a cue is linked to its source and target actors.

The source is the cue's subject (a relative pronoun stands for its antecedent, a personal
pronoun for the latest compatible subject, conjunctions give lists); the target is an object or
a complement introduced by one of the cue's prepositions. Both must be resolved entities linked
to the cue in the parse of the same sentence: nothing is stitched from elsewhere in the story.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from allegiance.extract.event_context import (
    OBJECT_CLITICS,
    PERSON_PRONOUNS,
    RELATIVE_WORDS,
    SUBJECT_DEPS,
    ActorIndex,
)
from allegiance.extract.event_cues import Cue, lemma_of, load_lexicon, match_cue, mistagged_noun

if TYPE_CHECKING:
    from spacy.tokens import Token

OBJECT_DEPS = {"obj", "dobj", "iobj", "dative", "attr", "oprd", "xcomp", "advmod", "obl:arg"}
PASSIVE_AGENT_DEPS = {"obl:agent", "agent"}
CLAUSE_DEPS = {"ccomp", "advcl", "acl:relcl", "relcl", "parataxis", "csubj"}
POSSESSIVES = {"son", "sa", "ses", "leur", "leurs", "his", "her", "its", "their"}
OTHERS = {"autres", "other", "others"}
FIRST_PERSON = {"je", "j'", "nous", "me", "m'", "moi", "i", "we", "us"}


@dataclass
class Arguments:
    source: list[str]
    target: list[str]
    certainty: float  # 1.0 when both sides are named entities, lower through pronouns


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
    return conj, 0.8


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
            and (bid := _bid_of(cue.head, index)) is not None
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
                for a in _purchased(verb, index):
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


def _bid_of(noun: Token, index: ActorIndex) -> Token | None:
    """The bid noun ``noun`` is the object of: "bid on X", "l'offre sur X"."""
    bid = noun.head.head if noun.dep_ == "pobj" else noun.head if noun.dep_ == "nmod" else None
    if bid is None or bid.i == noun.i or bid.pos_ != "NOUN":
        return None
    return bid if lemma_of(bid) in load_lexicon(index.lang).words("bid_nouns") else None


#: verbs of buying (the object of a bid) and of controlling ("the entity that controls X")
PURCHASE_VERBS = {"racheter", "acheter", "acquérir", "reprendre", "buy", "acquire", "purchase"}
_CONTROL_VERBS = {"contrôler", "gouverner", "diriger", "posséder", "détenir"}
_CONTROL_VERBS |= {"control", "govern", "run", "own", "oversee"}


def _purchased(verb: Token, index: ActorIndex) -> list[str]:
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


def _embedded_targets(
    verb: Token, spec: Cue, index: ActorIndex, sources: list[str], add: Any
) -> None:
    embedded = match_cue(verb, load_lexicon(index.lang))
    inner = embedded or Cue(lemma=spec.lemma, type=spec.type, kind="verb", targets=spec.targets)
    found, _ = targets_of(verb, inner, index, sources)
    for ent in found:
        tok = next(t for t in verb.subtree if index.actor(t) == ent)
        add(tok)


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
    if not source:
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
    return source, targets, certainty * sure


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
