"""Problems fought or suffered, and the flags of the stance lexicon, for :mod:`stance` and events.

``combattre la précarité``, ``fought injustice and abuse``, ``lutter contre la corruption``,
``victime d'une escroquerie``: a negative word that is what someone fights or suffers judges no
one, unless the problem names an actor or has an owner (``dénoncer les mensonges de X``, ``sa
corruption``). Split from :mod:`allegiance.extract.stance`, which reads the same lexicon flags
(``feeling``, ``fight``) for the feelings of the speaker.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token

#: dependencies that end a negation's or a problem's scope (another clause begins)
SCOPE_BARRIERS = {"conj", "parataxis", "advcl", "acl", "acl:relcl", "relcl", "csubj", "appos"}
#: how a problem hangs on the word of fighting or suffering it: the object, or ``contre``/``de``
_PROBLEM_DEPS = {"obj", "dobj", "obl", "obl:arg", "nmod", "prep", "pobj", "conj"}
_PROBLEM_CASES = {
    "contre",
    "de",
    "d'",
    "du",
    "des",
    "à",
    "au",
    "aux",
    "against",
    "of",
    "from",
    "on",
    "with",
}


@cache
def flagged(lang: str) -> dict[str, frozenset[str]]:
    """Flag -> entries of the stance lexicon (third column): ``feeling``, ``fight``.

    Read here rather than in :mod:`allegiance.extract.lexicons`, whose ``Lexicon`` keeps only
    the ``attitude`` flag.
    """
    path = resources.files("allegiance.data") / "lexicons" / f"stance_{lang}.txt"
    out: dict[str, set[str]] = {}
    for raw in path.read_text("utf-8").splitlines():
        parts = raw.rstrip().split("\t")
        if raw.lstrip().startswith("#") or len(parts) < 3:
            continue
        entry = parts[0].strip().lower().replace("\u2019", "'")
        out.setdefault(parts[2].strip(), set()).add(entry)
    return {flag: frozenset(words) for flag, words in out.items()}


def case_word(tok: Token) -> str:
    """The preposition introducing ``tok``: its ``case`` child (French), or ``tok`` itself
    when it is one (English ``prep``)."""
    if tok.dep_ == "prep" or tok.pos_ == "ADP":
        return tok.lower_
    case = next((c for c in tok.children if c.dep_ == "case"), None)
    return case.lower_ if case is not None else ""


IsActor = Callable[["Token"], bool]


def _problem(tok: Token, fights: frozenset[str]) -> bool:
    """``tok`` is the object of a word of fighting or suffering, or its ``contre``/``de``
    complement."""
    if tok.head.i == tok.i or tok.dep_ not in _PROBLEM_DEPS:
        return False
    head = tok.head
    if not (head.lemma_.lower() in fights or head.lower_ in fights):
        return False
    return tok.dep_ in {"obj", "dobj"} or case_word(tok) in _PROBLEM_CASES


def _owned(tok: Token) -> bool:
    """``ses mensonges``, ``his lies``: the problem belongs to someone."""
    node = next((c for c in tok.children if c.dep_ == "pobj"), tok)
    return node.pos_ == "PRON" or any(
        c.dep_ in {"det:poss", "poss"} or (c.dep_ == "det" and "Yes" in c.morph.get("Poss", []))
        for c in node.children
    )


def fought(tok: Token, lang: str, is_actor: IsActor) -> bool:
    """Whether ``tok`` lies in a problem fought or suffered that names no actor: ``la
    précarité`` of ``combattre la précarité``, ``abuse`` of ``fought injustice and abuse``,
    ``corruption`` of ``lutter contre la corruption``. ``is_actor(node)`` says whether the
    complement headed by ``node`` names an actor (``dénoncer les mensonges de X``)."""
    fights = flagged(lang).get("fight", frozenset())
    node = tok
    for _ in range(6):
        if node.head.i == node.i or node.dep_ in SCOPE_BARRIERS - {"conj"}:
            return False
        if _problem(node, fights):
            return not (_owned(node) or is_actor(node))
        node = node.head
    return False


def fights_a_problem(tok: Token, lang: str, is_actor: IsActor) -> bool:
    """``dénoncer la corruption``: a fight word whose complements are problems, no actor."""
    fights = flagged(lang).get("fight", frozenset())
    if not (tok.lemma_.lower() in fights or tok.lower_ in fights):
        return False
    problems = [c for c in tok.children if _problem(c, fights)]
    return bool(problems) and not any(_owned(c) or is_actor(c) for c in problems)
