"""Export a store as RDF: `export_store` for the CLI, `iter_export` for the API.

Every format streams: records come from the store's iterators, each maps to a handful
of quads (graph/rdf/mapping.py) and is written at once, so time and size grow with the
graph and memory stays one record (plus the mapper's publisher set and the writers'
bounded prefix caches) however large it is. N-Triples and N-Quads are written line by
line (graph/rdf/ntriples.py); Turtle and TriG one block per subject and per named graph
of each record (graph/rdf/turtle.py); JSON-LD as a flattened document, one node object
per subject of each record (graph/rdf/jsonld.py). A subject can come back in a later
record (an article is the subject of `schema:mentions` in each entity it mentions);
all three syntaxes allow that and parse to the same graph as rdflib's own serialisation
(tests/test_rdf_stream.py).

Readers: the export holds no lock of its own. It reads through the store's iterators,
which take the store's own snapshots (Neo4j: a query per page of PAGE records; the
embedded store: a pooled read-only connection, so other readers never wait for it), and
offers the GIL to the API's other threads after every record (`_polite`). It reads
articles, then entities, then facts, so a write landing meanwhile can show in the later
sections only. The writers' memory is flat; the embedded store's iterators still build
each section as a list in one snapshot (graph/store/embedded/store.py), which paging
there would make flat too.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from rdflib import Dataset, Graph, Literal
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF, SKOS

from graph.errors import InvalidInputError, NotFoundError
from graph.models import Article
from graph.rdf import ntriples
from graph.rdf.jsonld import iter_jsonld
from graph.rdf.mapping import Quad, RdfMapper
from graph.rdf.namespaces import CRG, DATA_PREFIXES, Iris
from graph.rdf.ntriples import iter_chunks, iter_lines
from graph.rdf.turtle import iter_trig, iter_turtle
from graph.store.protocol import EntityRecord, Fact, GraphStore


@dataclass(frozen=True)
class RdfFormat:
    """A serialisation: its API/CLI name, media type, rdflib plugin (to parse it back),
    file extension, and whether it keeps the named graphs."""

    name: str
    media_type: str
    rdflib_name: str
    extension: str
    quads: bool


FORMATS: dict[str, RdfFormat] = {
    f.name: f
    for f in (
        RdfFormat("turtle", "text/turtle", "turtle", "ttl", quads=False),
        RdfFormat("ntriples", "application/n-triples", "nt", "nt", quads=False),
        RdfFormat("jsonld", "application/ld+json", "json-ld", "jsonld", quads=False),
        RdfFormat("trig", "application/trig", "trig", "trig", quads=True),
        RdfFormat("nquads", "application/n-quads", "nquads", "nq", quads=True),
    )
}


class RdfSource(Protocol):
    """What the export needs of a store (every GraphStore is one)."""

    def iter_articles(self) -> Iterator[Article]: ...

    def iter_entities(self) -> Iterator[EntityRecord]: ...

    def iter_facts(self) -> Iterator[Fact]: ...


def get_format(name: str) -> RdfFormat:
    """The format called `name`; InvalidInputError (HTTP 422, CLI exit 1) naming the choices."""
    fmt = FORMATS.get(name)
    if fmt is None:
        raise InvalidInputError(f"unknown RDF format {name!r}; choose one of {', '.join(FORMATS)}")
    return fmt


def iter_record_quads(source: RdfSource, mapper: RdfMapper) -> Iterator[list[Quad]]:
    """Articles, then entities, then facts, one quad list per record, straight from the store."""
    for article in source.iter_articles():
        yield mapper.article_quads(article)
    for record in source.iter_entities():
        yield mapper.entity_quads(record)
    for fact in source.iter_facts():
        yield mapper.fact_quads(fact)


def _mapper(base_iri: str, generated_at: dt.datetime | None) -> RdfMapper:
    return RdfMapper(Iris(base_iri), generated_at or dt.datetime.now(dt.UTC).replace(microsecond=0))


def build_graph(batches: Iterable[list[Quad]], quads: bool) -> Graph:
    """An rdflib Dataset (named graphs kept) or Graph (all graphs merged), prefixes bound:
    the reference the streamed writers are tested and benchmarked against."""
    graph: Graph = Dataset() if quads else Graph()
    for prefix, ns in DATA_PREFIXES.items():
        graph.bind(prefix, str(ns))
    if isinstance(graph, Dataset):
        for s, p, o, g in (q for batch in batches for q in batch):
            graph.add((s, p, o, g or DATASET_DEFAULT_GRAPH_ID))  # type: ignore[arg-type]
    else:
        for s, p, o, _ in (q for batch in batches for q in batch):
            graph.add((s, p, o))
    return graph


def _prefixes() -> dict[str, str]:
    return {prefix: str(ns) for prefix, ns in DATA_PREFIXES.items()}


def iter_text(batches: Iterable[list[Quad]], fmt: RdfFormat) -> Iterator[str]:
    """Text of the quads in `fmt`, a piece per record (after a header for the prefixed ones)."""
    if fmt.name in ("ntriples", "nquads"):
        return iter_lines(batches, with_graph=fmt.quads)
    if fmt.name == "turtle":
        return iter_turtle(batches, _prefixes())
    if fmt.name == "trig":
        return iter_trig(batches, _prefixes())
    if fmt.name == "jsonld":
        return iter_jsonld(batches, _prefixes())
    raise InvalidInputError(f"no writer for RDF format {fmt.name!r}")


def serialize(
    batches: Iterable[list[Quad]], fmt: RdfFormat, chunk_bytes: int | None = None
) -> Iterator[bytes]:
    """UTF-8 chunks of about `chunk_bytes` (default graph/rdf/ntriples.py CHUNK_BYTES) of
    the quads in `fmt`, each written as soon as its records are read."""
    return iter_chunks(iter_text(_polite(batches), fmt), chunk_bytes or ntriples.CHUNK_BYTES)


def _polite(batches: Iterable[list[Quad]]) -> Iterator[list[Quad]]:
    """The records, offering the GIL to other threads after each one.

    An export is pure-Python work in the API's process: a request thread waiting for the
    GIL would otherwise wait out the interpreter's switch interval (5 ms) each time it
    needs it back, several times per request. `time.sleep(0)` releases the GIL, and a
    waiting thread takes it; alone, it costs a system call per record."""
    for batch in batches:
        yield batch
        time.sleep(0)


def iter_export(
    source: RdfSource,
    fmt: str,
    base_iri: str,
    generated_at: dt.datetime | None = None,
    chunk_bytes: int | None = None,
) -> Iterator[bytes]:
    """The whole store in `fmt`; the format and base IRI are checked before any record is read."""
    rdf_format = get_format(fmt)
    mapper = _mapper(base_iri, generated_at)
    return serialize(iter_record_quads(source, mapper), rdf_format, chunk_bytes)


def export_store(
    store: RdfSource,
    fmt: str,
    out: BinaryIO,
    base_iri: str,
    generated_at: dt.datetime | None = None,
) -> None:
    """Write the store as RDF to a binary stream (the CLI's `cryptoreg export`)."""
    for chunk in iter_export(store, fmt, base_iri, generated_at):
        out.write(chunk)
    out.flush()


def describe_entity(
    store: GraphStore, entity_id: str, base_iri: str, generated_at: dt.datetime | None = None
) -> list[list[Quad]]:
    """One entity's description: its triples, its facts in and out, its neighbours' labels."""
    record = store.get_entity(entity_id)
    if record is None:
        raise NotFoundError(f"no entity with id {entity_id!r}")
    mapper = _mapper(base_iri, generated_at)
    batches = [mapper.entity_quads(record)]
    for fact in store.relations_of(entity_id, direction="both", review="all"):
        batches.append(mapper.fact_quads(fact))
        other = fact.target if fact.source.id == entity_id else fact.source
        n = mapper.iris.entity(other.id)
        batches.append([(n, RDF.type, CRG[other.type], None)])
        batches.append([(n, SKOS.prefLabel, Literal(other.name), None)])
    return batches
