"""The embedded store's review primitives (graph/store/review_queue.py): the facts the
queue may hold, the stored decisions, a fact by its event id, and storing a decision.

Decisions live in `review_decisions`, keyed by event id, apart from `facts`: retracting
and re-ingesting articles never touches them. `shown_sql` is the review rule of
graph/store/review.py as a condition on a `facts` row `f`, for
graph/store/embedded/actions.py.
"""

from __future__ import annotations

import sqlite3

from graph.ontology import get_ontology
from graph.store.changes import ChangeBody
from graph.store.embedded import changes as log
from graph.store.embedded import read as rd
from graph.store.protocol import Fact
from graph.store.review import ACCEPTED, REJECTED, ReviewDecision
from graph.store.review_carry import EventReports, articles_of, carried, heirs

# the best report's confidence: the row's summary, kept by schema.sql's triggers
CONFIDENCE_SQL = "f.best_conf"
_DECIDED = (
    "(SELECT d.decision = '" + ACCEPTED + "' FROM review_decisions d WHERE d.event_id = f.event_id)"
)


def shown_sql(below: float) -> tuple[str, list[float]]:
    """The rule as a condition and its arguments (with no threshold only a rejection
    hides a fact)."""
    if below <= 0:
        return f"coalesce({_DECIDED}, 1)", []
    return f"coalesce({_DECIDED}, {CONFIDENCE_SQL} >= ?)", [below]


def review_facts(conn: sqlite3.Connection, below: float) -> list[Fact]:
    """The action facts whose confidence is below `below`, or that have a decision."""
    types = get_ontology().action_types
    rows = conn.execute(
        f"SELECT f.id FROM facts f WHERE f.type IN ({','.join('?' * len(types))})"
        f" AND ({CONFIDENCE_SQL} < ?"
        " OR f.event_id IN (SELECT event_id FROM review_decisions))",
        [*types, below],
    )
    return rd.facts_by_ids(conn, [r[0] for r in rows])


def decisions(conn: sqlite3.Connection, event_ids: list[str] | None) -> dict[str, ReviewDecision]:
    """The decisions on these events (None: all), by event id."""
    if event_ids is None:
        rows = conn.execute("SELECT body FROM review_decisions").fetchall()
    else:
        rows = []
        for chunk in rd.chunks(event_ids):
            rows += conn.execute(
                "SELECT body FROM review_decisions"
                f" WHERE event_id IN ({','.join('?' * len(chunk))})",
                chunk,
            ).fetchall()
    found = (ReviewDecision.model_validate_json(r[0]) for r in rows)
    return {d.event_id: d for d in found}


def fact_by_event(conn: sqlite3.Connection, event_id: str) -> Fact | None:
    """The fact with this event id, or None."""
    row = conn.execute("SELECT id FROM facts WHERE event_id = ?", (event_id,)).fetchone()
    return rd.facts_by_ids(conn, [row[0]])[0] if row else None


def store_decision(
    conn: sqlite3.Connection, event_id: str, record: ReviewDecision | None, change: ChangeBody
) -> None:
    """Write (or, with None, delete) the decision and append its change, in the caller's
    write transaction."""
    if record is None:
        conn.execute("DELETE FROM review_decisions WHERE event_id = ?", (event_id,))
    else:
        assert record.decision in (ACCEPTED, REJECTED)
        conn.execute(
            "INSERT INTO review_decisions (event_id, decision, body) VALUES (?, ?, ?)"
            " ON CONFLICT (event_id) DO UPDATE SET decision = excluded.decision,"
            " body = excluded.body",
            (event_id, record.decision, record.model_dump_json()),
        )
    log.append(conn, [change])


def decided_reports(conn: sqlite3.Connection) -> EventReports:
    """The articles reporting each decided event that is stored (graph/store/review_carry.py)."""
    out: dict[str, tuple[str, set[str]]] = {}
    rows = conn.execute(
        "SELECT f.event_id, f.type, s.article_id FROM review_decisions d"
        " JOIN facts f ON f.event_id = d.event_id JOIN fact_support s ON s.fact_id = f.id"
    )
    for event, rel_type, article in rows:
        out.setdefault(event, (rel_type, set()))[1].add(article)
    return {e: (t, frozenset(a)) for e, (t, a) in out.items()}


def _event_reports(conn: sqlite3.Connection, articles: list[str]) -> EventReports:
    """The action events any of `articles` reports, each with those of them it holds."""
    types = sorted(get_ontology().action_types)
    out: dict[str, tuple[str, set[str]]] = {}
    for chunk in rd.chunks(articles):
        rows = conn.execute(
            "SELECT f.event_id, f.type, s.article_id FROM fact_support s"
            " JOIN facts f ON f.id = s.fact_id"
            f" WHERE s.article_id IN ({','.join('?' * len(chunk))})"
            f" AND f.type IN ({','.join('?' * len(types))})",
            [*chunk, *types],
        )
        for event, rel_type, article in rows:
            out.setdefault(event, (rel_type, set()))[1].add(article)
    return {e: (t, frozenset(a)) for e, (t, a) in out.items()}


def carry_decisions(conn: sqlite3.Connection, before: EventReports) -> None:
    """Hand the decisions of events a replay re-filed to their heirs, and drop them from
    the events that are gone (in the caller's write transaction)."""
    if not before:
        return
    now = _event_reports(conn, articles_of(before))
    ends = {}
    for heir in sorted({h for found in heirs(before, now).values() for h in found}):
        fact = fact_by_event(conn, heir)
        if fact is not None:
            ends[heir] = (fact.source, fact.target)
    moved = carried(before, now, decisions(conn, None), ends)
    for c in moved:
        store_decision(conn, c.record.event_id, c.record, c.change)
    for old in sorted({c.old for c in moved}):
        conn.execute("DELETE FROM review_decisions WHERE event_id = ?", (old,))
