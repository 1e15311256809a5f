"""Get an input's bytes, from a file or an http(s) URL, never more than `max_bytes` of them.

A file's size is checked before it is opened and a URL's body is streamed and cut
off at the limit, so a 50 MB input costs a `stat` or a few chunks, not 50 MB of memory.

Only regular files have a size. A pipe or character device named as an input
(`/dev/stdin`) is opened without waiting for a writer and read until its end, at
most `max_bytes` and never waiting more than `timeout` seconds for the next chunk;
sockets and block devices are refused. (Inside folders such files are skipped before
they get here, see `ingest.read.iter_sources`.)
"""

from __future__ import annotations

import errno
import os
import select
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from graph.errors import InputFileError

FETCH_TIMEOUT = 20.0
_CHUNK = 1 << 16
_USER_AGENT = "cryptoreg/0.1 (+https://w3id.org/cryptoreg)"


@dataclass(frozen=True)
class RawDocument:
    """An input's bytes and what its name or server says about its format."""

    origin: str
    data: bytes
    suffix: str = ""
    media_type: str | None = None
    charset: str | None = None


def is_url(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def load_file(path: Path, max_bytes: int, timeout: float = FETCH_TIMEOUT) -> RawDocument:
    """The bytes of a regular file (or a pipe) no larger than `max_bytes`."""
    origin = str(path)
    try:
        info = path.stat()
    except OSError as exc:
        raise InputFileError(f"{origin}: {stat_problem(path, exc)}") from exc
    refused = _not_readable(info.st_mode)
    if refused:
        raise InputFileError(f"{origin}: {refused}")
    regular = stat.S_ISREG(info.st_mode)
    if regular and info.st_size > max_bytes:
        raise InputFileError(_too_large(origin, info.st_size, max_bytes))
    if regular and info.st_size == 0:
        raise InputFileError(f"{origin}: empty file")
    try:
        # O_NONBLOCK: a named pipe without a writer opens at once instead of waiting for one
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    except OSError as exc:
        raise InputFileError(f"{origin}: cannot read: {exc.strerror}") from exc
    try:
        info = os.fstat(fd)  # what was opened, should the path have changed since stat()
        refused = _not_readable(info.st_mode)
        if refused:
            raise InputFileError(f"{origin}: {refused}")
        if stat.S_ISREG(info.st_mode):
            data = _read_regular(fd, origin, info.st_size, max_bytes)
        else:
            data = _read_stream(fd, origin, max_bytes, timeout)
    except OSError as exc:
        raise InputFileError(f"{origin}: cannot read: {exc.strerror}") from exc
    finally:
        os.close(fd)
    if not data and not stat.S_ISREG(info.st_mode):
        raise InputFileError(f"{origin}: {special_kind(info.st_mode)} with nothing to read")
    return RawDocument(origin=origin, data=data, suffix=path.suffix.lower())


def stat_problem(path: Path, exc: OSError) -> str:
    """Why `path` cannot be looked at, in words (a loop of links, a dangling link, ...)."""
    if exc.errno == errno.ELOOP:
        return "a loop of symbolic links; skipped"
    if isinstance(exc, FileNotFoundError):
        return "a symbolic link to nothing; skipped" if path.is_symlink() else "no such file"
    return f"cannot read: {exc.strerror}"


def special_kind(mode: int) -> str:
    """What a file that is not a regular file or folder is, for reasons."""
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    return "not a regular file"


def _not_readable(mode: int) -> str | None:
    if stat.S_ISDIR(mode):
        return "is a folder, not a file"
    if stat.S_ISSOCK(mode) or stat.S_ISBLK(mode):
        return f"{special_kind(mode)}, not a file; skipped"
    return None


def _read_regular(fd: int, origin: str, size: int, max_bytes: int) -> bytes:
    if size > max_bytes:
        raise InputFileError(_too_large(origin, size, max_bytes))
    with os.fdopen(os.dup(fd), "rb") as fh:
        # one byte more than stat() saw, to notice growth; read(n) allocates n up front
        data = fh.read(size + 1)
    if len(data) > size:
        raise InputFileError(f"{origin}: the file grew while being read; try again")
    return data


def _read_stream(fd: int, origin: str, max_bytes: int, timeout: float) -> bytes:
    """A pipe's or device's bytes to its end, at most `max_bytes`, with an idle `timeout`."""

    def chunks() -> Iterable[bytes]:
        while True:
            try:
                chunk = os.read(fd, _CHUNK)
            except BlockingIOError:  # a writer is there but has sent nothing yet
                ready, _, _ = select.select([fd], [], [], timeout)
                if not ready:
                    raise InputFileError(
                        f"{origin}: nothing arrived for {timeout:g} s; skipped"
                    ) from None
                continue
            if not chunk:
                return
            yield chunk

    return _read_capped(chunks(), origin, max_bytes)


def fetch_url(url: str, max_bytes: int, timeout: float = FETCH_TIMEOUT) -> RawDocument:
    """The body of a GET on `url`, streamed and refused past `max_bytes`."""
    import httpx  # only URL inputs pay for it

    try:
        with httpx.Client(
            timeout=timeout, follow_redirects=True, headers={"User-Agent": _USER_AGENT}
        ) as client:
            with client.stream("GET", url) as response:
                if response.status_code >= 400:
                    raise InputFileError(f"{url}: HTTP {response.status_code} when fetching")
                declared = response.headers.get("content-length", "")
                if declared.isdigit() and int(declared) > max_bytes:
                    raise InputFileError(_too_large(url, int(declared), max_bytes))
                data = _read_capped(response.iter_bytes(), url, max_bytes)
                content_type = response.headers.get("content-type", "")
                final_url = str(response.url)
    except httpx.HTTPError as exc:
        raise InputFileError(f"{url}: cannot fetch: {type(exc).__name__}: {exc}") from exc
    if not data:
        raise InputFileError(f"{url}: empty response")
    media_type, _, params = content_type.partition(";")
    charset = params.partition("charset=")[2].strip(" \"'") or None
    return RawDocument(
        origin=url,
        data=data,
        suffix=Path(httpx.URL(final_url).path).suffix.lower(),
        media_type=media_type.strip().lower() or None,
        charset=charset,
    )


def _read_capped(chunks: Iterable[bytes], origin: str, max_bytes: int) -> bytes:
    kept: list[bytes] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > max_bytes:
            raise InputFileError(_too_large(origin, size, max_bytes, at_least=True))
        kept.append(chunk)
    return b"".join(kept)


def _too_large(origin: str, size: int, max_bytes: int, at_least: bool = False) -> str:
    more = "at least " if at_least else ""
    return (
        f"{origin}: too large ({more}{size:,} bytes; the limit is {max_bytes:,}, "
        "CRYPTOREG_MAX_FILE_BYTES)"
    )
