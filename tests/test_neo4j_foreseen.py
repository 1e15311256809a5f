"""What the Neo4j writer foresees of a batch before locking (graph/store/neo4j/write.py
`_foreseen`): an extraction resolved against an empty store, taken as it is when
resolution could not change it. It must be what resolving gives, entity for entity."""

from __future__ import annotations

from test_order_independence import CORPUS

from graph.identity import resolve_extraction
from graph.models import Extraction
from graph.store.neo4j.write import _foreseen, _Nothing


def _twice_named(x: Extraction) -> Extraction:
    """`x` with its first named entity given twice (two mentions, one id)."""
    named = next(e for e in x.entities if not e.unnamed)
    twin = named.model_copy(update={"name": named.name + " Group"})
    return x.model_copy(update={"entities": [*x.entities, twin]})


def test_foreseen_is_the_resolution_against_an_empty_store() -> None:
    cases = [*CORPUS, *(_twice_named(x) for x in CORPUS if any(not e.unnamed for e in x.entities))]
    shortcut = 0
    for x in cases:
        resolved, _ = resolve_extraction(x, _Nothing())
        got = _foreseen(x)
        shortcut += got is x
        assert got.entities == resolved.entities, x.article.id
        assert got.relations == resolved.relations, x.article.id
    # both ways are exercised: taken as it is, and resolved (unnamed groups, twin ids)
    assert 0 < shortcut < len(cases)
