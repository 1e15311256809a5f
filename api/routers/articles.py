"""Articles: list and read them, ingest new ones (JSON or file upload), retract one.

Writes need the `X-API-Key` header (see api/deps.py). An upload is parsed by the same
readers as `cryptoreg ingest` (text, Markdown, HTML, JSON, JSON Lines, RSS/Atom), with the
same limits; a bad item or file is reported in the answer and the rest is ingested.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request
from starlette.concurrency import run_in_threadpool

from api import examples as ex
from api.deps import SettingsDep, StoreDep, WriteKey
from api.problems import problems
from api.routers.entities import Limit, Offset
from api.schemas import ArticleIn, ArticleSummary, Page, RetractResult
from api.uploads import read_request_articles
from graph.errors import NotFoundError
from graph.store.protocol import ArticleFacts
from ingest.pipeline import IngestReport, ingest_articles
from ingest.readers.limits import MAX_ITEMS

router = APIRouter(tags=["articles"])

ArticleId = Annotated[
    str,
    Path(
        min_length=1,
        max_length=200,
        description="An article id.",
        openapi_examples={"seed": {"value": "seed-beijing-crackdown"}},
    ),
]

_BODY_DOC: dict[str, Any] = {
    "requestBody": {
        "required": True,
        "description": "One article or a list (JSON), or files to parse (multipart, field `file`).",
        "content": {
            "application/json": {
                "schema": {
                    "anyOf": [
                        ArticleIn.model_json_schema(),
                        {
                            "type": "array",
                            "items": ArticleIn.model_json_schema(),
                            "maxItems": MAX_ITEMS,
                        },
                    ]
                },
                "example": {
                    "title": "Regulator fines exchange",
                    "publisher": "Example Wire",
                    "published": "2024-05-01",
                    "text": "The Financial Conduct Authority fined Binance 2 million pounds.",
                },
            },
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "file": {"type": "array", "items": {"type": "string", "format": "binary"}}
                    },
                    "required": ["file"],
                }
            },
        },
    }
}


@router.get(
    "/articles",
    response_model=Page[ArticleSummary],
    summary="List articles",
    description="Stored articles (without their text), newest first, paginated.",
    responses={
        **ex.ok({"items": [ex.ARTICLE], "limit": 20, "offset": 0, "next_offset": None}),
        **problems(),
    },
)
def list_articles(store: StoreDep, limit: Limit = 20, offset: Offset = 0) -> Page[ArticleSummary]:
    found = store.articles(limit + 1, offset)
    more = len(found) > limit
    return Page(
        items=[ArticleSummary.of(a) for a in found[:limit]],
        limit=limit,
        offset=offset,
        next_offset=offset + limit if more else None,
    )


@router.get(
    "/articles/{article_id}",
    response_model=ArticleFacts,
    summary="One article with its entities and facts",
    description="The article (with text), the entities it mentions and the facts it supports.",
    responses={**ex.ok(ex.ARTICLE_FACTS), **problems(404)},
)
def get_article(store: StoreDep, article_id: ArticleId) -> ArticleFacts:
    found = store.get_article(article_id)
    if found is None:
        raise NotFoundError(f"no article with id {article_id!r}")
    return found


@router.post(
    "/articles",
    response_model=IngestReport,
    dependencies=[WriteKey],
    summary="Ingest articles",
    description=(
        "Extract entities and facts from one article or a list (JSON: `{id?, url?, title?, "
        "publisher?, published?, text}`), or from uploaded files (multipart field `file`), "
        "and write them to the graph. Needs `X-API-Key`; re-sending an article changes nothing. "
        f"At most {MAX_ITEMS} articles per request; an item or file that cannot be read is "
        "listed under `failed` with its reason and the others are written (422 when none can "
        "be read)."
    ),
    openapi_extra=_BODY_DOC,
    responses={**ex.ok(ex.INGEST), **problems(401, 403, 413)},
)
async def post_articles(request: Request, store: StoreDep, settings: SettingsDep) -> IngestReport:
    got = await read_request_articles(request, settings)
    report = await run_in_threadpool(ingest_articles, got.items, store)
    report.notes = got.notes
    return report


@router.delete(
    "/articles/{article_id}",
    response_model=RetractResult,
    dependencies=[WriteKey],
    summary="Retract an article",
    description="Remove an article and every fact, alias and entity only it supported. Needs "
    "`X-API-Key`.",
    responses={**ex.ok(ex.RETRACT), **problems(401, 403, 404)},
)
def delete_article(store: StoreDep, article_id: ArticleId) -> RetractResult:
    if store.get_article(article_id) is None:
        raise NotFoundError(f"no article with id {article_id!r}")
    return RetractResult(**store.retract(article_id).model_dump())
