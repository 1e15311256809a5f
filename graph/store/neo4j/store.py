"""The Neo4j backend of `GraphStore`, with the official driver (6.x) against Neo4j 5.26.

Graph model (see graph/store/neo4j/records.py for the property layout)::

    (:Entity:<Type> {id, name, type, name_norm, aliases, names_norm, unnamed, count, ...})
    (:Alias {key, name, kind, lang, ...})-[:ALIAS_OF]->(:Entity)
    (:Alias)-[:NAMED_IN]->(:Article)        the articles that give the alias (its support)
    (:Entity)-[:MENTIONED_IN]->(:Article {id, url, title, publisher, published, text,
                                          caption})
    (:Entity)-[:<RELATION> {event_id, date, status, ended_how, ended_on, in_force_from,
                            in_force_until, sources, evidence, first_seen,
                            last_seen, confidence, amount, currency, history_*, ...}]->(:Entity)
                                                one per event: parallel relationships
    (:EventDetail {key, source, target, seen, confidences, dates, support_properties,
                   properties})             an event's bookkeeping, connected to nothing

Answers are those of graph/store/embedded/store.py (argument checks and limits are
graph/store/base.py's; tests/test_store_conformance.py checks both). Writes go through
`session.execute_write`, BATCH articles per transaction (graph/store/neo4j/write.py; the
driver retries transient errors such as deadlocks). There is no global lock: each
transaction locks the articles and entities it touches, in id order
(graph/store/neo4j/working.py), so writers of overlapping batches take turns on what
they share and identity resolution never races another writer, while writers of other
bodies run at once; reads go through `execute_query` with READ routing and run
concurrently. A server that is down, refuses the
credentials or drops the session becomes `StoreUnavailableError`, never a driver
traceback. Search candidates come from the full-text index (graph/store/neo4j/search.py).

Failing fast (`Neo4jTimeouts`, from settings): reads retry for a short budget only, so an
API request to a server that is down is a 503 within seconds; `ping` does not retry at
all (/health answers at once); writes keep a long budget for an ingest to ride out a
restart, and when it runs out the error names the articles this store wrote before and
those of the failed transaction (a batch: all stored, or none, or "may or may not be").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, TypeVar

from neo4j import Driver, GraphDatabase, ManagedTransaction, RoutingControl
from neo4j.exceptions import IncompleteCommit, ServiceUnavailable, SessionExpired

from graph.errors import StoreUnavailableError
from graph.models import Alias, Article, Extraction
from graph.ontology import REL, get_ontology
from graph.settings import Neo4jTimeouts
from graph.store.analytics import GenerationCache
from graph.store.base import BaseStore
from graph.store.changes import Change, ChangeBody, ChangeFilter
from graph.store.filters import ActionFilter, Presence
from graph.store.hub_cut import cap_bounded
from graph.store.hubs import Capped, EdgeStub, HubLimits
from graph.store.judgements import Judgement, JudgementIn
from graph.store.neo4j import changes as log
from graph.store.neo4j import judgements as judged
from graph.store.neo4j import read_queries as cy
from graph.store.neo4j import review as rv
from graph.store.neo4j import search as neo4j_search
from graph.store.neo4j import traversal as trav
from graph.store.neo4j import write_queries as wq
from graph.store.neo4j.errors import WriteLog, translated
from graph.store.neo4j.hub_cut import CypherGroups
from graph.store.neo4j.quiet import QuietTransaction
from graph.store.neo4j.records import (
    article_from,
    entity_record,
    fact_from,
    in_fact_order,
    plain_value,
    summary_from,
)
from graph.store.neo4j.rows import record_dict
from graph.store.neo4j.schema import ensure_schema
from graph.store.neo4j.working import LockLostError
from graph.store.neo4j.write import retract_tx, upsert_batch_tx
from graph.store.protocol import (
    ArticleFacts,
    Direction,
    EntityRecord,
    EntitySummary,
    Fact,
    RetractSummary,
    Stats,
    Subgraph,
    UpsertSummary,
)
from graph.store.review import ACCEPTED, ReviewDecision, ReviewScope, Shown
from graph.store.search_rank import Candidate

T = TypeVar("T")
PAGE = 1000
# Articles per write transaction. Hundreds make a write cost a dozen round trips per
# batch instead of per article, and re-cut a relation many articles state once per
# batch; the naive baseline uses 200 too. Bigger batches gain little more, hold
# their locks longer (a concurrent writer of the same bodies waits) and make the unit
# an outage leaves uncertain bigger. Tests patch it to check batch boundaries.
BATCH = 200
LOCK_LOST_RETRIES = 5
LIVENESS_CHECK_S = 1.0


class Neo4jStore(BaseStore):
    """GraphStore over a Neo4j server; thread-safe (the driver pools connections)."""

    kind = "neo4j"

    def __init__(
        self,
        uri: str,
        user: str,
        password: str,
        database: str = "neo4j",
        *,
        timeouts: Neo4jTimeouts | None = None,
        review_below: float = 0.0,
    ) -> None:
        self.database = database
        self.review_below = review_below
        self.timeouts = timeouts or Neo4jTimeouts()
        self.landed = WriteLog()  # the articles this store wrote, for outage messages
        # one thread for pings: a ping stuck on a frozen server blocks only later pings,
        # which give up at their deadline too
        self._pinger = ThreadPoolExecutor(max_workers=1, thread_name_prefix="neo4j-ping")
        with translated(f"Neo4j at {uri}"):
            self._driver: Driver = GraphDatabase.driver(
                uri,
                auth=(user, password),
                connection_timeout=self.timeouts.connection,
                connection_acquisition_timeout=self.timeouts.acquisition,
                # a pooled connection idle for a second is checked (one RESET) before use,
                # so one the server closed (a restart) is replaced, not a failed read
                liveness_check_timeout=LIVENESS_CHECK_S,
                # the budget of reads (execute_query); write sessions set their own
                max_transaction_retry_time=self.timeouts.read_retry,
                # "property key does not exist" warnings on an empty database are noise.
                notifications_min_severity="OFF",
            )
        self._where = f"Neo4j at {uri} (database {database!r})"
        self._stats = GenerationCache(self.generation, max_entries=1)
        try:
            self.ping()  # within the ping deadline: a server that never answers fails fast
            with translated(self._where):
                ensure_schema(self._driver, database)
        except Exception:
            self.close()
            raise

    # -- plumbing ------------------------------------------------------------------------

    def read(self, cypher: str, /, **params: Any) -> list[dict[str, Any]]:
        """Run a read query (READ routing, retried on transient errors); rows as dicts."""
        with translated(self._where):
            result = self._driver.execute_query(
                cypher, parameters_=params, database_=self.database, routing_=RoutingControl.READ
            )
        return [record_dict(r) for r in result.records]

    def read_rows(self, cypher: str, params: Mapping[str, Any]) -> list[dict[str, Any]]:
        """Run read-only Cypher with `params` as driver parameters (never formatted into
        the text); rows with plain Python values. graph/named/runner.py runs named queries
        through it."""
        rows = self.read(cypher, **params)
        return [{k: plain_value(v) for k, v in row.items()} for row in rows]

    def write(self, work: Callable[..., T], *args: Any) -> T:
        """Run a transaction function in a managed write transaction (retried as a whole
        for at most the write budget). The session shares `execute_query`'s bookmark
        manager with the reads, so on a cluster a read after a write sees it (causal
        consistency) and a write follows the reads before it. `work` gets the transaction
        as a `QuietTransaction` (graph/store/neo4j/quiet.py: its parameters are not
        formatted for the driver's debug log)."""

        def quietly(tx: ManagedTransaction, *args: Any) -> T:
            return work(QuietTransaction(tx), *args)

        with (
            translated(self._where),
            self._driver.session(
                database=self.database,
                max_transaction_retry_time=self.timeouts.write_retry,
                bookmark_manager=self._driver.execute_query_bookmark_manager,
            ) as session,
        ):
            return session.execute_write(quietly, *args)

    def ping(self) -> str:
        """The server's version within `timeouts.ping` seconds, or `StoreUnavailableError`:
        /health must answer at once, and a server that is down or frozen is said to be so,
        not waited for.

        No Cypher runs (a just-started server may take seconds to plan its first query):
        the driver's server-info call opens or resets a connection, which a server answers
        only if it is up and accepts the credentials.
        """
        future = self._pinger.submit(self._driver.get_server_info)
        try:
            with translated(self._where):
                info = future.result(timeout=self.timeouts.ping)
        except FutureTimeout:
            raise StoreUnavailableError(
                f"{self._where} did not answer within {self.timeouts.ping:g} s "
                "(NEO4J_PING_TIMEOUT): it is frozen, overloaded or cut off"
            ) from None
        return info.agent.rpartition("/")[2]

    def close(self) -> None:
        self._pinger.shutdown(wait=False, cancel_futures=True)
        self._driver.close()

    def clear(self) -> None:
        """Delete every node and relationship (schema kept): relationships first, then
        nodes, CLEAR_BATCH per transaction, so no transaction grows with a hub's degree."""
        for batch in (_clear_relationships, _clear_nodes):
            while self.write(batch) > 0:
                pass

    # -- writes --------------------------------------------------------------------------

    def _write(self, extractions: list[Extraction]) -> UpsertSummary:
        total = UpsertSummary()
        for start in range(0, len(extractions), BATCH):
            batch = extractions[start : start + BATCH]
            ids = [x.article.id for x in batch]
            try:
                summaries = self._locked_write(judged.upsert_batch_judged, upsert_batch_tx, batch)
            except StoreUnavailableError as exc:
                # say what is stored and what is not: a batch (the CLI's ingest, say) can
                # tell its user which articles landed before the outage.
                # A lost connection may have cut the commit itself, and the driver's retry
                # then fails to reconnect: only a refusal before any write is certain.
                uncertain = isinstance(
                    exc.__cause__, IncompleteCommit | ServiceUnavailable | SessionExpired
                )
                raise StoreUnavailableError(
                    f"{exc.detail}; {self.landed.report(ids, uncertain)}"
                ) from exc
            for aid in ids:
                self.landed.add(aid)
            for summary in summaries:
                total = total + summary
        return total

    def retract(self, article_id: str) -> RetractSummary:
        return self._locked_write(judged.retract_recorded, retract_tx, article_id)

    # -- judgements (graph/store/judgements.py) ------------------------------------------

    def _record_judgement(self, request: JudgementIn, found: dict[str, EntitySummary]) -> Judgement:
        return self._locked_write(judged.record_tx, request, found)

    def _undo_judgement(self, judgement_id: int) -> Judgement:
        return self._locked_write(judged.undo_tx, judgement_id)

    def _judgements(self) -> list[Judgement]:
        return judged.judgements_from(self.read(judged.LOAD))

    def _stored_extractions(self, article_ids: list[str]) -> dict[str, Extraction]:
        if not article_ids:
            return {}
        return judged.stored_from(self.read(judged.STORED, ids=article_ids))

    def _locked_write(self, work: Callable[..., T], *args: Any) -> T:
        """`write`, run again when a node it locked was deleted by the writer it waited
        for (graph/store/neo4j/working.py `LockLostError`): the next run sees that commit."""
        for _ in range(LOCK_LOST_RETRIES):
            try:
                return self.write(work, *args)
            except LockLostError:
                continue
        return self.write(work, *args)

    def generation(self) -> str:
        """A token that changes with every transaction committed to the database, by any
        writer (graph/store/analytics.py caches on it): the bookmark a read transaction
        gets, which names the last committed transaction."""
        with (
            translated(self._where),
            self._driver.session(database=self.database, default_access_mode="READ") as s,
        ):
            s.run("RETURN 1").consume()
            return "|".join(sorted(s.last_bookmarks().raw_values))

    # -- entities ------------------------------------------------------------------------

    def _records(self, ids: list[str]) -> list[EntityRecord]:
        rows = self.read(cy.ENTITY_RECORDS, ids=ids)
        recs = [entity_record(r["props"], r["sources"], r["counts"]) for r in rows]
        return sorted(recs, key=lambda r: r.entity.id)

    def get_entity(self, entity_id: str) -> EntityRecord | None:
        return next(iter(self._records([entity_id])), None)

    def _find_entity_id(self, norm: str, entity_type: str | None) -> str | None:
        for query in (cy.FIND_BY_NAME, cy.FIND_BY_ALIAS):
            rows = self.read(query, norm=norm, type=entity_type)
            if rows and rows[0]["id"] is not None:
                return str(rows[0]["id"])
        return None

    def aliases_of(self, entity_id: str) -> list[Alias]:
        rows = self.read(cy.ALIASES_OF, id=entity_id)
        aliases = [Alias(name=r["name"], kind=r["kind"], lang=r["lang"]) for r in rows]
        return sorted(aliases, key=lambda a: (a.name, a.kind))

    def _name_candidates(
        self, q_norm: str, entity_type: str | None, within: frozenset[str] | None, want: int
    ) -> Iterable[Candidate]:
        return neo4j_search.candidates(self.read, q_norm, entity_type, within, want)

    # -- facts and traversal -------------------------------------------------------------

    def _existing(self, ids: tuple[str, ...]) -> set[str]:
        return trav.existing(self.read, ids)

    def _summaries(self, ids: tuple[str, ...]) -> dict[str, EntitySummary]:
        return trav.summaries(self.read, set(ids))

    def _presence(self, jurisdiction: str) -> Presence:
        return trav.presence(self.read, jurisdiction)

    def _neighbours(
        self, start: str, depth: int, types: tuple[str, ...], direction: Direction
    ) -> Subgraph:
        return trav.neighbours(self.read, start, depth, types, direction)

    def _neighbour_edges(
        self, start: str, depth: int, types: tuple[str, ...], direction: Direction
    ) -> list[EdgeStub]:
        return trav.edge_stubs(self.read, start, depth, types, direction)

    def _capped_edges(
        self,
        start: str,
        depth: int,
        types: tuple[str, ...],
        direction: Direction,
        limits: HubLimits,
        review: ReviewScope,
    ) -> Capped:
        # the server ranks each expanded node's groups and sends their first k
        reader = CypherGroups(self.read, types, direction, Shown.of(review, self.review_below))
        return cap_bounded(reader, start, depth, direction, limits)

    def _edge_facts(self, edges: list[EdgeStub]) -> list[Fact]:
        return trav.facts_of_edges(self.read, edges)

    def _relations_page(
        self,
        entity_id: str,
        types: tuple[str, ...],
        direction: Direction,
        review: ReviewScope,
        limit: int,
        offset: int,
    ) -> tuple[int, list[Fact]]:
        # counted and paged on the server: a hub's stubs are never sent
        rule = Shown.of(review, self.review_below)
        return trav.shown_page(self.read, entity_id, types, direction, rule, limit, offset)

    def _shortest_paths(self, a: str, b: str, max_length: int, scan: int) -> list[Subgraph]:
        return trav.shortest_paths(self.read, a, b, max_length, scan)

    def _located_in_facts(self, ids: list[str]) -> dict[str, list[Fact]]:
        return trav.facts_out_of(self.read, ids, (REL.located_in,))

    def _actions(self, query: ActionFilter) -> list[Fact]:
        anchor = "actor" if query.actor is not None else None
        if anchor is None and query.target is not None:
            anchor = "target"
        rows = self.read(
            cy.actions_query(anchor),
            types=list(query.types),
            actor=query.actor,
            target=query.target,
            target_type=query.target_type,
            actors=None if query.actors is None else sorted(query.actors),
            targets=None if query.targets is None else sorted(query.targets),
            since=query.since,
            until=query.until,
            day=query.in_force_on,
            status=query.status,
            below=None if query.shown is None else query.shown.below,
            accepted=ACCEPTED,
            offset=query.offset,
            limit=query.limit,
        )
        return [fact_from(r) for r in rows]

    # -- changes (graph/store/neo4j/changes.py) ------------------------------------------

    def _change_head(self) -> int:
        return int(self.read(log.HEAD)[0]["head"])

    def _changes(self, query: ChangeFilter) -> list[Change]:
        cypher = log.PAGE_DESC if query.newest_first else log.PAGE_ASC
        return [log.change_of(r) for r in self.read(cypher, **log.page_params(query))]

    # -- review (graph/store/neo4j/review.py) ---------------------------------------------

    def _review_facts(self, below: float) -> list[Fact]:
        return rv.review_facts(self.read, below)

    def _decisions(self, event_ids: list[str] | None) -> dict[str, ReviewDecision]:
        return rv.decisions(self.read, event_ids)

    def _fact_by_event(self, event_id: str) -> Fact | None:
        return rv.fact_by_event(self.read, event_id)

    def _store_decision(
        self, event_id: str, record: ReviewDecision | None, change: ChangeBody
    ) -> None:
        self.write(rv.store_decision_tx, event_id, record, change)

    # -- articles ------------------------------------------------------------------------

    def _articles(self, limit: int, offset: int) -> list[Article]:
        rows = self.read(cy.ARTICLES_PAGE, offset=offset, limit=limit)
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
            facts=in_fact_order(facts),
        )

    def stats(self) -> Stats:
        """Counted once per database version (a scan of every node and relationship type:
        the costliest small read at 10k articles); a write by any writer makes the next
        ask count again. The answer is shared, never mutated."""
        return self._stats.get("stats", self._count)

    def _count(self) -> Stats:
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
            after = ("", "", "")
            while True:
                rows = self.read(
                    cy.facts_page(rel_type),
                    after_s=after[0],
                    after_t=after[1],
                    after_e=after[2],
                    page=PAGE,
                )
                if not rows:
                    break
                yield from in_fact_order(fact_from(r) for r in rows)
                last = rows[-1]
                after = (last["source"]["id"], last["target"]["id"], last["event_id"] or "")

    def iter_articles(self) -> Iterator[Article]:
        after = ""
        while True:
            rows = self.read(cy.ARTICLES_BY_ID, after=after, page=PAGE)
            if not rows:
                return
            yield from (article_from(r["a"]) for r in rows)
            after = rows[-1]["a"]["id"]


CLEAR_BATCH = 5_000  # relationships or nodes deleted per transaction


def _clear_relationships(tx: ManagedTransaction) -> int:
    record = tx.run(wq.CLEAR_RELATIONSHIPS, batch=CLEAR_BATCH).single()
    return int(record["deleted"]) if record else 0


def _clear_nodes(tx: ManagedTransaction) -> int:
    record = tx.run(wq.CLEAR_NODES, batch=CLEAR_BATCH).single()
    return int(record["deleted"]) if record else 0
