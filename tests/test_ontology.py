"""The ontology (graph/ontology.yaml) loads, is consistent, and everything derived covers it."""

from __future__ import annotations

import ast
import copy
from pathlib import Path
from typing import Any, get_args

import pytest
import yaml

from graph import models
from graph.errors import OntologyError
from graph.ids import entity_id
from graph.ontology import ONTOLOGY_FILE, RELATION_KINDS, get_ontology, parse_ontology
from graph.store.protocol import Stats


@pytest.fixture
def raw() -> dict[str, Any]:
    with ONTOLOGY_FILE.open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


def test_loads_with_the_documented_vocabulary() -> None:
    ont = get_ontology()
    assert {"Regulator", "Exchange", "Jurisdiction", "App", "Website", "Account"} <= set(
        ont.entity_types
    )
    assert {"BANNED", "BLOCKED", "FINED", "HEADQUARTERED_IN", "PART_OF"} <= set(ont.relations)
    assert set(ont.action_types) == {
        "BANNED",
        "BLOCKED",
        "FINED",
        "SUED",
        "INVESTIGATED",
        "WARNED",
        "LICENSED",
    }
    assert ont.actor_types == {
        "Regulator",
        "CentralBank",
        "Court",
        "GovernmentBody",
        "Jurisdiction",
    }


def test_every_entity_type_has_prefix_and_rdf_class() -> None:
    ont = get_ontology()
    prefixes = [t.id_prefix for t in ont.entity_types.values()]
    assert len(set(prefixes)) == len(prefixes)
    for name, et in ont.entity_types.items():
        assert et.id_prefix and ":" not in et.id_prefix, name
        assert et.rdf and all(":" in c for c in et.rdf), name
        assert et.description, name
        assert entity_id(name, "Some Name") == f"{et.id_prefix}:some-name"


def test_every_relation_endpoint_is_a_type() -> None:
    ont = get_ontology()
    types = set(ont.entity_types)
    for name, rel in ont.relations.items():
        assert rel.kind in RELATION_KINDS, name
        assert rel.sources and rel.sources <= types, name
        assert rel.targets and rel.targets <= types, name
    for name in ont.action_types:
        assert ont.relations[name].sources == ont.actor_types


def test_check_edge_explains_refusals() -> None:
    ont = get_ontology()
    ont.check_edge("HEADQUARTERED_IN", "Exchange", "Jurisdiction")
    with pytest.raises(OntologyError, match="HEADQUARTERED_IN may not go from Person"):
        ont.check_edge("HEADQUARTERED_IN", "Person", "Jurisdiction")
    with pytest.raises(OntologyError, match="unknown relation type"):
        ont.check_edge("LIKES", "Person", "Person")


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda d: d["relations"]["BANNED"].update(kind="verb"), "kind must be one of"),
        (lambda d: d["relations"]["BANNED"].update({"from": ["Martian"]}), "'Martian' is neither"),
        (lambda d: d["groups"].update(actor=["Regulator", "Dragon"]), "'Dragon' is neither"),
        (
            lambda d: d["relations"]["FINED"].update(properties={"amount": "decimal"}),
            "unknown type",
        ),
        (lambda d: d["entity_types"]["Court"].update(id_prefix="regulator"), "share an id_prefix"),
        (lambda d: d["entity_types"]["Court"].pop("rdf"), "malformed ontology"),
        (lambda d: d.pop("relations"), "malformed ontology"),
        (lambda d: d["groups"].pop("actor"), "'actor' is neither"),
    ],
)
def test_malformed_ontology_is_refused_clearly(
    raw: dict[str, Any], damage: Any, message: str
) -> None:
    data = copy.deepcopy(raw)
    damage(data)
    with pytest.raises(OntologyError, match=message):
        parse_ontology(data)


def test_the_shipped_file_parses_again(raw: dict[str, Any]) -> None:
    assert parse_ontology(raw) == get_ontology()


def test_model_literals_cover_every_type() -> None:
    ont = get_ontology()
    assert set(get_args(models.EntityTypeName)) == set(ont.entity_types)
    assert set(get_args(models.RelationTypeName)) == set(ont.relations)
    assert set(get_args(models.AliasKind)) == set(ont.alias_kinds)
    assert set(get_args(models.ActionTypeName)) == set(ont.action_types)


def test_store_stats_are_zero_filled_over_the_ontology(tmp_path: Any) -> None:
    from graph.store.embedded.store import EmbeddedStore

    store = EmbeddedStore(tmp_path)
    stats: Stats = store.stats()
    store.close()
    assert set(stats.entities_by_type) == set(get_ontology().entity_types)
    assert set(stats.relations_by_type) == set(get_ontology().relations)


# --- the ontology is the only place a name lives -------------------------------------

ROOT = ONTOLOGY_FILE.resolve().parents[1]
# Where a name may be written: the loader, and what is no product code (tests, examples,
# generated docs and the local virtualenv).
NAME_ALLOWED = {ROOT / "graph" / "ontology.py"}
NAME_EXEMPT_DIRS = {"tests", "examples", "docs", ".venv", "node_modules", ".neo4j", "data"}


def _ontology_names() -> set[str]:
    ont = get_ontology()
    return {*ont.entity_types, *ont.relations, *ont.graph_labels.values()}


def _product_sources() -> list[Path]:
    return [
        path
        for path in sorted(ROOT.rglob("*.py"))
        if path not in NAME_ALLOWED
        and not NAME_EXEMPT_DIRS & set(path.relative_to(ROOT).parts[:-1])
    ]


def _name_literals(path: Path) -> list[str]:
    names = _ontology_names()
    return [
        f"{path.name}:{node.lineno}: {node.value!r}"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
        if isinstance(node, ast.Constant) and node.value in names
    ]


def test_no_python_outside_the_loader_writes_a_type_or_relation_name() -> None:
    found = [hit for path in _product_sources() for hit in _name_literals(path)]
    assert found == [], "ask graph.ontology (TYPE, REL, GROUP, LABEL or a flag) instead"


def test_the_name_literal_check_finds_a_planted_name(tmp_path: Path) -> None:
    planted = tmp_path / "planted.py"
    planted.write_text('KIND = "Exchange"\nLINK = f"{KIND}"\n', encoding="utf-8")
    assert _name_literals(planted) == ["planted.py:1: 'Exchange'"]
    assert ROOT / "graph" / "models.py" in _product_sources()
