"""The embedded store's change log: snapshots for the diff, appending, and reading pages.

`changes.seq` is an AUTOINCREMENT key written in the write transaction, so numbers are
never reused (not even after the last row is deleted) and, with SQLite's one writer,
follow commit order: a reader polling `since=N` cannot miss a change that commits
later with a lower number. `change_entities` and `change_facts` index each change by
the entities it names and the (type, source, target) of its facts, for the filters.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from graph.store.change_diff import ArticleState, Key, Scope, recorded
from graph.store.changes import Change, ChangeBody, ChangeFilter, now_text
from graph.store.embedded.recut import keys_of_article
from graph.store.protocol import EntitySummary

T = TypeVar("T")
CHUNK = 500  # ids per IN (...) list


def _digest(value: object) -> str:
    return hashlib.sha1(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


def _chunks(items: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(items), CHUNK):
        yield items[start : start + CHUNK]


class SqlSnapshot:
    """`graph.store.change_diff.SnapshotReader` over the write connection."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def articles(self, ids: list[str]) -> dict[str, ArticleState]:
        out = {}
        for aid in ids:
            row = self.conn.execute(
                "SELECT id, url, title, publisher, published, text, source_path"
                " FROM articles WHERE id = ?",
                (aid,),
            ).fetchone()
            if row is None:
                continue
            mentions = self.conn.execute(
                "SELECT entity_id FROM mentions WHERE article_id = ?", (aid,)
            )
            out[aid] = ArticleState(
                exists=True,
                title=row[2],
                fingerprint=_digest(list(row)),
                mentions=frozenset(r[0] for r in mentions),
                keys=frozenset(keys_of_article(self.conn, aid)),
            )
        return out

    def entities(self, ids: list[str]) -> dict[str, EntitySummary]:
        out = {}
        for chunk in _chunks(ids):
            marks = ",".join("?" * len(chunk))
            for eid, etype, name, unnamed, cnt in self.conn.execute(
                f"SELECT id, type, name, unnamed, cnt FROM entities WHERE id IN ({marks})", chunk
            ):
                out[eid] = EntitySummary(
                    id=eid, type=etype, name=name, unnamed=bool(unnamed), count=cnt
                )
        return out

    def events(self, keys: list[Key]) -> dict[Key, dict[str, str]]:
        # One query for all the keys; each event's columns and every report's fields
        # joined in SQL (in C), hashed once in Python.
        out: dict[Key, dict[str, str]] = {key: {} for key in keys}
        for chunk in range(0, len(keys), CHUNK):
            rows = self.conn.execute(_EVENT_STATE, (json.dumps(keys[chunk : chunk + CHUNK]),))
            for source, rtype, target, *row in rows:
                out[(source, rtype, target)][row[0]] = _digest_text(row)
        return out


# One row per event of the keys (a JSON list of [source, type, target]): its key, its
# filter columns, then all its reports' fields in article order, separated by control
# characters.
_EVENT_STATE = (
    "WITH k (source, type, target) AS (SELECT json_extract(value, '$[0]'),"
    " json_extract(value, '$[1]'), json_extract(value, '$[2]')"
    " FROM json_each(?))"
    " SELECT f.source, f.type, f.target, f.event_id, f.date, f.status, f.start_day, f.end_day,"
    " (SELECT group_concat(x, char(30)) FROM (SELECT s.article_id || char(31)"
    " || coalesce(s.evidence, '') || char(31) || coalesce(s.seen, '') || char(31)"
    " || s.confidence || char(31) || coalesce(s.date, '') || char(31) || s.properties AS x"
    " FROM fact_support s WHERE s.fact_id = f.id ORDER BY s.article_id))"
    " FROM k JOIN facts f ON f.source = k.source AND f.type = k.type AND f.target = k.target"
)


def _digest_text(row: Sequence[object]) -> str:
    text = "\x1d".join("\x00" if v is None else str(v) for v in row)
    return hashlib.sha1(text.encode()).hexdigest()


def append(conn: sqlite3.Connection, bodies: list[ChangeBody]) -> None:
    """Number and store the changes of the open write transaction; `at` never goes back."""
    if not bodies:
        return
    last = conn.execute("SELECT at FROM changes ORDER BY seq DESC LIMIT 1").fetchone()
    at = max(now_text(), last[0]) if last else now_text()
    first = _next_seq(conn)
    rows: list[tuple[int, str, str, str | None, str]] = []
    entities: list[tuple[str, int]] = []
    facts: list[tuple[int, str, str, str]] = []
    for seq, body in enumerate(bodies, start=first):
        rows.append((seq, at, body.kind, body.article_id, body.model_dump_json()))
        entities += [(eid, seq) for eid in body.entity_ids()]
        keys = {(f.type, f.source.id, f.target.id) for f in body.facts}
        facts += [(seq, *key) for key in sorted(keys)]
    conn.executemany(
        "INSERT INTO changes (seq, at, kind, article_id, body) VALUES (?, ?, ?, ?, ?)", rows
    )
    conn.executemany("INSERT INTO change_entities (entity_id, seq) VALUES (?, ?)", entities)
    conn.executemany(
        "INSERT INTO change_facts (seq, type, source, target) VALUES (?, ?, ?, ?)", facts
    )


def _next_seq(conn: sqlite3.Connection) -> int:
    """The seq AUTOINCREMENT would give the next change: one past the largest ever used
    (sqlite_sequence) or in the table, so the changes of a write go in one `executemany`
    with the numbers one INSERT each would have got."""
    row = conn.execute(
        "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'changes'), 0),"
        " coalesce((SELECT max(seq) FROM changes), 0)) + 1"
    ).fetchone()
    return int(row[0])


def record(conn: sqlite3.Connection, scope: Scope, write: Callable[[], T]) -> T:
    """Run `write` (inside the caller's write transaction) and append what it changed."""
    result, bodies = recorded(SqlSnapshot(conn), scope, write)
    append(conn, bodies)
    return result


def head(conn: sqlite3.Connection) -> int:
    """The newest change's seq (0 for none)."""
    return int(conn.execute("SELECT coalesce(max(seq), 0) FROM changes").fetchone()[0])


def page(conn: sqlite3.Connection, f: ChangeFilter) -> list[Change]:
    """The changes `f` admits, in seq order (descending when `f.newest_first`)."""
    where = ["c.seq > ?", "c.seq <= ?"]
    params: list[object] = [f.after, f.head]
    if f.at_or_after is not None:
        where.append("c.at >= ?")
        params.append(f.at_or_after)
    if f.entity is not None:
        where.append(
            "EXISTS (SELECT 1 FROM change_entities e WHERE e.entity_id = ? AND e.seq = c.seq)"
        )
        params.append(f.entity)
    if f.types is not None:
        place = ""
        if f.actors is not None and f.targets is not None:
            place = (
                " AND (x.source IN (SELECT value FROM json_each(?))"
                " OR x.target IN (SELECT value FROM json_each(?)))"
            )
        where.append(
            "EXISTS (SELECT 1 FROM change_facts x WHERE x.seq = c.seq"
            f" AND x.type IN (SELECT value FROM json_each(?)){place})"
        )
        params.append(json.dumps(list(f.types)))
        if place:
            params += [json.dumps(sorted(f.actors or ())), json.dumps(sorted(f.targets or ()))]
    order = "DESC" if f.newest_first else "ASC"
    rows = conn.execute(
        f"SELECT c.seq, c.at, c.body FROM changes c WHERE {' AND '.join(where)}"
        f" ORDER BY c.seq {order} LIMIT ?",
        (*params, f.limit),
    )
    return [
        Change.model_validate({**json.loads(body), "seq": seq, "at": at}) for seq, at, body in rows
    ]
