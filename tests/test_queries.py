"""Named queries: headers parse and match their bodies, every query has an embedded twin,
parameters are checked, and both stores return the same rows for the same call."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from conftest import load_all

from graph.errors import ConfigError, InvalidInputError, NotFoundError
from graph.models import Extraction
from graph.named.catalogue import (
    QUERY_DIR,
    body_parameters,
    get_query,
    load_queries,
    load_query_dir,
    parse_query,
)
from graph.named.embedded_twins import NAMED_QUERY_TWINS
from graph.named.runner import run_named
from graph.named.twin_support import cypher_sort
from graph.ontology import get_ontology
from graph.store.protocol import GraphStore

GOOD = """\
// name: demo
// description: A demo query.
// params: name:str, limit:int[1..10]=5
// example: :param name => 'OKX'
// example: :param limit => 5
MATCH (e:Entity) WHERE e.name = $name RETURN e.id AS id ORDER BY id LIMIT $limit
"""
PBOC = "centralbank:peoples-bank-of-china"

# Extra parameter sets per query (each query's header example is always run too).
PARAM_SETS: dict[str, list[dict[str, Any]]] = {
    "entity_by_name": [
        {"name": "PBOC"},
        {"name": "binance", "type": "Exchange"},
        {"name": "SEC", "limit": 5},
        {"name": "no such body anywhere"},
    ],
    "entity_actions": [{"id": "exchange:binance"}, {"id": "exchange:okx"}, {"id": "x:none"}],
    "actions_in_jurisdiction": [
        {"action": "BLOCKED", "jurisdiction": "jurisdiction:china"},
        {"action": "SUED", "jurisdiction": "jurisdiction:united-states", "since": "2023-01-01"},
        {"action": "WARNED", "jurisdiction": "jurisdiction:india", "until": "2023-12-31"},
        {"action": "LICENSED", "jurisdiction": "jurisdiction:united-arab-emirates", "limit": 1},
        {"action": "BANNED", "jurisdiction": "exchange:okx"},
    ],
    "actors_against_exchanges_in": [
        {"jurisdiction": "jurisdiction:seychelles"},
        {"jurisdiction": "jurisdiction:thailand"},
        {"jurisdiction": "jurisdiction:nowhere"},
    ],
    "path_between": [
        {"from_id": "exchange:binance", "to_id": "exchange:coinbase"},
        {"from_id": "exchange:okx", "to_id": "exchange:binance", "max_length": 2},
        {"from_id": "exchange:okx", "to_id": "exchange:okx"},
        {"from_id": PBOC, "to_id": "regulator:u-s-securities-and-exchange-commission"},
    ],
    "aliases_of": [{"id": "exchange:htx"}, {"id": PBOC}, {"id": "x:none"}],
    "fact_sources": [
        {"source": PBOC, "target": "activity:cryptocurrency-trading", "type": "BANNED"},
        {"source": "regulator:financial-intelligence-unit-india", "target": "exchange:binance"},
    ],
    "most_sanctioned_exchanges": [{"limit": 3}, {"limit": 100}],
    "regulators_by_actions": [
        {"type": "Court"},
        {"type": "GovernmentBody", "action": "SUED"},
        {"type": "Jurisdiction", "limit": 2},
    ],
    "co_mentioned": [{"id": "exchange:binance", "limit": 50}, {"id": PBOC}],
    "largest_fines": [{"currency": "usd"}, {"currency": "CAD", "limit": 1}],
    "actions_in_force": [
        {"on": "2022-12-31", "type": "FINED"},
        {"on": "2024-06-30", "status": "active", "jurisdiction": "jurisdiction:china"},
        {"on": "2024-06-30", "status": "ended"},
        {"on": "1999-01-01"},
        {"jurisdiction": "exchange:okx"},
    ],
    "entity_in_force": [
        {"id": "exchange:kucoin", "on": "2024-12-31"},
        {"id": "exchange:binance", "on": "2022-01-01"},
        {"id": "x:none"},
    ],
    "pair_history": [
        {"actor": "regulator:ontario-securities-commission", "target": "exchange:kucoin"},
        {"actor": "exchange:binance", "target": "regulator:financial-intelligence-unit-india"},
        {"actor": "x:none", "target": "exchange:binance"},
    ],
    "entity_fines": [{"id": "exchange:binance"}, {"id": "exchange:bybit"}, {"id": "x:none"}],
}
# The event questions again, on the conformance suite's own articles (dated, ended, fined
# twice): the twins must give the Cypher's rows there too.
EVENT_CALLS: list[tuple[str, dict[str, Any]]] = [
    ("actions_in_force", {"on": day, "status": status})
    for day in ("2020-06-01", "2021-12-01", "2022-09-01", "2024-05-01", None)
    for status in (None, "active", "ended")
] + [
    ("actions_in_force", {"on": "2022-09-01", "jurisdiction": "jurisdiction:freedonia"}),
    ("actions_in_force", {"on": "2023-03-01", "type": "FINED"}),
    *[
        ("entity_in_force", {"id": e, "on": d})
        for e in ("exchange:glimmer", "exchange:kraken")
        for d in ("2020-06-01", "2021-12-01", "2022-09-01", "2024-05-01")
    ],
    *[
        ("pair_history", {"actor": a, "target": t})
        for a, t in [
            ("centralbank:central-bank-of-freedonia", "exchange:glimmer"),
            ("centralbank:central-bank-of-freedonia", "exchange:kraken"),
            ("regulator:sylvania-financial-services-authority", "exchange:glimmer"),
            ("regulator:sec", "exchange:glimmer"),
            ("regulator:sec", "exchange:kraken"),
        ]
    ],
    ("entity_fines", {"id": "exchange:kraken"}),
    ("entity_fines", {"id": "exchange:glimmer"}),
    ("largest_fines", {}),
    ("entity_actions", {"id": "exchange:kraken"}),
    ("fact_sources", {"source": "regulator:sec", "target": "exchange:kraken"}),
    ("actions_in_jurisdiction", {"action": "BANNED", "jurisdiction": "jurisdiction:freedonia"}),
]


def test_shipped_queries_load() -> None:
    catalogue = load_queries()
    assert len(catalogue) >= 10
    assert {p.stem for p in QUERY_DIR.glob("*.cypher")} == set(catalogue)
    for q in catalogue.values():
        assert q.description and q.cypher
        assert set(q.examples) == {p.name for p in q.params}


def test_every_query_has_a_twin_and_every_twin_a_query() -> None:
    assert set(NAMED_QUERY_TWINS) == set(load_queries())
    assert set(PARAM_SETS) == set(load_queries()), "add parameter sets for the new query"


def test_the_store_room_never_imports_the_named_room() -> None:
    """graph/named runs queries on stores (graph/named/runner.py); no store knows of it."""
    store_room = Path(__file__).resolve().parents[1] / "graph" / "store"
    offenders = []
    for path in sorted(store_room.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom):
                names = [node.module or ""]
            offenders += [f"{path.name}: {n}" for n in names if n.startswith("graph.named")]
    assert offenders == []


def test_parse_good_header() -> None:
    q = parse_query(GOOD, "demo.cypher", "demo")
    assert [p.name for p in q.params] == ["name", "limit"]
    assert q.params[1].default == 5 and q.params[1].bounds == (1, 10)
    assert q.examples == {"name": "OKX", "limit": 5}
    assert q.bind({"name": "x"}) == {"name": "x", "limit": 5}


@pytest.mark.parametrize(
    ("broken", "message"),
    [
        (GOOD.replace("// name: demo\n", ""), "name"),
        (GOOD.replace("// description: A demo query.\n", ""), "description"),
        (GOOD.replace("// params: name:str, limit:int[1..10]=5", "// params: name:str"), "differ"),
        (GOOD.replace("e.name = $name", "e.name = $nmae"), "differ"),
        (GOOD.replace("name:str,", "name:text,"), "unknown type"),
        (GOOD.replace("=5", "=50"), "bad default"),
        (GOOD.replace("// example: :param limit => 5\n", ""), "example"),
        (GOOD.replace("// name: demo", "// name: other"), "match the file"),
        (GOOD.replace("RETURN e.id", "SET e.x = 1 RETURN e.id"), "read-only"),
        (GOOD.replace("MATCH (e:Entity)", "MATCH (e:Entity) DETACH DELETE e"), "read-only"),
        ("\n".join(GOOD.splitlines()[:5]), "no Cypher"),
    ],
)
def test_bad_header_fails_at_load(broken: str, message: str, tmp_path: Path) -> None:
    (tmp_path / "demo.cypher").write_text(broken, encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_query_dir(tmp_path)


def test_parameters_in_strings_and_comments_do_not_count() -> None:
    body = "// uses $nothing\nMATCH (e) WHERE e.name = '$not' AND e.id = $id RETURN e"
    assert body_parameters(body) == {"id"}


@pytest.mark.parametrize(
    ("name", "params", "message"),
    [
        ("entity_by_name", {}, "required"),
        ("entity_by_name", {"name": 3}, "string"),
        ("entity_by_name", {"name": "x" * 501}, "at most"),
        ("entity_by_name", {"name": "x", "limit": 0}, "between"),
        ("entity_by_name", {"name": "x", "limit": "lots"}, "limit"),
        ("entity_by_name", {"name": "x", "limit": True}, "boolean"),
        ("entity_by_name", {"name": "x", "type": "Planet"}, "one of"),
        ("entity_by_name", {"name": "x", "colour": "red"}, "no parameter"),
        ("actions_in_jurisdiction", {"action": "HEADQUARTERED_IN", "jurisdiction": "j"}, "one of"),
        (
            "actions_in_jurisdiction",
            {"action": "BANNED", "jurisdiction": "j", "since": "May"},
            "ISO",
        ),
        (
            "actions_in_jurisdiction",
            {"action": "BANNED", "jurisdiction": "j", "since": "0001-01-01"},
            "range",
        ),
        ("path_between", {"from_id": "a", "to_id": "b", "max_length": 7}, "between"),
        ("actions_in_force", {"status": "lifted"}, "one of"),
        ("actions_in_force", {"on": "today"}, "ISO"),
        ("entity_in_force", {"on": "2024-01-01"}, "required"),
    ],
)
def test_bad_parameters_are_invalid_input(name: str, params: dict[str, Any], message: str) -> None:
    with pytest.raises(InvalidInputError, match=message) as info:
        get_query(name).bind(params)
    assert info.value.status == 422


def test_parameters_are_coerced_from_cli_strings() -> None:
    bound = get_query("actions_in_jurisdiction").bind(
        {
            "action": "BANNED",
            "jurisdiction": "jurisdiction:china",
            "since": "2021-01-01",
            "limit": "7",
        }
    )
    assert bound["since"] == dt.date(2021, 1, 1) and bound["limit"] == 7 and bound["until"] is None
    assert get_query("actions_in_jurisdiction").bind(bound) == bound  # idempotent


def test_unknown_query_is_not_found() -> None:
    with pytest.raises(NotFoundError):
        get_query("drop_everything")


def test_relationship_types_named_in_queries_come_from_the_ontology() -> None:
    ont = get_ontology()
    allowed = set(ont.relations) | {"ALIAS_OF", "MENTIONED_IN"}
    actions, adverse = set(ont.action_types), set(ont.adverse_action_types)
    for q in load_queries().values():
        for group in re.findall(r"\[\w*:([A-Z_|]+)", q.cypher):
            types = set(group.split("|"))
            assert types <= allowed, (q.name, types - allowed)
            if len(types) > 2:  # a list of actions: all of them, or all the adverse ones
                assert types in (actions, adverse), (q.name, types)


def test_cypher_sort_puts_nulls_last_ascending_and_first_descending() -> None:
    rows: list[dict[str, Any]] = [{"d": "2023"}, {"d": None}, {"d": "2024"}]
    assert [r["d"] for r in cypher_sort(rows, "d")] == ["2023", "2024", None]
    assert [r["d"] for r in cypher_sort(rows, "-d")] == [None, "2024", "2023"]


def _calls() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for name, query in load_queries().items():
        out.append((name, dict(query.examples)))
        out += [(name, p) for p in PARAM_SETS.get(name, [])]
    return out


@pytest.fixture
def loaded_pair(
    both_stores: tuple[GraphStore, GraphStore],
    seed_gold: list[Extraction],
    dev_gold: list[Extraction],
) -> tuple[GraphStore, GraphStore]:
    for store in both_stores:
        load_all(store, seed_gold + dev_gold)
    return both_stores


def test_header_examples_return_rows(loaded_store: GraphStore) -> None:
    """The example a user pastes into Neo4j Browser finds something on the gold graph."""
    for name, query in load_queries().items():
        assert run_named(loaded_store, name, dict(query.examples)), name


def test_every_named_query_gives_the_same_rows_on_both_stores(
    loaded_pair: tuple[GraphStore, GraphStore],
) -> None:
    embedded, neo4j = loaded_pair
    checked = 0
    for name, params in _calls():
        expected = run_named(neo4j, name, params)
        got = run_named(embedded, name, params)
        assert got == expected, f"{name}({params}): embedded differs from Neo4j"
        checked += bool(expected)
    assert checked >= len(load_queries()) * 2


def test_event_queries_give_the_same_rows_on_both_stores(
    both_stores: tuple[GraphStore, GraphStore],
) -> None:
    from test_store_conformance import EVENT_CASES

    embedded, neo4j = both_stores
    for store in both_stores:
        load_all(store, EVENT_CASES)
    for name, params in EVENT_CALLS:
        expected = run_named(neo4j, name, params)
        got = run_named(embedded, name, params)
        assert got == expected, f"{name}({params}): embedded differs from Neo4j"


def test_event_queries_answer_over_time(store: GraphStore) -> None:
    from test_store_conformance import EVENT_CASES

    load_all(store, EVENT_CASES)
    kraken = run_named(store, "entity_fines", {"id": "exchange:kraken"})
    assert [(r["currency"], r["fines"], r["total"]) for r in kraken] == [
        ("EUR", 1, 1_200_000.0),
        ("USD", 2, 35_000_000.0),
        (None, 1, None),  # the fine with no amount: counted, never summed
    ]
    steps = run_named(
        store,
        "pair_history",
        {"actor": "regulator:sylvania-financial-services-authority", "target": "exchange:glimmer"},
    )
    assert [(r["status"], r["how"], r["day"], r["sources"]) for r in steps] == [
        ("active", None, "2020-05", ["k1-block"]),
        ("ended", "suspended", "2021-01", ["k2-suspend"]),
        ("ended", "lifted", "2022-02", ["k3-lift"]),
    ]
    standing = run_named(store, "entity_in_force", {"id": "exchange:glimmer", "on": "2022-09-01"})
    assert [(r["jurisdiction_id"], r["action"], r["since"]) for r in standing] == [
        ("jurisdiction:freedonia", "BANNED", "2021-09-01"),
        ("jurisdiction:freedonia", "WARNED", "2022-08-01"),
        ("jurisdiction:united-states", "LICENSED", "2022-01-01"),
        (None, "WARNED", "2022-07-01"),
    ]
    ended = run_named(store, "actions_in_force", {"on": "2021-06-01", "status": "ended"})
    assert {(r["action"], r["target_id"], r["until"]) for r in ended} == {
        ("BANNED", "exchange:kraken", "2023-06-01"),
        ("BLOCKED", "exchange:glimmer", "2022-02-01"),
    }
    assert run_named(store, "actions_in_force", {"on": "2019-01-01"}) == []


def _ban_then_lift(ban_article: str, lift_article: str) -> list[Extraction]:
    """A ban and its lifting, each told by one article (ids chosen by the caller)."""
    from graph.ids import entity_id
    from graph.models import Article, Entity, Relation
    from graph.ontology import ENDED, REL, STATUS, TYPE

    actor = Entity(id=entity_id(TYPE.regulator, "Zollamt"), type=TYPE.regulator, name="Zollamt")
    target = Entity(id=entity_id(TYPE.exchange, "Kettle"), type=TYPE.exchange, name="Kettle")

    def told(aid: str, published: str, **props: Any) -> Extraction:
        fact = Relation(
            type=REL.banned,
            source=actor.id,
            target=target.id,
            evidence="Zollamt banned Kettle in 2021.",
            confidence=0.9,
            date="2021",
            properties=props,
        )
        article = Article(id=aid, published=published, text=fact.evidence)
        return Extraction(article=article, entities=[actor, target], relations=[fact])

    lifted = {"status": STATUS.ended, "ended_how": ENDED.lifted, "ended_on": "2023-06"}
    return [told(ban_article, "2021-05-04"), told(lift_article, "2023-07-01", **lifted)]


HOSTILE_BAN = 'Zürich "ban" 北京'
HOSTILE_LIFT = "lift-ü"


def test_pair_history_names_the_sources_of_ids_with_quotes_and_any_script(
    store: GraphStore,
) -> None:
    """Article ids may hold quotes and any script (graph/models.py): each step still names
    the article that told it, on both stores."""
    load_all(store, _ban_then_lift(HOSTILE_BAN, HOSTILE_LIFT))
    steps = run_named(
        store, "pair_history", {"actor": "regulator:zollamt", "target": "exchange:kettle"}
    )
    assert [(r["status"], r["how"], r["sources"]) for r in steps] == [
        ("active", None, [HOSTILE_BAN]),
        ("ended", "lifted", [HOSTILE_LIFT]),
    ]
