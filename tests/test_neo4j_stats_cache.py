"""The Neo4j store counts /stats once per database version: asked again with no write in
between it answers from what it counted; any write makes the next ask count again, so the
answer is never older than the graph (needs the real server: the `neo4j` fixture)."""

from __future__ import annotations

from typing import Any

from test_hubs import _warned


def test_stats_are_counted_once_per_version(neo4j: Any) -> None:
    neo4j.upsert(_warned(1, "first"))
    before = neo4j._stats.computed
    first = neo4j.stats()
    assert neo4j.stats() == first
    assert neo4j._stats.computed == before + 1  # the second answer was the first's
    assert first.articles == 1 and first.relations_by_type["WARNED"] == 1

    neo4j.upsert(_warned(2, "second"))  # a write: a new version
    grown = neo4j.stats()
    assert neo4j._stats.computed == before + 2
    assert grown.articles == 2 and grown.relations_by_type["WARNED"] == 2
