"""A JSON copy of the parsed gazetteer YAML, keyed on the files' bytes, in the user cache dir.

Parsing ~220 kB of YAML costs about 250 ms even with libyaml (its constructor runs
in Python); reading the same data back as JSON costs a few milliseconds. The key is
a SHA-256 of every file's name and bytes, so any edit, checkout or added file
misses the cache; validation still runs on every load. A cache that cannot be read
or written is ignored: it only ever saves time.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from graph.environment import CACHE_DIR

__all__ = ["CACHE_DIR", "content_key", "read", "write"]

FORMAT = 1  # bump when the cached structure changes


def content_key(files: list[Path]) -> str:
    """SHA-256 over the files' names and contents, in the given order."""
    digest = hashlib.sha256(f"format {FORMAT}".encode())
    for path in files:
        digest.update(path.name.encode("utf-8") + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:32]


def _path(key: str, cache_dir: Path) -> Path:
    return cache_dir / f"gazetteer-{key}.json"


def read(key: str, cache_dir: Path = CACHE_DIR) -> list[Any] | None:
    """The cached parsed files for `key`, or None on a miss or an unreadable cache."""
    try:
        data = json.loads(_path(key, cache_dir).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, list) else None


def write(key: str, parsed: list[Any], cache_dir: Path = CACHE_DIR) -> None:
    """Store `parsed` atomically (temp file + rename); stale gazetteer caches are removed."""
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for old in cache_dir.glob("gazetteer-*.json"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=".gazetteer-", suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(parsed, fh, ensure_ascii=False)
        os.replace(tmp, _path(key, cache_dir))
    except OSError:
        return
