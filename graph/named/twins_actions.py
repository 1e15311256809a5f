"""Embedded twins of the action-centred named queries (who acted against whom, where,
for how much); the contract every twin keeps is in graph/named/embedded_twins.py."""

from __future__ import annotations

from typing import Any

from graph.named.twin_support import (
    PART_OF_REACH,
    Row,
    acts_in,
    cypher_sort,
    fact_day,
    iso,
    structure_graph,
    within,
)
from graph.ontology import REL, TYPE, get_ontology
from graph.store.protocol import Fact, GraphStore


def _actions(store: GraphStore, types: tuple[str, ...] | None = None) -> list[Fact]:
    """The action facts of these types (all action types when None)."""
    wanted = set(types or get_ontology().action_types)
    return [f for f in store.iter_facts() if f.type in wanted]


def actions_in_jurisdiction(store: GraphStore, p: dict[str, Any]) -> list[Row]:
    """Twin of actions_in_jurisdiction.cypher: one action type, acted in a place."""
    root = store.get_entity(p["jurisdiction"])
    if root is None or root.entity.type != TYPE.jurisdiction:
        return []
    g = structure_graph(store)
    since, until = p["since"], p["until"]
    rows = []
    for f in _actions(store, (p["action"],)):
        start = f.in_force_from  # the action's date's first day, else first reported
        if since is not None and (start is None or start < since):
            continue
        if until is not None and (start is None or start > until):
            continue
        if not acts_in(g, f.source.id, root.entity.id):
            continue
        rows.append(
            {
                "date": fact_day(f),
                "since": iso(start),
                "actor_id": f.source.id,
                "actor_name": f.source.name,
                "action": f.type,
                "target_id": f.target.id,
                "target_name": f.target.name,
                "target_type": f.target.type,
                "target_count": f.target.count,
                "status": f.status,
                "event_id": f.event_id,
                "sources": len(f.sources),
            }
        )
    return cypher_sort(rows, "-since", "actor_id", "target_id", "event_id")[: p["limit"]]


def actors_against_exchanges_in(store: GraphStore, p: dict[str, Any]) -> list[Row]:
    """Twin of actors_against_exchanges_in.cypher: adverse actors of a place's exchanges."""
    root = store.get_entity(p["jurisdiction"])
    if root is None or root.entity.type != TYPE.jurisdiction:
        return []
    g = structure_graph(store)
    facts = list(store.iter_facts())
    exchanges = {
        f.source.id
        for f in facts
        if f.type == REL.headquartered_in
        and f.source.type == TYPE.exchange
        and f.target.type == TYPE.jurisdiction
        and within(g, f.target.id, root.entity.id, PART_OF_REACH)
    }
    adverse = get_ontology().adverse_action_types
    rows = [
        {
            "actor_id": f.source.id,
            "actor_name": f.source.name,
            "actor_type": f.source.type,
            "action": f.type,
            "exchange_id": f.target.id,
            "exchange_name": f.target.name,
            "date": fact_day(f),
            "status": f.status,
            "event_id": f.event_id,
            "sources": len(f.sources),
        }
        for f in facts
        if f.type in adverse and f.target.id in exchanges
    ]
    order = ("actor_name", "actor_id", "action", "exchange_id", "event_id")
    return cypher_sort(rows, *order)[: p["limit"]]


def most_sanctioned_exchanges(store: GraphStore, p: dict[str, Any]) -> list[Row]:
    """Twin of most_sanctioned_exchanges.cypher: named exchanges by adverse actions."""
    by_exchange: dict[str, list[Fact]] = {}
    for f in _actions(store, get_ontology().adverse_action_types):
        if f.target.type == TYPE.exchange and not f.target.unnamed:
            by_exchange.setdefault(f.target.id, []).append(f)
    rows = [
        {
            "id": xid,
            "name": facts[0].target.name,
            "actions": len(facts),
            "actors": len({f.source.id for f in facts}),
            "action_types": len({f.type for f in facts}),
        }
        for xid, facts in by_exchange.items()
    ]
    return cypher_sort(rows, "-actions", "-actors", "name", "id")[: p["limit"]]


def regulators_by_actions(store: GraphStore, p: dict[str, Any]) -> list[Row]:
    """Twin of regulators_by_actions.cypher: actors of one type by actions taken."""
    types = (p["action"],) if p["action"] else None
    by_actor: dict[str, list[Fact]] = {}
    for f in _actions(store, types):
        if f.source.type == p["type"]:
            by_actor.setdefault(f.source.id, []).append(f)
    rows = [
        {
            "id": aid,
            "name": facts[0].source.name,
            "type": facts[0].source.type,
            "actions": len(facts),
            "targets": len({f.target.id for f in facts}),
        }
        for aid, facts in by_actor.items()
    ]
    return cypher_sort(rows, "-actions", "name", "id")[: p["limit"]]


def largest_fines(store: GraphStore, p: dict[str, Any]) -> list[Row]:
    """Twin of largest_fines.cypher: fines with an amount, largest first."""
    cur = p["currency"].upper() if p["currency"] is not None else None
    rows = []
    for f in _actions(store, (REL.fined,)):
        amount, currency = f.properties.get("amount"), f.properties.get("currency")
        if amount is None:
            continue
        if cur is not None and (currency is None or str(currency).upper() != cur):
            continue
        rows.append(
            {
                "actor_id": f.source.id,
                "actor_name": f.source.name,
                "target_id": f.target.id,
                "target_name": f.target.name,
                "amount": amount,
                "currency": currency,
                "date": fact_day(f),
                "event_id": f.event_id,
            }
        )
    return cypher_sort(rows, "-amount", "actor_id", "target_id", "event_id")[: p["limit"]]
