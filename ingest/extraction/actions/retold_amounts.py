"""A fine told again with its amount: the amount of the fine told before without one.

"Zolta Ltd has been fined by the FCA. ... The penalty of £2 million was reduced by 30%
because Zolta settled early." The second sentence names no party and no body: its
penalty is the one the article told before, and its money is that fine's amount. Only
a definite noun ("the penalty", "the fine"), only where the sentence states money next
to it, and only when exactly one fine told before has no amount. The other way round,
"The fine was imposed on X" with no money of its own takes the one amount the earlier
fines carry (`told_fine_money`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from graph.ontology import REL
from ingest.extraction.actions.action_attributes import fine_properties
from ingest.extraction.actions.roles import View
from ingest.extraction.actions.triggers import Trigger

if TYPE_CHECKING:  # (action_drafts reads the amount of a fine told before from here)
    from ingest.extraction.actions.action_drafts import ActionHistory

_DEFINITE = re.compile(r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Ii]ts)\s+$")


def _definite_fine_noun(trig: Trigger, text: str) -> bool:
    """Whether `trig` is a fine noun a definite word points back with ("the fine", "its
    penalty"): a fine the article told before."""
    return (
        trig.type == REL.fined
        and trig.voice == "nominal"
        and _DEFINITE.search(text, max(0, trig.start - 8), trig.start) is not None
    )


def amount_of_told_fine(
    trig: Trigger, view: View, history: ActionHistory, country: str | None
) -> bool:
    """Give the one earlier fine with no amount the money this definite fine noun states;
    whether it did."""
    if not _definite_fine_noun(trig, view.doc_text):
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


def told_fine_money(trig: Trigger, view: View, history: ActionHistory) -> dict[str, object]:
    """The money of the fine a definite fine noun points back at when its own sentence
    states none ("Crypto.com was hit with a fine of 2.85 million euros ... The fine was
    imposed on Foris DAX MT, which runs Crypto.com"): that of the one amount the article's
    earlier fines carry, or nothing when they carry none or several."""
    if not _definite_fine_noun(trig, view.doc_text):
        return {}
    told = {
        (rel.properties["amount"], rel.properties.get("currency"))
        for at, rel in history.relations
        if at < view.sent.index and rel.type == REL.fined and "amount" in rel.properties
    }
    if len(told) != 1:
        return {}
    amount, currency = next(iter(told))
    return {"amount": amount, "currency": currency} if currency else {"amount": amount}
