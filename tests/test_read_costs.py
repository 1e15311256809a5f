"""Reads that send or open less (issue 16 point 3) answer as before: a page of relations
counted and paged on the Neo4j server, fact rows without the fields a fact is not built
from, the embedded store's version read on a pooled connection. Both stores."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from test_hubs import _tangle

from graph.store import analytics
from graph.store.base import BaseStore, followed_types
from graph.store.embedded.store import EmbeddedStore
from graph.store.neo4j import read_queries as cy
from graph.store.neo4j.records import fact_from
from graph.store.neo4j.store import Neo4jStore
from graph.store.neo4j.write_queries import DETAIL_COLUMN
from graph.store.protocol import Direction, GraphStore
from graph.store.review import ReviewScope


def _reviewed_tangle(store: GraphStore) -> None:
    """`_tangle` with a dozen decisions (half accepted, half rejected)."""
    store.upsert_many(_tangle(11))
    actions = sorted(
        (f for f in store.iter_facts() if f.type != "LOCATED_IN"), key=lambda f: f.event_id
    )
    for i, fact in enumerate(actions[:12]):
        store.decide(fact.event_id, "accepted" if i % 2 else "rejected")


def test_relations_pages_of_a_reviewed_tangle_are_slices_of_them_all(store: GraphStore) -> None:
    """Under a review threshold with decisions, a page (and its count) is the slice of
    every shown fact, for each start, direction, type filter, scope, limit and offset;
    and the backend's page is the base class's (which lists every stub first)."""
    _reviewed_tangle(store)
    assert isinstance(store, BaseStore)
    starts = ["regulator:r0", "regulator:r1", "exchange:e3", "jurisdiction:c1"]
    directions: list[Direction] = ["both", "in", "out"]
    scopes: list[ReviewScope] = ["shown", "pending", "all"]
    old = store.review_below
    store.review_below = 0.6
    try:
        for start in starts:
            for direction in directions:
                for types in (None, ["WARNED", "LOCATED_IN"], ["NOT_A_TYPE"]):
                    for review in scopes:
                        every = store.relations_of(start, types, direction, review)
                        followed = followed_types(types, direction)
                        for limit, offset in ((100, 0), (3, 2), (1, 0), (5, 400)):
                            total, page = store.relations_page(
                                start, types, direction, review, limit, offset
                            )
                            case = (start, direction, types, review, limit, offset)
                            assert total == len(every), case
                            assert page == every[offset : offset + limit], case
                            base = BaseStore._relations_page(
                                store, start, followed, direction, review, limit, offset
                            )
                            assert (total, page) == base, case
    finally:
        store.review_below = old


def test_neo4j_fact_rows_build_the_facts_whole_rows_build(neo4j: Neo4jStore) -> None:
    """A fact row carries only the event id and the reports (`FACT_COLUMNS`); every fact
    of a graph of ended, repeated and loop events is the one its whole relationship and
    detail node (`properties(...)`) build."""
    _reviewed_tangle(neo4j)
    whole = (
        "MATCH (s:Entity)-[r]->(t:Entity) WHERE r.event_id IS NOT NULL "
        f"RETURN elementId(r) AS handle, type(r) AS type, {cy.summary('s')} AS source, "
        f"{cy.summary('t')} AS target, properties(r) AS props, {DETAIL_COLUMN} AS detail"
    )
    rows = neo4j.read(whole)
    assert len(rows) > 100
    slim = {
        r["handle"]: fact_from(r)
        for r in neo4j.read(cy.FACTS_BY_ELEMENT_ID, ids=[r["handle"] for r in rows])
    }
    assert "properties(r)" not in cy.FACT_COLUMNS
    for row in rows:
        assert slim[row["handle"]] == fact_from(row), row["handle"]


def test_the_embedded_version_is_the_files_generation_read_without_a_new_connection(
    embedded: EmbeddedStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The analytics cache's version of an embedded store is the file's write count
    (`meta.generation`, as a connection of its own reads it), follows every write, and
    is read on a pooled connection: none is opened per request."""
    embedded.upsert_many(_tangle(3)[:5])
    opened = analytics._sqlite_generation(Path(embedded.data_dir))
    assert embedded.generation() == opened
    real_connect = sqlite3.connect

    def no_new_connection(*args: object, **kwargs: object) -> sqlite3.Connection:
        raise AssertionError("a connection opened to read the version")

    monkeypatch.setattr(sqlite3, "connect", no_new_connection)
    version = analytics.store_version(embedded)
    assert version == opened
    monkeypatch.setattr(sqlite3, "connect", real_connect)
    embedded.upsert_many(_tangle(3)[5:7])
    assert embedded.generation() == analytics._sqlite_generation(Path(embedded.data_dir))
    assert analytics.store_version(embedded) != version
