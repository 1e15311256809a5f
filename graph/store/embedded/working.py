"""What a run of new articles touches, read once and held in memory until it is written.

graph/store/embedded/batch_write.py writes a run of articles the store does not have in
one pass: instead of the ~60 statements per article of the one-by-one path (identity
lookups, two change-feed snapshots, re-cuts that read every report of a key), the
entities and the event rows of every relation key the run names are read in two queries
up front (`prefetch`), whatever else is needed is read once when first asked for
(`entity`, `key`, `KeyState.load`), the articles are applied to this state in order, and
`flush` writes the rows with `executemany`.

Only the writes whose order SQLite would make visible run at once: a report moved to
another event and an event row deleted (rare: a re-cut). A new `facts` row waits too,
with the id SQLite would give it then (the largest id in the table plus one), so ids come
out as the one-by-one path gives them; the waiting rows are written before either of
those, whose triggers update the event rows. Everything else waits for `flush`; nothing
in the run reads it back from the database before then, since every read goes through
this state first.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass, field
from typing import Any

from graph.identity import Candidate, fuzzy_words, match_key
from graph.ids import normalize_name
from graph.store.built import built
from graph.store.embedded.recut import Key, support_of_row
from graph.store.events import Support
from graph.store.protocol import EntitySummary

Cols = tuple[str | None, str, str | None, str | None]  # a facts row: date, status, start, end


@dataclass
class EntityRow:
    """An entity as the run leaves it (`new`: not stored before the run)."""

    id: str
    type: str
    name: str
    unnamed: bool
    cnt: int | None
    description: str | None
    qid: str | None
    properties: str  # JSON, as stored
    new: bool = False  # created in the run
    dirty: bool = False  # a stored row the run completed
    canonical: bool = False  # `properties` written by this run (sorted JSON)
    property_keys: set[str] = field(default_factory=set)  # its keys, once `canonical`
    _summary: EntitySummary | None = None

    def summary(self) -> EntitySummary:
        """The change feed's summary of the row as it is now (kept until `cnt` changes:
        every article mentioning the entity names it)."""
        if self._summary is None or self._summary.count != self.cnt:
            self._summary = built(
                EntitySummary,
                id=self.id,
                type=self.type,
                name=self.name,
                unnamed=self.unnamed,
                count=self.cnt,
            )
        return self._summary


@dataclass
class KeyState:
    """The events of one relation key: its rows by event id, and the reports known so far
    (every stored one once `loaded`, else only those the run added), by article id."""

    rows: dict[str, tuple[int, Cols]] = field(default_factory=dict)
    reports: dict[str, tuple[int, Support]] = field(default_factory=dict)
    stored: set[str] = field(default_factory=set)  # article ids of reports stored before
    loaded: bool = False


@dataclass
class Pending:
    """Rows waiting for `flush`, in the order the one-by-one path writes them."""

    articles: list[tuple[Any, ...]] = field(default_factory=list)
    extractions: list[tuple[str, str]] = field(default_factory=list)
    extraction_ids: list[tuple[str, str]] = field(default_factory=list)
    mentions: list[tuple[str, str]] = field(default_factory=list)
    aliases: list[tuple[Any, ...]] = field(default_factory=list)
    alias_sources: list[tuple[str, str, str]] = field(default_factory=list)
    fact_cols: dict[int, Cols] = field(default_factory=dict)
    facts: dict[int, tuple[Any, ...]] = field(default_factory=dict)  # new rows by id


_ENTITY_COLS = "id, type, name, unnamed, cnt, description, qid, properties"
_KEYS = (
    "WITH k (source, type, target) AS (SELECT json_extract(value, '$[0]'),"
    " json_extract(value, '$[1]'), json_extract(value, '$[2]') FROM json_each(?))"
    " SELECT f.source, f.type, f.target, f.event_id, f.id, f.date, f.status, f.start_day,"
    " f.end_day FROM k JOIN facts f"
    " ON f.source = k.source AND f.type = k.type AND f.target = k.target"
)
_KEY_WHERE = "f.source = ? AND f.type = ? AND f.target = ?"


class Working:
    """The run's state over the write transaction's connection; also the
    `graph.identity.IdentityLookup` its identity resolution reads (`get`)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.entities: dict[str, EntityRow | None] = {}
        self.created: list[EntityRow] = []  # in the order first seen (their rowids)
        self.keys: dict[Key, KeyState] = {}
        self.pending = Pending()
        self._last_fact_id: int | None = None  # the largest facts id, stored or pending

    # -- reads -------------------------------------------------------------------------

    def prefetch(self, entity_ids: set[str], keys: set[Key]) -> None:
        """Read the given entities and the event rows of the given keys, two queries."""
        wanted = sorted(i for i in entity_ids if i not in self.entities)
        for i in wanted:
            self.entities[i] = None
        rows = self.conn.execute(
            f"SELECT {_ENTITY_COLS} FROM entities WHERE id IN (SELECT value FROM json_each(?))",
            (json.dumps(wanted),),
        )
        for row in rows:
            self.entities[row[0]] = _entity_row(row)
        todo = sorted(k for k in keys if k not in self.keys)
        for k in todo:
            self.keys[k] = KeyState()
        for source, rtype, target, event, fid, *cols in self.conn.execute(
            _KEYS, (json.dumps(todo),)
        ):
            self.keys[(source, rtype, target)].rows[event] = (fid, (*cols,))
        for k in todo:  # a key with no event has no report either
            self.keys[k].loaded = not self.keys[k].rows

    def entity(self, eid: str) -> EntityRow | None:
        if eid not in self.entities:
            row = self.conn.execute(
                f"SELECT {_ENTITY_COLS} FROM entities WHERE id = ?", (eid,)
            ).fetchone()
            self.entities[eid] = _entity_row(row) if row else None
        return self.entities[eid]

    def create(self, row: EntityRow) -> None:
        self.entities[row.id] = row
        self.created.append(row)

    def get(self, entity_id: str) -> Candidate | None:
        """What `SqlLookup.get` would read now."""
        row = self.entity(entity_id)
        return Candidate(row.id, row.type, row.name, row.qid) if row else None

    def key(self, key: Key) -> KeyState:
        if key not in self.keys:
            state = self.keys[key] = KeyState()
            for event, fid, *cols in self.conn.execute(
                "SELECT f.event_id, f.id, f.date, f.status, f.start_day, f.end_day FROM facts f"
                f" WHERE {_KEY_WHERE}",
                key,
            ):
                state.rows[event] = (fid, (*cols,))
            state.loaded = not state.rows
        return self.keys[key]

    def load(self, key: Key) -> KeyState:
        """The key's state with every stored report in it (a re-cut needs them all)."""
        state = self.key(key)
        if not state.loaded:
            rows = self.conn.execute(
                "SELECT s.fact_id, s.article_id, s.evidence, s.seen, s.confidence, s.date,"
                " s.properties FROM fact_support s JOIN facts f ON f.id = s.fact_id"
                f" WHERE {_KEY_WHERE}",
                key,
            )
            for fid, *cols in rows:
                s = support_of_row(*cols)
                state.reports.setdefault(s.article_id, (fid, s))
                state.stored.add(s.article_id)
            state.loaded = True
        return state

    # -- writes that cannot wait -------------------------------------------------------

    def insert_fact(self, key: Key, event: str, cols: Cols) -> int:
        """A new event row, written at the next `_write_facts`; its id is the one an
        INSERT would get now."""
        if self._last_fact_id is None:
            self._last_fact_id = self._stored_last_fact_id()
        fid = self._last_fact_id = self._last_fact_id + 1
        self.pending.facts[fid] = (fid, event, *key, *cols)
        return fid

    def move_stored_report(self, aid: str, old: int, new: int) -> None:
        self._write_facts()  # the move's trigger counts the report on the `new` row
        self.conn.execute(
            "UPDATE fact_support SET fact_id = ? WHERE fact_id = ? AND article_id = ?",
            (new, old, aid),
        )

    def delete_fact(self, fid: int) -> None:
        self.pending.fact_cols.pop(fid, None)
        if self.pending.facts.pop(fid, None) is None:
            self._write_facts()
            self.conn.execute("DELETE FROM fact_support WHERE fact_id = ?", (fid,))
            self.conn.execute("DELETE FROM facts WHERE id = ?", (fid,))
        if fid == self._last_fact_id:  # the next INSERT would reuse an id below it
            self._last_fact_id = max(self.pending.facts, default=self._stored_last_fact_id())

    def _stored_last_fact_id(self) -> int:
        row = self.conn.execute("SELECT coalesce(max(id), 0) FROM facts").fetchone()
        return int(row[0])

    def _write_facts(self, summaries: dict[int, tuple[int, float]] | None = None) -> None:
        """The waiting event rows, with the columns the run gave them since, and their
        support summary (n_sources, best_conf) from `summaries` (else none yet: the
        triggers count their reports as they are written)."""
        p = self.pending
        for fid, cols in list(p.fact_cols.items()):
            if fid in p.facts:
                p.facts[fid] = (*p.facts[fid][:5], *cols)
                del p.fact_cols[fid]
        known = summaries or {}
        self.conn.executemany(
            "INSERT INTO facts (id, event_id, source, type, target, date, status, start_day,"
            " end_day, n_sources, best_conf) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(*row, *known.get(fid, (0, 0.0))) for fid, row in p.facts.items()],
        )
        p.facts.clear()

    def _write_facts_and_reports(self) -> None:
        """The waiting event rows and every report the run added. The reports of rows
        not written yet go first, while their rows are absent (the fact_support triggers
        then update nothing), and those rows are inserted with the summary the triggers
        would have left: otherwise each report's trigger rewrote its new row's entries in
        both rank indexes (schema.sql facts_out_rank, facts_in_rank) right after the
        insert. Reports of rows already stored are counted by the triggers as before."""
        waiting = self.pending.facts
        first: list[tuple[Any, ...]] = []
        rest: list[tuple[Any, ...]] = []
        summaries: dict[int, tuple[int, float]] = {}
        for state in self.keys.values():
            for aid, (fid, s) in state.reports.items():
                if aid in state.stored:
                    continue
                if fid in waiting:
                    n, best = summaries.get(fid, (0, s.confidence))
                    summaries[fid] = (n + 1, max(best, s.confidence))
                    first.append(_support_row(fid, s))
                else:
                    rest.append(_support_row(fid, s))
        self._write_reports(first)
        self._write_facts(summaries)
        self.conn.executemany(
            "UPDATE facts SET date = ?, status = ?, start_day = ?, end_day = ? WHERE id = ?",
            [(*cols, fid) for fid, cols in self.pending.fact_cols.items()],
        )
        self._write_reports(rest)

    def _write_reports(self, rows: list[tuple[Any, ...]]) -> None:
        self.conn.executemany(
            "INSERT OR REPLACE INTO fact_support"
            " (fact_id, article_id, evidence, seen, confidence, date, properties)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            rows,
        )

    # -- the rest ----------------------------------------------------------------------

    def flush(self) -> None:
        """Write every pending row (the caller holds the write transaction)."""
        p, c = self.pending, self.conn
        c.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)", p.articles)
        c.executemany("INSERT OR REPLACE INTO extractions VALUES (?, ?)", p.extractions)
        c.executemany(
            "DELETE FROM extraction_ids WHERE article_id = ?", [(a,) for a, _ in p.extractions]
        )
        c.executemany(
            "INSERT OR IGNORE INTO extraction_ids (entity_id, article_id) VALUES (?, ?)",
            p.extraction_ids,
        )
        self._flush_entities()
        c.executemany(
            "INSERT OR IGNORE INTO mentions (entity_id, article_id) VALUES (?, ?)", p.mentions
        )
        c.executemany(
            "INSERT OR IGNORE INTO aliases (entity_id, name, kind, lang, norm, key, identifying)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            p.aliases,
        )
        c.executemany(
            "INSERT OR IGNORE INTO alias_sources (entity_id, name, article_id) VALUES (?, ?, ?)",
            p.alias_sources,
        )
        self._write_facts_and_reports()
        self.entities.clear()
        self.created = []
        self.keys.clear()
        self.pending = Pending()
        self._last_fact_id = None

    def _flush_entities(self) -> None:
        new = self.created
        self.conn.executemany(
            "INSERT INTO entities (id, type, name, norm, key, unnamed, cnt, description, qid,"
            " properties) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (e.id, e.type, e.name, normalize_name(e.name), match_key(e.name), int(e.unnamed))
                + (e.cnt, e.description, e.qid, e.properties)
                for e in new
            ],
        )
        self.conn.executemany(
            "INSERT OR IGNORE INTO name_words (word, entity_id) VALUES (?, ?)",
            [
                (w, e.id)
                for e in new
                if not e.unnamed
                for w in sorted(fuzzy_words(match_key(e.name)))
            ],
        )
        self.conn.executemany(
            "UPDATE entities SET cnt = ?, description = ?, qid = ?, properties = ? WHERE id = ?",
            [
                (e.cnt, e.description, e.qid, e.properties, e.id)
                for e in self.entities.values()
                if e is not None and e.dirty and not e.new
            ],
        )


def _entity_row(row: tuple[Any, ...]) -> EntityRow:
    eid, etype, name, unnamed, cnt, description, qid, props = row
    return EntityRow(eid, etype, name, bool(unnamed), cnt, description, qid, props)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _support_row(fid: int, s: Support) -> tuple[Any, ...]:
    props = json.dumps(s.properties, sort_keys=True)
    return (fid, s.article_id, s.evidence, _iso(s.seen), s.confidence, s.date, props)
