"""In-document entity resolution: every mention of an actor joins one :class:`Entity`.

Full names are resolved first (knowledge base, else the name itself), then the short forms join
them: a surname or a first name joins the one person of the article who bears it ("Musk", "Elon"),
a handle or a role joins the knowledge-base holder at the article's date when that holder is in the
article ("@potus", "le président"). A short form that matches no full name is looked up in the
knowledge base before it is kept on its own. Nothing here is specific to one article: the rules only
use the parse, the knowledge base and the article's own names.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from allegiance.extract.lexicons import first_names, speaker_nouns
from allegiance.extract.speaker_words import SURNAME_PARTICLES
from allegiance.models import Entity, EntityType, Mention
from allegiance.nlp.components import LABELS, is_ticker_symbol, not_entities
from allegiance.resolve.home_state import names_a_place
from allegiance.resolve.institutions import (
    acronym_names,
    bare_seats,
    institution_names,
    longer_body,
    named_bodies,
    runs_past,
)
from allegiance.resolve.kb import fold
from allegiance.resolve.media import known_titles, media_titles
from allegiance.resolve.name_types import (
    article_name,
    context_type,
    kind_of,
    organisation_evidence,
    without_channel,
)
from allegiance.resolve.person_names import (
    cap,
    find_people,
    given_name_subject,
    introduced_after,
    introduced_as_kin,
    join_split_names,
    role_before_name,
    shared_surname,
    speaking_name,
    with_bare_surnames,
)
from allegiance.resolve.person_names import person_evidence as _person_evidence
from allegiance.resolve.person_names import without_title as _without_title
from allegiance.resolve.roles import add_roles
from allegiance.resolve.short_names import (
    capital_says_nothing,
    join_head_nouns,
    join_misspelt_names,
    join_name_heads,
    join_numbered_names,
    join_surname_tails,
    one_typo,
)
from allegiance.resolve.speaking_acronyms import (
    join_spelt_acronyms,
    speaking_acronyms,
    spelt_acronyms,
)
from allegiance.resolve.states import state_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from allegiance.resolve.kb import KBEntry, KnowledgeBase

_TICKER_AFTER = re.compile(r"\s{0,2}\(([^()\s]{1,12})\)")
_ROLE_KEYS = frozenset(
    {
        "president",
        "presidente",
        "ministre",
        "premier ministre",
        "chancelier",
        "secretaire",
        "senateur",
        "depute",
        "deputee",
        "maire",
        "juge",
        "gouverneur",
        "senator",
        "governor",
        "minister",
        "secretary",
        "judge",
        "mayor",
        "chancellor",
        "ceo",
        "pdg",
        "directeur",
        "directrice",
    }
)


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "entity"


#: given names that are also towns, countries or regions news often names
_PLACE_GIVEN_NAMES = frozenset(
    {"nancy", "florence", "maurice", "virginie", "victoria", "charlotte", "albert", "lourdes",
     "valence", "adélaïde", "caroline", "georgie", "alexandrie", "sydney", "jordan", "chelsea",
     "tours", "laval", "orange", "vienne", "denver", "austin", "phoenix", "israël",
     "santiago", "paris", "sion"}
)  # fmt: skip
#: prepositions before a place's name
_PLACE_PREPOSITIONS = frozenset({"à", "en", "au", "aux", "dans", "vers"})
#: words joining a list of names
_LIST_LINKS = frozenset({",", "et", "ou"})


#: articles before a capitalised role noun (``du Président`` holds ``le``)
_ROLE_ARTICLES = frozenset({"l'", "le", "la", "un", "une", "du", "au"})


def _gendered_role(word: str) -> bool:
    """A noun of a person's role, known by its two genders in the lexicon (``inspectrice`` and
    ``inspecteur``, ``présidente`` and ``président``); a body's noun has one (``Sénat``)."""
    nouns = speaker_nouns("fr")
    if word not in nouns:
        return False
    other = {word + "e", word.removesuffix("e")}
    if word.endswith("eur"):
        other |= {word[:-3] + "rice", word[:-3] + "euse"}
    if word.endswith(("rice", "euse")):
        other.add(word[:-4] + "eur")
    if word.endswith("nne"):  # ``patronne``, ``gardienne``
        other.add(word[:-2])
    return bool((other - {word}) & nouns)


@dataclass
class NameCluster:
    key: str
    type: EntityType
    kb: KBEntry | None = None
    names: Counter[str] = field(default_factory=Counter)  # surface forms seen
    mentions: list[Mention] = field(default_factory=list)
    weak: int = 0  # mentions whose capital letter says nothing (sentence start, after a quote mark)
    #: types the words around some mentions gave ("X, alors député" -> person): they outvote
    #: the model's label on the other mentions of the same name (a bare heading "X")
    evidence: Counter[str] = field(default_factory=Counter)

    @property
    def name(self) -> str:
        if self.kb is not None:
            return self.kb.name
        full = [n for n in self.names if " " in n] or list(self.names)
        return max(full, key=lambda n: (self.names[n], len(n))) if full else self.key

    @property
    def first_names(self) -> set[str]:
        if self.kb is not None and self.kb.first_name:
            return {fold(self.kb.first_name)}
        return {
            first
            for n in self.names
            if " " in n and (first := fold(n.split()[0])) not in SURNAME_PARTICLES
        }

    @property
    def last_names(self) -> set[str]:
        if self.kb is not None and self.kb.last_name:
            return with_bare_surnames({fold(self.kb.last_name)})
        return with_bare_surnames({fold(n.split()[-1]) for n in self.names if " " in n})


def _pick(candidates: list[KBEntry], kind: EntityType | None) -> KBEntry | None:
    """The one knowledge-base entry a surface form means, or None when it is ambiguous."""
    if kind is not None:
        typed = [c for c in candidates if c.type == kind]
        candidates = typed or candidates
    curated = [c for c in candidates if c.curated]
    if len(curated) == 1:
        return curated[0]
    return candidates[0] if len(candidates) == 1 else None


#: nouns an account's handle stands in apposition to: "le compte @X", "l'internaute @X"
_ACCOUNT_NOUNS = frozenset(
    {"compte", "account", "utilisateur", "utilisatrice", "internaute", "profil", "pseudo",
     "pseudonyme", "user", "influenceur", "influenceuse", "youtubeur", "youtubeuse"}
)  # fmt: skip


def _acting_handle(tok: Token) -> bool:
    """A handle the knowledge base does not know is an actor where it names an account ("publié
    par le compte @X") or is a verb's subject ("@X affirme"): the author of a post."""
    doc = tok.doc
    return (tok.i > 0 and doc[tok.i - 1].lower_ in _ACCOUNT_NOUNS) or tok.dep_ == "nsubj"


class _Resolver:
    def __init__(self, doc: Doc, lang: str, kb: KnowledgeBase, published: date | None) -> None:
        self.doc, self.lang, self.kb, self.published = doc, lang, kb, published
        self.text = doc.text  # Doc.text joins every token on each access: read it once
        self.clusters: dict[str, NameCluster] = {}
        #: a body's shorter name -> the key of its one longer name in the article
        self.aliases: dict[str, str] = {}

    def cluster_for(self, key: str, kind: EntityType, kb_entry: KBEntry | None) -> NameCluster:
        key = self.aliases.get(key, key)
        cluster = self.clusters.get(key)
        if cluster is None:
            cluster = self.clusters[key] = NameCluster(key, kind, kb_entry)
        return cluster

    def add(self, cluster: NameCluster, span_text: str, start: int, end: int) -> NameCluster:
        cluster.mentions.append(Mention(span_text, start, end))
        if span_text[:1].isupper() or span_text[:1].isdigit():  # a name, not "le président"
            cluster.names[span_text] += 1
        return cluster

    def resolve(self) -> list[Entity]:
        ents = [s for s in self.doc.ents if not is_ticker_symbol(s)]
        ents = join_split_names(self.doc, ents, self.lang)
        ents = find_people(self.doc, ents, self.lang)
        spans = self._speaking_places([(s, kind_of(s, self.lang)) for s in ents])
        spans = self._listed_given_names(spans)
        named = [(s, k) for s, k in spans if k is not None]
        acronyms: dict[str, str] = {}
        if self.lang == "fr":
            named = self._with_institutions(named, acronyms)
        short: list[tuple[Span, EntityType]] = []
        # Pass 1: names that identify by themselves (several words, or a knowledge-base pattern).
        named = [(without_channel(_without_title(s, self.lang)), k) for s, k in named]
        for span, kind in named:
            assert kind is not None
            if self._capitalised_role(span):
                continue  # ``s'agace l'Inspectrice``: a role noun, whatever type it was given
            text = span.text
            entry = self.kb.get(span.ent_id_) if span.ent_id_ else None
            if entry is None and (len(span) > 1 or kind == "organization"):
                entry = _pick(self.kb.lookup(text), kind)
            if entry is not None:
                kind = entry.type if entry.type in ("person", "organization") else kind
                self.add(
                    self.cluster_for(entry.id, kind, entry), text, span.start_char, span.end_char
                )
            elif (shared := shared_surname(span)) is not None:
                # "les frères Cameron et Tyler Winklevoss": Cameron Winklevoss, not a Cameron
                full = f"{text} {shared}"
                cluster = self.add(
                    self.cluster_for(fold(full), "person", None),
                    text,
                    span.start_char,
                    span.end_char,
                )
                cluster.names[full] += 1
            elif (
                len(span) > 1 and not (" " not in text and self._hyphenated_surname(span, kind))
            ) or (kind == "organization" and not self._is_surname(text)):
                # a person's one hyphenated word ("Al-Ansari") is a surname: it joins below
                cluster = self.add(
                    self.cluster_for(fold(text), kind, None), text, span.start_char, span.end_char
                )
                # a body named by the words around it (no model label) keeps its type
                by_context = context_type(span, self.lang) if span.label_ else None
                if by_context is not None:
                    cluster.evidence[by_context] += 1
            else:
                short.append((span, kind))
        # Pass 2: surnames and first names join the one person of the article who bears them;
        # names the knowledge base knows go first, so "Birchall" can lend "Jared" its person.
        short.sort(key=lambda sk: _pick(self.kb.lookup(sk[0].text), sk[1]) is None)
        for span, kind in short:
            if fold(span.text) in _ROLE_KEYS:
                continue  # "Président" capitalised is a role, not a person named Président
            # a bare given name the article introduces (``Warren, voisin du couple``) is a
            # private person: a public figure known by that one word is introduced in full
            introduced = span.text.lower() in first_names() and introduced_after(span)
            cluster = self._add_short(
                span.text, kind, span.start_char, span.end_char, famous=not introduced
            )
            if cluster.kb is None and capital_says_nothing(span):
                # "Nadia, 52 ans, …" opens its sentence, yet the apposition says person
                cluster.weak += not (
                    kind == "person"
                    and (_person_evidence(span, self.lang) or given_name_subject(span))
                )
        self._add_unlabelled()
        self._add_repeated_names()
        self._add_acronyms(acronyms)
        self._add_spelt_acronyms()
        self._add_speaking_acronyms()
        if self.lang == "fr":
            self._add_seats()
        add_roles(self)
        self._add_described_names()
        join_head_nouns(self.doc, list(self.clusters.values()))
        join_spelt_acronyms(list(self.clusters.values()), lambda w: bool(self.kb.lookup(w)))
        join_surname_tails(list(self.clusters.values()))
        join_name_heads(list(self.clusters.values()), self.doc)
        join_numbered_names(list(self.clusters.values()))
        join_misspelt_names(list(self.clusters.values()))
        return self._entities()

    def _speaking_places(
        self, spans: list[tuple[Span, EntityType | None]]
    ) -> list[tuple[Span, EntityType | None]]:
        """Names typed as places or things that speak ("selon Ukrenergo") are organisations,
        every time they occur, unless the knowledge base knows them (a state speaks as itself)."""
        untyped = (LABELS[self.lang]["location"], LABELS[self.lang]["misc"])
        lexicon = state_lexicon(self.kb)
        speaking = {
            fold(s.text)
            for s, k in spans
            if k is None
            and s.label_ in untyped
            and not s.ent_id_
            and all(cap(t) for t in s)  # not a span run on ("Raman au Ledger")
            and len(s.text) > 2  # "le CD": an object, not a source
            and speaking_name(s, self.lang)
            and not self._known_place(s.text)
            and not names_a_place(lexicon, s.text)
        }
        return [
            (s, "organization" if k is None and fold(s.text) in speaking else k) for s, k in spans
        ]

    def _listed_given_names(
        self, spans: list[tuple[Span, EntityType | None]]
    ) -> list[tuple[Span, EntityType | None]]:
        """A known given name the model typed as a place or a thing, listed with ``et``/``ou``
        beside a person's name (``comme Nadia, Ludovic et leurs enfants``), is a person, every
        time it occurs outside a place's preposition (``à``, ``en``, ``dans``): regional news
        introduces its witnesses by their given names alone. Not a name the knowledge base or
        the states' lexicon knows as a place, nor a given name that is also a town (``Nancy``,
        ``Florence``) where the article once writes it as a place (``à Nancy``, ``la ville de
        Nancy``)."""
        untyped = (LABELS[self.lang]["location"], LABELS[self.lang]["misc"])
        lexicon = state_lexicon(self.kb)

        # a given name that is also a town counts as a place where the article puts it after
        # a place's preposition once (``à Florence``, ``la ville de Nancy``)
        places = {
            s[0].lower_
            for s, _ in spans
            if len(s) == 1
            and s[0].lower_ in _PLACE_GIVEN_NAMES
            and s.start > 0
            and s.doc[s.start - 1].lower_ in _PLACE_PREPOSITIONS | {"de", "d'", "du"}
        }

        def lone_given_name(s: Span) -> bool:
            return (
                len(s) == 1
                and s.label_ in untyped
                and not s.ent_id_
                and first_names().get(s[0].lower_) in ("m", "f")
                and s[0].lower_ not in places
                and not (s.start > 0 and s.doc[s.start - 1].lower_ in _PLACE_PREPOSITIONS)
                and not self._known_place(s.text)
                and not names_a_place(lexicon, s.text)
            )

        by_start = {s.start: (s, k) for s, k in spans}
        by_end = {s.end: (s, k) for s, k in spans}

        def listed(s: Span) -> bool:
            """In a list of names (``,``, ``et``, ``ou`` between, ``et``/``ou`` at least once)
            that holds a person and no name typed otherwise (``Ludovic, Nancy et Metz``)."""
            doc = s.doc
            chain: list[tuple[Span, EntityType | None]] = [(s, None)]
            nxt = s.end
            while nxt + 1 < len(doc) and doc[nxt].lower_ in _LIST_LINKS and nxt + 1 in by_start:
                chain.append(by_start[nxt + 1])
                nxt = chain[-1][0].end
            prev = s.start
            while prev >= 2 and doc[prev - 1].lower_ in _LIST_LINKS and prev - 1 in by_end:
                chain.append(by_end[prev - 1])
                prev = chain[-1][0].start
            others = chain[1:]
            # a list, not a fronted complement (``Pour Julie, Marc Roux a …``): ``et`` joins it
            joined = any(
                doc[o.end].lower_ in {"et", "ou"} or doc[o.start - 1].lower_ in {"et", "ou"}
                for o, _ in chain
                if o.start > 0 and o.end < len(doc)
            )
            return (
                joined
                and any(k == "person" for _, k in others)
                and all(k == "person" or lone_given_name(o) for o, k in others)
            )

        listed_names = {
            fold(s.text) for s, k in spans if k is None and lone_given_name(s) and listed(s)
        }
        return [
            (
                s,
                "person"
                if k is None and lone_given_name(s) and fold(s.text) in listed_names
                else k,
            )
            for s, k in spans
        ]

    def _known_place(self, text: str) -> bool:
        """The knowledge base knows the name, and not only as an organisation: a company whose
        name is also a common word or a town ("Orange a annoncé …"), set as a speech verb's
        subject, is the company acting."""
        return any(e.type != "organization" for e in self.kb.lookup(text))

    def _add_described_names(self) -> None:
        """A role description set before a person's name by a comma is a mention of that
        person: "Le député de la circonscription, Olivier Rancoule, estimait …"."""
        doc = self.doc
        taken = {m.start for c in self.clusters.values() for m in c.mentions}
        for cluster in list(self.clusters.values()):
            if cluster.type != "person":
                continue
            for mention in list(cluster.mentions):
                span = doc.char_span(mention.start, mention.end)
                if span is None:
                    continue
                described = role_before_name(span)
                if described is not None and described.start_char not in taken:
                    # a mention, not a name: "Le député" capitalised only opens the sentence
                    cluster.mentions.append(
                        Mention(described.text, described.start_char, described.end_char)
                    )
                    taken.add(described.start_char)

    def _with_institutions(
        self, named: list[tuple[Span, EntityType]], acronyms: dict[str, str]
    ) -> list[tuple[Span, EntityType]]:
        """Add public bodies named by a head noun ("la préfecture du Nord") and names spelt out
        before their acronym; a model span inside one of them ("Société suisse") gives way."""
        doc = self.doc
        ranges = [(a, b, -1) for a, b in institution_names(doc) + named_bodies(doc)]
        #: a title's full name where a contraction hid its article ("du Soir": "Le Soir")
        titles = {(a, b): name for a, b, name in media_titles(doc)}
        # "selon le Parisien": a title the knowledge base knows, its article in lower case
        titles.update({(a, b): name for a, b, name in known_titles(doc, self._known_organisation)})
        ranges += [(a, b, -1) for a, b in titles]
        ranges += acronym_names(doc)
        if not ranges:
            return named
        ranges.sort(key=lambda r: (r[0], -r[1]))
        kept: list[tuple[int, int, int]] = []
        for a, b, acr in ranges:
            if kept and a < kept[-1][1]:
                if acr >= 0 and b >= kept[-1][1]:
                    kept[-1] = (min(a, kept[-1][0]), b, acr)
                continue
            kept.append((a, b, acr))
        # "les Jeunes Agriculteurs (JA)": a body the knowledge base knows keeps its entry, and
        # its acronym joins it when the known name is the whole name spelt (not "la Fondation
        # Nicolas Hulot (FNH)", "Renault Trucks (RT)"), unless the knowledge base knows the
        # acronym as another body
        known_acronyms = {}
        for a, b, acr in kept:
            if acr < 0:
                continue
            for s, _ in named:
                entry = self.kb.get(s.ent_id_) if s.ent_id_ else None
                if (
                    entry is not None
                    and entry.type == "organization"
                    and s.start <= a
                    and b <= s.end
                    and all(e.id == entry.id for e in self.kb.lookup(doc[acr].text))
                ):
                    known_acronyms[doc[acr].text] = entry.id
        kept = [
            r
            for r in kept
            if not any(s.ent_id_ and s.start < r[1] and r[0] < s.end for s, _ in named)
            and not any(runs_past(s, k, r) for s, k in named)
        ]
        acronyms.update(known_acronyms)
        spelt = {doc[acr].text for _, _, acr in kept if acr >= 0} | set(known_acronyms)
        out = [
            (s, k)
            for s, k in named
            if s.text not in spelt  # "l'ORR" joins the name it abbreviates, later
            and not any(a <= s.start and s.end <= b for a, b, _ in kept)
            and not (k == "person" and any(s.start < b and a < s.end for a, b, _ in kept))
            # "le ministère de la [Santé du gouvernement]": the model cut the head off
            and not (not s.ent_id_ and any(a < s.start < b < s.end for a, b, _ in kept))
        ]
        taken = [(s.start, s.end) for s, _ in out]
        for a, b, acr in kept:
            if any(s < b and a < e for s, e in taken):
                continue
            span = doc[a:b]
            out.append((span, "organization"))
            key = longer_body(fold(span.text), [fold(doc[x:y].text) for x, y, _ in kept])
            if key != fold(span.text):  # "le ministère de la Santé" is the article's one
                self.aliases[fold(span.text)] = key  # "ministère de la Santé de Gaza"
            title = titles.get((a, b), span.text)
            if title != span.text:  # "du Soir" and "Le Soir" are one title
                self.aliases[key] = key = fold(title)
            self.cluster_for(key, "organization", None).names[title] += 1
            if acr >= 0:
                acronyms[doc[acr].text] = fold(span.text)
                # ``(AMUF)`` then ``l'Amuf``: the acronym written as a word is the same body,
                # unless the knowledge base knows the acronym as another one (``AMF``)
                acronym = doc[acr].text
                if self.kb.get(fold(acronym)) is None and not self.kb.lookup(acronym):
                    self.aliases.setdefault(fold(acronym), key)
        out.sort(key=lambda sk: sk[0].start)
        return out

    def _known_organisation(self, name: str) -> bool:
        return any(e.type == "organization" for e in self.kb.lookup(name))

    def _add_seats(self) -> None:
        """A bare seat that acts ("La préfecture appelle…") joins the seat the article's role
        holder names ("le préfet de l'Hérault" -> préfecture de l'Hérault)."""
        doc = self.doc
        taken = {m.start for c in self.clusters.values() for m in c.mentions}
        for a, b, name in bare_seats(doc):
            span = doc[a:b]
            if span.start_char in taken or doc[a + 1].idx in taken:
                continue
            cluster = self.cluster_for(fold(name), "organization", None)
            if not cluster.names:
                cluster.names[name] += 1  # the seat's own name, not "La préfecture"
            cluster.mentions.append(Mention(span.text, span.start_char, span.end_char))

    def _add_acronyms(self, acronyms: dict[str, str]) -> None:
        """Each use of an acronym joins the name it was spelt out from ("l'IPR")."""
        if not acronyms:
            return
        taken = {m.start for c in self.clusters.values() for m in c.mentions}
        for tok in self.doc:
            key = acronyms.get(tok.text)
            if key is None or tok.idx in taken or key not in self.clusters:
                continue
            if tok.i > 0 and self.doc[tok.i - 1].text == "(":
                continue
            self.add(self.clusters[key], tok.text, tok.idx, tok.idx + len(tok.text))

    def _add_spelt_acronyms(self) -> None:
        """``l'ARS`` after ``l'Agence régionale de santé``: the acronym of a body named in full."""
        taken = {m.start for c in self.clusters.values() for m in c.mentions}
        bodies = {k: list(c.names) for k, c in self.clusters.items() if c.type == "organization"}
        for start, end, key in spelt_acronyms(self.doc, taken, bodies):
            word = self.doc.text[start:end]
            if not self.kb.lookup(word):  # else the knowledge base knows it as some body
                self.add(self.clusters[key], word, start, end)

    def _add_speaking_acronyms(self) -> None:
        """``Pour le SNPS, …``: an acronym the model missed that speaks is a body."""
        taken = {m.start for c in self.clusters.values() for m in c.mentions}
        # not a word of a name already found: ``le PAC`` is America PAC's short form
        named = {w for c in self.clusters.values() for n in c.names for w in n.split()}
        speaking = {t.text for t in speaking_acronyms(self.doc, self.lang, taken)} - named
        for tok in self.doc:  # once it speaks, each use of the acronym names the body
            if tok.text in speaking and tok.idx not in taken:
                cluster = self.cluster_for(fold(tok.text), "organization", None)
                self.add(cluster, tok.text, tok.idx, tok.idx + len(tok.text))

    def _covered(self) -> set[int]:
        """The character offsets under the mentions found so far."""
        return {
            i for c in self.clusters.values() for m in c.mentions for i in range(m.start, m.end)
        }

    def _add_unlabelled(self) -> None:
        """Surnames, first names and handles the NER missed or tagged MISC ("Elon", "@potus").

        Only a word that names exactly one person already in the article (or a handle the
        knowledge base knows) is taken: the article's own names are the evidence.
        """
        taken = self._covered()
        people = [c for c in self.clusters.values() if c.type == "person"]
        # each person's surnames and first names, read once: ``add`` below only gives a person
        # one-word names, and these sets come from the names with a space (or the KB entry)
        borne = {
            names: [(c, getattr(c, names)) for c in people]
            for names in ("last_names", "first_names")
        }
        for tok in self.doc:
            if tok.idx in taken or not (tok.text[:1].isupper() or tok.text.startswith("@")):
                continue
            if tok.text.startswith("@") and len(tok.text) > 1:
                entry = _pick(self.kb.lookup(tok.text), None)
                if entry is not None and entry.type in ("person", "organization"):
                    cluster = self.cluster_for(entry.id, entry.type, entry)  # type: ignore[arg-type]
                    self.add(cluster, tok.text, tok.idx, tok.idx + len(tok.text))
                elif entry is None and _acting_handle(tok):
                    cluster = self.cluster_for(fold(tok.text), "person", None)
                    self.add(cluster, tok.text, tok.idx, tok.idx + len(tok.text))
                    cluster.names[tok.text] += 1  # the handle is the account's name
                continue
            if tok.text in not_entities():
                continue  # "AI" is no one's surname, even in "Clipboard AI"
            key = fold(tok.text)
            for names in ("last_names", "first_names"):
                bearer = self._bearer([c for c, keys in borne[names] if key in keys])
                if bearer is not None:
                    self.add(bearer, tok.text, tok.idx, tok.idx + len(tok.text))
                    break

    def _add_repeated_names(self) -> None:
        """Names of several words written again where the NER missed them (``Ansar Dine
        (défenseur de l'islam), l'une des branches …``): each exact occurrence, on word
        boundaries and outside every mention, of a person's or a body's name the article
        already gave is one more mention of it."""
        taken = self._covered()
        starts = {t.idx for t in self.doc}
        ends = {t.idx + len(t.text) for t in self.doc}
        for cluster in list(self.clusters.values()):
            if cluster.type not in ("person", "organization"):
                continue
            for name in [n for n in cluster.names if " " in n]:
                at = self.text.find(name)
                while at >= 0:
                    end = at + len(name)
                    free = not any(i in taken for i in range(at, end))
                    if free and at in starts and end in ends:
                        self.add(cluster, name, at, end)
                        taken.update(range(at, end))
                    at = self.text.find(name, end)

    def _capitalised_role(self, span: Span) -> bool:
        """``s'agace l'Inspectrice``: one capitalised word after a French article that is a
        noun of a speaker's role; French writes no article before a person's name.
        Lower-case adjectives may follow the role (``a répondu le Président algérien``)."""
        if self.lang != "fr" or span.start == 0:
            return False
        k = span.start - 1
        if k > 0 and self.doc[k].pos_ == "ADJ" and self.doc[k].is_lower:
            k -= 1  # ``le nouveau Président ivoirien``
        if self.doc[k].lower_ not in _ROLE_ARTICLES or not _gendered_role(span[0].text.lower()):
            return False
        return all(t.is_lower and t.is_alpha and t.pos_ == "ADJ" for t in span[1:])

    def _bearer(self, group: list[NameCluster]) -> NameCluster | None:
        """The person a bare name shared by ``group`` means: the one bearer, or, among
        relatives, the one not introduced by kinship ("Volodymyr Zelensky … son épouse
        Olena Zelensky": "Zelensky" is the president, whom the relative is named after)."""
        if len(group) <= 1:
            return group[0] if group else None
        doc = self.doc
        unrelated = []
        for cluster in group:
            first = min(cluster.mentions, key=lambda m: m.start, default=None)
            span = doc.char_span(first.start, first.end) if first is not None else None
            if span is None or not introduced_as_kin(span):
                unrelated.append(cluster)
        return unrelated[0] if len(unrelated) == 1 else None

    def _hyphenated_surname(self, span: Span, kind: EntityType) -> bool:
        """A one-word hyphenated name (``Al-Ansari``) the model called a person, or called a
        body while a person of the article bears it (``l'économiste Omar El-Fassi … El-Fassi
        estime``) and no body noun is apposed to it (``Vasseur-Lamy, l'entreprise
        familiale``)."""
        if kind == "person":
            return True
        return (
            kind == "organization"
            and self._is_surname(span.text)
            and not organisation_evidence(span)
        )

    def _is_surname(self, text: str) -> bool:
        """A single word the model tagged as an organisation may be a person's surname ("Musk")
        or first name ("If Elon's is a fair price")."""
        key = fold(text)
        return " " not in text.strip() and any(
            c.type == "person" and (key in c.last_names or key in c.first_names)
            for c in self.clusters.values()
        )

    def _add_short(
        self, text: str, kind: EntityType, start: int, end: int, *, famous: bool = True
    ) -> NameCluster:
        key = fold(text)
        people = [c for c in self.clusters.values() if c.type == "person"]
        by_last = [c for c in people if key in c.last_names]
        by_first = [c for c in people if key in c.first_names]
        for group in (by_last, by_first):
            bearer = self._bearer(group) if group else None
            if bearer is not None:
                return self.add(bearer, text, start, end)
            if len(group) > 1:  # two people of the article bear it: do not guess
                return self.add(self.cluster_for(key, kind, None), text, start, end)
        if (
            key in self.clusters
            and self.clusters[key].kb is None
            and self.clusters[key].type == kind
        ):
            # the same bare word, kept before as the article's own person (``Warren, voisin``)
            return self.add(self.clusters[key], text, start, end)
        entry = _pick(self.kb.lookup(text), kind)
        if entry is not None and (text.startswith("@") or (entry.curated and famous)):
            etype = entry.type if entry.type in ("person", "organization") else kind
            return self.add(self.cluster_for(entry.id, etype, entry), text, start, end)
        misspelt = self._misspelt_surname(key, people)
        if misspelt is not None:
            return self.add(misspelt, text, start, end)
        typo = self._typo(text, kind)
        if typo is not None:
            return self.add(self.cluster_for(typo.id, typo.type, typo), text, start, end)  # type: ignore[arg-type]
        if text.startswith("@"):
            holders = self.present(self.kb.title_holders(text, self.published))
            if len(holders) == 1:
                return self.add(holders[0], text, start, end)
        return self.add(self.cluster_for(key, kind, None), text, start, end)

    @staticmethod
    def _misspelt_surname(key: str, people: list[NameCluster]) -> NameCluster | None:
        """The one person of the article whose surname this bare word misspells, two letters
        swapped or one changed (``Jerry Nadler … M. Nalder``): news copy written in haste.
        Words of six letters or more only, where another real surname that close is rare."""
        if len(key) < 6 or " " in key:
            return None
        found = [c for c in people if any(one_typo(key, last) for last in c.last_names)]
        return found[0] if len(found) == 1 else None

    def _typo(self, text: str, kind: EntityType) -> KBEntry | None:
        """A curated name with two letters swapped or one changed ("OpenIA", "Telsa").

        Only for words of five letters or more, same first letter, and one candidate: a typo
        in a famous name, not a different name that happens to be close.
        """
        key = fold(text)
        if len(key) < 5 or " " in key:
            return None
        found = [
            e
            for e in self.kb.curated_entries()
            if e.type == kind and any(one_typo(key, fold(n)) for n in (e.name, e.last_name) if n)
        ]
        return found[0] if len(found) == 1 else None

    def present(self, entries: list[KBEntry]) -> list[NameCluster]:
        ids = {e.id for e in entries}
        return [c for c in self.clusters.values() if c.kb is not None and c.kb.id in ids]

    def _entities(self) -> list[Entity]:
        text = self.text
        entities: list[Entity] = []
        used_ids: set[str] = set()
        for cluster in self.clusters.values():
            if not cluster.mentions:
                continue  # a body named in advance that the knowledge base took over
            if cluster.weak and cluster.weak == len(cluster.mentions) == 1:
                continue  # one capitalised word at a sentence start: "Escroc", "Antisémitisme"
            cluster.mentions.sort(key=lambda m: m.start)
            name = cluster.name
            if cluster.kb is None and cluster.evidence:
                cluster.type = cluster.evidence.most_common(1)[0][0]  # type: ignore[assignment]
            if cluster.kb is None and cluster.type == "person":
                body = article_name(text, cluster.mentions)  # "Le Pontet a fait appel"
                if body is not None:
                    cluster.type, name = "organization", body
            entity_id = cluster.kb.id if cluster.kb is not None else slug(name)
            while entity_id in used_ids:
                entity_id += "-2"
            used_ids.add(entity_id)
            seen = [m.text for m in cluster.mentions]
            aliases = sorted({a for a in seen if a != name}, key=seen.index)
            entity = Entity(
                id=entity_id,
                name=name,
                type=cluster.type,
                mentions=cluster.mentions,
                aliases=aliases,
                wikidata=cluster.kb.wikidata if cluster.kb is not None else None,
                kb=cluster.kb is not None,
            )
            if cluster.type == "organization":
                self._ticker(entity, cluster)
            entities.append(entity)
        return rank(entities, len(text))

    def _ticker(self, entity: Entity, cluster: NameCluster) -> None:
        """A symbol printed next to the name wins once validated; else the knowledge base's."""
        text = self.text
        for mention in cluster.mentions:
            found = _TICKER_AFTER.match(text, mention.end)
            if found is None:
                continue
            checked = self.kb.validate_ticker(found.group(1), entity.name)
            if checked is not None and (cluster.kb is None or checked[0].id == cluster.kb.id):
                entity.ticker, entity.exchange = checked[1].symbol, checked[1].exchange
                return
        if cluster.kb is not None:
            primary = [t for t in cluster.kb.tickers if t.primary] or list(cluster.kb.tickers)
            if primary:
                entity.ticker, entity.exchange = primary[0].symbol, primary[0].exchange


def resolve_entities(
    doc: Doc, lang: str, kb: KnowledgeBase, published: date | None = None
) -> list[Entity]:
    """The people and organisations of ``doc``, each with all its mentions, most relevant first.

    States that act or speak join them as organisations (:mod:`allegiance.resolve.states`)."""
    from allegiance.resolve.states import add_state_actors

    resolver = _Resolver(doc, lang, kb, published)
    return add_state_actors(doc, kb, resolver.resolve(), text=resolver.text)


def rank(entities: list[Entity], length: int) -> list[Entity]:
    """``entities``, most relevant first, each with its relevance: its mentions against the most
    mentioned one's, and how early in the ``length`` characters of the text it first comes."""
    most = max((len(e.mentions) for e in entities), default=1) or 1
    for e in entities:
        if e.mentions:
            first = e.mentions[0].start / max(length, 1)
            e.relevance = round(0.75 * len(e.mentions) / most + 0.25 * (1.0 - first), 4)
    entities.sort(key=lambda e: -e.relevance)
    return entities


def mention_index(entities: list[Entity]) -> dict[int, str]:
    """Map each mention's start offset to its entity id (for stages that read the Doc)."""
    index: dict[int, str] = {}
    for entity in entities:
        for m in entity.mentions:
            index[m.start] = entity.id
    return index


__all__ = ["fold", "mention_index", "resolve_entities", "slug"]
