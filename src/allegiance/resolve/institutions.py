"""French public bodies and organisations named by their head noun or spelt out before an acronym.

"la préfecture du Nord", "le ministère russe de la Défense", "le Bureau des affaires de Taïwan",
"le Service départemental d'incendie et de secours (Sdis 34)": the statistical model cuts such
names at their first lower-case word or misses them; these rules read the construction instead
(a head noun, its complements, a seat, an acronym that spells the initials).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from allegiance.extract.attribution import lemma_guesses
from allegiance.extract.frames import incise_position
from allegiance.extract.lexicons import first_names, speech_cues
from allegiance.extract.speaker_words import FR_TIME_WORDS, SEAT_HEADS
from allegiance.resolve.kb import fold
from allegiance.resolve.person_names import DETERMINERS as _DETERMINERS
from allegiance.resolve.person_names import SOURCE_WORDS as _SOURCE_WORDS
from allegiance.resolve.person_names import cap as _cap

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc, Span, Token

    from allegiance.models import EntityType


#: head nouns of French public bodies whose name is the noun and its complement
#: ("la préfecture du Nord", "le ministère russe de la Défense", "l'Institut Paris Région")
_INSTITUTION_HEADS = frozenset(
    {
        "ministère",
        "agence",
        "institut",
        "office",
        "autorité",
        "commission",
        "conseil",
        "fondation",
        "syndicat",
        "association",
        "université",
        "parquet",
        "tribunal",
        "cour",
        "préfecture",
        "société",
        "fédération",
        "observatoire",
        "mairie",
        "chambre",
        "chu",
        "académie",
        "rectorat",
        "diocèse",
        "archidiocèse",
    }
)
#: lower-case words that complete the name of a court or a public body ("la cour d'appel de
#: Rennes", "la chambre régionale des comptes"); True when the body is one in its country and
#: needs no seat after it ("le parquet national financier")
_BODY_COMPLEMENTS: dict[str, bool] = {
    "d'appel": False, "administrative d'appel": False, "d'assises": False,
    "de grande instance": False, "de première instance": False, "de commerce": False,
    "judiciaire": False, "administratif": False, "correctionnel": False,
    "des prud'hommes": False, "de cassation": True, "des comptes": True,
    "régionale des comptes": True, "national financier": True, "national antiterroriste": True,
    "fédéral": True, "constitutionnel": True, "constitutionnelle": True, "suprême": True,
    "d'état": True, "pénale internationale": True, "internationale de justice": True,
    "supérieure de justice": False, "maritime": True,
}  # fmt: skip
_NAME_LINKS = frozenset({"de", "du", "des", "d'", "la", "l'", "le", "les", "et"})
_ACRONYM = re.compile(r"^[A-ZÀ-Ý]{2,8}$|^[A-ZÀ-Ý][a-zà-ÿ]{2,6}$")


#: heads that make a name only when written with a capital: "le Bureau des affaires de Taïwan",
#: "le Service départemental d'incendie et de secours" (a "bureau" or a "service" is any office)
_CAPITAL_HEADS = frozenset(
    {"bureau", "service", "centre", "direction", "comité", "caisse", "inspection",
     "secrétariat", "haut-commissariat", "établissement", "organisation", "port"}
)  # fmt: skip
#: words that end a name's lower-case complements: a date is said after the name, not in it
_TIME_WORDS = frozenset(
    {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "matin",
     "soir", "semaine", "mois", "année", "jour", "nuit", "veille", "lendemain", "an", "ans"}
)  # fmt: skip
#: a name's words between its head and its seat, at most
_MAX_NAME = 12


def institution_names(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of public bodies named by a head noun and its complements.

    "la préfecture du Nord", "le ministère russe de la Défense", "l'Institut Paris Région": the
    head (any case), adjectives in lower case, then ``de``/``du``/``de la`` and capitalised words,
    or capitalised words right away, then a seat ("le ministère de la Santé de Gaza"). A head
    written with a capital takes lower-case complements too, as French official names do ("le
    Bureau des affaires de Taïwan", "l'Office fédéral de la sécurité alimentaire"). A bare head
    ("le ministère") is no name.
    """
    found: list[tuple[int, int]] = []
    n = len(doc)
    for tok in doc:
        low = tok.lower_
        if tok.i == 0 or not (low in _INSTITUTION_HEADS or low in _CAPITAL_HEADS and _cap(tok)):
            continue
        after_det = doc[tok.i - 1].lower_ in {"le", "la", "l'", "du", "de", "au", "à", "des"}
        if not after_det and not _cap(tok):
            continue
        if _cap(tok) and tok.is_sent_start:
            continue  # "Service compris" opens a sentence: its capital says nothing
        k, whole = _body_complement(doc, tok.i + 1, low)
        while k < n and doc[k].pos_ == "ADJ" and doc[k].text.islower():
            k += 1
        j = k
        while j < n and doc[j].lower_ in _NAME_LINKS - {"et"}:
            j += 1
        if j == k and not _cap(tok) and low != "université":
            j = k = k if whole else -1  # "le ministère Défense" is no French; a lower-case
            if k < 0:  # head needs "de" ("l'université Paul-Valéry" excepted)
                continue
        end = j if whole and j == k and _person_after(doc, j) else None
        end = _linked_runs(doc, capitalised_run(doc, j)) if end is None else end
        if end == j and _cap(tok) and j > k:
            end = _lower_complements(doc, j)  # "Bureau des affaires", "Office fédéral de la …"
        if end == j and whole and j == k:
            end = k  # "le parquet national financier": no seat after it
        elif end == j or end - tok.i > _MAX_NAME:
            continue
        if not (_cap(tok) or low in SEAT_HEADS and after_det or _speaks(tok)):
            continue  # "une association de Brest" is kept only where it speaks
        found.append((tok.i, _with_seat(doc, end)))
    return found


def _person_after(doc: Doc, i: int) -> bool:
    """A known given name and a capitalised word at ``i``: the holder's name after a body that
    needs no seat ("le procureur général près la Cour de cassation François Molins")."""
    return (
        i + 1 < len(doc)
        and doc[i].lower_ in first_names()
        and _cap(doc[i])
        and _place_word(doc[i + 1])
    )


def capitalised_run(doc: Doc, i: int) -> int:
    """The end of the capitalised words (and glued hyphens) from ``i``, with the lower-case
    adjectives that close them ("des Affaires étrangères", "des Nations unies")."""
    n = len(doc)
    end = i
    while end < n and (_place_word(doc[end]) or _glued_hyphen(doc, end)):
        end += 1
    if end > i:
        extra = 0
        while end < n and extra < 2 and doc[end].pos_ == "ADJ" and doc[end].text.islower():
            end, extra = end + 1, extra + 1
    return end


def _linked_runs(doc: Doc, end: int) -> int:
    """A body's capitalised name goes on over ``des``/``de la`` and further capitalised words:
    "le Centre chinois de Surveillance des Séismes" (a seat, "de Gaza", is read the same way)."""
    n = len(doc)
    j = end
    while j + 1 < n and doc[j].lower_ in {"des", "de", "du", "d'"}:
        k = j + 1
        if k < n and doc[j].lower_ == "de" and doc[k].lower_ in {"la", "l'"}:
            k += 1
        if k >= n or doc[k].is_sent_start or not _place_word(doc[k]):
            break
        j = capitalised_run(doc, k)
    return j


def _lower_complements(doc: Doc, i: int) -> int:
    """The end of the lower-case nouns, adjectives and links of a capitalised body's name from
    ``i`` ("affaires de", "sécurité alimentaire et des affaires vétérinaires"): it ends on a
    noun or an adjective, never on a link, a date or a verb."""
    n = len(doc)
    end = j = i
    while j < n and j - i < _MAX_NAME:
        t = doc[j]
        if t.lower_ in _NAME_LINKS:
            j += 1
            continue
        if t.pos_ in ("NOUN", "ADJ") and t.text.islower() and t.is_alpha:
            if t.lower_ in _TIME_WORDS or _speech_verb_before_que(doc, j):
                break
            j += 1
            end = j
            continue
        break
    return end


def _speech_verb_before_que(doc: Doc, j: int) -> bool:
    """``l'Agence régionale de santé note que …``: a speech verb the tagger read as a noun,
    right before ``que``, ends the name before it."""
    if j + 1 >= len(doc) or doc[j + 1].lower_ not in {"que", "qu'", "qu’"}:
        return False
    cues = speech_cues("fr").words
    return any(g in cues for g in lemma_guesses(doc[j].lower_))


def _with_seat(doc: Doc, end: int) -> int:
    """A seat written after a body's name is part of it: "le ministère de la Santé de Gaza",
    "le Bureau des affaires de Taïwan" (``de``/``du``/``d'``, an article, capitalised words)."""
    n = len(doc)
    j = end
    if j < n and doc[j].lower_ in {"de", "du", "d'"}:
        j += 1
        if j < n and doc[j].lower_ in {"la", "l'"}:
            j += 1
        seat = j
        while j < n and _place_word(doc[j]):
            j += 1
        if j > seat and not doc[seat].is_sent_start:
            return j
    return end


#: lower-case complements that complete one head only ("la préfecture de police" is one body;
#: "un syndicat de police", "le tribunal de police" are any of several)
_HEAD_COMPLEMENTS: dict[str, dict[str, bool]] = {"préfecture": {"de police": True}}


def _body_complement(doc: Doc, i: int, head: str = "") -> tuple[int, bool]:
    """Where the lower-case complement of a body's name starting at ``i`` ends, and whether the
    body needs no seat after it; ``(i, False)`` when none starts there."""
    complements = {**_BODY_COMPLEMENTS, **_HEAD_COMPLEMENTS.get(head, {})}
    for words, whole in sorted(complements.items(), key=lambda kv: -len(kv[0])):
        parts = words.replace("'", "' ").split()
        toks = doc[i : i + len(parts)]
        if len(toks) == len(parts) and all(t.lower_ == p for t, p in zip(toks, parts, strict=True)):
            return i + len(parts), whole
    return i, False


def _place_word(tok: Token) -> bool:
    """A capitalised word of a name, hyphenated words the tokenizer keeps whole included:
    "Marcq-en-Baroeul", "Blanc-Mesnil" (``is_alpha`` is false for them)."""
    text = tok.text
    return _cap(tok) and text[-1:].isalpha() and all(c.isalpha() or c in "-'" for c in text)


def _glued_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen inside a proper name: "Toulouse-Jean-Jaurès"."""
    return (
        doc[i].text == "-"
        and i > 0
        and doc[i - 1].whitespace_ == ""
        and doc[i].whitespace_ == ""
        and i + 1 < len(doc)
        and _cap(doc[i + 1])
    )


def _speaks(tok: Token) -> bool:
    """The noun is the subject (or inverted subject) of a speech verb, or follows ``selon``."""
    doc = tok.doc
    if tok.i >= 2 and doc[tok.i - 2].lower_ in _SOURCE_WORDS - {"pour"}:
        return True
    head = tok.head
    cues = speech_cues("fr").words
    if tok.dep_ not in {"nsubj", "obj", "nsubj:pass"}:
        return False
    # the lemmatizer leaves some forms alone ("indique"): guess the infinitive too
    return head.lemma_.lower() in cues or any(g in cues for g in lemma_guesses(head.lower_))


def _initials(words: list[Token]) -> str:
    return spelt_initials(t.text for t in words if t.is_alpha)


def spelt_initials(words: Iterable[str]) -> str:
    """The initials an acronym of a name's words spells, folded (``Agence régionale de
    santé``: ``ars``): the links (``de``, ``la``, ``et``…) spell nothing."""
    return "".join(fold(w)[:1] for w in words if w.lower() not in _NAME_LINKS)


def acronym_names(doc: Doc) -> list[tuple[int, int, int]]:
    """``Name (ACR)`` where the acronym spells the name's initials: (start, end, acronym index).

    "l'Institut Paris Région (IPR)", "la Société suisse de l'industrie du gaz et des eaux
    (SSIGE)", "le Service départemental d'incendie et de secours (Sdis 34)": the name runs back from the parenthesis to the word whose initial opens the
    acronym, so the full name and its acronym become one organisation.
    """
    found: list[tuple[int, int, int]] = []
    for tok in doc:
        if not (_ACRONYM.match(tok.text) and 2 < tok.i < len(doc) - 1):
            continue
        after = _spelt_after(doc, tok)  # "l'Arcep (l'Autorité de régulation … des postes)"
        if after is not None:
            found.append((after[0], after[1], tok.i))
            continue
        close = tok.i + 2 if doc[tok.i + 1].like_num and tok.i + 2 < len(doc) else tok.i + 1
        if doc[tok.i - 1].text != "(" or doc[close].text != ")":
            continue  # "(SSIGE)", "(Sdis 34)": a departement's number may follow
        want = fold(tok.text)
        end = tok.i - 1
        spelt = None
        for start in range(end - 1, max(-1, end - 14), -1):
            if doc[start].is_punct or doc[start].is_space:
                break
            opener = doc[start]
            if (
                _initials(list(doc[start:end])) == want
                and _cap(opener)
                and opener.lower_ not in _NAME_LINKS | _DETERMINERS
            ):
                spelt = start
                break
        if spelt is None and tok.text.isupper():  # "(Lyon)" spells nothing: no guess
            named = _organisation_ending_at(doc, end)
            if named is not None and named[0].lower_ in first_names():
                # "Geneviève Roy (CGPME)": a person's name the model typed as a body, and her
                # affiliation, a body of its own
                found.append((tok.i, tok.i + 1, -1))
                continue
            spelt = named.start if named is not None else None
            if spelt is None:
                # "l'Agence nationale du médicament et des produits de santé (ANSM)": a public
                # body's name the model cut short, read in full, whose initials hold the
                # letters (one word dropped), the first one first; not a party after a council
                # ("le Conseil régional des Hauts-de-France (RN)")
                spelt = next(
                    (
                        a
                        for a, b in institution_names(doc)
                        if b == end and _cap(doc[a]) and _letters_among(want, doc[a:b])
                    ),
                    None,
                )
        if spelt is not None:
            found.append((spelt, end, tok.i))
    return found


def _letters_among(acronym: str, words: Span) -> bool:
    """The acronym opens on the name's first initial and each of its letters is the initial
    of one of the name's words (not its links)."""
    initials = [fold(t.text)[:1] for t in words if t.is_alpha and t.lower_ not in _NAME_LINKS]
    return bool(initials) and acronym[:1] == initials[0] and set(acronym) <= set(initials)


def _spelt_after(doc: Doc, acronym: Token) -> tuple[int, int] | None:
    """``ACR (Name)``, the other order: a bracket right after the acronym holding (after an
    article) a capitalised name whose initials spell it: the name's token range."""
    i = acronym.i + 1
    if i + 2 >= len(doc) or doc[i].text != "(":
        return None
    start = i + 1
    while start < len(doc) and doc[start].lower_ in _DETERMINERS | {"l'", "la", "le", "les"}:
        start += 1
    close = next((k for k in range(start, min(len(doc), start + 16)) if doc[k].text == ")"), None)
    if close is None or close - start < 2 or not _cap(doc[start]):
        return None
    if _initials(list(doc[start:close])) != fold(acronym.text):
        return None
    return start, close


def _organisation_ending_at(doc: Doc, end: int) -> Span | None:
    """An organisation of several words the model found right before "(ACR)": its acronym even
    when the letters do not match, as when the name was translated ("la Commission électorale
    fédérale (FEC)"). One-word names are left out: "Tesla (TSLA)" is a ticker, not an acronym."""
    for ent in doc.ents:
        if ent.end == end and len(ent) > 1 and ent.label_ in ("ORG", "NORP") and not ent.ent_id_:
            return ent
    return None


#: nouns that introduce an organisation's or a medium's own name right after them: "le collectif
#: Logement digne 69", "l'hebdomadaire L'Indiscret", "l'association Droits devant 75"
_NAMING_NOUNS = frozenset(
    {"collectif", "association", "syndicat", "journal", "hebdomadaire", "quotidien", "mensuel",
     "magazine", "revue", "site", "média", "radio", "chaîne", "ong", "mouvement", "fondation",
     "parti", "coordination", "plateforme", "bimensuel", "webzine", "blog", "cabinet", "firme",
     "institut", "entreprise", "société", "start-up", "startup", "groupe",
     # bodies of bodies and the trade nouns news writing puts before a company's name ("le
     # géant américain X", "le constructeur X", "la fédération Force commune")
     "fédération", "confédération", "ligue", "coalition", "géant", "constructeur", "fabricant",
     "équipementier", "opérateur", "distributeur", "assureur", "laboratoire", "sidérurgiste",
     "pétrolier", "transporteur", "éditeur", "fonds", "banque", "chimiste", "brasseur"}
)  # fmt: skip
#: media nouns that open a title with its article: "Le Journal du Bourbonnais", "La Presse de
#: Tunisie", "Le Courrier picard"
_MEDIA_TITLE_HEADS = frozenset(
    {"journal", "courrier", "dépêche", "gazette", "quotidien", "écho", "echo", "nouvelliste",
     "télégramme", "presse", "tribune", "républicain", "progrès", "petit"}
)  # fmt: skip
_TITLE_ARTICLES = frozenset({"le", "la", "l'", "les"})


def named_bodies(doc: Doc) -> list[tuple[int, int]]:
    """Token ranges of organisation names given by the words around them.

    After a naming noun ("le collectif", "l'hebdomadaire"), a capitalised name runs with its own
    article ("L'Indiscret"), lower-case words inside it when a number or a capital closes it
    ("Logement digne 69") and a final number ("Paris 8"). A media title opens with its article
    and a media noun ("Le Journal du Bourbonnais").
    """
    found: list[tuple[int, int]] = []
    n = len(doc)
    for tok in doc:
        if tok.lower_ in _NAMING_NOUNS and not _cap(tok) and tok.i > 0 and tok.i + 1 < n:
            if doc[tok.i - 1].lower_ in _DETERMINERS | {"l'", "d'", "cet", "ce", "cette"}:
                start = _after_description(doc, tok.i + 1)
                end = _own_name(doc, start)
                if end > start:
                    found.append((start, end))
        elif tok.lower_ in _MEDIA_TITLE_HEADS and _cap(tok) and tok.i > 0:
            article = doc[tok.i - 1]
            if article.lower_ in _TITLE_ARTICLES and _cap(article):
                end = _with_seat(doc, tok.i + 1)
                if end == tok.i + 1:
                    end = capitalised_run(doc, tok.i + 1)
                if end > tok.i + 1:
                    found.append((tok.i - 1, end))
    return found


#: links inside foreign names, never French words: "La Voz del Interior", "Banco do Brasil"
_FOREIGN_LINKS = frozenset({"del", "della", "di", "da", "do", "dos", "von", "van", "der"})


def _after_description(doc: Doc, i: int) -> int:
    """Where the name starts after a naming noun's lower-case description: one adjective ("le
    cabinet comptable X") or a bare complement ("la firme d'audit X"); ``i`` when none."""
    n = len(doc)
    if i < n and doc[i].pos_ == "ADJ" and doc[i].text.islower():
        return i + 1
    if (
        i + 1 < n
        and doc[i].lower_ in ("de", "d'")
        and doc[i + 1].pos_ == "NOUN"
        and doc[i + 1].text.islower()
    ):
        return i + 2
    return i


def _own_name(doc: Doc, i: int) -> int:
    """The end of the name that starts at ``i`` right after a naming noun; ``i`` when none."""
    n = len(doc)
    j = i
    if j + 1 < n and doc[j].lower_ in _TITLE_ARTICLES and _cap(doc[j]) and _cap(doc[j + 1]):
        j += 1  # "L'Indiscret": a title keeps its article
    if not (_cap(doc[j]) and doc[j].is_alpha):
        return i
    end = j = capitalised_run(doc, j)
    while j < n and doc[j - 1].lower_ in _FOREIGN_LINKS and _cap(doc[j]):
        end = j = capitalised_run(doc, j)  # "La Voz del Interior": a foreign title's link
    while j + 1 < n and doc[j].lower_ in _FOREIGN_LINKS and _cap(doc[j + 1]):
        end = j = capitalised_run(doc, j + 1)
    k = j
    while k < n and k - j < 3 and doc[k].pos_ in ("NOUN", "ADJ") and doc[k].text.islower():
        k += 1
    if k > j and k < n and (_number(doc[k]) or _cap(doc[k]) and doc[k].is_alpha):
        end = capitalised_run(doc, k) if _cap(doc[k]) else k + 1
    elif end < n and _number(doc[end]):
        end += 1  # "Paris 8", "Marseille 2030"
    elif (
        j - i == 1
        and k - j == 1
        and k < n
        and _closes_phrase(doc[k])
        and doc[j].lower_ not in FR_TIME_WORDS  # "a annoncé le fabricant Brodec jeudi"
        and doc[j].pos_ != "ADV"
    ):
        # a name in sentence case closing the subject: "la fédération Force commune a prévenu"
        end = k
    return end


def _closes_phrase(tok: Token) -> bool:
    """The noun phrase ends before ``tok``: a verb, an auxiliary or a punctuation mark."""
    return tok.pos_ in ("AUX", "VERB") or tok.text in {",", ".", ":", ";", "(", ")"}


def _number(tok: Token) -> bool:
    """A short number that ends a name: a département, a district, a year."""
    return tok.text.isdigit() and len(tok.text) <= 4


#: a local office's role -> its seat: "le préfet de l'Hérault" speaks for "la préfecture"
_SEAT_OF_ROLE = {
    "préfet": "préfecture",
    "préfète": "préfecture",
    "maire": "mairie",
    "recteur": "rectorat",
    "rectrice": "rectorat",
}
_PLACE_LINKS = ("de", "du", "des", "d'")
#: first words of place names that a given name may complete ("São Paulo", "Santa Maria")
_PLACE_OPENERS = frozenset(
    {"sao", "san", "santa", "santo", "saint", "sainte", "st", "ste", "los", "las", "new",
     "port", "puerto", "porto", "fort", "mont", "val", "villa", "ciudad", "bad"}
)  # fmt: skip


def _role_place(doc: Doc, i: int) -> str | None:
    """The place complement after the role at ``i``, with its link: "de l'Hérault", "du Nord"."""
    n = len(doc)
    j = i + 1
    if j >= n or doc[j].lower_ not in _PLACE_LINKS:
        return None
    j += 1
    if j < n and doc[j].lower_ in ("la", "l'", "les") and doc[j - 1].lower_ == "de":
        j += 1  # "de la Somme", "de l'Hérault"
    end = capitalised_run(doc, j) if j < n and _cap(doc[j]) else j
    holder = next(
        (
            k
            for k in range(j + 1, end)
            if _person_after(doc, k) and fold(doc[k - 1].text) not in _PLACE_OPENERS
        ),
        None,
    )
    if holder is not None:
        # "le maire de Verdun Samuel Hazard": the holder's name is not the place (a given name
        # that goes on a place's first word stays: "São Paulo", "San Francisco")
        end = holder
    while end > j and not _cap(doc[end - 1]):
        end -= 1  # no closing adjective: "le maire de Lyon sortant"
    return doc[i + 1 : end].text if end > j else None


def _opens_clause(doc: Doc, i: int) -> bool:
    """The determiner at ``i`` opens a sentence, a clause or a source ("selon la mairie"), so
    its noun phrase can be a subject or a source rather than a place after a preposition."""
    if i == 0:
        return True
    before = doc[i - 1]
    return before.is_punct or before.is_space or before.lower_ in _SOURCE_WORDS | {"et", "mais"}


def bare_seats(doc: Doc) -> list[tuple[int, int, str]]:
    """Bare seats that act ("La préfecture appelle…") with the full name the article's one role
    holder gives them ("le préfet de l'Hérault" -> "préfecture de l'Hérault"), or that the
    article gives the seat itself ("la mairie de Y … La mairie a précisé"): token range of
    the determiner and the noun, and the seat's name. A seat whose role names two places, or
    none, is left alone: the article does not say which one it is."""
    places: dict[str, set[str]] = {}
    seats = frozenset(_SEAT_OF_ROLE.values())
    for tok in doc:
        # the role's seat, or the seat itself named with its place ("la mairie de Y")
        seat = _SEAT_OF_ROLE.get(tok.lower_) or (tok.lower_ if tok.lower_ in seats else None)
        if seat is not None:
            place = _role_place(doc, tok.i)
            if place is not None:
                places.setdefault(seat, set()).add(place)
    found: list[tuple[int, int, str]] = []
    n = len(doc)
    for tok in doc:
        where = places.get(tok.lower_)
        if where is None or len(where) != 1 or tok.i == 0:
            continue
        if doc[tok.i - 1].lower_ not in ("la", "le", "l'"):
            continue
        inverted = tok.dep_ == "obj" or tok.dep_.startswith("nsubj") and tok.head.i < tok.i
        if not (_opens_clause(doc, tok.i - 1) or inverted and speaking_subject(tok)):
            continue  # "une cellule d'écoute à la mairie" is a place, not the seat that acts
        after = doc[tok.i + 1] if tok.i + 1 < n else None
        if after is not None and (
            after.lower_ in _PLACE_LINKS or _cap(after) or after.pos_ == "ADJ"
        ):
            continue  # "la préfecture du Nord", "la mairie voisine": not the bare seat
        found.append((tok.i - 1, tok.i + 1, f"{tok.lower_} {next(iter(where))}"))
    return found


def speaking_subject(tok: Token) -> bool:
    """The noun is the subject of a speech verb, or its subject inverted in an incise
    (``», a indiqué jeudi la préfecture``): not the object of one (``ont appelé la mairie``)."""
    if not _speaks(tok):
        return False
    verb = tok.head
    if tok.dep_ != "obj" and not (tok.dep_.startswith("nsubj") and verb.i < tok.i):
        return True
    # not ``Les voisins, alertés, ont appelé la police``: its object
    return verb.i < tok.i and incise_position(verb)


def runs_past(span: Span, kind: EntityType, body: tuple[int, int, int]) -> bool:
    """A person's name the model read in full from a first name, past a body's name that a
    naming noun cut short: "le groupe franco-néerlandais [Alexandre] de Juniac". A name as
    long as the body's stays the body's ("le groupe Pierre Fabre" is a company)."""
    return (
        kind == "person"
        and span.start <= body[0]
        and body[1] < span.end
        and span[0].lower_ in first_names()
    )


def longer_body(key: str, names: list[str]) -> str:
    """The one longer body name of the article that ``key`` opens ("ministère de la santé" ->
    "ministère de la santé de gaza"); else ``key`` itself."""
    longer = {n for n in names if n.startswith(key + " ")}
    return longer.pop() if len(longer) == 1 else key
