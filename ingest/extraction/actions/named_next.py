"""One unnamed person an action falls on, named in the next sentences by the same action.

"FinCEN announced a civil monetary penalty against an individual for operating a P2P
exchanger. FinCEN assessed a $35,350 penalty against Eric Powers": the individual is
Eric Powers, told first by what he did, then by name. The action on the group of one is
then the named person's, told twice: the group's relation goes. So too where the same
sentence names the individual ("a warrant for one individual named Bang").
"""

from __future__ import annotations

from graph.ontology import TYPE
from ingest.extraction.entities.drafts import EntityTable, RelationDraft

_REACH = 2  # sentences after the unnamed mention


def drop_named_next(relations: list[tuple[int, RelationDraft]], table: EntityTable) -> None:
    """Remove (in place) each action on one unnamed person that the same actor's same
    action on a named person, in its sentence or the next two, tells again."""
    keep: list[tuple[int, RelationDraft]] = []
    for index, rel in relations:
        target = table.drafts.get(rel.target)
        if (
            target is not None
            and target.unnamed
            and target.count == 1
            and target.type == TYPE.person
            and any(
                index <= later <= index + _REACH
                and other.type == rel.type
                and other.source == rel.source
                and _named_person(other.target, table)
                for later, other in relations
            )
        ):
            continue
        keep.append((index, rel))
    relations[:] = keep


def _named_person(key: str, table: EntityTable) -> bool:
    draft = table.drafts.get(key)
    return draft is not None and draft.type == TYPE.person and not draft.unnamed
