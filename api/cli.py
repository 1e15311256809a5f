"""The `cryptoreg` command. Each subcommand is a thin shell over a library function."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from api.cli_judgements import entities_app
from api.lazy_console import escape, lazy_console
from api.lazy_settings import get_settings
from graph.environment import DEFAULT_MAX_FILE_BYTES, unconfigured
from graph.errors import CryptoregError, InvalidInputError

if TYPE_CHECKING:
    from graph.settings import Settings
    from graph.store.protocol import GraphStore

app = typer.Typer(
    help="cryptoreg: a knowledge graph of crypto-regulation actions built from news.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
neo4j_app = typer.Typer(
    help="Start, stop and inspect the project's own Neo4j 5.26 server.", no_args_is_help=True
)
app.add_typer(neo4j_app, name="neo4j")
review_app = typer.Typer(
    help="The review queue: doubtful action facts (below CRYPTOREG_REVIEW_BELOW), kept out "
    "of the curated reads until accepted; accept, reject or undo a decision by event id.",
    invoke_without_command=True,
)
app.add_typer(review_app, name="review")
app.add_typer(entities_app, name="entities")
err = lazy_console(stderr=True)
out = lazy_console(soft_wrap=True)


def _settings() -> Settings:
    try:
        return get_settings()
    except CryptoregError as exc:
        err.print(f"[red]error:[/red] {escape(exc.detail)}")
        raise typer.Exit(2) from exc


def _fail(exc: CryptoregError) -> typer.Exit:
    err.print(f"[red]error:[/red] {escape(exc.detail)}")
    return typer.Exit(1)


class RdfFormat(StrEnum):
    turtle = "turtle"
    ntriples = "ntriples"
    jsonld = "jsonld"
    trig = "trig"
    nquads = "nquads"


Workers = Annotated[
    int | None,
    typer.Option(
        "--workers",
        "-w",
        min=1,
        help="Extraction processes (default: one per core for a big batch, else 1).",
    ),
]


@app.command()
def extract(
    paths: Annotated[
        list[str],
        typer.Argument(
            help="Article files (.txt, .md, .html, .json, .jsonl, RSS/Atom), folders or URLs."
        ),
    ],
    jsonl: Annotated[
        bool, typer.Option("--jsonl", help="JSON Lines even for one file (one per article).")
    ] = False,
    workers: Workers = None,
) -> None:
    """Print the ontology JSON of one article file (the scorer's interface), or with several
    inputs, a folder, a URL or --jsonl, one JSON line per article, in input order.

    An input that fails is named on stderr with its reason, the rest go on, and the exit
    code is 1.
    """
    from api.startup import load_extractor
    from ingest.readers.load import is_url
    from ingest.regex_cache import cached_patterns

    # (with nothing configured, the default without building the settings: ~45 ms)
    max_bytes = DEFAULT_MAX_FILE_BYTES if unconfigured() else _settings().max_file_bytes
    one = paths[0]
    # One process per file is the scorer's way: spare each the regex compilation.
    with cached_patterns():
        if len(paths) == 1 and not jsonl and not is_url(one) and not Path(one).is_dir():
            load_extractor()  # (with the garbage collector paused: api/startup.py)
            _extract_file(Path(one), max_bytes)
            return
        try:
            failed = _extract_batch(paths, max_bytes, workers)
        except BrokenPipeError:  # `| head`: stop quietly, and keep Python's exit flush quiet
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            raise typer.Exit(1) from None
    if failed:
        raise typer.Exit(1)


def _extract_file(path: Path, max_bytes: int) -> None:
    """The one article in `path`, as pretty JSON."""
    from ingest.extraction import extract_article
    from ingest.outcome import extraction_json
    from ingest.read import read_article_file

    try:
        article = read_article_file(path, max_bytes)
    except InvalidInputError as exc:  # a feed or JSONL file: several articles
        exit_ = _fail(exc)
        err.print(
            f"hint: `cryptoreg extract --jsonl {escape(str(path))}` prints one line each",
            soft_wrap=True,
        )
        raise exit_ from exc
    except CryptoregError as exc:
        raise _fail(exc) from exc
    try:
        extraction = extract_article(article)
    except CryptoregError as exc:
        raise _fail(exc) from exc
    sys.stdout.write(extraction_json(extraction, indent=1) + "\n")


def _extract_batch(paths: list[str], max_bytes: int, workers: int | None) -> int:
    """Write one JSON line per article; report each failure. Returns how many failed."""
    from ingest.outcome import extract_json_line
    from ingest.parallel import ArticlePool, auto_workers
    from ingest.read import ReadFailure, iter_sources, read_source

    sources = list(iter_sources(paths))
    items = (item for source in sources for item in read_source(source, max_bytes))
    written = failed = 0
    with ArticlePool(extract_json_line, workers or auto_workers(sources)) as pool:
        for item in pool.map(items):
            result = item if isinstance(item, ReadFailure) else item[1]
            if isinstance(result, ReadFailure):
                where = f"{result.path}:{result.line}" if result.line else result.path
                reason = " ".join(result.reason.split())
                err.print(f"[red]error:[/red] {escape(where)}: {escape(reason)}", soft_wrap=True)
                failed += 1
            else:
                sys.stdout.write(result + "\n")
                written += 1
    if not written and not failed:
        err.print(f"[red]error:[/red] no articles in {escape(' '.join(paths))}", soft_wrap=True)
        return 1
    return failed


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, feed files or feed URLs.")],
    workers: Workers = None,
    partial_ok: Annotated[
        bool, typer.Option("--partial-ok", help="Exit 0 when some inputs failed and others landed.")
    ] = False,
) -> None:
    """Read, extract and write articles to the configured store, with a summary. Exits 1
    when any input failed (say how many), unless --partial-ok and something landed."""
    from ingest.pipeline import ingest_paths

    settings = _settings()
    try:
        report = ingest_paths(paths, settings=settings, console=err, workers=workers)
    except CryptoregError as exc:
        raise _fail(exc) from exc
    if report.failed and not (partial_ok and report.read):
        err.print(
            f"[red]error:[/red] {report.inputs_failed} input(s) failed; see Failures above",
            soft_wrap=True,
        )
        raise typer.Exit(1)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Bind address (default from settings).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default from settings).")] = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes.")] = None,
) -> None:
    """Serve the HTTP API with uvicorn."""
    from api.app import create_app
    from api.serving import serve as run_server

    s = _settings()
    if host:  # the app (and each worker) reads its settings: trust the host it binds to
        os.environ["CRYPTOREG_HOST"] = host
    # uvicorn's worker processes import the factory themselves: name it by the function.
    run_server(
        f"{create_app.__module__}:{create_app.__qualname__}",
        host=host or s.host,
        port=port or s.port,
        workers=workers or s.workers,
    )


@app.command()
def export(
    fmt: Annotated[
        RdfFormat, typer.Option("--format", "-f", help="RDF serialisation.")
    ] = RdfFormat.turtle,
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="File to write (default stdout).")
    ] = None,
) -> None:
    """Export the graph as RDF from the configured store."""
    from graph.rdf.export import export_store
    from graph.store.factory import open_store

    settings = _settings()
    try:
        store = open_store(settings)
        try:
            if output is None:
                export_store(store, fmt.value, sys.stdout.buffer, base_iri=settings.base_iri)
            else:
                with output.open("wb") as fh:
                    export_store(store, fmt.value, fh, base_iri=settings.base_iri)
        finally:
            store.close()
    except CryptoregError as exc:
        raise _fail(exc) from exc


@app.command()
def query(
    name: Annotated[
        str | None, typer.Argument(help="A named query of queries/; omit to list them.")
    ] = None,
    param: Annotated[
        list[str] | None, typer.Option("--param", "-p", help="key=value, repeatable.")
    ] = None,
) -> None:
    """List the named queries, or run one on the configured store and print its rows as JSON."""
    from graph.named.catalogue import load_queries
    from graph.store.factory import open_store

    try:
        catalogue = load_queries()
        if name is None:
            for q in catalogue.values():
                typer.echo(f"{q.name}: {q.description}")
            return
        params = dict(p.split("=", 1) for p in param or [] if "=" in p)
        store = open_store(_settings())
        try:
            from graph.named.runner import run_named

            rows = run_named(store, name, params)
        finally:
            store.close()
    except CryptoregError as exc:
        raise _fail(exc) from exc
    typer.echo(json.dumps(rows, ensure_ascii=False, indent=1, default=str))


JsonFlag = Annotated[
    bool, typer.Option("--json", help="Print the answer as JSON (the API's records).")
]


@contextmanager
def _store() -> Iterator[GraphStore]:
    """The configured store, closed afterwards; a store error exits 1 with its reason."""
    from graph.store.factory import open_store

    try:
        store = open_store(_settings())
    except CryptoregError as exc:
        raise _fail(exc) from exc
    try:
        yield store
    except CryptoregError as exc:
        raise _fail(exc) from exc
    finally:
        store.close()


@app.command()
def retract(
    article_id: Annotated[str, typer.Argument(help="The id of a stored article.")],
) -> None:
    """Remove an article and every fact, alias and entity only it supported (as
    DELETE /articles/{id} does); events it ended become active again."""
    with _store() as store:
        summary = store.retract(article_id)
    typer.echo(
        f"retracted {summary.article}: {summary.relations_deleted} facts and "
        f"{summary.entities_deleted} entities removed, {summary.relations_kept} facts kept "
        "(other articles still state them)"
    )


def _day(name: str, value: str | None) -> dt.date | None:
    from api.days import parse_day

    try:
        return parse_day(name, value)
    except CryptoregError as exc:
        raise _fail(exc) from exc


@app.command()
def actions(
    type_: Annotated[
        str | None, typer.Option("--type", "-t", help="Action type, e.g. BANNED.")
    ] = None,
    actor: Annotated[str | None, typer.Option(help="Actor entity id.")] = None,
    target: Annotated[str | None, typer.Option(help="Target entity id.")] = None,
    jurisdiction: Annotated[str | None, typer.Option(help="A jurisdiction's entity id.")] = None,
    since: Annotated[str | None, typer.Option(help="From this day (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Up to this day (YYYY-MM-DD).")] = None,
    in_force_on: Annotated[
        str | None,
        typer.Option("--in-force-on", help="Only actions in force that day (YYYY-MM-DD or today)."),
    ] = None,
    status: Annotated[
        str | None, typer.Option(help="Only actions with this status: active or ended.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=10_000, help="At most this many.")] = 50,
    include_unreviewed: Annotated[
        bool,
        typer.Option(
            "--include-unreviewed", help="Show the facts waiting in the review queue too."
        ),
    ] = False,
    as_json: JsonFlag = False,
) -> None:
    """The action timeline, newest first: one row per event, with its status (facts
    waiting for review left out unless --include-unreviewed, rejected ones always)."""
    from api.cli_render import print_actions, print_json

    days = {n: _day(n, v) for n, v in (("since", since), ("until", until))}
    day = _day("in_force_on", in_force_on)
    with _store() as store:
        facts = store.actions(
            action_type=type_,
            actor=actor,
            target=target,
            jurisdiction=jurisdiction,
            since=days["since"],
            until=days["until"],
            in_force_on=day,
            status=status,
            limit=limit,
            review="pending" if include_unreviewed else "shown",
        )
    if as_json:
        print_json(out, facts)
    else:
        print_actions(out, facts)


@app.command("in-force")
def in_force(
    entity: Annotated[str, typer.Argument(help="Entity id, e.g. exchange:binance.")],
    on: Annotated[
        str | None, typer.Option(help="The day (YYYY-MM-DD or today; default today).")
    ] = None,
    as_json: JsonFlag = False,
) -> None:
    """What stood against an entity on a day, by the actor's jurisdiction, since when."""
    from api.cli_render import print_in_force, print_json

    day = _day("on", on)
    with _store() as store:
        answer = store.in_force(entity, day)
    if as_json:
        print_json(out, answer)
    else:
        print_in_force(out, answer)


@app.command()
def history(
    actor: Annotated[str, typer.Argument(help="The actor's entity id.")],
    target: Annotated[str, typer.Argument(help="The target's entity id.")],
    as_json: JsonFlag = False,
) -> None:
    """Every action of ACTOR against TARGET, with each status change (taken, suspended,
    lifted, ...) in time order."""
    from api.cli_render import print_history, print_json

    with _store() as store:
        answer = store.pair_history(actor, target)
    if as_json:
        print_json(out, answer)
    else:
        print_history(out, answer)


@app.command()
def fines(
    entity: Annotated[str, typer.Argument(help="Entity id, e.g. exchange:binance.")],
    as_json: JsonFlag = False,
) -> None:
    """An entity's fines with amounts, and totals per currency (never across currencies)."""
    from api.cli_render import print_fines, print_json

    with _store() as store:
        answer = store.fines(entity)
    if as_json:
        print_json(out, answer)
    else:
        print_fines(out, answer)


@app.command()
def changes(
    since: Annotated[
        str | None,
        typer.Option(help="After this sequence number, or from this ISO time or date (UTC)."),
    ] = None,
    entity: Annotated[str | None, typer.Option(help="Only changes naming this entity id.")] = None,
    jurisdiction: Annotated[
        str | None, typer.Option(help="Only changes with an action in this jurisdiction.")
    ] = None,
    action_type: Annotated[
        str | None, typer.Option("--action-type", help="Only changes with a fact of this type.")
    ] = None,
    limit: Annotated[int, typer.Option(min=1, max=500, help="At most this many.")] = 100,
    as_json: JsonFlag = False,
) -> None:
    """The change feed, oldest first (as GET /changes): what each write added, changed or
    removed; the last line says the --since to use next time."""
    from api.cli_render import print_changes, print_json
    from api.days import parse_since

    try:
        after = parse_since("since", since)
    except CryptoregError as exc:
        raise _fail(exc) from exc
    with _store() as store:
        page = store.changes(
            since=after,
            entity=entity,
            jurisdiction=jurisdiction,
            action_type=action_type,
            limit=limit,
        )
    if as_json:
        print_json(out, page)
    else:
        print_changes(out, page)


@review_app.callback()
def review(
    ctx: typer.Context,
    state: Annotated[
        str, typer.Option(help="pending (default), accepted, rejected or all.")
    ] = "pending",
    type_: Annotated[
        str | None, typer.Option("--type", "-t", help="Action type, e.g. SUED.")
    ] = None,
    entity: Annotated[str | None, typer.Option(help="An entity id, as actor or target.")] = None,
    limit: Annotated[int, typer.Option(min=1, max=500, help="At most this many.")] = 50,
    offset: Annotated[int, typer.Option(min=0, help="Skip this many.")] = 0,
    as_json: JsonFlag = False,
) -> None:
    """List the review queue, least sure first (as GET /review)."""
    if ctx.invoked_subcommand is not None:
        return
    from api.cli_render import print_json, print_review

    with _store() as store:
        page = store.review(state, type_, entity, limit, offset)
    if as_json:
        print_json(out, page)
    else:
        print_review(out, page)


EventArg = Annotated[str, typer.Argument(help="The fact's event id (ev-...), as listed.")]
NoteOpt = Annotated[str | None, typer.Option(help="Why, for whoever reads it later.")]


def _decide(event_id: str, decision: str, note: str | None) -> None:
    with _store() as store:
        item = store.decide(event_id, decision, note)
    typer.echo(
        f"{item.state}: {item.type} {item.source.name} -> {item.target.name} ({item.event_id})"
    )


@review_app.command("accept")
def review_accept(event_id: EventArg, note: NoteOpt = None) -> None:
    """Accept a fact: shown whatever its confidence, across re-ingests."""
    _decide(event_id, "accepted", note)


@review_app.command("reject")
def review_reject(event_id: EventArg, note: NoteOpt = None) -> None:
    """Reject a fact: kept stored but never shown, even when reported again."""
    _decide(event_id, "rejected", note)


@review_app.command("undo")
def review_undo(event_id: EventArg) -> None:
    """Delete the decision on a fact: it follows its confidence again."""
    with _store() as store:
        record = store.undo_decision(event_id)
    typer.echo(f"undone: {record.decision} on {record.event_id}")


@neo4j_app.command("start")
def neo4j_start() -> None:
    """Fetch the jars (once), write neo4j.conf, start the server and wait for Bolt."""
    from graph.neo4j_server.server import start

    try:
        info = start(_settings())
    except CryptoregError as exc:
        raise _fail(exc) from exc
    err.print(info)


@neo4j_app.command("stop")
def neo4j_stop() -> None:
    """Stop the project's Neo4j server cleanly."""
    from graph.neo4j_server.server import stop

    try:
        err.print(stop(_settings()))
    except CryptoregError as exc:
        raise _fail(exc) from exc


@neo4j_app.command("status")
def neo4j_status() -> None:
    """Say whether the project's Neo4j server is running (exit 0) or not (exit 3)."""
    from graph.neo4j_server.server import status

    running, message = status(_settings())
    typer.echo(message)
    if not running:
        raise typer.Exit(3)


if __name__ == "__main__":
    app()
