"""Who a noun phrase naming a speaker stands for: a name inside it, or the actor a role or
description (``le PDG``, ``la même source``, ``le quotidien``) refers back to.

Split out of :mod:`allegiance.extract.quote_context`, whose ``speaker_from_tokens`` hands a
noun head here once names and pronouns are ruled out. The functions take the article's
:class:`~allegiance.extract.quote_context.QuoteContext` first, and read its mentions and the
speakers seen so far the same way the context's own pronoun resolution does.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from allegiance.extract.document_authors import document_author
from allegiance.extract.forward_roles import named_later
from allegiance.extract.frames import in_bracketed_list, misread_name, quoted_before
from allegiance.extract.labour_bodies import power_plant, unions_named
from allegiance.extract.media import is_media_noun, is_outlet, named_as_press
from allegiance.extract.org_classes import kind_apart
from allegiance.extract.possessive_roles import possessive, possessive_holder
from allegiance.extract.repeated_descriptions import (
    other_office,
    other_subject,
    qualified_instead,
    qualifier_beside,
    written_in_full,
)
from allegiance.extract.speaker_affiliation import affiliated_person
from allegiance.extract.speaker_gender import LATTER, lead_description, morph_gender, named_last
from allegiance.extract.speaker_roles import (
    SPOKESPERSON,
    authored_back,
    described_apart,
    described_by_role,
    heads_body,
    inner_person_name,
    is_former,
    known_roles,
    nationality_contradicts,
    relatum,
    role_contradicts,
    role_kin,
)
from allegiance.extract.speaker_words import (
    DEFINITE,
    DOCUMENT_NOUNS,
    FR_OF,
    FR_RELATIVES,
    FR_TIME_WORDS,
    INDEFINITE,
    MEDIA_NOUNS,
    ORG_NOUNS,
    PARTICLES,
    RELIGIOUS_BODIES,
    SEAT_HEADS,
)
from allegiance.models import Entity, Span, Speaker
from allegiance.resolve.states_lexicon import state_ids

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.quote_context import MentionRef, QuoteContext


def _not_the_description(ctx: QuoteContext, child: Token) -> bool:
    """A word after a speaker's noun that is not part of its description: an adjective set off
    by a comma (``une habitante, inquiète``), the outlet spoken to (``le maire à l'AFP``)."""
    if child.dep_ == "amod" and child.i > 0 and child.doc[child.i - 1].text == ",":
        return True
    if not any(c.dep_ == "case" and c.lower_ in {"à", "au"} for c in child.children):
        return False
    ref = ctx.mention_of(child)
    return ref is not None and is_outlet(ctx, ref)


def _name_before_apposition(ctx: QuoteContext, head: Token, left: int) -> Entity | None:
    """``Giorgia Meloni, une Romaine de 45 ans qui …``: an indefinite description set off by a
    comma right after a person's name describes that person, whatever the parser made of it.
    Not after a preposition (``Selon X, un habitant …`` is someone else)."""
    det = head.doc[left]
    if det.lower_ not in {"un", "une"} or left < 2 or head.doc[left - 1].text != ",":
        return None
    last = head.doc[left - 2]
    ref = ctx.mention_of(last)
    if ref is None or ref.entity.type != "person" or ref.end != last.idx + len(last.text):
        return None
    first = ctx.token_at(ref.start)
    if first is None or (first.i > 0 and first.nbor(-1).pos_ == "ADP"):
        return None
    return ref.entity


def _second_title(ctx: QuoteContext, head: Token, child: Token) -> bool:
    """A second office of the same person, joined by ``et`` with no article of its own, whose
    phrase ends on the person's name: ``le député des Alpes-Maritimes et président du conseil
    départemental Eric Ciotti``. ``le député et le maire`` (an article) are two people."""
    if child.dep_ != "conj" or child.pos_ != "NOUN" or ctx.lang != "fr":
        return False
    if any(c.dep_ == "det" for c in child.children):
        return False
    if not any(c.dep_ == "cc" and c.lower_ == "et" for c in child.children):
        return False
    if "Plur" in head.morph.get("Number", []) + child.morph.get("Number", []):
        return False
    if not ctx.can_speak(child):
        return False
    end = child.right_edge.idx + len(child.right_edge.text)
    return any(r.entity.type == "person" for r in ctx.mentions_in(child.idx, end))


def role_speaker(
    ctx: QuoteContext, head: Token, exclude: tuple[int, int], *, any_noun: bool = False
) -> Speaker | None:
    """A noun phrase naming the speaker: a name the resolver missed, or a role."""
    left = head.left_edge.i
    right = head.i
    titled = False  # the phrase holds a second office (:func:`_second_title`)
    for child in head.rights:
        if child.dep_ == "punct" and child.i == right + 1:
            nxt = child.i + 1
            if nxt < len(head.doc) and head.doc[nxt].pos_ == "PRON":
                break  # ``Le gouvernement, lui, affirme``: a pronoun repeating the subject
            continue  # the comma before an apposition: ``le PDG, Jean Dupont``
        if _not_the_description(ctx, child):
            break
        if child.lower_ in FR_TIME_WORDS or child.lemma_.lower() in FR_TIME_WORDS:
            break  # ``a annoncé la mairie vendredi``: when it spoke, not who
        if _second_title(ctx, head, child):
            titled = True
            right = max(right, child.right_edge.i)
        elif (
            child.dep_ in {"compound", "flat", "flat:name", "nmod", "prep", "amod", "pobj"}
            or (child.dep_ == "appos" and child.pos_ == "PROPN")
            # ``la société Acme``: a name the parser left loose right after the noun
            or (child.i == right + 1 and ctx.mention_of(child) is not None)
        ):  # ``le PDG, Jean Dupont``: the name in apposition is the speaker
            right = max(right, child.right_edge.i)
        else:
            break
    doc = ctx.doc
    while left < head.i and (
        doc[left].is_punct
        or doc[left].pos_ == "ADV"  # ``Toujours selon cette source``
        or doc[left].dep_ in {"case", "prep", "cc", "mark"}  # ``et un maire``, ``que X``
        # ``d'après ses proches``: ``après`` is the fixed second word of the preposition
        or (doc[left].dep_ == "fixed" and doc[left].head.dep_ in {"case", "mark"})
    ):
        left += 1
    while right > head.i and (doc[right].text in {",", ";"} or doc[right].is_space):
        # ``la ville de Nouméa, tandis que …``: the comma the parser hung on the name; the
        # paragraph break after a headline's source
        right -= 1
    right = _bracket_closed(ctx, head.i, right)
    span_tokens = doc[left : right + 1]
    start, end = span_tokens.start_char, span_tokens.end_char
    if exclude[0] <= start < exclude[1] or '"' in span_tokens.text or "«" in span_tokens.text:
        start, end = head.idx, head.idx + len(head.text)
    if len(span_tokens) > (24 if titled else 12):
        start, end = head.idx, head.idx + len(head.text)
    text = ctx.text[start:end]
    span = Span(text, start, end)
    named = _named_in(ctx, start, end, head)
    if named is not None:  # ``le directeur adjoint, Jean Dupont``: the name in the phrase
        return Speaker(named.id, named.name, span)
    apposed_to = _name_before_apposition(ctx, head, left) if ctx.lang == "fr" else None
    if apposed_to is not None:  # ``X, une Romaine de 45 ans qui disait …``
        return Speaker(apposed_to.id, apposed_to.name, span)
    if any(c.lower_ == "même" and c.i < head.i for c in head.children):
        # ``selon la même source``, ``le même responsable``: the source quoted just before
        same = _latest_source(ctx, start)
        if same is not None:
            return Speaker(same.id, same.name, span)
    elif _this_source(head):
        # ``a ajouté cette source``: the one quoted just before, named or not, unless another
        # source came on stage since (``Une source policière a confirmé …``)
        seen = [(at, sp) for at, sp in ctx.speakers_seen if at < start]
        latest = seen[-1] if seen else None
        if latest is not None and latest[1].entity is not None:
            between = doc[_token_index(ctx, latest[0]) : head.i]
            if not any(t.lemma_.lower() == "source" and not _this_source(t) for t in between):
                return Speaker(latest[1].entity, latest[1].name, span)
    affiliated = affiliated_person(ctx, head, start)
    if affiliated is not None:  # ``a ajouté le président du sp.a`` after ``X (sp.a)``
        return Speaker(affiliated.id, affiliated.name, span)
    if not ctx.can_speak(head):
        # ``selon les données publiées par X``, ``le rapport de X``: the actor behind the thing
        behind = _actor_in_subtree(ctx, head, exclude)
        if behind is not None:
            ref_span = Span(ctx.text[behind.start : behind.end], behind.start, behind.end)
            return Speaker(behind.entity.id, behind.entity.name, ref_span)
        latter = _latter_behind(ctx, head)
        if latter is not None:  # ``Selon le communiqué diffusé par cette dernière``
            return Speaker(latter.id, latter.name, span)
        author = document_author(ctx, head, start)
        if author is not None:  # ``… a affirmé X dans un communiqué. Selon le communiqué, …``
            return Speaker(author.id, author.name, span)
        owners = _plural_owner(ctx, head)
        if owners is not None:  # ``Le texte de leur motion … dénonce``: the group's words
            return Speaker(owners.id, owners.name, span)
        # ``selon le rapport``: a document may be the named source, never a subject
        return Speaker(None, text, span) if any_noun else None
    concerned = _concerned(ctx, head, start)
    if concerned is not None:  # ``le principal intéressé``: the person the story is about
        return Speaker(concerned.id, concerned.name, span)
    # ``X « est arrivé … », a ajouté le responsable``: X is what the partial quote is about
    topic = (
        {
            r.entity.id
            for r in ctx.mentions_in(max(0, exclude[0] - _TOPIC_REACH), exclude[0])
            if ctx.subject_of_quoted(r, exclude[0], exclude[1])
        }
        if ctx.in_marks(exclude)
        else set()
    )
    described = _described(ctx, head, start, topic)
    if described is not None:  # ``le chercheur``: the actor this description refers back to
        return Speaker(described.id, described.name, span)
    if ctx.lang == "fr":
        ahead = lead_description(ctx, head)
        if ahead is not None:  # the lead's ``ce conservateur``, named in the next sentence
            return Speaker(ahead.id, ahead.name, span)
        later = named_later(ctx, head, start)
        if later is not None:  # a headline's ``le président de la commission``, named below
            return Speaker(later.id, later.name, span)
    return Speaker(None, text, span)


#: how far before a quote's marks its subject may be named, in characters
_TOPIC_REACH = 80


def one_of_speaker(ctx: QuoteContext, one: Token, exclude: tuple[int, int]) -> Speaker | None:
    """``dénonce l'un des avocats de la famille``, ``l'une de ses proches a confié``: a
    partitive ``l'un des N`` describes one member of the role ``N``, so it stands for the
    person the article introduced (before, or just after in a headline's lead) with that role
    noun (``Me X, l'un des avocats de la famille``). The pronoun ``un`` alone says nothing: no
    role, no speaker (the caller falls back to its other readings)."""
    noun = next(
        (
            c
            for c in one.rights
            if c.dep_ == "nmod"
            and c.pos_ == "NOUN"
            and any(m.dep_ == "case" and m.lower_ in {"de", "d'", "des"} for m in c.children)
        ),
        None,
    )
    apposed = _apposed_name(ctx, one, noun) if noun is not None else None
    if apposed is not None and not exclude[0] <= apposed.start < exclude[1]:
        # ``Ansar Dine (…), l'une des branches de la rébellion, a affirmé``: set between
        # commas after a name, the partitive describes that name, which the parser left out
        return apposed.speaker(ctx.text)
    if noun is None or not ctx.can_speak(noun):
        return None
    lemma = _compound(noun) or noun.lemma_.lower()
    if lemma in ORG_NOUNS[ctx.lang] or lemma in _BODY_NOUNS.get(ctx.lang, frozenset()):
        return None  # ``l'une des entreprises``: a body among others, unnamed
    start = one.left_edge.i
    span_tokens = ctx.doc[start : noun.right_edge.i + 1]
    if exclude[0] <= span_tokens.start_char < exclude[1] or len(span_tokens) > 12:
        return None
    person = described_by_role(ctx, noun, span_tokens.start_char, "person")
    if person is None:
        return None
    span = Span(span_tokens.text, span_tokens.start_char, span_tokens.end_char)
    return Speaker(person.id, person.name, span)


def _apposed_name(ctx: QuoteContext, one: Token, noun: Token) -> MentionRef | None:
    """The person's or body's name right before ``, l'un des N,`` (past a bracketed aside
    after the name), when a comma closes the partitive too."""
    doc = ctx.doc
    k = one.left_edge.i - 1
    end = noun.right_edge.i + 1
    if k < 1 or doc[k].text != "," or end >= len(doc) or doc[end].text != ",":
        return None
    k -= 1
    if doc[k].text == ")":  # ``Ansar Dine (défenseur de l'islam),``
        while k > 0 and doc[k].text != "(":
            k -= 1
        k -= 1
    ref = ctx.mention_of(doc[k]) if k >= 0 else None
    if ref is None or ref.entity.type not in {"person", "organization"}:
        return None
    # the name opens its clause: not the object of a preposition (``Face au procureur X, l'une
    # des avocates de la famille a lancé``), past a title or a role noun before it
    j = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    first = j.start if j is not None else k
    for tok in reversed(doc[max(0, first - 4) : first]):
        if tok.pos_ == "ADP" or tok.lower_ in _PREPOSITIONS:
            return None
        if tok.is_punct or tok.is_space or tok.is_sent_start:
            break
    return ref


#: prepositions the tagger may read otherwise (``au`` as a determiner, ``face`` as a noun)
_PREPOSITIONS = frozenset(
    {"à", "au", "aux", "avec", "face", "par", "pour", "contre", "chez", "sur", "devant", "selon"}
)


#: ``le principal intéressé``, ``l'intéressée``: the person the whole story is about
_CONCERNED = {"intéressé": "Masc", "intéressée": "Fem"}


def _concerned(ctx: QuoteContext, head: Token, start: int) -> Entity | None:
    """The person most often named before ``start``, for ``le principal intéressé`` /
    ``l'intéressée``: French press calls the subject of a story so, never a newcomer."""
    gender = _CONCERNED.get(head.lower_)
    if gender is None or not any(c.dep_ == "det" for c in head.children):
        return None
    counts: dict[str, int] = {}
    for ref in ctx.mentions:
        if ref.start >= start:
            break
        if ref.entity.type == "person":
            counts[ref.entity.id] = counts.get(ref.entity.id, 0) + 1
    for entity_id, _ in sorted(counts.items(), key=lambda kv: -kv[1]):
        entity = ctx.entity(entity_id)
        if entity is not None and ctx.gender_of(entity) in {None, gender}:
            return entity
    return None


def _actor_in_subtree(
    ctx: QuoteContext, head: Token, exclude: tuple[int, int]
) -> MentionRef | None:
    """The first named actor in the phrase of a non-human head (``le rapport du Forum``)."""
    sent_end = head.sent.end_char
    left = head.left_edge.idx
    right = min(head.right_edge.idx + len(head.right_edge.text), sent_end)
    refs = [
        ref
        for ref in ctx.mentions_in(left, right)
        if not exclude[0] <= ref.start < exclude[1]
        and ref.entity.type in {"person", "organization"}
        and not _behind_a_clause(ctx, ref, head)
    ]
    if not refs or refs[0].entity.type == "person":
        return refs[0] if refs else None
    # ``les chiffres annoncés par le président du CNE, Elvis Amoroso``: the body is whom the
    # officer heads; the person named in apposition to the officer's noun is the actor
    for ref in refs[1:]:
        name = ctx.token_at(ref.start)
        if ref.entity.type != "person" or name is None:
            continue
        office = name.head
        apposed = name.dep_ == "appos" or (  # the parser may read the comma as a list's
            name.dep_ == "conj" and name.i > 0 and name.nbor(-1).text == ","
        )
        if (
            apposed
            and office.pos_ == "NOUN"
            and office.idx < refs[0].start
            and ctx.can_speak(office)
        ):
            return ref
    return refs[0]


def _plural_owner(ctx: QuoteContext, head: Token) -> Entity | None:
    """The body that ``leur``/``leurs`` stands for on a text its owners wrote, the subject
    itself or its ``de`` complement (``leur communiqué``, ``le texte de leur motion``), by the
    pronoun rules for a plural: the text is their words. Not what a document is about (``un
    audit de leurs comptes``, ``un rapport sur leurs notes de frais``)."""
    owned = [head] + [
        c for c in head.children if c.dep_ == "nmod" and any(k.lower_ in FR_OF for k in c.children)
    ]
    for noun in owned:
        if noun.lemma_.lower() not in _AUTHORED:
            continue
        for det in noun.children:
            if det.lower_ in {"leur", "leurs"} and "Yes" in det.morph.get("Poss", []):
                return ctx.resolve_pronoun(det.idx, plural=True, exclude=set())
    return None


#: texts written by those who own them (``leur motion``, ``leur communiqué``)
_AUTHORED = DOCUMENT_NOUNS | {
    "motion", "communiqué", "texte", "déclaration", "résolution", "manifeste", "appel",
    "programme", "proposition", "amendement", "rapport", "plainte", "recours", "tract", "note",
    "requête", "avis", "préavis", "banderole", "pancarte", "affiche", "slogan", "mémoire",
}  # fmt: skip


def _latter_behind(ctx: QuoteContext, head: Token) -> Entity | None:
    """The actor named last, for ``ce dernier``/``cette dernière`` as the agent (``par``)
    anywhere in the phrase of ``head``: ``le communiqué diffusé par cette dernière``. Asked
    only for a head that cannot speak (a document, data)."""
    for tok in head.subtree:
        if tok.lower_ in LATTER and any(c.lower_ == "par" for c in tok.children):
            return named_last(ctx, tok)
    return None


def _behind_a_clause(ctx: QuoteContext, ref: MentionRef, head: Token) -> bool:
    """The mention hangs from ``head`` through a verb of its own other than a past participle
    (``les données publiées par X`` names the source; ``la propagande visant à reprocher à X
    de …`` names whom it blames), or through a participle of reading or obtaining (``le texte
    de la motion, consulté par l'AFP``: the agency read it, others wrote it)."""
    tok = ctx.token_at(ref.start)
    steps = 0
    while tok is not None and tok.i != head.i and tok.head.i != tok.i and steps < 12:
        tok, steps = tok.head, steps + 1
        if tok.i != head.i and tok.pos_ in ("VERB", "AUX"):
            form = tok.morph.get("VerbForm", [])
            if not ("Part" in form and "Past" in tok.morph.get("Tense", [])):
                return True
            on_document = tok.head.i == head.i or (
                tok.head.dep_ == "nmod" and tok.head.head.i == head.i
            )  # ``le rapport d'enquête consulté par X``: hung on the complement
            lemma = tok.lemma_.lower()
            if on_document and (
                lemma in _READ_BY or (lemma in _BROUGHT_OUT_BY and is_outlet(ctx, ref))
            ):
                return True
    return False


#: participles whose agent read or obtained a document, not wrote it (not ``transmis``,
#: ``communiqué par X``, which name the issuer)
_READ_BY = frozenset({"consulter", "obtenir", "examiner", "parcourir", "procurer"})
#: participles whose agent, when a news outlet, brought a document out, not wrote it (``une
#: note interne, révélée par Mediapart``; ``révélé par le syndicat`` may name the source)
_BROUGHT_OUT_BY = frozenset({"révéler", "dévoiler"})


def _named_in(ctx: QuoteContext, start: int, end: int, head: Token) -> Entity | None:
    """A named actor inside the speaker's phrase (an apposition), people first; not the one
    named in its ``de`` complement (:func:`~allegiance.extract.speaker_roles.relatum`)."""
    refs = [
        r
        for r in _unrelated(ctx.mentions_in(start, end), head)
        if not ctx.listed_member(r.start)  # ``l'intersyndicale (CFE-CGC, CFDT …)``
    ]
    people = [
        r
        for r in refs
        if r.entity.type == "person"
        and not inner_person_name(ctx, head, r.start)
        # ``Le fils de X, ami de Y``: a name after ``de`` in an apposition is whom the
        # described person is related to, as in the head's own complement
        and not _after_of_word(ctx, r.start)
    ]
    if people:
        return people[0].entity
    if refs and head.lemma_.lower() in ORG_NOUNS[ctx.lang]:  # ``le groupe Renault``
        return refs[0].entity
    return None


def _after_of_word(ctx: QuoteContext, start: int) -> bool:
    """The mention at offset ``start`` complements a person's noun through ``de``/``of``
    (``ami de Y``), not a noun of voicing (``par la voix de Y`` is Y speaking)."""
    tok = ctx.token_at(start)
    if tok is None or tok.i < 2 or tok.doc[tok.i - 1].lower_ not in FR_OF | {"of"}:
        return False
    noun = tok.doc[tok.i - 2]
    return noun.pos_ == "NOUN" and noun.lower_ not in SPOKESPERSON and ctx.can_speak(noun)


def _described(
    ctx: QuoteContext, head: Token, start: int, topic: set[str] | None = None
) -> Entity | None:
    """The actor a definite description (``le PDG``, ``the senator``) refers back to.

    First an earlier mention of a named actor next to the same noun (``Jean Dupont,
    chercheur au CNRS``, ``le PDG de X, Jean Dupont``); else the latest salient actor of the
    right kind (organisation nouns -> organisations, others -> people).
    """
    det = next((c for c in head.children if c.dep_ in {"det", "det:poss"}), None)
    if det is None:
        return None
    owned = ctx.lang == "fr" and possessive(head)
    if owned and head.lemma_.lower() not in _OWN_BODY_NOUNS:
        return possessive_holder(ctx, head)  # ``prévient sa présidente``
    # ``assure sa direction`` is the body's, as ``la direction`` is (``son parti``, ``son
    # club`` are a person's, not the body named last)
    if det.lower_ not in DEFINITE[ctx.lang] and not owned:
        return None
    if power_plant(head):
        return None  # ``la centrale de Flamanville`` is no union federation named before
    if head.text[:1].isupper():  # ``le PAC`` for America PAC, ``la Ville`` for Ville de X
        short = _short_name(ctx, head, start)
        if short is not None:
            return short
        if _is_demonym(ctx, head, det):  # ``a regretté le Zougois``: a person from Zug
            return _demonym_holder(ctx, head, det, start)
    # a French singular article says the number: ``l'ONG`` (an invariable acronym the tagger
    # may read as plural)
    plural = head.morph.get("Number", []) == ["Plur"] and ctx.lang != "fr"
    # ``le DG de Renault``: a title's acronym the tagger may read as a name
    title = head.pos_ == "PROPN" and head.lower_ in _TITLE_ACRONYMS
    if (head.pos_ != "NOUN" and not title) or plural or head.tag_ == "NNS":
        return None
    lemma = _compound(head) or head.lemma_.lower()
    if is_media_noun(ctx.lang, lemma, head):
        # ``le quotidien américain``: the outlet named last, never a company the outlet
        # wrote about (``American Express … The newspaper reported``)
        return _latest_press(ctx, start)
    org = lemma in ORG_NOUNS[ctx.lang] or lemma in _BODY_NOUNS.get(ctx.lang, frozenset())
    kind = "organization" if org else "person"
    own = _named_in_description(ctx, head, kind)
    if own is not None:  # ``la startup spécialisée dans l'IA xAI, …``
        return own
    if ctx.lang == "fr" and org and not any(c.dep_ == "nmod" for c in head.children):
        # ``a noté le parquet`` after ``Le parquet de Versailles a …``; ``l'hôpital``: only a
        # body so named, never the latest one
        named_only = lemma in _NAMED_ONLY
        named = _body_named_by_noun(ctx, head, lemma, start, any_noun=named_only)
        if named is not None or named_only:
            return named
    elif ctx.lang == "fr" and org and lemma in RELIGIOUS_BODIES:
        # ``le diocèse de Paris``: a body its own complement names, not the one named last
        return _body_named_by_noun(ctx, head, lemma, start, any_noun=True)
    repeated_in_full = written_in_full(ctx, head, lemma, kind)
    if repeated_in_full is not None:
        # ``la ministre de la Culture, X, et la ministre du Travail, Y … a assuré la ministre de
        # la Culture``: the very description written beside a name is that person's
        return repeated_in_full
    introduced = described_by_role(ctx, head, start, kind)
    if introduced is not None:  # ``Me X a plaidé … L'avocat a dénoncé``: X
        return qualified_instead(ctx, head, introduced, start, kind) or introduced
    doc = ctx.doc
    unions = unions_named(ctx, start) if org and lemma == "direction" else set()
    holder: Entity | None = None  # the actor named next to the same noun earlier
    former = is_former(head)
    repeated = False  # the same description written before, with no name beside it
    for tok in reversed(doc[: head.left_edge.i]):
        if tok.lemma_.lower() != lemma or tok.pos_ != "NOUN" or is_former(tok) != former:
            continue  # ``l'ancien président`` is not ``le président`` written before
        if described_apart(tok, head):
            continue  # ``le ministre français`` is not ``le ministre malien`` written before
        repeated = repeated or any(
            c.dep_ == "det" and c.lower_ in DEFINITE[ctx.lang] for c in tok.children
        )
        # next to the noun means in its sentence: a name opening the next sentence (``… pour
        # l'opérateur. La CNIL a observé``) is no apposition nor the noun's other subject
        lo, hi = max(tok.sent.start, tok.i - 8), min(tok.sent.end, tok.i + 9)
        window = doc[lo:hi]
        refs = [
            r
            for r in ctx.mentions_in(window.start_char, window.end_char)
            if not (tok.idx <= r.start < tok.idx + len(tok.text))
            and r.entity.type == kind  # ``la ministre`` is no ``Conseil des ministres``
            and not other_subject(doc, tok, r)
            and r.entity.id not in unions  # ``la direction`` written next to a union's name
            and not _misread_at(ctx, r.start)  # ``Le porte-parole … tacle Macron``
            # ``l'intersyndicale (CFE-CGC, CFDT …)``: members listed, not the body
            and not ctx.listed_member(r.start)
            # ``a déclaré à l'AFP le diocèse de Lyon, confirmant une information du Figaro``:
            # an outlet near the noun is no holder, unless it is the noun's name (``le groupe
            # Le Monde``)
            and not (named_as_press(r.entity) and not 0 <= r.start - (tok.idx + len(tok.text)) <= 1)
        ]
        if refs:
            entity = min(refs, key=lambda r: abs(r.start - tok.idx)).entity
            if not _newer_actor(ctx, tok.idx + len(tok.text), start, entity, kind):
                return entity
            holder = entity
            break  # someone else came on stage since: the latest fitting actor
        if (
            tok.morph.get("Number", []) != ["Plur"]
            and not _indefinite(tok)
            and any(
                r.entity.type == kind and (other_subject(doc, tok, r) or _misread_at(ctx, r.start))
                for r in ctx.mentions_in(window.start_char, window.end_char)
            )
        ):
            # ``Selon le ministre, X a menti … a répondu le ministre``, ``Le porte-parole du
            # gouvernement tacle X. Selon le porte-parole, …``: unnamed, not X
            return None
    related = [ref for t in relatum(head) if (ref := ctx.mention_of(t))]
    head_of_body = bool(related) and heads_body(head, related)
    if related and (org or not head_of_body):
        # ``l'avocat de X`` introduced nowhere: an unnamed source, least of all the latest
        # person named (X)
        return None
    # the determiner first: ``la journaliste`` (epicene nouns are often tagged masculine)
    gender = None if org else morph_gender(det) or morph_gender(head)
    # ``l'agence``, ``la firme`` never stand for a state (``les États-Unis ont indiqué …``)
    excluded = _state_ids(ctx) if org and lemma not in _STATE_NOUNS else set()
    if org and not any(c.dep_ == "nmod" for c in head.children):
        # ``Selon la start-up`` after ``Selon le Financial Times``: the press cited as a source
        # is no firm (but ``la direction de la chaîne`` is the channel's, and a paper the story
        # is about, ``Le Financial Times a été racheté``, may be ``la société``)
        excluded |= _cited_press(ctx, start)
    excluded |= unions  # ``la direction`` of a firm on strike is no union
    if org:
        excluded |= _listed_only(ctx, start)  # ``l'intersyndicale (CFE-CGC, CFDT …)``
    excluded |= topic or set()
    if org and ctx.lang == "fr":
        # ``le constructeur`` after ``le syndicat Force ouvrière``; ``l'ONG`` after a listed firm
        excluded |= {
            e.id
            for e in ctx.entities
            if e.type == "organization" and kind_apart(ctx, lemma, e, start)
        }
    # ``Le patron de la SNCF`` right after ``X a confié …``: the one body's head is named
    # once, then taken up by the title, by the very next sentences only. Other descriptions
    # reach four sentences; a person's running handle (``le ministre`` written before with no
    # name) reaches four of the author's, past the sentences of a long quotation
    if head_of_body:
        back = authored_back(ctx, head, 2)
    elif repeated and not org:
        back = authored_back(ctx, head, 4)
    else:
        back = 4
    latest = ctx.resolve_pronoun(start, plural=org, exclude=excluded, back=back, gender=gender)
    if lemma in _GOVERNMENT_NOUNS and latest is not None and not _governs(ctx, latest):
        return None  # ``Selon le gouvernement`` after ``l'association X conteste``: not X
    if head_of_body and latest is not None and role_contradicts(ctx, head, latest, start):
        return None  # ``X, délégué syndical, … Le patron de la SNCF``: someone else, unnamed
    if org and latest is not None and _anchored_elsewhere(ctx, head, latest, start):
        return None
    complements = [t for c in head.children if c.dep_ == "nmod" for t in c.subtree]
    if (
        org
        and latest is not None
        and named_as_press(latest)
        and not _press_complement(ctx, complements)
    ):
        # ``a précisé le parquet`` after ``via AFP``, ``a déclaré à l'AFP le diocèse de Lyon``:
        # an agency is no parquet nor diocese (``la direction de la chaîne`` is the channel's)
        return None
    if (
        holder is not None
        and latest is not None
        and not org
        and role_contradicts(ctx, head, latest, start)
        and not qualifier_beside(ctx, head, latest, start)
    ):
        # the latest person has a role this description does not cover, and the article wrote
        # the same noun next to someone else before (``Le maire, X, … Son opposant, Y, … a
        # répliqué le maire``): that one. Not when the noun was never written next to a
        # name: the kin lexicon is too thin to rule out ``le chercheur`` for a professeur.
        # People only: a body's own name counts among its role words (``l'EPA``)
        return holder
    if latest is not None and not org and _other_side_of_court(ctx, head, latest, start):
        return None  # ``avait tonné le magistrat`` after ``a déclaré Me X``: not the lawyer
    if latest is not None and not org and nationality_contradicts(ctx, head, latest, start):
        return None  # ``le ministre français`` after ``X, le ministre malien``: someone else
    if latest is not None and not org and other_office(ctx, head, lemma, latest, start):
        return None  # ``a promis le préfet`` after ``le maire X``: an unnamed préfet
    return latest


def _press_complement(ctx: QuoteContext, complements: list[Token]) -> bool:
    """A description's complement is the press: a media noun or a named outlet (``la direction
    de la chaîne``, ``la rédaction du Monde``)."""
    return any(
        t.lemma_.lower() in MEDIA_NOUNS.get(ctx.lang, set())  # ambiguous or not
        or ((ref := ctx.mention_of(t)) is not None and named_as_press(ref.entity))
        for t in complements
    )


#: nouns of a body's own organs, which under a possessive stand for the body itself
_OWN_BODY_NOUNS = frozenset({"direction"})


def _bracket_closed(ctx: QuoteContext, left: int, right: int) -> int:
    """The description's last token, so that it holds no half bracket: past a bracket opened
    after the noun and left open, up to its closing one (``la fédération (FNSEA)``), or before
    it when it lists members (``l'intersyndicale (CFE-CGC, CFDT, CGT et FO)``)."""
    doc = ctx.doc
    opened = next((t.i for t in reversed(doc[left : right + 1]) if t.text == "("), None)
    if opened is None or any(t.text == ")" for t in doc[opened : right + 1]):
        return right
    closing = next((t.i for t in doc[opened : opened + 8] if t.text == ")"), None)
    if closing is None or in_bracketed_list(ctx, doc[opened].idx + 1):
        return max(left, opened - 1)
    return closing


def _listed_only(ctx: QuoteContext, start: int) -> set[str]:
    """The bodies named before ``start`` only as members listed in brackets
    (``l'intersyndicale (CFE-CGC, CFDT, CGT et FO)``): the body described is the whole."""
    refs = ctx.mentions_in(0, start)
    named_apart = {r.entity.id for r in refs if not ctx.listed_member(r.start)}
    return {r.entity.id for r in refs} - named_apart


#: acronyms of a person's title (``le PDG``, ``le DG``, ``la DRH``)
_TITLE_ACRONYMS = frozenset({"pdg", "dg", "dga", "drh", "ceo", "cfo", "coo"})

#: bodies a French description names by another noun: ``le ministère public`` is the parquet
_BODY_SYNONYMS = {("ministère", "public"): "parquet"}

#: how far back (characters) a body's description may reach for the body it names
_BODY_WINDOW = 3000


#: nouns of bodies that take up only a body whose name they open (``le forum`` for ``le Forum
#: des familles des otages``): an hospital, a university named nowhere is another one
_NAMED_ONLY = frozenset(
    {"forum", "fondation", "observatoire", "coordination", "académie", "université", "hôpital",
     # public services: ``a indiqué la gendarmerie`` is not the union named last; ``la
     # municipalité`` takes up ``la mairie de X``, ``la police`` ``la préfecture de police``
     "gendarmerie", "police", "préfecture", "mairie", "municipalité"}
) | RELIGIOUS_BODIES  # fmt: skip


def _body_named_by_noun(
    ctx: QuoteContext, head: Token, lemma: str, start: int, *, any_noun: bool = False
) -> Entity | None:
    """The latest organisation whose name opens on the description's noun, for the nouns of
    public bodies named by their seat or field (:data:`SEAT_HEADS`): ``le parquet`` for ``le
    parquet de Versailles``, ``le ministère`` for ``le ministère de l'Intérieur`` (any noun with
    ``any_noun``: ``le forum`` for ``le Forum des familles``). A name
    only the quoted words hold (``« … au profit du Parquet national antiterroriste »``) is what
    a speaker talked about, not a body that spoke: skipped."""
    doc = ctx.doc
    if head.i + 1 < len(doc):
        lemma = _BODY_SYNONYMS.get((lemma, doc[head.i + 1].lower_), lemma)
    if lemma not in SEAT_HEADS and not any_noun:  # ``la banque``: any of several, the latest
        return None
    for ref in reversed(ctx.mentions_in(max(0, start - _BODY_WINDOW), start)):
        if ref.entity.type != "organization":
            continue
        # the words the article wrote (the knowledge base may store an English name)
        written = ctx.text[ref.start : ref.end].lower().split()
        named = ref.entity.name.lower().split()
        kin = _SERVICE_KIN.get(lemma, frozenset({lemma}))
        opens = any(len(w) > 1 and w[0] in kin for w in (written, named))
        police = lemma == "police" and any(
            " ".join(w).startswith(("préfecture de police", "police")) for w in (written, named)
        )
        if not opens and not police:
            continue
        if not quoted_before(ctx, ref, start):
            return ref.entity
    return None


#: first words of a body's name that the noun of a public service takes up
_SERVICE_KIN = {
    "mairie": frozenset({"mairie", "municipalité", "ville", "commune"}),
    "municipalité": frozenset({"mairie", "municipalité", "ville", "commune"}),
}

#: the parties' lawyers; the bench and the prosecution are what ``magistrat`` covers in the
#: role lexicon (``role_kin_fr.txt``: juge, procureur, substitut…)
_BAR = frozenset({"avocat", "avocate"})


def _bench() -> frozenset[str]:
    return role_kin("fr")["magistrat"]


def _court_side(head: Token) -> str | None:
    lemma = head.lemma_.lower()
    if lemma in _BAR or head.lower_ in _BAR:
        general = any(c.lower_ in {"général", "générale"} for c in head.children)
        return "bench" if general else "bar"  # ``l'avocat général`` prosecutes
    return "bench" if lemma in _bench() or head.lower_ in _bench() else None


def _other_side_of_court(ctx: QuoteContext, head: Token, person: Entity, start: int) -> bool:
    """A courtroom description and a person the article gave only the other side's role:
    ``le magistrat`` is not ``Me X``, ``l'avocate`` not ``la procureure X``. Descriptions
    elsewhere keep the latest person, whose roles the lexicon knows too thinly."""
    side = _court_side(head)
    if side is None:
        return False
    roles = known_roles(ctx, person, start)
    bar, bench = bool(roles & _BAR), bool(roles & _bench())
    return (side == "bench" and bar and not bench) or (side == "bar" and bench and not bar)


def _indefinite(noun: Token) -> bool:
    """``pour un opérateur télécom, Orange …``: an indefinite noun names a kind, not an actor
    other than the clause's subject."""
    return any(c.dep_ == "det" and c.lower_ in _INDEFINITE for c in noun.children)


_INDEFINITE = INDEFINITE["fr"] | INDEFINITE["en"]


#: the organisation noun of a firm's rank in its trade, whose ``de`` complement is the trade
#: (``le géant du numérique``), not a body it belongs to
_RANK_NOUNS = frozenset({"géant", "géants"})


def _anchored_elsewhere(ctx: QuoteContext, head: Token, body: Entity, start: int) -> bool:
    """``la direction du lycée``, ``le service de presse de la mairie``: a body described by
    its place in another one, written as a common noun (``du lycée``), is identified by that
    complement, not by salience: it stands for the latest body named only if that body was
    introduced with the complement's noun (``le lycée Jean-Moulin``), else it is an unnamed
    source (never the channel that revealed its letters). ``le géant du numérique`` names
    the trade, not a body."""
    if head.lemma_.lower() in _RANK_NOUNS or head.lower_ in _RANK_NOUNS:
        return False
    for child in head.rights:
        if child.dep_ != "nmod" or child.pos_ != "NOUN":
            continue
        if not any(c.dep_ == "case" and c.lower_ in FR_OF for c in child.children):
            continue
        if not any(c.dep_ == "det" or c.lower_ in {"du", "des"} for c in child.children):
            continue  # ``l'association de défense des consommateurs``: what kind, not where
        if ctx.mention_of(child) is not None:
            return False
        return not ({child.lemma_.lower(), child.lower_} & known_roles(ctx, body, start))
    return False


def _compound(head: Token) -> str | None:
    """``start-up``, which the tokenizer splits in three: the whole word, written with no
    space around the hyphen, when the lexicon knows it as an organisation noun."""
    doc = head.doc
    if head.i + 2 >= len(doc) or head.whitespace_ or doc[head.i + 1].text != "-":
        return None
    if doc[head.i + 1].whitespace_:
        return None
    word = f"{head.lower_}-{doc[head.i + 2].lower_}"
    return word if word in ORG_NOUNS.get(head.doc.lang_, set()) else None


#: nouns for a body of people acting together that news writing uses to take up a named
#: group (``Le Hamas a dénoncé … le mouvement islamiste accuse``, ``la milice``, ``la
#: formation de gauche``): descriptions of organisations, never of a person
_BODY_NOUNS = {
    "fr": frozenset(
        {"mouvement", "milice", "rébellion", "guérilla", "coalition", "alliance", "formation",
         "confédération", "centrale", "faction"}
    ),
}  # fmt: skip

#: organisation nouns that may describe a state acting (``le gouvernement``, ``le régime``)
_STATE_NOUNS = frozenset(
    {"gouvernement", "exécutif", "administration", "ministère", "ambassade", "armée", "pays",
     "état", "régime", "pouvoir", "junte", "diplomatie", "police", "gendarmerie", "government",
     "regime", "country", "state", "army"}
)  # fmt: skip


#: nouns of a government, which only a state or a body named as a government may be
_GOVERNMENT_NOUNS = frozenset({"gouvernement", "exécutif", "government"})
#: knowledge-base seats of a government, which news writes for it
_GOVERNMENT_SEATS = frozenset(
    {"kremlin", "matignon", "elysee", "white-house", "downing-street", "bercy", "quai-d-orsay",
     "french-government"}
)  # fmt: skip


def _governs(ctx: QuoteContext, entity: Entity) -> bool:
    """``entity`` may be ``le gouvernement``: a state, a seat of government (``le Kremlin``,
    ``Matignon``) or a body whose name says government (``le gouvernement du Québec``); not
    the firm, the court or the association named last."""
    return (
        entity.id in _state_ids(ctx)
        or entity.id in _GOVERNMENT_SEATS
        or any(noun in entity.name.lower() for noun in _GOVERNMENT_NOUNS)
    )


def _state_ids(ctx: QuoteContext) -> set[str]:
    return {e.id for e in ctx.entities if e.id in state_ids()}


#: how far back (characters) a media description may reach for its outlet
_PRESS_WINDOW = 3000


def _cited_press(ctx: QuoteContext, start: int) -> set[str]:
    """The outlets named as a source before ``start``: after ``selon``/``d'après`` or as the
    speaker of a quote (``a rapporté le Financial Times``)."""
    cited = {sp.entity for o, sp in ctx.speakers_seen if o < start and sp.entity}
    for ref in ctx.mentions_in(0, start):
        tok = ctx.token_at(ref.start)
        k = tok.i - 1 if tok is not None else -1
        while k >= 0 and ctx.doc[k].pos_ == "DET":
            k -= 1
        if k >= 0 and (ctx.doc[k].lower_ == "selon" or ctx.doc[k].lower_ == "après"):
            cited.add(ref.entity.id)
    return {e.id for e in ctx.entities if e.id in cited and named_as_press(e)}


def _latest_press(ctx: QuoteContext, start: int) -> Entity | None:
    """The outlet named last before ``start``: a name known as the press, or one the article
    introduces with a media noun (``le quotidien De Morgen``, ``l'hebdomadaire L'Indiscret``)."""
    doc = ctx.doc
    for ref in reversed(ctx.mentions_in(max(0, start - _PRESS_WINDOW), start)):
        if ref.entity.type != "organization":
            continue
        if is_outlet(ctx, ref):
            return ref.entity
        tok = ctx.token_at(ref.start)
        if tok is None:
            continue
        k = tok.i - 1
        while k > 0 and doc[k].pos_ == "ADJ" and tok.i - k < 3:  # ``le quotidien belge X``
            k -= 1
        if k >= 0 and is_media_noun(ctx.lang, doc[k].lemma_.lower(), doc[k]):
            return ref.entity
    return None


def _token_index(ctx: QuoteContext, char: int) -> int:
    tok = ctx.token_at(char)
    return tok.i if tok is not None else 0


def _this_source(head: Token) -> bool:
    """``cette source``: a demonstrative and the noun ``source``, singular (``ces sources``
    are often new, unnamed ones)."""
    return head.lemma_.lower() == "source" and any(
        c.dep_ == "det" and c.lower_ == "cette" for c in head.children
    )


def _latest_source(ctx: QuoteContext, start: int) -> Entity | None:
    """The named actor of the latest attributed quote before ``start``."""
    for offset, speaker in reversed(ctx.speakers_seen):
        if offset < start and speaker.entity:
            return ctx.entity(speaker.entity)
    return None


def _short_name(ctx: QuoteContext, head: Token, start: int) -> Entity | None:
    """The latest actor named before ``start`` whose name holds the capitalised word
    ``head`` (a short form: ``le PAC`` after ``America PAC``)."""
    word = head.lower_
    if len(word) < 2 or word in PARTICLES:
        return None
    for r in reversed(ctx.mentions_in(max(0, start - 3000), start)):
        if r.entity.type in {"person", "organization"} and word in {
            w.lower() for w in r.entity.name.split()
        }:
            return r.entity
    return None


def _named_in_description(ctx: QuoteContext, head: Token, kind: str) -> Entity | None:
    """A name inside the description itself, before its first comma (``la startup
    spécialisée dans l'IA xAI``, ``le chercheur au CNRS Jean Dupont``)."""
    doc = ctx.doc
    end = head.i
    for tok in doc[head.i + 1 : min(head.right_edge.i + 1, head.i + 10)]:
        if tok.is_punct or tok.pos_ in {"AUX"} or tok.lower_ in FR_RELATIVES:
            break  # ``le groupe qui comprend la Société des Autoroutes``: not the group's name
        end = tok.i
    if end == head.i:
        return None
    refs = ctx.mentions_in(doc[head.i + 1].idx, doc[end].idx + len(doc[end].text))
    # ``l'avocat de X``: X is not the avocat
    return next((r.entity for r in _unrelated(refs, head) if r.entity.type == kind), None)


def _unrelated(refs: list[MentionRef], head: Token) -> list[MentionRef]:
    """The mentions that are not the name in ``head``'s ``de`` complement.

    When that complement is itself a name (``le dirigeant d'Afek Tounes Karim Ben Salah``,
    ``son homologue de la CFTC Jean Morel``), a second name the parser hung on it is the
    described actor's own: only the mention that holds the complement's first word is related.
    After a common noun (``la mère de l'otage Paul Z.``) the name is that noun's."""
    related = relatum(head)
    if not related:
        return refs
    first = related[0]

    def overlaps(r: MentionRef) -> bool:
        return any(
            r.start < t.idx + len(t.text) <= r.end or r.start <= t.idx < r.end for t in related
        )

    if first.pos_ == "PROPN":
        return [r for r in refs if not (r.start <= first.idx < r.end)]
    return [r for r in refs if not overlaps(r)]


def _newer_actor(ctx: QuoteContext, start: int, end: int, entity: Entity, kind: str) -> bool:
    """Another actor of ``kind`` named in the author's words between two offsets (any
    mention for people, subjects for organisations, which are named in passing more)."""
    if kind == "person":
        return ctx.other_person_between(start, end, entity.id, subjects_only=False)
    for r in ctx.mentions_in(start, end):
        if r.entity.type == kind and r.entity.id != entity.id:
            tok = ctx.token_at(r.start)
            if tok is not None and tok.dep_.startswith("nsubj"):
                return True
    return False


#: endings of French demonyms (``le Fribourgeois``, ``la Bâloise``, ``le Québécois``,
#: ``l'Italienne``, ``le Marocain``); feminine endings say the gender
_DEMONYM_ENDINGS = {
    "oise": "Fem", "aise": "Fem", "ienne": "Fem", "éenne": "Fem", "aine": "Fem",
    "ois": "Masc", "ais": "Masc", "ien": "Masc", "éen": "Masc", "ain": "Masc",
}  # fmt: skip
#: capitalised words with a demonym's ending that name a place or a thing (``le Palais``)
_NOT_DEMONYMS = frozenset(
    {"palais", "marais", "relais", "biais", "parvis", "bois", "mois", "fois", "choix",
     "domaine", "maine", "lorraine", "aquitaine", "touraine", "chien", "lien", "bien",
     "soutien", "maintien", "entretien", "gardien", "main", "train", "terrain", "bain",
     "pain", "grain", "vilain", "ain"}
)  # fmt: skip


def _is_demonym(ctx: QuoteContext, head: Token, det: Token) -> bool:
    """``le Zougois``, ``la Bihucourtoise``, ``la Saint-Galloise``: Swiss, Belgian and regional French press takes up
    a person by the demonym of their canton, town or country, capitalised as a noun, with the
    singular definite article (the lower-case ``le français`` is the language)."""
    # ``la Saint-Galloise``: a compound demonym keeps its hyphen
    if ctx.lang != "fr" or det.lower_ not in {"le", "la", "l'"}:
        return False
    if not head.text.replace("-", "").isalpha() or head.text.startswith("-"):
        return False
    low = head.lower_
    if low in _NOT_DEMONYMS or len(low) < 5 or head.is_sent_start:
        return False
    if ctx.mention_of(head) is not None:
        return False  # a name the resolver knows is no description
    return any(low.endswith(e) for e in _DEMONYM_ENDINGS)


def _demonym_holder(ctx: QuoteContext, head: Token, det: Token, start: int) -> Entity | None:
    """The person a demonym stands for: the one the article introduced with the same word
    (``la Vaudoise Anne Rochat`` … ``a ajouté la Vaudoise``), else the latest salient person of the
    demonym's gender."""
    doc = ctx.doc
    for tok in reversed(doc[: head.i]):
        if tok.lower_ != head.lower_ or tok.i + 1 >= len(doc):
            continue
        nxt = doc[tok.i + 1]
        ref = ctx.mention_of(nxt)
        if ref is not None and ref.entity.type == "person":
            return ref.entity
    low = head.lower_
    ending = max((e for e in _DEMONYM_ENDINGS if low.endswith(e)), key=len)
    gender = _DEMONYM_ENDINGS[ending] if det.lower_ == "l'" else morph_gender(det)
    return ctx.resolve_pronoun(start, plural=False, exclude=set(), back=4, gender=gender)


def _misread_at(ctx: QuoteContext, start: int) -> bool:
    """The name at ``start`` was tagged as a modifier (see :func:`misread_name`)."""
    tok = ctx.token_at(start)
    return tok is not None and misread_name(tok)
