"""Days as the API and the CLI take them: an ISO date (YYYY-MM-DD) or the word "today".

`in_force_on=` and `on=` accept both; anything else is an `InvalidInputError` (422 over
HTTP, exit 1 in the CLI) that names the parameter and the accepted forms. The change
feed's `since` (`parse_since`) is a sequence number or an ISO time or date.
"""

from __future__ import annotations

import datetime as dt

from graph.errors import InvalidInputError

MIN_DATE, MAX_DATE = dt.date(1900, 1, 1), dt.date(2200, 12, 31)
TODAY = "today"


def parse_day(name: str, value: str | None) -> dt.date | None:
    """`value` as a date: None stays None, "today" is today, else a YYYY-MM-DD date in
    MIN_DATE..MAX_DATE."""
    if value is None:
        return None
    text = value.strip()
    if text.lower() == TODAY:
        return dt.date.today()
    try:
        if len(text) != 10:
            raise ValueError(text)
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise InvalidInputError(
            f"{name} must be an ISO date (YYYY-MM-DD) or {TODAY!r}, got {value[:40]!r}"
        ) from None
    if not MIN_DATE <= day <= MAX_DATE:
        raise InvalidInputError(f"{name}: date out of range {MIN_DATE}..{MAX_DATE}")
    return day


def parse_since(name: str, value: str | None) -> int | dt.datetime | None:
    """`value` as the change feed's `since`: digits are a sequence number, else an ISO
    time or date (without a zone: UTC)."""
    if value is None:
        return None
    text = value.strip()
    if text.isdigit():
        return int(text)
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise InvalidInputError(
            f"{name} must be a sequence number or an ISO time or date, got {value[:40]!r}"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)
