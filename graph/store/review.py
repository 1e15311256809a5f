"""The review queue's rules, once for both stores: which action facts are doubtful, which
are shown, and the records of a reviewer's decision.

An action fact (one event, graph/store/events.py) whose confidence (its best report's)
is below the store's `review_below` (CRYPTOREG_REVIEW_BELOW, default 0.6, which
graph/store/factory.py `open_store` passes; a store constructed without it queues
nothing, 0.0) is *pending*: it is stored
like any other, but kept apart from the curated reads until a reviewer decides. A
decision is keyed by the event's stable `event_id`, stored apart from the facts, so it
survives retracting and re-ingesting the articles, follows the fact's reports when a
judgement re-files them under another event id (graph/store/review_carry.py), and is
respected by every later read:

* *accepted*: shown whatever its confidence, and whatever new reports arrive;
* *rejected*: never shown by the curated reads, even when a re-ingest reports it again;
* no decision: shown when its confidence is at least `review_below`, else pending.

Undoing a decision (deleting it) makes the fact follow its confidence again. The curated
reads are `actions`, `neighbours`, `relations_of`, `shortest_paths` (a path whose step
only a hidden fact made is dropped), `in_force`, `pair_history` and `fines`;
`include_unreviewed=True` (where a read offers it) shows pending facts too, never rejected
ones. What the store *holds* is unchanged: `get_article`, the iterators (export,
analytics), `stats`, named queries and the change feed carry every stored fact, so a
reviewer and an auditor see what was reported. Only action facts are reviewed: structure
facts decide jurisdictions and presence, which a queue should not silently reshape.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final, Literal

from pydantic import BaseModel, Field

from graph.ontology import get_ontology
from graph.store.changes import ChangeBody, FactChange
from graph.store.hubs import EdgeStub
from graph.store.protocol import EntitySummary, Fact, Subgraph

ACCEPTED: Final = "accepted"
REJECTED: Final = "rejected"
PENDING: Final = "pending"
Decision = Literal["accepted", "rejected"]
ReviewState = Literal["pending", "accepted", "rejected"]
REVIEW_STATES: tuple[str, ...] = (PENDING, ACCEPTED, REJECTED, "all")
# The extractor's action confidences run 0.4-0.85: each trigger pattern has its own
# (ingest/extraction/actions/trigger_patterns.py: 0.85 for "banned", 0.5 for "revoked"),
# less 0.05 when the target was found by a fallback and 0.1 for the members of a group an
# action names. On examples/ 7 of 36 actions fall below 0.6, 4 of them wrong (the FSA
# "sued" the Nikkei, three right: the SEC's suit named each Binance company). It is
# the setting's default (graph/settings.py, what `open_store` passes); a store built
# directly queues nothing unless given `review_below`.
DEFAULT_REVIEW_BELOW = 0.6
MAX_REVIEW = 500  # the largest page `review` returns


class ReviewDecision(BaseModel):
    """A reviewer's decision on one event, with the fact's ends as they were then (so a
    decision on a fact no longer stored still says what it was about)."""

    event_id: str
    decision: Decision
    type: str
    source: EntitySummary
    target: EntitySummary
    at: dt.datetime
    note: str | None = None


class ReviewItem(BaseModel):
    """One fact in the review queue: what it says, where, how sure, why it is doubtful."""

    event_id: str
    state: ReviewState
    type: str
    source: EntitySummary
    target: EntitySummary
    confidence: float | None = Field(
        None, description="The best report's confidence; None when the fact is no longer stored."
    )
    date: str | None = None
    articles: list[str] = Field(default_factory=list)
    sentences: list[str] = Field(default_factory=list)
    why: str
    decision: ReviewDecision | None = None


class ReviewPage(BaseModel):
    """One page of the queue, the number of items the filter admits, and the threshold."""

    items: list[ReviewItem]
    total: int
    review_below: float


# What a read shows: "shown" (confident or accepted: the default), "pending" (those and
# the pending ones: `include_unreviewed`), "all" (every stored fact, rejected ones too:
# what the named queries' embedded twins and the entity export read).
ReviewScope = Literal["shown", "pending", "all"]


@dataclass(frozen=True)
class Shown:
    """Which action facts a curated read shows: confidence at least `below` (0 shows every
    pending fact) unless decided; accepted always, rejected never."""

    below: float

    @classmethod
    def of(cls, scope: str, review_below: float) -> Shown | None:
        """The rule of a read scope; None for "all" (nothing hidden)."""
        if scope == "all":
            return None
        return cls(0.0 if scope == "pending" else review_below)


def reviewed_types() -> tuple[str, ...]:
    """The relation types the queue covers: the ontology's action types."""
    return get_ontology().action_types


def is_shown(fact: Fact | EdgeStub, decision: ReviewDecision | None, rule: Shown) -> bool:
    """Whether a curated read shows this fact (non-action facts always)."""
    if fact.type not in reviewed_types():
        return True
    if decision is not None:
        return decision.decision == ACCEPTED
    return fact.confidence >= rule.below


def state_of(
    fact: Fact | None, decision: ReviewDecision | None, below: float
) -> ReviewState | None:
    """The queue state of a fact (None: confident and undecided, so not in the queue)."""
    if decision is not None:
        return decision.decision
    if fact is not None and fact.type in reviewed_types() and fact.confidence < below:
        return PENDING
    return None


def why_doubtful(fact: Fact | None, decision: ReviewDecision | None, below: float) -> str:
    """A sentence a reviewer reads: why the fact is in the queue."""
    if fact is None:
        return "no article reports this fact any more; the decision waits for a re-ingest"
    reports = len(fact.sources)
    said = f"{reports} article{'s' if reports != 1 else ''}"
    if fact.confidence < below:
        doubt = f"confidence {fact.confidence:g} is below {below:g} (best of {said})"
    else:
        doubt = f"confidence {fact.confidence:g} (best of {said}) needs no review"
    if decision is None:
        return doubt
    return f"{decision.decision} on {decision.at:%Y-%m-%d}; {doubt}"


def item_of(
    event_id: str, fact: Fact | None, decision: ReviewDecision | None, below: float
) -> ReviewItem | None:
    """The queue item of an event (None when it needs no review and has no decision)."""
    state = state_of(fact, decision, below)
    if state is None:
        return None
    ends = fact or decision
    assert ends is not None  # a state needs one of them
    return ReviewItem(
        event_id=event_id,
        state=state,
        type=ends.type,
        source=ends.source,
        target=ends.target,
        confidence=fact.confidence if fact else None,
        date=fact.date if fact else None,
        articles=fact.sources if fact else [],
        sentences=fact.evidence if fact else [],
        why=why_doubtful(fact, decision, below),
        decision=decision,
    )


def queue_order(item: ReviewItem) -> tuple[object, ...]:
    """Least sure first (facts no longer stored last), then type, ends and event id."""
    return (
        item.confidence is None,
        item.confidence or 0.0,
        item.type,
        item.source.id,
        item.target.id,
        item.event_id,
    )


def follow_ends(edge: EdgeStub, direction: str) -> list[tuple[str, str]]:
    """(from, to) pairs an edge may be followed along in a traversal's direction."""
    s, t = edge.source, edge.target
    return {"out": [(s, t)], "in": [(t, s)]}.get(direction, [(s, t), (t, s)])


def reachable_edges(
    edges: list[EdgeStub], start: str, depth: int, direction: str
) -> tuple[set[str], list[EdgeStub]]:
    """What a traversal over `edges` alone reaches (graph/store/embedded/view.py's
    rule: edges followed out of nodes within depth - 1 hops): (entity ids, edges in
    the order given). With the edges a read hides taken out of a traversal's answer,
    this is the traversal of the graph without them: hiding edges only makes distances
    longer."""
    dist = {start: 0}
    kept: set[int] = set()
    for hop in range(depth):
        for i, e in enumerate(edges):
            for a, b in follow_ends(e, direction):
                if dist.get(a) == hop:
                    kept.add(i)
                    dist.setdefault(b, hop + 1)
    found = [e for i, e in enumerate(edges) if i in kept]
    return {start} | {n for e in found for n in (e.source, e.target)}, found


def reachable(sub: Subgraph, start: str, depth: int, direction: str) -> Subgraph:
    """`reachable_edges` over a neighbourhood whose facts are built."""
    nodes, found = reachable_edges([EdgeStub.of(f) for f in sub.edges], start, depth, direction)
    return Subgraph(
        nodes=[n for n in sub.nodes if n.id in nodes],
        edges=[e.fact for e in found if e.fact is not None],
        omitted=sub.omitted,
    )


def joined_paths(paths: list[Subgraph], keep: set[int]) -> list[Subgraph]:
    """The paths whose every step keeps a fact (by `id()` of the fact objects in `keep`),
    each with only those facts."""
    out = []
    for p in paths:
        edges = [f for f in p.edges if id(f) in keep]
        steps = {frozenset((a.id, b.id)) for a, b in zip(p.nodes, p.nodes[1:], strict=False)}
        if all(any(frozenset((f.source.id, f.target.id)) == s for f in edges) for s in steps):
            out.append(Subgraph(nodes=p.nodes, edges=edges, omitted=p.omitted))
    return out


def decision_change(kind: str, record: ReviewDecision) -> ChangeBody:
    """The change feed's entry for a decision made or undone on one event."""
    return ChangeBody(
        kind=kind,
        facts=[
            FactChange(
                event_id=record.event_id,
                type=record.type,
                source=record.source,
                target=record.target,
                change="changed",
            )
        ],
    )
