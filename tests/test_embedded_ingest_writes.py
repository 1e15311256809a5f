"""What the embedded batch ingest leaves out of its writes (issue 16 point 2), without
changing what it stores (tests/test_batch_write.py, tests/test_fact_summary.py check that):

* a new event row is inserted with the support summary its reports give, after them, so
  the fact_support triggers do not update it again (each update rewrote its entries in
  both rank indexes);
* `facts` has no index of its own for a relation key (facts_order answers that read): a
  file that has the old one loses it on open, and the key's reads use facts_order.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from graph.models import Article, Entity, Extraction, Relation
from graph.store.embedded.db import DB_NAME
from graph.store.embedded.store import EmbeddedStore

REG, EX, EX2 = "regulator:ingest-watchdog", "exchange:ingest-one", "exchange:ingest-two"


def _warned(aid: str, target: str, confidence: float) -> Extraction:
    return Extraction(
        article=Article(id=aid, published=dt.date(2024, 3, 1)),
        entities=[
            Entity(id=REG, type="Regulator", name="Ingest Watchdog"),
            Entity(id=target, type="Exchange", name=target.split(":")[1].replace("-", " ")),
        ],
        relations=[
            Relation(
                type="WARNED",
                source=REG,
                target=target,
                confidence=confidence,
                evidence=f"{aid}: the watchdog warned.",
            )
        ],
    )


def _count_summary_updates(conn: sqlite3.Connection) -> None:
    """Count every change of a facts row's summary in temp.updates (a TEMP trigger may
    watch a main table and write a temp one)."""
    conn.execute("CREATE TEMP TABLE updates (fact_id INTEGER)")
    conn.execute(
        "CREATE TEMP TRIGGER count_updates AFTER UPDATE OF n_sources, best_conf ON main.facts"
        " BEGIN INSERT INTO updates VALUES (NEW.id); END"
    )


def test_new_event_rows_are_written_once_with_their_summary(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path)
    try:
        _count_summary_updates(store._conn)
        # two new events in one batch, one of them reported three times
        store.upsert_many(
            [
                _warned("a", EX, 0.5),
                _warned("b", EX, 0.9),
                _warned("c", EX2, 0.6),
                _warned("d", EX, 0.7),
            ]
        )
        assert store._conn.execute("SELECT count(*) FROM temp.updates").fetchone() == (0,)
        rows = store._conn.execute(
            "SELECT target, n_sources, best_conf FROM facts ORDER BY target"
        ).fetchall()
        assert rows == [(EX, 3, 0.9), (EX2, 1, 0.6)]
        # a report joining a stored event is still counted by the triggers
        store.upsert_many([_warned("e", EX2, 0.8)])
        assert store._conn.execute("SELECT count(*) FROM temp.updates").fetchone() == (1,)
        assert store._conn.execute(
            "SELECT n_sources, best_conf FROM facts WHERE target = ?", (EX2,)
        ).fetchone() == (2, 0.8)
    finally:
        store.close()


def _facts_indexes(conn: sqlite3.Connection) -> set[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'facts'"
        " AND sql IS NOT NULL"
    )
    return {r[0] for r in rows}


def test_a_file_with_the_old_key_index_loses_it_on_open(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path)
    store.upsert_many([_warned("a", EX, 0.5), _warned("b", EX2, 0.9)])
    store.close()
    conn = sqlite3.connect(tmp_path / DB_NAME, isolation_level=None)
    conn.execute("CREATE INDEX facts_key ON facts (source, type, target)")  # as before
    conn.close()
    reopened = EmbeddedStore(tmp_path)
    try:
        have = _facts_indexes(reopened._conn)
        assert "facts_key" not in have
        assert {"facts_order", "facts_target", "facts_in_rank", "facts_out_rank"} <= have
        assert [f.target.id for f in reopened.relations_of(REG)] == [EX, EX2]
        assert len(reopened.relations_of(EX2)) == 1
    finally:
        reopened.close()


def test_key_reads_use_the_order_index(tmp_path: Path) -> None:
    store = EmbeddedStore(tmp_path)
    try:
        conn = store._conn

        def plan(sql: str, *args: str) -> str:
            return " ".join(r[3] for r in conn.execute(f"EXPLAIN QUERY PLAN {sql}", args))

        key = plan(
            "SELECT id FROM facts WHERE source = ? AND type = ? AND target = ?", REG, "WARNED", EX
        )
        assert "facts_order (type=? AND source=? AND target=?)" in key
        counts = plan("SELECT id, type FROM facts WHERE target IN (?)", EX)
        assert "facts_target (target=?)" in counts
    finally:
        store.close()
