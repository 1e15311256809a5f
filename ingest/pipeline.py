"""The ingest pipeline: read, extract, upsert, and report what happened.

`ingest_articles` is the one place where an article is extracted and written, used
by the CLI (`ingest_paths`) and the API alike. A problem with one article (it does
not read, the extractor refuses it, the store refuses its extraction) is that
article's `ReadFailure`; an unreachable store stops the run, since every later
article would fail the same way. Extraction may run in worker processes
(`ingest.parallel.ArticlePool`); the store is written here, in input order, in
batches of `WRITE_BATCH` extractions (`upsert_many`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import partial

from pydantic import BaseModel, Field
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn
from rich.table import Table

from graph.errors import CryptoregError, StoreUnavailableError
from graph.models import Article, Extraction
from graph.settings import Settings
from graph.store.protocol import GraphStore, UpsertSummary
from ingest.outcome import Extractor, article_failure, extract_or_fail
from ingest.parallel import ArticlePool, auto_workers
from ingest.read import ReadFailure, ReadNote, read_source, walk_sources

PROGRESS_MIN_SOURCES = 20
# Extractions written per `upsert_many`: the stores' transactions hold up to 200
# articles (graph/store/embedded/store.py, graph/store/neo4j/store.py BATCH).
WRITE_BATCH = 200
ExtractionPool = ArticlePool[Extraction | ReadFailure]


class IngestReport(BaseModel):
    """What one ingest run did: articles read, what failed and why, what the store changed."""

    read: int = 0
    failed: list[ReadFailure] = Field(default_factory=list)
    summary: UpsertSummary = Field(default_factory=UpsertSummary)
    ingested: list[str] = Field(default_factory=list, description="ids of articles written")
    notes: list[ReadNote] = Field(
        default_factory=list,
        description="inputs read with a caveat, such as text that was not UTF-8 and was "
        "decoded by a fallback (which one is said)",
    )

    @property
    def inputs_failed(self) -> int:
        """How many distinct inputs (files, URLs, the request body) had a failure."""
        return len({f.path for f in self.failed})


def ingest_articles(
    articles: Iterable[Article | ReadFailure],
    store: GraphStore,
    extract: Extractor | None = None,
    pool: ExtractionPool | None = None,
) -> IngestReport:
    """Extract and upsert each article; read failures passed in are counted, not retried.

    `extract` defaults to `ingest.extraction.extract_article`, run in this process. Pass
    `pool` instead (an entered `ArticlePool` of `extract_or_fail`, or a partial of it
    over a module-level extractor) to extract in worker processes.
    """
    if pool is None:
        pool = ArticlePool(partial(extract_or_fail, extract=extract))
    elif extract is not None:
        raise ValueError("give the extractor to the pool, not to ingest_articles")
    report = IngestReport()
    pending: list[tuple[Article, Extraction]] = []
    for item in pool.map(articles):
        if isinstance(item, ReadFailure):
            report.failed.append(item)
            continue
        article, extraction = item
        report.read += 1
        if isinstance(extraction, ReadFailure):
            report.failed.append(extraction)
            continue
        pending.append((article, extraction))
        if len(pending) >= WRITE_BATCH:
            _write_batch(pending, store, report)
            pending = []
    _write_batch(pending, store, report)
    return report


def _write_batch(
    batch: list[tuple[Article, Extraction]], store: GraphStore, report: IngestReport
) -> None:
    """Write extractions with one `upsert_many` (a few transactions, each all or nothing).
    A batch the store refuses (the store checks every extraction before writing any) is
    written again article by article, so each refused one is that article's failure and
    the others land."""
    if not batch:
        return
    try:
        report.summary += store.upsert_many(x for _, x in batch)
    except StoreUnavailableError:
        raise
    except CryptoregError:
        for article, extraction in batch:
            _write_one(article, extraction, store, report)
        return
    report.ingested += [article.id for article, _ in batch]


def _write_one(
    article: Article, extraction: Extraction, store: GraphStore, report: IngestReport
) -> None:
    try:
        report.summary += store.upsert(extraction)
    except StoreUnavailableError:
        raise
    except CryptoregError as exc:
        report.failed.append(article_failure(article, exc, "store"))
        return
    report.ingested.append(article.id)


def ingest_paths(
    paths: list[str], settings: Settings, console: Console, workers: int | None = None
) -> IngestReport:
    """Ingest files, folders and feed URLs into the configured store and print a summary.

    A progress bar is shown on a terminal, or for more than `PROGRESS_MIN_SOURCES` inputs.
    `workers` extraction processes (default `auto_workers`: one per core for big batches).
    """
    sources = list(walk_sources(paths))
    files = [s for s in sources if isinstance(s, str)]
    # the pool's workers start before the store opens and the progress bar's thread runs
    with ArticlePool(extract_or_fail, workers or auto_workers(files)) as pool:
        return _ingest_sources(sources, settings, console, pool)


def _ingest_sources(
    sources: list[str | ReadFailure], settings: Settings, console: Console, pool: ExtractionPool
) -> IngestReport:
    from graph.store.factory import open_store

    store = open_store(settings)
    try:
        show = console.is_terminal or len(sources) > PROGRESS_MIN_SOURCES
        with Progress(
            TextColumn("[bold]ingest[/bold] {task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            console=console,
            transient=True,
            disable=not show,
        ) as progress:
            task = progress.add_task("", total=len(sources))
            notes: list[ReadNote] = []

            def items() -> Iterator[Article | ReadFailure]:
                for source in sources:
                    if isinstance(source, ReadFailure):  # skipped inside a folder
                        yield source
                    else:
                        progress.update(task, description=_short(source))
                        yield from read_source(source, settings.max_file_bytes, notes=notes)
                    progress.advance(task)

            report = ingest_articles(items(), store, pool=pool)
            report.notes = notes
    finally:
        store.close()
    print_report(report, console)
    return report


def _short(source: str, width: int = 40) -> str:
    return source if len(source) <= width else "…" + source[-(width - 1) :]


def print_report(report: IngestReport, console: Console) -> None:
    """The end-of-run summary table, then one row per failure with its reason."""
    table = Table(title="Ingest summary", show_header=False)
    table.add_column("what")
    table.add_column("count", justify="right")
    rows = [
        ("articles read", report.read),
        ("articles written", report.summary.articles),
        ("failed", len(report.failed)),
        ("entities new", report.summary.entities_new),
        ("entities merged", report.summary.entities_merged),
        ("relations new", report.summary.relations_new),
        ("relations merged", report.summary.relations_merged),
    ]
    for label, count in rows:
        table.add_row(label, str(count))
    console.print(table)
    if report.notes:
        notes = Table(title="Notes")
        notes.add_column("input", overflow="fold")
        notes.add_column("note", overflow="fold")
        for n in report.notes:
            notes.add_row(n.path, n.note)
        console.print(notes)
    if report.failed:
        inputs = report.inputs_failed
        failures = Table(title=f"Failures ({inputs} input{'s' if inputs != 1 else ''})")
        failures.add_column("input", overflow="fold")
        failures.add_column("stage")
        failures.add_column("reason", overflow="fold")
        for f in report.failed:
            where = f"{f.path}:{f.line}" if f.line else f.path
            failures.add_row(where, f.stage, f.reason)
        console.print(failures)
