"""`cryptoreg entities ...`: judgements on identity from the command line.

`explain ID` says why an entity is one entity; `merge A B`, `split ID NAME` and
`distinct A B` record a judgement (graph/store/judgements.py) that the store applies at
once and every later ingest obeys; `judgements` lists them and `undo N` deletes one,
replaying what it moved with no re-ingest. The same as /judgements and
/entities/{id}/explain over HTTP. api/cli.py adds this group as `entities`.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from api.lazy_console import escape, lazy_console
from api.lazy_settings import get_settings
from graph.errors import CryptoregError

if TYPE_CHECKING:  # imported where used: `cryptoreg extract` starts without the store
    from graph.store.judgements import Explanation, JudgementKind
    from graph.store.protocol import GraphStore

entities_app = typer.Typer(
    help="Explain, merge, split or keep apart entities (judgements); list and undo them.",
    no_args_is_help=True,
)
err = lazy_console(stderr=True)
out = lazy_console(soft_wrap=True)

Note = Annotated[str | None, typer.Option("--note", help="Why, in your words (stored).")]
AsJson = Annotated[bool, typer.Option("--json", help="Print the answer as JSON (the API's).")]


@contextmanager
def _store() -> Iterator[GraphStore]:
    """The configured store, closed afterwards; any cryptoreg error exits 1 with its reason."""
    from graph.store.factory import open_store

    try:
        store = open_store(get_settings())
        try:
            yield store
        finally:
            store.close()
    except CryptoregError as exc:
        err.print(f"[red]error:[/red] {escape(exc.detail)}")
        raise typer.Exit(1) from exc


def _judge(kind: JudgementKind, entity: str, note: str | None, **names: str) -> None:
    from graph.store.judgements import JudgementIn, describe

    request = JudgementIn(kind=kind, entity=entity, note=note, **names)
    with _store() as store:
        j = store.judge(request)
    typer.echo(f"recorded {describe(j)}; undo with: cryptoreg entities undo {j.id}")


@entities_app.command()
def merge(
    entity: Annotated[str, typer.Argument(help="The entity merged away (A).")],
    into: Annotated[str, typer.Argument(help="The entity it is (B).")],
    note: Note = None,
) -> None:
    """A is B: A's mentions, aliases and facts move to B, and A's id lands on B in every
    later ingest."""
    _judge("merge", entity, note, other=into)


@entities_app.command()
def split(
    entity: Annotated[str, typer.Argument(help="The entity to split a name off.")],
    name: Annotated[str, typer.Argument(help="The name that is another body.")],
    note: Note = None,
) -> None:
    """NAME, and what articles said under it, become their own entity again."""
    _judge("split", entity, note, name=name)


@entities_app.command()
def distinct(
    entity: Annotated[str, typer.Argument(help="One entity.")],
    other: Annotated[str, typer.Argument(help="Another, never to be merged with it.")],
    note: Note = None,
) -> None:
    """A and B are never one entity: a later merge of them is refused."""
    _judge("distinct", entity, note, other=other)


@entities_app.command()
def judgements(as_json: AsJson = False) -> None:
    """Every judgement, oldest first."""
    from graph.store.judgements import describe

    with _store() as store:
        found = store.judgements()
    if as_json:
        out.out(f"[{', '.join(j.model_dump_json() for j in found)}]", highlight=False)
        return
    for j in found:
        typer.echo(describe(j))
    if not found:
        typer.echo("no judgements")


@entities_app.command()
def undo(
    judgement_id: Annotated[int, typer.Argument(help="The judgement's number.", min=1)],
) -> None:
    """Delete a judgement; the stored articles it moved are written again (no re-ingest)."""
    from graph.store.judgements import describe

    with _store() as store:
        j = store.undo_judgement(judgement_id)
    typer.echo(f"undone {describe(j)}")


@entities_app.command()
def explain(
    entity: Annotated[str, typer.Argument(help="An entity id.")], as_json: AsJson = False
) -> None:
    """Why an entity is one entity: its names, where each came from, the judgements."""
    with _store() as store:
        why = store.explain(entity)
    if as_json:
        out.out(why.model_dump_json(indent=1), highlight=False)
    else:
        _print(why)


def _print(why: Explanation) -> None:
    from graph.store.judgements import describe

    e = why.entity
    out.print(f"[bold]{escape(e.name)}[/bold] ({escape(e.id)}, {e.type})")
    out.print(escape(why.rule))
    for n in why.names:
        how = {
            "text": "the text wrote it",
            "gazetteer": "from the gazetteer entry (not in the text)",
            "judgement": f"judgement {n.judgement} merged {n.came_as} here",
        }[n.via]
        if n.via == "judgement" and n.came_as == e.id:
            how = f"judgement {n.judgement}"
        out.print(
            f"- {escape(n.name)!r} ({n.kind}): {how}; {n.article_count} article(s): "
            f"{escape(', '.join(n.articles))}"
        )
        if n.sentence:
            out.print(f"    “{escape(n.sentence)}”")
    for j in why.judgements:
        out.print(f"judgement {escape(describe(j))}")
    if why.not_read:
        out.print(f"{why.not_read} more article(s) not read (the first ones give every name)")
    if why.unexplained:
        out.print(
            f"{why.unexplained} article(s) were stored before extractions were kept: "
            "ingest them again to explain them"
        )
