"""The Neo4j backend of `GraphStore`, with the official driver (6.x) against Neo4j 5.26.

Graph model (see graph/neo4j_records.py for the property layout)::

    (:Entity:<Type> {id, name, type, name_norm, aliases, names_norm, unnamed, count, ...})
    (:Alias {key, name, kind, lang, sources})-[:ALIAS_OF]->(:Entity)
    (:Entity)-[:MENTIONED_IN]->(:Article {id, url, title, publisher, published, text})
    (:Entity)-[:<RELATION> {sources, evidence, seen, first_seen, last_seen, confidence,
                            date, amount, ...}]->(:Entity)          one per fact

Answers are those of graph/embedded_store.py (its docstring holds the read semantics;
tests/test_store_conformance.py checks both). Writes go through `session.execute_write`
(one article per transaction; the driver retries transient errors such as deadlocks),
and each first write-locks one `:CryptoregMeta` node, so writers take turns as SQLite's
do and identity resolution never races another writer; reads go through
`execute_query` with READ routing and run concurrently. A server that is down, refuses the
credentials or drops the session becomes `StoreUnavailableError`, never a driver
traceback. Search candidates come from the full-text index; graph.store.search_rank ranks.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from neo4j import Driver, GraphDatabase, ManagedTransaction, RoutingControl

from graph.errors import InvalidInputError
from graph.ids import normalize_name
from graph.models import Alias, Article, Extraction
from graph.named.catalogue import bind_query
from graph.ontology import get_ontology
from graph.store.neo4j import read_queries as cy
from graph.store.neo4j import search as neo4j_search
from graph.store.neo4j import traversal as trav
from graph.store.neo4j import write_queries as wq
from graph.store.neo4j.errors import translated
from graph.store.neo4j.records import (
    article_from,
    entity_record,
    fact_from,
    plain_value,
    summary_from,
)
from graph.store.neo4j.schema import ensure_schema
from graph.store.neo4j.write import retract_tx, upsert_tx
from graph.store.protocol import (
    ArticleFacts,
    Direction,
    EntityRecord,
    Fact,
    RetractSummary,
    SearchHit,
    Stats,
    Subgraph,
    UpsertSummary,
)
from graph.store.provenance import fact_order
from graph.store.validation import checked

T = TypeVar("T")
PAGE = 1000
CONNECTION_TIMEOUT = 5.0
RETRY_TIME = 15.0


class Neo4jStore:
    """GraphStore over a Neo4j server; thread-safe (the driver pools connections)."""

    kind = "neo4j"

    def __init__(self, uri: str, user: str, password: str, database: str = "neo4j") -> None:
        self.database = database
        with translated(f"Neo4j at {uri}"):
            self._driver: Driver = GraphDatabase.driver(
                uri,
                auth=(user, password),
                connection_timeout=CONNECTION_TIMEOUT,
                connection_acquisition_timeout=2 * CONNECTION_TIMEOUT,
                max_transaction_retry_time=RETRY_TIME,
                # "property key does not exist" warnings on an empty database are noise.
                notifications_min_severity="OFF",
            )
        self._where = f"Neo4j at {uri} (database {database!r})"
        try:
            with translated(self._where):
                self._driver.verify_connectivity()
                ensure_schema(self._driver, database)
        except Exception:
            self._driver.close()
            raise

    # -- plumbing ------------------------------------------------------------------------

    def read(self, cypher: str, /, **params: Any) -> list[dict[str, Any]]:
        """Run a read query (READ routing, retried on transient errors); rows as dicts."""
        with translated(self._where):
            result = self._driver.execute_query(
                cypher, parameters_=params, database_=self.database, routing_=RoutingControl.READ
            )
        return [r.data() for r in result.records]

    def write(self, work: Callable[..., T], *args: Any) -> T:
        """Run a transaction function in a managed write transaction (retried as a whole)."""
        with translated(self._where), self._driver.session(database=self.database) as session:
            return session.execute_write(work, *args)

    def ping(self) -> str:
        rows = self.read("CALL dbms.components() YIELD versions RETURN versions[0] AS v")
        return str(rows[0]["v"])

    def close(self) -> None:
        self._driver.close()

    def clear(self) -> None:
        """Delete every node and relationship (schema kept); in batches, for big graphs."""
        while self.write(_clear_batch) > 0:
            pass

    # -- writes --------------------------------------------------------------------------

    def upsert(self, extraction: Extraction) -> UpsertSummary:
        return self.write(upsert_tx, checked(extraction))

    def upsert_many(self, extractions: Iterable[Extraction]) -> UpsertSummary:
        good = [checked(x) for x in extractions]  # one bad article refuses the batch
        total = UpsertSummary()
        for x in good:
            total = total + self.write(upsert_tx, x)
        return total

    def retract(self, article_id: str) -> RetractSummary:
        return self.write(retract_tx, article_id)

    # -- entities ------------------------------------------------------------------------

    def _records(self, ids: list[str]) -> list[EntityRecord]:
        rows = self.read(cy.ENTITY_RECORDS, ids=ids)
        recs = [entity_record(r["props"], r["sources"], r["counts"]) for r in rows]
        return sorted(recs, key=lambda r: r.entity.id)

    def get_entity(self, entity_id: str) -> EntityRecord | None:
        return next(iter(self._records([entity_id])), None)

    def find_entity(self, name: str, entity_type: str | None = None) -> EntityRecord | None:
        norm = normalize_name(name)
        if not norm:
            return None
        for query in (cy.FIND_BY_NAME, cy.FIND_BY_ALIAS):
            rows = self.read(query, norm=norm, type=entity_type)
            if rows and rows[0]["id"] is not None:
                return self.get_entity(rows[0]["id"])
        return None

    def aliases_of(self, entity_id: str) -> list[Alias]:
        rows = self.read(cy.ALIASES_OF, id=entity_id)
        aliases = [Alias(name=r["name"], kind=r["kind"], lang=r["lang"]) for r in rows]
        return sorted(aliases, key=lambda a: (a.name, a.kind))

    def search(
        self,
        q: str,
        entity_type: str | None = None,
        jurisdiction: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[SearchHit]:
        return neo4j_search.search(self, q, entity_type, jurisdiction, limit, offset)

    # -- facts and traversal -------------------------------------------------------------

    def relations_of(
        self, entity_id: str, rel_types: list[str] | None = None, direction: Direction = "both"
    ) -> list[Fact]:
        trav.require(self, entity_id)
        return trav.neighbours(self, entity_id, 1, rel_types, direction).edges

    def neighbours(
        self,
        entity_id: str,
        depth: int = 1,
        rel_types: list[str] | None = None,
        direction: Direction = "both",
    ) -> Subgraph:
        if not 1 <= depth <= trav.MAX_DEPTH:
            raise InvalidInputError(f"depth must be 1-{trav.MAX_DEPTH}, not {depth}")
        trav.require(self, entity_id)
        return trav.neighbours(self, entity_id, depth, rel_types, direction)

    def shortest_paths(self, from_id: str, to_id: str, max_length: int = 4) -> list[Subgraph]:
        if not 1 <= max_length <= trav.MAX_PATH:
            raise InvalidInputError(f"max_length must be 1-{trav.MAX_PATH}, not {max_length}")
        trav.require(self, from_id, to_id)
        return trav.shortest_paths(self, from_id, to_id, max_length)

    def actions(
        self,
        action_type: str | None = None,
        actor: str | None = None,
        target: str | None = None,
        target_type: str | None = None,
        jurisdiction: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        limit: int = 100,
        offset: int = 0,
    ) -> list[Fact]:
        types = get_ontology().action_types
        if action_type is not None and action_type not in types:
            raise InvalidInputError(f"{action_type!r} is not an action type: {list(types)}")
        actors = targets = None
        if jurisdiction is not None:
            found = trav.presence(self, jurisdiction)
            if not found[0]:
                return []
            actors, targets = sorted(found[0] | found[1]), sorted(found[0] | found[2])
        rows = self.read(
            cy.actions_query(),
            types=[action_type] if action_type else None,
            actor=actor,
            target=target,
            target_type=target_type,
            actors=actors,
            targets=targets,
            since=since,
            until=until,
            offset=max(offset, 0),
            limit=max(limit, 0),
        )
        return [fact_from(r) for r in rows]

    # -- articles ------------------------------------------------------------------------

    def articles(self, limit: int = 100, offset: int = 0) -> list[Article]:
        rows = self.read(cy.ARTICLES_PAGE, offset=max(offset, 0), limit=max(limit, 0))
        return [article_from(r["a"]) for r in rows]

    def get_article(self, article_id: str) -> ArticleFacts | None:
        rows = self.read(cy.GET_ARTICLE, id=article_id)
        if not rows:
            return None
        ents = [summary_from(r["e"]) for r in self.read(cy.ARTICLE_ENTITIES, id=article_id)]
        facts = [fact_from(r) for r in self.read(cy.ARTICLE_FACTS, id=article_id)]
        return ArticleFacts(
            article=article_from(rows[0]["a"]),
            entities=sorted(ents, key=lambda e: e.id),
            facts=sorted(facts, key=fact_order),
        )

    def stats(self) -> Stats:
        ont = get_ontology()
        ents, rels = dict.fromkeys(ont.entity_types, 0), dict.fromkeys(ont.relations, 0)
        totals = {"articles": 0, "aliases": 0}
        for r in self.read(cy.stats_query()):
            {"entity": ents, "relation": rels, "total": totals}[r["kind"]][r["name"]] = r["n"]
        return Stats(entities_by_type=ents, relations_by_type=rels, **totals)

    # -- streaming -----------------------------------------------------------------------

    def iter_entities(self) -> Iterator[EntityRecord]:
        after = ""  # ids are never empty, so every id sorts after it
        while True:
            ids = [r["id"] for r in self.read(cy.ENTITY_IDS_PAGE, after=after, page=PAGE)]
            if not ids:
                return
            yield from self._records(ids)
            after = ids[-1]

    def iter_facts(self) -> Iterator[Fact]:
        for rel_type in sorted(get_ontology().relations):
            after = ("", "")
            while True:
                rows = self.read(
                    cy.facts_page(rel_type), after_s=after[0], after_t=after[1], page=PAGE
                )
                if not rows:
                    break
                facts = sorted((fact_from(r) for r in rows), key=fact_order)
                yield from facts
                after = (rows[-1]["source"]["id"], rows[-1]["target"]["id"])

    def iter_articles(self) -> Iterator[Article]:
        after = ""
        while True:
            rows = self.read(cy.ARTICLES_BY_ID, after=after, page=PAGE)
            if not rows:
                return
            yield from (article_from(r["a"]) for r in rows)
            after = rows[-1]["a"]["id"]

    # -- named queries -------------------------------------------------------------------

    def run_named(self, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Run `queries/<name>.cypher` with its bound parameters in a READ transaction."""
        query, bound = bind_query(name, params)
        return [
            {k: plain_value(v) for k, v in row.items()} for row in self.read(query.cypher, **bound)
        ]


def _clear_batch(tx: ManagedTransaction) -> int:
    record = tx.run(wq.CLEAR_BATCH, batch=10_000).single()
    return int(record["deleted"]) if record else 0
