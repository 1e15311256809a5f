"""The export through the real stores: every serialisation, SHACL, SPARQL, provenance.

`loaded_store` holds the seed + dev gold on each backend; the vocabulary, the IRIs and
the term serialiser are checked without a store in tests/test_rdf_vocab.py.
"""

from __future__ import annotations

import datetime as dt
import io

import pytest
import rdflib
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, SKOS
from rdflib.query import ResultRow

from graph.models import Alias, Article, Entity, Extraction, Relation
from graph.rdf.export import FORMATS, build_graph, export_store, iter_record_quads
from graph.rdf.mapping import RdfMapper
from graph.rdf.namespaces import CRG, Iris
from graph.rdf.shapes import validate
from graph.store.protocol import GraphStore

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
BASE = "https://w3id.org/cryptoreg/id/"
WHEN = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.UTC)
PREFIXES = """
PREFIX crg: <https://w3id.org/cryptoreg/ontology#>
PREFIX schema: <https://schema.org/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
"""
BANNED_OR_BLOCKED_IN_CHINA = (
    PREFIXES
    + """
SELECT DISTINCT ?name WHERE {
  ?china a crg:Jurisdiction ; skos:prefLabel "China" .
  ?actor a schema:GovernmentOrganization ; skos:prefLabel ?name ;
         crg:banned|crg:blocked ?target .
  { ?actor crg:locatedIn/crg:partOf* ?china }
  UNION { ?target crg:partOf* ?china }
  UNION { ?target (crg:locatedIn|crg:headquarteredIn)/crg:partOf* ?china }
}"""
)
HEADQUARTERED_IN_SEYCHELLES = (
    PREFIXES
    + """
SELECT DISTINCT ?name WHERE {
  ?seychelles a crg:Jurisdiction ; skos:prefLabel "Seychelles" .
  ?exchange a crg:Exchange ; skos:prefLabel ?name ;
            crg:headquarteredIn/crg:partOf* ?seychelles .
}"""
)


def export_bytes(store: GraphStore, fmt: str) -> bytes:
    buf = io.BytesIO()
    export_store(store, fmt, buf, base_iri=BASE, generated_at=WHEN)
    return buf.getvalue()


def parse(data: bytes, fmt: str) -> Graph:
    """Parse an export back with rdflib: a Dataset for quad formats, else a Graph."""
    rdf_format = FORMATS[fmt]
    graph: Graph = Dataset() if rdf_format.quads else Graph()
    graph.parse(data=data, format=rdf_format.rdflib_name)
    return graph


def select_names(graph: Graph, query: str) -> set[str]:
    """The first column of a SPARQL SELECT, as strings."""
    out = set()
    for row in graph.query(query):
        assert isinstance(row, ResultRow)
        out.add(str(row[0]))
    return out


def quads(ds: Graph) -> set[tuple[object, ...]]:
    assert isinstance(ds, Dataset)
    return {(s, p, o, g) for s, p, o, g in ds.quads((None, None, None, None))}


class Exports(dict[str, Graph]):
    """The store's export in each format, parsed back, made on first use."""

    def __init__(self, store: GraphStore) -> None:
        super().__init__()
        self.store = store

    def __missing__(self, fmt: str) -> Graph:
        graph = self[fmt] = parse(export_bytes(self.store, fmt), fmt)
        return graph


@pytest.fixture
def exports(loaded_store: GraphStore) -> Exports:
    """The seed + dev export in every format, parsed back (lazily)."""
    return Exports(loaded_store)


# --- the export through the stores -------------------------------------------------------


def test_every_format_parses_and_agrees(
    loaded_store: GraphStore, exports: dict[str, Graph]
) -> None:
    merged = exports["ntriples"]
    assert len(merged) > 1000
    mapper = RdfMapper(Iris(BASE), WHEN)
    expected = build_graph(iter_record_quads(loaded_store, mapper), quads=False)
    assert isomorphic(merged, expected)  # the streaming writer says what rdflib would
    for fmt in ("turtle", "jsonld"):
        assert isomorphic(exports[fmt], merged), fmt
    assert quads(exports["trig"]) == quads(exports["nquads"])
    union = {(s, p, o) for s, p, o, _ in quads(exports["nquads"])}
    assert union == set(merged)


def test_export_is_deterministic(loaded_store: GraphStore) -> None:
    assert export_bytes(loaded_store, "nquads") == export_bytes(loaded_store, "nquads")


def test_seed_and_dev_exports_conform_to_the_shapes(exports: dict[str, Graph]) -> None:
    conforms, _, text = validate(exports["turtle"])
    assert conforms, text


def test_a_broken_graph_violates_the_shapes(exports: dict[str, Graph]) -> None:
    graph = exports["ntriples"]
    okx, seychelles = URIRef(BASE + "exchange:okx"), URIRef(BASE + "jurisdiction:seychelles")
    assert (okx, SKOS.prefLabel, Literal("OKX")) in graph
    graph.add((okx, CRG.banned, seychelles))  # an exchange is no actor
    conforms, report, text = validate(graph)
    assert not conforms
    assert "BANNED" in text


@pytest.mark.parametrize(
    ("broken", "component"),
    [
        ("prefLabel", "MinCountConstraintComponent"),
        ("count", "DatatypeConstraintComponent"),
        ("statement", "SPARQLConstraintComponent"),
    ],
)
def test_each_kind_of_break_is_reported(
    exports: dict[str, Graph], broken: str, component: str
) -> None:
    graph = exports["ntriples"]
    okx, seychelles = URIRef(BASE + "exchange:okx"), URIRef(BASE + "jurisdiction:seychelles")
    if broken == "prefLabel":
        graph.remove((seychelles, SKOS.prefLabel, None))
    elif broken == "count":
        graph.add((okx, CRG.count, Literal("thirteen")))
    else:
        graph.remove((okx, CRG.headquarteredIn, seychelles))
    conforms, _, text = validate(graph)
    assert not conforms
    assert component in text


def test_okx_is_mapped_with_standard_types_and_provenance(exports: dict[str, Graph]) -> None:
    g = exports["ntriples"]
    okx = URIRef(BASE + "exchange:okx")
    types = set(g.objects(okx, RDF.type))
    assert {CRG.Exchange, URIRef("https://schema.org/Corporation")} <= types
    assert Literal("Ou Yi") in set(g.objects(okx, SKOS.altLabel))
    statements = set(g.subjects(CRG.subject, okx)) & set(
        g.subjects(CRG.predicate, CRG.headquarteredIn)
    )
    assert len(statements) == 1
    (st,) = statements
    assert (
        st,
        URIRef("http://www.w3.org/ns/prov#wasDerivedFrom"),
        URIRef(BASE + "article/seed-beijing-crackdown"),
    ) in g


def test_each_fact_sits_in_its_articles_graph(exports: dict[str, Graph]) -> None:
    ds = exports["trig"]
    assert isinstance(ds, Dataset)
    okx, seychelles = URIRef(BASE + "exchange:okx"), URIRef(BASE + "jurisdiction:seychelles")
    graphs = {g for _, _, _, g in ds.quads((okx, CRG.headquarteredIn, seychelles, None))}
    facts = URIRef(BASE + "article/seed-beijing-crackdown#facts")
    assert graphs == {facts}
    prov = "http://www.w3.org/ns/prov#"
    default = ds.default_graph
    assert (
        facts,
        URIRef(prov + "wasDerivedFrom"),
        URIRef(BASE + "article/seed-beijing-crackdown"),
    ) in default
    assert (
        facts,
        URIRef(prov + "generatedAtTime"),
        Literal(WHEN, datatype=rdflib.XSD.dateTime),
    ) in default


def test_sparql_regulators_banning_or_blocking_in_china(exports: dict[str, Graph]) -> None:
    for fmt in ("turtle", "jsonld"):
        names = select_names(exports[fmt], BANNED_OR_BLOCKED_IN_CHINA)
        assert names == {
            "Beijing Local Financial Supervision and Administration",
            "People's Bank of China",
        }


def test_sparql_exchanges_headquartered_in_seychelles(exports: dict[str, Graph]) -> None:
    assert select_names(exports["turtle"], HEADQUARTERED_IN_SEYCHELLES) == {"OKX"}


# --- edge cases through the stores -----------------------------------------------------


def _odd_extraction() -> Extraction:
    """Language-tagged aliases, a Wikidata id, a fine, a group, and awkward characters."""
    return Extraction(
        article=Article(
            id="odd article/1",
            url="https://example.org/news?id=1&x=a b",
            title='Title with "quotes" and a\nnewline',
            publisher="Forkast",
            published=dt.date(2024, 5, 6),
        ),
        entities=[
            Entity(
                id="exchange:okx",
                type="Exchange",
                name="OKX",
                qid="Q104842213",
                aliases=[
                    Alias(name="Ou Yi", kind="translation", lang="zh-Latn"),
                    Alias(name="欧易", kind="translation", lang="zh"),
                    Alias(name="OKEx", kind="former_name"),
                ],
            ),
            Entity(id="regulator:sec", type="Regulator", name='SEC \\ "Commission"'),
            Entity(
                id="app:group-1",
                type="App",
                name="13 apps",
                unnamed=True,
                count=13,
                description="apps involved in trading",
            ),
        ],
        relations=[
            Relation(
                type="FINED",
                source="regulator:sec",
                target="exchange:okx",
                evidence="The SEC fined OKX $1.5 million.\tReally.",
                confidence=0.8,
                properties={"amount": 1.5e21, "currency": "USD"},
            ),
            Relation(type="BANNED", source="regulator:sec", target="app:group-1", evidence=None),
        ],
    )


def test_aliases_qids_amounts_and_escapes_survive(store: GraphStore) -> None:
    store.upsert(_odd_extraction())
    g = parse(export_bytes(store, "ntriples"), "ntriples")
    okx = URIRef(BASE + "exchange:okx")
    labels = set(g.objects(okx, SKOS.altLabel))
    assert {Literal("Ou Yi", lang="zh-Latn"), Literal("欧易", lang="zh"), Literal("OKEx")} <= labels
    assert (okx, CRG.formerNameLabel, Literal("OKEx")) in g
    assert (okx, OWL.sameAs, URIRef("http://www.wikidata.org/entity/Q104842213")) in g
    (st,) = set(g.subjects(CRG.predicate, CRG.fined))
    assert (st, CRG.amount, Literal("1500000000000000000000.0", datatype=rdflib.XSD.decimal)) in g
    assert (st, CRG.currency, Literal("USD")) in g
    assert (st, CRG.evidence, Literal("The SEC fined OKX $1.5 million.\tReally.")) in g
    group = URIRef(BASE + "app:group-1")
    assert (group, CRG.count, Literal(13)) in g
    article = URIRef(BASE + "article/odd%20article%2F1")
    assert (
        article,
        URIRef("http://purl.org/dc/terms/source"),
        URIRef("https://example.org/news?id=1&x=a%20b"),
    ) in g
    conforms, _, text = validate(g)
    assert conforms, text
    for fmt in FORMATS:
        parse(export_bytes(store, fmt), fmt)  # every syntax copes with the escapes


def test_empty_store_exports_empty_graphs(store: GraphStore) -> None:
    for fmt in FORMATS:
        assert len(parse(export_bytes(store, fmt), fmt)) == 0
