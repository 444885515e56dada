"""Whether a French stretch in quotation marks is someone's words or the author's typography.

The gold guidelines (``eval/gold/README.md``) count a marked fragment as a (partial) quote when it
is attributed to a source, and exclude scare quotes, names, titles, legal charges and imaginary
quotes. :func:`judge_marked` applies the rules that settle a case either way; it returns None when
none applies and the general rules of :mod:`allegiance.extract.quotes` decide.

Rules that reject:

* legal charges and qualifications (``mis en examen pour « détournement de fonds publics »``,
  ``plainte pour « … », « … » et « … »``): the words of the law, not of a speaker;
* an imaginary quote by the author (``« Tout va bien », pourrait commenter le Président``);
* titles and names: a reference (``« Titre », Le Monde diplomatique, juin 2018``), a title
  after ``(lire``, ``titrer``, ``dit``; a capitalised verbless phrase standing as the subject of
  the sentence (``«Les voix des Femmes» appelle …``) or with no speech cue at all (``la
  quotidienne “Les pieds sur terre”``).

Rules for short fragments (three words or fewer), the usual scare quotes:

* accepted when a speech cue with a speaker stands close to them, or when a fragment joined to
  them by ``et``/``ni``/``,`` has one (``« sans autorisation », ni « déclaration au fisc »,
  écrit Le Canard``), or when the sentence opens on ``Pour X,``;
* a participle qualifying a noun (``des documents publiés par la FEC``) or a passive without
  agent (``interpellé pour un selfie``) is not a speech cue for them.
"""

from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from allegiance.extract.attribution import attribute_marked, frame, is_cue, tokens_between
from allegiance.extract.fragment_cues import (
    NEGATION,
    apposed_epithet,
    fact_participle,
    governing_cue,
    nickname,
)
from allegiance.extract.fragment_owners import (
    in_content_clause,
    naming_verb_before,
    near_cue,
    opinion_frame,
    relative_opinion,
)
from allegiance.extract.quote_marks import MarkedSpan, find_marked_spans
from allegiance.extract.report_filters import passive_voice
from allegiance.extract.short_utterances import uttered_before_incise, whole_sentence
from allegiance.extract.speech_noun_owners import act_noun_author

if TYPE_CHECKING:
    from spacy.tokens import Token

    from allegiance.extract.attribution import Attribution
    from allegiance.extract.quote_context import QuoteContext

_WORD = re.compile(r"\w+")
#: a charge or qualification of the law right before the marks
_CHARGE_LEAD = re.compile(
    r"(?:\bpour|\bchefs? d'|\bchefs? de|\bsoupçons? de|\bsoupçons? d'|\bfaits de|\bdélit de|"
    r"\bcrime de|\bqualification de|\binfraction de)\s*(?:des\s+soupçons\s+(?:de|d')\s*)?$",
    re.IGNORECASE,
)
#: words of justice that make ``pour « … »`` a charge (within the sentence before the marks)
_JUSTICE = re.compile(
    r"\b(?:examen|plainte|enquête|information judiciaire|poursuivie?s?|condamnée?s?|"
    r"inculpée?s?|parquet|procureure?|procédure|instruction|jugée?s?|interpellée?s?|"
    r"arrêtée?s?|garde à vue|perquisition|renvoyée?s?|mise?s? en cause|soupçons?)\b",
    re.IGNORECASE,
)
#: what joins the fragments of one list (``« … », ni « … »``, ``« … » et de « … »``, ``une
#: « … » et une « … »``: a determiner may repeat before each fragment)
_JOINER = re.compile(
    r"^[\s,]*(?:et|ni|ou|,)?\s*(?:de la |de l'|du |des |de |d')?"
    r"(?:(?:un|une|le|la|les|l'|son|sa|ses|leur|leurs|cette|ce|ces)\s*)?\s*$"
)
#: words before the marks that make them a title or a name
_TITLE_BEFORE = re.compile(
    r"(?:\(\s*(?:lire|voir|cf\.?|écouter|regarder)?\s*|\btitr\w*\b[^.!?«»“”\n]{0,35}|"
    r"\bappelée?s?\s*|\brubrique\s*|\bhashtag\s*|\bmot-clé\s*)$",
    re.IGNORECASE,
)
#: a line pointing to another article (``>> À lire aussi :``, ``Voir aussi``): what follows is
#: that article's title, whatever it quotes
_READ_ALSO = re.compile(
    r"\W*(?:(?:à|a)\s+)?(?:lire|voir|écouter|regarder|relire|revoir)\s+(?:aussi|également)\b",
    re.IGNORECASE,
)
#: ``appelé « au calme »``: after ``appeler``, a fragment opening on ``à`` is what someone
#: called for, not a name
_CALL_TO = re.compile(r"\s*(?:à|au|aux)\b", re.IGNORECASE)
_MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
#: a bibliographic reference after the marks: ``», Le Monde diplomatique, juin 2018``
_REFERENCE_AFTER = re.compile(
    rf"\s*,\s*[A-ZÀ-Ý][^,.\n]{{1,60}},\s*(?:(?:n°|no)\s*\d+,?\s*)?(?:\d{{1,2}}\s+)?"
    rf"(?:{_MONTHS}|\d{{4}})",
    re.IGNORECASE,
)
_SENTENCE_PUNCT = ".!?…"
#: an acronym in brackets right after the closing mark: the marks held a body's name
_ACRONYM_AFTER = re.compile(r"\s*\(\s*[A-Z][A-Z0-9&.-]{1,9}\s*\)")
#: an article right before the opening mark: the marked words are a noun phrase
_ARTICLE_BEFORE = re.compile(r"\b(?:la|le|les|l'|l’|du|des|au|aux)\s*$", re.IGNORECASE)


def judge_marked(
    ctx: QuoteContext, ms: MarkedSpan, start: int, end: int, attribution: Attribution
) -> bool | None:
    """True (a quote), False (not a quote) or None (no rule applies) for a French marked span."""
    if ctx.lang != "fr":
        return None
    text = ctx.text
    open_at = ms.open_mark if ms.open_mark is not None else start
    close_at = ms.close_mark if ms.close_mark is not None else end
    # the later fragments of a list look back at this one: keep its attribution
    ctx.attribution_memo.setdefault((open_at, close_at), attribution)
    if is_charge(ctx, open_at):
        return False
    if attribution.cue is not None and _imaginary(attribution.cue):
        return False
    if _READ_ALSO.match(text, text.rfind("\n", 0, open_at) + 1, open_at):
        return False  # ``À lire aussi : X : « … »``: the title of a linked article
    title = _TITLE_BEFORE.search(text[max(0, open_at - 50) : open_at])
    if (
        title is not None
        and not _CALL_TO.match(text, start, end)
        and not _said_in_brackets(ctx, title.group(0), start, end)
    ):
        return False
    if _work_title(ctx, open_at, start, end) or _rating(ctx, open_at, start, end):
        return False
    if _denied_qualification(ctx, open_at):
        return False
    if _heading_repeated(ctx, open_at, close_at, start, end):
        return True
    if nickname(ctx, open_at, close_at) or apposed_epithet(ctx, open_at, close_at, attribution):
        return False
    if _REFERENCE_AFTER.match(text, close_at + 1):
        return False
    if _ACRONYM_AFTER.match(text, close_at + 1) and _ARTICLE_BEFORE.search(
        text, max(0, open_at - 8), open_at
    ):
        return False  # ``la « commission pour l'efficacité gouvernementale » (DOGE)``: a name
    content = tokens_between(ctx, start, end)
    if _is_name(ctx, content, start, end, attribution):
        return False
    if _uncued_list(ctx, open_at, close_at, attribution):
        return False
    if fact_participle(ctx, attribution, open_at, close_at) and not governing_cue(
        ctx, open_at, close_at
    ):
        return False
    if len(_WORD.findall(text[start:end])) <= 3 and not _finite(content, end):
        # a finite verb makes a sentence, not a label (``« C'est faux », a-t-il répondu``)
        return _short_fragment(ctx, ms, open_at, close_at, start, end, attribution)
    return None


#: how many fragments of one list are followed back or forth (``« … », « … » et « … »``)
_MAX_LIST = 8


@dataclass(frozen=True, slots=True)
class _SpanIndex:
    """The closed marked spans of an article, ordered twice for the list walks."""

    by_close: tuple[MarkedSpan, ...]  # closed spans, by closing mark
    close_keys: tuple[int, ...]
    by_anchor: tuple[MarkedSpan, ...]  # every span, by opening mark (content start if orphan)
    anchor_keys: tuple[int, ...]


def _anchor(ms: MarkedSpan) -> int:
    return ms.open_mark if ms.open_mark is not None else ms.start


@functools.lru_cache(maxsize=8)
def _span_index(text: str) -> _SpanIndex:
    """The marked spans of the whole article, found once (the list walks of every fragment used
    to rerun the search over the line, which made long lists cubic). Keyed by the text: a
    QuoteContext reads its text once, so every call of an article hits the same string."""
    spans = find_marked_spans(text, single_quotes=True)
    closed = sorted((s for s in spans if s.close_mark is not None), key=lambda s: s.close_mark or 0)
    anchored = sorted(spans, key=_anchor)
    return _SpanIndex(
        tuple(closed),
        tuple(s.close_mark or 0 for s in closed),
        tuple(anchored),
        tuple(_anchor(s) for s in anchored),
    )


def is_charge(ctx: QuoteContext, open_at: int) -> bool:
    """``mis en examen pour « … »``, and the fragments listed after it (``, « … » et « … »``):
    the list is followed back at most :data:`_MAX_LIST` fragments."""
    text = ctx.text
    for _ in range(_MAX_LIST + 1):
        line_start = text.rfind("\n", 0, open_at) + 1
        if _CHARGE_LEAD.search(text, max(line_start, open_at - 80), open_at):
            lead = text[line_start:open_at]
            sentence = re.split(r"[.!?]\s", lead)[-1]
            return _JUSTICE.search(sentence) is not None
        previous = _previous_in_list(ctx, open_at)
        if previous is None:
            return False
        open_at = _anchor(previous)
    return False


def _previous_in_list(ctx: QuoteContext, open_at: int) -> MarkedSpan | None:
    """The marked span this one follows in a list (``« … », « … » et « … »``), if any."""
    text = ctx.text
    index = _span_index(text)
    k = bisect.bisect_left(index.close_keys, open_at) - 1
    if k < 0:
        return None
    last = index.by_close[k]
    line_start = text.rfind("\n", 0, open_at) + 1
    if _anchor(last) < line_start:
        return None
    gap = text[index.close_keys[k] + 1 : open_at]
    return last if _JOINER.match(gap) else None


def _next_in_list(ctx: QuoteContext, close_at: int) -> MarkedSpan | None:
    text = ctx.text
    index = _span_index(text)
    k = bisect.bisect_right(index.anchor_keys, close_at)
    if k >= len(index.by_anchor):
        return None
    first = index.by_anchor[k]
    if first.open_mark is None or first.close_mark is None:
        return None
    if "\n" in text[close_at : first.open_mark]:
        return None
    return first if _JOINER.match(text[close_at + 1 : first.open_mark]) else None


def _attribution_of(ctx: QuoteContext, ms: MarkedSpan) -> Attribution:
    open_at = ms.open_mark if ms.open_mark is not None else ms.start
    close_at = ms.close_mark if ms.close_mark is not None else ms.end
    memo = ctx.attribution_memo  # per article: a fragment of a long list sees 16 neighbours
    if (open_at, close_at) not in memo:
        memo[(open_at, close_at)] = attribute_marked(ctx, open_at, close_at, (ms.start, ms.end))
    return memo[(open_at, close_at)]


def _uncued_list(ctx: QuoteContext, open_at: int, close_at: int, attribution: Attribution) -> bool:
    """A list of marked phrases (``de « … » et de « … »``) with no speech cue and no speaker for
    any of them: terms of a text (a bill, a report), not someone's words. A list after a
    colon (``notre consœur : « … », « … »``) is left to the general rules."""
    if attribution.cue is not None or attribution.speaker is not None:
        return False
    chain: list[MarkedSpan] = []
    k = _previous_in_list(ctx, open_at)
    while k is not None and k.open_mark is not None and len(chain) < 8:
        chain.append(k)
        k = _previous_in_list(ctx, k.open_mark)
    k = _next_in_list(ctx, close_at)
    while k is not None and k.close_mark is not None and len(chain) < 8:
        chain.append(k)
        k = _next_in_list(ctx, k.close_mark)
    if not chain:
        return False
    first = min([open_at] + [c.open_mark for c in chain if c.open_mark is not None])
    if ctx.text[:first].rstrip().endswith(":"):
        return False
    for other in chain:
        if other.open_mark is None or other.close_mark is None:
            return False
        att = _attribution_of(ctx, other)
        if att.cue is not None or att.speaker is not None:
            return False
    return True


#: nouns of a work whose title follows in marks (``son livre de souvenirs, « Les … »``)
_WORK_BEFORE = re.compile(
    r"\b(?:livres?|romans?|essais?|ouvrages?|récits?|recueils?|mémoires|biographies?|"
    r"autobiographies?|bandes? dessinées?|BD|films?|documentaires?|long-métrages?|"
    r"courts?-métrages?|séries?|feuilletons?|albums?|chansons?|disques?|singles?|titres?|"
    r"pièces?|spectacles?|opéras?|émissions?|podcasts?|expositions?|tableaux?|poèmes?|"
    r"publiée?s?|paru|parue?s?|sortie?s?)\b[^.!?:«»“”\n]{0,40}$",
    re.IGNORECASE,
)


def _work_title(ctx: QuoteContext, open_at: int, start: int, end: int) -> bool:
    """``son livre de souvenirs, « Les Jardins de … »``, ``a publié « Les Chemins … »``: a
    capitalised verbless phrase after the noun of a work, or a verb of publishing, is the title."""
    content = ctx.text[start:end].strip()
    words = _WORD.findall(content)
    if not words or len(words) > 10 or not content[:1].isupper():
        return False
    if content[-1:] in _SENTENCE_PUNCT or _finite(tokens_between(ctx, start, end), end):
        return False
    return (
        _WORK_BEFORE.search(ctx.text, max(0, open_at - 60), open_at) is not None
        or _SHOW_BEFORE.search(ctx.text, max(0, open_at - 30), open_at) is not None
    )


#: a studio set or a microphone whose show's title follows right after (``sur le plateau des
#: « Vraies Voix »``, ``au micro de « Questions politiques »``)
_SHOW_BEFORE = re.compile(r"\b(?:plateau|micro|antenne)\s+(?:de\s+la\s+|de\s+l'|des|du|de|d')\s*$")


#: the ratings of financial analysts (``abaissant sa recommandation de « achat » à « conserver »``)
_RATINGS = {
    "achat", "achats", "acheter", "vente", "vendre", "conserver", "neutre", "renforcer",
    "alléger", "accumuler", "surperformance", "sous-performance", "surperformer",
    "sous-performer", "surpondérer", "sous-pondérer", "surpondération", "sous-pondération",
    "buy", "sell", "hold", "outperform", "underperform", "overweight", "underweight",
}  # fmt: skip
#: the words around a rating that make it one
_RATING_CONTEXT = re.compile(
    r"\b(?:recommandations?|analystes?|notes?|conseils?|objectifs? de cours|opinion|relève|"
    r"relevé|abaiss\w*|dégrad\w*|rehauss\w*|titres?|actions?)\b",
    re.IGNORECASE,
)


def _rating(ctx: QuoteContext, open_at: int, start: int, end: int) -> bool:
    """``de « achat » à « conserver »``: a one-word analyst rating is a label of the trade, not a
    word of the analyst, when the sentence speaks of a recommendation."""
    if "-".join(_WORD.findall(ctx.text[start:end].lower())) not in _RATINGS:
        return False
    f_start, f_end = frame(ctx, open_at, end)
    return _RATING_CONTEXT.search(ctx.text, f_start, f_end) is not None


def _denied_qualification(ctx: QuoteContext, open_at: int) -> bool:
    """``l'eau n'a pas été déclarée « impropre à la consommation »``: a negated passive with no
    agent before the marks denies that anyone used the words; nobody is quoted."""
    before = [t for t in tokens_between(ctx, max(0, open_at - 60), open_at) if t.idx < open_at]
    before = [t for t in before if not t.is_space]
    while before and (before[-1].pos_ == "ADV" or before[-1].lower_ in {"de", "d'", "comme"}):
        if before[-1].lower_ in NEGATION:
            break
        before.pop()
    if not before:
        return False
    verb = before[-1]
    if "Part" not in verb.morph.get("VerbForm", []) or not passive_voice(verb):
        return False
    window = verb.doc[max(verb.sent.start, verb.i - 5) : verb.i]
    if not any(t.lower_ in NEGATION for t in window):
        return False
    after = ctx.text[open_at : open_at + 200]
    close = re.search(r"[»”]", after)
    tail = after[close.end() :] if close is not None else ""
    return not re.match(r"\s*,?\s*par\b", tail)


def _heading_repeated(ctx: QuoteContext, open_at: int, close_at: int, start: int, end: int) -> bool:
    """A sub-heading that is a marked phrase (``« Un chantage permanent »`` on its own line, or
    run into its paragraph as a sentence of its own: ``« Un chantage ». « Ce chantage permanent
    … »``; a noun may precede the marks: ``Des mesures « injustes ».``) quotes words the body
    quotes again: the same words in marks elsewhere, alone or inside a longer quote, make it a
    quote."""
    text = ctx.text
    line_start = text.rfind("\n", 0, open_at) + 1
    line_end = text.find("\n", close_at)
    line_end = len(text) if line_end < 0 else line_end
    lead = tokens_between(ctx, line_start, open_at) if text[line_start:open_at].strip() else []
    lead = [t for t in lead if t.idx < open_at and not t.is_space]
    if len(lead) > 3 or any(t.is_punct or t.pos_ in {"VERB", "AUX"} for t in lead):
        return False  # a heading is verbless: at most a noun and its determiner before the marks
    rest = text[close_at + 1 : line_end]
    if rest.strip(" .!?") and not re.match(r"\s*[.!?]\s+\S", rest):
        return False
    words = text[start:end].strip(" .!?").lower()
    if len(_WORD.findall(words)) < 2:
        return False
    whole = re.compile(rf"(?<!\w){re.escape(words)}(?!\w)")
    for other in _span_index(text).by_anchor:
        if other.start <= start < other.end or other.end <= other.start:
            continue
        if whole.search(text[other.start : other.end].lower()):
            return True
    return False


def _imaginary(cue: Token) -> bool:
    """``pourrait commenter X``: a conditional ``pouvoir`` governing the cue."""
    doc = cue.doc
    for tok in doc[max(0, cue.i - 3) : cue.i]:
        if tok.lemma_.lower() == "pouvoir" and "Cnd" in tok.morph.get("Mood", []):
            return True
    return False


def _said_in_brackets(ctx: QuoteContext, before: str, start: int, end: int) -> bool:
    """``(« Le calendrier sera tenu », a-t-il répété)``: a bare bracket before the marks holds
    words someone said when they make a clause (a finite verb), not a title or a workshop's
    name (``(« Comment tenir une tribune en AG ? », « Dessiner une affiche »)``)."""
    if before.strip() != "(":
        return False
    return _finite(tokens_between(ctx, start, end), end)


#: a word, then the opening mark and its spaces, right before a quote's content
_AFTER_WORD = re.compile(r"\w[ \u00a0]*[«“\"]?[ \u00a0]*\Z")
#: verbs of making or issuing a work: their marked, capitalised verbless object is its title
_MAKING_VERBS = frozenset(
    {"publier", "sortir", "signer", "réaliser", "tourner", "composer", "chanter", "éditer",
     "adapter", "produire"}
)  # fmt: skip


#: the article a work's title opens with
_TITLE_OPENING = re.compile(r"(?:Le|La|Les|L'|L’|Un|Une)\b")


def _is_name(
    ctx: QuoteContext, content: list[Token], start: int, end: int, attribution: Attribution
) -> bool:
    """A capitalised verbless phrase: a name or a title, when it is the subject of the verb
    after it or when no speech cue goes with it."""
    words = _WORD.findall(ctx.text[start:end])
    if not words or len(words) > 6 or not ctx.text[start : start + 1].isupper():
        return False
    if ctx.text[start:end].rstrip()[-1:] in _SENTENCE_PUNCT:
        return False
    if any("Fin" in t.morph.get("VerbForm", []) for t in content if t.idx < end):
        return False
    inside = {t.i for t in content}
    for tok in content:
        if (
            tok.dep_ in {"nsubj", "nsubj:pass"}
            and tok.head.i not in inside
            and tok.head.idx > end
            and tok.head.pos_ in {"VERB", "AUX"}
            # ``« Une politique d'amateurs », a dit X``: a comma after the marks makes the verb
            # an incise with its own inverted subject
            and "," not in ctx.text[end : tok.head.idx]
        ):
            return True  # ``«Les voix des Femmes» appelle …``
    after = (
        next((t for t in ctx.doc[content[-1].i + 1 :] if not t.is_space), None) if content else None
    )
    if after is not None and after.text in {"»", "”", '"'}:
        after = next((t for t in ctx.doc[after.i + 1 :] if not t.is_space), None)
    if (
        after is not None
        and after.pos_ in {"VERB", "AUX"}
        and "Fin" in after.morph.get("VerbForm", [])
        and not is_cue(ctx, after)
    ):
        return True  # ``Selon le WSJ, «America PAC» dédie …``: the name is the subject
    if attribution.cue is None:
        before = ctx.text[max(0, start - 6) : start]
        # after a word (``la quotidienne “…”``, ``signe avec « La Nuit des loups »``, the French
        # spaces inside the marks included), not after a colon or at a sentence start
        return bool(_AFTER_WORD.search(before))
    cue = attribution.cue
    # ``X publie « Les Heures blanches »``, ``X signe « La Nuit des loups »``: a capitalised
    # verbless phrase right after a verb of making a work is the work's title; after ``écrire``,
    # a speech verb too, only a title's shape (an article opening it: ``a écrit « La Nuit des
    # loups »``, not ``a écrit « Honte à ce gouvernement » sur Facebook``)
    lemma = cue.lemma_.lower()
    titled = lemma in _MAKING_VERBS or (
        lemma == "écrire" and _TITLE_OPENING.match(ctx.text, start) is not None
    )
    return (
        titled
        and cue.idx < start
        and not ctx.text[cue.idx + len(cue.text) : start].strip(' \u00a0«“"')
    )


def _short_fragment(
    ctx: QuoteContext,
    ms: MarkedSpan,
    open_at: int,
    close_at: int,
    start: int,
    end: int,
    attribution: Attribution,
) -> bool | None:
    """Three words or fewer: spoken only when a speech cue with a speaker is near, its own or
    that of a fragment listed with it."""
    if uttered_before_incise(ctx, open_at, close_at, attribution):
        return True
    if near_cue(ctx, attribution, open_at, close_at) or in_content_clause(
        ctx, attribution, open_at, close_at
    ):
        if _single_capitalised(ctx, start, end) and not whole_sentence(
            ctx, open_at, close_at, attribution
        ):
            return None  # ``« Renaissance »``: perhaps a name
        return True
    for neighbour in (_previous_in_list(ctx, open_at), _next_in_list(ctx, close_at)):
        if neighbour is None or neighbour.open_mark is None or neighbour.close_mark is None:
            continue
        other = _attribution_of(ctx, neighbour)
        if near_cue(ctx, other, neighbour.open_mark, neighbour.close_mark):
            return True
    if governing_cue(ctx, open_at, close_at):
        return not (
            _single_capitalised(ctx, start, end)
            and not whole_sentence(ctx, open_at, close_at, attribution)
        )
    if opinion_frame(ctx, open_at, close_at) or naming_verb_before(ctx, open_at):
        return True
    if relative_opinion(ctx, open_at, close_at):
        return True
    if act_noun_author(ctx, open_at, close_at) is not None:
        return True  # ``l'appel de X à « plus d'armes »``
    if attribution.cue is not None:
        # a cue that is no speech act, or one too far away to own a word or two
        # (``relevant de « multi-annonceurs » est passé de … à …, relève l'IPR``)
        return False
    return None


def _finite(content: list[Token], end: int) -> bool:
    return any("Fin" in t.morph.get("VerbForm", []) for t in content if t.idx < end)


def _single_capitalised(ctx: QuoteContext, start: int, end: int) -> bool:
    words = _WORD.findall(ctx.text[start:end])
    return len(words) == 1 and words[0][:1].isupper()


__all__ = ["is_charge", "judge_marked"]
