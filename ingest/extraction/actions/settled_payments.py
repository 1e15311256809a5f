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

from graph.ontology import GROUP, REL
from ingest.extraction.actions.triggers import Trigger
from ingest.extraction.entities.drafts import EntityTable, Mention

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


# "approved a settlement on Wednesday between OSC staff and X": the settling parties
_BETWEEN = re.compile(r"\b(?:settlement|agreement|deal)(?: [\w-]+){0,3}? between (?:the )?$")
_STAFF_AND = re.compile(r"(?:'s)?(?: enforcement)? staff\b|,? and ")


def settling_body(mentions: list[Mention], text: str, table: EntityTable) -> str | None:
    """The public body a settlement is made "between" with a party, when the sentence's
    subject (a court or tribunal) only approved it: the fine it sets is that body's."""
    for m in mentions:
        if m.key not in table or table.get(m.key).type not in GROUP.public_body:
            continue
        if _BETWEEN.search(text, max(0, m.start - 60), m.start) and _STAFF_AND.match(text, m.end):
            return m.key
    return None
