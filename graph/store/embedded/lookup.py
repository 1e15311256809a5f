"""graph.identity.IdentityLookup over the embedded store's tables, for identity resolution.

It reads through the write transaction's connection, so it sees what the article being
written has stored so far (graph/store/neo4j/lookup.py is the Neo4j counterpart). Identity
asks only for the entity with an id (graph/identity.py: ids depend on the entity alone).
"""

from __future__ import annotations

import sqlite3

from graph.identity import Candidate


class SqlLookup:
    """graph.identity.IdentityLookup over the store's tables (sees the open transaction)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def get(self, entity_id: str) -> Candidate | None:
        row = self.conn.execute(
            "SELECT id, type, name, qid FROM entities WHERE id = ?", (entity_id,)
        ).fetchone()
        return Candidate(*row) if row else None
