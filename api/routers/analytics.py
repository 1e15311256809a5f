"""Graph analytics: central entities, most acted against, communities (graph/store/analytics.py).

Each is a pass over the whole graph, so each answer comes from a ranking cached per store
version (`graph.store.analytics.GenerationCache`): computed at most once after each write,
however many requests ask, then filtered and sliced per request. Reads stay public: a
client can cost at most one computation per write, and writes need the key.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from api import examples as ex
from api.deps import StoreDep
from api.problems import problems
from api.schemas import ActionTypeEnum, EntityTypeEnum
from graph.ontology import REL, TYPE, get_ontology
from graph.store import analytics
from graph.store.analytics import ActedAgainst, CentralEntity, Community

router = APIRouter(prefix="/analytics", tags=["analytics"])
Limit = Annotated[int, Query(ge=1, le=100, description="How many to return (at most 100).")]


_ONT = get_ontology()
_NOT_ADVERSE = [a for a in _ONT.action_types if a not in _ONT.adverse_action_types]


@router.get(
    "/central",
    response_model=list[CentralEntity],
    summary="The most central entities",
    description="PageRank over the undirected graph of facts (one edge per connected pair, "
    "weighted by the number of facts), with each entity's number of facts; optionally of "
    "one entity type.",
    responses={**ex.ok(ex.CENTRAL), **problems()},
)
def central(
    store: StoreDep,
    limit: Limit = 20,
    type: Annotated[
        EntityTypeEnum | None,
        Query(description="Entity type.", openapi_examples={"exchanges": {"value": TYPE.exchange}}),
    ] = None,
) -> list[CentralEntity]:
    return analytics.cached_central_entities(store, limit, type.value if type else None)


@router.get(
    "/most-acted-against",
    response_model=list[ActedAgainst],
    summary="Targets of the most actions",
    description="Entities by the number of actions taken against them (all action types but "
    f"{', '.join(_NOT_ADVERSE)} unless `type` is given), with distinct actors and source "
    "articles, and a count per action type.",
    responses={**ex.ok(ex.ACTED_AGAINST), **problems()},
)
def most_acted_against(
    store: StoreDep,
    limit: Limit = 20,
    type: Annotated[
        list[ActionTypeEnum] | None,
        Query(
            description="Action types to count (repeatable).",
            openapi_examples={"sued": {"value": [REL.sued]}},
        ),
    ] = None,
    include_unnamed: Annotated[
        bool, Query(description="Also rank unnamed groups ('13 apps').")
    ] = False,
) -> list[ActedAgainst]:
    types = [t.value for t in type] if type else None
    return analytics.cached_most_acted_against(store, limit, types, include_unnamed)


@router.get(
    "/communities",
    response_model=list[Community],
    summary="Entities the news discusses together",
    description="Louvain communities (fixed seed) of named entities joined by the number of "
    "articles mentioning both; each labelled by its most mentioned member.",
    responses={**ex.ok(ex.COMMUNITIES), **problems()},
)
def communities(
    store: StoreDep,
    min_size: Annotated[int, Query(ge=1, le=1000, description="Smallest community kept.")] = 2,
    limit: Limit = 50,
) -> list[Community]:
    return analytics.cached_communities(store, min_size, limit)
