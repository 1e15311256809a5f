"""Where a batched Neo4j write's server time goes, per statement, as the graph grows.

Loads `--articles` articles of the bench corpus (bench/corpus.py, extracted as
bench/neo4j_batch_ingest.py does) into the emptied database with `upsert_many`, BATCH
articles per transaction, every statement of every batch waited for as it is sent (the
store sends most without waiting: the figures are the server's, not the store's wall
time) and timed by the server (`result_available_after + result_consumed_after`), and
the commit timed by the client (the end of the transaction function to the end of
`execute_write`). Printed per chunk of `--chunk` articles: server ms per article of each
statement (named by its first words), of the commit, and the JVM's CPU (`/proc`, when the
server runs here). A statement whose cost per article grows from chunk to chunk is what
makes the ingest slow down as the graph grows.

At the end, the sizes of the per-article lists the graph keeps (how many entries the
stored lists a batch rewrites hold).

The database is WIPED first: the script refuses to run without --wipe.

    .venv/bin/python bench/neo4j_statements.py --wipe [--articles 10000] [--chunk 2000]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent))

from neo4j_batch_ingest import BATCH, ServerCpu, batched, corpus  # noqa: E402

from graph.settings import load_settings  # noqa: E402
from graph.store.neo4j import quiet  # noqa: E402
from graph.store.neo4j.store import Neo4jStore  # noqa: E402

COMMIT = "(commit)"


class _Done:
    """A statement's records, read at once (what the store's callers ask of a result)."""

    def __init__(self, records: list[Any]) -> None:
        self.records = records

    def single(self) -> Any:
        return self.records[0] if self.records else None

    def consume(self) -> None:
        return None

    def __iter__(self) -> Any:
        return iter(self.records)


def _name(query: str) -> str:
    words = " ".join(str(query).replace("CYPHER replan=skip ", "").split())
    return words[:70]


class Timer:
    """Every statement of the store's write transactions made to wait, its server
    milliseconds added to `times[name]`; each write's commit timed as `COMMIT` (from its
    transaction function's return to the end of `execute_write`)."""

    def __init__(self, neo: Neo4jStore) -> None:
        self.times: dict[str, float] = defaultdict(float)
        self.original = quiet.QuietTransaction.run
        timer = self

        def run(tx: Any, query: Any, parameters: dict[str, Any] | None = None, **kw: Any) -> Any:
            result = timer.original(tx, query, parameters, **kw)
            records = list(result)
            summary = result.consume()
            spent = (summary.result_available_after or 0) + (summary.result_consumed_after or 0)
            timer.times[_name(query)] += spent
            return _Done(records)

        quiet.QuietTransaction.run = run  # type: ignore[method-assign,assignment]
        write = neo.write

        def timed(work: Any, *args: Any) -> Any:
            ended: list[float] = []

            def marked(tx: Any, *a: Any) -> Any:
                out = work(tx, *a)
                ended.append(time.perf_counter())
                return out

            out = write(marked, *args)
            timer.times[COMMIT] += 1000 * (time.perf_counter() - ended[-1])
            return out

        neo.write = timed  # type: ignore[method-assign]

    def restore(self) -> None:
        quiet.QuietTransaction.run = self.original  # type: ignore[method-assign]


LIST_SIZES = {
    "alias support (per alias)": (
        "MATCH (al:Alias) RETURN avg(COUNT { (al)-[:NAMED_IN]->() }) AS mean, "
        "max(COUNT { (al)-[:NAMED_IN]->() }) AS top, count(al) AS n"
    ),
    "alias sources list (per alias)": (
        "MATCH (al:Alias) WHERE al.sources IS NOT NULL "
        "RETURN avg(size(al.sources)) AS mean, max(size(al.sources)) AS top, count(al) AS n"
    ),
    "event sources list (per event)": (
        "MATCH ()-[r]->() WHERE r.sources IS NOT NULL "
        "RETURN avg(size(r.sources)) AS mean, max(size(r.sources)) AS top, count(r) AS n"
    ),
}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--chunk", type=int, default=2_000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "cryptoreg-bench"
    )
    parser.add_argument("--top", type=int, default=14, help="statements printed")
    parser.add_argument("--wipe", action="store_true", help="allow wiping the Neo4j database")
    args = parser.parse_args(argv)
    if not args.wipe:
        parser.error("this benchmark deletes everything in the Neo4j database: pass --wipe")
    s = load_settings()
    xs = corpus("bench", args.articles, args.seed, args.cache)
    neo = Neo4jStore(s.neo4j_uri, s.neo4j_user, s.neo4j_password, s.neo4j_database)
    server = ServerCpu(s)
    neo.clear()
    chunks: list[tuple[int, dict[str, float], float | None, float]] = []
    timer = Timer(neo)
    try:
        done = 0
        for part in batched(xs, args.chunk):
            times = timer.times = defaultdict(float)
            s0, t0 = server.seconds(), time.perf_counter()
            for b in batched(part, BATCH):
                neo.upsert_many(b)
            wall = time.perf_counter() - t0
            s1 = server.seconds()
            done += len(part)
            cpu = None if s0 is None or s1 is None else 1000 * (s1 - s0) / len(part)
            chunks.append((done, {k: v / len(part) for k, v in times.items()}, cpu, wall))
            print(
                f"{done:>7} articles: {len(part) / wall:6.1f} articles/s, JVM CPU "
                f"{'-' if cpu is None else f'{cpu:.3f}'} ms/article",
                flush=True,
            )
        totals: dict[str, float] = defaultdict(float)
        for _, per, _, _ in chunks:
            for k, v in per.items():
                totals[k] += v
        names = sorted(totals, key=lambda k: -totals[k])[: args.top]
        head = " | ".join(f"{n // 1000}k" for n, _, _, _ in chunks)
        print(
            f"\nserver ms per article, by chunk (articles stored after it)\n| statement | {head} |"
        )
        for name in names:
            print(
                f"| {name} | "
                + " | ".join(f"{per.get(name, 0.0):.3f}" for _, per, _, _ in chunks)
                + " |"
            )
        print(
            "| all statements | "
            + " | ".join(
                f"{sum(v for k, v in per.items() if k != COMMIT):.3f}" for _, per, _, _ in chunks
            )
            + " |"
        )
        for label, query in LIST_SIZES.items():
            rows = neo.read(query)
            if rows and rows[0]["n"]:
                r = rows[0]
                print(f"{label}: mean {r['mean']:.1f}, max {r['top']}, over {r['n']}")
    finally:
        timer.restore()
        neo.clear()
        neo.close()


if __name__ == "__main__":
    main()
