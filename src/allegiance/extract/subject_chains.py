"""Chains of subjects: a French ``il``/``elle`` goes on with the subject of the sentences
before it (``La nuit, l'infirmière dort peu. Elle tient un carnet …``), a person or a body whose
article agrees (not one a person was named after, nor one inside words reported by ``selon
lui``); and a name the parser lost under a fronted phrase is still its verb's subject.

Kept apart from :mod:`allegiance.extract.speaker_gender` (whose gender a name has, which actors
a pronoun may stand for); :mod:`allegiance.extract.quote_context` asks both when it resolves a
pronoun.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.antecedent_checks import reported_source, second_subject
from allegiance.extract.frames import quoted
from allegiance.extract.source_nouns import fronted_source
from allegiance.extract.speaker_gender import (
    LATTER,
    morph_gender,
    named_last,
    subject_body,
)
from allegiance.extract.speaker_words import (
    FR_OF,
    ORG_NOUNS,
    pronoun_gender,
    source_preposition,
)
from allegiance.models import Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Span as SpacySpan
    from spacy.tokens import Token

    from allegiance.extract.quote_context import QuoteContext
    from allegiance.models import Entity

__all__ = [
    "detached_adjective_subject",
    "impersonal_passive",
    "incise_opinion_source",
    "incise_reported_body",
    "is_gerund",
    "opinion_holder_before",
    "participle_conjunct_host",
    "split_auxiliary_subject",
    "subject_chain",
    "subject_lost_under_fronted_phrase",
    "unnamed_subject",
]


#: how many sentences back a chain of subjects may lead a pronoun to its antecedent
_CHAIN_SENTENCES = 3


def subject_chain(ctx: QuoteContext, pron: Token) -> Entity | None:
    """``La nuit, l'infirmière dort peu. Elle tient un carnet …``: a French ``il``/``elle``
    continues the subject before it in the author's words, over other ``il``/``elle`` of the
    same gender (a chain), even when that subject is a description and a person of the
    same gender was named in passing since (``sa porte-parole, X, a qualifié …`` as a
    complement). Subjects of the other gender are passed over (``Son frère, Y, a été tué … »,
    dit-elle``); a quote's speaker in between, or a subject that names nobody, ends the
    search (the usual rules decide)."""
    low = pron.lower_.lstrip("-")
    # ``Selon lui, …``: the stressed ``lui`` after a preposition is a masculine ``il`` too
    stressed = low == "lui" and pron.i > 0 and pron.doc[pron.i - 1].pos_ == "ADP"
    if ctx.lang != "fr" or (low not in {"il", "elle"} and not stressed) or quoted(ctx, pron):
        return None
    wanted = "Masc" if stressed else pronoun_gender(low)
    doc = ctx.doc
    sent = pron.sent
    seen = 0
    first = True
    while seen <= _CHAIN_SENTENCES:
        stray = stray_subject(sent.root)
        subjects = [
            t
            for t in sent
            if (
                t.dep_ in {"nsubj", "nsubj:pass"}
                # the topic is a main clause's subject, not ``une fois que X a semblé …``
                and (t.head.dep_ == "ROOT" or t.head.dep_ == "conj" and t.head.head.dep_ == "ROOT")
                or subject_lost_under_fronted_phrase(t)
                or (stray is not None and stray.i == t.i)
            )
            and (not first or t.i < pron.i)
            and t.i != pron.i
            and not quoted(ctx, t)
            and not second_subject(t)
        ]
        # ``Cette unité a été confirmée par le ministre X : « … », a-t-il affirmé``: the
        # passive's agent is who acts, the topic the pronoun goes on with
        subjects = [_passive_agent(ctx, t) or t for t in subjects]
        spoke = [
            (offset, speaker)
            for offset, speaker in ctx.speakers_seen
            if sent.start_char <= offset < (pron.idx if first else sent.end_char)
        ]
        sources = [
            r
            for t in sent
            if (not first or t.i < pron.i)
            and reported_source(t)
            and (r := ctx.mention_of(t)) is not None
            and r.entity.type == "person"
        ]
        people = [
            r.entity
            for t in subjects
            if (r := ctx.mention_of(t)) is not None and r.entity.type == "person"
        ]
        source = sources[-1].entity if sources else None
        if (
            source is not None
            and not spoke
            and ctx.agrees(source, wanted)
            and not any(ctx.agrees(p, wanted) for p in people)
        ):
            # ``Selon le chef du camp X, la délégation a …. « … », a-t-il expliqué``: the
            # report's source is the topic the pronoun goes on with (the report itself is
            # found after the marked quotes, so it is not among the speakers seen yet); not
            # over a person the sentence is about (``Selon X, Y a démissionné``)
            return source
        for subj in reversed(subjects):
            # a noun the parser made the subject of a verb inside the quote is a misread
            # fronted phrase (``Chez X, le média social, « la question a été … » explique-t-il``)
            bodies = not quoted(ctx, subj.head) and not _person_since(ctx, subj, pron)
            later = [speaker for offset, speaker in spoke if offset > subj.idx]
            if later:
                # a quote's speaker is nearer: continuity rules decide, unless every quote
                # since is the subject's own (``La direction jugeait « … ». Elle demandait``)
                return _own_quotes(ctx, subj, pron, later, wanted, bodies=bodies)
            if _reported_by_incise(ctx, subj, wanted):
                # ``La Suisse va négocier …, a souligné X. Elle …``: the subject is what X
                # talks about; X (not yet among the speakers seen) is the nearer actor
                return None
            go_on, found = _chain_link(ctx, subj, wanted, bodies=bodies)
            if not go_on:
                return found
        if spoke:
            return None
        # a sentence whose subject is the pronoun again (``Il a ajouté … Il a commenté …``)
        # carries the chain on without using up its reach
        repeated = any(s.lower_.lstrip("-") == pron.lower_.lstrip("-") for s in subjects)
        if any(t.is_alpha for t in sent) and not first and not repeated:
            seen += 1
        first = False
        if sent.start == 0:
            return None
        sent = doc[sent.start - 1].sent
    return None


def unnamed_subject(ctx: QuoteContext, pron: Token) -> Token | None:
    """``Sur France Bleu, un gérant de salle a dit sa colère. Pour lui, c'est un coup fatal``:
    a view's ``Pour lui``/``Selon elle`` opening the sentence right after one whose main
    subject (an active verb's) is an indefinite person is that unnamed person's, when the
    genders agree and no person is named nor any quote attributed between. Only the stressed
    pronoun of a view: a plain ``il`` may go on with a named actor of the paragraph (``Le maire
    X a reçu … Un boulanger a perdu … Il a promis …``). Named subjects are
    :func:`subject_chain`'s."""
    if ctx.lang != "fr" or pron.lower_ not in {"lui", "elle"} or pron.i < 1:
        return None
    doc = ctx.doc
    view = doc[pron.i - 1]
    if view.lower_ not in {"pour", "selon"} or view.i != pron.sent.start or quoted(ctx, pron):
        return None
    wanted = "Masc" if pron.lower_ == "lui" else "Fem"
    if pron.sent.start == 0:
        return None
    subjects = [
        t
        for t in doc[pron.sent.start - 1].sent
        if t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and t.pos_ == "NOUN" and not quoted(ctx, t)
    ]
    if not subjects:
        return None
    subj = subjects[-1]  # the root verb's subject (the filter kept no clause's)
    det = next((c for c in subj.children if c.dep_ == "det"), None)
    if (
        det is None
        or det.lower_ not in {"un", "une"}
        or subj.morph.get("Number", []) == ["Plur"]
        or subj.lemma_.lower() in ORG_NOUNS[ctx.lang]
        or not ctx.can_speak(subj)
        or (morph_gender(det) or morph_gender(subj)) not in {None, wanted}
    ):
        return None
    end = subj.right_edge.idx + len(subj.right_edge.text)  # past the subject's own phrase
    for ref in ctx.mentions_in(end, pron.idx):
        named = ctx.token_at(ref.start)
        if ref.entity.type == "person" and (named is None or not quoted(ctx, named)):
            return None  # a person named in the author's words since
    if any(subj.idx <= offset < pron.idx for offset, _ in ctx.speakers_seen):
        return None  # a quote attributed since
    return subj


def _reported_by_incise(ctx: QuoteContext, subj: Token, wanted: str | None) -> bool:
    """The subject opens words an incise after them reports with its subject inverted, and
    that subject may be the pronoun (``La Suisse va recommencer à négocier, a encore souligné
    la Saint-Galloise. Elle …``; not ``…, ont rappelé les juristes. Elle …``)."""
    doc = subj.doc
    for tok in subj.sent[subj.i - subj.sent.start + 1 :]:
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in ctx.cues.words:
            continue
        k = tok.i - 1
        while k > subj.i and doc[k].pos_ in {"AUX", "ADV"}:
            k -= 1
        if k <= subj.i or doc[k].text != ",":
            continue
        j = tok.i + 1
        while j < len(doc) and doc[j].pos_ in {"ADV", "DET", "ADJ"}:
            j += 1
        if j >= len(doc):
            continue
        inverted = doc[j]
        ref = ctx.mention_of(inverted)
        person = ref is not None and ref.entity.type == "person"
        if not person and not (inverted.pos_ in {"NOUN", "PROPN"} and ctx.can_speak(inverted)):
            continue  # ``…, a souligné la nécessité de …``: an object, no inverted subject
        if inverted.morph.get("Number", []) == ["Plur"]:
            return False
        det = doc[j - 1] if doc[j - 1].pos_ == "DET" else None
        gender = morph_gender(det) or morph_gender(inverted)
        return gender is None or wanted is None or gender == wanted
    return False


def _own_quotes(
    ctx: QuoteContext,
    subj: Token,
    pron: Token,
    later: list[Speaker],
    wanted: str | None,
    *,
    bodies: bool,
) -> Entity | None:
    """The antecedent a subject gives when every quote after it in its sentence was attributed
    to that very subject (its speaker named within the subject's phrase): those quotes are the
    subject speaking, so the pronoun goes on with it. None otherwise."""
    first, last = subj.left_edge.idx, subj.right_edge.idx + len(subj.right_edge.text)
    if not all(
        sp.mention is not None and first <= sp.mention.start < last and sp.entity for sp in later
    ):
        return None
    ids = {sp.entity for sp in later}
    if len(ids) != 1 or ctx.other_person_between(last, pron.idx, next(iter(ids)), main_clause=True):
        return None  # another person is named as a subject since: the usual rules decide
    if subj.pos_ == "PRON":
        if pronoun_gender(subj.lower_.lstrip("-")) != wanted:
            return None
        entity = ctx.entity(next(iter(ids)) or "")
        return entity if entity is not None and ctx.agrees(entity, wanted) else None
    _, found = _chain_link(ctx, subj, wanted, bodies=bodies)
    return found if found is not None and found.id in ids else None


def _person_since(ctx: QuoteContext, subj: Token, pron: Token) -> bool:
    """A person named between a body subject and the pronoun (``Le Vernet a fait appel à Marc
    Dulac, l'avocat du club : « … », précise-t-il``): ``il`` is more likely that person, so the
    body is no antecedent here."""
    return any(r.entity.type == "person" for r in ctx.mentions_in(subj.idx, pron.idx))


def _passive_agent(ctx: QuoteContext, subj: Token) -> Token | None:
    """The agent (``par X``) of the passive verb whose subject ``subj`` is a thing (``Cette
    unité a été confirmée par le ministre X``); not when the subject is someone (``Le maire X
    a été mis en examen par le juge Y. « … », a-t-il réagi``: the one acted upon reacts)."""
    if subj.dep_ != "nsubj:pass" or subj.pos_ not in {"NOUN"} or ctx.can_speak(subj):
        return None
    if ctx.mention_of(subj) is not None:
        return None
    return next((c for c in subj.head.children if c.dep_ == "obl:agent"), None)


def _chain_link(
    ctx: QuoteContext, subj: Token, wanted: str | None, *, bodies: bool = True
) -> tuple[bool, Entity | None]:
    """What one earlier subject says about the pronoun: (True, None) to look further back,
    else (False, its antecedent or None). ``bodies``: an organisation may be the antecedent."""
    low = subj.lower_.lstrip("-")
    if low in LATTER:  # ``Ce dernier est au cœur de la polémique. … », a-t-il dit``
        latter = named_last(ctx, subj)
        if latter is None or latter.type != "person":
            return False, None
        return False, (latter if ctx.agrees(latter, wanted) else None)
    if subj.pos_ == "NOUN" and subj.morph.get("Number", []) == ["Plur"]:
        return True, None  # ``les forces russes avaient attaqué``: no ``il``/``elle``, passed over
    if subj.pos_ == "PRON":
        if low in {"il", "elle"}:
            return (True, None) if pronoun_gender(low) == wanted else (False, None)
        if low == "lui":  # ``Lui aussi est un soutien de la famille``: a stressed ``il``
            return (True, None) if wanted == "Masc" else (False, None)
        return (low in {"qui", "que", "qu'", "on", "ce", "c'", "cela", "ça"}, None)
    ref = ctx.mention_of(subj)
    if ref is not None:
        entity = ref.entity
        if entity.type == "person" and ctx.may_be_antecedent(entity):
            known = ctx.gender_of(entity)
            if known is None or known == wanted:
                return False, entity
            return True, None
        return False, _agreeing_body(ctx, subj, wanted) if bodies else None
    if subj.lemma_.lower() in ORG_NOUNS[ctx.lang]:
        # ``Le syndicat réclame 40 postes. Il demande …``: a body the subject describes
        return False, _agreeing_body(ctx, subj, wanted) if bodies else None
    if subj.pos_ != "NOUN" or not ctx.can_speak(subj):
        return True, None  # ``la nourriture manque``: no speaker, no antecedent of a speech verb
    det = next((c for c in subj.children if c.dep_ in {"det", "det:poss"}), None)
    gender = morph_gender(det) or morph_gender(subj)
    if gender is not None and gender != wanted:
        return True, None
    found = ctx.speaker_from_tokens(subj, (0, 0))
    described = ctx.entity(found.entity) if found is not None and found.entity else None
    end = subj.right_edge.idx + len(subj.right_edge.text)
    for ref in ctx.mentions_in(subj.idx + len(subj.text), end) if described else []:
        named = ctx.token_at(ref.start)
        if (
            described is not None
            and ref.entity.id == described.id
            and named is not None
            and named.dep_ == "nmod"
        ):
            return False, None  # ``le président de la République``: a complement, not who
    if described is None or described.type != "person" or not ctx.agrees(described, wanted):
        return False, None
    return False, described


def _agreeing_body(ctx: QuoteContext, subj: Token, wanted: str | None) -> Entity | None:
    """The organisation a subject names when its article or noun agrees with the pronoun
    (``Le ministère … Il assure``, ``L'Union … Elle demande``): French ``il``/``elle`` continue a
    body that is the subject before them as they continue a person. A bare name (``Valmonde``)
    shows no gender, so it is left to the other rules."""
    det = next((c for c in subj.children if c.dep_ in {"det", "det:poss"}), None)
    gender = morph_gender(det) or morph_gender(subj)
    if wanted is None or gender != wanted or det is None or _sourced_by_pronoun(subj):
        return None
    return subject_body(ctx, subj, wanted)


def _sourced_by_pronoun(subj: Token) -> bool:
    """``Selon lui, le conseil a violé ses obligations``: the subject lies in words a pronoun's
    referent is reported to say, so it is what they talk about, not the next ``il``."""
    sent = subj.sent
    for tok in sent:
        if tok.i >= subj.i:
            return False
        # ``d'après lui`` too, which the test written here before read backwards
        if (
            tok.lower_ in {"lui", "elle", "eux", "elles"}
            and tok.i > sent.start
            and source_preposition(tok.doc, tok.i - 1) is not None
        ):
            return True
    return False


#: how many tokens back from an incise pronoun its author's sentence may open
_SENTENCE_REACH = 80

#: words that may join a fronted opinion source to what opens the sentence before it
_SOURCE_OPENERS = frozenset({",", ":", "mais", "et", "or", "donc", "alors"})


def _author_sentence_start(doc, i: int) -> int:  # type: ignore[no-untyped-def]
    """The index of the full stop (or line end) opening the author's sentence of token ``i``,
    read back over at most :data:`_SENTENCE_REACH` tokens: the parser cuts that sentence at
    opening marks, so its own bounds fall short."""
    start = i - 1
    while start > max(0, i - _SENTENCE_REACH) and doc[start].text not in {".", "!", "?"}:
        if "\n" in doc[start].text:
            break
        start -= 1
    return start


def incise_opinion_source(ctx: QuoteContext, pron: Token) -> Entity | None:
    """``Mais pour l'avocate de la famille, Maître X, c'est une manœuvre : « … », dit-elle``:
    the person a sentence fronts as the holder of its opinion (``pour X,``, ``selon X,``)
    is whom an incise pronoun of the same sentence stands for (``dit-il``), over the subject of
    the sentences before (the accused the paragraph was about). Inverted incise pronouns only:
    a plain subject after the source is part of the opinion (``pour X, il a menti``)."""
    low = pron.lower_.lstrip("-")
    if ctx.lang != "fr" or not pron.text.startswith("-") or low not in {"il", "elle"}:
        return None
    gender = pronoun_gender(low)
    doc = ctx.doc
    start = _author_sentence_start(doc, pron.i)
    for ref in ctx.mentions_in(doc[start].idx, pron.idx):
        name = ctx.token_at(ref.start)
        last = ctx.token_at(ref.end - 1)
        if name is None or last is None or ref.entity.type != "person":
            continue
        if last.i + 1 >= pron.i or doc[last.i + 1].text != ",":
            continue  # the source phrase closes on a comma before the rest of the sentence
        if quoted(ctx, name) or not ctx.agrees(ref.entity, gender):
            continue
        if _opens_on_source(doc, name.i, start):
            return ref.entity
    return None


#: how many sentences before a report on a body may name the person an incise pronoun is
_BODY_REPORT_BACK = 3


def incise_reported_body(ctx: QuoteContext, pron: Token) -> Entity | None:
    """``Mistral AI a bouclé une levée de 600 millions d'euros, a-t-elle annoncé``: an inverted
    incise pronoun after a report with no marks stands for the organisation that report's
    clause is about as its subject, a bare name too (it shows no gender: French writes
    ``elle`` for the firm, ``il`` for the group). Not when a person is named or quoted in the
    sentences before (the usual rules decide: ``X s'est exprimé. L'État va investir …, a-t-il
    annoncé``), nor for the subject of a subordinate clause (``Si Renault …, l'usine fermera,
    a-t-il prévenu``), nor when the body's article says the other gender (``Le groupe X …,
    a-t-elle dit`` is someone else)."""
    low = pron.lower_.lstrip("-")
    if ctx.lang != "fr" or not pron.text.startswith("-") or low not in {"il", "elle"}:
        return None
    doc = ctx.doc
    start = _author_sentence_start(doc, pron.i)
    if any(quoted(ctx, t) for t in doc[start : pron.i]):
        return None  # marked words: their incise, and the rules for quotes decide
    refs = ctx.mentions_in(doc[start].idx, pron.idx)
    before = ctx.sentence_start(doc[start].idx, back=_BODY_REPORT_BACK)
    if not refs or any(r.entity.type == "person" for r in ctx.mentions_in(before, pron.idx)):
        return None
    if any(
        sp.entity and (e := ctx.entity(sp.entity)) is not None and e.type == "person"
        for offset, sp in ctx.speakers_seen
        if before <= offset < pron.idx
    ):
        return None
    subjects = [
        t for t in doc[start : pron.i] if t.dep_ in {"nsubj", "nsubj:pass"} and t.pos_ != "PRON"
    ]
    if not subjects:
        return None
    subj = subjects[0]  # the reported clause's own subject, not one of a relative in it
    if any(c.dep_ == "mark" for c in subj.head.children) or subj.head.dep_ == "advcl":
        return None  # ``Si Renault ne trouve pas de repreneur, …``: a condition's subject
    det = next((c for c in subj.children if c.dep_ in {"det", "det:poss"}), None)
    gender = morph_gender(det) or (morph_gender(subj) if subj.pos_ == "NOUN" else None)
    if gender is not None and gender != pronoun_gender(low):
        return None
    ref = ctx.mention_of(subj)
    if ref is not None:
        return ref.entity if ref.entity.type == "organization" else None
    if subj.pos_ != "NOUN" or (
        subj.lemma_.lower() not in ORG_NOUNS[ctx.lang] and ctx.can_speak(subj)
    ):
        return None  # ``le patron du groupe X``: a person's noun
    for named in subj.subtree:
        inner = ctx.mention_of(named)
        if (
            inner is not None
            and inner.entity.type == "organization"
            and named.i > 0
            and doc[named.i - 1].lower_ not in FR_OF
        ):
            return inner.entity  # ``La pépite française de l'IA Mistral AI a bouclé``
    return None


def _opens_on_source(doc, k: int, start: int) -> bool:  # type: ignore[no-untyped-def]
    """Whether the name at token ``k`` ends a source phrase (``pour l'avocat des parties
    civiles X``, ``selon le procureur, X``) that opens the sentence beginning at ``start``, or follows a comma or a
    connective there (``Mais tout cela, pour X``)."""
    k -= 1
    commas = 0  # one, before a name in apposition (``selon le procureur, X,``)
    while k > start and (
        doc[k].pos_ in {"DET", "NOUN", "ADJ", "PROPN"}
        or (doc[k].pos_ == "ADP" and doc[k].lower_ in FR_OF)
        or (doc[k].text == "," and not commas and doc[k - 1].pos_ in {"NOUN", "PROPN"})
    ):
        commas += doc[k].text == ","
        k -= 1
    opening = source_preposition(doc, k) if k >= 0 else None
    if opening is None:
        return False
    return opening <= start + 1 or doc[opening - 1].lower_ in _SOURCE_OPENERS


def participle_conjunct_host(cue: Token) -> Token | None:
    """``assurant que X avait apporté un « … » et condamnant « … »``: a present participle the
    parser coordinated with the verb of a reported clause cannot share that verb's subject (a
    conjugated verb and a participle do not coordinate); it goes on from the present
    participle above that clause, whose subject it shares (``Le président …, assurant …``)."""
    if cue.dep_ != "conj" or _present_participle(cue.head):
        return None
    host = cue.head
    for _ in range(4):
        if host.head.i == host.i or host.dep_ not in {"ccomp", "xcomp", "conj"}:
            return None
        host = host.head
        if _present_participle(host):
            return host if host.i < cue.i else None
    return None


def is_gerund(tok: Token) -> bool:
    """``qualifiant``, ``disant``, ``calling``: a participle whose subject is the clause's."""
    if tok.tag_ == "VBG":
        return True
    if _part_pres(tok):
        return True
    return (
        tok.pos_ == "VERB"
        and tok.lower_.endswith("ant")
        and tok.lemma_.endswith(("er", "ir", "re"))
    )


def _present_participle(tok: Token) -> bool:
    return tok.pos_ == "VERB" and _part_pres(tok)


def _part_pres(tok: Token) -> bool:
    """The tagger's present participle (``assurant``)."""
    return tok.morph.get("VerbForm", []) == ["Part"] and tok.morph.get("Tense", []) == ["Pres"]


def opinion_holder_before(ctx: QuoteContext, sent: SpacySpan, end: int) -> Speaker | None:
    """``Pour X, tous devraient se sentir concernés. « … »``: a sentence opening on a person as
    the holder of its opinion (``pour X,``, ``selon X,``) lends that person to a quote standing
    alone right after it, as a sentence reporting X's words would."""
    for ref in ctx.mentions_in(sent.start_char, end):
        name = ctx.token_at(ref.start)
        if name is not None and ref.entity.type == "person" and fronted_source(name):
            span = Span(ctx.text[ref.start : ref.end], ref.start, ref.end)
            return Speaker(ref.entity.id, ref.entity.name, span)
    return None


def subject_lost_under_fronted_phrase(name: Token) -> bool:
    """``Premier à lui succéder au pupitre, X, directeur du fonds, a confirmé …``: a name the
    parser hung in apposition on a word of a fronted phrase, whose phrase is followed by a
    comma and the subjectless main verb of the sentence, is that verb's subject."""
    if name.dep_ != "appos":
        return False
    doc = name.doc
    root = name.sent.root
    if root.i <= name.i or any(c.dep_.startswith("nsubj") for c in root.children):
        return False
    k = name.right_edge.i + 1
    if k >= len(doc) or doc[k].text != ",":
        return False
    k += 1
    while k < root.i and doc[k].pos_ == "AUX":
        k += 1
    return k == root.i


def stray_subject(verb: Token) -> Token | None:
    """``Le président X a suite à cette sortie, affirmé que …``: the parser hung the subject on
    a word that takes none (``suite`` read as a preposition), and left the sentence's main verb
    with no subject. A noun or name before ``verb`` labelled a subject of a word that is no
    verb and has no copula is ``verb``'s subject; None when ``verb`` has one of its own."""
    if verb.dep_ != "ROOT" or verb.pos_ not in {"VERB", "AUX"}:
        return None
    if any(c.dep_.startswith("nsubj") or c.dep_ == "expl:subj" for c in verb.children):
        return None
    for tok in verb.sent:
        if tok.i >= verb.i:
            break
        host = tok.head
        if (
            tok.dep_ == "nsubj"
            and tok.pos_ in {"NOUN", "PROPN"}
            and host.pos_ not in {"VERB", "AUX", "ADJ"}
            and not any(c.dep_ == "cop" for c in host.children)
            and host.dep_ in {"case", "fixed", "mark", "advmod"}
        ):
            return tok
    return None


def impersonal_passive(cue: Token) -> bool:
    """``», a-t-il été précisé``, ``il a été ajouté que …``: a French speech verb in the
    passive whose subject is ``il`` is impersonal; the ``il`` stands for nobody, so it is no
    speaker to resolve to the actor named last."""
    # the parser also labels the euphonic ``-t`` (a pronoun) ``aux:pass``: only ``être`` counts
    if not any(c.dep_ == "aux:pass" and c.pos_ == "AUX" for c in cue.children):
        return False
    return any(
        c.dep_ in {"nsubj:pass", "expl:subj", "expl:pass"} and c.lower_.lstrip("-") == "il"
        for c in cue.children
    )


def split_auxiliary_subject(
    ctx: QuoteContext, open_at: int, excl: tuple[int, int]
) -> Speaker | None:
    """``le berger a « tout de suite compris » ce qui …``: a partial quote opening between a
    finite auxiliary and its participle throws the parser off, which hangs the auxiliary on the
    noun before it (read as the root), or the participle on it as a modifier; that noun is the
    subject of the split verb."""
    mark = ctx.token_at(open_at)
    if mark is None or mark.i == 0:
        return None
    aux = ctx.doc[mark.i - 1]
    noun = aux.head
    if noun.i > aux.i and noun.dep_ in {"acl", "amod"}:
        noun = noun.head  # ``le berger … a « vu »`` read as ``le berger vu``
    elif noun.i > aux.i and not any(c.dep_.startswith("nsubj") for c in noun.children):
        # the sentence cut into pieces (``le berger … - le plus important - a « … »``): the
        # last noun the parser left as a root before the auxiliary
        before = ctx.doc[aux.sent.start : aux.i]
        noun = next((t for t in reversed(before) if t.dep_ == "ROOT" and t.pos_ == "NOUN"), noun)
    if aux.pos_ != "AUX" or "Fin" not in aux.morph.get("VerbForm", []) or noun.i >= aux.i:
        return None
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.dep_ != "ROOT":
        return None
    return ctx.speaker_from_tokens(noun, excl)


def detached_adjective_subject(
    ctx: QuoteContext, tok: Token, excl: tuple[int, int]
) -> Speaker | None:
    """``Le maire, « choqué », adressait ses « pensées … »``: an adjective or participle set off
    by commas after the subject (often quoted itself, often after a fronted ``Absent au moment
    des faits,``) makes the parser read it as the predicate with no copula and hang the subject
    on it; the finite verb after it, left with no subject, is the one that noun is subject of."""
    verb = tok
    for _ in range(4):
        if verb.pos_ in {"VERB", "AUX"} or verb.head.i == verb.i:
            break
        verb = verb.head
    if (
        verb.pos_ not in {"VERB", "AUX"}
        or "Fin" not in verb.morph.get("VerbForm", [])
        or any(c.dep_.startswith("nsubj") for c in verb.children)
    ):
        return None
    for adj in verb.doc[verb.sent.start : verb.i]:
        detached = adj.pos_ == "ADJ" or "Part" in adj.morph.get("VerbForm", [])
        linked = verb.i in {adj.head.i, adj.head.head.i} or verb.head.i in {adj.i, adj.head.i}
        if not detached or not linked:
            continue
        if any(c.dep_.startswith("aux") or c.dep_ == "cop" for c in adj.children):
            continue  # ``le maire, qui était choqué``: a clause of its own, with its verb
        subj = next(
            (
                c
                for c in adj.children
                if c.dep_ == "nsubj" and c.i < adj.i and not excl[0] <= c.idx < excl[1]
            ),
            None,
        )
        if subj is not None and subj.lower_ not in {"qui", "que", "qu'"}:
            return ctx.speaker_from_tokens(subj, excl)
    return None
