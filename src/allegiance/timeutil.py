"""Partial ISO dates, as metadata and users give them: "2025-01-24", "2025-01", "2025".

One parser for the whole package (the analysis, the store, the graph's --since/--until), so a
month-only publication date means the same thing everywhere: its first day, with its precision.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from allegiance.errors import ConfigError
from allegiance.models import Granularity

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?")


def parse_partial_date(
    value: str | date | None, *, what: str = "date"
) -> tuple[date | None, Granularity | None]:
    """The date and how much of it is known: "2025-02" is (2025-02-01, "month")."""
    if value is None:
        return None, None
    if isinstance(value, datetime):
        return value.date(), "day"
    if isinstance(value, date):
        return value, "day"
    text = str(value).strip()
    if not text:
        return None, None
    match = _PARTIAL.match(text)
    if not match:
        raise ConfigError(f"{what} {text!r} is not a date (expected YYYY-MM-DD, YYYY-MM or YYYY)")
    precision: Granularity = "day" if match.group(3) else "month" if match.group(2) else "year"
    year, month, day = (int(g) if g else 1 for g in match.groups())
    try:
        return date(year, month, day), precision
    except ValueError as exc:
        raise ConfigError(f"{what} {text!r} is not a valid date: {exc}") from exc
