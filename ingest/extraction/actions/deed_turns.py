"""Where an action's list of objects turns to what the party did.

"charged X with operating Y", "fined X 8 million baht for insider trading linked to Y's
plan", "arrested a man on suspicion of laundering money through Y": the names after such
a turn belong to the deed the action is for, not to its targets. Each row of `TURNS` is
one such turn; `turns_to_deed` says when one stands before a name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class DeedTurn:
    """A phrase that ends the object list, and from where it is looked for."""

    pattern: re.Pattern[str]
    after_object: bool  # only once an object is taken, from its end (else from the trigger)
    why: str  # the reading it keeps out


TURNS = (
    DeedTurn(
        re.compile(
            r"\b(?:on suspicion of|suspected of|in connection with|on charges of|for allegedly)\b"
        ),
        after_object=False,
        why="arrested a man on suspicion of laundering money through X: X is no target",
    ),
    DeedTurn(
        re.compile(r" for (?!(?:each|both|all)\b)"),
        after_object=True,
        why="fined X 8 million baht for insider trading linked to Y's plan: no Y",
    ),
    DeedTurn(
        re.compile(
            r" with (?:allegedly |illegally |unlawfully |knowingly )?(?:operating|running|managing"
            r"|laundering|helping|aiding|conspiring|defrauding|using|owning|founding|creating"
            r"|selling|promoting|controlling)\b"
        ),
        after_object=True,
        why="charged X with operating Y: the charge names what X did with Y",
    ),
)


def turns_to_deed(
    text: str, trigger_end: int, last_object_end: int | None, name_start: int
) -> bool:
    """Whether a turn of `TURNS` stands before the name at `name_start`: after the trigger,
    or (for a turn that follows an object) after the last object taken, if any."""
    for turn in TURNS:
        start = last_object_end if turn.after_object else trigger_end
        if start is not None and turn.pattern.search(text, start, name_start):
            return True
    return False
