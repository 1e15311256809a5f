"""The action timeline: who banned, blocked, fined, sued, ... whom, when, says which article."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query

from api import examples as ex
from api.days import MAX_DATE, MIN_DATE, TODAY, parse_day
from api.deps import StoreDep
from api.problems import problems
from api.routers.entities import Limit, Offset, Unreviewed
from api.schemas import ActionTypeEnum, EntityTypeEnum, Page, StatusEnum
from graph.errors import InvalidInputError
from graph.ontology import REL, get_ontology
from graph.store.protocol import Fact

router = APIRouter(tags=["actions"])

EntityIdQuery = Annotated[str | None, Query(max_length=300, description="An entity id.")]
DateQuery = Annotated[dt.date | None, Query(description="ISO date (YYYY-MM-DD), inclusive.")]
DayQuery = Annotated[
    str | None,
    Query(
        max_length=40,
        description=f"A day: ISO date (YYYY-MM-DD) or `{TODAY}`.",
        openapi_examples={
            "today": {"value": TODAY},
            "day": {"summary": "A past day", "value": "2022-01-01"},
        },
    ),
]
StatusQuery = Annotated[
    StatusEnum | None,
    Query(description="The event's current status: `active`, or `ended` (lifted, revoked, ...)."),
]


def _check_dates(since: dt.date | None, until: dt.date | None) -> None:
    for name, value in (("since", since), ("until", until)):
        if value is not None and not MIN_DATE <= value <= MAX_DATE:
            raise InvalidInputError(f"{name}: date out of range {MIN_DATE}..{MAX_DATE}")
    if since is not None and until is not None and since > until:
        raise InvalidInputError(f"since ({since}) is after until ({until})")


@router.get(
    "/actions",
    response_model=Page[Fact],
    summary="Timeline of actions",
    description=(
        f"Action facts ({', '.join(get_ontology().action_types)}), newest "
        "first by the action's date or else the date first reported, each with its evidence "
        "sentences and source articles. Each fact is one event: its `event_id`, its date "
        "at the text's precision (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), its `status` (with "
        "`ended_how`, `ended_on`), the days it stood (`in_force_from`, `in_force_until`: the "
        "first day no longer in force) and its status `history` with sources. Filter by "
        "type, actor or target id, target type, a jurisdiction id, a date range, the events "
        "in force on a day (`in_force_on`, a date or `today`) and the current `status`. "
        "Facts waiting in the review queue (`/review`) are left out unless "
        "`include_unreviewed=true`; rejected ones always are."
    ),
    responses={
        **ex.ok({"items": [ex.FACT], "limit": 20, "offset": 0, "next_offset": None}),
        **problems(),
    },
)
def list_actions(
    store: StoreDep,
    type: Annotated[
        ActionTypeEnum | None,
        Query(description="Action type.", openapi_examples={"blocked": {"value": REL.blocked}}),
    ] = None,
    actor: Annotated[
        str | None,
        Query(
            max_length=300,
            description="Actor entity id.",
            openapi_examples={"pboc": {"value": "centralbank:peoples-bank-of-china"}},
        ),
    ] = None,
    target: EntityIdQuery = None,
    target_type: Annotated[EntityTypeEnum | None, Query(description="Target's type.")] = None,
    jurisdiction: EntityIdQuery = None,
    since: DateQuery = None,
    until: DateQuery = None,
    in_force_on: DayQuery = None,
    status: StatusQuery = None,
    limit: Limit = 20,
    offset: Offset = 0,
    include_unreviewed: Unreviewed = False,
) -> Page[Fact]:
    _check_dates(since, until)
    day = parse_day("in_force_on", in_force_on)
    facts = store.actions(
        action_type=type.value if type else None,
        actor=actor,
        target=target,
        target_type=target_type.value if target_type else None,
        jurisdiction=jurisdiction,
        since=since,
        until=until,
        limit=limit + 1,
        offset=offset,
        in_force_on=day,
        status=status.value if status else None,
        review="pending" if include_unreviewed else "shown",
    )
    more = len(facts) > limit
    return Page(
        items=facts[:limit],
        limit=limit,
        offset=offset,
        next_offset=offset + limit if more else None,
    )
