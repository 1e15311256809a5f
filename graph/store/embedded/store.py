"""The default backend: SQLite for durability, a networkx view for traversal.

`EmbeddedStore(data_dir)` keeps everything in `data_dir/cryptoreg.sqlite3` (WAL,
synchronous=FULL: see graph/store/embedded/db.py). Each article is written in one
transaction (`upsert_many` groups up to BATCH articles per transaction, after
graph/store/base.py has checked them all, and writes their new articles set-based:
graph/store/embedded/batch_write.py). Identity resolution (graph/identity.py) runs
inside the write transaction. Argument checks and limits are graph/store/base.py's; this
module implements only the primitives, each public read in one read transaction
(`_snapshot`), so the networkx view and the tables agree.

Read semantics every backend shares (tests/test_store_conformance.py), besides those of
graph/store/base.py:

* `find_entity`: normalised (graph.ids.normalize_name) equality with a canonical name,
  else with any alias; the lowest id within each.
* one `Fact` per event (graph/store/events.py): the events of one relation are separate
  records, ordered among themselves by event id wherever facts are sorted by
  (type, source id, target id) (graph/store/embedded/read.py `record_order`).
* `actions` (graph/store/embedded/actions.py): `since`/`until` (inclusive) apply to the
  effective date (graph/store/provenance.py: the first day of the event's `date`, else
  `first_seen`); `in_force_on` and `status` to the event's bounds and current status.
* `articles`: published newest first, undated last, then id. Iterators: entities by id,
  facts by `record_order`, articles by id; they page through one read transaction, so an
  export of any size is one consistent generation in flat memory.
* traversals: graph/store/embedded/view.py.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from graph.models import Alias, Article, Extraction
from graph.ontology import REL, get_ontology
from graph.store.base import BaseStore
from graph.store.change_diff import retract_scope
from graph.store.changes import Change, ChangeBody, ChangeFilter
from graph.store.embedded import changes as log
from graph.store.embedded import judgements as judged
from graph.store.embedded import read as rd
from graph.store.embedded import review as rv
from graph.store.embedded.actions import action_facts
from graph.store.embedded.batch_write import write_batch
from graph.store.embedded.db import (
    CHECKPOINT_EVERY_S,
    WAL_LIMIT_BYTES,
    ReaderPool,
    checkpoint,
    connect,
    generation,
    read_tx,
    truncate_wal,
    wal_bytes,
    wal_restarts,
    write_tx,
)
from graph.store.embedded.fact_cache import FactCache
from graph.store.embedded.hub_cut import SqlGroups
from graph.store.embedded.lookup import SqlLookup
from graph.store.embedded.view import GenerationCache, GraphView, NameList
from graph.store.embedded.write import clear_all, retract_article
from graph.store.filters import ActionFilter, Presence
from graph.store.hub_cut import cap_bounded
from graph.store.hubs import Capped, EdgeStub, HubLimits
from graph.store.judgements import Judgement, JudgementIn
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
from graph.store.review import ReviewDecision, ReviewScope, Shown
from graph.store.search_rank import Candidate

BATCH = 200
# Rows per page of the iterators: they stream a graph of any size in flat memory.
ITER_PAGE = 1000


class EmbeddedStore(BaseStore):
    """GraphStore over SQLite + networkx; safe to share between threads of one process.

    Writes go through one connection under `_lock`. Each public read runs in one read
    transaction (`_snapshot`) on a connection of its own from a `ReaderPool`, so readers
    run in parallel with each other and with a writer, and a read sees one committed
    generation: never half an article. The networkx view of a generation is built once,
    by the first reader that needs it, beside the views readers of older generations
    still use; RECENT_VIEWS of them are kept.
    """

    kind = "embedded"
    RECENT_VIEWS = 2

    def __init__(self, data_dir: Path, *, review_below: float = 0.0) -> None:
        self.data_dir = Path(data_dir)
        self.review_below = review_below
        self._conn: sqlite3.Connection = connect(self.data_dir)
        self._lock = threading.RLock()  # the one writer
        self._readers = ReaderPool(self.data_dir)
        self._local = threading.local()  # this thread's snapshot: connection and view
        self._views = GenerationCache(GraphView, keep=self.RECENT_VIEWS)
        self._names = GenerationCache(NameList, keep=self.RECENT_VIEWS)
        self._records = FactCache()  # built fact records of the newest generation
        self._stats: GenerationCache[Stats] = GenerationCache(lambda conn, _: rd.stats(conn))
        self._last_checkpoint = time.monotonic()
        self._wal_restarts: int | None = None  # graph/store/embedded/db.py `wal_restarts`

    # -- plumbing ------------------------------------------------------------------------

    def ping(self) -> str:
        with self._snapshot():
            self._rconn.execute("SELECT 1").fetchone()
        return f"SQLite {sqlite3.sqlite_version}"

    def close(self) -> None:
        """Close every connection; the WAL is checkpointed and emptied (TRUNCATE) first
        when no reader of another process is still in it."""
        self._readers.close()
        with self._lock:
            try:
                truncate_wal(self._conn)
            except sqlite3.Error:
                pass  # already closed, or a reader is in the WAL: it stays for them
            self._conn.close()
        self._views.clear()
        self._names.clear()
        self._records.clear()
        self._stats.clear()

    def clear(self) -> None:
        """Delete everything (tests use it to start empty)."""
        with self._lock, write_tx(self._conn):
            clear_all(self._conn)

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        """This thread's read transaction on a pooled connection (re-entrant: nested reads
        join it)."""
        local = self._local
        if getattr(local, "conn", None) is not None:
            yield
            return
        conn = self._readers.acquire()
        local.conn, local.generation = conn, None
        try:
            with read_tx(conn):
                yield
        finally:
            local.conn = local.generation = None
            self._readers.release(conn)

    @property
    def _rconn(self) -> sqlite3.Connection:
        """The connection of this thread's open snapshot."""
        conn: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if conn is None:
            raise RuntimeError("an embedded read outside _snapshot()")
        return conn

    def _generation(self) -> int:
        """The generation this thread's snapshot reads (asked once per snapshot: the
        first SELECT also fixes the snapshot)."""
        local = self._local
        if local.generation is None:
            local.generation = generation(self._rconn)
        gen: int = local.generation
        return gen

    def generation(self) -> int:
        """The number of write transactions committed to the file, by any process: the
        version graph/store/analytics.py caches on. Read on a pooled reader connection
        (a fresh read transaction sees every commit), not a connection opened per call:
        opening one costs a schema parse, and under many readers its p99 dominated the
        cached analytics routes."""
        with self._snapshot():
            return self._generation()

    def view(self) -> GraphView:
        """The networkx view of the generation this thread's snapshot reads, so view and
        tables agree."""
        with self._snapshot():
            return self._views.get(self._rconn, self._generation())

    def names(self) -> NameList:
        """Every name and alias of the generation this thread's snapshot reads."""
        with self._snapshot():
            return self._names.get(self._rconn, self._generation())

    def _facts(self, fact_ids: Iterable[int]) -> dict[int, Fact]:
        """Fact records by row id at this thread's snapshot, built once per generation
        (graph/store/embedded/fact_cache.py)."""
        with self._snapshot():
            return self._records.facts(self._rconn, self._generation(), fact_ids)

    def _sorted_facts(self, fact_ids: Iterable[int]) -> list[Fact]:
        """`_facts` in record order (read.py `record_order`)."""
        return sorted(self._facts(fact_ids).values(), key=rd.record_order)

    def lookup(self) -> SqlLookup:
        """The identity lookup over this store (for diagnostics and tests)."""
        return SqlLookup(self._conn)

    # -- writes --------------------------------------------------------------------------

    def _write(self, extractions: list[Extraction]) -> UpsertSummary:
        total = UpsertSummary()
        for start in range(0, len(extractions), BATCH):
            with self._lock, write_tx(self._conn):
                total += write_batch(self._conn, extractions[start : start + BATCH])
            self._after_write()  # after each transaction: `wal_restarts` tells of one write
        return total

    def retract(self, article_id: str) -> RetractSummary:
        with self._lock, write_tx(self._conn):
            summary = log.record(
                self._conn,
                retract_scope(article_id),
                lambda: retract_article(self._conn, article_id),
            )
            judged.drop(self._conn, article_id)
        self._after_write()
        return summary

    # -- judgements (graph/store/judgements.py) ------------------------------------------

    def _record_judgement(self, request: JudgementIn, found: dict[str, EntitySummary]) -> Judgement:
        with self._lock, write_tx(self._conn):
            j = judged.record(self._conn, request, found)
        self._after_write()
        return j

    def _undo_judgement(self, judgement_id: int) -> Judgement:
        with self._lock, write_tx(self._conn):
            j = judged.undo(self._conn, judgement_id)
        self._after_write()
        return j

    def _judgements(self) -> list[Judgement]:
        with self._snapshot():
            return judged.load(self._rconn)

    def _stored_extractions(self, article_ids: list[str]) -> dict[str, Extraction]:
        with self._snapshot():
            return judged.stored(self._rconn, article_ids)

    def _after_write(self) -> None:
        """Keep the WAL bounded (graph/store/embedded/db.py): TRUNCATE once it passed
        WAL_LIMIT_BYTES without starting over in this write, else PASSIVE at most every
        CHECKPOINT_EVERY_S."""
        now = time.monotonic()
        with self._lock:
            restarts, self._wal_restarts = self._wal_restarts, wal_restarts(self.data_dir)
            started_over = restarts != self._wal_restarts
            if wal_bytes(self.data_dir) > WAL_LIMIT_BYTES and not started_over:
                truncate_wal(self._conn)
                self._wal_restarts = wal_restarts(self.data_dir)
            elif now - self._last_checkpoint >= CHECKPOINT_EVERY_S:
                checkpoint(self._conn, "PASSIVE")
            else:
                return
            self._last_checkpoint = now

    # -- entities ------------------------------------------------------------------------

    def get_entity(self, entity_id: str) -> EntityRecord | None:
        with self._snapshot():
            return next(rd.entity_records(self._rconn, [entity_id]), None)

    def _find_entity_id(self, norm: str, entity_type: str | None) -> str | None:
        with self._snapshot():
            return rd.find_entity_id(self._rconn, norm, entity_type)

    def aliases_of(self, entity_id: str) -> list[Alias]:
        with self._snapshot():
            rows = self._rconn.execute(
                "SELECT name, kind, lang FROM aliases WHERE entity_id = ? ORDER BY name, kind",
                (entity_id,),
            )
            return [Alias(name=n, kind=k, lang=lang) for n, k, lang in rows]

    def _name_candidates(
        self, q_norm: str, entity_type: str | None, within: frozenset[str] | None, want: int
    ) -> Iterable[Candidate]:
        # Names and aliases kept in memory per generation, looked up by word prefixes.
        with self._snapshot():
            return [
                c
                for c in self.names().matching(q_norm)
                if (entity_type is None or c[0].type == entity_type)
                and (within is None or c[0].id in within)
            ]

    # -- facts and traversal -------------------------------------------------------------

    def _existing(self, ids: tuple[str, ...]) -> set[str]:
        # SQL, not the view: a check before a read must not build a view (during an ingest
        # every commit is a new generation).
        with self._snapshot():
            return rd.existing_ids(self._rconn, ids)

    def _summaries(self, ids: tuple[str, ...]) -> dict[str, EntitySummary]:
        with self._snapshot():
            return rd.summaries(self._rconn, ids)

    def _presence(self, jurisdiction: str) -> Presence:
        with self._snapshot():
            return self.view().presence(jurisdiction)

    def _neighbours(
        self, start: str, depth: int, types: tuple[str, ...], direction: Direction
    ) -> Subgraph:
        with self._snapshot():
            view = self.view()
            nodes, facts = view.neighbours(start, depth, types, direction)
            return Subgraph(
                nodes=[view.summary(n) for n in sorted(nodes)],
                edges=self._sorted_facts(facts),
            )

    def _neighbour_edges(
        self, start: str, depth: int, types: tuple[str, ...], direction: Direction
    ) -> list[EdgeStub]:
        with self._snapshot():
            _, facts = self.view().neighbours(start, depth, types, direction)
            return rd.edge_stubs(self._rconn, facts)

    def _capped_edges(
        self,
        start: str,
        depth: int,
        types: tuple[str, ...],
        direction: Direction,
        limits: HubLimits,
        review: ReviewScope,
    ) -> Capped:
        # SQL over the rank indexes: what the cut keeps, never the whole neighbourhood
        with self._snapshot():
            rule = Shown.of(review, self.review_below)
            reader = SqlGroups(self._rconn, types, direction, rule)
            return cap_bounded(reader, start, depth, direction, limits)

    def _edge_facts(self, edges: list[EdgeStub]) -> list[Fact]:
        rows = [e.handle for e in edges if isinstance(e.handle, int)]  # rd.edge_stubs' row ids
        built = self._facts(rows)
        return [built[row] for row in rows]

    def _shortest_paths(self, a: str, b: str, max_length: int, scan: int) -> list[Subgraph]:
        with self._snapshot():
            view = self.view()
            paths = view.shortest_paths(a, b, max_length, scan)
            # one read of every fact on any path: shortest paths share most of their facts
            records = self._facts({f for _, facts in paths for f in facts})
            return [
                Subgraph(
                    nodes=[view.summary(n) for n in nodes],
                    edges=sorted((records[f] for f in facts), key=rd.record_order),
                )
                for nodes, facts in paths
            ]

    def _located_in_facts(self, ids: list[str]) -> dict[str, list[Fact]]:
        with self._snapshot():
            view = self.view()
            per = {i: view.neighbours(i, 1, (REL.located_in,), "out")[1] for i in ids}
            records = self._facts({f for fs in per.values() for f in fs})
            return {
                i: sorted((records[f] for f in fs), key=rd.record_order) for i, fs in per.items()
            }

    def _actions(self, query: ActionFilter) -> list[Fact]:
        with self._snapshot():
            return action_facts(self._rconn, query, self._facts)

    # -- changes -------------------------------------------------------------------------

    def _change_head(self) -> int:
        with self._snapshot():
            return log.head(self._rconn)

    def _changes(self, query: ChangeFilter) -> list[Change]:
        with self._snapshot():
            return log.page(self._rconn, query)

    # -- review (graph/store/embedded/review.py) ------------------------------------------

    def _review_facts(self, below: float) -> list[Fact]:
        with self._snapshot():
            return rv.review_facts(self._rconn, below)

    def _decisions(self, event_ids: list[str] | None) -> dict[str, ReviewDecision]:
        with self._snapshot():
            return rv.decisions(self._rconn, event_ids)

    def _fact_by_event(self, event_id: str) -> Fact | None:
        with self._snapshot():
            return rv.fact_by_event(self._rconn, event_id)

    def _store_decision(
        self, event_id: str, record: ReviewDecision | None, change: ChangeBody
    ) -> None:
        with self._lock, write_tx(self._conn):
            rv.store_decision(self._conn, event_id, record, change)

    # -- articles ------------------------------------------------------------------------

    def _articles(self, limit: int, offset: int) -> list[Article]:
        with self._snapshot():
            rows = self._rconn.execute(rd.ARTICLES_PAGE, (limit, offset)).fetchall()
        return [rd.article_from_row(r) for r in rows]

    def get_article(self, article_id: str) -> ArticleFacts | None:
        with self._snapshot():
            return rd.article_facts(self._rconn, article_id)

    def stats(self) -> Stats:
        """Counted once per generation (a whole-table GROUP BY each: ~3 ms at 10k
        articles); the answer is shared, never mutated."""
        with self._snapshot():
            return self._stats.get(self._rconn, self._generation())

    @contextmanager
    def _held_snapshot(self) -> Iterator[sqlite3.Connection]:
        """A read transaction that an iterator may hold across its yields.

        A generator can be resumed by another thread than the one that started it (a
        streamed HTTP response runs each step in the server's thread pool), so it cannot
        use this thread's `_snapshot`: it takes a pooled connection of its own and keeps
        its read transaction until it is exhausted or closed. It joins this thread's
        snapshot when one is open (the caller's reads then agree with it)."""
        joined: sqlite3.Connection | None = getattr(self._local, "conn", None)
        if joined is not None:
            yield joined
            return
        conn = self._readers.acquire()
        try:
            with read_tx(conn):
                yield conn
        finally:
            self._readers.release(conn)

    def iter_entities(self) -> Iterator[EntityRecord]:
        with self._held_snapshot() as conn:
            after = ""
            while ids := rd.entity_ids_after(conn, after, ITER_PAGE):
                yield from rd.entity_records(conn, ids)
                after = ids[-1]

    def iter_facts(self) -> Iterator[Fact]:
        with self._held_snapshot() as conn:
            for rel_type in sorted(get_ontology().relations):
                after = ("", "", "")
                while rows := rd.fact_keys_after(conn, rel_type, after, ITER_PAGE):
                    yield from rd.facts_by_ids(conn, [r[0] for r in rows])
                    after = rows[-1][1:]

    def iter_articles(self) -> Iterator[Article]:
        with self._held_snapshot() as conn:
            after = ""
            while rows := rd.articles_after(conn, after, max(1, ITER_PAGE // 4)):
                yield from (rd.article_from_row(r) for r in rows)
                after = rows[-1][0]
