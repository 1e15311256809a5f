"""Run a named query on any store: its Cypher where the store runs Cypher, else its twin.

The named room depends on the store room, never the reverse, so no store knows about
named queries. Parameters are checked against the query's header first
(`NamedQuery.bind`: 422 on an unknown or bad value; binding twice changes nothing). A
store that offers a generic read primitive (`CypherReader`, i.e. the Neo4j store) runs
the query's Cypher with the bound values as driver parameters, never formatted into the
text; any other store answers through the query's embedded twin
(graph/named/embedded_twins.py), which uses only the `GraphStore` protocol and returns
the same rows.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol, runtime_checkable

from graph.errors import NotFoundError
from graph.named.catalogue import bind_query
from graph.named.embedded_twins import NAMED_QUERY_TWINS
from graph.store.protocol import GraphStore

Row = dict[str, Any]


@runtime_checkable
class CypherReader(Protocol):
    """A store that runs read-only Cypher with driver parameters (`Neo4jStore.read_rows`)."""

    def read_rows(self, cypher: str, params: Mapping[str, Any]) -> list[Row]: ...


def run_named(store: GraphStore, name: str, params: Mapping[str, Any] | None) -> list[Row]:
    """The rows of `queries/<name>.cypher` for these parameters; the same rows on every
    store (tests/test_queries.py). NotFoundError for an unknown name."""
    query, bound = bind_query(name, dict(params or {}))
    if isinstance(store, CypherReader):
        return store.read_rows(query.cypher, bound)
    twin = NAMED_QUERY_TWINS.get(query.name)
    if twin is None:
        raise NotFoundError(f"named query {query.name!r} has no embedded twin")
    return twin(store, bound)
