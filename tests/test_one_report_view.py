"""An event of one report takes `view_event`'s short way (graph/store/events.py
`_one_report_view`): the view must be the one the general way gives for the same report."""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Any

from graph.store import events
from graph.store.events import Support, view_event

_DATES = (None, "2021", "2021-09", "2021-09-14")
_SEEN = (None, dt.date(2021, 10, 2))
_PROPERTIES: tuple[dict[str, Any], ...] = (
    {},
    {"amount": 4_300_000_000, "currency": "usd"},
    {"amount": "12.5"},
    {"status": "active"},
    {"status": "ended", "ended_how": "lifted", "ended_on": "2022-01"},
    {"status": "ended"},
)


def _reports() -> list[Support]:
    return [
        Support(f"a{i}", "It happened.", seen, 0.8, date, props)
        for i, (date, seen, props) in enumerate(itertools.product(_DATES, _SEEN, _PROPERTIES))
    ]


def test_one_report_view_is_the_general_view() -> None:
    for s in _reports():
        for stored in (None, "ev-stored"):
            general = events._reports_view("reg:a", "FINED", "ex:b", [s], stored)
            assert view_event("reg:a", "FINED", "ex:b", [s], stored_id=stored) == general


def test_the_short_way_is_taken_for_a_report_that_ends_nothing() -> None:
    s = Support("a1", None, dt.date(2020, 5, 1), 0.5, None, {})
    view = view_event("reg:a", "BANNED", "ex:b", [s])
    assert view.start == dt.date(2020, 5, 1)
    assert view.status == "active" and view.end is None
    assert view.history[0].sources == ("a1",)
