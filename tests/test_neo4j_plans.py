"""Write statements that keep their cached plan (graph/store/neo4j/write_queries.py
`kept_plan`) must have one plan whatever the statistics: Neo4j never replans them as
the graph grows, so the plan made on an empty database is the one used at 100k articles.

Checked for every kept statement of the write path: its plan on an empty database
scans no label, type or whole store, and finds rows the same way (the same seeks and
expands) once a corpus is stored (forced replans: EXPLAIN plans without running anything).
"""

from __future__ import annotations

import difflib
import re
from typing import Any

import pytest
from test_neo4j_batch import synthetic

from graph.store.neo4j import changes, judgements
from graph.store.neo4j import write_queries as q
from graph.store.neo4j.store import Neo4jStore

# operators that read every node of a label, every relationship of a type, or everything:
# what a plan made on an empty store may pick where a seek was meant
SCANS = ("AllNodesScan", "NodeByLabelScan", "RelationshipsScan", "RelationshipTypeScan")
# the statements whose plans cost most to make: one branch per ontology type
BRANCHED = ("FACT_STATE", "FACT_HEADS", "FACT_BESIDE", "create_facts", "set_entities")


def kept_statements() -> dict[str, str]:
    """Every kept statement of the Neo4j write path, by name."""
    found = {
        f"{module.__name__.rsplit('.', 1)[1]}.{name}": value
        for module in (q, changes, judgements)
        for name, value in vars(module).items()
        if isinstance(value, str) and value.startswith(q.KEEP_PLAN) and value != q.KEEP_PLAN
    }
    for name in ("FACT_STATE", "FACT_HEADS", "FACT_BESIDE"):
        found[name] = q.by_row_type(getattr(q, name))
    found["create_facts"], found["set_entities"] = q.create_facts(), q.set_entities()
    return found


Tree = tuple[str, str, tuple[Any, ...]]
CACHED = re.compile(r"cache\[([^\]]*)\]")
# how a plan finds rows: its seeks, scans and expands (how it joins what two unique seeks
# found, Apply or CartesianProduct, and in which order, varies from one planning to the
# next and costs the same)
ACCESS = ("Seek", "Scan", "Expand")


def _tree(plan: dict[str, Any]) -> Tree:
    """A plan's operators and their details (no estimates)."""
    operator = str(plan["operatorType"]).split("@")[0]
    details = CACHED.sub(r"\1", str(plan.get("args", {}).get("Details", "")))
    return operator, details, tuple(_tree(child) for child in plan.get("children", []))


def _access(tree: Tree) -> list[str]:
    """The plan's access operators with their details, sorted."""
    own = [f"{tree[0]}  {tree[1]}"] if any(a in tree[0] for a in ACCESS) else []
    return sorted([*own, *(line for child in tree[2] for line in _access(child))])


PARAMS = {"rows": [], "ids": [], "keys": [], "now": "", q.BY_TYPE: {}}


def _plans(neo4j: Neo4jStore) -> dict[str, Tree]:
    out = {}
    with neo4j._driver.session(database=neo4j.database) as session:
        for name, text in sorted(kept_statements().items()):
            forced = "CYPHER replan=force EXPLAIN " + text.removeprefix(q.KEEP_PLAN)
            plan = session.run(forced, PARAMS).consume().plan
            assert plan is not None, name
            out[name] = _tree(plan)
    return out


def test_the_branched_statements_keep_their_plans() -> None:
    kept = kept_statements()
    for name in BRANCHED:
        assert kept[name].startswith(q.KEEP_PLAN), name
    assert q.kept_plan(q.SET_ARTICLES.removeprefix(q.KEEP_PLAN)) == q.SET_ARTICLES


@pytest.mark.neo4j
def test_kept_plans_scan_nothing_and_do_not_change_as_the_graph_grows(
    neo4j: Neo4jStore,
) -> None:
    empty = _plans(neo4j)
    for name, tree in empty.items():
        scans = [op for op in _access(tree) if any(s in op.split()[0] for s in SCANS)]
        assert not scans, (name, scans)
    neo4j.upsert_many([synthetic(i) for i in range(120)])
    for name, tree in _plans(neo4j).items():
        changed = difflib.unified_diff(_access(empty[name]), _access(tree), lineterm="")
        assert _access(tree) == _access(empty[name]), (name, "\n".join(changed))
