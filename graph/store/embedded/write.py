"""The embedded store's writes: one article's upsert or retraction, inside a transaction.

Upserting an article that is already stored replaces its contribution: its old
supports, mentions and alias sources are dropped, the new ones written, and whatever
is left with no support is deleted, all in one transaction (so a re-upsert of the same
extraction changes nothing). Entity fields: name, type and `unnamed` are fixed by the
first article; `count`, `description` and `qid` are filled when still empty;
`properties` gain new keys (existing keys win). An alias's kind is fixed when first
stored.
"""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from graph.errors import NotFoundError
from graph.identity import alias_is_identifying, fuzzy_words, match_key, resolve_extraction
from graph.ids import normalize_name
from graph.models import Entity, Extraction, Relation
from graph.store.embedded.lookup import SqlLookup
from graph.store.protocol import RetractSummary, UpsertSummary


def _article_refs(
    conn: sqlite3.Connection, aid: str
) -> tuple[set[int], set[str], set[tuple[str, str]]]:
    """What an article currently supports: fact ids, mentioned entity ids, alias keys."""
    facts = {
        r[0] for r in conn.execute("SELECT fact_id FROM fact_support WHERE article_id = ?", (aid,))
    }
    ents = {
        r[0] for r in conn.execute("SELECT entity_id FROM mentions WHERE article_id = ?", (aid,))
    }
    aliases = {
        (r[0], r[1])
        for r in conn.execute(
            "SELECT entity_id, name FROM alias_sources WHERE article_id = ?", (aid,)
        )
    }
    return facts, ents, aliases


def _drop_contribution(conn: sqlite3.Connection, aid: str) -> None:
    for table in ("fact_support", "mentions", "alias_sources"):
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (aid,))


def _collect_garbage(
    conn: sqlite3.Connection, facts: set[int], ents: set[str], aliases: set[tuple[str, str]]
) -> tuple[int, int]:
    """Delete the given facts/entities/aliases that have no support left; (facts, entities)."""
    dead_facts = [
        f
        for f in sorted(facts)
        if conn.execute("SELECT 1 FROM fact_support WHERE fact_id = ? LIMIT 1", (f,)).fetchone()
        is None
    ]
    conn.executemany("DELETE FROM facts WHERE id = ?", [(f,) for f in dead_facts])
    for entity_id, name in sorted(aliases):
        if (
            conn.execute(
                "SELECT 1 FROM alias_sources WHERE entity_id = ? AND name = ? LIMIT 1",
                (entity_id, name),
            ).fetchone()
            is None
        ):
            conn.execute("DELETE FROM aliases WHERE entity_id = ? AND name = ?", (entity_id, name))
    dead_ents = [
        e
        for e in sorted(ents)
        if conn.execute("SELECT 1 FROM mentions WHERE entity_id = ? LIMIT 1", (e,)).fetchone()
        is None
    ]
    for e in dead_ents:
        for table, col in (
            ("entities", "id"),
            ("aliases", "entity_id"),
            ("alias_sources", "entity_id"),
            ("name_words", "entity_id"),
        ):
            conn.execute(f"DELETE FROM {table} WHERE {col} = ?", (e,))
    return len(dead_facts), len(dead_ents)


def _insert_entity(conn: sqlite3.Connection, e: Entity) -> None:
    """A first sighting: the row, plus the words fuzzy identity matching looks up."""
    conn.execute(
        "INSERT INTO entities (id, type, name, norm, key, unnamed, cnt, description, qid,"
        " properties) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
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
        ),
    )
    if not e.unnamed:
        conn.executemany(
            "INSERT OR IGNORE INTO name_words (word, entity_id) VALUES (?, ?)",
            [(w, e.id) for w in sorted(fuzzy_words(match_key(e.name)))],
        )


def _write_aliases(conn: sqlite3.Connection, e: Entity, name: str, etype: str, aid: str) -> None:
    """The entity's aliases (except its stored name) with this article as a source; the
    stored `name` and `etype` decide, since the first article fixed them."""
    own = normalize_name(name)
    for alias in e.aliases:
        norm = normalize_name(alias.name)
        if not norm or norm == own:
            continue
        conn.execute(
            "INSERT OR IGNORE INTO aliases (entity_id, name, kind, lang, norm, key, identifying)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                e.id,
                alias.name,
                alias.kind,
                alias.lang,
                norm,
                match_key(alias.name),
                int(alias_is_identifying(alias, etype)),
            ),
        )
        conn.execute(
            "INSERT OR IGNORE INTO alias_sources (entity_id, name, article_id) VALUES (?, ?, ?)",
            (e.id, alias.name, aid),
        )


def _write_entity(conn: sqlite3.Connection, e: Entity, aid: str) -> bool:
    """Insert or complete one entity, its mention and aliases; True when it already existed."""
    row = conn.execute(
        "SELECT name, type, properties FROM entities WHERE id = ?", (e.id,)
    ).fetchone()
    if row is None:
        name, etype = e.name, e.type
        _insert_entity(conn, e)
    else:
        name, etype = row[0], row[1]
        props = {**e.properties, **json.loads(row[2])}
        conn.execute(
            "UPDATE entities SET cnt = COALESCE(cnt, ?), description = COALESCE(description, ?),"
            " qid = COALESCE(qid, ?), properties = ? WHERE id = ?",
            (e.count, e.description, e.qid, json.dumps(props, sort_keys=True), e.id),
        )
    conn.execute(
        "INSERT OR IGNORE INTO mentions (entity_id, article_id) VALUES (?, ?)", (e.id, aid)
    )
    _write_aliases(conn, e, name, etype, aid)
    return row is not None


def _write_relation(conn: sqlite3.Connection, r: Relation, aid: str, seen: str | None) -> bool:
    """Add this article's support to a fact; True when the fact already existed."""
    row = conn.execute(
        "SELECT id FROM facts WHERE source = ? AND type = ? AND target = ?",
        (r.source, r.type, r.target),
    ).fetchone()
    if row is None:
        fact_id = conn.execute(
            "INSERT INTO facts (source, type, target) VALUES (?, ?, ?)",
            (r.source, r.type, r.target),
        ).lastrowid
    else:
        fact_id = row[0]
    conn.execute(
        "INSERT OR REPLACE INTO fact_support"
        " (fact_id, article_id, evidence, seen, confidence, date, properties)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        (
            fact_id,
            aid,
            r.evidence,
            seen,
            r.confidence,
            r.date.isoformat() if r.date else None,
            json.dumps(r.properties, sort_keys=True),
        ),
    )
    return row is not None


def _article_row(extraction: Extraction) -> tuple[Any, ...]:
    a = extraction.article
    published = a.published.isoformat() if a.published else None
    return (a.id, a.url, a.title, a.publisher, published, a.text, a.source_path)


def upsert_article(conn: sqlite3.Connection, extraction: Extraction) -> UpsertSummary:
    """Write one checked extraction; the caller holds the write transaction."""
    resolved, _ = resolve_extraction(extraction, SqlLookup(conn))
    aid = resolved.article.id
    old = _article_refs(conn, aid)
    _drop_contribution(conn, aid)
    conn.execute(
        "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)", _article_row(resolved)
    )
    summary = UpsertSummary(articles=1)
    done: set[str] = set()
    for e in resolved.entities:
        if e.id in done:
            continue
        done.add(e.id)
        if _write_entity(conn, e, aid):
            summary.entities_merged += 1
        else:
            summary.entities_new += 1
    seen = resolved.article.published.isoformat() if resolved.article.published else None
    written: set[tuple[str, str, str]] = set()
    for r in resolved.relations:
        if r.key in written:
            continue
        written.add(r.key)
        if _write_relation(conn, r, aid, seen):
            summary.relations_merged += 1
        else:
            summary.relations_new += 1
    _collect_garbage(conn, *old)
    return summary


def retract_article(conn: sqlite3.Connection, aid: str) -> RetractSummary:
    """Remove an article and all that only it supported; the caller holds the transaction."""
    if conn.execute("SELECT 1 FROM articles WHERE id = ?", (aid,)).fetchone() is None:
        raise NotFoundError(f"no article {aid!r} in the store")
    facts, ents, aliases = _article_refs(conn, aid)
    _drop_contribution(conn, aid)
    conn.execute("DELETE FROM articles WHERE id = ?", (aid,))
    dead_facts, dead_ents = _collect_garbage(conn, facts, ents, aliases)
    return RetractSummary(
        article=aid,
        entities_deleted=dead_ents,
        relations_deleted=dead_facts,
        relations_kept=len(facts) - dead_facts,
    )


def clear_all(conn: sqlite3.Connection) -> None:
    """Empty every table (the caller holds the transaction)."""
    for table in (
        "articles",
        "entities",
        "name_words",
        "aliases",
        "alias_sources",
        "mentions",
        "facts",
        "fact_support",
    ):
        conn.execute(f"DELETE FROM {table}")
