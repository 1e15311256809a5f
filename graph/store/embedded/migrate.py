"""Opening a database written by an older schema: `meta.schema_version` says which.

Version 1 (before events) kept one `facts` row per (source, type, target), UNIQUE on
that key, with the article reports under it. Version 2 keeps one row per event. The
migration, in the transaction that opens the file:

1. `before_schema`: the version-1 `facts` table is renamed out of the way (its indexes
   dropped, since the new table reuses their names), so schema.sql creates the new one;
2. `after_schema`: the old rows are copied with a provisional event id, and every key
   is re-cut into events (graph/store/embedded/recut.py), which gives each event its
   real row and moves each report to it; the old table is dropped and the version set.

Version-1 support dates are ISO days, already valid partial-date texts.

Version 3 adds the change log (graph/store/embedded/changes.py); its tables are created by
schema.sql like any new table, so a version-2 file only has its version set. A migrated
file's log starts empty: the writes made before it were not recorded.

Version 4 adds the review decisions (graph/store/embedded/review.py), likewise a new table:
an older file only has its version set, and starts with no decision.
Version 5 adds judgements and the extractions as they arrived (graph/store/embedded/
judgements.py), new tables too: a version-4 file only has its version set, and its
articles get a kept extraction when they are ingested again (until then a judgement
cannot replay them and `explain` counts them as unexplained).
Version 6 adds each fact's support summary (`facts.n_sources`, `facts.best_conf`, kept by
triggers: schema.sql): `before_schema` adds the columns to an older `facts` table (the
schema's indexes name them) and `after_schema` fills them from `fact_support`.
"""

from __future__ import annotations

import sqlite3

from graph.errors import ConfigError
from graph.store.embedded.recut import recut

SCHEMA_VERSION = 6
_OLD_FACTS = "facts_v1"


def stored_version(conn: sqlite3.Connection) -> int | None:
    """The file's schema version; None for a new, empty file."""
    has_meta = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
    ).fetchone()
    if has_meta is None:
        return None
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 1


def before_schema(conn: sqlite3.Connection, version: int | None) -> None:
    """Set an older file's tables aside so the schema can create the current ones."""
    if version is not None and version > SCHEMA_VERSION:
        raise ConfigError(
            f"the database has schema version {version}; this cryptoreg reads up to"
            f" {SCHEMA_VERSION}: upgrade cryptoreg"
        )
    if version is not None and 1 < version < 6:
        have = {r[1] for r in conn.execute("PRAGMA table_info(facts)")}
        for col, decl in (("n_sources", "INTEGER"), ("best_conf", "REAL")):
            if col not in have:  # (a file whose version was set back may have them)
                conn.execute(f"ALTER TABLE facts ADD COLUMN {col} {decl} NOT NULL DEFAULT 0")
    if version == 1:
        conn.execute("DROP INDEX IF EXISTS facts_target")
        conn.execute("DROP INDEX IF EXISTS facts_type")
        conn.execute(f"ALTER TABLE facts RENAME TO {_OLD_FACTS}")


def after_schema(conn: sqlite3.Connection, version: int | None) -> bool:
    """Finish what `before_schema` began; True when the file's data was migrated."""
    if version is not None and version < SCHEMA_VERSION:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (SCHEMA_VERSION,))
    if version is None or version >= 6:
        return False
    if version > 1:
        fill_summaries(conn)
        return True
    conn.execute(
        "INSERT INTO facts (id, event_id, source, type, target)"
        f" SELECT id, 'v1-' || id, source, type, target FROM {_OLD_FACTS}"
    )
    conn.execute(f"DROP TABLE {_OLD_FACTS}")
    keys = conn.execute("SELECT DISTINCT source, type, target FROM facts ORDER BY 1, 2, 3")
    for key in keys.fetchall():
        recut(conn, key)
    fill_summaries(conn)  # the copied rows began at 0 with their reports already there
    conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (SCHEMA_VERSION,))
    return True


def fill_summaries(conn: sqlite3.Connection) -> None:
    """Set every fact's support summary from its reports (the triggers keep it after)."""
    conn.execute(
        "UPDATE facts SET (n_sources, best_conf) = (SELECT count(*), coalesce(max(confidence), 0)"
        " FROM fact_support s WHERE s.fact_id = facts.id)"
    )
