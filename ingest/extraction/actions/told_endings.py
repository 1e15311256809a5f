"""Endings whose object names no party: the action they end is one the article told.

"granted X a licence in 2022, but suspended it a year later": the pronoun stands for
the licence, so the word ends the licence (no ban on X). "In 2023 the FCA suspended
the licence": a definite noun with no holder ends the latest standing action of its
kind by that body, a few sentences back at most.
"""

from __future__ import annotations

import re

from graph.ontology import ENDED, REL
from ingest.extraction.actions.action_status import last_noun_types, set_status
from ingest.extraction.actions.triggers import Trigger
from ingest.extraction.entities.drafts import EntityTable, RelationDraft

_RECENT = 3  # sentences back a told action may stand
_BACK = 200  # characters before the word where the licence noun may stand
_PRONOUN_AFTER = re.compile(r" (?:it|them)\b")
_SUSPEND = re.compile(r"suspend", re.I)
_REVOKE = re.compile(r"(?:revok|cancel|withdr|rescind|terminat)", re.I)
# the object is a definite noun, with nothing after it naming a holder: "the licence"
_DEFINITE = re.compile(r" (?:the|its|their|that|this) ")


def licence_pronoun_end(trig: Trigger, text: str) -> str | None:
    """How a ban word ends a licence its pronoun object stands for ("suspended it" after
    "a licence"): `suspended` or `revoked`; None when the word is no such ending."""
    if trig.type != REL.banned or trig.ended_how is not None:
        return None
    if not _PRONOUN_AFTER.match(text, trig.end):
        return None
    if _SUSPEND.match(text, trig.start):
        how = ENDED.suspended
    elif _REVOKE.match(text, trig.start):
        how = ENDED.revoked
    else:
        return None
    before = text[max(0, trig.start - _BACK) : trig.start]
    return how if last_noun_types(before) == frozenset({REL.licensed}) else None


def definite_object(trig: Trigger, text: str) -> bool:
    """Whether an ending trigger's object is a definite noun alone ("suspended the licence")."""
    return trig.obj_start >= 0 and bool(_DEFINITE.match(text, trig.obj_start))


def end_told(
    rtype: str,
    actor: str | None,
    how: str,
    sentence: int,
    relations: list[tuple[int, RelationDraft]],
    table: EntityTable,
) -> bool:
    """Mark ended the latest standing action of `rtype` (by `actor`, when given) told in
    the last few sentences, with every draft of its sentence by the same actor; whether
    one was found."""
    standing = [
        (i, d)
        for i, d in relations
        if d.type == rtype
        and "status" not in d.properties
        and sentence - i <= _RECENT
        and (actor is None or table.resolve(d.source) == table.resolve(actor))
    ]
    if not standing:
        return False
    at, last = standing[-1]
    for i, d in standing:
        if i == at and table.resolve(d.source) == table.resolve(last.source):
            set_status(d, how, None)
    return True
