"""A firm's head office named as a place: "the headquarters of X in Y", "X's head office in Y".

`firm_places` reads the verbs and adjectives ("headquartered in", "Y-based"); these are
the nouns. A former or planned seat ("its former headquarters in", "a new head office
in") is no seat today and gives nothing.
"""

from __future__ import annotations

import re

from graph.ontology import REL, TYPE
from ingest.extraction.entities.drafts import EntityTable, Mention, RelationDraft

_FIRMS = frozenset((TYPE.company, TYPE.exchange))
_OFFICE = r"(?:headquarters|head office|head-office|registered office|main office)"
_OF_BEFORE = re.compile(rf"\b(?:the|its|their) {_OFFICE} of (?:the )?$")
_IN_GAP = re.compile(r" in (?:the )?")
_POSSESSIVE_GAP = re.compile(
    rf"'s? (?:global |main |principal )?{_OFFICE} (?:(?:is|are|was|were|lies|sits) )?"
    r"(?:located |situated )?in (?:the )?"
)


def head_office_relations(
    text: str, sentence: str, ments: list[Mention], table: EntityTable
) -> list[RelationDraft]:
    """HEADQUARTERED_IN from head-office nouns in one sentence (`ments`: its mentions)."""
    if "office" not in sentence and "headquarters" not in sentence:
        return []
    out: list[RelationDraft] = []
    ordered = sorted(ments, key=lambda m: m.start)
    for firm, place in zip(ordered, ordered[1:], strict=False):
        if firm.how == "pronoun" or not _is(firm, table, _FIRMS):
            continue
        if not _is(place, table, frozenset((TYPE.jurisdiction,))):
            continue
        gap = text[firm.end : place.start]
        before = text[max(0, firm.start - 40) : firm.start]
        if (_IN_GAP.fullmatch(gap) and _OF_BEFORE.search(before)) or _POSSESSIVE_GAP.fullmatch(gap):
            out.append(RelationDraft(REL.headquartered_in, firm.key, place.key, sentence, 0.75))
    return out


def _is(m: Mention, table: EntityTable, kinds: frozenset[str]) -> bool:
    d = table.drafts.get(m.key)
    return d is not None and d.type in kinds and not d.unnamed
