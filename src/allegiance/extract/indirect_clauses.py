"""French reported clauses the parse does not hang on the cue, and the rules that trim them.

:mod:`allegiance.extract.indirect` asks the cue for the clause it governs; this module holds
what it falls back on and filters with for French: the action of a request or of advocacy
(``demande aux Y de …``, ``plaide pour …``), a ``que`` the parser left loose, a postposed cue
with an inverted subject (``…, précise l'office``) and that subject as speaker, ``C'est ce qu'a
dit X``, a present participle aside, a source asking to stay anonymous, and the splitting of a
reported clause around marked quotes (``… « temporaire » et qu'elle serait …``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.attribution import is_cue
from allegiance.extract.frames import source_noun
from allegiance.extract.incise_subjects import incise_description, skip_adverbial
from allegiance.extract.quote_context import QuoteContext
from allegiance.extract.relative_que import agreeing_relative
from allegiance.extract.report_filters import (
    MARK_TOKENS,
    contiguous,
    object_of,
    relative_clause,
    trailing_punct,
)
from allegiance.extract.speaker_words import FR_TIME_WORDS, WORDING_NOUNS, behind_preposition
from allegiance.extract.verb_chains import auxiliary_before, echo_of_previous
from allegiance.models import Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

CONTENT_DEPS = {"ccomp", "parataxis:obj"}


#: French cues of request whose content is the action asked of someone (``demande aux
#: exploitants de renoncer …``, ``appelle les parties à prendre …``, ``a averti la communauté
#: internationale de ne pas ignorer …``)
REQUEST_CUES = {
    "demander", "appeler", "exhorter", "inviter", "enjoindre", "sommer", "prier", "avertir",
    "supplier", "implorer", "inciter", "encourager",
    # advice and proposals: ``a recommandé de geler …``, ``préconise de …``
    "recommander", "préconiser", "conseiller", "proposer",
    # a pledge: ``s'engage à …`` (a cue only reflexive, with the infinitive)
    "engager",
}  # fmt: skip


def is_participle_aside(tok: Token) -> bool:
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
ADVOCACY_MARKS = {"pour"}


def requested_action(cue: Token, marks: set[str] | None = None) -> list[Token] | None:
    """``demande aux Y de …`` / ``appelle les Y à …``: the infinitive clause, with its ``de``/``à``,
    attached to the cue or to the person asked (the parser does either)."""
    doc = cue.doc
    heads = [cue] + [
        c for c in cue.children if c.dep_ in {"obj", "obl:arg", "iobj"} and not _of_thing(c)
    ]
    for head in heads:
        for child in head.children:
            if child.i <= cue.i or child.dep_ not in _ACTION_DEPS:
                continue
            if child.pos_ != "VERB" or "Inf" not in child.morph.get("VerbForm", []):
                continue
            if any(c.lower_ in CIRCUMSTANCE_MARKS for c in child.children if c.i < child.i):
                continue  # ``a averti les députés avant de quitter …``: a time, nothing asked
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
            if mark.i > 0 and doc[mark.i - 1].lemma_.lower() in _INFINITIVE_NOUNS:
                continue  # ``du danger de se baigner``: the infinitive says what the danger is
            if anonymity(child):
                return None
            content = contiguous(list(doc[mark.i : child.right_edge.i + 1]))
            return content if content is not None and len(content) >= 3 else None
    return None


def advocated_clause(ctx: QuoteContext, cue: Token) -> list[Token] | None:
    """``ont plaidé pour que l'État verse …``, ``milite pour que les saisonniers soient …``: the
    clause after ``pour que`` of a cue of advocacy, without the conjunction."""
    doc = cue.doc
    if any(_pleaded(c) for c in cue.children):
        return None  # ``a plaidé la légitime défense pour que …``: the plea, then its purpose
    for child in cue.children:
        if child.i <= cue.i or child.dep_ not in {"advcl", "ccomp", "acl"}:
            continue
        que = next(
            (
                m
                for m in child.children
                if m.dep_ == "mark"
                and m.lower_ in {"que", "qu'", "qu’"}
                and m.i > 0
                and doc[m.i - 1].lower_ == "pour"
            ),
            None,
        )
        if que is not None and que.i < child.i:
            toks = list(doc[que.i + 1 : child.right_edge.i + 1])
            if any(
                t.text == "," and (is_cue(ctx, toks[k + 1]) or toks[k + 1].lower_ == "d'")
                for k, t in enumerate(toks[:-1])
            ):
                # ``…, raconte sa mère`` / ``…, selon un communiqué``: the whole sentence is
                # someone else's report, the advocacy is part of what it says
                return None
            content = contiguous(toks)
            return content if content is not None and len(content) >= 3 else None
    return None


#: the one noun a plea may take for object and still argue for its ``pour que`` clause
_CAUSE = frozenset({"cause"})


def _pleaded(child: Token) -> bool:
    """What was pleaded, not the ``pour que`` clause: an object (``la légitime défense``; not a
    word of time, ``a plaidé mardi``, nor ``la cause de X``) or ``coupable``."""
    if child.lower_ == "coupable":
        return True
    if child.dep_ not in {"obj", "xcomp"} or child.lemma_.lower() in _CAUSE:
        return False
    return not (child.lower_ in FR_TIME_WORDS or child.lemma_.lower() in _DURATIONS)


#: nouns of a stretch of time the parser may take for an object (``a plaidé toute la soirée``)
_DURATIONS = frozenset(
    {"soirée", "journée", "matinée", "nuit", "semaine", "heure", "minute", "fois", "année", "an"}
)


#: verbs of naming a source: a source asking not to be named, cited or identified keeps
#: anonymous, it reports nothing
_IDENTIFYING = {"nommer", "citer", "identifier", "reconnaître", "photographier", "filmer"}
_KEEPING = {"garder", "conserver", "préserver"}


def anonymity(action: Token) -> bool:
    """``a demandé à ne pas être nommé`` or ``à garder l'anonymat``: a negated verb of
    identifying, or keeping one's anonymity (``l'anonymat des données est relatif`` is a report)."""
    if action.lemma_.lower() in _IDENTIFYING:
        return any(c.lower_ in {"pas", "jamais"} for c in action.children)
    return action.lemma_.lower() in _KEEPING and any(
        c.dep_ == "obj" and c.lemma_.lower() == "anonymat" for c in action.children
    )


_REQUEST_MARKS = {"de", "d'", "d", "à"}
#: words before ``de`` that make an infinitive a circumstance, not the action asked
CIRCUMSTANCE_MARKS = frozenset({"avant", "afin", "lieu", "sans", "plutôt", "loin", "faute"})


#: nouns whose ``de`` + infinitive says what they are (``le danger de se baigner``)
_INFINITIVE_NOUNS = frozenset(
    {"danger", "risque", "menace", "nécessité", "possibilité", "obligation", "interdiction",
     "urgence", "importance", "difficulté", "tentation", "peur", "crainte"}
)  # fmt: skip


def _of_thing(noun: Token) -> bool:
    """``a averti les baigneurs du danger de se baigner``: an oblique with ``de`` names what
    the warning is about; the person asked takes ``à`` (``demande aux exploitants de …``)."""
    return noun.dep_ not in {"obj", "ROOT"} and any(
        c.dep_ == "case" and c.lower_ in {"de", "du", "des", "d'"} for c in noun.children
    )


_ACTION_DEPS = {"xcomp", "acl", "advcl", "ccomp", "obl", "obl:arg", "obl:mod"}


#: words that may stand between a French cue and its ``que`` (``affirme dans sa plainte que``)
_QUE = {"que", "qu'", "qu"}
#: words that may stand between the comma and a postposed cue (``, comme l'a indiqué X``)
_BEFORE_POSTPOSED = {"comme", "ainsi", "que", "qu'", "l'", "le", "l", "lui", "leur", "se", "s'"}


#: the first word of a compound subordinator ending in ``que`` (``avant que``, ``alors que``,
#: ``parce que``): the clause it opens says when or why, not what was said
_SUBORDINATING_BEFORE_QUE = frozenset(
    {"avant", "après", "pendant", "alors", "parce", "bien", "dès", "sans", "tandis", "depuis",
     "afin", "lors", "sitôt", "tant", "pour", "malgré", "jusqu'à", "encore"}
)  # fmt: skip


def _aside_before_que(cue: Token) -> Token | None:
    """The ``que`` right after a short aside set between commas just after the cue (``a
    signalé, il y a une semaine, qu'il …``, ``a affirmé, dans un communiqué, que …``), with
    no ``que``, relative pronoun or sentence end inside the aside."""
    doc = cue.doc
    if cue.i + 2 >= cue.sent.end or doc[cue.i + 1].text != ",":
        return None
    for tok in doc[cue.i + 2 : min(cue.i + 12, cue.sent.end - 1)]:
        if tok.text == ",":
            nxt = doc[tok.i + 1]
            return nxt if nxt.lower_ in _QUE and tok.i > cue.i + 2 else None
        if tok.lower_ in _QUE | {"qui", "dont"} or tok.text in {".", ";", ":", "«", "»"}:
            return None
    return None


def que_after(cue: Token) -> Token | None:
    """The ``que`` a few words after a cue with no clause in the parse, with no verb between."""
    if any(c.dep_ in CONTENT_DEPS for c in cue.children):
        return None
    doc = cue.doc
    aside = _aside_before_que(cue)
    if aside is not None:  # ``a signalé, il y a une semaine, qu'il …``
        return aside
    # adjuncts may stand between (``a déclaré lors d'une conférence de presse à Beyrouth
    # qu'il …``): no verb nor punctuation may
    for tok in doc[cue.i + 1 : min(cue.i + 13, cue.sent.end - 2)]:
        if tok.lower_ in _QUE:
            if doc[tok.i - 1].lower_ in _SUBORDINATING_BEFORE_QUE:
                return None  # ``a-t-il dit aux juges avant que …``: a circumstance, not a content
            # ``souligne les progrès que l'entreprise a réalisés``, ``a estimé la hausse des
            # loyers que l'agence pourrait proposer``: a relative pronoun on the cue's object
            clause = tok.head
            relative = clause.dep_ == "acl:relcl" and object_of(clause.head, cue)
            return None if relative or agreeing_relative(tok) else tok
        if _adjectival_participle(tok, cue):
            continue  # ``a déclaré lors d'une émission télévisée que …``: no verb of a clause
        if tok.pos_ in {"VERB", "AUX", "PUNCT"} or tok.lower_ in {"qui", "dont"}:
            return None
    return None


def _adjectival_participle(tok: Token, cue: Token) -> bool:
    """A past participle used as the adjective of a noun just before it, inside the adjunct
    between a cue and its ``que`` (``lors d'une émission télévisée``, ``dans un entretien
    accordé au Monde``): it heads no clause of its own (no subject, no auxiliary), and its noun
    has a preposition (``a critiqué le rapport publié que …`` has a relative clause)."""
    return (
        tok.pos_ == "VERB"
        and "Part" in tok.morph.get("VerbForm", [])
        and "Past" in tok.morph.get("Tense", [])
        and tok.dep_ in {"acl", "amod"}
        and cue.i < tok.head.i < tok.i
        and tok.head.pos_ == "NOUN"
        and any(c.dep_ == "case" for c in tok.head.children)  # not the cue's object
        and not any(c.dep_.startswith(("nsubj", "aux", "cop")) for c in tok.children)
    )


#: how the parser hangs a stray ``que`` clause on a word of an adjunct (its ``que`` stays a
#: conjunction, ``mark``, which a relative pronoun is not)
_CLAUSE_DEPS = frozenset({"ccomp", "acl", "acl:relcl"})


def que_under_adjunct(cue: Token) -> Token | None:
    """``a annoncé, lors d'une intervention diffusée …, qu'un couvre-feu allait …``: the
    parser hung the ``que`` clause on a word of the adjunct between the cue and it. The clause
    counts when the words up from it to the cue are no verbs (so not ``a annoncé une réforme
    qui prévoit que …``)."""
    if any(c.dep_ in CONTENT_DEPS for c in cue.children):
        return None
    for tok in cue.subtree:
        if tok.i <= cue.i or tok.dep_ not in _CLAUSE_DEPS or tok.sent.start != cue.sent.start:
            continue
        # the ``que`` a conjunction right after the adjunct's closing comma
        mark = next((c for c in tok.children if c.dep_ == "mark"), None)
        if mark is None or mark.lower_.replace("’", "'") not in _QUE or mark.i < 1:
            continue
        if tok.doc[mark.i - 1].text != "," or agreeing_relative(mark, past_comma=True):
            continue  # ``sa sentence, qu'elle a accueillie …``: a relative pronoun
        up = tok.head
        while up.i != cue.i and up.pos_ not in {"VERB", "AUX"} and up.head.i != up.i:
            up = up.head
        if up.i == cue.i:
            return tok
    return None


#: what may stand between ``ne`` and a denied infinitive: the second negation word and clitics
_BEFORE_INFINITIVE = frozenset(
    {"pas", "jamais", "plus", "rien", "point", "guère", "se", "s'", "me", "m'", "nous", "vous"}
    | {"lui", "leur", "y", "en", "le", "la", "les", "l'"}
)


def infinitive_after(cue: Token) -> list[Token] | None:
    """``X dément avoir rencontré …``, ``X dément formellement être …``: the infinitive right
    after a cue (adverbs between) that the parser did not link to it, the tagger having read the
    cue as an adjective; the content runs from the infinitive to the end of the sentence."""
    if any(c.dep_ in CONTENT_DEPS or c.dep_ == "xcomp" for c in cue.children):
        return None
    doc = cue.doc
    k = cue.i + 1
    while True:  # adverbs, time words and an incise's phrases (``mardi dans un communiqué``)
        while k < cue.sent.end and (
            (doc[k].pos_ == "ADV" and doc[k].lower_ not in {"ne", "n'"})
            or doc[k].lower_ in FR_TIME_WORDS
        ):
            k += 1
        skipped = min(skip_adverbial(doc, k), cue.sent.end)
        if skipped == k:
            break
        k = skipped
    start = k
    if k + 1 < cue.sent.end and doc[k].lower_ in {"de", "d'"}:
        k += 1  # ``a proposé l'été dernier d'abandonner …``: the ``de`` of a request or promise
    if k < cue.sent.end and doc[k].lower_ in {"ne", "n'"}:
        # ``a assuré jeudi ne pas avoir prévenu …``, ``affirme ne s'être pas fait …``: a
        # denied infinitive opens with ``ne``, its second negation word and clitics
        k += 1
        while k < cue.sent.end and k - start <= 3 and doc[k].lower_ in _BEFORE_INFINITIVE:
            k += 1
    if k >= cue.sent.end or "Inf" not in doc[k].morph.get("VerbForm", []):
        return None
    k = start
    end = k
    while end < cue.sent.end and doc[end].text not in {".", ";", ":", "!", "?", "«", "»"}:
        end += 1
    content = list(doc[k:end])
    while content and trailing_punct(content[-1]):
        content = content[:-1]
    return content if len(content) >= 2 else None


def report_start(cue: Token) -> int:
    """Where the sentence of a postposed cue starts. The segmenter sometimes cuts a long report
    before its incise (``La garde à vue de X, soupçonné de …, a été prolongée | , a indiqué
    mercredi le parquet.``); a French sentence never opens with a comma, so a cue sentence that
    does continues the sentence before it."""
    start = cue.sent.start
    doc = cue.doc
    if start > 0 and doc[start].text == "," and start < cue.i:
        return doc[start - 1].sent.start
    return start


def postposed_comma(cue: Token) -> int | None:
    """Index of the comma before a postposed cue with an inverted subject (``…, précise l'OFAG``,
    ``…, a constaté la Ville``, ``…, comme l'indique X``): what precedes is the report."""
    doc = cue.doc
    sent = cue.sent
    start = report_start(cue)
    k = cue.i - 1
    while k > start and (
        doc[k].pos_ == "AUX"
        or doc[k].lower_ in _BEFORE_POSTPOSED
        or doc[k].pos_ == "ADV"
        or (doc[k].lemma_ == "faire" and cue.lemma_ in {"savoir", "valoir"})  # ``a fait savoir X``
    ):
        k -= 1
    if k <= start + 2 or doc[k].text != ",":
        return None
    if echo_of_previous(cue):
        return None  # ``C'est ce que X, président de Y, a déclaré``: the comma ends X's apposition
    aux = auxiliary_before(cue)
    if aux is not None and aux.i < k:
        return None  # ``X a, lundi, accusé …``: the comma closes an adverbial after the auxiliary
    nxt = cue.i + 1
    if nxt >= sent.end:
        return None
    past = _past_adjuncts(cue)
    if past == nxt:  # ``…, a indiqué de son côté le ministre``: the parser took ``côté`` for
        past = min(skip_adverbial(doc, nxt), sent.end - 1)  # the subject
    after = doc[past]
    if after.lower_ in _ADJUNCT_PREPOSITIONS:
        # ``…, a indiqué à l'AFP un de ses dirigeants``, ``…, a annoncé dans un tweet le
        # ministre``: the parser hung the subject on the addressee or the medium (``le tweet le
        # ministre``) or took it for a pronoun object; read it on the surface
        after = _subject_past_adjuncts(cue) or after
    partitive = after.dep_ == "det" and after.head.dep_.startswith("nsubj")  # ``de multiples X``
    if (after.lower_ in _QUE | {"à", "de", "d'", ":", ","} and not partitive) or after.is_punct:
        return None
    if any(
        c.i > cue.i
        and not is_participle_aside(c)
        and not relative_clause(c)
        and (c.dep_ in CONTENT_DEPS or (c.dep_ == "xcomp" and c.pos_ in {"VERB", "AUX", "ADJ"}))
        for c in cue.children
    ):
        return None
    if after.pos_ not in {"DET", "PROPN", "NOUN", "ADV", "X"} and after.lower_ not in {"un", "une"}:
        return None  # ``(l')un de ses dirigeants`` opens a subject too
    return k


def _past_adjuncts(cue: Token) -> int:
    """The index of the inverted subject when adjuncts of the cue stand between it and the cue
    (``, comme l'avait rapporté à l'époque X``, ``, a déclaré dans un communiqué X``); else the
    token right after the cue."""
    nxt = cue.i + 1
    subject = next((c for c in cue.children if c.dep_ == "nsubj" and c.i > nxt), None)
    if subject is None and not any(c.dep_.startswith("nsubj") for c in cue.children):
        # ``…, a indiqué à l'AFP l'un de ses dirigeants``: a cue without any subject takes the
        # inverted one after its adjuncts for an object
        subject = next((c for c in cue.children if c.dep_ == "obj" and c.i > nxt), None)
    if subject is None:
        return nxt
    adjuncts = [
        c for c in cue.children if c.dep_ in {"obl:mod", "obl", "advmod"} and c.i < subject.i
    ]
    covered = {t.i for c in adjuncts for t in c.subtree}
    # up to the subject's first word: its article is no adjunct (``… dans un communiqué la
    # porte-parole``)
    if all(k in covered for k in range(nxt, subject.left_edge.i)):
        return subject.left_edge.i
    return nxt


#: subordinators that open a clause of time, cause, contrast or purpose: such a clause says
#: when or why something was said, never what (``ce qu'elle a pensé lorsque X a parlé``,
#: which the parser may hang on the verb as its complement)
_ADVERBIAL_MARKS = {
    "lorsque", "lorsqu'", "puisque", "puisqu'", "parce", "alors", "tandis", "quoique",
    "dès", "pendant", "depuis", "sitôt", "afin", "avant", "après", "bien",
}  # fmt: skip
#: cues after which ``quand`` opens an indirect question (``a demandé quand …``)
_WHEN_QUESTION_CUES = {"demander", "interroger", "savoir", "ignorer", "préciser", "indiquer"}


def adverbial_complement(child: Token) -> bool:
    """A dependent of a speech verb that the parser took for its content but that is no report:
    a clause opened by a subordinator of time, cause or contrast (``a pensé lorsque …``,
    ``a réagi quand …``), or the adjectival ``à venir`` after the object (``confirmait le plan
    social à venir``: the upcoming plan, not a content)."""
    first = child.left_edge
    if child.dep_ == "xcomp" and child.lemma_ == "venir" and first.lower_ == "à":
        return child.i == first.i + 1 and len(list(child.subtree)) == 2
    if child.dep_ not in CONTENT_DEPS and child.dep_ not in {"advcl", "xcomp"}:
        return False
    marks = [c for c in child.children if c.dep_ == "mark" and c.i < child.i]
    if not marks:
        return False
    word = marks[0].lower_
    if child.dep_ == "xcomp":
        # ``rappelle-t-il avant d'ajouter …``, ``a-t-il dit pour justifier …``: an infinitive
        # after a preposition of time or purpose says what the speaker did next or why, while a
        # reported request or promise takes a bare ``de``/``à`` (``a promis de …``)
        return word in _ADVERBIAL_MARKS or word in {"pour", "sans"}
    if word == "quand":
        return child.head.lemma_.lower() not in _WHEN_QUESTION_CUES
    return word in _ADVERBIAL_MARKS


def sole_report_before(ctx: QuoteContext, cue: Token, start: int) -> bool:
    """The clause from ``start`` up to ``cue`` (set after it, in its sentence) stays in one
    paragraph and holds no speech verb of its own: ``cue`` is what reports it."""
    if "\n" in ctx.text[start : cue.idx]:
        return False
    return not any(is_cue(ctx, t) for t in cue.doc[cue.sent.start : cue.i] if t.idx >= start)


def own_clause(ctx: QuoteContext, cue: Token, start: int, end: int) -> bool:
    """Whether a cue a marked quote took also reports the clause [start, end) by itself: the
    clause follows the cue in its sentence and paragraph (or, for ``selon X``, precedes it in
    its sentence), and the cue is not part of what
    another cue reports (``a annoncé qu'il transmettrait un « … » et demanderait à …`` is one
    report holding marks: only the marks count)."""
    sent = cue.sent
    if cue.lower_ in {"selon", "après"} and end <= cue.idx and start >= sent.start_char:
        # ``Des témoins ont été entendus, selon le juge, « mais … »``: a source set after
        # its clause reports that clause as well as the marked words after it, unless it only
        # names the marked words' wording (``selon ses termes``) or a speech verb in the
        # clause reports it already (``X a assuré que …, selon lui « … »``)
        noun = source_noun(cue)
        return noun.lemma_.lower() not in WORDING_NOUNS and sole_report_before(ctx, cue, start)
    if start < cue.idx or end > sent.end_char or "\n" in ctx.text[cue.idx : start]:
        return False
    node = _coordinated_participle_head(cue) or cue
    while node.head.i != node.i:
        if node.dep_ in {"ccomp", "xcomp"} and is_cue(ctx, node.head):
            return False
        node = node.head
    return True


def _coordinated_participle_head(cue: Token) -> Token | None:
    """``a accusé Oslo de « … » et prévenu que …``: a bare past participle (no auxiliary, no
    subject) shares the auxiliary of the verb it is coordinated with, so that verb is in a
    compound tense. The parser may hang it on a verb inside the first report (``mettre``); the
    verb it really joins is the nearest one up the chain that has the auxiliary."""
    if cue.dep_ != "conj" or "Part" not in cue.morph.get("VerbForm", []):
        return None
    if any(c.dep_.startswith(("aux", "nsubj")) for c in cue.children):
        return None
    node = cue.head
    while node.head.i != node.i:
        if any(c.dep_ == "aux:tense" for c in node.children):
            return node if node.i != cue.head.i else None  # Tokens are new objects: no ``is``
        node = node.head
    return node if any(c.dep_ == "aux:tense" for c in node.children) else None


_QUE_MARKS = {"que", "qu'", "qu"}


def _before_announced_quote(content: list[Token], marked: list[tuple[int, int]]) -> list[Token]:
    """``a martelé qu'aucune négociation n'est envisagée : « Quiconque … »``: a colon that
    announces a marked quote ends the report; the quote is a direct one of its own."""
    starts = {s for s, _ in marked}
    for k, tok in enumerate(content[:-1]):
        if tok.text == ":" and k >= 3 and content[k + 1].idx in starts:
            return content[:k]
    return content


def _participle_aside_with_marks(
    content: list[Token], marked: list[tuple[int, int]]
) -> list[Token] | None:
    """``a assuré qu'il avait mis fin à la mission de X, accusé d'être « devenu fou »``: the
    marks stand in a past participle's aside after a comma, about a noun of the report; the
    clause before the comma is reported whole and the marks are a quote of their own."""
    hi = content[-1].idx + len(content[-1].text)
    for k, tok in enumerate(content[:-1]):
        nxt = content[k + 1]
        if (
            tok.text == ","
            and nxt.pos_ == "VERB"
            and "Part" in nxt.morph.get("VerbForm", [])
            and "Past" in nxt.morph.get("Tense", [])
            and nxt.dep_ in {"acl", "advcl", "appos"}
            and any(nxt.idx < s < hi for s, _ in marked)
            and not any(s < tok.idx < e for s, e in marked)
        ):
            before, after = content[:k], content[k + 2 :]
            inside = {t.i for t in before}
            # the clause's own verb heads what comes before the comma (not ``les habitants qui
            # vivent …, exposés « … », seraient relogés``), and no verb after the aside goes on
            # with it
            verbs = [
                t.head if t.dep_.startswith("aux") else t
                for t in before
                if t.pos_ in {"VERB", "AUX"} and "Fin" in t.morph.get("VerbForm", [])
            ]
            headed = any(v.head.i not in inside or v.head.i == v.i for v in verbs)
            going_on = any(
                "Fin" in t.morph.get("VerbForm", []) and not any(a <= t.idx < b for a, b in marked)
                for t in after
            )
            return before if len(before) >= 3 and headed and not going_on else None
    return None


def split_around_marks(
    ctx: QuoteContext,
    content: list[Token],
    marked: list[tuple[int, int]],
    *,
    conceded: bool = False,
) -> list[list[Token]]:
    """``a assuré que la mesure serait « temporaire » et qu'elle serait évaluée …``: when a
    reported clause holds a marked quote, only the marks count for it (the gold convention);
    a coordinated ``et que …`` clause without marks is a report of its own. ``content`` is
    returned whole when it holds no marked quote or no coordinated ``que`` clause."""
    content = _before_announced_quote(content, marked)
    lo, hi = content[0].idx, content[-1].idx + len(content[-1].text)
    # the content may start past the opening mark (``que « les modalités … » mais que …``)
    if not any(lo - 3 <= s and e <= hi + 1 for s, e in marked):
        return [content]
    aside = _participle_aside_with_marks(content, marked)
    if aside is not None:
        return [aside]
    cuts = []
    for tok in content:
        if tok.dep_ != "conj" or tok.pos_ not in {"VERB", "AUX", "ADJ"}:
            continue
        if conceded and _subjunctive(tok):
            # ``Bien que X ait affirmé que « … » et que les travaux soient finis``: with the cue
            # under a concession (``conceded``), the subjunctive goes on with the concession
            # (not ``a exigé que « … » et qu'une enquête soit ouverte``)
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
        if a != bounds[0]:
            piece = _before_next_clause(piece)
        while piece and trailing_punct(piece[-1], MARK_TOKENS):
            piece = piece[:-1]
        if len(piece) >= 3:
            pieces.append(piece)
    return pieces or [content]


def _subjunctive(verb: Token) -> bool:
    """The verb or its auxiliary is in the subjunctive."""
    words = [verb, *(c for c in verb.children if c.dep_.startswith(("aux", "cop")))]
    return any("Sub" in w.morph.get("Mood", []) for w in words)


def _before_next_clause(piece: list[Token]) -> list[Token]:
    """A coordinated ``que`` clause up to a comma that opens a clause of its own (``Bien que X
    ait assuré que « … » et qu'il ne faut pas …, tous n'ont pas accepté``: the main clause)."""
    for k, tok in enumerate(piece[:-1]):
        if tok.text == "," and piece[k + 1].dep_ in {"nsubj", "nsubj:pass", "expl:subj"}:
            return piece[:k]
    return piece


def preposed_comme(cue: Token) -> list[Token] | None:
    """``Comme l'a souligné l'Autorité, sollicitée sur ce point, il est difficile de …``: a cue
    in a ``comme l'…`` incise opening the sentence reports the main clause after the incise
    (the mirror of ``…, comme l'indique X``). The incise ends where the cue's subtree does."""
    doc = cue.doc
    sent = cue.sent
    k = cue.i - 1
    while k > sent.start and (doc[k].pos_ == "AUX" or doc[k].pos_ == "ADV"):
        k -= 1
    if k - 1 < sent.start or doc[k].lower_ not in {"l'", "le", "l"}:
        return None
    if doc[k - 1].lower_ != "comme":
        return None
    lead = [t for t in doc[sent.start : k - 1] if not t.is_punct]
    if len(lead) > 1 or (lead and lead[0].pos_ not in {"ADV", "CCONJ"}):
        return None  # ``comme`` must open the sentence (after a connector at most)
    if cue.head.i == cue.i or cue.head.i < cue.i:
        return None  # the incise hangs on the main clause, after it
    end = max(t.i for t in cue.subtree) + 1
    if end >= sent.end or doc[end].text != ",":
        return None
    content = [t for t in doc[end + 1 : sent.end] if t.text not in MARK_TOKENS]
    while content and trailing_punct(content[-1]):
        content = content[:-1]
    return content if len(content) >= 3 else None


def inverted_speaker(ctx: QuoteContext, cue: Token, exclude: tuple[int, int]) -> Speaker | None:
    """The subject after a postposed French cue, which the parser reads as its object
    (``…, précise l'office``, ``…, a constaté la Ville``), after the cue of a preposed
    ``comme l'a souligné X, …``, or after the cue of ``C'est ce qu'a confirmé X``."""
    if ctx.lang != "fr" or (
        postposed_comma(cue) is None and preposed_comme(cue) is None and not echo_of_previous(cue)
    ):
        return None
    # ``…, a déclaré le commissaire européen pour le Commerce X``: the name closing the
    # inverted description, which the parser may hang on the complement
    described = incise_description(
        ctx, skip_adverbial(ctx.doc, cue.i + 1), lambda t: exclude[0] <= t.idx < exclude[1]
    )
    if described is not None:
        return described
    for child in cue.children:
        if child.i > cue.i and child.dep_ in {"obj", "nsubj", "nsubj:pass", "obl:mod", "xcomp"}:
            if behind_preposition(child):
                continue  # ``…, a précisé à l'AFP le procureur``: the addressee, not the subject
            if _can_be_source(ctx, child):
                return ctx.speaker_from_tokens(child, exclude)
            break
    head = _subject_past_adjuncts(cue, ctx)
    if head is not None and _can_be_source(ctx, head):
        return ctx.speaker_from_tokens(head, exclude)
    return None


def _can_be_source(ctx: QuoteContext, tok: Token) -> bool:
    named = ctx.mention_of(tok) is not None
    return named or (tok.pos_ in {"NOUN", "PROPN"} and ctx.can_speak(tok))


#: words of time, and adverbs, that stand between a postposed cue and its subject (``indique
#: mardi X``, ``a également indiqué X``)
_TIME_WORDS = FR_TIME_WORDS | {
    "encore", "également", "aussi", "ainsi", "alors", "déjà", "récemment", "dernière", "cette",
    "semaine",
}  # fmt: skip
#: prepositions opening an adjunct between a postposed cue and its subject (``à l'AFP``,
#: ``dans un communiqué``, ``lors d'un point presse``)
_ADJUNCT_PREPOSITIONS = frozenset(
    {"à", "au", "aux", "dans", "lors", "devant", "sur", "par", "en", "auprès", "via", "pendant"}
)
#: determiners opening the inverted subject; ``de``/``des`` too (``de multiples sources``)
_SUBJECT_OPENERS = frozenset(
    {"le", "la", "l'", "les", "un", "une", "des", "de", "d'", "plusieurs", "son", "sa", "ses"}
)


def _person_starts(ctx: QuoteContext | None, tok: Token) -> bool:
    """A person's name starts at ``tok`` (without the mentions, a person entity of the model)."""
    if ctx is None:
        return tok.ent_iob_ == "B" and tok.ent_type_ == "PER"
    ref = ctx.mention_of(tok)
    return ref is not None and ref.start == tok.idx and ref.entity.type == "person"


def _subject_past_adjuncts(cue: Token, ctx: QuoteContext | None = None) -> Token | None:
    """The head noun of a postposed cue's inverted subject read on the surface, past words of
    time and prepositional adjuncts the parser may have taken for the subject or hung it on
    (``…, ont indiqué dimanche à l'AFP des sources locales``, ``…, indique mardi le quotidien
    X``)."""
    doc = cue.doc
    i, end = cue.i + 1, cue.sent.end
    while i < end:
        tok = doc[i]
        low = tok.lower_
        if low in _TIME_WORDS or tok.ent_type_ in {"DATE", "TIME"} or tok.like_num:
            i += 1
        elif low in _ADJUNCT_PREPOSITIONS:
            i += 1  # the adjunct: its determiners and adjectives, then its noun or name
            while (
                i < end
                and doc[i].lower_ in _SUBJECT_OPENERS | {"d'"}
                or (i < end and doc[i].pos_ in {"DET", "ADJ", "NUM"})
            ):
                i += 1
            first = i
            while i < end and doc[i].pos_ in {"NOUN", "PROPN"}:
                if i > first and _person_starts(ctx, doc[i]):
                    return doc[i]  # ``à l'AFP Jean Dupont``: the name after the addressee's
                i += 1
                if i < end and doc[i].lower_ in {"de", "d'", "du"} and doc[i - 1].pos_ == "NOUN":
                    i += 1  # ``lors d'une conférence de presse``
        elif low in _SUBJECT_OPENERS or tok.pos_ in {"DET", "ADJ"}:
            i += 1
        elif low in {"un", "une"} and i + 1 < end and doc[i + 1].lower_ in {"de", "d'"}:
            i += 2  # ``l'un de ses dirigeants``: the group named after the pronoun
        elif tok.pos_ in {"NOUN", "PROPN"}:
            return tok
        else:
            return None
    return None


def stranded_verb(cue: Token, clause: Token) -> Token | None:
    """``a soutenu que Marie et Jean l'avaient trompé``: with a coordinated subject the parser
    may take the subject for the ``que`` clause and hang its verb on the cue as an adverbial
    clause right after it; that verb and its dependents are the rest of the reported clause."""
    if clause.pos_ not in {"PROPN", "NOUN", "PRON"}:
        return None
    if not any(c.dep_ == "mark" and c.lower_ in {"que", "qu'"} for c in clause.children):
        return None
    verb = next(
        (
            c
            for c in cue.children
            if c.dep_ in {"advcl", "conj", "parataxis"}
            and c.pos_ in {"VERB", "AUX"}
            and c.left_edge.i == clause.right_edge.i + 1
        ),
        None,
    )
    if verb is None:
        return None
    # only a coordinated subject misleads the parser this way: the coordination hangs on the
    # nominal (``Marie et la société X`` | ``l'avaient …``) or opens the verb's subtree
    # (``Marie`` | ``et Jean avaient …``)
    if any(c.dep_ == "conj" for c in clause.children) or verb.left_edge.dep_ == "cc":
        return verb
    return None


def not_content(child: Token) -> bool:
    """Dependents of a speech verb that the parser may call its complement but never hold what
    was said: ``sans`` + infinitive (``a déclaré …, sans fournir de bilan``: what the speaker
    did not do), and the addressee ``à Bloomberg`` read as an infinitive (an infinitive never
    starts with a capital inside the sentence)."""
    if any(c.dep_ in {"mark", "case"} and c.lower_ == "sans" for c in child.children):
        return True
    if adverbial_complement(child):  # ``a pensé lorsque …``, ``le plan à venir``
        return True
    first = child.left_edge
    return (
        child.dep_ == "xcomp"
        and first.lower_ == "à"
        and child.text[:1].isupper()
        and child.i > child.sent.start
        and len(list(child.subtree)) <= 4
    )
