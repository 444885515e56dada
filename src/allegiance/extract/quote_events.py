"""Events said in quotes, and how they join the events of cue words.

A quote whose speaker is an actor and which is clearly for (+1) or against (-1) another actor
is a PRAISE or a CRITICIZE event from speaker to target (an ACCUSE under "accuser", a REJECT
for a refusal). :func:`merge` keeps one event per (source, target, type, sentence): when a cue
event and a quote event say the same thing, the cue event is kept and points at the quote.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from allegiance.extract.event_context import (
    SUBJECT_DEPS,
    ActorIndex,
    clause_of,
    nested_spans,
    within,
)
from allegiance.extract.event_cues import Lexicon
from allegiance.extract.event_nominals import (
    FIRST_PERSON,
    nominal_actors,
    owner_actors,
)
from allegiance.extract.modality import is_old
from allegiance.extract.quote_event_rules import (
    ADDRESS,
    DESCRIBED,
    addresses_someone,
    evaluative_clash,
    feels,
    mention_head,
    role_rank,
)
from allegiance.models import DateMention, Event, Granularity, Modality, Quote, Span, Target

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan


class QuoteEvents:
    """The events the quotes of one article carry."""

    def __init__(
        self,
        index: ActorIndex,
        lex: Lexicon,
        dates: list[DateMention],
        published: date | None,
        fallback_date: tuple[str | None, Granularity | None, bool],
        body: str | None,
        weights: dict[str, float],
    ) -> None:
        self.index = index
        self.lex = lex
        self.dates = dates
        self.published = published
        self.fallback_date = fallback_date
        self.body = body
        self.weights = weights

    def find(self, quotes: list[Quote]) -> list[tuple[Event, list[int], int]]:
        """(event, sentences it spans, quote index) for each clear stance of a named speaker."""
        out: list[tuple[Event, list[int], int]] = []
        doc = self.index.doc
        nested = nested_spans(quotes)
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
            targets = self._clear_targets(q, nested.get(qi, []))
            for about in self._answered(q, a.start, b.end):
                targets = [t for t in targets if t.entity != about.entity] + [about]
            clash = evaluative_clash(first, self.lex)
            targets = [t for t in targets if not (clash and (t.stance > 0) == (clash < 0))]
            for about in targets:
                kind = "PRAISE" if about.stance > 0 else ("ACCUSE" if accusing else "CRITICIZE")
                if about.stance == _REFUSAL:
                    kind = "REJECT"
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

    def _clear_targets(self, q: Quote, nested: list[tuple[int, int]]) -> list[Target]:
        """The targets of :meth:`_named_targets`, less those the quote's tone does not reach.

        A fragment in marks that is the charge of an agentless passive ("le député est soupçonné
        de « détournement de fonds publics »", peut-on lire dans Le Monde) quotes the charge,
        not a stance of the outlet that reports it. A positive tone does not reach an actor
        whose clause is negated ("nous ne sommes plus liés par l'UE") or wished back to what
        it was ("il est temps qu'OpenAI redevienne la force positive qu'elle était"): that is
        no praise of it.
        """
        if q.kind == "partial" and self._quoted_charge(q):
            return []
        targets = self._named_targets(q, nested)
        if not any(t.stance > 0 for t in targets):
            return targets
        unpraised = self._unpraised(q, nested)
        return [t for t in targets if not (t.stance > 0 and t.entity in unpraised)]

    def _quoted_charge(self, q: Quote) -> bool:
        """The fragment is what someone unnamed charges a person with: "est soupçonné de « … »",
        "is accused of '…'" with no "par X" / "by X" naming the accuser."""
        doc = self.index.doc
        inside = doc.char_span(q.start, q.end, alignment_mode="expand")
        if inside is None:
            return False
        verb = inside.root.head
        if inside.root.dep_ in {"pobj", "case"}:
            verb = verb.head
        lemma = (verb.lemma_ or verb.lower_).lower()
        if lemma not in _CHARGE_VERBS or verb.i >= inside.start:
            return False
        passive = any(c.dep_ in {"aux:pass", "auxpass"} for c in verb.children) or (
            "Part" in verb.morph.get("VerbForm", []) and verb.dep_ in {"acl", "amod", "advcl"}
        )
        agent = any(c.dep_ in {"obl:agent", "agent"} for c in verb.children)
        return passive and not agent

    def _unpraised(self, q: Quote, nested: list[tuple[int, int]]) -> set[str]:
        """Actors every mention of which inside the quote sits in a negated clause or in a
        clause wishing them back to a past state (see :meth:`_clear_targets`)."""
        doc = self.index.doc
        inside = doc.char_span(q.start, q.end, alignment_mode="expand")
        if inside is None:
            return set()
        negation = self.lex.modality.get("negation", frozenset()) | _NEGATORS
        reached: set[str] = set()
        unreached: set[str] = set()
        for tok in inside:
            ent = self.index.by_token.get(tok.i)
            if ent is None or self.index.mention_start.get(tok.i) != tok.i:
                continue
            if within(tok.idx, nested):
                continue
            clause = clause_of(mention_head(self.index, tok, inside.start, inside.end))
            lemma = (clause.lemma_ or clause.lower_).lower()
            wished = lemma in _RESTORE_VERBS or any(c.lower_ == "again" for c in clause.children)
            if wished or any(c.lower_ in negation for c in clause.children):
                unreached.add(ent)
            else:
                reached.add(ent)
        return unreached - reached

    def _named_targets(self, q: Quote, nested: list[tuple[int, int]]) -> list[Target]:
        """The targets a quote clearly praises or criticises, not every actor named in it.

        A question put to the speaker ("on lui a demandé si ...") is not his statement. Projects
        and products are not taken as targets (a person rarely praises a project in a quote; the
        cue words can still say so). Among actors named inside a direct or indirect quote, those
        that are arguments of its clauses beat those that only modify a noun ("les critiques de
        X", "au sein du G7"), and the shallowest in the parse win ("X est un radical qui a
        piégé Y": X). An actor that is only the subject of a feeling ("il déteste ...") is
        described, not judged. A target the quote does not name is kept only when the quote
        names no actor of its own and refers to a person by a pronoun, or is a short
        exclamation ("« Escroc ! »").
        """
        assert q.speaker is not None
        signed = [
            a
            for a in q.about
            if a.stance
            and a.entity != q.speaker.entity
            and self.index.types.get(a.entity) not in {"location", "other"}
            and a.entity not in self.index.projects
        ]
        if not signed or self._is_question(q):
            return []
        doc = self.index.doc
        inside = doc.char_span(q.start, q.end, alignment_mode="expand")
        if inside is None:
            return []
        if q.kind == "partial":  # a fragment inside the author's sentence: its cue decides,
            # but what the fragment buys or where it was posted is not judged by it
            described = {
                self.index.by_token[t.i]
                for t in inside
                if t.i in self.index.by_token
                and self.index.mention_start.get(t.i) == t.i
                and role_rank(self.index, t, inside.start, inside.end, self.lex)[0] >= DESCRIBED
            }
            # "Pour elle, « c'est une opportunité rare »": a fragment whose sentence names
            # nobody, nor points at anyone but the speaker, is not aimed at an actor named
            # further off
            present = self._sentence_actors(inside)
            return [
                a
                for a in signed
                if a.entity not in described and (a.entity in present or self._points(inside, q))
            ]
        ranks: dict[str, tuple[int, int]] = {}
        incise = self._speaker_description(q)
        # a quote nested in this one is another speaker's words ("un email qui nous disait
        # « … ne vous plaignez pas »"): whom it names or addresses is not judged by this speaker
        own = [t for t in inside if not within(t.idx, nested)]
        for tok in own:
            ent = self.index.by_token.get(tok.i)
            if ent is None or self.index.mention_start.get(tok.i) != tok.i or tok.i in incise:
                continue
            rank = role_rank(self.index, tok, inside.start, inside.end, self.lex)
            if ent not in ranks or rank < ranks[ent]:
                ranks[ent] = rank
        ranks.pop(q.speaker.entity or "", None)
        named = {a.entity: ranks[a.entity] for a in signed if a.entity in ranks}
        if named:
            best = min(named.values())
            return [
                a
                for a in signed
                if a.entity in named
                and named[a.entity][0] == best[0]
                and named[a.entity][0] < DESCRIBED
                and named[a.entity][1] <= best[1] + 1
            ]
        if any(ranks.get(e, (0, 0))[0] < DESCRIBED for e in ranks):
            return []  # the quote is about actors of its own, the target was guessed outside
        # "if you're short bonds, you're on the wrong side": anyone, not a person addressed
        generic_you = any(
            t.lower_ in ADDRESS
            and any(c.lower_ in _CONDITIONS and c.dep_ == "mark" for c in t.head.children)
            for t in own
        )
        pronoun = next(
            (
                t
                for t in inside
                if t.pos_ in {"PRON", "DET"}
                and (t.lower_ in _PERSON_REFERENCES or (not generic_you and addresses_someone(t)))
                and not within(t.idx, nested)
            ),
            None,
        )
        # "« Escroc ! »": a short exclamation, said aloud; a short indirect quote is a summary
        short = q.kind != "indirect" and sum(1 for t in own if t.is_alpha) <= _SHORT_QUOTE
        # "« I'll feel good after the election »": the speaker speaks of himself, not of
        # someone the context names
        short = short and not any(
            t.lower_ in FIRST_PERSON and t.dep_ in SUBJECT_DEPS for t in inside
        )
        if (pronoun is None and not short) or (pronoun is not None and feels(pronoun, self.lex)):
            return []
        return [a for a in signed if self.index.types.get(a.entity, "person") == "person"]

    def _sentence_actors(self, inside: SpacySpan) -> set[str]:
        """The actors named in the sentence(s) a quote spans."""
        first = self.index.sentences[self.index.sentence_of[inside.start]]
        last = self.index.sentences[self.index.sentence_of[inside.end - 1]]
        return {
            e for i in range(first.start, last.end) if (e := self.index.by_token.get(i)) is not None
        }

    def _points(self, inside: SpacySpan, q: Quote) -> bool:
        """A personal pronoun of the quote's sentence, outside the speaker's own mention, that
        may stand for the target ("la qualifiant de « escroc »", "il le traite de « … »")."""
        sent = self.index.sentences[self.index.sentence_of[inside.start]]
        mention = q.speaker.mention if q.speaker is not None else None
        for t in self.index.doc[sent.start : sent.end]:
            if t.pos_ != "PRON" or t.lower_ not in _PERSON_REFERENCES:
                continue
            if mention is not None and mention.start <= t.idx < mention.end:
                continue
            before = t.nbor(-1).lower_ if t.i > 0 else ""
            if t.dep_ in SUBJECT_DEPS or before in {"pour", "selon", "for", "to"}:
                continue  # "il a dit", "pour elle": the speaker
            return True
        return False

    def _speaker_description(self, q: Quote) -> set[int]:
        """Tokens describing the speaker in an incise inside the marks ("« Absurde, explique X,
        toxicologue, ancien de l'Anses. ... »"): where he worked is not what he judges."""
        if q.speaker is None or q.speaker.mention is None:
            return set()
        doc = self.index.doc
        span = doc.char_span(
            q.speaker.mention.start, q.speaker.mention.end, alignment_mode="expand"
        )
        if span is None:
            return set()
        inner = {t.i for t in span}
        return {
            t.i
            for c in span.root.children
            if c.dep_ in {"appos", "acl", "nmod", "amod"} and c.i not in inner
            for t in c.subtree
        }

    def _answered(self, q: Quote, lo: int, hi: int) -> list[Target]:
        """The actor a quote answers: "In response to X's offer, Y wrote: « No thank you »",
        "répondant à X". Its sign is the quote's (a refusal, "No thank you", is a REJECT);
        nothing when the quote takes no side."""
        if q.speaker is None or q.speaker.entity is None:
            return []
        doc = self.index.doc
        words = q.text.lstrip(" «“\"'").lower()
        if words.startswith(_REFUSALS):
            stance = _REFUSAL
        else:
            signs = {a.stance for a in q.about if a.stance}
            if len(signs) != 1:
                return []
            stance = signs.pop()
        for t in doc[lo:hi]:
            if q.start <= t.idx < q.end:
                continue
            lemma = (t.lemma_ or t.lower_).lower()
            noun = lemma in _RESPONSE_NOUNS and t.i > 0 and doc[t.i - 1].lower_ in {"in", "en"}
            verb = lemma in _RESPONSE_VERBS and (
                "Part" in t.morph.get("VerbForm", []) or t.tag_ == "VBG"
            )
            if not (noun or verb) or t.i + 1 >= len(doc):
                continue
            to = doc[t.i + 1]
            if to.lower_ not in {"to", "à", "au", "aux"}:
                continue
            answered = [
                c
                for c in (*to.children, *t.children)
                if c.dep_ in {"pobj", "nmod", "obl", "obl:arg", "obl:mod"} and c.i > to.i
            ]
            if not answered:
                continue
            node = min(answered, key=lambda c: c.i)
            actors = nominal_actors(node, self.index, set())[0] or owner_actors(node, self.index)
            return [
                Target(entity=e, stance=stance)
                for e in actors
                if e != q.speaker.entity and e not in self.index.projects
            ]
        return []

    def _is_question(self, q: Quote) -> bool:
        """An indirect quote that is a question ("si ...", "whether ...")."""
        if q.kind != "indirect":
            return False
        first = q.text.lstrip().lower()
        if first.startswith(("si ", "s'il", "s'ils", "s'elle", "whether ", "if ")):
            return True
        if _INVERSION.search(q.text) and self._ends_in_question(q):
            return True  # "la seule solution est-elle … de sortir de X, comme l'a suggéré Y ?"
        if q.cue is None:
            return False
        cue = self.index.doc.char_span(q.cue.start, q.cue.end, alignment_mode="expand")
        return (
            cue is not None
            and any((t.lemma_ or "").lower() in _QUESTION_VERBS for t in cue)
            and first.split(" ", 1)[0] in _WH_WORDS
        )

    def _ends_in_question(self, q: Quote) -> bool:
        """The sentence holding the quote ends with a question mark."""
        doc = self.index.doc
        span = doc.char_span(q.start, q.end, alignment_mode="expand")
        if span is None:
            return False
        sent = self.index.sentences[self.index.sentence_of[span.end - 1]]
        words = [t for t in doc[sent.start : sent.end] if not t.is_space]
        return bool(words) and "?" in "".join(t.text for t in words[-3:])

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
            return self.fallback_date
        return None, None, True


#: "In response to X's offer, Y wrote ...", "en réponse à X", "responding to X": the quote answers X
_RESPONSE_NOUNS = {"response", "reply", "réponse", "réaction", "reaction"}
_RESPONSE_VERBS = {"respond", "reply", "react", "répondre", "réagir", "riposter"}
#: a quote that opens with a refusal rejects what it answers ("No thank you", "Non merci")
_REFUSALS = ("no thank", "no thanks", "non merci", "no,", "non,")
_REFUSAL = -2  # stance marker of a refusal (REJECT), negative like any hostile stance

#: a French question by inversion inside a reported clause: "est-elle", "faut-il", "a-t-on"
_INVERSION = re.compile(r"\w-(?:t-)?(?:il|elle|ils|elles|on)\b", re.IGNORECASE)
_QUESTION_VERBS = {"demander", "interroger", "questionner", "ask", "wonder", "question"}
_WH_WORDS = {"pourquoi", "comment", "quand", "qui", "quoi", "combien", "why", "how", "when", "who"}
#: references to a person: a quote that names nobody but says "il"/"lui" is about the target
#: found around it; so is a quote that addresses someone ("if you want", "vos entreprises"),
#: unless "you" is only the generic one of "you know" / "vous savez"
_PERSON_REFERENCES = {"il", "elle", "lui", "le", "la", "l'", "he", "him", "she", "her", "his"}
_CONDITIONS = {"if", "si", "s'", "when", "quand", "whenever"}
_SHORT_QUOTE = 6  # words: an exclamation ("« Escroc ! »") aimed at whoever the context says
#: a fragment complementing one of these passive participles is a charge ("soupçonné de « … »")
_CHARGE_VERBS = {"soupçonner", "suspecter", "accuser", "inculper", "poursuivre", "condamner"}
_CHARGE_VERBS |= {"viser", "mettre", "suspect", "accuse", "charge", "convict", "indict"}
#: "il est temps qu'X redevienne ...", "make X great again": wished back to what it was, not praised
_RESTORE_VERBS = {"redevenir", "retrouver", "revenir"}
_NEGATORS = {"ne", "n'", "not", "n't", "never"}


def _sign(e: Event) -> int:
    return (e.weight > 0) - (e.weight < 0)


def merge(
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
        # a cue in the quote's sentence that says the opposite of the quote's one stance wins:
        # "X disputed Y's claims and released documents showing Y supported ..." is no praise
        contradicted = any(
            k[2] == -_sign(event)
            and k[3] in sents
            and set(event.source) <= k[0]
            and set(event.target) <= k[1]
            for k in kept
        )
        if (
            not joined
            and not contradicted
            and not any(
                e.source == event.source and e.target == event.target and e.quote == event.quote
                for e in extra
            )
        ):
            extra.append(event)
    events = list(kept.values()) + extra
    events.sort(key=lambda e: (e.evidence.start, e.type))
    return events
