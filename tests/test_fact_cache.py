"""The embedded store's cache of built fact records (graph/store/embedded/fact_cache.py):
a record is built once per generation, and no read after a write sees an older one."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path

import pytest

from graph.models import Article, Entity, Extraction, Relation
from graph.store.embedded import read
from graph.store.embedded.fact_cache import FactCache
from graph.store.embedded.store import EmbeddedStore
from graph.store.hubs import HubLimits
from graph.store.protocol import Fact

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


def _count_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The fact row ids the store builds from now on."""
    built: list[int] = []
    real = read.facts_map

    def counting(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, Fact]:
        out = real(conn, ids)
        built.extend(out)
        return out

    monkeypatch.setattr(read, "facts_map", counting)
    return built


def test_a_record_is_built_once_per_generation(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = EmbeddedStore(tmp_path)
    try:
        store.upsert(_warning("a-1", "The body fined the exchange."))
        built = _count_builds(monkeypatch)
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
        built = _count_builds(monkeypatch)
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
