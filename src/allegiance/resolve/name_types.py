"""The type the words around a name give it, whatever the model's label said.

"la revue Effeuillage", "Brut, le média social": an organisation noun before or in apposition
makes a name an organisation's; a known given name or a role makes it a person's
(:func:`allegiance.resolve.person_names.person_evidence`). The resolver
(:mod:`allegiance.resolve.entities`) asks here what each of the model's spans is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from allegiance.extract.lexicons import first_names
from allegiance.extract.speaker_words import SURNAME_PARTICLES
from allegiance.models import EntityType, Mention
from allegiance.nlp.components import LABELS, company_name
from allegiance.resolve.person_names import PLACE_NOUNS
from allegiance.resolve.person_names import person_evidence as _person_evidence

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


#: nouns that make the name right after them (or in apposition after them) an organisation's:
#: "la revue Effeuillage", "le média Brut", "Chez Brut, le média social", "the newspaper X"
_ORG_NOUNS = frozenset(
    {
        "revue", "journal", "quotidien", "hebdomadaire", "mensuel", "magazine", "radio",
        "chaîne", "site", "média", "groupe", "société", "entreprise", "start-up", "startup",
        "firme", "agence", "banque", "parti", "syndicat", "association", "ong", "cabinet",
        "fondation", "fonds", "collectif", "plateforme", "réseau", "newspaper", "network",
        "channel", "website", "outlet", "company", "firm", "bank", "fund", "party", "union",
        "agency", "publication", "broadcaster", "label", "institut", "opérateur", "pac",
        "compagnie", "constructeur", "laboratoire", "assureur", "éditeur", "organisation",
        # bodies of the State and of sport, trade names: "Viginum, le service de l'État chargé
        # de …", "le club X", "l'enseigne X"
        "service", "office", "autorité", "club", "fédération", "ligue", "mouvement",
        "coopérative", "mutuelle", "enseigne", "marque", "fabricant", "distributeur", "filiale",
        "observatoire",
    }
)  # fmt: skip

#: determiners of an apposition that says what a name is: "Brut, le média social"; "du" or
#: "au" would say where a person works instead ("Me X, du cabinet Y")
_APPOSITION_DETERMINERS = frozenset({"le", "la", "l'", "les", "un", "une", "the", "a", "an"})

#: links of a complement between an organisation noun and its name: "la firme d'audit X"
_COMPLEMENT_LINKS = frozenset({"de", "d'", "du", "des"})


#: capitalised words for where an actor publishes that the model folds into the actor's
#: name: "le site Internet de Novalix" (labelled "Internet de Novalix"), "le compte Twitter de X"
_CHANNEL_WORDS = frozenset({"internet", "web", "twitter", "facebook", "instagram", "linkedin"})


def without_channel(span: Span) -> Span:
    """The actor's name without the channel word the model put before it: "Internet de
    Novalix" -> "Novalix". A name that is the channel itself ("Facebook") stays."""
    if (
        len(span) >= 3
        and span[0].lower_ in _CHANNEL_WORDS
        and span[1].lower_ in _COMPLEMENT_LINKS
        and span[2].text[:1].isupper()
    ):
        return span[2:]
    return span


def _organisation_noun_before(span: Span) -> bool:
    """An organisation noun stands before the name, alone or qualified by lower-case adjectives
    or a bare complement: "le cabinet X", "le cabinet comptable X", "la firme d'audit X",
    "le super PAC X". Only words that describe the noun may come between."""
    doc = span.doc
    i = span.start - 1
    for _ in range(3):
        if i < 0:
            return False
        tok = doc[i]
        if tok.lower_ in _ORG_NOUNS:
            return True
        if tok.pos_ == "ADJ" and tok.text.islower():
            i -= 1  # "le cabinet comptable X"
        elif (
            tok.pos_ == "NOUN"
            and tok.text.islower()
            and i > 0
            and doc[i - 1].lower_ in _COMPLEMENT_LINKS
        ):
            i -= 2  # "la firme d'audit X": the complement's noun, then its link
        else:
            return False
    return False


def organisation_evidence(span: Span) -> bool:
    """A name the model typed as a person's that the words around make an organisation's: an
    organisation noun right before it ("la revue Effeuillage") or in apposition after it
    ("Brut, le média social"). A known first name opening the name says person instead."""
    doc = span.doc
    if span[0].lower_ in first_names():
        return False
    if _organisation_noun_before(span):
        return True
    after = doc[span.end : span.end + 3]
    return (
        len(after) == 3
        and after[0].text == ","
        and after[1].lower_ in _APPOSITION_DETERMINERS  # not "X, du cabinet Y": a member
        and after[2].lower_ in _ORG_NOUNS
        and after[2].text.islower()  # "Bergen, l'Union européenne": a second name, no apposition
        and not _opens_clause(after[2])  # "publié sur Telegram, le mouvement affirme …"
    )


def _opens_clause(noun: Token) -> bool:
    """The noun is the subject of the verb right after it (past its adjectives and auxiliaries):
    "…, le mouvement islamiste accuse …" starts the next clause and describes no name before.
    A verb far behind ("le média social au 250 millions de vues, la question … a été abordée")
    is the parser's reach, not a subject's."""
    head = noun.head
    if not noun.dep_.startswith("nsubj") or head.i <= noun.i:
        return False
    return all(t.pos_ in ("ADJ", "AUX", "ADV") for t in noun.doc[noun.i + 1 : head.i])


#: nouns of institutions named after someone: "le lycée Jean-Jaurès", "l'hôpital Henri-Mondor"
#: act as bodies ("l'hôpital Henri-Mondor a indiqué"), never as the person
_INSTITUTION_NOUNS = frozenset(
    {"lycée", "collège", "école", "hôpital", "clinique", "université", "faculté", "campus",
     "musée", "théâtre", "médiathèque", "bibliothèque", "institut", "fondation"}
)  # fmt: skip
#: the other nouns of places named after someone ("la rue Victor-Hugo", "la cité
#: Pierre-et-Marie-Curie", "le stade Pierre-Mauroy"): no actors, whatever the person's name
_PLACE_NOUNS = PLACE_NOUNS - _INSTITUTION_NOUNS - {"centre"}  # ``le candidat du centre X``


def _noun_before(span: Span, nouns: frozenset[str]) -> bool:
    """A lower-case noun of ``nouns`` right before the name, naming the place itself (``la
    rue X``, ``du lycée X``, ``12 rue X``, ``produit rue X``), not a complement of another noun
    (``son compagnon de route X``, ``sa camarade de lycée X``) nor a verb (``porte X``)."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    if before is None or before.lower_ not in nouns or not before.text.islower():
        return False
    if before.pos_ not in {"NOUN", "PROPN"}:
        return False  # ``la mère porte X``
    if before.i == 0:
        return True
    # an article, a number or a verb before the noun (``la rue``, ``12 rue``, ``habite rue``),
    # not ``de`` (a complement) nor a name (``le sondage Ifop place X en tête``)
    prev = doc[before.i - 1]
    return prev.lower_ not in {"de", "d'", "d’"} and prev.pos_ in {"DET", "ADP", "NUM", "VERB"}


def context_type(span: Span, lang: str) -> EntityType | None:
    """The type the words around a name give it, whatever the model's label said; or None."""
    labels = LABELS[lang]
    if not span.ent_id_ and _noun_before(span, _INSTITUTION_NOUNS):
        return "organization"  # "le lycée Jean-Jaurès", "l'université Paris-8"
    retypable = (labels["person"], labels["location"], labels["misc"])
    if span.label_ in retypable and not span.ent_id_ and organisation_evidence(span):
        return "organization"  # "le cabinet X" tagged as a person, "l'institut X" as MISC
    if (
        span.label_ != labels["person"]
        and not span.ent_id_
        and not company_name(span.text)  # "Valmonde Industries a annoncé": no person's name
        # "Air France a annoncé": a name the model read as a body, made of common words, speaks
        # as a body does, so its place as a speaker says nothing; a given name, a title or a
        # role does ("Tedros Adhanom Ghebreyesus a annoncé" keeps its place: no common word)
        and _person_evidence(
            span,
            lang,
            by_position=span.label_ != labels["organization"] or not _common_words(span),
        )
    ):
        return "person"
    return None


#: short words of people's names that are also words of the language: the particles, and
#: ``al``, ``ben`` (``Ben Ali``)
_NAME_WORDS = SURNAME_PARTICLES | {"al", "ben"}


def _common_words(span: Span) -> bool:
    """A word of the name is a common word of the language (the model has a vector for it)
    and no given name: ``Air France``, ``Air Liquide``."""
    vocab = span.doc.vocab
    return any(
        t.is_alpha
        and t.lower_ not in _NAME_WORDS
        and t.lower_ not in first_names()
        and vocab.has_vector(t.lower_)
        for t in span
    )


def kind_of(span: Span, lang: str) -> EntityType | None:
    """The entity type of a span of the model: by the words around it, else by its label."""
    labels = LABELS[lang]
    if not span.ent_id_ and _noun_before(span, _PLACE_NOUNS):
        return None  # "la rue Victor-Hugo": a place named after a person, no actor
    by_context = context_type(span, lang)  # "Pour Céline Dupont, …" tagged as a place
    if by_context is not None:
        return by_context
    if span.label_ == labels["person"]:
        return "person"
    if span.label_ == labels["organization"]:
        return "organization"
    return None


#: an article right before a name, as French writes it before a body's or a place's name and never
#: before a person's: "le Pontet", "Pour Le Pontet", "l'Olympique"
_ARTICLE_BEFORE = re.compile(r"(?:^|[^\w'])(?:(le|la|les)\s+|(l)')$", re.IGNORECASE)


def article_name(text: str, mentions: Sequence[Mention]) -> str | None:
    """The name with its article when every mention of a presumed person follows an article
    ("Le Pontet a fait appel", "Pour Le Pontet"): French puts no article before a person's name,
    so such a name is a body's (a club, a town's team) and its capital article is part of it.
    None when some mention has no article before it, or holds a known given name ("Benjamin Le
    Pape" named once in full is a person; "Le Pen" alone is left to the knowledge base)."""
    named: list[str] = []
    for mention in mentions:
        words = mention.text.split()
        if not words or any(w.lower() in first_names() for w in words):
            return None
        found = _ARTICLE_BEFORE.search(text, max(0, mention.start - 8), mention.start)
        if found is None:
            return None
        named.append(text[found.start(found.lastindex or 1) : mention.end])
    if not named:
        return None
    capitalised = [n for n in named if n[:1].isupper()]  # "Le Pontet": the article is the name's
    return max(capitalised, key=len) if capitalised else mentions[0].text
