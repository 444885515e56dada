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

from allegiance.extract.quote_context import (
    FIRST_PERSON,
    PRONOUNS_PL,
    PRONOUNS_SG,
    QuoteContext,
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
    r"(soi-disant|prétendu|prétendue|baptisée?s?|nommée?s?|intitulée?s?|surnommée?s?|"
    r"so-called|dubbed|named|titled|entitled|nicknamed|known as|projet|project|opération|"
    r"operation|programme|program|film|livre|book|show|émission|album|slogan|hashtag|mot|word|"
    r"terme|term|expression)\W*$",
    re.IGNORECASE,
)
SUBJ_DEPS = {"nsubj", "nsubj:pass", "nsubjpass", "csubj"}
AGENT_DEPS = {"obl:agent", "agent"}
_TERMINATOR = re.compile(r"[.!?](?=\s)|\n")
#: a period after these (or after a lone capital, an initial) does not end the sentence:
#: ``Mr. Podesta said``, ``Leonard E. Burman said``, ``a déclaré M. Dupont``
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Capt|Prof|Rev|Jr|Sr|St|Mt|Ft|No|Vol|"
    r"Mme|Mmes|Mlle|Mlles|MM|Me|Pr|Dr|Mgr|cf|etc)|(?<![\w.])[A-Z])$"
)


def _ends_sentence(text: str, m: re.Match[str]) -> bool:
    if m.group() != ".":
        return True
    return _ABBREVIATION.search(text, max(0, m.start() - 6), m.start()) is None


def _terminators(text: str, start: int, end: int):  # type: ignore[no-untyped-def]
    return (m for m in _TERMINATOR.finditer(text, start, end) if _ends_sentence(text, m))


@dataclass(slots=True)
class Attribution:
    cue: Token | None
    cue_span: Span | None
    speaker: Speaker | None
    confidence: float


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
    return tok.pos_ in {"VERB", "AUX"} or is_incise_position(ctx, tok)


_IRREGULAR = {"dit": "dire", "écrit": "écrire", "dis": "dire", "disent": "dire", "fait": "faire"}


def lemma_guesses(form: str) -> list[str]:
    """Infinitives a French verb form may come from (``indique`` -> ``indiquer``)."""
    if form in _IRREGULAR:
        return [_IRREGULAR[form]]
    out = []
    for ending, repl in (
        ("ent", "er"),
        ("es", "er"),
        ("ée", "er"),
        ("és", "er"),
        ("é", "er"),
        ("ait", "er"),
        ("a", "er"),
        ("e", "er"),
        ("it", "ir"),
        ("it", "re"),
    ):
        if form.endswith(ending) and len(form) > len(ending) + 2:
            out.append(form[: len(form) - len(ending)] + repl)
    return out


def is_incise_position(ctx: QuoteContext, tok: Token) -> bool:
    """Right after a closing mark or a comma that follows one, and before the inverted subject
    (``» critique Jean Dupont``, ``», analyse la chercheuse``, ``», indique-t-il``)."""
    doc = ctx.doc
    if tok.i == 0 or tok.i + 1 >= len(doc):
        return False
    prev = doc[tok.i - 1]
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


def frame(ctx: QuoteContext, start: int, end: int) -> tuple[int, int]:
    """The author's words around a quote: back to the previous sentence end, on to the next."""
    text = ctx.text
    line_start = text.rfind("\n", 0, start) + 1
    f_start = line_start
    for m in _terminators(text, line_start, max(line_start, start)):
        if m.end() > start:
            break
        f_start = m.end()
    m2 = next(_terminators(text, end + 1, len(text)), None)
    f_end = m2.end() if m2 else len(text)
    nl = text.find("\n", end)
    if nl != -1:
        f_end = min(f_end, nl)
    return f_start, f_end


def tokens_between(ctx: QuoteContext, start: int, end: int) -> list[Token]:
    span = ctx.doc.char_span(start, end, alignment_mode="expand") if end > start else None
    return list(span) if span is not None else []


def speaker_of_cue(ctx: QuoteContext, cue: Token, exclude: tuple[int, int]) -> Speaker | None:
    """The speaker of a cue: subject, agent, inverted subject, ``selon X``, or up the chain."""
    doc = ctx.doc
    lemma = cue.lemma_.lower()
    if lemma in {"selon", "according"} or cue.lower_ in {"après", "according"}:
        noun = cue.head if cue.dep_ == "case" else None
        if noun is None or noun.i <= cue.i:
            noun = next((t for t in cue.subtree if t.dep_ == "pobj"), None)
        if noun is None:
            noun = next(
                (t for t in doc[cue.i + 1 : cue.i + 5] if t.pos_ in {"PROPN", "NOUN"}), None
            )
        return ctx.speaker_from_tokens(noun, exclude, any_noun=True) if noun is not None else None
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
    for child in cue.children:
        if child.dep_ in AGENT_DEPS and not inside(child):
            noun = child if child.dep_ == "obl:agent" else next(iter(child.children), None)
            if noun is not None:
                speaker = ctx.speaker_from_tokens(noun, exclude)
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
    after = doc[first : min(len(doc), first + 3)]
    for tok in after:
        if tok.is_punct or inside(tok):
            break
        if is_time(tok):
            continue  # ``said Monday``: when, not who
        if tok.pos_ == "PROPN" or ctx.mention_at(tok.idx, tok.idx + len(tok.text)):
            return ctx.speaker_from_tokens(tok, exclude)
    if ctx.lang == "en":
        # ``“…,” Tulsa police Chief Jane Roe said.``: the parser often hangs the name elsewhere;
        # the name right before the cue, after the closing mark, is its subject
        for tok in reversed(doc[max(0, cue.i - 3) : cue.i]):
            if tok.is_punct or inside(tok):
                break
            if not is_time(tok) and ctx.mention_at(tok.idx, tok.idx + len(tok.text)):
                return ctx.speaker_from_tokens(tok, exclude)
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
        if head.head is head:
            break
        head = head.head
        if inside(head):
            continue
        for child in head.children:
            if child.dep_ in SUBJ_DEPS and not inside(child):
                if child.morph.get("PronType", []) == ["Rel"] or child.lower_ in {"qui", "who"}:
                    continue
                speaker = ctx.speaker_from_tokens(child, exclude)
                if speaker is not None:
                    return speaker
    return None


#: cues that put a question to someone: with ``on`` as subject the askers are unnamed
_ASKING = {"demander", "interroger", "questionner"}

#: links by which the parser hangs a verb on its subject's name (``X, qui a fondé Y, conteste …
#: et affirme que …`` read with ``X`` as the root)
_HUNG_DEPS = {"conj", "parataxis", "advcl", "acl:relcl"}


#: adverbials between an incise verb and its inverted subject (``», indique pour sa part X``)
_INCISE_ADVERBIALS = sorted(
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
            "d'ailleurs",
            "volontiers",
            "simplement",
            "aussitôt",
            "immédiatement",
            "also",
            "later",
            "then",
        )
    ),
    key=len,
    reverse=True,
)


def skip_adverbial(doc, i: int) -> int:  # type: ignore[no-untyped-def]
    """The index after an adverbial of :data:`_INCISE_ADVERBIALS` starting at ``i`` (else ``i``)."""
    for phrase in _INCISE_ADVERBIALS:
        end = i + len(phrase)
        if end <= len(doc) and all(doc[i + k].lower_ == w for k, w in enumerate(phrase)):
            return end
    return i


_TIME_WORDS = frozenset(
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


def is_time(tok: Token) -> bool:
    """A date or time word (``Monday``, ``Friday afternoon``): never a speaker."""
    return tok.ent_type_ in {"DATE", "TIME"} or tok.lower_ in _TIME_WORDS


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
    for tok in reversed(ctx.doc[cue.sent.start : cue.i]):
        if tok.dep_ in SUBJ_DEPS and not inside(tok):
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


def attribute_marked(
    ctx: QuoteContext, open_at: int, close_at: int, content: tuple[int, int]
) -> Attribution:
    """The cue and speaker of a marked quote found in its frame (same sentence)."""
    f_start, f_end = frame(ctx, open_at, close_at)
    excl = (open_at, close_at + 1)
    after = [t for t in tokens_between(ctx, close_at + 1, f_end) if t.idx > close_at]
    before = [t for t in tokens_between(ctx, f_start, open_at) if t.idx + len(t.text) <= open_at]
    # an opening mark in the after-frame starts the next quote: stop there
    for k, tok in enumerate(after):
        if tok.text in {"«", "“"} or (tok.text == '"' and k > 0):
            after = after[:k]
            break
    after_cues = [t for t in after if is_cue(ctx, t)]
    before_cues = [t for t in before if is_cue(ctx, t)]
    candidates: list[tuple[Token, float]] = []
    if after_cues and after_cues[0].idx - close_at < 40:
        candidates.append((after_cues[0], 0.9))
    if before_cues:
        candidates.append((before_cues[-1], 0.85 if open_at - before_cues[-1].idx < 60 else 0.7))
    if after_cues:
        candidates += [(t, 0.7) for t in after_cues]
    for cue, conf in candidates:
        speaker = speaker_of_cue(ctx, cue, excl)
        if speaker is not None:
            return Attribution(cue, cue_span(cue), speaker, conf)
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
    framed = _framed_speaker(ctx, f_start, open_at, close_at, excl)
    if framed is not None:
        return Attribution(None, None, framed, 0.7)
    # ``« … » - Name`` and ``Name : « … »`` (no verb)
    dash = _dash_speaker(ctx, after, excl) or _dash_name(ctx, close_at)
    if dash is not None:
        return Attribution(None, None, dash, 0.7)
    colon = _colon_speaker(ctx, before, excl)
    if colon is not None:
        return Attribution(None, None, colon, 0.7)
    if candidates:
        cue = candidates[0][0]
        return Attribution(cue, cue_span(cue), None, 0.4)
    return Attribution(None, None, None, 0.3)


_POUR = re.compile(r"(?:^\s*|[.;:]\s*|\bet\s+)(?:pour|Pour)\s+([^,«»“”\"]{2,80}?)\s*,\s*$")
_READ_IN = re.compile(
    r"^\s*,?\s*(?:peut-on|pouvait-on|lit-on|pourra-t-on)\s+(?:lire\s+)?(?:dans|sur)\s+"
)


def _framed_speaker(
    ctx: QuoteContext, f_start: int, open_at: int, close_at: int, excl: tuple[int, int]
) -> Speaker | None:
    """Two verbless frames: ``Pour X, « … »`` (X's view) and ``« … », peut-on lire dans X``
    (X the source). X must be a speaker: a name, a pronoun, a person or a body."""
    text = ctx.text
    if ctx.lang != "fr":
        return None
    m = _POUR.search(text[f_start:open_at])
    if m is not None:
        return _phrase_speaker(ctx, f_start + m.start(1), f_start + m.end(1), excl)
    m2 = _READ_IN.match(text, close_at + 1, min(len(text), close_at + 60))
    if m2 is not None:
        return _phrase_speaker(ctx, m2.end(), min(len(text), m2.end() + 60), excl)
    return None


def _phrase_speaker(
    ctx: QuoteContext, start: int, end: int, excl: tuple[int, int]
) -> Speaker | None:
    toks = [t for t in tokens_between(ctx, start, end) if t.idx < end]
    if not toks:
        return None
    ref = ctx.mention_at(toks[0].idx, toks[min(len(toks), 4) - 1].idx + 1)
    if ref is not None and ref.entity.type in {"person", "organization"}:
        return Speaker(
            ref.entity.id, ref.entity.name, Span(ctx.text[ref.start : ref.end], ref.start, ref.end)
        )
    heads = [t for t in toks if t.pos_ in {"PRON", "PROPN", "NOUN"}]
    if not heads or heads[0].lower_ in FIRST_PERSON[ctx.lang] or heads[0].lower_ == "moi":
        return None
    return ctx.speaker_from_tokens(heads[0], excl)


def _dash_speaker(ctx: QuoteContext, after: list[Token], excl: tuple[int, int]) -> Speaker | None:
    if len(after) >= 2 and after[0].text in {"-", "—"}:
        for tok in after[1:4]:
            if tok.pos_ == "PROPN" or ctx.mention_at(tok.idx, tok.idx + 1):
                return ctx.speaker_from_tokens(tok, excl)
    return None


_DASH_NAME = re.compile(
    r"[ \t]*[-–—―][ \t]*((?:[A-ZÀ-Ý][\w'.-]*[ \t]){0,3}[A-ZÀ-Ý][\w'-]+)(?=[ \t]*(?:[.,;\n]|$|[«“\"]))"
)


def _dash_name(ctx: QuoteContext, close_at: int) -> Speaker | None:
    """``“…”― Jane Roe`` (a vox pop, a signed testimony): a name alone after a dash that follows
    the closing mark. Read on the text because the tokenizer glues ``”―`` and ``―Jane``."""
    m = _DASH_NAME.match(ctx.text, close_at + 1, min(len(ctx.text), close_at + 80))
    if m is None:
        return None
    start, end = m.start(1), m.end(1)
    ref = ctx.mention_at(start, end)
    if ref is not None and ref.entity.type in {"person", "organization"}:
        return Speaker(ref.entity.id, ref.entity.name, Span(ctx.text[start:end], start, end))
    return Speaker(None, m.group(1), Span(m.group(1), start, end))


def _colon_speaker(ctx: QuoteContext, before: list[Token], excl: tuple[int, int]) -> Speaker | None:
    if not before or before[-1].text != ":" or len(before) > 6:
        return None
    for tok in reversed(before[:-1]):
        if tok.pos_ in {"PROPN", "NOUN"} or ctx.mention_at(tok.idx, tok.idx + 1):
            return ctx.speaker_from_tokens(tok, excl)
    return None


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
        if head.head is head:
            break
        head = head.head
    return None


def is_naming_context(ctx: QuoteContext, before: str, cue_lemmas: set[str]) -> bool:
    """``le qualifiant de``, ``called him a``: a label given by the speaker, so a real quote."""
    return bool(cue_lemmas & NAMING[ctx.lang])
