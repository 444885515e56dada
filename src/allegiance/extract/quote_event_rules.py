"""How an actor named inside a quote stands to what the quote judges.

:class:`~allegiance.extract.quote_events.QuoteEvents` makes an event of a quote's stance only
towards the actors the quote is about. The rules here tell those apart from the actors it only
names in passing: :func:`role_rank` ranks a mention by its role in the quote's clauses (an
argument beats a noun modifier; a venue, a platform, a thing bought, the subject of a feeling
are only described); :func:`addresses_someone` and :func:`feels` read pronouns; and
:func:`evaluative_clash` tells a quote that says failure or success, so that a stance of the
other sign is taken for a misreading.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.event_context import SUBJECT_DEPS, ActorIndex, compared, referred
from allegiance.extract.event_cues import Lexicon, match_cue
from allegiance.extract.event_nominals import PURCHASE_VERBS, preposition

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

#: "you"/"vous": a quote that addresses someone is about the target found around it,
#: unless "you" is only the generic one of "you know" / "vous savez"
ADDRESS = {"you", "your", "vous", "votre", "vos", "tu", "ton", "ta", "tes", "te", "toi"}
_GENERIC_YOU = {"know", "see", "mean", "savez", "voyez", "sais", "vois"}
_FEELINGS = {"détester", "haïr", "aimer", "adorer", "apprécier", "mépriser", "craindre"}
_FEELINGS |= {"hate", "love", "like", "dislike", "despise", "adore", "admire", "fear"}
_VENUES = {"sein", "cadre", "milieu", "within", "among", "amongst", "parmi"}
_PLATFORM_PREPS = {"on"}
#: "a répondu sur X", "wrote on Truth Social": with these verbs "sur"/"on" names where a statement
#: was posted, never whom it is about
_POSTING_VERBS = {"écrire", "publier", "poster", "répondre", "réagir", "déclarer", "tweeter"}
_POSTING_VERBS |= {"affirmer", "lancer", "ironiser", "commenter", "annoncer", "dire"}
_POSTING_VERBS |= {"write", "post", "reply", "respond", "tweet", "say", "announce", "comment"}
DESCRIBED = 3  # rank class of an actor that is only described (venue, subject of a feeling)
_STRUCTURE = {"conj", "appos", "flat", "flat:name", "fixed", "compound"}


def addresses_someone(tok: Token) -> bool:
    """ "you"/"vous" speaking to someone, not the generic "you know"."""
    if tok.lower_ not in ADDRESS:
        return False
    following = tok.nbor(1).lower_ if tok.i + 1 < len(tok.doc) else ""
    return following not in _GENERIC_YOU and tok.head.lower_ not in _GENERIC_YOU


def feels(tok: Token, lex: Lexicon) -> bool:
    """``tok`` is the subject of a verb of feeling: "il déteste ...", "he loves ..."."""
    return tok.dep_ in {"nsubj", "nsubj:pass"} and (tok.head.lemma_ or "").lower() in _FEELINGS


#: event types that are transactions: an actor that is their object in a quote is not the one
#: the quote judges
_TRANSACTIONS = {"INVEST", "DONATE", "MEET", "APPOINT", "PLEDGE", "PARTNER", "JOIN", "CONCEDE"}


def _transaction(arg: Token, lex: Lexicon) -> bool:
    """``arg`` is an object or complement of a transaction cue ("acheter X", "buy X")."""
    if arg.dep_ in SUBJECT_DEPS:
        return False
    verb = arg.head.head if arg.dep_ == "pobj" else arg.head
    if (verb.lemma_ or verb.lower_).lower() in PURCHASE_VERBS:
        return True  # "nous pourrions acheter X": X is what is bought
    cue = match_cue(verb, lex)
    return cue is not None and cue.type in _TRANSACTIONS


_NEGATIONS = {"pas", "not", "n't", "jamais", "never", "plus"}


def evaluative_clash(quote: SpacySpan, lex: Lexicon) -> int:
    """-1 when a quote's words say failure ("un échec", "n'ont pas été en mesure de", "a
    disaster"), +1 when they say success, 0 when they say neither or both: a stance of the
    other sign is then a misreading and no event is made of it."""
    neg = pos = 0
    strong_neg, strong_pos = lex.words("strong_negative"), lex.words("strong_positive")
    for t in quote:
        word, lemma = t.lower_, (t.lemma_ or t.lower_).lower()
        if word in strong_neg or lemma in strong_neg:
            neg += 1
        elif word in strong_pos or lemma in strong_pos:
            pos += 1
        elif word == "mesure" and t.i >= 2 and t.nbor(-1).lower_ == "en":
            # "ne sont pas en mesure de": unable
            before = {quote.doc[j].lower_ for j in range(max(quote.start, t.i - 5), t.i)}
            if before & _NEGATIONS:
                neg += 1
    if neg and not pos:
        return -1
    if pos and not neg:
        return 1
    return 0


def is_platform(tok: Token, index: ActorIndex) -> bool:
    """The organisation at ``tok`` is only the place a statement was made: "a répondu Altman
    sur X", "posted on X"."""
    if index.types.get(index.by_token.get(tok.i, "")) != "organization":
        return False
    head = tok
    while head.dep_ in _STRUCTURE and head.head.i != head.i:
        head = head.head
    prep = preposition(head)
    if prep not in {"sur", "on"}:
        return False
    verb = head.head.head if head.dep_ == "pobj" else head.head
    return (verb.lemma_ or verb.lower_).lower() in _POSTING_VERBS


def mention_head(index: ActorIndex, tok: Token, lo: int, hi: int) -> Token:
    """The syntactic head of the mention starting at ``tok``, climbing through name structure
    ("Union" of "l'Union européenne", the first conjunct of "X et Y") inside [lo, hi)."""
    end = index.mention_end.get(tok.i, tok.i + 1)
    head = tok
    for t in index.doc[tok.i : end]:
        if not (tok.i <= t.head.i < end) or t.head.i == t.i:
            head = t
            break
    while head.dep_ in _STRUCTURE and head.head.i != head.i and lo <= head.head.i < hi:
        head = head.head
    return head


def role_rank(index: ActorIndex, tok: Token, lo: int, hi: int, lex: Lexicon) -> tuple[int, int]:
    """(class, depth) of the mention starting at ``tok`` inside a quote [lo, hi): class 0 for
    an argument of a clause, 1 for a modifier of a noun, 3 for a venue or a feeler; depth is the
    number of arcs to the root of the quote's clause."""
    head = mention_head(index, tok, lo, hi)
    if feels(head, lex) or compared(tok, lo) or referred(head):
        return (DESCRIBED, 0)  # "il déteste X", "à la manière de X", "a saisi X"
    prep = preposition(head)
    if (
        prep in _PLATFORM_PREPS and index.types.get(index.by_token.get(tok.i, "")) == "organization"
    ) or is_platform(head, index):
        return (DESCRIBED, 0)  # "a liar on X": where it was said, not whom it is about
    if prep in _VENUES or (
        head.dep_ == "nmod" and (head.head.lemma_ or head.head.lower_).lower() in _VENUES
    ):
        return (DESCRIBED, 0)
    noun = head.head.head if head.dep_ == "pobj" else head.head
    noun_modifier = head.dep_ in {"nmod", "poss", "nmod:poss", "pobj"} and noun.pos_ in {
        "NOUN",
        "PROPN",
        "PRON",
        "NUM",
    }
    if noun_modifier and not {noun.lower_, (noun.lemma_ or "").lower()} & (
        lex.negative | lex.positive
    ):
        # "les intérêts d'OpenAI", "au sein du G7": the actor is only named in passing; "les
        # mensonges de X", "X's genius" judge it
        return (DESCRIBED, 0)
    if _transaction(head, lex):
        return (DESCRIBED, 0)  # "nous rachèterions X": X is bought, not judged
    depth = 0
    node = head
    while node.head.i != node.i and lo <= node.head.i < hi and depth < 12:
        node = node.head
        depth += 1
    return (1 if noun_modifier else 0, depth)
