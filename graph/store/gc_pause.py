"""The cyclic garbage collector held off while a batch is written.

A write allocates hundreds of thousands of short-lived, acyclic objects (validated
models, rows, change records); reference counting frees them. The cyclic collector,
triggered by allocation counts alone, meanwhile walks the whole heap again and again:
in a process holding a large graph view, a corpus or an API's caches, that cost 20-25%
of an embedded ingest's CPU (bench/embedded_ingest.py, 10k articles). So a batch runs
with it paused; the few cycles a batch makes wait for the next collection after it.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    """The collector off inside, back to how it was after. Process-wide: threads
    reading meanwhile run without it too, for one batch's time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
