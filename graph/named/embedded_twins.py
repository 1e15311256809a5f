"""Python twins of the named Cypher queries, for the embedded store.

`NAMED_QUERY_TWINS[name](store, params)` returns exactly the rows (same keys, values and
order) that `queries/<name>.cypher` returns on Neo4j for the same parameters, already
bound by the query's header (graph/named/runner.py binds them); tests/test_queries.py
holds every twin to that on the gold corpora. Twins use only the `GraphStore` protocol,
so they read what the store exposes and nothing private. Ordering follows Cypher:
`cypher_sort` treats null as larger than any value (last ascending, first descending).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from graph.named import twins_actions as act
from graph.named import twins_entities as ent
from graph.named import twins_events as ev
from graph.named.twin_support import Row
from graph.store.protocol import GraphStore

Twin = Callable[[GraphStore, dict[str, Any]], list[Row]]

_TWINS: tuple[Twin, ...] = (
    ent.entity_by_name,
    ent.entity_actions,
    act.actions_in_jurisdiction,
    act.actors_against_exchanges_in,
    ent.path_between,
    ent.aliases_of,
    ent.fact_sources,
    act.most_sanctioned_exchanges,
    act.regulators_by_actions,
    ent.co_mentioned,
    act.largest_fines,
    ev.actions_in_force,
    ev.entity_in_force,
    ev.pair_history,
    ev.entity_fines,
)

NAMED_QUERY_TWINS: dict[str, Twin] = {t.__name__: t for t in _TWINS}
