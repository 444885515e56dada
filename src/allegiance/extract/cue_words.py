"""Which words are speech cues: lexicon verbs matched by lemma (``selon``/``according`` too),
with the French tagger's misreadings repaired (incise verbs read as nouns or adjectives, a
participle after ``avoir`` read as a name, ``dément`` read as the adjective) and the cues that
report only in some uses (``exclure`` denied, ``se déclarer`` never, ``faire savoir``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.frames import lemma_guesses, quoted
from allegiance.extract.incise_subjects import (
    after_closing_mark,
    is_incise_position,
    skip_adverbial,
)
from allegiance.extract.quote_marks import OPENING_MARKS

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.quote_context import QuoteContext


#: French speech verbs whose reflexive use says nothing: ``le feu s'est déclaré`` (broke
#: out), ``se douter`` (to suspect)
_NOT_SPEECH_REFLEXIVE = frozenset({"déclarer", "douter"})


#: French verbs that report a view only when denied (``n'a pas exclu que …``, ``ne peut exclure
#: que …``) or when they rule out an action of the subject's own (``a exclu de démissionner``,
#: :func:`_rules_out`); ``a exclu le joueur`` reports nothing
_NEGATED_ONLY = frozenset({"exclure"})
_NEGATION = frozenset({"pas", "jamais", "plus", "guère", "point"})


def denied(tok: Token) -> bool:
    """``n'a pas exclu``, ``ne peut exclure``, ``refuse d'exclure``: the verb, or the modal or
    ``refuser`` it hangs from, is negated."""
    if any(c.lower_ in _NEGATION for c in tok.children):
        return True
    head = tok.head
    if head.i == tok.i or tok.dep_ not in {"xcomp", "ccomp", "obj"}:
        return False
    return head.lemma_.lower() == "refuser" or (
        head.lemma_.lower() in {"pouvoir", "vouloir"}
        and any(c.lower_ in _NEGATION | {"ne", "n'"} for c in head.children)
    )


def _rules_out(tok: Token) -> bool:
    """``a exclu de démissionner``: ruling out an action of one's own (``de`` and an
    infinitive, no object) is a statement; ``a exclu deux élus`` (expelled them) and ``a exclu
    la Russie de participer`` (a ban on someone else) are not."""
    if any(c.dep_ in {"obj", "iobj"} for c in tok.children):
        return False
    return any(
        c.dep_ == "xcomp"
        and "Inf" in c.morph.get("VerbForm", [])
        and any(m.dep_ == "mark" and m.lower_ in {"de", "d'"} for m in c.children)
        for c in tok.children
    )


#: verbs that report speech only as an inverted incise (``», appuie-t-il``, ``», appuie le
#: ministre``); elsewhere they mean something else (``s'appuyer sur``, ``appuyer une réforme``)
_INCISE_ONLY = frozenset({"appuyer"})


def _inverted_incise(tok: Token) -> bool:
    """``appuie-t-il`` or ``», appuie X``: the verb inverts its subject after a quotation."""
    doc = tok.doc
    if tok.i + 1 < len(doc) and doc[tok.i + 1].text.startswith("-") and len(doc[tok.i + 1]) > 1:
        return True
    return after_closing_mark(tok)


#: infinitives on ``à`` that make set phrases (``à en croire``, ``à commencer par``) or an
#: enlistment (``s'engager à servir``), not the content of a pledge
_NOT_PLEDGED = frozenset({"croire", "commencer", "savoir", "dire", "servir", "combattre"})
#: verbs of a text's wording: what a treaty or a constitution ``prévoit``, nobody says
_TEXT_VERBS = frozenset({"prévoir", "disposer", "stipuler"})


def _pledges(tok: Token) -> bool:
    """``s'engage à ne pas vendre``, ``s'est engagé en décembre à investir``: the conjugated
    reflexive ``s'engager`` with an infinitive on ``à`` (no comma between) is a pledge. Not
    ``a engagé des poursuites``, ``s'engage dans la course``, ``refuse de s'engager à`` (the
    infinitive), ``s'engagera-t-il à …`` (a question), ``le traité prévoit que chaque État
    s'engage à …`` (a text's wording), ``s'est engagé, à en croire X, …``."""
    doc = tok.doc
    if "Inf" in tok.morph.get("VerbForm", []) or not any(
        c.lower_ in {"se", "s'", "s’"} for c in tok.children
    ):
        return False
    if tok.i + 1 < len(doc) and doc[tok.i + 1].text.startswith("-"):
        return False
    if tok.dep_ == "ccomp" and tok.head.lemma_.lower() in _TEXT_VERBS:
        return False
    for c in tok.children:
        if c.pos_ != "VERB" or "Inf" not in c.morph.get("VerbForm", []) or c.i <= tok.i:
            continue
        mark = next((m for m in c.children if m.lower_ == "à" and m.dep_ in {"mark", "case"}), None)
        if mark is None or c.lemma_.lower() in _NOT_PLEDGED:
            continue
        if not any(t.text == "," for t in doc[tok.i + 1 : mark.i]):
            return True
    return False


def is_cue(ctx: QuoteContext, tok: Token) -> bool:
    """A speech verb from the lexicon (lemma-matched), or ``selon``/``according``."""
    lemma = tok.lemma_.lower()
    if lemma in _NOT_SPEECH_REFLEXIVE and any(c.lower_ in {"se", "s'"} for c in tok.children):
        return False  # ``un incendie qui s'est déclaré``, ``elle ne se doutait pas``
    if ctx.lang == "fr" and lemma in _NEGATED_ONLY and not (denied(tok) or _rules_out(tok)):
        return False
    if ctx.lang == "fr" and lemma in _INCISE_ONLY and not _inverted_incise(tok):
        return False  # ``s'appuie sur les « conclusions »``: relies on, says nothing
    if ctx.lang == "fr" and lemma == "assurer" and _provides(ctx, tok):
        return False  # ``d'assurer l'intérim « jusqu'au 10 juin »``: provides, says nothing
    if ctx.lang == "fr" and lemma in {"penser", "croire"} and _caused(tok):
        return False  # ``des blessures qui laissent penser que …``: a sign, no one's words
    if ctx.lang == "fr" and lemma == "relever" and _belongs_to(tok):
        return False  # ``les liens relevaient d'« une relation … »``: belong to, say nothing
    if (
        ctx.lang == "fr"
        and tok.lower_ in {"savoir", "valoir"}
        and tok.i > 0
        and causative(tok) is not None
    ):
        return True  # ``», a fait savoir X``, ``fait-on valoir``: the causative says it
    if ctx.lang == "fr" and tok.lower_ == "tomber" and _dropped_remark(tok):
        return True  # ``», a laissé tomber X``: let drop, a remark
    if ctx.lang == "fr" and lemma == "faire" and _speech_locution(ctx, tok):
        return True  # ``a fait part de sa « détermination »``, ``a fait état d'un « … »``
    if ctx.lang == "fr" and lemma == "parler" and tok.pos_ == "VERB":
        return _speaks_of_marked(ctx, tok)  # ``X parle d'une « situation explosive »``
    if ctx.lang == "fr" and lemma in _URGING and _not_urging_now(tok):
        return False  # ``une opération visant à inciter les plagistes à …``: a purpose
    if ctx.lang == "fr" and lemma == "engager" and _pledges(tok):
        return True  # ``Carrefour s'engage à ne pas vendre …``: a pledge, reported
    if ctx.lang == "fr" and lemma == "mettre" and _warns(ctx, tok):
        return True  # ``a mis en garde contre des « représailles »``
    if ctx.lang == "fr" and lemma == "mettre" and _puts_forward(tok):
        return True  # ``», a-t-elle mis en avant``, ``a mis en avant que …``
    if (
        lemma in {"selon", "according"}
        or tok.lower_ == "according"
        or (tok.lower_ == "après" and tok.i > 0 and tok.doc[tok.i - 1].lower_ in {"d'", "d"})
    ):
        return not names_wording(tok)
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
    return (
        tok.pos_ in {"VERB", "AUX"}
        or is_incise_position(ctx, tok)
        or _after_name(ctx, tok)
        or _participle_after_avoir(tok)
        or _subject_before_colon(tok)
        or _before_que(tok)
        or _after_clitic(tok)
        or subject_before_marks(ctx, tok) is not None
    )


#: verbs of urging that report a request when conjugated, not as an infinitive of purpose
_URGING = frozenset({"inciter", "encourager"})


def _not_urging_now(tok: Token) -> bool:
    """An infinitive (``visant à inciter``, ``accusé d'avoir incité``: a purpose, a charge) or a
    passive (``sont incités à … par la CGT``: the subject is urged, it urges nobody)."""
    if "Inf" in tok.morph.get("VerbForm", []):
        return True
    return any(
        (c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm", []))
        or c.dep_ in {"aux:pass", "nsubj:pass"}
        # ``sont incités``: the parser may call the passive's ``être`` a tense auxiliary
        or (c.dep_.startswith("aux") and c.lemma_ == "être")
        for c in tok.children
    )


def _dropped_remark(tok: Token) -> bool:
    """``», a laissé tomber M. X``, ``», a-t-il finalement laissé tomber``, ``a laissé tomber :
    « … »``: ``laisser tomber`` as an incise after a closing mark or before a colon (not ``Les
    électeurs ont laissé tomber le « candidat »``, where it means to abandon)."""
    doc = tok.doc
    k = tok.i - 1
    if k < 1 or not doc[k].lower_.startswith("laiss"):
        return False
    if tok.i + 1 < len(doc) and doc[tok.i + 1].text == ":":
        return True  # ``le député a laissé tomber : « … »``
    k -= 1
    while k >= 0 and (doc[k].text.startswith("-") or doc[k].pos_ in {"AUX", "ADV"}):
        k -= 1  # ``a-t-il``, ``a finalement``
    if k >= 0 and doc[k].text == ",":
        k -= 1
    return k >= 0 and doc[k].text in {"»", "”", '"'}


#: French subject clitics: no noun or adjective follows one directly
_SUBJECT_CLITICS = frozenset({"il", "elle", "ils", "elles", "on"})


def _after_clitic(tok: Token) -> bool:
    """``il se vante de …`` with ``vante`` tagged as an adjective, ``qu'elle juge « … »`` with
    ``juge`` tagged as a noun: a reflexive or subject pronoun right before a word says it is
    a conjugated verb."""
    if tok.i == 0:
        return False
    before = tok.doc[tok.i - 1]
    if before.lower_ in {"se", "s'"}:
        return tok.pos_ == "ADJ"
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return (
        before.lower_ in _SUBJECT_CLITICS
        and before.pos_ == "PRON"
        and tok.pos_ in {"ADJ", "NOUN"}
        # with the marked words right after (``Elle alerte son employeur`` after a quote
        # is no incise of it)
        and after is not None
        and after.text in OPENING_MARKS
    )


def _provides(ctx: QuoteContext, tok: Token) -> bool:
    """``assurer l'intérim``, ``assurer la sécurité``: a thing as object and no clause, outside
    an incise (where the object is the inverted subject: ``», assure le ministre``)."""
    if any(c.dep_ in {"ccomp", "xcomp"} for c in tok.children) or is_incise_position(ctx, tok):
        return False
    after = [c for c in tok.children if c.i > tok.i]
    if any(ctx.mention_of(c) is not None for c in after):
        return False  # ``assure Me Hélène Vasseur`` inside the marks: a name after the verb
    return any(c.dep_ == "obj" and c.pos_ == "NOUN" and not ctx.can_speak(c) for c in after)


def _caused(tok: Token) -> bool:
    """An infinitive right after ``laisser`` or ``faire`` (``laissent penser``, ``fait
    croire``): what makes one think, not who thinks."""
    return tok.i > 0 and tok.doc[tok.i - 1].lemma_.lower() in {"laisser", "faire"}


def _speech_locution(ctx: QuoteContext, tok: Token) -> bool:
    """``faire part``, ``faire état`` (phrases of the lexicon ending on a noun): the noun right
    after the verb makes ``faire`` say something (``a fait part de son « étonnement »``,
    ``a fait part de son intention de …``)."""
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    return (
        nxt is not None
        and nxt.head.i == tok.i
        and nxt.pos_ == "NOUN"  # not the infinitive of ``faire savoir``
        and f"faire {nxt.lower_}" in ctx.cues.phrases
    )


#: nouns of wording after ``selon``: ``« tenu », selon l'expression consacrée`` names a usage,
#: not anyone who said it
_WORDING = frozenset(
    {"expression", "formule", "formulation", "terme", "jargon", "mot", "vocabulaire"}
)


def _source_noun(source: Token) -> Token | None:
    """The noun ``selon`` (or the ``après`` of ``d'après``) introduces, after it."""
    noun = source.head.head if source.dep_ == "fixed" else source.head
    if source.dep_ not in {"case", "fixed"} or noun.i <= source.i:
        return None
    return noun


def names_wording(source: Token) -> bool:
    """``selon l'expression consacrée``, ``selon la formule d'usage``: the noun after ``selon``
    is a wording; the phrase says how a thing is called, not who said it (the quoted word is
    a term). ``selon les termes du ministre``, ``selon ses termes`` name whose words they are:
    a source."""
    noun = _source_noun(source)
    if noun is None or (noun.lemma_.lower() not in _WORDING and noun.lower_ not in _WORDING):
        return False
    return not any(
        c.dep_.startswith("nmod") or "Yes" in c.morph.get("Poss", []) for c in noun.children
    )


#: nouns of figures and measures: ``selon les sondages`` says where a number comes from
_FIGURES = frozenset(
    {"sondage", "chiffre", "statistique", "donnée", "estimation", "projection", "prévision",
     "résultat", "calcul", "relevé", "comptage", "décompte", "baromètre"}
)  # fmt: skip


def figures_noun(noun: Token) -> bool:
    """``sondages``, ``chiffres``, ``prévisions``: a noun of figures (:data:`_FIGURES`)."""
    return noun.lemma_.lower() in _FIGURES or noun.lower_.removesuffix("s") in _FIGURES


def names_figures(source: Token, quote: tuple[int, int] | None = None) -> bool:
    """``selon les sondages``, ``selon les derniers chiffres``: figures with no author, which
    say where a number comes from but are nobody's words. ``selon les chiffres du ministère``,
    ``selon les chiffres publiés par l'Insee``, ``selon ses prévisions`` and ``selon un sondage
    Ifop`` name an author anywhere in the noun's phrase. Words within ``quote`` (character
    offsets), which the parser may hang on the noun, do not count."""
    noun = _source_noun(source)
    if noun is None or not figures_noun(noun):
        return False
    lo, hi = quote if quote is not None else (0, 0)
    return not any(
        t.dep_.startswith(("nmod", "appos", "flat", "obl"))
        or t.pos_ == "PROPN"
        or "Yes" in t.morph.get("Poss", [])
        for t in _own_phrase(noun)
        if not lo <= t.idx < hi
    )


def _own_phrase(noun: Token) -> list[Token]:
    """The words of ``noun``'s phrase up to the first quotation mark or comma after it: the
    parser may hang a whole marked passage, or the clause after, on the noun."""
    doc = noun.doc
    words = list(doc[noun.left_edge.i : noun.i])
    subtree = {t.i for t in noun.subtree}
    for t in doc[noun.i + 1 : noun.right_edge.i + 1]:
        if t.text in OPENING_MARKS or t.text == ",":
            break
        if t.i in subtree:
            words.append(t)
    return words


#: how far after ``parle de`` the opening mark may stand: ``parle d'un projet « difficile »``
_OF_MARKS_REACH = 40


def _speaks_of_marked(ctx: QuoteContext, tok: Token) -> bool:
    """``parler`` is no speech verb (``parler avec X``, ``parler au téléphone``) except in
    ``parler de « … »``: it names the words the speaker used, as ``évoquer`` does. Its ``de``
    stands right after it, the marks within a short noun phrase after that, and the verb is
    neither denied nor the complement of a refusal (``a refusé de parler d'« … »``)."""
    doc = ctx.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None or nxt.lower_.replace("’", "'") not in {"de", "d'", "du", "des"}:
        return False
    if denied(tok) or any(c.lower_ in {"ne", "n'"} for c in tok.children):
        return False
    if quoted(ctx, tok):  # ``« Quand ils parlent de “…” »``: a speaker's account of others
        return False
    if "Inf" in tok.morph.get("VerbForm", []) and not _named_subject_above(ctx, tok):
        return False  # ``rien n'empêche de parler de « … »``: a wording anyone may use
    window = ctx.text[nxt.idx : nxt.idx + _OF_MARKS_REACH]
    cut = min((window.find(c) for c in ".;:\n" if c in window), default=len(window))
    return any(m in window[:cut] for m in '«“"')


#: verbs an infinitive ``parler de « … »`` may complement and still report the subject's own
#: words (``n'hésite pas à parler de``, ``préfère parler de``); not ``évite de``, ``renonce à``
_SAYING_LEADS = frozenset(
    {"hésiter", "préférer", "choisir", "oser", "aller", "tenir", "insister", "continuer"}
)


def _named_subject_above(ctx: QuoteContext, tok: Token) -> bool:
    """``X n'hésite pas à parler de``, ``Y préfère parler de``: the verb an infinitive
    complements is one of saying's leads, with a named actor as its subject; only ``hésiter``
    says it denied (``n'ose pas parler de`` does not)."""
    head = tok.head
    if head.i == tok.i or tok.dep_ not in {"xcomp", "ccomp", "obj", "obl:arg"}:
        return False
    lead = head.lemma_.lower()
    if lead not in _SAYING_LEADS:
        return False
    denied = any(c.lower_ in _NEGATION | {"ne", "n'"} for c in head.children)
    if denied != (lead == "hésiter"):
        return False
    return any(c.dep_.startswith("nsubj") and ctx.mention_of(c) is not None for c in head.children)


def _warns(ctx: QuoteContext, tok: Token) -> bool:
    """The ``mettre`` of the locution ``mettre en garde contre`` (the lexicon lists ``mettre en
    garde`` as a phrase): to warn against something is to speak, like ``avertir``, and what is
    warned against may be the speaker's marked words. Only with ``contre`` right after: the
    incise (``», a mis en garde X``) is already read by the quote rules, and a bare ``mis``
    would become a cue that other reports get coordinated to."""
    doc = tok.doc
    return (
        "mettre en garde" in ctx.cues.phrases
        and tok.i + 3 < len(doc)
        and doc[tok.i + 1].lower_ == "en"
        and doc[tok.i + 2].lower_ == "garde"
        and doc[tok.i + 3].lower_ == "contre"
    )


#: what may follow ``mettre en avant`` used as a verb of saying: a content clause, or the end of
#: an incise clause
_AFTER_PUT_FORWARD = frozenset({"que", "qu'", ".", ",", ";", "!", "?", "…"})


def _puts_forward(tok: Token) -> bool:
    """The ``mettre`` of ``mettre en avant`` used as a verb of saying: with a content clause
    (``a mis en avant que le budget tiendrait``) or closing an incise after the quote
    (``« … », a-t-elle mis en avant.``). With a noun object (``a mis en avant sa grand-mère``,
    ``les brevets mis en avant``) it only highlights something and reports no words."""
    doc = tok.doc
    k = tok.i + 3
    if k > len(doc) or doc[k - 2].lower_ != "en" or doc[k - 1].lower_ != "avant":
        return False
    if k < len(doc) and doc[k].lower_ not in _AFTER_PUT_FORWARD:
        return False
    if k < len(doc) and doc[k].lower_ in {"que", "qu'"}:
        return True
    # an incise: the closing mark a few words back (``», a-t-elle mis en avant``)
    lead = doc[max(0, tok.i - 6) : tok.i]
    return any(t.text in {"»", "”", '"'} for t in lead)


def _participle_after_avoir(tok: Token) -> bool:
    """``a tweeté``, ``avait posté``: a past participle right after ``avoir`` whatever the
    tagger made of it (new verbs are often read as names)."""
    if tok.i == 0 or not tok.text.islower() or not tok.lower_.endswith(("é", "ée", "és", "ées")):
        return False
    return tok.doc[tok.i - 1].lemma_ == "avoir"


#: speech verb forms that are also adjectives, which the tagger reads as such (``dément``, of
#: ``démentir``, and the adjective ``dément``): a cue only right after a name
_ADJECTIVE_HOMOGRAPHS = frozenset({"dément"})


def _after_name(ctx: QuoteContext, tok: Token) -> bool:
    """``Laura Frémy analyse « … »``: a verb form the tagger took for a noun, right after a
    person's name that ends there (the name is its subject); ``X dément avoir …``, read as the
    adjective or adverb ``dément``, after a person's or a body's name."""
    if tok.i == 0 or not (
        tok.pos_ == "NOUN" or (tok.pos_ in {"ADV", "ADJ"} and tok.lower_ in _ADJECTIVE_HOMOGRAPHS)
    ):
        return False
    prev = ctx.doc[tok.i - 1]
    ref = ctx.mention_of(prev)
    types = {"person"} if tok.pos_ == "NOUN" else {"person", "organization"}
    if (
        ref is None
        or ref.entity.type not in types
        or ref.end != prev.idx + len(prev.text)
        or any(c.dep_ == "det" for c in tok.children)
    ):
        return False
    if tok.pos_ == "NOUN":
        return True
    # the adjective reading stays unless the name is a subject: not the complement of a noun
    # (``le gouvernement de la Transition dément``, where the noun is the subject)
    first = ctx.doc.char_span(ref.start, ref.end, alignment_mode="expand")
    k = first.start - 1 if first is not None else -1
    if k >= 0 and ctx.doc[k].pos_ == "DET":
        k -= 1
    return k < 0 or ctx.doc[k].pos_ != "ADP"


def subject_before_marks(ctx: QuoteContext, tok: Token) -> Token | None:
    """``Le syndicat juge « inacceptable » la décision``, ``une déclaration que l'association
    Familles Rurales juge « fausse »``: a verb form the tagger took for a noun (``juge``),
    lowercase, with no determiner of its own, right after a noun phrase that can name a
    speaker and right before an opening mark, is the conjugated verb (``le juge « … »`` has
    its determiner, ``le rapport du juge`` its preposition). The head of that noun phrase, its
    subject; None when ``tok`` is no such verb."""
    doc = ctx.doc
    if tok.pos_ != "NOUN" or tok.i == 0 or tok.i + 1 >= len(doc) or tok.text != tok.lower_:
        return None
    if doc[tok.i + 1].text not in OPENING_MARKS:
        return None
    prev = doc[tok.i - 1]
    ref = ctx.mention_of(prev)
    if ref is not None and ref.end == prev.idx + len(prev.text):
        # ``que l'UFC-Que Choisir juge « … »``: a name ends right before, however tagged
        head = prev
        first = doc.char_span(ref.start, ref.end, alignment_mode="expand")
        start = first.start if first is not None else prev.i
    else:
        if any(c.dep_ == "det" for c in tok.children):
            return None
        if prev.pos_ not in {"NOUN", "PROPN"} and not (
            prev.pos_ == "ADJ" and prev.text[:1].isupper()
        ):
            return None
        head = prev.head if prev.pos_ == "ADJ" or prev.dep_ in {"flat:name", "amod"} else prev
        start = head.i
        if head.i >= tok.i or not (ctx.mention_of(head) is not None or ctx.can_speak(head)):
            return None
        if (
            head.dep_ in {"obj", "iobj", "obl", "obl:arg"}
            and head.head.i < head.i
            and not any(t.text == "," for t in doc[head.head.i : head.i])
        ):
            return None  # ``Le préfet qui a reçu les agriculteurs juge``: an object
    # ``l'avis du syndicat juge``, ``selon Le Monde juge``: the noun complements another
    k = start - 1
    if k >= 0 and doc[k].pos_ == "DET":
        k -= 1
    return None if k >= 0 and doc[k].pos_ == "ADP" else head


#: the opening marks, with the single one of web French (``'n'est pas bonne'``)
_OPENERS = OPENING_MARKS | {"‘"}


def _subject_before_colon(tok: Token) -> bool:
    """``Marc, un voisin, raconte : « … »``: a speech verb form the tagger took for an
    adjective or a noun, with a subject of its own (no copula: not ``X est content``), right
    before a colon and an opening mark."""
    doc = tok.doc
    if tok.i + 2 >= len(doc) or doc[tok.i + 1].text != ":" or doc[tok.i + 2].text not in _OPENERS:
        return False
    if any(c.dep_ == "cop" for c in tok.children):
        return False
    return any(
        c.dep_ == "nsubj" and c.pos_ in {"PROPN", "NOUN", "PRON"} and c.i < tok.i
        for c in tok.children
    )


#: what may open the noun of ``relever de`` (belong to): not ``de graves « défaillances »``
#: (noted grave failings) nor ``d'abord``
_BELONGING_OPENERS = frozenset({"la", "l'", "l’", "ce", "cette", "sa", "son", "ses", "leur"})


def _belongs_to(tok: Token) -> bool:
    """``relever du domaine``, ``relevaient d'« une relation … »``: ``relever de`` and a noun
    phrase means to belong to, not to note."""
    doc = tok.doc
    if tok.i + 2 >= len(doc):
        return False
    nxt, after = doc[tok.i + 1], doc[tok.i + 2]
    if nxt.lower_ == "du":
        return True
    if nxt.lower_ not in {"de", "d'", "d’", "d"}:
        return False
    return after.pos_ in {"NOUN", "PROPN"} or after.is_punct or after.lower_ in _BELONGING_OPENERS


def _before_que(tok: Token) -> bool:
    """``…, Christel Heydemann, estime pour sa part que « … »``: a speech verb form the tagger
    took for an adjective or a noun, after a name or a comma (not an article: ``l'estime
    que``), whose ``que`` clause follows over adverbials: a verb with its complement."""
    doc = tok.doc
    if tok.i < 2 or any(c.dep_ == "cop" for c in tok.children):
        return False
    # a name right before, or before its comma (not ``…, critique que le ministre a balayée``)
    name = doc[tok.i - 2] if doc[tok.i - 1].text == "," else doc[tok.i - 1]
    if name.pos_ != "PROPN" or name.is_lower:
        return False
    k = skip_adverbial(doc, tok.i + 1)
    return k < len(doc) and doc[k].lower_ in {"que", "qu'", "qu’"}


def causative(tok: Token) -> Token | None:
    """The ``faire`` of ``fait savoir``, ``fait valoir``, also with an inverted pronoun between
    (``fait-on valoir``, ``fait-il savoir``)."""
    doc = tok.doc
    k = tok.i - 1
    if k > 0 and doc[k].text.startswith("-") and len(doc[k]) > 1 and doc[k].pos_ == "PRON":
        k -= 1
    while k > 0 and doc[k].lower_ == "-t":
        k -= 1
    return doc[k] if k >= 0 and doc[k].lemma_ == "faire" else None
