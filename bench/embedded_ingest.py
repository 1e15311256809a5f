"""The embedded ingest alone, against raw `executemany` of the same rows (issue 16 point 2).

`make bench` measures the same pair inside a run that also serves and exports; this is
the quick loop for the write path. The synthetic corpus (bench/corpus.py) is extracted
once, with one worker per core, and kept in `--cache` (a pickle keyed by size and seed),
so the clock covers only the writes: `upsert_many` in batches of `--batch` articles into
a fresh store, then bench/baselines.py `sqlite_executemany` of the same batches into a
fresh file, in one process: `raw` writes every row the store writes (the graph's and the
store's journal: kept extractions, change log), `raw_data` only the graph's rows (the
baseline before session 27, kept for comparison). Prints articles/s, relations/s (each
relation is written with its provenance: its report's article, evidence, confidence and
date), the ratio to each baseline (and of CPU seconds: on a shared machine the wall time
also counts how long other processes make each commit's fsync wait), the first and last
tenth of the batches, and the process's peak RSS (the corpus held in memory, then after
the store's writes). `raw_prepare_cpu_seconds` is what building the baseline's rows in
Python took, off its clock, and `cpu_ratio_with_prepare` the CPU ratio with it counted.
`--profile FILE` writes a cProfile of the store's writes (not the baseline's).

    .venv/bin/python bench/embedded_ingest.py [--size 1000] [--batch 200] [--profile out.prof]
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pickle
import resource
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import baselines  # noqa: E402
from corpus import make_corpus  # noqa: E402

from graph.models import Extraction  # noqa: E402


def extracted(size: int, seed: int, cache: Path) -> list[Extraction]:
    """The corpus's extractions, made once per (size, seed) with every core."""
    from ingest.outcome import extract_or_fail
    from ingest.parallel import ArticlePool

    path = cache / f"extractions-{size}-{seed}.pickle"
    if path.exists():
        loaded: list[Extraction] = pickle.loads(path.read_bytes())
        return loaded
    articles = [g.article for g in make_corpus(size, seed)]
    with ArticlePool(extract_or_fail, os.cpu_count() or 1) as pool:
        done = [item[1] for item in pool.map(articles) if isinstance(item, tuple)]
    xs = [x for x in done if isinstance(x, Extraction)]
    cache.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(xs))
    return xs


def store_times(
    batches: Sequence[Sequence[Extraction]], folder: Path, profile: Path | None, cpu: list[float]
) -> list[float]:
    """Seconds per `upsert_many` batch into a fresh embedded store (CPU seconds into `cpu`)."""
    from graph.store.embedded.store import EmbeddedStore

    store = EmbeddedStore(folder)
    prof = cProfile.Profile() if profile else None
    times = []
    try:
        for b in batches:
            t0, c0 = time.perf_counter(), time.process_time()
            if prof:
                prof.enable()
            store.upsert_many(b)
            if prof:
                prof.disable()
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
    finally:
        store.close()
    if prof and profile:
        prof.dump_stats(profile)
    return times


def figures(
    batches: Sequence[Sequence[Extraction]], times: Sequence[float], cpu: Sequence[float]
) -> dict[str, float]:
    n = sum(len(b) for b in batches)
    rels = sum(len(x.relations) for b in batches for x in b)
    tenth = max(1, len(batches) // 10)
    return {
        "seconds": sum(times),
        "cpu_seconds": sum(cpu),
        "articles_per_s": n / sum(times),
        "relations_per_s": rels / sum(times),
        "first_tenth_per_s": sum(len(b) for b in batches[:tenth]) / sum(times[:tenth]),
        "last_tenth_per_s": sum(len(b) for b in batches[-tenth:]) / sum(times[-tenth:]),
    }


def main(argv: Sequence[str] | None = None) -> dict[str, Any]:
    p = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    p.add_argument("--size", type=int, default=1000)
    p.add_argument("--batch", type=int, default=200)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "cryptoreg-bench")
    p.add_argument("--profile", type=Path, default=None)
    args = p.parse_args(argv)
    xs = extracted(args.size, args.seed, args.cache)
    batches = [xs[i : i + args.batch] for i in range(0, len(xs), args.batch)]
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    with tempfile.TemporaryDirectory(prefix="cryptoreg-ingest-") as tmp:
        mine_cpu: list[float] = []
        mine_wall = store_times(batches, Path(tmp) / "store", args.profile, mine_cpu)
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
        raw_cpu: list[float] = []
        prepare_cpu: list[float] = []
        raw_wall = baselines.sqlite_executemany(
            batches, Path(tmp) / "raw", raw_cpu, prepare_cpu=prepare_cpu
        )
        data_cpu: list[float] = []
        data_wall = baselines.sqlite_executemany(
            batches, Path(tmp) / "raw_data", data_cpu, journal=False
        )
    mine, raw = figures(batches, mine_wall, mine_cpu), figures(batches, raw_wall, raw_cpu)
    data = figures(batches, data_wall, data_cpu)
    out = {
        "articles": len(xs),
        "relations": sum(len(x.relations) for x in xs),
        "store": mine,
        "raw": raw,
        "raw_data": data,
        "ratio": mine["articles_per_s"] / raw["articles_per_s"],
        "cpu_ratio": raw["cpu_seconds"] / mine["cpu_seconds"],
        # the raw baseline's rows built in Python too (not on its clock): the store builds
        # the same rows (and resolves identity, cuts events, makes change records) on its own
        "raw_prepare_cpu_seconds": sum(prepare_cpu),
        "cpu_ratio_with_prepare": (raw["cpu_seconds"] + sum(prepare_cpu)) / mine["cpu_seconds"],
        "ratio_data": mine["articles_per_s"] / data["articles_per_s"],
        "cpu_ratio_data": data["cpu_seconds"] / mine["cpu_seconds"],
        "peak_rss_mb_loaded": rss_before,
        "peak_rss_mb_after_store": rss,
    }
    print(json.dumps(out, indent=1))
    return out


if __name__ == "__main__":
    main()
