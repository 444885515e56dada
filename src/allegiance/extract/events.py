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

from allegiance.extract.event_context import RELATIVE_WORDS, SUBJECT_DEPS, ActorIndex
from allegiance.extract.event_cues import (
    JUDGING,
    PASSIVE_AGENT_DEPS,
    Cue,
    Lexicon,
    evaluative_sign,
    load_lexicon,
    load_ontology,
    match_cue,
    nominal_actors,
    noun_arguments,
    owner_actors,
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
    Target,
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
    quote_events = finder.quote_events(quotes)
    events = _merge(cue_events, quote_events, index)
    states = find_states(index, lex, body)
    events = _drop_own_house(events, states)
    return _rename(events, _nicknames(index)), states


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
                    if not target and spec.type in JUDGING:
                        target = owner_actors(c, self.index)  # "Musk's bid was rebuffed by X"
            return source, target, 0.8
        source, s_sure = subject_of(tok, self.index)
        if passive and symmetric and not source:
            subj = next((c for c in tok.children if c.dep_ in {"nsubj:pass", "nsubjpass"}), None)
            if subj is not None:
                source, s_sure = nominal_actors(subj, self.index, set())
        target, t_sure = targets_of(tok, spec, self.index, source)
        if spec.between and self._gathering(tok, source):
            # "le projet qui réunit A, B et C": the members are partners of one another; a
            # project is nobody's partner
            if len(target) < 2:
                return [], [], 0.0
            return target[:1], target[1:], t_sure * 0.8
        return source, target, s_sure * t_sure

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

    def _under_bid(self, tok: Token) -> bool:
        """ "offered to buy X", "une offre pour racheter X": the purchase is the bid's content,
        not a deal that happened (the BID event says it)."""
        if tok.dep_ not in {"xcomp", "acl", "advcl"} or tok.head.i == tok.i:
            return False
        near = [tok.head, *(c for c in tok.head.children if c.dep_ in {"obj", "dobj"})]
        return any((cue := match_cue(t, self.lex)) is not None and cue.type == "BID" for t in near)

    def _cue_event(self, tok: Token, spec: Cue) -> Event | None:
        if spec.type == "INVEST" and self._under_bid(tok):
            return None
        source, target, certainty = self._arguments(tok, spec)
        target = [t for t in target if t not in source]
        if not source:
            return None
        sentence = self.index.sentence(tok)
        amount = self._amount(tok, sentence.start, sentence.end)
        if not target and not (spec.type in SELF_STANDING and amount is not None):
            return None
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
            targets = self._clear_targets(q)
            for about in self._answered(q, a.start, b.end):
                targets = [t for t in targets if t.entity != about.entity] + [about]
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

    def _clear_targets(self, q: Quote) -> list[Target]:
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
                and _role_rank(self.index, t, inside.start, inside.end, self.lex)[0] >= _DESCRIBED
            }
            return [a for a in signed if a.entity not in described]
        ranks: dict[str, tuple[int, int]] = {}
        for tok in inside:
            ent = self.index.by_token.get(tok.i)
            if ent is None or self.index.mention_start.get(tok.i) != tok.i:
                continue
            rank = _role_rank(self.index, tok, inside.start, inside.end, self.lex)
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
                and named[a.entity][0] < _DESCRIBED
                and named[a.entity][1] <= best[1] + 1
            ]
        if any(ranks.get(e, (0, 0))[0] < _DESCRIBED for e in ranks):
            return []  # the quote is about actors of its own, the target was guessed outside
        pronoun = next(
            (
                t
                for t in inside
                if t.pos_ in {"PRON", "DET"}
                and (t.lower_ in _PERSON_REFERENCES or _addresses_someone(t))
            ),
            None,
        )
        # "« Escroc ! »": a short exclamation, said aloud; a short indirect quote is a summary
        short = q.kind != "indirect" and sum(1 for t in inside if t.is_alpha) <= _SHORT_QUOTE
        if (pronoun is None and not short) or (pronoun is not None and _feels(pronoun, self.lex)):
            return []
        return [a for a in signed if self.index.types.get(a.entity, "person") == "person"]

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
        if q.cue is None:
            return False
        cue = self.index.doc.char_span(q.cue.start, q.cue.end, alignment_mode="expand")
        return (
            cue is not None
            and any((t.lemma_ or "").lower() in _QUESTION_VERBS for t in cue)
            and first.split(" ", 1)[0] in _WH_WORDS
        )

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

_QUESTION_VERBS = {"demander", "interroger", "questionner", "ask", "wonder", "question"}
_WH_WORDS = {"pourquoi", "comment", "quand", "qui", "quoi", "combien", "why", "how", "when", "who"}
#: references to a person: a quote that names nobody but says "il"/"lui" is about the target
#: found around it; so is a quote that addresses someone ("if you want", "vos entreprises"),
#: unless "you" is only the generic one of "you know" / "vous savez"
_PERSON_REFERENCES = {"il", "elle", "lui", "le", "la", "l'", "he", "him", "she", "her", "his"}
_ADDRESS = {"you", "your", "vous", "votre", "vos", "tu", "ton", "ta", "tes", "te", "toi"}
_GENERIC_YOU = {"know", "see", "mean", "savez", "voyez", "sais", "vois"}
_FEELINGS = {"détester", "haïr", "aimer", "adorer", "apprécier", "mépriser", "craindre"}
_FEELINGS |= {"hate", "love", "like", "dislike", "despise", "adore", "admire", "fear"}
_VENUES = {"sein", "cadre", "milieu", "within", "among", "amongst", "parmi"}
_PLATFORM_PREPS = {"on"}
_SHORT_QUOTE = 6  # words: an exclamation ("« Escroc ! »") aimed at whoever the context says
_DESCRIBED = 3  # rank class of an actor that is only described (venue, subject of a feeling)
_STRUCTURE = {"conj", "appos", "flat", "flat:name", "fixed", "compound"}


def _addresses_someone(tok: Token) -> bool:
    """ "you"/"vous" speaking to someone, not the generic "you know"."""
    if tok.lower_ not in _ADDRESS:
        return False
    following = tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else ""
    return following not in _GENERIC_YOU and tok.head.lower_ not in _GENERIC_YOU


def _feels(tok: Token, lex: Lexicon) -> bool:
    """``tok`` is the subject of a verb of feeling: "il déteste ...", "he loves ..."."""
    return tok.dep_ in {"nsubj", "nsubj:pass"} and (tok.head.lemma_ or "").lower() in _FEELINGS


#: event types that are transactions: an actor that is their object in a quote is not the one
#: the quote judges
_TRANSACTIONS = {"INVEST", "DONATE", "MEET", "APPOINT", "PLEDGE", "PARTNER", "JOIN", "CONCEDE"}


def _transaction(arg: Token, lex: Lexicon) -> bool:
    """``arg`` is an object or complement of a transaction cue ("acheter X", "buy X")."""
    if arg.dep_ in SUBJECT_DEPS:
        return False
    verb = arg.head.head if arg.dep_ == "pobj" else arg.head
    cue = match_cue(verb, lex)
    return cue is not None and cue.type in _TRANSACTIONS


def _role_rank(index: ActorIndex, tok: Token, lo: int, hi: int, lex: Lexicon) -> tuple[int, int]:
    """(class, depth) of the mention starting at ``tok`` inside a quote [lo, hi): class 0 for
    an argument of a clause, 1 for a modifier of a noun, 3 for a venue or a feeler; depth is the
    number of arcs to the root of the quote's clause."""
    end = index.mention_end.get(tok.i, tok.i + 1)
    head = tok
    for t in index.doc[tok.i : end]:  # the mention's syntactic head
        if not (tok.i <= t.head.i < end) or t.head.i == t.i:
            head = t
            break
    while head.dep_ in _STRUCTURE and head.head.i != head.i and lo <= head.head.i < hi:
        head = head.head
    if _feels(head, lex):
        return (_DESCRIBED, 0)
    prep = preposition(head)
    if prep in _PLATFORM_PREPS and index.types.get(index.by_token.get(tok.i, "")) == "organization":
        return (_DESCRIBED, 0)  # "a liar on X": where it was said, not whom it is about
    if prep in _VENUES or (
        head.dep_ == "nmod" and (head.head.lemma_ or head.head.lower_).lower() in _VENUES
    ):
        return (_DESCRIBED, 0)
    noun = head.head.head if head.dep_ == "pobj" else head.head
    noun_modifier = head.dep_ in {"nmod", "poss", "nmod:poss", "pobj"} and noun.pos_ in {
        "NOUN",
        "PROPN",
        "PRON",
        "NUM",
    }
    if noun_modifier and not {noun.lower_, (noun.lemma_ or "").lower()} & (
        lex.negative | lex.positive
    ):
        # "les intérêts d'OpenAI", "au sein du G7": the actor is only named in passing; "les
        # mensonges de X", "X's genius" judge it
        return (_DESCRIBED, 0)
    if _transaction(head, lex):
        return (_DESCRIBED, 0)  # "nous rachèterions X": X is bought, not judged
    depth = 0
    node = head
    while node.head.i != node.i and lo <= node.head.i < hi and depth < 12:
        node = node.head
        depth += 1
    return (1 if noun_modifier else 0, depth)


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
