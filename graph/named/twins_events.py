"""Embedded twins of the named queries over time (what is in force, a pair's history, an
entity's fines); the contract every twin keeps is in graph/named/embedded_twins.py.

They read the event records every store returns (`Fact.in_force_from`, `history`, ...)
and the store's own answers over time (`GraphStore.in_force`, `pair_history`, `fines`),
so the rules (what "in force" means, an actor's jurisdiction) are graph/store's, once.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from graph.errors import NotFoundError
from graph.named.twin_support import Row, acts_in, cypher_sort, iso, structure_graph
from graph.ontology import TYPE, get_ontology
from graph.store.events import in_force_on
from graph.store.protocol import GraphStore


def _day(p: dict[str, Any]) -> dt.date:
    """The queries' `coalesce($on, date())`."""
    day: dt.date = p["on"] or dt.date.today()
    return day


def actions_in_force(store: GraphStore, p: dict[str, Any]) -> list[Row]:
    """Twin of actions_in_force.cypher: action events standing on a day."""
    day = _day(p)
    root = None
    if p["jurisdiction"] is not None:
        record = store.get_entity(p["jurisdiction"])
        if record is None or record.entity.type != TYPE.jurisdiction:
            return []
        root = record.entity.id
    g = structure_graph(store) if root is not None else None
    types = {p["type"]} if p["type"] else set(get_ontology().action_types)
    rows = []
    for f in store.iter_facts():
        if f.type not in types or not in_force_on(f.in_force_from, f.in_force_until, day):
            continue
        if p["status"] is not None and f.status != p["status"]:
            continue
        if g is not None and root is not None and not acts_in(g, f.source.id, root):
            continue
        rows.append(
            {
                "since": iso(f.in_force_from),
                "date": f.date,
                "action": f.type,
                "actor_id": f.source.id,
                "actor_name": f.source.name,
                "target_id": f.target.id,
                "target_name": f.target.name,
                "target_type": f.target.type,
                "status": f.status,
                "ended_how": f.ended_how,
                "ended_on": f.ended_on,
                "until": iso(f.in_force_until),
                "event_id": f.event_id,
                "sources": len(f.sources),
            }
        )
    order = ("-since", "actor_id", "target_id", "action", "event_id")
    return cypher_sort(rows, *order)[: p["limit"]]


def entity_in_force(store: GraphStore, p: dict[str, Any]) -> list[Row]:
    """Twin of entity_in_force.cypher: `GraphStore.in_force`, one row per action."""
    try:
        answer = store.in_force(p["id"], _day(p), review="all")
    except NotFoundError:
        return []
    rows = [
        {
            "jurisdiction_id": g.jurisdiction.id if g.jurisdiction else None,
            "jurisdiction_name": g.jurisdiction.name if g.jurisdiction else None,
            "since": iso(f.in_force_from),
            "date": f.date,
            "action": f.type,
            "actor_id": f.source.id,
            "actor_name": f.source.name,
            "status": f.status,
            "event_id": f.event_id,
            "sources": list(f.sources),
        }
        for g in answer.jurisdictions
        for f in g.actions
    ]
    order = ("jurisdiction_name", "jurisdiction_id", "since", "action", "actor_id", "event_id")
    return cypher_sort(rows, *order)


def pair_history(store: GraphStore, p: dict[str, Any]) -> list[Row]:
    """Twin of pair_history.cypher: each event's status history, one row per step."""
    try:
        answer = store.pair_history(p["actor"], p["target"], review="all")
    except NotFoundError:
        return []
    rows = [
        {
            "since": iso(f.in_force_from),
            "event_id": f.event_id,
            "action": f.type,
            "date": f.date,
            "step": i,
            "status": h.status,
            "how": h.how,
            "day": h.on,
            "sources": [a for a in f.sources if a in h.sources],
        }
        for f in answer.events
        for i, h in enumerate(f.history)
    ]
    return cypher_sort(rows, "since", "event_id", "step")


def entity_fines(store: GraphStore, p: dict[str, Any]) -> list[Row]:
    """Twin of entity_fines.cypher: fines summed per currency, the unsummable apart."""
    try:
        fines = store.fines(p["id"], review="all").fines
    except NotFoundError:
        return []
    groups: dict[str | None, list[tuple[str, float | None]]] = {}
    for f in fines:
        currency = f.currency if f.amount is not None and f.currency else None
        groups.setdefault(currency, []).append((f.event_id, f.amount))
    rows = []
    for currency, items in groups.items():
        amounts = sorted(a for _, a in items if a is not None)
        rows.append(
            {
                "currency": currency,
                "fines": len(items),
                "total": sum(amounts) if currency is not None else None,
                "event_ids": sorted(e for e, _ in items),
            }
        )
    return cypher_sort(rows, "currency")
