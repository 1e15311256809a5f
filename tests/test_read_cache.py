"""A hub's wider neighbourhood is answered from a cache kept per store version
(graph/store/read_cache.py): asked again it is not read again, and any write makes the
next answer the new graph's. Both stores."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient
from pydantic import TypeAdapter
from test_hubs import HUB, _two_hop_hub, _warned

from api.app import create_app
from graph.settings import Settings
from graph.store import read_cache
from graph.store.hubs import HubLimits
from graph.store.protocol import GraphStore, Subgraph


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_a_wider_neighbourhood_is_read_once_per_version(
    store: GraphStore, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    _two_hop_hub(store)
    reads: list[int] = []
    real = type(store).neighbours

    def counted(self: GraphStore, *args: object, **kwargs: object) -> object:
        reads.append(1)
        return real(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(type(store), "neighbours", counted)
    client = TestClient(create_app(settings, store=store))
    url = f"/entities/{HUB}/neighborhood"
    first = client.get(url, params={"depth": 2})
    assert first.status_code == 200, first.text
    assert client.get(url, params={"depth": 2}).json() == first.json()
    assert len(reads) == 1  # the second answer came from the cache
    assert client.get(url, params={"depth": 2, "limit": 3}).status_code == 200
    assert len(reads) == 2  # other limits: another answer
    client.get(url, params={"depth": 1})
    client.get(url, params={"depth": 1})
    assert len(reads) == 4  # depth 1 is always read

    store.upsert(_warned(77, "late-warning"))  # a write: a new version
    grown = client.get(url, params={"depth": 2})
    assert len(reads) == 5
    assert "regulator:reg-77" in {n["id"] for n in grown.json()["nodes"]}
    want = store.neighbours(HUB, 2, limits=HubLimits())
    assert grown.json() == want.model_dump(mode="json")
    assert client.get("/entities/exchange:nobody/neighborhood?depth=2").status_code == 404


def test_cached_answers_are_the_store_s(store: GraphStore) -> None:
    """The cached function answers what the store answers, for every depth, asked once
    or again."""
    _two_hop_hub(store)
    for depth in (1, 2, 3):
        for direction in ("both", "in", "out"):
            limits = HubLimits(per_type=3, max_nodes=9)
            got, again = (
                read_cache.cached_neighbours_json(
                    store, HUB, depth, None, direction, limits, "shown"
                )
                for _ in range(2)
            )
            want = store.neighbours(HUB, depth, None, direction, limits, "shown")
            assert got == again == TypeAdapter(Subgraph).dump_json(want, by_alias=True)


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_the_kept_answer_is_the_json_sent_and_is_not_serialised_again(
    store: GraphStore, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The API keeps a wider neighbourhood as the bytes FastAPI's response model would
    write (read_cache.cached_neighbours_json): the same body and type, serialised once."""
    _two_hop_hub(store)
    dumps: list[int] = []
    real = read_cache.SUBGRAPH_JSON

    class Counting:
        def dump_json(self, value: Subgraph, **kwargs: Any) -> bytes:
            dumps.append(1)
            return real.dump_json(value, **kwargs)

    monkeypatch.setattr(read_cache, "SUBGRAPH_JSON", Counting())
    client = TestClient(create_app(settings, store=store))
    url = f"/entities/{HUB}/neighborhood"
    for depth in (2, 3):
        first = client.get(url, params={"depth": depth})
        again = client.get(url, params={"depth": depth})
        want = store.neighbours(HUB, depth, limits=HubLimits())
        assert first.content == again.content == TypeAdapter(Subgraph).dump_json(want)
        assert first.headers["content-type"] == "application/json"
    assert len(dumps) == 2  # once per depth
    one = client.get(url, params={"depth": 1})
    assert one.json() == store.neighbours(HUB, 1, limits=HubLimits()).model_dump(mode="json")
