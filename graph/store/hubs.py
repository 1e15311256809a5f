"""Bounded neighbourhoods: a hub's answer is capped per relation type, with counts.

An exchange like Binance can have thousands of facts; drawing or sending them all helps
nobody. `cap_neighbourhood` cuts a neighbourhood (as the backends traverse it, see
graph/store/embedded/view.py) the way an analyst reads it: breadth-first from the
entity, each expanded node shows at most `per_type` facts of each (relation type,
direction) group, best supported first, and every group that was cut is reported as an
`Omitted` (entity, type, direction, total, shown), so a client can offer "14 more
jurisdictions" and fetch them with `offset` (which pages the start entity's groups).
At most `max_nodes` entities are kept; each fact keeps its first `sources_per_fact`
sources and evidence sentences (the number of sources left out is its
`sources_omitted`; `GET /entities/{id}/relations` and the articles have them all).

The same source cut (`trim_sources`) bounds every answer that carries facts:
`GET /entities/{id}/relations` (also paged), `/in-force`, `/history`, `/paths`.

Facts between two kept entities are kept too (unless a cap cut them), so the drawing
shows how the visible entities are related, not only how each was reached.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from graph.store.protocol import Direction, Fact, InForce, Omitted, PairHistory, Subgraph

SOURCES_PER_FACT = 10  # sources (and evidence sentences) one fact carries in an HTTP answer
ACTIONS_PER_GROUP = 100  # actions of one jurisdiction in an in-force answer
GroupKey = tuple[str, str]  # (relation type, "out" | "in") as seen from the expanded node


@dataclass(frozen=True)
class HubLimits:
    """How much of a neighbourhood one answer holds (the API's defaults; docs/api.md)."""

    per_type: int = 25
    offset: int = 0
    max_nodes: int = 250
    sources_per_fact: int = SOURCES_PER_FACT


@dataclass(frozen=True)
class EdgeStub:
    """What capping a neighbourhood needs of a fact, known before the fact is built.

    A hub's 2-hop neighbourhood holds thousands of facts, and building each `Fact` (its
    event viewed from all its reports) cost far more than the cut that keeps a few
    hundred; a backend that can read these fields cheaply (the embedded store: one SQL
    query) lists stubs, and only the kept ones are built. `handle` is the backend's key
    for building it; `fact` the fact itself when it was built anyway."""

    handle: int | str | None
    type: str
    source: str
    target: str
    event_id: str
    confidence: float
    sources: int  # how many articles report it
    start: dt.date | None  # in force from, else first reported
    fact: Fact | None = None

    @classmethod
    def of(cls, fact: Fact, handle: int | str | None = None) -> EdgeStub:
        return cls(
            handle=handle,
            type=fact.type,
            source=fact.source.id,
            target=fact.target.id,
            event_id=fact.event_id,
            confidence=fact.confidence,
            sources=len(fact.sources),
            start=fact.in_force_from or fact.first_seen,
            fact=fact,
        )

    def order(self) -> tuple[str, str, str, str]:
        """The order of fact records (graph/store/embedded/read.py `record_order`)."""
        return (self.type, self.source, self.target, self.event_id)


@dataclass
class Capped:
    """A cut neighbourhood: the entity ids kept, the edges kept (in the order given) and
    the groups that were cut."""

    nodes: set[str]
    edges: list[EdgeStub]
    omitted: list[Omitted]


def _rank(edge: EdgeStub, node: str) -> tuple[object, ...]:
    """Best supported first, then newest, then the other end's id: a stable order."""
    other = edge.target if edge.source == node else edge.source
    start = edge.start or dt.date.min
    return (-edge.sources, -start.toordinal(), other, edge.event_id)


def _groups(
    edges: list[EdgeStub], direction: Direction
) -> dict[str, dict[GroupKey, list[EdgeStub]]]:
    """Each node's edges by (type, direction), as the traversal follows them."""
    out: dict[str, dict[GroupKey, list[EdgeStub]]] = defaultdict(lambda: defaultdict(list))
    for edge in edges:
        if direction in ("out", "both"):
            out[edge.source][(edge.type, "out")].append(edge)
        # "both": a loop is already in its node's "out" group
        if direction == "in" or (direction == "both" and edge.target != edge.source):
            out[edge.target][(edge.type, "in")].append(edge)
    return out


def trim_sources(fact: Fact, keep: int = SOURCES_PER_FACT) -> Fact:
    """The fact with its first `keep` sources and evidence sentences."""
    if len(fact.sources) <= keep and len(fact.evidence) <= keep:
        return fact
    update = {
        "sources": fact.sources[:keep],
        "evidence": fact.evidence[:keep],
        "sources_omitted": max(0, len(fact.sources) - keep),
    }
    return fact.model_copy(update=update)


def show_group(
    ranked: Sequence[EdgeStub],
    side: str,
    limits: HubLimits,
    kept_nodes: dict[str, None],
    seen: set[str],
    nxt: list[str],
) -> list[EdgeStub]:
    """The edges an expanded node shows of one group, best first: at most `per_type`, up
    to the first whose other end would be an entity past `max_nodes`. Their other ends
    join `kept_nodes`, and those not `seen` before are queued in `nxt` for the next hop."""
    shown: list[EdgeStub] = []
    for edge in ranked:
        if len(shown) == limits.per_type:
            break
        other = edge.target if side == "out" else edge.source
        if other not in kept_nodes and len(kept_nodes) >= limits.max_nodes:
            break
        kept_nodes.setdefault(other, None)
        shown.append(edge)
        if other not in seen:
            seen.add(other)
            nxt.append(other)
    return shown


def cap_edges(
    edges: list[EdgeStub], start: str, depth: int, direction: Direction, limits: HubLimits
) -> Capped:
    """The neighbourhood of `start` made of `edges` (all of it) cut to `limits`; see the
    module doc."""
    groups = _groups(edges, direction)
    kept_nodes: dict[str, None] = {start: None}
    kept_edges: dict[int, EdgeStub] = {}
    cut: set[int] = set()
    omitted: list[Omitted] = []
    frontier, seen = [start], {start}
    for hop in range(depth):
        nxt: list[str] = []
        for node in frontier:
            for (rel_type, side), group in sorted(groups.get(node, {}).items()):
                ranked = sorted(group, key=lambda e, n=node: _rank(e, n))  # type: ignore[misc]
                skip = limits.offset if node == start else 0
                shown = show_group(ranked[skip:], side, limits, kept_nodes, seen, nxt)
                for edge in shown:
                    kept_edges.setdefault(id(edge), edge)
                cut.update(id(e) for e in ranked if id(e) not in kept_edges)
                if len(shown) < len(group):
                    omitted.append(
                        Omitted(
                            entity_id=node,
                            type=rel_type,
                            direction=side,
                            total=len(group),
                            shown=len(shown),
                            offset=skip,
                        )
                    )
        frontier = nxt if hop + 1 < depth else []
    for edge in edges:  # how the kept entities are related among themselves
        if id(edge) in cut and id(edge) not in kept_edges:
            continue
        if edge.source in kept_nodes and edge.target in kept_nodes:
            kept_edges.setdefault(id(edge), edge)
    return Capped(set(kept_nodes), [e for e in edges if id(e) in kept_edges], omitted)


def cap_neighbourhood(
    sub: Subgraph, start: str, depth: int, direction: Direction, limits: HubLimits
) -> Subgraph:
    """`sub` (the whole neighbourhood of `start`, facts built) cut to `limits`."""
    capped = cap_edges([EdgeStub.of(f) for f in sub.edges], start, depth, direction, limits)
    edges = [trim_sources(e.fact, limits.sources_per_fact) for e in capped.edges if e.fact]
    nodes = [n for n in sub.nodes if n.id in capped.nodes]
    return Subgraph(nodes=sorted(nodes, key=lambda n: n.id), edges=edges, omitted=capped.omitted)


def cap_path(path: Subgraph, limits: HubLimits) -> Subgraph:
    """One path with each fact's sources cut to `limits.sources_per_fact`."""
    edges = [trim_sources(f, limits.sources_per_fact) for f in path.edges]
    return path.model_copy(update={"edges": edges})


def cap_in_force(answer: InForce, per_group: int = ACTIONS_PER_GROUP) -> InForce:
    """What is in force: each jurisdiction's first `per_group` actions (`actions_omitted`
    counts the rest), each with its first SOURCES_PER_FACT sources."""
    groups = [
        g.model_copy(
            update={
                "actions": [trim_sources(f) for f in g.actions[:per_group]],
                "actions_omitted": max(0, len(g.actions) - per_group),
            }
        )
        for g in answer.jurisdictions
    ]
    return answer.model_copy(update={"jurisdictions": groups})


def cap_history(history: PairHistory) -> PairHistory:
    """A pair's history, each event and each step with its first SOURCES_PER_FACT sources."""
    steps = [
        s.model_copy(
            update={
                "sources": s.sources[:SOURCES_PER_FACT],
                "sources_omitted": max(0, len(s.sources) - SOURCES_PER_FACT),
            }
        )
        for s in history.timeline
    ]
    events = [trim_sources(f) for f in history.events]
    return history.model_copy(update={"events": events, "timeline": steps})
