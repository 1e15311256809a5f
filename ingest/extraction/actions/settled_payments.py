"""A fine paid to settle a case is the fine of the body that brought the case.

"X will pay a $3 million penalty to settle charges brought by the SEC", "X paid a fine to
settle the SEC's charges", "..., settling claims from the CFTC": the payment row's object
side ends at the settling verb (its own trigger: the case, ended settled), so the body
named with the case is out of its reach. `pays_to_settle` tells such a payment; its
agent is then looked for past the settling verb: the body that brought the case ("by",
"from", "with") or whose case it is ("the SEC's charges").
"""

from __future__ import annotations

import re

from graph.ontology import REL
from ingest.extraction.actions.triggers import Trigger

_TO_SETTLE = re.compile(r",? (?:in order )?(?:to settle|to resolve|settling|resolving)\b")
# "to settle the SEC's charges": the case's owner, in the possessive
_CASE_OWNER_GAP = re.compile(
    r",? (?:in order )?(?:to settle|to resolve|settling|resolving) (?:the )?$"
)


def pays_to_settle(trig: Trigger, text: str) -> bool:
    """Whether `trig` is a fine paid to settle the case named next."""
    return (
        trig.type == REL.fined
        and trig.voice == "receiver"
        and _TO_SETTLE.match(text, trig.end) is not None
    )


def case_owner_gap(text: str, start: int, end: int) -> bool:
    """Whether `text[start:end]` is only the settling verb before the case's owner."""
    return _CASE_OWNER_GAP.fullmatch(text, start, end) is not None
