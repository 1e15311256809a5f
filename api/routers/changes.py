"""The change feed: what each write added, changed or removed, to poll or to subscribe to.

* `GET /changes?since=&entity=&jurisdiction=&action_type=&limit=`: oldest first, one page;
  poll again with `since=<next>` to get only what is newer (nothing is missed or repeated).
* `GET /changes.atom?...`: the same filters as an Atom feed, newest first, for feed
  readers: `/changes.atom?entity=exchange:binance` is "everything new about Binance",
  `/changes.atom?jurisdiction=jurisdiction:india` is "all actions in India".
* `GET /changes/{seq}`: one change (the link of each feed entry; its categories are the
  relation types of its facts).

The records and rules are graph/store/changes.py's; the feed is built with feedgen.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response
from feedgen.feed import FeedGenerator
from pydantic import BeforeValidator, Field

from api import examples as ex
from api.deps import StoreDep
from api.problems import problems
from api.schemas import ActionTypeEnum, ChangeList
from graph.errors import NotFoundError
from graph.store.changes import (
    ARTICLE_RETRACTED,
    ARTICLE_UPSERTED,
    FACT_ACCEPTED,
    FACT_REJECTED,
    JUDGEMENT_RECORDED,
    JUDGEMENT_UNDONE,
    MAX_CHANGES,
    REVIEW_UNDONE,
    Change,
    ChangePage,
)

router = APIRouter(tags=["changes"])

ATOM = "application/atom+xml"
_KIND_TITLES = {
    ARTICLE_UPSERTED: "Article added or updated",
    ARTICLE_RETRACTED: "Article retracted",
    FACT_ACCEPTED: "Fact accepted",
    FACT_REJECTED: "Fact rejected",
    REVIEW_UNDONE: "Review decision undone",
    JUDGEMENT_RECORDED: "Judgement recorded",
    JUDGEMENT_UNDONE: "Judgement undone",
}
MAX_SEQ = 2**62
FEED_SIZE = 50


def _not_a_number(value: Any) -> Any:
    """A time is written as a time: a bare number is a sequence number, never seconds."""
    if isinstance(value, int | float):
        raise ValueError("a number is a sequence number (>= 0), not a time")
    if isinstance(value, str):
        try:
            float(value)
        except ValueError:
            return value
        raise ValueError("a number is a sequence number (>= 0), not a time")
    return value


SinceQuery = Annotated[
    Annotated[int, Field(ge=0, le=MAX_SEQ)]
    | Annotated[dt.datetime, BeforeValidator(_not_a_number)]
    | None,
    Query(
        description=(
            "A sequence number (the changes after it: pass the last page's `next`), or an "
            "ISO time or date (the changes recorded at or after it; without a zone, UTC)."
        ),
        openapi_examples={
            "seq": {"summary": "After change 10", "value": 10},
            "time": {"summary": "Since a time", "value": "2026-12-01T00:00:00Z"},
        },
    ),
]
EntityQuery = Annotated[
    str | None,
    Query(
        max_length=300,
        description="Only changes naming this entity id (mentioned, or an end of a fact).",
        openapi_examples={"binance": {"value": "exchange:binance"}},
    ),
]
JurisdictionQuery = Annotated[
    str | None,
    Query(
        max_length=300,
        description=(
            "Only changes with an action fact in this jurisdiction (as `GET /actions` "
            "matches one: the actor or the target placed there)."
        ),
        openapi_examples={"india": {"value": "jurisdiction:india"}},
    ),
]
ActionQuery = Annotated[
    ActionTypeEnum | None, Query(description="Only changes with a fact of this action type.")
]


def _page(
    store: StoreDep,
    since: int | dt.datetime | None,
    entity: str | None,
    jurisdiction: str | None,
    action_type: ActionTypeEnum | None,
    limit: int,
    newest_first: bool = False,
) -> ChangePage:
    return store.changes(
        since=since,
        entity=entity,
        jurisdiction=jurisdiction,
        action_type=action_type.value if action_type else None,
        limit=limit,
        newest_first=newest_first,
    )


@router.get(
    "/changes",
    response_model=ChangeList,
    summary="The change feed",
    description=(
        "Every write that changed the graph (an article upserted or retracted), oldest "
        "first, each with its sequence number `seq`, its time `at` (UTC) and the entities "
        "and facts (events) it `added`, `changed` or `removed`. Poll with `since=<next>` "
        "to get only newer changes. Filters: an entity, a jurisdiction, an action type."
    ),
    responses={**ex.ok({"items": [ex.CHANGE], "limit": 100, "next": 1}), **problems()},
)
def list_changes(
    store: StoreDep,
    since: SinceQuery = None,
    entity: EntityQuery = None,
    jurisdiction: JurisdictionQuery = None,
    action_type: ActionQuery = None,
    limit: Annotated[int, Query(ge=1, le=MAX_CHANGES, description="Page size.")] = 100,
) -> ChangeList:
    page = _page(store, since, entity, jurisdiction, action_type, limit)
    return ChangeList(items=page.changes, limit=limit, next=page.next)


def _feed_title(entity: str | None, jurisdiction: str | None, action: str | None) -> str:
    parts = [f"naming {entity}"] if entity else []
    if action:
        parts.append(f"with a {action} fact")
    if jurisdiction:
        parts.append(f"with an action in {jurisdiction}")
    return "cryptoreg: changes" + (" " + ", ".join(parts) if parts else "")


def _entry_text(change: Change) -> str:
    """One line per fact, then per entity: what the change did."""
    lines = [
        f"{f.change} {f.type}: {f.source.name} -> {f.target.name} ({f.event_id})"
        for f in change.facts
    ]
    lines += [
        f"{e.change} {e.entity.type} {e.entity.name} ({e.entity.id})" for e in change.entities
    ]
    return "\n".join(lines) or "no entity or fact changed (the article's own fields did)"


def _atom(request: Request, page: ChangePage, filters: dict[str, str]) -> bytes:
    base = str(request.base_url)
    feed = FeedGenerator()
    query = urlencode(sorted(filters.items()))
    feed.id(f"{base}changes.atom" + (f"?{query}" if query else ""))
    feed.title(
        _feed_title(filters.get("entity"), filters.get("jurisdiction"), filters.get("action_type"))
    )
    feed.author({"name": "cryptoreg"})
    feed.link(href=str(request.url), rel="self", type=ATOM)
    feed.link(
        href=f"{base}changes" + (f"?{query}" if query else ""),
        rel="alternate",
        type="application/json",
    )
    feed.updated(page.changes[0].at if page.changes else dt.datetime.now(dt.UTC))
    for change in page.changes:  # newest first, as fetched
        entry = feed.add_entry(order="append")
        entry.id(f"{base}changes/{change.seq}")
        what = _KIND_TITLES.get(change.kind, change.kind)
        facts = [f"{f.type} {f.source.name} -> {f.target.name}" for f in change.facts]
        about = change.title or change.article_id or (facts[0] if facts else change.seq)
        entry.title(f"{what}: {about}")
        entry.updated(change.at)
        # one link only: feedgen 1.0.0 drops `rel` and `type` from entry links, and Atom
        # allows one alternate link per type; the article's address is in the content
        entry.link(href=f"{base}changes/{change.seq}")
        for rel_type in sorted({f.type for f in change.facts}):
            entry.category(term=rel_type)
        text = _entry_text(change)
        if change.article_id and change.kind != ARTICLE_RETRACTED:
            text += f"\narticle: {base}articles/{change.article_id}"
        entry.content(text, type="text")
    body: bytes = feed.atom_str(pretty=True)
    return body


@router.get(
    "/changes.atom",
    response_class=Response,
    summary="The change feed as Atom",
    description=(
        f"The newest changes (default {FEED_SIZE}) the filters admit, newest first, as an Atom "
        "feed to subscribe to: one entry per change, linking to `GET /changes/{seq}` and to "
        "the article. `/changes.atom?entity=exchange:binance`: everything new about "
        "Binance; `/changes.atom?jurisdiction=jurisdiction:india`: all actions in India."
    ),
    responses={
        200: {
            "description": "An Atom feed.",
            "content": {ATOM: {"schema": {"type": "string"}, "example": ex.ATOM}},
        },
        **problems(),
    },
)
def atom_feed(
    request: Request,
    store: StoreDep,
    since: SinceQuery = None,
    entity: EntityQuery = None,
    jurisdiction: JurisdictionQuery = None,
    action_type: ActionQuery = None,
    limit: Annotated[int, Query(ge=1, le=MAX_CHANGES, description="Entries.")] = FEED_SIZE,
) -> Response:
    page = _page(store, since, entity, jurisdiction, action_type, limit, newest_first=True)
    filters = {
        k: v
        for k, v in (
            ("entity", entity),
            ("jurisdiction", jurisdiction),
            ("action_type", action_type.value if action_type else None),
        )
        if v
    }
    return Response(_atom(request, page, filters), media_type=ATOM)


@router.get(
    "/changes/{seq}",
    response_model=Change,
    summary="One change",
    description="The change numbered `seq`: what one write added, changed or removed.",
    responses={**ex.ok(ex.CHANGE), **problems(404)},
)
def get_change(
    store: StoreDep,
    seq: Annotated[
        int,
        Path(
            ge=1,
            le=MAX_SEQ,
            description="Its sequence number.",
            openapi_examples={"first": {"value": 1}},
        ),
    ],
) -> Change:
    change = store.change(seq)
    if change is None:
        raise NotFoundError(f"no change {seq}")
    return change
