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
   and every support of every relation (source, type, target) the batch touches (or,
   where only new reports touch it, just its events' heads: `read_relations`).
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

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from neo4j import ManagedTransaction, Result

from graph.identity import Candidate
from graph.ontology import get_ontology
from graph.store.events import (
    EVENT_PROPERTIES,
    EventView,
    Support,
    events_of,
    joins_single_event,
)
from graph.store.neo4j import write_queries as q
from graph.store.neo4j.alias_sources import AliasSources
from graph.store.neo4j.beside import Head, cut_beside, fits, head_of
from graph.store.neo4j.bolt_dates import ARTICLE_DATES, EVENT_DATES, as_text
from graph.store.neo4j.records import (
    event_props,
    source_json,
    sources_json,
    split_detail,
    supports_from,
    to_date,
    with_detail,
)
from graph.store.neo4j.touched import touched

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
    first_keys: frozenset[FactKey] = frozenset()  # the relations it reported as read
    first_aliases: frozenset[str] = frozenset()  # the aliases it gave as read
    first_props: dict[str, Any] | None = None  # its properties as read (None: not stored)


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
    """An alias node: its properties (None: not stored), the articles that give it as
    this transaction changes them (never read whole: alias_sources.py), and its
    properties as read (None: it was not stored)."""

    props: dict[str, Any] | None
    sources: AliasSources
    first: dict[str, Any] | None


@dataclass
class RelationState:
    """One relation: every support of its parallel relationships (by article id), the
    events it is cut into now (event id -> date), and the events as read (event id ->
    supports in article-id order), to write back only the events that changed."""

    supports: dict[str, Support]
    events: dict[str, str | None]
    first: dict[str, list[Support]]
    dirty: bool = False
    cut: list[tuple[EventView, list[Support]]] | None = None  # `events_of` of `supports`
    # Appended (see `read_relations`): the only event's stored properties that change as
    # reports join it as they are; `supports` then holds the batch's reports only.
    appended: dict[str, Any] | None = None
    # Beside (see `read_relations`): the stored events' heads, and the dates the server
    # found no stored report agreeing with; `supports` and `cut` hold the batch's only.
    beside: list[Head] | None = None
    checked: frozenset[str] = frozenset()
    renamed: dict[str, str] = field(default_factory=dict)  # stored event ids that change
    # read whole: each stored event's relationship by element id (to rewrite it by a seek)
    rids: dict[str, str] = field(default_factory=dict)

    def add_event(self, rid: str, props: dict[str, Any], detail: Any) -> None:
        """Take in one stored event read whole (its relationship's properties, detail)."""
        full = with_detail(props, detail)
        event = full.get("event_id") or ""
        group = supports_from(full)
        self.events[event] = full.get("date")
        self.first[event] = sorted(group, key=lambda s: s.article_id)
        self.rids[event] = rid
        for s in group:
            self.supports[s.article_id] = s


def appends(s: Support, date: str | None) -> bool:
    """Whether a report joins an only event dated `date` as it is, and adds nothing to
    what its reports say together but itself (no properties of its own)."""
    own = [k for k, v in s.properties.items() if v is not None and k not in EVENT_PROPERTIES]
    return not own and joins_single_event(s, date)


def history_ids(head: dict[str, Any]) -> list[str]:
    """Every source of an event, from its status history (each report is in one step),
    in the order of its aligned lists: article-id order."""
    return sorted(a for entry in head.get("history_sources_json") or [] for a in json.loads(entry))


def merged_order(stored: list[str], added: list[Support]) -> list[int]:
    """Where each support goes once `added` (sorted, none stored) joins `stored` (sorted):
    k >= 0 is stored entry k, k < 0 is added entry -k - 1 (`APPEND_SUPPORTS`)."""
    out: list[int] = []
    i = 0
    for j, s in enumerate(added):
        while i < len(stored) and stored[i] < s.article_id:
            out.append(i)
            i += 1
        out.append(-j - 1)
    out.extend(range(i, len(stored)))
    return out


def support_row(s: Support) -> list[Any]:
    """One support as the aligned lists of graph/store/neo4j/records.py store it."""
    seen = s.seen.isoformat() if s.seen else ""
    props = json.dumps(s.properties, sort_keys=True)
    return [s.article_id, s.evidence or "", seen, float(s.confidence), s.date or "", props]


def appended_props(head: dict[str, Any], added: list[Support]) -> dict[str, Any]:
    """What reports that join an event as they are change on it (graph/store/provenance.py
    `fact_of_event`): first and last seen, the highest confidence, the start of an undated
    event (when first seen), and the sources of its first status step (taken; the
    reports end nothing)."""
    seen = [d for d in [to_date(head.get("first_seen")), to_date(head.get("last_seen"))] if d]
    seen += [s.seen for s in added if s.seen]
    props: dict[str, Any] = {
        "first_seen": min(seen) if seen else None,
        "last_seen": max(seen) if seen else None,
        "confidence": max([float(head.get("confidence") or 0.0), *(s.confidence for s in added)]),
    }
    if not head["tail"]:  # at the tail, the server appends to the history's text itself
        history = list(head.get("history_sources_json") or [])
        taken = json.loads(history[0]) if history else []
        history[:1] = [sources_json(sorted([*taken, *(s.article_id for s in added)]))]
        props["history_sources_json"] = history
    if not head.get("date"):
        props["in_force_from"] = props["first_seen"]
    return props


def _plain(props: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in props.items() if k not in SCRATCH}


def _rows(result: Any) -> list[dict[str, Any]]:
    """The rows of a statement that returns them as one list (write_queries.ROWS)."""
    record = result.single()
    return list(record[q.ROWS]) if record is not None else []


def _stored_size(n: int | None) -> int:
    """How many articles give a stored alias, as ALIAS_STATE gives it: null when the batch
    has no stored article. None of the batch's articles then gives it, so the batch
    removes none, and a stored alias always has an article (the write that takes its
    last deletes the node): 1 stands for "some", all `AliasSources` asks."""
    return 1 if n is None else int(n)


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
        # writes sent whose counts `settle` checks: (result, field, expected, what)
        self.pending: list[tuple[Result, str, int, str]] = []

    # -- locking and reading -----------------------------------------------------------------

    def lock_articles(self, ids: Iterable[str]) -> None:
        """Lock (creating a placeholder when missing) and read these articles' links."""
        todo = sorted({i for i in ids if i not in self.articles})
        if not todo:
            return
        rows = _rows(self.tx.run(q.LOCK_ARTICLES, ids=todo))
        _lost(rows)
        stored = [r["id"] for r in rows if not r["fresh"]]
        refs = {aid: Refs() for aid in todo}
        if stored:
            for r in self.tx.run(q.typed(q.ARTICLE_REFS_MANY), ids=stored):
                facts: dict[FactKey, set[str]] = {}
                for f in r["facts"]:
                    key = (f["source"], f["type"], f["target"])
                    facts.setdefault(key, set()).add(f["event_id"] or "")
                refs[r["id"]] = Refs(facts, set(r["mentions"]), set(r["aliases"]))
        fresh = {r["id"]: bool(r["fresh"]) for r in rows}
        props = {r["id"]: r["props"] for r in rows}
        for aid in todo:
            self.articles[aid] = ArticleState(
                props=None if fresh[aid] else {},
                refs=refs[aid],
                existed=not fresh[aid],
                first_mentions=frozenset(refs[aid].mentions),
                first_keys=frozenset(refs[aid].facts),
                first_aliases=frozenset(refs[aid].aliases),
                first_props=None if fresh[aid] else _plain(dict(props[aid] or {})),
            )

    def lock_entities(self, ids: Iterable[str]) -> None:
        """Lock (creating placeholders when missing) and read these entities."""
        todo = sorted({i for i in ids if i not in self.entities})
        if not todo:
            return
        rows = _rows(self.tx.run(q.LOCK_ENTITIES, ids=todo))
        _lost(rows)
        mentioned_by: dict[str, set[str]] = {}
        for aid, art in self.articles.items():
            for eid in art.first_mentions:
                mentioned_by.setdefault(eid, set()).add(aid)
        for r in rows:
            eid = r["id"]
            props = None if r["fresh"] else _plain(dict(r["props"]))
            mine = mentioned_by.get(eid, set())
            self.entities[eid] = EntityState(
                props=props,
                others=int(r["mentions"]) - len(mine),
                mentions=mine,
                first=None if props is None else dict(props),
            )

    def read_aliases(self, keys: Iterable[str]) -> None:
        """Read these alias nodes (their entities are locked already): their properties,
        how many articles give them (when the batch has stored articles) and which of the
        batch's stored articles do, as those articles were read (alias_sources.py; an
        article new to the store gives no alias). An article drops its aliases through
        `alias`, so none has dropped one before it is read here."""
        todo = sorted({k for k in keys if k not in self.aliases})
        if not todo:
            return
        stored = [(aid, a.first_aliases) for aid, a in sorted(self.articles.items()) if a.existed]
        rows = _rows(self.tx.run(q.ALIAS_STATE, keys=todo, counted=bool(stored)))
        found = {r["key"]: r for r in rows}
        for key in todo:
            row = found.get(key)
            if row is None:
                self.aliases[key] = AliasState(None, AliasSources(), None)
                continue
            # as the node holds them: a property it lacks is no key (`lang`, say)
            props = {k: v for k, v in dict(row["props"]).items() if v is not None}
            present = {aid for aid, given in stored if key in given}
            sources = AliasSources(stored=_stored_size(row["n"]), present=present)
            self.aliases[key] = AliasState(props, sources, dict(props))

    def read_relations(
        self, keys: Iterable[FactKey], reports: dict[FactKey, list[Support]] | None = None
    ) -> None:
        """Read the relations these keys name (their ends are locked already).

        A relation the batch only adds `reports` to that join its only event as they are
        (graph/store/events.py `joins_single_event`, and no properties of their own) is
        read *appended*: its event id, date and the few properties such reports change,
        never its supports, which may number thousands (a regulator's seat) and are
        merged into the relationship's lists by the server (`APPEND_SUPPORTS`). Every
        other relation is read whole: every support of its parallel relationships."""
        todo = sorted({k for k in keys if k not in self.relations})
        if not todo:
            return
        for key in todo:
            self.relations[key] = RelationState({}, {}, {})
        full = set(todo)
        appendable = [k for k in todo if reports and k in reports]
        if appendable:
            full -= self._read_appended(appendable, reports or {})
        actions = get_ontology().relations
        beside = [k for k in sorted(full) if k in appendable and actions[k[1]].kind == "action"]
        if beside:
            full -= self._read_beside(beside, reports or {})
        rows = [{"source": s, "type": t, "target": o} for s, t, o in sorted(full)]
        if not rows:
            return
        for r in _rows(self.tx.run(q.by_row_type(q.FACT_STATE), by_type=q.rows_by_type(rows))):
            rel = self.relations[(r["source"], r["type"], r["target"])]
            rel.add_event(r["rid"], r["props"], r["detail"])

    def _read_appended(
        self, keys: list[FactKey], reports: dict[FactKey, list[Support]]
    ) -> set[FactKey]:
        """Read these relations appended where their reports allow; those read so.

        When every new report sorts after the event's last source and the event has one
        status step, its reports go at the end of its lists (`tail`): nothing of the
        lists is read, the server appends them (`APPEND_TAIL`). Otherwise the sources
        are read from the status history and merged in order (`APPEND_SUPPORTS`)."""
        rows = [
            {
                "source": s,
                "type": t,
                "target": o,
                "first_new": min(x.article_id for x in reports[(s, t, o)]),
            }
            for s, t, o in keys
        ]
        events: dict[FactKey, list[dict[str, Any]]] = {}
        for r in _rows(self.tx.run(q.by_row_type(q.FACT_HEADS), by_type=q.rows_by_type(rows))):
            events.setdefault((r["source"], r["type"], r["target"]), []).append(dict(r["head"]))
        done = set()
        for key, heads in events.items():
            if len(heads) != 1 or not heads[0].get("event_id"):
                continue
            head = heads[0]
            first_new = min(x.article_id for x in reports[key])
            head["tail"] = (
                head["steps"] == 1 and head["last"] is not None and head["last"] < first_new
            )
            if head.get("history_sources_json") is None and not head["tail"]:
                continue  # the server thought it a tail, this process does not: read it whole
            if not head["tail"] and len(history_ids(head)) != head["n"]:
                continue  # not the layout this relies on (every source in one step)
            if not all(appends(s, head.get("date")) for s in reports[key]):
                continue
            rel = self.relations[key]
            rel.events = {head["event_id"]: head.get("date")}
            rel.appended = head
            done.add(key)
        return done

    def _read_beside(
        self, keys: list[FactKey], reports: dict[FactKey, list[Support]]
    ) -> set[FactKey]:
        """Read these action relations beside where their reports allow; those read so.

        When every new report of a relation is dated and no stored report is, only the
        heads of the stored events of the same years are read (no other can share an id
        with a new event); the new reports form events beside them
        (graph/store/neo4j/beside.py), cut again with the stored events whose reports'
        dates theirs reach (graph/store/neo4j/touched.py), which alone are read whole."""
        wanted: dict[FactKey, list[str]] = {}
        for key in keys:
            given = [x.date for x in reports[key]]
            if all(d is not None for d in given):
                wanted[key] = sorted({d for d in given if d is not None})
        if not wanted:
            return set()
        rows = [
            {"source": s, "type": t, "target": o, "dates": d, "years": sorted({x[:4] for x in d})}
            for (s, t, o), d in wanted.items()
        ]
        stored: dict[FactKey, list[dict[str, Any]]] = {}
        recut: dict[FactKey, set[str]] = {}
        whole: set[FactKey] = set()
        for r in _rows(self.tx.run(q.by_row_type(q.FACT_BESIDE), by_type=q.rows_by_type(rows))):
            key = (r["source"], r["type"], r["target"])
            stored[key] = [dict(h) for h in r["heads"]]
            if r["undated"] or not all(h["event_id"] for h in stored[key]):
                whole.add(key)
            elif r["agrees"]:
                reported = {str(h["event_id"]): h["dates"] for h in stored[key]}
                recut[key] = touched(reported, wanted[key])
                if not recut[key]:  # the agreeing event is of another year: never
                    whole.add(key)
        self._read_touched(
            {
                str(h["rid"]): key
                for key, ids in recut.items()
                for h in stored[key]
                if key not in whole and h["event_id"] in ids
            }
        )
        done = set()
        for key, dates in wanted.items():
            if key in whole:
                continue
            rel = self.relations[key]
            events = stored.get(key, [])
            cut_again = recut.get(key, set())
            rel.beside = sorted(
                (head_of(h) for h in events if h["event_id"] not in cut_again),
                key=lambda h: h.event_id,
            )
            rel.checked = frozenset(dates)
            rel.events = {str(h["event_id"] or ""): h["date"] for h in events}
            done.add(key)
        return done

    def _read_touched(self, rids: dict[str, FactKey]) -> None:
        """Read whole the stored events (by element id) that relations read beside cut
        again with their new reports."""
        rows = [{"rid": rid} for rid in sorted(rids)]
        if not rows:
            return
        for r in _rows(self.tx.run(q.FACT_EVENTS, rows=rows)):
            self.relations[rids[r["rid"]]].add_event(r["rid"], r["props"], r["detail"])

    def place_beside(self, key: FactKey, report: Support) -> str | None:
        """Cut a report into a relation read beside; the id of its event, or None when
        it cannot be (the relation must then be read whole)."""
        rel = self.relations[key]
        assert rel.beside is not None
        if not fits(report, rel.checked) or report.article_id in rel.supports:
            return None
        beside = cut_beside(key, rel.beside, [*rel.supports.values(), report], frozenset(rel.first))
        if beside is None:
            return None
        rel.supports[report.article_id] = report
        rel.cut, rel.renamed = beside.cut, beside.renamed
        rel.events = {beside.renamed.get(h.event_id, h.event_id): h.date for h in rel.beside}
        rel.events.update({view.event_id: view.date for view, _ in beside.cut})
        return next(v.event_id for v, g in beside.cut if any(x is report for x in g))

    def appends(self, key: FactKey, report: Support) -> bool:
        """Whether a report can join an appended relation (else it is read whole)."""
        head = self.relations[key].appended
        assert head is not None
        tail_ok = not head["tail"] or report.article_id > head["last"]
        return tail_ok and appends(report, head.get("date"))

    def read_whole(self, key: FactKey) -> RelationState:
        """An appended or beside relation read whole after all (a report it did not
        foresee, or new events that would rename stored ones)."""
        rel = self.relations.pop(key)
        self.read_relations([key])
        whole = self.relations[key]
        whole.supports.update(rel.supports)
        whole.dirty = rel.dirty
        return whole

    # -- what write.py asks ------------------------------------------------------------------

    # Each is asked thousands of times per batch for what `_prefetch` (write.py) read
    # already: a dictionary hit, and a read only for what was not foreseen.

    def get(self, entity_id: str) -> Candidate | None:
        """graph.identity.IdentityLookup: the entity with this id, as the batch has it now."""
        p = self.entity(entity_id).props
        if p is None:
            return None
        return Candidate(p["id"], p["type"], p["name"], p.get("qid"))

    def article(self, aid: str) -> ArticleState:
        state = self.articles.get(aid)
        if state is None:
            self.lock_articles([aid])
            state = self.articles[aid]
        return state

    def entity(self, eid: str) -> EntityState:
        state = self.entities.get(eid)
        if state is None:
            self.lock_entities([eid])
            state = self.entities[eid]
        return state

    def alias(self, key: str) -> AliasState:
        state = self.aliases.get(key)
        if state is None:
            self.read_aliases([key])
            state = self.aliases[key]
        return state

    def relation(self, key: FactKey) -> RelationState:
        state = self.relations.get(key)
        if state is None:
            self.read_relations([key])
            state = self.relations[key]
        return state

    def delete_entity(self, eid: str) -> None:
        """An entity left without mentions goes, with its aliases."""
        state = self.entities[eid]
        state.props = None
        for alias in self.aliases.values():
            if alias.props is not None and alias.props.get("entity_id") == eid:
                alias.props = None
                alias.sources.clear()

    # -- writing back ------------------------------------------------------------------------

    def _send(self, query: str, **params: Any) -> None:
        """Send a write without waiting for it: the server runs it while this process
        builds the next statement's rows (the driver reads its answer before the next
        statement's, and an error still fails the transaction)."""
        self.tx.run(query, **params)

    def _expect(self, field: str, count: int, what: str, query: str, **params: Any) -> None:
        """`_send` a write whose one record's `field` must be `count` (`settle` checks)."""
        self.pending.append((self.tx.run(query, **params), field, count, what))

    def settle(self) -> None:
        """Check that each write sent with `_expect` wrote what it was sent: the nodes and
        relationships it names were locked and read in this transaction, so a miss is a
        bug, and raising rolls the transaction back."""
        for result, name, count, what in self.pending:
            record = result.single()
            if record is None or record[name] != count:
                raise RuntimeError(f"{what} changed under its locks")
        self.pending.clear()

    def flush(self) -> None:
        """Write every difference between the state as read and as the batch left it.
        The writes are sent one after the other without waiting for each (`_send`): the
        server runs one while this process builds the next's rows, and the journal and
        the change log after them. `settle` checks their counts; the transaction's
        next read, or its commit, waits for them all."""
        self._delete_vanished_events()
        self._drop_mentions()
        self._delete_aliases()
        self._delete_entities()
        self._write_articles()
        self._write_entities()
        self._add_mentions()
        self._write_aliases()
        self._rename_events()
        self._write_events()
        self._append_supports()
        self._refresh_entities()

    def _delete_vanished_events(self) -> None:
        """Delete the events read whole that the new cut no longer has: of a relation read
        beside, those cut again (by element id: the others stay); of one read whole, all
        the relation's events but the cut's."""
        rows, rids = [], []
        for (source, rtype, target), rel in sorted(self.relations.items()):
            gone = set(rel.first) - set(rel.events)
            if not (rel.dirty and gone):
                continue
            if rel.beside is not None:
                rids += [{"rid": rel.rids[event]} for event in sorted(gone)]
                continue
            keep = sorted(rel.events)
            rows.append({"source": source, "type": rtype, "target": target, "keep": keep})
        if rows:
            self._send(q.typed(q.DELETE_VANISHED_EVENTS), rows=rows)
        if rids:
            self._expect("deleted", len(rids), "an event to delete", q.DELETE_EVENTS, rows=rids)

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
            self._send(q.DROP_MENTIONS_MANY, rows=dropped)

    def _delete_aliases(self) -> None:
        gone = sorted(k for k, a in self.aliases.items() if a.first is not None and a.props is None)
        if gone:
            self._send(q.DELETE_ALIASES, keys=gone)

    def _delete_entities(self) -> None:
        gone = sorted(eid for eid, e in self.entities.items() if e.props is None)
        if gone:
            self._send(q.DELETE_ENTITIES, ids=gone)

    def _write_articles(self) -> None:
        rows = [
            {"id": aid, "props": as_text(a.props, ARTICLE_DATES)}
            for aid, a in sorted(self.articles.items())
            if a.props is not None
        ]
        if rows:
            self._send(q.SET_ARTICLES, rows=rows)
        gone = sorted(aid for aid, a in self.articles.items() if a.props is None)
        if gone:
            self._send(q.DELETE_ARTICLES, ids=gone)

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
            self._send(q.set_entities(), rows=rows)

    def _add_mentions(self) -> None:
        _, added = self._mention_changes()
        if added:
            self._send(q.ADD_MENTIONS, rows=added)

    def _write_aliases(self) -> None:
        """New alias nodes, changed properties of stored ones, and their support: the
        relationships to the articles that stopped giving them deleted, to those that
        started created (alias_sources.py)."""
        created, updated, reset, dropped, added = [], [], [], [], []
        for key, a in sorted(self.aliases.items()):
            if a.props is None or (a.first == a.props and not a.sources.changed):
                continue
            change = a.sources.row()
            added += [{"key": key, "article": aid} for aid in change["tail"]]
            if a.first is None:
                created.append({"key": key, "entity_id": a.props["entity_id"], "props": a.props})
                continue
            if change["reset"]:
                reset.append(key)
            else:
                dropped += [{"key": key, "article": aid} for aid in change["removed"]]
            changed: dict[str, Any] = {k: None for k in a.first if k not in a.props}
            changed |= {k: v for k, v in a.props.items() if a.first.get(k) != v}
            if changed:
                updated.append({"key": key, "props": changed})
        if created:
            self._send(q.CREATE_ALIASES, rows=created)
        if updated:
            self._send(q.UPDATE_ALIASES, rows=updated)
        if reset:
            self._send(q.RESET_ALIAS_SOURCES, keys=reset)
        if dropped:
            self._send(q.DROP_ALIAS_SOURCES, rows=dropped)
        if added:
            self._send(q.ADD_ALIAS_SOURCES, rows=added)

    def _rename_events(self) -> None:
        rows = [
            {"source": s, "type": t, "target": o, "old": old, "new": new}
            for (s, t, o), rel in sorted(self.relations.items())
            if rel.dirty and rel.beside is not None
            for old, new in sorted(rel.renamed.items())
        ]
        if rows:
            self._expect(
                "renamed", len(rows), "an event to rename", q.typed(q.RENAME_EVENTS), rows=rows
            )

    def _write_events(self) -> None:
        """Write each event whose reports changed: a stored one (read whole, so its
        relationship's element id is known) rewritten in place, a new one created. A
        relation read beside has only new events in its cut (graph/store/neo4j/beside.py
        gives them ids no stored event has; stored ones it renames are `_rename_events`')."""
        created: list[dict[str, Any]] = []
        updated: list[dict[str, Any]] = []
        for key, rel in sorted(self.relations.items()):
            if not rel.dirty or rel.appended is not None:
                continue
            source, rtype, target = key
            cut = rel.cut
            if cut is None:
                cut = rel.cut = events_of(source, rtype, target, rel.supports.values())
            for view, group in cut:
                if rel.first.get(view.event_id) == group:
                    continue  # this event's reports are those it had: nothing to write
                full = event_props(rtype, source, target, view, group)
                props, detail = split_detail(rtype, source, target, full)
                props = as_text(props, EVENT_DATES)
                rid = rel.rids.get(view.event_id)
                if rid is not None:
                    updated.append({"rid": rid, "props": props, "detail": detail})
                    continue
                row = {"source": source, "type": rtype, "target": target}
                created.append(row | {"props": props, "detail": detail})
        if updated:
            self._expect(
                "written", len(updated), "an event to rewrite", q.UPDATE_FACTS, rows=updated
            )
        if created:
            self._send(q.create_facts(), rows=created)

    def _append_supports(self) -> None:
        merged, tails = [], []
        for (source, rtype, target), rel in sorted(self.relations.items()):
            head = rel.appended
            if head is None or not rel.supports:
                continue
            added = sorted(rel.supports.values(), key=lambda s: s.article_id)
            row = {
                "rid": head["rid"],  # found by element id, not among its ends' relationships
                "source": source,
                "type": rtype,
                "target": target,
                "event_id": head["event_id"],
                "n": head["n"],
                "added": [support_row(s) for s in added],
                "props": as_text(appended_props(head, added), EVENT_DATES),
            }
            if head["tail"]:
                ids = ", ".join(source_json(s.article_id) for s in added)
                tails.append(row | {"suffix": f", {ids}]"})
            else:
                merged.append(row | {"order": merged_order(history_ids(head), added)})
        for query, rows in ((q.APPEND_SUPPORTS, merged), (q.APPEND_TAIL, tails)):
            if not rows:
                continue
            # the relationships were locked and read in this transaction: never fails
            self._expect("written", len(rows), "an appended relationship", query, rows=rows)

    def _refresh_entities(self) -> None:
        """Rewrite the name lists of the entities whose names may have changed: new ones
        (written with their own name only) and those that gained or lost an alias node
        (an alias's own properties never change once stored)."""
        changed = set()
        for a in self.aliases.values():
            if (a.first is None) != (a.props is None):  # created, or deleted
                changed.add(str((a.props or a.first or {})["entity_id"]))
        ids = sorted(
            eid
            for eid, e in self.entities.items()
            if e.props is not None and (e.first is None or e.recreated or eid in changed)
        )
        if ids:
            self._send(q.REFRESH_NAMES, ids=ids)
