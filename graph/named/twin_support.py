"""Helpers the embedded twins share: Cypher's row order, ISO dates, and the jurisdiction
structure (PART_OF / LOCATED_IN) the Cypher queries walk with variable-length patterns."""

from __future__ import annotations

import datetime as dt
from typing import Any

import networkx as nx

from graph.ontology import REL
from graph.store.protocol import Fact, GraphStore

Row = dict[str, Any]
PART_OF_REACH = 6  # the queries' `PART_OF*0..6`: how far a place may lie inside a jurisdiction
PATH_REACH = 6  # path_between.cypher's `[*..6]`: the longest path it looks for


class _Desc:
    """Reverses the order of a wrapped sort key (for DESC columns)."""

    __slots__ = ("key",)

    def __init__(self, key: Any) -> None:
        self.key = key

    def __lt__(self, other: _Desc) -> bool:
        return bool(other.key < self.key)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Desc) and self.key == other.key


def _null_last(value: Any) -> tuple[int, Any]:
    return (1, 0) if value is None else (0, value)


def cypher_sort(rows: list[Row], *columns: str) -> list[Row]:
    """Sort rows as Cypher's ORDER BY does; a column written '-name' sorts descending."""

    def key(row: Row) -> tuple[Any, ...]:
        out: list[Any] = []
        for col in columns:
            k = _null_last(row[col.lstrip("-")])
            out.append(_Desc(k) if col.startswith("-") else k)
        return tuple(out)

    return sorted(rows, key=key)


def iso(value: dt.date | None) -> str | None:
    """A date as Cypher's rows carry it once the driver's value is made plain: ISO text."""
    return None if value is None else value.isoformat()


def fact_day(fact: Fact) -> str | None:
    """The queries' `coalesce(r.date, toString(r.first_seen))`: the action's own date at
    its precision ("YYYY[-MM[-DD]]"), else the ISO day it was first reported."""
    return fact.date or iso(fact.first_seen)


def structure_graph(store: GraphStore) -> nx.DiGraph:
    """The PART_OF and LOCATED_IN facts the queries walk, each edge flagged by its type
    (a pair joined by both keeps both flags)."""
    g = nx.DiGraph()
    for f in store.iter_facts():
        if f.type in (REL.part_of, REL.located_in):
            g.add_edge(f.source.id, f.target.id, **{f.type: True})
    return g


def within(g: nx.DiGraph, place: str, root: str, hops: int) -> bool:
    """Whether `place` reaches `root` by at most `hops` PART_OF edges (0 hops: itself)."""
    frontier, seen = {place}, {place}
    for _ in range(hops + 1):
        if root in frontier:
            return True
        frontier = {
            t for s in frontier if s in g for t in g.successors(s) if g[s][t].get(REL.part_of)
        } - seen
        seen |= frontier
    return False


def acts_in(g: nx.DiGraph, actor: str, root: str) -> bool:
    """actions_in_jurisdiction.cypher's actor test: the actor is the jurisdiction, lies
    inside it, or is LOCATED_IN a place inside it."""
    if actor == root or (actor in g and actor != root and within(g, actor, root, PART_OF_REACH)):
        return True
    if actor not in g:
        return False
    return any(
        within(g, seat, root, PART_OF_REACH)
        for seat in g.successors(actor)
        if g[actor][seat].get(REL.located_in)
    )
