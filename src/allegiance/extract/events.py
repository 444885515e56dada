"""Events and durable states between actors: the entry point :func:`find_events`.

Events come from two places. Cue words in the parse (``event_cues``: who criticised, sued,
praised, invested in whom), with their slots bound here: the amount in the same clause and its
role, the date of the sentence, the modality (``modality``) and a confidence. And quotes: a quote
whose speaker is an actor and which is clearly for (+1) or against (-1) another actor is a
PRAISE or a CRITICIZE event from speaker to target. When both describe the same thing (same
actors, same sign, same sentence) the cue event is kept and points at the quote. States come
from appositions and titles (``states``).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from allegiance.extract.event_arguments import PASSIVE_AGENT_DEPS, subject_of, targets_of
from allegiance.extract.event_context import LED_BY_NOUNS, RELATIVE_WORDS, ActorIndex
from allegiance.extract.event_cues import (
    Cue,
    Lexicon,
    evaluative_sign,
    lemma_of,
    load_lexicon,
    load_ontology,
    match_cue,
)
from allegiance.extract.event_nominals import (
    JUDGING,
    PURCHASE_VERBS,
    nominal_actors,
    owner_actors,
    preposition,
)
from allegiance.extract.event_nouns import between_members, noun_arguments
from allegiance.extract.funding import funding_arguments
from allegiance.extract.modality import modality_of
from allegiance.extract.quote_events import QuoteEvents, merge
from allegiance.extract.stance_problems import fought
from allegiance.extract.states import find_states
from allegiance.models import (
    Amount,
    DateMention,
    Entity,
    Event,
    Granularity,
    Modality,
    Quote,
    State,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from allegiance.resolve.kb import KnowledgeBase

#: amount-carrying types whose event stands without a target actor ("X et Y vont investir 500 Md$")
SELF_STANDING = {"INVEST", "PLEDGE", "DONATE"}
_CLAIM_GERUNDS = {"accuser", "accuse", "alléguer", "allege", "prétendre", "claim"}


def find_events(
    doc: Doc,
    entities: list[Entity],
    quotes: list[Quote],
    amounts: list[Amount],
    dates: list[DateMention],
    lang: str,
    published: date | None,
    *,
    body: str | None = None,
    kb: KnowledgeBase | None = None,
    published_precision: Granularity = "day",
) -> tuple[list[Event], list[State]]:
    """Events and states between the resolved ``entities`` of ``doc``.

    ``doc`` is the spaCy Doc over ``normalize_for_nlp(body)`` (same offsets as the body); pass
    ``body`` to have evidence texts copied from the body rather than from the normalised text.
    ``kb`` (default: the packaged knowledge base) says who held a title on the publication day,
    so that "la nouvelle administration" can stand for the sitting president.
    """
    lex = load_lexicon(lang)
    index = ActorIndex.build(doc, lang, entities, quotes, published=published, kb=kb)
    finder = _EventFinder(index, lex, amounts, dates, published, body, published_precision)
    cue_events = finder.cue_events()
    quoted = QuoteEvents(
        index, lex, dates, published, finder.fallback_date, body, finder.weights
    ).find(quotes)
    events = merge(cue_events, quoted, index)
    states = find_states(index, lex, body)
    events = _drop_own_house(events, states)
    return _rename(events, _nicknames(index)), states


def damaging_claim(
    verb: Token, index: ActorIndex
) -> tuple[str, list[str], list[str], float] | None:
    """A speaker's claim that damages an actor, the claim's subject: "Musk a affirmé que Trump
    figurait dans un dossier de corruption" (ACCUSE: a word of the ``scandal`` class), "Trump
    said Musk had gone crazy" (CRITICIZE: a negative evaluative word). A negated claim ("Y n'est
    pas fou") is no attack, nor is a problem the subject fights or suffers ("Y a combattu la
    corruption", "Y a été victime d'une fraude": :func:`allegiance.extract.stance_problems.fought`).
    Returns (type, speakers, targets, certainty)."""
    lex = load_lexicon(index.lang)
    if verb.pos_ != "VERB" or lemma_of(verb) not in lex.words("claim_verbs"):
        return None

    def actor(node: Token) -> bool:  # the complement names an actor: "la fraude de X"
        return any(t.i in index.by_token for t in node.subtree)

    for clause in verb.children:
        if clause.dep_ != "ccomp":
            continue
        subj = next(
            (c for c in clause.children if c.dep_ in {"nsubj", "nsubj:pass", "nsubjpass"}), None
        )
        if subj is None or any(
            c.dep_ == "neg" or c.lower_ in lex.modality.get("negation", ()) for c in clause.children
        ):
            continue
        targets, t_sure = nominal_actors(subj, index, set())
        if not targets:
            continue
        said = [
            t
            for t in clause.subtree
            if t.i not in {s.i for s in subj.subtree} and not fought(t, index.lang, actor)
        ]
        words = {t.lower_ for t in said} | {lemma_of(t) for t in said}
        if words & lex.words("scandal"):
            kind = "ACCUSE"
        elif words & lex.negative:
            kind = "CRITICIZE"
        else:
            continue
        speakers, s_sure = subject_of(verb, index)
        targets = [t for t in targets if t not in speakers]
        if speakers and targets:
            return kind, speakers, targets, s_sure * t_sure * 0.9
    return None


def _drop_own_house(events: list[Event], states: list[State]) -> list[Event]:
    """A leader's quote about the organisation he runs or founded ("Altman said OpenAI was on
    the wrong side of history") is self-assessment, not a relation between two actors."""
    own = {(s.source, s.target) for s in states if s.type in _OWN_HOUSE and not s.former}
    return [
        e
        for e in events
        if e.quote is None
        or e.type not in {"PRAISE", "CRITICIZE"}
        or not all((src, tgt) in own for src in e.source for tgt in e.target)
    ]


_OWN_HOUSE = {"CEO_OF", "FOUNDER_OF"}


def _nicknames(index: ActorIndex) -> dict[str, str]:
    """Mocking nicknames ("Crooked Smith" for a Jane Smith): an entity unknown to the knowledge
    base, named only inside quotes, whose last word is the surname of exactly one known person
    of the article, is that person."""
    quoted = [(q.start, q.end) for q in index.quotes]
    surnames: dict[str, list[str]] = {}
    for ent in index.entities:
        if ent.type == "person" and ent.kb and " " in ent.name:
            surnames.setdefault(ent.name.rsplit(" ", 1)[1].lower(), []).append(ent.id)
    out: dict[str, str] = {}
    for ent in index.entities:
        if ent.kb or " " not in ent.name or not ent.mentions:
            continue
        persons = surnames.get(ent.name.rsplit(" ", 1)[1].lower(), [])
        if len(persons) != 1 or persons[0] == ent.id:
            continue
        if all(any(lo <= m.start < hi for lo, hi in quoted) for m in ent.mentions):
            out[ent.id] = persons[0]
    return out


def _rename(events: list[Event], alias: dict[str, str]) -> list[Event]:
    if not alias:
        return events
    for e in events:
        e.source = list(dict.fromkeys(alias.get(x, x) for x in e.source))
        e.target = [
            t for t in dict.fromkeys(alias.get(x, x) for x in e.target) if t not in e.source
        ]
    return [e for e in events if e.source and (e.target or e.amount is not None)]


class _EventFinder:
    def __init__(
        self,
        index: ActorIndex,
        lex: Lexicon,
        amounts: list[Amount],
        dates: list[DateMention],
        published: date | None,
        body: str | None,
        published_precision: Granularity = "day",
    ) -> None:
        self.index = index
        self.lex = lex
        self.amounts = amounts
        self.dates = dates
        self.published = published
        # the fallback date says no more than the article's date does ("2025-02", not "2025-02-01")
        self.fallback_date: tuple[str | None, Granularity | None, bool] = (None, None, True)
        if published is not None:
            iso = published.isoformat()
            cut = {"month": 7, "year": 4}.get(published_precision, 10)
            self.fallback_date = (iso[:cut], published_precision, True)
        self.body = body
        self.weights = {k: float(v["weight"]) for k, v in load_ontology()["events"].items()}
        self.amount_roles: dict[str, str] = load_ontology().get("amount_roles", {})
        # (sentence, bidders) of the BID events found so far, in reading order: a bid referred
        # to again without its owner ("Une proposition aussitôt rejetée par X") is the latest
        self.bids: list[tuple[int, list[str]]] = []

    # -- cue events ---------------------------------------------------------------------------

    def cue_events(self) -> list[tuple[Event, int]]:
        out: list[tuple[Event, int]] = []
        for tok in self.index.doc:
            spec = match_cue(tok, self.lex)
            if spec is None:
                if (claim := damaging_claim(tok, self.index)) is not None:
                    kind, speakers, targets, certainty = claim
                    cue = Cue(lemma=lemma_of(tok), type=kind, kind="verb")
                    event = self._cue_event(tok, cue, (speakers, targets, certainty))
                    if event is not None:
                        out.append((event, self.index.sentence_of[tok.i]))
                continue
            event = self._cue_event(tok, spec)
            if event is not None:
                out.append((event, self.index.sentence_of[tok.i]))
                if event.type == "BID":
                    self.bids.append((self.index.sentence_of[tok.i], event.source))
                if spec.mutual:  # "la brouille entre X et Y": Y is at odds with X too
                    mirror = replace(event, source=list(event.target), target=list(event.source))
                    out.append((mirror, self.index.sentence_of[tok.i]))
        for tok, funders, funded, certainty, kind in funding_arguments(self.index, self.lex):
            cue = Cue(lemma="", type=kind, kind="verb")
            event = self._cue_event(tok, cue, (funders, funded, certainty))
            if event is not None:
                out.append((event, self.index.sentence_of[tok.i]))
        return out

    def _arguments(self, tok: Token, spec: Cue) -> tuple[list[str], list[str], float]:
        if spec.kind == "noun":
            return noun_arguments(tok, spec, self.index)
        if spec.kind == "adjective":
            return self._feeling_arguments(tok, spec)
        if spec.type == "REJECT" and (judged := self._rejected_bid(tok)) is not None:
            return judged
        passive = any(
            c.dep_ in {"nsubj:pass", "nsubjpass", "aux:pass", "auxpass"} for c in tok.children
        )
        symmetric = spec.type == "PARTNER" and not any(
            c.dep_ in PASSIVE_AGENT_DEPS or preposition(c) in {"par", "by"} for c in tok.children
        )  # "X et Y sont associés (à Z)": no agent, the subjects are partners
        if passive and tok.pos_ == "VERB" and not symmetric:
            source: list[str] = []
            target: list[str] = []
            for c in tok.children:
                if c.dep_ in {"obl:agent", "agent"} or preposition(c) in {"par", "by"}:
                    node = (
                        next((p for p in c.children if p.dep_ == "pobj"), c)
                        if c.dep_ == "agent"
                        else c
                    )
                    source = nominal_actors(node, self.index, set())[0]
                elif c.dep_ in {"nsubj:pass", "nsubjpass"}:
                    target = nominal_actors(c, self.index, set())[0]
                    if not target and spec.type in JUDGING:
                        target = owner_actors(c, self.index)  # "Musk's bid was rebuffed by X"
            return source, target, 0.8
        source, s_sure = subject_of(tok, self.index)
        if passive and symmetric and not source:
            subj = next((c for c in tok.children if c.dep_ in {"nsubj:pass", "nsubjpass"}), None)
            if subj is not None:
                source, s_sure = nominal_actors(subj, self.index, set())
        if spec.between and not source and len(members := between_members(tok, self.index)) > 1:
            return members[:1], members[1:], 0.8  # "le torchon brûle entre X et Y"
        target, t_sure = targets_of(tok, spec, self.index, source)
        if spec.mutual and not target and len(source) > 1:
            return source[:1], source[1:], s_sure * 0.9  # "X et Y se déchirent"
        if spec.between and self._gathering(tok, source):
            # "le projet qui réunit A, B et C": the members are partners of one another; a
            # project is nobody's partner
            if len(target) < 2:
                return [], [], 0.0
            return target[:1], target[1:], t_sure * 0.8
        return source, target, s_sure * t_sure

    def _feeling_arguments(self, tok: Token, spec: Cue) -> tuple[list[str], list[str], float]:
        """An adjective (or a participle of feeling): the one who feels it is its subject, also
        the patient of a passive ("Trump est déçu par Musk"), the target its complement."""
        subj = next((c for c in tok.children if c.dep_ in {"nsubj:pass", "nsubjpass"}), None)
        if subj is not None:
            source, s_sure = nominal_actors(subj, self.index, set())
        else:
            source, s_sure = subject_of(tok, self.index)
        target, t_sure = targets_of(tok, spec, self.index, source)
        return source, target, s_sure * t_sure

    def _leaves_a_post(self, tok: Token) -> bool:
        """ "Musk a quitté le gouvernement / la Maison Blanche / ses fonctions": leaving a post
        (the lexicon's ``posts``, or a led-by noun) is no break with anybody by itself."""
        posts = self.lex.words("posts")
        for c in tok.children:
            if c.dep_ not in {"obj", "dobj"}:
                continue
            words = {c.lower_, lemma_of(c)}
            if c.i in self.index.mention_start:
                span = self.index.doc[self.index.mention_start[c.i] : self.index.mention_end[c.i]]
                words.add(span.text.lower())
            if words & (posts | LED_BY_NOUNS):
                return True
        return False

    def _rejected_bid(self, tok: Token) -> tuple[list[str], list[str], float] | None:
        """A participle on a bid noun with an agent: "Une proposition aussitôt rejetée par X",
        "the offer, rebuffed by X". What is rejected is the bid, so its owner, written on the
        noun ("l'offre de Musk") or else the bidder of the latest bid in this sentence or the
        two before it."""
        bid = tok.head
        if tok.dep_ not in {"acl", "amod"} or bid.i == tok.i or bid.pos_ not in {"NOUN", "VERB"}:
            return None
        if lemma_of(bid) not in self.lex.words("bid_nouns") and bid.lower_ not in self.lex.words(
            "bid_nouns"
        ):
            return None
        agent = None
        for c in tok.children:
            if c.dep_ in {"obl:agent", "agent"} or preposition(c) in {"par", "by"}:
                agent = next((p for p in c.children if p.dep_ == "pobj"), c)
                break
        if agent is None:
            return None
        source = nominal_actors(agent, self.index, set())[0]
        target = owner_actors(bid, self.index)
        if target:
            return source, target, 0.8
        here = self.index.sentence_of[tok.i]
        for sent, bidders in reversed(self.bids):
            if here - 2 <= sent <= here:
                return source, list(bidders), 0.6
        return source, [], 0.0

    def _gathering(self, tok: Token, source: list[str]) -> bool:
        """The subject of a gathering verb is a thing (a project, a deal), not a person or a
        pronoun: "le projet qui réunit A et B" makes A and B partners, "ils réuniraient A et B"
        does not say who they are."""
        if source and not all(s in self.index.projects for s in source):
            return False
        subj = next((c for c in tok.children if c.dep_ in {"nsubj", "nsubj:pass"}), None)
        if subj is None:
            return False
        if subj.pos_ == "PRON" and subj.lower_ in RELATIVE_WORDS:
            return True
        return subj.pos_ in {"NOUN", "PROPN"}

    def _pledges_a_deal(self, tok: Token) -> bool:
        """ "Son pledged to invest $100 billion", "X a promis de donner ...": the embedded
        investment or gift is the event (with the pledged amount and its own date); a second
        PLEDGE event would say the same thing twice."""
        return any(
            c.dep_ in {"xcomp", "ccomp"}
            and (cue := match_cue(c, self.lex)) is not None
            and cue.type in {"INVEST", "DONATE"}
            for c in tok.children
        )

    def _under_bid(self, tok: Token) -> bool:
        """ "offered to buy X", "une offre pour racheter X": the purchase is the bid's content,
        not a deal that happened (the BID event says it)."""
        if tok.dep_ not in {"xcomp", "acl", "advcl"} or tok.head.i == tok.i:
            return False
        near = [tok.head, *(c for c in tok.head.children if c.dep_ in {"obj", "dobj"})]
        return any((cue := match_cue(t, self.lex)) is not None and cue.type == "BID" for t in near)

    def _cue_event(
        self, tok: Token, spec: Cue, given: tuple[list[str], list[str], float] | None = None
    ) -> Event | None:
        """The event of a cue; ``given`` arguments (source, target, certainty) found by another
        rule (a funding round's investors) replace those of the parse."""
        if spec.type == "INVEST" and given is None and self._under_bid(tok):
            return None
        if spec.type == "DISENGAGE" and spec.kind == "verb" and self._leaves_a_post(tok):
            return None
        if spec.type == "PLEDGE" and given is None and self._pledges_a_deal(tok):
            return None
        source, target, certainty = given or self._arguments(tok, spec)
        target = [t for t in target if t not in source]
        if not source:
            return None
        sentence = self.index.sentence(tok)
        amount = self._amount(tok, sentence.start, sentence.end)
        if not target and not (spec.type in SELF_STANDING and amount is not None):
            return None
        if not target and spec.lemma in PURCHASE_VERBS:
            return None  # "we will buy twitter for $9.74 billion": buying nobody we know
        kind = spec.type
        if kind == "JOIN" and all(self.index.types.get(t) == "person" for t in target):
            kind = "MEET"  # "X joined Trump in the Oval Office": a meeting, not a membership
        if spec.evaluative:
            sign = self._quoted_sign(tok, source, target) or evaluative_sign(
                tok, self.lex, self._target_tokens(target, sentence.start, sentence.end)
            )
            if sign == 0:
                return None
            kind = "PRAISE" if sign > 0 else "CRITICIZE"
        when, granularity, fallback = self._date(tok, sentence.start, sentence.end)
        modality: Modality = modality_of(
            tok,
            self.lex,
            source=source,
            event_date=None if fallback else when,
            published=self.published,
            reported_by_other=self._reported_by_other(tok, source),
        )
        role = None
        if amount is not None:
            role = spec.amount_role or self.amount_roles.get(kind, "claimed")
            if role == "invested" and modality in {"future", "hypothetical"}:
                role = "pledged"
        base = 0.8 if spec.kind == "verb" else 0.7
        return Event(
            type=kind,
            weight=self.weights.get(kind, 0.0),
            source=source,
            target=target,
            evidence=sentence.span(self.index.doc, self.body),
            amount=amount,
            role=role,
            date=when,
            granularity=granularity,
            date_is_fallback=fallback,
            modality=modality,
            confidence=round(max(0.05, min(1.0, base * certainty)), 2),
        )

    def _target_tokens(self, target: list[str], lo: int, hi: int) -> set[int]:
        return {i for i in range(lo, hi) if self.index.by_token.get(i) in target}

    def _quoted_sign(self, tok: Token, source: list[str], target: list[str]) -> int:
        """The stance of a quote in the cue's sentence by the source about the target."""
        sent = self.index.sentence(tok)
        lo, hi = self.index.doc[sent.start].idx, self.index.doc[sent.end - 1].idx
        for q in self.index.quotes:
            if q.end < lo or q.start > hi or q.speaker is None or q.speaker.entity not in source:
                continue
            for about in q.about:
                if about.entity in target and about.stance:
                    return about.stance
        return 0

    def _reported_by_other(self, tok: Token, source: list[str]) -> bool:
        """The event is only somebody else's claim: inside another speaker's quote, under a
        reporting verb with another subject, or after "accusant"/"alleging"."""
        quote = self.index.in_quote(tok)
        if quote is not None and quote.speaker is not None and quote.speaker.entity not in source:
            return True
        node = tok
        for _ in range(3):
            if node.dep_ not in {"ccomp", "parataxis", "xcomp"} or node.head.i == node.i:
                break
            node = node.head
            if (node.lemma_ or "").lower() in self.lex.modality.get("reporting_governors", ()):
                speakers, _ = subject_of(node, self.index)
                if speakers and not set(speakers) & set(source):
                    return True
        sent = self.index.sentence(tok)
        for t in self.index.doc[sent.start : tok.i]:
            if (
                (t.lemma_ or "").lower() in _CLAIM_GERUNDS
                and ("Part" in t.morph.get("VerbForm", []) or t.tag_ == "VBG")
                and t.i != tok.i
            ):
                return True
        return False

    def _amount(self, tok: Token, lo: int, hi: int) -> Amount | None:
        """The amount in the cue's clause: in its subtree, else just after it."""
        doc = self.index.doc
        subtree = {t.i for t in tok.subtree}
        best: tuple[int, Amount] | None = None
        for amount in self.amounts:
            span = doc.char_span(amount.start, amount.end, alignment_mode="expand")
            if span is None or span.start < lo or span.end > hi:
                continue
            if any(t.i in subtree for t in span) and abs(span.start - tok.i) <= 10:
                dist = abs(span.start - tok.i)
            elif 0 < span.start - tok.i <= 6 and not any(
                t.pos_ == "VERB" for t in doc[tok.i + 1 : span.start]
            ):
                dist = 100 + span.start - tok.i
            else:
                continue
            if best is None or dist < best[0]:
                best = (dist, amount)
        return best[1] if best else None

    def _date(self, tok: Token, lo: int, hi: int) -> tuple[str | None, Granularity | None, bool]:
        """The sentence's date nearest to the cue, else the publication date (fallback)."""
        doc = self.index.doc
        lo_c, hi_c = doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text)
        quote = self.index.in_quote(tok)
        best: tuple[int, DateMention] | None = None
        for d in self.dates:
            if d.date is None or d.start < lo_c or d.end > hi_c:
                continue
            if quote is None and any(q.start <= d.start < q.end for q in self.index.quotes):
                continue  # a date inside someone's quote is not the date of this event
            dist = abs(d.start - tok.idx)
            if best is None or dist < best[0]:
                best = (dist, d)
        if best is not None:
            return best[1].date, best[1].granularity, False
        if self.published is not None:
            return self.fallback_date
        return None, None, True
