"""How long the project's Neo4j takes to start and stop, and how much memory it holds.

Runs a throwaway server in a temporary home (jars shared with `.neo4j/lib` by symlink,
spare ports), so the developers' own server is left alone. Prints the first start
(which creates the databases), warm restarts, stop time and resident memory, each
beside a baseline measured in the same run: a bare `java -version` JVM start.

    .venv/bin/python bench/neo4j_start.py [--restarts 3]
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from graph.neo4j_server.jars import jars_current, lib_dir
from graph.neo4j_server.server import running_pid, start, stop
from graph.settings import Settings, get_settings, load_settings


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _timed(action: object, *args: object) -> float:
    began = time.perf_counter()
    action(*args)  # type: ignore[operator]
    return time.perf_counter() - began


def _java_version_time(runs: int = 3) -> float:
    java = shutil.which("java") or "java"
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run([java, "-version"], capture_output=True, check=True)
        times.append(time.perf_counter() - began)
    return min(times)


def _bench_settings(home: Path, base: Settings) -> Settings:
    return load_settings(
        neo4j_home=home,
        neo4j_bolt_port=_free_port(),
        neo4j_http_port=_free_port(),
        neo4j_heap=base.neo4j_heap,
        neo4j_pagecache=base.neo4j_pagecache,
    )


def main() -> None:
    """Measure and print; exits non-zero if the jars were never fetched."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--restarts", type=int, default=3)
    args = parser.parse_args()
    base = get_settings()
    if not jars_current(base.neo4j_home):
        raise SystemExit("run `cryptoreg neo4j start` once first, so the jars are fetched")
    baseline = _java_version_time()
    with tempfile.TemporaryDirectory(prefix="cryptoreg-neo4j-bench-") as tmp:
        home = Path(tmp) / "neo4j"
        home.mkdir()
        lib_dir(home).symlink_to(lib_dir(base.neo4j_home), target_is_directory=True)
        settings = _bench_settings(home, base)
        first = _timed(start, settings)
        rss = [_rss_mib(running_pid(settings) or 0)]
        stops = [_timed(stop, settings)]
        warm = []
        for _ in range(args.restarts):
            warm.append(_timed(start, settings))
            rss.append(_rss_mib(running_pid(settings) or 0))
            stops.append(_timed(stop, settings))
    print(f"baseline `java -version`:        {baseline:6.2f} s")
    print(f"first start (creates databases): {first:6.2f} s  ({first / baseline:.0f}x baseline)")
    median = statistics.median(warm)
    label = f"warm start, median of {len(warm)}:"
    print(f"{label:32} {median:6.2f} s  ({median / baseline:.0f}x baseline)")
    print(f"stop, median:                    {statistics.median(stops):6.2f} s")
    sizes = f"heap {base.neo4j_heap}, page cache {base.neo4j_pagecache}"
    print(f"resident memory after start:     {statistics.median(rss):6.0f} MiB ({sizes})")


if __name__ == "__main__":
    main()
