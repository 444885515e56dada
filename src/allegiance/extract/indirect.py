"""Reported speech without quotation marks: ``X a déclaré que …``, ``selon X, …``, ``X said …``.

The content is the clause the speech verb governs (``ccomp``; ``xcomp`` for verbs of promise and
intention; ``de …`` after ``accuser``), or, for ``selon X``/``according to X``, the rest of the
sentence. French incises without marks (``…, a-t-il ajouté``) take the sentence before the incise.
An indirect quote is kept only when a speaker is found: a cue alone says too little.

This module finds the cues and the clause each governs and builds the quotes; the French
fallbacks and trimming live in :mod:`~allegiance.extract.indirect_clauses`, the
``selon``/``d'après``/``on lit sur`` sources in :mod:`~allegiance.extract.indirect_sources`,
``Pour X, …`` opinions in :mod:`~allegiance.extract.indirect_opinions`, English helpers in
:mod:`~allegiance.extract.indirect_en`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.adjunct_infinitives import infinitive_past_adjunct
from allegiance.extract.attribution import cue_span, is_cue, speaker_of_cue
from allegiance.extract.cue_words import denied
from allegiance.extract.frames import lemma_guesses
from allegiance.extract.indirect_clauses import (
    ADVOCACY_CUES,
    ADVOCACY_MARKS,
    CONTENT_DEPS,
    REQUEST_CUES,
    advocated_clause,
    anonymity,
    infinitive_after,
    inverted_speaker,
    is_participle_aside,
    not_content,
    own_clause,
    postposed_comma,
    preposed_comme,
    que_after,
    que_under_adjunct,
    report_start,
    requested_action,
    sole_report_before,
    split_around_marks,
    stranded_verb,
)
from allegiance.extract.indirect_en import (
    english_object,
    english_report,
    in_paragraph,
    speaker_is_subject,
)
from allegiance.extract.indirect_incises import (
    inverted_clitic,
    inverted_incise,
    parenthetical_quote,
    que_past_relative,
    relative_after_source,
)
from allegiance.extract.indirect_opinions import firm_statements, inserted_opinions, opinion_quotes
from allegiance.extract.indirect_sources import (
    VARYING,
    believed_source,
    clause_after_source,
    clause_after_split,
    content_before_source,
    depending_on,
    document_author,
    learned_from_source,
    object_of_cue,
    read_in_source,
    relative_claim,
    source_speaker,
)
from allegiance.extract.media import is_media_noun, is_outlet
from allegiance.extract.nested_reports import nested_report, outer_quote
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
    trailing_punct,
)
from allegiance.extract.report_fragments import Fragment, fragments_in
from allegiance.extract.speaker_words import adverbs_before
from allegiance.extract.verb_chains import echo_of_previous, uncommaed_incise
from allegiance.models import Quote, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

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
        # a charge with the one charged as indirect object: ``reproche à X d'avoir menti``
        "reprocher",
        # ``ont réitéré avoir des preuves``, ``a exclu de démissionner``, ``réclament de
        # pouvoir irriguer``, ``s'est défendu d'être en conflit``
        "réitérer",
        "exclure",
        "réclamer",
        "défendre",
        # advice, like a proposal: ``a suggéré à l'Ukraine de céder …``
        "suggérer",
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


def _cue_lemma(ctx: QuoteContext, cue: Token) -> str:
    """The cue's lemma, or the lexicon infinitive the French lemmatizer missed (it leaves
    ``demande`` as ``demande``): the request and advocacy frames below go by the infinitive."""
    lemma = cue.lemma_.lower()
    if ctx.lang != "fr" or lemma in ctx.cues.words:
        return lemma
    return next((g for g in lemma_guesses(cue.lower_) if g in ctx.cues.words), lemma)


def _asks(cue: Token) -> bool:
    """``demande à X de …``: the person asked, which a form the lemmatizer missed must have to
    be read as a request (``la pétition demande d'interdire …`` has a document as subject)."""
    return any(
        c.dep_ in {"obl:arg", "iobj", "obj"} and c.i > cue.i and c.pos_ in {"PROPN", "NOUN", "PRON"}
        for c in cue.children
    )


def _speaking_subject(ctx: QuoteContext, cue: Token) -> bool:
    """The cue's subject is a name or a noun that may speak (``Le collectif demande
    d'arracher …``), not a document (``la pétition demande d'interdire …``): a verb so
    introduced asks even with nobody named as asked."""
    if cue.pos_ != "VERB":
        return False
    subject = next((c for c in cue.children if c.dep_ == "nsubj" and c.i < cue.i), None)
    return subject is not None and (
        ctx.mention_of(subject) is not None or (subject.pos_ == "NOUN" and ctx.can_speak(subject))
    )


def _content_tokens(ctx: QuoteContext, cue: Token) -> list[Token] | None:
    lemma = _cue_lemma(ctx, cue)
    if (
        lemma in REQUEST_CUES
        and lemma != cue.lemma_.lower()
        and not _asks(cue)
        and not _speaking_subject(ctx, cue)
    ):
        lemma = cue.lemma_.lower()  # a guessed request with nobody asked: no request frame
    doc = ctx.doc
    if lemma in {"selon", "according"} or cue.lower_ in {"après", "according"}:
        if ctx.lang == "fr" and cue.dep_ in {"case", "fixed"}:
            # ``l'accusation de X selon laquelle …``, ``…, qui, selon X, menace …``
            claim = relative_claim(cue) or relative_after_source(cue)
            if claim is not None:
                return claim
            before = content_before_source(cue)
            if before is not None:
                return before
            split = clause_after_split(cue)
            if split is not None:
                return split
            after = clause_after_source(cue)
            if after is not None:
                return after
        # ``d'après X`` without a comma: ``après`` is fixed to the ``d'`` that is X's case
        fixed = cue.dep_ == "fixed" and cue.head.dep_ == "case" and cue.head.i == cue.i - 1
        case = cue.dep_ == "case" or fixed
        noun = (
            (cue.head.head if fixed else cue.head)
            if case
            else next((t for t in cue.subtree if t.dep_ == "pobj"), None)
        )
        if noun is None:
            return None
        clause_head = noun.head if case else cue.head  # English: according -> prep -> verb
        if clause_head.lemma_.lower() in VARYING and (noun.pos_ != "PROPN" or depending_on(noun)):
            # ``les délais varient selon l'Hôpital``: "depending on", no source (``les prix
            # ont varié de 10 % selon l'Insee`` is the Insee's figure)
            return None
        skip = {t.i for t in (noun.subtree if case else cue.subtree)}
        skip.add(cue.i)
        if cue.lower_ == "après" and cue.i > 0:
            skip.add(cue.i - 1)
        toks = [t for t in clause_head.subtree if t.i not in skip]
        toks = [t for t in toks if t.sent.start == cue.sent.start]
        if fixed:
            # ``Le chômage a reculé d'après l'Insee, mais …``: the clause ends at the source;
            # ``…, qui a reculé d'après X, …`` is a relative clause, no report of its own
            if clause_head.dep_ == "acl:relcl" or clause_head.i > cue.i:
                return None
            toks = [t for t in toks if t.i < cue.i]
        while toks and toks[0].dep_ == "cc":
            toks = toks[1:]  # ``…, et la grève se poursuit selon X``: the clause, not its ``et``
        return contiguous(toks)
    delayed = que_past_relative(ctx, cue) if ctx.lang == "fr" else None
    if delayed is not None:  # ``a déclaré à X, à laquelle il …, qu'il …``
        return contiguous(list(doc[delayed.i + 1 : cue.sent.end]))
    for child in cue.children:
        if ctx.lang == "fr" and is_participle_aside(child):
            continue  # ``…, déclare le FT, citant des sources``: the participle is no content
        if (
            child.dep_ == "xcomp"
            and child.pos_ in {"PROPN", "NOUN", "X"}
            and child.i > cue.i
            and not _verbal(child)
        ):
            continue  # ``…, précise Acme dans …``: an inverted subject read as a complement
        if (
            child.dep_ == "xcomp"
            and child.text[:1].isupper()
            and child.i > 0
            and doc[child.i - 1].pos_ == "PROPN"
        ):
            continue  # ``défend, sur France Inter ce mardi, …``: the end of a name
        if ctx.lang == "fr" and not_content(child):
            continue
        if child.dep_ == "xcomp" and _past_que(cue, child):
            continue  # ``a déclaré que X était un pays où il ne faisait pas bon vivre``
        if lemma == "exclure" and child.dep_ == "xcomp" and denied(cue):
            continue  # ``n'exclut pas d'appeler à la grève``: a hedge, not a statement
        if ctx.lang == "fr" and _de_infinitive_clause(cue, child, lemma):
            # ``a reproché aux insoumis, très remontés, de ne pas avoir participé``: the
            # infinitive read as an adverbial clause after the apposition
            return contiguous(list(child.subtree))
        if child.dep_ in CONTENT_DEPS or (child.dep_ == "xcomp" and lemma in XCOMP_CUES[ctx.lang]):
            if child.dep_ == "xcomp" and lemma in _THING_SUGGESTS and _thing_subject(ctx, cue):
                continue  # ``les chiffres suggèrent de revoir …``: data, no advice given
            if ctx.lang == "fr" and relative_clause(child):
                continue  # ``estime Berne qui se rallie à …``: a clause about the speaker
            if ctx.lang == "fr" and anonymity(child):
                return None
            stranded = stranded_verb(cue, child) if ctx.lang == "fr" else None
            if stranded is not None:  # ``que Marie et Jean avaient menti``
                return contiguous([*child.subtree, *stranded.subtree])
            verbless = _verbless_que_clause(child) if ctx.lang == "fr" else None
            if verbless is not None:
                return verbless
            return contiguous(list(child.subtree))
    if ctx.lang == "fr" and lemma in _CHARGE_CUES:
        charge = _charge_on_object(cue)
        if charge is not None:
            return charge
    if ctx.lang == "fr":
        intended = _intended_action(cue)
        if intended is not None:  # ``a annoncé son intention de céder …``
            return intended
    if ctx.lang == "fr" and lemma in ADVOCACY_CUES:
        advocated = requested_action(cue, ADVOCACY_MARKS) or advocated_clause(ctx, cue)
        if advocated is not None:
            return advocated
    if ctx.lang == "fr" and lemma in REQUEST_CUES:
        request = requested_action(cue)
        if request is not None:
            return request
    if ctx.lang == "fr" and lemma in (REQUEST_CUES | _DE_INFINITIVE_CUES) - _NO_ADJUNCT_CUES:
        past_adjunct = infinitive_past_adjunct(cue)
        if past_adjunct is not None:  # ``a promis sur France Inter de punir …``
            return past_adjunct
    if ctx.lang == "en":
        return english_object(cue, lemma)
    if ctx.lang == "fr":
        preposed = preposed_comme(cue)
        if preposed is not None:  # ``Comme l'a souligné X, …``: the clause after the incise
            return preposed
        que = que_after(cue)
        if que is not None:  # ``révèle que …`` misparsed: the clause after ``que``
            return contiguous([t for t in doc[que.i + 1 : cue.sent.end]])
        stray = que_under_adjunct(cue)
        if stray is not None:  # ``a annoncé, lors d'une intervention …, qu'un couvre-feu …``
            return contiguous(list(stray.subtree))
        if lemma in XCOMP_CUES["fr"] and cue.pos_ in {"ADV", "ADJ", "NOUN", "VERB"}:
            # ``X dément avoir …`` (``dément`` read as ADJ), ``a affirmé vendredi avoir tué …``
            # (the infinitive hung on the day)
            infinitive = infinitive_after(cue)
            if infinitive is not None:
                return infinitive
        comma = postposed_comma(cue)
        if comma is not None:  # ``…, précise l'office``, ``…, comme l'indique X``
            toks = [t for t in doc[report_start(cue) : comma] if t.text not in MARK_TOKENS]
            return toks if len(toks) >= 3 else None
        if echo_of_previous(cue):  # ``C'est ce qu'a rapporté X.``: the sentence before
            prev = doc[cue.sent.start - 1].sent if cue.sent.start > 0 else None
            if prev is not None and len(prev) >= 4:
                return contiguous(list(prev))
    if ctx.lang == "fr" and (
        cue.head.i < cue.i
        and (cue.dep_ in {"parataxis", "parataxis:insert"} or inverted_incise(cue))
        # the parser made the incise the root and the clause before it its adverbial clause
        or cue.head.i == cue.i
        and inverted_incise(cue)
        # ``Ils ont été relâchés annoncent leurs avocats.``: the incise's comma left out
        or uncommaed_incise(cue)
    ):
        # ``…, a-t-il ajouté`` / ``…, estime-t-il``: the sentence before the incise
        start = report_start(cue)
        end = cue.i
        end = adverbs_before(doc, end - 1, start - 1) + 1  # ``a-t-elle encore dit``
        while end > start and (
            doc[end - 1].is_punct or doc[end - 1].pos_ == "AUX" or inverted_clitic(doc[end - 1])
        ):
            end -= 1
        toks = list(doc[start:end])
        return toks if len(toks) >= 3 else None
    return None


#: cues whose subject may be a thing that points to something rather than a speaker
_THING_SUGGESTS = frozenset({"suggérer"})
#: cues whose ``de`` + infinitive after an adjunct may be no report: a suggestion by data, an
#: oath that is a curse (``a juré à l'antenne avant d'être coupé``)
_NO_ADJUNCT_CUES = _THING_SUGGESTS | {"jurer"}


def _thing_subject(ctx: QuoteContext, cue: Token) -> bool:
    """The cue's subject is a common noun that names no speaker (``les chiffres``, ``les
    premiers résultats de l'enquête``)."""
    subject = next((c for c in cue.children if c.dep_ in {"nsubj", "nsubj:pass"}), None)
    return subject is not None and subject.pos_ == "NOUN" and not ctx.can_speak(subject)


#: French cues whose content is what their object is charged with (``accuse X de …``)
_CHARGE_CUES = frozenset({"accuser", "soupçonner", "reprocher"})
#: cues of charge, request and promise whose content is a ``de`` + infinitive
_DE_INFINITIVE_CUES = _CHARGE_CUES | {
    "demander", "exiger", "promettre", "jurer", "menacer", "proposer", "réclamer", "suggérer"
}  # fmt: skip
#: how ``de`` hangs on an infinitive (``mark``) or on a copula's attribute (``case``)
_DE_LINKS = frozenset({"mark", "case"})


def _past_que(cue: Token, child: Token) -> bool:
    """An infinitive the parser hung on the cue from inside the ``que`` clause after it: a
    conjunction ``que`` stands between them, not one that completes a noun (``a promis,
    malgré l'idée que le texte est mort, de le faire voter``)."""
    doc = cue.doc
    return child.i > cue.i and any(
        t.lower_ in {"que", "qu'", "qu’"} and t.dep_ == "mark" and doc[t.i - 1].pos_ != "NOUN"
        for t in doc[cue.i + 1 : child.i]
    )


def _has_de(tok: Token, links: frozenset[str] = frozenset({"mark"})) -> bool:
    """``de``/``d'`` hangs on ``tok`` by one of ``links``."""
    return any(c.dep_ in links and c.lower_ in {"de", "d'"} for c in tok.children)


#: how the parser hangs a cue's ``de`` + infinitive when it misses the complement: an adverbial
#: clause, or an oblique when it tags the past participle as an auxiliary (``accuse X d'avoir
#: fait capoter …``)
_STRAY_CLAUSE_DEPS = frozenset({"advcl", "obl:mod", "obl", "obl:arg"})


def _condition_after(cue: Token, last: Token) -> list[Token]:
    """``préconise de suspendre X si le réseau n'apporte pas …``: a ``si`` clause right after
    the reported words (ending on ``last``), which the parser hung on the speech verb, is the
    condition of what was said (its tokens; none when no such clause follows)."""
    end = last.i
    if "Fut" in cue.morph.get("Tense", []):
        return []  # ``demandera de fermer l'école si …``: when the request will come
    for child in cue.children:
        first = child.left_edge
        if (
            child.dep_ == "advcl"
            and first.i == end + 1
            and first.lower_ in {"si", "s'", "s’"}
            and child.right_edge.i < cue.sent.end
            and not _hedge(child)
        ):
            return list(child.subtree)
    return []


#: verbs of a ``si`` clause that names a source or hedges the author's words (``si l'on en
#: croit X``, ``s'il faut en croire X``, ``si l'on se fie à``, ``si l'on en juge par``, ``si
#: j'ai bien compris``, ``si je puis dire``)
_HEDGING_VERBS = frozenset({"croire", "fier", "juger", "comprendre", "pouvoir", "oser"})


def _hedge(clause: Token) -> bool:
    """The ``si`` clause hedges or sources the words rather than conditioning them."""
    return any(
        t.lemma_.lower() in _HEDGING_VERBS or t.lower_ in {"je", "j'", "j’", "l'on"}
        for t in clause.subtree
    )


def _de_infinitive_clause(cue: Token, child: Token, lemma: str) -> bool:
    """A ``de`` + infinitive the parser hung on a cue of charge, request or promise as an
    adverbial clause (``advcl``) after it: its complement (``a reproché aux insoumis, très
    remontés, de ne pas avoir participé``). The clause must open on ``de`` (not ``plutôt que
    de``, ``en plus de``, ``loin de``), and a ``que`` clause of the cue wins."""
    if (
        child.dep_ not in _STRAY_CLAUSE_DEPS
        or child.i < cue.i
        or lemma not in _DE_INFINITIVE_CUES  # the lexicon's infinitive (``reproche``)
    ):
        return False
    if any(c.dep_ == "ccomp" for c in cue.children):
        return False
    first = child.left_edge
    if first.lower_ not in {"de", "d'"} or not any(c.i == first.i for c in child.children):
        return False
    return "Inf" in child.morph.get("VerbForm", []) or any(
        c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm", []) for c in child.children
    )


def _verbless_que_clause(clause: Token) -> list[Token] | None:
    """``a précisé que les trois blessés, deux hommes et une femme âgés de 24 à 61 ans, avaient
    été transportés …``: a ``que`` clause the parser headed on a noun has no verb, the verb
    being hung elsewhere. When the next verb of the sentence is finite and has no subject of
    its own, the clause runs from ``que`` through that verb's phrase, up to the first comma
    after it (``…, selon un communiqué`` stays out)."""
    que = next(
        (c for c in clause.children if c.dep_ == "mark" and c.lower_ in {"que", "qu'"}), None
    )
    if que is None or clause.pos_ not in {"NOUN", "PROPN"}:
        return None  # ``a dit que non``: a verbless answer stands as the parser read it
    if any(t.pos_ in {"VERB", "AUX"} for t in clause.subtree):
        return None
    doc = clause.doc
    end = clause.sent.end
    finite = next(
        (t for t in doc[clause.right_edge.i + 1 : end] if t.pos_ in {"VERB", "AUX"}), None
    )
    if finite is None or finite.morph.get("VerbForm", []) != ["Fin"]:
        return None
    verb = finite.head if finite.pos_ == "AUX" and finite.dep_.startswith("aux") else finite
    if any(c.dep_.startswith("nsubj") for c in verb.children):
        return None  # ``…, puis il est parti``: a new clause, not the verb lost
    stop = next((t.i for t in doc[verb.i + 1 : verb.right_edge.i + 1] if t.text == ","), None)
    return contiguous(list(doc[que.i + 1 : stop if stop is not None else verb.right_edge.i + 1]))


def _verbal(tok: Token) -> bool:
    """A word the tagger took for a noun that is a verb: ``d'avoir procédé``, ``de mentir``;
    or the attribute of an infinitive copula (``d'être responsable de …``, ``d'être des
    moutons``), which the parser heads by the noun or adjective."""
    if tok.pos_ in {"VERB", "AUX"}:
        return True
    copula = any(
        c.dep_ == "cop" and c.i < tok.i and "Inf" in c.morph.get("VerbForm", [])
        for c in tok.children
    )
    if copula:
        return _has_de(tok, _DE_LINKS)
    return _has_de(tok) and any(c.dep_.startswith("aux") for c in tok.children)


def _charge_on_object(cue: Token) -> list[Token] | None:
    """``a accusé des dizaines d'auditeurs de tricher …``: the parser hung the ``de``
    infinitive on the accused instead of the cue; it is still the charge (``reproche à X
    d'être trop lente``: a copula's attribute, hung as a noun modifier)."""
    for obj in (c for c in cue.children if c.dep_ in {"obj", "iobj", "obl:arg"} and c.i > cue.i):
        for tok in obj.subtree:
            if tok.dep_ in {"acl", "nmod"} and _verbal(tok) and _has_de(tok, _DE_LINKS):
                return contiguous(list(tok.subtree))
    return None


#: nouns of intent whose ``de`` + infinitive is what the speaker announces (``a annoncé son
#: intention de céder``, ``a réaffirmé sa volonté de …``, ``a fait part de son souhait de …``)
_INTENT_NOUNS = frozenset(
    {"intention", "volonté", "souhait", "décision", "refus", "désir", "détermination"}
)


#: the possessive that makes the intent the speaker's own (``son intention``, ``leur volonté``)
_POSSESSIVES = frozenset({"son", "sa", "leur", "notre", "ma", "mon"})


def _intended_action(cue: Token) -> list[Token] | None:
    """The ``de`` + infinitive of the speaker's own noun of intent (a possessive before it) that
    is the cue's object: the parser hangs the infinitive on the noun, so the cue has no clause."""
    for obj in cue.children:
        if obj.i < cue.i or obj.dep_ not in {"obj", "obl:arg", "obl", "obl:mod"}:
            continue
        if obj.lemma_.lower() not in _INTENT_NOUNS and obj.lower_ not in _INTENT_NOUNS:
            continue
        if not any(d.lower_ in _POSSESSIVES for d in obj.children if d.i < obj.i):
            continue  # ``a contesté toute intention de nuire``: not the speaker's own intent
        for tok in obj.children:
            if (
                tok.i > obj.i
                and tok.dep_ in {"acl", "xcomp", "nmod"}
                and _verbal(tok)
                and _has_de(tok)
            ):
                return contiguous(list(tok.subtree))
    return None


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
        while second and trailing_punct(second[-1]):
            second = second[:-1]
        if len(second) >= 2:
            contents.append(second)
    return contents or None


def _cue_order(ctx: QuoteContext) -> list[Token]:
    """The tokens in text order, save that in French an inverted incise (``…, explique-t-il.``,
    ``…, a-t-il indiqué, « … »``) comes before the other words of its sentence: what it reports
    may hold a speech verb of its own (``Son syndicat ne pouvait pas demander mieux que …,
    explique-t-il``) that is part of the report, not a report of its own, unless that verb
    has a subject noun or name of its own."""
    if ctx.lang != "fr":
        return list(ctx.doc)
    order: list[Token] = []
    for sent in ctx.doc.sents:
        incises = [t for t in sent if t.pos_ in {"VERB", "AUX"} and inverted_incise(t)]
        before = [t for t in sent if incises and t.i < incises[0].i]
        if not incises or any(_named_reporter(ctx, t) for t in before):
            # ``Le préfet a promis que …, rappelle-t-elle``: a report with a subject of its
            # own is the prefect's, relayed; the text order lets it take its clause
            order += list(sent)
            continue
        first = {t.i for t in incises}
        order += incises + [t for t in sent if t.i not in first]
    return order


def _named_reporter(ctx: QuoteContext, tok: Token) -> bool:
    """A speech verb with a subject noun or name of its own (``Le préfet a promis …``)."""
    return is_cue(ctx, tok) and any(
        c.dep_.startswith("nsubj") and c.pos_ in {"NOUN", "PROPN"} for c in tok.children
    )


def find_indirect(
    ctx: QuoteContext,
    marked: list[tuple[int, int]],
    used_cues: set[int],
    fragments: list[Fragment] | None = None,
) -> list[tuple[Quote, Token]]:
    """Indirect quotes whose content does not overlap a marked quote; and the marked
    ``fragments`` (rejected alone for want of a cue) that a French report holds, as partial
    quotes of its speaker."""
    fragments = list(fragments or [])
    out: list[tuple[Quote, Token]] = []
    taken: list[tuple[int, int]] = list(marked)
    quoted = quoted_stretches(ctx) if ctx.lang == "fr" else []
    for tok in _cue_order(ctx):
        # a cue a marked quote took (``a dénoncé un « coup monté » et rappelé que …``, the
        # parser hanging the marks on the nearer verb) may still govern a clause of its own
        # after it, outside every mark
        reused = tok.i in used_cues
        if reused and ctx.lang != "fr":
            continue
        if not (is_cue(ctx, tok) or _causative_cue(ctx, tok)):
            continue
        if tok.lemma_.lower() == "faire" and ctx.doc[tok.i + 1 : tok.i + 2].text == "état":
            continue  # ``fait état d'une hausse plus forte que prévu``: a noun object, no report
        outer = outer_quote(tok, marked)
        if outer is not None:  # a third party's report inside a direct quote
            nested = nested_report(ctx, tok, outer, _content_tokens, _report_speaker)
            if nested is not None and reports_speech(ctx, tok, []):
                out.append((nested, tok))
            continue
        if not reports_speech(ctx, tok, quoted):
            continue
        if ctx.lang == "en" and not english_report(tok):
            continue
        inserted = parenthetical_quote(ctx, tok, taken, quoted) if ctx.lang == "fr" else None
        if inserted is not None:  # ``Le projet, selon X, est mort.``
            taken.append((inserted.start, inserted.end))
            out.append((inserted, tok))
            continue
        contents = _incise_contents(ctx, tok) if ctx.lang == "en" else None
        if contents is None:
            content = _content_tokens(ctx, tok)
            if content and ctx.lang == "fr":
                content = tidy_content(ctx, [*content, *_condition_after(tok, content[-1])], tok)
            contents = [content] if content is not None else []
        if ctx.lang == "en":
            contents = [c for c in (in_paragraph(tok, c) for c in contents) if c is not None]
        if ctx.lang == "fr" and contents:
            inside = fragments_in(ctx, contents[0], fragments, tok) if fragments else []
            if inside:
                bounds = (contents[0][0].idx, contents[0][-1].idx + len(contents[0][-1].text))
                said_by = _report_speaker(ctx, tok, bounds)
                for fragment in inside if said_by is not None else []:
                    open_at, close_at, f_start, f_end = fragment
                    text = ctx.text[f_start:f_end]
                    partial = Quote(
                        text, f_start, f_end, "partial", cue_span(tok), said_by, [], 0.5
                    )
                    out.append((partial, tok))
                    marked = [*marked, (open_at, close_at + 1)]
                    taken.append((open_at, close_at + 1))
                    fragments.remove(fragment)
            whole = contents[0]
            conceded = _opened_by(tok, _CONCESSIVE_MARKS)
            contents = (
                [whole]  # ``Parce que X a dit que « … » et que personne …``: the reason goes on
                if _opened_by(tok, _CAUSAL_MARKS)
                else split_around_marks(ctx, whole, marked, conceded=conceded)
            )
            # ``a expliqué que « … » mais que personne ne serait oublié``: a clause coordinated
            # with the marked one is the cue's own report, though the marks took the cue
            coordinated = {id(c) for c in contents if c is not whole and c[0].i > whole[0].i}
        else:
            coordinated = set()
        speaker = None
        for content in contents:
            fitted = fit_to_quoted(
                ctx.text, content[0].idx, content[-1].idx + len(content[-1].text), quoted
            )
            if fitted is None:
                continue
            start, end = fitted
            overlapping = [(s, e) for s, e in taken if s < end and start < e]
            outlet = bool(overlapping) and _outlet_holds(
                ctx, tok, (start, end), overlapping, marked
            )
            if overlapping and not outlet:
                continue
            if (
                reused
                and not outlet
                and id(content) not in coordinated
                and not own_clause(ctx, tok, start, end)
                and not _incise_after_clause(ctx, tok, start, end)
            ):
                continue
            speaker = speaker or _report_speaker(ctx, tok, (start, end))
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
        out += opinion_quotes(ctx, taken)
        out += inserted_opinions(ctx, taken)
        out += firm_statements(ctx, taken)
        out += eyes_opinions(ctx, taken)
        out += read_in_source(ctx, taken)
        out += learned_from_source(ctx, taken)
        out += believed_source(ctx, taken)
    return out


#: words opening a clause of cause: a report inside one is the author's reason, and a ``que``
#: clause coordinated after it continues the reason (``parce que X a dit … et que …``)
_CAUSAL_MARKS = frozenset({"parce", "puisque", "puisqu'", "comme", "car"})


#: words opening a concession (``Bien que X ait affirmé …``)
_CONCESSIVE_MARKS = frozenset({"bien", "quoique", "quoiqu'", "sans", "encore"})


def _opened_by(cue: Token, marks: frozenset[str]) -> bool:
    """The cue's clause opens on one of ``marks`` (``Parce que X a dit …``)."""
    return any(c.dep_ == "mark" and c.lower_ in marks for c in cue.children)


def _incise_after_clause(ctx: QuoteContext, cue: Token, start: int, end: int) -> bool:
    """``X est prêt à …, a-t-il indiqué, « mais pas un dollar … »``: an inverted incise set
    after its clause [start, end) reports it as well as the marked words after the incise
    (no other speech verb in the clause, one paragraph)."""
    sent = cue.sent
    if ctx.lang != "fr" or not (start >= sent.start_char and end <= cue.idx):
        return False
    return inverted_incise(cue) and sole_report_before(ctx, cue, start)


def _outlet_holds(
    ctx: QuoteContext,
    cue: Token,
    content: tuple[int, int],
    overlapping: list[tuple[int, int]],
    marked: list[tuple[int, int]],
) -> bool:
    """``Le syndicat pourrait appeler à la grève contre une politique « injuste », indique le
    quotidien X``: a news outlet reports what someone else intends, and the marked words inside
    are that someone's, quoted by the outlet. The report stands as a whole beside them (when
    the speaker quotes his own words, only the marks count). Only short marked fragments lying
    inside the content qualify."""
    start, end = content
    for s, e in overlapping:
        inside = start <= s and e <= end + 1
        if not inside or (s, e) not in marked or len(ctx.text[s:e].split()) > 4:
            return False
        if _said_by_verb(ctx, s, e) or _owned_by_other_cue(ctx, cue, s, e):
            return False  # ``a qualifié X d'« escroc », selon Reuters``: the subject's words
    speaker = _report_speaker(ctx, cue, content)
    if speaker is None or speaker.mention is None or speaker.mention.start < end:
        return False  # only the outlet named after what it reports (``…, indique le journal X``)
    if ctx.text[max(0, speaker.mention.start - 3) : speaker.mention.start].strip() in {"à", "au"}:
        return False  # ``a confié à l'AFP``: the outlet was told, it does not report
    ref = ctx.mention_at(speaker.mention.start, speaker.mention.end)
    if ref is not None and is_outlet(ctx, ref):
        return True
    near = ctx.doc.char_span(
        max(0, speaker.mention.start - 12), speaker.mention.end, alignment_mode="expand"
    )
    return near is not None and any(is_media_noun(ctx.lang, t.lemma_.lower(), t) for t in near)


def _owned_by_other_cue(ctx: QuoteContext, cue: Token, start: int, end: int) -> bool:
    """The marked words ``[start, end)`` were attributed to the speaker of a speech verb before
    them, other than ``cue`` (``X a jugé l'offre « insuffisante », a rapporté Le Monde``, the
    parser having missed the link that :func:`_said_by_verb` follows)."""
    attribution = ctx.attribution_memo.get((start, end - 1))
    return (
        attribution is not None
        and attribution.cue is not None
        and attribution.speaker is not None
        and attribution.cue.i != cue.i
        and attribution.cue.idx < start
    )


def _said_by_verb(ctx: QuoteContext, start: int, end: int) -> bool:
    """Whether the marked words ``[start, end)`` stand in a clause of a speech verb (what the
    verb's subject said, ``qualifie X d'« escroc »``), not in one of another verb (``s'opposer
    à une politique « injuste »``: a word the outlet quotes)."""
    span = ctx.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return True
    for tok in span:
        if span.start <= tok.head.i < span.end:
            continue
        head = tok.head  # up to the verb of the clause the words stand in
        while head.pos_ not in {"VERB", "AUX"} and head.head.i != head.i:
            head = head.head
        if is_cue(ctx, head):
            return True
    return False


def _report_speaker(ctx: QuoteContext, cue: Token, content: tuple[int, int]) -> Speaker | None:
    """Who speaks through the cue of a report whose content spans ``content``."""
    speaker = source_speaker(ctx, cue, content)
    speaker = speaker or inverted_speaker(ctx, cue, content)
    speaker = speaker or speaker_of_cue(ctx, cue, content)
    if speaker is not None and ctx.lang == "fr" and object_of_cue(cue, speaker, content):
        speaker = None  # ``accuse X de …``: X is accused, not the accuser
    speaker = speaker or document_author(ctx, cue, content)
    speaker = speaker or subject_speaker(ctx, cue, content)
    speaker = speaker or _subject_cut_off(ctx, cue, content)
    return speaker or _narrative_infinitive(ctx, cue, content)


def _narrative_infinitive(
    ctx: QuoteContext, cue: Token, content: tuple[int, int]
) -> Speaker | None:
    """``Et d'ajouter que …``: an infinitive of narration opening its sentence, and heading it
    (not ``De prétendre que … relève du déni``, a subject), goes on with the speaker of the
    latest quote nearby (:meth:`QuoteContext.recent_speaker`), else with the subject of the
    sentence before."""
    doc = ctx.doc
    if ctx.lang != "fr" or cue.morph.get("VerbForm", []) != ["Inf"] or cue.sent.start == 0:
        return None
    if cue.dep_ != "ROOT":
        return None
    opening = [t.lower_ for t in doc[cue.sent.start : cue.i]]
    # ``Et``/``Puis`` say it goes on (a bare ``De prétendre que …`` may be a subject the
    # parser made the root)
    if opening not in (["et", "d'"], ["et", "de"], ["puis", "d'"], ["puis", "de"]):
        return None
    recent = ctx.recent_speaker(cue.idx, plural=False)
    if recent is not None:
        return recent
    previous = doc[cue.sent.start - 1].sent.root
    subject = next((c for c in previous.children if c.dep_.startswith("nsubj")), None)
    return ctx.speaker_from_tokens(subject, content) if subject is not None else None


#: what ends a sentence in the text itself (the parser may end one anywhere else)
_SENTENCE_ENDS = {".", "!", "?", ":", ";"}


def _subject_cut_off(ctx: QuoteContext, cue: Token, content: tuple[int, int]) -> Speaker | None:
    """``Le 5 mars, la Commodity Futures | Trading | Commission (CFTC) | a accusé …``: the
    parser cut a long name into sentences of their own, and the cue's sentence opens on its
    auxiliary with no subject. The subject is then the first named entity of the text's
    sentence that is not in a prepositional phrase (``des États-Unis``) before the cue."""
    if ctx.lang != "fr" or any(c.dep_.startswith(("nsubj", "expl")) for c in cue.children):
        return None
    doc = ctx.doc
    start = cue.sent.start
    if start == 0 or any(t.pos_ not in {"AUX", "ADV"} for t in doc[start : cue.i]):
        return None
    before = doc[start - 1]
    if before.text in _SENTENCE_ENDS or (before.is_space and "\n" in before.text):
        return None  # the text ends a sentence there too: no subject was cut off
    k = start - 1
    while k > 0 and doc[k - 1].text not in _SENTENCE_ENDS and "\n" not in doc[k - 1].text:
        k -= 1
    for tok in doc[k:start]:
        if not tok.text[:1].isupper() or tok.pos_ not in {"PROPN", "X", "NOUN"}:
            continue
        if any(c.dep_ == "case" for c in tok.head.children if c.i < tok.i):
            continue
        speaker = ctx.speaker_from_tokens(tok, content)
        if speaker is not None and speaker.entity is not None:
            return speaker
    return None


def _causative_cue(ctx: QuoteContext, tok: Token) -> bool:
    """``ont fait savoir que …``, ``fait valoir que …``, ``a laissé entendre que …``: an
    infinitive after ``faire`` or ``laisser`` (not denied) that the lexicon lists as a phrase
    (``faire savoir``); the infinitive governs the clause. (``a fait part de son intention de
    …`` is a cue of its own, :func:`~allegiance.extract.cue_words.is_cue`; only its noun of
    intent gives it a content, ``_intended_action``.)"""
    if ctx.lang != "fr" or tok.pos_ != "VERB" or tok.i == 0:
        return False
    prev = ctx.doc[tok.i - 1]
    causer = prev.lemma_.lower()
    if causer == "laisser" and (denied(prev) or denied(tok)):
        return False  # ``n'a pas laissé entendre que …``: nothing was suggested
    return causer in {"faire", "laisser"} and f"{causer} {tok.lemma_.lower()}" in ctx.cues.phrases
