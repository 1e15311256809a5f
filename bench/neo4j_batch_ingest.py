"""Batched Neo4j ingest against a naive batched UNWIND of the same rows (issue 16, point 1).

In one run on one server:

1. **naive**: the same articles written as plain rows, `--naive-batch` articles per
   transaction: `UNWIND` MERGE of articles and entities, CREATE of the mentions and of
   one relationship per report (no identity resolution, no events, no provenance lists,
   no garbage collection): what the server does at the least for these rows;
2. **store**: `Neo4jStore.upsert_many` of the same extractions, `--chunk` articles per
   call (the store writes BATCH articles per transaction), printing the rate of every
   chunk as the graph grows, so a rate that falls with the size of the graph shows.

Printed: articles/s and relation statements/s of each, the store's rate as a share of
the naive one (the issue asks >= 30%), and the per-chunk rates (the issue asks for a flat
rate from 1k to 100k articles; give --articles what fits your time: ~1,000 articles/s
on a 2-core machine means 100k in a few minutes).

Corpora (`--corpus`): `synthetic` (default; bench/read_load.py `synthetic`: 24
regulators seated in 8 places acting on 200 exchanges, dated actions and fines, so
hubs grow with the graph) or `gold` (the gold corpora cycled under new ids, as
bench/neo4j_write.py: the same few hundred relations stated again and again).

The Neo4j database is WIPED first, so the script refuses to run without --wipe. Point it
at a scratch server (e.g. NEO4J_URI=bolt://127.0.0.1:7688), not a shared one.

    .venv/bin/python bench/neo4j_batch_ingest.py --wipe [--articles 10000] [--chunk 1000]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent))

from graph.errors import StoreUnavailableError  # noqa: E402
from graph.models import Extraction  # noqa: E402
from graph.settings import load_settings  # noqa: E402
from graph.store.neo4j import store as neo4j_store  # noqa: E402
from graph.store.neo4j.store import Neo4jStore  # noqa: E402

NAIVE_ARTICLES = "UNWIND $rows AS row MERGE (a:Article {id: row.id}) SET a += row.props"
NAIVE_ENTITIES = (
    "UNWIND $rows AS row MERGE (e:Entity {id: row.id}) ON CREATE SET e += row.props "
    "WITH e, row MATCH (a:Article {id: row.article}) CREATE (e)-[:MENTIONED_IN]->(a)"
)
NAIVE_RELATIONS = (
    "UNWIND $rows AS row MATCH (s:Entity {id: row.source}) MATCH (t:Entity {id: row.target}) "
    "CREATE (s)-[:NAIVE_FACT {type: row.type, source: row.article, evidence: row.evidence, "
    "date: row.date}]->(t)"
)


def corpus(kind: str) -> Callable[[int], Extraction]:
    """Article i of the chosen corpus."""
    if kind == "synthetic":
        from read_load import synthetic

        return synthetic
    from neo4j_write import workload

    gold = workload(1000)
    return lambda i: gold[i % len(gold)].model_copy(
        update={"article": gold[i % len(gold)].article.model_copy(update={"id": f"g-{i:07d}"})}
    )


def naive_rows(xs: list[Extraction]) -> dict[str, list[dict[str, Any]]]:
    """The batch as plain rows: articles, (entity, article) pairs, one row per report."""
    arts, ents, rels = [], [], []
    for x in xs:
        aid = x.article.id
        props = {"title": x.article.title, "text": x.article.text, "publisher": None}
        arts.append({"id": aid, "props": {k: v for k, v in props.items() if v is not None}})
        for e in x.entities:
            ents.append({"id": e.id, "article": aid, "props": {"name": e.name, "type": e.type}})
        for r in x.relations:
            rels.append(
                {
                    "source": r.source,
                    "target": r.target,
                    "type": r.type,
                    "article": aid,
                    "evidence": r.evidence or "",
                    "date": r.date or "",
                }
            )
    return {"articles": arts, "entities": ents, "relations": rels}


def naive(neo: Neo4jStore, make: Callable[[int], Extraction], n: int, batch: int) -> float:
    """Seconds to write n articles as naive rows, `batch` articles per transaction."""

    def write(tx: Any, rows: dict[str, list[dict[str, Any]]]) -> None:
        tx.run(NAIVE_ARTICLES, rows=rows["articles"]).consume()
        tx.run(NAIVE_ENTITIES, rows=rows["entities"]).consume()
        tx.run(NAIVE_RELATIONS, rows=rows["relations"]).consume()

    took = 0.0
    for start in range(0, n, batch):
        rows = naive_rows([make(i) for i in range(start, min(n, start + batch))])
        began = time.perf_counter()
        neo.write(write, rows)
        took += time.perf_counter() - began
    return took


def store_rates(
    neo: Neo4jStore, make: Callable[[int], Extraction], n: int, chunk: int
) -> tuple[float, list[tuple[int, float]]]:
    """Seconds to upsert n articles, and (articles stored after the chunk, articles/s) per chunk."""
    took, rates = 0.0, []
    for start in range(0, n, chunk):
        xs = [make(i) for i in range(start, min(n, start + chunk))]
        began = time.perf_counter()
        neo.upsert_many(xs)
        spent = time.perf_counter() - began
        took += spent
        rates.append((start + len(xs), len(xs) / spent))
        print(
            f"  {start + len(xs):>8} articles stored: {len(xs) / spent:8.1f} articles/s", flush=True
        )
    return took, rates


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--chunk", type=int, default=1_000, help="articles per upsert_many")
    parser.add_argument("--naive-batch", type=int, default=200, help="articles per naive tx")
    parser.add_argument("--corpus", choices=("synthetic", "gold"), default="synthetic")
    parser.add_argument("--uri", default=None, help="Neo4j bolt URI (default from settings)")
    parser.add_argument("--wipe", action="store_true", help="allow wiping the Neo4j database")
    args = parser.parse_args()
    if not args.wipe:
        parser.error("this benchmark deletes everything in the Neo4j database: pass --wipe")
    s = load_settings()
    make = corpus(args.corpus)
    n = args.articles
    statements = sum(len(make(i).relations) for i in range(min(n, 1000))) / min(n, 1000)
    neo = Neo4jStore(args.uri or s.neo4j_uri, s.neo4j_user, s.neo4j_password, s.neo4j_database)
    print(
        f"neo4j {neo.ping()}: {n} articles of the {args.corpus} corpus "
        f"(~{statements:.1f} relation statements each); store BATCH {neo4j_store.BATCH}, "
        f"naive {args.naive_batch} per transaction"
    )
    neo.clear()
    naive(neo, make, min(n, 400), args.naive_batch)  # warm the plan cache
    neo.clear()
    base = naive(neo, make, n, args.naive_batch)
    print(f"naive: {n / base:8.1f} articles/s ({n * statements / base:8.0f} relations/s)")
    neo.clear()
    neo.upsert_many([make(i) for i in range(min(n, 200))])
    neo.clear()
    print("store, per chunk:")
    mine, rates = store_rates(neo, make, n, args.chunk)
    print(f"store: {n / mine:8.1f} articles/s ({n * statements / mine:8.0f} relations/s)")
    print(f"store / naive: {base / mine:.1%} (the issue asks >= 30%)")
    first, last, best = rates[0][1], rates[-1][1], max(r for _, r in rates)
    print(
        f"per-chunk rate: first {first:.1f}/s, last {last:.1f}/s, best {best:.1f}/s, "
        f"last/first {last / first:.2f}, last/best {last / best:.2f}"
    )
    stats = neo.stats()
    print(
        f"left: {stats.articles} articles, {sum(stats.entities_by_type.values())} entities, "
        f"{sum(stats.relations_by_type.values())} events"
    )
    try:
        neo.clear()
    except StoreUnavailableError as exc:  # a busy server may time out deleting it all
        print(f"(not cleared: {exc})")
    neo.close()


if __name__ == "__main__":
    main()
