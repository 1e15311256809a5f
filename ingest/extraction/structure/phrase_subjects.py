"""Which firm(s) a place phrase is about: the nearest organisation in its clause, and its
coordinates ("Binance and KuCoin operate in ..."), or the listed members of a group
the phrase refers to ("the five platforms serve ...").
"""

from __future__ import annotations

import re

from graph.ontology import GROUP
from ingest.extraction.actions.clauses import Clauses
from ingest.extraction.entities.drafts import EntityDraft, EntityTable, Mention


def sentence_base(ments: list[Mention], sentence: str, text: str) -> int:
    """Where `sentence` starts in the document `text` (near its first mention, if any)."""
    if ments:
        probe = ments[0].start
        return text.rfind(sentence, max(0, probe - len(sentence)), probe + len(sentence))
    return text.find(sentence)


def phrase_subjects(
    ments: list[Mention],
    pos: int,
    table: EntityTable,
    text: str,
    limit: int = 3,
    clauses: Clauses | None = None,
) -> list[str]:
    """The firm(s) a phrase at `pos` is about: the nearest in its clause, and its coordinates."""
    members = _group_members(ments, pos, table, clauses)
    if members:
        return members[:8]
    before = [
        m
        for m in ments
        if m.end <= pos
        and _draft(table, m.key) is not None
        and table.get(m.key).type in GROUP.organisation
        and m.how != "pronoun"
        and not table.get(m.key).unnamed
    ]
    if clauses is not None:
        cid = clauses.of(pos)
        same = [m for m in before if clauses.of(m.start) == cid]
        if not same and cid in clauses.antecedent:
            anchor = clauses.antecedent[cid]
            same = [m for m in before if m.end <= anchor][-1:]
        if not same:
            same = [m for m in before if clauses.of(m.start) == 0][:1]
        before = same or before
    if not before:
        return []
    last = before[-1]
    out = [last.key]
    for prev in reversed(before[:-1]):
        gap = text[prev.end : last.start]
        coordinated = re.fullmatch(r",? (?:and|or) |, ", gap)
        if len(out) >= limit or not coordinated:
            break
        out.append(prev.key)
        last = prev
    return out


def _draft(table: EntityTable, key: str) -> EntityDraft | None:
    return table.drafts.get(key)  # `table.get(key) if key in table else None`, in one lookup


def _group_members(
    ments: list[Mention], pos: int, table: EntityTable, clauses: Clauses | None
) -> list[str]:
    """'the five platforms serve ...': the named members of the group the phrase refers to."""
    for m in reversed([x for x in ments if x.end <= pos]):
        d = _draft(table, m.key)
        if d is None or d.type not in GROUP.organisation:
            continue
        if clauses is not None and clauses.of(m.start) != clauses.of(pos):
            return []
        return list(d.members) if d.unnamed else []
    return []
