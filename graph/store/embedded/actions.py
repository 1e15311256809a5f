"""The embedded store's `actions` primitive: one SQL query, then the jurisdiction filter.

The effective date is the fact's earliest event date, else its first sighting
(graph/store/provenance.py `effective_date`), computed in SQL over the supports so the
date bounds and the order need no Python pass: newest first, undated last, then
(type, source id, target id). Undated facts never pass a date bound.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from graph.store.embedded import read as rd
from graph.store.filters import ActionFilter
from graph.store.protocol import Fact


def _sql(query: ActionFilter) -> tuple[str, list[Any]]:
    """The SELECT of (fact id, source, target, effective date) rows the filter admits."""
    where = [f"f.type IN ({','.join('?' * len(query.types))})"]
    args: list[Any] = list(query.types)
    for cond, value in (
        ("f.source = ?", query.actor),
        ("f.target = ?", query.target),
        ("e.type = ?", query.target_type),
    ):
        if value is not None:
            where.append(cond)
            args.append(value)
    having = []
    for cond, day in (("eff >= ?", query.since), ("eff <= ?", query.until)):
        if day is not None:
            having.append(cond)
            args.append(day.isoformat())
    sql = (
        "SELECT f.id, f.source, f.target, COALESCE(MIN(s.date), MIN(s.seen)) AS eff"
        " FROM facts f JOIN fact_support s ON s.fact_id = f.id"
        " JOIN entities e ON e.id = f.target"
        f" WHERE {' AND '.join(where)} GROUP BY f.id"
        + (f" HAVING {' AND '.join(having)}" if having else "")
        + " ORDER BY eff IS NULL, eff DESC, f.type, f.source, f.target"
    )
    return sql, args


def action_facts(conn: sqlite3.Connection, query: ActionFilter) -> list[Fact]:
    """One page of the action facts the filter admits, in action order."""
    sql, args = _sql(query)
    rows = conn.execute(sql, args).fetchall()
    if query.actors is not None and query.targets is not None:
        actors, targets = query.actors, query.targets
        rows = [r for r in rows if r[1] in actors or r[2] in targets]
    page = [r[0] for r in rows[query.offset : query.offset + query.limit]]
    facts = rd.facts_map(conn, page)
    return [facts[fid] for fid in page]
