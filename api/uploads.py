"""Turn a POST /articles request (JSON or multipart upload) into validated `Article`s.

JSON items and uploaded files go through the ingest readers' own `make_article`,
`json_values` and `parse_document`, so text cleaning, date parsing, id rules and
limits (ingest/readers/limits.py) match `cryptoreg ingest` exactly. As there, a bad
item or file is that item's or file's `ReadFailure` and the rest is ingested; the
request is a 4xx problem only when nothing in it can be read: 422 for bad content
(or more than `MAX_ITEMS` items in one JSON body), 413 for a body over
`max_body_bytes` (api/limits.py), 415 for any other content type.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from fastapi import Request
from pydantic import ValidationError
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.schemas import ArticleIn
from graph.errors import InputFileError, InvalidInputError
from graph.models import Article
from graph.settings import Settings
from ingest.read import unexpected
from ingest.readers.formats import parse_document
from ingest.readers.jsondoc import json_values
from ingest.readers.limits import MAX_ITEMS, too_many_items
from ingest.readers.load import RawDocument
from ingest.readers.records import ReadFailure, ReadNote, make_article

MAX_FILES = 20
BODY = "request body"


@dataclass
class RequestArticles:
    """What a request holds: its articles and the items or files that did not read,
    in request order, and notes on what was read with a caveat (a fallback decoding)."""

    items: list[Article | ReadFailure]
    notes: list[ReadNote] = field(default_factory=list)


async def read_request_articles(request: Request, settings: Settings) -> RequestArticles:
    """The request's articles (at least one) and the parts that did not read; raises a
    `CryptoregError` (4xx) when nothing readable was sent."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/json" or ctype.endswith("+json"):
        got = RequestArticles([])
        got.items = _json_articles(await request.body(), got.notes)
    elif ctype == "multipart/form-data":
        got = await _uploaded_articles(request, settings)
    else:
        raise StarletteHTTPException(
            415, f"send application/json or multipart/form-data, not {ctype[:60] or 'nothing'!r}"
        )
    if not any(isinstance(item, Article) for item in got.items):
        raise InvalidInputError(_nothing_read(got.items))
    return got


def _nothing_read(items: list[Article | ReadFailure]) -> str:
    reasons = [f"{f.path}: {f.reason}" for f in items if isinstance(f, ReadFailure)]
    if len(reasons) == 1:
        return reasons[0]
    more = f" (and {len(reasons) - 5} more)" if len(reasons) > 5 else ""
    return "no article could be read: " + "; ".join(reasons[:5]) + more


def _json_articles(body: bytes, notes: list[ReadNote]) -> list[Article | ReadFailure]:
    """Each item of a JSON body (an object or a list): its article, or why not."""
    try:
        values = list(json_values(_body_text(body), BODY))
    except InputFileError as exc:
        raise InvalidInputError(exc.detail) from exc
    out: list[Article | ReadFailure] = []
    for where, value in values:
        if isinstance(value, ReadFailure):
            out.append(value)
            continue
        try:
            out.append(_json_article(value, where, notes))
        except InputFileError as exc:
            reason = exc.detail.removeprefix(f"{BODY}: ").removeprefix(f"{BODY} ")
            out.append(ReadFailure(path=BODY, reason=reason))
    return out


def _body_text(body: bytes) -> str:
    """The body as text: UTF-8 (RFC 8259), or UTF-16/32 as `json.loads` would detect."""
    if not body.strip():
        raise InvalidInputError("empty body: send an article object or a list of them")
    encoding = json.detect_encoding(body)
    try:
        return body.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InvalidInputError(
            f"body is not valid {encoding}: byte 0x{body[exc.start]:02x} at offset {exc.start:,} "
            "(send JSON as UTF-8)"
        ) from exc


def _json_article(item: Any, where: str, notes: list[ReadNote]) -> Article:
    label = f"{BODY} {where}" if where else BODY
    if not isinstance(item, dict):
        raise InputFileError(f"{label}: expected an object, got {type(item).__name__}")
    try:
        checked = ArticleIn.model_validate(item)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise InputFileError(f"{label}: {loc}: {first['msg']}") from exc
    record: Any = checked.model_dump(exclude_none=True)
    return make_article(record, BODY, where, notes)


async def _uploaded_articles(request: Request, settings: Settings) -> RequestArticles:
    form = await request.form(max_files=MAX_FILES, max_fields=MAX_FILES)
    uploads = [f for f in form.getlist("file") if isinstance(f, UploadFile)]
    if not uploads:
        raise InvalidInputError("multipart body without a file in field 'file'")
    got = RequestArticles([])
    total = 0
    for upload in uploads:
        name = PurePath(upload.filename or "upload").name[:200] or "upload"
        data = await upload.read(settings.max_file_bytes + 1)
        if len(data) > settings.max_file_bytes:
            reason = (
                f"too large (over the file limit of {settings.max_file_bytes:,} bytes, "
                "CRYPTOREG_MAX_FILE_BYTES)"
            )
            got.items.append(ReadFailure(path=name, reason=reason))
            continue
        parsed = _parse_upload(name, data, upload.content_type, got.notes)
        count = sum(isinstance(item, Article) for item in parsed)
        if total + count > MAX_ITEMS:
            reason = f"with it this request {too_many_items(total + count, 'articles')}"
            got.items.append(ReadFailure(path=name, reason=reason))
            continue
        total += count
        got.items += parsed
    return got


def _parse_upload(
    name: str, data: bytes, media_type: str | None, notes: list[ReadNote]
) -> list[Article | ReadFailure]:
    """One uploaded file's articles, and a `ReadFailure` for each part that does not read."""
    if not data:
        return [ReadFailure(path=name, reason="empty file")]
    doc = RawDocument(
        origin=name, data=data, suffix=PurePath(name).suffix.lower(), media_type=media_type
    )
    out: list[Article | ReadFailure] = []
    try:
        for part in parse_document(doc, MAX_ITEMS, notes):
            if isinstance(part.item, ReadFailure):
                out.append(part.item)
                continue
            try:
                out.append(make_article(part.item, name, part.where, notes))
            except InputFileError as exc:
                reason = exc.detail.removeprefix(f"{name}: ").removeprefix(f"{name} ")
                out.append(ReadFailure(path=name, reason=reason, line=part.line))
    except InputFileError as exc:
        out.append(ReadFailure(path=name, reason=exc.detail.removeprefix(f"{name}: ")))
    except Exception as exc:  # a parser's own limit or bug: this file's failure only
        out.append(unexpected(name, exc))
    return out
