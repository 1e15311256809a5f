"""Benchmark: the streaming N-Triples writer vs rdflib's `Graph.serialize(format="nt")`.

Synthesises about `--triples` triples of articles, entities and facts (a regulator
per article fining or banning a handful of targets, with aliases, evidence sentences
with quotes and non-Latin text, shared jurisdictions), then, in one process and on
the same records:

1. streams N-Triples with graph/rdf/export.py (`iter_export`) into a byte counter;
2. builds an rdflib Graph from the same quads and serialises it with rdflib's "nt".

It prints triples/s and the peak Python heap (tracemalloc, measured in a second pass
so the timing runs untraced) for each, and the ratios. First the writer alone streams
lazily generated records at 1/10 and at full size, which shows its memory does not
grow. Then, by default (`--source generated`), the two writers are compared on those
records; `--source embedded` loads them into an EmbeddedStore first and compares the
exports from it (the store's iterators then count too). Loading runs at roughly one
article (~195 triples) per second on a busy 2-core machine, so keep that one near
`--triples 100000`.

    .venv/bin/python bench/rdf_export.py --triples 1000000
    .venv/bin/python bench/rdf_export.py --triples 100000 --source embedded
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import resource
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any, cast

from graph.ontology import REL, TYPE

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from graph.models import Alias, Article, Entity, Extraction, Relation  # noqa: E402
from graph.rdf.export import build_graph, iter_export, iter_record_quads  # noqa: E402
from graph.rdf.mapping import RdfMapper  # noqa: E402
from graph.rdf.namespaces import Iris  # noqa: E402
from graph.store.protocol import EntityRecord, EntitySummary, Fact  # noqa: E402

BASE = "https://w3id.org/cryptoreg/id/"
WHEN = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
TARGETS = 8  # targets per article
TRIPLES_PER_ARTICLE = 195  # measured: 1 article, 10 entities, 9 facts with statements
JURISDICTIONS = 200


def _extraction(i: int) -> Extraction:
    """Article i: a regulator located in a shared jurisdiction acting on TARGETS targets."""
    art = f"bench-{i:07d}"
    reg = Entity(
        id=f"regulator:bench-{i}",
        type=TYPE.regulator,
        name=f"Regulator «{i}»",
        aliases=[
            Alias(name=f"R{i}", kind="abbreviation"),
            Alias(name=f"监管机构 {i}", kind="translation", lang="zh"),
        ],
    )
    jur_id = f"jurisdiction:bench-{i % JURISDICTIONS}"
    jur = Entity(id=jur_id, type=TYPE.jurisdiction, name=f"Land {i % JURISDICTIONS}")
    targets = [
        Entity(
            id=f"exchange:bench-{i}-{j}",
            type=TYPE.exchange,
            name=f'Exchange "{i}-{j}"',
            aliases=[Alias(name=f"X{i}-{j}", kind="other")],
        )
        if j % 2
        else Entity(
            id=f"app:bench-{i}-{j}",
            type=TYPE.app,
            name=f"{j + 2} apps",
            unnamed=True,
            count=j + 2,
            description=f"{j + 2} trading apps",
        )
        for j in range(TARGETS)
    ]
    relations = [Relation(type=REL.located_in, source=reg.id, target=jur_id, confidence=0.9)]
    relations += [
        Relation(
            type=REL.fined if j % 2 else REL.banned,
            source=reg.id,
            target=t.id,
            evidence=f'The regulator said "{t.name}" broke rule §{j}.\nIt — 罚款.',
            confidence=0.8,
            properties={"amount": 1000.5 * j, "currency": "USD"} if j % 2 else {},
        )
        for j, t in enumerate(targets)
    ]
    article = Article(
        id=art,
        title=f"Crackdown {i}",
        publisher=f"Outlet {i % 50}",
        url=f"https://news.example/{i}?a=1&b=2",
        published=dt.date(2024, 1, 1) + dt.timedelta(days=i % 365),
    )
    return Extraction(article=article, entities=[reg, jur, *targets], relations=relations)


class GeneratedSource:
    """Records of n synthetic articles, yielded lazily (nothing kept between records)."""

    def __init__(self, n: int) -> None:
        self.n = n

    def iter_articles(self) -> Iterator[Article]:
        return (_extraction(i).article for i in range(self.n))

    def iter_entities(self) -> Iterator[EntityRecord]:
        for i in range(self.n):
            ex = _extraction(i)
            for e in ex.entities:
                if e.type != TYPE.jurisdiction or i < JURISDICTIONS:
                    yield EntityRecord(entity=e, sources=[ex.article.id])

    def iter_facts(self) -> Iterator[Fact]:
        for i in range(self.n):
            ex = _extraction(i)
            by_id = {e.id: e for e in ex.entities}
            for r in ex.relations:
                s, t = by_id[r.source], by_id[r.target]
                yield Fact(
                    type=r.type,
                    source=EntitySummary(id=s.id, type=s.type, name=s.name),
                    target=EntitySummary(id=t.id, type=t.type, name=t.name),
                    sources=[ex.article.id],
                    evidence=[r.evidence or ""],
                    first_seen=ex.article.published,
                    last_seen=ex.article.published,
                    confidence=r.confidence,
                    properties=r.properties,
                )


class Counter:
    """A binary sink that only counts bytes and lines."""

    def __init__(self) -> None:
        self.bytes = 0
        self.lines = 0

    def write(self, data: bytes) -> int:
        self.bytes += len(data)
        self.lines += data.count(b"\n")
        return len(data)


def streaming(source: Any) -> int:
    sink = Counter()
    for chunk in iter_export(source, "ntriples", BASE, WHEN):
        sink.write(chunk)
    return sink.lines


def rdflib_nt(source: Any) -> int:
    graph = build_graph(iter_record_quads(source, RdfMapper(Iris(BASE), WHEN)), quads=False)
    sink = Counter()
    graph.serialize(destination=cast(IO[bytes], sink), format="nt", encoding="utf-8")
    return len(graph)


def measure(name: str, run: Callable[[Any], int], source: Any) -> dict[str, float]:
    """Time one untraced run, then trace a second for the peak heap."""
    gc.collect()
    t0 = time.perf_counter()
    triples = run(source)
    seconds = time.perf_counter() - t0
    gc.collect()
    tracemalloc.start()
    run(source)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"{name:>22}: {triples:>9,} triples in {seconds:6.2f} s = {triples / seconds:>9,.0f} "
        f"triples/s; peak heap {peak / 2**20:7.1f} MiB; process max RSS so far {rss:6.0f} MiB"
    )
    return {"triples": triples, "seconds": seconds, "peak": peak}


def load_embedded(n: int, data_dir: Path) -> Any:
    from graph.store.embedded.store import EmbeddedStore

    store = EmbeddedStore(data_dir)
    t0 = time.perf_counter()
    store.upsert_many(_extraction(i) for i in range(n))
    print(f"loaded {n:,} articles into EmbeddedStore in {time.perf_counter() - t0:.1f} s")
    return store


def compare(source: Any) -> None:
    """Streaming vs rdflib on the same source, in this process; prints the ratios."""
    stream = measure("streaming N-Triples", streaming, source)
    base = measure("rdflib Graph+serialize", rdflib_nt, source)
    assert stream["triples"] == base["triples"], "the two writers disagree on the triple count"
    speed = (stream["triples"] / stream["seconds"]) / (base["triples"] / base["seconds"])
    print(
        f"streaming vs rdflib: {speed:.1f}x the triples/s, "
        f"{base['peak'] / stream['peak']:.0f}x less peak heap"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--triples", type=int, default=1_000_000)
    parser.add_argument(
        "--source",
        choices=["generated", "embedded"],
        default="generated",
        help="compare on lazily generated records, or on an EmbeddedStore loaded with them",
    )
    args = parser.parse_args()
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    n = max(1, args.triples // TRIPLES_PER_ARTICLE)
    kind = args.source
    print(f"writer alone, lazily generated records ({n // 10:,} then {n:,} articles):")
    measure("streaming, 1/10 size", streaming, GeneratedSource(max(1, n // 10)))
    if kind == "generated":
        compare(GeneratedSource(n))
        return
    measure("streaming, full size", streaming, GeneratedSource(n))
    print(f"through the EmbeddedStore ({n:,} articles):")
    with tempfile.TemporaryDirectory() as tmp:
        store = load_embedded(n, Path(tmp))
        try:
            compare(store)
        finally:
            store.close()


if __name__ == "__main__":
    main()
