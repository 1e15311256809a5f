"""Neo4j-specific checks of graph/store/neo4j/store.py (the shared behaviour is in
tests/test_store_conformance.py): schema, model in the database, safe query text, errors,
retries and read-only named queries. Tests with the `neo4j` fixture need the real server
(`cryptoreg neo4j start`); the pure query-builder tests run without it.
"""

from __future__ import annotations

import datetime as dt
import json
import socket
import threading
from typing import Any

import pytest

from graph.errors import OntologyError, StoreUnavailableError
from graph.ids import entity_id
from graph.models import Alias, Article, Entity, Extraction, Relation
from graph.ontology import ENDED, REL, STATUS, TYPE, get_ontology
from graph.settings import Settings
from graph.store.neo4j import read_queries as rq
from graph.store.neo4j import review as review_queries
from graph.store.neo4j import write_queries as cy
from graph.store.neo4j.records import DETAIL_KEYS, with_detail
from graph.store.neo4j.schema import FULLTEXT_INDEX, schema_statements, statement_name
from graph.store.neo4j.search import lucene_escape, lucene_query
from graph.store.neo4j.store import Neo4jStore

ONT = get_ontology()
HOSTILE = "x'}) DETACH DELETE n // \"`$id` \\u0000 {{}} ; MATCH (m) DELETE m"
# An article id must fit in one URL path segment (graph.models.Article): no slash or backslash.
HOSTILE_ARTICLE = "art-" + HOSTILE.replace("/", "").replace("\\", "")


def _ent(**fields: Any) -> Entity:
    return Entity.model_validate(fields)


def _rel(**fields: Any) -> Relation:
    return Relation.model_validate(fields)


def _art(**fields: Any) -> Article:
    return Article.model_validate(fields)


def _fined(aid: str, published: str, evidence: str, amount: float | None = None) -> Extraction:
    return Extraction(
        article=_art(id=aid, title=f"t {aid}", published=published, text="..."),
        entities=[
            _ent(
                id="regulator:sec",
                type="Regulator",
                name="SEC",
                aliases=[Alias(name="S.E.C. body")],
            ),
            _ent(id="exchange:binance", type="Exchange", name="Binance"),
        ],
        relations=[
            _rel(
                type="FINED",
                source="regulator:sec",
                target="exchange:binance",
                evidence=evidence,
                properties={"amount": amount, "currency": "USD"} if amount else {},
            )
        ],
    )


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


# --- query text (no server needed) -------------------------------------------------------


def test_labels_and_types_are_checked_against_the_ontology() -> None:
    entities, facts = cy.set_entities(), cy.create_facts()
    for name in ONT.entity_types:
        assert cy.check_label(name) == name
        assert f"WHEN e.type = '{name}' THEN [1] ELSE [] END | SET e:{name})" in entities
    for name in ONT.relations:
        assert cy.check_rel_type(name) == name
        create = f"CREATE (s)-[r:{name}]->(t)"
        assert f"WHEN row.type = '{name}' THEN [1] ELSE [] END | {create}" in facts
    for bad in ("Entity", "exchange", "Exchange`) DETACH DELETE n //", "ALIAS_OF", ""):
        with pytest.raises(OntologyError):
            cy.check_label(bad)
        with pytest.raises(OntologyError):
            cy.check_rel_type(bad)
    with pytest.raises(OntologyError):
        cy.rel_alternatives(("BANNED", "NOPE"))
    with pytest.raises(OntologyError):
        rq.facts_page("BANNED]->() DETACH DELETE n //")


def _quoted(text: str) -> set[str]:
    return set(text.split("'")[1::2])


def test_builders_take_values_only_as_parameters() -> None:
    """Query text may quote nothing but ontology names (and the separators of an event
    detail's key, write_queries.DETAIL_KEY); every value is a $parameter."""
    names = set(ONT.entity_types) | set(ONT.relations) | {"|", ""}
    texts = [cy.set_entities(), cy.create_facts()] + [rq.facts_page(t) for t in ONT.relations]
    texts += [
        rq.frontier(2, ("PART_OF",), "out"),
        rq.edges_out_of(("PART_OF",), "in"),
        rq.all_shortest_paths(4),
        rq.actions_query(),
        rq.presence(),
        rq.facts_between_pairs(),
        cy.CREATE_ALIASES,
        cy.UPDATE_ALIASES,
        cy.UPDATE_FACTS,
        cy.LOCK_ENTITIES,
        cy.LOCK_ARTICLES,
        cy.ARTICLE_REFS_MANY,
        review_queries.DECISIONS,
        review_queries.review_facts_query(),
        review_queries.fact_by_event_query(),
    ]
    for text in texts:
        assert '"' not in text and _quoted(text) <= names, text
        assert "$" in text
    extra = {"entity", "relation", "total", "articles", "aliases"}
    assert _quoted(rq.stats_query()) <= names | extra


def test_schema_is_derived_from_the_ontology() -> None:
    statements = schema_statements()
    assert all("IF NOT EXISTS" in s for s in statements)
    text = "\n".join(statements)
    for required in (
        "(e:Entity) REQUIRE e.id IS UNIQUE",
        "(a:Article) REQUIRE a.id IS UNIQUE",
        "(a:Alias) REQUIRE a.key IS UNIQUE",
        f"FULLTEXT INDEX {FULLTEXT_INDEX}",
    ):
        assert required in text
    for name in ONT.entity_types:
        assert f"FOR (n:{name}) ON (n.name_norm)" in text
    for name in ONT.action_types:
        assert f"FOR ()-[r:{name}]-() ON (r.event_id)" in text
    names = [statement_name(s) for s in statements]
    assert len(names) == len(set(names))


def test_lucene_query_escapes_and_fetches_the_fuzzy_gate() -> None:
    assert lucene_query("ou y") == "ou* OR y*"
    assert lucene_query("sec") == "sec*"
    assert lucene_query("japan") == "japan* OR jap*"
    assert lucene_query("regulators regulators") == "regulators* OR reg*"
    assert lucene_query("a:b c") == "a\\:b* OR c*"
    assert lucene_escape('a+b:c"d*') == 'a\\+b\\:c\\"d\\*'


# --- errors ------------------------------------------------------------------------------


def test_server_down_is_store_unavailable() -> None:
    with pytest.raises(StoreUnavailableError) as info:
        Neo4jStore(f"bolt://127.0.0.1:{_free_port()}", "neo4j", "cryptoreg-local", "neo4j")
    assert "not reachable" in info.value.detail and "cryptoreg neo4j start" in info.value.detail
    assert info.value.status == 503


def test_wrong_password_is_store_unavailable(neo4j: Neo4jStore, settings: Settings) -> None:
    with pytest.raises(StoreUnavailableError) as info:
        Neo4jStore(settings.neo4j_uri, settings.neo4j_user, "not-the-password", "neo4j")
    assert "credentials" in info.value.detail


def test_ping_reports_the_server_version(neo4j: Neo4jStore) -> None:
    assert neo4j.ping().startswith("5.26.")


# --- schema and model in the database ------------------------------------------------------


def test_constraints_and_indexes_exist(neo4j: Neo4jStore) -> None:
    constraints = {
        (tuple(r["labels"]), tuple(r["props"]), r["type"])
        for r in neo4j.read(
            "SHOW CONSTRAINTS YIELD labelsOrTypes AS labels, properties AS props, type"
        )
    }
    for label, prop in (("Entity", "id"), ("Article", "id"), ("Alias", "key")):
        assert ((label,), (prop,), "UNIQUENESS") in constraints
    indexes = {
        r["name"]: r
        for r in neo4j.read("SHOW INDEXES YIELD name, type, state, labelsOrTypes, properties")
    }
    ft = indexes[FULLTEXT_INDEX]
    assert ft["type"] == "FULLTEXT" and ft["state"] == "ONLINE"
    assert ft["labelsOrTypes"] == ["Entity"] and ft["properties"] == ["names_norm"]
    names = set(indexes) | {r["name"] for r in neo4j.read("SHOW CONSTRAINTS YIELD name")}
    assert {statement_name(s) for s in schema_statements()} <= names


def test_uniqueness_is_enforced_by_the_database(neo4j: Neo4jStore) -> None:
    neo4j.upsert(_fined("a1", "2024-01-02", "fined"))
    with pytest.raises(Exception, match="already exists"):
        neo4j.write(lambda tx: tx.run("CREATE (:Entity {id: 'exchange:binance'})").consume())


def test_fact_is_one_relationship_with_aligned_lists(neo4j: Neo4jStore) -> None:
    """What a click on the relationship in Neo4j Browser shows is what the facts say; the
    bookkeeping (per-article dates seen, confidences, ...) is on its detail node."""
    neo4j.upsert(_fined("b-art", "2024-03-01", "Binance paid.", amount=4.3e9))
    neo4j.upsert(_fined("a-art", "2024-01-15", "The SEC fined Binance."))
    rows = neo4j.read(
        "MATCH (s:Entity {id: 'regulator:sec'})-[r:FINED]->(t:Entity {id: 'exchange:binance'}) "
        f"MATCH (d:EventDetail {{key: {cy.DETAIL_KEY}}}) "
        "RETURN r.sources AS sources, r.evidence AS evidence, d.seen AS seen, r.amount AS amount, "
        "r.currency AS currency, valueType(r.first_seen) AS first_type, "
        "toString(r.first_seen) AS first_seen, toString(r.last_seen) AS last_seen, "
        "keys(r) AS on_edge, d.source AS d_source, d.target AS d_target"
    )
    assert len(rows) == 1
    on_edge = set(rows[0].pop("on_edge"))
    assert rows == [
        {
            "sources": ["a-art", "b-art"],
            "evidence": ["The SEC fined Binance.", "Binance paid."],
            "seen": ["2024-01-15", "2024-03-01"],
            "amount": 4.3e9,
            "currency": "USD",
            "first_type": "DATE NOT NULL",
            "first_seen": "2024-01-15",
            "last_seen": "2024-03-01",
            "d_source": "regulator:sec",
            "d_target": "exchange:binance",
        }
    ]
    assert not on_edge & set(DETAIL_KEYS), on_edge
    assert {"sources", "evidence", "confidence", "status", "event_id"} <= on_edge
    art = neo4j.read("MATCH (a:Article {id: 'a-art'}) RETURN valueType(a.published) AS t")
    assert art == [{"t": "DATE NOT NULL"}]
    mentions = neo4j.read(
        "MATCH (:Entity {id: 'exchange:binance'})-[m:MENTIONED_IN]->() RETURN count(m) AS n"
    )
    assert mentions == [{"n": 2}]


def test_labels_and_types_in_the_database_come_from_the_ontology(
    neo4j: Neo4jStore, seed_gold: list[Extraction], dev_gold: list[Extraction]
) -> None:
    neo4j.upsert_many(seed_gold + dev_gold)
    labels = {r["label"] for r in neo4j.read("CALL db.labels() YIELD label RETURN label")}
    log = {"Change", "ChangeCounter"}  # the change feed (graph/store/neo4j/changes.py)
    review = {"ReviewDecision"}  # a reviewer's decisions (graph/store/neo4j/review.py)
    book = {"CryptoregMeta", "EventDetail"}  # event bookkeeping (graph/store/neo4j/records.py)
    judging = {"Judgement", "JudgementCounter", "Extraction"}  # neo4j/judgements.py
    known = {"Entity", "Article", "Alias", *book, *log, *review, *judging, *ONT.entity_types}
    assert labels <= known
    types = {
        r["t"]
        for r in neo4j.read(
            "CALL db.relationshipTypes() YIELD relationshipType RETURN relationshipType AS t"
        )
    }
    assert types <= {"MENTIONED_IN", "ALIAS_OF", cy.ALIAS_SOURCE, *ONT.relations}
    odd = neo4j.read(
        "MATCH (e:Entity) WHERE size(labels(e)) <> 2 OR NOT e.type IN labels(e) RETURN e.id AS id"
    )
    assert odd == []


def test_alias_nodes_follow_their_sources(neo4j: Neo4jStore) -> None:
    neo4j.upsert(_fined("a1", "2024-01-02", "x"))
    neo4j.upsert(_fined("a2", "2024-01-03", "y"))
    given = f"MATCH (al:Alias)-[:{cy.ALIAS_SOURCE}]->(a:Article) RETURN a.id AS a ORDER BY a"
    assert neo4j.read(given) == [{"a": "a1"}, {"a": "a2"}]
    names = "MATCH (al:Alias)-[:ALIAS_OF]->(e:Entity) RETURN keys(al) AS k, e.aliases AS names"
    rows = neo4j.read(names)
    assert len(rows) == 1 and rows[0]["names"] == ["S.E.C. body"]
    assert "sources" not in rows[0]["k"]  # the support is the relationships, not a list
    neo4j.retract("a1")
    assert neo4j.read(given) == [{"a": "a2"}]
    assert neo4j.read(names)[0]["names"] == ["S.E.C. body"]
    neo4j.upsert(_fined("a1", "2024-01-02", "x"))  # given again
    neo4j.upsert(_fined("a2", "2024-01-03", "y"))  # re-upserted as it was: nothing changes
    assert neo4j.read(given) == [{"a": "a1"}, {"a": "a2"}]
    neo4j.retract("a1")
    neo4j.retract("a2")
    left = neo4j.read(
        "MATCH (n) WHERE NOT (n:CryptoregMeta OR n:Change OR n:ChangeCounter) RETURN count(n) AS n"
    )
    assert left == [{"n": 0}]


def test_hostile_strings_are_stored_verbatim(neo4j: Neo4jStore) -> None:
    extraction = Extraction(
        article=_art(id=HOSTILE_ARTICLE, title=HOSTILE, publisher=HOSTILE, text=HOSTILE),
        entities=[
            _ent(
                id=f"exchange:{HOSTILE}",
                type="Exchange",
                name=HOSTILE,
                aliases=[Alias(name=HOSTILE + " alias")],
            ),
            _ent(id="regulator:sec", type="Regulator", name="SEC"),
        ],
        relations=[
            _rel(
                type="WARNED",
                source="regulator:sec",
                target=f"exchange:{HOSTILE}",
                evidence=HOSTILE,
            )
        ],
    )
    neo4j.upsert(extraction)
    rec = neo4j.get_entity(f"exchange:{HOSTILE}")
    assert rec is not None and rec.entity.name == HOSTILE
    assert [a.name for a in rec.entity.aliases] == [HOSTILE + " alias"]
    assert neo4j.relations_of("regulator:sec")[0].evidence == [HOSTILE]
    got = neo4j.get_article(HOSTILE_ARTICLE)
    assert got is not None and got.article.title == HOSTILE and got.article.text == HOSTILE
    assert neo4j.stats().articles == 1
    assert neo4j.search(HOSTILE)[0].entity.id == f"exchange:{HOSTILE}"


# --- transactions --------------------------------------------------------------------------


def test_deadlocked_writes_are_retried(neo4j: Neo4jStore) -> None:
    """Two transactions lock A then B and B then A: Neo4j kills one (DeadlockDetected,
    a transient error) and `execute_write` runs it again, so both writes land."""
    neo4j.write(
        lambda tx: tx.run("CREATE (:Entity {id: 'lock:a'}), (:Entity {id: 'lock:b'})").consume()
    )
    barrier = threading.Barrier(2, timeout=10)
    attempts: list[str] = []
    errors: list[BaseException] = []

    def work(first: str, second: str) -> None:
        def fn(tx: Any) -> None:
            attempts.append(first)
            tx.run(
                "MATCH (n:Entity {id: $id}) SET n.touched = coalesce(n.touched, 0) + 1", id=first
            ).consume()
            if attempts.count(first) == 1:
                try:
                    barrier.wait()
                except threading.BrokenBarrierError:
                    pass
            tx.run(
                "MATCH (n:Entity {id: $id}) SET n.touched = coalesce(n.touched, 0) + 1", id=second
            ).consume()

        try:
            neo4j.write(fn)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [
        threading.Thread(target=work, args=p) for p in (("lock:a", "lock:b"), ("lock:b", "lock:a"))
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert len(attempts) >= 3  # one of the two ran twice
    rows = neo4j.read("MATCH (n:Entity) WHERE n.id STARTS WITH 'lock:' RETURN n.touched AS t")
    assert [r["t"] for r in rows] == [2, 2]


def test_concurrent_writers_still_resolve_identity(neo4j: Neo4jStore) -> None:
    """Writers take the store's write lock first, so two articles naming one new body at
    the same moment (in two spellings, so one id: graph.ids.entity_id) make one node."""
    bodies = [f"Monetary Authority Number {i}" for i in range(8)]
    barrier = threading.Barrier(2, timeout=30)
    errors: list[BaseException] = []

    def writer(side: str) -> None:
        for i, name in enumerate(bodies):
            spelled = name if side == "a" else name.upper()
            x = Extraction(
                article=_art(id=f"{side}-{i}", text="..."),
                entities=[
                    _ent(id=entity_id("CentralBank", spelled), type="CentralBank", name=spelled)
                ],
            )
            try:
                barrier.wait()
                neo4j.upsert(x)
            except BaseException as exc:  # noqa: BLE001 - reported below
                errors.append(exc)

    threads = [threading.Thread(target=writer, args=(s,)) for s in "ab"]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert errors == []
    ids = [e.entity.id for e in neo4j.iter_entities()]
    assert len(ids) == len(bodies)
    for rec in neo4j.iter_entities():
        assert len(rec.sources) == 2


def test_reads_run_in_read_mode(neo4j: Neo4jStore) -> None:
    with pytest.raises(Exception, match="(?i)read"):
        neo4j.read("CREATE (n:Scratch) RETURN n")
    assert neo4j.read("MATCH (n:Scratch) RETURN count(n) AS n") == [{"n": 0}]


def test_every_named_query_runs(loaded_neo4j: Neo4jStore) -> None:
    from graph.named.catalogue import load_queries
    from graph.named.runner import run_named

    for name, query in load_queries().items():
        rows = run_named(loaded_neo4j, name, query.examples)
        assert isinstance(rows, list), name
    okx = run_named(loaded_neo4j, "aliases_of", {"id": "exchange:okx"})
    assert okx == [{"alias": "Ou Yi", "kind": "other"}]


def test_iterators_page_through_everything(
    loaded_neo4j: Neo4jStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = (
        [e.entity.id for e in loaded_neo4j.iter_entities()],
        [(f.type, f.source.id, f.target.id) for f in loaded_neo4j.iter_facts()],
        [a.id for a in loaded_neo4j.iter_articles()],
    )
    monkeypatch.setattr("graph.store.neo4j.store.PAGE", 4)
    paged = (
        [e.entity.id for e in loaded_neo4j.iter_entities()],
        [(f.type, f.source.id, f.target.id) for f in loaded_neo4j.iter_facts()],
        [a.id for a in loaded_neo4j.iter_articles()],
    )
    assert paged == whole
    stats = loaded_neo4j.stats()
    assert len(whole[0]) == sum(stats.entities_by_type.values()) and len(whole[2]) == stats.articles


def test_clear_keeps_the_schema(neo4j: Neo4jStore, seed_gold: list[Extraction]) -> None:
    neo4j.upsert_many(seed_gold)
    neo4j.clear()
    assert neo4j.read("MATCH (n) RETURN count(n) AS n") == [{"n": 0}]
    names = {r["name"] for r in neo4j.read("SHOW INDEXES YIELD name")}
    assert FULLTEXT_INDEX in names


# --- actions are events: parallel relationships with a life -------------------------------

BANK = "centralbank:bank-of-freedonia"
QUUX = "exchange:quuxbit"
EVENT_PROPS = (
    "MATCH (s:Entity {id: $s})-[r]->(t:Entity {id: $t}) WHERE type(r) = $type "
    f"RETURN elementId(r) AS rid, properties(r) AS p, {cy.DETAIL_COLUMN} AS detail "
    "ORDER BY r.event_id"
)


def _action(
    aid: str,
    published: str,
    rel_type: str,
    evidence: str,
    date: str | None = None,
    **props: Any,
) -> Extraction:
    """An article of our own: Freedonia's central bank did `rel_type` to Quuxbit."""
    return Extraction(
        article=_art(id=aid, title=f"t {aid}", published=published, text=evidence),
        entities=[
            _ent(id=BANK, type=TYPE.centralbank, name="Bank of Freedonia"),
            _ent(id=QUUX, type=TYPE.exchange, name="Quuxbit"),
        ],
        relations=[
            _rel(
                type=rel_type,
                source=BANK,
                target=QUUX,
                evidence=evidence,
                date=date,
                properties=props,
            )
        ],
    )


def _events(neo4j: Neo4jStore, rel_type: str) -> list[dict[str, Any]]:
    """The relationships (rid, properties) of Freedonia's bank -> Quuxbit of one type."""
    rows = neo4j.read(EVENT_PROPS, s=BANK, t=QUUX, type=rel_type)
    props = [with_detail(r["p"], r["detail"]) for r in rows]
    return [
        {"rid": r["rid"], "p": {k: _plain(v) for k, v in p.items()}}
        for r, p in zip(rows, props, strict=True)
    ]


def _plain(value: Any) -> Any:
    return value.iso_format() if hasattr(value, "iso_format") else value


FINE_2022 = _action(
    "fine-2022",
    "2022-03-20",
    REL.fined,
    "Freedonia's central bank fined Quuxbit $2 million this month.",
    "2022-03",
    amount=2e6,
    currency="USD",
)
FINE_2024 = _action(
    "fine-2024",
    "2024-11-06",
    REL.fined,
    "On 5 November 2024 the Bank of Freedonia imposed a $7.5 million penalty on Quuxbit.",
    "2024-11-05",
    amount=7.5e6,
    currency="USD",
)
FINE_RECALLED = _action(
    "fine-recalled",
    "2022-04-02",
    REL.fined,
    "Quuxbit, which the central bank fined recently, says it has paid.",
)
BAN = _action(
    "ban",
    "2021-05-04",
    REL.banned,
    "The Bank of Freedonia banned Quuxbit on 3 May 2021.",
    "2021-05-03",
)
LIFT = _action(
    "lift",
    "2023-07-01",
    REL.banned,
    "Freedonia's central bank lifted its 2021 ban on Quuxbit in June 2023.",
    "2021",
    status=STATUS.ended,
    ended_how=ENDED.lifted,
    ended_on="2023-06",
)


def test_two_fines_of_one_pair_are_parallel_relationships(
    neo4j: Neo4jStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    neo4j.upsert_many([FINE_2022, FINE_2024, FINE_RECALLED])
    events = [e["p"] for e in _events(neo4j, REL.fined)]
    assert len(events) == 2
    assert len({e["event_id"] for e in events}) == 2
    by_date = {e["date"]: e for e in events}
    assert set(by_date) == {"2022-03", "2024-11-05"}
    # the undated report joins the fine taken before it was published
    assert by_date["2022-03"]["sources"] == ["fine-2022", "fine-recalled"]
    assert by_date["2022-03"]["dates"] == ["2022-03", ""]
    assert (by_date["2022-03"]["amount"], by_date["2022-03"]["currency"]) == (2e6, "USD")
    assert by_date["2024-11-05"]["sources"] == ["fine-2024"]
    assert by_date["2024-11-05"]["amount"] == 7.5e6
    types = neo4j.read(
        "MATCH ()-[r:FINED]->() RETURN DISTINCT valueType(r.date) AS d, "
        "valueType(r.in_force_from) AS f, valueType(r.event_id) AS e"
    )
    assert types == [{"d": "STRING NOT NULL", "f": "DATE NOT NULL", "e": "STRING NOT NULL"}]
    # one Fact per relationship, everywhere, with the database's event ids
    facts = neo4j.actions(action_type=REL.fined, actor=BANK)
    assert [f.date for f in facts] == ["2024-11-05", "2022-03"]
    assert {f.event_id for f in facts} == {e["event_id"] for e in events}
    assert len(neo4j.relations_of(QUUX, [REL.fined])) == 2
    assert neo4j.stats().relations_by_type[REL.fined] == 2
    assert neo4j.actions(action_type=REL.fined, since=dt.date(2023, 1, 1))[0].date == "2024-11-05"
    monkeypatch.setattr("graph.store.neo4j.store.PAGE", 1)
    assert [f.event_id for f in neo4j.iter_facts() if f.type == REL.fined] == sorted(
        e["event_id"] for e in events
    )
    # ingest order does not change the result
    neo4j.clear()
    neo4j.upsert_many([FINE_RECALLED, FINE_2024, FINE_2022])
    assert [e["p"] for e in _events(neo4j, REL.fined)] == events


def test_a_ban_then_its_lifting_is_one_ended_relationship(neo4j: Neo4jStore) -> None:
    neo4j.upsert(BAN)
    assert [e["p"]["status"] for e in _events(neo4j, REL.banned)] == [STATUS.active]
    neo4j.upsert(LIFT)
    (event,) = [e["p"] for e in _events(neo4j, REL.banned)]
    assert event["sources"] == ["ban", "lift"]
    assert (event["date"], event["status"]) == ("2021-05-03", STATUS.ended)
    assert (event["ended_how"], event["ended_on"]) == (ENDED.lifted, "2023-06")
    assert (event["in_force_from"], event["in_force_until"]) == ("2021-05-03", "2023-06-01")
    assert event["history_status"] == [STATUS.active, STATUS.ended]
    assert event["history_how"] == ["", ENDED.lifted]
    assert event["history_on"] == ["2021-05-03", "2023-06"]
    assert [json.loads(x) for x in event["history_sources_json"]] == [["ban"], ["lift"]]
    fact = neo4j.relations_of(QUUX, [REL.banned])[0]
    assert [(h.status, h.how, h.on, h.sources) for h in fact.history] == [
        (STATUS.active, None, "2021-05-03", ["ban"]),
        (STATUS.ended, ENDED.lifted, "2023-06", ["lift"]),
    ]

    def banned(**kw: Any) -> list[str]:
        return [f.event_id for f in neo4j.actions(action_type=REL.banned, **kw)]

    assert banned(in_force_on=dt.date(2022, 1, 1)) == [event["event_id"]]
    assert banned(in_force_on=dt.date(2023, 5, 31)) == [event["event_id"]]
    assert banned(in_force_on=dt.date(2023, 6, 1)) == []
    assert banned(in_force_on=dt.date(2021, 5, 2)) == []
    assert banned(status=STATUS.ended) == [event["event_id"]]
    assert banned(status=STATUS.active) == []
    # the lifting first, then the ban: the same relationship
    neo4j.clear()
    neo4j.upsert(LIFT)
    early = [e["p"] for e in _events(neo4j, REL.banned)]
    assert [(e["status"], e["date"]) for e in early] == [(STATUS.ended, "2021")]
    neo4j.upsert(BAN)
    assert [e["p"] for e in _events(neo4j, REL.banned)] == [event]


def test_retracting_the_ending_makes_the_ban_active_again(neo4j: Neo4jStore) -> None:
    neo4j.upsert_many([BAN, LIFT])
    (ended,) = _events(neo4j, REL.banned)
    summary = neo4j.retract("lift")
    assert (summary.relations_deleted, summary.relations_kept) == (0, 1)
    (event,) = _events(neo4j, REL.banned)
    assert event["rid"] == ended["rid"]  # the same relationship, not a new one
    p = event["p"]
    assert (p["event_id"], p["sources"], p["status"]) == (
        ended["p"]["event_id"],
        ["ban"],
        STATUS.active,
    )
    assert "ended_how" not in p and "ended_on" not in p and "in_force_until" not in p
    assert (p["history_status"], p["history_how"]) == ([STATUS.active], [""])
    in_force = neo4j.actions(action_type=REL.banned, in_force_on=dt.date(2030, 1, 1))
    assert [f.status for f in in_force] == [STATUS.active]
    neo4j.retract("ban")
    assert _events(neo4j, REL.banned) == []


def test_reupserting_changes_no_relationship(neo4j: Neo4jStore) -> None:
    articles = [FINE_2022, FINE_2024, FINE_RECALLED, BAN, LIFT]
    neo4j.upsert_many(articles)
    before = {t: _events(neo4j, t) for t in (REL.fined, REL.banned)}
    generation = neo4j.generation()
    summary = neo4j.upsert_many(articles)
    assert (summary.relations_new, summary.relations_merged) == (0, len(articles))
    assert {t: _events(neo4j, t) for t in before} == before
    assert neo4j.generation() == generation  # nothing changed, so nothing was committed
    neo4j.retract(BAN.article.id)
    assert neo4j.generation() != generation  # a change is a new generation


# --- search candidates agree with the embedded store's full scan --------------------------


def _queries(entities: list[Any]) -> list[str]:
    """Words, prefixes, substrings and typos of every stored name and alias."""
    out: set[str] = set()
    for rec in entities:
        for name in [rec.entity.name, *(a.name for a in rec.entity.aliases)]:
            words = name.split()
            out.update(words[:3])
            out.add(name[:4])
            out.add(name[1:7])
            if len(name) > 5:
                out.add(name[:3] + name[4:])  # a deleted letter
    return sorted(q for q in out if q.strip())


def test_search_matches_the_embedded_store(
    both_stores: tuple[Any, Any], seed_gold: list[Extraction], dev_gold: list[Extraction]
) -> None:
    embedded, neo = both_stores
    for x in seed_gold + dev_gold:
        embedded.upsert(x)
        neo.upsert(x)
    queries = _queries(list(embedded.iter_entities()))
    assert len(queries) > 200
    differing = [q for q in queries if embedded.search(q, limit=50) != neo.search(q, limit=50)]
    assert differing == []
    # small pages: Neo4j then sends only the best `offset + limit` entities when enough
    # reach the non-fuzzy tiers (graph/store/neo4j/search.py), which must not change them
    pages = [(3, 0), (2, 3), (1, 1)]
    unlike = [
        (q, limit, offset)
        for q in queries
        for limit, offset in pages
        if embedded.search(q, limit=limit, offset=offset)
        != neo.search(q, limit=limit, offset=offset)
    ]
    assert unlike == []


@pytest.fixture
def loaded_neo4j(
    neo4j: Neo4jStore, seed_gold: list[Extraction], dev_gold: list[Extraction]
) -> Neo4jStore:
    for x in seed_gold + dev_gold:
        neo4j.upsert(x)
    return neo4j


def test_no_event_detail_outlives_its_relationship(
    neo4j: Neo4jStore, seed_gold: list[Extraction], dev_gold: list[Extraction]
) -> None:
    """Every relationship has its detail node and every detail node its relationship,
    while articles come and go; nothing is left once they are all retracted."""
    golds = seed_gold + dev_gold
    neo4j.upsert_many(golds)
    orphans = (
        "MATCH (d:EventDetail) WHERE NOT EXISTS { MATCH (s:Entity {id: d.source})-[r]->"
        f"(t:Entity {{id: d.target}}) WHERE {cy.DETAIL_KEY} = d.key }} RETURN count(d) AS n"
    )
    bare = (
        "MATCH (s:Entity)-[r]->(t:Entity) WHERE r.sources IS NOT NULL AND NOT EXISTS "
        f"{{ MATCH (d:EventDetail {{key: {cy.DETAIL_KEY}}}) }} RETURN count(r) AS n"
    )
    assert neo4j.read(orphans) == [{"n": 0}] and neo4j.read(bare) == [{"n": 0}]
    assert neo4j.read("MATCH (d:EventDetail) RETURN count(d) AS n")[0]["n"] > 50
    for gold in golds[: len(golds) // 2]:
        neo4j.retract(gold.article.id)
    assert neo4j.read(orphans) == [{"n": 0}] and neo4j.read(bare) == [{"n": 0}]
    for gold in golds[len(golds) // 2 :]:
        neo4j.retract(gold.article.id)
    assert neo4j.read("MATCH (d:EventDetail) RETURN count(d) AS n") == [{"n": 0}]


def test_a_database_of_the_old_layout_is_moved_on_open(
    neo4j: Neo4jStore, settings: Settings, seed_gold: list[Extraction]
) -> None:
    """Relationships written with their bookkeeping on them (before event details) get
    their detail nodes when a store opens the database, and read the same facts."""
    neo4j.upsert_many(seed_gold)
    before = sorted(neo4j.iter_facts(), key=lambda f: (f.type, f.source.id, f.target.id))
    neo4j.write(
        lambda tx: tx.run(
            f"MATCH (s:Entity)-[r]->(t:Entity) MATCH (d:EventDetail {{key: {cy.DETAIL_KEY}}}) "
            "SET r.seen = d.seen, r.confidences = d.confidences, r.dates = d.dates, "
            "r.support_properties = d.support_properties, r.properties = d.properties "
            "DELETE d WITH 1 AS x LIMIT 1 "
            "MATCH (m:CryptoregMeta {key: 'event_details'}) DELETE m"
        ).consume()
    )
    assert neo4j.read("MATCH (d:EventDetail) RETURN count(d) AS n") == [{"n": 0}]
    reopened = Neo4jStore(
        settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password, settings.neo4j_database
    )
    try:
        after = sorted(reopened.iter_facts(), key=lambda f: (f.type, f.source.id, f.target.id))
        assert after == before
        moved = reopened.read("MATCH ()-[r]->() WHERE r.seen IS NOT NULL RETURN count(r) AS n")
        assert moved == [{"n": 0}]
    finally:
        reopened.close()


def test_articles_stored_before_captions_are_captioned_once(
    neo4j: Neo4jStore, settings: Settings, seed_gold: list[Extraction]
) -> None:
    """A database whose articles lack the Browser caption gets them when a store opens
    it; after that a meta node says so and later opens do not scan the articles."""
    neo4j.upsert_many(seed_gold)

    def reopen() -> list[dict[str, object]]:
        store = Neo4jStore(
            settings.neo4j_uri,
            settings.neo4j_user,
            settings.neo4j_password,
            settings.neo4j_database,
        )
        try:
            return store.read("MATCH (a:Article) RETURN a.caption AS caption")
        finally:
            store.close()

    neo4j.write(
        lambda tx: tx.run(
            "MATCH (a:Article) REMOVE a.caption WITH 1 AS x LIMIT 1 "
            "MATCH (m:CryptoregMeta {key: 'article_captions'}) DELETE m"
        ).consume()
    )
    assert all(r["caption"] for r in reopen())
    assert neo4j.read("MATCH (m:CryptoregMeta {key: 'article_captions'}) RETURN m.done AS d") == [
        {"d": True}
    ]
    neo4j.write(lambda tx: tx.run("MATCH (a:Article) REMOVE a.caption").consume())
    assert not any(r["caption"] for r in reopen())  # marked done: no scan on open


def test_history_source_lists_written_ascii_escaped_are_rewritten_once(
    neo4j: Neo4jStore, settings: Settings
) -> None:
    """A database written when the status history's source lists escaped non-ASCII ids
    (`\\u00fc`) is rewritten when a store opens it, so pair_history.cypher finds them."""
    from test_queries import HOSTILE_BAN, HOSTILE_LIFT, _ban_then_lift

    from graph.named.runner import run_named

    neo4j.upsert_many(_ban_then_lift(HOSTILE_BAN, HOSTILE_LIFT))
    pair = {"actor": "regulator:zollamt", "target": "exchange:kettle"}
    escaped = [json.dumps([HOSTILE_BAN]), json.dumps([HOSTILE_LIFT])]
    neo4j.write(
        lambda tx: tx.run(
            "MATCH ()-[r:BANNED]->() SET r.history_sources_json = $old "
            "WITH 1 AS x LIMIT 1 MATCH (m:CryptoregMeta {key: 'history_sources_utf8'}) DELETE m",
            old=escaped,
        ).consume()
    )
    assert [r["sources"] for r in run_named(neo4j, "pair_history", pair)] == [[], []]
    store = Neo4jStore(
        settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password, settings.neo4j_database
    )
    try:
        sources = [r["sources"] for r in run_named(store, "pair_history", pair)]
    finally:
        store.close()
    assert sources == [[HOSTILE_BAN], [HOSTILE_LIFT]]


def test_alias_source_lists_of_an_older_database_become_relationships(
    neo4j: Neo4jStore, settings: Settings
) -> None:
    """A database written when an alias kept its articles as a `sources` list is moved to
    the relationships (write_queries.py `ALIAS_SOURCE`) when a store opens it, once: then
    a retraction takes the alias's support with the article, as for one written now."""
    neo4j.upsert(_fined("a1", "2024-01-02", "x"))
    neo4j.upsert(_fined("a2", "2024-01-03", "y"))
    old_layout = (
        f"MATCH (al:Alias)-[g:{cy.ALIAS_SOURCE}]->(a:Article) WITH al, g, a ORDER BY a.id "
        "WITH al, collect(g) AS gs, collect(a.id) AS ids SET al.sources = ids "
        "FOREACH (g IN gs | DELETE g) "
        "WITH 1 AS x LIMIT 1 OPTIONAL MATCH (m:CryptoregMeta {key: 'alias_sources'}) DELETE m"
    )
    neo4j.write(lambda tx: tx.run(old_layout).consume())
    given = f"MATCH (al:Alias)-[:{cy.ALIAS_SOURCE}]->(a:Article) RETURN a.id AS a ORDER BY a"
    assert neo4j.read(given) == []
    store = Neo4jStore(
        settings.neo4j_uri, settings.neo4j_user, settings.neo4j_password, settings.neo4j_database
    )
    try:
        assert store.read(given) == [{"a": "a1"}, {"a": "a2"}]
        assert store.read("MATCH (al:Alias) RETURN al.sources AS s") == [{"s": None}]
        store.retract("a1")
        store.retract("a2")
        assert store.read("MATCH (al:Alias) RETURN count(al) AS n") == [{"n": 0}]
    finally:
        store.close()
