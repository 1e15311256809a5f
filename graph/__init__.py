"""cryptoreg's graph: the ontology, identity, the two stores and the RDF export."""

__version__ = "0.1.0"
