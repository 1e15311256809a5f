"""The API's routers, one per resource; `create_app` includes every entry of `ROUTERS`.

To add a router (e.g. the RDF export's `api/routers/export.py`), append its module name
to `ROUTERS`; each module exposes `router: fastapi.APIRouter`.
"""

from __future__ import annotations

import importlib

from fastapi import APIRouter

ROUTERS: tuple[str, ...] = (
    "health",
    "entities",
    "actions",
    "articles",
    "queries",
    "analytics",
    "export",
    "ui",
)


def load_routers() -> list[APIRouter]:
    """Every listed router, in order (a missing module is an error, not a silent gap)."""
    return [importlib.import_module(f"api.routers.{name}").router for name in ROUTERS]
