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
