"""graph.identity.IdentityLookup over Neo4j, read inside the upsert's write transaction.

Identity resolution asks many small questions per entity (by id, QID, match key, fuzzy
words). Answering each with a round trip would dominate write time, so the lookup first
asks everything the extraction can need in four batched queries, then answers from
that; a question it did not foresee falls back to one query. `group_targets` (rule 4,
an unnamed group of the same event) is asked only for an extraction's unnamed groups
that are acted on, one query each.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from neo4j import ManagedTransaction

from graph.identity import Candidate, alias_is_identifying, fuzzy_words, match_key
from graph.models import Extraction
from graph.store.neo4j import write_queries as q


def _candidate(row: Any) -> Candidate:
    return Candidate(row["id"], row["type"], row["name"], row["qid"])


class Neo4jLookup:
    """Answers graph.identity's questions from the open transaction's view of the graph."""

    def __init__(self, tx: ManagedTransaction, extraction: Extraction | None = None) -> None:
        self.tx = tx
        self._ids: dict[str, Candidate | None] = {}
        self._qids: dict[str, list[Candidate]] = {}
        self._keys: dict[str, list[tuple[Candidate, bool]]] = {}
        self._words: set[str] = set()
        self._types: set[str] = set()
        self._by_word: list[tuple[Candidate, frozenset[str]]] = []
        if extraction is not None:
            self.prefetch(extraction)

    def prefetch(self, extraction: Extraction) -> None:
        """Ask in advance everything resolving this extraction can ask."""
        named = [e for e in extraction.entities if not e.unnamed]
        self._fetch_ids(e.id for e in extraction.entities)
        self._fetch_qids(e.qid for e in named if e.qid)
        keys = {match_key(e.name) for e in named}
        keys |= {
            match_key(a.name) for e in named for a in e.aliases if alias_is_identifying(a, e.type)
        }
        self._fetch_keys(keys)
        words = set().union(*(fuzzy_words(match_key(e.name)) for e in named)) if named else set()
        self._fetch_words({e.type for e in named}, words)

    def _fetch_ids(self, ids: Iterable[str]) -> None:
        todo = sorted({i for i in ids if i not in self._ids})
        if not todo:
            return
        self._ids.update(dict.fromkeys(todo))
        for row in self.tx.run(q.LOOKUP_IDS, ids=todo):
            self._ids[row["id"]] = _candidate(row)

    def _fetch_qids(self, qids: Iterable[str]) -> None:
        todo = sorted({x for x in qids if x not in self._qids})
        if not todo:
            return
        for x in todo:
            self._qids[x] = []
        for row in self.tx.run(q.LOOKUP_QIDS, qids=todo):
            self._qids[row["qid"]].append(_candidate(row))

    def _fetch_keys(self, keys: Iterable[str]) -> None:
        todo = sorted({k for k in keys if k not in self._keys})
        if not todo:
            return
        for k in todo:
            self._keys[k] = []
        for row in self.tx.run(q.LOOKUP_KEYS, keys=todo):
            self._keys[row["key"]].append((_candidate(row), bool(row["by_name"])))

    def _fetch_words(self, types: set[str], words: set[str]) -> None:
        types, words = types - self._types, set(words)
        if not types or not words:
            return
        rows = self.tx.run(q.LOOKUP_WORDS, types=sorted(types), words=sorted(words))
        for row in rows:
            cand = _candidate(row)
            self._by_word.append((cand, frozenset(fuzzy_words(match_key(cand.name)))))
        # Answers for these types are complete only for these words.
        self._types |= types
        self._words |= words

    def get(self, entity_id: str) -> Candidate | None:
        self._fetch_ids([entity_id])
        return self._ids[entity_id]

    def by_qid(self, qid: str) -> list[Candidate]:
        self._fetch_qids([qid])
        return list(self._qids[qid])

    def by_key(self, key: str) -> list[tuple[Candidate, bool]]:
        self._fetch_keys([key])
        return list(self._keys[key])

    def group_targets(
        self, actor_id: str, rel_type: str, group_type: str, count: int | None
    ) -> list[tuple[str, str | None]]:
        rows = self.tx.run(
            q.LOOKUP_GROUP_TARGETS,
            actor=actor_id,
            rel_type=rel_type,
            group_type=group_type,
            count=count,
        )
        return [(str(r["id"]), r["date"]) for r in rows]

    def fuzzy_candidates(self, entity_type: str, words: set[str]) -> list[Candidate]:
        if entity_type not in self._types or not words <= self._words:
            rows = self.tx.run(q.LOOKUP_WORDS, types=[entity_type], words=sorted(words))
            return [_candidate(r) for r in rows]
        seen: dict[str, Candidate] = {}
        for cand, cand_words in self._by_word:
            if cand.type == entity_type and cand_words & words:
                seen.setdefault(cand.id, cand)
        return list(seen.values())
