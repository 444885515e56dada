"""Speakers named without a speech verb: ``Pour X, « … »``, ``« … », peut-on lire dans X``,
``« … » - X``, ``X : « … »``, a quote signed on the line below (``Jean Dupont, journaliste``)
and a lead quote whose speaker the next sentence introduces (``« … » Face au port, X serre les
poings.``, asked by :func:`allegiance.extract.quote_fallbacks.fallback_speaker`).

The attribution rules try these after every cue has failed.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from allegiance.extract.cue_words import is_cue
from allegiance.extract.frames import kept_silent
from allegiance.extract.media import latest_outlet
from allegiance.extract.naming_verbs import NAMING_VERBS
from allegiance.extract.quote_marks import OPENING_MARKS
from allegiance.extract.speaker_words import FIRST_PERSON, TRIAL_PARTIES
from allegiance.models import Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.quote_context import MentionRef, QuoteContext
    from allegiance.models import Entity


def _tokens(ctx: QuoteContext, start: int, end: int) -> list[Token]:
    span = ctx.doc.char_span(start, end, alignment_mode="expand") if end > start else None
    return list(span) if span is not None else []


#: verbless openers of a view: ``Pour X``, ``Aux yeux de X``, ``De l'avis de X``, ``À en croire
#: X`` (the ``de`` is left out of X: ``Aux yeux du ministre`` -> ``ministre``)
_VIEW = (
    r"(?:[Pp]our|(?:[Aa]ux\s+yeux|[Dd]e\s+l'avis|[Dd]'avis)\s*(?:d(?:e|u|es)\s|d')|"
    r"[ÀàAa]\s+en\s+croire)"
)
_POUR = re.compile(
    # ``…, tandis que pour la CGPME, « … »``: a view may open a second clause (not with a
    # pronoun before the marks: ``mais pour la SNCF, elle « … »`` is the subject's words)
    r"(?:^\s*|[.;:]\s*|\bet\s+|\b(?:tandis|alors)\s+qu[e'’]\s*|\bmais\s+)"
    + _VIEW
    + r"\s*([^,«»“”\"]{2,80}?)\s*,\s*$"
)
#: no ``^``: ``Pattern.match(text, pos)`` anchors at ``pos`` already, and ``^`` would demand the
#: real start of the text
_READ_ALONE = re.compile(r"\s*,?\s*(?:peut-on|pouvait-on|lit-on)\s+lire\s*[.;]")
#: ``Pour X, une des difficultés repose sur « … »``: the sentence opens on whose view it is
_POUR_OPENING = re.compile(r"\s*(?:" + _VIEW + r"|Selon\s)\s*([^,«»“”\"]{2,60}?)\s*,\s")
#: a role described with an article or a possessive (``le directeur de l'hôpital``, ``sa
#: présidente``): a name may follow it in apposition
_ROLE_OPENING = re.compile(r"(?:le|la|les|l'|son|sa|ses|leur|leurs)\b", re.IGNORECASE)
#: a body's noun or a name after ``des`` in the side's apposition (``des syndicats X``; not
#: ``Chez Renault, des salariés inquiets :``); ``du``/``de la`` take any (``du patronat``)
_BODY_WORDS = r"(?:syndicat|parti|groupe|collectif|association|mouvement|comité|conseil|fédération|union|cabinet|ministère|bureau)\b"
#: ``Même son de cloche chez X :``, ``Du côté de X, on se veut rassurant :``, ``Côté X :``, ``du
#: côté de X, du syndicat Y :``: a verbless sentence that opens on a body (or a person) and
#: hands over to the quote with a colon
_SIDE = re.compile(
    r"\s*(?:(?:[Mm]ême|[Aa]utre|[Tt]out\s+autre|[Uu]n\s+autre)\s+(?:son\s+de\s+cloche|discours|"
    r"constat|analyse|ton|tonalité|réaction|point\s+de\s+vue|avis|écho|registre)\s+)?"
    r"(?:[Cc]hez|[Dd]u\s+côté\s+(?:de\s|du\s|des\s|d')|[Cc]ôté)\s*"
    r"([^,:;«»“”\"]{2,60}?)\s*"
    # ``du côté de X, du syndicat Syna :``: the body X belongs to, in apposition
    r"(?:,\s*(?:(?:du|de\s+la|de\s+l'|d')\s*|des\s+(?:[A-ZÀ-Ý]|" + _BODY_WORDS + r"))"
    r"[^,:;«»“”\".!?]{0,60}?\s*)?"
    r"(,\s*on\s[^,:;«»“”\".!?]{0,60})?:\s*$"
)
#: what the reporter's ``on`` does, not the body's (``on a recueilli le témoignage de …``)
_GATHERING = re.compile(
    r"\b(?:recueilli|recueille|rencontré|rencontre|interrogé|interroge|croisé|croise|"
    r"témoignage|écouté|écoute|visité|visite)\w*",
    re.IGNORECASE,
)
#: a label's tail that says the quote is about the person named first, said by another
#: (``X, la réplique de Y :``, ``X, vu par ses camarades :``, ``X, l'hommage de son ami :``)
_ABOUT_TAIL = re.compile(
    r"^\s*,\s*(?:(?:la|le|l'|les|un|une|son|sa|ses)\s*(?:réplique|réponse|hommage|témoignage|"
    r"portrait|regard|version|récit|confession|colère|message|lettre|tribune|souvenirs?|avis|"
    r"analyse)|vue?s?\s+par)\b",
    re.IGNORECASE,
)
#: an apposition after the source (``professeur à Lyon, ``): a bare role noun phrase, no article
_APPOSITION = re.compile(
    r"(?!(?:le|la|les|l'|un|une|des|du|ce|cette|ces|son|sa|ses|il|elle|on)\b)"
    r"[a-zàâçéèêëîïôûù][^,«»“”\"]{2,80}?,\s"
)
#: ``« … », telle est la réponse de X``, ``« … », c'est le credo de X``: a noun of speech
#: owned by the source, right after the quote
_SUCH_IS = re.compile(
    r"\s*,?\s*(?:telle|tel|telles|tels|c'|c’|voilà|voici)\s*(?:est|était|sont|étaient|fut)?\s*"
    r"(?:la|le|l'|l’|les)\s*(?:réponse|réaction|réplique|analyse|message|position|avis|"
    r"commentaire|explication|constat|conclusion|promesse|credo|leitmotiv|mot d'ordre|"
    r"argument|verdict|diagnostic|avertissement|mise en garde)s?\s+(?:de|du|des|d'|d’)\s*",
    re.IGNORECASE,
)
_READ_IN = re.compile(
    r"\s*,?\s*(?:peut-on|pouvait-on|lit-on|pourra-t-on)\s+(?:lire\s+)?(?:dans|sur)\s+"
)


def view_before(
    ctx: QuoteContext, f_start: int, open_at: int, excl: tuple[int, int]
) -> tuple[int, Speaker] | None:
    """``…, tandis que pour X, il « … »``: where the view's phrase opens right before the marks
    and whose view it is; None when the words before the marks are no such phrase."""
    if ctx.lang != "fr":
        return None
    m = _POUR.search(ctx.text[f_start:open_at])
    if m is None:
        return None
    speaker = _phrase_speaker(ctx, f_start + m.start(1), f_start + m.end(1), excl)
    return (f_start + m.start(), speaker) if speaker is not None else None


def framed_speaker(
    ctx: QuoteContext, f_start: int, open_at: int, close_at: int, excl: tuple[int, int]
) -> Speaker | None:
    """Two verbless frames: ``Pour X, « … »`` (X's view) and ``« … », peut-on lire dans X``
    (X the source). X must be a speaker: a name, a pronoun, a person or a body."""
    text = ctx.text
    if ctx.lang != "fr":
        return None
    m = _POUR.search(text[f_start:open_at])
    named: Speaker | None = None
    if m is None:
        m = _POUR_OPENING.match(text[f_start:open_at])
        # ``Pour X, professeur à l'université de Lyon, …``: X's apposition names no one else
        after = f_start + m.end() if m is not None else open_at
        if m is not None:
            # ``Pour le maire, Jean Dupont, …``: the name in apposition to the role speaks
            named, after = _apposed_to_role(ctx, f_start + m.start(1), after, open_at)
        apposed = _APPOSITION.match(text, after, open_at)
        if apposed is not None:
            after = apposed.end()
        if m is not None and any(
            r.entity.type in {"person", "organization"}
            and _a_subject(ctx, r)
            and not ctx.subject_of_quoted(r, open_at, close_at)
            and _says_or_names(ctx, r)
            for r in ctx.mentions_in(after, open_at)
        ):
            # ``Pour X, le fait que Y l'ait classé « … »``: Y's words, not X's (not ``Pour X,
            # les propos tenus par Y sont « … »``, where Y is only named)
            m = None
    if m is not None and named is not None:
        return named
    if m is None:
        side = _side_speaker(ctx, f_start, open_at)
        if side is not None:
            return side
    if m is not None:
        start, end = f_start + m.start(1), f_start + m.end(1)
        if TRIAL_PARTIES.fullmatch(text[start:end].strip()):
            # ``Pour l'accusation, …``: a party of the trial, unnamed
            return Speaker(None, text[start:end].strip(), Span(text[start:end], start, end))
        return _phrase_speaker(ctx, start, end, excl)
    m2 = _READ_IN.match(text, close_at + 1, min(len(text), close_at + 60)) or _SUCH_IS.match(
        text, close_at + 1, min(len(text), close_at + 80)
    )
    if m2 is not None:
        return _phrase_speaker(ctx, m2.end(), min(len(text), m2.end() + 60), excl)
    if _READ_ALONE.match(text, close_at + 1, min(len(text), close_at + 30)):
        # ``« … », peut-on lire.``: in the outlet the article just cited
        outlet = latest_outlet(ctx, open_at)
        if outlet is not None:
            return Speaker(outlet.id, outlet.name, None)
    return None


#: ``« … », pour X.``: a source named with ``pour`` right after the quote and closing its
#: sentence (or its headline line), like a postposed ``selon X``. One apposition may follow
#: (``pour le maire de Valmont, Étienne Morel``)
_POUR_AFTER = re.compile(
    r"[ \t]*(?P<comma>,?)[ \t]*(?P<pour>pour)[ \t]+(?P<who>[^,.;:!?«»“”\"\n]{2,60}?)"
    r"(?:[ \t]*,[ \t]*(?P<appos>[^,.;:!?«»“”\"\n]{2,60}?))?[ \t]*(?:[.!?\n]|$)"
)


def postposed_source(
    ctx: QuoteContext, close_at: int, excl: tuple[int, int], open_at: int | None = None
) -> tuple[Token, Speaker] | None:
    """``« C'est une catastrophe », pour Inès Garnier.``: the ``pour`` token (the cue, as a
    postposed ``selon`` is) and the source it names. The source must be a person or a body
    (a name, or a noun that can speak): ``pour la première fois`` names no one.

    The comma may be left out (``"…" pour X, restaurateur.``) after a quote that is a
    sentence of its own (opening after a sentence end); the source must then be a name:
    ``réclame des « mesures » pour les agriculteurs`` says for whom, not who."""
    if ctx.lang != "fr":
        return None
    m = _POUR_AFTER.match(ctx.text, close_at + 1, min(len(ctx.text), close_at + 160))
    if m is None:
        return None
    bare = not m.group("comma")
    if bare and (
        open_at is None
        or ctx.text[max(0, open_at - 80) : open_at].rstrip()[-1:] not in {"", ".", "!", "?", ":"}
    ):
        return None
    pour = next(iter(_tokens(ctx, m.start("pour"), m.end("pour"))), None)
    if pour is None:
        return None
    if m.group("appos") is not None:
        ref = ctx.mention_at(m.start("appos"), m.end("appos"))
        if ref is not None and ref.entity.type == "person" and ref.start >= m.start("appos"):
            span = Span(ctx.text[ref.start : ref.end], ref.start, ref.end)
            return pour, Speaker(ref.entity.id, ref.entity.name, span)
    start, end = m.span("who")
    ref = ctx.mention_at(start, end)
    if ref is not None and ref.entity.type in {"person", "organization"} and ref.start <= start + 4:
        span = Span(ctx.text[ref.start : ref.end], ref.start, ref.end)
        return pour, Speaker(ref.entity.id, ref.entity.name, span)
    heads = [t for t in _tokens(ctx, start, end) if t.pos_ in {"NOUN", "PROPN", "PRON"}]
    if (
        bare
        or not heads
        or not ctx.can_speak(heads[0])
        or heads[0].lower_ in FIRST_PERSON[ctx.lang]
    ):
        return None
    speaker = ctx.speaker_from_tokens(heads[0], excl)
    return (pour, speaker) if speaker is not None else None


def _apposed_to_role(
    ctx: QuoteContext, role_at: int, after: int, open_at: int
) -> tuple[Speaker | None, int]:
    """``Pour le directeur de l'hôpital, Étienne Marchand, …``: the person named between
    commas right after a role the frame opens on (a description, not itself a name), and the
    offset past that name's comma. Else no one, and ``after`` unchanged."""
    text = ctx.text
    if not _ROLE_OPENING.match(text, role_at):
        return None, after
    ref = next((r for r in ctx.mentions_in(after, open_at) if r.start == after), None)
    if ref is None or ref.entity.type != "person":
        return None, after
    comma = re.match(r"\s*,\s*", text[ref.end : open_at])
    if comma is None:
        return (
            None,
            after,
        )  # ``Pour le maire Jean Dupont est …``: the subject, not apposed
    span = Span(text[ref.start : ref.end], ref.start, ref.end)
    return Speaker(ref.entity.id, ref.entity.name, span), ref.end + comma.end()


def _a_subject(ctx: QuoteContext, ref: MentionRef) -> bool:
    """The mention may be a clause's subject: not one named behind a preposition (``tenus
    par Y``, ``de Y``) nor a noun's complement (``l'usine Renault``, ``la réforme Macron``),
    read from word order (the parse of such sentences often fails)."""
    tok = ctx.token_at(ref.start)
    if tok is None or tok.i == 0:
        return tok is not None
    k = tok.i - 1
    if ctx.doc[k].pos_ == "DET" and k > 0:
        k -= 1
    return ctx.doc[k].pos_ not in {"ADP", "NOUN"}


#: verbs whose subject gives the marked words as a label (``Y l'a classé « … »``)
_LABELLING = NAMING_VERBS | {
    "appeler", "nommer", "présenter", "taxer", "rebaptiser", "baptiser", "accuser", "étiqueter",
    "désigner", "dépeindre",
}  # fmt: skip
#: verbs whose infinitive says the subject did not say it (``a refusé de qualifier``)
_DECLINING = frozenset({"refuser", "éviter", "renoncer", "abstenir"})


def _says_or_names(ctx: QuoteContext, ref: MentionRef) -> bool:
    """The clause the mention is the subject of says or labels something (``le fait que Y
    ait qualifié … de « … »``), so its marked words may be the mention's own; not a clause
    of another verb (``l'agence n'a pas informé les patientes « assez tôt »``: the view's
    words) nor a speech verb it denies."""
    tok = ctx.token_at(ref.start)
    while tok is not None and tok.dep_ in {"flat", "flat:name", "appos"} and tok.head.i < tok.i:
        tok = tok.head
    if tok is None or not tok.dep_.startswith("nsubj"):
        return True  # the parse says nothing: the mention may still be a subject
    verb = tok.head
    if is_cue(ctx, verb) or verb.lemma_.lower() in _LABELLING:
        return not kept_silent(verb)
    # ``n'a jamais cessé de surnommer``, ``n'a pas hésité à taxer``: the infinitive says it
    return verb.lemma_.lower() not in _DECLINING and any(
        c.dep_ == "xcomp" and (is_cue(ctx, c) or c.lemma_.lower() in _LABELLING)
        for c in verb.children
    )


def _side_speaker(ctx: QuoteContext, f_start: int, open_at: int) -> Speaker | None:
    """``Même son de cloche chez X : « … »``, ``Du côté de X, on assure : « … »``: the body
    (or person) the verbless sentence opens on. With the impersonal ``on`` only a body: ``chez
    Jean Dupont, on …`` is his circle, nobody named."""
    m = _SIDE.match(ctx.text, f_start, open_at)
    if m is None:
        return None
    start, end = m.span(1)
    ref = ctx.mention_at(start, end)
    if m.group(2) and _GATHERING.search(m.group(2)):
        return None  # ``Chez Lidl, on a recueilli le témoignage d'une caissière``: the reporter
    kinds = {"organization"} if m.group(2) else {"person", "organization"}
    if ref is None or ref.entity.type not in kinds or ref.end < end or ref.start > start + 4:
        return None  # X must be that name (an article may stand before it: ``la CGT``)
    return Speaker(
        ref.entity.id,
        ref.entity.name,
        Span(ctx.text[ref.start : ref.end], ref.start, ref.end),
    )


def _phrase_speaker(
    ctx: QuoteContext, start: int, end: int, excl: tuple[int, int]
) -> Speaker | None:
    toks = [t for t in _tokens(ctx, start, end) if t.idx < end]
    if not toks:
        return None
    ref = ctx.mention_at(toks[0].idx, toks[min(len(toks), 4) - 1].idx + 1)
    if ref is not None and any(t.pos_ == "NOUN" and t.idx < ref.start for t in toks):
        ref = None  # ``Pour le patron de l'ASN``: the noun says who; the name is its complement
    if ref is not None and ref.entity.type in {"person", "organization"}:
        return Speaker(
            ref.entity.id,
            ref.entity.name,
            Span(ctx.text[ref.start : ref.end], ref.start, ref.end),
        )
    heads = [t for t in toks if t.pos_ in {"PRON", "PROPN", "NOUN"}]
    if not heads or heads[0].lower_ in FIRST_PERSON[ctx.lang] or heads[0].lower_ == "moi":
        return None
    return ctx.speaker_from_tokens(heads[0], excl)


def dash_speaker(ctx: QuoteContext, after: list[Token], excl: tuple[int, int]) -> Speaker | None:
    if len(after) >= 2 and after[0].text in {"-", "—"}:
        for tok in after[1:4]:
            if tok.pos_ == "PROPN" or ctx.mention_at(tok.idx, tok.idx + 1):
                return ctx.speaker_from_tokens(tok, excl)
    return None


_DASH_NAME = re.compile(
    r"[ \t]*[-–—―][ \t]*((?:[A-ZÀ-Ý][\w'.-]*[ \t]){0,3}[A-ZÀ-Ý][\w'-]+)(?=[ \t]*(?:[.,;\n]|$|[«“\"]))"
)


#: a signature line right under a quote that ends its paragraph: ``« … »`` then ``— Jane Roe``
#: alone on the next line, with more text after it (an article's last line is its byline)
_DASH_LINE = re.compile(
    r"[ \t.]*\n[ \t]*[-–—―][ \t]*"
    r"((?:[A-ZÀ-Ý][\w'.-]*[ \t]){0,3}[A-ZÀ-Ý][\w'-]+)[ \t]*(?=\n[ \t]*\S)"
)


def dash_name(ctx: QuoteContext, close_at: int) -> Speaker | None:
    """``“…”― Jane Roe`` (a vox pop, a signed testimony): a name alone after a dash that follows
    the closing mark, or a signature line under a quote paragraph (:func:`_signature_line`).
    Read on the text because the tokenizer glues ``”―`` and ``―Jane``."""
    end_at = min(len(ctx.text), close_at + 80)
    m = _DASH_NAME.match(ctx.text, close_at + 1, end_at)
    if m is None:
        return _signature_line(ctx, close_at, end_at)
    start, end = m.start(1), m.end(1)
    ref = ctx.mention_at(start, end)
    if ref is not None and ref.entity.type in {"person", "organization"}:
        return Speaker(ref.entity.id, ref.entity.name, Span(ctx.text[start:end], start, end))
    return Speaker(None, m.group(1), Span(m.group(1), start, end))


def _signature_line(ctx: QuoteContext, close_at: int, end_at: int) -> Speaker | None:
    """``« … »`` then ``— Jane Roe`` on the next line, as a web page sets off a pull quote: a
    person the article names (by this name, or one bearing its surname), alone after a dash on
    the line right under a quote that makes its whole paragraph, with more text after (not the
    byline closing an article)."""
    text = ctx.text
    line_start = text.rfind("\n", 0, close_at) + 1
    if text[line_start : line_start + 2].strip()[:1] not in OPENING_MARKS:
        return None  # the quote does not open its paragraph: a label or a sentence frames it
    m = _DASH_LINE.match(text, close_at + 1, min(len(text), end_at + 40))
    if m is None:
        return None
    start, end = m.start(1), m.end(1)
    ref = ctx.mention_at(start, end)
    if ref is not None and ref.entity.type == "person" and (ref.start, ref.end) == (start, end):
        person: Entity | None = ref.entity
    else:  # the tagger may miss a name set alone on its line: one the article named before
        known = ctx.people_surnamed(m.group(1).split()[-1])
        person = known[0] if len(known) == 1 else None
    if person is None:
        return None
    return Speaker(person.id, person.name, Span(text[start:end], start, end))


#: the colon after a headline's opening quote (``« … » : X saisit la justice``)
_HEADLINE_COLON = re.compile(r"[ \t\u00a0\u202f]*:")
#: the longest headline line read this way
_HEADLINE_MAX = 250


def headline_subject(
    ctx: QuoteContext, open_at: int, close_at: int, excl: tuple[int, int]
) -> Speaker | None:
    """``« Une tentative inédite et illégale » : limogée par Donald Trump, Lisa Cook saisit la
    justice``: a headline that opens on a quote and a colon, then says what its speaker does
    (no verb of saying); the subject of that clause's verb, a named person or body, spoke."""
    text = ctx.text
    if text[text.rfind("\n", 0, open_at) + 1 : open_at].strip():
        return None  # the quote must open its line
    m = _HEADLINE_COLON.match(text, close_at + 1)
    if m is None:
        return None
    end = text.find("\n", m.end())
    end = len(text) if end == -1 else end
    line = text[m.end() : end].strip()
    if not line or end - m.end() > _HEADLINE_MAX or ". " in line or "«" in line or "“" in line:
        return None  # one clause of a headline, not a paragraph nor another quote
    for tok in _tokens(ctx, m.end(), end):
        if tok.dep_ not in {"nsubj", "nsubj:pass"} or tok.head.dep_ != "ROOT":
            continue
        speaker = ctx.speaker_from_tokens(tok, excl)
        if speaker is not None and speaker.entity is not None:
            entity = ctx.entity(speaker.entity)
            if entity is not None and entity.type in {"person", "organization"}:
                return speaker
    return None


_SIGNATURE_GAP = re.compile(r"[ \t]*\n?[ \t]*")


def signature(ctx: QuoteContext, open_at: int, close_at: int) -> Speaker | None:
    """An epigraph or a pull quote signed below (``« … »`` then ``Jean Dupont, journaliste,
    …``): a quote opening its paragraph, right followed by a person's name and a comma."""
    text = ctx.text
    if text[text.rfind("\n", 0, open_at) + 1 : open_at].strip():
        return None
    m = _SIGNATURE_GAP.match(text, close_at + 1)
    start = m.end() if m else close_at + 1
    ref = next((r for r in ctx.mentions_in(start, start + 80) if r.start == start), None)
    if ref is None or ref.entity.type != "person" or text[ref.end : ref.end + 1] != ",":
        return None
    return Speaker(
        ref.entity.id,
        ref.entity.name,
        Span(text[ref.start : ref.end], ref.start, ref.end),
    )


#: what may follow the person a headline label opens on: a bracketed party or employer
#: (``Olivier Faure (PS) :``) or a role in apposition (``Mathieu Roselier, PDG de Valmonde :``)
_LABEL_TAIL = re.compile(r"\s*(?:\([^()«»\n]{1,40}\)|,[^,:;.!?«»“”\"\n()]{2,70})\s*$")


def _labelled_person(ctx: QuoteContext, before: list[Token]) -> Speaker | None:
    """``Olivier Faure (PS) : « … »``, ``Mathieu Roselier, PDG de Valmonde : « … »``: a label
    that opens on a person's name, then only a bracket or a role, names that person (the
    bracket or the role's complement is not the speaker)."""
    start, colon = before[0].idx, _colon_end(before)
    ref = next((r for r in ctx.mentions_in(start, colon) if r.start == start), None)
    if ref is None:
        ref = _apposed_label_name(ctx, before)
    if (
        ref is None
        or ref.entity.type != "person"
        or not _LABEL_TAIL.match(ctx.text[ref.end : colon])
        or _ABOUT_TAIL.match(ctx.text[ref.end : colon])
    ):
        return None
    return Speaker(
        ref.entity.id,
        ref.entity.name,
        Span(ctx.text[ref.start : ref.end], ref.start, ref.end),
    )


#: a bracket after a name in a label (``X (PS/VS)``)
_BRACKET_TAIL = re.compile(r"\s*\([^()«»\n]{1,40}\)\s*$")
#: prepositions naming whom a label's words are addressed to or aimed at (``Hommage du maire à
#: son prédécesseur, X``); not ``aux``/``pour``/``sur``, which job titles hold (``délégué aux
#: Transports``)
_ADDRESSEE = frozenset({"à", "contre"})
#: how far before a name its apposition's comma may stand (spaces, a non-breaking space)
_COMMA_REACH = 4


def _colon_end(before: list[Token]) -> int:
    """The offset of the colon ending a label (the tokenizer may glue it to a bracket)."""
    return before[-1].idx + len(before[-1].text) - 1


def _apposed_label_name(ctx: QuoteContext, before: list[Token]) -> MentionRef | None:
    """``Commentaire de la présidente du Sénat, Anne Favre (PLR) : « … »``: a verbless label
    whose last words, after a comma, are a person's name and a bracket, the words before the
    comma a role (a noun for a person) with no one they are addressed to or about (not
    ``Hommage du maire à son prédécesseur, X (LR) :``)."""
    if any(t.pos_ in {"VERB", "AUX"} for t in before):
        return None
    colon = _colon_end(before)
    people = [r for r in ctx.mentions_in(before[0].idx, colon) if r.entity.type == "person"]
    ref = people[-1] if people else None  # not a party in the bracket after it
    if ref is None or ref.start == before[0].idx:
        return None
    if not ctx.text[max(0, ref.start - _COMMA_REACH) : ref.start].rstrip().endswith(","):
        return None
    role = [t for t in before if t.idx < ref.start]
    if any(t.lower_ in _ADDRESSEE for t in role):
        return None
    if not any(t.pos_ == "NOUN" and ctx.can_speak(t) for t in role):
        return None
    return ref if _BRACKET_TAIL.match(ctx.text[ref.end : colon]) else None


#: prepositions that, in a headline's label before a colon, introduce what the quote is about
#: (``Lagarde au WSJ :``, ``X à Libération :``: the outlet spoken to, after the speaker)
_TOPIC_PREPOSITIONS = frozenset(
    {"sur", "contre", "face", "concernant", "vs", "versus", "au", "à", "aux", "dans"}
)


#: of :data:`_TOPIC_PREPOSITIONS`, those that introduce the outlet spoken to
_OUTLET_PREPOSITIONS = frozenset({"au", "à", "aux", "dans"})


def _named_before(ctx: QuoteContext, toks: list[Token]) -> bool:
    """A person named in the label's words (``Lagarde``; not a word the model took for a
    body, ``Grève``)."""
    return any((r := ctx.mention_of(t)) is not None and r.entity.type == "person" for t in toks)


def colon_speaker(ctx: QuoteContext, before: list[Token], excl: tuple[int, int]) -> Speaker | None:
    # the tokenizer may glue the colon to a closing bracket (``(PLR/NE):``)
    if not before or before[-1].text not in {":", "):"}:
        return None
    if len(before) <= 16:
        labelled = _labelled_person(ctx, before)
        if labelled is not None:
            return labelled
    if len(before) > 6:
        return None
    label = before[:-1]
    topic = next(
        (
            k
            for k, t in enumerate(label)
            if k > 0
            and t.lower_ in _TOPIC_PREPOSITIONS
            # ``Lagarde au WSJ :``, not ``Grève à la SNCF :``: a name before ``à``/``dans``
            and (t.lower_ not in _OUTLET_PREPOSITIONS or _named_before(ctx, label[:k]))
        ),
        None,
    )
    if topic is not None:
        # ``Faure sur Mélenchon : « … »``, ``X contre Y :``: a headline's label names the speaker
        # first, and whom or what the words are about (or the outlet spoken to) after the
        # preposition
        label = label[:topic]
    for tok in reversed(label):
        if tok.pos_ in {"PROPN", "NOUN"} or ctx.mention_at(tok.idx, tok.idx + 1):
            return ctx.speaker_from_tokens(tok, excl)
    return None


#: where a quote's sentence ends: a mark inside the quotation marks, or one right after them
_ENDED = re.compile(r"[.!?…][ \t]*$")
_END_AFTER = re.compile(r"[ \t]*[.!?…]")
#: the end of the sentence after the quote, or an opening mark in it
_SENTENCE_STOP = re.compile(r"[.!?…](?=\s|$)|[«“\"]")


def introduced_after(
    ctx: QuoteContext, open_at: int, close_at: int, *, known: bool
) -> Speaker | None:
    """A lead quote, then its speaker's portrait: ``« Nous ne pouvons plus vivre. » Face au port,
    Yannick Le Goff, patron pêcheur, serre les poings.`` News reports open a paragraph on a
    person's words and introduce the person in the next sentence, as its subject, with no speech
    verb. The quote must open its paragraph and end a sentence; the person must be the first one
    of that sentence not governed by a preposition (``à X``, ``de X``), with a verb after it, and
    the sentence must hold no other quotation. When ``known`` (someone spoke just before), the
    person must also be named there for the first time: a known actor may just go on with the
    story."""
    text = ctx.text
    if text[text.rfind("\n", 0, open_at) + 1 : open_at].strip():
        return None
    if not (_ENDED.search(text, open_at, close_at) or _END_AFTER.match(text, close_at + 1)):
        return None
    line_end = text.find("\n", close_at)
    line_end = len(text) if line_end < 0 else line_end
    stop = _SENTENCE_STOP.search(text, close_at + 2, line_end)
    sentence_end = stop.start() if stop is not None else line_end
    if stop is not None and stop.group() in {"«", "“", '"'}:
        return None  # another quotation in the sentence: the person may well be its speaker
    mentions = ctx.mentions_in(close_at + 1, sentence_end)
    ref = next(
        (r for r in mentions if r.entity.type == "person" and not _governed(ctx, r)),
        None,
    )
    if ref is None:
        return None
    lead = _tokens(ctx, close_at + 1, ref.start)
    if any(t.pos_ == "VERB" and t.lemma_.lower() in ctx.cues.words for t in lead):
        return None  # ``C'est ce que scandaient les manifestants``: someone else's speech verb
    if any(t.lower_ in _SUBORDINATORS for t in lead):
        return None  # ``…, où Jean Dupont les a reçus``: the person is in a subordinate clause
    opening = _tokens(ctx, close_at + 1, ref.start)[:3]
    if any(r.entity.type == "organization" and r.start < ref.start for r in mentions) and any(
        ctx.mention_of(t) is not None for t in opening if t.pos_ != "DET"
    ):
        return None  # a body opens the sentence (``La CGT, elle, …``): it acts, not the person
    if known and any(r.entity.id == ref.entity.id for r in ctx.mentions_in(0, open_at)):
        return None  # already known: the sentence may go on with the story, not a portrait
    after = _tokens(ctx, ref.end, sentence_end)
    # the parser reads some present forms as infinitives (``détourne``): any verb but a participle
    finite = [
        t for t in after if t.pos_ in {"VERB", "AUX"} and "Part" not in t.morph.get("VerbForm", [])
    ]
    if not finite:
        return None
    return Speaker(
        ref.entity.id,
        ref.entity.name,
        Span(text[ref.start : ref.end], ref.start, ref.end),
    )


#: words opening a relative or subordinate clause before the person named after a quote
_SUBORDINATORS = frozenset({"où", "qui", "que", "qu'", "dont", "lorsque", "quand"})


def _governed(ctx: QuoteContext, ref: MentionRef) -> bool:
    """Whether a mention is governed by a preposition (``à la CGT``, ``de Paul``)."""
    toks = _tokens(ctx, ref.start, ref.end)
    if not toks or any(c.dep_ == "case" for t in toks for c in t.children):
        return True
    first = toks[0]
    before = first.doc[first.i - 1] if first.i > 0 else None
    if before is not None and before.pos_ == "DET" and first.i > 1:
        before = first.doc[first.i - 2]
    return before is not None and (before.pos_ == "ADP" or before.dep_ == "case")
