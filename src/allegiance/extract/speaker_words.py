"""The words that name or stand for speakers: pronouns, determiners of descriptions, nouns of
organisations and people, titles that give a gender.

Shared by the quote context (which resolves them) and the attribution rules (which find them);
kept here so that both modules stay about their own question.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

PRONOUNS_SG = {
    "fr": {"il", "elle", "-il", "-elle", "-t-il", "-t-elle", "lui", "celui-ci", "celle-ci"},
    "en": {"he", "she", "him", "her"},
}
PRONOUNS_PL = {
    "fr": {"ils", "elles", "-ils", "-elles", "-t-ils", "-t-elles", "eux"},
    "en": {"they", "them"},
}
FIRST_PERSON = {"fr": {"je", "j'", "j", "nous", "-je", "-nous"}, "en": {"i", "we"}}
#: determiners of a definite description that can refer back to a named actor (``le chercheur``)
DEFINITE = {
    "fr": {"le", "la", "l'", "l", "ce", "cet", "cette"},
    "en": {"the", "this"},
}
#: indefinite determiners: a description that introduces someone (``une habitante``)
INDEFINITE = {"fr": frozenset({"un", "une", "des"}), "en": frozenset({"a", "an"})}
#: head nouns of descriptions that refer to organisations rather than to people
#: religious bodies that speak as such: only ever a body so named (``le diocèse`` is no
#: Vatican named before; not ``l'épiscopat``, which takes up ``la Conférence des évêques``)
RELIGIOUS_BODIES = frozenset(
    {"diocèse", "évêché", "archevêché", "paroisse", "consistoire", "mosquée", "église"}
)
ORG_NOUNS = {
    "fr": {
        "groupe",
        "société",
        "entreprise",
        "compagnie",
        "firme",
        "conglomérat",
        "start-up",
        "startup",
        "ministère",
        "gouvernement",
        "agence",
        "institut",
        "banque",
        "constructeur",
        "géant",
        "fabricant",
        "organisation",
        "association",
        "syndicat",
        "centrale",  # ``la centrale dirigée par X`` is a union federation
        "confédération",
        "intersyndicale",
        "parti",
        "fonds",
        "régulateur",
        "autorité",
        "commission",
        "cabinet",
        "laboratoire",
        "opérateur",
        "éditeur",
        "administration",
        "exécutif",
        "assureur",
        "enseigne",
        "fédération",
        "média",
        "journal",
        "quotidien",
        "chaîne",
        "club",
        "office",
        "tribunal",
        "cour",
        "direction",
        "maison",
        "instance",
        "institution",
        "organisme",
        "ong",
        "collectif",
        "préfecture",
        "haut-commissariat",
        "mairie",
        "municipalité",
        "parquet",
        "gendarmerie",
        "police",
        "armée",
        "ambassade",
        "conseil",
        "comité",
        "ligue",
        # companies named by their trade (``le pétrolier norvégien``, ``l'armateur``) and
        # pressure groups (``le lobby du secteur``)
        "pétrolier",
        "armateur",
        "industriel",
        "distributeur",
        "énergéticien",
        "équipementier",
        "avionneur",
        "cimentier",
        "lobby",
        # bodies that speak under their own name (``a déclaré le forum`` after ``le Forum des
        # familles des otages``, ``l'hôpital a indiqué``)
        "forum",
        "fondation",
        "observatoire",
        "coordination",
        "académie",
        "université",
        "hôpital",
        # religious bodies (``a admis le diocèse``, ``l'Église reconnaît``)
        *RELIGIOUS_BODIES,
        "épiscopat",
    },
    "en": {
        "company",
        "firm",
        "group",
        "agency",
        "ministry",
        "department",
        "bank",
        "government",
        "administration",
        "campaign",
        "committee",
        "party",
        "organization",
        "organisation",
        "union",
        "association",
        "fund",
        "startup",
        "giant",
        "maker",
        "manufacturer",
        "regulator",
        "network",
        "newspaper",
        "court",
        "office",
        "commission",
        "council",
        "conglomerate",
        "institute",
        "lab",
        "board",
        "team",
        "club",
        "corporation",
        "paper",
    },
}
#: endings of agent nouns (``chercheuse``, ``syndicaliste``, ``historien``): people
AGENT_SUFFIXES = ("teur", "trice", "euse", "iste", "ien", "ienne", "logue")
#: nouns with those endings that name things
NOT_AGENTS = frozenset(
    {
        "secteur",
        "moteur",
        "capteur",
        "compteur",
        "réacteur",
        "ordinateur",
        "indicateur",
        "vecteur",
        "hauteur",
        "facteur",
        "catalogue",
        "dialogue",
        "prologue",
        "épilogue",
        "liste",
        "piste",
        "lien",
        "bien",
        "soutien",
        "entretien",
        "maintien",
        "rien",
        "mien",
        "tien",
        "aspirateur",
        "radiateur",
        "générateur",
        "accélérateur",
        "détecteur",
        "projecteur",
    }
)
#: links by which a name hangs on the noun it names (``le journaliste Jean Dupont``)
#: nouns that make a person's name the name of a place or an institution (``l'hôpital
#: Nasser``, ``la rue Victor-Hugo``, ``le lycée Jean-Moulin``): such a mention is no person
NAMED_PLACE_NOUNS = frozenset(
    {
        "hôpital", "clinique", "rue", "avenue", "boulevard", "place", "quai", "allée", "impasse",
        "pont", "stade", "lycée", "collège", "école", "université", "aéroport", "gare", "station",
        "musée", "parc", "quartier", "prison", "centre", "salle", "théâtre", "port",
        "hospital", "street", "square", "bridge", "stadium", "school", "airport",
    }
)  # fmt: skip
NAME_PARTS = frozenset({"flat", "flat:name", "appos", "compound"})
#: civil titles and honorifics written before a name (``M. Durand``, ``Me Perrin``)
FR_HONORIFICS = frozenset({"m.", "mme", "mmes", "mm.", "mlle", "me", "maître", "dr", "pr", "mgr"})
#: nouns for one's own words: ``selon ses termes`` names no source but the possessor
WORDING_NOUNS = frozenset({"terme", "termes", "mot", "mots", "expression", "formule", "propos"})
#: nouns for a territory whose name follows them (``la région Bretagne``, ``la ville de
#: Lyon``): the name complements a role (``la présidente de la région X``), it does not speak
TERRITORY_NOUNS = frozenset(
    {"ville", "commune", "région", "département", "province", "canton", "métropole",
     "agglomération", "collectivité", "wilaya", "préfecture"}
)  # fmt: skip
SECOND_PERSON = {
    "fr": {"vous", "votre", "vos", "tu", "ton", "ta", "tes", "toi"},
    "en": {"you", "your", "yours"},
}


#: lower-case particles inside people's names ("Ursula von der Leyen", "Charles de Gaulle")
PARTICLES = frozenset({"de", "du", "des", "d'", "la", "le", "von", "van", "der", "den", "da", "di"})
#: words that open a surname and are never a given name (``M. Le Foll``, ``Di Rupo``, ``El
#: Guerrab``), though some are words of the language
SURNAME_PARTICLES = PARTICLES | {"les", "del", "della", "dos", "das", "el"}

TITLE_GENDER = {
    "mme": "Fem",
    "madame": "Fem",
    "mlle": "Fem",
    "m.": "Masc",
    "monsieur": "Masc",
    "mrs": "Fem",
    "ms": "Fem",
    "mr": "Masc",
    "mr.": "Masc",
    "mrs.": "Fem",
    "ms.": "Fem",
}


def pronoun_gender(low: str) -> str | None:
    """``elle`` -> Fem, ``il`` -> Masc (French and English third-person pronouns)."""
    bare = low.lstrip("-").removeprefix("t-")
    if bare in {"elle", "celle-ci", "she", "her"}:
        return "Fem"
    if bare in {"il", "celui-ci", "he", "him"}:
        return "Masc"
    return None


#: adverbials between an incise verb and its inverted subject (``», indique pour sa part X``)
INCISE_ADVERBIALS = sorted(
    (
        tuple(p.split())
        for p in (
            "pour sa part",
            "pour leur part",
            "de son côté",
            "de leur côté",
            "quant à lui",
            "quant à elle",
            "à son tour",
            "à leur tour",
            "également",
            "aussi",
            "encore",
            "alors",
            "ensuite",
            "enfin",
            "pourtant",
            "cependant",
            "toutefois",
            "néanmoins",
            # the tokenizer splits the elision: ``d'`` then ``ailleurs``
            "d' ailleurs",
            "par ailleurs",
            "en revanche",
            "au contraire",
            "en outre",
            "de nouveau",
            "volontiers",
            "simplement",
            "aussitôt",
            "immédiatement",
            "also",
            "later",
            "then",
            # when, relative to the story (``», constatait un peu plus tôt dans la matinée la
            # présidente``)
            "un peu plus tôt",
            "un peu plus tard",
            "plus tôt",
            "plus tard",
            "peu après",
            "dans la matinée",
            "dans la soirée",
            "dans la journée",
            "dans la nuit",
            # the channel of the words (``», a assuré dans un communiqué le porte-parole``)
            *(
                f"dans {det} {noun}"
                for det in ("un", "une", "son", "sa", "leur")
                for noun in (
                    "communiqué",
                    "déclaration",
                    "entretien",
                    "interview",
                    "message",
                    "courrier",
                    "lettre",
                    "tribune",
                    "vidéo",
                )
            ),
        )
    ),
    key=len,
    reverse=True,
)


#: days and times after a cue (``said Monday``): when, not who
TIME_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        "tonight",
    ]
)


#: nouns of descriptions that refer back to a news outlet (``le quotidien américain``)
MEDIA_NOUNS = {
    "fr": {
        "journal",
        "quotidien",
        "hebdomadaire",
        "mensuel",
        "magazine",
        "média",
        "site",
        "chaîne",
        "radio",
        "titre",
    },
    "en": {"newspaper", "paper", "daily", "weekly", "magazine", "outlet", "broadcaster", "network"},
}
#: media nouns with an everyday sense too (``le titre`` a share, ``le site`` a plant, ``la
#: chaîne`` a store chain, ``the network``): an outlet only when a press word qualifies them
#: (``le site d'information``) or they publish (``le site a révélé``)
AMBIGUOUS_MEDIA_NOUNS = frozenset({"site", "chaîne", "titre", "paper", "network"})
#: words that qualify an ambiguous media noun as the press (``le site d'information``)
PRESS_QUALIFIERS = frozenset(
    {"information", "info", "actualité", "presse", "internet", "web", "télévision", "news"}
)
#: words that make a name an outlet's wherever they stand (``Wall Street Journal``, ``Les
#: Échos``); everyday words (``Croix``, ``Express``, ``Post``, ``Temps``) are matched only as
#: the whole name in :data:`MEDIA_NAMES`
MEDIA_NAME_WORDS = frozenset(
    {
        "journal",
        "times",
        "figaro",
        "échos",
        "echos",
        "libération",
        "mediapart",
        "parisien",
        "reuters",
        "afp",
        "bloomberg",
        "herald",
        "gazette",
        "obs",
        "observateur",
        "dépêche",
        "télégramme",
        "huffpost",
        "politico",
        "guardian",
        "telegraph",
        "cnn",
        "bbc",
        "bfmtv",
        "lci",
        "franceinfo",
        "rtl",
        "tf1",
        "wsj",
        "presse",
        "press",
        "télévisions",
    }
)
#: whole names of outlets whose words are everyday words, lower case, without a leading
#: article (``Le Monde`` -> ``monde``, ``The Washington Post`` -> ``washington post``)
MEDIA_NAMES = frozenset(
    {
        "monde",
        "monde diplomatique",
        "point",
        "express",
        "croix",
        "humanité",
        "canard enchaîné",
        "tribune",
        "courrier international",
        "marianne",
        "temps",
        "soir",
        "matin",
        "devoir",
        "opinion",
        "jdd",
        "journal du dimanche",
        "nouvel obs",
        "ouest france",
        "sud ouest",
        "voix du nord",
        "nice matin",
        "progrès",
        "20 minutes",
        "france info",
        "france inter",
        "france culture",
        "france 2",
        "france 3",
        "france 24",
        "france télévisions",
        "radio france",
        "radio canada",
        "europe 1",
        "rfi",
        "rmc",
        "rmc story",
        "sud radio",
        "public sénat",
        "cnews",
        "arte",
        "m6",
        "bfm tv",
        "bfm business",
        "washington post",
        "new york post",
        "huffington post",
        "jerusalem post",
        "independent",
        "atlantic",
        "economist",
        "new yorker",
        "fox news",
        "sky news",
        "abc news",
        "nbc news",
        "cbs news",
        "cnbc",
        "msnbc",
        "npr",
        "associated press",
        "spiegel",
        "der spiegel",
        "axios",
        "verge",
        "techcrunch",
        "wired",
    }
)
#: verbs of which an outlet is the subject (``Mediapart publie``, ``Le Monde révèle``)
PUBLISHING_VERBS = frozenset(
    {"publier", "révéler", "rapporter", "écrire", "titrer", "publish", "report", "reveal", "write"}
)


#: the parties of a trial, who speak through counsel: ``Pour l'accusation, …``
TRIAL_PARTIES = re.compile(
    r"(?:l'accusation|la défense|le parquet|le ministère public|la partie civile|"
    r"les parties civiles|le parquet général)",
    re.IGNORECASE,
)


#: French possessive determiners of the third person, standing for their possessor (``selon ses
#: termes``) or opening a description of someone's (``sa porte-parole``)
FR_POSSESSIVES = frozenset({"son", "sa", "ses", "leur", "leurs"})
#: French subject pronouns inverted after a verb or an auxiliary (``ajoute-t-elle``,
#: ``a-t-il dit``, ``estime-t-on``), as the tokenizer cuts them
FR_INVERTED = frozenset({"-il", "-elle", "-ils", "-elles", "-on", "-t-il", "-t-elle", "-t-on"})
#: the impersonal ``on`` as the tokenizer splits it in an incise (``a-t-on appris``,
#: ``apprend-on``)
FR_ON = frozenset({"on", "-on", "-t-on", "l'on"})

#: French ``de`` and its contractions, which join a noun to its complement (``le maire de la
#: ville``, ``l'avocat du prévenu``)
FR_OF = frozenset({"de", "d'", "du", "des"})


def of_complement(tok: Token) -> bool:
    """A noun introduced by ``de`` (``du``, ``des``, ``d'``): its ``case`` child says it."""
    return any(c.dep_ == "case" and c.lower_ in FR_OF for c in tok.children)


#: French days and times that may stand between an inverted cue and its subject (``», a
#: déclaré jeudi soir X``, ``…, indique mardi le quotidien X``)
FR_TIME_WORDS = frozenset(
    {
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier",
        "avant-hier", "aujourd'hui", "matin", "soir", "midi", "après-midi", "dernier",
    }
)  # fmt: skip


#: prepositions that name whose view a sentence gives (``Pour X, …``, ``Selon lui, …``)
_SOURCE_PREPOSITIONS = frozenset({"pour", "selon"})


def source_preposition(doc: Doc, k: int) -> int | None:
    """Where the source preposition ending at token ``k`` starts (``selon``, ``pour``, or ``d'``
    of ``d'après``, two tokens), else None."""
    if doc[k].lower_ in _SOURCE_PREPOSITIONS:
        return k
    if doc[k].lower_ == "après" and k > 0 and doc[k - 1].lower_ == "d'":
        return k - 1
    return None


def behind_preposition(tok: Token) -> bool:
    """``à l'AFP``, ``auprès du Monde``: the word heads a prepositional phrase (a ``case``
    preposition before it other than ``de``, which the parser also gives partitive subjects,
    ``de nombreux élus``). A subject never takes a preposition: the phrase is whom a cue
    addresses or where it speaks (``», a précisé à l'AFP le procureur``), even where the
    parser calls it the subject."""
    return any(c.dep_ == "case" and c.i < tok.i and c.lower_ not in FR_OF for c in tok.children)


#: heads that name one body by its seat or its field: "le parquet de Lyon", "la mairie de
#: Toulouse", "le ministère des Sports" are names wherever they stand, while "une association
#: de Lyon" or "l'agence de Lille" need to speak to count; "l'académie de Versailles", "le
#: rectorat de Lyon" (a region's school administration, written in lower case) are names too
SEAT_HEADS = frozenset(
    {"ministère", "université", "parquet", "tribunal", "cour", "préfecture", "mairie", "chu",
     "chambre", "académie", "rectorat"}
)  # fmt: skip


#: nouns of a published document that may stand as the subject of a cue (``Une vidéo accuse X
#: de …``): the document speaks for its author
DOCUMENT_NOUNS = frozenset(
    {
        "vidéo",
        "publication",
        "message",
        "tweet",
        "post",
        "billet",
        "tribune",
        "lettre",
        "courriel",
        "courrier",
        "pétition",
        "podcast",
        "enregistrement",
    }
)


#: French stressed pronouns (``pour lui``, ``selon elle``, ``d'après eux``)
FR_STRESSED = frozenset({"lui", "elle", "eux", "elles"})


#: French relative words (``qui``, ``que``, ``dont``, ``où``, ``lequel`` …): a verb after one
#: of them belongs to a relative clause
FR_RELATIVES = frozenset(
    {"qui", "dont", "que", "qu'", "où", "lequel", "laquelle", "lesquels", "lesquelles"}
)


def adverbs_before(doc, k: int, floor: int = 0) -> int:  # type: ignore[no-untyped-def]
    """The index at or before ``k`` once the adverbs (not ``ne``) ending at ``k`` are passed
    over, not below ``floor``: ``a-t-elle encore dit`` from ``encore`` back to ``-elle``."""
    while k > floor and doc[k].pos_ == "ADV" and doc[k].lower_ not in {"ne", "n'"}:
        k -= 1
    return k
