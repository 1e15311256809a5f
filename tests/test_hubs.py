"""Bounded hubs (issue 16, point 4): a neighbourhood is capped per relation type and
direction with counts of what was left out, pages with `offset`, keeps at most so many
entities and sources per fact, and a hub's HTTP answer stays small. Both stores."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from fastapi.testclient import TestClient
from store_support import count_built_facts

from api.app import create_app
from graph.models import Article, Entity, Extraction, Relation
from graph.ontology import get_ontology
from graph.settings import Settings
from graph.store.embedded.store import EmbeddedStore
from graph.store.hubs import HubLimits, cap_neighbourhood
from graph.store.protocol import Direction, GraphStore
from graph.store.review import ReviewScope

HUB = "exchange:hub"
WARNERS = 30


def _warned(i: int, article: str) -> Extraction:
    reg = f"regulator:reg-{i:02d}"
    return Extraction(
        article=Article(id=article, published=dt.date(2024, 1, 1) + dt.timedelta(days=i)),
        entities=[
            Entity(id=reg, type="Regulator", name=f"Regulator {i:02d}"),
            Entity(id=HUB, type="Exchange", name="Hub Exchange"),
        ],
        relations=[
            Relation(type="WARNED", source=reg, target=HUB, evidence=f"Reg {i} warned Hub.")
        ],
    )


def _hub(store: GraphStore) -> None:
    """30 regulators warn the hub (the first 5 in a second article each: best supported);
    3 ban it; one warning is reported by 15 articles."""
    xs = [_warned(i, f"w-{i:02d}") for i in range(WARNERS)]
    xs += [_warned(i, f"again-{i:02d}") for i in range(5)]
    xs += [_warned(29, f"many-{k:02d}") for k in range(15)]
    for i in range(3):
        ban = f"regulator:ban-{i}"
        xs.append(
            Extraction(
                article=Article(id=f"b-{i}"),
                entities=[
                    Entity(id=ban, type="Regulator", name=f"Banning Body {i}"),
                    Entity(id=HUB, type="Exchange", name="Hub Exchange"),
                ],
                relations=[Relation(type="BANNED", source=ban, target=HUB)],
            )
        )
    store.upsert_many(xs)


def test_each_group_is_capped_with_its_total(store: GraphStore) -> None:
    _hub(store)
    sub = store.neighbours(HUB, limits=HubLimits(per_type=10))
    by_type: dict[str, int] = {}
    for fact in sub.edges:
        by_type[fact.type] = by_type.get(fact.type, 0) + 1
    assert by_type == {"WARNED": 10, "BANNED": 3}
    assert [(o.entity_id, o.type, o.direction, o.total, o.shown) for o in sub.omitted] == [
        (HUB, "WARNED", "in", WARNERS, 10)
    ]
    assert len(sub.nodes) == 1 + 10 + 3
    shown = {f.source.id for f in sub.edges if f.type == "WARNED"}
    # best supported first: reg-29 (16 articles), then reg-00..reg-04 (2 each)
    assert {"regulator:reg-29", *(f"regulator:reg-{i:02d}" for i in range(5))} <= shown


def test_offset_pages_through_a_group(store: GraphStore) -> None:
    _hub(store)
    pages = [
        {
            f.source.id
            for f in store.neighbours(HUB, limits=HubLimits(per_type=10, offset=k)).edges
            if f.type == "WARNED"
        }
        for k in (0, 10, 20)
    ]
    assert [len(p) for p in pages] == [10, 10, 10]
    assert set().union(*pages) == {f"regulator:reg-{i:02d}" for i in range(WARNERS)}
    uncapped = store.neighbours(HUB)
    assert uncapped.omitted == [] and len(uncapped.edges) == WARNERS + 3


def test_entities_and_sources_are_bounded(store: GraphStore) -> None:
    _hub(store)
    sub = store.neighbours(HUB, limits=HubLimits(per_type=50, max_nodes=8, sources_per_fact=4))
    assert len(sub.nodes) == 8
    assert sum(o.total - o.shown for o in sub.omitted) == WARNERS + 3 - 7
    many = next(f for f in sub.edges if f.source.id == "regulator:reg-29")
    assert len(many.sources) == 4 and many.sources_omitted == 16 - 4
    assert len(many.evidence) <= 4


def test_a_hubs_http_answer_stays_small(store: GraphStore, settings: Settings) -> None:
    """1,000 regulators warn one exchange: the default answer draws 25 of them and says
    how many more there are, in a few kilobytes."""
    store.upsert_many([_warned(i, f"w-{i:04d}") for i in range(1000)])
    client = TestClient(create_app(settings, store=store))
    answer = client.get(f"/entities/{HUB}/neighborhood")
    assert answer.status_code == 200
    body = answer.json()
    assert len(body["edges"]) == HubLimits.per_type
    assert body["omitted"] == [
        {
            "entity_id": HUB,
            "type": "WARNED",
            "direction": "in",
            "total": 1000,
            "shown": HubLimits.per_type,
            "offset": 0,
        }
    ]
    assert len(answer.content) < 64_000
    more = client.get(f"/entities/{HUB}/neighborhood", params={"limit": 200, "offset": 900})
    assert len(more.json()["edges"]) == 100
    assert client.get(f"/entities/{HUB}/neighborhood", params={"limit": 0}).status_code == 422


def test_paths_are_capped_and_counted(store: GraphStore, settings: Settings) -> None:
    """Two exchanges warned by the same 40 regulators are joined by 40 shortest paths: the
    answer holds the first `limit` by node sequence and says how many there are."""
    xs = []
    for i in range(40):
        reg = f"regulator:reg-{i:02d}"
        for ex in ("exchange:alpha", "exchange:beta"):
            xs.append(
                Extraction(
                    article=Article(id=f"{ex[9:]}-{i:02d}"),
                    entities=[
                        Entity(id=reg, type="Regulator", name=f"Regulator {i:02d}"),
                        Entity(id=ex, type="Exchange", name=ex[9:].title()),
                    ],
                    relations=[Relation(type="WARNED", source=reg, target=ex)],
                )
            )
    store.upsert_many(xs)
    assert len(store.shortest_paths("exchange:alpha", "exchange:beta")) == 40
    client = TestClient(create_app(settings, store=store))
    answer = client.get(
        "/paths", params={"from": "exchange:alpha", "to": "exchange:beta", "limit": 10}
    )
    assert answer.status_code == 200
    assert answer.headers["x-total-count"] == "40"
    paths = answer.json()
    assert [p["nodes"][1]["id"] for p in paths] == [f"regulator:reg-{i:02d}" for i in range(10)]


def test_no_answer_about_a_hub_grows_with_it(store: GraphStore, settings: Settings) -> None:
    """1,200 regulators warn one exchange and one warning has 200 reports: every answer
    about the hub or that warning stays under 100 kB, and says what it left out."""
    xs = [_warned(i, f"w-{i:04d}") for i in range(1200)]
    xs += [_warned(0, f"same-{i:04d}") for i in range(200)]
    store.upsert_many(xs)
    client = TestClient(create_app(settings, store=store))
    pair = {"actor": "regulator:reg-00", "target": HUB}
    for path, params in [
        (f"/entities/{HUB}", {}),
        (f"/entities/{HUB}/relations", {}),
        (f"/entities/{HUB}/neighborhood", {}),
        (f"/entities/{HUB}/neighborhood", {"depth": 2}),
        (f"/entities/{HUB}/in-force", {"on": "2030-01-01"}),
        ("/history", pair),
        ("/actions", {"limit": 100}),
    ]:
        answer = client.get(path, params=params)
        assert answer.status_code == 200, path
        assert len(answer.content) < 100_000, (path, len(answer.content))
    relations = client.get(f"/entities/{HUB}/relations")
    assert relations.headers["x-total-count"] == "1200"
    assert len(relations.json()) == 100
    busy = next(f for f in relations.json() if f["source"]["id"] == "regulator:reg-00")
    assert busy["sources_omitted"] == 201 - 10
    in_force = client.get(f"/entities/{HUB}/in-force", params={"on": "2030-01-01"}).json()
    assert in_force["total"] == 1200
    assert sum(len(g["actions"]) + g["actions_omitted"] for g in in_force["jurisdictions"]) == 1200
    entity = client.get(f"/entities/{HUB}").json()
    assert len(entity["sources"]) == 100 and entity["sources_omitted"] == 1400 - 100
    history = client.get("/history", params=pair).json()
    assert history["timeline"][0]["sources_omitted"] == 201 - 10


def _two_hop_hub(store: GraphStore) -> None:
    """The hub of `_hub`, and each warning regulator also acting on two other exchanges
    (some of them shared), so a 2-hop neighbourhood is much larger than its cut."""
    _hub(store)
    xs = []
    for i in range(WARNERS):
        reg = f"regulator:reg-{i:02d}"
        for k in (i % 7, 7 + i % 4):
            ex = f"exchange:other-{k}"
            xs.append(
                Extraction(
                    article=Article(id=f"o-{i:02d}-{k}", published=dt.date(2023, 1, 1 + k)),
                    entities=[
                        Entity(id=reg, type="Regulator", name=f"Regulator {i:02d}"),
                        Entity(id=ex, type="Exchange", name=f"Other Exchange {k}"),
                    ],
                    relations=[Relation(type="FINED", source=reg, target=ex)],
                )
            )
    store.upsert_many(xs)


def test_a_capped_neighbourhood_is_the_cut_of_the_whole_one(store: GraphStore) -> None:
    """The capped read (stubs first, facts built for what is kept) answers exactly what
    cutting the whole, fully built neighbourhood answers."""
    _two_hop_hub(store)
    for depth in (1, 2, 3):
        for direction in ("both", "in", "out"):
            for limits in (HubLimits(per_type=4), HubLimits(per_type=3, offset=2, max_nodes=9)):
                start = HUB if direction != "out" else "regulator:reg-03"
                whole = store.neighbours(start, depth, direction=direction)
                want = cap_neighbourhood(whole, start, depth, direction, limits)
                got = store.neighbours(start, depth, direction=direction, limits=limits)
                assert got.model_dump() == want.model_dump(), (depth, direction, limits)
                assert (got.edges and got.omitted) or start != HUB


def test_a_capped_neighbourhood_builds_only_the_facts_it_keeps(
    embedded: EmbeddedStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Building a fact views its event from every report; a hub's cut keeps few of its
    2-hop facts, and only those are built."""
    _two_hop_hub(embedded)
    built = count_built_facts(monkeypatch)
    sub = embedded.neighbours(HUB, depth=2, limits=HubLimits(per_type=2))
    assert len(built) == len(sub.edges)
    whole = len(embedded.neighbours(HUB, depth=2).edges)  # (built after: none cached yet)
    assert len(sub.edges) < whole / 2


def test_capped_reads_of_the_gold_corpus_match_the_cut_of_the_whole(
    loaded_store: GraphStore,
) -> None:
    """Over every entity of the seed and dev gold (events ended, lifted, reported again
    and again), the stubs a capped read ranks by agree with the facts built in full."""
    limits = HubLimits(per_type=2, max_nodes=12)
    ids = sorted({r.entity.id for r in loaded_store.iter_entities()})
    assert len(ids) > 50
    for eid in ids:
        whole = loaded_store.neighbours(eid, 2)
        want = cap_neighbourhood(whole, eid, 2, "both", limits)
        got = loaded_store.neighbours(eid, 2, limits=limits)
        assert got.model_dump() == want.model_dump(), eid


def test_a_page_of_relations_is_the_slice_of_them_all(loaded_store: GraphStore) -> None:
    """`relations_page` builds one page; it is the same page and count as slicing
    `relations_of`, for every gold entity, type filter, direction and review scope."""
    ids = sorted({r.entity.id for r in loaded_store.iter_entities()})
    for eid in ids:
        cases: list[tuple[list[str] | None, Direction, ReviewScope]] = [
            (None, "both", "shown"),
            (["LOCATED_IN", "BANNED"], "out", "all"),
            (None, "in", "pending"),
        ]
        for types, direction, review in cases:
            every = loaded_store.relations_of(eid, types, direction, review)
            for limit, offset in ((100, 0), (2, 1), (1, 3), (0, 0)):
                total, page = loaded_store.relations_page(
                    eid, types, direction, review, limit, offset
                )
                assert (total, page) == (len(every), every[offset : offset + limit]), eid


def test_the_relations_route_builds_only_its_page(
    embedded: EmbeddedStore, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    _hub(embedded)
    built = count_built_facts(monkeypatch)
    client = TestClient(create_app(settings, store=embedded))
    r = client.get(f"/entities/{HUB}/relations", params={"limit": 5, "offset": 2})
    assert r.status_code == 200, r.text
    assert r.headers["X-Total-Count"] == str(WARNERS + 3)
    assert len(r.json()) == 5 and len(built) == 5


def test_a_pair_history_builds_only_the_pair_s_events(
    embedded: EmbeddedStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A regulator's history with one firm does not build its actions against others."""
    _two_hop_hub(embedded)
    built = count_built_facts(monkeypatch)
    history = embedded.pair_history("regulator:reg-03", HUB)
    assert [e.type for e in history.events] == ["WARNED"] and len(built) == 1


def test_pair_histories_of_the_gold_corpus_are_the_pairs_actions(
    loaded_store: GraphStore,
) -> None:
    """Every (actor, target) pair of the gold's actions: the history's events are the
    actor's shown actions against that target, whichever way they are read."""
    actions = set(get_ontology().action_types)
    pairs = {(f.source.id, f.target.id) for f in loaded_store.iter_facts() if f.type in actions}
    assert len(pairs) > 30
    for actor, target in sorted(pairs):
        want = sorted(
            f.event_id
            for f in loaded_store.relations_of(actor, None, "out")
            if f.type in actions and f.target.id == target
        )
        got = sorted(e.event_id for e in loaded_store.pair_history(actor, target).events)
        assert got == want, (actor, target)


def _tangle(seed: int) -> list[Extraction]:
    """A seeded graph of regulators acting on exchanges and places, with loops, facts
    both ways between the same pair, dated and undated reports of many confidences, so
    groups tie on sources and dates and a review threshold hides some facts."""
    rng = random.Random(seed)
    regs = [Entity(id=f"regulator:r{i}", type="Regulator", name=f"Reg {i}") for i in range(9)]
    exs = [Entity(id=f"exchange:e{i}", type="Exchange", name=f"Ex {i}") for i in range(12)]
    places = [
        Entity(id=f"jurisdiction:c{i}", type="Jurisdiction", name=f"Land {i}") for i in range(3)
    ]
    xs = []
    for a in range(160):
        kind = rng.random()
        if kind < 0.7:
            src, tgt = rng.choice(regs), rng.choice(exs + regs[:2])
            rel = rng.choice(["WARNED", "BANNED", "FINED", "INVESTIGATED"])
        elif kind < 0.9:
            src, tgt, rel = rng.choice(exs + regs), rng.choice(places), "LOCATED_IN"
        else:
            src = tgt = rng.choice(regs)
            rel = "WARNED"
        day = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randrange(0, 900, 30))
        xs.append(
            Extraction(
                article=Article(id=f"t-{a:03d}", published=day if rng.random() < 0.8 else None),
                entities=[src] if src.id == tgt.id else [src, tgt],
                relations=[
                    Relation(
                        type=rel,
                        source=src.id,
                        target=tgt.id,
                        confidence=rng.choice([0.4, 0.5, 0.55, 0.7, 0.85]),
                        evidence=f"{src.name} and {tgt.name}.",
                    )
                ],
            )
        )
    return xs


def test_capped_reads_of_a_reviewed_tangle_match_the_cut_of_the_whole(store: GraphStore) -> None:
    """With a review threshold hiding low-confidence actions, decisions accepting and
    rejecting some, every start, depth, direction, type filter and limit: the capped
    read (graph/store/hub_cut.py on the embedded store) is the cut of the whole."""
    store.upsert_many(_tangle(7))
    actions = sorted(
        (f for f in store.iter_facts() if f.type != "LOCATED_IN"), key=lambda f: f.event_id
    )
    for i, fact in enumerate(actions[:12]):
        store.decide(fact.event_id, "accepted" if i % 2 else "rejected")
    cases = [
        HubLimits(per_type=2, max_nodes=7),
        HubLimits(per_type=3, offset=1, max_nodes=12),
        HubLimits(per_type=1, max_nodes=40),
    ]
    starts = ["regulator:r0", "exchange:e3", "jurisdiction:c1", "regulator:r1"]
    old = store.review_below
    store.review_below = 0.6
    try:
        for review in ("shown", "pending", "all"):
            for start in starts:
                for depth in (1, 2, 3):
                    for direction in ("both", "in", "out"):
                        for types in (None, ["WARNED", "LOCATED_IN"]):
                            whole = store.neighbours(start, depth, types, direction, review=review)
                            for limits in cases:
                                want = cap_neighbourhood(whole, start, depth, direction, limits)
                                got = store.neighbours(
                                    start, depth, types, direction, limits, review
                                )
                                assert got.model_dump() == want.model_dump(), (
                                    review,
                                    start,
                                    depth,
                                    direction,
                                    types,
                                    limits,
                                )
    finally:
        store.review_below = old
