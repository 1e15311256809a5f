"""A few read routes through HTTP at chosen client counts, on a store already loaded.

`make bench` measures every route on stores it builds and wipes; this script answers
"did this route get faster?" in a minute, against the `/ping` baseline of the same run:
it serves the API on the given store (bench/api_load.py `served`) and drives the named
routes of bench/api_load.py `routes` (asked about the synthetic corpus of `--articles`,
which the store must hold: e.g. a store bench/read_routes.py built, or the Neo4j server
loaded from it) for `--seconds` per cell. Run it with two checkouts back to back for a
before/after in one run; the load average is printed before and after (shared machine).
Beside each cell's latencies, the server's CPU per request (its process's user + system
time over the cell, /proc: Linux), which other load on a shared machine moves far less.
`--warm` first asks every distinct path of each route once (one client): the steady state
of a server whose caches hold what its clients browse, instead of cold reads inside the cells.

    .venv/bin/python bench/route_load.py --store embedded --data /tmp/s10k \\
        --routes neighbourhood-2,search --clients 1,16
"""

from __future__ import annotations

import argparse
import asyncio
import http.client
import os
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_load import routes, served  # noqa: E402
from corpus import make_corpus  # noqa: E402
from read_load import drive  # noqa: E402

WARM_PATHS = 200  # routes cycle over at most this many ids, pairs or words (api_load.py)


def server_cpu_s() -> float:
    """CPU seconds (user + system) of this process's children so far: the server's
    (`served` starts one process, `--workers 1`). 0 where /proc is missing."""
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for task in Path("/proc/self/task").glob("*/children"):
        for pid in task.read_text().split():
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / tick  # utime, stime
    return total


def warm_every_path(port: int, make: Callable[[int], str]) -> None:
    """Ask each distinct path `make` gives once, one request at a time."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    try:
        for path in dict.fromkeys(make(i) for i in range(WARM_PATHS)):
            conn.request("GET", path)
            conn.getresponse().read()
    finally:
        conn.close()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--store", choices=("embedded", "neo4j"), default="embedded")
    ap.add_argument("--data", type=Path, default=Path("data"), help="embedded store folder")
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--routes", default="entity,search,neighbourhood-2")
    ap.add_argument("--clients", default="1,16,64")
    ap.add_argument("--seconds", type=float, default=3.0)
    ap.add_argument("--warm", action="store_true", help="ask every path once first")
    ap.add_argument(
        "--workers", type=int, default=1, help="server processes (cryptoreg serve --workers)"
    )
    args = ap.parse_args()
    paths = routes(make_corpus(args.articles, args.seed))
    names = ["ping", *(n for n in args.routes.split(",") if n != "ping")]
    unknown = [n for n in names if n not in paths]
    if unknown:
        raise SystemExit(f"unknown routes {unknown}; known: {sorted(paths)}")
    print(f"load average {os.getloadavg()[0]:.1f}", flush=True)
    with served(args.store, args.data, args.workers) as port:
        for name in names:  # first reads build views and caches
            if args.warm:
                warm_every_path(port, paths[name])
            asyncio.run(drive(port, paths[name], 4, 1.0))
        for clients in (int(c) for c in args.clients.split(",")):
            base = 0.0
            for name in names:
                cpu = server_cpu_s()
                cell = asyncio.run(drive(port, paths[name], clients, args.seconds))
                cpu_ms = (server_cpu_s() - cpu) * 1000 / max(1, len(cell.latencies))
                p50, p99 = cell.pct(0.5), cell.pct(0.99)
                base = base or p50  # `ping` comes first
                print(
                    f"  {name:19} {clients:3d} clients: {cell.rps:7.0f} req/s  p50 {p50:8.1f}"
                    f" ms ({p50 / base:6.1f}x ping)  p99 {p99:8.1f} ms  server CPU"
                    f" {cpu_ms:5.2f} ms/req  errors {cell.errors}",
                    flush=True,
                )
    print(f"load average {os.getloadavg()[0]:.1f}", flush=True)


if __name__ == "__main__":
    main()
