"""Character normalisation for the NLP that never moves an offset.

spaCy's tokenizers and lemmatizers know the ASCII apostrophe better than ``’`` and split on plain
spaces, not on U+00A0/U+202F. Every replacement here is one character for one character, so the
normalised text has the same length as the clean body and every offset computed on the spaCy
``Doc`` is an offset into the body. Quotation marks keep their direction (« » “ ” are all kept as
typographic pairs, only rare variants are folded onto them) because the quote finder needs to know
an opening mark from a closing one. A single line break inside a sentence, as scraping leaves
them, becomes a space, so that the parser reads the sentence whole (``"On a tenu",\na déclaré X``).
"""

from __future__ import annotations

import re

_BREAKS = re.compile(r"\n+")

_TABLE = str.maketrans(
    {
        "\u2019": "'",  # right single quotation mark, the typographic apostrophe
        "\u2018": "'",  # left single quotation mark
        "\u02bc": "'",  # modifier letter apostrophe
        "\u2032": "'",  # prime, used as an apostrophe by some CMSs
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space (French typography before ; : ! ? »)
        "\u2007": " ",  # figure space
        "\u2009": " ",  # thin space
        "\u200a": " ",  # hair space
        "\u2002": " ",
        "\u2003": " ",
        "\u201e": "\u201c",  # low double quotation mark -> opening “
        "\u201f": "\u201c",
        "\u2033": '"',  # double prime
        "\u2011": "-",  # non-breaking hyphen
        "\u2010": "-",
        "\u2013": "-",  # en dash: spaCy treats both as punctuation
        "\u2014": "-",
    }
)


def broken_line(text: str, start: int, end: int) -> bool:
    """Whether the line break ``text[start:end]`` is a single break inside a sentence, as scraping
    leaves them: a lower-case word or a comma before it and a lower-case word after it (``ont
    réussi à monter\ndans un ferry``); a comma or a semicolon opening the next line (``« … »\n,
    a lancé X``); or, after any other line, a next line opening on the words that attach a
    source or a clause to it (``« … »\nconfie X``, ``« … »\nselon X``, ``(LR)\nqui a dénoncé``);
    or, after a lower-case word or a comma, a next line opening on a quotation mark and a
    lower-case word (``était\n"prévu pour toute la nuit"``).
    A closing mark before another lower-case line is a list item or a new sentence (``« … »\nla
    députée a regretté``)."""
    if end - start != 1:
        return False
    before = text[max(0, start - 8) : start].rstrip(" ")[-1:]
    after = text[end : end + 1]
    if not before:
        return False
    if after in {",", ";"} or ((before.islower() or before == ",") and after.islower()):
        return True
    if (
        (before.islower() or before == ",")
        and after in _OPENING
        and _LOWER_AFTER_MARK.match(text, end + 1)
    ):
        return True  # ``a assuré que le blocage était\n"prévu pour toute la nuit"``
    if before in {".", "!", "?", "…", ":"} or not after.islower():
        return False
    word = _FIRST_WORD.match(text, end)
    return word is not None and word.group().lower().replace("’", "'") in _ATTACHING


#: opening quotation marks (a straight one opens when a lower-case word follows it)
_OPENING = frozenset({"«", "“", '"', "‘"})
_LOWER_AFTER_MARK = re.compile(r"[ \u00a0\u202f]?[a-zà-ÿœæ]")
_FIRST_WORD = re.compile(r"[^\W\d_]+(?:['’](?:après)?)?")
#: the first words of a line that attach it to the one before: a source (``selon``,
#: ``d'après``), an incise's speech verb, a relative or a complement clause
_ATTACHING = frozenset(
    {"selon", "d'après", "qui", "que", "qu'", "dont", "a", "ont", "avait", "avaient", "s'", "se",
     # the speech verbs of incises, singular and plural
     "confie", "confient", "explique", "expliquent", "affirme", "affirment", "déclare",
     "déclarent", "ajoute", "ajoutent", "estime", "estiment", "souligne", "soulignent",
     "assure", "assurent", "précise", "précisent", "indique", "indiquent", "lance", "lancent",
     "raconte", "racontent", "témoigne", "témoignent", "poursuit", "poursuivent", "dit",
     "disent", "insiste", "insistent", "prévient", "préviennent", "rappelle", "rappellent",
     "regrette", "regrettent", "dénonce", "dénoncent", "reconnaît", "reconnaissent", "admet",
     "admettent", "observe", "observent", "note", "notent", "résume", "résument", "conclut",
     "concluent", "commente", "commentent", "martèle", "martèlent", "glisse", "glissent",
     "soupire", "soupirent", "répond", "répondent", "réagit", "réagissent", "déplore",
     "déplorent", "tacle", "taclent", "fustige", "fustigent", "juge", "jugent", "salue",
     "saluent", "critique", "critiquent", "avertit", "avertissent", "ironise", "ironisent"}
)  # fmt: skip


def _join_broken_lines(text: str) -> str:
    if "\n" not in text:
        return text
    return _BREAKS.sub(lambda m: " " if broken_line(text, m.start(), m.end()) else m.group(), text)


def normalize_for_nlp(text: str) -> str:
    """Same-length normalisation of ``text`` for the NLP models."""
    out = _join_broken_lines(text.translate(_TABLE))
    assert len(out) == len(text)  # the contract every offset relies on
    return out
