"""What recording the change feed costs a write, against the same writes unrecorded.

Builds --articles extractions by cycling the gold corpora (bench/neo4j_write.py
`workload`), then, in alternating rounds, upserts them all into a fresh embedded store
with the change feed recorded (as shipped) and with it switched off (the baseline: the
store's write without the two snapshots and the append; a new article's change is made
by the batch write itself, graph/store/embedded/batch_write.py, so there only the append
is left out), and retracts a tenth. Prints seconds per round and the ratio recorded /
baseline (the machine is shared and noisy: only the ratio of one run means anything).
With --neo4j --wipe the same on Neo4j (the database is WIPED; point NEO4J_URI at a
scratch server).

    .venv/bin/python bench/change_feed.py [--articles 300] [--rounds 3] [--neo4j --wipe]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any
from unittest.mock import patch

from graph.models import Extraction
from graph.settings import load_settings
from graph.store.embedded import changes as embedded_log
from graph.store.embedded.store import EmbeddedStore
from graph.store.neo4j import changes as neo4j_log

sys.path.insert(0, str(Path(__file__).resolve().parent))
from neo4j_write import workload  # noqa: E402


@contextmanager
def unrecorded() -> Iterator[None]:
    """Both stores write as they did before the change feed, while inside."""

    def plain_tx(tx: Any, work: Callable[..., Any], arg: Any) -> Any:
        return work(tx, arg)

    def no_append(conn: Any, bodies: Any) -> None:
        return None

    def plain_record(conn: Any, scope: Any, write: Callable[[], Any]) -> Any:
        return write()

    with ExitStack() as stack:
        stack.enter_context(patch.object(neo4j_log, "upsert_batch_recorded", plain_tx))
        stack.enter_context(patch.object(neo4j_log, "retract_recorded", plain_tx))
        stack.enter_context(patch.object(embedded_log, "append", no_append))
        stack.enter_context(patch.object(embedded_log, "record", plain_record))
        yield


def one_round(open_store: Callable[[], Any], xs: list[Extraction]) -> float:
    store = open_store()
    try:
        start = time.perf_counter()
        for x in xs:
            store.upsert(x)
        for x in xs[: max(1, len(xs) // 10)]:
            store.retract(x.article.id)
        return time.perf_counter() - start
    finally:
        store.close()


def compare(name: str, open_store: Callable[[], Any], xs: list[Extraction], rounds: int) -> None:
    recorded, plain = [], []
    for _ in range(rounds):
        recorded.append(one_round(open_store, xs))
        with unrecorded():
            plain.append(one_round(open_store, xs))
    r, p = statistics.median(recorded), statistics.median(plain)
    n = len(xs) + max(1, len(xs) // 10)
    print(f"{name}: {len(xs)} upserts + {n - len(xs)} retractions, median of {rounds} rounds")
    print(f"  recorded  {r:7.2f} s  {n / r:7.1f} writes/s")
    print(f"  baseline  {p:7.2f} s  {n / p:7.1f} writes/s")
    print(f"  recorded / baseline: {r / p:.2f}x the time")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--neo4j", action="store_true")
    parser.add_argument("--wipe", action="store_true")
    args = parser.parse_args()
    xs = workload(args.articles)
    tmp = tempfile.TemporaryDirectory()
    counter = iter(range(1_000_000))
    compare("embedded", lambda: EmbeddedStore(Path(tmp.name) / str(next(counter))), xs, args.rounds)
    if args.neo4j:
        if not args.wipe:
            sys.exit("--neo4j wipes the database: add --wipe")
        from graph.store.neo4j.store import Neo4jStore

        s = load_settings()

        def fresh() -> Neo4jStore:
            store = Neo4jStore(s.neo4j_uri, s.neo4j_user, s.neo4j_password, s.neo4j_database)
            store.clear()
            return store

        compare("neo4j", fresh, xs[: max(1, len(xs) // 3)], args.rounds)


if __name__ == "__main__":
    main()
