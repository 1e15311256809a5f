"""Turn a POST /articles request (JSON or multipart upload) into validated `Article`s.

JSON items and uploaded files go through the ingest readers' own `make_article` and
`parse_document`, so text cleaning, date parsing and id derivation match `cryptoreg
ingest` exactly. Every defect is a 4xx problem: 422 for bad items, 413 for a file over
`max_file_bytes`, 415 for any other content type.
"""

from __future__ import annotations

import json
from pathlib import PurePath
from typing import Any

from fastapi import Request
from pydantic import ValidationError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.errors import PayloadTooLargeError
from api.schemas import ArticleIn
from graph.errors import InputFileError, InvalidInputError
from graph.models import Article
from graph.settings import Settings
from ingest.readers.formats import parse_document
from ingest.readers.load import RawDocument
from ingest.readers.records import ReadFailure, make_article

MAX_ITEMS = 1000
MAX_FILES = 20


async def read_request_articles(
    request: Request, settings: Settings
) -> list[Article | ReadFailure]:
    """The request's articles (at least one) and, for uploads, the parts that did not read;
    raises a `CryptoregError` (4xx) when nothing readable was sent."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/json" or ctype.endswith("+json"):
        return list(_json_articles(await request.body()))
    if ctype == "multipart/form-data":
        return await _uploaded_articles(request, settings)
    raise StarletteHTTPException(
        415, f"send application/json or multipart/form-data, not {ctype[:60] or 'nothing'!r}"
    )


def _json_articles(body: bytes) -> list[Article]:
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidInputError(f"body is not valid JSON: {exc}") from exc
    items = data if isinstance(data, list) else [data]
    if not items:
        raise InvalidInputError("no article in the body: send an object or a non-empty list")
    if len(items) > MAX_ITEMS:
        raise InvalidInputError(f"at most {MAX_ITEMS} articles per request, got {len(items)}")
    return [_json_article(item, i) for i, item in enumerate(items, 1)]


def _json_article(item: Any, index: int) -> Article:
    if not isinstance(item, dict):
        raise InvalidInputError(f"item {index}: expected an object, got {type(item).__name__}")
    try:
        checked = ArticleIn.model_validate(item)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise InvalidInputError(f"item {index}: {where}: {first['msg']}") from exc
    record: Any = checked.model_dump(exclude_none=True)
    try:
        return make_article(record, "request body", f"item {index}")
    except InputFileError as exc:
        raise InvalidInputError(exc.detail) from exc


async def _uploaded_articles(request: Request, settings: Settings) -> list[Article | ReadFailure]:
    form = await request.form(max_files=MAX_FILES, max_fields=MAX_FILES)
    uploads = [f for f in form.getlist("file") if isinstance(f, UploadFile)]
    if not uploads:
        raise InvalidInputError("multipart body without a file in field 'file'")
    out: list[Article | ReadFailure] = []
    for upload in uploads:
        data = await upload.read(settings.max_file_bytes + 1)
        name = PurePath(upload.filename or "upload").name[:200] or "upload"
        if len(data) > settings.max_file_bytes:
            raise PayloadTooLargeError(
                f"{name}: over the file limit of {settings.max_file_bytes} bytes "
                "(CRYPTOREG_MAX_FILE_BYTES)"
            )
        out += _parse_upload(name, data, upload.content_type)
    if not any(isinstance(item, Article) for item in out):
        reasons = [f"{f.path}: {f.reason}" for f in out if isinstance(f, ReadFailure)]
        raise InvalidInputError("no article could be read: " + "; ".join(reasons[:5]))
    return out


def _parse_upload(name: str, data: bytes, media_type: str | None) -> list[Article | ReadFailure]:
    """One uploaded file's articles, and a `ReadFailure` for each part that does not read."""
    if not data:
        return [ReadFailure(path=name, reason="empty file")]
    doc = RawDocument(
        origin=name, data=data, suffix=PurePath(name).suffix.lower(), media_type=media_type
    )
    out: list[Article | ReadFailure] = []
    try:
        for part in parse_document(doc):
            if isinstance(part.item, ReadFailure):
                out.append(part.item)
                continue
            try:
                out.append(make_article(part.item, name, part.where))
            except InputFileError as exc:
                out.append(ReadFailure(path=name, reason=exc.detail, line=part.line))
    except InputFileError as exc:
        out.append(ReadFailure(path=name, reason=exc.detail))
    return out
