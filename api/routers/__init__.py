"""The API's routers, one per resource; `create_app` includes every entry of `ROUTERS`, in order.

To add a router (e.g. the RDF export's `api/routers/export.py`), import its module here
and append its `router` to `ROUTERS`.
"""

from __future__ import annotations

from fastapi import APIRouter

from api.routers import (
    actions,
    analytics,
    articles,
    changes,
    entities,
    export,
    health,
    judgements,
    queries,
    review,
    timeline,
    ui,
)

ROUTERS: tuple[APIRouter, ...] = (
    health.router,
    entities.router,
    actions.router,
    timeline.router,
    articles.router,
    changes.router,
    judgements.router,
    review.router,
    queries.router,
    analytics.router,
    export.router,
    ui.router,
)
