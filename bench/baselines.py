"""Same-run baselines for the ingest figures: the same rows, written the plainest way.

* `sqlite_executemany`: the embedded store's own schema (graph/store/embedded/schema.sql)
  in a fresh file with the store's writer pragmas (graph/store/embedded/db.py
  `STORAGE_PRAGMAS`: WAL, synchronous=FULL, its page cache and checkpoint threshold), and
  the rows an extraction gives (articles, entities, name words, aliases and their sources,
  mentions, one fact per (source, type, target, date), one support row per article and
  fact) written with `executemany`, one transaction per batch: no identity resolution, no
  events, no read-back. What is left is SQLite's own cost for the same data. With
  `journal` (the default) it also writes the rows the store keeps beside the graph for
  every article, in the same tables: its extraction as it arrived and the entity ids it
  gave (`extractions`, `extraction_ids`: judgements replay them), its change-feed record
  with the entities and relation keys it names (`changes`, `change_entities`,
  `change_facts`), and the generation bump. Those tables hold more than half the bytes of
  a loaded store, so a baseline without them (`journal=False`, the figure before session
  27) compares the store with a file that writes less than it does.
* `neo4j_unwind`: the same rows as `UNWIND $rows ... MERGE` statements, one managed write
  transaction per batch, against the same server and database (emptied first): no lock
  node, no state read back, one statement per label or relation type.

SQLite: rows are built before the clock starts; the clock covers the writes and commits
only (the embedded store's figure is compared on SQLite's work). Neo4j: each batch's rows
are built inside its clock, as the store's are (`neo4j_unwind`).
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.identity import fuzzy_words, match_key
from graph.ids import normalize_name
from graph.models import Extraction
from graph.store.changes import ARTICLE_UPSERTED, ChangeBody, EntityChange, FactChange, now_text
from graph.store.embedded.db import SCHEMA_FILE, STORAGE_PRAGMAS
from graph.store.judgements import kept_body
from graph.store.neo4j.write_queries import check_label, check_rel_type
from graph.store.protocol import EntitySummary


@dataclass
class Rows:
    """One batch of extractions as plain rows, per table."""

    articles: list[tuple[Any, ...]] = field(default_factory=list)
    entities: list[tuple[Any, ...]] = field(default_factory=list)
    words: list[tuple[str, str]] = field(default_factory=list)
    aliases: list[tuple[Any, ...]] = field(default_factory=list)
    alias_sources: list[tuple[str, str, str]] = field(default_factory=list)
    mentions: list[tuple[str, str]] = field(default_factory=list)
    facts: list[tuple[Any, ...]] = field(default_factory=list)
    supports: list[tuple[Any, ...]] = field(default_factory=list)
    # the store's journal of each article (`journal`): see the module docstring
    extractions: list[tuple[str, str]] = field(default_factory=list)
    extraction_ids: list[tuple[str, str]] = field(default_factory=list)
    changes: list[tuple[Any, ...]] = field(default_factory=list)
    change_entities: list[tuple[str, int]] = field(default_factory=list)
    change_facts: list[tuple[int, str, str, str]] = field(default_factory=list)


def event_key(source: str, rel: str, target: str, date: str | None) -> str:
    return f"{source}|{rel}|{target}|{date or ''}"


def event_row_id(source: str, rel: str, target: str, date: str | None) -> str:
    """The `facts.event_id` of one (source, type, target, date): shaped as the store's
    (graph/store/events.py `event_id`, 19 characters), so the baseline's event index and
    every index that ends in it are as wide as the store's (the whole key, ~80
    characters, made them wider and the baseline slower than the same rows)."""
    digest = hashlib.sha1(event_key(source, rel, target, date).encode()).hexdigest()
    return f"ev-{digest[:16]}"


def to_rows(batch: Sequence[Extraction], first_seq: int = 1) -> Rows:
    """The batch's rows; its change records are numbered from `first_seq`."""
    rows = Rows()
    for seq, x in enumerate(batch, start=first_seq):
        _journal_rows(rows, x, seq)
        a = x.article
        aid = a.id
        published = a.published.isoformat() if a.published else None
        rows.articles.append((aid, a.url, a.title, a.publisher, published, a.text, None))
        for e in x.entities:
            rows.entities.append(
                (
                    e.id,
                    e.type,
                    e.name,
                    normalize_name(e.name),
                    match_key(e.name),
                    int(e.unnamed),
                    e.count,
                    e.description,
                    e.qid,
                    json.dumps(e.properties, sort_keys=True),
                )
            )
            rows.words += [(w, e.id) for w in sorted(fuzzy_words(match_key(e.name)))]
            rows.mentions.append((e.id, aid))
            for al in e.aliases:
                rows.aliases.append(
                    (
                        e.id,
                        al.name,
                        al.kind,
                        al.lang,
                        normalize_name(al.name),
                        match_key(al.name),
                        1,
                    )
                )
                rows.alias_sources.append((e.id, al.name, aid))
        for r in x.relations:
            key = event_row_id(r.source, r.type, r.target, r.date)
            rows.facts.append((key, r.source, r.type, r.target, r.date, r.date))
            props = json.dumps(r.properties, sort_keys=True)
            rows.supports.append((aid, r.evidence, published, r.confidence, r.date, props, key))
    return rows


def _journal_rows(rows: Rows, x: Extraction, seq: int) -> None:
    """The store's journal rows of one new article: its kept extraction, the entity ids it
    gave, and a change record of the store's shape (every entity and relation key added)."""
    aid = x.article.id
    rows.extractions.append((aid, kept_body(x)))
    rows.extraction_ids += [(eid, aid) for eid in sorted({e.id for e in x.entities})]
    summaries = {
        e.id: EntitySummary(id=e.id, type=e.type, name=e.name, unnamed=e.unnamed, count=e.count)
        for e in x.entities
    }
    keys = sorted({(r.type, r.source, r.target, r.date) for r in x.relations})
    body = ChangeBody(
        kind=ARTICLE_UPSERTED,
        article_id=aid,
        title=x.article.title,
        entities=[EntityChange(entity=summaries[i], change="added") for i in sorted(summaries)],
        facts=[
            FactChange(
                event_id=event_row_id(source, rel, target, date),
                type=rel,
                source=summaries.get(source) or EntitySummary(id=source, type="", name=source),
                target=summaries.get(target) or EntitySummary(id=target, type="", name=target),
                change="added",
            )
            for rel, source, target, date in keys
        ],
        refused=list(x.refused),
    )
    rows.changes.append((seq, now_text(), body.kind, aid, body.model_dump_json()))
    rows.change_entities += [(eid, seq) for eid in body.entity_ids()]
    rows.change_facts += [(seq, *key) for key in sorted({k[:3] for k in keys})]


def _sqlite_write(conn: sqlite3.Connection, rows: Rows) -> None:
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)", rows.articles)
    conn.executemany(
        "INSERT OR IGNORE INTO entities (id, type, name, norm, key, unnamed, cnt, description,"
        " qid, properties) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        rows.entities,
    )
    conn.executemany("INSERT OR IGNORE INTO name_words VALUES (?, ?)", rows.words)
    conn.executemany("INSERT OR IGNORE INTO aliases VALUES (?, ?, ?, ?, ?, ?, ?)", rows.aliases)
    conn.executemany("INSERT OR IGNORE INTO alias_sources VALUES (?, ?, ?)", rows.alias_sources)
    conn.executemany("INSERT OR IGNORE INTO mentions VALUES (?, ?)", rows.mentions)
    conn.executemany(
        "INSERT OR IGNORE INTO facts (event_id, source, type, target, date, start_day)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        rows.facts,
    )
    conn.executemany(
        "INSERT OR REPLACE INTO fact_support (fact_id, article_id, evidence, seen, confidence,"
        " date, properties) SELECT id, ?, ?, ?, ?, ?, ? FROM facts WHERE event_id = ?",
        rows.supports,
    )
    conn.executemany("INSERT OR REPLACE INTO extractions VALUES (?, ?)", rows.extractions)
    conn.executemany("INSERT OR IGNORE INTO extraction_ids VALUES (?, ?)", rows.extraction_ids)
    conn.executemany(
        "INSERT INTO changes (seq, at, kind, article_id, body) VALUES (?, ?, ?, ?, ?)",
        rows.changes,
    )
    conn.executemany("INSERT INTO change_entities VALUES (?, ?)", rows.change_entities)
    conn.executemany("INSERT OR IGNORE INTO change_facts VALUES (?, ?, ?, ?)", rows.change_facts)
    if rows.changes:
        conn.execute("UPDATE meta SET value = value + 1 WHERE key = 'generation'")
    conn.execute("COMMIT")


def sqlite_executemany(
    batches: Sequence[Sequence[Extraction]],
    folder: Path,
    cpu: list[float] | None = None,
    journal: bool = True,
    prepare_cpu: list[float] | None = None,
) -> list[float]:
    """Seconds per batch for the raw SQLite baseline, in a fresh file under `folder`;
    the CPU seconds of each are appended to `cpu` when given (on a shared machine the
    wall time also counts what other processes make the disk wait). `journal`: also the
    store's journal rows (the module docstring). `prepare_cpu` gets the CPU seconds of
    building the rows (outside the clock): what the plainest writer spends in Python."""
    starts = [1 + sum(len(b) for b in batches[:i]) for i in range(len(batches))]
    c0 = time.process_time()
    prepared = [to_rows(b, start) for b, start in zip(batches, starts, strict=True)]
    if prepare_cpu is not None:
        prepare_cpu.append(time.process_time() - c0)
    if not journal:
        prepared = [_data_only(rows) for rows in prepared]
    folder.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(folder / "raw.sqlite3", isolation_level=None)
    try:
        for pragma in STORAGE_PRAGMAS:
            conn.execute(f"PRAGMA {pragma}")
        conn.executescript(SCHEMA_FILE.read_text(encoding="utf-8"))
        times = []
        for rows in prepared:
            t0, c0 = time.perf_counter(), time.process_time()
            _sqlite_write(conn, rows)
            times.append(time.perf_counter() - t0)
            if cpu is not None:
                cpu.append(time.process_time() - c0)
        return times
    finally:
        conn.close()


def _data_only(rows: Rows) -> Rows:
    """The graph's rows alone, without the store's journal (as before session 27)."""
    rows.extractions, rows.extraction_ids, rows.changes = [], [], []
    rows.change_entities, rows.change_facts = [], []
    return rows


# -- Neo4j --------------------------------------------------------------------------------


@dataclass
class CypherBatch:
    """One batch as (statement, rows) pairs, run in one transaction."""

    statements: list[tuple[str, list[dict[str, Any]]]]


ARTICLES = (
    "UNWIND $rows AS r MERGE (a:Article {id: r.id}) "
    "SET a.title = r.title, a.publisher = r.publisher, a.published = r.published, a.text = r.text"
)


def _entities_statement(label: str) -> str:
    return (
        "UNWIND $rows AS r MERGE (e:Entity {id: r.id}) "
        f"ON CREATE SET e:{check_label(label)}, e.type = r.type, e.name = r.name, "
        "e.name_norm = r.norm, e.aliases = r.aliases "
        "WITH e, r MATCH (a:Article {id: r.article}) CREATE (e)-[:MENTIONED_IN]->(a)"
    )


def _facts_statement(rel: str) -> str:
    return (
        "UNWIND $rows AS r MATCH (s:Entity {id: r.source}) MATCH (t:Entity {id: r.target}) "
        f"MERGE (s)-[f:{check_rel_type(rel)} {{event_id: r.key}}]->(t) "
        "ON CREATE SET f.sources = [r.article], f.evidence = [r.evidence], f.date = r.date, "
        "f.confidence = r.confidence "
        "ON MATCH SET f.sources = f.sources + r.article, f.evidence = f.evidence + r.evidence"
    )


def to_cypher(batch: Sequence[Extraction]) -> CypherBatch:
    by_label: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_rel: dict[str, list[dict[str, Any]]] = defaultdict(list)
    articles = []
    for x in batch:
        a = x.article
        articles.append(
            {
                "id": a.id,
                "title": a.title,
                "publisher": a.publisher,
                "published": a.published.isoformat() if a.published else None,
                "text": a.text,
            }
        )
        for e in x.entities:
            by_label[e.type].append(
                {
                    "id": e.id,
                    "type": e.type,
                    "name": e.name,
                    "norm": normalize_name(e.name),
                    "article": a.id,
                    "aliases": [al.name for al in e.aliases],
                }
            )
        for r in x.relations:
            by_rel[r.type].append(
                {
                    "source": r.source,
                    "target": r.target,
                    "article": a.id,
                    "key": event_key(r.source, r.type, r.target, r.date),
                    "evidence": r.evidence or "",
                    "date": r.date,
                    "confidence": r.confidence,
                }
            )
    statements: list[tuple[str, list[dict[str, Any]]]] = [(ARTICLES, articles)]
    statements += [(_entities_statement(t), rows) for t, rows in sorted(by_label.items())]
    statements += [(_facts_statement(t), rows) for t, rows in sorted(by_rel.items())]
    return CypherBatch(statements)


def neo4j_unwind(
    batches: Sequence[Sequence[Extraction]],
    driver: Any,
    database: str,
    cpu: list[float] | None = None,
) -> list[float]:
    """Seconds per batch for the naive UNWIND baseline; the database must be empty.

    Each batch's rows are built from its extractions inside its clock, as the store
    builds its own inside `upsert_many`'s: both writers start from the same
    `Extraction`s and both pay for turning them into parameters (docs/scaling.md,
    "Measuring the Neo4j ingest"). The client CPU seconds of each batch go to `cpu`."""

    def work(tx: Any, batch: CypherBatch) -> None:
        for statement, rows in batch.statements:
            tx.run(statement, rows=rows).consume()

    times = []
    with driver.session(database=database) as session:
        for b in batches:
            t0, c0 = time.perf_counter(), time.process_time()
            session.execute_write(work, to_cypher(b))
            times.append(time.perf_counter() - t0)
            if cpu is not None:
                cpu.append(time.process_time() - c0)
    return times
