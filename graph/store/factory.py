"""Open the store the settings name; the one place that picks a backend."""

from __future__ import annotations

from graph.settings import Settings
from graph.store.protocol import GraphStore


def open_store(settings: Settings) -> GraphStore:
    """The configured backend, connected and with its schema in place."""
    if settings.store == "neo4j":
        from graph.store.neo4j.store import Neo4jStore

        return Neo4jStore(
            uri=settings.neo4j_uri,
            user=settings.neo4j_user,
            password=settings.neo4j_password,
            database=settings.neo4j_database,
            timeouts=settings.neo4j_timeouts(),
            review_below=settings.review_below,
        )
    from graph.store.embedded.store import EmbeddedStore

    return EmbeddedStore(settings.data_dir, review_below=settings.review_below)
