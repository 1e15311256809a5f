"""Driver exceptions that mean "the store is unavailable", turned into cryptoreg errors.

Only conditions outside the program's control are translated (server down, refused
credentials, lost session, no such database, retries exhausted on a busy server); a
Cypher error is a bug and stays a driver exception.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from neo4j import exceptions as ne

from graph.errors import ConfigError, StoreUnavailableError

_HINT = "start it with `cryptoreg neo4j start` or check NEO4J_URI"


def _message(exc: Exception, where: str) -> str | None:
    if isinstance(exc, ne.AuthError):
        return f"{where} refused the credentials: check NEO4J_USER and NEO4J_PASSWORD"
    if isinstance(exc, ne.IncompleteCommit):
        return f"{where} dropped the connection during a commit; the write may or may not be stored"
    if isinstance(exc, ne.ServiceUnavailable | ne.SessionExpired):
        return f"{where} is not reachable ({exc}); {_HINT}"
    if isinstance(exc, ne.ConnectionAcquisitionTimeoutError):
        return f"{where} did not give a connection in time; it may be overloaded"
    if isinstance(exc, ne.TransientError):
        return f"{where} stayed busy after retries ({exc.code}); try again"
    if isinstance(exc, ne.ClientError) and exc.code and "DatabaseNotFound" in exc.code:
        return f"{where}: no such database; check NEO4J_DATABASE"
    return None


@contextmanager
def translated(where: str) -> Iterator[None]:
    """Re-raise unavailability as `StoreUnavailableError` (HTTP 503) naming `where`."""
    try:
        yield
    except ne.ConfigurationError as exc:
        raise ConfigError(f"{where}: bad driver configuration: {exc}") from exc
    except (ne.DriverError, ne.Neo4jError) as exc:
        message = _message(exc, where)
        if message is None:
            raise
        raise StoreUnavailableError(message) from exc
