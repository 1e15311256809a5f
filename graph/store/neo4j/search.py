"""Search in the Neo4j store: candidates from the indexes, ranking by graph.store.search_rank.

The embedded store ranks every name and alias; scanning them all per query would not
use Neo4j's indexes, so candidates come from the full-text index over each entity's
normalised names (`names_norm`: prefixes, fuzzy terms, a query word's own prefixes and
stem, see `lucene_query`) plus the text indexes for substrings (`CONTAINS`). Every
candidate entity then has all its names scored by the shared `rank_hits`, so whatever
both stores find is ranked identically; tests/test_neo4j_store.py checks on the gold
corpora that the candidates miss nothing the full scan finds (1,000+ queries: words,
prefixes, fragments and typos of every name).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from graph.ids import normalize_name
from graph.store.neo4j import traversal as trav
from graph.store.neo4j.read_queries import summary
from graph.store.neo4j.records import summary_from
from graph.store.neo4j.schema import FULLTEXT_INDEX
from graph.store.protocol import SearchHit
from graph.store.search_rank import rank_hits

if TYPE_CHECKING:
    from graph.store.neo4j.store import Neo4jStore

_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')

FULLTEXT = "CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node RETURN node.id AS id"

CONTAINS = (
    "UNWIND $needles AS needle CALL (needle) { "
    "MATCH (e:Entity) WHERE e.name_norm CONTAINS needle RETURN e.id AS id "
    "UNION MATCH (al:Alias)-[:ALIAS_OF]->(e:Entity) WHERE al.name_norm CONTAINS needle "
    "RETURN e.id AS id } RETURN DISTINCT id"
)

CANDIDATES = (
    "UNWIND $ids AS id MATCH (e:Entity {id: id}) "
    "WHERE $type IS NULL OR e.type = $type "
    f"RETURN {summary('e')} AS e, e.name_norm AS norm, e.aliases AS aliases, "
    "e.alias_norms AS alias_norms"
)


def lucene_escape(term: str) -> str:
    """A term with Lucene's query-syntax characters escaped."""
    return _LUCENE_SPECIAL.sub(r"\\\1", term)


def lucene_query(q_norm: str) -> str:
    """The full-text candidate query for a normalised search string; any clause may match
    and graph.store.search_rank ranks what comes back. Per word: the word as a prefix (exact,
    prefix and word-prefix tiers); from 3 characters a fuzzy term (typos); from 4 its
    shorter prefixes as whole words ("japanese" finds "japan", "newyork" finds "new");
    from 5 its first 60% as a prefix ("regulators" finds "regulation")."""
    clauses: list[str] = []
    for word in dict.fromkeys(q_norm.split()):
        clauses.append(f"{lucene_escape(word)}*")
        if len(word) >= 3:
            clauses.append(f"{lucene_escape(word)}~{1 if len(word) < 6 else 2}")
        clauses += [lucene_escape(word[:n]) for n in range(3, len(word)) if len(word) >= 4]
        if len(word) >= 5:
            clauses.append(f"{lucene_escape(word[: max(3, round(len(word) * 0.6))])}*")
    return " OR ".join(dict.fromkeys(clauses))


def candidate_ids(store: Neo4jStore, q_norm: str) -> set[str]:
    """Ids of the entities that may score for a normalised query (a superset)."""
    ids = {r["id"] for r in store.read(FULLTEXT, index=FULLTEXT_INDEX, lucene=lucene_query(q_norm))}
    needles = sorted({w for w in [q_norm, *q_norm.split()] if len(w) >= 3})
    if needles:
        ids |= {r["id"] for r in store.read(CONTAINS, needles=needles)}
    return ids


def search(
    store: Neo4jStore,
    q: str,
    entity_type: str | None,
    jurisdiction: str | None,
    limit: int,
    offset: int,
) -> list[SearchHit]:
    """`GraphStore.search` over the Neo4j store (semantics of graph/embedded_store.py)."""
    q_norm = normalize_name(q)
    if not q_norm:
        return []
    ids = candidate_ids(store, q_norm)
    if jurisdiction is not None:
        places, _, present = trav.presence(store, jurisdiction)
        ids &= places | present
    cands: list[Any] = []
    for r in store.read(CANDIDATES, ids=sorted(ids), type=entity_type):
        s = summary_from(r["e"])
        cands.append((s, s.name, True, r["norm"]))
        cands += [(s, n, False, nn) for n, nn in zip(r["aliases"], r["alias_norms"], strict=True)]
    return rank_hits(q, cands, limit, offset)
