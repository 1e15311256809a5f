"""Every error cryptoreg raises on purpose, each carrying the HTTP status the API maps it to.

Errors only the HTTP layer raises (keys, body limits) live in api/errors.py.
"""

from __future__ import annotations


class CryptoregError(Exception):
    """Base class: `status` is the HTTP status, `title` the RFC 9457 problem title."""

    status: int = 500
    title: str = "Internal error"

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class OntologyError(CryptoregError):
    """The ontology data, or something checked against it, is inconsistent."""

    status = 422
    title = "Ontology violation"


class ConfigError(CryptoregError):
    """A setting has a bad value."""

    status = 500
    title = "Configuration error"


class NotFoundError(CryptoregError):
    """An id, name or query that does not exist."""

    status = 404
    title = "Not found"


class InvalidInputError(CryptoregError):
    """A parameter or body that fails validation."""

    status = 422
    title = "Invalid input"


class ConflictError(CryptoregError):
    """A write that contradicts what is stored (a merge of two ids judged distinct)."""

    status = 409
    title = "Conflict"


class InputFileError(CryptoregError):
    """A file that cannot be read as an article (binary, undecodable, empty, too large)."""

    status = 422
    title = "Unreadable input"


class StoreUnavailableError(CryptoregError):
    """The configured store cannot be reached (e.g. Neo4j is down)."""

    status = 503
    title = "Store unavailable"


class ServerError(CryptoregError):
    """The project's own Neo4j server could not be started, stopped or fetched."""

    status = 500
    title = "Neo4j server error"
