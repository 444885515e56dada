"""Allegiance's spaCy components: correct the statistical NER by design, not by a list of names.

One runs before the packaged ``parser``:

``allegiance_paragraphs``
    A paragraph break (a blank line) always starts a sentence. Left alone, the parser runs a
    sentence over headings and paragraph breaks ("« Vous lui avez vendu un cercueil »\n\nMarie
    Leroy … a pris la parole") and the parse of both halves is lost; the parser keeps boundaries
    set before it.

Three run after the packaged ``ner``:

``allegiance_entity_repair``
    The French model glues neighbouring names into one span ("Trump\\n\\nMusk", "Michael Kovac for
    Vanity Fair"), tags companies as MISC and tags words in the wrong case as entities. The repair
    splits a span at line breaks and at connector words that never occur inside a name (for, pour,
    via, chez …), drops spans made of numbers or money words, and relabels MISC spans that look like
    organisations (a parenthesised ticker follows, a company suffix, an inner capital as in "OpenAI").

``entity_ruler`` (spaCy's own, overwrite mode)
    Patterns from the knowledge base: the names and aliases of known actors win over the model's
    guess, which fixes types (OpenAI, SoftBank, Oracle, X as organisations) and finds names the
    model never learnt (xAI).

``allegiance_kb_guard``
    A place of the knowledge base inside a longer name is not that place: "France" in
    "Météo-France", "Air France", "France Travail", "Paris" in "Paris Match". The longer name the
    model had found wins back over the ruler's place; where the model had none, a name glued to
    the place by a hyphen or by following capitalised words becomes an organisation, and so does a
    place glued by a hyphen to a word that is no particle ("Météo-France", which the model calls a
    place).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from allegiance.extract.speaker_words import FIRST_PERSON, PRONOUNS_PL, PRONOUNS_SG
from allegiance.nlp.sentences import mark_paragraphs

if TYPE_CHECKING:
    from allegiance.resolve.kb import KnowledgeBase

#: The labels each pipeline uses for people, organisations and places.
LABELS: dict[str, dict[str, str]] = {
    "fr": {"person": "PER", "organization": "ORG", "location": "LOC", "misc": "MISC"},
    "en": {"person": "PERSON", "organization": "ORG", "location": "GPE", "misc": "PRODUCT"},
}

#: Words that join two names but never stand inside one.
#: Words that join a person's name to something else ("Michael Kovac for Vanity Fair") but never
#: stand inside a person's name ("de", "von" do: Charles de Gaulle). Organisation names may hold
#: them ("Organisation for Applied Research", "Marks and Spencer"), so those split only at breaks.
CONNECTORS = frozenset({"for", "pour", "via", "chez", "with", "avec", "and", "et", "&"})
#: Standalone dashes split any span: "Issam Abdallah - found", "Trump – Musk".
DASHES = frozenset({"-", "–", "—"})
#: A possessive ending is not part of the name: "Elon's" is Elon.
POSSESSIVE = frozenset({"'s", "’s", "'"})
#: Leading words the English model includes in organisation spans ("the Small Business …").
DETERMINERS = frozenset({"the", "The", "le", "la", "les", "l'", "Le", "La", "Les", "L'"})

_COMPANY_SUFFIX = re.compile(
    r"(?:\b(?:Inc|Corp|Corporation|Group|Groupe|Holdings?|Labs?|Technologies|Ltd|LLC|SA|SAS|AG|"
    r"GmbH|plc|Media|Médias?|News|TV|Radio|Presse|Press|Magazine|Network|Capital|Ventures|Partners|"
    r"Systems|Motors|Airlines|Bank|Banque|AI|IA|"
    # a family name + the trade it is in, in the company's own language: "Ferrandi Alimentare",
    # "Helion Dynamics", "Krauss Lebensmittel": the sector word is no one's name
    r"Dynamics|Industries|Industrie|Industriale|Industrial|Foods?|Pharma|Pharmaceuticals?|"
    r"Farmaceutici|Logistics|Solutions|Robotics|Energy|Energia|Alimentare|Alimentari|Alimentos|"
    r"Lebensmittel|Costruzioni|Construcciones|Assicurazioni|Seguros|Versicherungen?|Werke|"
    r"Chemie|Chemicals|Telecom|Software|Aerospace|Automotive|Biotech|Therapeutics|Analytics|"
    r"Airways|Shipping|Petroleum|Mining|Steel|Electronics|Semiconductors?|Insurance|"
    r"Investments|Brands|Beverages|Entertainment|Studios|Consulting|Gruppo|Grupo)\.?$)"
)
_INNER_CAPITAL = re.compile(r"^[A-Za-z]*[a-z][A-Z][A-Za-z]*$|^[a-z]+[A-Z][A-Za-z]*$")  # OpenAI, xAI
_TICKER_AFTER = re.compile(r"^\s*\(([A-ZÀ-Ý][A-ZÀ-Ý0-9.\-:]{0,11})\)")
#: words the French model glues to the end of a name ("précise l'OFAG jeudi"): never part of one
_TIME_WORDS = frozenset(
    {
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier",
        "demain", "aujourd'hui", "matin", "soir", "monday", "tuesday", "wednesday",
        "thursday", "friday", "saturday", "sunday", "yesterday", "today", "tomorrow",
        "après-midi", "soirée", "matinée", "nuit", "lendemain",
    }
)  # fmt: skip
#: words of a time phrase the model glues after a name ("le Centre de crise national dans
#: l'après-midi"): trimmed from the end with the time word
_TIME_LINKS = frozenset(
    {"dans", "en", "à", "au", "l'", "le", "la", "ce", "cet", "cette", "de", "du"}
)
_MONEY_WORDS = frozenset(
    {"milliards", "milliard", "millions", "million", "billion", "billions", "dollars", "euros", "$"}
)


def is_ticker_symbol(span: Span) -> bool:
    """A symbol in parentheses right after a name: "(TSLA)"."""
    doc = span.doc
    return (
        len(span) == 1
        and span.start > 0
        and doc[span.start - 1].text == "("
        and span.end < len(doc)
        and doc[span.end].text == ")"
        and span.text.upper() == span.text
    )


@cache
def not_entities() -> frozenset[str]:
    text = (
        resources.files("allegiance.data")
        .joinpath("lexicons/not_entities.txt")
        .read_text(encoding="utf-8")
    )
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def _split_points(span: Span, label_person: str) -> list[tuple[int, int]]:
    """Token ranges of the names glued together in ``span``."""
    pieces: list[tuple[int, int]] = []
    start = span.start
    for tok in span:
        breaks_line = "\n" in tok.text or "\n" in tok.whitespace_
        connector = tok.lower_ in CONNECTORS and span.label_ == label_person
        if tok.is_space or _splitting_dash(tok) or (connector and tok.i > span.start):
            if tok.i > start:
                pieces.append((start, tok.i))
            start = tok.i + 1
            continue
        if breaks_line:
            pieces.append((start, tok.i + 1))
            start = tok.i + 1
    if start < span.end:
        pieces.append((start, span.end))
    return pieces


def _splitting_dash(tok: Token) -> bool:
    """A dash between two names ("Trump - Musk"), not a hyphen inside one ("Parent-Massin")."""
    if tok.text not in DASHES:
        return False
    doc = tok.doc
    glued = tok.i > 0 and doc[tok.i - 1].whitespace_ == "" and tok.whitespace_ == ""
    if not glued or tok.i + 1 >= len(doc):
        return True
    after = doc[tok.i + 1]
    # "Parent-Massin"; "Chen Wei-ling", "Moon Jae-in": a short syllable of a given name
    return not (after.text[:1].isupper() or after.is_alpha and len(after) <= 4)


def _lowercase_word(tok: Token) -> bool:
    """A word in lower case that is not a name written so on purpose ("xAI", "eBay")."""
    text = tok.text
    return text[:1].islower() and not _INNER_CAPITAL.match(text) and not text.startswith("@")


def company_name(text: str) -> bool:
    """A name shaped like a company's: a legal form or a trade word closing it ("Valmonde
    Industries", "Aubrac Motors"), or a capital inside a word ("OpenAI")."""
    return bool(_COMPANY_SUFFIX.search(text) or _INNER_CAPITAL.match(text))


def _looks_like_organisation(span: Span) -> bool:
    doc = span.doc
    # the words right after the span, not ``doc.text`` (rebuilt from every token on each call)
    after = doc[span.end - 1 : span.end + 6].text_with_ws[len(span[-1].text) :]
    if _TICKER_AFTER.match(after[:16]):
        return True
    return company_name(span.text)


#: offices whose holder is named by a portfolio complement: "le ministre de l'Intérieur", "la
#: commissaire européenne à la Pêche", "le secrétaire d'État aux Transports"
_OFFICE_NOUNS = frozenset(
    {
        "ministre", "ministres", "ministère", "ministères", "commissaire", "commissaires",
        "secrétaire", "secrétariat", "sous-secrétaire", "délégué", "déléguée",
        "haut-commissaire", "portefeuille",
    }
)  # fmt: skip
#: links between an office and its portfolio ("de l'", "à la", "aux", "chargé de la")
_PORTFOLIO_LINKS = frozenset({"de", "d'", "du", "des", "la", "l'", "à", "au", "aux", "chargé",
                              "chargée", "d'état", "état", "-"})  # fmt: skip


@cache
def portfolios() -> frozenset[str]:
    """The fields of government portfolios (``data/lexicons/portfolios_fr.txt``), folded."""
    text = (
        resources.files("allegiance.data")
        .joinpath("lexicons/portfolios_fr.txt")
        .read_text(encoding="utf-8")
    )
    return frozenset(
        _fold_words(line) for line in text.splitlines() if line.strip() and line[0] != "#"
    )


def _fold_words(text: str) -> str:
    """Lower case without accents, spaces collapsed: ``Affaires  étrangères`` → ``affaires
    etrangeres``."""
    plain = unicodedata.normalize("NFKD", text.lower())
    return " ".join("".join(c for c in plain if not unicodedata.combining(c)).split())


def _portfolio(doc: Doc, start: int, end: int) -> bool:
    """The span is the portfolio an office is named by, not an actor: "Intérieur" in "le ministre
    de l'Intérieur", "Pêche" in "le commissaire européen à la Pêche". French capitalises the
    portfolio; the actor is the office's holder (named elsewhere) or the ministry as a whole
    (read by the institution finder). Only the fields of ``portfolios_fr.txt`` count: "la
    porte-parole de Valmonde Industries" names a company, "le délégué de la CGT" a union."""
    from allegiance.extract.lexicons import first_names

    tail = _portfolio_tail(doc, start, end)
    # past lower-case words of the field, a capitalised word is the holder's name, whoever
    nxt = doc[end] if tail == end and end < len(doc) else None
    end = tail
    # "le ministre de la Défense Lloyd Austin": the holder's name follows, a person of its own;
    # any other capitalised word runs the body's name on ("Sports Club")
    if (
        nxt is not None
        and nxt.text[:1].isupper()
        and not nxt.is_punct
        and nxt.lower_.split("-")[0] not in first_names()
    ):
        return False
    return _portfolio_after_office(doc, start, end)


def _portfolio_tail(doc: Doc, start: int, end: int) -> int:
    """Where a portfolio of several words ends when the model tagged its capitalised first word
    alone ("Affaires" of "Affaires étrangères"): past one or two lower-case words that complete
    a field of ``portfolios_fr.txt``; else ``end``."""
    for extra in (1, 2):
        tail = end + extra
        if tail > len(doc) or not all(t.is_alpha and t.is_lower for t in doc[end:tail]):
            break
        if _fold_words(doc[start:tail].text) in portfolios():
            return tail
    return end


def _portfolio_after_office(doc: Doc, start: int, end: int) -> bool:
    """The words ``start:end`` are a portfolio of ``portfolios_fr.txt`` set after an office
    noun and its links ("ministre des Sports", "commissaire européen à la Pêche")."""
    if _fold_words(doc[start:end].text) not in portfolios():
        return False
    if not all(t.is_alpha or t.lower_ in _NAME_PARTICLES for t in doc[start:end]):
        return False
    i, links = start - 1, 0
    while i >= 0 and doc[i].lower_ in _PORTFOLIO_LINKS and links < 4:
        i, links = i - 1, links + 1
    if links == 0:
        return False
    for k in (i, i - 1):  # one adjective may follow the office: "la ministre norvégienne de la"
        if k < 0:
            return False
        if doc[k].lower_ in _OFFICE_NOUNS:
            return True
        if not (doc[k].is_alpha and doc[k].text.islower()):
            return False
    return False


def _portfolio_before_given_name(doc: Doc, start: int, end: int) -> int | None:
    """``la ministre des Sports Amélie Oudéa-Castéra`` tagged "Sports Amélie": a portfolio
    after its office, then a known given name inside the span: where the person's name starts."""
    from allegiance.extract.lexicons import first_names

    for k in range(start + 1, min(end, start + 4)):
        given = doc[k].lower_.split("-")[0]  # "Marie-George"
        if given in first_names() and _portfolio_after_office(doc, start, k):
            return k
    return None


def _name_run_end(doc: Doc, start: int, end: int) -> int:
    """The end of a person's name the model cut short: the hyphenated or capitalised surname
    words right after it ("Amélie" + "Oudéa-Castéra"), three words at most."""
    n = len(doc)
    while end < n and end - start < 4:
        if end + 1 < n and glued_hyphen(doc, end) and _name_word(doc[end + 1]):
            end += 2
        elif (
            doc[end - 1].whitespace_
            and doc[end].is_alpha
            and doc[end].text[:1].isupper()
            and not doc[end].is_sent_start
        ):
            end += 1
        else:
            break
    return end


def _capital_of_position(doc: Doc, start: int, end: int, lower_words: set[str]) -> bool:
    """One capitalised word that only opens its sentence or heading ("Grève aux urgences : …")
    and that the article also writes in lower case ("la grève") and never capitalised elsewhere:
    a common noun, not a name. Names the knowledge base knows come back through its ruler."""
    if end - start != 1:
        return False
    tok = doc[start]
    if not (
        start == 0 or tok.is_sent_start or doc[start - 1].is_space or doc[start - 1].text in '«"“'
    ):
        return False
    low = tok.lower_
    if low not in lower_words or tok.text == low:
        return False
    return not any(
        t.text == tok.text and not (t.is_sent_start or t.i == 0) for t in doc if t.i != start
    )


#: endings of French demonyms: "Fribourgeois", "Britannique", "Américaine", "Européen"
_DEMONYM_ENDINGS = ("ois", "oise", "ais", "aise", "ien", "ienne", "ain", "aine", "éen", "éenne")


def _demonym_noun(doc: Doc, start: int, end: int) -> bool:
    """A capitalised demonym after a lower-case definite article ("selon le Fribourgeois",
    "la Vaudoise a répondu") is a person named earlier by their origin, not an actor's name."""
    if end - start != 1 or start == 0 or doc[start - 1].text not in ("le", "la", "l'"):
        return False
    word = doc[start].text
    return len(word) > 5 and word[:1].isupper() and word.endswith(_DEMONYM_ENDINGS)


#: capitalised nouns of places and bodies named after a person ("le Collège Jean Moulin")
_NAMED_AFTER_NOUNS = frozenset(
    {"maison", "union", "hôpital", "collège", "lycée", "école", "centre", "stade", "fondation",
     "institut", "espace", "salle", "théâtre", "musée", "parc", "rue", "avenue", "place",
     "boulevard", "pont", "gare", "aéroport", "prix", "trophée", "université", "campus",
     "résidence", "clinique", "cité", "quartier", "square", "station", "médiathèque",
     "bibliothèque", "gymnase", "piscine", "palais", "hôtel", "fédération", "association",
     "groupe", "cabinet", "club", "cercle", "amicale", "mission", "opération", "promotion"}
)  # fmt: skip


def _origin_before_given_name(doc: Doc, start: int, end: int) -> bool:
    """``le Breton Erwan Kerjean``, ``la Lyonnaise Inès Garnier``: a capitalised origin or
    nationality noun after an article, then a known given name: the name starts at the given
    name (the model takes the noun into the person's name)."""
    if end - start < 3 or end > len(doc) or start == 0:
        return False
    if doc[start - 1].lower_ not in ("le", "la", "l'"):
        return False
    from allegiance.extract.lexicons import first_names

    names = first_names()
    noun, given = doc[start], doc[start + 1]
    if noun.lower_ in _NAMED_AFTER_NOUNS:
        return False  # "la Maison Jean Vilar", "l'Hôpital Robert Debré": a place or a body
    origin = noun.lower_.endswith(_DEMONYM_ENDINGS + ("on", "onne", "and", "ande"))
    return (
        noun.text[:1].isupper()
        and noun.is_alpha
        and noun.lower_ not in names
        and (given.lower_ in names or origin)
        and all(t.text[:1].isupper() for t in doc[start + 1 : end])
    )


def _role_apposed_name(doc: Doc, start: int, end: int) -> int | None:
    """Where a person's name closes a place's or a body's span: a known given name and one
    or two capitalised words ending it, which the parser set in apposition to a role noun
    before the span (``le procureur de la République de Paris Rémy Heitz``, read as one
    place). A name after a noun that names places and bodies after people (``l'Hôpital Robert
    Debré``, ``l'Université Jean Monnet``, ``la rue Jean Jaurès``) is that name's."""
    from allegiance.extract.lexicons import first_names, speaker_nouns

    if any(t.lower_ in _NAMED_AFTER_NOUNS for t in doc[start:end]):
        return None
    for g in range(max(start + 1, end - 3), end - 1):
        given = doc[g]
        if given.lower_ not in first_names() or given.dep_ != "appos":
            continue
        if not doc[g - 1].whitespace_:
            continue  # ``Al-Tayeb Moussa``: a given name glued to a particle is inside a name
        role = given.head
        nouns = speaker_nouns("fr")
        if start <= role.i < end or not (role.lemma_.lower() in nouns or role.lower_ in nouns):
            continue
        if all(t.text[:1].isupper() and t.text.replace("-", "").isalpha() for t in doc[g:end]):
            return g
    return None


#: lower-case personal pronouns, elided clitics included: a name never ends on one
_PRONOUNS = frozenset(
    {p for table in (PRONOUNS_SG, PRONOUNS_PL, FIRST_PERSON) for ps in table.values() for p in ps}
    | {"on", "tu", "vous", "me", "te", "se", "y", "m'", "t'", "s'", "l'", "it", "us", "you"}
)


def _before_verb(doc: Doc, start: int, end: int) -> int:
    """Where a name ends that the model ran over a conjugated verb (``Agence régionale de santé
    appelle les``): at the verb, less the articles and prepositions before it."""
    cut = next(
        (
            k
            for k in range(start + 1, end)
            if doc[k].text.islower()
            and doc[k].pos_ in {"VERB", "AUX"}
            and "Fin" in doc[k].morph.get("VerbForm", [])
        ),
        None,
    )
    if cut is None:
        return end
    while cut > start and doc[cut - 1].pos_ in {"DET", "ADP", "PUNCT"}:
        cut -= 1
    return cut


def repair_entities(doc: Doc, lang: str) -> Doc:
    labels = LABELS[lang]
    person, org, misc = labels["person"], labels["organization"], labels["misc"]
    repaired: list[Span] = []
    lower_words = {t.text for t in doc if t.text.islower()}
    for ent in doc.ents:
        if is_ticker_symbol(ent):
            continue  # symbols are read by the resolver, not kept as actors
        for start, end in _split_points(ent, person):
            while start < end and (
                doc[start].is_punct or doc[start].is_space or doc[start].text in DETERMINERS
            ):
                start += 1
            while end > start and (
                doc[end - 1].is_punct
                or doc[end - 1].is_space
                or doc[end - 1].lower_ in POSSESSIVE
                or (doc[end - 1].lower_ in _TIME_WORDS and not _glued_title(doc, start, end))
                or doc[end - 1].text in _PRONOUNS  # "Agence régionale de santé nous a informé"
            ):
                end -= 1
            end = _without_time_phrase(doc, start, end)
            if ent.label_ in (person, org):
                end = _before_verb(doc, start, end)
            if start >= end:
                continue
            part = doc[start:end]
            if part.text in not_entities():
                continue
            if any(t.lower_ in _MONEY_WORDS or t.like_num and not _day_of(t) for t in part):
                continue  # "Entreprise d'intelligence artificielle de 50 milliards"
            while start < end and _lowercase_word(doc[start]):
                start += 1  # "wherein Altman", "s Saint-Denis": a name starts with a capital
            if start >= end:
                continue
            part = doc[start:end]
            if lang == "fr" and _portfolio(doc, start, end):
                continue
            given = _portfolio_before_given_name(doc, start, end) if lang == "fr" else None
            if given is not None:  # "ministre des Sports Amélie Oudéa-Castéra": a person
                end = _name_run_end(doc, given, end)
                repaired.append(Span(doc, given, end, label=person))
                continue
            if _capital_of_position(doc, start, end, lower_words):
                continue
            if lang == "fr" and _demonym_noun(doc, start, end):
                continue
            if lang == "fr" and _origin_before_given_name(doc, start, end):
                start += 1  # "le Breton Erwan Kerjean": the person is Erwan Kerjean
                part = doc[start:end]
            if lang == "fr" and end - start == 1 and _origin_before_given_name(doc, start, end + 2):
                continue  # the same read as two names the join below would glue again
            label = ent.label_
            named = (
                _role_apposed_name(doc, start, end) if lang == "fr" and label != person else None
            )
            if named is not None:  # "procureur de la République de Paris Rémy Heitz"
                repaired.append(Span(doc, start, named, label=label))
                repaired.append(Span(doc, named, end, label=person))
                continue
            if label in (misc, "MISC", "PRODUCT", "WORK_OF_ART") and _looks_like_organisation(part):
                label = org
            if label == person and len(part) > 1 and _looks_like_organisation(part):
                label = org
            repaired.append(Span(doc, start, end, label=label))
    doc.ents = _join_adjacent_people(repaired, person)
    doc.user_data[MODEL_ENTS] = [(e.start, e.end, e.label_) for e in doc.ents]
    return doc


def _glued_title(doc: Doc, start: int, end: int) -> bool:
    """The span ends on a capitalised word glued by a hyphen (``Nice-Matin``, ``Var-Matin``):
    a newspaper's title, not a time word trailing a name."""
    return end - 2 > start and glued_hyphen(doc, end - 2) and doc[end - 1].text[:1].isupper()


def _day_of(tok: Token) -> bool:
    """A day number before its month: a date in a name ("Mouvement du 23 mars")."""
    from allegiance.extract.dates import month_names

    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return nxt is not None and nxt.lower_ in month_names("fr") and tok.text.isdecimal()


def _without_time_phrase(doc: Doc, start: int, end: int) -> int:
    """The end of a span without the time phrase glued after it: "… national dans l'après-midi"
    ends at "national"; a name never ends on a time word nor on the small words before one."""
    while end > start + 1 and doc[end - 1].lower_ in _TIME_WORDS | _TIME_LINKS:
        if _glued_title(doc, start, end):
            break  # ``Nice-Matin``
        end -= 1
    return end


def _join_adjacent_people(spans: list[Span], person: str) -> list[Span]:
    """ "Jared" "Birchall" tagged as two people one space apart are one name."""
    joined: list[Span] = []
    for span in spans:
        prev = joined[-1] if joined else None
        if (
            prev is not None
            and prev.label_ == span.label_ == person
            and prev.end == span.start
            and prev[-1].whitespace_ == " "
        ):
            joined[-1] = Span(span.doc, prev.start, span.end, label=person)
        else:
            joined.append(span)
    return joined


Language.component("allegiance_paragraphs", func=mark_paragraphs)


@Language.factory("allegiance_entity_repair", default_config={"lang": "fr"})
def make_entity_repair(nlp: Language, name: str, lang: str):  # type: ignore[no-untyped-def]
    def component(doc: Doc) -> Doc:
        return repair_entities(doc, lang)

    return component


#: ``doc.user_data`` key of the repaired model's spans, kept for the guard after the ruler
MODEL_ENTS = "allegiance_model_ents"
#: small words that stand inside a name between capitalised words ("Tour de France")
_NAME_PARTICLES = frozenset({"de", "du", "des", "d'", "la", "l'", "le", "les", "et", "&", "-"})


def _name_word(tok: Token) -> bool:
    """A word that can continue a proper name: capitalised, a number ("France 2"), an acronym."""
    if tok.is_punct or tok.lower_ in _NAME_PARTICLES:
        return False  # "La France": a capitalised article does not make a longer name
    return bool(tok.text[:1].isupper() or tok.like_num)


def glued_hyphen(doc: Doc, i: int) -> bool:
    """Token ``i`` is a hyphen with no space on either side ("Météo-France")."""
    return (
        0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
    )  # fmt: skip


def _inside_model_name(doc: Doc, place: Span, model: list[tuple[int, int, str]]) -> Span | None:
    """The longer model span made of name words around ``place`` ("Tour de France")."""
    for start, end, label in model:
        if not (start <= place.start and place.end <= end and end - start > len(place)):
            continue
        rest = [t for t in doc[start:end] if not place.start <= t.i < place.end]
        if not all(_name_word(t) or t.lower_ in _NAME_PARTICLES for t in rest) and not (
            _body_before_place(doc, start, place, label)
        ):
            return None
        if not any(_name_word(t) for t in rest):
            return None
        return Span(doc, start, end, label=label)
    return None


def _body_before_place(doc: Doc, start: int, place: Span, label: str) -> bool:
    """A body's French name that ends on a place and holds lower-case words: "Forces armées
    de la RDC", "Agence régionale de santé d'Occitanie". The model read an organisation from a
    capitalised first word; the words between are adjectives and particles, never a verb."""
    if label not in (LABELS["fr"]["organization"], LABELS["en"]["organization"]):
        return False
    if not _name_word(doc[start]) or place.start - start > 6:
        return False
    between = doc[start + 1 : place.start]
    return all(
        t.is_alpha or t.text in {"'", "-"} or t.lower_ in _NAME_PARTICLES for t in between
    ) and not any(t.pos_ in ("VERB", "AUX") for t in between)


def _person_around(
    doc: Doc, ent: Span, model: list[tuple[int, int, str]], person: str
) -> Span | None:
    """The model's person whose surname the knowledge base read as a company or a body:
    "Christophe Ferrari" (the president of Grenoble's metropolis, not the carmaker). Only a
    known given name followed by name words up to the KB name."""
    from allegiance.extract.lexicons import first_names

    if not ent.ent_id_ or ent.label_ == person:
        return None
    for start, end, label in model:
        if label != person or not (start < ent.start and ent.end == end):
            continue
        if doc[start].lower_ in first_names() and all(_name_word(t) for t in doc[start:end]):
            return Span(doc, start, end, label=person)
    return None


def _glued_name(doc: Doc, place: Span, taken: set[int]) -> tuple[int, int] | None:
    """The name a place is glued into when the model found none: "Météo-France", "Air
    France-KLM" (hyphens), "France Travail" (capitalised words after it, within a sentence)."""
    start, end = place.start, place.end
    while start >= 2 and glued_hyphen(doc, start - 1) and _name_word(doc[start - 2]):
        start -= 2
    while end + 1 < len(doc) and glued_hyphen(doc, end) and _name_word(doc[end + 1]):
        end += 2
    while (
        end < len(doc)
        and doc[end - 1].whitespace_ == " "
        and doc[end].is_alpha
        and _name_word(doc[end])
        and not doc[end].is_sent_start
    ):
        end += 1
    if (start, end) == (place.start, place.end) or any(i in taken for i in range(start, end)):
        return None
    return start, end


def _hyphen_compound(doc: Doc, place: Span, longer: Span) -> bool:
    """``longer`` is the place glued by hyphens to capitalised words with no particle between:
    "Météo-France", "Radio-Canada" name bodies, while a place made of a place keeps its small
    words ("Île-de-France", "Trinité-et-Tobago") and stays a place."""
    rest = [t for t in doc[longer.start : longer.end] if not place.start <= t.i < place.end]
    glued = glued_hyphen(doc, place.start - 1) or glued_hyphen(doc, place.end)
    return glued and all(t.text == "-" or _name_word(t) for t in rest)


def guard_places(doc: Doc, lang: str) -> Doc:
    """Give back to longer names the knowledge-base places the ruler cut out of them."""
    model = doc.user_data.pop(MODEL_ENTS, [])
    location, org = LABELS[lang]["location"], LABELS[lang]["organization"]
    ents = list(doc.ents)
    person = LABELS[lang]["person"]
    for i, ent in enumerate(ents):
        around = _person_around(doc, ent, model, person)
        if around is not None and any(
            o is not ent and o.start < around.end and around.start < o.end for o in ents
        ):
            around = None  # ``Marie France Renault``: two KB names inside; left as they are
        if around is not None:  # the person's name: the knowledge base's id is not theirs
            ents[i] = around
            for tok in around:
                tok.ent_id_ = ""
                tok.ent_kb_id_ = ""
    ents = [_without_count(doc, e, location) for e in ents]
    kb_places = [e for e in ents if e.ent_id_ and e.label_ == location]
    if not kb_places:
        doc.ents = ents
        return doc
    others = {i for e in ents for i in range(e.start, e.end)}
    out: list[Span] = []
    for ent in ents:
        if ent not in kb_places:
            out.append(ent)
            continue
        own = others - set(range(ent.start, ent.end))
        longer = _inside_model_name(doc, ent, model)
        if longer is not None and not any(i in own for i in range(longer.start, longer.end)):
            if longer.label_ == location and _hyphen_compound(doc, ent, longer):
                longer = Span(doc, longer.start, longer.end, label=org)
            out.append(longer)
            continue
        glued = _glued_name(doc, ent, own)
        if glued is not None and longer is None:
            out.append(Span(doc, glued[0], glued[1], label=org))
            continue
        out.append(ent)
    kept = sorted(filter_spans(out), key=lambda s: s.start)
    doc.ents = kept
    for span in kept:
        if span not in ents:  # the longer name is not the place: drop the place's KB id
            for tok in span:
                tok.ent_id_ = ""
                tok.ent_kb_id_ = ""
    return doc


#: words of a count or a duration after a number (``en France 5 000 éoliennes``, ``24 heures``)
_COUNT_WORDS = frozenset(
    {"000", "mille", "million", "millions", "milliard", "milliards", "heure", "heures", "jour",
     "jours", "an", "ans", "%", "pour", "sur", "fois", "euros", "dollars"}
)  # fmt: skip


def _without_count(doc: Doc, ent: Span, location: str) -> Span:
    """A knowledge-base name ending on a number (``Europe 1``, ``France 24``) that is a place
    and a count: after ``en`` or before a count word, the place alone (``en Europe 1 million
    de demandeurs``, ``en France 24 heures après``)."""
    if not ent.ent_id_ or len(ent) < 2 or not ent[-1].like_num:
        return ent
    after = doc[ent.end] if ent.end < len(doc) else None
    counted = after is not None and (after.like_num or after.lower_ in _COUNT_WORDS)
    if not counted and not (ent.start > 0 and doc[ent.start - 1].lower_ == "en"):
        return ent
    for tok in ent:
        tok.ent_id_ = ""
        tok.ent_kb_id_ = ""
    return Span(doc, ent.start, ent.end - 1, label=location)


@Language.factory("allegiance_kb_guard", default_config={"lang": "fr"})
def make_kb_guard(nlp: Language, name: str, lang: str):  # type: ignore[no-untyped-def]
    def component(doc: Doc) -> Doc:
        return guard_places(doc, lang)

    return component


def ruler_patterns(kb: KnowledgeBase, lang: str) -> list[dict[str, object]]:
    """The knowledge base's patterns, with labels in the pipeline's own scheme."""
    labels = LABELS[lang]
    to_pipeline = {
        "PER": labels["person"],
        "ORG": labels["organization"],
        "LOC": labels["location"],
    }
    patterns = []
    for pattern in kb.ruler_patterns(lang):
        label = str(pattern["label"])
        entry = kb.get(str(pattern.get("id", "")))
        text = str(pattern["pattern"])
        lone_name = " " not in text.strip() and not text.startswith("@")
        if entry is not None and entry.type == "person" and lone_name:
            # A lone surname or first name is left to the resolver: as a pattern it would
            # overwrite "Kimbal Musk" with "Musk" and hand it to the wrong person.
            continue
        patterns.append({**pattern, "label": to_pipeline.get(label, label)})
    return patterns


def add_components(nlp: Language, lang: str, kb: KnowledgeBase | None = None) -> None:
    """Cut glued titles off names in the tokenizer; add the paragraph breaks before the
    ``parser``; the repair, the knowledge-base ruler and its guard after the packaged ``ner``."""
    import allegiance.nlp.fragments  # noqa: F401  (registers allegiance_fragment_subjects)
    import allegiance.nlp.incise_verbs  # noqa: F401  (registers allegiance_incise_participles)
    from allegiance.nlp.tokenizer import adapt_tokenizer
    from allegiance.resolve.kb import default_kb

    kb = kb or default_kb()
    adapt_tokenizer(nlp)
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("allegiance_paragraphs", before="parser")
        nlp.add_pipe("allegiance_fragment_subjects", after="parser")
        if lang == "fr" and "lemmatizer" in nlp.pipe_names:  # after it: it reads the tag
            nlp.add_pipe("allegiance_incise_participles", after="lemmatizer")
    nlp.add_pipe("allegiance_entity_repair", after="ner", config={"lang": lang})
    ruler = nlp.add_pipe(
        "entity_ruler",
        name="allegiance_kb_ruler",
        after="allegiance_entity_repair",
        config={"overwrite_ents": True, "phrase_matcher_attr": "ORTH"},
    )
    ruler.add_patterns(ruler_patterns(kb, lang))  # type: ignore[attr-defined]
    nlp.add_pipe("allegiance_kb_guard", after="allegiance_kb_ruler", config={"lang": lang})
