"""The review queue on both stores (fixture `store`), over HTTP and in the CLI: doubtful
action facts are stored but kept apart from the curated reads, and a reviewer's accept or
reject is stored by event id and respected by every later ingest (graph/store/review.py).

The `store` fixture builds stores without a threshold (they queue nothing, as every other
suite expects); `reviewing` sets the shipped default, 0.6, for one test and puts it back
(the Neo4j store is shared by the whole session)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import pytest
from fastapi.testclient import TestClient
from test_api import KEY, assert_problem, settings_with
from test_store_conformance import article, ent, rel
from typer.testing import CliRunner

from api.app import create_app
from api.cli import app as cli
from graph.errors import InvalidInputError, NotFoundError
from graph.models import Extraction
from graph.named.runner import run_named
from graph.settings import load_settings
from graph.store.changes import FACT_ACCEPTED, FACT_REJECTED, REVIEW_UNDONE
from graph.store.embedded.db import DB_NAME
from graph.store.embedded.migrate import SCHEMA_VERSION
from graph.store.embedded.store import EmbeddedStore
from graph.store.factory import open_store
from graph.store.protocol import Fact, GraphStore
from graph.store.review import DEFAULT_REVIEW_BELOW

SEC, BINANCE, US = "regulator:sec", "exchange:binance", "jurisdiction:united-states"
FCA, UK = "regulator:fca", "jurisdiction:united-kingdom"


@pytest.fixture
def reviewing(store: GraphStore) -> Iterator[GraphStore]:
    """`store` with the shipped threshold for this test only."""
    store.review_below = DEFAULT_REVIEW_BELOW
    try:
        yield store
    finally:
        store.review_below = 0.0


def report(aid: str, sued: float, fined: float = 0.9, day: str = "2024-01-02") -> Extraction:
    """An article: the SEC sued Binance (confidence `sued`) and fined it (`fined`) in
    2024, and sits in the United States."""
    return Extraction(
        article=article(aid, day),
        entities=[
            ent(SEC, "Regulator", "SEC"),
            ent(BINANCE, "Exchange", "Binance"),
            ent(US, "Jurisdiction", "United States"),
        ],
        relations=[
            rel("SUED", SEC, BINANCE, f"The SEC sued Binance ({aid}).", confidence=sued),
            rel("FINED", SEC, BINANCE, f"The SEC fined Binance ({aid}).", confidence=fined),
            rel("LOCATED_IN", SEC, US, "It is a US agency.", confidence=0.5),
        ],
    )


def types(facts: list[Fact]) -> list[str]:
    return sorted(f.type for f in facts)


def event(store: GraphStore, rel_type: str) -> str:
    """The event id of the SEC's only `rel_type` fact, whatever the queue says of it."""
    (fact,) = store.relations_of(SEC, [rel_type], "out", "all")
    return fact.event_id


def test_a_doubtful_fact_is_stored_but_kept_apart(reviewing: GraphStore) -> None:
    store = reviewing
    store.upsert(report("a1", sued=0.5))
    assert types(store.actions()) == ["FINED"]
    assert types(store.actions(review="pending")) == ["FINED", "SUED"]
    assert types(store.relations_of(SEC)) == ["FINED", "LOCATED_IN"]  # structure: never held
    assert types(store.neighbours(BINANCE).edges) == ["FINED"]
    assert types(store.neighbours(BINANCE, review="pending").edges) == ["FINED", "SUED"]
    stored = store.get_article("a1")
    assert stored is not None and "SUED" in types(stored.facts)  # what is stored, unchanged
    page = store.review()
    (item,) = page.items
    assert (page.total, page.review_below) == (1, DEFAULT_REVIEW_BELOW)
    assert (item.state, item.type, item.source.id, item.target.id) == (
        "pending",
        "SUED",
        SEC,
        BINANCE,
    )
    assert item.event_id == event(store, "SUED")
    assert (item.confidence, item.articles) == (0.5, ["a1"])
    assert item.sentences == ["The SEC sued Binance (a1)."]
    assert "0.5" in item.why and "0.6" in item.why and item.decision is None


def test_questions_over_time_leave_pending_facts_out(reviewing: GraphStore) -> None:
    store = reviewing
    store.upsert(report("a1", sued=0.9, fined=0.45))
    assert store.fines(BINANCE).fines == []
    assert types(store.pair_history(SEC, BINANCE).events) == ["SUED"]
    on = store.actions(review="all")[0].in_force_from
    assert on is not None
    assert [a.type for g in store.in_force(BINANCE, on).jurisdictions for a in g.actions] == [
        "SUED"
    ]
    store.review_below = 0.4  # a lower threshold queues less: the fine is shown again
    assert len(store.fines(BINANCE).fines) == 1


def test_an_accepted_fact_stays_shown_across_re_ingests(reviewing: GraphStore) -> None:
    store = reviewing
    store.upsert(report("a1", sued=0.5))
    sued = event(store, "SUED")
    item = store.decide(sued, "accepted", note="the complaint names Binance")
    assert item.state == "accepted" and item.decision is not None
    assert item.decision.note == "the complaint names Binance"
    assert types(store.actions()) == ["FINED", "SUED"]
    assert store.review().items == []
    # the articles go and come back: the decision is kept by event id, apart from them
    store.retract("a1")
    (gone,) = store.review(state="accepted").items
    assert gone.event_id == sued and gone.confidence is None and "no article" in gone.why
    store.upsert(report("a1", sued=0.5))
    store.upsert(report("a2", sued=0.4, day="2024-02-01"))  # a new, weaker report of it
    assert event(store, "SUED") == sued
    assert types(store.actions()) == ["FINED", "SUED"]
    (kept,) = store.review(state="accepted").items
    assert kept.articles == ["a1", "a2"] and kept.confidence == 0.5


def test_a_rejected_fact_stays_out_until_the_decision_is_undone(reviewing: GraphStore) -> None:
    store = reviewing
    store.upsert(report("a1", sued=0.5, fined=0.9))
    fined = event(store, "FINED")
    store.decide(fined, "rejected")  # a confident fact may be rejected too
    assert types(store.actions()) == []
    assert types(store.actions(review="pending")) == ["SUED"]  # pending, never rejected
    assert types(store.actions(review="all")) == ["FINED", "SUED"]
    store.upsert(report("a2", sued=0.5, fined=0.85, day="2024-03-01"))  # reported again
    assert event(store, "FINED") == fined
    assert types(store.actions()) == [] and store.fines(BINANCE).fines == []
    (rejected,) = store.review(state="rejected").items
    assert rejected.event_id == fined and rejected.articles == ["a1", "a2"]
    assert {i.state for i in store.review(state="all").items} == {"pending", "rejected"}
    undone = store.undo_decision(fined)
    assert undone.decision == "rejected"
    assert types(store.actions()) == ["FINED"]
    with pytest.raises(NotFoundError):
        store.undo_decision(fined)


def test_decisions_are_in_the_change_feed(reviewing: GraphStore) -> None:
    store = reviewing
    store.upsert(report("a1", sued=0.5))
    sued = event(store, "SUED")
    head = store.changes().next
    store.decide(sued, "accepted")
    store.decide(sued, "accepted")  # the same decision again changes nothing
    store.decide(sued, "rejected")
    store.undo_decision(sued)
    changes = store.changes(since=head).changes
    assert [c.kind for c in changes] == [FACT_ACCEPTED, FACT_REJECTED, REVIEW_UNDONE]
    for c in changes:
        (fact,) = c.facts
        assert (fact.event_id, fact.type, fact.change, c.article_id) == (
            sued,
            "SUED",
            "changed",
            None,
        )
    assert [c.kind for c in store.changes(since=head, entity=BINANCE).changes] == [
        FACT_ACCEPTED,
        FACT_REJECTED,
        REVIEW_UNDONE,
    ]


def test_bad_review_calls_are_refused(reviewing: GraphStore) -> None:
    store = reviewing
    store.upsert(report("a1", sued=0.5))
    with pytest.raises(NotFoundError):
        store.decide("ev-0000000000000000", "accepted")
    located = event(store, "LOCATED_IN")
    with pytest.raises(InvalidInputError, match="only action facts"):
        store.decide(located, "rejected")
    with pytest.raises(InvalidInputError):
        store.decide(event(store, "SUED"), "maybe")
    with pytest.raises(InvalidInputError):
        store.review(state="doubtful")
    with pytest.raises(InvalidInputError):
        store.review(action_type="LOCATED_IN")
    assert store.review().total == 1  # nothing was written


def test_the_queue_filters_and_pages_least_sure_first(reviewing: GraphStore) -> None:
    store = reviewing
    store.upsert(report("a1", sued=0.55, fined=0.45))
    store.upsert(
        Extraction(
            article=article("b1", "2024-05-01"),
            entities=[ent(FCA, "Regulator", "FCA"), ent(BINANCE, "Exchange", "Binance")],
            relations=[rel("WARNED", FCA, BINANCE, "The FCA warned Binance.", confidence=0.4)],
        )
    )
    page = store.review()
    assert [(i.type, i.confidence) for i in page.items] == [
        ("WARNED", 0.4),
        ("FINED", 0.45),
        ("SUED", 0.55),
    ]
    assert [i.type for i in store.review(action_type="SUED").items] == ["SUED"]
    assert [i.type for i in store.review(entity=FCA).items] == ["WARNED"]
    assert store.review(entity=BINANCE).total == 3
    second = store.review(limit=1, offset=1)
    assert ([i.type for i in second.items], second.total) == (["FINED"], 3)


def test_a_neighbourhood_and_paths_do_not_go_through_a_pending_fact(
    reviewing: GraphStore,
) -> None:
    store = reviewing
    store.upsert(
        Extraction(
            article=article("c1"),
            entities=[
                ent(FCA, "Regulator", "FCA"),
                ent(BINANCE, "Exchange", "Binance"),
                ent(UK, "Jurisdiction", "United Kingdom"),
            ],
            relations=[
                rel("WARNED", FCA, BINANCE, "The FCA warned Binance.", confidence=0.4),
                rel("LOCATED_IN", FCA, UK, "The FCA is British.", confidence=0.8),
            ],
        )
    )
    shown = store.neighbours(BINANCE, depth=2)
    assert ([n.id for n in shown.nodes], shown.edges) == ([BINANCE], [])
    wide = store.neighbours(BINANCE, depth=2, review="pending")
    assert sorted(n.id for n in wide.nodes) == sorted([BINANCE, FCA, UK])
    assert types(wide.edges) == ["LOCATED_IN", "WARNED"]
    assert store.shortest_paths(BINANCE, UK) == []
    (path,) = store.shortest_paths(BINANCE, UK, review="pending")
    assert [n.id for n in path.nodes] == [BINANCE, FCA, UK]


def test_the_threshold_comes_from_the_settings(tmp_path: Path) -> None:
    assert load_settings().review_below == DEFAULT_REVIEW_BELOW
    configured = open_store(load_settings(store="embedded", data_dir=tmp_path, review_below=0.45))
    bare = EmbeddedStore(tmp_path / "bare")
    try:
        assert configured.review_below == 0.45
        configured.upsert(report("a1", sued=0.4, fined=0.5))
        assert types(configured.actions()) == ["FINED"]
        assert bare.review_below == 0.0  # built directly: queues nothing
        bare.upsert(report("a1", sued=0.4, fined=0.5))
        assert types(bare.actions()) == ["FINED", "SUED"] and bare.review().total == 0
    finally:
        configured.close()
        bare.close()


def test_decisions_survive_a_reopen_and_an_older_file_gets_the_table(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path, review_below=0.6)
    store.upsert(report("a1", sued=0.5))
    store.decide(event(store, "SUED"), "rejected")
    store.close()
    conn = sqlite3.connect(tmp_path / DB_NAME)
    assert conn.execute("SELECT decision FROM review_decisions").fetchall() == [("rejected",)]
    for table in ("review_decisions", "judgements", "extractions", "extraction_ids"):
        conn.execute(f"DROP TABLE {table}")  # as a version-3 file was
    conn.execute("UPDATE meta SET value = 3 WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    store = EmbeddedStore(tmp_path, review_below=0.6)
    try:
        version = store._conn.execute("SELECT value FROM meta WHERE key = 'schema_version'")
        assert version.fetchone() == (SCHEMA_VERSION,) == (6,)
        assert store.review(state="all").items[0].state == "pending"  # no decision yet
        store.decide(event(store, "SUED"), "accepted")
        assert types(store.actions()) == ["FINED", "SUED"]
    finally:
        store.close()


def test_named_queries_read_what_is_stored_alike_on_both_stores(
    both_stores: tuple[GraphStore, GraphStore],
) -> None:
    """Named queries are Cypher on Neo4j, which knows no queue: the embedded twins must read
    every stored fact too, or the two stores would answer differently once facts wait or
    are rejected."""
    answers = []
    for store in both_stores:
        store.review_below = DEFAULT_REVIEW_BELOW
        try:
            store.upsert(report("a1", sued=0.5, fined=0.9))
            store.decide(event(store, "FINED"), "rejected")
            assert store.fines(BINANCE).fines == []  # the curated read hides both
            answers.append(
                [
                    run_named(store, name, params)
                    for name, params in (
                        ("entity_fines", {"id": BINANCE}),
                        ("pair_history", {"actor": SEC, "target": BINANCE}),
                        ("entity_in_force", {"id": BINANCE, "on": "2024-06-01"}),
                        ("entity_actions", {"id": BINANCE}),
                        ("fact_sources", {"source": SEC, "target": BINANCE}),
                    )
                ]
            )
        finally:
            store.review_below = 0.0
    embedded, neo4j = answers
    assert embedded == neo4j
    fines, history, in_force, *_ = embedded
    assert len(fines) == 1 and {r["action"] for r in history} == {"FINED", "SUED"}
    assert {r["action"] for r in in_force} == {"FINED", "SUED"}


# -- HTTP ---------------------------------------------------------------------------------


@pytest.fixture
def client(reviewing: GraphStore) -> Iterator[TestClient]:
    reviewing.upsert(report("a1", sued=0.5))
    with TestClient(create_app(settings_with(), store=reviewing)) as c:
        yield c


def test_the_queue_over_http(client: TestClient, reviewing: GraphStore) -> None:
    page = client.get("/review").json()
    (item,) = page["items"]
    sued = item["event_id"]
    assert (item["type"], item["confidence"], page["total"]) == ("SUED", 0.5, 1)
    assert client.get("/review", params={"state": "accepted"}).json()["items"] == []
    assert client.get("/review", params={"type": "FINED"}).json()["total"] == 0
    assert_problem(client.get("/review", params={"state": "doubtful"}), 422)
    assert_problem(client.get("/review", params={"confidence": "0.5"}), 422)  # unknown param
    actions = client.get("/actions").json()["items"]
    assert [a["type"] for a in actions] == ["FINED"]
    wide = client.get("/actions", params={"include_unreviewed": "true"}).json()["items"]
    assert sorted(a["type"] for a in wide) == ["FINED", "SUED"]
    relations = client.get(f"/entities/{SEC}/relations").json()
    assert "SUED" not in [f["type"] for f in relations]
    hood = client.get(f"/entities/{BINANCE}/neighborhood", params={"include_unreviewed": True})
    assert "SUED" in [f["type"] for f in hood.json()["edges"]]

    assert_problem(client.post(f"/review/{sued}/accept"), 401)
    assert_problem(client.post(f"/review/{sued}/accept", headers={"X-API-Key": "wrong"}), 401)
    key = {"X-API-Key": KEY}
    assert_problem(client.post("/review/ev-0000000000000000/reject", headers=key), 404)
    done = client.post(f"/review/{sued}/accept", params={"note": "checked"}, headers=key)
    assert done.status_code == 200, done.text
    assert done.json()["state"] == "accepted" and done.json()["decision"]["note"] == "checked"
    assert sorted(a["type"] for a in client.get("/actions").json()["items"]) == ["FINED", "SUED"]
    rejected = client.post(f"/review/{sued}/reject", headers=key).json()
    assert rejected["state"] == "rejected"
    assert [a["type"] for a in client.get("/actions").json()["items"]] == ["FINED"]
    assert_problem(client.delete(f"/review/{sued}"), 401)
    undone = client.delete(f"/review/{sued}", headers=key)
    assert undone.status_code == 200 and undone.json()["decision"] == "rejected"
    assert_problem(client.delete(f"/review/{sued}", headers=key), 404)
    kinds = [c["kind"] for c in client.get("/changes").json()["items"]]
    assert kinds[-3:] == [FACT_ACCEPTED, FACT_REJECTED, REVIEW_UNDONE]
    feed = feedparser.parse(client.get("/changes.atom", params={"entity": BINANCE}).text)
    assert [e.title for e in feed.entries[:3]] == [
        "Review decision undone: SUED SEC -> Binance",
        "Fact rejected: SUED SEC -> Binance",
        "Fact accepted: SUED SEC -> Binance",
    ]


# -- CLI ----------------------------------------------------------------------------------


def test_the_queue_in_the_cli(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = EmbeddedStore(tmp_path)
    store.upsert(report("a1", sued=0.5))
    sued = event(store, "SUED")
    store.close()
    monkeypatch.setenv("CRYPTOREG_STORE", "embedded")
    monkeypatch.setenv("CRYPTOREG_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CRYPTOREG_REVIEW_BELOW", "0.6")
    monkeypatch.setattr("api.cli.get_settings", load_settings)
    run = CliRunner().invoke

    def actions(*args: str) -> list[str]:
        shown = run(cli, ["actions", "--json", *args])
        assert shown.exit_code == 0, shown.output
        return sorted(a["type"] for a in json.loads(shown.output))

    listed = run(cli, ["review", "--json"])
    assert listed.exit_code == 0, listed.output
    page: dict[str, Any] = json.loads(listed.output)
    assert [i["event_id"] for i in page["items"]] == [sued]
    table = run(cli, ["review"])
    assert sued in table.output and "The SEC sued Binance (a1)." in table.output
    assert actions() == ["FINED"] and actions("--include-unreviewed") == ["FINED", "SUED"]
    accepted = run(cli, ["review", "accept", sued, "--note", "checked"])
    assert accepted.exit_code == 0 and accepted.output.startswith("accepted: SUED SEC")
    assert actions() == ["FINED", "SUED"]
    assert run(cli, ["review", "reject", sued]).exit_code == 0
    assert actions() == ["FINED"] and actions("--include-unreviewed") == ["FINED"]
    assert run(cli, ["review", "--state", "rejected", "--json"]).output.count(sued) >= 1
    assert run(cli, ["review", "undo", sued]).output.strip() == f"undone: rejected on {sued}"
    missing = run(cli, ["review", "undo", sued])
    assert missing.exit_code == 1 and "no review decision" in missing.output
    assert run(cli, ["review", "--state", "maybe"]).exit_code == 1
