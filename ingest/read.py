"""Read articles from files, folders and feed URLs into `Article`s.

Two entry points: `read_article_file` for one file holding one article (the
`extract` command), and `read_paths` for batches (the `ingest` command), where a
bad file, line or feed entry becomes a `ReadFailure` and the batch goes on.
Formats: .txt/.md, .html, .json, .jsonl, RSS/Atom (.xml/.rss/.atom or sniffed),
and http(s) URLs; see ingest/readers/ for each. Limits: ingest/readers/limits.py.

Folders are walked without ever opening anything but regular files: a named pipe,
socket or device inside one is skipped with its reason (opening a pipe waits for a
writer, forever), and so is a link that loops or leads back into a folder already
walked. Whatever goes wrong with one input, even a parser's own exception, is that
input's `ReadFailure`: nothing one file holds stops the batch.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

from graph.errors import InputFileError, InvalidInputError
from graph.models import Article
from ingest.readers.clean import clean_text
from ingest.readers.formats import parse_document
from ingest.readers.limits import MAX_ITEMS
from ingest.readers.load import (
    FETCH_TIMEOUT,
    RawDocument,
    fetch_url,
    is_url,
    load_file,
    special_kind,
    stat_problem,
)
from ingest.readers.records import ReadFailure, ReadNote, make_article

__all__ = [
    "ReadFailure",
    "ReadNote",
    "clean_text",
    "iter_sources",
    "read_article_file",
    "read_paths",
    "read_source",
    "walk_sources",
]

_DOC_FILE_STEMS = frozenset({"readme", "license", "licence", "changelog", "notice"})


def read_article_file(path: Path, max_bytes: int, notes: list[ReadNote] | None = None) -> Article:
    """The one article in `path`; a file holding several is refused (use `ingest`)."""
    if path.is_dir():
        raise InvalidInputError(f"{path}: is a folder; use `cryptoreg ingest {path}`")
    results = list(_read_document(load_file(path, max_bytes), MAX_ITEMS, notes))
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
    paths: list[str],
    max_bytes: int,
    timeout: float = FETCH_TIMEOUT,
    max_items: int = MAX_ITEMS,
    notes: list[ReadNote] | None = None,
) -> Iterator[Article | ReadFailure]:
    """Every article of every file, folder (recursively) or URL, in a stable order."""
    for source in walk_sources(paths):
        if isinstance(source, ReadFailure):
            yield source
        else:
            yield from read_source(source, max_bytes, timeout, max_items, notes)


def walk_sources(paths: list[str]) -> Iterator[str | ReadFailure]:
    """Files and URLs to read, each folder expanded recursively in sorted path order,
    and a `ReadFailure` for each thing inside a folder that is skipped for a reason.

    Inside folders, hidden files and folders and documentation files (README,
    LICENSE, ...) are skipped silently; a path named explicitly is always read.
    """
    for raw in paths:
        if not is_url(raw) and _is_dir(raw):
            yield from _walk(Path(raw))
        else:
            yield raw


def iter_sources(paths: list[str]) -> Iterator[str]:
    """`walk_sources` as paths only: a skipped entry comes as its path, and reading it
    gives its reason again (without opening a pipe, see `load_file`)."""
    for source in walk_sources(paths):
        yield source.path if isinstance(source, ReadFailure) else source


def _is_dir(raw: str) -> bool:
    try:
        return stat.S_ISDIR(os.stat(raw).st_mode)
    except OSError:
        return False  # reading it says why


def _walk(root: Path) -> Iterator[str | ReadFailure]:
    """Depth first, each folder's entries in name order: the order of sorting every file
    by its path's parts. Links are followed, but never into a folder already walked."""
    walked = {_key(os.stat(root)): str(root)}
    pending: list[Iterator[Path | ReadFailure]] = [_entries(root)]
    while pending:
        path = next(pending[-1], None)
        if path is None:
            pending.pop()
            continue
        if isinstance(path, ReadFailure):
            yield path
            continue
        try:
            info = os.stat(path)
        except OSError as exc:
            yield ReadFailure(path=str(path), reason=stat_problem(path, exc))
            continue
        if stat.S_ISDIR(info.st_mode):
            first = walked.setdefault(_key(info), str(path))
            if first != str(path):
                reason = f"the same folder as {first}, already read (a link or a cycle); skipped"
                yield ReadFailure(path=str(path), reason=reason)
            else:
                pending.append(_entries(path))
        elif not _is_article_file(path.name):
            continue
        elif stat.S_ISREG(info.st_mode):
            yield str(path)
        else:
            reason = f"{special_kind(info.st_mode)}, not a regular file; skipped"
            yield ReadFailure(path=str(path), reason=reason)


def _entries(folder: Path) -> Iterator[Path | ReadFailure]:
    """A folder's visible entries in name order (a folder that cannot be listed: its
    failure, which `_walk` passes on)."""
    try:
        names = sorted(e.name for e in os.scandir(folder) if not e.name.startswith("."))
    except OSError as exc:
        yield ReadFailure(path=str(folder), reason=f"cannot list folder: {exc.strerror}")
        return
    for name in names:
        yield folder / name


def _key(info: os.stat_result) -> tuple[int, int]:
    return info.st_dev, info.st_ino


def _is_article_file(name: str) -> bool:
    return not name.startswith(".") and Path(name).stem.lower() not in _DOC_FILE_STEMS


def read_source(
    source: str,
    max_bytes: int,
    timeout: float = FETCH_TIMEOUT,
    max_items: int = MAX_ITEMS,
    notes: list[ReadNote] | None = None,
) -> Iterator[Article | ReadFailure]:
    """The articles of one file or URL; whatever goes wrong comes out as `ReadFailure`s."""
    try:
        if is_url(source):
            doc = fetch_url(source, max_bytes, timeout)
        else:
            doc = load_file(Path(source), max_bytes, timeout)
    except InputFileError as exc:
        yield _failure(source, exc)
        return
    except Exception as exc:  # one input's trouble, never the batch's
        yield unexpected(source, exc)
        return
    yield from _read_document(doc, max_items, notes)


def _read_document(
    doc: RawDocument, max_items: int, notes: list[ReadNote] | None
) -> Iterator[Article | ReadFailure]:
    try:
        for part in parse_document(doc, max_items, notes):
            if isinstance(part.item, ReadFailure):
                yield part.item
                continue
            try:
                yield make_article(part.item, doc.origin, part.where, notes)
            except InputFileError as exc:
                yield _failure(doc.origin, exc, part.line)
    except InputFileError as exc:
        yield _failure(doc.origin, exc)
    except Exception as exc:  # a parser's own limit or bug (lxml, feedparser)
        yield unexpected(doc.origin, exc)


def unexpected(origin: str, exc: Exception) -> ReadFailure:
    """An exception no reader expected, as the failure of the one input it came from."""
    detail = " ".join(str(exc).split())[:300]
    return ReadFailure(path=origin, reason=f"could not be read: {type(exc).__name__}: {detail}")


def _failure(origin: str, exc: InputFileError, line: int | None = None) -> ReadFailure:
    """A failure whose reason does not repeat the path the error message starts with."""
    reason = exc.detail.removeprefix(f"{origin}: ")
    return ReadFailure(path=origin, reason=reason, line=line)
