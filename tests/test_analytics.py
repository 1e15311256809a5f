"""Analytics (graph/analytics.py) over the gold corpora, on every backend."""

from __future__ import annotations

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
