"""The server's start-up heap taken out of the cyclic collector's full passes.

A full (generation 2) collection walks every container the process holds. What the API
loads before its first request (modules, the ontology, the gazetteer and its indexes,
~150,000 containers) lives as long as the process, yet each full pass walked it: ~180 ms
of one 10k-article embedded server, a stall of every request then running (the p99 of
routes whose p50 is a few ms). `freeze_start_up_heap` collects once and moves what is
left to the permanent generation (`gc.freeze`), once per process: later passes walk only
what requests and caches made since. Frozen objects are still freed when their last
reference goes; only a cycle among them would stay (nothing loaded at start-up is
dropped again).
"""

from __future__ import annotations

import gc
import threading

_done = threading.Event()
_lock = threading.Lock()


def freeze_start_up_heap() -> bool:
    """Collect, then freeze everything alive, the first time it is called in this
    process (True then; False afterwards)."""
    with _lock:
        if _done.is_set():
            return False
        gc.collect()
        gc.freeze()
        _done.set()
        return True
