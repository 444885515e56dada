"""What the quote finder knows about one article: tokens, entity mentions, recent speakers.

Kept apart from the attribution rules so that both the speaker finder and the target finder
resolve names and pronouns the same way.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from allegiance.extract.lexicons import Lexicon, speech_cues, stance_words
from allegiance.models import Entity, Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PRONOUNS_SG = {
    "fr": {"il", "elle", "-il", "-elle", "-t-il", "-t-elle", "lui", "celui-ci", "celle-ci"},
    "en": {"he", "she", "him", "her"},
}
PRONOUNS_PL = {
    "fr": {"ils", "elles", "-ils", "-elles", "-t-ils", "-t-elles", "eux"},
    "en": {"they", "them"},
}
FIRST_PERSON = {"fr": {"je", "j'", "j", "nous", "-je", "-nous"}, "en": {"i", "we"}}
#: determiners of a definite description that can refer back to a named actor (``le chercheur``)
DEFINITE = {
    "fr": {"le", "la", "l'", "l", "ce", "cet", "cette"},
    "en": {"the", "this"},
}
#: head nouns of descriptions that refer to organisations rather than to people
ORG_NOUNS = {
    "fr": {
        "groupe",
        "société",
        "entreprise",
        "compagnie",
        "firme",
        "conglomérat",
        "start-up",
        "startup",
        "ministère",
        "gouvernement",
        "agence",
        "institut",
        "banque",
        "constructeur",
        "géant",
        "fabricant",
        "organisation",
        "association",
        "syndicat",
        "parti",
        "fonds",
        "régulateur",
        "autorité",
        "commission",
        "cabinet",
        "laboratoire",
        "opérateur",
        "éditeur",
        "administration",
        "exécutif",
        "assureur",
        "enseigne",
        "fédération",
        "média",
        "journal",
        "quotidien",
        "chaîne",
        "club",
        "office",
        "tribunal",
        "cour",
        "direction",
        "maison",
    },
    "en": {
        "company",
        "firm",
        "group",
        "agency",
        "ministry",
        "department",
        "bank",
        "government",
        "administration",
        "campaign",
        "committee",
        "party",
        "organization",
        "organisation",
        "union",
        "association",
        "fund",
        "startup",
        "giant",
        "maker",
        "manufacturer",
        "regulator",
        "network",
        "newspaper",
        "court",
        "office",
        "commission",
        "council",
        "conglomerate",
        "institute",
        "lab",
        "board",
        "team",
        "club",
        "corporation",
        "paper",
    },
}
SECOND_PERSON = {
    "fr": {"vous", "votre", "vos", "tu", "ton", "ta", "tes", "toi"},
    "en": {"you", "your", "yours"},
}


@dataclass(slots=True)
class MentionRef:
    start: int
    end: int
    entity: Entity


@dataclass
class QuoteContext:
    doc: Doc
    entities: list[Entity]
    lang: str
    cues: Lexicon = field(init=False)
    stance: Lexicon = field(init=False)
    mentions: list[MentionRef] = field(init=False)
    _starts: list[int] = field(init=False)
    text: str = field(init=False)
    #: (offset, entity id) of each attributed speaker so far, for pronouns and continuations
    speakers_seen: list[tuple[int, Speaker]] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.cues = speech_cues(self.lang)
        self.stance = stance_words(self.lang)
        refs = [MentionRef(m.start, m.end, e) for e in self.entities for m in e.mentions]
        refs.sort(key=lambda r: (r.start, -r.end))
        self.mentions = refs
        self._starts = [r.start for r in refs]
        # Doc.text rebuilds the string from every token on each access: read it once
        self.text = self.doc.text

    # -- mentions -------------------------------------------------------------------------------
    def mentions_in(self, start: int, end: int) -> list[MentionRef]:
        """Entity mentions lying inside [start, end)."""
        lo = bisect.bisect_left(self._starts, start)
        hi = bisect.bisect_left(self._starts, end)
        return [r for r in self.mentions[lo:hi] if r.end <= end]

    def mention_at(self, start: int, end: int) -> MentionRef | None:
        """The entity mention overlapping [start, end) the most."""
        lo = bisect.bisect_left(self._starts, start - 80)
        best: MentionRef | None = None
        best_overlap = 0
        for r in self.mentions[lo:]:
            if r.start >= end:
                break
            overlap = min(r.end, end) - max(r.start, start)
            if overlap > best_overlap:
                best, best_overlap = r, overlap
        return best

    def mentions_before(self, pos: int, window: int) -> list[MentionRef]:
        """Mentions ending before ``pos`` and starting after ``pos - window``, latest first."""
        hi = bisect.bisect_left(self._starts, pos)
        out = [r for r in self.mentions[:hi] if r.end <= pos and r.start >= pos - window]
        return out[::-1]

    # -- speakers -------------------------------------------------------------------------------
    def speaker_from_tokens(self, head: Token, exclude: tuple[int, int]) -> Speaker | None:
        """A Speaker for the noun (or pronoun) ``head``: entity, pronoun antecedent or a role."""
        low = head.text.lower()
        if low == "-t" and head.i + 1 < len(head.doc):  # ``a-t-il``: the pronoun is the next token
            head = head.doc[head.i + 1]
            low = head.text.lower()
        if low in {"on", "it", "ce", "c'", "cela", "this", "there"}:
            return None
        if low in FIRST_PERSON[self.lang]:  # the author speaking (outside the quote)
            return Speaker(None, head.text, Span(head.text, head.idx, head.idx + len(head.text)))
        ref = self.mention_at(head.idx, head.idx + len(head.text))
        if ref is not None and not (exclude[0] <= ref.start < exclude[1]):
            span = Span(self.text[ref.start : ref.end], ref.start, ref.end)
            return Speaker(ref.entity.id, ref.entity.name, span)
        if low in PRONOUNS_SG[self.lang] or low in PRONOUNS_PL[self.lang] or head.pos_ == "PRON":
            if head.morph.get("PronType", []) == ["Rel"] or low in {"qui", "who", "that", "which"}:
                return None
            span = Span(head.text, head.idx, head.idx + len(head.text))
            plural = low in PRONOUNS_PL[self.lang]
            recent = self.recent_speaker(head.idx, plural=plural)
            if recent is not None:
                return Speaker(recent.entity, recent.name, span)
            antecedent = self.resolve_pronoun(head.idx, plural=plural, exclude=set())
            if antecedent is None:
                antecedent = self.resolve_pronoun(head.idx, plural=plural, exclude=set(), back=6)
            if antecedent is None:
                return Speaker(None, head.text, span) if not plural else None
            return Speaker(antecedent.id, antecedent.name, span)
        if head.pos_ in {"PROPN", "NOUN"}:
            return self._role_speaker(head, exclude)
        return None

    def _role_speaker(self, head: Token, exclude: tuple[int, int]) -> Speaker | None:
        """A noun phrase naming the speaker: a name the resolver missed, or a role."""
        left = head.left_edge.i
        right = head.i
        for child in head.rights:
            if child.dep_ in {"compound", "flat", "flat:name", "nmod", "prep", "amod", "pobj"}:
                right = max(right, child.right_edge.i)
            else:
                break
        doc = self.doc
        while left < head.i and (doc[left].is_punct or doc[left].dep_ in {"case", "prep"}):
            left += 1
        span_tokens = doc[left : right + 1]
        start, end = span_tokens.start_char, span_tokens.end_char
        if exclude[0] <= start < exclude[1] or '"' in span_tokens.text or "«" in span_tokens.text:
            start, end = head.idx, head.idx + len(head.text)
        if len(span_tokens) > 12:
            start, end = head.idx, head.idx + len(head.text)
        text = self.text[start:end]
        span = Span(text, start, end)
        named = self._named_in(start, end, head)
        if named is not None:  # ``le directeur adjoint, Jean Dupont``: the name in the phrase
            return Speaker(named.id, named.name, span)
        described = self._described(head, start)
        if described is not None:  # ``le chercheur``: the actor this description refers back to
            return Speaker(described.id, described.name, span)
        return Speaker(None, text, span)

    def _named_in(self, start: int, end: int, head: Token) -> Entity | None:
        """A named actor inside the speaker's phrase (an apposition), people first."""
        refs = self.mentions_in(start, end)
        people = [r for r in refs if r.entity.type == "person"]
        if people:
            return people[0].entity
        if refs and head.lemma_.lower() in ORG_NOUNS[self.lang]:  # ``le groupe Renault``
            return refs[0].entity
        return None

    def _described(self, head: Token, start: int) -> Entity | None:
        """The actor a definite description (``le PDG``, ``the senator``) refers back to.

        First an earlier mention of a named actor next to the same noun (``Jean Dupont,
        chercheur au CNRS``, ``le PDG de X, Jean Dupont``); else the latest salient actor of the
        right kind (organisation nouns -> organisations, others -> people).
        """
        if head.pos_ != "NOUN" or head.morph.get("Number", []) == ["Plur"] or head.tag_ == "NNS":
            return None
        det = next((c for c in head.children if c.dep_ in {"det", "det:poss"}), None)
        if det is None or det.lower_ not in DEFINITE[self.lang]:
            return None
        lemma = head.lemma_.lower()
        doc = self.doc
        for tok in reversed(doc[: head.left_edge.i]):
            if tok.lemma_.lower() != lemma or tok.pos_ != "NOUN":
                continue
            lo, hi = max(0, tok.i - 8), min(len(doc), tok.i + 9)
            window = doc[lo:hi]
            refs = [
                r
                for r in self.mentions_in(window.start_char, window.end_char)
                if not (tok.idx <= r.start < tok.idx + len(tok.text))
            ]
            if refs:
                return min(refs, key=lambda r: abs(r.start - tok.idx)).entity
        org = lemma in ORG_NOUNS[self.lang]
        return self.resolve_pronoun(start, plural=org, exclude=set(), back=4)

    def recent_speaker(self, pos: int, *, plural: bool) -> Speaker | None:
        """The speaker of the latest quote, when it is close and not first person (continuity)."""
        sent_start = self._sentence_start(pos, back=2)
        for offset, speaker in reversed(self.speakers_seen):
            if offset >= pos:
                continue
            if offset < sent_start - 200:
                return None
            if (
                speaker.mention is not None
                and speaker.mention.text.lower() in FIRST_PERSON[self.lang]
            ):
                return None
            entity = self.entity(speaker.entity) if speaker.entity else None
            if entity is not None and entity.type == ("organization" if plural else "person"):
                return speaker
            if entity is None and not plural:
                return speaker
            return None
        return None

    def resolve_pronoun(
        self,
        pos: int,
        *,
        plural: bool = False,
        exclude: set[str],
        speakers: bool = True,
        back: int = 2,
    ) -> Entity | None:
        """The antecedent of a pronoun at ``pos``: the latest speaker nearby, else a subject, else
        the latest person mentioned in this or the previous sentences (salience, no gender)."""
        wanted = {"organization"} if plural else {"person"}
        sent_start = self._sentence_start(pos, back=1)
        for offset, speaker in reversed(self.speakers_seen if speakers else []):
            if offset < sent_start - 400:
                break
            if speaker.entity and speaker.entity not in exclude and offset < pos:
                entity = self.entity(speaker.entity)
                if entity is not None and entity.type in wanted:
                    return entity
        candidates = [
            r
            for r in self.mentions_before(pos, pos - self._sentence_start(pos, back=back))
            if r.entity.type in wanted and r.entity.id not in exclude
        ]
        for r in candidates:  # latest subject first
            tok = self._token_at(r.start)
            if (
                tok is not None
                and tok.dep_.startswith("nsubj")
                or (tok is not None and tok.head.dep_.startswith("nsubj"))
            ):
                return r.entity
        if candidates:
            return candidates[0].entity
        return None

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def _token_at(self, char: int) -> Token | None:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def _sentence_start(self, pos: int, back: int) -> int:
        tok = self._token_at(min(pos, len(self.text) - 1))
        if tok is None:
            return max(0, pos - 300)
        sent = tok.sent
        for _ in range(back):
            if sent.start == 0:
                break
            sent = self.doc[sent.start - 1].sent
        return int(sent.start_char)
