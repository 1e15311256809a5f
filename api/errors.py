"""Errors only the HTTP layer raises: missing or wrong keys, bodies over the limit."""

from __future__ import annotations

from graph.errors import CryptoregError


class AuthError(CryptoregError):
    """A write without a valid API key, or writes disabled because none is configured."""

    status = 401
    title = "Unauthorized"


class ForbiddenError(CryptoregError):
    """A write refused whatever the key: writes are disabled because no API key is set."""

    status = 403
    title = "Forbidden"


class PayloadTooLargeError(CryptoregError):
    """A request body or file over the configured limit."""

    status = 413
    title = "Payload too large"


class BusyError(CryptoregError):
    """A request the server turns away for now because as many of its kind are running as
    it allows; `retry_after` seconds is a fair wait (sent as Retry-After)."""

    status = 429
    title = "Too many requests"

    def __init__(self, detail: str, retry_after: int) -> None:
        super().__init__(detail)
        self.retry_after = retry_after
