"""graph/store/neo4j/beside.py against graph/store/events.py: new reports cut beside a
relation's stored events give the events (and ids) of a cut of all the reports."""

from __future__ import annotations

import datetime as dt
import random

from graph.partial_dates import dates_agree
from graph.store.events import Support, events_of
from graph.store.neo4j.beside import Head, cut_beside
from graph.store.neo4j.touched import touched

KEY = ("regulator:sec", "FINED", "exchange:kraken")


def _report(rng: random.Random, aid: str) -> Support:
    day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(0, 900, 15))
    date = rng.choice([day.isoformat()] * 4 + [day.isoformat()[:7], str(day.year)])
    amount = rng.choice([None, 1e6, 2e6])
    props = {} if amount is None else {"amount": amount, "currency": "USD"}
    return Support(aid, f"said {aid}", day, 0.9, date, props)


def _events(supports: list[Support]) -> set[tuple[str, tuple[str, ...]]]:
    return {(v.event_id, tuple(s.article_id for s in g)) for v, g in events_of(*KEY, supports)}


def test_a_cut_beside_the_stored_events_is_the_cut_of_all_reports() -> None:
    rng = random.Random(7)
    tried = renamed = 0
    for trial in range(400):
        stored = [_report(rng, f"a{trial:03d}-{i}") for i in range(rng.randrange(1, 9))]
        new = [_report(rng, f"b{trial:03d}-{i}") for i in range(rng.randrange(1, 4))]
        if any(dates_agree(s.date, n.date) for s in stored for n in new):
            continue  # the server would have said so: read whole
        heads = [Head(v.event_id, v.date, v.amount) for v, _ in events_of(*KEY, stored)]
        beside = cut_beside(KEY, heads, new)
        if beside is None:
            continue
        tried += 1
        renamed += bool(beside.renamed)
        kept = {
            (beside.renamed.get(v.event_id, v.event_id), tuple(s.article_id for s in g))
            for v, g in events_of(*KEY, stored)
        }
        cut = {(v.event_id, tuple(s.article_id for s in g)) for v, g in beside.cut}
        assert kept | cut == _events(stored + new), trial
    assert tried > 100 and renamed > 10


def test_two_events_of_one_year_amount_and_date_are_left_to_a_whole_cut() -> None:
    a = Support("a", None, None, 0.9, "2021-03-04", {"amount": 1e6, "currency": "USD"})
    b = Support("b", None, None, 0.9, "2021-03-04", {"amount": 1e6, "currency": "USD"})
    (view, _), *_ = events_of(*KEY, [a])
    assert cut_beside(KEY, [Head(view.event_id, view.date, view.amount)], [b]) is None


def test_new_reports_agreeing_with_stored_ones_recut_only_the_events_they_reach() -> None:
    rng = random.Random(11)
    tried = partial = 0
    for trial in range(600):
        stored = [_report(rng, f"a{trial:03d}-{i}") for i in range(rng.randrange(1, 12))]
        new = [_report(rng, f"b{trial:03d}-{i}") for i in range(rng.randrange(1, 4))]
        events = events_of(*KEY, stored)
        reach = touched(
            {v.event_id: {s.date or "" for s in g} for v, g in events}, {n.date or "" for n in new}
        )
        again = [s for v, g in events if v.event_id in reach for s in g]
        heads = [Head(v.event_id, v.date, v.amount) for v, _ in events if v.event_id not in reach]
        beside = cut_beside(KEY, heads, again + new, frozenset(reach))
        if beside is None:
            continue
        tried += 1
        partial += bool(reach) and bool(heads)
        kept = {
            (beside.renamed.get(v.event_id, v.event_id), tuple(s.article_id for s in g))
            for v, g in events
            if v.event_id not in reach
        }
        cut = {(v.event_id, tuple(s.article_id for s in g)) for v, g in beside.cut}
        assert kept | cut == _events(stored + new), trial
    assert tried > 150 and partial > 50


def test_the_events_new_dates_reach_follow_chains_of_agreeing_dates() -> None:
    stored = {
        "e1": {"2021-03-04"},
        "e2": {"2021-07", "2021-07-01"},  # "2021-07" agrees with every day of July
        "e3": {"2021-07-15"},
        "e4": {"2022-03-04"},
    }
    assert touched(stored, {"2021-03-04"}) == {"e1"}
    assert touched(stored, {"2021-07-01"}) == {"e2", "e3"}
    assert touched(stored, {"2021"}) == {"e1", "e2", "e3"}
    assert touched(stored, {"2023-01-01"}) == set()
