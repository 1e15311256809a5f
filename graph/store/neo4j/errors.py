"""Driver exceptions that mean "the store is unavailable", turned into cryptoreg errors.

Only conditions outside the program's control are translated (server down, refused
credentials, lost session, no such database, retries exhausted on a busy server); a
Cypher error is a bug and stays a driver exception.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from neo4j import exceptions as ne

from graph.errors import ConfigError, StoreUnavailableError

_HINT = "start it with `cryptoreg neo4j start` or check NEO4J_URI"
_AUTH_HINT = (
    "check NEO4J_USER and NEO4J_PASSWORD (unset, the password is the one "
    "`cryptoreg neo4j start` generated; `cryptoreg neo4j status` shows where it is)"
)
RECENT = 20


def _message(exc: Exception, where: str) -> str | None:
    if isinstance(exc, ne.AuthError):
        return f"{where} refused the credentials: {_AUTH_HINT}"
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


@dataclass
class WriteLog:
    """The articles a store wrote, for an honest message when the server goes away.

    Bounded: the count, the first id and the last `RECENT` ids (writes go in input order,
    so these say where a batch stopped however long it was).
    """

    count: int = 0
    first: str | None = None
    recent: deque[str] = field(default_factory=lambda: deque(maxlen=RECENT))

    def add(self, article_id: str) -> None:
        self.count += 1
        self.first = self.first or article_id
        self.recent.append(article_id)

    def report(self, failed: list[str], uncertain: bool) -> str:
        """What landed before the outage and what did not, for `StoreUnavailableError`;
        `failed` are the articles of the transaction that failed (one batch, all or none)."""
        if len(failed) == 1:
            what, verb = f"article {failed[0]!r}", "was"
        else:
            what = f"articles {failed[0]!r} … {failed[-1]!r} ({len(failed)}, one transaction)"
            verb = "were"
        if uncertain:
            now = f"{what} may or may not be stored (the connection dropped mid-write)"
        else:
            now = f"{what} {verb} not written"
        if not self.count:
            return f"{now}; no article was written before the outage"
        ids = list(self.recent)
        if self.count <= len(ids):
            listed = ", ".join(ids)
        else:
            listed = f"{self.first}, … {self.count - len(ids) - 1} more …, " + ", ".join(ids)
        return (
            f"{now}; written before the outage: {self.count} article(s) ({listed}); "
            "re-running the same ingest is safe (idempotent)"
        )
