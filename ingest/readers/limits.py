"""The one set of input limits every format and entry point applies (CLI, POST /articles, uploads).

Bytes: a file, URL body or uploaded file holds at most `Settings.max_file_bytes`
(CRYPTOREG_MAX_FILE_BYTES) and a request body at most `Settings.max_body_bytes`.
The limits here are counts and shapes, the same everywhere:

* `MAX_ITEMS` articles per input: a JSON array, a JSON Lines file, a feed's entries,
  a JSON request body, and all files of one upload request together. An input over it
  is refused whole, with its count in the reason (split it), never silently cut.
* `MAX_JSON_DEPTH` levels of JSON nesting: an article needs 2 (a list of objects),
  so anything deeper is refused as that item's or that file's reason, long before
  Python's parser would hit its recursion limit.
* `MAX_TEXT_CHARS` characters of text per article, as `ArticleIn.text` allows over
  HTTP; extraction time grows with text length, so a longer text is refused.
"""

from __future__ import annotations

MAX_ITEMS = 1000
MAX_JSON_DEPTH = 64
MAX_TEXT_CHARS = 2_000_000


def too_many_items(count: int, noun: str, max_items: int = MAX_ITEMS) -> str:
    """The reason for an input holding more than `max_items` articles ("items", "entries")."""
    return (
        f"holds {count:,} {noun}; at most {max_items:,} articles per file, feed or request "
        "(split it into smaller inputs)"
    )


def too_deep(depth: int | None, max_depth: int = MAX_JSON_DEPTH) -> str:
    """The reason for JSON nested deeper than `max_depth` (`None`: too deep to even count)."""
    levels = f"{depth:,} levels" if depth is not None else "too many levels"
    return f"JSON nested {levels} deep; the limit is {max_depth} (an article needs 2)"
