"""The embedded store's `actions` primitive: one SQL query, then the jurisdiction filter.

Each `facts` row is one event, with its filter columns kept by
graph/store/embedded/recut.py: `start_day` is the effective date (graph/store/
provenance.py `effective_date`: the first day of the event's date, else when first
reported), `end_day` the first day it no longer was in force (NULL while it is),
`status` its current status. So every bound is a WHERE clause and the order is SQL's:
newest first, undated last, then (type, source id, target id, event id), which is
graph/store/provenance.py `action_order` with the event id breaking its ties. Undated
events never pass a date bound, nor `in_force_on` (graph/store/events.py `in_force_on`).
The review rule (graph/store/review.py) is one more condition: graph/store/embedded/review.py
`shown_sql`.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

from graph.store.embedded import read as rd
from graph.store.embedded.review import shown_sql
from graph.store.filters import ActionFilter
from graph.store.protocol import Fact


def _sql(query: ActionFilter) -> tuple[str, list[Any]]:
    """The SELECT of (fact id, source, target) rows the filter admits, in action order."""
    where = [f"f.type IN ({','.join('?' * len(query.types))})"]
    args: list[Any] = list(query.types)
    day = query.in_force_on.isoformat() if query.in_force_on else None
    for cond, value in (
        ("f.source = ?", query.actor),
        ("f.target = ?", query.target),
        ("e.type = ?", query.target_type),
        ("f.status = ?", query.status),
        ("f.start_day >= ?", query.since.isoformat() if query.since else None),
        ("f.start_day <= ?", query.until.isoformat() if query.until else None),
        ("f.start_day <= ?", day),
        ("(f.end_day IS NULL OR ? < f.end_day)", day),
    ):
        if value is not None:
            where.append(cond)
            args.append(value)
    if query.shown is not None:
        cond, more = shown_sql(query.shown.below)
        where.append(cond)
        args += more
    sql = (
        "SELECT f.id, f.source, f.target FROM facts f JOIN entities e ON e.id = f.target"
        f" WHERE {' AND '.join(where)}"
        " ORDER BY f.start_day IS NULL, f.start_day DESC, f.type, f.source, f.target, f.event_id"
    )
    return sql, args


def action_facts(
    conn: sqlite3.Connection,
    query: ActionFilter,
    build: Callable[[list[int]], dict[int, Fact]] | None = None,
) -> list[Fact]:
    """One page of the action facts (events) the filter admits, in action order; their
    records from `build` (by row id: the store's cache), else read from `conn`."""
    sql, args = _sql(query)
    rows = conn.execute(sql, args).fetchall()
    if query.actors is not None and query.targets is not None:
        actors, targets = query.actors, query.targets
        rows = [r for r in rows if r[1] in actors or r[2] in targets]
    page = [r[0] for r in rows[query.offset : query.offset + query.limit]]
    facts = build(page) if build is not None else rd.facts_map(conn, page)
    return [facts[fid] for fid in page]
