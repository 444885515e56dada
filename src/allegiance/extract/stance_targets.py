"""Whom a quote is about when the quote does not name them: the rules that look outside it.

Each rule calls ``add(entity_id, stance)``; :func:`allegiance.extract.stance.targets` owns the
result (it drops the speaker and keeps the first non-zero stance per entity).

* the object of a hostile or naming cue (``accuser X``, ``qualifier X de``, ``about X``);
* the owner of quoted words (``critiquant son « racisme »``), a clitic right before a fragment
  (``qui lui « reprochent … »``);
* the subject a quoted fragment is predicated of (``X est « visé par une enquête »``,
  ``X – « premier responsable … »``);
* the addressee of ``vous``/``tu``/``you`` or of a reply (``a répondu``): the previous speaker,
  else the latest other actor named;
* the object of a hostile verb tied to the cue (``Accusant X de …, les avocats estiment que``);
* an organisation named by a definite description the article apposed to its name before
  (``Brut, le média social …`` then ``« … le média … »``);
* the same speaker carrying on within a few lines (``Il poursuit : « Ces études … »``): the
  previous quote's targets.

The one a cue addresses (``reprocher à X``) is in :mod:`allegiance.extract.stance_addressees`;
actors named inside the quote by words the resolver left, and role descriptions pointing back
to an actor, in :mod:`allegiance.extract.stance_actors`. Both are re-exported here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.attribution import NAMING
from allegiance.extract.quote_context import DEFINITE, ORG_NOUNS, QuoteContext
from allegiance.extract.stance_actors import (
    OPENING_MARKS,
    Add,
    described_actor,
    described_inside,
    in_quote,
    named_again,
)
from allegiance.extract.stance_addressees import addressed_targets
from allegiance.models import Quote

if TYPE_CHECKING:
    from spacy.tokens import Token

#: what :mod:`allegiance.extract.stance` reads here (as ``outside``), from the modules that hold it
__all__ = [
    "POSSESSIVES",
    "Add",
    "addressed_targets",
    "addressee",
    "continued_targets",
    "cue_targets",
    "described_actor",
    "described_inside",
    "described_org_target",
    "framing_targets",
    "hostile_frame_targets",
    "is_reply",
    "named_again",
    "named_object_target",
    "possessive_target",
    "remember",
]

_NO_MARKS = str.maketrans("", "", '«»“”"')


POSSESSIVES = {"son", "sa", "ses", "leur", "leurs", "his", "her", "their"}
#: cues of a reply: the quote answers someone, who is its target
REPLY_CUES = {
    "fr": {"répondre", "rétorquer", "répliquer", "riposter", "objecter"},
    "en": {"reply", "respond", "retort", "answer", "hit back", "fire back"},
}
#: how far back (characters) a reply or a continuation may reach
_REPLY_WINDOW = 700
_CONTINUATION_WINDOW = 250
_SUBJECT_DEPS = {"nsubj", "nsubj:pass", "nsubjpass"}


def possessive_target(
    ctx: QuoteContext, quote: Quote, exclude: set[str], whole: int, add: Add
) -> None:
    """``critiquant son « racisme »``: the owner of the quoted words is a target; likewise the
    clitic right before a fragment (``les électeurs qui lui « reprochent … »``)."""
    # the opening mark is its own word (``son « racisme``): drop the marks before splitting
    lead = ctx.text[max(0, quote.start - 12) : quote.start].lower()
    before = lead.translate(_NO_MARKS).split()
    clitic = (
        ctx.lang == "fr" and quote.kind == "partial" and before and before[-1] in {"lui", "leur"}
    )
    if before and (before[-1] in POSSESSIVES or clitic):
        plural = before[-1] in {"leur", "leurs", "their"}
        entity = ctx.resolve_pronoun(quote.start, plural=plural, exclude=exclude, speakers=False)
        if entity is not None:
            add(entity.id, whole)


def named_object_target(
    ctx: QuoteContext, quote: Quote, exclude: set[str], whole: int, add: Add
) -> None:
    """``qualifiant X de « … »``, ``traitant X de « … »``: X, the object of a naming verb right
    before the quoted words, is what they are about (whichever cue the quote was given)."""
    tok = ctx.token_at(quote.start)
    if tok is None:
        return
    doc = ctx.doc
    k = tok.i - 1
    while k >= 0 and doc[k].text in OPENING_MARKS:
        k -= 1
    if k < 1 or doc[k].lower_ not in {"de", "d'", "as"}:
        return
    obj = doc[k - 1]
    while obj.dep_ in {"flat", "flat:name", "compound"} and obj.head.i < obj.i:
        obj = obj.head  # ``Paul Durand``: the name's head carries the object link
    if obj.dep_ not in {"obj", "dobj"} or obj.head.lemma_.lower() not in NAMING[ctx.lang]:
        return
    ref = ctx.mention_of(obj)
    if ref is not None and ref.entity.id not in exclude:
        add(ref.entity.id, whole)
    elif ref is None:  # ``a qualifié le président de « … »``
        described = described_actor(ctx, obj, quote.start)
        if described is not None and described.id not in exclude:
            add(described.id, whole)


def cue_targets(ctx: QuoteContext, quote: Quote, cue: Token, whole: int, add: Add) -> None:
    """The object of ``accuser``/``qualifier``/``call`` and ``à propos de``/``about`` X."""
    cue_pol = ctx.cues.words.get(cue.lemma_.lower(), 0)
    stance = whole if whole != 0 else cue_pol
    doc = ctx.doc
    sent = cue.sent
    for child in sent:
        if in_quote(quote, child):
            continue
        prev = doc[child.i - 1].lower_ if child.i > 0 else ""
        prev2 = doc[child.i - 2].lower_ if child.i > 1 else ""
        is_object = child.head.i == cue.i and child.dep_ in {"obj", "dobj"} and cue_pol != 0
        is_about = prev in {"about", "against", "contre"} or (
            prev in {"de", "d'", "du"} and prev2 == "propos"
        )
        if is_object or is_about:
            ref = ctx.mention_of(child)
            if ref is not None and not (quote.start <= ref.start < quote.end):
                add(ref.entity.id, stance)
            elif ref is None:  # ``accuse le chef de l'Etat d'avoir « méprisé »``
                described = described_actor(ctx, child, quote.start)
                if described is not None:
                    add(described.id, stance)
    if cue_pol != 0 or cue.lemma_.lower() in NAMING[ctx.lang]:
        for tok in doc[cue.i + 1 : cue.i + 5]:
            if in_quote(quote, tok) or tok.text in {"«", "“", '"'}:
                break
            ref = ctx.mention_of(tok)
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


def framing_targets(
    ctx: QuoteContext, quote: Quote, cue: Token | None, exclude: set[str], whole: int, add: Add
) -> None:
    """A fragment predicated of someone: ``X est « visé par une enquête »``, ``X – « premier
    responsable … »``, ``la hausse des abonnés à X illustrerait « un malaise »``.

    The subject of the clause the fragment belongs to (outside the marks) is what the fragment
    says something about, unless that clause is the cue's own (its subject is the speaker).
    """
    if quote.kind != "partial":
        return
    span = ctx.doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None or not len(span):
        return
    inside = {t.i for t in span}
    sent = span[0].sent
    if not any(not t.is_punct and t.i not in inside for t in ctx.doc[sent.start : span[0].i]):
        return  # the marks open the sentence: a quoted sentence, not a fragment of the author's
    clauses: dict[int, Token] = {}
    for tok in span:
        node = tok
        while node.i in inside and node.head.i != node.i:
            node = node.head
        # from the word outside the marks the fragment hangs on, up to its clause's verb
        for _ in range(4):
            if node.pos_ in {"VERB", "AUX"} or node.head.i == node.i:
                break
            if any(c.dep_ in _SUBJECT_DEPS or c.dep_ == "cop" for c in node.children):
                break  # ``X est « … »``: a nominal predicate with its own subject
            node = node.head
        clauses[node.i] = node
    for head in clauses.values():
        if cue is not None and head.i == cue.i:
            continue  # the cue's subject is the speaker
        subjects = [
            c
            for c in head.children
            if c.dep_ in _SUBJECT_DEPS and c.i not in inside and not _holds(c, inside)
        ]
        for child in subjects:
            _add_subject(ctx, quote, child, exclude, whole, add)
        if not subjects and head.pos_ in {"VERB", "AUX"}:
            _preverbal_mentions(ctx, head, quote, exclude, whole, add)
    # ``que le président « respecte le droit de grève »``: the subject of a quoted verb, left
    # outside the marks
    for tok in span:
        if tok.pos_ not in {"VERB", "AUX"} or (cue is not None and tok.i == cue.i):
            continue
        for child in tok.children:
            if child.dep_ in _SUBJECT_DEPS and child.i not in inside:
                _add_subject(ctx, quote, child, exclude, whole, add)
    # ``X – « … »``, ``notre consœur X : « … »``: a name right before the marks, set apart
    first = span[0]
    k = first.i - 1
    while k >= 0 and ctx.doc[k].text in OPENING_MARKS:
        k -= 1
    if k >= 1 and ctx.doc[k].text in {"-", ":", "–"}:
        prev = ctx.doc[k - 1]
        ref = ctx.mention_of(prev)
        if ref is not None and ref.entity.id not in exclude and ref.end >= prev.idx:
            add(ref.entity.id, whole)


def _add_subject(
    ctx: QuoteContext, quote: Quote, subject: Token, exclude: set[str], whole: int, add: Add
) -> None:
    """The actors a fragment's subject names: a mention in its phrase, else the actor a role
    description stands for (``le président « … »``), else the antecedent of ``il``/``elle``
    (``qu'il « ne cédera pas »``), never the speaker."""
    if _add_subtree_mentions(ctx, subject, exclude, whole, add):
        return
    described = described_actor(ctx, subject, quote.start)
    if described is not None:
        if described.id not in exclude:
            add(described.id, whole)
        return
    if ctx.lang == "fr" and subject.lower_ in {"il", "elle"}:
        # the description or the name the pronoun repeats, in the author's sentence before it
        sent = subject.sent
        for tok in reversed(list(ctx.doc[sent.start : subject.i])):
            if tok.dep_ in _SUBJECT_DEPS and tok.lower_ not in {"il", "elle", "qui"}:
                ref = ctx.mention_of(tok)
                entity = ref.entity if ref is not None else described_actor(ctx, tok, quote.start)
                if entity is not None and entity.id not in exclude:
                    add(entity.id, whole)
                    return


def _holds(tok: Token, inside: set[int]) -> bool:
    """Whether the phrase of ``tok`` holds the quoted fragment (``l'expression d'un « … »``)."""
    return any(t.i in inside for t in tok.subtree)


#: words that introduce the speaker, not the one spoken of (``selon lui``, ``pour X``)
_SOURCE_WORDS = {"selon", "pour", "d'après", "according", "for"}


def _preverbal_mentions(
    ctx: QuoteContext, verb: Token, quote: Quote, exclude: set[str], whole: int, add: Add
) -> None:
    """The parser lost the subject (``La hausse des abonnés à X … illustrerait « … »``): the
    actors named between the sentence start and the verb stand for it."""
    sent = verb.sent
    for ref in ctx.mentions_in(sent.start_char, verb.idx):
        tok = ctx.token_at(ref.start)
        if tok is None or ref.entity.id in exclude or quote.start <= ref.start < quote.end:
            continue
        if ref.entity.type not in {"person", "organization"}:
            continue
        if tok.i > 0 and ctx.doc[tok.i - 1].lower_ in _SOURCE_WORDS:
            continue
        stretch = ctx.text[sent.start_char : ref.start]
        if stretch.count("«") + stretch.count("“") > stretch.count("»") + stretch.count("”"):
            continue  # named inside another quote
        add(ref.entity.id, whole)


def hostile_frame_targets(
    ctx: QuoteContext, quote: Quote, cue: Token, exclude: set[str], add: Add
) -> None:
    """``Accusant X de …, les avocats estiment que « … »``: a hostile verb of the same sentence,
    tied to the cue, gives its object the verb's polarity."""
    for tok in cue.sent:
        if in_quote(quote, tok) or tok.i == cue.i:
            continue
        pol = ctx.cues.words.get(tok.lemma_.lower(), 0)
        if pol >= 0 or not (tok.head.i == cue.i or cue.head.i == tok.i):
            continue  # only a hostile verb: praise verbs are often the author's summary
        lo, hi = sorted((tok.idx, quote.start))
        if "\n" in ctx.text[lo:hi]:
            continue  # a headline or a list item run into the sentence by the parser
        for child in tok.children:
            if child.dep_ not in {"obj", "dobj"} or in_quote(quote, child):
                continue
            ref = ctx.mention_of(child)
            if ref is not None and ref.entity.id not in exclude:
                add(ref.entity.id, pol)


def described_org_target(
    ctx: QuoteContext, tokens: list[Token], exclude: set[str], whole: int, add: Add
) -> None:
    """``la chaîne``, ``le média``, ``the company`` in a quote that names no one: the
    organisation the article described with the same noun before (``BFMTV, la chaîne …``)."""
    for tok in tokens:
        if tok.pos_ != "NOUN" or tok.lemma_.lower() not in ORG_NOUNS[ctx.lang]:
            continue
        det = next((c for c in tok.children if c.dep_ in {"det", "det:poss"}), None)
        if det is None or det.lower_ not in DEFINITE[ctx.lang]:
            continue
        lemma = tok.lemma_.lower()
        for earlier in reversed(ctx.doc[: tok.i]):
            if earlier.lemma_.lower() != lemma or earlier.pos_ != "NOUN":
                continue
            for ref in ctx.mentions_in(
                ctx.doc[max(0, earlier.i - 8)].idx, earlier.idx + len(earlier.text) + 60
            ):
                named = ctx.token_at(ref.start)
                if (
                    named is not None
                    and ref.entity.type == "organization"
                    and ref.entity.id not in exclude
                    and _apposed(earlier, named)
                ):
                    add(ref.entity.id, whole)
                    return


def _apposed(noun: Token, name: Token) -> bool:
    """``Brut, le média social``, ``le groupe Renault``: the noun describes the name itself
    (not ``le média des gilets jaunes``, where the name is a complement)."""
    if name.i == noun.i + 1:
        return True
    while name.dep_ in {"flat", "flat:name", "compound"} and name.head.i != name.i:
        name = name.head
    return (noun.dep_ == "appos" and noun.head.i == name.i) or (
        name.dep_ == "appos" and name.head.i == noun.i
    )


def _add_subtree_mentions(
    ctx: QuoteContext, subject: Token, exclude: set[str], whole: int, add: Add
) -> bool:
    left, right = subject.left_edge, subject.right_edge
    if right.i - left.i > 12:  # a long clause, not a noun phrase naming someone
        right = subject
    start = left.idx
    end = right.idx + len(right.text)
    named = False
    for ref in ctx.mentions_in(start, end):
        if ref.entity.type in {"person", "organization"}:
            named = True
            if ref.entity.id not in exclude:
                add(ref.entity.id, whole)
    return named


def addressee(ctx: QuoteContext, quote: Quote, exclude: set[str]) -> str | None:
    """Whom a quote speaking to ``vous``/``you`` or replying answers: the speaker of a quote just
    before (a reply answers the last one who spoke), else the latest other actor named."""
    for offset, speaker in reversed(ctx.speakers_seen):
        if offset >= quote.start:
            continue
        if offset < quote.start - _REPLY_WINDOW:
            break
        if speaker.entity and speaker.entity not in exclude:
            return speaker.entity
        if speaker.entity in exclude:
            continue
    before = [
        r
        for r in ctx.mentions_before(quote.start, _REPLY_WINDOW)
        if r.entity.id not in exclude and r.entity.type in {"person", "organization"}
    ]
    people = [r for r in before if r.entity.type == "person"]
    best = people[0] if people else before[0] if before else None
    return best.entity.id if best is not None else None


def is_reply(ctx: QuoteContext, cue: Token | None) -> bool:
    return cue is not None and cue.lemma_.lower() in REPLY_CUES[ctx.lang]


def _history(ctx: QuoteContext) -> list[tuple[int, int, str | None, list[str]]]:
    """(start, end, speaker id, target ids) of the quotes already given targets in this article.

    Kept on the context itself: the quote finder asks for targets in text order, one context
    per article.
    """
    return ctx.stance_history


def remember(ctx: QuoteContext, quote: Quote, target_ids: list[str]) -> None:
    speaker = quote.speaker.entity if quote.speaker else None
    _history(ctx).append((quote.start, quote.end, speaker, target_ids))


def continued_targets(
    ctx: QuoteContext, quote: Quote, tokens: list[Token], evaluative: bool
) -> list[str]:
    """A quote that names no one, right after a quote of the same speaker, carries on about the
    same actors when it points back to them with a demonstrative (``« … Séralini … », explique
    X. Il poursuit : « Ces études … »``) or goes on judging (``evaluative``: the quote takes a
    side). A neutral follow-on without a pointer is usually about something else (the
    speaker's own plans, the facts): measured on the dev sets, carrying the targets over
    regardless was wrong three times in four."""
    speaker = quote.speaker.entity if quote.speaker else None
    if speaker is None or not (evaluative or any(_demonstrative(t) for t in tokens)):
        return []
    earlier = [h for h in _history(ctx) if h[1] <= quote.start]
    if not earlier:
        return []
    start, end, previous_speaker, ids = earlier[-1]
    if previous_speaker != speaker or quote.start - end > _CONTINUATION_WINDOW:
        return []
    return list(ids)


def _demonstrative(token: Token) -> bool:
    """``ces études``, ``cette décision``, ``these claims``: a determiner that points back."""
    return token.pos_ == "DET" and "Dem" in token.morph.get("PronType", [])
