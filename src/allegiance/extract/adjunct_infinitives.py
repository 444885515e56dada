"""A promise or request whose ``de`` + infinitive follows an adjunct of channel or occasion.

``La ministre a promis sur France Inter de punir les fraudeurs``, ``Le maire a demandé dans un
courrier au préfet de fermer la route``, ``a promis lors de son discours de verser une prime``:
the parser hangs the infinitive on the adjunct's noun (or reads ``Inter`` as a verb), so the
cue has no complement of its own. The infinitive is still what was promised or asked, when
the words between the cue and ``de`` are a prepositional phrase naming where or when it was
said, not a noun whose own complement the infinitive is (``dans l'espoir de calmer …``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.indirect_clauses import CIRCUMSTANCE_MARKS
from allegiance.extract.source_nouns import can_name_speaker
from allegiance.extract.speaker_words import FR_TIME_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

#: prepositions opening an adjunct of channel or occasion (``sur``, ``dans``, ``lors de``)
_OPENERS = frozenset({"sur", "dans", "lors", "devant", "pendant", "durant", "via", "au", "à", "en"})
#: an adjunct on ``devant`` names an audience when its first noun can speak or is one of
#: :data:`_AUDIENCES` (``devant les députés``, ``devant les caméras``)
_AUDIENCE = "devant"
#: nouns of an audience that name no speaker (``devant les caméras``, ``devant la foule``)
_AUDIENCES = frozenset(
    {"caméra", "micro", "presse", "foule", "parterre", "salle", "public", "assistance",
     "assemblée", "auditoire", "tribune", "monument", "stèle", "drapeau", "hémicycle", "troupe"}
)  # fmt: skip
#: nouns of a quantity before the audience (``devant des milliers de sympathisants``)
_QUANTITIES = frozenset({"millier", "centaine", "dizaine", "foule", "poignée", "parterre"})
#: adjectives and participles that take a ``de`` + infinitive of their own (``inquiets de
#: perdre``, ``accusée d'attiser``, ``susceptible de raviver``)
_OWN_DE = frozenset(
    {"inquiet", "menacer", "menacé", "accuser", "accusé", "susceptible", "charger", "chargé",
     "soucieux", "capable", "fier", "heureux", "content", "désireux", "certain", "sûr",
     "coupable", "responsable", "soupçonner", "soupçonné", "suspecter", "suspecté", "tenter",
     "forcer", "obliger", "contraindre", "prier", "ravi", "las", "incapable", "libre",
     "excédé", "furieux", "impatient", "sommé", "pressé", "avide", "fatigué", "lassé", "choqué",
     "surpris", "étonné", "satisfait", "mécontent", "soulagé", "déçu", "privé", "digne"}
)  # fmt: skip
#: nouns of a channel or an occasion of speech: the adjunct says where it was said
_CHANNELS = frozenset(
    {"radio", "antenne", "plateau", "micro", "chaîne", "télévision", "réseau", "compte",
     "courrier", "lettre", "communiqué", "message", "tweet", "entretien", "interview",
     "discours", "conférence", "réunion", "visite", "meeting", "déplacement", "intervention",
     "séance", "audience", "tribune", "débat", "congrès", "sommet", "émission", "journal",
     "vidéo", "publication", "rencontre", "échange", "allocution", "déclaration", "site",
     "page", "blog", "quotidien", "hebdomadaire", "magazine", "presse", "colonne", "podcast",
     "avis", "rapport", "note", "circulaire", "motion", "résolution"}
)  # fmt: skip
#: parts of speech the adjunct may hold (``Inter`` of ``France Inter`` is read as a verb: a
#: capitalised word is taken as part of a name whatever its tag)
_ADJUNCT_POS = frozenset({"ADP", "DET", "ADJ", "NOUN", "PROPN", "NUM", "ADV"})
#: the longest adjunct taken between the cue and ``de``
_MAX_ADJUNCT = 14
#: words before ``de`` that make the infinitive a circumstance or a purpose (``avant de``,
#: ``afin de``, ``au lieu de``, ``dans le but de``), not what was promised or asked
_CIRCUMSTANCE = CIRCUMSTANCE_MARKS | {
    "but", "vue", "moment", "près", "façon", "manière", "espoir", "intention"
}  # fmt: skip
#: words that link a noun phrase to what precedes it inside the adjunct (``lors de sa visite à
#: Mayotte``); a determiner after anything else opens an object (``les moyens de …``)
_LINKS = frozenset({"de", "d'", "d’", "du", "des", "à", "au", "aux", "sur", "dans", "en", "avec",
                    "devant", "pendant", "durant", "via", "lors", "par", "pour", "chez"})  # fmt: skip
#: verbs that make the cue's subject its addressee (``s'est vu demander de …``, ``s'est fait
#: promettre …``)
_PASSIVE_FRAMES = frozenset({"voir", "faire"})


def infinitive_past_adjunct(cue: Token) -> list[Token] | None:
    """The ``de`` + infinitive clause after a channel or occasion adjunct of ``cue`` (see the
    module), from ``de`` to the end of its clause; None when the words between are anything
    else (an object, a verb, a ``que``, a comma) or ``de`` opens a circumstance."""
    doc = cue.doc
    end = cue.sent.end
    if cue.dep_ == "xcomp" and cue.head.lemma_.lower() in _PASSIVE_FRAMES:
        return None
    k = cue.i + 1
    while (
        k < end
        and doc[k].lower_ not in _OPENERS
        and (doc[k].lower_ in FR_TIME_WORDS or doc[k].pos_ == "ADV")
    ):
        k += 1  # ``a promis jeudi sur RTL de …``
    if k >= end or doc[k].lower_ not in _OPENERS:
        return None
    start = k
    de = _adjunct_end(doc, start, end)
    if de is None or de == start + 1 or doc[de - 1].lower_ in _CIRCUMSTANCE:
        return None
    k, last = de, doc[de - 1]
    if (last.pos_ == "VERB" and "Part" in last.morph.get("VerbForm", [])) or (
        last.pos_ in {"VERB", "ADJ"} and last.lemma_.lower() in _OWN_DE
    ):
        # ``devant des salariés menacés de perdre …``, ``inquiets de …``: the participle's or
        # the adjective's own ``de`` (``devant les élus locaux de …`` is the cue's)
        return None
    stop = k
    while stop < end and doc[stop].text not in {".", ";", ":", "!", "?", "«", "»"}:
        if stop > k + 1 and _new_clause(doc[stop]):
            break  # ``… de fermer la route et les commerçants ont protesté``
        stop += 1
    content = list(doc[k:stop])
    while content and content[-1].text == ",":
        content.pop()
    return content if len(content) >= 3 else None


def _adjunct_end(doc: Doc, start: int, end: int) -> int | None:
    """The index of the ``de`` opening the infinitive after the adjunct at ``start``, when the
    adjunct names a channel, an occasion, a time or an audience (else None): prepositions,
    determiners, adjectives, nouns, names and participles qualifying them, no object."""
    k = start
    audience = doc[k].lower_ == _AUDIENCE
    named = False
    while k < end and k - start <= _MAX_ADJUNCT:
        tok = doc[k]
        if tok.lower_ in {"de", "d'", "d’"} and k + 1 < end and _infinitive(doc[k + 1]):
            return k if named else None
        if not (tok.pos_ in _ADJUNCT_POS or tok.text[:1].isupper() or _past_participle(tok)):
            return None
        if tok.pos_ == "DET" and doc[k - 1].lower_ not in _LINKS and not _time_ahead(doc, k):
            return None  # ``lors de sa visite à Mayotte les moyens de …``: an object
        named = named or tok.lemma_.lower() in _CHANNELS or tok.pos_ == "PROPN"
        named = named or tok.lower_ in FR_TIME_WORDS
        if audience and tok.pos_ == "NOUN":
            # ``devant les députés``, ``devant les caméras``: an audience, its first noun; not
            # a state of things (``devant le refus de la direction de …``)
            lemma = tok.lemma_.lower()
            named = named or lemma in _AUDIENCES or can_name_speaker("fr", tok)
            # ``devant des milliers de sympathisants``: a quantity, its noun comes next
            audience = lemma in _QUANTITIES
        k += 1
    return None


def _infinitive(tok: Token) -> bool:
    """An infinitive, or the ``ne`` opening a denied one (``de ne pas …``)."""
    return "Inf" in tok.morph.get("VerbForm", []) or tok.lower_ in {"ne", "n'", "n’"}


def _past_participle(tok: Token) -> bool:
    """``dans son avis publié jeudi``: a past participle qualifying the adjunct's noun."""
    return tok.dep_ == "acl" and "Part" in tok.morph.get("VerbForm", [])


def _time_ahead(doc: Doc, k: int) -> bool:
    """``sur France Inter ce mardi``: a determiner of a word of time."""
    return k + 1 < len(doc) and doc[k + 1].lower_ in FR_TIME_WORDS


def _new_clause(tok: Token) -> bool:
    """A coordinating conjunction opening a clause with a subject of its own (not a second
    ``que`` clause of the request: ``… de faire en sorte que X et que Y``)."""
    if tok.dep_ != "cc" or tok.head.i < tok.i:
        return False
    if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ in {"que", "qu'", "qu’"}:
        return False
    verb = tok.head
    return any(c.dep_ in {"nsubj", "nsubj:pass"} and c.i > tok.i for c in verb.children)
