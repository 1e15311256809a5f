"""Dependencies every router shares: settings, the store, and the write-key check.

The store is opened in the app's lifespan; when that fails (Neo4j down) the API still
starts and store-backed requests retry the open and answer 503 until it works, so
starting the API before the database is harmless. A failed open is remembered for
`REOPEN_AFTER_S`: requests in that window get the same 503 at once instead of queueing
behind one another's connection attempts (the open is serialised by a lock).
"""

from __future__ import annotations

import hmac
import threading
import time
from typing import Annotated

from fastapi import Depends, Request, Security
from fastapi.security import APIKeyHeader
from starlette.concurrency import run_in_threadpool

from api.errors import AuthError, ForbiddenError
from graph.errors import StoreUnavailableError
from graph.settings import Settings
from graph.store.protocol import GraphStore

REOPEN_AFTER_S = 1.0


class StoreHolder:
    """The app's one store, opened lazily and at most once at a time."""

    def __init__(self, settings: Settings, store: GraphStore | None = None) -> None:
        self.settings = settings
        self.store = store
        self.owned = store is None
        self._lock = threading.Lock()
        self._failure: tuple[float, StoreUnavailableError] | None = None

    def get(self) -> GraphStore:
        """The open store; `StoreUnavailableError` (503) when it cannot be opened now."""
        if self.store is not None:
            return self.store
        self._raise_recent_failure()
        with self._lock:
            if self.store is None:
                self._raise_recent_failure()
                self.store = self._open()
            return self.store

    def _raise_recent_failure(self) -> None:
        failure = self._failure
        if failure is not None and time.monotonic() - failure[0] < REOPEN_AFTER_S:
            raise StoreUnavailableError(failure[1].detail)

    def _open(self) -> GraphStore:
        from graph.store.factory import open_store

        try:
            store = open_store(self.settings)
        except StoreUnavailableError as exc:
            self._failure = (time.monotonic(), exc)
            raise
        except OSError as exc:
            err = StoreUnavailableError(f"cannot open the store: {exc}")
            self._failure = (time.monotonic(), err)
            raise err from exc
        self._failure = None
        return store

    def close(self) -> None:
        """Close the store if this holder opened it (an injected store belongs to its owner)."""
        with self._lock:
            if self.store is not None and self.owned:
                self.store.close()
                self.store = None


async def get_settings_dep(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


async def get_store(request: Request) -> GraphStore:
    """The app's store. Async, so that once the store is open a request takes no
    thread-pool hop for it (a sync dependency runs in a worker thread: one hand-over each
    way per request); opening it, which may wait on a server, runs in a worker thread."""
    holder: StoreHolder = request.app.state.store_holder
    store = holder.store
    if store is not None:
        return store
    return await run_in_threadpool(holder.get)


SettingsDep = Annotated[Settings, Depends(get_settings_dep)]
StoreDep = Annotated[GraphStore, Depends(get_store)]


API_KEY_HEADER = APIKeyHeader(
    name="X-API-Key",
    auto_error=False,
    description="The key set by CRYPTOREG_API_KEY; required for every write.",
)


def require_api_key(
    settings: SettingsDep, x_api_key: Annotated[str | None, Security(API_KEY_HEADER)] = None
) -> None:
    """Refuse a write unless `X-API-Key` equals the configured key (constant-time compare)."""
    if not settings.api_key:
        raise ForbiddenError(
            "writes are disabled because no API key is configured: set CRYPTOREG_API_KEY "
            "(environment or .env) and restart the server"
        )
    if not x_api_key:
        raise AuthError("this endpoint writes to the graph: send the key in the X-API-Key header")
    if not hmac.compare_digest(x_api_key.encode("utf-8"), settings.api_key.encode("utf-8")):
        raise AuthError("wrong X-API-Key")


WriteKey = Depends(require_api_key)
