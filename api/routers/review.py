"""The review queue: doubtful action facts (below CRYPTOREG_REVIEW_BELOW) and a reviewer's
decisions on them (graph/store/review.py has the rules). Decisions are writes: they need
`X-API-Key`, like retracting an article."""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query

from api import examples as ex
from api.deps import StoreDep, WriteKey
from api.problems import problems
from api.routers.entities import Limit, Offset
from api.schemas import ActionTypeEnum
from graph.store.review import ACCEPTED, REJECTED, ReviewDecision, ReviewItem, ReviewPage

router = APIRouter(tags=["review"])

EventId = Annotated[
    str,
    Path(
        min_length=1,
        max_length=100,
        description="The fact's stable event id (`ev-...`), as `/review` and `/actions` give it.",
        openapi_examples={"sued": {"value": "ev-da979ee427e37eb4"}},
    ),
]
Note = Annotated[
    str | None, Query(max_length=1000, description="Why, for whoever reads the decision later.")
]


@router.get(
    "/review",
    response_model=ReviewPage,
    summary="Review queue",
    description=(
        "Action facts whose confidence is below the server's `review_below` "
        "(CRYPTOREG_REVIEW_BELOW) wait here, kept out of `/actions`, the neighbourhoods and "
        "the questions over time until a reviewer accepts them (`include_unreviewed=true` "
        "shows them there meanwhile). Least sure first, each with its sentences, articles, "
        "confidence and `why`; `state` lists the `pending` (default), `accepted`, "
        "`rejected` or `all`; `total` counts what the filter admits."
    ),
    responses={**ex.ok(ex.REVIEW_PAGE), **problems()},
)
def list_review(
    store: StoreDep,
    state: Annotated[
        Literal["pending", "accepted", "rejected", "all"], Query(description="Queue state.")
    ] = "pending",
    type: Annotated[ActionTypeEnum | None, Query(description="Action type.")] = None,
    entity: Annotated[
        str | None, Query(max_length=300, description="An entity id, as actor or target.")
    ] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> ReviewPage:
    return store.review(state, type.value if type else None, entity, limit, offset)


def _decide(store: StoreDep, event_id: str, decision: str, note: str | None) -> ReviewItem:
    return store.decide(event_id, decision, note)


@router.post(
    "/review/{event_id}/accept",
    response_model=ReviewItem,
    dependencies=[WriteKey],
    summary="Accept a fact",
    description="Record that the fact is right: it is shown whatever its confidence, and "
    "stays so when its articles are re-ingested. Needs `X-API-Key`.",
    responses={
        **ex.ok(ex.ACCEPTED_ITEM),
        **problems(401, 403, 404),
    },
)
def accept(store: StoreDep, event_id: EventId, note: Note = None) -> ReviewItem:
    return _decide(store, event_id, ACCEPTED, note)


@router.post(
    "/review/{event_id}/reject",
    response_model=ReviewItem,
    dependencies=[WriteKey],
    summary="Reject a fact",
    description="Record that the fact is wrong: it stays stored (with its articles) but is "
    "never shown by the curated reads, even when a re-ingest reports it again. Needs "
    "`X-API-Key`.",
    responses={**ex.ok(ex.REVIEWED_ITEM), **problems(401, 403, 404)},
)
def reject(store: StoreDep, event_id: EventId, note: Note = None) -> ReviewItem:
    return _decide(store, event_id, REJECTED, note)


@router.delete(
    "/review/{event_id}",
    response_model=ReviewDecision,
    dependencies=[WriteKey],
    summary="Undo a decision",
    description="Delete the decision on a fact, which then follows its confidence again; "
    "the deleted decision is returned. Needs `X-API-Key`.",
    responses={**ex.ok(ex.REVIEW_DECISION), **problems(401, 403, 404)},
)
def undo(store: StoreDep, event_id: EventId) -> ReviewDecision:
    return store.undo_decision(event_id)
