"""graph.identity.IdentityLookup over the embedded store's tables, for identity resolution.

It reads through the write transaction's connection, so it sees what the article being
written has stored so far (graph/store/neo4j/lookup.py is the Neo4j counterpart). Identity
asks only for the entity with an id (graph/identity.py: ids depend on the entity alone);
`group_targets` answers which unnamed groups an actor already acts on, for inspection.
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

    def group_targets(
        self, actor_id: str, rel_type: str, group_type: str, count: int | None
    ) -> list[tuple[str, str | None]]:
        """Unnamed groups of `group_type` with this `count` (None: no count) that `actor_id`
        has a `rel_type` relation to, each with that event's date, one row per event."""
        # `cnt IS ?` matches NULL to NULL; one row per event, with the event's date.
        rows = self.conn.execute(
            "SELECT f.target, f.date FROM facts f JOIN entities e ON e.id = f.target"
            " WHERE f.source = ? AND f.type = ? AND e.type = ? AND e.unnamed = 1 AND e.cnt IS ?"
            " ORDER BY f.target, f.event_id",
            (actor_id, rel_type, group_type, count),
        )
        return [(r[0], r[1]) for r in rows]
