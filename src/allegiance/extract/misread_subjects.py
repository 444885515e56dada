"""When the parser's subject of a cue is not its speaker.

The French parser often hangs an incise verb on the wrong subject: a pronoun repeating the name
(``X a quant à elle évoqué``), the quoted clause's own subject (``Ces magistrats « ont rendu … »,
a indiqué le Comité``), the noun of an unmarked report (``Cette décision est le résultat de
« … », a expliqué X``). These tests, split from :mod:`allegiance.extract.cue_speakers`, let
:func:`~allegiance.extract.cue_speakers.speaker_of_cue` pass such a subject over; and
:func:`set_off_by_comma` says whether a name before the verb is an apposition. Also the
subject a participle or a noun-tagged cue really has (``Il estime que cette dernière « … »
annonçant …``, ``a menti en déclarant``, ``X traite Y de « … »``), and subjects the parser
lost: a finite verb hung on the name before it, a person named before an age, a noun phrase
made the subject of the reported verb, a document's author before a participle.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.cue_words import is_cue
from allegiance.extract.frames import finite_auxiliary, quoted
from allegiance.extract.incise_subjects import OBJECT_CLITICS, after_closing_mark, skip_adverbial
from allegiance.extract.quote_context import DEFINITE
from allegiance.extract.speaker_words import DOCUMENT_NOUNS, FR_OF, FR_RELATIVES

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from spacy.tokens import Token

    from allegiance.extract.quote_context import QuoteContext
    from allegiance.models import Speaker

__all__ = [
    "aged_subject",
    "completive_of_cue",
    "document_author_before",
    "finite_acl_subject",
    "gerund_with_en",
    "name_before_noun_cue",
    "stranded_subject",
    "stressed_aside",
    "subject_before_the_quote",
    "subject_of_the_report",
    "within_completive",
]


def stressed_aside(pron: Token) -> bool:
    """``quant à elle``: a stressed pronoun after ``quant à``, which the parser may take for
    the subject while the name before it is the real one."""
    doc = pron.doc
    return (
        pron.pos_ == "PRON"
        and pron.i >= 2
        and doc[pron.i - 1].lower_ in {"à", "a"}
        and doc[pron.i - 2].lower_ == "quant"
    )


def subject_before_the_quote(cue: Token, subject: Token, exclude: tuple[int, int]) -> bool:
    """An incise verb (``», a indiqué le Comité …``) whose parsed subject stands before the
    quote and whose inverted noun phrase follows it: the parser read the quoted clause's own
    subject (``Ces magistrats « ont rendu … »``) as the incise's."""
    if subject.idx >= exclude[0] or not after_closing_mark(cue):
        return False
    edge = subject.right_edge
    between = subject.doc.text[edge.idx + len(edge.text) : exclude[0]]
    if between.strip(' ,«“"\u00a0\u202f'):
        return False  # the subject's phrase must run up to the quote's opening mark
    nxt = cue.doc[cue.i + 1] if cue.i + 1 < len(cue.doc) else None
    return nxt is not None and (nxt.pos_ == "PROPN" or nxt.lower_ in DEFINITE["fr"])


def subject_of_the_report(ctx: QuoteContext, cue: Token, subject: Token) -> bool:
    """An incise after a comma and an unmarked report (``Cette décision est le résultat de
    « … », a expliqué Henri de Castries``) whose parsed subject stands in the report, before
    the comma, with a name (or a person's description) inverted after the verb: the parser
    read the report's own noun as the incise's subject. The report must hold a finite verb
    of its own, so an apposition (``X, le maire, a expliqué la situation``) keeps its subject."""
    if after_closing_mark(cue) or quoted(ctx, subject):
        return False  # the quote's own incise: :func:`subject_before_the_quote` decides
    doc = cue.doc
    k = cue.i - 1
    while k > cue.i - 4 and k >= 0 and doc[k].pos_ in {"AUX", "ADV"}:
        k -= 1
    if k < 1 or doc[k].text != "," or subject.i >= k:
        return False
    if not any(
        t.pos_ in {"VERB", "AUX"}
        and "Fin" in t.morph.get("VerbForm", [])
        and "acl" not in t.dep_
        and "acl" not in t.head.dep_
        for t in doc[cue.sent.start : k]
    ):
        return False
    first = skip_adverbial(doc, cue.i + 1)
    if first >= len(doc):
        return False
    nxt = doc[first]
    if nxt.pos_ == "PROPN" and not nxt.is_lower:
        return ctx.mention_of(nxt) is not None
    return (
        nxt.lower_ in DEFINITE["fr"]
        and first + 1 < len(doc)
        and doc[first + 1].pos_ == "NOUN"
        and ctx.can_speak(doc[first + 1])
    )


def completive_of_cue(ctx: QuoteContext, head: Token) -> bool:
    """``head`` is the verb of a ``que`` clause completing a speech verb (French)."""
    return (
        ctx.lang == "fr"
        and head.dep_ == "ccomp"
        and any(c.dep_ == "mark" and c.lower_ in {"que", "qu'"} for c in head.children)
        and head.head.i != head.i
        and is_cue(ctx, head.head)
    )


def within_completive(ctx: QuoteContext, head: Token) -> bool:
    """``head`` is, or hangs (up to six links) under, the verb of a ``que`` clause completing a
    speech verb (``X a souligné que le pays ne resterait pas inactif et qu'il était prêt …``:
    the second clause hangs on the first)."""
    tok = head
    for _ in range(6):
        if completive_of_cue(ctx, tok):
            return True
        if tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def name_before_noun_cue(
    ctx: QuoteContext, cue: Token, inside: Callable[[Token], bool]
) -> Speaker | None:
    """``Victor Kessler traite Marcus Thorne de « voleur »``: a verb form the tagger read as a
    noun right after a person's name (French) has that name for subject, not the name after
    it, which the word-order rule below would take for an inverted subject."""
    if ctx.lang != "fr" or cue.pos_ != "NOUN" or cue.i == 0:
        return None
    prev = ctx.doc[cue.i - 1]
    ref = ctx.mention_of(prev)
    if ref is None or inside(prev) or ref.entity.type != "person":
        return None
    if ref.end != prev.idx + len(prev.text):
        return None
    return ref.speaker(ctx.text)


def gerund_with_en(cue: Token) -> bool:
    """``a menti en déclarant``: a gerund with no comma before ``en`` shares the subject of the
    clause it hangs on (``X estime que Y se trompe, en appelant à …``: after a comma it is
    the speaker's next act, as :func:`report_filters._gerund_report` reads it)."""
    doc = cue.doc
    en = cue.i - 1 if cue.i > 0 and doc[cue.i - 1].lower_ == "en" else None
    if en is None:
        en = next(
            (c.i for c in cue.children if c.lower_ == "en" and c.dep_ in {"mark", "case"}), None
        )
    return en is not None and not (en > 0 and doc[en - 1].text == ",")


def finite_acl_subject(ctx: QuoteContext, cue: Token, exclude: tuple[int, int]) -> Speaker | None:
    """``L'Organisation mondiale de la santé (OMS) rappelle de son côté que …`` parsed with the
    finite verb as a modifier of the name (or a compound tense as its adverbial clause): a
    conjugated verb right after a noun phrase, with no relative word between, has that noun
    phrase for subject (French)."""
    noun = cue.head
    if (
        ctx.lang != "fr"
        or cue.dep_ not in {"acl", "advcl"}
        or not _conjugated(cue, noun)
        or noun.i >= cue.i
        or noun.pos_ not in {"NOUN", "PROPN"}
        or exclude[0] <= noun.idx < exclude[1]
    ):
        return None
    between = ctx.doc[noun.i + 1 : cue.i]
    if any(t.lower_ in FR_RELATIVES or t.pos_ == "VERB" for t in between):
        return None
    if exclude[1] <= cue.idx and _inverted_object(ctx, cue):
        return None  # ``« … » en Pays de la Loire rapporte l'Agence``: the subject follows
    if noun.pos_ == "NOUN" and not ctx.can_speak(noun) and ctx.mention_of(noun) is None:
        return None
    if noun.dep_ == "appos" and noun.head.i < noun.i:
        noun = noun.head  # ``Stéphanie, une autre habitante, résume``: the one described
    elif _affiliation(noun, cue):
        noun = noun.head  # ``Thierry Giroux, de Force ouvrière, appelle``: the member speaks
    return ctx.speaker_from_tokens(noun, exclude)


def _affiliation(noun: Token, cue: Token) -> bool:
    """``, de Force ouvrière,`` set between commas after a person's name, right before the
    verb: the body the person belongs to, not the subject."""
    doc = noun.doc
    case = next((c for c in noun.children if c.dep_ == "case"), None)
    if case is None or case.lower_ not in {"de", "du", "d'", "des", "chez"} or case.i < 1:
        return False
    return (
        noun.dep_ == "nmod"
        and noun.head.i < noun.i
        and noun.head.pos_ == "PROPN"
        # ``Un proche de Thierry Giroux, de FO, appelle``: the name is a complement itself
        and not any(c.dep_ == "case" for c in noun.head.children)
        and doc[case.i - 1].text == ","
        and doc[cue.i - 1].text == ","
        and not any(t.text == "," for t in doc[case.i : cue.i - 1])
    )


def _inverted_object(ctx: QuoteContext, cue: Token) -> bool:
    """An actor's name the parser made the object of a cue standing after the quoted words,
    within three words of it: an inverted subject with no comma before the verb."""
    return any(
        c.dep_ == "obj"
        and cue.i < c.i <= cue.i + 3
        and (ref := ctx.mention_of(c)) is not None
        and ref.entity.type in {"person", "organization"}
        for c in cue.children
    )


def _conjugated(verb: Token, noun: Token) -> bool:
    """A conjugated verb (``rappelle``), or a participle whose finite auxiliary stands between
    it and the noun (``… de Stellantis a condamné``: the parser hung the compound tense on the
    name as an adverbial clause)."""
    if "Fin" in verb.morph.get("VerbForm", []):
        return verb.dep_ == "acl"
    return finite_auxiliary(verb, after=noun.i)


def _aged(segment: Sequence[Token]) -> bool:
    """``52 ans``, ``âgée de 34 ans``: a segment giving a person's age."""
    return 2 <= len(segment) <= 4 and any(
        t.lower_ == "ans" and k > 0 and segment[k - 1].like_num for k, t in enumerate(segment)
    )


def aged_subject(ctx: QuoteContext, cue: Token, exclude: tuple[int, int]) -> Speaker | None:
    """``Olena, 52 ans, retraitée, raconte …``: the parser takes the age (``ans``) for the
    subject or drops the subject; the person named before the age, set off by commas with
    at most two short appositions after it, speaks (French)."""
    if ctx.lang != "fr":
        return None
    subjects = [c for c in cue.children if c.dep_.startswith("nsubj")]
    if any(c.lower_ != "ans" for c in subjects):
        return None
    doc = ctx.doc
    k = cue.i - 1
    while k > cue.sent.start and doc[k].pos_ in {"AUX", "ADV"}:
        k -= 1
    comma = k if doc[k].text == "," else None
    for _ in range(3):
        if comma is None:
            return None
        prev = comma - 1
        while prev > 0 and doc[prev].text != ",":
            prev -= 1
        if doc[prev].text != "," or comma - prev > 6:
            return None
        segment = list(doc[prev + 1 : comma])
        if any(t.pos_ == "VERB" and "Fin" in t.morph.get("VerbForm", []) for t in segment):
            return None
        if _aged(segment):
            if prev == 0:
                return None
            name = doc[prev - 1]
            ref = ctx.mention_of(name)
            if ref is None or ref.entity.type != "person" or exclude[0] <= ref.start < exclude[1]:
                return None
            first = name.i
            while first > 0 and doc[first - 1].idx >= ref.start:
                first -= 1
            if first > 0 and doc[first - 1].pos_ == "ADP":
                return None  # ``Le fils de Marie, 34 ans, …``: the name completes a noun
            return ref.speaker(ctx.text)
        comma = prev
    return None


def stranded_subject(ctx: QuoteContext, cue: Token, exclude: tuple[int, int]) -> Speaker | None:
    """``À Jérusalem, le bureau du Premier ministre a fait savoir qu'Israël …`` parsed with
    ``bureau`` the subject of the reported verb: a cue with no subject whose verb group (its
    auxiliaries, adverbs, ``faire``/``laisser``; or nothing, the noun phrase right before the
    cue) follows a noun phrase the parser made the subject of a verb after the cue has that
    noun phrase for subject (French)."""
    if ctx.lang != "fr" or any(c.dep_.startswith("nsubj") for c in cue.children):
        return None
    doc = ctx.doc
    k = cue.i - 1
    while k > cue.sent.start and (
        doc[k].pos_ in {"AUX", "ADV"} or doc[k].lemma_.lower() in {"faire", "laisser"}
    ):
        k -= 1
    if k == cue.i - 1 and doc[k].pos_ not in {"NOUN", "PROPN", "ADJ"}:
        return None
    head = doc[k]
    for _ in range(4):  # up from the phrase's last word to its head
        if head.dep_.startswith("nsubj") or head.head.i > k or head.head.i == head.i:
            break
        head = head.head
    if (
        not head.dep_.startswith("nsubj")
        or head.head.i <= cue.i
        or head.right_edge.i != k
        or exclude[0] <= head.idx < exclude[1]
    ):
        return None
    return ctx.speaker_from_tokens(head, exclude)


def document_author_before(ctx: QuoteContext, participle: Token) -> Token | None:
    """``une lettre de la CGT affirmant que …``, ``un courriel de la Fondation X lui indiquant
    que …``: a participle right after a document's noun phrase (no comma between) speaks for
    the author its ``de`` complement names."""
    doc = ctx.doc
    k = participle.i - 1
    while k > 0 and doc[k].pos_ == "PRON" and doc[k].lower_ in OBJECT_CLITICS:
        k -= 1  # ``lui indiquant``
    if k <= 0 or doc[k].is_punct:
        return None
    noun = doc[k]
    while noun.head.i < noun.i and noun.lemma_.lower() not in DOCUMENT_NOUNS:
        noun = noun.head
    if noun.lemma_.lower() not in DOCUMENT_NOUNS or noun.right_edge.i > k:
        return None
    for c in noun.children:
        # ``une lettre de la CGT``, not ``un message sur X`` (its topic)
        if c.dep_ != "nmod" or not any(m.dep_ == "case" and m.lower_ in FR_OF for m in c.children):
            continue
        # ``de la Fondation David Suzuki``: the name closing the phrase (a first name inside
        # it may be linked to someone else)
        named = [t for t in c.subtree if ctx.mention_of(t) is not None]
        if named:
            return named[-1]
    return None
