"""`make bench`: the whole benchmark, at several corpus sizes, into docs/BENCHMARKS.md.

For each size (default 1k, 10k and 100k articles; `--sizes 500,2000,5000` for a short run):

1. **corpus**: bench/corpus.py writes the seeded synthetic articles with their gold facts;
2. **extraction**: `ArticlePool` over every article with one worker per core (the ingest's
   job), scored against the gold; baseline: reading the same texts into sentences
   (`read_document`), in process;
3. **ingest**, per store, in batches of `--batch` articles through `upsert_many`: the
   embedded store against a raw SQLite `executemany` of the same rows, Neo4j against a naive
   `UNWIND ... MERGE` of the same rows on the same server (bench/baselines.py; each
   batch's rows built inside its clock, as the store's are); per batch, so the rate's
   flatness as the graph grows shows. Neo4j's ratio here is one window per writer:
   bench/neo4j_batch_ingest.py gives it over interleaved rounds on a warm server;
4. **reads**: the API served on each loaded store, every read route at 1 and 16 clients,
   ping, entity detail and search at 64 too (bench/api_load.py), against `/ping`;
5. **export**: every RDF format streamed from each store, against N-Triples.

Results go to a JSON file and are rendered into the report and its PNG plots by
bench/report.py. The Neo4j database at NEO4J_URI is WIPED (it holds the test runs' lock
meanwhile, so no test runs during it): point NEO4J_URI at a scratch server.

    .venv/bin/python bench/run_all.py [--sizes 1000,10000,100000] [--stores embedded,neo4j]
        [--seconds 3] [--report docs/BENCHMARKS.md] [--plots docs/bench] [--json FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import fcntl
import json
import os
import platform
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import api_load  # noqa: E402
import baselines  # noqa: E402
import report  # noqa: E402
from corpus import GoldArticle, make_corpus, score  # noqa: E402

from graph.models import Article, Extraction  # noqa: E402
from graph.settings import Settings, load_settings  # noqa: E402

DEFAULT_SIZES = "1000,10000,100000"
EXPORT_BUDGET_S = 60.0


# -- phases ------------------------------------------------------------------------------


def run_extraction(
    golds: Sequence[GoldArticle], workers: int
) -> tuple[dict[str, Any], list[Extraction]]:
    from ingest.extraction.text.document import read_document
    from ingest.outcome import extract_or_fail
    from ingest.parallel import ArticlePool

    articles: list[Article] = [g.article for g in golds]
    t0 = time.perf_counter()
    for a in articles:
        read_document(a.text)
    base = time.perf_counter() - t0
    t0 = time.perf_counter()
    with ArticlePool(extract_or_fail, workers) as pool:
        results = [item[1] for item in pool.map(articles) if isinstance(item, tuple)]
    took = time.perf_counter() - t0
    extractions = [x for x in results if isinstance(x, Extraction)]
    s = score(golds, extractions)
    n = len(articles)
    return {
        "workers": workers,
        "seconds": took,
        "articles_per_s": n / took,
        "baseline_articles_per_s": n / base,
        "ratio": base / took,
        "failed": n - len(extractions),
        "relations": sum(len(x.relations) for x in extractions),
        **{f"{k}_{m}": getattr(v, m) for k, v in s.items() for m in ("precision", "recall", "f1")},
    }, extractions


def batched(xs: Sequence[Extraction], size: int) -> list[Sequence[Extraction]]:
    return [xs[i : i + size] for i in range(0, len(xs), size)]


def rates(batches: Sequence[Sequence[Extraction]], times: Sequence[float]) -> dict[str, Any]:
    """Articles/s and relations/s overall, and per tenth of the batches (flatness)."""
    n = sum(len(b) for b in batches)
    rels = sum(len(x.relations) for b in batches for x in b)
    total = sum(times)
    tenth = max(1, len(batches) // 10)
    first = sum(len(b) for b in batches[:tenth]) / sum(times[:tenth])
    last = sum(len(b) for b in batches[-tenth:]) / sum(times[-tenth:])
    return {
        "seconds": total,
        "articles_per_s": n / total,
        "relations_per_s": rels / total,
        "first_tenth_per_s": first,
        "last_tenth_per_s": last,
    }


def ingest_embedded(batches: Sequence[Sequence[Extraction]], folder: Path) -> dict[str, Any]:
    from graph.store.embedded.store import EmbeddedStore

    base = baselines.sqlite_executemany(batches, folder / "raw")
    store = EmbeddedStore(folder / "store")
    times = []
    try:
        for b in batches:
            t0 = time.perf_counter()
            store.upsert_many(b)
            times.append(time.perf_counter() - t0)
    finally:
        store.close()
    mine, raw = rates(batches, times), rates(batches, base)
    return {**mine, "baseline": raw, "ratio": mine["articles_per_s"] / raw["articles_per_s"]}


def warm_up_batch(seed: int, size: int) -> list[Extraction]:
    """Articles outside the corpus (another seed), written by both Neo4j writers before any
    clock starts: they compile the query plans and let the server settle. Too few leave the
    baseline measuring its planning (20 made its server CPU ~3x its warm figure at 1k)."""
    from ingest.extraction import extract_article

    return [extract_article(g.article) for g in make_corpus(size, seed + 1)]


def ingest_neo4j(
    batches: Sequence[Sequence[Extraction]],
    settings: Settings,
    warm: Sequence[Extraction],
    batch: int,
) -> dict[str, Any]:
    from neo4j import GraphDatabase

    from graph.store.neo4j.store import Neo4jStore

    store = Neo4jStore(
        settings.neo4j_uri,
        settings.neo4j_user,
        settings.neo4j_password,
        settings.neo4j_database,
        timeouts=settings.neo4j_timeouts(),
    )
    try:
        store.clear()
        auth = (settings.neo4j_user, settings.neo4j_password)
        with GraphDatabase.driver(settings.neo4j_uri, auth=auth) as driver:
            baselines.neo4j_unwind(batched(warm, batch), driver, settings.neo4j_database)
            store.clear()
            base = baselines.neo4j_unwind(batches, driver, settings.neo4j_database)
        store.clear()
        for b in batched(warm, batch):
            store.upsert_many(b)
        store.clear()
        times = []
        for b in batches:
            t0 = time.perf_counter()
            store.upsert_many(b)
            times.append(time.perf_counter() - t0)
        version = store.ping()
    finally:
        store.close()
    mine, raw = rates(batches, times), rates(batches, base)
    return {
        **mine,
        "server": version,
        "baseline": raw,
        "ratio": mine["articles_per_s"] / raw["articles_per_s"],
    }


def export_all(kind: str, settings: Settings, data_dir: Path) -> dict[str, Any]:
    """Seconds and bytes per RDF format, streamed from the store; ratios to N-Triples.
    A format still running after EXPORT_BUDGET_S is stopped and marked unfinished."""
    from graph.rdf.export import FORMATS, iter_export
    from graph.store.factory import open_store

    os.environ["CRYPTOREG_STORE"], os.environ["CRYPTOREG_DATA_DIR"] = kind, str(data_dir)
    store = open_store(load_settings())
    out: dict[str, Any] = {}
    try:
        names = ["ntriples", *(f for f in FORMATS if f != "ntriples")]
        for name in names:  # warm-up: imports and caches before any clock starts
            for _, _ in zip(range(50), iter_export(store, name, settings.base_iri), strict=False):
                pass
        for name in names:
            t0, size, done = time.perf_counter(), 0, True
            for chunk in iter_export(store, name, settings.base_iri):
                size += len(chunk)
                if time.perf_counter() - t0 > EXPORT_BUDGET_S:
                    done = False
                    break
            took = time.perf_counter() - t0
            out[name] = {
                "seconds": took,
                "bytes": size,
                "finished": done,
                "ratio": took / out["ntriples"]["seconds"] if out else 1.0,
            }
    finally:
        store.close()
    return out


# -- orchestration -------------------------------------------------------------------------


@contextmanager
def neo4j_lock(settings: Settings, hold: bool) -> Iterator[None]:
    """The test runs' lock on the project's Neo4j, held while this run wipes it."""
    if not hold:
        yield
        return
    settings.neo4j_home.mkdir(parents=True, exist_ok=True)
    with (settings.neo4j_home / "pytest.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield


def run_size(
    size: int, stores: Sequence[str], args: argparse.Namespace, settings: Settings
) -> dict[str, Any]:
    print(f"\n== {size:,} articles ==", flush=True)
    t0 = time.perf_counter()
    golds = make_corpus(size, args.seed)
    result: dict[str, Any] = {"size": size, "corpus_seconds": time.perf_counter() - t0}
    result["extraction"], extractions = run_extraction(golds, args.workers)
    print(f"  extraction: {result['extraction']}", flush=True)
    batches = batched(extractions, args.batch)
    result["relations"] = sum(len(x.relations) for x in extractions)
    result["ingest"], result["reads"], result["export"] = {}, {}, {}
    with tempfile.TemporaryDirectory(prefix="cryptoreg-bench-") as tmp:
        folder = Path(tmp)
        for kind in stores:
            with neo4j_lock(settings, hold=kind == "neo4j" and args.lock):
                if kind == "embedded":
                    result["ingest"][kind] = ingest_embedded(batches, folder)
                else:
                    warm = warm_up_batch(args.seed, args.warm)
                    result["ingest"][kind] = ingest_neo4j(batches, settings, warm, args.batch)
                print(f"  ingest {kind}: {result['ingest'][kind]}", flush=True)
                data_dir = folder / "store"
                print(f"  reads {kind}:", flush=True)
                with api_load.served(kind, data_dir) as port:
                    result["reads"][kind] = api_load.measure(port, golds, args.seconds)
                result["export"][kind] = export_all(kind, settings, data_dir)
                print(f"  export {kind}: {result['export'][kind]}", flush=True)
    return result


def git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        return out.stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    p.add_argument("--sizes", default=DEFAULT_SIZES, help="corpus sizes, comma-separated")
    p.add_argument("--stores", default="embedded,neo4j")
    p.add_argument("--seconds", type=float, default=3.0, help="seconds per read cell")
    p.add_argument("--batch", type=int, default=200, help="articles per write batch")
    p.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument(
        "--warm", type=int, default=300, help="articles both Neo4j writers write before timing"
    )
    p.add_argument("--report", type=Path, default=ROOT / "docs" / "BENCHMARKS.md")
    p.add_argument("--plots", type=Path, default=ROOT / "docs" / "bench")
    p.add_argument("--note", default="", help="a sentence for the report's header")
    p.add_argument("--json", type=Path, default=None, help="raw results (default: plots dir)")
    p.add_argument(
        "--no-lock",
        dest="lock",
        action="store_false",
        help="do not take the test runs' Neo4j lock (the caller holds it)",
    )
    return p.parse_args(argv)


def _stop(signum: int, frame: Any) -> None:
    raise SystemExit(128 + signum)  # unwinds: the API servers and stores are closed


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    args = parse_args(argv)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _stop)
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    stores = [s.strip() for s in args.stores.split(",") if s.strip()]
    if (
        not sizes
        or any(n < 10 for n in sizes)
        or any(s not in ("embedded", "neo4j") for s in stores)
    ):
        raise SystemExit("sizes must be >= 10 and stores embedded and/or neo4j")
    settings = load_settings()
    saved = {k: os.environ.get(k) for k in ("CRYPTOREG_STORE", "CRYPTOREG_DATA_DIR")}
    command = "bench/run_all.py " + " ".join(argv if argv is not None else sys.argv[1:])
    results: dict[str, Any] = {
        "meta": {
            "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
            "commit": git_commit(),
            "command": command.strip(),
            "sizes": sizes,
            "stores": stores,
            "seconds_per_cell": args.seconds,
            "batch": args.batch,
            "seed": args.seed,
            "cores": os.cpu_count(),
            "load_average": os.getloadavg()[0],
            "python": platform.python_version(),
            "neo4j_uri": settings.neo4j_uri if "neo4j" in stores else None,
            "note": args.note,
        },
        "runs": [],
    }
    try:
        for size in sorted(sizes):
            results["runs"].append(run_size(size, stores, args, settings))
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
    results["meta"]["load_average_after"] = os.getloadavg()[0]
    args.plots.mkdir(parents=True, exist_ok=True)
    json_path = args.json or args.plots / "results.json"
    json_path.write_text(json.dumps(results, indent=1, allow_nan=False) + "\n", encoding="utf-8")
    report.write(results, args.report, args.plots)
    print(f"\nwrote {args.report}, {json_path} and plots in {args.plots}")
    return results


if __name__ == "__main__":
    main()
