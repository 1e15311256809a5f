"""A fine told again with its amount: the amount of the fine told before without one.

"Zolta Ltd has been fined by the FCA. ... The penalty of £2 million was reduced by 30%
because Zolta settled early." The second sentence names no party and no body: its
penalty is the one the article told before, and its money is that fine's amount. Only
a definite noun ("the penalty", "the fine"), only where the sentence states money next
to it, and only when exactly one fine told before has no amount.
"""

from __future__ import annotations

import re

from graph.ontology import REL
from ingest.extraction.actions.action_attributes import fine_properties
from ingest.extraction.actions.action_drafts import ActionHistory
from ingest.extraction.actions.roles import View
from ingest.extraction.actions.triggers import Trigger

_DEFINITE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts)\s+$")


def amount_of_told_fine(
    trig: Trigger, view: View, history: ActionHistory, country: str | None
) -> bool:
    """Give the one earlier fine with no amount the money this definite fine noun states;
    whether it did."""
    text = view.doc_text
    if trig.type != REL.fined or trig.voice != "nominal":
        return False
    if not _DEFINITE.search(text, max(0, trig.start - 8), trig.start):
        return False
    told = [
        rel
        for at, rel in history.relations
        if at < view.sent.index and rel.type == REL.fined and "amount" not in rel.properties
    ]
    if (
        len(told) != 1
        or len({rel.target for _, rel in history.relations if rel.type == REL.fined}) != 1
    ):
        return False
    props = fine_properties(trig, view, told[0].target, 1, country)
    if not props:
        return False
    told[0].properties.update(props)
    return True
