"""Which noun phrases can name a source: split from :mod:`allegiance.extract.quote_context`.

:func:`can_name_speaker` tells a person or a body (``le porte-parole``, ``la jeune femme``, ``le
ministère``, ``les enquêteurs``) from a thing (``les données``); :func:`fronted_source` finds the
source a sentence opens on (``Pour l'économiste X, …``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.lexicons import first_names, speaker_nouns
from allegiance.extract.speaker_words import (
    AGENT_SUFFIXES,
    NOT_AGENTS,
    ORG_NOUNS,
    source_preposition,
)

if TYPE_CHECKING:
    from spacy.tokens import Token


def can_name_speaker(lang: str, head: Token) -> bool:
    """Whether a noun phrase headed by ``head`` can name a speaker: a name, a person or a
    body (``le porte-parole``, ``la jeune femme``, ``le ministère``), not a thing (``les
    données``, ``la part des établissements``). Languages without a noun list accept all."""
    nouns = speaker_nouns(lang)
    if not nouns:
        return True
    doc = head.doc
    if (
        head.lower_ in first_names()
        and head.i + 1 < len(doc)
        and doc[head.i + 1].text[:1].isupper()
    ):  # ``Céline Dupont`` tagged as a noun: a given name before a capitalised word
        return True
    if head.pos_ == "PROPN":
        alone = not (
            (head.i > 0 and doc[head.i - 1].pos_ == "PROPN")
            or (head.i + 1 < len(doc) and doc[head.i + 1].pos_ == "PROPN")
        )
        # a lone capitalised word opening a sentence (``Paradoxal ?``) is typography
        return not (alone and (head.is_sent_start or head.i == 0))
    # ``l'ex-leader``, ``l'ex-épouse``: a former holder of a role is still a person
    lemma = head.lemma_.lower().removeprefix("ex-")
    low = head.lower_.removeprefix("ex-")
    if lemma in nouns or low in nouns or lemma in ORG_NOUNS[lang]:
        return True
    if head.pos_ != "NOUN":
        return False
    # the plural (``les enquêteurs``, ``les organisateurs``) ends in ``s``: the lemma carries
    # the agent suffix
    agent = low.endswith(AGENT_SUFFIXES) or lemma.endswith(AGENT_SUFFIXES)
    return agent and lemma not in NOT_AGENTS and low not in NOT_AGENTS


def fronted_source(name: Token) -> bool:
    """``Pour l'économiste X, la réforme …``: a person named as the source the sentence opens
    on (over a determiner and role words) takes the floor like a subject does. Read from the
    words, as the parser often runs a sentence on from a quote or a paragraph before."""
    doc = name.doc
    k = name.i - 1
    while k >= 0 and doc[k].pos_ in {"DET", "NOUN", "ADJ", "PROPN"}:
        k -= 1
    if k < 0:
        return False
    opening = source_preposition(doc, k)
    if opening is None:
        return False
    k = opening
    before = doc[k - 1] if k > 0 else None
    return (
        before is None
        or doc[k].is_sent_start
        or before.is_space
        or before.text in {".", "!", "?", "»", "”", ":"}
    )
