"""French opinions set at the head of a sentence: ``Pour Jeanne Dupont, …``, ``Pour lui, …``.

No speech verb: the clause after the comma (and after any verbless apposition of the
person) is the opinion of the person or body the sentence opens on.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from allegiance.extract.attribution import cue_span
from allegiance.extract.cue_speakers import speaker_of_cue
from allegiance.extract.cue_words import is_cue
from allegiance.extract.indirect_sources import LEADING, reported_quote
from allegiance.extract.quote_context import QuoteContext
from allegiance.extract.report_filters import contiguous
from allegiance.extract.speaker_words import FR_HONORIFICS, FR_OF, FR_STRESSED
from allegiance.models import Quote, Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SENTENCE_END = {".", "!", "?", "«", ";"}


def _opens_sentence(tok: Token) -> bool:
    """First word of its sentence, or of a paragraph or a sentence the parser ran together
    with the previous one (after ``.``, ``»``, a line break), ``Et``/``Mais`` aside."""
    doc = tok.doc
    k = tok.i - 1
    while k >= 0 and doc[k].lower_ in LEADING:
        k -= 1
    if k < 0 or doc[k + 1].is_sent_start:
        return True
    prev = doc[k]
    if prev.text in {"»", "”", '"'}:
        # ``« Je pars. » Pour lui, …`` opens a sentence; ``une taxe “injuste” pour les
        # familles`` does not: after a closing mark only a capital opens one
        return doc[k + 1].text[:1].isupper()
    if prev.text == ":" and doc[k + 1].lower_ in _OPINION_PREPS:
        # a headline's kicker (``Budget: pour le ministre, …``) or a colon announcing the view:
        # the clause after the colon stands on its own
        return True
    return prev.text in {".", "!", "?"} or (prev.is_space and "\n" in prev.text)


#: conjunctions that set a second view against the first (``Pour X, …, mais pour Y, …``)
_CONTRAST = frozenset({"mais", "et", "tandis", "alors"})


def _view_holder(ctx: QuoteContext, prep: Token) -> bool:
    """``pour le parquet,``, ``pour Paul Roux,``, ``pour lui,``: ``pour`` then a determiner,
    a name or a stressed pronoun, a comma within eight words, and a noun that can speak
    before it (not ``pour financer …``, ``pour autant``, ``pour cela``)."""
    doc = prep.doc
    nxt = prep.i + 1
    if nxt >= len(doc) or not (doc[nxt].pos_ in {"DET", "PROPN"} or doc[nxt].lower_ in FR_STRESSED):
        return False
    comma = next((t.i for t in doc[nxt : nxt + 8] if t.text == ","), None)
    if comma is None:
        return False
    noun = next((t for t in doc[nxt:comma] if t.pos_ in {"NOUN", "PROPN", "PRON"}), None)
    return noun is not None and (noun.pos_ != "NOUN" or ctx.can_speak(noun))


def _second_view(ctx: QuoteContext, prep: Token) -> bool:
    """``…, mais pour le parquet, …``: a view contrasted, after a comma and ``mais``/``et``,
    with the view its sentence opened on (``Pour le syndicat, …``; not ``Pour financer …``)."""
    doc = prep.doc
    k = prep.i - 1
    if k > 0 and doc[k].lower_ == "que":
        k -= 1  # ``, alors que pour …``, ``, tandis que pour …``
    if k < 1 or doc[k].lower_ not in _CONTRAST or doc[k - 1].text != ",":
        return False
    first = prep.sent.start
    while first < prep.i and doc[first].lower_ in LEADING:
        first += 1
    return (
        first < prep.i
        and doc[first].lower_ in _OPINION_PREPS
        and _view_holder(ctx, doc[first])
        and _view_holder(ctx, prep)
    )


def _view_stop(ctx: QuoteContext, start: int, stop: int) -> int:
    """Where the view running from ``start`` ends: at the comma before a second, contrasted
    view in the same sentence (``Pour X, A, mais pour Y, B``), else at ``stop``."""
    doc = ctx.doc
    for tok in doc[start:stop]:
        if tok.lower_ in _OPINION_PREPS and _second_view(ctx, tok):
            k = tok.i - 1
            while doc[k].text != ",":
                k -= 1
            return k
    return stop


def _after_preposition(ctx: QuoteContext, speaker: Speaker, prep: Token) -> Speaker:
    """The speaker's words from after ``pour``: the parser may hang ``mais pour`` of a second
    view on its noun (``mais pour les syndicats`` -> ``les syndicats``)."""
    if speaker.mention is None:
        return speaker
    start = prep.doc[prep.i + 1].idx
    words = ctx.text[start : speaker.mention.end]
    name = speaker.name if speaker.entity is not None else words
    return Speaker(speaker.entity, name, Span(words, start, speaker.mention.end))


def _sentence_stop(doc: Doc, k: int) -> int:
    """Index of the token ending the sentence begun at ``k`` (sentence parse or punctuation)."""
    end = doc[k].sent.end
    for tok in doc[k + 1 : end]:
        if tok.text in _SENTENCE_END or (tok.is_space and "\n" in tok.text):
            return tok.i
    return end


#: ``Pour X, …``: the opinion of X, when X is someone (not ``pour la première fois``)
_OPINION_PREPS = {"pour"}
#: locutions that set a view at the head of a sentence, before ``de X``: ``Aux yeux de X, …``,
#: ``De l'avis de X, …``, ``Aux dires de X, …``, ``De l'aveu de X, …``
_VIEW_LOCUTIONS = (
    ("aux", "yeux"),
    ("de", "l'", "avis"),
    ("d'", "avis"),
    ("au", "dire"),
    ("aux", "dires"),
    ("de", "l'", "aveu"),
    ("de", "l'", "aveu", "même"),
)
#: titles set before a surname (``M. Dupont``, ``Mme Durand``, ``Me Martin``)
#: ``À son avis, …``, ``À leurs yeux, …``, ``À son sens, …``: a view set at the head of a
#: sentence by a third-person possessive, whose owner is the person spoken of before
_POSSESSIVE_VIEW_NOUNS = {"avis", "yeux", "sens"}
_POSSESSIVES = {"son": False, "sa": False, "ses": False, "leur": True, "leurs": True}


def _possessive_view(doc: Doc, i: int) -> Token | None:
    """``À son avis,`` starting at token ``i``: the possessive (the view's owner stands for it)."""
    if i + 3 >= len(doc) or doc[i].lower_ not in {"à", "a"}:
        return None
    poss, noun = doc[i + 1], doc[i + 2]
    if poss.lower_ not in _POSSESSIVES or noun.lower_ not in _POSSESSIVE_VIEW_NOUNS:
        return None
    if poss.lower_ == "leur" and noun.lower_ == "yeux":
        return None
    return poss if doc[i + 3].text == "," else None


def _possessive_speaker(ctx: QuoteContext, poss: Token) -> Speaker | None:
    """The owner of ``son``/``leur`` in ``À son avis,``: the speaker quoted just before, or the
    person the pronoun rules find for a subject pronoun standing there."""
    plural = _POSSESSIVES[poss.lower_]
    span = Span(poss.text, poss.idx, poss.idx + len(poss.text))
    recent = ctx.recent_speaker(poss.idx, plural=plural)
    if recent is None and not plural:
        recent = _body_just_quoted(ctx, poss.idx)
    if recent is not None:
        return Speaker(recent.entity, recent.name, span)
    antecedent = ctx.resolve_pronoun(poss.idx, plural=plural, exclude=set())
    if antecedent is None and not plural:
        antecedent = ctx.salient_speaker(poss.idx)
    if antecedent is None:
        return None
    return Speaker(antecedent.id, antecedent.name, span)


def _body_just_quoted(ctx: QuoteContext, pos: int) -> Speaker | None:
    """``…, précise l'OFAG dans un communiqué. À ses yeux, …``: the body that the last speech
    verb of the sentence before has for speaker, when no person is named after that verb."""
    doc = ctx.doc
    tok = ctx.token_at(pos)
    if tok is None or tok.sent.start == 0:
        return None
    before = doc[tok.sent.start - 1].sent
    cue = next((t for t in reversed(before) if is_cue(ctx, t)), None)
    speaker = speaker_of_cue(ctx, cue, (pos, pos)) if cue is not None else None
    entity = ctx.entity(speaker.entity) if speaker is not None and speaker.entity else None
    if cue is None or entity is None or entity.type != "organization":
        return None
    # ``Le Medef a annoncé le départ de son président, Patrick Martin. À ses yeux, …``: a
    # person named since the body's verb may own the view
    if ctx.other_person_between(cue.idx, pos, entity.id, subjects_only=False):
        return None
    return speaker


def _view_locution(doc: Doc, i: int) -> tuple[int, Token] | None:
    """``Aux yeux de|du|des X``, ``De l'avis de X`` … starting at token ``i``: the index of the
    ``de`` word and the noun or pronoun it introduces (``Aux yeux du ministre`` -> ministre)."""
    for words in _VIEW_LOCUTIONS:
        j = i + len(words)
        if j + 1 >= len(doc):
            continue
        if any(doc[i + k].lower_ != word for k, word in enumerate(words)):  # no slice built
            continue
        if doc[j].lower_ not in FR_OF:
            continue
        head = doc[j].head
        noun = head if j < head.i <= j + 4 else doc[j + 1]
        return j, noun
    return None


#: subject words that open the clause of a view written without a comma after its holder's
#: name (``Pour François Fillon il y avait trop de …``)
_CLAUSE_OPENERS = frozenset({"il", "elle", "ils", "elles", "on", "c'", "cela", "ça", "tout"})


#: verbs of a state or a judgement, whose clause after a bare ``pour X`` is X's view
_JUDGEMENT_VERBS = frozenset(
    {"être", "avoir", "falloir", "agir", "sembler", "paraître", "rester", "devoir", "pouvoir",
     "valoir", "suffire"}
)  # fmt: skip


def _name_without_comma(ctx: QuoteContext, noun: Token, stop: int) -> int | None:
    """``Pour Tebboune il est tout simplement fini``: a person's or a body's name, then at once
    a clause opened by a subject pronoun: the index of the name's last word (it stands for the
    missing comma). Only a name: ``pour les enfants il faudra …`` is no view."""
    if noun.pos_ != "PROPN":
        return None
    ref = ctx.mention_of(noun)
    if ref is None or ref.entity.type not in {"person", "organization"}:
        return None
    doc = noun.doc
    last = noun.i
    while last + 1 < stop and doc[last + 1].idx < ref.end:
        last += 1
    nxt = last + 1
    if nxt + 1 >= stop or doc[nxt].lower_.replace("’", "'") not in _CLAUSE_OPENERS:
        return None
    # the pronoun is the subject of a finite verb of judgement (``il est``, ``il y a``, ``il
    # faut``), not of an act (``Pour Marie il a acheté des fleurs``: done for her)
    verb = doc[nxt].head
    if verb.i <= nxt or not doc[nxt].dep_.startswith(("nsubj", "expl")):
        return None
    judged = verb.lemma_.lower() in _JUDGEMENT_VERBS or any(c.dep_ == "cop" for c in verb.children)
    # a view holds now: a present or a conditional (``il a fallu attendre``, ``c'était la
    # dernière course``, ``il y aura 200 suppressions``: the narration's facts about X)
    verbs = [t for t in (verb, *verb.children) if t.i > nxt and t.pos_ in {"VERB", "AUX"}]
    finite = [t for t in verbs if "Fin" in t.morph.get("VerbForm", [])]
    compound = any("Part" in t.morph.get("VerbForm", []) for t in verbs)
    # the tagger reads ``il s'agit`` as a simple past: only the imperfect and the future say
    # a time other than now
    now = (
        bool(finite)
        and not compound
        and not any(t.morph.get("Tense", []) in (["Imp"], ["Fut"]) for t in finite)
    )
    return last if judged and now else None


def opinion_quotes(ctx: QuoteContext, taken: list[tuple[int, int]]) -> list[tuple[Quote, Token]]:
    """``Pour Jeanne Dupont, directrice de X, les choix relèvent de …``, ``Pour lui, …``: the
    clause after the comma is the opinion of the person (or body) the sentence opens on."""
    doc = ctx.doc
    out: list[tuple[Quote, Token]] = []
    for prep in doc:
        locution = _view_locution(doc, prep.i) if prep.lower_ in {"aux", "au", "de", "d'"} else None
        possessive = _possessive_view(doc, prep.i)
        if possessive is not None:
            locution = (possessive.i + 1, possessive)
        if (prep.lower_ not in _OPINION_PREPS and locution is None) or not (
            _opens_sentence(prep) or (locution is None and _second_view(ctx, prep))
        ):
            continue
        k = prep.i if locution is None else locution[0]
        stop = _sentence_stop(doc, k)
        if stop - k < 5:
            continue
        if stop < len(doc) and doc[stop].text == "«":
            continue  # ``Pour X, … une « vraie connaissance »``: only the marked words count
        if locution is not None:
            noun = locution[1]
        else:
            noun = prep.head if prep.dep_ == "case" and prep.head.i > prep.i else doc[k + 1]
        noun = _past_title(noun)
        if noun.i > k + 5:
            continue
        comma = next((t.i for t in doc[k + 1 : min(k + 8, stop)] if t.text == ","), None)
        if comma is None and locution is None and possessive is None:
            comma = _name_without_comma(ctx, noun, stop)
        if comma is None:
            continue
        if possessive is not None:
            pass  # its owner is found below
        elif noun.pos_ == "PRON":
            if noun.lower_ not in FR_STRESSED:
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
        content = contiguous(list(doc[start_i : _view_stop(ctx, start_i, sent_end)]))
        if content is None or len(content) < 4:
            continue
        if not any(t.pos_ in {"VERB", "AUX"} for t in content):
            continue
        start, end = content[0].idx, content[-1].idx + len(content[-1].text)
        if any(s < end and start < e for s, e in taken):
            continue
        if possessive is not None:
            speaker = _possessive_speaker(ctx, possessive)
        else:
            speaker = ctx.speaker_from_tokens(noun, (start, end))
        speaker = _opinion_holder(ctx, speaker, noun)
        if speaker is None:
            continue
        if speaker.mention is not None and speaker.mention.start <= prep.idx:
            speaker = _after_preposition(ctx, speaker, prep)
        cue = cue_span(prep)
        if locution is not None:  # the whole locution, ``Aux yeux de``
            words = doc[prep.i : locution[0] + 1]
            cue = Span(words.text, words.start_char, words.end_char)
        quote = reported_quote(ctx, cue, speaker, start, end)
        taken.append((start, end))
        out.append((quote, prep))
    return out


#: ``X a été clair : …``: adjectives of firmness that, as the predicate of a speaker followed by
#: a colon, announce what the speaker said (``le ministre a été formel : la hausse sera …``)
_FIRM_ADJECTIVES = {"clair", "formel", "catégorique", "ferme", "explicite", "limpide", "affirmatif"}
#: copulas that make the adjective a statement about how the speaker spoke
_FIRM_COPULAS = {"être", "montrer"}  # ``se montrer``: the lemma is ``montrer``
#: the parser labels the subject of ``a été clair :`` either way
_FIRM_SUBJECT_DEPS = {"nsubj", "nsubj:pass", "expl:subj"}
#: the tags the parser gives the adjective (``ferme`` may be read as the verb or the noun)
_FIRM_TAGS = {"ADJ", "VERB", "NOUN"}


def _firm_colon(adj: Token, stop: int) -> int | None:
    """Index of the colon after ``a été clair`` (past a few verbless adjuncts: ``sur ce point``,
    ``dimanche sur TF1``), or None."""
    doc = adj.doc
    for tok in doc[adj.i + 1 : min(adj.i + 10, stop)]:
        if tok.text == ":":
            return tok.i
        if tok.pos_ in {"VERB", "AUX"} or tok.text in {";", "«", '"', "“"}:
            return None
    return None


def _firm_subject(adj: Token) -> Token | None:
    """The subject of ``a été clair``; when the speaker is followed by a participle aside
    (``le ministre, invité sur TF1, a été formel``), the parser may hang it on the participle."""
    for child in adj.children:
        if child.i > adj.i:
            break
        if child.dep_ in _FIRM_SUBJECT_DEPS:
            return child
    for child in adj.children:
        if child.i < adj.i and child.dep_ in {"advcl", "acl"} and child.pos_ == "VERB":
            lost = next((c for c in child.children if c.dep_ == "nsubj" and c.i < child.i), None)
            if lost is not None:
                return lost
    return None


def firm_statements(ctx: QuoteContext, taken: list[tuple[int, int]]) -> list[tuple[Quote, Token]]:
    """``Le ministre a été clair : la réforme entrera en vigueur en juin.``: a speaker said to
    have been clear, firm or categorical, then a colon, reports what the speaker said: the
    clause after the colon, up to the sentence end, is the speaker's indirect quote (a marked
    quote after the colon is the direct quote's business and is left alone)."""
    doc = ctx.doc
    out: list[tuple[Quote, Token]] = []
    for adj in doc:
        if adj.lemma_.lower() not in _FIRM_ADJECTIVES or adj.pos_ not in _FIRM_TAGS:
            continue
        children = list(adj.children)
        if not any(
            c.dep_ in {"cop", "aux:pass"} and c.lemma_.lower() in _FIRM_COPULAS for c in children
        ):
            continue
        subject = _firm_subject(adj)
        if subject is None:
            continue
        colon = _firm_colon(adj, _sentence_stop(doc, adj.i) + 1)
        if colon is None or colon + 2 >= len(doc):
            continue
        # the parser may end a sentence at the colon: the content runs to the next stop
        stop = _sentence_stop(doc, colon + 1)
        content = [t for t in doc[colon + 1 : stop] if not t.is_space]
        while content and content[-1].text in {",", ":", "-", ")"}:
            content.pop()
        if len(content) < 4 or content[0].text in {"«", '"', "“"}:
            continue
        if not any(t.pos_ in {"VERB", "AUX"} for t in content):
            continue
        start, end = content[0].idx, content[-1].idx + len(content[-1].text)
        # a report found inside the clause (``qu'il accuse de …``) does not hide it
        if any(s < end and start < e and not (start <= s and e <= end) for s, e in taken):
            continue
        if subject.pos_ not in {"PRON", "PROPN"} and not ctx.can_speak(subject):
            continue
        speaker = ctx.speaker_from_tokens(subject, (start, end))
        if speaker is None:
            continue
        quote = reported_quote(ctx, cue_span(adj), speaker, start, end)
        taken.append((start, end))
        out.append((quote, adj))
    return out


#: what ends the view of an inserted ``pour X`` (a colon announces the speaker's own words)
_INSERTED_STOPS = {".", "!", "?", ":", ";", "«", '"', "“"}


def _past_title(noun: Token) -> Token:
    """``Pour M. Dupont,``: the parser heads the phrase on the title; the name behind it."""
    doc = noun.doc
    if noun.lower_ in FR_HONORIFICS and noun.i + 1 < len(doc) and doc[noun.i + 1].pos_ == "PROPN":
        return doc[noun.i + 1]
    return noun


def _opinion_holder(ctx: QuoteContext, speaker: Speaker | None, noun: Token) -> Speaker | None:
    """Who holds an opinion opened by ``pour X``: the speaker found for X; a pronoun with no
    clear antecedent (``Pour eux, …``) as its own description; none when X resolves to a place
    or a thing (only people and bodies hold views)."""
    if speaker is None and noun.pos_ == "PRON":
        speaker = Speaker(None, noun.text, Span(noun.text, noun.idx, noun.idx + len(noun.text)))
    if speaker is not None and speaker.entity is not None:
        ent = ctx.entity(speaker.entity)
        if ent is None or ent.type not in {"person", "organization"}:
            return None
    return speaker


#: ``, pour`` in the text: where an inserted opinion source may stand
_INSERTED_PREP = re.compile(r",\s*(pour)\b", re.IGNORECASE)


def inserted_opinions(ctx: QuoteContext, taken: list[tuple[int, int]]) -> list[tuple[Quote, Token]]:
    """``Ce projet, pour le maire Paul Roux, est une erreur.``, ``Mais tout cela, pour l'avocat
    X, c'est de la diversion``: ``pour X`` set between commas after a short verbless topic opens
    X's opinion, as ``Pour X, …`` at the head of the sentence does. After a resumptive ``c'est``
    the opinion is the clause from ``c'est`` on; otherwise it is the whole sentence, the inserted
    source included (as for an inserted ``selon X``)."""
    doc = ctx.doc
    out: list[tuple[Quote, Token]] = []
    # the text is searched, not the Doc walked: a Token object per word costs more than the rule
    for hit in _INSERTED_PREP.finditer(ctx.text):
        prep = ctx.token_at(hit.start(1))
        if prep is None or prep.idx != hit.start(1) or prep.i < 2 or doc[prep.i - 1].text != ",":
            continue
        first = prep.sent.start
        while first < prep.i - 1 and doc[first].lower_ in LEADING | {"mais"}:
            first += 1
        topic = doc[first : prep.i - 1]
        if not 1 <= len(topic) <= 6 or not _opens_sentence(doc[first]):
            continue
        if any(t.pos_ in {"VERB", "AUX"} or t.is_punct or t.is_space for t in topic):
            continue
        if topic[0].pos_ in {"ADP", "ADV", "SCONJ", "CCONJ"} or not any(
            t.pos_ in {"NOUN", "PROPN", "PRON"} for t in topic
        ):
            continue  # ``En outre, pour les jeunes, …``: an adverbial, no topic spoken of
        if prep.i + 2 >= prep.sent.end:
            continue  # ``pour`` closing its sentence opens no view
        noun = prep.head if prep.dep_ == "case" and prep.head.i > prep.i else doc[prep.i + 1]
        noun = _past_title(noun)
        if noun.i > prep.i + 5:
            continue
        window = doc[prep.i + 1 : min(prep.i + 12, prep.sent.end)]
        comma = next((t.i for t in window if t.is_punct), None)
        if comma is None or doc[comma].text != "," or comma + 1 >= prep.sent.end:
            continue
        if any(t.pos_ in {"VERB", "AUX"} for t in doc[prep.i + 1 : comma]):
            continue
        if noun.pos_ == "PRON":
            if noun.lower_ not in FR_STRESSED:
                continue
        elif noun.pos_ not in {"PROPN", "NOUN"} or not ctx.can_speak(noun):
            continue
        elif not any(t.pos_ == "PROPN" for t in doc[prep.i : comma]) and (
            "Plur" in noun.morph.get("Number", [])
        ):
            continue  # ``pour les habitants``: a group it matters to, not a named speaker
        stop = next(
            (
                t.i
                for t in doc[comma + 1 : prep.sent.end]
                if t.text in _INSERTED_STOPS or (t.is_space and "\n" in t.text)
            ),
            prep.sent.end,
        )
        resumed = doc[comma + 1].lower_ in {"c'", "ce", "ça", "cela"}
        content = contiguous(list(doc[comma + 1 if resumed else first : stop]))
        if content is None or len(content) < 3:
            continue
        if not any(t.pos_ in {"VERB", "AUX"} for t in doc[comma + 1 : stop]):
            continue
        start, end = content[0].idx, content[-1].idx + len(content[-1].text)
        if any(s < end and start < e for s, e in taken):
            continue
        speaker = _opinion_holder(ctx, ctx.speaker_from_tokens(noun, (start, end)), noun)
        if speaker is None:
            continue
        quote = reported_quote(ctx, cue_span(prep), speaker, start, end)
        taken.append((start, end))
        out.append((quote, prep))
    return out
