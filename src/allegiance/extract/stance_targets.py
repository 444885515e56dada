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
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING

import yaml

from allegiance.extract.attribution import NAMING
from allegiance.extract.quote_context import DEFINITE, ORG_NOUNS, MentionRef, QuoteContext
from allegiance.extract.speaker_roles import role_kin
from allegiance.models import Entity, Quote
from allegiance.resolve.kb import key
from allegiance.resolve.states import LEXICON_FILE

if TYPE_CHECKING:
    from spacy.tokens import Token

Add = Callable[[str, int], None]

_NO_MARKS = str.maketrans("", "", '«»“”"')
_OPENING_MARKS = {"«", "“", '"', "'"}
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


def _in_quote(quote: Quote, tok: Token) -> bool:
    return quote.start <= tok.idx < quote.end


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
    tok = ctx._token_at(quote.start)
    if tok is None:
        return
    doc = ctx.doc
    k = tok.i - 1
    while k >= 0 and doc[k].text in _OPENING_MARKS:
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
        if _in_quote(quote, child):
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
            elif ref is None:  # ``accuse le chef de l'Etat d'avoir « méprisé »``
                described = described_actor(ctx, child, quote.start)
                if described is not None:
                    add(described.id, stance)
    if cue_pol != 0 or cue.lemma_.lower() in NAMING[ctx.lang]:
        for tok in doc[cue.i + 1 : cue.i + 5]:
            if _in_quote(quote, tok) or tok.text in {"«", "“", '"'}:
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
    while k >= 0 and ctx.doc[k].text in _OPENING_MARKS:
        k -= 1
    if k >= 1 and ctx.doc[k].text in {"-", ":", "–"}:
        prev = ctx.doc[k - 1]
        ref = ctx.mention_at(prev.idx, prev.idx + len(prev.text))
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
                ref = ctx.mention_at(tok.idx, tok.idx + len(tok.text))
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
        tok = ctx._token_at(ref.start)
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
        if _in_quote(quote, tok) or tok.i == cue.i:
            continue
        pol = ctx.cues.words.get(tok.lemma_.lower(), 0)
        if pol >= 0 or not (tok.head.i == cue.i or cue.head.i == tok.i):
            continue  # only a hostile verb: praise verbs are often the author's summary
        lo, hi = sorted((tok.idx, quote.start))
        if "\n" in ctx.text[lo:hi]:
            continue  # a headline or a list item run into the sentence by the parser
        for child in tok.children:
            if child.dep_ not in {"obj", "dobj"} or _in_quote(quote, child):
                continue
            ref = ctx.mention_at(child.idx, child.idx + len(child.text))
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
                named = ctx._token_at(ref.start)
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


def continued_targets(ctx: QuoteContext, quote: Quote) -> list[str]:
    """A quote that names no one, right after a quote of the same speaker, carries on about the
    same actors (``« … Séralini … », explique X. Il poursuit : « Ces études … »``)."""
    speaker = quote.speaker.entity if quote.speaker else None
    if speaker is None:
        return []
    earlier = [h for h in _history(ctx) if h[1] <= quote.start]
    if not earlier:
        return []
    start, end, previous_speaker, ids = earlier[-1]
    if previous_speaker != speaker or quote.start - end > _CONTINUATION_WINDOW:
        return []
    return list(ids)


# -- actors named inside the quote by words the resolver left -----------------------------------


@cache
def _state_words() -> dict[str, str]:
    """Folded capital, name and institution of each state -> its id (``pekin`` -> china):
    inside a quote ``Washington`` or ``Bruxelles`` names the state wherever it stands, while
    the resolver reads a capital as an actor only in an actor's position."""
    data = yaml.safe_load(LEXICON_FILE.read_text("utf-8")) or {}
    out: dict[str, str] = {}
    for ident, info in (data.get("countries") or {}).items():
        for field in ("capitals", "names", "institutions"):
            for form in (info or {}).get(field) or []:
                out.setdefault(key(form), ident)
    return out


def _surfaces(ctx: QuoteContext) -> dict[str, Entity]:
    """Folded words by which the article names each actor (its mentions), and the state words
    of the states it holds as actors."""
    out: dict[str, Entity] = {}
    by_id = {e.id: e for e in ctx.entities if e.type in {"person", "organization"}}
    for entity in by_id.values():
        for m in entity.mentions:
            if m.text[:1].isupper() and len(m.text) > 2:
                out.setdefault(key(m.text), entity)
        out.setdefault(key(entity.name), entity)
    for word, ident in _state_words().items():
        if ident in by_id:
            out.setdefault(word, by_id[ident])
    return out


#: prepositions that make a state's name a place (``en France``, ``aux Etats-Unis``)
_PLACE_PREPS = {"en", "au", "aux", "à", "dans", "vers", "in", "to", "into"}


def named_again(ctx: QuoteContext, tokens: list[Token]) -> list[MentionRef]:
    """Actors named in the quote by a name the resolver did not mark there: the capital or
    name of a state the article has as an actor (``les ordres de Washington``, ``négocier avec
    Budapest``), or a name the article gives an actor elsewhere."""
    surfaces = _surfaces(ctx)
    found: list[MentionRef] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        prev = tok.doc[tok.i - 1].lower_ if tok.i > 0 else ""
        if (
            not tok.text[:1].isupper()
            or prev in _PLACE_PREPS
            or ctx.mention_at(tok.idx, tok.idx + len(tok.text))
        ):
            i += 1
            continue
        for n in range(min(4, len(tokens) - i), 0, -1):
            last = tokens[i + n - 1]
            entity = surfaces.get(key(ctx.text[tok.idx : last.idx + len(last.text)]))
            if entity is not None:
                found.append(MentionRef(tok.idx, last.idx + len(last.text), entity))
                i += n
                break
        else:
            i += 1
    return found


#: determiners of a description that points back to someone (``le président``, ``ce juge``)
_POINTING = {"fr": {"le", "la", "l'", "l", "ce", "cet", "cette"}, "en": {"the", "this"}}


def described_actor(ctx: QuoteContext, tok: Token, start: int) -> Entity | None:
    """The actor a definite role description stands for (``le président``, ``la ministre``,
    ``le prévenu``): the latest one introduced with that role (or a narrower one) before
    ``start``. Only a singular role noun; a thing (``le texte``) names no one."""
    if tok.pos_ != "NOUN" or tok.morph.get("Number", []) == ["Plur"] or tok.tag_ == "NNS":
        return None
    det = next((c for c in tok.children if c.dep_ in {"det", "det:poss"}), None)
    if det is None or det.lower_ not in _POINTING.get(ctx.lang, set()):
        return None
    if ctx.mention_at(tok.idx, tok.idx + len(tok.text)) is not None or not ctx.can_speak(tok):
        return None
    kind = "organization" if tok.lemma_.lower() in ORG_NOUNS[ctx.lang] else "person"
    return _introduced_as(ctx, tok, start, kind)


#: how far back (characters) a role description may point
_ROLE_WINDOW = 8000


def _introduced_as(ctx: QuoteContext, tok: Token, start: int, kind: str) -> Entity | None:
    """The latest actor of ``kind`` written with the role ``tok`` names (or a narrower one:
    ``l'élue`` for a maire) before ``start``: ``du président Étienne X`` then ``le président``.

    Unlike the speaker finder's lookup, an actor whose role is unknown does not stop the
    search: a target is named by its role where the speaker of the sentence is not.
    """
    forms = {tok.lemma_.lower(), tok.lower_}
    kin = role_kin(ctx.lang)
    wanted = set(forms).union(*(kin.get(f, frozenset()) for f in forms))
    det = next((c for c in tok.children if c.dep_ == "det"), None)
    gender = None
    if kind == "person" and det is not None:
        gender = {"la": "Fem", "cette": "Fem", "le": "Masc", "ce": "Masc", "cet": "Masc"}.get(
            det.lower_
        )
    seen: set[str] = set()
    for ref in reversed(ctx.mentions_in(max(0, start - _ROLE_WINDOW), start)):
        entity = ref.entity
        if entity.type != kind or entity.id in seen:
            continue
        seen.add(entity.id)
        earlier = (r for r in ctx.mentions_in(0, start) if r.entity.id == entity.id)
        if not set().union(*(ctx.roles_of(r) for r in earlier)) & wanted:
            continue
        known = ctx.gender_of(entity) if gender is not None else None
        if known is not None and known != gender:
            continue
        return entity
    return None


def described_inside(ctx: QuoteContext, quote: Quote, tokens: list[Token]) -> list[MentionRef]:
    """Role descriptions in the quote that point back to an actor (``Le président a choisi de
    faire payer la crise``, ``si la ministre ne retire pas ce texte``)."""
    out = []
    for tok in tokens:
        entity = described_actor(ctx, tok, quote.start)
        if entity is not None:
            out.append(MentionRef(tok.idx, tok.idx + len(tok.text), entity))
    return out


# -- the one a cue addresses: ``reprocher à X``, ``appeler X à``, ``promettre à X`` -------------

#: cues whose direct object is the one spoken to or of (``appeler X à « … »``, ``accuser X``)
ADDRESS_OBJECT = {
    "fr": {
        "appeler", "exhorter", "inviter", "sommer", "enjoindre", "presser", "implorer",
        "supplier", "accuser", "menacer", "avertir", "féliciter", "remercier", "saluer",
        "soupçonner", "blâmer", "fustiger", "critiquer", "attaquer", "interpeller",
        "mettre en garde",
    },
    "en": {"urge", "call", "invite", "accuse", "warn", "threaten", "praise", "thank", "blame"},
}  # fmt: skip
#: cues whose ``à`` complement is the one spoken to (``reprocher à X de « … »``)
ADDRESS_DATIVE = {
    "fr": {
        "reprocher", "promettre", "demander", "réclamer", "ordonner", "conseiller",
        "recommander", "répondre", "rétorquer", "répliquer", "lancer", "adresser", "rappeler",
        "enjoindre", "opposer", "imputer", "exprimer", "garantir", "assurer",
    },
    "en": {"reply", "respond", "promise", "tell", "ask", "demand"},
}  # fmt: skip
#: prepositions of the addressee: ``à X``, ``au gouvernement``, ``avec X`` for a feeling shown
#: to someone (``exprimé sa « solidarité » avec X``)
_DATIVE_CASES = {"à", "au", "aux", "to"}
_WITH_CASES = {"avec", "envers", "with", "towards"}
#: nouns of a feeling or stance shown toward someone (``sa solidarité avec X``)
_TOWARD_NOUNS = {"solidarité", "soutien", "sympathie", "condoléances", "hostilité", "colère"}


def _case(tok: Token) -> str:
    case = next((c for c in tok.children if c.dep_ == "case"), None)
    return case.lower_ if case is not None else ""


def _governors(ctx: QuoteContext, quote: Quote, cue: Token | None) -> list[Token]:
    """The cue and, for a fragment, the verb outside the marks it hangs on (``a exprimé sa
    « solidarité »``, ``promet « un hiver de colère » au …``)."""
    out = [cue] if cue is not None else []
    if quote.kind != "partial":
        return out
    tok = ctx._token_at(quote.start)
    while tok is not None and tok.text in _OPENING_MARKS and tok.i + 1 < len(tok.doc):
        tok = tok.doc[tok.i + 1]
    if tok is None:
        return out
    node = tok
    for _ in range(6):
        if not _in_quote(quote, node) and node.pos_ in {"VERB", "AUX"}:
            if all(node.i != o.i for o in out):
                out.append(node)
            break
        if node.head.i == node.i:
            break
        node = node.head
    return out


def addressed_targets(
    ctx: QuoteContext, quote: Quote, cue: Token | None, exclude: set[str], whole: int, add: Add
) -> None:
    """The one a cue speaks to or of, outside the marks: the object of ``appeler``/``accuser``
    (``a appelé les membres du Conseil à « se ressaisir »``), the ``à`` complement of
    ``reprocher``/``promettre``/``demander`` (``a reproché au Hamas de « … »``), the ``avec``
    complement of a feeling shown (``a exprimé sa « solidarité totale » avec X``)."""
    lang = ctx.lang
    for verb in _governors(ctx, quote, cue):
        lemma = verb.lemma_.lower()
        pol = ctx.cues.words.get(lemma, 0)
        stance = whole if whole != 0 else pol
        for child in verb.children:
            if _in_quote(quote, child):
                continue
            case = _case(child)
            if child.dep_ in {"obj", "dobj"} and lemma in ADDRESS_OBJECT.get(lang, set()):
                _add_addressee(ctx, quote, child, exclude, stance, add)
            elif child.dep_ in {"iobj", "obl", "obl:arg", "obl:mod", "dative"} and (
                case in _DATIVE_CASES or child.lower_ in {"lui", "leur"}
            ):
                if lemma in ADDRESS_DATIVE.get(lang, set()) and child.pos_ != "PRON":
                    _add_addressee(ctx, quote, child, exclude, stance, add)
            elif case in _WITH_CASES and _shows_feeling(verb, quote):
                _add_addressee(ctx, quote, child, exclude, stance, add)
    if quote.kind != "partial":
        return
    # ``sa « solidarité totale » avec la Belgique``: the quoted noun's own complement
    span = ctx.doc.char_span(quote.start, quote.end, alignment_mode="expand")
    for tok in span if span is not None else []:
        if tok.lemma_.lower() not in _TOWARD_NOUNS:
            continue
        for child in tok.children:
            if not _in_quote(quote, child) and _case(child) in _WITH_CASES:
                _add_addressee(ctx, quote, child, exclude, whole, add)


def _shows_feeling(verb: Token, quote: Quote) -> bool:
    """``exprimer sa solidarité avec X``: the verb's object is a feeling toward someone."""
    return any(
        c.dep_ in {"obj", "dobj"} and c.lemma_.lower() in _TOWARD_NOUNS for c in verb.children
    )


def _add_addressee(
    ctx: QuoteContext, quote: Quote, node: Token, exclude: set[str], stance: int, add: Add
) -> None:
    """The actor a complement names: a mention in its phrase (``les membres du Conseil``), else
    the actor a role description stands for (``au chef de l'Etat``)."""
    left, right = node.left_edge, node.right_edge
    if right.i - left.i > 10:
        right = node
    refs = [
        r
        for r in ctx.mentions_in(left.idx, right.idx + len(right.text))
        if r.entity.type in {"person", "organization"} and not quote.start <= r.start < quote.end
    ]
    if refs:
        if refs[0].entity.id not in exclude:
            add(refs[0].entity.id, stance)
        return
    described = described_actor(ctx, node, quote.start)
    if described is not None and described.id not in exclude:
        add(described.id, stance)
