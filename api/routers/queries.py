"""Named queries: list them, run one by name with JSON parameters (never raw Cypher)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Body, Path

from api import examples as ex
from api.deps import StoreDep
from api.problems import problems
from api.schemas import QueryInfo, QueryResult
from graph.named.catalogue import get_query, load_queries
from graph.named.runner import run_named

router = APIRouter(tags=["queries"])


def _jsonable(value: Any) -> Any:
    return value.isoformat() if hasattr(value, "isoformat") else value


@router.get(
    "/queries",
    response_model=list[QueryInfo],
    summary="List the named queries",
    description="Each named query's name, description, typed parameters (with defaults and "
    "limits), an example parameter set, and its Cypher (runnable in Neo4j Browser).",
    responses=ex.ok([ex.QUERY_INFO]),
)
def list_queries() -> list[QueryInfo]:
    return [QueryInfo(**q.describe()) for q in load_queries().values()]


@router.post(
    "/queries/{name}",
    response_model=QueryResult,
    summary="Run a named query",
    description="Runs the query in a read transaction with the JSON object's values as "
    "parameters, each checked against the query's header (type, range, enum); unknown or "
    "bad parameters are 422.",
    responses={**ex.ok(ex.QUERY_RESULT), **problems(404)},
)
def run_query(
    store: StoreDep,
    name: Annotated[
        str,
        Path(
            max_length=64,
            description="A query name from GET /queries.",
            openapi_examples={"by_name": {"value": "entity_by_name"}},
        ),
    ],
    params: Annotated[
        dict[str, Any] | None,
        Body(
            description="Parameter values by name; omitted ones take their default.",
            openapi_examples={"ou_yi": {"value": {"name": "Ou Yi"}}},
        ),
    ] = None,
) -> QueryResult:
    query = get_query(name)
    bound = query.bind(params)
    rows = run_named(store, query.name, bound)
    return QueryResult(
        name=query.name,
        params={k: _jsonable(v) for k, v in bound.items()},
        count=len(rows),
        rows=rows,
    )
