"""Liveness and size: `/ping` (no store), `/health` (store reachable), `/stats`."""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from fastapi import APIRouter

from api import examples as ex
from api.deps import StoreDep
from api.problems import problems
from api.schemas import Health
from graph.store.protocol import GraphStore, Stats

router = APIRouter(tags=["health"])


def api_version() -> str:
    """The installed package's version (what /health reports)."""
    try:
        return version("cryptoreg")
    except PackageNotFoundError:  # pragma: no cover - running from a bare checkout
        return "0.0.0"


@router.get(
    "/ping",
    summary="Answer without touching the store",
    description="A constant answer: shows the HTTP server is up (the latency baseline).",
    responses=ex.ok({"ping": "pong"}),
)
def ping() -> dict[str, str]:
    return {"ping": "pong"}


@router.get(
    "/health",
    response_model=Health,
    summary="Check that the store answers",
    description="Pings the configured store; 503 problem+json when it is unreachable.",
    responses={**ex.ok(ex.HEALTH), **problems()},
)
def health(store: StoreDep) -> Health:
    version = store.ping()
    return Health(status="ok", store=store_kind(store), version=version, api_version=api_version())


def store_kind(store: GraphStore) -> str:
    """'embedded' or 'neo4j': the backend's own name for itself."""
    return store.kind


@router.get(
    "/stats",
    response_model=Stats,
    summary="Count entities, relations, articles and aliases",
    description="Entities by type, relations by type, and the number of articles and aliases.",
    responses={**ex.ok(ex.STATS), **problems()},
)
def stats(store: StoreDep) -> Stats:
    return store.stats()
