"""JSON (one object or a list of them) and JSON Lines articles.

Keys: id, title, url, publisher, published, text; `content` or `body` stand in
for text and `date` for published. A text holding HTML markup is reduced to its
text. In JSON Lines each line stands alone: a bad line is that line's failure.

Nesting is bounded (`limits.MAX_JSON_DEPTH`): a list item nested too deep is that
item's failure and the other items still read, even when the document is too deep
for Python's parser (10,000 `[`s raise `RecursionError`): then the top-level list is
cut into items by a scan that skips strings, and each item is parsed alone.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from graph.errors import InputFileError
from ingest.readers.limits import MAX_ITEMS, MAX_JSON_DEPTH, too_deep, too_many_items
from ingest.readers.markup import html_to_text, looks_like_html
from ingest.readers.records import Part, ReadFailure, Record

_TEXT_KEYS = ("text", "content", "body")
_DATE_KEYS = ("published", "date")
# a string (skipped whole), a run of openers, a run of closers, or a comma
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[{][\[{\s]*|[\]}][\]}\s]*|,', re.S)

Value = Any  # a parsed JSON value
Span = tuple[int, int, int]  # (start, end, deepest level reached) of one top-level item


def parse_json(text: str, origin: str, max_items: int = MAX_ITEMS) -> Iterator[Part]:
    """(where, record or failure) of a JSON document; `where` is "" for a single object."""
    for where, value in json_values(text, origin, max_items):
        if isinstance(value, ReadFailure):
            yield Part(where, value)
        elif isinstance(value, dict):
            yield Part(where, to_record(value))
        elif not where:
            raise InputFileError(f"{origin}: JSON must be an object or a list of objects")
        else:
            reason = f"{where}: expected a JSON object, got {_kind(value)}"
            yield Part(where, ReadFailure(path=origin, reason=reason))


def json_values(
    text: str, origin: str, max_items: int = MAX_ITEMS
) -> Iterator[tuple[str, Value | ReadFailure]]:
    """("", value) for a document that is not a list; ("item i", value or why not) for
    each item of a list. Whole-document problems raise `InputFileError`: malformed JSON,
    an empty list, more than `max_items` items, a non-list nested too deep."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputFileError(
            f"{origin}: malformed JSON at line {exc.lineno}, column {exc.colno}: {exc.msg}"
        ) from exc
    except RecursionError:
        yield from _deep_values(text, origin, max_items)
        return
    if not isinstance(data, list):
        depth = nesting(data)
        if depth > MAX_JSON_DEPTH:
            raise InputFileError(f"{origin}: {too_deep(depth)}")
        yield "", data
        return
    _check_count(len(data), origin, max_items)
    for i, item in enumerate(data, start=1):
        depth = 1 + nesting(item)
        if depth > MAX_JSON_DEPTH:
            yield f"item {i}", ReadFailure(path=origin, reason=f"item {i}: {too_deep(depth)}")
        else:
            yield f"item {i}", item


def parse_jsonl(text: str, origin: str, max_items: int = MAX_ITEMS) -> Iterator[Part]:
    """(where, record or that line's failure) for each non-blank line."""
    lines = [(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    if len(lines) > max_items:
        raise InputFileError(f"{origin}: {too_many_items(len(lines), 'lines', max_items)}")
    for number, line in lines:
        where = f"line {number}"
        data, problem = _load_line(line)
        if problem is None and not isinstance(data, dict):
            problem = f"expected a JSON object, got {_kind(data)}"
        if problem is not None:
            failure = ReadFailure(path=origin, reason=f"{where}: {problem}", line=number)
            yield Part(where, failure, number)
        else:
            yield Part(where, to_record(data), number)


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


def nesting(value: Value) -> int:
    """How many containers deep `value` goes (a scalar 0, `{}` 1, `[{}]` 2); no recursion."""
    deepest = 0
    stack: list[tuple[Value, int]] = [(value, 1)] if isinstance(value, dict | list) else []
    while stack:
        current, depth = stack.pop()
        deepest = max(deepest, depth)
        children = current.values() if isinstance(current, dict) else current
        stack.extend((c, depth + 1) for c in children if isinstance(c, dict | list))
    return deepest


def _load_line(line: str) -> tuple[Value, str | None]:
    """One JSON Lines value, or why not."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, f"malformed JSON at column {exc.colno}: {exc.msg}"
    except RecursionError:
        return None, too_deep(_scan(line)[0])
    depth = nesting(data)
    return (None, too_deep(depth)) if depth > MAX_JSON_DEPTH else (data, None)


def _deep_values(
    text: str, origin: str, max_items: int
) -> Iterator[tuple[str, Value | ReadFailure]]:
    """A document too deep for `json.loads`: refused whole, unless it is a list, whose
    items are then cut apart and parsed one by one (the deep ones fail alone)."""
    deepest, spans = _scan(text)
    if not text.lstrip().startswith("["):
        raise InputFileError(f"{origin}: {too_deep(deepest)}")
    _check_count(len(spans), origin, max_items)
    for i, (start, end, depth) in enumerate(spans, start=1):
        where = f"item {i}"
        if depth > MAX_JSON_DEPTH:
            yield where, ReadFailure(path=origin, reason=f"{where}: {too_deep(depth)}")
            continue
        try:
            yield where, json.loads(text[start:end])
        except json.JSONDecodeError as exc:
            reason = f"{where}: malformed JSON: {exc.msg}"
            yield where, ReadFailure(path=origin, reason=reason)


def _scan(text: str) -> tuple[int, list[Span]]:
    """The deepest nesting of `text` and, when it is a list, the span of each item.

    A linear pass over structural characters (strings are matched whole and skipped),
    so it costs one regex step per string, comma or run of brackets, never recursion.
    """
    depth = deepest = 0
    spans: list[Span] = []
    start: int | None = None  # where the current top-level item starts
    item_deepest = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        head = token[0]
        if head == '"':
            continue
        if head == ",":
            if depth == 1 and start is not None:
                spans.append((start, match.start(), item_deepest))
                start, item_deepest = match.end(), 1
            continue
        count = sum(1 for c in token if not c.isspace())
        if head in "[{":
            if depth == 0 and head == "[":
                start, item_deepest = match.start() + 1, 1
            depth += count
            deepest = max(deepest, depth)
            item_deepest = max(item_deepest, depth)
            continue
        if start is not None and count >= depth >= 1:  # this run closes the top-level list
            closer = [i for i, c in enumerate(token) if not c.isspace()][depth - 1]
            spans.append((start, match.start() + closer, item_deepest))
            start = None
        depth = max(0, depth - count)
    if start is not None:  # never closed: the rest is the last item (it will not parse)
        spans.append((start, len(text), item_deepest))
    if len(spans) == 1 and not text[spans[0][0] : spans[0][1]].strip():
        spans = []  # "[]"
    return deepest, spans


def _check_count(count: int, origin: str, max_items: int) -> None:
    if not count:
        raise InputFileError(f"{origin}: empty JSON list, no articles")
    if count > max_items:
        raise InputFileError(f"{origin}: {too_many_items(count, 'items', max_items)}")


def _kind(value: Value) -> str:
    return "null" if value is None else type(value).__name__
