"""Answers of the costliest read kept per store version: a hub's wider neighbourhood.

A capped neighbourhood of depth 2 or 3 expands every entity the first hop reaches and
ranks each one's groups (graph/store/hub_cut.py): ~70 ms of one embedded server's CPU,
~250 ms between client and Neo4j server, at 10k articles, where every other read costs
a few. It is the view a client draws and redraws, asked again and again about the same
entities. `cached_neighbours_json` keeps the answer with the store version it was read at
(graph/store/analytics.py `GenerationCache`, `store_version`: a token every committed
write changes, from any process) and answers from it only while the store is still at
that version; concurrent asks of one key compute it once. A write makes every kept
answer stale at once, so no answer is ever older than the graph. Depth 1 is read
directly (a few ms): caching it would only spend memory.

It keeps the answer as the JSON the API sends: a hub's 2-hop
answer is ~500 KB at 10k articles, and serialising it again for every request was ~3 of
the ~5 ms of server CPU a kept answer still cost. The bytes are those FastAPI would write
for the `Subgraph` (pydantic's `dump_json`, by alias, as its response fast path does), and
bytes are no work for the cyclic collector, where the answer's models were.
"""

from __future__ import annotations

import threading
import weakref

from pydantic import TypeAdapter

from graph.store.analytics import GenerationCache, store_version
from graph.store.hubs import HubLimits
from graph.store.protocol import Direction, GraphStore, Subgraph
from graph.store.review import ReviewScope

ANSWERS_KEPT = 128  # neighbourhoods kept per store (least recently asked dropped)
CACHED_FROM_DEPTH = 2

# What FastAPI's response fast path serialises a `response_model=Subgraph` answer with
SUBGRAPH_JSON: TypeAdapter[Subgraph] = TypeAdapter(Subgraph)

_CACHES: weakref.WeakKeyDictionary[GraphStore, GenerationCache] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def answer_cache(store: GraphStore) -> GenerationCache:
    """The store's cache of neighbourhood answers (made on first use, dropped with the
    store); apart from the analytics' cache, so neither evicts the other's entries."""
    with _LOCK:
        cache = _CACHES.get(store)
        if cache is None:
            cache = _CACHES[store] = GenerationCache(lambda: store_version(store), ANSWERS_KEPT)
        return cache


def cached_neighbours_json(
    store: GraphStore,
    entity_id: str,
    depth: int,
    rel_types: list[str] | None,
    direction: Direction,
    limits: HubLimits,
    review: ReviewScope,
) -> bytes:
    """`store.neighbours(...)` with `limits`, as the JSON the API sends, kept as such per
    store version from CACHED_FROM_DEPTH (errors are raised, never kept)."""

    def render() -> bytes:
        answer = store.neighbours(entity_id, depth, rel_types, direction, limits, review)
        return SUBGRAPH_JSON.dump_json(answer, by_alias=True)

    if depth < CACHED_FROM_DEPTH:
        return render()
    key = _neighbours_key(store, entity_id, depth, rel_types, direction, limits)
    return answer_cache(store).get((*key, review), render)


def _neighbours_key(
    store: GraphStore,
    entity_id: str,
    depth: int,
    rel_types: list[str] | None,
    direction: Direction,
    limits: HubLimits,
) -> tuple[object, ...]:
    """A neighbourhood answer's cache key; the review threshold is the store's setting,
    not stored data, so it is part of the key."""
    below = getattr(store, "review_below", None)
    return (entity_id, depth, tuple(rel_types or ()), direction, limits, below)
