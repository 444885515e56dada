"""Co-sources read from the words around a speaker's mention, where the parse loses them.

``TF1 et M6 ont indiqué …`` (the parse hangs ``M6`` on the verb and ``TF1`` nowhere), ``ont
insisté le chef de groupe X et le député Y`` (the second name hung on a title), ``ont indiqué le
syndicat et les préfectures concernées``, ``selon la gendarmerie et les organisateurs``: the
speaker's mention is one member of a list of noun phrases, joined by commas and a last
``et``, and each member is a source of its own, as the annotation guide counts them (one quote
per speaker). A member is a named actor (its head, or the name right after its title) or a
description that can name a source (``les organisateurs``, not ``les restrictions``).

French only, and only where the words say the sources speak together: the verb is plural
(``ont indiqué``; with a singular verb the list is not the subject) or the cue is ``selon``.
A list after an inverted verb must end the clause (``, a dit X et les élus ont applaudi``
starts a new clause); a list before its verb must reach it (``X et Y ont dit``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from allegiance.extract.source_nouns import can_name_speaker
from allegiance.extract.speaker_words import FR_TIME_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from allegiance.models import Entity

#: what ends a member of the list: punctuation, and the words that open a clause or adjunct
_STOP_TEXT = frozenset(',.;:!?«»"“”()[]—–')
_STOP_WORDS = FR_TIME_WORDS | frozenset(
    {"et", "ou", "ni", "qui", "que", "qu'", "qu’", "dont", "où", "à", "au", "aux", "pour",
     "dans", "sur", "lors", "avec", "sans", "selon", "mais", "car", "contre", "après", "avant",
     "depuis", "pendant", "aussi", "également", "prochain", "prochaine", "dernière"}
)  # fmt: skip
#: time words that are adjectives before a noun (``son dernier adjoint``)
_BEFORE_NOUN = frozenset({"dernier", "dernière", "prochain", "prochaine"})
_DETERMINERS = frozenset(
    {"le", "la", "les", "l'", "l’", "son", "sa", "ses", "leur", "leurs", "ce", "cet", "cette",
     "ces", "plusieurs", "deux", "trois", "un", "une", "des", "du", "d'", "d’"}
)  # fmt: skip
#: how long a member may be: ``le chef de groupe François Desquesnes`` is six words
_MAX_MEMBER = 8
#: the words an inverted verb may have before its subject: ``ont indiqué à l'AFP``,
#: ``ont indiqué vendredi dernier``
_MAX_GAP = 6


@dataclass(frozen=True, slots=True)
class CoSource:
    """One more member of the speaker's list: its words and the named actor, if any."""

    start: int  # token indices, end exclusive
    end: int
    entity: Entity | None


def coordinated_sources(
    doc: Doc, owner: dict[int, Entity], first: tuple[int, int], cue: Token
) -> list[CoSource]:
    """The other members of the list the speaker's mention (tokens ``first``) belongs to, when
    ``cue`` is said by all of them; empty when the words do not make such a list."""
    if doc.lang_ != "fr":
        return []
    selon = cue.lower_ == "selon"
    if not selon and not plural_verb(cue):
        return []
    start, end = _member_around(doc, first)
    if start > 0 and doc[start - 1].pos_ in ("VERB", "AUX") and doc[start - 1].i != cue.i:
        return []  # ``la cour a relaxé X et ses avocats ont …``: the list is another verb's
    members = _members_after(doc, end) + _members_before(doc, start)
    if not members:
        return []
    lo = min([start, *(m[0] for m in members)])
    hi = max([end, *(m[1] for m in members)])
    if not _list_speaks(doc, lo, hi, cue, selon):
        return []
    out = []
    for a, b in members:
        source = _source(doc, owner, a, b)
        if source is None:
            return []  # a member that is no source: not a list of sources (``X et la loi``)
        out.append(source)
    return out


def plural_verb(verb: Token) -> bool:
    """The verb, or its auxiliary, is marked plural (``ont indiqué``, ``affirment``)."""
    words = [verb, *(c for c in verb.children if c.dep_.startswith("aux"))]
    return any(w.morph.get("Number", []) == ["Plur"] for w in words)


def _member_around(doc: Doc, first: tuple[int, int]) -> tuple[int, int]:
    """The mention widened to its member: a determiner and title before a name (``le député
    Julien Matagne``), up to a list separator or a stop."""
    start, end = first
    while start > 0 and first[1] - start < _MAX_MEMBER:
        prev = doc[start - 1]
        if prev.text in _STOP_TEXT or prev.lower_ in _STOP_WORDS or prev.pos_ in ("VERB", "AUX"):
            break
        if prev.pos_ == "ADP" and prev.lower_ not in ("de", "d'", "d’", "du", "des"):
            break
        start -= 1
    return start, _phrase_end(doc, start, end)


def _member_at(doc: Doc, i: int) -> tuple[int, int] | None:
    """The noun phrase starting at token ``i``: a determiner or a capital first, then words up to
    a stop or a verb (:func:`_phrase_end`)."""
    if i >= len(doc) or not (
        doc[i].lower_ in _DETERMINERS or doc[i].pos_ == "PROPN" or doc[i].text[:1].isupper()
    ):
        return None  # a name may be tagged a noun (``TF1 et M6``)
    j = _phrase_end(doc, i, i + 1)
    if j - i >= _MAX_MEMBER or not any(t.pos_ in ("NOUN", "PROPN") for t in doc[i:j]):
        return None
    return i, j


def _phrase_end(doc: Doc, i: int, j: int) -> int:
    """Where the noun phrase begun at token ``i`` ends, its words read from ``j`` on: at a stop,
    a verb (a participle after a noun is the phrase's: ``les préfectures concernées``), a
    pronoun or the determiner of a second phrase."""
    while j < len(doc) and j - i < _MAX_MEMBER:
        tok = doc[j]
        adjective = tok.lower_ in _BEFORE_NOUN and j + 1 < len(doc) and doc[j + 1].pos_ == "NOUN"
        if tok.text in _STOP_TEXT or tok.pos_ in ("AUX", "SCONJ"):
            break
        if tok.lower_ in _STOP_WORDS and not adjective:
            break
        if tok.is_space:
            break  # a line break: a headline's list ends with its line
        if tok.pos_ == "VERB" and "Part" not in tok.morph.get("VerbForm", []):
            break
        if tok.pos_ == "PRON":
            break
        if tok.lower_ in _DETERMINERS and doc[j - 1].pos_ in ("NOUN", "PROPN", "ADJ"):
            break  # a second phrase starts: ``Justin Trudeau ce matin``
        j += 1
    return j


def _members_after(doc: Doc, end: int) -> list[tuple[int, int]]:
    """``, B et C`` or ``et B`` right after the speaker's member; none unless an ``et`` ends it."""
    members: list[tuple[int, int]] = []
    i = end
    while i < len(doc) and doc[i].lower_ in (",", "et"):
        last = doc[i].lower_ == "et"
        member = _member_at(doc, i + 1)
        if member is None:
            return []
        members.append(member)
        i = member[1]
        if last:
            return members
    return []


def _members_before(doc: Doc, start: int) -> list[tuple[int, int]]:
    """``A et`` or ``A, B et`` right before the speaker's member."""
    if start == 0 or doc[start - 1].lower_ != "et":
        return []
    members: list[tuple[int, int]] = []
    i = start - 1  # the separator before the member found last
    while i > 0:
        j = i - 1
        while j > 0 and i - j < _MAX_MEMBER and not _ends_member(doc[j - 1]):
            j -= 1
        # the longest phrase from there that reaches the separator (``à l'AFP le syndicat et``)
        j = next((k for k in range(j, i) if _member_at(doc, k) == (k, i)), i)
        if j == i:
            return []
        member = (j, i)
        if j > 0 and doc[j - 1].pos_ == "ADP" and doc[j - 1].lower_ != "selon":
            # ``Pour X, A et B ont …``, ``a parlé avec X et les deux hommes ont …``: X is
            # the preposition's, not listed
            return members
        if j > 0 and doc[j - 1].pos_ in ("VERB", "AUX"):
            return members  # ``la cour a relaxé X et ses avocats ont …``: X is an object
        members.append(member)
        if j == 0 or doc[j - 1].text != ",":
            return members
        i = j - 1
    return members


def _ends_member(tok: Token) -> bool:
    return (
        tok.is_space
        or tok.text in _STOP_TEXT
        or tok.lower_ in _STOP_WORDS
        or tok.pos_ in ("VERB", "AUX", "SCONJ", "PRON")
        or bool(tok.is_sent_end)
    )


def _list_speaks(doc: Doc, lo: int, hi: int, cue: Token, selon: bool) -> bool:
    """The list is the cue's source: its subject right before the verb group, the words after
    an inverted verb or ``selon`` up to the end of the clause."""
    if hi <= cue.i:  # ``X et Y ont (bien) dit``: only the verb's group between
        between = doc[hi : cue.i]
        return all(t.pos_ in ("AUX", "ADV") or t.dep_.startswith("aux") for t in between)
    if lo <= cue.i:
        return False
    if lo - cue.i - 1 > _MAX_GAP or any(t.text in _STOP_TEXT for t in doc[cue.i + 1 : lo]):
        return False
    if selon and lo != cue.i + 1:
        return False
    after = doc[hi] if hi < len(doc) else None
    return (
        after is None
        or after.text in _STOP_TEXT
        or after.is_space  # the end of a headline's line
        or after.pos_ in ("ADP", "ADV")  # ``… et le préfet, aussi``
        or after.lower_ in FR_TIME_WORDS  # ``… et son adjoint lundi soir``
    )


def _source(doc: Doc, owner: dict[int, Entity], a: int, b: int) -> CoSource | None:
    """The member as a source: the named actor of its head or of the name right after its
    title (``le député Julien Matagne``), else a description that can name a speaker."""
    head = next((t for t in doc[a:b] if t.pos_ in ("NOUN", "PROPN")), None)
    if head is None:
        return None
    for tok in (head, doc[head.i + 1] if head.i + 1 < b else None):
        entity = owner.get(tok.i) if tok is not None else None
        if entity is not None:
            return CoSource(a, b, entity)
    if not can_name_speaker("fr", head):
        return None
    return CoSource(a, b, None)
