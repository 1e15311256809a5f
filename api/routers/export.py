"""Linked data: `GET /export` (the whole graph as RDF, streamed) and `GET /id/{id}` (one entity).

`/id/{entity_id}` is where an entity IRI (`<base_iri><id>`) resolves once the base IRI
redirects to this API. It negotiates on `Accept`: an RDF media type gets the entity's
RDF description; `application/json`, `text/html`, `*/*`, no header, or nothing we
offer get the entity JSON of `GET /entities/{id}` (the API has no HTML pages, so
browsers see JSON too). Responses carry `Vary: Accept`. See docs/rdf.md.
"""

from __future__ import annotations

from enum import StrEnum
from itertools import chain
from typing import Annotated

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import Response, StreamingResponse

from api import examples as ex
from api.deps import SettingsDep, StoreDep
from api.problems import problems
from api.routers import entities
from api.schemas import EntityDetail
from graph.ontology import REL
from graph.rdf.export import FORMATS, describe_entity, get_format, iter_export, serialize

router = APIRouter(tags=["linked data"])

RdfFormatName = StrEnum("RdfFormatName", {n: n for n in FORMATS})  # type: ignore[misc]
DEFAULT_FORMAT = RdfFormatName("turtle")
JSON = "application/json"
# Offers in server preference order (used when the client's q-values tie).
OFFERS = [JSON, *(f.media_type for f in FORMATS.values()), "text/html"]
BY_MEDIA_TYPE = {f.media_type: f for f in FORMATS.values()}
# JSON-LD is JSON (an object or an array), the other syntaxes are text.
_OKX = "https://w3id.org/cryptoreg/id/exchange:okx"
_SEYCHELLES = "https://w3id.org/cryptoreg/id/jurisdiction:seychelles"
_CRG = "https://w3id.org/cryptoreg/ontology#"
_RDF_EXAMPLE = f"<{_OKX}> <{_CRG}{REL.headquartered_in}> <{_SEYCHELLES}> .\n"
RDF_CONTENT = {
    f.media_type: {
        "schema": {} if f.media_type.endswith("json") else {"type": "string"},
        "example": (
            {"@id": _OKX, f"{_CRG}{REL.headquartered_in}": [{"@id": _SEYCHELLES}]}
            if f.media_type.endswith("json")
            else _RDF_EXAMPLE
        ),
    }
    for f in FORMATS.values()
}


def _entity_200() -> dict[str, object]:
    """The 200 entry: the JSON example of GET /entities/{id} plus the RDF media types."""
    entry = ex.ok(ex.ENTITY, "The entity as JSON or as RDF, as negotiated.")[200]
    return {**entry, "content": {**entry["content"], **RDF_CONTENT}}


def _ranges(accept: str) -> list[tuple[str, float]]:
    """The media ranges of an Accept header with their q-values (malformed q counts as 0)."""
    out = []
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            key, _, value = param.partition("=")
            if key.strip().lower() == "q":
                try:
                    q = min(max(float(value), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        if media:
            out.append((media.lower(), q))
    return out


def _quality(offer: str, ranges: list[tuple[str, float]]) -> float:
    """The q of the most specific range matching `offer` (RFC 9110 §12.5.1)."""
    kind = offer.split("/")[0]
    for pattern in (offer, f"{kind}/*", "*/*"):
        for media, q in ranges:
            if media == pattern:
                return q
    return 0.0


def negotiate(accept: str | None) -> str:
    """The offer the client prefers most; JSON when it names none of ours or sends no header."""
    ranges = _ranges(accept or "")
    best, best_q = JSON, 0.0
    for offer in OFFERS:
        q = _quality(offer, ranges)
        if q > best_q:
            best, best_q = offer, q
    return best


@router.get(
    "/export",
    response_class=StreamingResponse,
    summary="The whole graph as RDF",
    description=(
        "Entities, articles and facts in the cryptoreg vocabulary (docs/rdf.md). `turtle`, "
        "`ntriples` and `jsonld` give the merged graph; `trig` and `nquads` keep one named "
        "graph per article with PROV-O on it. Every format streams as the store is read "
        "(one block per subject or named graph of each record), in time and size "
        "proportional to the graph and constant memory. At most CRYPTOREG_MAX_EXPORTS "
        "exports run at once; one more is a 429 with Retry-After."
    ),
    responses={200: {"description": "The graph.", "content": RDF_CONTENT}, **problems(429)},
)
def export(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    fmt: Annotated[RdfFormatName, Query(alias="format", description="RDF serialisation.")] = (
        DEFAULT_FORMAT
    ),
) -> StreamingResponse:
    rdf_format = get_format(fmt.value)
    chunks = request.app.state.export_slots.stream(
        iter_export(store, rdf_format.name, settings.base_iri)
    )
    # The first chunk is read before the status line goes out, so a store that fails on
    # its first read still answers with a problem (503), not a truncated 200.
    first = next(chunks, b"")  # a failure here has freed the slot (ExportSlots._held)
    disposition = f'inline; filename="cryptoreg.{rdf_format.extension}"'
    return StreamingResponse(
        chain([first], chunks),
        media_type=rdf_format.media_type,
        headers={"Content-Disposition": disposition},
    )


@router.get(
    "/id/{entity_id:path}",
    summary="Dereference an entity IRI (content negotiation)",
    description=(
        "RDF (text/turtle, application/ld+json, application/n-triples, application/trig, "
        "application/n-quads): the entity, its facts in and out with their statements, and "
        "its neighbours' labels. Otherwise the JSON of GET /entities/{id}."
    ),
    response_model=EntityDetail,
    responses={200: _entity_200(), **problems(404)},
)
def dereference(
    request: Request,
    store: StoreDep,
    settings: SettingsDep,
    entity_id: Annotated[
        str, Path(min_length=1, max_length=300, openapi_examples={"okx": {"value": "exchange:okx"}})
    ],
) -> Response:
    media = negotiate(request.headers.get("accept"))
    rdf_format = BY_MEDIA_TYPE.get(media)
    if rdf_format is None:
        detail = entities.get_entity(store, entity_id)
        return Response(detail.model_dump_json(), media_type=JSON, headers={"Vary": "Accept"})
    body = b"".join(serialize(describe_entity(store, entity_id, settings.base_iri), rdf_format))
    return Response(body, media_type=rdf_format.media_type, headers={"Vary": "Accept"})
