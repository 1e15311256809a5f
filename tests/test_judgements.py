"""Judgements (issue 14, point 1) on both stores: merge, split, distinct, undo, explain.

The user's case: a bare "Securities and Exchange Commission" is an orphan beside the SEC;
merged into the SEC, its articles and every later one land on the SEC; undone, the
orphan is back as it was, with no source file read again.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from test_api import KEY, assert_problem, settings_with
from typer.testing import CliRunner

from api.app import create_app
from api.cli import app as cli
from graph.errors import ConflictError, InvalidInputError, NotFoundError
from graph.models import Alias, Article, Entity, Extraction, Relation
from graph.settings import load_settings
from graph.store.changes import JUDGEMENT_RECORDED, JUDGEMENT_UNDONE
from graph.store.embedded.db import DB_NAME
from graph.store.embedded.migrate import SCHEMA_VERSION
from graph.store.embedded.store import EmbeddedStore
from graph.store.judgements import JudgementIn, Rules
from graph.store.protocol import GraphStore

SEC = "regulator:sec"
ORPHAN = "regulator:securities-and-exchange-commission"
BINANCE = "exchange:binance"
HTX = "exchange:htx"
HUOBI = "exchange:huobi"
US = "jurisdiction:united-states"


def _sec() -> Entity:
    return Entity(id=SEC, type="Regulator", name="SEC", aliases=[Alias(name="U.S. SEC")])


def _orphan() -> Entity:
    return Entity(id=ORPHAN, type="Regulator", name="Securities and Exchange Commission")


def _binance() -> Entity:
    return Entity(id=BINANCE, type="Exchange", name="Binance")


def _article(aid: str, text: str, published: str = "2024-03-01") -> Article:
    return Article(id=aid, title=f"title {aid}", text=text, published=published)


def sec_sues(aid: str = "a1") -> Extraction:
    text = "The SEC sued Binance."
    return Extraction(
        article=_article(aid, text),
        entities=[_sec(), _binance()],
        relations=[Relation(type="SUED", source=SEC, target=BINANCE, evidence=text)],
    )


def orphan_fines(aid: str = "a2", published: str = "2024-04-01") -> Extraction:
    text = "The Securities and Exchange Commission fined Binance 5 million dollars."
    return Extraction(
        article=_article(aid, text, published),
        entities=[_orphan(), _binance()],
        relations=[
            Relation(
                type="FINED",
                source=ORPHAN,
                target=BINANCE,
                evidence=text,
                properties={"amount": 5_000_000, "currency": "USD"},
            )
        ],
    )


def htx_article(aid: str, text: str) -> Extraction:
    """An exchange the extractor named by its gazetteer entry (HTX), with the former
    name "Huobi" as an alias, as the extractor gives it whatever the text wrote."""
    htx = Entity(
        id=HTX, type="Exchange", name="HTX", aliases=[Alias(name="Huobi", kind="former_name")]
    )
    return Extraction(article=_article(aid, text), entities=[htx])


def merge(a: str = ORPHAN, b: str = SEC, note: str | None = None) -> JudgementIn:
    return JudgementIn(kind="merge", entity=a, other=b, note=note)


def state(store: GraphStore) -> tuple[Any, ...]:
    """Everything a reader sees of the graph: entities with aliases and sources, facts."""
    entities = [
        (r.entity.model_dump(), sorted(r.sources), r.relation_counts) for r in store.iter_entities()
    ]
    facts = [f.model_dump(exclude={"event_id"}) for f in store.iter_facts()]
    return entities, facts


def test_merge_moves_the_orphan_and_undo_brings_it_back(store: GraphStore) -> None:
    store.upsert(sec_sues())
    store.upsert(orphan_fines())
    before = state(store)
    assert store.get_entity(ORPHAN) is not None

    j = store.judge(merge(note="the bare name is the US SEC"))
    assert (j.kind, j.entity, j.other, j.note) == ("merge", ORPHAN, SEC, j.note)
    assert store.get_entity(ORPHAN) is None
    sec = store.get_entity(SEC)
    assert sec is not None and sorted(sec.sources) == ["a1", "a2"]
    assert "Securities and Exchange Commission" in sec.entity.alias_names()
    assert sorted(f.type for f in store.relations_of(SEC)) == ["FINED", "SUED"]
    assert store.find_entity("Securities and Exchange Commission").entity.id == SEC  # type: ignore[union-attr]

    store.undo_judgement(j.id)
    assert store.judgements() == []
    assert state(store) == before


def _fined_event(store: GraphStore, source: str) -> str:
    (fact,) = [f for f in store.actions(review="all") if f.type == "FINED"]
    assert fact.source.id == source
    return fact.event_id


def test_review_decisions_follow_their_facts_through_a_merge_and_its_undo(
    store: GraphStore,
) -> None:
    """A rejected fact stays rejected when a merge re-files it under a new event id, and
    again when the merge is undone; no decision is left on an id no fact has."""
    store.upsert(sec_sues())
    store.upsert(orphan_fines())
    old = _fined_event(store, ORPHAN)
    store.decide(old, "rejected", note="a misread")
    sued = next(f.event_id for f in store.actions() if f.type == "SUED")
    store.decide(sued, "accepted")
    assert [f.type for f in store.actions()] == ["SUED"]

    j = store.judge(merge())
    new = _fined_event(store, SEC)
    assert new != old
    assert [f.type for f in store.actions()] == ["SUED"]  # still rejected
    rejected = store.review(state="rejected").items
    assert [(i.event_id, i.source.id, i.decision.note) for i in rejected] == [  # type: ignore[union-attr]
        (new, SEC, "a misread")
    ]
    assert rejected[0].confidence is not None  # on a stored fact, none left orphaned
    assert [i.event_id for i in store.review(state="accepted").items] == [sued]

    store.undo_judgement(j.id)
    assert _fined_event(store, ORPHAN) == old
    assert [f.type for f in store.actions()] == ["SUED"]
    assert [i.event_id for i in store.review(state="rejected").items] == [old]
    assert store.review(state="all").total == 2


def test_a_decision_carried_by_a_merge_leaves_the_heirs_own_decision(store: GraphStore) -> None:
    """Both names' reports of one fine land on one event: the decision that event had
    (the target's) stands; the other waits on its event id, as a decision on a retracted
    fact does, and is in force again when the undo brings its event back."""
    store.upsert(orphan_fines("a2"))
    store.upsert(
        Extraction(
            article=_article("a3", "The SEC fined Binance 5 million dollars.", "2024-04-02"),
            entities=[_sec(), _binance()],
            relations=[
                Relation(
                    type="FINED",
                    source=SEC,
                    target=BINANCE,
                    evidence="The SEC fined Binance 5 million dollars.",
                    properties={"amount": 5_000_000, "currency": "USD"},
                )
            ],
        )
    )
    events = {f.source.id: f.event_id for f in store.actions(review="all")}
    store.decide(events[ORPHAN], "rejected")
    store.decide(events[SEC], "accepted")

    j = store.judge(merge())
    (fact,) = store.actions()
    assert (fact.event_id, sorted(fact.sources)) == (events[SEC], ["a2", "a3"])
    waiting = {i.event_id: i.confidence for i in store.review(state="rejected").items}
    assert waiting == {events[ORPHAN]: None}  # no fact has its id while merged

    store.undo_judgement(j.id)
    assert [f.event_id for f in store.actions()] == [events[SEC]]
    assert [i.event_id for i in store.review(state="rejected").items] == [events[ORPHAN]]


def test_later_ingests_and_reingests_obey_the_merge(store: GraphStore) -> None:
    store.upsert(sec_sues())
    store.upsert(orphan_fines())
    j = store.judge(merge())
    store.upsert(orphan_fines("a3", "2024-05-01"))  # a later article, same orphan name
    store.upsert(orphan_fines())  # the same article again
    assert store.get_entity(ORPHAN) is None
    sec = store.get_entity(SEC)
    assert sec is not None and sorted(sec.sources) == ["a1", "a2", "a3"]
    assert [j.id] == [x.id for x in store.judgements()]
    store.undo_judgement(j.id)
    orphan = store.get_entity(ORPHAN)
    assert orphan is not None and sorted(orphan.sources) == ["a2", "a3"]
    assert sorted(store.get_entity(SEC).sources) == ["a1"]  # type: ignore[union-attr]


def test_a_fact_between_the_two_merged_is_dropped_not_a_loop(store: GraphStore) -> None:
    text = "The SEC referred Binance to the Securities and Exchange Commission."
    both = Extraction(
        article=_article("a4", text),
        entities=[_sec(), _orphan()],
        relations=[Relation(type="REFERRED_BY", source=ORPHAN, target=SEC, evidence=text)],
    )
    store.upsert(both)
    j = store.judge(merge())
    assert store.relations_of(SEC) == []
    assert store.get_entity(SEC).sources == ["a4"]  # type: ignore[union-attr]
    store.undo_judgement(j.id)
    assert [(f.source.id, f.type) for f in store.relations_of(SEC)] == [(ORPHAN, "REFERRED_BY")]


def test_a_merge_before_the_orphan_arrives_is_obeyed(store: GraphStore) -> None:
    store.upsert(sec_sues())
    store.upsert(orphan_fines())
    j = store.judge(merge())
    store.retract("a2")
    store.upsert(orphan_fines("a9"))
    assert store.get_entity(ORPHAN) is None
    assert sorted(store.get_entity(SEC).sources) == ["a1", "a9"]  # type: ignore[union-attr]
    store.undo_judgement(j.id)  # a retracted article's extraction is gone: not replayed
    assert store.get_article("a2") is None
    assert sorted(store.get_entity(ORPHAN).sources) == ["a9"]  # type: ignore[union-attr]


def test_distinct_refuses_a_later_merge_and_a_merge_refuses_distinct(store: GraphStore) -> None:
    store.upsert(sec_sues())
    store.upsert(orphan_fines())
    d = store.judge(JudgementIn(kind="distinct", entity=SEC, other=ORPHAN))
    with pytest.raises(ConflictError, match=f"judgement {d.id} says"):
        store.judge(merge())
    assert store.get_entity(ORPHAN) is not None  # nothing moved
    store.undo_judgement(d.id)
    m = store.judge(merge())
    with pytest.raises(ConflictError, match=f"merged \\(judgement {m.id}\\)"):
        store.judge(JudgementIn(kind="distinct", entity=SEC, other=ORPHAN))
    assert [x.kind for x in store.judgements()] == ["merge"]


def test_bad_judgements_are_refused_and_change_nothing(store: GraphStore) -> None:
    store.upsert(sec_sues())
    store.upsert(orphan_fines())
    before = state(store)
    with pytest.raises(NotFoundError, match="no entity 'regulator:nope'"):
        store.judge(merge("regulator:nope"))
    with pytest.raises(InvalidInputError, match="into itself"):
        store.judge(merge(SEC, SEC))
    with pytest.raises(InvalidInputError, match="two types"):
        store.judge(merge(BINANCE, SEC))
    with pytest.raises(InvalidInputError, match="needs two entity ids"):
        store.judge(JudgementIn(kind="merge", entity=ORPHAN))
    with pytest.raises(NotFoundError, match="no judgement 42"):
        store.undo_judgement(42)
    assert store.judgements() == [] and state(store) == before
    j = store.judge(merge())
    with pytest.raises(NotFoundError, match=f"judgement {j.id} merged it into 'regulator:sec'"):
        store.explain(ORPHAN)


def test_split_takes_a_name_off_a_gazetteer_body(store: GraphStore) -> None:
    store.upsert(htx_article("h1", "HTX, formerly known as Huobi, listed a token."))
    store.upsert(htx_article("h2", "Huobi suspended withdrawals."))
    before = state(store)
    assert sorted(store.get_entity(HTX).sources) == ["h1", "h2"]  # type: ignore[union-attr]
    j = store.judge(JudgementIn(kind="split", entity=HTX, name="Huobi"))
    assert j.other == HUOBI
    huobi = store.get_entity(HUOBI)
    assert huobi is not None and huobi.entity.name == "Huobi" and huobi.sources == ["h2"]
    assert store.get_entity(HTX).sources == ["h1"]  # type: ignore[union-attr]
    store.upsert(htx_article("h3", "Huobi reopened."))  # later ingests obey the split
    assert sorted(store.get_entity(HUOBI).sources) == ["h2", "h3"]  # type: ignore[union-attr]
    with pytest.raises(ConflictError, match="distinct"):
        store.judge(merge(HUOBI, HTX))
    store.undo_judgement(j.id)
    assert store.get_entity(HUOBI) is None
    store.retract("h3")
    assert state(store) == before


def test_explain_says_where_each_name_came_from(store: GraphStore) -> None:
    store.upsert(sec_sues())
    store.upsert(orphan_fines())
    j = store.judge(merge())
    why = store.explain(SEC)
    assert why.entity.id == SEC and "'sec'" in why.rule and why.unexplained == 0
    assert [x.id for x in why.judgements] == [j.id]
    by_name = {(n.name, n.via): n for n in why.names}
    joined = by_name[("Securities and Exchange Commission", "judgement")]
    assert (joined.came_as, joined.judgement, joined.articles) == (ORPHAN, j.id, ["a2"])
    assert joined.sentence is not None and joined.sentence.startswith("The Securities")
    own = by_name[("SEC", "text")]
    assert own.sentence == "The SEC sued Binance." and own.articles == ["a1"]
    assert ("U.S. SEC", "gazetteer") in by_name  # an alias the text never wrote
    with pytest.raises(NotFoundError):
        store.explain("regulator:nope")


def test_explain_reads_a_bounded_number_of_articles(
    store: GraphStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    store.upsert(sec_sues("a1"))
    store.upsert(sec_sues("a2"))
    store.upsert(sec_sues("a3"))
    assert store.explain(SEC).not_read == 0
    monkeypatch.setattr("graph.store.judgements.MAX_EXPLAIN_READ", 2)
    why = store.explain(SEC)
    assert why.not_read == 1
    assert {(n.name, n.article_count) for n in why.names if n.via == "text"} == {("SEC", 2)}


def test_judgement_writes_are_in_the_change_feed(store: GraphStore) -> None:
    store.upsert(sec_sues())
    store.upsert(orphan_fines())
    head = store.changes().next
    j = store.judge(merge())
    recorded = store.changes(since=head).changes
    assert [(c.kind, c.article_id) for c in recorded] == [
        (JUDGEMENT_RECORDED, None),
        (JUDGEMENT_RECORDED, "a2"),
    ]
    moved = {(e.entity.id, e.change) for e in recorded[1].entities}
    assert {(ORPHAN, "removed"), (SEC, "changed")} <= moved
    head = recorded[-1].seq
    store.undo_judgement(j.id)
    undone = store.changes(since=head).changes
    assert [(c.kind, c.article_id) for c in undone] == [
        (JUDGEMENT_UNDONE, None),
        (JUDGEMENT_UNDONE, "a2"),
    ]
    assert (ORPHAN, "added") in {(e.entity.id, e.change) for e in undone[1].entities}
    assert [c.seq for c in store.changes(entity=ORPHAN).changes][-1] == undone[1].seq


def test_merges_chain_and_refuse_a_target_merged_away() -> None:
    """The rules alone: A -> B -> C lands A on C; merging into B then is refused."""
    from graph.store.judgements import Judgement

    def j(n: int, a: str, b: str) -> Judgement:
        return Judgement(id=n, kind="merge", entity=a, other=b, at="")

    rules = Rules([j(1, "x:a", "x:b"), j(2, "x:b", "x:c")])
    assert rules.target("x:a") == "x:c" and rules.group("x:c") == {"x:a", "x:b", "x:c"}
    with pytest.raises(ConflictError, match="merge into 'x:c'"):
        rules.check(JudgementIn(kind="merge", entity="x:d", other="x:b"), {})


def test_a_merge_rewrites_only_the_articles_it_moves(
    embedded: EmbeddedStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The target's own articles are not written again (a hub has thousands)."""
    from graph.store.embedded import judgements as judged

    embedded.upsert(sec_sues("a1"))
    embedded.upsert(orphan_fines("a2"))
    embedded.upsert(orphan_fines("a3"))
    written: list[str] = []
    upsert_judged = judged.upsert_judged

    def spy(conn: Any, raw: Extraction, current: Rules, kind: str = "") -> Any:
        written.append(raw.article.id)
        return upsert_judged(conn, raw, current, kind)

    monkeypatch.setattr(judged, "upsert_judged", spy)
    j = embedded.judge(merge())
    assert written == ["a2", "a3"]
    written.clear()
    embedded.undo_judgement(j.id)
    assert written == ["a2", "a3"]
    written.clear()
    embedded.judge(JudgementIn(kind="distinct", entity=SEC, other=ORPHAN))
    assert written == []


def test_a_version_3_file_is_migrated_and_takes_judgements(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path)
    store.upsert(sec_sues())
    store.close()
    conn = sqlite3.connect(tmp_path / DB_NAME)
    for table in ("judgements", "extractions", "extraction_ids", "review_decisions"):
        conn.execute(f"DROP TABLE {table}")
    conn.execute("UPDATE meta SET value = 3 WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    store = EmbeddedStore(tmp_path)
    try:
        version = store._conn.execute("SELECT value FROM meta WHERE key = 'schema_version'")
        assert version.fetchone() == (SCHEMA_VERSION,)  # 5: review decisions, judgements
        assert store.explain(SEC).unexplained == 1  # stored before extractions were kept
        store.upsert(orphan_fines())
        store.judge(merge())
        assert sorted(store.get_entity(SEC).sources) == ["a1", "a2"]  # type: ignore[union-attr]
    finally:
        store.close()


def test_http_judgements_need_the_key_and_round_trip(store: GraphStore) -> None:
    store.upsert(sec_sues())
    store.upsert(orphan_fines())
    auth = {"X-API-Key": KEY}
    body = {"kind": "merge", "entity": ORPHAN, "other": SEC, "note": "same body"}
    with TestClient(create_app(settings_with(), store=store)) as c:
        assert_problem(c.post("/judgements", json=body), 401)
        assert_problem(c.post("/judgements", json=body, headers={"X-API-Key": "wrong"}), 401)
        assert store.judgements() == []
        made = c.post("/judgements", json=body, headers=auth)
        assert made.status_code == 200, made.text
        jid = made.json()["id"]
        assert c.get("/judgements").json() == [made.json()]
        assert c.get(f"/entities/{ORPHAN}").status_code == 404
        why = c.get(f"/entities/{SEC}/explain").json()
        assert {n["name"] for n in why["names"]} >= {"SEC", "Securities and Exchange Commission"}
        assert_problem(c.get(f"/entities/{SEC}/explain", params={"verbose": 1}), 422)
        assert_problem(c.get("/entities/regulator:nope/explain"), 404)
        clash = {"kind": "distinct", "entity": SEC, "other": ORPHAN}
        assert (
            "merged"
            in assert_problem(c.post("/judgements", json=clash, headers=auth), 409)["detail"]
        )
        assert_problem(
            c.post("/judgements", json={"kind": "merge", "entity": SEC}, headers=auth), 422
        )
        assert_problem(c.delete(f"/judgements/{jid}"), 401)
        undone = c.delete(f"/judgements/{jid}", headers=auth)
        assert undone.status_code == 200 and undone.json()["id"] == jid
        assert_problem(c.delete(f"/judgements/{jid}", headers=auth), 404)
        assert c.get(f"/entities/{ORPHAN}").status_code == 200


def test_cli_merge_explain_undo(embedded: EmbeddedStore, monkeypatch: pytest.MonkeyPatch) -> None:
    """The CLI's commands are the store's (the embedded store is enough: each command is
    one store call and its printing)."""
    embedded.upsert(sec_sues())
    embedded.upsert(orphan_fines())
    monkeypatch.setenv("CRYPTOREG_STORE", "embedded")
    monkeypatch.setenv("CRYPTOREG_DATA_DIR", str(embedded.data_dir))
    monkeypatch.setattr("api.cli_judgements.get_settings", load_settings)
    run = CliRunner().invoke
    done = run(cli, ["entities", "merge", ORPHAN, SEC, "--note", "same body"])
    assert done.exit_code == 0, done.output
    assert "recorded #1 merge" in done.output and "entities undo 1" in done.output
    assert embedded.get_entity(ORPHAN) is None
    why = run(cli, ["entities", "explain", SEC])
    assert why.exit_code == 0 and "judgement 1" in why.output
    assert "The Securities and Exchange Commission fined Binance" in why.output
    shown = run(cli, ["entities", "explain", SEC, "--json"])
    assert json.loads(shown.output) == embedded.explain(SEC).model_dump(mode="json")
    refused = run(cli, ["entities", "distinct", SEC, ORPHAN])
    assert refused.exit_code == 1 and "merged" in refused.output
    listed = run(cli, ["entities", "judgements"])
    assert listed.exit_code == 0 and listed.output.startswith("#1 merge")
    assert run(cli, ["entities", "undo", "1"]).exit_code == 0
    assert embedded.get_entity(ORPHAN) is not None
    missing = run(cli, ["entities", "undo", "1"])
    assert missing.exit_code == 1 and "no judgement 1" in missing.output
    split = run(cli, ["entities", "split", SEC, "SEC"])
    assert split.exit_code == 1 and "nothing to split off" in split.output


def test_neo4j_a_merge_waits_for_an_ingest_in_flight_and_moves_it(neo4j: Any) -> None:
    """No global lock: an ingest of the orphan, not yet committed when the merge comes,
    is waited for and then moved by the merge (graph/store/neo4j/judgements.py)."""
    from graph.store.neo4j.judgements import upsert_batch_judged
    from graph.store.neo4j.write import upsert_batch_tx

    neo4j.upsert(sec_sues())
    neo4j.upsert(orphan_fines())
    done: list[Any] = []
    with neo4j._driver.session(database=neo4j.database) as session:
        tx = session.begin_transaction()
        upsert_batch_judged(tx, upsert_batch_tx, [orphan_fines("a3", "2024-05-01")])
        judging = threading.Thread(target=lambda: done.append(neo4j.judge(merge())))
        judging.start()
        judging.join(timeout=2)
        assert judging.is_alive()  # it waits for the ingest's locks
        tx.commit()
    judging.join(timeout=120)
    assert done and neo4j.get_entity(ORPHAN) is None
    assert sorted(neo4j.get_entity(SEC).sources) == ["a1", "a2", "a3"]


def test_neo4j_an_ingest_waits_for_a_merge_in_flight_and_obeys_it(neo4j: Any) -> None:
    """The other order: a merge not yet committed when the ingest comes; the ingest
    waits for it, then lands on the merge target."""
    from graph.store.judgements import checked_request
    from graph.store.neo4j.judgements import record_tx

    neo4j.upsert(sec_sues())
    neo4j.upsert(orphan_fines())
    done: list[Any] = []
    with neo4j._driver.session(database=neo4j.database) as session:
        tx = session.begin_transaction()
        record_tx(tx, *checked_request(merge(), neo4j._summary_or_none))
        ingest = threading.Thread(target=lambda: done.append(neo4j.upsert(orphan_fines("a3"))))
        ingest.start()
        ingest.join(timeout=2)
        assert ingest.is_alive()
        tx.commit()
    ingest.join(timeout=120)
    assert done and neo4j.get_entity(ORPHAN) is None
    assert sorted(neo4j.get_entity(SEC).sources) == ["a1", "a2", "a3"]
