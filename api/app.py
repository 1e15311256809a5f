"""The FastAPI application: `create_app(settings=None)` builds it (uvicorn's factory).

The store is opened in the lifespan (or passed in, as tests do); errors leave as RFC
9457 problem documents through one handler map (api/problems.py); request bodies are
capped before they are read (api/limits.py); docs are served offline (api/docs.py).
Unknown query parameters are a 422 on every route (api/query_params.py).
Requests naming a Host outside `Settings.trusted_hosts()` are refused (400) before
anything else runs, and every response carries the security headers of
`SecurityHeaders` (a Content-Security-Policy per kind of page, no framing, no sniffing).

Extension points: a router listed in `api.routers.ROUTERS` is included; a static
page in `api/ui/` (index.html and assets) is served at `/ui/`, and `/` redirects there
(to `/docs` while there is none).
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import Depends, FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from api.deps import StoreHolder
from api.docs import install_docs
from api.export_slots import ExportSlots
from api.heap_freeze import freeze_start_up_heap
from api.limits import BodySizeLimit
from api.problems import EXCEPTION_HANDLERS, Problem, problems
from api.query_params import reject_unknown
from api.routers import ROUTERS
from api.routers.health import api_version
from graph.errors import StoreUnavailableError
from graph.settings import Settings, get_settings
from graph.store.protocol import GraphStore

TITLE = "cryptoreg"
UI_DIR = Path(__file__).resolve().parent / "ui"
DESCRIPTION = """\
A knowledge graph of crypto-regulation actions built from news: who banned, blocked,
fined, sued, investigated, warned or licensed which exchange, where, and says which article.

* **Read** endpoints need no key. **Writes** (`POST /articles`, `DELETE /articles/{id}`)
  need the `X-API-Key` header; with no `CRYPTOREG_API_KEY` configured they are refused (403).
* Entity ids look like `exchange:okx`; the `:` may be sent as is or as `%3A`.
* Errors are RFC 9457 `application/problem+json`: `{type, title, status, detail, instance}`.
* `POST /queries/{name}` runs a named, read-only Cypher query; raw Cypher is never accepted.
"""


def _lifespan(holder: StoreHolder):  # type: ignore[no-untyped-def]
    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            holder.get()
        except StoreUnavailableError:
            pass  # served as 503 per request until the store answers
        freeze_start_up_heap()  # api/heap_freeze.py: full collections skip it
        yield
        holder.close()

    return lifespan


def create_app(settings: Settings | None = None, store: GraphStore | None = None) -> FastAPI:
    """The API over `store` if given (the caller keeps it), else the store `settings` name."""
    settings = settings or get_settings()
    holder = StoreHolder(settings, store)
    app = FastAPI(
        title=TITLE,
        version=api_version(),
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        lifespan=_lifespan(holder),
        exception_handlers=EXCEPTION_HANDLERS,
        dependencies=[Depends(reject_unknown)],  # unknown query parameters are a 422
    )
    app.state.settings = settings
    app.state.store_holder = holder
    app.state.export_slots = ExportSlots(settings.max_exports)
    for router in ROUTERS:
        app.include_router(router)
    install_docs(app, TITLE)
    if UI_DIR.is_dir():
        app.mount("/ui", StaticFiles(directory=UI_DIR, html=True), name="ui")
    _add_root(app)
    _register_problem_schema(app)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST", "DELETE"],
            allow_headers=["Content-Type", "X-API-Key"],
        )
    app.add_middleware(BodySizeLimit, max_bytes=settings.max_body_bytes)
    app.add_middleware(
        TrustedHostMiddleware, allowed_hosts=settings.trusted_hosts(), www_redirect=False
    )
    app.add_middleware(SecurityHeaders, docs_script_hashes=_inline_script_hashes(app, "/docs"))
    return app


# Pages may load only what this server serves; nothing may frame them (clickjacking).
_UI_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; font-src 'none'; object-src 'none'; base-uri 'none'; "
    "form-action 'none'; frame-ancestors 'none'"
)
# Swagger UI starts from one inline script, allowed by its hash (computed at start).
_DOCS_CSP = (
    "default-src 'self'; script-src 'self' {hashes}; style-src 'self'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# Everything else is data (JSON, RDF, problem documents): nothing to run, load or frame.
_DATA_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)


def _inline_script_hashes(app: FastAPI, path: str) -> list[str]:
    """CSP sources ('sha256-…') of the inline scripts of the HTML page `path` serves."""
    for route in app.routes:
        if isinstance(route, Route) and route.path == path:
            page = route.endpoint()
            if isinstance(page, HTMLResponse):
                html = bytes(page.body).decode("utf-8")
                return [
                    "'sha256-"
                    + base64.b64encode(hashlib.sha256(code.encode()).digest()).decode()
                    + "'"
                    for code in _INLINE_SCRIPT.findall(html)
                ]
    return []


class SecurityHeaders:
    """ASGI middleware: CSP, X-Frame-Options, X-Content-Type-Options and Referrer-Policy on
    every response (a header a route already set is kept)."""

    def __init__(self, app: ASGIApp, docs_script_hashes: list[str]) -> None:
        self.app = app
        self.docs_csp = _DOCS_CSP.format(hashes=" ".join(docs_script_hashes))

    def _csp(self, path: str) -> str:
        if path == "/ui" or path.startswith("/ui/"):
            return _UI_CSP
        if path == "/docs":
            return self.docs_csp
        return _DATA_CSP

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        csp = self._csp(scope.get("path", ""))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                headers.setdefault("Content-Security-Policy", csp)
                headers.setdefault("X-Frame-Options", "DENY")
                headers.setdefault("X-Content-Type-Options", "nosniff")
                headers.setdefault("Referrer-Policy", "no-referrer")
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _add_root(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/ui/" if UI_DIR.is_dir() else "/docs")


# What any operation taking a body may answer: a body that does not parse, of a media type
# it does not take.
BODY_PROBLEMS = {
    str(code): {key: value for key, value in problems(code)[code].items() if key != "model"}
    for code in (400, 415)
}


def _register_problem_schema(app: FastAPI) -> None:
    """Make sure `Problem` is in components even if no route names it as a model, and
    that every operation taking a body documents its 400 and 415 (`BODY_PROBLEMS`)."""
    original = app.openapi

    def openapi() -> dict:  # type: ignore[type-arg]
        if app.openapi_schema is None:
            schema = original()
            schemas = schema.setdefault("components", {}).setdefault("schemas", {})
            schemas.setdefault("Problem", Problem.model_json_schema())
            for path in schema.get("paths", {}).values():
                for operation in path.values():
                    if isinstance(operation, dict) and "requestBody" in operation:
                        responses = operation.setdefault("responses", {})
                        for code, response in BODY_PROBLEMS.items():
                            responses.setdefault(code, response)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
