"""The embedded store's answers to graph/store/hub_cut.py `GroupReader`, in SQL.

A group's first k facts are the first k entries of `facts_out_rank` / `facts_in_rank`
(schema.sql: a node's facts of one type by `n_sources` DESC, `start_day` DESC, the other
end, the event id: graph/store/hubs.py `_rank`), read by one `LIMIT k` statement per
group (stopping at the first row outside `only`); a group's size is an index-only count
(the indexes carry what the review rule reads: type, best confidence, event id). The
review rule of graph/store/review.py is a condition on the row (`shown_condition`), so
nothing here reads a fact's reports. Cost: the kept entities' degrees for the counts,
k rows per group.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence

from graph.ontology import get_ontology
from graph.store.embedded.read import STUB_COLS, chunks, stub_of_row
from graph.store.hub_cut import NodeGroups, SteppingReader
from graph.store.hubs import EdgeStub
from graph.store.protocol import Direction
from graph.store.review import ACCEPTED, REJECTED, Shown

_RANK = {
    "out": "x.n_sources DESC, x.start_day DESC, x.target, x.event_id",
    "in": "x.n_sources DESC, x.start_day DESC, x.source, x.event_id",
}
_NODE = {"out": "source", "in": "target"}


def shown_condition(rule: Shown | None, alias: str = "x") -> tuple[str, list[object]]:
    """graph/store/review.py `is_shown` as a condition on a facts row (and its
    arguments): not an action, or accepted, or confident enough and not rejected."""
    if rule is None:
        return "1", []
    actions = get_ontology().action_types
    marks = ",".join("?" * len(actions))
    decided = "SELECT event_id FROM review_decisions WHERE decision = ?"
    return (
        f"({alias}.type NOT IN ({marks}) OR {alias}.event_id IN ({decided})"
        f" OR ({alias}.best_conf >= ? AND {alias}.event_id NOT IN ({decided})))",
        [*actions, ACCEPTED, rule.below, REJECTED],
    )


class SqlGroups(SteppingReader):
    """`GroupReader` over one read transaction's connection."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        types: tuple[str, ...],
        direction: Direction,
        rule: Shown | None,
    ) -> None:
        self.conn = conn
        self.types = list(dict.fromkeys(types))
        self.direction = direction
        self.sides = ("out", "in") if direction == "both" else (direction,)
        self.shown, self.shown_args = shown_condition(rule)

    def _where(self, side: str, nodes: Sequence[str]) -> tuple[str, list[object]]:
        """The facts of `side` groups of `nodes`: followed types, shown; in "both" a loop
        is in its node's "out" group only (hubs.py `_groups`)."""
        loop = " AND x.source != x.target" if side == "in" and self.direction == "both" else ""
        cond = (
            f"x.{_NODE[side]} IN ({','.join('?' * len(nodes))})"
            f" AND x.type IN ({','.join('?' * len(self.types))}){loop} AND {self.shown}"
        )
        return cond, [*nodes, *self.types, *self.shown_args]

    def groups(
        self, nodes: Sequence[str], k: int, only: set[str] | None = None
    ) -> dict[str, NodeGroups]:
        out: dict[str, NodeGroups] = {}
        for side in self.sides:
            col = _NODE[side]
            # With `only`, the count also tells whether any of a group's facts ends in
            # `only`: a group none of whose facts does shows none (its first fact ends
            # outside), so its first k are not read (most groups of a hub's second hop).
            other = "target" if side == "out" else "source"
            into = "1" if only is None else f"max(x.{other} IN ({','.join('?' * len(only))}))"
            for part in chunks(list(nodes), 2000):
                cond, args = self._where(side, part)
                sizes = self.conn.execute(
                    f"SELECT x.{col}, x.type, count(*), {into} FROM facts x WHERE {cond}"
                    f" GROUP BY x.{col}, x.type",
                    [*(sorted(only) if only is not None else ()), *args],
                ).fetchall()
                if not sizes:
                    continue
                read = [(n, t) for n, t, _, reaches in sizes if reaches]
                firsts = self._firsts(side, read, k, only) if read else {}
                for node, rel_type, size, _ in sizes:
                    edges = firsts.get((node, rel_type), [])
                    out.setdefault(node, {})[(rel_type, side)] = (edges, int(size))
        return out

    def _firsts(
        self, side: str, groups: list[tuple[str, str]], k: int, only: set[str] | None
    ) -> dict[tuple[str, str], list[EdgeStub]]:
        """The first `k` facts of each (node, type) group of `side`, in rank order; with
        `only`, the longest start of those whose other end is in `only`. One indexed
        `LIMIT k` read per group, by the same statement (SQLite keeps it prepared): a
        single statement for all the groups (a VALUES list joined to a correlated
        subquery) cost three times as much per group."""
        col = _NODE[side]
        loop = " AND x.source != x.target" if side == "in" and self.direction == "both" else ""
        sql = (
            f"SELECT {STUB_COLS.replace('f.', 'x.')} FROM facts x"
            f" WHERE x.{col} = ? AND x.type = ?{loop} AND {self.shown}"
            f" ORDER BY {_RANK[side]} LIMIT ?"
        )
        out: dict[tuple[str, str], list[EdgeStub]] = {}
        rank = _rank_key(side)
        execute = self.conn.execute
        for node, rel_type in groups:
            edges: list[EdgeStub] = []
            for row in execute(sql, (node, rel_type, *self.shown_args, k)):
                other = row[3] if side == "out" else row[2]
                if only is not None and other not in only:
                    break
                edges.append(stub_of_row(row))
            if edges:
                out[(node, rel_type)] = sorted(edges, key=rank)
        return out

    def among(self, nodes: set[str], expanded: set[str]) -> list[EdgeStub]:
        sources, targets = self.among_ends(nodes, expanded)
        out: list[EdgeStub] = []
        for part in chunks(sources, 2000):
            rows = self.conn.execute(
                f"SELECT {STUB_COLS.replace('f.', 'x.')} FROM facts x"
                f" WHERE x.source IN ({','.join('?' * len(part))})"
                f" AND x.target IN ({','.join('?' * len(targets))})"
                f" AND x.type IN ({','.join('?' * len(self.types))}) AND {self.shown}",
                [*part, *targets, *self.types, *self.shown_args],
            )
            out += (stub_of_row(r) for r in rows)
        return out

    def steps(self, froms: set[str], tos: set[str] | None) -> set[str]:
        found: set[str] = set()
        if tos is not None and not tos:
            return found
        follow = {"out": ("source", "target"), "in": ("target", "source")}
        for side in self.sides:
            here, there = follow[side]
            for part in chunks(sorted(froms), 2000):
                into = f" AND x.{there} IN ({','.join('?' * len(tos))})" if tos is not None else ""
                rows = self.conn.execute(
                    f"SELECT DISTINCT x.{there} FROM facts x"
                    f" WHERE x.{here} IN ({','.join('?' * len(part))}){into}"
                    f" AND x.type IN ({','.join('?' * len(self.types))}) AND {self.shown}",
                    [*part, *sorted(tos or ()), *self.types, *self.shown_args],
                )
                found.update(r[0] for r in rows)
        return found


def _rank_key(side: str) -> Callable[[EdgeStub], tuple[object, ...]]:
    """hubs.py `_rank` for a group of `side` (the other end is the target of "out")."""

    def key(e: EdgeStub) -> tuple[object, ...]:
        other = e.target if side == "out" else e.source
        start = e.start.toordinal() if e.start else 0
        return (-e.sources, -start, other, e.event_id)

    return key
