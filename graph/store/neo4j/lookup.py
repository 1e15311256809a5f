"""graph.identity.IdentityLookup over Neo4j, read inside the upsert's write transaction.

Identity asks only for the entity with an id (graph/identity.py: ids depend on the
entity alone), so the lookup asks for all of an extraction's ids in one batched query
up front and answers from that; an id it did not foresee costs one query.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from neo4j import ManagedTransaction

from graph.identity import Candidate
from graph.models import Extraction
from graph.store.neo4j import write_queries as q


def _candidate(row: Any) -> Candidate:
    return Candidate(row["id"], row["type"], row["name"], row["qid"])


class Neo4jLookup:
    """Answers graph.identity's questions from the open transaction's view of the graph."""

    def __init__(self, tx: ManagedTransaction, extraction: Extraction | None = None) -> None:
        self.tx = tx
        self._ids: dict[str, Candidate | None] = {}
        if extraction is not None:
            self.prefetch(extraction)

    def prefetch(self, extraction: Extraction) -> None:
        """Ask in advance for every id resolving this extraction can ask about."""
        self._fetch_ids(e.id for e in extraction.entities)

    def _fetch_ids(self, ids: Iterable[str]) -> None:
        todo = sorted({i for i in ids if i not in self._ids})
        if not todo:
            return
        self._ids.update(dict.fromkeys(todo))
        for row in self.tx.run(q.LOOKUP_IDS, ids=todo):
            self._ids[row["id"]] = _candidate(row)

    def get(self, entity_id: str) -> Candidate | None:
        self._fetch_ids([entity_id])
        return self._ids[entity_id]
