"""The embedded store's in-memory view: a networkx MultiDiGraph for traversal.

Nodes are entity ids (attributes: type, name, unnamed, count); edges are facts, one
per event (so the same source, type and target may join two nodes several times), keyed
by the fact's row id, with `type` (the relation type) and `fact` (the row id again).
The store rebuilds the view when `meta.generation` changed, i.e. after any committed
write by any process: `GenerationCache` keeps the views (and the search's `NameList`s) of
the newest generations, each built once, by the first reader of that generation, from
its own read transaction, while readers of an older generation keep using theirs.

Traversal semantics (the Neo4j store must reproduce them):

* `neighbours(start, depth, types, direction)`: breadth-first from `start`; an edge
  is followed out of a node (source -> target for "out", target -> source for "in",
  either way for "both") when the node is at distance <= depth - 1 and the edge's type
  is allowed. Edges: every fact so followed; nodes: `start` plus their endpoints.
* `shortest_paths(a, b, max_length, scan)`: the shortest node sequences from a to b over
  facts taken as undirected edges (the first `scan` found, sorted), if their length
  (edges) is <= max_length; each path's edges are all facts joining consecutive nodes, in
  either direction.
* `presence(j)`: j's places (j and every place that reaches j by 1-PART_OF_HOPS PART_OF
  hops), the entities LOCATED_IN one of them, and the entities with a presence relation
  (the ontology's `presence` flag) into one of them.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

import networkx as nx

from graph.ontology import REL, get_ontology
from graph.store.base import PART_OF_HOPS, PATH_SCAN
from graph.store.filters import Presence
from graph.store.protocol import Direction, EntitySummary
from graph.store.search_rank import Candidate, query_keys, word_keys

T = TypeVar("T")


class GenerationCache(Generic[T]):
    """Objects built from one generation of the database, the newest `keep` of them.
    `get` never blocks on a generation already built; a missing one is built by one
    reader at a time (a build for generation G waits for a build for G+1, never for
    readers). The dict is replaced whole, never mutated, so lock-free look-ups are safe."""

    def __init__(self, build: Callable[[sqlite3.Connection, int], T], keep: int = 2) -> None:
        self._build = build
        self._keep = keep
        self._items: dict[int, T] = {}
        self._lock = threading.Lock()

    def get(self, conn: sqlite3.Connection, generation: int) -> T:
        """The object of `generation`, built from `conn` (a read transaction at that
        generation) if no reader built it yet."""
        item = self._items.get(generation)
        if item is not None:
            return item
        with self._lock:
            item = self._items.get(generation)
            if item is None:
                item = self._build(conn, generation)
                newest = sorted({**self._items, generation: item}.items())[-self._keep :]
                self._items = dict(newest)
        return item

    def clear(self) -> None:
        self._items = {}


class NameList:
    """Every name and alias of one generation, for search: (entity, string, is canonical
    name, normalised string), indexed by their words' first characters so a search looks
    at the few that can match. Read from the tables, so a search never needs the graph."""

    def __init__(self, conn: sqlite3.Connection, generation: int) -> None:
        self.generation = generation
        cands: list[Candidate] = []
        summaries: dict[str, EntitySummary] = {}
        for eid, t, n, u, c, norm in conn.execute(
            "SELECT id, type, name, unnamed, cnt, norm FROM entities"
        ):
            s = EntitySummary(id=eid, type=t, name=n, unnamed=bool(u), count=c)
            summaries[eid] = s
            cands.append((s, n, True, norm))
        for eid, name, norm in conn.execute("SELECT entity_id, name, norm FROM aliases"):
            if eid in summaries:
                cands.append((summaries[eid], name, False, norm))
        self.candidates = cands
        by_key: dict[str, list[int]] = {}
        for i, cand in enumerate(cands):
            for key in word_keys(cand[3]):
                by_key.setdefault(key, []).append(i)
        self._by_key = by_key

    def matching(self, q_norm: str) -> list[Candidate]:
        """The candidates that may score for a normalised query (`search_rank.query_keys`:
        a superset of the hits), in list order: a search ranks these, not every name."""
        found: set[int] = set()
        for key in query_keys(q_norm):
            found.update(self._by_key.get(key, ()))
        return [self.candidates[i] for i in sorted(found)]


class GraphView:
    """Entities and facts of one generation of the database."""

    def __init__(self, conn: sqlite3.Connection, generation: int) -> None:
        self.generation = generation
        g: nx.MultiDiGraph = nx.MultiDiGraph()
        g.add_nodes_from(
            (eid, {"type": t, "name": n, "unnamed": bool(u), "count": c})
            for eid, t, n, u, c in conn.execute("SELECT id, type, name, unnamed, cnt FROM entities")
        )
        rows = conn.execute("SELECT id, source, type, target FROM facts").fetchall()
        g.add_edges_from((s, o, fid, {"type": t, "fact": fid}) for fid, s, t, o in rows)
        self.graph = g
        # Each node's edges by direction and type: a traversal that follows a few types
        # out of a hub (a regulator's one LOCATED_IN among thousands of actions) looks at
        # those alone.
        self._typed: dict[tuple[str, str, str], list[tuple[str, int]]] = {}
        for fid, s, t, o in rows:
            self._typed.setdefault((s, "out", t), []).append((o, fid))
            self._typed.setdefault((o, "in", t), []).append((s, fid))

    def summary(self, eid: str) -> EntitySummary:
        d = self.graph.nodes[eid]
        return EntitySummary(
            id=eid, type=d["type"], name=d["name"], unnamed=d["unnamed"], count=d["count"]
        )

    def _steps(
        self, node: str, direction: Direction, types: Iterable[str]
    ) -> Iterable[tuple[str, int]]:
        """(other end, fact id) of the edges of `types` one may follow out of `node`."""
        sides = ("out", "in") if direction == "both" else (direction,)
        typed = self._typed
        for side in sides:
            for t in types:
                yield from typed.get((node, side, t), ())

    def neighbours(
        self, start: str, depth: int, types: tuple[str, ...], direction: Direction
    ) -> tuple[set[str], set[int]]:
        """(node ids, fact ids) within `depth` hops over facts of `types` (module rule)."""
        allowed = tuple(dict.fromkeys(types))
        nodes, facts = {start}, set()
        frontier = [start]
        for _ in range(depth):
            nxt: list[str] = []
            for node in frontier:
                for other, fid in self._steps(node, direction, allowed):
                    facts.add(fid)
                    if other not in nodes:
                        nodes.add(other)
                        nxt.append(other)
            frontier = nxt
        return nodes, facts

    def shortest_paths(
        self, a: str, b: str, max_length: int, scan: int = PATH_SCAN
    ) -> list[tuple[list[str], set[int]]]:
        """Each shortest path (of the first `scan` found) as (node ids in order, fact ids
        joining them), sorted by nodes.

        Breadth-first from `a` over facts taken as undirected edges, one level at a time,
        stopping at the level that reaches `b` or after `max_length` levels: only the nodes
        closer to `a` than `b` is are expanded (not the whole component, which a hub
        joins to everything)."""
        if a == b:
            return [([a], set())]
        preds: dict[str, list[str]] = {a: []}
        frontier = [a]
        for _ in range(max_length):
            level: dict[str, list[str]] = {}
            for node in frontier:
                for other in self.undirected_neighbours(node):
                    if other not in preds:
                        level.setdefault(other, []).append(node)
            if not level:
                return []
            preds.update(level)
            if b in level:
                break
            frontier = sorted(level)
        else:
            return []
        out = []
        for p in sorted(self._paths_back(preds, b, scan)):
            facts: set[int] = set()
            for u, v in zip(p, p[1:], strict=False):
                for x, y in ((u, v), (v, u)):
                    facts |= {
                        d["fact"] for d in self.graph.get_edge_data(x, y, default={}).values()
                    }
            out.append((p, facts))
        return out

    def undirected_neighbours(self, node: str) -> list[str]:
        """The entities one fact away from `node`, either direction, each once."""
        g = self.graph
        return list(dict.fromkeys([*g.succ[node], *g.pred[node]]))

    @staticmethod
    def _paths_back(preds: dict[str, list[str]], b: str, scan: int) -> list[list[str]]:
        """The first `scan` paths from the search's start to `b` through the predecessor
        lists."""
        paths: list[list[str]] = []
        stack: list[tuple[str, list[str]]] = [(b, [b])]
        while stack and len(paths) < scan:
            node, tail = stack.pop()
            if not preds[node]:
                paths.append(tail[::-1])
                continue
            stack += [(p, [*tail, p]) for p in preds[node]]
        return paths

    def presence(self, place: str) -> Presence:
        """Who is where, for a jurisdiction filter (see the module docstring)."""
        places = self._places_within(place)
        return Presence(
            places=frozenset(places),
            located=self._sources_into(places, (REL.located_in,)),
            present=self._sources_into(places, get_ontology().presence_relations),
        )

    def _places_within(self, place: str) -> set[str]:
        """`place` and the places inside it (1-PART_OF_HOPS PART_OF hops)."""
        if place not in self.graph:
            return set()
        found, frontier = {place}, [place]
        for _ in range(PART_OF_HOPS):
            frontier = [
                src
                for node in frontier
                for src, _, t in self.graph.in_edges(node, data="type")
                if t == REL.part_of and src not in found
            ]
            found.update(frontier)
        return found

    def _sources_into(self, places: set[str], rel_types: Iterable[str]) -> frozenset[str]:
        """The entities with a fact of `rel_types` into one of the places."""
        allowed = set(rel_types)
        return frozenset(
            src for p in places for src, _, t in self.graph.in_edges(p, data="type") if t in allowed
        )
