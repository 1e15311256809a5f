"""How a fact's per-article support becomes the `Fact` record every store returns.

A fact (source, type, target) has one `Support` per article that states it; an action's
supports are cut into events by graph/store/events.py, and each event is one record.
Both stores keep the supports and build the record with `build_fact`, so the merge
rules live here once:

* `sources`: article ids, sorted; `evidence` aligned with them ("" when an article gave
  no sentence);
* `first_seen` / `last_seen`: min / max of the supporting articles' published dates
  (None when no supporting article is dated);
* `confidence`: the highest support's;
* `date`, `status`, `ended_how`, `ended_on`, `history`, amount and currency: what the
  event's reports say together (graph/store/events.py `view_event`);
* `properties`: the rest, merged in article-id order, later articles overriding earlier
  keys (None values ignored);
* `effective_date(fact)`: `date` if set, else `first_seen`: what `actions` filters and
  orders on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from graph.partial_dates import first_day
from graph.store.events import EVENT_PROPERTIES, EventView, Support, view_event
from graph.store.protocol import EntitySummary, Fact, StatusChange

__all__ = ["Support", "action_order", "build_fact", "effective_date", "fact_of_event"]


def build_fact(
    rel_type: str, source: EntitySummary, target: EntitySummary, supports: Iterable[Support]
) -> Fact:
    """The merged record of one event (or one structure fact) from its supports (at
    least one): the reports `events_of` grouped together."""
    ordered = sorted(supports, key=lambda s: s.article_id)
    view = view_event(source.id, rel_type, target.id, ordered)
    return fact_of_event(rel_type, source, target, view, ordered)


def fact_of_event(
    rel_type: str,
    source: EntitySummary,
    target: EntitySummary,
    view: EventView,
    supports: Iterable[Support],
) -> Fact:
    """The `Fact` record of an event already viewed (`events_of` gives both)."""
    ordered = sorted(supports, key=lambda s: s.article_id)
    seen = [s.seen for s in ordered if s.seen is not None]
    return Fact(
        type=rel_type,
        source=source,
        target=target,
        event_id=view.event_id,
        sources=[s.article_id for s in ordered],
        evidence=[s.evidence or "" for s in ordered],
        first_seen=min(seen) if seen else None,
        last_seen=max(seen) if seen else None,
        confidence=max(s.confidence for s in ordered),
        date=view.date,
        status=view.status,
        ended_how=view.ended_how,
        ended_on=view.ended_on,
        in_force_from=view.start,
        in_force_until=view.end,
        history=[
            StatusChange(status=h.status, how=h.how, on=h.on, sources=list(h.sources))
            for h in view.history
        ],
        properties=event_properties(view, ordered),
    )


def event_properties(view: EventView, ordered: Iterable[Support]) -> dict[str, Any]:
    """A `Fact`'s `properties` of an event: its reports' own (later articles' over
    earlier ones, `ordered` by article id) and the event's amount, sorted by key."""
    props: dict[str, Any] = {}
    for s in ordered:
        props.update(
            {k: v for k, v in s.properties.items() if v is not None and k not in EVENT_PROPERTIES}
        )
    if view.amount is not None:
        props["amount"], currency = view.amount
        if currency:
            props["currency"] = currency
    return dict(sorted(props.items()))


def effective_date(fact: Fact) -> dt.date | None:
    """The date `actions` filters and sorts on: the first day of the event's date, else
    when first reported."""
    return first_day(fact.date) or fact.first_seen


def fact_order(fact: Fact) -> tuple[str, str, str]:
    """The order of facts in every record: (type, source id, target id)."""
    return (fact.type, fact.source.id, fact.target.id)


def action_order(fact: Fact) -> tuple[int, int, str, str, str]:
    """Newest first (undated last), then (type, source id, target id)."""
    day = effective_date(fact)
    return (
        day is None,
        -(day.toordinal() if day else 0),
        fact.type,
        fact.source.id,
        fact.target.id,
    )
