"""A party named in the event an action is set after is not the action's target.

"The warning against X marked further steps by the FSA in the wake of the theft from
Y": Y was robbed, not warned. A noun's targets are read from the words after it; from
"in the wake of", "on the heels of", "amid" or "following" on, those words tell of
another event, and `after_other_event` says when a name sits there.
"""

from __future__ import annotations

import re

_OTHER_EVENT = re.compile(r"\b(?:in the wake of|on the heels of|in the aftermath of|amid)\b")


def after_other_event(text: str, trigger_end: int, name_start: int) -> bool:
    """Whether a phrase opening another event stands between a trigger and a name."""
    return _OTHER_EVENT.search(text, trigger_end, name_start) is not None
