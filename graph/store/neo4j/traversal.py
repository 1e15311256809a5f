"""Traversals of the Neo4j store, with the semantics of graph/store/embedded/view.py.

* neighbours: the nodes within depth-1 hops (a bounded variable-length pattern over the
  followed fact types and direction) are the ones edges are followed out of; the result
  is the start plus both ends of every edge followed.
* shortest paths: `allShortestPaths` over facts taken undirected, bounded by max_length;
  paths are distinct node sequences, each with every fact joining consecutive nodes.
* presence: a jurisdiction's places (itself plus the places PART_OF it, transitively up to
  graph/store/base.py PART_OF_HOPS) and the entities located, or present, in one of them.

Each function takes the store's `Read` function rather than the store, so this module
depends on nothing above it. Arguments arrive checked by graph/store/base.py.
"""

from __future__ import annotations

from graph.ontology import get_ontology
from graph.store.filters import Presence
from graph.store.hubs import EdgeStub
from graph.store.neo4j import read_queries as cy
from graph.store.neo4j.read_queries import Read
from graph.store.neo4j.records import fact_from, in_fact_order, summary_from, to_date
from graph.store.protocol import Direction, EntitySummary, Fact, Subgraph
from graph.store.review import ACCEPTED, Shown


def existing(read: Read, ids: tuple[str, ...]) -> set[str]:
    """Which of these ids are entities."""
    return {r["id"] for r in read(cy.ENTITIES_EXIST, ids=list(ids))}


def summaries(read: Read, ids: set[str]) -> dict[str, EntitySummary]:
    """Summaries of these entities, by id."""
    rows = read(cy.SUMMARIES, ids=sorted(ids))
    return {r["e"]["id"]: summary_from(r["e"]) for r in rows}


def neighbours(
    read: Read, start: str, depth: int, types: tuple[str, ...], direction: Direction
) -> Subgraph:
    """The subgraph around `start` (which the caller has checked exists)."""
    facts: list[Fact] = []
    if types:
        if depth == 1:
            inner = [start]
        else:
            rows = read(cy.frontier(depth - 1, types, direction), id=start)
            inner = [r["id"] for r in rows]
        facts = [fact_from(r) for r in read(cy.edges_out_of(types, direction), ids=inner)]
    nodes = {start: None} | {e.id: e for f in facts for e in (f.source, f.target)}
    known = {k: v for k, v in nodes.items() if v is not None}
    if start not in known:
        known.update(summaries(read, {start}))
    return Subgraph(nodes=[known[n] for n in sorted(known)], edges=in_fact_order(facts))


def edge_stubs(
    read: Read, start: str, depth: int, types: tuple[str, ...], direction: Direction
) -> list[EdgeStub]:
    """`neighbours`'s facts as edge stubs (graph/store/hubs.py), in record order."""
    if not types:
        return []
    inner = [start]
    if depth > 1:
        inner = [r["id"] for r in read(cy.frontier(depth - 1, types, direction), id=start)]
    stubs = [
        EdgeStub(
            handle=r["handle"],
            type=r["type"],
            source=r["source"],
            target=r["target"],
            event_id=r["event_id"],
            confidence=float(r["confidence"]),
            sources=int(r["sources"]),
            start=to_date(r["start"]),
        )
        for r in read(cy.edge_stubs_out_of(types, direction), ids=inner)
    ]
    return sorted(stubs, key=EdgeStub.order)


def facts_of_edges(read: Read, edges: list[EdgeStub]) -> list[Fact]:
    """The facts of stubs `edge_stubs` listed, in their order."""
    return facts_of_handles(read, [str(e.handle) for e in edges])


def facts_of_handles(read: Read, handles: list[str]) -> list[Fact]:
    """The facts of these relationship element ids, in their order."""
    if not handles:
        return []
    rows = read(cy.FACTS_BY_ELEMENT_ID, ids=handles)
    built = {r["handle"]: fact_from(r) for r in rows}
    return [built[h] for h in handles if h in built]


def shown_page(
    read: Read,
    start: str,
    types: tuple[str, ...],
    direction: Direction,
    rule: Shown | None,
    limit: int,
    offset: int,
) -> tuple[int, list[Fact]]:
    """(how many, one page in record order) of the facts touching `start` that `rule`
    shows (None: all), counted and paged on the server."""
    if not types:
        return 0, []
    rows = read(
        cy.shown_page_out_of(types, direction),
        id=start,
        actions=list(get_ontology().action_types),
        below=None if rule is None else rule.below,
        accepted=ACCEPTED,
        offset=offset,
        limit=limit,
    )
    if not rows:
        return 0, []
    return int(rows[0]["total"]), facts_of_handles(read, list(rows[0]["page"]))


def facts_out_of(read: Read, ids: list[str], types: tuple[str, ...]) -> dict[str, list[Fact]]:
    """The facts of `types` leaving each of these nodes, in fact order, in one query."""
    out: dict[str, list[Fact]] = {i: [] for i in ids}
    for f in in_fact_order([fact_from(r) for r in read(cy.edges_out_of(types, "out"), ids=ids)]):
        out.setdefault(f.source.id, []).append(f)
    return out


def shortest_paths(read: Read, a: str, b: str, max_length: int, scan: int) -> list[Subgraph]:
    """The shortest paths from a to b (undirected; the first `scan` found), sorted by node
    sequence."""
    if a == b:
        return [Subgraph(nodes=list(summaries(read, {a}).values()), edges=[])]
    rows = read(cy.all_shortest_paths(max_length), a=a, b=b, scan=scan)
    paths = sorted({tuple(r["ids"]) for r in rows})
    if not paths:
        return []
    pairs = sorted({(x, y) for p in paths for x, y in zip(p, p[1:], strict=False)})
    facts = [fact_from(r) for r in read(cy.facts_between_pairs(), pairs=pairs)]
    nodes = summaries(read, {n for p in paths for n in p})
    out = []
    for p in paths:
        steps = {frozenset(pair) for pair in zip(p, p[1:], strict=False)}
        joined = [f for f in facts if frozenset((f.source.id, f.target.id)) in steps]
        out.append(Subgraph(nodes=[nodes[n] for n in p], edges=in_fact_order(joined)))
    return out


def presence(read: Read, jurisdiction: str) -> Presence:
    """Who is where, for a jurisdiction filter; empty when the id is unknown."""
    rows = read(cy.presence(), id=jurisdiction)
    if not rows:
        return Presence()
    row = rows[0]
    return Presence(frozenset(row["places"]), frozenset(row["located"]), frozenset(row["present"]))
