"""The embedded store's batch write (graph/store/embedded/batch_write.py, issue 16 point 2)
leaves exactly what writing the articles one by one leaves.

The reference is the one-by-one path (every article through `upsert_judged`, each in its
own transaction: `batch_write.stored_articles` made to say every article is stored). The
same operations (batches of upserts with re-upserts, rewrites and repeats inside them,
retractions and judgements in between) then go through `upsert_many` with 1, 7 and 200
articles per transaction, and every table is compared row for row, rowids included,
with the change log's bodies and numbers (only its times, and the generation counter,
differ by design), as are the summaries each call returned.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from test_order_independence import CORPUS as IDENTITY_CORPUS

from graph.ids import entity_id, group_id
from graph.models import Alias, Article, Entity, Extraction, Relation
from graph.store.embedded import batch_write
from graph.store.embedded import store as embedded_store
from graph.store.embedded.store import EmbeddedStore
from graph.store.embedded.working import Working
from graph.store.judgements import JudgementIn

Op = list[Extraction] | tuple[str, Any]  # a batch of upserts, or ("retract"|"judge"|"undo", arg)


def _regulator(k: int, rng: random.Random) -> Entity:
    name = f"Markets Authority {k}"
    qid = f"Q{900 + k}" if k % 2 == 0 and rng.random() < 0.7 else None
    if k == 0 and rng.random() < 0.1:
        qid = "Q123"  # another body with the same name: it gets a fresh id
    return Entity(
        id=entity_id("Regulator", name),
        type="Regulator",
        name=name if rng.random() < 0.8 else name.upper(),
        aliases=[Alias(name=f"MA{k}", kind="abbreviation")] if rng.random() < 0.5 else [],
        qid=qid,
        description=f"regulator {k}" if rng.random() < 0.3 else None,
        properties={"seat": f"city {k}"} if rng.random() < 0.3 else {},
    )


def _exchange(k: int, rng: random.Random) -> Entity:
    name = f"Coinex {k}"
    aliases = [Alias(name=f"Coinex {k} Ltd", kind="other")] if rng.random() < 0.3 else []
    if rng.random() < 0.2:
        aliases.append(Alias(name=f"the exchange {k}", kind="descriptive"))
    return Entity(id=entity_id("Exchange", name), type="Exchange", name=name, aliases=aliases)


def _place(k: int) -> Entity:
    name = f"Landia {k}"
    return Entity(id=entity_id("Jurisdiction", name), type="Jurisdiction", name=name)


def _date(rng: random.Random) -> str | None:
    return rng.choice(
        [None, None, "2022", "2022-09", "2022-09-04", "2023", "2023-02", "2023-02-11"]
    )


def _action(rng: random.Random, reg: Entity, ex: Entity, i: int) -> Relation:
    rtype = rng.choice(["FINED", "BANNED", "WARNED", "SUED", "FINED", "BANNED"])
    props: dict[str, Any] = {}
    if rtype == "FINED" and rng.random() < 0.6:
        props = {"amount": rng.choice([30e6, 30.1e6, 5e6]), "currency": "USD"}
    if rtype == "BANNED" and rng.random() < 0.35:
        props = {"status": "ended", "ended_how": rng.choice(["lifted", "overturned"])}
        props["ended_on"] = rng.choice([None, "2023-06", "2024"])
    return Relation(
        type=rtype,
        source=reg.id,
        target=ex.id,
        evidence=f"{reg.name} acted on {ex.name} ({i}).",
        confidence=rng.choice([0.5, 0.7, 0.9]),
        date=_date(rng),
        properties=props,
    )


def synthetic(i: int, rng: random.Random, prefix: str = "s") -> Extraction:
    """Article i: a regulator (some QIDs, one clashing; aliases; fields filled late) acts
    on exchanges of a small pool (shared bodies, reports of one event, fines with amounts,
    lifted bans), sometimes on an unnamed group, sometimes with a seat and a fact the
    ontology refuses."""
    reg = _regulator(rng.randrange(4), rng)
    ents = {reg.id: reg}
    rels = []
    for _ in range(rng.randint(1, 3)):
        ex = _exchange(rng.randrange(6), rng)
        ents.setdefault(ex.id, ex)
        rels.append(_action(rng, reg, ex, i))
    if rng.random() < 0.3:
        place = _place(rng.randrange(3))
        ents[place.id] = place
        rels.append(Relation(type="LOCATED_IN", source=reg.id, target=place.id, evidence="Seat."))
        if rng.random() < 0.3:  # a place is not an organisation: refused, kept in `refused`
            rels.append(Relation(type="LOCATED_IN", source=place.id, target=reg.id))
    if rng.random() < 0.15:
        apps = Entity(
            id=group_id("App", f"{prefix}-{i}", "BANNED", "13 apps", 13),
            type="App",
            name="13 apps",
            unnamed=True,
            count=13 if rng.random() < 0.7 else None,
        )
        ents[apps.id] = apps
        rels.append(Relation(type="BANNED", source=reg.id, target=apps.id, date=_date(rng)))
    day = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(900))
    published = day if rng.random() < 0.85 else None
    article = Article(id=f"{prefix}-{i:03d}", title=f"Action {i}", published=published)
    # model_construct: the refused fact would not validate; the store's check sorts it out
    return Extraction.model_construct(
        article=article, entities=list(ents.values()), relations=rels, refused=[]
    )


def _rewritten(x: Extraction) -> Extraction:
    """The same article, rewritten: its first relation gone, and the entities only it used."""
    rels = x.relations[1:]
    used = {r.source for r in rels} | {r.target for r in rels}
    ents = [e for e in x.entities if e.id in used]
    return x.model_copy(update={"entities": ents, "relations": rels})


def synthetic_ops(seed: int, n: int = 90) -> list[Op]:
    """Batches of new articles with, in and between them: the same article again, a
    rewrite of one, a repeat within one batch, retractions, a merge judgement that later
    articles obey, and its undoing."""
    rng = random.Random(seed)
    xs = [synthetic(i, rng) for i in range(n)]
    ops: list[Op] = []
    done: list[Extraction] = []
    start = 0
    while start < n:
        size = rng.randint(1, 25)
        batch = xs[start : start + size]
        if done and rng.random() < 0.5:
            batch.insert(rng.randrange(len(batch) + 1), rng.choice(done))
        if done and rng.random() < 0.4:
            batch.insert(rng.randrange(len(batch) + 1), _rewritten(rng.choice(done)))
        if rng.random() < 0.2:
            batch.append(batch[0])
        ops.append(batch)
        done += batch
        start += size
        if rng.random() < 0.4:
            ops.append(("retract", rng.choice(done).article.id))
        if start >= n // 3 and not any(isinstance(o, tuple) and o[0] == "judge" for o in ops):
            merge = JudgementIn(
                kind="merge",
                entity=entity_id("Exchange", "Coinex 5"),
                other=entity_id("Exchange", "Coinex 4"),
            )
            ops.append(("judge", merge))
        if start >= 2 * n // 3 and not any(isinstance(o, tuple) and o[0] == "undo" for o in ops):
            ops.append(("undo", None))
    return ops


def run(store: EmbeddedStore, ops: list[Op], one_by_one: bool) -> list[Any]:
    """Apply the operations; what each returned (summaries of upserts and retractions)."""
    out: list[Any] = []
    judgement = None
    for op in ops:
        if isinstance(op, list):
            if one_by_one:
                out.append([store.upsert(x) for x in op])
                out[-1] = sum(out[-1][1:], out[-1][0])
            else:
                out.append(store.upsert_many(op))
        elif op[0] == "retract":
            try:
                out.append(store.retract(op[1]))
            except Exception as exc:  # already retracted: both paths must refuse alike
                out.append(repr(exc))
        elif op[0] == "judge":
            judgement = store.judge(op[1])
            out.append(judgement.model_dump(exclude={"at"}))
        elif judgement is not None:
            out.append(store.undo_judgement(judgement.id).model_dump(exclude={"at"}))
    return out


def dump(store: EmbeddedStore) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, rowids included where a table has them; the change log's
    times and the generation counter left out (they differ by design)."""
    conn = sqlite3.connect(store.data_dir / "cryptoreg.sqlite3")
    try:
        out = {}
        tables = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'")
        for name, sql in tables.fetchall():
            rowid = "" if "WITHOUT ROWID" in sql.upper() or name == "sqlite_sequence" else "rowid, "
            rows = conn.execute(f"SELECT {rowid}* FROM {name}").fetchall()
            if name == "changes":
                rows = [(seq, seq2, "", *rest) for seq, seq2, _at, *rest in rows]
            if name == "judgements":
                rows = [(*r[:-1], "") for r in rows]
            if name == "meta":
                rows = [r for r in rows if r[1] != "generation"]
            out[name] = sorted(rows, key=repr)
        return out
    finally:
        conn.close()


def check_same(tmp_path: Path, ops: list[Op], monkeypatch: pytest.MonkeyPatch) -> None:
    """The reference first (every article said to be stored: the one-by-one path), then
    batches of 1, 7 and 200 articles per transaction."""
    reference = EmbeddedStore(tmp_path / "ref")
    with monkeypatch.context() as m:
        m.setattr(batch_write, "stored_articles", lambda conn, ids: set(ids))
        expected = run(reference, ops, one_by_one=True)
    want = dump(reference)
    reference.close()
    assert want["facts"] and want["changes"] and want["aliases"]
    articles = {x.article.id for op in ops if isinstance(op, list) for x in op}
    write_run = batch_write._write_run
    fast: list[int] = []

    def counted(conn: Any, run: list[Extraction], rules: Any) -> Any:
        fast.append(len(run))
        return write_run(conn, run, rules)

    monkeypatch.setattr(batch_write, "_write_run", counted)
    for size in (1, 7, 200):
        monkeypatch.setattr(embedded_store, "BATCH", size)
        fast.clear()
        store = EmbeddedStore(tmp_path / f"batch{size}")
        try:
            got = run(store, ops, one_by_one=False)
            assert sum(fast) >= len(articles), "each article's first write took the batch path"
            assert got == expected, size
            have = dump(store)
            for table in want:
                assert have[table] == want[table], (size, table)
        finally:
            store.close()


@pytest.mark.parametrize("seed", range(4))
def test_synthetic_batches_write_what_one_by_one_writes(
    tmp_path: Path, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    check_same(tmp_path, synthetic_ops(seed), monkeypatch)


def test_identity_corpus_and_its_repeats_write_what_one_by_one_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QID clashes, event groups, aliases and name keys (tests/test_order_independence.py),
    in both orders, then again."""
    corpus = list(IDENTITY_CORPUS)
    ops: list[Op] = [corpus, ("retract", "nw"), corpus[::-1], ("retract", "apps-1"), corpus]
    check_same(tmp_path, ops, monkeypatch)


def test_gold_corpus_writes_what_one_by_one_writes(
    tmp_path: Path,
    seed_gold: list[Extraction],
    dev_gold: list[Extraction],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The gold annotations of the shared corpus (skipped, saying so, when it is absent)."""
    both = [*seed_gold, *dev_gold]
    ops: list[Op] = [both[:5], both[5:], ("retract", both[3].article.id), both[::-1]]
    check_same(tmp_path, ops, monkeypatch)


class CountingConnection:
    """A connection that counts the calls Python makes into SQLite."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.calls = 0

    def execute(self, sql: str, *args: Any) -> Any:
        self.calls += 1
        return self.conn.execute(sql, *args)

    def executemany(self, sql: str, *args: Any) -> Any:
        self.calls += 1
        return self.conn.executemany(sql, *args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.conn, name)


def test_new_articles_cost_a_few_statements_each_not_sixty(tmp_path: Path) -> None:
    """Issue 16: one by one, a new article cost ~60 statements (lookups, two change-feed
    snapshots, re-cuts); the batch path reads a run once and writes it with executemany,
    leaving about one statement per change and per new event. Counted as calls into
    SQLite, on a store that already holds a first batch (so reports join stored events)."""
    rng = random.Random(7)
    xs = [synthetic(i, rng) for i in range(400)]
    store = EmbeddedStore(tmp_path)
    plain = store._conn
    try:
        store.upsert_many(xs[:200])
        counting = CountingConnection(plain)
        store._conn = counting  # type: ignore[assignment]
        store.upsert_many(xs[200:])
        assert counting.calls < 5 * 200, f"{counting.calls} statements for 200 new articles"
    finally:
        store._conn = plain
        store.close()


def test_new_event_rows_get_the_ids_sqlite_would_give(tmp_path: Path) -> None:
    """A waiting event row takes the id an INSERT would get at that point: the largest id
    in the table plus one, so one freed by deleting the largest is given again, as the
    one-by-one path's INSERTs get it; a moved report's event row is written first."""
    store = EmbeddedStore(tmp_path)
    try:
        conn = store._conn
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(
            "INSERT INTO facts (id, event_id, source, type, target)"
            " VALUES (7, 'e7', 'a', 'FINED', 'b')"
        )
        w = Working(conn)
        cols = (None, "active", None, None)
        first = w.insert_fact(("a", "FINED", "c"), "e8", cols)
        second = w.insert_fact(("a", "FINED", "d"), "e9", cols)
        assert (first, second) == (8, 9)
        w.delete_fact(second)
        assert w.insert_fact(("a", "FINED", "e"), "e9b", cols) == 9
        w.delete_fact(9)
        w.delete_fact(8)
        w.delete_fact(7)  # a stored row: deleted at once
        assert w.insert_fact(("a", "FINED", "f"), "e1", cols) == 1
        w.flush()
        rows = conn.execute("SELECT id, event_id FROM facts ORDER BY id").fetchall()
        assert rows == [(1, "e1")]
        conn.execute("ROLLBACK")
    finally:
        store.close()


def _mentioning(i: int, regulator: Entity) -> Extraction:
    target = Entity(id=entity_id("Exchange", f"Coinex {i}"), type="Exchange", name=f"Coinex {i}")
    return Extraction(
        article=Article(id=f"m-{i}", text="x", published=dt.date(2024, 1, 1)),
        entities=[regulator, target],
        relations=[Relation(type="WARNED", source=regulator.id, target=target.id, evidence="s")],
    )


def test_a_mention_alone_writes_no_entity_update(tmp_path: Path) -> None:
    """An article that only mentions a stored entity changes none of its columns, so the
    batch write issues no UPDATE of its row; one that completes it (a description, a new
    property key) does, and the row ends as the one-by-one rules leave it."""
    name = "Markets Authority 1"
    regulator = Entity(
        id=entity_id("Regulator", name), type="Regulator", name=name, properties={"seat": "a"}
    )
    store = EmbeddedStore(tmp_path)
    updates: list[str] = []
    try:
        store.upsert_many([_mentioning(0, regulator)])
        store._conn.set_trace_callback(
            lambda sql: updates.append(sql) if sql.startswith("UPDATE entities") else None
        )
        store.upsert_many([_mentioning(1, regulator), _mentioning(2, regulator)])
        assert updates == []
        more = regulator.model_copy(update={"description": "d", "properties": {"zone": "b"}})
        store.upsert_many([_mentioning(3, more), _mentioning(4, regulator)])
        assert len(updates) == 1
        record = store.get_entity(regulator.id)
        assert record is not None
        assert record.entity.description == "d"
        assert record.entity.properties == {"seat": "a", "zone": "b"}
    finally:
        store.close()


def test_change_numbers_written_together_are_never_reused(tmp_path: Path) -> None:
    """A write's change records go in one statement with the numbers AUTOINCREMENT would
    give: past the largest ever used, even once the newest row is gone."""
    name = "Markets Authority 2"
    regulator = Entity(id=entity_id("Regulator", name), type="Regulator", name=name)
    store = EmbeddedStore(tmp_path)
    try:
        store.upsert_many([_mentioning(0, regulator), _mentioning(1, regulator)])
        conn = store._conn
        conn.execute("DELETE FROM changes WHERE seq = 2")  # autocommit: gone for good
        store.upsert_many([_mentioning(2, regulator), _mentioning(3, regulator)])
        rows = conn.execute("SELECT seq, article_id FROM changes ORDER BY seq").fetchall()
        assert rows == [(1, "m-0"), (3, "m-2"), (4, "m-3")]
        seqs = {r[0] for r in conn.execute("SELECT DISTINCT seq FROM change_entities")}
        assert seqs == {1, 2, 3, 4}
    finally:
        store.close()
