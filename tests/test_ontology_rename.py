"""Renaming a type in ontology.yaml alone is enough: every room follows.

A temporary copy of the ontology calls `Exchange` `TradingVenue` (and a copy of a small
gold file does too); under it, in fresh processes, the extractor types exchanges
`TradingVenue` exactly where it typed them `Exchange` before, and matches the renamed
gold as well as it matched the original; both stores keep the new type (Neo4j as the
node's label, with its index), the RDF vocabulary has the class, the API its enum value.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from graph.ontology import ONTOLOGY_FILE
from graph.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "extract"
ARTICLE = DATA / "articles" / "korea-fiu-dunamu.json"
GOLD = DATA / "gold" / "korea-fiu-dunamu.json"
OLD, NEW = "Exchange", "TradingVenue"
ENTITY = "exchange:upbit"  # ids keep the type's key: they do not change with its name


def _renamed(text: str) -> str:
    return re.sub(rf"\b{OLD}\b", NEW, text)


@pytest.fixture(scope="module")
def renamed_env(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    tmp = tmp_path_factory.mktemp("renamed")
    ontology = tmp / "ontology.yaml"
    ontology.write_text(_renamed(ONTOLOGY_FILE.read_text(encoding="utf-8")), encoding="utf-8")
    (tmp / "gold.json").write_text(_renamed(GOLD.read_text(encoding="utf-8")), encoding="utf-8")
    return {
        **os.environ,
        "CRYPTOREG_ONTOLOGY": str(ontology),
        "CRYPTOREG_DATA_DIR": str(tmp / "data"),
        "HOME": str(tmp),  # the extractor's index cache, kept apart from the real one
    }


def _extract(env: dict[str, str] | None) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "api.cli", "extract", str(ARTICLE)]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def _typed_names(entities: list[dict[str, Any]]) -> set[tuple[str, str]]:
    out = set()
    for e in entities:
        for t in e["type"] if isinstance(e["type"], list) else [e["type"]]:
            out.add((e["name"], t))
    return out


def test_extraction_follows_the_renamed_type(renamed_env: dict[str, str]) -> None:
    before, after = _extract(None), _extract(renamed_env)
    assert json.loads(_renamed(json.dumps(before))) == after
    types = {e["type"] for e in after["entities"]}
    assert NEW in types and OLD not in types
    gold = json.loads(GOLD.read_text(encoding="utf-8"))["entities"]
    gold_renamed = json.loads(_renamed(json.dumps(gold)))
    found_before = _typed_names(before["entities"]) & _typed_names(gold)
    found_after = _typed_names(after["entities"]) & _typed_names(gold_renamed)
    assert len(found_after) == len(found_before) > 0
    assert any(t == NEW for _, t in found_after)


def _probe(env: dict[str, str], *flags: str) -> dict[str, Any]:
    cmd = [sys.executable, str(ROOT / "tests" / "ontology_rename_probe.py"), str(ARTICLE)]
    done = subprocess.run(
        [*cmd, ENTITY, *flags], env=env, capture_output=True, text=True, timeout=300, cwd=ROOT
    )
    assert done.returncode == 0, done.stderr[-3000:]
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_stores_rdf_and_api_follow_the_renamed_type(renamed_env: dict[str, str]) -> None:
    seen = _probe(renamed_env)
    assert NEW in seen["ontology_types"] and OLD not in seen["ontology_types"]
    assert seen["embedded_type"] == NEW
    assert any(f"(n:{NEW})" in s for s in seen["neo4j_schema"])
    assert not any(f":{OLD})" in s for s in seen["neo4j_schema"])
    assert f"crg:{NEW} a owl:Class" in seen["rdf_vocabulary"]
    assert f"crg:{OLD} " not in seen["rdf_vocabulary"]
    enums = [values for values in seen["api_enums"].values() if NEW in values]
    assert enums and all(OLD not in values for values in seen["api_enums"].values())


@pytest.mark.neo4j
def test_neo4j_labels_the_node_with_the_renamed_type(
    renamed_env: dict[str, str], neo4j: Any, settings: Settings
) -> None:
    from neo4j import GraphDatabase

    try:
        seen = _probe(renamed_env, "--neo4j")
        assert seen["neo4j_type"] == NEW
        auth = (settings.neo4j_user, settings.neo4j_password)
        with GraphDatabase.driver(settings.neo4j_uri, auth=auth) as driver:
            labels = driver.execute_query(
                "MATCH (n:Entity {id: $id}) RETURN labels(n) AS labels",
                id=ENTITY,
                database_=settings.neo4j_database,
            ).records[0]["labels"]
            assert NEW in labels and OLD not in labels
            indexes = driver.execute_query(
                "SHOW INDEXES YIELD name, labelsOrTypes RETURN name, labelsOrTypes",
                database_=settings.neo4j_database,
            ).records
            assert any(NEW in (r["labelsOrTypes"] or []) for r in indexes)
    finally:
        neo4j.clear()
        with GraphDatabase.driver(
            settings.neo4j_uri, auth=(settings.neo4j_user, settings.neo4j_password)
        ) as driver:
            driver.execute_query(
                f"DROP INDEX {NEW.lower()}_name IF EXISTS", database_=settings.neo4j_database
            )
