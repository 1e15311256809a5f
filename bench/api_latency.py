"""API latency under concurrency, per store, against a no-store baseline in the same run.

For each store (embedded, neo4j): load seed + dev gold, start `uvicorn api.app:create_app`
on 127.0.0.1 at a free port in a child process, then run bounded asyncio httpx clients
at 1, 16 and 64 concurrent clients for:

* ping: GET /ping (no store; the HTTP stack's own cost, the baseline)
* health: GET /health (one store round trip)
* entity: GET /entities/{id}, cycling over the store's entities
* hop2: GET /entities/{id}/neighborhood?depth=2, same ids

and print p50/p99 latency, requests per second, and each scenario's p50 as a multiple of
ping's p50 at the same concurrency. Every loop is bounded by a request count and a time
budget; the server is stopped at the end. Loading into Neo4j wipes its database first.

    .venv/bin/python bench/api_latency.py [--stores embedded,neo4j] [--requests 400]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the gold loader is test support

from gold import load_gold_corpus  # noqa: E402

from graph.settings import load_settings  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus"
LEVELS = (1, 16, 64)
BUDGET_S = 20.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def load_store(kind: str, data_dir: Path) -> None:
    """Fill the store the server will open with seed + dev gold."""
    gold = load_gold_corpus(CORPUS / "seed") + load_gold_corpus(CORPUS / "dev")
    store: Any
    if kind == "embedded":
        from graph.store.embedded.store import EmbeddedStore

        store = EmbeddedStore(data_dir)
        store.clear()
    else:
        from graph.store.neo4j.store import Neo4jStore

        s = load_settings()
        store = Neo4jStore(
            uri=s.neo4j_uri, user=s.neo4j_user, password=s.neo4j_password, database=s.neo4j_database
        )
        store.clear()
    try:
        for extraction in gold:
            store.upsert(extraction)
    finally:
        store.close()


def start_server(kind: str, data_dir: Path, port: int) -> subprocess.Popen[bytes]:
    env = {**os.environ, "CRYPTOREG_STORE": kind, "CRYPTOREG_DATA_DIR": str(data_dir)}
    cmd = [
        sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            pass
        if proc.poll() is not None:
            raise RuntimeError(f"uvicorn exited with {proc.returncode}")
        time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("the server did not answer /health within 60 s")


async def run_level(
    base: str, make_path: Callable[[int], str], clients: int, total: int
) -> tuple[list[float], float, int]:
    """`total` requests by `clients` concurrent clients, each its own httpx.AsyncClient on
    one kept-alive connection (a shared pool of many connections costs the client more
    than the server), after two unrecorded warm-up requests per client; latencies (ms)
    elapsed seconds, and the number of non-200 answers (a shared Neo4j wiped mid-run)."""
    latencies: list[float] = []
    errors = 0
    limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    pool = [httpx.AsyncClient(base_url=base, limits=limits, timeout=30) for _ in range(clients)]

    async def worker(http: httpx.AsyncClient, counter: Iterator[int], record: bool) -> None:
        start = time.perf_counter()
        for i in counter:
            if time.perf_counter() - start > BUDGET_S:
                return
            t0 = time.perf_counter()
            r = await http.get(make_path(i))
            if r.status_code != 200:
                nonlocal errors
                errors += 1
            if record:
                latencies.append((time.perf_counter() - t0) * 1000)

    try:
        warm = iter(range(clients * 2))
        await asyncio.gather(*(worker(http, warm, False) for http in pool))
        counter, start = iter(range(total)), time.perf_counter()
        await asyncio.gather(*(worker(http, counter, True) for http in pool))
        elapsed = time.perf_counter() - start
    finally:
        await asyncio.gather(*(http.aclose() for http in pool))
    return latencies, elapsed, errors


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def scenarios(ids: list[str]) -> dict[str, Callable[[int], str]]:
    """Request paths per scenario; entity scenarios cycle over the store's ids."""
    return {
        "ping": lambda i: "/ping",
        "health": lambda i: "/health",
        "entity": lambda i: f"/entities/{ids[i % len(ids)]}",
        "hop2": lambda i: f"/entities/{ids[i % len(ids)]}/neighborhood?depth=2",
    }


def measure(base: str, ids: list[str], requests: int) -> None:
    """Print one table row per (clients, scenario); ratios are against ping's p50."""
    print(f"{'scenario':8} {'clients':>7} {'p50 ms':>8} {'p99 ms':>8} {'req/s':>8} "
          f"{'p50/ping':>9} {'non-200':>7}")  # fmt: skip
    for clients in LEVELS:
        ping_p50 = 0.0
        for name, make_path in scenarios(ids).items():
            lat, elapsed, bad = asyncio.run(run_level(base, make_path, clients, requests))
            p50, p99 = statistics.median(lat), pct(lat, 0.99)
            ping_p50 = ping_p50 or p50
            rate, ratio = len(lat) / elapsed, p50 / ping_p50
            print(f"{name:8} {clients:7d} {p50:8.2f} {p99:8.2f} {rate:8.0f} {ratio:9.1f} {bad:7d}")


def bench_store(kind: str, requests: int) -> None:
    """Load, serve, measure and stop one store."""
    with tempfile.TemporaryDirectory(prefix="cryptoreg-bench-") as tmp:
        data_dir = Path(tmp)
        load_store(kind, data_dir)
        port = free_port()
        proc = start_server(kind, data_dir, port)
        base = f"http://127.0.0.1:{port}"
        try:
            page = httpx.get(f"{base}/entities", params={"limit": 100}).json()["items"]
            ids = [h["entity"]["id"] for h in page]
            print(f"\n== {kind} store ({len(ids)} entity ids, {requests} requests per cell) ==")
            measure(base, ids, requests)
        finally:
            proc.terminate()
            proc.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--stores", default="embedded,neo4j")
    parser.add_argument("--requests", type=int, default=400)
    args = parser.parse_args()
    for kind in args.stores.split(","):
        try:
            bench_store(kind.strip(), max(10, min(args.requests, 5000)))
        except Exception as exc:  # report and go on with the next store
            print(f"\n== {kind} store: not measured: {type(exc).__name__}: {exc}")


if __name__ == "__main__":
    main()
