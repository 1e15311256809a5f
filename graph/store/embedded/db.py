"""The embedded store's SQLite connection: durability settings, schema, transactions.

Durability choice: WAL journal with `synchronous=FULL`. A write is acknowledged only
after COMMIT returns, and FULL syncs the WAL on every commit, so an acknowledged write
survives kill -9 and also an OS crash or power loss (NORMAL would already survive
kill -9, since the WAL reaches the OS before COMMIT returns, but could lose the last
commits on power loss). WAL lets reader processes (the API) read while an ingest writes.

Every write transaction bumps `meta.generation`, so any connection, in any process,
can tell with one cheap query whether its in-memory view is stale.

Concurrency: one writer connection (`connect`) and a pool of read-only connections
(`ReaderPool`), one per concurrent reader, each read in one read transaction (`read_tx`),
so a read sees exactly one committed generation and never waits for the writer nor for
another reader. The WAL is kept bounded (`bound_wal`, after every write): readers that
keep overlapping would starve SQLite's own PASSIVE auto-checkpoint (the WAL can only start
over when no reader is in it, and grew to 64 MB in 400 commits with two busy readers), so
the writer runs a PASSIVE checkpoint at most every CHECKPOINT_EVERY_S and a TRUNCATE one
(which waits, at most CHECKPOINT_WAIT_MS, for the readers in the WAL to finish; new ones
read the database file) as soon as the file passes WAL_LIMIT_BYTES while the WAL has not
started over, and TRUNCATE on close. A WAL that started over in the last write (its
header's checkpoint sequence changed: `wal_restarts`) holds that write alone, and SQLite
cuts the file back to `journal_size_limit` at that commit: truncating it to zero there
too only made the next write grow the file again (a batch's WAL passes the limit once a
store has a few thousand articles: 6-7% of an ingest's time, bench/embedded_ingest.py).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from graph.store.embedded import migrate

SCHEMA_FILE = Path(__file__).with_name("schema.sql")
DB_NAME = "cryptoreg.sqlite3"
BUSY_TIMEOUT_MS = 30_000
# journal_size_limit (a restarted WAL is cut back to this) and SQLite's own checkpoint
# threshold (`wal_autocheckpoint`, in pages). A bulk ingest's batch dirties pages all over
# the facts indexes: at 4 MB (SQLite's default threshold) every batch of a store of 10k
# articles was checkpointed at its commit, so a page written by consecutive batches was
# copied into the database (and the file synced) once per batch; at 32 MB it is copied
# once per checkpoint (bench/embedded_ingest.py: store -6% CPU, raw baseline -13%, the
# wall time of both a third less on a shared disk).
WAL_LIMIT_BYTES = 32 * 1024 * 1024
CHECKPOINT_EVERY_S = 1.0  # a PASSIVE checkpoint after writes, at most this often
CHECKPOINT_WAIT_MS = 2_000  # how long a TRUNCATE checkpoint waits for readers in the WAL
# The writer's page cache. SQLite's default (2 MB) holds a few of the facts table's seven
# B-trees: past a few thousand articles every insert re-read its index pages from the OS
# (bench/embedded_ingest.py: ~10% of the ingest's CPU at 10k articles). Pages are
# allocated as used, so a small store costs no more.
WRITER_CACHE_KIB = 64 * 1024
# How the writer stores pages: the durability above and the cache. The raw baseline of
# the ingest benchmark (bench/baselines.py) writes with these too.
STORAGE_PRAGMAS = (
    "journal_mode=WAL",
    "synchronous=FULL",
    f"cache_size=-{WRITER_CACHE_KIB}",
    f"wal_autocheckpoint={WAL_LIMIT_BYTES // 4096}",  # pages of the default 4 KiB
)


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
    for pragma in STORAGE_PRAGMAS:
        conn.execute(f"PRAGMA {pragma}")
    conn.execute(f"PRAGMA journal_size_limit={WAL_LIMIT_BYTES}")
    conn.execute("PRAGMA foreign_keys=OFF")
    try:
        _create_or_migrate(conn)
    except BaseException:
        conn.close()
        raise
    return conn


def connect_reader(data_dir: Path) -> sqlite3.Connection:
    """A read-only connection to a database `connect` has already created."""
    conn = sqlite3.connect(
        data_dir / DB_NAME,
        timeout=BUSY_TIMEOUT_MS / 1000,
        isolation_level=None,
        check_same_thread=False,  # used by one thread at a time (ReaderPool), closed by any
    )
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA query_only=ON")
    return conn


class ReaderPool:
    """Read-only connections handed to one reader at a time. A connection is made when
    none is idle, so there are as many as the peak number of concurrent readers (the
    server's thread pool bounds it); idle ones are kept for the next reader."""

    def __init__(self, data_dir: Path) -> None:
        self._data_dir = data_dir
        self._idle: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._closed = False

    def acquire(self) -> sqlite3.Connection:
        with self._lock:
            if self._closed:
                raise sqlite3.ProgrammingError("Cannot operate on a closed database.")
            if self._idle:
                return self._idle.pop()
        return connect_reader(self._data_dir)

    def release(self, conn: sqlite3.Connection) -> None:
        with self._lock:
            if not self._closed and not conn.in_transaction:
                self._idle.append(conn)
                return
        conn.close()

    def close(self) -> None:
        """Close the idle connections; one still in use is closed when released."""
        with self._lock:
            self._closed = True
            idle, self._idle = self._idle, []
        for conn in idle:
            conn.close()


def checkpoint(conn: sqlite3.Connection, mode: str = "PASSIVE") -> tuple[int, int, int]:
    """Copy the WAL into the database as far as readers allow: (busy, WAL frames, frames
    checkpointed). TRUNCATE (on close) also empties the WAL file when no reader is in it."""
    if mode not in ("PASSIVE", "FULL", "RESTART", "TRUNCATE"):
        raise ValueError(f"unknown checkpoint mode {mode!r}")
    busy, log, done = conn.execute(f"PRAGMA wal_checkpoint({mode})").fetchone()
    return int(busy), int(log), int(done)


def wal_bytes(data_dir: Path) -> int:
    """The size of the WAL file (0 when there is none)."""
    try:
        return (data_dir / f"{DB_NAME}-wal").stat().st_size
    except FileNotFoundError:
        return 0


def wal_restarts(data_dir: Path) -> int | None:
    """The WAL header's checkpoint sequence (https://www.sqlite.org/fileformat2.html, the
    WAL header at offset 12): it changes each time the WAL starts over from its first
    frame. None while the file is empty or absent."""
    try:
        with open(data_dir / f"{DB_NAME}-wal", "rb") as wal:
            header = wal.read(16)
    except FileNotFoundError:
        return None
    return int.from_bytes(header[12:16], "big") if len(header) == 16 else None


def truncate_wal(conn: sqlite3.Connection) -> tuple[int, int, int]:
    """TRUNCATE checkpoint waiting at most CHECKPOINT_WAIT_MS for readers (a long read
    must not stall the writer for the whole busy timeout); busy=1 if they outlasted it."""
    conn.execute(f"PRAGMA busy_timeout={CHECKPOINT_WAIT_MS}")
    try:
        return checkpoint(conn, "TRUNCATE")
    finally:
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


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
    """The script's statements; a trigger's body (its own `;`s between BEGIN and END)
    stays in one."""
    lines = [ln for ln in script.splitlines() if not ln.strip().startswith("--")]
    out: list[str] = []
    pending = ""
    for part in "\n".join(lines).split(";"):
        pending += part + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                out.append(pending.strip().rstrip(";").strip())
            pending = ""
    if pending.strip(" \n;"):
        out.append(pending.strip().rstrip(";").strip())
    return out


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
    """A consistent snapshot for several SELECTs (re-entrant: joins an open transaction).
    The snapshot is taken by the first SELECT (a deferred BEGIN) and held to the end."""
    if conn.in_transaction:
        yield conn
        return
    conn.execute("BEGIN")
    try:
        yield conn
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")
