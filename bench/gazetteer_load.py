"""How long the gazetteer takes to build, with and without the parsed-YAML cache.

Each run builds the shipped gazetteer from `ingest/gazetteer/` in a fresh child
process (so memoised normalisation and imports do not carry over), R times per
mode, and prints the median of each. The baseline, measured in the same run, is a
child that only imports the package: the difference is what loading costs.
Modes: `yaml` parses every file (no cache), `cached` reads the JSON cache (warmed
first), in a temporary cache dir so the user's cache is untouched.

    .venv/bin/python bench/gazetteer_load.py [R]
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile

CHILD = """
import sys, time
from pathlib import Path
t0 = time.perf_counter()
from ingest.gazetteer import loader
t1 = time.perf_counter()
mode, cache_dir = sys.argv[1], Path(sys.argv[2])
if mode != "import":
    loader.build_gazetteer(loader.DATA_DIR, cache_dir=cache_dir if mode == "cached" else None)
t2 = time.perf_counter()
print(t1 - t0, t2 - t1)
"""


def run(mode: str, cache_dir: str) -> tuple[float, float]:
    out = subprocess.run(
        [sys.executable, "-c", CHILD, mode, cache_dir], capture_output=True, text=True, check=True
    ).stdout.split()
    return float(out[0]), float(out[1])


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory() as cache_dir:
        run("cached", cache_dir)  # warm the cache
        results = {
            m: [run(m, cache_dir) for _ in range(rounds)] for m in ("import", "yaml", "cached")
        }
    imports = statistics.median(r[0] for r in results["import"])
    print(f"import of ingest.gazetteer (baseline): {imports * 1000:7.1f} ms")
    load = {m: statistics.median(r[1] for r in results[m]) for m in ("yaml", "cached")}
    for mode, seconds in load.items():
        print(f"build, {mode:6s}: {seconds * 1000:7.1f} ms  ({seconds / imports:4.2f}x the import)")
    print(f"cache speed-up: {load['yaml'] / load['cached']:4.2f}x")


if __name__ == "__main__":
    main()
