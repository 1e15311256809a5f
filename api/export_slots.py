"""A cap on whole-graph exports running at once in one API process.

An export streams the whole graph: each holds a read snapshot and a worker thread for
as long as its client reads. Unbounded, a few slow clients could hold every worker of
the server's thread pool and starve the cheap reads. So at most `max_exports`
(CRYPTOREG_MAX_EXPORTS) run at once; one more is refused at once with a 429 problem and
a Retry-After, never queued. A slot is held from the first byte read to the last byte
sent, or until the client goes away (closing the stream frees it).
"""

from __future__ import annotations

import threading
from collections.abc import Iterator

from api.errors import BusyError

RETRY_AFTER_S = 30


class ExportSlots:
    """`max_exports` slots; `stream(chunks)` takes one or raises BusyError."""

    def __init__(self, max_exports: int) -> None:
        self.limit = max_exports
        self._free = threading.BoundedSemaphore(max_exports)

    def stream(self, chunks: Iterator[bytes]) -> Iterator[bytes]:
        """`chunks`, holding a slot until they are exhausted or the iterator is closed.

        The slot is taken here, before the response starts, so a refusal is a clean 429;
        the returned generator frees it in its `finally` (also when the server closes it
        because the client disconnected)."""
        if not self._free.acquire(blocking=False):
            raise BusyError(
                f"{self.limit} exports are already running (CRYPTOREG_MAX_EXPORTS); "
                f"try again in {RETRY_AFTER_S} s",
                retry_after=RETRY_AFTER_S,
            )
        return self._held(chunks)

    def _held(self, chunks: Iterator[bytes]) -> Iterator[bytes]:
        try:
            yield from chunks
        finally:
            close = getattr(chunks, "close", None)
            if close is not None:
                close()  # the store's read snapshot goes with the stream
            self._free.release()
