"""The Neo4j store's answers to graph/store/hub_cut.py `GroupReader`, in Cypher.

Before, a capped neighbourhood listed every fact of the whole neighbourhood as a stub
over Bolt (a 10k-article hub's 2-hop: ~10k rows, 6 s p99 at 16 clients) for the cut to
keep a few hundred. Here the server ranks each expanded node's groups (the rank of
graph/store/hubs.py `_rank`: sources, then newest start, then the other end's id, then
event id) and sends each group's first k and its size; with `only`, just the start of
those first k whose other ends are all in `only` (graph/store/hub_cut.py). The review
rule is read_queries.py `SHOWN` on action types (graph/store/review.py `is_shown`).
Only ontology-checked relationship types are interpolated; every value is a parameter.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from graph.ontology import get_ontology
from graph.store.hub_cut import NodeGroups, SteppingReader
from graph.store.hubs import EdgeStub
from graph.store.neo4j.read_queries import SHOWN, Read
from graph.store.neo4j.write_queries import rel_alternatives
from graph.store.protocol import Direction
from graph.store.review import ACCEPTED, Shown

_START = "coalesce(r.in_force_from, r.first_seen)"
# An edge stub as a list, not a map: a hub's 2-hop cut reads a thousand of them, and
# the driver's decoding of each map's keys and of each start as a Neo4j date (hydrated
# in Python) cost the client more than the server spent on the whole query. The start
# goes as its ISO text (`date.fromisoformat`). Positions: `_stub`.
_STUB_OF = (
    "[elementId({r}), type({r}), {s}.id, {t}.id, {r}.event_id, {r}.confidence, "
    "size({r}.sources), toString(coalesce({r}.in_force_from, {r}.first_seen))]"
)
_STUB = _STUB_OF.format(r="r", s="s", t="t")
_SOURCE, _TARGET = 2, 3  # a stub list's ends
_SHOWN_HERE = f"(NOT type(r) IN $actions OR {SHOWN})"


@lru_cache(maxsize=64)
def groups_query(types: tuple[str, ...], side: str, loops: bool) -> str:
    """Each of $ids's groups on `side` ("out": it is the source): first $k by rank, size;
    with $only, the first k cut before the first other end outside $only. Only the
    first k of a group are made stubs (the rest are ranked, counted and dropped)."""
    rels = rel_alternatives(types)
    node, other = ("s", "t") if side == "out" else ("t", "s")
    loop = "" if loops else " AND s <> t"
    end = _TARGET if side == "out" else _SOURCE
    stub = _STUB_OF.format(r="x[0]", s="x[1]", t="x[2]")
    return (
        f"UNWIND $ids AS id MATCH ({node}:Entity {{id: id}}) "
        f"MATCH (s:Entity)-[r:{rels}]->(t:Entity) WHERE {_SHOWN_HERE}{loop} "
        f"WITH {node}.id AS node, type(r) AS rtype, r, s, t, {other}.id AS other "
        f"ORDER BY size(r.sources) DESC, {_START} IS NULL, {_START} DESC, other, r.event_id "
        "WITH node, rtype, collect([r, s, t]) AS ranked, count(*) AS total "
        f"WITH node, rtype, total, [x IN ranked[..$k] | {stub}] AS firsts "
        "WITH node, rtype, total, CASE WHEN $only IS NULL THEN firsts ELSE "
        f"[i IN range(0, size(firsts) - 1) WHERE all(j IN range(0, i) WHERE "
        f"firsts[j][{end}] IN $only) | firsts[i]] END "
        "AS firsts RETURN node, rtype, total, firsts"
    )


@lru_cache(maxsize=64)
def among_query(types: tuple[str, ...]) -> str:
    """The shown facts from $sources to $targets."""
    return (
        f"MATCH (s:Entity)-[r:{rel_alternatives(types)}]->(t:Entity) "
        f"WHERE s.id IN $sources AND t.id IN $targets AND {_SHOWN_HERE} RETURN {_STUB} AS e"
    )


@lru_cache(maxsize=64)
def steps_query(types: tuple[str, ...], side: str, into: bool) -> str:
    """The ends reached following one shown fact out of $froms on `side` (into $tos)."""
    here, there = ("s", "t") if side == "out" else ("t", "s")
    to = f" AND {there}.id IN $tos" if into else ""
    return (
        f"UNWIND $froms AS id MATCH ({here}:Entity {{id: id}}) "
        f"MATCH (s:Entity)-[r:{rel_alternatives(types)}]->(t:Entity) "
        f"WHERE {_SHOWN_HERE}{to} RETURN DISTINCT {there}.id AS id"
    )


def _stub(m: list[Any]) -> EdgeStub:
    """An `EdgeStub` from a `_STUB` list."""
    handle, rtype, source, target, event_id, confidence, sources, start = m
    day = dt.date.fromisoformat(start) if start else None
    return EdgeStub(handle, rtype, source, target, event_id, float(confidence), int(sources), day)


class CypherGroups(SteppingReader):
    """`GroupReader` over the store's `Read`."""

    def __init__(
        self, read: Read, types: tuple[str, ...], direction: Direction, rule: Shown | None
    ) -> None:
        self.read = read
        self.types = tuple(sorted(set(types)))
        self.direction = direction
        self.sides = ("out", "in") if direction == "both" else (direction,)
        self.params: dict[str, Any] = {
            "actions": list(get_ontology().action_types),
            "below": None if rule is None else rule.below,
            "accepted": ACCEPTED,
        }

    def groups(
        self, nodes: Sequence[str], k: int, only: set[str] | None = None
    ) -> dict[str, NodeGroups]:
        out: dict[str, NodeGroups] = {}
        if not self.types:
            return out
        for side in self.sides:
            loops = not (side == "in" and self.direction == "both")  # hubs.py `_groups`
            rows = self.read(
                groups_query(self.types, side, loops),
                ids=list(nodes),
                k=k,
                only=sorted(only) if only is not None else None,
                **self.params,
            )
            for r in rows:
                edges = [_stub(m) for m in r["firsts"]]
                out.setdefault(r["node"], {})[(r["rtype"], side)] = (edges, int(r["total"]))
        return out

    def among(self, nodes: set[str], expanded: set[str]) -> list[EdgeStub]:
        sources, targets = self.among_ends(nodes, expanded)
        if not sources or not self.types:
            return []
        rows = self.read(among_query(self.types), sources=sources, targets=targets, **self.params)
        return [_stub(r["e"]) for r in rows]

    def steps(self, froms: set[str], tos: set[str] | None) -> set[str]:
        found: set[str] = set()
        if (tos is not None and not tos) or not self.types:
            return found
        for side in self.sides:
            rows = self.read(
                steps_query(self.types, side, tos is not None),
                froms=sorted(froms),
                tos=sorted(tos or ()),
                **self.params,
            )
            found.update(r["id"] for r in rows)
        return found
