"""The embedded store's cache of built fact records (graph/store/embedded/fact_cache.py):
a record is built once per generation, and no read after a write sees an older one."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest
from store_support import count_built_facts

from graph.models import Article, Entity, Extraction, Relation
from graph.store.embedded.fact_cache import FactCache
from graph.store.embedded.store import EmbeddedStore
from graph.store.hubs import HubLimits

FIRM = "exchange:cached-exchange"
BODY = "regulator:caching-body"


def _warning(article: str, evidence: str, amount: float | None = None) -> Extraction:
    props = {} if amount is None else {"amount": amount, "currency": "USD"}
    return Extraction(
        article=Article(id=article, published="2024-03-01"),
        entities=[
            Entity(id=BODY, type="Regulator", name="Caching Body"),
            Entity(id=FIRM, type="Exchange", name="Cached Exchange"),
        ],
        relations=[
            Relation(type="FINED", source=BODY, target=FIRM, evidence=evidence, properties=props)
        ],
    )


def test_a_record_is_built_once_per_generation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = EmbeddedStore(tmp_path)
    try:
        store.upsert(_warning("a-1", "The body fined the exchange."))
        built = count_built_facts(monkeypatch)
        first = store.relations_page(FIRM)
        again = store.relations_page(FIRM)
        capped = store.neighbours(FIRM, limits=HubLimits())
        assert len(built) == 1
        assert first == again and capped.edges == first[1]
    finally:
        store.close()


@pytest.mark.parametrize(
    "read_facts",
    [
        lambda s: s.relations_page(FIRM)[1],
        lambda s: s.neighbours(FIRM, limits=HubLimits()).edges,
        lambda s: s.neighbours(FIRM).edges,
        lambda s: s.in_force(FIRM).jurisdictions[0].actions if s.in_force(FIRM).total else [],
        lambda s: s.actions(target=FIRM),
    ],
)
def test_a_read_after_a_write_sees_the_new_record(tmp_path: Path, read_facts: object) -> None:
    """Each read that goes through the cache shows the report an article written after
    the first read added to the same event (same row: the cached record is the old one)."""
    store = EmbeddedStore(tmp_path)
    try:
        store.upsert(_warning("a-1", "The body fined the exchange."))
        before = read_facts(store)  # type: ignore[operator]
        assert [f.sources for f in before] == [["a-1"]]
        store.upsert(_warning("a-2", "The exchange was fined."))
        after = read_facts(store)  # type: ignore[operator]
        assert [f.sources for f in after] == [["a-1", "a-2"]]
        assert after[0].event_id == before[0].event_id
    finally:
        store.close()


def test_the_cache_follows_the_newest_generation_and_stays_bounded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = EmbeddedStore(tmp_path)
    try:
        for i in range(6):
            store.upsert(_warning(f"a-{i}", f"Fine number {i}.", 1_000_000 * (i + 1)))
        conn = sqlite3.connect(tmp_path / "cryptoreg.sqlite3")
        ids = [r[0] for r in conn.execute("SELECT id FROM facts ORDER BY id")]
        assert len(ids) == 6
        built = count_built_facts(monkeypatch)
        cache = FactCache(limit=4)
        cache.facts(conn, 7, ids[:2])
        assert cache.facts(conn, 7, ids[:2]).keys() == set(ids[:2]) and len(built) == 2
        cache.facts(conn, 6, ids[:2])  # an older snapshot: built, not kept
        cache.facts(conn, 7, ids[:2])
        assert len(built) == 4
        cache.facts(conn, 8, ids[:1])  # a newer one: the cache starts afresh
        cache.facts(conn, 8, ids[:1])
        cache.facts(conn, 7, ids[:1])
        assert len(built) == 6
        got = cache.facts(conn, 8, ids)  # past the limit: the newest half is kept
        assert sorted(got) == ids and len(built) == 11
        built.clear()
        cache.facts(conn, 8, ids)
        assert len(built) == 4
        conn.close()
    finally:
        store.close()


def _report(i: int) -> Extraction:
    """Article i: one of five bodies warns or fines the firm (now and then with an amount,
    a new event; else a report joining the relation's event)."""
    body = f"regulator:caching-body-{i % 5}"
    rel_type = "FINED" if i % 2 else "WARNED"
    props = {"amount": 1000 * (i % 7 + 1), "currency": "USD"} if i % 3 == 0 else {}
    return Extraction(
        article=Article(id=f"r-{i:04d}", published=f"2024-{i % 12 + 1:02d}-01"),
        entities=[
            Entity(id=body, type="Regulator", name=f"Caching Body {i % 5}"),
            Entity(id=FIRM, type="Exchange", name="Cached Exchange"),
        ],
        relations=[
            Relation(
                type=rel_type, source=body, target=FIRM, evidence=f"Report {i}.", properties=props
            )
        ],
    )


def test_cached_records_agree_with_fresh_ones_while_a_writer_commits(tmp_path: Path) -> None:
    """Readers compare, inside one snapshot each, the firm's relations (through the cache)
    with the same facts built afresh by the export iterator, while a writer commits a new
    generation with every article: a cached record never outlives its generation."""
    store = EmbeddedStore(tmp_path)
    store.upsert(_report(0))
    done = threading.Event()
    problems: list[str] = []
    reads = [0, 0, 0]

    def read(slot: int) -> None:
        while not done.is_set():
            with store._snapshot():
                cached = store.relations_of(FIRM)
                fresh = [f for f in store.iter_facts() if FIRM in (f.source.id, f.target.id)]
            if cached != fresh:
                problems.append(f"{len(cached)} cached records differ from {len(fresh)} fresh")
            reads[slot] += 1

    threads = [threading.Thread(target=read, args=(n,)) for n in range(3)]
    try:
        for t in threads:
            t.start()
        for i in range(1, 80):
            store.upsert(_report(i))
        done.set()
        for t in threads:
            t.join(timeout=60)
        assert problems == []
        assert min(reads) >= 2, reads
        assert store.relations_of(FIRM) == [
            f for f in store.iter_facts() if FIRM in (f.source.id, f.target.id)
        ]
    finally:
        done.set()
        store.close()
