"""Where the embedded ingest's SQLite time goes: CPU seconds per statement shape.

bench/embedded_ingest.py gives the totals; this runs the same writes (`upsert_many` in
batches into a fresh store, then bench/baselines.py `sqlite_executemany` of the same
rows) with every connection timing its `execute` and `executemany` calls (CPU seconds,
rows), grouped by the statement's first 90 characters, and the process's bytes written
(/proc/self/io wchar, where it exists). COMMIT's time is writing the transaction's dirty
pages to the WAL (and SQLite's own checkpoints): random-keyed B-trees (entity ids,
event ids) dirty about one page per inserted row, so it grows with the store. What is
left of the store's CPU beyond its statements is Python. `cpu_seconds` is each side's
whole run (the store's open and close; the baseline's building of its rows in Python,
which bench/embedded_ingest.py keeps off its clock), `statements_cpu_seconds` their SQL.

    .venv/bin/python bench/ingest_statements.py [--size 1000] [--batch 200] [--top 20]
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import baselines  # noqa: E402
from embedded_ingest import extracted  # noqa: E402

_STATS: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])


class TimedConnection(sqlite3.Connection):
    """A connection adding each statement's CPU seconds and rows to `_STATS`."""

    def execute(self, sql: str, parameters: Any = (), /) -> sqlite3.Cursor:
        c0 = time.process_time()
        try:
            return super().execute(sql, parameters)
        finally:
            _count(sql, 1, time.process_time() - c0)

    def executemany(self, sql: str, parameters: Iterable[Any], /) -> sqlite3.Cursor:
        rows = list(parameters)
        c0 = time.process_time()
        try:
            return super().executemany(sql, rows)
        finally:
            _count(sql, len(rows), time.process_time() - c0)


def _count(sql: str, rows: int, cpu: float) -> None:
    entry = _STATS[" ".join(sql.split())[:90]]
    entry[0] += rows
    entry[1] += cpu


def _written() -> int | None:
    try:
        with open("/proc/self/io", encoding="ascii") as io:
            return next(int(ln.split()[1]) for ln in io if ln.startswith("wchar"))
    except (OSError, StopIteration):
        return None


def _timed_connect(*args: Any, **kwargs: Any) -> sqlite3.Connection:
    kwargs["factory"] = TimedConnection
    conn: sqlite3.Connection = _connect(*args, **kwargs)
    return conn


_connect = sqlite3.connect


def run(which: str, batches: Sequence[Sequence[Any]], folder: Path, top: int) -> dict[str, Any]:
    """One side's CPU, bytes written and its `top` statements by CPU."""
    from graph.store.embedded.store import EmbeddedStore

    _STATS.clear()
    w0, c0 = _written(), time.process_time()
    if which == "store":
        store = EmbeddedStore(folder)
        try:
            for b in batches:
                store.upsert_many(b)
        finally:
            store.close()
    else:
        baselines.sqlite_executemany(batches, folder)
    cpu, w1 = time.process_time() - c0, _written()
    ranked = sorted(_STATS.items(), key=lambda kv: -kv[1][1])
    return {
        "cpu_seconds": round(cpu, 3),
        "statements_cpu_seconds": round(sum(v[1] for v in _STATS.values()), 3),
        "mb_written": round((w1 - w0) / 1e6, 1) if w0 is not None and w1 is not None else None,
        "top": [{"sql": sql, "rows": int(n), "cpu": round(t, 3)} for sql, (n, t) in ranked[:top]],
    }


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    p = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    p.add_argument("--size", type=int, default=1000)
    p.add_argument("--batch", type=int, default=200)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--top", type=int, default=20)
    p.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "cryptoreg-bench")
    args = p.parse_args(argv)
    xs = extracted(args.size, args.seed, args.cache)
    batches = [xs[i : i + args.batch] for i in range(0, len(xs), args.batch)]
    sqlite3.connect = _timed_connect  # type: ignore[assignment]
    try:
        with tempfile.TemporaryDirectory(prefix="cryptoreg-statements-") as tmp:
            out = {
                "articles": len(xs),
                "relations": sum(len(x.relations) for x in xs),
                "store": run("store", batches, Path(tmp) / "store", args.top),
                "raw": run("raw", batches, Path(tmp) / "raw", args.top),
            }
    finally:
        sqlite3.connect = _connect
    print(json.dumps(out, indent=1))
    return out


if __name__ == "__main__":
    main()
