"""The cheap read paths give the answers of the full ones (issue 16 point 3).

* `entity_summary` (what a read that only checks an id or names an entity reads) is the
  summary of the entity's full record, and None for an unknown id;
* a page of `actions` by actor or by target (Neo4j seeks that entity and builds only the
  page's rows) is the same slice of the whole ordered answer;
* graph/store/neo4j/rows.py `record_dict` is `Record.data()`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from neo4j import Record
from neo4j.spatial import CartesianPoint
from neo4j.time import Date, DateTime, Duration
from test_store_conformance import fine_extraction

from graph.models import Extraction
from graph.store.neo4j.rows import record_dict
from graph.store.protocol import GraphStore


def test_entity_summary_is_the_records_summary(
    store: GraphStore, seed_gold: list[Extraction]
) -> None:
    for extraction in seed_gold:
        store.upsert(extraction)
    records = list(store.iter_entities())
    assert records
    for record in records:
        e = record.entity
        summary = store.entity_summary(e.id)
        assert summary is not None
        assert (summary.id, summary.type, summary.name, summary.unnamed, summary.count) == (
            e.id,
            e.type,
            e.name,
            e.unnamed,
            e.count,
        )
    assert store.entity_summary("exchange:no-such-exchange") is None


def test_action_pages_by_actor_and_target_slice_the_whole_answer(store: GraphStore) -> None:
    days = ["2021-03-01", "2022-05-02", None, "2020-01-09", "2023-07-04", "2022-05-02"]
    for i, day in enumerate(days):
        extraction = fine_extraction(f"a{i}", "2024-01-02", f"The SEC fined Binance ({i}).")
        if day is not None:
            extraction.relations[0].date = day
        store.upsert(extraction)
    for query in ({"actor": "regulator:sec"}, {"target": "exchange:binance"}):
        whole = store.actions(**query, limit=100)  # type: ignore[arg-type]
        assert len(whole) >= 2
        paged = [
            f
            for offset in range(0, len(whole), 2)
            for f in store.actions(**query, limit=2, offset=offset)  # type: ignore[arg-type]
        ]
        assert [f.model_dump() for f in paged] == [f.model_dump() for f in whole]
    assert store.actions(actor="regulator:no-such-regulator") == []
    assert store.actions(target="exchange:no-such-exchange") == []


def _record(values: dict[str, Any]) -> Record:
    return Record(values)  # type: ignore[no-untyped-call]


def test_record_dict_is_record_data() -> None:
    records: list[Record] = [
        _record({"a": 1, "b": [1.5, {"x": "y", "n": None}], "c": True, "s": "text"}),
        _record({"d": Date(2024, 1, 2), "t": DateTime(2024, 1, 2, 3, 4, 5), "u": Duration(days=1)}),
        _record({"nested": [[{"k": [Date(2020, 5, 6)]}]], "empty": [], "m": {}}),
        _record({"point": CartesianPoint((1.0, 2.0)), "n": 3}),  # not plain: data() itself
        _record({"tuple": (1, 2), "py_date": dt.date(2024, 1, 2)}),
    ]
    for record in records:
        assert record_dict(record) == record.data()
        assert repr(record_dict(record)) == repr(record.data())
