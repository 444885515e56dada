"""Hand-made entities for extraction tests: each name's forms found in the body by string search."""

from __future__ import annotations

import re

from allegiance.models import Entity, Mention


def entities_named(body: str, names: dict[str, list[str]]) -> list[Entity]:
    """One Entity per key (``org-…`` keys are organisations), with a mention for every place a
    form of its name stands in ``body``; longer forms first, so "Elon Musk" is not also "Musk"."""
    out = []
    for key, forms in names.items():
        mentions: list[Mention] = []
        for form in sorted(forms, key=len, reverse=True):
            for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", body):
                if not any(x.start <= m.start() < x.end for x in mentions):
                    mentions.append(Mention(m.group(), m.start(), m.end()))
        kind = "organization" if key.startswith("org-") else "person"
        out.append(Entity(key, forms[0], kind, sorted(mentions, key=lambda x: x.start)))  # type: ignore[arg-type]
    return out


#: entity id -> (name, type, forms): the actors an events test knows, as the knowledge base would
ActorTable = dict[str, tuple[str, str, list[str]]]


def entities_from_table(text: str, table: ActorTable) -> list[Entity]:
    """The actors of ``table`` that ``text`` names, each with every place a form of its name
    stands; longer forms are taken first and a character belongs to one mention only, so
    "Elon Musk" is not also "Musk". Entities come in the order their first form was found."""
    taken: set[int] = set()
    out: dict[str, Entity] = {}
    forms = sorted(
        ((form, key) for key, (_, _, fs) in table.items() for form in fs), key=lambda f: -len(f[0])
    )
    for form, key in forms:
        for m in re.finditer(r"(?<!\w)" + re.escape(form) + r"(?!\w)", text):
            if taken & set(range(m.start(), m.end())):
                continue
            taken |= set(range(m.start(), m.end()))
            name, kind, _ = table[key]
            ent = out.setdefault(key, Entity(id=key, name=name, type=kind))  # type: ignore[arg-type]
            ent.mentions.append(Mention(m.group(0), m.start(), m.end()))
    return list(out.values())
