"""An action noun whose relative clause, set off by commas, says who imposed it on whom.

"The ban, which the FCA imposed on Velmora Ltd in 2022, was lifted in March." The clause
cutter makes ", which ... ," a clause of its own, so the noun's clause names neither the
body nor the party; the restrictive form ("The ban that the FCA imposed on X") keeps them
in one clause and is read by `roles._imposer`. This gives the noun the mentions of that
relative clause too, only when the clause right after it is one of imposing, and reads
the ending the main clause resumes with ("..., was lifted") as the noun's.
"""

from __future__ import annotations

import re

from ingest.extraction.actions.roles import View
from ingest.extraction.actions.triggers import Trigger
from ingest.extraction.entities.drafts import Mention

_IMPOSING_RELATIVE = re.compile(
    r", (?:which|that) (?:the )?[^,.;\n]{1,60}? (?:had |has |have |later |then )?"
    r"(?:imposed|levied|placed|issued|handed down|slapped) (?:on|upon|against)\b"
)


def after_imposing_relative(trig: Trigger, text: str) -> int | None:
    """Where the main clause resumes after the imposing relative clause right after a
    nominal trigger ("The ban, which X imposed on Y in 2022, | was lifted"), or None."""
    if trig.voice != "nominal":
        return None
    found = _IMPOSING_RELATIVE.match(text, trig.end)
    if found is None:
        return None
    close = text.find(",", found.end())
    stop = text.find(".", found.end())
    if close < 0 or (0 <= stop < close):
        return None
    return close + 1


def imposing_relative(trig: Trigger, view: View, text: str) -> list[Mention]:
    """The mentions of the imposing relative clause right after a nominal trigger."""
    if trig.voice != "nominal" or not _IMPOSING_RELATIVE.match(text, trig.end):
        return []
    cid = view.clauses.of(trig.end + 2)
    return [m for m in view.mentions if m.start > trig.end and view.clauses.of(m.start) == cid]
