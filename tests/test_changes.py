"""The change feed on both stores (fixture `store`): what each write records, its order,
its filters, and that it is written in the write's own transaction."""

from __future__ import annotations

import datetime as dt
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from test_store_conformance import article, ent, fine_extraction, rel

from graph.errors import InvalidInputError, NotFoundError
from graph.models import Extraction
from graph.store.changes import ARTICLE_RETRACTED, ARTICLE_UPSERTED, Change
from graph.store.embedded.db import DB_NAME
from graph.store.embedded.migrate import SCHEMA_VERSION
from graph.store.embedded.store import EmbeddedStore
from graph.store.protocol import GraphStore

SEC, BINANCE, US = "regulator:sec", "exchange:binance", "jurisdiction:united-states"
INDIA, RBI, WAZIRX = "jurisdiction:india", "centralbank:reserve-bank-of-india", "exchange:wazirx"


def india_ban(aid: str) -> Extraction:
    """An article stating 'the Reserve Bank of India banned WazirX'."""
    return Extraction(
        article=article(aid, "2024-03-01"),
        entities=[
            ent(RBI, "CentralBank", "Reserve Bank of India"),
            ent(WAZIRX, "Exchange", "WazirX"),
            ent(INDIA, "Jurisdiction", "India"),
        ],
        relations=[
            rel("BANNED", RBI, WAZIRX, "The RBI banned WazirX."),
            rel("LOCATED_IN", RBI, INDIA, "The RBI is India's central bank."),
        ],
    )


def everything(store: GraphStore, **filters: Any) -> list[Change]:
    return store.changes(limit=500, **filters).changes


def ops(change: Change) -> dict[str, set[str]]:
    """{op: entity ids and 'TYPE source' of facts} of a change, for compact assertions."""
    out: dict[str, set[str]] = {}
    for e in change.entities:
        out.setdefault(e.change, set()).add(e.entity.id)
    for f in change.facts:
        out.setdefault(f.change, set()).add(f"{f.type} {f.source.id}")
    return out


def test_an_upsert_records_what_it_added(store: GraphStore) -> None:
    store.upsert(fine_extraction("a1", "2024-01-02", "The SEC fined Binance."))
    (change,) = everything(store)
    assert (change.seq, change.kind, change.article_id) == (1, ARTICLE_UPSERTED, "a1")
    assert change.title == "title a1"
    assert ops(change) == {"added": {SEC, BINANCE, US, f"FINED {SEC}", f"LOCATED_IN {SEC}"}}
    fined = next(f for f in change.facts if f.type == "FINED")
    assert (fined.source.name, fined.target.name) == ("SEC", "Binance")
    assert fined.event_id == store.relations_of(SEC, ["FINED"])[0].event_id
    assert change.at.tzinfo is not None


def test_a_second_report_changes_what_exists_and_a_re_upsert_records_nothing(
    store: GraphStore,
) -> None:
    store.upsert(fine_extraction("a1", "2024-01-02", "The SEC fined Binance."))
    store.upsert(fine_extraction("a2", "2024-01-03", "Binance was fined by the SEC."))
    store.upsert(fine_extraction("a2", "2024-01-03", "Binance was fined by the SEC."))
    first, second = everything(store)
    assert second.seq == 2 and second.article_id == "a2"
    # the same entities and events, now with a second source: changed, none added
    assert ops(second) == {"changed": {SEC, BINANCE, US, f"FINED {SEC}", f"LOCATED_IN {SEC}"}}
    store.upsert(fine_extraction("a2", "2024-01-03", "Binance was fined again."))
    (third,) = store.changes(since=2).changes
    assert ops(third) == {"changed": {f"FINED {SEC}"}}  # its evidence changed, nothing else


def test_a_retraction_records_what_it_removed(store: GraphStore) -> None:
    store.upsert(fine_extraction("a1", "2024-01-02", "The SEC fined Binance."))
    store.upsert(india_ban("b1"))
    store.upsert(fine_extraction("a2", "2024-01-03", "Binance was fined by the SEC."))
    store.retract("a1")
    store.retract("b1")
    kept, gone = everything(store)[-2:]
    assert (kept.kind, kept.article_id, kept.title) == (ARTICLE_RETRACTED, "a1", "title a1")
    assert ops(kept) == {"changed": {SEC, BINANCE, US, f"FINED {SEC}", f"LOCATED_IN {SEC}"}}
    assert ops(gone) == {"removed": {RBI, WAZIRX, INDIA, f"BANNED {RBI}", f"LOCATED_IN {RBI}"}}
    with pytest.raises(NotFoundError):
        store.retract("b1")
    assert store.changes().next == 5  # a refused write records nothing


def test_sequence_paging_and_next_miss_nothing_and_repeat_nothing(store: GraphStore) -> None:
    for i in range(7):
        store.upsert(fine_extraction(f"a{i}", "2024-01-02", f"The SEC fined Binance ({i})."))
    seen: list[int] = []
    since = 0
    while True:
        page = store.changes(since=since, limit=3)
        seen += [c.seq for c in page.changes]
        if page.next == since:
            break
        since = page.next
    assert seen == list(range(1, 8))
    assert store.changes(since=7).changes == [] and store.changes(since=7).next == 7
    newest = store.changes(limit=2, newest_first=True).changes
    assert [c.seq for c in newest] == [7, 6]
    assert store.change(4) == everything(store)[3] and store.change(99) is None


def test_since_a_time_and_times_never_go_back(store: GraphStore) -> None:
    store.upsert(fine_extraction("a1", "2024-01-02", "The SEC fined Binance."))
    store.upsert(fine_extraction("a2", "2024-01-03", "The SEC fined Binance again."))
    first, second = everything(store)
    assert first.at <= second.at
    expected = [c.seq for c in (first, second) if c.at >= second.at]
    assert [c.seq for c in everything(store, since=second.at)] == expected
    assert [c.seq for c in everything(store, since=first.at)] == [1, 2]
    later = second.at + dt.timedelta(seconds=1)
    assert everything(store, since=later) == []
    assert [c.seq for c in everything(store, since=dt.datetime(2000, 1, 1))] == [1, 2]


def test_filters_by_entity_action_type_and_jurisdiction(store: GraphStore) -> None:
    store.upsert(fine_extraction("a1", "2024-01-02", "The SEC fined Binance."))
    store.upsert(india_ban("b1"))
    # "all actions in India": an action fact whose actor sits there (the /actions rule)
    assert [c.seq for c in everything(store, jurisdiction=INDIA)] == [2]
    assert [c.seq for c in everything(store, jurisdiction=US)] == [1]
    assert everything(store, jurisdiction=INDIA, action_type="FINED") == []
    assert everything(store, jurisdiction="jurisdiction:nowhere") == []
    store.retract("a1")
    assert [c.seq for c in everything(store, entity=BINANCE)] == [1, 3]
    assert [c.seq for c in everything(store, entity=WAZIRX)] == [2]
    assert everything(store, entity="exchange:not-yet-known") == []
    assert [c.seq for c in everything(store, action_type="FINED")] == [1, 3]
    assert [c.seq for c in everything(store, action_type="BANNED")] == [2]
    assert [c.seq for c in everything(store, entity=BINANCE, action_type="FINED")] == [1, 3]
    # places are those of the graph as it is now: a1 was all the store knew of the US
    assert everything(store, jurisdiction=US) == []


def test_bad_arguments_are_refused(store: GraphStore) -> None:
    with pytest.raises(InvalidInputError):
        store.changes(action_type="LOCATED_IN")
    with pytest.raises(InvalidInputError):
        store.changes(since=-1)


def _fail(*_: Any) -> None:
    raise RuntimeError("the change could not be stored")


def test_the_change_is_written_in_the_writes_own_transaction(
    store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When storing the change fails, the write is rolled back with it: never a write
    without its change (a subscriber would miss it) nor a change without its write."""
    from graph.store.embedded import changes as embedded_log
    from graph.store.neo4j import changes as neo4j_log

    store.upsert(fine_extraction("a1", "2024-01-02", "The SEC fined Binance."))
    module = embedded_log if store.kind == "embedded" else neo4j_log
    monkeypatch.setattr(module, "append", _fail)
    with pytest.raises(RuntimeError):
        store.upsert(india_ban("b1"))
    with pytest.raises(RuntimeError):
        store.retract("a1")
    monkeypatch.undo()
    assert store.get_article("b1") is None and store.get_entity(WAZIRX) is None
    assert store.get_article("a1") is not None
    assert [c.seq for c in everything(store)] == [1]
    store.upsert(india_ban("b1"))
    assert [c.article_id for c in everything(store)] == ["a1", "b1"]


def test_concurrent_writers_get_consecutive_numbers_in_commit_order(store: GraphStore) -> None:
    def write(n: int) -> None:
        for i in range(4):
            store.upsert(fine_extraction(f"t{n}-{i}", "2024-01-02", f"Fine {n} {i}."))

    threads = [threading.Thread(target=write, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    changes = everything(store)
    assert [c.seq for c in changes] == list(range(1, 17))
    assert sorted(c.article_id or "" for c in changes) == sorted(
        f"t{n}-{i}" for n in range(4) for i in range(4)
    )
    assert all(a.at <= b.at for a, b in zip(changes, changes[1:], strict=False))
    for n in range(4):  # one writer's articles in its own order
        mine = [c.article_id for c in changes if (c.article_id or "").startswith(f"t{n}-")]
        assert mine == [f"t{n}-{i}" for i in range(4)]


def test_both_stores_record_the_same_changes(
    both_stores: tuple[GraphStore, GraphStore],
    seed_gold: list[Extraction],
    dev_gold: list[Extraction],
) -> None:
    records = []
    for store in both_stores:
        for x in seed_gold + dev_gold:
            store.upsert(x)
        store.retract(dev_gold[0].article.id)
        store.upsert(dev_gold[0])
        records.append([c.model_dump(exclude={"at"}) for c in everything(store)])
    assert records[0] == records[1]
    assert len(records[0]) == len(seed_gold + dev_gold) + 2


def test_a_version_2_file_gets_an_empty_change_log(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path)
    store.upsert(fine_extraction("a1", "2024-01-02", "The SEC fined Binance."))
    store.close()
    conn = sqlite3.connect(tmp_path / DB_NAME)
    for table in ("changes", "change_entities", "change_facts"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("UPDATE meta SET value = 2 WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    store = EmbeddedStore(tmp_path)
    try:
        version = store._conn.execute("SELECT value FROM meta WHERE key = 'schema_version'")
        assert version.fetchone() == (SCHEMA_VERSION,)  # 6 since fact summaries
        assert everything(store) == [] and store.get_article("a1") is not None
        store.upsert(india_ban("b1"))
        assert [(c.seq, c.article_id) for c in everything(store)] == [(1, "b1")]
    finally:
        store.close()
