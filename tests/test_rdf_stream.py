"""Streamed RDF exports (issue 17, point 3): every format parses back to the graph rdflib
builds from the same quads (and to what rdflib's own serialisation parses to), and
`GET /export` sends its first bytes before the store has been read to the end."""

from __future__ import annotations

import asyncio
import datetime as dt
import threading
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from graph.models import Alias, Article, Entity, Extraction, Relation
from graph.ontology import ENDED, REL, STATUS, TYPE
from graph.rdf import ntriples
from graph.rdf.export import FORMATS, build_graph, iter_export, iter_record_quads
from graph.rdf.mapping import RdfMapper
from graph.rdf.namespaces import Iris
from graph.settings import Settings
from graph.store.protocol import Fact, GraphStore

BASE = "https://w3id.org/cryptoreg/id/"
WHEN = dt.datetime(2024, 5, 1, 12, 0, tzinfo=dt.UTC)
REG, OKX, APPS, SEY = "regulator:harbour-sc", "exchange:okx", "app:13-apps", "jurisdiction:sc"

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")


def _extractions() -> list[Extraction]:
    """A small graph with what a writer can get wrong: language tags, quotes, backslashes,
    newlines, tabs, non-Latin text, decimals, integers, booleans, partial dates, an ended
    action with its history, a fine with money, shared subjects across records, a URL
    needing escapes, a publisher named twice."""
    entities = [
        Entity(
            id=REG,
            type=TYPE.regulator,
            name='Harbour "Securities" Commission \\ HSC',
            aliases=[
                Alias(name="HSC", kind="abbreviation"),
                Alias(name="港口证监会", kind="translation", lang="zh"),
                Alias(name="Ou Yi", kind="translation", lang="zh-Latn"),
            ],
        ),
        Entity(id=OKX, type=TYPE.exchange, name="OKX", qid="Q104842213"),
        Entity(
            id=APPS,
            type=TYPE.app,
            name="13 apps",
            unnamed=True,
            count=13,
            description="apps\ttrading\ncrypto",
        ),
        Entity(id=SEY, type=TYPE.jurisdiction, name="Seychelles"),
    ]
    day = dt.date(2021, 9, 20)
    return [
        Extraction(
            article=Article(
                id="s1",
                title="HSC bans OKX — «banned»",
                publisher="Harbour Times",
                url="https://news.example/a?x=1&y=a b",
                published=day,
            ),
            entities=entities,
            relations=[
                Relation(
                    type=REL.banned,
                    source=REG,
                    target=OKX,
                    evidence='HSC said "OKX is banned".\nEnd.',
                    date="2021-09",
                ),
                Relation(type=REL.banned, source=REG, target=APPS, evidence="It banned 13 apps."),
                Relation(type=REL.headquartered_in, source=OKX, target=SEY, confidence=0.7),
            ],
        ),
        Extraction(
            article=Article(id="s2", title="Lifted", publisher="Harbour Times", published=day),
            entities=entities[:2],
            relations=[
                Relation(
                    type=REL.banned,
                    source=REG,
                    target=OKX,
                    evidence="HSC lifted the 2021 ban on OKX.",
                    date="2021",
                    properties={
                        "status": STATUS.ended,
                        "ended_how": ENDED.lifted,
                        "ended_on": "2023-06",
                    },
                ),
                Relation(
                    type=REL.fined,
                    source=REG,
                    target=OKX,
                    evidence="It fined OKX USD 1.5 million.",
                    date="2022-01-15",
                    properties={"amount": 1500000.0, "currency": "usd"},
                ),
            ],
        ),
    ]


@pytest.fixture
def small_store(store: GraphStore) -> GraphStore:
    for extraction in _extractions():
        store.upsert(extraction)
    return store


def _reference(source: GraphStore, quads: bool) -> Graph:
    """rdflib's graph of the same records (the streamed writers are not involved)."""
    return build_graph(iter_record_quads(source, RdfMapper(Iris(BASE), WHEN)), quads=quads)


def _quad_set(graph: Graph) -> set[tuple[Any, ...]]:
    """(s, p, o, graph name or None) of a Dataset."""
    assert isinstance(graph, Dataset)
    out = set()
    for s, p, o, g in graph.quads((None, None, None, None)):
        name = getattr(g, "identifier", g)
        out.add((s, p, o, None if name == DATASET_DEFAULT_GRAPH_ID else name))
    return out


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_round_trips_to_rdflibs_graph(small_store: GraphStore, fmt: str) -> None:
    rdf_format = FORMATS[fmt]
    data = b"".join(iter_export(small_store, fmt, BASE, WHEN, chunk_bytes=512))
    ours: Graph = Dataset() if rdf_format.quads else Graph()
    ours.parse(data=data, format=rdf_format.rdflib_name)
    reference = _reference(small_store, rdf_format.quads)
    assert len(reference) > 100
    # rdflib's own serialisation of the same graph, parsed back the same way
    theirs: Graph = Dataset() if rdf_format.quads else Graph()
    text = reference.serialize(format=rdf_format.rdflib_name, encoding="utf-8")
    theirs.parse(data=text, format=rdf_format.rdflib_name)
    if rdf_format.quads:
        assert _quad_set(ours) == _quad_set(reference) == _quad_set(theirs)
    else:
        assert isomorphic(ours, reference)
        assert isomorphic(ours, theirs)


@pytest.mark.parametrize("fmt", ["turtle", "trig", "jsonld"])
def test_prefixed_formats_are_smaller_than_ntriples(small_store: GraphStore, fmt: str) -> None:
    size = len(b"".join(iter_export(small_store, fmt, BASE, WHEN)))
    assert size < len(b"".join(iter_export(small_store, "ntriples", BASE, WHEN)))


def test_a_subject_split_over_records_and_graph_blocks_parses_whole() -> None:
    """An article is a subject in its own record and again in every entity record that
    says it mentions the entity; a named graph gets a block per fact record."""
    records = _Records(_extractions())
    for fmt in ("turtle", "trig", "jsonld"):
        data = b"".join(iter_export(records, fmt, BASE, WHEN))
        graph = (Dataset() if FORMATS[fmt].quads else Graph()).parse(
            data=data, format=FORMATS[fmt].rdflib_name
        )
        article = URIRef(BASE + "article/s1")
        merged = {(s, p, o) for s, p, o, _ in _quad_set(graph)} if FORMATS[fmt].quads else graph
        mentioned = {o for s, p, o in merged if s == article and str(p).endswith("mentions")}
        assert len(mentioned) == 4, fmt


class _Records:
    """Articles, entity records and facts straight from extractions (no store)."""

    def __init__(self, extractions: list[Extraction]) -> None:
        self.extractions = extractions

    def iter_articles(self) -> Iterator[Article]:
        return (x.article for x in self.extractions)

    def iter_entities(self) -> Iterator[Any]:
        from graph.store.protocol import EntityRecord

        ids = {e.id: e for x in self.extractions for e in x.entities}
        for _, entity in sorted(ids.items()):
            sources = [x.article.id for x in self.extractions if entity in x.entities]
            yield EntityRecord(entity=entity, sources=sources)

    def iter_facts(self) -> Iterator[Fact]:
        return iter(())


# --- GET /export streams -----------------------------------------------------------------


class _ProbedStore:
    """The store, with a log of when its last fact has been read."""

    def __init__(self, store: GraphStore, log: list[str]) -> None:
        self._store = store
        self.log = log

    def __getattr__(self, name: str) -> Any:
        return getattr(self._store, name)

    def iter_facts(self) -> Iterator[Fact]:
        yield from self._store.iter_facts()
        self.log.append("read to the end")


async def _get(app: Any, path: str, query: str, log: list[str]) -> bytes:
    """Run one GET through the ASGI app, logging every body chunk as it is sent."""
    body: list[bytes] = []
    requested = False
    never = asyncio.Event()

    async def receive() -> dict[str, Any]:
        nonlocal requested
        if not requested:
            requested = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await never.wait()  # the client stays connected (the server cancels this wait)
        return {"type": "http.disconnect"}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            assert message["status"] == 200, message
        elif message["type"] == "http.response.body" and message.get("body"):
            log.append("chunk sent")
            body.append(message["body"])

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 1),
        "server": ("testserver", 80),
    }
    await app(scope, receive, send)
    return b"".join(body)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_export_response_starts_before_the_graph_is_read(
    small_store: GraphStore, settings: Settings, fmt: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    from api.app import create_app

    monkeypatch.setattr(ntriples, "CHUNK_BYTES", 256)
    log: list[str] = []
    probed: Any = _ProbedStore(small_store, log)
    app = create_app(settings, store=probed)
    data = asyncio.run(_get(app, "/export", f"format={fmt}", log))
    assert "read to the end" in log and log.count("chunk sent") > 2
    assert log.index("chunk sent") < log.index("read to the end"), log
    rdf_format = FORMATS[fmt]
    graph = (Dataset() if rdf_format.quads else Graph()).parse(
        data=data, format=rdf_format.rdflib_name
    )
    assert len(graph) > 100


class _GatedStore(_ProbedStore):
    """The store, whose facts wait at a gate: an export stays open until it is lifted."""

    def __init__(self, store: GraphStore) -> None:
        super().__init__(store, [])
        self.reading = threading.Semaphore(0)
        self.gate = threading.Event()

    def iter_facts(self) -> Iterator[Fact]:
        self.reading.release()
        assert self.gate.wait(timeout=60)
        yield from self._store.iter_facts()


def test_one_export_more_than_the_cap_is_a_429_and_reads_go_on(
    small_store: GraphStore, settings: Settings
) -> None:
    """With CRYPTOREG_MAX_EXPORTS=1 and one export open, a second is refused at once with
    a 429 problem and a Retry-After, cheap reads still answer, and the slot comes back
    when the first export ends."""
    from browser_support import serve

    from api.app import create_app

    gated = _GatedStore(small_store)
    app = create_app(settings.model_copy(update={"max_exports": 1}), store=gated)
    with serve(app) as base, httpx.Client(base_url=base, timeout=30) as client:
        first: list[httpx.Response] = []
        opened = threading.Thread(target=lambda: first.append(client.get("/export")))
        opened.start()
        assert gated.reading.acquire(timeout=30)  # the first export holds its slot
        refused = client.get("/export", params={"format": "ntriples"})
        assert refused.status_code == 429
        assert refused.headers["content-type"] == "application/problem+json"
        assert int(refused.headers["retry-after"]) > 0
        assert "CRYPTOREG_MAX_EXPORTS" in refused.json()["detail"]
        assert client.get("/stats").status_code == 200
        gated.gate.set()
        opened.join(timeout=60)
        assert first[0].status_code == 200 and len(first[0].content) > 1000
        assert client.get("/export").status_code == 200  # the slot is free again
