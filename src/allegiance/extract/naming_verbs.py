"""Verbs of naming right before marked words: ``qualifié de « … »``, ``jugée « … » par X``.

The marked words are the namer's: the subject of the verb, or, for a participle, the agent
``par X`` after the marks (the parser often hangs that agent on the marked words themselves).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.frames import tokens_between
from allegiance.extract.speaker_words import FR_OF

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.quote_context import QuoteContext


#: verbs whose attribute in marks is the subject's word for something (``l'a classé « … »``)
NAMING_VERBS = {"qualifier", "classer", "traiter", "surnommer", "décrire", "juger", "considérer"}


#: words between the verb and the marks (the parser may split ``d'`` in two tokens)
_LINKS = frozenset({"de", "d'", "d’", "d", "'", "’", "comme"})


def _words_before(ctx: QuoteContext, open_at: int, width: int) -> list[Token]:
    """The words before the marks, past adverbs and ``de``/``comme`` right before them."""
    toks = [t for t in tokens_between(ctx, max(0, open_at - width), open_at) if t.idx < open_at]
    while toks and (toks[-1].pos_ == "ADV" or toks[-1].lower_ in _LINKS):
        toks.pop()
    return toks


def naming_verb(ctx: QuoteContext, open_at: int) -> Token | None:
    """The verb of naming right before the marks, past adverbs and ``de``/``comme``; or the
    verb of judging before its object (``juge la mesure « injuste »``, ``a assimilé le
    journaliste à un « pyromane »``)."""
    toks = _words_before(ctx, open_at, 40)
    if not toks:
        return None
    if toks[-1].lemma_.lower() in NAMING_VERBS:
        return toks[-1]
    return _verb_over_object(toks)


#: verbs that judge their object with an attribute after it (``trouve la mesure « injuste »``)
_JUDGING_OBJECT_VERBS = frozenset({"juger", "trouver", "estimer", "considérer", "qualifier"})
#: verbs that liken their object to what follows ``à`` (``assimile X à un « pyromane »``)
_LIKENING_VERBS = frozenset({"assimiler", "comparer"})
#: the parts of speech of the object between the verb and the marks (no verb, no punctuation)
_OBJECT_WORDS = frozenset({"DET", "NOUN", "PROPN", "ADJ", "NUM"})


def _verb_over_object(toks: list[Token]) -> Token | None:
    """The verb of judging or likening before a short object noun phrase that stands right
    before the marks (``à un`` between for a verb of likening)."""
    toks = [t for t in toks if not t.is_space]  # a double space is a token of its own
    if not toks:
        return None
    k = len(toks) - 1
    likening = False
    if toks[k].lower_ in {"un", "une"} and k > 0:
        k -= 1
    if toks[k].lower_ in {"à", "au", "aux"}:
        likening = True
        k -= 1
    end = k
    while (
        k >= 0
        and end - k < 6
        and (toks[k].pos_ in _OBJECT_WORDS or toks[k].lower_ in FR_OF)
        and toks[k].lower_ not in _JUDGING_FORMS
    ):
        k -= 1
    if k < 0 or k == end or toks[k + 1].pos_ not in {"DET", "PROPN"}:
        return None  # no object, or one that does not open on a determiner or a name
    if not any(t.pos_ in {"NOUN", "PROPN"} for t in toks[k + 1 : end + 1]):
        return None  # ``a trouvé la « solution »``: the marks hold the object itself
    verb = toks[k]
    if _declined(verb) or verb.lemma_.lower() == "trouver" and _compound(verb):
        return None  # ``refuse de qualifier X de « … »``; ``a trouvé X « en état de choc »``
    if likening:
        return verb if verb.pos_ == "VERB" and verb.lemma_.lower() in _LIKENING_VERBS else None
    if verb.pos_ == "VERB" and verb.lemma_.lower() in _JUDGING_OBJECT_VERBS:
        return verb
    # ``X juge la mesure « … »`` with ``juge`` tagged as the noun: not after a determiner
    if verb.lower_ in _JUDGING_FORMS and k > 0 and toks[k - 1].pos_ != "DET":
        return verb
    return None


def namer_of(ctx: QuoteContext, verb: Token) -> Token | None:
    """Who names with a verb of naming: its subject (or agent) that can speak, that of the verb
    it completes (``s'est contenté d'assimiler X à …``), or, when the tagger took the verb for
    a noun (``l'association juge la mesure « … »``), the name or noun right before it."""
    holders = [verb, verb.head] if verb.dep_ == "xcomp" else [verb]
    for holder in holders:
        for child in holder.children:
            if child.dep_ in {"nsubj", "obl:agent"} and _speaking(ctx, child):
                return child
    if verb.pos_ != "VERB" and verb.i > 0:
        before = verb.doc[verb.i - 1]
        if before.pos_ in {"NOUN", "PROPN"} and _speaking(ctx, before):
            return before
    return None


def judging_over_object(ctx: QuoteContext, open_at: int) -> tuple[Token, Token] | None:
    """The verb and the namer of :func:`naming_verb` when an object stands between the verb
    and the marks (``X juge la mesure « injuste »``): the marked attribute is the namer's."""
    toks = _words_before(ctx, open_at, 40)
    if not toks or toks[-1].lemma_.lower() in NAMING_VERBS:
        return None
    verb = _verb_over_object(toks)
    namer = namer_of(ctx, verb) if verb is not None else None
    return (verb, namer) if verb is not None and namer is not None else None


#: verbs whose infinitive names a judgement not made (``refuse de qualifier X de « … »``)
_DECLINING = frozenset({"refuser", "éviter", "hésiter", "renoncer", "se garder", "garder"})


def _declined(verb: Token) -> bool:
    """A verb of judging denied (``n'a pas voulu comparer``) or the infinitive of a refusal."""
    for tok in (verb, verb.head) if verb.dep_ == "xcomp" else (verb,):
        if any(c.lower_ in {"pas", "jamais", "plus", "guère"} for c in tok.children):
            return True
    return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _DECLINING


def _compound(verb: Token) -> bool:
    """A compound tense (``a trouvé``): ``trouver`` then means to find, not to judge."""
    return any(c.dep_.startswith("aux") for c in verb.children)


#: present forms of the verbs of judging that the tagger may take for nouns (``juge``)
_JUDGING_FORMS = frozenset({"juge", "jugent", "estime", "estiment", "trouve", "trouvent"})


#: verbs of judging (the verbs of naming among them) whose past participle before marked words
#: makes them its agent's words (``dénoncés comme « … » par X``, ``salué comme « historique »
#: par Y``)
JUDGING_VERBS = frozenset(
    {"dénoncer", "présenter", "saluer", "accueillir", "critiquer", "fustiger", "dépeindre",
     "désigner", "percevoir", "voir", "accuser", "taxer", "louer", "applaudir", "définir",
     "résumer", "vanter", "condamner", "épingler", "estimer", "qualifier", "décrire", "juger",
     "considérer", "traiter", "surnommer", "classer", "reprocher", "moquer", "railler"}
)  # fmt: skip

#: words that may stand between the marks and the agent: a time (``la semaine dernière``)
_TIME_WORDS = frozenset(
    {"la", "le", "l'", "les", "semaine", "mois", "année", "an", "veille", "jour", "soir", "matin",
     "dernier", "dernière", "passé", "passée", "lundi", "mardi", "mercredi", "jeudi",
     "vendredi", "samedi", "dimanche", "hier", "aujourd'hui", "déjà", "aussi", "même"}
)  # fmt: skip


#: the parts of speech of an agent's noun phrase (``par le président américain Joe Biden``)
_AGENT_WORDS = frozenset({"DET", "NOUN", "PROPN", "ADJ", "X", "NUM"})


#: verbs naming their object with ``de`` + attribute: ``a qualifié les maires de « … »``
_NAMING_OBJECT_VERBS = frozenset({"qualifier", "traiter", "taxer", "accuser"})


def named_subject_namer(ctx: QuoteContext, cue: Token, open_at: int) -> bool:
    """``… au cours duquel le premier ministre X a qualifié les maires de « … »``: ``cue``, in
    a relative clause (an event the sentence recalls, not the report itself: ``Les enquêteurs
    qualifient de « … » la piste, a indiqué X`` is X's), names its object with the marked
    words, which follow ``de`` after that object with no other verb or punctuation between,
    and its subject is a noun or a name (not a pronoun, which may stand for whoever an
    incise after the marks names)."""
    if cue.lemma_.lower() not in _NAMING_OBJECT_VERBS or cue.idx >= open_at:
        return False
    if cue.dep_ not in {"acl:relcl", "relcl"}:
        return False
    between = [t for t in tokens_between(ctx, cue.idx + len(cue.text), open_at) if t.idx < open_at]
    if not between or between[-1].lower_ not in _LINKS or len(between) > 10:
        return False
    if any(t.is_punct or t.pos_ in {"VERB", "AUX"} for t in between):
        return False
    return any(c.dep_.startswith("nsubj") and c.pos_ in {"NOUN", "PROPN"} for c in cue.children)


def _speaking(ctx: QuoteContext, tok: Token) -> bool:
    return ctx.mention_of(tok) is not None or tok.pos_ == "PROPN" or ctx.can_speak(tok)


def _agent_in(toks: list[Token]) -> Token | None:
    """The noun of ``par X`` opening ``toks`` (past its determiner)."""
    if len(toks) < 2 or toks[0].lower_ != "par":
        return None
    return next((t for t in toks[1:4] if t.pos_ in {"PROPN", "NOUN"}), None)


def naming_agent(ctx: QuoteContext, open_at: int) -> Token | None:
    """The agent of :func:`naming_participle`."""
    found = naming_participle(ctx, open_at)
    return found[1] if found is not None else None


def naming_participle(ctx: QuoteContext, open_at: int) -> tuple[Token, Token] | None:
    """``jugée « … » par X``, ``décrit par X comme « … »``: the agent of a past participle of
    naming or judging right before the marks, written between them (``par X comme``) or after
    them past a time (``la semaine dernière par X``), when it can speak (the parser often hangs
    the agent on the marked words)."""
    toks = _words_before(ctx, open_at, 80)
    agent = None
    par = next(
        (k for k in range(len(toks) - 1, max(-1, len(toks) - 7), -1) if toks[k].lower_ == "par"),
        None,
    )
    # ``décrit par X comme « … »``: only the agent's noun phrase between it and the marks (not
    # ``dénoncés par les migrants et « … »``)
    if par is not None and all(t.pos_ in _AGENT_WORDS for t in toks[par + 1 :]):
        agent = _agent_in(toks[par:])
        toks = toks[:par]
        while toks and toks[-1].pos_ == "ADV":
            toks.pop()
    if not toks:
        return None
    verb = toks[-1]
    if "Part" not in verb.morph.get("VerbForm", []) and verb.pos_ != "ADJ":
        return None
    if verb.lemma_.lower() not in JUDGING_VERBS:
        return None
    auxiliaries = [c for c in verb.children if c.dep_.startswith("aux")]
    if any(c.lemma_ == "avoir" for c in auxiliaries) and not any(
        c.lemma_ == "être" for c in auxiliaries
    ):
        return None  # ``X a qualifié Y de « … »``: an active compound tense (not ``a été``)
    close = next((k for k in range(open_at + 1, len(ctx.text)) if ctx.text[k] in '»”"\n'), -1)
    if close < 0 or ctx.text[close] == "\n":
        return None
    inside = [t for t in tokens_between(ctx, open_at + 1, close) if open_at < t.idx < close]
    if inside and inside[0].pos_ == "ADP" and inside[0].lower_ not in _LINKS:
        return None  # ``accueilli « en héros » par X``: an adverbial in marks, no naming
    after = tokens_between(ctx, close + 1, min(len(ctx.text), close + 80))
    after = [t for t in after if t.idx > close and not t.is_space]
    if agent is None:
        k = 0
        while k < min(len(after), 5) and after[k].lower_ in _TIME_WORDS:
            k += 1
        agent = _agent_in(after[k:])
    if any(_source_word(ctx, t) for t in after if t.sent.start == after[0].sent.start):
        return None  # ``perçue comme « … » par une majorité de Français selon un sondage Ifop``
    return (verb, agent) if agent is not None and _speaking(ctx, agent) else None


def _source_word(ctx: QuoteContext, tok: Token) -> bool:
    """``selon`` or ``d'après`` (split in two tokens) naming an actor later in the sentence,
    who reports the naming (not ``après avoir consulté``, not ``d'après un communiqué``)."""
    doc = tok.doc
    if not (
        tok.lower_ == "selon"
        or tok.lower_ == "après"
        and tok.i > 0
        and doc[tok.i - 1].lower_ in {"d'", "d’"}
    ):
        return False
    return any(ctx.mention_of(t) is not None for t in doc[tok.i + 1 : tok.i + 6])


__all__ = [
    "JUDGING_VERBS",
    "judging_over_object",
    "namer_of",
    "naming_agent",
    "naming_participle",
    "naming_verb",
]
