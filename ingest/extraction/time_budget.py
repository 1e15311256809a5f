"""A per-article time budget: extraction gives up on an article that takes too long.

Extraction is linear in an article's size on ordinary text, but a pathological input (a
multi-megabyte page of repeated names, a table flattened into one sentence) must not
hold an ingest hostage. `extract_article` runs inside `budget(seconds)`; the stages call
`check(where)` between steps and inside their per-sentence and per-mention loops, and an
article past its deadline raises `ExtractionTimeoutError`. That is a `CryptoregError`, so the
pipeline reports it as that article's failure (with this message) and the batch goes on.

The deadline lives in a context variable, so the loops need no extra parameter, and
parallel workers (ingest/parallel.py) each keep their own.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache

from graph.environment import DEFAULT_EXTRACT_TIME_BUDGET, unconfigured
from graph.errors import InvalidInputError

_DEADLINE: ContextVar[tuple[float, float] | None] = ContextVar("extract_deadline", default=None)


class ExtractionTimeoutError(InvalidInputError):
    """An article's extraction went past its time budget."""


@lru_cache(maxsize=1)
def configured_seconds() -> float:
    """The configured budget (`CRYPTOREG_EXTRACT_TIME_BUDGET`, default 60 s; 0: none),
    read once per process (with nothing configured, the default, without building the
    settings: graph/environment.py)."""
    if unconfigured():
        return DEFAULT_EXTRACT_TIME_BUDGET
    from graph.settings import load_settings

    return load_settings().extract_time_budget


@contextmanager
def budget(seconds: float | None) -> Iterator[None]:
    """Run the block with a deadline `seconds` from now (None: the configured budget;
    0: no deadline)."""
    if seconds is None:
        seconds = configured_seconds()
    value = (time.perf_counter() + seconds, seconds) if seconds and seconds > 0 else None
    token = _DEADLINE.set(value)
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def check(where: str) -> None:
    """Raise `ExtractionTimeoutError` when the current deadline has passed."""
    deadline = _DEADLINE.get()
    if deadline is not None and time.perf_counter() > deadline[0]:
        raise ExtractionTimeoutError(
            f"extraction took longer than its budget of {deadline[1]:g} s (stopped in {where}); "
            "the article is left out: split it, or raise CRYPTOREG_EXTRACT_TIME_BUDGET"
        )
