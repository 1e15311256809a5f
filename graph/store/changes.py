"""The change feed's records: what one write changed, with its sequence number and time.

Every write that changes the graph appends one `Change` per article, in the same
transaction as the write (graph/store/change_diff.py computes it, each backend stores
it: graph/store/embedded/changes.py, graph/store/neo4j/changes.py). `seq` is strictly
increasing in commit order, so a reader that polls `since=N` with the `next` of its last
page never misses a change; `at` (UTC) never decreases with `seq`.

A change names the entities and facts (events) the write added, changed or removed:

* an entity is `added` when the write created it, `removed` when the write deleted it,
  `changed` when it stayed but the article began or stopped mentioning it;
* a fact is one event (graph/store/events.py) of a relation the article reports or
  reported: `added` when the event did not exist before the write, `removed` when it
  is gone after it, `changed` when it stayed but anything about it changed (a source
  joined or left, its date, status or evidence).

An upsert that changes nothing (re-ingesting the same article) records no change, so a
repeated ingest does not flood subscribers. `kind` says what wrote: `CHANGE_KINDS`.
A later writer (a judgement on a merge, a review) adds its kind here, builds its
`ChangeBody` itself (`article_id` empty, the entities and facts it touched) and hands it
to its backend's `append` inside its own write transaction; numbering, filters, the API
and the feed then carry it as they are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, Field

from graph.models import RefusedFact
from graph.store.protocol import EntitySummary

ARTICLE_UPSERTED = "article_upserted"
ARTICLE_RETRACTED = "article_retracted"
FACT_ACCEPTED = "fact_accepted"  # a reviewer's decisions (graph/store/review.py)
FACT_REJECTED = "fact_rejected"
REVIEW_UNDONE = "review_undone"
# a judgement (graph/store/judgements.py) recorded or undone: one change for the
# judgement itself (no article), one per article it replayed (that article's id)
JUDGEMENT_RECORDED = "judgement_recorded"
JUDGEMENT_UNDONE = "judgement_undone"
CHANGE_KINDS: tuple[str, ...] = (
    ARTICLE_UPSERTED,
    ARTICLE_RETRACTED,
    FACT_ACCEPTED,
    FACT_REJECTED,
    REVIEW_UNDONE,
    JUDGEMENT_RECORDED,
    JUDGEMENT_UNDONE,
)
MAX_CHANGES = 500  # the largest page `changes` returns

ChangeOp = Literal["added", "changed", "removed"]


class EntityChange(BaseModel):
    """An entity the write added, changed or removed (see the module docstring)."""

    entity: EntitySummary
    change: ChangeOp


class FactChange(BaseModel):
    """An event the write added, changed or removed: its relation type and ends."""

    event_id: str
    type: str
    source: EntitySummary
    target: EntitySummary
    change: ChangeOp


class ChangeBody(BaseModel):
    """What a change says, before the store numbers and times it."""

    kind: str
    article_id: str | None = None
    title: str | None = Field(None, description="The article's title, when it has one.")
    entities: list[EntityChange] = Field(default_factory=list)
    facts: list[FactChange] = Field(default_factory=list)
    refused: list[RefusedFact] = Field(
        default_factory=list,
        description="Facts the article's extraction reported but the ontology or the "
        "extractor refused, each with its sentence and the reason.",
    )

    def entity_ids(self) -> list[str]:
        """Every entity the change names: its entities and the ends of its facts."""
        ids = {e.entity.id for e in self.entities}
        for f in self.facts:
            ids |= {f.source.id, f.target.id}
        return sorted(ids)


class Change(ChangeBody):
    """One recorded write: `seq` strictly increasing in commit order, `at` in UTC."""

    seq: int
    at: dt.datetime


class ChangePage(BaseModel):
    """Changes in `seq` order (oldest first, or newest first for feeds) and `next`: the
    `since` to ask next (the last change's `seq` when the page is full, else the newest
    `seq` the store had when asked), so polling with it misses nothing and repeats nothing."""

    changes: list[Change]
    next: int


@dataclass(frozen=True)
class ChangeFilter:
    """A checked `changes` call. A change passes when its seq is in (`after`, `head`],
    it was recorded at or after `at_or_after` (an `at_text`), it names `entity`, and, when
    `types` is set, one of its facts is of one of `types` and (with a jurisdiction) has
    its source in `actors` or its target in `targets` (the `actions` rule)."""

    after: int
    head: int
    at_or_after: str | None = None
    entity: str | None = None
    types: tuple[str, ...] | None = None
    actors: frozenset[str] | None = None
    targets: frozenset[str] | None = None
    newest_first: bool = False
    limit: int = 100


def at_text(moment: dt.datetime) -> str:
    """A time as both stores keep it: UTC, fixed width, so text order is time order. A
    naive time is UTC; one that leaves the calendar in UTC (year 1 at +01:00) is clamped."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    try:
        moment = moment.astimezone(dt.UTC)
    except OverflowError:
        moment = dt.datetime.min if moment.year < 2 else dt.datetime.max
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def at_value(text: str) -> dt.datetime:
    """The time an `at_text` stands for."""
    return dt.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.UTC)


def now_text() -> str:
    """The current time as an `at_text` (the stores never let `at` go back: they keep the
    later of this and the last change's)."""
    return at_text(dt.datetime.now(dt.UTC))
