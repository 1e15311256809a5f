"""The FastAPI application: `create_app(settings=None)` builds it (uvicorn's factory).

The store is opened in the lifespan (or passed in, as tests do); errors leave as RFC
9457 problem documents through one handler map (api/problems.py); request bodies are
capped before they are read (api/limits.py); docs are served offline (api/docs.py).

Extension points: a router listed in `api.routers.ROUTERS` is included; a static
page in `api/ui/` (index.html and assets) is served at `/ui/`, and `/` redirects there
(to `/docs` while there is none).
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import RedirectResponse
from fastapi.staticfiles import StaticFiles

from api.deps import StoreHolder
from api.docs import install_docs
from api.limits import BodySizeLimit
from api.problems import EXCEPTION_HANDLERS, Problem
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
    )
    app.state.settings = settings
    app.state.store_holder = holder
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
    return app


def _add_root(app: FastAPI) -> None:
    @app.get("/", include_in_schema=False)
    def root() -> RedirectResponse:
        return RedirectResponse("/ui/" if UI_DIR.is_dir() else "/docs")


def _register_problem_schema(app: FastAPI) -> None:
    """Make sure `Problem` is in components even if no route names it as a model."""
    original = app.openapi

    def openapi() -> dict:  # type: ignore[type-arg]
        if app.openapi_schema is None:
            schema = original()
            schemas = schema.setdefault("components", {}).setdefault("schemas", {})
            schemas.setdefault("Problem", Problem.model_json_schema())
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
