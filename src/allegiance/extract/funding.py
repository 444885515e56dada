"""Investors of a funding round, named apart from the raise itself.

Articles on a fundraising name the round in one sentence ("X a levé 6 milliards") and its
investors in another ("Parmi les investisseurs figurent A, B et C", "Ce tour de table a réuni A
et B", "avec la participation de A"), or put the investors after the raising verb ("X a levé N
auprès de A"). Each investor is an INVEST event towards the company that raised the money: the
subject of the latest raise in the last few sentences, or, when that subject is only described
("la start-up", "le champion de l'IA"), the organisation that was the subject just before.
Donors are read the same way: "parmi les donateurs à X figurent A et B" makes A and B donate
to X, and "la liste comprend également C" right after it adds C to the same recipient.
The word classes live in the lexicon's ``syntax`` section.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.event_arguments import subject_of
from allegiance.extract.event_context import SUBJECT_DEPS, ActorIndex
from allegiance.extract.event_cues import Lexicon, lemma_of
from allegiance.extract.event_nominals import owner_actors, preposition

if TYPE_CHECKING:
    from spacy.tokens import Token

#: (anchor token, investors or donors, funded company or recipient, certainty, event type)
Funding = tuple["Token", list[str], list[str], float, str]

_LIST_STOPS = {"qui", "dont", "pour", "afin", ";", "who", "which", "to"}
_INVESTOR_TYPES = {"organization", "person"}
_PARMI = {"parmi", "among", "amongst"}
_ANAPHORS = {"derniers", "dernières", "latter"}  # "ces derniers réuniraient A et B"
_RECIPIENT_PREPS = {"à", "au", "aux", "de", "du", "des", "d'", "to", "of"}
_LIST_GOES_ON = {"ainsi", "and"}  # "A, associé chez B, ainsi que C": C is listed again
_LIST_NOUNS = {"liste", "list"}  # "la liste comprend également C": the list just given


def funding_arguments(index: ActorIndex, lex: Lexicon) -> list[Funding]:
    """Investors and the company they fund, for each funding pattern in the article."""
    out: list[Funding] = []
    investor_nouns = lex.words("investor_nouns")
    donor_nouns = lex.words("donor_nouns")
    for tok in index.doc:
        lemma = lemma_of(tok)
        found: Funding | None = None
        if (lemma in donor_nouns or tok.lower_ in donor_nouns) and _after_parmi(tok):
            found = _donor_list(index, tok)
        elif (
            tok.pos_ == "VERB"
            and lemma in lex.words("funding_gathering")
            and (more := _list_continued(index, tok, out)) is not None
        ):
            found = more
        elif lemma in investor_nouns and _after_parmi(tok):
            anchor = tok.head if tok.head.pos_ in {"VERB", "AUX"} else tok
            found = _listed_round(index, lex, anchor, tok.i + 1)
        elif (
            tok.pos_ == "VERB"
            and lemma in lex.words("funding_gathering")
            and _round_subject(index, lex, tok)
        ):
            found = _listed_round(index, lex, tok, tok.i + 1)
        elif lemma in lex.words("participation") and _with_participation(tok):
            found = _listed_round(index, lex, tok, tok.i + 1, stop_at_verb=True)
        elif tok.pos_ == "VERB" and lemma in lex.words("raising"):
            found = _raised_from(index, lex, tok)
        if found is not None:
            out.append(found)
    return out


def _after_parmi(tok: Token) -> bool:
    """ "parmi les investisseurs": the noun is introduced by "parmi"/"among"."""
    doc = tok.doc
    return any(doc[j].lower_ in _PARMI for j in range(max(0, tok.i - 3), tok.i))


def _round_subject(index: ActorIndex, lex: Lexicon, verb: Token) -> bool:
    """The gathering verb's subject is a round ("ce tour de table a réuni") or "ces derniers"
    right after a sentence that ends on investors ("... auprès d'autres co-investisseurs")."""
    rounds = lex.words("funding_rounds")
    for c in verb.children:
        if c.lower_ in _ANAPHORS and c.i < verb.i:  # parsed as a subject or an object
            k = index.sentence_of[verb.i]
            if k == 0:
                return False
            prev = index.sentences[k - 1]
            tail = index.doc[max(prev.start, prev.end - 4) : prev.end]
            return any(lemma_of(t) in lex.words("investor_nouns") for t in tail)
        if c.dep_ not in SUBJECT_DEPS:
            continue
        if lemma_of(c) in rounds and not index.actor(c):
            return lemma_of(c) != "tour" or any(lemma_of(g) == "table" for g in c.children)
    return False


def _with_participation(tok: Token) -> bool:
    """ "avec la participation de X", "with the participation of X"."""
    doc = tok.doc
    before = {doc[j].lower_ for j in range(max(0, tok.i - 2), tok.i)}
    after = doc[tok.i + 1].lower_ if tok.i + 1 < len(doc) else ""
    return bool(before & {"avec", "with"}) and after in {"de", "d'", "du", "des", "of"}


def _listed_round(
    index: ActorIndex, lex: Lexicon, anchor: Token, lo: int, *, stop_at_verb: bool = False
) -> Funding | None:
    investors = _listed(index, lo, index.sentence(anchor).end, stop_at_verb)
    if not investors:
        return None
    company = _funded(index, lex, anchor, set(investors))
    investors = [i for i in investors if i not in company]
    return (anchor, investors, company, 0.7, "INVEST") if company and investors else None


def _donor_list(index: ActorIndex, noun: Token) -> Funding | None:
    """ "parmi les donateurs à X figurent A, B": A and B donate to X (the actor right after
    the noun, introduced by à/de/to/of; the donors are listed after it)."""
    doc, hi = index.doc, index.sentence(noun).end
    recipient: list[str] = []
    lo = noun.i + 1
    if lo < hi and doc[lo].lower_ in _RECIPIENT_PREPS:
        for j in range(lo + 1, min(hi, lo + 6)):
            if doc[j].pos_ in {"VERB", "AUX"} or doc[j].text == ",":
                break
            ent = index.actor(doc[j])
            if ent is not None:
                recipient = [ent]
                lo = j + 1
                while lo < hi and index.actor(doc[lo]) == ent:
                    lo += 1
                break
    if not recipient:
        return None
    donors = [d for d in _listed(index, lo, hi, False, people=True) if d not in recipient]
    return (noun, donors, recipient, 0.7, "DONATE") if donors else None


def _list_continued(index: ActorIndex, verb: Token, found: list[Funding]) -> Funding | None:
    """ "La liste comprend également C": C joins the list given in the sentence before."""
    if not found or not any(
        c.dep_ in SUBJECT_DEPS and lemma_of(c) in _LIST_NOUNS for c in verb.children
    ):
        return None
    anchor, listed, recipient, certainty, kind = found[-1]
    if not 0 < index.sentence_of[verb.i] - index.sentence_of[anchor.i] <= 1:
        return None
    more = _listed(index, verb.i + 1, index.sentence(verb).end, False, people=kind == "DONATE")
    more = [m for m in more if m not in recipient and m not in listed]
    return (verb, more, recipient, certainty - 0.05, kind) if more else None


def _listed(
    index: ActorIndex, lo: int, hi: int, stop_at_verb: bool, *, people: bool = False
) -> list[str]:
    """The investors listed from token ``lo`` to the end of the list. A list of ``people``
    (donors) skips the organisations their descriptions name ("A, associé chez B")."""
    out: list[str] = []
    described: set[str] = set()
    in_apposition = False  # "A, associé au sein de la société B, ainsi que C"
    doc = index.doc
    for t in doc[lo:hi]:
        if out and (t.lower_ in _LIST_STOPS or (stop_at_verb and t.pos_ == "VERB")):
            break
        if people and t.text == "," and t.i + 1 < hi:
            in_apposition = bool(out) and doc[t.i + 1].pos_ not in {"PROPN", "CCONJ"}
        elif people and (t.pos_ == "CCONJ" or t.lower_ in _LIST_GOES_ON):
            in_apposition = False
        ent = index.actor(t)
        if (
            people
            and ent is not None
            and (in_apposition or (t.i > 0 and doc[t.i - 1].pos_ == "ADP"))
        ):
            described.add(ent)
        if ent in described:
            continue
        if (
            ent is not None
            and ent not in out
            and index.types.get(ent) in _INVESTOR_TYPES
            and ent not in index.projects
        ):
            out.append(ent)
    return out


def _raised_from(index: ActorIndex, lex: Lexicon, verb: Token) -> Funding | None:
    """ "X a levé N auprès de A et B": A and B invest in X."""
    marks = lex.words("raised_from")
    start = next(
        (
            c
            for c in verb.children
            if c.i > verb.i and (c.lower_ in marks or preposition(c) in marks)
        ),
        None,
    )
    if start is None:
        return None
    investors = _listed(index, start.i, index.sentence(verb).end, True)
    company = _raiser(index, lex, verb, set(investors))
    investors = [i for i in investors if i not in company]
    return (verb, investors, company, 0.75, "INVEST") if company and investors else None


def _funded(index: ActorIndex, lex: Lexicon, anchor: Token, exclude: set[str]) -> list[str]:
    """The company the latest raise before ``anchor`` is by (an article on a round names
    its investors after the raise, sometimes several paragraphs later)."""
    lo = 0
    rounds, raising = lex.words("funding_rounds"), lex.words("raising")
    for t in reversed(index.doc[lo : anchor.i]):
        lemma = lemma_of(t)
        if t.pos_ == "VERB" and lemma in raising:
            company = _raiser(index, lex, t, exclude)
        elif t.pos_ == "NOUN" and lemma in rounds and t.dep_ not in SUBJECT_DEPS:
            verb = t.head
            for _ in range(3):
                if verb.pos_ == "VERB" or verb.head.i == verb.i:
                    break
                verb = verb.head
            company = _raiser(index, lex, verb, exclude) if verb.pos_ == "VERB" else []
        else:
            continue
        if company:
            return company
    return []


def _raiser(index: ActorIndex, lex: Lexicon, verb: Token, exclude: set[str]) -> list[str]:
    """The organisation that raises: the verb's subject, the owner of the noun it completes
    ("l'intention de X de lever"), or the organisation a described subject stands for."""
    actors, _ = subject_of(verb, index)
    if not actors and verb.dep_ in {"acl", "xcomp"} and verb.head.pos_ == "NOUN":
        actors = owner_actors(verb.head, index)
    if not actors:
        actors = _just_before(index, verb)
    orgs = [a for a in actors if index.types.get(a) == "organization" and a not in exclude]
    if orgs:
        return orgs[:1]
    if actors:
        return []
    subject = _subject_token(verb)
    if subject is None or subject.pos_ != "NOUN" or index.actor(subject):
        return []
    if lemma_of(subject) in lex.words("company_nouns"):
        # "la startup spécialisée dans l'IA X, lancée par Y": the name the parse buried in
        # the description
        named = [
            ent
            for t in subject.subtree
            if t.i > subject.i
            and (ent := index.actor(t))
            and index.types.get(ent) == "organization"
            and ent not in exclude
        ]
        if named:
            return named[:1]
    topic = index.topic_organization(subject, exclude)
    return [topic] if topic else []


def _just_before(index: ActorIndex, verb: Token) -> list[str]:
    """An organisation written just before the verb in the same clause, when the parse lost
    the link: "l'intention de X de lever", "X serait sur le point de lever"."""
    doc = index.doc
    for t in reversed(doc[max(index.sentence(verb).start, verb.i - 6) : verb.i]):
        if t.pos_ == "VERB" or t.text in {",", ";", ":"}:
            return []
        ent = index.actor(t)
        if ent and index.types.get(ent) == "organization":
            return [ent]
    return []


def _subject_token(verb: Token) -> Token | None:
    node = verb
    for _ in range(3):
        subject = next((c for c in node.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None:
            return subject
        if node.dep_ not in {"xcomp", "conj"} or node.head.i == node.i:
            return None
        node = node.head
    return None
