"""graph.identity.IdentityLookup over Neo4j that only reads (the change scope of a
judgement's replay, graph/store/neo4j/judgements.py; the batched write resolves through
its locked working set, graph/store/neo4j/working.py, and records its changes from it).

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

LOOKUP_IDS = (
    "UNWIND $ids AS id MATCH (e:Entity {id: id}) "
    "RETURN e.id AS id, e.type AS type, e.name AS name, e.qid AS qid"
)


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
        for row in self.tx.run(LOOKUP_IDS, ids=todo):
            self._ids[row["id"]] = _candidate(row)

    def get(self, entity_id: str) -> Candidate | None:
        self._fetch_ids([entity_id])
        return self._ids[entity_id]
