"""The embedded store's SQLite connection: durability settings, schema, transactions.

Durability choice: WAL journal with `synchronous=FULL`. A write is acknowledged only
after COMMIT returns, and FULL syncs the WAL on every commit, so an acknowledged write
survives kill -9 and also an OS crash or power loss (NORMAL would already survive
kill -9, since the WAL reaches the OS before COMMIT returns, but could lose the last
commits on power loss). WAL lets reader processes (the API) read while an ingest writes.

Every write transaction bumps `meta.generation`, so any connection, in any process,
can tell with one cheap query whether its in-memory view is stale.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SCHEMA_FILE = Path(__file__).with_name("schema.sql")
DB_NAME = "cryptoreg.sqlite3"
BUSY_TIMEOUT_MS = 30_000


def connect(data_dir: Path) -> sqlite3.Connection:
    """Open (creating if needed) the store's database with its pragmas and schema."""
    data_dir.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(
        data_dir / DB_NAME,
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,  # we issue BEGIN/COMMIT ourselves
        check_same_thread=False,  # guarded by the store's lock
    )
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA foreign_keys=OFF")
    with write_tx(conn, bump=False):
        for statement in _statements(SCHEMA_FILE.read_text(encoding="utf-8")):
            conn.execute(statement)
    return conn


def _statements(script: str) -> list[str]:
    lines = [ln for ln in script.splitlines() if not ln.strip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]


def generation(conn: sqlite3.Connection) -> int:
    """The number of write transactions ever committed to this database."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
    return int(row[0]) if row else 0


@contextmanager
def write_tx(conn: sqlite3.Connection, bump: bool = True) -> Iterator[sqlite3.Connection]:
    """One atomic write: BEGIN IMMEDIATE ... COMMIT, rolled back on any exception."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
        if bump:
            conn.execute("UPDATE meta SET value = value + 1 WHERE key = 'generation'")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


@contextmanager
def read_tx(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """A consistent snapshot for several SELECTs (re-entrant: joins an open transaction)."""
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")
