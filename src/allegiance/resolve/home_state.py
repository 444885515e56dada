"""The country an article is about, for a bare "le gouvernement" (:mod:`allegiance.resolve.states`).

"Le gouvernement a tranché" names no country; the article usually does, many times and in many
ways: its names and capital in any position, its nationality adjectives, its own institutions
("Matignon", "le Kremlin") and the titles of the known people it quotes ("première ministre
française"). One country that clearly dominates these votes is the article's own; with no clear
winner the bare organ stays a description.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from allegiance.models import Entity
from allegiance.resolve.kb import key
from allegiance.resolve.states import StateLexicon, _Finder

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from allegiance.resolve.kb import KBEntry, KnowledgeBase, Title

#: states that have no "government" of that name: the bare organ never means them
_NO_BARE_GOVERNMENT = frozenset({"european-union"})


def home_state(
    doc: Doc,
    kb: KnowledgeBase,
    lex: StateLexicon,
    entities: Iterable[Entity] = (),
    *,
    finder: _Finder | None = None,
    text: str | None = None,
) -> str | None:
    """The country the article is about, when one clearly dominates: its names, capital and
    nationality adjectives in any position ("en France", "les Français", "le Premier ministre
    français"), its own institutions ("Matignon", "le Kremlin"), and two votes per known person of the article whose knowledge-base titles name a
    single country ("président de la République française"). It must be named at least twice
    and twice as often as any other; else None (a bare "le gouvernement" stays a description)."""
    finder = finder or _Finder(doc, lex)  # the caller's finder: its names are read once
    votes: dict[str, int] = {}
    for start, end, state, _capital in finder.names():
        if not finder.part_of_longer_name(start, end):
            votes[state] = votes.get(state, 0) + 1
    for tok in doc:
        if tok.is_alpha and tok.text.islower():
            adjective = lex.demonyms.get(key(tok.text))
            if adjective is not None:
                votes[adjective] = votes.get(adjective, 0) + 1
    text = doc.text if text is None else text  # the caller's copy: Doc.text joins every token
    for form, state in lex.institutions.items():
        if form not in text:  # the pattern is the literal form: most never occur
            continue
        hits = len(re.findall(rf"(?<!\w){re.escape(form)}(?!\w)", text))
        if hits:
            votes[state] = votes.get(state, 0) + hits
    for entity in entities:
        entry = kb.get(entity.id) if entity.kb and entity.type == "person" else None
        if entry is not None and (titled := _entry_state(entry, lex)) is not None:
            votes[titled] = votes.get(titled, 0) + 2  # a head of government outweighs a place
    ranked = sorted(
        ((n, s) for s, n in votes.items() if s not in _NO_BARE_GOVERNMENT and s in kb), reverse=True
    )
    if not ranked or ranked[0][0] < 2:
        return None
    if len(ranked) > 1 and ranked[0][0] < 2 * ranked[1][0]:
        return None
    return ranked[0][1]


#: (lexicon, knowledge-base id) -> the country its titles name: titles are fixed data, and folding
#: every title word of every person of every article was a tenth of the analysis time
_ENTRY_STATES: dict[tuple[int, str], str | None] = {}


def _entry_state(entry: KBEntry, lex: StateLexicon) -> str | None:
    cache_key = (id(lex), entry.id)
    if cache_key not in _ENTRY_STATES:
        _ENTRY_STATES[cache_key] = _title_state(entry.titles, lex)
    return _ENTRY_STATES[cache_key]


def _title_state(titles: Iterable[Title], lex: StateLexicon) -> str | None:
    """The one country a person's titles name ("premier ministre français", "president of the
    United States"), or None when they name none or several."""
    found: set[str] = set()
    for title in titles:
        for words in title.words:
            for word in words.replace("'", " ").split():
                state = lex.demonyms.get(key(word))
                if state is not None:
                    found.add(state)
            for name, state in lex.names.items():
                if len(name) > 3 and f" {name} " in f" {key(words)} ":
                    found.add(state)
    found.discard("european-union")
    return found.pop() if len(found) == 1 else None


__all__ = ["home_state"]


#: parts of the world a name may speak for only loosely ("l'Europe a répondu"): no actor of their own
_REGIONS = frozenset(
    {"europe", "afrique", "asie", "amerique", "oceanie", "occident", "moyen orient"}
)


def names_a_place(lex: StateLexicon, name: str) -> bool:
    """The name is a state's, its capital's, its institution's, a nationality or a continent."""
    folded = key(name)
    return folded in _REGIONS or any(
        folded in table for table in (lex.names, lex.capitals, lex.demonyms, lex.institutions)
    )
