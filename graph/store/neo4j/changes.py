"""The Neo4j store's change log: snapshots for the diff, appending, and reading pages.

Graph model::

    (:Change {seq, at, kind, article_id, body, entities, fact_types, fact_sources,
              fact_targets})
    (:ChangeCounter {key: 'changes', seq, at})

`body` is the change as JSON (graph/store/changes.py `ChangeBody`); `entities` and the
three aligned `fact_*` lists are what the filters read.

Why a counter node, locked last: a reader polling `since=N` must never miss a change
that commits later with a lower number. Numbers taken early (at the start of a write, or
from a sequence outside the transaction) could commit out of order: N+1 visible while N
is still running, a reader moves on to N+1, and N, committed afterwards, is never seen.
Here the number is taken by the write's last statement, `SET k.seq = k.seq + n` on the
one counter node, which write-locks the node before reading it (Cypher locks before a
read that the same SET depends on) and holds the lock until commit. So the next writer
gets its number only after this one committed: numbers follow commit order, and when a
reader sees N+1, N is already visible. Writers wait on each other only for that last
statement. `at` is kept on the counter too, so it never goes back.

The recording is wrapped around the store's transaction functions (`upsert_batch_recorded`,
`retract_recorded`): the same transaction runs the snapshots (graph/store/change_diff.py),
the write, and `append`. A retraction's snapshots are read from the graph around it
(`CypherSnapshot`); a batched upsert's come from the write's journal
(graph/store/neo4j/journal.py), since reading them would read every event of every
relation the batch touches, and those grow with the graph.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from typing import Any, TypeVar

from neo4j import ManagedTransaction

from graph.models import Extraction
from graph.store.change_diff import (
    ArticleState,
    Key,
    Scope,
    Snapshot,
    diff,
    recorded,
    retract_scope,
)
from graph.store.changes import ARTICLE_UPSERTED, Change, ChangeBody, ChangeFilter, now_text
from graph.store.neo4j.journal import Journal, Links
from graph.store.neo4j.records import summary_from, with_detail
from graph.store.neo4j.write_queries import DETAIL_COLUMN, kept_plan
from graph.store.protocol import EntitySummary, RetractSummary, UpsertSummary

T = TypeVar("T")

SCHEMA = (
    "CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (c:Change) REQUIRE c.seq IS UNIQUE",
    "CREATE CONSTRAINT change_counter_key IF NOT EXISTS "
    "FOR (k:ChangeCounter) REQUIRE k.key IS UNIQUE",
    "CREATE INDEX change_at IF NOT EXISTS FOR (c:Change) ON (c.at)",
)

_ARTICLES = (
    "UNWIND $ids AS id MATCH (a:Article {id: id}) "
    "CALL (a) { OPTIONAL MATCH (e:Entity)-[:MENTIONED_IN]->(a) RETURN collect(e.id) AS mentions } "
    "CALL (a) { MATCH (s:Entity)-[:MENTIONED_IN]->(a) MATCH (s)-[r]->(t:Entity) "
    "WHERE a.id IN r.sources "
    "RETURN collect(DISTINCT [s.id, type(r), t.id]) AS keys } "
    "RETURN a.id AS id, properties(a) AS props, mentions, keys"
)
# One record with every entity (decoding a record per entity costs the client more).
_ENTITIES = kept_plan(
    "UNWIND $ids AS id MATCH (e:Entity {id: id}) "
    "RETURN collect(e {.id, .type, .name, .unnamed, .count}) AS es"
)
_EVENTS = (
    "UNWIND $rows AS row "
    "MATCH (s:Entity {id: row[0]})-[r]->(t:Entity {id: row[2]}) WHERE type(r) = row[1] "
    "RETURN row AS key, r.event_id AS event_id, properties(r) AS props, "
    f"{DETAIL_COLUMN} AS detail"
)
# The last statement of a recording write: see the module docstring.
_APPEND = kept_plan(
    "MERGE (k:ChangeCounter {key: 'changes'}) ON CREATE SET k.seq = 0, k.at = '' "
    "SET k.seq = k.seq + size($rows) "
    "SET k.at = CASE WHEN $now > k.at THEN $now ELSE k.at END "
    "WITH k.seq - size($rows) AS base, k.at AS at "
    "UNWIND range(0, size($rows) - 1) AS i "
    "WITH base + i + 1 AS seq, at, $rows[i] AS row "
    "CREATE (:Change {seq: seq, at: at, kind: row.kind, article_id: row.article_id, "
    "body: row.body, entities: row.entities, fact_types: row.fact_types, "
    "fact_sources: row.fact_sources, fact_targets: row.fact_targets})"
)
HEAD = "OPTIONAL MATCH (k:ChangeCounter {key: 'changes'}) RETURN coalesce(k.seq, 0) AS head"
_PAGE = (
    "MATCH (c:Change) WHERE c.seq > $after AND c.seq <= $head "
    "AND ($at IS NULL OR c.at >= $at) "
    "AND ($entity IS NULL OR $entity IN c.entities) "
    "AND ($types IS NULL OR any(i IN range(0, size(c.fact_types) - 1) "
    "WHERE c.fact_types[i] IN $types AND ($actors IS NULL "
    "OR c.fact_sources[i] IN $actors OR c.fact_targets[i] IN $targets))) "
    "RETURN c.seq AS seq, c.at AS at, c.body AS body "
)
PAGE_ASC = _PAGE + "ORDER BY c.seq LIMIT $limit"
PAGE_DESC = _PAGE + "ORDER BY c.seq DESC LIMIT $limit"


def _digest(value: object) -> str:
    return hashlib.sha1(json.dumps(value, sort_keys=True, default=str).encode()).hexdigest()


class CypherSnapshot:
    """`graph.store.change_diff.SnapshotReader` over the open write transaction."""

    def __init__(self, tx: ManagedTransaction) -> None:
        self.tx = tx

    def articles(self, ids: list[str]) -> dict[str, ArticleState]:
        out = {}
        for r in self.tx.run(_ARTICLES, ids=ids):
            props = dict(r["props"])
            out[r["id"]] = ArticleState(
                exists=True,
                title=props.get("title"),
                fingerprint=_digest(props),
                mentions=frozenset(r["mentions"]),
                keys=frozenset((k[0], k[1], k[2]) for k in r["keys"]),
            )
        return out

    def entities(self, ids: list[str]) -> dict[str, EntitySummary]:
        if not ids:
            return {}
        record = self.tx.run(_ENTITIES, ids=ids).single()
        return {e["id"]: summary_from(e) for e in (record["es"] if record else [])}

    def events(self, keys: list[Key]) -> dict[Key, dict[str, str]]:
        out: dict[Key, dict[str, str]] = {key: {} for key in keys}
        if keys:
            for r in self.tx.run(_EVENTS, rows=[list(k) for k in keys]):
                key = (r["key"][0], r["key"][1], r["key"][2])
                out[key][r["event_id"] or ""] = _digest(with_detail(r["props"], r["detail"]))
        return out


def _row(body: ChangeBody) -> dict[str, Any]:
    return {
        "kind": body.kind,
        "article_id": body.article_id,
        "body": body.model_dump_json(),
        "entities": body.entity_ids(),
        "fact_types": [f.type for f in body.facts],
        "fact_sources": [f.source.id for f in body.facts],
        "fact_targets": [f.target.id for f in body.facts],
    }


def append(tx: ManagedTransaction, bodies: list[ChangeBody]) -> None:
    """Number and store the changes; must be the transaction's last statement (see the
    module docstring)."""
    if bodies:
        tx.run(_APPEND, rows=[_row(b) for b in bodies], now=now_text()).consume()


def _recorded(tx: ManagedTransaction, scope: Scope, write: Callable[[], T]) -> T:
    result, bodies = recorded(CypherSnapshot(tx), scope, write)
    append(tx, bodies)
    return result


Work = Callable[[ManagedTransaction, list[Extraction], Journal], list[UpsertSummary]]


def _article_states(
    props: dict[str, dict[str, Any]], links: dict[str, Links]
) -> dict[str, ArticleState]:
    return {
        aid: ArticleState(
            exists=True,
            title=p.get("title"),
            fingerprint=_digest(p),
            mentions=links[aid].mentions,
            keys=links[aid].keys,
        )
        for aid, p in props.items()
    }


def _snapshots(
    tx: ManagedTransaction,
    journal: Journal,
    before_props: dict[str, dict[str, Any]],
    after_props: dict[str, dict[str, Any]],
) -> tuple[Snapshot, Snapshot]:
    """Both snapshots of a batched upsert from its journal (graph/store/neo4j/journal.py):
    entities as the write locked them before it and as it left them; only an entity it
    did not lock (the far end of a relation an article reported before) is read."""
    ids: set[str] = set()
    for links in [*journal.before.values(), *journal.after.values()]:
        ids |= links.mentions
        ids |= {end for source, _, target in links.keys for end in (source, target)}
    unlocked = sorted(ids - set(journal.entities))
    now = CypherSnapshot(tx).entities(unlocked)
    before = dict(now)
    for eid in ids & set(journal.entities_after):
        now[eid] = summary_from(journal.entities_after[eid])
    for eid in ids & set(journal.entities):
        first = journal.entities[eid]
        if first is not None:
            before[eid] = summary_from(first)
    return (
        Snapshot(_article_states(before_props, journal.before), before, journal.events_before),
        Snapshot(_article_states(after_props, journal.after), now, journal.events_after),
    )


def upsert_batch_recorded(
    tx: ManagedTransaction, work: Work, batch: list[Extraction]
) -> list[UpsertSummary]:
    """`work(tx, batch, journal)` (the store's batched upsert, graph/store/neo4j/write.py)
    with one change per article recorded in the same transaction. The snapshots bracket
    the whole batch, so an entity or event new to the store is reported as added by each
    article of the batch that brought it (one transaction per article would credit the
    first only). They come from the write's journal: what its working set read before
    writing and what it wrote (graph/store/neo4j/journal.py), the articles' properties
    included; only the batch's entities are read here."""
    aids = [x.article.id for x in batch]
    journal = Journal()
    result = work(tx, batch, journal)
    before, after = _snapshots(tx, journal, journal.articles_before, journal.articles_after)
    refused = {x.article.id: x.refused for x in batch}
    bodies = [diff(ARTICLE_UPSERTED, a, before, after, refused[a]) for a in dict.fromkeys(aids)]
    append(tx, [b for b in bodies if b is not None])
    return result


def retract_recorded(
    tx: ManagedTransaction,
    work: Callable[[ManagedTransaction, str], RetractSummary],
    article_id: str,
) -> RetractSummary:
    """`work(tx, article_id)` (the store's retract transaction function) with its change
    recorded in the same transaction."""
    return _recorded(tx, retract_scope(article_id), lambda: work(tx, article_id))


def change_of(row: dict[str, Any]) -> Change:
    """A `Change` from a page row."""
    return Change.model_validate({**json.loads(row["body"]), "seq": row["seq"], "at": row["at"]})


def page_params(f: ChangeFilter) -> dict[str, Any]:
    """The driver parameters of PAGE_ASC / PAGE_DESC for a filter."""
    return {
        "after": f.after,
        "head": f.head,
        "at": f.at_or_after,
        "entity": f.entity,
        "types": None if f.types is None else list(f.types),
        "actors": None if f.actors is None else sorted(f.actors),
        "targets": None if f.targets is None else sorted(f.targets or ()),
        "limit": f.limit,
    }
