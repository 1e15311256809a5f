"""The API's routers, one per resource; `create_app` includes every entry of `ROUTERS`.

To add a router (e.g. the RDF export's `api/routers/export.py`), append its module name
to `ROUTER_MODULES`; each module exposes `router: fastapi.APIRouter`.
"""

from __future__ import annotations

import importlib

from fastapi import APIRouter

ROUTER_MODULES: tuple[str, ...] = (
    "health",
    "entities",
    "actions",
    "articles",
    "queries",
    "analytics",
    "export",
)


def load_routers() -> list[APIRouter]:
    """Every listed router; a listed module that does not exist yet is skipped."""
    out = []
    for name in ROUTER_MODULES:
        try:
            module = importlib.import_module(f"api.routers.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"api.routers.{name}":
                raise
            continue
        out.append(module.router)
    return out
