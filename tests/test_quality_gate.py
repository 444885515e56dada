"""The quality gate: the demo article's scores against its gold file must not drop below floors.

The floors are the scores measured when each capability landed; lower one only on purpose, in a
commit that says why (trafilatura's habit). Runs the real French pipeline. The French dev gold
(eval/gold/fr-dev, 31 articles) has its own floors; its texts are read from the shared corpus at
run time, so that gate runs where the corpus is and is skipped elsewhere. The synthetic French
set (eval/gold/fr-synth, 18 invented articles whose texts are in the repository) runs everywhere.
"""

from __future__ import annotations

import pytest

from allegiance.evaluation.gold import evaluate_files
from conftest import CORPUS, EXAMPLE_GOLD, ROOT

# metric -> (minimum recall, minimum precision or None)
FLOORS: dict[str, tuple[float, float | None]] = {
    "boilerplate": (1.0, None),
    "entities": (1.0, None),
    "entity_types": (1.0, None),
    "tickers": (1.0, None),
    "amounts": (1.0, 1.0),
    "dates": (1.0, None),
    # issue 3: at least 14 of the 15 gold quotes, with the right speaker
    "quotes@30": (14 / 15, 0.75),
    "quote+speaker@30": (14 / 15, None),
    # issue 4: at least 11 of the 13 gold relations with the right direction and sign
    "relations": (11 / 13, 0.75),
}


@pytest.fixture(scope="module")
def scores() -> dict[str, dict[str, object]]:
    report = evaluate_files([EXAMPLE_GOLD])
    return report["totals"]


@pytest.mark.model
@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_example_scores_stay_above_their_floors(scores: dict, metric: str) -> None:
    recall_floor, precision_floor = FLOORS[metric]
    got = scores[metric]
    assert got["recall"] is not None and got["recall"] >= recall_floor, (metric, got)
    if precision_floor is not None:
        assert got["precision"] >= precision_floor, (metric, got)


# French dev gold, measured 2026-11-25 (tuned on: these guard against regressions, they are not
# the held-out measure); re-set 2026-11-26 after the gold made states actors (13 more gold
# relations, most between states) and the day's rules (entities 0.898/0.794, quotes@30
# 0.914/0.907, speakers 0.864). metric -> (minimum recall, minimum precision or None)
DEV_FLOORS: dict[str, tuple[float, float | None]] = {
    "entities": (0.88, 0.79),  # precision 0.810 on 2026-11-26 (third session)
    "entity_types": (0.98, None),
    "amounts": (0.93, 0.80),
    "dates": (0.86, None),
    "quotes@30": (0.91, 0.89),
    "quote+speaker@30": (0.75, 0.73),
    "speaker|matched": (0.87, None),  # 0.895 on 2026-11-26 (third session)
    "targets|matched": (0.70, None),
    "stance|matched": (
        0.77,
        None,
    ),  # 0.773 (2026-11-26, fifth): one more target found, its stance wrong
    "relations": (0.31, 0.75),
}

# The synthetic French set, measured 2026-11-26 (tuned on too): entities 0.914/0.829, quotes@30
# 0.929/0.974, speakers 0.881, targets 0.311, stance 0.520.
SYNTH_FLOORS: dict[str, tuple[float, float | None]] = {
    "entities": (0.90, 0.84),  # 0.923/0.863 on 2026-11-26 (third session)
    "quotes@30": (0.92, 0.95),
    "quote+speaker@30": (0.74, 0.77),
    "speaker|matched": (0.91, None),  # 0.932 on 2026-11-26 (third session)
    "targets|matched": (0.28, None),
    "amounts": (0.90, 0.90),
    "dates": (0.85, None),
}


@pytest.fixture(scope="module")
def dev_scores() -> dict[str, dict[str, object]]:
    if not CORPUS.is_dir():
        pytest.skip(f"{CORPUS} is absent (the dev texts are read at run time, never copied)")
    return evaluate_files([ROOT / "eval" / "gold" / "fr-dev"])["totals"]


@pytest.mark.model
@pytest.mark.corpus
@pytest.mark.parametrize("metric", sorted(DEV_FLOORS))
def test_french_dev_scores_stay_above_their_floors(dev_scores: dict, metric: str) -> None:
    recall_floor, precision_floor = DEV_FLOORS[metric]
    got = dev_scores[metric]
    assert got["recall"] is not None and got["recall"] >= recall_floor, (metric, got)
    if precision_floor is not None:
        assert got["precision"] >= precision_floor, (metric, got)


@pytest.fixture(scope="module")
def synth_scores() -> dict[str, dict[str, object]]:
    return evaluate_files([ROOT / "eval" / "gold" / "fr-synth"])["totals"]


@pytest.mark.model
@pytest.mark.parametrize("metric", sorted(SYNTH_FLOORS))
def test_synthetic_french_scores_stay_above_their_floors(synth_scores: dict, metric: str) -> None:
    recall_floor, precision_floor = SYNTH_FLOORS[metric]
    got = synth_scores[metric]
    assert got["recall"] is not None and got["recall"] >= recall_floor, (metric, got)
    if precision_floor is not None:
        assert got["precision"] >= precision_floor, (metric, got)
