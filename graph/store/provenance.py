"""How a fact's per-article support becomes the `Fact` record every store returns.

A fact (source, type, target) has one `Support` per article that states it. Both stores
keep the supports and build the record with `build_fact`, so the merge rules live here
once:

* `sources`: article ids, sorted; `evidence` aligned with them ("" when an article gave
  no sentence);
* `first_seen` / `last_seen`: min / max of the supporting articles' published dates
  (None when no supporting article is dated);
* `confidence`: the highest support's;
* `date`: the earliest date any support gives for the event itself (None if none);
* `properties`: merged in article-id order, later articles overriding earlier keys
  (None values ignored);
* `effective_date(fact)`: `date` if set, else `first_seen`: what `actions` filters and
  orders on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from graph.store.protocol import EntitySummary, Fact


@dataclass(frozen=True)
class Support:
    """One article's statement of a fact."""

    article_id: str
    evidence: str | None
    seen: dt.date | None
    confidence: float
    date: dt.date | None = None
    properties: dict[str, Any] = field(default_factory=dict)


def build_fact(
    rel_type: str, source: EntitySummary, target: EntitySummary, supports: Iterable[Support]
) -> Fact:
    """The merged record of a fact from its supports (at least one)."""
    ordered = sorted(supports, key=lambda s: s.article_id)
    seen = [s.seen for s in ordered if s.seen is not None]
    dates = [s.date for s in ordered if s.date is not None]
    props: dict[str, Any] = {}
    for s in ordered:
        props.update({k: v for k, v in s.properties.items() if v is not None})
    return Fact(
        type=rel_type,
        source=source,
        target=target,
        sources=[s.article_id for s in ordered],
        evidence=[s.evidence or "" for s in ordered],
        first_seen=min(seen) if seen else None,
        last_seen=max(seen) if seen else None,
        confidence=max(s.confidence for s in ordered),
        date=min(dates) if dates else None,
        properties=dict(sorted(props.items())),
    )


def effective_date(fact: Fact) -> dt.date | None:
    """The date `actions` filters and sorts on: the event's date, else when first reported."""
    return fact.date or fact.first_seen


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
