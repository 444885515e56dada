"""Speakers read from word order around a cue, where the parse of quoted text is unreliable.

* French incises invert the subject after the cue (``», a déclaré le ministre de la Santé,
  Jean Dupont``, ``», estime sa directrice, X``, ``comme l'explique X``): where the incise
  stands, what may come between the verb and its subject (adverbials, an addressee), and the
  description or apposed name that is the subject;
* a name right before a French verb (past auxiliaries, adverbs and clitics) is its subject,
  also when set between commas in apposition;
* date and time words are never speakers;
* the impersonal ``on`` speaks for the body it is located at (``indique-t-on à Matignon``).

:mod:`allegiance.extract.cue_speakers` calls these when the dependency parse gives no subject.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.dates import month_names
from allegiance.extract.media import is_outlet
from allegiance.extract.quote_context import DEFINITE, QuoteContext
from allegiance.extract.speaker_roles import inner_person_name
from allegiance.extract.speaker_words import (
    FR_HONORIFICS,
    FR_OF,
    FR_POSSESSIVES,
    FR_TIME_WORDS,
    INCISE_ADVERBIALS,
    TIME_WORDS,
)
from allegiance.models import Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def _person_after_comma(
    ctx: QuoteContext,
    noun: Token,
    reach: int,
    pos: set[str],
    inside=None,  # type: ignore[no-untyped-def]
) -> Speaker | None:
    """The person whose name starts right after the comma that ends ``noun``'s phrase (the
    phrase: up to ``reach`` words of the ``pos`` classes after the noun; an acronym in
    brackets is not counted, ``son camarade au sein du groupe Les Républicains (LR), X``)."""
    doc = ctx.doc
    k = noun.i + 1
    words = 0
    while k < len(doc):
        bracket = _bracketed_acronym(doc, k)
        if bracket:
            k += bracket
        elif words < reach and doc[k].pos_ in pos:
            k += 1
            words += 1
        else:
            break
    if k + 1 >= len(doc) or doc[k].text != "," or (inside is not None and inside(doc[k + 1])):
        return None
    k += 1
    # ``, le docteur Jean Dupont``, ``, Me Jean Dupont``: a title before the name
    for _ in range(2):
        if k + 1 < len(doc) and doc[k].pos_ in {"DET", "NOUN"} and ctx.mention_of(doc[k]) is None:
            k += 1
        else:
            break
    ref = ctx.mention_of(doc[k])
    if ref is None or ref.entity.type != "person" or ref.start != doc[k].idx:
        return None
    if inside is not None and inside(doc[k]):
        return None
    return Speaker(
        ref.entity.id,
        ref.entity.name,
        Span(ctx.text[ref.start : ref.end], ref.start, ref.end),
    )


def _bracketed_acronym(doc: Doc, k: int) -> int:
    """The length of ``( LR )`` starting at token ``k``: one or two words in brackets."""
    for n in (3, 4):
        if k + n - 1 < len(doc) and doc[k].text == "(" and doc[k + n - 1].text == ")":
            return n
    return 0


def apposed_name(ctx: QuoteContext, noun: Token) -> Speaker | None:
    """The person named right after ``noun`` and a comma (``le PDG, Jean Dupont``, ``le
    directeur général adjoint, …``)."""
    return _person_after_comma(ctx, noun, 4, {"ADJ", "ADP", "DET", "NOUN"})


def skip_addressee(ctx: QuoteContext, i: int) -> int:
    """Past the prepositional phrases between an incise verb and its inverted subject: the
    addressee or the channel (``», a expliqué à Radio X le docteur Y``, ``», a assuré dans un
    communiqué le colonel Y``), several of them set off by commas with words of time (``», a
    expliqué dans Y Matin, ce mercredi sur RMC, le procureur Z``). Only when a subject (a
    determiner or a person's name) follows: a subject never takes a preposition, so the
    inverted one comes after them all."""
    doc = ctx.doc
    if i + 1 < len(doc) and doc[i].text == "," and _subject_at(ctx, i + 1, False):
        return i + 1  # ``», abonde de son côté, Karim``: the comma after an adverbial
    k = i
    for _ in range(3):
        end, after_name = _complement_end(ctx, k)
        if end == k:
            return i
        nxt = skip_adverbial(doc, end)  # ``à l'AFP mardi le ministre``
        if _subject_at(ctx, nxt, after_name and nxt == end):
            return nxt
        if end >= len(doc) or doc[end].text != ",":
            return i
        k = skip_adverbial(doc, end + 1)  # ``dans Y Matin, ce mercredi sur RMC, …``
        if k < len(doc) and doc[k].text == "," and k > end + 1:
            k += 1  # ``dans Y, mercredi, le procureur``
        if _subject_at(ctx, k, False):
            return k  # the comma closed the complements: ``…, le procureur Z``
    return i


def _subject_at(ctx: QuoteContext, k: int, after_name: bool) -> bool:
    """A subject opens at ``k``: a determiner or a person's name (any name right after
    another one: ``à l'AFP Renault``)."""
    doc = ctx.doc
    if k >= len(doc):
        return False
    nxt = doc[k]
    ref = ctx.mention_of(nxt)
    return nxt.lower_ in DEFINITE["fr"] | FR_POSSESSIVES | {"un", "une"} or (
        ref is not None and ref.start == nxt.idx and (ref.entity.type == "person" or after_name)
    )


def _complement_end(ctx: QuoteContext, i: int) -> tuple[int, bool]:
    """The end of the prepositional phrase opening at ``i`` (``i`` itself when none opens
    there), and whether it ends on a name."""
    doc = ctx.doc
    if i >= len(doc) or doc[i].lower_ == "par":
        return i, False
    # ``», a affirmé d'une voix émue la secrétaire X``, ``d'un ton sec``: a manner complement
    # opens on ``de`` and an indefinite article; another ``de`` is no such complement
    manner = doc[i].lower_ in {"de", "d'"} and i + 1 < len(doc) and doc[i + 1].lower_ in _MANNER
    if doc[i].lower_ in {"de", "d'"} and not manner:
        return i, False
    if doc[i].pos_ != "ADP" and doc[i].lower_ not in _COMPOUND_PREPOSITIONS:
        return i, False
    k = i + 1
    if (
        k < len(doc)
        and doc[i].lower_ in _COMPOUND_PREPOSITIONS
        and doc[k].lower_ in {"de", "d'", "à", "au", "aux"}
    ):
        k += 1  # ``auprès de l'AFP``, ``face à X``
    if k < len(doc) and doc[k].pos_ == "DET":
        k += 1
    start = k
    after_name = False
    while k < len(doc) and k < start + 6:
        if k > start and doc[k].lower_ in FR_OF and doc[k - 1].pos_ == "NOUN":
            # ``au micro de France Inter``, ``dans les colonnes du Monde``: the channel's noun
            # and the name of the outlet it belongs to
            k += 2 if k + 1 < len(doc) and doc[k + 1].pos_ == "DET" else 1
            continue
        ref = ctx.mention_of(doc[k])
        if ref is not None and ref.start == doc[k].idx:
            if k > start and (ref.entity.type == "person" or after_name):
                break  # ``à l'AFP Jean Dupont``, ``à l'AFP Renault``: the name starts the subject
            named = doc.char_span(ref.start, ref.end, alignment_mode="expand")
            k = max(k + 1, named.end) if named is not None else k + 1  # a name, whatever its tags
            after_name = True
        elif doc[k].text in {'"', "«", "“"} and k > start and (close := _title_end(doc, k)):
            k = close  # ``sur le plateau des "Vraies Voix"``: a show's title
            after_name = True
        elif after_name and doc[k].lower_ == "et" and _second_channel(ctx, k + 1):
            k += 1  # ``sur RMC et RMC Story``: two channels
            after_name = False
        elif doc[k].pos_ in {"NOUN", "PROPN", "ADJ", "X"} or (
            manner and k > start and (_adjectival(doc[k]) or doc[k].pos_ == "ADV")
        ):  # ``d'une voix très émue``: the manner's adjectives, a participle read as a verb
            k += 1
            after_name = False
        else:
            break
    if k == start or k >= len(doc):
        return i, False
    return k, after_name


#: the closing mark that pairs with each opening one
_CLOSING_MARK = {'"': '"', "«": "»", "“": "”"}


def _title_end(doc: Doc, k: int) -> int:
    """The index after the closing mark of a short capitalised title opening at ``k`` (the
    opening mark), else 0."""
    if k + 1 >= len(doc) or not doc[k + 1].text[:1].isupper():
        return 0
    closing = _CLOSING_MARK.get(doc[k].text)
    for j in range(k + 2, min(len(doc), k + 7)):
        if doc[j].text == closing:
            return j + 1
        if doc[j].is_punct:
            return 0
    return 0


def _second_channel(ctx: QuoteContext, k: int) -> bool:
    """A name at ``k`` that is no person's (``et RMC Story``): a second outlet or place after
    ``et``, whereas ``et Jean Dupont`` may start a second speaker."""
    doc = ctx.doc
    if k >= len(doc) or doc[k].pos_ != "PROPN":
        return False
    ref = ctx.mention_of(doc[k])
    return ref is None or ref.entity.type != "person"


def _adjectival(tok: Token) -> bool:
    """An adjective or a past participle used as one (``émue``, which the tagger reads as a
    verb)."""
    return tok.pos_ == "ADJ" or (tok.pos_ == "VERB" and "Part" in tok.morph.get("VerbForm", []))


#: the indefinite articles of a manner complement (``d'une voix émue``, ``d'un ton sec``)
_MANNER = frozenset({"un", "une"})
#: prepositions written with ``de`` or ``à`` before the addressee or channel (``auprès de
#: l'AFP``, ``face à X``)
_COMPOUND_PREPOSITIONS = frozenset({"auprès", "lors", "près", "face"})


def incise_description(ctx: QuoteContext, i: int, inside) -> Speaker | None:  # type: ignore[no-untyped-def]
    """``», a affirmé le ministre de la Santé, Jean Dupont``, ``», estime sa directrice, X``:
    an inverted description followed by a name in apposition: the name speaks, not a body
    named inside the description (``la Santé``)."""
    doc = ctx.doc
    if i + 1 >= len(doc) or doc[i].lower_ not in DEFINITE["fr"] | FR_POSSESSIVES:
        return None
    noun = doc[i + 1]
    if noun.pos_ != "NOUN" or inside(noun):
        return None
    # ``le ministre français de l'Économie, …``
    after_comma = _person_after_comma(ctx, noun, 6, {"ADJ", "ADP", "DET", "NOUN", "PROPN"}, inside)
    return after_comma or _person_closing_description(ctx, noun, inside)


#: prepositions after which a name is whom the speaker faced or addressed, not the speaker
_ADDRESSING = frozenset(
    {"devant", "face", "contre", "avec", "chez", "auprès", "envers", "vers", "sans", "malgré"}
)


def _person_closing_description(ctx: QuoteContext, noun: Token, inside) -> Speaker | None:  # type: ignore[no-untyped-def]
    """``», a déclaré le chef par intérim du Parti libéral (PLQ) Marc Tanguay.``: a person's
    name with no comma closing the inverted description is its subject; the body named in
    the description's complement is where the person works, not who speaks."""
    doc = ctx.doc
    k = noun.i + 1
    last = None
    while k < len(doc) and k <= noun.i + 12:
        tok = doc[k]
        if not (
            tok.pos_ in {"ADJ", "ADP", "DET", "NOUN", "PROPN", "ADV", "NUM"}
            or tok.text in "()"
            or _portfolio_participle(tok)
        ):
            break
        if last is not None and tok.pos_ == "ADP" and tok.lower_ not in FR_OF:
            break  # ``… Marc Tanguay sur Europe 1``: the name closes the phrase before a channel
        if tok.lower_ in _ADDRESSING:
            break  # ``a lancé le ministre devant le député X``: X is whom he faced
        ref = ctx.mention_of(tok)
        if ref is not None and ref.entity.type == "person" and not inside(tok):
            # ``l'avocat de X``: a name right after ``de`` is whom the speaker is related to;
            # ``l'avocat du gardien de la paix X``: a name after a person noun of the
            # complement is that person's (``l'avocate du policier Me X``: the title says)
            related = _after_of(doc, ref.start, noun.i) or inner_person_name(ctx, noun, ref.start)
            last = None if related else ref
        k += 1
    if last is None or last.end < doc[k - 1].idx + len(doc[k - 1].text):
        return None  # the name must close the phrase
    span = Span(ctx.text[last.start : last.end], last.start, last.end)
    return Speaker(last.entity.id, last.entity.name, span)


def _portfolio_participle(tok: Token) -> bool:
    """``le ministre chargé du Budget X``: a past participle describing the noun whose
    complement is a capitalised portfolio; not ``le gendarme chargé de l'enquête sur … la
    petite X`` nor ``le policier mis en cause dans la mort du jeune X``, whose complements
    lead to someone else's name."""
    if tok.dep_ != "acl" or tok.morph.get("VerbForm", []) != ["Part"]:
        return False
    complement = next((c for c in tok.children if c.dep_.startswith("obl") and c.i > tok.i), None)
    return complement is not None and complement.pos_ == "NOUN" and complement.text[:1].isupper()


def _after_of(doc: Doc, start: int, lo: int) -> bool:
    """The name starting at offset ``start`` follows ``de`` (maybe with a determiner or a
    civil title: ``à l'adresse de M. Mikati``)."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    k = first.start - 1 if first is not None else lo
    if k > lo and (doc[k].pos_ == "DET" or doc[k].lower_ in FR_HONORIFICS):
        k -= 1
    return k > lo and doc[k].text in {"de", "d'", "du", "des"}


#: French object clitics that stand before the verb of an incise (``», nous a confié X``,
#: ``», m'a dit X``): an incise always inverts its subject, so these are never its subject
OBJECT_CLITICS = frozenset({"nous", "vous", "me", "m'", "te", "t'", "lui", "leur"})
#: the reflexive clitic of a pronominal verb (``se réjouir``, ``s'indigner``)
REFLEXIVE = frozenset({"se", "s'"})


#: verbs that lead an infinitive speech verb in an incise (``», est venu dire X``, ``», a
#: tenu à rappeler X``, ``», vient de déclarer X``, ``», a voulu rassurer X``)
_LEADING_VERBS = frozenset({"venir", "tenir", "vouloir", "souhaiter", "revenir"})


def after_closing_mark(tok: Token) -> bool:
    """``» indique``, ``», conclut``: the verb follows a closing mark (maybe with a comma); or
    ``comme l'explique X``, ``comme le rapporte X``, the other French inversion."""
    doc = tok.doc
    k = tok.i - 1
    if k >= 1 and doc[k].lower_ in {"l'", "le", "l"} and doc[k - 1].lower_ == "comme":
        return True
    if "Inf" in tok.morph.get("VerbForm", []) and k >= 1:
        # ``», est venu dire le directeur``, ``», a tenu à préciser X``: a verb leading the
        # infinitive cue inverts the subject of both
        if doc[k].lower_ in {"à", "de", "d'"}:
            k -= 1
        if doc[k].lemma_.lower() not in _LEADING_VERBS:
            return False
        k -= 1
    j = k  # ``», a ainsi assuré X``: adverbs after the auxiliary, and the phrases of
    # :data:`INCISE_ADVERBIALS` (``», a en revanche salué X``, ``», a de son côté indiqué X``)
    for _ in range(4):
        if j < 1:
            break
        start = _adverbial_ending_at(doc, j)
        if start is not None:
            j = start - 1
        elif doc[j].pos_ == "ADV":
            j -= 1
        else:
            break
    if j < k and doc[j].pos_ == "AUX" and doc[j + 1].is_lower:
        k = j
    stop = k - 2
    while k >= 0 and k > stop and doc[k].pos_ == "AUX":
        k -= 1  # ``», a répondu le président``: the compound past inverts as well
    if k >= 0 and doc[k].lower_ in OBJECT_CLITICS | REFLEXIVE:
        # ``», nous a confié le ministre``: the clitic is whom he told, not who; ``», s'est
        # félicité le PDG``: a pronominal verb inverts its subject like any other
        k -= 1
    if k >= 0 and doc[k].text == ",":
        k -= 1
        k = _past_trailing_complement(doc, k)
    return k >= 0 and doc[k].text in {"»", "”", '"'}


def _past_trailing_complement(doc, k: int) -> int:  # type: ignore[no-untyped-def]
    """``« … » en France, déclare X``, ``« … » concernant Y, a déclaré X``: the author may close
    the sentence the quote began with a short complement before the incise (five words at
    most, no verb but a topic participle opening it; a time phrase opened by ``lors de``,
    ``pendant``, nine at most). The index of the closing mark before it,
    else ``k``."""
    j = k
    while j >= 0 and k - j < _TRAILING_WORDS and doc[j].text not in {"»", "”", '"'}:
        topic = doc[j].lower_ in _TOPIC_PARTICIPLES and doc[j - 1].text in {"»", "”", '"'}
        if (doc[j].pos_ in ("VERB", "AUX", "PUNCT") and not topic) or doc[j].is_space:
            return k
        j -= 1
    if j < 0 or j == k or doc[j].text not in {"»", "”", '"'}:
        return k
    first = doc[j + 1]
    # ``« … » en France, déclare X``; ``« … » concernant Y, a déclaré X``: the topic of the words;
    # ``« … » lors de l'audition, a dénoncé X``: when
    if first.lower_ in {"lors", "pendant", "durant"} and _opens_sentence(doc, j):
        return j
    return j if (first.pos_ == "ADP" and k - j <= 6) or first.lower_ in _TOPIC_PARTICIPLES else k


def _opens_sentence(doc, close: int) -> bool:  # type: ignore[no-untyped-def]
    """The quote closing at ``close`` opened its sentence: no author's words (a subject, a
    cue of its own: ``X a parlé d'« un gâchis » pendant …``) before its opening mark."""
    sent_start = doc[close].sent.start
    # the parser may leave the opening mark alone as the sentence before
    for k in range(close - 1, max(sent_start - 2, -1), -1):
        if doc[k].text in {"«", "“", '"'}:
            opened = (
                k >= sent_start
                or k == 0
                or doc[k - 1].is_space
                or doc[k - 1].text in {".", "!", "?", ":", "»", "”", "…", ";"}
            )
            return opened and all(t.is_punct or t.is_space for t in doc[sent_start:k])
    return False


#: the most words a complement between a quote's closing mark and its incise may have (a
#: time phrase, ``lors de l'audition des représentants de TikTok``; others five at most)
_TRAILING_WORDS = 10

#: participles that open a short topic after a quote, before its incise
_TOPIC_PARTICIPLES = frozenset({"concernant", "visant", "évoquant"})


def is_incise_position(ctx: QuoteContext, tok: Token) -> bool:
    """Right after a closing mark or a comma that follows one, and before the inverted subject
    (``» critique Jean Dupont``, ``», analyse la chercheuse``, ``», indique-t-il``)."""
    doc = ctx.doc
    if tok.i == 0 or tok.i + 1 >= len(doc):
        return False
    k = tok.i - 1
    if doc[k].lower_ in REFLEXIVE and k > 0:
        k -= 1  # ``», s'indigne X``, ``», se réjouit la maire``
    prev = doc[k]
    if prev.text == "," and _inverted_name_ends(ctx, tok):
        return True  # ``…, note aussi la Drees.``: the name closes the sentence
    if prev.text == "," and k > 0:
        prev = doc[k - 1]
    if prev.text not in {"»", "”", '"'}:
        return False
    k = tok.i + 1
    if not doc[k].text.startswith("-"):
        # ``», abonde de son côté, X``, ``», raconte à RMC X``: past adverbials and the
        # outlet spoken to, then a comma
        k = skip_adverbial(doc, k)
        k = _complement_end(ctx, k)[0]
        if k < len(doc) - 1 and doc[k].text == "," and k > tok.i + 1:
            k += 1
    if k >= len(doc):
        return False
    nxt = doc[k]
    if nxt.lower_ in FR_HONORIFICS and nxt.text[:1].isupper() and k + 1 < len(doc):
        nxt = doc[k + 1]  # ``», analyse Maître X``: the name behind the civil title
    return (
        nxt.text.startswith("-") or nxt.pos_ in {"PROPN", "DET"} or ctx.mention_of(nxt) is not None
    )


def _inverted_name_ends(ctx: QuoteContext, tok: Token) -> bool:
    """After ``tok`` (and an adverbial) comes a named actor, then the end of the clause."""
    doc = ctx.doc
    k = skip_adverbial(doc, tok.i + 1)
    if k < len(doc) and doc[k].lower_ in DEFINITE["fr"]:
        k += 1
    if k >= len(doc):
        return False
    ref = ctx.mention_of(doc[k])
    if ref is None or ref.start != doc[k].idx:
        return False
    end = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if end is None:
        return False
    nxt = end.end
    return nxt >= len(doc) or doc[nxt].text in {".", ",", ";", "!", "?"} or doc[nxt].is_space


#: words that may stand between a French subject and its verb (``X a également estimé``,
#: ``X lui a dit``, ``X ne pense pas``)
_SUBJECT_VERB_GAP = {"AUX", "ADV", "PART"}
_CLITICS = {
    "lui",
    "leur",
    "l'",
    "le",
    "la",
    "les",
    "se",
    "s'",
    "y",
    "en",
    "ne",
    "n'",
    "me",
    "m'",
}


def name_before(ctx: QuoteContext, cue: Token, inside) -> Speaker | None:  # type: ignore[no-untyped-def]
    """``Ivan Du Roy pense qu'…``: in French word order a name right before the verb (past
    auxiliaries, adverbs and clitics) is its subject, whatever the parse of a long run-on
    sentence says."""
    doc = ctx.doc
    k = cue.i - 1
    floor = cue.i - 5
    while k >= 0 and k > floor:
        if doc[k].pos_ in _SUBJECT_VERB_GAP or doc[k].lower_ in _CLITICS:
            k -= 1
            continue
        # ``X a de son côté promis``: an adverbial phrase between the auxiliary and the verb
        start = _adverbial_ending_at(doc, k)
        if start is None:
            break
        floor -= k - start + 1
        k = start - 1
    if k < 0 or k == floor or inside(doc[k]):
        return None
    if doc[k].text == ",":
        return _apposed_subject(ctx, k, inside)
    if doc[k].is_punct:
        return None
    ref = ctx.mention_of(doc[k])
    if ref is None or ref.entity.type not in {"person", "organization"}:
        return None
    if ref.end < doc[k].idx + len(doc[k].text):
        return None  # the name must end right there, not run on past the verb's left
    first = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if first is not None and first.start > 0 and doc[first.start - 1].pos_ == "ADP":
        return None  # ``selon X``, ``à X``, ``de X``: a complement, not the subject
    return ref.speaker(ctx.text)


def _adverbial_ending_at(doc, k: int) -> int | None:  # type: ignore[no-untyped-def]
    """The first index of a phrase of :data:`INCISE_ADVERBIALS` of several words ending at
    ``k`` (``de son côté``), else None."""
    for phrase in INCISE_ADVERBIALS:
        first = k - len(phrase) + 1
        if (
            len(phrase) > 1
            and first >= 0
            and all(doc[first + j].lower_ == w for j, w in enumerate(phrase))
        ):
            return first
    return None


def _apposed_subject(ctx: QuoteContext, comma: int, inside) -> Speaker | None:  # type: ignore[no-untyped-def]
    """``Contacté par X, l'avocat de Y, Me Jean Dupont, assure que …``: a person's name set
    between commas right before the verb is in apposition to its subject (the parser often
    loses that subject under a fronted participle)."""
    doc = ctx.doc
    k = comma - 1
    if k < 1 or inside(doc[k]):
        return None
    ref = ctx.mention_of(doc[k])
    if ref is None or ref.entity.type != "person" or ref.end != doc[k].idx + len(doc[k].text):
        role_comma = _role_apposition_start(doc, comma)
        # ``…, X, maire de Y, en a remis …``: the role set after the name, then the name
        return _apposed_subject(ctx, role_comma, inside) if role_comma is not None else None
    if not set_off_by_comma(doc, ref.start):
        return None
    return Speaker(
        ref.entity.id,
        ref.entity.name,
        Span(ctx.text[ref.start : ref.end], ref.start, ref.end),
    )


def set_off_by_comma(doc: Doc, start: int) -> bool:
    """The name at offset ``start`` follows a comma, over a civil title (``, Me Y,``): an
    apposition, not the complement of the subject's noun (``l'entourage du président X``)."""
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    if first is None or first.start < 1:
        return False
    k = first.start - 1
    if doc[k].lower_ in {"me", "maître", "m.", "mme", "dr"} and k > 0:
        k -= 1
    return doc[k].text == ","


def _role_apposition_start(doc: Doc, comma: int) -> int | None:
    """The comma opening a short lower-case role apposition that ends at ``comma`` (``, maire
    de Saint-Hilaire,``), with no verb in it; None otherwise."""
    j = comma - 1
    while j > max(0, comma - 8) and doc[j].text != "," and doc[j].pos_ not in {"VERB", "AUX"}:
        j -= 1
    if j < 1 or doc[j].text != "," or j + 1 >= comma or not doc[j + 1].is_lower:
        return None
    return j if doc[j + 1].pos_ in {"NOUN", "ADJ"} else None


def skip_adverbial(doc, i: int) -> int:  # type: ignore[no-untyped-def]
    """The index after the adverbials starting at ``i`` (else ``i``): phrases of
    :data:`INCISE_ADVERBIALS`, manner adverbs (``», a répondu sèchement le président``) and
    French words of time (``», a déclaré jeudi soir la directrice, X``), in any sequence: an
    inverted subject comes after them all."""
    k = i
    while k < len(doc):
        start = k
        while k < len(doc) and doc[k].pos_ == "ADV" and doc[k].lower_.endswith("ment"):
            k += 1
        for phrase in INCISE_ADVERBIALS:
            end = k + len(phrase)
            if end <= len(doc) and all(doc[k + j].lower_ == w for j, w in enumerate(phrase)):
                k = end
                while len(phrase) > 2 and k < len(doc) and doc[k].pos_ == "ADJ":
                    k += 1  # ``dans un message distinct``: the channel noun's adjectives
                break
        while k < len(doc) and _time_word(doc, k):
            k += 1
        k = _date_end(doc, k)
        k = _period_end(doc, k)
        if k == start:
            return k
    return k


def _date_end(doc, k: int) -> int:  # type: ignore[no-untyped-def]
    """The index after a date starting at ``k`` (else ``k``): ``le 14 décembre``, ``14
    décembre 2022``, ``le 1er mars``, ``le mardi 14 août``: a day number then a month, the
    article, weekday and year optional.
    A number alone is not taken: ``le 14`` may open a subject (``le 14e régiment``)."""
    i = k + (k < len(doc) and doc[k].lower_ == "le")
    if i < len(doc) and doc[i].lower_ in FR_TIME_WORDS:
        i += 1  # ``le mardi 14 août``
    if i + 1 >= len(doc) or doc[i + 1].lower_ not in month_names("fr"):
        return k
    day = doc[i].lower_
    if day != "1er" and not (day.isdecimal() and 1 <= int(day) <= 31):
        return k
    i += 2
    if i < len(doc) and doc[i].text.isdigit() and len(doc[i].text) == 4:
        i += 1
    return i


#: periods a determiner and ``dernier``/``prochain`` make a time adverbial (``l'été dernier``,
#: ``la semaine prochaine``, ``cette année``)
_PERIODS = frozenset(
    {"an", "année", "mois", "semaine", "été", "hiver", "printemps", "automne", "week-end"}
)
_PERIOD_DETERMINERS = frozenset({"l'", "le", "la", "ce", "cet", "cette"})
_PERIOD_ADJECTIVES = frozenset({"dernier", "dernière", "prochain", "prochaine", "passé", "passée"})


def _period_end(doc, k: int) -> int:  # type: ignore[no-untyped-def]
    """The index after a period phrase starting at ``k`` (else ``k``): ``l'été dernier``,
    ``la semaine passée``, ``cette année``. A demonstrative needs no adjective; an article does
    (``l'an`` alone may be a subject's start)."""
    if k + 1 >= len(doc) or doc[k].lower_ not in _PERIOD_DETERMINERS:
        return k
    if doc[k + 1].lower_ not in _PERIODS:
        return k
    if k + 2 < len(doc) and doc[k + 2].lower_ in _PERIOD_ADJECTIVES:
        return k + 3
    return k + 2 if doc[k].lower_ in {"ce", "cet", "cette"} else k


def _time_word(doc, k: int) -> bool:  # type: ignore[no-untyped-def]
    """``jeudi``, ``hier soir``, ``ce lundi``, ``lundi dernier``: a word of time (``ce`` only
    before one)."""
    low = doc[k].lower_
    if low in {"ce", "cet"}:  # not ``ce dernier``, the actor named last
        return k + 1 < len(doc) and doc[k + 1].lower_ in FR_TIME_WORDS - {"dernier"}
    if low == "dernier":
        return k > 0 and doc[k - 1].lower_ in FR_TIME_WORDS
    return low in FR_TIME_WORDS


def is_time(tok: Token) -> bool:
    """A date or time word (``Monday``, ``Friday afternoon``): never a speaker."""
    return tok.ent_type_ in {"DATE", "TIME"} or tok.lower_ in TIME_WORDS


def incise_verb(ctx: QuoteContext, after: list[Token]) -> Token | None:
    """The verb of an incise right after a closing mark (``», sourit X``, ``», s'emporte
    X``, ``», a éludé le ministre``), whatever verb it is, when a named actor or a definite
    description follows it as its inverted subject: French puts a subject after its verb there
    only in an incise of saying."""
    doc = ctx.doc
    k = 0
    while k < len(after) and (after[k].text == "," or after[k].lower_ in REFLEXIVE):
        k += 1
    while k < len(after) and after[k].pos_ == "AUX":
        k += 1
    if k >= len(after):
        return None
    verb = after[k]
    reflexive = verb.i > 0 and doc[verb.i - 1].lower_ in REFLEXIVE
    if not (verb.pos_ == "VERB" or reflexive) or not verb.text.islower():
        return None
    if not after_closing_mark(verb):
        return None
    i = skip_adverbial(doc, _after_locution(doc, verb))
    if i >= len(doc):
        return None
    first = doc[i]
    if first.lower_ in FR_HONORIFICS and i + 1 < len(doc) and doc[i + 1].text[:1].isupper():
        first = doc[i + 1]  # ``», a amorcé Me Durand``: the name behind the civil title
    ref = ctx.mention_of(first)
    named = ref is not None and ref.start == first.idx
    described = (
        first.lower_ in DEFINITE["fr"] | FR_POSSESSIVES
        and i + 1 < len(doc)
        and doc[i + 1].pos_ == "NOUN"
        and ctx.can_speak(doc[i + 1])
    )
    return verb if named or described else None


def _after_locution(doc, verb: Token) -> int:  # type: ignore[no-untyped-def]
    """The index after the fixed rest of a verbal locution (``», avait mis en garde X``,
    ``», a fait savoir X``, ``», a pris acte X``): a bare noun behind ``en`` or none, or an
    infinitive after ``faire``, set between the verb and its inverted subject."""
    i = verb.i + 1
    if i + 1 < len(doc) and doc[i].lower_ == "en" and doc[i + 1].pos_ == "NOUN":
        return i + 2 if doc[i + 1].text.islower() else i
    if i < len(doc) and doc[i].pos_ == "NOUN" and doc[i].text.islower() and doc[i].dep_ == "obj":
        return i + 1 if not any(c.dep_ == "det" for c in doc[i].children) else i
    if verb.lemma_ == "faire" and i < len(doc) and "Inf" in doc[i].morph.get("VerbForm", []):
        return i + 1
    return i


#: prepositions locating the impersonal ``on`` at a body: ``à Matignon``, ``chez Renault``,
#: ``auprès du ministère``, ``au sein de la CGT``, ``du côté de X``, ``côté X``
_BODY_PLACES = frozenset({"à", "au", "aux", "chez", "auprès", "sein", "côté"})
#: ``dans l'entourage de X``, ``parmi les proches``: people around X, nobody named
_CIRCLE_PLACES = frozenset({"dans", "parmi", "entre"})


def impersonal_body(ctx: QuoteContext, on: Token, cue: Token, inside) -> Speaker:  # type: ignore[no-untyped-def]
    """The speaker of a cue whose subject is the impersonal ``on``: the body the sentence
    locates it at (``», indique-t-on à Matignon``, ``fait-on valoir chez Renault``, ``Chez
    Renault, on assure que …``, ``Du côté de la CGT, on …``), a news outlet excepted (``a-t-on
    indiqué à l'AFP`` names whom it was told). Else the unnamed ``on``: never a pronoun with an
    antecedent, and ``dans l'entourage de X`` is X's circle, not X."""
    doc = ctx.doc
    unnamed = Speaker(None, on.text, Span(on.text, on.idx, on.idx + len(on.text)))
    sent = on.sent
    # after the verb: ``indique-t-on à Matignon``, ``fait-on valoir chez X`` (to the clause end)
    k = max(on.i, cue.i) + 1
    stop = min(sent.end, k + 8)
    while k < stop and not doc[k].is_punct and not inside(doc[k]):
        low = doc[k].lower_
        if low in _CIRCLE_PLACES:
            return unnamed
        if low in {"que", "qu'"}:
            break  # the reported clause begins
        if low in _BODY_PLACES:
            return _body_after(ctx, k) or unnamed
        k += 1
    # before: ``Chez Renault, on assure …``, ``À Matignon, on …``: the clause opens on the place
    if on.i >= 2 and doc[on.i - 1].text == "," and on.i < cue.i + 2:
        first = sent.start
        while first < on.i and doc[first].text in {"«", "»", '"', "“", "”"}:
            first += 1
        if doc[first].lower_ in _BODY_PLACES | {"du"} and not inside(doc[first]):
            body = _body_after(ctx, first)
            if body is not None and _ends_before(ctx, body, on.i - 1):
                return body
    return unnamed


def _body_after(ctx: QuoteContext, k: int) -> Speaker | None:
    """The organisation named right after the place word at ``k`` (past ``de``, ``côté de``
    and an article), when it is not a news outlet."""
    doc = ctx.doc
    j = k + 1
    while (
        j < len(doc)
        and j <= k + 3
        and (doc[j].lower_ in {"de", "d'", "du", "des", "côté", "sein", "l'", "la", "le", "les"})
    ):
        j += 1
    if j >= len(doc):
        return None
    ref = ctx.mention_of(doc[j])
    if ref is None or ref.entity.type != "organization" or ref.start > doc[j].idx:
        return None
    if is_outlet(ctx, ref):
        return None
    return ref.speaker(ctx.text)


def _ends_before(ctx: QuoteContext, body: Speaker, comma: int) -> bool:
    """The body's name ends right at the comma before ``on`` (``Chez Renault, on``)."""
    if body.mention is None:
        return False
    return not ctx.text[body.mention.end : ctx.doc[comma].idx].strip()
