"""The benchmark's read load: every read route of the API, at 1, 16 and 64 clients.

The routes are asked about the corpus's own entities (bench/corpus.py): its busiest
regulators (hubs), exchanges and countries, their action pairs and article ids, cycling.
`GET /ping` (no store) is the same-run baseline: the HTTP stack's own latency. Every
route runs at 1 and 16 clients; the ping, entity detail and search also at 64 (issue 16
point 3's targets: entity and search p99 <= 20 ms at 16 clients and <= 100 ms at 64,
every other read <= 200 ms at 16).

The server is `uvicorn api.app:create_app` in a child process, as `cryptoreg serve` runs
it; the client is bench/read_load.py's asyncio HTTP/1.1 client (one kept-alive
connection per client), which costs less CPU than the server it measures.
"""

from __future__ import annotations

import asyncio
import math
import os
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any
from urllib.parse import quote

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import GoldArticle  # noqa: E402
from read_load import drive, free_port, start_server  # noqa: E402

from graph.ontology import REL, TYPE  # noqa: E402

LEVELS = (1, 16, 64)
HOT = ("ping", "entity", "search")  # the routes measured at 64 clients too
TARGETS_MS = {
    ("entity", 16): 20.0,
    ("search", 16): 20.0,
    ("entity", 64): 100.0,
    ("search", 64): 100.0,
}
OTHER_TARGET_MS = 200.0  # every other read route, at 16 clients


def target_ms(route: str, clients: int) -> float | None:
    """Issue 16's p99 target for a route at a client count (None: no target)."""
    if (route, clients) in TARGETS_MS:
        return TARGETS_MS[(route, clients)]
    if route != "ping" and clients == 16:
        return OTHER_TARGET_MS
    return None


def routes(golds: Sequence[GoldArticle]) -> dict[str, Callable[[int], str]]:
    """Request paths per route, cycling over the corpus's ids (hubs first)."""
    counts = Counter(eid for g in golds for _, eid in g.entities)
    by_type: dict[str, list[str]] = {}
    for eid, _ in counts.most_common():
        by_type.setdefault(eid.split(":", 1)[0], []).append(eid)
    regs = by_type.get(TYPE.regulator.lower(), [])[:20]
    exs = by_type.get(TYPE.exchange.lower(), [])[:20]
    places = by_type.get(TYPE.jurisdiction.lower(), [])[:10]
    ids = [i for trio in zip(regs, exs, places + exs, strict=False) for i in trio] or regs
    actions = sorted(
        {(s, t) for g in golds for rel, s, t in g.facts if rel != REL.headquartered_in}
    )[:50]
    hq = sorted((s, t) for g in golds for rel, s, t in g.facts if rel == REL.headquartered_in)[:50]
    pairs = [(a, t) for (a, _), (_, t) in zip(actions, hq or actions, strict=False)]
    # what people type: a name's first word ("binance", "ontario"), now and then a word
    # that many names share (the costly kind for a search)
    firsts = list(dict.fromkeys(e.split(":", 1)[1].split("-")[0] for e in ids))
    words = [w for w in firsts if len(w) >= 3][:27] + ["securities", "exchange", "financial"]
    articles = [g.article.id for g in golds[:50]]

    def cyc(items: Sequence[Any], i: int) -> Any:
        return items[i % len(items)]

    def q(s: str) -> str:
        return quote(s, safe=":")

    return {
        "ping": lambda i: "/ping",
        "entity": lambda i: f"/entities/{q(cyc(ids, i))}",
        "search": lambda i: f"/entities?q={q(cyc(words, i))}",
        "relations": lambda i: f"/entities/{q(cyc(ids, i))}/relations",
        "neighbourhood": lambda i: f"/entities/{q(cyc(ids, i))}/neighborhood?depth=1",
        "neighbourhood-2": lambda i: f"/entities/{q(cyc(ids, i))}/neighborhood?depth=2",
        "paths": lambda i: "/paths?from={}&to={}".format(*map(q, cyc(pairs, i))),
        "actions": lambda i: f"/actions?actor={q(cyc(regs, i))}&limit=20",
        "in-force": lambda i: f"/entities/{q(cyc(exs, i))}/in-force",
        "fines": lambda i: f"/entities/{q(cyc(exs, i))}/fines",
        "history": lambda i: "/history?actor={}&target={}".format(*map(q, cyc(actions, i))),
        "articles": lambda i: f"/articles?limit=20&offset={i % 5 * 20}",
        "article": lambda i: f"/articles/{q(cyc(articles, i))}",
        "stats": lambda i: "/stats",
        "central": lambda i: f"/analytics/central?type={TYPE.exchange}",
        "most-acted-against": lambda i: "/analytics/most-acted-against",
        "communities": lambda i: "/analytics/communities",
    }


@contextmanager
def served(kind: str, data_dir: Path, workers: int = 1) -> Any:
    """The API on `kind`'s store in a child process (of `workers` worker processes);
    yields its port."""
    saved = {k: os.environ.get(k) for k in ("CRYPTOREG_STORE", "CRYPTOREG_DATA_DIR")}
    os.environ["CRYPTOREG_STORE"], os.environ["CRYPTOREG_DATA_DIR"] = kind, str(data_dir)
    port = free_port()
    try:
        server = start_server(port, workers)
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    try:
        yield port
    finally:
        server.terminate()
        server.wait(timeout=30)


def _finite(x: float) -> float:
    return x if math.isfinite(x) else -1.0


def measure(port: int, golds: Sequence[GoldArticle], seconds: float) -> dict[str, Any]:
    """{route: {clients: {rps, p50, p99, errors, requests}}} for every cell."""
    out: dict[str, dict[str, dict[str, float]]] = {}
    for clients in LEVELS:
        for name, make_path in routes(golds).items():
            if clients == max(LEVELS) and name not in HOT:
                continue
            cell = asyncio.run(drive(port, make_path, clients, seconds))
            out.setdefault(name, {})[str(clients)] = {
                "rps": cell.rps,
                "p50": _finite(cell.pct(0.5)),
                "p99": _finite(cell.pct(0.99)),
                "errors": float(cell.errors),
                "requests": float(len(cell.latencies)),
            }
            print(
                f"    {name:19} {clients:3d} clients: {cell.rps:7.0f} req/s  p50"
                f" {cell.pct(0.5):8.1f} ms  p99 {cell.pct(0.99):8.1f} ms  errors {cell.errors}",
                flush=True,
            )
    return out
