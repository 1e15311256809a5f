"""Store records -> RDF quads: the one mapping every serialisation and the API share.

Each record (article, entity, fact) maps to a short list of quads; the graph
element is `None` for the default graph. Facts use the qualified-statement
scheme of docs/rdf.md: per supporting article, the direct triple and a
`crg:Statement` node (subject, predicate, object, evidence, confidence,
prov:wasDerivedFrom) go into that article's named graph `<article>#facts`, which
the default graph describes with PROV-O. An action fact is also an event resource
in the default graph (graph/rdf/events.py), which its statements point at
(`crg:event`). The merged graph is the union of all graphs, so every per-record list
is small and a writer can stream them.
"""

from __future__ import annotations

import datetime as dt
from decimal import InvalidOperation
from typing import Any

from rdflib import Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SDO, SKOS, XSD
from rdflib.term import Node

from graph.ids import entity_id
from graph.models import Alias, Article
from graph.ontology import TYPE, get_ontology
from graph.rdf.events import EventMapper, Quad, fact_event_id
from graph.rdf.literals import date_literal, decimal_literal, partial_date_literal
from graph.rdf.namespaces import (
    CRG,
    WD,
    Iris,
    alias_term,
    camel,
    relation_properties,
    relation_term,
    safe_iri,
    standard_classes,
)
from graph.store.protocol import EntityRecord, Fact

__all__ = ["Quad", "RdfMapper", "decimal_literal", "label_literal"]


def label_literal(text: str, lang: str | None = None) -> Literal:
    """A label, language-tagged when the tag is a well-formed BCP 47 tag, else plain."""
    if lang:
        try:
            return Literal(text, lang=lang)
        except ValueError:
            pass
    return Literal(text)


def _typed(value: Any, datatype: URIRef) -> Literal | None:
    """A relation property value as a literal of its ontology datatype; None when it is not one."""
    if value is None or isinstance(value, bool):
        return None
    if datatype == XSD.decimal:
        try:
            return decimal_literal(value) if isinstance(value, int | float) else None
        except (InvalidOperation, ValueError):  # NaN, infinities
            return None
    if datatype == XSD.integer:
        return Literal(value) if isinstance(value, int) else None
    return Literal(str(value))


class RdfMapper:
    """Maps store records to quads under one base IRI.

    Stateful only in remembering which publisher nodes it has described, a set the
    size of the number of distinct publishers, so a stream of quads stays small.
    """

    def __init__(self, iris: Iris, generated_at: dt.datetime) -> None:
        self.iris = iris
        self.generated_at = Literal(generated_at, datatype=XSD.dateTime)
        self._publishers: set[URIRef] = set()
        ont = get_ontology()
        self._predicates = {name: CRG[relation_term(name)] for name in ont.relations}
        datatypes = relation_properties(ont)
        self._prop_types = {
            name: {camel(p): datatypes[camel(p)] for p in rel.properties}
            for name, rel in ont.relations.items()
        }
        self._classes = standard_classes()
        self.events = EventMapper(iris)

    def predicate(self, rel_type: str) -> URIRef:
        """The crg property of a relation type (the closed namespace refuses unknown ones)."""
        return self._predicates.get(rel_type) or CRG[relation_term(rel_type)]

    def article_quads(self, article: Article) -> list[Quad]:
        """The article as schema:NewsArticle with Dublin Core, plus the PROV-O of its fact graph."""
        a = self.iris.article(article.id)
        out: list[Quad] = [
            (a, RDF.type, SDO.NewsArticle, None),
            (a, DCTERMS.identifier, Literal(article.id), None),
        ]
        if article.title:
            out.append((a, DCTERMS.title, Literal(article.title), None))
        if article.published:
            out.append((a, DCTERMS.issued, Literal(article.published, datatype=XSD.date), None))
        if article.url and (source := safe_iri(article.url)) is not None:
            out.append((a, DCTERMS.source, source, None))
        if article.publisher:
            out.extend(self._publisher_quads(a, article.publisher))
        g = self.iris.facts_graph(article.id)
        out += [
            (g, RDF.type, PROV.Entity, None),
            (g, PROV.wasDerivedFrom, a, None),
            (g, PROV.generatedAtTime, self.generated_at, None),
        ]
        return out

    def _publisher_quads(self, article: URIRef, name: str) -> list[Quad]:
        """dcterms:publisher points at the outlet's entity IRI (a dcterms:Agent), named once."""
        pub = self.iris.entity(entity_id(TYPE.mediaoutlet, name))
        out: list[Quad] = [(article, DCTERMS.publisher, pub, None)]
        if pub not in self._publishers:
            self._publishers.add(pub)
            out += [(pub, RDF.type, DCTERMS.Agent, None), (pub, RDFS.label, Literal(name), None)]
        return out

    def entity_quads(self, record: EntityRecord) -> list[Quad]:
        """Types, labels, aliases, Wikidata link, group count and mentions of one entity."""
        ent = record.entity
        e = self.iris.entity(ent.id)
        name = Literal(ent.name)
        out: list[Quad] = [(e, RDF.type, CRG[ent.type], None)]
        out += [(e, RDF.type, cls, None) for cls in self._classes[ent.type]]
        out += [
            (e, DCTERMS.identifier, Literal(ent.id), None),
            (e, SKOS.prefLabel, name, None),
            (e, RDFS.label, name, None),
        ]
        out += self._alias_quads(e, ent.aliases, name)
        if ent.qid:
            out.append((e, OWL.sameAs, WD[ent.qid], None))
        if ent.description:
            out.append((e, SDO.description, Literal(ent.description), None))
        if ent.unnamed:
            out.append((e, CRG.unnamed, Literal(True), None))
        if ent.count is not None:
            out.append((e, CRG.count, Literal(ent.count, datatype=XSD.integer), None))
        out += [(self.iris.article(src), SDO.mentions, e, None) for src in record.sources]
        return out

    def _alias_quads(self, e: URIRef, aliases: list[Alias], name: Literal) -> list[Quad]:
        out: list[Quad] = []
        hidden_kinds = get_ontology().hidden_alias_kinds
        shown = {label_literal(a.name, a.lang) for a in aliases if a.kind not in hidden_kinds}
        for alias in aliases:
            lit = label_literal(alias.name, alias.lang)
            hidden = alias.kind in hidden_kinds
            # SKOS: prefLabel, altLabel and hiddenLabel are pairwise disjoint
            if lit == name or (hidden and lit in shown):
                continue
            label = SKOS.hiddenLabel if hidden else SKOS.altLabel
            out += [(e, label, lit, None), (e, CRG[alias_term(alias.kind)], lit, None)]
        return out

    def fact_quads(self, fact: Fact) -> list[Quad]:
        """Per supporting article: the direct triple and its statement, in that article's
        graph; for an action, then its event resource in the default graph."""
        s, o = self.iris.entity(fact.source.id), self.iris.entity(fact.target.id)
        p = self.predicate(fact.type)
        events = self.events.quads(fact, p)
        if not fact.sources:
            return [(s, p, o, None), *self._statement(fact, None, None, (s, p, o)), *events]
        n = len(fact.sources)  # graph/store/protocol.py: evidence is aligned with sources
        evidence = [*fact.evidence[:n], *[""] * (n - len(fact.evidence))]
        out: list[Quad] = []
        for article_id, sentence in zip(fact.sources, evidence, strict=True):
            g = self.iris.facts_graph(article_id)
            out.append((s, p, o, g))
            out += self._statement(fact, article_id, sentence, (s, p, o), g)
        return out + events

    def _statement(
        self,
        fact: Fact,
        article_id: str | None,
        evidence: str | None,
        spo: tuple[URIRef, URIRef, URIRef],
        g: URIRef | None = None,
    ) -> list[Quad]:
        eid = fact_event_id(fact) if self.events.is_action(fact.type) else None
        st = self.iris.statement(article_id, fact.source.id, fact.type, fact.target.id, eid)
        values: list[tuple[URIRef, Node | None]] = [
            (RDF.type, CRG.Statement),
            (CRG.subject, spo[0]),
            (CRG.predicate, spo[1]),
            (CRG.object, spo[2]),
            (PROV.wasDerivedFrom, self.iris.article(article_id) if article_id else None),
            (CRG.evidence, Literal(evidence) if evidence else None),
            (CRG.confidence, decimal_literal(fact.confidence)),
            (CRG.firstSeen, date_literal(fact.first_seen)),
            (CRG.lastSeen, date_literal(fact.last_seen)),
            (CRG.date, partial_date_literal(fact.date)),
            (CRG.event, self.iris.event(eid) if eid else None),
        ]
        allowed = self._prop_types.get(fact.type, {})
        for pname, value in sorted(fact.properties.items()):
            dtype = allowed.get(camel(pname))
            if dtype is not None:
                values.append((CRG[camel(pname)], _typed(value, dtype)))
        return [(st, p, v, g) for p, v in values if v is not None]
