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
