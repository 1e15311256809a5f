"""Embedded-only guarantees: durability under kill -9, readers beside a writer, view refresh;
events in the store's own tables (one facts row per event, re-cut on every write, a
version-1 file migrated on open).

The writer runs in a child process (a real second process, as the CLI ingest beside the
API would be). It prints `ack <article id>` only after `upsert` returned, i.e. after
COMMIT; the parent SIGKILLs it mid-stream and checks what survived.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest

from graph.identity import match_key
from graph.ids import normalize_name
from graph.models import Article, Entity, Extraction, Relation
from graph.store.embedded import read as rd
from graph.store.embedded.db import DB_NAME, WAL_LIMIT_BYTES, write_tx
from graph.store.embedded.migrate import SCHEMA_VERSION
from graph.store.embedded.recut import recut
from graph.store.embedded.store import EmbeddedStore
from graph.store.embedded.write import upsert_article
from graph.store.protocol import Fact

WRITER = r"""
import sys
from pathlib import Path
from graph.store.embedded.store import EmbeddedStore
from tests_support_extraction import synthetic

store = EmbeddedStore(Path(sys.argv[1]))
batch = int(sys.argv[2])
for i in range(100_000):
    if batch > 1:
        xs = [synthetic(i * batch + j) for j in range(batch)]
        store.upsert_many(xs)
        for x in xs:
            print("ack", x.article.id, flush=True)
    else:
        x = synthetic(i)
        store.upsert(x)
        print("ack", x.article.id, flush=True)
"""

SUPPORT = r'''
import datetime as dt
from graph.models import Article, Entity, Extraction, Relation

FACTS_PER_ARTICLE = 6


def synthetic(i):
    """Article i: a regulator (shared by 10 articles) acting on six exchanges of its own."""
    reg = f"regulator:reg-{i % 10}"
    ents = [Entity(id=reg, type="Regulator", name=f"Reg {i % 10}", aliases=[f"R{i}"])]
    rels = []
    for k in range(FACTS_PER_ARTICLE):
        ex = f"exchange:ex-{i}-{k}"
        ents.append(Entity(id=ex, type="Exchange", name=f"Ex {i} {k}"))
        rels.append(Relation(type="WARNED", source=reg, target=ex, evidence=f"s{i}.{k}"))
    day = dt.date(2020, 1, 1) + dt.timedelta(days=i % 1000)
    return Extraction(article=Article(id=f"k-{i:06d}", published=day, text="x" * 2000),
                      entities=ents, relations=rels)
'''


def _spawn(tmp_path: Path, data: Path, batch: int = 1) -> subprocess.Popen[str]:
    (tmp_path / "tests_support_extraction.py").write_text(SUPPORT, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(data), str(batch)],
        stdout=subprocess.PIPE,
        text=True,
        env=env,
        cwd=tmp_path,
    )


def _read_acks(child: subprocess.Popen[str], n: int) -> list[str]:
    assert child.stdout is not None
    acks: list[str] = []
    while len(acks) < n:
        line = child.stdout.readline()
        assert line, "writer died before acknowledging enough articles"
        acks.append(line.split()[1])
    return acks


def _kill(child: subprocess.Popen[str]) -> None:
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert child.returncode == -signal.SIGKILL


def _integrity(data: Path) -> str:
    conn = sqlite3.connect(data / DB_NAME)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def test_kill_minus_nine_loses_no_acknowledged_write(tmp_path: Path) -> None:
    data = tmp_path / "data"
    acked: list[str] = []
    for batch, n in ((1, 25), (20, 60), (1, 40)):
        child = _spawn(tmp_path, data, batch)
        acked += _read_acks(child, n)
        _kill(child)
        assert _integrity(data) == "ok"
    store = EmbeddedStore(data)
    try:
        present = {a.id for a in store.iter_articles()}
        assert set(acked) <= present
        for aid in present:  # every article is whole or absent, never half-written
            got = store.get_article(aid)
            assert got is not None and len(got.facts) == 6 and len(got.entities) == 7
        stats = store.stats()
        assert stats.relations_by_type["WARNED"] == 6 * len(present)
    finally:
        store.close()


def test_reader_process_sees_commits_during_ingest(tmp_path: Path) -> None:
    data = tmp_path / "data"
    EmbeddedStore(data).close()
    child = _spawn(tmp_path, data)
    reader = EmbeddedStore(data)
    try:
        seen_counts = []
        for _ in range(5):
            acked = _read_acks(child, 10)
            count = reader.stats().articles  # reads while the writer keeps writing
            assert all(reader.get_article(a) is not None for a in acked)
            seen_counts.append(count)
        assert seen_counts == sorted(seen_counts) and seen_counts[-1] >= 50
        assert reader.neighbours("regulator:reg-0").nodes
    finally:
        _kill(child)
        reader.close()


def _one(aid: str, target: str) -> Extraction:
    return Extraction(
        article=Article(id=aid),
        entities=[
            Entity(id="regulator:fca", type="Regulator", name="Financial Conduct Authority"),
            Entity(id=target, type="Exchange", name=target.split(":")[1].title()),
        ],
        relations=[Relation(type="WARNED", source="regulator:fca", target=target)],
    )


def test_view_refreshes_after_another_connection_writes(tmp_path: Path) -> None:
    writer, reader = EmbeddedStore(tmp_path), EmbeddedStore(tmp_path)
    try:
        writer.upsert(_one("a1", "exchange:binance"))
        assert [n.id for n in reader.neighbours("regulator:fca").nodes] == [
            "exchange:binance",
            "regulator:fca",
        ]
        writer.upsert(_one("a2", "exchange:bybit"))
        assert len(reader.neighbours("regulator:fca").nodes) == 3
        assert reader.search("bybit")[0].entity.id == "exchange:bybit"
        writer.retract("a1")
        assert [n.id for n in reader.neighbours("regulator:fca").nodes] == [
            "exchange:bybit",
            "regulator:fca",
        ]
        assert reader.search("binance") == []
    finally:
        writer.close()
        reader.close()


def test_reopen_keeps_everything(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path)
    store.upsert(_one("a1", "exchange:binance"))
    before = (store.stats(), list(store.iter_facts()), list(store.iter_entities()))
    store.close()
    again = EmbeddedStore(tmp_path)
    try:
        assert (again.stats(), list(again.iter_facts()), list(again.iter_entities())) == before
        assert _integrity(tmp_path) == "ok"
        mode = again._conn.execute("PRAGMA journal_mode").fetchone()[0]
        assert mode == "wal"
    finally:
        again.close()


# --- events (schema version 2) --------------------------------------------------------------

SEC, KRAKEN, PBOC, HUOBI = (
    "regulator:sec",
    "exchange:kraken",
    "centralbank:peoples-bank-of-china",
    "exchange:huobi",
)

# graph/store/embedded/schema.sql as main had it before events (schema_version 1):
# one facts row per (source, type, target). Kept verbatim: it is the old file format.
V1_SCHEMA = """
-- Schema of the embedded store (graph/store/embedded/store.py). Idempotent: run at every open.
-- One row per fact (source, type, target); its per-article support in fact_support.

CREATE TABLE IF NOT EXISTS meta (
  key   TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT OR IGNORE INTO meta (key, value) VALUES ('generation', 0), ('schema_version', 1);

CREATE TABLE IF NOT EXISTS articles (
  id          TEXT PRIMARY KEY,
  url         TEXT,
  title       TEXT,
  publisher   TEXT,
  published   TEXT,
  text        TEXT NOT NULL DEFAULT '',
  source_path TEXT
);

CREATE TABLE IF NOT EXISTS entities (
  id          TEXT PRIMARY KEY,
  type        TEXT NOT NULL,
  name        TEXT NOT NULL,
  norm        TEXT NOT NULL,   -- graph.ids.normalize_name(name): find_entity, search
  key         TEXT NOT NULL,   -- graph.identity.match_key(name): identity
  unnamed     INTEGER NOT NULL DEFAULT 0,
  cnt         INTEGER,
  description TEXT,
  qid         TEXT,
  properties  TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS entities_norm ON entities (norm);
CREATE INDEX IF NOT EXISTS entities_key ON entities (key);
CREATE INDEX IF NOT EXISTS entities_qid ON entities (qid) WHERE qid IS NOT NULL;
CREATE INDEX IF NOT EXISTS entities_type ON entities (type);

-- Words of named entities' match keys, for fuzzy identity candidates.
CREATE TABLE IF NOT EXISTS name_words (
  word      TEXT NOT NULL,
  entity_id TEXT NOT NULL,
  PRIMARY KEY (word, entity_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS name_words_entity ON name_words (entity_id);

CREATE TABLE IF NOT EXISTS aliases (
  entity_id   TEXT NOT NULL,
  name        TEXT NOT NULL,
  kind        TEXT NOT NULL,   -- fixed when the alias is first stored
  lang        TEXT,
  norm        TEXT NOT NULL,
  key         TEXT NOT NULL,
  identifying INTEGER NOT NULL,
  PRIMARY KEY (entity_id, name)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS aliases_norm ON aliases (norm);
CREATE INDEX IF NOT EXISTS aliases_key ON aliases (key) WHERE identifying = 1;

CREATE TABLE IF NOT EXISTS alias_sources (
  entity_id  TEXT NOT NULL,
  name       TEXT NOT NULL,
  article_id TEXT NOT NULL,
  PRIMARY KEY (entity_id, name, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS alias_sources_article ON alias_sources (article_id);

CREATE TABLE IF NOT EXISTS mentions (
  entity_id  TEXT NOT NULL,
  article_id TEXT NOT NULL,
  PRIMARY KEY (entity_id, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS mentions_article ON mentions (article_id);

CREATE TABLE IF NOT EXISTS facts (
  id     INTEGER PRIMARY KEY,
  source TEXT NOT NULL,
  type   TEXT NOT NULL,
  target TEXT NOT NULL,
  UNIQUE (source, type, target)
);
CREATE INDEX IF NOT EXISTS facts_target ON facts (target, type);
CREATE INDEX IF NOT EXISTS facts_type ON facts (type);

CREATE TABLE IF NOT EXISTS fact_support (
  fact_id    INTEGER NOT NULL,
  article_id TEXT NOT NULL,
  evidence   TEXT,
  seen       TEXT,             -- the article's published date (ISO) or NULL
  confidence REAL NOT NULL,
  date       TEXT,             -- the event's own date (ISO) or NULL
  properties TEXT NOT NULL DEFAULT '{}',
  PRIMARY KEY (fact_id, article_id)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS fact_support_article ON fact_support (article_id);
"""


def _x(
    aid: str, published: str | None, rtype: str, source: str, target: str, **kw: Any
) -> Extraction:
    """An article stating one action between two of the test's four entities."""
    names = {SEC: "Securities Board", KRAKEN: "Kraken", PBOC: "Peoples Bank", HUOBI: "Huobi"}
    types = {SEC: "Regulator", KRAKEN: "Exchange", PBOC: "CentralBank", HUOBI: "Exchange"}
    return Extraction(
        article=Article(
            id=aid,
            published=dt.date.fromisoformat(published) if published else None,
            text=f"text {aid}",
        ),
        entities=[Entity(id=e, type=types[e], name=names[e]) for e in (source, target)],
        relations=[
            Relation(type=rtype, source=source, target=target, evidence=f"said {aid}", **kw)
        ],
    )


def _ban(aid: str, published: str) -> Extraction:
    return _x(aid, published, "BANNED", PBOC, HUOBI, date="2021-09")


def _lifting(aid: str, published: str) -> Extraction:
    props = {"status": "ended", "ended_how": "lifted", "ended_on": "2023-06"}
    return _x(aid, published, "BANNED", PBOC, HUOBI, date="2021", properties=props)


def _fine(aid: str, published: str | None, date: str | None, amount: float | None) -> Extraction:
    props = {"amount": amount, "currency": "USD"} if amount else {}
    return _x(aid, published, "FINED", SEC, KRAKEN, date=date, properties=props)


def _events_corpus() -> list[Extraction]:
    """A ban and its lifting; two distinct fines of one pair, one told twice."""
    return [
        _ban("ev-ban", "2021-09-20"),
        _lifting("ev-lift", "2023-06-15"),
        _fine("ev-fine-2023", "2023-02-10", "2023-02-09", 30_000_000),
        _fine("ev-fine-2025", "2025-01-20", "2025-01", 5_000_000),
        _fine("ev-fine-again", "2023-03-01", None, None),  # undated: joins the 2023 fine
    ]


def _facts(store: EmbeddedStore) -> list[dict[str, Any]]:
    return [f.model_dump(mode="json") for f in store.iter_facts()]


def test_ban_and_its_lifting_are_one_ended_event(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path)
    try:
        store.upsert(_ban("b1", "2021-09-20"))
        lifted = store.upsert(_lifting("b2", "2023-06-15"))
        assert (lifted.relations_new, lifted.relations_merged) == (0, 1)
        (ban,) = store.relations_of(PBOC, ["BANNED"], "out")
        assert ban.sources == ["b1", "b2"] and ban.date == "2021-09"
        assert (ban.status, ban.ended_how, ban.ended_on) == ("ended", "lifted", "2023-06")
        assert ban.in_force_from == dt.date(2021, 9, 1)
        assert ban.in_force_until == dt.date(2023, 6, 1)
        assert [(h.status, h.how, h.sources) for h in ban.history] == [
            ("active", None, ["b1"]),
            ("ended", "lifted", ["b2"]),
        ]
        in_force = store.actions(action_type="BANNED", in_force_on=dt.date(2022, 5, 1))
        assert [f.event_id for f in in_force] == [ban.event_id]
        assert store.actions(action_type="BANNED", in_force_on=dt.date(2023, 6, 1)) == []
        assert store.actions(action_type="BANNED", in_force_on=dt.date(2021, 8, 31)) == []
        assert [f.event_id for f in store.actions(status="ended")] == [ban.event_id]
        assert store.actions(status="active") == []

        gone = store.retract("b2")  # the ending retracted: the ban stands again
        assert (gone.relations_deleted, gone.relations_kept) == (0, 1)
        (again,) = store.relations_of(PBOC, ["BANNED"], "out")
        assert again.event_id == ban.event_id and again.sources == ["b1"]
        assert (again.status, again.ended_how, again.in_force_until) == ("active", None, None)
        today = store.actions(action_type="BANNED", in_force_on=dt.date(2030, 1, 1))
        assert [f.event_id for f in today] == [ban.event_id]
        assert store.actions(status="ended") == []
    finally:
        store.close()


def test_lifting_first_creates_the_event_already_ended(tmp_path: Path) -> None:
    first, second = EmbeddedStore(tmp_path / "a"), EmbeddedStore(tmp_path / "b")
    try:
        load = [_ban("b1", "2021-09-20"), _lifting("b2", "2023-06-15")]
        for x in load:
            first.upsert(x)
        created = second.upsert(load[1])
        assert created.relations_new == 1
        (alone,) = second.relations_of(PBOC, ["BANNED"], "out")
        assert alone.status == "ended" and alone.date == "2021"
        assert second.upsert(load[0]).relations_merged == 1  # the id keeps the year
        assert _facts(second) == _facts(first)
    finally:
        first.close()
        second.close()


def test_two_fines_of_one_pair_stay_two_events(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path)
    try:
        assert store.upsert(_fine("f1", "2023-02-10", "2023-02-09", 30_000_000)).relations_new == 1
        later = store.upsert(_fine("f2", "2025-01-20", "2025-01", 5_000_000))
        assert (later.relations_new, later.relations_merged) == (1, 0)
        undated = store.upsert(_fine("f3", "2023-03-01", None, None))
        assert (undated.relations_new, undated.relations_merged) == (0, 1)
        fines = store.relations_of(SEC, ["FINED"], "out")
        assert len(fines) == 2 and len({f.event_id for f in fines}) == 2
        by_date = {f.date: f for f in fines}
        assert by_date["2023-02-09"].sources == ["f1", "f3"]
        assert by_date["2023-02-09"].properties == {"amount": 30_000_000, "currency": "USD"}
        assert by_date["2025-01"].sources == ["f2"]
        assert store.stats().relations_by_type["FINED"] == 2
        assert [f.date for f in store.actions(action_type="FINED")] == ["2025-01", "2023-02-09"]
        since = store.actions(action_type="FINED", since=dt.date(2024, 1, 1))
        assert [f.date for f in since] == ["2025-01"]
        edges = store.neighbours(SEC).edges  # parallel events: both edges drawn
        assert sorted(f.date or "" for f in edges) == ["2023-02-09", "2025-01"]
        assert len(store.shortest_paths(SEC, KRAKEN)[0].edges) == 2
        assert store.get_entity(SEC).relation_counts == {"FINED": 2}  # type: ignore[union-attr]
        (art,) = [store.get_article("f2")]
        assert art is not None and [f.date for f in art.facts] == ["2025-01"]
        gone = store.retract("f2")
        assert (gone.relations_deleted, gone.relations_kept) == (1, 0)
        assert [f.date for f in store.relations_of(SEC, ["FINED"])] == ["2023-02-09"]
    finally:
        store.close()


def test_reverse_ingest_and_reupsert_give_identical_facts(tmp_path: Path) -> None:
    forward, backward = EmbeddedStore(tmp_path / "f"), EmbeddedStore(tmp_path / "b")
    try:
        corpus = _events_corpus()
        forward.upsert_many(corpus)
        for x in reversed(corpus):
            backward.upsert(x)
        facts = _facts(forward)
        assert len(facts) == 3 and facts == _facts(backward)
        ids = forward._conn.execute("SELECT event_id FROM facts ORDER BY event_id").fetchall()
        assert (
            ids == backward._conn.execute("SELECT event_id FROM facts ORDER BY event_id").fetchall()
        )
        assert forward.actions() == backward.actions()
        again = forward.upsert_many(corpus)
        assert (again.relations_new, again.relations_merged) == (0, len(corpus))
        assert _facts(forward) == facts
    finally:
        forward.close()
        backward.close()


def _write_v1(path: Path, extractions: list[Extraction]) -> None:
    """A version-1 database file holding these articles, as main's store wrote it."""
    path.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path / DB_NAME)
    try:
        conn.executescript(V1_SCHEMA)
        for x in extractions:
            a = x.article
            seen = a.published.isoformat() if a.published else None
            conn.execute(
                "INSERT INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)",
                (a.id, a.url, a.title, a.publisher, seen, a.text, a.source_path),
            )
            for e in x.entities:
                conn.execute(
                    "INSERT OR IGNORE INTO entities (id, type, name, norm, key, unnamed, cnt)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        e.id,
                        e.type,
                        e.name,
                        normalize_name(e.name),
                        match_key(e.name),
                        int(e.unnamed),
                        e.count,
                    ),
                )
                conn.execute("INSERT INTO mentions VALUES (?, ?)", (e.id, a.id))
            for r in x.relations:
                conn.execute(
                    "INSERT OR IGNORE INTO facts (source, type, target) VALUES (?, ?, ?)", r.key
                )
                (fid,) = conn.execute(
                    "SELECT id FROM facts WHERE source = ? AND type = ? AND target = ?", r.key
                ).fetchone()
                conn.execute(
                    "INSERT INTO fact_support VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (
                        fid,
                        a.id,
                        r.evidence,
                        seen,
                        r.confidence,
                        r.date,
                        json.dumps(r.properties, sort_keys=True),
                    ),
                )
        conn.commit()
    finally:
        conn.close()


def test_version_1_file_is_migrated_to_events(tmp_path: Path) -> None:
    corpus = _events_corpus()
    _write_v1(tmp_path / "old", corpus)
    old = sqlite3.connect(tmp_path / "old" / DB_NAME)
    assert old.execute("SELECT COUNT(*) FROM facts").fetchone() == (2,)  # one row per key
    old.close()
    migrated, fresh = EmbeddedStore(tmp_path / "old"), EmbeddedStore(tmp_path / "new")
    try:
        version = migrated._conn.execute(
            "SELECT value FROM meta WHERE key = 'schema_version'"
        ).fetchone()
        assert version == (SCHEMA_VERSION,)  # 6 since fact summaries
        fresh.upsert_many(corpus)
        assert _facts(migrated) == _facts(fresh)
        fines = migrated.relations_of(SEC, ["FINED"])
        assert sorted(f.date or "" for f in fines) == ["2023-02-09", "2025-01"]
        (ban,) = migrated.relations_of(PBOC, ["BANNED"])
        assert (ban.status, ban.ended_how) == ("ended", "lifted")
        assert migrated.stats() == fresh.stats()
        again = migrated.upsert(corpus[0])  # writes after migration behave as on a new file
        assert (again.relations_new, again.relations_merged) == (0, 1)
        assert _facts(migrated) == _facts(fresh)
        assert _integrity(tmp_path / "old") == "ok"
    finally:
        migrated.close()
        fresh.close()
    reopened = EmbeddedStore(tmp_path / "old")  # a second open finds version 3: no-op
    try:
        assert len(_facts(reopened)) == 3
    finally:
        reopened.close()


def _tables(store: EmbeddedStore) -> tuple[list[Any], list[Any]]:
    """The event rows (without row ids) and each report's event, as stored."""
    conn = store._conn
    facts = conn.execute(
        "SELECT event_id, source, type, target, date, status, start_day, end_day FROM facts"
        " ORDER BY event_id"
    ).fetchall()
    reports = conn.execute(
        "SELECT f.event_id, s.article_id, s.date, s.seen, s.properties FROM fact_support s"
        " JOIN facts f ON f.id = s.fact_id ORDER BY 1, 2"
    ).fetchall()
    return facts, reports


def _random_report(rng: random.Random, i: int) -> Extraction:
    """Article i: one report of PBOC BANNED Huobi, or of SEC FINED Kraken, with a date of
    random precision (or none), sometimes an amount, sometimes an ending."""
    published = f"202{rng.randint(1, 5)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
    date = rng.choice([None, None, "2021", "2021-09", "2021-09-04", "2023", "2023-02"])
    if rng.random() < 0.5:
        props: dict[str, Any] = {}
        if rng.random() < 0.3:
            props = {"status": "ended", "ended_how": "lifted"}
            props["ended_on"] = rng.choice([None, "2023-06", "2024"])
        return _x(f"r{i:03d}", published, "BANNED", PBOC, HUOBI, date=date, properties=props)
    amount = rng.choice([None, None, 30_000_000, 30_100_000, 5_000_000])
    return _fine(f"r{i:03d}", published, date, amount)


def test_any_ingest_order_and_retractions_give_the_full_recut(tmp_path: Path) -> None:
    """The events never depend on the order reports arrived in (nor on the write path's
    shortcut): ingest in a random order with retractions on the way, then compare with a
    fresh store fed the surviving reports in id order, and with a full re-cut."""
    for seed in range(6):
        rng = random.Random(seed)
        corpus = [_random_report(rng, i) for i in range(30)]
        hub = [  # one event per key, each report joining it (the write path's shortcut)
            *(_ban(f"hub{i:02d}", f"2022-01-{i + 10}") for i in range(8)),
            *(
                _x(f"prec{i}", f"2022-0{i + 1}-10", "WARNED", SEC, HUOBI, date=date)
                for i, date in enumerate([None, "2022", "2022-03", "2022-03-05", "2022"])
            ),
            *(_x(f"undated{i}", f"2022-0{i + 1}-10", "WARNED", SEC, KRAKEN) for i in range(5)),
        ]
        shuffled = corpus + hub
        rng.shuffle(shuffled)
        dropped = {x.article.id for x in rng.sample(corpus, 6)}
        a, b = EmbeddedStore(tmp_path / f"a{seed}"), EmbeddedStore(tmp_path / f"b{seed}")
        try:
            for x in shuffled:
                a.upsert(x)
                if x.article.id in dropped and rng.random() < 0.5:
                    a.retract(x.article.id)
            for aid in sorted(dropped & {art.id for art in a.iter_articles()}):
                a.retract(aid)
            kept = sorted(
                (x for x in corpus + hub if x.article.id not in dropped),
                key=lambda x: x.article.id,
            )
            b.upsert_many(kept)
            assert _facts(a) == _facts(b), seed
            before = _tables(a)
            with a._lock, write_tx(a._conn):
                for key in a._conn.execute("SELECT DISTINCT source, type, target FROM facts"):
                    recut(a._conn, key)
            assert _tables(a) == before == _tables(b), seed
        finally:
            a.close()
            b.close()


# --- concurrent readers (issue 17 point 4) ----------------------------------------------------


def _synthetic() -> Any:
    """`synthetic(i)` of SUPPORT, in this process."""
    namespace: dict[str, Any] = {}
    exec(SUPPORT, namespace)  # noqa: S102 - the test's own source text
    return namespace["synthetic"]


def _whole(store: EmbeddedStore) -> list[str]:
    """Problems seen in one read transaction: a fact citing an article that is not there,
    or an article without its six facts (half-written)."""
    with store._snapshot():  # the nested public reads join this one transaction
        articles = {a.id for a in store.iter_articles()}
        facts = list(store.iter_facts())
        stats = store.stats()
        view_facts = store.view().graph.number_of_edges()
    problems = [f"{f.event_id} cites {s}" for f in facts for s in f.sources if s not in articles]
    if len(facts) != 6 * len(articles) or stats.articles != len(articles):
        problems.append(f"{len(facts)} facts for {len(articles)} articles")
    if view_facts != len(facts):
        problems.append(f"view has {view_facts} facts, tables {len(facts)}")
    return problems


def test_readers_during_ingest_see_only_whole_articles(tmp_path: Path) -> None:
    """Four reader threads read while a writer thread upserts and retracts: every read
    transaction sees whole articles only, and the readers make progress meanwhile."""
    synthetic = _synthetic()
    store = EmbeddedStore(tmp_path)
    done = threading.Event()
    problems: list[str] = []
    reads = [0] * 4

    def write() -> None:
        try:
            for i in range(150):
                store.upsert(synthetic(i))
                if i % 5 == 4:
                    store.retract(f"k-{i - 3:06d}")
        finally:
            done.set()

    def read(slot: int) -> None:
        while not done.is_set():
            problems.extend(_whole(store))
            reads[slot] += 1

    threads = [threading.Thread(target=read, args=(n,)) for n in range(4)]
    try:
        for t in threads:
            t.start()
        write()
        for t in threads:
            t.join(timeout=60)
        assert problems == []
        assert min(reads) >= 2, reads
        assert _whole(store) == [] and store.stats().articles == 120
    finally:
        done.set()
        store.close()


def test_two_slow_reads_overlap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two reads are inside the store at once: each waits inside its read for the other
    (a barrier), which only returns if neither read holds the other out."""
    store = EmbeddedStore(tmp_path)
    store.upsert(_one("a1", "exchange:binance"))
    barrier = threading.Barrier(2, timeout=10)
    original = rd.entity_records

    def slow(conn: sqlite3.Connection, ids: list[str] | None = None) -> Any:
        barrier.wait()  # BrokenBarrierError if the other read cannot get in meanwhile
        return original(conn, ids)

    results: list[Any] = []
    errors: list[BaseException] = []

    def read() -> None:
        try:
            results.append(store.get_entity("exchange:binance"))
        except BaseException as exc:
            errors.append(exc)

    monkeypatch.setattr(rd, "entity_records", slow)
    try:
        threads = [threading.Thread(target=read) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
        assert errors == []
        assert [r.entity.id for r in results] == ["exchange:binance"] * 2
    finally:
        store.close()


def test_read_during_an_open_write_neither_waits_nor_sees_it(tmp_path: Path) -> None:
    """A write transaction half-way through an article: another thread's read answers at
    once with the last committed generation."""
    store = EmbeddedStore(tmp_path)
    store.upsert(_one("a1", "exchange:binance"))
    half_written = threading.Event()
    finish = threading.Event()

    def write() -> None:
        with store._lock, write_tx(store._conn):
            upsert_article(store._conn, _one("a2", "exchange:bybit"))
            half_written.set()
            finish.wait(timeout=30)

    writer = threading.Thread(target=write)
    writer.start()
    try:
        assert half_written.wait(timeout=30)
        got: list[Any] = []
        reader = threading.Thread(target=lambda: got.append(store.stats().articles))
        reader.start()
        reader.join(timeout=10)
        assert got == [1]  # answered while the writer still holds its transaction
        assert store.get_entity("exchange:bybit") is None
    finally:
        finish.set()
        writer.join(timeout=30)
    try:
        assert store.stats().articles == 2
    finally:
        store.close()


def _wal_bytes(data: Path) -> int:
    wal = data / f"{DB_NAME}-wal"
    return wal.stat().st_size if wal.exists() else 0


def test_wal_that_started_over_is_not_truncated(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Writes each larger than WAL_LIMIT_BYTES with no reader: SQLite's own checkpoint
    copies each one, the next starts the WAL over and SQLite bounds the file at its commit,
    so the store leaves the file (truncating it to zero only made the next write grow it
    again). The WAL still holds one write at most."""
    import graph.store.embedded.store as store_module
    from graph.store.embedded.db import truncate_wal as real_truncate

    truncations: list[int] = []

    def counted(conn: sqlite3.Connection) -> tuple[int, int, int]:
        truncations.append(1)
        return real_truncate(conn)

    monkeypatch.setattr(store_module, "truncate_wal", counted)
    synthetic = _synthetic()
    text = "x" * (WAL_LIMIT_BYTES // 80)  # 100 articles of it pass the limit
    store = EmbeddedStore(tmp_path)
    try:
        for b in range(3):
            batch = [synthetic(b * 100 + i) for i in range(100)]
            store.upsert_many(
                [
                    x.model_copy(update={"article": x.article.model_copy(update={"text": text})})
                    for x in batch
                ]
            )
            assert WAL_LIMIT_BYTES < _wal_bytes(tmp_path) < 3 * WAL_LIMIT_BYTES
        assert truncations == []
        assert store.stats().articles == 300
    finally:
        store.close()
    assert _wal_bytes(tmp_path) == 0


def test_wal_stays_bounded_and_is_emptied_on_close(tmp_path: Path) -> None:
    """Many single-article commits with readers running: the WAL never grows past the
    configured limit plus one auto-checkpoint's worth; closing the store checkpoints it
    to zero bytes even while another process's connection keeps the file open."""
    synthetic = _synthetic()
    store = EmbeddedStore(tmp_path)
    other = sqlite3.connect(tmp_path / DB_NAME)  # keeps SQLite from deleting the WAL itself
    assert other.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 0
    done = threading.Event()
    sizes: list[int] = []

    def read() -> None:
        while not done.is_set():
            store.stats()
            store.search("reg")

    readers = [threading.Thread(target=read) for _ in range(2)]
    try:
        for t in readers:
            t.start()
        for i in range(400):
            store.upsert(synthetic(i))
            sizes.append(_wal_bytes(tmp_path))
        done.set()
        for t in readers:
            t.join(timeout=30)
        assert max(sizes) <= WAL_LIMIT_BYTES + 2 * 1024 * 1024, max(sizes)
        assert sizes[-1] <= WAL_LIMIT_BYTES + 2 * 1024 * 1024
        store.close()
        assert _wal_bytes(tmp_path) == 0
        assert other.execute("SELECT COUNT(*) FROM articles").fetchone()[0] == 400
    finally:
        done.set()
        other.close()
        store.close()


def _many(n: int) -> list[Extraction]:
    """n articles, each one warning of its own exchange by the one regulator, plus a
    ban of the same exchange by a second regulator (two relation types to page over)."""
    out = []
    for i in range(n):
        ex = f"exchange:ex-{i:03d}"
        out.append(
            Extraction(
                article=Article(id=f"p-{i:03d}", text="t" * 50),
                entities=[
                    Entity(id="regulator:fca", type="Regulator", name="FCA Authority"),
                    Entity(id="regulator:sec", type="Regulator", name="SEC Commission"),
                    Entity(id=ex, type="Exchange", name=f"Ex {i:03d}"),
                ],
                relations=[
                    Relation(type="WARNED", source="regulator:fca", target=ex),
                    Relation(type="BANNED", source="regulator:sec", target=ex),
                ],
            )
        )
    return out


def test_iterators_page_in_their_documented_order(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pages of 3 give what one page gives: entities and articles by id, facts in
    `record_order`; and the first item comes after reading one page, not the table."""
    import graph.store.embedded.store as module

    store = EmbeddedStore(tmp_path)
    try:
        store.upsert_many(_many(20))
        whole = (list(store.iter_entities()), list(store.iter_facts()), list(store.iter_articles()))
        assert [e.entity.id for e in whole[0]] == sorted(e.entity.id for e in whole[0])
        assert whole[1] == sorted(whole[1], key=rd.record_order)
        assert [a.id for a in whole[2]] == sorted(a.id for a in whole[2])
        assert len(whole[1]) == 40 and len(whole[2]) == 20

        monkeypatch.setattr(module, "ITER_PAGE", 4)
        asked: list[int] = []
        real = rd.facts_by_ids

        def counted(conn: sqlite3.Connection, ids: list[int]) -> list[Fact]:
            asked.append(len(ids))
            return real(conn, ids)

        monkeypatch.setattr(rd, "facts_by_ids", counted)
        facts = store.iter_facts()
        next(facts)
        assert asked == [4]  # one page read, not all 40 facts
        assert [whole[1][0], *facts] == whole[1]
        paged = (list(store.iter_entities()), list(store.iter_articles()))
        assert paged == (whole[0], whole[2])
    finally:
        store.close()


def test_an_iterator_is_one_generation_and_blocks_no_writer(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An export half-way through: a write lands at once (its reader transaction holds
    no lock a writer needs), and the rest of the iteration still shows the generation it
    began with, even when resumed from another thread (as a streamed response is)."""
    import graph.store.embedded.store as module

    monkeypatch.setattr(module, "ITER_PAGE", 2)
    store = EmbeddedStore(tmp_path)
    try:
        store.upsert_many(_many(6))
        articles = store.iter_articles()
        first = next(articles)
        store.upsert(_many(7)[6])  # p-006 lands while the iterator is open
        assert store.stats().articles == 7
        rest: list[Article] = []
        resumed = threading.Thread(target=lambda: rest.extend(articles))
        resumed.start()
        resumed.join(timeout=30)
        assert [first.id, *(a.id for a in rest)] == [f"p-{i:03d}" for i in range(6)]
        assert [a.id for a in store.iter_articles()][-1] == "p-006"
    finally:
        store.close()


def test_a_page_of_articles_is_read_in_index_order(tmp_path: Path) -> None:
    """`articles` (newest first) walks the `articles_newest` index: no sort of the whole
    table per page, which cost ~8 ms at 10k articles and grew with the store."""
    store = EmbeddedStore(tmp_path)
    try:
        plan = " ".join(
            str(row[-1])
            for row in store._conn.execute("EXPLAIN QUERY PLAN " + rd.ARTICLES_PAGE, (20, 40))
        )
    finally:
        store.close()
    assert "USING INDEX articles_newest" in plan and "TEMP B-TREE" not in plan, plan


def test_typed_traversal_matches_a_walk_over_every_edge(tmp_path: Path) -> None:
    """The view follows a node's edges by type (a hub's one LOCATED_IN is found without
    walking its thousands of actions); on a random graph that gives the same nodes and
    facts as walking every edge and keeping the allowed types."""
    from graph.store.embedded.view import GraphView

    rng = random.Random(7)
    ents = [Entity(id=f"regulator:r{i}", type="Regulator", name=f"R {i}") for i in range(12)]
    places = [Entity(id=f"jurisdiction:p{i}", type="Jurisdiction", name=f"P {i}") for i in range(4)]
    xs = []
    for k in range(60):
        a, b = rng.sample(ents, 2)
        p = rng.choice(places)
        xs.append(
            Extraction(
                article=Article(id=f"a{k}"),
                entities=[a, b, p],
                relations=[
                    Relation(
                        type=rng.choice(["WARNED", "SUED", "BANNED"]), source=a.id, target=b.id
                    ),
                    Relation(type="LOCATED_IN", source=a.id, target=p.id),
                ],
            )
        )
    store = EmbeddedStore(tmp_path)
    try:
        store.upsert_many(xs)
        with store._snapshot():
            view = store.view()
        assert isinstance(view, GraphView)
        g = view.graph
        hub = "regulator:r0"
        assert [fid for _, fid in view._steps(hub, "out", ("LOCATED_IN",))] == [
            d["fact"] for _, _, d in g.out_edges(hub, data=True) if d["type"] == "LOCATED_IN"
        ]
        for types in (
            ("LOCATED_IN",),
            ("WARNED", "SUED"),
            ("WARNED", "SUED", "BANNED", "LOCATED_IN"),
        ):
            for direction in ("out", "in", "both"):
                for start in (hub, "jurisdiction:p1", "regulator:r5"):
                    for depth in (1, 2, 3):
                        nodes, facts = {start}, set()
                        frontier = [start]
                        for _ in range(depth):
                            nxt = []
                            for node in frontier:
                                steps = []
                                if direction != "in":
                                    steps += [(o, d) for _, o, d in g.out_edges(node, data=True)]
                                if direction != "out":
                                    steps += [(o, d) for o, _, d in g.in_edges(node, data=True)]
                                for other, d in steps:
                                    if d["type"] in types:
                                        facts.add(d["fact"])
                                        if other not in nodes:
                                            nodes.add(other)
                                            nxt.append(other)
                            frontier = nxt
                        got = view.neighbours(start, depth, types, direction)
                        assert got == (nodes, facts), (types, direction, start, depth)
    finally:
        store.close()
