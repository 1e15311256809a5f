"""Write throughput of the Neo4j store, against the embedded store as the same-run baseline.

Builds --articles extractions by cycling the gold corpora (seed + dev) under new article
ids, so bodies recur (identity resolution and fact merging are exercised, facts gather
sources), writes them through `upsert` one article per transaction into each store,
then retracts a tenth of them. Prints articles/s and facts/s per store and the ratio.

The Neo4j database is WIPED first, so the script refuses to run without --wipe. Point it
at a scratch server (e.g. NEO4J_URI=bolt://127.0.0.1:7688) rather than a shared one.

    .venv/bin/python bench/neo4j_write.py --wipe [--articles 300] [--uri bolt://...]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from graph.models import Extraction
from graph.settings import load_settings
from graph.store.embedded.store import EmbeddedStore
from graph.store.neo4j.store import Neo4jStore

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))  # test support
from gold import load_gold_corpus  # noqa: E402

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def workload(n: int) -> list[Extraction]:
    """`n` gold extractions, cycled, each under a fresh article id."""
    gold = load_gold_corpus(CORPUS / "seed") + load_gold_corpus(CORPUS / "dev")
    out = []
    for i in range(n):
        x = gold[i % len(gold)]
        art = x.article.model_copy(update={"id": f"{x.article.id}-{i:05d}"})
        rels = [r.model_copy(update={"sources": [art.id]}) for r in x.relations]
        out.append(x.model_copy(update={"article": art, "relations": rels}))
    return out


def timed(label: str, fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    took = time.perf_counter() - start
    print(f"  {label:<28} {took:8.2f} s")
    return took


def run(store: Any, name: str, xs: list[Extraction]) -> dict[str, float]:
    """Upsert all, re-upsert a tenth (no-op rewrites), retract a tenth; seconds each."""
    print(name)
    tenth = xs[: max(1, len(xs) // 10)]
    out = {
        "upsert": timed(f"upsert {len(xs)} articles", lambda: [store.upsert(x) for x in xs]),
        "reupsert": timed(f"re-upsert {len(tenth)}", lambda: [store.upsert(x) for x in tenth]),
        "retract": timed(
            f"retract {len(tenth)}", lambda: [store.retract(x.article.id) for x in tenth]
        ),
    }
    stats = store.stats()
    print(f"  left: {stats.articles} articles, {sum(stats.relations_by_type.values())} facts")
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--uri", default=None, help="Neo4j bolt URI (default from settings)")
    parser.add_argument("--wipe", action="store_true", help="allow wiping the Neo4j database")
    args = parser.parse_args()
    if not args.wipe:
        parser.error("this benchmark deletes everything in the Neo4j database: pass --wipe")
    s = load_settings()
    xs = workload(args.articles)
    facts = sum(len(x.relations) for x in xs)
    print(f"{len(xs)} articles, {facts} relation statements")
    neo = Neo4jStore(args.uri or s.neo4j_uri, s.neo4j_user, s.neo4j_password, s.neo4j_database)
    neo.clear()
    neo.upsert_many(workload(16))  # warm the plan cache, then start empty again
    neo.clear()
    with tempfile.TemporaryDirectory() as tmp:
        emb = EmbeddedStore(Path(tmp))
        base = run(emb, "embedded (SQLite, baseline)", xs)
        emb.close()
    mine = run(neo, f"neo4j {neo.ping()}", xs)
    neo.clear()
    neo.close()
    print("\nthroughput (articles/s, relation statements/s) and ratio neo4j / embedded")
    for key in ("upsert", "reupsert", "retract"):
        n = len(xs) if key == "upsert" else max(1, len(xs) // 10)
        print(
            f"  {key:<9} embedded {n / base[key]:7.1f}/s   neo4j {n / mine[key]:7.1f}/s"
            f"   ratio {base[key] / mine[key]:.2f}"
        )
    emb_rate, neo_rate = facts / base["upsert"], facts / mine["upsert"]
    print(f"  relation statements/s on upsert: embedded {emb_rate:.0f}, neo4j {neo_rate:.0f}")


if __name__ == "__main__":
    main()
