"""The project's OWL ontology, generated from ontology.yaml; `python -m graph.rdf.files` writes it.

The checked-in graph/rdf/vocab/cryptoreg.ttl and graph/rdf/vocab/shapes.ttl are outputs of
`write_vocab_files()`; tests/test_rdf_vocab.py fails when either is stale.
"""

from __future__ import annotations

import re

import yaml
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS
from rdflib.term import Node

from graph.ontology import Ontology, get_ontology, ontology_file
from graph.rdf.namespaces import (
    CRG,
    ENDED_HOW,
    ONTOLOGY_IRI,
    PARTIAL_DATE_DATATYPES,
    STRUCTURAL_TERMS,
    alias_term,
    camel,
    event_class_term,
    expand_curie,
    group_classes,
    new_graph,
    relation_properties,
    relation_term,
)


def class_cover(types: frozenset[str], ont: Ontology) -> list[URIRef]:
    """Fewest named classes whose union is exactly `types`: group classes first, then types.

    An empty list means 'any type' (no constraint worth stating).
    """
    if types == frozenset(ont.entity_types):
        return []
    left = set(types)
    out: list[URIRef] = []
    groups = sorted(group_classes(ont).items(), key=lambda kv: (-len(kv[1]), kv[0]))
    for name, members in groups:
        if len(members) > 1 and members <= left:
            out.append(CRG[name])
            left -= members
    return out + [CRG[t] for t in sorted(left)]


def class_expression(graph: Graph, classes: list[URIRef]) -> URIRef | BNode:
    """One class, or an owl:unionOf list of several."""
    if len(classes) == 1:
        return classes[0]
    node = BNode()
    graph.add((node, RDF.type, OWL.Class))
    graph.add((node, OWL.unionOf, Collection(graph, BNode(), list(classes)).uri))
    return node


def words(local_name: str) -> str:
    """`CentralBank` -> `central bank`, `headquarteredIn` -> `headquartered in`."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", local_name).lower()


def _describe(graph: Graph, term: URIRef, kind: URIRef, comment: str) -> None:
    graph.add((term, RDF.type, kind))
    graph.add((term, RDFS.label, Literal(words(str(term).rsplit("#", 1)[-1]), lang="en")))
    graph.add((term, RDFS.comment, Literal(comment, lang="en")))
    graph.add((term, RDFS.isDefinedBy, ONTOLOGY_IRI))


def _classes(graph: Graph, ont: Ontology) -> None:
    groups = group_classes(ont)
    for name, et in ont.entity_types.items():
        _describe(graph, CRG[name], OWL.Class, et.description)
        for curie in et.rdf:
            graph.add((CRG[name], RDFS.subClassOf, expand_curie(curie)))
        for group, members in groups.items():
            if name in members:
                graph.add((CRG[name], RDFS.subClassOf, CRG[group]))
    for group, members in groups.items():
        comment = f"Any of: {', '.join(sorted(members))} (a group of ontology.yaml)."
        _describe(graph, CRG[group], OWL.Class, comment)
        for wider, others in groups.items():
            if members < others:
                graph.add((CRG[group], RDFS.subClassOf, CRG[wider]))


def _relations(graph: Graph, ont: Ontology) -> None:
    for name, rel in ont.relations.items():
        prop = CRG[relation_term(name)]
        _describe(graph, prop, OWL.ObjectProperty, f"{name} ({rel.kind}): {rel.description}")
        for axis, types in ((RDFS.domain, rel.sources), (RDFS.range, rel.targets)):
            cover = class_cover(types, ont)
            if cover:
                graph.add((prop, axis, class_expression(graph, cover)))
        if rel.rdf_super:
            graph.add((prop, RDFS.subPropertyOf, expand_curie(rel.rdf_super)))
    for pname, dtype in relation_properties(ont).items():
        used = sorted(n for n, r in ont.relations.items() if pname in map(camel, r.properties))
        comment = f"Property of a {'/'.join(used)} statement."
        _describe(graph, CRG[pname], OWL.DatatypeProperty, comment)
        domain: list[URIRef] = [CRG.Statement]
        if pname == camel(ENDED_HOW):  # also said of an event and of its status changes
            domain += [CRG.Event, CRG.StatusChange]
        graph.add((CRG[pname], RDFS.domain, class_expression(graph, domain)))
        graph.add((CRG[pname], RDFS.range, dtype))


def _event_classes(graph: Graph, ont: Ontology) -> None:
    """crg:Event ⊑ schema:Action, and one subclass per action relation."""
    for name in ont.action_types:
        cls = CRG[event_class_term(name)]
        prop = CRG[relation_term(name)]
        _describe(graph, cls, OWL.Class, f"An event of {name}: {ont.relations[name].description}")
        graph.add((cls, RDFS.subClassOf, CRG.Event))
        graph.add((cls, RDFS.seeAlso, prop))
    for sup in (SDO.Action, PROV.Entity):
        graph.add((CRG.Event, RDFS.subClassOf, sup))
    graph.add((CRG.StatusChange, RDFS.subClassOf, PROV.Entity))
    for prop, domain, rng in (
        (CRG.event, CRG.Statement, CRG.Event),
        (CRG.history, CRG.Event, CRG.StatusChange),
    ):
        graph.add((prop, RDFS.domain, domain))
        graph.add((prop, RDFS.range, rng))


def partial_date_range(graph: Graph) -> BNode:
    """An rdfs:Datatype that is the union of xsd:gYear, xsd:gYearMonth and xsd:date."""
    node = BNode()
    graph.add((node, RDF.type, RDFS.Datatype))
    members: list[Node] = list(PARTIAL_DATE_DATATYPES.values())
    graph.add((node, OWL.unionOf, Collection(graph, BNode(), members).uri))
    return node


def _structure(graph: Graph, ont: Ontology) -> None:
    kinds = {"class": OWL.Class, "object": OWL.ObjectProperty, "datatype": OWL.DatatypeProperty}
    for name, (kind, rng, comment) in STRUCTURAL_TERMS.items():
        _describe(graph, CRG[name], kinds[kind], comment)
        if rng is not None:
            graph.add((CRG[name], RDFS.range, rng))
    graph.add((CRG.Statement, RDFS.subClassOf, PROV.Entity))
    graph.add((CRG.date, RDFS.range, partial_date_range(graph)))
    for kind in ont.alias_kinds:
        term = CRG[alias_term(kind)]
        if kind in ont.hidden_alias_kinds:
            comment = f"A name of kind '{kind}': matched and searched, never shown as a label."
            _describe(graph, term, OWL.DatatypeProperty, comment)
            graph.add((term, RDFS.subPropertyOf, SKOS.hiddenLabel))
            continue
        _describe(graph, term, OWL.DatatypeProperty, f"An alternative label of kind '{kind}'.")
        graph.add((term, RDFS.subPropertyOf, SKOS.altLabel))


def build_vocabulary(ont: Ontology | None = None) -> Graph:
    """The OWL ontology: classes, relation properties with domain/range, structural terms."""
    ont = ont or get_ontology()
    graph = new_graph()
    graph.add((ONTOLOGY_IRI, RDF.type, OWL.Ontology))
    graph.add((ONTOLOGY_IRI, OWL.versionInfo, Literal(str(ont_version()))))
    graph.add((ONTOLOGY_IRI, RDFS.label, Literal("cryptoreg ontology", lang="en")))
    graph.add(
        (
            ONTOLOGY_IRI,
            DCTERMS.description,
            Literal(
                "Who banned, blocked, fined or licensed whom, where, says which article. "
                "Generated from graph/ontology.yaml; do not edit.",
                lang="en",
            ),
        )
    )
    _classes(graph, ont)
    _relations(graph, ont)
    _structure(graph, ont)
    _event_classes(graph, ont)
    return graph


def ont_version() -> int:
    """The `version` of ontology.yaml (the parsed Ontology does not keep it)."""
    with ontology_file().open(encoding="utf-8") as fh:
        return int(yaml.safe_load(fh)["version"])
