"""A one-shot `cryptoreg extract FILE` loads the extractor with the cyclic collector paused.

Importing the extractor's ~130 modules and unpickling the gazetteer index (~100,000
objects) makes Python's cyclic garbage collector run many passes over every object the
process holds, where almost nothing is garbage yet: ~40 ms of a ~500 ms run (CPU). The
collector is paused only while the extractor is loaded and the index read, and runs as
usual during the extraction itself; its earlier state is restored either way.
"""

from __future__ import annotations

import gc


def load_extractor() -> None:
    """Import the extractor and read its gazetteer index, the collector paused.

    A failure here is left for the extraction to raise again where the command reports
    it (the index is read again by the first call that needs it)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        import ingest.extraction  # noqa: F401  (imported for the modules it loads)
        from ingest.extraction.names.gazetteer_index import get_index

        get_index()
    except Exception:  # reported by the extraction itself (see the docstring)
        return
    finally:
        if was_enabled:
            gc.enable()
