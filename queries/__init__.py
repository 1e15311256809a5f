"""The named Cypher queries, one `.cypher` file each (shipped as package data)."""
