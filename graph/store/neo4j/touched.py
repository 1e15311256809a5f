"""Which stored events of a relation new dated reports can change: the rest stay as they are.

graph/store/events.py puts two reports in one event only if their dates agree (at the
precision both give: one is a prefix of the other), and every report of an event agrees
with the event's date and hence with every other of its reports. So the reports of a
relation fall apart into components (reports linked by chains of agreeing dates), no
event spans two of them, and the greedy cut of one component does not depend on the
reports of another (a report only ever joins an event whose date agrees with its own).

When new reports' dates agree with some stored reports' (another article on the same
fine, the common case in news), only the stored events of the components the new dates
reach must be cut again with them: `touched` finds those events from each stored event's
distinct report dates. The other events keep their reports; graph/store/neo4j/beside.py
`cut_beside` then gives every event its id, as it does when no stored report agrees.
An undated report agrees with every date, so a relation with one is read whole.

Dates are canonical texts "YYYY[-MM[-DD]]" (graph/models.py), so two agree exactly when
one is a prefix of the other (graph/partial_dates.py `PartialDate.agrees`), as the
server's half of the test, beside.py `AGREES`, has it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def touched(events: Mapping[str, Iterable[str]], dates: Iterable[str]) -> set[str]:
    """The ids of the stored `events` (event id -> its reports' dates) in the components
    that the new reports' `dates` reach: every event linked to one of them by a chain of
    agreeing dates."""
    reached = set(dates)
    left = {eid: set(ds) for eid, ds in events.items()}
    out: set[str] = set()
    grew = True
    while grew:
        grew = False
        for eid, ds in list(left.items()):
            if any(_agree(a, b) for a in ds for b in reached):
                out.add(eid)
                reached |= ds
                del left[eid]
                grew = True
    return out


def _agree(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)
