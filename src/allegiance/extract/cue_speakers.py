"""Who speaks through a cue (whether a word is a cue at all: :mod:`allegiance.extract.cue_words`).

:func:`speaker_of_cue` reads the dependency parse first (``nsubj`` of the cue, ``par``/``by``
agents, the inverted ``-t-il``, ``selon X``, the subject of the verb a participle hangs from,
the antecedent of ``qui``), and asks :mod:`allegiance.extract.incise_subjects` for the
word-order readings (French incises, a name right before the verb).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.antecedent_checks import completive_under_adverbial
from allegiance.extract.cue_words import causative, is_cue, names_figures, subject_before_marks
from allegiance.extract.frames import participle_form, quoted
from allegiance.extract.incise_subjects import (
    OBJECT_CLITICS,
    REFLEXIVE,
    after_closing_mark,
    apposed_name,
    impersonal_body,
    incise_description,
    is_time,
    name_before,
    set_off_by_comma,
    skip_addressee,
    skip_adverbial,
)
from allegiance.extract.misread_subjects import (
    aged_subject,
    completive_of_cue,
    document_author_before,
    finite_acl_subject,
    gerund_with_en,
    name_before_noun_cue,
    stranded_subject,
    stressed_aside,
    subject_before_the_quote,
    subject_of_the_report,
    within_completive,
)
from allegiance.extract.quote_context import (
    DEFINITE,
    PRONOUNS_PL,
    PRONOUNS_SG,
    MentionRef,
    QuoteContext,
)
from allegiance.extract.quote_marks import OPENING_MARKS
from allegiance.extract.relative_antecedents import relative_across_aside, relative_antecedent
from allegiance.extract.speaker_gender import LATTER, demonstrative
from allegiance.extract.speaker_roles import SPOKESPERSON, relatum
from allegiance.extract.speaker_words import (
    FR_OF,
    FR_POSSESSIVES,
    FR_STRESSED,
    INDEFINITE,
    TERRITORY_NOUNS,
    WORDING_NOUNS,
    adverbs_before,
    behind_preposition,
)
from allegiance.extract.subject_chains import (
    impersonal_passive,
    is_gerund,
    participle_conjunct_host,
)
from allegiance.extract.verb_chains import (
    charged_object,
    inverted_echo,
    questioned_noun,
    source_within_phrase,
    subject_of_auxiliary,
    uncommaed_incise,
)
from allegiance.models import Span, Speaker
from allegiance.nlp.components import glued_hyphen

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable

    from spacy.tokens import Doc, Token


SUBJ_DEPS = {"nsubj", "nsubj:pass", "nsubjpass", "csubj"}
#: determiners opening a French noun phrase besides :data:`DEFINITE` (an inverted subject)
_NP_OPENERS = frozenset({"les", "ces", "un", "une", "des", "son", "sa", "ses", "leur", "leurs"})
AGENT_DEPS = {"obl:agent", "agent"}


def _narrative_infinitive(
    ctx: QuoteContext, cue: Token, exclude: tuple[int, int]
) -> Speaker | None:
    """``Le ministre de l'Intérieur de dire : « … »``, ``Et d'ajouter : « … »``: the
    narrative infinitive, whose subject is the noun phrase right before ``de``, or with none
    (``Et d'ajouter``) the speaker the text quoted last."""
    doc = cue.doc
    k = cue.i - 1
    if (
        "Inf" not in cue.morph.get("VerbForm", [])
        or k < 0
        or doc[k].lower_ not in {"de", "d'"}
        or any(c.dep_.startswith("nsubj") for c in cue.children)
        or cue.i + 1 >= len(doc)
        or doc[cue.i + 1].text != ":"
    ):
        return None
    before = doc[k - 1] if k > 0 else None
    held = _name_before_aside(ctx, k)
    if held is not None:  # ``Me X, visiblement heureux de revoir son client, d'ajouter``
        return held.speaker(ctx.text)
    if before is not None and before.pos_ in {"PROPN", "NOUN"}:
        # a name is the subject (``le ministre Paul Diop de dire``); a complement's name is not
        # (``le ministre de l'Intérieur de dire``): the phrase's head noun says who
        complement = before.dep_ == "nmod" or any(c.dep_ == "case" for c in before.children)
        ref = None if complement else ctx.mention_of(before)
        head = before
        while ref is None and head.dep_ in {"flat:name", "flat", "appos", "nmod", "amod"}:
            head = head.head
        return ref.speaker(ctx.text) if ref is not None else ctx.speaker_from_tokens(head, exclude)
    if before is None or before.is_sent_start or before.lower_ in {"et", "puis", "avant"}:
        for offset, speaker in reversed(ctx.speakers_seen):
            if offset < cue.idx:
                return speaker
    return None


#: how many words an aside between a narrative infinitive's subject and its ``de`` may hold
_ASIDE_WORDS = 10


def _name_before_aside(ctx: QuoteContext, de: int) -> MentionRef | None:
    """The person named before an aside that stands between the subject of a narrative
    infinitive and its ``de``: an adjective or a participle with its complements (``Me X
    visiblement content de retrouver son client d'ajouter``, ``Le ministre X, ému, de
    conclure``, ``Me X, avocate de Y, de préciser``). The aside holds no finite verb, and
    names only behind a preposition or a participle (``agacée par Y``, ``ignorant Y``);
    without an aside (the word before ``de`` is the name's own) the usual rules read the noun
    phrase."""
    doc = ctx.doc
    aside = False
    i = de - 1
    while i >= 0 and i > de - 1 - _ASIDE_WORDS:
        tok = doc[i]
        ref = ctx.mention_of(tok)
        first = ctx.token_at(ref.start) if ref is not None else None
        if ref is not None and first is not None and _completes(doc, first.i):
            # ``agacée par X``, ``ignorant le député X``: a complement inside the aside
            aside, i = True, first.i - 1
            continue
        if ref is not None:
            return ref if aside and ref.entity.type == "person" else None
        i -= 1
        if tok.is_sent_start or tok.text in {".", ":", ";", "«", "»", "(", ")"}:
            return None
        if "Fin" in tok.morph.get("VerbForm", []):
            return None
        if tok.pos_ == "ADJ" or "Part" in tok.morph.get("VerbForm", []):
            aside = True
    return None


def _completes(doc: Doc, name: int) -> bool:
    """The name at token ``name`` completes a preposition or a participle before it, past its
    determiner and lower-case title (``par X``, ``ignorant le député X``; ``Remerciant X``,
    which the tagger may read as a noun)."""
    k = name - 1
    while (
        k >= 0
        and name - k <= 2
        and (doc[k].pos_ == "DET" or doc[k].is_lower and doc[k].pos_ == "NOUN")
    ):
        k -= 1
    return k >= 0 and (doc[k].pos_ in {"ADP", "VERB"} or _gerund_form(doc[k]))


def _gerund_form(tok: Token) -> bool:
    """A present participle by its form (``ignorant``, ``Remerciant``), not an adverb or a
    preposition of that form (``pourtant``, ``pendant``)."""
    return (
        tok.is_alpha
        and tok.lower_.endswith("ant")
        and len(tok.text) > 5
        and tok.pos_ not in {"ADV", "CCONJ", "SCONJ"}
        and tok.lower_ not in _ANT_WORDS
    )


#: words ending in ``-ant`` that are no participle
_ANT_WORDS = frozenset(
    {"pourtant", "cependant", "maintenant", "pendant", "durant", "avant", "devant", "auparavant",
     "suivant", "concernant", "moyennant", "nonobstant", "dorénavant"}
)  # fmt: skip


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


def _asked(cue: Token, tok: Token) -> bool:
    """``appeler X à``, ``exhorter X à``, ``prier X de`` + infinitive: ``tok`` is the object the
    request is made to (an infinitive complement of the cue comes after it), not the subject."""
    if tok.dep_ not in {"obj", "iobj", "dobj"} or tok.head.i != cue.i:
        return False
    return any(
        c.dep_ == "xcomp" and c.i > tok.i and "Inf" in c.morph.get("VerbForm", [])
        for c in cue.children
    )


def _auxiliary_subject(ctx: QuoteContext, cue: Token, exclude: tuple[int, int]) -> Speaker | None:
    """The subject of the cue's auxiliary or causative ``faire`` (see
    :func:`~allegiance.extract.verb_chains.subject_of_auxiliary`)."""
    found = subject_of_auxiliary(ctx, cue, _inside(exclude))
    if found is None or isinstance(found, MentionRef):
        return None if found is None else found.speaker(ctx.text)
    if found.lower_ in {"qui", "who"}:
        return relative_antecedent(ctx, found, exclude)
    return ctx.speaker_from_tokens(found, exclude)


def _relative_conjunct(cue: Token) -> Token | None:
    """``Il a visé X, qui avait adressé un signalement et avait évoqué « … »``: a cue with no
    subject of its own, right after ``et`` and an auxiliary written as the one of a ``qui``
    clause just before it (the parser hung it on the main verb, whose auxiliary differs): the
    relative pronoun it shares its subject with."""
    doc = cue.doc
    aux = next((c for c in cue.children if c.dep_ == "aux:tense" and c.i < cue.i), None)
    if aux is None or aux.i < 2 or doc[aux.i - 1].lower_ != "et":
        return None
    if doc[aux.i - 2].text == ",":
        return None  # ``…, qui a siégé six mois, et a promis``: the comma closes the relative
    if any(c.dep_.startswith("nsubj") for c in cue.children):
        return None
    host = next((c for c in cue.head.children if c.dep_ == "aux:tense"), None)
    for tok in reversed(doc[max(cue.sent.start, aux.i - 15) : aux.i - 1]):
        if tok.dep_ != "acl:relcl":
            continue
        rel = next((c for c in tok.children if c.dep_ == "nsubj" and c.lower_ == "qui"), None)
        own = next((c for c in tok.children if c.dep_ == "aux:tense"), None)
        if rel is None or own is None or own.lower_ != aux.lower_:
            return None
        if cue.head.i == tok.i:
            return rel  # the parser saw the coordination: the relative's own conjunct
        if host is not None and host.lower_ == aux.lower_:
            return None  # the main verb's own tense: the conjunct may well be its
        return rel
    return None


def _relative_speaker(ctx: QuoteContext, rel: Token, exclude: tuple[int, int]) -> Speaker | None:
    """Who the relative pronoun ``rel`` stands for: the person the noun its clause hangs on is
    apposed to (``X, la présidente de l'association des riverains, qui``), that noun itself
    (``X, la secrétaire d'État …, qui``), else the name right before the pronoun."""
    noun = rel.head.head
    while noun.dep_ == "nmod" and noun.head.i != noun.i:
        noun = noun.head
    holder = ctx.mention_of(noun.head) if noun.dep_ == "appos" else None
    if holder is not None and holder.entity.type == "person":
        return holder.speaker(ctx.text)
    speaker = ctx.speaker_from_tokens(noun, exclude) if noun.pos_ in {"NOUN", "PROPN"} else None
    return speaker or relative_antecedent(ctx, rel, exclude)


def _coordinated_cue(ctx: QuoteContext, cue: Token, exclude: tuple[int, int]) -> Speaker | None:
    """``X dément toute fraude et assure que …``: a cue coordinated by ``et``/``mais`` with no
    subject of its own shares the subject of the speech verb before the conjunction, which the
    parser may have missed (``dément`` read as an adjective, the second verb hung on a noun)."""
    if ctx.lang != "fr" or cue.i < 2 or ctx.doc[cue.i - 1].lower_ not in {"et", "mais"}:
        return None
    doc = ctx.doc
    inside = _inside(exclude)
    for tok in reversed(doc[max(cue.sent.start, cue.i - 12) : cue.i - 1]):
        if inside(tok) or (tok.is_punct and tok.text != ",") or tok.pos_ == "SCONJ":
            return None  # a quote, another sentence or a subordinate clause in between
        if tok.lower_ in {"que", "qu'", "qui", "dont"}:
            return None
        if is_cue(ctx, tok) and tok.lemma_.lower() not in {"selon", "according"}:
            return speaker_of_cue(ctx, tok, exclude)
        if tok.pos_ in {"VERB", "AUX"}:
            return None  # ``X a quitté la salle et …``: not a speech verb before
    return None


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
        if names_figures(cue, exclude) and _spoken_marks(ctx, exclude):
            # ``X selon les sondages bénéficie « d'un net avantage »``: figures say no words;
            # the marks carry those of the speaker quoted just before, if any (else the
            # fallbacks below the cue decide, as for any source)
            latest = _latest_speaker(ctx, cue.idx)
            if latest is not None:
                return latest
        if noun.lower_ in {"qui", "lequel", "laquelle", "lesquels", "lesquelles"}:
            # ``a dit X, selon qui la « solution » est …``: the relative's antecedent
            return relative_antecedent(ctx, noun, exclude)
        if noun.lower_ in FR_STRESSED:
            subject = _clause_subject(ctx, cue, exclude)
            if subject is not None:
                return subject
        own = _own_words(noun)
        if own is not None:  # ``selon ses termes``, ``d'après ses propres mots``: the possessor
            return _clause_subject(ctx, cue, exclude) or ctx.speaker_from_tokens(own, exclude)
        speaker = ctx.speaker_from_tokens(noun, exclude, any_noun=True)
        return source_within_phrase(ctx, cue, noun, speaker)
    if ctx.lang == "fr":
        moved = _moved_person(ctx, cue, exclude)
        if moved is not None:  # ``La réforme agace l'avocat X : « … »``: the one moved speaks
            return moved
    if ctx.lang == "fr" and impersonal_passive(cue):
        return None  # ``», a-t-il été précisé``: the impersonal ``il`` is nobody
    inside = _inside(exclude)
    asked = questioned_noun(cue) if ctx.lang == "fr" else None
    if asked is not None and not inside(asked):  # ``un riverain interrogé par X``: he answered
        return ctx.speaker_from_tokens(asked, exclude)
    if ctx.lang == "fr":
        narrator = _narrative_infinitive(ctx, cue, exclude)
        if narrator is not None:
            return narrator
    if cue.i + 1 < len(doc) and doc[cue.i + 1].text.startswith("-") and len(doc[cue.i + 1]) > 1:
        # ``indique-t-il``: the inverted pronoun is the subject, whatever the parse says
        after_t = doc[cue.i + 2] if doc[cue.i + 1].lower_ == "-t" and cue.i + 2 < len(doc) else None
        if ctx.lang == "fr" and (after_t or doc[cue.i + 1]).lower_ == "-on":
            return impersonal_body(ctx, after_t or doc[cue.i + 1], cue, inside)
        speaker = ctx.speaker_from_tokens(doc[cue.i + 1], exclude)
        if speaker is not None:
            return speaker
    inverted = _inverted_after_aux(cue)
    if inverted is not None and ctx.lang == "fr" and inverted.lower_ == "-on":
        return impersonal_body(ctx, inverted, cue, inside)  # ``a-t-on indiqué à Matignon``
    if inverted is not None:  # ``nous a-t-il répondu``: the pronoun inverted after the auxiliary
        speaker = ctx.speaker_from_tokens(inverted, exclude)
        if speaker is not None:
            return speaker
    if ctx.lang == "fr":
        led = _infinitive_after_incise(ctx, cue, inside)
        speaker = ctx.speaker_from_tokens(led, exclude) if led is not None else None
        if speaker is not None:
            return speaker
    if is_gerund(cue):
        before = _incise_before(ctx, cue) if ctx.lang == "fr" else None
        if before is not None:  # ``…, a détaillé la SDJ, précisant que …``: the incise's subject
            speaker = speaker_of_cue(ctx, before, exclude)
            if speaker is not None:
                return speaker
        host = participle_conjunct_host(cue) if ctx.lang == "fr" else None
        speaker = (speaker_of_cue if host else _participle_noun)(ctx, host or cue, exclude)
        if speaker is not None:
            return speaker
        speaker = _preceding_subject(ctx, cue, exclude)
        if speaker is not None:
            return speaker
    incise = ctx.lang == "fr" and (
        after_closing_mark(cue) or inverted_echo(cue) or uncommaed_incise(cue)
    )
    first = skip_adverbial(doc, cue.i + 1)
    if incise:
        first = skip_addressee(ctx, first)
        # ``», a déclaré le commissaire européen pour le Commerce X``: the name closing the
        # inverted description, which the parser may have left out of the subject it found
        described = incise_description(ctx, first, inside)
        if described is not None:
            return described
    relative = _relative_conjunct(cue) if ctx.lang == "fr" else None
    speaker = _relative_speaker(ctx, relative, exclude) if relative is not None else None
    if speaker is not None:  # ``X, qui avait adressé … et avait évoqué « … »``
        return speaker
    if any(c.dep_ in {"nsubj:pass", "nsubjpass"} for c in cue.children):
        # ``X est accusé par Y d'avoir …``: in the passive the agent speaks, not the subject
        speaker = _agent_speaker(ctx, cue, exclude)
        if speaker is not None:
            return speaker
    for child in cue.children:
        if is_subject(child) and not inside(child):
            if ctx.lang == "fr" and stressed_aside(child):
                continue  # ``X a quant à elle évoqué``: the pronoun only repeats the subject
            if ctx.lang == "fr" and subject_before_the_quote(cue, child, exclude):
                continue  # ``X « ont rendu … », a indiqué le Comité``: the inverted one speaks
            if (
                child.pos_ == "NOUN"
                and child.is_lower
                and quoted(ctx, child)
                and not after_closing_mark(cue)
            ):
                continue  # ``sont « une surprise » …, car …, a déclaré X``: marked words say nothing
            if (
                ctx.lang == "fr"
                and child.pos_ == "PRON"
                and child.i < cue.i
                and quoted(ctx, child)
                and not quoted(ctx, cue)
                and after_closing_mark(cue)
            ):
                continue  # ``« … elle n'aime pas … », affirme X``: the incise inverts its subject
            if ctx.lang == "fr" and subject_of_the_report(ctx, cue, child):
                continue  # ``Cette décision est le résultat de « … », a expliqué X``: X speaks
            if ctx.lang == "fr" and behind_preposition(child):
                # ``», a indiqué à l'AFP X``: the parser's subject is the addressee, and the
                # name it hung on it in apposition the inverted subject
                apposed = next((c for c in child.children if c.dep_ == "appos"), None)
                speaker = ctx.speaker_from_tokens(apposed, exclude) if apposed is not None else None
                if speaker is not None and speaker.entity is not None:
                    return speaker
                continue
            if (
                ctx.lang == "fr"
                and child.lower_ in OBJECT_CLITICS
                and child.i < cue.i
                and after_closing_mark(cue)
            ):
                continue  # ``», nous a confié le ministre``: the incise's subject is inverted
            if ctx.lang == "fr" and child.lower_ == "on" and lemma in _ASKING:
                # ``lorsqu'on lui a demandé si …``: unnamed askers (journalists), never the
                # subject of the verb the clause hangs from
                span = Span(child.text, child.idx, child.idx + len(child.text))
                return Speaker(None, child.text, span)
            if ctx.lang == "fr" and child.lower_ == "on":
                # ``Chez Renault, on assure que …``: the body ``on`` is located at
                body = impersonal_body(ctx, child, cue, inside)
                if body.entity is not None:
                    return body
            if child.lower_ in _RELATIVE_SUBJECTS:
                return relative_antecedent(ctx, child, exclude)
            if ctx.lang == "fr" and child.pos_ == "NOUN" and child.i < cue.i:
                # ``L'avocat de X, ancien PDG du groupe, Me Y, a souligné``: the name set
                # last before the verb is the described subject's, wherever the parser hung it
                named = name_before(ctx, cue, inside)
                entity = ctx.entity(named.entity) if named and named.entity else None
                mention = named.mention if named is not None else None
                if (
                    entity is not None
                    and entity.type == "person"
                    and mention is not None
                    and child.idx < mention.start
                    and (
                        set_off_by_comma(doc, mention.start)
                        or not child.left_edge.idx <= mention.start <= child.right_edge.idx
                    )
                ):
                    return named
            speaker = ctx.speaker_from_tokens(child, exclude)
            if speaker is not None:
                return speaker
    if (
        ctx.lang == "fr"
        and cue.dep_ == "acl"
        and cue.head.i == cue.i - 1
        and cue.head.pos_ in {"NOUN", "PROPN"}
        and not participle_form(cue)
        and not inside(cue.head)
    ):
        # ``l'avocat lance : « … »`` parsed as a participle qualifying the noun: the noun
        # right before the conjugated verb is its subject
        return ctx.speaker_from_tokens(cue.head, exclude)
    misread = subject_before_marks(ctx, cue) if ctx.lang == "fr" else None
    if misread is not None and not inside(misread):
        # ``Le syndicat juge « inacceptable » …`` with ``juge`` read as a noun
        speaker = ctx.speaker_from_tokens(misread, exclude)
        if speaker is not None:
            return speaker
    speaker = _agent_speaker(ctx, cue, exclude) or relative_across_aside(ctx, cue, exclude)
    if speaker is not None:
        return speaker
    speaker = _auxiliary_subject(ctx, cue, exclude) or _coordinated_cue(ctx, cue, exclude)
    if speaker is not None:
        return speaker
    speaker = name_before_noun_cue(ctx, cue, inside)
    speaker = speaker or finite_acl_subject(ctx, cue, exclude) or aged_subject(ctx, cue, exclude)
    speaker = speaker or stranded_subject(ctx, cue, exclude)
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
            and not (
                ctx.lang == "fr"
                and tok.i > cue.i
                and not tok.text.startswith("-")
                # ``», a répondu celui-ci``: the demonstrative is an inverted subject
                and not (after_closing_mark(cue) and demonstrative(tok))
            )
        ):
            return ctx.speaker_from_tokens(tok, exclude)
    # a French incise inverts a whole noun phrase: ``» indique le général de gendarmerie X``;
    # what follows a participle is its object (``en exhortant Netanyahu : « … »``)
    # (the form itself, ``-ant``: the tagger reads ``», rassure X`` as a participle too)
    participle = (
        is_gerund(cue)
        and (cue.lower_.endswith("ant") or cue.tag_ == "VBG")
        and not any(is_subject(c) for c in cue.children)
    )
    after = doc[first : first if participle else min(len(doc), first + (8 if incise else 3))]
    for tok in after:
        if (
            (tok.is_punct and not glued_hyphen(tok.doc, tok.i))
            or inside(tok)
            or tok.lower_ in {"que", "qu'"}
            or (incise and tok.lower_ in {"qui", "dont"} and tok.i > first)
            or (tok.is_space and "\n" in tok.text)
        ):
            # ``prévenir que la Chine …``: past ``que`` starts the reported clause; ``», précise
            # le groupe qui comprend la Société des Autoroutes de l'Est``: a relative clause on the subject;
            # a line break ends a headline's incise (``assure le préfet`` over ``Publié le …``)
            break
        if glued_hyphen(tok.doc, tok.i):
            continue  # ``la start-up``: the hyphen inside a word, tagged as a name
        if is_time(tok):
            continue  # ``said Monday``: when, not who
        if not incise and (_asked(cue, tok) or charged_object(cue, tok)):
            break  # ``a appelé la Commission à enquêter``: whom it asks, not who asks
        if ctx.lang == "fr" and tok.pos_ == "ADP" and not incise:
            break  # ``Interrogée sur France Inter, X``: a complement's name, not the subject
        if (
            incise
            and tok.pos_ == "ADP"
            and tok.lower_ not in FR_OF
            and doc[first].lower_ in DEFINITE["fr"] | _NP_OPENERS
            # ``a réagi la Première au micro de RTL``: a capitalised adjective used as a noun
            and any(
                t.pos_ == "NOUN" or (t.pos_ == "ADJ" and t.text[:1].isupper())
                for t in doc[first : tok.i]
            )
        ):
            # ``», écrivent les signataires dans Le Monde``: past the inverted subject's noun
            # phrase, a channel (not ``à plusieurs reprises devant la cour Me X``, adverbials)
            break
        # a lower-case "name" is a misread adjective (``affirme le trentenaire nigérian``)
        if (tok.pos_ == "PROPN" and not tok.is_lower) or ctx.mention_of(tok):
            # ``», glisse un avocat de X``: X is whom the speaker is related to; the noun says
            # who speaks (a name apposed to it, an earlier holder of the role, or nobody). A
            # spokesperson speaks for X unless named (``la porte-parole de l'Association, Y``)
            owner = _complement_holder(tok, first) if incise else None
            if owner is None and incise:
                owner = _party_tagged(ctx, tok, first)
            if owner is not None and owner.lower_ in SPOKESPERSON:
                voice = _named_spokesperson(ctx, owner, exclude)
                if voice is not None:
                    return voice
                owner = None
            return ctx.speaker_from_tokens(owner if owner is not None else tok, exclude)
    if (
        incise
        and len(after) > 1
        and after[0].lower_ in DEFINITE["fr"] | INDEFINITE["fr"] | FR_POSSESSIVES
    ):
        # ``», conclut le journaliste``, ``», témoigne une habitante``: an unnamed subject
        noun = after[0].head if after[0].head.i > after[0].i else after[1]
        channel = next((t for t in doc[after[0].i + 1 : noun.i] if t.pos_ == "ADP"), None)
        if channel is not None and channel.i > after[0].i + 1:
            # ``a réagi la Première au micro de RTL``, parsed with ``micro`` as the head: the
            # subject ends before the channel's preposition
            noun = doc[channel.i - 1]
        one_of = noun.lower_ in {"un", "une"}  # ``assure l'un d'eux, Claude Martin``
        # ``», a confié ce dernier``: the parser takes ``dernier`` for an adjective
        latter = noun.lower_ in LATTER
        # an indefinite phrase speaks if its noun names people (not ``un communiqué``)
        kind_ok = after[0].lower_ not in INDEFINITE["fr"] or ctx.can_speak(noun)
        if (noun.pos_ == "NOUN" or one_of or latter) and kind_ok and not inside(noun):
            named = apposed_name(ctx, noun)  # ``prévient le PDG, Jean Dupont.``
            if named is not None:
                return named
            return ctx.speaker_from_tokens(noun, exclude)
    if ctx.lang == "en":
        # ``“…,” Tulsa police Chief Jane Roe said.``: the parser often hangs the name elsewhere;
        # the name right before the cue, after the closing mark, is its subject
        for tok in reversed(doc[max(0, cue.i - 3) : cue.i]):
            if tok.is_punct or inside(tok):
                break
            if not is_time(tok) and ctx.mention_of(tok):
                return ctx.speaker_from_tokens(tok, exclude)
    else:
        named = name_before(ctx, cue, inside)
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
            and ctx.mention_of(named_head) is not None
        ):
            return ctx.speaker_from_tokens(named_head, exclude)
    # a participle or infinitive (``le qualifiant de``, ``disant que``, ``calling``): its subject
    # is the subject of the verb it hangs from
    head = cue
    for _ in range(6):
        if head.head.i == head.i:  # the root (Tokens are new objects: no ``is``)
            break
        head = head.head
        if inside(head) or completive_under_adverbial(cue, head):
            continue
        if _completive_above(ctx, cue, head):
            # ``Il estime que cette dernière « n'est pas morte », annonçant « … »``: the
            # participle goes on with the speaker of the verb the clause completes, not with
            # what the clause is about
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
                    speaker = relative_antecedent(ctx, child, exclude)
                    if speaker is not None and speaker.entity is not None:
                        return speaker
                    continue
                if child.morph.get("PronType", []) == ["Rel"]:
                    continue
                speaker = ctx.speaker_from_tokens(child, exclude)
                if speaker is not None:
                    return speaker
    return None


#: verbs that lead an infinitive of saying in an incise (``», finit par lâcher X``)
_LEADING = frozenset({"commencer", "finir", "terminer", "conclure", "continuer"})


def _infinitive_after_incise(
    ctx: QuoteContext, cue: Token, inside: Callable[[Token], bool]
) -> Token | None:
    """``« … » commence par interroger de manière théâtrale, Me X``, ``», finit par lâcher,
    face à Y, le ministre X``: an infinitive cue led by ``commencer par``, ``finir par`` right
    after the closing mark. Its inverted subject is the noun phrase right after the
    infinitive (``finit par reconnaître le ministre, …``), or else the one after the commas
    that close its complements, past inserted phrases that open on a preposition (``face à
    Y``, ``comme Y``). The token that names it (a name, else the noun after a determiner)."""
    doc = cue.doc
    head = cue.head
    if cue.morph.get("VerbForm", []) != ["Inf"] or cue.dep_ != "xcomp":
        return None
    if head.lemma_.lower() not in _LEADING or not after_closing_mark(head) or head.i > cue.i:
        return None
    k, end = cue.i + 1, min(len(doc), cue.i + 20)
    while k < end:
        if doc[k].pos_ in {"DET", "PROPN"} or doc[k].lower_ in {"me", "maître"}:
            words = []
            for tok in doc[k : min(end, k + 6)]:
                if tok.is_punct:
                    break
                words.append(tok)
            if words[0].pos_ != "DET":  # ``Me X``, ``X``: the name
                named = next((t for t in words if ctx.mention_of(t) is not None), None)
                return named if named is not None and not inside(named) else None
            noun = next((t for t in words[1:] if t.pos_ == "NOUN"), None)
            if noun is None:
                return None
            for tok in words[words.index(noun) + 1 :]:
                if tok.pos_ == "ADP":
                    break  # ``la secrétaire générale de la CFDT``: the body is whose she is
                if ctx.mention_of(tok) is not None and not inside(tok):
                    return tok  # ``le Premier ministre Michel Barnier``
            return noun
        # an adverbial or an inserted phrase (``de manière théâtrale``, ``, face à Y,``): to
        # the next comma
        comma = next((t.i for t in doc[k:end] if t.text == ","), None)
        if comma is None:
            return None
        k = comma + 1
    return None


def _named_spokesperson(ctx: QuoteContext, noun: Token, exclude: tuple[int, int]) -> Speaker | None:
    """The person named beside the spokesperson ``noun`` of a body (``la porte-parole de
    l'Association … (AMUF), Emmanuelle Seris``), else None (an unnamed one speaks for the
    body, which the caller keeps)."""
    voice = ctx.speaker_from_tokens(noun, exclude)
    if voice is None or voice.entity is None or voice.mention is None:
        return None
    if voice.mention.start <= noun.idx or noun.sent.end_char <= voice.mention.start:
        return None  # the role's earlier holder, not a name set beside this spokesperson
    entity = ctx.entity(voice.entity)
    return voice if entity is not None and entity.type == "person" else None


def _complement_holder(tok: Token, first: int) -> Token | None:
    """The noun of an inverted subject whose ``de`` complement holds ``tok`` (``un proche de
    X``, ``l'entourage de X``), from the parse or, when the parser hung the name elsewhere,
    from word order (noun, adjectives, ``de``, determiner, name)."""
    doc = tok.doc
    noun: Token | None = None
    if tok.dep_ == "nmod" and first <= tok.head.i < tok.i and tok in relatum(tok.head):
        noun = tok.head
    elif (
        tok.dep_ in {"nmod", "appos", "flat:name", "flat", "amod"}
        and not any(c.dep_ == "case" for c in tok.children)
        and tok.head.i == tok.i - 1
        and tok.head.pos_ == "NOUN"
        and first <= tok.head.head.i < tok.head.i
        and tok.head in relatum(tok.head.head)
    ):
        # ``la présidente de la région X``, ``le maire de la commune X``: the name only
        # names the complement noun it follows; the speaker is that complement's holder
        noun = tok.head.head
    else:
        k = tok.i - 1
        if k > first and doc[k].pos_ == "NOUN" and doc[k].lemma_.lower() in TERRITORY_NOUNS:
            k -= 1  # ``la présidente de la région X`` with X hung on the verb: the role noun
        if k > first and doc[k].pos_ == "DET":
            k -= 1
        if k > first and doc[k].text in FR_OF:
            k -= 1
            while k > first and doc[k].pos_ == "ADJ":
                k -= 1
            noun = doc[k]
    if noun is None or noun.pos_ != "NOUN":
        return None
    while noun.dep_ == "nmod" and first <= noun.head.i < noun.i and noun.head.pos_ == "NOUN":
        # ``le président du comité stratégique des centres X``: the phrase's first noun
        # holds the role, not the complement that holds the name
        noun = noun.head
    return noun


def _party_tagged(ctx: QuoteContext, tok: Token, first: int) -> Token | None:
    """``», s'est félicité le leader Insoumis``, ``», a lancé le député RN``: a body's name
    set right after a person's role noun only tags it; the role noun is the subject."""
    ref = ctx.mention_of(tok)
    name = ctx.token_at(ref.start) if ref is not None else None
    if ref is None or ref.entity.type != "organization" or name is None or name.i <= first:
        return None
    noun = tok.doc[name.i - 1]
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _TAGGED_ROLES:
        return None  # ``l'hebdomadaire Le Point``, ``le transporteur Keolis``: the body speaks
    return noun


#: person roles a party's name may tag (``le député RN``, ``le leader Insoumis``)
_TAGGED_ROLES = frozenset(
    {"député", "députée", "eurodéputé", "eurodéputée", "sénateur", "sénatrice", "élu", "élue",
     "leader", "chef", "cheffe", "ministre", "porte-parole", "président", "présidente",
     "secrétaire", "maire", "conseiller", "conseillère", "candidat", "candidate", "militant",
     "militante", "dirigeant", "dirigeante", "responsable", "cadre", "figure", "patron",
     "patronne", "tribun", "opposant", "opposante", "délégué", "déléguée", "parlementaire",
     "syndicaliste", "adjoint", "adjointe", "vice-président", "vice-présidente", "ténor",
     "représentant", "représentante", "sympathisant", "sympathisante", "adhérent", "adhérente"}
)  # fmt: skip


def _inverted_after_aux(cue: Token) -> Token | None:
    """The subject pronoun a French compound tense inverts between its auxiliary and the
    participle (``a-t-il répondu``, ``avait-elle confié``, ``a-t-elle encore dit``), when the
    parser left it loose. Not when the cue's noun subject stands right before the auxiliary:
    ``Le ministre a-t-il vraiment dit que …`` (a question) has the pronoun only repeat it."""
    doc = cue.doc
    k = adverbs_before(doc, cue.i - 1, 1)
    last = k - 2
    while k > last and k >= 1 and doc[k].text.startswith("-") and len(doc[k]) > 1:
        if doc[k].lower_ != "-t" and doc[k].pos_ == "PRON":
            j = k - 1
            while j >= 0 and doc[j].lower_ == "-t":
                j -= 1
            if j >= 0 and doc[j].pos_ == "AUX" and doc[j].head.i == cue.i:
                if any(
                    c.dep_ in SUBJ_DEPS and c.pos_ in {"NOUN", "PROPN"} and c.right_edge.i == j - 1
                    for c in cue.children
                ):
                    return None
                return doc[k]
            if j >= 0 and cue.lower_ in {"savoir", "valoir"} and causative(cue) is not None:
                return doc[k]  # ``fait-on valoir``: the pronoun inverted after ``faire``
        k -= 1
    return None


def _own_words(noun: Token) -> Token | None:
    """The possessive determiner of ``ses termes`` / ``ses propres mots`` / ``son expression``
    after ``selon``/``d'après``, else None."""
    if noun.lower_ not in WORDING_NOUNS and noun.lemma_.lower() not in WORDING_NOUNS:
        return None
    return next(
        (c for c in noun.children if c.dep_.startswith("det") and c.lower_ in FR_POSSESSIVES),
        None,
    )


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


#: relative pronouns that may be a cue's subject (``X, qui a dit``, ``X, lequel a dit``)
_RELATIVE_SUBJECTS = frozenset(
    {"qui", "lequel", "laquelle", "lesquels", "lesquelles", "who", "that", "which"}
)

#: cues that put a question to someone: with ``on`` as subject the askers are unnamed
_ASKING = {"demander", "interroger", "questionner"}

#: links by which the parser hangs a verb on its subject's name (``X, qui a fondé Y, conteste …
#: et affirme que …`` read with ``X`` as the root)
_HUNG_DEPS = {"conj", "parataxis", "advcl", "acl:relcl"}


def is_subject(tok: Token) -> bool:
    """A subject dependency, or a name the parser took for an expletive subject (``Samsung
    compte utiliser …`` parsed ``expl:subj``): a proper noun is never an expletive."""
    if tok.dep_ in SUBJ_DEPS:
        return True
    return tok.dep_ == "expl:subj" and tok.pos_ == "PROPN"


def _participle_noun(ctx: QuoteContext, cue: Token, exclude: tuple[int, int]) -> Speaker | None:
    """``…, le ministère regrettant une procédure « … »``: a present participle right after a
    noun phrase (no comma between) has that noun for subject (``un homme portant un chapeau``), whatever subject the
    clause around has: the absolute participle clause names its own speaker."""
    author = document_author_before(ctx, cue) if ctx.lang == "fr" else None
    if author is not None and not _inside(exclude)(author):
        return ctx.speaker_from_tokens(author, exclude)
    noun = cue.head
    if (
        ctx.lang != "fr"
        # ``un maire les invitant à …``: the parser may read the participle as a relative
        or cue.dep_ not in {"acl", "acl:relcl"}
        or noun.i >= cue.i
        or noun.pos_ not in {"NOUN", "PROPN"}
        or _inside(exclude)(noun)
        or quoted(ctx, noun)
        or not ctx.can_speak(noun)
        # ``une plainte contre X, accusant …``: after a comma the participle goes with the
        # clause's subject, not with the noun before it; a party's initials in brackets
        # after a name (``Paul Roche (LR) les invitant …``) set nothing off
        or any(t.is_punct for t in _outside_brackets(ctx.doc[noun.i + 1 : cue.i]))
        or _clitic_for_object(ctx, noun, cue)
    ):
        return None
    return ctx.speaker_from_tokens(noun, exclude)


#: object clitics for one person or thing (``l'accusant``, ``la félicitant``)
_SINGULAR_CLITICS = frozenset({"l'", "l’", "le", "la"})
#: verbs of confronting someone: the subject speaks at the object (``ont interpellé le maire
#: l'accusant …``); after any other verb (``a reçu``, ``a interviewé``) the object may speak
_CONFRONTING = frozenset(
    {"interpeller", "apostropher", "prendre", "invectiver", "huer", "conspuer", "chahuter",
     "bousculer", "harceler", "attaquer", "insulter"}
)  # fmt: skip


def _clitic_for_object(ctx: QuoteContext, noun: Token, cue: Token) -> bool:
    """``Les manifestants ont interpellé le maire l'accusant de …``: the participle's clitic
    stands for the noun, the object of a verb of confronting; the subject accuses. Not after
    other verbs (``a reçu un élu l'exhortant à …``, ``a interviewé une commerçante le
    qualifiant …``: the object speaks)."""
    return (
        noun.dep_ == "obj"
        and ctx.doc[cue.i - 1].lower_ in _SINGULAR_CLITICS
        and noun.head.lemma_.lower() in _CONFRONTING
    )


def _outside_brackets(tokens: Iterable[Token]) -> list[Token]:
    """The ``tokens`` less a short bracketed group right after a name (a party, ``(LR)``,
    ``(ex-LR)``, ``(Horizons)``, or an office, ``(adjoint à l'urbanisme)``: five words at most);
    any other bracket stays punctuation."""
    toks = list(tokens)
    out: list[Token] = []
    k = 0
    while k < len(toks):
        close = next((j for j in range(k + 1, min(k + 7, len(toks))) if toks[j].text == ")"), None)
        before = toks[k].doc[toks[k].i - 1] if toks[k].i > 0 else None
        if (
            toks[k].text == "("
            and close is not None
            and close > k + 1
            and before is not None
            and before.pos_ == "PROPN"
        ):
            k = close + 1
            continue
        out.append(toks[k])
        k += 1
    return out


def _incise_before(ctx: QuoteContext, participle: Token) -> Token | None:
    """The verb of an inverted incise set between commas right before a participle: ``…, a
    détaillé la SDJ dans un communiqué, précisant que …``. The incise opens on its verb (an
    auxiliary first), its subject after it."""
    doc = ctx.doc
    if participle.i < 4 or doc[participle.i - 1].text != ",":
        return None
    k = participle.i - 2
    lo = max(participle.sent.start, participle.i - 14)
    while k > lo and doc[k].text not in {",", "»", "”", '"'}:
        k -= 1
    if doc[k].text not in {",", "»", "”", '"'}:
        return None
    first = k + 1
    while first < participle.i - 1 and doc[first].pos_ == "AUX":
        first += 1
    verb = doc[first]
    if verb.pos_ != "VERB" or not is_cue(ctx, verb) or first + 1 >= participle.i - 1:
        return None
    return verb if not any(c.dep_ in SUBJ_DEPS and c.i < verb.i for c in verb.children) else None


def _completive_above(ctx: QuoteContext, cue: Token, head: Token) -> bool:
    """``head`` is in a ``que`` clause completing a speech verb, so a participle after a comma
    goes on with that verb's speaker, not with the clause's subject. A gerund with ``en`` after
    a comma (``…, en insistant sur …``) passes over clauses nested in that one (``X a souligné
    que le pays … et qu'il était prêt …, en insistant``); a bare participle only over the clause
    itself (``a raconté que l'agresseur … et qu'il avait sorti un couteau, hurlant « … »``)."""
    if gerund_with_en(cue):
        return False  # no comma before ``en``: the gerund shares its clause's subject
    doc = cue.doc
    with_en = cue.i > 0 and doc[cue.i - 1].lower_ == "en"
    return within_completive(ctx, head) if with_en else completive_of_cue(ctx, head)


def _preceding_subject(ctx: QuoteContext, cue: Token, exclude: tuple[int, int]) -> Speaker | None:
    """The nearest subject before ``cue`` in its sentence (participles are often misparsed)."""
    inside = _inside(exclude)
    pron = PRONOUNS_SG[ctx.lang] | PRONOUNS_PL[ctx.lang]
    for tok in reversed(ctx.doc[cue.sent.start : cue.i]):
        # ``« … », avait-il martelé, qualifiant …``: the inverted pronoun is a subject whatever
        # the parse; a ``je`` inside the quotation marks is the quoted speaker's, not a subject
        inverted = tok.text.startswith("-") and tok.lower_ in pron
        if (tok.dep_ in SUBJ_DEPS or inverted) and not inside(tok) and not quoted(ctx, tok):
            if _completive_above(ctx, cue, tok.head):
                continue  # ``Il estime que cette dernière « … » annonçant``: what it is about
            if tok.head.dep_ == "acl:relcl" and ctx.doc[cue.i - 1].text == ",":
                # ``les accusations selon lesquelles X aurait …, affirmant``: a relative clause
                # modifies a noun; the participle after the comma goes with the main clause
                continue
            if (
                tok.lower_ in {"qui", "who", "that", "which", "on", "it", "il"}
                and not (ctx.mention_at(tok.idx, tok.idx + 1))
                and tok.lower_ not in {"il"}
            ):
                continue
            speaker = ctx.speaker_from_tokens(tok, exclude)
            if speaker is not None:
                return speaker
    # ``« … », a déclaré le chanteur, dénonçant un « … »``: the subject the parser lost is the
    # incise's, the speaker of the quote earlier in the same sentence
    said = [
        (offset, sp)
        for offset, sp in ctx.speakers_seen
        if cue.sent.start_char <= offset < cue.idx and sp.entity is not None
    ]
    if not said:
        return None
    # only in the incise that follows the quote (``», a déclaré X, dénonçant``): not across a
    # full stop the parser read through
    seg = ctx.text[said[-1][0] : cue.idx]
    incise = seg[max(seg.rfind("»"), seg.rfind("”"), seg.rfind('"')) + 1 :]
    return said[-1][1] if not any(p in incise for p in ".!?") else None


#: verbs of feeling, speech cues when reflexive (``X s'inquiète``, ``se désole``; all in the
#: speech-verb lexicon), whose experiencer is the object when a thing is the subject (``la
#: mesure inquiète les maires``)
_MOVING_VERBS = frozenset(
    {"inquiéter", "indigner", "étonner", "réjouir", "alarmer", "offusquer", "agacer", "désoler",
     "émouvoir"}
)  # fmt: skip
#: nouns of someone's words: as the subject of a verb of feeling, their author is the speaker
_WORDS_NOUNS = frozenset(
    {"propos", "phrase", "parole", "mot", "déclaration", "remarque", "sortie", "discours",
     "tweet", "message", "formule", "saillie", "réponse", "annonce"}
)  # fmt: skip


def _moved_person(ctx: QuoteContext, cue: Token, exclude: tuple[int, int]) -> Speaker | None:
    """The object of a verb of feeling used without ``se`` whose subject is a thing (``La
    décision désole au contraire l'avocat X : « … »``): the person moved speaks, not what
    moved them. Not when the subject is a person, a body or a pronoun (``Le ministre a inquiété
    les syndicats : « … »`` is the minister's), nor someone's words (``Les propos du ministre
    ont indigné …``)."""
    if cue.lemma_.lower() not in _MOVING_VERBS or cue.pos_ != "VERB":
        return None
    if any(c.lower_ in REFLEXIVE or c.dep_ in {"expl:pv", "expl:comp"} for c in cue.children):
        return None
    subject = next((c for c in cue.children if c.dep_.startswith("nsubj")), None)
    if subject is None or subject.pos_ != "NOUN" or ctx.mention_of(subject) is not None:
        return None
    if ctx.can_speak(subject) or subject.lemma_.lower() in _WORDS_NOUNS:
        return None
    inside = _inside(exclude)
    obj = next(
        (
            c
            for c in cue.children
            if c.dep_ == "obj" and c.pos_ in {"NOUN", "PROPN"} and not inside(c)
        ),
        None,
    )
    return ctx.speaker_from_tokens(obj, exclude) if obj is not None else None


def _latest_speaker(ctx: QuoteContext, pos: int) -> Speaker | None:
    """The speaker of the latest quote within the two sentences before ``pos``."""
    since = ctx.sentence_start(pos, back=2)
    return next((sp for at, sp in reversed(ctx.speakers_seen) if since <= at < pos), None)


def _spoken_marks(ctx: QuoteContext, span: tuple[int, int]) -> bool:
    """Whether the quote at ``span`` stands between quotation marks (:meth:`in_marks`: not a
    reported clause) and not as a term inside a noun phrase (``le « vote utile »``: a
    determiner before the marks makes them the author's scare quotes)."""
    if not ctx.in_marks(span):
        return False
    mark = max(ctx.text.rfind(m, max(0, span[0] - 4), span[0] + 1) for m in OPENING_MARKS)
    before = ctx.text[:mark].rstrip()
    word = ctx.token_at(len(before) - 1) if before else None
    return word is None or word.pos_ != "DET"


def _inside(exclude: tuple[int, int]):  # type: ignore[no-untyped-def]
    return lambda tok: exclude[0] <= tok.idx < exclude[1]
