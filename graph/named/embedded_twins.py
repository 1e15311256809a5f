"""Python twins of the named Cypher queries, for the embedded store.

`NAMED_QUERY_TWINS[name](store, params)` returns exactly the rows (same keys, values and
order) that `queries/<name>.cypher` returns on Neo4j for the same bound parameters;
tests/test_queries.py holds every twin to that on the gold corpora. Twins use only the
`GraphStore` protocol, so they read what the store exposes and nothing private. Ordering
follows Cypher: `cypher_sort` treats null as larger than any value (last ascending, first
descending).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import product
from typing import Any

import networkx as nx

from graph.named.twin_support import (
    acts_in,
    cypher_sort,
    fact_day,
    iso,
    structure_graph,
    within,
)
from graph.ontology import REL, TYPE, get_ontology
from graph.store.protocol import Fact, GraphStore

Row = dict[str, Any]
Twin = Callable[[Any, dict[str, Any]], list[Row]]
ADVERSE = tuple(a for a in get_ontology().action_types if a != REL.licensed)


def _actions(store: GraphStore, types: tuple[str, ...] | None = None) -> list[Fact]:
    wanted = set(types or get_ontology().action_types)
    return [f for f in store.iter_facts() if f.type in wanted]


def entity_by_name(store: GraphStore, p: dict[str, Any]) -> list[Row]:
    needle = p["name"].lower()
    rows = []
    for rec in store.iter_entities():
        e = rec.entity
        if p["type"] is not None and e.type != p["type"]:
            continue
        if e.name.lower() != needle and all(a.name.lower() != needle for a in e.aliases):
            continue
        rows.append(
            {
                "id": e.id,
                "name": e.name,
                "type": e.type,
                "unnamed": e.unnamed,
                "count": e.count,
                "articles": len(rec.sources),
            }
        )
    return cypher_sort(rows, "unnamed", "name", "id")[: p["limit"]]


def entity_actions(store: GraphStore, p: dict[str, Any]) -> list[Row]:
    if store.get_entity(p["id"]) is None:
        return []
    rows = []
    for f in store.relations_of(p["id"], list(get_ontology().action_types), "both"):
        taken = f.source.id == p["id"]
        other = f.target if taken else f.source
        rows.append(
            {
                "role": "taken" if taken else "received",
                "action": f.type,
                "other_id": other.id,
                "other_name": other.name,
                "other_type": other.type,
                "other_count": other.count,
                "first_seen": iso(f.first_seen),
                "last_seen": iso(f.last_seen),
                "sources": len(f.sources),
            }
        )
    return cypher_sort(rows, "role", "action", "other_id")[: p["limit"]]


def actions_in_jurisdiction(store: GraphStore, p: dict[str, Any]) -> list[Row]:
    root = store.get_entity(p["jurisdiction"])
    if root is None or root.entity.type != TYPE.jurisdiction:
        return []
    g = structure_graph(store)
    since, until = iso(p["since"]), iso(p["until"])
    rows = []
    for f in _actions(store, (p["action"],)):
        day = fact_day(f)
        if since is not None and (day is None or day < since):
            continue
        if until is not None and (day is None or day > until):
            continue
        if not acts_in(g, f.source.id, root.entity.id):
            continue
        rows.append(
            {
                "date": day,
                "actor_id": f.source.id,
                "actor_name": f.source.name,
                "action": f.type,
                "target_id": f.target.id,
                "target_name": f.target.name,
                "target_type": f.target.type,
                "target_count": f.target.count,
                "sources": len(f.sources),
            }
        )
    return cypher_sort(rows, "-date", "actor_id", "target_id")[: p["limit"]]


def actors_against_exchanges_in(store: GraphStore, p: dict[str, Any]) -> list[Row]:
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
        and within(g, f.target.id, root.entity.id, 6)
    }
    rows = [
        {
            "actor_id": f.source.id,
            "actor_name": f.source.name,
            "actor_type": f.source.type,
            "action": f.type,
            "exchange_id": f.target.id,
            "exchange_name": f.target.name,
            "date": fact_day(f),
            "sources": len(f.sources),
        }
        for f in facts
        if f.type in ADVERSE and f.target.id in exchanges
    ]
    return cypher_sort(rows, "actor_name", "actor_id", "action", "exchange_id")[: p["limit"]]


def path_between(store: GraphStore, p: dict[str, Any]) -> list[Row]:
    a, b = p["from_id"], p["to_id"]
    if a == b or store.get_entity(a) is None or store.get_entity(b) is None:
        return []
    g: nx.Graph = nx.Graph()
    names: dict[str, str] = {}
    for f in store.iter_facts():
        names[f.source.id], names[f.target.id] = f.source.name, f.target.name
        if f.source.id != f.target.id:
            g.add_edge(f.source.id, f.target.id)
            g[f.source.id][f.target.id].setdefault("facts", []).append(f)
    if a not in g or b not in g or not nx.has_path(g, a, b):
        return []
    rows = []
    for ids in nx.all_shortest_paths(g, a, b):
        if len(ids) - 1 > min(p["max_length"], 6):
            return []
        hops = [g[s][t]["facts"] for s, t in zip(ids, ids[1:], strict=False)]
        for chosen in product(*hops):
            edges = [[f.source.id, f.type, f.target.id] for f in chosen]
            rows.append(
                {
                    "length": len(edges),
                    "ids": ids,
                    "names": [names[i] for i in ids],
                    "edges": edges,
                    "_key": [" ".join(e) for e in edges],
                }
            )
    rows = cypher_sort(rows, "length", "ids", "_key")[: p["limit"]]
    return [{k: v for k, v in r.items() if k != "_key"} for r in rows]


def aliases_of(store: GraphStore, p: dict[str, Any]) -> list[Row]:
    if store.get_entity(p["id"]) is None:
        return []
    rows = [{"alias": a.name, "kind": a.kind} for a in store.aliases_of(p["id"])]
    return cypher_sort(rows, "alias", "kind")


def fact_sources(store: GraphStore, p: dict[str, Any]) -> list[Row]:
    if store.get_entity(p["source"]) is None:
        return []
    articles = {a.id: a for a in store.iter_articles()}
    rows = []
    for f in store.relations_of(p["source"], None, "out"):
        if f.target.id != p["target"] or (p["type"] is not None and f.type != p["type"]):
            continue
        for i, art_id in enumerate(f.sources):
            art = articles.get(art_id)
            rows.append(
                {
                    "relation": f.type,
                    "article_id": art_id,
                    "title": art.title if art else None,
                    "publisher": art.publisher if art else None,
                    "url": art.url if art else None,
                    "published": iso(art.published) if art else None,
                    "evidence": f.evidence[i] if i < len(f.evidence) else None,
                }
            )
    return cypher_sort(rows, "relation", "article_id")


def most_sanctioned_exchanges(store: GraphStore, p: dict[str, Any]) -> list[Row]:
    by_exchange: dict[str, list[Fact]] = {}
    for f in _actions(store, ADVERSE):
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


def co_mentioned(store: GraphStore, p: dict[str, Any]) -> list[Row]:
    me = store.get_entity(p["id"])
    if me is None:
        return []
    mine = set(me.sources)
    rows = []
    for rec in store.iter_entities():
        shared = len(mine & set(rec.sources))
        if rec.entity.id != p["id"] and shared:
            e = rec.entity
            rows.append({"id": e.id, "name": e.name, "type": e.type, "articles": shared})
    return cypher_sort(rows, "-articles", "name", "id")[: p["limit"]]


def largest_fines(store: GraphStore, p: dict[str, Any]) -> list[Row]:
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
            }
        )
    return cypher_sort(rows, "-amount", "actor_id", "target_id")[: p["limit"]]


_TWINS: tuple[Twin, ...] = (
    entity_by_name,
    entity_actions,
    actions_in_jurisdiction,
    actors_against_exchanges_in,
    path_between,
    aliases_of,
    fact_sources,
    most_sanctioned_exchanges,
    regulators_by_actions,
    co_mentioned,
    largest_fines,
)


def _binding(name: str, twin: Twin) -> Twin:
    """The twin behind the query header's checks: raw values (CLI strings, JSON) are bound
    first, so a caller may pass either raw or already-bound parameters (binding is
    idempotent)."""

    def run(store: Any, params: dict[str, Any]) -> list[Row]:
        from graph.named.catalogue import get_query

        return twin(store, get_query(name).bind(params))

    run.__name__ = name
    run.__doc__ = twin.__doc__
    return run


NAMED_QUERY_TWINS: dict[str, Twin] = {t.__name__: _binding(t.__name__, t) for t in _TWINS}
