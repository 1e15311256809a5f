"""The RDF vocabulary, the mapping, every serialisation, SHACL and SPARQL over the export.

Exports run through the real stores (`loaded_store`: seed + dev gold, both backends);
the vocabulary and the term serialiser are checked without a store.
"""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD
from rdflib.query import ResultRow

from graph.errors import ConfigError, InvalidInputError, OntologyError
from graph.models import Alias, Article, Entity, Extraction, Relation
from graph.ontology import get_ontology
from graph.rdf import CRG, Iris, expand_curie, group_classes, relation_term, safe_iri
from graph.rdf_export import FORMATS, build_graph, export_store, get_format, iter_record_quads
from graph.rdf_mapping import RdfMapper
from graph.rdf_ntriples import nt_term
from graph.rdf_vocab import SHAPES_FILE, VOCAB_FILE, build_vocabulary, class_cover
from graph.shapes import build_shapes, validate
from graph.store import GraphStore

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


@pytest.fixture
def exports(loaded_store: GraphStore) -> dict[str, Graph]:
    """Every format of the seed + dev export, parsed back."""
    return {fmt: parse(export_bytes(loaded_store, fmt), fmt) for fmt in FORMATS}


# --- vocabulary -------------------------------------------------------------------------


def test_closed_namespace_refuses_unknown_terms() -> None:
    assert CRG.Regulator == URIRef(get_ontology().namespace + "Regulator")
    with pytest.raises(AttributeError):
        _ = CRG.Regulater


def test_curies_must_name_defined_terms() -> None:
    assert expand_curie("org:subOrganizationOf") == URIRef(
        "http://www.w3.org/ns/org#subOrganizationOf"
    )
    with pytest.raises(OntologyError):
        expand_curie("org:subOrganisationOf")
    with pytest.raises(OntologyError):
        expand_curie("nope:Thing")


def test_vocabulary_file_is_up_to_date() -> None:
    shipped = Graph().parse(VOCAB_FILE)
    assert isomorphic(shipped, build_vocabulary()), "run `python -m graph.rdf_vocab`"


def test_shapes_file_is_up_to_date() -> None:
    shipped = Graph().parse(SHAPES_FILE)
    assert isomorphic(shipped, build_shapes()), "run `python -m graph.rdf_vocab`"


def test_every_type_and_relation_is_in_the_vocabulary() -> None:
    ont, vocab = get_ontology(), build_vocabulary()
    for name, et in ont.entity_types.items():
        assert (CRG[name], RDF.type, OWL.Class) in vocab
        for curie in et.rdf:
            assert (CRG[name], RDFS.subClassOf, expand_curie(curie)) in vocab
    for name, rel in ont.relations.items():
        prop = CRG[relation_term(name)]
        assert (prop, RDF.type, OWL.ObjectProperty) in vocab
        if rel.rdf_super:
            assert (prop, RDFS.subPropertyOf, expand_curie(rel.rdf_super)) in vocab


@pytest.mark.parametrize("name", list(get_ontology().relations))
def test_domain_and_range_cover_exactly_the_endpoint_rule(name: str) -> None:
    """Expanding the classes named as domain/range gives back the rule's type sets."""
    ont = get_ontology()
    groups = {CRG[g]: m for g, m in group_classes(ont).items()}
    rel = ont.relations[name]
    for types in (rel.sources, rel.targets):
        expanded: set[str] = set()
        for cls in class_cover(types, ont):
            expanded |= groups.get(cls, {str(cls).rsplit("#", 1)[1]})
        assert expanded == set(types) or (not expanded and types == set(ont.entity_types))


# --- IRIs and terms ---------------------------------------------------------------------


def test_iris_are_percent_encoded_and_base_is_checked() -> None:
    iris = Iris(BASE)
    assert iris.entity("exchange:okx") == URIRef(BASE + "exchange:okx")
    assert iris.entity("exchange:欧易 x/y") == URIRef(BASE + "exchange:%E6%AC%A7%E6%98%93%20x%2Fy")
    assert iris.article("a b#c") == URIRef(BASE + "article/a%20b%23c")
    assert safe_iri('https://x.org/a b"<>') == URIRef("https://x.org/a%20b%22%3C%3E")
    assert safe_iri("javascript:alert(1)") is None
    for bad in ("w3id.org/id/", "https://x.org/id", "https://x.org/a b/"):
        with pytest.raises(ConfigError):
            Iris(bad)


TRICKY = [
    'quote " and \\ backslash',
    "new\nline\r\ttab\x08bs\x0cff",
    "controls \x00\x01\x1f\x7f",
    "欧易 Ou Yi — “smart” 🚀",
    "",
    "ends with backslash \\",
]


@pytest.mark.parametrize("text", TRICKY)
def test_term_serialiser_round_trips_through_rdflib(text: str) -> None:
    literals = [Literal(text), Literal(text, lang="zh-Latn"), Literal(text, datatype=XSD.token)]
    s, p = URIRef(BASE + "x"), CRG.evidence
    doc = "".join(f"{nt_term(s)} {nt_term(p)} {nt_term(lit)} .\n" for lit in literals)
    parsed = Graph().parse(data=doc, format="nt")
    assert set(parsed.objects(s, p)) == set(literals)


def test_lone_surrogates_become_replacement_characters() -> None:
    assert nt_term(Literal("a\udc80b")) == '"a\ufffdb"'


def test_unknown_format_is_invalid_input() -> None:
    with pytest.raises(InvalidInputError, match="turtle"):
        get_format("xml")


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
        Literal(WHEN, datatype=XSD.dateTime),
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
    assert (st, CRG.amount, Literal("1500000000000000000000.0", datatype=XSD.decimal)) in g
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


def test_cli_format_choices_match_the_exporter() -> None:
    from ingest.cli import RdfFormat

    assert {f.value for f in RdfFormat} == set(FORMATS)


def test_docs_mapping_table_is_current() -> None:
    from graph.rdf_docs import mapping_tables

    doc = (Path(__file__).resolve().parents[1] / "docs" / "rdf.md").read_text(encoding="utf-8")
    assert mapping_tables() in doc, "run `python -m graph.rdf_docs` and paste the tables"
