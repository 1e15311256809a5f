"""Embedded-only guarantees: durability under kill -9, readers beside a writer, view refresh.

The writer runs in a child process (a real second process, as the CLI ingest beside the
API would be). It prints `ack <article id>` only after `upsert` returned, i.e. after
COMMIT; the parent SIGKILLs it mid-stream and checks what survived.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

from graph.models import Article, Entity, Extraction, Relation
from graph.store.embedded.db import DB_NAME
from graph.store.embedded.store import EmbeddedStore

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
