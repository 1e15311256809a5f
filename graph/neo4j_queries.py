"""Cypher text for the Neo4j store: small pure builders, one place for every query string.

Cypher cannot take labels or relationship types as parameters, so the only values ever
interpolated are ontology names that `check_label` / `check_rel_type` have verified
against graph/ontology.yaml (and that match a plain identifier pattern besides). Every
user value (ids, names, dates, lists) travels as a `$parameter`. Builders are cached:
one query text per type, so the server's plan cache sees a handful of distinct queries.
"""

from __future__ import annotations

import re
from functools import lru_cache

from graph.errors import OntologyError
from graph.ontology import get_ontology
from graph.store import Direction

_IDENT = re.compile(r"^[A-Za-z][A-Za-z0-9_]{0,63}$")
_LUCENE_SPECIAL = re.compile(r'([+\-&|!(){}\[\]^"~*?:\\/])')


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


@lru_cache(maxsize=64)
def merge_entities(label: str) -> str:
    """Create or complete entities of one type, and their mention by the article.

    Rows: {id, create: {...all properties}, update: {...properties to overwrite}}."""
    label = check_label(label)
    return (
        "MATCH (a:Article {id: $article_id}) "
        "UNWIND $rows AS row "
        "MERGE (e:Entity {id: row.id}) "
        f"ON CREATE SET e:{label}, e += row.create "
        "ON MATCH SET e += row.update "
        "MERGE (e)-[:MENTIONED_IN]->(a)"
    )


@lru_cache(maxsize=64)
def merge_facts(rel_type: str) -> str:
    """Write facts of one type; each row's `props` replaces the relationship's properties
    (the merged provenance, computed in Python from all supports)."""
    rel_type = check_rel_type(rel_type)
    return (
        "UNWIND $rows AS row "
        "MATCH (s:Entity {id: row.source}) MATCH (t:Entity {id: row.target}) "
        f"MERGE (s)-[r:{rel_type}]->(t) "
        "SET r = row.props"
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

DELETE_FACTS = (
    "UNWIND $rows AS row "
    "MATCH (s:Entity {id: row.source})-[r]->(t:Entity {id: row.target}) "
    "WHERE type(r) = row.type DELETE r"
)

DROP_MENTIONS = "MATCH (:Entity)-[m:MENTIONED_IN]->(:Article {id: $article_id}) DELETE m"

DROP_ALIAS_SOURCES = (
    "UNWIND $keys AS key MATCH (al:Alias {key: key}) "
    "SET al.sources = [x IN al.sources WHERE x <> $article_id]"
)

DELETE_EMPTY_ALIASES = (
    "UNWIND $keys AS key MATCH (al:Alias {key: key}) WHERE size(al.sources) = 0 "
    "DETACH DELETE al"
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

ARTICLE_EXISTS = "MATCH (a:Article {id: $article_id}) RETURN a.id AS id"

OLD_MENTIONS = "MATCH (e:Entity)-[:MENTIONED_IN]->(:Article {id: $article_id}) RETURN e.id AS id"

OLD_FACTS = (
    "MATCH (s:Entity)-[:MENTIONED_IN]->(:Article {id: $article_id}) "
    "MATCH (s)-[r]->(t:Entity) WHERE $article_id IN r.sources "
    "RETURN s.id AS source, type(r) AS type, t.id AS target, properties(r) AS props"
)

OLD_ALIASES = (
    "MATCH (e:Entity)-[:MENTIONED_IN]->(:Article {id: $article_id}) "
    "MATCH (al:Alias)-[:ALIAS_OF]->(e) WHERE $article_id IN al.sources RETURN al.key AS key"
)

ENTITY_STATE = (
    "UNWIND $ids AS id MATCH (e:Entity {id: id}) "
    "RETURN e.id AS id, properties(e) AS props"
)

FACT_STATE = (
    "UNWIND $rows AS row "
    "MATCH (s:Entity {id: row.source})-[r]->(t:Entity {id: row.target}) "
    "WHERE type(r) = row.type "
    "RETURN s.id AS source, type(r) AS type, t.id AS target, properties(r) AS props"
)

# --- identity lookup (graph.identity.IdentityLookup) ----------------------------------------

_CANDIDATE = "e.id AS id, e.type AS type, e.name AS name, e.qid AS qid"

LOOKUP_IDS = f"UNWIND $ids AS id MATCH (e:Entity {{id: id}}) RETURN {_CANDIDATE}"

LOOKUP_QIDS = f"UNWIND $qids AS q MATCH (e:Entity {{qid: q}}) RETURN {_CANDIDATE}"

LOOKUP_KEYS = (
    "UNWIND $keys AS key CALL (key) { "
    f"MATCH (e:Entity {{match_key: key}}) WHERE NOT e.unnamed RETURN {_CANDIDATE}, true AS by_name "
    "UNION ALL "
    "MATCH (al:Alias {match_key: key, identifying: true})-[:ALIAS_OF]->(e:Entity) "
    f"WHERE NOT e.unnamed RETURN {_CANDIDATE}, false AS by_name }} "
    "RETURN key, id, type, name, qid, by_name"
)

LOOKUP_WORDS = (
    "UNWIND $types AS t MATCH (e:Entity {type: t}) "
    "WHERE NOT e.unnamed AND any(w IN e.name_words WHERE w IN $words) "
    f"RETURN {_CANDIDATE}"
)


# --- reads -------------------------------------------------------------------------------

SUMMARY = (
    "{id: {v}.id, type: {v}.type, name: {v}.name, unnamed: {v}.unnamed, count: {v}.count}"
)


def summary(var: str) -> str:
    """A map projection of an entity variable, shaped like `EntitySummary`."""
    return SUMMARY.replace("{v}", var)


FACT_COLUMNS = f"type(r) AS type, {summary('s')} AS source, {summary('t')} AS target, properties(r) AS props"

ENTITY_RECORDS = (
    "UNWIND $ids AS id MATCH (e:Entity {id: id}) "
    "CALL (e) { OPTIONAL MATCH (e)-[:MENTIONED_IN]->(a:Article) RETURN collect(a.id) AS sources } "
    "CALL (e) { OPTIONAL MATCH (e)-[r]-(:Entity) WITH type(r) AS t, count(DISTINCT r) AS n "
    "WHERE t IS NOT NULL RETURN collect([t, n]) AS counts } "
    "RETURN properties(e) AS props, sources, counts"
)

ENTITY_IDS_PAGE = (
    "MATCH (e:Entity) WHERE $after IS NULL OR e.id > $after "
    "RETURN e.id AS id ORDER BY id LIMIT $page"
)

FIND_BY_NAME = (
    "MATCH (e:Entity {name_norm: $norm}) WHERE $type IS NULL OR e.type = $type "
    "RETURN min(e.id) AS id"
)

FIND_BY_ALIAS = (
    "MATCH (:Alias {name_norm: $norm})-[:ALIAS_OF]->(e:Entity) "
    "WHERE $type IS NULL OR e.type = $type RETURN min(e.id) AS id"
)

ALIASES_OF = (
    "MATCH (al:Alias)-[:ALIAS_OF]->(:Entity {id: $id}) "
    "RETURN al.name AS name, al.kind AS kind, al.lang AS lang"
)

ENTITIES_EXIST = "UNWIND $ids AS id MATCH (e:Entity {id: id}) RETURN e.id AS id"

SUMMARIES = f"UNWIND $ids AS id MATCH (e:Entity {{id: id}}) RETURN {summary('e')} AS e"


@lru_cache(maxsize=64)
def frontier(depth: int, types: tuple[str, ...], direction: Direction) -> str:
    """Ids of the nodes within `depth` hops (the nodes edges may be followed out of)."""
    if depth < 0:
        raise ValueError("depth must be >= 0")
    left, right = arrows(direction)
    rels = rel_alternatives(types)
    return (
        "MATCH (s:Entity {id: $id}) "
        f"MATCH (s){left}[:{rels}*0..{depth}]{right}(n:Entity) "
        "RETURN DISTINCT n.id AS id"
    )


@lru_cache(maxsize=64)
def edges_out_of(types: tuple[str, ...], direction: Direction) -> str:
    """Every allowed fact followed out of the given nodes, with both ends."""
    left, right = arrows(direction)
    rels = rel_alternatives(types)
    return (
        f"UNWIND $ids AS id MATCH (n:Entity {{id: id}}){left}[r:{rels}]{right}(:Entity) "
        "WITH DISTINCT r MATCH (s)-[r]->(t) "
        f"RETURN {FACT_COLUMNS}"
    )


@lru_cache(maxsize=8)
def all_shortest_paths(max_length: int) -> str:
    """Node-id sequences of every shortest undirected path over facts, at most max_length."""
    if not 1 <= max_length <= 15:
        raise ValueError("max_length out of range")
    rels = rel_alternatives()
    return (
        "MATCH (a:Entity {id: $a}) MATCH (b:Entity {id: $b}) "
        f"MATCH p = allShortestPaths((a)-[:{rels}*..{max_length}]-(b)) "
        "RETURN DISTINCT [n IN nodes(p) | n.id] AS ids"
    )


@lru_cache(maxsize=1)
def facts_between_pairs() -> str:
    """Every fact joining each given pair of nodes, in either direction."""
    return (
        "UNWIND $pairs AS pair "
        "MATCH (x:Entity {id: pair[0]}) MATCH (y:Entity {id: pair[1]}) "
        f"MATCH (x)-[r:{rel_alternatives()}]-(y) "
        "WITH DISTINCT r MATCH (s)-[r]->(t) "
        f"RETURN {FACT_COLUMNS}"
    )


@lru_cache(maxsize=1)
def presence() -> str:
    """The actor ids and target ids an `actions(jurisdiction=J)` call matches on (see
    graph/embedded_store.py): J's places (J plus 1-3 PART_OF hops inside), entities
    LOCATED_IN one of them (actors), or with any presence fact into one (targets)."""
    part_of, located = check_rel_type("PART_OF"), check_rel_type("LOCATED_IN")
    present = rel_alternatives(("LOCATED_IN", "HEADQUARTERED_IN", "OPERATES_IN"))
    return (
        "MATCH (j:Entity {id: $id}) "
        f"OPTIONAL MATCH (p:Entity)-[:{part_of}*1..3]->(j) "
        "WITH j, collect(DISTINCT p) AS inner WITH [j] + inner AS places "
        "UNWIND places AS place "
        f"OPTIONAL MATCH (x:Entity)-[:{located}]->(place) "
        "WITH places, collect(DISTINCT x.id) AS located "
        "UNWIND places AS place "
        f"OPTIONAL MATCH (y:Entity)-[:{present}]->(place) "
        "WITH places, located, collect(DISTINCT y.id) AS present "
        "RETURN [p IN places | p.id] AS places, located, present"
    )


@lru_cache(maxsize=1)
def actions_query() -> str:
    """Action facts with the store's filters, newest effective date first, paged."""
    rels = rel_alternatives(get_ontology().action_types)
    return (
        f"MATCH (s:Entity)-[r:{rels}]->(t:Entity) "
        "WHERE ($types IS NULL OR type(r) IN $types) "
        "AND ($actor IS NULL OR s.id = $actor) AND ($target IS NULL OR t.id = $target) "
        "AND ($target_type IS NULL OR t.type = $target_type) "
        "AND ($actors IS NULL OR s.id IN $actors OR t.id IN $targets) "
        "WITH s, r, t, coalesce(r.date, r.first_seen) AS eff "
        "WHERE ($since IS NULL OR eff >= $since) AND ($until IS NULL OR eff <= $until) "
        f"RETURN {FACT_COLUMNS} "
        "ORDER BY eff IS NULL, eff DESC, type, source.id, target.id "
        "SKIP $offset LIMIT $limit"
    )


@lru_cache(maxsize=64)
def facts_page(rel_type: str) -> str:
    """One page of the facts of one type, keyset-paged on (source id, target id)."""
    rel_type = check_rel_type(rel_type)
    return (
        f"MATCH (s:Entity)-[r:{rel_type}]->(t:Entity) "
        "WHERE $after_s IS NULL OR s.id > $after_s OR (s.id = $after_s AND t.id > $after_t) "
        f"RETURN {FACT_COLUMNS} ORDER BY source.id, target.id LIMIT $page"
    )


ARTICLE_FACTS = (
    "MATCH (s:Entity)-[:MENTIONED_IN]->(:Article {id: $id}) "
    "MATCH (s)-[r]->(t:Entity) WHERE $id IN r.sources "
    f"RETURN {FACT_COLUMNS}"
)

ARTICLE_ENTITIES = (
    f"MATCH (e:Entity)-[:MENTIONED_IN]->(:Article {{id: $id}}) RETURN {summary('e')} AS e"
)

GET_ARTICLE = "MATCH (a:Article {id: $id}) RETURN properties(a) AS a"

ARTICLES_PAGE = (
    "MATCH (a:Article) RETURN properties(a) AS a "
    "ORDER BY a.published IS NULL, a.published DESC, a.id SKIP $offset LIMIT $limit"
)

ARTICLES_BY_ID = (
    "MATCH (a:Article) WHERE $after IS NULL OR a.id > $after "
    "RETURN properties(a) AS a ORDER BY a.id LIMIT $page"
)


@lru_cache(maxsize=1)
def stats_query() -> str:
    """Counts per entity label and per relationship type, read from the count store."""
    ont = get_ontology()
    parts = [
        f"MATCH (n:{check_label(t)}) RETURN 'entity' AS kind, '{t}' AS name, count(n) AS n"
        for t in ont.entity_types
    ] + [
        f"MATCH ()-[r:{check_rel_type(t)}]->() RETURN 'relation' AS kind, '{t}' AS name, "
        "count(r) AS n"
        for t in ont.relations
    ]
    parts += [
        "MATCH (a:Article) RETURN 'total' AS kind, 'articles' AS name, count(a) AS n",
        "MATCH (a:Alias) RETURN 'total' AS kind, 'aliases' AS name, count(a) AS n",
    ]
    return "CALL () { " + " UNION ALL ".join(parts) + " } RETURN kind, name, n"


SEARCH_FULLTEXT = (
    "CALL db.index.fulltext.queryNodes($index, $lucene) YIELD node RETURN node.id AS id"
)

SEARCH_CONTAINS = (
    "UNWIND $needles AS needle CALL (needle) { "
    "MATCH (e:Entity) WHERE e.name_norm CONTAINS needle RETURN e.id AS id "
    "UNION MATCH (al:Alias)-[:ALIAS_OF]->(e:Entity) WHERE al.name_norm CONTAINS needle "
    "RETURN e.id AS id } RETURN DISTINCT id"
)

SEARCH_CANDIDATES = (
    "UNWIND $ids AS id MATCH (e:Entity {id: id}) "
    "WHERE $type IS NULL OR e.type = $type "
    f"RETURN {summary('e')} AS e, e.name_norm AS norm, e.aliases AS aliases, "
    "e.alias_norms AS alias_norms"
)


def lucene_escape(term: str) -> str:
    """A term with Lucene's query-syntax characters escaped."""
    return _LUCENE_SPECIAL.sub(r"\\\1", term)


def lucene_query(q_norm: str) -> str:
    """The full-text query for a normalised search string: each word as a prefix, and
    (from 3 characters) as a fuzzy term, any of them matching. The caller ranks."""
    clauses: list[str] = []
    for word in q_norm.split():
        term = lucene_escape(word)
        clauses.append(f"{term}*")
        if len(word) >= 3:
            clauses.append(f"{term}~{1 if len(word) < 6 else 2}")
    return " OR ".join(clauses)
