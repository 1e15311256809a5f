"""Questions over time: what stands against an entity on a day, an entity's fines, and
the history of one actor-target pair (each action an event with a life)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query

from api import examples as ex
from api.days import parse_day
from api.deps import StoreDep
from api.problems import problems
from api.routers.actions import DayQuery
from api.routers.entities import EntityId
from graph.store.hubs import cap_history, cap_in_force
from graph.store.protocol import EntityFines, InForce, PairHistory

router = APIRouter(tags=["actions"])


def _entity_query(description: str, example: str) -> Any:
    return Query(
        min_length=1,
        max_length=300,
        description=description,
        openapi_examples={"example": {"value": example}},
    )


@router.get(
    "/entities/{entity_id}/in-force",
    response_model=InForce,
    summary="What is in force against an entity on a day",
    description=(
        "The actions (bans, blocks, fines, warnings, licences, ...) taken against the entity "
        "that stood on `on` (a date or `today`, the default): taken on or before that day "
        "(the action's date, else the day first reported) and not yet ended. Grouped by the "
        "actor's jurisdiction (the actor itself when it is a place, else where it is "
        "located; `null` when unknown), each action with since when (`in_force_from`, "
        "`date`) and its sources."
    ),
    responses={**ex.ok(ex.IN_FORCE), **problems(404)},
)
def get_in_force(store: StoreDep, entity_id: EntityId, on: DayQuery = None) -> InForce:
    return cap_in_force(store.in_force(entity_id, parse_day("on", on)))


@router.get(
    "/entities/{entity_id}/fines",
    response_model=EntityFines,
    summary="An entity's fines, with totals per currency",
    description=(
        "Every fine or settlement imposed on the entity, one per event (two fines of the "
        "same pair are two), with amount and currency when the texts gave them; `totals` "
        "sums them per currency, never across currencies. Fines with no amount "
        "(`without_amount`) or no currency (`without_currency`) are counted apart."
    ),
    responses={**ex.ok(ex.FINES), **problems(404)},
)
def get_fines(store: StoreDep, entity_id: EntityId) -> EntityFines:
    return store.fines(entity_id)


@router.get(
    "/history",
    response_model=PairHistory,
    summary="The history of one actor-target pair",
    description=(
        "Every action event from `actor` to `target`, active and ended, oldest first, each "
        "with its status history (taken, then suspended, lifted, revoked, ... with the "
        "articles that said so); `timeline` merges those steps in time order."
    ),
    responses={**ex.ok(ex.HISTORY), **problems(404)},
)
def get_history(
    store: StoreDep,
    actor: Annotated[
        str, _entity_query("The actor's entity id.", "centralbank:peoples-bank-of-china")
    ],
    target: Annotated[str, _entity_query("The target's entity id.", "exchange:okx")],
) -> PairHistory:
    return cap_history(store.pair_history(actor, target))
