"""What the graph views need besides the data endpoints: the vocabulary with its colours
(for the page at /ui, whose static files api/app.py mounts from api/ui/), and the Neo4j
Browser's style and guide.

Neither touches the store, so they stay out of the OpenAPI document: they are assets of
the two views, not part of the data API.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from fastapi import APIRouter
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response

from graph.named.browser_guide import render_guide
from graph.ontology import get_ontology
from graph.presentation.grass import render_grass
from graph.presentation.palette import entity_swatches, relation_colors

router = APIRouter(include_in_schema=False)

# The style is public and the same for everyone: any origin may fetch it, which is what
# Neo4j Browser (served from the Neo4j server's own origin) needs for `:style <url>`.
_ANY_ORIGIN = {"Access-Control-Allow-Origin": "*", "Cache-Control": "no-cache"}
# Chromium preflights a page's request to another loopback host name (Private Network
# Access): the Browser at 127.0.0.1:7474 fetching localhost:8000 is asked first.
_PREFLIGHT = {
    **_ANY_ORIGIN,
    "Access-Control-Allow-Methods": "GET",
    "Access-Control-Allow-Headers": "*",
    "Access-Control-Allow-Private-Network": "true",
    "Access-Control-Max-Age": "600",
}


@lru_cache(maxsize=1)
def vocabulary() -> dict[str, Any]:
    """Entity types with their swatches and relation types with kind, colour and
    whether an action is adverse, in ontology order, and the values an action's status
    and ending take; the page builds its filters, colours and legend from this."""
    ont = get_ontology()
    swatches = entity_swatches(ont)
    colors = relation_colors(ont)
    return {
        "entity_types": [
            {
                "name": name,
                "description": t.description,
                "color": swatches[name].color,
                "border": swatches[name].border,
                "text": swatches[name].text,
            }
            for name, t in ont.entity_types.items()
        ],
        "relations": [
            {
                "name": name,
                "kind": r.kind,
                "adverse": r.kind == "action" and r.adverse,
                "presence": r.presence,
                "description": r.description,
                "color": colors[name],
            }
            for name, r in ont.relations.items()
        ],
        "action_types": list(ont.action_types),
        "statuses": list(ont.property_values.get("status", ())),
        "endings": list(ont.property_values.get("ended_how", ())),
    }


@router.get("/ui/vocabulary.json")
def get_vocabulary() -> JSONResponse:
    return JSONResponse(vocabulary())


@router.get("/neo4j/style.grass")
def get_grass() -> PlainTextResponse:
    """The GraSS for `:style http://localhost:8000/neo4j/style.grass` in Neo4j Browser."""
    return PlainTextResponse(render_grass(), headers=_ANY_ORIGIN)


@router.options("/neo4j/style.grass")
def preflight_grass() -> Response:
    return Response(status_code=204, headers=_PREFLIGHT)


@lru_cache(maxsize=1)
def _guide() -> str:
    return render_guide()


@router.get("/neo4j/guide.html")
def get_guide() -> HTMLResponse:
    """The Neo4j Browser guide (`:play http://localhost:8000/neo4j/guide.html`): a welcome
    card, then the named queries as runnable cards. The project's Neo4j opens it on connect."""
    return HTMLResponse(_guide(), headers=_ANY_ORIGIN)


@router.options("/neo4j/guide.html")
def preflight_guide() -> Response:
    return Response(status_code=204, headers=_PREFLIGHT)
