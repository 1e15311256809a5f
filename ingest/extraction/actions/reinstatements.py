"""A licence reinstated after its suspension or revocation stands again.

"The commission suspended Korvex's licence in May and reinstated it in August": the
article's last word on the licence is that it holds, so the suspension told before is
no longer its status (`RESTORE` ending words: "reinstated", "restored"). Only a licence
comes back this way; restored access ends a block (`endings.ended_how`).
"""

from __future__ import annotations

from graph.ontology import REL, STATUS
from ingest.extraction.entities.drafts import EntityTable, RelationDraft

_RECENT = 3  # sentences back a bare "reinstated the licence" may reach


def reinstate(
    drafts: list[tuple[int, RelationDraft]],
    keys: set[str],
    subject: str | None,
    sentence: int,
    table: EntityTable,
) -> list[RelationDraft]:
    """Clear the end of the latest ended licence the words name (by a party of the
    phrase, else by the body reinstating it, else a licence a few sentences back)."""
    ended = [
        (i, d)
        for i, d in drafts
        if d.type == REL.licensed and d.properties.get("status") == STATUS.ended
    ]

    def ends(d: RelationDraft) -> set[str]:
        return {table.resolve(d.source), table.resolve(d.target)}

    chosen = next((d for _, d in reversed(ended) if keys & ends(d)), None)
    if chosen is None and subject is not None:
        chosen = next((d for _, d in reversed(ended) if table.resolve(d.source) == subject), None)
    if chosen is None and not keys:
        chosen = next((d for i, d in reversed(ended) if sentence - i <= _RECENT), None)
    if chosen is None:
        return []
    same = [d for _, d in ended if ends(d) == ends(chosen)]
    for d in same:
        for key in ("status", "ended_how", "ended_on"):
            d.properties.pop(key, None)
    return same
