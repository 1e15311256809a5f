"""One error shape for the whole API: RFC 9457 `application/problem+json`.

Every error, ours (`CryptoregError` carries its status), FastAPI's request validation,
Starlette's 404/405, and Neo4j driver failures (503), leaves through `problem()`, so a
client parses exactly one shape: {type, title, status, detail, instance}, plus `errors`
on request-validation problems. The handler map is in `EXCEPTION_HANDLERS` (yente style).
"""

from __future__ import annotations

import logging
import re
from http import HTTPStatus
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from api.errors import BusyError
from graph.errors import CryptoregError, StoreUnavailableError

PROBLEM_MEDIA_TYPE = "application/problem+json"
PROBLEM_BASE = "https://w3id.org/cryptoreg/problems/"
log = logging.getLogger("cryptoreg.api")


class Problem(BaseModel):
    """An RFC 9457 problem document."""

    type: str = Field(examples=[PROBLEM_BASE + "not-found"])
    title: str = Field(examples=["Not found"])
    status: int = Field(examples=[404])
    detail: str = Field(examples=["no entity with id 'exchange:nope'"])
    instance: str = Field(examples=["/entities/exchange:nope"])
    errors: list[dict[str, Any]] | None = Field(
        None, description="Per-field messages (request validation problems only)."
    )


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")


def problem(
    request: Request,
    status: int,
    title: str,
    detail: str,
    errors: list[dict[str, Any]] | None = None,
    headers: dict[str, str] | None = None,
) -> JSONResponse:
    """The problem+json response every error handler returns."""
    body: dict[str, Any] = {
        "type": PROBLEM_BASE + _slug(title),
        "title": title,
        "status": status,
        "detail": detail,
        "instance": request.url.path,
    }
    if errors is not None:
        body["errors"] = errors
    return JSONResponse(body, status_code=status, media_type=PROBLEM_MEDIA_TYPE, headers=headers)


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return "Error"


async def cryptoreg_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, CryptoregError)
    if exc.status >= 500 and exc.status != 503:
        log.error("server error on %s: %s", request.url.path, exc.detail)
    headers = {"WWW-Authenticate": "ApiKey"} if exc.status == 401 else None
    if isinstance(exc, BusyError):
        headers = {"Retry-After": str(exc.retry_after)}
    return problem(request, exc.status, exc.title, exc.detail, headers=headers)


def _clean(err: dict[str, Any]) -> dict[str, Any]:
    """A validation error reduced to JSON-safe location, message and type."""
    return {
        "loc": [str(part) for part in err.get("loc", ())],
        "msg": str(err.get("msg", "")),
        "type": str(err.get("type", "")),
    }


async def validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = [_clean(e) for e in exc.errors()]
    first = errors[0] if errors else {"loc": [], "msg": "invalid request"}
    where, msg = ".".join(first["loc"]), str(first["msg"])
    detail = f"{where}: {msg}" if where else msg
    return problem(request, 422, "Invalid input", detail, errors=errors)


async def http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = str(exc.detail) if isinstance(exc.detail, str) else _phrase(exc.status_code)
    if exc.status_code == 404 and detail == "Not Found":
        detail = f"no route {request.method} {request.url.path}; see /docs"
    headers = dict(exc.headers) if exc.headers else None
    if exc.status_code == 405:
        allowed = allowed_methods(request)
        headers = {**(headers or {}), "Allow": allowed}
        detail = f"{request.method} is not allowed on {request.url.path}; allowed: {allowed}"
    return problem(request, exc.status_code, _phrase(exc.status_code), detail, headers=headers)


def allowed_methods(request: Request) -> str:
    """Every method some route serves at this path (Starlette names only the one route
    it matched, while one path often has a GET route and a POST or DELETE route)."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        match, _ = route.matches(request.scope)
        if match != Match.NONE:
            methods |= set(getattr(route, "methods", None) or ())
    return ", ".join(sorted(methods))


async def store_driver_error(request: Request, exc: Exception) -> JSONResponse:
    """Neo4j driver failures that escaped the store: the store is down, not the request bad."""
    err = StoreUnavailableError(f"the graph store is unreachable: {type(exc).__name__}")
    return await cryptoreg_error(request, err)


async def unexpected_error(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s", request.url.path, exc_info=exc)
    return problem(request, 500, "Internal error", "an unexpected error occurred; see server log")


def _driver_errors() -> tuple[type[Exception], ...]:
    try:
        from neo4j.exceptions import DriverError, ServiceUnavailable, SessionExpired
    except ImportError:  # pragma: no cover - neo4j is a dependency
        return ()
    return (ServiceUnavailable, SessionExpired, DriverError)


EXCEPTION_HANDLERS: dict[Any, Any] = {
    CryptoregError: cryptoreg_error,
    RequestValidationError: validation_error,
    StarletteHTTPException: http_error,
    **dict.fromkeys(_driver_errors(), store_driver_error),
    Exception: unexpected_error,
}

PROBLEM_RESPONSES: dict[int | str, dict[str, Any]] = {
    code: {
        "model": Problem,
        "description": desc,
        "content": {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}},
    }
    for code, desc in (
        (422, "Invalid parameter or body (RFC 9457 problem)."),
        (503, "The graph store is unreachable (RFC 9457 problem)."),
    )
}


def problems(*codes: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI `responses` entries for these error statuses (always with 422 and 503)."""
    descriptions = {
        400: "A body that does not parse (malformed JSON or form) (RFC 9457 problem).",
        401: "Missing or wrong X-API-Key (RFC 9457 problem).",
        403: "Writes are disabled: no API key is configured (RFC 9457 problem).",
        404: "Unknown id or name (RFC 9457 problem).",
        409: "Contradicts what is stored, e.g. a merge of two ids judged distinct (RFC 9457 "
        "problem).",
        413: "Request body too large (RFC 9457 problem).",
        415: "Body of a media type the operation does not take (RFC 9457 problem).",
        429: "As many of these requests are running as the server allows; retry after the "
        "Retry-After header's seconds (RFC 9457 problem).",
    }
    out = dict(PROBLEM_RESPONSES)
    for code in codes:
        out[code] = {**PROBLEM_RESPONSES[422], "description": descriptions[code]}
    return out
