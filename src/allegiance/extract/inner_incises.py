"""An incise set inside the quotation marks: ``« Je fais le vœu, termine l'avocat, qu'après …
»``, ``« Nous ferons tout, assure le maire, pour … »``. French writes the attribution between
commas within the quote; the marks then hold no one's words but the speaker's, so the words
after the marks cannot name the speaker."""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.cue_speakers import is_cue
from allegiance.extract.frames import lemma_guesses, tokens_between
from allegiance.extract.speaker_words import DEFINITE, FR_POSSESSIVES

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.quote_context import QuoteContext
    from allegiance.models import Speaker

#: how many words an inverted subject of an inner incise may run over
_SUBJECT_REACH = 6


def inner_incise(ctx: QuoteContext, open_at: int, close_at: int) -> tuple[Token, Speaker] | None:
    """The cue and speaker of an incise between commas inside the marks: a comma, a speech
    verb, its inverted subject (a determiner or possessive and a noun, a name, ``Me X``, or
    ``-t-il``), a comma. French only."""
    if ctx.lang != "fr":
        return None
    toks = [t for t in tokens_between(ctx, open_at + 1, close_at) if t.idx < close_at]
    for k, tok in enumerate(toks[:-2]):
        if k == 0 or toks[k - 1].text != "," or not _saying(ctx, tok):
            continue
        rest = toks[k + 1 : k + 1 + _SUBJECT_REACH + 1]
        comma = next((j for j, t in enumerate(rest) if t.text == ","), None)
        if comma is None or comma == 0:
            continue
        subject = _inverted_subject(rest[:comma])
        if subject is None:
            continue
        speaker = ctx.speaker_from_tokens(subject, (0, 0))
        if speaker is not None:
            return tok, speaker
    return None


#: endings of the past participles of :data:`_INCISE_VERBS` (``terminé``, ``conclu``, ``souri``)
_VOWEL_PARTICIPLES = ("é", "ée", "és", "ées", "u", "ue", "us", "ues", "i", "ie", "is", "ies")
#: verbs French writes as incises without being speech verbs of the lexicon (``, termine
#: l'avocat,``, ``, sourit-elle,``)
_INCISE_VERBS = frozenset(
    {"terminer", "conclure", "sourire", "soupirer", "poursuivre", "reprendre", "enchaîner",
     "continuer", "glisser", "tonner", "ironiser", "agacer", "emporter", "plaisanter", "rire",
     "souffler", "résumer", "nuancer", "tempérer", "corriger", "rectifier", "détailler"}
)  # fmt: skip


def _saying(ctx: QuoteContext, tok: Token) -> bool:
    """A speech verb, or a verb French writes as an incise: with an inverted subject between
    commas inside a quote, the attribution. Not a first or second person (``, disons les
    plus anciens,``); not any verb (``Tous les deux ans, change le ministre, et …`` inverts
    after a time phrase), nor a past participle (``, adoptée la semaine dernière,``)."""
    if tok.morph.get("Person", []) in (["1"], ["2"]) or not tok.is_lower:
        return False
    if is_cue(ctx, tok):
        return True
    guesses = {tok.lemma_.lower(), *lemma_guesses(tok.lower_)}
    # their participles end in a vowel (``terminé``, ``conclu``, ``souri``); ``sourit``,
    # ``poursuit``, ``conclut`` are conjugated
    return bool(guesses & _INCISE_VERBS) and not tok.lower_.endswith(_VOWEL_PARTICIPLES)


def _inverted_subject(words: list[Token]) -> Token | None:
    """The head of the words between the verb and the comma when they form a subject."""
    first = words[0]
    if first.text.startswith("-") and len(first) > 1:  # ``, assure-t-il,``
        return words[-1]
    if first.lower_ in DEFINITE["fr"] | FR_POSSESSIVES:
        return next((t for t in words[1:] if t.pos_ in {"NOUN", "PROPN"}), None)
    if all(t.text[:1].isupper() for t in words):  # ``Me Dupuis``, ``Jean Roux``
        return words[-1]
    return None
