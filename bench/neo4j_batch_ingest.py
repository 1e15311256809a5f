"""Batched Neo4j ingest against the naive batched UNWIND of the same rows (issue 16, point 1).

The figure the issue asks for (the store's rate >= 30% of a naive batched `UNWIND` of the
same rows on the same server) measured so that a shared machine's load cannot make it up:

* **the same naive writer as `make bench`**: bench/baselines.py `neo4j_unwind` (MERGE of
  articles, entities with their label and aliases, one relationship per event with its
  sources and evidence lists), 200 articles per transaction, on the same server;
* **the same clock**: both writers start from the same `Extraction`s and each batch's
  clock covers turning them into parameters, the statements and the commit (the store
  cannot build its rows outside its transaction; the baseline builds them inside its
  clock too);
* **interleaved rounds**: `--rounds` times, each writer loads the corpus into the
  emptied database, in the order naive, store, store, naive, naive, ... so that a burst
  of load on the machine lands on both sides over the run; the ratio is given per
  round and over the rounds after the first (with three or more): on a server started
  for the run, the first round runs on a JVM still compiling, which costs the writer
  that runs first the most (docs/scaling.md);
* **CPU beside wall time**: the client's CPU (`time.process_time`) and, when the server
  runs on this machine (its pid in `$NEO4J_HOME/run/neo4j.pid`), the server's
  (`/proc/<pid>/stat`): CPU per article moves much less with the machine's load.

The store's rate is also printed per chunk of `--chunk` articles as the graph grows (the
issue asks for a flat rate from 1k to 100k articles), with its CPU (client and server)
per article of each chunk, which the machine's load moves much less than wall time.

Corpora (`--corpus`): `bench` (default: bench/corpus.py's seeded articles, extracted
once and cached, as `make bench` ingests them), `synthetic` (bench/read_load.py: 24
regulators acting on 200 exchanges, every report of a relation stated again and again)
or `gold` (the gold corpora cycled under new ids, as bench/neo4j_write.py).

The Neo4j database is WIPED first, so the script refuses to run without --wipe. Point it
at a scratch server, not a shared one.

    .venv/bin/python bench/neo4j_batch_ingest.py --wipe [--articles 10000] [--rounds 3]
        [--corpus bench] [--chunk 1000] [--json FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT.parent))

import baselines  # noqa: E402

from graph.models import Extraction  # noqa: E402
from graph.settings import Settings, load_settings  # noqa: E402
from graph.store.neo4j import store as neo4j_store  # noqa: E402
from graph.store.neo4j.store import Neo4jStore  # noqa: E402

BATCH = 200  # articles per transaction on both sides (the store's BATCH)


def corpus(kind: str, n: int, seed: int, cache: Path) -> list[Extraction]:
    """The first n articles of the chosen corpus, as extractions."""
    if kind == "bench":
        from embedded_ingest import extracted

        return extracted(n, seed, cache)[:n]
    if kind == "synthetic":
        from read_load import synthetic

        return [synthetic(i) for i in range(n)]
    from neo4j_write import workload

    gold = workload(1000)
    return [
        gold[i % len(gold)].model_copy(
            update={"article": gold[i % len(gold)].article.model_copy(update={"id": f"g-{i:07d}"})}
        )
        for i in range(n)
    ]


class ServerCpu:
    """The Neo4j server's CPU seconds so far, from /proc (None when it is not local)."""

    def __init__(self, settings: Settings) -> None:
        self.stat: Path | None = None
        try:
            pid = int((settings.neo4j_home / "run" / "neo4j.pid").read_text().strip())
            self.stat = Path(f"/proc/{pid}/stat")
            self.stat.read_text()
        except (OSError, ValueError):
            self.stat = None
        self.tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100

    def seconds(self) -> float | None:
        if self.stat is None:
            return None
        fields = self.stat.read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / self.tick  # utime + stime


@dataclass
class Side:
    """One writer's load of the corpus: wall and CPU seconds, per batch wall times."""

    wall: float = 0.0
    client_cpu: float = 0.0
    server_cpu: float | None = None
    batch_walls: list[float] = field(default_factory=list)
    batch_cpus: list[float] = field(default_factory=list)  # client + server, when known

    def per_article_ms(self, n: int) -> dict[str, float | None]:
        return {
            "wall": 1000 * self.wall / n,
            "client_cpu": 1000 * self.client_cpu / n,
            "server_cpu": None if self.server_cpu is None else 1000 * self.server_cpu / n,
        }


def _measured(server: ServerCpu, run: Callable[[], list[float]]) -> Side:
    s0, c0, t0 = server.seconds(), time.process_time(), time.perf_counter()
    walls = run()
    wall, cpu, s1 = time.perf_counter() - t0, time.process_time() - c0, server.seconds()
    spent = None if s0 is None or s1 is None else s1 - s0
    return Side(wall=wall, client_cpu=cpu, server_cpu=spent, batch_walls=walls)


def _cpu_now(server: ServerCpu) -> float:
    """Client plus server CPU seconds so far (the client's alone when the server is not
    local)."""
    return time.process_time() + (server.seconds() or 0.0)


def batched(xs: Sequence[Extraction], size: int = BATCH) -> list[Sequence[Extraction]]:
    return [xs[i : i + size] for i in range(0, len(xs), size)]


def naive(neo: Neo4jStore, driver: Any, xs: Sequence[Extraction], server: ServerCpu) -> Side:
    """bench/baselines.py's naive UNWIND of xs into the emptied database."""
    neo.clear()
    return _measured(server, lambda: baselines.neo4j_unwind(batched(xs), driver, neo.database))


def store(neo: Neo4jStore, xs: Sequence[Extraction], server: ServerCpu) -> Side:
    """`upsert_many` of xs into the emptied database, BATCH articles per call."""
    neo.clear()
    cpus: list[float] = []

    def run() -> list[float]:
        walls = []
        for b in batched(xs):
            t0, c0 = time.perf_counter(), _cpu_now(server)
            neo.upsert_many(b)
            walls.append(time.perf_counter() - t0)
            cpus.append(_cpu_now(server) - c0)
        return walls

    side = _measured(server, run)
    side.batch_cpus = cpus
    return side


def chunk_rates(walls: list[float], chunk: int) -> list[tuple[int, float]]:
    """(articles stored after the chunk, articles/s of the chunk) per `chunk` articles."""
    per = max(1, chunk // BATCH)
    out = []
    for i in range(0, len(walls), per):
        part = walls[i : i + per]
        out.append(((i + len(part)) * BATCH, len(part) * BATCH / sum(part)))
    return out


def chunk_cpu(cpus: list[float], chunk: int) -> list[tuple[int, float]]:
    """(articles stored after the chunk, CPU ms per article of the chunk, client and
    server) per `chunk` articles: a chunk's rate that the machine's load moves less."""
    per = max(1, chunk // BATCH)
    return [
        ((i + len(cpus[i : i + per])) * BATCH, 1000 * sum(cpus[i : i + per]) / (per * BATCH))
        for i in range(0, len(cpus), per)
    ]


def ratios(naive_side: Side, store_side: Side) -> dict[str, float | None]:
    """Store rate / naive rate: by wall time, and by CPU (client + server) per article."""
    cpu_n = naive_side.client_cpu + (naive_side.server_cpu or 0.0)
    cpu_s = store_side.client_cpu + (store_side.server_cpu or 0.0)
    both = naive_side.server_cpu is not None and store_side.server_cpu is not None
    return {
        "wall": naive_side.wall / store_side.wall,
        "cpu": cpu_n / cpu_s if both else None,
        "client_cpu": naive_side.client_cpu / store_side.client_cpu,
        "server_cpu": (naive_side.server_cpu or 0.0) / store_side.server_cpu
        if both and store_side.server_cpu
        else None,
    }


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--rounds", type=int, default=3, help="loads of each writer")
    parser.add_argument("--chunk", type=int, default=1_000, help="articles per printed rate")
    parser.add_argument("--corpus", choices=("bench", "synthetic", "gold"), default="bench")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--warm", type=int, default=300, help="articles each writes first")
    parser.add_argument(
        "--cache", type=Path, default=Path(tempfile.gettempdir()) / "cryptoreg-bench"
    )
    parser.add_argument("--json", type=Path, default=None, help="write the figures here")
    parser.add_argument("--wipe", action="store_true", help="allow wiping the Neo4j database")
    args = parser.parse_args(argv)
    if not args.wipe:
        parser.error("this benchmark deletes everything in the Neo4j database: pass --wipe")
    from neo4j import GraphDatabase

    s = load_settings()
    n = args.articles
    xs = corpus(args.corpus, n, args.seed, args.cache)
    n = len(xs)
    warm = corpus(args.corpus, args.warm, args.seed + 1, args.cache)
    if args.corpus != "bench":  # the same generator: other ids for the warm-up
        warm = [
            x.model_copy(update={"article": x.article.model_copy(update={"id": f"w-{i}"})})
            for i, x in enumerate(warm)
        ]
    relations = sum(len(x.relations) for x in xs)
    server = ServerCpu(s)
    neo = Neo4jStore(s.neo4j_uri, s.neo4j_user, s.neo4j_password, s.neo4j_database)
    driver = GraphDatabase.driver(s.neo4j_uri, auth=(s.neo4j_user, s.neo4j_password))
    print(
        f"neo4j {neo.ping()} at {s.neo4j_uri}: {n} articles of the {args.corpus} corpus "
        f"({relations / n:.1f} relation statements each), {BATCH} per transaction "
        f"(store BATCH {neo4j_store.BATCH}); load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    out: dict[str, Any] = {
        "articles": n,
        "corpus": args.corpus,
        "load_before": os.getloadavg()[0],
        "rounds": [],
    }
    try:
        naive(neo, driver, warm, server)  # plans compiled and the server warm, both sides
        store(neo, warm, server)
        for r in range(args.rounds):
            order = ("naive", "store") if r % 2 == 0 else ("store", "naive")
            sides: dict[str, Side] = {}
            for which in order:
                if which == "naive":
                    sides[which] = naive(neo, driver, xs, server)
                else:
                    sides[which] = store(neo, xs, server)
            rat = ratios(sides["naive"], sides["store"])
            rates = chunk_rates(sides["store"].batch_walls, args.chunk)
            naive_rates = chunk_rates(sides["naive"].batch_walls, args.chunk)
            cpu_rates = chunk_cpu(sides["store"].batch_cpus, args.chunk)
            out["rounds"].append(
                {
                    "order": list(order),
                    "load": os.getloadavg()[0],
                    "naive_ms": sides["naive"].per_article_ms(n),
                    "store_ms": sides["store"].per_article_ms(n),
                    "ratio": rat,
                    "store_chunks": rates,
                    "naive_chunks": naive_rates,
                    "store_chunk_cpu_ms": cpu_rates,
                }
            )
            print(
                f"round {r + 1} ({' then '.join(order)}, load {os.getloadavg()[0]:.1f}): "
                f"naive {n / sides['naive'].wall:7.1f}/s, store {n / sides['store'].wall:7.1f}/s; "
                f"store/naive wall {rat['wall']:.3f}, CPU {_fmt(rat['cpu'])} "
                f"(client {_fmt(rat['client_cpu'])}, server {_fmt(rat['server_cpu'])})",
                flush=True,
            )
            for label, side in (("naive", sides["naive"]), ("store", sides["store"])):
                ms = side.per_article_ms(n)
                print(
                    f"  {label} ms/article: wall {ms['wall']:.3f}, client CPU "
                    f"{ms['client_cpu']:.3f}, server CPU {_fmt(ms['server_cpu'])}"
                )
            for label, per in (("store", rates), ("naive", naive_rates)):
                print(
                    f"  {label} per chunk: "
                    + ", ".join(f"{k / 1000:g}k {v:.0f}" for k, v in per)
                    + f"  (last/first {per[-1][1] / per[0][1]:.2f})",
                    flush=True,
                )
            print(
                "  store CPU ms/article per chunk (client + server): "
                + ", ".join(f"{k / 1000:g}k {v:.2f}" for k, v in cpu_rates)
                + f"  (last/first {cpu_rates[-1][1] / cpu_rates[0][1]:.2f})",
                flush=True,
            )
    finally:
        driver.close()
        neo.clear()
        neo.close()
    # a freshly started server's JVM is still compiling: its first round costs both sides
    # more, the one that runs first most (docs/scaling.md); the figure is the later rounds'
    warm = out["rounds"][1:] if len(out["rounds"]) >= 3 else out["rounds"]
    walls = {k: [r[k]["wall"] for r in warm] for k in ("naive_ms", "store_ms")}
    out["ratio_wall"] = sum(walls["naive_ms"]) / sum(walls["store_ms"])
    out["ratio_wall_median"] = statistics.median(r["ratio"]["wall"] for r in warm)
    cpus = [r["ratio"]["cpu"] for r in warm if r["ratio"]["cpu"] is not None]
    out["ratio_cpu_median"] = statistics.median(cpus) if cpus else None
    out["load_after"] = os.getloadavg()[0]
    print(
        f"store / naive over rounds {len(out['rounds']) - len(warm) + 1}-{len(out['rounds'])}: "
        f"wall {out['ratio_wall']:.3f} (median of rounds {out['ratio_wall_median']:.3f}), "
        f"CPU {_fmt(out['ratio_cpu_median'])}; the issue asks >= 0.30"
    )
    if args.json:
        args.json.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
    return out


def _fmt(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


if __name__ == "__main__":
    main()
