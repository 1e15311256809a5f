"""SUBSIDIARY_OF from the text: "X, the UK-based unit of Y", "its Dubai-based unit, X",
"X and its parent company, Y", "Y, the company's Nasdaq-listed parent".
"""

from __future__ import annotations

import re

from graph.ontology import GROUP, REL, TYPE
from ingest.extraction.entities.drafts import EntityTable, Mention, RelationDraft

_UNIT_OF = re.compile(
    r"^, (?:the|a|an) (?:[\w-]+ ){0,3}?(?:unit|subsidiary|arm|affiliate|division) of\b"
)
_ITS_UNIT = re.compile(
    r"\b(?P<owner>[Ii]ts|[Tt]he company's|[Tt]he group's|[Tt]he exchange's) (?:[\w-]+ ){0,3}?"
    r"(?:unit|subsidiary|arm|affiliate|division), $"
)
_PARENT = re.compile(r"^,? and its parent(?: company)?, ")
_OWNER_PARENT = re.compile(
    r"^, (?:the|its) (?P<owner>company|group|exchange|firm)'s (?:[\w-]+ ){0,2}?parent\b"
)


def ownership_relations(
    text: str, sentence: str, ments: list[Mention], table: EntityTable
) -> list[RelationDraft]:
    out: list[RelationDraft] = []
    drafts = table.drafts
    orgs = [
        m
        for m in ments
        if (d := drafts.get(m.key)) is not None
        and d.type in GROUP.organisation
        and (m.how != "pronoun" or m.text.lower() != "its")
    ]
    for i, m in enumerate(orgs):
        tail = text[m.end : m.end + 120]
        nxt = orgs[i + 1] if i + 1 < len(orgs) else None
        if nxt is not None and _UNIT_OF.match(tail) and nxt.start - m.end < 120:
            out.append(RelationDraft(REL.subsidiary_of, m.key, nxt.key, sentence, 0.8))
        if nxt is not None and _PARENT.match(tail) and nxt.start - m.end < 40:
            out.append(RelationDraft(REL.subsidiary_of, m.key, nxt.key, sentence, 0.8))
        owner = _OWNER_PARENT.match(tail)
        if owner:
            child = next(
                (
                    x
                    for x in orgs[i + 1 :]
                    if x.start < m.end + owner.end()
                    and x.key != m.key
                    and x.how in ("descriptive", "pronoun")
                ),
                None,
            )
            if child is not None:
                out.append(RelationDraft(REL.subsidiary_of, child.key, m.key, sentence, 0.7))
        window = text[max(0, m.start - 60) : m.start]
        # _ITS_UNIT ends with ", $": only a window ending so can match (cheap test first)
        unit = _ITS_UNIT.search(window) if window.endswith((", ", ", \n")) else None
        if unit:
            owner_pos = m.start - 60 + unit.start() if m.start >= 60 else unit.start()
            owner_m = next((x for x in ments if x.start == owner_pos), None) or _owner_before(
                orgs, i, table
            )
            if owner_m is not None and owner_m.key != m.key:
                out.append(RelationDraft(REL.subsidiary_of, m.key, owner_m.key, sentence, 0.75))
    return out


def _owner_before(orgs: list[Mention], i: int, table: EntityTable) -> Mention | None:
    for x in reversed(orgs[:i]):
        if table.get(x.key).type in (TYPE.exchange, TYPE.company):
            return x
    return orgs[i - 1] if i > 0 else None


def curated_parents(table: EntityTable) -> list[RelationDraft]:
    """SUBSIDIARY_OF from the gazetteer's `parent`, when the article names both organisations."""
    out = []
    for d in table.all():
        if d.type not in GROUP.organisation or not d.parent or d.unnamed:
            continue
        parent = table.find(d.parent)
        if (
            parent is not None
            and parent.key != d.key
            and parent.type in GROUP.organisation
            and parent.standalone
        ):
            out.append(
                RelationDraft(
                    REL.subsidiary_of, d.key, parent.key, f"{d.name} is part of {parent.name}.", 0.6
                )
            )
    return out
