"""The default backend: SQLite for durability, a networkx view for traversal.

`EmbeddedStore(data_dir)` keeps everything in `data_dir/cryptoreg.sqlite3` (WAL,
synchronous=FULL: see graph/embedded_db.py). Each article is written in one
transaction (`upsert_many` groups up to BATCH articles per transaction after checking
them all first: one bad article refuses the whole batch before anything is written).
Identity resolution (graph/identity.py) runs inside the write transaction.

Read semantics every backend shares (tests/test_store_conformance.py):

* `find_entity`: normalised (graph.ids.normalize_name) equality with a canonical name,
  else with any alias; the lowest id wins within each.
* `search`: graph/search_rank.py over every name and alias; `jurisdiction` keeps
  entities present in it (graph/embedded_view.py `present_in(places_within(j))`).
* `actions`: action-kind facts. `actor`, `target`: entity ids; `target_type`: the target's
  type; `jurisdiction` (an id) J matches when, with P = J plus the places 1-3 PART_OF hops
  inside J: the actor is in P, or the actor is LOCATED_IN a place in P, or the target is
  in P, or the target is LOCATED_IN / HEADQUARTERED_IN / OPERATES_IN a place in P.
  `since`/`until` (inclusive) apply to the effective date (graph/provenance.py: the fact's
  `date`, else `first_seen`); undated facts never pass a date bound. Order: effective
  date newest first, undated last, then (type, source id, target id).
* `articles`: published newest first, undated last, then id. Iterators: entities by id,
  facts by (type, source id, target id), articles by id.
* `relations_of`, `neighbours`, `shortest_paths` raise NotFoundError for an unknown id;
  depth must be 1-3 and max_length 1-6 (InvalidInputError otherwise).
"""

from __future__ import annotations

import datetime as dt
import importlib
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from graph.errors import InvalidInputError, NotFoundError
from graph.models import Alias, Article, Extraction
from graph.ontology import REL, get_ontology
from graph.store.embedded import read as rd
from graph.store.embedded.db import connect, generation, read_tx, write_tx
from graph.store.embedded.view import GraphView
from graph.store.embedded.write import SqlLookup, clear_all, retract_article, upsert_article
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
from graph.store.search_rank import rank_hits
from graph.store.validation import checked

BATCH = 200
MAX_DEPTH = 3
MAX_PATH = 6


class EmbeddedStore:
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

    def upsert(self, extraction: Extraction) -> UpsertSummary:
        good = checked(extraction)
        with self._lock, write_tx(self._conn):
            return upsert_article(self._conn, good)

    def upsert_many(self, extractions: Iterable[Extraction]) -> UpsertSummary:
        good = [checked(x) for x in extractions]
        total = UpsertSummary()
        for start in range(0, len(good), BATCH):
            with self._lock, write_tx(self._conn):
                for x in good[start : start + BATCH]:
                    total = total + upsert_article(self._conn, x)
        return total

    def retract(self, article_id: str) -> RetractSummary:
        with self._lock, write_tx(self._conn):
            return retract_article(self._conn, article_id)

    # -- entities ------------------------------------------------------------------------

    def get_entity(self, entity_id: str) -> EntityRecord | None:
        with self._lock, read_tx(self._conn):
            return next(rd.entity_records(self._conn, [entity_id]), None)

    def find_entity(self, name: str, entity_type: str | None = None) -> EntityRecord | None:
        with self._lock, read_tx(self._conn):
            eid = rd.find_entity_id(self._conn, name, entity_type)
            return self.get_entity(eid) if eid else None

    def aliases_of(self, entity_id: str) -> list[Alias]:
        with self._lock:
            rows = self._conn.execute(
                "SELECT name, kind, lang FROM aliases WHERE entity_id = ? ORDER BY name, kind",
                (entity_id,),
            )
            return [Alias(name=n, kind=k, lang=lang) for n, k, lang in rows]

    def search(
        self,
        q: str,
        entity_type: str | None = None,
        jurisdiction: str | None = None,
        limit: int = 20,
        offset: int = 0,
    ) -> list[SearchHit]:
        with self._lock, read_tx(self._conn):
            view = self.view()
            cands: Iterable[Any] = view.name_candidates(self._conn)
            if entity_type:
                cands = [c for c in cands if c[0].type == entity_type]
            if jurisdiction:
                inside = view.present_in(view.places_within(jurisdiction))
                cands = [c for c in cands if c[0].id in inside]
            return rank_hits(q, cands, limit, offset)

    # -- facts and traversal -------------------------------------------------------------

    def _require(self, view: GraphView, *ids: str) -> None:
        for eid in ids:
            if eid not in view.graph:
                raise NotFoundError(f"no entity {eid!r}")

    def relations_of(
        self, entity_id: str, rel_types: list[str] | None = None, direction: Direction = "both"
    ) -> list[Fact]:
        with self._lock, read_tx(self._conn):
            view = self.view()
            self._require(view, entity_id)
            _, facts = view.neighbours(entity_id, 1, rel_types, direction)
            return rd.facts_by_ids(self._conn, facts)

    def neighbours(
        self,
        entity_id: str,
        depth: int = 1,
        rel_types: list[str] | None = None,
        direction: Direction = "both",
    ) -> Subgraph:
        if not 1 <= depth <= MAX_DEPTH:
            raise InvalidInputError(f"depth must be 1-{MAX_DEPTH}, not {depth}")
        with self._lock, read_tx(self._conn):
            view = self.view()
            self._require(view, entity_id)
            nodes, facts = view.neighbours(entity_id, depth, rel_types, direction)
            return Subgraph(
                nodes=[view.summary(n) for n in sorted(nodes)],
                edges=rd.facts_by_ids(self._conn, facts),
            )

    def shortest_paths(self, from_id: str, to_id: str, max_length: int = 4) -> list[Subgraph]:
        if not 1 <= max_length <= MAX_PATH:
            raise InvalidInputError(f"max_length must be 1-{MAX_PATH}, not {max_length}")
        with self._lock, read_tx(self._conn):
            view = self.view()
            self._require(view, from_id, to_id)
            return [
                Subgraph(
                    nodes=[view.summary(n) for n in nodes],
                    edges=rd.facts_by_ids(self._conn, facts),
                )
                for nodes, facts in view.shortest_paths(from_id, to_id, max_length)
            ]

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
        if action_type is not None:
            if action_type not in types:
                raise InvalidInputError(f"{action_type!r} is not an action type: {list(types)}")
            types = (action_type,)
        where = [f"f.type IN ({','.join('?' * len(types))})"]
        args: list[Any] = list(types)
        for cond, value in (
            ("f.source = ?", actor),
            ("f.target = ?", target),
            ("e.type = ?", target_type),
        ):
            if value is not None:
                where.append(cond)
                args.append(value)
        having = []
        if since is not None:
            having.append("eff >= ?")
            args.append(since.isoformat())
        if until is not None:
            having.append("eff <= ?")
            args.append(until.isoformat())
        sql = (
            "SELECT f.id, f.source, f.target, COALESCE(MIN(s.date), MIN(s.seen)) AS eff"
            " FROM facts f JOIN fact_support s ON s.fact_id = f.id"
            " JOIN entities e ON e.id = f.target"
            f" WHERE {' AND '.join(where)} GROUP BY f.id"
            + (f" HAVING {' AND '.join(having)}" if having else "")
            + " ORDER BY eff IS NULL, eff DESC, f.type, f.source, f.target"
        )
        with self._lock, read_tx(self._conn):
            rows = self._conn.execute(sql, args).fetchall()
            if jurisdiction is not None:
                rows = self._in_jurisdiction(rows, jurisdiction)
            page = [r[0] for r in rows[offset : offset + limit]]
            facts = rd.facts_map(self._conn, page)
        return [facts[fid] for fid in page]

    def _in_jurisdiction(self, rows: list[Any], jurisdiction: str) -> list[Any]:
        view = self.view()
        places = view.places_within(jurisdiction)
        actors = view.present_in(places, (REL.located_in,))
        targets = view.present_in(places)
        return [r for r in rows if r[1] in actors or r[2] in targets]

    # -- articles ------------------------------------------------------------------------

    def articles(self, limit: int = 100, offset: int = 0) -> list[Article]:
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {rd.ARTICLE_COLS} FROM articles"
                " ORDER BY published IS NULL, published DESC, id LIMIT ? OFFSET ?",
                (limit, offset),
            ).fetchall()
        return [rd.article_from_row(r) for r in rows]

    def get_article(self, article_id: str) -> ArticleFacts | None:
        with self._lock, read_tx(self._conn):
            row = self._conn.execute(
                f"SELECT {rd.ARTICLE_COLS} FROM articles WHERE id = ?", (article_id,)
            ).fetchone()
            if row is None:
                return None
            ents = [
                r[0]
                for r in self._conn.execute(
                    "SELECT entity_id FROM mentions WHERE article_id = ?", (article_id,)
                )
            ]
            fact_ids = [
                r[0]
                for r in self._conn.execute(
                    "SELECT fact_id FROM fact_support WHERE article_id = ?", (article_id,)
                )
            ]
            summaries = rd.summaries(self._conn, ents)
            return ArticleFacts(
                article=rd.article_from_row(row),
                entities=[summaries[e] for e in sorted(summaries)],
                facts=rd.facts_by_ids(self._conn, fact_ids),
            )

    def stats(self) -> Stats:
        with self._lock, read_tx(self._conn):
            return rd.stats(self._conn)

    def iter_entities(self) -> Iterator[EntityRecord]:
        with self._lock, read_tx(self._conn):
            records = list(rd.entity_records(self._conn))
        yield from records

    def iter_facts(self) -> Iterator[Fact]:
        with self._lock, read_tx(self._conn):
            ids = [r[0] for r in self._conn.execute("SELECT id FROM facts")]
            facts = rd.facts_by_ids(self._conn, ids)
        yield from facts

    def iter_articles(self) -> Iterator[Article]:
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {rd.ARTICLE_COLS} FROM articles ORDER BY id"
            ).fetchall()
        yield from (rd.article_from_row(r) for r in rows)

    def run_named(self, name: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Run the Python twin of a named query (graph/embedded_queries.py)."""
        try:
            twins = importlib.import_module("graph.named.embedded_twins").NAMED_QUERY_TWINS
        except ModuleNotFoundError as exc:
            if exc.name != "graph.named.embedded_twins":
                raise
            raise NotFoundError(f"no named query {name!r} (no embedded twins yet)") from exc
        twin = twins.get(name)
        if twin is None:
            raise NotFoundError(f"no named query {name!r}")
        result: list[dict[str, Any]] = twin(self, params)
        return result
