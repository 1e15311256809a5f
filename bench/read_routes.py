"""Every read route's cost at one client, in process, on a large embedded store.

`make bench` measures the routes through HTTP at 1/16/64 clients, but its full run (1k,
10k, 100k articles) takes hours. This script answers the narrower question "does a read
stay cheap as the store grows?" in minutes: it builds (or reuses) an embedded store of
`--articles` synthetic articles (bench/corpus.py, extracted with the process pool), then
asks each route of bench/api_load.py `--repeat` times through the ASGI app in process.
The baseline, in the same run and through the same client, is `/ping` (no store): the
ratio is what the store's part of a read costs. Answer sizes are printed too (a hub's
answers are capped: graph/store/hubs.py).

    .venv/bin/python bench/read_routes.py --articles 100000 --data /tmp/s100k
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from api_load import routes  # noqa: E402
from corpus import make_corpus  # noqa: E402
from run_all import batched, run_extraction  # noqa: E402


def build(data: Path, articles: int, seed: int, workers: int) -> None:
    """The store of `articles` synthetic articles in `data`, unless it is there."""
    from graph.store.embedded.db import DB_NAME
    from graph.store.embedded.store import EmbeddedStore

    if (data / DB_NAME).exists():
        return
    info, extractions = run_extraction(make_corpus(articles, seed), workers)
    print(f"extracted {articles:,} articles in {info['seconds']:.0f} s", flush=True)
    store = EmbeddedStore(data)
    t0 = time.perf_counter()
    try:
        for batch in batched(extractions, 200):
            store.upsert_many(batch)
    finally:
        store.close()
    print(f"ingested in {time.perf_counter() - t0:.0f} s", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--data", type=Path, required=True, help="store folder (built if empty)")
    ap.add_argument("--repeat", type=int, default=30)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    args = ap.parse_args()
    build(args.data, args.articles, args.seed, args.workers)

    os.environ["CRYPTOREG_STORE"], os.environ["CRYPTOREG_DATA_DIR"] = "embedded", str(args.data)
    from fastapi.testclient import TestClient

    from api.app import create_app

    paths = routes(make_corpus(args.articles, args.seed))
    with TestClient(create_app(), base_url="http://127.0.0.1") as client:
        for make in paths.values():  # first reads build the view and caches
            for i in range(3):
                client.get(make(i))
        print(f"{args.articles:,} articles; ms per request (median of {args.repeat}), x /ping")
        base = 0.0
        for name, make in paths.items():
            times, sizes = [], []
            for i in range(args.repeat):
                t0 = time.perf_counter()
                answer = client.get(make(i))
                times.append((time.perf_counter() - t0) * 1000)
                if answer.status_code != 200:
                    raise SystemExit(f"{make(i)}: {answer.status_code} {answer.text[:200]}")
                sizes.append(len(answer.content))
            ms = statistics.median(times)
            base = base or ms  # `ping` comes first
            print(
                f"  {name:19} {ms:8.2f} ms  {ms / base:6.1f}x  "
                f"answer {statistics.mean(sizes) / 1024:6.0f} KB (max {max(sizes) / 1024:.0f})"
            )


if __name__ == "__main__":
    main()
