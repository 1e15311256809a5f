"""Shortest paths on the embedded store: the same answers as networkx's full search, found
by a search that stops at the target's level, with each fact read once (issue 16 point 3:
`GET /paths` at 2,000 articles spent its time in a breadth-first search of the whole
component and in one fact read per path)."""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph.ids import entity_id
from graph.models import Article, Entity, Extraction, Relation
from graph.ontology import REL, TYPE
from graph.store.embedded import read as rd
from graph.store.embedded.store import EmbeddedStore
from graph.store.embedded.view import GraphView


def _view(edges: list[tuple[str, str]], nodes: int) -> GraphView:
    view = GraphView.__new__(GraphView)
    g: nx.MultiDiGraph = nx.MultiDiGraph()
    g.add_nodes_from(f"n{i}" for i in range(nodes))
    for fid, (s, o) in enumerate(edges):
        g.add_edge(s, o, fid, type="T", fact=fid)
    view.graph = g
    return view


def _reference(view: GraphView, a: str, b: str, max_length: int) -> list[list[str]]:
    """networkx's answer over the whole undirected graph, cut at max_length."""
    try:
        paths = sorted(nx.all_shortest_paths(view.graph.to_undirected(as_view=True), a, b))
    except nx.NetworkXNoPath:
        return []
    return paths if len(paths[0]) - 1 <= max_length else []


@pytest.mark.parametrize("seed", range(12))
def test_paths_equal_networkx_on_random_multigraphs(seed: int) -> None:
    rng = random.Random(seed)
    n = rng.randrange(5, 40)
    edges = [
        (f"n{rng.randrange(n)}", f"n{rng.randrange(n)}") for _ in range(rng.randrange(n, 3 * n))
    ]
    view = _view(edges, n)
    for _ in range(30):
        a, b, cut = f"n{rng.randrange(n)}", f"n{rng.randrange(n)}", rng.randrange(1, 5)
        got = view.shortest_paths(a, b, cut)
        assert [p for p, _ in got] == _reference(view, a, b, cut), (a, b, cut)
        for path, facts in got:  # every fact joining consecutive nodes, either direction
            joined = {
                fid
                for u, v in zip(path, path[1:], strict=False)
                for fid, (s, o) in enumerate(edges)
                if {s, o} == {u, v}
            }
            assert facts == joined


def test_the_search_stops_at_the_targets_level(monkeypatch: pytest.MonkeyPatch) -> None:
    """a - m - b, and a hub next to a joined to 2,000 nodes: only a, m and the hub (the
    nodes closer to a than b is) are expanded, not the hub's 2,000 neighbours."""
    edges = [("n0", "n1"), ("n1", "n2"), ("n0", "n3")]
    edges += [("n3", f"n{i}") for i in range(4, 2004)]
    view = _view(edges, 2004)
    expanded: list[str] = []
    real = view.undirected_neighbours

    def counting(node: str) -> list[str]:
        expanded.append(node)
        return real(node)

    monkeypatch.setattr(view, "undirected_neighbours", counting)
    assert [p for p, _ in view.shortest_paths("n0", "n2", 4)] == [["n0", "n1", "n2"]]
    assert sorted(expanded) == ["n0", "n1", "n3"]
    expanded.clear()
    assert view.shortest_paths("n0", "n2", 1) == []  # b is 2 hops away: never reached
    assert expanded == ["n0"]


def _extraction(i: int, exchanges: list[str]) -> Extraction:
    reg = Entity(
        id=entity_id(TYPE.regulator, "Paths Authority"), type=TYPE.regulator, name="Paths Authority"
    )
    land = Entity(
        id=entity_id(TYPE.jurisdiction, "Pathland"), type=TYPE.jurisdiction, name="Pathland"
    )
    ents, rels = [reg, land], []
    for name in exchanges:
        ex = Entity(id=entity_id(TYPE.exchange, name), type=TYPE.exchange, name=name)
        ents.append(ex)
        rels += [
            Relation(type=REL.fined, source=reg.id, target=ex.id, evidence=f"fined {name}"),
            Relation(type=REL.headquartered_in, source=ex.id, target=land.id, evidence="hq"),
        ]
    article = Article(id=f"paths-{i}", title="t", text="text of the article")
    return Extraction(article=article, entities=ents, relations=rels)


def test_store_paths_read_each_fact_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = EmbeddedStore(tmp_path)
    try:
        store.upsert_many([_extraction(0, ["Ex A", "Ex B"]), _extraction(1, ["Ex B", "Ex C"])])
        reads: list[set[int]] = []
        real = rd.facts_map

        def counting(conn: Any, ids: Any) -> Any:
            reads.append(set(ids))
            return real(conn, ids)

        monkeypatch.setattr(rd, "facts_map", counting)
        reg, land = (
            entity_id(TYPE.regulator, "Paths Authority"),
            entity_id(TYPE.jurisdiction, "Pathland"),
        )
        paths = store.shortest_paths(reg, land)
        assert len(reads) == 1 and len(reads[0]) == 6  # 3 fines + 3 headquarters, once
        assert [[n.name for n in p.nodes] for p in paths] == [
            ["Paths Authority", f"Ex {x}", "Pathland"] for x in "ABC"
        ]
        for p in paths:  # each path's own facts, in fact order
            assert [(f.type, f.source.id, f.target.id) for f in p.edges] == [
                (REL.fined, reg, p.nodes[1].id),
                (REL.headquartered_in, p.nodes[1].id, land),
            ]
    finally:
        store.close()
