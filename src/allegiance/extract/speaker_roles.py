"""Which earlier actor a role noun refers back to: ``l'avocat``, ``l'élue``, ``l'organisation``.

An article introduces each actor once with a role written next to the name (``la procureure
Hélène X``, ``Me Jean Y`` for an avocat, ``Paul Z, député de …``, ``l'ONG W``) and later calls them
by that role or by a broader noun for it (``l'officier`` for a lieutenant-colonel, ``l'élue`` for
a maire). This module reads the role words beside each mention, and finds the latest actor whose
role words fit a later description. The broader nouns are a lexicon of general French
(``data/lexicons/role_kin_fr.txt``).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from allegiance.extract.frames import misread_name, quoted
from allegiance.extract.lexicons import speaker_nouns
from allegiance.extract.speaker_gender import morph_gender
from allegiance.extract.speaker_words import FR_OF, ORG_NOUNS, source_preposition
from allegiance.resolve.kb import key as fold_key
from allegiance.resolve.states_lexicon import SUPRANATIONAL, demonym_states

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from allegiance.extract.quote_context import MentionRef, QuoteContext
    from allegiance.models import Entity

_DIR = Path(__file__).resolve().parent.parent / "data" / "lexicons"

#: titles written before a name that say its holder's role (``Me X`` is an avocat)
TITLE_ROLES = {
    "fr": {
        "me": "avocat",
        "maître": "avocat",
        "dr": "docteur",
        "pr": "professeur",
        # the title of bishops and archbishops: ``Mgr X`` is ``l'évêque`` further on
        "mgr": "monseigneur",
        "monseigneur": "monseigneur",
    }
}
#: roles a title gives only when no role is written beside the name
_WEAK_TITLE_ROLES = frozenset({"monseigneur"})
#: how far back (characters) a description may reach for the actor so introduced
_WINDOW = 8000


@cache
def role_kin(lang: str) -> dict[str, frozenset[str]]:
    """Description noun -> the role words it may stand for (itself included)."""
    path = _DIR / f"role_kin_{lang}.txt"
    if not path.exists():
        return {}
    out: dict[str, frozenset[str]] = {}
    for raw in path.read_text("utf-8").splitlines():
        if not raw.strip() or raw.startswith("#"):
            continue
        noun, _, covered = raw.partition("\t")
        out[noun.strip()] = frozenset(covered.split()) | {noun.strip()}
    return out


#: prepositions that open the complement naming whom a noun is related to (``l'avocat de X``),
#: as written: ``le quotidien De Morgen`` has a name, not a complement
_RELATUM_OF = FR_OF | {"of"}
#: nouns whose holder speaks in the name of the one in their complement (``le porte-parole de
#: X``): the complement may stand for the speaker, unlike ``l'avocat de X``
SPOKESPERSON = frozenset({"porte-parole", "porte-voix", "spokesman", "spokeswoman", "spokesperson"})


def relatum(head: Token) -> list[Token]:
    """The name in the ``de`` complement of a description (``l'avocat de X``, ``un proche de
    X``, ``l'entourage de X``, ``les représentants de X``): the one the described actor is
    related to, never that actor (the guideline's ``les avocats d'Elon Musk`` is an unnamed
    source). Empty for a spokesperson, who speaks in the complement's name."""
    if head.lower_ in SPOKESPERSON or head.lemma_.lower() in SPOKESPERSON:
        return []
    for child in head.rights:
        if child.dep_ == "nmod" and any(
            c.dep_ == "case" and c.text in _RELATUM_OF for c in child.children
        ):
            named = [c for c in child.rights if c.dep_ in {"flat:name", "flat"}]
            for c in child.rights:
                # ``la mère de l'otage Matan Zangauker``: the name right after the related
                # noun (no comma between) is that noun's
                if c.dep_ == "appos" and c.i == child.i + 1:
                    named += [c] + [f for f in c.rights if f.dep_ in {"flat:name", "flat"}]
            return [child, *named]
    return []


def _forms(tok: Token) -> set[str]:
    return {tok.lemma_.lower(), tok.lower_}


#: ``ancien`` before a role noun makes it a former one (``l'ancien président``); after the
#: noun it means old (``un président ancien``), which news writing does not say of people
_FORMER = frozenset({"ancien", "ancienne", "anciens", "anciennes"})
#: the prefix written (``l'ex-président``) and kept on a former role's words
FORMER_PREFIX = "ex-"


def is_former(tok: Token) -> bool:
    """``l'ex-président``, ``l'ancien président``, ``l'ancienne grande patronne``: a role its
    holder no longer has, so never the same actor as its present holder."""
    if tok.lower_.startswith(FORMER_PREFIX) and len(tok.lower_) > len(FORMER_PREFIX):
        return True
    doc = tok.doc
    for k in range(tok.i - 1, max(-1, tok.i - 3), -1):
        if doc[k].lower_ in _FORMER or doc[k].lower_.startswith(FORMER_PREFIX):
            return True  # ``l'ex-Premier ministre``
        if doc[k].pos_ != "ADJ" and doc[k].lower_ not in {"premier", "première"}:
            return False  # ``l'ancien Premier ministre``: only adjectives between
    return False


def _role_forms(tok: Token) -> set[str]:
    """A role noun's words, marked ``ex-`` when the role is a former one: ``l'ancien
    président X`` and ``l'ex-président X`` both give ``ex-président``."""
    forms = {f.removeprefix(FORMER_PREFIX) for f in _forms(tok)}
    return {FORMER_PREFIX + f for f in forms} if is_former(tok) else forms


def _is_role(ctx: QuoteContext, tok: Token) -> bool:
    """A noun that can be a role (a person's or a body's), not ``71 ans`` or ``la maison``."""
    if tok.pos_ != "NOUN":
        # ``l'ONG X``: an organisation noun written in capitals is tagged as a name
        return tok.lower_ in ORG_NOUNS[ctx.lang]
    if ctx.can_speak(tok):
        return True
    kin = role_kin(ctx.lang)
    forms = {f.removeprefix(FORMER_PREFIX) for f in _forms(tok)}  # ``l'ex-ministre``
    return any(f in words for f in forms for words in kin.values()) or any(
        f in speaker_nouns(ctx.lang) for f in forms
    )


def _party_tag(tok: Token) -> bool:
    """A party's or a group's acronym as a role's qualifier: ``RN``, ``LFI``, ``PS``, ``EELV``."""
    return tok.is_alpha and tok.text.isupper() and 2 <= len(tok.text) <= 5


def mention_roles(ctx: QuoteContext, ref: MentionRef) -> frozenset[str]:
    """The role words written next to one mention: before the name in its noun phrase (``le
    lieutenant-colonel X``, ``Me X``, ``l'ONG X``), the noun the name is apposed to (``la maire de
    Y, X``), the noun apposed after it (``X, la mère de Z``), and for a body the noun its own name
    opens with (``la Fédération française de …``)."""
    doc = ctx.doc
    span = doc.char_span(ref.start, ref.end, alignment_mode="expand")
    if span is None or not len(span) or ctx.listed_member(ref.start):
        # ``l'intersyndicale (CFE-CGC, CFDT, CGT et FO)``: the members listed in brackets are
        # not the body the noun names
        return frozenset()
    words: set[str] = set()
    titles = TITLE_ROLES.get(ctx.lang, {})
    if span[0].lower_ in titles:  # the name was read with its title: ``Me Jean Y``
        words.add(titles[span[0].lower_])
    k, taken = span.start - 1, 0
    while k >= 0 and taken < 3:
        tok = doc[k]
        if tok.text == "-":  # ``lieutenant-colonel`` is three tokens
            k -= 1
            continue
        if tok.lower_ in titles:
            words.add(titles[tok.lower_])
        elif _is_role(ctx, tok):
            words |= _role_forms(tok)  # ``l'ONG X``: an acronym may be the role itself
        elif k == span.start - 1 and k > 0 and _party_tag(tok):
            k -= 1  # ``le député LFI X``, ``la sénatrice LR X``: the party between role and name
            continue
        else:
            break
        taken += 1
        k -= 1
    role = _role_over_complement(ctx, span.start)
    if role is not None:  # ``le maire socialiste de la ville X``, ``la firme d'audit X``
        words |= _role_forms(role)
    root = span.root
    if span.start > 0 and doc[span.start - 1].text == "," and root.head.i < span.start:
        # ``la maire de Y, X``; ``la ministre de la Santé, X`` is often parsed with the name on
        # the complement (``Santé``): climb the complements to the role noun
        head, steps = root.head, 0
        while steps < 3 and not _is_role(ctx, head) and head.dep_ == "nmod":
            head, steps = head.head, steps + 1
        if _is_role(ctx, head):
            words |= _role_forms(head)
        else:
            # ``a reçu le maire de Y, X`` parsed with X as a second object: word order says
            role = _role_over_complement(ctx, span.start - 1)
            if role is not None:
                words |= _role_forms(role)
    elif span.start > 1 and doc[span.start - 1].text == ",":
        # ``Son opposant, X, a dénoncé``, ``a limogé l'entraîneur, X``: the parser hangs the
        # name on the verb beside the noun it is apposed to; a role noun just before the comma
        # with the same head is the name's apposition
        noun = doc[span.start - 2]
        if noun.pos_ == "NOUN" and noun.head.i == root.head.i and _is_role(ctx, noun):
            words |= _role_forms(noun)
        elif span.end < len(doc) and doc[span.end].text == ",":
            # ``La maison du maire de Y, X, qui …`` with X hung on the verb: a name set
            # between commas after ``role de Y`` is that role's apposition (not after ``selon
            # le maire de Y,``, where the name opens the main clause)
            role = _role_over_complement(ctx, span.start - 1)
            if role is not None and not _source_phrase(doc, role):
                words |= _role_forms(role)
        elif root.dep_.startswith("nsubj") and root.head.i > span.end - 1:
            # ``La maire de Y, X a réagi``: a subject name whose closing comma the author left
            # out, after a role phrase that opens the sentence (not ``Face au ministre de Y, X
            # a dénoncé``, where X is someone else)
            role = _role_over_complement(ctx, span.start - 1)
            if role is not None and _opens_sentence(doc, role):
                words |= _role_forms(role)
    j = _past_outlet(ctx, span.end)
    outlet = j != span.end
    if j + 1 < len(doc) and doc[j].text == ",":
        j += 1
        # past the outlet, an apposition with no verb (``à l'AFP, avocat de l'imam``, ``au
        # Parisien, le président du club``): ``à l'AFP, l'avocat de la famille n'ayant pas …``
        # opens a clause about someone else
        if outlet and _clause_follows(doc, j):
            j = len(doc)
        elif doc[j].pos_ == "DET":
            j += 1
        while j < len(doc) - 1 and doc[j].pos_ == "ADJ":  # ``X, jeune avocate``
            j += 1
        if j < len(doc) and _is_role(ctx, doc[j]) and not _next_clause_subject(root, doc[j]):
            words |= _role_forms(doc[j])
    if words - _WEAK_TITLE_ROLES:
        # ``Mgr X, archevêque de Toulouse``, ``Mgr X, vicaire général``: the role written
        # beside the name says which prelate, not the title every prelate bears
        words -= _WEAK_TITLE_ROLES
    if ref.entity.type == "organization" and span[0].text[:1].isupper() and span[0].pos_ != "PROPN":
        words |= _forms(span[0])  # ``la Fédération française de football``: a fédération
    elif ref.entity.type == "organization":
        words.add(span[0].lower_)
    return frozenset(words)


def _clause_follows(doc: Doc, j: int) -> bool:
    """The words from ``j`` to the next comma or full stop hold a verb (``l'avocat de la
    famille n'ayant pas souhaité …``): a clause, not an apposition."""
    for tok in doc[j : min(len(doc), j + 12)]:
        if tok.text in {",", ".", ";", "«", "»"}:
            return False
        if tok.pos_ in {"VERB", "AUX"}:
            return True
    return False


def _past_outlet(ctx: QuoteContext, j: int) -> int:
    """``a déclaré X à l'AFP, avocat de l'imam``: past the body the name spoke to (``à`` and
    a capitalised name that is no person's, up to four words) to the comma of the name's
    apposition; ``j`` itself otherwise (``à Marie Durand, avocate``: hers)."""
    doc = ctx.doc
    if j >= len(doc) or doc[j].lower_ not in {"à", "au", "aux"}:
        return j
    for k in range(j + 1, min(len(doc), j + 5)):
        if doc[k].text == ",":
            words = doc[j + 1 : k]
            named = any(t.text[:1].isupper() for t in words)
            person = any(
                (ref := ctx.mention_of(t)) is not None and ref.entity.type == "person"
                for t in words
            )
            phrase = all(t.pos_ in {"DET", "PROPN", "NOUN"} for t in words)
            return k if named and phrase and not person else j
    return j


def _next_clause_subject(name: Token, noun: Token) -> bool:
    """``Dans des lettres révélées par la chaîne X, la direction du lycée jugeait …``: the
    noun after the comma that closes a fronted complement is the subject of the main clause,
    not an apposition to the name inside the complement, nor to the last of names joined by
    ``et`` (``avec X et Y, le syndicat affirme``)."""
    return noun.dep_.startswith("nsubj") and name.dep_ in {
        "nmod",
        "obl",
        "obl:mod",
        "obl:arg",
        "obj",
        "conj",
    }


#: nouns for a territory or a public body, which complement a role (``le maire de la ville``,
#: ``le chef de l'État``) without naming a person
_DOMAIN_NOUNS = frozenset(
    {"ville", "commune", "région", "département", "état", "pays", "collectivité", "province",
     "canton", "justice", "assemblée", "sénat", "parlement", "chambre", "équipe", "rédaction",
     "délégation", "majorité", "opposition"}
)  # fmt: skip


def _person_noun(ctx: QuoteContext, tok: Token) -> bool:
    """A noun for people (``la victime``), not a body or a place (``la ville``)."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "PROPN" or lemma in ORG_NOUNS[ctx.lang] or lemma in _DOMAIN_NOUNS:
        return False
    return ctx.can_speak(tok)


def _role_over_complement(ctx: QuoteContext, name_start: int) -> Token | None:
    """The role noun of a name written without a comma after the noun's adjectives or its
    complement: ``le maire socialiste de la ville X``, ``le ministre de l'Intérieur X``, ``la
    firme d'audit X``, ``le cabinet comptable X``. Read from word order, since the parser often
    hangs such a name on the complement or elsewhere. Not over a person noun (``l'avocat de la
    victime X``: X is more likely the victim)."""
    doc = ctx.doc
    # a name the tagger read as a modifier (``Le porte-parole du gouvernement tacle Macron``,
    # ``Macron`` an adverb) follows a verb it misread as an adjective: the name is that
    # verb's object, not the role's holder
    misread = name_start < len(doc) and misread_name(doc[name_start])

    def skip_adjectives(k: int) -> int:
        n = 0
        while k >= 0 and doc[k].pos_ == "ADJ" and n < 2 and not misread:
            k, n = k - 1, n + 1
        return k

    k = skip_adjectives(name_start - 1)
    if k >= 1 and doc[k].pos_ in {"NOUN", "PROPN"}:
        j = k - 1  # the complement: ``de la ville``, ``d'audit``, ``du gouvernement``
        if not _of(doc[j]) and doc[j].pos_ == "DET":
            j -= 1
        if j >= 1 and _of(doc[j]):
            if _person_noun(ctx, doc[k]):
                return None
            role = skip_adjectives(j - 1)
            if role >= 0 and doc[role].pos_ == "NOUN" and _is_role(ctx, doc[role]):
                return doc[role]
            return None
    if 0 <= k < name_start - 1 and doc[k].pos_ == "NOUN" and _is_role(ctx, doc[k]):
        return doc[k]  # ``le cabinet comptable X``: adjectives between the role and the name
    return None


def _opens_sentence(doc: Doc, noun: Token) -> bool:
    """``La maire de Y``: the noun's phrase starts the sentence (its determiner first, no
    preposition or contracted article before it: not ``Face au maire de Y``)."""
    k = noun.i - 1
    if k >= 0 and doc[k].pos_ == "DET" and doc[k].lower_ not in {"au", "aux", "du", "des"}:
        k -= 1  # the noun's own determiner
    if k < 0:
        return True
    before = doc[k]
    return before.text in {".", "!", "?"} or before.is_space


def _source_phrase(doc: Doc, noun: Token) -> bool:
    """``selon le maire``, ``pour la ministre``, ``d'après le juge``: the noun names a source."""
    k = noun.i - 1
    if k >= 0 and doc[k].pos_ == "DET":
        k -= 1
    return k >= 0 and source_preposition(doc, k) is not None


def _of(tok: Token) -> bool:
    return tok.lower_.replace("’", "'") in FR_OF


def description_gender(head: Token) -> str | None:
    det = next((c for c in head.children if c.dep_ in {"det", "det:poss"}), None)
    if det is not None and det.lower_ in {"la", "cette"}:
        return "Fem"
    if det is not None and det.lower_ in {"le", "ce", "cet"}:
        return "Masc"
    return "Fem" if morph_gender(head) == "Fem" else None


def _on_stage(ctx: QuoteContext, ref: MentionRef) -> bool:
    """A person named in the author's words as an actor, not inside quotation marks nor as the
    complement of a noun (``la mère de Lina``)."""
    tok = ctx.token_at(ref.start)
    return tok is not None and tok.dep_ != "nmod" and not quoted(ctx, tok)


def _bare_subject(ctx: QuoteContext, ref: MentionRef, roles: set[str]) -> bool:
    """A body named with no role word (only its own name's first word) as the subject of a
    clause in the author's words."""
    tok = ctx.token_at(ref.start)
    if tok is None or not tok.dep_.startswith("nsubj") or quoted(ctx, tok):
        return False
    own = {w.lower() for w in ref.entity.name.split()[:1]} | {tok.lower_, tok.lemma_.lower()}
    return roles <= own


def description_covers(ctx: QuoteContext, head: Token) -> set[str]:
    """The role words a description noun may stand for: itself and its narrower kin."""
    keys = {f.removeprefix(FORMER_PREFIX) for f in _forms(head)}
    kin = role_kin(ctx.lang)
    wanted: set[str] = set(keys)
    for key in keys:
        wanted |= kin.get(key, frozenset())
    # ``l'ancien président`` stands for whom the article introduced as a former president,
    # ``le président`` never for them
    return {FORMER_PREFIX + w for w in wanted} if is_former(head) else wanted


def known_roles(ctx: QuoteContext, entity: Entity, start: int) -> set[str]:
    """The role words written next to any mention of ``entity`` before ``start``."""
    return set().union(
        *(ctx.roles_of(r) for r in ctx.mentions_in(0, start) if r.entity.id == entity.id)
    )


def role_contradicts(ctx: QuoteContext, head: Token, entity: Entity, start: int) -> bool:
    """The article has given ``entity`` a role and none of its role words is one the
    description ``head`` covers (``le maire`` is not the one introduced as ``son opposant``,
    ``l'accusé`` not the one introduced as ``son avocat``)."""
    roles = known_roles(ctx, entity, start)
    return bool(roles) and not roles & description_covers(ctx, head)


def described_by_role(ctx: QuoteContext, head: Token, start: int, kind: str) -> Entity | None:
    """The latest actor of ``kind`` introduced before ``start`` with a role word that the
    description noun ``head`` covers (itself or a narrower role), and of its gender."""
    wanted = description_covers(ctx, head)
    gender = description_gender(head) if kind == "person" else None
    # ``l'avocat de X``: X is whom the described actor is related to, never that actor
    seen: set[str] = {
        ref.entity.id for t in relatum(head) if (ref := ctx.mention_of(t)) is not None
    }
    # actors from the latest named back; each one's role words from all its earlier mentions
    # (``le journaliste X`` early, ``Pour X, …`` just before ``le jeune journaliste``)
    blocked = False
    for ref in reversed(ctx.mentions_in(max(0, start - _WINDOW), start)):
        entity = ref.entity
        # ``l'ONG X`` is a body whatever type the resolver gave the name
        retyped = kind == "organization" and entity.type == "person"
        if (entity.type != kind and not retyped) or entity.id in seen:
            continue
        seen.add(entity.id)
        roles = known_roles(ctx, entity, start)
        if retyped and not roles & ORG_NOUNS[ctx.lang]:
            continue
        if not (roles & wanted):
            if not roles and kind == "person" and _on_stage(ctx, ref):
                # ``Pour X, …`` with X's role unknown: the description may be X's, unless an
                # earlier speaker was introduced with this very noun (below)
                blocked = True
            if kind == "organization" and any(
                _bare_subject(ctx, r, roles)
                for r in ctx.mentions_in(max(0, ref.start - _WINDOW), start)
                if r.entity.id == entity.id
            ):
                # ``l'agence X a confirmé. L'EPA n'a pas cillé. « … », écrit l'agence``: a
                # body named bare as the subject since may be the one described
                return None
            continue
        if gender is not None:
            known = ctx.gender_of(entity)
            if known is not None and known != gender:
                continue
        if kind == "person" and nationality_contradicts(ctx, head, entity, start):
            continue
        if blocked and not (roles & _forms(head) and _latest_source(ctx, start) == entity.id):
            # ``le porte-parole du Kremlin, X, a estimé « … ». Pour X, Y cherche … Le
            # porte-parole a affirmé``: the source still speaking, introduced under that very
            # title, not Y (``Pour Y, … le jeune journaliste``, Y the latest source, stays Y's)
            return None
        return entity
    place = _complement_place(head)
    return None if blocked else _introduced_later(ctx, start, kind, wanted, gender, place)


def _nationality(head: Token) -> str | None:
    """The state of the nationality adjective on a role noun (``le ministre français``)."""
    states = demonym_states()
    for child in head.children:
        if child.dep_ == "amod" and child.text.islower():
            state = states.get(fold_key(child.text))
            if state is not None and state not in SUPRANATIONAL:
                return state  # ``le commissaire européen`` has no nationality said
    return None


def described_apart(earlier: Token, head: Token) -> bool:
    """Two role nouns that cannot describe one person: of different nationalities (``le
    ministre malien``, ``le ministre français``) or of different genders by their
    determiners (``un porte-parole``, ``la porte-parole``)."""
    a, b = _nationality(earlier), _nationality(head)
    if a is not None and b is not None and a != b:
        return True
    g, h = determiner_gender(earlier), determiner_gender(head)
    return g is not None and h is not None and g != h


def _qualifiers(noun: Token) -> set[str]:
    """The words that narrow a role noun: its adjectives and the nouns of its complements
    (``élu écologiste``, ``ministre de la Culture``, ``patron de la fédération``)."""
    return {
        c.lemma_.lower()
        for c in noun.children
        if (c.dep_ == "amod" and c.pos_ == "ADJ") or (c.dep_ == "nmod" and c.pos_ == "NOUN")
        if c.lemma_.lower() not in _VAGUE_QUALIFIERS
    }


#: adjectives that narrow nothing (``le même ministre``, ``le nouveau président``)
_VAGUE_QUALIFIERS = frozenset({"même", "nouveau", "nouvelle", "actuel", "actuelle", "autre"})


def same_description(earlier: Token, head: Token) -> bool:
    """``earlier`` is the same role noun as the description ``head`` with every one of its
    qualifiers (at least one) and no other, former both or neither: ``la ministre de la
    Culture`` written again (not ``le ministre allemand de l'Intérieur`` for ``le ministre de
    l'Intérieur``, not ``l'ancienne ministre de la Culture``)."""
    wanted = _qualifiers(head)
    return (
        bool(wanted)
        and wanted == _qualifiers(earlier)
        and is_former(earlier) == is_former(head)
        and not described_apart(earlier, head)
    )


def determiner_gender(noun: Token) -> str | None:
    """The gender the determiner of ``noun`` says (French), else None (``les``, ``l'``)."""
    det = next((c for c in noun.children if c.dep_ == "det"), None)
    low = det.lower_ if det is not None else ""
    return (
        "Fem"
        if low in {"la", "une", "cette"}
        else "Masc"
        if low in {"le", "un", "ce", "cet"}
        else None
    )


def nationality_contradicts(ctx: QuoteContext, head: Token, entity: Entity, start: int) -> bool:
    """``le ministre français`` is not the one introduced as ``le ministre malien X``: the
    description's nationality is none of those written on a role noun beside ``entity``'s
    earlier mentions."""
    wanted = _nationality(head)
    if wanted is None:
        return False
    seen: set[str] = set()
    for ref in ctx.mentions_in(0, start):
        tok = ctx.token_at(ref.start) if ref.entity.id == entity.id else None
        if tok is None:
            continue
        for near in _role_nouns_beside(tok):
            state = _nationality(near)
            if state is not None:
                seen.add(state)
    return bool(seen) and wanted not in seen


def _role_nouns_beside(name: Token) -> list[Token]:
    """The nouns set beside a name: the one it is in apposition to or that is in apposition
    to it (``X, le ministre malien``), and the one right before it (``le ministre malien X``)."""
    found = [name.head] if name.dep_ == "appos" else []
    found += [c for c in name.children if c.dep_ == "appos"]
    k = name.i - 1
    while k >= 0 and name.i - k <= 4 and name.doc[k].pos_ == "ADJ":
        k -= 1
    if k >= 0 and name.i - k <= 4:
        found.append(name.doc[k])
    return [t for t in found if t.pos_ == "NOUN"]


def _latest_source(ctx: QuoteContext, start: int) -> str | None:
    """The entity of the latest quote's speaker before ``start``."""
    before = [sp.entity for o, sp in ctx.speakers_seen if o < start and sp.entity]
    return before[-1] if before else None


def _introduced_later(
    ctx: QuoteContext,
    start: int,
    kind: str,
    wanted: set[str],
    gender: str | None,
    place: Token | None = None,
) -> Entity | None:
    """A lead often names the role before the person (``Le maire de Verdun a confié …``, the
    name a paragraph later): the one actor of ``kind`` the article later gives that role."""
    found: dict[str, Entity] = {}
    for ref in ctx.mentions_in(start, len(ctx.text)):
        entity = ref.entity
        if entity.type != kind or entity.id in found or not (ctx.roles_of(ref) & wanted):
            continue
        if gender is not None and ctx.gender_of(entity) not in {None, gender}:
            continue
        if place is not None and _other_place(ctx, ref, wanted, place):
            continue  # ``la députée du Var`` is not ``la députée de la Drôme X`` named later
        found[entity.id] = entity
    return next(iter(found.values())) if len(found) == 1 else None


#: capitalised complements that belong to a title, not to one holder's constituency
#: (``le procureur de la République`` of Montbéliard, ``le secrétaire d'État``)
_TITLE_PARTS = frozenset({"république", "état", "etat"})


def _complement_place(noun: Token | None) -> Token | None:
    """The capitalised name in the ``de`` complement right after a role noun (``député du
    Var``, ``maire de Verdun``, ``ministre de l'Intérieur``), by word order; none for a title's
    own complement (``procureur de la République``)."""
    if noun is None:
        return None
    doc, k = noun.doc, noun.i + 1
    while k < len(doc) and doc[k].pos_ == "ADJ":
        k += 1
    if k >= len(doc) or doc[k].lower_ not in FR_OF:
        return None
    k += 1
    if k < len(doc) and doc[k].pos_ == "DET":
        k += 1
    if k >= len(doc) or not doc[k].text[:1].isupper() or doc[k].lower_ in _TITLE_PARTS:
        return None
    return doc[k]


def _other_place(ctx: QuoteContext, ref: MentionRef, wanted: set[str], place: Token) -> bool:
    """Whether the role noun written just before ``ref`` (``la députée de la Drôme X``) names
    a place or body other than ``place``: the same title of another constituency."""
    tok = ctx.token_at(ref.start)
    if tok is None:
        return False
    for k in range(tok.i - 1, max(tok.sent.start, tok.i - 8) - 1, -1):
        role = tok.doc[k]
        if _forms(role) & wanted:
            other = _complement_place(role)
            return other is not None and other.lower_ != place.lower_
    return False


#: nouns for the one person at the head of a body (``le patron de la SNCF``, ``le président
#: du club``): a unique holder, whom news writing names and then takes up by the title alone
_BODY_HEADS = frozenset(
    {"patron", "patronne", "président", "présidente", "pdg", "directeur", "directrice",
     "dirigeant", "dirigeante", "chef", "cheffe", "leader", "ceo", "dg"}
)  # fmt: skip


def heads_body(head: Token, related: list[MentionRef]) -> bool:
    """``le patron de la SNCF``, ``la présidente de Renault``: a description of the head of a
    named body (no person in its complement, unlike ``l'avocat de X``)."""
    return bool({head.lower_, head.lemma_.lower()} & _BODY_HEADS) and all(
        r.entity.type != "person" for r in related
    )


def authored_back(ctx: QuoteContext, head: Token, authored: int) -> int:
    """How many sentences back from ``head`` cover ``authored`` sentences in the author's own
    words: a parser splits a long quotation into sentences that name no new actor, and a
    description (``a précisé le ministre``) reaches past them to whom the author named."""
    doc = ctx.doc
    sent, back, counted = head.sent, 0, 0
    while counted < authored and sent.start > 0 and back < 3 * authored:
        sent = doc[sent.start - 1].sent
        back += 1
        if any(not t.is_punct and not quoted(ctx, t) for t in sent):
            counted += 1
    return max(back, 1)


def inner_person_name(ctx: QuoteContext, noun: Token, start: int) -> bool:
    """The name at offset ``start``, closing a description headed by ``noun``, belongs to a
    person noun of the description's complement (``l'avocat du gardien de la paix X``: X is
    the gardien), unless ``Me`` before it is the lawyer's own title (``l'avocate du policier
    Me X``). Not over a body's noun (``le chef du Parti libéral X``, ``au Congrès``)."""
    doc = noun.doc
    first = doc.char_span(start, start + 1, alignment_mode="expand")
    if first is None or (first.start > 0 and doc[first.start - 1].lower_ == "me"):
        return False
    return any(
        t.dep_ == "nmod" and t.pos_ == "NOUN" and t.is_lower and _person_noun(ctx, t)
        for t in doc[noun.i + 1 : first.start]
    )
