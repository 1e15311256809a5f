"""Embedded twins of the entity-centred named queries (names, aliases, sources, paths,
co-mentions); the contract every twin keeps is in graph/named/embedded_twins.py."""

from __future__ import annotations

from itertools import product
from typing import Any

import networkx as nx

from graph.named.twin_support import PATH_REACH, Row, cypher_sort, iso
from graph.ontology import get_ontology
from graph.store.protocol import GraphStore


def entity_by_name(store: GraphStore, p: dict[str, Any]) -> list[Row]:
    """Twin of entity_by_name.cypher: exact name or alias, ignoring case."""
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
    """Twin of entity_actions.cypher: the actions an entity took and received."""
    if store.get_entity(p["id"]) is None:
        return []
    rows = []
    for f in store.relations_of(p["id"], list(get_ontology().action_types), "both", "all"):
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
                "date": f.date,
                "status": f.status,
                "ended_how": f.ended_how,
                "first_seen": iso(f.first_seen),
                "last_seen": iso(f.last_seen),
                "sources": len(f.sources),
                "event_id": f.event_id,
            }
        )
    return cypher_sort(rows, "role", "action", "other_id", "event_id")[: p["limit"]]


def path_between(store: GraphStore, p: dict[str, Any]) -> list[Row]:
    """Twin of path_between.cypher: one row per choice of fact along each shortest path."""
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
        if len(ids) - 1 > min(p["max_length"], PATH_REACH):
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
    """Twin of aliases_of.cypher: an entity's aliases with their kind."""
    if store.get_entity(p["id"]) is None:
        return []
    rows = [{"alias": a.name, "kind": a.kind} for a in store.aliases_of(p["id"])]
    return cypher_sort(rows, "alias", "kind")


def fact_sources(store: GraphStore, p: dict[str, Any]) -> list[Row]:
    """Twin of fact_sources.cypher: one row per supporting article of each fact."""
    if store.get_entity(p["source"]) is None:
        return []
    articles = {a.id: a for a in store.iter_articles()}
    rows = []
    for f in store.relations_of(p["source"], None, "out", "all"):
        if f.target.id != p["target"] or (p["type"] is not None and f.type != p["type"]):
            continue
        for i, art_id in enumerate(f.sources):
            art = articles.get(art_id)
            rows.append(
                {
                    "relation": f.type,
                    "event_id": f.event_id,
                    "article_id": art_id,
                    "title": art.title if art else None,
                    "publisher": art.publisher if art else None,
                    "url": art.url if art else None,
                    "published": iso(art.published) if art else None,
                    "evidence": f.evidence[i] if i < len(f.evidence) else None,
                }
            )
    return cypher_sort(rows, "relation", "event_id", "article_id")


def co_mentioned(store: GraphStore, p: dict[str, Any]) -> list[Row]:
    """Twin of co_mentioned.cypher: entities sharing articles with the given one."""
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
