"""Digest items told by their headline alone.

A digest or a tracker often states an item only in its headline line ("Germany seizes 47
exchanges used by ransomware groups", "eToro settles with SEC for $1.5 million"), under which
come a source line or a comment that names no actor ("The company and co-founders will pay
fines"). Where the body under a heading tells the story itself, with its actor ("Abra ...
reached a settlement with regulators from 25 states", under "Abra settles with 25 state
regulators"), the headline is a compression of it ("over MetaMask" is no target, "South Africa
licenses" means its regulator) and the body's reading stands alone. So a headline's action
counts only where no sentence of its section, up to the next heading, yields an action of
its own or has a trigger of the same kind beside either end named by name (not "the company").
"""

from __future__ import annotations

from graph.ontology import get_ontology
from ingest.extraction.actions.roles import View
from ingest.extraction.entities.drafts import EntityTable, RelationDraft

_ACTIONS = frozenset(get_ontology().action_types)


def headline_only(
    headlines: list[tuple[int, RelationDraft]],
    body: list[tuple[int, RelationDraft]],
    views: list[View],
    table: EntityTable,
) -> list[tuple[int, RelationDraft]]:
    """The headline relations (sentence index, draft) no sentence under them tells again."""
    if not headlines:
        return []
    acted = {index for index, rel in body if rel.type in _ACTIONS}
    kept = []
    for index, rel in headlines:
        section = _section_after(index, views)
        if any(i in acted for i in section):
            continue
        ends = {table.resolve(rel.source), table.resolve(rel.target)}
        if not any(_tells(views[i], rel.type, ends, table) for i in section):
            kept.append((index, rel))
    return kept


def _section_after(index: int, views: list[View]) -> range:
    """The sentences under heading `index`, up to the next heading."""
    end = index + 1
    while end < len(views) and not views[end].sent.heading:
        end += 1
    return range(index + 1, end)


_NAMED = frozenset(("name", "abbrev"))


def _tells(view: View, rtype: str, ends: set[str], table: EntityTable) -> bool:
    """Whether a sentence has a trigger of `rtype` outside quotation marks (a source line's
    quoted title tells nothing) and names one of the ends by name."""
    text, start = view.sent.text, view.sent.start
    told = [t for t in view.triggers if not text.count('"', 0, t.start - start) % 2]
    return any(t.type == rtype for t in told) and any(
        m.how in _NAMED and m.key in table and table.resolve(m.key) in ends for m in view.mentions
    )
