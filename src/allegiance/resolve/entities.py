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
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from allegiance.models import Entity, EntityType, Mention
from allegiance.nlp.components import LABELS, is_ticker_symbol, not_entities

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from allegiance.resolve.kb import KBEntry, KnowledgeBase

_TICKER_AFTER = re.compile(r"\s{0,2}\(([^()\s]{1,12})\)")
_ROLE_WORDS = (
    "président",
    "présidente",
    "president",
    "premier ministre",
    "première ministre",
    "prime minister",
    "chancelier",
    "chancelière",
    "chancellor",
    "vice-président",
    "vice president",
    "pape",
    "pope",
)
_ROLE = re.compile(
    r"\b(?:le|la|l'|the)\s+(?:(?:nouveau|nouvelle|actuel|actuelle|new|current|sitting)\s+)?"
    r"(?P<role>" + "|".join(re.escape(w) for w in _ROLE_WORDS) + r")\b",
    re.IGNORECASE,
)
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
_COMPLEMENT = re.compile(r"\s+(?:de|du|des|d'|of)\s+", re.IGNORECASE)


def fold(text: str) -> str:
    """Accent- and case-insensitive key of a name."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).casefold().split())


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-") or "entity"


@dataclass
class _Cluster:
    key: str
    type: EntityType
    kb: KBEntry | None = None
    names: Counter[str] = field(default_factory=Counter)  # surface forms seen
    mentions: list[Mention] = field(default_factory=list)
    weak: int = 0  # mentions whose capital letter says nothing (sentence start, after a quote mark)

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
        return {fold(n.split()[0]) for n in self.names if " " in n}

    @property
    def last_names(self) -> set[str]:
        if self.kb is not None and self.kb.last_name:
            return {fold(self.kb.last_name)}
        return {fold(n.split()[-1]) for n in self.names if " " in n}


def _kind(span: Span, lang: str) -> EntityType | None:
    labels = LABELS[lang]
    if span.label_ == labels["person"]:
        return "person"
    if span.label_ == labels["organization"]:
        return "organization"
    return None


_OPENING_MARKS = frozenset({"«", "“", '"', "'", "‘", "(", "-", ":"})


def _capital_says_nothing(span: Span) -> bool:
    """The span's capital may only be typography: it opens a sentence or a quotation."""
    if span.start == 0 or span[0].is_sent_start:
        return True
    before = span.doc[span.start - 1]
    return before.text in _OPENING_MARKS or before.is_space or before.text in {".", "!", "?"}


def _one_typo(a: str, b: str) -> bool:
    """True when ``a`` is ``b`` with two adjacent letters swapped or one letter replaced."""
    if a == b or len(a) != len(b) or a[0] != b[0]:
        return False
    diff = [i for i, (x, y) in enumerate(zip(a, b, strict=True)) if x != y]
    if len(diff) == 1:
        return True
    return (
        len(diff) == 2
        and diff[1] == diff[0] + 1
        and a[diff[0]] == b[diff[1]]
        and a[diff[1]] == b[diff[0]]
    )


#: civil titles written before a name: "M. Caldwell" is Caldwell
_TITLES = frozenset({"m.", "mme", "mlle", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."})


def _without_title(span: Span) -> Span:
    """The name without a civil title ("M. Dupont" -> "Dupont"), so it joins "Jean Dupont"."""
    if len(span) > 1 and span[0].lower_ in _TITLES:
        return span[1:]
    if len(span) > 2 and span[0].lower_ == "m" and span[1].text == ".":
        return span[2:]
    return span


def _pick(candidates: list[KBEntry], kind: EntityType | None) -> KBEntry | None:
    """The one knowledge-base entry a surface form means, or None when it is ambiguous."""
    if kind is not None:
        typed = [c for c in candidates if c.type == kind]
        candidates = typed or candidates
    curated = [c for c in candidates if c.curated]
    if len(curated) == 1:
        return curated[0]
    return candidates[0] if len(candidates) == 1 else None


class _Resolver:
    def __init__(self, doc: Doc, lang: str, kb: KnowledgeBase, published: date | None) -> None:
        self.doc, self.lang, self.kb, self.published = doc, lang, kb, published
        self.clusters: dict[str, _Cluster] = {}

    def cluster_for(self, key: str, kind: EntityType, kb_entry: KBEntry | None) -> _Cluster:
        cluster = self.clusters.get(key)
        if cluster is None:
            cluster = self.clusters[key] = _Cluster(key, kind, kb_entry)
        return cluster

    def add(self, cluster: _Cluster, span_text: str, start: int, end: int) -> _Cluster:
        cluster.mentions.append(Mention(span_text, start, end))
        if span_text[:1].isupper() or span_text[:1].isdigit():  # a name, not "le président"
            cluster.names[span_text] += 1
        return cluster

    def resolve(self) -> list[Entity]:
        spans = [(s, _kind(s, self.lang)) for s in self.doc.ents if not is_ticker_symbol(s)]
        named = [(s, k) for s, k in spans if k is not None]
        short: list[tuple[Span, EntityType]] = []
        # Pass 1: names that identify by themselves (several words, or a knowledge-base pattern).
        named = [(_without_title(s), k) for s, k in named]
        for span, kind in named:
            assert kind is not None
            text = span.text
            entry = self.kb.get(span.ent_id_) if span.ent_id_ else None
            if entry is None and (len(span) > 1 or kind == "organization"):
                entry = _pick(self.kb.lookup(text), kind)
            if entry is not None:
                kind = entry.type if entry.type in ("person", "organization") else kind
                self.add(
                    self.cluster_for(entry.id, kind, entry), text, span.start_char, span.end_char
                )
            elif len(span) > 1 or kind == "organization" and not self._is_surname(text):
                self.add(
                    self.cluster_for(fold(text), kind, None), text, span.start_char, span.end_char
                )
            else:
                short.append((span, kind))
        # Pass 2: surnames and first names join the one person of the article who bears them;
        # names the knowledge base knows go first, so "Birchall" can lend "Jared" its person.
        short.sort(key=lambda sk: _pick(self.kb.lookup(sk[0].text), sk[1]) is None)
        for span, kind in short:
            if fold(span.text) in _ROLE_KEYS:
                continue  # "Président" capitalised is a role, not a person named Président
            cluster = self._add_short(span.text, kind, span.start_char, span.end_char)
            if cluster.kb is None and _capital_says_nothing(span):
                cluster.weak += 1
        self._add_unlabelled()
        self._add_roles()
        return self._entities()

    def _add_unlabelled(self) -> None:
        """Surnames, first names and handles the NER missed or tagged MISC ("Elon", "@potus").

        Only a word that names exactly one person already in the article (or a handle the
        knowledge base knows) is taken: the article's own names are the evidence.
        """
        taken = {
            i for c in self.clusters.values() for m in c.mentions for i in range(m.start, m.end)
        }
        people = [c for c in self.clusters.values() if c.type == "person"]
        for tok in self.doc:
            if tok.idx in taken or not (tok.text[:1].isupper() or tok.text.startswith("@")):
                continue
            if tok.text.startswith("@") and len(tok.text) > 1:
                entry = _pick(self.kb.lookup(tok.text), None)
                if entry is not None and entry.type in ("person", "organization"):
                    cluster = self.cluster_for(entry.id, entry.type, entry)  # type: ignore[arg-type]
                    self.add(cluster, tok.text, tok.idx, tok.idx + len(tok.text))
                continue
            if tok.text in not_entities():
                continue  # "AI" is no one's surname, even in "Clipboard AI"
            key = fold(tok.text)
            for names in ("last_names", "first_names"):
                bearers = [c for c in people if key in getattr(c, names)]
                if len(bearers) == 1:
                    self.add(bearers[0], tok.text, tok.idx, tok.idx + len(tok.text))
                    break

    def _is_surname(self, text: str) -> bool:
        """A single word the model tagged as an organisation may be a person's surname ("Musk")."""
        return " " not in text.strip() and any(
            c.type == "person" and fold(text) in c.last_names for c in self.clusters.values()
        )

    def _add_short(self, text: str, kind: EntityType, start: int, end: int) -> _Cluster:
        key = fold(text)
        people = [c for c in self.clusters.values() if c.type == "person"]
        by_last = [c for c in people if key in c.last_names]
        by_first = [c for c in people if key in c.first_names]
        for group in (by_last, by_first):
            if len(group) == 1:
                return self.add(group[0], text, start, end)
            if len(group) > 1:  # two people of the article bear it: do not guess
                return self.add(self.cluster_for(key, kind, None), text, start, end)
        entry = _pick(self.kb.lookup(text), kind)
        if entry is not None and (text.startswith("@") or entry.curated):
            etype = entry.type if entry.type in ("person", "organization") else kind
            return self.add(self.cluster_for(entry.id, etype, entry), text, start, end)
        typo = self._typo(text, kind)
        if typo is not None:
            return self.add(self.cluster_for(typo.id, typo.type, typo), text, start, end)  # type: ignore[arg-type]
        if text.startswith("@"):
            holders = self._present(self.kb.title_holders(text, self.published))
            if len(holders) == 1:
                return self.add(holders[0], text, start, end)
        return self.add(self.cluster_for(key, kind, None), text, start, end)

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
            if e.type == kind and any(_one_typo(key, fold(n)) for n in (e.name, e.last_name) if n)
        ]
        return found[0] if len(found) == 1 else None

    def _present(self, entries: list[KBEntry]) -> list[_Cluster]:
        ids = {e.id for e in entries}
        return [c for c in self.clusters.values() if c.kb is not None and c.kb.id in ids]

    def _add_roles(self) -> None:
        """ "le président" joins the one holder of that title, at the article's date, in the article."""
        text = self.doc.text
        taken = {(m.start, m.end) for c in self.clusters.values() for m in c.mentions}
        for match in _ROLE.finditer(text):
            after = text[match.end() : match.end() + 40]
            next_word = after.lstrip()[:1]
            if next_word.isupper():
                continue  # "le président Donald Trump": the name itself is the mention
            if _COMPLEMENT.match(after):
                continue  # "le président de Microsoft" is somebody else
            start, end = match.start(), match.end()
            if any(s <= start < e or s < end <= e for s, e in taken):
                continue
            holders = self._present(self.kb.title_holders(match.group("role"), self.published))
            if len(holders) == 1:
                self.add(holders[0], text[start:end], start, end)

    def _entities(self) -> list[Entity]:
        text = self.doc.text
        entities: list[Entity] = []
        used_ids: set[str] = set()
        max_mentions = max((len(c.mentions) for c in self.clusters.values()), default=1)
        for cluster in self.clusters.values():
            if cluster.weak and cluster.weak == len(cluster.mentions) == 1:
                continue  # one capitalised word at a sentence start: "Escroc", "Antisémitisme"
            cluster.mentions.sort(key=lambda m: m.start)
            name = cluster.name
            entity_id = cluster.kb.id if cluster.kb is not None else slug(name)
            while entity_id in used_ids:
                entity_id += "-2"
            used_ids.add(entity_id)
            seen = [m.text for m in cluster.mentions]
            aliases = sorted({a for a in seen if a != name}, key=seen.index)
            first = cluster.mentions[0].start / max(len(text), 1)
            relevance = 0.75 * len(cluster.mentions) / max_mentions + 0.25 * (1.0 - first)
            entity = Entity(
                id=entity_id,
                name=name,
                type=cluster.type,
                mentions=cluster.mentions,
                aliases=aliases,
                relevance=round(relevance, 4),
                wikidata=cluster.kb.wikidata if cluster.kb is not None else None,
                kb=cluster.kb is not None,
            )
            if cluster.type == "organization":
                self._ticker(entity, cluster)
            entities.append(entity)
        entities.sort(key=lambda e: -e.relevance)
        return entities

    def _ticker(self, entity: Entity, cluster: _Cluster) -> None:
        """A symbol printed next to the name wins once validated; else the knowledge base's."""
        text = self.doc.text
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
    """The people and organisations of ``doc``, each with all its mentions, most relevant first."""
    return _Resolver(doc, lang, kb, published).resolve()


def mention_index(entities: list[Entity]) -> dict[int, str]:
    """Map each mention's start offset to its entity id (for stages that read the Doc)."""
    index: dict[int, str] = {}
    for entity in entities:
        for m in entity.mentions:
            index[m.start] = entity.id
    return index


__all__ = ["fold", "mention_index", "resolve_entities", "slug"]
