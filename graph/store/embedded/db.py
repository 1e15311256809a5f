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

from graph.store.embedded import migrate

SCHEMA_FILE = Path(__file__).with_name("schema.sql")
DB_NAME = "cryptoreg.sqlite3"
BUSY_TIMEOUT_MS = 30_000


def connect(data_dir: Path) -> sqlite3.Connection:
    """Open (creating if needed) the store's database with its pragmas and schema,
    migrating a file of an older schema version."""
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
    try:
        _create_or_migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def _create_or_migrate(conn: sqlite3.Connection) -> None:
    """Run the (idempotent) schema; an older file is migrated first (graph/store/embedded/
    migrate.py), in the same transaction, so a concurrent opener sees it before or after."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = migrate.stored_version(conn)
        migrate.before_schema(conn, version)
        for statement in _statements(SCHEMA_FILE.read_text(encoding="utf-8")):
            conn.execute(statement)
        if migrate.after_schema(conn, version):  # a migration is a write other views must see
            conn.execute("UPDATE meta SET value = value + 1 WHERE key = 'generation'")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


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
