"""Verb chains the French parser breaks: the auxiliary of a compound tense set apart from its
participle, the object a charge is laid on, the end of a ``selon`` source phrase.

AFP copy puts adverbials between the auxiliary and the participle (``a une nouvelle fois
affirmé``, ``a, dans un communiqué, dénoncé``, ``a, lundi, accusé``) and uses the causative
``a fait savoir``; the parser then hangs the subject on the auxiliary (or on ``fait``), cuts the
clause at the commas, or reads the participle as qualifying a noun. These helpers find the
auxiliary and its subject on the surface, for :mod:`allegiance.extract.cue_speakers`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from allegiance.extract.frames import lemma_guesses
from allegiance.extract.incise_subjects import is_time, skip_adverbial
from allegiance.extract.quote_context import MentionRef, QuoteContext
from allegiance.extract.source_nouns import can_name_speaker
from allegiance.extract.speaker_words import FR_TIME_WORDS
from allegiance.models import Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

#: subject dependencies (as :data:`allegiance.extract.cue_speakers.SUBJ_DEPS`), with the
#: expletive a name may be read as
_SUBJECTS = {"nsubj", "nsubj:pass", "nsubjpass", "csubj", "expl:subj"}


def charged_object(cue: Token, tok: Token) -> bool:
    """``accuse Pékin de « … »``, ``qualifie l'offre d'« … »``: ``tok`` is the object a charge
    or a label (a ``de`` complement of the cue after it) is laid on, not the one who speaks."""
    if tok.dep_ not in {"obj", "iobj", "xcomp"} or tok.head.i != cue.i:
        return False
    return any(
        c.i > tok.i
        and any(k.lower_ in {"de", "d'"} for k in c.children if k.i < c.i)
        # ``, a expliqué Henri de Castries``: a name's particle the parser cut off, not a charge
        and not _name_particle(tok, c)
        for c in cue.children
        if c.dep_ in {"obl:arg", "obl", "xcomp", "obl:mod"}
    )


def _name_particle(tok: Token, complement: Token) -> bool:
    """``Henri de Castries``: a capitalised name, ``de`` and a capitalised name of one
    entity (the NER's span runs over all three)."""
    doc = tok.doc
    return (
        complement.i == tok.i + 2
        and doc[tok.i + 1].lower_ in {"de", "d'"}
        and tok.ent_iob_ in {"B", "I"}
        and complement.ent_iob_ == "I"
        and doc[tok.i + 1].ent_iob_ == "I"
    )


#: finite forms of ``avoir``, the auxiliary of the compound tenses of speech verbs
_AVOIR_FINITE = frozenset(
    {"a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient", "avons", "avez"}
)
#: words of the short adverbials French puts between the auxiliary and the participle with no
#: commas (``a une nouvelle fois affirmé``, ``a de nouveau dénoncé``, ``a pour sa part estimé``,
#: ``a lui aussi affirmé``); adverbs pass anyway
_AUX_GAP_WORDS = frozenset(
    {
        "une",
        "nouvelle",
        "fois",
        "cette",
        "de",
        "nouveau",
        "à",
        "encore",
        "pour",
        "sa",
        "son",
        "leur",
        "part",
        "côté",
        "lui",
        "elle",
        "eux",
        "elles",
        "lui-même",
        "elle-même",
        "eux-mêmes",
        "aussi",
    }
)


def bare_participle_of(verb: Token, cue: Token) -> bool:
    """``verb`` is a past participle with no auxiliary nor subject of its own, governing a
    clause after it, and ``cue`` a compound tense: ``a accusé … et prévenu que …``."""
    bare = (
        "Part" in verb.morph.get("VerbForm", [])
        and "Past" in verb.morph.get("Tense", [])
        and not any(c.dep_.startswith(("aux", "nsubj")) for c in verb.children)
        # with ``avoir`` the participle stays masculine singular: ``et déterminés à …``
        # agrees with a subject, so it is an adjective of the clause, not a second act
        and "Plur" not in verb.morph.get("Number", [])
        and "Fem" not in verb.morph.get("Gender", [])
    )
    compound_cue = any(c.dep_ == "aux:tense" for c in cue.children)
    governs = any(c.dep_ in {"ccomp", "xcomp"} and c.i > verb.i for c in verb.children)
    return bare and compound_cue and governs


def shares_cue_auxiliary(verb: Token, cue: Token) -> bool:
    """A bare past participle (:func:`bare_participle_of`) that the parser joined to a finite
    verb of the cue's reported clause: it cannot share that verb's tense, so it shares the
    cue's auxiliary and subject (``a réaffirmé que X soutenait … mais refusé de « … »``: what
    the speaker did next, not part of what was reported)."""
    joined = verb.head
    return (
        bare_participle_of(verb, cue)
        and verb.dep_ == "conj"
        and joined.i > cue.i
        and joined.pos_ in {"VERB", "AUX"}
        and "Fin" in joined.morph.get("VerbForm", [])
    )


def auxiliary_before(cue: Token) -> Token | None:
    """The ``avoir`` of the cue's compound tense (or the ``faire`` of ``a fait savoir``) when an
    adverbial stands between them: with no commas, a short adverbial of :data:`_AUX_GAP_WORDS`
    (``a une nouvelle fois affirmé``) or phrases of an incise (``a par ailleurs souligné``,
    ``a au contraire estimé``); between commas, any phrase without a verb (``a, dans un
    communiqué, dénoncé``, ``a, lundi, accusé``)."""
    doc = cue.doc
    if cue.i == 0:
        return None
    prev = doc[cue.i - 1]
    if prev.lemma_.lower() == "faire" and prev.pos_ in {"VERB", "AUX"}:
        return prev  # ``a fait savoir``: the subject hangs on ``fait`` or its auxiliary
    if "Part" not in cue.morph.get("VerbForm", []) or prev.lower_ in _AVOIR_FINITE:
        return None  # no gap: the parse links the auxiliary
    floor = max(cue.sent.start - 3, cue.i - 12, 0)
    if prev.text == ",":
        k = cue.i - 2
        while k > floor and doc[k].text != ",":
            if doc[k].pos_ in {"VERB", "AUX", "SCONJ"} or doc[k].is_punct:
                return None
            k -= 1
        aux = doc[k - 1] if k > floor else None
    else:
        k = cue.i - 1
        while k > floor and (
            doc[k].pos_ in {"ADV", "PART"} or doc[k].lower_ in _AUX_GAP_WORDS or is_time(doc[k])
        ):
            k -= 1
        aux = doc[k]
        if aux.lower_ not in _AVOIR_FINITE:
            # ``a par ailleurs souligné``, ``a en revanche estimé``: the phrases an incise
            # also takes between its auxiliary and its participle
            aux = next(
                (
                    doc[j]
                    for j in range(cue.i - 2, floor - 1, -1)
                    if doc[j].lower_ in _AVOIR_FINITE and skip_adverbial(doc, j + 1) == cue.i
                ),
                aux,
            )
    if aux is None or aux.lower_ not in _AVOIR_FINITE or aux.i == cue.i - 1:
        return None
    return aux


def subject_of_auxiliary(
    ctx: QuoteContext, cue: Token, inside: Callable[[Token], bool]
) -> Token | MentionRef | None:
    """``X a une nouvelle fois affirmé que``, ``X a, dans un communiqué, dénoncé …``, ``X a fait
    savoir que``: an adverbial between the auxiliary and the participle (or the causative
    ``faire``) leads the parser to hang the subject on the auxiliary, or to cut the clause at
    the commas. The subject is then the auxiliary's (a token), or the name right before it (a
    mention; after a closing comma, the name in apposition: ``Le président de X, Jean Dupont,
    a, lundi, …``)."""
    if ctx.lang != "fr":
        return None
    aux = auxiliary_before(cue)
    if aux is None:
        return None
    doc = ctx.doc
    heads = [aux]
    heads += [c for c in aux.children if c.dep_.startswith("aux") and c.i < aux.i]
    if aux.i > 0 and doc[aux.i - 1].lower_ in _AVOIR_FINITE:
        heads.append(doc[aux.i - 1])  # ``a fait``: the parse may hang the subject on ``a``
    for head in heads:
        for child in head.children:
            if child.dep_ in _SUBJECTS and child.i < head.i and not inside(child):
                return child
    k = min(h.i for h in heads) - 1
    while k >= 0 and doc[k].lower_ in {"ne", "n'", "lui", "leur", "nous", "vous", "l'", "y"}:
        k -= 1
    apposed = k > 0 and doc[k].text == ","
    if apposed:
        k -= 1
    if k < 0 or inside(doc[k]) or doc[k].pos_ not in {"PROPN", "NOUN"}:
        return None
    ref = ctx.mention_of(doc[k])
    if ref is None or ref.end != doc[k].idx + len(doc[k].text):
        return None
    first = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if first is None or (first.start > 0 and doc[first.start - 1].pos_ == "ADP"):
        return None  # ``selon X``, ``de X``: a complement, not the subject
    if apposed and first.start > 0 and doc[first.start - 1].text != ",":
        return None  # ``…, X, a``: only a name set off on both sides is in apposition
    return ref


def source_within_phrase(
    ctx: QuoteContext, cue: Token, noun: Token, speaker: Speaker | None
) -> Speaker | None:
    """``D'après une source syndicale, Valmonde Industries pourrait …``: the source of a
    ``selon``/``d'après`` opening the sentence ends at the comma; a name the parser hung on the
    source noun past it is the subject of the report, not who speaks. The unnamed source is
    then the speaker (``une source syndicale``)."""
    if speaker is None or speaker.entity is None or speaker.mention is None or noun.i < cue.i:
        return speaker
    doc = ctx.doc
    comma = next((t for t in doc[cue.i + 1 : cue.sent.end] if t.text == ","), None)
    if comma is None or noun.i > comma.i or speaker.mention.end <= comma.idx:
        return speaker
    if any(
        r.entity.id == speaker.entity and r.end <= comma.idx
        for r in ctx.mentions_in(cue.idx, comma.idx)
    ):
        return speaker  # the source itself is named before the comma
    ref = ctx.mention_at(speaker.mention.end - 1, speaker.mention.end)
    after = ctx.text[ref.end : ref.end + 2].strip() if ref is not None else ""
    if (
        ref is not None
        and ctx.text[comma.idx + 1 : ref.start].strip() == ""
        and (after[:1] in {",", ".", ";", "!", "?", ")"} or ref.end >= cue.sent.end_char)
    ):
        # ``Selon sa porte-parole, Elena Morozova, …`` and ``« … », selon la présidente de la
        # région, Claire Fontaine.``: a name in apposition, no clause's subject
        return speaker
    start = noun.left_edge.idx if noun.left_edge.i > cue.i else doc[cue.i + 1].idx
    words = ctx.text[start : comma.idx].strip()
    return Speaker(None, words, Span(words, start, start + len(words)))


#: participles that qualify the person a medium questioned: ``un riverain interrogé par X``
_QUESTIONED = frozenset({"interroger", "questionner"})


def questioned_noun(cue: Token) -> Token | None:
    """``», s'emporte un riverain interrogé par France Bleu``: a participle of questioning that
    qualifies a noun names who was asked; when it is the quote's cue (the incise verb itself is
    not a speech verb), that noun answered, and the agent (``par X``) only asked."""
    if (
        cue.lemma_.lower() not in _QUESTIONED
        or cue.dep_ not in {"acl", "amod"}
        or "Part" not in cue.morph.get("VerbForm", [])
        or any(c.dep_.startswith("aux") for c in cue.children)
        or cue.head.pos_ not in {"NOUN", "PROPN"}
    ):
        return None
    return cue.head


def questioned_subject(cue: Token) -> Token | None:
    """``Interrogé par X sur …, le député botte en touche``: a participle of questioning that
    opens its sentence qualifies the subject after the comma closing its phrase; that subject
    answered, the agent only asked. Read from word order (the parser often breaks such
    sentences): the first noun, name or pronoun after that comma."""
    doc = cue.doc
    if (
        cue.lemma_.lower() not in _QUESTIONED
        or "Part" not in cue.morph.get("VerbForm", [])
        or not (cue.i == cue.sent.start or doc[cue.i - 1].is_space or doc[cue.i - 1].text == ".")
    ):
        return None
    for comma in (t for t in doc[cue.i + 1 : cue.sent.end] if t.text == ","):
        # past the phrase's own commas (``…, en retirant à X sa place, le député …``): the
        # comma followed by a subject, a determiner and its noun, a name or a pronoun
        nxt = doc[comma.i + 1] if comma.i + 1 < cue.sent.end else None
        if nxt is None:
            return None
        if nxt.pos_ == "DET":
            return next(
                (t for t in doc[nxt.i + 1 : min(nxt.i + 4, cue.sent.end)] if t.pos_ == "NOUN"),
                None,
            )
        if nxt.pos_ in {"PROPN", "PRON"}:
            return nxt
    return None


#: adverbs that may stand between ``C'est`` and ``ce que`` in an echo: ``C'est du moins ce
#: qu'affirme X``, ``C'est en tout cas ce que X a déclaré``
_ECHO_ADVERBS = {
    "du", "moins", "en", "tout", "cas", "d'ailleurs", "aussi", "également", "précisément",
    "justement", "notamment", "bien", "là", "substance", "effet", "encore",
}  # fmt: skip


def echo_of_previous(cue: Token, start: int | None = None) -> bool:
    """``C'est ce qu'a rapporté X`` / ``C'est ce qu'affirme X``, and with the subject before the
    verb, ``C'est ce que X a déclaré lundi`` (a name, its apposition and the auxiliary between
    ``que`` and the cue, no other verb), ``C'est du moins ce que …``."""
    doc = cue.doc
    first = cue.sent.start if start is None else start  # where the echo sentence opens
    words = [t.lower_ for t in doc[first : cue.i]]
    if words[:2] not in (["c'", "est"], ["c", "est"]):
        return False
    k = 2
    while k < len(words) and words[k] in _ECHO_ADVERBS and k < 5:
        k += 1
    if words[k : k + 1] != ["ce"]:
        return False
    if len(words) <= k + 4 and k == 2:
        return True  # ``C'est ce qu'a rapporté X``
    if words[k + 1 : k + 2] not in (["que"], ["qu'"]) or len(words) > k + 14:
        return False
    between = doc[first + k + 2 : cue.i]
    return not any(t.pos_ == "VERB" or t.text in {".", ";", ":", "?", "!"} for t in between)


def inverted_echo(cue: Token) -> bool:
    """``C'est ce qu'a affirmé la ministre X``: an echo cue right after ``qu'`` (and its
    auxiliary), its subject inverted after it, wherever the parser began the sentence."""
    doc = cue.doc
    k = cue.i - 1
    while k > 0 and doc[k].pos_ == "AUX":
        k -= 1
    if k < 3 or doc[k].lower_ not in {"que", "qu'"}:
        return False
    start = next(
        (j for j in range(k - 1, max(k - 8, -1), -1) if doc[j].lower_ in {"c'", "c"}), None
    )
    return start is not None and echo_of_previous(cue, start)


#: words before a verb that make its inverted subject ordinary French word order, not an
#: incise (``le projet que portent les élus``, ``là où vivent les familles``, ``comme le
#: disent les syndicats``)
_INVERTING = frozenset({"que", "qu'", "qu’", "où", "dont", "comme", "si", "quand", "lorsque", "ce"})
#: verbs that open an incise with no comma before it (a verb of saying, not of action)
_INCISE_VERBS = frozenset(
    {"indiquer", "annoncer", "affirmer", "préciser", "confirmer", "rappeler", "expliquer",
     "souligner", "assurer", "estimer", "déclarer", "dire", "ajouter", "raconter", "regretter",
     "déplorer", "insister", "avertir", "prévenir", "marteler", "reconnaître", "admettre",
     "résumer", "observer", "noter", "relever", "juger", "considérer", "constater", "conclure",
     "répondre", "confier", "révéler", "signaler", "détailler", "commenter", "nuancer",
     "ironiser", "témoigner", "dénoncer", "avancer", "soutenir", "certifier", "démentir",
     "poursuivre", "écrire", "rétorquer", "répliquer"}
)  # fmt: skip
#: what may follow an incise's inverted subject: the end of the sentence or a comma
_AFTER_INCISE = frozenset({".", "!", "…", ","})


def uncommaed_incise(cue: Token) -> bool:
    """``Ils ont tous été relâchés annoncent leurs avocats.``: an incise whose comma the writer
    left out. A finite speech verb in the third person right after the last word of a clause
    (not after ``que``, ``où``, ``comme``, which invert a subject in ordinary French), the
    parser hanging it on the clause's verb with no subject before it, and after it a noun
    phrase that can name a speaker and closes the sentence (its relative clause included)."""
    doc = cue.doc
    if cue.lang_ != "fr" or "Fin" not in cue.morph.get("VerbForm", []):
        return False
    lemmas = {cue.lemma_.lower(), *lemma_guesses(cue.lower_)}  # ``estime`` left unlemmatised
    if not lemmas & _INCISE_VERBS or not {"Pres", "Past", "Imp"} & set(cue.morph.get("Tense", [])):
        return False  # ``au retour défendront les joueurs``: a future, a verb of action
    if cue.morph.get("Person", []) != ["3"] or cue.head.i >= cue.i or cue.dep_ in {"conj", "ROOT"}:
        return False
    if any(c.dep_.startswith("nsubj") for c in cue.children):
        return False
    verb = cue.head
    while verb.pos_ in {"NOUN", "PROPN"} and verb.head.i != verb.i and verb.head.i < cue.i:
        verb = verb.head  # the parser may hang the incise on the clause's last noun
    while verb.dep_ == "conj" and verb.head.i < verb.i:
        verb = verb.head  # ``a reçu les familles et promis …``: the first verb has the subject
    if verb.pos_ not in {"VERB", "AUX"} or verb.dep_ in {"acl:relcl", "acl", "advcl"}:
        return False  # ``Les parents qui ont manifesté … accusent le maire``: a relative's verb
    if not any(c.dep_.startswith(("nsubj", "expl:subj")) for c in verb.children):
        return False  # the clause before has a subject of its own
    if any(
        t.pos_ == "CCONJ" and doc[t.i + 1].pos_ in {"ADP", "ADV"} for t in doc[verb.i + 1 : cue.i]
    ):
        return False  # ``… suspendue et après le discours réagit X``: a new clause's inversion
    prev = doc[cue.i - 1]
    if prev.is_punct or prev.is_space or prev.lower_ in _INVERTING:
        return False
    if prev.pos_ in {"PRON", "DET", "ADP", "CCONJ", "SCONJ", "AUX"}:
        return False
    if any(t.dep_ == "acl:relcl" for t in (prev, prev.head)):
        return False  # ``les témoignages qui parviennent décrivent …``: the relative's noun
    j = cue.i + 1
    while j < cue.sent.end and (doc[j].pos_ == "ADV" or doc[j].lower_ in FR_TIME_WORDS):
        j += 1
    noun = next((t for t in doc[j : min(j + 4, cue.sent.end)] if t.pos_ in {"NOUN", "PROPN"}), None)
    if noun is None or noun.head.i != cue.i or not can_name_speaker("fr", noun):
        return False
    first = doc[j]
    if first.pos_ == "DET" and "Ind" in first.morph.get("Definite", []):
        return False  # ``… décrivent une ville exsangue``: an object; an incise names its source
    after = noun.right_edge.i + 1
    return after >= len(doc) or doc[after].text in _AFTER_INCISE or doc[after].is_space
