"""Cypher text of the Neo4j store's reads (entities, facts, traversals, articles, stats),
and `Read`, the shape of the function that runs them.

Same rules as graph/store/neo4j/write_queries.py: only ontology-checked names are
interpolated, every value is a `$parameter`, and builders are cached per distinct text.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Protocol

from graph.ontology import REL, get_ontology
from graph.store.base import MAX_PATH, PART_OF_HOPS
from graph.store.neo4j.records import DETAIL_KEYS, SUPPORT_LISTS
from graph.store.neo4j.write_queries import (
    DETAIL_COLUMN,
    arrows,
    check_label,
    check_rel_type,
    rel_alternatives,
)
from graph.store.protocol import Direction


class Read(Protocol):
    """Runs one read query with driver parameters and returns its rows as dicts
    (`Neo4jStore.read`); the search and traversal helpers take it instead of the store."""

    def __call__(self, cypher: str, /, **params: Any) -> list[dict[str, Any]]: ...


SUMMARY = "{id: {v}.id, type: {v}.type, name: {v}.name, unnamed: {v}.unnamed, count: {v}.count}"


def summary(var: str) -> str:
    """A map projection of an entity variable, shaped like `EntitySummary`."""
    return SUMMARY.replace("{v}", var)


# What records.py `fact_from` reads of an event to build its `Fact`: the event id and the
# per-article lists (the relationship keeps sources and evidence, its detail node the
# rest), every other field being viewed again from those reports. Only these are sent:
# `properties(r)` also sent the event's dates (each hydrated by the driver), its status
# history and its attributes' JSON, and the detail node its key and ends, all unread.
_FACT_KEYS = ("event_id", *SUPPORT_LISTS)
_REPORTS = f"r {{{', '.join('.' + k for k in _FACT_KEYS)}}}"
_DETAIL_REPORTS = DETAIL_COLUMN.replace(
    "RETURN properties(detail)",
    f"RETURN detail {{{', '.join('.' + k for k in SUPPORT_LISTS if k in DETAIL_KEYS)}}}",
)
assert _DETAIL_REPORTS != DETAIL_COLUMN
FACT_COLUMNS = (
    f"type(r) AS type, {summary('s')} AS source, {summary('t')} AS target, "
    f"{_REPORTS} AS props, {_DETAIL_REPORTS} AS detail"
)

# The review rule (graph/store/review.py) on a fact relationship `r`: its decision
# (a :ReviewDecision node, graph/store/neo4j/review.py) if any, shown when it is
# $accepted (graph/store/review.py ACCEPTED), else its confidence against $below; a NULL
# $below shows everything.
SHOWN = (
    "($below IS NULL OR coalesce(head(COLLECT { MATCH (d:ReviewDecision "
    "{event_id: r.event_id}) RETURN d.decision = $accepted }), r.confidence >= $below))"
)

ENTITY_RECORDS = (
    "UNWIND $ids AS id MATCH (e:Entity {id: id}) "
    "CALL (e) { OPTIONAL MATCH (e)-[:MENTIONED_IN]->(a:Article) RETURN collect(a.id) AS sources } "
    "CALL (e) { OPTIONAL MATCH (e)-[r]-(:Entity) WITH type(r) AS t, count(DISTINCT r) AS n "
    "WHERE t IS NOT NULL RETURN collect([t, n]) AS counts } "
    "RETURN properties(e) AS props, sources, counts"
)

ENTITY_IDS_PAGE = "MATCH (e:Entity) WHERE e.id > $after RETURN e.id AS id ORDER BY id LIMIT $page"

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


@lru_cache(maxsize=64)
def edge_stubs_out_of(types: tuple[str, ...], direction: Direction) -> str:
    """`edges_out_of` as what capping needs (graph/store/hubs.py `EdgeStub`), read off
    the relationships without their detail nodes or reports."""
    left, right = arrows(direction)
    rels = rel_alternatives(types)
    return (
        f"UNWIND $ids AS id MATCH (n:Entity {{id: id}}){left}[r:{rels}]{right}(:Entity) "
        "WITH DISTINCT r MATCH (s)-[r]->(t) "
        "RETURN elementId(r) AS handle, type(r) AS type, s.id AS source, t.id AS target, "
        "r.event_id AS event_id, r.confidence AS confidence, size(r.sources) AS sources, "
        "coalesce(r.in_force_from, r.first_seen) AS start"
    )


@lru_cache(maxsize=64)
def shown_page_out_of(types: tuple[str, ...], direction: Direction) -> str:
    """How many of the facts `edge_stubs_out_of` lists for $id the review rule (`SHOWN`,
    on action types: $actions) shows, and the element ids of the page $offset, $limit of
    them in record order (type, source id, target id, event id): a hub's thousands of
    stubs are counted and paged on the server instead of sent over Bolt."""
    left, right = arrows(direction)
    rels = rel_alternatives(types)
    return (
        f"MATCH (n:Entity {{id: $id}}){left}[r:{rels}]{right}(:Entity) "
        "WITH DISTINCT r MATCH (s)-[r]->(t) "
        f"WHERE NOT type(r) IN $actions OR {SHOWN} "
        "WITH r, s.id AS source, t.id AS target "
        "ORDER BY type(r), source, target, r.event_id "
        "WITH collect(elementId(r)) AS handles "
        "RETURN size(handles) AS total, handles[$offset..$offset + $limit] AS page"
    )


# The facts of relationships listed by `edge_stubs_out_of`, by element id.
FACTS_BY_ELEMENT_ID = (
    "UNWIND $ids AS i MATCH (s)-[r]->(t) WHERE elementId(r) = i "
    f"RETURN elementId(r) AS handle, {FACT_COLUMNS}"
)


@lru_cache(maxsize=8)
def all_shortest_paths(max_length: int) -> str:
    """Node-id sequences of every shortest undirected path over facts, at most max_length."""
    if not 1 <= max_length <= MAX_PATH:
        raise ValueError(f"max_length must be 1-{MAX_PATH}")
    rels = rel_alternatives()
    return (
        "MATCH (a:Entity {id: $a}) MATCH (b:Entity {id: $b}) "
        f"MATCH p = allShortestPaths((a)-[:{rels}*..{max_length}]-(b)) "
        "RETURN DISTINCT [n IN nodes(p) | n.id] AS ids LIMIT $scan"
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
    """What a jurisdiction filter matches on (graph/store/filters.py `Presence`): J's places
    (J plus 1-PART_OF_HOPS PART_OF hops inside), the entities LOCATED_IN one of them, and
    those with a presence relation (the ontology's `presence` flag) into one."""
    part_of, located = check_rel_type(REL.part_of), check_rel_type(REL.located_in)
    present = rel_alternatives(get_ontology().presence_relations)
    return (
        "MATCH (j:Entity {id: $id}) "
        f"OPTIONAL MATCH (p:Entity)-[:{part_of}*1..{PART_OF_HOPS}]->(j) "
        "WITH j, collect(DISTINCT p) AS inner WITH [j] + inner AS places "
        "UNWIND places AS place "
        f"OPTIONAL MATCH (x:Entity)-[:{located}]->(place) "
        "WITH places, collect(DISTINCT x.id) AS located "
        "UNWIND places AS place "
        f"OPTIONAL MATCH (y:Entity)-[:{present}]->(place) "
        "WITH places, located, collect(DISTINCT y.id) AS present "
        "RETURN [p IN places | p.id] AS places, located, present"
    )


@lru_cache(maxsize=4)
def actions_query(anchor: str | None = None) -> str:
    """Action events with the store's filters, in graph/store/provenance.py `action_order`
    (newest effective date first, undated last, then type, source id, target id; parallel
    events by event id), paged. The effective date is the first day of the event's
    partial `date`, else its `first_seen` (`date("2021")` is 2021-01-01); in force on a
    day means `in_force_from <= day < in_force_until` (no end while active).

    `anchor` ("actor" or "target": that parameter is not null) starts the match at that
    entity by its id index instead of every action of the graph (`$actor IS NULL OR ...`
    keeps the planner from seeking). The page is cut before the facts' columns (their
    detail nodes) are read, so only its rows are built."""
    rels = rel_alternatives(get_ontology().action_types)
    source = "(s:Entity {id: $actor})" if anchor == "actor" else "(s:Entity)"
    target = "(t:Entity {id: $target})" if anchor == "target" else "(t:Entity)"
    if anchor not in (None, "actor", "target"):
        raise ValueError(f"anchor must be actor, target or None, not {anchor!r}")
    order = "eff IS NULL, eff DESC, type(r), s.id, t.id, r.event_id"
    return (
        f"MATCH {source}-[r:{rels}]->{target} "
        "WHERE ($types IS NULL OR type(r) IN $types) "
        "AND ($actor IS NULL OR s.id = $actor) AND ($target IS NULL OR t.id = $target) "
        "AND ($target_type IS NULL OR t.type = $target_type) "
        "AND ($actors IS NULL OR s.id IN $actors OR t.id IN $targets) "
        "AND ($status IS NULL OR r.status = $status) "
        "AND ($day IS NULL OR (r.in_force_from <= $day "
        "AND (r.in_force_until IS NULL OR $day < r.in_force_until))) "
        f"AND {SHOWN} "
        "WITH s, r, t, coalesce(date(r.date), r.first_seen) AS eff "
        "WHERE ($since IS NULL OR eff >= $since) AND ($until IS NULL OR eff <= $until) "
        f"WITH s, r, t, eff ORDER BY {order} SKIP $offset LIMIT $limit "
        f"RETURN {FACT_COLUMNS} ORDER BY {order}"
    )


@lru_cache(maxsize=64)
def facts_page(rel_type: str) -> str:
    """One page of the events of one type, keyset-paged on (source id, target id, event
    id); start with empty strings (every id is longer)."""
    rel_type = check_rel_type(rel_type)
    return (
        f"MATCH (s:Entity)-[r:{rel_type}]->(t:Entity) "
        "WHERE s.id > $after_s OR (s.id = $after_s AND (t.id > $after_t "
        "OR (t.id = $after_t AND r.event_id > $after_e))) "
        f"RETURN {FACT_COLUMNS}, r.event_id AS event_id "
        "ORDER BY source.id, target.id, event_id LIMIT $page"
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

# The page is cut before its articles' properties (their whole text) are read.
ARTICLES_PAGE = (
    "MATCH (a:Article) WITH a "
    "ORDER BY a.published IS NULL, a.published DESC, a.id SKIP $offset LIMIT $limit "
    "RETURN properties(a) AS a ORDER BY a.published IS NULL, a.published DESC, a.id"
)

ARTICLES_BY_ID = (
    "MATCH (a:Article) WHERE a.id > $after RETURN properties(a) AS a ORDER BY a.id LIMIT $page"
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
