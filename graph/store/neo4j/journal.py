"""What one batched write changed, as its working set saw it (for the change log).

The change log (graph/store/neo4j/changes.py) needs, per article, what it mentioned and
reported before and after the write, and per relation it touched, its events before and
after and which of them changed. Reading that from the graph around the write
(graph/store/change_diff.py `recorded` with a `CypherSnapshot`) reads every event of
every relation the batch touches, with all its supports, twice, and every relationship
of every entity a new article mentions to find the ones it supports: on a graph where a
regulator has acted thousands of times, that grows with the graph, not with the batch.

The batch's working set (graph/store/neo4j/working.py) has read all of it already, in
the same transaction, just before writing: the articles' links as stored, the entities
as stored, and each relation's events as stored. After `flush` it knows what it wrote:
an event changed exactly when the write wrote it (its reports differ from those read) or
appended reports to it, and vanished when the new cut no longer has it. `Journal.fill`
keeps that, and the change log builds both snapshots from it, reading only the batch's
articles and entities.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.store.neo4j.working import FactKey, Working

AS_READ = "as read"  # an event's fingerprint before the write, and after it when untouched
WRITTEN = "written"  # after the write, for an event it wrote or appended reports to


@dataclass(frozen=True)
class Links:
    """What an article mentions and which relations it reports."""

    mentions: frozenset[str]
    keys: frozenset[FactKey]


@dataclass
class Journal:
    """Filled by `fill` once the working set is flushed; read by the change log."""

    before: dict[str, Links] = field(default_factory=dict)
    after: dict[str, Links] = field(default_factory=dict)
    # every entity the write locked, as it was stored before the write (None: absent)
    entities: dict[str, dict[str, Any] | None] = field(default_factory=dict)
    # every entity the write locked that is stored after it, as the write left it
    entities_after: dict[str, dict[str, Any]] = field(default_factory=dict)
    # per relation the write changed: {event id: fingerprint} before and after it
    events_before: dict[FactKey, dict[str, str]] = field(default_factory=dict)
    events_after: dict[FactKey, dict[str, str]] = field(default_factory=dict)
    # each article stored before and after the write, with its properties: as locked,
    # and as written (as a read of the node gives them: no nulls), so the log need not
    # read every text again
    articles_before: dict[str, dict[str, Any]] = field(default_factory=dict)
    articles_after: dict[str, dict[str, Any]] = field(default_factory=dict)

    def fill(self, w: Working) -> None:
        for aid, art in w.articles.items():
            self.before[aid] = Links(art.first_mentions, art.first_keys)
            stored = art.props is not None
            now = art.refs
            self.after[aid] = Links(
                frozenset(now.mentions) if stored else frozenset(),
                frozenset(now.facts) if stored else frozenset(),
            )
            if art.first_props is not None:
                self.articles_before[aid] = art.first_props
            if art.props is not None:
                self.articles_after[aid] = {k: v for k, v in art.props.items() if v is not None}
        self.entities = {eid: e.first for eid, e in w.entities.items()}
        self.entities_after = {eid: e.props for eid, e in w.entities.items() if e.props is not None}
        for key, rel in w.relations.items():
            if not rel.dirty:
                continue
            if rel.appended is not None:
                head = str(rel.appended["event_id"])
                self.events_before[key] = {head: AS_READ}
                self.events_after[key] = {head: WRITTEN if rel.supports else AS_READ}
                continue
            assert rel.cut is not None  # flush cut every dirty relation read whole
            if rel.beside is not None:  # the stored events stay (some renamed), or were cut again
                before = {h.event_id: AS_READ for h in rel.beside}
                self.events_before[key] = before | dict.fromkeys(rel.first, AS_READ)
                after = {
                    rel.renamed.get(h.event_id, h.event_id): (
                        WRITTEN if h.event_id in rel.renamed else AS_READ
                    )
                    for h in rel.beside
                }
                self.events_after[key] = after | {
                    v.event_id: AS_READ if rel.first.get(v.event_id) == group else WRITTEN
                    for v, group in rel.cut
                }
                continue
            self.events_before[key] = dict.fromkeys(rel.first, AS_READ)
            self.events_after[key] = {
                view.event_id: AS_READ if rel.first.get(view.event_id) == group else WRITTEN
                for view, group in rel.cut
            }
