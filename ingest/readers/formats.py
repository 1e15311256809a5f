"""Which parser reads a document: by file suffix, then HTTP media type, then by sniffing.

Suffixes are trusted, except that `.xml` is a feed only if it parses as one.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from ingest.readers.decode import decode_text
from ingest.readers.feed import looks_like_feed, parse_feed
from ingest.readers.html import parse_html
from ingest.readers.jsondoc import parse_json, parse_jsonl
from ingest.readers.limits import MAX_ITEMS
from ingest.readers.load import RawDocument, is_url
from ingest.readers.plain import parse_plain
from ingest.readers.records import Part, ReadNote, add_note

Format = Literal["text", "markdown", "html", "json", "jsonl", "feed"]

SUFFIXES: dict[str, Format] = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".xml": "feed",
    ".rss": "feed",
    ".atom": "feed",
}
_MEDIA_TYPES: dict[str, Format] = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "application/json": "json",
    "application/x-ndjson": "jsonl",
    "application/jsonl": "jsonl",
    "application/rss+xml": "feed",
    "application/atom+xml": "feed",
    "application/rdf+xml": "feed",
    "application/xml": "feed",
    "text/xml": "feed",
    "text/markdown": "markdown",
}


def detect_format(doc: RawDocument, text: str) -> Format:
    """The format of a decoded document (a URL's media type beats its path's suffix)."""
    if doc.media_type in _MEDIA_TYPES and doc.media_type != "text/html":
        return _MEDIA_TYPES[doc.media_type]
    if doc.media_type == "text/html" or doc.suffix not in SUFFIXES:
        return _sniff(text, fallback=_MEDIA_TYPES.get(doc.media_type or "", "text"))
    return SUFFIXES[doc.suffix]


def _sniff(text: str, fallback: Format) -> Format:
    head = text[:2048].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")):
        return "html"
    if looks_like_feed(text):
        return "feed"
    if "<body" in head:
        return "html"
    if head.startswith(("{", "[")):
        return "jsonl" if head.startswith("{") and "}\n{" in text[:100_000] else "json"
    return fallback


def parse_document(
    doc: RawDocument, max_items: int = MAX_ITEMS, notes: list[ReadNote] | None = None
) -> Iterator[Part]:
    """Every part of a document; whole-document problems raise `InputFileError`.

    At most `max_items` parts (else the document is refused); a fallback decoding is
    noted in `notes` (or logged when `notes` is None).
    """
    text, note = decode_text(doc.data, doc.origin, declared=doc.charset)
    if note:
        add_note(notes, doc.origin, note)
    fmt = detect_format(doc, text)
    if fmt == "json":
        yield from parse_json(text, doc.origin, max_items)
    elif fmt == "jsonl":
        yield from parse_jsonl(text, doc.origin, max_items)
    elif fmt == "feed":
        yield from parse_feed(text, doc.origin, max_items)
    elif fmt == "html":
        yield Part("", parse_html(text, doc.origin, url=doc.origin if is_url(doc.origin) else None))
    else:
        yield Part("", parse_plain(text, markdown=fmt == "markdown"))
