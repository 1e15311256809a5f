"""Batch extraction: in-process articles/s per core, and the process pool's speed-up.

Usage: .venv/bin/python bench/extract_batch.py [--articles N] [--workers W] [--corpus]

The batch is synthesised from examples/ (each article's paragraphs rotated, numbered so
no two are alike); --corpus adds the shared corpus's articles (/work/shared/corpus) when
it is there. Two ratios, each against a baseline measured in the same run:

* in-process `extract_article` against reading the same text into sentences
  (`read_document`: normalise + split, the least any extractor does), with the rate per
  core (one process, one core; CPU time too, which competing processes inflate less);
* `ArticlePool` with W workers against the same pool with 1 worker (in-process) on the
  whole batch, for the CLI's job (`extract_json_line`) and the ingest job
  (`extract_or_fail`, which sends whole `Extraction`s back); pool start-up included.
  The machine is shared, so the counts take turns and the best of --rounds runs counts;
  the CPU ratio (all processes, W workers vs 1) is the pool's overhead, which other
  processes' load disturbs less than the wall-clock speed-up.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from graph.models import Article
from ingest.extraction import extract_article
from ingest.extraction.text.document import read_document
from ingest.outcome import extract_json_line, extract_or_fail
from ingest.parallel import ArticlePool
from ingest.read import read_paths

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
SHARED = Path("/work/shared/corpus")


def seeds(corpus: bool) -> list[Article]:
    """The examples' articles, and the shared corpus's if asked for and present."""
    folders = [EXAMPLES]
    if corpus and SHARED.is_dir():
        folders += sorted(p for p in SHARED.glob("*/articles") if p.is_dir())
    return [a for a in read_paths([str(f) for f in folders], 10**8) if isinstance(a, Article)]


def synthesise(base: list[Article], n: int) -> list[Article]:
    """n articles: each seed's paragraphs rotated by a different amount, numbered."""
    out = []
    for i in range(n):
        seed = base[i % len(base)]
        paras = [p for p in seed.text.split("\n") if p.strip()]
        k = (i // len(base)) % len(paras)
        text = "\n\n".join(paras[k:] + paras[:k]) + f"\n\n(Report {i}.)"
        out.append(seed.model_copy(update={"id": f"{seed.id}-{i}", "text": text}))
    return out


def per_article(
    fn: Callable[[Article], object],
    articles: list[Article],
    repeat: int,
    clock: Callable[[], float] = time.perf_counter,
) -> float:
    """Median over `repeat` rounds of the seconds per article, by `clock`."""
    rounds = []
    for _ in range(repeat):
        start = clock()
        for a in articles:
            fn(a)
        rounds.append((clock() - start) / len(articles))
    return float(statistics.median(rounds))


def cpu_seconds() -> float:
    """User + system CPU of this process and its finished (waited-for) children."""
    me, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def pool_run(
    job: Callable[[Article], object], articles: list[Article], workers: int
) -> tuple[float, float]:
    """Wall and CPU seconds (all processes) to run `job` over the batch through an
    `ArticlePool`, start-up and shut-down included."""
    wall, cpu = time.perf_counter(), cpu_seconds()
    with ArticlePool(job, workers) as pool:
        done = sum(1 for _ in pool.map(articles))
    assert done == len(articles)
    return time.perf_counter() - wall, cpu_seconds() - cpu


def best_of(
    rounds: int, job: Callable[[Article], object], articles: list[Article], workers: list[int]
) -> dict[int, tuple[float, float]]:
    """The fastest of `rounds` runs per worker count, the counts taking turns (so a burst
    of load from other processes hits them alike)."""
    runs: dict[int, list[tuple[float, float]]] = {w: [] for w in workers}
    for _ in range(rounds):
        for w in workers:
            runs[w].append(pool_run(job, articles, w))
    return {w: min(r) for w, r in runs.items()}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=2000, help="batch size for the pool")
    ap.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--rounds", type=int, default=3, help="pool runs per worker count")
    ap.add_argument("--corpus", action="store_true", help="add /work/shared/corpus if present")
    args = ap.parse_args()
    base = seeds(args.corpus)
    sample = synthesise(base, max(len(base), 200))
    for a in sample[: len(base)]:  # warm the gazetteer index and lazy tables
        extract_article(a)
    words = statistics.mean(len(a.text.split()) for a in sample)

    split = per_article(lambda a: read_document(a.text), sample, args.repeat)
    ext = per_article(extract_article, sample, args.repeat)
    cpu = per_article(extract_article, sample, args.repeat, time.process_time)
    print(
        f"in-process: {len(sample)} articles from {len(base)} seeds, {words:.0f} words on average"
    )
    print(f"  baseline read_document (normalise + split): {split * 1000:.3f} ms/article")
    print(
        f"  extract_article: {ext * 1000:.3f} ms/article = {1 / ext:.0f} articles/s per core "
        f"({1 / cpu:.0f} per CPU-second), {ext / split:.1f}x the baseline"
    )

    batch = synthesise(base, args.articles)
    w = args.workers
    print(
        f"pool: {len(batch)} articles, {w} workers vs 1 (in-process), best of {args.rounds}, "
        f"start-up included; load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores"
    )
    for name, job in (
        ("extract_json_line (the CLI's job)", extract_json_line),
        ("extract_or_fail (ingest's job)", extract_or_fail),
    ):
        runs = best_of(args.rounds, job, batch, [1, w])
        (one, cpu1), (many, cpu_w) = runs[1], runs[w]
        print(
            f"  {name}: 1 worker {len(batch) / one:.0f} articles/s, "
            f"{w} workers {len(batch) / many:.0f} articles/s: speed-up {one / many:.2f}x; "
            f"CPU {cpu_w / cpu1:.2f}x the in-process CPU"
        )


if __name__ == "__main__":
    main()
