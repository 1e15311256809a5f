"""The Neo4j store's writes: a batch of upserts, or one retraction, in one transaction.

Same semantics as graph/store/embedded/write.py (read its docstring): upserting a stored
article replaces its contribution; entity name, type and `unnamed` are fixed by the
first article, `count`/`description`/`qid` filled when empty, `properties` gain new keys;
an alias's kind is fixed when first stored; whatever is left without support is
deleted. A batch gives the graph (and the summaries) that one transaction per article,
in the batch's order, would give.

How: graph/store/neo4j/working.py locks and reads what the batch touches (its articles
and entities, in id order; no global lock), the functions here apply the articles one
after the other to that state in memory (identity resolution included, against the
store and the batch's earlier articles), and the working set writes the difference
back in a dozen `UNWIND $rows` statements. Each runs inside `session.execute_write`, so
a transient error (a deadlock between two writers, say) re-runs the whole batch.

Events (graph/store/events.py): every relation (source, type, target) an article
touches, now or before, is re-cut with `events_of` over all its supports, read back
from all its parallel relationships; each event whose reports changed is then MERGEd
by `event_id` with its properties replaced, and the relation's relationships whose
event vanished are deleted. The result depends only on the set of supports, so
re-upserting changes nothing and ingest order does not matter. Two shortcuts give the
same events without reading a relation's supports (working.py `read_relations`): reports
that join a relation's only event as they are are appended to it, and dated reports
whose dates agree with no stored report's are cut beside its stored events (beside.py).
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from neo4j import ManagedTransaction

from graph.errors import NotFoundError
from graph.identity import alias_is_identifying, fuzzy_words, match_key, resolve_extraction
from graph.ids import normalize_name
from graph.models import Alias, Entity, Extraction, Relation
from graph.store.events import Support, events_of, joins_single_event
from graph.store.neo4j.journal import Journal
from graph.store.neo4j.records import article_props, support_of
from graph.store.neo4j.working import FactKey, Refs, Working
from graph.store.protocol import RetractSummary, UpsertSummary


@lru_cache(maxsize=1 << 16)
def alias_key(entity_id: str, name: str) -> str:
    """The unique key of an alias node: one per (entity, exact alias string). Cached: a
    batch asks for the same bodies' keys again and again (each article naming them)."""
    return json.dumps([entity_id, name], ensure_ascii=False)


@lru_cache(maxsize=1 << 12)
def _canonical_properties(text: str) -> str:
    """Stored entity `properties` JSON as `_update_props` rewrites it with nothing added
    (few distinct texts: most entities have none)."""
    return json.dumps(json.loads(text), sort_keys=True)


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
    text = stored.get("properties") or "{}"
    if e.properties:
        properties = json.dumps({**e.properties, **json.loads(text)}, sort_keys=True)
    else:
        properties = _canonical_properties(text)
    return {
        "count": _first(stored.get("count"), e.count),
        "description": _first(stored.get("description"), e.description),
        "qid": _first(stored.get("qid"), e.qid),
        "properties": properties,
    }


@dataclass(frozen=True)
class _AliasRow:
    """An alias an entity of the article gives: its node's key, and what a new node of
    it holds (built only for a node not stored yet: `create`)."""

    key: str
    entity_id: str
    alias: Alias
    entity_type: str
    norm: str

    def create(self) -> dict[str, Any]:
        name = self.alias.name
        return {
            "key": self.key,
            "entity_id": self.entity_id,
            "name": name,
            "kind": self.alias.kind,
            "lang": self.alias.lang,
            "name_norm": self.norm,
            "match_key": match_key(name),
            "identifying": _identifying(name, self.alias.kind, self.entity_type),
        }


@lru_cache(maxsize=1 << 14)
def _identifying(name: str, kind: str, entity_type: str) -> bool:
    """`alias_is_identifying` (which reads an alias's name and kind only), cached."""
    return alias_is_identifying(Alias(name=name, kind=kind), entity_type)


def _alias_rows(entities: list[Entity], state: dict[str, dict[str, Any]]) -> list[_AliasRow]:
    rows: dict[str, _AliasRow] = {}
    for e in entities:
        stored = state.get(e.id) or {"name": e.name, "type": e.type}
        own = normalize_name(stored["name"])
        for alias in e.aliases:
            norm = normalize_name(alias.name)
            key = alias_key(e.id, alias.name)
            if not norm or norm == own or key in rows:
                continue
            rows[key] = _AliasRow(key, e.id, alias, stored["type"], norm)
    return list(rows.values())


def _prefetch(w: Working, ops: list[Extraction | str]) -> None:
    """Lock and read up front, in a few statements, all a batch is likely to touch: its
    articles, then every entity id its extractions name (as given and as resolved
    against nothing: the ids identity resolution gives unless a stored QID differs) and
    every entity the articles mention now, then those entities' aliases and relations.
    A relation only new articles report (none of the batch's articles reported it
    before, none comes twice) may be read appended (working.py `read_relations`)."""
    w.lock_articles(x if isinstance(x, str) else x.article.id for x in ops)
    ids: set[str] = set()
    keys: set[FactKey] = set()
    alias_keys: set[str] = set()
    for art in w.articles.values():
        ids |= art.refs.mentions
        keys |= set(art.refs.facts)
        alias_keys |= art.refs.aliases
    whole = set(keys)
    reports: dict[FactKey, list[Support]] = {}
    counts = Counter(x if isinstance(x, str) else x.article.id for x in ops)
    for x in ops:
        if isinstance(x, str):
            continue
        resolved = _foreseen(x)
        ids |= {e.id for e in x.entities} | {e.id for e in resolved.entities}
        relations = _first_by_key(resolved.relations)
        keys |= set(relations)
        if counts[x.article.id] > 1:
            whole |= set(relations)
        for key, rel in relations.items():
            reports.setdefault(key, []).append(support_of(x.article.id, x.article.published, rel))
        for e in resolved.entities:
            alias_keys |= {alias_key(e.id, a.name) for a in e.aliases}
            alias_keys.add(alias_key(e.id, e.name))
    w.lock_entities(ids)
    w.read_aliases(alias_keys)
    w.read_relations(keys, {k: v for k, v in reports.items() if k not in whole})


def _foreseen(x: Extraction) -> Extraction:
    """`x` resolved against an empty store: `x` itself when none of its entities is an
    unnamed group and no two share an id (resolution then keeps every entity and
    relation as it is: only a stored entity, an unnamed group or a duplicate id changes
    one), else resolved."""
    ids = [e.id for e in x.entities]
    if len(set(ids)) == len(ids) and not any(e.unnamed for e in x.entities):
        return x
    resolved, _ = resolve_extraction(x, _Nothing())
    return resolved


class _Nothing:
    """An identity lookup of an empty store (to foresee a batch's ids)."""

    def get(self, entity_id: str) -> None:
        return None


@dataclass
class _Recut:
    """The event each of an article's reports is in now, and how many of the events it
    reported before are gone."""

    placed: dict[FactKey, str] = field(default_factory=dict)
    vanished: int = 0


def _recut(
    w: Working, aid: str, seen: dt.date | None, new: dict[FactKey, Relation], refs: Refs
) -> _Recut:
    """Re-cut into events every relation this article supported or supports, from all
    its supports (this article's replaced by `new`'s).

    A new report that joins a relation's only event as it is (no amount, no ending, no
    date or one the event has at least as precisely: graph/store/events.py
    `joins_single_event`) is added without cutting again, as the embedded store does;
    the events are computed once per relation when the batch is written. New reports
    whose dates agree with no stored report's are cut beside the stored events without
    reading them (graph/store/neo4j/beside.py)."""
    out = _Recut()
    for key in sorted(set(new) | set(refs.facts)):
        rel = w.relation(key)
        rel.dirty = True
        report = support_of(aid, seen, new[key]) if key in new else None
        if rel.beside is not None:
            placed = w.place_beside(key, report) if report is not None else None
            if placed is not None:
                out.placed[key] = placed
                continue
            rel = w.read_whole(key)
        if report is not None and aid not in rel.supports and len(rel.events) == 1:
            (only, date), *_ = rel.events.items()
            if rel.appended is None:
                joins = joins_single_event(report, date)
            else:
                joins = w.appends(key, report)
            if only and joins:
                rel.supports[aid] = report
                rel.cut = None
                out.placed[key] = only
                continue
        if rel.appended is not None:
            rel = w.read_whole(key)
        rel.supports.pop(aid, None)
        if report is not None:
            rel.supports[aid] = report
        cut = rel.cut = events_of(*key, rel.supports.values())
        rel.events = {view.event_id: view.date for view, _ in cut}
        for view, group in cut:
            if any(s.article_id == aid for s in group):
                out.placed[key] = view.event_id
        out.vanished += len(refs.facts.get(key, set()) - set(rel.events))
    return out


def _drop_links(w: Working, aid: str, refs: Refs) -> None:
    for eid in refs.mentions:
        w.entity(eid).mentions.discard(aid)
    for key in refs.aliases:
        w.alias(key).sources.discard(aid)


def _collect_garbage(w: Working, refs: Refs) -> int:
    """Delete aliases and entities the article alone supported; the number of entities."""
    for key in sorted(refs.aliases):
        alias = w.alias(key)
        if alias.props is not None and not alias.sources:
            alias.props = None
    deleted = 0
    for eid in sorted(refs.mentions):
        e = w.entity(eid)
        if e.props is not None and not e.mentions and e.others <= 0:
            w.delete_entity(eid)
            deleted += 1
    return deleted


def _upsert(w: Working, extraction: Extraction) -> UpsertSummary:
    """Apply one checked extraction to the working set, as its own transaction would."""
    resolved, _ = resolve_extraction(extraction, w)
    aid = resolved.article.id
    art = w.article(aid)
    refs = art.refs
    entities = _first_by_id(resolved.entities)
    relations = _first_by_key(resolved.relations)
    # the stored entities as read (their name and type, which no later article changes)
    state = {e.id: p for e in entities if (p := w.entity(e.id).props) is not None}
    before = {k: set(w.relation(k).events) for k in set(relations) | set(refs.facts)}
    _drop_links(w, aid, refs)
    art.props = article_props(resolved.article)
    for e in entities:
        node = w.entity(e.id)
        if node.props is None:
            node.recreated = node.first is not None
            node.props = _create_props(e)
        else:
            node.props.update(_update_props(e, node.props))
        node.mentions.add(aid)
    aliases = _alias_rows(entities, state)
    for row in aliases:
        alias = w.alias(row.key)
        if alias.props is None:
            alias.props = row.create()
            alias.sources.clear()
        alias.sources.add(aid)
    recut = _recut(w, aid, resolved.article.published, relations, refs)
    _collect_garbage(w, refs)
    art.refs = Refs(
        facts={k: {recut.placed[k]} for k in relations},
        mentions={e.id for e in entities},
        aliases={row.key for row in aliases},
    )
    merged_e = sum(1 for e in entities if e.id in state)
    # a relation is merged when its report joined an event the store already had
    merged_r = sum(1 for k in relations if recut.placed[k] in before[k])
    return UpsertSummary(
        articles=1,
        entities_new=len(entities) - merged_e,
        entities_merged=merged_e,
        relations_new=len(relations) - merged_r,
        relations_merged=merged_r,
    )


def upsert_batch_tx(
    tx: ManagedTransaction, extractions: list[Extraction], journal: Journal | None = None
) -> list[UpsertSummary]:
    """Write checked extractions in one transaction, each as if alone and in this order
    (the transaction function of `upsert_many`); one summary per extraction. `journal`,
    when given, is filled with what the write changed (for the change log)."""
    w = Working(tx)
    _prefetch(w, list(extractions))
    summaries = [_upsert(w, x) for x in extractions]
    w.flush()
    if journal is not None:
        journal.fill(w)
    w.settle()
    return summaries


def retract_tx(tx: ManagedTransaction, aid: str) -> RetractSummary:
    """Remove an article and what only it supported (the transaction function of `retract`)."""
    w = Working(tx)
    _prefetch(w, [aid])
    art = w.article(aid)
    if not art.existed or art.props is None:
        raise NotFoundError(f"no article {aid!r} in the store")
    refs = art.refs
    _drop_links(w, aid, refs)
    art.props, art.refs = None, Refs()
    dead_facts = _recut(w, aid, None, {}, refs).vanished
    dead_entities = _collect_garbage(w, refs)
    w.flush()
    w.settle()
    return RetractSummary(
        article=aid,
        entities_deleted=dead_entities,
        relations_deleted=dead_facts,
        relations_kept=sum(len(ids) for ids in refs.facts.values()) - dead_facts,
    )
