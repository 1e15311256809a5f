"""How the CLI's questions over time print: rich tables for people, one JSON document
with `--json` (the same records the HTTP API returns)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from graph.ontology import STATUS, get_ontology
from graph.store.changes import ChangePage
from graph.store.protocol import EntityFines, EntitySummary, Fact, InForce, PairHistory
from graph.store.review import ReviewPage


def print_json(console: Console, record: BaseModel | Sequence[BaseModel]) -> None:
    """The record(s) as indented JSON, exactly as the API serialises them."""
    data: Any
    if isinstance(record, BaseModel):
        data = record.model_dump(mode="json")
    else:
        data = [r.model_dump(mode="json") for r in record]
    console.out(json.dumps(data, ensure_ascii=False, indent=1), highlight=False)


def _who(e: EntitySummary) -> str:
    return f"{escape(e.name)} [dim]({escape(e.id)})[/dim]"


def _when(fact: Fact) -> str:
    """The action's own date, else the day it was first reported (said so)."""
    if fact.date:
        return fact.date
    if fact.first_seen:
        return f"[dim]reported {fact.first_seen.isoformat()}[/dim]"
    return "[dim]undated[/dim]"


def _status(fact: Fact) -> str:
    if fact.status == STATUS.active:
        return f"[green]{fact.status}[/green]"
    ended = f"{fact.ended_how or fact.status}" + (f" {fact.ended_on}" if fact.ended_on else "")
    return f"[red]{escape(ended)}[/red]"


def amount_text(amount: float | None, currency: str | None) -> str:
    """ "30,000,000 USD"; an amount with cents keeps them; "-" when none was given."""
    if amount is None:
        return "-"
    digits = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return f"{digits} {currency or '(no currency)'}"


def print_actions(console: Console, facts: list[Fact]) -> None:
    table = Table(title=f"{len(facts)} action(s)", title_justify="left")
    for col in ("date", "action", "actor", "target", "status", "sources", "event"):
        table.add_column(col)
    for f in facts:
        table.add_row(
            _when(f),
            f.type,
            _who(f.source),
            _who(f.target),
            _status(f),
            str(len(f.sources)),
            f"[dim]{f.event_id}[/dim]",
        )
    console.print(table)


def print_in_force(console: Console, answer: InForce) -> None:
    console.print(
        f"In force against {_who(answer.entity)} on {answer.on.isoformat()}: "
        f"{answer.total} action(s)"
    )
    for group in answer.jurisdictions:
        place = escape(group.jurisdiction.name) if group.jurisdiction else "jurisdiction unknown"
        table = Table(title=place, title_justify="left")
        for col in ("since", "action", "actor", "sources"):
            table.add_column(col)
        for f in group.actions:
            since = f.in_force_from.isoformat() if f.in_force_from else "-"
            date = f" [dim](dated {f.date})[/dim]" if f.date else " [dim](first reported)[/dim]"
            table.add_row(since + date, f.type, _who(f.source), escape(", ".join(f.sources)))
        console.print(table)


def print_history(console: Console, answer: PairHistory) -> None:
    console.print(f"{_who(answer.actor)} -> {_who(answer.target)}: {len(answer.events)} event(s)")
    table = Table(show_header=True)
    for col in ("on", "action", "step", "event", "sources"):
        table.add_column(col)
    for step in answer.timeline:
        what = "taken" if step.how is None else step.how
        colour = "green" if step.how is None else "red"
        table.add_row(
            step.on or "[dim]undated[/dim]",
            step.type,
            f"[{colour}]{escape(what)}[/{colour}]",
            f"[dim]{step.event_id}[/dim]",
            escape(", ".join(step.sources)) or "-",
        )
    console.print(table)


def print_fines(console: Console, answer: EntityFines) -> None:
    table = Table(title=f"Fines of {_who(answer.entity)}", title_justify="left")
    for col in ("date", "actor", "amount", "status", "sources"):
        table.add_column(col)
    for f in answer.fines:
        status = f.status if f.ended_how is None else f"{f.status} ({f.ended_how})"
        table.add_row(
            f.date or "[dim]undated[/dim]",
            _who(f.actor),
            amount_text(f.amount, f.currency),
            escape(status),
            escape(", ".join(f.sources)),
        )
    console.print(table)
    for total in answer.totals:
        console.print(f"total {amount_text(total.total, total.currency)} ({total.fines} fine(s))")
    if answer.without_amount:
        console.print(f"{answer.without_amount} fine(s) with no stated amount")
    if answer.without_currency:
        console.print(f"{answer.without_currency} fine(s) with an amount in no stated currency")


def _counts(ops: list[str]) -> str:
    """ "9 added, 1 changed" (in that order of ops), "-" for none."""
    order = ("added", "changed", "removed")
    return ", ".join(f"{ops.count(op)} {op}" for op in order if op in ops) or "-"


def print_changes(console: Console, page: ChangePage) -> None:
    """One row per change: its action facts in full, its other facts and entities counted."""
    actions = set(get_ontology().action_types)
    table = Table(title=f"{len(page.changes)} change(s)", title_justify="left")
    for col in ("seq", "at (UTC)", "kind", "article", "actions", "facts", "entities", "refused"):
        table.add_column(col)
    for c in page.changes:
        acts = "\n".join(
            f"{f.change} {f.type} {escape(f.source.name)} -> {escape(f.target.name)}"
            for f in c.facts
            if f.type in actions
        )
        table.add_row(
            str(c.seq),
            c.at.strftime("%Y-%m-%d %H:%M:%S"),
            c.kind.removeprefix("article_"),
            escape(c.article_id or ""),
            acts or "-",
            _counts([f.change for f in c.facts]),
            _counts([e.change for e in c.entities]),
            "\n".join(f"{r.type}: {escape(r.reason)}" for r in c.refused[:3])
            + (f"\n(+{len(c.refused) - 3} more)" if len(c.refused) > 3 else "")
            or "-",
        )
    console.print(table)
    console.print(f"next: --since {page.next}")


def print_review(console: Console, page: ReviewPage) -> None:
    """Each queued fact in a few lines, least sure first: what it says, how sure, its
    first sentence and why it waits (a table would squeeze the sentences to nothing)."""
    console.print(
        f"{len(page.items)} of {page.total} fact(s) in the queue "
        f"(review below {page.review_below:g})",
        highlight=False,
    )
    for item in page.items:
        conf = "-" if item.confidence is None else f"{item.confidence:g}"
        sentence = item.sentences[0] if item.sentences else ""
        more = f" [dim](+{len(item.sentences) - 1} more)[/dim]" if len(item.sentences) > 1 else ""
        console.print(
            f"\n[bold]{item.event_id}[/bold]  {item.state}  confidence {conf}\n"
            f"  {item.type} {_who(item.source)} -> {_who(item.target)}"
            + (f"  [dim]{item.date}[/dim]" if item.date else "")
            + f'\n  "{escape(sentence)}"{more}\n'
            f"  articles: {escape(', '.join(item.articles) or '-')}\n"
            f"  why: {escape(item.why)}",
            highlight=False,
        )
