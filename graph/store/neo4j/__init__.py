"""The Neo4j store: UNWIND batches through the official driver, schema from the ontology."""
