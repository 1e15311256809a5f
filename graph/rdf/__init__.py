"""RDF: namespaces, the mapping of records to triples, streamed export, OWL and SHACL."""
