"""Batched Neo4j writes without a global lock (issue 16, point 1).

* a batch gives the graph and the summaries one transaction per article gives, in the
  batch's order: the same article twice, an entity left without mentions and written
  again, aliases, events re-cut, QID clashes and event groups;
* no writer takes a global lock: a writer of other bodies goes on while a transaction
  is open, and no `:CryptoregMeta` node is written;
* concurrent writers of overlapping batches, and a retraction beside them, give the graph
  of the same articles written one after the other;
* the pipeline writes in batches and still reports a refused article as that article's
  failure while the others land;
* the outage report names a failed batch as "may or may not be stored" or "not written".
"""

from __future__ import annotations

import datetime as dt
import json
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from test_order_independence import CORPUS

from graph.ids import entity_id
from graph.models import Alias, Article, Entity, Extraction, Relation
from graph.store.change_diff import recorded, upsert_scope
from graph.store.neo4j import changes as neo4j_log
from graph.store.neo4j import store as neo4j_store
from graph.store.neo4j import working
from graph.store.neo4j.beside import Beside, cut_beside
from graph.store.neo4j.changes import CypherSnapshot
from graph.store.neo4j.errors import WriteLog
from graph.store.neo4j.journal import Journal
from graph.store.neo4j.lookup import Neo4jLookup
from graph.store.neo4j.store import Neo4jStore
from graph.store.neo4j.working import Working
from graph.store.neo4j.write import upsert_batch_tx
from graph.store.protocol import GraphStore, UpsertSummary
from ingest.pipeline import ingest_articles
from ingest.read import ReadFailure

ACTIONS = ("FINED", "WARNED", "SUED", "BANNED")
RETRACTED = ("s-005", "nw", "s-003", "s-017")


def _regulator(k: int) -> Entity:
    name = f"Markets Authority {k}"
    return Entity(
        id=entity_id("Regulator", name),
        type="Regulator",
        name=name,
        aliases=[Alias(name=f"MA{k}", kind="abbreviation")],
    )


def _exchange(k: int) -> Entity:
    name = f"Coinex {k}"
    return Entity(id=entity_id("Exchange", name), type="Exchange", name=name)


def _place(k: int) -> Entity:
    name = f"Landia {k}"
    return Entity(id=entity_id("Jurisdiction", name), type="Jurisdiction", name=name)


def synthetic(i: int, prefix: str = "s") -> Extraction:
    """Article i: a regulator seated in a place acts on two exchanges. Few bodies, one
    spelling each, so articles overlap heavily; dates repeat (reports of one event), some
    reports are undated (they join a relation's only event), fines carry amounts."""
    reg, place = _regulator(i % 4), _place(i % 3)
    ents = {reg.id: reg, place.id: place}
    rels = [Relation(type="LOCATED_IN", source=reg.id, target=place.id, evidence=f"seat {i}")]
    for m in range(2):
        ex = _exchange((i + 3 * m) % 7)
        ents[ex.id] = ex
        action = ACTIONS[(i + m) % len(ACTIONS)]
        date = None if i % 5 == 0 else f"2024-0{1 + (i + m) % 3}"
        props: dict[str, Any] = {"amount": 1e6 * (1 + i % 2), "currency": "USD"}
        rels.append(
            Relation(
                type=action,
                source=reg.id,
                target=ex.id,
                evidence=f"{reg.name} {action.lower()} {ex.name} ({i}).",
                date=date,
                properties=props if action == "FINED" else {},
            )
        )
    published = dt.date(2024, 4, 1) + dt.timedelta(days=i % 9)
    article = Article(id=f"{prefix}-{i:03d}", title=f"Action {i}", published=published)
    return Extraction(article=article, entities=list(ents.values()), relations=rels)


def _changed(x: Extraction) -> Extraction:
    """The same article, rewritten: its first relation and the entities only it used gone."""
    rels = x.relations[1:]
    used = {r.source for r in rels} | {r.target for r in rels}
    ents = [e for e in x.entities if e.id in used]
    return x.model_copy(update={"entities": ents, "relations": rels})


def _plain(value: Any) -> Any:
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def raw_graph(store: Neo4jStore) -> dict[str, Any]:
    """Every node and relationship with every property, as sorted JSON lines (the change
    log aside: its numbers and times differ by design, tests/test_changes.py has it)."""

    def dumped(props: dict[str, Any]) -> str:
        props = {k: _plain(v) for k, v in props.items()}
        return json.dumps(props, sort_keys=True)

    nodes = store.read(
        "MATCH (n) WHERE NOT (n:Change OR n:ChangeCounter) "
        "RETURN labels(n) AS labels, properties(n) AS props"
    )
    rels = store.read(
        "MATCH (a)-[r]->(b) RETURN coalesce(a.id, a.key) AS a, type(r) AS t, "
        "coalesce(b.id, b.key) AS b, properties(r) AS props"
    )
    return {
        "nodes": sorted(f"{sorted(n['labels'])} {dumped(n['props'])}" for n in nodes),
        "rels": sorted(f"{r['a']} {r['t']} {r['b']} {dumped(r['props'])}" for r in rels),
    }


@pytest.fixture
def batch_size(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    """Set the store's articles per transaction for one test."""

    def set_to(n: int) -> None:
        monkeypatch.setattr(neo4j_store, "BATCH", n)

    yield set_to


def _ops() -> list[Extraction]:
    """A batch with every case: the same article twice (rewritten), then back; bodies only
    the first version named (left without mentions, then named again); the identity
    corpus (QID clashes, event groups, aliases); reports joining a stored event after its
    last source and before it (the two ways of appending)."""
    xs = [synthetic(i) for i in range(24)]
    early = [synthetic(i, "a") for i in range(30, 36)]  # sorting before the sources stored
    return [
        *xs[:12],
        _changed(xs[3]),
        *CORPUS,
        *xs[12:],
        *early,
        _changed(xs[20]),
        xs[3],
        _changed(xs[0]),
    ]


@pytest.mark.neo4j
def test_a_batch_writes_what_one_transaction_per_article_writes(
    neo4j: Neo4jStore, batch_size: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One article per transaction, every relation read whole (no appended or beside
    reads), is the reference; batches of 200 and of 7, with both, must write the same
    graph byte for byte, give the same summaries and retract alike."""
    ops = _ops()
    with monkeypatch.context() as whole_only:
        whole_only.setattr(Working, "_read_appended", lambda self, keys, reports: set())
        whole_only.setattr(Working, "_read_beside", lambda self, keys, reports: set())
        singles = [neo4j.upsert(x) for x in ops]
        one_by_one = raw_graph(neo4j)
        retracted = [neo4j.retract(aid) for aid in RETRACTED]
        after_retract = raw_graph(neo4j)
    total = sum(singles, UpsertSummary())
    for size in (1, 200, 7):
        neo4j.clear()
        batch_size(size)
        assert neo4j.upsert_many(ops) == total, size
        assert raw_graph(neo4j) == one_by_one, size
        assert [neo4j.retract(aid) for aid in RETRACTED] == retracted
        assert raw_graph(neo4j) == after_retract, size


def acted(i: int) -> Extraction:
    """Article i: regulator i % 3 fines or warns exchange i % 4, a new day each time,
    so each relation keeps gaining events: several in a year (ids made from full dates),
    a year's second event (which renames its first), amounts; every seventh report
    repeats the day of the one twelve before (it joins that event) or gives the year
    only (it agrees with every report of that year)."""
    reg, ex = _regulator(i % 3), _exchange(i % 4)
    action = ("FINED", "WARNED")[i % 2]
    day = dt.date(2020, 1, 1) + dt.timedelta(days=9 * (i - 12 if i % 7 == 3 else i))
    date = str(day.year) if i % 7 == 5 else day.isoformat()
    props: dict[str, Any] = {"amount": 1e6 * (1 + i % 3), "currency": "USD"}
    fact = Relation(
        type=action,
        source=reg.id,
        target=ex.id,
        evidence=f"{reg.name} {action.lower()} {ex.name} ({i}).",
        date=date,
        properties=props if action == "FINED" else {},
    )
    article = Article(id=f"act-{i:03d}", title=f"Act {i}", published=day)
    return Extraction(article=article, entities=[reg, ex], relations=[fact])


@pytest.mark.neo4j
def test_new_events_cut_beside_the_stored_ones_give_the_graph_of_a_whole_cut(
    neo4j: Neo4jStore, batch_size: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reports whose dates agree with no stored report's are cut beside the stored events
    (graph/store/neo4j/beside.py) without reading them, and reports whose dates agree
    with some are cut again with those events alone (graph/store/neo4j/touched.py); the
    graph, summaries and change log are those of one article per transaction with every
    relation read and cut whole."""
    ops = [acted(i) for i in range(90)]
    with monkeypatch.context() as whole_only:
        whole_only.setattr(Working, "_read_appended", lambda self, keys, reports: set())
        whole_only.setattr(Working, "_read_beside", lambda self, keys, reports: set())
        total = sum((neo4j.upsert(x) for x in ops), UpsertSummary())
    whole, log = raw_graph(neo4j), _change_log(neo4j)
    cuts: list[Beside | None] = []

    def counted(key: Any, heads: Any, supports: Any, recut: frozenset[str]) -> Beside | None:
        cuts.append(cut_beside(key, heads, supports, recut))
        return cuts[-1]

    monkeypatch.setattr(working, "cut_beside", counted)
    for size in (1, 7):
        neo4j.clear()
        batch_size(size)
        assert neo4j.upsert_many(ops) == total, size
        assert raw_graph(neo4j) == whole, size
        if size == 1:
            assert _change_log(neo4j) == log
    assert sum(c is not None for c in cuts) > len(ops)  # most reports, in both runs
    assert any(c is not None and c.renamed for c in cuts)  # some renaming a stored event


def retold(i: int) -> Extraction:
    """Article i < 60: regulator i % 2 fines (odd i) or warns exchange i % 3, a new day
    each time, so each relation has several events a year. Article i >= 60 retells
    article (7 * i) % 60's action: its day (it joins that event, beside the relation's
    others), every fifth time its month only (agreeing with the month's other events)."""
    j = i if i < 60 else (7 * i) % 60
    reg, ex = _regulator(j % 2), _exchange(j % 3)
    action = ("WARNED", "FINED")[j % 2]
    day = dt.date(2020, 1, 1) + dt.timedelta(days=11 * j)
    date = day.isoformat()[:7] if i >= 60 and i % 5 == 0 else day.isoformat()
    props: dict[str, Any] = {"amount": 1e6 * (1 + j % 4), "currency": "USD"}
    fact = Relation(
        type=action,
        source=reg.id,
        target=ex.id,
        evidence=f"{reg.name} {action.lower()} {ex.name} ({i}).",
        date=date,
        properties=props if action == "FINED" else {},
    )
    article = Article(id=f"told-{i:03d}", title=f"Told {i}", published=day)
    return Extraction(article=article, entities=[reg, ex], relations=[fact])


@pytest.mark.neo4j
def test_reports_retelling_stored_events_recut_those_alone_and_give_the_whole_cut_graph(
    neo4j: Neo4jStore, batch_size: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reports whose dates agree with stored reports' cut again only the stored events
    their dates reach (graph/store/neo4j/touched.py), beside the relation's others; the
    graph, summaries and change log are those of one article per transaction with every
    relation read and cut whole."""
    ops = [retold(i) for i in range(120)]
    with monkeypatch.context() as whole_only:
        whole_only.setattr(Working, "_read_appended", lambda self, keys, reports: set())
        whole_only.setattr(Working, "_read_beside", lambda self, keys, reports: set())
        total = sum((neo4j.upsert(x) for x in ops), UpsertSummary())
    whole, log = raw_graph(neo4j), _change_log(neo4j)
    partial: list[Beside] = []

    def counted(key: Any, heads: Any, supports: Any, recut: frozenset[str]) -> Beside | None:
        cut = cut_beside(key, heads, supports, recut)
        if cut is not None and recut and heads:
            partial.append(cut)
        return cut

    monkeypatch.setattr(working, "cut_beside", counted)
    for size in (1, 7):
        neo4j.clear()
        batch_size(size)
        assert neo4j.upsert_many(ops) == total, size
        assert raw_graph(neo4j) == whole, size
        if size == 1:
            assert _change_log(neo4j) == log
    assert len(partial) > 40  # most retellings, in both runs


@pytest.mark.neo4j
def test_no_global_lock_node_is_written(neo4j: Neo4jStore) -> None:
    neo4j.write(lambda tx: tx.run("MATCH (m:CryptoregMeta) DETACH DELETE m").consume())
    neo4j.upsert_many([synthetic(i) for i in range(6)])
    neo4j.retract("s-002")
    assert neo4j.read("MATCH (m:CryptoregMeta) RETURN count(m) AS n") == [{"n": 0}]
    assert neo4j.read("MATCH (n) WHERE n._lock IS NOT NULL OR n._fresh IS NOT NULL RETURN n") == []


@pytest.mark.neo4j
def test_a_writer_of_other_bodies_does_not_wait_for_an_open_transaction(
    neo4j: Neo4jStore,
) -> None:
    """Before: every write first locked one `:CryptoregMeta` node, so the second writer
    waited until the first transaction ended."""
    first = synthetic(0, "first")
    other = Extraction(
        article=Article(id="other", title="Other"),
        entities=[_exchange(99)],
        relations=[],
    )
    done = threading.Event()
    errors: list[BaseException] = []

    def second() -> None:
        try:
            neo4j.upsert(other)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
        done.set()

    with neo4j._driver.session(database=neo4j.database) as session:
        tx = session.begin_transaction()
        try:
            upsert_batch_tx(tx, [first])  # type: ignore[arg-type]  # written, not committed
            thread = threading.Thread(target=second)
            began = time.monotonic()
            thread.start()
            finished = done.wait(30)
            took = time.monotonic() - began
        finally:
            tx.commit()
        thread.join(60)
    assert errors == []
    assert finished, "the second writer waited for the open transaction"
    assert took < 30
    assert {a.id for a in neo4j.iter_articles()} == {"first-000", "other"}


@pytest.mark.neo4j
def test_concurrent_overlapping_batches_give_the_serial_graph(
    neo4j: Neo4jStore, batch_size: Any
) -> None:
    """Two writers of batches that share every body and most relations, and a third
    retracting articles those bodies also appear in, all at once, in small batches so
    their transactions interleave; the graph is that of the same articles written one
    after the other."""
    batch_size(5)
    left = [synthetic(i, "a") for i in range(40)]
    right = [synthetic(i, "b") for i in range(40)]
    gone = [synthetic(i, "c") for i in range(15)]
    neo4j.upsert_many(gone)
    barrier = threading.Barrier(3, timeout=30)
    errors: list[BaseException] = []

    def run(work: Any) -> None:
        try:
            barrier.wait()
            work()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    jobs = [
        lambda: neo4j.upsert_many(left),
        lambda: neo4j.upsert_many(right),
        lambda: [neo4j.retract(x.article.id) for x in gone],
    ]
    threads = [threading.Thread(target=run, args=(job,)) for job in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join(300)
    assert errors == []
    concurrent = raw_graph(neo4j)
    neo4j.clear()
    neo4j.upsert_many(left + right)
    assert concurrent == raw_graph(neo4j)


def _odd_extractor(article: Article) -> Extraction:
    """The extraction of a tiny article; for article "bad", one the store refuses whole (an
    entity of a type the ontology does not have; a wrong relation alone would be refused
    alone, graph/store/validation.py)."""
    ex = _exchange(len(article.id) % 5)
    x = Extraction(article=article, entities=[ex], relations=[])
    if article.id == "t-bad":
        odd = Entity.model_construct(id="spaceship:x", type="Spaceship", name="X", aliases=[])
        x = Extraction.model_construct(
            article=article, entities=[ex, odd], relations=[], refused=[]
        )
    return x


def test_the_pipeline_batches_and_still_reports_the_one_refused_article(
    store: GraphStore,
) -> None:
    articles: list[Article | ReadFailure] = [
        Article(id=f"t-{i}", text="The exchange.") for i in range(250)
    ]
    articles.insert(120, Article(id="t-bad", text="The exchange."))
    report = ingest_articles(articles, store, extract=_odd_extractor)
    assert [(f.path, f.stage) for f in report.failed] == [("t-bad", "store")]
    assert "OntologyError" in report.failed[0].reason
    assert report.ingested == [f"t-{i}" for i in range(250)]
    assert report.summary.articles == 250
    assert store.stats().articles == 250


def test_the_outage_report_names_the_failed_batch() -> None:
    log = WriteLog()
    for aid in ("a1", "a2"):
        log.add(aid)
    batch = ["b1", "b2", "b3"]
    said = log.report(batch, uncertain=True)
    assert said.startswith("articles 'b1' … 'b3' (3, one transaction) may or may not be stored")
    assert "written before the outage: 2 article(s) (a1, a2)" in said
    assert log.report(batch, uncertain=False).startswith(
        "articles 'b1' … 'b3' (3, one transaction) were not written"
    )
    assert log.report(["b1"], uncertain=False).startswith("article 'b1' was not written")


def _snapshotted(tx: Any, work: Any, batch: list[Extraction]) -> list[UpsertSummary]:
    """The change log of a batch read from the graph around the write (the way a
    retraction's is), instead of from the write's journal."""
    scope = upsert_scope(batch, lambda x: Neo4jLookup(tx, x))
    result, bodies = recorded(CypherSnapshot(tx), scope, lambda: work(tx, batch, Journal()))
    neo4j_log.append(tx, bodies)
    return result  # type: ignore[no-any-return]


def _change_log(store: Neo4jStore) -> list[Any]:
    rows = store.read("MATCH (c:Change) RETURN c.body AS body ORDER BY c.seq")
    return [json.loads(r["body"]) for r in rows]


@pytest.mark.neo4j
def test_the_journal_records_the_changes_the_graph_around_the_write_shows(
    neo4j: Neo4jStore, batch_size: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch's changes come from its journal (graph/store/neo4j/journal.py), not from
    reading every event it touches before and after; for every case of `_ops` (events
    added, changed, appended to and gone, entities left without mentions and back,
    re-upserts that change nothing) and batches of 200 and 7, the change log is the one
    the snapshots read from the graph give."""
    reg, ex = _regulator(0), _exchange(900)  # only the article "solo" names Coinex 900
    fine = Relation(type="FINED", source=reg.id, target=ex.id, evidence="Fined.", date="2024")
    solo = Extraction(article=Article(id="solo"), entities=[reg, ex], relations=[fine])
    alone = solo.model_copy(update={"entities": [reg], "relations": []})
    first = [*_ops(), solo]
    again = [*_ops()[:10], _changed(synthetic(5)), alone]
    logs = []
    for size in (200, 7):
        batch_size(size)
        for journalled in (False, True):
            neo4j.clear()
            with monkeypatch.context() as m:
                if not journalled:
                    m.setattr(neo4j_log, "upsert_batch_recorded", _snapshotted)
                neo4j.upsert_many(first)
                neo4j.retract("s-005")
                neo4j.upsert_many(again)
            logs.append(_change_log(neo4j))
        assert logs[-1] == logs[-2], size
    ops = {(kind, c["change"]) for b in logs[0] for kind in ("entities", "facts") for c in b[kind]}
    assert ops == {(k, c) for k in ("entities", "facts") for c in ("added", "changed", "removed")}
