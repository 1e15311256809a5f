"""Each embedded fact row's support summary (`n_sources`, `best_conf`: schema.sql) is what
its reports say, after every kind of write: a batch of new articles, an article written
again (the one-by-one path), a retraction, a re-cut that moves reports between events, a
merge and its undo, a review decision; and a file of schema version 5 gets it filled on
open. A capped neighbourhood ranks and filters by the summary (graph/store/embedded/
hub_cut.py), so a stale one would give a wrong answer."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from test_judgements import ORPHAN, SEC, merge, orphan_fines, sec_sues

from graph.models import Article, Entity, Extraction, Relation
from graph.store.embedded.db import DB_NAME
from graph.store.embedded.migrate import SCHEMA_VERSION
from graph.store.embedded.store import EmbeddedStore

REG, EX = "regulator:watchdog", "exchange:target"


def _summaries(store: EmbeddedStore) -> list[tuple[str, int, float]]:
    rows = store._conn.execute("SELECT event_id, n_sources, best_conf FROM facts ORDER BY 1")
    return [tuple(r) for r in rows]


def _from_reports(store: EmbeddedStore) -> list[tuple[str, int, float]]:
    rows = store._conn.execute(
        "SELECT f.event_id, count(s.article_id), coalesce(max(s.confidence), 0) FROM facts f"
        " LEFT JOIN fact_support s ON s.fact_id = f.id GROUP BY f.id ORDER BY 1"
    )
    return [tuple(r) for r in rows]


def _check(store: EmbeddedStore) -> None:
    got = _summaries(store)
    assert got and got == _from_reports(store)


def _warned(
    aid: str, confidence: float, date: str | None = None, ended: bool = False
) -> Extraction:
    props: dict[str, object] = {"ended": True} if ended else {}
    return Extraction(
        article=Article(id=aid, published=dt.date(2024, 1, 1)),
        entities=[
            Entity(id=REG, type="Regulator", name="Watchdog"),
            Entity(id=EX, type="Exchange", name="Target Exchange"),
        ],
        relations=[
            Relation(
                type="WARNED",
                source=REG,
                target=EX,
                confidence=confidence,
                date=date,
                evidence=f"{aid} says the watchdog warned.",
                properties=props,
            )
        ],
    )


def test_the_summary_follows_every_write_path(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "s")
    try:
        # a batch of new articles (batch_write.py), the best report in the middle
        store.upsert_many([_warned("a", 0.5), _warned("b", 0.9), _warned("c", 0.7)])
        _check(store)
        assert [r[1:] for r in _summaries(store)] == [(3, 0.9)]
        # the best article written again, now less sure (the one-by-one path)
        store.upsert(_warned("b", 0.4))
        _check(store)
        assert [r[1:] for r in _summaries(store)] == [(3, 0.7)]
        # a dated report splits the key into events: reports move between rows
        store.upsert_many([_warned("d", 0.8, "2023-05-02"), _warned("e", 0.6, "2021")])
        _check(store)
        # the best report retracted, then another: the best falls back
        store.retract("c")
        _check(store)
        store.retract("d")
        _check(store)
        # a merge replays articles onto another entity, its undo back
        store.upsert_many([sec_sues(), orphan_fines()])
        _check(store)
        j = store.judge(merge())
        _check(store)
        assert store.get_entity(ORPHAN) is None
        store.undo_judgement(j.id)
        _check(store)
        # a review decision changes no report
        event = store.relations_of(SEC, review="all")[0].event_id
        store.decide(event, "rejected")
        _check(store)
        # a report replaced in place (INSERT OR REPLACE of the same fact and article)
        fid, aid = store._conn.execute(
            "SELECT fact_id, article_id FROM fact_support ORDER BY confidence DESC LIMIT 1"
        ).fetchone()
        with store._conn:
            store._conn.execute(
                "INSERT OR REPLACE INTO fact_support (fact_id, article_id, confidence)"
                " VALUES (?, ?, 0.01)",
                (fid, aid),
            )
        _check(store)
    finally:
        store.close()


def test_a_version_5_file_gets_its_summaries_on_open(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path / "s")
    store.upsert_many([_warned("a", 0.5), _warned("b", 0.9), sec_sues(), orphan_fines()])
    want = _summaries(store)
    store.close()
    conn = sqlite3.connect(tmp_path / "s" / DB_NAME, isolation_level=None)
    for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type IN ('trigger', 'index')"
        " AND (name LIKE 'fact_support_%' AND type = 'trigger' OR name LIKE 'facts_%_rank')"
    ).fetchall():
        conn.execute(f"DROP {'TRIGGER' if 'support' in name else 'INDEX'} {name}")
    conn.execute("ALTER TABLE facts DROP COLUMN n_sources")
    conn.execute("ALTER TABLE facts DROP COLUMN best_conf")
    conn.execute("UPDATE meta SET value = 5 WHERE key = 'schema_version'")
    conn.close()
    migrated = EmbeddedStore(tmp_path / "s")
    try:
        (version,) = migrated._conn.execute(
            "SELECT value FROM meta WHERE key = 'schema_version'"
        ).fetchone()
        assert version == SCHEMA_VERSION == 6
        assert _summaries(migrated) == want
        migrated.retract("b")  # the triggers are back
        _check(migrated)
    finally:
        migrated.close()
