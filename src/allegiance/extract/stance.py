"""What a quote is about and for or against whom: a transparent lexicon scorer.

Targets are the entities named inside the quote (any mention, first names included), the
antecedents of third-person pronouns inside it (never the speaker), the addressee of a rebuke
(``vous``/``you`` -> the latest other actor named before the quote), and the object of a hostile
or naming cue (``accuser X``, ``qualifier X de``, ``about X``/``à propos de X``).

Stance sums the evaluative words of the lexicon over the clauses that mention the target (or the
whole quote), with:

* negation (``ne … pas``, ``jamais``, ``not``, ``never``) flipping the words of its clause, and
  ``pas toujours``/``not always`` neutralising them;
* hedges (``il se peut que``, ``peut-être``, ``might``, the conditional) zeroing their clause;
* ``mais``/``but``: the clause after it counts double (it carries the speaker's point);
* attitude verbs (``détester``, ``hate``) counting only when their subject is the speaker
  (``je``, ``I``): ``il déteste X`` reports someone else's stance.

The cue's own polarity (``accuser``, ``dénoncer``, ``praise``) is added for the cue's object.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from allegiance.extract.attribution import NAMING
from allegiance.extract.quote_context import FIRST_PERSON, SECOND_PERSON, QuoteContext
from allegiance.models import Quote, Target

if TYPE_CHECKING:
    from spacy.tokens import Token

NEGATORS = {
    "fr": {"pas", "jamais", "plus", "aucun", "aucune", "rien", "ni", "guère", "sans"},
    "en": {"not", "n't", "never", "no", "nothing", "neither", "nor", "without"},
}
NEUTRALISING = re.compile(r"\b(pas toujours|pas vraiment|not always|not really|not entirely)\b")
HEDGES = re.compile(
    r"\b(il se peut|peut-être|peut être|sans doute|probablement|il semble|semble|"
    r"might|may be|maybe|perhaps|possibly|could be|seems?)\b",
    re.IGNORECASE,
)
CONTRAST = {"fr": {"mais", "cependant", "pourtant", "toutefois"}, "en": {"but", "however", "yet"}}
_NO_MARKS = str.maketrans("", "", '«»“”"')
_CLAUSE_BREAK = {",", ";", ":", "(", ")", ".", "!", "?", "-"}


def _clauses(tokens: list[Token], lang: str) -> list[list[Token]]:
    """Split at punctuation and contrast words: the scope of a negation or a hedge."""
    out: list[list[Token]] = [[]]
    for tok in tokens:
        if tok.text in _CLAUSE_BREAK or tok.lower_ in CONTRAST[lang]:
            if out[-1]:
                out.append([])
            if tok.lower_ in CONTRAST[lang]:
                out[-1].append(tok)
            continue
        out[-1].append(tok)
    return [c for c in out if c]


def _word_polarity(ctx: QuoteContext, tok: Token, speaker_is_subject: bool) -> int:
    lemma = tok.lemma_.lower()
    low = tok.lower_
    for key in (lemma, low):
        if key in ctx.stance.words:
            if key in ctx.stance.attitude and (tok.pos_ != "VERB" or not speaker_is_subject):
                return 0
            return ctx.stance.words[key]
    return 0


def _first_person_subject(ctx: QuoteContext, tok: Token) -> bool:
    return any(
        c.dep_.startswith("nsubj") and c.lower_ in FIRST_PERSON[ctx.lang] for c in tok.children
    )


def clause_score(ctx: QuoteContext, clause: list[Token]) -> float:
    """Signed score of one clause: lexicon hits, negation, hedges."""
    text = ctx.text[clause[0].idx : clause[-1].idx + len(clause[-1].text)].lower()
    score = 0.0
    for phrase, pol in ctx.stance.phrases.items():
        if phrase in text:
            score += pol
    for tok in clause:
        score += _word_polarity(ctx, tok, _first_person_subject(ctx, tok))
    if score == 0:
        return 0.0
    if NEUTRALISING.search(text):
        return 0.0
    negators = NEGATORS[ctx.lang]
    has_ne = any(t.lower_ in {"ne", "n'", "n"} for t in clause)
    if any(
        t.lower_ in negators and (t.lower_ not in {"plus", "rien", "aucun"} or has_ne)
        for t in clause
    ):
        score = -score
    weight = 2.0 if clause[0].lower_ in CONTRAST[ctx.lang] else 1.0
    return score * weight


def _hedged(ctx: QuoteContext, clause: list[Token]) -> bool:
    text = ctx.text[clause[0].idx : clause[-1].idx + len(clause[-1].text)].lower()
    return bool(HEDGES.search(text)) or any(t.morph.get("Mood", []) == ["Cnd"] for t in clause)


def polarity(ctx: QuoteContext, tokens: list[Token]) -> int:
    """A hedge (or the conditional) zeroes its clause and what follows, up to ``mais``/``but``
    or the end of the sentence."""
    total = 0.0
    hedged = False
    for clause in _clauses(tokens, ctx.lang):
        if clause[0].lower_ in CONTRAST[ctx.lang]:
            hedged = False
        hedged = hedged or _hedged(ctx, clause)
        if not hedged:
            total += clause_score(ctx, clause)
        if clause[-1].i + 1 < len(ctx.doc) and ctx.doc[clause[-1].i + 1].text in {".", "!", "?"}:
            hedged = False
    return 1 if total > 0 else -1 if total < 0 else 0


def targets(ctx: QuoteContext, quote: Quote, cue: Token | None) -> list[Target]:
    """The entities ``quote`` is about, each with the speaker's stance toward it."""
    speaker_id = quote.speaker.entity if quote.speaker else None
    span = ctx.doc.char_span(quote.start, quote.end, alignment_mode="expand")
    tokens = list(span) if span is not None else []
    whole = polarity(ctx, tokens)
    found: dict[str, int] = {}

    def add(entity_id: str, stance: int) -> None:
        if entity_id == speaker_id:
            return
        if entity_id not in found or (found[entity_id] == 0 and stance != 0):
            found[entity_id] = stance

    sentences: dict[int, int] = {}
    for ref in ctx.mentions_in(quote.start, quote.end):
        sent = ctx.doc.char_span(ref.start, ref.end, alignment_mode="expand")
        if sent is None:
            continue
        s = sent[0].sent
        key = s.start
        if key not in sentences:
            inner = [t for t in s if quote.start <= t.idx < quote.end]
            sentences[key] = polarity(ctx, inner)
        add(ref.entity.id, sentences[key] if sentences[key] != 0 else 0)
    exclude = {speaker_id} if speaker_id else set()
    if cue is not None:
        _cue_targets(ctx, quote, cue, whole, add)
    _possessive_target(ctx, quote, exclude, whole, add)
    _named_object_target(ctx, quote, exclude, whole, add)
    named_inside = bool(found)
    for tok in [] if named_inside else tokens:
        low = tok.lower_
        if low in {"lui", "him", "il", "he", "elle", "she", "her"} and tok.dep_ != "expl":
            if (
                low in {"il"}
                and tok.head.lemma_ in {"falloir", "sembler", "être"}
                and any(c.dep_ in {"csubj", "xcomp"} for c in tok.head.children)
            ):
                continue  # impersonal ``il faut``, ``il serait … de``
            entity = ctx.resolve_pronoun(quote.start, exclude=exclude, speakers=False)
            if entity is not None:
                add(entity.id, whole)
                break
    if any(t.lower_ in SECOND_PERSON[ctx.lang] for t in tokens):
        before = [r for r in ctx.mentions_before(quote.start, 600) if r.entity.id not in exclude]
        if before:
            add(before[0].entity.id, whole)
    return [Target(e, s) for e, s in found.items()]


def _possessive_target(ctx: QuoteContext, quote: Quote, exclude: set[str], whole: int, add) -> None:  # type: ignore[no-untyped-def]
    """``critiquant son « racisme »``: the owner of the quoted words is a target."""
    # the opening mark is its own word (``son « racisme``): drop the marks before splitting
    lead = ctx.text[max(0, quote.start - 12) : quote.start].lower()
    before = lead.translate(_NO_MARKS).split()
    if before and before[-1] in {
        "son",
        "sa",
        "ses",
        "his",
        "her",
        "their",
        "leur",
        "leurs",
    }:
        entity = ctx.resolve_pronoun(quote.start, exclude=exclude, speakers=False)
        if entity is not None:
            add(entity.id, whole)


def _named_object_target(
    ctx: QuoteContext, quote: Quote, exclude: set[str], whole: int, add
) -> None:  # type: ignore[no-untyped-def]
    """``qualifiant X de « … »``, ``traitant X de « … »``: X, the object of a naming verb right
    before the quoted words, is what they are about (whichever cue the quote was given)."""
    tok = ctx._token_at(quote.start)
    if tok is None:
        return
    doc = ctx.doc
    k = tok.i - 1
    while k >= 0 and doc[k].text in {"«", "“", '"', "'"}:
        k -= 1
    if k < 1 or doc[k].lower_ not in {"de", "d'", "as"}:
        return
    obj = doc[k - 1]
    while obj.dep_ in {"flat", "flat:name", "compound"} and obj.head.i < obj.i:
        obj = obj.head  # ``Paul Durand``: the name's head carries the object link
    if obj.dep_ not in {"obj", "dobj"} or obj.head.lemma_.lower() not in NAMING[ctx.lang]:
        return
    ref = ctx.mention_at(obj.idx, obj.idx + len(obj.text))
    if ref is not None and ref.entity.id not in exclude:
        add(ref.entity.id, whole)


def _cue_targets(ctx: QuoteContext, quote: Quote, cue: Token, whole: int, add) -> None:  # type: ignore[no-untyped-def]
    """The object of ``accuser``/``qualifier``/``call`` and ``à propos de``/``about`` X."""
    cue_pol = ctx.cues.words.get(cue.lemma_.lower(), 0)
    stance = whole if whole != 0 else cue_pol
    doc = ctx.doc
    sent = cue.sent
    for child in sent:
        if quote.start <= child.idx < quote.end:
            continue
        prev = doc[child.i - 1].lower_ if child.i > 0 else ""
        prev2 = doc[child.i - 2].lower_ if child.i > 1 else ""
        is_object = child.head.i == cue.i and child.dep_ in {"obj", "dobj"} and cue_pol != 0
        is_about = prev in {"about", "against", "contre"} or (
            prev in {"de", "d'", "du"} and prev2 == "propos"
        )
        if is_object or is_about:
            ref = ctx.mention_at(child.idx, child.idx + len(child.text))
            if ref is not None and not (quote.start <= ref.start < quote.end):
                add(ref.entity.id, stance)
    if cue_pol != 0 or cue.lemma_.lower() in NAMING[ctx.lang]:
        for tok in doc[cue.i + 1 : cue.i + 5]:
            if quote.start <= tok.idx < quote.end or tok.text in {"«", "“", '"'}:
                break
            ref = ctx.mention_at(tok.idx, tok.idx + len(tok.text))
            if ref is not None:
                add(ref.entity.id, stance)
                break
    # a cleft or relative object (``c'est Altman que Trump a qualifié de``)
    if cue.lemma_.lower() in {"qualifier", "traiter", "call", "accuser", "accuse"}:
        for ref in ctx.mentions_in(sent.start_char, cue.idx):
            if ref.entity.type == "person" and ref.entity.id != (
                quote.speaker.entity if quote.speaker else None
            ):
                add(ref.entity.id, stance)
