"""Cross-document entity resolution: which store-wide entity each article entity is.

An analysis names its entities with article-local ids; at save time each is mapped to a row of
``entities``, in this order (the first rule that answers wins):

1. **Corrections** a user made (``merge_entities``): a KB id or a (type, name) that was merged
   away leads to the entity it was merged into.
2. **Knowledge base**: an entity the KB identified (``kb: true``, or a ``wikidata``/``ticker``)
   maps to the row with that ``kb_id`` (or that Wikidata id); failing that it adopts a same-type,
   same-name row that has no KB id yet.
3. **Surname only** ("Musk"): it joins the one full-name person with that last name who appears
   in the same article, else the one such person in the store. Two candidates (Elon and Kimbal
   Musk) is ambiguous, and the surname stays an entity of its own.
4. **Name**: same type and same folded canonical name ("Négociateur" = "negociateur"); a full name
   ("Elon Musk" vs "Kimbal Musk") never matches another first name. Then a unique alias match.
5. Otherwise a new entity.

Then **splits** (``split_entity``) are re-applied: mentions whose surface form was split off an
entity go to the entity made by the split, and so does the whole article entity when all its
mentions did.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa

from allegiance.store import schema as t
from allegiance.store.keys import fold, name_key, surname_of_full_name, surname_only


def is_kb_entity(entity: Mapping[str, Any]) -> bool:
    """True when the analysis entity's ``id`` is a knowledge-base key, stable across articles."""
    return bool(entity.get("kb") or entity.get("wikidata") or entity.get("ticker"))


@dataclass
class Corrections:
    """The merges and splits recorded in ``corrections``, as lookups."""

    merged_into: dict[int, int] = field(default_factory=dict)  # entity id -> id it merged into
    kb_redirect: dict[str, int] = field(default_factory=dict)
    name_redirect: dict[tuple[str, str], int] = field(default_factory=dict)
    splits: dict[int, list[tuple[str, int]]] = field(default_factory=dict)  # id -> (alias_key, new)

    def final(self, entity_id: int) -> int:
        seen = set()
        while entity_id in self.merged_into and entity_id not in seen:
            seen.add(entity_id)
            entity_id = self.merged_into[entity_id]
        return entity_id

    @classmethod
    def load(cls, conn: sa.Connection) -> Corrections:
        out = cls()
        rows = conn.execute(
            sa.select(t.corrections.c.kind, t.corrections.c.payload).order_by(t.corrections.c.id)
        )
        for kind, payload in rows:
            if kind == "merge":
                keep, other = int(payload["keep"]), int(payload["other"])
                out.merged_into[other] = keep
                if payload.get("other_kb_id"):
                    out.kb_redirect[payload["other_kb_id"]] = keep
                out.name_redirect[(payload["other_type"], payload["other_name_key"])] = keep
            elif kind == "split":
                out.splits.setdefault(int(payload["entity"]), []).append(
                    (payload["alias_key"], int(payload["new"]))
                )
        return out

    def split_aliases(self, entity_id: int) -> dict[str, int]:
        """alias_key -> entity id for the forms split off ``entity_id`` (merges followed)."""
        out: dict[str, int] = {}
        for old, rules in self.splits.items():
            if self.final(old) == entity_id:
                for alias_key, new in rules:
                    out[alias_key] = self.final(new)
        return out


@dataclass
class Resolved:
    """Where one article entity went: its entity, and per mention form, overrides from splits."""

    entity_id: int
    by_mention_key: dict[str, int] = field(default_factory=dict)

    def for_mention(self, text: str) -> int:
        return self.by_mention_key.get(name_key(text), self.entity_id)


class EntityResolver:
    """Maps the entities of one analysis to store rows, creating rows as needed.

    Runs inside the save transaction (the caller holds the write lock), so two articles saved at
    once cannot both create "Elon Musk".
    """

    def resolve(
        self, conn: sa.Connection, article_entities: list[Mapping[str, Any]]
    ) -> dict[str, Resolved]:
        corrections = Corrections.load(conn)
        out: dict[str, Resolved] = {}
        # Full names first, so a bare surname can join a full name of the same article.
        ordered = sorted(article_entities, key=lambda e: self._bare_surname(e) is not None)
        for entity in ordered:
            entity_id = self._match(conn, entity, article_entities, out, corrections)
            if entity_id is None:
                entity_id = self._create(conn, entity)
            out[entity["id"]] = self._apply_splits(
                entity, corrections.final(entity_id), corrections
            )
            self._enrich(conn, out[entity["id"]].entity_id, entity, corrections)
        return out

    @staticmethod
    def _bare_surname(entity: Mapping[str, Any]) -> str | None:
        return surname_only(entity["name"]) if entity["type"] == "person" else None

    def _match(
        self,
        conn: sa.Connection,
        entity: Mapping[str, Any],
        article_entities: Iterable[Mapping[str, Any]],
        done: dict[str, Resolved],
        corrections: Corrections,
    ) -> int | None:
        e = t.entities.c
        etype, key = entity["type"], name_key(entity["name"])
        kb = is_kb_entity(entity)
        if kb and entity["id"] in corrections.kb_redirect:
            return corrections.kb_redirect[entity["id"]]
        if (etype, key) in corrections.name_redirect:
            return corrections.name_redirect[(etype, key)]
        if kb:
            found = conn.scalar(sa.select(e.id).where(e.kb_id == entity["id"]))
            if found is None and entity.get("wikidata"):
                found = conn.scalar(
                    sa.select(e.id).where(e.wikidata == entity["wikidata"]).order_by(e.id).limit(1)
                )
            if found is None:  # adopt a row made before the KB knew this entity
                found = conn.scalar(
                    sa.select(e.id)
                    .where(e.type == etype, e.name_key == key, e.kb_id.is_(None))
                    .order_by(e.id)
                    .limit(1)
                )
            return found
        surname = self._bare_surname(entity)
        if surname is not None:
            same_article = {
                done[other["id"]].entity_id
                for other in article_entities
                if other["type"] == "person"
                and other["id"] in done
                and surname_of_full_name(other["name"]) == surname
            }
            if len(same_article) == 1:
                return same_article.pop()
            if not same_article:
                in_store = conn.scalars(
                    sa.select(e.id).where(e.type == "person", e.surname_key == surname).limit(2)
                ).all()
                if len(in_store) == 1:
                    return in_store[0]
        found = conn.scalar(
            sa.select(e.id).where(e.type == etype, e.name_key == key).order_by(e.id).limit(1)
        )
        if found is None and surname is None:
            a = t.entity_aliases.c
            by_alias = conn.scalars(
                sa.select(a.entity_id)
                .distinct()
                .join(t.entities, t.entities.c.id == a.entity_id)
                .where(a.alias_key == key, e.type == etype)
                .limit(2)
            ).all()
            if len(by_alias) == 1:
                found = by_alias[0]
        return found

    @staticmethod
    def _create(conn: sa.Connection, entity: Mapping[str, Any]) -> int:
        name = entity["name"]
        row = {
            "kb_id": entity["id"] if is_kb_entity(entity) else None,
            "name": name,
            "name_key": name_key(name),
            "surname_key": surname_of_full_name(name) if entity["type"] == "person" else None,
            "type": entity["type"],
            "ticker": entity.get("ticker"),
            "exchange": entity.get("exchange"),
            "wikidata": entity.get("wikidata"),
        }
        return int(conn.execute(t.entities.insert().returning(t.entities.c.id), row).scalar_one())

    @staticmethod
    def _apply_splits(
        entity: Mapping[str, Any], entity_id: int, corrections: Corrections
    ) -> Resolved:
        split = corrections.split_aliases(entity_id)
        if not split:
            return Resolved(entity_id)
        own = split.get(name_key(entity["name"]))
        if own is not None:
            return Resolved(own)
        overrides = {
            name_key(m["text"]): split[name_key(m["text"])]
            for m in entity.get("mentions", [])
            if name_key(m["text"]) in split
        }
        mention_keys = {name_key(m["text"]) for m in entity.get("mentions", [])}
        targets = set(overrides.values())
        if mention_keys and mention_keys <= overrides.keys() and len(targets) == 1:
            return Resolved(targets.pop())
        return Resolved(entity_id, overrides)

    @staticmethod
    def _enrich(
        conn: sa.Connection, entity_id: int, entity: Mapping[str, Any], corrections: Corrections
    ) -> None:
        """Fill what the row lacks (KB id, ticker …) and record new surface forms as aliases."""
        e = t.entities.c
        row = conn.execute(sa.select(t.entities).where(e.id == entity_id)).mappings().one()
        updates = {
            col: entity.get(col)
            for col in ("ticker", "exchange", "wikidata")
            if row[col] is None and entity.get(col)
        }
        if row["kb_id"] is None and is_kb_entity(entity):
            taken = conn.scalar(sa.select(e.id).where(e.kb_id == entity["id"]))
            if taken is None:
                updates["kb_id"] = entity["id"]
        if updates:
            conn.execute(t.entities.update().where(e.id == entity_id).values(**updates))
        blocked = set(corrections.split_aliases(entity_id)) | {row["name_key"]}
        forms = [entity["name"], *entity.get("aliases", [])]
        add_aliases(conn, entity_id, forms, blocked)


def add_aliases(
    conn: sa.Connection, entity_id: int, forms: Iterable[str], blocked: Iterable[str] = ()
) -> None:
    """Record surface forms of an entity (skipping ``blocked`` keys and those already there)."""
    a = t.entity_aliases.c
    known = set(conn.scalars(sa.select(a.alias_key).where(a.entity_id == entity_id))) | set(blocked)
    rows = []
    for form in forms:
        key = name_key(form)
        if key and key not in known and fold(form).strip():
            known.add(key)
            rows.append({"entity_id": entity_id, "alias_key": key, "alias": form})
    if rows:
        conn.execute(t.entity_aliases.insert(), rows)
