"""Traversals of the Neo4j store, with the semantics of graph/embedded_view.py.

* neighbours: the nodes within depth-1 hops (a bounded variable-length pattern over the
  allowed fact types and direction) are the ones edges are followed out of; the result
  is the start plus both ends of every edge followed.
* shortest paths: `allShortestPaths` over facts taken undirected, bounded by max_length;
  paths are distinct node sequences, each with every fact joining consecutive nodes.
* presence: a jurisdiction's places (itself plus 1-3 PART_OF hops inside) and the
  entities located in, headquartered in or operating in one of them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.errors import NotFoundError
from graph.ontology import get_ontology
from graph.store.neo4j import read_queries as cy
from graph.store.neo4j.records import fact_from, summary_from
from graph.store.protocol import Direction, EntitySummary, Fact, Subgraph
from graph.store.provenance import fact_order

if TYPE_CHECKING:
    from graph.store.neo4j.store import Neo4jStore

MAX_DEPTH = 3
MAX_PATH = 6
DIRECTIONS = ("out", "in", "both")


def require(store: Neo4jStore, *ids: str) -> None:
    """`NotFoundError` naming the first id that is not an entity."""
    found = {r["id"] for r in store.read(cy.ENTITIES_EXIST, ids=list(ids))}
    for eid in ids:
        if eid not in found:
            raise NotFoundError(f"no entity {eid!r}")


def summaries(store: Neo4jStore, ids: set[str]) -> dict[str, EntitySummary]:
    """Summaries of these entities, by id."""
    rows = store.read(cy.SUMMARIES, ids=sorted(ids))
    return {r["e"]["id"]: summary_from(r["e"]) for r in rows}


def _allowed(rel_types: list[str] | None) -> tuple[str, ...]:
    """The fact types to follow: all when none are named; unknown names match nothing."""
    known = get_ontology().relations
    if not rel_types:
        return tuple(sorted(known))
    return tuple(sorted({t for t in rel_types if t in known}))


def neighbours(
    store: Neo4jStore, start: str, depth: int, rel_types: list[str] | None, direction: Direction
) -> Subgraph:
    """The subgraph around `start` (which the caller has checked exists)."""
    types = _allowed(rel_types)
    facts: list[Fact] = []
    if types and direction in DIRECTIONS:
        if depth == 1:
            inner = [start]
        else:
            rows = store.read(cy.frontier(depth - 1, types, direction), id=start)
            inner = [r["id"] for r in rows]
        facts = [fact_from(r) for r in store.read(cy.edges_out_of(types, direction), ids=inner)]
    nodes = {start: None} | {e.id: e for f in facts for e in (f.source, f.target)}
    known = {k: v for k, v in nodes.items() if v is not None}
    if start not in known:
        known.update(summaries(store, {start}))
    return Subgraph(nodes=[known[n] for n in sorted(known)], edges=sorted(facts, key=fact_order))


def shortest_paths(store: Neo4jStore, a: str, b: str, max_length: int) -> list[Subgraph]:
    """Every shortest path from a to b (undirected), sorted by node sequence."""
    if a == b:
        return [Subgraph(nodes=list(summaries(store, {a}).values()), edges=[])]
    rows = store.read(cy.all_shortest_paths(max_length), a=a, b=b)
    paths = sorted({tuple(r["ids"]) for r in rows})
    if not paths:
        return []
    pairs = sorted({(x, y) for p in paths for x, y in zip(p, p[1:], strict=False)})
    facts = [fact_from(r) for r in store.read(cy.facts_between_pairs(), pairs=pairs)]
    nodes = summaries(store, {n for p in paths for n in p})
    out = []
    for p in paths:
        steps = {frozenset(pair) for pair in zip(p, p[1:], strict=False)}
        joined = [f for f in facts if frozenset((f.source.id, f.target.id)) in steps]
        out.append(Subgraph(nodes=[nodes[n] for n in p], edges=sorted(joined, key=fact_order)))
    return out


def presence(store: Neo4jStore, jurisdiction: str) -> tuple[set[str], set[str], set[str]]:
    """(places, entities LOCATED_IN a place, entities present in a place); empty when
    the id is unknown. `actions` matches actors on places | located and targets on
    places | present; `search` keeps places | present."""
    rows = store.read(cy.presence(), id=jurisdiction)
    if not rows:
        return set(), set(), set()
    places = set(rows[0]["places"])
    return places, set(rows[0]["located"]), set(rows[0]["present"])
