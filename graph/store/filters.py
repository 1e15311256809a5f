"""The records `BaseStore` hands its backends' primitives, once the arguments are checked.

They carry only validated values, so a primitive never re-checks: `ActionFilter` is an
`actions` call with its action types resolved and its page clamped; `Presence` is what a
jurisdiction filter means, computed by each backend from the same rule (graph/store/base.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from graph.store.review import Shown


@dataclass(frozen=True)
class Presence:
    """A jurisdiction's places (itself plus the places inside it), the entities LOCATED_IN
    one of them, and the entities with any presence relation into one of them."""

    places: frozenset[str] = frozenset()
    located: frozenset[str] = frozenset()
    present: frozenset[str] = frozenset()

    @property
    def actors(self) -> frozenset[str]:
        """Who acts in the jurisdiction: a place of it, or someone seated in one."""
        return self.places | self.located

    @property
    def targets(self) -> frozenset[str]:
        """Who is acted on in the jurisdiction (and what `search` keeps): a place of it,
        or someone present in one."""
        return self.places | self.present


@dataclass(frozen=True)
class ActionFilter:
    """A checked `actions` call. `actors`/`targets` are None without a jurisdiction; with
    one, a fact passes when its source is in `actors` or its target in `targets`.
    `in_force_on` keeps events in force that day (graph/store/events.py `in_force_on`)."""

    types: tuple[str, ...]
    actor: str | None = None
    target: str | None = None
    target_type: str | None = None
    actors: frozenset[str] | None = None
    targets: frozenset[str] | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    in_force_on: dt.date | None = None  # events with in_force_from <= day < in_force_until
    status: str | None = None  # "active" or "ended" (the event's current status)
    # the review rule (graph/store/review.py): None shows every stored fact
    shown: Shown | None = None
    limit: int = 100
    offset: int = 0
