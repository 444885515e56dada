"""Which actors a pronoun may stand for: a person's gender as the article marks it (titles,
articles, apposed nouns, kinship words, agreeing participles, first names), whether a "person"
entity can be ``il``/``elle`` at all (not the byline's writer, not a body named like a person),
and the organisation or distant person a pronoun falls back on.

Kept apart from :mod:`allegiance.extract.quote_context`, which caches the answers per article
and uses them to resolve pronouns and descriptions; chains of subjects are in
:mod:`allegiance.extract.subject_chains`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.frames import line_bounds, quoted, quoted_before
from allegiance.extract.lexicons import first_name_gender, first_names
from allegiance.extract.quote_marks import OPENING_MARKS
from allegiance.extract.speaker_words import (
    FR_POSSESSIVES,
    ORG_NOUNS,
    PARTICLES,
    TITLE_GENDER,
    pronoun_gender,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from allegiance.extract.quote_context import MentionRef, QuoteContext
    from allegiance.models import Entity


def morph_gender(tok: Token | None) -> str | None:
    """``Fem``/``Masc`` from the token's morphology, when it says one."""
    if tok is None:
        return None
    g = tok.morph.get("Gender", [])
    return g[0] if len(g) == 1 and g[0] in {"Fem", "Masc"} else None


def article_gender(ctx: QuoteContext, entity: Entity) -> str | None:
    """``Fem``/``Masc`` for a person when the article's own words say it, else None.

    Read from the words around each mention: a title (``Mme``, ``M.``), a determiner or a
    noun in apposition (``la ministre X``, ``X, directrice``), an agreeing participle or
    adjective of which the name is the subject (``X est arrivée``), the model's gender for
    first names. French grammar marks the feminine, so each feminine cue is a strong vote.
    """
    votes = {"Fem": 0, "Masc": 0}
    doc = ctx.doc
    for m in entity.mentions if entity.type == "person" else []:
        tok = ctx.token_at(m.start)
        if tok is None:
            continue
        if tok.i > 0:
            title = TITLE_GENDER.get(doc[tok.i - 1].lower_)
            if title:
                votes[title] += 2
        last = doc.char_span(m.start, m.end, alignment_mode="expand")
        if last is not None and last.end + 2 < len(doc) and doc[last.end].text == ",":
            # ``Soona, elle, n'a pas changé``: the repeated pronoun gives the gender
            repeated = pronoun_gender(doc[last.end + 1].lower_)
            if repeated and doc[last.end + 2].text == ",":
                votes[repeated] += 2
            apposed = _apposed_agreement(doc[last.end + 1], doc[last.end + 2])
            if apposed:  # ``Hannah, prostrée, porte …``: the adjective agrees with her
                votes[apposed] += 1
        for child in tok.children:
            # ``X, directrice``: a feminine noun says it; a masculine one does not (French
            # uses masculine role nouns for women: ``Marie Dupont, professeur``)
            if child.dep_ == "appos" and child.pos_ == "NOUN" and morph_gender(child) == "Fem":
                votes["Fem"] += 1
            elif child.dep_ == "appos" and child.pos_ == "NOUN":
                # ``X, le voisin du dessus``: an article before the apposed noun is gendered
                det = next((c for c in child.children if c.dep_ == "det"), None)
                title = _APPOSED_ARTICLE.get(det.lower_) if det is not None else None
                if title:
                    votes[title] += 1
        if _apposed_to_feminine(ctx, tok):
            votes["Fem"] += 2
        named_as = _sexed_noun_before(doc, tok) or _sexed_noun_after(ctx, m.end)
        if named_as:  # ``son frère cadet, Youssef``, ``X, la tante de Y``
            votes[named_as] += 2
        following = _next_sentence_pronoun(ctx, tok, entity.id)
        if following:  # ``X a survécu. Il garde une jambe raide``
            votes[following] += 1
        apposed_to = None
        if tok.dep_ == "appos" and tok.head.dep_.startswith("nsubj") and tok.head.pos_ == "NOUN":
            # ``Le témoin, X, a été entendue``: a participle that leaves the gender of the noun
            # the name is apposed to agrees with the person (``L'idole, X, est arrivée`` agrees
            # with the noun, and says nothing of X)
            apposed_to = tok.head
            tok = tok.head
        coordinated = any(c.dep_ == "conj" for c in tok.children) or (
            sum(c.dep_.startswith("nsubj") for c in tok.head.children) > 1
        )
        if tok.dep_.startswith("nsubj") and tok.head.pos_ in {"ADJ", "VERB"} and not coordinated:
            # agreement with être: ``X est arrivée``, ``X a été entendue``, ``X est prête``
            pred = tok.head
            with_etre = any(
                c.dep_ in {"cop", "aux:pass", "aux:tense"} and c.lemma_ == "être"
                for c in pred.children
            )
            g = morph_gender(pred)
            plural = pred.morph.get("Number", []) == ["Plur"]
            if apposed_to is not None and (plural or g == morph_gender(apposed_to)):
                g = None
            if g and with_etre and pred.morph.get("VerbForm", []) in ([], ["Part"]):
                votes[g] += 1
    if entity.type == "person":
        # a known given name (``Jeanne Dupont``) counts as much as a title
        named = first_name_gender(entity.name)
        if named:
            votes[named] += 2
    if votes["Fem"] > votes["Masc"]:
        return "Fem"
    if votes["Masc"] > votes["Fem"]:
        return "Masc"
    return None


def _apposed_agreement(word: Token, after: Token) -> str | None:
    """The gender of an adjective or past participle standing alone between commas after a
    name (``X, prostrée, …``, ``X, ému, …``): it agrees with the person. An adjective's
    gender comes from the tagger (``calme`` is both), a participle's from its ending."""
    if after.text not in {",", "."} or word.pos_ not in {"ADJ", "VERB"}:
        return None
    if word.pos_ == "ADJ":
        return morph_gender(word)
    if word.morph.get("VerbForm", []) != ["Part"] or not word.lower_.isalpha():
        return None
    if word.morph.get("Tense", []) != ["Past"]:
        return None  # ``Claire, hésitant,``: a present participle does not agree
    # a past participle's own ending, which the tagger often misreads (``émue`` as masculine):
    # only the feminine ends in ``e`` (``émue``, ``arrêtée``, ``prise``); plurals say nothing
    if word.lower_.endswith("s"):
        return None
    return "Fem" if word.lower_.endswith("e") else "Masc"


def _apposed_to_feminine(ctx: QuoteContext, name: Token) -> bool:
    """``la vice-présidente de l'entreprise, Lee-Anne X``: a name in apposition to a feminine
    noun under a feminine article names a woman, as surely as ``Mme`` (a given name read
    from its first part, ``Lee``, may say otherwise). Only the feminine counts: French uses
    masculine role nouns for women (``le ministre, Marie Dupont``)."""
    head = name.head
    if name.dep_ != "appos" or head.pos_ != "NOUN" or morph_gender(head) != "Fem":
        return False
    if head.lower_ in _FEMININE_WHATEVER_SEX:
        return False  # ``La victime, Paul Girard, …``: the noun is feminine whoever it names
    if name.i == 0 or name.doc[name.i - 1].text != "," or not ctx.can_speak(head):
        return False  # ``devant la presse X``: the parser's apposition to a thing
    det = next((c for c in head.children if c.dep_ == "det"), None)
    return det is not None and det.lower_ in {"la", "une", "cette", "sa"}


#: articles of a noun apposed to a name (``X, la mère de Y``, ``X, le voisin``)
_APPOSED_ARTICLE = {"la": "Fem", "une": "Fem", "le": "Masc", "un": "Masc"}

#: nouns that name a man or a woman whatever the job (kinship, sex, a priest's title): unlike
#: role nouns (``le ministre Marie Dupont``), French never puts a woman under ``frère`` nor a
#: man under ``tante``, so a name next to one has its gender
_MASC_NOUNS = (
    "père frère fils oncle neveu mari époux grand-père beau-père beau-frère petit-fils compagnon "
    "fiancé veuf homme garçon papa parrain cousin abbé curé prêtre moine"
)
_FEM_NOUNS = (
    "mère sœur soeur fille tante nièce épouse femme grand-mère belle-mère belle-sœur petite-fille "
    "compagne fiancée veuve maman marraine cousine religieuse"
)
SEXED_NOUNS = {
    **dict.fromkeys(_MASC_NOUNS.split(" "), "Masc"),
    **dict.fromkeys(_FEM_NOUNS.split(" "), "Fem"),
}
#: singular determiners before such a noun (``son frère``, ``la tante``, ``le père``)
_DETERMINER_WORDS = "le la l' un une son sa ce cet cette mon ma ton ta notre votre leur"
_SEXED_DETERMINERS = frozenset(_DETERMINER_WORDS.split(" "))


def _sexed_noun_before(doc: Doc, name: Token) -> str | None:
    """``le père Anselmo X``, ``son frère cadet, Youssef``, ``sa tante Marie``: a sexed noun
    (over adjectives and one comma) right before the name, under a singular determiner."""
    k = name.i - 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
    while k > 0 and doc[k].pos_ == "ADJ" and doc[k].lower_ not in SEXED_NOUNS:
        k -= 1  # ``son frère cadet``
    if k < 1 or doc[k].lower_ not in SEXED_NOUNS:
        return None
    return SEXED_NOUNS[doc[k].lower_] if doc[k - 1].lower_ in _SEXED_DETERMINERS else None


def _past_name(ctx: QuoteContext, end: int) -> int | None:
    """The first token after a name ending at ``end``, past the rest of the name the entity
    left out (capitalised proper nouns); None at the end of the text."""
    doc = ctx.doc
    after = doc.char_span(end, min(len(ctx.text), end + 60), alignment_mode="expand")
    if after is None:
        return None
    k = after.start
    while k < len(doc) and doc[k].pos_ == "PROPN" and doc[k].text[:1].isupper():
        k += 1
    return k


def _sexed_noun_after(ctx: QuoteContext, end: int) -> str | None:
    """``Youssef, son frère cadet,``, ``X, la tante de Y``, ``X, infirmière de 41 ans``: a
    noun set after the name and a comma (past the rest of the name). A sexed noun gives its
    gender; a person noun in a feminine form, or an epicene one after a feminine article (``la
    journaliste``), gives the feminine; nouns feminine whatever the sex (``la victime``, ``la
    star``) say nothing."""
    doc = ctx.doc
    k = _past_name(ctx, end)  # ``Amani Osman Abdelrahim`` named ``Amani Osman``
    if k is None or k + 2 >= len(doc) or doc[k].text != ",":
        return None
    k += 1
    det = doc[k].lower_ if doc[k].lower_ in _SEXED_DETERMINERS else None
    if det is not None:
        k += 1
    noun = doc[k]
    if _introduces_next_name(ctx, noun):
        return None  # ``de X, la secrétaire générale de FO, Y``: the noun is Y's
    if noun.lower_ in SEXED_NOUNS:
        return SEXED_NOUNS[noun.lower_] if det is not None else None
    if noun.pos_ != "NOUN" or not ctx.can_speak(noun):
        return None
    if noun.lemma_.lower() in ORG_NOUNS[ctx.lang] or (
        noun.dep_.startswith("nsubj") and noun.head.i > noun.i
    ):
        # ``Selon X, la délégation a rencontré …``: a body, the next clause's subject
        return None
    if det is not None:  # ``la journaliste``: the article marks the feminine
        if noun.lower_ in _FEMININE_WHATEVER_SEX:
            return None  # ``Paul Durand, la victime``: the noun's gender, not the person's
        fem = det in {"la", "une", "sa", "cette", "ma", "ta"} and morph_gender(noun) == "Fem"
        return "Fem" if fem else None
    return "Fem" if _feminine_form(noun) else None


def _introduces_next_name(ctx: QuoteContext, noun: Token) -> bool:
    """The noun phrase ends on a comma followed by a name: it is that name's apposition."""
    doc = ctx.doc
    for k in range(noun.i + 1, min(len(doc) - 1, noun.i + 12)):
        if doc[k].text in {".", ";", ":", "(", ")"} or doc[k].is_sent_start:
            return False
        if doc[k].text == ",":
            nxt = doc[k + 1]
            named = ctx.mention_of(nxt)
            return nxt.pos_ == "PROPN" or (named is not None and named.entity.type == "person")
    return False


#: person nouns that are feminine whatever the person's sex: their article says nothing
_FEMININE_WHATEVER_SEX = frozenset(
    {"victime", "personne", "personnalité", "star", "vedette", "recrue", "sentinelle", "idole",
     "célébrité", "figure", "icône", "légende", "référence", "cible", "connaissance", "relation",
     "vigie", "dupe", "brute", "crapule", "canaille", "fripouille", "ordure"}
)  # fmt: skip

#: endings only feminine person nouns have (``directrice``, ``chercheuse``, ``infirmière``)
_FEMININE_ENDINGS = ("trice", "euse", "ière", "esse", "ienne")


def _feminine_form(noun: Token) -> bool:
    """A noun written in a feminine form: a feminine ending, or a feminine noun whose lemma is
    another (masculine) word (``avocate`` of ``avocat``). Epicene nouns (``analyste``,
    ``journaliste``), whatever gender the tagger guessed, say nothing."""
    low = noun.lower_
    if low.endswith(_FEMININE_ENDINGS):
        return True
    return morph_gender(noun) == "Fem" and noun.lemma_.lower() not in {low, ""}


def _next_sentence_pronoun(ctx: QuoteContext, tok: Token, entity_id: str) -> str | None:
    """The gender of ``il``/``elle`` opening the sentence after one whose main subject is the
    name ``tok``, when no other person is named after it in that sentence: ``Ousmane Diallo,
    le voisin, a survécu. Il garde …`` (the pronoun continues the topic)."""
    if not tok.dep_.startswith("nsubj") or tok.head.dep_ != "ROOT":
        return None
    sent = tok.sent
    if quoted(ctx, tok):
        return None
    later = ctx.mentions_in(tok.idx + len(tok.text), sent.end_char)
    if any(r.entity.type == "person" and r.entity.id != entity_id for r in later):
        return None
    doc = ctx.doc
    k = sent.end
    while k < len(doc) and k < sent.end + 4 and not doc[k].is_alpha:
        k += 1
    if k >= len(doc) or doc[k].dep_ != "nsubj" or doc[k].sent.start != k:
        return None
    return pronoun_gender(doc[k].lower_) if doc[k].lower_ in {"il", "elle"} else None


def can_be_pronoun_antecedent(ctx: QuoteContext, entity: Entity) -> bool:
    """A "person" that may be ``il``/``elle``: a known given name, or words each capitalised,
    not all in capitals, the first no common noun in the text ("Park Minwoo" yes; "Nuit
    Debout", a movement opening with a common noun, no; "Gilets jaunes", "ATTAC" no)."""
    words = entity.name.split()
    if entity.mentions and all(_byline(ctx, m.start) for m in entity.mentions):
        return False  # ``Par Jeanne Dupont, correspondante``: the writer, not an actor
    if not words or words[0].lower() in first_names():
        return True
    if any(_aged(ctx, m.end) for m in entity.mentions):
        return True  # ``Marisol X, 41 ans,``: only a person is given an age so
    named = [w for w in words if w not in PARTICLES]
    if entity.name.isupper() or not all(_capitalised(w) for w in named):
        return False
    for m in entity.mentions:
        tok = ctx.token_at(m.start)
        if tok is not None and tok.pos_ == "NOUN" and " " in m.text and _known_word(tok):
            # "Nuit Debout": the name opens with a common noun (not a given name the tagger
            # does not know, "Bakary X", which is no word of the language's lexicon)
            return False
        if tok is not None and ctx.lang == "fr" and _introduced_as_body(ctx, tok):
            return False  # ``le cabinet comptable X``: a firm, whatever type the name got
    return True


def _known_word(tok: Token) -> bool:
    """The word, in lower case, is in the language model's lexicon (has a vector); any word
    is, for a model without vectors (which cannot tell)."""
    vocab = tok.doc.vocab
    return not vocab.vectors.shape[0] or not vocab[tok.lower_].is_oov


#: lower-case particles glued to a capitalised surname by a hyphen (``al-Haya``, ``el-Sissi``)
_GLUED_PARTICLES = frozenset(
    {"al", "el", "ad", "ed", "ar", "as", "ash", "at", "az", "ben", "bin", "ibn"}
)


def _capitalised(word: str) -> bool:
    """A name's word with its capital, over a glued particle (``al-Haya``)."""
    head, dash, rest = word.partition("-")
    if dash and head in _GLUED_PARTICLES:
        word = rest
    return word[:1].isupper()


#: the longest byline, in characters (``Par Jeanne Dupont, correspondante à Genève``)
_BYLINE_MAX = 120


def _byline(ctx: QuoteContext, start: int) -> bool:
    """The name at ``start`` signs the article: a short line of its own where the name comes
    right after ``Par`` (``By``), with no sentence in it (not ``Par ailleurs, X a …``)."""
    text = ctx.text
    line_start, line_end = line_bounds(text, start, start)
    line = text[line_start:line_end].strip()
    return (
        text[line_start:start].strip().lower() in {"par", "by"}
        and len(line) <= _BYLINE_MAX
        and not any(p in line for p in (". ", "« ", "“"))
    )


def _aged(ctx: QuoteContext, end: int) -> bool:
    """The name ending at ``end`` is followed by an age in apposition: ``X, 41 ans,``."""
    doc = ctx.doc
    k = _past_name(ctx, end)
    return (
        k is not None
        and k + 3 < len(doc)
        and doc[k].text == ","
        and doc[k + 1].like_num
        and doc[k + 2].lower_ == "ans"
        and doc[k + 3].text in {",", ")"}
    )


def _introduced_as_body(ctx: QuoteContext, name: Token) -> bool:
    """A name written right after an organisation noun and its determiner, over adjectives and
    one ``de`` complement: ``le cabinet comptable X``, ``la firme d'audit X``, ``le groupe X``.
    Such a name is a body: no ``il``/``elle`` for a person stands for it."""
    doc = ctx.doc
    k = name.i - 1
    while k > 0 and doc[k].pos_ == "ADJ":
        k -= 1
    if k > 1 and doc[k].pos_ == "NOUN" and doc[k - 1].lower_ in {"de", "d'"}:
        k -= 2  # ``la firme d'audit X``
    elif k > 0 and doc[k].pos_ == "NOUN" and doc[k].lemma_.lower() not in ORG_NOUNS[ctx.lang]:
        k -= 1  # ``le cabinet comptable X`` (``comptable`` read as a noun)
    if not (
        k > 0
        and doc[k].pos_ == "NOUN"
        and doc[k].lemma_.lower() in ORG_NOUNS[ctx.lang]
        and doc[k - 1].pos_ == "DET"
    ):
        return False
    # ``le porte-parole de l'armée X``, ``le chef de la police X``: the body is the complement
    # of a person's role, and the name is apposed to that role, not to the body
    j = k - 2 if doc[k - 1].lower_ in {"l'", "la", "le", "les"} else k - 1
    if j > 0 and doc[j].lower_ in {"de", "d'", "du", "des"}:
        role = doc[j - 1]
        if role.pos_ == "NOUN" and role.lemma_.lower() not in ORG_NOUNS[ctx.lang]:
            return not ctx.can_speak(role)
    return True


#: how far back a pronoun with no nearer antecedent may reach for a person of its gender
_DISTANT_WINDOW = 1500


def distant_person(
    ctx: QuoteContext, pos: int, gender: str, exclude: set[str] | None = None
) -> Entity | None:
    """The latest person named in the paragraphs before ``pos`` whom the article marks with the
    pronoun's gender: ``L'ouvrage d'Éric Chauvier … L'anthropologue utilise … « …, observe-t-il »``
    (the sentences between name no one, so the nearer windows find nothing)."""
    excluded = exclude or set()
    for ref in reversed(ctx.mentions_in(max(0, pos - _DISTANT_WINDOW), pos)):
        entity = ref.entity
        if (
            entity.type == "person"
            and entity.id not in excluded
            and ctx.may_be_antecedent(entity)
            and ctx.gender_of(entity) == gender
            and not quoted_before(ctx, ref, pos)  # the quoted words talk about them
            and not ctx.names_a_thing(ref)
        ):
            return entity
    return None


#: how far after a pronoun that nothing precedes its speaker may be named, in characters
_CATAPHORA_REACH = 600


def opening_cataphora(
    ctx: QuoteContext, pos: int, gender: str | None, exclude: tuple[int, int]
) -> Entity | None:
    """A paragraph that opens on a quote and its ``dit-il`` before naming anyone (a lead, an
    excerpt starting mid-story) names the speaker next: the first person after the pronoun,
    outside the quote, in the same paragraph, when no person at all comes before. French only;
    a paragraph opening on the author's words is left to the other rules."""
    if ctx.lang != "fr":
        return None
    text = ctx.text
    para_start = text.rfind("\n", 0, pos) + 1
    if text[para_start:pos].lstrip()[:1] not in OPENING_MARKS:
        return _lead_cataphora(ctx, pos, gender)
    if any(r.entity.type == "person" for r in ctx.mentions_before(pos, pos)):
        return None
    for r in ctx.mentions_in(pos, pos + _CATAPHORA_REACH):
        if "\n" in text[pos : r.start]:
            return None  # the paragraph that opens so names its speaker, or nobody does
        if exclude[0] <= r.start < exclude[1]:
            continue
        if _kin_of_the_pronoun(ctx, r):
            continue  # ``s'est-il réjoui … avec son homologue X``: X is the other one
        if r.entity.type == "person" and ctx.agrees(r.entity, gender):
            return r.entity
    return None


def _lead_cataphora(ctx: QuoteContext, pos: int, gender: str | None) -> Entity | None:
    """``Une action qu'elle juge « illégale ». L'association X a dénoncé …``: a pronoun in the
    article's first sentence, before any name, stands for the actor that opens the next
    sentence as its subject (or as its subject's name), when it agrees with the pronoun and no
    other person of its gender is named in that sentence."""
    tok = ctx.token_at(pos)
    if tok is None or ctx.mentions_before(pos, pos) or tok.sent.start > 0:
        return None
    sent = tok.sent
    if sent.end >= len(ctx.doc):
        return None
    following = ctx.doc[sent.end].sent
    mentions = ctx.mentions_in(following.start_char, following.end_char)
    found: Entity | None = None
    for r in mentions:
        first = ctx.token_at(r.start)
        # the subject or a name inside its phrase (``Le professeur conservateur X``)
        if first is None or not _in_subject(first):
            continue
        if r.entity.type == "person" and ctx.agrees(r.entity, gender):
            found = r.entity
        elif r.entity.type == "organization" and _phrase_gender(first) in {None, gender}:
            found = r.entity  # ``L'association X`` for ``elle``, not ``La CGT`` for ``il``
        break
    if found is None or any(
        r.entity.type == "person" and r.entity.id != found.id and ctx.agrees(r.entity, gender)
        for r in mentions
    ):
        return None  # ``Elle dénonce … Le ministère a ouvert une enquête visant la députée X``
    return found


def lead_description(ctx: QuoteContext, head: Token) -> Entity | None:
    """``Ce conservateur de 58 ans affirme … Le professeur conservateur X a déclaré …``: a
    person's description in the article's first sentence, before any name, is the person the
    next sentence opens on (:func:`_lead_cataphora`: agreeing in gender, no other person of
    that gender named there), when that sentence writes the description's noun again just
    before the name."""
    if head.sent.start > 0 or head.pos_ != "NOUN" or ctx.mentions_before(head.idx, head.idx):
        return None
    if head.sent.end >= len(ctx.doc):
        return None
    gender = morph_gender(head)
    found = _lead_cataphora(ctx, head.idx, gender)
    if found is None or found.type != "person":
        return None
    following = ctx.doc[head.sent.end].sent
    lemma = head.lemma_.lower()
    for ref in ctx.mentions_in(following.start_char, following.end_char):
        name = ctx.token_at(ref.start)
        if ref.entity.id != found.id or name is None:
            continue
        # the noun written again right before the name (``Le professeur conservateur X``),
        # not anywhere in the sentence (``Le ministre X a répondu que les médecins …``)
        before = ctx.doc[max(following.start, name.i - 4) : name.i]
        return found if any(t.lemma_.lower() == lemma for t in before) else None
    return None


def _in_subject(tok: Token) -> bool:
    """The word is a subject or lies in a subject's noun phrase, up through nouns, names and
    adjectives only (``Le professeur conservateur X``; not the object of a relative clause
    inside it, ``le juge qui a condamné X``)."""
    for _ in range(4):
        if tok.dep_.startswith("nsubj"):
            return True
        if tok.head.i == tok.i or tok.pos_ in {"VERB", "AUX"}:
            return False
        tok = tok.head
    return False


def _phrase_gender(tok: Token) -> str | None:
    """The gender the determiner or the noun of a body's noun phrase gives it (``la CGT``,
    ``l'association X``), None when nothing says it."""
    noun = tok
    if tok.dep_ in {"appos", "flat:name", "nmod"} and tok.head.pos_ == "NOUN":
        noun = tok.head  # ``L'association Horizon 44``: the noun the name is apposed to
    det = next((c for c in noun.children if c.dep_ == "det"), None)
    return morph_gender(det) or morph_gender(noun)


def _kin_of_the_pronoun(ctx: QuoteContext, ref: MentionRef) -> bool:
    """A name set after a noun under a possessive (``son homologue bissau-guinéen X``, ``sa
    femme X``): someone related to the one the possessive stands for, not that one."""
    tok = ctx.token_at(ref.start)
    if tok is None:
        return False
    # the noun and its adjectives, read from word order: lower-case words and hyphens (the
    # tagger reads ``bissau-guinéen`` before a name as anything)
    doc, k = ctx.doc, tok.i - 1
    while k > 0 and tok.i - k <= 5 and (doc[k].is_lower and doc[k].is_alpha or doc[k].text == "-"):
        if doc[k].lower_ in FR_POSSESSIVES:
            return k < tok.i - 1
        k -= 1
    return False


def previous_subject_organisation(ctx: QuoteContext, pron: Token) -> Entity | None:
    """``Le groupe Renault a publié ses comptes. Il a indiqué …``: French ``il``/``elle`` may
    stand for an organisation, but only for the subject (or quoted speaker) of one of the few
    sentences before, and only when no person or role (``le ministre de l'Économie``) is a
    subject nearer: an organisation named in passing is no antecedent, and English
    ``he``/``she`` never stand for one."""
    low = pron.lower_.lstrip("-")  # ``indique-t-il``: the tokenizer keeps the hyphen
    if ctx.lang != "fr" or low not in {"il", "elle"}:
        return None
    wanted = pronoun_gender(low)
    sent = pron.sent
    seen = 0
    while seen < _ORG_SENTENCES and sent.start > 0:
        sent = ctx.doc[sent.start - 1].sent
        if not any(t.is_alpha for t in sent):
            continue  # the blank line between paragraphs
        seen += 1
        # the subjects in the author's words, and the speakers of the quotes in the sentence
        # (``« … », rapporte le ministère``), nearest first
        found: list[tuple[int, Token | None, Entity | None]] = [
            (t.idx, t, None)
            for t in sent
            if t.dep_ in {"nsubj", "nsubj:pass"} and not quoted(ctx, t)
        ]
        for offset, speaker in ctx.speakers_seen:
            if speaker.entity and sent.start_char <= offset < sent.end_char:
                found.append((offset, None, ctx.entity(speaker.entity)))
        for _, tok, spoke in sorted(found, key=lambda f: -f[0]):
            if tok is None:  # a quoted speaker
                return spoke if spoke is not None and spoke.type == "organization" else None
            if tok.pos_ == "PRON":
                continue  # ``il`` again: look further back
            org = subject_body(ctx, tok, wanted)
            if org is not None:
                return org
            if tok.pos_ == "PROPN" or ctx.can_speak(tok):
                return None  # a person (or a role) is nearer: the pronoun is not the body's
    return None


#: how many sentences back an organisation subject may stand for ``il``/``elle``
_ORG_SENTENCES = 4


def subject_body(ctx: QuoteContext, subj: Token, wanted: str | None) -> Entity | None:
    """The organisation a subject names: its own name, a name on its organisation noun (``le
    groupe Renault``) or the body that noun describes (``le conglomérat industriel``)."""
    ref = ctx.mention_of(subj)
    if ref is not None:
        return ref.entity if ref.entity.type == "organization" else None
    if subj.lemma_.lower() not in ORG_NOUNS[ctx.lang]:
        return None
    noun_gender = morph_gender(subj)
    if noun_gender is not None and noun_gender != wanted:
        return None  # ``la société X … Il`` is someone else
    end = subj.right_edge.idx + len(subj.right_edge.text)
    for r in ctx.mentions_in(subj.idx, end):
        if r.entity.type == "organization":
            return r.entity
    described = ctx.speaker_from_tokens(subj, (0, 0))
    entity = ctx.entity(described.entity) if described and described.entity else None
    return entity if entity is not None and entity.type == "organization" else None


#: ``ce dernier``, ``ces dernières``: the one named last
LATTER = frozenset({"dernier", "dernière", "derniers", "dernières"})


def governing_subject(ctx: QuoteContext, pron: Token) -> Token | None:
    """``Le ministère a fait savoir qu'il suivait …``: the French subject pronoun of a
    ``que`` clause, complement of a verb whose subject is a noun phrase before it that
    agrees in gender and number, stands for that subject."""
    if ctx.lang != "fr" or not pron.dep_.startswith("nsubj"):
        return None
    low = pron.lower_.lstrip("-")
    if low not in {"il", "elle", "ils", "elles"}:
        return None
    verb = pron.head
    if verb.dep_ != "ccomp" or not any(
        c.dep_ == "mark" and c.lower_ in {"que", "qu'"} for c in verb.children
    ):
        return None
    gov = verb.head
    # ``a fait savoir``: the parser may hang ``fait`` (with the subject) on ``savoir``
    holders = [gov, *(c for c in gov.children if c.pos_ in {"VERB", "AUX"} and c.i < verb.i)]
    subjects = [
        c
        for h in holders
        for c in h.children
        if c.dep_ in {"nsubj", "nsubj:pass"} and c.i < pron.i and c.pos_ in {"NOUN", "PROPN"}
    ]
    if len(subjects) != 1 or quoted(ctx, subjects[0]):
        return None
    subj = subjects[0]
    plural = low.startswith(("ils", "elles"))
    number = subj.morph.get("Number", [])
    ref = ctx.mention_of(subj)
    if ref is None and number and (number == ["Plur"]) != plural:
        return None
    wanted = pronoun_gender(low)
    if ref is not None and ref.entity.type == "person":
        return subj if not plural and ctx.agrees(ref.entity, wanted) else None
    det = next((c for c in subj.children if c.dep_ == "det"), None)
    gender = morph_gender(det) or morph_gender(subj) if subj.pos_ == "NOUN" else None
    if gender is None and ref is not None and det is not None:
        gender = morph_gender(det)  # ``la Fédération``: the article says the gender
    if gender is not None and gender != wanted:
        return None
    return subj


def named_last(ctx: QuoteContext, head: Token) -> Entity | None:
    """``ce dernier``, ``ces dernières``: the actor named last before, in this or the
    previous sentence (organisations for the plural: a body is a group)."""
    det = next((c for c in head.children if c.dep_ == "det"), None)
    if det is None or det.lower_ not in {"ce", "cet", "cette", "ces"}:
        return None
    plural = head.lower_.endswith("s")
    gender = "Fem" if head.lower_.startswith("dernière") else "Masc"
    return _last_named(ctx, head, plural, gender)


#: the demonstrative pronouns that take up the actor named last (``Celui-ci a refusé``)
DEMONSTRATIVES = {"celui-ci": "Masc", "celle-ci": "Fem", "ceux-ci": "Masc", "celles-ci": "Fem"}


def demonstrative(head: Token) -> str | None:
    """``celui-ci``/``celle-ci`` as one token, or as ``Celui`` ``-`` ``ci`` (the tokenizer
    splits it at the start of a sentence): the pronoun's written form, else None."""
    low = head.lower_
    doc = head.doc
    if low in {"celui", "celle", "ceux", "celles"} and head.i + 1 < len(doc):
        nxt = doc[head.i + 1]
        if nxt.lower_ == "-ci" or (
            nxt.text == "-" and head.i + 2 < len(doc) and doc[head.i + 2].lower_ == "ci"
        ):
            low += "-ci"
    return low if low in DEMONSTRATIVES else None


def demonstrative_latter(ctx: QuoteContext, head: Token) -> Entity | None:
    """``celui-ci``, ``celle-ci``: like ``ce dernier``, the actor of its gender named last
    (``X a croisé Y. Celui-ci a refusé``: Y), not the subject that ``il`` would take up."""
    form = demonstrative(head)
    if form is None:
        return None
    return _last_named(ctx, head, form in {"ceux-ci", "celles-ci"}, DEMONSTRATIVES[form])


def _last_named(ctx: QuoteContext, head: Token, plural: bool, gender: str) -> Entity | None:
    """The actor named last before ``head``, in this or the previous sentence, in the
    author's words (``« … X … », a répondu ce dernier``: not a name inside the quote), of the
    pronoun's gender where the person's is known, and not in a phrase of the pronoun's own
    verb (``Interrogée sur France Inter, celle-ci``: not the radio)."""
    pos = head.idx
    for r in ctx.mentions_before(pos, pos - _previous_author_sentence(ctx, head)):
        tok = ctx.token_at(r.start)
        if tok is not None and (quoted(ctx, tok) or head.head.is_ancestor(tok)):
            continue
        if r.entity.type == "organization":
            return r.entity
        if r.entity.type == "person" and not plural:
            if ctx.gender_of(r.entity) not in {None, gender}:
                continue
            return r.entity
    return None


def _previous_author_sentence(ctx: QuoteContext, head: Token) -> int:
    """Where the sentence before ``head``'s starts, past the sentences the parser cut out of
    a quote (``«`` alone, ``« … »`` before its incise): the author's previous sentence."""
    sent = head.sent
    for _ in range(4):
        if sent.start == 0:
            break
        sent = ctx.doc[sent.start - 1].sent
        if any(t.is_alpha and not quoted(ctx, t) for t in sent):
            break
    return int(sent.start_char)
