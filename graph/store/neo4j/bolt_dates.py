"""Dates a write sends as ISO text, turned back into dates by its statement.

The driver packs each `datetime.date` parameter through a Python hook that builds the
epoch as a `neo4j.time.Date` again for every value (~5 us a date, against <1 us for
`isoformat`); a batched write sends nine or so per article (an event's first and last
seen days and the days it was in force, an article's publication day). So the rows
carry those dates as text (`as_text`) and the statements that write them turn each back
with Cypher's `date()` (`with_dates`, `back_to_dates`), which keeps a date a date and
null null: the stored values are the dates they were.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

ARTICLE_DATES = ("published",)
EVENT_DATES = ("first_seen", "last_seen", "in_force_from", "in_force_until")


def as_text(props: Mapping[str, Any], keys: Iterable[str]) -> dict[str, Any]:
    """A copy of `props` with the dates under `keys` as ISO text."""
    out = dict(props)
    for key in keys:
        value = out.get(key)
        if value is not None:
            out[key] = value.isoformat()
    return out


def with_dates(expr: str, keys: Iterable[str]) -> str:
    """The map variable `expr` (a row's properties) with its `keys` turned back into dates, for a
    `SET x = ...`: a property set to the value it has is no change, so rewriting an
    article or an event as it was leaves the transaction with nothing to commit."""
    return f"{expr} {{.*, " + ", ".join(f"{k}: date({expr}.{k})" for k in keys) + "}"


def back_to_dates(var: str, keys: Iterable[str]) -> str:
    """The `SET` clause that turns `var`'s properties `keys` back into dates (after a
    `SET x += ...`, where a null in the map would remove a property the row lacks)."""
    return "SET " + ", ".join(f"{var}.{k} = date({var}.{k})" for k in keys)
