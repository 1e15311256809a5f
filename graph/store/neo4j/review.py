"""The Neo4j store's review primitives (graph/store/review_queue.py); the review rule as
Cypher is graph/store/neo4j/read_queries.py `SHOWN`.

A decision is a `(:ReviewDecision {event_id, decision, body})` node, unique on the
event's stable id and linked to nothing, so retracting and re-ingesting articles never
touch it; `body` is the `ReviewDecision` as JSON. Only ontology-checked relationship
types are interpolated; every value is a `$parameter`.
"""

from __future__ import annotations

from functools import lru_cache

from neo4j import ManagedTransaction

from graph.ontology import get_ontology
from graph.store.changes import ChangeBody
from graph.store.neo4j import changes as log
from graph.store.neo4j.read_queries import FACT_COLUMNS, Read, summary
from graph.store.neo4j.records import fact_from, in_fact_order, summary_from
from graph.store.neo4j.write_queries import check_rel_type, rel_alternatives
from graph.store.protocol import Fact
from graph.store.review import ReviewDecision
from graph.store.review_carry import EventReports, articles_of, carried

SCHEMA = (
    "CREATE CONSTRAINT review_event_id IF NOT EXISTS "
    "FOR (d:ReviewDecision) REQUIRE d.event_id IS UNIQUE",
)

DECISIONS = (
    "MATCH (d:ReviewDecision) WHERE $ids IS NULL OR d.event_id IN $ids RETURN d.body AS body"
)
_SET = "MERGE (d:ReviewDecision {event_id: $id}) SET d.decision = $decision, d.body = $body"
_DELETE = "MATCH (d:ReviewDecision {event_id: $id}) DELETE d"


@lru_cache(maxsize=1)
def review_facts_query() -> str:
    """The action facts below $below or with a decision."""
    rels = rel_alternatives(get_ontology().action_types)
    return (
        f"MATCH (s:Entity)-[r:{rels}]->(t:Entity) "
        "WHERE r.confidence < $below OR EXISTS { MATCH (:ReviewDecision {event_id: r.event_id}) } "
        f"RETURN {FACT_COLUMNS}"
    )


@lru_cache(maxsize=1)
def fact_by_event_query() -> str:
    """The fact with event id $id (any relation type)."""
    return (
        f"MATCH (s:Entity)-[r:{rel_alternatives()}]->(t:Entity) WHERE r.event_id = $id "
        f"RETURN {FACT_COLUMNS} LIMIT 1"
    )


def review_facts(read: Read, below: float) -> list[Fact]:
    """The action facts whose confidence is below `below`, or that have a decision."""
    return in_fact_order(fact_from(r) for r in read(review_facts_query(), below=below))


def decisions(read: Read, event_ids: list[str] | None) -> dict[str, ReviewDecision]:
    """The decisions on these events (None: all), by event id."""
    found = (ReviewDecision.model_validate_json(r["body"]) for r in read(DECISIONS, ids=event_ids))
    return {d.event_id: d for d in found}


def fact_by_event(read: Read, event_id: str) -> Fact | None:
    """The fact with this event id, or None."""
    rows = read(fact_by_event_query(), id=event_id)
    return fact_from(rows[0]) if rows else None


def store_decision_tx(
    tx: ManagedTransaction, event_id: str, record: ReviewDecision | None, change: ChangeBody
) -> None:
    """Write (or, with None, delete) the decision, then append its change: the change
    log's counter must be the transaction's last statement (graph/store/neo4j/changes.py)."""
    if record is None:
        tx.run(_DELETE, id=event_id).consume()
    else:
        tx.run(_SET, id=event_id, decision=record.decision, body=record.model_dump_json()).consume()
    log.append(tx, [change])


def _decided_query(rel_type: str) -> str:
    """The reports of the decided events of one type (found by its event_id index)."""
    check_rel_type(rel_type)
    return (
        "UNWIND $ids AS id MATCH ()-[r:" + rel_type + " {event_id: id}]->() "
        "RETURN r.event_id AS id, r.sources AS sources"
    )


@lru_cache(maxsize=1)
def _reports_query() -> str:
    """The action events any of $aids reports (an end of each is mentioned there), with
    those of them it holds and its ends."""
    rels = rel_alternatives(get_ontology().action_types)
    return (
        "MATCH (a:Article) WHERE a.id IN $aids "
        "MATCH (s:Entity)-[:MENTIONED_IN]->(a) "
        f"MATCH (s)-[r:{rels}]->(t:Entity) WHERE any(x IN r.sources WHERE x IN $aids) "
        "RETURN DISTINCT r.event_id AS id, type(r) AS type, "
        "[x IN r.sources WHERE x IN $aids] AS sources, "
        f"{summary('s')} AS source, {summary('t')} AS target"
    )


def _all_decisions(tx: ManagedTransaction) -> list[ReviewDecision]:
    return [ReviewDecision.model_validate_json(r["body"]) for r in tx.run(DECISIONS, ids=None)]


def decided_reports_tx(tx: ManagedTransaction) -> EventReports:
    """The articles reporting each decided event that is stored (graph/store/review_carry.py)."""
    by_type: dict[str, list[str]] = {}
    for d in _all_decisions(tx):
        by_type.setdefault(d.type, []).append(d.event_id)
    out: EventReports = {}
    for rel_type, ids in sorted(by_type.items()):
        for r in tx.run(_decided_query(rel_type), ids=ids):
            out[r["id"]] = (rel_type, frozenset(r["sources"]))
    return out


def carry_decisions_tx(tx: ManagedTransaction, before: EventReports) -> list[ChangeBody]:
    """Hand the decisions of events a replay re-filed to their heirs, and drop them from
    the events that are gone; the changes to append (the caller appends them last)."""
    if not before:
        return []
    now: EventReports = {}
    ends = {}
    for r in tx.run(_reports_query(), aids=articles_of(before)):
        now[r["id"]] = (r["type"], frozenset(r["sources"]))
        ends[r["id"]] = (summary_from(r["source"]), summary_from(r["target"]))
    moved = carried(before, now, {d.event_id: d for d in _all_decisions(tx)}, ends)
    for c in moved:
        rec = c.record
        tx.run(_SET, id=rec.event_id, decision=rec.decision, body=rec.model_dump_json()).consume()
    for old in sorted({c.old for c in moved}):
        tx.run(_DELETE, id=old).consume()
    return [c.change for c in moved]
