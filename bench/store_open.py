"""How long opening a big embedded store takes, and its first traversal.

Generates a synthetic store of about --relations facts (default 100k) through the real
`upsert_many` (identity resolution included), closes it, then measures in a fresh
store object: open, first `neighbours` (which builds the networkx view), a second
`neighbours` (view cached), `stats`, `search`, `actions` with a jurisdiction filter.
The baseline, measured in the same run, is a bare sqlite3 scan of every fact row,
the least any view build must read; figures are printed with their ratio to it.

    .venv/bin/python bench/store_open.py [--relations 100000] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from graph.models import Article, Entity, Extraction, Relation
from graph.ontology import REL, TYPE
from graph.store.embedded.db import DB_NAME
from graph.store.embedded.store import EmbeddedStore

SYLLABLES = "ka lo mi zu ve ra to ni sha dor bex qui lum fen gar hol ix jun pry sto".split()
RELS_PER_ARTICLE = 20
ACTIONS = [REL.banned, REL.blocked, REL.fined, REL.sued, REL.investigated, REL.warned, REL.licensed]


def _word(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(3)).title()


class Pools:
    """Entity pools that articles draw from, so entities recur across articles."""

    def __init__(self, rng: random.Random, size: int) -> None:
        def pool(etype: str, n: int) -> list[Entity]:
            names = {f"{_word(rng)} {_word(rng)} {i}" for i in range(n)}
            return [
                Entity(id=f"{etype.lower()}:{i}", type=etype, name=nm)
                for i, nm in enumerate(sorted(names))
            ]

        self.places = pool(TYPE.jurisdiction, max(50, size // 200))
        self.regulators = pool(TYPE.regulator, max(50, size // 40))
        self.exchanges = pool(TYPE.exchange, max(100, size // 10))
        self.people = pool(TYPE.person, max(100, size // 10))


def article(i: int, pools: Pools, rng: random.Random) -> Extraction:
    """One synthetic article: actions, where the actor sits, where targets operate."""
    regs = rng.sample(pools.regulators, 3)
    exs = rng.sample(pools.exchanges, 6)
    places = rng.sample(pools.places, 3)
    people = rng.sample(pools.people, 2)
    rels: list[Relation] = []
    for k in range(RELS_PER_ARTICLE - 7):
        rels.append(Relation(type=ACTIONS[k % 7], source=regs[k % 3].id, target=exs[k % 6].id))
    rels += [Relation(type=REL.located_in, source=r.id, target=places[0].id) for r in regs]
    rels += [Relation(type=REL.operates_in, source=e.id, target=places[1].id) for e in exs[:2]]
    rels.append(Relation(type=REL.part_of, source=places[2].id, target=places[0].id))
    rels.append(Relation(type=REL.affiliated_with, source=people[0].id, target=exs[0].id))
    day = dt.date(2018, 1, 1) + dt.timedelta(days=i % 2500)
    ents = regs + exs + places + people
    return Extraction(
        article=Article(id=f"bench-{i:07d}", published=day, text="lorem " * 300),
        entities=ents,
        relations=list({r.key: r for r in rels}.values()),
    )


def articles(n: int, seed: int = 7) -> Iterator[Extraction]:
    rng = random.Random(seed)
    pools = Pools(rng, n * RELS_PER_ARTICLE)
    for i in range(n):
        yield article(i, pools, rng)


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    out = fn()
    return time.perf_counter() - start, out


def build(data_dir: Path, relations: int) -> None:
    n = relations // RELS_PER_ARTICLE
    store = EmbeddedStore(data_dir)
    if store.stats().articles >= n:
        store.close()
        return
    batch: list[Extraction] = []
    start = time.perf_counter()
    for x in articles(n):
        batch.append(x)
        if len(batch) == 500:
            store.upsert_many(batch)
            batch = []
    store.upsert_many(batch)
    took = time.perf_counter() - start
    print(f"ingest: {n} articles in {took:.1f} s ({n / took:.0f} articles/s)")
    store.close()


def baseline(data_dir: Path) -> float:
    def scan() -> int:
        conn = sqlite3.connect(data_dir / DB_NAME)
        rows = conn.execute("SELECT id, source, type, target FROM facts").fetchall()
        conn.close()
        return len(rows)

    return timed(scan)[0]


def measure(data_dir: Path) -> None:
    base = baseline(data_dir)
    t_open, store = timed(lambda: EmbeddedStore(data_dir))
    stats = store.stats()
    facts = sum(stats.relations_by_type.values())
    ents = sum(stats.entities_by_type.values())
    print(f"store: {stats.articles} articles, {ents} entities, {facts} facts")
    hub = "regulator:0"
    t_first, sub = timed(lambda: store.neighbours(hub))
    t_second, _ = timed(lambda: store.neighbours(hub))
    t_stats, _ = timed(store.stats)
    t_search, hits = timed(lambda: store.search("kalo"))
    t_actions, acts = timed(lambda: store.actions(jurisdiction="jurisdiction:0", limit=50))
    rows = [
        ("baseline: sqlite3 scan of all facts", base),
        ("open EmbeddedStore", t_open),
        ("first neighbours (builds view)", t_first),
        ("open + first neighbours", t_open + t_first),
        ("second neighbours (cached view)", t_second),
        ("stats", t_stats),
        ("search 'kalo'", t_search),
        ("actions(jurisdiction, limit 50)", t_actions),
    ]
    for label, secs in rows:
        print(f"{label:40s} {secs * 1000:9.1f} ms   x{secs / base:7.2f} baseline")
    print(
        f"(neighbours: {len(sub.nodes)} nodes, {len(sub.edges)} edges; "
        f"search: {len(hits)} hits; actions: {len(acts)})"
    )
    store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--relations", type=int, default=100_000)
    parser.add_argument("--data-dir", type=Path, default=None)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = args.data_dir or Path(tmp)
        build(data_dir, args.relations)
        measure(data_dir)


if __name__ == "__main__":
    main()
