"""Neo4j constraints and indexes, derived from the ontology and created idempotently.

Every statement uses `IF NOT EXISTS`, so `ensure_schema` runs at every start. Labels
and relationship types are interpolated only after `graph.store.neo4j.write_queries` has checked
them against the ontology (Cypher cannot take them as parameters).
"""

from __future__ import annotations

import json

from neo4j import Driver
from neo4j.exceptions import ClientError

from graph.ontology import Ontology, get_ontology
from graph.store.neo4j.changes import SCHEMA as CHANGE_SCHEMA
from graph.store.neo4j.judgements import SCHEMA as JUDGEMENT_SCHEMA
from graph.store.neo4j.records import short_caption, sources_json
from graph.store.neo4j.review import SCHEMA as REVIEW_SCHEMA
from graph.store.neo4j.write_queries import (
    ALIAS_SOURCE,
    DETAIL_KEY,
    DETAIL_LABEL,
    check_label,
    check_rel_type,
)

FULLTEXT_INDEX = "entity_names"
# Whitespace tokens, lower-cased, no stemming and no stop words: "the"/"of" stay searchable
# and a query term matches a name token the way the embedded store's token prefix match does.
FULLTEXT_ANALYZER = "whitespace"
# Normalised canonical name and aliases (graph.ids.normalize_name), kept by the writes.
FULLTEXT_PROPERTY = "names_norm"

_CONSTRAINTS = (
    "CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (e:Entity) REQUIRE e.id IS UNIQUE",
    "CREATE CONSTRAINT article_id IF NOT EXISTS FOR (a:Article) REQUIRE a.id IS UNIQUE",
    "CREATE CONSTRAINT alias_key IF NOT EXISTS FOR (a:Alias) REQUIRE a.key IS UNIQUE",
    # The writer lock node of older versions (writes lock only what they touch now).
    "CREATE CONSTRAINT meta_key IF NOT EXISTS FOR (m:CryptoregMeta) REQUIRE m.key IS UNIQUE",
    # An event's bookkeeping, off its relationship (records.py DETAIL_KEYS).
    f"CREATE CONSTRAINT event_detail_key IF NOT EXISTS FOR (d:{DETAIL_LABEL}) "
    "REQUIRE d.key IS UNIQUE",
)

_INDEXES = (
    # Exact lookup by normalised name: the entity's own name and each alias node's.
    "CREATE INDEX entity_name_norm IF NOT EXISTS FOR (e:Entity) ON (e.name_norm)",
    "CREATE INDEX alias_name_norm IF NOT EXISTS FOR (a:Alias) ON (a.name_norm)",
    # Identity resolution (graph/identity.py): match keys of names and aliases, QIDs.
    "CREATE INDEX entity_match_key IF NOT EXISTS FOR (e:Entity) ON (e.match_key)",
    "CREATE INDEX alias_match_key IF NOT EXISTS FOR (a:Alias) ON (a.match_key)",
    "CREATE INDEX entity_qid IF NOT EXISTS FOR (e:Entity) ON (e.qid)",
    # Substring look-ups on names (CONTAINS, e.g. from Neo4j Browser); the store's search
    # no longer reads them (graph/store/neo4j/search.py).
    "CREATE TEXT INDEX entity_name_text IF NOT EXISTS FOR (e:Entity) ON (e.name_norm)",
    "CREATE TEXT INDEX alias_name_text IF NOT EXISTS FOR (a:Alias) ON (a.name_norm)",
    "CREATE INDEX entity_type IF NOT EXISTS FOR (e:Entity) ON (e.type)",
    "CREATE INDEX article_published IF NOT EXISTS FOR (a:Article) ON (a.published)",
    # A deleted entity's event details, found by either end.
    f"CREATE INDEX event_detail_source IF NOT EXISTS FOR (d:{DETAIL_LABEL}) ON (d.source)",
    f"CREATE INDEX event_detail_target IF NOT EXISTS FOR (d:{DETAIL_LABEL}) ON (d.target)",
)


def _fulltext_statement() -> str:
    return (
        f"CREATE FULLTEXT INDEX {FULLTEXT_INDEX} IF NOT EXISTS "
        f"FOR (e:Entity) ON EACH [e.{FULLTEXT_PROPERTY}] "
        f"OPTIONS {{indexConfig: {{`fulltext.analyzer`: '{FULLTEXT_ANALYZER}'}}}}"
    )


def _type_indexes(ont: Ontology) -> list[str]:
    """Per entity type a name index, for Browser look-ups by label (`MATCH (n:Exchange
    {name_norm: 'okx'})`); the store itself looks names up on :Entity."""
    out = []
    for name in ont.entity_types:
        label = check_label(name)
        out.append(
            f"CREATE INDEX {label.lower()}_name IF NOT EXISTS FOR (n:{label}) ON (n.name_norm)"
        )
    return out


def _event_indexes(ont: Ontology) -> list[str]:
    """Per action type a relationship index on `event_id`: an event is found by its id
    among the parallel relationships of its type (`MATCH ()-[r:FINED {event_id: $id}]->()`
    in Browser, the API's event links)."""
    out = []
    for name in ont.action_types:
        rel = check_rel_type(name)
        out.append(
            f"CREATE INDEX {rel.lower()}_event_id IF NOT EXISTS FOR ()-[r:{rel}]-() ON (r.event_id)"
        )
    return out


def schema_statements(ont: Ontology | None = None) -> list[str]:
    """All schema statements, constraints first; pure, so tests can read them."""
    ont = ont or get_ontology()
    return [
        *_CONSTRAINTS,
        *CHANGE_SCHEMA,
        *REVIEW_SCHEMA,
        *JUDGEMENT_SCHEMA,
        *_INDEXES,
        _fulltext_statement(),
        *_type_indexes(ont),
        *_event_indexes(ont),
    ]


def _drop_stale_fulltext(driver: Driver, database: str) -> None:
    """Drop the full-text index if an older version defined it differently, since
    `IF NOT EXISTS` would silently keep the old definition."""
    rows = driver.execute_query(
        "SHOW FULLTEXT INDEXES YIELD name, properties, options WHERE name = $name "
        "RETURN properties, options.indexConfig['fulltext.analyzer'] AS analyzer",
        name=FULLTEXT_INDEX,
        database_=database,
    ).records
    if rows and (rows[0]["properties"], rows[0]["analyzer"]) != (
        [FULLTEXT_PROPERTY],
        FULLTEXT_ANALYZER,
    ):
        driver.execute_query(f"DROP INDEX {FULLTEXT_INDEX}", database_=database)


def statement_name(statement: str) -> str:
    """The index or constraint name a `CREATE ... <name> IF NOT EXISTS` statement gives."""
    words = statement.split()
    return words[words.index("IF") - 1]


def _existing(driver: Driver, database: str) -> set[str]:
    names = set()
    for show in ("SHOW INDEXES YIELD name", "SHOW CONSTRAINTS YIELD name"):
        names |= {r["name"] for r in driver.execute_query(show, database_=database).records}
    return names


def ensure_schema(driver: Driver, database: str) -> None:
    """Create what is missing and wait until every index is online (search needs it).

    Only missing names are created, so a routine start runs no schema transaction; a
    rule another process created meanwhile ("equivalent ... already exists") is fine."""
    _drop_stale_fulltext(driver, database)
    existing = _existing(driver, database)
    for statement in schema_statements():
        if statement_name(statement) in existing:
            continue
        try:
            driver.execute_query(statement, database_=database)
        except ClientError as exc:
            if "AlreadyExists" not in (exc.code or ""):
                raise
    driver.execute_query("CALL db.awaitIndexes(60)", database_=database)
    _move_event_details(driver, database)
    _caption_articles(driver, database)
    _unescape_history_sources(driver, database)
    _alias_sources_as_relationships(driver, database)


_DETAILS_MOVED = "MATCH (m:CryptoregMeta {key: 'event_details'}) RETURN m.done AS done"
_MARK_DETAILS_MOVED = "MERGE (m:CryptoregMeta {key: 'event_details'}) SET m.done = true"
_MOVE_DETAILS = (
    "MATCH (s:Entity)-[r]->(t:Entity) WHERE r.seen IS NOT NULL WITH s, r, t LIMIT 5000 "
    f"MERGE (d:{DETAIL_LABEL} {{key: {DETAIL_KEY}}}) "
    "SET d.source = s.id, d.target = t.id, d.seen = r.seen, d.confidences = r.confidences, "
    "d.dates = r.dates, d.support_properties = r.support_properties, "
    "d.properties = r.properties "
    "REMOVE r.seen, r.confidences, r.dates, r.support_properties, r.properties "
    "RETURN count(r) AS moved"
)


def _move_event_details(driver: Driver, database: str) -> None:
    """Move the bookkeeping of relationships written before event details existed onto
    their detail nodes, 5,000 per transaction; once done, a start reads one meta node."""
    _migrate_once(driver, database, _DETAILS_MOVED, _MOVE_DETAILS, _MARK_DETAILS_MOVED)


def _migrate_once(driver: Driver, database: str, done_q: str, step_q: str, mark_q: str) -> None:
    """A one-time move of an older layout: `done_q` says whether it was done, `step_q`
    moves one batch and returns how many it `moved` (run until none), `mark_q` records
    that it is done, so every later start reads one meta node."""
    done = driver.execute_query(done_q, database_=database).records
    if done and done[0]["done"]:
        return
    while driver.execute_query(step_q, database_=database).records[0]["moved"]:
        pass
    driver.execute_query(mark_q, database_=database)


_UNCAPTIONED = (
    "MATCH (a:Article) WHERE a.caption IS NULL "
    "RETURN a.id AS id, a.title AS title, a.publisher AS publisher, a.published AS published "
    "LIMIT 10000"
)
_SET_CAPTIONS = "UNWIND $rows AS row MATCH (a:Article {id: row.id}) SET a.caption = row.caption"


_CAPTIONED = "MATCH (m:CryptoregMeta {key: 'article_captions'}) RETURN m.done AS done"
_MARK_CAPTIONED = "MERGE (m:CryptoregMeta {key: 'article_captions'}) SET m.done = true"


def _caption_articles(driver: Driver, database: str) -> None:
    """Give articles stored before captions existed their Browser caption (records.py
    `short_caption`), 10,000 per statement; once done (every write captions its articles),
    a start reads one meta node instead of scanning the articles."""
    done = driver.execute_query(_CAPTIONED, database_=database).records
    if done and done[0]["done"]:
        return
    while True:
        found = driver.execute_query(_UNCAPTIONED, database_=database).records
        if not found:
            driver.execute_query(_MARK_CAPTIONED, database_=database)
            return
        rows = [
            {
                "id": r["id"],
                "caption": short_caption(r["title"], r["publisher"], r["published"], r["id"]),
            }
            for r in found
        ]
        driver.execute_query(_SET_CAPTIONS, rows=rows, database_=database)


_UNESCAPED = "MATCH (m:CryptoregMeta {key: 'history_sources_utf8'}) RETURN m.done AS done"
_MARK_UNESCAPED = "MERGE (m:CryptoregMeta {key: 'history_sources_utf8'}) SET m.done = true"
# An article id has no backslash (graph/models.py), so `\u` in an entry is only ever the
# ASCII escape of a character the old writer did not keep as it was.
_ASCII_ESCAPED = (
    "MATCH ()-[r]->() WHERE any(x IN r.history_sources_json WHERE x CONTAINS '\\\\u') "
    "RETURN elementId(r) AS rid, r.history_sources_json AS entries LIMIT 5000"
)
_SET_ENTRIES = (
    "UNWIND $rows AS row MATCH ()-[r]->() WHERE elementId(r) = row.rid "
    "SET r.history_sources_json = row.entries"
)


def _unescape_history_sources(driver: Driver, database: str) -> None:
    """Rewrite status-history source lists written with non-ASCII ids as `\\uXXXX` (before
    records.py `sources_json`), which pair_history.cypher could not find ids in; 5,000
    relationships per statement, then one meta node says it is done."""
    done = driver.execute_query(_UNESCAPED, database_=database).records
    if done and done[0]["done"]:
        return
    while found := driver.execute_query(_ASCII_ESCAPED, database_=database).records:
        rows = [
            {"rid": r["rid"], "entries": [sources_json(json.loads(e)) for e in r["entries"]]}
            for r in found
        ]
        driver.execute_query(_SET_ENTRIES, rows=rows, database_=database)
    driver.execute_query(_MARK_UNESCAPED, database_=database)


_ALIAS_SOURCES_MOVED = "MATCH (m:CryptoregMeta {key: 'alias_sources'}) RETURN m.done AS done"
_MARK_ALIAS_SOURCES_MOVED = "MERGE (m:CryptoregMeta {key: 'alias_sources'}) SET m.done = true"
_MOVE_ALIAS_SOURCES = (
    "MATCH (al:Alias) WHERE al.sources IS NOT NULL WITH al LIMIT 2000 "
    "CALL (al) { UNWIND al.sources AS aid MATCH (a:Article {id: aid}) "
    f"MERGE (al)-[:{ALIAS_SOURCE}]->(a) }} "
    "REMOVE al.sources RETURN count(al) AS moved"
)


def _alias_sources_as_relationships(driver: Driver, database: str) -> None:
    """Turn the `sources` list of alias nodes written before alias support was kept as
    relationships (write_queries.py `ALIAS_SOURCE`) into those relationships, 2,000
    aliases per transaction; once done, a start reads one meta node."""
    _migrate_once(
        driver, database, _ALIAS_SOURCES_MOVED, _MOVE_ALIAS_SOURCES, _MARK_ALIAS_SOURCES_MOVED
    )
