"""Who said it: the cue (speech verb or ``selon``/``according to``) and the speaker of a quote.

The rules read the dependency parse first (``nsubj`` of the cue, ``par``/``by`` agents, inverted
subjects of French incises ``a déclaré Altman``/``a-t-il ajouté`` and English ``said Caddell``),
and fall back on word order where the parse of quoted text is unreliable (it often is: the
parser sees a quote and its incise as one sentence, or splits them badly).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from allegiance.extract.frames import frame, lemma_guesses, tokens_between
from allegiance.extract.quote_context import (
    DEFINITE,
    FIRST_PERSON,
    PRONOUNS_PL,
    PRONOUNS_SG,
    QuoteContext,
)
from allegiance.extract.speaker_gender import quoted
from allegiance.extract.speaker_words import INCISE_ADVERBIALS, TIME_WORDS
from allegiance.extract.verbless_speakers import (
    colon_speaker,
    dash_name,
    dash_speaker,
    framed_speaker,
    signature,
)
from allegiance.models import Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

#: cues that introduce a name or a label for someone: the quote after them is a partial quote
NAMING = {
    "fr": {"qualifier", "traiter", "appeler", "surnommer", "décrire", "présenter"},
    "en": {"call", "dub", "label", "describe", "term", "brand", "refer"},
}
#: words right before a quote that make it a scare quote or a name, not speech
NOT_SPEECH_BEFORE = re.compile(
    r"\b(soi-disant|prétendu|prétendue|baptisée?s?|nommée?s?|intitulée?s?|surnommée?s?|"
    r"so-called|dubbed|named|titled|entitled|nicknamed|known as|projet|project|opération|"
    r"operation|programme|program|film|livre|book|show|émission|album|slogan|hashtag|mot|word|"
    r"terme|term|expression)\W*$",
    re.IGNORECASE,
)
SUBJ_DEPS = {"nsubj", "nsubj:pass", "nsubjpass", "csubj"}
AGENT_DEPS = {"obl:agent", "agent"}


@dataclass(slots=True)
class Attribution:
    cue: Token | None
    cue_span: Span | None
    speaker: Speaker | None
    confidence: float
    #: a sentence-final ``selon X`` passed over for the speech verb's subject: it names who
    #: reported the quote, so no indirect quote may be built from it
    passed_selon: Token | None = None


def is_cue(ctx: QuoteContext, tok: Token) -> bool:
    """A speech verb from the lexicon (lemma-matched), or ``selon``/``according``."""
    lemma = tok.lemma_.lower()
    if (
        lemma in {"selon", "according"}
        or tok.lower_ == "according"
        or (tok.lower_ == "après" and tok.i > 0 and tok.doc[tok.i - 1].lower_ in {"d'", "d"})
    ):
        return True
    if lemma in ctx.cues.words and (
        tok.pos_ in {"VERB", "AUX"} or (tok.pos_ == "NOUN" and tok.tag_.startswith("VB"))
    ):
        return True
    if ctx.lang != "fr":
        return False
    # the French lemmatizer leaves some forms alone (``indique``) and the tagger reads incise
    # verbs as nouns or adjectives (``», analyse X``, ``» critique X``): guess the infinitive
    guessed = lemma in ctx.cues.words or any(g in ctx.cues.words for g in lemma_guesses(tok.lower_))
    if not guessed:
        return False
    return tok.pos_ in {"VERB", "AUX"} or is_incise_position(ctx, tok) or _after_name(ctx, tok)


def _after_name(ctx: QuoteContext, tok: Token) -> bool:
    """``Laura Frémy analyse « … »``: a verb form the tagger took for a noun, right after a
    person's name that ends there (the name is its subject)."""
    if tok.i == 0 or tok.pos_ != "NOUN":
        return False
    prev = ctx.doc[tok.i - 1]
    ref = ctx.mention_at(prev.idx, prev.idx + len(prev.text))
    return (
        ref is not None
        and ref.entity.type == "person"
        and ref.end == prev.idx + len(prev.text)
        and not any(c.dep_ == "det" for c in tok.children)
    )


def _apposed_name(ctx: QuoteContext, noun: Token) -> Speaker | None:
    """The person named right after ``noun`` and a comma (``le PDG, Jean Dupont``)."""
    doc = ctx.doc
    k = noun.i + 1
    while k < len(doc) and k <= noun.i + 4 and doc[k].pos_ in {"ADJ", "ADP", "DET", "NOUN"}:
        k += 1  # ``le directeur général adjoint, …``
    if k + 1 >= len(doc) or doc[k].text != ",":
        return None
    ref = ctx.mention_at(doc[k + 1].idx, doc[k + 1].idx + len(doc[k + 1].text))
    if ref is None or ref.entity.type != "person" or ref.start != doc[k + 1].idx:
        return None
    return Speaker(
        ref.entity.id, ref.entity.name, Span(ctx.text[ref.start : ref.end], ref.start, ref.end)
    )


#: possessives opening an inverted subject (``», estime sa directrice, X``)
_POSSESSIVE = {"son", "sa", "ses", "leur", "leurs"}


def _skip_addressee(ctx: QuoteContext, i: int) -> int:
    """Past a prepositional phrase between an incise verb and its inverted subject: the
    addressee or the channel (``», a expliqué à Radio X le docteur Y``, ``», a assuré dans un
    communiqué le colonel Y``). Only when a subject (a determiner or a person's name) follows."""
    doc = ctx.doc
    if i >= len(doc) or doc[i].pos_ != "ADP" or doc[i].lower_ in {"de", "d'", "par"}:
        return i
    k = i + 1
    if k < len(doc) and doc[k].pos_ == "DET":
        k += 1
    start = k
    while k < len(doc) and k < start + 5:
        ref = ctx.mention_at(doc[k].idx, doc[k].idx + len(doc[k].text))
        if ref is not None and ref.start == doc[k].idx:
            if k > start and ref.entity.type == "person":
                break  # ``à l'AFP Jean Dupont``: the name starts the subject
            named = doc.char_span(ref.start, ref.end, alignment_mode="expand")
            k = max(k + 1, named.end) if named is not None else k + 1  # a name, whatever its tags
        elif doc[k].pos_ in {"NOUN", "PROPN", "ADJ"}:
            k += 1
        else:
            break
    if k == start or k >= len(doc):
        return i
    nxt = doc[k]
    ref = ctx.mention_at(nxt.idx, nxt.idx + len(nxt.text))
    subject = nxt.lower_ in DEFINITE["fr"] | _POSSESSIVE or (
        ref is not None and ref.entity.type == "person" and ref.start == nxt.idx
    )
    return k if subject else i


def _incise_description(ctx: QuoteContext, i: int, inside) -> Speaker | None:  # type: ignore[no-untyped-def]
    """``», a affirmé le ministre de la Santé, Jean Dupont``, ``», estime sa directrice, X``:
    an inverted description followed by a name in apposition: the name speaks, not a body
    named inside the description (``la Santé``)."""
    doc = ctx.doc
    if i + 1 >= len(doc) or doc[i].lower_ not in DEFINITE["fr"] | _POSSESSIVE:
        return None
    noun = doc[i + 1]
    if noun.pos_ != "NOUN" or inside(noun):
        return None
    k = noun.i + 1
    while (
        k < len(doc) and k <= noun.i + 6 and doc[k].pos_ in {"ADJ", "ADP", "DET", "NOUN", "PROPN"}
    ):
        k += 1  # ``le ministre français de l'Économie, …``
    if k + 1 >= len(doc) or doc[k].text != "," or inside(doc[k + 1]):
        return None
    ref = ctx.mention_at(doc[k + 1].idx, doc[k + 1].idx + len(doc[k + 1].text))
    if ref is None or ref.entity.type != "person" or ref.start != doc[k + 1].idx:
        return None
    return Speaker(
        ref.entity.id, ref.entity.name, Span(ctx.text[ref.start : ref.end], ref.start, ref.end)
    )


def _after_closing_mark(tok: Token) -> bool:
    """``» indique``, ``», conclut``: the verb follows a closing mark (maybe with a comma); or
    ``comme l'explique X``, ``comme le rapporte X``, the other French inversion."""
    doc = tok.doc
    k = tok.i - 1
    if k >= 1 and doc[k].lower_ in {"l'", "le", "l"} and doc[k - 1].lower_ == "comme":
        return True
    while k >= 0 and k > tok.i - 3 and doc[k].pos_ == "AUX":
        k -= 1  # ``», a répondu le président``: the compound past inverts as well
    if k >= 0 and doc[k].text == ",":
        k -= 1
    return k >= 0 and doc[k].text in {"»", "”", '"'}


def is_incise_position(ctx: QuoteContext, tok: Token) -> bool:
    """Right after a closing mark or a comma that follows one, and before the inverted subject
    (``» critique Jean Dupont``, ``», analyse la chercheuse``, ``», indique-t-il``)."""
    doc = ctx.doc
    if tok.i == 0 or tok.i + 1 >= len(doc):
        return False
    prev = doc[tok.i - 1]
    if prev.text == "," and _inverted_name_ends(ctx, tok):
        return True  # ``…, note aussi la Drees.``: the name closes the sentence
    if prev.text == "," and tok.i > 1:
        prev = doc[tok.i - 2]
    if prev.text not in {"»", "”", '"'}:
        return False
    nxt = doc[tok.i + 1]
    return (
        nxt.text.startswith("-")
        or nxt.pos_ in {"PROPN", "DET"}
        or ctx.mention_at(nxt.idx, nxt.idx + len(nxt.text)) is not None
    )


def _inverted_name_ends(ctx: QuoteContext, tok: Token) -> bool:
    """After ``tok`` (and an adverbial) comes a named actor, then the end of the clause."""
    doc = ctx.doc
    k = skip_adverbial(doc, tok.i + 1)
    if k < len(doc) and doc[k].lower_ in DEFINITE["fr"]:
        k += 1
    if k >= len(doc):
        return False
    ref = ctx.mention_at(doc[k].idx, doc[k].idx + len(doc[k].text))
    if ref is None or ref.start != doc[k].idx:
        return False
    end = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if end is None:
        return False
    nxt = end.end
    return nxt >= len(doc) or doc[nxt].text in {".", ",", ";", "!", "?"} or doc[nxt].is_space


def cue_span(tok: Token) -> Span:
    """The cue's words: the verb, with ``to`` of ``according to`` and ``d'`` of ``d'après``."""
    doc = tok.doc
    first, last = tok.i, tok.i
    if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        last = tok.i + 1
    if tok.lower_ == "après" and tok.i > 0:
        first = tok.i - 1
    words = doc[first : last + 1]  # a Span's text is built from its own tokens, not the Doc's
    return Span(words.text, words.start_char, words.end_char)


def speaker_of_cue(ctx: QuoteContext, cue: Token, exclude: tuple[int, int]) -> Speaker | None:
    """The speaker of a cue: subject, agent, inverted subject, ``selon X``, or up the chain."""
    doc = ctx.doc
    lemma = cue.lemma_.lower()
    if lemma in {"selon", "according"} or cue.lower_ in {"après", "according"}:
        noun = cue.head if cue.dep_ == "case" else None
        if noun is None or noun.i <= cue.i:
            noun = next((t for t in cue.subtree if t.dep_ == "pobj"), None)
        if noun is None:
            # ``d'après lui`` : the stressed pronoun right after is the source, not a noun beyond
            noun = next(
                (t for t in doc[cue.i + 1 : cue.i + 5] if t.pos_ in {"PROPN", "NOUN", "PRON"}),
                None,
            )
        if noun is None:
            return None
        if noun.lower_ in _STRESSED:
            subject = _clause_subject(ctx, cue, exclude)
            if subject is not None:
                return subject
        return ctx.speaker_from_tokens(noun, exclude, any_noun=True)
    inside = _inside(exclude)
    if cue.i + 1 < len(doc) and doc[cue.i + 1].text.startswith("-") and len(doc[cue.i + 1]) > 1:
        # ``indique-t-il``: the inverted pronoun is the subject, whatever the parse says
        speaker = ctx.speaker_from_tokens(doc[cue.i + 1], exclude)
        if speaker is not None:
            return speaker
    if _is_gerund(cue):
        speaker = _preceding_subject(ctx, cue, exclude)
        if speaker is not None:
            return speaker
    if any(c.dep_ in {"nsubj:pass", "nsubjpass"} for c in cue.children):
        # ``X est accusé par Y d'avoir …``: in the passive the agent speaks, not the subject
        speaker = _agent_speaker(ctx, cue, exclude)
        if speaker is not None:
            return speaker
    for child in cue.children:
        if is_subject(child) and not inside(child):
            if ctx.lang == "fr" and child.lower_ == "on" and lemma in _ASKING:
                # ``lorsqu'on lui a demandé si …``: unnamed askers (journalists), never the
                # subject of the verb the clause hangs from
                span = Span(child.text, child.idx, child.idx + len(child.text))
                return Speaker(None, child.text, span)
            if child.lower_ in {"qui", "who", "that", "which"}:
                return _relative_antecedent(ctx, child, exclude)
            speaker = ctx.speaker_from_tokens(child, exclude)
            if speaker is not None:
                return speaker
    speaker = _agent_speaker(ctx, cue, exclude)
    if speaker is not None:
        return speaker
    # word order: a pronoun or name right after the cue (inverted subject), or before it
    pron = PRONOUNS_SG[ctx.lang] | PRONOUNS_PL[ctx.lang]
    for tok in doc[max(0, cue.i - 3) : cue.i + 4]:
        if (
            tok.lower_ in pron
            and not inside(tok)
            and tok.lower_ not in {"lui", "him", "her", "eux"}
            # after a French cue only the inverted pronoun (``dit-il``), not ``pense qu'il``
            and not (ctx.lang == "fr" and tok.i > cue.i and not tok.text.startswith("-"))
        ):
            return ctx.speaker_from_tokens(tok, exclude)
    first = skip_adverbial(doc, cue.i + 1)
    incise = ctx.lang == "fr" and _after_closing_mark(cue)
    if incise:
        first = _skip_addressee(ctx, first)
        described = _incise_description(ctx, first, inside)
        if described is not None:
            return described
    # a French incise inverts a whole noun phrase: ``» indique le général de gendarmerie X``
    after = doc[first : min(len(doc), first + (8 if incise else 3))]
    for tok in after:
        if tok.is_punct or inside(tok) or tok.lower_ in {"que", "qu'"}:
            break  # ``prévenir que la Chine …``: past ``que`` starts the reported clause
        if is_time(tok):
            continue  # ``said Monday``: when, not who
        if tok.pos_ == "PROPN" or ctx.mention_at(tok.idx, tok.idx + len(tok.text)):
            return ctx.speaker_from_tokens(tok, exclude)
    if incise and len(after) > 1 and after[0].lower_ in DEFINITE["fr"]:
        # ``», conclut le journaliste``: an unnamed (or described) inverted subject
        noun = after[0].head if after[0].head.i > after[0].i else after[1]
        if noun.pos_ == "NOUN" and not inside(noun):
            named = _apposed_name(ctx, noun)  # ``prévient le PDG, Jean Dupont.``
            if named is not None:
                return named
            return ctx.speaker_from_tokens(noun, exclude)
    if ctx.lang == "en":
        # ``“…,” Tulsa police Chief Jane Roe said.``: the parser often hangs the name elsewhere;
        # the name right before the cue, after the closing mark, is its subject
        for tok in reversed(doc[max(0, cue.i - 3) : cue.i]):
            if tok.is_punct or inside(tok):
                break
            if not is_time(tok) and ctx.mention_at(tok.idx, tok.idx + len(tok.text)):
                return ctx.speaker_from_tokens(tok, exclude)
    else:
        named = _name_before(ctx, cue, inside)
        if named is not None:
            return named
    # ``X, qui a fondé Y, conteste … et affirme que …``: the parser hung the verbs on the name,
    # which is their subject
    named_head = cue
    for _ in range(3):
        if named_head.dep_ not in _HUNG_DEPS:
            break
        named_head = named_head.head
        if (
            named_head.pos_ == "PROPN"
            and named_head.i < cue.i
            and named_head.dep_ in {"ROOT", *SUBJ_DEPS}
            and not inside(named_head)
            and ctx.mention_at(named_head.idx, named_head.idx + len(named_head.text)) is not None
        ):
            return ctx.speaker_from_tokens(named_head, exclude)
    # a participle or infinitive (``le qualifiant de``, ``disant que``, ``calling``): its subject
    # is the subject of the verb it hangs from
    head = cue
    for _ in range(6):
        if head.head.i == head.i:  # the root (Tokens are new objects: no ``is``)
            break
        head = head.head
        if inside(head):
            continue
        if is_cue(ctx, head) and head.lemma_.lower() not in {"selon", "according"}:
            # ``X est accusé par Y d'avoir … proposé une offre « fictive »``: a speech verb
            # above the cue speaks for the whole clause (its own rules know the passive)
            speaker = speaker_of_cue(ctx, head, exclude)
            if speaker is not None:
                return speaker
        for child in head.children:
            if child.dep_ in SUBJ_DEPS and not inside(child):
                if child.lower_ in {"qui", "who"}:
                    # ``X, qui venait de lui proposer de …``: the relative's antecedent
                    speaker = _relative_antecedent(ctx, child, exclude)
                    if speaker is not None and speaker.entity is not None:
                        return speaker
                    continue
                if child.morph.get("PronType", []) == ["Rel"]:
                    continue
                speaker = ctx.speaker_from_tokens(child, exclude)
                if speaker is not None:
                    return speaker
    return None


#: stressed pronouns after ``selon``/``d'après``
_STRESSED = {"lui", "elle", "eux", "elles"}


def _clause_subject(ctx: QuoteContext, cue: Token, exclude: tuple[int, int]) -> Speaker | None:
    """``X dénonce une décision prise selon lui « … »``: a ``selon lui`` inside a sentence whose
    subject (a noun phrase, before it) is named there refers back to that subject, not to the
    last person quoted."""
    if ctx.lang != "fr":
        return None
    inside = _inside(exclude)
    head = cue
    for _ in range(5):
        if head.head.i == head.i:
            break
        head = head.head
        for child in head.children:
            if (
                child.dep_ in {"nsubj", "nsubj:pass"}
                and child.i < cue.i
                and child.pos_ in {"NOUN", "PROPN"}
                and not inside(child)
                and not quoted(ctx, child)
                and ctx.can_speak(child)
            ):
                return ctx.speaker_from_tokens(child, exclude)
    return None


#: words that may stand between a French subject and its verb (``X a également estimé``,
#: ``X lui a dit``, ``X ne pense pas``)
_SUBJECT_VERB_GAP = {"AUX", "ADV", "PART"}
_CLITICS = {"lui", "leur", "l'", "le", "la", "les", "se", "s'", "y", "en", "ne", "n'", "me", "m'"}


def _name_before(ctx: QuoteContext, cue: Token, inside) -> Speaker | None:  # type: ignore[no-untyped-def]
    """``Ivan Du Roy pense qu'…``: in French word order a name right before the verb (past
    auxiliaries, adverbs and clitics) is its subject, whatever the parse of a long run-on
    sentence says."""
    doc = ctx.doc
    k = cue.i - 1
    while (
        k >= 0 and k > cue.i - 5 and (doc[k].pos_ in _SUBJECT_VERB_GAP or doc[k].lower_ in _CLITICS)
    ):
        k -= 1
    if k < 0 or k == cue.i - 5 or inside(doc[k]):
        return None
    if doc[k].text == ",":
        return _apposed_subject(ctx, k, inside)
    if doc[k].is_punct:
        return None
    ref = ctx.mention_at(doc[k].idx, doc[k].idx + len(doc[k].text))
    if ref is None or ref.entity.type not in {"person", "organization"}:
        return None
    if ref.end < doc[k].idx + len(doc[k].text):
        return None  # the name must end right there, not run on past the verb's left
    first = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if first is not None and first.start > 0 and doc[first.start - 1].pos_ == "ADP":
        return None  # ``selon X``, ``à X``, ``de X``: a complement, not the subject
    span = Span(ctx.text[ref.start : ref.end], ref.start, ref.end)
    return Speaker(ref.entity.id, ref.entity.name, span)


def _apposed_subject(ctx: QuoteContext, comma: int, inside) -> Speaker | None:  # type: ignore[no-untyped-def]
    """``Contacté par X, l'avocat de Y, Me Jean Dupont, assure que …``: a person's name set
    between commas right before the verb is in apposition to its subject (the parser often
    loses that subject under a fronted participle)."""
    doc = ctx.doc
    k = comma - 1
    if k < 1 or inside(doc[k]):
        return None
    ref = ctx.mention_at(doc[k].idx, doc[k].idx + len(doc[k].text))
    if ref is None or ref.entity.type != "person" or ref.end != doc[k].idx + len(doc[k].text):
        return None
    name = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if name is None or name.start < 1:
        return None
    before = name.start - 1
    if doc[before].lower_ in {"me", "maître", "m.", "mme", "dr"} and before > 0:
        before -= 1  # ``Me Jean Dupont``: a title is part of the name
    if doc[before].text != ",":
        return None
    return Speaker(
        ref.entity.id, ref.entity.name, Span(ctx.text[ref.start : ref.end], ref.start, ref.end)
    )


def _agent_speaker(ctx: QuoteContext, cue: Token, exclude: tuple[int, int]) -> Speaker | None:
    """The agent of a passive cue (``par X``, ``by X``)."""
    inside = _inside(exclude)
    passive = any(c.dep_ in {"nsubj:pass", "nsubjpass"} for c in cue.children)
    for child in cue.children:
        # the parser often reads ``par X`` of a passive as a mere modifier
        by = passive and any(c.lower_ in {"par", "by"} for c in child.children)
        if (child.dep_ in AGENT_DEPS or (by and child.dep_.startswith("obl"))) and not inside(
            child
        ):
            # French ``par X`` hangs the noun itself (``X`` with a ``case`` child); English
            # ``by`` is a preposition whose object is the noun
            noun = (
                child
                if child.dep_ == "obl:agent" or child.pos_ in {"NOUN", "PROPN", "PRON"}
                else next(iter(child.children), None)
            )
            if noun is not None:
                speaker = ctx.speaker_from_tokens(noun, exclude)
                if speaker is not None:
                    return speaker
    return None


#: cues that put a question to someone: with ``on`` as subject the askers are unnamed
_ASKING = {"demander", "interroger", "questionner"}

#: links by which the parser hangs a verb on its subject's name (``X, qui a fondé Y, conteste …
#: et affirme que …`` read with ``X`` as the root)
_HUNG_DEPS = {"conj", "parataxis", "advcl", "acl:relcl"}


def skip_adverbial(doc, i: int) -> int:  # type: ignore[no-untyped-def]
    """The index after an adverbial of :data:`INCISE_ADVERBIALS` starting at ``i`` (else ``i``),
    or after manner adverbs (``», a répondu sèchement le président``)."""
    k = i
    while k < len(doc) and doc[k].pos_ == "ADV" and doc[k].lower_.endswith("ment"):
        k += 1
    if k > i:
        return k
    for phrase in INCISE_ADVERBIALS:
        end = i + len(phrase)
        if end <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(phrase)):
            return end
    return i


def is_time(tok: Token) -> bool:
    """A date or time word (``Monday``, ``Friday afternoon``): never a speaker."""
    return tok.ent_type_ in {"DATE", "TIME"} or tok.lower_ in TIME_WORDS


def is_subject(tok: Token) -> bool:
    """A subject dependency, or a name the parser took for an expletive subject (``Samsung
    compte utiliser …`` parsed ``expl:subj``): a proper noun is never an expletive."""
    if tok.dep_ in SUBJ_DEPS:
        return True
    return tok.dep_ == "expl:subj" and tok.pos_ == "PROPN"


def _is_gerund(tok: Token) -> bool:
    """``qualifiant``, ``disant``, ``calling``: a participle whose subject is the clause's."""
    if tok.tag_ == "VBG":
        return True
    if tok.morph.get("VerbForm", []) == ["Part"] and tok.morph.get("Tense", []) == ["Pres"]:
        return True
    return (
        tok.pos_ == "VERB"
        and tok.lower_.endswith("ant")
        and tok.lemma_.endswith(("er", "ir", "re"))
    )


def _preceding_subject(ctx: QuoteContext, cue: Token, exclude: tuple[int, int]) -> Speaker | None:
    """The nearest subject before ``cue`` in its sentence (participles are often misparsed)."""
    inside = _inside(exclude)
    pron = PRONOUNS_SG[ctx.lang] | PRONOUNS_PL[ctx.lang]
    for tok in reversed(ctx.doc[cue.sent.start : cue.i]):
        # ``« … », avait-il martelé, qualifiant …``: the inverted pronoun is a subject whatever
        # the parse; a ``je`` inside the quotation marks is the quoted speaker's, not a subject
        inverted = tok.text.startswith("-") and tok.lower_ in pron
        if (tok.dep_ in SUBJ_DEPS or inverted) and not inside(tok) and not quoted(ctx, tok):
            if (
                tok.lower_ in {"qui", "who", "that", "which", "on", "it", "il"}
                and not (ctx.mention_at(tok.idx, tok.idx + 1))
                and tok.lower_ not in {"il"}
            ):
                continue
            speaker = ctx.speaker_from_tokens(tok, exclude)
            if speaker is not None:
                return speaker
    return None


def _relative_antecedent(ctx: QuoteContext, rel: Token, exclude: tuple[int, int]) -> Speaker | None:
    """``X, qui a accusé …``: the name just before the relative pronoun is the speaker; the
    mention is the pronoun itself, the cue's subject (as for ``il``/``she``)."""
    doc = ctx.doc
    k = rel.i - 1
    while k >= 0 and doc[k].is_punct:
        k -= 1
    if k < 0:
        return None
    here = Span(rel.text, rel.idx, rel.idx + len(rel.text))
    ref = ctx.mention_at(doc[k].idx, doc[k].idx + len(doc[k].text))
    if ref is not None:
        return Speaker(ref.entity.id, ref.entity.name, here)
    speaker = ctx.speaker_from_tokens(doc[k], exclude)
    if speaker is not None and speaker.entity is not None:
        return Speaker(speaker.entity, speaker.name, here)
    return speaker


def _inside(exclude: tuple[int, int]):  # type: ignore[no-untyped-def]
    return lambda tok: exclude[0] <= tok.idx < exclude[1]


def _relative_clause_verb(tok: Token) -> bool:
    return tok.dep_ in {"acl:relcl", "relcl"} or any(
        c.lower_ in {"qui", "who", "which", "that"} and c.dep_.startswith("nsubj")
        for c in tok.children
    )


def attribute_marked(
    ctx: QuoteContext, open_at: int, close_at: int, content: tuple[int, int]
) -> Attribution:
    """The cue and speaker of a marked quote found in its frame (same sentence)."""
    f_start, f_end = frame(ctx, open_at, close_at)
    excl = (open_at, close_at + 1)
    after = [t for t in tokens_between(ctx, close_at + 1, f_end) if t.idx > close_at]
    before = [t for t in tokens_between(ctx, f_start, open_at) if t.idx + len(t.text) <= open_at]
    if (
        ctx.lang == "fr"
        and after
        and _closed_sentence(ctx.text, content, close_at)
        and not _names_someone(ctx, after[0])
    ):
        after = []  # ``« … fin. » Un premier pas …``: the next sentence is not an incise
    # an opening mark in the after-frame starts the next quote: stop there
    for k, tok in enumerate(after):
        if tok.text in {"«", "“"} or (tok.text == '"' and k > 0):
            after = after[:k]
            break
    # a cue in a relative clause after the quote speaks of someone else: ``s'est dit « déçu »
    # par X, qui a critiqué …``, ``said to be "disappointed" by X, who criticised …``
    after_cues = [t for t in after if is_cue(ctx, t) and not _relative_clause_verb(t)]
    before_cues = [t for t in before if is_cue(ctx, t)]
    candidates: list[tuple[Token, float]] = []
    if after_cues and after_cues[0].idx - close_at < 40:
        candidates.append((after_cues[0], 0.9))
    # ``X analyse « … » dans … : « … », « … » selon Y``: a cue before an earlier closed quote
    # introduced that one, not this one
    owned = bool(before_cues) and any(c in ctx.text[before_cues[-1].idx : open_at] for c in "»”")
    if before_cues and not owned:
        candidates.append((before_cues[-1], 0.85 if open_at - before_cues[-1].idx < 60 else 0.7))
    if after_cues:
        candidates += [(t, 0.7) for t in after_cues]
    if (
        len(candidates) > 1
        and _is_selon(candidates[0][0])
        and not _is_selon(candidates[1][0])
        and candidates[1][0].sent.start == candidates[0][0].sent.start
    ):
        # ``X a qualifié Y d'« escroc » mardi, selon Reuters``: the speech verb's subject is the
        # speaker; the ``selon`` closing the sentence names the outlet that reported it
        candidates[0], candidates[1] = candidates[1], candidates[0]
        passed = candidates[1][0]
    else:
        passed = None
    for cue, conf in candidates:
        speaker = speaker_of_cue(ctx, cue, excl)
        if speaker is not None:
            reporter = passed if passed is not None and passed.i != cue.i else None
            return Attribution(cue, cue_span(cue), speaker, conf, reporter)
    # ``“…,” the judge exclaimed.``: any verb with a subject right after the quote, before the end
    for tok in after[:6]:
        if tok.pos_ == "VERB" and tok.i + 1 < len(ctx.doc) and ctx.doc[tok.i + 1].is_punct:
            speaker = next(
                (ctx.speaker_from_tokens(c, excl) for c in tok.children if c.dep_ in SUBJ_DEPS),
                None,
            )
            if speaker is not None:
                return Attribution(tok, cue_span(tok), speaker, 0.6)
    # ``Pour X, « … »`` and ``« … », peut-on lire dans X``
    framed = framed_speaker(ctx, f_start, open_at, close_at, excl)
    if framed is not None:
        return Attribution(None, None, framed, 0.7)
    # ``« … » - Name`` and ``Name : « … »`` (no verb)
    dash = (
        dash_speaker(ctx, after, excl)
        or dash_name(ctx, close_at)
        or signature(ctx, open_at, close_at)
    )
    if dash is not None:
        return Attribution(None, None, dash, 0.7)
    colon = colon_speaker(ctx, before, excl)
    if colon is not None:
        return Attribution(None, None, colon, 0.7)
    if candidates:
        cue = candidates[0][0]
        return Attribution(cue, cue_span(cue), None, 0.4)
    return Attribution(None, None, None, 0.3)


def _is_selon(tok: Token) -> bool:
    return tok.lemma_.lower() in {"selon", "according"} or tok.lower_ in {"après", "according"}


def _closed_sentence(text: str, content: tuple[int, int], close_at: int) -> bool:
    """The quote ends its own sentence (``… la différence. »``) and a capital opens the next
    one: French incises go on in lower case (``», dit-il``), so the words after are no frame."""
    if not text[content[0] : content[1]].rstrip().endswith((".", "!", "?", "…")):
        return False
    nxt = text[close_at + 1 : close_at + 4].lstrip(" \t")
    return nxt[:1].isupper()


def _names_someone(ctx: QuoteContext, tok: Token) -> bool:
    """``Il insiste …``, ``Jean Dupont ajoute …``: a sentence after a quote that opens on a
    person still tells about its speaker."""
    low = tok.lower_
    if (
        low in PRONOUNS_SG[ctx.lang] | PRONOUNS_PL[ctx.lang]
        or tok.pos_ == "PROPN"
        or ctx.mention_at(tok.idx, tok.idx + len(tok.text)) is not None
    ):
        return True
    # ``« … » Le ministre a ensuite quitté la salle``: a subject naming a person or a body
    # (not ``« … » Un premier pas …``, a thing)
    head = tok.head
    return (
        tok.pos_ == "DET"
        and head.i > tok.i
        and head.dep_ in {"nsubj", "nsubj:pass"}
        and head.pos_ == "NOUN"
        and ctx.can_speak(head)
    )


def sentence_subject(ctx: QuoteContext, tok: Token, excl: tuple[int, int]) -> Speaker | None:
    """The subject of the verb chain above ``tok`` (for partial quotes with no cue)."""
    head = tok
    for _ in range(8):
        for child in head.children:
            if is_subject(child) and not (excl[0] <= child.idx < excl[1]):
                if (
                    child.lower_ in {"qui", "who", "que", "that"}
                    or child.lower_ in FIRST_PERSON[ctx.lang]
                ):
                    continue
                speaker = ctx.speaker_from_tokens(child, excl)
                if speaker is not None:
                    return speaker
        if head.head.i == head.i:  # the root (Tokens are new objects: no ``is``)
            break
        head = head.head
    return None


def is_naming_context(ctx: QuoteContext, before: str, cue_lemmas: set[str]) -> bool:
    """``le qualifiant de``, ``called him a``: a label given by the speaker, so a real quote."""
    return bool(cue_lemmas & NAMING[ctx.lang])
