"""Tokenizer adjustments for news copy: a civil title glued to a name (``M.Hazard``) and the
asterisk of a changed first name (``Sarah*.``) are cut off, so the name is a word the NER and
the resolver know. Split from :mod:`allegiance.nlp.components`."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language


def adapt_tokenizer(nlp: Language) -> None:
    """The adjustments below, once per pipeline."""
    split_glued_titles(nlp)
    split_name_asterisks(nlp)
    split_glued_quote_marks(nlp)
    keep_hyphenated_nouns(nlp)


#: a civil title or honorific glued to the name after it by its dot, as hurried copy writes it
#: ("M.Hazard", "Mme.Durand", "Dr.House"): the title is a token of its own, so the name is one
_GLUED_TITLE = r"(?:M|Mme|Mmes|Mlle|Me|Mgr|Pr|Dr|Mr|Mrs|Ms)\.(?=[A-ZÀ-Ý])"


def split_glued_titles(nlp: Language) -> None:
    """Make the tokenizer cut a civil title glued to a name ("M.Hazard" -> "M." "Hazard"),
    which it otherwise keeps as one word that neither the NER nor the resolver can read as
    the surname that joins "Samuel Hazard". A prefix rule, so only a word's start is cut."""
    _add_rule(nlp, "prefix_search", f"^{_GLUED_TITLE}")


#: the asterisk after a changed first name (``Sarah*``, ``*le prénom a été modifié``), and a
#: full stop after it: suffixes of their own, so the name is a word the NER and resolver know
_NAME_ASTERISK = r"(?<=[^\W\d_])\*$|(?<=\*)\.$"


def split_name_asterisks(nlp: Language) -> None:
    """Make the tokenizer cut the asterisk off a changed first name (``Sarah*.`` -> ``Sarah``
    ``*`` ``.``), which it otherwise keeps as one word: a second, unknown "person"."""
    _add_rule(nlp, "suffix_search", _NAME_ASTERISK)


#: a quotation mark between two letters, with no space on either side: the copy glued the
#: closing mark to the next word or the opening one to the word before (``taux"selon``,
#: ``dit«non``); no language writes a quotation mark inside a word (apostrophes are not here)
_GLUED_QUOTE_MARK = r"(?<=[^\W\d_])[\"«»“”„](?=[^\W\d_])"


def split_glued_quote_marks(nlp: Language) -> None:
    """Make the tokenizer cut a quotation mark glued between two words (``cannabis"selon la
    procureure`` -> ``cannabis`` ``"`` ``selon``), which it otherwise keeps as one word that
    hides the attribution after the quote. An infix rule."""
    _add_rule(nlp, "infix_finditer", _GLUED_QUOTE_MARK)


def _add_rule(nlp: Language, attr: str, rule: str) -> None:
    """Put ``rule`` first in the tokenizer's ``prefix_search``/``suffix_search`` regex (or its
    ``infix_finditer``); nothing for a custom tokenizer (no compiled pattern) or one that has the
    rule already."""
    tokenizer = nlp.tokenizer
    pattern = getattr(getattr(getattr(tokenizer, attr, None), "__self__", None), "pattern", None)
    if not isinstance(pattern, str) or rule in pattern:
        return
    compiled = re.compile(f"{rule}|{pattern}")
    setattr(tokenizer, attr, compiled.finditer if attr == "infix_finditer" else compiled.search)


#: hyphenated nouns the French tokenizer cuts into three words (``start`` ``-`` ``up``), which
#: the tagger then reads as a name: the firm's noun of business news (``selon la start-up``)
_HYPHENATED_NOUNS = ("start-up", "start-ups")


def keep_hyphenated_nouns(nlp: Language) -> None:
    """Keep each of :data:`_HYPHENATED_NOUNS` one word, as written or capitalised, and a
    feminine noun (the tagger, which never saw the word whole, reads it as a name)."""
    add_special_case = getattr(nlp.tokenizer, "add_special_case", None)
    if add_special_case is None:
        return  # a custom tokenizer: left as it is
    for word in _HYPHENATED_NOUNS:
        for form in (word, word.capitalize()):
            add_special_case(form, [{"ORTH": form}])
    if "attribute_ruler" not in nlp.pipe_names:
        return
    ruler = nlp.get_pipe("attribute_ruler")
    for word in _HYPHENATED_NOUNS:
        number = "Plur" if word.endswith("s") else "Sing"
        ruler.add(  # type: ignore[attr-defined]
            [[{"LOWER": word}]],
            {"POS": "NOUN", "MORPH": f"Gender=Fem|Number={number}", "LEMMA": "start-up"},
        )
