"""What a write changed, from two snapshots taken inside its transaction.

Both backends record a change the same way (`recorded`): before the write, a snapshot
of what the write can touch (`Scope`: its articles, the entities and relation keys the
incoming extraction resolves to with the store's own identity lookup, plus whatever the
articles mentioned and reported before); the write; the same snapshot again; then
`diff`, per article, gives the `ChangeBody` (graph/store/changes.py has the rules). A
backend supplies only a `SnapshotReader` over its open transaction and stores the
bodies it gets back, in that transaction.

Resolving the extraction here as the write will (same lookup, same transaction, nothing
written in between) is what makes "added" exact: an entity or event is added when it
was absent before, not merely new to this article. An entity id or relation key only
the write's own resolution found (none, unless a batch's first article changes how a
later one resolves) counts as absent before.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Protocol, TypeVar

from graph.identity import IdentityLookup, resolve_extraction
from graph.models import Extraction, RefusedFact
from graph.store.changes import (
    ARTICLE_RETRACTED,
    ARTICLE_UPSERTED,
    ChangeBody,
    ChangeOp,
    EntityChange,
    FactChange,
)
from graph.store.protocol import EntitySummary

T = TypeVar("T")
Key = tuple[str, str, str]  # (source id, relation type, target id)


@dataclass(frozen=True)
class ArticleState:
    """An article as a snapshot sees it: whether it is stored, a fingerprint of its own
    fields, the entities it mentions and the relation keys it reports."""

    exists: bool
    title: str | None = None
    fingerprint: str = ""
    mentions: frozenset[str] = frozenset()
    keys: frozenset[Key] = frozenset()


ABSENT = ArticleState(exists=False)


class SnapshotReader(Protocol):
    """A backend's reads inside its open write transaction."""

    def articles(self, ids: list[str]) -> dict[str, ArticleState]:
        """The state of each stored article among `ids` (absent ones may be left out)."""

    def entities(self, ids: list[str]) -> dict[str, EntitySummary]:
        """The summary of each stored entity among `ids`."""

    def events(self, keys: list[Key]) -> dict[Key, dict[str, str]]:
        """Per key, {event id: fingerprint} of its events (a fingerprint changes whenever
        anything stored about the event does)."""


@dataclass
class Snapshot:
    articles: dict[str, ArticleState]
    entities: dict[str, EntitySummary]
    events: dict[Key, dict[str, str]]


@dataclass(frozen=True)
class Scope:
    """What a write may touch, known before it runs."""

    kind: str
    articles: tuple[str, ...]
    entities: frozenset[str] = frozenset()
    keys: frozenset[Key] = frozenset()
    resolved: tuple[Extraction, ...] = ()  # the extractions as resolved, for the write


def upsert_scope(
    extractions: Iterable[Extraction], lookup: Callable[[Extraction], IdentityLookup]
) -> Scope:
    """The articles, entity ids and relation keys the extractions resolve to now (and the
    resolved extractions: a write in the same transaction may use them as they are)."""
    resolved = [resolve_extraction(x, lookup(x))[0] for x in extractions]
    return Scope(
        ARTICLE_UPSERTED,
        tuple(x.article.id for x in resolved),
        frozenset(e.id for x in resolved for e in x.entities),
        frozenset(r.key for x in resolved for r in x.relations),
        tuple(resolved),
    )


def retract_scope(article_id: str) -> Scope:
    return Scope(ARTICLE_RETRACTED, (article_id,))


def take(
    reader: SnapshotReader, articles: Iterable[str], entities: set[str], keys: set[Key]
) -> Snapshot:
    """The snapshot of `articles`, of `entities` and `keys` plus the entities the articles
    mention and the keys they report (and those keys' ends)."""
    states = reader.articles(sorted(set(articles)))
    keys = set(keys)
    ids = set(entities)
    for state in states.values():
        keys |= state.keys
        ids |= state.mentions
    for source, _, target in keys:
        ids |= {source, target}
    return Snapshot(states, reader.entities(sorted(ids)), reader.events(sorted(keys)))


def recorded(
    reader: SnapshotReader, scope: Scope, write: Callable[[], T]
) -> tuple[T, list[ChangeBody]]:
    """Run `write` between two snapshots; its result and one body per article it changed."""
    before = take(reader, scope.articles, set(scope.entities), set(scope.keys))
    result = write()
    after = take(reader, scope.articles, set(before.entities) | scope.entities, set(before.events))
    refused = {x.article.id: x.refused for x in scope.resolved}
    bodies = [
        diff(scope.kind, aid, before, after, refused.get(aid, []))
        for aid in dict.fromkeys(scope.articles)
    ]
    return result, [b for b in bodies if b is not None]


def _op(was: bool, now: bool, changed: bool) -> ChangeOp | None:
    if now and not was:
        return "added"
    if was and not now:
        return "removed"
    return "changed" if was and now and changed else None


def _entity_changes(
    old: ArticleState, new: ArticleState, before: Snapshot, after: Snapshot
) -> list[EntityChange]:
    out = []
    for eid in sorted(old.mentions | new.mentions):
        was, now = before.entities.get(eid), after.entities.get(eid)
        op = _op(was is not None, now is not None, (eid in old.mentions) != (eid in new.mentions))
        summary = now or was
        if op is not None and summary is not None:
            out.append(EntityChange(entity=summary, change=op))
    return out


def _fact_changes(
    old: ArticleState, new: ArticleState, before: Snapshot, after: Snapshot
) -> list[FactChange]:
    def summary(eid: str) -> EntitySummary:
        found = after.entities.get(eid) or before.entities.get(eid)
        return found or EntitySummary(id=eid, type="", name=eid)

    out = []
    for key in sorted(old.keys | new.keys, key=lambda k: (k[1], k[0], k[2])):
        was, now = before.events.get(key, {}), after.events.get(key, {})
        for event_id in sorted(was.keys() | now.keys()):
            op = _op(event_id in was, event_id in now, was.get(event_id) != now.get(event_id))
            if op is not None:
                out.append(
                    FactChange(
                        event_id=event_id,
                        type=key[1],
                        source=summary(key[0]),
                        target=summary(key[2]),
                        change=op,
                    )
                )
    return out


def diff(
    kind: str,
    article_id: str,
    before: Snapshot,
    after: Snapshot,
    refused: list[RefusedFact] | None = None,
) -> ChangeBody | None:
    """What the write changed for one article, with the facts the extractor or the
    ontology refused in it (the ingest's report of what it could not place); None when
    nothing changed (the article's own fields, its entities and its events all as before)."""
    old = before.articles.get(article_id, ABSENT)
    new = after.articles.get(article_id, ABSENT)
    entities = _entity_changes(old, new, before, after)
    facts = _fact_changes(old, new, before, after)
    if (
        not entities
        and not facts
        and (old.exists, old.fingerprint) == (new.exists, new.fingerprint)
    ):
        return None
    return ChangeBody(
        kind=kind,
        article_id=article_id,
        title=new.title if new.exists else old.title,
        entities=entities,
        facts=facts,
        refused=list(refused or []),
    )
