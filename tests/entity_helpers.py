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
