"""Cypher text of the Neo4j store's writes, their locks and reads (reads: read_queries.py).

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
from typing import Any

from graph.errors import OntologyError
from graph.ontology import get_ontology
from graph.store.neo4j.beside import AGREES
from graph.store.neo4j.bolt_dates import ARTICLE_DATES, EVENT_DATES, back_to_dates, with_dates
from graph.store.protocol import Direction

# An event's bookkeeping (records.py DETAIL_KEYS) is on a node of this label, with no
# relationship to anything: found by its key, computed from the relationship `r` from
# `s` to `t` (records.py `detail_key` in Python); `DETAIL_COLUMN` reads it beside `r`.
DETAIL_LABEL = "EventDetail"
DETAIL_KEY = "s.id + '|' + type(r) + '|' + t.id + '|' + coalesce(r.event_id, '')"
DETAIL_COLUMN = (
    f"COLLECT {{ MATCH (detail:{DETAIL_LABEL} {{key: {DETAIL_KEY}}}) RETURN properties(detail) }}"
)

# Dates travel as text (graph/store/neo4j/bolt_dates.py); the writes of events set them back.
_EVENT_PROPS = with_dates("props", EVENT_DATES)
_EVENT_DATES = back_to_dates("r", EVENT_DATES)

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


# The plan cache. Neo4j plans a query text once and replans it whenever the statistics it
# was planned with (a label's or a relationship type's count) have changed ~4x: an ingest
# into a growing graph crosses that again and again for every type, and the statements
# below with a branch per ontology type take 0.1-0.7 s of server CPU to plan (about 40% of
# the server's work of a 10k-article ingest went to replanning). A statement whose every
# pattern starts from a unique-index seek or from nodes it has bound has one plan whatever
# the statistics (checked on an empty and a loaded database: tests/test_neo4j_plans.py),
# so it keeps the plan it has: `kept_plan`. Statements the statistics do steer (an
# expand's direction, a relationship found by element id) are replanned as usual.
KEEP_PLAN = "CYPHER replan=skip "


def kept_plan(query: str) -> str:
    """`query` run with the plan cached for it, never replanned for statistics."""
    return KEEP_PLAN + query


# A relation's events: the relationships of the row's type from its source to its target.
RELATION_EVENTS = (
    "MATCH (s:Entity {id: row.source})-[r]->(t:Entity {id: row.target}) WHERE type(r) = row.type"
)


# What the detail key (DETAIL_KEY) of every event of the row's relation starts with.
RELATION_PREFIX = "s.id + '|' + row.type + '|' + t.id + '|'"


# The parameter of a `by_row_type` statement: its rows grouped by relation type.
BY_TYPE = "by_type"


def rows_by_type(rows: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """Rows with a `type` (a relation type) grouped by it, in their order: the `BY_TYPE`
    parameter of a `by_row_type` statement."""
    out: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        out.setdefault(row["type"], []).append(row)
    return out


def _typed_events(rel_type: str) -> str:
    """`RELATION_EVENTS` of one relation type: the events of a relation with any. The
    expand is a subquery of the two ends found first, so that it is always an expand
    between them (`Expand(Into)`): as one pattern, the planner may expand from one end
    and filter by the other, as the statistics of the day say."""
    return (
        "MATCH (s:Entity {id: row.source}) MATCH (t:Entity {id: row.target}) "
        f"WHERE EXISTS {{ MATCH (d:{DETAIL_LABEL}) WHERE d.key STARTS WITH {RELATION_PREFIX} }} "
        f"CALL (s, t) {{ MATCH (s)-[r:{check_rel_type(rel_type)}]->(t) RETURN r }}"
    )


@lru_cache(maxsize=32)
def by_row_type(query: str) -> str:
    """`query` (`UNWIND $rows AS row ... RETURN collect(...) AS rows`) run once per
    ontology relation type over that type's rows (`$by_type.TYPE`, `rows_by_type`), its
    `RELATION_EVENTS` expanding only that type; the lists of the runs joined as one.
    Typed with every fact type (`typed`), the expand between two ends walks all their
    facts of every type, which on an exchange many regulators act on grows with the
    graph; typed with the row's type, only that type's (the ends' relationships are
    grouped by type, each with its degree). A branch per type for every row (a `CALL`
    with a filtered `UNION ALL` branch per type) cost the server more than the expands
    themselves: each row went through every branch and every row found through every
    level of the union; here each branch sees only its own rows and gives one list.
    (With only the expand in the branches and the rest after the union, the rows found
    still climb the union: no less server CPU at 10k articles.) The price: fifteen copies
    of the statement take a few seconds to plan on a fresh server, once (`kept_plan`).

    Most relations a batch names are new: a row whose relation has no event detail node
    (every event has one, records.py; a seek on the unique key's range) skips the expand.
    A longer id sharing the prefix only makes a row expand in vain."""
    prefix = "UNWIND $rows AS row "
    if RELATION_EVENTS not in query or not query.startswith(prefix):
        raise ValueError("no relation expand to type in the query")
    if not query.endswith(f" AS {ROWS}"):
        raise ValueError(f"the query must return its rows as one list ({ROWS})")
    body = query.removeprefix(prefix)
    branches = " UNION ALL ".join(
        f"UNWIND ${BY_TYPE}.{check_rel_type(n)} AS row "
        + body.replace(RELATION_EVENTS, _typed_events(n))
        for n in sorted(get_ontology().relations)
    )
    return kept_plan(
        f"CALL () {{ {branches} }} WITH collect({ROWS}) AS parts "
        f"UNWIND parts AS part UNWIND part AS one RETURN collect(one) AS {ROWS}"
    )


# --- writes -----------------------------------------------------------------------------


def when(test: str, name: str, clause: str) -> str:
    """`clause` applied only on rows where `test` equals the ontology name `name`: the
    FOREACH/CASE idiom that picks a static label or type per row without APOC."""
    return f"FOREACH (_ IN CASE WHEN {test} = '{name}' THEN [1] ELSE [] END | {clause})"


@lru_cache(maxsize=32)
def typed(query: str) -> str:
    """`query` with its fact relationship `-[r]->` typed with every ontology relation
    (`-[r:BANNED|FINED|...]->`): an untyped expand from a body named by thousands of
    articles walks all its MENTIONED_IN relationships too; a typed one only its facts."""
    if "-[r]->" not in query:
        raise ValueError("no fact relationship `-[r]->` to type in the query")
    return query.replace("-[r]->", f"-[r:{rel_alternatives()}]->")


@lru_cache(maxsize=1)
def set_entities() -> str:
    """Write entity properties, in one statement for every type.

    Rows: {id, props}: the properties that changed (a new entity: all of them, and
    `_fresh: null` to end its placeholder; null removes a property). The node exists:
    the transaction locked it (a missing one as a placeholder, graph/store/neo4j/working.py).
    The type label follows the stored `type` (fixed by the first article), one checked
    FOREACH branch per ontology type."""
    labels = " ".join(
        when("e.type", check_label(t), f"SET e:{check_label(t)}")
        for t in get_ontology().entity_types
    )
    return kept_plan(
        f"UNWIND $rows AS row MATCH (e:Entity {{id: row.id}}) SET e += row.props {labels}"
    )


@lru_cache(maxsize=1)
def create_facts() -> str:
    """Create new events of every type in one statement: each row is one event the
    relation did not have (the transaction read all its events, or checked that none of
    the stored ones can have its id: graph/store/neo4j/working.py), created with `props`
    (computed in Python from all the relation's supports, graph/store/neo4j/records.py),
    with its detail node. One checked FOREACH branch per ontology relation type.

    A CREATE, not a MERGE on `event_id`: a MERGE of a relationship looks for it by
    expanding the relationships between its two ends (`Expand(Into)`), whose number
    grows with the graph (a regulator's fines of an exchange), and its read/write
    conflicts put an `Eager` between every branch."""
    branches = " ".join(
        when(
            "row.type",
            check_rel_type(t),
            f"CREATE (s)-[r:{check_rel_type(t)}]->(t) SET r = {_EVENT_PROPS}",
        )
        for t in get_ontology().relations
    )
    return kept_plan(
        "UNWIND $rows AS row "
        "MATCH (s:Entity {id: row.source}) MATCH (t:Entity {id: row.target}) "
        f"WITH s, t, row, row.props AS props {branches} "
        f"MERGE (d:{DETAIL_LABEL} {{key: row.detail.key}}) SET d = row.detail"
    )


# Rows {rid, props, detail}: a stored event rewritten, found by the element id the
# transaction read it with (working.py `read_relations`; its ends are locked, so it
# stays), and its detail node by key: both seeks, whatever the degree of its ends.
UPDATE_FACTS = (
    "UNWIND $rows AS row "
    "MATCH ()-[r]->() WHERE elementId(r) = row.rid WITH r, row, row.props AS props "
    f"SET r = {_EVENT_PROPS} "
    f"MERGE (d:{DETAIL_LABEL} {{key: row.detail.key}}) SET d = row.detail "
    "RETURN count(r) AS written"
)


# Rows {source, type, target, keep}: delete the relation's events not in `keep` (all of
# them for an empty list, and any relationship written before events had ids).
DELETE_VANISHED_EVENTS = (
    "UNWIND $rows AS row "
    "MATCH (s:Entity {id: row.source})-[r]->(t:Entity {id: row.target}) "
    "WHERE type(r) = row.type AND (r.event_id IS NULL OR NOT r.event_id IN row.keep) "
    f"OPTIONAL MATCH (d:{DETAIL_LABEL} {{key: {DETAIL_KEY}}}) "
    "DELETE r, d RETURN count(r) AS deleted"
)

# Rows {rid}: delete these events, found by the element id the transaction read them
# with (working.py `_read_touched`), with their detail nodes.
DELETE_EVENTS = (
    "UNWIND $rows AS row "
    "MATCH (s)-[r]->(t) WHERE elementId(r) = row.rid "
    f"OPTIONAL MATCH (d:{DETAIL_LABEL} {{key: {DETAIL_KEY}}}) "
    "DELETE r, d RETURN count(r) AS deleted"
)

# The names and aliases an entity is found by, from its alias nodes: for an entity new
# to the store or one whose alias nodes the write created or deleted.
REFRESH_NAMES = kept_plan(
    "UNWIND $ids AS id MATCH (e:Entity {id: id}) "
    "OPTIONAL MATCH (al:Alias)-[:ALIAS_OF]->(e) "
    "WITH e, al ORDER BY al.name, al.kind "
    "WITH e, collect(al) AS als "
    "SET e.aliases = [x IN als | x.name], e.alias_kinds = [x IN als | x.kind], "
    "e.alias_langs = [x IN als | coalesce(x.lang, '')], e.alias_norms = [x IN als | x.name_norm], "
    "e.names_norm = [e.name_norm] + [x IN als | x.name_norm]"
)

SET_ARTICLES = kept_plan(
    "UNWIND $rows AS row MATCH (a:Article {id: row.id}) WITH a, row.props AS props "
    f"SET a = {with_dates('props', ARTICLE_DATES)}"
)

DELETE_ARTICLES = kept_plan("UNWIND $ids AS id MATCH (a:Article {id: id}) DETACH DELETE a")

DROP_MENTIONS_MANY = (
    "UNWIND $rows AS row "
    "MATCH (:Entity {id: row.entity})-[m:MENTIONED_IN]->(:Article {id: row.article}) DELETE m"
)

ADD_MENTIONS = kept_plan(
    "UNWIND $rows AS row "
    "MATCH (e:Entity {id: row.entity}) MATCH (a:Article {id: row.article}) "
    "CREATE (e)-[:MENTIONED_IN]->(a)"
)

# An alias's support: a relationship from its node to each article that gives it (the
# embedded store's `alias_sources` rows). A batch adds and removes its own articles'
# relationships; a list property of their ids, rewritten whole by every batch naming the
# alias, grew with the corpus (a regulator's acronym is given by a good share of all
# articles): graph/store/neo4j/alias_sources.py.
ALIAS_SOURCE = "NAMED_IN"

# Rows {key, entity_id, props}: a new alias node with all its properties (none had its
# key: the transaction read it, and only writers holding its entity's lock make one), and
# its ALIAS_OF; a CREATE, not a MERGE, which would look for the relationship among the
# entity's, thousands on a country named in every article. Its support: `ADD_ALIAS_SOURCES`.
CREATE_ALIASES = kept_plan(
    "UNWIND $rows AS row "
    "MATCH (e:Entity {id: row.entity_id}) "
    "CREATE (al:Alias) SET al = row.props "
    "CREATE (al)-[:ALIAS_OF]->(e)"
)

# Rows {key, props}: what changed of a stored alias node's properties (null removes one).
UPDATE_ALIASES = kept_plan(
    "UNWIND $rows AS row MATCH (al:Alias {key: row.key}) SET al += row.props"
)

# Rows {key, article}: an article now gives the alias (it did not: the transaction read
# which of its stored articles do); both nodes exist (locked or created by this write).
ADD_ALIAS_SOURCES = kept_plan(
    "UNWIND $rows AS row "
    "MATCH (al:Alias {key: row.key}) MATCH (a:Article {id: row.article}) "
    f"CREATE (al)-[:{ALIAS_SOURCE}]->(a)"
)

# Rows {key, article}: an article no longer gives the alias, found among the article's
# few such relationships (not the alias's, thousands for a regulator's acronym: the alias
# is matched without its label, so that no plan seeks it and expands from it).
DROP_ALIAS_SOURCES = kept_plan(
    "UNWIND $rows AS row MATCH (a:Article {id: row.article}) "
    f"CALL (a, row) {{ MATCH (a)<-[g:{ALIAS_SOURCE}]-(al) WHERE al.key = row.key DELETE g }}"
)

# Keys of alias nodes deleted and given again in this transaction: their support starts
# afresh (alias_sources.py `AliasSources.reset`).
RESET_ALIAS_SOURCES = kept_plan(
    f"UNWIND $keys AS key MATCH (:Alias {{key: key}})-[g:{ALIAS_SOURCE}]->() DELETE g"
)

DELETE_ALIASES = kept_plan("UNWIND $keys AS key MATCH (al:Alias {key: key}) DETACH DELETE al")

# Entities left without mentions, with their aliases (and placeholders nothing used).
DELETE_ENTITIES = kept_plan(
    "UNWIND $ids AS id MATCH (e:Entity {id: id}) "
    f"CALL (id) {{ MATCH (d:{DETAIL_LABEL} {{source: id}}) DELETE d }} "
    f"CALL (id) {{ MATCH (d:{DETAIL_LABEL} {{target: id}}) DELETE d }} "
    "OPTIONAL MATCH (al:Alias)-[:ALIAS_OF]->(e) "
    "DETACH DELETE al, e"
)

# Relationships first, then the nodes they left bare, `$batch` at a time: a DETACH DELETE
# of 10,000 nodes deletes every relationship of each in the same transaction, and a few
# hubs (a country's thousands of LOCATED_IN) ran the server out of transaction memory
# (MemoryPoolOutOfMemoryError at 50k articles).
CLEAR_RELATIONSHIPS = "MATCH ()-[r]->() WITH r LIMIT $batch DELETE r RETURN count(r) AS deleted"
CLEAR_NODES = "MATCH (n) WITH n LIMIT $batch DETACH DELETE n RETURN count(n) AS deleted"

# --- reads used by writes ----------------------------------------------------------------

# Reads that give a row per node return them as one list (`ROWS`): one record to decode
# instead of hundreds, each costing the client more than its few properties.
ROWS = "rows"

# Locks, in id order (sorted `$ids`), so two writers of overlapping batches lock alike.
# MERGE on the unique id creates a placeholder for a missing node, which the transaction
# fills or deletes before it commits; the SET takes the node's write lock (held until the
# transaction ends; an entity's scratch property goes at once, so an entity the write
# leaves as it was is not written again). A node deleted by the writer we waited for
# comes back with no properties: `lost`. A stored article's properties come back too (for
# the change log's fingerprint of it before the write).
LOCK_ARTICLES = kept_plan(
    "UNWIND $ids AS id "
    "MERGE (a:Article {id: id}) ON CREATE SET a._fresh = true "
    "SET a._lock = true "
    "RETURN collect({id: id, lost: a.id IS NULL, fresh: a._fresh IS NOT NULL, "
    "props: CASE WHEN a._fresh IS NULL THEN properties(a) END}) AS rows"
)

LOCK_ENTITIES = kept_plan(
    "UNWIND $ids AS id "
    "MERGE (e:Entity {id: id}) ON CREATE SET e._fresh = true "
    "SET e._lock = true REMOVE e._lock "
    "RETURN collect({id: id, lost: e.id IS NULL, fresh: e._fresh IS NOT NULL, "
    "props: properties(e), mentions: COUNT { (e)-[:MENTIONED_IN]->() }}) AS rows"
)

# What each stored article supports: mentioned entities, the relations whose supports
# name it (with their event ids) and the aliases it gave.
ARTICLE_REFS_MANY = (
    "UNWIND $ids AS aid MATCH (a:Article {id: aid}) "
    "CALL (a) { MATCH (e:Entity)-[:MENTIONED_IN]->(a) RETURN collect(e.id) AS mentions } "
    "CALL (a, aid) { MATCH (s:Entity)-[:MENTIONED_IN]->(a) MATCH (s)-[r]->(t:Entity) "
    "WHERE aid IN r.sources "
    "RETURN collect({source: s.id, type: type(r), target: t.id, event_id: r.event_id}) AS facts } "
    f"CALL (a) {{ MATCH (al:Alias)-[:{ALIAS_SOURCE}]->(a) RETURN collect(al.key) AS aliases }} "
    "RETURN aid AS id, mentions, facts, aliases"
)

# The properties of an alias node (write.py `_AliasRow.create`).
ALIAS_KEYS = ("key", "entity_id", "name", "kind", "lang", "name_norm", "match_key", "identifying")

# Alias nodes by key: their properties, and, when `$counted` (the batch has stored
# articles, which may take the last of an alias's support away), how many articles give
# it (`n`, null otherwise: a stored alias always has one; graph/store/neo4j/alias_sources.py).
# Which of the batch's articles give it comes from the articles' side (ARTICLE_REFS_MANY).
# One list (`ROWS`).
ALIAS_STATE = kept_plan(
    "UNWIND $keys AS key MATCH (al:Alias {key: key}) "
    "RETURN collect({key: key, props: al {"
    + ", ".join(f".{k}" for k in ALIAS_KEYS)
    + f"}}, n: CASE WHEN $counted THEN COUNT {{ (al)-[:{ALIAS_SOURCE}]->() }} END}}) AS rows"
)

# Every parallel relationship (event) of each relation (source, type, target), as one
# list (`ROWS`): a relation acted on again and again has hundreds.
FACT_STATE = (
    "UNWIND $rows AS row "
    f"{RELATION_EVENTS} "
    "RETURN collect({source: s.id, type: type(r), target: t.id, props: properties(r), "
    f"rid: elementId(r), detail: {DETAIL_COLUMN}}}) AS rows"
)

# The head of the only event of each relation that has one: what an appended read needs
# (working.py; a relation of several events is read whole). The
# sources (from the status history) only when the new reports (from `first_new` on) do
# not all go after the last one, or the event has several status steps. One list (`ROWS`).
FACT_HEADS = (
    "UNWIND $rows AS row "
    f"{RELATION_EVENTS} "
    "WITH s, t, row, collect(r) AS events WHERE size(events) = 1 "
    "WITH s, t, row, events[0] AS r "
    "RETURN collect({source: s.id, type: type(r), target: t.id, "
    "head: r {.event_id, .date, .first_seen, .last_seen, .confidence, rid: elementId(r), "
    "n: size(r.sources), "
    "last: r.sources[-1], steps: size(r.history_status), "
    "history_sources_json: CASE WHEN size(r.history_status) = 1 "
    "AND r.sources[-1] < row.first_new THEN null ELSE r.history_sources_json END}}) AS rows"
)

# Rows {rid, source, type, target, event_id, n, order, added, props}: reports joining an event
# as they are, merged into its aligned support lists in the order `order` gives (k >= 0:
# stored entry k, k < 0: added entry -k - 1), and the few properties they change.
APPEND_SUPPORTS = kept_plan(
    "UNWIND $rows AS row "
    "MATCH (s)-[r]->(t) WHERE elementId(r) = row.rid AND s.id = row.source "
    "AND t.id = row.target AND type(r) = row.type AND r.event_id = row.event_id "
    "AND size(r.sources) = row.n "
    f"MATCH (d:{DETAIL_LABEL} {{key: {DETAIL_KEY}}}) "
    "WITH r, d, row, [k IN row.order | CASE WHEN k >= 0 THEN [r.sources[k], r.evidence[k], "
    "d.seen[k], d.confidences[k], d.dates[k], d.support_properties[k]] "
    "ELSE row.added[-k - 1] END] AS xs "
    "SET r.sources = [x IN xs | x[0]], r.evidence = [x IN xs | x[1]], "
    "d.seen = [x IN xs | x[2]], d.confidences = [x IN xs | x[3]], "
    "d.dates = [x IN xs | x[4]], d.support_properties = [x IN xs | x[5]] "
    f"SET r += row.props {_EVENT_DATES} RETURN count(r) AS written"
)

# Rows {rid, source, type, target, event_id, n, added, suffix, props}: reports that join an
# event as they are and sort after its last source, appended to its lists; `suffix`
# (", " + the new ids as JSON + "]") extends the JSON list of its one status step.
APPEND_TAIL = kept_plan(
    "UNWIND $rows AS row "
    "MATCH (s)-[r]->(t) WHERE elementId(r) = row.rid AND s.id = row.source "
    "AND t.id = row.target AND type(r) = row.type AND r.event_id = row.event_id "
    "AND size(r.sources) = row.n "
    "AND size(r.history_sources_json) = 1 "
    f"MATCH (d:{DETAIL_LABEL} {{key: {DETAIL_KEY}}}) "
    "SET r.sources = r.sources + [x IN row.added | x[0]], "
    "r.evidence = r.evidence + [x IN row.added | x[1]], "
    "d.seen = d.seen + [x IN row.added | x[2]], "
    "d.confidences = d.confidences + [x IN row.added | x[3]], "
    "d.dates = d.dates + [x IN row.added | x[4]], "
    "d.support_properties = d.support_properties + [x IN row.added | x[5]], "
    "r.history_sources_json = [left(r.history_sources_json[0], "
    "size(r.history_sources_json[0]) - 1) + row.suffix] "
    f"SET r += row.props {_EVENT_DATES} RETURN count(r) AS written"
)

# Rows {source, type, target, dates, years}: per relation that has events, whether any
# of its reports' dates agrees with one of `dates` (the batch's dates of the relation;
# graph/store/neo4j/beside.py `AGREES`), whether any report is undated, and the heads
# (id, date, amount, element id, distinct report dates) of its events of the batch's
# `years` (only those can share an id or a report date with a new event); the reports
# themselves stay on the server. One list (`ROWS`).
FACT_BESIDE = (
    "UNWIND $rows AS row "
    f"{RELATION_EVENTS} "
    f"OPTIONAL MATCH (d:{DETAIL_LABEL} {{key: {DETAIL_KEY}}}) "
    "WITH row, r, coalesce(d.dates, ['']) AS dates "
    f"WITH row, r, dates, any(x IN dates WHERE {AGREES}) AS agrees "
    "WITH row, collect(agrees) AS agreeing, collect('' IN dates) AS undated, "
    "collect(CASE WHEN r.event_id IS NULL OR left(coalesce(r.date, ''), 4) IN row.years "
    "THEN r {.event_id, .date, .amount, .currency, rid: elementId(r), "
    "dates: reduce(ds = [], x IN dates | CASE WHEN x IN ds THEN ds ELSE ds + x END)} "
    "END) AS heads "
    "RETURN collect({source: row.source, type: row.type, target: row.target, heads: heads, "
    "agrees: any(a IN agreeing WHERE a), undated: any(u IN undated WHERE u)}) AS rows"
)

# Rows {rid}: stored events by the element id FACT_BESIDE gave (their ends are locked),
# read whole: their properties and detail (working.py `_read_touched`). One list (`ROWS`).
FACT_EVENTS = (
    "UNWIND $rows AS row "
    "MATCH (s)-[r]->(t) WHERE elementId(r) = row.rid "
    f"RETURN collect({{rid: row.rid, props: properties(r), detail: {DETAIL_COLUMN}}}) AS rows"
)


# Rows {source, type, target, old, new}: a stored event whose id changes (a new event of
# the same year and amount beside it, graph/store/neo4j/beside.py), with its detail node.
RENAME_EVENTS = (
    "UNWIND $rows AS row "
    "MATCH (s:Entity {id: row.source})-[r]->(t:Entity {id: row.target}) "
    "WHERE type(r) = row.type AND r.event_id = row.old "
    f"MATCH (d:{DETAIL_LABEL} {{key: {DETAIL_KEY}}}) "
    "SET r.event_id = row.new, d.key = s.id + '|' + type(r) + '|' + t.id + '|' + row.new "
    "RETURN count(r) AS renamed"
)
