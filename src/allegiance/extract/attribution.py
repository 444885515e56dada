"""Who said it: the cue (speech verb or ``selon``/``according to``) and the speaker of a quote.

:func:`attribute_marked` looks for the cue of a marked quote in its frame (the words around it
in its sentence) and falls back on verbless frames (``Pour X, « … »``, ``« … » - Name``).
The cue and speaker rules live in :mod:`allegiance.extract.cue_speakers` (the parse) and
:mod:`allegiance.extract.incise_subjects` (word order: French incises, a name before the verb);
their public names are re-exported here, where the other modules import them from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from allegiance.extract.cue_speakers import (
    SUBJ_DEPS,
    cue_span,
    is_cue,
    is_subject,
    speaker_of_cue,
)
from allegiance.extract.frames import (
    frame,
    lemma_guesses,
    participle_form,
    quoted,
    tokens_between,
)
from allegiance.extract.incise_subjects import incise_verb
from allegiance.extract.inner_incises import inner_incise
from allegiance.extract.media import is_media_noun, is_outlet
from allegiance.extract.misread_subjects import completive_of_cue
from allegiance.extract.naming_verbs import (
    judging_over_object,
    named_subject_namer,
    naming_participle,
)
from allegiance.extract.quote_context import (
    FIRST_PERSON,
    PRONOUNS_PL,
    PRONOUNS_SG,
    QuoteContext,
)
from allegiance.extract.quote_marks import OPENING_MARKS
from allegiance.extract.relative_antecedents import relative_view_holder
from allegiance.extract.speech_noun_owners import act_noun_author
from allegiance.extract.subject_chains import stray_subject
from allegiance.extract.verb_chains import (
    auxiliary_before,
    echo_of_previous,
    shares_cue_auxiliary,
)
from allegiance.extract.verbless_speakers import (
    colon_speaker,
    dash_name,
    dash_speaker,
    framed_speaker,
    headline_subject,
    postposed_source,
    signature,
    view_before,
)
from allegiance.models import Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = [
    "NAMED_THING_BEFORE",
    "NAMING",
    "NOT_SPEECH_BEFORE",
    "Attribution",
    "attribute_marked",
    "auxiliary_before",
    "cue_span",
    "frame",
    "is_cue",
    "is_naming_context",
    "is_subject",
    "lemma_guesses",
    "sentence_subject",
    "speaker_of_cue",
    "tokens_between",
]


#: cues that introduce a name or a label for someone: the quote after them is a partial quote
NAMING = {
    "fr": {"qualifier", "traiter", "appeler", "surnommer", "décrire", "présenter"},
    "en": {"call", "dub", "label", "describe", "term", "brand", "refer"},
}
#: words right before a quote that make it a scare quote or a name, not speech
NOT_SPEECH_BEFORE = re.compile(
    r"\b(soi-disant|prétendu|prétendue|baptisée?s?|nommée?s?|intitulée?s?|surnommée?s?|"
    r"so-called|dubbed|named|titled|entitled|nicknamed|known as|projet|project|opération|"
    r"operation|programme|program|film|livre|book|show|émission|album|slogan|hashtag|mot|word|"
    r"terme|term|expression)[^\w.!?…\n]*\Z",
    re.IGNORECASE,
)

#: nouns that introduce a named scheme, law, campaign, group or work: ``a annoncé le plan « Cap
#: Industrie »``. A name opens on a capital; a lower-case word after them is the speaker's
#: judgement (``une loi « liberticide »``), so the capital is checked where this is used
NAMED_THING_BEFORE = re.compile(
    r"\b(?:plans?|dispositifs?|lois?|pactes?|campagnes?|labels?|missions?|stratégies?|"
    r"festivals?|romans?|séries?|chansons?|applications?|collectifs?|mouvements?|chantiers?|"
    r"projets?|opérations?|programmes?|films?|livres?|émissions?|albums?|documentaires?|"
    r"spectacles?|expositions?|initiatives?|plateformes?|réseaux?|associations?|"
    r"plan|scheme|campaign|movement|strategy|initiative)[^\S\n]*\Z"
    # a headline ending on the noun is no frame for the quote opening the next line; "act" and
    # "bill" only in lower case (not the name Bill)
    r"|\b(?-i:act|bill)[^\S\n]*\Z",
    re.IGNORECASE,
)


@dataclass(slots=True)
class Attribution:
    cue: Token | None
    cue_span: Span | None
    speaker: Speaker | None
    confidence: float
    #: a sentence-final ``selon X`` passed over for the speech verb's subject: it names who
    #: reported the quote, so no indirect quote may be built from it
    passed_selon: Token | None = None
    #: words another actor's speech act is quoted by (``la promesse de X de « … »``) inside
    #: someone else's sentence: X spoke them earlier, so X is no speaker on stage
    embedded: bool = False


def _echo_cue(ctx: QuoteContext, after: list[Token]) -> Token | None:
    """``« … » C'est ce qu'a affirmé X``: the cue of the sentence after a closed quote that
    echoes it; its speaker is the quote's."""
    if len(after) < 3 or after[0].lower_ not in {"c'", "c"}:
        return None
    if any(t.lower_ in {"aussi", "également"} for t in after[2:5]):
        return None  # ``C'est aussi ce qu'a affirmé Y``: a second speaker agrees
    return next(
        (
            t
            for t in after[2:10]
            if is_cue(ctx, t)
            and t.lemma_.lower() not in _NAMING
            and echo_of_previous(t, after[0].i)
        ),
        None,
    )


#: verbs of a next sentence that deny the marked words rather than say them (``« va fermer ».
#: C'est ce qu'a démenti la direction``); not ``dénoncer``, ``déplorer``, ``craindre``, whose
#: subject usually holds the marked view (``C'est ce qu'a dénoncé la CGT``)
_GAINSAYING = frozenset(
    {"démentir", "contester", "nier", "réfuter", "rejeter", "récuser", "contredire", "infirmer",
     "critiquer"}
)  # fmt: skip


def _gainsays(cue: Token) -> bool:
    return bool({cue.lemma_.lower(), *lemma_guesses(cue.lower_)} & _GAINSAYING)


def _next_sentence(ctx: QuoteContext, close_at: int) -> list[Token]:
    """The words of the sentence after the one a closing mark at ``close_at`` ends (only
    punctuation between the mark and the end of its sentence); none otherwise."""
    doc = ctx.doc
    mark = ctx.token_at(close_at)
    if mark is None:
        return []
    end = mark.sent.end
    if end >= len(doc) or not all(t.is_punct or t.is_space for t in doc[mark.i + 1 : end]):
        return []
    return [t for t in doc[end].sent if not t.is_space]


#: verbs of naming: ``C'est ce qu'on appelle une promesse`` names the quote, quotes nobody
_NAMING = frozenset({"appeler", "nommer", "qualifier"})


def _relative_selon(tok: Token) -> bool:
    """``, selon qui …`` opens a relative clause about what follows, not a source of what
    came before."""
    doc = tok.doc
    return (
        tok.lower_ == "selon"
        and tok.i + 1 < len(doc)
        and doc[tok.i + 1].lower_ in {"qui", "lequel", "laquelle", "lesquels", "lesquelles"}
    )


#: conjunctions opening a clause of its own after a quote (``« … », tandis que Y réclamait``)
_CLAUSE_OPENER = re.compile(
    r"\b(?:(?:tandis|alors|pendant|parce|bien)\s+qu(?:e\b|')|lorsqu(?:e\b|')|quand\b|mais\b|"
    r"car\b|puisqu(?:e\b|'))",
    re.IGNORECASE,
)


#: ``, ce à quoi X a répondu``, ``, ce que X a démenti``: a relative on the whole statement
_ANSWERING_RELATIVE = re.compile(
    r"^\W*,\s*(?:ce\s+(?:à\s+quoi\s|que\s|qu['’]\s*|dont\s|qui\s)|à\s+quoi\s)", re.I
)


def _answering_relative(ctx: QuoteContext, close_at: int, cue: Token) -> bool:
    """The cue after the quote is in a relative clause on the whole statement (``X avait
    qualifié Y de « … », ce à quoi Z avait répondu …``): Z answered, X is quoted."""
    return bool(_ANSWERING_RELATIVE.match(ctx.text[close_at + 1 : cue.idx]))


def _own_clause_after(ctx: QuoteContext, close_at: int, cue: Token) -> bool:
    """``X a dénoncé un « scandale », tandis que Y réclamait un débat``: a cue after the quote
    in a clause a conjunction opens, with its subject before it (no incise inverts it), is
    another speaker's report, not the quote's cue."""
    if ctx.lang != "fr" or not _CLAUSE_OPENER.search(ctx.text, close_at + 1, cue.idx):
        return False
    return bool(_subjects_between(close_at, cue))


def _subjects_between(close_at: int, cue: Token) -> list[Token]:
    """The cue's subjects written between the closing mark and it (not inverted after it); an
    infinitive's are its governing verb's (``», Y préfère parler de …``)."""
    return [c for c in _clause_verb(cue).children if is_subject(c) and close_at < c.idx < cue.idx]


def _clause_verb(cue: Token) -> Token:
    """The verb holding the cue's subject: the cue, or the verb governing an infinitive cue
    (``Y préfère parler``, ``X n'a pas souhaité réagir``)."""
    return cue.head if cue.dep_ == "xcomp" and cue.head.i < cue.i else cue


def _named_subject_between(ctx: QuoteContext, close_at: int, cue: Token) -> bool:
    """``X parle d'une « … », et Y estime que …``: a cue after the quote whose named subject
    stands between the closing mark and it, in the author's order, opens a clause of its own;
    an incise inverts its subject (``», estime Y``). Asked only when a cue just before the
    marks may own the quote."""
    if ctx.lang != "fr":
        return False
    if any(ctx.mention_of(c) is not None for c in _subjects_between(close_at, cue)):
        return True
    # the parser often loses that subject (``, et Marine Le Pen estime`` read as a
    # coordination of names): word order says it
    return any(
        _AND_OPENER.fullmatch(ctx.text, close_at + 1, ref.start) is not None
        and len(ctx.text[ref.end : cue.idx].split()) <= 2
        for ref in ctx.mentions_in(close_at + 1, cue.idx)
    )


#: between a closing mark and the subject of a coordinated clause: ``», et``, ``" mais``
_AND_OPENER = re.compile(r"\s*,?\s*(?:et|mais)\s+", re.IGNORECASE)


#: prepositions opening an infinitive adverbial clause (``après avoir promis``, ``avant de
#: dire``, ``sans préciser``)
_INFINITIVE_OPENERS = frozenset({"après", "avant", "sans", "pour", "afin"})


def _infinitive_adverbial(tok: Token) -> bool:
    """``après avoir promis``, ``avant de dire``: a cue in an infinitive adverbial clause."""
    if tok.dep_ != "advcl":
        return False
    inf = "Inf" in tok.morph.get("VerbForm", []) or any(
        c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm", []) for c in tok.children
    )
    return inf and any(
        c.dep_ == "mark" and c.lower_ in _INFINITIVE_OPENERS and c.i < tok.i for c in tok.children
    )


def _qualifying_participle(tok: Token) -> bool:
    return (
        tok.dep_ in {"acl", "amod"}
        and "Part" in tok.morph.get("VerbForm", [])
        # ``l'avocat lance : « … »`` tagged a participle: the form says a conjugated verb
        and participle_form(tok)
        and "Past" in tok.morph.get("Tense", [])  # ``en assurant que`` still reports
        and not any(c.dep_.startswith("aux") for c in tok.children)
        and auxiliary_before(tok) is None  # ``X a, lundi, accusé …``: a compound tense
    )


def _relative_clause_verb(tok: Token) -> bool:
    return tok.dep_ in {"acl:relcl", "relcl"} or any(
        c.lower_ in {"qui", "who", "which", "that"} and c.dep_.startswith("nsubj")
        for c in tok.children
    )


def _verb_of_chain(tok: Token) -> Token:
    """The verb an infinitive hangs on (``dont la direction vient d'annoncer``: ``vient``)."""
    for _ in range(3):
        infinitive = "Inf" in tok.morph.get("VerbForm", [])
        if tok.dep_ != "xcomp" or not infinitive or tok.head.i == tok.i or tok.head.i > tok.i:
            break
        tok = tok.head
    return tok


def attribute_marked(
    ctx: QuoteContext, open_at: int, close_at: int, content: tuple[int, int]
) -> Attribution:
    """The cue and speaker of a marked quote found in its frame (same sentence)."""
    f_start, f_end = frame(ctx, open_at, close_at)
    excl = (open_at, close_at + 1)
    participle = naming_participle(ctx, open_at) if ctx.lang == "fr" else None
    if ctx.lang == "fr":
        # ``X a été qualifié de « … » par Y``, ``une réforme jugée « … » par Y``, ``décrit par
        # Y comme « … »``: the agent names, whatever the subject of the passive or of the
        # sentence around it
        named_by = ctx.speaker_from_tokens(participle[1], excl) if participle else None
        if participle is not None and named_by is not None:
            return Attribution(participle[0], cue_span(participle[0]), named_by, 0.85)
        judged = judging_over_object(ctx, open_at)
        if judged is not None and _judged_attribute(ctx, open_at, close_at, f_end):
            # ``X juge la mesure « injuste »``, ``a assimilé Y à un « pyromane »``: the
            # attribute is the judge's word, whatever a later incise says
            named_by = ctx.speaker_from_tokens(judged[1], excl)
            if named_by is not None:
                # ``… d'« absurde » mardi, selon Le Monde``: the outlet reports the naming
                relay = next(
                    (
                        t
                        for t in tokens_between(ctx, close_at + 1, f_end)
                        if t.idx > close_at
                        and (_is_selon(t) or is_cue(ctx, t) and _relaying_incise(ctx, t, close_at))
                    ),
                    None,
                )
                return Attribution(judged[0], cue_span(judged[0]), named_by, 0.8, relay)
    after = [t for t in tokens_between(ctx, close_at + 1, f_end) if t.idx > close_at]
    before = [t for t in tokens_between(ctx, f_start, open_at) if t.idx + len(t.text) <= open_at]
    closed = ctx.lang == "fr" and bool(after) and _closed_sentence(ctx.text, content, close_at)
    echo = _echo_cue(ctx, after) if closed else None
    if closed and not _names_someone(ctx, after[0]) and echo is None:
        after = []  # ``« … fin. » Un premier pas …``: the next sentence is not an incise
    # an opening mark in the after-frame starts the next quote: stop there
    for k, tok in enumerate(after):
        if tok.text in {"«", "“"} or (tok.text == '"' and k > 0):
            after = after[:k]
            break
    # ``Selon X, un habitant interrogé par l'AFP, « … »``: a participle qualifying a noun
    # reports nothing itself
    before_cues = [t for t in before if is_cue(ctx, t) and not _qualifying_participle(t)]
    # ``qualifiant les enquêtes qu'ils ont lancées sur X de « … »``: a cue in a relative
    # clause inside an earlier cue's object is not the quote's
    before_cues = [
        t
        for t in before_cues
        if not (
            _relative_clause_verb(t)
            and t.head.dep_ == "obj"
            and any(u.i == t.head.head.i for u in before_cues)
            # ``a dénoncé le député X, qui a qualifié …``: a ``qui`` clause is its
            # antecedent's own report (the parser reads the inverted subject as an object)
            and not any(c.lower_ in {"qui", "who"} for c in t.children)
        )
    ]
    before_cues = _past_shared_auxiliary(ctx, before_cues, open_at)
    # ``X a souligné que même si Y a nié …, « certaines accusations sont portées »``: a cue in
    # an adverbial clause of the marked words themselves is a concession inside them
    before_cues = [t for t in before_cues if not _conceded_in_report(t, before_cues, open_at)]
    # ``X a déploré que Y pense « aux législatives »``: a verb of thought or wish in the ``que``
    # clause of a speech verb tells what X makes of Y; the marked words are X's
    before_cues = [t for t in before_cues if not _thought_in_report(ctx, t, before_cues, content)]
    author = act_noun_author(ctx, open_at, close_at)
    if author is not None:
        # ``Y a ironisé sur la promesse de X de combattre « … »``: X's words
        by = ctx.speaker_from_tokens(author, excl)
        if by is not None:
            return Attribution(None, None, by, 0.8, embedded=True)
    if ctx.lang == "fr" and not before_cues and all(t.is_punct for t in after):
        # ``Le centre « va poursuivre son cours ». C'est ce qu'assure le préfet``: marks with
        # no cue in their sentence, echoed by the next one
        following = _next_sentence(ctx, close_at)
        echo_next = _echo_cue(ctx, following)
        if echo_next is not None and not _gainsays(echo_next):
            after, echo = following, echo_next
    near_before = bool(before_cues) and open_at - before_cues[-1].idx < 60
    # a cue in a relative clause after the quote speaks of someone else: ``s'est dit « déçu »
    # par X, qui a critiqué …``, ``said to be "disappointed" by X, who criticised …``
    after_cues = [
        t
        for t in after
        if is_cue(ctx, t)
        and (t == echo or not _relative_clause_verb(_verb_of_chain(t)))
        and not _relative_selon(t)
        and not _answering_relative(ctx, close_at, t)
        and not _own_clause_after(ctx, close_at, t)
        and not (near_before and _named_subject_between(ctx, close_at, t))
        # ``a exhorté X à « enquêter sur … les abus » dénoncés par les migrants``: after a
        # cue, a participle qualifying a noun of the quote says who spoke of that noun, not
        # who is quoted (with no cue before, ``une affaire « … » révélée par X`` is the
        # naming the speech test reads)
        and not (near_before and _qualifying_participle(t) and open_at < t.head.idx < close_at)
        # ``a déclaré que le Canada paierait un « prix » après avoir promis …``: an infinitive
        # clause after the quote tells what else its speaker did, not who said it
        and not (near_before and _infinitive_adverbial(t))
    ]
    if ctx.lang == "fr" and not (after_cues and after_cues[0].idx - close_at < 40):
        # ``Y, pour qui la mesure est « une faute »``: Y's view, unless a cue comes after the
        # relative or an incise after the marks
        view = relative_view_holder(ctx, f_start, open_at, excl)
        if view is not None and not any(t.i > view[0].i for t in before_cues):
            return Attribution(None, None, view[1], 0.8)
        # ``la CGT qualifiant …, tandis que pour la CGPME, il « … »``: a view opening right
        # before the marks, past the earlier clause's cue
        held = view_before(ctx, f_start, open_at, excl)
        if held is not None and before_cues and not any(t.idx > held[0] for t in before_cues):
            return Attribution(None, None, held[1], 0.75)
    candidates: list[tuple[Token, float]] = []
    # ``X analyse « … » dans … : « … », « … » selon Y``: a cue before an earlier closed quote
    # introduced that one, not this one
    owned = bool(before_cues) and _owned_by_earlier_quote(ctx, before_cues[-1], open_at, close_at)
    # ``X avait déclaré : « … prêts. » Il accusait …``: when the quote closes its sentence, the
    # cue of that sentence introduced it; the next sentence's verb is a new statement
    introduced = closed and bool(before_cues) and not owned
    # ``X, auquel Y a reproché « … », a maintenu …``: a verb after the marks whose subject
    # stands before them is the sentence's main verb, not an incise of these words, when a cue
    # with a subject of its own (or a present participle: ``X, estimant que … « … », a
    # appelé …``) stands before the marks; not a ``selon`` (``Selon Z, le ministre, « très
    # serein », a affirmé …``: the marks describe the subject)
    spanning = (
        bool(before_cues)
        and bool(after_cues)
        and not _is_selon(before_cues[-1])
        and (
            any(is_subject(c) for c in _clause_verb(before_cues[-1]).children)
            or before_cues[-1].morph.get("Tense", []) == ["Pres"]
            and "Part" in before_cues[-1].morph.get("VerbForm", [])
        )
        and any(is_subject(c) and c.idx < open_at for c in _clause_verb(after_cues[0]).children)
    )
    if after_cues and after_cues[0].idx - close_at < 40 and not introduced and not spanning:
        candidates.append((after_cues[0], 0.9))
    if before_cues and not owned:
        candidates.append((before_cues[-1], 0.85 if open_at - before_cues[-1].idx < 60 else 0.7))
    if after_cues:
        candidates += [(t, 0.7) for t in after_cues]
    if (
        len(candidates) > 1
        and (_is_selon(candidates[0][0]) or _relaying_incise(ctx, candidates[0][0], close_at))
        and not _is_selon(candidates[1][0])
        and candidates[1][0].idx < open_at
        and candidates[1][0].sent.start == candidates[0][0].sent.start
    ):
        # ``X a qualifié Y d'« escroc » mardi, selon Reuters`` (or ``…, a rapporté Le Monde``):
        # the speech verb's subject is the speaker; the ``selon`` or the incise closing the
        # sentence names the outlet that reported it
        candidates[0], candidates[1] = candidates[1], candidates[0]
        passed = candidates[1][0]
    elif (namer := _named_namer(ctx, candidates, after_cues, before_cues, open_at)) is not None:
        # ``… au cours duquel le ministre X a qualifié les maires de « … », a estimé Y``: the
        # marked words are X's; Y reports X's naming
        passed = candidates[0][0]
        candidates = [namer, *(c for c in candidates if c is not namer)]
    else:
        passed = None
    for cue, conf in candidates:
        speaker = speaker_of_cue(ctx, cue, excl)
        if speaker is not None:
            reporter = passed if passed is not None and passed.i != cue.i else None
            return Attribution(cue, cue_span(cue), speaker, conf, reporter)
    # ``« Je fais le vœu, termine l'avocat, qu'après … »``: the incise inside the marks
    inner = inner_incise(ctx, open_at, close_at)
    if inner is not None:
        return Attribution(inner[0], cue_span(inner[0]), inner[1], 0.8)
    # ``« … », sourit Karim Haddad``: in French any verb right after the closing mark that
    # inverts a named subject is an incise of saying, listed cue or not
    incise = incise_verb(ctx, after) if ctx.lang == "fr" else None
    if incise is not None:
        speaker = speaker_of_cue(ctx, incise, excl)
        if speaker is not None:
            return Attribution(incise, cue_span(incise), speaker, 0.7)
    # ``“…,” the judge exclaimed.``: any verb with a subject right after the quote, before the end
    for tok in after[:6]:
        if tok.pos_ == "VERB" and tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].is_punct:
            speaker = next(
                (ctx.speaker_from_tokens(c, excl) for c in tok.children if c.dep_ in SUBJ_DEPS),
                None,
            )
            if speaker is not None:
                return Attribution(tok, cue_span(tok), speaker, 0.6)
    # ``« … », pour X.``: a postposed source, like ``selon X``
    source = postposed_source(ctx, close_at, excl, open_at)
    if source is not None:
        return Attribution(source[0], cue_span(source[0]), source[1], 0.75)
    # ``Pour X, « … »`` and ``« … », peut-on lire dans X``
    framed = framed_speaker(ctx, f_start, open_at, close_at, excl)
    if framed is not None:
        return Attribution(None, None, framed, 0.7)
    # ``« … » - Name`` and ``Name : « … »`` (no verb)
    dash = (
        dash_speaker(ctx, after, excl)
        or dash_name(ctx, close_at)
        or signature(ctx, open_at, close_at)
    )
    if dash is not None:
        return Attribution(None, None, dash, 0.7)
    colon = colon_speaker(ctx, before, excl) or headline_subject(ctx, open_at, close_at, excl)
    if colon is not None:
        return Attribution(None, None, colon, 0.7)
    if candidates:
        cue = candidates[0][0]
        return Attribution(cue, cue_span(cue), None, 0.4)
    return Attribution(None, None, None, 0.3)


#: verbs of thought or wish: what they govern in someone else's report is the reporter's
#: reading of the subject's mind, not words the subject said
_THOUGHTS = frozenset(
    {"penser", "croire", "vouloir", "souhaiter", "espérer", "chercher", "imaginer", "rêver"}
)

#: speech verbs that judge what they report: a neutral one (``indiquer``, ``confier``) relays
#: the subject's own words, a judging one gives the reporter's reading of them
_JUDGING = frozenset(
    {
        "regretter",
        "déplorer",
        "dénoncer",
        "reprocher",
        "critiquer",
        "fustiger",
        "railler",
        "ironiser",
        "moquer",
        "inquiéter",
        "accuser",
        "indigner",
        "condamner",
    }
)

#: first-person words: marked words that hold one are the thinker's own
_FIRST_PERSON = re.compile(r"\b(?:je|j['’]|me|m['’]|moi|mon|ma|mes|nous|notre|nos)\b", re.I)


def _thought_in_report(
    ctx: QuoteContext, cue: Token, cues: list[Token], content: tuple[int, int]
) -> bool:
    """``cue`` is a verb of thought in (or coordinated under) the ``que`` clause of an earlier
    speech verb among ``cues`` that judges it (``a déploré que Y pense « … »``), and the marked
    words are no first-person speech of the thinker's (French)."""
    if ctx.lang != "fr" or cue.lemma_.lower() not in _THOUGHTS:
        return False
    if _FIRST_PERSON.search(ctx.text[content[0] : content[1]]):
        return False  # ``a indiqué que X espérait « retrouver mes joueurs »``: X's words
    judging = {t.i for t in cues if t.i < cue.i and t.lemma_.lower() in _JUDGING}
    tok = cue
    for _ in range(4):
        if completive_of_cue(ctx, tok):
            return tok.head.i in judging
        if tok.dep_ != "conj" or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _named_namer(
    ctx: QuoteContext,
    candidates: list[tuple[Token, float]],
    after_cues: list[Token],
    before_cues: list[Token],
    open_at: int,
) -> tuple[Token, float] | None:
    """The candidate of a naming verb before the marks (:func:`named_subject_namer`) when an
    incise after them comes first."""
    if not (after_cues and before_cues and candidates and candidates[0][0] is after_cues[0]):
        return None
    if not named_subject_namer(ctx, before_cues[-1], open_at):
        return None
    return next((c for c in candidates if c[0] is before_cues[-1]), None)


#: verbs by which an outlet or a witness relays what someone else said
_RELAYING = frozenset({"rapporter", "relater", "révéler", "écrire", "relayer"})


def _past_shared_auxiliary(ctx: QuoteContext, cues: list[Token], open_at: int) -> list[Token]:
    """``Kinshasa a réaffirmé que Kigali soutenait … mais refusé de « … »``: the quote hangs on
    a bare participle sharing an earlier cue's auxiliary (:func:`shares_cue_auxiliary`); the
    cues of the reported clause in between (``soutenait``) are not its cue."""
    first = _first_quoted_word(ctx, open_at)
    if ctx.lang != "fr" or len(cues) < 2 or first is None:
        return cues
    chain = [first, *first.ancestors]
    for k in range(len(cues) - 2, -1, -1):
        if any(shares_cue_auxiliary(v, cues[k]) for v in chain):
            return cues[: k + 1]
    return cues


def _owned_by_earlier_quote(ctx: QuoteContext, cue: Token, open_at: int, close_at: int) -> bool:
    """A quote closes between ``cue`` and this quote's opening mark: the cue introduced that
    one. Not when the cue governs this quote too and no colon sets them apart (``a demandé
    aux « résidents » de « ne pas quitter leurs maisons »``: both are the verb's complements)."""
    between = ctx.text[cue.idx : open_at]
    if not any(c in between for c in "»”"):
        return False
    if ":" in between:
        return True
    first = _first_quoted_word(ctx, open_at)
    if first is None:
        return True
    root = first  # the head of the quoted words: up while the head is inside the marks
    while root.head.i != root.i and open_at < root.head.idx < close_at:
        root = root.head
    return not _complement_of(root, cue)


#: dependencies by which a word belongs to the phrase of a verb's argument (its object, an
#: oblique, a noun's complement or clause, an infinitive, a ``que`` clause), not to another
#: clause
_ARGUMENT_LINKS = frozenset(
    {"obj", "iobj", "obl", "obl:arg", "obl:mod", "nmod", "appos", "acl", "acl:relcl", "xcomp"}
    | {"amod", "ccomp"}
)


def _complement_of(word: Token, cue: Token) -> bool:
    """``word`` lies in a complement of ``cue``: up its heads through argument links only (a
    coordinated clause with a subject of its own, an adverbial or a parenthetical clause is
    another statement: ``X a dénoncé une « trahison », mais le texte reste « … »``)."""
    tok = word
    for _ in range(12):
        if tok.i == cue.i:
            return True
        head = tok.head
        if head.i == tok.i:
            return False
        # a coordinated clause is the verb's when it has no subject of its own or is a second
        # ``que`` clause of the verb (``a indiqué que … et qu'elle restait « … »``)
        own_subject = any(c.dep_.startswith("nsubj") for c in tok.children)
        completive = any(c.dep_ == "mark" and c.lower_ in {"que", "qu'"} for c in tok.children)
        # ``une junte « illégitime », qui prend des « mesures … »``: a relative clause the
        # parser hung on the verb belongs to its object
        relative = any(c.dep_.startswith("nsubj") and c.lower_ == "qui" for c in tok.children)
        # ``a jugé que la « lâcheté » et le « cynisme » … étaient``: the subject of a ``que``
        # clause; ``avant de « claquer la porte »``, ``pour « … »``: an infinitive of purpose
        # or sequence is the same speaker's
        in_completive = tok.dep_.startswith("nsubj") and head.dep_ == "ccomp"
        infinitive = tok.dep_ == "advcl" and any(
            c.dep_ == "mark" and c.lower_ in {"de", "d'", "pour", "afin"} for c in tok.children
        )
        if (
            tok.dep_ not in _ARGUMENT_LINKS
            and not (tok.dep_ == "conj" and (completive or not own_subject))
            and not (tok.dep_ == "advcl" and relative)
            and not in_completive
            and not infinitive
        ):
            return False
        tok = head
    return False


def _first_quoted_word(ctx: QuoteContext, open_at: int) -> Token | None:
    """The first word after the opening mark at ``open_at`` (within three tokens)."""
    mark = ctx.token_at(open_at)
    words = [] if mark is None else [t for t in ctx.doc[mark.i + 1 : mark.i + 4] if t.is_alpha]
    return words[0] if words else None


def _relaying_incise(ctx: QuoteContext, cue: Token, close_at: int) -> bool:
    """``X a jugé l'offre « insuffisante », a rapporté Le Monde``: an incise of relaying after
    the comma that follows the quote, like a closing ``selon Le Monde``."""
    if ctx.lang != "fr" or cue.idx <= close_at:
        return False
    lemma = cue.lemma_.lower()
    if lemma not in _RELAYING and not any(g in _RELAYING for g in lemma_guesses(cue.lower_)):
        return False
    between = ctx.text[close_at + 1 : cue.idx].split()
    if not (
        bool(between)
        and between[0] == ","
        and all(w in {",", "a", "ont", "avait", "avaient", "l'a", "l'ont"} for w in between)
    ):
        return False
    # only a medium relays (``a rapporté Le Monde``): ``a écrit l'économiste X dans Les Échos``
    # gives the economist's own words
    doc = ctx.doc
    for tok in doc[cue.i + 1 : min(len(doc), cue.i + 6)]:
        if tok.is_punct:
            break
        ref = ctx.mention_of(tok)
        if ref is not None:
            return is_outlet(ctx, ref)
        if tok.pos_ == "NOUN":
            return is_media_noun(ctx.lang, tok.lemma_.lower(), tok)
    return False


def _judged_attribute(ctx: QuoteContext, open_at: int, close_at: int, f_end: int) -> bool:
    """The marked words after a judged object are its attribute, the judge's word: a few
    lower-case words (not a note quoted whole, ``le message « Pardon maman »``) with no speech
    cue after them in the sentence (``…, estime le politologue X``, ``selon X``: X's words)."""
    inside = ctx.text[open_at + 1 : close_at].strip(' \u00a0«»“”"')
    if not inside[:1].islower() or len(inside.split()) > 5:
        return False
    after = [t for t in tokens_between(ctx, close_at + 1, f_end) if t.idx > close_at]
    after = [t for t in after if not t.is_space and t.text not in {"»", "”", '"'}]
    # an incise right after the marks (``», a indiqué X``, ``», comme le réclame X``), not a
    # verb coordinated with the judging one (``… de « … » et appelé la FEC à …``)
    return not (
        after and after[0].text == "," and any(is_cue(ctx, t) or _is_selon(t) for t in after[1:5])
    )


def _is_selon(tok: Token) -> bool:
    return tok.lemma_.lower() in {"selon", "according"} or tok.lower_ in {
        "après",
        "according",
    }


def _closed_sentence(text: str, content: tuple[int, int], close_at: int) -> bool:
    """The quote ends its own sentence (``… la différence. »``) and a capital opens the next
    one: French incises go on in lower case (``», dit-il``), so the words after are no frame."""
    if not text[content[0] : content[1]].rstrip().endswith((".", "!", "?", "…")):
        return False
    nxt = text[close_at + 1 : close_at + 4].lstrip(" \t")
    return nxt[:1].isupper()


def _names_someone(ctx: QuoteContext, tok: Token) -> bool:
    """``Il insiste …``, ``Jean Dupont ajoute …``: a sentence after a quote that opens on a
    person still tells about its speaker."""
    low = tok.lower_
    if (
        low in PRONOUNS_SG[ctx.lang] | PRONOUNS_PL[ctx.lang]
        or tok.pos_ == "PROPN"
        or ctx.mention_of(tok) is not None
    ):
        return True
    # ``« … » Le ministre a ensuite quitté la salle``: a subject naming a person or a body
    # (not ``« … » Un premier pas …``, a thing)
    head = tok.head
    return (
        tok.pos_ == "DET"
        and head.i > tok.i
        and head.dep_ in {"nsubj", "nsubj:pass"}
        and head.pos_ == "NOUN"
        and ctx.can_speak(head)
    )


#: words opening a conditional or concessive clause: ``si``, ``même si``, ``bien que``
_CONCEDING = frozenset({"si", "s'", "s’", "quoique", "bien", "encore"})


def _conceded_in_report(cue: Token, cues: list[Token], open_at: int) -> bool:
    """``X a souligné que même si Y a nié …, « … »``: ``cue`` opens a clause of condition or
    concession inside the ``que`` clause of an earlier cue, and a comma closes it before the
    marks at ``open_at``: the marked words go on the earlier cue's report."""
    earlier = [u for u in cues if u.i < cue.i]
    doc = cue.doc
    if not earlier or (cue.i + 1 < len(doc) and doc[cue.i + 1].text == ","):
        return False  # ``si Y a annoncé, lundi, « … »``: an adjunct, then the cue's own object
    between = doc[earlier[-1].i + 1 : cue.i]
    if not any(w.lower_ in {"que", "qu'", "qu’"} for w in between[:3]):
        return False
    opens = any(
        w.lower_ in _CONCEDING
        and (w.pos_ == "SCONJ" or w.dep_ == "mark" or w.nbor(1).lower_ == "que")
        for w in between
        if w.i + 1 < len(doc)
    )
    closed = any(w.text == "," for w in doc[cue.i + 1 :] if w.idx < open_at)
    return opens and closed


def sentence_subject(ctx: QuoteContext, tok: Token, excl: tuple[int, int]) -> Speaker | None:
    """The subject of the verb chain above ``tok`` (for partial quotes with no cue)."""
    head = tok
    for _ in range(8):
        # ``X a affirmé que l'arrestation de Y « n'est en rien … »``: the subject of the clause
        # a speech verb reports is what the words are about, never who said them
        reported = completive_of_cue(ctx, head)
        for child in head.children:
            if reported:
                break
            if is_subject(child) and not (excl[0] <= child.idx < excl[1]):
                if (
                    child.lower_ in {"qui", "who", "que", "that"}
                    or child.lower_ in FIRST_PERSON[ctx.lang]
                    # ``« Il a menti », puisque « … »``, ``« il a du sens, ce procès »``: a
                    # pronoun in quoted words speaks of someone in the speaker's world, not of
                    # the author's subject
                    or (child.pos_ == "PRON" and quoted(ctx, child))
                ):
                    continue
                speaker = ctx.speaker_from_tokens(child, excl)
                if speaker is not None and not _quoted_word(child, speaker):
                    return speaker
        if head.head.i == head.i:  # the root (Tokens are new objects: no ``is``)
            break
        head = head.head
    stray = stray_subject(head) if ctx.lang == "fr" else None
    if stray is not None and not excl[0] <= stray.idx < excl[1]:
        return ctx.speaker_from_tokens(stray, excl)  # a subject the parser hung on ``suite à``
    return None


def _quoted_word(subject: Token, speaker: Speaker) -> bool:
    """``« Fixé », le feu n'avait « plus évolué »``: a subject the author put in quotation
    marks and that names no actor is a quoted word, not the source of the sentence's fragments."""
    if speaker.entity is not None:
        return False
    first = subject.left_edge
    return first.text in OPENING_MARKS or (first.i > 0 and first.nbor(-1).text in OPENING_MARKS)


def is_naming_context(ctx: QuoteContext, before: str, cue_lemmas: set[str]) -> bool:
    """``le qualifiant de``, ``called him a``: a label given by the speaker, so a real quote."""
    return bool(cue_lemmas & NAMING[ctx.lang])
