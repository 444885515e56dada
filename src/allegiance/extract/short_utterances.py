"""Short utterances in marks: when one word or a short sentence in quotation marks is said,
not a label or a name, because an incise or a cue and a colon frame it as a whole sentence
(``« Jamais », a-t-il ajouté.``, ``X a déclaré : « Jamais ».``). Split from
:mod:`allegiance.extract.scare_quotes`, which asks here.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from allegiance.extract.attribution import frame, tokens_between
from allegiance.extract.fragment_cues import NEGATION, valid_cue

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.attribution import Attribution
    from allegiance.extract.quote_context import QuoteContext


#: an incise right after a quote: ``», a-t-il ajouté``, ``», répond la ministre``
_INCISE = re.compile(r"\s*,\s*(?:[\w'-]+\s*){1,4}[,.!?]?", re.UNICODE)


def whole_sentence(
    ctx: QuoteContext, open_at: int, close_at: int, attribution: Attribution
) -> bool:
    """The marks open the sentence and an incise with a cue closes it: a one-word utterance
    (``« Jamais », a-t-il ajouté.``, ``« Jamais », a déclaré la présidente de la région,
    Claire Fontaine.``), not a name."""
    f_start, f_end = frame(ctx, open_at, close_at)
    cue = attribution.cue
    if cue is not None and f_start <= cue.idx < open_at:
        # ``X a déclaré : « Jamais ».``: a cue and a colon introduce it, and it ends the sentence
        lead = ctx.text[cue.idx + len(cue.text) : open_at]
        return lead.strip() == ":" and ctx.text[close_at + 1 : f_end].strip() in {"", "."}
    if ctx.text[f_start:open_at].strip():
        return False
    after = ctx.text[close_at + 1 : f_end]
    if _INCISE.fullmatch(after.rstrip()) is not None:
        return True
    if cue is None:
        return False
    # a longer incise: its speech verb (or ``selon``) right after the comma, and nothing after
    # it but the speaker's phrase (``« Horizons », selon son fondateur, compte …``: a name)
    return (
        (cue.pos_ == "VERB" or cue.lower_ == "selon")
        and close_at < cue.idx < f_end
        and INCISE_HEAD.fullmatch(ctx.text[close_at + 1 : cue.idx]) is not None
        and not _clause_after_incise(ctx, cue, f_end)
    )


def _clause_after_incise(ctx: QuoteContext, cue: Token, f_end: int) -> bool:
    """A finite verb after the incise's cue, before any ``que`` or quotation mark: the marked
    words were the subject of a clause that goes on (``« Horizons », selon son fondateur,
    compte …``), not an utterance the incise closes (``…, a lancé X, ajoutant que …``)."""
    after_comma = False
    for tok in tokens_between(ctx, cue.idx + len(cue.text), f_end):
        if tok.idx <= cue.idx:
            continue
        if tok.lower_ in {"que", "qu'", "qu’"} or tok.text in {"«", "“", '"'}:
            return False
        if "Fin" in tok.morph.get("VerbForm", []):
            return True
        # a lower-case word after a comma that is no participle (``interrogé par l'AFP``):
        # the predicate the parser did not read as a verb (``…, compte désormais …``)
        if (
            after_comma
            and tok.is_lower
            and tok.is_alpha
            and tok.pos_ not in {"ADP", "ADV"}
            and not {"Part", "Ger"} & set(tok.morph.get("VerbForm", []))
        ):
            return True
        after_comma = tok.text == ","
    return False


#: from the closing mark to an incise's verb: ``», a``, ``», a-t-il``, ``», ont aussitôt``
INCISE_HEAD = re.compile(r"\s*,\s*(?:[\w'-]+\s*){0,2}")


#: between the comma after the closing mark and the incise's verb: an auxiliary, its inverted
#: clitic, an adverb (``», a-t-il ajouté``, ``», a ensuite lancé``, ``», somme``)
_INCISE_LEAD = frozenset({"AUX", "ADV", "PRON"})
#: a personal subject inverted after the incise's auxiliary (``», a-t-elle ajouté``)
_INVERTED_PERSONS = frozenset({"-il", "-elle", "-ils", "-elles"})


def uttered_before_incise(
    ctx: QuoteContext, open_at: int, close_at: int, attribution: Attribution
) -> bool:
    """``« Inacceptable », a commenté de son côté la députée Claire Fontaine, sur Twitter.``: a
    word or two quoted alone at the head of the sentence, then a comma and the verb of an incise
    whose subject follows, is a whole utterance however long the incise runs; the incise's
    verb is a speech act of a named speaker, so the word is said, not a label."""
    cue = attribution.cue
    speaker = attribution.speaker
    if cue is None or cue.pos_ != "VERB" or not valid_cue(cue):
        return False
    if cue.idx <= close_at or any(c.lower_ in NEGATION for c in cue.children):
        return False
    f_start, f_end = frame(ctx, open_at, close_at)
    if ctx.text[f_start:open_at].strip() or cue.idx >= f_end:
        return False
    if speaker is not None and speaker.mention is not None and speaker.mention.start <= close_at:
        return False
    lead = [t for t in tokens_between(ctx, close_at + 1, cue.idx) if not t.is_space]
    if not lead or lead[0].text != ",":
        return False
    if speaker is None and not any(t.lower_ in _INVERTED_PERSONS for t in lead):
        # no subject found, and none inverted in the incise itself (``», a-t-il ensuite
        # publié …`` has one even where the resolver lost it)
        return False
    # the euphonic ``-t-`` of ``a-t-il`` is a token of its own but no word: ``», a-t-il
    # ensuite publié`` leads with as many words as ``», a ensuite publié le ministre``
    words = [t for t in lead[1:] if t.lower_ not in {"-t", "-t-"}]
    return len(words) <= 3 and all(t.pos_ in _INCISE_LEAD for t in words)
