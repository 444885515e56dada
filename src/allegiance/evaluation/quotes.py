"""Score predicted quotes against gold quotes: detection, speaker, targets and stance.

Matching follows the attribution literature (PARC/PolNeAR): a predicted quote matches a gold one
when the word tokens they share cover at least ``overlap`` of BOTH (0.3 is the lenient setting,
0.8 the strict one); pairs are taken one-to-one, greedily by overlap. Scores add up over documents
(micro-averaging) with :meth:`QuoteScores.add`.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field

from allegiance.models import Quote

_TOKEN = re.compile(r"\w+", re.UNICODE)


@dataclass(slots=True)
class GoldQuote:
    text: str
    start: int
    end: int
    kind: str
    speaker: str | None  # entity id, or the source's text for corpora without ids
    speaker_span: tuple[int, int] | None
    about: list[str] = field(default_factory=list)
    polarity: int | None = None
    label: str | None = None  # how an error report names the gold speaker (its gold key)
    #: the gold names no entity for the source ("une source proche du dossier", or nobody):
    #: a prediction that pins the quote on a named actor is wrong, whatever the speaker score
    unnamed: bool = False


@dataclass(slots=True)
class QuoteScores:
    """Counts (so documents add up), the rates computed from them, and the errors behind them."""

    predicted: int = 0
    gold: int = 0
    matched: int = 0
    speaker_right: int = 0
    speaker_judged: int = 0  # matched pairs whose gold has a speaker
    unnamed_judged: int = 0  # matched pairs whose gold source is unnamed
    unnamed_kept: int = 0  # of those, the predictions that name no actor either
    targets_gold: int = 0
    targets_found: int = 0
    targets_predicted: int = 0  # entities the matched predictions say they are about
    targets_right: int = 0  # of those, the ones the gold quote is about
    stance_judged: int = 0
    stance_right: int = 0
    missed: list[str] = field(default_factory=list)  # gold quotes no prediction matched
    spurious: list[str] = field(default_factory=list)  # predictions that matched no gold quote
    wrong_speakers: list[str] = field(default_factory=list)  # matched, speaker not the gold one
    wrong_targets: list[str] = field(default_factory=list)  # matched, a target missed or extra
    misnamed: list[str] = field(default_factory=list)  # an unnamed source given a named actor
    #: the kind of every gold and every predicted quote, and of those matched, so that detection
    #: and speakers can be read per kind (direct, partial, indirect); lists, so documents add up
    gold_kinds: list[str] = field(default_factory=list)
    predicted_kinds: list[str] = field(default_factory=list)
    matched_gold_kinds: list[str] = field(default_factory=list)
    matched_predicted_kinds: list[str] = field(default_factory=list)
    #: for each matched pair whose gold has a speaker: the gold kind and whether the speaker is right
    speakers_by_kind: list[tuple[str, bool]] = field(default_factory=list)

    def add(self, other: QuoteScores) -> None:
        for name in self.__slots__:  # type: ignore[attr-defined]
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_right / self.speaker_judged if self.speaker_judged else 0.0

    @property
    def unnamed_kept_rate(self) -> float:
        """Of the matched quotes whose source the gold leaves unnamed, the share the system
        did not pin on a named actor (it gave a description or no speaker)."""
        return self.unnamed_kept / self.unnamed_judged if self.unnamed_judged else 0.0

    @property
    def quote_speaker_f1(self) -> float:
        """F1 where a hit needs both the quote and its speaker right."""
        p = self.speaker_right / self.predicted if self.predicted else 0.0
        r = self.speaker_right / self.gold if self.gold else 0.0
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def target_accuracy(self) -> float:
        return self.targets_found / self.targets_gold if self.targets_gold else 0.0

    @property
    def target_precision(self) -> float:
        """Of the entities the matched predictions say they are about, the share the gold
        quote is about: what keeps a system from listing every name near a quote."""
        return self.targets_right / self.targets_predicted if self.targets_predicted else 0.0

    @property
    def stance_accuracy(self) -> float:
        return self.stance_right / self.stance_judged if self.stance_judged else 0.0

    def __str__(self) -> str:
        unnamed = (  # corpora without unnamed sources (brat's Source spans) leave it out
            f"unnamed kept={self.unnamed_kept_rate:.3f} ({self.unnamed_kept}/{self.unnamed_judged}) "
            if self.unnamed_judged
            else ""
        )
        return (
            f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
            f"speaker={self.speaker_accuracy:.3f} ({self.speaker_right}/{self.speaker_judged}) "
            f"{unnamed}quote+speaker F1={self.quote_speaker_f1:.3f} "
            f"targets={self.target_accuracy:.3f} (P {self.target_precision:.3f}) stance={self.stance_accuracy:.3f} "
            f"[pred={self.predicted} gold={self.gold} matched={self.matched}]"
        )


def _tokens(body: str, start: int, end: int) -> set[int]:
    """Start offsets of the word tokens inside [start, end): shared offsets = shared tokens."""
    return {start + m.start() for m in _TOKEN.finditer(body[start:end])}


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    for a, b in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(a, b)
    return text


_OPEN_MARKS, _CLOSE_MARKS = '«“"', '»”"'


def _between_marks(body: str, at: int, end: int) -> bool:
    before, after = body[max(0, at - 2) : at], body[end : end + 2]
    return any(m in before for m in _OPEN_MARKS) and any(m in after for m in _CLOSE_MARKS)


def locate(
    body: str, text: str, taken: frozenset[tuple[int, int]] = frozenset()
) -> tuple[int, int] | None:
    """Where gold ``text`` lies in ``body``: exact, then apostrophe/quote-folded, then fuzzy.

    Gold files give a quote's text, not its offsets: when the text occurs more than once, the
    occurrence between quotation marks is the quote ("ne pas chercher la « vérité »" rather than
    an earlier "vérité" in running text), else the first one. Occurrences in ``taken`` (given
    to an earlier gold quote of the same text) are passed over while another is left."""
    at = body.find(text)
    if at != -1:
        n = len(text)
        spans = []
        while at != -1:
            spans.append((at, at + n))
            at = body.find(text, at + 1)
        free = [sp for sp in spans if sp not in taken] or spans
        return next((sp for sp in free if _between_marks(body, *sp)), free[0])
    folded_body, folded = _fold(body), _fold(text).strip()
    if len(folded_body) == len(body):
        at = folded_body.find(folded)
        if at != -1:
            return at, at + len(folded)
    matcher = difflib.SequenceMatcher(None, folded_body, folded, autojunk=False)
    best = matcher.find_longest_match(0, len(folded_body), 0, len(folded))
    if best.size < max(8, len(folded) // 3):
        return None
    start = max(0, best.a - best.b)
    end = min(len(body), start + len(folded))
    return start, end


def locate_all(body: str, texts: list[str]) -> list[tuple[int, int] | None]:
    """:func:`locate` for each of a document's gold quotes in order: a text annotated twice (a
    headline quote repeated in the body, a paragraph the page prints twice) takes its
    occurrences one after the other instead of both the first."""
    taken: set[tuple[int, int]] = set()
    spans = []
    for text in texts:
        span = locate(body, text, frozenset(taken))
        if span is not None:
            taken.add(span)
        spans.append(span)
    return spans


def _overlap(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return min(shared / len(a), shared / len(b))


def _head_word(text: str) -> str:
    words = _TOKEN.findall(text)
    return words[-1].lower() if words else ""


def speaker_matches(pred: Quote, gold: GoldQuote, body: str) -> bool:
    """Same entity id; or (no ids) the predicted mention overlaps the gold source span, or the
    head words agree (``Caddell`` for ``longtime Democratic pollster Pat Caddell``)."""
    if pred.speaker is None or gold.speaker is None:
        return False
    if pred.speaker.entity is not None and pred.speaker.entity == gold.speaker:
        return True
    if gold.speaker_span is None:
        return False
    mention = pred.speaker.mention
    g0, g1 = gold.speaker_span
    if mention is not None and mention.start < g1 and g0 < mention.end:
        return True
    gold_head = _head_word(body[g0:g1])
    names = {_head_word(pred.speaker.name)}
    if mention is not None:
        names.add(_head_word(mention.text))
    return bool(gold_head) and gold_head in names


def _excerpt(text: str, width: int = 60) -> str:
    text = " ".join(text.split())
    return f"«{text[:width]}…»" if len(text) > width else f"«{text}»"


def _speaker_label(pred: Quote) -> str:
    if pred.speaker is None:
        return "no speaker"
    return pred.speaker.entity or f"{pred.speaker.name!r} (no entity)"


def pair_spans(
    body: str,
    left: list[tuple[int, int]],
    right: list[tuple[int, int]],
    overlap: float,
    prefer: Callable[[int, int], bool] | None = None,
) -> list[tuple[int, int]]:
    """One-to-one pairs (index in ``left``, index in ``right``) of spans of ``body`` whose shared
    words cover at least ``overlap`` of both, best-covered pairs first; among equally covered
    pairs, those ``prefer`` holds for first (a quote said jointly is one span per speaker in
    both lists: each copy pairs with its own speaker's)."""
    left_toks = [_tokens(body, a, b) for a, b in left]
    right_toks = [_tokens(body, a, b) for a, b in right]
    scored = []
    for i, lt in enumerate(left_toks):
        for j, rt in enumerate(right_toks):
            ov = _overlap(lt, rt)
            if ov >= overlap and ov > 0:
                scored.append((ov, prefer is not None and prefer(i, j), i, j))
    scored.sort(key=lambda x: (-x[0], not x[1]))
    used_l: set[int] = set()
    used_r: set[int] = set()
    pairs = []
    for _, _, i, j in scored:
        if i in used_l or j in used_r:
            continue
        used_l.add(i)
        used_r.add(j)
        pairs.append((i, j))
    return pairs


def score_quotes(
    predicted: list[Quote], gold: list[GoldQuote], body: str, *, overlap: float
) -> QuoteScores:
    """Detection, speaker, target and stance scores of one document."""
    scores = QuoteScores(
        predicted=len(predicted),
        gold=len(gold),
        gold_kinds=[g.kind for g in gold],
        predicted_kinds=[p.kind for p in predicted],
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = pair_spans(
        body,
        [(q.start, q.end) for q in predicted],
        [(g.start, g.end) for g in gold],
        overlap,
        lambda i, j: gold[j].speaker is not None and speaker_matches(predicted[i], gold[j], body),
    )
    for i, j in pairs:
        used_p.add(i)
        used_g.add(j)
        scores.matched += 1
        pred, g = predicted[i], gold[j]
        scores.matched_gold_kinds.append(g.kind)
        scores.matched_predicted_kinds.append(pred.kind)
        if g.speaker is not None:
            scores.speaker_judged += 1
            right = speaker_matches(pred, g, body)
            scores.speakers_by_kind.append((g.kind, right))
            if right:
                scores.speaker_right += 1
            else:
                scores.wrong_speakers.append(
                    f"{_excerpt(g.text, 40)}: {_speaker_label(pred)} (gold {g.label or g.speaker})"
                )
        elif g.unnamed:
            scores.unnamed_judged += 1
            if pred.speaker is None or pred.speaker.entity is None:
                scores.unnamed_kept += 1
            else:
                scores.misnamed.append(f"{_excerpt(g.text, 40)}: {_speaker_label(pred)}")
        stances = {t.entity: t.stance for t in pred.about}
        for target in g.about:
            scores.targets_gold += 1
            if target in stances:
                scores.targets_found += 1
                if g.polarity is not None:
                    scores.stance_judged += 1
                    scores.stance_right += stances[target] == g.polarity
            else:
                scores.wrong_targets.append(f"{_excerpt(g.text, 40)}: missed target {target}")
        for target in stances:
            scores.targets_predicted += 1
            if target in g.about:
                scores.targets_right += 1
            else:
                scores.wrong_targets.append(f"{_excerpt(g.text, 40)}: extra target {target}")
    scores.missed = [f"{g.kind} {_excerpt(g.text)}" for j, g in enumerate(gold) if j not in used_g]
    scores.spurious = [
        f"{p.kind} {_excerpt(p.text)}" for i, p in enumerate(predicted) if i not in used_p
    ]
    return scores
