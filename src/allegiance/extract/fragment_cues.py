"""Which verb a marked fragment hangs on, read from the parse.

Split from :mod:`allegiance.extract.scare_quotes`: whether a verb heads a clause of its own, the
heads between a fragment and its cue, whether a cue is a real speech verb (not a participle
qualifying a noun, nor an agentless passive), a speech verb up a fragment's chain of heads whose
subject can speak (``elles dénoncent des méthodes jugées « humiliantes »``), and a bare participle
of a verb of making known whose agent revealed a fact, not the words (``une affaire « … » révélée
par X``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.attribution import auxiliary_before, is_cue, tokens_between
from allegiance.extract.frames import tops_of
from allegiance.extract.report_filters import passive_voice

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.attribution import Attribution
    from allegiance.extract.quote_context import QuoteContext

#: negation words: a negated cue says the words were not said
NEGATION = {"ne", "n'", "pas", "jamais", "nullement", "aucunement", "point"}


def clause_head(tok: Token) -> bool:
    """A verb heading a clause of its own: finite (or with a finite auxiliary), or with its own
    subject."""
    if tok.pos_ not in {"VERB", "AUX"} or tok.dep_.startswith("aux") or tok.dep_ == "cop":
        return False
    if "Fin" in tok.morph.get("VerbForm", []):
        return True
    return any(
        c.dep_.startswith(("nsubj", "expl:subj"))
        or (c.dep_.startswith("aux") and "Fin" in c.morph.get("VerbForm", []))
        for c in tok.children
    )


def clause_path(tok: Token) -> list[Token]:
    """The heads above ``tok`` up to (and including) the first one heading another clause."""
    path: list[Token] = []
    while tok.head.i != tok.i:
        tok = tok.head
        path.append(tok)
        if clause_head(tok):
            break
    return path


def valid_cue(cue: Token) -> bool:
    """Not a participle qualifying a noun (``publiés par``, ``interpellé pour un selfie``) nor a
    passive without agent."""
    if "Part" in cue.morph.get("VerbForm", []) and "Past" in cue.morph.get("Tense", []):
        if cue.dep_ in {"acl", "amod"} and auxiliary_before(cue) is None:
            return False  # (``X a, lundi, accusé …`` misparsed as ``acl``: a compound tense)
        own_aux = any(c.dep_.startswith("aux") for c in cue.children)
        # ``d'avoir « orchestré » …, déposé … et proposé``: the auxiliary of a listed participle
        # stands before the first one (the parser rarely links it)
        earlier = cue.doc[max(cue.sent.start, cue.i - 15) : cue.i]
        shared_aux = any(t.lemma_ in {"avoir", "être"} for t in earlier)
        if not (own_aux or shared_aux):
            return False
    if passive_voice(cue):  # ``a-t-il répondu`` is active, whatever the parser says
        return any(
            any(k.lower_ == "par" for k in c.children)
            for c in cue.children
            if c.dep_.startswith("obl")
        )
    return True


#: ``dit``/``dite`` before marks: a nickname (``Jean Dupont, dit « le Boucher »``) or a speech
#: verb (``Trump s'est dit « très déçu »``, ``le syndicat dit « non »``)
_DIT = {"dit", "dite", "dits", "dites"}
#: clitics between a subject and its verb (``« le Boucher » ne répond pas``, ``… se réunit``)
_CLITICS = {"ne", "n'", "se", "s'", "y", "en", "l'", "le", "la", "les", "lui", "leur"}


def nickname(ctx: QuoteContext, open_at: int, close_at: int) -> bool:
    """``X, dit « le Boucher »``, ``la loi dite « Macron »``, ``le tueur dit « le Boucher » a été
    arrêté``: the marks name something. A ``dit`` after a pronoun, a reflexive or an auxiliary
    (``il dit``, ``se dit``, ``s'est dit``) is the speech verb, and so is a ``dit`` after a noun
    unless the marked words are inside the subject (a finite verb follows them): the parser
    cannot tell ``le syndicat dit « non »`` from ``le tueur dit « le Boucher »``."""
    before = [t for t in tokens_between(ctx, max(0, open_at - 40), open_at) if t.idx < open_at]
    before = [t for t in before if not t.is_space]
    if len(before) < 2 or before[-1].lower_ not in _DIT:
        return False
    dit, prev = before[-1], before[-2]
    if prev.pos_ in {"PRON", "AUX"} or prev.lower_ in _CLITICS:
        return False  # ``il dit``, ``se dit``, ``s'est dit``, ``a dit``
    if prev.text == ",":
        return True  # ``Jean Dupont, dit « le Boucher »,``
    if prev.pos_ not in {"NOUN", "PROPN"}:
        return False
    if dit.lower_ != "dit":
        return True  # ``la loi dite « … »``: an agreeing participle
    after = [t for t in tokens_between(ctx, close_at + 1, min(len(ctx.text), close_at + 40))]
    after = [t for t in after if t.idx > close_at and not t.is_space and t.lower_ not in _CLITICS]
    return (
        bool(after)
        and after[0].pos_ in {"VERB", "AUX"}
        and "Fin" in after[0].morph.get("VerbForm", [])
    )


def apposed_epithet(
    ctx: QuoteContext, open_at: int, close_at: int, attribution: Attribution
) -> bool:
    """``convoqués par l'IGPN, « la police des polices », pour …``: a verbless noun phrase in
    marks, opened by a definite article and set off by commas right after a name (or its
    bracketed acronym), is the name's epithet, not anyone's words, when no cue claims it."""
    if attribution.cue is not None:
        return False  # ``selon Jean Dupont, « la pire crise »``: a source's words
    before = [t for t in tokens_between(ctx, max(0, open_at - 60), open_at) if t.idx < open_at]
    before = [t for t in before if not t.is_space]
    if (
        len(before) < 2
        or before[-1].text != ","
        or not (before[-2].pos_ == "PROPN" or before[-2].text == ")")
    ):
        return False
    inside = [t for t in tokens_between(ctx, open_at + 1, close_at) if not t.is_space]
    inside = [t for t in inside if open_at < t.idx < close_at]
    if len(inside) < 2 or inside[0].lower_ not in _DEFINITE or inside[0].text[0].isupper():
        return False
    if any(t.pos_ in {"VERB", "AUX"} for t in inside) or any(t.text in ".!?" for t in inside):
        return False
    after = ctx.text[close_at + 1 : close_at + 4].lstrip()
    return after[:1] == ","


#: the definite articles an epithet opens on (``« la police des polices »``)
_DEFINITE = {"le", "la", "les", "l'"}


#: verbs whose past participle, after a noun, says who made a fact known (``une affaire révélée
#: par X``): their agent revealed the thing, not the words in marks that qualify it
_REVEALING = {
    "révéler", "rapporter", "publier", "dévoiler", "divulguer", "annoncer", "relayer",
    "signaler", "confirmer", "évoquer", "médiatiser", "raconter",
}  # fmt: skip
#: nouns for words: ``la formule « … » rapportée par X`` does quote X
_WORDING_NOUNS = {
    "formule", "phrase", "propos", "message", "qualificatif", "déclaration", "mots", "citation",
    "réplique", "sortie", "tweet", "post",
}  # fmt: skip


def fact_participle(
    ctx: QuoteContext, attribution: Attribution, open_at: int, close_at: int
) -> bool:
    """``une affaire « embarrassante » révélée la semaine dernière par l'hebdomadaire X``: the cue
    is a bare past participle (no auxiliary) of a verb of making known, after marked words that
    qualify a noun; it reduces a relative clause about that noun, and its agent revealed the
    affair, not the words."""
    cue = attribution.cue
    if cue is None or cue.idx <= close_at or cue.lemma_.lower() not in _REVEALING:
        return False
    if "Part" not in cue.morph.get("VerbForm", []) or "Past" not in cue.morph.get("Tense", []):
        return False
    if any(c.dep_.startswith("aux") for c in cue.children):
        return False  # ``« … », a révélé X``: a verb of its own clause
    between = ctx.text[close_at + 1 : cue.idx]
    if any(p in between for p in ",;:.!?"):
        return False  # an incise (``« … », rapporte X``) or another clause
    before = [t for t in tokens_between(ctx, max(0, open_at - 40), open_at) if t.idx < open_at]
    before = [t for t in before if not t.is_space]
    if not before or before[-1].pos_ not in {"NOUN", "ADJ"}:
        return False
    return before[-1].lemma_.lower() not in _WORDING_NOUNS and before[-1].lower_ not in (
        _WORDING_NOUNS
    )


#: personal and demonstrative pronouns that can stand for a speaker as a cue's subject
_SUBJECT_PRONOUNS = {
    "il", "elle", "ils", "elles", "je", "nous", "vous", "celui-ci", "celle-ci", "ceux-ci",
    "celles-ci", "ces", "ce", "cette", "lui", "eux",
}  # fmt: skip


def governing_cue(ctx: QuoteContext, open_at: int, close_at: int) -> bool:
    """A speech verb up the fragment's chain of heads, in the same sentence, whose subject can
    speak even when the speaker rules could not name it: ``elles dénoncent des primes non
    versées et des méthodes jugées « humiliantes »``, ``Ces dernières ont … accusé l'armée
    d'utiliser les civils comme « boucliers humains »`` (a demonstrative, an acronym the
    recogniser missed). The first clause head above the fragment that is a cue decides."""
    fragment = [t for t in tokens_between(ctx, open_at, close_at + 1) if not t.is_space]
    inside = {t.i for t in fragment}
    tops = tops_of(fragment)
    if len(tops) != 1:
        return False
    tok = tops[0]
    for _ in range(8):
        if tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.i in inside:
            return False
        if is_cue(ctx, tok) and tok.pos_ == "VERB" and valid_cue(tok):
            return _speaking_subject(ctx, tok, inside)
        if clause_head(tok) and (tok.dep_ not in {"conj", "xcomp"} or _own_subject(tok)):
            return False  # another clause stands between the cue and the fragment
    return False


def _own_subject(tok: Token) -> bool:
    return any(c.dep_.startswith(("nsubj", "csubj", "expl")) for c in tok.children)


def _speaking_subject(ctx: QuoteContext, cue: Token, inside: set[int]) -> bool:
    """The cue, or the verb it is coordinated with, has a subject that can be a speaker; a
    negated cue (``aucune rédaction n'a pensé à rappeler``) says the words were not said."""
    verb = cue
    for _ in range(3):
        if any(c.lower_ in NEGATION for c in verb.children):
            return False
        for child in verb.children:
            if not child.dep_.startswith("nsubj") or child.i in inside:
                continue
            if child.dep_ == "nsubj:pass" or any(
                d.lower_ in {"aucun", "aucune", "nul", "nulle"} for d in child.children
            ):
                return False
            if child.lower_ in {"personne", "rien", "nul"}:
                return False
            if child.lower_ in _SUBJECT_PRONOUNS or child.pos_ == "PROPN":
                return True
            if any(d.lower_ in {"ces", "ce", "cette"} for d in child.children):
                return True  # ``ces derniers``, ``cette dernière``: someone named before
            acronym = child.text.isupper() and len(child.text) > 1
            return child.pos_ == "NOUN" and (ctx.can_speak(child) or acronym)
        if not any(c.dep_.startswith(("nsubj", "csubj", "expl")) for c in verb.children):
            lost = _lost_subject(ctx, verb, inside)
            if lost is not None:
                return lost
        if verb.dep_ not in {"conj", "xcomp"} or verb.head.i == verb.i:
            return False
        verb = verb.head
    return False


#: the labels under which the parser hangs a subject it failed to see (``L'artiste, qui …, a
#: dénoncé`` parsed with ``artiste`` as an adverbial of the verb)
_LOST_SUBJECT_DEPS = {"obl:mod", "obl", "nmod", "dep", "appos", "dislocated", "obj", "iobj"}


def _lost_subject(ctx: QuoteContext, verb: Token, inside: set[int]) -> bool | None:
    """A finite cue with no subject in the parse: the bare noun phrase (no preposition) that
    opens its clause and hangs on it under another label is the subject the parser lost
    (``L'artiste, qui devait jouer …, a dénoncé une « censure »``). True when that noun can
    speak, False when it cannot, None when there is no such noun."""
    finite = "Fin" in verb.morph.get("VerbForm", []) or any(
        c.dep_.startswith("aux") and "Fin" in c.morph.get("VerbForm", []) for c in verb.children
    )
    if not finite or "Imp" in verb.morph.get("Mood", []):
        return None
    for child in verb.children:
        if child.i >= verb.i:
            break
        if child.i in inside or child.is_punct or child.dep_.startswith("aux"):
            continue
        if child.dep_ not in _LOST_SUBJECT_DEPS or child.pos_ not in {"NOUN", "PROPN"}:
            return None  # the clause opens on something else (an adverb, a subordinate)
        if any(c.dep_ == "case" or c.pos_ == "ADP" for c in child.children if c.i < child.i):
            return None  # ``Dans la soirée, …``: a complement, not a subject
        if child.lower_ in {"personne", "rien"}:
            return False
        return child.pos_ == "PROPN" or ctx.can_speak(child)
    return None


__all__ = [
    "NEGATION",
    "clause_head",
    "clause_path",
    "fact_participle",
    "governing_cue",
    "valid_cue",
]
