"""Writing the facts of one analysis: mentions, quotes and their targets, events, states.

Article-local entity ids are turned into store ids through the resolver's answer; a fact naming an
entity the analysis lacks is an error (the caller's transaction then stores nothing).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from allegiance.errors import StoreError
from allegiance.store import schema as t
from allegiance.store.resolver import Resolved


def save_facts(
    conn: sa.Connection,
    article_id: int,
    analysis: Mapping[str, Any],
    resolved: dict[str, Resolved],
) -> None:
    def entity_id(local: str, what: str) -> int:
        if local not in resolved:
            raise StoreError(f"{what} refers to entity {local!r}, which the analysis lacks")
        return resolved[local].entity_id

    mention_rows = [
        {
            "article_id": article_id,
            "entity_id": resolved[e["id"]].for_mention(m["text"]),
            "text": m["text"],
            "start": m["start"],
            "end": m["end"],
        }
        for e in analysis["entities"]
        for m in e["mentions"]
    ]
    if mention_rows:
        conn.execute(t.mentions.insert(), mention_rows)

    quote_rows, targets = [], []
    for idx, q in enumerate(analysis["quotes"]):
        speaker, cue = q.get("speaker") or {}, q.get("cue") or {}
        speaker_id = None
        if speaker.get("entity"):
            speaker_id = entity_id(speaker["entity"], f"quote {idx} speaker")
            if speaker.get("mention"):
                speaker_id = resolved[speaker["entity"]].for_mention(speaker["mention"]["text"])
        quote_rows.append(
            {
                "article_id": article_id,
                "idx": idx,
                "text": q["text"],
                "start": q["start"],
                "end": q["end"],
                "kind": q["kind"],
                "cue_text": cue.get("text"),
                "cue_start": cue.get("start"),
                "cue_end": cue.get("end"),
                "speaker_entity_id": speaker_id,
                "speaker_name": speaker.get("name"),
                "confidence": q.get("confidence", 0.5),
            }
        )
        stances: dict[int, int] = {}
        for target in q.get("about", []):
            stances.setdefault(entity_id(target["entity"], f"quote {idx}"), target["stance"])
        targets.append(stances)
    if quote_rows:
        ids = conn.execute(
            t.quotes.insert().returning(t.quotes.c.id, sort_by_parameter_order=True), quote_rows
        ).scalars()
        link = [
            {"quote_id": qid, "entity_id": ent, "stance": stance}
            for qid, stances in zip(ids, targets, strict=True)
            for ent, stance in stances.items()
        ]
        if link:
            conn.execute(t.quote_targets.insert(), link)

    event_rows, actors = [], []
    for idx, ev in enumerate(analysis["events"]):
        amount, evidence = ev.get("amount") or {}, ev["evidence"]
        event_rows.append(
            {
                "article_id": article_id,
                "idx": idx,
                "type": ev["type"],
                "weight": ev["weight"],
                "modality": ev.get("modality", "asserted"),
                "confidence": ev.get("confidence", 0.5),
                "date": ev.get("date"),
                "granularity": ev.get("granularity"),
                "date_is_fallback": bool(ev.get("date_is_fallback", False)),
                "amount_text": amount.get("text"),
                "amount_value": amount.get("value"),
                "amount_currency": amount.get("currency"),
                "role": ev.get("role"),
                "evidence_text": evidence["text"],
                "evidence_start": evidence["start"],
                "evidence_end": evidence["end"],
                "quote_idx": ev.get("quote"),
            }
        )
        actors.append(
            {
                (entity_id(local, f"event {idx}"), role)
                for role in ("source", "target")
                for local in ev[role]
            }
        )
    if event_rows:
        ids = conn.execute(
            t.events.insert().returning(t.events.c.id, sort_by_parameter_order=True), event_rows
        ).scalars()
        link = [
            {"event_id": eid, "entity_id": ent, "role": role}
            for eid, pairs in zip(ids, actors, strict=True)
            for ent, role in sorted(pairs)
        ]
        if link:
            conn.execute(t.event_actors.insert(), link)

    state_rows = [
        {
            "article_id": article_id,
            "idx": idx,
            "type": s["type"],
            "sign": s["sign"],
            "source_entity_id": entity_id(s["source"], f"state {idx}"),
            "target_entity_id": entity_id(s["target"], f"state {idx}"),
            "evidence_text": s["evidence"]["text"],
            "evidence_start": s["evidence"]["start"],
            "evidence_end": s["evidence"]["end"],
            "confidence": s.get("confidence", 0.5),
        }
        for idx, s in enumerate(analysis["states"])
    ]
    if state_rows:
        conn.execute(t.states.insert(), state_rows)
