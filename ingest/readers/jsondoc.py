"""JSON (one object or a list of them) and JSON Lines articles.

Keys: id, title, url, publisher, published, text; `content` or `body` stand in
for text and `date` for published. A text holding HTML markup is reduced to its
text. In JSON Lines each line stands alone: a bad line is that line's failure.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from graph.errors import InputFileError
from ingest.readers.markup import html_to_text, looks_like_html
from ingest.readers.records import Part, ReadFailure, Record

_TEXT_KEYS = ("text", "content", "body")
_DATE_KEYS = ("published", "date")


def parse_json(text: str, origin: str) -> Iterator[Part]:
    """(where, record or failure) of a JSON document; `where` is "" for a single object."""
    data = _loads(text, origin)
    if isinstance(data, dict):
        yield Part("", to_record(data))
        return
    if not isinstance(data, list):
        raise InputFileError(f"{origin}: JSON must be an object or a list of objects")
    if not data:
        raise InputFileError(f"{origin}: empty JSON list, no articles")
    for i, item in enumerate(data, start=1):
        if isinstance(item, dict):
            yield Part(f"item {i}", to_record(item))
        else:
            reason = f"item {i}: expected a JSON object, got {type(item).__name__}"
            yield Part(f"item {i}", ReadFailure(path=origin, reason=reason))


def parse_jsonl(text: str, origin: str) -> Iterator[Part]:
    """(where, record or that line's failure) for each non-blank line."""
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"line {number}"
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            reason = f"{where}: malformed JSON at column {exc.colno}: {exc.msg}"
            yield Part(where, ReadFailure(path=origin, reason=reason, line=number), number)
            continue
        if isinstance(data, dict):
            yield Part(where, to_record(data), number)
        else:
            reason = f"{where}: expected a JSON object, got {type(data).__name__}"
            yield Part(where, ReadFailure(path=origin, reason=reason, line=number), number)


def to_record(data: dict[str, Any]) -> Record:
    """A record from a JSON object, mapping the accepted alternative keys."""
    text = next((data[k] for k in _TEXT_KEYS if data.get(k) not in (None, "")), None)
    if isinstance(text, str) and looks_like_html(text):
        text = html_to_text(text)
    return {
        "id": data.get("id"),
        "title": data.get("title"),
        "url": data.get("url"),
        "publisher": data.get("publisher"),
        "published": next((data[k] for k in _DATE_KEYS if data.get(k) not in (None, "")), None),
        "text": text,
    }


def _loads(text: str, origin: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputFileError(
            f"{origin}: malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from exc
