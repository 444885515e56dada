"""The JSON contract's promise: every span's text is the body's own characters."""

from __future__ import annotations

from typing import Any

import pytest

from allegiance.analysis import analyze_path
from allegiance.models import SCHEMA
from conftest import EXAMPLE


def _spans(d: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    spans = [("mention", m) for e in d["entities"] for m in e["mentions"]]
    spans += [("amount", a) for a in d["amounts"]] + [("date", x) for x in d["dates"]]
    for q in d["quotes"]:
        spans.append(("quote", q))
        if q["cue"]:
            spans.append(("cue", q["cue"]))
        if q["speaker"] and q["speaker"]["mention"]:
            spans.append(("speaker", q["speaker"]["mention"]))
    spans += [("event", ev["evidence"]) for ev in d["events"]]
    spans += [("state", st["evidence"]) for st in d["states"]]
    return spans


@pytest.mark.model
def test_every_offset_points_at_its_text_in_the_body() -> None:
    d = analyze_path(EXAMPLE).as_dict()
    assert d["schema"] == SCHEMA
    body = d["body"]
    spans = _spans(d)
    assert len(spans) > 150  # the example has mentions, quotes, events … to check
    wrong = [(kind, s["text"]) for kind, s in spans if body[s["start"] : s["end"]] != s["text"]]
    assert wrong == []
    # the typographic apostrophes of the article survive in the evidence
    assert any("’" in s["text"] for kind, s in spans if kind == "quote")
