"""Review decisions follow their reports through a judgement.

A decision is keyed by its event's id, and an event id names the relation's ends
(graph/store/events.py `event_id`). A judgement that moves a fact's end (a merge, a
split, or undoing one) re-files the fact's reports under a new event id, and the
decision would stay on an id no fact has: a rejected fact would come back in every
curated read. So each backend's judgement write, in its transaction, notes which
articles report each decided event before the replay (`EventReports`), and after it
`carried` hands each decision whose event is gone to the events of the same type that
now hold any of those reports (one after a merge, several after a split or an undone
merge), unless such an event has a decision of its own. A decision handed on leaves
the event that lost it; one that was not (every heir had its own) waits on its event id,
as a decision on a retracted fact does, and is in force again if its event comes back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from graph.store.changes import FACT_ACCEPTED, FACT_REJECTED, ChangeBody
from graph.store.protocol import EntitySummary
from graph.store.review import ACCEPTED, ReviewDecision, decision_change

# event id -> (relation type, the ids of the articles reporting it)
EventReports = dict[str, tuple[str, frozenset[str]]]


@dataclass(frozen=True)
class Carried:
    """A decision handed on: the event that lost it, and the record its heir now holds
    (with the heir's ends), with the change feed's entry for it."""

    old: str
    record: ReviewDecision
    change: ChangeBody


def heirs(before: EventReports, now: EventReports) -> dict[str, list[str]]:
    """For each event of `before` that is no longer stored (not in `now`, which holds
    every event reporting any of `before`'s articles), the events of its type that now
    hold one of its reports, by id."""
    out: dict[str, list[str]] = {}
    for old, (rel_type, articles) in before.items():
        if old in now:
            continue
        found = sorted(e for e, (t, arts) in now.items() if t == rel_type and arts & articles)
        if found:
            out[old] = found
    return out


def carried(
    before: EventReports,
    now: EventReports,
    decisions: Mapping[str, ReviewDecision],
    ends: Mapping[str, tuple[EntitySummary, EntitySummary]],
) -> list[Carried]:
    """The decisions (`decisions`: every stored one, by event id) to hand on, given the
    reports before and after a replay and the (source, target) of each heir (`ends`).
    An heir with a decision of its own keeps it; one that two lost events would hand a
    decision to takes the first by event id."""
    out: list[Carried] = []
    taken: set[str] = set()
    for old, found in sorted(heirs(before, now).items()):
        decision = decisions.get(old)
        if decision is None:
            continue
        for heir in found:
            if heir in decisions or heir in taken or heir not in ends:
                continue
            taken.add(heir)
            source, target = ends[heir]
            record = decision.model_copy(
                update={"event_id": heir, "source": source, "target": target}
            )
            kind = FACT_ACCEPTED if record.decision == ACCEPTED else FACT_REJECTED
            out.append(Carried(old=old, record=record, change=decision_change(kind, record)))
    return out


def articles_of(reports: EventReports) -> list[str]:
    """Every article `reports` names, sorted."""
    return sorted({a for _, arts in reports.values() for a in arts})
