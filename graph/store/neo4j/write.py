"""The Neo4j store's writes: one article's upsert or retraction inside one transaction.

Same semantics as graph/store/embedded/write.py (read its docstring): upserting a stored
article replaces its contribution; entity name, type and `unnamed` are fixed by the
first article, `count`/`description`/`qid` filled when empty, `properties` gain new keys;
an alias's kind is fixed when first stored; whatever is left without support is
deleted. Each function runs inside `session.execute_write`, so it reads the state it
needs, computes the new provenance in Python (graph.store.provenance) and writes it back with
`UNWIND $rows` batches; a transient error makes the driver re-run the whole function.

Events (graph/store/events.py): every relation (source, type, target) the article
touches, now or before, is re-cut with `events_of` over all its supports, read back
from all its parallel relationships; each event's relationship is then MERGEd by
`event_id` with its properties replaced, and the relation's relationships whose event
vanished are deleted. The result depends only on the set of supports, so re-upserting
changes nothing and ingest order does not matter (identity resolution aside).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction

from graph.errors import NotFoundError
from graph.identity import alias_is_identifying, fuzzy_words, match_key, resolve_extraction
from graph.ids import normalize_name
from graph.models import Entity, Extraction, Relation
from graph.store.events import Support, events_of
from graph.store.neo4j import write_queries as q
from graph.store.neo4j.lookup import Neo4jLookup
from graph.store.neo4j.records import article_props, event_props, support_of, supports_from
from graph.store.protocol import RetractSummary, UpsertSummary

FactKey = tuple[str, str, str]  # (source id, type, target id)


@dataclass
class Refs:
    """What an article supports before the write: the events of each relation it
    supports (their `event_id`s), mentioned entity ids and alias keys."""

    facts: dict[FactKey, set[str]]
    mentions: set[str]
    aliases: set[str]
    exists: bool = True


def alias_key(entity_id: str, name: str) -> str:
    """The unique key of an alias node: one per (entity, exact alias string)."""
    return json.dumps([entity_id, name], ensure_ascii=False)


def read_refs(tx: ManagedTransaction, aid: str) -> Refs:
    """What the article supports now, read inside the write so the rewrite sees it all."""
    row = tx.run(q.ARTICLE_REFS, article_id=aid).single()
    if row is None:  # OPTIONAL MATCH always gives one row; this keeps mypy honest
        return Refs({}, set(), set(), exists=False)
    facts: dict[FactKey, set[str]] = {}
    for f in row["facts"]:
        facts.setdefault((f["source"], f["type"], f["target"]), set()).add(f["event_id"] or "")
    return Refs(facts, set(row["mentions"]), set(row["aliases"]), exists=bool(row["exists"]))


def _first_by_id(entities: list[Entity]) -> list[Entity]:
    seen: set[str] = set()
    return [e for e in entities if not (e.id in seen or seen.add(e.id))]  # type: ignore[func-returns-value]


def _first_by_key(relations: list[Relation]) -> dict[FactKey, Relation]:
    out: dict[FactKey, Relation] = {}
    for r in relations:
        out.setdefault(r.key, r)
    return out


def _create_props(e: Entity) -> dict[str, Any]:
    norm = normalize_name(e.name)
    return {
        "id": e.id,
        "type": e.type,
        "name": e.name,
        "name_norm": norm,
        "match_key": match_key(e.name),
        "unnamed": e.unnamed,
        "count": e.count,
        "description": e.description,
        "qid": e.qid,
        "properties": json.dumps(e.properties, sort_keys=True),
        "name_words": [] if e.unnamed else sorted(fuzzy_words(match_key(e.name))),
        "aliases": [],
        "alias_kinds": [],
        "alias_langs": [],
        "alias_norms": [],
        "names_norm": [norm],
    }


def _first(stored: Any, incoming: Any) -> Any:
    return stored if stored is not None else incoming


def _update_props(e: Entity, stored: dict[str, Any]) -> dict[str, Any]:
    props = {**e.properties, **json.loads(stored.get("properties") or "{}")}
    return {
        "count": _first(stored.get("count"), e.count),
        "description": _first(stored.get("description"), e.description),
        "qid": _first(stored.get("qid"), e.qid),
        "properties": json.dumps(props, sort_keys=True),
    }


def _write_entities(
    tx: ManagedTransaction, aid: str, entities: list[Entity], state: dict[str, dict[str, Any]]
) -> None:
    rows = []
    for e in entities:
        stored = state.get(e.id)
        update = _update_props(e, stored) if stored is not None else {}
        rows.append({"id": e.id, "create": _create_props(e), "update": update})
    if rows:
        tx.run(q.merge_entities(), article_id=aid, rows=rows).consume()


def _alias_rows(entities: list[Entity], state: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for e in entities:
        stored = state.get(e.id) or {"name": e.name, "type": e.type}
        own = normalize_name(stored["name"])
        for alias in e.aliases:
            norm = normalize_name(alias.name)
            key = alias_key(e.id, alias.name)
            if not norm or norm == own or key in rows:
                continue
            rows[key] = {
                "key": key,
                "entity_id": e.id,
                "create": {
                    "key": key,
                    "entity_id": e.id,
                    "name": alias.name,
                    "kind": alias.kind,
                    "lang": alias.lang,
                    "name_norm": norm,
                    "match_key": match_key(alias.name),
                    "identifying": alias_is_identifying(alias, stored["type"]),
                },
            }
    return list(rows.values())


@dataclass
class Stored:
    """One relation as stored: every support of all its parallel relationships, and
    their event ids."""

    supports: list[Support] = field(default_factory=list)
    events: set[str] = field(default_factory=set)


def relation_state(tx: ManagedTransaction, keys: Iterable[FactKey]) -> dict[FactKey, Stored]:
    """Each relation's supports, read back from all its parallel relationships."""
    rows = [{"source": s, "type": t, "target": o} for s, t, o in sorted(set(keys))]
    out: dict[FactKey, Stored] = {}
    if rows:
        for r in tx.run(q.FACT_STATE, rows=rows):
            stored = out.setdefault((r["source"], r["type"], r["target"]), Stored())
            stored.supports += supports_from(r["props"])
            stored.events.add(r["props"].get("event_id") or "")
    return out


@dataclass
class Recut:
    """What re-cutting an article's relations did: the event each of its reports is in
    now, and how many of the events it reported before are gone."""

    placed: dict[FactKey, str] = field(default_factory=dict)
    vanished: int = 0


def _write_facts(
    tx: ManagedTransaction,
    aid: str,
    seen: dt.date | None,
    new: dict[FactKey, Relation],
    state: dict[FactKey, Stored],
    old: dict[FactKey, set[str]],
) -> Recut:
    """Re-cut into events every relation this article supported or supports, from all
    its supports (this article's replaced by `new`'s), write each event's relationship
    by `event_id` and delete the relation's relationships whose event vanished."""
    rows: list[dict[str, Any]] = []
    keep: list[dict[str, Any]] = []
    out = Recut()
    for key in sorted(set(new) | set(old)):
        source, rtype, target = key
        stored = state.get(key, Stored())
        supports = [s for s in stored.supports if s.article_id != aid]
        if key in new:
            supports.append(support_of(aid, seen, new[key]))
        events = events_of(source, rtype, target, supports)
        ids = {view.event_id for view, _ in events}
        keep.append({"source": source, "type": rtype, "target": target, "keep": sorted(ids)})
        for view, group in events:
            row = {"source": source, "type": rtype, "target": target, "event_id": view.event_id}
            rows.append(row | {"props": event_props(rtype, source, target, view, group)})
            if any(s.article_id == aid for s in group):
                out.placed[key] = view.event_id
        out.vanished += len(old.get(key, set()) - ids)
    if keep:
        tx.run(q.DELETE_VANISHED_EVENTS, rows=keep).consume()
    if rows:
        tx.run(q.merge_facts(), rows=rows).consume()
    return out


def _drop_links(tx: ManagedTransaction, aid: str, refs: Refs) -> None:
    tx.run(q.DROP_MENTIONS, article_id=aid).consume()
    if refs.aliases:
        tx.run(q.DROP_ALIAS_SOURCES, keys=sorted(refs.aliases), article_id=aid).consume()


def _collect_garbage(tx: ManagedTransaction, refs: Refs) -> int:
    """Delete aliases and entities the article alone supported; the number of entities."""
    if refs.aliases:
        tx.run(q.DELETE_EMPTY_ALIASES, keys=sorted(refs.aliases)).consume()
    if not refs.mentions:
        return 0
    record = tx.run(q.DELETE_UNMENTIONED, ids=sorted(refs.mentions)).single()
    return int(record["deleted"]) if record else 0


def _refresh(tx: ManagedTransaction, ids: set[str]) -> None:
    if ids:
        tx.run(q.REFRESH_NAMES, ids=sorted(ids)).consume()


def upsert_tx(tx: ManagedTransaction, extraction: Extraction) -> UpsertSummary:
    """Write one checked extraction (the transaction function of `upsert`)."""
    tx.run(q.TAKE_WRITE_LOCK).consume()
    resolved, _ = resolve_extraction(extraction, Neo4jLookup(tx, extraction))
    aid = resolved.article.id
    refs = read_refs(tx, aid)
    entities = _first_by_id(resolved.entities)
    relations = _first_by_key(resolved.relations)
    state = {
        r["id"]: dict(r["props"]) for r in tx.run(q.ENTITY_STATE, ids=[e.id for e in entities])
    }
    existing = relation_state(tx, set(relations) | set(refs.facts))
    _drop_links(tx, aid, refs)
    tx.run(q.MERGE_ARTICLE, id=aid, props=article_props(resolved.article)).consume()
    _write_entities(tx, aid, entities, state)
    aliases = _alias_rows(entities, state)
    if aliases:
        tx.run(q.MERGE_ALIASES, rows=aliases, article_id=aid).consume()
    recut = _write_facts(tx, aid, resolved.article.published, relations, existing, refs.facts)
    _collect_garbage(tx, refs)
    _refresh(tx, {e.id for e in entities} | refs.mentions)
    merged_e = sum(1 for e in entities if e.id in state)
    # a relation is merged when its report joined an event the store already had
    merged_r = sum(1 for k in relations if recut.placed[k] in existing.get(k, Stored()).events)
    return UpsertSummary(
        articles=1,
        entities_new=len(entities) - merged_e,
        entities_merged=merged_e,
        relations_new=len(relations) - merged_r,
        relations_merged=merged_r,
    )


def retract_tx(tx: ManagedTransaction, aid: str) -> RetractSummary:
    """Remove an article and what only it supported (the transaction function of `retract`)."""
    tx.run(q.TAKE_WRITE_LOCK).consume()
    refs = read_refs(tx, aid)
    if not refs.exists:
        raise NotFoundError(f"no article {aid!r} in the store")
    _drop_links(tx, aid, refs)
    tx.run(q.DELETE_ARTICLE, article_id=aid).consume()
    state = relation_state(tx, refs.facts)
    dead_facts = _write_facts(tx, aid, None, {}, state, refs.facts).vanished
    dead_entities = _collect_garbage(tx, refs)
    _refresh(tx, refs.mentions)
    return RetractSummary(
        article=aid,
        entities_deleted=dead_entities,
        relations_deleted=dead_facts,
        relations_kept=sum(len(ids) for ids in refs.facts.values()) - dead_facts,
    )
