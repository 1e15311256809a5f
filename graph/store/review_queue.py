"""The review queue's public methods, shared by both backends (graph/store/review.py has
the rules): `review` lists the queue, `decide` records an accept or reject, `undo_decision`
deletes one, and `shown_facts` is the filter the curated reads of graph/store/base.py
apply. A backend implements four primitives: the facts the queue may hold, the stored
decisions, one fact by event id, and storing (or deleting) a decision with its change."""

from __future__ import annotations

import datetime as dt
from abc import ABC, abstractmethod
from contextlib import AbstractContextManager
from typing import TypeVar

from graph.errors import InvalidInputError, NotFoundError
from graph.ontology import get_ontology
from graph.store.changes import FACT_ACCEPTED, FACT_REJECTED, REVIEW_UNDONE, ChangeBody
from graph.store.hubs import EdgeStub
from graph.store.protocol import Fact
from graph.store.review import (
    ACCEPTED,
    MAX_REVIEW,
    REJECTED,
    REVIEW_STATES,
    ReviewDecision,
    ReviewItem,
    ReviewPage,
    Shown,
    decision_change,
    is_shown,
    item_of,
    queue_order,
    reviewed_types,
)

_KIND = {ACCEPTED: FACT_ACCEPTED, REJECTED: FACT_REJECTED}


F = TypeVar("F", Fact, EdgeStub)


class ReviewQueue(ABC):
    """The review methods of `BaseStore`; `review_below` is CRYPTOREG_REVIEW_BELOW."""

    review_below: float = 0.0

    def review(
        self,
        state: str = "pending",
        action_type: str | None = None,
        entity: str | None = None,
        limit: int = 50,
        offset: int = 0,
    ) -> ReviewPage:
        """The queue: facts in `state` ("pending", "accepted", "rejected" or "all"), of
        `action_type`, naming `entity` (as actor or target), least sure first."""
        if state not in REVIEW_STATES:
            raise InvalidInputError(f"state must be one of {list(REVIEW_STATES)}, not {state!r}")
        if action_type is not None and action_type not in reviewed_types():
            raise InvalidInputError(
                f"{action_type!r} is not an action type: {list(reviewed_types())}"
            )
        below = self.review_below
        with self._snapshot():
            facts = {f.event_id: f for f in self._review_facts(below)}
            decisions = self._decisions(None)
        items = [
            item
            for eid in sorted(facts.keys() | decisions.keys())
            if (item := item_of(eid, facts.get(eid), decisions.get(eid), below)) is not None
            and (state == "all" or item.state == state)
            and (action_type is None or item.type == action_type)
            and (not entity or entity in (item.source.id, item.target.id))
        ]
        items.sort(key=queue_order)
        start, size = max(offset, 0), min(max(limit, 0), MAX_REVIEW)
        return ReviewPage(items=items[start : start + size], total=len(items), review_below=below)

    def decide(self, event_id: str, decision: str, note: str | None = None) -> ReviewItem:
        """Record that the action fact `event_id` is accepted or rejected (replacing an
        earlier decision); deciding the same again changes nothing. NotFoundError when no
        stored fact has that id."""
        if decision not in _KIND:
            raise InvalidInputError(f"decision must be {ACCEPTED!r} or {REJECTED!r}")
        with self._snapshot():
            fact = self._fact_by_event(event_id)
            before = self._decisions([event_id]).get(event_id)
        if fact is None:
            raise NotFoundError(f"no fact with event id {event_id!r}")
        if fact.type not in reviewed_types():
            raise InvalidInputError(
                f"{fact.type} is not reviewed: only action facts are ({list(reviewed_types())})"
            )
        note = note.strip() if note and note.strip() else None
        if before is not None and (before.decision, before.note) == (decision, note):
            record = before
        else:
            record = ReviewDecision(
                event_id=event_id,
                decision=decision,
                type=fact.type,
                source=fact.source,
                target=fact.target,
                at=dt.datetime.now(dt.UTC),
                note=note,
            )
            self._store_decision(event_id, record, decision_change(_KIND[decision], record))
        item = item_of(event_id, fact, record, self.review_below)
        assert item is not None  # a decided fact is always in the queue
        return item

    def undo_decision(self, event_id: str) -> ReviewDecision:
        """Delete the decision on `event_id` (the fact follows its confidence again) and
        return it; NotFoundError when there is none."""
        with self._snapshot():
            record = self._decisions([event_id]).get(event_id)
        if record is None:
            raise NotFoundError(f"no review decision on {event_id!r}")
        self._store_decision(event_id, None, decision_change(REVIEW_UNDONE, record))
        return record

    def shown_facts(self, facts: list[F], scope: str) -> list[F]:
        """The facts (or their stubs) a read of `scope` ("shown", "pending" or "all")
        shows, in their order."""
        rule = Shown.of(scope, self.review_below)
        if rule is None:
            return facts
        types = get_ontology().action_types
        ids = sorted({f.event_id for f in facts if f.type in types})
        decisions = self._decisions(ids) if ids else {}
        return [f for f in facts if is_shown(f, decisions.get(f.event_id), rule)]

    def _snapshot(self) -> AbstractContextManager[object]:
        raise NotImplementedError  # BaseStore's

    # -- primitives each backend implements ----------------------------------------------

    @abstractmethod
    def _review_facts(self, below: float) -> list[Fact]:
        """The action facts whose confidence is below `below` or that have a decision."""

    @abstractmethod
    def _decisions(self, event_ids: list[str] | None) -> dict[str, ReviewDecision]:
        """The stored decisions on these events (None: every decision), by event id."""

    @abstractmethod
    def _fact_by_event(self, event_id: str) -> Fact | None:
        """The stored fact with this event id, or None."""

    @abstractmethod
    def _store_decision(
        self, event_id: str, record: ReviewDecision | None, change: ChangeBody
    ) -> None:
        """Store `record` as the decision on `event_id` (None: delete it) and append
        `change` to the change log, in one write transaction."""
