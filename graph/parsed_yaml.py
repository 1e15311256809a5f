"""A YAML document read through a JSON copy kept in the user cache dir.

The ontology is read by every process at import; `import yaml` alone costs a one-shot
command (a `cryptoreg extract FILE` per article) ~15 ms of CPU, parsing it a few more,
where reading JSON costs well under one. `load_yaml(path)` keeps the parsed document as
JSON named by a SHA-256 of the file's bytes (any edit misses), and parses the YAML only
on a miss. A document JSON does not give back equal (dates, non-string keys) is never
stored. A cache that cannot be read or written only costs the time it would have saved.
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path
from typing import Any

from graph.environment import CACHE_DIR

FORMAT = 1  # bump when what is stored changes


def load_yaml(path: Path, cache_dir: Path = CACHE_DIR) -> Any:
    """The document in `path` (`OSError` if unreadable; YAML's error if malformed)."""
    raw = path.read_bytes()
    key = hashlib.sha256(f"format {FORMAT}\0".encode() + raw).hexdigest()[:32]
    copy = cache_dir / f"yaml-{path.stem}-{key}.json"
    try:
        return json.loads(copy.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        pass
    import yaml

    loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml's: ~8x faster
    data = yaml.load(raw.decode("utf-8"), Loader=loader)
    _store(copy, data)
    return data


def _store(copy: Path, data: Any) -> None:
    """Write atomically, replacing older copies of the same file's name."""
    try:
        text = json.dumps(data, ensure_ascii=False)
        if json.loads(text) != data:
            return
        copy.parent.mkdir(parents=True, exist_ok=True)
        stem = copy.name.rsplit("-", 1)[0]
        for old in copy.parent.glob(f"{stem}-*.json"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=copy.parent, prefix=f".{stem}-", suffix=".tmp")
    except (OSError, TypeError, ValueError):
        return
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, copy)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
