"""The Neo4j store's judgements, and the extractions kept as they arrived.

Graph model::

    (:Judgement {id, kind, entity, other, name, note, at})
    (:JudgementCounter {key: 'judgements', seq})
    (:Extraction {article_id, body, ids})   the article's extraction as it arrived

Same semantics as graph/store/embedded/judgements.py. Every upsert batch goes through
`upsert_batch_judged`: the stored judgements are read in the write transaction, the
extractions are kept as they arrived (`body`, without article and refused facts; `ids`,
the entity ids they gave) and written under the judgements by the store's own batched
write and change recording (graph/store/neo4j/changes.py). Recording or undoing a
judgement first takes the write lock of the one counter node, so judgement writers take
turns and each checks against the judgements the one before it committed; then, in the
same transaction, it replays every article whose kept extraction names, or that
mentions, an id the judgement moves.

An ingest and a judgement never interleave on the ids they share (there is no global
lock): both write-lock the entity nodes that decide where an incoming id lands before
they read the judgements (`_lock_ids`): an ingest its extractions' ids and where the
judgements send them (read again until that set stops growing), a judgement write the
ids it names and those merged into them. So an ingest that came first is replayed by
the judgement (which waits for it and then reads its kept extraction), and one that
came second waits and reads the new judgements.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from neo4j import ManagedTransaction

from graph.errors import NotFoundError
from graph.models import Extraction
from graph.store.change_diff import recorded, upsert_scope
from graph.store.changes import JUDGEMENT_RECORDED, JUDGEMENT_UNDONE, ChangeBody, now_text
from graph.store.judgements import Judgement, JudgementIn, Rules, kept_body, kept_extraction
from graph.store.judging import judgement_body
from graph.store.neo4j import changes as log
from graph.store.neo4j import review
from graph.store.neo4j.changes import CypherSnapshot
from graph.store.neo4j.lookup import Neo4jLookup
from graph.store.neo4j.records import article_from, summary_from
from graph.store.neo4j.write import upsert_batch_tx
from graph.store.neo4j.write_queries import kept_plan
from graph.store.protocol import EntitySummary, RetractSummary, UpsertSummary

SCHEMA = (
    "CREATE CONSTRAINT judgement_id IF NOT EXISTS FOR (j:Judgement) REQUIRE j.id IS UNIQUE",
    "CREATE CONSTRAINT judgement_counter_key IF NOT EXISTS "
    "FOR (k:JudgementCounter) REQUIRE k.key IS UNIQUE",
    "CREATE CONSTRAINT extraction_article IF NOT EXISTS "
    "FOR (x:Extraction) REQUIRE x.article_id IS UNIQUE",
)

LOAD = (
    "MATCH (j:Judgement) RETURN j {.id, .kind, .entity, .other, .name, .note, .at} AS j "
    "ORDER BY j.id"
)
# rows {id, body, ids}: the extractions of a batch as they arrived
_KEEP = (
    "UNWIND $rows AS row MERGE (x:Extraction {article_id: row.id}) "
    "SET x.body = row.body, x.ids = row.ids"
)
_DROP = "MATCH (x:Extraction {article_id: $id}) DELETE x"
STORED = (
    "UNWIND $ids AS id MATCH (x:Extraction {article_id: id}) MATCH (a:Article {id: id}) "
    "RETURN id, x.body AS body, properties(a) AS props"
)
_TOUCHING = (
    "CALL () { MATCH (x:Extraction) WHERE any(i IN x.ids WHERE i IN $ids) "
    "RETURN x.article_id AS id "
    "UNION MATCH (e:Entity)-[:MENTIONED_IN]->(a:Article) WHERE e.id IN $ids "
    "RETURN a.id AS id } RETURN DISTINCT id ORDER BY id"
)
_NEXT_ID = (
    "MERGE (k:JudgementCounter {key: 'judgements'}) ON CREATE SET k.seq = 0 "
    "SET k.seq = k.seq + 1 RETURN k.seq AS id"
)
_LOCK = (
    "MERGE (k:JudgementCounter {key: 'judgements'}) ON CREATE SET k.seq = 0 "
    "SET k.undone = coalesce(k.undone, 0) + 1"
)
# takes the node's write lock for the rest of the transaction, leaving no property behind
_LOCK_EACH = "UNWIND $ids AS id MATCH (e:Entity {id: id}) SET e._lock = true REMOVE e._lock"
_LOCK_IDS = kept_plan(_LOCK_EACH)
# An ingest's first round of `_lock_ids` as one statement (one round trip instead of
# three): lock the ids, keep the batch's extractions (`_KEEP`), read the judgements.
_LOCK_KEEP_LOAD = f"CALL () {{ {_LOCK_EACH} }} CALL () {{ {_KEEP} }} {LOAD}"
_CREATE = "CREATE (j:Judgement) SET j = $props"
_DELETE = "MATCH (j:Judgement {id: $id}) DELETE j"
_ENTITIES = (
    "UNWIND $ids AS id MATCH (e:Entity {id: id}) "
    "RETURN e {.id, .type, .name, .unnamed, .count} AS e ORDER BY e.id"
)

Rows = Callable[..., Any]


def judgements_from(rows: Any) -> list[Judgement]:
    return [Judgement.model_validate(dict(r["j"])) for r in rows]


def stored_from(rows: Any) -> dict[str, Extraction]:
    return {r["id"]: kept_extraction(r["body"], article_from(r["props"])) for r in rows}


def upsert_batch_judged(
    tx: ManagedTransaction, work: log.Work, batch: list[Extraction]
) -> list[UpsertSummary]:
    """Keep the batch's extractions as they arrived, then write and record them under
    the stored judgements (the transaction function of the store's upserts)."""
    rows = [
        {"id": x.article.id, "body": kept_body(x), "ids": sorted({e.id for e in x.entities})}
        for x in batch
    ]
    rules = _lock_ids(tx, {e.id for x in batch for e in x.entities}, keep=rows)
    return log.upsert_batch_recorded(tx, work, [rules.apply(x) for x in batch])


def _lock_ids(
    tx: ManagedTransaction, ids: set[str], keep: list[dict[str, Any]] | None = None
) -> Rules:
    """Lock the entity nodes of `ids` and of where the judgements send them, then the
    judgements as they are once those locks are held (see the module docstring). `ids`
    are locked before the judgements are first read: with no judgement moving them (the
    usual case) one read of the judgements does. `keep`: an ingest's extractions to keep
    (`_KEEP`'s rows), written by the first round's statement."""
    locked: set[str] = set()
    todo = set(ids)
    while True:
        if keep is not None:
            found = tx.run(_LOCK_KEEP_LOAD, ids=sorted(todo), rows=keep)
            locked |= todo
            keep = None
        else:
            if todo:
                tx.run(_LOCK_IDS, ids=sorted(todo)).consume()
                locked |= todo
            found = tx.run(LOAD)
        rules = Rules(judgements_from(found))
        want = set(ids)
        for eid in ids:
            target = rules.target(eid)
            want |= {target} | rules.group(target)
            want |= {s.other for (of, _), s in rules.splits.items() if of == target and s.other}
        todo = want - locked
        if not todo:
            return rules


def retract_recorded(
    tx: ManagedTransaction,
    work: Callable[[ManagedTransaction, str], RetractSummary],
    article_id: str,
) -> RetractSummary:
    """Forget the article's kept extraction, then retract it (recorded)."""
    tx.run(_DROP, id=article_id).consume()
    return log.retract_recorded(tx, work, article_id)


def _replay(
    tx: ManagedTransaction, ids: set[str], current: Rules, kind: str, own: ChangeBody
) -> None:
    """Write the kept extractions of the articles touching `ids` again under `current`,
    recording `own` (the judgement's change) and one change per article moved; review
    decisions follow the reports they were on (graph/store/review_carry.py)."""
    decided = review.decided_reports_tx(tx)
    aids = [r["id"] for r in tx.run(_TOUCHING, ids=sorted(ids))]
    kept = stored_from(tx.run(STORED, ids=aids)) if aids else {}
    batch = [current.apply(kept[aid]) for aid in sorted(kept)]
    bodies: list[ChangeBody] = []
    if batch:
        scope = upsert_scope(batch, lambda x: Neo4jLookup(tx, x))
        scope = dataclasses.replace(scope, kind=kind)
        _, bodies = recorded(CypherSnapshot(tx), scope, lambda: upsert_batch_tx(tx, batch))
    log.append(tx, [own, *bodies, *review.carry_decisions_tx(tx, decided)])


def _summaries(tx: ManagedTransaction, ids: set[str]) -> list[EntitySummary]:
    return [summary_from(r["e"]) for r in tx.run(_ENTITIES, ids=sorted(ids))]


def record_tx(
    tx: ManagedTransaction, request: JudgementIn, found: dict[str, EntitySummary]
) -> Judgement:
    """Check, store and apply a judgement (a transaction function)."""
    record = tx.run(_NEXT_ID).single()
    jid = int(record["id"]) if record else 1
    before = _lock_ids(tx, {request.entity, *([request.other] if request.other else [])})
    before.check(request, found)
    j = Judgement(id=jid, at=now_text(), **request.model_dump())
    tx.run(_CREATE, props=j.model_dump()).consume()
    after = Rules([*before.all, j])
    own = judgement_body(JUDGEMENT_RECORDED, j, found.values())
    _replay(tx, after.replay_ids(j, before), after, JUDGEMENT_RECORDED, own)
    return j


def undo_tx(tx: ManagedTransaction, judgement_id: int) -> Judgement:
    """Delete a judgement and replay what it moved (a transaction function)."""
    tx.run(_LOCK).consume()
    gone = [j for j in judgements_from(tx.run(LOAD)) if j.id == judgement_id]
    if not gone:
        raise NotFoundError(f"no judgement {judgement_id}")
    (j,) = gone
    before = _lock_ids(tx, {j.entity, *([j.other] if j.other else [])})
    tx.run(_DELETE, id=judgement_id).consume()
    after = Rules([x for x in before.all if x.id != judgement_id])
    ids = after.replay_ids(j, before)
    own = judgement_body(JUDGEMENT_UNDONE, j, _summaries(tx, ids | {j.entity}))
    _replay(tx, ids, after, JUDGEMENT_UNDONE, own)
    return j
