"""The default backend: SQLite for durability, a networkx view for traversal.

`EmbeddedStore(data_dir)` keeps everything in `data_dir/cryptoreg.sqlite3` (WAL,
synchronous=FULL: see graph/store/embedded/db.py). Each article is written in one
transaction (`upsert_many` groups up to BATCH articles per transaction, after
graph/store/base.py has checked them all). Identity resolution (graph/identity.py) runs
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
  facts by `record_order`, articles by id.
* traversals: graph/store/embedded/view.py.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

from graph.models import Alias, Article, Extraction
from graph.store.base import BaseStore
from graph.store.embedded import read as rd
from graph.store.embedded.actions import action_facts
from graph.store.embedded.db import connect, generation, read_tx, write_tx
from graph.store.embedded.lookup import SqlLookup
from graph.store.embedded.view import GraphView
from graph.store.embedded.write import clear_all, retract_article, upsert_article
from graph.store.filters import ActionFilter, Presence
from graph.store.protocol import (
    ArticleFacts,
    Direction,
    EntityRecord,
    Fact,
    RetractSummary,
    Stats,
    Subgraph,
    UpsertSummary,
)
from graph.store.search_rank import Candidate

BATCH = 200


class EmbeddedStore(BaseStore):
    """GraphStore over SQLite + networkx; safe to share between threads of one process."""

    kind = "embedded"

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = Path(data_dir)
        self._conn: sqlite3.Connection = connect(self.data_dir)
        self._lock = threading.RLock()
        self._view: GraphView | None = None

    # -- plumbing ------------------------------------------------------------------------

    def ping(self) -> str:
        with self._lock:
            self._conn.execute("SELECT 1").fetchone()
        return f"SQLite {sqlite3.sqlite_version}"

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def clear(self) -> None:
        """Delete everything (tests use it to start empty)."""
        with self._lock, write_tx(self._conn):
            clear_all(self._conn)

    @contextmanager
    def _snapshot(self) -> Iterator[None]:
        """This thread's read transaction (re-entrant: nested reads join it)."""
        with self._lock, read_tx(self._conn):
            yield

    def view(self) -> GraphView:
        """The networkx view, rebuilt if any connection committed since it was built.
        Call inside a read transaction so view and tables agree."""
        gen = generation(self._conn)
        if self._view is None or self._view.generation != gen:
            self._view = GraphView(self._conn, gen)
        return self._view

    def lookup(self) -> SqlLookup:
        """The identity lookup over this store (for diagnostics and tests)."""
        return SqlLookup(self._conn)

    # -- writes --------------------------------------------------------------------------

    def _write(self, extractions: list[Extraction]) -> UpsertSummary:
        total = UpsertSummary()
        for start in range(0, len(extractions), BATCH):
            with self._lock, write_tx(self._conn):
                for x in extractions[start : start + BATCH]:
                    total = total + upsert_article(self._conn, x)
        return total

    def retract(self, article_id: str) -> RetractSummary:
        with self._lock, write_tx(self._conn):
            return retract_article(self._conn, article_id)

    # -- entities ------------------------------------------------------------------------

    def get_entity(self, entity_id: str) -> EntityRecord | None:
        with self._snapshot():
            return next(rd.entity_records(self._conn, [entity_id]), None)

    def _find_entity_id(self, norm: str, entity_type: str | None) -> str | None:
        with self._snapshot():
            return rd.find_entity_id(self._conn, norm, entity_type)

    def aliases_of(self, entity_id: str) -> list[Alias]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT name, kind, lang FROM aliases WHERE entity_id = ? ORDER BY name, kind",
                (entity_id,),
            )
            return [Alias(name=n, kind=k, lang=lang) for n, k, lang in rows]

    def _name_candidates(
        self, q_norm: str, entity_type: str | None, within: frozenset[str] | None
    ) -> Iterable[Candidate]:
        # Every name and alias: the view keeps them in memory, so no index is needed.
        with self._snapshot():
            return [
                c
                for c in self.view().name_candidates(self._conn)
                if (entity_type is None or c[0].type == entity_type)
                and (within is None or c[0].id in within)
            ]

    # -- facts and traversal -------------------------------------------------------------

    def _existing(self, ids: tuple[str, ...]) -> set[str]:
        with self._snapshot():
            graph = self.view().graph
            return {eid for eid in ids if eid in graph}

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
                edges=rd.facts_by_ids(self._conn, facts),
            )

    def _shortest_paths(self, a: str, b: str, max_length: int) -> list[Subgraph]:
        with self._snapshot():
            view = self.view()
            return [
                Subgraph(
                    nodes=[view.summary(n) for n in nodes],
                    edges=rd.facts_by_ids(self._conn, facts),
                )
                for nodes, facts in view.shortest_paths(a, b, max_length)
            ]

    def _actions(self, query: ActionFilter) -> list[Fact]:
        with self._snapshot():
            return action_facts(self._conn, query)

    # -- articles ------------------------------------------------------------------------

    def _articles(self, limit: int, offset: int) -> list[Article]:
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {rd.ARTICLE_COLS} FROM articles"
                " ORDER BY published IS NULL, published DESC, id LIMIT ? OFFSET ?",
                (limit, offset),
            ).fetchall()
        return [rd.article_from_row(r) for r in rows]

    def get_article(self, article_id: str) -> ArticleFacts | None:
        with self._snapshot():
            return rd.article_facts(self._conn, article_id)

    def stats(self) -> Stats:
        with self._snapshot():
            return rd.stats(self._conn)

    def iter_entities(self) -> Iterator[EntityRecord]:
        with self._snapshot():
            records = list(rd.entity_records(self._conn))
        yield from records

    def iter_facts(self) -> Iterator[Fact]:
        with self._snapshot():
            ids = [r[0] for r in self._conn.execute("SELECT id FROM facts")]
            facts = rd.facts_by_ids(self._conn, ids)
        yield from facts

    def iter_articles(self) -> Iterator[Article]:
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {rd.ARTICLE_COLS} FROM articles ORDER BY id"
            ).fetchall()
        yield from (rd.article_from_row(r) for r in rows)
