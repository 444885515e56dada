"""States as actors: a country that speaks or acts becomes one organisation of the article.

"La Chine a dénoncé…", "Pékin accuse Washington de…", "selon Moscou", "le gouvernement ukrainien
a affirmé…", "the Chinese foreign ministry said…": the country, its capital standing for its
government and its unnamed organs are mentions of one entity, the country's knowledge-base
entry, typed ``organization`` (the convention of ``eval/gold/README.md``, as in GDELT or ICEWS).

A country name counts only where it is an actor (subject, agent, source of ``selon``/``according
to``, party to a relation: object, ``à la``/``contre``/``avec``/``against``), so "en Chine" or
"les exportations vers la Chine" stay places. A capital is read as its government in fewer
positions still (subject of an action verb, ``selon``, inverted incise subject, or object of a
state acting), never after a first name ("Denzel Washington"). An organ phrase ("les autorités
chinoises") is the state wherever it stands, except as the complement of the person who speaks
for it ("le porte-parole du ministère chinois" stays an unnamed source). The data (capitals,
nationality adjectives, organ nouns) is ``data/lexicons/states.yaml``, read by
:mod:`allegiance.resolve.states_lexicon`.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from allegiance.extract.lexicons import first_names
from allegiance.extract.speaker_words import FR_OF
from allegiance.models import Entity, Mention
from allegiance.resolve.kb import key
from allegiance.resolve.states_lexicon import (
    LEXICON_FILE,
    SUPRANATIONAL,
    StateLexicon,
    load_lexicon,
    state_lexicon,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from allegiance.resolve.kb import KnowledgeBase


_SUBJECTS = frozenset({"nsubj", "csubj"})
_PASSIVE_SUBJECTS = frozenset({"nsubj:pass", "nsubjpass"})
_AGENTS = frozenset({"obl:agent", "agent"})
_OBJECTS = frozenset({"obj", "dobj", "iobj", "dative"})
#: words before a name that make it the source of what follows
_SOURCE_WORDS = frozenset({"selon", "d'après", "according to"})
#: prepositions that make a country a party to a relation ("sanctions contre la Russie"), as
#: opposed to a place ("en Chine", "vers la Chine", "in China")
_PARTY_PREPS = frozenset({"contre", "avec", "par", "against", "with", "on", "by"})
#: verbs whose ``à`` complement is a party: ``imposer des sanctions à la Russie``
_DATIVE_VERBS = frozenset(
    {"imposer", "infliger", "déclarer", "livrer", "fournir", "vendre", "demander", "reprocher",
     "proposer", "promettre", "adresser", "lancer", "envoyer", "accorder", "refuser", "ordonner"}
)  # fmt: skip
#: verbs whose subject or object is a place, not an actor ("Paris accueille", "quitter la Russie")
_PLACE_VERBS = frozenset(
    {
        "être", "devenir", "rester", "sembler", "paraître", "accueillir", "abriter", "héberger",
        "compter", "représenter", "connaître", "subir", "quitter", "visiter", "traverser",
        "rejoindre", "gagner", "atteindre", "fuir", "survoler", "be", "become", "remain", "seem",
        "host", "house", "account", "leave", "visit", "cross", "reach", "enter", "flee", "fly",
        "travel", "return", "arrive",
    }
)  # fmt: skip
_DETERMINERS = frozenset({"le", "la", "les", "l'", "the"})
_OF_WORDS = frozenset({"de", "du", "des", "d'", "of", "in"})
#: organ nouns that name a state's side only in a definite phrase with no complement
_SIDE_ORGANS = frozenset({"partie", "parties"})
_LOCATION_LABELS = frozenset({"LOC", "GPE", "NORP", "FAC"})
#: words that make the next name a region or a person, not a capital ("l'État de Washington")
_NOT_CAPITAL_BEFORE = frozenset({"état", "state", "m.", "mr", "mr.", "mme", "mrs", "ms", "dr"})
#: organ nouns that, bare ("le gouvernement", "l'exécutif", "les autorités"), name the government
#: of the country the article is about; other organs bare ("l'armée", "la présidence") are too
#: often those of an institution or a firm
#: (French only: on the English dev set "the government" read so cost two speakers)
_BARE_ORGANS = frozenset({"gouvernement", "exécutif", "autorités"})
#: the knowledge-base id of the European Union's executive
_EU_EXECUTIVE = "european-commission"
#: the knowledge-base id of France, whose ministries the knowledge base names bare
_FRANCE = "france"
#: words that bring France into an article (its name, people, capital and seats of power)
_FRENCH_WORDS = re.compile(
    r"\b(?:France|français|française|françaises|Français|Françaises|Paris|Élysée|Matignon|"
    r"Quai d'Orsay|Beauvau|Bercy)\b"
    # a French outlet's name brings no France into the story (``l'agence France-Presse``)
    r"(?<!Radio France)(?![-\s](?:Presse|Inter|Info|Culture|Télévisions|Bleu|Médias|24|2|3|5)\b)"
)
#: words before a bare organ that make it a definite government: articles, demonstratives and
#: possessives ("ce gouvernement", "son gouvernement"), and the contracted articles
_BARE_DETERMINERS = frozenset(
    {"le", "la", "les", "l'", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "du", "au",
     "aux", "des", "the", "its", "this", "that"}
)  # fmt: skip


@dataclass(slots=True)
class _Found:
    state: str  # KB id
    start: int  # token range of the mention
    end: int


class _Finder:
    def __init__(self, doc: Doc, lex: StateLexicon, home: str | None = None) -> None:
        self.doc, self.lex = doc, lex
        self.home = home  # the country the article is about, for a bare "le gouvernement"
        self.taken: set[int] = set()
        self._names: list[tuple[int, int, str, bool]] | None = None
        self._names_france: bool | None = None

    # -- names and capitals ---------------------------------------------------------------------
    def names(self) -> list[tuple[int, int, str, bool]]:
        """(start, end, state, is_capital) of every capitalised country or capital name (read
        once per article: the home-state vote and the actor search both need them)."""
        if self._names is None:
            self._names = self._read_names()
        return self._names

    def _read_names(self) -> list[tuple[int, int, str, bool]]:
        doc, out = self.doc, []
        i = 0
        while i < len(doc):
            hit = None
            first = doc[i]  # every candidate span opens on it: test it once, not per length
            if not first.text[:1].isupper() or first.lower_ in _DETERMINERS:
                i += 1
                continue
            for n in range(min(5, len(doc) - i), 0, -1):
                span = doc[i : i + n]
                if span[-1].is_punct and len(span[-1].text) == 1:
                    continue
                k = key(span.text)
                if k in self.lex.capitalised and not span.text.replace(".", "").isupper():
                    continue
                if k in self.lex.names:
                    hit = (i, i + n, self.lex.names[k], False)
                elif k in self.lex.capitals:
                    hit = (i, i + n, self.lex.capitals[k], True)
                if hit is not None:
                    break
            if hit is not None:
                out.append(hit)
                i = hit[1]
            else:
                i += 1
        return out

    def part_of_longer_name(self, start: int, end: int) -> bool:
        """ "La France Insoumise", "Washington Post", "Denzel Washington", "China Daily"."""
        doc = self.doc
        for tok in (doc[start], doc[end - 1]):
            if tok.ent_type_ and tok.ent_type_ not in _LOCATION_LABELS:
                ent = next((e for e in doc.ents if e.start <= tok.i < e.end), None)
                if ent is not None and (ent.start < start or ent.end > end):
                    return True
        if end < len(doc):
            nxt = doc[end]
            if nxt.text[:1].isupper() and nxt.is_alpha and doc[end - 1].whitespace_:
                return True
        if start > 0:
            prev = doc[start - 1]
            if prev.text[:1].isupper() and prev.lower_ in first_names():
                return True
            if (
                prev.text[:1].isupper()
                and prev.is_alpha
                and not prev.is_sent_start
                and prev.lower_ not in _DETERMINERS
                and prev.pos_ in {"PROPN", "NOUN", "X"}
            ):
                return True  # ``Denzel Washington`` where the ruler kept only ``Washington``
            if prev.text[:1].isupper() and prev.dep_ in {"compound", "flat", "flat:name"}:
                return start <= prev.head.i < end
            if prev.lower_ in _NOT_CAPITAL_BEFORE or prev.text in {"-", "@"}:
                return True
        return False

    # -- positions -----------------------------------------------------------------------------
    def _source_before(self, start: int) -> bool:
        """``selon X``, ``d'après X``, ``according to X`` (a determiner between is allowed)."""
        doc = self.doc
        k = start - 1
        if k >= 0 and doc[k].lower_ in _DETERMINERS:
            k -= 1
        if k < 0:
            return False
        word = doc[k].lower_
        if word == "selon" or (word == "après" and k > 0 and doc[k - 1].lower_ in {"d'", "d"}):
            return True
        if word == "to" and k > 0 and doc[k - 1].lower_ == "according":
            return True
        if word == "d'après":
            return True
        if word == "pour" and (k == 0 or doc[k - 1].is_punct or doc[k].is_sent_start):
            # ``Pour Pékin, …``: a clause-initial ``pour`` followed by a comma gives the view
            root_end = start + 1
            return root_end < len(doc) and any(t.text == "," for t in doc[start : start + 4])
        return False

    def _speech_owner(self, root: Token, start: int) -> bool:
        """``les accusations de la Russie selon lesquelles …``: the author of a speech act."""
        from allegiance.extract.indirect_sources import speech_noun

        return root.dep_ == "nmod" and speech_noun(root.head) and self._prep_before(start) in FR_OF

    def _prep_before(self, start: int) -> str | None:
        doc = self.doc
        k = start - 1
        if k >= 0 and doc[k].lower_ in _DETERMINERS:
            if k >= 1 and doc[k - 1].lower_ == "à":
                return "à"  # ``à la Russie``: a dative; ``au``/``aux`` are mostly places
            k -= 1
        return doc[k].lower_ if k >= 0 else None

    @staticmethod
    def _verb_ok(verb: Token) -> bool:
        if verb.lemma_.lower() in _PLACE_VERBS:
            return False
        return not any(c.dep_ == "cop" for c in verb.children)

    def _speech_head(self, tok: Token) -> bool:
        from allegiance.extract.attribution import lemma_guesses
        from allegiance.extract.lexicons import speech_cues

        head = tok.head
        lang = "en" if self.doc.lang_ == "en" else "fr"
        cues = speech_cues(lang).words
        return head.lemma_.lower() in cues or any(g in cues for g in lemma_guesses(head.lower_))

    def actor_position(self, start: int, end: int, *, capital: bool, depth: int = 0) -> bool:
        """Whether the name at [start, end) acts or speaks there (see the module docstring)."""
        doc = self.doc
        root = doc[start:end].root
        dep = root.dep_
        if self._source_before(start) or self._speech_owner(root, start):
            return True
        if dep == "conj" and depth < 4 and root.head.i != root.i:
            first = root.head
            lo, hi = first.left_edge.i, first.i + 1
            while lo < first.i and doc[lo].lower_ in _DETERMINERS:
                lo += 1
            return self.actor_position(lo, hi, capital=capital, depth=depth + 1)
        head = root.head
        if dep in _SUBJECTS and head.pos_ in {"VERB", "AUX"}:
            return self._verb_ok(head)
        if dep in _AGENTS:
            return True
        if dep in _SUBJECTS | _OBJECTS and self._incise_subject(root, start):
            return True  # ``», a déclaré la Chine``: the inverted subject of an incise
        verb = self._verb_after(end)
        if verb is not None and self._clause_start(start):
            return self._verb_ok(verb)  # ``Pékin a dénoncé``, parsed as a sentence of its own
        if capital:
            # ``Pékin accuse Washington``: a capital as object only of a state acting, or of a
            # verb of the event lexicon (``le diplomate a accusé Paris et Londres``)
            if dep in _OBJECTS and head.pos_ == "VERB" and self._verb_ok(head):
                subject = self._subject_of(head)
                if subject is not None and self._is_state_word(subject):
                    return True
                return self.doc.lang_ == "fr" and self._event_verb(head)
            # ``des sanctions contre Moscou``: ``contre`` makes an opponent, never a place;
            # ``jugées « illégales » par Moscou``: the agent of a passive, however the parser
            # hung it (not ``passer par Moscou``)
            prep = self._prep_before(start)
            return prep == "contre" or (prep == "par" and self._passive_before(start))

        if dep in _PASSIVE_SUBJECTS:
            return self._verb_ok(head)
        if dep in _OBJECTS and head.pos_ in {"VERB", "AUX"}:
            return self._verb_ok(head)
        prep = self._prep_before(start)
        if prep == "à":  # ``imposer des sanctions à la Russie``; not ``destinés à la Chine``
            if head.pos_ == "NOUN" and head.head.i != head.i:
                head = head.head  # the parser often hangs ``à la Russie`` on ``sanctions``
            return head.lemma_.lower() in _DATIVE_VERBS
        return prep in _PARTY_PREPS

    def _passive_before(self, start: int) -> bool:
        """A passive participle of saying or judging in the dozen words before ``start``, in
        its sentence, with no finite verb after it (``jugées « … » par Moscou``; not
        ``acheminées par Varsovie``, ``passé par Varsovie``)."""
        doc = self.doc
        said = _said_verbs()
        lo = max(doc[start].sent.start, start - 12)
        for tok in reversed(doc[lo:start]):
            if "Pass" in tok.morph.get("Voice", []):
                return tok.lemma_.lower() in said
            if "Fin" in tok.morph.get("VerbForm", []):
                return False
        return False

    def _event_verb(self, verb: Token) -> bool:
        """A verb of the event lexicon (accuser, sanctionner, soutenir…): its object is a party."""
        from allegiance.extract.event_cues import load_lexicon as event_lexicon

        lex = event_lexicon("en" if self.doc.lang_ == "en" else "fr")
        return verb.lemma_.lower() in lex.verbs

    def _incise_subject(self, root: Token, start: int) -> bool:
        """``», a déclaré la Chine``, ``, a affirmé Pékin``: right after a speech verb that has
        no subject of its own and itself follows a quote mark or a comma."""
        doc, head = self.doc, root.head
        if not (head.i < start and self._speech_head(root)):
            return False
        if not all(t.lower_ in _DETERMINERS for t in doc[head.i + 1 : start]):
            return False
        if any(c.dep_ in _SUBJECTS and c.i != root.i for c in head.children):
            return False
        j = head.i - 1
        while j >= 0 and (doc[j].pos_ == "AUX" or doc[j].text == "-t-"):
            j -= 1
        return j >= 0 and doc[j].is_punct

    def _clause_start(self, start: int) -> bool:
        """The name opens a clause: first of a sentence, a line, or after punctuation (a
        determiner before it allowed)."""
        doc = self.doc
        k = start - 1
        if k >= 0 and doc[k].lower_ in _DETERMINERS:
            k -= 1
        return k < 0 or bool(doc[k].is_punct or doc[k].is_space or doc[k + 1].is_sent_start)

    def _verb_after(self, end: int) -> Token | None:
        """The verb right after a name when the parser failed to make the name its subject
        (it often cuts a leading ``Pékin`` off as a sentence of its own): a finite verb or an
        auxiliary with no subject of its own."""
        doc = self.doc
        if end < len(doc) and doc[end].lower_ == "dément" and doc[end].pos_ in {"ADV", "ADJ"}:
            return doc[end]  # ``Moscou dément …``: the verb ``démentir`` read as an adjective
        if end >= len(doc) or doc[end].pos_ not in {"VERB", "AUX"}:
            return None
        verb = doc[end] if doc[end].pos_ == "VERB" else doc[end].head
        # a subject the parser gave the verb from an earlier line does not count
        if verb.pos_ != "VERB" or any(c.dep_ in _SUBJECTS and c.i >= end for c in verb.children):
            return None
        if doc[end].dep_ in _SUBJECTS or doc[end].tag_ == "VBG" or doc[end].lower_.endswith("ant"):
            return None
        return verb

    def _subject_of(self, verb: Token) -> Token | None:
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        if subject is not None:
            return subject
        k = verb.i - 1
        while k >= 0 and doc_aux(self.doc[k]):
            k -= 1
        return self.doc[k] if k >= 0 and self.doc[k].pos_ == "PROPN" else None

    def _is_state_word(self, tok: Token) -> bool:
        k = key(tok.text)
        return k in self.lex.names or k in self.lex.capitals or tok.lower_ in self.lex.organs

    # -- organs --------------------------------------------------------------------------------
    def organs(self) -> list[_Found]:
        doc, out = self.doc, []
        for tok in doc:
            if tok.lower_ not in self.lex.organs or tok.i in self.taken:
                continue
            found = self._organ_phrase(tok)
            if found is None or self._spoken_for(tok) or self._part_of_place(tok, found):
                continue
            out.append(found)
            self.taken.update(range(found.start, found.end))
        return out

    def _part_of_place(self, organ: Token, found: _Found) -> bool:
        """``la partie française de l'île``, ``une partie russe``: ``partie`` is a state's side
        only as a definite phrase with no complement (``la partie américaine a déclaré``)."""
        if organ.lower_ not in _SIDE_ORGANS:
            return False
        doc = self.doc
        det = doc[organ.i - 1] if organ.i > 0 else None
        if det is None or det.lower_ not in {"la", "l'", "les", "cette"}:
            return True
        return found.end < len(doc) and doc[found.end].lower_ in _OF_WORDS

    def _organ_phrase(self, organ: Token) -> _Found | None:
        doc, n = self.doc, len(self.doc)
        i = organ.i
        # French: ``le ministère chinois des Affaires étrangères``, ``les forces armées russes``
        k = i + 1
        while k < n and k <= i + 3 and doc[k].text.islower() and doc[k].is_alpha:
            state = self.lex.demonyms.get(key(doc[k].text))
            if (
                state is not None
                and state in SUPRANATIONAL
                and organ.lower_ == "exécutif"
                and organ.i > 0
                and doc[organ.i - 1].lower_ in {"l'", "l’", "le"}
            ):
                # ``l'exécutif européen``: the Union's executive is its Commission (not ``le
                # seul exécutif européen à …``, ``directeur exécutif européen``)
                return _Found(_EU_EXECUTIVE, i, k + 1)
            if state is not None:
                return _Found(state, i, self._complement_end(k + 1))
            if doc[k].pos_ != "ADJ":
                break
            k += 1
        # ``le ministère des Affaires étrangères nord-coréen``: the demonym after the portfolio
        end = self._complement_end(i + 1)
        for k in range(i + 3, end):  # past ``de``/``des`` and a capitalised portfolio word
            state = self.lex.demonyms.get(key(doc[k].text)) if doc[k].text.islower() else None
            if (
                state is not None
                and state not in SUPRANATIONAL
                and doc[k - 1].pos_ in ("ADJ", "NOUN", "PROPN")
                # ``des Affaires indiennes``: the portfolio's own field, not its country
                and doc[k - 1].lower_ != "affaires"
            ):
                return _Found(state, i, end)
        # ``les autorités de Pékin``, ``le gouvernement du Venezuela``, ``the government of
        # China``, ``the authorities in Beijing``
        k = i + 1
        if k < n and doc[k].lower_ in _OF_WORDS:
            k += 1
            if k < n and doc[k].lower_ in _DETERMINERS:
                k += 1
            for m in range(min(5, n - k), 0, -1):
                span = doc[k : k + m]
                if not span.text[:1].isupper():
                    break
                state = self.lex.names.get(key(span.text)) or self.lex.capitals.get(key(span.text))
                if state is not None and not self.part_of_longer_name(k, k + m):
                    return _Found(state, i, k + m)
        fronted = self._fronted_place(organ)
        if fronted is not None and (self._bare_government(organ) or self._bare_ministry(organ)):
            # ``Au Brésil, le ministère des Affaires étrangères a …``: the country the sentence
            # opens on, not the one the article is about
            return _Found(fronted, i, self._complement_end(i + 1))
        if self.home is not None and self._bare_government(organ):
            return _Found(self.home, i, i + 1)
        if self.home != _FRANCE and self._bare_ministry(organ) and not self._french():
            # ``Moscou a convoqué l'ambassadeur. Le ministère des Affaires étrangères a jugé …``:
            # a ministry named by its portfolio alone is the home country's (the knowledge base
            # spells France's ministries so, which the article about Russia does not mean); a
            # state acting before it in its own sentence first (``Bakou se dit prêt …, a
            # indiqué le ministère``), else the home country, else the one state the sentence
            # before names, when it acts (``La Turquie a convoqué l'ambassadeur suédois.``);
            # not with two there: a reaction is as often the other side's (``Washington a
            # imposé des sanctions à Pékin. Le ministère …``)
            sentences = self.doc.has_annotation("SENT_START")
            state = (
                (self._state_named_before(organ, organ.sent.start) if sentences else None)
                or self.home
                or (self._sole_state_before(organ) if sentences else None)
            )
            if state is not None:
                return _Found(state, i, self._complement_end(i + 1))
        # English: ``the Chinese (foreign) ministry``, ``the US government``, ``China's army``
        k = i - 1
        skipped = 0
        while k >= 0 and skipped <= 2:
            prev = doc[k]
            if prev.text in {"'s", "'"} and k > 0:
                k -= 1
                prev = doc[k]
            if prev.text[:1].isupper():
                state = (
                    self.lex.demonyms.get(key(prev.text))
                    or self.lex.names.get(key(prev.text))
                    or self.lex.capitals.get(key(prev.text))
                )
                if state is not None and (prev.text.lower() != prev.text):
                    if k > 0 and doc[k - 1].lower_ in {"le", "la", "les", "l'"}:
                        return None  # French: ``le Chinese`` is no phrase; be safe
                    if self.doc.lang_ == "fr":
                        return None
                    return _Found(state, k, i + 1)
                return None
            if not (prev.is_alpha and prev.text.islower()) or prev.lower_ in _DETERMINERS:
                return None
            k -= 1
            skipped += 1
        return None

    def _fronted_place(self, organ: Token) -> str | None:
        """The state of a place adverbial opening ``organ``'s sentence and set off by a comma
        (``Au Brésil,``, ``En Chine,``, ``À Pékin,``), with at most a determiner and the organ's
        qualifiers between the comma and ``organ``; else None. Never France, whose ministries
        the knowledge base names (``À Paris, le ministère …``): the rules for a bare organ read
        those."""
        doc = self.doc
        if not doc.has_annotation("SENT_START"):
            return None
        sent = organ.sent
        first = doc[sent.start]
        if first.lower_ not in {"au", "en", "à", "aux"} or organ.i - sent.start > 8:
            return None
        comma = next((t.i for t in doc[sent.start + 1 : organ.i] if t.text == ","), None)
        if comma is None or comma + 3 < organ.i:
            return None
        name = doc[sent.start + 1 : comma].text
        state = self.lex.names.get(key(name)) or self.lex.capitals.get(key(name))
        return None if state == _FRANCE else state

    def _bare_government(self, organ: Token) -> bool:
        """``le gouvernement``, ``l'exécutif``, ``Ce gouvernement``, ``les autorités``: a definite
        government noun with no qualifier after it. ``les autorités sanitaires``, ``l'exécutif
        municipal``, ``le gouvernement de Gaza`` or ``un gouvernement`` are other bodies."""
        doc, i = self.doc, organ.i
        if organ.lower_ not in _BARE_ORGANS or i == 0:
            return False
        if doc[i - 1].lower_ not in _BARE_DETERMINERS:
            return False
        if i + 1 < len(doc):
            nxt = doc[i + 1]
            if nxt.is_alpha and nxt.text.islower() and nxt.pos_ == "ADJ":
                return False  # ``les autorités locales``, ``le gouvernement fédéral``
            if nxt.lower_ in _OF_WORDS or nxt.text[:1].isupper() and nxt.is_alpha:
                return False  # ``le gouvernement de transition``, ``le gouvernement Barnier``
        return True

    def _sole_state_before(self, organ: Token) -> str | None:
        """The one state the sentence before ``organ``'s names, when it acts there."""
        sent = organ.sent
        if sent.start == 0:
            return None
        prev = self.doc[sent.start - 1].sent
        named = [
            (start, end, state, capital)
            for start, end, state, capital in self.names()
            if prev.start <= start and end <= prev.end and not self.part_of_longer_name(start, end)
        ]
        if len({state for _, _, state, _ in named}) != 1:
            return None
        start, end, state, capital = named[-1]
        return state if self.actor_position(start, end, capital=capital) else None

    def _state_named_before(self, organ: Token, lo: int) -> str | None:
        """The state named last between token ``lo`` and ``organ`` where it acts (``Bakou se
        dit prêt``; not ``Face à la Russie, le ministère …``)."""
        for start, end, state, capital in reversed(self.names()):
            if end > organ.i or start < lo or self.part_of_longer_name(start, end):
                continue
            if self.actor_position(start, end, capital=capital):
                return state
        return None

    def _french(self) -> bool:
        """The article names France or the French at all: a bare ministry may then be the
        French one (``le ministère des Affaires étrangères a recommandé aux Français …``)."""
        if self._names_france is None:
            self._names_france = bool(_FRENCH_WORDS.search(self.doc.text))
        return self._names_france

    def _bare_ministry(self, organ: Token) -> bool:
        """``le ministère des Affaires étrangères``, ``le ministère de la Défense``: a definite
        ministry with its capitalised portfolio and no country."""
        doc, i = self.doc, organ.i
        if organ.lower_ != "ministère" or i == 0 or doc[i - 1].lower_ not in _BARE_DETERMINERS:
            return False
        k = i + 1
        if k < len(doc) and doc[k].lower_ in {"de", "des", "du", "d'"}:
            k += 1
            if k < len(doc) and doc[k].lower_ in {"la", "l'"}:
                k += 1
            if not (k < len(doc) and doc[k].text[:1].isupper() and doc[k].is_alpha):
                return False
            end = self._complement_end(i + 1)
            # ``le ministère de la Santé de Gaza``, ``… du gouvernement du Hamas``: a complement
            # after the portfolio says whose
            return not (end < len(doc) and doc[end].lower_ in _OF_WORDS)
        return False

    def _complement_end(self, k: int) -> int:
        """After ``le ministère chinois``, ``des Affaires étrangères``/``de la Défense``."""
        doc, n = self.doc, len(self.doc)
        j = k
        if j < n and doc[j].lower_ in {"de", "du", "des", "d'"}:
            j += 1
            if j < n and doc[j].lower_ in {"la", "l'"}:
                j += 1
            if j < n and doc[j].text[:1].isupper() and doc[j].is_alpha:
                j += 1
                while j < n and (doc[j].pos_ == "ADJ" and doc[j].text.islower()):
                    j += 1
                return j
        return k

    def _spoken_for(self, organ: Token) -> bool:
        """``le porte-parole du ministère chinois``, ``a spokesperson for the Chinese army``."""
        head = organ.head
        if head.dep_ == "prep" and head.head.i != head.i:  # spaCy makes a new Token per access
            head = head.head
        if head.i == organ.i or head.pos_ not in {"NOUN", "PROPN", "ADJ"}:
            return False
        if organ.i < head.i:
            return False
        return head.lower_ in self.lex.spokespeople or head.lemma_.lower() in self.lex.spokespeople

    # -- everything ----------------------------------------------------------------------------
    def find(self) -> list[_Found]:
        found = self.organs()
        names = [
            n
            for n in self.names()
            if not any(i in self.taken for i in range(n[0], n[1]))
            and not self.part_of_longer_name(n[0], n[1])
        ]
        acting = {n[0] for n in names if self.actor_position(n[0], n[1], capital=n[3])}
        for start, end, state, _capital in names:
            if start in acting or self._joined_to_actor(end, acting):
                found.append(_Found(state, start, end))
            elif self._fronted_for_organ(start, state, found):
                found.append(_Found(state, start, end))  # ``Au Brésil, le ministère …``
        return found

    def _fronted_for_organ(self, start: int, state: str, found: list[_Found]) -> bool:
        """The name opens its sentence as the place an organ found after it belongs to."""
        doc = self.doc
        if not doc.has_annotation("SENT_START"):
            return False
        sent = doc[start].sent
        return start == sent.start + 1 and any(
            f.state == state
            and sent.start < f.start < sent.end
            and self._fronted_place(doc[f.start]) == state
            for f in found
        )

    def _joined_to_actor(self, end: int, acting: set[int]) -> bool:
        """``Kiev et Moscou ont échangé``: the parser often makes the first of two coordinated
        subjects a sentence of its own; a state joined by ``et`` to a state acting acts too."""
        doc = self.doc
        if end >= len(doc) or doc[end].lower_ not in {"et", "and"}:
            return False
        k = end + 1
        if k < len(doc) and doc[k].lower_ in _DETERMINERS:
            k += 1
        return k in acting


def state_mentions(
    doc: Doc, kb: KnowledgeBase, entities: Iterable[Entity] = (), *, text: str | None = None
) -> dict[str, list[Mention]]:
    """The actor mentions of states in ``doc``, by the state's KB id; ``entities`` (the
    resolver's) help find the country a bare "le gouvernement" belongs to. ``text`` is
    ``doc.text`` when the caller has read it already (Doc.text joins every token)."""
    from allegiance.resolve.home_state import home_state  # it reads names with the finder

    lex = state_lexicon(kb)
    finder = _Finder(doc, lex)
    finder.home = home_state(doc, kb, lex, entities, finder=finder, text=text)
    out: dict[str, list[Mention]] = {}
    for f in finder.find():
        end = f.end
        while end > f.start + 1 and doc[end - 1].is_space:
            end -= 1  # ``Budapest`` closing a headline: not the paragraph break after it
        span = doc[f.start : end]
        out.setdefault(f.state, []).append(Mention(span.text, span.start_char, span.end_char))
    for mentions in out.values():
        mentions.sort(key=lambda m: m.start)
    return out


def doc_aux(tok: Token) -> bool:
    return tok.pos_ == "AUX" or tok.dep_.startswith("aux")


def _overlaps(m: Mention, others: Iterable[Mention]) -> bool:
    return any(m.start < o.end and o.start < m.end for o in others)


def add_state_actors(
    doc: Doc, kb: KnowledgeBase, entities: list[Entity], *, text: str | None = None
) -> list[Entity]:
    """``entities`` with the article's states as actors added (or joined, for a state the
    resolver already knows, such as the European Union). A state mention wins over any other
    mention on the same words ("le ministère russe de la Défense" read as an institution)."""
    # a state's identity is its knowledge-base entry: a KB without it (a user's own) gets none
    text = doc.text if text is None else text  # read once: Doc.text joins every token
    found = {k: v for k, v in state_mentions(doc, kb, entities, text=text).items() if k in kb}
    if not found:
        return entities
    claimed = [m for ms in found.values() for m in ms]
    kept: list[Entity] = []
    for entity in entities:
        if entity.id not in found:
            entity.mentions = [m for m in entity.mentions if not _overlaps(m, claimed)]
            if not entity.mentions:
                continue
        kept.append(entity)
    by_id = {e.id: e for e in kept}
    for state, mentions in found.items():
        entry = kb.get(state)
        known = by_id.get(state)
        if known is not None:
            entity = known
        else:
            entity = Entity(
                id=state,
                name=entry.name if entry is not None else state,
                type="organization",
                wikidata=entry.wikidata if entry is not None else None,
                kb=entry is not None,
            )
            kept.append(entity)
            by_id[state] = entity
        own = [m for m in entity.mentions if not _overlaps(m, mentions)]
        entity.mentions = sorted([*own, *mentions], key=lambda m: m.start)
        entity.type = "organization"
        seen = [m.text for m in entity.mentions]
        # the state's own names the article writes, even where no mention is an actor's
        # (``la guerre civile au Soudan`` for Sudan): the forms a reader knows it by
        seen += [a for a in (entry.aliases if entry is not None else []) if _written(a, text)]
        entity.aliases = sorted({a for a in seen if a != entity.name}, key=seen.index)
    from allegiance.resolve.entities import rank  # the resolver imports this module

    return rank(kept, len(text))


def _written(name: str, text: str) -> bool:
    """``name`` occurs in ``text`` as whole words."""
    return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", text) is not None


__all__ = [
    "LEXICON_FILE",
    "StateLexicon",
    "add_state_actors",
    "load_lexicon",
    "state_lexicon",
    "state_mentions",
]


@functools.cache
def _said_verbs() -> frozenset[str]:
    """French verbs of saying and judging, whose passive participle's agent speaks."""
    from allegiance.extract.lexicons import speech_cues
    from allegiance.extract.naming_verbs import JUDGING_VERBS

    return JUDGING_VERBS | frozenset(speech_cues("fr").words)
