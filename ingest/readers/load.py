"""Get an input's bytes, from a file or an http(s) URL, never more than `max_bytes` of them.

A file's size is checked before it is opened and a URL's body is streamed and cut
off at the limit, so a 50 MB input costs a `stat` or a few chunks, not 50 MB of memory.
"""

from __future__ import annotations

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


def load_file(path: Path, max_bytes: int) -> RawDocument:
    """The bytes of a regular file no larger than `max_bytes`."""
    origin = str(path)
    try:
        info = path.stat()
    except FileNotFoundError as exc:
        raise InputFileError(f"{origin}: no such file") from exc
    except OSError as exc:
        raise InputFileError(f"{origin}: cannot read: {exc.strerror}") from exc
    if stat.S_ISDIR(info.st_mode):
        raise InputFileError(f"{origin}: is a folder, not a file")
    regular = stat.S_ISREG(info.st_mode)
    if regular and info.st_size > max_bytes:
        raise InputFileError(_too_large(origin, info.st_size, max_bytes))
    if regular and info.st_size == 0:
        raise InputFileError(f"{origin}: empty file")
    try:
        with path.open("rb") as fh:
            if regular:
                # one byte more than stat() saw, to notice growth; read(n) allocates n up front
                data = fh.read(info.st_size + 1)
                if len(data) > info.st_size:
                    raise InputFileError(f"{origin}: the file grew while being read; try again")
            else:  # a pipe or device (/dev/stdin): no size to check first
                data = _read_capped(iter(lambda: fh.read(_CHUNK), b""), origin, max_bytes)
    except OSError as exc:
        raise InputFileError(f"{origin}: cannot read: {exc.strerror}") from exc
    return RawDocument(origin=origin, data=data, suffix=path.suffix.lower())


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
