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

from datetime import date
from typing import TYPE_CHECKING

from allegiance.extract.event_context import ActorIndex
from allegiance.extract.event_cues import (
    PASSIVE_AGENT_DEPS,
    Cue,
    Lexicon,
    evaluative_sign,
    load_lexicon,
    load_ontology,
    match_cue,
    nominal_actors,
    noun_arguments,
    preposition,
    subject_of,
    targets_of,
)
from allegiance.extract.modality import is_old, modality_of
from allegiance.extract.states import find_states
from allegiance.models import (
    Amount,
    DateMention,
    Entity,
    Event,
    Granularity,
    Modality,
    Quote,
    Span,
    State,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

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
) -> tuple[list[Event], list[State]]:
    """Events and states between the resolved ``entities`` of ``doc``.

    ``doc`` is the spaCy Doc over ``normalize_for_nlp(body)`` (same offsets as the body); pass
    ``body`` to have evidence texts copied from the body rather than from the normalised text.
    """
    lex = load_lexicon(lang)
    index = ActorIndex.build(doc, lang, entities, quotes)
    finder = _EventFinder(index, lex, amounts, dates, published, body)
    cue_events = finder.cue_events()
    quote_events = finder.quote_events(quotes)
    events = _merge(cue_events, quote_events, index)
    states = find_states(index, lex, body)
    return events, states


class _EventFinder:
    def __init__(
        self,
        index: ActorIndex,
        lex: Lexicon,
        amounts: list[Amount],
        dates: list[DateMention],
        published: date | None,
        body: str | None,
    ) -> None:
        self.index = index
        self.lex = lex
        self.amounts = amounts
        self.dates = dates
        self.published = published
        self.body = body
        self.weights = {k: float(v["weight"]) for k, v in load_ontology()["events"].items()}
        self.amount_roles: dict[str, str] = load_ontology().get("amount_roles", {})

    # -- cue events ---------------------------------------------------------------------------

    def cue_events(self) -> list[tuple[Event, int]]:
        out: list[tuple[Event, int]] = []
        for tok in self.index.doc:
            spec = match_cue(tok, self.lex)
            if spec is None:
                continue
            event = self._cue_event(tok, spec)
            if event is not None:
                out.append((event, self.index.sentence_of[tok.i]))
        return out

    def _arguments(self, tok: Token, spec: Cue) -> tuple[list[str], list[str], float]:
        if spec.kind == "noun":
            return noun_arguments(tok, spec, self.index)
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
            return source, target, 0.8
        source, s_sure = subject_of(tok, self.index)
        if passive and symmetric and not source:
            subj = next((c for c in tok.children if c.dep_ in {"nsubj:pass", "nsubjpass"}), None)
            if subj is not None:
                source, s_sure = nominal_actors(subj, self.index, set())
        target, t_sure = targets_of(tok, spec, self.index, source)
        if spec.between and not source and len(target) >= 2:
            # "le projet qui réunit A, B et C": the members are partners of one another
            return target[:1], target[1:], t_sure * 0.8
        return source, target, s_sure * t_sure

    def _cue_event(self, tok: Token, spec: Cue) -> Event | None:
        source, target, certainty = self._arguments(tok, spec)
        target = [t for t in target if t not in source]
        if not source:
            return None
        sentence = self.index.sentence(tok)
        amount = self._amount(tok, sentence.start, sentence.end)
        if not target and not (spec.type in SELF_STANDING and amount is not None):
            return None
        kind = spec.type
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
            return self.published.isoformat(), "day", True
        return None, None, True

    # -- quote events ------------------------------------------------------------------------

    def quote_events(self, quotes: list[Quote]) -> list[tuple[Event, list[int], int]]:
        """(event, sentences it spans, quote index) for each clear stance of a named speaker."""
        out: list[tuple[Event, list[int], int]] = []
        doc = self.index.doc
        for qi, q in enumerate(quotes):
            if q.speaker is None or q.speaker.entity is None:
                continue
            first = doc.char_span(q.start, q.end, alignment_mode="expand")
            if first is None or len(first) == 0:
                continue
            lo_i, hi_i = first.start, first.end - 1
            if q.cue is not None and (
                cue := doc.char_span(q.cue.start, q.cue.end, alignment_mode="expand")
            ):
                lo_i, hi_i = min(lo_i, cue.start), max(hi_i, cue.end - 1)
            sents = list(range(self.index.sentence_of[lo_i], self.index.sentence_of[hi_i] + 1))
            a, b = self.index.sentences[sents[0]], self.index.sentences[sents[-1]]
            first_span = a.span(doc, self.body)
            last_span = b.span(doc, self.body)
            text_src = self.body if self.body is not None else doc.text
            evidence = Span(
                text=text_src[first_span.start : last_span.end],
                start=first_span.start,
                end=last_span.end,
            )
            when, gran, fallback = self._quote_date(q, evidence)
            modality: Modality = (
                "historical" if not fallback and is_old(when, self.published) else "asserted"
            )
            accusing = q.cue is not None and q.cue.text.lower().startswith(("accus", "alleg"))
            for about in q.about:
                if about.stance == 0 or about.entity == q.speaker.entity:
                    continue
                kind = "PRAISE" if about.stance > 0 else ("ACCUSE" if accusing else "CRITICIZE")
                event = Event(
                    type=kind,
                    weight=self.weights[kind],
                    source=[q.speaker.entity],
                    target=[about.entity],
                    evidence=evidence,
                    date=when,
                    granularity=gran,  # type: ignore[arg-type]
                    date_is_fallback=fallback,
                    modality=modality,
                    confidence=round(0.4 + 0.4 * q.confidence, 2),
                    quote=qi,
                )
                out.append((event, sents, qi))
        return out

    def _quote_date(self, q: Quote, evidence: Span) -> tuple[str | None, Granularity | None, bool]:
        best: tuple[int, DateMention] | None = None
        for d in self.dates:
            if d.date is None or d.start < evidence.start or d.end > evidence.end:
                continue
            if q.start <= d.start < q.end:
                continue
            dist = abs(d.start - q.end)
            if best is None or dist < best[0]:
                best = (dist, d)
        if best is not None:
            return best[1].date, best[1].granularity, False
        if self.published is not None:
            return self.published.isoformat(), "day", True
        return None, None, True


def _sign(e: Event) -> int:
    return (e.weight > 0) - (e.weight < 0)


def _merge(
    cue_events: list[tuple[Event, int]],
    quote_events: list[tuple[Event, list[int], int]],
    index: ActorIndex,
) -> list[Event]:
    """One event per (source, target, type, sentence); a quote event joins a cue event of
    the same sign in the same sentence."""
    kept: dict[tuple[frozenset[str], frozenset[str], int, int, str], Event] = {}
    for event, sent in cue_events:
        key = (frozenset(event.source), frozenset(event.target), _sign(event), sent, event.type)
        old = kept.get(key)
        if old is None or event.confidence > old.confidence:
            kept[key] = event
    extra: list[Event] = []
    for event, sents, qi in quote_events:
        joined = False
        for s in sents:
            key = (frozenset(event.source), frozenset(event.target), _sign(event), s, event.type)
            for k, cue_event in kept.items():
                if k[2] == key[2] and k[3] == s and key[0] <= k[0] and key[1] <= k[1]:
                    if cue_event.quote is None:
                        cue_event.quote = qi
                    joined = True
        if not joined and not any(
            e.source == event.source and e.target == event.target and e.quote == event.quote
            for e in extra
        ):
            extra.append(event)
    events = list(kept.values()) + extra
    events.sort(key=lambda e: (e.evidence.start, e.type))
    return events
