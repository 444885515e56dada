"""What a quote is about and for or against whom: a transparent lexicon scorer.

Targets are the entities named inside the quote (any mention, first names included), the
antecedents of third-person pronouns and possessives inside it (never the speaker), an actor
coordinated with the speaker (``le président X et moi``), the addressee of ``vous``/``you`` or of
a reply (the previous speaker), and what :mod:`allegiance.extract.stance_targets` finds outside
the marks (the object of a hostile or naming cue, the subject a fragment is predicated of, the
targets of the same speaker's previous quote when this one names no one).

Stance sums the evaluative words of the lexicon over the sentence that names the target (over
the whole quote when that sentence holds no evaluative word), with:

* negation (``ne … pas``, ``jamais``, ``not``, ``never``) flipping the words in its syntactic
  scope (the word it modifies and what hangs on it, not a coordinated or relative clause), and
  ``pas toujours``/``not always`` neutralising the clause; a lexicon phrase that holds its own
  negation (``ne tient pas``) is not flipped again, and a phrase's words do not count twice
  (``non merci`` is a refusal, not a thanks);
* hedges (``il se peut que``, ``peut-être``, ``pour que``, ``might``, the conditional) zeroing
  their clause;
* ``mais``/``but``: the clause after it counts double (it carries the speaker's point);
* attitude verbs (``détester``, ``hate``) counting only when their subject is the speaker
  (``je``, ``I``): ``il déteste X`` reports someone else's stance;
* report cues (``rapporter``, ``révéler``, ``report``): a report states facts, stance 0.

The cue's own polarity (``accuser``, ``dénoncer``, ``praise``) is added for the cue's object.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from allegiance.extract import stance_targets as outside
from allegiance.extract.quote_context import FIRST_PERSON, SECOND_PERSON, QuoteContext
from allegiance.models import Quote, Target

if TYPE_CHECKING:
    from spacy.tokens import Token

NEGATORS = {
    "fr": {"pas", "jamais", "plus", "aucun", "aucune", "rien", "ni", "guère", "sans"},
    "en": {"not", "n't", "never", "no", "nothing", "neither", "nor", "without"},
}
#: negators that negate only with ``ne`` (``plus`` alone is "more", ``rien`` alone "nothing")
_NEEDS_NE = {"plus", "rien", "aucun", "aucune"}
NEUTRALISING = re.compile(r"\b(pas toujours|pas vraiment|not always|not really|not entirely)\b")
HEDGES = re.compile(
    r"\b(il se peut|peut-être|peut être|sans doute|probablement|il semble|semble|"
    r"pour que|afin que|à condition que|pourvu que|"
    r"might|may be|maybe|perhaps|possibly|could be|seems?|provided that|as long as)\b",
    re.IGNORECASE,
)
CONTRAST = {"fr": {"mais", "cependant", "pourtant", "toutefois"}, "en": {"but", "however", "yet"}}
#: cues of a report (a medium, an agency): what they relay is fact, not their stance
REPORTING = {
    "fr": {"rapporter", "révéler", "relater", "lire", "relayer"},
    "en": {"report", "reveal", "relay"},
}
#: first-person words an actor is coordinated with in a joint action (``X et moi``)
_WITH_SPEAKER = {
    "fr": {"moi", "moi-même", "nous", "nous-mêmes", "je"},
    "en": {"i", "me", "myself", "we", "us"},
}
_THIRD_PERSON = {
    "fr": {"lui", "il", "elle", "lui-même", "elle-même", "celui-ci", "celle-ci"},
    "en": {"him", "he", "she", "her", "himself", "herself"},
}
#: verb forms of ``je vous dis``/``I tell you`` (the parser may miss their lemma)
_TO_LISTENER = {
    "dis",
    "dit",
    "disais",
    "parle",
    "répète",
    "assure",
    "promets",
    "garantis",
    "jure",
    "tell",
    "told",
    "promise",
    "guarantee",
    "swear",
}
_CLAUSE_BREAK = {",", ";", ":", "(", ")", ".", "!", "?", "-"}
#: dependency links that open a clause of its own: a negation does not reach across them
_SCOPE_BARRIERS = {"conj", "parataxis", "advcl", "acl", "acl:relcl", "relcl", "csubj", "appos"}


def _clauses(tokens: list[Token], lang: str) -> list[list[Token]]:
    """Split at punctuation and contrast words: the scope of a hedge and of ``mais``."""
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


def _word_polarity(ctx: QuoteContext, tok: Token) -> int:
    lemma = tok.lemma_.lower()
    low = tok.lower_
    for key in (lemma, low):
        if key in ctx.stance.words:
            if key in ctx.stance.attitude and (
                tok.pos_ != "VERB" or not (_first_person_subject(ctx, tok) or _passive(tok))
            ):
                return 0
            return ctx.stance.words[key]
    return 0


def _passive(tok: Token) -> bool:
    """``le règlement n'a pas été respecté``: no one else's attitude is reported, the speaker
    judges the thing itself."""
    return any(c.dep_ in {"aux:pass", "auxpass", "nsubj:pass", "nsubjpass"} for c in tok.children)


@cache
def _phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A phrase as whole words (``tort`` not in ``tortue``); one ending in an apostrophe
    (``il est temps qu'``) runs into the next word."""
    left = r"(?<!\w)" if phrase[:1].isalnum() else ""
    right = r"(?!\w)" if phrase[-1:].isalnum() else ""
    return re.compile(left + re.escape(phrase) + right)


def _first_person_subject(ctx: QuoteContext, tok: Token) -> bool:
    return any(
        c.dep_.startswith("nsubj") and c.lower_ in FIRST_PERSON[ctx.lang] for c in tok.children
    )


def _negators(ctx: QuoteContext, clause: list[Token]) -> list[Token]:
    has_ne = any(t.lower_ in {"ne", "n'", "n"} for t in clause)
    found = []
    for t in clause:
        low = t.lower_
        if low not in NEGATORS[ctx.lang] or (low in _NEEDS_NE and not has_ne):
            continue
        found.append(t)
    return found


def _in_scope(tok: Token, negator: Token) -> bool:
    """Whether ``negator`` negates ``tok``: ``tok`` is the word it modifies or hangs on that word
    without crossing into a coordinated, adverbial or relative clause."""
    target = negator.head.i
    node = tok
    for _ in range(12):
        if node.i == target:
            return True
        if node.dep_ in _SCOPE_BARRIERS or node.head.i == node.i:
            return False
        node = node.head
    return False


@dataclass(slots=True)
class _Score:
    value: float = 0.0
    evaluated: bool = False  # an evaluative word was seen (even if it cancelled out)


def clause_score(ctx: QuoteContext, clause: list[Token]) -> float:
    """Signed score of one clause: lexicon hits and negation."""
    return _clause(ctx, clause).value


def _clause(ctx: QuoteContext, clause: list[Token]) -> _Score:
    start = clause[0].idx
    text = ctx.text[start : clause[-1].idx + len(clause[-1].text)].lower()
    parsed = clause[0].doc.has_annotation("DEP")
    negators = _negators(ctx, clause)
    # each hit: (polarity, tokens it covers, whether it carries its own negation)
    hits: list[tuple[int, list[Token], bool]] = []
    covered: set[int] = set()
    for phrase, pol in ctx.stance.phrases.items():
        for m in re.finditer(_phrase_pattern(phrase), text):
            a, b = start + m.start(), start + m.end()
            toks = [t for t in clause if a <= t.idx < b]
            if not toks or any(t.i in covered for t in toks):
                continue
            covered.update(t.i for t in toks)
            self_negated = any(w in NEGATORS[ctx.lang] for w in re.findall(r"\w+", phrase))
            hits.append((pol, toks, self_negated))
    for tok in clause:
        if tok.i not in covered:
            pol = _word_polarity(ctx, tok)
            if pol:
                hits.append((pol, [tok], False))
    attitude_seen = any(
        (t.lemma_.lower() in ctx.stance.attitude or t.lower_ in ctx.stance.attitude) for t in clause
    )
    if not hits:
        return _Score(0.0, attitude_seen)
    if NEUTRALISING.search(text):
        return _Score(0.0, True)
    score = 0.0
    for pol, toks, self_negated in hits:
        own = [n for n in negators if n.i not in {t.i for t in toks}]
        if self_negated:
            flipped = False
        elif not parsed:  # no parse: a negation anywhere in the clause reaches every word
            flipped = bool(own)
        else:
            flipped = any(_in_scope(t, n) for t in toks for n in own)
        score += -pol if flipped else pol
    weight = 2.0 if clause[0].lower_ in CONTRAST[ctx.lang] else 1.0
    return _Score(score * weight, True)


def _hedged(ctx: QuoteContext, clause: list[Token]) -> bool:
    text = ctx.text[clause[0].idx : clause[-1].idx + len(clause[-1].text)].lower()
    return bool(HEDGES.search(text)) or any(t.morph.get("Mood", []) == ["Cnd"] for t in clause)


def _score(ctx: QuoteContext, tokens: list[Token]) -> _Score:
    """A hedge (or the conditional) zeroes its clause and what follows, up to ``mais``/``but``
    or the end of the sentence."""
    total = _Score()
    hedged = False
    for clause in _clauses(tokens, ctx.lang):
        if clause[0].lower_ in CONTRAST[ctx.lang]:
            hedged = False
            total.evaluated = True  # a contrast weighs two sides: the sentence is not silent
        hedged = hedged or _hedged(ctx, clause)
        part = _clause(ctx, clause)
        total.evaluated = total.evaluated or part.evaluated
        if not hedged:
            total.value += part.value
        if clause[-1].i + 1 < len(ctx.doc) and ctx.doc[clause[-1].i + 1].text in {".", "!", "?"}:
            hedged = False
    return total


def _sign(value: float) -> int:
    return 1 if value > 0 else -1 if value < 0 else 0


def polarity(ctx: QuoteContext, tokens: list[Token]) -> int:
    """+1, -1 or 0: the speaker's evaluation in ``tokens``."""
    return _sign(_score(ctx, tokens).value)


def targets(ctx: QuoteContext, quote: Quote, cue: Token | None) -> list[Target]:
    """The entities ``quote`` is about, each with the speaker's stance toward it."""
    speaker_id = quote.speaker.entity if quote.speaker else None
    span = ctx.doc.char_span(quote.start, quote.end, alignment_mode="expand")
    tokens = list(span) if span is not None else []
    reporting = cue is not None and cue.lemma_.lower() in REPORTING[ctx.lang]
    whole = 0 if reporting else polarity(ctx, tokens)
    found: dict[str, int] = {}

    def add(entity_id: str, stance: int) -> None:
        if entity_id == speaker_id:
            return
        if reporting:
            stance = 0
        if entity_id not in found or (found[entity_id] == 0 and stance != 0):
            found[entity_id] = stance

    _named_inside(ctx, quote, whole, add)
    exclude = {speaker_id} if speaker_id else set()
    if cue is not None:
        outside.cue_targets(ctx, quote, cue, whole, add)
        if whole == 0:
            outside.hostile_frame_targets(ctx, quote, cue, exclude, add)
    outside.possessive_target(ctx, quote, exclude, whole, add)
    outside.named_object_target(ctx, quote, exclude, whole, add)
    outside.framing_targets(ctx, quote, cue, exclude, whole, add)
    if not found:
        _pronoun_target(ctx, quote, tokens, exclude, whole, add)
    if not found:
        outside.described_org_target(ctx, tokens, exclude, whole, add)
    addressed = any(_addresses(ctx, t) for t in tokens)
    if addressed or (outside.is_reply(ctx, cue) and not found):
        other = outside.addressee(ctx, quote, exclude)
        if other is not None:
            add(other, whole)
    if not found:
        for entity_id in outside.continued_targets(ctx, quote):
            add(entity_id, whole)
    outside.remember(ctx, quote, list(found))
    return [Target(e, s) for e, s in found.items()]


def _named_inside(ctx: QuoteContext, quote: Quote, whole: int, add: outside.Add) -> None:
    """Each actor named in the quote, with the stance of the sentence that names it; the whole
    quote's when that sentence is silent (no evaluative word, no contrast)."""
    sentences: dict[int, _Score] = {}
    for ref in ctx.mentions_in(quote.start, quote.end):
        first = ctx._token_at(ref.start)
        if first is None:
            continue
        s = first.sent
        if s.start not in sentences:
            inner = [t for t in s if quote.start <= t.idx < quote.end]
            sentences[s.start] = _score(ctx, inner)
        score = sentences[s.start]
        stance = _sign(score.value) if score.evaluated else whole
        if stance == 0 and _with_speaker(ctx, first):
            stance = 1  # ``le président X et moi-même nous pencherons``: a joint action
        add(ref.entity.id, stance)


def _addresses(ctx: QuoteContext, tok: Token) -> bool:
    """``vous``/``you`` naming whom the quote speaks to, not the listener of ``je vous dis``
    (the journalist)."""
    if tok.lower_ not in SECOND_PERSON[ctx.lang]:
        return False
    head = tok.head
    listener = tok.dep_ in {"obj", "iobj", "dobj", "dative"} and (
        head.lemma_.lower() in ctx.cues.words or head.lower_ in _TO_LISTENER
    )
    return not listener


def _with_speaker(ctx: QuoteContext, tok: Token) -> bool:
    """``X et moi``, ``moi et X``: the actor is coordinated with the speaker."""
    # ``le président Macron``: climb from the name to the noun phrase's head
    while (
        tok.dep_ in {"flat", "flat:name", "compound", "amod", "appos"}
        and tok.head.i != tok.i
        and tok.head.pos_ in {"NOUN", "PROPN"}
    ):
        tok = tok.head
    head = tok.head if tok.dep_ == "conj" else tok
    group = [head, *[c for c in head.children if c.dep_ == "conj"]]
    return any(t.lower_ in _WITH_SPEAKER[ctx.lang] for t in group if t.i != tok.i)


def _pronoun_target(
    ctx: QuoteContext,
    quote: Quote,
    tokens: list[Token],
    exclude: set[str],
    whole: int,
    add: outside.Add,
) -> None:
    """A quote naming no one but saying ``il``/``lui``/``sa``: about the antecedent."""
    for tok in tokens:
        low = tok.lower_
        possessive = low in outside.POSSESSIVES and tok.pos_ == "DET"
        if (low not in _THIRD_PERSON[ctx.lang] and not possessive) or tok.dep_ == "expl":
            continue
        if (
            low == "il"
            and tok.head.lemma_ in {"falloir", "sembler", "être", "exister", "y"}
            and (
                tok.head.lemma_ in {"falloir", "exister"}
                or any(c.dep_ in {"csubj", "xcomp"} for c in tok.head.children)
            )
        ):
            continue  # impersonal ``il faut``, ``il existe``, ``il serait … de``
        if possessive and low in {"leur", "leurs", "their"}:
            continue  # plural owners: often the speaker's own side
        entity = ctx.resolve_pronoun(quote.start, exclude=exclude, speakers=False)
        if entity is not None:
            add(entity.id, whole)
        return
