"""A country's government credited with an action one of its bodies took: the body's.

"The Financial Crimes Investigation Board has fined Kestrel TR ... Kestrel becomes the
first crypto business to be fined by the Turkish government." News retells an agency's
action as its state's, often loosely (the firm's group for its local unit). Such a
government relation restates the body's: the same action type, on the same party or one
of its group (a unit and its parent), by a public body seated in the government's
country. It is dropped, the body's kept.
"""

from __future__ import annotations

from graph.ontology import GROUP, TYPE
from ingest.extraction.entities.article_state import ArticleState
from ingest.extraction.entities.drafts import EntityTable, RelationDraft

_GOVERNMENT = "Government of "


def drop_government_restatements(
    relations: list[tuple[int, RelationDraft]], state: ArticleState
) -> list[tuple[int, RelationDraft]]:
    """`relations` without a government's action a body of its country took (see the
    module)."""
    table, ctx = state.table, state.country
    if not any(r.source in table and _is_government(table, r.source) for _, r in relations):
        return relations
    by_body: dict[tuple[str, str], set[str]] = {}  # (type, party) -> countries of the bodies
    for _, rel in relations:
        if rel.source not in table or _is_government(table, rel.source):
            continue
        body = table.get(table.resolve(rel.source))
        if body.type not in GROUP.public_body or body.type == TYPE.jurisdiction:
            continue
        seat = body.jurisdiction or next(iter(body.places), None)
        if seat is None:
            continue
        for party in _group_of(table, rel.target):
            by_body.setdefault((rel.type, party), set()).add(ctx.country_of(seat))
    if not by_body:
        return relations
    kept = []
    for index, rel in relations:
        if rel.source in table and _is_government(table, rel.source):
            gov = table.get(table.resolve(rel.source))
            country = ctx.country_of(gov.jurisdiction or "")
            parties = _group_of(table, rel.target)
            if any(country in by_body.get((rel.type, p), ()) for p in parties):
                continue
        kept.append((index, rel))
    return kept


def _is_government(table: EntityTable, key: str) -> bool:
    draft = table.get(table.resolve(key))
    return draft.name.startswith(_GOVERNMENT) and bool(draft.jurisdiction)


def _group_of(table: EntityTable, key: str) -> set[str]:
    """The party and its gazetteer parent (a local unit's group), by key."""
    if key not in table:
        return {key}
    draft = table.get(table.resolve(key))
    group = {draft.key}
    parent = table.find(draft.parent) if draft.parent else None
    if parent is not None:
        group.add(parent.key)
    return group
