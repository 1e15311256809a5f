"""Concurrent reads with and without an ingest running (issue 17 point 4), per store.

For each store (embedded, neo4j): load `--articles` synthetic articles (regulators in
jurisdictions acting on exchanges: hubs, actions with dates and fines), start
`uvicorn api.app:create_app` in a child process, then, for 1, 16 and 64 concurrent
clients and three reads:

* entity: GET /entities/{id}, cycling over regulators and exchanges
* search: GET /entities?q=<name>, cycling over name prefixes
* actions: GET /actions?actor=<regulator>, cycling over regulators

drive the server for `--seconds` per cell twice: unloaded, then while an ingest runs. The
ingest is a third process (as `cryptoreg ingest` beside the API would be) writing through
the store: one article per transaction, each new article followed by the retraction of
the one written INGEST_WINDOW before, so the graph keeps its size and the two phases of a
cell read the same amount of data. It is paused during unloaded cells.

Printed per cell: requests/s, p50 and p99 (ms), errors (non-200 answers, timeouts,
dropped connections), and loaded/unloaded ratios of p99 and of requests/s; the ingest's
articles/s while loaded. The target: 64 clients with an ingest, no errors and p99 within
3x the unloaded p99. Bounded: every cell stops at its time budget, the whole run takes
about 3 scenarios x 3 levels x 2 phases x `--seconds` plus loading, per store.

The client is a minimal asyncio HTTP/1.1 client (one kept-alive connection per client):
httpx costs more CPU than the server at 64 clients on a small machine, and would then
measure itself. Neo4j: the shared server's database is wiped and refilled, holding the
lock file the test runs take (tests/conftest.py), so no test runs meanwhile.

    .venv/bin/python bench/read_load.py [--stores embedded,neo4j] [--articles 300] [--seconds 3]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import fcntl
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from graph.ids import entity_id  # noqa: E402
from graph.models import Article, Entity, Extraction, Relation  # noqa: E402
from graph.ontology import REL, TYPE  # noqa: E402
from graph.settings import Settings, load_settings  # noqa: E402

LEVELS = (1, 16, 64)
N_PLACES, N_REGULATORS, N_EXCHANGES = 8, 24, 200
ACTIONS = (REL.banned, REL.fined, REL.warned, REL.sued, REL.investigated, REL.blocked)
INGEST_WINDOW = 100  # the ingest retracts the article it wrote this many articles before
INGEST_FIRST = 1_000_000  # ingest article numbers start here (apart from the loaded ones)
REQUEST_TIMEOUT_S = 30.0
TARGET_RATIO = 3.0


# -- the corpus ----------------------------------------------------------------------------


def _place(k: int) -> Entity:
    name = f"Landia {k}"
    return Entity(id=entity_id(TYPE.jurisdiction, name), type=TYPE.jurisdiction, name=name)


def _regulator(k: int) -> Entity:
    name = f"Markets Authority {k}"
    return Entity(id=entity_id(TYPE.regulator, name), type=TYPE.regulator, name=name)


def _exchange(k: int) -> Entity:
    name = f"Coinex {k}"
    return Entity(id=entity_id(TYPE.exchange, name), type=TYPE.exchange, name=name)


def synthetic(i: int) -> Extraction:
    """Article i: regulator i % N_REGULATORS (seated in its place) acts on three exchanges
    (each operating in a place), dated one day after article i - 1."""
    reg, place = _regulator(i % N_REGULATORS), _place(i % N_PLACES)
    ents: dict[str, Entity] = {e.id: e for e in (reg, place)}
    rels = [Relation(type=REL.located_in, source=reg.id, target=place.id, evidence="seat")]
    day = (dt.date(2018, 1, 1) + dt.timedelta(days=i % 2500)).isoformat()
    sentences = []
    for m in range(3):
        ex = _exchange((i * 7 + m * 31) % N_EXCHANGES)
        where = _place((i + m) % N_PLACES)
        ents[ex.id], ents[where.id] = ex, where
        action = ACTIONS[(i + m) % len(ACTIONS)]
        props: dict[str, Any] = {"amount": 1000.0 * (i % 97 + 1), "currency": "USD"}
        sentence = f"{reg.name} {action.lower()} {ex.name} on {day}."
        sentences.append(sentence)
        rels.append(
            Relation(
                type=action,
                source=reg.id,
                target=ex.id,
                evidence=sentence,
                date=day,
                properties=props if action == REL.fined else {},
            )
        )
        rels.append(Relation(type=REL.operates_in, source=ex.id, target=where.id, evidence="ops"))
    text = " ".join(sentences) + " " + "Filler sentence about markets. " * 40
    article = Article(
        id=f"load-{i:07d}", title=f"Action {i}", publisher="Bench Wire", published=day, text=text
    )
    return Extraction(article=article, entities=list(ents.values()), relations=rels)


def scenarios() -> dict[str, Callable[[int], str]]:
    """Request paths per read, cycling over the corpus's ids and names."""
    ids = [_regulator(k).id for k in range(N_REGULATORS)]
    ids += [_exchange(k).id for k in range(0, N_EXCHANGES, 5)]
    queries = ["markets authority", "coinex 1", "coinex", "authority 7", "coinx 42", "landia"]
    regs = [_regulator(k).id for k in range(N_REGULATORS)]
    return {
        "entity": lambda i: f"/entities/{ids[i % len(ids)]}",
        "search": lambda i: f"/entities?q={queries[i % len(queries)].replace(' ', '+')}",
        "actions": lambda i: f"/actions?actor={regs[i % len(regs)]}&limit=20",
    }


# -- stores, server, ingest --------------------------------------------------------------------


def settings_for(kind: str, data_dir: Path) -> Settings:
    os.environ["CRYPTOREG_STORE"] = kind
    os.environ["CRYPTOREG_DATA_DIR"] = str(data_dir)
    return load_settings()


@contextmanager
def neo4j_lock(kind: str, settings: Settings) -> Iterator[None]:
    """Hold the test runs' lock while this benchmark wipes and fills the shared Neo4j."""
    if kind != "neo4j":
        yield
        return
    settings.neo4j_home.mkdir(parents=True, exist_ok=True)
    with (settings.neo4j_home / "pytest.lock").open("w") as lock:
        print("waiting for the Neo4j test lock ...", flush=True)
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def load_store(settings: Settings, n: int) -> None:
    from graph.store.factory import open_store

    store: Any = open_store(settings)  # both backends have clear(); the protocol does not
    try:
        store.clear()
        batch = 50
        for start in range(0, n, batch):
            store.upsert_many(synthetic(i) for i in range(start, min(n, start + batch)))
    finally:
        store.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


# `cryptoreg serve --workers N` without its logs (api/serving.py), for N > 1
SERVE_WORKERS = (
    "import sys; from api.serving import serve; serve('api.app:create_app',"
    " host='127.0.0.1', port=int(sys.argv[1]), workers=int(sys.argv[2]), quiet=True)"
)


def start_server(port: int, workers: int = 1) -> subprocess.Popen[bytes]:
    """The API in a child process on `port`: uvicorn as `cryptoreg serve` runs it, with
    `workers` processes."""
    cmd = [
        sys.executable, "-m", "uvicorn", "api.app:create_app", "--factory",
        "--host", "127.0.0.1", "--port", str(port), "--log-level", "warning", "--no-access-log",
    ]  # fmt: skip
    if workers > 1:
        cmd = [sys.executable, "-c", SERVE_WORKERS, str(port), str(workers)]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=dict(os.environ))
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return proc
        except OSError:
            pass
        if proc.poll() is not None:
            raise RuntimeError(f"uvicorn exited with {proc.returncode}")
        time.sleep(0.2)
    proc.terminate()
    raise RuntimeError("the server did not listen within 60 s")


INGEST = r"""
import sys, threading, time
sys.path.insert(0, sys.argv[1] + "/bench")
from read_load import INGEST_FIRST, INGEST_WINDOW, synthetic
from graph.settings import load_settings
from graph.store.factory import open_store

store = open_store(load_settings())
running = threading.Event()
stop = threading.Event()

def control():
    for line in sys.stdin:
        {"go": running.set, "pause": running.clear}.get(line.strip(), stop.set)()
    stop.set()

threading.Thread(target=control, daemon=True).start()
i = INGEST_FIRST
deadline = time.monotonic() + float(sys.argv[2])
while not stop.is_set() and time.monotonic() < deadline:
    if not running.wait(0.1):
        continue
    store.upsert(synthetic(i))
    if i - INGEST_WINDOW >= INGEST_FIRST:
        store.retract(f"load-{i - INGEST_WINDOW:07d}")
    i += 1
    print(i - INGEST_FIRST, flush=True)
store.close()
"""


class Ingest:
    """The ingest child: `go` / `pause` on its stdin; it prints its count after each article."""

    def __init__(self, budget_s: float) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", INGEST, str(ROOT), str(budget_s)],
            cwd=ROOT,
            env=dict(os.environ),
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self.count = 0

    def send(self, word: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(word + "\n")
        self.proc.stdin.flush()

    def written(self) -> int:
        """Articles written so far (reads what the child printed without blocking)."""
        assert self.proc.stdout is not None
        os.set_blocking(self.proc.stdout.fileno(), False)
        for line in iter(self.proc.stdout.readline, ""):
            if line.strip().isdigit():
                self.count = int(line)
        return self.count

    def close(self) -> None:
        try:
            self.send("stop")
            assert self.proc.stdin is not None
            self.proc.stdin.close()
        except (BrokenPipeError, OSError):
            pass
        try:
            self.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


# -- the client --------------------------------------------------------------------------------


async def _read_response(reader: asyncio.StreamReader) -> int:
    """Read one HTTP/1.1 response (content-length or chunked); its status code."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in (ln.partition(":") for ln in lines[1:])}
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding") == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).strip(), 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    return status


@dataclass
class Cell:
    latencies: list[float]
    elapsed: float
    errors: int

    @property
    def rps(self) -> float:
        return len(self.latencies) / self.elapsed if self.elapsed else 0.0

    def pct(self, q: float) -> float:
        if not self.latencies:
            return float("nan")
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def drive(port: int, make_path: Callable[[int], str], clients: int, seconds: float) -> Cell:
    """`clients` concurrent clients, each on one kept-alive connection, for `seconds`
    after one unrecorded (warm-up) request each."""
    latencies: list[float] = []
    errors = warmed = 0
    counter = iter(range(10**9))
    ready = asyncio.Event()
    start = 0.0

    async def request(
        conn: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None,
    ) -> tuple[bool, tuple[asyncio.StreamReader, asyncio.StreamWriter] | None]:
        try:
            if conn is None:
                conn = await asyncio.open_connection("127.0.0.1", port)
            reader, writer = conn
            path = make_path(next(counter))
            writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            status = await asyncio.wait_for(_read_response(reader), REQUEST_TIMEOUT_S)
            return status == 200, conn
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError):
            if conn is not None:
                conn[1].close()
            return False, None

    async def client() -> None:
        nonlocal errors, warmed
        _, conn = await request(None)
        warmed += 1
        await ready.wait()
        while time.perf_counter() - start < seconds:
            t0 = time.perf_counter()
            ok, conn = await request(conn)
            latencies.append((time.perf_counter() - t0) * 1000)
            errors += not ok
        if conn is not None:
            conn[1].close()

    tasks = [asyncio.create_task(client()) for _ in range(clients)]
    while warmed < clients:
        await asyncio.sleep(0.01)
    start = time.perf_counter()
    ready.set()
    await asyncio.gather(*tasks)
    return Cell(latencies, time.perf_counter() - start, errors)


# -- the run -----------------------------------------------------------------------------------


def measure(port: int, ingest: Ingest, seconds: float) -> list[tuple[str, int, Cell, Cell, float]]:
    """Per (scenario, clients): the unloaded cell, the loaded cell, ingest articles/s."""
    rows = []
    for clients in LEVELS:
        for name, make_path in scenarios().items():
            quiet = asyncio.run(drive(port, make_path, clients, seconds))
            before, t0 = ingest.written(), time.perf_counter()
            ingest.send("go")
            time.sleep(0.3)  # the ingest under way before the clients start
            busy = asyncio.run(drive(port, make_path, clients, seconds))
            ingest.send("pause")
            rate = (ingest.written() - before) / (time.perf_counter() - t0)
            rows.append((name, clients, quiet, busy, rate))
            print(_row(name, clients, quiet, busy, rate), flush=True)
    return rows


HEADER = (
    f"{'read':8} {'clients':>7} | {'rps':>6} {'p50':>7} {'p99':>7} {'err':>4} |"
    f" {'rps':>6} {'p50':>7} {'p99':>7} {'err':>4} {'ingest/s':>8} |"
    f" {'p99 x':>6} {'rps x':>6}\n"
    f"{'':8} {'':>7} | {'unloaded (ms)':^29} | {'with an ingest running (ms)':^38} |"
    f" {'loaded/unloaded':^13}"
)


def _row(name: str, clients: int, quiet: Cell, busy: Cell, rate: float) -> str:
    ratio_p99 = busy.pct(0.99) / quiet.pct(0.99)
    ratio_rps = busy.rps / quiet.rps if quiet.rps else float("nan")
    return (
        f"{name:8} {clients:7d} | {quiet.rps:6.0f} {quiet.pct(0.5):7.1f} {quiet.pct(0.99):7.1f}"
        f" {quiet.errors:4d} | {busy.rps:6.0f} {busy.pct(0.5):7.1f} {busy.pct(0.99):7.1f}"
        f" {busy.errors:4d} {rate:8.1f} | {ratio_p99:6.2f} {ratio_rps:6.2f}"
    )


def verdict(rows: list[tuple[str, int, Cell, Cell, float]]) -> str:
    """The target at 64 clients: no errors, loaded p99 within TARGET_RATIO x unloaded."""
    top = [r for r in rows if r[1] == max(LEVELS)]
    errors = sum(q.errors + b.errors for _, _, q, b, _ in rows)
    worst = max(b.pct(0.99) / q.pct(0.99) for _, _, q, b, _ in top)
    ok = errors == 0 and worst <= TARGET_RATIO
    return (
        f"target (64 clients, ingest running: 0 errors, p99 <= {TARGET_RATIO:g}x unloaded):"
        f" errors {errors}, worst p99 ratio {worst:.2f} -> {'met' if ok else 'NOT met'}"
    )


def bench_store(kind: str, articles: int, seconds: float) -> None:
    with tempfile.TemporaryDirectory(prefix="cryptoreg-readload-") as tmp:
        settings = settings_for(kind, Path(tmp))
        with neo4j_lock(kind, settings):
            t0 = time.perf_counter()
            load_store(settings, articles)
            print(f"\n== {kind} store: {articles} articles loaded in"
                  f" {time.perf_counter() - t0:.1f} s; {seconds:g} s per cell ==")  # fmt: skip
            port = free_port()
            server = start_server(port)
            budget = len(LEVELS) * len(scenarios()) * 2 * (seconds + 5) + 120
            ingest = Ingest(budget)
            try:
                print(HEADER)
                rows = measure(port, ingest, seconds)
                print(verdict(rows))
            finally:
                ingest.close()
                server.terminate()
                server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--stores", default="embedded,neo4j")
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    articles = max(INGEST_WINDOW, min(args.articles, 5000))
    seconds = max(0.5, min(args.seconds, 20.0))
    for kind in args.stores.split(","):
        try:
            bench_store(kind.strip(), articles, seconds)
        except Exception as exc:  # report and go on with the next store
            print(f"\n== {kind} store: not measured: {type(exc).__name__}: {exc}")


if __name__ == "__main__":
    main()
