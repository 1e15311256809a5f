"""The fact records readers built for the newest generation, kept for the next readers.

Building a `Fact` views its event from every report (graph/store/events.py,
provenance.py): ~50 us each. A hub's relations page holds 100, its capped depth-2
neighbourhood ~500, and the same hubs are asked again and again, so rebuilding them was
most of those reads' CPU. A record depends only on its `facts` row, its reports and its
ends' summaries, all of one generation (every write transaction bumps it: db.py), so the
records built at the newest generation read so far are kept by fact row id, at most
`limit` of them (past that the older half, by insertion, is dropped: ~3 KB a record).
A reader of an older generation (one that began before the last commit) builds its own
and keeps none; the first reader of a newer one starts the cache afresh.

The records are shared between readers (and threads): nothing may mutate a record a read
returns. The reads that change one copy it (graph/store/hubs.py `trim_sources`,
`model_copy`).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable

from graph.store.embedded import read as rd
from graph.store.protocol import Fact

MAX_FACTS = 20_000


class FactCache:
    """Fact records of the newest generation by row id; safe to share between threads.
    Look-ups take no lock (a dict's get is atomic); inserts and trimming take one."""

    def __init__(self, limit: int = MAX_FACTS) -> None:
        self.limit = limit
        # (generation, records): replaced whole when the generation changes or on a trim,
        # so a reader holding the pair never sees another generation's records
        self._state: tuple[int, dict[int, Fact]] = (-1, {})
        self._lock = threading.Lock()

    def facts(
        self, conn: sqlite3.Connection, generation: int, ids: Iterable[int]
    ) -> dict[int, Fact]:
        """The records of these fact row ids (those that exist), built from `conn` (a read
        transaction at `generation`) unless a reader of that generation built them."""
        wanted = set(ids)
        cached_generation, cached = self._state
        found: dict[int, Fact] = {}
        if cached_generation == generation:
            for fid in wanted:
                fact = cached.get(fid)
                if fact is not None:
                    found[fid] = fact
        missing = [fid for fid in wanted if fid not in found]
        if missing:
            built = rd.facts_map(conn, missing)
            found.update(built)
            self._keep(generation, built)
        return found

    def _keep(self, generation: int, built: dict[int, Fact]) -> None:
        with self._lock:
            cached_generation, cached = self._state
            if generation < cached_generation:
                return  # an older snapshot's records: the cache has moved on
            if generation > cached_generation:
                cached = {}
                self._state = (generation, cached)
            cached.update(built)
            if len(cached) > self.limit:
                newest = list(cached.items())[len(cached) - self.limit // 2 :]
                self._state = (generation, dict(newest))

    def clear(self) -> None:
        self._state = (-1, {})
