"""Media titles and organisations the statistical model misses, read from the words around them.

A newspaper's title often opens with its own article ("Le Soir", "De Morgen", "L'Orient-Le Jour")
or closes on a lower-case word ("Le Canard enchaîné"); the French model skips such titles or
cuts them. Three constructions name a title without any list of outlets:

- apposition to a plural media noun, titles coordinated: "les quotidiens De Morgen et Le Soir";
- a contracted article after a noun of a medium's content: "une information du Soir", "au micro
  d'Europe 1", "dans les colonnes du Figaro" (the title is "Le Soir": ``du`` is ``de le``);
- a title with its capitalised article set as the subject of a speech verb: "rapporte Le Soir".

And an organisation the model misses entirely is named by its apposition: "le Pastef, parti de
M. Sonko", "la Cédéao, organisation régionale".
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.frames import lemma_guesses
from allegiance.extract.lexicons import speech_cues
from allegiance.nlp.components import LABELS
from allegiance.resolve.institutions import capitalised_run
from allegiance.resolve.person_names import cap

if TYPE_CHECKING:
    from collections.abc import Callable

    from spacy.tokens import Doc, Token

#: plural media nouns whose apposition is a list of titles ("les quotidiens X et Y"); the
#: singular ones are read by :func:`allegiance.resolve.institutions.named_bodies`
_MEDIA_PLURALS = frozenset(
    {"quotidiens", "journaux", "hebdomadaires", "mensuels", "magazines", "radios", "chaînes",
     "sites", "titres", "médias"}
)  # fmt: skip
#: nouns of what a medium publishes or broadcasts: "une information du Soir", "au micro d'X"
_CONTENT_NOUNS = frozenset(
    {"information", "informations", "révélation", "révélations", "article", "articles",
     "colonnes", "micro", "antenne", "ondes", "édition", "éditions", "pages", "interview",
     "entretien", "enquête", "reportage", "éditorial", "éditorialiste", "chroniqueur",
     "chroniqueuse", "rédaction", "plateau", "site", "lecteurs", "journaliste", "journalistes",
     "confrères", "confrère"}
)  # fmt: skip
#: a contracted article after a content noun and the article the title then opens with
_CONTRACTED = {"du": "Le", "au": "Le", "des": "Les", "aux": "Les"}
#: capitalised words that open a title as its article, French and foreign
_TITLE_ARTICLES = frozenset({"le", "la", "les", "l'", "de", "het", "the", "el", "il", "die", "der"})
#: nouns whose apposition types the name before them as an organisation: "le Pastef, parti de
#: M. Sonko", "la Cédéao, organisation régionale"
_ORGANISATION_NOUNS = frozenset(
    {"parti", "mouvement", "syndicat", "coalition", "organisation", "formation", "collectif",
     "association", "ong", "alliance", "confédération", "fédération", "groupe", "union"}
)  # fmt: skip
#: words allowed between the apposition's comma and its noun: "X, le principal parti"
_APPOSITION_FILLERS = frozenset(
    {"le", "la", "l'", "un", "une", "son", "sa", "leur", "principal", "principale", "ancien",
     "ancienne", "petit", "petite", "grand", "grande", "nouveau", "nouvelle", "jeune"}
)  # fmt: skip
_NAME_DETERMINERS = frozenset({"le", "la", "l'", "du", "au"})


def media_titles(doc: Doc) -> list[tuple[int, int, str]]:
    """Token ranges of media titles and organisations named by the words around them, each with
    its full name (the article a contraction hid restored: "du Soir" is "Le Soir")."""
    found: list[tuple[int, int, str]] = []
    n = len(doc)
    articles: list[Token] = []  # capitalised articles, judged after the nouns (one pass)
    for tok in doc:
        low = tok.lower_
        if low in _TITLE_ARTICLES and cap(tok):
            articles.append(tok)
        if tok.i + 1 >= n or cap(tok):
            continue
        if low in _MEDIA_PLURALS and tok.i > 0:
            found += _listed_titles(doc, tok.i + 1)
        elif low in _CONTENT_NOUNS:
            title = _title_after_content(doc, tok.i + 1)
            if title is not None:
                found.append(title)
    for tok in articles:
        if _mid_sentence(tok):
            end = _title_end(doc, tok.i)
            person = LABELS["fr"]["person"]
            if tok.lower_ == "de" and all(t.ent_type_ == person for t in doc[tok.i : end]):
                continue  # ``a ajouté De Wever``: a Flemish surname the model read as a person's
            if end > tok.i + 1 and _speaks(doc, tok.i, end):
                found.append((tok.i, end, doc[tok.i : end].text))
    found += _organisations_by_apposition(doc)
    return found


def known_titles(doc: Doc, known: Callable[[str], bool]) -> list[tuple[int, int, str]]:
    """Titles written with their article in lower case in running text ("selon le Parisien",
    "a révélé la Tribune"), which the model takes for a place or misses, when ``known`` (the
    knowledge base) holds the title with its capital: the range covers the words after the
    article, the name is the title as the knowledge base spells it."""
    found: list[tuple[int, int, str]] = []
    for tok in doc[:-1]:
        if tok.text not in {"le", "la", "les", "l'"}:
            continue
        end = _title_end(doc, tok.i + 1)
        if end == tok.i + 1 or doc[tok.i + 1].is_sent_start:
            continue
        article = "L'" if tok.text == "l'" else tok.text.capitalize() + " "
        name = f"{article}{doc[tok.i + 1 : end].text}"
        if known(name):
            found.append((tok.i + 1, end, name))
    return found


def _mid_sentence(tok: Token) -> bool:
    """The word's capital is its own: it neither opens a sentence nor follows a quotation mark
    or a capitalised word ("Marine Le Pen" holds "Le")."""
    if tok.i == 0 or tok.is_sent_start:
        return False
    before = tok.doc[tok.i - 1]
    return before.is_alpha and (not cap(before) or _opens_sentence(before)) or before.text == ","


def _opens_sentence(tok: Token) -> bool:
    """The word opens its sentence, as the parser reads it or as the text marks it: after a
    quotation's closing mark or a final stop (``… psychologue." Selon La Dépêche, …``, where
    the parser kept the quote and the words after it in one sentence)."""
    if tok.is_sent_start:
        return True
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return before is not None and before.text in {".", "!", "?", "»", '"', "”", "…"}


def _title_end(doc: Doc, i: int) -> int:
    """The end of a title starting at ``i``: a capitalised article then capitalised words ("Le
    Soir", "De Morgen"), with the lower-case adjectives that close it ("Le Canard enchaîné");
    ``i`` when none starts there."""
    n = len(doc)
    j = i
    if j + 1 < n and doc[j].lower_ in _TITLE_ARTICLES and cap(doc[j]) and cap(doc[j + 1]):
        j += 1
    if not cap(doc[j]) or not doc[j].text[:1].isalpha():
        return i
    end = capitalised_run(doc, j)
    if end == j:
        return i
    if end < n and doc[end].text.isdigit() and len(doc[end].text) <= 3:
        end += 1  # "Europe 1", "France 24"
    elif end < n and _closing_participle(doc[end]):
        end += 1  # "Le Canard enchaîné"
    return end


def _closing_participle(tok: Token) -> bool:
    """A lower-case participle that closes a title, with no complement of its own: "enchaîné"
    in "Le Canard enchaîné", not "daté" in "Le Monde daté de mardi"."""
    return (
        tok.text.islower()
        and tok.is_alpha
        and "Part" in tok.morph.get("VerbForm", [])
        and not any(True for _ in tok.children)
    )


def _listed_titles(doc: Doc, i: int) -> list[tuple[int, int, str]]:
    """The titles coordinated right after a plural media noun: "De Morgen et Le Soir"."""
    titles: list[tuple[int, int, str]] = []
    n = len(doc)
    while i < n:
        end = _title_end(doc, i)
        if end == i:
            break
        titles.append((i, end, doc[i:end].text))
        if end + 1 < n and doc[end].lower_ in {"et", ","}:
            i = end + 1
            continue
        break
    return titles


def _title_after_content(doc: Doc, i: int) -> tuple[int, int, str] | None:
    """A title after a content noun: a contracted article ("du Soir" -> "Le Soir"), ``de`` and a
    capitalised article ("de La Croix"), or ``de`` and a broadcaster's name that ends on a number
    or is an acronym ("d'Europe 1", "de RTL"), which no person's name does."""
    n = len(doc)
    if i + 1 >= n or doc[i + 1].is_sent_start:
        return None
    link, first = doc[i], doc[i + 1]
    if link.lower_ in _CONTRACTED and first.ent_type_ != "PER":
        if first.lower_ in _TITLE_ARTICLES:
            return None  # "des Le Pen": a family, not a title
        end = _title_end(doc, i + 1)
        if end == i + 1:
            return None
        return i + 1, end, f"{_CONTRACTED[link.lower_]} {doc[i + 1 : end].text}"
    if link.lower_ not in {"de", "d'"}:
        return None
    end = _title_end(doc, i + 1)
    if end == i + 1:
        return None
    title = doc[i + 1 : end]
    opens_with_article = first.lower_ in _TITLE_ARTICLES and len(title) > 1
    broadcaster = title[-1].text.isdigit() or len(title) == 1 and first.text.isupper()
    if opens_with_article or broadcaster and first.ent_type_ not in ("PER", "LOC"):
        return i + 1, end, title.text
    return None


def _speaks(doc: Doc, start: int, end: int) -> bool:
    """The words are the subject, or the inverted subject, of a speech verb ("rapporte Le
    Soir", "Le Soir rapporte"), or their source ("selon Le Soir")."""
    for tok in doc[start:end]:
        head = tok.head
        if tok.dep_ == "nsubj" and not start <= head.i < end and _speech_verb(head):
            return True
    before = doc[start - 1]
    return before.lower_ in {"selon", "d'après"} or _speech_verb(before)


def _speech_verb(tok: Token) -> bool:
    cues = speech_cues("fr").words
    # the lemmatizer leaves some forms alone ("rapporte"): guess the infinitive too
    return tok.pos_ == "VERB" and (
        tok.lemma_.lower() in cues or any(g in cues for g in lemma_guesses(tok.lower_))
    )


def _organisations_by_apposition(doc: Doc) -> list[tuple[int, int, str]]:
    """A capitalised name after an article and before an apposition whose noun is an
    organisation's: "le Pastef, parti de M. Sonko" (the model misses it or calls it a person,
    but no person's name takes an article)."""
    found: list[tuple[int, int, str]] = []
    n = len(doc)
    for tok in doc:
        if not (tok.lower_ in _NAME_DETERMINERS and not cap(tok) and tok.i + 2 < n):
            continue
        start = tok.i + 1
        if not cap(doc[start]) or not doc[start].is_alpha or doc[start].is_sent_start:
            continue
        end = capitalised_run(doc, start)
        if end >= n or doc[end].text != ",":
            continue
        k = end + 1
        while k < n and k - end <= 3 and doc[k].lower_ in _APPOSITION_FILLERS:
            k += 1
        if k < n and doc[k].lower_ in _ORGANISATION_NOUNS:
            found.append((start, end, doc[start:end].text))
    return found
