"""New events beside a relation's stored ones, cut without reading the stored reports.

graph/store/events.py cuts a relation's reports into events greedily over all of them,
so the Neo4j write reads every support of every relation a batch touches
(graph/store/neo4j/working.py) and cuts it again. On a relation acted on again and
again (a regulator fining an exchange every few months) that grows with the graph.

When no report of the batch can share an event with a stored report, the stored events
stay as they are and the batch's reports form events of their own: two reports are one
event only if their dates agree (graph/store/events.py `_Group.admits`), so when every
new report is dated and its date agrees with no stored report's date (an undated one
agrees with every date), no new report fits a stored event, no stored report fits a new
one, and the greedy cut of all the reports is the stored events plus the cut of the new
reports alone. What can still change is the ids: `events_of` gives two events of the
same year and amount ids made from their full dates, so a new event can rename a stored
one (the year's first fine gets a second). `cut_beside` computes every id from the
stored events' heads (id, date, amount): the new events' ids and the stored events to
rename (nothing else of theirs changes: their reports are the same); it gives up (None:
read the relation whole) when two events share year, amount and date (their ids would
then depend on the order of the cut).

`AGREES` is the server's half: whether any stored report's date agrees with one of the
batch's dates (texts are canonical "YYYY[-MM[-DD]]", graph/models.py, so two dates agree
exactly when one is a prefix of the other: graph/partial_dates.py `PartialDate.agrees`).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from graph.store.events import EventView, Support, event_id, events_of

# `x` a stored report's date ("" undated), `row.dates` the batch's dates of the relation.
AGREES = "(x = '' OR any(n IN row.dates WHERE x STARTS WITH n OR n STARTS WITH x))"


@dataclass(frozen=True)
class Head:
    """A stored event as `cut_beside` needs it."""

    event_id: str
    date: str | None
    amount: tuple[float, str] | None


def head_of(row: Any) -> Head:
    """A head from a FACT_BESIDE map (its flat `amount` and `currency` are the event's)."""
    amount = None
    if row["amount"] is not None:
        amount = (float(row["amount"]), str(row["currency"] or ""))
    return Head(str(row["event_id"] or ""), row["date"] or None, amount)


def fits(report: Support, dates: frozenset[str]) -> bool:
    """Whether a report may be cut beside the stored events whose reports' dates the
    server checked against `dates`."""
    return report.date is not None and report.date in dates


@dataclass(frozen=True)
class Beside:
    """The new events (with their reports) and the stored events renamed (old -> new id)."""

    cut: list[tuple[EventView, list[Support]]]
    renamed: dict[str, str]


@lru_cache(maxsize=1 << 16)
def _base_id(
    source: str, rel_type: str, target: str, date: str | None, amount: tuple[float, str] | None
) -> str:
    """`event_id`, cached: every report a batch adds to a relation asks again for the
    ids of its stored events' heads."""
    return event_id(source, rel_type, target, date, amount)


def cut_beside(
    key: tuple[str, str, str],
    heads: list[Head],
    supports: Iterable[Support],
    recut: frozenset[str] = frozenset(),
) -> Beside | None:
    """The events of `supports` (new reports none of whose dates agrees with a stored
    report's, with the reports of the stored events `recut` whose dates they reach:
    graph/store/neo4j/touched.py) beside the stored events `heads` (the others, at least
    all of the new reports' years: an event of another year has another id base, and
    keeps its id), with the ids `events_of` would give every event of the relation; None
    when that cannot be told from the heads."""
    source, rel_type, target = key
    new = events_of(source, rel_type, target, supports)
    entries = [(_base_id(source, rel_type, target, h.date, h.amount), h.date) for h in heads]
    entries += [(_base_id(source, rel_type, target, v.date, v.amount), v.date) for v, _ in new]
    if len(set(entries)) < len(entries) or any(not h.event_id for h in heads):
        return None
    taken = Counter(base for base, _ in entries)

    def final(base: str, date: str | None) -> str:
        if taken[base] == 1:
            return base
        return "ev-" + hashlib.sha1(f"{base}|{date or ''}".encode()).hexdigest()[:16]

    ids = [final(base, date) for base, date in entries]
    fresh = ids[len(heads) :]
    if len(set(ids)) < len(ids) or set(fresh) & {h.event_id for h in heads}:
        return None  # an id given twice, or a new event's id a stored one has now
    renamed = {h.event_id: i for h, i in zip(heads, ids, strict=False) if i != h.event_id}
    if set(renamed.values()) & ({h.event_id for h in heads} | recut):
        return None  # a stored event would take another's id
    cut = [(replace(v, event_id=i), g) for i, (v, g) in zip(fresh, new, strict=True)]
    return Beside(cut, renamed)
