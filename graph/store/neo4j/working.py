"""The part of the graph one write transaction touches, locked, read once, and written back.

A batch of articles is written in one transaction (graph/store/neo4j/write.py). Instead
of a statement or two per article and per table, the transaction:

1. **locks** what the batch can touch, each kind in id order so that two writers lock
   in the same order: the articles, then the entities (`MERGE` on the unique id, then a
   `SET` of a scratch property, the idiom of the Cypher manual; a missing node is
   created as a bare placeholder and is filled or deleted before commit). Another writer
   of an overlapping batch waits for the first to commit; writers of disjoint batches
   never wait for each other. There is no global lock node.
2. **reads** their state in a few `UNWIND` statements: the articles' current links
   (`Refs`), the entities' properties and how many articles mention them, the aliases
   and every support of every relation (source, type, target) the batch touches.
   Relations and aliases need no locks of their own: both ends of a relation and an
   alias's entity are locked entities, and every writer that changes them holds those.
3. lets write.py apply the articles one after the other to this state in memory,
   exactly as one transaction per article would have written them;
4. **writes** the difference back, again one `UNWIND` statement per kind.

A locked node can vanish while we wait for its lock (another writer deleted it: an
article retracted, an entity left without mentions). Neo4j then hands us the deleted
node, whose properties read as empty; `LockLostError` makes the store run the whole
transaction again, which then sees the committed state.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction

from graph.identity import Candidate
from graph.store.events import Support, events_of
from graph.store.neo4j import write_queries as q
from graph.store.neo4j.records import event_props, supports_from

FactKey = tuple[str, str, str]  # (source id, type, target id)
SCRATCH = ("_lock", "_fresh")  # properties that only live inside a write transaction


class LockLostError(Exception):
    """A node this transaction locked was deleted by a writer that held it first."""


@dataclass
class Refs:
    """What an article supports: the events of each relation it supports (their
    `event_id`s), mentioned entity ids and alias keys."""

    facts: dict[FactKey, set[str]] = field(default_factory=dict)
    mentions: set[str] = field(default_factory=set)
    aliases: set[str] = field(default_factory=set)


@dataclass
class ArticleState:
    """An article as the batch leaves it; `props` None: not stored."""

    props: dict[str, Any] | None
    refs: Refs
    existed: bool
    first_mentions: frozenset[str]


@dataclass
class EntityState:
    """An entity node: its properties (None: not stored), how many articles outside the
    batch mention it, and which of the batch's articles mention it now."""

    props: dict[str, Any] | None
    others: int
    mentions: set[str]
    first: dict[str, Any] | None
    recreated: bool = False  # deleted (no mention left) then written again in the batch


@dataclass
class AliasState:
    """An alias node: its properties without `sources` (None: not stored), and sources."""

    props: dict[str, Any] | None
    sources: list[str]
    first: tuple[dict[str, Any], list[str]] | None


@dataclass
class RelationState:
    """One relation: every support of its parallel relationships (by article id), the
    events it is cut into now (event id -> date), and the events as read (event id ->
    supports in article-id order), to write back only the events that changed."""

    supports: dict[str, Support]
    events: dict[str, str | None]
    first: dict[str, list[Support]]
    dirty: bool = False


def _plain(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if k not in SCRATCH}


def _lost(rows: Iterable[Any]) -> None:
    if any(r["lost"] for r in rows):
        raise LockLostError("a node was deleted by another writer while this one waited for it")


class Working:
    """The locked working set of one write transaction (see the module docstring).

    Also the batch's `graph.identity.IdentityLookup`: identity resolution asks it for
    the entity with an id, and an id it did not lock up front is locked and read then.
    """

    def __init__(self, tx: ManagedTransaction) -> None:
        self.tx = tx
        self.articles: dict[str, ArticleState] = {}
        self.entities: dict[str, EntityState] = {}
        self.aliases: dict[str, AliasState] = {}
        self.relations: dict[FactKey, RelationState] = {}

    # -- locking and reading -----------------------------------------------------------------

    def lock_articles(self, ids: Iterable[str]) -> None:
        """Lock (creating a placeholder when missing) and read these articles' links."""
        todo = sorted(set(ids) - set(self.articles))
        if not todo:
            return
        rows = list(self.tx.run(q.LOCK_ARTICLES, ids=todo))
        _lost(rows)
        stored = [r["id"] for r in rows if not r["fresh"]]
        refs = {aid: Refs() for aid in todo}
        if stored:
            for r in self.tx.run(q.ARTICLE_REFS_MANY, ids=stored):
                facts: dict[FactKey, set[str]] = {}
                for f in r["facts"]:
                    key = (f["source"], f["type"], f["target"])
                    facts.setdefault(key, set()).add(f["event_id"] or "")
                refs[r["id"]] = Refs(facts, set(r["mentions"]), set(r["aliases"]))
        fresh = {r["id"]: bool(r["fresh"]) for r in rows}
        for aid in todo:
            self.articles[aid] = ArticleState(
                props=None if fresh[aid] else {},
                refs=refs[aid],
                existed=not fresh[aid],
                first_mentions=frozenset(refs[aid].mentions),
            )

    def lock_entities(self, ids: Iterable[str]) -> None:
        """Lock (creating placeholders when missing) and read these entities."""
        todo = sorted(set(ids) - set(self.entities))
        if not todo:
            return
        rows = list(self.tx.run(q.LOCK_ENTITIES, ids=todo))
        _lost(rows)
        for r in rows:
            eid = r["id"]
            props = None if r["fresh"] else _plain(dict(r["props"]))
            mine = {aid for aid, a in self.articles.items() if eid in a.first_mentions}
            self.entities[eid] = EntityState(
                props=props,
                others=int(r["mentions"]) - len(mine),
                mentions=mine,
                first=None if props is None else dict(props),
            )

    def read_aliases(self, keys: Iterable[str]) -> None:
        """Read these alias nodes (their entities are locked already)."""
        todo = sorted(set(keys) - set(self.aliases))
        if not todo:
            return
        found = {r["key"]: dict(r["props"]) for r in self.tx.run(q.ALIAS_STATE, keys=todo)}
        for key in todo:
            props = found.get(key)
            if props is None:
                self.aliases[key] = AliasState(None, [], None)
                continue
            sources = list(props.pop("sources", None) or [])
            self.aliases[key] = AliasState(props, list(sources), (dict(props), list(sources)))

    def read_relations(self, keys: Iterable[FactKey]) -> None:
        """Read every support of these relations (their ends are locked already)."""
        todo = sorted(set(keys) - set(self.relations))
        if not todo:
            return
        for key in todo:
            self.relations[key] = RelationState({}, {}, {})
        rows = [{"source": s, "type": t, "target": o} for s, t, o in todo]
        for r in self.tx.run(q.FACT_STATE, rows=rows):
            rel = self.relations[(r["source"], r["type"], r["target"])]
            props = r["props"]
            event = props.get("event_id") or ""
            group = supports_from(props)
            rel.events[event] = props.get("date")
            rel.first[event] = sorted(group, key=lambda s: s.article_id)
            for s in group:
                rel.supports[s.article_id] = s

    # -- what write.py asks ------------------------------------------------------------------

    def get(self, entity_id: str) -> Candidate | None:
        """graph.identity.IdentityLookup: the entity with this id, as the batch has it now."""
        self.lock_entities([entity_id])
        p = self.entities[entity_id].props
        if p is None:
            return None
        return Candidate(p["id"], p["type"], p["name"], p.get("qid"))

    def article(self, aid: str) -> ArticleState:
        self.lock_articles([aid])
        return self.articles[aid]

    def entity(self, eid: str) -> EntityState:
        self.lock_entities([eid])
        return self.entities[eid]

    def alias(self, key: str) -> AliasState:
        self.read_aliases([key])
        return self.aliases[key]

    def relation(self, key: FactKey) -> RelationState:
        self.read_relations([key])
        return self.relations[key]

    def delete_entity(self, eid: str) -> None:
        """An entity left without mentions goes, with its aliases."""
        state = self.entities[eid]
        state.props = None
        for alias in self.aliases.values():
            if alias.props is not None and alias.props.get("entity_id") == eid:
                alias.props, alias.sources = None, []

    # -- writing back ------------------------------------------------------------------------

    def flush(self) -> None:
        """Write every difference between the state as read and as the batch left it."""
        self._delete_vanished_events()
        self._drop_mentions()
        self._delete_aliases()
        self._delete_entities()
        self._write_articles()
        self._write_entities()
        self._add_mentions()
        self._write_aliases()
        self._write_events()
        self._refresh_entities()

    def _delete_vanished_events(self) -> None:
        rows = []
        for (source, rtype, target), rel in sorted(self.relations.items()):
            if rel.dirty and set(rel.first) - set(rel.events):
                keep = sorted(rel.events)
                rows.append({"source": source, "type": rtype, "target": target, "keep": keep})
        if rows:
            self.tx.run(q.DELETE_VANISHED_EVENTS, rows=rows).consume()

    def _mention_changes(self) -> tuple[list[dict[str, str]], list[dict[str, str]]]:
        dropped, added = [], []
        for aid, art in sorted(self.articles.items()):
            now = art.refs.mentions if art.props is not None else set()
            dropped += [{"entity": e, "article": aid} for e in sorted(art.first_mentions - now)]
            added += [{"entity": e, "article": aid} for e in sorted(now - art.first_mentions)]
        return dropped, added

    def _drop_mentions(self) -> None:
        dropped, _ = self._mention_changes()
        if dropped:
            self.tx.run(q.DROP_MENTIONS_MANY, rows=dropped).consume()

    def _delete_aliases(self) -> None:
        gone = sorted(k for k, a in self.aliases.items() if a.first is not None and a.props is None)
        if gone:
            self.tx.run(q.DELETE_ALIASES, keys=gone).consume()

    def _delete_entities(self) -> None:
        gone = sorted(eid for eid, e in self.entities.items() if e.props is None)
        if gone:
            self.tx.run(q.DELETE_ENTITIES, ids=gone).consume()

    def _write_articles(self) -> None:
        rows = [
            {"id": aid, "props": a.props}
            for aid, a in sorted(self.articles.items())
            if a.props is not None
        ]
        if rows:
            self.tx.run(q.SET_ARTICLES, rows=rows).consume()
        gone = sorted(aid for aid, a in self.articles.items() if a.props is None)
        if gone:
            self.tx.run(q.DELETE_ARTICLES, ids=gone).consume()

    def _write_entities(self) -> None:
        rows = []
        for eid, e in sorted(self.entities.items()):
            if e.props is None:
                continue
            if e.first is None or e.recreated:  # new, or a node written afresh
                stale = {k: None for k in (e.first or {}) if k not in e.props}
                rows.append({"id": eid, "props": {**stale, **e.props, "_fresh": None}})
                continue
            changed = {k: v for k, v in e.props.items() if e.first.get(k) != v}
            if changed:
                rows.append({"id": eid, "props": changed})
        if rows:
            self.tx.run(q.set_entities(), rows=rows).consume()

    def _add_mentions(self) -> None:
        _, added = self._mention_changes()
        if added:
            self.tx.run(q.ADD_MENTIONS, rows=added).consume()

    def _write_aliases(self) -> None:
        rows = []
        for key, a in sorted(self.aliases.items()):
            if a.props is None or (a.first is not None and a.first == (a.props, a.sources)):
                continue
            rows.append({"key": key, "entity_id": a.props["entity_id"], "props": a.props})
            rows[-1]["props"] = {**a.props, "sources": a.sources}
        if rows:
            self.tx.run(q.WRITE_ALIASES, rows=rows).consume()

    def _write_events(self) -> None:
        rows: list[dict[str, Any]] = []
        for key, rel in sorted(self.relations.items()):
            if not rel.dirty:
                continue
            source, rtype, target = key
            for view, group in events_of(source, rtype, target, rel.supports.values()):
                if rel.first.get(view.event_id) == group:
                    continue  # this event's reports are those it had: nothing to write
                row = {"source": source, "type": rtype, "target": target}
                props = event_props(rtype, source, target, view, group)
                rows.append(row | {"event_id": view.event_id, "props": props})
        if rows:
            self.tx.run(q.merge_facts(), rows=rows).consume()

    def _refresh_entities(self) -> None:
        ids = sorted(eid for eid, e in self.entities.items() if e.props is not None)
        if ids:
            self.tx.run(q.REFRESH_NAMES, ids=ids).consume()
