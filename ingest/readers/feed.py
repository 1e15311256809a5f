"""RSS and Atom feeds: one article per entry, its content (or summary) stripped of HTML.

A feed holds at most `limits.MAX_ITEMS` entries, like a JSON list: the entries are
counted before feedparser runs (parsing is what costs), then again after it.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from typing import Any

from graph.errors import InputFileError
from ingest.readers.limits import MAX_ITEMS, too_many_items
from ingest.readers.markup import html_to_text, looks_like_html
from ingest.readers.records import Part, ReadFailure, Record

_FEED_ROOT = re.compile(r"<(?:rss|feed|rdf:RDF)[\s>]", re.I)
_ENTRY = re.compile(r"<(?:[\w-]+:)?(?:item|entry)[\s/>]", re.I)


def looks_like_feed(text: str) -> bool:
    """Whether a document's start is an RSS, Atom or RDF feed root."""
    return bool(_FEED_ROOT.search(text[:2048]))


def parse_feed(text: str, origin: str, max_items: int = MAX_ITEMS) -> Iterator[Part]:
    """One part per entry; an entry without text is that entry's failure."""
    # an upper bound (an <item> inside CDATA counts too), so no big feed is parsed at all
    _check_count(sum(1 for _ in _ENTRY.finditer(text)), origin, max_items)
    # Imported here: feedparser is ~0.05 s of every one-file `cryptoreg extract`'s start-up,
    # and most inputs are no feed.
    import feedparser

    # A stream, never the string: feedparser treats a string as a URL or file name.
    parsed: Any = feedparser.parse(
        io.BytesIO(text.encode("utf-8")),
        response_headers={"content-type": "application/xml; charset=utf-8"},
        sanitize_html=False,
        resolve_relative_uris=False,
    )
    if not parsed.version:
        problem = parsed.get("bozo_exception")
        raise InputFileError(
            f"{origin}: not an RSS or Atom feed{f' ({problem})' if problem else ''}"
        )
    if not parsed.entries:
        raise InputFileError(f"{origin}: feed has no entries")
    _check_count(len(parsed.entries), origin, max_items)
    publisher = parsed.feed.get("title")
    for i, entry in enumerate(parsed.entries, start=1):
        where = f"entry {i}"
        text_html = _entry_body(entry)
        if not text_html:
            reason = f"{where}: no content or summary"
            yield Part(where, ReadFailure(path=origin, reason=reason))
            continue
        yield Part(where, _record(entry, text_html, publisher))


def _check_count(count: int, origin: str, max_items: int) -> None:
    if count > max_items:
        raise InputFileError(f"{origin}: {too_many_items(count, 'entries', max_items)}")


def _entry_body(entry: Any) -> str:
    """The longest of the entry's full contents, else its summary."""
    contents = [c.get("value", "") for c in entry.get("content") or []]
    body = max(contents, key=len, default="")
    return body or entry.get("summary", "") or ""


def _record(entry: Any, body: str, publisher: str | None) -> Record:
    link = entry.get("link")
    guid = entry.get("id") or ""
    title = entry.get("title")
    return {
        "title": html_to_text(title) if title and looks_like_html(title) else title,
        "url": link or (guid if guid.startswith(("http://", "https://")) else None),
        "publisher": publisher,
        "published": entry.get("published_parsed") or entry.get("updated_parsed"),
        "text": html_to_text(body) if looks_like_html(body) else body,
    }
