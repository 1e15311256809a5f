"""Export a store as RDF: `export_store` for the CLI, `iter_export` for the API.

N-Triples and N-Quads stream: records come from the store's iterators, each maps
to a handful of quads (graph/rdf/mapping.py) and is written at once, so memory
stays flat however large the graph. Turtle, TriG and JSON-LD need the whole graph
to group subjects and compact terms, so they build an rdflib Graph/Dataset first
(memory grows with the graph; use N-Triples/N-Quads for big exports).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import BinaryIO, Protocol

from rdflib import Dataset, Graph, Literal
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import RDF, SKOS

from graph.errors import InvalidInputError, NotFoundError
from graph.models import Article
from graph.rdf.mapping import Quad, RdfMapper
from graph.rdf.namespaces import CRG, DATA_PREFIXES, Iris
from graph.rdf.ntriples import iter_chunks, iter_lines
from graph.store.protocol import EntityRecord, Fact, GraphStore


@dataclass(frozen=True)
class RdfFormat:
    """A serialisation: its API/CLI name, media type, rdflib plugin and shape."""

    name: str
    media_type: str
    rdflib_name: str
    extension: str
    streaming: bool
    quads: bool


FORMATS: dict[str, RdfFormat] = {
    f.name: f
    for f in (
        RdfFormat("turtle", "text/turtle", "turtle", "ttl", streaming=False, quads=False),
        RdfFormat("ntriples", "application/n-triples", "nt", "nt", streaming=True, quads=False),
        RdfFormat(
            "jsonld", "application/ld+json", "json-ld", "jsonld", streaming=False, quads=False
        ),
        RdfFormat("trig", "application/trig", "trig", "trig", streaming=False, quads=True),
        RdfFormat("nquads", "application/n-quads", "nquads", "nq", streaming=True, quads=True),
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
    """An rdflib Dataset (named graphs kept) or Graph (all graphs merged), prefixes bound."""
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


def serialize(batches: Iterable[list[Quad]], fmt: RdfFormat) -> Iterator[bytes]:
    """Bytes of the quads in `fmt`: streamed line by line, or through an rdflib graph."""
    if fmt.streaming:
        return iter_chunks(iter_lines(batches, with_graph=fmt.quads))
    graph = build_graph(batches, quads=fmt.quads)
    if fmt.name == "jsonld":
        context = {prefix: str(ns) for prefix, ns in DATA_PREFIXES.items()}
        data = graph.serialize(format="json-ld", context=context, encoding="utf-8")
    else:
        data = graph.serialize(format=fmt.rdflib_name, encoding="utf-8")
    return iter([data])


def iter_export(
    source: RdfSource, fmt: str, base_iri: str, generated_at: dt.datetime | None = None
) -> Iterator[bytes]:
    """The whole store in `fmt`; the format and base IRI are checked before any record is read."""
    rdf_format = get_format(fmt)
    mapper = _mapper(base_iri, generated_at)
    return serialize(iter_record_quads(source, mapper), rdf_format)


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
    for fact in store.relations_of(entity_id, direction="both"):
        batches.append(mapper.fact_quads(fact))
        other = fact.target if fact.source.id == entity_id else fact.source
        n = mapper.iris.entity(other.id)
        batches.append([(n, RDF.type, CRG[other.type], None)])
        batches.append([(n, SKOS.prefLabel, Literal(other.name), None)])
    return batches
