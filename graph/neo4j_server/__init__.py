"""The project's own Neo4j 5.26 server: jars from Maven Central, neo4j.conf, start/stop."""
