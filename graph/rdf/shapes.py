"""SHACL shapes for the export, generated from ontology.yaml (shipped: graph/rdf/vocab/shapes.ttl).

One node shape per entity type (labels, id, standard types, group count), one
per relation (its endpoint rules: `sh:targetSubjectsOf` + `sh:or` of `sh:class`,
so validation needs no RDFS inference or ontology graph), and one each for
statements, articles and fact graphs. Action events (graph/rdf/events.py) get one
shape for what every event has (id, agent, object, dates typed by precision, status
and how it ended, provenance, history, and SPARQL checks that its direct triple is
asserted, that only an ended event has an end, that its status is its last step's and
that it does not end before it began), one per action relation for the endpoint rule,
and one each for status changes and monetary amounts. `validate(graph)` runs pySHACL
without inference, which would otherwise paper over a wrongly typed endpoint.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from pathlib import Path

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SH, SKOS, XSD
from rdflib.term import Node

from graph.ontology import STATUS, Ontology, get_ontology
from graph.rdf.events import ACTION_STATUS, ENDED_HOW_TERM
from graph.rdf.namespaces import (
    CRG,
    ENDED_HOW,
    PARTIAL_DATE_DATATYPES,
    SHAPES,
    STRUCTURAL_TERMS,
    alias_term,
    camel,
    event_class_term,
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

_EVENT_TRIPLE_ASSERTED = """
SELECT $this ?s ?p ?o WHERE {
    $this schema:agent ?s ; crg:predicate ?p ; schema:object ?o .
    FILTER NOT EXISTS { ?s ?p ?o }
}"""

# Built with the status IRIs of graph/rdf/events.py, so no status is spelt here.
_ACTIVE_WITHOUT_END = """
SELECT $this ?end WHERE {
    $this schema:actionStatus <%s> .
    { $this schema:endTime ?end } UNION { $this crg:endedHow ?end }
}"""

_STATUS_IS_LAST_STEP = """
SELECT $this ?status WHERE {
    $this schema:actionStatus ?status ; crg:history ?step .
    ?step schema:position ?n ; schema:actionStatus ?last .
    FILTER NOT EXISTS { $this crg:history/schema:position ?m . FILTER (?m > ?n) }
    FILTER (?status != ?last)
}"""

# Partial dates compare at the precision both give: "2021-08" ends before "2021-09-15",
# "2021" does not end before "2021-09".
_ENDS_BEFORE_START = """
SELECT $this ?start ?end WHERE {
    $this schema:startTime ?start ; schema:endTime ?end .
    BIND (IF(STRLEN(STR(?end)) < STRLEN(STR(?start)), STRLEN(STR(?end)), STRLEN(STR(?start)))
          AS ?n)
    FILTER (SUBSTR(STR(?end), 1, ?n) < SUBSTR(STR(?start), 1, ?n))
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


def _one_of_datatypes(graph: Graph, datatypes: Iterable[URIRef], context: object) -> list[Node]:
    """`sh:or` alternatives, one `sh:datatype` each."""
    alternatives: list[Node] = []
    for dtype in datatypes:
        alt = _bnode(context, dtype)
        graph.add((alt, SH.datatype, dtype))
        alternatives.append(alt)
    return alternatives


def _partial_date(graph: Graph, shape: URIRef, path: URIRef) -> None:
    """At most one partial date on `path`: xsd:gYear, xsd:gYearMonth or xsd:date."""
    alternatives = _one_of_datatypes(graph, PARTIAL_DATE_DATATYPES.values(), (shape, path))
    _property(graph, shape, path, maxCount=Literal(1), **{"or": alternatives})


def _sparql(graph: Graph, shape: URIRef, query: str, message: str) -> None:
    """A SPARQL constraint on `shape` with the shared prefix declarations."""
    node = _bnode(shape, SH.sparql, query)
    graph.add((shape, SH.sparql, node))
    _add(
        graph,
        node,
        {SH.select: Literal(query), SH.prefixes: SHAPES.prefixes, SH.message: Literal(message)},
    )


def _prefix_declarations(graph: Graph) -> None:
    for prefix, ns in (("crg", str(CRG)), ("schema", str(SDO))):
        decl = _bnode(SHAPES.prefixes, prefix)
        _add(graph, SHAPES.prefixes, {SH.declare: decl})
        _add(
            graph,
            decl,
            {SH.prefix: Literal(prefix), SH.namespace: Literal(ns, datatype=XSD.anyURI)},
        )


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
        _property(graph, shape, SKOS.altLabel, nodeKind=SH.Literal, disjoint=SKOS.hiddenLabel)
        _property(graph, shape, SKOS.hiddenLabel, nodeKind=SH.Literal, disjoint=SKOS.prefLabel)
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
    for term in ("evidence", "firstSeen", "lastSeen"):
        datatype = STRUCTURAL_TERMS[term][1]
        if datatype is not None:
            _property(graph, shape, CRG[term], maxCount=one, datatype=datatype)
    _partial_date(graph, shape, CRG.date)
    _property(graph, shape, CRG.event, maxCount=one, nodeKind=SH.IRI, **{"class": SDO.Action})
    values = {camel(p): allowed for p, allowed in ont.property_values.items()}
    patterns = {camel(p): pattern for p, pattern in ont.property_patterns.items()}
    for pname, dtype in relation_properties(ont).items():
        text: dict[str, Node | list[Node]] = {}
        if pname in values:
            text["in"] = [Literal(v) for v in values[pname]]
        if pname in patterns:
            text["pattern"] = Literal(patterns[pname])
        _property(graph, shape, CRG[pname], maxCount=one, datatype=dtype, **text)
    _sparql(graph, shape, _STATEMENT_ASSERTED, "the stated triple is not asserted")


def _event_shapes(graph: Graph, ont: Ontology) -> None:
    """What every event has (`crgsh:Event`, targeting each event class), the endpoint
    rule of each action relation (`crgsh:<Relation>Event`), status changes and money."""
    one = Literal(1)
    shape = SHAPES.Event
    graph.add((shape, RDF.type, SH.NodeShape))
    for name in ont.action_types:
        graph.add((shape, SH.targetClass, CRG[event_class_term(name)]))
    _property(graph, shape, RDF.type, hasValue=SDO.Action)
    _property(
        graph,
        shape,
        DCTERMS.identifier,
        minCount=one,
        maxCount=one,
        datatype=XSD.string,
        pattern=Literal("^ev-[0-9a-f]+(-[0-9]+)?$"),
    )
    statuses: list[Node] = list(ACTION_STATUS.values())
    for path in (SDO.agent, SDO.object):
        _property(graph, shape, path, minCount=one, maxCount=one, nodeKind=SH.IRI)
    _status_properties(graph, shape, ont, statuses)
    _partial_date(graph, shape, SDO.startTime)
    _partial_date(graph, shape, SDO.endTime)
    _property(graph, shape, PROV.wasDerivedFrom, **{"class": SDO.NewsArticle})
    _property(graph, shape, SDO.amount, maxCount=one, **{"class": SDO.MonetaryAmount})
    _property(graph, shape, CRG.history, minCount=one, **{"class": CRG.StatusChange})
    _sparql(graph, shape, _EVENT_TRIPLE_ASSERTED, "the event's direct triple is not asserted")
    _sparql(
        graph,
        shape,
        _ACTIVE_WITHOUT_END % ACTION_STATUS[STATUS.active],
        "an active event has no end time and no way of ending",
    )
    _sparql(graph, shape, _STATUS_IS_LAST_STEP, "the event's status is not its last step's")
    _sparql(graph, shape, _ENDS_BEFORE_START, "the event ends before it began")
    for name in ont.action_types:
        _action_event_shape(graph, ont, name)
    _status_change_shape(graph, ont, statuses)
    money = SHAPES.MonetaryAmount
    _add(graph, money, {RDF.type: SH.NodeShape, SH.targetClass: SDO.MonetaryAmount})
    _property(graph, money, SDO.value, minCount=one, maxCount=one, datatype=XSD.decimal)
    _property(
        graph,
        money,
        SDO.currency,
        maxCount=one,
        datatype=XSD.string,
        pattern=Literal("^[A-Z][A-Z0-9]{2,9}$"),  # ISO 4217, or a crypto ticker (schema.org)
    )


def _status_properties(graph: Graph, shape: URIRef, ont: Ontology, statuses: list[Node]) -> None:
    one = Literal(1)
    _property(graph, shape, SDO.actionStatus, minCount=one, maxCount=one, **{"in": statuses})
    endings: list[Node] = [Literal(v) for v in ont.property_values.get(ENDED_HOW, ())]
    _property(graph, shape, ENDED_HOW_TERM, maxCount=one, datatype=XSD.string, **{"in": endings})


def _action_event_shape(graph: Graph, ont: Ontology, name: str) -> None:
    """The endpoint rule of one action on its events, and which relation they are of."""
    rel, cls = ont.relations[name], CRG[event_class_term(name)]
    shape = SHAPES[event_class_term(name)]
    message = f"a {name} event goes from {_names(rel.sources, ont)} to {_names(rel.targets, ont)}"
    _add(graph, shape, {RDF.type: SH.NodeShape, SH.targetClass: cls, SH.message: Literal(message)})
    _property(graph, shape, CRG.predicate, hasValue=CRG[relation_term(name)])
    for path, types in ((SDO.agent, rel.sources), (SDO.object, rel.targets)):
        rule = _one_of_classes(graph, types, (shape, path))
        _property(graph, shape, path, message=Literal(message), **rule)


def _status_change_shape(graph: Graph, ont: Ontology, statuses: list[Node]) -> None:
    one = Literal(1)
    shape = SHAPES.StatusChange
    _add(graph, shape, {RDF.type: SH.NodeShape, SH.targetClass: CRG.StatusChange})
    _status_properties(graph, shape, ont, statuses)
    _property(
        graph,
        shape,
        SDO.position,
        minCount=one,
        maxCount=one,
        datatype=XSD.integer,
        minInclusive=Literal(0),
    )
    _partial_date(graph, shape, DCTERMS.date)
    _property(graph, shape, PROV.wasDerivedFrom, **{"class": SDO.NewsArticle})


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
    _event_shapes(graph, ont)
    _article_shapes(graph)
    _prefix_declarations(graph)
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
