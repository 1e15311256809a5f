"""Unknown query parameters are refused (422), on every route, never silently ignored.

A misspelt or unsupported filter (`/actions?changed_since=...`, `?jurisdicton=`) used to
be dropped, so the client got an unfiltered answer that looked filtered. `reject_unknown`
is one app-level dependency (api/app.py), so it runs for every route of the API: it
compares the request's query keys with the query parameters the matched route declares
(its own and its dependencies') and raises the same request-validation problem as any
bad parameter, naming each unknown one and the ones the route takes.

Routes outside the OpenAPI document (`/`, `/docs`, the assets of `/ui`, the Neo4j
Browser style) are left alone, as are the static files (not routes of the API), so
cache-busting queries on them keep working.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.routing import APIRoute


def _names(dependant: Dependant) -> set[str]:
    names = {field.alias for field in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _names(sub)
    return names


def declared(route: APIRoute) -> frozenset[str]:
    """The query parameter names a route takes (aliases, as clients spell them)."""
    return frozenset(_names(route.dependant))


async def reject_unknown(request: Request) -> None:
    """422 naming every query parameter the matched route does not declare (async: a
    check this small should not take a thread-pool hop)."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute) or not route.include_in_schema:
        return
    known = declared(route)
    unknown = sorted(set(request.query_params) - known)
    if not unknown:
        return
    takes = ", ".join(sorted(known)) or "none"
    raise RequestValidationError(
        [
            {
                "loc": ("query", name),
                "msg": f"unknown query parameter {name!r}; this route takes: {takes}",
                "type": "extra_forbidden",
                "input": request.query_params.get(name),
            }
            for name in unknown
        ]
    )
