"""Cypher text of the Neo4j store's writes and identity look-ups (reads: read_queries.py).

Cypher cannot take labels or relationship types as parameters (APOC is not installed),
so the only values ever interpolated are ontology names that `check_label` /
`check_rel_type` have verified against graph/ontology.yaml (and that match a plain
identifier pattern besides). Every user value (ids, names, dates, lists) travels as a
`$parameter`. Builders are cached, so the plan cache sees a fixed set of texts; the
entity and fact writes are one statement each for every type (a checked FOREACH branch
per type), which saves a round trip per type present in an article.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.errors import OntologyError
from graph.ontology import get_ontology
from graph.store.protocol import Direction

_IDENT = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,63}$")


def check_label(name: str) -> str:
    """`name` if it is an ontology entity type (safe to interpolate as a label), else raise."""
    if name not in get_ontology().entity_types or not _IDENT.match(name):
        raise OntologyError(f"{name!r} is not an entity type of the ontology")
    return name


def check_rel_type(name: str) -> str:
    """`name` if it is an ontology relation type (safe to interpolate), else raise."""
    if name not in get_ontology().relations or not _IDENT.match(name):
        raise OntologyError(f"{name!r} is not a relation type of the ontology")
    return name


def rel_alternatives(types: tuple[str, ...] | None = None) -> str:
    """`A|B|C` over the given (default: all) fact types, each checked; for `[:A|B|C]`."""
    names = sorted(get_ontology().relations) if types is None else sorted(set(types))
    if not names:
        raise OntologyError("at least one relation type is needed")
    return "|".join(check_rel_type(n) for n in names)


def arrows(direction: Direction) -> tuple[str, str]:
    """The (left, right) arrow pieces of a relationship pattern for a direction."""
    return {"out": ("-", "->"), "in": ("<-", "-"), "both": ("-", "-")}[direction]


# --- writes -----------------------------------------------------------------------------


def when(test: str, name: str, clause: str) -> str:
    """`clause` applied only on rows where `test` equals the ontology name `name`: the
    FOREACH/CASE idiom that picks a static label or type per row without APOC."""
    return f"FOREACH (_ IN CASE WHEN {test} = '{name}' THEN [1] ELSE [] END | {clause})"


@lru_cache(maxsize=1)
def merge_entities() -> str:
    """Create or complete the article's entities and their mention, in one statement.

    Rows: {id, create: {...all properties}, update: {...properties to overwrite}}. The
    type label is set from the stored `type` (fixed by the first article), one checked
    FOREACH branch per ontology type."""
    labels = " ".join(
        when("e.type", check_label(t), f"SET e:{check_label(t)}")
        for t in get_ontology().entity_types
    )
    return (
        "MATCH (a:Article {id: $article_id}) "
        "UNWIND $rows AS row "
        "MERGE (e:Entity {id: row.id}) "
        "ON CREATE SET e += row.create "
        "ON MATCH SET e += row.update "
        f"{labels} "
        "MERGE (e)-[:MENTIONED_IN]->(a)"
    )


@lru_cache(maxsize=1)
def merge_facts() -> str:
    """Write events of every type in one statement: each row is one event, its
    relationship found (or created) by `event_id` among the parallel relationships of
    (source, type, target), and its properties replaced by `props` (computed in Python
    from all the relation's supports, graph/store/neo4j/records.py). One checked FOREACH
    branch per ontology relation type."""
    branches = " ".join(
        when(
            "row.type",
            check_rel_type(t),
            f"MERGE (s)-[r:{check_rel_type(t)} {{event_id: row.event_id}}]->(t) SET r = row.props",
        )
        for t in get_ontology().relations
    )
    return (
        "UNWIND $rows AS row "
        "MATCH (s:Entity {id: row.source}) MATCH (t:Entity {id: row.target}) "
        f"{branches}"
    )


# Every write transaction first write-locks one node, so writers run one at a time as in
# the embedded store: each article's identity lookup (same id, type and QID) and event
# re-cut see every committed write. `generation` counts committed writes.
TAKE_WRITE_LOCK = (
    "MERGE (m:CryptoregMeta {key: 'writer'}) SET m.generation = coalesce(m.generation, 0) + 1"
)

MERGE_ARTICLE = "MERGE (a:Article {id: $id}) SET a = $props"

MERGE_ALIASES = (
    "UNWIND $rows AS row "
    "MATCH (e:Entity {id: row.entity_id}) "
    "MERGE (al:Alias {key: row.key}) "
    "ON CREATE SET al += row.create, al.sources = [] "
    "SET al.sources = CASE WHEN $article_id IN al.sources THEN al.sources "
    "ELSE al.sources + $article_id END "
    "MERGE (al)-[:ALIAS_OF]->(e)"
)

# Rows {source, type, target, keep}: delete the relation's events not in `keep` (all of
# them for an empty list, and any relationship written before events had ids).
DELETE_VANISHED_EVENTS = (
    "UNWIND $rows AS row "
    "MATCH (s:Entity {id: row.source})-[r]->(t:Entity {id: row.target}) "
    "WHERE type(r) = row.type AND (r.event_id IS NULL OR NOT r.event_id IN row.keep) "
    "DELETE r RETURN count(r) AS deleted"
)

DROP_MENTIONS = "MATCH (:Entity)-[m:MENTIONED_IN]->(:Article {id: $article_id}) DELETE m"

DROP_ALIAS_SOURCES = (
    "UNWIND $keys AS key MATCH (al:Alias {key: key}) "
    "SET al.sources = [x IN al.sources WHERE x <> $article_id]"
)

DELETE_EMPTY_ALIASES = (
    "UNWIND $keys AS key MATCH (al:Alias {key: key}) WHERE size(al.sources) = 0 DETACH DELETE al"
)

DELETE_UNMENTIONED = (
    "UNWIND $ids AS id MATCH (e:Entity {id: id}) "
    "WHERE NOT (e)-[:MENTIONED_IN]->(:Article) "
    "OPTIONAL MATCH (al:Alias)-[:ALIAS_OF]->(e) "
    "DETACH DELETE al, e RETURN count(DISTINCT e) AS deleted"
)

REFRESH_NAMES = (
    "UNWIND $ids AS id MATCH (e:Entity {id: id}) "
    "OPTIONAL MATCH (al:Alias)-[:ALIAS_OF]->(e) "
    "WITH e, al ORDER BY al.name, al.kind "
    "WITH e, collect(al) AS als "
    "SET e.aliases = [x IN als | x.name], e.alias_kinds = [x IN als | x.kind], "
    "e.alias_langs = [x IN als | coalesce(x.lang, '')], e.alias_norms = [x IN als | x.name_norm], "
    "e.names_norm = [e.name_norm] + [x IN als | x.name_norm]"
)

DELETE_ARTICLE = "MATCH (a:Article {id: $article_id}) DETACH DELETE a"

CLEAR_BATCH = "MATCH (n) WITH n LIMIT $batch DETACH DELETE n RETURN count(n) AS deleted"

# --- reads used by writes ----------------------------------------------------------------

ARTICLE_REFS = (
    "OPTIONAL MATCH (a:Article {id: $article_id}) "
    "CALL (a) { MATCH (e:Entity)-[:MENTIONED_IN]->(a) RETURN collect(e.id) AS mentions } "
    "CALL (a) { MATCH (s:Entity)-[:MENTIONED_IN]->(a) MATCH (s)-[r]->(t:Entity) "
    "WHERE $article_id IN r.sources "
    "RETURN collect({source: s.id, type: type(r), target: t.id, event_id: r.event_id}) AS facts } "
    "CALL (a) { MATCH (e:Entity)-[:MENTIONED_IN]->(a) MATCH (al:Alias)-[:ALIAS_OF]->(e) "
    "WHERE $article_id IN al.sources RETURN collect(al.key) AS aliases } "
    "RETURN a IS NOT NULL AS exists, mentions, facts, aliases"
)

ENTITY_STATE = (
    "UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN e.id AS id, properties(e) AS props"
)

# Every parallel relationship (event) of each relation (source, type, target).
FACT_STATE = (
    "UNWIND $rows AS row "
    "MATCH (s:Entity {id: row.source})-[r]->(t:Entity {id: row.target}) "
    "WHERE type(r) = row.type "
    "RETURN s.id AS source, type(r) AS type, t.id AS target, properties(r) AS props"
)

# --- identity lookup (graph.identity.IdentityLookup) ----------------------------------------

_CANDIDATE = "e.id AS id, e.type AS type, e.name AS name, e.qid AS qid"

LOOKUP_IDS = f"UNWIND $ids AS id MATCH (e:Entity {{id: id}}) RETURN {_CANDIDATE}"
