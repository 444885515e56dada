"""People's names as French news writes them: titles before the name, names the NER cuts or misses.

The resolver (:mod:`allegiance.resolve.entities`) reads the model's spans; this module says which
of them, and which words the model left alone, are a person's name, and where that name starts:

- a civil title, an honorific or a rank is not part of the name ("Me Antoine Ferrandi",
  "Mgr Dupont", "le général Kovač"), so "Me Ferrandi" and "Antoine Ferrandi" are one person;
- a known given name followed by capitalised words is a full name even where the model tagged
  only the given name or nothing at all ("l'économiste Paul Lemercier");
- a lone given name with an age or a role in apposition is a witness ("Nadia, 52 ans, …",
  "Julien, ouvrier, …").

Nothing here names a particular person: the evidence is a lexicon of given names, the parse and
the punctuation around the words.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from allegiance.extract.frames import lemma_guesses
from allegiance.extract.lexicons import first_names, speaker_nouns, speech_cues
from allegiance.extract.speaker_words import (
    AGENT_SUFFIXES,
    FR_HONORIFICS,
    ORG_NOUNS,
    TERRITORY_NOUNS,
)
from allegiance.nlp.components import LABELS, not_entities

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

#: words before a name that make it a person's ("selon X", "pour X,")
SOURCE_WORDS = frozenset({"selon", "pour", "d'après"})
DETERMINERS = frozenset({"le", "la", "les", "l'", "un", "une", "du", "des", "au", "aux"})
#: words between an apposition's comma and its role: "X, alors député", "X, ancien ministre"
ROLE_QUALIFIERS = frozenset(
    {"alors", "ancien", "ancienne", "actuel", "actuelle", "désormais", "aujourd'hui", "former"}
)
#: civil titles written before a name in both languages: "M. Caldwell" is Caldwell
_TITLES = frozenset({"m.", "mme", "mlle", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr."})
#: French honorifics and military ranks, capitalised inside the model's span or not
#: ("Me Ferrandi", "Mgr Aupetit", "Pr Durand", "Général Kovač")
_TITLES_FR = frozenset(
    {
        "mmes", "mme.", "me", "maître", "mgr", "monseigneur", "pr", "pr.", "professeur",
        "docteur", "pre", "pre.", "dre", "dre.", "professeure", "docteure", "général",
        "générale", "colonel", "lieutenant", "commandant", "capitaine",
        "amiral", "sergent", "adjudant", "maréchal", "caporal", "brigadier", "imam", "rabbin",
        "abbé", "cardinal", "sir",
    }
)  # fmt: skip
#: honorifics that are also given names ("Cheikh Anta Diop"): a title only before a known given
#: name or a name with a patronymic particle ("Cheikh Nasser ben Hamad")
_AMBIGUOUS_TITLES = frozenset({"cheikh", "cheik", "sheikh", "emir", "émir"})
#: particles inside a person's name: "Francisco de Miranda", "Nasser ben Hamad Al-Mansouri"
_PARTICLES = frozenset(
    {"de", "del", "della", "da", "di", "dos", "das", "van", "von", "der", "den", "ben", "bin",
     "ibn", "ould", "al", "el", "bou", "abou", "abu"}
)  # fmt: skip
_PATRONYMICS = frozenset({"ben", "bin", "ibn", "ould"})
#: nouns after which "Victor Hugo" names a street, a school or a station, not a person
PLACE_NOUNS = frozenset(
    {
        "rue", "avenue", "boulevard", "place", "quai", "pont", "allée", "impasse", "square",
        "parc", "jardin", "cours", "chemin", "route", "promenade", "esplanade", "lycée",
        "collège", "école", "université", "campus", "hôpital", "clinique", "stade", "gare",
        "station", "aéroport", "port", "musée", "salle", "théâtre", "centre", "institut",
        "fondation", "prix", "résidence", "cité", "hôtel", "rond-point", "métro", "tramway",
        "bibliothèque", "médiathèque", "piscine", "gymnase", "caserne", "base", "porte",
        "quartier", "faculté", "street", "airport", "stadium",
    }
)  # fmt: skip
_AGE_WORDS = frozenset({"ans", "an"})
#: kinship nouns that introduce a person by their relation to another ("son épouse Olena X",
#: "X, le fils de Y"): a relative, named after the one the bare surname means
_KIN_NOUNS = frozenset(
    {
        "épouse", "époux", "femme", "mari", "compagne", "compagnon", "veuve", "veuf", "fils",
        "fille", "frère", "sœur", "soeur", "père", "mère", "oncle", "tante", "neveu", "nièce",
        "cousin", "cousine", "petit-fils", "petite-fille", "grand-père", "grand-mère",
        "belle-sœur", "beau-frère", "belle-mère", "beau-père", "gendre", "belle-fille", "wife",
        "husband", "daughter", "brother", "sister", "father", "mother", "widow",
        "nephew", "niece",
    }
)  # fmt: skip
#: the Arabic article glued to a surname: "al-Burhane" is also written "Burhane"
_GLUED_ARTICLES = ("al-", "el-")


def cap(tok: Token) -> bool:
    return tok.text[:1].isupper()


def with_bare_surnames(names: set[str]) -> set[str]:
    """Folded surnames with the forms news copy also writes: "al-burhane" is "burhane" too."""
    return names | {n[3:] for n in names if n.startswith(_GLUED_ARTICLES) and len(n) > 5}


def introduced_as_kin(span: Span) -> bool:
    """The name follows a kinship noun ("son épouse Olena X", "sa fille, Marie X") or has one
    in apposition with its complement ("Marie X, la fille de Paul X")."""
    doc = span.doc
    k = span.start - 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    if k >= 0 and doc[k].lower_ in _KIN_NOUNS:
        return True
    after = [t.lower_ for t in doc[span.end : span.end + 4]]
    return (
        len(after) == 4
        and after[0] == ","
        and after[1] in DETERMINERS | {"sa", "son", "his", "her", "the"}
        and after[2] in _KIN_NOUNS
        and after[3] in {"de", "d'", "du", "of"}
    )


def without_title(span: Span, lang: str = "fr") -> Span:
    """The name without the title before it: "M. Dupont" -> "Dupont", "Me Antoine Ferrandi" ->
    "Antoine Ferrandi", "Lieutenant-colonel Albiol" -> "Albiol", so each joins the full name."""
    titles = _TITLES | _TITLES_FR if lang == "fr" else _TITLES
    j = 0  # the first word of the name: past titles and the dots and hyphens between them
    while j < len(span) - 1:
        low = span[j].lower_
        if low in titles or low == "m" and span[j + 1].text == ".":
            j += 1
        elif j > 0 and span[j].text in {".", "-"}:
            j += 1  # "M . Dupont", "Lieutenant - colonel Albiol"
        elif j == 0 and lang == "fr" and low in _AMBIGUOUS_TITLES and _title_before_name(span):
            j += 1
        else:
            break
    if j == 0 or not cap(span[j]):
        return span  # "M. le président": no name left to keep
    return span[j:]


def _title_before_name(span: Span) -> bool:
    rest = list(span[1:])
    return len(rest) >= 2 and (
        rest[0].lower_ in first_names() or any(t.lower_ in _PATRONYMICS for t in rest)
    )


def shared_surname(span: Span) -> str | None:
    """The surname a lone first name shares with the full name it is coordinated with:
    "Cameron et Tyler Winklevoss", "Venus and Serena Williams" -> "Winklevoss", "Williams"."""
    doc = span.doc
    if len(span) != 1 or span[0].lower_ not in first_names() or span.end + 3 > len(doc):
        return None
    link, first, *rest = doc[span.end : span.end + 4]
    if link.lower_ not in {"et", "and", "&"} or first.lower_ not in first_names():
        return None
    names = [t for t in rest if cap(t) and t.ent_type_ == first.ent_type_ and t.ent_type_]
    if first.ent_type_ != span.label_ or not names or rest[0] is not names[0]:
        return None
    return str(names[0].text) if names[0].lower_ not in first_names() else None


def introduced_after(span: Span) -> bool:
    """An age or a role set in apposition right after the name: "Nadia, 52 ans", "Karim,
    voisin et ami du couple", "X, alors député LREM". The article introduces the bearer here."""
    doc = span.doc
    if _age_after(doc, span.end):
        return True
    after = list(doc[span.end : span.end + 3])
    if len(after) >= 2 and after[0].text == "," and after[1].lower_ in ROLE_QUALIFIERS:
        del after[1]  # "X, alors député LREM", "X, ancien ministre"
    if len(after) < 2 or after[0].text != ",":
        return False
    if after[1].lower_ in {"un", "une"}:  # "Stéphanie, une autre habitante", "Marc, un voisin"
        return _introduced_as_one_of(doc, after[1].i + 1)
    role = after[1]  # the tagger often reads a role word after a name as an adjective: voisin
    if role.pos_ == "NOUN" and role.is_lower and role.lower_.endswith(AGENT_SUFFIXES):
        return True  # an occupation: ``Raphaël, apiculteur à Pithiviers``
    return is_role_noun(role) or role.pos_ == "ADJ" and role.lower_ in speaker_nouns("fr")


#: nouns for places the role lexicon lists (they speak for their people): never a person's
_PLACE_NOUNS = frozenset({"pays", "village", "quartier", "localité", "île", "capitale", "cité"})
#: nouns of bodies and places: ``X, un opérateur``, ``X, une ville de …`` introduce no person
_NOT_PERSON_ROLES = frozenset(ORG_NOUNS["fr"]) | TERRITORY_NOUNS | _PLACE_NOUNS


def _introduced_as_one_of(doc: Doc, i: int) -> bool:
    """``un voisin``, ``une autre habitante`` at token ``i`` (after the article): a person's
    role noun (``autre`` allowed before it), never a body's (``Orange, un opérateur``)."""
    if i < len(doc) and doc[i].lower_ == "autre":
        i += 1
    if i >= len(doc):
        return False
    role = doc[i]
    if role.lemma_.lower() in _NOT_PERSON_ROLES or role.lower_ in _NOT_PERSON_ROLES:
        return False  # ``Charlotte, une ville de Caroline du Nord``
    return role.lower_ in speaker_nouns("fr") or role.lemma_.lower() in speaker_nouns("fr")


#: given names that as often name a brand, a place or a thing (``Ariane doit décoller``,
#: ``Céline prévoit une baisse de ses ventes``, ``Victoria attend ses touristes``)
_THING_NAMES = frozenset(
    {"ariane", "céline", "victoria", "florence", "mercedes", "noël", "nancy", "sydney", "austin",
     "jordan", "regina", "santiago", "chanel", "clio", "lourdes", "valence", "orange", "rose"}
)  # fmt: skip
#: subject pronouns by the gender of the given name
_GENDER_PRONOUNS = {"f": {"elle", "-elle"}, "m": {"il", "-il"}}


def given_name_subject(span: Span) -> bool:
    """One known given name the model labelled a person's, subject of a verb, that a pronoun
    of its gender takes up in the next sentences: "Clémence risque de voir son train annulé.
    Mais pour elle, …". Regional news introduces its witnesses so, often at a sentence start,
    where the capital alone would say nothing. Also a word the language does not know, taken
    up by ``Lui`` (:func:`_unknown_subject_taken_up`)."""
    if len(span) != 1 or span.label_ != LABELS["fr"]["person"]:
        return False
    tok = span[0]
    gender = first_names().get(tok.lower_)
    if gender is None:
        # ``Ayal vient poser sa main … Lui aussi …``: a word the language does not know
        return _unknown_subject_taken_up(tok)
    if gender not in _GENDER_PRONOUNS or tok.lower_ in _THING_NAMES:
        return False
    return _subject_taken_up(span, _GENDER_PRONOUNS[gender])


def _unknown_subject_taken_up(tok: Token) -> bool:
    """A capitalised word the language does not know (the model has vectors and none for it),
    tagged a name, the subject of the verb after it, when the next sentence opens on the
    stressed ``Lui`` (``Ayal vient poser sa main sur son épaule. Lui aussi …``), which takes
    up a man, never a company (``Vaxelia … Elle espère``) nor an impersonal ``il``."""
    vocab = tok.doc.vocab
    if tok.pos_ != "PROPN" or not _name_word(tok) or not len(vocab.vectors):
        return False
    if vocab.has_vector(tok.lower_):
        return False
    if tok.dep_ not in ("nsubj", "nsubj:pass") or tok.head.i < tok.i:
        return False
    end = tok.sent.end
    return end < len(tok.doc) and tok.doc[end].lower_ == "lui"


def _subject_taken_up(span: Span, pronouns: set[str]) -> bool:
    """The one-word name is the subject of a verb after it, and one of ``pronouns`` follows
    within 60 words."""
    tok = span[0]
    if tok.dep_ not in ("nsubj", "nsubj:pass") or tok.head.pos_ not in ("VERB", "AUX"):
        return False
    if tok.head.i < tok.i:
        return False
    after = span.doc[tok.i + 1 : min(len(span.doc), tok.i + 60)]
    return any(t.lower_ in pronouns for t in after)


def is_role_noun(tok: Token) -> bool:
    low = tok.lower_
    return tok.pos_ == "NOUN" and (
        low in speaker_nouns("fr") or tok.lemma_.lower() in speaker_nouns("fr")
    )


#: words that may stand before a witness's age: ", tout juste 19 ans", ", à peine 20 ans"
_AGE_ADVERBS = frozenset({"tout", "juste", "à", "peine", "bientôt", "presque", "déjà", "bien"})


def _age_after(doc: Doc, i: int) -> bool:
    """ ", 52 ans" right at token ``i``: the age apposition of a witness (an adverb or two
    allowed before the number: ", tout juste 19 ans")."""
    if i >= len(doc) or doc[i].text != ",":
        return False
    k = i + 1
    while k < len(doc) and k < i + 3 and doc[k].lower_ in _AGE_ADVERBS:
        k += 1
    return k + 1 < len(doc) and doc[k].like_num and doc[k + 1].lower_ in _AGE_WORDS


def person_evidence(span: Span, lang: str, *, by_position: bool = True) -> bool:
    """A name the model typed as a place or a thing that the words around make a person's.

    Each capitalised, 1-4 words, and one of: a known given name opening a two-word name; a role
    or an age in apposition (", étudiante", ", 52 ans", "le PDG, X", "la toxicologue X"); the
    subject or the inverted subject of a speech verb; ``selon``/``pour`` before it (these two
    only ``by_position``). A sentence start alone says nothing.
    """
    named = without_title(span, lang)  # "Pre Anne-Sophie X": the title hides the given name
    if (
        named.start > span.start
        and 1 <= len(named) <= 4
        and all(cap(t) or t.text == "-" for t in named)
    ):
        return True  # a title before capitalised words is a person's
    if not 1 <= len(span) <= 4 or not all(cap(t) or t.text == "-" for t in span):
        return False
    doc = span.doc
    first = span[0]
    if len(span) >= 2 and first.lower_ in first_names() and span[-1].text[:1].isupper():
        return True
    if lang != "fr" or len(span) < 2 and not _given_name(first.lower_):
        return False
    if span.start > 0 and doc[span.start - 1].lower_ in DETERMINERS:
        return False  # "la Revue Projet propose": a French name of a person takes no article
    if introduced_after(span):
        return True  # "Nadia, 52 ans, aide-soignante", "X, voisin du couple"
    k = span.start - 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    if k >= 0 and (is_role_noun(doc[k]) or doc[k + 1].text == "," and _role_complement(doc, k)):
        return True
    if k == span.start - 1 and _role_before_adjectives(doc, k):
        return True  # "le conseiller présidentiel ukrainien X"
    if not by_position:
        return False  # a body speaks from the same places: ``selon X``, ``X a annoncé``
    if k >= 0 and doc[k].lower_ in SOURCE_WORDS:
        return True
    return _speech_position(span, lang)


#: how many lower-case adjectives may stand between a role noun and the name it introduces
_ROLE_ADJECTIVES = 3


def _role_before_adjectives(doc: Doc, k: int) -> bool:
    """Token ``k`` ends the adjectives of a role noun set right before a name, with no comma:
    "le conseiller présidentiel ukrainien X", "la ministre française X", "le chef rebelle X".
    French writes a nationality or a field between the role and the name; the name is then a
    person's whatever the model's label (it often reads a foreign name as a place)."""
    j = k
    while j >= 0 and k - j < _ROLE_ADJECTIVES:
        tok = doc[j]
        if tok.pos_ != "ADJ" or not tok.is_lower or not tok.is_alpha:
            break
        j -= 1
    return j < k and j >= 0 and is_role_noun(doc[j])


def _role_complement(doc: Doc, k: int) -> bool:
    """Token ``k`` ends the complement of a role noun set before a name by a comma: "le
    commissaire européen à la Pêche, X", "la directrice de l'hôpital de Brest, X". The words
    between are the role's complement: no verb, no punctuation, at most six of them."""
    for j in range(k, max(k - 7, -1), -1):
        tok = doc[j]
        if is_role_noun(tok):
            return j < k
        if tok.is_punct or tok.pos_ in ("VERB", "AUX") or tok.is_space:
            return False
    return False


def _speech_position(span: Span, lang: str) -> bool:
    """The subject of a speech verb, or its inverted subject right after it."""
    cues = speech_cues(lang).words
    head = span.root.head
    if span.root.dep_.startswith("nsubj") and (
        head.lemma_.lower() in cues
        # ``Marc raconte : « … »``: the tagger read the verb as an adjective
        or lang == "fr"
        and any(g in cues for g in lemma_guesses(head.lower_))
    ):
        return True
    if span.start == 0:
        return False
    before = span.doc[span.start - 1]
    if before.lemma_.lower() in cues:
        return True
    # ``« … », soupire Valérie``: the tagger may read an incise verb as a noun with itself as
    # lemma; only right after the comma or mark that opens an incise (not ``la tempête Zeus``)
    k = span.start - 2
    if k > 0 and span.doc[k].lower_ in {"s'", "se"}:
        k -= 1  # ``« … », s'alarme Sébastien``
    opener = k >= 0 and span.doc[k].text in {",", "»", "”", '"'}
    return lang == "fr" and opener and any(g in cues for g in lemma_guesses(before.lower_))


def speaking_name(span: Span, lang: str) -> bool:
    """A French name the model typed as a place or a thing that stands where a source
    stands: after ``selon``/``d'après`` (an article allowed: "selon le Philadelphia Sentinel"),
    as a speech verb's subject or inverted subject ("a indiqué Ukrenergo"). Places do
    speak for their governments, so the caller keeps the names it knows as places."""
    if lang != "fr" or not 1 <= len(span) <= 5 or not cap(span[0]):
        return False
    doc = span.doc
    k = span.start - 1
    if k >= 0 and doc[k].lower_ in DETERMINERS:
        k -= 1
    if k >= 0 and doc[k].lower_ in SOURCE_WORDS - {"pour"}:
        return True  # "pour X" may be a beneficiary or a destination
    return _speech_position(span, lang)


def join_split_names(doc: Doc, spans: list[Span], lang: str) -> list[Span]:
    """Two one-word spans one space apart that together make a person ("Pouria" "Amirshahi")."""
    from spacy.tokens import Span as DocSpan

    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.end == span.start
            and prev[-1].whitespace_ == " "
            and not prev.ent_id_
            and not span.ent_id_
            and len(prev) == len(span) == 1
        ):
            both = DocSpan(doc, prev.start, span.end, label=LABELS[lang]["person"])
            if person_evidence(both, lang):
                out[-1] = both
                continue
        out.append(span)
    return out


def _name_word(tok: Token) -> bool:
    """A capitalised word that may stand in a name ("Lemercier", "Al-Mansouri", "O'Brien")."""
    text = tok.text
    return (
        cap(tok)
        and any(c.islower() for c in text)  # "MARCHAND" in a byline, "CNE": not a surname here
        and all(c.isalpha() or c in "-'" for c in text)
        and text not in not_entities()
    )


def _surname_end(doc: Doc, start: int, free: set[int]) -> int:
    """Where the capitalised words (and the particles between them) from ``start`` end."""
    end = start
    i = start
    while i < len(doc) and i - start < 5 and i in free:
        tok = doc[i]
        if tok.lower_ in _PARTICLES and not cap(tok) or tok.text == "-":
            if i + 1 < len(doc) and i + 1 in free and _name_word(doc[i + 1]):
                i += 1  # "de Miranda", "ben Hamad"
                continue
            break
        if not _name_word(tok) or tok.i > start and doc[tok.i - 1].whitespace_ not in (" ", ""):
            break
        i += 1
        end = i
    return end


def _starts_a_full_name(doc: Doc, i: int, free: set[int]) -> int:
    """The end of "Given Surname…" opening at token ``i``, or ``i`` when there is none."""
    tok = doc[i]
    if tok.lower_ not in first_names() or not _name_word(tok):
        return i
    if i > 0 and doc[i - 1].lower_ in PLACE_NOUNS:
        return i  # "rue Victor Hugo", "l'université Paul-Valéry"
    if i > 1 and doc[i - 1].text == "-" and doc[i - 2].whitespace_ == "":
        return i  # "Laure" in "Anne-Laure": the name starts at "Anne"
    j = i  # the last word of a hyphenated given name: "Anne - Laure"
    while j + 2 < len(doc) and doc[j].whitespace_ == "" and doc[j + 1].text == "-":
        if doc[j + 1].whitespace_ or not cap(doc[j + 2]) or j + 2 not in free | {i}:
            break
        j += 2
    if doc[j].whitespace_ != " " or j + 1 >= len(doc) or j + 1 not in free:
        return i
    return _surname_end(doc, j + 1, free)


def _after_personal_title(doc: Doc, i: int) -> bool:
    """``M. Nalder``, ``Me Zevenne``: a capitalised title (``me`` is a pronoun) before ``i``."""
    if i == 0:
        return False
    title = doc[i - 1]
    return title.text[:1].isupper() and title.lower_ in FR_HONORIFICS and title.whitespace_ == " "


def _after_role_comma(doc: Doc, i: int) -> bool:
    """Token ``i`` follows the comma closing a role's phrase (``le ministre du Travail,``):
    back from the comma over the role's complement only (nouns, names, adjectives, articles,
    prepositions) to the role noun; a place or a body just before the comma is no role's
    holder (``la commune, Saint Laurent,``)."""
    if i < 2 or doc[i - 1].text != ",":
        return False
    last = doc[i - 2]
    if {last.lemma_.lower(), last.lower_} & (TERRITORY_NOUNS | ORG_NOUNS["fr"]):
        return False
    for k in range(i - 2, max(-1, i - 11), -1):
        tok = doc[k]
        if tok.pos_ not in {"NOUN", "PROPN", "ADJ", "DET", "ADP", "CCONJ"}:
            return False
        if is_role_noun(tok):
            return True
    return False


def find_people(doc: Doc, spans: list[Span], lang: str) -> list[Span]:
    """``spans`` with the names of people the model cut or missed added or completed.

    A one-word span of a known given name grows over the capitalised words after it
    ("Valeria" + "Contreras"); a known given name the model left untagged starts a full name
    when capitalised words follow ("l'économiste Paul Lemercier"), or is a person by itself
    when an age or a role stands in apposition ("Nadia, 52 ans", "Julien, ouvrier") or when it
    is the subject or the inverted subject of a speech verb ("soupire Valérie").
    French only: the English model seldom misses these.
    """
    if lang != "fr":
        return spans
    from spacy.tokens import Span as DocSpan

    person = LABELS[lang]["person"]
    taken = {i for s in spans for i in range(s.start, s.end)}
    out: list[Span] = []
    split: list[Span] = []
    for span in spans:
        split.extend(_channel_then_person(doc, span, lang))
    for span in split:
        if _after_personal_title(doc, span.start) and not span.ent_id_ and span.label_ != person:
            span = DocSpan(doc, span.start, span.end, label=person)  # ``M. Nalder`` read as MISC
        if len(span) == 1 and not span.ent_id_ and span.label_ in (person, LABELS[lang]["misc"]):
            free = {span.end + k for k in range(6)} - taken
            end = _starts_a_full_name(doc, span.start, free | {span.start})
            if end > span.end:
                span = DocSpan(doc, span.start, end, label=person)
                taken.update(range(span.start, span.end))
        out.append(span)
    free = set(range(len(doc))) - taken
    for tok in doc:
        if tok.i not in free:
            continue
        end = _starts_a_full_name(doc, tok.i, free)
        if end == tok.i and _after_personal_title(doc, tok.i) and _name_word(tok):
            end = _surname_end(doc, tok.i, free)  # ``Mme Ntap``: a title makes a person
        if end == tok.i and _name_word(tok) and _after_role_comma(doc, tok.i):
            # ``Le ministre du Travail, Innocence Ntap, a …``: two or three capitalised words
            # set off by commas after a role are its holder's name, known given name or not
            close = _surname_end(doc, tok.i, free)
            if 2 <= close - tok.i <= 3 and close < len(doc) and doc[close].text in {",", ")"}:
                end = close
        if end == tok.i and _given_name(tok.lower_) and _name_word(tok):
            witness = (
                _age_after(doc, tok.i + 1)
                or (
                    tok.i + 2 < len(doc)
                    and doc[tok.i + 1].text == ","
                    and is_role_noun(doc[tok.i + 2])
                )
                # ``« … », soupire Valérie``, ``Karim raconte``: a given name that speaks
                or _speech_position(DocSpan(doc, tok.i, tok.i + 1), lang)
            )
            end = tok.i + 1 if witness and doc[tok.i - 1].lower_ not in DETERMINERS else tok.i
        if end == tok.i and _unknown_subject_taken_up(tok):
            end = tok.i + 1  # ``Ayal vient poser sa main sur son épaule. Lui aussi …``
        if end > tok.i:
            start = tok.i - 1 if _name_before(doc, tok.i, free) else tok.i
            out.append(DocSpan(doc, start, end, label=person))
            free -= set(range(start, end))
    out.sort(key=lambda s: s.start)
    return out


#: an acronym opening a name (``RMC``, ``BFMTV``, ``TF1``)
_ACRONYM = re.compile(r"[A-Z][A-Z0-9]{1,5}")


def _channel_then_person(doc: Doc, span: Span, lang: str) -> list[Span]:
    """``raconte à RMC Josiane``, ``sur RMC Story Thomas Girard``: the model's one span over a
    channel's acronym and the name of the person speaking on it, cut in two at the known given
    name (the channel an organisation, the rest a person). Other spans stay whole."""
    if span.ent_id_ or len(span) < 2 or not _ACRONYM.fullmatch(span[0].text):
        return [span]
    for j in range(1, min(len(span), 4)):
        if _given_name(span[j].lower_) and all(cap(t) for t in span[j:]):
            channel, person = doc[span.start : span.start + j], doc[span.start + j : span.end]
            channel.label_ = LABELS[lang]["organization"]
            person.label_ = LABELS[lang]["person"]
            return [channel, person]
        if not cap(span[j]):
            break
    return [span]


def _given_name(word: str) -> bool:
    """A known given name, or a compound of two (``marie-noël``, ``jean-baptiste``)."""
    names = first_names()
    if word in names:
        return True
    parts = word.split("-")
    return len(parts) == 2 and all(p in names for p in parts)


def _name_before(doc: Doc, i: int, free: set[int]) -> bool:
    """A capitalised name word right before the known given name at ``i`` opens the name
    when punctuation sets the whole name off (``…, Amani Osman Abdelrahim, infirmière``:
    ``Osman`` is also a given name); not after a noun (``le député Modem Osman Ntap``), a
    preposition or a title, nor a sentence's first word."""
    if i == 0 or i - 1 not in free or _after_personal_title(doc, i):
        return False  # ``Mme Ntap``: the title stays out of the name
    prev = doc[i - 1]
    return (
        _name_word(prev)
        and not prev.is_sent_start
        and prev.whitespace_ == " "
        and doc[i - 2].is_punct
        and prev.lower_ not in PLACE_NOUNS | _TITLES | _AMBIGUOUS_TITLES
    )


__all__ = [
    "DETERMINERS",
    "PLACE_NOUNS",
    "ROLE_QUALIFIERS",
    "SOURCE_WORDS",
    "cap",
    "find_people",
    "introduced_as_kin",
    "is_role_noun",
    "join_split_names",
    "person_evidence",
    "shared_surname",
    "speaking_name",
    "with_bare_surnames",
    "without_title",
]


_DESCRIPTION_OPENERS = frozenset({"le", "la", "l'", "un", "une"})


def role_before_name(name: Span) -> Span | None:
    """The role description a comma sets before a person's name, closed by a comma after it
    ("Le député de la circonscription, Olivier Rancoule, estimait"): it opens its sentence with
    an article and a role noun and holds no verb; None when there is none."""
    doc = name.doc
    if name.start < 3 or doc[name.start - 1].text != "," or name.end >= len(doc):
        return None
    if doc[name.end].text != ",":
        return None  # an apposition is closed: "X, Y a dit" is a list or a subject
    sent_start = doc[name.start - 1].sent.start
    start = sent_start
    words = doc[start : name.start - 1]
    if len(words) < 2 or len(words) > 8 or words[0].lower_ not in _DESCRIPTION_OPENERS:
        return None
    if not is_role_noun(words[1]) and not (len(words) > 2 and is_role_noun(words[2])):
        return None  # "Le nouveau député" allows one adjective before the role noun
    if any(t.pos_ in ("VERB", "AUX") or t.is_punct or t.ent_type_ == "PER" for t in words):
        return None
    return words
