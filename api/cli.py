"""The `cryptoreg` command. Each subcommand is a thin shell over a library function."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from graph.errors import CryptoregError
from graph.settings import Settings, get_settings

app = typer.Typer(
    help="cryptoreg: a knowledge graph of crypto-regulation actions built from news.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
neo4j_app = typer.Typer(
    help="Start, stop and inspect the project's own Neo4j 5.26 server.", no_args_is_help=True
)
app.add_typer(neo4j_app, name="neo4j")
err = Console(stderr=True)


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


@app.command()
def extract(
    path: Annotated[Path, typer.Argument(help="One article file (.txt, .md, .html, .json).")],
) -> None:
    """Print the ontology JSON of one article (the scorer's interface)."""
    from ingest.extraction import extract_article
    from ingest.read import read_article_file

    try:
        article = read_article_file(path, max_bytes=_settings().max_file_bytes)
        extraction = extract_article(article)
    except CryptoregError as exc:
        raise _fail(exc) from exc
    sys.stdout.write(
        json.dumps(
            extraction.model_dump(mode="json", exclude_none=False), ensure_ascii=False, indent=1
        )
    )
    sys.stdout.write("\n")


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, feed files or feed URLs.")],
) -> None:
    """Read, extract and write articles to the configured store, with a summary."""
    from ingest.pipeline import ingest_paths

    settings = _settings()
    try:
        report = ingest_paths(paths, settings=settings, console=err)
    except CryptoregError as exc:
        raise _fail(exc) from exc
    if report.failed and not report.read:
        raise typer.Exit(1)


@app.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Bind address (default from settings).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default from settings).")] = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes.")] = None,
) -> None:
    """Serve the HTTP API with uvicorn."""
    import uvicorn

    from api.app import create_app

    s = _settings()
    # uvicorn's worker processes import the factory themselves: name it by the function.
    uvicorn.run(
        f"{create_app.__module__}:{create_app.__qualname__}",
        factory=True,
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
