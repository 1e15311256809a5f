"""What a parser finds (`Record`) and how it becomes an `Article` or a `ReadFailure`."""

from __future__ import annotations

import logging
from typing import Any, Literal, NamedTuple, TypedDict

from pydantic import BaseModel, ValidationError

from graph.errors import InputFileError
from graph.ids import article_id
from graph.models import Article
from ingest.readers.clean import clean_line, clean_text
from ingest.readers.dates import parse_date, parse_period
from ingest.readers.limits import MAX_TEXT_CHARS

log = logging.getLogger("cryptoreg.read")


class ReadFailure(BaseModel):
    """One input (a file, a URL, or one line or entry of it) that yielded no article."""

    path: str
    reason: str
    line: int | None = None
    stage: Literal["read", "extract", "store"] = "read"


class ReadNote(BaseModel):
    """Something worth knowing about an input that was read, such as a fallback decoding."""

    path: str
    note: str


def add_note(notes: list[ReadNote] | None, path: str, note: str) -> None:
    """Keep a note for the caller's report, or log it when the caller keeps none."""
    if notes is None:
        log.warning("%s: %s", path, note)
    else:
        notes.append(ReadNote(path=path, note=note))


class Record(TypedDict, total=False):
    """An article's fields as a parser found them; only `text` is required."""

    id: Any
    title: Any
    url: Any
    publisher: Any
    published: Any
    text: Any


class Part(NamedTuple):
    """One article's worth of a multi-article input: a record, or why there is none.

    `where` says which part ("line 3", "item 2", "entry 1"; "" for a whole file).
    """

    where: str
    item: Record | ReadFailure
    line: int | None = None


def make_article(
    record: Record, origin: str, where: str = "", notes: list[ReadNote] | None = None
) -> Article:
    """A validated article: text cleaned, date parsed, id explicit or derived from url/text.

    `where` names the part of the input ("line 3", "item 2") for error messages. A
    publication date that names only a month or a year keeps the article, undated, with
    a note: refusing it would lose the article for want of a day.
    """
    label = f"{origin}{' ' + where if where else ''}"
    text = record.get("text")
    if not isinstance(text, str):
        raise InputFileError(f"{label}: no article text (expected a string 'text' field)")
    if len(text) > MAX_TEXT_CHARS:
        raise InputFileError(
            f"{label}: text of {len(text):,} characters; the limit is {MAX_TEXT_CHARS:,} "
            "per article (split it)"
        )
    text = clean_text(text)
    if not text:
        raise InputFileError(f"{label}: no article text")
    url = _optional_str(record.get("url"), "url", label)
    published = record.get("published")
    date = parse_date(published)
    if published not in (None, "") and date is None:
        period = parse_period(published)
        if period is not None:
            add_note(
                notes,
                label,
                f"published: {published!r} names no day ({period.precision} only): "
                "the article is kept without a publication date",
            )
        else:
            raise InputFileError(f"{label}: published: cannot read {published!r} as a date")
    try:
        return Article(
            id=_explicit_id(record.get("id"), label) or article_id(url, text),
            url=url,
            title=_one_line(_optional_str(record.get("title"), "title", label)),
            publisher=_one_line(_optional_str(record.get("publisher"), "publisher", label)),
            published=date,
            text=text,
            source_path=origin,
        )
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
        )
        raise InputFileError(f"{label}: {problems}") from exc


def _explicit_id(value: Any, label: str) -> str | None:
    """An id the input gives is kept as is (corpus files name theirs); numbers become strings."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise InputFileError(f"{label}: id must be a string, got {type(value).__name__}")
    return str(value).strip() or None


def _optional_str(value: Any, name: str, label: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputFileError(f"{label}: {name} must be a string, got {type(value).__name__}")
    return value.strip() or None


def _one_line(value: str | None) -> str | None:
    if value is None:
        return None
    return clean_line(value) or None
