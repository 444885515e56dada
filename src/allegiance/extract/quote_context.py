"""What the quote finder knows about one article: tokens, entity mentions, recent speakers.

Kept apart from the attribution rules so that both the speaker finder and the target finder
resolve names and pronouns the same way.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from allegiance.extract.antecedent_checks import (
    after_dative,
    after_preposition,
    agent_of_fronted_participle,
    body_named_as,
    introduced_on_stage,
    opens_author_sentence,
    second_subject,
)
from allegiance.extract.apposed_names import named_after_comma, organisation_closing_subject
from allegiance.extract.described_speakers import one_of_speaker, role_speaker
from allegiance.extract.frames import in_bracketed_list, incise_position, quoted, quoted_before
from allegiance.extract.interviews import interviewee
from allegiance.extract.joint_speakers import people_named_before
from allegiance.extract.lexicons import Lexicon, speech_cues, stance_words
from allegiance.extract.quote_marks import OPENING_MARKS
from allegiance.extract.source_nouns import can_name_speaker, fronted_source
from allegiance.extract.speaker_gender import (
    LATTER,
    article_gender,
    can_be_pronoun_antecedent,
    demonstrative_latter,
    distant_person,
    governing_subject,
    morph_gender,
    named_last,
    opening_cataphora,
    previous_subject_organisation,
)
from allegiance.extract.speaker_roles import mention_roles
from allegiance.extract.speaker_words import (
    DEFINITE,
    FIRST_PERSON,
    FR_OF,
    FR_POSSESSIVES,
    NAME_PARTS,
    NAMED_PLACE_NOUNS,
    ORG_NOUNS,
    PRONOUNS_PL,
    PRONOUNS_SG,
    SECOND_PERSON,
    of_complement,
    pronoun_gender,
)
from allegiance.extract.subject_chains import (
    incise_opinion_source,
    incise_reported_body,
    subject_chain,
    subject_lost_under_fronted_phrase,
    unnamed_subject,
)
from allegiance.models import Entity, Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: the word lists are re-exported: other modules read them from here
__all__ = [
    "DEFINITE",
    "FIRST_PERSON",
    "ORG_NOUNS",
    "PRONOUNS_PL",
    "PRONOUNS_SG",
    "SECOND_PERSON",
    "MentionRef",
    "QuoteContext",
    "pronoun_gender",
]


@dataclass(slots=True)
class MentionRef:
    start: int
    end: int
    entity: Entity

    def speaker(self, text: str) -> Speaker:
        """The entity as a speaker, this mention of it (in ``text``, the body) as its words."""
        words = Span(text[self.start : self.end], self.start, self.end)
        return Speaker(self.entity.id, self.entity.name, words)


def _noun_complement(tok: Token) -> bool:
    """A name in a noun's ``de`` complement (``la photo de Mia``)."""
    return tok.dep_ == "nmod" and tok.head.pos_ == "NOUN" and of_complement(tok)


#: words of a quote speaking as one person (a body speaks as ``nous``/``we``); not the title
#: ``Me``, nor ``Mon``/``Ma`` naming something inside the quote (``le dispositif Mon soutien
#: psy``, ``Ma French Bank``)
_FIRST_PERSON_SINGULAR = {
    "fr": re.compile(
        r"\b(?:[Jj]e|me|[Mm]oi)\b|\b[JjMm]'|\b(?:mon|ma|mes)\b|^(?:Mon|Ma|Mes)\s+[a-zà-ÿ]"
    ),
    "en": re.compile(r"\b(?:I|I'm|I've|me|my|myself)\b"),
}
#: a quote speaking for a group: ``nous`` as a subject (a head or a spokesperson for the body),
#: not as an object (``ils nous ont ignorés``)
_GROUP_VOICE = {
    "fr": re.compile(
        r"(?:^|[.!?;:]\s*)Nous\b|-nous\b|\bnous\s+"
        r"(?:(?:ne|n'|n’|le|la|les|l'|l’|en|y|lui|leur|vous|me|te|nous)\s*)*"
        r"(?:avons|sommes|allons|irons|serons|aurons|\w+ons)\b",
        re.IGNORECASE,
    ),
    "en": re.compile(r"\bwe\b", re.IGNORECASE),
}
#: a colon after a verb of saying or a noun of message, where a quote starts giving someone
#: else's words (``un client nous a raconté : je …``, ``le message des locataires est simple :
#: je paie …``); the quote's own words run up to it. Not the speaker's own colon (``Soyons
#: clairs : je …``)
_GIVEN_WORDS = re.compile(
    r"\b(?:dit|disent|disait|a dit|écrit|écrivent|répond|répondu|répondent|lance|lancé|"
    r"demande|demandé|déclare|déclaré|raconte|raconté|explique|expliqué|confie|confié|message|"
    r"slogan|phrase|says?|said|told)\b[^:.!?]{0,40}:",
    re.IGNORECASE,
)
#: inner quotation marks, where a quote gives someone else's words
_INNER_MARK = re.compile(r"[«“\"‹]")

#: nouns of bodies and of things named after a person (``le gouvernement Lavoie``, ``la
#: réforme Macron``, ``l'ère Trump``, ``le rapport X``)
_NAMED_THINGS = frozenset(
    {"réforme", "loi", "plan", "projet", "ère", "affaire", "doctrine", "méthode", "régime",
     "rapport", "amendement", "budget", "dossier", "procès", "circulaire", "texte"}
)  # fmt: skip
_NAMED_AFTER = {lang: nouns | _NAMED_THINGS for lang, nouns in ORG_NOUNS.items()}


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
    #: (start, end, speaker id, target ids) of the quotes given targets so far (stance targets
    #: carry them on to a continuing quote of the same speaker)
    stance_history: list[tuple[int, int, str | None, list[str]]] = field(default_factory=list)
    #: the interviewee of a Q/A interview (key ``""``), once looked for
    interview_cache: dict[str, Entity | None] = field(default_factory=dict)
    #: attributions of marked spans already computed, by (open, close) mark offsets: each
    #: fragment of a long list looks at its listed neighbours (scare_quotes)
    attribution_memo: dict[tuple[int, int], Any] = field(default_factory=dict)
    #: (start, end) of the stretches between paired straight marks, once computed (frames)
    straight_spans: list[tuple[int, int]] | None = None
    _genders: dict[str, str | None] = field(default_factory=dict)
    _antecedents: dict[str, bool] = field(default_factory=dict)
    _roles: dict[tuple[int, int], frozenset[str]] = field(default_factory=dict)
    _listed: dict[int, bool] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.cues = speech_cues(self.lang)
        self.stance = stance_words(self.lang)
        refs = [
            MentionRef(m.start, m.end, e)
            for e in self.entities
            for m in e.mentions
            if not (e.type == "person" and self._names_a_place(m.start))
        ]
        refs.sort(key=lambda r: (r.start, -r.end))
        self.mentions = refs
        self._starts = [r.start for r in refs]
        # Doc.text rebuilds the string from every token on each access: read it once
        self.text = self.doc.text

    def _names_a_place(self, start: int) -> bool:
        """A person's name right after a place noun (``l'hôpital Nasser``): the place is meant,
        so the mention is no speaker nor a pronoun's antecedent."""
        before = self.doc.char_span(max(0, start - 40), start, alignment_mode="contract")
        if before is None or not len(before):
            return False
        prev = before[-1]
        return prev.lower_ in NAMED_PLACE_NOUNS and prev.idx + len(prev.text) + 1 >= start

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

    def mention_of(self, tok: Token) -> MentionRef | None:
        """The entity mention over one token (:meth:`mention_at` of its characters)."""
        return self.mention_at(tok.idx, tok.idx + len(tok.text))

    def _name_right_after(self, head: Token) -> MentionRef | None:
        """``le Fribourgeois Jean Valmont``: a word naming no actor, then a person's name the
        parser made a second subject: the name says who."""
        if head.i + 1 >= len(head.doc) or head.whitespace_ == "":
            return None
        nxt = head.doc[head.i + 1]
        ref = self.mention_of(nxt)
        if ref is None or ref.entity.type != "person" or ref.start != nxt.idx:
            return None
        return ref

    def _apposed_person(self, child: Token) -> MentionRef | None:
        """The person a noun in apposition names: its own mention, or that of the name its
        title heads (``Son avocat, Me Jean Dupont,``: the parser heads the apposition with
        ``Me`` and hangs the name on it as ``flat:name`` or ``appos``)."""
        parts = [child] + [c for c in child.rights if c.dep_ in {"flat:name", "flat", "appos"}]
        for part in parts:
            named = self.mention_of(part)
            if named is not None and named.entity.type == "person":
                first = self.token_at(named.start)
                if first is not None and first.i > 0 and first.nbor(-1).lower_ in FR_OF:
                    # ``le député de Jacques-Cartier``: a name right after ``de`` completes the
                    # noun (a riding, a street), the parser's loose ``conj`` is no apposition
                    return None
                return named
        return None

    def _closing_apposition(self, head: Token) -> MentionRef | None:
        """The person named after a comma at the very end of the phrase headed by ``head``
        when the parser hung that name on a place or a thing inside the phrase (``le
        représentant auprès des organisations à Genève, Jean Dupont, a dit``): a place or a
        thing has no name of a person in apposition, so the name is the head's."""
        end = head.right_edge.i
        for tok in head.subtree:
            if tok.dep_ != "appos" or tok.head.i == head.i or tok.right_edge.i != end:
                continue
            if tok.i == 0 or head.doc[tok.i - 1].text != ",":
                continue
            parent = tok.head
            place = parent.ent_type_ in {"LOC", "GPE"}
            held = self.mention_of(parent)
            if held is not None:
                place = held.entity.type == "location"
            elif parent.pos_ == "NOUN":
                place = not self.can_speak(parent)
            if place:
                return self._apposed_person(tok)
        return None

    def mentions_before(self, pos: int, window: int) -> list[MentionRef]:
        """Mentions ending before ``pos`` and starting after ``pos - window``, latest first."""
        hi = bisect.bisect_left(self._starts, pos)
        out = [r for r in self.mentions[:hi] if r.end <= pos and r.start >= pos - window]
        return out[::-1]

    # -- speakers -------------------------------------------------------------------------------
    def speaker_from_tokens(
        self, head: Token, exclude: tuple[int, int], *, any_noun: bool = False
    ) -> Speaker | None:
        """A Speaker for the noun (or pronoun) ``head``: entity, pronoun antecedent or a role."""
        low = head.text.lower()
        if low == "-t" and head.i + 1 < len(head.doc):  # ``a-t-il``: the pronoun is the next token
            head = head.doc[head.i + 1]
            low = head.text.lower()
        if low in {"on", "it", "ce", "c'", "cela", "this", "there"}:
            return None
        if head.ent_type_ in {"DATE", "TIME"}:  # ``a letter Friday afternoon that says``
            return None
        if low in FIRST_PERSON[self.lang]:  # the author speaking (outside the quote)
            if quoted(self, head):
                return None  # ``« Je … », avait-il dit, qualifiant …``: a quoted speaker's ``je``
            return Speaker(None, head.text, Span(head.text, head.idx, head.idx + len(head.text)))
        ref = self.mention_of(head)
        if head.pos_ == "NOUN" or head.lower_ in {"un", "une"}:
            # ``le PDG, Jean Dupont``, ``l'un d'eux, Claude Martin``: the name in apposition
            # says who, whatever the role noun
            # was linked to before
            for child in head.rights:
                # ``le PDG, Jean Dupont`` is often parsed as a coordination with no ``et``
                apposed = child.dep_ == "appos" or (
                    child.dep_ == "conj" and not any(c.dep_ == "cc" for c in child.children)
                )
                named = self._apposed_person(child) if apposed else None
                if named is not None:
                    ref = named
                    break
            else:
                # a noun that is itself a body's mention (``l'intersyndicale du groupe X``)
                # is that body, not the one its complement names
                if ref is None:
                    ref = (
                        self._closing_apposition(head)
                        or named_after_comma(self, head, "person")
                        or organisation_closing_subject(self, head)
                        or named_after_comma(self, head, "organization")
                    )
        if ref is not None and head.pos_ == "NOUN" and self.listed_member(ref.start):
            ref = None  # ``l'intersyndicale (CFE-CGC, CFDT …)``: members, not the body
        if ref is None and head.pos_ in {"NOUN", "PROPN"}:
            ref = self._name_right_after(head)
        if ref is None and low in {"un", "une"} and self.lang == "fr":
            one_of = one_of_speaker(self, head, exclude)
            if one_of is not None:  # ``dénonce l'un des avocats``: the one with that role
                return one_of
        if ref is not None and not (exclude[0] <= ref.start < exclude[1]):
            return ref.speaker(self.text)
        latter = demonstrative_latter(self, head) if self.lang == "fr" else None
        if latter is not None:  # ``Celui-ci a refusé``: the actor named last, not the subject
            return Speaker(
                latter.id, latter.name, Span(head.text, head.idx, head.idx + len(head.text))
            )
        possessive = head.dep_.startswith("det") and low in FR_POSSESSIVES
        if (
            low in PRONOUNS_SG[self.lang]
            or low in PRONOUNS_PL[self.lang]
            or head.pos_ == "PRON"
            or possessive  # ``selon ses termes``: the possessor spoke
        ):
            if head.morph.get("PronType", []) == ["Rel"] or low in {"qui", "who", "that", "which"}:
                return None
            span = Span(head.text, head.idx, head.idx + len(head.text))
            if low.lstrip("-") in SECOND_PERSON[self.lang]:
                # ``ainsi que vous l'avez expliqué``: an interview's questions address the
                # interviewee
                asked = interviewee(self)
                if asked is not None:
                    return Speaker(asked.id, asked.name, span)
                # outside an interview the author's ``vous`` is the reader (``Vous direz que
                # vous avez déménagé``), nobody the article quotes
                return None
            dislocated = self._dislocated(head)
            if dislocated is not None:  # ``X a, elle, demandé``: the pronoun repeats X
                return Speaker(dislocated.id, dislocated.name, span)
            governing = governing_subject(self, head)
            if governing is not None:  # ``le ministère a fait savoir qu'il …``: the ministère
                found = self.speaker_from_tokens(governing, exclude)
                if found is not None and found.entity is not None:
                    return Speaker(found.entity, found.name, span)
            plural = low in PRONOUNS_PL[self.lang] or low in {"leur", "leurs"}
            gender = None if possessive else pronoun_gender(low)
            if low in {"lui", "lui-même"} and (
                low == "lui-même" or (head.i > 0 and head.doc[head.i - 1].pos_ == "ADP")
            ):
                gender = "Masc"  # ``pour lui``, ``selon lui``: stressed ``lui`` is masculine
            people = (
                people_named_before(head, self._person_at, lambda t: quoted(self, t))
                if plural
                else []
            )
            if people:  # ``Me X et Me Y ont … « … », ont-ils estimé``: the first (and the others)
                return Speaker(people[0][1].id, people[0][1].name, span)
            chained = None if plural else incise_opinion_source(self, head)
            chained = chained or (incise_reported_body(self, head) if not plural else None)
            chained = chained or (subject_chain(self, head) if not plural else None)
            if chained is not None and self.body_says_i(chained, exclude):
                chained = None
            if chained is not None:  # ``L'infirmière dort peu. Elle tient …``: the subject
                return Speaker(chained.id, chained.name, span)
            unnamed = None if plural else unnamed_subject(self, head)
            if unnamed is not None:  # ``un gérant de salle a dit sa colère … Pour lui, …``
                found = self.speaker_from_tokens(unnamed, exclude)
                if found is not None:
                    return Speaker(found.entity, found.name, span)
            recent = self.recent_speaker(head.idx, plural=plural, gender=gender)
            if recent is not None:
                return Speaker(recent.entity, recent.name, span)
            # ``« M. Tremblay, ça fait plusieurs fois qu'il … », a-t-il lancé``: whom the quoted words
            # name is spoken of or to, not the one speaking
            marked = self.in_marks(exclude)
            spoken_of = {r.entity.id for r in self.mentions_in(*exclude)} if marked else set()
            antecedent = self.resolve_pronoun(
                head.idx, plural=plural, exclude=spoken_of, gender=gender
            )
            if antecedent is None:
                antecedent = self.resolve_pronoun(
                    head.idx, plural=plural, exclude=spoken_of, back=6, gender=gender
                )
            if antecedent is None and not plural:
                antecedent = self.salient_speaker(head.idx, gender=gender)
            if antecedent is None and not plural and gender is not None:
                antecedent = distant_person(self, head.idx, gender, spoken_of)
            if antecedent is None and not plural:
                # no person at all: French ``il``/``elle`` may stand for ``le groupe`` that was
                # the subject just before (never English he/she, never an org named in passing)
                antecedent = previous_subject_organisation(self, head)
                if antecedent is not None and self.body_says_i(antecedent, exclude):
                    antecedent = None
            if antecedent is None and not plural:
                antecedent = opening_cataphora(self, head.idx, gender, exclude)
            if antecedent is None:
                return Speaker(None, head.text, span) if not plural else None
            return Speaker(antecedent.id, antecedent.name, span)
        if head.pos_ in {"PROPN", "NOUN", "ADJ"} and head.lower_ in LATTER:
            latter = named_last(self, head)
            if latter is not None:  # ``ces dernières ont assuré``: the actors named last
                span = Span(head.text, head.idx, head.idx + len(head.text))
                return Speaker(latter.id, latter.name, span)
        if head.pos_ in {"PROPN", "NOUN"}:
            return role_speaker(self, head, exclude, any_noun=any_noun)
        return None

    def _person_at(self, i: int) -> Entity | None:
        ref = self.mention_of(self.doc[i])
        return ref.entity if ref is not None and ref.entity.type == "person" else None

    def can_speak(self, head: Token) -> bool:
        """Whether a noun phrase headed by ``head`` can name a speaker (see
        :func:`allegiance.extract.source_nouns.can_name_speaker`)."""
        return can_name_speaker(self.lang, head)

    def roles_of(self, ref: MentionRef) -> frozenset[str]:
        """The role words written next to a mention (see :func:`mention_roles`), cached."""
        key = (ref.start, ref.end)
        if key not in self._roles:
            self._roles[key] = mention_roles(self, ref)
        return self._roles[key]

    def listed_member(self, start: int) -> bool:
        """The mention at ``start`` is one of bodies listed in brackets (``l'intersyndicale
        (CFE-CGC, CFDT, CGT et FO)``: :func:`~allegiance.extract.frames.in_bracketed_list`),
        cached."""
        if start not in self._listed:
            self._listed[start] = in_bracketed_list(self, start)
        return self._listed[start]

    def gender_of(self, entity: Entity) -> str | None:
        """``Fem``/``Masc`` for a person when the article's own words say it, else None."""
        if entity.id not in self._genders:
            self._genders[entity.id] = article_gender(self, entity)
        return self._genders[entity.id]

    def other_person_between(
        self,
        start: int,
        end: int,
        entity_id: str | None,
        *,
        subjects_only: bool = True,
        main_clause: bool = False,
    ) -> bool:
        """Another person named as a subject (or at all) in the author's words between two
        offsets (names inside quotation marks are what the speaker talks about, not a new
        speaker). ``main_clause``: only the subject of a sentence's main verb counts (``une fois
        que Trump a semblé …`` inside someone's reported words introduces nobody)."""
        close = min(
            (i for i in (self.text.find(c, start, end) for c in "»”") if i != -1), default=-1
        )
        opened = min(
            (i for i in (self.text.find(c, start, end) for c in "«“") if i != -1), default=-1
        )
        if close != -1 and (opened == -1 or close < opened):
            start = close + 1  # ``start`` lies in the quote the speaker was seen at: go past it
        for r in self.mentions_in(start, end):
            if r.entity.type != "person" or r.entity.id == entity_id:
                continue
            stretch = self.text[start : r.start]
            if stretch.count("«") + stretch.count("“") > stretch.count("»") + stretch.count("”"):
                continue
            tok = self.token_at(r.start)
            if tok is not None and quoted(self, tok):
                continue  # within straight marks (``"Je … MM. X et Y …", a-t-il précisé``)
            if not subjects_only:
                return True
            if tok is not None and (subject_lost_under_fronted_phrase(tok) or fronted_source(tok)):
                return True
            if self.lang == "fr" and introduced_on_stage(self, r):
                return True  # ``Vient le tour de Raphaël, apiculteur à Pithiviers.``: on stage
            if tok is None or not (tok.dep_.startswith("nsubj") or tok.head.dep_ == "nsubj"):
                continue
            verb = tok.head if tok.dep_.startswith("nsubj") else tok.head.head
            if (
                not main_clause
                or verb.dep_ == "ROOT"
                or verb.dep_ == "conj"
                and verb.head.dep_ == "ROOT"
                # ``X a dénoncé « … », a-t-il ajouté``: the parser hangs the main verb on the
                # incise's; a clause with no subordinator is no subordinate clause
                or verb.dep_ in {"advcl", "parataxis"}
                and not any(c.dep_ == "mark" for c in verb.children)
                and not quoted(self, tok)
                or opens_author_sentence(tok)  # a sentence the parser ran on from the last
            ):
                return True
        return False

    def agrees(self, entity: Entity, gender: str | None) -> bool:
        """Whether ``entity`` may be a pronoun of ``gender`` (None: any)."""
        if entity.type == "person" and not self.may_be_antecedent(entity):
            return False
        if gender is None or entity.type != "person":
            return True
        known = self.gender_of(entity)
        return known is None or known == gender

    def recent_speaker(
        self, pos: int, *, plural: bool, gender: str | None = None
    ) -> Speaker | None:
        """The speaker of the latest quote, when it is close and not first person (continuity)."""
        sent_start = self.sentence_start(pos, back=2)
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
            if not plural and self.other_person_between(offset, pos, speaker.entity):
                return None  # someone else was named since: the pronoun may be theirs
            if entity is not None and entity.type == ("organization" if plural else "person"):
                return speaker if self.agrees(entity, gender) else None
            if (
                entity is not None
                and not plural
                and speaker.mention is not None
                and body_named_as(self, speaker.mention.start, gender)
                # not over a person the text marks of that gender, named since two sentences
                and not self._marked(
                    self._pronoun_candidates(pos, {"person"}, set(), gender, 2), gender
                )
            ):
                return speaker  # ``», indique la fédération VCI. Elle appelle …``: the body
            if entity is None and not plural:
                # an unnamed speaker (``un manifestant``) yields to any person named since, and
                # to a pronoun of the other gender (``le vérificateur … », a-t-elle dit``)
                named_since = self.other_person_between(offset, pos, None, subjects_only=False)
                if named_since or not self._unnamed_agrees(speaker, gender):
                    return None
                return speaker
            return None
        return None

    def _pronoun_candidates(
        self, pos: int, wanted: set[str], exclude: set[str], gender: str | None, back: int
    ) -> list[MentionRef]:
        """The actors named in the ``back`` sentences before ``pos`` that may be the pronoun's
        antecedent, latest first."""
        return [
            r
            for r in self.mentions_before(pos, pos - self.sentence_start(pos, back=back))
            if r.entity.type in wanted
            and r.entity.id not in exclude
            and self.agrees(r.entity, gender)
            and not agent_of_fronted_participle(self, r, pos)
            and not quoted_before(self, r, pos)
            and not (r.entity.type == "person" and self.names_a_thing(r))
        ]

    def names_a_thing(self, ref: MentionRef) -> bool:
        """A person's name right after a body's or a thing's noun (``le gouvernement Lavoie
        venait de …``, ``la réforme Macron``): the body or the thing is meant, not the person."""
        tok = self.token_at(ref.start)
        if tok is None or tok.i == 0:
            return False
        # the parser hangs the name as a part of the noun's name, or as a complement with no
        # preposition (``le gouvernement X``)
        bare = tok.dep_ == "nmod" and not any(c.dep_ == "case" for c in tok.children)
        if tok.dep_ not in NAME_PARTS and not bare:
            return False
        noun = tok.head
        return (
            noun.pos_ == "NOUN"
            and noun.i == tok.i - 1
            and noun.is_lower  # not a title (``M. X``) nor a demonym (``le Japonais X``)
            and noun.is_alpha
            and any(c.dep_ == "det" for c in noun.children)  # not ``monsieur X``
            and noun.lemma_.lower() in _NAMED_AFTER[self.lang]
        )

    def _marked(self, candidates: list[MentionRef], gender: str | None) -> list[MentionRef]:
        """The candidates the text marks of ``gender``."""
        return [r for r in candidates if gender and self.gender_of(r.entity) == gender]

    def _unnamed_agrees(self, speaker: Speaker, gender: str | None) -> bool:
        """Whether a speaker the text only describes (``le vérificateur``, ``une habitante``)
        may be a singular pronoun of ``gender``: its determiner or noun must not say the other
        gender, nor the plural (``Les géants d'internet « … », a-t-il insisté``)."""
        if speaker.mention is None:
            return True
        span = self.doc.char_span(
            speaker.mention.start, speaker.mention.end, alignment_mode="expand"
        )
        if span is None or not len(span):
            return True
        head = span.root
        if head.pos_ not in {"NOUN", "PROPN"}:
            return True
        if head.pos_ == "NOUN" and head.morph.get("Number", []) == ["Plur"]:
            return False
        if gender is None:
            return True
        det = next((c for c in head.children if c.dep_ in {"det", "det:poss"}), None)
        said = morph_gender(det) or morph_gender(head)
        return said is None or said == gender

    def _dislocated(self, pron: Token) -> Entity | None:
        """The actor named right before ``, elle,`` / ``, lui,`` (over an auxiliary or a
        closing bracket): French repeats a subject so, to set it against another."""
        doc = self.doc
        k = pron.i - 1
        if k < 1 or doc[k].text != "," or pron.i + 1 >= len(doc) or doc[pron.i + 1].text != ",":
            return None
        k -= 1
        while k > 0 and k > pron.i - 5 and (doc[k].pos_ == "AUX" or doc[k].text == ")"):
            k -= 1
        ref = self.mention_of(doc[k])
        if ref is None or ref.entity.type not in {"person", "organization"}:
            return None
        return ref.entity

    def salient_speaker(self, pos: int, *, gender: str | None = None) -> Entity | None:
        """The person quoted last, within a few paragraphs, when nobody else was named as a
        subject since: the topic of a portrait or interview, whom ``il``/``lui`` goes on with
        even when the name itself lies far back."""
        for offset, speaker in reversed(self.speakers_seen):
            if offset >= pos:
                continue
            if offset < pos - 2500 or not speaker.entity:
                return None
            entity = self.entity(speaker.entity)
            if entity is None or entity.type != "person" or not self.agrees(entity, gender):
                return None
            if self.other_person_between(offset, pos, entity.id):
                return None
            return entity
        return None

    def may_be_antecedent(self, entity: Entity) -> bool:
        """A "person" that may be ``il``/``elle`` (see :func:`can_be_pronoun_antecedent`)."""
        if entity.id not in self._antecedents:
            self._antecedents[entity.id] = can_be_pronoun_antecedent(self, entity)
        return self._antecedents[entity.id]

    def resolve_pronoun(
        self,
        pos: int,
        *,
        plural: bool = False,
        exclude: set[str],
        speakers: bool = True,
        back: int = 2,
        gender: str | None = None,
    ) -> Entity | None:
        """The antecedent of a pronoun at ``pos``: the latest speaker nearby, else a subject, else
        the latest person mentioned in this or the previous sentences (salience, no gender)."""
        wanted = {"organization"} if plural else {"person"}
        sent_start = self.sentence_start(pos, back=1)
        for offset, speaker in reversed(self.speakers_seen if speakers else []):
            if offset < sent_start - 400:
                break
            if speaker.entity and speaker.entity not in exclude and offset < pos:
                if not plural and self.other_person_between(
                    offset, pos, speaker.entity, main_clause=True
                ):
                    break  # ``X a eu la parole. « … », a-t-il dit``: X, not the last speaker
                entity = self.entity(speaker.entity)
                if entity is not None and entity.type in wanted and self.agrees(entity, gender):
                    if gender and not plural and self.gender_of(entity) is None:
                        # ``elle`` after ``X (gender unknown) … la porte-parole, Maria Y``: a
                        # person the text marks of the pronoun's gender, named since, is hers
                        found = self._pronoun_candidates(pos, wanted, exclude, gender, back)
                        since = [r for r in self._marked(found, gender) if r.start > offset]
                        if since:
                            return since[0].entity
                    return entity
        candidates = self._pronoun_candidates(pos, wanted, exclude, gender, back)
        seen = {speaker.entity for _, speaker in self.speakers_seen}
        # a person the text marks of the pronoun's gender outranks one of unknown gender
        marked = self._marked(candidates, gender)
        for r in candidates:  # latest subject (or agent: ``conduit par X``) first
            tok = self.token_at(r.start)
            if tok is not None and (
                (tok.dep_.startswith("nsubj") and not second_subject(tok))
                or tok.dep_ in {"obl:agent", "agent"}
                # ``le journaliste Jean Dupont passe``: the name hangs on the subject noun (not
                # ``chez X, le média …``, a complement of it)
                or (tok.head.dep_.startswith("nsubj") and tok.dep_ in NAME_PARTS)
                # ``…, a confirmé mercredi son président John Elkann``: the subject of an
                # incise whose report the marked quotes have not met (a speaker they met was
                # weighed above, against the people named since)
                or (self._incise_subject(tok) and r.entity.id not in seen)
            ):
                if marked and not plural and self.gender_of(r.entity) is None:
                    return marked[0].entity
                return r.entity
        if plural:
            # no organisation acts as a subject: one named bare (``la sanction vise le groupe
            # X``) is more of a topic than one behind a preposition (``devant la Cour``), read
            # from word order since the parse of such sentences often fails
            for r in candidates:
                if not after_preposition(self, r.start):
                    return r.entity
        if candidates:
            # no subject: a person named as the addressee (``la question qu'a posée X au chef,
            # Y``) ranks below the other person of that sentence, as an indirect object ranks
            # below a subject (a lone addressee stays: ``il fait appel à Y : « … »``)
            first = self.token_at(candidates[0].start)
            if first is not None and after_dative(self, candidates[0].start):
                for r in candidates[1:]:
                    tok = self.token_at(r.start)
                    if tok is None or tok.sent.start != first.sent.start:
                        break
                    if not after_dative(self, r.start):
                        return r.entity
            if first is not None and _noun_complement(first):
                # ``X, prostrée, porte la photo de Mia``: a name completing a noun ranks below
                # the other person of that sentence
                for r in candidates[1:]:
                    tok = self.token_at(r.start)
                    if tok is None or tok.sent.start != first.sent.start:
                        break
                    if not _noun_complement(tok):
                        return r.entity
            return candidates[0].entity
        return None

    def _incise_subject(self, tok: Token) -> bool:
        """``tok`` names the subject of an incise, inverted after its speech verb (the parser
        reads it as the verb's object): ``…, a confirmé mercredi son président John Elkann``."""
        while tok.dep_ in NAME_PARTS and tok.head.i < tok.i:
            tok = tok.head
        verb = tok.head
        if tok.dep_ != "obj" or verb.i > tok.i or verb.pos_ != "VERB":
            return False
        # not ``…, accusant Paul Martin de mensonge``: the one accused
        return verb.lemma_.lower() in speech_cues(self.lang).words and incise_position(
            verb, strict=True
        )

    def body_says_i(self, entity: Entity, quote: tuple[int, int]) -> bool:
        """``entity`` is a body and the marked quote at ``quote`` speaks in the first person
        singular (``« j'ai décidé de saisir la justice », a-t-il annoncé``): a body speaks as
        ``nous``, so a pronoun's antecedent found as a body is no speaker of such words. Only
        the quote's own words count, up to any words it gives in turn (``un client nous dit :
        je …``), and not when they also say ``nous`` as a subject (a head speaking for the
        body)."""
        if entity.type != "organization" or not self.in_marks(quote):
            return False
        own = self.text[quote[0] : quote[1]].strip(' \u00a0«»“”"')
        cut = _INNER_MARK.search(own)
        own = own[: cut.start()] if cut is not None else own
        given = _GIVEN_WORDS.search(own)
        own = own[: given.end() - 1] if given is not None else own
        return (
            _FIRST_PERSON_SINGULAR[self.lang].search(own) is not None
            and _GROUP_VOICE[self.lang].search(own) is None
        )

    def in_marks(self, span: tuple[int, int]) -> bool:
        """The span opens on quotation marks, or right after them (spaces between): a quote's
        words, not an indirect report's. An empty span (no quote) is in no marks."""
        if span[1] <= span[0]:
            return False
        before = self.text[max(0, span[0] - 4) : span[0]].rstrip()
        return before[-1:] in OPENING_MARKS or self.text[span[0] : span[0] + 1] in OPENING_MARKS

    def subject_of_quoted(self, ref: MentionRef, open_at: int, close_at: int) -> bool:
        """The mention is the subject of a verb inside the marks ``[open_at, close_at)``:
        ``Le spationaute X « a rejoint … »`` is what the quoted words say something about."""
        tok = self.token_at(ref.start)
        # up from the name to the noun it is apposed to (``Le spationaute X « … »``)
        while tok is not None and tok.dep_ in {"flat", "flat:name", "appos"} and tok.head.i < tok.i:
            tok = tok.head
        return (
            tok is not None and tok.dep_.startswith("nsubj") and open_at < tok.head.idx < close_at
        )

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self.entities if e.id == entity_id), None)

    def people_surnamed(self, word: str) -> list[Entity]:
        """The people of the article whose name ends with ``word`` (case aside)."""
        key = word.casefold()
        return [
            e for e in self.entities if e.type == "person" and e.name.split()[-1].casefold() == key
        ]

    def token_at(self, char: int) -> Token | None:
        span = self.doc.char_span(char, char + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    def sentence_start(self, pos: int, back: int) -> int:
        tok = self.token_at(min(pos, len(self.text) - 1))
        if tok is None:
            return max(0, pos - 300)
        sent = tok.sent
        for _ in range(back):
            if sent.start == 0:
                break
            sent = self.doc[sent.start - 1].sent
        return int(sent.start_char)
