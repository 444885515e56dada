"""Reported speech without quotation marks: ``X a déclaré que …``, ``selon X, …``, ``X said …``.

The content is the clause the speech verb governs (``ccomp``; ``xcomp`` for verbs of promise and
intention; ``de …`` after ``accuser``), or, for ``selon X``/``according to X``, the rest of the
sentence. French incises without marks (``…, a-t-il ajouté``) take the sentence before the incise.
An indirect quote is kept only when a speaker is found: a cue alone says too little.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.attribution import cue_span, is_cue, speaker_of_cue
from allegiance.extract.indirect_en import (
    english_object,
    english_report,
    in_paragraph,
    speaker_is_subject,
)
from allegiance.extract.quote_context import QuoteContext
from allegiance.extract.report_filters import (
    MARK_TOKENS,
    contiguous,
    eyes_opinions,
    fit_to_quoted,
    quoted_stretches,
    relative_clause,
    reports_speech,
    subject_speaker,
    tidy_content,
)
from allegiance.models import Quote, Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

XCOMP_CUES = {
    "fr": {
        "accuser",
        "promettre",
        "menacer",
        "jurer",
        "exiger",
        "demander",
        "affirmer",
        "assurer",
        # ``a annoncé avoir bouclé``, ``dit avoir abattu``, ``a proposé de négocier``
        "annoncer",
        "dire",
        "déclarer",
        "proposer",
        "appeler",
        "reconnaître",
        "nier",
        "démentir",
        "confirmer",
        "prétendre",
        "estimer",
        "indiquer",
        # verbs of telling with an infinitive of the same subject (``raconte avoir vu``,
        # ``explique opérer sans …``, ``a admis avoir menti``)
        "expliquer",
        "raconter",
        "admettre",
        "avouer",
        "soutenir",
        "certifier",
        "rappeler",
        "préciser",
        "confier",
        "répéter",
        "savoir",  # ``a fait savoir avoir …``
    },
    "en": {
        "promise",
        "vow",
        "pledge",
        "want",
        "hope",
        "expect",
        "urge",
        "ask",
        "threaten",
        "plan",
        "agree",
        "refuse",
        "decline",
        "claim",
        "call",
    },
}
CONTENT_DEPS = {"ccomp", "parataxis:obj"}


def _content_tokens(ctx: QuoteContext, cue: Token) -> list[Token] | None:
    lemma = cue.lemma_.lower()
    doc = ctx.doc
    if lemma in {"selon", "according"} or cue.lower_ in {"après", "according"}:
        if ctx.lang == "fr" and cue.dep_ in {"case", "fixed"}:
            before = _content_before_source(cue)
            if before is not None:
                return before
            split = _clause_after_split(cue)
            if split is not None:
                return split
            after = _clause_after_source(cue)
            if after is not None:
                return after
        noun = (
            cue.head
            if cue.dep_ == "case"
            else next((t for t in cue.subtree if t.dep_ == "pobj"), None)
        )
        if noun is None:
            return None
        clause_head = noun.head if cue.dep_ == "case" else cue.head
        if cue.dep_ != "case":  # English: according -> prep -> of the main verb
            clause_head = cue.head
        skip = {t.i for t in (noun.subtree if cue.dep_ == "case" else cue.subtree)}
        skip.add(cue.i)
        if cue.lower_ == "après" and cue.i > 0:
            skip.add(cue.i - 1)
        toks = [t for t in clause_head.subtree if t.i not in skip]
        toks = [t for t in toks if t.sent.start == cue.sent.start]
        return contiguous(toks)
    for child in cue.children:
        if ctx.lang == "fr" and _is_participle_aside(child):
            continue  # ``…, déclare le FT, citant des sources``: the participle is no content
        if child.dep_ == "xcomp" and child.pos_ in {"PROPN", "NOUN", "X"} and child.i > cue.i:
            continue  # ``…, précise Acme dans …``: an inverted subject read as a complement
        if child.dep_ in CONTENT_DEPS or (child.dep_ == "xcomp" and lemma in XCOMP_CUES[ctx.lang]):
            if ctx.lang == "fr" and relative_clause(child):
                continue  # ``estime Berne qui se rallie à …``: a clause about the speaker
            if ctx.lang == "fr" and _anonymity(child):
                return None
            return contiguous(list(child.subtree))
    if ctx.lang == "fr" and lemma in ADVOCACY_CUES:
        advocated = _requested_action(cue, _ADVOCACY_MARKS)
        if advocated is not None:
            return advocated
    if ctx.lang == "fr" and lemma in REQUEST_CUES:
        request = _requested_action(cue)
        if request is not None:
            return request
        if child.dep_ in {"prep"} and child.lower_ == "of" and lemma in {"accuse", "warn"}:
            return contiguous(list(child.subtree))
    if ctx.lang == "en":
        return english_object(cue, lemma)
    if ctx.lang == "fr":
        que = _que_after(cue)
        if que is not None:  # ``révèle que …`` misparsed: the clause after ``que``
            return contiguous([t for t in doc[que.i + 1 : cue.sent.end]])
        comma = _postposed_comma(cue)
        if comma is not None:  # ``…, précise l'office``, ``…, comme l'indique X``
            toks = [t for t in doc[cue.sent.start : comma] if t.text not in MARK_TOKENS]
            return toks if len(toks) >= 3 else None
        if _echo_of_previous(cue):  # ``C'est ce qu'a rapporté X.``: the sentence before
            prev = doc[cue.sent.start - 1].sent if cue.sent.start > 0 else None
            if prev is not None and len(prev) >= 4:
                return contiguous(list(prev))
    if ctx.lang == "fr" and cue.dep_ in {"parataxis", "parataxis:insert"} and cue.head.i < cue.i:
        # ``…, a-t-il ajouté`` / ``…, estime-t-il``: the sentence before the incise
        sent = cue.sent
        end = cue.i
        while end > sent.start and (doc[end - 1].is_punct or doc[end - 1].pos_ == "AUX"):
            end -= 1
        toks = list(doc[sent.start : end])
        return toks if len(toks) >= 3 else None
    return None


#: French cues of request whose content is the action asked of someone (``demande aux
#: exploitants de renoncer …``, ``appelle les parties à prendre …``)
REQUEST_CUES = {"demander", "appeler", "exhorter", "inviter", "enjoindre", "sommer", "prier"}


def _is_participle_aside(tok: Token) -> bool:
    """A present participle after a comma (``, citant des sources``): a comment on the report,
    not what was reported."""
    return (
        tok.i > 0
        and tok.doc[tok.i - 1].text == ","
        and tok.pos_ == "VERB"
        and "Part" in tok.morph.get("VerbForm", [])
        and "Pres" in tok.morph.get("Tense", [])
    )


#: French cues of advocacy whose content is the action argued for (``plaide pour aller plus
#: loin``, ``milite pour rouvrir …``): ``pour`` and its infinitive
ADVOCACY_CUES = {"plaider", "militer"}
_ADVOCACY_MARKS = {"pour"}


def _requested_action(cue: Token, marks: set[str] | None = None) -> list[Token] | None:
    """``demande aux Y de …`` / ``appelle les Y à …``: the infinitive clause, with its ``de``/``à``,
    attached to the cue or to the person asked (the parser does either)."""
    doc = cue.doc
    heads = [cue] + [c for c in cue.children if c.dep_ in {"obj", "obl:arg", "iobj"}]
    for head in heads:
        for child in head.children:
            if child.i <= cue.i or child.dep_ not in _ACTION_DEPS:
                continue
            if child.pos_ != "VERB" or "Inf" not in child.morph.get("VerbForm", []):
                continue
            mark = next(
                (
                    m
                    for m in child.children
                    if m.dep_ in {"mark", "case"} and m.lower_ in (marks or _REQUEST_MARKS)
                ),
                None,
            )
            if mark is None or mark.i < head.i:
                continue
            if _anonymity(child):
                return None
            content = contiguous(list(doc[mark.i : child.right_edge.i + 1]))
            return content if content is not None and len(content) >= 3 else None
    return None


#: verbs of naming a source: a source asking not to be named, cited or identified keeps
#: anonymous, it reports nothing
_IDENTIFYING = {"nommer", "citer", "identifier", "reconnaître", "photographier", "filmer"}
_KEEPING = {"garder", "conserver", "préserver"}


def _anonymity(action: Token) -> bool:
    """``a demandé à ne pas être nommé`` or ``à garder l'anonymat``: a negated verb of
    identifying, or keeping one's anonymity (``l'anonymat des données est relatif`` is a report)."""
    if action.lemma_.lower() in _IDENTIFYING:
        return any(c.lower_ in {"pas", "jamais"} for c in action.children)
    return action.lemma_.lower() in _KEEPING and any(
        c.dep_ == "obj" and c.lemma_.lower() == "anonymat" for c in action.children
    )


_REQUEST_MARKS = {"de", "d'", "d", "à"}
_ACTION_DEPS = {"xcomp", "acl", "advcl", "ccomp", "obl", "obl:arg", "obl:mod"}


def _content_before_source(cue: Token) -> list[Token] | None:
    """``<contenu>, selon le quotidien X`` / ``<contenu>, d'après un article du Y jeudi``: a
    source set after a comma, closing the sentence or followed by a comma, reports what precedes
    it in the sentence (the parser often hangs the source on the last noun)."""
    doc = cue.doc
    sent = cue.sent
    k = cue.i - 1
    if cue.lower_ == "après" and k >= sent.start and doc[k].lower_ in {"d'", "d"}:
        k -= 1
    if k <= sent.start + 2:
        return None
    noun = cue.head.head if cue.dep_ == "fixed" else cue.head  # ``d'`` <- ``après`` (fixed)
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
        if not any(t.pos_ == "PROPN" for t in noun.subtree):
            return None  # ``selon les professions``: "depending on", not a source
        k += 1
    toks = [t for t in doc[sent.start : k] if t.text not in MARK_TOKENS]
    return contiguous(toks) if len(toks) >= 3 else None


#: words opening a relative clause set off after a source (``selon X, qui …,``, ``, dont …``)
_RELATIVES = {"qui", "dont", "que", "qu'", "où", "lequel", "laquelle", "lesquels", "lesquelles"}


def _source_phrase_end(noun: Token) -> int:
    """Index just past the source noun phrase, a relative clause or an apposition set off by a
    comma left out (``selon le ministère, dont les chiffres …``: the source ends at the comma)."""
    doc = noun.doc
    end = noun.i + 1
    for tok in doc[noun.i + 1 : noun.right_edge.i + 1]:
        if tok.text == "," or tok.lower_ in _RELATIVES:
            break
        end = tok.i + 1
    return end


def _clause_after_source(cue: Token) -> list[Token] | None:
    """``D'après X, …`` / ``Selon X, qui intervient …, près de 40 % …``: a source opening its
    sentence reports the clause after the comma closing the source phrase; a relative clause
    or a verbless apposition set off by commas after the source is skipped. The parser often
    makes the source the root and hangs the clause on the relative verb."""
    doc = cue.doc
    sent = cue.sent
    first = cue.i - 1 if cue.lower_ == "après" else cue.i
    if first - sent.start > 1:  # ``Et selon X, …`` at most one word before
        return None
    lead = doc.text[: doc[first].idx].rstrip()
    if lead and lead[-1] not in ".!?»”\n:" and doc[first - 1].lower_ not in _LEADING:
        return None  # the parser cut the sentence before ``selon``, the text did not
    noun = next(
        (t for t in doc[cue.i + 1 : min(cue.i + 6, sent.end)] if t.pos_ in _SOURCE_POS), None
    )
    if noun is None:
        return None
    k = _source_phrase_end(noun)
    stop = _paragraph_stop(doc, sent.end, k)
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


def _clause_after_split(cue: Token) -> list[Token] | None:
    """``Selon CNBC, | sur cette levée …``: the parser closed the sentence after the source's
    comma; the report is the next sentence (same paragraph)."""
    doc = cue.doc
    sent = cue.sent
    words = [t for t in sent if not t.is_space]
    if not words or words[-1].text != "," or cue.i - sent.start > 2 or sent.end >= len(doc):
        return None
    following = doc[sent.end].sent
    toks = []
    for tok in following:
        if tok.is_space and "\n" in tok.text:
            break
        toks.append(tok)
    return contiguous(toks) if len(toks) >= 3 else None


#: words that may stand between a French cue and its ``que`` (``affirme dans sa plainte que``)
_QUE = {"que", "qu'", "qu"}
#: words that may stand between the comma and a postposed cue (``, comme l'a indiqué X``)
_BEFORE_POSTPOSED = {"comme", "ainsi", "que", "qu'", "l'", "le", "l", "lui", "leur", "se", "s'"}


def _que_after(cue: Token) -> Token | None:
    """The ``que`` a few words after a cue with no clause in the parse, with no verb between."""
    if any(c.dep_ in CONTENT_DEPS for c in cue.children):
        return None
    doc = cue.doc
    for tok in doc[cue.i + 1 : min(cue.i + 7, cue.sent.end - 2)]:
        if tok.lower_ in _QUE:
            # ``souligne les progrès que l'entreprise a réalisés``: a relative pronoun
            clause = tok.head
            relative = (
                clause.dep_ == "acl:relcl"
                and clause.head.dep_ == "obj"
                and clause.head.head.i == cue.i
            )
            return None if relative else tok
        if tok.pos_ in {"VERB", "AUX", "PUNCT"} or tok.lower_ in {"qui", "dont"}:
            return None
    return None


def _postposed_comma(cue: Token) -> int | None:
    """Index of the comma before a postposed cue with an inverted subject (``…, précise l'OFAG``,
    ``…, a constaté la Ville``, ``…, comme l'indique X``): what precedes is the report."""
    doc = cue.doc
    sent = cue.sent
    k = cue.i - 1
    while k > sent.start and (
        doc[k].pos_ == "AUX" or doc[k].lower_ in _BEFORE_POSTPOSED or doc[k].pos_ == "ADV"
    ):
        k -= 1
    if k <= sent.start + 2 or doc[k].text != ",":
        return None
    nxt = cue.i + 1
    if nxt >= sent.end:
        return None
    after = doc[_past_adjuncts(cue)]
    if after.lower_ in _QUE | {"à", "de", "d'", ":", ","} or after.is_punct:
        return None
    if any(
        c.i > cue.i
        and not _is_participle_aside(c)
        and not relative_clause(c)
        and (c.dep_ in CONTENT_DEPS or (c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX", "ADJ"}))
        for c in cue.children
    ):
        return None
    if after.pos_ not in {"DET", "PROPN", "NOUN", "ADV", "X"}:
        return None
    return k


def _past_adjuncts(cue: Token) -> int:
    """The index of the inverted subject when adjuncts of the cue stand between it and the cue
    (``, comme l'avait rapporté à l'époque X``, ``, a déclaré dans un communiqué X``); else the
    token right after the cue."""
    nxt = cue.i + 1
    subject = next((c for c in cue.children if c.dep_ == "nsubj" and c.i > nxt), None)
    if subject is None:
        return nxt
    adjuncts = [
        c for c in cue.children if c.dep_ in {"obl:mod", "obl", "advmod"} and c.i < subject.i
    ]
    covered = {t.i for c in adjuncts for t in c.subtree}
    if all(k in covered for k in range(nxt, subject.i)):
        return subject.left_edge.i
    return nxt


def _echo_of_previous(cue: Token) -> bool:
    """``C'est ce qu'a rapporté X`` / ``C'est ce qu'affirme X``."""
    doc = cue.doc
    words = [t.lower_ for t in doc[cue.sent.start : cue.i]]
    return words[:3] in (["c'", "est", "ce"], ["c", "est", "ce"]) and len(words) <= 6


def _incise_contents(ctx: QuoteContext, cue: Token) -> list[list[Token]] | None:
    """``Acts of protest, Mr. Obama said, are acts of patriotism``: the cue and its subject set off
    by commas inside the reported sentence; the content is the text on each side of the incise."""
    doc = ctx.doc
    sent = cue.sent
    # the incise: back from the cue to a comma, on from it to a comma or the sentence end
    left = cue.i
    while left - 1 > sent.start and cue.i - left < 8 and doc[left - 1].text != ",":
        left -= 1
    right = cue.i
    while right + 1 < sent.end and right - cue.i < 5 and not doc[right + 1].is_punct:
        right += 1
    if not any(c.dep_ in {"nsubj", "nsubjpass"} and left <= c.i <= right for c in cue.children):
        return None  # no speaker inside the incise: not an incise
    if cue.dep_ == "relcl" or any(t.lower_ in {"which", "who", "whom"} for t in doc[left : cue.i]):
        return None  # ``…, which Altman rejected``: a relative clause, not an incise
    if any(c.dep_ in {"ccomp", "dobj", "xcomp"} and c.i > cue.i for c in cue.children):
        return None  # ``he said, that …`` / ``with X fearing it was rushed``: an ordinary report
    if left - 1 <= sent.start or doc[left - 1].text != ",":
        return None
    if right + 1 >= sent.end:
        return None
    after = doc[right + 1]
    if after.text not in {",", ".", "!", "?", ";"}:
        return None
    contents = []
    first = [t for t in doc[sent.start : left - 1] if t.text not in MARK_TOKENS]
    if len(first) >= 2:
        contents.append(first)
    if after.text == "," and not (right + 2 < sent.end and doc[right + 2].tag_ == "VBG"):
        # ``…, sources said, setting up a struggle``: a participle after the incise is the
        # author's comment, not the rest of what was said
        second = [t for t in doc[right + 2 : sent.end] if t.text not in MARK_TOKENS]
        while second and second[-1].is_punct:
            second = second[:-1]
        if len(second) >= 2:
            contents.append(second)
    return contents or None


def find_indirect(
    ctx: QuoteContext, marked: list[tuple[int, int]], used_cues: set[int]
) -> list[tuple[Quote, Token]]:
    """Indirect quotes whose content does not overlap a marked quote."""
    out: list[tuple[Quote, Token]] = []
    taken: list[tuple[int, int]] = list(marked)
    quoted = quoted_stretches(ctx) if ctx.lang == "fr" else []
    for tok in ctx.doc:
        # a cue a marked quote took (``a dénoncé un « coup monté » et rappelé que …``, the
        # parser hanging the marks on the nearer verb) may still govern a clause of its own
        # after it, outside every mark
        reused = tok.i in used_cues
        if reused and ctx.lang != "fr":
            continue
        if not (is_cue(ctx, tok) or _causative_cue(ctx, tok)):
            continue
        if any(s <= tok.idx < e for s, e in marked):
            continue
        if not reports_speech(ctx, tok, quoted):
            continue
        if ctx.lang == "en" and not english_report(tok):
            continue
        contents = _incise_contents(ctx, tok) if ctx.lang == "en" else None
        if contents is None:
            content = _content_tokens(ctx, tok)
            if content is not None and ctx.lang == "fr":
                content = tidy_content(ctx, content, tok)
            contents = [content] if content is not None else []
        if ctx.lang == "en":
            contents = [c for c in (in_paragraph(tok, c) for c in contents) if c is not None]
        if ctx.lang == "fr" and contents:
            contents = _split_around_marks(ctx, contents[0], marked)
        speaker = None
        for content in contents:
            fitted = fit_to_quoted(
                ctx.text, content[0].idx, content[-1].idx + len(content[-1].text), quoted
            )
            if fitted is None:
                continue
            start, end = fitted
            if any(s < end and start < e for s, e in taken):
                continue
            if reused and not _own_clause(ctx, tok, start, end):
                continue
            speaker = speaker or _source_speaker(ctx, tok, (start, end))
            speaker = speaker or _inverted_speaker(ctx, tok, (start, end))
            speaker = speaker or speaker_of_cue(ctx, tok, (start, end))
            speaker = speaker or subject_speaker(ctx, tok, (start, end))
            if speaker is None:
                break
            if ctx.lang == "en" and not speaker_is_subject(tok, speaker):
                break
            conf = 0.6 if speaker.entity else 0.45
            quote = Quote(
                ctx.text[start:end], start, end, "indirect", cue_span(tok), speaker, [], conf
            )
            taken.append((start, end))
            out.append((quote, tok))
    if ctx.lang == "fr":
        out += _opinion_quotes(ctx, taken)
        out += eyes_opinions(ctx, taken)
        out += _read_in_source(ctx, taken)
        out += _learned_from_source(ctx, taken)
    return out


def _own_clause(ctx: QuoteContext, cue: Token, start: int, end: int) -> bool:
    """Whether a cue a marked quote took also reports the clause [start, end) by itself: the
    clause follows the cue in its sentence and paragraph, and the cue is not part of what
    another cue reports (``a annoncé qu'il transmettrait un « … » et demanderait à …`` is one
    report holding marks: only the marks count)."""
    sent = cue.sent
    if start < cue.idx or end > sent.end_char or "\n" in ctx.text[cue.idx : start]:
        return False
    node = cue
    while node.head.i != node.i:
        if node.dep_ in {"ccomp", "xcomp"} and is_cue(ctx, node.head):
            return False
        node = node.head
    return True


_QUE_MARKS = {"que", "qu'", "qu"}


def _split_around_marks(
    ctx: QuoteContext, content: list[Token], marked: list[tuple[int, int]]
) -> list[list[Token]]:
    """``a assuré que la mesure serait « temporaire » et qu'elle serait évaluée …``: when a
    reported clause holds a marked quote, only the marks count for it (the gold convention);
    a coordinated ``et que …`` clause without marks is a report of its own. ``content`` is
    returned whole when it holds no marked quote or no coordinated ``que`` clause."""
    lo, hi = content[0].idx, content[-1].idx + len(content[-1].text)
    if not any(lo <= s and e <= hi + 1 for s, e in marked):
        return [content]
    cuts = []
    for tok in content:
        if tok.dep_ != "conj" or tok.pos_ not in {"VERB", "AUX", "ADJ"}:
            continue
        mark = next((m for m in tok.children if m.dep_ == "mark" and m.lower_ in _QUE_MARKS), None)
        if mark is None or mark.i == 0 or ctx.doc[mark.i - 1].dep_ != "cc":
            continue
        cuts.append(mark.i - 1)
    if not cuts:
        return [content]
    pieces: list[list[Token]] = []
    bounds = [content[0].i, *cuts, content[-1].i + 1]
    for a, b in zip(bounds, bounds[1:], strict=False):
        piece = [t for t in content if a <= t.i < b]
        while piece and (piece[0].dep_ == "cc" or piece[0].lower_ in _QUE_MARKS):
            piece = piece[1:]
        while piece and piece[-1].is_punct and piece[-1].text not in MARK_TOKENS:
            piece = piece[:-1]
        if len(piece) >= 3:
            pieces.append(piece)
    return pieces or [content]


def _causative_cue(ctx: QuoteContext, tok: Token) -> bool:
    """``ont fait savoir que …``, ``fait valoir que …``: an infinitive after ``faire`` that the
    lexicon lists as a phrase (``faire savoir``); the infinitive governs the clause."""
    if ctx.lang != "fr" or tok.pos_ != "VERB" or tok.i == 0:
        return False
    prev = ctx.doc[tok.i - 1]
    return prev.lemma_.lower() == "faire" and f"faire {tok.lemma_.lower()}" in ctx.cues.phrases


#: the impersonal subject of ``a-t-on appris``, as the tokenizer splits it
_ON = {"on", "-on", "-t-on", "-t", "l'on"}


def _learned_from_source(
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
        source = next(
            (
                c
                for c in verb.children
                if c.i > verb.i
                and c.pos_ in {"NOUN", "PROPN"}
                and any(
                    m.dep_ in {"case", "fixed"} and m.lower_ in {"de", "d'", "auprès", "du", "des"}
                    for m in c.subtree
                    if m.i < c.i
                )
            ),
            None,
        )
        if source is None:
            continue
        toks = [t for t in doc[sent.start : k] if t.text not in MARK_TOKENS]
        content = contiguous(toks)
        if content is None or len(content) < 3:
            continue
        start, end = content[0].idx, content[-1].idx + len(content[-1].text)
        if any(s < end and start < e for s, e in taken):
            continue
        speaker = ctx.speaker_from_tokens(source, (start, end), any_noun=True)
        if speaker is None:
            words = doc[source.i : source.right_edge.i + 1]
            speaker = Speaker(None, words.text, Span(words.text, words.start_char, words.end_char))
        conf = 0.5 if speaker.entity else 0.4
        quote = Quote(
            ctx.text[start:end], start, end, "indirect", cue_span(verb), speaker, [], conf
        )
        taken.append((start, end))
        out.append((quote, verb))
    return out


#: ``on lit sur X que …``, ``on apprend via X que …``: what one reads or learns from a source
_READING_VERBS = {"lire", "apprendre", "découvrir"}
_SOURCE_CASES = {"sur", "via", "dans", "par", "chez"}


def _read_in_source(ctx: QuoteContext, taken: list[tuple[int, int]]) -> list[tuple[Quote, Token]]:
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
        quote = Quote(
            ctx.text[start:end],
            start,
            end,
            "indirect",
            cue_span(verb),
            speaker,
            [],
            0.5 if speaker.entity else 0.4,
        )
        taken.append((start, end))
        out.append((quote, verb))
    return out


_SENTENCE_END = {".", "!", "?", "«", ";"}


def _opens_sentence(tok: Token) -> bool:
    """First word of its sentence, or of a paragraph or a sentence the parser ran together
    with the previous one (after ``.``, ``»``, a line break), ``Et``/``Mais`` aside."""
    doc = tok.doc
    k = tok.i - 1
    while k >= 0 and doc[k].lower_ in _LEADING:
        k -= 1
    if k < 0 or doc[k + 1].is_sent_start:
        return True
    prev = doc[k]
    return prev.text in {".", "!", "?", "»", "”", '"'} or (prev.is_space and "\n" in prev.text)


def _sentence_stop(doc: Doc, k: int) -> int:
    """Index of the token ending the sentence begun at ``k`` (sentence parse or punctuation)."""
    end = doc[k].sent.end
    for tok in doc[k + 1 : end]:
        if tok.text in _SENTENCE_END or (tok.is_space and "\n" in tok.text):
            return tok.i
    return end


def _source_speaker(ctx: QuoteContext, cue: Token, exclude: tuple[int, int]) -> Speaker | None:
    """The source of a French ``selon``/``d'après`` opening its phrase: the first noun, name or
    pronoun after it, before any comma (``D'après lui, le gouvernement …``: ``lui``, not the
    subject of the report)."""
    if ctx.lang != "fr" or cue.lower_ not in {"selon", "après"}:
        return None
    for tok in ctx.doc[cue.i + 1 : min(cue.i + 6, cue.sent.end)]:
        if tok.text == "," or exclude[0] <= tok.idx < exclude[1]:
            return None
        if tok.pos_ == "PRON" and tok.lower_ in {"lui", "elle", "eux", "elles"}:
            speaker = ctx.speaker_from_tokens(tok, exclude)
            span = Span(tok.text, tok.idx, tok.idx + len(tok.text))
            return speaker or Speaker(None, tok.text, span)
        if tok.pos_ in {"PROPN", "NOUN"}:
            return None  # a name or a noun: the usual source reading does it
    return None


def _inverted_speaker(ctx: QuoteContext, cue: Token, exclude: tuple[int, int]) -> Speaker | None:
    """The subject after a postposed French cue, which the parser reads as its object
    (``…, précise l'office``, ``…, a constaté la Ville``)."""
    if ctx.lang != "fr" or _postposed_comma(cue) is None:
        return None
    for child in cue.children:
        if child.i > cue.i and child.dep_ in {"obj", "nsubj", "nsubj:pass", "obl:mod", "xcomp"}:
            named = ctx.mention_at(child.idx, child.idx + len(child.text)) is not None
            if named or (child.pos_ in {"NOUN", "PROPN"} and ctx.can_speak(child)):
                return ctx.speaker_from_tokens(child, exclude)
            break
    return None


#: ``Pour X, …``: the opinion of X, when X is someone (not ``pour la première fois``)
_OPINION_PREPS = {"pour"}
_LEADING = {"et", "mais", "or", "donc", "ainsi", "aussi", "enfin"}


def _opinion_quotes(ctx: QuoteContext, taken: list[tuple[int, int]]) -> list[tuple[Quote, Token]]:
    """``Pour Jeanne Dupont, directrice de X, les choix relèvent de …``, ``Pour lui, …``: the
    clause after the comma is the opinion of the person (or body) the sentence opens on."""
    doc = ctx.doc
    out: list[tuple[Quote, Token]] = []
    for prep in doc:
        if prep.lower_ not in _OPINION_PREPS or not _opens_sentence(prep):
            continue
        k = prep.i
        stop = _sentence_stop(doc, k)
        if stop - k < 5:
            continue
        if stop < len(doc) and doc[stop].text == "«":
            continue  # ``Pour X, … une « vraie connaissance »``: only the marked words count
        noun = prep.head if prep.dep_ == "case" and prep.head.i > prep.i else doc[k + 1]
        if noun.i > k + 5:
            continue
        comma = next((t.i for t in doc[k + 1 : min(k + 8, stop)] if t.text == ","), None)
        if comma is None:
            continue
        if noun.pos_ == "PRON":
            if noun.lower_ not in {"lui", "elle", "eux", "elles"}:
                continue
        elif noun.pos_ not in {"PROPN", "NOUN"} or not ctx.can_speak(noun):
            continue
        sent_end = stop
        # an apposition after the name (``, directrice de la rédaction,``): skip it
        start_i = comma + 1
        for _ in range(3):  # ``, sociologue, auteur de X, …``: verbless appositions
            nxt = next(
                (t.i for t in doc[start_i : min(start_i + 16, sent_end)] if t.text == ","), None
            )
            if nxt is None or any(t.pos_ in {"VERB", "AUX"} for t in doc[start_i:nxt]):
                break
            start_i = nxt + 1
        content = contiguous(list(doc[start_i:sent_end]))
        if content is None or len(content) < 4:
            continue
        if not any(t.pos_ in {"VERB", "AUX"} for t in content):
            continue
        start, end = content[0].idx, content[-1].idx + len(content[-1].text)
        if any(s < end and start < e for s, e in taken):
            continue
        speaker = ctx.speaker_from_tokens(noun, (start, end))
        if speaker is None and noun.pos_ == "PRON":  # ``Pour eux, …`` with no clear antecedent
            speaker = Speaker(None, noun.text, Span(noun.text, noun.idx, noun.idx + len(noun.text)))
        if speaker is None:
            continue
        if speaker.entity is not None:
            ent = ctx.entity(speaker.entity)
            if ent is None or ent.type not in {"person", "organization"}:
                continue
        quote = Quote(
            ctx.text[start:end],
            start,
            end,
            "indirect",
            cue_span(prep),
            speaker,
            [],
            0.5 if speaker.entity else 0.4,
        )
        taken.append((start, end))
        out.append((quote, prep))
    return out
