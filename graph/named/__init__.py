"""Named Cypher queries (queries/*.cypher): loading, parameter checks, running, embedded twins."""
