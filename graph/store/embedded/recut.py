"""Re-cutting one relation's reports into events, in the embedded store's tables.

A relation key (source, type, target) has one `fact_support` row per article that
states it; `facts` holds one row per event of the key. Whenever an article touching
the key is written or retracted, `recut` reads every report of the key, asks
graph/store/events.py `events_of` for the events (the function both stores share), and
makes the rows follow:

* a row whose `event_id` is still an event is kept (its filter columns refreshed);
* an event with no row yet gets a new row;
* a row whose event vanished is deleted;
* each report moves to the row of its event.

The result depends only on the reports, never on the order they were written in, so
re-ingesting in any order gives the same events with the same ids.

`add_report` is the write path of a new article: re-cutting reads every report of the
key, so a relation stated by thousands of articles (a regulator's seat, a famous ban)
would make ingest quadratic. A report with no amount or ending, and no date or one the
key's only event already has at least as precisely, joins that event without changing
its grouping, date, amount, id or status: it agrees with the event at every step of
`event_groups`, comes after the reports that made the event's date, and is never the
first of a group. Only the start of an undated event may move to the report's earlier
publication date. That case is written directly; every other goes through `recut`.
tests/test_embedded_store.py checks that a full re-cut of every key afterwards changes
nothing.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable, Sequence

from graph.store.events import EventView, Support, events_of, joins_single_event

Key = tuple[str, str, str]
_KEY_WHERE = "f.source = ? AND f.type = ? AND f.target = ?"


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def support_of_row(
    aid: str,
    evidence: str | None,
    seen: str | None,
    confidence: float,
    date: str | None,
    props: str,
) -> Support:
    """A `Support` from a fact_support row's columns (from article_id on)."""
    day = dt.date.fromisoformat(seen) if seen else None
    return Support(aid, evidence, day, confidence, date, json.loads(props))


def stored_reports(conn: sqlite3.Connection, key: Key) -> list[tuple[int, Support]]:
    """(fact row id, report) of every stored report of the key."""
    rows = conn.execute(
        "SELECT s.fact_id, s.article_id, s.evidence, s.seen, s.confidence, s.date,"
        f" s.properties FROM fact_support s JOIN facts f ON f.id = s.fact_id WHERE {_KEY_WHERE}",
        key,
    )
    return [(r[0], support_of_row(*r[1:])) for r in rows]


def event_ids(conn: sqlite3.Connection, key: Key) -> set[str]:
    """The event ids the key has now."""
    rows = conn.execute(f"SELECT f.event_id FROM facts f WHERE {_KEY_WHERE}", key)
    return {r[0] for r in rows}


def keys_of_article(conn: sqlite3.Connection, aid: str) -> dict[Key, str]:
    """The relation keys an article reports, each with the event id its report is in."""
    rows = conn.execute(
        "SELECT f.source, f.type, f.target, f.event_id FROM fact_support s"
        " JOIN facts f ON f.id = s.fact_id WHERE s.article_id = ?",
        (aid,),
    )
    return {(r[0], r[1], r[2]): r[3] for r in rows}


def _columns(view: EventView) -> tuple[str | None, str, str | None, str | None]:
    """The filter columns of an event's row: date, status, start_day, end_day."""
    return (view.date, view.status, _iso(view.start), _iso(view.end))


def _place_event(
    conn: sqlite3.Connection,
    key: Key,
    view: EventView,
    rows: dict[str, tuple[int, tuple[object, ...]]],
) -> int:
    """The row id of the event's row: reused by event id (columns refreshed) or new."""
    cols = _columns(view)
    found = rows.get(view.event_id)
    if found is None:
        fid = conn.execute(
            "INSERT INTO facts (event_id, source, type, target, date, status, start_day, end_day)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (view.event_id, *key, *cols),
        ).lastrowid
        assert fid is not None
        return fid
    fid, stored = found
    if stored != cols:
        conn.execute(
            "UPDATE facts SET date = ?, status = ?, start_day = ?, end_day = ? WHERE id = ?",
            (*cols, fid),
        )
    return fid


def _insert_report(conn: sqlite3.Connection, fid: int, s: Support) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO fact_support"
        " (fact_id, article_id, evidence, seen, confidence, date, properties)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            fid,
            s.article_id,
            s.evidence,
            _iso(s.seen),
            s.confidence,
            s.date,
            json.dumps(s.properties, sort_keys=True),
        ),
    )


def recut(conn: sqlite3.Connection, key: Key, added: Sequence[Support] = ()) -> dict[str, str]:
    """Re-cut the key's stored reports plus `added` (reports not stored yet, which this
    writes) into events; {article id: event id} of every report of the key after."""
    rows = {
        r[0]: (r[1], tuple(r[2:]))
        for r in conn.execute(
            "SELECT f.event_id, f.id, f.date, f.status, f.start_day, f.end_day FROM facts f"
            f" WHERE {_KEY_WHERE}",
            key,
        )
    }
    new_ids = {s.article_id for s in added}
    stored = [(fid, s) for fid, s in stored_reports(conn, key) if s.article_id not in new_ids]
    current = {s.article_id: fid for fid, s in stored}
    placed: dict[str, str] = {}
    keep: set[int] = set()
    reports = [s for _, s in stored] + list(added)
    for view, group in events_of(*key, reports):
        fid = _place_event(conn, key, view, rows)
        keep.add(fid)
        for s in group:
            placed[s.article_id] = view.event_id
            if s.article_id in new_ids:
                _insert_report(conn, fid, s)
            elif current[s.article_id] != fid:
                conn.execute(
                    "UPDATE fact_support SET fact_id = ? WHERE fact_id = ? AND article_id = ?",
                    (fid, current[s.article_id], s.article_id),
                )
    _delete_rows(conn, [fid for fid, _ in rows.values() if fid not in keep])
    return placed


def _join_single_event(conn: sqlite3.Connection, key: Key, s: Support) -> str | None:
    """Write a report into the key's only event when graph/store/events.py
    `joins_single_event`; its event id, or None when the shortcut does not apply (see the
    module docstring)."""
    if s.amount is not None or s.ended or s.ended_on is not None:
        return None
    rows = conn.execute(
        f"SELECT f.id, f.event_id, f.date, f.start_day FROM facts f WHERE {_KEY_WHERE} LIMIT 2",
        key,
    ).fetchall()
    if len(rows) != 1 or not joins_single_event(s, rows[0][2]):
        return None
    fid, event, date, start = rows[0]
    seen = _iso(s.seen)
    if date is None and seen is not None and (start is None or seen < start):
        conn.execute("UPDATE facts SET start_day = ? WHERE id = ?", (seen, fid))
    _insert_report(conn, fid, s)
    return str(event)


def add_report(conn: sqlite3.Connection, key: Key, s: Support) -> str:
    """Write a report of an article that had none of this key; the event id it joined."""
    event = _join_single_event(conn, key, s)
    return event if event is not None else recut(conn, key, [s])[s.article_id]


def _delete_rows(conn: sqlite3.Connection, fact_ids: Iterable[int]) -> None:
    """Delete event rows (and any report still under them: there should be none)."""
    for fid in fact_ids:
        conn.execute("DELETE FROM fact_support WHERE fact_id = ?", (fid,))
        conn.execute("DELETE FROM facts WHERE id = ?", (fid,))
