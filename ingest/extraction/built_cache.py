"""Data the extractor builds once, kept on disk between runs of a one-shot command.

The scorer runs `cryptoreg extract FILE` once per article, so whatever a process builds
before its first article (the gazetteer index, the given-name list) is paid again by
every run. `load_or_build` keeps the built value in a pickle in the user cache dir,
named by a key the caller derives from everything the value is built from (its source
files, its module's code), and rebuilds on any change. A cache that cannot be read or
written only costs the time it would have saved; the file is our own, written here.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from ingest.gazetteer.cache import CACHE_DIR

T = TypeVar("T")


def content_key(
    salt: str, files: Iterable[Path], extra: Iterable[str] = (), installed: Iterable[Path] = ()
) -> str | None:
    """SHA-256 over `salt`, the files' names and bytes, `extra` strings and the
    `installed` files' paths, sizes and modification times; None when a file cannot be
    read (the caller then builds without caching).

    `installed`: a third-party package's data file, which changes only when the package
    is reinstalled (and then gets a new modification time): its stat is enough, where
    hashing gender-guesser's 1.8 MB dictionary cost ~10 ms of each run."""
    digest = hashlib.sha256(salt.encode())
    try:
        for path in files:
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        for path in installed:
            stat = path.stat()
            digest.update(f"{path.resolve()}\0{stat.st_size}\0{stat.st_mtime_ns}\0".encode())
    except OSError:
        return None
    for text in extra:
        digest.update(text.encode() + b"\0")
    return digest.hexdigest()[:32]


def load_or_build(
    name: str,
    key: str | None,
    build: Callable[[], T],
    kind: type[T],
    cache_dir: Path = CACHE_DIR,
) -> T:
    """The value cached as `name` under `key`, else `build()` (then stored, replacing
    older keys of `name`). A cached object that is not a `kind` is rebuilt."""
    path = cache_dir / f"{name}-{key}.pickle"
    if key is not None:
        try:
            with path.open("rb") as fh:
                value = pickle.load(fh)  # our own file, written below
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
            value = None
        if isinstance(value, kind):
            return value
    value = build()
    if key is not None:
        _store(name, path, value, cache_dir)
    return value


def _store(name: str, path: Path, value: object, cache_dir: Path) -> None:
    """Write atomically (temp file + rename), removing stale files of `name`."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for old in cache_dir.glob(f"{name}-*.pickle"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=f".{name}-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except (OSError, pickle.PicklingError):
        return
