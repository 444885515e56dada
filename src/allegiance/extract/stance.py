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
* report cues (``rapporter``, ``révéler``, ``report``): a report states facts, stance 0;
* feelings (``déçu``, ``inquiet``, ``disappointed``, ``fier``) counting only when the one who
  feels them is the speaker (``je suis déçu par X``; ``il`` in reported speech): ``X est
  inquiète pour ses enfants`` says how X feels, not what the speaker thinks of X;
* a problem fought or suffered (``combattre la précarité``, ``lutter contre la corruption``,
  ``victime d'une fraude``, ``fought injustice``): its negative words, and a negative fight verb
  (``dénoncer``), judge no one unless the complement names an actor.

The cue's own polarity (``accuser``, ``dénoncer``, ``praise``) is added for the cue's object.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from allegiance.extract import stance_targets as outside
from allegiance.extract.quote_context import FIRST_PERSON, SECOND_PERSON, QuoteContext
from allegiance.extract.stance_problems import (
    SCOPE_BARRIERS,
    IsActor,
    case_word,
    fights_a_problem,
    flagged,
    fought,
)
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
#: cues of a question: ``on lui a demandé s'il était gêné par les critiques de X`` asks, it
#: takes no side (the answer may)
ASKING = {
    "fr": {"demander", "interroger", "questionner"},
    "en": {"ask", "wonder", "question", "inquire"},
}
_QUESTION_OPENERS = {
    "si", "s", "pourquoi", "comment", "quand", "qui", "quel", "quelle", "combien", "où",
    "if", "whether", "why", "how", "when", "who", "what", "which", "where",
}  # fmt: skip
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
#: words by which the speaker names himself as the one who feels (``je suis déçu``, ``ma
#: déception``, ``cela m'inquiète``)
_SPEAKER_SELF = {
    "fr": {
        "je",
        "j'",
        "j",
        "-je",
        "nous",
        "-nous",
        "me",
        "m'",
        "m",
        "moi",
        "moi-même",
        "mon",
        "ma",
        "mes",
        "notre",
        "nos",
    },
    "en": {"i", "we", "me", "us", "my", "our", "myself", "ourselves"},
}
#: third-person words that stand for the speaker in reported speech (``he said he was ...``)
_SPEAKER_THIRD = {
    "fr": {"il", "elle", "lui", "son", "sa", "ses", "se", "s'", "lui-même", "elle-même"},
    "en": {"he", "she", "him", "her", "his", "himself", "herself"},
}
#: a feeling for someone is sympathy, not blame (``inquiète pour ses enfants``)
_ON_BEHALF = {"pour", "for"}
_SUBJECTS = {"nsubj", "nsubj:pass", "nsubjpass"}
_OBJECTS = {"obj", "dobj", "iobj"}
_COMPLEMENT_OF = {"xcomp", "acomp", "ccomp", "attr"}  # ``s'est dit déçu``, ``was disappointed``


@dataclass(frozen=True, slots=True)
class Voice:
    """Who speaks the scored words: a feeling counts only when it is the speaker's."""

    speaker: str | None = None  # the speaker's entity id
    reported: bool = False  # indirect or partial: the speaker may be ``il``/``he`` in the words
    start: int = 0  # where the quote starts


#: dependency links that open a clause of its own: a negation does not reach across them


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


def _word_polarity(ctx: QuoteContext, tok: Token, voice: Voice) -> int:
    lemma = tok.lemma_.lower()
    low = tok.lower_
    for key in (lemma, low):
        if key in ctx.stance.words:
            if key in ctx.stance.attitude and (
                tok.pos_ != "VERB" or not (_first_person_subject(ctx, tok) or _passive(tok))
            ):
                return 0
            pol = ctx.stance.words[key]
            if pol and key in flagged(ctx.lang).get("feeling", ()):
                return pol if _felt_by_speaker(ctx, tok, voice, pol) else 0
            return pol
    return 0


def _felt_by_speaker(ctx: QuoteContext, tok: Token, voice: Voice, pol: int) -> bool:
    """Whether the feeling ``tok`` is the speaker's: ``je suis déçu par X``, ``ma déception``,
    ``X m'a déçu``, ``Trump s'est dit « déçu »``; not ``X est inquiète``, ``sa déception``."""
    if pol < 0 and any(case_word(c) in _ON_BEHALF for c in tok.children):
        return False  # ``inquiet pour ses enfants``: concern for someone
    feeler, caused = _feeler(tok)
    if feeler is None:
        return True  # ``Quelle déception !``, ``Déçu par X.``: the speaker's own words
    if _is_speaker(ctx, feeler, voice):
        return True
    # ``X a déçu ses électeurs``: the one who disappoints is judged, unless the one who feels it
    # is a named actor or a pronoun (``la décision a déçu Marie``, ``cela l'inquiète``)
    named = ctx.mention_of(feeler) is not None
    return caused and not named and feeler.pos_ != "PRON"


def _feeler(tok: Token) -> tuple[Token | None, bool]:
    """The one who feels ``tok`` and whether ``tok`` is a verb that causes the feeling (``X
    déçoit Y``: Y feels it)."""
    if tok.pos_ == "NOUN":  # ``sa déception``, ``la déception de X``, ``my disappointment``
        for c in tok.children:
            if c.dep_ in {"det:poss", "poss"} or (
                c.dep_ == "det" and "Yes" in c.morph.get("Poss", [])
            ):
                return c, False
            if c.dep_ in {"nmod", "prep"} and case_word(c) in {"de", "d'", "of"}:
                return (next((g for g in c.children if g.dep_ == "pobj"), c)), False
        return None, False
    verb_use = tok.pos_ in {"VERB", "AUX"} and not _adjectival(tok)
    reflexive = any(c.lower_ in {"se", "s'"} for c in tok.children)
    if verb_use and not reflexive:  # ``cela m'inquiète``, ``X disappointed me``
        obj = next((c for c in tok.children if c.dep_ in _OBJECTS), None)
        return obj, True
    node = tok
    for _ in range(3):
        subj = next((c for c in node.children if c.dep_ in _SUBJECTS), None)
        if subj is not None:
            return subj, False
        if node.dep_ in {"amod", "acl"} and node.head.pos_ in {"NOUN", "PROPN", "PRON"}:
            return node.head, False  # ``les électeurs déçus``
        if node.dep_ not in _COMPLEMENT_OF or node.head.i == node.i:
            break
        node = node.head
    return None, False


def _adjectival(tok: Token) -> bool:
    """A participle used as an adjective or a passive (``déçue par X``, ``was disappointed``),
    not a tense of the verb (``a déçu``)."""
    if "Part" not in tok.morph.get("VerbForm", []) and tok.tag_ != "VBN":
        return False
    return not any(
        c.dep_ in {"aux", "aux:tense"} and c.lemma_ in {"avoir", "have"} for c in tok.children
    )


def _is_speaker(ctx: QuoteContext, tok: Token, voice: Voice) -> bool:
    low = tok.lower_
    if low in _SPEAKER_SELF[ctx.lang]:
        return True
    ref = ctx.mention_of(tok)
    if ref is not None:
        return voice.speaker is not None and ref.entity.id == voice.speaker
    if voice.reported and low in _SPEAKER_THIRD[ctx.lang]:
        # ``Trump a dit qu'il était déçu``: ``il`` is the speaker unless someone else was named
        # in the quote before it
        return not any(
            r.entity.id != voice.speaker and r.entity.type in {"person", "organization"}
            for r in ctx.mentions_in(voice.start, tok.idx)
        )
    return False


def _names_actor(ctx: QuoteContext) -> IsActor:
    def check(node: Token) -> bool:
        lo, hi = node.left_edge.idx, node.right_edge.idx + len(node.right_edge.text)
        return any(r.entity.type in {"person", "organization"} for r in ctx.mentions_in(lo, hi))

    return check


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


#: verbs of ceasing: they withdraw a support in their complement (``a cessé de soutenir X``),
#: and a negation of them affirms it (``ne se lassera pas de soutenir X``)
CEASING = {
    "fr": {"cesser", "arrêter", "lasser", "renoncer", "abandonner"},
    "en": {"stop", "cease", "quit", "abandon"},
}


def _ceased(tok: Token, lang: str) -> bool:
    """Whether ``tok`` lies in the complement of a verb of ceasing, in the same clause."""
    node = tok
    for _ in range(4):
        if node.dep_ in SCOPE_BARRIERS or node.head.i == node.i:
            return False
        node = node.head
        if node.pos_ == "VERB" and node.lemma_.lower() in CEASING[lang]:
            return True
    return False


def _in_scope(tok: Token, negator: Token) -> bool:
    """Whether ``negator`` negates ``tok``: ``tok`` is the word it modifies or hangs on that word
    without crossing into a coordinated, adverbial or relative clause."""
    target = negator.head.i
    node = tok
    for _ in range(12):
        if node.i == target:
            return True
        if node.dep_ in SCOPE_BARRIERS or node.head.i == node.i:
            return False
        node = node.head
    return False


@dataclass(slots=True)
class _Score:
    value: float = 0.0
    evaluated: bool = False  # an evaluative word was seen (even if it cancelled out)


def clause_score(ctx: QuoteContext, clause: list[Token], voice: Voice | None = None) -> float:
    """Signed score of one clause: lexicon hits and negation."""
    return _clause(ctx, clause, voice or Voice()).value


def _clause(ctx: QuoteContext, clause: list[Token], voice: Voice) -> _Score:
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
            pol = _word_polarity(ctx, tok, voice)
            if pol:
                hits.append((pol, [tok], False))
    if any(pol < 0 for pol, _, _ in hits):
        # a problem fought or suffered, and the fight itself, judge no one
        actor = _names_actor(ctx)
        hits = [
            h
            for h in hits
            if h[0] > 0
            or not all(
                fought(t, ctx.lang, actor) or fights_a_problem(t, ctx.lang, actor) for t in h[1]
            )
        ]
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
            if any(_ceased(t, ctx.lang) for t in toks):
                # ``cesser de soutenir X`` withdraws support; ``cesser ses attaques`` (or ``ne
                # cesse pas de mentir``) still judges the attacks and the lies
                flipped = not flipped if pol > 0 else False
        score += -pol if flipped else pol
    weight = 2.0 if clause[0].lower_ in CONTRAST[ctx.lang] else 1.0
    return _Score(score * weight, True)


def _hedged(ctx: QuoteContext, clause: list[Token]) -> bool:
    text = ctx.text[clause[0].idx : clause[-1].idx + len(clause[-1].text)].lower()
    return bool(HEDGES.search(text)) or any(t.morph.get("Mood", []) == ["Cnd"] for t in clause)


def _score(ctx: QuoteContext, tokens: list[Token], voice: Voice) -> _Score:
    """A hedge (or the conditional) zeroes its clause and what follows, up to ``mais``/``but``
    or the end of the sentence."""
    total = _Score()
    hedged = False
    for clause in _clauses(tokens, ctx.lang):
        if clause[0].lower_ in CONTRAST[ctx.lang]:
            hedged = False
            total.evaluated = True  # a contrast weighs two sides: the sentence is not silent
        hedged = hedged or _hedged(ctx, clause)
        part = _clause(ctx, clause, voice)
        total.evaluated = total.evaluated or part.evaluated
        if not hedged:
            total.value += part.value
        if clause[-1].i + 1 < len(ctx.doc) and ctx.doc[clause[-1].i + 1].text in {".", "!", "?"}:
            hedged = False
    return total


def _sign(value: float) -> int:
    return 1 if value > 0 else -1 if value < 0 else 0


def polarity(ctx: QuoteContext, tokens: list[Token], voice: Voice | None = None) -> int:
    """+1, -1 or 0: the speaker's evaluation in ``tokens`` (``voice``: who speaks them)."""
    return _sign(_score(ctx, tokens, voice or Voice()).value)


def _first_word(text: str) -> str:
    """``s'il était …`` -> ``s``; ``whether he …`` -> ``whether``."""
    found = re.match(r"\s*(\w+)", text)
    return found.group(1).lower() if found else ""


def targets(ctx: QuoteContext, quote: Quote, cue: Token | None) -> list[Target]:
    """The entities ``quote`` is about, each with the speaker's stance toward it."""
    speaker_id = quote.speaker.entity if quote.speaker else None
    span = ctx.doc.char_span(quote.start, quote.end, alignment_mode="expand")
    tokens = list(span) if span is not None else []
    reporting = cue is not None and cue.lemma_.lower() in REPORTING[ctx.lang]
    # an indirect question ("demander si …", "asked whether …") takes no side either
    reporting = reporting or (
        cue is not None
        and quote.kind == "indirect"
        and cue.lemma_.lower() in ASKING[ctx.lang]
        and _first_word(quote.text) in _QUESTION_OPENERS
    )
    voice = Voice(speaker_id, quote.kind != "direct", quote.start)
    whole = 0 if reporting else polarity(ctx, tokens, voice)
    found: dict[str, int] = {}

    def add(entity_id: str, stance: int) -> None:
        if entity_id == speaker_id:
            return
        if reporting:
            stance = 0
        if entity_id not in found or (found[entity_id] == 0 and stance != 0):
            found[entity_id] = stance

    _named_inside(ctx, quote, whole, voice, add)
    exclude = {speaker_id} if speaker_id else set()
    if cue is not None:
        outside.cue_targets(ctx, quote, cue, whole, add)
        if whole == 0:
            outside.hostile_frame_targets(ctx, quote, cue, exclude, add)
    outside.addressed_targets(ctx, quote, cue, exclude, whole, add)
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
        for entity_id in outside.continued_targets(ctx, quote, tokens, whole != 0):
            add(entity_id, whole)
    outside.remember(ctx, quote, list(found))
    return [Target(e, s) for e, s in found.items()]


def _named_inside(
    ctx: QuoteContext, quote: Quote, whole: int, voice: Voice, add: outside.Add
) -> None:
    """Each actor named in the quote, with the stance of the sentence that names it; the whole
    quote's when that sentence is silent (no evaluative word, no contrast)."""
    sentences: dict[int, _Score] = {}
    span = ctx.doc.char_span(quote.start, quote.end, alignment_mode="expand")
    tokens = list(span) if span is not None else []
    refs = [
        *ctx.mentions_in(quote.start, quote.end),
        *outside.named_again(ctx, tokens),
        *outside.described_inside(ctx, quote, tokens),
    ]
    for ref in sorted(refs, key=lambda r: r.start):
        first = ctx.token_at(ref.start)
        if first is None:
            continue
        s = first.sent
        if s.start not in sentences:
            inner = [t for t in s if quote.start <= t.idx < quote.end]
            sentences[s.start] = _score(ctx, inner, voice)
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
