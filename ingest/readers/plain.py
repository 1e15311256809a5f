"""Plain text and Markdown articles: headline, header lines, byline and dateline.

Expected shape, every part optional: YAML-like front matter or `Key: value`
header lines (Title, Published, Publisher, URL, ...), a headline standing alone
on the first line, a "By ..." byline, then the body. The body's first paragraph
may open with a wire-style dateline ("TOKYO, March 23, 2018 (Agency) -"), which
stays in the text but is never taken for the title.
"""

from __future__ import annotations

import re

from ingest.readers.clean import is_furniture
from ingest.readers.dates import parse_date
from ingest.readers.records import Record

_HEADER = re.compile(r"^\s*([A-Za-z][A-Za-z ]{1,20}?)\s*:\s*(\S.*?)\s*$")
_HEADER_KEYS = {
    "title": "title",
    "headline": "title",
    "published": "published",
    "published on": "published",
    "date": "published",
    "pubdate": "published",
    "publisher": "publisher",
    "source": "publisher",
    "url": "url",
    "link": "url",
    "canonical": "url",
    "id": "id",
    "author": None,
    "byline": None,
}
_BYLINE = re.compile(r"^\s*(?:by|from)\s+[A-Z][\w.'’-]*(?:[ ,]+[\w.'’&-]+){0,10}\s*$", re.I)
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,40}(?:,\s*[A-Z][A-Za-z.]+)?)"
    r"(?:,\s*(?P<date>[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?))?"
    r"\s*(?:\((?P<agency>[^)]{1,40})\))?\s*[-–—]{1,2}\s"
)
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
_MD_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_MD_EMPHASIS = re.compile(r"(\*\*|__)(.+?)\1")
_LIST_ITEM = re.compile(r"^\s*(?:[-*+•]|\d{1,3}[.)])\s+")
_MAX_HEAD_LINES = 12
_WRAP_WIDTH = 100  # a block whose lines are all this short was hard-wrapped


def parse_plain(text: str, markdown: bool = False) -> Record:
    """The fields of one plain-text or Markdown article."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    record: Record = {}
    lines = _front_matter(lines, record)
    body_start = _read_head(lines, record, markdown)
    paragraphs = _paragraphs(lines[body_start:], markdown)
    dateline = _DATELINE.match(paragraphs[0]) if paragraphs else None
    if dateline:
        _take_dateline(dateline, record)
    record["text"] = "\n\n".join(paragraphs)
    return record


def _take_dateline(dateline: re.Match[str], record: Record) -> None:
    """A wire dateline names the agency and, with a year, the date: used when nothing else does."""
    date = dateline.group("date")
    if "published" not in record and date and parse_date(date):
        record["published"] = date
    if "publisher" not in record and dateline.group("agency"):
        record["publisher"] = dateline.group("agency")


def _front_matter(lines: list[str], record: Record) -> list[str]:
    """Strip a `---` fenced block of `key: value` lines, keeping the keys we know."""
    start = next((i for i, line in enumerate(lines) if line.strip()), len(lines))
    if start >= len(lines) or lines[start].strip() != "---":
        return lines
    for end in range(start + 1, min(len(lines), start + 40)):
        if lines[end].strip() == "---":
            for line in lines[start + 1 : end]:
                _take_header(line, record)
            return lines[end + 1 :]
    return lines


def _take_header(line: str, record: Record) -> bool:
    match = _HEADER.match(line)
    if not match or match.group(1).strip().lower() not in _HEADER_KEYS:
        return False
    field = _HEADER_KEYS[match.group(1).strip().lower()]
    if field is not None:
        record[field] = match.group(2).strip().strip("\"'")  # type: ignore[literal-required]
    return True


def _read_head(lines: list[str], record: Record, markdown: bool) -> int:
    """Consume header lines, the headline and the byline; return where the body starts."""
    seen = 0
    for i, line in enumerate(lines):
        if not line.strip():
            continue
        seen += 1
        if seen > _MAX_HEAD_LINES:
            return i
        bare = _MD_HEADING.sub("", line).strip().strip("*_").strip()
        if _take_header(line, record) or _BYLINE.match(bare):
            continue
        if "title" in record:
            if " ".join(bare.split()) == " ".join(str(record["title"]).split()):
                continue  # the headline repeated under front matter
        elif _is_headline(line, lines[i + 1 : i + 2], markdown):
            record["title"] = bare
            continue
        return i
    return len(lines)


def _is_headline(line: str, following: list[str], markdown: bool) -> bool:
    """A short line standing alone (or above unwrapped paragraphs), not ending like a
    sentence, and not a dateline."""
    if markdown and _MD_HEADING.match(line):
        return True
    stripped = line.strip()
    alone = not following or not following[0].strip() or bool(_BYLINE.match(following[0]))
    alone = alone or bool(following and _HEADER.match(following[0]))
    alone = alone or len(following[0].strip()) > _WRAP_WIDTH  # one paragraph per line follows
    return (
        alone
        and len(stripped) <= 200
        and len(stripped.split()) <= 30
        and not stripped.endswith((".", ",", ";", ":"))
        and not _DATELINE.match(stripped)
        and not _LIST_ITEM.match(stripped)
    )


def _paragraphs(lines: list[str], markdown: bool) -> list[str]:
    """Blank-line separated paragraphs, each unwrapped."""
    paragraphs: list[str] = []
    block: list[str] = []
    for raw in [*lines, ""]:
        if raw.strip():
            block.append(raw)
        elif block:
            paragraphs.extend(_unwrap(block, markdown))
            block = []
    return paragraphs


def _unwrap(block: list[str], markdown: bool) -> list[str]:
    """Join hard-wrapped lines; a block of long lines is one paragraph per line.

    Headings and furniture lines always stand alone (so `clean_text` can drop the
    furniture), and a list item always starts a new paragraph.
    """
    wrapped = all(len(raw.strip()) <= _WRAP_WIDTH for raw in block[:-1])
    out: list[str] = []
    current: list[str] = []
    for raw in block:
        line = _markdown_inline(raw, markdown).strip()
        alone = bool(markdown and _MD_HEADING.match(raw)) or is_furniture(line)
        if current and (alone or not wrapped or _LIST_ITEM.match(line)):
            out.append(" ".join(current))
            current = []
        if alone:
            out.append(line)
        else:
            current.append(line)
    if current:
        out.append(" ".join(current))
    return out


def _markdown_inline(line: str, markdown: bool) -> str:
    if not markdown:
        return line
    line = _MD_HEADING.sub("", line)
    line = _MD_LINK.sub(r"\1", line)
    return _MD_EMPHASIS.sub(r"\2", line)
