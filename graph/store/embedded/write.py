"""The embedded store's writes: one article's upsert or retraction, inside a transaction.

Upserting an article that is already stored replaces its contribution: its old
supports, mentions and alias sources are dropped, the new ones written, and whatever
is left with no support is deleted, all in one transaction (so a re-upsert of the same
extraction changes nothing). Every relation key the article reports now or reported
before is re-cut into events over all its reports (graph/store/embedded/recut.py), so
an ending joins the event it ends and a retracted ending leaves the event active again.
Entity fields: name, type and `unnamed` are fixed by the first article; `count`,
`description` and `qid` are filled when still empty; `properties` gain new keys
(existing keys win). An alias's kind is fixed when first stored.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from functools import lru_cache
from typing import Any

from graph.errors import NotFoundError
from graph.identity import alias_is_identifying, fuzzy_words, match_key, resolve_extraction
from graph.ids import normalize_name
from graph.models import Alias, AliasKind, Entity, Extraction, Relation
from graph.store.embedded.lookup import SqlLookup
from graph.store.embedded.recut import Key, add_report, event_ids, keys_of_article, recut
from graph.store.events import Support
from graph.store.protocol import RetractSummary, UpsertSummary


def _article_refs(conn: sqlite3.Connection, aid: str) -> tuple[set[str], set[tuple[str, str]]]:
    """What an article currently supports besides relations: mentioned entity ids, alias keys."""
    ents = {
        r[0] for r in conn.execute("SELECT entity_id FROM mentions WHERE article_id = ?", (aid,))
    }
    aliases = {
        (r[0], r[1])
        for r in conn.execute(
            "SELECT entity_id, name FROM alias_sources WHERE article_id = ?", (aid,)
        )
    }
    return ents, aliases


def _drop_contribution(conn: sqlite3.Connection, aid: str) -> None:
    for table in ("fact_support", "mentions", "alias_sources"):
        conn.execute(f"DELETE FROM {table} WHERE article_id = ?", (aid,))


def _collect_garbage(
    conn: sqlite3.Connection, ents: set[str], aliases: set[tuple[str, str]]
) -> int:
    """Delete the given entities/aliases that have no support left; the entities deleted.
    (Facts need no collecting: `recut` deletes an event left without reports.)"""
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
    return len(dead_ents)


def entity_row(e: Entity) -> tuple[Any, ...]:
    """An `entities` row of a first sighting."""
    return (
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


def name_word_rows(eid: str, name: str) -> list[tuple[str, str]]:
    """The `name_words` rows fuzzy identity matching looks a named entity up by."""
    return [(w, eid) for w in sorted(fuzzy_words(match_key(name)))]


def _insert_entity(conn: sqlite3.Connection, e: Entity) -> None:
    """A first sighting: the row, plus the words fuzzy identity matching looks up."""
    conn.execute(
        "INSERT INTO entities (id, type, name, norm, key, unnamed, cnt, description, qid,"
        " properties) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        entity_row(e),
    )
    if not e.unnamed:
        conn.executemany(
            "INSERT OR IGNORE INTO name_words (word, entity_id) VALUES (?, ?)",
            name_word_rows(e.id, e.name),
        )


def alias_rows(
    e: Entity, name: str, etype: str, aid: str
) -> tuple[list[tuple[Any, ...]], list[tuple[str, str, str]]]:
    """The entity's `aliases` rows (except its stored name) and their `alias_sources`
    rows naming this article; the stored `name` and `etype` decide, since the first
    article fixed them."""
    own = _normalized(name)
    aliases: list[tuple[Any, ...]] = []
    sources: list[tuple[str, str, str]] = []
    for alias in e.aliases:
        norm, key, identifying = _alias_columns(alias.name, alias.kind, etype)
        if not norm or norm == own:
            continue
        aliases.append((e.id, alias.name, alias.kind, alias.lang, norm, key, identifying))
        sources.append((e.id, alias.name, aid))
    return aliases, sources


# An ingest writes the same names and aliases article after article (a regulator's
# abbreviation in each of its actions): their columns, pure functions of the text, are
# worked out once (bench/embedded_ingest.py: ~3% of the write's CPU).
_normalized = lru_cache(maxsize=1 << 16)(normalize_name)


@lru_cache(maxsize=1 << 16)
def _alias_columns(name: str, kind: AliasKind, etype: str) -> tuple[str, str, int]:
    """An alias's `norm`, `key` and `identifying` columns."""
    identifying = alias_is_identifying(Alias(name=name, kind=kind), etype)
    return normalize_name(name), match_key(name), int(identifying)


def _write_aliases(conn: sqlite3.Connection, e: Entity, name: str, etype: str, aid: str) -> None:
    aliases, sources = alias_rows(e, name, etype, aid)
    for alias, source in zip(aliases, sources, strict=True):
        conn.execute(
            "INSERT OR IGNORE INTO aliases (entity_id, name, kind, lang, norm, key, identifying)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            alias,
        )
        conn.execute(
            "INSERT OR IGNORE INTO alias_sources (entity_id, name, article_id) VALUES (?, ?, ?)",
            source,
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


def report_of(r: Relation, aid: str, seen: dt.date | None) -> Support:
    """This article's report of a relation, as the event rules read it."""
    return Support(aid, r.evidence, seen, r.confidence, r.date, dict(r.properties))


def article_row(extraction: Extraction) -> tuple[Any, ...]:
    a = extraction.article
    published = a.published.isoformat() if a.published else None
    return (a.id, a.url, a.title, a.publisher, published, a.text, a.source_path)


def upsert_article(
    conn: sqlite3.Connection, extraction: Extraction, already_resolved: bool = False
) -> UpsertSummary:
    """Write one checked extraction; the caller holds the write transaction. A relation
    counts as new when its report lands in an event the store did not have before.
    `already_resolved`: its ids were resolved in this transaction (the change feed does it
    first, graph/store/change_diff.py), so it is not done twice."""
    if already_resolved:
        resolved = extraction
    else:
        resolved, _ = resolve_extraction(extraction, SqlLookup(conn))
    aid = resolved.article.id
    old_ents, old_aliases = _article_refs(conn, aid)
    reports: dict[Key, Support] = {}
    for r in resolved.relations:
        reports.setdefault(r.key, report_of(r, aid, resolved.article.published))
    reported = keys_of_article(conn, aid)
    touched = sorted(set(reported) | set(reports))
    before = {key: event_ids(conn, key) for key in touched}
    _drop_contribution(conn, aid)
    conn.execute(
        "INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?)", article_row(resolved)
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
    for key in touched:
        if key not in reports:
            recut(conn, key)
            continue
        if key in reported:  # the article's earlier report is gone: re-cut it all
            event = recut(conn, key, [reports[key]])[aid]
        else:
            event = add_report(conn, key, reports[key])
        if event in before[key]:
            summary.relations_merged += 1
        else:
            summary.relations_new += 1
    _collect_garbage(conn, old_ents, old_aliases)
    return summary


def retract_article(conn: sqlite3.Connection, aid: str) -> RetractSummary:
    """Remove an article and all that only it supported; the caller holds the transaction.
    `relations_deleted`/`relations_kept` count the events the article reported that are
    gone / still there (an event it ended stays, active again)."""
    if conn.execute("SELECT 1 FROM articles WHERE id = ?", (aid,)).fetchone() is None:
        raise NotFoundError(f"no article {aid!r} in the store")
    reported = keys_of_article(conn, aid)
    ents, aliases = _article_refs(conn, aid)
    _drop_contribution(conn, aid)
    conn.execute("DELETE FROM articles WHERE id = ?", (aid,))
    kept = 0
    for key in sorted(reported):
        recut(conn, key)
        kept += reported[key] in event_ids(conn, key)
    dead_ents = _collect_garbage(conn, ents, aliases)
    return RetractSummary(
        article=aid,
        entities_deleted=dead_ents,
        relations_deleted=len(reported) - kept,
        relations_kept=kept,
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
        "changes",
        "change_entities",
        "review_decisions",
        "change_facts",
        "judgements",
        "extractions",
        "extraction_ids",
    ):
        conn.execute(f"DELETE FROM {table}")
    # numbering starts again at 1, as in a new file (tests start empty this way)
    conn.execute("DELETE FROM sqlite_sequence WHERE name IN ('changes', 'judgements')")
