"""The embedded store's answers to graph/store/hub_cut.py `GroupReader`, in SQL.

A group's first k facts are the first k entries of `facts_out_rank` / `facts_in_rank`
(schema.sql: a node's facts of one type by `n_sources` DESC, `start_day` DESC, the other
end, the event id: graph/store/hubs.py `_rank`), read by one correlated `LIMIT k`
subquery per group; a group's size is an index-only count (the indexes carry what the
review rule reads: type, best confidence, event id). The review rule of graph/store/
review.py is a condition on the row (`shown_condition`), so nothing here reads a
fact's reports. Cost: the kept entities' degrees for the counts, k rows per group.
"""

from __future__ import annotations

import json
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
            for part in chunks(list(nodes), 2000):
                cond, args = self._where(side, part)
                sizes = self.conn.execute(
                    f"SELECT x.{col}, x.type, count(*) FROM facts x WHERE {cond}"
                    f" GROUP BY x.{col}, x.type",
                    args,
                ).fetchall()
                if not sizes:
                    continue
                keys = [(n, t) for n, t, _ in sizes]
                if only is not None:
                    # most groups' first edge already leaves `only`: read one edge of each
                    # first, then the start of the groups whose first stays inside
                    ones = self._firsts(side, keys, 1, None)
                    keys = [g for g in keys if ones.get(g) and _other(ones[g][0], side) in only]
                firsts = self._firsts(side, keys, k, only) if keys else {}
                for node, rel_type, size in sizes:
                    edges = firsts.get((node, rel_type), [])
                    out.setdefault(node, {})[(rel_type, side)] = (edges, int(size))
        return out

    def _firsts(
        self, side: str, groups: list[tuple[str, str]], k: int, only: set[str] | None
    ) -> dict[tuple[str, str], list[EdgeStub]]:
        """The first `k` facts of each (node, type) group of `side`, in rank order; with
        `only`, the longest start of those whose other end is in `only`."""
        col = _NODE[side]
        other = "target" if side == "out" else "source"
        loop = " AND x.source != x.target" if side == "in" and self.direction == "both" else ""
        out: dict[tuple[str, str], list[EdgeStub]] = {}
        for part in chunks(groups, 1000):
            values = ",".join(["(?, ?)"] * len(part))
            # (a JOIN ON f.id IN (correlated subquery) re-ran the subquery per row of f:
            # 25x slower than gathering each group's ids first)
            top = (
                f"SELECT g.node AS node, f.id AS id, f.type AS type, f.{other} AS other,"
                " f.n_sources AS n, f.start_day AS day, f.event_id AS event"
                " FROM g, json_each((SELECT json_group_array(id) FROM"
                f" (SELECT x.id AS id FROM facts x WHERE x.{col} = g.node AND x.type = g.type"
                f"{loop} AND {self.shown} ORDER BY {_RANK[side]} LIMIT ?))) j"
                " JOIN facts f ON f.id = j.value"
            )
            args: list[object] = [v for g in part for v in g] + [*self.shown_args, k]
            if only is None:
                sql = (
                    f"WITH g(node, type) AS (VALUES {values}), top AS ({top})"
                    f" SELECT top.node, {STUB_COLS} FROM top JOIN facts f ON f.id = top.id"
                )
            else:
                # a running count of the other ends outside `only`, in rank order: the
                # rows before the first such end are the start the cut can use
                sql = (
                    f"WITH g(node, type) AS (VALUES {values}), top AS ({top}),"
                    " run AS (SELECT node, id, sum(other NOT IN (SELECT value FROM json_each(?)))"
                    " OVER (PARTITION BY node, type ORDER BY n DESC, day DESC, other, event"
                    " ROWS UNBOUNDED PRECEDING) AS outside FROM top)"
                    f" SELECT run.node, {STUB_COLS} FROM run JOIN facts f ON f.id = run.id"
                    " WHERE run.outside = 0"
                )
                args.append(json.dumps(sorted(only)))
            for node, *cols in self.conn.execute(sql, args):
                stub = stub_of_row(tuple(cols))
                out.setdefault((node, stub.type), []).append(stub)
        rank = _rank_key(side)
        return {key: sorted(edges, key=rank) for key, edges in out.items()}

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


def _other(e: EdgeStub, side: str) -> str:
    return e.target if side == "out" else e.source


def _rank_key(side: str) -> Callable[[EdgeStub], tuple[object, ...]]:
    """hubs.py `_rank` for a group of `side` (the other end is the target of "out")."""

    def key(e: EdgeStub) -> tuple[object, ...]:
        other = e.target if side == "out" else e.source
        start = e.start.toordinal() if e.start else 0
        return (-e.sources, -start, other, e.event_id)

    return key
