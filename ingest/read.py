"""Read articles from files, folders and feed URLs into `Article`s.

Two entry points: `read_article_file` for one file holding one article (the
`extract` command), and `read_paths` for batches (the `ingest` command), where a
bad file, line or feed entry becomes a `ReadFailure` and the batch goes on.
Formats: .txt/.md, .html, .json, .jsonl, RSS/Atom (.xml/.rss/.atom or sniffed),
and http(s) URLs; see ingest/readers/ for each.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from graph.errors import InputFileError, InvalidInputError
from graph.models import Article
from ingest.readers.clean import clean_text
from ingest.readers.formats import parse_document
from ingest.readers.load import FETCH_TIMEOUT, RawDocument, fetch_url, is_url, load_file
from ingest.readers.records import ReadFailure, make_article

__all__ = [
    "ReadFailure",
    "clean_text",
    "iter_sources",
    "read_article_file",
    "read_paths",
    "read_source",
]

_DOC_FILE_STEMS = frozenset({"readme", "license", "licence", "changelog", "notice"})


def read_article_file(path: Path, max_bytes: int) -> Article:
    """The one article in `path`; a file holding several is refused (use `ingest`)."""
    if path.is_dir():
        raise InvalidInputError(f"{path}: is a folder; use `cryptoreg ingest {path}`")
    results = list(_read_document(load_file(path, max_bytes)))
    if len(results) > 1:
        unreadable = sum(isinstance(r, ReadFailure) for r in results)
        note = f" ({unreadable} unreadable)" if unreadable else ""
        raise InvalidInputError(
            f"{path}: holds {len(results)} articles{note}; `extract` takes one, "
            f"use `cryptoreg ingest {path}`"
        )
    result = results[0]
    if isinstance(result, ReadFailure):
        raise InputFileError(f"{result.path}: {result.reason}")
    return result


def read_paths(
    paths: list[str], max_bytes: int, timeout: float = FETCH_TIMEOUT
) -> Iterator[Article | ReadFailure]:
    """Every article of every file, folder (recursively) or URL, in a stable order."""
    for source in iter_sources(paths):
        yield from read_source(source, max_bytes, timeout)


def iter_sources(paths: list[str]) -> Iterator[str]:
    """Files and URLs to read, each folder expanded recursively in sorted path order.

    Inside folders, hidden files and folders and documentation files (README,
    LICENSE, ...) are skipped; a path named explicitly is always read.
    """
    for raw in paths:
        if is_url(raw) or not Path(raw).is_dir():
            yield raw
            continue
        found: list[Path] = []
        for root, dirs, files in os.walk(raw):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            found.extend(Path(root, name) for name in files if _is_article_file(name))
        for path in sorted(found, key=lambda p: p.relative_to(raw).parts):
            yield str(path)


def _is_article_file(name: str) -> bool:
    return not name.startswith(".") and Path(name).stem.lower() not in _DOC_FILE_STEMS


def read_source(
    source: str, max_bytes: int, timeout: float = FETCH_TIMEOUT
) -> Iterator[Article | ReadFailure]:
    """The articles of one file or URL; whatever goes wrong comes out as `ReadFailure`s."""
    try:
        if is_url(source):
            doc = fetch_url(source, max_bytes, timeout)
        else:
            doc = load_file(Path(source), max_bytes)
    except InputFileError as exc:
        yield _failure(source, exc)
        return
    yield from _read_document(doc)


def _read_document(doc: RawDocument) -> Iterator[Article | ReadFailure]:
    try:
        for part in parse_document(doc):
            if isinstance(part.item, ReadFailure):
                yield part.item
                continue
            try:
                yield make_article(part.item, doc.origin, part.where)
            except InputFileError as exc:
                yield _failure(doc.origin, exc, part.line)
    except InputFileError as exc:
        yield _failure(doc.origin, exc)


def _failure(origin: str, exc: InputFileError, line: int | None = None) -> ReadFailure:
    """A failure whose reason does not repeat the path the error message starts with."""
    reason = exc.detail.removeprefix(f"{origin}: ")
    return ReadFailure(path=origin, reason=reason, line=line)
