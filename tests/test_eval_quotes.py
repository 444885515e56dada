"""Quote scoring, gold location and brat standoff reading (no model)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from allegiance.errors import GoldFormatError
from allegiance.evaluation.brat import parse_ann, read_split
from allegiance.evaluation.quotes import GoldQuote, QuoteScores, locate, locate_all, score_quotes
from allegiance.models import Quote, Span, Speaker, Target

BODY = "Smith said the plan failed. “We will win,” said Jones. Then Jones left the room."


def _quote(text: str, speaker: Speaker | None, about: list[Target] | None = None) -> Quote:
    start = BODY.index(text)
    return Quote(text, start, start + len(text), "direct", None, speaker, about or [])


def _gold(text: str, speaker: str | None, span: tuple[int, int] | None = None, **kw) -> GoldQuote:  # type: ignore[no-untyped-def]
    start = BODY.index(text)
    return GoldQuote(
        text,
        start,
        start + len(text),
        kw.get("kind", "direct"),
        speaker,
        span,
        kw.get("about", []),
        kw.get("polarity"),
    )


def test_locate_exact_folded_and_fuzzy() -> None:
    body = "Il a dit « c\u2019est l\u2019heure de partir maintenant » hier."
    exact = (11, 45)
    assert locate(body, "c\u2019est l\u2019heure de partir maintenant") == exact
    assert locate(body, "c'est l'heure de partir maintenant") == exact
    fuzzy = locate(body, "c'est l'heure de partir maintenan")  # a scraping slip
    assert fuzzy is not None and abs(fuzzy[0] - 11) <= 1
    assert locate(body, "rien à voir ici du tout") is None


def test_locate_prefers_the_occurrence_between_quotation_marks() -> None:
    body = "Accusé de recel de vérité, il dit ne pas chercher la « vérité » ici."
    start, end = locate(body, "vérité")  # type: ignore[misc]
    assert body[start - 2 : end + 2] == "« vérité »"
    assert locate("la vérité et la vérité", "vérité") == (3, 9)  # no marks: the first one


def test_a_quote_annotated_twice_takes_its_occurrences_in_turn() -> None:
    # a headline quote repeated in the body, or a paragraph the page prints twice: the guideline
    # annotates each occurrence, so two gold quotes of one text are two places
    body = "« Nous partons », dit-il. Il répète : « Nous partons ». Puis « Adieu »."
    first, second, other = locate_all(body, ["Nous partons", "Nous partons", "Adieu"])
    assert first == (2, 14) and second is not None and second[0] == body.rindex("Nous partons")
    assert other is not None and body[other[0] : other[1]] == "Adieu"
    # a third copy with no third occurrence goes back to the first
    assert locate_all(body, ["Nous partons"] * 3)[2] == (2, 14)


def test_overlap_threshold_and_one_to_one() -> None:
    jones = Speaker("jones", "Jones", None)
    predicted = [_quote("We will win", jones), _quote("We will", jones)]
    gold = [_gold("We will win", "jones")]
    lenient = score_quotes(predicted, gold, BODY, overlap=0.3)
    assert (lenient.matched, lenient.predicted, lenient.gold) == (1, 2, 1)
    assert lenient.precision == 0.5 and lenient.recall == 1.0
    strict = score_quotes([_quote("We will", jones)], gold, BODY, overlap=0.8)
    assert strict.matched == 0  # 2 of 3 gold tokens: below 0.8


def test_a_joint_quote_pairs_each_copy_with_its_own_speakers_gold() -> None:
    # one span said by two sources is one gold quote per speaker (the guideline) and one
    # predicted copy per speaker: equally covered pairs go to the same speaker first
    jones = Speaker("jones", "Jones", None)
    smith = Speaker("smith", "Smith", None)
    predicted = [_quote("We will win", jones), _quote("We will win", smith)]
    gold = [_gold("We will win", "smith"), _gold("We will win", "jones")]
    scores = score_quotes(predicted, gold, BODY, overlap=0.3)
    assert (scores.matched, scores.speaker_right) == (2, 2)


def test_errors_name_the_missed_spurious_and_misattributed_quotes() -> None:
    jones = Speaker("jones", "Jones", None)
    smith = Speaker("smith", "Smith", None)
    predicted = [_quote("We will win", smith), _quote("Then Jones left the room", jones)]
    gold = [_gold("We will win", "jones"), _gold("Smith said the plan failed", "smith")]
    scores = score_quotes(predicted, gold, BODY, overlap=0.3)
    assert scores.missed == ["direct «Smith said the plan failed»"]
    assert scores.spurious == ["direct «Then Jones left the room»"]
    assert scores.wrong_speakers == ["«We will win»: smith (gold jones)"]
    total = QuoteScores()
    total.add(scores)
    total.add(scores)
    assert len(total.missed) == 2 and total.speaker_judged == 2


def test_speaker_by_span_or_head_word_without_ids() -> None:
    span = (BODY.rindex("Jones") - 5, BODY.rindex("Jones") + 5)  # any span overlapping a mention
    s = BODY.index("Jones")
    by_span = Speaker(None, "Jones", Span("Jones", s, s + 5))
    by_head = Speaker(None, "Mr Jones", None)
    wrong = Speaker(None, "Smith", Span("Smith", 0, 5))
    gold = [_gold("We will win", "Jones", (s, s + 5))]
    assert (
        score_quotes([_quote("We will win", by_span)], gold, BODY, overlap=0.3).speaker_right == 1
    )
    assert (
        score_quotes([_quote("We will win", by_head)], gold, BODY, overlap=0.3).speaker_right == 1
    )
    assert score_quotes([_quote("We will win", wrong)], gold, BODY, overlap=0.3).speaker_right == 0
    assert span  # silence the linter about the unused helper value


def test_targets_and_stance_and_micro_average() -> None:
    q = _quote("We will win", Speaker("jones", "Jones", None), [Target("smith", -1)])
    g = _gold("We will win", "jones", about=["smith", "acme"], polarity=-1)
    total = QuoteScores()
    total.add(score_quotes([q], [g], BODY, overlap=0.3))
    total.add(
        score_quotes([], [_gold("the plan failed", "smith", kind="indirect")], BODY, overlap=0.3)
    )
    assert total.target_accuracy == 0.5 and total.stance_accuracy == 1.0
    assert total.gold == 2 and total.matched == 1 and total.recall == 0.5
    assert total.quote_speaker_f1 == pytest.approx(2 * 1.0 * 0.5 / 1.5)


def test_target_precision_counts_extra_targets() -> None:
    """A target the gold quote is not about counts against precision, and the error list names
    both the missed and the extra target."""
    q = _quote(
        "We will win", Speaker("jones", "Jones", None), [Target("smith", -1), Target("bank", 0)]
    )
    g = _gold("We will win", "jones", about=["smith", "acme"], polarity=-1)
    scores = score_quotes([q], [g], BODY, overlap=0.3)
    assert (scores.targets_predicted, scores.targets_right) == (2, 1)
    assert scores.target_precision == 0.5 and scores.target_accuracy == 0.5
    assert any("missed target acme" in e for e in scores.wrong_targets)
    assert any("extra target bank" in e for e in scores.wrong_targets)


ANN = (
    "T1\tSource 0 5\tSmith\n"
    "T2\tCue 6 10\tsaid\n"
    "T3\tContent 11 26\tthe plan failed\n"
    "T4\tAttribution 6 10\tsaid\n"
    "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    "T5\tContent 29 40\tWe will win\n"
    "T6\tCue 43 47\tsaid\n"
    "T7\tSource 48 53\tJones\n"
    "E2\tAttribution:T6 Content:T5 Cue:T6 Source:T7\n"
)


def test_parse_ann_kinds_and_sources() -> None:
    gold = parse_ann(ANN, BODY)
    assert [(g.text, g.kind, g.speaker) for g in gold] == [
        ("the plan failed", "indirect", "Smith"),
        ("We will win", "direct", "Jones"),
    ]
    assert gold[1].speaker_span == (48, 53)


def test_parse_ann_rejects_garbage() -> None:
    with pytest.raises(GoldFormatError):
        parse_ann("T1\tSource zero five\tSmith\n", BODY)


def test_read_split_keeps_one_annotation_per_article(tmp_path: Path) -> None:
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir()
    (tmp_path / "dev" / "text" / "doc-a.txt").write_text(BODY, "utf-8")
    (tmp_path / "dev" / "attributions" / "doc-a_4e07.ann").write_text(ANN, "utf-8")
    (tmp_path / "dev" / "attributions" / "doc-a_ef2d.ann").write_text("", "utf-8")
    docs = read_split(tmp_path, "dev")
    assert [(name, len(gold)) for name, _, gold in docs] == [("doc-a", 2)]


@pytest.mark.parametrize(
    ("entity", "problem"),
    [
        ({"key": "a", "name": "A", "type": ["A. Person"]}, "needs string key, name and type"),
        ({"key": "a", "name": "A", "type": "organisation"}, "has type 'organisation'"),
        ({"key": "a", "type": "person"}, "needs string key, name and type"),
    ],
)
def test_load_gold_names_the_file_and_the_bad_entity(
    tmp_path: Path, entity: dict, problem: str
) -> None:
    from allegiance.evaluation.gold import load_gold

    path = tmp_path / "bad.gold.json"
    gold = {"format": "allegiance-gold/1", "text_file": "x.txt", "entities": [entity]}
    path.write_text(json.dumps(gold), "utf-8")
    with pytest.raises(GoldFormatError) as err:
        load_gold(path)
    assert problem in str(err.value) and "bad.gold.json" in str(err.value)


def test_gold_entities_match_by_name_then_by_any_gold_form() -> None:
    from allegiance.evaluation.gold import match_entities
    from allegiance.models import Article, ArticleMeta, Entity

    article = Article(ArticleMeta("a"), "")
    article.entities = [
        Entity("china", "China", "organization", aliases=["Pékin"]),
        Entity("elon-musk", "Elon Musk", "person", aliases=["Musk"]),
    ]
    gold = {
        "entities": [
            {"key": "musk", "name": "Musk", "type": "person"},  # a predicted alias
            {"key": "chine", "name": "Chine", "type": "organization", "aliases": ["Pékin"]},
            {"key": "x", "name": "Xavier", "type": "person", "aliases": ["Musk"]},  # taken
        ]
    }
    mapping, entities, *_ = match_entities(article, gold)
    assert mapping == {"musk": "elon-musk", "chine": "china"}
    assert entities.misses == ["Xavier"]


def test_gold_title_alias_matches_the_surname_the_article_uses() -> None:
    """Gold ``Rafael Grossi`` with the alias ``M. Grossi``: an article that only ever writes
    ``M. Grossi`` gives the entity ``Grossi``, the same person; a bare alias is not stripped."""
    from allegiance.evaluation.gold import match_entities
    from allegiance.models import Article, ArticleMeta, Entity

    article = Article(ArticleMeta("a"), "")
    article.entities = [
        Entity("grossi", "Grossi", "person"),
        Entity("me", "Me", "person"),
    ]
    gold = {
        "entities": [
            {"key": "rg", "name": "Rafael Grossi", "type": "person", "aliases": ["M. Grossi"]},
            {"key": "jd", "name": "Jean Dupont", "type": "person", "aliases": ["Me"]},
        ]
    }
    mapping, entities, *_ = match_entities(article, gold)
    assert mapping == {"rg": "grossi", "jd": "me"}
    gold["entities"][0]["aliases"] = ["Grossi Rafael"]
    mapping, *_ = match_entities(article, gold)
    assert "rg" not in mapping
    # the surname must *name* the predicted entity: another Le Pen with the alias is not her
    article.entities = [Entity("jmlp", "Jean-Marie Le Pen", "person", aliases=["Le Pen"])]
    gold = {
        "entities": [
            {"key": "mlp", "name": "Marine Le Pen", "type": "person", "aliases": ["Mme Le Pen"]}
        ]
    }
    mapping, *_ = match_entities(article, gold)
    assert mapping == {}


def test_an_unnamed_source_pinned_on_a_named_actor_is_counted_apart() -> None:
    """The gold leaves the source of both quotes unnamed; the system keeps one unnamed (a
    description) and pins the other on Smith: one kept of two, and the error names Smith."""
    described = Speaker(None, "a neighbour", None)
    pinned = Speaker("smith", "Smith", None)
    predicted = [_quote("We will win", described), _quote("Then Jones left", pinned)]
    gold = [_gold("We will win", None), _gold("Then Jones left", None)]
    for g in gold:
        g.unnamed = True
    scores = score_quotes(predicted, gold, BODY, overlap=0.3)
    assert (scores.unnamed_kept, scores.unnamed_judged) == (1, 2)
    assert scores.speaker_judged == 0  # the speaker score judges named sources only
    assert len(scores.misnamed) == 1 and "smith" in scores.misnamed[0]


def test_detection_and_speakers_per_kind() -> None:
    from allegiance.evaluation.relations import _by_kind

    jones = Speaker("jones", "Jones", None)
    smith = Speaker("smith", "Smith", None)
    partial = _quote("We will win", smith)
    partial.kind = (
        "partial"  # found as a partial quote: counts for direct recall, partial precision
    )
    predicted = [partial, _quote("Then Jones left the room", jones)]
    gold = [
        _gold("We will win", "jones"),
        _gold("the plan failed", "smith", kind="indirect"),
    ]
    total = QuoteScores()
    total.add(score_quotes(predicted, gold, BODY, overlap=0.3))
    tallies = {
        k: (v.found, v.gold, v.correct_predicted, v.predicted) for k, v in _by_kind(total).items()
    }
    assert tallies["quotes@30 direct"] == (1, 1, 0, 1)
    assert tallies["quotes@30 partial"] == (0, 0, 1, 1)
    assert tallies["quotes@30 indirect"] == (0, 1, 0, 0)
    assert tallies["speaker|direct"] == (0, 1, 0, 0)  # Smith, gold Jones
    assert tallies["speaker|indirect"] == (0, 0, 0, 0)


def test_gold_alias_written_with_its_article_matches_the_bare_name() -> None:
    from allegiance.evaluation.gold import match_entities
    from allegiance.models import Article, ArticleMeta, Entity

    article = Article(ArticleMeta("a"), "")
    article.entities = [Entity("ars", "Agence régionale de santé", "organization")]
    gold = {
        "entities": [
            {
                "key": "ars-pdl",
                "name": "Agence régionale de santé Pays de la Loire",
                "type": "organization",
                "aliases": ["L'Agence régionale de santé", "l'ARS"],
            }
        ]
    }
    mapping, *_ = match_entities(article, gold)
    assert mapping == {"ars-pdl": "ars"}
