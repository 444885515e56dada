"""What the event and state finders share about one document: actors per token, sentences, pronouns.

The finders only ever link *resolved entities*: :class:`ActorIndex` maps every token that lies
inside an entity mention to that entity, so a cue's subject or object is an actor exactly when
one of its tokens is. Sentences are spaCy's, cut again at paragraph breaks (a headline and the
standfirst must not make one sentence) and glued back when spaCy split inside a sentence (no
final punctuation), which machine-translated text provokes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from allegiance.extract.lexicons import first_name_gender
from allegiance.models import Entity, Quote, Span

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from allegiance.resolve.kb import KnowledgeBase

SUBJECT_DEPS = {"nsubj", "nsubj:pass", "nsubjpass", "csubj", "expl:subj"}
RELATIVE_WORDS = {"qui", "que", "qu'", "lequel", "laquelle", "who", "that", "which", "whom"}
PERSON_PRONOUNS = {"il", "elle", "lui", "he", "she", "him", "her"}
OBJECT_CLITICS = {"l'", "le", "la", "lui", "him", "her", "it"}
_FINAL = (".", "!", "?", "…", "»", "”", '"', ":")
#: head nouns that make a name a project or a product ("le projet Stargate", "the Grok model"):
#: such an entity is not taken as the target of a quote's praise or criticism
PROJECT_NOUNS = {
    "projet",
    "project",
    "programme",
    "program",
    "initiative",
    "produit",
    "product",
    "modèle",
    "model",
    "logiciel",
    "software",
    "chatbot",
    "fusée",
    "rocket",
    "opération",
    "operation",
}
#: nouns that stand for the person who leads them: "la campagne de Trump", "the Biden
#: administration", "l'équipe de Macron" (metonymy); the person is the actor
LED_BY_NOUNS = {
    "administration",
    "gouvernement",
    "government",
    "campagne",
    "campaign",
    "candidature",
    "candidacy",
    "camp",
    "équipe",
    "team",
    "entourage",
    "clan",
}
#: governing bodies that stand for their organisation when they decide ("le conseil
#: d'administration d'OpenAI a rejeté l'offre": OpenAI rejected it)
BODY_NOUNS = {"conseil", "board", "direction", "directoire"}
#: "la nouvelle administration", "the administration": the sitting executive; adjectives that
#: keep that reading (any other, "l'administration fiscale", is a public service, not a person)
_EXECUTIVE_ADJ = {"nouveau", "nouvelle", "actuel", "actuelle", "américain", "américaine"}
_EXECUTIVE_ADJ |= {"new", "current", "incoming", "american", "us", "u.s."}
_EXECUTIVE_TITLE = "président américain"  # KB title words of the head of "the administration"
#: the gender a personal pronoun asks of its antecedent ("lui" and "him"/"her" as objects
#: follow the same rule; French "lui" is either)
_PRONOUN_GENDER = {"il": "Masc", "he": "Masc", "him": "Masc", "elle": "Fem", "she": "Fem"}
_PRONOUN_GENDER["her"] = "Fem"


@dataclass
class Sentence:
    start: int  # first token index
    end: int  # one past the last token index

    def span(self, doc: Doc, body: str | None = None) -> Span:
        """The sentence as evidence, trimmed of surrounding whitespace, in body offsets."""
        toks = [t for t in doc[self.start : self.end] if not t.is_space]
        if not toks:
            return Span(text="", start=doc[self.start].idx, end=doc[self.start].idx)
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        text = (body if body is not None else doc.text)[start:end]
        return Span(text=text, start=start, end=end)


def split_sentences(doc: Doc) -> list[Sentence]:
    """spaCy sentences cut at blank lines and glued when the cut has no final punctuation."""
    pieces: list[Sentence] = []
    try:
        sents = list(doc.sents)
    except ValueError:  # no parser, no sentencizer: the whole text is one sentence
        sents = [doc[:]]
    for sent in sents:
        start = sent.start
        for tok in sent:
            if (
                tok.is_space
                and "\n" in tok.text
                and tok.i > start
                or "\n" in tok.whitespace_
                and tok.i + 1 < sent.end
            ):
                pieces.append(Sentence(start, tok.i + 1))
                start = tok.i + 1
        if start < sent.end:
            pieces.append(Sentence(start, sent.end))
    merged: list[Sentence] = []
    for piece in pieces:
        words = [t for t in doc[piece.start : piece.end] if not t.is_space]
        if merged and words and all(t.is_punct for t in words) and words[0].text in _FINAL:
            merged[-1].end = piece.end  # a closing mark spaCy left alone: "... l'argent.”"
            continue
        if not words:
            if merged:
                merged[-1].end = piece.end
            continue
        if merged:
            prev = merged[-1]
            last = [t for t in doc[prev.start : prev.end] if not t.is_space]
            gap = doc[last[-1].i : words[0].i].text_with_ws[len(last[-1].text) :] if last else "\n"
            if not last[-1].text.endswith(_FINAL) and "\n" not in gap:
                prev.end = piece.end
                continue
        merged.append(Sentence(piece.start, piece.end))
    return merged


@dataclass
class ActorIndex:
    """Entities per token, sentences, and the few pronoun rules the finders rely on."""

    doc: Doc
    lang: str
    entities: list[Entity]
    quotes: list[Quote] = field(default_factory=list)
    by_token: dict[int, str] = field(default_factory=dict)
    mention_start: dict[int, int] = field(default_factory=dict)  # token -> first token of mention
    mention_end: dict[int, int] = field(default_factory=dict)  # token -> one past last token
    types: dict[str, str] = field(default_factory=dict)
    sentences: list[Sentence] = field(default_factory=list)
    sentence_of: list[int] = field(default_factory=list)
    projects: set[str] = field(default_factory=set)  # entities named as projects or products
    executive: str | None = None  # the entity "l'administration" / "the administration" means
    #: persons whose first name says their gender ("Kamala Harris" -> Fem): a pronoun of the
    #: other gender does not stand for them ("he lashes out at her")
    genders: dict[str, str] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        doc: Doc,
        lang: str,
        entities: list[Entity],
        quotes: list[Quote] | None = None,
        *,
        published: date | None = None,
        kb: KnowledgeBase | None = None,
    ) -> ActorIndex:
        index = cls(doc=doc, lang=lang, entities=entities, quotes=list(quotes or []))
        for ent in entities:
            index.types[ent.id] = ent.type
            if ent.type == "person" and (gender := first_name_gender(ent.name)):
                index.genders[ent.id] = gender
            for m in ent.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                for tok in span:
                    if not tok.is_space and tok.i not in index.by_token:
                        index.by_token[tok.i] = ent.id
                        index.mention_start[tok.i] = span.start
                        index.mention_end[tok.i] = span.end
        index.sentences = split_sentences(doc)
        index.sentence_of = [0] * len(doc)
        for k, sent in enumerate(index.sentences):
            for i in range(sent.start, sent.end):
                index.sentence_of[i] = k
        index.projects = _projects(doc, entities, index)
        if any(t.lower_ == "administration" for t in doc):
            index.executive = _executive(entities, published, kb)
        return index

    # -- actors ------------------------------------------------------------------------------

    def actor(self, tok: Token) -> str | None:
        """The entity of ``tok``; an organisation directly followed by a person ("Microsoft
        (MSFT) Satya Nadella", "Tesla's Elon Musk") stands for that person."""
        ent = self.by_token.get(tok.i)
        if ent is None or self.types.get(ent) != "organization":
            return ent
        j = self.mention_end[tok.i]
        doc = self.doc
        if j < len(doc) and doc[j].text == "(":  # a ticker in parentheses
            k = j + 1
            while k < len(doc) and k < j + 5 and doc[k].text != ")":
                k += 1
            j = k + 1
        if j < len(doc) and doc[j].text in {"'s", "'"}:
            j += 1
        nxt = self.by_token.get(j) if j < len(doc) else None
        if nxt is not None and self.types.get(nxt) == "person" and self.mention_start[j] == j:
            return nxt
        return ent

    def nominal(self, tok: Token) -> str | None:
        """The actor a noun phrase headed by ``tok`` names: its own entity, a name in apposition
        to a title ("PDG Mark Zuckerberg", "le patron de Meta, Mark Zuckerberg"), or the leader
        of a led-by noun (:meth:`leader`)."""
        if ent := self.actor(tok):
            return ent
        if tok.pos_ not in {"NOUN", "PROPN"}:
            return None
        for c in tok.children:
            bare = (
                c.dep_ == "nmod"
                and c.i == tok.i + 1
                and not any(g.dep_ == "case" for g in c.children)
            )  # "le groupe SoftBank", parsed as a modifier without preposition
            named = c.dep_ in {"flat:name", "flat", "appos"} or bare
            if named and c.i > tok.i and (ent := self.actor(c)):
                return ent
        return self.leader(tok) or self.governed(tok)

    def governed(self, tok: Token) -> str | None:
        """The organisation a governing body stands for when it decides: "le conseil
        d'administration d'OpenAI a rejeté", "OpenAI's board rejected"."""
        if (tok.lemma_ or tok.lower_).lower() not in BODY_NOUNS:
            return None
        for c in tok.children:
            if c.dep_ in {"poss", "nmod:poss", "compound"} or (c.dep_ == "nmod" and c.i > tok.i):
                nodes = [c, *[g for g in c.children if g.dep_ == "nmod"]]
            elif c.dep_ == "prep" and c.lower_ == "of":
                nodes = [p for p in c.children if p.dep_ == "pobj"]
            else:
                continue
            for node in nodes:
                ent = self.actor(node)
                if ent and self.types.get(ent) == "organization":
                    return ent
        return None

    def leader(self, tok: Token) -> str | None:
        """The person a "led-by" noun stands for: "la campagne de Trump", "the Trump
        administration", "la nouvelle administration" (the sitting US president, when the
        article names him)."""
        if (tok.lemma_ or tok.lower_).lower() not in LED_BY_NOUNS:
            return None
        for c in tok.children:
            if c.dep_ in {"nmod", "compound", "poss", "nmod:poss", "flat", "flat:name", "appos"}:
                ent = self.actor(c)
                if ent and self.types.get(ent) == "person":
                    return ent
            if c.dep_ == "prep" and c.lower_ == "of":
                for p in c.children:
                    ent = self.actor(p)
                    if p.dep_ == "pobj" and ent and self.types.get(ent) == "person":
                        return ent
        if tok.lower_ != "administration" or self.executive is None:
            return None
        words = {c.lower_ for c in tok.children if c.dep_ == "amod"}
        words |= {(c.lemma_ or "").lower() for c in tok.children if c.dep_ == "amod"}
        others = {c for c in tok.children if c.dep_ in {"amod", "nmod", "compound"}}
        if others and not words & _EXECUTIVE_ADJ:
            return None  # "l'administration fiscale", "the tax administration"
        if not any(c.lower_ in {"la", "l'", "the", "cette", "this"} for c in tok.children):
            return None
        return self.executive

    def sentence(self, tok: Token) -> Sentence:
        return self.sentences[self.sentence_of[tok.i]]

    def in_quote(self, tok: Token) -> Quote | None:
        for q in self.quotes:
            if q.start <= tok.idx < q.end:
                return q
        return None

    def topic_organization(self, tok: Token, exclude: set[str] | None = None) -> str | None:
        """The organisation a description stands for ("la start-up", "le groupe"): the latest
        organisation that was the subject of a clause before ``tok``, in its sentence or the
        two before it (a name the parser left as the root of its sentence counts: "X change
        d'échelle" is sometimes parsed as a verbless noun phrase)."""
        k = self.sentence_of[tok.i]
        lo = self.sentences[max(0, k - 2)].start
        for t in reversed(self.doc[lo : tok.i]):
            if t.dep_ not in SUBJECT_DEPS and not (
                t.dep_ == "ROOT" and t.pos_ in {"NOUN", "PROPN"}
            ):
                continue
            ent = self.nominal(t)
            if ent and self.types.get(ent) == "organization" and ent not in (exclude or set()):
                return ent
        return None

    # -- pronouns and relatives --------------------------------------------------------------

    def antecedent(self, rel: Token) -> list[str]:
        """The actor a relative pronoun stands for: the clause's head noun, else the actor
        written just before the pronoun ("Elon Musk, qui a accusé ...")."""
        clause = rel.head
        head = clause.head if clause.dep_ in {"acl:relcl", "relcl", "acl"} else None
        if head is not None and (ent := self.actor(head)):
            return [ent]
        j = rel.i - 1
        while j >= 0 and j >= rel.i - 3 and self.doc[j].is_punct:
            j -= 1
        if j >= 0 and (ent := self.actor(self.doc[j])):
            return [ent]
        return []

    def resolve_pronoun(self, pron: Token, exclude: set[str] | None = None) -> str | None:
        """The person a third-person singular pronoun points to.

        Cataphora first: a pronoun in a fronted phrase ("Par son compte sur X, le réseau dont il
        est propriétaire, Musk a publié") refers to the main subject that follows it. Otherwise the
        latest subject actor of this or the previous sentence, else the latest person mentioned
        there. Plural and impersonal pronouns are left alone.
        """
        if pron.lower_ not in PERSON_PRONOUNS and pron.lower_ not in OBJECT_CLITICS:
            return None
        exclude = set(exclude or ())
        wanted = _PRONOUN_GENDER.get(pron.lower_)
        if wanted is not None:  # "he" is not Kamala Harris
            exclude |= {e for e, g in self.genders.items() if g != wanted}
        k = self.sentence_of[pron.i]
        sent = self.sentences[k]
        persons_only = pron.lower_ in PERSON_PRONOUNS and pron.lower_ != "lui"
        fronted = pron.head.dep_ != "ROOT" and pron.i > sent.start
        comma = False
        for tok in self.doc[pron.i + 1 : sent.end] if fronted else []:
            comma = comma or tok.text == ","
            ent = self.actor(tok)
            if ent and tok.dep_ in SUBJECT_DEPS:
                if comma and ent not in exclude and self.types.get(ent) == "person":
                    return ent
                break
        lo = self.sentences[k - 1].start if k > 0 else sent.start
        subjects: list[str] = []
        latest: list[str] = []
        for tok in self.doc[lo : pron.i]:
            ent = self.actor(tok)
            if tok.dep_ in SUBJECT_DEPS and tok.lower_ in RELATIVE_WORDS:
                ants = self.antecedent(tok)
                ent = ants[0] if ants else None
                if ent and ent not in exclude and self.types.get(ent) == "person":
                    subjects.append(ent)
                continue
            if not ent or ent in exclude:
                continue
            if persons_only and self.types.get(ent) != "person":
                continue
            latest.append(ent)
            if tok.dep_ in SUBJECT_DEPS:
                subjects.append(ent)
        if pron.lower_ in PERSON_PRONOUNS and subjects:
            return subjects[-1]
        return latest[-1] if latest else None


def _projects(doc: Doc, entities: list[Entity], index: ActorIndex) -> set[str]:
    """Entities written as a project or a product: a surface form or the word before a mention
    is one of :data:`PROJECT_NOUNS` ("projet Stargate", "le modèle Grok")."""
    out: set[str] = set()
    for ent in entities:
        forms = [ent.name, *ent.aliases, *(m.text for m in ent.mentions)]
        if any(f.split()[0].lower() in PROJECT_NOUNS for f in forms if f.split()):
            out.add(ent.id)
    for i, ent_id in index.by_token.items():
        if index.mention_start[i] == i and i > 0:
            j = i - 1
            while j > 0 and doc[j].is_punct and doc[j].text in {"«", '"', "“", "'"}:
                j -= 1
            if doc[j].lower_ in PROJECT_NOUNS or (doc[j].lemma_ or "").lower() in PROJECT_NOUNS:
                out.add(ent_id)
    return out


def _executive(
    entities: list[Entity], published: date | None, kb: KnowledgeBase | None
) -> str | None:
    """The sitting US president on the publication day, when the article names him."""
    if published is None:
        return None
    if kb is None:
        from allegiance.resolve.kb import default_kb

        kb = default_kb()
    present = {e.id for e in entities if e.type == "person"}
    holders = [h.id for h in kb.title_holders(_EXECUTIVE_TITLE, published) if h.id in present]
    return holders[0] if len(holders) == 1 else None


# -- how a quote reaches the actors it names (quote_events.py) ---------------------------

#: "comme X", "tel X", "like X", "unlike X", "contrairement à X": X is a term of comparison
_COMPARISONS = {"comme", "tel", "telle", "tels", "telles", "like", "unlike", "contrairement"}
#: "à la manière de X", "à l'instar de X", "à l'image de X", "à la façon de X"
_COMPARISON_NOUNS = {"manière", "instar", "image", "façon", "différence"}
_ARTICLES = {"un", "une", "le", "la", "l'", "les", "des", "an", "the"}


def compared(tok: Token, lo: int) -> bool:
    """The mention at ``tok`` is what something is compared to: "à la manière d'un X", "comme
    X", "à l'instar de X", "contrairement à X", "like X". Read on the surface, as the parse
    often makes X the subject of the clause that follows."""
    doc = tok.doc
    before = [doc[j] for j in range(max(lo, tok.i - 6), tok.i)]
    while before and before[-1].lower_.replace("’", "'") in _ARTICLES:
        before.pop()
    words = [t.lower_.replace("’", "'") for t in before]
    if words and words[-1] in _COMPARISONS and before[-1].pos_ != "VERB":
        return True  # "comme X", "like X" (not the verb: "they like X")
    if len(words) >= 2 and words[-1] in {"à", "au", "aux"} and words[-2] == "contrairement":
        return True
    if len(words) >= 3 and words[-1] in {"de", "d'", "du"} and words[-2] in _COMPARISON_NOUNS:
        rest = [w for w in words[:-2] if w not in _ARTICLES]
        return bool(rest) and rest[-1] in {"à", "a"}  # "à la manière de", not "l'image de X"
    return False


def referred(head: Token) -> bool:
    """The actor is the body a matter is referred to ("le fisc a saisi la CIF", "referred
    the case to X"): a referral, not a judgement of that body."""
    verb = head.head.head if head.dep_ == "pobj" else head.head
    lemma = (verb.lemma_ or verb.lower_).lower()
    if lemma == "saisir":
        return head.dep_ in {"obj", "dobj"}
    return lemma == "refer" and head.dep_ == "pobj" and head.head.lower_ == "to"


def clause_of(head: Token) -> Token:
    """The predicate of the clause an actor's mention belongs to: its verb, or the noun or
    adjective of a copula."""
    node = head.head if head.head.i != head.i else head
    for _ in range(12):
        if node.pos_ == "VERB" or any(c.dep_ == "cop" for c in node.children):
            return node
        if node.head.i == node.i:
            break
        node = node.head
    return node


def within(idx: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= idx < b for a, b in spans)


def nested_spans(quotes: list[Quote]) -> dict[int, list[tuple[int, int]]]:
    """For each quote, the spans of the quotes of another speaker nested inside it."""
    out: dict[int, list[tuple[int, int]]] = {}
    for qi, q in enumerate(quotes):
        for other in quotes:
            if other is q or not (q.start <= other.start and other.end <= q.end):
                continue
            if (other.start, other.end) == (q.start, q.end):
                continue
            if _same_speaker(q, other):
                continue
            out.setdefault(qi, []).append((other.start, other.end))
    return out


def _same_speaker(a: Quote, b: Quote) -> bool:
    if a.speaker is None or b.speaker is None:
        return False
    if a.speaker.entity is not None or b.speaker.entity is not None:
        return a.speaker.entity == b.speaker.entity
    return a.speaker.name == b.speaker.name
