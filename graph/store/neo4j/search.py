"""Search in the Neo4j store: candidates from the indexes, ranking by graph.store.search_rank.

The embedded store ranks every name and alias; scanning them all per query would not
use Neo4j's indexes, so candidates come from the full-text index over each entity's
normalised names (`names_norm`: prefixes, fuzzy terms, a query word's own prefixes and
stem, see `lucene_query`) plus the text indexes for substrings (`CONTAINS`). Every
candidate entity then has all its names scored by the shared `rank_hits`, so whatever
both stores find is ranked identically; tests/test_neo4j_store.py checks on the gold
corpora that the candidates miss nothing the full scan finds (1,000+ queries: words,
prefixes, fragments and typos of every name). Ranking itself, and the jurisdiction
filter's meaning, are graph/store/base.py's; this module only gathers candidates, through
the store's `Read` function.
"""

from __future__ import annotations

import re
from collections.abc import Set

from graph.store.neo4j.read_queries import Read, summary
from graph.store.neo4j.records import summary_from
from graph.store.neo4j.schema import FULLTEXT_INDEX
from graph.store.search_rank import Candidate

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


def candidate_ids(read: Read, q_norm: str) -> set[str]:
    """Ids of the entities that may score for a normalised query (a superset)."""
    ids = {r["id"] for r in read(FULLTEXT, index=FULLTEXT_INDEX, lucene=lucene_query(q_norm))}
    needles = sorted({w for w in [q_norm, *q_norm.split()] if len(w) >= 3})
    if needles:
        ids |= {r["id"] for r in read(CONTAINS, needles=needles)}
    return ids


def candidates(
    read: Read, q_norm: str, entity_type: str | None, within: Set[str] | None
) -> list[Candidate]:
    """Every name and alias of the candidate entities of `entity_type` among `within`,
    for graph.store.search_rank to score."""
    ids = candidate_ids(read, q_norm)
    if within is not None:
        ids &= within
    cands: list[Candidate] = []
    for r in read(CANDIDATES, ids=sorted(ids), type=entity_type):
        s = summary_from(r["e"])
        cands.append((s, s.name, True, r["norm"]))
        cands += [(s, n, False, nn) for n, nn in zip(r["aliases"], r["alias_norms"], strict=True)]
    return cands
