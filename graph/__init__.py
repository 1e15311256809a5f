"""cryptoreg's graph: the model every room shares, and the rooms built on it.

At this level: the ontology (`ontology.yaml`, loaded by `ontology.py`: the only place a
type or relation is named), `models.py`, `ids.py`, `identity.py`, `settings.py`,
`errors.py`. Rooms: `store/` (the Protocol, `BaseStore`, `embedded/`, `neo4j/`),
`named/` (named queries), `rdf/`, `presentation/`, `neo4j_server/`. Nothing here imports
`ingest` or `api` (docs/ARCHITECTURE.md).
"""

__version__ = "0.1.0"
