"""Short names news copy gives an actor after its full name: a body's head noun alone ("la
Fédération" for "la Fédération française de football"), a compound surname without the given
name ("M. St-Pierre Plamondon"). Each joins the one actor of the article it shortens; with two
candidates, no guess. Run by the entity resolver after its clusters are built. Also the
resolver's tests on one short name: a capital that only typography gives, a surname misspelt."""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.frames import heading_line
from allegiance.extract.lexicons import first_names
from allegiance.resolve.kb import fold
from allegiance.resolve.person_names import introduced_after, introduced_as_kin

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

    from allegiance.resolve.entities import NameCluster

__all__ = [
    "capital_says_nothing",
    "join_head_nouns",
    "join_name_heads",
    "join_numbered_names",
    "join_misspelt_names",
    "join_surname_tails",
    "one_typo",
]

#: head nouns of bodies' names, which news copy also uses alone for the body once named:
#: "la Fédération française de football ... la Fédération a répondu"
_HEAD_NOUNS = frozenset(
    {
        "federation", "confederation", "commission", "comite", "conseil", "institut", "agence",
        "association", "union", "ligue", "syndicat", "fondation", "cour", "tribunal", "office",
        "autorite", "direction", "mairie", "ville", "prefecture", "assemblee", "chambre",
        "compagnie", "societe", "banque", "universite", "parti", "mouvement", "collectif",
        "coalition", "alliance", "front", "centrale", "observatoire", "haut-commissariat",
    }
)  # fmt: skip


def join_surname_tails(clusters: list[NameCluster]) -> None:
    """A name of several words without the given name ("M. St-Pierre Plamondon", "Vargas
    Llosa") is the compound surname of the one person of the article whose full name ends
    with it ("Paul St-Pierre Plamondon"): news copy drops the given name after the first
    mention, not half of a double surname."""
    people = [c for c in clusters if c.type == "person" and c.mentions]
    for short in people:
        if short.kb is not None or not short.names:
            continue
        tails = {fold(n) for n in short.names}
        if any(len(t.split()) < 2 for t in tails) or any(
            t.split()[0] in first_names() for t in tails
        ):
            continue
        bearers = [
            c
            for c in people
            if c is not short
            and c.mentions  # not a cluster this pass already emptied
            and all(any(fold(n).endswith(" " + t) for n in c.names) for t in tails)
        ]
        if len(bearers) == 1:
            bearers[0].mentions.extend(short.mentions)
            short.mentions = []


#: what ends a son's or a father's name after the name they share: "Donald Trump Jr."
_GENERATIONS = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv", "fils", "pere", "junior"})


def join_name_heads(clusters: list[NameCluster], doc: Doc) -> None:
    """A person's name of several words that opens the longer name of one person of the
    article ("Amani Osman" of "Amani Osman Abdelrahim", "Gabriel García" of "Gabriel García
    Márquez") is that person; not a father's name before his son's suffix ("Donald Trump Jr.").
    A name a hyphen carries on ("Anne Roux" of "Anne Roux-Delmas", a double surname cut to its
    first part) is the same person, unless one of them is introduced as someone else: the
    short form with an apposition of its own (``Anne Roux, 72 ans``), the long one as kin
    (``sa belle-fille, Anne Roux-Delmas``)."""
    people = [c for c in clusters if c.type == "person" and c.mentions]
    for short in people:
        if short.kb is not None or not short.names:
            continue
        heads = {fold(n) for n in short.names}
        if any(len(h.split()) < 2 for h in heads):
            continue
        first = min(m.start for m in short.mentions)
        bearers = [
            c
            for c in people
            if c is not short
            and c.mentions
            and (
                all(any(_opens(h, fold(n)) for n in c.names) for h in heads)
                # the full name comes first: ``Mohamed Ali, 30 ans, … Mohamed Ali Hassan`` are two
                and min(m.start for m in c.mentions) < first
                or all(any(fold(n).startswith(h + "-") for n in c.names) for h in heads)
                and not _introduced_apart(doc, short, c)
            )
        ]
        if len(bearers) == 1:
            bearers[0].mentions.extend(short.mentions)
            short.mentions = []


def _introduced_apart(doc: Doc, short: NameCluster, long: NameCluster) -> bool:
    """The short name comes with an apposition of its own in the body (``Anne Roux, 72 ans``; a
    heading's apposition restates the body's, ``Léa Roux, 16 ans, sacrée championne``), or the
    long one is introduced by kinship (``sa belle-fille, Anne Roux-Delmas``): two people."""
    spans = [(doc.char_span(m.start, m.end), m) for m in short.mentions + long.mentions]
    return any(
        span is not None
        and (
            introduced_after(span) and not heading_line(doc.text, m.start, m.start)
            if m in short.mentions
            else introduced_as_kin(span)
        )
        for span, m in spans
    )


def _opens(head: str, name: str) -> bool:
    rest = name.removeprefix(head + " ")
    return rest != name and not set(rest.split()) & _GENERATIONS


def join_head_nouns(doc: Doc, clusters: list[NameCluster]) -> None:
    """A body's head noun alone after a definite article ("la Fédération", "l'Institut")
    is the short name news copy gives the one body of the article it heads ("la Fédération
    française de football"), not a body of its own; two such bodies: no guess."""
    bodies = [c for c in clusters if c.type == "organization" and c.mentions]
    for short in bodies:
        names = set(short.names)
        if short.kb is not None or len(names) != 1 or " " in (word := names.pop()):
            continue
        head = fold(word)
        if head not in _HEAD_NOUNS:
            continue
        after_article = True
        for m in short.mentions:
            span = doc.char_span(m.start, m.end)
            before = doc[span.start - 1].lower_ if span is not None and span.start else ""
            after_article &= before in ("le", "la", "l'", "du", "au", "de")
        longer = [
            c
            for c in bodies
            if c is not short
            and any(len(n.split()) > 1 and fold(n.split()[0]) == head for n in c.names)
        ]
        if not after_article or len(longer) != 1:
            continue
        longer[0].mentions.extend(short.mentions)
        short.mentions = []


def join_numbered_names(clusters: list[NameCluster]) -> None:
    """A body's name without the number it ends with ("Utopia" for "Utopia 56") is that
    body, when it is the one such body of the article and the knowledge base does not know
    the short name (the model may take the bare word for a person's name; a known given name
    stays a person's)."""
    # each body's names less their closing number, read once
    stems = [
        (
            c,
            {
                parts[0]
                for n in c.names
                if len(parts := fold(n).rsplit(" ", 1)) == 2 and parts[1].isdigit()
            },
        )
        for c in clusters
        if c.type == "organization" and c.mentions
    ]
    for short in clusters:
        names = {fold(n) for n in short.names}
        if short.kb is not None or len(names) != 1 or not short.mentions:
            continue
        if short.type not in {"organization", "person"}:
            continue
        word = names.pop()
        if short.type == "person" and (" " in word or word in first_names()):
            continue
        numbered = [c for c, stemmed in stems if c is not short and word in stemmed]
        if len(numbered) == 1:
            numbered[0].mentions.extend(short.mentions)
            short.mentions = []


_OPENING_MARKS = frozenset({"«", "“", '"', "'", "‘", "(", "-", ":"})


def capital_says_nothing(span: Span) -> bool:
    """The span's capital may only be typography: it opens a sentence or a quotation."""
    if span.start == 0 or span[0].is_sent_start:
        return True
    before = span.doc[span.start - 1]
    return before.text in _OPENING_MARKS or before.is_space or before.text in {".", "!", "?"}


def join_misspelt_names(clusters: list[NameCluster]) -> None:
    """Two full names of the article with the same given name and surnames one letter apart
    (``François Scheider`` … ``François Schneider``: a letter dropped inside the word) are one
    person written in haste: the less frequent spelling joins the other (the later written on
    a tie). Surnames of six letters or more, people the knowledge base does not know, and
    only one such pair for a name."""
    people = [c for c in clusters if c.type == "person" and c.mentions and c.kb is None]
    for short in sorted(people, key=lambda c: (len(c.mentions), -min(m.start for m in c.mentions))):
        if not short.mentions:
            continue
        full = _given_and_surname(short)
        if full is None:
            continue
        matches = [
            c
            for c in people
            if c is not short
            and c.mentions
            and (other := _given_and_surname(c)) is not None
            and other[0] == full[0]
            and _one_letter_apart(full[1], other[1])
        ]
        if len(matches) == 1:
            matches[0].mentions.extend(short.mentions)
            matches[0].names.update(short.names)
            short.mentions = []


def _given_and_surname(cluster: NameCluster) -> tuple[str, str] | None:
    """The folded given name and surname of a cluster named by exactly two words, the first a
    known given name, the surname six letters or more; else None."""
    forms = {fold(n) for n in cluster.names if " " in n}
    if len(forms) != 1:
        return None
    words = forms.pop().split()
    if len(words) != 2 or words[0] not in first_names() or len(words[1]) < 6:
        return None
    return words[0], words[1]


def _one_letter_apart(a: str, b: str) -> bool:
    """One of them is the other with one letter dropped inside the word (``scheider`` for
    ``schneider``): a typo. Not a changed letter (``durand``/``durant``, two real surnames),
    a dropped first or last one (``martin``/``martins``) nor one of a doubled letter
    (``roland``/``rolland``)."""
    if abs(len(a) - len(b)) != 1:
        return False
    short, long_ = sorted((a, b), key=len)
    return any(
        long_[:i] + long_[i + 1 :] == short
        # ``rolland``/``roland``, ``chevallier``/``chevalier``: a doubled letter is a spelling
        # of its own, not a slip
        and long_[i] not in (long_[i - 1], long_[i + 1])
        for i in range(1, len(long_) - 1)
    )


def one_typo(a: str, b: str) -> bool:
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
