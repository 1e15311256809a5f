"""Graph analytics over any GraphStore, for the API: who is central, who is acted
against, which entities are talked about together.

Everything is computed from `iter_entities()` / `iter_facts()` in memory, so both
backends give the same answers for the same content. Numbers are rounded to 6 places
and ties broken by entity id, so results are deterministic.

* `central_entities`: PageRank (damping 0.85, power iteration to 1e-10 or 200 rounds)
  over the undirected graph of facts, one edge per connected pair weighted by the
  number of facts between them; `degree` is the number of facts touching the entity.
* `most_acted_against`: per target, the number of incoming action facts (ontology kind
  "action"; by default the `adverse` ones: LICENSED is not done *against* anyone), with the
  distinct actors and distinct supporting articles; ordered by actions, then actors,
  then articles (all descending).
* `communities`: named entities joined when an article mentions both (edge weight:
  number of shared articles); networkx Louvain with a fixed seed. Unnamed groups are
  left out: they belong to one article by construction.

Each is a pass over every fact (seconds on a big graph: FINDINGS.md measured 4.8 s for
`/analytics/central`), so the API calls the `cached_*` twins: the full ranking is kept
per store and per *version* of the store (`store_version`: a token every committed
write changes, from any process), computed at most once per version however many
requests ask at once (the others wait for it), and answered by filtering and slicing
that ranking. A store whose version cannot be read is not cached. See docs in
`GenerationCache`.
"""

from __future__ import annotations

import sqlite3
import threading
import weakref
from collections import Counter, OrderedDict, defaultdict
from collections.abc import Callable, Hashable
from itertools import combinations
from pathlib import Path
from typing import Any, TypeVar

import networkx as nx
from pydantic import BaseModel, Field

from graph.ontology import get_ontology
from graph.store.protocol import EntitySummary, GraphStore

DAMPING = 0.85
SEED = 42
T = TypeVar("T")
_ALL = 1 << 62  # "no limit": the cached rankings keep every row


class CentralEntity(BaseModel):
    entity: EntitySummary
    pagerank: float
    degree: int


class ActedAgainst(BaseModel):
    entity: EntitySummary
    actions: int
    actors: int
    sources: int
    by_type: dict[str, int] = Field(default_factory=dict)


class Community(BaseModel):
    label: EntitySummary
    size: int
    articles: int
    members: list[EntitySummary]


def _summaries(store: GraphStore) -> dict[str, EntitySummary]:
    return {
        r.entity.id: EntitySummary(
            id=r.entity.id,
            type=r.entity.type,
            name=r.entity.name,
            unnamed=r.entity.unnamed,
            count=r.entity.count,
        )
        for r in store.iter_entities()
    }


def pagerank(weights: dict[str, dict[str, float]], tol: float = 1e-10) -> dict[str, float]:
    """Weighted PageRank on an undirected adjacency map (pure Python, deterministic)."""
    nodes = sorted(weights)
    if not nodes:
        return {}
    n = len(nodes)
    strength = {u: sum(weights[u].values()) for u in nodes}
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(200):
        dangling = sum(rank[u] for u in nodes if strength[u] == 0)
        base = (1.0 - DAMPING) / n + DAMPING * dangling / n
        new = dict.fromkeys(nodes, base)
        for u in nodes:
            if strength[u]:
                share = DAMPING * rank[u] / strength[u]
                for v, w in weights[u].items():
                    new[v] += share * w
        delta = sum(abs(new[u] - rank[u]) for u in nodes)
        rank = new
        if delta < n * tol:
            break
    return rank


def central_ranking(store: GraphStore) -> list[CentralEntity]:
    """Every entity by PageRank (see the module docstring), most central first."""
    ents = _summaries(store)
    weights: dict[str, dict[str, float]] = {e: defaultdict(float) for e in ents}
    degree: Counter[str] = Counter()
    for f in store.iter_facts():
        s, t = f.source.id, f.target.id
        degree[s] += 1
        if t != s:
            degree[t] += 1
            weights[s][t] += 1.0
            weights[t][s] += 1.0
    ranks = pagerank(weights)
    rows = [
        CentralEntity(entity=ents[e], pagerank=round(r, 6), degree=degree[e])
        for e, r in ranks.items()
    ]
    rows.sort(key=lambda c: (-c.pagerank, -c.degree, c.entity.id))
    return rows


def _central_of(
    ranking: list[CentralEntity], limit: int, entity_type: str | None
) -> list[CentralEntity]:
    return [c for c in ranking if entity_type is None or c.entity.type == entity_type][:limit]


def central_entities(
    store: GraphStore, limit: int = 20, entity_type: str | None = None
) -> list[CentralEntity]:
    """The most connected entities by PageRank (see the module docstring)."""
    return _central_of(central_ranking(store), limit, entity_type)


def most_acted_against(
    store: GraphStore,
    limit: int = 20,
    action_types: list[str] | None = None,
    include_unnamed: bool = False,
) -> list[ActedAgainst]:
    """Targets of the most action facts (see the module docstring)."""
    wanted = set(action_types or get_ontology().adverse_action_types)
    actions: Counter[str] = Counter()
    actors: dict[str, set[str]] = defaultdict(set)
    sources: dict[str, set[str]] = defaultdict(set)
    by_type: dict[str, Counter[str]] = defaultdict(Counter)
    targets: dict[str, EntitySummary] = {}
    for f in store.iter_facts():
        if f.type not in wanted or (f.target.unnamed and not include_unnamed):
            continue
        t = f.target.id
        targets[t] = f.target
        actions[t] += 1
        actors[t].add(f.source.id)
        sources[t].update(f.sources)
        by_type[t][f.type] += 1
    rows = [
        ActedAgainst(
            entity=targets[t],
            actions=actions[t],
            actors=len(actors[t]),
            sources=len(sources[t]),
            by_type=dict(sorted(by_type[t].items())),
        )
        for t in targets
    ]
    rows.sort(key=lambda r: (-r.actions, -r.actors, -r.sources, r.entity.id))
    return rows[:limit]


def co_mention_graph(store: GraphStore) -> tuple[nx.Graph, dict[str, EntitySummary]]:
    """Named entities, joined with weight = number of articles mentioning both."""
    ents = _summaries(store)
    by_article: dict[str, list[str]] = defaultdict(list)
    articles: dict[str, list[str]] = {}
    for rec in store.iter_entities():
        if rec.entity.unnamed:
            continue
        articles[rec.entity.id] = rec.sources
        for a in rec.sources:
            by_article[a].append(rec.entity.id)
    g = nx.Graph()
    g.add_nodes_from(
        (e, {"mentions": len(articles[e]), "articles": articles[e]}) for e in sorted(articles)
    )
    pairs: Counter[tuple[str, str]] = Counter()
    for members in by_article.values():
        pairs.update(combinations(sorted(members), 2))
    g.add_weighted_edges_from((u, v, w) for (u, v), w in sorted(pairs.items()))
    return g, ents


def communities(store: GraphStore, min_size: int = 2, limit: int = 50) -> list[Community]:
    """Groups of entities the news discusses together (Louvain, seed SEED)."""
    g, ents = co_mention_graph(store)
    if g.number_of_nodes() == 0:
        return []
    found = nx.community.louvain_communities(g, weight="weight", seed=SEED)
    out = []
    for group in found:
        if len(group) < min_size:
            continue
        members = sorted(group, key=lambda e: (-g.nodes[e]["mentions"], e))
        articles = {a for e in group for a in g.nodes[e]["articles"]}
        out.append(
            Community(
                label=ents[members[0]],
                size=len(members),
                articles=len(articles),
                members=[ents[e] for e in members],
            )
        )
    out.sort(key=lambda c: (-c.size, c.label.id))
    return out[:limit]


# --- caching per store version ---------------------------------------------------------


def _sqlite_generation(data_dir: Path) -> int | None:
    """`meta.generation` of an embedded store's file, read on a connection of its own (so
    it never waits for the store's writer or readers); None when there is no file yet."""
    from graph.store.embedded.db import DB_NAME, generation

    path = data_dir / DB_NAME
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error:
        return None
    try:
        return generation(conn)
    except sqlite3.Error:
        return None
    finally:
        conn.close()


def store_version(store: GraphStore) -> Hashable | None:
    """A token that changes with every committed write to the store, from any process:
    the store's own `generation()` when it has one (the Neo4j store's: the bookmark of
    the last committed transaction); else the embedded store's `meta.generation` (bumped
    by every write transaction, graph/store/embedded/db.py). None: unknown, do not cache."""
    hook = getattr(store, "generation", None)
    if callable(hook):
        version: Hashable | None = hook()
        return version
    kind = getattr(store, "kind", None)
    if kind == "embedded":
        return _sqlite_generation(Path(getattr(store, "data_dir")))  # noqa: B009
    return None


class GenerationCache:
    """Results of expensive reads of one store, each kept with the store version it was
    computed at and used only while the store is still at that version.

    `get(key, compute)`: a request reads the version; an entry of that version is
    answered at once. Otherwise it takes the key's lock, reads the version again (a
    writer may have committed meanwhile), and computes unless a request it waited for
    has just done so. So a result is computed at most once per key and version, however
    many requests arrive together. At most `max_entries` keys are kept (least recently
    used dropped); `computed` counts the computations (for tests and benchmarks).
    """

    def __init__(self, version_of: Callable[[], Hashable | None], max_entries: int = 64) -> None:
        self._version_of = version_of
        self._max = max_entries
        self._lock = threading.Lock()
        self._entries: OrderedDict[Hashable, tuple[Hashable, Any]] = OrderedDict()
        self._key_locks: dict[Hashable, threading.Lock] = {}
        self.computed = 0

    def _fresh(self, key: Hashable, version: Hashable) -> tuple[bool, Any]:
        with self._lock:
            hit = self._entries.get(key)
            if hit is None or hit[0] != version:
                return False, None
            self._entries.move_to_end(key)
            return True, hit[1]

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        version = self._version_of()
        if version is None:
            return compute()
        found, value = self._fresh(key, version)
        if found:
            return value  # type: ignore[no-any-return]
        with self._lock:
            key_lock = self._key_locks.setdefault(key, threading.Lock())
        with key_lock:
            version = self._version_of()
            found, value = self._fresh(key, version)
            if found:
                return value  # type: ignore[no-any-return]
            result = compute()
            with self._lock:
                self.computed += 1
                self._entries[key] = (version, result)
                self._entries.move_to_end(key)
                while len(self._entries) > self._max:
                    old, _ = self._entries.popitem(last=False)
                    self._key_locks.pop(old, None)
            return result


_CACHES: weakref.WeakKeyDictionary[GraphStore, GenerationCache] = weakref.WeakKeyDictionary()
_CACHES_LOCK = threading.Lock()


def cache_of(store: GraphStore) -> GenerationCache:
    """The store's analytics cache (made on first use, dropped with the store)."""
    with _CACHES_LOCK:
        cache = _CACHES.get(store)
        if cache is None:
            cache = _CACHES[store] = GenerationCache(lambda: store_version(store))
        return cache


def cached_central_entities(
    store: GraphStore, limit: int = 20, entity_type: str | None = None
) -> list[CentralEntity]:
    """`central_entities` from the store's ranking of every entity, computed once per version."""
    ranking = cache_of(store).get(("central",), lambda: central_ranking(store))
    return _central_of(ranking, limit, entity_type)


def cached_most_acted_against(
    store: GraphStore,
    limit: int = 20,
    action_types: list[str] | None = None,
    include_unnamed: bool = False,
) -> list[ActedAgainst]:
    """`most_acted_against`, its full ranking computed once per version and argument set."""
    types = tuple(sorted(set(action_types))) if action_types else None
    key = ("acted", types, include_unnamed)
    ranking = cache_of(store).get(
        key, lambda: most_acted_against(store, _ALL, list(types or ()) or None, include_unnamed)
    )
    return ranking[:limit]


def cached_communities(store: GraphStore, min_size: int = 2, limit: int = 50) -> list[Community]:
    """`communities`, the Louvain partition computed once per version."""
    found = cache_of(store).get(("communities",), lambda: communities(store, 1, _ALL))
    return [c for c in found if c.size >= min_size][:limit]
