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


def _rank(fact: Fact, node: str) -> tuple[object, ...]:
    """Best supported first, then newest, then the other end's id: a stable order."""
    other = fact.target.id if fact.source.id == node else fact.source.id
    start = fact.in_force_from or fact.first_seen or dt.date.min
    return (-len(fact.sources), -start.toordinal(), other, fact.event_id)


def _groups(edges: list[Fact], direction: Direction) -> dict[str, dict[GroupKey, list[Fact]]]:
    """Each node's facts by (type, direction), as the traversal follows them."""
    out: dict[str, dict[GroupKey, list[Fact]]] = defaultdict(lambda: defaultdict(list))
    for fact in edges:
        if direction in ("out", "both"):
            out[fact.source.id][(fact.type, "out")].append(fact)
        # "both": a loop is already in its node's "out" group
        if direction == "in" or (direction == "both" and fact.target.id != fact.source.id):
            out[fact.target.id][(fact.type, "in")].append(fact)
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


def cap_neighbourhood(
    sub: Subgraph, start: str, depth: int, direction: Direction, limits: HubLimits
) -> Subgraph:
    """`sub` (the whole neighbourhood of `start`) cut to `limits`; see the module doc."""
    groups = _groups(sub.edges, direction)
    by_id = {n.id: n for n in sub.nodes}
    kept_nodes: dict[str, None] = {start: None}
    kept_edges: dict[int, Fact] = {}
    cut: set[int] = set()
    omitted: list[Omitted] = []
    frontier, seen = [start], {start}
    for hop in range(depth):
        nxt: list[str] = []
        for node in frontier:
            for (rel_type, side), facts in sorted(groups.get(node, {}).items()):
                ranked = sorted(facts, key=lambda f, n=node: _rank(f, n))  # type: ignore[misc]
                skip = limits.offset if node == start else 0
                shown: list[Fact] = []
                for fact in ranked[skip:]:
                    if len(shown) == limits.per_type:
                        break
                    other = fact.target.id if side == "out" else fact.source.id
                    if other not in kept_nodes and len(kept_nodes) >= limits.max_nodes:
                        break
                    kept_nodes.setdefault(other, None)
                    shown.append(fact)
                    if other not in seen:
                        seen.add(other)
                        nxt.append(other)
                for fact in shown:
                    kept_edges.setdefault(id(fact), fact)
                cut.update(id(f) for f in ranked if id(f) not in kept_edges)
                if len(shown) < len(facts):
                    omitted.append(
                        Omitted(
                            entity_id=node,
                            type=rel_type,
                            direction=side,
                            total=len(facts),
                            shown=len(shown),
                            offset=skip,
                        )
                    )
        frontier = nxt if hop + 1 < depth else []
    for fact in sub.edges:  # how the kept entities are related among themselves
        if id(fact) in cut and id(fact) not in kept_edges:
            continue
        if fact.source.id in kept_nodes and fact.target.id in kept_nodes:
            kept_edges.setdefault(id(fact), fact)
    edges = [trim_sources(f, limits.sources_per_fact) for f in sub.edges if id(f) in kept_edges]
    nodes = [by_id[n] for n in sorted(kept_nodes) if n in by_id]
    return Subgraph(nodes=nodes, edges=edges, omitted=omitted)


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
