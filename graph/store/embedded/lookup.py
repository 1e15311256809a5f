"""graph.identity.IdentityLookup over the embedded store's tables, for identity resolution.

It reads through the write transaction's connection, so it sees what the article being
written has stored so far (graph/store/neo4j/lookup.py is the Neo4j counterpart).
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

    def by_qid(self, qid: str) -> list[Candidate]:
        rows = self.conn.execute("SELECT id, type, name, qid FROM entities WHERE qid = ?", (qid,))
        return [Candidate(*r) for r in rows]

    def by_key(self, key: str) -> list[tuple[Candidate, bool]]:
        rows = self.conn.execute(
            "SELECT id, type, name, qid, 1 FROM entities WHERE key = ? AND unnamed = 0 "
            "UNION ALL SELECT e.id, e.type, e.name, e.qid, 0 FROM aliases a "
            "JOIN entities e ON e.id = a.entity_id "
            "WHERE a.key = ? AND a.identifying = 1 AND e.unnamed = 0",
            (key, key),
        )
        return [(Candidate(*r[:4]), bool(r[4])) for r in rows]

    def fuzzy_candidates(self, entity_type: str, words: set[str]) -> list[Candidate]:
        if not words:
            return []
        marks = ",".join("?" * len(words))
        rows = self.conn.execute(
            # CROSS JOIN pins the join order: words first (selective), then entities.
            "SELECT DISTINCT e.id, e.type, e.name, e.qid FROM name_words w CROSS JOIN"
            f" entities e ON e.id = w.entity_id WHERE w.word IN ({marks}) AND e.type = ?",
            (*sorted(words), entity_type),
        )
        return [Candidate(*r) for r in rows]

    def group_targets(
        self, actor_id: str, rel_type: str, group_type: str, count: int | None
    ) -> list[tuple[str, str | None]]:
        # `cnt IS ?` matches NULL to NULL; one row per event, with the event's date.
        rows = self.conn.execute(
            "SELECT f.target, f.date FROM facts f JOIN entities e ON e.id = f.target"
            " WHERE f.source = ? AND f.type = ? AND e.type = ? AND e.unnamed = 1 AND e.cnt IS ?"
            " ORDER BY f.target, f.event_id",
            (actor_id, rel_type, group_type, count),
        )
        return [(r[0], r[1]) for r in rows]
