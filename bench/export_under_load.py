"""Export in every RDF format, and the API's latency while an export runs (issue 17, point 3).

On an embedded store of N synthetic articles (bench/rdf_export.py's generator: a
regulator per article fining or banning 8 targets, with aliases, quoted and non-Latin
evidence, shared jurisdictions and outlets; default 1,000 articles, `--big` 10,000):

1. **Export, in process.** Each format streamed from the store (graph/rdf/export.py
   `iter_export`) into a byte counter: seconds, bytes, and both as a ratio to N-Triples
   measured in the same run, plus the process's max RSS after each.
2. **API p99 with and without an export.** The store is served by uvicorn in a child
   process (as `cryptoreg serve` does); `--clients` clients send `--requests` requests to a
   light read route (`GET /entities/{id}`, cycling over ids) and the p50/p99 are printed:
   first with nothing else running, then once per format while another client downloads
   `GET /export?format=...` over and over, with the p99 as a ratio to the unloaded one,
   and how many exports completed meanwhile.

Figures only: nothing is asserted. Issue 17 asks for every format within 3x of N-Triples
at 10k articles and the p99 within 1.5x while an export runs.

    .venv/bin/python bench/export_under_load.py                 # 1,000 articles
    .venv/bin/python bench/export_under_load.py --big           # 10,000 articles
    .venv/bin/python bench/export_under_load.py --articles 3000 --requests 2000
"""

from __future__ import annotations

import argparse
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from api_latency import free_port, pct, start_server  # noqa: E402
from rdf_export import _extraction  # noqa: E402

from graph.rdf.export import FORMATS, iter_export  # noqa: E402

BASE = "https://w3id.org/cryptoreg/id/"
LOAD_BATCH = 200


def load(n: int, data_dir: Path) -> None:
    """N synthetic articles into an embedded store at `data_dir` (closed afterwards)."""
    from graph.store.embedded.store import EmbeddedStore

    store = EmbeddedStore(data_dir)
    t0 = time.perf_counter()
    try:
        for start in range(0, n, LOAD_BATCH):
            store.upsert_many(_extraction(i) for i in range(start, min(n, start + LOAD_BATCH)))
            if sys.stdout.isatty():
                print(f"\r  loaded {min(n, start + LOAD_BATCH):,}/{n:,}", end="", flush=True)
    finally:
        store.close()
    print(f"\r  loaded {n:,} articles in {time.perf_counter() - t0:.1f} s")


def export_in_process(data_dir: Path) -> None:
    """Each format's export time and size, and their ratio to N-Triples."""
    from graph.store.embedded.store import EmbeddedStore

    store = EmbeddedStore(data_dir)
    rows: dict[str, tuple[float, int]] = {}
    try:
        for name in ["ntriples", *(f for f in FORMATS if f != "ntriples")]:
            t0 = time.perf_counter()
            size = sum(len(chunk) for chunk in iter_export(store, name, BASE))
            rows[name] = (time.perf_counter() - t0, size)
            rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            seconds, base = rows[name][0], rows["ntriples"]
            print(
                f"  {name:9} {seconds:8.2f} s {size / 2**20:9.1f} MiB   "
                f"time {seconds / base[0]:5.2f}x  size {size / base[1]:5.2f}x  "
                f"(max RSS so far {rss:,.0f} MiB)"
            )
    finally:
        store.close()


def latencies(base: str, paths: Callable[[int], str], clients: int, total: int) -> list[float]:
    """`total` GETs by `clients` threads, each on its own kept-alive connection (ms)."""
    out: list[float] = []
    counter = iter(range(total))
    lock = threading.Lock()

    def worker(_: int) -> None:
        with httpx.Client(base_url=base, timeout=60) as http:
            http.get(paths(0))  # warm the connection
            while True:
                with lock:
                    i = next(counter, None)
                if i is None:
                    return
                t0 = time.perf_counter()
                r = http.get(paths(i))
                ms = (time.perf_counter() - t0) * 1000
                if r.status_code != 200:
                    raise RuntimeError(f"{paths(i)}: {r.status_code}")
                with lock:
                    out.append(ms)

    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(worker, range(clients)))
    return out


class Exporter(threading.Thread):
    """Downloads `GET /export?format=fmt` again and again until stopped."""

    def __init__(self, base: str, fmt: str) -> None:
        super().__init__(daemon=True)
        self.base, self.fmt = base, fmt
        self.stop = threading.Event()
        self.started_bytes = threading.Event()
        self.done = 0
        self.seconds: list[float] = []

    def run(self) -> None:
        with httpx.Client(base_url=self.base, timeout=None) as http:
            while not self.stop.is_set():
                t0 = time.perf_counter()
                with http.stream("GET", "/export", params={"format": self.fmt}) as resp:
                    for _ in resp.iter_bytes(1 << 16):
                        self.started_bytes.set()
                        if self.stop.is_set():
                            return  # closing the stream mid-body: the server stops writing
                self.done += 1
                self.seconds.append(time.perf_counter() - t0)


def under_load(data_dir: Path, clients: int, requests: int) -> None:
    """The light route's p50/p99 alone, then with each format's export running."""
    port = free_port()
    proc: subprocess.Popen[bytes] = start_server("embedded", data_dir, port)
    base = f"http://127.0.0.1:{port}"
    try:
        page = httpx.get(f"{base}/entities", params={"limit": 100}, timeout=60).json()["items"]
        ids = [h["entity"]["id"] for h in page]

        def paths(i: int) -> str:
            return f"/entities/{ids[i % len(ids)]}"

        latencies(base, paths, clients, max(clients * 4, requests // 5))  # warm-up
        alone = latencies(base, paths, clients, requests)
        p99_alone = pct(alone, 0.99)
        print(f"  {'no export':17} p50 {statistics.median(alone):7.2f} ms  p99 {p99_alone:7.2f} ms")
        for fmt in FORMATS:
            exporter = Exporter(base, fmt)
            exporter.start()
            exporter.started_bytes.wait(timeout=120)
            loaded = latencies(base, paths, clients, requests)
            exporter.stop.set()
            exporter.join(timeout=600)
            p99 = pct(loaded, 0.99)
            took = f"{statistics.median(exporter.seconds):.1f} s" if exporter.seconds else "-"
            print(
                f"  {'export ' + fmt:17} p50 {statistics.median(loaded):7.2f} ms  "
                f"p99 {p99:7.2f} ms  p99 ratio {p99 / p99_alone:5.2f}x  "
                f"(exports finished meanwhile: {exporter.done}, median {took})"
            )
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1_000)
    parser.add_argument("--big", action="store_true", help="10,000 articles")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--requests", type=int, default=1_000)
    args: Any = parser.parse_args()
    n = 10_000 if args.big else max(1, args.articles)
    with tempfile.TemporaryDirectory(prefix="cryptoreg-export-bench-") as tmp:
        data_dir = Path(tmp)
        print(f"embedded store, {n:,} synthetic articles:")
        load(n, data_dir)
        print("export in process (ratios to N-Triples in this run):")
        export_in_process(data_dir)
        print(
            f"API: GET /entities/{{id}}, {args.clients} clients, {args.requests} requests "
            "per row, alone and while an export downloads:"
        )
        under_load(data_dir, max(1, args.clients), max(10, args.requests))


if __name__ == "__main__":
    main()
