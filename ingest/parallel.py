"""One job per article over a stream of articles, in input order, here or in worker processes.

`ArticlePool(job, workers)`: with one worker the job runs in this process, article by
article. With more, chunks of `CHUNK_SIZE` articles go to a `ProcessPoolExecutor`, at most
`IN_FLIGHT_PER_WORKER` chunks per worker at a time, so a huge folder is streamed (memory
holds a few chunks, never the batch) and results come back in input order. Read failures
in the stream pass through in their place.

Workers only run the job (extraction); whatever writes (a store) stays in the caller's
process, since stores are not fork-safe. On Linux the workers are forked when the pool is
entered, so enter it before opening a store or starting a thread (a progress bar): they
inherit the parent's imports and its warmed gazetteer index. Elsewhere they are spawned
and warm their own; either way the initializer warms each worker once, on `WARM_UP`.
The job must be a module-level function (or a `functools.partial` of one) to reach a
worker; see `ingest.outcome` for the project's jobs.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from itertools import islice
from multiprocessing import get_context
from types import TracebackType
from typing import Any, Generic, TypeVar

from graph.models import Article
from ingest.readers.load import is_url
from ingest.readers.records import ReadFailure

T = TypeVar("T")

CHUNK_SIZE = 16
IN_FLIGHT_PER_WORKER = 2
AUTO_MIN_SOURCES = 64
AUTO_MIN_BYTES = 1_000_000
WARM_UP = Article(
    id="warm-up",
    text="The Securities and Exchange Commission fined Binance $4 million on Monday.",
)

Item = Article | ReadFailure


def auto_workers(sources: Sequence[str]) -> int:
    """One worker per core for a big batch (many inputs, or many bytes of files), else 1."""
    cores = os.cpu_count() or 1
    if cores < 2 or len(sources) >= AUTO_MIN_SOURCES:
        return cores
    size = 0
    for source in sources:
        if not is_url(source):
            try:
                size += os.path.getsize(source)
            except OSError:
                continue  # the reader reports it
    return cores if size >= AUTO_MIN_BYTES else 1


class ArticlePool(Generic[T]):
    """Run `job` on each article of a stream; use as a context manager when `workers` > 1."""

    def __init__(
        self, job: Callable[[Article], T], workers: int = 1, chunk_size: int = CHUNK_SIZE
    ) -> None:
        if workers < 1 or chunk_size < 1:
            raise ValueError("workers and chunk_size must be at least 1")
        self.job = job
        self.workers = workers
        self.chunk_size = chunk_size
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> ArticlePool[T]:
        if self.workers > 1:
            self._executor = _start(self.job, self.workers)
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def map(self, items: Iterable[Item]) -> Iterator[tuple[Article, T] | ReadFailure]:
        """`(article, job(article))` for each article, a read failure as itself, in order."""
        if self._executor is None:
            if self.workers > 1:
                raise RuntimeError("enter the pool (`with ArticlePool(...) as pool`) first")
            for item in items:
                yield item if isinstance(item, ReadFailure) else (item, self.job(item))
            return
        pending: deque[tuple[list[Item], Future[list[Any]]]] = deque()
        limit = self.workers * IN_FLIGHT_PER_WORKER
        for chunk in _chunks(items, self.chunk_size):
            articles = [item for item in chunk if isinstance(item, Article)]
            pending.append((chunk, self._executor.submit(_run_chunk, articles)))
            if len(pending) >= limit:
                yield from _in_order(*pending.popleft())
        while pending:
            yield from _in_order(*pending.popleft())


def _start(job: Callable[[Article], Any], workers: int) -> ProcessPoolExecutor:
    """An executor whose workers are all started and warm when this returns."""
    method = "fork" if sys.platform == "linux" else "spawn"
    if method == "fork":
        job(WARM_UP)  # once here: every forked worker inherits the warm caches
    executor = ProcessPoolExecutor(
        workers, mp_context=get_context(method), initializer=_start_worker, initargs=(job,)
    )
    try:
        for future in [executor.submit(_ready) for _ in range(workers)]:
            future.result()  # the workers exist now, not at the first chunk
    except BaseException:
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    return executor


def _chunks(items: Iterable[Item], size: int) -> Iterator[list[Item]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def _in_order(
    chunk: list[Item], future: Future[list[Any]]
) -> Iterator[tuple[Article, Any] | ReadFailure]:
    results = iter(future.result())
    for item in chunk:
        yield item if isinstance(item, ReadFailure) else (item, next(results))


# --- in the worker process -------------------------------------------------------------

_job: Callable[[Article], Any] | None = None


def _start_worker(job: Callable[[Article], Any]) -> None:
    """The initializer: keep the job and warm it (gazetteer index, lazy tables) once."""
    global _job
    _job = job
    job(WARM_UP)


def _ready() -> None:
    """A task that only proves a worker is up."""


def _run_chunk(articles: list[Article]) -> list[Any]:
    job = _job
    if job is None:
        raise RuntimeError("worker started without a job")
    return [job(article) for article in articles]
