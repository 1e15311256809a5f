"""`make bench` at tiny sizes, so the benchmark cannot rot; and its corpus and baselines.

The smoke runs check structure only: the report, its sections and plots are written, every
route and format is measured, every number is finite. Never a timing: the machine is
shared and the figures are ratios to baselines of the same run (bench/report.py).
"""

from __future__ import annotations

import json
import math
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import api_load  # noqa: E402
import baselines  # noqa: E402
import report  # noqa: E402
import run_all  # noqa: E402
from corpus import GoldArticle, make_corpus, score  # noqa: E402

from graph.models import Entity, Extraction, Relation  # noqa: E402
from graph.ontology import get_ontology  # noqa: E402
from graph.store.embedded.db import DB_NAME  # noqa: E402
from graph.store.embedded.store import EmbeddedStore  # noqa: E402
from ingest.extraction import extract_article  # noqa: E402

SIZES = (10, 20)
PNG = b"\x89PNG\r\n\x1a\n"


def _numbers(value: Any, where: str = "") -> list[tuple[str, float]]:
    """Every number in a JSON value, with its path."""
    if isinstance(value, bool):
        return []
    if isinstance(value, int | float):
        return [(where, float(value))]
    if isinstance(value, dict):
        return [n for k, v in value.items() for n in _numbers(v, f"{where}.{k}")]
    if isinstance(value, list):
        return [n for i, v in enumerate(value) for n in _numbers(v, f"{where}[{i}]")]
    return []


def _smoke(tmp_path: Path, stores: str, *extra: str) -> tuple[dict[str, Any], str]:
    out = tmp_path / "out"
    argv = ["--sizes", ",".join(map(str, SIZES)), "--stores", stores, "--seconds", "0.05"]
    argv += ["--warm", "10"]  # (a real run warms Neo4j with a few hundred articles)
    argv += ["--report", str(out / "BENCHMARKS.md"), "--plots", str(out / "plots"), *extra]
    results = run_all.main(argv)
    text = (out / "BENCHMARKS.md").read_text(encoding="utf-8")
    on_disk = json.loads((out / "plots" / "results.json").read_text(encoding="utf-8"))
    assert on_disk == results
    for name in report.PLOTS:
        data = (out / "plots" / name).read_bytes()
        assert data.startswith(PNG) and len(data) > 5000, name
    return results, text


def _check_structure(results: dict[str, Any], text: str, stores: list[str]) -> None:
    positions = [text.find(heading) for heading in report.SECTIONS]
    assert -1 not in positions and positions == sorted(positions), positions
    assert [r["size"] for r in results["runs"]] == list(SIZES)
    numbers = _numbers(results)
    assert numbers and all(math.isfinite(v) for _, v in numbers), [
        p for p, v in numbers if not math.isfinite(v)
    ]
    routes = set(api_load.routes(make_corpus(SIZES[0])))
    for run in results["runs"]:
        assert f"| {run['size']:,} |" in text
        assert 0 < run["extraction"]["articles_per_s"] and run["extraction"]["failed"] == 0
        for kind in stores:
            ingest = run["ingest"][kind]
            assert ingest["articles_per_s"] > 0 and ingest["baseline"]["articles_per_s"] > 0
            reads = run["reads"][kind]
            assert set(reads) == routes
            for route, cells in reads.items():
                levels = {"1", "16", "64"} if route in api_load.HOT else {"1", "16"}
                assert set(cells) == levels, route
                assert all(c["requests"] >= 1 and c["errors"] == 0 for c in cells.values()), (
                    route,
                    cells,
                )
            assert set(run["export"][kind]) >= {"ntriples", "turtle", "nquads"}
            assert all(e["finished"] and e["bytes"] > 0 for e in run["export"][kind].values())
    for kind in stores:
        assert f"| {kind} entity p99 @16 <= 20 ms |" in text
        assert f"| {kind} search p99 @64 <= 100 ms |" in text


def test_bench_smoke_embedded(tmp_path: Path) -> None:
    results, text = _smoke(tmp_path, "embedded")
    _check_structure(results, text, ["embedded"])
    assert "neo4j" not in results["runs"][0]["ingest"]


@pytest.mark.neo4j
def test_bench_smoke_neo4j(tmp_path: Path, neo4j: Any) -> None:
    """The Neo4j half too; the session fixture holds the test runs' lock, so --no-lock."""
    results, text = _smoke(tmp_path, "neo4j", "--no-lock")
    _check_structure(results, text, ["neo4j"])
    assert "| neo4j entity p99 @16" in text
    assert neo4j.stats().articles == SIZES[-1]  # the store it read from holds the corpus


# -- the corpus ------------------------------------------------------------------------------


def test_corpus_is_seeded_and_grows_as_one() -> None:
    small, big = make_corpus(30, seed=3), make_corpus(30, seed=3)
    assert small == big
    assert make_corpus(30, seed=4) != small
    assert [g.article.id for g in make_corpus(40, seed=3)[:30]] == [g.article.id for g in small]


def test_corpus_gold_facts_fit_the_ontology() -> None:
    ont = get_ontology()
    for g in make_corpus(60):
        types = {eid: t for t, eid in g.entities}
        assert g.facts and len(types) == len(g.entities)
        for rel, source, target in g.facts:
            spec = ont.relations[rel]
            assert types[source] in spec.sources and types[target] in spec.targets, (rel, g)


def _as_extraction(g: GoldArticle) -> Extraction:
    entities = [Entity(id=eid, type=t, name=eid.split(":", 1)[1]) for t, eid in g.entities]
    relations = [Relation(type=r, source=s, target=t) for r, s, t in g.facts]
    return Extraction(article=g.article, entities=entities, relations=relations)


def test_score_counts_what_was_missed_and_added() -> None:
    golds = make_corpus(20)
    perfect = [_as_extraction(g) for g in golds]
    s = score(golds, perfect)
    assert s["entities"].f1 == 1.0 and s["facts"].f1 == 1.0
    first = perfect[0]
    fewer = first.model_copy(update={"relations": first.relations[1:]})
    s = score(golds, [fewer, *perfect[1:]])
    assert s["facts"].recall < 1.0 and s["facts"].precision == 1.0
    s = score(golds, perfect[1:])  # one article not extracted at all
    assert s["entities"].recall < 1.0


# -- the ingest baseline writes the same rows as the store ----------------------------------


def test_sqlite_baseline_writes_the_rows_the_store_writes(tmp_path: Path) -> None:
    xs = [extract_article(g.article) for g in make_corpus(40)]
    batches = run_all.batched(xs, 15)
    baselines.sqlite_executemany(batches, tmp_path / "raw")
    store = EmbeddedStore(tmp_path / "store")
    try:
        for b in batches:
            store.upsert_many(b)
    finally:
        store.close()
    raw = sqlite3.connect(tmp_path / "raw" / "raw.sqlite3")
    mine = sqlite3.connect(tmp_path / "store" / DB_NAME)
    for table in ("articles", "entities", "mentions", "fact_support"):
        count = f"SELECT count(*) FROM {table}"
        assert raw.execute(count).fetchone() == mine.execute(count).fetchone(), table
    # the store keeps one alias per distinct name of an entity; the baseline every one given
    raw_aliases, aliases = (
        c.execute("SELECT count(*) FROM aliases").fetchone()[0] for c in (raw, mine)
    )
    assert raw_aliases >= aliases > 0
    assert raw.execute("SELECT count(*) FROM facts").fetchone()[0] > 0


def test_embedded_ingest_bench_reports_both_sides(tmp_path: Path) -> None:
    """bench/embedded_ingest.py: the store and the raw baseline on the same cached
    extractions, wall and CPU; structure and finiteness only, never a timing."""
    import embedded_ingest

    argv = ["--size", "12", "--batch", "5", "--cache", str(tmp_path)]
    out = embedded_ingest.main(argv)
    assert out["articles"] == 12 and out["relations"] > 0
    assert (tmp_path / "extractions-12-0.pickle").exists()
    assert embedded_ingest.main(argv)["relations"] == out["relations"]  # from the cache
    for where, value in _numbers(out):
        assert math.isfinite(value) and value >= 0, where
    assert out["store"]["cpu_seconds"] > 0 and out["raw"]["cpu_seconds"] > 0
    assert out["cpu_ratio_with_prepare"] >= out["cpu_ratio"]  # the rows' building added


def test_ingest_statements_bench_counts_each_sides_statements(tmp_path: Path) -> None:
    """bench/ingest_statements.py: both sides' statements counted (rows and CPU), the
    connect it patches given back; structure only, never a timing."""
    import ingest_statements

    argv = ["--size", "12", "--batch", "5", "--cache", str(tmp_path), "--top", "50"]
    out = ingest_statements.main(argv)
    assert sqlite3.connect is ingest_statements._connect
    for side in ("store", "raw"):
        rows = {s["sql"].split(" (")[0]: s["rows"] for s in out[side]["top"]}
        assert 0 < rows["INSERT OR REPLACE INTO fact_support"] <= out["relations"], side
        assert out[side]["statements_cpu_seconds"] <= out[side]["cpu_seconds"] + 0.002, side
