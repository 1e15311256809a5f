"""How the Neo4j batch write builds and sends its rows (issue 16, point 1).

* an event's relationship properties (`event_props`, built without a `Fact` record) are
  the fields `fact_of_event` gives the event's `Fact`, value for value and type for type;
* the relation reads run each relation type's rows in a branch of their own, not every
  row through a branch per type;
* an ingest batch locks its ids, keeps its extractions and reads the judgements in one
  statement, and still keeps every extraction.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from typing import Any, cast

import pytest
from test_neo4j_batch import synthetic
from test_order_independence import CORPUS

from graph.models import Extraction
from graph.store.events import Support, events_of
from graph.store.neo4j import judgements as judged
from graph.store.neo4j import write_queries as q
from graph.store.neo4j.records import event_props, sources_json, support_of
from graph.store.neo4j.store import Neo4jStore
from graph.store.neo4j.write import upsert_batch_tx
from graph.store.protocol import EntitySummary
from graph.store.provenance import fact_of_event


def _supports(xs: list[Extraction]) -> dict[tuple[str, str, str], list[Support]]:
    out: dict[tuple[str, str, str], list[Support]] = {}
    for x in xs:
        for r in x.relations:
            out.setdefault(r.key, []).append(support_of(x.article.id, x.article.published, r))
    return out


def _varied(seed: int) -> list[Support]:
    """Reports of one relation with every field varied: dates of all precisions or none,
    seen or not, confidences, amounts, endings and properties of their own."""
    rnd = random.Random(seed)
    out = []
    for k in range(rnd.randint(1, 6)):
        props: dict[str, Any] = {}
        if rnd.random() < 0.4:
            props["amount"], props["currency"] = rnd.choice([5e6, 1.2e7]), rnd.choice(["usd", ""])
        if rnd.random() < 0.3:
            props["status"], props["ended_how"] = "ended", rnd.choice(["lifted", "settled"])
            props["ended_on"] = rnd.choice([None, "2024-05", "2024-06-02"])
        if rnd.random() < 0.3:
            props[rnd.choice(["note", "license_type", "bad key"])] = rnd.choice(["x", 3, 2.5])
        out.append(
            Support(
                article_id=f"a-{seed}-{k}",
                evidence=rnd.choice([None, "", "It was fined."]),
                seen=rnd.choice([None, dt.date(2024, 3, 1), dt.date(2024, 7, 9)]),
                confidence=rnd.choice([0.5, 0.75, 0.9]),
                date=rnd.choice([None, "2024", "2024-03", "2024-03-05", "2023-11"]),
                properties=props,
            )
        )
    return out


def test_event_props_are_the_fields_of_the_fact_of_the_event() -> None:
    xs = [*CORPUS, *(synthetic(i) for i in range(300))]
    relations = list(_supports(xs).items())
    relations += [(("ent-a", "FINED", "ent-b"), _varied(seed)) for seed in range(300)]
    checked = 0
    for (source, rel_type, target), supports in relations:
        for view, group in events_of(source, rel_type, target, supports):
            props = event_props(rel_type, source, target, view, group)
            fact = fact_of_event(
                rel_type,
                EntitySummary(id=source, type="", name=""),
                EntitySummary(id=target, type="", name=""),
                view,
                group,
            )
            expected: dict[str, Any] = {
                "event_id": fact.event_id,
                "sources": fact.sources,
                "evidence": fact.evidence,
                "first_seen": fact.first_seen,
                "last_seen": fact.last_seen,
                "confidence": fact.confidence,
                "date": fact.date,
                "status": fact.status,
                "ended_how": fact.ended_how,
                "ended_on": fact.ended_on,
                "in_force_from": fact.in_force_from,
                "in_force_until": fact.in_force_until,
                "history_status": [h.status for h in fact.history],
                "history_how": [h.how or "" for h in fact.history],
                "history_on": [h.on or "" for h in fact.history],
                "history_sources_json": [sources_json(h.sources) for h in fact.history],
                "properties": json.dumps(fact.properties),
            }
            for key, value in expected.items():
                assert props[key] == value, (key, props[key], value)
                assert type(props[key]) is type(value), (key, props[key], value)
            checked += 1
    assert checked > 400


def test_relation_reads_give_each_type_its_own_rows() -> None:
    rows = [
        {"source": "a", "type": "FINED", "target": "b"},
        {"source": "c", "type": "SUED", "target": "d"},
        {"source": "e", "type": "FINED", "target": "f"},
    ]
    assert q.rows_by_type(rows) == {"FINED": [rows[0], rows[2]], "SUED": [rows[1]]}
    for query in (q.FACT_STATE, q.FACT_HEADS, q.FACT_BESIDE):
        text = q.by_row_type(query)
        assert "row.type = '" not in text  # no per-row filter of a branch per type
        assert f"${q.BY_TYPE}.FINED AS row" in text


class _Recording:
    """A transaction that records the text of every statement run through it."""

    def __init__(self, tx: Any) -> None:
        self.tx, self.queries = tx, cast(list[str], [])

    def run(self, query: str, *args: Any, **params: Any) -> Any:
        self.queries.append(query)
        return self.tx.run(query, *args, **params)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.tx, name)


@pytest.mark.neo4j
def test_an_ingest_batch_locks_keeps_and_reads_judgements_in_one_statement(
    neo4j: Neo4jStore,
) -> None:
    first, second = [synthetic(i) for i in range(5)], [synthetic(i) for i in range(3, 9)]
    queries: list[str] = []

    def work(tx: Any, batch: list[Extraction]) -> Any:
        recording = _Recording(tx)
        out = judged.upsert_batch_judged(cast(Any, recording), upsert_batch_tx, batch)
        queries.extend(recording.queries)
        return out

    for batch in (first, second):
        queries.clear()
        neo4j.write(work, batch)
        assert queries.count(judged._LOCK_KEEP_LOAD) == 1
        assert not {judged._LOCK_IDS, judged._KEEP, judged.LOAD} & set(queries)
    kept = neo4j.read("MATCH (x:Extraction) RETURN x.article_id AS id ORDER BY id")
    assert [r["id"] for r in kept] == sorted({x.article.id for x in first + second})
