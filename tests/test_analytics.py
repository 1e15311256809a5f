"""Analytics (graph/analytics.py) over the gold corpora, on every backend."""

from __future__ import annotations

import datetime as dt
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from graph.models import Article, Entity, Extraction, Relation
from graph.ontology import REL, TYPE
from graph.settings import Settings
from graph.store import analytics
from graph.store.protocol import GraphStore


def test_central_entities(loaded_store: GraphStore) -> None:
    top = analytics.central_entities(loaded_store, limit=5)
    assert [c.entity.id for c in top][:2] == [
        "exchange:binance",
        "regulator:financial-intelligence-unit-india",
    ]
    assert [c.pagerank for c in top] == sorted((c.pagerank for c in top), reverse=True)
    assert top[0].degree == 39
    jurisdictions = analytics.central_entities(loaded_store, limit=3, entity_type="Jurisdiction")
    assert all(c.entity.type == "Jurisdiction" for c in jurisdictions)
    everyone = analytics.central_entities(loaded_store, limit=10_000)
    assert abs(sum(c.pagerank for c in everyone) - 1.0) < 1e-3


def test_most_acted_against(loaded_store: GraphStore) -> None:
    top = analytics.most_acted_against(loaded_store, limit=3)
    assert [r.entity.id for r in top] == [
        "exchange:binance",
        "exchange:kucoin",
        "exchange:coinbase",
    ]
    binance = top[0]
    assert "LICENSED" not in binance.by_type and sum(binance.by_type.values()) == binance.actions
    assert binance.actors >= 10 and binance.sources >= 7
    licensed = analytics.most_acted_against(loaded_store, action_types=["LICENSED"], limit=100)
    assert {r.entity.id for r in licensed} >= {"exchange:binance", "exchange:bitkub"}
    assert all(not r.entity.unnamed for r in top)


def test_communities(loaded_store: GraphStore) -> None:
    found = analytics.communities(loaded_store)
    assert found and [c.size for c in found] == sorted((c.size for c in found), reverse=True)
    members = [m.id for c in found for m in c.members]
    assert len(members) == len(set(members))  # a partition
    assert not any(m.unnamed for c in found for m in c.members)
    home = next(c for c in found if "exchange:okx" in {m.id for m in c.members})
    assert "centralbank:peoples-bank-of-china" in {m.id for m in home.members}
    assert analytics.communities(loaded_store) == found  # fixed seed: same answer


# --- cached per store version (issue 17, point 3) ----------------------------------------


def _article(article_id: str, actor: str, targets: list[str]) -> Extraction:
    """One article: regulator `actor` banning each of `targets` (exchanges)."""
    entities = [Entity(id=f"regulator:{actor}", type=TYPE.regulator, name=actor.title())]
    entities += [Entity(id=f"exchange:{t}", type=TYPE.exchange, name=t.title()) for t in targets]
    return Extraction(
        article=Article(id=article_id, title=f"{actor} bans", published=dt.date(2024, 1, 2)),
        entities=entities,
        relations=[
            Relation(
                type=REL.banned,
                source=f"regulator:{actor}",
                target=f"exchange:{t}",
                evidence=f"{actor} banned {t}.",
            )
            for t in targets
        ],
    )


def _ids(rows: list[analytics.CentralEntity]) -> set[str]:
    return {r.entity.id for r in rows}


def test_cached_analytics_follow_upserts_and_retracts(store: GraphStore) -> None:
    store.upsert(_article("c1", "alpha", ["north", "south"]))
    cache = analytics.cache_of(store)
    first = analytics.cached_central_entities(store, limit=100)
    assert _ids(first) == {"regulator:alpha", "exchange:north", "exchange:south"}
    computed = cache.computed
    assert analytics.cached_central_entities(store, limit=100) == first
    assert cache.computed == computed  # answered from the cache
    store.upsert(_article("c2", "beta", ["north", "east"]))
    grown = analytics.cached_central_entities(store, limit=100)
    assert {"regulator:beta", "exchange:east"} <= _ids(grown)
    assert grown == analytics.central_entities(store, limit=100)
    acted = analytics.cached_most_acted_against(store, limit=1)
    assert acted[0].entity.id == "exchange:north" and acted[0].actions == 2
    store.retract("c2")
    shrunk = analytics.cached_central_entities(store, limit=100)
    assert _ids(shrunk) == _ids(first)
    assert analytics.cached_most_acted_against(store, limit=1)[0].actions == 1
    assert analytics.cached_communities(store) == analytics.communities(store)
    filtered = analytics.cached_central_entities(store, limit=1, entity_type=TYPE.exchange)
    assert filtered == analytics.central_entities(store, limit=1, entity_type=TYPE.exchange)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_parallel_central_requests_compute_once(
    store: GraphStore, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from fastapi.testclient import TestClient

    from api.app import create_app

    store.upsert(_article("p1", "gamma", ["west", "east"]))
    calls: list[int] = []
    ranking = analytics.central_ranking

    def slow_ranking(s: GraphStore) -> list[analytics.CentralEntity]:
        calls.append(1)
        time.sleep(0.5)  # long enough for the second request to arrive meanwhile
        return ranking(s)

    monkeypatch.setattr(analytics, "central_ranking", slow_ranking)
    with (
        TestClient(create_app(settings, store=store)) as client,
        ThreadPoolExecutor(2) as pool,
    ):
        answers = list(pool.map(lambda _: client.get("/analytics/central"), range(2)))
        assert [a.status_code for a in answers] == [200, 200]
        assert answers[0].json() == answers[1].json()
        assert len(calls) == 1
        store.upsert(_article("p2", "delta", ["west"]))  # a write: computed again, once
        answers = list(pool.map(lambda _: client.get("/analytics/central"), range(2)))
        assert "regulator:delta" in {r["entity"]["id"] for r in answers[0].json()}
        assert len(calls) == 2
