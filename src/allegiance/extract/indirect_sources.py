"""French reports whose source a preposition names, not a speech verb.

``<contenu>, selon X`` / ``D'après X, <contenu>`` / ``Selon X, | <contenu>`` (the parser
closing the sentence at the source's comma), the pronoun source of ``D'après lui, …``, and
the impersonal ``on`` forms: ``On lit sur X que …`` and ``…, a-t-on appris de source
judiciaire``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.attribution import cue_span, is_cue
from allegiance.extract.frames import source_noun
from allegiance.extract.indirect_clauses import CONTENT_DEPS
from allegiance.extract.quote_context import QuoteContext
from allegiance.extract.report_filters import MARK_TOKENS, contiguous, trailing_punct
from allegiance.extract.speaker_words import (
    DOCUMENT_NOUNS,
    FR_OF,
    FR_ON,
    FR_RELATIVES,
    FR_TIME_WORDS,
)
from allegiance.models import Quote, Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.tokens import Span as SpacySpan

#: words that may open a sentence before its source or opinion (``Et selon X, …``)
LEADING = {"et", "mais", "or", "donc", "ainsi", "aussi", "enfin"}


def content_before_source(cue: Token) -> list[Token] | None:
    """``<contenu>, selon le quotidien X`` / ``<contenu>, d'après un article du Y jeudi``: a
    source set after a comma, closing the sentence or followed by a comma, reports what precedes
    it in the sentence (the parser often hangs the source on the last noun)."""
    doc = cue.doc
    sent = cue.sent
    start = line_start(cue)
    k = cue.i - 1
    if cue.lower_ == "après" and k >= start and doc[k].lower_ in {"d'", "d"}:
        k -= 1
    if k <= start + 2:
        return None
    noun = source_noun(cue)
    if noun.i <= cue.i:
        return None
    # the source phrase must end the sentence (or a clause, at a comma); a relative clause
    # after it (``selon X, dont les chiffres …``) is the author's comment on the source
    end = _source_phrase_end(noun) if _relative_after(noun) else noun.right_edge.i + 1
    if end < sent.end and not doc[end].is_punct:
        return None
    if doc[k].text != ",":
        # ``Une hypothèse qui n'est pas irréaliste selon X : …``: no comma, but the source
        # closes the statement (a colon or the sentence end follows it)
        if end < sent.end and doc[end].text not in {":", ".", "!", "?", ";"}:
            return None
        k += 1
        varying = any(t.lemma_.lower() in VARYING for t in doc[start:k])
        if not (
            any(t.pos_ == "PROPN" for t in noun.subtree)
            # ``les tarifs varient selon le Syndicat des communes``: "depending on" again
            or (_capitalised_body(noun) and not varying)
        ):
            return None  # ``selon les professions``: "depending on", not a source
        if varying and depending_on(noun):
            return None  # ``les loyers varient selon Lyon, Bordeaux ou Nantes``
        start = _last_clause(doc, start, k)
    toks = [t for t in doc[start:k] if t.text not in MARK_TOKENS]
    toks = _past_kicker(toks)
    return contiguous(toks) if len(toks) >= 3 else None


#: verbs (and adjectives) whose ``selon`` means "depending on" (``varie selon la Région``,
#: ``est variable selon l'Etat``)
VARYING = frozenset(
    {"varier", "différer", "dépendre", "moduler", "répartir", "adapter", "fluctuer", "osciller",
     "différent", "variable", "inégal"}
)  # fmt: skip


def depending_on(noun: Token) -> bool:
    """A name after a varying ``selon`` that is one of a list (``selon Lyon, Bordeaux ou
    Nantes``, ``selon Paris et la province``): "depending on", no source (``ont fluctué de 8 %
    selon Pékin`` is Beijing's figure)."""
    return any(t.dep_ == "conj" for t in noun.subtree)


def _last_clause(doc: Doc, start: int, end: int) -> int:
    """Where the clause a source with no comma vouches for starts: after ``, mais`` / ``, or``
    (``La direction promet de maintenir l'emploi, mais 200 postes seront supprimés selon la
    CGT``: the contrast is the source's, not the promise), when a subject follows; else the
    sentence start (``…, et il a été remis en liberté selon le parquet`` may be the parquet's
    whole account)."""
    for k in range(end - 2, start, -1):
        if doc[k].text == "," and doc[k + 1].lower_ in {"mais", "or"}:
            if any(t.dep_.startswith("nsubj") for t in doc[k + 2 : end]):
                return k + 2
            break
    return start


def _capitalised_body(noun: Token) -> bool:
    """``selon le Groupement des hôtelleries``, ``selon la Métropole``, ``selon Ouest-France``:
    a capital after ``selon`` names a body the tagger took for a common noun (a verb of
    varying before it still makes it "depending on", see :data:`VARYING`)."""
    return noun.text[:1].isupper()


def _past_kicker(toks: list[Token]) -> list[Token]:
    """``Airbus : plus de 3.500 postes supprimés, selon FO``: a headline's topic before a colon
    (three words at most, no verb) is no part of what the source says."""
    colon = next((k for k, t in enumerate(toks[:4]) if t.text == ":"), None)
    if colon is None or colon == 0 or len(toks) - colon - 1 < 3:
        return toks
    if any(t.pos_ in {"VERB", "AUX"} for t in toks[:colon]):
        return toks
    return toks[colon + 1 :]


def line_start(tok: Token) -> int:
    """The first token of ``tok``'s sentence on ``tok``'s own line: the parser may run the end
    of one paragraph and the start of the next into one sentence (``…, s'est-elle demandée.
    | Selon une source policière, …``), and a report never crosses a paragraph."""
    doc = tok.doc
    for k in range(tok.i - 1, tok.sent.start - 1, -1):
        if doc[k].is_space and "\n" in doc[k].text:
            return k + 1
    return tok.sent.start


#: words opening a relative clause set off after a source (``selon X, qui …,``, ``, dont …``)
_RELATIVES = FR_RELATIVES


def _source_phrase_end(noun: Token) -> int:
    """Index just past the source noun phrase, a relative clause or an apposition set off by a
    comma left out (``selon le ministère, dont les chiffres …``: the source ends at the comma)."""
    doc = noun.doc
    end = noun.i + 1
    for tok in doc[noun.i + 1 : noun.right_edge.i + 1]:
        if tok.text == "," or tok.lower_ in _RELATIVES:
            break
        end = tok.i + 1
    while (
        end < len(doc)
        and doc[end - 1].text == "-"
        and not doc[end - 1].whitespace_
        and doc[end].text[:1].isupper()
    ):
        end += 1  # ``Var-Matin``: the title's second word the parser hung elsewhere
    return end


def clause_after_source(cue: Token) -> list[Token] | None:
    """``D'après X, …`` / ``Selon X, qui intervient …, près de 40 % …``: a source opening its
    sentence reports the clause after the comma closing the source phrase; a relative clause
    or a verbless apposition set off by commas after the source is skipped. The parser often
    makes the source the root and hangs the clause on the relative verb."""
    doc = cue.doc
    sent = cue.sent
    first = cue.i - 1 if cue.lower_ == "après" else cue.i
    if first - line_start(cue) > 1:  # ``Et selon X, …`` at most one word before
        return None
    lead = doc[:first].text_with_ws.rstrip()  # the text before ``first``, not all of Doc.text
    if lead and lead[-1] not in ".!?»”\n:" and doc[first - 1].lower_ not in LEADING:
        return None  # the parser cut the sentence before ``selon``, the text did not
    noun = next(
        (t for t in doc[cue.i + 1 : min(cue.i + 6, sent.end)] if t.pos_ in _SOURCE_POS), None
    )
    if noun is None:
        return None
    k = _source_phrase_end(noun)
    stop = _paragraph_stop(doc, sent.end, k)
    if k < stop and doc[k].lower_ in _RELATIVES:
        # ``Selon un rapport de X qui a interrogé …, le sentiment …``: a relative clause with
        # no comma before it still ends at the comma that closes the source phrase
        k = next((t.i for t in doc[k + 1 : stop] if t.text == ","), stop)
    for _ in range(3):  # the comma after the source, then at most two asides
        if k >= stop or doc[k].text != ",":
            return None
        nxt = next((t.i for t in doc[k + 1 : stop] if t.text == ","), None)
        if nxt is None:
            break
        aside = list(doc[k + 1 : nxt])
        relative = doc[k + 1].lower_ in _RELATIVES
        verbless = not any(t.pos_ in {"VERB", "AUX"} for t in aside)
        if relative or (verbless and len(aside) <= 8 and doc[k + 1].pos_ != "ADP"):
            k = nxt
            continue
        break
    toks = [t for t in doc[k + 1 : stop] if t.text not in MARK_TOKENS]
    if len(toks) < 3 or not any(t.pos_ in {"VERB", "AUX"} for t in toks):
        return None
    return contiguous(toks)


_SOURCE_POS = {"PROPN", "NOUN", "PRON"}


def _paragraph_stop(doc: Doc, end: int, start: int) -> int:
    """``end``, or the first line break between ``start`` and it (one paragraph only)."""
    return next((t.i for t in doc[start:end] if t.is_space and "\n" in t.text), end)


def _relative_after(noun: Token) -> bool:
    """Whether a comma and a relative pronoun follow the source noun phrase's core."""
    end = _source_phrase_end(noun)
    doc = noun.doc
    return end + 1 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in _RELATIVES


def clause_after_split(cue: Token) -> list[Token] | None:
    """``Selon CNBC, | sur cette levée …``: the parser closed the sentence after the source's
    comma; the report is the next sentence (same paragraph)."""
    doc = cue.doc
    sent = cue.sent
    words = [t for t in sent if not t.is_space]
    if not words or cue.i - sent.start > 2 or sent.end >= len(doc):
        return None
    k = sent.end
    if words[-1].text != "," and doc[sent.end].text != ",":
        # ``Selon Business | Courier, l'agence …``: the split fell inside the source's name
        while k < len(doc) and k - sent.end < 4 and doc[k].pos_ == "PROPN":
            k += 1
        if k == sent.end or k >= len(doc) or doc[k].text != "," or words[-1].pos_ != "PROPN":
            return None  # the split fell before or after the comma closing the source
        k = _past_apposition(doc, k)  # ``Courier, un hebdomadaire de Cincinnati, l'agence …``
    if any(t.pos_ in {"VERB", "AUX"} for t in sent):
        return None  # a verb of its own: not a bare source phrase
    # the next sentences up to the end of the statement: the parser may cut the clause again
    # (``Selon X | , le Qatar | et l'Égypte ont formulé …``)
    toks: list[Token] = []
    for tok in doc[k:]:
        if tok.is_space and "\n" in tok.text:
            break
        if not toks and tok.text == ",":
            continue
        toks.append(tok)
        if tok.text in {".", "!", "?"}:
            break
    return contiguous(toks) if len(toks) >= 3 else None


def _past_apposition(doc: Doc, comma: int) -> int:
    """The comma closing a verbless apposition set off after the source's comma (eight words
    at most, not opening on a preposition), else ``comma``."""
    stop = _paragraph_stop(doc, len(doc), comma + 1)
    nxt = next((t.i for t in doc[comma + 1 : min(comma + 10, stop)] if t.text == ","), None)
    first = doc[comma + 1]
    if nxt is None or not (first.pos_ == "DET" and "Ind" in first.morph.get("Definite", [])):
        # only ``, un hebdomadaire de Cincinnati,``: a definite phrase may be the clause's
        # subject (``, le groupe Kroger, premier distributeur …, prévoit …``)
        return comma
    aside = doc[comma + 1 : nxt]
    return comma if any(t.pos_ in {"VERB", "AUX"} for t in aside) else nxt


def split_name_source(ctx: QuoteContext, tok: Token) -> Speaker | None:
    """``Selon Business | Courier, …``: a name the parser cut at a sentence end, joined again
    (the knowledge base's entity when it knows the whole name)."""
    doc = ctx.doc
    if tok.pos_ != "PROPN" or tok.i + 1 != tok.sent.end or tok.i + 1 >= len(doc):
        return None
    end = tok.i + 1
    while end < len(doc) and end - tok.i <= 3 and doc[end].pos_ == "PROPN":
        end += 1
    if end == tok.i + 1:
        return None
    first = tok
    while first.i > 0 and doc[first.i - 1].pos_ == "PROPN":
        first = doc[first.i - 1]
    start, stop = first.idx, doc[end - 1].idx + len(doc[end - 1].text)
    ref = ctx.mention_at(start, stop)
    span = Span(ctx.text[start:stop], start, stop)
    if ref is not None:
        return Speaker(ref.entity.id, ref.entity.name, span)
    return Speaker(None, span.text, span)


def source_speaker(ctx: QuoteContext, cue: Token, exclude: tuple[int, int]) -> Speaker | None:
    """The source of a French ``selon``/``d'après`` opening its phrase: the first noun, name or
    pronoun after it, before any comma (``D'après lui, le gouvernement …``: ``lui``, not the
    subject of the report)."""
    if ctx.lang != "fr" or cue.lower_ not in {"selon", "après"}:
        return None
    for tok in ctx.doc[cue.i + 1 : min(cue.i + 6, cue.sent.end)]:
        if tok.text == "," or exclude[0] <= tok.idx < exclude[1]:
            return None
        if tok.lower_ == "ce" and tok.i == cue.i + 1:
            return _relative_source(ctx, tok, exclude)
        if tok.lower_ in _LEQUEL and tok.i == cue.i + 1:
            owner = _claim_owner(ctx, tok, exclude)
            if owner is not None:  # ``l'accusation de X selon laquelle …``
                return owner
            continue
        if tok.pos_ == "PRON" and tok.lower_ in {"lui", "elle", "eux", "elles"}:
            speaker = ctx.speaker_from_tokens(tok, exclude)
            span = Span(tok.text, tok.idx, tok.idx + len(tok.text))
            return speaker or Speaker(None, tok.text, span)
        if tok.pos_ in {"PROPN", "NOUN"}:
            # a name or a noun: the usual source reading does it, unless the parser cut it
            return split_name_source(ctx, tok)
    return None


def _relative_source(ctx: QuoteContext, ce: Token, exclude: tuple[int, int]) -> Speaker | None:
    """``…, selon ce que rapporte Le Parisien`` / ``d'après ce qu'a dit le maire``: the source
    is the subject of the speech verb of the relative clause on ``ce``, not ``ce``."""
    doc = ctx.doc
    if ce.i + 2 >= len(doc) or doc[ce.i + 1].lower_ not in {"que", "qu'"}:
        return None
    verb = next((t for t in doc[ce.i + 2 : min(ce.i + 5, len(doc))] if t.pos_ == "VERB"), None)
    if verb is None or not is_cue(ctx, verb):
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or exclude[0] <= subject.idx < exclude[1]:
        return None
    return ctx.speaker_from_tokens(subject, exclude)


_LEQUEL = {"lequel", "laquelle", "lesquels", "lesquelles"}


#: nouns of a speech act whose ``selon lequel`` clause is what was said (``l'accusation de X
#: selon laquelle …``); not nouns of mere ideas or reasoning (``l'idée``, ``l'argument``,
#: ``la thèse``), whose clause is the author's paraphrase
_SPEECH_NOUNS = {
    "accusation",
    "affirmation",
    "allégation",
    "assertion",
    "déclaration",
    "propos",
    "annonce",
    "démenti",
}


def _claim_owner(ctx: QuoteContext, rel: Token, exclude: tuple[int, int]) -> Speaker | None:
    """``l'accusation de Moscou selon laquelle …``, ``les propos du ministre selon lesquels
    …``: a speech noun whose relative clause on ``selon lequel`` is the reported claim; the
    speaker is the noun's ``de`` complement (the claim's author). Without one (``l'affirmation
    selon laquelle …``, ``des informations selon lesquelles …``) nobody is named: no source."""
    clause = rel.head
    if clause.dep_ != "acl:relcl" or clause.head.i >= rel.i:
        return None
    noun = clause.head
    if noun.dep_ == "nmod" and speech_noun(noun.head):
        owner: Token | None = noun  # the relative hung on the complement: ``de Moscou``
    elif speech_noun(noun):
        owner = next(
            (
                c
                for c in noun.children
                if c.dep_ == "nmod"
                and noun.i < c.i < rel.i
                and any(
                    d.dep_ == "case" and d.lower_ in {"de", "d'", "du", "des"} for d in c.children
                )
            ),
            None,
        )
    else:
        return None
    return ctx.speaker_from_tokens(owner, exclude) if owner is not None else None


def relative_claim(cue: Token) -> list[Token] | None:
    """The claim of ``l'accusation de X selon laquelle <claim>``: the relative clause on
    ``selon lequel`` after a speech noun, without ``selon lequel`` and without a verb the
    parser coordinated to it after a comma (``…, et a rappelé que …``: the main clause goes on,
    its subject is the sentence's)."""
    doc = cue.doc
    if cue.lower_ != "selon" or cue.i + 1 >= len(doc) or doc[cue.i + 1].lower_ not in _LEQUEL:
        return None
    rel = doc[cue.i + 1]
    clause = rel.head
    if clause.dep_ != "acl:relcl" or not (
        speech_noun(clause.head) or speech_noun(clause.head.head)
    ):
        return None
    cut = {cue.i, rel.i}
    for conj in (c for c in clause.children if c.dep_ == "conj" and c.i > clause.i):
        if doc[conj.left_edge.i - 1].text == "," or any(
            c.dep_ == "cc" and doc[c.i - 1].text == "," for c in conj.children
        ):
            cut |= {t.i for t in doc[conj.left_edge.i - 1 : conj.right_edge.i + 1]}
    toks = [t for t in clause.subtree if t.i not in cut and t.i > rel.i]
    while toks and trailing_punct(toks[-1]):
        toks.pop()
    return contiguous(toks) if len(toks) >= 3 else None


def speech_noun(tok: Token) -> bool:
    return tok.pos_ == "NOUN" and (
        tok.lemma_.lower() in _SPEECH_NOUNS or tok.lower_ in _SPEECH_NOUNS
    )


#: the impersonal subject of ``a-t-on appris``, as the tokenizer splits it (with the ``-t``)
_ON = FR_ON | {"-t"}


#: what a body publishes its words in (``apprend-on dans un communiqué de X``)
_PUBLICATIONS = frozenset(
    {"communiqué", "déclaration", "lettre", "tweet", "message", "courrier", "note", "rapport",
     "publication", "post", "tribune", "texte", "bulletin"}
)  # fmt: skip


def _publisher(verb: Token) -> Token | None:
    """``…, apprend-on dans un communiqué du syndicat X``: the words were learned from a
    publication, and its ``de`` complement, the body that published it, is the source."""
    for pub in verb.children:
        if pub.i < verb.i or pub.lemma_.lower() not in _PUBLICATIONS:
            continue
        if not any(c.dep_ == "case" and c.lower_ == "dans" for c in pub.children):
            continue
        return next(
            (
                c
                for c in pub.children
                if c.dep_ == "nmod"
                and c.pos_ in {"NOUN", "PROPN"}
                and any(m.dep_ == "case" and m.lower_ in FR_OF for m in c.children)
            ),
            None,
        )
    return None


def learned_from_source(
    ctx: QuoteContext, taken: list[tuple[int, int]]
) -> list[tuple[Quote, Token]]:
    """``…, a-t-on appris de source judiciaire`` / ``…, apprend-on auprès du parquet``: an
    incise of ``apprendre`` with the impersonal ``on`` after a comma; what precedes it in the
    sentence was learned from the source after ``de``/``auprès de``."""
    out: list[tuple[Quote, Token]] = []
    doc = ctx.doc
    for verb in doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() != "apprendre":
            continue
        sent = verb.sent
        k = verb.i - 1
        has_on = False
        while k > sent.start and (doc[k].pos_ == "AUX" or doc[k].lower_ in _ON):
            has_on = has_on or doc[k].lower_ in _ON
            k -= 1
        if verb.i + 1 < sent.end and doc[verb.i + 1].lower_ in _ON:
            has_on = True  # ``apprend-on``
        if not has_on or k <= sent.start + 2 or doc[k].text != ",":
            continue
        # ``apprend-on jeudi de deux sources``: the parser hangs the source on the day
        heads = [verb, *(c for c in verb.children if c.i > verb.i and c.lower_ in FR_TIME_WORDS)]
        # ``a-t-on appris lundi auprès du parquet``: or on an ``auprès`` read as an adverb
        heads += [c for h in heads for c in h.children if c.i > verb.i and c.lower_ == "auprès"]
        source = next(
            (
                c
                for h in heads
                for c in h.children
                if c.i > verb.i
                and c.pos_ in {"NOUN", "PROPN"}
                and c.lower_ not in FR_TIME_WORDS
                and any(
                    m.dep_ in {"case", "fixed"} and m.lower_ in {"de", "d'", "auprès", "du", "des"}
                    for m in c.subtree
                    if m.i < c.i
                )
            ),
            None,
        )
        if source is None:
            source = _publisher(verb)
        if source is None:
            continue
        toks = [t for t in doc[sent.start : k] if t.text not in MARK_TOKENS]
        content = contiguous(toks)
        if content is None or len(content) < 3:
            continue
        start, end = content[0].idx, content[-1].idx + len(content[-1].text)
        if any(s < end and start < e for s, e in taken):
            continue
        quote = _sourced_quote(
            ctx, verb, source, doc[source.i : source.right_edge.i + 1], start, end
        )
        taken.append((start, end))
        out.append((quote, verb))
    return out


#: ``on lit sur X que …``, ``on apprend via X que …``: what one reads or learns from a source
_READING_VERBS = {"lire", "apprendre", "découvrir"}
_SOURCE_CASES = {"sur", "via", "dans", "par", "chez"}


def read_in_source(ctx: QuoteContext, taken: list[tuple[int, int]]) -> list[tuple[Quote, Token]]:
    """``On lit sur X que …`` / ``on apprend via X que …``: the clause is reported by the source
    (an outlet, an agency) named after the preposition."""
    out: list[tuple[Quote, Token]] = []
    for verb in ctx.doc:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in _READING_VERBS:
            continue
        if not any(c.lower_ == "on" and c.dep_.startswith("nsubj") for c in verb.children):
            continue
        source = next(
            (
                c
                for c in verb.children
                if c.dep_.startswith("obl")
                and c.i > verb.i
                and any(k.dep_ == "case" and k.lower_ in _SOURCE_CASES for k in c.children)
            ),
            None,
        )
        clause = next((c for c in verb.children if c.dep_ in CONTENT_DEPS and c.i > verb.i), None)
        if source is None or clause is None or clause.i < source.i:
            continue
        toks = list(clause.subtree)
        brk = next((t.i for t in toks if t.is_space and "\n" in t.text), None)
        content = contiguous([t for t in toks if brk is None or t.i < brk])  # one paragraph
        if content is None or len(content) < 3:
            continue
        if any(t.is_space and "\n" in t.text for t in ctx.doc[verb.i : content[0].i]):
            continue  # the parser ran two paragraphs together
        start, end = content[0].idx, content[-1].idx + len(content[-1].text)
        if any(s < end and start < e for s, e in taken):
            continue
        speaker = ctx.speaker_from_tokens(source, (start, end), any_noun=True)
        if speaker is None:
            continue
        quote = reported_quote(ctx, cue_span(verb), speaker, start, end)
        taken.append((start, end))
        out.append((quote, verb))
    return out


_PUBLISHING = {"publier", "poster", "diffuser", "partager", "signer", "mettre", "relayer"}


def object_of_cue(cue: Token, speaker: Speaker, content: tuple[int, int]) -> bool:
    """Whether ``speaker`` is the person the cue is about, not its author: its object or the
    person asked, between the cue and the content (``accuse X de …``, ``demande à X de …``);
    an inverted subject after a postposed cue (``…, a indiqué X``) is read as an object too,
    but has the content before the cue."""
    if speaker.mention is None or content[0] < cue.idx:
        return False
    doc = cue.doc
    # the content starts at or after the cue (checked above): no earlier token can open it
    first = next((t for t in doc[cue.i :] if t.idx >= content[0]), None)
    if first is None or first.lower_ not in {"de", "d'", "d", "à", "a"}:
        return False  # ``comme l'a souligné X, il est …``: X, read as an object, is the subject
    for child in cue.children:
        if child.i > cue.i and child.dep_ in {"obj", "iobj", "obl:arg"}:
            first, last = child.left_edge, child
            if (
                first.idx <= speaker.mention.start < last.idx + len(last.text)
                and speaker.mention.end <= content[0]
            ):
                return True
    return False


def document_author(ctx: QuoteContext, cue: Token, exclude: tuple[int, int]) -> Speaker | None:
    """``Une vidéo publiée par X accuse …``, ``La vidéo de X accuse …`` or ``X a publié une
    vidéo. La vidéo accuse …``: a cue whose subject is a document speaks for the document's
    author, named on the noun itself or as the subject of a publishing verb a sentence around."""
    if ctx.lang != "fr":
        return None
    doc = cue.doc
    subject = next((c for c in cue.children if c.dep_ in {"nsubj", "nsubj:pass"}), None)
    if subject is None and cue.dep_.startswith("parataxis"):
        # ``Une vidéo publiée par X accuse …``: the parser hangs the verb on the noun phrase
        subject = next((a for a in cue.ancestors if a.lemma_.lower() in DOCUMENT_NOUNS), None)
    if subject is None or subject.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    for tok in subject.subtree:  # ``vidéo de X``, ``vidéo publiée par X``
        named = ctx.mention_of(tok) is not None
        if named and tok.dep_ in {"nmod", "obl:agent"} and tok.pos_ in {"PROPN", "NOUN"}:
            return ctx.speaker_from_tokens(tok, exclude)
    noun = subject.lemma_.lower()
    sents = list(doc.sents)
    here = next(n for n, s in enumerate(sents) if s.start <= cue.i < s.end)
    for sent in sents[max(0, here - 2) : here + 3]:
        for tok in sent:
            if tok.lemma_.lower() != noun or tok.i == subject.i:
                continue
            # ``la vidéo de X`` / ``X a publié la vidéo`` (the parser may hang the noun on a
            # word between, ``a publié dimanche une vidéo``: two heads up)
            for near in [tok, *list(tok.ancestors)[:2]]:
                for c in near.children:
                    named = ctx.mention_of(c) is not None
                    if not named or c.pos_ not in {"PROPN", "NOUN"}:
                        continue
                    by_noun = near.i == tok.i and c.dep_ in {"nmod", "obl:agent"}
                    by_verb = (
                        near.i != tok.i
                        and near.lemma_.lower() in _PUBLISHING
                        and c.dep_ in {"nsubj", "obl:agent"}
                    )
                    if by_noun or by_verb:
                        return ctx.speaker_from_tokens(c, exclude)
    return None


def believed_source(ctx: QuoteContext, taken: list[tuple[int, int]]) -> list[tuple[Quote, Token]]:
    """``…, si l'on en croit X.`` / ``…, à en croire X.`` / ``À en croire X, …``: the idiom
    names the source of the claim it is set off from by a comma, like ``selon X``; the claim is
    the rest of the sentence on that line."""
    out: list[tuple[Quote, Token]] = []
    doc = ctx.doc
    for verb in doc:
        if verb.lemma_.lower() != "croire" or verb.i < 2 or doc[verb.i - 1].lower_ != "en":
            continue
        opener = doc[verb.i - 2]  # ``à`` of ``à en croire``, ``on`` of ``si l'on en croit``
        if opener.lower_ == "on" and verb.i >= 3 and doc[verb.i - 3].lower_ in {"l'", "si"}:
            first = verb.i - 4 if doc[verb.i - 3].lower_ == "l'" else verb.i - 3
            if first < 0 or doc[first].lower_ not in {"si", "s'"}:
                continue
        elif opener.lower_ == "à":
            first = opener.i
        else:
            continue
        sent = verb.sent
        start = line_start(verb)
        source_end = verb.i + 1
        while source_end < sent.end and not (
            doc[source_end].is_punct or (doc[source_end].is_space and "\n" in doc[source_end].text)
        ):
            source_end += 1
        source = next(
            (t for t in doc[verb.i + 1 : source_end] if t.pos_ in _SOURCE_POS),
            None,
        )
        if source is None:
            continue
        if first - 1 > start + 2 and doc[first - 1].text == ",":
            # postposed: the source closes the sentence (or its clause)
            if source_end < sent.end and doc[source_end].text not in {".", "!", "?", ";", ":"}:
                continue
            toks = list(doc[start : first - 1])
        elif first - start <= 1 and source_end < sent.end and doc[source_end].text == ",":
            # preposed, opening its line (``Et à en croire X, …``)
            stop = _paragraph_stop(doc, sent.end, source_end + 1)
            toks = list(doc[source_end + 1 : stop])
        else:
            continue
        toks = [t for t in toks if t.text not in MARK_TOKENS]
        while toks and trailing_punct(toks[-1]):
            toks.pop()
        content = contiguous(toks)
        if (
            content is None
            or len(content) < 3
            or not any(t.pos_ in {"VERB", "AUX"} for t in content)
        ):
            continue
        begin, end = content[0].idx, content[-1].idx + len(content[-1].text)
        if any(s < end and begin < e for s, e in taken):
            continue
        quote = _sourced_quote(ctx, verb, source, doc[source.i : source_end], begin, end)
        taken.append((begin, end))
        out.append((quote, verb))
    return out


def _sourced_quote(
    ctx: QuoteContext, verb: Token, source: Token, words: SpacySpan, start: int, end: int
) -> Quote:
    """The indirect quote ``ctx.text[start:end]`` that ``verb`` reports from ``source``: its
    actor, else the source's own words as an unnamed speaker."""
    speaker = ctx.speaker_from_tokens(source, (start, end), any_noun=True)
    if speaker is None:
        speaker = Speaker(None, words.text, Span(words.text, words.start_char, words.end_char))
    return reported_quote(ctx, cue_span(verb), speaker, start, end)


def reported_quote(ctx: QuoteContext, cue: Span, speaker: Speaker, start: int, end: int) -> Quote:
    """The indirect quote ``ctx.text[start:end]`` of ``speaker``, less sure of an unnamed one."""
    conf = 0.5 if speaker.entity else 0.4
    return Quote(ctx.text[start:end], start, end, "indirect", cue, speaker, [], conf)
