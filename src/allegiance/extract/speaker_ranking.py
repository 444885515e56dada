"""A trained last resort for quotes the speaker rules leave without a speaker.

The rules (:mod:`allegiance.extract.quotes` and the modules it calls) decline when no cue,
incise or description names a source. For a French quote they left with no speaker at all,
this module scores every named person and organisation mentioned near the quote with a small
conditional logit model (features of position, syntax and of what the rules said about the
article's other quotes) beside the choice of nobody (an unnamed source, or a speaker the
article never names near the quote). The quote gets the best candidate when it beats nobody
and its probability reaches the threshold stored with the weights; the quote's confidence is
then at most half that probability.

Only an actor named in the quote's own paragraph, and not one the rules read the quote as
being about, can be picked (the features still read the paragraph before); a written text read
out (a banner, a sign, a ruling) is given to no one. A quote whose
rules named a description (``un porte-parole``) is left alone: on the gold sets most of those
are unnamed sources, and the model cannot tell which are not.

The weights live in ``data/models/speaker_ranker.json``; ``scripts/train_speaker_ranker.py``
fits them on the repository's French gold sets (``eval/gold/fr-dev``, ``fr-synth``,
``fr-synth2``) with this module's own :func:`quote_candidates` and
:func:`abstention_features`, so training and use read the same features.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from allegiance.extract.lexicons import speech_cues
from allegiance.models import Entity, Mention, Quote, Span, Speaker

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: the shipped weights (``scripts/train_speaker_ranker.py`` writes them)
WEIGHTS = Path(__file__).resolve().parent.parent / "data" / "models" / "speaker_ranker.json"

#: the features, in the order of the stored weights
FEATURES = (
    "rule",  # the rules gave this quote this entity (never true for a quote the model fills)
    "rule_count",  # how many of the article's quotes the rules gave this entity (log)
    "before",  # mentioned before the quote, in the window
    "after",  # mentioned after the quote, in the window
    "log_distance",  # characters between the nearest mention and the quote (log, scaled)
    "same_sentence",  # a mention in a sentence the quote spans
    "subject",  # a mention is a clause's subject
    "subject_of_speech",  # … of a speech verb
    "subject_of_cue",  # … of the quote's own cue
    "object",
    "oblique",
    "apposition",
    "selon",  # a mention introduced by selon/pour
    "person",
    "log_mentions",  # the entity's mentions in the whole article (log, scaled)
    "most_mentioned",  # the person the article names most
    "previous_speaker",  # the rules' last named speaker before the quote
    # the "nobody named here" choice, scored beside the candidates: a quote of an unnamed source,
    # or one whose speaker the article never names near it
    "null",
    "null_headline",  # the quote opens in the article's first line
    "null_question",  # the quote ends on a question mark
    "null_cue",  # the rules found the quote's cue
    "null_described",  # the rules named a description (training only: such quotes are not filled)
)

#: characters after the quote that the window covers
_AFTER = 300
_SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
_OBLIQUES = frozenset({"obl", "obl:arg", "obl:mod", "nmod"})
_SOURCE_HEADS = frozenset({"selon", "pour"})
_OBJECTS = frozenset({"obj", "iobj"})


@dataclass(frozen=True, slots=True)
class SpeakerRanker:
    """Weights of the conditional logit and the probability a pick needs."""

    weights: dict[str, float]
    threshold: float

    def probabilities(self, candidates: list[dict[str, float]]) -> list[float]:
        """Softmax over the candidates of one quote."""
        scores = [sum(self.weights.get(k, 0.0) * v for k, v in f.items()) for f in candidates]
        if not scores:
            return []
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return [e / total for e in exps]

    def to_json(self, **about: object) -> str:
        return json.dumps(
            {"features": list(FEATURES), "weights": self.weights, "threshold": self.threshold}
            | about,
            indent=1,
            ensure_ascii=False,
        )


@cache
def packaged_ranker() -> SpeakerRanker:
    """The weights shipped with the package."""
    data = json.loads(WEIGHTS.read_text("utf-8"))
    return SpeakerRanker({k: float(v) for k, v in data["weights"].items()}, data["threshold"])


def _window(body: str, quote: Quote) -> tuple[int, int]:
    """From the start of the paragraph before the quote's to ``_AFTER`` characters past it."""
    own = body.rfind("\n", 0, quote.start)
    start = body.rfind("\n", 0, own - 1) if own > 0 else 0
    return max(0, start), min(len(body), quote.end + _AFTER)


def _paragraph(body: str, quote: Quote) -> tuple[int, int]:
    """The paragraph the quote opens in, to the end of the one it closes in."""
    start = body.rfind("\n", 0, quote.start) + 1
    end = body.find("\n", quote.end)
    return start, len(body) if end < 0 else end


def quote_candidates(
    doc: Doc, entities: list[Entity], quotes: list[Quote], index: int
) -> list[tuple[Entity, Span, dict[str, float]]]:
    """Each named person or organisation near ``quotes[index]``, its nearest mention outside
    the quote, and its features. ``quotes`` carry the rules' speakers."""
    quote = quotes[index]
    body = doc.text
    lo, hi = _window(body, quote)
    said: dict[str, int] = {}
    for q in quotes:
        if q.speaker is not None and q.speaker.entity is not None:
            said[q.speaker.entity] = said.get(q.speaker.entity, 0) + 1
    earlier = [q for q in quotes if q.start < quote.start and q.speaker and q.speaker.entity]
    previous = max(earlier, key=lambda q: q.start).speaker if earlier else None
    rule = quote.speaker.entity if quote.speaker else None
    covered = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    s0 = covered[0].sent.start if covered is not None and len(covered) else -1
    s1 = covered[-1].sent.end if covered is not None and len(covered) else -1
    cue = None
    if quote.cue is not None:
        cue_span = doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
        cue = cue_span.root.i if cue_span is not None and len(cue_span) else None
    verbs = speech_cues("fr").words
    actors = [e for e in entities if e.type in ("person", "organization")]
    most = max((len(e.mentions) for e in actors if e.type == "person"), default=0)
    out: list[tuple[Entity, Span, dict[str, float]]] = []
    for entity in actors:
        near = [
            m
            for m in entity.mentions
            if lo <= m.start < hi and not quote.start <= m.start < quote.end
        ]
        if not near:
            continue
        f: dict[str, float] = {}

        def gap(m: Mention) -> int:
            return max(0, quote.start - m.end if m.end <= quote.start else m.start - quote.end)

        nearest = min(near, key=gap)
        f["before"] = float(any(m.end <= quote.start for m in near))
        f["after"] = float(any(m.start >= quote.end for m in near))
        f["log_distance"] = math.log1p(gap(nearest)) / 7
        for m in near:
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            root = span.root
            if s0 <= root.i < s1:
                f["same_sentence"] = 1.0
            if root.dep_ in _SUBJECTS:
                f["subject"] = 1.0
                if root.head.lemma_.lower() in verbs:
                    f["subject_of_speech"] = 1.0
                if cue is not None and root.head.i == cue:
                    f["subject_of_cue"] = 1.0
            elif root.dep_ in _OBJECTS:
                f["object"] = 1.0
            elif root.dep_ in _OBLIQUES:
                f["oblique"] = 1.0
            elif root.dep_ == "appos":
                f["apposition"] = 1.0
            if any(t.lower_ in _SOURCE_HEADS for t in root.children if t.dep_ == "case"):
                f["selon"] = 1.0
        f["person"] = float(entity.type == "person")
        f["log_mentions"] = math.log1p(len(entity.mentions)) / 3
        f["most_mentioned"] = float(entity.type == "person" and len(entity.mentions) == most)
        f["previous_speaker"] = float(previous is not None and previous.entity == entity.id)
        f["rule_count"] = math.log1p(said.get(entity.id, 0)) / 2
        f["rule"] = float(entity.id == rule)
        out.append((entity, Span(nearest.text, nearest.start, nearest.end), f))
    return out


def abstention_features(body: str, quote: Quote) -> dict[str, float]:
    """Features of choosing nobody for ``quote``."""
    f = {"null": 1.0}
    first_line = body.find("\n")
    if first_line >= 0 and quote.start < first_line:  # a text of one paragraph has no headline
        f["null_headline"] = 1.0
    if quote.text.rstrip(" »\"”’'").endswith("?"):
        f["null_question"] = 1.0
    if quote.cue is not None:
        f["null_cue"] = 1.0
    if quote.speaker is not None and quote.speaker.entity is None:
        f["null_described"] = 1.0
    return f


#: words before a quote, in its sentence, that make it a written text nobody is heard saying:
#: a banner, a sign, a leaflet, a ruling (``Sur les banderoles, on pouvait lire « … »``)
_WRITTEN_LEMMAS = frozenset({"lire"})
_WRITTEN_NOUNS = frozenset(
    {
        "banderole",
        "pancarte",
        "affiche",
        "tract",
        "slogan",
        "panneau",
        "vitrine",
        "graffiti",
        "tag",
        "inscription",
        "écriteau",
        "attendu",
        "jugement",
        "arrêt",
        "ordonnance",
    }
)


def _written(doc: Doc, quote: Quote) -> bool:
    """The quote's sentence, before it, reads a written text (``on pouvait lire``)."""
    covered = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if covered is None or not len(covered):
        return False
    first = covered[0]
    return any(
        t.lemma_.lower() in _WRITTEN_LEMMAS
        or t.lower_ in _WRITTEN_LEMMAS
        or (t.pos_ == "NOUN" and t.lemma_.lower() in _WRITTEN_NOUNS)
        for t in doc[first.sent.start : first.i]
    )


def _pickable(doc: Doc, quotes: list[Quote], index: int, entity: Entity, about: set[str]) -> bool:
    """An actor the ranker may give ``quotes[index]`` to: not one the rules read it as being
    about (``X, la réplique de Y : « Elle … »``), and named in the quote's own paragraph,
    outside every quote, within the window its features read, once at least not as a
    clause's object (``« … », la CGT défie X``: X is addressed). The model leans on the last
    speaker, who rarely says what a new paragraph quotes."""
    if entity.id in about:
        return False
    quote = quotes[index]
    own = _paragraph(doc.text, quote)
    lo, hi = _window(doc.text, quote)
    for m in entity.mentions:
        if not max(own[0], lo) <= m.start < min(own[1], hi):
            continue
        if any(q.start <= m.start < q.end for q in quotes):
            continue
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is not None and len(span) and span.root.dep_ not in _OBJECTS:
            return True
    return False


def with_ranked_speakers(
    doc: Doc, entities: list[Entity], quotes: list[Quote], ranker: SpeakerRanker
) -> list[Quote]:
    """``quotes`` where each one the rules left without any speaker gets the ranker's best
    pickable candidate, when it beats choosing nobody and its probability reaches the ranker's
    threshold. A written text (a banner, a sign, a ruling read out) gets no one. Candidates
    are scored against the rules' output only, so one pick never feeds another."""
    picks: dict[int, Quote] = {}
    for i, quote in enumerate(quotes):
        if quote.speaker is not None or _written(doc, quote):
            continue
        about = {t.entity for t in quote.about}
        candidates = [
            c
            for c in quote_candidates(doc, entities, quotes, i)
            if _pickable(doc, quotes, i, c[0], about)
        ]
        probs = ranker.probabilities(
            [f for *_, f in candidates] + [abstention_features(doc.text, quote)]
        )
        best = max(range(len(probs)), key=probs.__getitem__)
        if best == len(candidates) or probs[best] < ranker.threshold:
            continue  # nobody, or no one likely enough
        entity, mention, _ = candidates[best]
        picks[i] = replace(
            quote,
            speaker=Speaker(entity.id, entity.name, mention),
            confidence=round(min(quote.confidence, 0.5 * probs[best]), 3),
        )
    return [picks.get(i, q) for i, q in enumerate(quotes)]


def fit_ranker(
    quotes: list[list[tuple[dict[str, float], bool]]],
    *,
    threshold: float,
    l2: float = 0.01,
    iterations: int = 600,
    rate: float = 0.5,
) -> SpeakerRanker:
    """Fit the conditional logit on quotes given as their choices' (features, is right) pairs,
    the choice of nobody (:func:`abstention_features`) among them, by full-batch gradient
    descent from zero (deterministic). Quotes with no right choice teach nothing and are
    skipped."""
    import numpy as np

    data = []
    for candidates in quotes:
        if not any(right for _, right in candidates):
            continue
        x = np.array([[f.get(k, 0.0) for k in FEATURES] for f, _ in candidates])
        y = np.array([float(right) for _, right in candidates])
        data.append((x, y / y.sum()))
    w = np.zeros(len(FEATURES))
    for _ in range(iterations):
        grad = l2 * w
        for x, y in data:
            s = x @ w
            p = np.exp(s - s.max())
            grad += x.T @ (p / p.sum() - y) / len(data)
        w -= rate * grad
    return SpeakerRanker(
        {k: round(float(v), 4) for k, v in zip(FEATURES, w, strict=True)}, threshold
    )
