"""A capped neighbourhood read without listing the whole neighbourhood first.

graph/store/hubs.py `cap_edges` cuts a neighbourhood it is given whole: a hub's 2-hop
neighbourhood at 100k articles is ~100k facts, listed (and filtered for review) only for
a few hundred to be kept. `cap_bounded` gives the same answer from what the cut looks at:

* each expanded node's groups ((relation type, direction) of its shown facts): the first
  `offset + per_type` (start) or `per_type` by `hubs._rank`, and each group's size. Every
  shown fact of an expanded node is in the neighbourhood (the node is within depth - 1
  hops), so these are its groups there;
* the facts `cap_edges` keeps in its last sweep ("how the kept entities are related"):
  shown facts between kept entities that no expanded node ranked, and that are in the
  neighbourhood, i.e. followed out of an entity within depth - 1 hops of the start over
  shown facts (`within`).

A backend answers these three questions (`GroupReader`) with queries whose cost follows
the cut (the kept entities and their groups), not the neighbourhood: the embedded store
in SQL over an index in rank order (graph/store/embedded/hub_cut.py).
tests/test_hubs.py checks the answers against `hubs.cap_neighbourhood` on both stores.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Mapping, Sequence
from typing import Protocol

from graph.store.hubs import Capped, EdgeStub, GroupKey, HubLimits, show_group
from graph.store.protocol import Direction, Omitted

READ_NODES = 25  # the expanded nodes whose groups one `GroupReader.groups` call reads
# A node's groups: (type, "out" | "in") -> (the first k edges by rank, the group's size)
NodeGroups = dict[GroupKey, tuple[list[EdgeStub], int]]


class GroupReader(Protocol):
    """What `cap_bounded` asks a backend, over the facts a read shows (review scope) of
    the followed types, in the read's direction."""

    def groups(
        self, nodes: Sequence[str], k: int, only: set[str] | None = None
    ) -> dict[str, NodeGroups]:
        """Each node's groups, each with its first `k` edges by `hubs._rank` from that
        node and its size (a node with no shown fact has none). With `only`, of those
        first `k` only the edges before the first whose other end is not in `only`."""

    def among(self, nodes: set[str], expanded: set[str]) -> list[EdgeStub]:
        """The edges with both ends in `nodes` that are in no group of an `expanded`
        node (the direction's group ends: source for "out", target for "in", either for
        "both")."""

    def within(self, start: str, hops: int, nodes: set[str]) -> set[str]:
        """Those of `nodes` at most `hops` steps from `start`."""


class SteppingReader(ABC):
    """`GroupReader.within` and the ends of `among`, for a backend that reads one step
    of shown facts at a time (`steps`)."""

    direction: Direction

    @abstractmethod
    def steps(self, froms: set[str], tos: set[str] | None) -> set[str]:
        """The ends reached by following one shown fact out of `froms` (into `tos`)."""

    def within(self, start: str, hops: int, nodes: set[str]) -> set[str]:
        """Those of `nodes` at most `hops` steps from `start`: the ball of `hops - 1`
        steps, then one more step into `nodes`."""
        ball, frontier = {start}, {start}
        for _ in range(hops - 1):
            frontier = self.steps(frontier, None) - ball
            ball |= frontier
        return (nodes & ball) | self.steps(ball, nodes - ball)

    def among_ends(self, nodes: set[str], expanded: set[str]) -> tuple[list[str], list[str]]:
        """The (sources, targets) between which `among` reads: a group end must be a
        node not `expanded` (its groups were read), the other end any of `nodes`; both
        are empty when every node was expanded."""
        free = sorted(nodes - expanded)
        if not free:
            return [], []
        every = sorted(nodes)
        if self.direction == "out":
            return free, every
        if self.direction == "in":
            return every, free
        return free, free


def follow_ends(edge: EdgeStub, direction: Direction) -> tuple[str, ...]:
    """The ends a traversal follows an edge out of."""
    if direction == "out":
        return (edge.source,)
    if direction == "in":
        return (edge.target,)
    return (edge.source, edge.target)


def cap_bounded(
    reader: GroupReader, start: str, depth: int, direction: Direction, limits: HubLimits
) -> Capped:
    """`hubs.cap_edges` of the start's whole neighbourhood, read through `reader`."""
    kept_nodes: dict[str, None] = {start: None}
    kept: dict[str, EdgeStub] = {}  # by event id
    omitted: list[Omitted] = []
    expanded: set[str] = set()
    frontier, seen = [start], {start}
    for hop in range(depth):
        k = limits.per_type + (limits.offset if hop == 0 else 0)
        nxt: list[str] = []
        for at in range(0, len(frontier), READ_NODES):
            batch = frontier[at : at + READ_NODES]
            # Once the entities are all taken (a hub's second hop, soon), the rest of the
            # traversal adds none: a group shows its edges up to the first to an entity
            # not taken, so only those are read (the start's groups, paged by `offset`,
            # are read whole).
            full = hop > 0 and len(kept_nodes) >= limits.max_nodes
            groups: Mapping[str, NodeGroups] = reader.groups(
                batch, k, set(kept_nodes) if full else None
            )
            for node in batch:
                expanded.add(node)
                for (rel_type, side), (ranked, total) in sorted(groups.get(node, {}).items()):
                    skip = limits.offset if node == start else 0
                    shown = show_group(ranked[skip:], side, limits, kept_nodes, seen, nxt)
                    for edge in shown:
                        kept.setdefault(edge.event_id, edge)
                    if len(shown) < total:
                        omitted.append(
                            Omitted(
                                entity_id=node,
                                type=rel_type,
                                direction=side,
                                total=total,
                                shown=len(shown),
                                offset=skip,
                            )
                        )
        frontier = nxt if hop + 1 < depth else []
    if depth > 1:  # at depth 1 every fact of the neighbourhood is in the start's groups
        rest = [e for e in reader.among(set(kept_nodes), expanded) if e.event_id not in kept]
        if rest:
            ends = {n for e in rest for n in follow_ends(e, direction)}
            near = reader.within(start, depth - 1, ends)
            for edge in rest:
                if any(n in near for n in follow_ends(edge, direction)):
                    kept.setdefault(edge.event_id, edge)
    return Capped(set(kept_nodes), sorted(kept.values(), key=EdgeStub.order), omitted)
