"""Entities: search, one entity, its relations, its neighbourhood, and paths between two.

Entity ids contain ':' (`exchange:okx`); a path segment takes ':' as is, and a client
may also send it percent-encoded (`exchange%3Aokx`).
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query, Response

from api import examples as ex
from api.deps import StoreDep
from api.problems import problems
from api.schemas import EntityDetail, EntityTypeEnum, Page, RelationTypeEnum
from graph.errors import InvalidInputError, NotFoundError
from graph.models import Entity
from graph.ontology import get_ontology
from graph.store.base import MAX_DEPTH, MAX_PATH
from graph.store.hubs import HubLimits, cap_path, trim_sources
from graph.store.protocol import EntityRecord, EntitySummary, Fact, GraphStore, SearchHit, Subgraph
from graph.store.read_cache import CACHED_FROM_DEPTH, cached_neighbours_json
from graph.store.review import ReviewScope

router = APIRouter(tags=["entities"])

MAX_PAGE = 100
MAX_OFFSET = 10_000
EntityId = Annotated[
    str,
    Path(
        min_length=1,
        max_length=300,
        description="A stable entity id, `<type prefix>:<slug>`.",
        openapi_examples={"okx": {"value": "exchange:okx"}},
    ),
]
# An entity's answer lists at most this many article ids and descriptive aliases; a hub
# is mentioned by thousands of articles, each describing it its own way.
SOURCES_SHOWN, DESCRIPTIONS_SHOWN = 100, 20
MAX_PER_TYPE = 200  # facts per relation type and direction in one neighbourhood answer
Limit = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page size (at most 100).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip.")]
Direction = Annotated[
    Literal["out", "in", "both"],
    Query(description="Edges leaving the entity (out), reaching it (in), or both."),
]
Unreviewed = Annotated[
    bool,
    Query(
        description="Show the doubtful facts still waiting in `/review` too (rejected ones never)."
    ),
]
RelTypes = Annotated[
    list[RelationTypeEnum] | None,
    Query(alias="type", description="Relation types to keep (repeatable); all when absent."),
]


def require_entity(store: GraphStore, entity_id: str) -> EntityRecord:
    """The entity's record, or 404."""
    record = store.get_entity(entity_id)
    if record is None:
        raise NotFoundError(f"no entity with id {entity_id!r}")
    return record


def require_exists(store: GraphStore, entity_id: str) -> None:
    """404 unless the entity exists: one indexed read, not its record (a hub's record
    lists thousands of sources and counts every relation)."""
    if store.entity_summary(entity_id) is None:
        raise NotFoundError(f"no entity with id {entity_id!r}")


def _list_entities(
    store: GraphStore, etype: str | None, limit: int, offset: int
) -> list[SearchHit]:
    records = sorted(
        (r.entity for r in store.iter_entities() if etype is None or r.entity.type == etype),
        key=lambda e: (e.name.casefold(), e.id),
    )
    return [
        SearchHit(entity=_summary(e), matched=e.name, score=0.0)
        for e in records[offset : offset + limit]
    ]


def _summary(e: Entity) -> EntitySummary:
    return EntitySummary(id=e.id, type=e.type, name=e.name, unnamed=e.unnamed, count=e.count)


@router.get(
    "/entities",
    response_model=Page[SearchHit],
    summary="Search entities by name or alias",
    description=(
        "Ranked search over canonical names and aliases (exact, prefix, word prefix, then "
        "fuzzy), optionally of one type and in one jurisdiction (an entity id such as "
        "`jurisdiction:china`). Without `q`, lists entities by name (then `jurisdiction` is "
        "refused). Pages hold at most 100."
    ),
    responses={**ex.ok(ex.SEARCH_PAGE), **problems()},
)
def search_entities(
    store: StoreDep,
    q: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Name or alias text.",
            openapi_examples={"alias": {"summary": "A translated name", "value": "Ou Yi"}},
        ),
    ] = None,
    type: Annotated[EntityTypeEnum | None, Query(description="Entity type.")] = None,
    jurisdiction: Annotated[
        str | None, Query(max_length=300, description="A jurisdiction's entity id.")
    ] = None,
    limit: Limit = 20,
    offset: Offset = 0,
) -> Page[SearchHit]:
    etype = type.value if type is not None else None
    if q is not None and q.strip():
        hits = store.search(q, etype, jurisdiction, limit + 1, offset)
    elif jurisdiction is not None:
        raise InvalidInputError("jurisdiction narrows a search: give q as well")
    else:
        hits = _list_entities(store, etype, limit + 1, offset)
    more = len(hits) > limit
    return Page(
        items=hits[:limit], limit=limit, offset=offset, next_offset=offset + limit if more else None
    )


@router.get(
    "/entities/{entity_id}",
    response_model=EntityDetail,
    summary="One entity with aliases, sources and counts",
    description="Names, aliases (with kind), type, properties, the ids of the articles that "
    "mention it (the first 100 by id; `sources_omitted` counts the rest), and its number "
    "of relations by type. Descriptive aliases past the first 20 are counted, not listed.",
    responses={**ex.ok(ex.ENTITY), **problems(404)},
)
def get_entity(store: StoreDep, entity_id: EntityId) -> EntityDetail:
    record = require_entity(store, entity_id)
    e = record.entity
    hidden_kinds = get_ontology().hidden_alias_kinds
    hidden = [a for a in e.aliases if a.kind in hidden_kinds]
    shown = [a for a in e.aliases if a.kind not in hidden_kinds]
    return EntityDetail(
        **e.model_dump(include={"id", "type", "name", "unnamed", "count", "description", "qid"}),
        aliases=shown + hidden[:DESCRIPTIONS_SHOWN],
        properties=e.properties,
        sources=record.sources[:SOURCES_SHOWN],
        relation_counts=record.relation_counts,
        sources_omitted=max(0, len(record.sources) - SOURCES_SHOWN),
        aliases_omitted=max(0, len(hidden) - DESCRIPTIONS_SHOWN),
    )


@router.get(
    "/entities/{entity_id}/relations",
    response_model=list[Fact],
    summary="An entity's facts",
    description="The facts touching the entity, with evidence and source articles, optionally "
    "of some relation types and one direction, in fact order, a page at a time (the "
    "`X-Total-Count` header gives the number of facts); each fact carries its first 10 "
    "sources (`sources_omitted` counts the rest).",
    responses={**ex.ok([ex.FACT, ex.LOCATED]), **problems(404)},
)
def get_relations(
    response: Response,
    store: StoreDep,
    entity_id: EntityId,
    type: RelTypes = None,
    direction: Direction = "both",
    limit: Limit = MAX_PAGE,
    offset: Offset = 0,
    include_unreviewed: Unreviewed = False,
) -> list[Fact]:
    require_exists(store, entity_id)
    rel_types = [t.value for t in type] if type else None
    scope: ReviewScope = "pending" if include_unreviewed else "shown"
    total, page = store.relations_page(entity_id, rel_types, direction, scope, limit, offset)
    response.headers["X-Total-Count"] = str(total)
    return [trim_sources(f) for f in page]


@router.get(
    "/entities/{entity_id}/neighborhood",
    response_model=Subgraph,
    summary="Nodes and edges around an entity",
    description="The entities within `depth` hops (1 to 3) and the facts among them, ready to "
    "draw as a graph. A hub's answer is capped: breadth-first from the entity, each entity "
    "shows at most `limit` facts of each relation type and direction (best supported "
    "first), at most 250 entities in all, each fact with its first 10 sources; every "
    "group that was cut is listed in `omitted` with its total, and `offset` pages the "
    'entity\'s own groups ("14 more jurisdictions").',
    responses={**ex.ok(ex.SUBGRAPH), **problems(404)},
)
def get_neighborhood(
    store: StoreDep,
    entity_id: EntityId,
    depth: Annotated[int, Query(ge=1, le=MAX_DEPTH, description="Hops from the entity.")] = 1,
    type: RelTypes = None,
    direction: Direction = "both",
    limit: Annotated[
        int,
        Query(ge=1, le=MAX_PER_TYPE, description="Facts per relation type and direction."),
    ] = HubLimits.per_type,
    offset: Annotated[
        int, Query(ge=0, le=MAX_OFFSET, description="Facts to skip in each of the entity's groups.")
    ] = 0,
    include_unreviewed: Unreviewed = False,
) -> Subgraph | Response:
    require_exists(store, entity_id)
    rel_types = [t.value for t in type] if type else None
    limits = HubLimits(per_type=limit, offset=offset)
    scope: ReviewScope = "pending" if include_unreviewed else "shown"
    if depth < CACHED_FROM_DEPTH:
        return store.neighbours(entity_id, depth, rel_types, direction, limits, scope)
    # depth 2-3: kept per store version as the JSON sent (graph/store/read_cache.py)
    body = cached_neighbours_json(store, entity_id, depth, rel_types, direction, limits, scope)
    return Response(content=body, media_type="application/json")


@router.get(
    "/paths",
    response_model=list[Subgraph],
    summary="Shortest paths between two entities",
    description="The shortest chains of facts (ignoring direction) from one entity to another, "
    "up to `max_length` hops, by node sequence; an empty list when none is that short. At "
    "most `limit` paths, each fact with its first 10 sources; the `X-Total-Count` header "
    "says how many were found (the first 1,000 are enumerated).",
    responses={**ex.ok([ex.SUBGRAPH]), **problems(404)},
)
def get_paths(
    response: Response,
    store: StoreDep,
    from_id: Annotated[
        str,
        Query(
            alias="from",
            min_length=1,
            max_length=300,
            description="Start entity id.",
            openapi_examples={"okx": {"value": "exchange:okx"}},
        ),
    ],
    to_id: Annotated[
        str,
        Query(
            alias="to",
            min_length=1,
            max_length=300,
            description="End entity id.",
            openapi_examples={"pboc": {"value": "centralbank:peoples-bank-of-china"}},
        ),
    ],
    max_length: Annotated[int, Query(ge=1, le=MAX_PATH, description="Longest path, in hops.")] = 4,
    limit: Annotated[int, Query(ge=1, le=MAX_PAGE, description="Paths to return.")] = 25,
) -> list[Subgraph]:
    require_exists(store, from_id)
    require_exists(store, to_id)
    paths = store.shortest_paths(from_id, to_id, max_length)
    response.headers["X-Total-Count"] = str(len(paths))
    return [cap_path(p, HubLimits()) for p in paths[:limit]]
