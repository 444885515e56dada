"""When a French speech cue does not report anyone's words, and how to tidy what it reports.

:mod:`allegiance.extract.indirect` finds a cue and the clause it governs; these rules say when
that pair is not a report at all, following the gold guidelines (``eval/gold/README.md``):

* a passive cue with no agent names no speaker (``Il est accusé d'avoir …``, ``il a été observé
  que …``): its subject is the one spoken about;
* a cue in a condition or a purpose (``si elle estime que``, ``afin de s'assurer que``, ``pour
  vérifier que``) reports nothing that was said; ``pour`` with a speech verb reports (``a pris
  la parole pour dire que …``);
* a denied or generic speaker (``rien ne dit que``, ``personne ne soutiendrait que``);
* documents and figures without an author (``selon un document``, ``les statistiques
  indiquent que``);
* a denied cue (``n'a pas annoncé que``, ``n'a jamais dit``), litotes aside;
* a cue quoted as a word (``fini de sourcer « selon l'Élysée »``).

It also gives the plain grammatical subject as a speaker when the actor finder found none, since
a report by ``le champion de l'IA`` or ``Ivan Du Roy`` is a report even when nobody resolves it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.attribution import is_cue
from allegiance.extract.frames import finite_auxiliary
from allegiance.extract.quote_marks import find_marked_spans
from allegiance.extract.speaker_words import FR_INVERTED
from allegiance.extract.verb_chains import bare_participle_of, shares_cue_auxiliary
from allegiance.models import Quote, Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.quote_context import QuoteContext

#: subjects that deny or empty the report (``rien ne dit que``, ``personne ne soutiendrait``)
_NOBODY = {"rien", "personne", "aucun", "aucune", "nul", "nulle"}
#: heads of sources that are documents or figures, not speakers, unless a named actor owns them
_DOCUMENTS = {
    "document",
    "texte",
    "statistique",
    "chiffre",
    "donnée",
    "déclaration",
    "note",
    "courrier",
    "version",
}
_CONDITION = {"si", "s'"}
_PURPOSE = {"afin"}
#: verbs of checking that ``pour`` + infinitive turns into a purpose (``pour vérifier que``); with
#: a speech verb, ``pour`` introduces what was said (``a pris la parole pour dire que …``)
_CHECKING = {"vérifier", "constater", "savoir", "voir", "comprendre", "contrôler"}
_PERSONAL = {"il", "elle", "ils", "elles", "je", "nous", "vous", "tu"}


def reports_speech(ctx: QuoteContext, cue: Token, quoted: list[tuple[int, int]]) -> bool:
    """Whether the French cue ``cue`` can introduce reported speech (see the module docstring).

    ``quoted`` holds the (start, end) of every stretch between quotation marks, quotes or not.
    """
    if ctx.lang != "fr":
        return True
    if any(s <= cue.idx < e for s, e in quoted):
        return False  # the cue is a quoted word, not the author's
    children = list(cue.children)
    if _passive_without_agent(cue, children) or _qualifying_participle(cue, children):
        return False
    if any(c.dep_ == "mark" and c.lower_ in _CONDITION for c in children):
        return False
    if "Inf" in cue.morph.get("VerbForm", []):
        before = {t.lower_ for t in cue.doc[max(cue.sent.start, cue.i - 3) : cue.i]}
        if before & _PURPOSE or ("pour" in before and cue.lemma_.lower() in _CHECKING):
            return False
    if _denied(cue, children):
        return False
    if cue.lemma_.lower() == "assurer" and any(
        (c.dep_.startswith("expl") and c.dep_ != "expl:subj") or c.lower_ in {"s'", "se"}
        for c in children
    ):
        return False  # ``s'assurer que``: to make sure, not to assure
    for child in children:
        if child.dep_ in {"nsubj", "nsubj:pass"}:
            if child.lower_ in _NOBODY:
                return False
            if _is_document(ctx, child):
                return False
    if _fact_subject(cue):
        return False
    if cue.lower_ in {"selon", "après"}:
        noun = cue.head if cue.dep_ == "case" else None
        if cue.dep_ == "fixed":
            noun = cue.head.head
        if noun is not None and noun.i > cue.i and (_is_document(ctx, noun) or _no_source(noun)):
            return False
    return True


#: the newsroom's own inquiry: ``selon nos informations`` is the author's reporting, no source
_OWN = {"nos", "notre"}
_OWN_NOUNS = {"information", "informations", "constatation", "constatations", "estimation"}


def _no_source(noun: Token) -> bool:
    """``selon nos informations``: the newspaper's own finding names no speaker, so the
    clause reports nothing (marked words in it stay quotes without a speaker); a wording
    (``selon l'expression consacrée``) is no cue at all (:func:`names_wording`)."""
    own = any(c.dep_ in {"det", "nmod:poss"} and c.lower_ in _OWN for c in noun.children)
    return own and (noun.lower_ in _OWN_NOUNS or noun.lemma_.lower() in _OWN_NOUNS)


#: demonstratives that stand for a fact, not a person (``cela montre que``)
_FACT_PRONOUNS = {"cela", "ceci"}


def _fact_subject(cue: Token) -> bool:
    """``…, ce qui pourrait suggérer que …``, ``cela montre que …``: a speech verb whose subject
    is ``ce qui`` (the preceding clause) or a demonstrative stands for the author's inference
    from a fact; nobody says the clause. The subject of a modal (``pourrait suggérer``) counts
    as the cue's own."""
    holders = [cue]
    if cue.dep_ == "xcomp":
        holders.append(cue.head)
    for holder in holders:
        for child in holder.children:
            if child.dep_ != "nsubj":
                continue
            if child.lower_ in _FACT_PRONOUNS:
                return True
            relative = holder.dep_ == "acl:relcl" and holder.head.lower_ == "ce"
            if child.lower_ == "qui" and relative:
                return True
    return False


#: negation words that, with ``ne``, deny the verb (``n'a pas annoncé``, ``n'a jamais dit``)
_NEGATIONS = {"pas", "jamais", "point", "guère"}
#: verbs whose denial still reports (litotes: ``n'a pas caché que``, ``n'a pas exclu de``)
_LITOTES = {"cacher", "exclure", "nier", "démentir", "contester", "manquer", "hésiter", "cesser"}


def _denied(cue: Token, children: list[Token]) -> bool:
    """``X n'a pas encore signalé son intention de …``, ``X n'a jamais dit que …``: a denied
    speech verb tells that something was not said; nobody's words follow. Litotes
    (``n'a pas caché que``) do report."""
    if cue.lemma_.lower() in _LITOTES:
        return False
    adverbs = [c for c in children if c.dep_ == "advmod"]
    # ``n'a pas encore signalé``: the parser may hang ``pas`` on the next adverb
    words = {a.lower_ for a in adverbs} | {g.lower_ for a in adverbs for g in a.children}
    return bool(words & {"ne", "n'"}) and bool(words & _NEGATIONS)


def passive_voice(cue: Token) -> bool:
    """Whether the French verb ``cue`` is passive. The parser marks a past participle passive
    from its form alone (``a-t-il répondu`` gets ``Voice=Pass`` and ``-il`` as ``nsubj:pass``):
    an ``être`` auxiliary of the passive makes it passive; an ``avoir`` auxiliary or an inverted
    clitic subject makes it active."""
    children = list(cue.children)
    # only a form of ``être`` is the passive's auxiliary: the parser also hangs the euphonic
    # ``-t`` of ``a-t-il ensuite publié`` (a pronoun) as ``aux:pass``
    if any(c.dep_ == "aux:pass" and c.pos_ != "PRON" for c in children):
        return True
    if "Pass" not in cue.morph.get("Voice", []):
        return False
    if any(c.dep_.startswith("aux") and c.lemma_.lower() == "avoir" for c in children):
        return False
    if any(c.lower_ in _REFLEXIVE and c.i < cue.i for c in children):
        return False  # ``s'est (surtout) dit « consterné »``: a pronominal verb takes ``être``
    return not any(c.lower_ in FR_INVERTED for c in children)


#: the third-person reflexive clitic: with it, ``être`` is the auxiliary of a pronominal verb
#: (``s'est dit``, ``se sont déclarés``), never of a passive
_REFLEXIVE = {"se", "s'"}


def _qualifying_participle(cue: Token, children: list[Token]) -> bool:
    """``le parcours annoncé pour se diriger …``, ``la date annoncée``: a past participle
    qualifying a noun, with no ``par`` agent, says what was announced, not who reports a
    clause (any subject found for it belongs to another clause)."""
    if cue.dep_ not in {"acl", "amod"} or cue.morph.get("VerbForm", []) != ["Part"]:
        return False
    if cue.morph.get("Tense", []) != ["Past"]:
        return False
    noun = cue.head
    if noun.pos_ not in {"NOUN", "PROPN"} or noun.i > cue.i:
        return False
    if any(t.pos_ not in {"ADJ", "ADV"} for t in cue.doc[noun.i + 1 : cue.i]):
        return False  # only a noun right before (its adjectives between) is what it qualifies
    return not any(_par_phrase(c) for c in children)


def _passive_without_agent(cue: Token, children: list[Token]) -> bool:
    if not passive_voice(cue) or cue.dep_ in {"acl", "amod"}:
        return False  # a participle qualifying a noun (``publié par X``) is not a clause
    return not any(c.dep_ in {"obl:agent", "obl:mod", "obl"} and _par_phrase(c) for c in children)


def _par_phrase(dependent: Token) -> bool:
    """A dependent introduced by ``par``: the agent of a participle (``publié par X``)."""
    return any(k.dep_ == "case" and k.lower_ == "par" for k in dependent.children)


def _is_document(ctx: QuoteContext, head: Token) -> bool:
    """A document or a figure (``un document publié mardi``) with no named actor in its phrase
    (``le document publié par la FEC`` has one: the FEC is the source)."""
    forms = {head.lemma_.lower(), head.lower_, head.lower_.rstrip("s")}
    if not forms & _DOCUMENTS:
        return False
    sub = list(head.subtree)
    start, end = sub[0].idx, sub[-1].idx + len(sub[-1].text)
    addressed = _addressee_spans(head)
    return not any(
        r.entity.type in {"person", "organization"}
        and not any(a <= r.start and r.end <= b for a, b in addressed)
        for r in ctx.mentions_in(start, end)
    )


#: prepositions that name whom a document is sent or filed to, not who wrote it
_TO = {"à", "au", "aux", "auprès", "devant"}


def _addressee_spans(head: Token) -> list[tuple[int, int]]:
    """The phrases of a document's noun phrase that name its addressee (``une déclaration à la
    FEC``, ``des documents déposés auprès de la SEC``): the actor a filing is sent to is not its
    author, so it does not make the document anyone's speech (``publié par la FEC`` does)."""
    spans = []
    for token in head.subtree:
        if token is head:
            continue
        # the parser hangs ``auprès`` over its noun (``déposés auprès de la SEC``)
        if token.lower_ != "auprès" and not any(
            c.dep_ == "case" and c.lower_ in _TO for c in token.children
        ):
            continue
        sub = list(token.subtree)
        spans.append((sub[0].idx, sub[-1].idx + len(sub[-1].text)))
    return spans


def relative_clause(head: Token) -> bool:
    """A clause opened by a relative pronoun (``estime Berne qui se rallie à …``): it describes
    a noun, it is not what the cue reports."""
    first = next(iter(head.subtree))
    return first.lower_ in {"qui", "dont", "lequel", "laquelle", "lesquels", "lesquelles"}


def object_of(noun: Token, cue: Token) -> bool:
    """Whether ``noun`` is the direct object of ``cue`` or a noun completing it (``la hausse des
    loyers``: ``loyers`` too), up a chain of ``nmod`` links."""
    for _ in range(4):
        if noun.dep_ == "obj":
            return noun.head.i == cue.i
        if noun.dep_ != "nmod" or noun.head.i == noun.i:
            return False
        noun = noun.head
    return False


def quoted_stretches(ctx: QuoteContext) -> list[tuple[int, int]]:
    """Every stretch between quotation marks (marks included), whether a quote or not."""
    return [
        (ms.open_mark if ms.open_mark is not None else ms.start, ms.end + 1)
        for ms in find_marked_spans(ctx.text, single_quotes=True)
    ]


def fit_to_quoted(
    text: str, start: int, end: int, quoted: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The content ``[start, end)`` of an indirect quote stretched so that it does not cut a
    quoted stretch (``quoted`` from :func:`quoted_stretches`, quotes or not): a content that
    overlaps one, or ends right before its opening mark, takes it whole (``Une enquête a été
    ouverte contre le maire pour « prise illégale d'intérêts », a annoncé le parquet``: the
    parse or the dropped mark tokens ended it inside the marks). None when the stretch runs into
    another paragraph."""
    changed = True
    while changed:
        changed = False
        for q_start, q_end in quoted:
            if q_start >= end and text[end:q_start].strip(" \t'") == "":
                touching = q_start > start  # ``qualifié la réforme d'« absurde »``
            else:
                touching = False
            overlaps = q_start < end and start < q_end
            inside = start <= q_start and q_end <= end
            if (overlaps and not inside) or touching:
                if "\n" in text[min(start, q_start) : max(end, q_end)]:
                    return None
                start, end = min(start, q_start), max(end, q_end)
                changed = True
    return start, end


def subject_speaker(ctx: QuoteContext, cue: Token, exclude: tuple[int, int]) -> Speaker | None:
    """The grammatical subject of ``cue`` as an unresolved speaker: a name, a noun that can
    speak, or a personal pronoun. Used when the actor finder returns nothing."""
    if ctx.lang != "fr":
        return None
    for child in cue.children:
        # ``Il m'a assuré que …``: the parser reads a personal ``il`` before a speech verb as
        # an expletive (``il est dit que``, passive, is filtered out before)
        expletive = child.dep_ == "expl:subj" and child.lower_ in {"il", "elle", "ils", "elles"}
        if (child.dep_ != "nsubj" and not expletive) or exclude[0] <= child.idx < exclude[1]:
            continue
        if child.lower_ in _NOBODY or _is_document(ctx, child):
            return None
        capitalised = child.text[:1].isupper() and child.pos_ in {"NOUN", "PROPN", "X"}
        # ``OpenAI a assuré …``: a name the tagger read as an auxiliary
        capitalised = capitalised or (
            child.pos_ == "AUX"
            and child.text[:1].isupper()
            and child.lemma_.lower() not in {"avoir", "être"}
        )
        capitalised = capitalised or _marked_name(child)
        # ``Le canton de Berne et les distributeurs …``: a name inside the subject phrase
        capitalised = capitalised or any(
            t.pos_ == "PROPN" and t.i > child.i for t in list(child.subtree)[:8]
        )
        if child.lower_ in _PERSONAL or capitalised or ctx.can_speak(child):
            toks = [t for t in child.subtree if not (exclude[0] <= t.idx < exclude[1])]
            toks = [t for t in toks if t.i <= child.i or t.dep_ in {"flat:name", "amod", "nmod"}]
            start = toks[0].idx
            end = toks[-1].idx + len(toks[-1].text)
            if end <= start or end - start > 120:
                start, end = child.idx, child.idx + len(child.text)
            words = ctx.text[start:end]
            return Speaker(None, words, Span(words, start, end))
    return _name_before_auxiliary(ctx, cue, exclude)


def _name_before_auxiliary(
    ctx: QuoteContext, cue: Token, exclude: tuple[int, int]
) -> Speaker | None:
    """``Toutefois, OpenAI a assuré …`` parsed with no subject (the name read as an auxiliary or
    a conjunction): a capitalised name right before the cue's auxiliary is its subject."""
    if any(c.dep_.startswith(("nsubj", "expl")) for c in cue.children):
        return None
    doc = cue.doc
    k = cue.i - 1
    while k > cue.sent.start and doc[k].dep_.startswith("aux") and doc[k].head.i == cue.i:
        k -= 1
    if k == cue.i - 1 or k <= cue.sent.start:
        return None  # no auxiliary (``… X assuré``), or the name opens the sentence
    name = doc[k]
    if exclude[0] <= name.idx < exclude[1] or not name.text[:1].isupper():
        return None
    if name.pos_ not in {"PROPN", "AUX", "X", "NOUN", "CCONJ"} or doc[k - 1].text not in {",", ";"}:
        return None
    found = ctx.speaker_from_tokens(name, exclude)
    if found is not None:
        return found
    return Speaker(None, name.text, Span(name.text, name.idx, name.idx + len(name.text)))


def _marked_name(head: Token) -> bool:
    """``« Les voix des femmes » appelle …``: a subject phrase wrapped in quotation marks and
    opening on a capital is the name of a body (an association, a campaign's organisers)."""
    toks = list(head.subtree)
    words = [t for t in toks if not t.is_punct]
    if not words or not words[0].text[:1].isupper():
        return False
    doc = head.doc
    first, last = toks[0].i, toks[-1].i
    opens = toks[0].text in MARK_TOKENS or (first > 0 and doc[first - 1].text in MARK_TOKENS)
    closes = toks[-1].text in MARK_TOKENS or (
        last + 1 < len(doc) and doc[last + 1].text in MARK_TOKENS
    )
    return opens and closes


def tidy_content(ctx: QuoteContext, tokens: list[Token], cue: Token) -> list[Token] | None:
    """A reported clause stays within one paragraph, the one next to its cue (the parser runs
    a headline and the next line together), and stops before a comment on the whole report
    (``…, ce qui pourrait perturber …``) and before a second speech verb of the same speaker
    (``X affirme que … et demande à la justice de …``: two reports)."""
    segments: list[list[Token]] = [[]]
    for tok in tokens:
        if tok.is_space and "\n" in tok.text:
            segments.append([])
        else:
            segments[-1].append(tok)
    segments = [seg for seg in segments if seg]
    if not segments:
        return None
    before = [seg for seg in segments if seg[-1].i < cue.i]
    after = [seg for seg in segments if seg[0].i > cue.i]
    if after and not before:
        chosen = after[0]
    elif before and not after:
        chosen = before[-1]
    else:
        chosen = max(segments, key=len)
    out: list[Token] = []
    main_at = None
    if _in_opening_subordinate(cue) and _to_sentence_end(chosen, cue):
        # the parser ran the report on into the main clause (else it ended the report itself)
        main_at = _main_clause_comma(chosen, cue)
    for k, tok in enumerate(chosen):
        if (
            tok.text == ","
            and k + 2 < len(chosen)
            and chosen[k + 1].lower_ == "ce"
            and chosen[k + 2].lower_ in {"qui", "que", "qu'"}
        ):
            break
        if tok.text == "," and out and tok.i > cue.i and _gerund_report(ctx, chosen[k + 1 :]):
            break
        second = tok.lower_ in _COORDINATORS and k + 1 < len(chosen) and chosen[k + 1].i > cue.i
        # ``assure avoir lancé … et se dit « … »``: past the reflexive, in a report with no
        # subject of its own (``que les habitants ont peur et se plaignent`` is one clause)
        verb = (
            chosen[k + 2]
            if second
            and _reflexive_before_verb(chosen, k + 1)
            and not any(t.dep_.startswith("nsubj") for t in out)
            else None
        )
        if verb is None and second and chosen[k + 1].pos_ == "AUX" and not _compound(out):
            # ``que Taiwan fait partie de la Chine et a appelé``; not ``que le conducteur a
            # percuté un mur et a appelé les secours`` (the clause's own compound tense)
            verb = _after_auxiliary(chosen, k + 1)
        if second and out and _second_report(ctx, verb or chosen[k + 1], cue):
            if out[-1].text == ",":
                out.pop()
            break
        if tok.text == "," and out and tok.i > cue.i and _rival_report(ctx, chosen[k + 1 :]):
            break
        if tok.text == "," and out and tok.i > cue.i and _trailing_source(chosen[k + 1 :]):
            break
        if k == main_at and out:
            break  # ``Depuis que X a annoncé que …, l'éditeur affirme``: the main clause
        if out and tok.i > cue.i and _next_report(ctx, chosen[k:]):
            break
        out.append(tok)
    while out and out[0].is_punct and out[0].text not in {"«", "“"}:
        out.pop(0)
    while out and trailing_punct(out[-1], {"»", "”"}):
        out.pop()
    return out if len(out) >= 2 else None


def _reflexive_before_verb(tokens: list[Token], k: int) -> bool:
    """``et se dit « … »``: a reflexive clitic at ``k`` with a verb right after it."""
    return (
        k + 1 < len(tokens)
        and tokens[k].lower_ in {"se", "s'"}
        and tokens[k + 1].pos_ in {"VERB", "AUX"}
    )


def _next_report(ctx: QuoteContext, rest: list[Token]) -> bool:
    """``X a reconnu que … avant de préciser que …``, ``… avant d'ajouter « … »``: ``avant de``
    with a speech verb opens the speaker's next statement; ``…, après avoir annoncé que …`` an
    earlier one. Either way the first content ends before it."""
    if len(rest) < 3:
        return False
    if rest[0].lower_ == "avant" and rest[1].lower_ in {"de", "d'"}:
        return is_cue(ctx, rest[2])
    if rest[0].lower_ == "après" and rest[1].lower_ in {"avoir", "être"}:
        # set off by a comma: the speaker's earlier act, not the reported subject's
        # (``que le suspect avait été interpellé après avoir reconnu les faits``)
        return rest[0].i > 0 and rest[0].nbor(-1).text == "," and is_cue(ctx, rest[2])
    return False


#: coordinators that may join a second report of the same speaker to the first
_COORDINATORS = {"et", "mais"}
#: ``…, tandis que Y accusait …``: a contrast that opens another speaker's clause
_CONTRASTS = {("tandis", "que"), ("alors", "que"), ("tandis", "qu'"), ("alors", "qu'")}


def _second_report(ctx: QuoteContext, verb: Token, cue: Token) -> bool:
    """``X affirme que … et demande …``, ``X rappelle que …, mais estime que …``, ``X a accusé
    Y de … et prévenu que …``: a speech verb right after the coordinator is a second report of
    the same speaker, not part of the first content. A finite verb qualifies; so does a bare
    past participle sharing the cue's auxiliary (``a accusé … et prévenu``) when it governs a
    clause of its own (a participle without one, ``serait signé et annoncé mardi``, belongs to
    the content); and any verb shown by :func:`shares_cue_auxiliary` to be the cue's."""
    if verb.pos_ != "VERB":
        return False
    if is_cue(ctx, verb):
        return (
            "Fin" in verb.morph.get("VerbForm", [])
            or finite_auxiliary(verb)
            or bare_participle_of(verb, cue)
        )
    return shares_cue_auxiliary(verb, cue)


def _after_auxiliary(tokens: list[Token], k: int) -> Token | None:
    """The verb a finite auxiliary at ``k`` opens, past adverbs (``a fréquemment appelé``)."""
    if "Fin" not in tokens[k].morph.get("VerbForm", []):
        return None
    for tok in tokens[k + 1 : k + 4]:
        if tok.pos_ == "VERB":
            return tok
        if tok.pos_ != "ADV":
            return None
    return None


#: conjunctions opening a sentence with a subordinate clause before the main one
_OPENING_SUBORDINATES = frozenset(
    {("depuis", "que"), ("après", "que"), ("avant", "que"), ("parce", "que"), ("bien", "que"),
     ("dès", "que"), ("pendant", "que"), ("même", "si"), ("lorsque",), ("quand",),
     ("puisque",), ("si",), ("comme",)}
) | frozenset(_CONTRASTS)  # fmt: skip


def _in_opening_subordinate(cue: Token) -> bool:
    """The cue stands in a subordinate clause opening its sentence, before any comma
    (``Depuis que Le Point a annoncé que …, l'éditeur …``)."""
    doc = cue.doc
    start = cue.sent.start
    words = tuple(t.lower_ for t in doc[start : min(cue.i, start + 2)])
    if not any(words[: len(o)] == o for o in _OPENING_SUBORDINATES):
        return False
    return not any(t.text == "," for t in doc[start : cue.i])


def _main_clause_comma(tokens: list[Token], cue: Token) -> int | None:
    """The index of the last comma after the cue that opens a clause (``…, les parents ont
    applaudi``): the main clause after an opening subordinate comes last, and an apposition
    (``les écoles, elles, resteraient``, ``son entraîneur, Paul Durand, partirait``) puts
    punctuation between its subject and verb."""
    found = None
    for k, tok in enumerate(tokens):
        if tok.text == "," and tok.i > cue.i and _opens_clause(tokens[k + 1 :]):
            found = k
    return found


def _opens_clause(rest: list[Token]) -> bool:
    """A noun phrase or a personal pronoun, then a conjugated verb within a few words and no
    punctuation between (``l'éditeur affirme``, ``il a``); not a relative pronoun."""
    k = 0
    while k < len(rest) and rest[k].pos_ == "DET":
        k += 1
    if k >= len(rest) or rest[k].pos_ not in {"NOUN", "PROPN", "PRON"}:
        return False
    if rest[k].morph.get("PronType", []) == ["Rel"]:
        return False
    for t in rest[k + 1 : k + 5]:
        if t.is_punct:
            return False
        if t.pos_ in {"VERB", "AUX"} and "Fin" in t.morph.get("VerbForm", []):
            return True
    return False


def _to_sentence_end(tokens: list[Token], cue: Token) -> bool:
    """The tokens run to the last word of the cue's sentence."""
    last = next((t for t in reversed(cue.sent) if not (t.is_punct or t.is_space)), None)
    return last is not None and tokens[-1].i >= last.i


def _compound(tokens: list[Token]) -> bool:
    """A finite auxiliary among the tokens: the clause has a compound tense of its own."""
    return any(t.dep_.startswith("aux") and "Fin" in t.morph.get("VerbForm", []) for t in tokens)


def _trailing_source(rest: list[Token]) -> bool:
    """``X a déclaré que …, d'après BFMTV.``: a source phrase closing the sentence, with no verb
    of its own, says who relays the whole report; it is no part of the reported clause."""
    words = [t.lower_ for t in rest]
    # the Doc is built on normalised text: the apostrophe is always ``'``
    if words[:1] != ["selon"] and words[:2] != ["d'", "après"]:
        return False
    return len(rest) <= 8 and not any(t.pos_ in {"VERB", "AUX"} for t in rest)


def _rival_report(ctx: QuoteContext, rest: list[Token]) -> bool:
    """``L'armée a affirmé avoir repoussé un assaut, tandis que Moscou accusait Kiev de …``: a
    contrastive clause with a subject of its own, headed by a speech verb, reports another
    speaker; it is no part of the first report."""
    if len(rest) < 4 or (rest[0].lower_, rest[1].lower_) not in _CONTRASTS:
        return False
    verb = rest[0].head
    return (
        verb.pos_ == "VERB"
        and is_cue(ctx, verb)
        and any(c.dep_.startswith("nsubj") and c.i > rest[1].i for c in verb.children)
    )


def _gerund_report(ctx: QuoteContext, rest: list[Token]) -> bool:
    """``X a accusé Y d'avoir …, tout en assurant que …`` / ``…, confirmant une information
    de Z``: a present participle of speech after a comma, bare or as a gerund (``(tout) en``),
    is a second report of the same speaker (or a comment on the report), not part of the
    first content."""
    words = [t.lower_ for t in rest[:3]]
    k = 0
    if words[:1] == ["tout"] and words[1:2] == ["en"]:
        k = 2
    elif words[:1] == ["en"]:
        k = 1
    if k >= len(rest):
        return False
    verb = rest[k]
    participle = "Part" in verb.morph.get("VerbForm", []) and "Pres" in verb.morph.get("Tense", [])
    ending = verb.lower_.endswith("ant")  # the tagger misses some: ``en regrettant``
    return verb.pos_ == "VERB" and (participle or ending) and is_cue(ctx, verb)


_EYES = {"ses": False, "leurs": True}


def eyes_opinions(ctx: QuoteContext, taken: list[tuple[int, int]]) -> list[tuple[Quote, Token]]:
    """``À ses yeux, …`` opening a sentence: the rest of the sentence is the view of the actor
    spoken of just before (``ses`` -> the latest speaker)."""
    out: list[tuple[Quote, Token]] = []
    doc = ctx.doc
    for tok in doc:
        if tok.lower_ not in {"à", "a"} or tok.i + 3 >= len(doc):
            continue
        poss, eyes, comma = doc[tok.i + 1], doc[tok.i + 2], doc[tok.i + 3]
        if poss.lower_ not in _EYES or eyes.lower_ != "yeux" or comma.text != ",":
            continue
        if not (tok.is_sent_start or doc[tok.i - 1].text in {".", "\n"} or doc[tok.i - 1].is_space):
            continue
        toks = []
        for t in doc[comma.i + 1 :]:
            if t.text in {".", "!", "?", ";"} or (t.is_space and "\n" in t.text):
                break
            toks.append(t)
        if len(toks) < 4 or not any(t.pos_ in {"VERB", "AUX"} for t in toks):
            continue
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        if any(s < end and start < e for s, e in taken):
            continue
        recent = ctx.recent_speaker(tok.idx, plural=_EYES[poss.lower_])
        words = doc[tok.i : eyes.i + 1]
        span = Span(words.text, words.start_char, words.end_char)
        speaker = (
            Speaker(recent.entity, recent.name, span) if recent else Speaker(None, words.text, span)
        )
        quote = Quote(ctx.text[start:end], start, end, "indirect", span, speaker, [], 0.45)
        taken.append((start, end))
        out.append((quote, tok))
    return out


MARK_TOKENS = {'"', "“", "”", "«", "»", "''"}


def trailing_punct(tok: Token, keep: frozenset[str] | set[str] = frozenset()) -> bool:
    """A punctuation token to trim off the end of a content, ``keep`` aside; a percent sign
    is never trimmed (``ont baissé de 5 %``: it belongs to the number)."""
    return tok.is_punct and tok.text != "%" and tok.text not in keep


def contiguous(tokens: list[Token]) -> list[Token] | None:
    """The longest run of consecutive tokens, trimmed of punctuation and ``that``/``que``. A
    gap of quotation marks only (dropped by the caller or hung elsewhere by the parser) does not
    cut a run: ``la réforme « injuste » et brutale`` stays whole."""
    if not tokens:
        return None
    tokens = sorted(tokens, key=lambda t: t.i)
    runs: list[list[Token]] = [[tokens[0]]]
    for tok in tokens[1:]:
        gap = list(tok.doc[runs[-1][-1].i + 1 : tok.i])
        if all(t.text in MARK_TOKENS or (t.is_space and "\n" not in t.text) for t in gap):
            runs[-1] += gap + [tok]
        else:
            runs.append([tok])
    best = max(runs, key=len)
    # ``that`` goes only as a complementizer: in ``believes that is still the case`` it is
    # the subject of the reported clause
    while best and (
        best[0].is_punct
        or best[0].lower_ in {"que", "qu'", "qu"}
        or (best[0].lower_ == "that" and best[0].dep_ in {"mark", "dep", ""})
    ):
        best = best[1:]
    while best and trailing_punct(best[-1], {"»", "”", '"'}):
        best = best[:-1]
    return best if len(best) >= 2 else None
