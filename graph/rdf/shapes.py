"""SHACL shapes for the export, generated from ontology.yaml (shipped: graph/rdf/vocab/shapes.ttl).

One node shape per entity type (labels, id, standard types, group count), one
per relation (its endpoint rules: `sh:targetSubjectsOf` + `sh:or` of `sh:class`,
so validation needs no RDFS inference or ontology graph), and one each for
statements, articles and fact graphs. `validate(graph)` runs pySHACL without
inference, which would otherwise paper over a wrongly typed endpoint.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SH, SKOS, XSD
from rdflib.term import Node

from graph.ontology import Ontology, get_ontology
from graph.rdf.namespaces import (
    CRG,
    SHAPES,
    STRUCTURAL_TERMS,
    alias_term,
    camel,
    new_graph,
    relation_properties,
    relation_term,
    standard_classes,
)

Constraint = dict[URIRef, Node | list[Node]]

_STATEMENT_ASSERTED = """
SELECT $this ?s ?p ?o WHERE {
    $this crg:subject ?s ; crg:predicate ?p ; crg:object ?o .
    FILTER NOT EXISTS { ?s ?p ?o }
}"""

VOCAB_DIR = Path(__file__).with_name("vocab")
SHAPES_FILE = VOCAB_DIR / "shapes.ttl"


def _bnode(*parts: object) -> BNode:
    """A blank node named by its content, so the generated Turtle is byte-for-byte stable."""
    return BNode("b" + hashlib.sha1(repr(parts).encode()).hexdigest()[:16])


def _add(graph: Graph, node: URIRef | BNode, constraints: Constraint) -> None:
    for pred, value in constraints.items():
        if isinstance(value, list):
            value = Collection(graph, _bnode(node, pred), value).uri
        graph.add((node, pred, value))


def _property(graph: Graph, shape: URIRef, path: URIRef, **kw: Node | list[Node]) -> None:
    """A property shape on `path`; keyword names are SHACL terms (`minCount=Literal(1)`)."""
    node = _bnode(shape, path, sorted((k, str(v)) for k, v in kw.items()))
    graph.add((shape, SH.property, node))
    _add(graph, node, {SH.path: path, **{SH[k]: v for k, v in kw.items()}})


def _one_of_classes(
    graph: Graph, types: Iterable[str], context: object
) -> dict[str, Node | list[Node]]:
    """`sh:class` for one type, `sh:or` of `sh:class` for several."""
    classes = [CRG[t] for t in sorted(types)]
    if len(classes) == 1:
        return {"class": classes[0]}
    alternatives: list[Node] = []
    for cls in classes:
        alt = _bnode(context, cls)
        graph.add((alt, SH["class"], cls))
        alternatives.append(alt)
    return {"or": alternatives}


def _entity_shapes(graph: Graph, ont: Ontology) -> None:
    one = Literal(1)
    for name in ont.entity_types:
        shape = SHAPES[name]
        _add(graph, shape, {RDF.type: SH.NodeShape, SH.targetClass: CRG[name]})
        _property(
            graph,
            shape,
            SKOS.prefLabel,
            minCount=one,
            maxCount=one,
            nodeKind=SH.Literal,
            disjoint=SKOS.altLabel,
        )
        _property(graph, shape, RDFS.label, minCount=one, nodeKind=SH.Literal)
        _property(graph, shape, DCTERMS.identifier, minCount=one, maxCount=one, datatype=XSD.string)
        for cls in standard_classes()[name]:
            _property(graph, shape, RDF.type, hasValue=cls)
        _property(
            graph, shape, CRG.count, maxCount=one, datatype=XSD.integer, minInclusive=Literal(0)
        )
        _property(graph, shape, CRG.unnamed, maxCount=one, datatype=XSD.boolean)
        _property(
            graph,
            shape,
            OWL.sameAs,
            nodeKind=SH.IRI,
            pattern=Literal(r"^http://www\.wikidata\.org/entity/Q[0-9]+$"),
        )
        for kind in ont.alias_kinds:
            _property(graph, shape, CRG[alias_term(kind)], nodeKind=SH.Literal)


def _names(types: frozenset[str], ont: Ontology) -> str:
    return "any entity" if types == frozenset(ont.entity_types) else ", ".join(sorted(types))


def _relation_shapes(graph: Graph, ont: Ontology) -> None:
    for name, rel in ont.relations.items():
        shape, prop = SHAPES[name], CRG[relation_term(name)]
        message = f"{name} goes from {_names(rel.sources, ont)} to {_names(rel.targets, ont)}"
        _add(
            graph,
            shape,
            {RDF.type: SH.NodeShape, SH.targetSubjectsOf: prop, SH.message: Literal(message)},
        )
        for key, value in _one_of_classes(graph, rel.sources, (shape, "subject")).items():
            _add(graph, shape, {SH[key]: value})
        _property(
            graph,
            shape,
            prop,
            nodeKind=SH.IRI,
            **_one_of_classes(graph, rel.targets, (shape, prop)),
        )


def _statement_shape(graph: Graph, ont: Ontology) -> None:
    shape, one = SHAPES.Statement, Literal(1)
    _add(graph, shape, {RDF.type: SH.NodeShape, SH.targetClass: CRG.Statement})
    for path in (CRG.subject, CRG.object):
        _property(graph, shape, path, minCount=one, maxCount=one, nodeKind=SH.IRI)
    predicates: list[Node] = [CRG[relation_term(r)] for r in ont.relations]
    _property(graph, shape, CRG.predicate, minCount=one, maxCount=one, **{"in": predicates})
    _property(graph, shape, PROV.wasDerivedFrom, maxCount=one, **{"class": SDO.NewsArticle})
    _property(
        graph,
        shape,
        CRG.confidence,
        minCount=one,
        maxCount=one,
        datatype=XSD.decimal,
        minInclusive=Literal(0),
        maxInclusive=one,
    )
    for term in ("evidence", "firstSeen", "lastSeen", "date"):
        datatype = STRUCTURAL_TERMS[term][1]
        if datatype is not None:
            _property(graph, shape, CRG[term], maxCount=one, datatype=datatype)
    values = {camel(p): allowed for p, allowed in ont.property_values.items()}
    patterns = {camel(p): pattern for p, pattern in ont.property_patterns.items()}
    for pname, dtype in relation_properties(ont).items():
        text: dict[str, Node | list[Node]] = {}
        if pname in values:
            text["in"] = [Literal(v) for v in values[pname]]
        if pname in patterns:
            text["pattern"] = Literal(patterns[pname])
        _property(graph, shape, CRG[pname], maxCount=one, datatype=dtype, **text)
    sparql = _bnode(shape, SH.sparql)
    graph.add((shape, SH.sparql, sparql))
    _add(
        graph,
        sparql,
        {
            SH.select: Literal(_STATEMENT_ASSERTED),
            SH.prefixes: SHAPES.prefixes,
            SH.message: Literal("the stated triple is not asserted"),
        },
    )
    decl = _bnode(SHAPES.prefixes, "crg")
    _add(graph, SHAPES.prefixes, {SH.declare: decl})
    _add(
        graph,
        decl,
        {SH.prefix: Literal("crg"), SH.namespace: Literal(str(CRG), datatype=XSD.anyURI)},
    )


def _article_shapes(graph: Graph) -> None:
    one = Literal(1)
    art = SHAPES.NewsArticle
    _add(graph, art, {RDF.type: SH.NodeShape, SH.targetClass: SDO.NewsArticle})
    _property(graph, art, DCTERMS.identifier, minCount=one, maxCount=one, datatype=XSD.string)
    _property(graph, art, DCTERMS.title, maxCount=one, nodeKind=SH.Literal)
    _property(graph, art, DCTERMS.issued, maxCount=one, datatype=XSD.date)
    _property(graph, art, DCTERMS.publisher, maxCount=one, nodeKind=SH.IRI)
    _property(graph, art, DCTERMS.source, maxCount=one, nodeKind=SH.IRI)
    facts = SHAPES.FactGraph
    _add(graph, facts, {RDF.type: SH.NodeShape, SH.targetClass: PROV.Entity})
    _property(
        graph, facts, PROV.wasDerivedFrom, minCount=one, maxCount=one, **{"class": SDO.NewsArticle}
    )
    _property(graph, facts, PROV.generatedAtTime, maxCount=one, datatype=XSD.dateTime)


def build_shapes(ont: Ontology | None = None) -> Graph:
    """The shapes graph for the current ontology."""
    ont = ont or get_ontology()
    graph = new_graph()
    _entity_shapes(graph, ont)
    _relation_shapes(graph, ont)
    _statement_shape(graph, ont)
    _article_shapes(graph)
    return graph


def load_shapes() -> Graph:
    """The shipped shapes (graph/rdf/vocab/shapes.ttl)."""
    return Graph().parse(SHAPES_FILE, format="turtle")


def validate(data: Graph, shapes: Graph | None = None) -> tuple[bool, Graph, str]:
    """pySHACL without inference: (conforms, report graph, report text)."""
    from pyshacl import validate as shacl_validate

    conforms, report, text = shacl_validate(
        data, shacl_graph=shapes if shapes is not None else load_shapes(), inference="none"
    )
    return bool(conforms), report, str(text)
